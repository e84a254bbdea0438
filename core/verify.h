/* SPDX-License-Identifier: MIT */
/*
** verify.h: whether a workbook someone received is exactly the one anbud
** computes from the model and the inputs (`anbud verify`). The options the
** evaluation ran with are read from the workbook's custom document
** properties (workbook.h); the workbook is then computed again and the two
** are compared cell by cell, naming the first sheet and cell that differ.
*/
#ifndef ANBUD_VERIFY_H
#define ANBUD_VERIFY_H

#include "error.h"

/* The options a workbook records; strings malloc'd or NULL. */
typedef struct verify_options {
    char *date, *lang, *seed, *award_date, *notice;
    int public_variant, probe;
} verify_options;

/* Read them from the workbook at path. A workbook without them (not written
   by anbud, or by a version before verify) is ANBUD_EINPUT. */
anbud_status verify_read_options(const char *path, verify_options *o, anbud_error *err);
void verify_options_free(verify_options *o);

/* Compare the received workbook with the computed one. ANBUD_OK if every
   part is identical; ANBUD_DIFFERS with err naming the received file and
   the first sheet and cell (or part) that differs; another status if a file
   cannot be read. */
anbud_status verify_compare(const char *received, const char *computed, anbud_error *err);

#endif
