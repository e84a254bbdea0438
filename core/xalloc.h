/* SPDX-License-Identifier: MIT */
/*
** xalloc.h: allocation that cannot fail quietly. Out of memory, the program
** says so on one line and exits with 2 (a usage or I/O error): the stages
** that build their results in memory call these rather than each checking.
*/
#ifndef ANBUD_XALLOC_H
#define ANBUD_XALLOC_H

#include <stdarg.h>
#include <stddef.h>

/* calloc of n (at least 1) elements of size bytes, zeroed. */
void *xalloc_zeroed(size_t n, size_t size);
/* A copy of s, or NULL for NULL. */
char *xalloc_strdup(const char *s);
/* The formatted text (at most 1023 bytes), malloc'd. */
char *xalloc_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
char *xalloc_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
