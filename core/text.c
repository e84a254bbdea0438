/*
** text.c: case-insensitive comparison of names (text.h).
*/
#include <stdlib.h>
#include <string.h>
#include "text.h"

/* Fold one UTF-8 character at *s: A-Z and U+00C0..U+00DE (but U+00D7 ×)
   to lower case; anything else compares as its bytes. */
static unsigned fold_next(const unsigned char **s)
{
    const unsigned char *p = *s;
    unsigned c = p[0];
    if (c >= 'A' && c <= 'Z') { *s = p + 1; return c + 32; }
    if (c == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97) {
        *s = p + 2;
        return 0xC300u | (p[1] + 32u);
    }
    if (c == 0xC3 && p[1]) { *s = p + 2; return 0xC300u | p[1]; }
    *s = p + (c ? 1 : 0);
    return c;
}

int text_name_eq(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    if (!a || !b) return 0;
    for (;;) {
        unsigned x = fold_next(&p), y = fold_next(&q);
        if (x != y) return 0;
        if (x == 0) return 1;
    }
}

char *text_name_fold(const char *a)
{
    size_t n = strlen(a), j = 0;
    char *out = malloc(n + 1);
    const unsigned char *p = (const unsigned char *)a;
    if (!out) return NULL;
    while (*p) {
        unsigned c = fold_next(&p);
        if (c > 0xFF) {   /* a folded Latin-1 letter: two bytes, as before */
            out[j++] = (char)0xC3;
            out[j++] = (char)(c & 0xFF);
        } else out[j++] = (char)c;
    }
    out[j] = '\0';
    return out;
}

void text_append(char *buf, unsigned long size, const char *sep, const char *s)
{
    size_t len = strlen(buf), room, n;
    if (!s || !*s || len + 1 >= size) return;
    if (len && sep) {
        size_t k = strlen(sep);
        if (len + k + 1 >= size) return;
        memcpy(buf + len, sep, k + 1);
        len += k;
    }
    room = size - len - 1;
    n = strlen(s);
    if (n > room) {
        n = room;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    }
    memcpy(buf + len, s, n);
    buf[len + n] = '\0';
}
