/* SPDX-License-Identifier: MIT */
/*
** xlform.c: the Excel form of a method, checked. A model may give its own
** method an Excel form; a workbook that a politician opens must never call
** out (WEBSERVICE, HYPERLINK), look elsewhere (INDIRECT, another workbook,
** a file, a DDE link) or reach cells the model did not earn. So the text is
** tokenized and each token held against an allow-list: references only
** ever come from {placeholders}, which the workbook writer fills in.
*/
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "xlform.h"

static const char *const functions[] = {
    "ABS", "AND", "AVERAGE", "CEILING", "EXP", "FLOOR", "IF", "INDEX", "INT", "LN",
    "LOG", "LOG10", "MATCH", "MAX", "MEDIAN", "MIN", "MOD", "NOT", "OR", "POWER",
    "PRODUCT", "ROUND", "ROUNDDOWN", "ROUNDUP", "SIGN", "SQRT", "SUM", "SUMPRODUCT",
    "TRUNC", NULL
};

const char *xlform_functions(void)
{
    static char list[400];
    const char *const *f;
    if (!list[0])
        for (f = functions; *f; f++) {
            if (f != functions) strcat(list, ", ");
            strcat(list, *f);
        }
    return list;
}

static int is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int refuse(char *why, size_t whylen, const char *msg)
{
    snprintf(why, whylen, "%s", msg);
    return -1;
}

int xlform_check(const char *tpl, char *why, size_t whylen)
{
    const char *p = tpl;
    int depth = 0;
    if (strlen(tpl) > XLFORM_MAX_TEMPLATE) {
        snprintf(why, whylen, "is longer than %d characters", XLFORM_MAX_TEMPLATE);
        return -1;
    }
    if (!*p) return refuse(why, whylen, "is empty");
    while (*p) {
        char c = *p;
        if (c == ' ') { p++; continue; }
        if (is_digit(c) || (c == '.' && is_digit(p[1]))) {          /* a number */
            while (is_digit(*p)) p++;
            if (*p == '.') { p++; while (is_digit(*p)) p++; }
            if ((*p == 'E' || *p == 'e') && (is_digit(p[1]) || ((p[1] == '+' || p[1] == '-') && is_digit(p[2])))) {
                p += 2;
                while (is_digit(*p)) p++;
            }
            if (is_alpha(*p) || *p == '.') { snprintf(why, whylen, "has a malformed number near \"%.20s\"", p); return -1; }
            continue;
        }
        if (c == '{') {                                                  /* a placeholder */
            const char *s = ++p;
            while (is_alpha(*p) || is_digit(*p)) p++;
            if (*p != '}' || p == s || p - s > 63)
                { snprintf(why, whylen, "has a {placeholder} that is not a name in braces near \"%.20s\"", s - 1); return -1; }
            p++;
            continue;
        }
        if (is_alpha(c)) {                                              /* a function, or a name */
            char name[64];
            const char *s = p, *q;
            size_t n;
            const char *const *f;
            while (is_alpha(*p) || is_digit(*p) || *p == '.') p++;
            n = (size_t)(p - s);
            snprintf(name, sizeof name, "%.*s", (int)(n < 63 ? n : 63), s);
            for (q = p; *q == ' '; q++) ;
            if (*q == '(') {
                for (f = functions; *f; f++)
                    if (strlen(*f) == n && strncasecmp(*f, s, n) == 0) break;
                if (!*f) {
                    snprintf(why, whylen, "calls %s, which is not one of the functions a workbook formula may use (%s)",
                             name, xlform_functions());
                    return -1;
                }
                continue;
            }
            if (*q == '!') return refuse(why, whylen, "refers to a sheet (!)");
            if (*q == '|') return refuse(why, whylen, "holds a DDE link (|)");
            if ((n == 4 && strncasecmp(s, "TRUE", 4) == 0) || (n == 5 && strncasecmp(s, "FALSE", 5) == 0)) continue;
            snprintf(why, whylen, "names \"%s\": a reference or name of its own (the cells a formula reads come only from {placeholders})", name);
            return -1;
        }
        switch (c) {
        case '(': depth++; p++; continue;
        case ')':
            if (--depth < 0) return refuse(why, whylen, "closes a parenthesis it did not open");
            p++;
            continue;
        case '+': case '-': case '*': case '/': case '^': case ',': case '<': case '>': case '=':
            p++;
            continue;
        case '"': return refuse(why, whylen, "holds a text in quotes");
        case '!': return refuse(why, whylen, "refers to a sheet (!)");
        case '[': case ']': return refuse(why, whylen, "refers to another workbook ([ ])");
        case '\'': return refuse(why, whylen, "names a sheet or file in quotes (')");
        case '|': return refuse(why, whylen, "holds a DDE link (|)");
        case '$': case ':': return refuse(why, whylen, c == '$' ? "holds a cell reference ($)" : "holds a cell range (:)");
        default:
            if ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7f)
                return refuse(why, whylen, "holds a control or non-ASCII character");
            snprintf(why, whylen, "holds '%c', which a workbook formula from a model may not use", c);
            return -1;
        }
    }
    if (depth != 0) return refuse(why, whylen, "leaves a parenthesis open");
    return 0;
}
