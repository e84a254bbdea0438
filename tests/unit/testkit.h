/* SPDX-License-Identifier: MIT */
/*
** testkit.h: what the generated-case unit tests share (test_breakeven,
** test_shortcuts, test_figcache): the pass/fail counts, a CHECK that says
** why in printf words, a reproducible generator, and files written into the
** test's own temporary folder. Header-only, everything static: each test is
** one program of one source file (the Makefile's rule for tests/unit).
**
** Before including it, a test defines TESTKIT_SEED (its own 64-bit seed, so
** its cases do not change when another test's do).
*/
#ifndef ANBUD_TESTKIT_H
#define ANBUD_TESTKIT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int passed, failed;
static char dir[64];   /* the test's temporary folder, set by the test */

#define CHECK(c, ...) testkit_check((c), __FILE__, __LINE__, __VA_ARGS__)
static inline void testkit_check(int ok, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static inline void testkit_check(int ok, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    if (ok) { passed++; return; }
    failed++;
    fprintf(stderr, "%s:%d: failed: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* splitmix64: the same cases on every run */
static unsigned long long rng_state = TESTKIT_SEED;
static inline unsigned long long rng(void)
{
    unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
static inline int pick(int n) { return (int)(rng() % (unsigned long long)n); }

/* name in the test's folder, with text; a failure ends the test (exit 2) */
static inline void write_file(const char *name, const char *text)
{
    char path[128];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f)) {
        fprintf(stderr, "%s: cannot write %s\n", __FILE__, path);
        exit(2);
    }
}

#endif
