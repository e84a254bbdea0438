/* SPDX-License-Identifier: MIT */
/*
** test_text.c: untrusted text shown on a terminal (text_escape,
** text_printf). Each expected string is written out by hand from the
** escaping rule of text.h: C0 and DEL as \xHH, C1, U+2028/9 and the bidi
** controls as \uHHHH, bytes that are not UTF-8 as \xHH, the rest as is.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "text.h"

static int passed, failed;

static void escapes(const char *in, const char *want)
{
    char *got = text_escaped(in);
    size_t n = text_escape(NULL, 0, in);
    if (strcmp(got, want) == 0 && n == strlen(want)) passed++;
    else { failed++; printf("FAIL escape: got \"%s\" (%zu), want \"%s\"\n", got, n, want); }
    free(got);
}

/* text_printf into a memory file, compared with want */
static void prints(const char *want, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void prints(const char *want, const char *fmt, ...)
{
    char *buf = NULL;
    size_t len = 0;
    int n;
    FILE *f = open_memstream(&buf, &len);
    va_list ap;
    va_start(ap, fmt);
    n = text_vprintf(f, fmt, ap);
    va_end(ap);
    fclose(f);
    if (strcmp(buf, want) == 0 && n == (int)strlen(want)) passed++;
    else { failed++; printf("FAIL printf \"%s\": got \"%s\" (%d), want \"%s\"\n", fmt, buf, n, want); }
    free(buf);
}

int main(void)
{
    char small[8];
    size_t n;
    /* ordinary text, Swedish letters, a backslash, emoji: unchanged */
    escapes("Måltid & Co AB", "Måltid & Co AB");
    escapes("C:\\bud \xF0\x9F\x8D\xB2", "C:\\bud \xF0\x9F\x8D\xB2");
    escapes("", "");
    escapes(NULL, "");
    /* ESC [ 2 J (erase the screen) and a colour; BEL, VT, FF, CR, LF, TAB, DEL */
    escapes("A\x1b[2JB\x1b[31m", "A\\x1b[2JB\\x1b[31m");
    escapes("\a\v\f\r\n\t\x7f", "\\x07\\x0b\\x0c\\x0d\\x0a\\x09\\x7f");
    /* C1: U+0085 (NEL) is C2 85, U+009B (CSI) is C2 9B; U+00A0 (C2 A0) is a letter's neighbour, kept */
    escapes("x\xC2\x85y\xC2\x9B" "z\xC2\xA0", "x\\u0085y\\u009bz\xC2\xA0");
    /* U+2028 E2 80 A8, U+2029 E2 80 A9; U+202E (RLO) E2 80 AE; U+2066 (LRI) E2 81 A6,
       U+2069 (PDI) E2 81 A9; U+2027 and U+206A (E2 81 AA) are not controls */
    escapes("\xE2\x80\xA8\xE2\x80\xA9\xE2\x80\xAE\xE2\x81\xA6\xE2\x81\xA9",
            "\\u2028\\u2029\\u202e\\u2066\\u2069");
    escapes("\xE2\x80\xA7\xE2\x81\xAA", "\xE2\x80\xA7\xE2\x81\xAA");
    escapes("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD", "\\u202a\\u202b\\u202c\\u202d");
    escapes("\xE2\x81\xA7\xE2\x81\xA8", "\\u2067\\u2068");
    /* not UTF-8: a lone 0x9B (CSI in an 8-bit terminal), a cut sequence, an
       overlong ESC (C0 9B), a surrogate (ED A0 80) */
    escapes("a\x9b" "b", "a\\x9bb");
    escapes("\xE2\x80", "\\xe2\\x80");
    escapes("\xC0\x9B", "\\xc0\\x9b");
    escapes("\xED\xA0\x80", "\\xed\\xa0\\x80");
    /* a buffer too small: cut before the escape that does not fit, the full length returned */
    n = text_escape(small, sizeof small, "abcd\x1b" "ef");
    if (n == 10 && strcmp(small, "abcd") == 0) passed++;
    else { failed++; printf("FAIL small buffer: %zu \"%s\"\n", n, small); }

    /* %s escaped, the format's own \n kept; widths count characters shown */
    prints("bud A\\x1b[2J\n", "bud %s\n", "A\x1b[2J");
    prints("[Åb  ] [  x] [\\x0a  ]", "[%-4s] [%3s] [%-*s]", "Åb", "x", 6, "\n");
    prints("[ab]", "[%.*s]", 2, "abc");
    prints("[a\\x1b]", "[%.2s]", "a\x1b" "c");
    /* other conversions as printf has them */
    prints("7 -3 42 ff 1.50 100% x", "%d %ld %zu %x %.2f 100%% %c", 7, -3L, (size_t)42, 255u, 1.5, 'x');
    prints("\\x1b", "%c", 27);
    prints("[  5] [5  ] [0005]", "[%3d] [%-3d] [%04d]", 5, 5, 5);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
