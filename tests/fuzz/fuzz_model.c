/* SPDX-License-Identifier: MIT */
/*
** fuzz_model.c: libFuzzer harness for the model loader: the input is a
** model file, loaded in its sandbox (model_load), checked (model_check)
** and freed. Seeds: the golden and example models and the sandbox tricks.
*/
#include "fuzz_common.h"
#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[256];
    anbud_error err;
    model m;
    model_finding *f = NULL;
    int n;

    if (fuzz_write(path, sizeof path, 0, ".lua", data, size) != 0) return 0;
    memset(&m, 0, sizeof m);
    memset(&err, 0, sizeof err);
    if (model_load(&m, path, &err) == ANBUD_OK) {
        n = model_check(&m, &f, &err);
        if (n > 0) model_findings_free(f, n);
    }
    model_free(&m);             /* also after a failed load, as cli.c does */
    remove(path);
    return 0;
}
