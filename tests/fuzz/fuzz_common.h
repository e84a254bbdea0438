/* SPDX-License-Identifier: MIT */
/*
** fuzz_common.h: what the libFuzzer harnesses of tests/fuzz share: the
** fuzzer's bytes written to files (the readers take paths), and splitting
** one input into several files at form feeds.
*/
#ifndef ANBUD_FUZZ_COMMON_H
#define ANBUD_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* path gets a per-process file name ending in suffix, holding data[0..n). */
static inline int fuzz_write(char *path, size_t cap, int k, const char *suffix,
                      const void *data, size_t n)
{
    const char *dir = getenv("TMPDIR");
    FILE *f;
    snprintf(path, cap, "%s/anbud-fuzz-%ld-%d%s", dir && *dir ? dir : "/tmp",
             (long)getpid(), k, suffix);
    f = fopen(path, "wb");
    if (!f) return -1;
    if (n && fwrite(data, 1, n, f) != n) {
        fclose(f);
        return -1;
    }
    return fclose(f);
}

/* Split data at form feeds into at most max parts; the count. */
static inline int fuzz_split(const uint8_t *data, size_t size, int max,
                      const uint8_t **part, size_t *len)
{
    int n = 0;
    size_t i, from = 0;
    for (i = 0; i <= size && n < max; i++) {
        if (i == size || (data[i] == '\f' && n < max - 1)) {
            part[n] = data + from;
            len[n] = i - from;
            n++;
            from = i + 1;
        }
    }
    return n;
}

#endif
