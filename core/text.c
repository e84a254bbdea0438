/*
** text.c: case-insensitive comparison of names (text.h).
*/
#include <stdio.h>
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

/* XML 1.0's Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] |
   [#x10000-#x10FFFF]. libxlsxwriter writes text as it is given, so a cell
   holding anything else makes a workbook no spreadsheet program opens. */
unsigned long text_xml_bad(const char *s, unsigned long n, long *cp)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned long i = 0;
    while (i < n) {
        unsigned c = p[i];
        unsigned long len, k;
        long v;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) {
            if (c < 0x20 && c != 0x9 && c != 0xA && c != 0xD) { *cp = (long)c; return i; }
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) { len = 2; v = c & 0x1F; }
        else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            v = c & 0x0F;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;   /* surrogates */
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            v = c & 0x07;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else { *cp = -1; return i; }
        if (n - i < len || p[i + 1] < lo || p[i + 1] > hi) { *cp = -1; return i; }
        for (k = 1; k < len; k++) {
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) { *cp = -1; return i; }
            v = (v << 6) | (p[i + k] & 0x3F);
        }
        if (v == 0xFFFE || v == 0xFFFF) { *cp = v; return i; }
        i += len;
    }
    *cp = 0;
    return n;
}

const char *text_xml_what(char *buf, unsigned long size, long cp,
                          unsigned char byte)
{
    if (cp < 0) snprintf(buf, size, "the byte 0x%02X that is not UTF-8", byte);
    else if (cp < 0x20) snprintf(buf, size, "the control character U+%04lX", cp);
    else snprintf(buf, size, "the noncharacter U+%04lX", cp);
    return buf;
}

int text_xml_check(const char *s, char *msg, unsigned long size)
{
    char head[64] = "", what[64];
    unsigned long n, at, i;
    long cp;
    if (!s) return 0;
    n = strlen(s);
    if ((at = text_xml_bad(s, n, &cp)) == n) return 0;
    i = at < sizeof head - 4 ? at : sizeof head - 4;
    /* cut at a character: s[i] must not continue one */
    while (i > 0 && i < at && ((unsigned char)s[i] & 0xC0) == 0x80) i--;
    memcpy(head, s, i);
    head[i] = '\0';
    if (i < at) strcat(head, "...");
    for (i = 0; head[i]; i++)
        if (head[i] == '\t' || head[i] == '\n' || head[i] == '\r') head[i] = ' ';
    snprintf(msg, size, "the text \"%s\" holds %s", head,
             text_xml_what(what, sizeof what, cp, (unsigned char)s[at]));
    return 1;
}

unsigned long text_utf8_whole(const char *s, unsigned long n)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned long i = n, k = 0;
    /* back over at most three continuation bytes to a lead byte */
    while (i > 0 && k < 3 && (p[i - 1] & 0xC0) == 0x80) { i--; k++; }
    if (i == 0 || p[i - 1] < 0xC0) return n;
    i--;
    if ((p[i] >= 0xF0 && k < 3) || (p[i] >= 0xE0 && p[i] < 0xF0 && k < 2)
        || (p[i] < 0xE0 && k < 1))
        return i;
    return n;
}
