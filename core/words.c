/* SPDX-License-Identifier: MIT */
/*
** words.c: looking up a reader's words (words.h). The texts themselves are
** in words_sv.c and words_en.c.
*/
#include <stdio.h>
#include <string.h>
#include "words.h"
#include "xalloc.h"

const char *const *words_table(const char *lang)
{
    return lang && strcmp(lang, "sv") == 0 ? words_sv : words_en;
}

const char *words_text(const char *lang, word_id w)
{
    const char *s = (unsigned)w < W_COUNT ? words_table(lang)[w] : NULL;
    return s ? s : "";
}

/* The formats come from the tables, not from literals: the compiler cannot
   check them at the call, so test_words checks that both languages agree
   on their conversions, and words.h documents each id's arguments. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *words_vprintf(const char *lang, word_id w, va_list ap)
{
    return xalloc_vprintf(words_text(lang, w), ap);
}

int words_snprintf(char *buf, unsigned long size, const char *lang, word_id w, ...)
{
    va_list ap;
    int n;
    va_start(ap, w);
    n = vsnprintf(buf, size, words_text(lang, w), ap);
    va_end(ap);
    return n;
}
#pragma GCC diagnostic pop

void words_decimal(const char *lang, char *s)
{
    if (s && words_table(lang) == words_sv)
        for (; *s; s++) if (*s == '.') *s = ',';
}

char *words_printf(const char *lang, word_id w, ...)
{
    va_list ap;
    char *s;
    va_start(ap, w);
    s = words_vprintf(lang, w, ap);
    va_end(ap);
    return s;
}
