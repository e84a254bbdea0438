/* SPDX-License-Identifier: MIT */
/*
** replay.c: a main for a fuzz harness without libFuzzer: runs
** LLVMFuzzerTestOneInput once on each file named, so the regression inputs
** of tests/fuzz/regress/ run in `make test` (and under `make asan`) with
** gcc alone. Prints "N passed, 0 failed"; a crash is the failure.
*/
#include "fuzz_common.h"

int main(int argc, char **argv)
{
    int i, n = 0;
    for (i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        uint8_t *buf;
        long len;
        if (!f || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0
            || fseek(f, 0, SEEK_SET) != 0) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            return 2;
        }
        buf = malloc((size_t)len + 1);
        if (!buf || fread(buf, 1, (size_t)len, f) != (size_t)len) {
            fprintf(stderr, "replay: cannot read %s\n", argv[i]);
            return 2;
        }
        fclose(f);
        LLVMFuzzerTestOneInput(buf, (size_t)len);
        free(buf);
        printf("ok   %s\n", argv[i]);
        n++;
    }
    printf("%d passed, 0 failed\n", n);
    return 0;
}
