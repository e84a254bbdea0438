/* SPDX-License-Identifier: MIT */
/*
** text.c: case-insensitive comparison of names, and untrusted text shown
** on a terminal with its control characters escaped (text.h).
*/
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include "text.h"
#include "xalloc.h"

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

const char *text_utf8_whole_copy(const char *s, char **cut)
{
    size_t n = strlen(s), k = text_utf8_whole(s, n);
    *cut = NULL;
    if (k == n || !(*cut = malloc(k + 1))) return s;
    memcpy(*cut, s, k);
    (*cut)[k] = '\0';
    return *cut;
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

/* {=========== untrusted text on a terminal ============ */

/* Length of the valid UTF-8 sequence at p (1..4) and its code point in *cp,
   or 0 when p does not start one (a stray or overlong byte, a surrogate). */
static int utf8_next(const unsigned char *p, unsigned *cp)
{
    unsigned c = p[0];
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xC2 && c <= 0xDF && (p[1] & 0xC0) == 0x80) {
        *cp = (c & 0x1Fu) << 6 | (p[1] & 0x3Fu);
        return 2;
    }
    if (c >= 0xE0 && c <= 0xEF && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        unsigned v = (c & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3Fu);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 0;
        *cp = v;
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 &&
        (p[3] & 0xC0) == 0x80) {
        unsigned v = (c & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3Fu);
        if (v < 0x10000 || v > 0x10FFFF) return 0;
        *cp = v;
        return 4;
    }
    return 0;
}

/* A code point a terminal acts on rather than shows. */
static int is_control(unsigned cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029 ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

size_t text_escape(char *dst, size_t size, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t len = 0, kept = 0;
    int full = size == 0;
    while (*p) {
        char esc[8];
        const char *piece = (const char *)p;
        unsigned cp;
        int n = utf8_next(p, &cp);
        size_t k;
        if (n == 0) {
            snprintf(esc, sizeof esc, "\\x%02x", p[0]);
            piece = esc;
            n = 1;
        } else if (is_control(cp)) {
            snprintf(esc, sizeof esc, cp < 0x80 ? "\\x%02x" : "\\u%04x", cp);
            piece = esc;
        }
        k = piece == esc ? strlen(esc) : (size_t)n;
        /* nothing after the first piece that does not fit */
        if (!full && kept + k < size) {
            memcpy(dst + kept, piece, k);
            kept += k;
        } else full = 1;
        len += k;
        p += n;
    }
    if (size) dst[kept] = '\0';
    return len;
}

char *text_escaped(const char *s)
{
    size_t n = text_escape(NULL, 0, s);
    char *out = xalloc_zeroed(n + 1, 1);
    text_escape(out, n + 1, s);
    return out;
}

/* Print one conversion spec (a format of its own, made from the caller's
   checked format) with its argument: the compiler checked the caller's
   format against its arguments, so the spec is not a literal here. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#define EMIT(val) (nw && np ? fprintf(f, spec, w, pr, val) : nw ? fprintf(f, spec, w, val) \
                   : np ? fprintf(f, spec, pr, val) : fprintf(f, spec, val))

int text_vprintf(FILE *f, const char *fmt, va_list ap)
{
    const char *p = fmt;
    int total = 0;
    while (*p) {
        char spec[40], len[3] = "";
        const char *start;
        int nw = 0, np = 0, w = 0, pr = 0, has_prec = 0, n, left;
        size_t k;
        if (*p != '%' || p[1] == '%') {
            const char *q = *p == '%' ? p + 1 : strchr(p, '%');
            k = q ? (size_t)(q - p) : strlen(p);
            if (*p == '%') k = 1, p++;   /* "%%": one '%' */
            if (fwrite(p, 1, k, f) != k) return -1;
            total += (int)k;
            p += k;
            continue;
        }
        start = p++;
        p += strspn(p, "-+ #0");
        left = memchr(start, '-', (size_t)(p - start)) != NULL;
        if (*p == '*') { nw = 1; p++; } else p += strspn(p, "0123456789");
        if (*p == '.') {
            has_prec = 1;
            p++;
            if (*p == '*') { np = 1; p++; } else p += strspn(p, "0123456789");
        }
        if ((p[0] == 'h' || p[0] == 'l') && p[1] == p[0]) { len[0] = p[0]; len[1] = p[0]; p += 2; }
        else if (strchr("hlzjtL", *p) && *p) len[0] = *p++;
        if (!*p || (size_t)(p + 1 - start) >= sizeof spec) return -1;
        memcpy(spec, start, (size_t)(p + 1 - start));
        spec[p + 1 - start] = '\0';
        if (nw) w = va_arg(ap, int);
        if (np) pr = va_arg(ap, int);
        switch (*p++) {
        case 's': {
            /* the precision counts bytes of the original, the width
               characters of what is shown */
            const char *s = va_arg(ap, const char *);
            char *e, *cut = NULL;
            int width = 0, shown = 0, i;
            if (!s) s = "(null)";
            if (has_prec) {
                size_t lim = np ? (pr < 0 ? (size_t)-1 : (size_t)pr)
                                : (size_t)strtoul(strchr(spec, '.') + 1, NULL, 10);
                cut = xalloc_zeroed(strnlen(s, lim) + 1, 1);
                memcpy(cut, s, strnlen(s, lim));
                s = cut;
            }
            e = text_escaped(s);
            free(cut);
            if (nw) {
                width = w < 0 ? -w : w;
                if (w < 0) left = 1;
            } else {
                const char *d = spec + 1 + strspn(spec + 1, "-+ #0");
                width = (int)strtol(d, NULL, 10);
            }
            for (i = 0; e[i]; i++) if (((unsigned char)e[i] & 0xC0) != 0x80) shown++;
            n = (int)strlen(e);
            if (!left) for (i = shown; i < width; i++, n++) fputc(' ', f);
            if (fputs(e, f) == EOF) n = -1;
            if (left && n >= 0) for (i = shown; i < width; i++, n++) fputc(' ', f);
            free(e);
            break;
        }
        case 'd': case 'i':
            if (!strcmp(len, "l")) n = EMIT(va_arg(ap, long));
            else if (!strcmp(len, "ll")) n = EMIT(va_arg(ap, long long));
            else if (!strcmp(len, "z")) n = EMIT(va_arg(ap, ssize_t));
            else if (!strcmp(len, "j")) n = EMIT(va_arg(ap, intmax_t));
            else if (!strcmp(len, "t")) n = EMIT(va_arg(ap, ptrdiff_t));
            else n = EMIT(va_arg(ap, int));
            break;
        case 'u': case 'o': case 'x': case 'X':
            if (!strcmp(len, "l")) n = EMIT(va_arg(ap, unsigned long));
            else if (!strcmp(len, "ll")) n = EMIT(va_arg(ap, unsigned long long));
            else if (!strcmp(len, "z")) n = EMIT(va_arg(ap, size_t));
            else if (!strcmp(len, "j")) n = EMIT(va_arg(ap, uintmax_t));
            else if (!strcmp(len, "t")) n = EMIT(va_arg(ap, ptrdiff_t));
            else n = EMIT(va_arg(ap, unsigned));
            break;
        case 'c': {
            /* a character argument is text too */
            char one[2];
            one[0] = (char)va_arg(ap, int);
            one[1] = '\0';
            n = text_printf(f, "%s", one);
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'a': case 'A':
            if (!strcmp(len, "L")) n = EMIT(va_arg(ap, long double));
            else n = EMIT(va_arg(ap, double));
            break;
        case 'p':
            n = EMIT(va_arg(ap, void *));
            break;
        default:
            return -1;   /* %n and the unknown: not supported */
        }
        if (n < 0) return -1;
        total += n;
    }
    return total;
}
#undef EMIT
#pragma GCC diagnostic pop

int text_printf(FILE *f, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = text_vprintf(f, fmt, ap);
    va_end(ap);
    return n;
}
/* }================================= */
