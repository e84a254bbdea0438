/* SPDX-License-Identifier: MIT */
/*
** error.h: the error value every stage returns up to the command line.
** Only cli.c prints it, as one line "anbud: file:line:col: message", and
** exits with the status, which is also the documented exit code.
*/
#ifndef ANBUD_ERROR_H
#define ANBUD_ERROR_H

#include <stdarg.h>

typedef enum anbud_status {
    ANBUD_OK = 0,         /* evaluation ran and needs nothing more */
    ANBUD_ATTENTION = 1,  /* ran, but needs attention (unresolved tie, ...) */
    ANBUD_EUSAGE = 2,     /* usage or I/O error */
    ANBUD_EMODEL = 3,     /* the model is wrong, or a formula failed */
    ANBUD_EINPUT = 4,     /* an input file is wrong */
    ANBUD_DIFFERS = 5     /* anbud verify: the workbook is not what anbud computes */
} anbud_status;

typedef struct anbud_error {
    anbud_status status;
    char file[256];       /* "" when no file applies */
    long line;            /* 1-based; 0 = unknown */
    long col;             /* 1-based; 0 = unknown */
    char msg[768];
} anbud_error;

/* Fill e (if not NULL) and return st; file may be NULL. */
anbud_status error_set(anbud_error *e, anbud_status st, const char *file,
                       long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
anbud_status error_vset(anbud_error *e, anbud_status st, const char *file,
                        long line, long col, const char *fmt, va_list ap)
    __attribute__((format(printf, 6, 0)));

/* Format e as the CLI prints it, without "anbud: " and newline. */
void error_format(const anbud_error *e, char *buf, unsigned long size);

#endif
