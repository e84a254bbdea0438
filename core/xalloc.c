/* SPDX-License-Identifier: MIT */
/*
** xalloc.c: allocation that exits on failure (xalloc.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "xalloc.h"

static void out_of_memory(void)
{
    fputs("anbud: out of memory\n", stderr);
    exit(2);
}

void *xalloc_zeroed(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) out_of_memory();
    return p;
}

char *xalloc_strdup(const char *s)
{
    char *d = s ? strdup(s) : NULL;
    if (s && !d) out_of_memory();
    return d;
}

char *xalloc_vprintf(const char *fmt, va_list ap)
{
    char buf[1024];
    vsnprintf(buf, sizeof buf, fmt, ap);
    return xalloc_strdup(buf);
}

char *xalloc_printf(const char *fmt, ...)
{
    va_list ap;
    char *s;
    va_start(ap, fmt);
    s = xalloc_vprintf(fmt, ap);
    va_end(ap);
    return s;
}
