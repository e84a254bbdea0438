/* SPDX-License-Identifier: MIT */
/*
** words_en.c: every word a reader sees, in English (ids: words.h).
*/
#include "words.h"

const char *const words_en[W_COUNT] = {
    /* {== the evaluation */

    /* {== the workbook */

    /* {== the documents */

    /* {== the template */

    [W_NONE] = "",
};
