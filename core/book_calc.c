/*
** book_calc.c: the Calculation sheet (Beräkning). Restates every figure of
** evaluate.c as an Excel formula over the input cells (Bids, Scores) and the
** model's named cells (Model), caches the engine's exact value beside a check
** cell, and defines the names the other sheets read (LowestPrice, Totals,
** Ranks...). Owns the Calculation columns (calc_columns), the expansion of a
** method's Excel template ({placeholders}) and the partial sums of long lists.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "book.h"
#include "sandbox.h"

#define CALC_FIRST_ROW 14       /* first bid row of the Calculation sheet (0-based) */
/* Cells per partial sum: a sum over every criterion of a big model (2 000
   criteria) would pass Excel's limits on a formula, 8 192 characters and
   255 arguments to a function (LibreOffice says Err:512), so it is split
   into live partial sums of at most this many cells, in their own columns. */
#define SUM_CHUNK 250
#define MAX_ARGS 255

/* {=========== method tables ============ */

/* Append x rounded at places in mode, as Excel computes it. */
static void sb_round(sbuf *b, const char *x, int places, dec_mode mode)
{
    switch (mode) {
    case DEC_HALF_UP:
        book_sb_add(b, "ROUND(%s,%d)", x, places);
        break;
    case DEC_TRUNCATE:
        book_sb_add(b, "TRUNC(%s,%d)", x, places);
        break;
    case DEC_HALF_EVEN:
        /* Excel has no banker's rounding: a half goes to the even neighbour.
           "Exactly half" is decided with a tolerance, since x is a double:
           1.005 is 1.00499999999999989… and 1.005*100 is not 100.5. With
           u = |x|·10^p, x is a half when the fraction of u is 0.5 within
           u·1e-13 + 1e-9 (far more than the few ulps a formula's double lies
           from the exact value; a figure that is no half but lies that close
           to one is taken for one, and its check cell says so). The result
           is then the even one of TRUNC(u) and TRUNC(u)+1, with x's sign:
           TRUNC of a u near k+0.5 is k in every spreadsheet. */
        book_sb_add(b, "IF(ABS(ABS(%s)*10^%d-TRUNC(ABS(%s)*10^%d)-0.5)<=ABS(%s)*10^%d*1E-13+1E-9,"
                       "SIGN(%s)*(TRUNC(ABS(%s)*10^%d)+MOD(TRUNC(ABS(%s)*10^%d),2))/10^%d,ROUND(%s,%d))",
                    x, places, x, places, x, places, x, x, places, x, places, places, x, places);
        break;
    }
}

/* Field key of the method at ref (or of its params) as a number literal. */
static int method_number(const wbw *w, int ref, const char *key, sbuf *out)
{
    mpq_t q;
    int ok;
    mpq_init(q);
    ok = model_method_number(w->m, ref, key, q);
    if (ok) book_sb_num(out, q);
    mpq_clear(q);
    return ok;
}

/* Resolve a {placeholder} of an Excel template for a bid's row. */
typedef struct tctx {
    wbw *w;
    int ref;                /* the method */
    int k;                  /* criterion, or -1 */
    int row;                /* Calculation row */
    int in_sum;             /* the placeholder is SUM's only argument */
} tctx;

static void list_refs(wbw *w, int list, int row, const char *sep, sbuf *out);
static int list_size(const model *m, int list);

static int placeholder(tctx *c, const char *name, sbuf *out)
{
    wbw *w = c->w;
    const model *m = w->m;
    if (strcmp(name, "price") == 0) { book_sb_ref(out, NULL, c->row, w->c_price, 0); return 1; }
    if (strcmp(name, "lowest") == 0 || strcmp(name, "lowest_price") == 0) { book_sb_add(out, "LowestPrice"); return 1; }
    if (strcmp(name, "highest") == 0) { book_sb_add(out, "HighestPrice"); return 1; }
    if (strcmp(name, "mean") == 0) { book_sb_add(out, "MeanPrice"); return 1; }
    if (strcmp(name, "best_quality") == 0) { book_sb_add(out, "BestQuality"); return 1; }
    if (strcmp(name, "max_quality") == 0) { book_sb_add(out, "MaxQuality"); return 1; }
    if (strcmp(name, "features_max") == 0) { book_sb_add(out, "FeaturesMax"); return 1; }
    if (strcmp(name, "lowest_quality") == 0) { book_sb_add(out, "LowestQuality"); return 1; }
    if (strcmp(name, "quality") == 0) { book_sb_ref(out, NULL, c->row, w->c_quality, 0); return 1; }
    if (strcmp(name, "features") == 0) { book_sb_ref(out, NULL, c->row, w->c_features, 0); return 1; }
    if (strcmp(name, "max") == 0 && c->k >= 0) { book_sb_add(out, "Max_K%d", c->k + 1); return 1; }
    if (strcmp(name, "contributions") == 0) {
        /* partial sums stand for the cells only where they are summed */
        if (w->n_part[LIST_CONTRIB] && !c->in_sum) return 0;
        if (list_size(m, LIST_CONTRIB) == 0) book_sb_add(out, "0");
        else list_refs(w, LIST_CONTRIB, c->row, ",", out);
        return 1;
    }
    if (strcmp(name, "fraction") == 0 && c->k >= 0) {
        const model_criterion *cr = &m->criteria[c->k];
        sbuf s = { NULL, 0, 0 };
        book_sb_ref(&s, NULL, c->row, w->c_round[c->k] >= 0 ? w->c_round[c->k] : w->c_score[c->k], 0);
        if (cr->surcharge) book_sb_add(out, "(Max_K%d-%s)/Max_K%d", c->k + 1, s.s, c->k + 1);
        else book_sb_add(out, "%s/Max_K%d", s.s, c->k + 1);
        free(s.s);
        return 1;
    }
    return method_number(w, c->ref, name, out);
}

/* Expand template with placeholders; 0 if one cannot be resolved. */
static int expand(tctx *c, const char *tpl, sbuf *out)
{
    const char *p = tpl;
    book_sb_add(out, "=");
    while (*p) {
        if (*p == '{') {
            const char *e = strchr(p, '}');
            char name[64];
            if (!e || (size_t)(e - p - 1) >= sizeof name) return 0;
            memcpy(name, p + 1, (size_t)(e - p - 1));
            name[e - p - 1] = '\0';
            c->in_sum = p - tpl >= 4 && strncmp(p - 4, "SUM(", 4) == 0 &&
                        (p - tpl == 4 || !(p[-5] >= 'A' && p[-5] <= 'Z')) && e[1] == ')';
            if (!placeholder(c, name, out)) return 0;
            p = e + 1;
        } else {
            book_sb_add(out, "%c", *p++);
        }
    }
    return 1;
}

/* }====================================== */

/* {=========== Calculation sheet ============ */

static void calc_columns(wbw *w)
{
    const model *m = w->m;
    int k, col = 2;
    w->c_price = col; col += 2;
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        w->c_value[k] = w->c_score[k] = w->c_round[k] = w->c_contrib[k] = -1;
        if (c->kind != CRIT_GROUP && c->kind != CRIT_PRICE) { w->c_value[k] = col; col += 2; }
        if (!c->nvalues) { w->c_score[k] = col; col += 2; }
        if (!c->nvalues && m->rounding.score >= 0 && c->kind != CRIT_GROUP) { w->c_round[k] = col; col += 2; }
        w->c_contrib[k] = col; col += 2;
    }
    w->c_features = col; col += 2;
    w->c_quality = col; col += 2;
    w->c_total = col; col += 2;
    w->c_total_r = -1;
    if (w->ev->total_places >= 0) { w->c_total_r = col; col += 2; }
    w->c_rank = col; col += 2;
    for (k = 0; k < NLISTS; k++) {
        int n = list_size(m, k);
        w->n_part[k] = n > SUM_CHUNK ? (n + SUM_CHUNK - 1) / SUM_CHUNK : 0;
        w->c_part[k] = col;
        col += 2 * w->n_part[k];
    }
    w->ncols = col;
}

/* Whether criterion k's contribution is in the list: the feature values,
   the quality (in comparison-price models the added values), or the
   {contributions} a total adds up. */
static int in_list(const model *m, int list, int k)
{
    const model_criterion *c = &m->criteria[k];
    switch (list) {
    case LIST_FEATURES: return c->nvalues > 0;
    case LIST_QUALITY:
        if (c->parent >= 0 || c->nvalues) return 0;
        return m->basis == BASIS_COMPARISON_PRICE ? c->kind == CRIT_ADDED_VALUE
                                                  : c->kind == CRIT_QUALITY || c->kind == CRIT_GROUP;
    default:
        if (c->parent >= 0 || c->nvalues) return 0;
        return m->basis == BASIS_POINTS || c->kind == CRIT_ADDED_VALUE;
    }
}

static int list_size(const model *m, int list)
{
    int k, n = 0;
    for (k = 0; k < m->ncriteria; k++) n += in_list(m, list, k);
    return n;
}

/* Append the list's cells on row, sep between them: the contributions
   themselves, or the partial sums that add them up. */
static void list_refs(wbw *w, int list, int row, const char *sep, sbuf *out)
{
    const model *m = w->m;
    int k, j, n = 0;
    if (w->n_part[list]) {
        for (j = 0; j < w->n_part[list]; j++) {
            book_sb_add(out, "%s", j ? sep : "");
            book_sb_ref(out, NULL, row, w->c_part[list] + 2 * j, 0);
        }
        return;
    }
    for (k = 0; k < m->ncriteria; k++)
        if (in_list(m, list, k)) {
            book_sb_add(out, "%s", n++ ? sep : "");
            book_sb_ref(out, NULL, row, w->c_contrib[k], 0);
        }
}

/* The partial sums of bid b's long lists on row, each cached with the sum
   of the engine's contributions it adds up. */
static void write_parts(wbw *w, const eval_bid *b, int row)
{
    const model *m = w->m;
    sbuf f = { NULL, 0, 0 };
    mpq_t sum;
    int list, k;
    mpq_init(sum);
    for (list = 0; list < NLISTS; list++) {
        int j = 0, n = 0;
        if (!w->n_part[list]) continue;
        for (k = 0; k < m->ncriteria; k++) {
            if (!in_list(m, list, k)) continue;
            if (n == 0) { book_sb_clear(&f); book_sb_add(&f, "=SUM("); mpq_set_ui(sum, 0, 1); }
            book_sb_add(&f, "%s", n ? "," : "");
            book_sb_ref(&f, NULL, row, w->c_contrib[k], 0);
            mpq_add(sum, sum, b->crit[k].contribution);
            if (++n == SUM_CHUNK) {
                book_sb_add(&f, ")");
                book_figure(w, w->calc, row, w->c_part[list] + 2 * j++, f.s, sum);
                n = 0;
            }
        }
        if (n) {
            book_sb_add(&f, ")");
            book_figure(w, w->calc, row, w->c_part[list] + 2 * j, f.s, sum);
        }
    }
    mpq_clear(sum);
    free(f.s);
}

static void calc_header(wbw *w, int row)
{
    const model *m = w->m;
    lxw_worksheet *ws = w->calc;
    char h[300];
    int k;
    book_text(w, ws, row, 0, book_word(w, W_BOOK_BID), w->head);
    book_text(w, ws, row, 1, book_word(w, W_BOOK_BIDDER), w->head);
    book_text(w, ws, row, w->c_price, book_word(w, W_BOOK_EVALUATED_PRICE), w->head);
    for (k = 0; k < m->ncriteria; k++) {
        const char *id = m->criteria[k].id;
        if (w->c_value[k] >= 0) { snprintf(h, sizeof h, "%s: %s", id, book_word(w, W_BOOK_CALC_VALUE)); book_text(w, ws, row, w->c_value[k], h, w->head); }
        if (w->c_score[k] >= 0) { snprintf(h, sizeof h, "%s: %s", id, book_word(w, W_BOOK_CALC_SCORE)); book_text(w, ws, row, w->c_score[k], h, w->head); }
        if (w->c_round[k] >= 0) { snprintf(h, sizeof h, "%s: %s", id, book_word(w, W_BOOK_CALC_ROUNDED)); book_text(w, ws, row, w->c_round[k], h, w->head); }
        snprintf(h, sizeof h, "%s: %s", id, m->criteria[k].kind == CRIT_ADDED_VALUE && !m->criteria[k].nvalues
                 ? book_word(w, W_BOOK_CALC_SEK) : book_word(w, W_BOOK_CALC_CONTRIBUTION));
        book_text(w, ws, row, w->c_contrib[k], h, w->head);
    }
    book_text(w, ws, row, w->c_features, book_word(w, W_BOOK_FEATURE_VALUES), w->head);
    book_text(w, ws, row, w->c_quality, book_word(w, W_BOOK_QUALITY), w->head);
    book_text(w, ws, row, w->c_total, book_word(w, W_BOOK_TOTAL_EXACT), w->head);
    if (w->c_total_r >= 0) book_text(w, ws, row, w->c_total_r, book_word(w, W_BOOK_TOTAL), w->head);
    book_text(w, ws, row, w->c_rank, book_word(w, W_BOOK_RANK), w->head);
    for (k = 0; k < NLISTS; k++) {
        static const word_id names[] = { W_BOOK_CALC_PART_FEATURES, W_BOOK_CALC_PART_QUALITY,
                                         W_BOOK_CALC_PART_CONTRIB };
        int j;
        for (j = 0; j < w->n_part[k]; j++) {
            snprintf(h, sizeof h, "%s %d: %s", book_word(w, W_BOOK_PARTIAL_SUM), j + 1, book_word(w, names[k]));
            book_text(w, ws, row, w->c_part[k] + 2 * j, h, w->head);
        }
    }
    /* the checks' headings after the others (in the same row, so that the
       row is still written at once): the order in which texts are first
       written numbers them in the shared-strings table */
    for (k = 2; k < w->ncols; k += 2)
        book_text(w, ws, row, k + 1, book_word(w, W_BOOK_CALC_CHECK), w->head);
}

/* The panel's aggregate of bid bi (an input bid) on criterion k. */
static void value_formula(wbw *w, int bi, int k, sbuf *f)
{
    const model *m = w->m;
    const model_criterion *c = &m->criteria[k];
    int s, n = 0, cons = -1;
    if (c->declared) {
        sbuf cell = { NULL, 0, 0 };
        book_sb_ref(&cell, w->q_bids, w->bid_row[bi], w->field_col[c->field], 0);
        if (c->scale >= 0) book_sb_add(f, "=INDEX(ScaleValues_S%d,MATCH(%s,ScaleLabels_S%d,0))", c->scale + 1, cell.s, c->scale + 1);
        else book_sb_add(f, "=%s", cell.s);
        free(cell.s);
        return;
    }
    const int head = w->ev->score_head[bi * m->ncriteria + k];
    for (s = head; s >= 0; s = w->ev->score_next[s])
        if (w->in->scores[s].consensus) cons = s;
    if (c->panel == PANEL_CONSENSUS && cons >= 0) {
        book_sb_add(f, "=");
        book_sb_ref(f, w->q_scores, w->score_row[cons], 4, 0);
        return;
    }
    book_sb_add(f, "=%s(", c->panel == PANEL_MEDIAN ? "MEDIAN" : "AVERAGE");
    for (s = head; s >= 0; s = w->ev->score_next[s]) {
        if (w->in->scores[s].consensus || w->in->scores[s].recused) continue;
        book_sb_add(f, n++ ? "," : "");
        book_sb_ref(f, w->q_scores, w->score_row[s], 4, 0);
    }
    book_sb_add(f, ")");
    if (n > MAX_ARGS) book_sb_clear(f);   /* a median cannot be split: the value */
}

/* Append a reference to bid bi's cell of the bids column named name; 0 if
   the model has no such column or the sheet leaves it out. A method's
   column names are read when the workbook is written, after the model's
   own functions have run, so they are looked up, not trusted. */
static int column_ref(wbw *w, sbuf *f, int bi, const char *name)
{
    int fi = name ? model_find_field(w->m, name) : -1;
    if (fi < 0 || w->field_col[fi] < 0) return 0;
    book_sb_ref(f, w->q_bids, w->bid_row[bi], w->field_col[fi], 0);
    return 1;
}

static void price_formula(wbw *w, int bi, int row, sbuf *f)
{
    const model *m = w->m;
    const char *name = m->price.method_name;
    int l;
    (void)row;
    if (strcmp(name, "single_price") == 0) {
        int fi = model_find_field(m, m->price.id);
        book_sb_add(f, "=");
        book_sb_ref(f, w->q_bids, w->bid_row[bi], w->field_col[fi], 0);
    } else if (strcmp(name, "basket") == 0) {
        int c0 = w->field_col[model_find_field(m, m->price.lines[0].id)], contiguous = 1;
        for (l = 1; l < m->price.nlines; l++)
            if (w->field_col[model_find_field(m, m->price.lines[l].id)] != c0 + l) contiguous = 0;
        if (contiguous) {   /* quantities row × unit prices row */
            book_sb_add(f, "=SUMPRODUCT(");
            book_sb_ref(f, w->q_bids, w->bid_row[0] - 2, c0, 1);
            book_sb_add(f, ":");
            book_sb_ref(f, NULL, w->bid_row[0] - 2, c0 + m->price.nlines - 1, 1);
            book_sb_add(f, ",");
            book_sb_ref(f, w->q_bids, w->bid_row[bi], c0, 0);
            book_sb_add(f, ":");
            book_sb_ref(f, NULL, w->bid_row[bi], c0 + m->price.nlines - 1, 0);
            book_sb_add(f, ")");
            return;
        }
        book_sb_add(f, "=SUMPRODUCT(");
        for (l = 0; l < m->price.nlines; l++) {
            int fi = model_find_field(m, m->price.lines[l].id);
            book_sb_add(f, l ? "+" : "");
            book_sb_ref(f, w->q_bids, w->bid_row[0] - 2, w->field_col[fi], 1);
            book_sb_add(f, "*");
            book_sb_ref(f, w->q_bids, w->bid_row[bi], w->field_col[fi], 0);
        }
        book_sb_add(f, ")");
    } else if (strcmp(name, "fixed_price") == 0) {
        book_sb_clear(f);
        book_sb_add(f, "=");
        method_number(w, m->price.method_ref, "amount", f);
    } else if (strcmp(name, "lcc") == 0) {
        /* purchase + once + yearly × annuity factor − residual × discount factor */
        lua_State *L = m->sb->L;
        sbuf rate = { NULL, 0, 0 }, years = { NULL, 0, 0 };
        int zero, ok = 1;
        method_number(w, m->price.method_ref, "rate", &rate);
        if (!method_number(w, m->price.method_ref, "years", &years)) book_sb_add(&years, "0");
        zero = strcmp(rate.s ? rate.s : "0", "0") == 0;
        book_sb_add(f, "=0");
        lua_rawgeti(L, LUA_REGISTRYINDEX, m->price.method_ref);
        lua_getfield(L, -1, "params");
        if (lua_getfield(L, -1, "purchase") == LUA_TSTRING) {
            book_sb_add(f, "+");
            ok = ok && column_ref(w, f, bi, lua_tostring(L, -1));
        }
        lua_pop(L, 1);
        if (lua_getfield(L, -1, "once") == LUA_TTABLE) {
            int i, n = (int)lua_rawlen(L, -1);
            for (i = 1; i <= n; i++) {
                if (lua_rawgeti(L, -1, i) == LUA_TSTRING) {
                    book_sb_add(f, "+");
                    ok = ok && column_ref(w, f, bi, lua_tostring(L, -1));
                }
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
        if (lua_getfield(L, -1, "yearly") == LUA_TTABLE && lua_rawlen(L, -1) > 0) {
            int i, n = (int)lua_rawlen(L, -1);
            book_sb_add(f, "+(");
            for (i = 1; i <= n; i++) {
                if (lua_rawgeti(L, -1, i) == LUA_TSTRING) {
                    book_sb_add(f, i > 1 ? "+" : "");
                    ok = ok && column_ref(w, f, bi, lua_tostring(L, -1));
                }
                lua_pop(L, 1);
            }
            if (zero) book_sb_add(f, ")*%s", years.s);
            else book_sb_add(f, ")*(1-(1+%s)^-%s)/%s", rate.s, years.s, rate.s);
        }
        lua_pop(L, 1);
        if (lua_getfield(L, -1, "residual") == LUA_TSTRING) {
            book_sb_add(f, "-");
            ok = ok && column_ref(w, f, bi, lua_tostring(L, -1));
            if (!zero) book_sb_add(f, "/(1+%s)^%s", rate.s, years.s);
        }
        if (!ok) book_sb_clear(f);   /* written as a value instead */
        lua_pop(L, 3);
        free(rate.s);
        free(years.s);
    }
}

/* An added value's amount in SEK, as Excel computes it. */
static int amount_formula(wbw *w, int k, int row, sbuf *f)
{
    const model *m = w->m;
    const model_criterion *c = &m->criteria[k];
    tctx t;
    sbuf score = { NULL, 0, 0 };
    int ok = 1;
    book_sb_ref(&score, NULL, row, w->c_round[k] >= 0 ? w->c_round[k] : w->c_score[k], 0);
    if (c->nvalues) {
        sbuf v = { NULL, 0, 0 };
        book_sb_ref(&v, NULL, row, w->c_value[k], 0);
        /* a named row: INDEX with both indices, which Gnumeric needs too */
        book_sb_add(f, "=INDEX(Values_K%d,1,MATCH(%s,ScaleValues_S%d,0))", k + 1, v.s, c->scale + 1);
        free(v.s);
    } else if (strcmp(c->method_name, "sek_per_level") == 0) {
        sbuf v = { NULL, 0, 0 };
        book_sb_ref(&v, NULL, row, w->c_value[k], 0);
        book_sb_add(f, "=%sINDEX(Amounts_K%d,1,MATCH(%s,ScaleValues_S%d,0))", c->surcharge ? "" : "-", k + 1, v.s, c->scale + 1);
        free(v.s);
    } else {
        const char *tpl = c->excel ? c->excel : "";
        char *copy = strdup(tpl);
        sbuf body = { NULL, 0, 0 };
        t.w = w; t.ref = c->method_ref; t.k = k; t.row = row;
        ok = copy && copy[0] && expand(&t, copy, &body);
        if (ok) book_sb_add(f, "=%s(%s)", c->surcharge ? "" : "-", body.s + 1);
        free(body.s);
        free(copy);
    }
    free(score.s);
    return ok;
}

/* Bid i's rank on row r: the bids better on the (rounded) total, plus the
   place the tie-break gave. */
static void rank_figure(wbw *w, int i, int r, int first, int last)
{
    const evaluation *ev = w->ev;
    const eval_bid *b = &ev->bids[i];
    sbuf *f = &w->f;
    int better = 0, j, tc = w->c_total_r >= 0 ? w->c_total_r : w->c_total;
    char cell[32];
    sbuf rng = { NULL, 0, 0 };
    mpq_t q;
    for (j = 0; j < ev->nbids; j++) {
        int c;
        if (ev->bids[j].stage) continue;
        c = mpq_cmp(ev->bids[j].total, b->total);
        if (ev->higher_is_better ? c > 0 : c < 0) better++;
    }
    book_sb_ref(&rng, NULL, first, tc, 1);
    book_sb_add(&rng, ":");
    book_sb_ref(&rng, NULL, last, tc, 1);
    lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)tc);
    book_sb_clear(f);
    book_sb_add(f, "=SUMPRODUCT(--(%s%s%s))+1", rng.s, ev->higher_is_better ? ">" : "<", cell);
    if (b->rank - 1 - better > 0) book_sb_add(f, "+%d", b->rank - 1 - better);
    mpq_init(q);
    mpq_set_si(q, b->rank, 1);
    book_figure(w, w->calc, r, w->c_rank, f->s, q);
    mpq_clear(q);
    free(rng.s);
}

void book_write_calc(wbw *w)
{
    const evaluation *ev = w->ev;
    const model *m = w->m;
    lxw_worksheet *ws = w->calc;
    sbuf *f = &w->f;
    int i, k, row, header = CALC_FIRST_ROW - 1, nr = ev->nranked, first = CALC_FIRST_ROW;
    int last = first + nr - 1;
    mpq_t q;
    tctx t;
    mpq_init(q);
    calc_columns(w);
    book_text(w, ws, 0, 0, book_word(w, W_BOOK_CALC_TITLE), w->title);
    book_text(w, ws, 1, 0, book_word(w, W_BOOK_CALC_INTRO), NULL);
    if (ev->total_places >= 0 && (strcmp(m->total_name, "comparison_price") == 0 || strcmp(m->total_name, "weighted_sum") == 0)) {
        /* the total is rounded once, after the exact sum (research §3.7) */
        char note[300];
        words_snprintf(note, sizeof note, w->lang, W_BOOK_CALC_ROUNDED_ONCE, ev->total_places);
        book_text(w, ws, 2, 0, note, NULL);
    }

    /* rows of the remaining bids, in input order, then the excluded ones */
    for (i = 0, row = first; i < ev->nbids; i++)
        w->calc_row[i] = ev->bids[i].stage ? -1 : row++;

    /* statistics over the remaining bids */
    {
        static const char *const names[] = { "LowestPrice", "HighestPrice", "MeanPrice", "BidCount",
                                             "BestQuality", "MaxQuality", "FeaturesMax", "LowestQuality" };
        static const word_id labels[] = { W_BOOK_STAT_LOWEST_PRICE, W_BOOK_STAT_HIGHEST_PRICE, W_BOOK_STAT_MEAN_PRICE,
                                          W_BOOK_STAT_BID_COUNT, W_BOOK_STAT_BEST_QUALITY, W_BOOK_STAT_MAX_QUALITY,
                                          W_BOOK_STAT_FEATURES_MAX, W_BOOK_STAT_LOWEST_QUALITY };
        const mpq_t *stat[8];
        int s;
        mpq_set_si(q, nr, 1);
        stat[0] = (const mpq_t *)&ev->lowest_price;
        stat[1] = (const mpq_t *)&ev->highest_price;
        stat[2] = (const mpq_t *)&ev->mean_price;
        stat[3] = (const mpq_t *)&q;
        stat[4] = (const mpq_t *)&ev->best_quality;
        stat[5] = (const mpq_t *)&ev->max_quality;
        stat[6] = (const mpq_t *)&ev->features_max;
        stat[7] = (const mpq_t *)&ev->lowest_quality;
        for (s = 0; s < 8; s++) {
            int r = 3 + s;
            book_text(w, ws, r, 0, book_word(w, labels[s]), w->bold);
            book_sb_clear(f);
            if (nr == 0 || s == 5 || s == 6) book_number(w, ws, r, 2, *stat[s], w->num);
            else {
                sbuf rng = { NULL, 0, 0 };
                int col = s == 4 || s == 7 ? w->c_quality : w->c_price;
                book_sb_ref(&rng, NULL, first, col, 1);
                book_sb_add(&rng, ":");
                book_sb_ref(&rng, NULL, last, col, 1);
                if (s == 0) book_sb_add(f, "=MIN(%s)", rng.s);
                else if (s == 1) book_sb_add(f, "=MAX(%s)", rng.s);
                else if (s == 2) book_sb_add(f, "=AVERAGE(%s)", rng.s);
                else if (s == 3) book_sb_add(f, "=COUNT(%s)", rng.s);
                else if (s == 4) book_sb_add(f, "=MAX(%s)", rng.s);
                else book_sb_add(f, "=MIN(%s)", rng.s);
                book_figure(w, ws, r, 2, f->s, *stat[s]);
                free(rng.s);
            }
            book_define(w, names[s], w->q_calc, r, 2, r, 2);
        }
    }

    calc_header(w, header);
    for (i = 0; i < ev->nbids; i++) {
        const eval_bid *b = &ev->bids[i];
        const input_bid *ib = &w->in->bids[b->input];
        int r = w->calc_row[i];
        if (r < 0) continue;
        book_text(w, ws, r, 0, ib->id, NULL);
        book_text(w, ws, r, 1, ib->bidder, NULL);
        book_sb_clear(f);
        price_formula(w, b->input, r, f);
        if (m->rounding.price >= 0 && f->n) {
            char *inner = strdup(f->s + 1);
            book_sb_clear(f);
            book_sb_add(f, "=");
            sb_round(f, inner, m->rounding.price, m->rounding.price_mode);
            free(inner);
        }
        if (f->n) book_figure_fmt(w, ws, r, w->c_price, f->s, b->price, w->money);
        else book_custom(w, ws, r, w->c_price, b->price);

        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            const eval_crit *ec = &b->crit[k];
            char cell[32];
            int j;
            if (w->c_value[k] >= 0) {
                book_sb_clear(f);
                value_formula(w, b->input, k, f);
                if (f->n && m->rounding.panel >= 0 && c->panel != PANEL_CONSENSUS && !c->declared) {
                    char *inner = strdup(f->s + 1);
                    book_sb_clear(f);
                    book_sb_add(f, "=");
                    sb_round(f, inner ? inner : "0", m->rounding.panel, m->rounding.panel_mode);
                    free(inner);
                }
                book_figure(w, ws, r, w->c_value[k], f->s, ec->value);
            }
            if (w->c_score[k] >= 0) {
                book_sb_clear(f);
                if (c->kind == CRIT_PRICE) {
                    const char *tpl = c->excel ? c->excel : "";
                    char *copy = strdup(tpl);
                    t.w = w; t.ref = c->method_ref; t.k = k; t.row = r;
                    if (!copy || !copy[0] || !expand(&t, copy, f)) book_sb_clear(f);
                    free(copy);
                } else if (c->kind == CRIT_GROUP) {
                    int n = 0;
                    book_sb_add(f, "=SUM(");
                    for (j = k + 1; j < m->ncriteria; j++)
                        if (m->criteria[j].parent == k) {
                            book_sb_add(f, n++ ? "," : "");
                            book_sb_ref(f, NULL, r, w->c_contrib[j], 0);
                        }
                    book_sb_add(f, ")");
                } else {
                    lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)w->c_value[k]);
                    if (c->rescale) {   /* the best remaining bid gets max */
                        book_sb_add(f, "=IF(MAX(");
                        book_sb_ref(f, NULL, first, w->c_value[k], 1);
                        book_sb_add(f, ":");
                        book_sb_ref(f, NULL, last, w->c_value[k], 1);
                        book_sb_add(f, ")>0,Max_K%d*%s/MAX(", k + 1, cell);
                        book_sb_ref(f, NULL, first, w->c_value[k], 1);
                        book_sb_add(f, ":");
                        book_sb_ref(f, NULL, last, w->c_value[k], 1);
                        book_sb_add(f, "),0)");
                    } else if (c->scale >= 0) book_sb_add(f, "=Max_K%d*%s/MAX(ScaleValues_S%d)", k + 1, cell, c->scale + 1);
                    else book_sb_add(f, "=%s", cell);
                }
                if (f->n) book_figure(w, ws, r, w->c_score[k], f->s, ec->score_exact);
                else book_custom(w, ws, r, w->c_score[k], ec->score_exact);
            }
            if (w->c_round[k] >= 0) {
                lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)w->c_score[k]);
                book_sb_clear(f);
                book_sb_add(f, "=");
                sb_round(f, cell, m->rounding.score, m->rounding.score_mode);
                book_figure(w, ws, r, w->c_round[k], f->s, ec->score);
            }
            book_sb_clear(f);
            if (c->kind == CRIT_ADDED_VALUE) {
                if (!amount_formula(w, k, r, f)) book_sb_clear(f);
            } else {
                lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)(w->c_round[k] >= 0 ? w->c_round[k] : w->c_score[k]));
                if (c->has_weight) book_sb_add(f, "=Weight_K%d*%s", k + 1, cell);
                else book_sb_add(f, "=%s", cell);
            }
            if (f->n) book_figure_fmt(w, ws, r, w->c_contrib[k], f->s, ec->contribution,
                                      c->kind == CRIT_ADDED_VALUE && !c->nvalues ? w->money : w->num);
            else book_custom(w, ws, r, w->c_contrib[k], ec->contribution);
        }

        /* feature values, quality */
        book_sb_clear(f);
        book_sb_add(f, "=0");
        if (list_size(m, LIST_FEATURES)) { book_sb_add(f, "+"); list_refs(w, LIST_FEATURES, r, "+", f); }
        book_figure(w, ws, r, w->c_features, f->s, b->features);
        book_sb_clear(f);
        book_sb_add(f, "=%s(0", m->basis == BASIS_COMPARISON_PRICE ? "-SUM" : "SUM");
        if (list_size(m, LIST_QUALITY)) { book_sb_add(f, ","); list_refs(w, LIST_QUALITY, r, ",", f); }
        book_sb_add(f, ")");
        book_figure(w, ws, r, w->c_quality, f->s, b->quality);

        /* total */
        book_sb_clear(f);
        {
            const char *tpl = m->total_excel ? m->total_excel : "";
            char *copy = strdup(tpl);
            t.w = w; t.ref = m->total_ref; t.k = -1; t.row = r;
            if (!copy || !copy[0] || !expand(&t, copy, f)) book_sb_clear(f);
            free(copy);
        }
        if (f->n) book_figure_fmt(w, ws, r, w->c_total, f->s, b->total_exact,
                                  m->basis == BASIS_COMPARISON_PRICE ? w->money : w->num);
        else book_custom(w, ws, r, w->c_total, b->total_exact);
        if (w->c_total_r >= 0) {
            char cell[32];
            lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)w->c_total);
            book_sb_clear(f);
            book_sb_add(f, "=");
            sb_round(f, cell, ev->total_places, ev->total_mode);
            book_figure_fmt(w, ws, r, w->c_total_r, f->s, b->total,
                            m->basis == BASIS_COMPARISON_PRICE ? w->money : w->num);
        }
        rank_figure(w, i, r, first, last);
        /* the partial sums of long lists, in the columns after the rank */
        write_parts(w, b, r);
    }

    if (nr > 0) {
        book_define(w, "BidIds", w->q_calc, first, 0, last, 0);
        book_define(w, "Totals", w->q_calc, first, w->c_total, last, w->c_total);
        book_define(w, "Ranks", w->q_calc, first, w->c_rank, last, w->c_rank);
    }

    /* excluded bids */
    row = first + nr + 1;
    if (nr < ev->nbids) {
        book_text(w, ws, row++, 0, book_word(w, W_BOOK_EXCLUDED_BEFORE_SCORING), w->head);
        for (i = 0; i < ev->nbids; i++) {
            const eval_bid *b = &ev->bids[i];
            if (!b->stage) continue;
            book_text(w, ws, row, 0, w->in->bids[b->input].id, NULL);
            book_text(w, ws, row, 1, w->in->bids[b->input].bidder, NULL);
            book_text(w, ws, row, 2, evaluation_stage_name(b->stage), NULL);
            book_text(w, ws, row++, 4, b->reason, NULL);
        }
    }
    worksheet_set_column(ws, 0, 0, 14, NULL);
    worksheet_set_column(ws, 1, 1, 24, NULL);
    worksheet_set_column(ws, 2, (lxw_col_t)(w->ncols - 1), 14, NULL);
    worksheet_freeze_panes(ws, (lxw_row_t)CALC_FIRST_ROW, 2);
    worksheet_protect(ws, NULL, NULL);
    mpq_clear(q);
}

/* }====================================== */
