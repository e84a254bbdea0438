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

void error_format(const anbud_error *e, char *buf, unsigned long size)
{
    if (e->file[0] && e->line > 0 && e->col > 0)
        snprintf(buf, size, "%s:%ld:%ld: %s", e->file, e->line, e->col, e->msg);
    else if (e->file[0] && e->line > 0)
        snprintf(buf, size, "%s:%ld: %s", e->file, e->line, e->msg);
    else if (e->file[0])
        snprintf(buf, size, "%s: %s", e->file, e->msg);
    else
        snprintf(buf, size, "%s", e->msg);
}
