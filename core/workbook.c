/* SPDX-License-Identifier: MIT */
/*
** workbook.c: writing the audit workbook. Sheets: Summary, Model, Bids,
** Scores, Calculation, Sensitivity (Swedish names with lang "sv"). The
** Calculation sheet restates every figure of evaluate.c as an Excel formula
** over the input cells and the model's named parameters, caches the
** engine's value, and checks the two against each other.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lauxlib.h>
#include <xlsxwriter.h>
#include "workbook.h"
#include "sandbox.h"
#include "lnum.h"
#include "calendar.h"
#include "text.h"
#include "xlform.h"
#include "rank.h"

#define CALC_FIRST_ROW 14       /* first bid row of the Calculation sheet (0-based) */
/* Cells per partial sum: a sum over every criterion of a big model (2 000
   criteria) would pass Excel's limits on a formula, 8 192 characters and
   255 arguments to a function (LibreOffice says Err:512), so it is split
   into live partial sums of at most this many cells, in their own columns. */
#define SUM_CHUNK 250
#define MAX_ARGS 255

/* The lists of Calculation cells that one formula adds up per bid. */
enum { LIST_FEATURES, LIST_QUALITY, LIST_CONTRIB, NLISTS };

/* {=========== text buffers and numbers ============ */

typedef struct sbuf {
    char *s;
    size_t n, cap;
} sbuf;

static void sb_add(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void sb_add(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    int k;
    for (;;) {
        size_t room = b->cap - b->n;
        va_start(ap, fmt);
        k = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? room : 0, fmt, ap);
        va_end(ap);
        if (k < 0) return;
        if (b->s && (size_t)k < room) { b->n += (size_t)k; return; }
        b->cap = (b->cap + (size_t)k + 64) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s) { fputs("anbud: out of memory\n", stderr); exit(2); }
        if (b->n == 0) b->s[0] = '\0';
    }
}

static void sb_clear(sbuf *b)
{
    b->n = 0;
    if (b->s) b->s[0] = '\0';
}

/* The shortest text that reads back as the same double (C locale). */
static void fmt_double(double d, char out[40])
{
    int p;
    for (p = 1; p <= 17; p++) {
        snprintf(out, 40, "%.*g", p, d);
        if (strtod(out, NULL) == d) return;
    }
}

/* A number literal for a formula: the shortest text of the nearest double,
   written out without an exponent (315000, not 3.15e+05). */
static void sb_lit(sbuf *b, double d)
{
    char t[40];
    fmt_double(d, t);
    if (strchr(t, 'e')) {
        mpq_t q;
        char *s;
        mpq_init(q);
        s = dec_from_double(q, d) == 0 ? dec_format_exact(q) : NULL;
        sb_add(b, "%s", s && strlen(s) < 400 ? s : t);
        free(s);
        mpq_clear(q);
    } else sb_add(b, "%s", t);
}

static void sb_num(sbuf *b, const mpq_t x)
{
    char *s = dec_format_exact(x);
    if (s && strchr(s, '/') && strlen(s) < 40) sb_add(b, "(%s)", s);   /* 200/3 exactly */
    else sb_lit(b, dec_to_double(x));
    free(s);
}

/* }====================================== */

typedef struct wbw {
    const award *aw;
    const award_lot *lot;   /* the lot whose sheets are being written */
    lxw_worksheet *scope[6];/* with lots: the lot's sheets, where its names live */
    char scope_name[6][64];
    int nscope;
    char sens_name[64];     /* the Sensitivity sheet's name, for its charts */
    const evaluation *ev;
    const model *m;
    const anbud_inputs *in;
    const workbook_options *o;
    int sv;
    lxw_workbook *wb;
    lxw_worksheet *sum, *mod, *bids, *scores, *calc, *sens;
    char *q_calc, *q_bids, *q_scores, *q_model, *q_sum;
    lxw_format *title, *head, *num, *money, *input, *check, *wrap, *bold;
    int *bid_row;           /* Bids sheet row of each input bid */
    int *field_col;         /* Bids sheet column of each field, -1 if left out */
    int *score_row;         /* Scores sheet row of each score */
    int *calc_row;          /* Calculation row of each evaluated bid, -1 if excluded */
    int *c_value, *c_score, *c_round, *c_contrib;   /* Calculation columns per criterion */
    int c_price, c_quality, c_features, c_total, c_total_r, c_rank, ncols;
    int c_part[NLISTS], n_part[NLISTS];   /* partial sums of a long list, if any */
    int crit_row0;          /* Model sheet row of the first criterion */
    int nformulas, ncustom, nlong;
    sbuf f, t;
    lxw_error status;
    char bad[200];          /* the first text XML cannot hold, if any */
} wbw;

static const char *L(const wbw *w, const char *en, const char *sv)
{
    return w->sv ? sv : en;
}

static void note(wbw *w, lxw_error e)
{
    if (e != LXW_NO_ERROR && w->status == LXW_NO_ERROR) w->status = e;
}

/* Every string handed to libxlsxwriter passes here: it writes text as
   given, and one character XML cannot hold (U+FFFE, a control character, a
   UTF-8 sequence cut short) breaks the whole workbook. The readers refuse
   such text where it enters; this catches what got past them, and the
   workbook is not written. */
static int xml_ok(wbw *w, const char *s)
{
    char msg[sizeof w->bad];
    if (!text_xml_check(s, msg, sizeof msg)) return 1;
    if (!w->bad[0]) snprintf(w->bad, sizeof w->bad, "%s", msg);
    return 0;
}

static lxw_error formula_num(wbw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                             const char *formula, lxw_format *f, double v)
{
    if (!xml_ok(w, formula)) return LXW_NO_ERROR;
    return worksheet_write_formula_num(ws, row, col, formula, f, v);
}

/* Append a reference to (row, col) of the sheet quoted as q (NULL: this sheet). */
static void sb_ref(sbuf *b, const char *q, int row, int col, int absolute)
{
    char cell[32];
    if (absolute) lxw_rowcol_to_cell_abs(cell, (lxw_row_t)row, (lxw_col_t)col, 1, 1);
    else lxw_rowcol_to_cell(cell, (lxw_row_t)row, (lxw_col_t)col);
    if (q) sb_add(b, "%s!%s", q, cell);
    else sb_add(b, "%s", cell);
}

static void text(wbw *w, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
    char *cut = NULL;
    if (!s || !*s) return;
    s = text_utf8_whole_copy(s, &cut);
    if (xml_ok(w, s)) note(w, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, f));
    free(cut);
}

/* How many lines text takes wrapped in a column of width characters (a
   rough count: characters, not glyph widths; words are not kept whole, so
   one line is added for a text that needs more than one). */
static int wrapped_lines(const char *t, int width)
{
    long n = 0;
    if (!t) return 1;
    for (; *t; t++) if (((unsigned char)*t & 0xC0) != 0x80) n++;   /* UTF-8 characters */
    return n <= width ? 1 : (int)((n + width - 1) / width) + 1;
}

/* The heading row of a list on the Summary (excluded, jäv, passed over):
   five cells in the heading format, an empty title leaving its cell blank. */
static void head_row(wbw *w, lxw_worksheet *ws, int row, const char *c0, const char *c1,
                     const char *c2, const char *c3, const char *c4)
{
    const char *c[5];
    int k;
    c[0] = c0; c[1] = c1; c[2] = c2; c[3] = c3; c[4] = c4;
    for (k = 0; k < 5; k++) text(w, ws, row, k, c[k], w->head);
}

static void number(wbw *w, lxw_worksheet *ws, int row, int col, const mpq_t x, lxw_format *f)
{
    note(w, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, dec_to_double(x), f));
}

/* A formula with the engine's value cached, and beside it a check cell that
   compares the formula's result with the engine's value. */
static void figure_fmt(wbw *w, lxw_worksheet *ws, int row, int col, const char *formula,
                       const mpq_t engine, lxw_format *fmt);
static void figure(wbw *w, lxw_worksheet *ws, int row, int col, const char *formula,
                   const mpq_t engine)
{
    figure_fmt(w, ws, row, col, formula, engine, w->num);
}

static void figure_fmt(wbw *w, lxw_worksheet *ws, int row, int col, const char *formula,
                       const mpq_t engine, lxw_format *fmt)
{
    sbuf lit = { NULL, 0, 0 };
    double v = dec_to_double(engine);
    if (!formula[0] || strlen(formula) > XLFORM_MAX_FORMULA) {
        /* Excel refuses a longer formula (the lists a model makes long are
           split into partial sums; what is left is input, such as hundreds
           of evaluators' scores of one criterion; an empty formula is one
           with too many arguments): the value, marked */
        number(w, ws, row, col, engine, fmt);
        text(w, ws, row, col + 1, L(w, "value: too long for a formula", "värde: för långt för en formel"), w->check);
        w->nlong++;
        return;
    }
    sb_lit(&lit, v);
    note(w, formula_num(w, ws, (lxw_row_t)row, (lxw_col_t)col, formula, fmt, v));
    sb_clear(&w->t);
    sb_add(&w->t, "=IF(ABS(");
    sb_ref(&w->t, NULL, row, col, 0);
    sb_add(&w->t, "-(%s))<=1E-9*MAX(1,ABS(%s)),\"OK\",\"%s\")", lit.s, lit.s, L(w, "DIFFERS", "AVVIKER"));
    free(lit.s);
    if (xml_ok(w, w->t.s))
        note(w, worksheet_write_formula_str(ws, (lxw_row_t)row, (lxw_col_t)col + 1, w->t.s, w->check, "OK"));
    w->nformulas += 2;
}

/* A figure anbud computed with a model's own Lua function, which has no
   Excel form: written as a value, marked. */
static void custom(wbw *w, lxw_worksheet *ws, int row, int col, const mpq_t engine)
{
    number(w, ws, row, col, engine, w->input);
    text(w, ws, row, col + 1, L(w, "Lua formula", "Lua-formel"), w->check);
    w->ncustom++;
}

/* Append x rounded at places in mode, as Excel computes it. */
static void sb_round(sbuf *b, const char *x, int places, dec_mode mode)
{
    switch (mode) {
    case DEC_HALF_UP:
        sb_add(b, "ROUND(%s,%d)", x, places);
        break;
    case DEC_TRUNCATE:
        sb_add(b, "TRUNC(%s,%d)", x, places);
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
        sb_add(b, "IF(ABS(ABS(%s)*10^%d-TRUNC(ABS(%s)*10^%d)-0.5)<=ABS(%s)*10^%d*1E-13+1E-9,"
                  "SIGN(%s)*(TRUNC(ABS(%s)*10^%d)+MOD(TRUNC(ABS(%s)*10^%d),2))/10^%d,ROUND(%s,%d))",
               x, places, x, places, x, places, x, x, places, x, places, places, x, places);
        break;
    }
}

/* {=========== method tables ============ */

/* Field key of the method at ref (or of its params) as a number literal. */
static int method_number(const wbw *w, int ref, const char *key, sbuf *out)
{
    mpq_t q;
    int ok;
    mpq_init(q);
    ok = model_method_number(w->m, ref, key, q);
    if (ok) sb_num(out, q);
    mpq_clear(q);
    return ok;
}

static const char *method_text(const wbw *w, int ref, const char *key)
{
    static char buf[2000];
    return model_method_text(w->m, ref, key, w->sv ? "sv" : "en", buf, sizeof buf);
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
    if (strcmp(name, "price") == 0) { sb_ref(out, NULL, c->row, w->c_price, 0); return 1; }
    if (strcmp(name, "lowest") == 0 || strcmp(name, "lowest_price") == 0) { sb_add(out, "LowestPrice"); return 1; }
    if (strcmp(name, "highest") == 0) { sb_add(out, "HighestPrice"); return 1; }
    if (strcmp(name, "mean") == 0) { sb_add(out, "MeanPrice"); return 1; }
    if (strcmp(name, "best_quality") == 0) { sb_add(out, "BestQuality"); return 1; }
    if (strcmp(name, "max_quality") == 0) { sb_add(out, "MaxQuality"); return 1; }
    if (strcmp(name, "features_max") == 0) { sb_add(out, "FeaturesMax"); return 1; }
    if (strcmp(name, "lowest_quality") == 0) { sb_add(out, "LowestQuality"); return 1; }
    if (strcmp(name, "quality") == 0) { sb_ref(out, NULL, c->row, w->c_quality, 0); return 1; }
    if (strcmp(name, "features") == 0) { sb_ref(out, NULL, c->row, w->c_features, 0); return 1; }
    if (strcmp(name, "max") == 0 && c->k >= 0) { sb_add(out, "Max_K%d", c->k + 1); return 1; }
    if (strcmp(name, "contributions") == 0) {
        /* partial sums stand for the cells only where they are summed */
        if (w->n_part[LIST_CONTRIB] && !c->in_sum) return 0;
        if (list_size(m, LIST_CONTRIB) == 0) sb_add(out, "0");
        else list_refs(w, LIST_CONTRIB, c->row, ",", out);
        return 1;
    }
    if (strcmp(name, "fraction") == 0 && c->k >= 0) {
        const model_criterion *cr = &m->criteria[c->k];
        sbuf s = { NULL, 0, 0 };
        sb_ref(&s, NULL, c->row, w->c_round[c->k] >= 0 ? w->c_round[c->k] : w->c_score[c->k], 0);
        if (cr->surcharge) sb_add(out, "(Max_K%d-%s)/Max_K%d", c->k + 1, s.s, c->k + 1);
        else sb_add(out, "%s/Max_K%d", s.s, c->k + 1);
        free(s.s);
        return 1;
    }
    return method_number(w, c->ref, name, out);
}

/* Expand template with placeholders; 0 if one cannot be resolved. */
static int expand(tctx *c, const char *tpl, sbuf *out)
{
    const char *p = tpl;
    sb_add(out, "=");
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
            sb_add(out, "%c", *p++);
        }
    }
    return 1;
}

/* }====================================== */

/* {=========== Bids and Scores sheets ============ */

static void write_bids(wbw *w)
{
    const model *m = w->m;
    lxw_worksheet *ws = w->bids;
    int i, f, col = 2, header = 3;
    text(w, ws, 0, 0, L(w, "Bids as read", "Anbuden som de lästes in"), w->title);
    text(w, ws, header, 0, L(w, "Bid", "Anbud"), w->head);
    text(w, ws, header, 1, L(w, "Bidder", "Anbudsgivare"), w->head);
    for (f = 0; f < m->nfields; f++) {
        const model_field *fd = &m->fields[f];
        int l;
        if (w->o->public_variant && fd->confidential) { w->field_col[f] = -1; continue; }
        w->field_col[f] = col;
        text(w, ws, header, col, fd->id, w->head);
        for (l = 0; l < m->price.nlines; l++)
            if (strcmp(m->price.lines[l].id, fd->id) == 0) {
                text(w, ws, header - 1, 1, L(w, "Quantity", "Mängd"), w->bold);
                number(w, ws, header - 1, col, m->price.lines[l].quantity, w->num);
            }
        col++;
    }
    worksheet_set_column(ws, 0, 1, 22, NULL);
    worksheet_set_column(ws, 2, (lxw_col_t)(col > 2 ? col - 1 : 2), 14, NULL);
    for (i = 0; i < w->in->nbids; i++) {
        const input_bid *b = &w->in->bids[i];
        int row = header + 1 + i;
        w->bid_row[i] = row;
        text(w, ws, row, 0, b->id, w->input);
        text(w, ws, row, 1, b->bidder, w->input);
        for (f = 0; f < m->nfields; f++) {
            const input_value *v = &b->fields[f];
            if (w->field_col[f] < 0 || !v->present) continue;
            if (v->has_num) number(w, ws, row, w->field_col[f], v->num, w->input);
            else text(w, ws, row, w->field_col[f], v->text, w->input);
        }
    }
    worksheet_freeze_panes(ws, (lxw_row_t)header + 1, 2);
    worksheet_protect(ws, NULL, NULL);
}

/* The name shown for the evaluator of score s: as written, or in the
   public variant "Evaluator N", numbered in order of first appearance. */
static const char *evaluator_label(const wbw *w, int s, char *buf, size_t size)
{
    const input_score *sc = &w->in->scores[s];
    int j, e = 0;
    if (sc->consensus) return L(w, "consensus", "konsensus");
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
    snprintf(buf, size, "%s %d", L(w, "Evaluator", "Bedömare"), e + 1);
    return buf;
}

static void write_scores(wbw *w)
{
    const model *m = w->m;
    lxw_worksheet *ws = w->scores;
    int s, header = 2, ndistinct = 0;
    char name[64];
    const char **distinct = calloc((size_t)w->in->nscores + 1, sizeof *distinct);
    if (!distinct) { fputs("anbud: out of memory\n", stderr); exit(2); }
    text(w, ws, 0, 0, L(w, "Evaluators' scores", "Bedömarnas betyg"), w->title);
    text(w, ws, header, 0, L(w, "Evaluator", "Bedömare"), w->head);
    text(w, ws, header, 1, L(w, "Bid", "Anbud"), w->head);
    text(w, ws, header, 2, L(w, "Criterion", "Kriterium"), w->head);
    text(w, ws, header, 3, L(w, "Level", "Nivå"), w->head);
    text(w, ws, header, 4, L(w, "Score", "Betyg"), w->head);
    text(w, ws, header, 5, L(w, "Justification", "Motivering"), w->head);
    worksheet_set_column(ws, 0, 3, 20, NULL);
    worksheet_set_column(ws, 4, 4, 10, NULL);
    worksheet_set_column(ws, 5, 5, 60, w->wrap);
    for (s = 0; s < w->in->nscores; s++) {
        const input_score *sc = &w->in->scores[s];
        const model_criterion *c = &m->criteria[sc->criterion];
        int row = header + 1 + s;
        w->score_row[s] = row;
        if (sc->consensus) text(w, ws, row, 0, L(w, "consensus", "konsensus"), w->input);
        else if (w->o->public_variant) {
            /* evaluators are numbered in order of first appearance */
            int e;
            for (e = 0; e < ndistinct && strcmp(distinct[e], sc->evaluator) != 0; e++) ;
            if (e == ndistinct) distinct[ndistinct++] = sc->evaluator;
            snprintf(name, sizeof name, "%s %d", L(w, "Evaluator", "Bedömare"), e + 1);
            text(w, ws, row, 0, name, w->input);
        } else text(w, ws, row, 0, sc->evaluator, w->input);
        text(w, ws, row, 1, w->in->bids[sc->bid].id, w->input);
        text(w, ws, row, 2, c->id, w->input);
        if (sc->recused)   /* jäv: on the record, off the panel, no score */
            text(w, ws, row, 3, L(w, "stood aside (jäv)", "jäv"), w->bold);
        else {
            if (sc->level >= 0 && c->scale >= 0) text(w, ws, row, 3, m->scales[c->scale].labels[sc->level], w->input);
            number(w, ws, row, 4, sc->value, w->input);
        }
        text(w, ws, row, 5, sc->justification, w->wrap);
    }
    free(distinct);
    worksheet_freeze_panes(ws, (lxw_row_t)header + 1, 0);
    worksheet_protect(ws, NULL, NULL);
}

/* }====================================== */

/* {=========== Model sheet ============ */

static void define(wbw *w, const char *name, const char *q, int r1, int c1, int r2, int c2)
{
    sbuf b = { NULL, 0, 0 };
    sb_add(&b, "=");
    sb_ref(&b, q, r1, c1, 1);
    if (r2 != r1 || c2 != c1) {
        sb_add(&b, ":");
        sb_ref(&b, NULL, r2, c2, 1);
    }
    if (!xml_ok(w, name) || !xml_ok(w, b.s)) { free(b.s); return; }
    if (w->nscope == 0) note(w, workbook_define_name(w->wb, name, b.s));
    else {
        /* each lot's names are local to its sheets, so that the formulas
           read the same in every lot */
        int i;
        char local[200];
        for (i = 0; i < w->nscope; i++) {
            snprintf(local, sizeof local, "%s!%s", w->scope_name[i], name);
            note(w, workbook_define_name(w->wb, local, b.s));
        }
    }
    free(b.s);
}

static void write_model(wbw *w)
{
    const model *m = w->m;
    lxw_worksheet *ws = w->mod;
    static const char *const kinds_en[] = { "quality", "price points", "added value", "group" };
    static const char *const kinds_sv[] = { "kvalitet", "prispoäng", "mervärde", "grupp" };
    static const char *const panels_en[] = { "mean", "median", "consensus" };
    static const char *const panels_sv[] = { "medelvärde", "median", "konsensus" };
    int k, s, row, line;
    char name[64];
    const char *p;

    text(w, ws, 0, 0, m->title, w->title);
    text(w, ws, 1, 0, L(w, "The evaluation model as anbud read it; named cells are used by the Calculation sheet.",
                        "Utvärderingsmodellen som anbud läste den; namngivna celler används på bladet Beräkning."), NULL);
    row = 3;
    text(w, ws, row, 0, "#", w->head);
    text(w, ws, row, 1, L(w, "Criterion", "Kriterium"), w->head);
    text(w, ws, row, 2, L(w, "Kind", "Slag"), w->head);
    text(w, ws, row, 3, L(w, "Weight", "Vikt"), w->head);
    text(w, ws, row, 4, L(w, "Max", "Max"), w->head);
    text(w, ws, row, 5, L(w, "Scale", "Skala"), w->head);
    text(w, ws, row, 6, L(w, "Panel", "Bedömning"), w->head);
    text(w, ws, row, 7, L(w, "Minimum", "Lägsta"), w->head);
    text(w, ws, row, 8, L(w, "Formula", "Formel"), w->head);
    text(w, ws, row, 9, L(w, "In words", "I ord"), w->head);
    text(w, ws, row, 10, "Excel", w->head);
    w->crit_row0 = row + 1;
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        int r = w->crit_row0 + k;
        snprintf(name, sizeof name, "K%d", k + 1);
        text(w, ws, r, 0, name, NULL);
        text(w, ws, r, 1, c->parent >= 0 ? "" : c->id, w->bold);
        if (c->parent >= 0) {
            char sub[300];
            snprintf(sub, sizeof sub, "  %s / %s", m->criteria[c->parent].id, c->id);
            text(w, ws, r, 1, sub, NULL);
        }
        text(w, ws, r, 2, w->sv ? kinds_sv[c->kind] : kinds_en[c->kind], NULL);
        if (c->has_weight) {
            number(w, ws, r, 3, c->weight, w->input);
            snprintf(name, sizeof name, "Weight_K%d", k + 1);
            define(w, name, w->q_model, r, 3, r, 3);
        }
        if (c->has_max) {
            number(w, ws, r, 4, c->max, w->input);
            snprintf(name, sizeof name, "Max_K%d", k + 1);
            define(w, name, w->q_model, r, 4, r, 4);
        }
        if (c->scale >= 0) text(w, ws, r, 5, m->scales[c->scale].id, NULL);
        if (c->kind == CRIT_QUALITY || c->kind == CRIT_ADDED_VALUE)
            text(w, ws, r, 6, c->declared ? L(w, "stated by the bidder", "anbudsgivarens uppgift")
                                           : (w->sv ? panels_sv[c->panel] : panels_en[c->panel]), NULL);
        if (c->has_min) number(w, ws, r, 7, c->min, w->input);
        if (c->method_name) text(w, ws, r, 8, c->method_name, NULL);
        if (c->method_ref != LUA_NOREF) {
            text(w, ws, r, 9, method_text(w, c->method_ref, "words"), w->wrap);
            text(w, ws, r, 10, c->excel, NULL);
        }
    }
    row = w->crit_row0 + m->ncriteria + 1;

    /* SEK per level and feature values, as named rows */
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        lua_State *Ls = m->sb->L;
        int l, n = 0;
        if (c->nvalues) {
            text(w, ws, row, 0, c->id, w->bold);
            text(w, ws, row, 1, L(w, "value per level", "värde per nivå"), NULL);
            for (l = 0; l < c->nvalues; l++) number(w, ws, row, 2 + l, c->values[l], w->input);
            snprintf(name, sizeof name, "Values_K%d", k + 1);
            define(w, name, w->q_model, row, 2, row, 1 + c->nvalues);
            row++;
            continue;
        }
        if (c->method_ref == LUA_NOREF || !c->method_name || strcmp(c->method_name, "sek_per_level") != 0) continue;
        text(w, ws, row, 0, c->id, w->bold);
        text(w, ws, row, 1, L(w, "SEK per level", "kronor per nivå"), NULL);
        lua_rawgeti(Ls, LUA_REGISTRYINDEX, c->method_ref);
        lua_getfield(Ls, -1, "amounts");
        n = lua_istable(Ls, -1) ? (int)lua_rawlen(Ls, -1) : 0;
        for (l = 1; l <= n; l++) {
            mpq_t q;
            int approx = 0;
            const char *why;
            mpq_init(q);
            lua_rawgeti(Ls, -1, l);
            if (lnum_get(Ls, -1, q, &approx, &why)) number(w, ws, row, 1 + l, q, w->input);
            lua_pop(Ls, 1);
            mpq_clear(q);
        }
        lua_pop(Ls, 2);
        if (n > 0) {
            snprintf(name, sizeof name, "Amounts_K%d", k + 1);
            define(w, name, w->q_model, row, 2, row, 1 + n);
        }
        row++;
    }
    row++;

    /* scales */
    for (s = 0; s < m->nscales; s++) {
        const model_scale *sc = &m->scales[s];
        int l;
        text(w, ws, row, 0, L(w, "Scale", "Skala"), w->head);
        text(w, ws, row, 1, sc->id, w->head);
        text(w, ws, row, 2, L(w, "Value", "Värde"), w->head);
        text(w, ws, row, 3, L(w, "Descriptor", "Beskrivning"), w->head);
        row++;
        for (l = 0; l < sc->nlevels; l++) {
            text(w, ws, row + l, 1, sc->labels[l], w->input);
            number(w, ws, row + l, 2, sc->values[l], w->input);
            text(w, ws, row + l, 3, sc->texts[l], w->wrap);
        }
        snprintf(name, sizeof name, "ScaleLabels_S%d", s + 1);
        define(w, name, w->q_model, row, 1, row + sc->nlevels - 1, 1);
        snprintf(name, sizeof name, "ScaleValues_S%d", s + 1);
        define(w, name, w->q_model, row, 2, row + sc->nlevels - 1, 2);
        row += sc->nlevels + 1;
    }

    /* basis, total, rounding, tie-break */
    text(w, ws, row, 0, L(w, "Basis", "Grund"), w->bold);
    text(w, ws, row++, 1, model_basis_name(m->basis), NULL);
    text(w, ws, row, 0, L(w, "Total", "Summa"), w->bold);
    text(w, ws, row, 1, m->total_name, NULL);
    text(w, ws, row++, 2, method_text(w, m->total_ref, "words"), NULL);
    text(w, ws, row, 0, L(w, "Price", "Pris"), w->bold);
    text(w, ws, row, 1, m->price.method_name, NULL);
    text(w, ws, row++, 2, method_text(w, m->price.method_ref, "words"), NULL);
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
        if (!r[0]) snprintf(r, sizeof r, "%s", L(w, "none: every figure is exact", "ingen: alla tal är exakta"));
        text(w, ws, row, 0, L(w, "Rounding", "Avrundning"), w->bold);
        text(w, ws, row++, 1, r, NULL);
        r[0] = '\0';
        for (i = 0; i < m->ntiebreak; i++)
            snprintf(r + strlen(r), sizeof r - strlen(r), "%s%s", i ? ", " : "", m->tiebreak[i].name);
        text(w, ws, row, 0, L(w, "Tie-break", "Särskiljning"), w->bold);
        text(w, ws, row++, 1, r[0] ? r : "-", NULL);
    }
    row++;
    text(w, ws, row++, 0, L(w, "Model source", "Modellens källtext"), w->head);
    for (p = m->source, line = 1; p && *p; line++) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *l = malloc(n + 1);
        if (!l) break;
        memcpy(l, p, n);
        l[n] = '\0';
        if (n && l[n - 1] == '\r') l[n - 1] = '\0';
        note(w, worksheet_write_number(ws, (lxw_row_t)row, 0, line, NULL));
        text(w, ws, row++, 1, l, NULL);
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
            sb_add(out, "%s", j ? sep : "");
            sb_ref(out, NULL, row, w->c_part[list] + 2 * j, 0);
        }
        return;
    }
    for (k = 0; k < m->ncriteria; k++)
        if (in_list(m, list, k)) {
            sb_add(out, "%s", n++ ? sep : "");
            sb_ref(out, NULL, row, w->c_contrib[k], 0);
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
            if (n == 0) { sb_clear(&f); sb_add(&f, "=SUM("); mpq_set_ui(sum, 0, 1); }
            sb_add(&f, "%s", n ? "," : "");
            sb_ref(&f, NULL, row, w->c_contrib[k], 0);
            mpq_add(sum, sum, b->crit[k].contribution);
            if (++n == SUM_CHUNK) {
                sb_add(&f, ")");
                figure(w, w->calc, row, w->c_part[list] + 2 * j++, f.s, sum);
                n = 0;
            }
        }
        if (n) {
            sb_add(&f, ")");
            figure(w, w->calc, row, w->c_part[list] + 2 * j, f.s, sum);
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
    text(w, ws, row, 0, L(w, "Bid", "Anbud"), w->head);
    text(w, ws, row, 1, L(w, "Bidder", "Anbudsgivare"), w->head);
    text(w, ws, row, w->c_price, L(w, "Evaluated price", "Utvärderingspris"), w->head);
    for (k = 0; k < m->ncriteria; k++) {
        const char *id = m->criteria[k].id;
        if (w->c_value[k] >= 0) { snprintf(h, sizeof h, "%s: %s", id, L(w, "value", "värde")); text(w, ws, row, w->c_value[k], h, w->head); }
        if (w->c_score[k] >= 0) { snprintf(h, sizeof h, "%s: %s", id, L(w, "score", "poäng")); text(w, ws, row, w->c_score[k], h, w->head); }
        if (w->c_round[k] >= 0) { snprintf(h, sizeof h, "%s: %s", id, L(w, "rounded", "avrundad")); text(w, ws, row, w->c_round[k], h, w->head); }
        snprintf(h, sizeof h, "%s: %s", id, m->criteria[k].kind == CRIT_ADDED_VALUE && !m->criteria[k].nvalues
                 ? L(w, "SEK", "kronor") : L(w, "contribution", "bidrag"));
        text(w, ws, row, w->c_contrib[k], h, w->head);
    }
    text(w, ws, row, w->c_features, L(w, "Feature values", "Egenskapsvärden"), w->head);
    text(w, ws, row, w->c_quality, L(w, "Quality", "Kvalitet"), w->head);
    text(w, ws, row, w->c_total, L(w, "Total (exact)", "Summa (exakt)"), w->head);
    if (w->c_total_r >= 0) text(w, ws, row, w->c_total_r, L(w, "Total", "Summa"), w->head);
    text(w, ws, row, w->c_rank, L(w, "Rank", "Placering"), w->head);
    for (k = 0; k < NLISTS; k++) {
        static const char *const en[] = { "feature values", "quality", "contributions" };
        static const char *const sv[] = { "egenskapsvärden", "kvalitet", "bidrag" };
        int j;
        for (j = 0; j < w->n_part[k]; j++) {
            snprintf(h, sizeof h, "%s %d: %s", L(w, "Partial sum", "Delsumma"), j + 1, w->sv ? sv[k] : en[k]);
            text(w, ws, row, w->c_part[k] + 2 * j, h, w->head);
        }
    }
    for (k = 2; k < w->ncols; k += 2)
        text(w, ws, row, k + 1, L(w, "check", "kontroll"), w->head);
}

/* The panel's aggregate of bid bi (an input bid) on criterion k. */
static void value_formula(wbw *w, int bi, int k, sbuf *f)
{
    const model *m = w->m;
    const model_criterion *c = &m->criteria[k];
    int s, n = 0, cons = -1;
    if (c->declared) {
        sbuf cell = { NULL, 0, 0 };
        sb_ref(&cell, w->q_bids, w->bid_row[bi], w->field_col[c->field], 0);
        if (c->scale >= 0) sb_add(f, "=INDEX(ScaleValues_S%d,MATCH(%s,ScaleLabels_S%d,0))", c->scale + 1, cell.s, c->scale + 1);
        else sb_add(f, "=%s", cell.s);
        free(cell.s);
        return;
    }
    const int head = w->ev->score_head[bi * m->ncriteria + k];
    for (s = head; s >= 0; s = w->ev->score_next[s])
        if (w->in->scores[s].consensus) cons = s;
    if (c->panel == PANEL_CONSENSUS && cons >= 0) {
        sb_add(f, "=");
        sb_ref(f, w->q_scores, w->score_row[cons], 4, 0);
        return;
    }
    sb_add(f, "=%s(", c->panel == PANEL_MEDIAN ? "MEDIAN" : "AVERAGE");
    for (s = head; s >= 0; s = w->ev->score_next[s]) {
        if (w->in->scores[s].consensus || w->in->scores[s].recused) continue;
        sb_add(f, n++ ? "," : "");
        sb_ref(f, w->q_scores, w->score_row[s], 4, 0);
    }
    sb_add(f, ")");
    if (n > MAX_ARGS) sb_clear(f);   /* a median cannot be split: the value */
}

/* Append a reference to bid bi's cell of the bids column named name; 0 if
   the model has no such column or the sheet leaves it out. A method's
   column names are read when the workbook is written, after the model's
   own functions have run, so they are looked up, not trusted. */
static int column_ref(wbw *w, sbuf *f, int bi, const char *name)
{
    int fi = name ? model_find_field(w->m, name) : -1;
    if (fi < 0 || w->field_col[fi] < 0) return 0;
    sb_ref(f, w->q_bids, w->bid_row[bi], w->field_col[fi], 0);
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
        sb_add(f, "=");
        sb_ref(f, w->q_bids, w->bid_row[bi], w->field_col[fi], 0);
    } else if (strcmp(name, "basket") == 0) {
        int c0 = w->field_col[model_find_field(m, m->price.lines[0].id)], contiguous = 1;
        for (l = 1; l < m->price.nlines; l++)
            if (w->field_col[model_find_field(m, m->price.lines[l].id)] != c0 + l) contiguous = 0;
        if (contiguous) {   /* quantities row × unit prices row */
            sb_add(f, "=SUMPRODUCT(");
            sb_ref(f, w->q_bids, w->bid_row[0] - 2, c0, 1);
            sb_add(f, ":");
            sb_ref(f, NULL, w->bid_row[0] - 2, c0 + m->price.nlines - 1, 1);
            sb_add(f, ",");
            sb_ref(f, w->q_bids, w->bid_row[bi], c0, 0);
            sb_add(f, ":");
            sb_ref(f, NULL, w->bid_row[bi], c0 + m->price.nlines - 1, 0);
            sb_add(f, ")");
            return;
        }
        sb_add(f, "=SUMPRODUCT(");
        for (l = 0; l < m->price.nlines; l++) {
            int fi = model_find_field(m, m->price.lines[l].id);
            sb_add(f, l ? "+" : "");
            sb_ref(f, w->q_bids, w->bid_row[0] - 2, w->field_col[fi], 1);
            sb_add(f, "*");
            sb_ref(f, w->q_bids, w->bid_row[bi], w->field_col[fi], 0);
        }
        sb_add(f, ")");
    } else if (strcmp(name, "fixed_price") == 0) {
        sb_clear(f);
        sb_add(f, "=");
        method_number(w, m->price.method_ref, "amount", f);
    } else if (strcmp(name, "lcc") == 0) {
        /* purchase + once + yearly × annuity factor − residual × discount factor */
        lua_State *L = m->sb->L;
        sbuf rate = { NULL, 0, 0 }, years = { NULL, 0, 0 };
        int zero, ok = 1;
        method_number(w, m->price.method_ref, "rate", &rate);
        if (!method_number(w, m->price.method_ref, "years", &years)) sb_add(&years, "0");
        zero = strcmp(rate.s ? rate.s : "0", "0") == 0;
        sb_add(f, "=0");
        lua_rawgeti(L, LUA_REGISTRYINDEX, m->price.method_ref);
        lua_getfield(L, -1, "params");
        if (lua_getfield(L, -1, "purchase") == LUA_TSTRING) {
            sb_add(f, "+");
            ok = ok && column_ref(w, f, bi, lua_tostring(L, -1));
        }
        lua_pop(L, 1);
        if (lua_getfield(L, -1, "once") == LUA_TTABLE) {
            int i, n = (int)lua_rawlen(L, -1);
            for (i = 1; i <= n; i++) {
                if (lua_rawgeti(L, -1, i) == LUA_TSTRING) {
                    sb_add(f, "+");
                    ok = ok && column_ref(w, f, bi, lua_tostring(L, -1));
                }
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
        if (lua_getfield(L, -1, "yearly") == LUA_TTABLE && lua_rawlen(L, -1) > 0) {
            int i, n = (int)lua_rawlen(L, -1);
            sb_add(f, "+(");
            for (i = 1; i <= n; i++) {
                if (lua_rawgeti(L, -1, i) == LUA_TSTRING) {
                    sb_add(f, i > 1 ? "+" : "");
                    ok = ok && column_ref(w, f, bi, lua_tostring(L, -1));
                }
                lua_pop(L, 1);
            }
            if (zero) sb_add(f, ")*%s", years.s);
            else sb_add(f, ")*(1-(1+%s)^-%s)/%s", rate.s, years.s, rate.s);
        }
        lua_pop(L, 1);
        if (lua_getfield(L, -1, "residual") == LUA_TSTRING) {
            sb_add(f, "-");
            ok = ok && column_ref(w, f, bi, lua_tostring(L, -1));
            if (!zero) sb_add(f, "/(1+%s)^%s", rate.s, years.s);
        }
        if (!ok) sb_clear(f);   /* written as a value instead */
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
    sb_ref(&score, NULL, row, w->c_round[k] >= 0 ? w->c_round[k] : w->c_score[k], 0);
    if (c->nvalues) {
        sbuf v = { NULL, 0, 0 };
        sb_ref(&v, NULL, row, w->c_value[k], 0);
        /* a named row: INDEX with both indices, which Gnumeric needs too */
        sb_add(f, "=INDEX(Values_K%d,1,MATCH(%s,ScaleValues_S%d,0))", k + 1, v.s, c->scale + 1);
        free(v.s);
    } else if (strcmp(c->method_name, "sek_per_level") == 0) {
        sbuf v = { NULL, 0, 0 };
        sb_ref(&v, NULL, row, w->c_value[k], 0);
        sb_add(f, "=%sINDEX(Amounts_K%d,1,MATCH(%s,ScaleValues_S%d,0))", c->surcharge ? "" : "-", k + 1, v.s, c->scale + 1);
        free(v.s);
    } else {
        const char *tpl = c->excel ? c->excel : "";
        char *copy = strdup(tpl);
        sbuf body = { NULL, 0, 0 };
        t.w = w; t.ref = c->method_ref; t.k = k; t.row = row;
        ok = copy && copy[0] && expand(&t, copy, &body);
        if (ok) sb_add(f, "=%s(%s)", c->surcharge ? "" : "-", body.s + 1);
        free(body.s);
        free(copy);
    }
    free(score.s);
    return ok;
}

static void write_calc(wbw *w)
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
    text(w, ws, 0, 0, L(w, "Calculation: every figure as a formula over the inputs", "Beräkning: varje tal som en formel över indata"), w->title);
    text(w, ws, 1, 0, L(w, "Each figure is cached with anbud's exact result; the check beside it compares Excel's result with anbud's.",
                        "Varje tal har anbuds exakta resultat som sparat värde; kontrollen bredvid jämför kalkylprogrammets resultat med anbuds."), NULL);
    if (ev->total_places >= 0 && (strcmp(m->total_name, "comparison_price") == 0 || strcmp(m->total_name, "weighted_sum") == 0)) {
        /* the total is rounded once, after the exact sum (research §3.7) */
        char note[300];
        snprintf(note, sizeof note, w->sv
                 ? "Summan avrundas en gång, efter den exakta summan, till %d decimaler; delarna avrundade var för sig kan därför skilja sig från den med avrundningen."
                 : "The total is rounded once, after the exact sum, to %d decimals; the parts rounded one by one can therefore differ from it by the rounding.",
                 ev->total_places);
        text(w, ws, 2, 0, note, NULL);
    }

    /* rows of the remaining bids, in input order, then the excluded ones */
    for (i = 0, row = first; i < ev->nbids; i++)
        w->calc_row[i] = ev->bids[i].stage ? -1 : row++;

    /* statistics over the remaining bids */
    {
        static const char *const names[] = { "LowestPrice", "HighestPrice", "MeanPrice", "BidCount",
                                             "BestQuality", "MaxQuality", "FeaturesMax", "LowestQuality" };
        const char *labels_en[] = { "Lowest price", "Highest price", "Mean price", "Bids evaluated",
                                    "Best quality", "Highest possible quality", "Largest feature values", "Lowest quality" };
        const char *labels_sv[] = { "Lägsta pris", "Högsta pris", "Medelpris", "Antal anbud",
                                    "Bästa kvalitet", "Högsta möjliga kvalitet", "Största egenskapsvärden", "Lägsta kvalitet" };
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
            text(w, ws, r, 0, w->sv ? labels_sv[s] : labels_en[s], w->bold);
            sb_clear(f);
            if (nr == 0 || s == 5 || s == 6) number(w, ws, r, 2, *stat[s], w->num);
            else {
                sbuf rng = { NULL, 0, 0 };
                int col = s == 4 || s == 7 ? w->c_quality : w->c_price;
                sb_ref(&rng, NULL, first, col, 1);
                sb_add(&rng, ":");
                sb_ref(&rng, NULL, last, col, 1);
                if (s == 0) sb_add(f, "=MIN(%s)", rng.s);
                else if (s == 1) sb_add(f, "=MAX(%s)", rng.s);
                else if (s == 2) sb_add(f, "=AVERAGE(%s)", rng.s);
                else if (s == 3) sb_add(f, "=COUNT(%s)", rng.s);
                else if (s == 4) sb_add(f, "=MAX(%s)", rng.s);
                else sb_add(f, "=MIN(%s)", rng.s);
                figure(w, ws, r, 2, f->s, *stat[s]);
                free(rng.s);
            }
            define(w, names[s], w->q_calc, r, 2, r, 2);
        }
    }

    calc_header(w, header);
    for (i = 0; i < ev->nbids; i++) {
        const eval_bid *b = &ev->bids[i];
        const input_bid *ib = &w->in->bids[b->input];
        int r = w->calc_row[i];
        if (r < 0) continue;
        text(w, ws, r, 0, ib->id, NULL);
        text(w, ws, r, 1, ib->bidder, NULL);
        sb_clear(f);
        price_formula(w, b->input, r, f);
        if (m->rounding.price >= 0 && f->n) {
            char *inner = strdup(f->s + 1);
            sb_clear(f);
            sb_add(f, "=");
            sb_round(f, inner, m->rounding.price, m->rounding.price_mode);
            free(inner);
        }
        if (f->n) figure_fmt(w, ws, r, w->c_price, f->s, b->price, w->money);
        else custom(w, ws, r, w->c_price, b->price);

        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            const eval_crit *ec = &b->crit[k];
            char cell[32];
            int j;
            if (w->c_value[k] >= 0) {
                sb_clear(f);
                value_formula(w, b->input, k, f);
                if (f->n && m->rounding.panel >= 0 && c->panel != PANEL_CONSENSUS && !c->declared) {
                    char *inner = strdup(f->s + 1);
                    sb_clear(f);
                    sb_add(f, "=");
                    sb_round(f, inner ? inner : "0", m->rounding.panel, m->rounding.panel_mode);
                    free(inner);
                }
                figure(w, ws, r, w->c_value[k], f->s, ec->value);
            }
            if (w->c_score[k] >= 0) {
                sb_clear(f);
                if (c->kind == CRIT_PRICE) {
                    const char *tpl = c->excel ? c->excel : "";
                    char *copy = strdup(tpl);
                    t.w = w; t.ref = c->method_ref; t.k = k; t.row = r;
                    if (!copy || !copy[0] || !expand(&t, copy, f)) sb_clear(f);
                    free(copy);
                } else if (c->kind == CRIT_GROUP) {
                    int n = 0;
                    sb_add(f, "=SUM(");
                    for (j = k + 1; j < m->ncriteria; j++)
                        if (m->criteria[j].parent == k) {
                            sb_add(f, n++ ? "," : "");
                            sb_ref(f, NULL, r, w->c_contrib[j], 0);
                        }
                    sb_add(f, ")");
                } else {
                    lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)w->c_value[k]);
                    if (c->rescale) {   /* the best remaining bid gets max */
                        sb_add(f, "=IF(MAX(");
                        sb_ref(f, NULL, first, w->c_value[k], 1);
                        sb_add(f, ":");
                        sb_ref(f, NULL, last, w->c_value[k], 1);
                        sb_add(f, ")>0,Max_K%d*%s/MAX(", k + 1, cell);
                        sb_ref(f, NULL, first, w->c_value[k], 1);
                        sb_add(f, ":");
                        sb_ref(f, NULL, last, w->c_value[k], 1);
                        sb_add(f, "),0)");
                    } else if (c->scale >= 0) sb_add(f, "=Max_K%d*%s/MAX(ScaleValues_S%d)", k + 1, cell, c->scale + 1);
                    else sb_add(f, "=%s", cell);
                }
                if (f->n) figure(w, ws, r, w->c_score[k], f->s, ec->score_exact);
                else custom(w, ws, r, w->c_score[k], ec->score_exact);
            }
            if (w->c_round[k] >= 0) {
                lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)w->c_score[k]);
                sb_clear(f);
                sb_add(f, "=");
                sb_round(f, cell, m->rounding.score, m->rounding.score_mode);
                figure(w, ws, r, w->c_round[k], f->s, ec->score);
            }
            sb_clear(f);
            if (c->kind == CRIT_ADDED_VALUE) {
                if (!amount_formula(w, k, r, f)) sb_clear(f);
            } else {
                lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)(w->c_round[k] >= 0 ? w->c_round[k] : w->c_score[k]));
                if (c->has_weight) sb_add(f, "=Weight_K%d*%s", k + 1, cell);
                else sb_add(f, "=%s", cell);
            }
            if (f->n) figure_fmt(w, ws, r, w->c_contrib[k], f->s, ec->contribution,
                                 c->kind == CRIT_ADDED_VALUE && !c->nvalues ? w->money : w->num);
            else custom(w, ws, r, w->c_contrib[k], ec->contribution);
        }

        /* feature values, quality */
        write_parts(w, b, r);
        sb_clear(f);
        sb_add(f, "=0");
        if (list_size(m, LIST_FEATURES)) { sb_add(f, "+"); list_refs(w, LIST_FEATURES, r, "+", f); }
        figure(w, ws, r, w->c_features, f->s, b->features);
        sb_clear(f);
        sb_add(f, "=%s(0", m->basis == BASIS_COMPARISON_PRICE ? "-SUM" : "SUM");
        if (list_size(m, LIST_QUALITY)) { sb_add(f, ","); list_refs(w, LIST_QUALITY, r, ",", f); }
        sb_add(f, ")");
        figure(w, ws, r, w->c_quality, f->s, b->quality);

        /* total */
        sb_clear(f);
        {
            const char *tpl = m->total_excel ? m->total_excel : "";
            char *copy = strdup(tpl);
            t.w = w; t.ref = m->total_ref; t.k = -1; t.row = r;
            if (!copy || !copy[0] || !expand(&t, copy, f)) sb_clear(f);
            free(copy);
        }
        if (f->n) figure_fmt(w, ws, r, w->c_total, f->s, b->total_exact,
                             m->basis == BASIS_COMPARISON_PRICE ? w->money : w->num);
        else custom(w, ws, r, w->c_total, b->total_exact);
        if (w->c_total_r >= 0) {
            char cell[32];
            lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)w->c_total);
            sb_clear(f);
            sb_add(f, "=");
            sb_round(f, cell, ev->total_places, ev->total_mode);
            figure_fmt(w, ws, r, w->c_total_r, f->s, b->total,
                       m->basis == BASIS_COMPARISON_PRICE ? w->money : w->num);
        }
    }

    /* ranks: bids better on the (rounded) total, plus the place the tie-break gave */
    for (i = 0; i < ev->nbids; i++) {
        const eval_bid *b = &ev->bids[i];
        int r = w->calc_row[i], better = 0, j, tc = w->c_total_r >= 0 ? w->c_total_r : w->c_total;
        char cell[32];
        sbuf rng = { NULL, 0, 0 };
        if (r < 0) continue;
        for (j = 0; j < ev->nbids; j++) {
            int c;
            if (ev->bids[j].stage) continue;
            c = mpq_cmp(ev->bids[j].total, b->total);
            if (ev->higher_is_better ? c > 0 : c < 0) better++;
        }
        sb_ref(&rng, NULL, first, tc, 1);
        sb_add(&rng, ":");
        sb_ref(&rng, NULL, last, tc, 1);
        lxw_rowcol_to_cell(cell, (lxw_row_t)r, (lxw_col_t)tc);
        sb_clear(f);
        sb_add(f, "=SUMPRODUCT(--(%s%s%s))+1", rng.s, ev->higher_is_better ? ">" : "<", cell);
        if (b->rank - 1 - better > 0) sb_add(f, "+%d", b->rank - 1 - better);
        mpq_set_si(q, b->rank, 1);
        figure(w, ws, r, w->c_rank, f->s, q);
        free(rng.s);
    }
    if (nr > 0) {
        define(w, "BidIds", w->q_calc, first, 0, last, 0);
        define(w, "Totals", w->q_calc, first, w->c_total, last, w->c_total);
        define(w, "Ranks", w->q_calc, first, w->c_rank, last, w->c_rank);
    }

    /* excluded bids */
    row = first + nr + 1;
    if (nr < ev->nbids) {
        text(w, ws, row++, 0, L(w, "Excluded before scoring", "Uteslutna före poängsättning"), w->head);
        for (i = 0; i < ev->nbids; i++) {
            const eval_bid *b = &ev->bids[i];
            if (!b->stage) continue;
            text(w, ws, row, 0, w->in->bids[b->input].id, NULL);
            text(w, ws, row, 1, w->in->bids[b->input].bidder, NULL);
            text(w, ws, row, 2, evaluation_stage_name(b->stage), NULL);
            text(w, ws, row++, 4, b->reason, NULL);
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

/* {=========== Summary and Sensitivity ============ */

/* Who the lot is awarded to, in a sentence. */
static void allocation_line(const wbw *w, const award_lot *l, char *line, size_t size)
{
    const evaluation *ev = &l->ev;
    size_t len;
    int i;
    if (l->nawarded == 0) {
        if (ev->open_queries)
            snprintf(line, size, "%s", L(w, "Not allocated: an abnormally low price awaits an explanation.",
                                         "Ej tilldelat: ett onormalt lågt pris väntar på förklaring."));
        else if (l->undecided)
            snprintf(line, size, "%s", L(w, "No winner: a tie needs a decision.", "Ingen vinnare: lika anbud kräver beslut."));
        else
            snprintf(line, size, "%s", L(w, "Not awarded: no bid remains.", "Ej tilldelat: inget anbud återstår."));
        return;
    }
    if (l->places == 1) {
        const input_bid *ib = &l->in->bids[ev->bids[l->awarded[0]].input];
        snprintf(line, size, "%s: %s (%s)", L(w, "Winner", "Vinnare"), ib->id, ib->bidder);
        return;
    }
    snprintf(line, size, "%s: ", L(w, "Framework agreement, call-off order", "Ramavtal, rangordning vid avrop"));
    for (i = 0; i < l->nawarded; i++) {
        len = strlen(line);
        snprintf(line + len, size - len, "%s%d. %s", i ? ", " : "", i + 1,
                 l->in->bids[ev->bids[l->awarded[i]].input].id);
    }
    if (l->undecided) {
        len = strlen(line);
        snprintf(line + len, size - len, "%s", L(w, "; the next place is undecided (a tie).",
                                                 "; nästa plats är oavgjord (lika anbud)."));
    }
}

static void write_summary(wbw *w)
{
    const evaluation *ev = w->ev;
    const model *m = w->m;
    lxw_worksheet *ws = w->sum;
    sbuf *f = &w->f;
    int i, row = 4, tc = w->c_total_r >= 0 ? w->c_total_r : w->c_total;
    char line[600];
    text(w, ws, 0, 0, m->title, w->title);
    snprintf(line, sizeof line, "%s: %s. %s", m->id, model_basis_name(m->basis),
             ev->higher_is_better ? L(w, "The highest total wins.", "Högst summa vinner.")
                                  : L(w, "The lowest comparison price wins.", "Lägst jämförelsepris vinner."));
    text(w, ws, 1, 0, line, NULL);
    allocation_line(w, w->lot, line, sizeof line);
    text(w, ws, 2, 0, line, w->bold);
    text(w, ws, row, 0, L(w, "Rank", "Placering"), w->head);
    text(w, ws, row, 1, L(w, "Bid", "Anbud"), w->head);
    text(w, ws, row, 2, L(w, "Bidder", "Anbudsgivare"), w->head);
    text(w, ws, row, 3, ev->higher_is_better ? L(w, "Total", "Summa") : L(w, "Comparison price", "Jämförelsepris"), w->head);
    text(w, ws, row, 4, L(w, "Decided by", "Avgjordes av"), w->head);
    for (i = 0; i < ev->nranked; i++) {
        const eval_bid *b = &ev->bids[ev->order[i]];
        int r = row + 1 + i, cr = w->calc_row[ev->order[i]];
        mpq_t q;
        mpq_init(q);
        sb_clear(f);
        sb_add(f, "=");
        sb_ref(f, w->q_calc, cr, w->c_rank, 0);
        mpq_set_si(q, b->rank, 1);
        note(w, formula_num(w, ws, (lxw_row_t)r, 0, f->s, NULL, b->rank));
        text(w, ws, r, 1, w->in->bids[b->input].id, NULL);
        text(w, ws, r, 2, w->in->bids[b->input].bidder, NULL);
        sb_clear(f);
        sb_add(f, "=");
        sb_ref(f, w->q_calc, cr, tc, 0);
        note(w, formula_num(w, ws, (lxw_row_t)r, 3, f->s,
                                            m->basis == BASIS_COMPARISON_PRICE ? w->money : w->num,
                                            dec_to_double(b->total)));
        w->nformulas += 2;
        if (b->decided_by >= 0) text(w, ws, r, 4, m->tiebreak[b->decided_by].name, NULL);
        mpq_clear(q);
    }
    row += ev->nranked + 2;
    {
        int any = 0;
        for (i = 0; i < ev->nbids; i++) {
            const eval_bid *b = &ev->bids[i];
            if (!b->stage) continue;
            if (!any++) {
                head_row(w, ws, row++, L(w, "Excluded", "Uteslutna"), L(w, "Bid", "Anbud"),
                         L(w, "Bidder", "Anbudsgivare"), L(w, "Stage", "Skede"), L(w, "Reason", "Skäl"));
            }
            text(w, ws, row, 1, w->in->bids[b->input].id, NULL);
            text(w, ws, row, 2, w->in->bids[b->input].bidder, NULL);
            text(w, ws, row, 3, evaluation_stage_name(b->stage), NULL);
            text(w, ws, row++, 4, b->reason, w->wrap);
        }
        if (any) row++;
    }
    {   /* jäv: the evaluators who left a bid's panel, and why */
        int any = 0, s;
        for (s = 0; s < w->in->nscores; s++) {
            const input_score *sc = &w->in->scores[s];
            char who[64];
            if (!sc->recused) continue;
            if (!any++) {
                head_row(w, ws, row++, L(w, "Stood aside (jäv)", "Jäv"), L(w, "Evaluator", "Bedömare"),
                         L(w, "Bid and criterion", "Anbud och kriterium"), "", L(w, "Justification", "Motivering"));
            }
            text(w, ws, row, 1, evaluator_label(w, s, who, sizeof who), NULL);
            snprintf(line, sizeof line, "%s %s: \"%s\"", L(w, "bid", "anbud"), w->in->bids[sc->bid].id,
                     m->criteria[sc->criterion].id);
            text(w, ws, row, 2, line, NULL);
            text(w, ws, row++, 4, sc->justification, w->wrap);
        }
        if (any) {
            text(w, ws, row++, 0, L(w, "An evaluator who stands aside leaves the panel for that bid and criterion only; "
                                       "the other bids keep the full panel.",
                                    "En bedömare som är jävig lämnar bedömargruppen för det anbudet och kriteriet; "
                                    "övriga anbud bedöms av hela gruppen."), NULL);
            row++;
        }
    }
    {
        int any = 0;
        for (i = 0; i < ev->nbids; i++) {
            if (!w->lot->passed || !w->lot->passed[i]) continue;
            if (!any++) {
                head_row(w, ws, row++, L(w, "Passed over", "Förbigångna"), L(w, "Bid", "Anbud"),
                         L(w, "Bidder", "Anbudsgivare"), "", L(w, "Reason", "Skäl"));
            }
            text(w, ws, row, 1, w->in->bids[ev->bids[i].input].id, NULL);
            text(w, ws, row, 2, w->in->bids[ev->bids[i].input].bidder, NULL);
            text(w, ws, row++, 4, w->lot->passed[i], w->wrap);
        }
        if (any) row++;
    }
    text(w, ws, row, 0, L(w, "Tie-break", "Särskiljning"), w->head);
    line[0] = '\0';
    for (i = 0; i < m->ntiebreak; i++)
        snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", i ? ", " : "", m->tiebreak[i].name);
    text(w, ws, row, 1, line[0] ? line : L(w, "none declared", "ingen angiven"), NULL);
    row++;
    text(w, ws, row, 0, L(w, "Lottery seed", "Lottningens frö"), w->bold);
    text(w, ws, row, 1, ev->seed, NULL);
    text(w, ws, row++, 4, ev->lottery_used ? L(w, "a lottery decided", "lottning avgjorde")
                                           : L(w, "no lottery was needed", "ingen lottning behövdes"), NULL);
    for (i = 0; i < m->ntiebreak && m->tiebreak[i].rule != TIE_LOTTERY; i++) {}
    if (i < m->ntiebreak) {
        /* each ranked bid's key, so that anyone can redo the draw (README) */
        text(w, ws, row, 0, L(w, "Lottery key", "Lottningsnyckel"), w->bold);
        text(w, ws, row++, 1, L(w, "SHA-256 of \"seed:bid\"; the lower key wins the draw",
                                "SHA-256 av \"frö:anbud\"; lägst nyckel vinner lottningen"), NULL);
        for (i = 0; i < ev->nranked; i++) {
            const char *id = w->in->bids[ev->bids[ev->order[i]].input].id;
            char key[65];
            rank_lottery_key(ev->seed, id, key);
            text(w, ws, row, 0, id, NULL);
            text(w, ws, row++, 1, key, NULL);
        }
    }
    row++;
    text(w, ws, row, 0, L(w, "Model SHA-256", "Modellens SHA-256"), w->bold);
    text(w, ws, row, 1, m->sha256, NULL);
    define(w, "ModelSHA256", w->q_sum, row, 1, row, 1);
    row++;
    for (i = 0; i < w->in->nfiles; i++) {
        text(w, ws, row, 0, w->in->files[i].name, NULL);
        text(w, ws, row++, 1, w->in->files[i].sha256, NULL);
    }
    text(w, ws, row, 0, "anbud", w->bold);
    text(w, ws, row++, 1, w->o->version, NULL);
    text(w, ws, row, 0, L(w, "Evaluation date", "Utvärderingsdag"), w->bold);
    text(w, ws, row++, 1, w->o->date, NULL);
    if (ev->has_standstill) {
        char s2[300];
        text(w, ws, row, 0, L(w, "Award decision", "Tilldelningsbeslut"), w->bold);
        text(w, ws, row++, 1, ev->award_date, NULL);
        text(w, ws, row, 0, L(w, "Standstill ends", "Avtalsspärr t.o.m."), w->bold);
        text(w, ws, row, 1, ev->standstill_end, NULL);
        if (w->sv) snprintf(s2, sizeof s2, "%d dagar efter underrättelsen (%s, LOU 20 kap. 1 §)%s", ev->standstill_days,
                            ev->notice_electronic ? "elektroniskt" : "på annat sätt",
                            ev->standstill_moved ? "; flyttad till nästa vardag" : "");
        else snprintf(s2, sizeof s2, "%d days after the notice (%s, LOU 20 kap. 1 §)%s", ev->standstill_days,
                      ev->notice_electronic ? "electronic" : "otherwise",
                      ev->standstill_moved ? "; moved to the next weekday" : "");
        text(w, ws, row++, 2, s2, NULL);
    }
    if (w->ncustom) {
        if (w->sv) snprintf(line, sizeof line, "%d tal kommer från modellens egna Lua-formler och står som värden.", w->ncustom);
        else snprintf(line, sizeof line, "%d figures come from the model's own Lua formulas and are written as values.", w->ncustom);
        text(w, ws, row++, 0, line, NULL);
    }
    if (w->nlong) {
        if (w->sv) snprintf(line, sizeof line, "%d tal står som värden: deras formler vore längre än Excel tillåter (8 192 tecken, 255 argument).", w->nlong);
        else snprintf(line, sizeof line, "%d figures are written as values: their formulas would be longer than Excel allows (8 192 characters, 255 arguments).", w->nlong);
        text(w, ws, row++, 0, line, NULL);
    }
    for (i = 0; i < ev->nwarnings; i++) text(w, ws, ++row, 0, ev->warnings[i], NULL);
    if (!w->aw->m->nlots)
        for (i = 0; i < w->aw->nwarnings; i++) text(w, ws, ++row, 0, w->aw->warnings[i], NULL);
    worksheet_set_column(ws, 0, 0, 18, NULL);
    worksheet_set_column(ws, 1, 1, 20, NULL);
    worksheet_set_column(ws, 2, 2, 40, NULL);
    worksheet_set_column(ws, 3, 3, 18, NULL);
    worksheet_set_column(ws, 4, 4, 40, NULL);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 1);
    worksheet_protect(ws, NULL, NULL);
}

/* Contributions per bid as a stacked bar chart, and a debrief row per
   bidder: its gap to the winner and where the gap came from. */
static void write_sensitivity(wbw *w)
{
    const evaluation *ev = w->ev;
    const model *m = w->m;
    lxw_worksheet *ws = w->sens;
    sbuf *f = &w->f;
    int i, k, row = 3, ncol = 0, tc = w->c_total_r >= 0 ? w->c_total_r : w->c_total;
    text(w, ws, 0, 0, L(w, "Sensitivity and debrief", "Känslighet och återkoppling"), w->title);
    text(w, ws, 1, 0, L(w, "Each bid's contributions per criterion, and its distance to the winner.",
                        "Varje anbuds bidrag per kriterium och avståndet till vinnaren."), NULL);
    if (ev->nranked == 0) { worksheet_protect(ws, NULL, NULL); return; }
    const int trow = row;
    text(w, ws, row, 0, L(w, "Bid", "Anbud"), w->head);
    for (k = 0; k < m->ncriteria; k++) {
        if (m->criteria[k].parent >= 0) continue;
        text(w, ws, row, 1 + ncol++, m->criteria[k].id, w->head);
    }
    text(w, ws, row, 1 + ncol, ev->higher_is_better ? L(w, "Total", "Summa") : L(w, "Comparison price", "Jämförelsepris"), w->head);
    text(w, ws, row, 2 + ncol, L(w, "Gap to the winner", "Avstånd till vinnaren"), w->head);
    for (i = 0; i < ev->nranked; i++) {
        int bi = ev->order[i], r = row + 1 + i, cr = w->calc_row[bi], c = 0;
        const eval_bid *b = &ev->bids[bi];
        mpq_t gap;
        mpq_init(gap);
        text(w, ws, r, 0, w->in->bids[b->input].id, NULL);
        for (k = 0; k < m->ncriteria; k++) {
            if (m->criteria[k].parent >= 0) continue;
            sb_clear(f);
            sb_add(f, "=");
            sb_ref(f, w->q_calc, cr, w->c_contrib[k], 0);
            note(w, formula_num(w, ws, (lxw_row_t)r, (lxw_col_t)(1 + c++), f->s, w->num,
                                                dec_to_double(b->crit[k].contribution)));
            w->nformulas++;
        }
        sb_clear(f);
        sb_add(f, "=");
        sb_ref(f, w->q_calc, cr, tc, 0);
        note(w, formula_num(w, ws, (lxw_row_t)r, (lxw_col_t)(1 + ncol), f->s, w->num, dec_to_double(b->total)));
        sb_clear(f);
        sb_add(f, "=ABS(");
        sb_ref(f, NULL, r, 1 + ncol, 0);
        sb_add(f, "-");
        sb_ref(f, NULL, row + 1, 1 + ncol, 1);
        sb_add(f, ")");
        mpq_sub(gap, b->total, ev->bids[ev->order[0]].total);
        mpq_abs(gap, gap);
        note(w, formula_num(w, ws, (lxw_row_t)r, (lxw_col_t)(2 + ncol), f->s, w->num, dec_to_double(gap)));
        w->nformulas += 2;
        mpq_clear(gap);
    }
    row += ev->nranked + 2;
    if (ev->sensitivity) {
        text(w, ws, row, 0, L(w, "Runner-up", "Anbud"), w->head);
        text(w, ws, row, 1, L(w, "Evaluated price", "Utvärderingspris"), w->head);
        text(w, ws, row, 2, L(w, "Would have won at", "Hade vunnit vid"), w->head);
        text(w, ws, row, 3, L(w, "Change", "Ändring"), w->head);
        text(w, ws, row++, 4, L(w, "All else equal; winning outright, without a tie-break.",
                                 "Allt annat lika; vinner utan särskiljning."), NULL);
        for (i = 1; i < ev->nranked && i <= SENSITIVITY_MAX_RUNNERS_UP; i++) {
            int bi = ev->order[i];
            const eval_bid *b = &ev->bids[bi];
            text(w, ws, row, 0, w->in->bids[b->input].id, NULL);
            number(w, ws, row, 1, b->price, w->num);
            if (ev->be_status[bi] == 1) {
                number(w, ws, row, 2, ev->be_price[bi], w->num);
                sb_clear(f);
                sb_add(f, "=");
                sb_ref(f, NULL, row, 2, 0);
                sb_add(f, "-");
                sb_ref(f, NULL, row, 1, 0);
                {
                    mpq_t d;
                    mpq_init(d);
                    mpq_sub(d, ev->be_price[bi], b->price);
                    note(w, formula_num(w, ws, (lxw_row_t)row, 3, f->s, w->num, dec_to_double(d)));
                    w->nformulas++;
                    mpq_clear(d);
                }
            } else {
                text(w, ws, row, 2, ev->be_status[bi] == 0
                     ? L(w, "cannot win on price alone", "kan inte vinna på priset")
                     : L(w, "not computed", "inte beräknat"), NULL);
            }
            row++;
        }
        if (ev->nranked > SENSITIVITY_MAX_RUNNERS_UP + 1)
            text(w, ws, row++, 0, L(w, "(the first 10 runners-up)", "(de 10 första efter vinnaren)"), NULL);
        row++;
        text(w, ws, row, 0, L(w, "Criterion", "Kriterium"), w->head);
        text(w, ws, row, 1, L(w, "Weight", "Vikt"), w->head);
        text(w, ws, row, 2, L(w, "Smallest change that changes the winner", "Minsta ändring som byter vinnare"), w->head);
        text(w, ws, row, 3, L(w, "New weight", "Ny vikt"), w->head);
        text(w, ws, row++, 4, L(w, "Bid that draws level (others scaled to keep the sum 1)",
                                 "Anbud som då når vinnaren (övriga vikter skalas så att summan är 1)"), w->head);
        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            mpq_t nw;
            if (c->parent >= 0 || !c->has_weight) continue;
            text(w, ws, row, 0, c->id, NULL);
            number(w, ws, row, 1, c->weight, w->num);
            if (ev->flip_found[k]) {
                mpq_init(nw);
                mpq_add(nw, c->weight, ev->flip_delta[k]);
                number(w, ws, row, 2, ev->flip_delta[k], w->num);
                number(w, ws, row, 3, nw, w->num);
                text(w, ws, row, 4, w->in->bids[ev->bids[ev->flip_bid[k]].input].id, NULL);
                mpq_clear(nw);
            } else text(w, ws, row, 2, L(w, "no weight from 0 to 1 changes the winner", "ingen vikt mellan 0 och 1 byter vinnare"), NULL);
            row++;
        }
        row++;
    }
    /* rank reversal: leave each bid out in turn */
    text(w, ws, row++, 0, L(w, "Rank reversal: each bid left out in turn", "Rangomkastning: varje anbud utelämnat i tur och ordning"), w->head);
    if (!ev->probed) {
        text(w, ws, row++, 0, L(w, "Not computed for this many bids; run anbud evaluate --probe.",
                                 "Inte beräknat för så många anbud; kör anbud evaluate --probe."), NULL);
    } else if (ev->nflips == 0) {
        text(w, ws, row++, 0, L(w, "No pair of the remaining bids changes order when any one bid is left out.",
                                 "Inget par av de övriga anbuden byter ordning när något anbud utelämnas."), NULL);
    } else {
        text(w, ws, row, 0, L(w, "Left out", "Utelämnat"), w->head);
        text(w, ws, row, 1, L(w, "Was above", "Var före"), w->head);
        text(w, ws, row++, 2, L(w, "Falls below", "Hamnar efter"), w->head);
        for (i = 0; i < ev->nflips; i++) {
            text(w, ws, row, 0, w->in->bids[ev->bids[ev->flips[i].left_out].input].id, NULL);
            text(w, ws, row, 1, w->in->bids[ev->bids[ev->flips[i].a].input].id, NULL);
            text(w, ws, row++, 2, w->in->bids[ev->bids[ev->flips[i].b].input].id, NULL);
        }
    }
    row++;
    {
        lxw_chart *chart;
        int c = 0;
        /* a chart without a series is an error to libxlsxwriter: with no
           criterion to stack, or no bid ranked, there is nothing to draw */
        for (k = 0; k < m->ncriteria; k++) if (m->criteria[k].parent < 0) c++;
        chart = c && ev->nranked ? workbook_add_chart(w->wb, LXW_CHART_BAR_STACKED) : NULL;
        for (c = 0, k = 0; chart && k < m->ncriteria; k++) {
            lxw_chart_series *s;
            if (m->criteria[k].parent >= 0) continue;
            s = chart_add_series(chart, NULL, NULL);
            chart_series_set_categories(s, w->sens_name, (lxw_row_t)trow + 1, 0,
                                        (lxw_row_t)(trow + ev->nranked), 0);
            chart_series_set_values(s, w->sens_name, (lxw_row_t)trow + 1, (lxw_col_t)(1 + c),
                                    (lxw_row_t)(trow + ev->nranked), (lxw_col_t)(1 + c));
            chart_series_set_name_range(s, w->sens_name, (lxw_row_t)trow, (lxw_col_t)(1 + c));
            c++;
        }
        if (chart) {
            chart_title_set_name(chart, L(w, "Contributions per criterion", "Bidrag per kriterium"));
            worksheet_insert_chart(ws, (lxw_row_t)row, 0, chart);
        }
    }
    if (ev->nranked) {   /* the totals themselves, best first, beside it */
        lxw_chart *chart = workbook_add_chart(w->wb, LXW_CHART_BAR);
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        const char *sheet = w->sens_name;
        chart_series_set_categories(s, sheet, (lxw_row_t)trow + 1, 0, (lxw_row_t)(trow + ev->nranked), 0);
        chart_series_set_values(s, sheet, (lxw_row_t)trow + 1, (lxw_col_t)(1 + ncol),
                                (lxw_row_t)(trow + ev->nranked), (lxw_col_t)(1 + ncol));
        chart_series_set_name_range(s, sheet, (lxw_row_t)trow, (lxw_col_t)(1 + ncol));
        chart_axis_set_reverse(chart->y_axis);   /* the winner at the top */
        chart_axis_set_min(chart->x_axis, 0);     /* bars from zero: no exaggerated gaps */
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        chart_title_set_name(chart, ev->higher_is_better ? L(w, "Totals", "Summor") : L(w, "Comparison prices", "Jämförelsepriser"));
        worksheet_insert_chart(ws, (lxw_row_t)row, 8, chart);
        row += 18;
    }

    /* a debrief block per bidder: its figures beside the winner's */
    {
        int win = ev->order[0], wr = w->calc_row[win];
        text(w, ws, row++, 0, L(w, "Debrief per bidder", "Återkoppling per anbudsgivare"), w->title);
        for (i = 0; i < ev->nranked; i++) {
            int bi = ev->order[i], cr = w->calc_row[bi];
            const eval_bid *b = &ev->bids[bi];
            char line[600];
            snprintf(line, sizeof line, "%s (%s): %s %d", w->in->bids[b->input].id, w->in->bids[b->input].bidder,
                     L(w, "rank", "placering"), b->rank);
            if (b->decided_by >= 0)
                snprintf(line + strlen(line), sizeof line - strlen(line), ", %s %s",
                         L(w, "after a tie, decided by", "efter lika resultat, avgjort av"), m->tiebreak[b->decided_by].name);
            text(w, ws, row++, 0, line, w->bold);
            text(w, ws, row, 0, L(w, "Criterion", "Kriterium"), w->head);
            text(w, ws, row, 1, L(w, "This bid", "Detta anbud"), w->head);
            text(w, ws, row, 2, L(w, "Winner", "Vinnaren"), w->head);
            text(w, ws, row++, 3, L(w, "Difference", "Skillnad"), w->head);
            for (k = -1; k < m->ncriteria; k++) {
                const mpq_t *mine, *theirs;
                int col;
                mpq_t d;
                if (k >= 0 && m->criteria[k].parent >= 0) continue;
                if (k < 0) { col = tc; mine = (const mpq_t *)&b->total; theirs = (const mpq_t *)&ev->bids[win].total; }
                else { col = w->c_contrib[k]; mine = (const mpq_t *)&b->crit[k].contribution; theirs = (const mpq_t *)&ev->bids[win].crit[k].contribution; }
                text(w, ws, row, 0, k < 0 ? (ev->higher_is_better ? L(w, "Total", "Summa") : L(w, "Comparison price", "Jämförelsepris"))
                                          : m->criteria[k].id, k < 0 ? w->bold : NULL);
                sb_clear(f);
                sb_add(f, "=");
                sb_ref(f, w->q_calc, cr, col, 0);
                note(w, formula_num(w, ws, (lxw_row_t)row, 1, f->s, w->num, dec_to_double(*mine)));
                sb_clear(f);
                sb_add(f, "=");
                sb_ref(f, w->q_calc, wr, col, 0);
                note(w, formula_num(w, ws, (lxw_row_t)row, 2, f->s, w->num, dec_to_double(*theirs)));
                sb_clear(f);
                sb_add(f, "=");
                sb_ref(f, NULL, row, 1, 0);
                sb_add(f, "-");
                sb_ref(f, NULL, row, 2, 0);
                mpq_init(d);
                mpq_sub(d, *mine, *theirs);
                note(w, formula_num(w, ws, (lxw_row_t)row, 3, f->s, w->num, dec_to_double(d)));
                mpq_clear(d);
                w->nformulas += 3;
                row++;
            }
            row++;
        }
    }
    worksheet_set_column(ws, 0, (lxw_col_t)(ncol + 2), 16, NULL);
    worksheet_protect(ws, NULL, NULL);
}

/* }====================================== */

static lxw_format *fmt(wbw *w, int bold, int bg, const char *numfmt, int unlocked)
{
    lxw_format *f = workbook_add_format(w->wb);
    if (bold) format_set_bold(f);
    if (bg) format_set_bg_color(f, (lxw_color_t)bg);
    if (numfmt) format_set_num_format(f, numfmt);
    if (unlocked) format_set_unlocked(f);
    return f;
}

/* {=========== Requirements sheet ============ */

/* Every bid's answer to every requirement, met or not, with the reason
   and the input cell it came from: the proof of qualification. */
static void write_requirements(wbw *w, lxw_worksheet *ws)
{
    const evaluation *ev = w->ev;
    const model *m = w->m;
    int i, k, row = 3;
    char buf[4300];
    text(w, ws, 0, 0, L(w, "Requirements: every bid's answer to every requirement",
                        "Krav: varje anbuds svar på varje krav"), w->title);
    text(w, ws, 1, 0, L(w, "A bid that does not meet a requirement, or leaves it unanswered, is excluded before any score is given.",
                        "Ett anbud som inte uppfyller ett krav, eller lämnar det obesvarat, utesluts innan någon poäng ges."), NULL);
    text(w, ws, row, 0, L(w, "Bid", "Anbud"), w->head);
    text(w, ws, row, 1, L(w, "Bidder", "Anbudsgivare"), w->head);
    text(w, ws, row, 2, L(w, "Requirement", "Krav"), w->head);
    text(w, ws, row, 3, L(w, "Kind", "Slag"), w->head);
    text(w, ws, row, 4, L(w, "Answer", "Svar"), w->head);
    text(w, ws, row, 5, L(w, "Met", "Uppfyllt"), w->head);
    text(w, ws, row, 6, L(w, "Reason", "Motivering"), w->head);
    text(w, ws, row, 7, L(w, "Source", "Källa"), w->head);
    row++;
    for (i = 0; ev->answers && i < ev->nbids; i++) {
        const input_bid *ib = &w->in->bids[ev->bids[i].input];
        for (k = 0; k < m->nreqs; k++) {
            const eval_answer *ea = &ev->answers[i * m->nreqs + k];
            const input_place *at = NULL;
            const char *answer = NULL, *reason = NULL;
            char *p;
            if (ea->from_field) {
                const input_value *v = &ib->fields[m->reqs[k].field];
                answer = w->o->public_variant && m->fields[m->reqs[k].field].confidential
                         ? L(w, "(confidential)", "(sekretess)") : v->text;
                at = &v->at;
            } else if (ea->row >= 0) {
                const input_answer *an = &w->in->answers[ea->row];
                answer = an->met ? L(w, "yes", "ja") : L(w, "no", "nej");
                reason = an->reason;
                at = &an->at;
            }
            text(w, ws, row, 0, ib->id, NULL);
            text(w, ws, row, 1, ib->bidder, w->wrap);
            text(w, ws, row, 2, m->reqs[k].id, NULL);
            text(w, ws, row, 3, m->reqs[k].supplier ? L(w, "supplier (qualification)", "leverantör (kvalificering)")
                                                    : L(w, "bid", "anbud"), NULL);
            text(w, ws, row, 4, answer ? answer : L(w, "no answer", "inget svar"), NULL);
            text(w, ws, row, 5, !ea->answered ? L(w, "Not answered", "Ej besvarat")
                                : ea->met ? L(w, "Met", "Uppfyllt") : L(w, "Not met", "Ej uppfyllt"),
                 ea->answered && ea->met ? NULL : w->bold);
            text(w, ws, row, 6, reason, w->wrap);
            {   /* the wrapped name and reason get the lines they need: a
                   spreadsheet does not grow a row for wrapped text on its own */
                int lines = wrapped_lines(ib->bidder, 28), r2 = wrapped_lines(reason, 50);
                if (r2 > lines) lines = r2;
                if (lines > 1) worksheet_set_row(ws, (lxw_row_t)row, 15.0 * lines, NULL);
            }
            if (at) {   /* the file's name, not where it lies */
                const char *file = at->file ? at->file : "", *slash = strrchr(file, '/');
                snprintf(buf, sizeof buf, "%s:%ld", slash ? slash + 1 : file, at->line);
                for (p = buf; *p; p++) if (*p == '\x1f') *p = ':';   /* a workbook's sheet */
                text(w, ws, row, 7, buf, NULL);
            }
            row++;
        }
    }
    worksheet_set_column(ws, 0, 0, 14, NULL);
    /* a consortium's name and "leverantör (kvalificering)" are wider than a
       column a printed page can give: the name wraps, the kind has room */
    worksheet_set_column(ws, 1, 1, 28, NULL);
    worksheet_set_column(ws, 2, 2, 22, NULL);
    worksheet_set_column(ws, 3, 3, 26, NULL);
    worksheet_set_column(ws, 4, 5, 14, NULL);
    worksheet_set_column(ws, 6, 6, 50, w->wrap);
    worksheet_set_column(ws, 7, 7, 22, NULL);
    worksheet_freeze_panes(ws, 4, 0);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_protect(ws, NULL, NULL);
}

/* }====================================== */

/* The lot's sheets, named with suffix (" 2") when the model has lots. */
static void write_lot(wbw *w, const award_lot *l, const char *suffix)
{
    static const char *const en[] = { "Summary", "Model", "Bids", "Scores", "Calculation", "Sensitivity" };
    static const char *const sv[] = { "Sammanfattning", "Modell", "Anbud", "Bedömningar", "Beräkning", "Känslighet" };
    lxw_worksheet *sheets[6], *reqs = NULL;
    char *quoted[6];
    int i, nc;
    w->lot = l;
    w->ev = &l->ev;
    w->m = l->ev.m;
    w->in = l->ev.in;
    w->nformulas = w->ncustom = w->nlong = 0;
    nc = w->m->ncriteria;
    for (i = 0; i < 6; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s%s", w->sv ? sv[i] : en[i], suffix);
        sheets[i] = workbook_add_worksheet(w->wb, name);
        quoted[i] = lxw_quote_sheetname(name);
        if (!sheets[i] || !quoted[i]) { fputs("anbud: out of memory\n", stderr); exit(2); }
        if (suffix[0]) snprintf(w->scope_name[i], sizeof w->scope_name[i], "%s", quoted[i]);
        if (i == 5) snprintf(w->sens_name, sizeof w->sens_name, "%s", name);
    }
    if (w->m->nreqs) {   /* after the others, so that their order stays as it was */
        char name[64];
        snprintf(name, sizeof name, "%s%s", L(w, "Requirements", "Krav"), suffix);
        reqs = workbook_add_worksheet(w->wb, name);
        if (!reqs) { fputs("anbud: out of memory\n", stderr); exit(2); }
    }
    w->nscope = suffix[0] ? 6 : 0;
    w->sum = sheets[0]; w->mod = sheets[1]; w->bids = sheets[2];
    w->scores = sheets[3]; w->calc = sheets[4]; w->sens = sheets[5];
    w->q_sum = quoted[0]; w->q_model = quoted[1]; w->q_bids = quoted[2];
    w->q_scores = quoted[3]; w->q_calc = quoted[4];
    w->bid_row = calloc((size_t)w->in->nbids + 1, sizeof *w->bid_row);
    w->field_col = calloc((size_t)w->m->nfields + 1, sizeof *w->field_col);
    w->score_row = calloc((size_t)w->in->nscores + 1, sizeof *w->score_row);
    w->calc_row = calloc((size_t)w->ev->nbids + 1, sizeof *w->calc_row);
    w->c_value = calloc((size_t)nc + 1, sizeof(int));
    w->c_score = calloc((size_t)nc + 1, sizeof(int));
    w->c_round = calloc((size_t)nc + 1, sizeof(int));
    w->c_contrib = calloc((size_t)nc + 1, sizeof(int));
    if (!w->bid_row || !w->field_col || !w->score_row || !w->calc_row || !w->c_value || !w->c_score ||
        !w->c_round || !w->c_contrib) { fputs("anbud: out of memory\n", stderr); exit(2); }

    write_model(w);
    write_bids(w);
    write_scores(w);
    write_calc(w);
    write_summary(w);
    write_sensitivity(w);
    if (reqs) write_requirements(w, reqs);

    for (i = 0; i < 6; i++) free(quoted[i]);
    free(w->bid_row); free(w->field_col); free(w->score_row); free(w->calc_row);
    free(w->c_value); free(w->c_score); free(w->c_round); free(w->c_contrib);
}

/* With lots: the award across them, first. */
static void write_award(wbw *w, lxw_worksheet *ws)
{
    const award *a = w->aw;
    const model *m = a->m;
    char line[1200];
    int i, j, row;
    text(w, ws, 0, 0, m->title, w->title);
    if (w->sv) snprintf(line, sizeof line, "%d delområden, tilldelade i ordningen %s%s.", m->nlots,
                        strcmp(m->order_name, "value") == 0 ? "största värde först" :
                        strcmp(m->order_name, "list") == 0 ? "som anges i modellen" : "de skrivs i modellen",
                        m->cap ? "" : ", utan tak per leverantör");
    else snprintf(line, sizeof line, "%d lots, awarded in the order %s%s.", m->nlots,
                  strcmp(m->order_name, "value") == 0 ? "of value, largest first" :
                  strcmp(m->order_name, "list") == 0 ? "the model lists" : "they are declared",
                  m->cap ? "" : ", with no cap per supplier");
    text(w, ws, 1, 0, line, NULL);
    if (m->cap) {
        if (w->sv) snprintf(line, sizeof line, "Högst %d delområde%s per leverantör (LOU 4 kap. 15 §); en leverantör som nått taket förbigås i senare delområden.",
                            m->cap, m->cap == 1 ? "" : "n");
        else snprintf(line, sizeof line, "At most %d lot%s per supplier (LOU 4 kap. 15 §); a supplier at the cap is passed over in later lots.",
                      m->cap, m->cap == 1 ? "" : "s");
        text(w, ws, 2, 0, line, NULL);
    }
    row = 4;
    text(w, ws, row, 0, L(w, "Order", "Ordning"), w->head);
    text(w, ws, row, 1, L(w, "Lot", "Delområde"), w->head);
    text(w, ws, row, 2, L(w, "Title", "Benämning"), w->head);
    text(w, ws, row, 3, L(w, "Value", "Värde"), w->head);
    text(w, ws, row, 4, L(w, "Sheets", "Blad"), w->head);
    text(w, ws, row, 5, L(w, "Awarded to", "Tilldelas"), w->head);
    row++;
    for (i = 0; i < a->nlots; i++) {
        const award_lot *l = &a->lots[a->order[i]];
        const model_lot *ml = &m->lots[l->lot];
        char sheets[64];
        note(w, worksheet_write_number(ws, (lxw_row_t)row, 0, i + 1, NULL));
        text(w, ws, row, 1, l->id, w->bold);
        text(w, ws, row, 2, l->text, w->wrap);
        if (ml->has_value) number(w, ws, row, 3, ml->value, w->money);
        snprintf(sheets, sizeof sheets, "%s %d", L(w, "sheets", "blad"), l->lot + 1);
        text(w, ws, row, 4, sheets, NULL);
        allocation_line(w, l, line, sizeof line);
        text(w, ws, row++, 5, line, w->wrap);
        for (j = 0; j < l->ev.nbids; j++) {
            char why[900];
            if (!l->passed || !l->passed[j]) continue;
            snprintf(why, sizeof why, "%s %s: %s", L(w, "Passed over", "Förbigås"),
                     l->in->bids[l->ev.bids[j].input].id, l->passed[j]);
            text(w, ws, row++, 5, why, w->wrap);
        }
    }
    row++;
    for (i = 0; i < a->nwarnings; i++) text(w, ws, row++, 0, a->warnings[i], NULL);
    row++;
    text(w, ws, row, 0, L(w, "Model SHA-256", "Modellens SHA-256"), w->bold);
    text(w, ws, row++, 1, m->sha256, NULL);
    for (i = 0; i < a->in->nfiles; i++) {
        text(w, ws, row, 0, a->in->files[i].name, NULL);
        text(w, ws, row++, 1, a->in->files[i].sha256, NULL);
    }
    text(w, ws, row, 0, "anbud", w->bold);
    text(w, ws, row++, 1, w->o->version, NULL);
    text(w, ws, row, 0, L(w, "Evaluation date", "Utvärderingsdag"), w->bold);
    text(w, ws, row++, 1, w->o->date, NULL);
    worksheet_set_column(ws, 0, 0, 12, NULL);
    worksheet_set_column(ws, 1, 1, 16, NULL);
    worksheet_set_column(ws, 2, 2, 36, NULL);
    worksheet_set_column(ws, 3, 4, 16, NULL);
    worksheet_set_column(ws, 5, 5, 70, NULL);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_protect(ws, NULL, NULL);
}

anbud_status workbook_write(const award *a, const char *path,
                            const workbook_options *o, anbud_error *err)
{
    wbw w;
    lxw_workbook_options wo = { 0, NULL, 0 };
    lxw_doc_properties props;
    struct tm tm;
    const model *m = a->m;
    lxw_error e;
    int sys;
    int i;

    memset(&w, 0, sizeof w);
    w.aw = a;
    w.m = m;
    w.o = o;
    w.sv = o->lang && strcmp(o->lang, "sv") == 0;
    w.wb = workbook_new_opt(path, &wo);
    if (!w.wb) return error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot create the workbook");

    /* a fixed creation time (the evaluation date) makes the file reproducible */
    memset(&tm, 0, sizeof tm);
    if (calendar_parse(o->date, &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 0) {
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
    } else {
        tm.tm_year = 100; tm.tm_mon = 0; tm.tm_mday = 1;
    }
    tm.tm_hour = 12;
    memset(&props, 0, sizeof props);
    props.title = (char *)(uintptr_t)(xml_ok(&w, m->title) ? m->title : "");
    props.subject = (char *)(uintptr_t)(xml_ok(&w, m->id) ? m->id : "");
    props.author = (char *)(uintptr_t)"anbud";
    props.comments = (char *)(uintptr_t)m->sha256;
    props.created = timegm(&tm);
    workbook_set_properties(w.wb, &props);
    note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_DATE, o->date));
    note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_LANG, w.sv ? "sv" : "en"));
    note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_PUBLIC, o->public_variant ? "yes" : "no"));
    if (o->seed && xml_ok(&w, o->seed))
        note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_SEED, o->seed));
    if (o->award_date) {
        note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_AWARD_DATE, o->award_date));
        note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_NOTICE,
                                                     o->notice_letter ? "letter" : "electronic"));
    }
    if (o->probe) note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_PROBE, "yes"));

    w.title = fmt(&w, 1, 0, NULL, 0);
    format_set_font_size(w.title, 14);
    w.head = fmt(&w, 1, 0xD9E1F2, NULL, 0);
    format_set_text_wrap(w.head);
    w.num = fmt(&w, 0, 0, "#,##0.00########", 0);
    /* money in the model's currency: #,##0.00 "kr", stored in US syntax */
    {
        char mf[64];
        const char *cur = strcmp(m->currency, "SEK") == 0 ? "kr" : m->currency;
        int places = m->basis == BASIS_COMPARISON_PRICE && a->lots[0].ev.total_places == 0 ? 0 : 2;
        snprintf(mf, sizeof mf, "#,##0%s \"%s\"", places ? ".00" : "", cur);
        w.money = fmt(&w, 0, 0, xml_ok(&w, mf) ? mf : "#,##0.00", 0);
    }
    w.input = fmt(&w, 0, 0xFFF2CC, NULL, 1);
    w.check = fmt(&w, 0, 0, NULL, 0);
    format_set_font_color(w.check, 0x548235);
    w.wrap = fmt(&w, 0, 0, NULL, 0);
    format_set_text_wrap(w.wrap);
    w.bold = fmt(&w, 1, 0, NULL, 0);

    if (m->nlots == 0) write_lot(&w, &a->lots[0], "");
    else {
        write_award(&w, workbook_add_worksheet(w.wb, L(&w, "Award", "Tilldelning")));
        for (i = 0; i < a->nlots; i++) {
            char suffix[16];
            snprintf(suffix, sizeof suffix, " %d", i + 1);
            write_lot(&w, &a->lots[i], suffix);
        }
    }

    errno = 0;
    e = workbook_close(w.wb);
    sys = errno;
    if (e == LXW_NO_ERROR) e = w.status;
    free(w.f.s); free(w.t.s);
    if (w.bad[0])
        return error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot write the workbook: %s, "
                         "which XML cannot hold", w.bad);
    if (e != LXW_NO_ERROR)
        return error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot write the workbook: %s", workbook_lxw_message(e, sys));
    return ANBUD_OK;
}

const char *workbook_lxw_message(int lxw, int sys)
{
    static char buf[300];
    switch (lxw) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        return "out of memory";
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
        snprintf(buf, sizeof buf, "cannot use a temporary file in the system's temporary folder (TMPDIR)%s%s",
                 sys ? ": " : "", sys ? strerror(sys) : "");
        return buf;
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        if (sys) return strerror(sys);   /* ENOSPC, EFBIG, EIO: what the user can act on */
        return "the file could not be written (a full disk or a file-size limit?)";
    default:
        return lxw_strerror((lxw_error)lxw);
    }
}
