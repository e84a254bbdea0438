/* SPDX-License-Identifier: MIT */
/*
** template.c: the input form of a model (template.h). The workbook has an
** instructions sheet, the bids sheet, a scores sheet per evaluator, a
** consensus sheet, a requirements sheet and a hidden sheet of drop-down
** lists; every data sheet has in row 1 exactly a header the input reader
** accepts, so that `anbud evaluate FORM.xlsx` reads each sheet as a table.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>
#include "template.h"
#include "decimal.h"
#include "text.h"
#include "workbook.h"

/* libxlsxwriter 1.1.4 loses a copy of the formula of each list validation
   inside worksheet_data_validation_range (no pointer to it remains, so
   LeakSanitizer reports it at exit under `make asan`). The library's
   allocations during that one call are excused; nothing else is. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#define LIBRARY_LEAK_BEGIN() __lsan_disable()
#define LIBRARY_LEAK_END() __lsan_enable()
#else
#define LIBRARY_LEAK_BEGIN() ((void)0)
#define LIBRARY_LEAK_END() ((void)0)
#endif

#define TITLE_MAX 31            /* bytes of a validation title (Excel: 32 characters) */
#define MESSAGE_MAX 250         /* bytes of a validation message (Excel: 255 characters) */
#define NUMBER_LIMIT 1e15       /* bounds of a validated number that has none of its own */

/* {=========== words ============ */

static int is_sv(const template_options *o)
{
    return o->lang && strcmp(o->lang, "sv") == 0;
}

#define W(en, sv) (sv_ ? (sv) : (en))

/* The header words of the scores and requirements tables, as input.c's
   aliases spell them (lower case, like the CSV files of models/). */
static const char *const scores_head[2][5] = {
    { "evaluator", "bid", "criterion", "score", "justification" },
    { "bed\xC3\xB6mare", "anbud", "kriterium", "betyg", "motivering" },
};
static const char *const reqs_head[2][4] = {
    { "bid", "requirement", "met", "reason" },
    { "anbud", "krav", "uppfyllt", "motivering" },
};

/* The evaluator of a consensus score (input.c: "konsensus" or "consensus"). */
static const char *consensus_word(int sv_)
{
    return W("consensus", "konsensus");
}

/* The met answers offered (input.c's met_value accepts them, and more). */
static const char *const met_words[2][2] = { { "yes", "no" }, { "ja", "nej" } };

/* The abnormally-low statuses offered, when the model's field has them. */
static const char *const alp_words[2][3] = {
    { "requested", "accepted", "rejected" },
    { "beg\xC3\xA4rd", "godtagen", "f\xC3\xB6rkastad" },
};

static void addf(char *buf, size_t size, const char *sep, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void addf(char *buf, size_t size, const char *sep, const char *fmt, ...)
{
    char t[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t, sizeof t, fmt, ap);
    va_end(ap);
    text_append(buf, size, sep, t);
}

/* s as a sentence: with a full stop unless it ends in one (or ? ! :). */
static void sentence(char *buf, size_t size, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    if (!n) return;
    text_append(buf, size, " ", s);
    if (!strchr(".?!:", s[n - 1])) text_append(buf, size, NULL, ".");
}

static int utf8_len(const char *s)
{
    int n = 0;
    for (; *s; s++) if (((unsigned char)*s & 0xC0) != 0x80) n++;
    return n;
}

/* The currency as a reader says it: "kr" for SEK. */
static const char *money_unit(const model *m)
{
    return m->currency && strcmp(m->currency, "SEK") == 0 ? "kr" : m->currency ? m->currency : "";
}

/* }================================= */

/* {=========== what the model asks for ============ */

int template_scored(const model *m, int k)
{
    const model_criterion *c = &m->criteria[k];
    /* input.c's find_criterion: the rows a scores file may have */
    return c->kind != CRIT_PRICE && c->kind != CRIT_GROUP && c->field < 0;
}

static int requirement_of(const model *m, int f)
{
    int i;
    for (i = 0; i < m->nreqs; i++)
        if (m->reqs[i].field == f) return i;
    return -1;
}

static int criterion_of(const model *m, int f)
{
    int i;
    for (i = 0; i < m->ncriteria; i++)
        if (m->criteria[i].field == f) return i;
    return -1;
}

int template_bids_columns(const model *m, const char *lang, template_column **cols)
{
    int sv_ = lang && strcmp(lang, "sv") == 0, n = 0, f;
    template_column *c = calloc((size_t)m->nfields + 3, sizeof *c);
    if (!c) return -1;
    c[n].role = TEMPLATE_BID;
    c[n].field = -1;
    c[n++].header = W("bid", "anbud");
    c[n].role = TEMPLATE_BIDDER;
    c[n].field = -1;
    c[n++].header = W("bidder", "anbudsgivare");
    if (m->nlots > 0) {     /* a bid for several lots has a row per lot */
        c[n].role = TEMPLATE_LOT;
        c[n].field = -1;
        c[n++].header = W("lot", "delomr\xC3\xA5" "de");
    }
    for (f = 0; f < m->nfields; f++) {
        if (requirement_of(m, f) >= 0) continue;   /* on the requirements sheet */
        c[n].role = TEMPLATE_FIELD;
        c[n].field = f;
        c[n++].header = m->fields[f].id;
    }
    *cols = c;
    return n;
}

/* 1 if field f is part of the price: a basket line, the price's column, or
   a column the price method names (declared on the price's line). */
static int price_field(const model *m, int f)
{
    const model_field *fd = &m->fields[f];
    int l;
    if (fd->kind != FIELD_NUMBER || !m->price.declared) return 0;
    for (l = 0; l < m->price.nlines; l++)
        if (strcmp(m->price.lines[l].id, fd->id) == 0) return 1;
    if (m->price.id && strcmp(m->price.id, fd->id) == 0) return 1;
    return fd->line == m->price.line && criterion_of(m, f) < 0 && f != m->alp_field;
}

static const model_price_line *price_line(const model *m, int f)
{
    int l;
    for (l = 0; l < m->price.nlines; l++)
        if (strcmp(m->price.lines[l].id, m->fields[f].id) == 0) return &m->price.lines[l];
    return NULL;
}

static int has_consensus(const model *m)
{
    int k;
    for (k = 0; k < m->ncriteria; k++)
        if (template_scored(m, k) && m->criteria[k].panel == PANEL_CONSENSUS) return 1;
    return 0;
}

static int nscored(const model *m, int consensus_only)
{
    int k, n = 0;
    for (k = 0; k < m->ncriteria; k++)
        if (template_scored(m, k) && (!consensus_only || m->criteria[k].panel == PANEL_CONSENSUS)) n++;
    return n;
}

/* }================================= */

/* {=========== drop-down lists ============ */

/* A list on the hidden lists sheet: column col, title in row 1, items from
   row 2. Validations refer to the range (an inline list of UTF-8 text
   overflows a buffer in libxlsxwriter 1.1.4). */
typedef struct tlist {
    char title[128];
    const char *const *items;
    int n;
} tlist;

typedef struct tw {
    const model *m;
    const template_options *o;
    int sv_;
    lxw_workbook *wb;
    lxw_worksheet *lists_ws;
    const char *bids_name, *lists_name;
    lxw_format *title, *head, *bold, *wrap, *fixed, *legend;
    lxw_format *in_text, *in_wrap, *in_num, *in_money;
    tlist *lists;
    int nlists;
    const char **lot_ids;   /* the lots' ids, for their list */
    int lot_list;
    int *field_list;        /* list of each field, or -1 */
    int *scale_list;        /* list of each scale, or -1 */
    int met_list;
    const char **alp;       /* the abnormally-low statuses offered */
    int nalp;
    template_column *cols;
    int ncols;
    int recusable;          /* an evaluator's score cell: jäv may be written instead */
    lxw_error status;
    char bad[200];          /* the first text XML cannot hold, if any */
} tw;

static void note(tw *w, lxw_error e)
{
    if (e != LXW_NO_ERROR && w->status == LXW_NO_ERROR) w->status = e;
}

/* Every string handed to libxlsxwriter passes here (as in book.c): one
   character XML cannot hold breaks the whole form, so it is not written. */
static int xml_ok(tw *w, const char *s)
{
    char msg[sizeof w->bad];
    if (!text_xml_check(s, msg, sizeof msg)) return 1;
    if (!w->bad[0]) snprintf(w->bad, sizeof w->bad, "%s", msg);
    return 0;
}

static int list_add(tw *w, const char *kind, const char *name, const char *const *items, int n)
{
    tlist *l = &w->lists[w->nlists];
    /* never a header word: the reader must not take this sheet for a table */
    snprintf(l->title, sizeof l->title, "%s: %s", kind, name);
    l->items = items;
    l->n = n;
    return w->nlists++;
}

/* The answers field f offers: the statuses in the form's language for the
   abnormally-low column, else every declared answer. */
static void field_answers(tw *w, int f, const char *const **items, int *n)
{
    const model_field *fd = &w->m->fields[f];
    int i, j, sv_ = w->sv_;
    if (f == w->m->alp_field) {
        for (i = 0; i < 3; i++) {
            for (j = 0; j < fd->nanswers; j++)
                if (text_name_eq(fd->answers[j], alp_words[sv_][i])) break;
            if (j == fd->nanswers) break;
        }
        if (i == 3) { *items = alp_words[sv_]; *n = 3; return; }
    }
    *items = (const char *const *)fd->answers;
    *n = fd->nanswers;
}

static void plan_lists(tw *w)
{
    const model *m = w->m;
    int sv_ = w->sv_, c, k;
    for (c = 0; c < w->ncols; c++) {
        int f = w->cols[c].field;
        const char *const *items;
        int n;
        if (w->cols[c].role == TEMPLATE_LOT && w->lot_ids)
            w->lot_list = list_add(w, W("Column", "Kolumn"), w->cols[c].header,
                                   (const char *const *)w->lot_ids, m->nlots);
        if (f < 0 || m->fields[f].kind != FIELD_ANSWER) continue;
        field_answers(w, f, &items, &n);
        if (n > 0) w->field_list[f] = list_add(w, W("Column", "Kolumn"), m->fields[f].id, items, n);
    }
    for (k = 0; k < m->ncriteria; k++) {
        int s = m->criteria[k].scale;
        if (!template_scored(m, k) || s < 0 || w->scale_list[s] >= 0) continue;
        w->scale_list[s] = list_add(w, W("Scale", "Skala"), m->scales[s].id,
                                    (const char *const *)m->scales[s].labels, m->scales[s].nlevels);
    }
    w->met_list = m->nreqs > 0 ? list_add(w, W("Requirement", "Krav"), reqs_head[sv_][2], met_words[sv_], 2) : -1;
}

/* "=Listor!$B$2:$B$5" for list i. */
static void list_ref(const tw *w, int i, char *buf, size_t size)
{
    char a[32], b[32];
    lxw_rowcol_to_cell_abs(a, 1, (lxw_col_t)i, 1, 1);
    lxw_rowcol_to_cell_abs(b, (lxw_row_t)w->lists[i].n, (lxw_col_t)i, 1, 1);
    snprintf(buf, size, "=%s!%s:%s", w->lists_name, a, b);
}

static void write_lists(tw *w)
{
    lxw_worksheet *ws = w->lists_ws;
    int i, j;
    for (i = 0; i < w->nlists; i++) {
        char *cut = NULL;
        const char *title = text_utf8_whole_copy(w->lists[i].title, &cut);
        if (xml_ok(w, title)) note(w, worksheet_write_string(ws, 0, (lxw_col_t)i, title, w->head));
        free(cut);
        for (j = 0; j < w->lists[i].n; j++)
            if (xml_ok(w, w->lists[i].items[j]))
                note(w, worksheet_write_string(ws, (lxw_row_t)j + 1, (lxw_col_t)i, w->lists[i].items[j], NULL));
    }
    if (w->nlists) worksheet_set_column(ws, 0, (lxw_col_t)(w->nlists - 1), 30, NULL);
    worksheet_hide(ws);
}

/* }================================= */

/* {=========== cells and validations ============ */

static void text(tw *w, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
    if (s && *s) {
        char *cut = NULL;
        s = text_utf8_whole_copy(s, &cut);
        if (xml_ok(w, s)) note(w, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, f));
        free(cut);
    } else if (f) note(w, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f));
}

static void protect(lxw_worksheet *ws)
{
    lxw_protection p;
    memset(&p, 0, sizeof p);
    p.format_columns = 1;   /* widen a column to read a long justification */
    p.format_rows = 1;
    worksheet_protect(ws, NULL, &p);
}

/* A validation's title and message, cut to Excel's limits. */
typedef struct vtext {
    char title[TITLE_MAX + 1];
    char msg[MESSAGE_MAX + 1];
} vtext;

static void validate(tw *w, lxw_worksheet *ws, int r1, int c1, int r2, int c2,
                     lxw_data_validation *v, vtext *t)
{
    if (t && t->msg[0]) {
        v->input_title = t->title[0] ? t->title : NULL;
        v->input_message = t->msg;
    }
    if (!xml_ok(w, v->input_title) || !xml_ok(w, v->input_message) || !xml_ok(w, v->value_formula))
        return;
    if (w->recusable) {
        /* an evaluator with a conflict of interest writes jäv, which is not
           on the list: Excel warns and lets it stand */
        int sv_ = w->sv_;
        v->error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        v->error_title = (char *)(uintptr_t)W("Not a score", "Inte ett betyg");
        v->error_message = (char *)(uintptr_t)W("Keep it only if you stand aside for this bid (jäv), with the reason as the justification.",
                                                "Beh\xC3\xA5ll bara om du \xC3\xA4r j\xC3\xA4vig f\xC3\xB6r anbudet, med sk\xC3\xA4let som motivering.");
    }
    LIBRARY_LEAK_BEGIN();
    note(w, worksheet_data_validation_range(ws, (lxw_row_t)r1, (lxw_col_t)c1,
                                            (lxw_row_t)r2, (lxw_col_t)c2, v));
    LIBRARY_LEAK_END();
}

/* A drop-down of list i over the cells. */
static void validate_list(tw *w, lxw_worksheet *ws, int r1, int c1, int r2, int c2, int i, vtext *t)
{
    lxw_data_validation v;
    char ref[128];
    list_ref(w, i, ref, sizeof ref);
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
    v.value_formula = ref;
    validate(w, ws, r1, c1, r2, c2, &v, t);
}

/* A number from lo (or any, when !has_lo) to hi (or any, when !has_hi). */
static void validate_number(tw *w, lxw_worksheet *ws, int r1, int c1, int r2, int c2,
                            int has_lo, double lo, int has_hi, double hi, vtext *t)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_DECIMAL;
    if (has_lo && has_hi) {
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = lo;
        v.maximum_number = hi;
    } else if (has_lo) {
        v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
        v.value_number = lo;
    } else {
        v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        v.minimum_number = -NUMBER_LIMIT;
        v.maximum_number = NUMBER_LIMIT;
    }
    validate(w, ws, r1, c1, r2, c2, &v, t);
}

/* Only an input message. */
static void validate_note(tw *w, lxw_worksheet *ws, int r1, int c1, int r2, int c2, vtext *t)
{
    lxw_data_validation v;
    memset(&v, 0, sizeof v);
    v.validate = LXW_VALIDATION_TYPE_ANY;
    validate(w, ws, r1, c1, r2, c2, &v, t);
}

static void vtitle(vtext *t, const char *s)
{
    t->title[0] = '\0';
    t->msg[0] = '\0';
    text_append(t->title, sizeof t->title, NULL, s);
}

/* }================================= */

/* {=========== descriptions ============ */

/* A number for people: exact ("10950", "0.05") or to four decimals. */
static void num_text(const mpq_t x, char *buf, size_t size)
{
    char *s = dec_is_terminating(x) ? dec_format_exact(x) : dec_format_fixed(x, 4);
    snprintf(buf, size, "%s", s ? s : "?");
    free(s);
}

/* "Lots: Norr, Syd." (every lot, when nlots is 0) or "Only in the lots: Norr."
   Nothing in a model without lots. */
static void lots_text(const tw *w, const int *lots, int nlots, char *buf, size_t size)
{
    const model *m = w->m;
    int sv_ = w->sv_, i, n = nlots ? nlots : m->nlots;
    if (m->nlots == 0) return;
    text_append(buf, size, " ", nlots ? W("Only in the lots:", "Bara i delomr\xC3\xA5" "dena:")
                              : W("Lots:", "Delomr\xC3\xA5" "den:"));
    for (i = 0; i < n; i++) text_append(buf, size, i ? ", " : " ", m->lots[nlots ? lots[i] : i].id);
    text_append(buf, size, NULL, ".");
}

/* What a bids column expects, in a sentence or three. */
static void describe_column(const tw *w, const template_column *c, char *buf, size_t size)
{
    const model *m = w->m;
    int sv_ = w->sv_, k, f = c->field;
    const model_field *fd;
    const model_price_line *pl;
    char n1[64];
    buf[0] = '\0';
    if (c->role == TEMPLATE_BID) {
        text_append(buf, size, NULL, W("The bid's id, such as Bid 1: unique; the evaluators choose it on their sheets.",
                               "Anbudets id, t.ex. Anbud 1: unikt; bed\xC3\xB6marna v\xC3\xA4ljer det p\xC3\xA5 sina blad."));
        return;
    }
    if (c->role == TEMPLATE_BIDDER) {
        text_append(buf, size, NULL, W("The bidder; a consortium: the organisations joined by \" + \".",
                               "Anbudsgivaren; ett konsortium: bolagen med \" + \" emellan."));
        return;
    }
    if (c->role == TEMPLATE_LOT) {
        text_append(buf, size, NULL, W("The lot the row is for: a bid for several lots has a row per lot, "
                               "with the same id.",
                               "Delomr\xC3\xA5" "det raden g\xC3\xA4ller: ett anbud p\xC3\xA5 flera "
                               "delomr\xC3\xA5" "den har en rad per delomr\xC3\xA5" "de, med samma id."));
        lots_text(w, NULL, 0, buf, size);
        return;
    }
    fd = &m->fields[f];
    /* the abnormally-low column's text is the model's own (Swedish): say it here */
    if (fd->text && strcmp(fd->text, fd->id) != 0 && f != m->alp_field) sentence(buf, size, fd->text);
    k = criterion_of(m, f);
    if (f == m->alp_field)
        text_append(buf, size, " ", W("The status of the query about an abnormally low price, if one was sent.",
                              "Status f\xC3\xB6r fr\xC3\xA5gan om onormalt l\xC3\xA5gt pris, om en skickats."));
    if (fd->kind == FIELD_NUMBER) {
        if (price_field(m, f)) {
            addf(buf, size, " ", W("An amount in %s, at least 0.", "Ett belopp i %s, minst 0."), money_unit(m));
            if ((pl = price_line(m, f)) != NULL) {
                num_text(pl->quantity, n1, sizeof n1);
                addf(buf, size, " ", W("Unit price; quantity %s.", "Styckpris; m\xC3\xA4ngd %s."), n1);
            }
        } else if (k >= 0 && m->criteria[k].has_max) {
            num_text(m->criteria[k].max, n1, sizeof n1);
            addf(buf, size, " ", W("Stated by the bidder: a number from 0 to %s.",
                                   "Anges av anbudsgivaren: ett tal fr\xC3\xA5n 0 till %s."), n1);
        } else text_append(buf, size, " ", W("A number.", "Ett tal."));
    } else if (fd->kind == FIELD_ANSWER) {
        if (k >= 0) text_append(buf, size, " ", W("Stated by the bidder.", "Anges av anbudsgivaren."));
        text_append(buf, size, " ", W("Choose from the list.", "V\xC3\xA4lj i listan."));
    } else if (fd->pattern || fd->luhn) {
        if (fd->pattern_text) addf(buf, size, " ", W("Format: %s", "Format: %s"), fd->pattern_text);
        else if (fd->pattern) addf(buf, size, " ", W("Pattern: %s", "M\xC3\xB6nster: %s"), fd->pattern);
        if (fd->luhn) text_append(buf, size, fd->pattern || fd->pattern_text ? ", " : " ",
                          fd->pattern || fd->pattern_text ? W("with a valid check digit", "med giltig kontrollsiffra")
                                                          : W("With a valid check digit", "Med giltig kontrollsiffra"));
        text_append(buf, size, NULL, ".");
        text_append(buf, size, " ", W("A consortium: one per organisation, joined by \" + \".",
                              "Ett konsortium: ett per bolag med \" + \" emellan."));
    }
    text_append(buf, size, " ", fd->required ? W("Required.", "Obligatorisk.") : W("Optional.", "Frivillig."));
    if (fd->nlots > 0) lots_text(w, fd->lots, fd->nlots, buf, size);
    if (fd->confidential) text_append(buf, size, " ", W("Confidential: left out of --public.", "Sekretess: utel\xC3\xA4mnas med --public."));
}

/* How criterion k is scored: "scale Mervärde" or "0 to 60". */
static void describe_scoring(const tw *w, int k, char *buf, size_t size)
{
    const model *m = w->m;
    const model_criterion *c = &m->criteria[k];
    int sv_ = w->sv_;
    char n1[64];
    buf[0] = '\0';
    if (c->scale >= 0) addf(buf, size, NULL, W("scale %s", "skalan %s"), m->scales[c->scale].id);
    else if (c->has_max) {
        num_text(c->max, n1, sizeof n1);
        addf(buf, size, NULL, W("a number from 0 to %s", "ett tal fr\xC3\xA5n 0 till %s"), n1);
    } else text_append(buf, size, NULL, W("a number, at least 0", "ett tal, minst 0"));
}

static const char *panel_words(const tw *w, model_panel p)
{
    int sv_ = w->sv_;
    switch (p) {
    case PANEL_MEDIAN: return W("median of the evaluators' scores", "median av bed\xC3\xB6marnas betyg");
    case PANEL_CONSENSUS: return W("consensus: the panel's agreed score, with a justification",
                                   "konsensus: gruppens gemensamma betyg, med motivering");
    default: return W("mean of the evaluators' scores", "medelv\xC3\xA4rde av bed\xC3\xB6marnas betyg");
    }
}

/* The input message of a score cell for criterion k. */
static void score_message(const tw *w, int k, int consensus, vtext *t)
{
    const model *m = w->m;
    const model_criterion *c = &m->criteria[k];
    int sv_ = w->sv_, i;
    char how[160];
    vtitle(t, c->id);
    if (c->text && strcmp(c->text, c->id) != 0) sentence(t->msg, sizeof t->msg, c->text);
    if (c->scale >= 0) {
        const model_scale *s = &m->scales[c->scale];
        text_append(t->msg, sizeof t->msg, " ", W("Choose a level:", "V\xC3\xA4lj en niv\xC3\xA5:"));
        for (i = 0; i < s->nlevels; i++) text_append(t->msg, sizeof t->msg, i ? ", " : " ", s->labels[i]);
        text_append(t->msg, sizeof t->msg, NULL, ".");
    } else {
        describe_scoring(w, k, how, sizeof how);
        addf(t->msg, sizeof t->msg, " ", W("Score: %s.", "Betyg: %s."), how);
    }
    if (consensus) text_append(t->msg, sizeof t->msg, " ", W("Needs a justification.", "Kr\xC3\xA4ver motivering."));
    else text_append(t->msg, sizeof t->msg, " ", W("Conflict of interest: write jäv and the reason.",
                                                  "J\xC3\xA4vig: skriv j\xC3\xA4v och sk\xC3\xA4let som motivering."));
}

/* }================================= */

/* {=========== sheets ============ */

static void write_instructions(tw *w, lxw_worksheet *ws, int nevaluators)
{
    const model *m = w->m;
    int sv_ = w->sv_, row = 0, k, s, i, used;
    char buf[1024], how[256];
    const char *form = W("Input form", "Anbudsformul\xC3\xA4r");

    snprintf(buf, sizeof buf, "%s: %s", form, m->title);
    text(w, ws, row, 0, buf, w->title);
    row += 2;
    text(w, ws, row, 0, W("Model", "Modell"), w->bold);
    text(w, ws, row++, 1, m->id, NULL);
    text(w, ws, row, 0, W("Title", "Titel"), w->bold);
    text(w, ws, row++, 1, m->title, w->wrap);
    text(w, ws, row, 0, W("SHA-256 of the model", "Modellens SHA-256"), w->bold);
    text(w, ws, row, 1, m->sha256, NULL);
    {
        char ref[64], cell[32];
        char *q = lxw_quote_sheetname(W("Instructions", "Instruktioner"));
        lxw_rowcol_to_cell_abs(cell, (lxw_row_t)row, 1, 1, 1);
        snprintf(ref, sizeof ref, "=%s!%s", q ? q : "", cell);
        note(w, workbook_define_name(w->wb, "ModelSHA256", ref));
        free(q);
    }
    row++;
    snprintf(buf, sizeof buf, "anbud %s template", w->o->version ? w->o->version : "");
    text(w, ws, row, 0, W("Made by", "Skapad av"), w->bold);
    text(w, ws, row++, 1, buf, NULL);
    row++;

    text(w, ws, row++, 0, W("How to fill in this form", "S\xC3\xA5 fyller du i formul\xC3\xA4ret"), w->title);
    text(w, ws, row, 0, W("Yellow cells", "Gula celler"), w->legend);
    text(w, ws, row++, 1, W("are the input: fill them in. Every other cell is locked (the sheets are "
                            "protected without a password). Do not change row 1 of a sheet or the "
                            "sheets' names: they tell anbud what each sheet holds.",
                            "\xC3\xA4r indata: fyll i dem. \xC3\x96vriga celler \xC3\xA4r l\xC3\xA5sta (bladen \xC3\xA4r "
                            "skyddade utan l\xC3\xB6senord). \xC3\x84ndra inte rad 1 eller bladens namn: "
                            "de talar om f\xC3\xB6r anbud vad bladet inneh\xC3\xA5ller."), w->wrap);
    text(w, ws, row, 0, W("Bids", "Anbud"), w->bold);
    snprintf(buf, sizeof buf, W("The procurer: one row per bid (room for %d): the bid's id, the bidder, and the "
                                "columns listed below.",
                                "Upphandlaren: en rad per anbud (plats f\xC3\xB6r %d): anbudets id, anbudsgivaren "
                                "och kolumnerna nedan."), w->o->bids);
    if (m->nlots > 0)
        text_append(buf, sizeof buf, " ", W("A bid for several lots has a row per lot, with the same id. A score "
                                    "counts in every lot of its bid where the criterion is evaluated, unless "
                                    "its lot column names one lot.",
                                    "Ett anbud p\xC3\xA5 flera delomr\xC3\xA5" "den har en rad per "
                                    "delomr\xC3\xA5" "de, med samma id. Ett betyg g\xC3\xA4ller i varje "
                                    "delomr\xC3\xA5" "de av anbudet d\xC3\xA4r kriteriet bed\xC3\xB6ms, "
                                    "om inte dess kolumn delomr\xC3\xA5" "de anger ett."));
    text(w, ws, row++, 1, buf, w->wrap);
    if (nscored(m, 0) > 0) {
        if (nevaluators > 1)
            snprintf(buf, sizeof buf, W("Evaluator 1 to %d", "Bed\xC3\xB6mare 1 till %d"), nevaluators);
        else
            snprintf(buf, sizeof buf, "%s", W("Evaluator 1", "Bed\xC3\xB6mare 1"));
        text(w, ws, row, 0, buf, w->bold);
        text(w, ws, row++, 1, W("Each evaluator fills in their own sheet, a block of rows per bid and a row per "
                                "criterion: the bid (chosen from the Bids sheet), the score (a level from the "
                                "list, or points where the criterion has no scale) and a justification. Write your name over \"Evaluator 1\" in the "
                                "evaluator column, or leave it.",
                                "Varje bed\xC3\xB6mare fyller i sitt eget blad, ett block rader per anbud och en "
                                "rad per kriterium: anbudet (v\xC3\xA4lj fr\xC3\xA5n bladet Anbud), betyget "
                                "(en niv\xC3\xA5 i listan, eller po\xC3\xA4ng d\xC3\xA4r kriteriet saknar skala) "
                                "och en motivering. Skriv ditt namn \xC3\xB6ver "
                                "\"Bed\xC3\xB6mare 1\" i kolumnen bed\xC3\xB6mare, eller l\xC3\xA5t det st\xC3\xA5."),
             w->wrap);
        text(w, ws, row++, 1, W("Score every bid on every criterion you score: a gap is an error. If you have a "
                                "conflict of interest (jäv) for a bid, write jäv as its score and the reason as the "
                                "justification: you leave the panel for that bid only.",
                                "Betygs\xC3\xA4tt varje anbud p\xC3\xA5 varje kriterium du bed\xC3\xB6mer: en lucka "
                                "\xC3\xA4r ett fel. Om du \xC3\xA4r j\xC3\xA4vig f\xC3\xB6r ett anbud, skriv j\xC3\xA4v "
                                "som betyg och sk\xC3\xA4let som motivering: du l\xC3\xA4mnar bed\xC3\xB6margruppen "
                                "f\xC3\xB6r det anbudet."),
             w->wrap);
    }
    if (has_consensus(m)) {
        text(w, ws, row, 0, W("Consensus", "Konsensus"), w->bold);
        snprintf(buf, sizeof buf, W("The panel's agreed score for each criterion decided in consensus, each with a "
                                    "justification (required). The evaluator column says \"%s\": that is how "
                                    "anbud knows a consensus score.",
                                    "Gruppens gemensamma betyg f\xC3\xB6r varje kriterium som avg\xC3\xB6rs i "
                                    "konsensus, vart och ett med motivering (kr\xC3\xA4vs). Kolumnen "
                                    "bed\xC3\xB6mare s\xC3\xA4ger \"%s\": s\xC3\xA5 k\xC3\xA4nner anbud "
                                    "igen ett konsensusbetyg."), consensus_word(sv_));
        text(w, ws, row++, 1, buf, w->wrap);
    }
    if (m->nreqs > 0) {
        text(w, ws, row, 0, W("Requirements", "Krav"), w->bold);
        text(w, ws, row++, 1, W("The procurer: a block per bid, a row per mandatory requirement: the bid, met "
                                "(yes or no) and the reason.",
                                "Upphandlaren: ett block per anbud, en rad per ska-krav: anbudet, uppfyllt "
                                "(ja eller nej) och motiveringen."), w->wrap);
    }
    text(w, ws, row, 0, W("Rows left empty", "Tomma rader"), w->bold);
    text(w, ws, row++, 1, W("A row whose bid, score (or met) and justification (or reason) are empty is not "
                            "read, so unused blocks can stay as they are.",
                            "En rad d\xC3\xA4r anbud, betyg (eller uppfyllt) och motivering \xC3\xA4r tomma "
                            "l\xC3\xA4ses inte, s\xC3\xA5 oanv\xC3\xA4nda block kan st\xC3\xA5 kvar."), w->wrap);
    text(w, ws, row, 0, W("Save", "Spara"), w->bold);
    snprintf(buf, sizeof buf, W("Save the file as .xlsx (Excel workbook) and evaluate it with: anbud evaluate "
                                "MODEL.lua FORM.xlsx --model-sha256 %s",
                                "Spara filen som .xlsx (Excel-arbetsbok) och utv\xC3\xA4rdera den med: anbud "
                                "evaluate MODELL.lua FORMUL\xC3\x84R.xlsx --model-sha256 %s"), m->sha256);
    text(w, ws, row++, 1, buf, w->wrap);
    row++;

    text(w, ws, row++, 0, W("Columns of the Bids sheet", "Kolumner p\xC3\xA5 bladet Anbud"), w->title);
    text(w, ws, row, 0, W("Column", "Kolumn"), w->head);
    text(w, ws, row++, 1, W("What it holds", "Vad den inneh\xC3\xA5ller"), w->head);
    for (i = 0; i < w->ncols; i++) {
        describe_column(w, &w->cols[i], buf, sizeof buf);
        text(w, ws, row, 0, w->cols[i].header, NULL);
        text(w, ws, row++, 1, buf, w->wrap);
    }
    row++;

    if (nscored(m, 0) > 0) {
        text(w, ws, row++, 0, W("Criteria the panel scores", "Kriterier som bed\xC3\xB6ms"), w->title);
        text(w, ws, row, 0, W("Criterion", "Kriterium"), w->head);
        text(w, ws, row, 1, W("Description", "Beskrivning"), w->head);
        text(w, ws, row, 2, W("Scored with", "Bed\xC3\xB6ms med"), w->head);
        text(w, ws, row++, 3, W("The panel's score", "Gruppens betyg"), w->head);
        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            if (!template_scored(m, k)) continue;
            text(w, ws, row, 0, c->id, NULL);
            buf[0] = '\0';
            if (c->text && strcmp(c->text, c->id) != 0) text_append(buf, sizeof buf, NULL, c->text);
            if (c->nlots > 0) lots_text(w, c->lots, c->nlots, buf, sizeof buf);
            text(w, ws, row, 1, buf, w->wrap);
            describe_scoring(w, k, how, sizeof how);
            text(w, ws, row, 2, how, w->wrap);
            text(w, ws, row++, 3, panel_words(w, c->panel), w->wrap);
        }
        row++;
    }

    used = 0;
    for (s = 0; s < m->nscales; s++) {
        int on = 0;
        for (k = 0; k < m->ncriteria; k++)
            if (m->criteria[k].scale == s && (template_scored(m, k) || m->criteria[k].declared)) on = 1;
        if (!on) continue;
        if (!used++) text(w, ws, row++, 0, W("Scales", "Skalor"), w->title);
        text(w, ws, row, 0, m->scales[s].id, w->head);
        text(w, ws, row, 1, W("Descriptor", "Beskrivning"), w->head);
        text(w, ws, row++, 2, W("Value", "V\xC3\xA4rde"), w->head);
        for (i = 0; i < m->scales[s].nlevels; i++) {
            char v[64];
            num_text(m->scales[s].values[i], v, sizeof v);
            text(w, ws, row, 0, m->scales[s].labels[i], NULL);
            text(w, ws, row, 1, m->scales[s].texts && m->scales[s].texts[i] ? m->scales[s].texts[i] : "", w->wrap);
            text(w, ws, row++, 2, v, NULL);
        }
        row++;
    }

    if (m->nreqs > 0) {
        text(w, ws, row++, 0, W("Mandatory requirements", "Ska-krav"), w->title);
        text(w, ws, row, 0, W("Requirement", "Krav"), w->head);
        text(w, ws, row++, 1, W("What the bid must meet", "Vad anbudet ska uppfylla"), w->head);
        for (i = 0; i < m->nreqs; i++) {
            const model_requirement *q = &m->reqs[i];
            text(w, ws, row, 0, q->id, NULL);
            snprintf(buf, sizeof buf, "%s%s", q->text ? q->text : "",
                     q->supplier ? W(" (the supplier's qualification)", " (leverant\xC3\xB6rens kvalificering)") : "");
            if (q->nlots > 0) lots_text(w, q->lots, q->nlots, buf, sizeof buf);
            text(w, ws, row++, 1, buf, w->wrap);
        }
    }
    worksheet_set_column(ws, 0, 0, 30, NULL);
    worksheet_set_column(ws, 1, 1, 80, NULL);
    worksheet_set_column(ws, 2, 3, 30, NULL);
    protect(ws);
}

static void write_bids(tw *w, lxw_worksheet *ws)
{
    const model *m = w->m;
    int sv_ = w->sv_, c, n = w->o->bids;
    char buf[1024];
    for (c = 0; c < w->ncols; c++) {
        const template_column *col = &w->cols[c];
        const model_field *fd = col->field >= 0 ? &m->fields[col->field] : NULL;
        lxw_format *f = w->in_text;
        vtext t;
        int r, width;
        text(w, ws, 0, c, col->header, w->head);
        if (fd && fd->kind == FIELD_NUMBER) f = price_field(m, col->field) ? w->in_money : w->in_num;
        for (r = 1; r <= n; r++) text(w, ws, r, c, NULL, f);
        width = utf8_len(col->header) + 4;
        if (col->role == TEMPLATE_BIDDER) width = 36;
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width < 14 ? 14 : width > 40 ? 40 : width, NULL);
        if (n < 1) continue;
        vtitle(&t, col->header);
        describe_column(w, col, buf, sizeof buf);
        text_append(t.msg, sizeof t.msg, NULL, buf);
        if (col->role == TEMPLATE_LOT && w->lot_list >= 0)
            validate_list(w, ws, 1, c, n, c, w->lot_list, &t);
        else if (fd && fd->kind == FIELD_ANSWER && w->field_list[col->field] >= 0)
            validate_list(w, ws, 1, c, n, c, w->field_list[col->field], &t);
        else if (fd && fd->kind == FIELD_NUMBER) {
            int k = criterion_of(m, col->field);
            if (price_field(m, col->field)) validate_number(w, ws, 1, c, n, c, 1, 0, 0, 0, &t);
            else if (k >= 0 && m->criteria[k].has_max)
                validate_number(w, ws, 1, c, n, c, 1, 0, 1, dec_to_double(m->criteria[k].max), &t);
            else validate_number(w, ws, 1, c, n, c, 0, 0, 0, 0, &t);
        } else validate_note(w, ws, 1, c, n, c, &t);
    }
    (void)sv_;
    worksheet_freeze_panes(ws, 1, 0);
    protect(ws);
}

/* A scores sheet: for each bid slot a block of rows, one per criterion the
   sheet takes. Unfilled rows keep their evaluator and criterion; the input
   reader skips a scores row whose bid, score and justification are empty,
   which is what lets the blocks of unused slots stay in the file. In a
   model with lots the lot column may stay empty: the score then counts in
   every lot of the bid. */
static void write_scores(tw *w, lxw_worksheet *ws, const char *evaluator, int consensus)
{
    const model *m = w->m;
    int sv_ = w->sv_, j, k, c, row = 1, nrows = 0;
    char ref[128], a[32], b[32];
    char *qbids = lxw_quote_sheetname(w->bids_name);
    vtext t;
    for (c = 0; c < 5; c++) text(w, ws, 0, c, scores_head[sv_][c], w->head);
    if (m->nlots > 0) text(w, ws, 0, 5, W("lot", "delomr\xC3\xA5" "de"), w->head);
    for (j = 0; j < w->o->bids; j++)
        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *cr = &m->criteria[k];
            if (!template_scored(m, k) || (consensus && cr->panel != PANEL_CONSENSUS)) continue;
            text(w, ws, row, 0, evaluator, consensus ? w->fixed : w->in_text);
            text(w, ws, row, 1, NULL, w->in_text);
            text(w, ws, row, 2, cr->id, w->fixed);
            score_message(w, k, consensus, &t);
            w->recusable = !consensus;
            if (cr->scale >= 0) {
                text(w, ws, row, 3, NULL, w->in_text);
                validate_list(w, ws, row, 3, row, 3, w->scale_list[cr->scale], &t);
            } else {
                text(w, ws, row, 3, NULL, w->in_num);
                validate_number(w, ws, row, 3, row, 3, 1, 0, cr->has_max, cr->has_max ? dec_to_double(cr->max) : 0, &t);
            }
            w->recusable = 0;
            text(w, ws, row, 4, NULL, w->in_wrap);
            if (m->nlots > 0) text(w, ws, row, 5, NULL, w->in_text);
            row++;
            nrows++;
        }
    if (nrows > 0) {
        lxw_data_validation v;
        vtitle(&t, scores_head[sv_][0]);
        text_append(t.msg, sizeof t.msg, NULL, consensus
            ? W("A consensus score: leave \"consensus\" as it is.", "Ett konsensusbetyg: l\xC3\xA5t \"konsensus\" st\xC3\xA5.")
            : W("Your name, or leave the sheet's label.", "Ditt namn, eller l\xC3\xA5t bladets namn st\xC3\xA5."));
        validate_note(w, ws, 1, 0, nrows, 0, &t);
        /* the bid: one of the ids on the bids sheet */
        lxw_rowcol_to_cell_abs(a, 1, 0, 1, 1);
        lxw_rowcol_to_cell_abs(b, (lxw_row_t)(w->o->bids > 0 ? w->o->bids : 1), 0, 1, 1);
        snprintf(ref, sizeof ref, "=%s!%s:%s", qbids ? qbids : "", a, b);
        memset(&v, 0, sizeof v);
        v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        v.value_formula = ref;
        v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        v.error_title = (char *)(uintptr_t)W("Unknown bid", "Ok\xC3\xA4nt anbud");
        v.error_message = (char *)(uintptr_t)W("The bid is not on the Bids sheet.", "Anbudet finns inte p\xC3\xA5 bladet Anbud.");
        vtitle(&t, scores_head[sv_][1]);
        text_append(t.msg, sizeof t.msg, NULL, W("The bid, as on the Bids sheet: choose from the list.",
                                         "Anbudet, som p\xC3\xA5 bladet Anbud: v\xC3\xA4lj i listan."));
        validate(w, ws, 1, 1, nrows, 1, &v, &t);
        vtitle(&t, scores_head[sv_][4]);
        text_append(t.msg, sizeof t.msg, NULL, consensus
            ? W("Required: why the panel agreed on this score.", "Kr\xC3\xA4vs: varf\xC3\xB6r gruppen enades om betyget.")
            : W("Why this score.", "Varf\xC3\xB6r detta betyg."));
        validate_note(w, ws, 1, 4, nrows, 4, &t);
        if (m->nlots > 0 && w->lot_list >= 0) {
            vtitle(&t, W("lot", "delomr\xC3\xA5" "de"));
            text_append(t.msg, sizeof t.msg, NULL, W("Leave empty: the score counts in every lot of the bid. A lot: "
                                                    "for the bid's tender in that lot only.",
                                                    "L\xC3\xA4mna tomt: betyget g\xC3\xA4ller i alla anbudets "
                                                    "delomr\xC3\xA5" "den. Ett delomr\xC3\xA5" "de: bara f\xC3\xB6r "
                                                    "anbudet i det."));
            validate_list(w, ws, 1, 5, nrows, 5, w->lot_list, &t);
        }
    }
    free(qbids);
    if (m->nlots > 0) worksheet_set_column(ws, 5, 5, 16, NULL);
    worksheet_set_column(ws, 0, 0, 22, NULL);
    worksheet_set_column(ws, 1, 1, 16, NULL);
    worksheet_set_column(ws, 2, 2, 28, NULL);
    worksheet_set_column(ws, 3, 3, 22, NULL);
    worksheet_set_column(ws, 4, 4, 60, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    protect(ws);
}

/* The requirements sheet: a block per bid slot, a row per requirement.
   Like the scores rows, an unfilled row (bid, met and reason empty) is
   skipped by the input reader. */
static void write_requirements(tw *w, lxw_worksheet *ws)
{
    const model *m = w->m;
    int sv_ = w->sv_, j, i, c, row = 1;
    char ref[128], a[32], b[32];
    char *qbids = lxw_quote_sheetname(w->bids_name);
    vtext t;
    for (c = 0; c < 4; c++) text(w, ws, 0, c, reqs_head[sv_][c], w->head);
    for (j = 0; j < w->o->bids; j++)
        for (i = 0; i < m->nreqs; i++) {
            text(w, ws, row, 0, NULL, w->in_text);
            text(w, ws, row, 1, m->reqs[i].id, w->fixed);
            text(w, ws, row, 2, NULL, w->in_text);
            vtitle(&t, m->reqs[i].id);
            sentence(t.msg, sizeof t.msg, m->reqs[i].text);
            text_append(t.msg, sizeof t.msg, " ", W("Met: yes or no.", "Uppfyllt: ja eller nej."));
            validate_list(w, ws, row, 2, row, 2, w->met_list, &t);
            text(w, ws, row, 3, NULL, w->in_wrap);
            row++;
        }
    if (row > 1) {
        lxw_data_validation v;
        lxw_rowcol_to_cell_abs(a, 1, 0, 1, 1);
        lxw_rowcol_to_cell_abs(b, (lxw_row_t)w->o->bids, 0, 1, 1);
        snprintf(ref, sizeof ref, "=%s!%s:%s", qbids ? qbids : "", a, b);
        memset(&v, 0, sizeof v);
        v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        v.value_formula = ref;
        v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
        v.error_title = (char *)(uintptr_t)W("Unknown bid", "Ok\xC3\xA4nt anbud");
        v.error_message = (char *)(uintptr_t)W("The bid is not on the Bids sheet.", "Anbudet finns inte p\xC3\xA5 bladet Anbud.");
        vtitle(&t, reqs_head[sv_][0]);
        text_append(t.msg, sizeof t.msg, NULL, W("The bid, as on the Bids sheet: choose from the list.",
                                         "Anbudet, som p\xC3\xA5 bladet Anbud: v\xC3\xA4lj i listan."));
        validate(w, ws, 1, 0, row - 1, 0, &v, &t);
        vtitle(&t, reqs_head[sv_][3]);
        text_append(t.msg, sizeof t.msg, NULL, W("How it was checked, or why it is not met.",
                                         "Hur det kontrollerades, eller varf\xC3\xB6r det inte \xC3\xA4r uppfyllt."));
        validate_note(w, ws, 1, 3, row - 1, 3, &t);
    }
    free(qbids);
    worksheet_set_column(ws, 0, 0, 16, NULL);
    worksheet_set_column(ws, 1, 1, 28, NULL);
    worksheet_set_column(ws, 2, 2, 12, NULL);
    worksheet_set_column(ws, 3, 3, 60, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    protect(ws);
}

/* }================================= */

static lxw_format *fmt(tw *w, int bold, int bg, const char *numfmt, int unlocked, int wrap)
{
    lxw_format *f = workbook_add_format(w->wb);
    if (bold) format_set_bold(f);
    if (bg) format_set_bg_color(f, (lxw_color_t)bg);
    if (numfmt) format_set_num_format(f, numfmt);
    if (unlocked) format_set_unlocked(f);
    if (wrap) {
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
    }
    return f;
}

anbud_status template_write_xlsx(const model *m, const char *path,
                                 const template_options *o, anbud_error *err)
{
    tw w;
    lxw_workbook_options wo = { 0, NULL, 0 };
    lxw_doc_properties props;
    lxw_worksheet *ins, *bids, *reqs = NULL;
    lxw_worksheet **scores = NULL, *cons = NULL;
    int sv_, e, nev = o->evaluators;
    char name[64];
    lxw_error st;
    int sys;

    memset(&w, 0, sizeof w);
    w.m = m;
    w.o = o;
    w.sv_ = sv_ = is_sv(o);
    w.met_list = -1;
    w.lot_list = -1;
    w.ncols = template_bids_columns(m, o->lang, &w.cols);
    w.lists = calloc((size_t)m->nfields + (size_t)m->nscales + 3, sizeof *w.lists);
    w.lot_ids = calloc((size_t)m->nlots + 1, sizeof *w.lot_ids);
    for (e = 0; w.lot_ids && e < m->nlots; e++) w.lot_ids[e] = m->lots[e].id;
    w.field_list = malloc(((size_t)m->nfields + 1) * sizeof *w.field_list);
    w.scale_list = malloc(((size_t)m->nscales + 1) * sizeof *w.scale_list);
    scores = calloc((size_t)(nev > 0 ? nev : 1), sizeof *scores);
    if (w.ncols < 0 || !w.lists || !w.field_list || !w.scale_list || !scores || !w.lot_ids) {
        free(w.cols); free(w.lists); free(w.field_list); free(w.scale_list); free(scores); free(w.lot_ids);
        return error_set(err, ANBUD_EUSAGE, path, 0, 0, "out of memory");
    }
    memset(w.field_list, 0xFF, ((size_t)m->nfields + 1) * sizeof *w.field_list);
    memset(w.scale_list, 0xFF, ((size_t)m->nscales + 1) * sizeof *w.scale_list);
    w.bids_name = W("Bids", "Anbud");
    w.lists_name = W("Lists", "Listor");

    w.wb = workbook_new_opt(path, &wo);
    if (!w.wb) {
        free(w.cols); free(w.lists); free(w.field_list); free(w.scale_list); free(scores); free(w.lot_ids);
        return error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot create the workbook");
    }
    memset(&props, 0, sizeof props);
    props.title = (char *)(uintptr_t)(xml_ok(&w, m->title) ? m->title : "");
    props.subject = (char *)(uintptr_t)(xml_ok(&w, m->id) ? m->id : "");
    props.author = (char *)(uintptr_t)"anbud";
    props.comments = (char *)(uintptr_t)m->sha256;
    props.created = o->created;   /* fixed: the same model gives the same bytes */
    workbook_set_properties(w.wb, &props);

    w.title = fmt(&w, 1, 0, NULL, 0, 0);
    format_set_font_size(w.title, 14);
    w.head = fmt(&w, 1, 0xD9E1F2, NULL, 0, 0);
    w.bold = fmt(&w, 1, 0, NULL, 0, 0);
    format_set_align(w.bold, LXW_ALIGN_VERTICAL_TOP);
    w.wrap = fmt(&w, 0, 0, NULL, 0, 1);
    w.fixed = fmt(&w, 0, 0xF2F2F2, "@", 0, 0);
    w.legend = fmt(&w, 1, 0xFFF2CC, NULL, 0, 0);
    format_set_align(w.legend, LXW_ALIGN_VERTICAL_TOP);
    /* the project's input cells: yellow, unlocked; text stays text */
    w.in_text = fmt(&w, 0, 0xFFF2CC, "@", 1, 0);
    w.in_wrap = fmt(&w, 0, 0xFFF2CC, "@", 1, 1);
    w.in_num = fmt(&w, 0, 0xFFF2CC, NULL, 1, 0);
    w.in_money = fmt(&w, 0, 0xFFF2CC, "#,##0.00", 1, 0);

    ins = workbook_add_worksheet(w.wb, W("Instructions", "Instruktioner"));
    bids = workbook_add_worksheet(w.wb, w.bids_name);
    if (nscored(m, 0) > 0) {
        for (e = 0; e < nev; e++) {
            snprintf(name, sizeof name, W("Evaluator %d", "Bed\xC3\xB6mare %d"), e + 1);
            scores[e] = workbook_add_worksheet(w.wb, name);
        }
        if (has_consensus(m)) cons = workbook_add_worksheet(w.wb, W("Consensus", "Konsensus"));
    } else nev = 0;
    if (m->nreqs > 0) reqs = workbook_add_worksheet(w.wb, W("Requirements", "Krav"));
    plan_lists(&w);
    if (w.nlists > 0) w.lists_ws = workbook_add_worksheet(w.wb, w.lists_name);

    write_instructions(&w, ins, nev);
    write_bids(&w, bids);
    for (e = 0; e < nev; e++) {
        snprintf(name, sizeof name, W("Evaluator %d", "Bed\xC3\xB6mare %d"), e + 1);
        write_scores(&w, scores[e], name, 0);
    }
    if (cons) write_scores(&w, cons, consensus_word(sv_), 1);
    if (reqs) write_requirements(&w, reqs);
    if (w.lists_ws) {
        write_lists(&w);
        protect(w.lists_ws);
    }
    worksheet_activate(ins);

    errno = 0;
    st = workbook_close(w.wb);
    sys = errno;
    if (st == LXW_NO_ERROR) st = w.status;
    free(w.cols); free(w.lists); free(w.field_list); free(w.scale_list); free(scores); free(w.lot_ids);
    if (w.bad[0])
        return error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot write the workbook: %s, "
                         "which XML cannot hold", w.bad);
    if (st != LXW_NO_ERROR)
        return error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot write the workbook: %s", workbook_lxw_message(st, sys));
    return ANBUD_OK;
}

/* {=========== CSV ============ */

const char *template_csv_name(const model *m, template_csv t)
{
    switch (t) {
    case TEMPLATE_CSV_BIDS: return "bids.csv";
    case TEMPLATE_CSV_SCORES: return !m || nscored(m, 0) > 0 ? "scores.csv" : NULL;
    case TEMPLATE_CSV_REQUIREMENTS: return !m || m->nreqs > 0 ? "requirements.csv" : NULL;
    default: return NULL;
    }
}

/* A cell: quoted when it holds the separator, a quote or a line break. */
static void csv_cell(FILE *f, const char *s, int first)
{
    if (!first) fputc(';', f);
    if (!s) return;
    if (strpbrk(s, ";\"\r\n")) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"') fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else fputs(s, f);
}

static void csv_scores(FILE *f, const model *m, const template_options *o, const char *evaluator,
                       int consensus)
{
    int j, k;
    for (j = 0; j < o->bids; j++)
        for (k = 0; k < m->ncriteria; k++) {
            if (!template_scored(m, k) || (consensus && m->criteria[k].panel != PANEL_CONSENSUS)) continue;
            csv_cell(f, evaluator, 1);
            csv_cell(f, NULL, 0);
            csv_cell(f, m->criteria[k].id, 0);
            csv_cell(f, NULL, 0);
            csv_cell(f, NULL, 0);
            if (m->nlots > 0) csv_cell(f, NULL, 0);
            fputs("\r\n", f);
        }
}

anbud_status template_write_csv(FILE *f, const model *m, template_csv t,
                                const template_options *o, anbud_error *err)
{
    int sv_ = is_sv(o), i, j, e;
    char name[64];
    fputs("\xEF\xBB\xBF", f);    /* UTF-8, as Excel needs to be told */
    if (t == TEMPLATE_CSV_BIDS) {
        template_column *cols;
        int n = template_bids_columns(m, o->lang, &cols);
        if (n < 0) return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "out of memory");
        for (i = 0; i < n; i++) csv_cell(f, cols[i].header, i == 0);
        fputs("\r\n", f);
        free(cols);
    } else if (t == TEMPLATE_CSV_SCORES) {
        for (i = 0; i < 5; i++) csv_cell(f, scores_head[sv_][i], i == 0);
        if (m->nlots > 0) csv_cell(f, W("lot", "delomr\xC3\xA5" "de"), 0);
        fputs("\r\n", f);
        for (e = 0; e < o->evaluators; e++) {
            snprintf(name, sizeof name, W("Evaluator %d", "Bed\xC3\xB6mare %d"), e + 1);
            csv_scores(f, m, o, name, 0);
        }
        if (has_consensus(m)) csv_scores(f, m, o, consensus_word(sv_), 1);
    } else {
        for (i = 0; i < 4; i++) csv_cell(f, reqs_head[sv_][i], i == 0);
        fputs("\r\n", f);
        for (j = 0; j < o->bids; j++)
            for (i = 0; i < m->nreqs; i++) {
                csv_cell(f, NULL, 1);
                csv_cell(f, m->reqs[i].id, 0);
                csv_cell(f, NULL, 0);
                csv_cell(f, NULL, 0);
                fputs("\r\n", f);
            }
    }
    if (ferror(f)) return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "cannot write");
    return ANBUD_OK;
}

/* }================================= */
