/* SPDX-License-Identifier: MIT */
/*
** error.c: filling and formatting the error value of error.h.
*/
#include <stdio.h>
#include <string.h>
#include "error.h"

anbud_status error_vset(anbud_error *e, anbud_status st, const char *file,
                        long line, long col, const char *fmt, va_list ap)
{
    if (!e) return st;
    e->status = st;
    snprintf(e->file, sizeof e->file, "%s", file ? file : "");
    e->line = line;
    e->col = col;
    vsnprintf(e->msg, sizeof e->msg, fmt, ap);
    return st;
}

anbud_status error_set(anbud_error *e, anbud_status st, const char *file,
                       long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    error_vset(e, st, file, line, col, fmt, ap);
    va_end(ap);
    return st;
}

/* Spreadsheet column letters of col (1 = A, 27 = AA) into b (8 bytes). */
static void col_letters(char *b, long col)
{
    char rev[8];
    int n = 0, i;
    while (col > 0 && n < 7) {
        rev[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (i = 0; i < n; i++) b[i] = rev[n - 1 - i];
    b[n] = '\0';
}

void error_format(const anbud_error *e, char *buf, unsigned long size)
{
    const char *sep = strchr(e->file, '\x1f');
    if (sep) {
        /* a sheet of a workbook (xlsxread.h): "form.xlsx:Anbud!C4" */
        int flen = (int)(sep - e->file);
        char cl[8];
        col_letters(cl, e->col);
        if (e->line > 0 && e->col > 0)
            snprintf(buf, size, "%.*s:%s!%s%ld: %s", flen, e->file, sep + 1,
                     cl, e->line, e->msg);
        else if (e->line > 0)
            snprintf(buf, size, "%.*s:%s:%ld: %s", flen, e->file, sep + 1,
                     e->line, e->msg);
        else
            snprintf(buf, size, "%.*s:%s: %s", flen, e->file, sep + 1, e->msg);
    } else if (e->file[0] && e->line > 0 && e->col > 0)
        snprintf(buf, size, "%s:%ld:%ld: %s", e->file, e->line, e->col, e->msg);
    else if (e->file[0] && e->line > 0)
        snprintf(buf, size, "%s:%ld: %s", e->file, e->line, e->msg);
    else if (e->file[0])
        snprintf(buf, size, "%s: %s", e->file, e->msg);
    else
        snprintf(buf, size, "%s", e->msg);
}
