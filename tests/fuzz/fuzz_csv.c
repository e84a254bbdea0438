/* SPDX-License-Identifier: MIT */
/*
** fuzz_csv.c: libFuzzer harness for the CSV reader and the binding of its
** cells to a model (input_read against models/soderhamn: numbers, answers,
** patterns, organisation numbers, scores, requirements). The input is up
** to three files separated by form feeds (bids, then scores or
** requirements: input_read tells them by their headers).
*/
#include "fuzz_common.h"
#include "csvread.h"
#include "input.h"
#include "model.h"
#include "regex.h"

static model M;
static int loaded;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *part[3];
    size_t len[3];
    char paths[3][256], *pp[3];
    anbud_error err;
    csv_table t;
    anbud_inputs in;
    int i, n;

    if (!loaded) {
        memset(&err, 0, sizeof err);
        if (model_load(&M, FUZZ_MODEL, &err) != ANBUD_OK) {
            fprintf(stderr, "fuzz_csv: cannot load %s: %s\n", FUZZ_MODEL, err.msg);
            abort();
        }
        loaded = 1;
    }
    n = fuzz_split(data, size, 3, part, len);
    for (i = 0; i < n; i++) {
        if (fuzz_write(paths[i], sizeof paths[i], i, ".csv", part[i], len[i]) != 0)
            return 0;
        pp[i] = paths[i];
    }
    memset(&t, 0, sizeof t);
    if (csv_read(&t, paths[0], &err) == ANBUD_OK) csv_table_free(&t);
    memset(&in, 0, sizeof in);
    if (input_read(&in, &M, pp, n, &err) == ANBUD_OK) input_free(&in);
    for (i = 0; i < n; i++) remove(paths[i]);
    return 0;
}
