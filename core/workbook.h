/* SPDX-License-Identifier: MIT */
/*
** workbook.h: the audit workbook (.xlsx, libxlsxwriter). Presents the
** evaluation: every figure of the Calculation sheet is a live Excel formula
** over the input cells, written with the engine's exact result as its cached
** value and beside a check cell that compares the two. Decides nothing.
*/
#ifndef ANBUD_WORKBOOK_H
#define ANBUD_WORKBOOK_H

#include "error.h"
#include "award.h"

typedef struct workbook_options {
    const char *lang;       /* "sv" or "en": sheet names and labels */
    int public_variant;     /* leave out confidential fields and evaluator names */
    const char *version;    /* anbud's version */
    const char *date;       /* evaluation date, YYYY-MM-DD (also the file's creation time) */
    /* recorded in the custom document properties, so that `anbud verify`
       can redo the evaluation as it was run (the date and language too) */
    const char *seed;       /* --seed, or NULL (derived) */
    const char *award_date; /* --award-date, or NULL */
    int notice_letter;      /* --notice letter */
    int probe;              /* --probe */
} workbook_options;

/* The names of those properties. */
#define WORKBOOK_PROP_DATE       "anbud.date"
#define WORKBOOK_PROP_LANG       "anbud.lang"
#define WORKBOOK_PROP_PUBLIC     "anbud.public"
#define WORKBOOK_PROP_SEED       "anbud.seed"
#define WORKBOOK_PROP_AWARD_DATE "anbud.award-date"
#define WORKBOOK_PROP_NOTICE     "anbud.notice"
#define WORKBOOK_PROP_PROBE      "anbud.probe"

/* Write the workbook of the award to path (the caller renames a temporary
   name): the six sheets of the evaluation, and with lots an Award sheet
   first and the six sheets of each lot, numbered, each lot's named cells
   local to its sheets. ANBUD_EUSAGE on a write error. */
anbud_status workbook_write(const award *a, const char *path,
                            const workbook_options *o, anbud_error *err);

/* anbud's words for a failed libxlsxwriter call: lxw is its lxw_error,
   sys the errno right after it (0 if none). Most failures on the way to
   the file are the system's (a full disk, a file-size limit), said so. */
const char *workbook_lxw_message(int lxw, int sys);

#endif
