/*
** workbook.h: the audit workbook (.xlsx, libxlsxwriter). Presents the
** evaluation: every figure of the Calculation sheet is a live Excel formula
** over the input cells, written with the engine's exact result as its cached
** value and beside a check cell that compares the two. Decides nothing.
*/
#ifndef ANBUD_WORKBOOK_H
#define ANBUD_WORKBOOK_H

#include "error.h"
#include "evaluate.h"

typedef struct workbook_options {
    const char *lang;       /* "sv" or "en": sheet names and labels */
    int public_variant;     /* leave out confidential fields and evaluator names */
    const char *version;    /* anbud's version */
    const char *date;       /* evaluation date, YYYY-MM-DD (also the file's creation time) */
} workbook_options;

/* Write the workbook of ev to path (the caller renames a temporary name).
   ANBUD_EUSAGE on a write error. */
anbud_status workbook_write(const evaluation *ev, const char *path,
                            const workbook_options *o, anbud_error *err);

#endif
