/* SPDX-License-Identifier: MIT */
/*
** fuzz_decimal.c: libFuzzer harness for the decimal parser. The first byte
** picks the syntax (decimal separator, currency, exponent); the rest is
** the text. Whatever parses must format and read back to the same number
** (dec_format_exact, dec_parse_plain), and rounding must not crash. The
** 64-bit paths and the GMP path must agree on all of it (same_both_ways),
** with GMP's memory from limbs.c as in the program.
*/
#include "fuzz_common.h"
#include "decimal.h"
#include "limbs.h"

/* Parse, format exactly and to fixed places, round: the 64-bit paths and
   GMP's give the same answers, or abort. */
static void same_both_ways(const char *text, size_t n, const dec_syntax *syn,
                           int places, dec_mode m)
{
    mpq_t a[2], r[2];
    char *s[2], *f[2], why[200];
    int rc[2], i;
    for (i = 0; i < 2; i++) {
        mpq_inits(a[i], r[i], NULL);
        dec_fast_paths(i == 0);
        rc[i] = dec_parse(a[i], text, n, syn, why, sizeof why);
        s[i] = rc[i] == 0 ? dec_format_exact(a[i]) : NULL;
        f[i] = rc[i] == 0 ? dec_format_fixed(a[i], places) : NULL;
        if (rc[i] == 0) dec_round(r[i], a[i], places, m);
    }
    dec_fast_paths(1);
    if (rc[0] != rc[1]) abort();
    if (rc[0] == 0 && (!mpq_equal(a[0], a[1]) || !mpq_equal(r[0], r[1])
                       || !s[0] || !s[1] || strcmp(s[0], s[1]) != 0
                       || !f[0] || !f[1] || strcmp(f[0], f[1]) != 0
                       || dec_to_double(a[0]) != dec_to_double(a[1])))
        abort();
    for (i = 0; i < 2; i++) {
        free(s[i]);
        free(f[i]);
        mpq_clears(a[i], r[i], NULL);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char seps[] = { 0, ',', '.', 0 };
    dec_syntax syn;
    char why[200], *text, *s;
    mpq_t q, back, r;

    static int installed;
    if (!installed) installed = 1 + limbs_install();   /* before any number */
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
    same_both_ways(text, size - 1, &syn, (int)(data[0] >> 4) - 8, (dec_mode)(data[0] % 3));
    free(text);
    return 0;
}
