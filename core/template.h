/* SPDX-License-Identifier: MIT */
/*
** template.h: the input form a model expects, for the procurer and the
** panel to fill and `anbud evaluate` to read back: an .xlsx workbook (an
** instructions sheet, then one sheet per input table with the reader's
** header in row 1) or the same tables as ';'-separated CSV files.
*/
#ifndef ANBUD_TEMPLATE_H
#define ANBUD_TEMPLATE_H

#include <stdio.h>
#include <time.h>
#include "error.h"
#include "model.h"

#define TEMPLATE_MAX_BIDS       1000    /* --bids: bid slots */
#define TEMPLATE_MAX_EVALUATORS 50      /* --evaluators: scores sheets */

typedef struct template_options {
    const char *lang;       /* "sv" or "en": sheet names, header words, texts */
    int bids;               /* bid slots: rows of the bids sheet, blocks of the others */
    int evaluators;         /* one scores sheet (and CSV block) per evaluator */
    const char *version;    /* anbud's version, shown on the instructions sheet */
    time_t created;         /* the workbook's creation time (fixed: reproducible) */
} template_options;

/* What a column of the bids table holds. */
typedef enum template_role {
    TEMPLATE_BID = 0,       /* the bid's id */
    TEMPLATE_BIDDER,        /* the organisation(s) behind it */
    TEMPLATE_LOT,           /* the lot (delområde) the row is for, in a model with lots */
    TEMPLATE_FIELD          /* a model field (price line, declared answer, ...) */
} template_role;

typedef struct template_column {
    template_role role;
    int field;              /* TEMPLATE_FIELD: index into model.fields, else -1 */
    const char *header;     /* the header word, as the input reader accepts it */
} template_column;

/* The columns of the bids table, in order (the one place that decides
   them, for the workbook and the CSV alike): bid, bidder, the lot when the
   model has lots, then every model field except the requirements' own
   columns (requirements are answered on the requirements sheet, with a
   reason). malloc'd into *cols; returns their number, or -1 when out of
   memory. */
int template_bids_columns(const model *m, const char *lang, template_column **cols);

/* 1 if criterion k takes the panel's scores (a scores row): not the price,
   not a group, not declared by the bidder in a bids column. */
int template_scored(const model *m, int k);

/* Write the input form workbook of m to path (the caller writes to a
   temporary name and renames it). ANBUD_EUSAGE on a write error. */
anbud_status template_write_xlsx(const model *m, const char *path,
                                 const template_options *o, anbud_error *err);

/* The CSV tables of the form, in the order they are written. */
typedef enum template_csv {
    TEMPLATE_CSV_BIDS = 0,
    TEMPLATE_CSV_SCORES,
    TEMPLATE_CSV_REQUIREMENTS,
    TEMPLATE_CSV_COUNT
} template_csv;

/* The file name of table t ("bids.csv", "scores.csv", "requirements.csv"),
   or NULL when m needs no such table (no scored criteria, no requirements);
   with m NULL, the name whatever the model (to clean up temporary files). */
const char *template_csv_name(const model *m, template_csv t);

/* Write table t to f: UTF-8 with a byte-order mark (so that Excel reads it
   as UTF-8), ';' separators, the header row, then the pre-filled rows of the
   workbook's sheet (none for bids). ANBUD_EUSAGE on a write error. */
anbud_status template_write_csv(FILE *f, const model *m, template_csv t,
                                const template_options *o, anbud_error *err);

#endif
