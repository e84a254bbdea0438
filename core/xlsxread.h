/* SPDX-License-Identifier: MIT */
/*
** xlsxread.h: reading the worksheets of an untrusted .xlsx file (as Excel,
** LibreOffice and openpyxl save it) into the tables of text cells of
** csvread.h, each cell knowing its sheet, row and column. Built on minizip
** and expat. Knows nothing of bids or models: only cells, and where each was.
*/
#ifndef ANBUD_XLSXREAD_H
#define ANBUD_XLSXREAD_H

#include "csvread.h"
#include "error.h"

/* Limits for untrusted files. A sheet's table also keeps CSV_MAX_ROWS,
   CSV_MAX_COLS, CSV_MAX_FIELD and CSV_MAX_CELLS of csvread.h. */
#define XLSX_MAX_BYTES   (64L * 1024 * 1024)  /* the .xlsx file on disk */
#define XLSX_MAX_ENTRIES 10000                /* entries in the zip directory */
#define XLSX_MAX_PART    (64L * 1024 * 1024)  /* one part (XML file) inflated,
                                                 counted while inflating */
#define XLSX_MAX_TOTAL   (256L * 1024 * 1024) /* every part read from one book,
                                                 inflated, all sheet reads */
#define XLSX_MAX_RATIO   100                  /* inflated:compressed bytes of a
                                                 part ... */
#define XLSX_RATIO_FROM  (1L * 1024 * 1024)   /* ... once it is past this
                                                 (a zip bomb otherwise) */
#define XLSX_MAX_DEPTH   64                   /* nesting of XML elements */
#define XLSX_MAX_STRINGS 1000000              /* shared strings (<si>) */
#define XLSX_MAX_STRING_BYTES (32L * 1024 * 1024) /* their text, in total */
#define XLSX_MAX_SHEETS  256                  /* <sheet> entries of the book */
#define XLSX_MAX_TEXT    (64L * 1024 * 1024)  /* cell text of every sheet
                                                 read from one opened book,
                                                 a shared string counted at
                                                 each cell that uses it: no
                                                 more than a CSV file holds */

/* The separator of file and sheet in csv_table.path and anbud_error.file:
   "form.xlsx" XLSX_SHEET_SEP "Anbud"; error_format prints "form.xlsx:Anbud!C4". */
#define XLSX_SHEET_SEP "\x1f"

typedef struct xlsx_book {
    char *path;
    char sha256[65];        /* of the file's bytes, which are the ones parsed */
    int nsheets;
    char **sheet_names;     /* worksheets in workbook (tab) order, UTF-8;
                               chart sheets are left out */
    int *sheet_hidden;      /* per sheet: 0 visible, 1 hidden, 2 very hidden */
    struct xlsx_priv *priv; /* private to xlsxread.c */
} xlsx_book;

/* Open path and read what every sheet needs: the zip directory,
   [Content_Types].xml, the workbook and its relationships, the shared
   strings and the date formats of styles.xml. Errors (missing file:
   ANBUD_EUSAGE; content: ANBUD_EINPUT) name the file, or the sheet as
   "path" XLSX_SHEET_SEP "name" for a sheet whose part is missing. On error
   b is closed and zeroed. */
anbud_status xlsx_open(xlsx_book *b, const char *path, anbud_error *err);

/* Read sheet (0 .. nsheets-1) into t, as csv_read would a CSV file: path is
   "path" XLSX_SHEET_SEP "name", sha256 the book's, delim 0, decimal '.';
   rows[0] is the first non-empty row, its trailing empty cells dropped;
   every row has the header's width, empty cells are "" and rows of empty
   cells are skipped; line is the sheet's row number and col its column
   (A = 1); quoted is 0. An empty sheet is read as nrows 0 (rows NULL), not
   an error: workbooks often have empty sheets. Numbers keep the file's
   decimal text (exponent form written out: "1E+6" is "1000000"); cells of
   a date format are
   "yyyy-mm-dd" ("yyyy-mm-dd hh:mm:ss" with a time of day, "hh:mm:ss" for a
   time alone); booleans "TRUE"/"FALSE"; formulas their saved value. Errors
   name the sheet, row and column: error values (#DIV/0!), a formula without
   a saved value, a value right of the header, an empty or duplicate column
   name, limits. On error t is freed and zeroed. */
anbud_status xlsx_read_sheet(xlsx_book *b, int sheet, csv_table *t,
                             anbud_error *err);

/* {=========== reading a workbook back as saved (anbud verify) ============ */

/* A cell as saved: its formula (without "=", or NULL) and its value (a
   shared string resolved, a number as its text, "" if none). */
typedef struct xlsx_cell {
    long row, col;
    const char *formula;
    const char *value;
} xlsx_cell;

typedef struct xlsx_cells {
    xlsx_cell *cells;       /* every cell with a value or a formula, in order */
    size_t n;
    char *text;             /* what formula and value point into */
} xlsx_cells;

/* Every cell of sheet with a value or a formula, untrimmed and untyped (no
   header, no dates). The limits of xlsx_read_sheet apply. */
anbud_status xlsx_read_cells(xlsx_book *b, int sheet, xlsx_cells *out, anbud_error *err);
void xlsx_cells_free(xlsx_cells *c);

/* The text custom document properties (docProps/custom.xml): *n pairs in
   names and values, malloc'd (free each and the arrays); none if absent. */
anbud_status xlsx_read_properties(xlsx_book *b, char ***names, char ***values, int *n,
                                  anbud_error *err);

/* The parts (zip entries), sorted by name: how many, and part i's name, its
   CRC-32 and inflated size from the zip directory; with inflate, after
   inflating and parsing it as XML (a CRC that does not match the bytes, or
   a part that is not XML, is an error). */
int xlsx_part_count(const xlsx_book *b);
anbud_status xlsx_part_info(xlsx_book *b, int i, int inflate, const char **name,
                            unsigned long *crc, unsigned long long *size, anbud_error *err);

/* }====================================== */

/* A number as xlsx_read_cells gives it, in exponent form ("1.5E-3"),
   written out as plain decimal text ("0.0015"), exactly, as xlsx_read_sheet
   does: malloc'd into *out and 1; 0 (and *out NULL) if s is no such number;
   -2 out of memory. */
int xlsx_number_plain(const char *s, size_t n, char **out);

/* Free what xlsx_open filled in and zero b (a zeroed b is fine). */
void xlsx_close(xlsx_book *b);

#endif
