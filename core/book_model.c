/*
** book_model.c: the Model sheet (Modell): the evaluation model as anbud read
** it. Criteria with weight, max, scale, panel and method; values per level;
** scales; basis, total, price, rounding, tie-break; the model's source text.
** Defines the named cells the Calculation sheet uses (Weight_K1, Max_K1,
** ScaleValues_S1, Values_K1, Amounts_K1...).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "book.h"
#include "sandbox.h"
#include "lnum.h"

/* A method's text (its "words") in the workbook's language. */
static const char *method_text(const wbw *w, int ref, const char *key)
{
    static char buf[2000];
    return model_method_text(w->m, ref, key, w->lang, buf, sizeof buf);
}
void book_write_model(wbw *w)
{
    const model *m = w->m;
    lxw_worksheet *ws = w->mod;
    static const word_id kinds[] = { W_BOOK_KIND_QUALITY, W_BOOK_KIND_PRICE, W_BOOK_KIND_ADDED_VALUE,
                                     W_BOOK_KIND_GROUP };
    static const word_id panels[] = { W_BOOK_PANEL_MEAN, W_BOOK_PANEL_MEDIAN, W_BOOK_PANEL_CONSENSUS };
    int k, s, row, line;
    char name[64];
    const char *p;

    book_text(w, ws, 0, 0, m->title, w->title);
    book_text(w, ws, 1, 0, book_word(w, W_BOOK_MODEL_INTRO), NULL);
    row = 3;
    book_text(w, ws, row, 0, "#", w->head);
    book_text(w, ws, row, 1, book_word(w, W_BOOK_CRITERION), w->head);
    book_text(w, ws, row, 2, book_word(w, W_BOOK_KIND), w->head);
    book_text(w, ws, row, 3, book_word(w, W_BOOK_WEIGHT), w->head);
    book_text(w, ws, row, 4, book_word(w, W_BOOK_MAX), w->head);
    book_text(w, ws, row, 5, book_word(w, W_BOOK_SCALE), w->head);
    book_text(w, ws, row, 6, book_word(w, W_BOOK_PANEL), w->head);
    book_text(w, ws, row, 7, book_word(w, W_BOOK_MINIMUM), w->head);
    book_text(w, ws, row, 8, book_word(w, W_BOOK_FORMULA), w->head);
    book_text(w, ws, row, 9, book_word(w, W_BOOK_IN_WORDS), w->head);
    book_text(w, ws, row, 10, "Excel", w->head);
    w->crit_row0 = row + 1;
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        int r = w->crit_row0 + k;
        snprintf(name, sizeof name, "K%d", k + 1);
        book_text(w, ws, r, 0, name, NULL);
        book_text(w, ws, r, 1, c->parent >= 0 ? "" : c->id, w->bold);
        if (c->parent >= 0) {
            char sub[300];
            snprintf(sub, sizeof sub, "  %s / %s", m->criteria[c->parent].id, c->id);
            book_text(w, ws, r, 1, sub, NULL);
        }
        book_text(w, ws, r, 2, book_word(w, kinds[c->kind]), NULL);
        if (c->has_weight) {
            book_number(w, ws, r, 3, c->weight, w->input);
            snprintf(name, sizeof name, "Weight_K%d", k + 1);
            book_define(w, name, w->q_model, r, 3, r, 3);
        }
        if (c->has_max) {
            book_number(w, ws, r, 4, c->max, w->input);
            snprintf(name, sizeof name, "Max_K%d", k + 1);
            book_define(w, name, w->q_model, r, 4, r, 4);
        }
        if (c->scale >= 0) book_text(w, ws, r, 5, m->scales[c->scale].id, NULL);
        if (c->kind == CRIT_QUALITY || c->kind == CRIT_ADDED_VALUE)
            book_text(w, ws, r, 6, c->declared ? book_word(w, W_BOOK_PANEL_DECLARED)
                                           : book_word(w, panels[c->panel]), NULL);
        if (c->has_min) book_number(w, ws, r, 7, c->min, w->input);
        if (c->method_name) book_text(w, ws, r, 8, c->method_name, NULL);
        if (c->method_ref != LUA_NOREF) {
            book_text(w, ws, r, 9, method_text(w, c->method_ref, "words"), w->wrap);
            book_text(w, ws, r, 10, c->excel, NULL);
        }
    }
    row = w->crit_row0 + m->ncriteria + 1;

    /* SEK per level and feature values, as named rows */
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        lua_State *Ls = m->sb->L;
        int l, n = 0;
        if (c->nvalues) {
            book_text(w, ws, row, 0, c->id, w->bold);
            book_text(w, ws, row, 1, book_word(w, W_BOOK_VALUE_PER_LEVEL), NULL);
            for (l = 0; l < c->nvalues; l++) book_number(w, ws, row, 2 + l, c->values[l], w->input);
            snprintf(name, sizeof name, "Values_K%d", k + 1);
            book_define(w, name, w->q_model, row, 2, row, 1 + c->nvalues);
            row++;
            continue;
        }
        if (c->method_ref == LUA_NOREF || !c->method_name || strcmp(c->method_name, "sek_per_level") != 0) continue;
        book_text(w, ws, row, 0, c->id, w->bold);
        book_text(w, ws, row, 1, book_word(w, W_BOOK_SEK_PER_LEVEL), NULL);
        lua_rawgeti(Ls, LUA_REGISTRYINDEX, c->method_ref);
        lua_getfield(Ls, -1, "amounts");
        n = lua_istable(Ls, -1) ? (int)lua_rawlen(Ls, -1) : 0;
        for (l = 1; l <= n; l++) {
            mpq_t q;
            int approx = 0;
            const char *why;
            mpq_init(q);
            lua_rawgeti(Ls, -1, l);
            if (lnum_get(Ls, -1, q, &approx, &why)) book_number(w, ws, row, 1 + l, q, w->input);
            lua_pop(Ls, 1);
            mpq_clear(q);
        }
        lua_pop(Ls, 2);
        if (n > 0) {
            snprintf(name, sizeof name, "Amounts_K%d", k + 1);
            book_define(w, name, w->q_model, row, 2, row, 1 + n);
        }
        row++;
    }
    row++;

    /* scales */
    for (s = 0; s < m->nscales; s++) {
        const model_scale *sc = &m->scales[s];
        int l;
        book_text(w, ws, row, 0, book_word(w, W_BOOK_SCALE), w->head);
        book_text(w, ws, row, 1, sc->id, w->head);
        book_text(w, ws, row, 2, book_word(w, W_BOOK_VALUE), w->head);
        book_text(w, ws, row, 3, book_word(w, W_BOOK_DESCRIPTOR), w->head);
        row++;
        for (l = 0; l < sc->nlevels; l++) {
            book_text(w, ws, row + l, 1, sc->labels[l], w->input);
            book_number(w, ws, row + l, 2, sc->values[l], w->input);
            book_text(w, ws, row + l, 3, sc->texts[l], w->wrap);
        }
        snprintf(name, sizeof name, "ScaleLabels_S%d", s + 1);
        book_define(w, name, w->q_model, row, 1, row + sc->nlevels - 1, 1);
        snprintf(name, sizeof name, "ScaleValues_S%d", s + 1);
        book_define(w, name, w->q_model, row, 2, row + sc->nlevels - 1, 2);
        row += sc->nlevels + 1;
    }

    /* basis, total, rounding, tie-break */
    book_text(w, ws, row, 0, book_word(w, W_BOOK_BASIS), w->bold);
    book_text(w, ws, row++, 1, model_basis_name(m->basis), NULL);
    book_text(w, ws, row, 0, book_word(w, W_BOOK_TOTAL), w->bold);
    book_text(w, ws, row, 1, m->total_name, NULL);
    book_text(w, ws, row++, 2, method_text(w, m->total_ref, "words"), NULL);
    book_text(w, ws, row, 0, book_word(w, W_BOOK_PRICE), w->bold);
    book_text(w, ws, row, 1, m->price.method_name, NULL);
    book_text(w, ws, row++, 2, method_text(w, m->price.method_ref, "words"), NULL);
    {
        char r[300] = "";
        static const char *const steps[] = { "panel", "score", "price", "money", "total" };
        int places[5], i;
        dec_mode modes[5];
        places[0] = m->rounding.panel; places[1] = m->rounding.score; places[2] = m->rounding.price;
        places[3] = m->rounding.money; places[4] = m->rounding.total;
        modes[0] = m->rounding.panel_mode; modes[1] = m->rounding.score_mode; modes[2] = m->rounding.price_mode;
        modes[3] = m->rounding.money_mode; modes[4] = m->rounding.total_mode;
        for (i = 0; i < 5; i++)
            if (places[i] >= 0) snprintf(r + strlen(r), sizeof r - strlen(r), "%s%s %d (%s)", r[0] ? ", " : "",
                                         steps[i], places[i], dec_mode_name(modes[i]));
        if (!r[0]) snprintf(r, sizeof r, "%s", book_word(w, W_BOOK_ROUNDING_NONE));
        book_text(w, ws, row, 0, book_word(w, W_BOOK_ROUNDING), w->bold);
        book_text(w, ws, row++, 1, r, NULL);
        r[0] = '\0';
        for (i = 0; i < m->ntiebreak; i++)
            snprintf(r + strlen(r), sizeof r - strlen(r), "%s%s", i ? ", " : "", m->tiebreak[i].name);
        book_text(w, ws, row, 0, book_word(w, W_BOOK_TIE_BREAK), w->bold);
        book_text(w, ws, row++, 1, r[0] ? r : "-", NULL);
    }
    row++;
    book_text(w, ws, row++, 0, book_word(w, W_BOOK_MODEL_SOURCE), w->head);
    for (p = m->source, line = 1; p && *p; line++) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *l = malloc(n + 1);
        if (!l) break;
        memcpy(l, p, n);
        l[n] = '\0';
        if (n && l[n - 1] == '\r') l[n - 1] = '\0';
        book_note(w, worksheet_write_number(ws, (lxw_row_t)row, 0, line, NULL));
        book_text(w, ws, row++, 1, l, NULL);
        free(l);
        if (!e) break;
        p = e + 1;
    }
    worksheet_set_column(ws, 0, 0, 8, NULL);
    worksheet_set_column(ws, 1, 1, 28, NULL);
    worksheet_set_column(ws, 2, 8, 12, NULL);
    worksheet_set_column(ws, 9, 9, 50, NULL);
    worksheet_set_column(ws, 10, 10, 40, NULL);
    worksheet_protect(ws, NULL, NULL);
}
