/* SPDX-License-Identifier: MIT */
/*
** test_words.c: every id of words.h has a text in each language, and the
** two texts of an id take the same printf conversions in the same order
** (a Swedish text that read "%s" where the English one reads "%d" would be
** undefined behaviour at the call). The documents' words take only %s,
** %d and %% (html_wordf).
*/
#include <stdio.h>
#include <string.h>
#include "words.h"

static int passed, failed;

/* The conversions of a printf format, as one string: "s,d,zu,". */
static void conversions(const char *f, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (; *f; f++) {
        if (*f != '%') continue;
        f++;
        if (*f == '%') continue;
        while (*f && strchr("-+ #0123456789.*'", *f)) {
            if (*f == '*' && n + 2 < size) { out[n++] = '*'; out[n++] = ','; }
            f++;
        }
        while (*f && strchr("hlLqjzt", *f) && n + 1 < size) out[n++] = *f++;
        if (*f && n + 2 < size) { out[n++] = *f; out[n++] = ','; }
        out[n] = '\0';
        if (!*f) break;
    }
}

static int is_marker(int w)
{
    return w == W_NONE || w == W_EVAL_FIRST_ || w == W_EVAL_LAST_ || w == W_BOOK_FIRST_ ||
           w == W_BOOK_LAST_ || w == W_DOC_FIRST_ || w == W_DOC_LAST_ ||
           w == W_FORM_FIRST_ || w == W_FORM_LAST_;
}

int main(void)
{
    int w;
    char a[200], b[200];
    for (w = 0; w < W_COUNT; w++) {
        if (is_marker(w)) continue;
        if (!words_en[w] || !words_sv[w] || !words_en[w][0] || !words_sv[w][0]) {
            failed++;
            printf("FAIL word %d: %s has no text\n", w, !words_en[w] || !words_en[w][0] ? "English" : "Swedish");
            continue;
        }
        conversions(words_en[w], a, sizeof a);
        conversions(words_sv[w], b, sizeof b);
        if (strcmp(a, b) == 0) passed++;
        else { failed++; printf("FAIL word %d: \"%s\" takes %s, \"%s\" takes %s\n", w, words_en[w], a, words_sv[w], b); }
    }
    /* the documents fill their formats through html_wordf, which takes
       %s, %d and %% only (and escapes each %s) */
    for (w = W_DOC_FIRST_ + 1; w < W_DOC_LAST_; w++) {
        const char *const *t;
        for (t = (const char *const[]){ words_en[w], words_sv[w], NULL }; *t; t++) {
            const char *p = *t;
            int okay = 1;
            while ((p = strchr(p, '%')) != NULL) {
                if (p[1] != 's' && p[1] != 'd' && p[1] != '%') okay = 0;
                p += p[1] ? 2 : 1;
            }
            if (okay) passed++;
            else { failed++; printf("FAIL word %d: \"%s\" takes more than %%s and %%d\n", w, *t); }
        }
    }
    /* the checker itself */
    conversions("%s and %5.2f, %zu%% %-*d", a, sizeof a);
    if (strcmp(a, "s,f,zu,*,d,") == 0) passed++;
    else { failed++; printf("FAIL conversions: got %s\n", a); }
    if (strcmp(words_text("sv", W_COUNT), "") == 0 && words_table("xx") == words_en) passed++;
    else { failed++; printf("FAIL lookup outside the table\n"); }
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
