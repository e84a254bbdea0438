/* SPDX-License-Identifier: MIT */
/*
 * bench/floor: the floor for writing a workbook with libxlsxwriter — the same cells as
 * anbud's audit workbook and nothing else.
 *
 *   floor [--constant-memory] OUT.xlsx NUMBERS STRINGS FORMULAS
 *         [BLANKS [SHEETS [UNIQUE [STR_FORMULAS]]]]
 *
 * NUMBERS   number cells (worksheet_write_number)
 * STRINGS   string cells (worksheet_write_string), drawn in turn from UNIQUE distinct
 *           strings of about 20 bytes (default: every string distinct)
 * FORMULAS  formula cells (worksheet_write_formula_num: a simple formula such as =A1*2
 *           with its cached value)
 * STR_FORMULAS  how many of FORMULAS have a text result (worksheet_write_formula_str,
 *           =IF(A1>0,"OK","AVVIKER") cached "OK", like anbud's check cells); default 0
 * BLANKS    formatted empty cells (worksheet_write_blank), default 0
 * SHEETS    the cells are spread evenly over this many worksheets (default 1)
 *
 * Cells are laid out row by row, 50 columns to a row: first the numbers, then the strings,
 * then the text-result formulas, the other formulas, then the blanks, so each row is written once (constant_memory allows
 * only increasing rows). Exit 0 on success, 2 on a usage error, 1 if libxlsxwriter fails.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#define ROW_CELLS 50

static long arg(const char *s, const char *what)
{
    char *end;
    long v;
    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || *end || end == s || v < 0) {
        fprintf(stderr, "floor: %s must be a whole number >= 0, not \"%s\"\n", what, s);
        exit(2);
    }
    return v;
}

static void check(lxw_error e, const char *what)
{
    if (e != LXW_NO_ERROR) {
        fprintf(stderr, "floor: %s: %s\n", what, lxw_strerror(e));
        exit(1);
    }
}

int main(int argc, char **argv)
{
    lxw_workbook_options opt = { 0 };
    lxw_doc_properties props = { 0 };
    lxw_workbook *wb;
    lxw_format *blankfmt;
    const char *out;
    long numbers, strings, formulas, blanks = 0, sheets = 1, unique, strformulas = 0;
    long total, per_sheet, s, i, a = 1;
    char text[64], formula[64], name[32];

    if (argc > 1 && strcmp(argv[1], "--constant-memory") == 0) {
        opt.constant_memory = LXW_TRUE;
        a = 2;
    }
    if (argc - a < 4 || argc - a > 8) {
        fprintf(stderr, "usage: floor [--constant-memory] OUT.xlsx NUMBERS STRINGS FORMULAS "
                        "[BLANKS [SHEETS [UNIQUE [STR_FORMULAS]]]]\n");
        return 2;
    }
    out = argv[a];
    numbers = arg(argv[a + 1], "NUMBERS");
    strings = arg(argv[a + 2], "STRINGS");
    formulas = arg(argv[a + 3], "FORMULAS");
    if (argc - a > 4) blanks = arg(argv[a + 4], "BLANKS");
    if (argc - a > 5) sheets = arg(argv[a + 5], "SHEETS");
    unique = strings;
    if (argc - a > 6) unique = arg(argv[a + 6], "UNIQUE");
    if (argc - a > 7) strformulas = arg(argv[a + 7], "STR_FORMULAS");
    if (strformulas > formulas) {
        fprintf(stderr, "floor: STR_FORMULAS must not exceed FORMULAS\n");
        return 2;
    }
    if (sheets < 1) sheets = 1;
    if (unique < 1) unique = 1;

    wb = workbook_new_opt(out, &opt);
    if (!wb) {
        fprintf(stderr, "floor: cannot create %s\n", out);
        return 1;
    }
    props.title = "floor";
    props.created = (time_t)1700000000;   /* byte-reproducible output */
    check(workbook_set_properties(wb, &props), "properties");
    blankfmt = workbook_add_format(wb);
    format_set_bg_color(blankfmt, LXW_COLOR_YELLOW);

    total = numbers + strings + formulas + blanks;
    per_sheet = (total + sheets - 1) / sheets;
    i = 0;   /* index of the next cell over all sheets */
    for (s = 0; s < sheets; s++) {
        lxw_worksheet *ws;
        long k, end = (s + 1) * per_sheet;
        if (end > total) end = total;
        snprintf(name, sizeof name, "Blad%ld", s + 1);
        ws = workbook_add_worksheet(wb, name);
        if (!ws) {
            fprintf(stderr, "floor: cannot add sheet %s\n", name);
            return 1;
        }
        for (k = 0; i < end; i++, k++) {
            lxw_row_t row = (lxw_row_t)(k / ROW_CELLS);
            lxw_col_t col = (lxw_col_t)(k % ROW_CELLS);
            if (i < numbers) {
                check(worksheet_write_number(ws, row, col, (double)(i % 100000) / 100.0, NULL),
                      "write_number");
            } else if (i < numbers + strings) {
                long u = (i - numbers) % unique;
                snprintf(text, sizeof text, "Anbudsgivare %06ld AB", u);
                check(worksheet_write_string(ws, row, col, text, NULL), "write_string");
            } else if (i < numbers + strings + strformulas) {
                /* a text result; every other one refers to the cell to its left */
                if (col == 0)
                    snprintf(formula, sizeof formula, "=IF(%ld>0,\"OK\",\"AVVIKER\")", (long)(i % 1000));
                else
                    snprintf(formula, sizeof formula, "=IF(ABS(A%lu)>=0,\"OK\",\"AVVIKER\")",
                             (unsigned long)row + 1);
                check(worksheet_write_formula_str(ws, row, col, formula, NULL, "OK"),
                      "write_formula_str");
            } else if (i < numbers + strings + formulas) {
                /* =A<row>*2 (or =1+1 in column A itself), with its value cached */
                double v;
                if (col == 0) {
                    snprintf(formula, sizeof formula, "=%ld+1", (long)(i % 1000));
                    v = (double)(i % 1000) + 1.0;
                } else {
                    snprintf(formula, sizeof formula, "=A%lu*2", (unsigned long)row + 1);
                    v = 2.0;   /* a cached value; correctness of the cache is not measured */
                }
                check(worksheet_write_formula_num(ws, row, col, formula, NULL, v),
                      "write_formula_num");
            } else {
                check(worksheet_write_blank(ws, row, col, blankfmt), "write_blank");
            }
        }
    }
    check(workbook_close(wb), "close");
    return 0;
}
