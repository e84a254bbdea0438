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

/* The name of a method of anbud's library in words; a model's own method
   by the name the model gave it (in the model's words). */
static const char *method_name(const wbw *w, const char *name)
{
    static const struct { const char *name; word_id id; } lib[] = {
        { "single_price", W_BOOK_METHOD_SINGLE_PRICE }, { "fixed_price", W_BOOK_METHOD_FIXED_PRICE },
        { "basket", W_BOOK_METHOD_BASKET }, { "lcc", W_BOOK_METHOD_LCC },
        { "lowest_ratio", W_BOOK_METHOD_LOWEST_RATIO }, { "linear_from_lowest", W_BOOK_METHOD_LINEAR_FROM_LOWEST },
        { "min_max", W_BOOK_METHOD_MIN_MAX }, { "log_ratio", W_BOOK_METHOD_LOG_RATIO },
        { "absolute_linear", W_BOOK_METHOD_ABSOLUTE_LINEAR }, { "italian_linear", W_BOOK_METHOD_ITALIAN_LINEAR },
        { "italian_bilinear", W_BOOK_METHOD_ITALIAN_BILINEAR }, { "italian_power", W_BOOK_METHOD_ITALIAN_POWER },
        { "sek_per_level", W_BOOK_METHOD_SEK_PER_LEVEL }, { "sek_linear", W_BOOK_METHOD_SEK_LINEAR },
        { "percent", W_BOOK_METHOD_PERCENT }, { "weighted_sum", W_BOOK_METHOD_WEIGHTED_SUM },
        { "comparison_price", W_BOOK_METHOD_COMPARISON_PRICE }, { "value_for_money", W_BOOK_METHOD_VALUE_FOR_MONEY },
        { "utility_index", W_BOOK_METHOD_UTILITY_INDEX }, { "reduced_price", W_BOOK_METHOD_REDUCED_PRICE },
        { "relative_value_cost", W_BOOK_METHOD_RELATIVE_VALUE_COST },
    };
    size_t i;
    if (!name) return NULL;
    for (i = 0; i < sizeof lib / sizeof lib[0]; i++)
        if (strcmp(name, lib[i].name) == 0) return book_word(w, lib[i].id);
    return name;
}

/* A method's Excel template as a reader can read it: the statistics and
   the model's parameters by the names of their cells (LowestPrice, Max_K1,
   Amounts_K1), the method's own numbers as numbers, a bid's figures by
   the heading of their Calculation column in brackets ([Utvärderingspris]).
   No {placeholder} is left. */
static void excel_in_words(const wbw *w, int k, const char *tpl, sbuf *out)
{
    static const struct { const char *ph, *name; } named[] = {
        { "lowest", "LowestPrice" }, { "lowest_price", "LowestPrice" }, { "highest", "HighestPrice" },
        { "mean", "MeanPrice" }, { "best_quality", "BestQuality" }, { "max_quality", "MaxQuality" },
        { "features_max", "FeaturesMax" }, { "lowest_quality", "LowestQuality" },
    };
    static const struct { const char *ph; word_id id; } cells[] = {
        { "price", W_BOOK_EVALUATED_PRICE }, { "quality", W_BOOK_QUALITY }, { "features", W_BOOK_FEATURE_VALUES },
        { "fraction", W_BOOK_XL_SHARE }, { "level", W_BOOK_XL_LEVEL }, { "contributions", W_BOOK_CALC_PART_CONTRIB },
    };
    const model_criterion *c = &w->m->criteria[k];
    const char *p = tpl;
    book_sb_add(out, "=");
    while (*p) {
        const char *e = *p == '{' ? strchr(p, '}') : NULL;
        char name[64];
        size_t i, n;
        mpq_t q;
        int done = 0;
        if (!e || (size_t)(e - p - 1) >= sizeof name) { book_sb_add(out, "%c", *p++); continue; }
        n = (size_t)(e - p - 1);
        memcpy(name, p + 1, n);
        name[n] = '\0';
        p = e + 1;
        for (i = 0; !done && i < sizeof named / sizeof named[0]; i++)
            if (strcmp(name, named[i].ph) == 0) { book_sb_add(out, "%s", named[i].name); done = 1; }
        for (i = 0; !done && i < sizeof cells / sizeof cells[0]; i++)
            if (strcmp(name, cells[i].ph) == 0) { book_sb_add(out, "[%s]", book_word(w, cells[i].id)); done = 1; }
        if (done) continue;
        if (strcmp(name, "max") == 0) { book_sb_add(out, "Max_K%d", k + 1); continue; }
        if (strcmp(name, "amounts") == 0) { book_sb_add(out, "Amounts_K%d", k + 1); continue; }
        mpq_init(q);
        if (model_method_number(w->m, c->method_ref, name, q)) book_sb_num(out, q);
        else book_sb_add(out, "[%s]", name);   /* a model's own parameter, by its own name */
        mpq_clear(q);
    }
}

/* The decimals a figure needs to be shown as it is: none for a whole
   number, else two (the cell keeps the exact value). */
static int places_of(const mpq_t x)
{
    return mpz_cmp_ui(mpq_denref(x), 1) == 0 ? 0 : 2;
}

void book_write_model(wbw *w)
{
    const model *m = w->m;
    lxw_worksheet *ws = w->mod;
    static const word_id kinds[] = { W_BOOK_KIND_QUALITY, W_BOOK_KIND_PRICE, W_BOOK_KIND_ADDED_VALUE,
                                     W_BOOK_KIND_GROUP };
    static const word_id panels[] = { W_BOOK_PANEL_MEAN, W_BOOK_PANEL_MEDIAN, W_BOOK_PANEL_CONSENSUS };
    static const word_id bases[] = { W_BOOK_BASIS_POINTS, W_BOOK_BASIS_COMPARISON_PRICE, W_BOOK_BASIS_RATIO };
    int k, s, row, line, maxcol = 10, last_printed;
    char name[64], line_text[400];
    const char *p;
    sbuf xl = { NULL, 0, 0 };

    book_title_row(w, ws, m->title);
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
    book_text(w, ws, row, 8, book_word(w, W_BOOK_METHOD), w->head);
    book_text(w, ws, row, 9, book_word(w, W_BOOK_IN_WORDS), w->head);
    book_text(w, ws, row, 10, book_word(w, W_BOOK_EXCEL_FORMULA), w->head);
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
            book_text(w, ws, r, 1, sub, w->wrap);
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
        if (c->method_name) book_text(w, ws, r, 8, method_name(w, c->method_name), w->wrap);
        if (c->method_ref != LUA_NOREF) {
            const char *words = method_text(w, c->method_ref, "words");
            int lines = book_wrapped_lines(c->parent >= 0 ? c->id : NULL, 26), l2;
            book_text(w, ws, r, 9, words, w->wrap);
            book_sb_clear(&xl);
            if (c->excel && c->excel[0]) {
                excel_in_words(w, k, c->excel, &xl);
                book_text(w, ws, r, 10, xl.s, w->wrap);
            }
            /* the row shows every line of its wrapped texts */
            l2 = book_wrapped_lines(words, 52);
            if (l2 > lines) lines = l2;
            l2 = book_wrapped_lines(xl.s, 40);
            if (l2 > lines) lines = l2;
            l2 = book_wrapped_lines(method_name(w, c->method_name), 20);
            if (l2 > lines) lines = l2;
            book_row_lines(w, ws, r, lines);
        }
    }
    free(xl.s);
    row = w->crit_row0 + m->ncriteria + 1;

    /* SEK per level and feature values, as named rows */
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        lua_State *Ls = m->sb->L;
        int l, n = 0;
        if (c->nvalues) {
            snprintf(name, sizeof name, "K%d", k + 1);
            book_text(w, ws, row, 0, name, NULL);
            words_snprintf(line_text, sizeof line_text, w->lang, W_BOOK_VALUE_PER_LEVEL, c->id);
            book_text(w, ws, row, 1, line_text, w->wrap);
            for (l = 0; l < c->nvalues; l++)
                book_number(w, ws, row, 2 + l, c->values[l],
                            book_format(w, c->kind == CRIT_ADDED_VALUE ? BOOK_MONEY_INPUT : BOOK_NUM_INPUT,
                                        places_of(c->values[l])));
            if (1 + c->nvalues > maxcol) maxcol = 1 + c->nvalues;
            book_row_lines(w, ws, row, book_wrapped_lines(line_text, 26));
            snprintf(name, sizeof name, "Values_K%d", k + 1);
            book_define(w, name, w->q_model, row, 2, row, 1 + c->nvalues);
            row++;
            continue;
        }
        if (c->method_ref == LUA_NOREF || !c->method_name || strcmp(c->method_name, "sek_per_level") != 0) continue;
        snprintf(name, sizeof name, "K%d", k + 1);
        book_text(w, ws, row, 0, name, NULL);
        words_snprintf(line_text, sizeof line_text, w->lang, W_BOOK_SEK_PER_LEVEL, c->id);
        book_text(w, ws, row, 1, line_text, w->wrap);
        lua_rawgeti(Ls, LUA_REGISTRYINDEX, c->method_ref);
        lua_getfield(Ls, -1, "amounts");
        n = lua_istable(Ls, -1) ? (int)lua_rawlen(Ls, -1) : 0;
        for (l = 1; l <= n; l++) {
            mpq_t q;
            int approx = 0;
            const char *why;
            mpq_init(q);
            lua_rawgeti(Ls, -1, l);
            if (lnum_get(Ls, -1, q, &approx, &why))
                book_number(w, ws, row, 1 + l, q, book_format(w, BOOK_MONEY_INPUT, places_of(q)));
            lua_pop(Ls, 1);
            mpq_clear(q);
        }
        lua_pop(Ls, 2);
        if (1 + n > maxcol) maxcol = 1 + n;
        book_row_lines(w, ws, row, book_wrapped_lines(line_text, 26));
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
            /* not wrapped: the descriptor runs on over the empty cells beside it */
            book_text(w, ws, row + l, 3, sc->texts[l], NULL);
        }
        snprintf(name, sizeof name, "ScaleLabels_S%d", s + 1);
        book_define(w, name, w->q_model, row, 1, row + sc->nlevels - 1, 1);
        snprintf(name, sizeof name, "ScaleValues_S%d", s + 1);
        book_define(w, name, w->q_model, row, 2, row + sc->nlevels - 1, 2);
        row += sc->nlevels + 1;
    }

    /* basis, total, rounding, tie-break */
    /* labels in the wide column, texts running on over the empty cells */
    book_text(w, ws, row, 1, book_word(w, W_BOOK_BASIS), w->bold);
    book_text(w, ws, row++, 2, book_word(w, bases[m->basis]), NULL);
    book_text(w, ws, row, 1, book_word(w, W_BOOK_TOTAL), w->bold);
    book_text(w, ws, row, 2, method_name(w, m->total_name), NULL);
    book_text(w, ws, row++, 4, method_text(w, m->total_ref, "words"), NULL);
    book_text(w, ws, row, 1, book_word(w, W_BOOK_PRICE), w->bold);
    book_text(w, ws, row, 2, method_name(w, m->price.method_name), NULL);
    book_text(w, ws, row++, 4, method_text(w, m->price.method_ref, "words"), NULL);
    {
        char r[600] = "", one[200];
        static const word_id steps[] = { W_BOOK_ROUND_PANEL, W_BOOK_ROUND_SCORE, W_BOOK_ROUND_PRICE,
                                         W_BOOK_ROUND_MONEY, W_BOOK_ROUND_TOTAL };
        static const word_id modes_w[] = { W_BOOK_ROUND_HALF_UP, W_BOOK_ROUND_HALF_EVEN, W_BOOK_ROUND_TRUNCATE };
        int places[5], i;
        dec_mode modes[5];
        places[0] = m->rounding.panel; places[1] = m->rounding.score; places[2] = m->rounding.price;
        places[3] = m->rounding.money; places[4] = m->rounding.total;
        modes[0] = m->rounding.panel_mode; modes[1] = m->rounding.score_mode; modes[2] = m->rounding.price_mode;
        modes[3] = m->rounding.money_mode; modes[4] = m->rounding.total_mode;
        for (i = 0; i < 5; i++)
            if (places[i] >= 0) {
                words_snprintf(one, sizeof one, w->lang, places[i] == 1 ? W_BOOK_ROUNDING_STEP_ONE : W_BOOK_ROUNDING_STEP,
                               book_word(w, steps[i]), places[i], book_word(w, modes_w[modes[i]]));
                snprintf(r + strlen(r), sizeof r - strlen(r), "%s%s", r[0] ? "; " : "", one);
            }
        if (!r[0]) snprintf(r, sizeof r, "%s", book_word(w, W_BOOK_ROUNDING_NONE));
        book_text(w, ws, row, 1, book_word(w, W_BOOK_ROUNDING), w->bold);
        book_text(w, ws, row++, 2, r, NULL);
        r[0] = '\0';
        for (i = 0; i < m->ntiebreak; i++)
            snprintf(r + strlen(r), sizeof r - strlen(r), "%s%s", i ? ", " : "",
                     book_tiebreak_text(w, i, one, sizeof one));
        book_text(w, ws, row, 1, book_word(w, W_BOOK_TIE_BREAK), w->bold);
        book_text(w, ws, row++, 2, r[0] ? r : "-", NULL);
    }
    row++;
    /* the source is evidence for the machine and the auditor (its SHA-256
       is on the Summary); the printout shows the model in words above */
    book_text(w, ws, row++, 1, book_word(w, W_BOOK_MODEL_SOURCE), w->head);
    book_text(w, ws, row, 1, book_word(w, W_BOOK_MODEL_SOURCE_NOTE), NULL);
    last_printed = row++;
    for (p = m->source, line = 1; p && *p; line++) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *l = malloc(n + 1);
        if (!l) break;
        memcpy(l, p, n);
        l[n] = '\0';
        if (n && l[n - 1] == '\r') l[n - 1] = '\0';
        book_value(w, ws, row, 0, line, NULL);
        book_text(w, ws, row++, 1, l, NULL);
        free(l);
        if (!e) break;
        p = e + 1;
    }
    worksheet_set_column(ws, 0, 0, 8, NULL);
    worksheet_set_column(ws, 1, 1, 26, NULL);
    worksheet_set_column(ws, 2, 2, 14, NULL);
    worksheet_set_column(ws, 3, 3, 16, NULL);   /* a scale's "Beskrivning" heading, whole in Gnumeric */
    worksheet_set_column(ws, 4, 7, 14, NULL);
    worksheet_set_column(ws, 8, 8, 20, NULL);
    worksheet_set_column(ws, 9, 9, 52, NULL);
    worksheet_set_column(ws, 10, 10, 40, NULL);
    if (maxcol > 10)   /* amounts per level past the Excel column: room for "120 000 kr" */
        worksheet_set_column(ws, 11, (lxw_col_t)maxcol, 14, NULL);
    book_print_setup(ws, 1, 3, 3, -1, -1);
    worksheet_print_area(ws, 0, 0, (lxw_row_t)last_printed, (lxw_col_t)maxcol);
    worksheet_protect(ws, NULL, NULL);
}
