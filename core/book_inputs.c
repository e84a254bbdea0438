/*
** book_inputs.c: the input sheets, as read: Bids (Anbud), one row per bid and
** a column per field (the price lines' quantities above them), and Scores
** (Bedömningar), one row per evaluator's score with its justification. Owns
** where each bid and score lies (w->bid_row, field_col, score_row), which
** the Calculation sheet's formulas refer to.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "book.h"
#include "sandbox.h"

/* Whether field f is an amount of money the price is formed from: a line
   of the basket, the single price, or a column the life-cycle cost adds up. */
static int money_field(const wbw *w, int f)
{
    const model *m = w->m;
    const char *id = m->fields[f].id;
    lua_State *L = m->sb->L;
    int l, found = 0;
    for (l = 0; l < m->price.nlines; l++)
        if (strcmp(m->price.lines[l].id, id) == 0) return 1;
    if (m->price.id && strcmp(m->price.id, id) == 0) return 1;
    if (!m->price.method_name || strcmp(m->price.method_name, "lcc") != 0 || m->price.method_ref == LUA_NOREF)
        return 0;
    /* the life-cycle cost's columns: params.purchase, once, yearly, residual */
    lua_rawgeti(L, LUA_REGISTRYINDEX, m->price.method_ref);
    if (!lua_istable(L, -1)) { lua_pop(L, 1); return 0; }
    /* raw reads: a table of the model's cannot run code from here */
    lua_pushstring(L, "params");
    if (lua_rawget(L, -2) == LUA_TTABLE) {
        static const char *const keys[] = { "purchase", "once", "yearly", "residual" };
        int k;
        for (k = 0; k < 4 && !found; k++) {
            int t;
            lua_pushstring(L, keys[k]);
            t = lua_rawget(L, -2);
            if (t == LUA_TSTRING) found = strcmp(lua_tostring(L, -1), id) == 0;
            else if (t == LUA_TTABLE) {
                int i, n = (int)lua_rawlen(L, -1);
                for (i = 1; i <= n && !found; i++) {
                    if (lua_rawgeti(L, -1, i) == LUA_TSTRING) found = strcmp(lua_tostring(L, -1), id) == 0;
                    lua_pop(L, 1);
                }
            }
            lua_pop(L, 1);
        }
    }
    lua_pop(L, 2);
    return found;
}

/* Characters in a text (UTF-8), and in its longest word. */
static int text_width(const char *t, int *word)
{
    int n = 0, run = 0;
    *word = 0;
    for (; t && *t; t++) {
        if (((unsigned char)*t & 0xC0) == 0x80) continue;
        n++;
        run = *t == ' ' ? 0 : run + 1;
        if (run > *word) *word = run;
    }
    return n;
}

/* The width of field f's column on the Bids sheet. */
static int field_width(const wbw *w, int f, int places)
{
    int i, word, n, width = 12;
    text_width(w->m->fields[f].id, &word);
    if (word + 2 > width) width = word + 2;
    for (i = 0; i < w->in->nbids; i++) {
        const input_value *v = &w->in->bids[i].fields[f];
        if (!v->present) continue;
        if (v->has_num) {   /* digits, thousands separators, decimals, " kr" */
            double d = fabs(dec_to_double(v->num));
            int digits = d >= 1 ? (int)log10(d) + 1 : 1;
            n = digits + (digits - 1) / 3 + 2 + (places ? places + 1 : 0) + (money_field(w, f) ? 3 : 0);
        }
        else { n = text_width(v->text, &word) + 1; if (word + 1 > n) n = word + 1; }
        if (n > width) width = n;
    }
    return width > 30 ? 30 : width;
}

void book_write_bids(wbw *w)
{
    const model *m = w->m;
    lxw_worksheet *ws = w->bids;
    int i, f, l, col = 2, header = 3, lines = 1, has_qty = 0;
    int *places = calloc((size_t)m->nfields + 1, sizeof *places);
    int *widths = calloc((size_t)m->nfields + 1, sizeof *widths);
    if (!places || !widths) { fputs("anbud: out of memory\n", stderr); exit(2); }
    /* the columns, and the decimals each shows: as many as its figures have */
    for (f = 0; f < m->nfields; f++) {
        const model_field *fd = &m->fields[f];
        if (w->o->public_variant && fd->confidential) { w->field_col[f] = -1; continue; }
        w->field_col[f] = col++;
        for (i = 0; i < w->in->nbids; i++) {
            const input_value *v = &w->in->bids[i].fields[f];
            int p = v->present && v->has_num ? book_places(v->num) : 0;
            if (p > places[f]) places[f] = p;
        }
        if (places[f] > 0 && places[f] < 2 && money_field(w, f)) places[f] = 2;   /* öre: 37,90 kr */
        for (l = 0; l < m->price.nlines; l++)
            if (strcmp(m->price.lines[l].id, fd->id) == 0) has_qty = 1;
    }
    book_title_row(w, ws, book_word(w, W_BOOK_BIDS_AS_READ));
    /* the price lines' quantities, above their columns */
    if (has_qty) book_text(w, ws, header - 1, 1, book_word(w, W_BOOK_QUANTITY), w->bold);
    for (f = 0; f < m->nfields; f++)
        for (l = 0; w->field_col[f] >= 0 && l < m->price.nlines; l++)
            if (strcmp(m->price.lines[l].id, m->fields[f].id) == 0)
                book_number(w, ws, header - 1, w->field_col[f], m->price.lines[l].quantity,
                            book_format(w, BOOK_NUM, book_places(m->price.lines[l].quantity)));
    book_text(w, ws, header, 0, book_word(w, W_BOOK_BID), w->head);
    book_text(w, ws, header, 1, book_word(w, W_BOOK_BIDDER), w->head);
    for (f = 0; f < m->nfields; f++) {
        int n, width = 0;
        if (w->field_col[f] < 0) continue;
        book_text(w, ws, header, w->field_col[f], m->fields[f].id, w->head);
        /* room for the heading's longest word (no word broken) and the
           column's figures or texts, 12 to 30 characters */
        width = field_width(w, f, places[f]);
        worksheet_set_column(ws, (lxw_col_t)w->field_col[f], (lxw_col_t)w->field_col[f], width, NULL);
        n = book_wrapped_lines(m->fields[f].id, width);
        if (n > lines) lines = n;
        widths[f] = width;
    }
    book_row_lines(w, ws, header, lines);
    for (i = 0; i < w->in->nbids; i++) {
        const input_bid *b = &w->in->bids[i];
        int row = header + 1 + i;
        w->bid_row[i] = row;
        lines = book_wrapped_lines(b->bidder, 26);
        book_text(w, ws, row, 0, b->id, w->input);
        book_text(w, ws, row, 1, b->bidder, w->input_wrap);
        for (f = 0; f < m->nfields; f++) {
            const input_value *v = &b->fields[f];
            if (w->field_col[f] < 0 || !v->present) continue;
            if (v->has_num)
                book_number(w, ws, row, w->field_col[f], v->num,
                            book_format(w, money_field(w, f) ? BOOK_MONEY_INPUT : BOOK_NUM_INPUT, places[f]));
            else {
                int n = book_wrapped_lines(v->text, widths[f]);
                if (n > lines) lines = n;
                book_text(w, ws, row, w->field_col[f], v->text, w->input_wrap);
            }
        }
        book_row_lines(w, ws, row, lines);
    }
    worksheet_set_column(ws, 0, 0, 14, NULL);
    worksheet_set_column(ws, 1, 1, 26, NULL);
    worksheet_freeze_panes(ws, (lxw_row_t)header + 1, 2);
    /* no repeated columns: one page wide, and Gnumeric reads no print titles
       of both rows and columns ("Multiple expressions are not supported") */
    book_print_setup(ws, col > 6, header - 1, header, -1, -1);
    worksheet_protect(ws, NULL, NULL);
    free(places);
    free(widths);
}

/* The name shown for the evaluator of score s: as written, or in the
   public variant "Evaluator N", numbered in order of first appearance. */
const char *book_evaluator_label(const wbw *w, int s, char *buf, size_t size)
{
    const input_score *sc = &w->in->scores[s];
    int j, e = 0;
    if (sc->consensus) return book_word(w, W_BOOK_CONSENSUS);
    if (!w->o->public_variant) return sc->evaluator;
    for (j = 0; j < s; j++) {   /* the distinct evaluators before the first row of this one */
        const input_score *o = &w->in->scores[j];
        int k, first = 1;
        if (o->consensus) continue;
        if (strcmp(o->evaluator, sc->evaluator) == 0) break;
        for (k = 0; k < j && first; k++)
            if (!w->in->scores[k].consensus && strcmp(w->in->scores[k].evaluator, o->evaluator) == 0) first = 0;
        e += first;
    }
    snprintf(buf, size, "%s %d", book_word(w, W_BOOK_EVALUATOR), e + 1);
    return buf;
}

void book_write_scores(wbw *w)
{
    const model *m = w->m;
    lxw_worksheet *ws = w->scores;
    int s, header = 2, ndistinct = 0;
    char name[64];
    const char **distinct = calloc((size_t)w->in->nscores + 1, sizeof *distinct);
    if (!distinct) { fputs("anbud: out of memory\n", stderr); exit(2); }
    book_title_row(w, ws, book_word(w, W_BOOK_EVALUATORS_SCORES));
    book_text(w, ws, header, 0, book_word(w, W_BOOK_EVALUATOR), w->head);
    book_text(w, ws, header, 1, book_word(w, W_BOOK_BID), w->head);
    book_text(w, ws, header, 2, book_word(w, W_BOOK_CRITERION), w->head);
    book_text(w, ws, header, 3, book_word(w, W_BOOK_LEVEL), w->head);
    book_text(w, ws, header, 4, book_word(w, W_BOOK_SCORE), w->head);
    book_text(w, ws, header, 5, book_word(w, W_BOOK_JUSTIFICATION), w->head);
    worksheet_set_column(ws, 0, 3, 20, NULL);
    worksheet_set_column(ws, 4, 4, 10, NULL);
    worksheet_set_column(ws, 5, 5, 60, NULL);
    for (s = 0; s < w->in->nscores; s++) {
        const input_score *sc = &w->in->scores[s];
        const model_criterion *c = &m->criteria[sc->criterion];
        int row = header + 1 + s, lines, n;
        w->score_row[s] = row;
        if (sc->consensus) book_text(w, ws, row, 0, book_word(w, W_BOOK_CONSENSUS), w->input);
        else if (w->o->public_variant) {
            /* evaluators are numbered in order of first appearance */
            int e;
            for (e = 0; e < ndistinct && strcmp(distinct[e], sc->evaluator) != 0; e++) ;
            if (e == ndistinct) distinct[ndistinct++] = sc->evaluator;
            snprintf(name, sizeof name, "%s %d", book_word(w, W_BOOK_EVALUATOR), e + 1);
            book_text(w, ws, row, 0, name, w->input);
        } else book_text(w, ws, row, 0, sc->evaluator, w->input);
        book_text(w, ws, row, 1, w->in->bids[sc->bid].id, w->input);
        book_text(w, ws, row, 2, c->id, w->input_wrap);
        if (sc->recused)   /* jäv: on the record, off the panel, no score */
            book_text(w, ws, row, 3, book_word(w, W_BOOK_SCORE_RECUSED), w->bold);
        else {
            if (sc->level >= 0 && c->scale >= 0) book_text(w, ws, row, 3, m->scales[c->scale].labels[sc->level], w->input);
            book_number(w, ws, row, 4, sc->value, book_format(w, BOOK_NUM_INPUT, book_places(sc->value)));
        }
        book_text(w, ws, row, 5, sc->justification, w->wrap);
        /* the row shows all of the justification and of a long criterion name */
        lines = book_wrapped_lines(sc->justification, 60);
        n = book_wrapped_lines(c->id, 20);
        book_row_lines(w, ws, row, n > lines ? n : lines);
    }
    free(distinct);
    worksheet_freeze_panes(ws, (lxw_row_t)header + 1, 0);
    book_print_setup(ws, 1, header, header, -1, -1);
    worksheet_protect(ws, NULL, NULL);
}
