/* SPDX-License-Identifier: MIT */
/*
** words_sv.c: every word a reader sees, in Swedish (ids: words.h).
*/
#include "words.h"

const char *const words_sv[W_COUNT] = {
    /* {== the evaluation */

    /* {== the workbook */

    /* {== the documents */

    /* {== the template */

    [W_NONE] = "",
};
