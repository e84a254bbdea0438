/* SPDX-License-Identifier: MIT */
/*
** verify.c: comparing a received workbook with the one anbud computes
** (verify.h). Both are read with the .xlsx reader (xlsxread.h): the same
** limits as for input, so a hostile file cannot do more harm here.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "verify.h"
#include "xlsxread.h"
#include "workbook.h"
#include "sha256.h"

#define SHOW_MAX 60         /* bytes of a cell's text in a message */

static char *dup(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d) { fputs("anbud: out of memory\n", stderr); exit(2); }
    return d;
}

anbud_status verify_read_options(const char *path, verify_options *o, anbud_error *err)
{
    xlsx_book b;
    char **names = NULL, **values = NULL;
    int n = 0, i;
    anbud_status st;
    memset(o, 0, sizeof *o);
    st = xlsx_open(&b, path, err);
    if (st) return st;
    st = xlsx_read_properties(&b, &names, &values, &n, err);
    xlsx_close(&b);
    if (st) return st;
    for (i = 0; i < n; i++) {
        const char *k = names[i], *v = values[i];
        if (strcmp(k, WORKBOOK_PROP_DATE) == 0 && !o->date) o->date = dup(v);
        else if (strcmp(k, WORKBOOK_PROP_LANG) == 0 && !o->lang) o->lang = dup(v);
        else if (strcmp(k, WORKBOOK_PROP_SEED) == 0 && !o->seed) o->seed = dup(v);
        else if (strcmp(k, WORKBOOK_PROP_AWARD_DATE) == 0 && !o->award_date) o->award_date = dup(v);
        else if (strcmp(k, WORKBOOK_PROP_NOTICE) == 0 && !o->notice) o->notice = dup(v);
        else if (strcmp(k, WORKBOOK_PROP_PUBLIC) == 0) o->public_variant = strcmp(v, "yes") == 0;
        else if (strcmp(k, WORKBOOK_PROP_PROBE) == 0) o->probe = strcmp(v, "yes") == 0;
    }
    for (i = 0; i < n; i++) { free(names[i]); free(values[i]); }
    free(names);
    free(values);
    if (!o->date || !o->lang) {
        verify_options_free(o);
        return error_set(err, ANBUD_EINPUT, path, 0, 0, "the workbook does not record the options "
                         "of its evaluation (document properties %s and %s): it was not written "
                         "by this version of anbud", WORKBOOK_PROP_DATE, WORKBOOK_PROP_LANG);
    }
    return ANBUD_OK;
}

void verify_options_free(verify_options *o)
{
    free(o->date); free(o->lang); free(o->seed); free(o->award_date); free(o->notice);
    memset(o, 0, sizeof *o);
}

/* s quoted for a message, cut at a character boundary. */
static const char *show(char *buf, size_t size, const char *formula, const char *value)
{
    const char *s = formula ? formula : value;
    size_t n = strlen(s), cut = n;
    if (n > SHOW_MAX) {
        cut = SHOW_MAX;
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80) cut--;
    }
    snprintf(buf, size, "%s\"%s%.*s%s\"", formula ? "the formula " : "", formula ? "=" : "",
             (int)cut, s, cut < n ? "..." : "");
    return buf;
}

static int same_text(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return strcmp(a, b) == 0;
}

/* The first cell of sheet s that differs: 1 (err set), 0 none, or an error. */
static anbud_status compare_sheet(xlsx_book *rb, xlsx_book *cb, int s, const char *received,
                                  anbud_error *err, int *found)
{
    xlsx_cells r, c;
    anbud_status st;
    size_t i = 0, j = 0;
    char where[600], x[SHOW_MAX + 32], y[SHOW_MAX + 32];
    *found = 0;
    st = xlsx_read_cells(rb, s, &r, err);
    if (st) return st;
    st = xlsx_read_cells(cb, s, &c, err);
    if (st) { xlsx_cells_free(&r); return st; }
    snprintf(where, sizeof where, "%s" XLSX_SHEET_SEP "%s", received, rb->sheet_names[s]);
    while (i < r.n || j < c.n) {
        const xlsx_cell *a = i < r.n ? &r.cells[i] : NULL, *b = j < c.n ? &c.cells[j] : NULL;
        int order = !a ? 1 : !b ? -1 : a->row != b->row ? (a->row < b->row ? -1 : 1)
                                   : a->col != b->col ? (a->col < b->col ? -1 : 1) : 0;
        if (order < 0) {
            error_set(err, ANBUD_DIFFERS, where, a->row, a->col, "differs from what anbud computes: "
                      "the workbook has %s where anbud writes nothing", show(x, sizeof x, a->formula, a->value));
            *found = 1;
            break;
        }
        if (order > 0) {
            error_set(err, ANBUD_DIFFERS, where, b->row, b->col, "differs from what anbud computes: "
                      "the cell is empty in the workbook, anbud computes %s", show(y, sizeof y, b->formula, b->value));
            *found = 1;
            break;
        }
        if (!same_text(a->formula, b->formula) || !same_text(a->value, b->value)) {
            int by_formula = !same_text(a->formula, b->formula);
            error_set(err, ANBUD_DIFFERS, where, a->row, a->col, "differs from what anbud computes: "
                      "the workbook has %s, anbud computes %s",
                      show(x, sizeof x, by_formula ? a->formula : NULL, a->value),
                      show(y, sizeof y, by_formula ? b->formula : NULL, b->value));
            *found = 1;
            break;
        }
        i++;
        j++;
    }
    xlsx_cells_free(&r);
    xlsx_cells_free(&c);
    return ANBUD_OK;
}

anbud_status verify_compare(const char *received, const char *computed, anbud_error *err)
{
    xlsx_book rb, cb;
    char hr[65], hc[65];
    anbud_status st;
    int s, found = 0, i, nr, nc;
    if (sha256_file(received, hr) == 0 && sha256_file(computed, hc) == 0 && strcmp(hr, hc) == 0)
        return ANBUD_OK;
    st = xlsx_open(&rb, received, err);
    if (st) return st;
    st = xlsx_open(&cb, computed, err);
    if (st) { xlsx_close(&rb); return st; }
    for (s = 0; !st && !found && (s < rb.nsheets || s < cb.nsheets); s++) {
        if (s >= rb.nsheets || s >= cb.nsheets || strcmp(rb.sheet_names[s], cb.sheet_names[s]) != 0) {
            st = error_set(err, ANBUD_DIFFERS, received, 0, 0, "differs from what anbud computes: sheet %d "
                           "is \"%s\" in the workbook, \"%s\" in anbud's", s + 1,
                           s < rb.nsheets ? rb.sheet_names[s] : "(none)", s < cb.nsheets ? cb.sheet_names[s] : "(none)");
            found = 1;
            break;
        }
        st = compare_sheet(&rb, &cb, s, received, err, &found);
        if (found) st = ANBUD_DIFFERS;
    }
    /* the same cells: a part other than the sheets' cells (styles, names,
       charts, properties), by the zip directory's CRC-32 and size */
    nr = xlsx_part_count(&rb);
    nc = xlsx_part_count(&cb);
    for (i = 0; !st && (i < nr || i < nc); i++) {
        const char *na = NULL, *nb = NULL;
        unsigned long ca = 0, cc = 0;
        unsigned long long sa = 0, sc = 0;
        if (i < nr && (st = xlsx_part_info(&rb, i, 0, &na, &ca, &sa, err))) break;
        if (i < nc && (st = xlsx_part_info(&cb, i, 0, &nb, &cc, &sc, err))) break;
        if (!na || !nb || strcmp(na, nb) != 0)
            st = error_set(err, ANBUD_DIFFERS, received, 0, 0, "differs from what anbud computes: "
                           "the part %s is %s", na && (!nb || strcmp(na, nb) < 0) ? na : nb,
                           na && (!nb || strcmp(na, nb) < 0) ? "not in anbud's workbook" : "missing");
        else if (ca != cc || sa != sc)
            st = error_set(err, ANBUD_DIFFERS, received, 0, 0, "differs from what anbud computes: "
                           "the part %s differs (same cells, other formatting or structure)", na);
    }
    /* the same directory: every received part must hold the bytes its CRC
       says (a directory copied from anbud's over other bytes) */
    for (i = 0; !st && i < nr; i++) {
        const char *na;
        unsigned long ca;
        unsigned long long sa;
        st = xlsx_part_info(&rb, i, 1, &na, &ca, &sa, err);
    }
    xlsx_close(&rb);
    xlsx_close(&cb);
    return st;
}
