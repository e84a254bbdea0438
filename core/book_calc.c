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
#include "xlform.h"

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

/* The columns come in blocks, each closed by one check cell that tests
   every figure of the block (a check per figure doubled the sheet): the
   evaluated price; each criterion's value, score, rounded score and
   contribution; the row's closing figures (feature values, quality, exact
   and rounded total, rank); each long list's partial sums. A block's check
   is the column after its last figure: c_price + 1, c_contrib[k] + 1,
   c_rank + 1, c_part[list] + n_part[list]. */
static void calc_columns(wbw *w)
{
    const model *m = w->m;
    int k, col = 2;
    w->c_price = col++;
    col++;
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        w->c_value[k] = w->c_score[k] = w->c_round[k] = w->c_contrib[k] = -1;
        if (c->kind != CRIT_GROUP && c->kind != CRIT_PRICE) w->c_value[k] = col++;
        if (!c->nvalues) w->c_score[k] = col++;
        if (!c->nvalues && m->rounding.score >= 0 && c->kind != CRIT_GROUP) w->c_round[k] = col++;
        w->c_contrib[k] = col++;
        col++;
    }
    w->c_features = col++;
    w->c_quality = col++;
    w->c_total = col++;
    w->c_total_r = -1;
    if (w->ev->total_places >= 0) w->c_total_r = col++;
    w->c_rank = col++;
    col++;
    for (k = 0; k < NLISTS; k++) {
        int n = list_size(m, k);
        w->n_part[k] = n > SUM_CHUNK ? (n + SUM_CHUNK - 1) / SUM_CHUNK : 0;
        w->c_part[k] = col;
        if (w->n_part[k]) col += w->n_part[k] + 1;
    }
    w->ncols = col;
}

/* Whether column col holds a block's check cells (calc_columns). */
static int is_check(const wbw *w, int col)
{
    int k;
    if (col == w->c_price + 1 || col == w->c_rank + 1) return 1;
    for (k = 0; k < NLISTS; k++)
        if (w->n_part[k] && col == w->c_part[k] + w->n_part[k]) return 1;
    for (k = 0; k < w->m->ncriteria; k++)
        if (col == w->c_contrib[k] + 1) return 1;
    return 0;
}

/* A block of figures on one row and its check cell. Each figure written as
   a live formula adds its test (book_check_test); a figure written as a
   value (a model's own Lua function, a formula too long for Excel) is
   marked by the check instead of "OK". At most 8 figures (a list's partial
   sums: 1 999 criteria / SUM_CHUNK), each test at most about 840
   characters (two literals of at most 400, book.c's sb_lit): the check
   stays well inside Excel's 8 192 characters and 255 arguments. */
typedef struct block {
    sbuf tests;             /* the live figures' tests, comma-separated */
    int nlive;
    word_id marker;         /* W_BOOK_CHECK_LUA or _TOO_LONG, or W_BOOK_FIRST_: none */
} block;

static void block_start(block *b)
{
    book_sb_clear(&b->tests);
    b->nlive = 0;
    b->marker = W_BOOK_FIRST_;
}

/* Append s to a formula as a string literal. */
static void sb_str(sbuf *b, const char *s)
{
    book_sb_add(b, "\"");
    for (; *s; s++) book_sb_add(b, *s == '"' ? "\"\"" : "%c", *s);
    book_sb_add(b, "\"");
}

/* A figure of the block: the formula with the engine's value cached, or,
   when there is no formula or Excel would refuse it, the value. */
static void calc_figure(wbw *w, block *b, int row, int col, const char *formula,
                        const mpq_t engine, lxw_format *fmt)
{
    if (!formula[0] || strlen(formula) > XLFORM_MAX_FORMULA) {
        /* Excel refuses a longer formula (the lists a model makes long are
           split into partial sums; what is left is input, such as hundreds
           of evaluators' scores of one criterion; an empty formula is one
           with too many arguments): the value, marked */
        book_number(w, w->calc, row, col, engine, fmt);
        if (b->marker == W_BOOK_FIRST_) b->marker = W_BOOK_CHECK_TOO_LONG;
        w->nlong++;
        return;
    }
    book_note(w, book_formula_num(w, w->calc, (lxw_row_t)row, (lxw_col_t)col, formula, fmt,
                                  dec_to_double(engine)));
    book_sb_add(&b->tests, "%s", b->nlive++ ? "," : "");
    book_check_test(&b->tests, row, col, engine);
    w->nformulas++;
}

/* A figure anbud computed with a model's own Lua function, which has no
   Excel form: the value, marked as input. */
static void calc_custom(wbw *w, block *b, int row, int col, const mpq_t engine)
{
    book_number(w, w->calc, row, col, engine, w->input);
    if (b->marker == W_BOOK_FIRST_) b->marker = W_BOOK_CHECK_LUA;
    w->ncustom++;
}

/* The block's check cell at col: "OK" while every live figure of the block
   is anbud's result (the mark of a figure written as a value instead, if
   any), else "AVVIKER"/"DIFFERS". */
static void block_check(wbw *w, block *b, int row, int col)
{
    sbuf *t = &w->t;
    const char *ok = b->marker != W_BOOK_FIRST_ ? book_word(w, b->marker) : "OK";
    if (b->nlive == 0) {
        book_text(w, w->calc, row, col, ok, w->check);
        return;
    }
    book_sb_clear(t);
    if (b->nlive == 1) book_sb_add(t, "=IF(%s,", b->tests.s);
    else book_sb_add(t, "=IF(AND(%s),", b->tests.s);
    sb_str(t, ok);
    book_sb_add(t, ",");
    sb_str(t, book_word(w, W_BOOK_CHECK_DIFFERS));
    book_sb_add(t, ")");
    if (t->n > XLFORM_MAX_FORMULA) book_text(w, w->calc, row, col, book_word(w, W_BOOK_CHECK_TOO_LONG), w->check);
    else if (book_xml_ok(w, t->s) && book_xml_ok(w, ok))
        book_note(w, worksheet_write_formula_str(w->calc, (lxw_row_t)row, (lxw_col_t)col, t->s, w->check, ok));
    w->nformulas++;
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
            book_sb_ref(out, NULL, row, w->c_part[list] + j, 0);
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
static void write_parts(wbw *w, block *blk, const eval_bid *b, int row, lxw_format **fmt)
{
    const model *m = w->m;
    sbuf f = { NULL, 0, 0 };
    mpq_t sum;
    int list, k;
    mpq_init(sum);
    for (list = 0; list < NLISTS; list++) {
        int j = 0, n = 0;
        if (!w->n_part[list]) continue;
        block_start(blk);
        for (k = 0; k < m->ncriteria; k++) {
            if (!in_list(m, list, k)) continue;
            if (n == 0) { book_sb_clear(&f); book_sb_add(&f, "=SUM("); mpq_set_ui(sum, 0, 1); }
            book_sb_add(&f, "%s", n ? "," : "");
            book_sb_ref(&f, NULL, row, w->c_contrib[k], 0);
            mpq_add(sum, sum, b->crit[k].contribution);
            if (++n == SUM_CHUNK) {
                book_sb_add(&f, ")");
                calc_figure(w, blk, row, w->c_part[list] + j, f.s, sum, fmt[w->c_part[list] + j]);
                j++;
                n = 0;
            }
        }
        if (n) {
            book_sb_add(&f, ")");
            calc_figure(w, blk, row, w->c_part[list] + j, f.s, sum, fmt[w->c_part[list] + j]);
        }
        block_check(w, blk, row, w->c_part[list] + w->n_part[list]);
    }
    mpq_clear(sum);
    free(f.s);
}

/* {=========== layout ============ */

/* Bid b's figure in column col (NULL for the rank and the partial sums),
   whether it is money, and its decimals: a declared step's (>= 0), or -cap:
   as many as the column's figures need, at most cap. An exact figure beside
   a rounded one shows two decimals more than the rounding keeps, so that a
   reader sees what the rounding did; the cell keeps the exact value. */
static const mpq_t *col_figure(const wbw *w, int col, const eval_bid *b, int *money, int *places)
{
    const model *m = w->m;
    const evaluation *ev = w->ev;
    int k, cp = m->basis == BASIS_COMPARISON_PRICE;
    *money = 0;
    *places = -2;
    if (col == w->c_price) {
        *money = 1;
        if (m->rounding.price >= 0) *places = m->rounding.price;
        return &b->price;
    }
    if (col == w->c_features) return &b->features;
    if (col == w->c_quality) { *money = cp; return &b->quality; }
    if (col == w->c_total) {
        *money = cp;
        if (ev->total_places >= 0) *places = -(ev->total_places + 2);
        return &b->total_exact;
    }
    if (col == w->c_total_r) { *money = cp; *places = ev->total_places; return &b->total; }
    if (col == w->c_rank) { *places = 0; return NULL; }
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        const eval_crit *ec = &b->crit[k];
        if (col == w->c_value[k]) {
            if (m->rounding.panel >= 0 && c->panel != PANEL_CONSENSUS && !c->declared) *places = m->rounding.panel;
            return &ec->value;
        }
        if (col == w->c_score[k]) {
            if (w->c_round[k] >= 0) *places = -(m->rounding.score + 2);
            return &ec->score_exact;
        }
        if (col == w->c_round[k]) { *places = m->rounding.score; return &ec->score; }
        if (col == w->c_contrib[k]) {
            *money = c->kind == CRIT_ADDED_VALUE && !c->nvalues;
            return &ec->contribution;
        }
    }
    return NULL;
}

lxw_format *book_calc_format(wbw *w, int col, double *width)
{
    const evaluation *ev = w->ev;
    int i, money = 0, places = -2, p = 0, chars = 1;
    for (i = 0; i < ev->nbids; i++) {
        const mpq_t *x;
        if (ev->bids[i].stage) continue;
        x = col_figure(w, col, &ev->bids[i], &money, &places);
        if (x && places < 0) { int d = book_decimals(*x, -places); if (d > p) p = d; }
    }
    if (places >= 0) p = places;
    else if (money && p > 0) p = 2;   /* kronor and öre */
    if (p > BOOK_MAX_PLACES) p = BOOK_MAX_PLACES;
    for (i = 0; i < ev->nbids; i++) {
        const mpq_t *x;
        int n, dummy_m, dummy_p;
        if (ev->bids[i].stage) continue;
        x = col_figure(w, col, &ev->bids[i], &dummy_m, &dummy_p);
        if (x) n = book_number_chars(*x, p, money);
        else {   /* a rank, or a partial sum */
            mpq_t q;
            mpq_init(q);
            mpq_set_si(q, ev->nbids, 1);
            n = book_number_chars(q, 0, 0) + (col == w->c_rank ? 0 : 8);
            mpq_clear(q);
        }
        if (n > chars) chars = n;
    }
    if (width) *width = chars + 1.5;
    return book_format(w, money ? BOOK_MONEY : BOOK_NUM, col == w->c_rank ? 0 : p);
}

/* The heading of column col (a figure's; a check's is W_BOOK_CALC_CHECK). */
static void col_heading(wbw *w, int col, char *h, size_t size)
{
    const model *m = w->m;
    int k, j;
    static const word_id parts[] = { W_BOOK_CALC_PART_FEATURES, W_BOOK_CALC_PART_QUALITY,
                                     W_BOOK_CALC_PART_CONTRIB };
    h[0] = '\0';
    if (col == 0) snprintf(h, size, "%s", book_word(w, W_BOOK_BID));
    else if (col == 1) snprintf(h, size, "%s", book_word(w, W_BOOK_BIDDER));
    else if (col == w->c_price) snprintf(h, size, "%s", book_word(w, W_BOOK_EVALUATED_PRICE));
    else if (col == w->c_features) snprintf(h, size, "%s", book_word(w, W_BOOK_FEATURE_VALUES));
    else if (col == w->c_quality) snprintf(h, size, "%s", book_word(w, W_BOOK_QUALITY));
    else if (col == w->c_total) snprintf(h, size, "%s", book_word(w, W_BOOK_TOTAL_EXACT));
    else if (col == w->c_total_r) snprintf(h, size, "%s", book_word(w, W_BOOK_TOTAL));
    else if (col == w->c_rank) snprintf(h, size, "%s", book_word(w, W_BOOK_RANK));
    /* a criterion's columns under its name (group_heading) */
    for (k = 0; k < m->ncriteria; k++) {
        if (col == w->c_value[k]) snprintf(h, size, "%s", book_word(w, W_BOOK_CALC_VALUE));
        if (col == w->c_score[k]) snprintf(h, size, "%s", book_word(w, W_BOOK_CALC_SCORE));
        if (col == w->c_round[k]) snprintf(h, size, "%s", book_word(w, W_BOOK_CALC_ROUNDED));
        if (col == w->c_contrib[k])
            snprintf(h, size, "%s", m->criteria[k].kind == CRIT_ADDED_VALUE && !m->criteria[k].nvalues
                     ? book_word(w, W_BOOK_CALC_SEK) : book_word(w, W_BOOK_CALC_CONTRIBUTION));
    }
    for (k = 0; k < NLISTS; k++)
        for (j = 0; j < w->n_part[k]; j++)
            if (col == w->c_part[k] + j)
                snprintf(h, size, "%s %d: %s", book_word(w, W_BOOK_PARTIAL_SUM), j + 1, book_word(w, parts[k]));
}

/* The first column of criterion k's own columns (its subcriteria have theirs). */
static int crit_first(const wbw *w, int k)
{
    return w->c_value[k] >= 0 ? w->c_value[k] : w->c_score[k] >= 0 ? w->c_score[k] : w->c_contrib[k];
}

/* The printed page: A4 landscape, 0.5 inch margins: 10.69 inches of 72
   points; a column of width n characters takes 7n + 5 points in
   LibreOffice's print (Calibri 11, the workbook's font). Below this scale
   a page is not read comfortably: a wider sheet is split into pages of
   whole column groups instead. */
#define PAGE_PX 770.0
#define MIN_SCALE 70
static double col_px(double width) { return 7.0 * width + 5.0; }

/* Where the columns of the Calculation sheet begin a printed page: groups
   (the price, each top-level criterion with its subcriteria, the totals,
   each partial sum) are never split; the bid column repeats on every page
   (the bidder's name, on the first, says whose bid it is).
   Returns the number of breaks in brk (0: one page wide); *scale is the
   print scale of a split sheet. */
static int calc_pages(const wbw *w, const double *width, lxw_col_t *brk, int *scale)
{
    const model *m = w->m;
    double total = 0, fixed = col_px(width[0]), room, used = 0;
    int c, k, n = 0, start;
    for (c = 0; c < w->ncols; c++) total += col_px(width[c]);
    *scale = 100;
    if (total * MIN_SCALE / 100.0 <= PAGE_PX) return 0;
    *scale = MIN_SCALE;
    room = PAGE_PX * 100.0 / MIN_SCALE - fixed;
    for (c = 1; c < w->ncols; ) {
        double g = 0;
        int end = c + 1;
        /* a block with its check: the price, a criterion's (with those of
           its subcriteria), the closing figures, a list's partial sums */
        if (c == w->c_price) end = w->c_price + 2;
        for (k = 0; k < m->ncriteria; k++) {
            if (crit_first(w, k) == c && m->criteria[k].parent < 0) {
                int j;
                end = w->c_contrib[k] + 2;
                for (j = k + 1; j < m->ncriteria && m->criteria[j].parent >= 0; j++)
                    if (w->c_contrib[j] + 2 > end) end = w->c_contrib[j] + 2;
            }
        }
        if (c == w->c_features) end = w->c_rank + 2;
        for (k = 0; k < NLISTS; k++)
            if (w->n_part[k] && c == w->c_part[k]) end = w->c_part[k] + w->n_part[k] + 1;
        for (start = c; c < end && c < w->ncols; c++) g += col_px(width[c]);
        if (used > 0 && used + g > room) {
            if (n < LXW_BREAKS_MAX) brk[n++] = (lxw_col_t)start;
            used = 0;
        }
        used += g;
    }
    return n;
}

/* The columns of the sheet: each figure's format in fmt, the widths, the
   print setup (the heading row and the bid columns on every page); the
   heading's lines in *lines. Returns the last column of the first printed
   page, and in *page1 its width (characters). Writes no cell. */
static int calc_layout(wbw *w, int head_row, lxw_format **fmt, int *lines, int *glines, double *page1)
{
    lxw_worksheet *ws = w->calc;
    char h[300];
    int k, i, nbrk, scale = 100, last;
    double *width = calloc((size_t)w->ncols + 1, sizeof *width);
    lxw_col_t *brk = calloc(LXW_BREAKS_MAX + 1, sizeof *brk);
    *lines = *glines = 1;
    *page1 = 80;
    if (!width || !brk) { free(width); free(brk); book_note(w, LXW_ERROR_MEMORY_MALLOC_FAILED); return w->ncols - 1; }
    width[0] = 9;
    width[1] = 22;   /* the bidder's name wraps; the statistics' labels fit */
    for (i = 0; i < 8; i++) {
        static const word_id labels[] = { W_BOOK_STAT_LOWEST_PRICE, W_BOOK_STAT_HIGHEST_PRICE, W_BOOK_STAT_MEAN_PRICE,
                                          W_BOOK_STAT_BID_COUNT, W_BOOK_STAT_BEST_QUALITY, W_BOOK_STAT_MAX_QUALITY,
                                          W_BOOK_STAT_FEATURES_MAX, W_BOOK_STAT_LOWEST_QUALITY };
        double n = (double)strlen(book_word(w, labels[i])) * 1.05 + 1;   /* bold */
        if (n > width[1]) width[1] = n;
    }
    for (i = 0; i < w->in->nbids; i++) {
        double n = (double)strlen(w->in->bids[i].id) + 1.5;
        if (n > width[0]) width[0] = n > 16 ? 16 : n;
    }
    for (k = 2; k < w->ncols; k++) {
        double need, longest = 0, n;
        const char *t, *e;
        if (is_check(w, k)) {
            width[k] = 2.6;   /* "OK"; its heading is turned */
            continue;
        }
        fmt[k] = book_calc_format(w, k, &need);
        col_heading(w, k, h, sizeof h);
        /* the heading wraps in at most three lines, its words whole up to
           14 characters (bold: a tenth wider) */
        for (t = h; *t; t = *e ? e + 1 : e) {
            for (n = 0, e = t; *e && *e != ' '; e++) if (((unsigned char)*e & 0xC0) != 0x80) n++;
            if (n > longest) longest = n;
        }
        if (longest > 14) longest = 14;
        if (need < longest * 1.1 + 1) need = longest * 1.1 + 1;
        if (need < (double)strlen(h) * 1.1 / 3 + 1) need = (double)strlen(h) * 1.1 / 3 + 1;
        width[k] = need;
        n = book_heading_lines(h, (need - 1) / 1.1);
        if (n > *lines) *lines = (int)n;
    }
    /* a criterion's name over its columns, in at most two lines */
    for (k = 0; k < w->m->ncriteria; k++) {
        const char *id = w->m->criteria[k].id;
        double g = 0, need = (double)strlen(id) * 1.1 / 2 + 1;
        int c, n;
        for (c = crit_first(w, k); c <= w->c_contrib[k] + 1; c++) g += width[c];
        if (g < need) { width[w->c_contrib[k]] += need - g; g = need; }
        n = book_heading_lines(id, (g - 1) / 1.1);
        if (n > *glines) *glines = n;
    }
    for (k = 0; k < w->ncols; k++) worksheet_set_column(ws, (lxw_col_t)k, (lxw_col_t)k, width[k], NULL);
    nbrk = calc_pages(w, width, brk, &scale);
    book_print_setup(ws, 1, head_row - 1, head_row, 0, 0);
    worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
    if (nbrk) {
        worksheet_set_print_scale(ws, (uint16_t)scale);
        worksheet_set_v_pagebreaks(ws, brk);
    }
    last = nbrk ? (int)brk[0] - 1 : w->ncols - 1;
    for (*page1 = 0, k = 0; k <= last; k++) *page1 += width[k];
    free(width);
    free(brk);
    return last;
}

/* The heading rows: each criterion's name over its columns, then each
   column's heading (wrapped; a check's turned). */
static void calc_header(wbw *w, int row, int lines, int glines)
{
    lxw_worksheet *ws = w->calc;
    char h[300];
    int k;
    lxw_format *group = workbook_add_format(w->wb);
    format_set_bold(group);
    format_set_bg_color(group, 0xD9E1F2);
    format_set_text_wrap(group);
    format_set_align(group, LXW_ALIGN_CENTER);
    format_set_border(group, LXW_BORDER_THIN);
    format_set_border_color(group, 0xFFFFFF);
    if (glines > 1) book_set_row(w, ws, row - 1, 15.0 * glines, NULL);
    for (k = 0; k < w->m->ncriteria; k++) {
        const char *id = w->m->criteria[k].id;
        if (!book_xml_ok(w, id)) continue;
        book_merge(w, ws, row - 1, crit_first(w, k), w->c_contrib[k] + 1, id, group);
    }
    double hh = 15.0 * lines, turned = 7.0 * (double)strlen(book_word(w, W_BOOK_CALC_CHECK)) + 10;
    lxw_format *rot = workbook_add_format(w->wb);
    format_set_bold(rot);
    format_set_bg_color(rot, 0xD9E1F2);
    format_set_rotation(rot, 90);
    book_set_row(w, ws, row, hh > turned ? hh : turned, NULL);
    for (k = 0; k < w->ncols; k++) {
        if (k == 1 || is_check(w, k)) continue;
        col_heading(w, k, h, sizeof h);
        book_text(w, ws, row, k, h, w->head);
        if (k == 0) book_text(w, ws, row, 1, book_word(w, W_BOOK_BIDDER), w->head);
    }
    /* the checks' headings after the others (in the same row, so that the
       row is still written at once): the order in which texts are first
       written numbers them in the shared-strings table */
    for (k = 2; k < w->ncols; k++)
        if (is_check(w, k)) book_text(w, ws, row, k, book_word(w, W_BOOK_CALC_CHECK), rot);
}

/* }====================================== */

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

/* For each remaining bid, how many remaining bids have a better (rounded)
   total: the bids sorted once by total, the first of each equal run giving
   its place, rather than each bid compared with every other (100 000 bids:
   10^10 exact comparisons). better[i] for bid i; NULL if out of memory. */
static const evaluation *by_total;
static int cmp_total(const void *a, const void *b)
{
    int c = mpq_cmp(by_total->bids[*(const int *)a].total, by_total->bids[*(const int *)b].total);
    return by_total->higher_is_better ? -c : c;
}

static int *calc_better(const evaluation *ev)
{
    int *order = malloc(((size_t)ev->nbids + 1) * sizeof *order);
    int *better = malloc(((size_t)ev->nbids + 1) * sizeof *better);
    int i, n = 0;
    if (!order || !better) { free(order); free(better); return NULL; }
    for (i = 0; i < ev->nbids; i++)
        if (!ev->bids[i].stage) order[n++] = i;
    by_total = ev;
    qsort(order, (size_t)n, sizeof *order, cmp_total);
    for (i = 0; i < n; i++)
        better[order[i]] = i > 0 && cmp_total(&order[i - 1], &order[i]) == 0 ? better[order[i - 1]] : i;
    free(order);
    return better;
}

/* Bid i's rank on row r: the bids better on the (rounded) total, plus the
   place the tie-break gave. Counted with SUMPRODUCT, not RANK, though it
   makes n² comparisons for n bids: LibreOffice's RANK sorts the whole
   range at every call (22 s for 10 000 bids against SUMPRODUCT's 8 s),
   and compares exactly where its ">" treats numbers within about 1e-15 as
   equal, so a tie anbud decided exactly (0.1+0.2 beside 0.3) would get
   two ranks there; Gnumeric's RANK is fast and tolerant, but a formula
   must give anbud's ranks in both. better: calc_better's count. */
static void rank_figure(wbw *w, block *blk, int i, int r, int first, int last, int better, lxw_format *rf)
{
    const evaluation *ev = w->ev;
    const eval_bid *b = &ev->bids[i];
    sbuf *f = &w->f;
    int tc = w->c_total_r >= 0 ? w->c_total_r : w->c_total;
    char cell[32];
    sbuf rng = { NULL, 0, 0 };
    mpq_t q;
    book_sb_ref(&rng, NULL, first, tc, 1);
    book_sb_add(&rng, ":");
    book_sb_ref(&rng, NULL, last, tc, 1);
    lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)tc);
    book_sb_clear(f);
    book_sb_add(f, "=SUMPRODUCT(--(%s%s%s))+1", rng.s, ev->higher_is_better ? ">" : "<", cell);
    if (b->rank - 1 - better > 0) book_sb_add(f, "+%d", b->rank - 1 - better);
    mpq_init(q);
    mpq_set_si(q, b->rank, 1);
    calc_figure(w, blk, r, w->c_rank, f->s, q, rf);
    mpq_clear(q);
    free(rng.s);
}

/* A text over the columns of the first printed page, wrapped. */
static void merged_text(wbw *w, int row, int last_col, double page1, const char *text)
{
    int lines = book_wrapped_lines(text, (int)page1);
    if (!book_xml_ok(w, text)) return;
    if (lines > 1) book_set_row(w, w->calc, row, 15.0 * lines, NULL);
    if (last_col < 2) last_col = 2;
    book_merge(w, w->calc, row, 1, last_col, text, w->wrap);
}

void book_write_calc(wbw *w)
{
    const evaluation *ev = w->ev;
    const model *m = w->m;
    lxw_worksheet *ws = w->calc;
    sbuf *f = &w->f;
    int i, k, row, header = CALC_FIRST_ROW - 1, nr = ev->nranked, first = CALC_FIRST_ROW;
    int last = first + nr - 1, page1_last, lines, glines;
    double page1;
    lxw_format **fmt, *saved_check, *top;
    int *better;
    mpq_t q;
    tctx t;
    block blk = { { NULL, 0, 0 }, 0, W_BOOK_FIRST_ };
    mpq_init(q);
    calc_columns(w);
    fmt = calloc((size_t)w->ncols + 1, sizeof *fmt);
    better = calc_better(ev);
    if (!fmt || !better) {
        free(fmt); free(better);
        book_note(w, LXW_ERROR_MEMORY_MALLOC_FAILED); mpq_clear(q); return;
    }
    page1_last = calc_layout(w, header, fmt, &lines, &glines, &page1);
    /* a check that says more than "OK" shrinks to its narrow column */
    saved_check = w->check;
    w->check = workbook_add_format(w->wb);
    format_set_font_color(w->check, 0x548235);
    format_set_shrink(w->check);
    /* the bid and its checks at the top of the row, as its figures and the
       bidder's name: when the name wraps to a second line, a check or the bid
       at the foot read as belonging to the next row */
    format_set_align(w->check, LXW_ALIGN_VERTICAL_TOP);
    top = workbook_add_format(w->wb);
    format_set_align(top, LXW_ALIGN_VERTICAL_TOP);
    /* the sheet's texts start in the second column: the first, the bid's,
       is printed on every page */
    book_text(w, ws, 0, 1, book_word(w, W_BOOK_CALC_TITLE), w->title);
    merged_text(w, 1, page1_last, page1, book_word(w, W_BOOK_CALC_INTRO));
    if (ev->total_places >= 0 && (strcmp(m->total_name, "comparison_price") == 0 || strcmp(m->total_name, "weighted_sum") == 0)) {
        /* the total is rounded once, after the exact sum (research §3.7) */
        char note[300];
        words_snprintf(note, sizeof note, w->lang, W_BOOK_CALC_ROUNDED_ONCE, ev->total_places);
        merged_text(w, 2, page1_last, page1, note);
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
            book_text(w, ws, r, 1, book_word(w, labels[s]), w->bold);
            book_sb_clear(f);
            lxw_format *sf = s <= 2 ? fmt[w->c_price] : s == 3 ? book_format(w, BOOK_NUM, 0)
                           : s == 6 ? fmt[w->c_features] : fmt[w->c_quality];
            if (nr == 0 || s == 5 || s == 6) book_number(w, ws, r, 2, *stat[s], sf);
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
                book_figure_fmt(w, ws, r, 2, f->s, *stat[s], sf);
                free(rng.s);
            }
            book_define(w, names[s], w->q_calc, r, 2, r, 2);
        }
    }

    calc_header(w, header, lines, glines);
    for (i = 0; i < ev->nbids; i++) {
        const eval_bid *b = &ev->bids[i];
        const input_bid *ib = &w->in->bids[b->input];
        int r = w->calc_row[i];
        if (r < 0) continue;
        {   /* the bidder's name wraps in its column */
            int nl = book_heading_lines(ib->bidder, 21);
            if (nl > 1) book_set_row(w, ws, r, 15.0 * nl, NULL);
        }
        book_text(w, ws, r, 0, ib->id, top);
        book_text(w, ws, r, 1, ib->bidder, w->wrap);
        book_sb_clear(f);
        price_formula(w, b->input, r, f);
        if (m->rounding.price >= 0 && f->n) {
            char *inner = strdup(f->s + 1);
            book_sb_clear(f);
            book_sb_add(f, "=");
            sb_round(f, inner, m->rounding.price, m->rounding.price_mode);
            free(inner);
        }
        block_start(&blk);
        if (f->n) calc_figure(w, &blk, r, w->c_price, f->s, b->price, fmt[w->c_price]);
        else calc_custom(w, &blk, r, w->c_price, b->price);
        block_check(w, &blk, r, w->c_price + 1);

        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            const eval_crit *ec = &b->crit[k];
            char cell[32];
            int j;
            block_start(&blk);
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
                calc_figure(w, &blk, r, w->c_value[k], f->s, ec->value, fmt[w->c_value[k]]);
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
                if (f->n) calc_figure(w, &blk, r, w->c_score[k], f->s, ec->score_exact, fmt[w->c_score[k]]);
                else calc_custom(w, &blk, r, w->c_score[k], ec->score_exact);
            }
            if (w->c_round[k] >= 0) {
                lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)w->c_score[k]);
                book_sb_clear(f);
                book_sb_add(f, "=");
                sb_round(f, cell, m->rounding.score, m->rounding.score_mode);
                calc_figure(w, &blk, r, w->c_round[k], f->s, ec->score, fmt[w->c_round[k]]);
            }
            book_sb_clear(f);
            if (c->kind == CRIT_ADDED_VALUE) {
                if (!amount_formula(w, k, r, f)) book_sb_clear(f);
            } else {
                lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)(w->c_round[k] >= 0 ? w->c_round[k] : w->c_score[k]));
                if (c->has_weight) book_sb_add(f, "=Weight_K%d*%s", k + 1, cell);
                else book_sb_add(f, "=%s", cell);
            }
            if (f->n) calc_figure(w, &blk, r, w->c_contrib[k], f->s, ec->contribution, fmt[w->c_contrib[k]]);
            else calc_custom(w, &blk, r, w->c_contrib[k], ec->contribution);
            block_check(w, &blk, r, w->c_contrib[k] + 1);
        }

        /* feature values, quality */
        block_start(&blk);
        book_sb_clear(f);
        book_sb_add(f, "=0");
        if (list_size(m, LIST_FEATURES)) { book_sb_add(f, "+"); list_refs(w, LIST_FEATURES, r, "+", f); }
        calc_figure(w, &blk, r, w->c_features, f->s, b->features, fmt[w->c_features]);
        book_sb_clear(f);
        book_sb_add(f, "=%s(0", m->basis == BASIS_COMPARISON_PRICE ? "-SUM" : "SUM");
        if (list_size(m, LIST_QUALITY)) { book_sb_add(f, ","); list_refs(w, LIST_QUALITY, r, ",", f); }
        book_sb_add(f, ")");
        calc_figure(w, &blk, r, w->c_quality, f->s, b->quality, fmt[w->c_quality]);

        /* total */
        book_sb_clear(f);
        {
            const char *tpl = m->total_excel ? m->total_excel : "";
            char *copy = strdup(tpl);
            t.w = w; t.ref = m->total_ref; t.k = -1; t.row = r;
            if (!copy || !copy[0] || !expand(&t, copy, f)) book_sb_clear(f);
            free(copy);
        }
        if (f->n) calc_figure(w, &blk, r, w->c_total, f->s, b->total_exact, fmt[w->c_total]);
        else calc_custom(w, &blk, r, w->c_total, b->total_exact);
        if (w->c_total_r >= 0) {
            char cell[32];
            lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)w->c_total);
            book_sb_clear(f);
            book_sb_add(f, "=");
            sb_round(f, cell, ev->total_places, ev->total_mode);
            calc_figure(w, &blk, r, w->c_total_r, f->s, b->total, fmt[w->c_total_r]);
        }
        rank_figure(w, &blk, i, r, first, last, better[i], fmt[w->c_rank]);
        block_check(w, &blk, r, w->c_rank + 1);
        /* the partial sums of long lists, in the columns after the rank */
        write_parts(w, &blk, b, r, fmt);
    }

    if (nr > 0) {
        book_define(w, "BidIds", w->q_calc, first, 0, last, 0);
        book_define(w, "Totals", w->q_calc, first, w->c_total, last, w->c_total);
        book_define(w, "Ranks", w->q_calc, first, w->c_rank, last, w->c_rank);
    }

    /* excluded bids */
    row = first + nr + 1;
    if (nr < ev->nbids) {
        book_text(w, ws, row++, 1, book_word(w, W_BOOK_EXCLUDED_BEFORE_SCORING), w->head);
        for (i = 0; i < ev->nbids; i++) {
            const eval_bid *b = &ev->bids[i];
            if (!b->stage) continue;
            const char *why = b->reason ? b->reason : "";
            int nl = book_heading_lines(w->in->bids[b->input].bidder, 21), rl;
            /* the reason over the rest of the first page, wrapped */
            rl = book_wrapped_lines(why, (int)(page1 * 0.6));
            if (rl > nl) nl = rl;
            if (nl > 1) book_set_row(w, ws, row, 15.0 * nl, NULL);
            book_text(w, ws, row, 0, w->in->bids[b->input].id, top);
            book_text(w, ws, row, 1, w->in->bids[b->input].bidder, w->wrap);
            book_text(w, ws, row, 2, evaluation_exclusion_words(ev, i), NULL);
            if (page1_last > 4 && *why && book_xml_ok(w, why))
                book_merge(w, ws, row, 4, page1_last, why, w->wrap);
            else book_text(w, ws, row, 4, why, NULL);
            row++;
        }
    }
    worksheet_freeze_panes(ws, (lxw_row_t)CALC_FIRST_ROW, 2);
    worksheet_protect(ws, NULL, NULL);
    w->check = saved_check;
    free(blk.tests.s);
    free(fmt);
    free(better);
    mpq_clear(q);
}

/* }====================================== */
