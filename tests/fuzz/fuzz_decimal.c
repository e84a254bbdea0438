/* SPDX-License-Identifier: MIT */
/*
** fuzz_decimal.c: libFuzzer harness for the decimal parser. The first byte
** picks the syntax (decimal separator, currency, exponent); the rest is
** the text. Whatever parses must format and read back to the same number
** (dec_format_exact, dec_parse_plain), and rounding must not crash.
*/
#include "fuzz_common.h"
#include "decimal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char seps[] = { 0, ',', '.', 0 };
    dec_syntax syn;
    char why[200], *text, *s;
    mpq_t q, back, r;

    if (size < 1) return 0;
    syn.decimal = seps[data[0] & 3];
    syn.allow_currency = (data[0] >> 2) & 1;
    syn.allow_exponent = (data[0] >> 3) & 1;
    text = malloc(size);            /* NUL-terminated for dec_parse_plain */
    if (!text) return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    mpq_inits(q, back, r, NULL);
    if (dec_parse(q, text, size - 1, &syn, why, sizeof why) == 0) {
        s = dec_format_exact(q);
        if (!s || dec_parse_plain(back, s) != 0 || !mpq_equal(q, back)) abort();
        free(s);
        dec_round(r, q, (int)(data[0] >> 4) - 8, (dec_mode)(data[0] % 3));
        s = dec_format_fixed(r, (data[0] >> 4) & 7);
        free(s);
    }
    if (dec_parse_plain(q, text) == 0) {
        s = dec_format_exact(q);
        if (!s || dec_parse_plain(back, s) != 0 || !mpq_equal(q, back)) abort();
        free(s);
    }
    mpq_clears(q, back, r, NULL);
    free(text);
    return 0;
}
