/* SPDX-License-Identifier: MIT */
/*
** input.c: bids, evaluator scores and requirement answers read from CSV
** files and bound to the model (input.h). A file's kind comes from its
** header; bids files are read first, so the others can name their bids.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "csvread.h"
#include "decimal.h"
#include "xlsxread.h"
#include "input.h"
#include "calendar.h"
#include "text.h"
#include "regex.h"
#include "words.h"
#include "xalloc.h"

#define QUOTE_MAX 60        /* bytes of a cell quoted in a message */
#define LIST_MAX  300       /* bytes of a list of names in a message */

/* {=========== names ============ */

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* s without outer spaces and tabs, in buf (which it may point into). */
static const char *trim(const char *s, size_t *len)
{
    size_t n = strlen(s);
    while (n && is_blank(*s)) { s++; n--; }
    while (n && is_blank(s[n - 1])) n--;
    *len = n;
    return s;
}

static char *trim_dup(const char *s)
{
    size_t n;
    char *out;
    s = trim(s, &n);
    out = malloc(n + 1);
    if (!out) return NULL;
    memcpy(out, s, n);
    out[n] = '\0';
    return out;
}

/* s quoted for a message: at most QUOTE_MAX bytes, cut at a character. */
static const char *q(char *buf, size_t size, const char *s)
{
    size_t n = strlen(s), cut = n;
    if (n > QUOTE_MAX) {
        cut = QUOTE_MAX;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
    }
    snprintf(buf, size, "\"%.*s%s\"", (int)cut, s, cut < n ? "..." : "");
    return buf;
}
#define QBUF (QUOTE_MAX + 8)

/* A place for a message, as error_format prints one: "bids.csv:2" for a
   line of a CSV file, "form.xlsx:Anbud!C4" for a cell of a sheet. */
static const char *where(char *buf, size_t size, const input_place *p)
{
    const char *f = p->file ? p->file : "", *sep = strchr(f, '\x1f');
    char cl[8], rev[8];
    long col = p->col;
    int n = 0, i;
    if (!sep) {
        snprintf(buf, size, "%s:%ld", f, p->line);
        return buf;
    }
    while (col > 0 && n < 7) {
        rev[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (i = 0; i < n; i++) cl[i] = rev[n - 1 - i];
    cl[n] = '\0';
    snprintf(buf, size, "%.*s:%s!%s%ld", (int)(sep - f), f, sep + 1, cl, p->line);
    return buf;
}
#define WBUF 600

/* Whether places a and b are in the same input file (a workbook's sheets
   are one file). */
static int same_file(const char *a, const char *b)
{
    size_t na = strcspn(a, "\x1f"), nb = strcspn(b, "\x1f");
    return na == nb && memcmp(a, b, na) == 0;
}

/* "A", "B", "C" (and 12 more) into buf: name quoted unless quoted. */
static void list_add_as(char *buf, size_t size, int *shown, int i, int n,
                        const char *name, int quoted)
{
    size_t len = strlen(buf);
    char qb[QBUF];
    if (*shown < 0) return;
    if (len + strlen(name) + 8 > LIST_MAX || len + 32 > size) {
        snprintf(buf + len, size - len, " (and %d more)", n - i);
        *shown = -1;
        return;
    }
    snprintf(buf + len, size - len, "%s%s", *shown ? ", " : "",
             quoted ? name : q(qb, sizeof qb, name));
    (*shown)++;
}

static void list_add(char *buf, size_t size, int *shown, int i, int n,
                     const char *name)
{
    list_add_as(buf, size, shown, i, n, name, 0);
}
/* }================================= */

/* {=========== a string map ============ */
typedef struct strmap {
    char **keys;
    int *vals;
    size_t cap, n;
} strmap;

static size_t hash_str(const char *s)
{
    size_t h = 14695981039346656037u;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static int strmap_get(const strmap *m, const char *k)
{
    size_t i;
    if (!m->cap) return -1;
    for (i = hash_str(k) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1))
        if (strcmp(m->keys[i], k) == 0) return m->vals[i];
    return -1;
}

/* Add k (taken over: freed on failure) with value v. 0, or -1 no memory. */
static int strmap_put(strmap *m, char *k, int v)
{
    size_t i;
    if (!k) return -1;
    if (2 * (m->n + 1) > m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 64, j;
        char **keys = calloc(cap, sizeof *keys);
        int *vals = calloc(cap, sizeof *vals);
        if (!keys || !vals) {
            free(keys);
            free(vals);
            free(k);
            return -1;
        }
        for (j = 0; j < m->cap; j++)
            if (m->keys[j]) {
                for (i = hash_str(m->keys[j]) & (cap - 1); keys[i];
                     i = (i + 1) & (cap - 1)) {}
                keys[i] = m->keys[j];
                vals[i] = m->vals[j];
            }
        free(m->keys);
        free(m->vals);
        m->keys = keys;
        m->vals = vals;
        m->cap = cap;
    }
    for (i = hash_str(k) & (m->cap - 1); m->keys[i]; i = (i + 1) & (m->cap - 1)) {}
    m->keys[i] = k;
    m->vals[i] = v;
    m->n++;
    return 0;
}

static void strmap_free(strmap *m)
{
    size_t i;
    for (i = 0; i < m->cap; i++) free(m->keys[i]);
    free(m->keys);
    free(m->vals);
    memset(m, 0, sizeof *m);
}
/* }================================= */

/* {=========== file kinds ============ */
enum role {
    R_NONE = 0, R_BID, R_BIDDER, R_EVALUATOR, R_CRITERION, R_SCORE,
    R_JUSTIFICATION, R_REQUIREMENT, R_MET, R_REASON, R_LOT, R_COUNT
};

static const struct { enum role role; const char *name; } aliases[] = {
    { R_BID, "bid" }, { R_BID, "anbud" }, { R_BID, "bid id" },
    { R_BID, "bid-id" }, { R_BID, "bid_id" }, { R_BID, "anbud-id" },
    { R_BID, "anbudsnummer" },
    { R_BIDDER, "bidder" }, { R_BIDDER, "anbudsgivare" },
    { R_BIDDER, "leverant\xC3\xB6r" }, { R_BIDDER, "supplier" },
    { R_BIDDER, "tenderer" },
    { R_EVALUATOR, "evaluator" }, { R_EVALUATOR, "bed\xC3\xB6mare" },
    { R_EVALUATOR, "utv\xC3\xA4rderare" },
    { R_CRITERION, "criterion" }, { R_CRITERION, "kriterium" },
    { R_SCORE, "score" }, { R_SCORE, "betyg" }, { R_SCORE, "po\xC3\xA4ng" },
    { R_SCORE, "points" },
    { R_JUSTIFICATION, "justification" }, { R_JUSTIFICATION, "motivering" },
    { R_REQUIREMENT, "requirement" }, { R_REQUIREMENT, "krav" },
    { R_REQUIREMENT, "ska-krav" },
    { R_MET, "met" }, { R_MET, "uppfyllt" }, { R_MET, "uppfylld" },
    { R_REASON, "reason" }, { R_REASON, "motivering" },
    { R_REASON, "sk\xC3\xA4l" },
    { R_LOT, "lot" }, { R_LOT, "delomr\xC3\xA5" "de" }, { R_LOT, "delkontrakt" },
};

static const char *const role_name[R_COUNT] = {
    "", "bid (anbud)", "bidder (anbudsgivare)", "evaluator (bed\xC3\xB6mare)",
    "criterion (kriterium)", "score (betyg)", "justification (motivering)",
    "requirement (krav)", "met (uppfyllt)", "reason (motivering)",
    "lot (delomr\xC3\xA5" "de)"
};

enum kind { K_UNKNOWN = 0, K_BIDS, K_SCORES, K_REQS };

static const char *const kind_name[] = { "", "bids", "scores", "requirements" };

static const char *const kind_header[] = {
    "",
    "bid;bidder;<the model's columns> or anbud;anbudsgivare;...",
    ("evaluator;bid;criterion;score;justification or "
     "bed\xC3\xB6mare;anbud;kriterium;betyg;motivering"),
    "bid;requirement;met;reason or anbud;krav;uppfyllt;motivering"
};

/* Roles a kind of file has: required ones first, then optional. */
static const enum role kind_roles[][7] = {
    { R_NONE },
    { R_BID, R_BIDDER, R_LOT, R_NONE },
    { R_EVALUATOR, R_BID, R_CRITERION, R_SCORE, R_JUSTIFICATION, R_LOT, R_NONE },
    { R_BID, R_REQUIREMENT, R_MET, R_REASON, R_LOT, R_NONE },
};
static const int kind_required[] = { 0, 2, 4, 3 };

static int has_role(const char *name, enum role r)
{
    size_t i;
    char buf[64];
    size_t n;
    const char *s = trim(name, &n);
    if (n >= sizeof buf) return 0;
    memcpy(buf, s, n);
    buf[n] = '\0';
    for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
        if (aliases[i].role == r && text_name_eq(buf, aliases[i].name)) return 1;
    return 0;
}

static int header_has(const csv_row *h, enum role r)
{
    int i;
    for (i = 0; i < h->ncells; i++)
        if (has_role(h->cells[i].text, r)) return 1;
    return 0;
}

static enum kind kind_of(const csv_row *h)
{
    if (header_has(h, R_BIDDER)) return K_BIDS;
    if (header_has(h, R_EVALUATOR) || header_has(h, R_CRITERION)) return K_SCORES;
    if (header_has(h, R_REQUIREMENT) || header_has(h, R_MET)) return K_REQS;
    return K_UNKNOWN;
}

/* The header as written, ';'-joined and shortened, for messages. */
static void header_text(char *buf, size_t size, const csv_row *h)
{
    size_t len = 0;
    int i;
    buf[0] = '\0';
    for (i = 0; i < h->ncells && len + 8 < size && len < 120; i++)
        len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ";" : "",
                                h->cells[i].text);
    if (i < h->ncells && len + 4 < size) strcat(buf, "...");
}
/* }================================= */

/* {=========== reading ============ */
typedef struct ctx {
    anbud_inputs *in;
    const model *m;
    anbud_error *err;
    strmap bids;            /* folded bid id -> index of its first row */
    strmap bidlots;         /* folded bid id, 0x1F, lot -> index of its row */
    int row_lot;            /* the lot of the bids row being read, or -1 */
    strmap seen;            /* score and answer keys -> index */
    int capbids, capscores, capanswers;
    const char *file;       /* in->files[i].path of the file being read */
    const csv_table *t;
    int col[R_COUNT];       /* column index of each role, or -1 */
    /* every bids row read from a workbook's sheet and the bid it gave (a
       row that agrees with a bid of another file gives that bid): the
       template's evaluator sheets name their bids by that row */
    struct rowref { const char *place; long line; int bid; } *rowrefs;
    int nrowrefs, caprowrefs;
    const char **book_bids; /* per file: its workbook's bids sheet, or NULL */
    int *book_nbids;        /* per file: how many bids sheets its workbook has */
    int book;               /* the file being read */
    int by_bid;             /* the scores table is an evaluator sheet per bid */
    char *who, *who_fold;   /* dup_key: the last evaluator's name, and folded */
} ctx;

static anbud_status bad(ctx *c, const csv_cell *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static anbud_status bad(ctx *c, const csv_cell *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    /* no cell: the header's line */
    error_vset(c->err, ANBUD_EINPUT, c->file,
               at ? at->line : (c->t && c->t->nrows ? c->t->rows[0].line : 1),
               at ? at->col : 0, fmt, ap);
    va_end(ap);
    return ANBUD_EINPUT;
}

static anbud_status nomem(ctx *c)
{
    return error_set(c->err, ANBUD_EUSAGE, c->file, 0, 0, "out of memory");
}

static int grow(void **p, int *cap, int need, size_t size)
{
    void *np;
    int ncap;
    if (need <= *cap) return 0;
    ncap = *cap ? 2 * *cap : 16;
    while (ncap < need) ncap *= 2;
    np = realloc(*p, (size_t)ncap * size);
    if (!np) return -1;
    *p = np;
    *cap = ncap;
    return 0;
}

static input_place place(const ctx *c, const csv_cell *cell)
{
    input_place p;
    p.file = c->file;
    p.line = cell->line;
    p.col = cell->col;
    return p;
}

/* The cell of role r in row, trimmed into *s; NULL if there is no column. */
static const csv_cell *role_cell(const ctx *c, const csv_row *row, enum role r,
                                 const char **s, size_t *n)
{
    const csv_cell *cell;
    if (c->col[r] < 0) {
        *s = "";
        *n = 0;
        return NULL;
    }
    cell = &row->cells[c->col[r]];
    *s = trim(cell->text, n);
    return cell;
}

/* Bind the header's columns to roles of kind k; other columns go to
   field_of (bids) or are refused. */
static anbud_status bind_roles(ctx *c, enum kind k, int *field_of)
{
    const csv_row *h = &c->t->rows[0];
    char qb[QBUF], list[LIST_MAX + 64], hb[200];
    int i, j, f, shown;
    for (i = 0; i < R_COUNT; i++) c->col[i] = -1;
    for (i = 0; i < h->ncells; i++) {
        const csv_cell *cell = &h->cells[i];
        enum role r = R_NONE;
        if (field_of) field_of[i] = -1;
        for (j = 0; kind_roles[k][j] != R_NONE; j++)
            if (has_role(cell->text, kind_roles[k][j])) r = kind_roles[k][j];
        if (r != R_NONE) {
            if (c->col[r] >= 0)
                return bad(c, cell, "columns %d and %d both give the %s; "
                           "expected one", c->col[r] + 1, i + 1, role_name[r]);
            c->col[r] = i;
            continue;
        }
        if (k == K_BIDS) {
            size_t n;
            const char *s = trim(cell->text, &n);
            char name[CSV_MAX_FIELD + 1];
            memcpy(name, s, n);
            name[n] = '\0';
            f = model_find_field(c->m, name);
            if (f >= 0) {
                for (j = 0; j < i; j++)
                    if (field_of[j] == f)
                        return bad(c, cell, "columns %d and %d both give the "
                                   "model's column %s; expected one", j + 1,
                                   i + 1, q(qb, sizeof qb, c->m->fields[f].id));
                field_of[i] = f;
                continue;
            }
            list[0] = '\0';
            shown = 0;
            for (j = 0; j < c->m->nfields; j++)
                list_add(list, sizeof list, &shown, j, c->m->nfields,
                         c->m->fields[j].id);
            return bad(c, cell, "unknown column %s; expected bid, bidder%s%s",
                       q(qb, sizeof qb, cell->text),
                       c->m->nfields ? " or a column the model declares: " : "",
                       list);
        }
        return bad(c, cell, "unknown column %s in a %s file; expected %s",
                   q(qb, sizeof qb, cell->text), kind_name[k], kind_header[k]);
    }
    for (j = 0; j < kind_required[k]; j++) {
        enum role r = kind_roles[k][j];
        if (c->col[r] < 0) {
            header_text(hb, sizeof hb, h);
            return bad(c, NULL, "a %s file needs a %s column, and the header "
                       "\"%s\" has none; expected %s", kind_name[k],
                       role_name[r], hb, kind_header[k]);
        }
    }
    return ANBUD_OK;
}

/* {----------- bids ----------- */
/* Luhn check digit of a Swedish organisationsnummer or personnummer: 10
   digits, or 12 with the century; '-' and '+' are ignored. 0 right,
   1 wrong (the right one in *want), 2 not such a number. */
static int luhn(const char *s, size_t n, int *want)
{
    int d[12], nd = 0, i, sum = 0;
    size_t k;
    for (k = 0; k < n; k++) {
        if (s[k] >= '0' && s[k] <= '9') {
            if (nd == 12) return 2;
            d[nd++] = s[k] - '0';
        } else if (s[k] != '-' && s[k] != '+') return 2;
    }
    if (nd != 10 && nd != 12) return 2;
    if (nd == 12) for (i = 0; i < 10; i++) d[i] = d[i + 2];
    for (i = 0; i < 9; i++) {
        int v = d[i] * (i % 2 == 0 ? 2 : 1);
        sum += v > 9 ? v - 9 : v;
    }
    *want = (10 - sum % 10) % 10;
    return d[9] == *want ? 0 : 1;
}

/* Check one organisation's text (a part of a " + " list) against field f. */
static anbud_status check_text(ctx *c, const csv_cell *cell, const model_field *f,
                               const char *s, size_t n, int part, int nparts)
{
    char qb[QBUF], qc[QBUF], why[256], what[QBUF + 32], *one;
    const char *ptext = f->pattern_text ? f->pattern_text : NULL;
    int r, want = 0;
    one = malloc(n + 1);
    if (!one) return nomem(c);
    memcpy(one, s, n);
    one[n] = '\0';
    if (nparts > 1)
        snprintf(what, sizeof what, "%s (part %d of %d)",
                 q(qb, sizeof qb, one), part, nparts);
    else
        snprintf(what, sizeof what, "%s", q(qb, sizeof qb, one));
    if (f->pattern) {
        why[0] = '\0';
        r = regex_test(f->pattern, one, n, why, sizeof why);
        if (r < 0) {
            free(one);
            return bad(c, cell, "%s in column %s cannot be checked: %s", what,
                       q(qc, sizeof qc, f->id), why);
        }
        if (r == 0) {
            free(one);
            if (ptext)
                return bad(c, cell, "%s in column %s: expected %s (pattern "
                           "%.200s)", what, q(qc, sizeof qc, f->id), ptext,
                           f->pattern);
            return bad(c, cell, "%s in column %s: expected text matching the "
                       "pattern %.200s", what, q(qc, sizeof qc, f->id),
                       f->pattern);
        }
    }
    if (f->luhn) {
        r = luhn(one, n, &want);
        free(one);
        one = NULL;
        if (r == 2)
            return bad(c, cell, "%s in column %s: expected %s of 10 digits "
                       "(12 with the century) for the check digit", what,
                       q(qc, sizeof qc, f->id),
                       ptext ? ptext : "an organisationsnummer or personnummer");
        if (r == 1)
            return bad(c, cell, "%s in column %s: the check digit is wrong "
                       "(expected %d by the Luhn rule); not a valid %s", what,
                       q(qc, sizeof qc, f->id), want,
                       ptext ? ptext : "organisationsnummer or personnummer");
    }
    free(one);
    return ANBUD_OK;
}

/* {=========== dates and times ============ */

static int digits(const char *s, int n, int *out)
{
    int i, v = 0;
    for (i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = 10 * v + (s[i] - '0');
    }
    *out = v;
    return 0;
}

/* ISO 8601: YYYY-MM-DD, optionally T (or a space) HH:MM[:SS[.fraction]],
   then optionally Z or +HH:MM / -HH:MM (or +HHMM, +HH). Into secs (since
   1970-01-01T00:00:00, UTC when an offset is given) and *offset. 0, or -1
   with why set. */
static int parse_datetime(const char *s, size_t n, mpq_t secs, int *offset, char *why, size_t size)
{
    static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y, mo, d, h = 0, mi = 0, se = 0, oh = 0, om = 0, sign = 0, leap;
    size_t i = 10, f0 = 0, fn = 0;
    long days;
    mpq_t frac;
    *offset = 0;
    if (n < 10 || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) || s[7] != '-' ||
        digits(s + 8, 2, &d)) {
        snprintf(why, size, "expected an ISO 8601 date and time such as 2026-03-01T10:05:00+01:00");
        return -1;
    }
    leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] + (mo == 2 && leap)) {
        snprintf(why, size, "there is no such day");
        return -1;
    }
    if (i < n && (s[i] == 'T' || s[i] == ' ')) {
        if (n < i + 6 || digits(s + i + 1, 2, &h) || s[i + 3] != ':' || digits(s + i + 4, 2, &mi)) {
            snprintf(why, size, "expected a time HH:MM or HH:MM:SS after the date");
            return -1;
        }
        i += 6;
        if (i < n && s[i] == ':') {
            if (n < i + 3 || digits(s + i + 1, 2, &se)) {
                snprintf(why, size, "expected seconds as two digits");
                return -1;
            }
            i += 3;
            if (i < n && (s[i] == '.' || s[i] == ',')) {
                f0 = ++i;
                while (i < n && s[i] >= '0' && s[i] <= '9' && i - f0 < 18) i++;
                fn = i - f0;
                if (fn == 0) {
                    snprintf(why, size, "expected digits after the decimal sign of the seconds");
                    return -1;
                }
            }
        }
        if (h > 23 || mi > 59 || se > 59) {
            snprintf(why, size, "there is no such time of day");
            return -1;
        }
        if (i < n && s[i] == 'Z') {
            *offset = 1;
            i++;
        } else if (i < n && (s[i] == '+' || s[i] == '-')) {
            sign = s[i] == '-' ? -1 : 1;
            if (n >= i + 3 && !digits(s + i + 1, 2, &oh)) {
                i += 3;
                if (i < n && s[i] == ':') i++;
                if (n >= i + 2 && !digits(s + i, 2, &om)) i += 2;
                *offset = 1;
            }
            if (!*offset || oh > 23 || om > 59) {
                snprintf(why, size, "expected a UTC offset such as +01:00 or Z");
                return -1;
            }
        }
    }
    if (i != n) {
        snprintf(why, size, "unexpected text after the %s; expected an ISO 8601 date and time "
                 "such as 2026-03-01T10:05:00+01:00", i > 10 ? "time" : "date");
        return -1;
    }
    days = calendar_days_from_civil(y, mo, d);
    mpq_set_si(secs, days * 86400L + h * 3600L + mi * 60L + se - sign * (oh * 3600L + om * 60L), 1);
    if (fn) {
        char num[20], den[20];
        memcpy(num, s + f0, fn);
        num[fn] = '\0';
        den[0] = '1';
        memset(den + 1, '0', fn);
        den[fn + 1] = '\0';
        mpq_init(frac);
        mpz_set_str(mpq_numref(frac), num, 10);
        mpz_set_str(mpq_denref(frac), den, 10);
        mpq_canonicalize(frac);
        mpq_add(secs, secs, frac);
        mpq_clear(frac);
    }
    return 0;
}
/* }================================= */

/* Read cell into v; its text goes into the row's block at *room (moved on). */
static anbud_status read_value(ctx *c, const csv_cell *cell, int fi,
                               input_value *v, char **room)
{
    const model_field *f = &c->m->fields[fi];
    char qb[QBUF], qc[QBUF], why[256], list[LIST_MAX + 64];
    size_t n;
    const char *s = trim(cell->text, &n);
    int i, shown;
    anbud_status st;
    v->at = place(c, cell);
    if (n == 0) {
        if (f->required && model_in_lot(f->lots, f->nlots, c->row_lot))
            return bad(c, cell, "empty cell in column %s, which every bid "
                       "must fill", q(qc, sizeof qc, f->id));
        return ANBUD_OK;
    }
    v->present = 1;
    {
        size_t len = strlen(cell->text) + 1;
        memcpy(*room, cell->text, len);
        v->text = *room;
        *room += len;
    }
    if (f->kind == FIELD_NUMBER) {
        dec_syntax syn;
        syn.decimal = c->t->decimal;
        syn.allow_currency = 1;
        syn.allow_exponent = 0;
        why[0] = '\0';
        if (dec_parse(v->num, s, n, &syn, why, sizeof why) != 0)
            return bad(c, cell, "%s in column %s: %s", q(qb, sizeof qb, s),
                       q(qc, sizeof qc, f->id), why);
        v->has_num = 1;
    } else if (f->kind == FIELD_DATETIME) {
        why[0] = '\0';
        if (parse_datetime(s, n, v->num, &v->offset, why, sizeof why) != 0)
            return bad(c, cell, "%s in column %s: %s", q(qb, sizeof qb, s),
                       q(qc, sizeof qc, f->id), why);
        v->has_num = 1;
    } else if (f->kind == FIELD_ANSWER) {
        char *t = trim_dup(cell->text);
        if (!t) return nomem(c);
        for (i = 0; i < f->nanswers; i++)
            if (text_name_eq(t, f->answers[i])) break;
        free(t);
        if (i == f->nanswers) {
            list[0] = '\0';
            shown = 0;
            for (i = 0; i < f->nanswers; i++)
                list_add(list, sizeof list, &shown, i, f->nanswers,
                         f->answers[i]);
            return bad(c, cell, "%s in column %s: expected one of %s",
                       q(qb, sizeof qb, s), q(qc, sizeof qc, f->id), list);
        }
        v->answer = i;
    } else if (f->pattern || f->luhn) {
        /* a consortium: each organisation separately */
        int nparts = 1, part = 1;
        const char *p = s, *e = s + n, *plus;
        for (plus = strstr(s, " + "); plus && plus < e; plus = strstr(plus + 3, " + "))
            nparts++;
        for (;;) {
            size_t pn;
            const char *ps;
            char tmp[CSV_MAX_FIELD + 1];
            plus = strstr(p, " + ");
            if (!plus || plus >= e) plus = e;
            memcpy(tmp, p, (size_t)(plus - p));
            tmp[plus - p] = '\0';
            ps = trim(tmp, &pn);
            st = check_text(c, cell, f, ps, pn, part, nparts);
            if (st != ANBUD_OK) return st;
            if (plus == e) break;
            p = plus + 3;
            part++;
        }
    }
    return ANBUD_OK;
}

/* "A AB + B AB" into bid->orgs. */
static anbud_status split_bidder(ctx *c, const csv_cell *cell, input_bid *b)
{
    const char *p = b->bidder, *plus;
    int n = 1;
    char qb[QBUF];
    for (plus = strstr(p, " + "); plus; plus = strstr(plus + 3, " + ")) n++;
    b->orgs = calloc((size_t)n, sizeof *b->orgs);
    if (!b->orgs) return nomem(c);
    for (;;) {
        size_t len;
        char *o;
        plus = strstr(p, " + ");
        len = plus ? (size_t)(plus - p) : strlen(p);
        o = malloc(len + 1);
        if (!o) return nomem(c);
        memcpy(o, p, len);
        o[len] = '\0';
        b->orgs[b->norgs++] = trim_dup(o);
        free(o);
        if (!b->orgs[b->norgs - 1]) return nomem(c);
        if (!b->orgs[b->norgs - 1][0])
            return bad(c, cell, "empty organisation in the bidder %s; expected "
                       "names joined by \" + \" for a consortium",
                       q(qb, sizeof qb, b->bidder));
        if (!plus) break;
        p = plus + 3;
    }
    return ANBUD_OK;
}

/* The key of a bids row: the folded id and the lot. malloc'd. */
static char *lot_key(const char *id, int lot)
{
    char *f = text_name_fold(id), *key;
    size_t n;
    if (!f) return NULL;
    n = strlen(f) + 16;
    key = malloc(n);
    if (key) snprintf(key, n, "%s\x1f%d", f, lot);
    free(f);
    return key;
}

/* Free what bid b holds (not b itself). */
static void bid_clear(input_bid *b)
{
    int j;
    free(b->id);
    free(b->bidder);
    for (j = 0; j < b->norgs; j++) free(b->orgs[j]);
    free(b->orgs);
    for (j = 0; j < b->nfields; j++) {
        if (!b->texts) free(b->fields[j].text);
        mpq_clear(b->fields[j].num);
    }
    free(b->texts);
    free(b->fields);
    memset(b, 0, sizeof *b);
}

/* The first field in which bids a and b differ, -2 if their bidders do
   (as written), -1 if they agree: the same values, however written (1000
   and "1 000 kr", "Ja" and "ja" agree). */
static int bid_differs(const model *m, const input_bid *a, const input_bid *b)
{
    int f;
    if (strcmp(a->bidder, b->bidder) != 0) return -2;
    for (f = 0; f < m->nfields; f++) {
        const input_value *x = &a->fields[f], *y = &b->fields[f];
        if (x->present != y->present) return f;
        if (!x->present) continue;
        if (x->has_num != y->has_num || x->offset != y->offset || x->answer != y->answer) return f;
        if (x->has_num ? !mpq_equal(x->num, y->num)
                       : x->answer < 0 && strcmp(x->text, y->text) != 0)
            return f;
    }
    return -1;
}

/* The bids row just read (the last bid) gives bid `other` of another file
   again: one bid if they agree (the procurer's form and an evaluator's copy
   of it), else an error at the first cell that differs, naming both. */
static anbud_status merge_bid(ctx *c, int other)
{
    anbud_inputs *in = c->in;
    input_bid *a = &in->bids[other], *b = &in->bids[in->nbids - 1];
    int d = bid_differs(c->m, a, b);
    char qb[QBUF], qx[QBUF], qy[QBUF], w[WBUF];
    if (d == -1) {
        bid_clear(b);
        in->nbids--;
        return ANBUD_OK;
    }
    q(qb, sizeof qb, a->id);
    if (d == -2)
        return error_set(c->err, ANBUD_EINPUT, b->at.file, b->at.line, b->at.col,
                         "bid %s is from %s here but from %s at %s; a bid read from two input "
                         "files must be the same in both", qb, q(qx, sizeof qx, b->bidder),
                         q(qy, sizeof qy, a->bidder), where(w, sizeof w, &a->at));
    {
        const input_value *x = &a->fields[d], *y = &b->fields[d];
        const input_place *py = y->at.file ? &y->at : &b->at, *px = x->at.file ? &x->at : &a->at;
        if (x->present) q(qx, sizeof qx, x->text);
        if (y->present) q(qy, sizeof qy, y->text);
        return error_set(c->err, ANBUD_EINPUT, py->file, py->line, py->col,
                         "bid %s has %s in column \"%s\" here but %s at %s; a bid read from two "
                         "input files must be the same in both", qb, y->present ? qy : "nothing",
                         c->m->fields[d].id, x->present ? qx : "nothing", where(w, sizeof w, px));
    }
}

/* Remember that the bids row at line of the sheet being read gave bid. */
static int add_rowref(ctx *c, long line, int bid)
{
    if (!strchr(c->file, '\x1f')) return 0;   /* a CSV file: no sheet refers to it */
    if (grow((void **)&c->rowrefs, &c->caprowrefs, c->nrowrefs + 1, sizeof *c->rowrefs)) return -1;
    c->rowrefs[c->nrowrefs].place = c->file;
    c->rowrefs[c->nrowrefs].line = line;
    c->rowrefs[c->nrowrefs++].bid = bid;
    return 0;
}

static anbud_status read_bids(ctx *c)
{
    const csv_table *t = c->t;
    const model *m = c->m;
    anbud_inputs *in = c->in;
    int *field_of = NULL, *has_col = NULL, r, i, f;
    char qb[QBUF], qc[QBUF];
    anbud_status st;

    field_of = calloc((size_t)t->rows[0].ncells, sizeof *field_of);
    has_col = calloc((size_t)m->nfields + 1, sizeof *has_col);
    if (!field_of || !has_col) { st = nomem(c); goto done; }
    st = bind_roles(c, K_BIDS, field_of);
    if (st != ANBUD_OK) goto done;
    for (i = 0; i < t->rows[0].ncells; i++)
        if (field_of[i] >= 0) has_col[field_of[i]] = 1;
    if (m->nlots > 0 && c->col[R_LOT] < 0) {
        st = bad(c, NULL, "the model declares %d lots; expected a lot "
                 "(delomr\xC3\xA5" "de) column saying which lot each bid is for",
                 m->nlots);
        goto done;
    }
    if (m->nlots == 0 && c->col[R_LOT] >= 0) {
        st = bad(c, &t->rows[0].cells[c->col[R_LOT]], "a lot column, but "
                 "the model declares no lots; expected lot \"...\" { ... } "
                 "declarations in the model, or no lot column");
        goto done;
    }
    for (f = 0; f < m->nfields; f++)
        if (m->fields[f].required && !has_col[f] && m->fields[f].nlots == 0) {
            st = bad(c, NULL, "missing column %s, which the model requires "
                     "(declared at %s:%ld)", q(qb, sizeof qb, m->fields[f].id),
                     m->name ? m->name : "the model", m->fields[f].line);
            goto done;
        }
    if (strchr(c->file, '\x1f') && c->book_bids) {
        c->book_bids[c->book] = c->file;
        c->book_nbids[c->book]++;
    }
    if (t->nrows < 2) {
        st = bad(c, &t->rows[0].cells[0], "no bids: the file has a header "
                 "but no rows; expected one row per bid");
        goto done;
    }
    for (r = 1; r < t->nrows; r++) {
        const csv_row *row = &t->rows[r];
        const csv_cell *idc, *bc;
        const char *s;
        size_t n;
        input_bid *b;
        int other, first;
        char *key, w[WBUF];
        if (in->nbids >= INPUT_MAX_BIDS) {
            st = bad(c, &row->cells[0], "too many bids: at most %d",
                     INPUT_MAX_BIDS);
            goto done;
        }
        if (grow((void **)&in->bids, &c->capbids, in->nbids + 1, sizeof *b)) {
            st = nomem(c);
            goto done;
        }
        b = &in->bids[in->nbids++];
        memset(b, 0, sizeof *b);
        b->lot = -1;
        b->at = place(c, &row->cells[0]);
        if (m->nfields > 0) {
            b->fields = calloc((size_t)m->nfields, sizeof *b->fields);
            if (!b->fields) { st = nomem(c); goto done; }
            b->nfields = m->nfields;
            for (f = 0; f < m->nfields; f++) {
                mpq_init(b->fields[f].num);
                b->fields[f].answer = -1;
            }
        }
        idc = role_cell(c, row, R_BID, &s, &n);
        if (n == 0) {
            st = bad(c, idc, "empty bid id; expected an id such as \"A\" or "
                     "\"Anbud 1\"");
            goto done;
        }
        b->id = trim_dup(idc->text);
        if (!b->id) { st = nomem(c); goto done; }
        if (m->nlots > 0) {
            const csv_cell *lc = role_cell(c, row, R_LOT, &s, &n);
            char *lt = trim_dup(lc->text), list[LIST_MAX + 64];
            int shown = 0;
            if (!lt) { st = nomem(c); goto done; }
            b->lot = model_find_lot(m, lt);
            q(qb, sizeof qb, lt);
            free(lt);
            if (b->lot < 0) {
                list[0] = '\0';
                for (i = 0; i < m->nlots; i++)
                    list_add(list, sizeof list, &shown, i, m->nlots, m->lots[i].id);
                st = bad(c, lc, n ? "unknown lot %s for bid %s; expected one of the "
                         "lots %s" : "empty lot%s for bid %s; expected one of the lots %s",
                         n ? qb : "", q(qc, sizeof qc, b->id), list);
                goto done;
            }
        }
        c->row_lot = b->lot;
        key = lot_key(b->id, b->lot);
        if (!key) { st = nomem(c); goto done; }
        other = strmap_get(&c->bidlots, key);
        /* the same bid in another file: one bid if the two agree (below) */
        if (other >= 0 && same_file(in->bids[other].at.file, c->file)) {
            free(key);
            if (m->nlots > 0)
                st = bad(c, idc, "a second row for bid %s in lot \"%s\"; the first is "
                         "at %s", q(qb, sizeof qb, b->id), m->lots[b->lot].id,
                         where(w, sizeof w, &in->bids[other].at));
            else
                st = bad(c, idc, "duplicate bid id %s; the first is at %s",
                         q(qb, sizeof qb, b->id), where(w, sizeof w, &in->bids[other].at));
            goto done;
        }
        if (other >= 0) free(key);
        else if (strmap_put(&c->bidlots, key, in->nbids - 1)) { st = nomem(c); goto done; }
        key = text_name_fold(b->id);
        if (!key) { st = nomem(c); goto done; }
        first = strmap_get(&c->bids, key);
        if (first < 0) {
            if (strmap_put(&c->bids, key, in->nbids - 1)) { st = nomem(c); goto done; }
        } else free(key);
        bc = role_cell(c, row, R_BIDDER, &s, &n);
        if (n == 0) {
            st = bad(c, bc, "empty bidder for bid %s; expected the "
                     "organisation(s) behind the bid", q(qb, sizeof qb, b->id));
            goto done;
        }
        b->bidder = trim_dup(bc->text);
        if (!b->bidder) { st = nomem(c); goto done; }
        if (first >= 0 && !text_name_eq(b->bidder, in->bids[first].bidder)) {
            st = bad(c, bc, "bid %s is from %s here but from %s at %s; "
                     "expected one bidder for one bid id", q(qb, sizeof qb, b->id),
                     q(qc, sizeof qc, b->bidder), in->bids[first].bidder,
                     where(w, sizeof w, &in->bids[first].at));
            goto done;
        }
        st = split_bidder(c, bc, b);
        if (st != ANBUD_OK) goto done;
        {   /* the row's texts in one block, not one allocation each */
            size_t need = 1;
            char *room;
            for (i = 0; i < row->ncells; i++)
                if (field_of[i] >= 0) need += strlen(row->cells[i].text) + 1;
            if (!(b->texts = room = malloc(need))) { st = nomem(c); goto done; }
            for (i = 0; i < row->ncells; i++)
                if (field_of[i] >= 0) {
                    st = read_value(c, &row->cells[i], field_of[i],
                                    &b->fields[field_of[i]], &room);
                    if (st != ANBUD_OK) goto done;
                }
        }
        if (other >= 0 && (st = merge_bid(c, other)) != ANBUD_OK) goto done;
        if (add_rowref(c, row->line, other >= 0 ? other : in->nbids - 1)) { st = nomem(c); goto done; }
    }
    /* a lot's own declared criterion: its column is needed once that lot has bids */
    for (f = 0; f < m->nfields; f++)
        if (m->fields[f].required && !has_col[f] && m->fields[f].nlots > 0)
            for (r = 0; r < in->nbids; r++)
                if (model_in_lot(m->fields[f].lots, m->fields[f].nlots, in->bids[r].lot)) {
                    st = bad(c, NULL, "missing column %s, which the model requires of "
                             "the bids for lot \"%s\" (declared at %s:%ld)",
                             q(qb, sizeof qb, m->fields[f].id), m->lots[in->bids[r].lot].id,
                             m->name ? m->name : "the model", m->fields[f].line);
                    goto done;
                }
done:
    free(field_of);
    free(has_col);
    return st;
}
/* }----------------------------- */

/* {----------- scores and answers ----------- */
static anbud_status find_bid(ctx *c, const csv_cell *cell, const char *s,
                             int *bid)
{
    char *t = trim_dup(s), *key = t ? text_name_fold(t) : NULL;
    char qb[QBUF], list[LIST_MAX + 64];
    int i, shown = 0;
    if (!key) { free(t); return nomem(c); }
    *bid = strmap_get(&c->bids, key);
    free(key);
    if (*bid >= 0) { free(t); return ANBUD_OK; }
    list[0] = '\0';
    for (i = 0; i < c->in->nbids; i++)
        list_add(list, sizeof list, &shown, i, c->in->nbids, c->in->bids[i].id);
    q(qb, sizeof qb, t);
    free(t);
    return bad(c, cell, "unknown bid %s; expected one of the bids %s", qb, list);
}

static void crit_list(const model *m, char *list, size_t size, int parent)
{
    int i, shown = 0, n = 0;
    list[0] = '\0';
    for (i = 0; i < m->ncriteria; i++) {
        const model_criterion *k = &m->criteria[i];
        if (parent >= 0 ? k->parent == parent
                        : (k->kind != CRIT_PRICE && k->kind != CRIT_GROUP
                           && k->field < 0))
            n++;
    }
    for (i = 0; i < m->ncriteria; i++) {
        const model_criterion *k = &m->criteria[i];
        if (parent >= 0 ? k->parent == parent
                        : (k->kind != CRIT_PRICE && k->kind != CRIT_GROUP
                           && k->field < 0))
            list_add(list, size, &shown, i, n, k->id);
    }
    if (!list[0]) snprintf(list, size, "(none)");
}

static anbud_status find_criterion(ctx *c, const csv_cell *cell, const char *s,
                                   int *crit)
{
    const model *m = c->m;
    char *t = trim_dup(s), qb[QBUF], list[LIST_MAX + 64];
    const model_criterion *k;
    if (!t) return nomem(c);
    *crit = model_find_criterion(m, t);
    k = *crit >= 0 ? &m->criteria[*crit] : NULL;
    if (k && k->kind != CRIT_PRICE && k->kind != CRIT_GROUP && k->field < 0) {
        free(t);
        return ANBUD_OK;
    }
    q(qb, sizeof qb, t);   /* for the message */
    free(t);
    if (*crit < 0) {
        crit_list(m, list, sizeof list, -1);
        return bad(c, cell, "unknown criterion %s; expected one that the "
                   "evaluators score: %s", qb, list);
    }
    k = &m->criteria[*crit];
    if (k->kind == CRIT_PRICE)
        return bad(c, cell, "criterion %s is given by the price formula, not "
                   "scored by evaluators", qb);
    if (k->kind == CRIT_GROUP) {
        crit_list(m, list, sizeof list, *crit);
        return bad(c, cell, "criterion %s is a group; expected scores for its "
                   "sub-criteria %s", qb, list);
    }
    if (k->field >= 0)
        return bad(c, cell, "criterion %s is computed from the bids column "
                   "\"%s\", not scored by evaluators", qb,
                   m->fields[k->field].id);
    return ANBUD_OK;
}

/* The score text s for criterion k into sc->value and sc->level. */
static anbud_status read_score(ctx *c, const csv_cell *cell, const char *s,
                               size_t n, const model_criterion *k,
                               input_score *sc)
{
    const model *m = c->m;
    char qb[QBUF], qk[QBUF], why[256], list[LIST_MAX + 64];
    dec_syntax syn;
    int i, isnum, shown = 0;
    char *t = malloc(n + 1);
    if (!t) return nomem(c);
    memcpy(t, s, n);
    t[n] = '\0';
    list[0] = '\0';
    syn.decimal = c->t->decimal;
    syn.allow_currency = 0;
    syn.allow_exponent = 0;
    if (n == 0) {
        free(t);
        return bad(c, cell, "empty score for criterion %s; expected %s", q(qk, sizeof qk, k->id),
                   k->scale >= 0 ? "a level of its scale" : "a number");
    }
    if (k->scale >= 0) {
        const model_scale *sl = &m->scales[k->scale];
        sc->level = model_scale_level(sl, t);
        if (sc->level < 0 && dec_parse(sc->value, s, n, &syn, NULL, 0) == 0)
            for (i = 0; i < sl->nlevels; i++)
                if (mpq_equal(sc->value, sl->values[i])) {
                    sc->level = i;
                    break;
                }
        if (sc->level >= 0) {
            free(t);
            mpq_set(sc->value, sl->values[sc->level]);
            return ANBUD_OK;
        }
        /* the quoted texts only for the message */
        q(qb, sizeof qb, t);
        q(qk, sizeof qk, k->id);
        free(t);
        for (i = 0; i < sl->nlevels; i++) {
            char *v = dec_format_exact(sl->values[i]);
            char lab[QBUF + 48], ql[QBUF];
            snprintf(lab, sizeof lab, "%s (%s)", q(ql, sizeof ql, sl->labels[i]),
                     v ? v : "?");
            free(v);
            list_add_as(list, sizeof list, &shown, i, sl->nlevels, lab, 1);
        }
        return bad(c, cell, "%s is not a level of the scale \"%s\" of "
                   "criterion %s; expected one of %s", qb, sl->id, qk, list);
    }
    sc->level = -1;
    why[0] = '\0';
    isnum = dec_parse(sc->value, s, n, &syn, why, sizeof why) == 0;
    if (isnum && mpq_sgn(sc->value) >= 0
        && (!k->has_max || mpq_cmp(sc->value, k->max) <= 0)) {
        free(t);
        return ANBUD_OK;
    }
    q(qb, sizeof qb, t);
    q(qk, sizeof qk, k->id);
    free(t);
    if (k->has_max) {
        char *mx = dec_format_exact(k->max);
        anbud_status st = bad(c, cell, "score %s for criterion %s: %s; "
                              "expected a number from 0 to %s", qb, qk,
                              isnum ? "outside the range" : why,
                              mx ? mx : "its max");
        free(mx);
        return st;
    }
    return bad(c, cell, "score %s for criterion %s: %s; expected a number of "
               "at least 0", qb, qk, isnum ? "negative" : why);
}

/* A key for (who, bid, what), folded; malloc'd. Rows come evaluator by
   evaluator: the last name folded is kept in c. */
static char *dup_key(ctx *c, const char *who, int bid, int what)
{
    char num[48], *key;
    size_t n, wn;
    if (!c->who || strcmp(c->who, who) != 0) {
        free(c->who);
        free(c->who_fold);
        c->who = strdup(who);
        c->who_fold = text_name_fold(who);
        if (!c->who || !c->who_fold) {
            free(c->who);
            free(c->who_fold);
            c->who = c->who_fold = NULL;
            return NULL;
        }
    }
    snprintf(num, sizeof num, "\x1f%d\x1f%d", bid, what);
    wn = strlen(c->who_fold);
    n = wn + strlen(num) + 1;
    key = malloc(n);
    if (key) {
        memcpy(key, c->who_fold, wn);
        memcpy(key + wn, num, n - wn);
    }
    return key;
}

/* The lot a score or answer row names (its lot cell), as *lot (-1 when
   empty: every lot of the bid), and *bid moved to the bid's row in that
   lot, which must exist. */
static anbud_status row_lot(ctx *c, const csv_row *row, int *bid, int *lot)
{
    const model *m = c->m;
    const csv_cell *lc;
    const char *s;
    size_t n;
    char *lt, *key, qb[QBUF], ql[QBUF];
    int r;
    *lot = -1;
    lc = role_cell(c, row, R_LOT, &s, &n);
    if (!lc || n == 0) return ANBUD_OK;
    if (m->nlots == 0)
        return bad(c, lc, "a lot is given, but the model declares no lots");
    if (!(lt = trim_dup(lc->text))) return nomem(c);
    *lot = model_find_lot(m, lt);
    q(ql, sizeof ql, lt);
    free(lt);
    if (*lot < 0) return bad(c, lc, "unknown lot %s", ql);
    if (!(key = lot_key(c->in->bids[*bid].id, *lot))) return nomem(c);
    r = strmap_get(&c->bidlots, key);
    free(key);
    if (r < 0)
        return bad(c, lc, "bid %s has no row for lot %s in the bids file",
                   q(qb, sizeof qb, c->in->bids[*bid].id), ql);
    *bid = r;
    return ANBUD_OK;
}

/* Whether bid id (any of its rows) is in one of the lots. */
static int bid_in_lots(const ctx *c, int bid, const int *lots, int nlots)
{
    int i;
    if (nlots == 0) return 1;
    for (i = 0; i < nlots; i++) {
        char *key = lot_key(c->in->bids[bid].id, lots[i]);
        int r = key ? strmap_get(&c->bidlots, key) : -1;
        free(key);
        if (r >= 0) return 1;
    }
    return 0;
}

/* Claim the key (who, row, what) of each bids row the entry counts for:
   the row of lot, or with lot -1 every row of the bid's id. Returns the
   entry that already holds one of them, -1 when all were free (and are now
   claimed by index), or -2 out of memory. */
static int claim_rows(ctx *c, const char *who, int bid, int lot, int what, int index)
{
    /* the lots to look in: the one given, or all (-1 alone without lots) */
    int lo = c->m->nlots ? 0 : -1, hi = c->m->nlots - 1, l, other;
    if (lot >= 0) lo = hi = lot;
    for (l = lo; l <= hi; l++) {
        char *key;
        int r;
        if (l < 0) r = bid;   /* no lots: a bid id has one row, the one bid names */
        else {
            if (!(key = lot_key(c->in->bids[bid].id, l))) return -2;
            r = strmap_get(&c->bidlots, key);
            free(key);
            if (r < 0) continue;   /* no row of the bid in lot l */
        }
        key = dup_key(c, who, r, what);
        if (!key) return -2;
        other = strmap_get(&c->seen, key);
        if (other >= 0) { free(key); return other; }
        if (strmap_put(&c->seen, key, index)) return -2;
    }
    return -1;
}

/* A score cell that records a conflict of interest (jäv) instead of a
   score: "jäv", "jävig" or "conflict", in any case. */
static int is_recusal(const char *s, size_t n)
{
    static const char *const words[] = { "j\xC3\xA4v", "j\xC3\xA4vig", "conflict",
                                         "conflict of interest" };
    char buf[32];
    size_t i;
    while (n > 0 && (*s == ' ' || *s == '\t')) { s++; n--; }
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    if (n == 0 || n >= sizeof buf) return 0;
    memcpy(buf, s, n);
    buf[n] = '\0';
    for (i = 0; i < sizeof words / sizeof *words; i++)
        if (text_name_eq(buf, words[i])) return 1;
    return 0;
}

static anbud_status read_scores(ctx *c)
{
    const csv_table *t = c->t;
    anbud_inputs *in = c->in;
    char qb[QBUF], qk[QBUF], qe[QBUF];
    anbud_status st = bind_roles(c, K_SCORES, NULL);
    int r;
    if (st != ANBUD_OK) return st;
    for (r = 1; r < t->nrows; r++) {
        const csv_row *row = &t->rows[r];
        const csv_cell *ec, *bc, *kc, *sc, *jc;
        const char *es, *bs, *ks, *ss, *js;
        size_t en, bn, kn, sn, jn;
        int bid = -1, crit = -1, other, lot = -1;
        input_score *o;
        ec = role_cell(c, row, R_EVALUATOR, &es, &en);
        bc = role_cell(c, row, R_BID, &bs, &bn);
        kc = role_cell(c, row, R_CRITERION, &ks, &kn);
        sc = role_cell(c, row, R_SCORE, &ss, &sn);
        jc = role_cell(c, row, R_JUSTIFICATION, &js, &jn);
        /* an unused row of the template: its evaluator and criterion are
           filled in beforehand */
        if (bn == 0 && sn == 0 && jn == 0) continue;
        if (en == 0)
            return bad(c, ec, "empty evaluator; expected a name, or konsensus "
                       "for the panel's agreed score");
        if ((st = find_bid(c, bc, bc->text, &bid)) != ANBUD_OK) return st;
        if ((st = find_criterion(c, kc, kc->text, &crit)) != ANBUD_OK) return st;
        if ((st = row_lot(c, row, &bid, &lot)) != ANBUD_OK) return st;
        {
            const model_criterion *k = &c->m->criteria[crit];
            if (lot >= 0 && !model_in_lot(k->lots, k->nlots, lot))
                return bad(c, kc, "criterion %s is not evaluated in lot \"%s\"",
                           q(qk, sizeof qk, k->id), c->m->lots[lot].id);
            if (lot < 0 && !bid_in_lots(c, bid, k->lots, k->nlots))
                return bad(c, kc, "bid %s is in none of the lots of criterion %s",
                           q(qb, sizeof qb, in->bids[bid].id), q(qk, sizeof qk, k->id));
        }
        if (grow((void **)&in->scores, &c->capscores, in->nscores + 1,
                 sizeof *o))
            return nomem(c);
        o = &in->scores[in->nscores++];
        memset(o, 0, sizeof *o);
        mpq_init(o->value);
        o->bid = bid;
        o->criterion = crit;
        o->lot = lot;
        o->level = -1;
        o->at = place(c, sc);
        o->evaluator = trim_dup(ec->text);
        if (!o->evaluator) return nomem(c);
        if (text_name_eq(o->evaluator, "konsensus") || text_name_eq(o->evaluator, "consensus")) {
            o->consensus = 1;
            free(o->evaluator);
            o->evaluator = NULL;
        }
        if (jc && jn > 0 && !(o->justification = trim_dup(jc->text)))
            return nomem(c);
        if ((o->recused = is_recusal(ss, sn))) {
            /* jäv: recorded, never silent; the reason is part of the record */
            if (o->consensus)
                return bad(c, sc, "the consensus score cannot be %.*s; only an "
                           "evaluator can stand aside for a conflict of interest",
                           (int)sn, ss);
            if (!o->justification)
                return bad(c, jc ? jc : sc, "%s stands aside (jäv) for bid %s "
                           "on criterion %s without a justification; give the "
                           "reason (motivering)", q(qe, sizeof qe, o->evaluator),
                           q(qb, sizeof qb, in->bids[bid].id),
                           q(qk, sizeof qk, c->m->criteria[crit].id));
        } else {
            st = read_score(c, sc, ss, sn, &c->m->criteria[crit], o);
            if (st != ANBUD_OK) return st;
        }
        /* one score per evaluator, bid row and criterion: a score given
           for every lot takes the key of each row of the bid */
        other = claim_rows(c, o->consensus ? "\x01" : o->evaluator, bid, lot, crit,
                           in->nscores - 1);
        if (other == -2) return nomem(c);
        if (other >= 0) {
            const input_score *f = &in->scores[other];
            /* an evaluator's sheet per bid names its evaluator once: the
               score's own cell says where */
            const csv_cell *at = c->by_bid ? sc : ec;
            char w[WBUF];
            q(qb, sizeof qb, in->bids[bid].id);
            q(qk, sizeof qk, c->m->criteria[crit].id);
            if (o->consensus)
                return bad(c, at, "duplicate consensus score for bid %s on "
                           "criterion %s; the first is at %s", qb, qk,
                           where(w, sizeof w, &f->at));
            return bad(c, at, "duplicate score by %s for bid %s on criterion "
                       "%s; the first is at %s",
                       q(qe, sizeof qe, o->evaluator), qb, qk, where(w, sizeof w, &f->at));
        }
    }
    return ANBUD_OK;
}

/* {----------- an evaluator's sheet laid out per bid ----------- */
/* The template (template.c) writes each evaluator's sheet, and the
   consensus sheet, as a block per bid, so that an evaluator scores bid by
   bid: a label row (a cell "bedömare" and, right of it, the evaluator's
   name), then per bid a heading row whose first cell holds the bid's slot
   number n (the bid in row n + 1 of the workbook's bids sheet, under its
   header), a row of column words (kriterium, ..., betyg, motivering) and a
   row per criterion. Such a sheet is no table: it is read from its cells
   into the rows of a scores table (evaluator, bid, criterion, score,
   justification, lot) whose cells keep their places in the sheet, and
   read_scores checks those as it does any scores file. A criterion row
   whose score and justification are empty is not read. */

typedef struct panel_sheet {
    const xlsx_cells *x;
    size_t *row_start;      /* index of the first cell of each distinct row */
    size_t nrows;
    long name_row;          /* the label row, 0 if none */
    const xlsx_cell *name;  /* the evaluator's name, or NULL (empty) */
    size_t first_heads;     /* distinct row index of the first heads row */
} panel_sheet;

/* The cell at (distinct row r, column col), or NULL. */
static const xlsx_cell *panel_cell(const panel_sheet *p, size_t r, long col)
{
    size_t i, end = r + 1 < p->nrows ? p->row_start[r + 1] : p->x->n;
    for (i = p->row_start[r]; i < end; i++)
        if (p->x->cells[i].col == col) return &p->x->cells[i];
    return NULL;
}

/* The column of a cell of distinct row r that names role, or 0. */
static long panel_col(const panel_sheet *p, size_t r, enum role role)
{
    size_t i, end = r + 1 < p->nrows ? p->row_start[r + 1] : p->x->n;
    for (i = p->row_start[r]; i < end; i++)
        if (has_role(p->x->cells[i].value, role)) return p->x->cells[i].col;
    return 0;
}

static int panel_heads(const panel_sheet *p, size_t r)
{
    return panel_col(p, r, R_CRITERION) && panel_col(p, r, R_SCORE);
}

/* 1 if the cells are an evaluator's sheet per bid (p filled in), 0 if not,
   -1 out of memory. */
static int panel_find(panel_sheet *p, const xlsx_cells *x)
{
    size_t i, r;
    memset(p, 0, sizeof *p);
    p->x = x;
    if (x->n == 0) return 0;
    p->row_start = malloc(x->n * sizeof *p->row_start);
    if (!p->row_start) return -1;
    for (i = 0; i < x->n; i++)
        if (i == 0 || x->cells[i].row != x->cells[i - 1].row) p->row_start[p->nrows++] = i;
    for (r = 0; r < p->nrows; r++) {
        const xlsx_cell *a = &x->cells[p->row_start[r]];
        if (!p->name_row && a->col == 1 && has_role(a->value, R_EVALUATOR)) {
            p->name_row = a->row;
            p->name = panel_cell(p, r, 2);
        } else if (p->name_row && panel_heads(p, r)) {
            p->first_heads = r;
            return 1;
        }
    }
    return 0;
}

/* A cell's text for the scores table: trimmed by read_scores; a formula
   must have its saved value; a number in exponent form written out. */
static anbud_status panel_text(ctx *c, const xlsx_cell *cell, char **owned, const char **out)
{
    size_t n;
    const char *s;
    unsigned long bad_at;
    long cp;
    char what[64];
    *out = "";
    if (!cell) return ANBUD_OK;
    s = trim(cell->value, &n);
    if (cell->formula && n == 0)
        return error_set(c->err, ANBUD_EINPUT, c->file, cell->row, cell->col, "the formula "
                         "here has no saved value; open and save the file in Excel or LibreOffice");
    if (n > CSV_MAX_FIELD)
        return error_set(c->err, ANBUD_EINPUT, c->file, cell->row, cell->col, "the text is "
                         "%zu bytes, longer than the limit of %d bytes", n, CSV_MAX_FIELD);
    bad_at = text_xml_bad(s, n, &cp);
    if (bad_at < n)
        return error_set(c->err, ANBUD_EINPUT, c->file, cell->row, cell->col, "%s is not "
                         "allowed in a cell: a workbook (XML) cannot hold it; remove it",
                         text_xml_what(what, sizeof what, cp, (unsigned char)s[bad_at]));
    switch (xlsx_number_plain(s, n, owned)) {
    case 1: *out = *owned; return ANBUD_OK;
    case -2: return nomem(c);
    default: *out = cell->value; return ANBUD_OK;
    }
}

static void panel_put(csv_cell *cell, const char *text, long line, long col)
{
    cell->text = (char *)(uintptr_t)text;
    cell->line = line;
    cell->col = col;
    cell->quoted = 0;
}

/* Read the blocks of p (sheet place c->file, of the workbook c->book) as
   scores. */
static anbud_status read_panel(ctx *c, const panel_sheet *p)
{
    static const char *const head[] = { "evaluator", "bid", "criterion", "score",
                                        "justification", "lot" };
    const model *m = c->m;
    const int w = m->nlots > 0 ? 6 : 5;
    const char *bids_sheet = c->book_bids ? c->book_bids[c->book] : NULL;
    csv_table t;
    csv_row *rows = NULL;
    csv_cell *cells = NULL;
    char **owned = NULL, qs[QBUF];
    const char *name = "";
    size_t r, nr = 1, i;
    int k;
    anbud_status st = ANBUD_OK;
    long crit = 0, score = 0, why = 0, slot = 0, slot_row = 0;

    rows = calloc(p->nrows + 1, sizeof *rows);
    cells = calloc((p->nrows + 1) * (size_t)w, sizeof *cells);
    owned = calloc((p->nrows + 1) * 2 + 1, sizeof *owned);
    if (!rows || !cells || !owned) { st = nomem(c); goto done; }
    if ((st = panel_text(c, p->name, &owned[0], &name)) != ANBUD_OK) goto done;
    rows[0].cells = cells;
    rows[0].ncells = w;
    rows[0].line = p->x->cells[p->row_start[p->first_heads]].row;
    for (k = 0; k < w; k++) panel_put(&cells[k], head[k], rows[0].line, 0);
    for (r = p->first_heads - 1; r < p->nrows; r++) {
        const xlsx_cell *cc, *sc, *jc, *a = &p->x->cells[p->row_start[r]];
        const char *cs, *ss, *js;
        const input_bid *b;
        int j;
        if (r + 1 < p->nrows && panel_heads(p, r + 1)) {
            /* a bid's heading, its column words under it */
            const xlsx_cell *h = &p->x->cells[p->row_start[r + 1]];
            char *end;
            long n = a->col == 1 && a->value[0] ? strtol(a->value, &end, 10) : 0;
            if (n < 1 || n > INPUT_MAX_BIDS || *end || h->row != a->row + 1) {
                st = error_set(c->err, ANBUD_EINPUT, c->file, h->row - 1, 1, "the heading of the "
                               "block in row %ld has no bid number here; expected the number the form "
                               "wrote (a block per row of the bids sheet)", h->row);
                goto done;
            }
            slot = n;
            slot_row = a->row;
            crit = panel_col(p, r + 1, R_CRITERION);
            score = panel_col(p, r + 1, R_SCORE);
            why = panel_col(p, r + 1, R_JUSTIFICATION);
            r++;
            continue;
        }
        if (panel_heads(p, r)) {   /* column words without a heading above */
            st = error_set(c->err, ANBUD_EINPUT, c->file, a->row - 1, 1, "the heading of the "
                           "block in row %ld has no bid number here; expected the number the form "
                           "wrote (a block per row of the bids sheet)", a->row);
            goto done;
        }
        cc = panel_cell(p, r, crit);
        sc = panel_cell(p, r, score);
        jc = why ? panel_cell(p, r, why) : NULL;
        if ((st = panel_text(c, sc, &owned[2 * nr - 1], &ss)) != ANBUD_OK) goto done;
        if ((st = panel_text(c, jc, &owned[2 * nr], &js)) != ANBUD_OK) goto done;
        {
            size_t n1, n2;
            trim(ss, &n1);
            trim(js, &n2);
            if (n1 == 0 && n2 == 0) continue;   /* not filled in */
        }
        cs = cc ? cc->value : "";
        /* the bid of the block: its row of the workbook's bids sheet */
        b = NULL;
        if (bids_sheet && c->book_nbids[c->book] == 1)
            for (j = 0; j < c->nrowrefs && !b; j++)
                if (c->rowrefs[j].place == bids_sheet && c->rowrefs[j].line == slot + 1)
                    b = &c->in->bids[c->rowrefs[j].bid];
        if (!b) {
            const xlsx_cell *at = sc ? sc : jc;
            const char *sheet = bids_sheet ? strchr(bids_sheet, '\x1f') + 1 : NULL;
            if (!bids_sheet)
                st = error_set(c->err, ANBUD_EINPUT, c->file, at->row, at->col, "a score for "
                               "bid %ld of the form, but the workbook has no bids sheet to name it; "
                               "expected the form with its bids sheet filled in", slot);
            else if (c->book_nbids[c->book] > 1)
                st = error_set(c->err, ANBUD_EINPUT, c->file, at->row, at->col, "a score for "
                               "bid %ld of the form, but the workbook has %d bids sheets; expected one, "
                               "whose row %ld is that bid", slot, c->book_nbids[c->book], slot + 1);
            else
                st = error_set(c->err, ANBUD_EINPUT, c->file, at->row, at->col, "a score for "
                               "bid %ld of the form, but row %ld of the sheet %s holds no bid; "
                               "fill in the bid there, or clear this row", slot, slot + 1,
                               q(qs, sizeof qs, sheet));
            goto done;
        }
        rows[nr].cells = cells + nr * (size_t)w;
        rows[nr].ncells = w;
        rows[nr].line = a->row;
        panel_put(&rows[nr].cells[0], name, p->name_row, 2);
        panel_put(&rows[nr].cells[1], b->id, slot_row, 1);
        panel_put(&rows[nr].cells[2], cs, a->row, crit);
        panel_put(&rows[nr].cells[3], ss, a->row, score);
        panel_put(&rows[nr].cells[4], js, a->row, why ? why : score + 1);
        if (w > 5) panel_put(&rows[nr].cells[5], b->lot >= 0 ? m->lots[b->lot].id : "", slot_row, 1);
        nr++;
    }
    memset(&t, 0, sizeof t);
    t.path = (char *)(uintptr_t)c->file;
    t.decimal = '.';
    t.rows = rows;
    t.nrows = (int)nr;
    c->t = &t;
    c->by_bid = 1;
    st = read_scores(c);
    c->by_bid = 0;
    c->t = NULL;
done:
    if (owned)
        for (i = 0; i < (p->nrows + 1) * 2 + 1; i++) free(owned[i]);
    free(owned);
    free(cells);
    free(rows);
    return st;
}
/* }----------------------------- */

/* ja/nej and the like: 1, 0, or -1. */
static int met_value(const char *s)
{
    static const char *const yes[] = { "ja", "yes", "1", "uppfyllt",
                                       "uppfylld", "true", "sant" };
    static const char *const no[] = { "nej", "no", "0", "ej uppfyllt",
                                      "ej uppfylld", "inte uppfyllt",
                                      "false", "falskt" };
    size_t i;
    for (i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (text_name_eq(s, yes[i])) return 1;
    for (i = 0; i < sizeof no / sizeof no[0]; i++)
        if (text_name_eq(s, no[i])) return 0;
    return -1;
}

static anbud_status read_answers(ctx *c)
{
    const csv_table *t = c->t;
    const model *m = c->m;
    anbud_inputs *in = c->in;
    char qb[QBUF], qk[QBUF], list[LIST_MAX + 64];
    anbud_status st = bind_roles(c, K_REQS, NULL);
    int r, i, shown;
    if (st != ANBUD_OK) return st;
    for (r = 1; r < t->nrows; r++) {
        const csv_row *row = &t->rows[r];
        const csv_cell *bc, *kc, *mc, *rc;
        const char *bs, *ks, *ms, *rs;
        size_t bn, kn, mn, rn;
        int bid = -1, req, met, other, lot = -1;
        char *tmp;
        input_answer *a;
        bc = role_cell(c, row, R_BID, &bs, &bn);
        kc = role_cell(c, row, R_REQUIREMENT, &ks, &kn);
        mc = role_cell(c, row, R_MET, &ms, &mn);
        rc = role_cell(c, row, R_REASON, &rs, &rn);
        /* an unused row of the template (its requirement filled in beforehand) */
        if (bn == 0 && mn == 0 && rn == 0) continue;
        if ((st = find_bid(c, bc, bc->text, &bid)) != ANBUD_OK) return st;
        if (!(tmp = trim_dup(kc->text))) return nomem(c);
        req = model_find_requirement(m, tmp);
        q(qk, sizeof qk, tmp);
        free(tmp);
        if (req < 0) {
            list[0] = '\0';
            shown = 0;
            for (i = 0; i < m->nreqs; i++)
                list_add(list, sizeof list, &shown, i, m->nreqs, m->reqs[i].id);
            if (m->nreqs == 0)
                return bad(c, kc, "unknown requirement %s; the model declares "
                           "no requirements", qk);
            return bad(c, kc, "unknown requirement %s; expected one of %s",
                       qk, list);
        }
        if (!(tmp = trim_dup(mc->text))) return nomem(c);
        met = met_value(tmp);
        q(qb, sizeof qb, tmp);
        free(tmp);
        if (met < 0)
            return bad(c, mc, "%s in column \"%s\": expected ja or nej (also "
                       "yes/no, 1/0, uppfyllt/ej uppfyllt, true/false)", qb,
                       t->rows[0].cells[c->col[R_MET]].text);
        if ((st = row_lot(c, row, &bid, &lot)) != ANBUD_OK) return st;
        if (lot >= 0 && !model_in_lot(m->reqs[req].lots, m->reqs[req].nlots, lot))
            return bad(c, kc, "requirement %s does not apply in lot \"%s\"", qk,
                       m->lots[lot].id);
        other = claim_rows(c, "\x02", bid, lot, req, in->nanswers);
        if (other == -2) return nomem(c);
        if (other >= 0) {
            const input_answer *o = &in->answers[other];
            char w[WBUF];
            q(qb, sizeof qb, in->bids[bid].id);
            q(qk, sizeof qk, m->reqs[req].id);
            /* the procurer's form and an evaluator's copy of it carry the
               same answers: one answer when they agree */
            if (!same_file(o->at.file, c->file)) {
                char *why = rc && rn > 0 ? trim_dup(rc->text) : NULL;
                int agree = o->met == met && o->lot == lot &&
                            (why && o->reason ? strcmp(why, o->reason) == 0 : !why && !o->reason);
                free(why);
                if (agree) continue;
                return bad(c, o->met != met ? mc : rc ? rc : mc, "the answer for bid %s on requirement %s "
                           "differs from the one at %s; an answer read from two input files must be "
                           "the same in both", qb, qk, where(w, sizeof w, &o->at));
            }
            return bad(c, kc, "duplicate answer for bid %s on requirement %s; "
                       "the first is at %s", qb, qk, where(w, sizeof w, &o->at));
        }
        if (grow((void **)&in->answers, &c->capanswers, in->nanswers + 1,
                 sizeof *a))
            return nomem(c);
        a = &in->answers[in->nanswers++];
        memset(a, 0, sizeof *a);
        a->bid = bid;
        a->requirement = req;
        a->met = met;
        a->lot = lot;
        a->at = place(c, mc);
        if (rc && rn > 0 && !(a->reason = trim_dup(rc->text))) return nomem(c);
    }
    return ANBUD_OK;
}
/* }----------------------------- */

/* Read file i of in->files into a table and tell its kind. */
static anbud_status open_file(ctx *c, int i, csv_table *t, enum kind *k)
{
    input_file *f = &c->in->files[i];
    char hb[200];
    anbud_status st = csv_read(t, f->path, c->err);
    if (st != ANBUD_OK) return st;
    if (f->sha256[0] && strcmp(f->sha256, t->sha256) != 0)
        return error_set(c->err, ANBUD_EUSAGE, f->path, 0, 0,
                         "the file changed while it was being read");
    memcpy(f->sha256, t->sha256, sizeof f->sha256);
    *k = kind_of(&t->rows[0]);
    if (*k == K_UNKNOWN) {
        header_text(hb, sizeof hb, &t->rows[0]);
        return error_set(c->err, ANBUD_EINPUT, f->path, t->rows[0].line, 0,
                         "cannot tell what the file holds from its header "
                         "\"%s\"; expected the header of bids (%s), scores "
                         "(%s) or requirement answers (%s)", hb, kind_header[K_BIDS],
                         kind_header[K_SCORES], kind_header[K_REQS]);
    }
    snprintf(f->kind, sizeof f->kind, "%s", kind_name[*k]);
    return ANBUD_OK;
}
/* }================================= */

/* Bind table c->t of kind k in this pass. */
static anbud_status read_table(ctx *c, enum kind k, int pass, int *nbidfiles)
{
    if (pass == 0 && k == K_BIDS) {
        (*nbidfiles)++;
        return read_bids(c);
    }
    if (pass == 1 && k == K_SCORES) return read_scores(c);
    if (pass == 1 && k == K_REQS) return read_answers(c);
    return ANBUD_OK;
}

static int is_xlsx(const char *path)
{
    size_t n = strlen(path);
    return n > 5 && text_name_eq(path + n - 5, ".xlsx");
}

/* Sheet s of b when it is no table: an evaluator's sheet per bid (the
   template's) is read in pass 1 (*is set to 1); otherwise *is is 0 and
   nothing is read. */
static anbud_status try_panel(ctx *c, xlsx_book *b, int s, int pass, int *is)
{
    xlsx_cells x;
    panel_sheet p;
    anbud_error keep;
    anbud_status st;
    int found;
    *is = 0;
    keep = *c->err;
    if (xlsx_read_cells(b, s, &x, c->err) != ANBUD_OK) {
        *c->err = keep;   /* not this layout: the table's error stands */
        return ANBUD_OK;
    }
    found = panel_find(&p, &x);
    if (found < 0) st = nomem(c);
    else if (!found) { *c->err = keep; st = ANBUD_OK; }
    else {
        *is = 1;
        st = pass == 1 ? read_panel(c, &p) : ANBUD_OK;
    }
    free(p.row_start);
    xlsx_cells_free(&x);
    return st;
}

/* A workbook: every sheet whose header tells its kind is read like a CSV
   file of that kind, an evaluator's sheet per bid as its scores (an
   instructions sheet, the template's lists and other sheets are passed
   by). Places name the sheet: "form.xlsx" 0x1F "Anbud", kept in
   in->places. */
static anbud_status read_book(ctx *c, int i, int pass, int *nbidfiles)
{
    input_file *f = &c->in->files[i];
    xlsx_book b;
    csv_table t;
    anbud_status st;
    int s, used = 0;
    memset(&t, 0, sizeof t);
    st = xlsx_open(&b, f->path, c->err);
    if (st != ANBUD_OK) return st;
    if (f->sha256[0] && strcmp(f->sha256, b.sha256) != 0) {
        xlsx_close(&b);
        return error_set(c->err, ANBUD_EUSAGE, f->path, 0, 0, "the file changed while it was being read");
    }
    memcpy(f->sha256, b.sha256, sizeof f->sha256);
    snprintf(f->kind, sizeof f->kind, "workbook");
    for (s = 0; s < b.nsheets; s++) {
        enum kind k;
        char **np, *place;
        /* the template's instructions and hidden lists are not tables */
        if (b.sheet_hidden[s] || text_name_eq(b.sheet_names[s], "Instruktioner") ||
            text_name_eq(b.sheet_names[s], "Instructions"))
            continue;
        st = xlsx_read_sheet(&b, s, &t, c->err);
        k = st == ANBUD_OK && t.nrows ? kind_of(&t.rows[0]) : K_UNKNOWN;
        if (k == K_UNKNOWN) {
            /* not a table: the template's evaluator sheet per bid? */
            anbud_status table_st = st;
            int is;
            csv_table_free(&t);
            np = realloc(c->in->places, (size_t)(c->in->nplaces + 1) * sizeof *np);
            if (np) c->in->places = np;
            place = np ? malloc(strlen(f->path) + strlen(b.sheet_names[s]) + 2) : NULL;
            if (!place) { xlsx_close(&b); return nomem(c); }
            sprintf(place, "%s" XLSX_SHEET_SEP "%s", f->path, b.sheet_names[s]);
            np[c->in->nplaces++] = place;
            c->file = place;
            st = try_panel(c, &b, s, pass, &is);
            if (st != ANBUD_OK) break;
            if (is) { used++; continue; }
            st = table_st;
            if (st != ANBUD_OK) break;
            continue;
        }
        used++;
        np = realloc(c->in->places, (size_t)(c->in->nplaces + 1) * sizeof *np);
        if (np) c->in->places = np;
        place = np ? strdup(t.path) : NULL;
        if (!place) { csv_table_free(&t); xlsx_close(&b); return nomem(c); }
        np[c->in->nplaces++] = place;
        c->file = place;
        c->t = &t;
        st = read_table(c, k, pass, nbidfiles);
        csv_table_free(&t);
        c->t = NULL;
        if (st != ANBUD_OK) break;
    }
    xlsx_close(&b);
    c->file = f->path;
    if (st == ANBUD_OK && !used)
        st = error_set(c->err, ANBUD_EINPUT, f->path, 0, 0, "no sheet of the workbook has the header of "
                       "bids (%s), scores (%s) or requirement answers (%s)", kind_header[K_BIDS],
                       kind_header[K_SCORES], kind_header[K_REQS]);
    return st;
}

/* A datetime column: every value with a UTC offset, or none (a time
   without one cannot be put beside one with it without a guess). */
static anbud_status check_offsets(const anbud_inputs *in, const model *m, anbud_error *err)
{
    int f, b, first;
    for (f = 0; f < m->nfields; f++) {
        if (m->fields[f].kind != FIELD_DATETIME) continue;
        for (first = -1, b = 0; b < in->nbids; b++) {
            const input_value *v = &in->bids[b].fields[f], *w;
            if (!v->present) continue;
            if (first < 0) { first = b; continue; }
            w = &in->bids[first].fields[f];
            if (v->offset != w->offset)
                return error_set(err, ANBUD_EINPUT, v->at.file, v->at.line, v->at.col,
                                 "\"%.60s\" in column \"%s\" has %s UTC offset, but \"%.60s\" (bid %s) %s; "
                                 "give every time of the column with its offset (such as +01:00 or Z), "
                                 "or none", v->text, m->fields[f].id, v->offset ? "a" : "no",
                                 w->text, in->bids[first].id, w->offset ? "has one" : "has none");
        }
    }
    return ANBUD_OK;
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/'), *b = strrchr(path, '\\');
    if (b && (!s || b > s)) s = b;
    return s ? s + 1 : path;
}

static int cmp_path(const void *a, const void *b)
{
    const char *x = ((const input_file *)a)->path, *y = ((const input_file *)b)->path;
    int c = strcmp(base_name(x), base_name(y));
    return c ? c : strcmp(x, y);
}

anbud_status input_read(anbud_inputs *in, const model *m, char **paths,
                        int npaths, anbud_error *err)
{
    ctx c;
    csv_table t;
    enum kind k = K_UNKNOWN;
    int i, pass, nbidfiles = 0;
    anbud_status st = ANBUD_OK;

    memset(in, 0, sizeof *in);
    memset(&c, 0, sizeof c);
    memset(&t, 0, sizeof t);
    c.in = in;
    c.m = m;
    c.err = err;
    if (npaths > INPUT_MAX_FILES)
        return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "too many input "
                         "files (%d); expected at most %d", npaths,
                         INPUT_MAX_FILES);
    if (npaths <= 0)
        return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "no input files; "
                         "expected a bids file and any scores and "
                         "requirements files");
    in->files = calloc((size_t)npaths, sizeof *in->files);
    c.book_bids = calloc((size_t)npaths, sizeof *c.book_bids);
    c.book_nbids = calloc((size_t)npaths, sizeof *c.book_nbids);
    if (!in->files || !c.book_bids || !c.book_nbids) {
        free(c.book_bids);
        free(c.book_nbids);
        free(in->files);
        in->files = NULL;
        return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "out of memory");
    }
    in->nfiles = npaths;
    for (i = 0; i < npaths; i++)
        if (!(in->files[i].path = strdup(paths[i]))) {
            st = error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "out of memory");
            goto fail;
        }
    /* by name: the outputs list the files, and bids files are read in
       this order, so neither depends on the order of the arguments */
    qsort(in->files, (size_t)npaths, sizeof *in->files, cmp_path);
    for (i = 0; i < npaths; i++) {
        int j;
        in->files[i].name = base_name(in->files[i].path);
        for (j = 0; j < i; j++)
            if (strcmp(in->files[i].path, in->files[j].path) == 0) {
                st = error_set(err, ANBUD_EUSAGE, in->files[i].path, 0, 0, "given "
                               "twice as input; expected each file once");
                goto fail;
            }
    }
    /* pass 0 reads every file and keeps the bids; pass 1 reads the scores
       and answers again, so that one table at a time is in memory */
    for (pass = 0; pass < 2; pass++) {
        for (i = 0; i < npaths; i++) {
            if (pass == 1 && strcmp(in->files[i].kind, "bids") == 0) continue;
            c.file = in->files[i].path;
            c.book = i;
            if (is_xlsx(in->files[i].path)) {
                st = read_book(&c, i, pass, &nbidfiles);
                if (st != ANBUD_OK) goto fail;
                continue;
            }
            st = open_file(&c, i, &t, &k);
            if (st != ANBUD_OK) goto fail;
            c.t = &t;
            st = read_table(&c, k, pass, &nbidfiles);
            csv_table_free(&t);
            if (st != ANBUD_OK) goto fail;
        }
        if (pass == 0 && (st = check_offsets(in, m, err)) != ANBUD_OK) goto fail;
        if (nbidfiles == 0) {
            st = error_set(err, ANBUD_EINPUT, NULL, 0, 0, "no bids file among "
                           "the inputs; expected a file with the header %s",
                           kind_header[K_BIDS]);
            goto fail;
        }
    }
    strmap_free(&c.bids);
    strmap_free(&c.bidlots);
    strmap_free(&c.seen);
    free(c.rowrefs);
    free(c.book_bids);
    free(c.book_nbids);
    free(c.who);
    free(c.who_fold);
    return ANBUD_OK;
fail:
    csv_table_free(&t);
    strmap_free(&c.bids);
    strmap_free(&c.bidlots);
    strmap_free(&c.seen);
    free(c.rowrefs);
    free(c.book_bids);
    free(c.book_nbids);
    free(c.who);
    free(c.who_fold);
    input_free(in);
    return st;
}

void input_free(anbud_inputs *in)
{
    int i;
    if (!in) return;
    for (i = 0; i < in->nfiles; i++) free(in->files[i].path);
    free(in->files);
    for (i = 0; i < in->nplaces; i++) free(in->places[i]);
    free(in->places);
    for (i = 0; i < in->nbids; i++) bid_clear(&in->bids[i]);
    free(in->bids);
    for (i = 0; i < in->nscores; i++) {
        free(in->scores[i].evaluator);
        free(in->scores[i].justification);
        mpq_clear(in->scores[i].value);
    }
    free(in->scores);
    for (i = 0; i < in->nanswers; i++) free(in->answers[i].reason);
    free(in->answers);
    memset(in, 0, sizeof *in);
}

/* {=========== one lot's inputs ============ */

typedef struct id_row { char *key; int row; } id_row;

static int cmp_id_row(const void *a, const void *b)
{
    const id_row *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->row > y->row) - (x->row < y->row);
}

static char *dup_or_null(const char *s, int *fail)
{
    char *d;
    if (!s) return NULL;
    d = strdup(s);
    if (!d) *fail = 1;
    return d;
}

anbud_status input_select_lot(anbud_inputs *out, const anbud_inputs *all, const model *whole,
                              const model *view, int lot, anbud_error *err)
{
    int i, j, fail = 0, n = all->nbids;
    int *first = NULL, *in_lot = NULL, *field_of = NULL;
    id_row *ids = NULL;

    memset(out, 0, sizeof *out);
    first = malloc(((size_t)n + 1) * sizeof *first);     /* row -> first row of its id */
    in_lot = malloc(((size_t)n + 1) * sizeof *in_lot);   /* first row -> its row in lot, or -1 */
    ids = calloc((size_t)n + 1, sizeof *ids);
    field_of = calloc((size_t)view->nfields + 1, sizeof *field_of);
    out->files = calloc((size_t)all->nfiles + 1, sizeof *out->files);
    out->bids = calloc((size_t)n + 1, sizeof *out->bids);
    out->scores = calloc((size_t)all->nscores + 1, sizeof *out->scores);
    out->answers = calloc((size_t)all->nanswers + 1, sizeof *out->answers);
    if (!first || !in_lot || !ids || !field_of || !out->files || !out->bids || !out->scores || !out->answers)
        goto nomem;
    for (i = 0; i < all->nfiles; i++) {
        out->files[i] = all->files[i];
        out->files[i].path = dup_or_null(all->files[i].path, &fail);
        if (out->files[i].path) out->files[i].name = out->files[i].path + (all->files[i].name - all->files[i].path);
        out->nfiles++;
    }
    for (i = 0; i < n; i++) {
        ids[i].key = text_name_fold(all->bids[i].id);
        ids[i].row = i;
        if (!ids[i].key) goto nomem;
    }
    qsort(ids, (size_t)n, sizeof *ids, cmp_id_row);
    for (i = 0; i < n; i = j) {
        for (j = i; j < n && strcmp(ids[j].key, ids[i].key) == 0; j++) first[ids[j].row] = ids[i].row;
    }
    for (i = 0; i < n; i++) in_lot[i] = -1;
    for (i = 0; i < view->nfields; i++) field_of[i] = model_find_field(whole, view->fields[i].id);

    for (i = 0; i < n; i++) {
        const input_bid *a = &all->bids[i];
        input_bid *b;
        if (a->lot != lot) continue;
        b = &out->bids[out->nbids];
        in_lot[first[i]] = out->nbids++;
        b->id = dup_or_null(a->id, &fail);
        b->bidder = dup_or_null(a->bidder, &fail);
        b->lot = a->lot;
        b->at = a->at;
        b->orgs = calloc((size_t)a->norgs + 1, sizeof *b->orgs);
        if (!b->orgs) goto nomem;
        for (j = 0; j < a->norgs; j++) b->orgs[b->norgs++] = dup_or_null(a->orgs[j], &fail);
        b->fields = calloc((size_t)view->nfields + 1, sizeof *b->fields);
        if (!b->fields) goto nomem;
        b->nfields = view->nfields;
        for (j = 0; j < view->nfields; j++) {
            input_value *v = &b->fields[j];
            if (field_of[j] >= 0) *v = a->fields[field_of[j]];
            else v->answer = -1;
            mpq_init(v->num);
            if (field_of[j] < 0) continue;
            mpq_set(v->num, a->fields[field_of[j]].num);
            v->text = dup_or_null(a->fields[field_of[j]].text, &fail);
        }
    }
    for (i = 0; i < all->nscores; i++) {
        const input_score *a = &all->scores[i];
        input_score *s;
        int bid = in_lot[first[a->bid]], k;
        if ((a->lot >= 0 && a->lot != lot) || bid < 0) continue;
        k = model_find_criterion(view, whole->criteria[a->criterion].id);
        if (k < 0) continue;   /* a criterion of other lots */
        s = &out->scores[out->nscores++];
        *s = *a;
        s->bid = bid;
        s->criterion = k;
        mpq_init(s->value);
        mpq_set(s->value, a->value);
        s->evaluator = dup_or_null(a->evaluator, &fail);
        s->justification = dup_or_null(a->justification, &fail);
    }
    for (i = 0; i < all->nanswers; i++) {
        const input_answer *a = &all->answers[i];
        input_answer *s;
        int bid = in_lot[first[a->bid]], k;
        if ((a->lot >= 0 && a->lot != lot) || bid < 0) continue;
        k = model_find_requirement(view, whole->reqs[a->requirement].id);
        if (k < 0) continue;
        s = &out->answers[out->nanswers++];
        *s = *a;
        s->bid = bid;
        s->requirement = k;
        s->reason = dup_or_null(a->reason, &fail);
    }
    if (fail) goto nomem;
    for (i = 0; i < n; i++) free(ids[i].key);
    free(ids); free(first); free(in_lot); free(field_of);
    return ANBUD_OK;
nomem:
    if (ids) for (i = 0; i < n; i++) free(ids[i].key);
    free(ids); free(first); free(in_lot); free(field_of);
    input_free(out);
    return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "out of memory");
}
/* }================================= */

int input_evaluator_number(const anbud_inputs *in, int s)
{
    int j, k, n = 0;
    const input_score *sc = &in->scores[s];
    if (sc->consensus || !sc->evaluator) return 0;
    for (j = 0; j < in->nscores; j++) {
        const input_score *o = &in->scores[j];
        int first = 1;
        if (o->consensus || !o->evaluator) continue;
        for (k = 0; k < j && first; k++)
            if (!in->scores[k].consensus && in->scores[k].evaluator &&
                strcmp(in->scores[k].evaluator, o->evaluator) == 0) first = 0;
        n += first;
        if (strcmp(o->evaluator, sc->evaluator) == 0) return n;
    }
    return n;
}

/* 1 if the byte at p can be part of a word (a letter, a digit, or UTF-8). */
static int word_byte(const char *p)
{
    unsigned char c = (unsigned char)*p;
    return c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_';
}

char *input_text_without_evaluators(const anbud_inputs *in, const char *text, const char *lang)
{
    const char *p = text ? text : "";
    size_t cap = strlen(p) + 1, len = 0;
    char *out = xalloc_zeroed(cap, 1);
    int s;
    /* one pass, left to right: a name put in is never looked at again */
    while (*p) {
        int best = -1;
        size_t blen = 0, add;
        char who[64];
        const char *put = p;
        if (p == text || !word_byte(p - 1))
            for (s = 0; s < in->nscores; s++) {   /* the longest name that starts here */
                const char *e = in->scores[s].evaluator;
                size_t n;
                if (in->scores[s].consensus || !e || !e[0]) continue;
                n = strlen(e);
                if (n > blen && strncmp(p, e, n) == 0 && !word_byte(p + n)) { best = s; blen = n; }
            }
        if (best >= 0) {
            words_snprintf(who, sizeof who, lang, W_EVAL_EVALUATOR_N, input_evaluator_number(in, best));
            put = who;
            add = strlen(who);
            p += blen;
        } else {
            add = 1;
            p++;
        }
        if (len + add + 1 > cap) {
            char *r;
            cap = 2 * (len + add + 1);
            r = xalloc_zeroed(cap, 1);
            memcpy(r, out, len);
            free(out);
            out = r;
        }
        memcpy(out + len, put, add);
        len += add;
        out[len] = '\0';
    }
    return out;
}
