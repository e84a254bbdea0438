/* SPDX-License-Identifier: MIT */
/*
** words.h: every word a reader sees (workbook, documents, the evaluation's
** reasons and warnings), in one place per language: core/words_sv.c and
** core/words_en.c give each id below its text. A reader who wants to know
** what a page says, or a translator, reads those two files.
**
** A text may be a printf format; the comment beside its id says which
** arguments it takes, in order. Both languages must take the same
** conversions in the same order and every id must have a text in both:
** tests/unit/test_words.c checks that for every id.
**
** Ids are grouped by who writes them; add an id at the end of its group.
*/
#ifndef ANBUD_WORDS_H
#define ANBUD_WORDS_H

#include <stdarg.h>

typedef enum word_id {
    W_NONE = 0,

    /* {== the evaluation: stage names, reasons, warnings, tie-break rules */
    W_EVAL_FIRST_,
    W_EVAL_LAST_,

    /* {== the workbook */
    W_BOOK_FIRST_,
    W_BOOK_LAST_,

    /* {== the documents: award decision, letters, individual report */
    W_DOC_FIRST_,
    W_DOC_LAST_,

    /* {== the template (the input form) */
    W_FORM_FIRST_,
    W_FORM_LAST_,

    W_COUNT
} word_id;

/* The texts of one language, indexed by word_id (NULL: a marker id). */
extern const char *const words_en[W_COUNT];
extern const char *const words_sv[W_COUNT];

/* The table of lang ("sv" or "en"; anything else is English). */
const char *const *words_table(const char *lang);

/* The text of id w in lang. */
const char *words_text(const char *lang, word_id w);

/* The text of id w in lang with its arguments filled in (printf), malloc'd;
   exits on out of memory as xalloc does. */
char *words_printf(const char *lang, word_id w, ...);
char *words_vprintf(const char *lang, word_id w, va_list ap);

/* Into buf of size (truncated, always terminated); returns the length the
   whole text needs, as snprintf. */
int words_snprintf(char *buf, unsigned long size, const char *lang, word_id w, ...);

#endif
