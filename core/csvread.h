/* SPDX-License-Identifier: MIT */
/*
** csvread.h: reading a CSV file into a table of text cells, as Swedish Excel and
** plain tools write it: ';' or ',' or tab, quotes, UTF-8 with or without
** BOM or Windows-1252 (converted to UTF-8), an optional "sep=;" first line.
** Knows nothing of bids or models: only cells, and where each one was.
*/
#ifndef ANBUD_CSVREAD_H
#define ANBUD_CSVREAD_H

#include <stddef.h>
#include "error.h"

/* Limits for untrusted files (README "Inputs" states them). */
#define CSV_MAX_BYTES   (64L * 1024 * 1024)
#define CSV_MAX_ROWS    1000000  /* under the header: a national framework,
                                    2 000 bids × 40 criteria × 5 evaluators */
#define CSV_MAX_COLS    1024
#define CSV_MAX_FIELD   32767    /* bytes in one cell: Excel holds 32 767
                                    characters (UTF-16 units, never more
                                    than UTF-8 bytes), so every cell read
                                    fits in the audit workbook */
#define CSV_MAX_CELLS   8000000  /* cells in one file, rows (with the
                                    header) times columns: 1 000 000 score
                                    rows of up to 8 columns; bounds memory */

typedef struct csv_cell {
    char *text;             /* UTF-8, NUL-terminated, never NULL ("" if empty);
                               unquoted cells trimmed of spaces and tabs */
    long line;              /* where the cell starts (1-based; CR, LF and
                               CRLF each end a line, also inside quotes) */
    int col;                /* 1-based field number in its row (an int: a
                               cell is 24 bytes, a million of them per file) */
    int quoted;             /* it was written in quotes */
} csv_cell;

typedef struct csv_row {
    csv_cell *cells;
    int ncells;
    long line;
} csv_row;

typedef struct csv_table {
    char *path;
    char sha256[65];        /* of the file's bytes as read */
    char delim;             /* ';' ',' or '\t': from a "sep=" first line, else
                               the most frequent of them outside quotes in
                               the header (';' on a tie or when none) */
    char decimal;           /* ',' for ';' files, '.' for ',' files, 0 for tab */
    int encoding_cp1252;    /* the file was Windows-1252, converted */
    csv_row *rows;          /* rows[0] is the header; blank lines and rows
                               whose cells are all empty (;;;) skipped */
    int nrows;
    /* private to csv.c: one block holds every cell, one every text */
    csv_cell *cell_block;
    char *text_block;
} csv_table;

/* Read path. Errors (I/O: ANBUD_EUSAGE; content: ANBUD_EINPUT) name the file,
   line and column (the field number, as in csv_cell.col): bad quoting, too
   many columns, a row whose count differs from the header's, empty file, an
   empty or duplicate (ignoring case) column name, invalid text, NUL bytes,
   size limits. On error t is freed and zeroed. */
anbud_status csv_read(csv_table *t, const char *path, anbud_error *err);
/* Free what csv_read filled in and zero t. (Not csv_free: libcsv has one.) */
void csv_table_free(csv_table *t);

#endif
