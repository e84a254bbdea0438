/* SPDX-License-Identifier: MIT */
/*
** test_decpaths.c: decimal.c's 64-bit paths against its GMP path. Every
** function with a fast path (parsing, rounding, formatting, the nearest
** double, terminating or not) runs on the same value twice, once with
** dec_fast_paths(1) and once with dec_fast_paths(0), and the two answers
** must be identical: the same text byte for byte, the same fraction in
** lowest terms, the same double bit for bit. The values are the
** boundaries (0, +-1, 2^53, 2^63, 2^64-1 and one past it, 10^19,
** denominators 2^a 5^b, exact halves at every number of places in each
** rounding mode, products near 2^128) and a few million random ones; no
** expected figure is written here, the GMP path is the reference (its own
** figures are checked by test_decimal).
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "limbs.h"

static int nfail, shown;
static long ncompared;

static void failed(const char *what, const mpq_t x, int places, const char *a,
                   const char *b)
{
    nfail++;
    if (shown++ < 20) {
        char *t;
        dec_fast_paths(0);
        t = dec_format_exact(x);
        printf("FAIL %s of %s (places %d): fast \"%s\", gmp \"%s\"\n", what,
               t ? t : "?", places, a, b);
        free(t);
    }
}

static unsigned long long rng_state = 0x2545F4914F6CDD1DULL;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* z = hi * 2^64 + lo */
static void set_u(mpz_t z, uint64_t hi, uint64_t lo)
{
    mpz_set_ui(z, (unsigned long)hi);
    mpz_mul_2exp(z, z, 64);
    mpz_add_ui(z, z, (unsigned long)lo);
}

static int same_q(const mpq_t a, const mpq_t b)
{
    return mpz_cmp(mpq_numref(a), mpq_numref(b)) == 0
        && mpz_cmp(mpq_denref(a), mpq_denref(b)) == 0;
}

static void compare_text(double d);

static void compare_str(const char *what, const mpq_t x, int places,
                        char *fast, char *gmp)
{
    ncompared++;
    if (!fast || !gmp || strcmp(fast, gmp) != 0)
        failed(what, x, places, fast ? fast : "(null)", gmp ? gmp : "(null)");
    free(fast);
    free(gmp);
}

/* Every function of x, both ways. */
static void compare(const mpq_t x)
{
    static const int fixed_places[] = { 0, 1, 2, 3, 6, 18, 19, 20, -1, -2 };
    mpq_t a, b;
    double da, db;
    int ta, tb, p, m;
    char buf[64];

    dec_fast_paths(1);
    ta = dec_is_terminating(x);
    dec_fast_paths(0);
    tb = dec_is_terminating(x);
    ncompared++;
    if (ta != tb) failed("dec_is_terminating", x, 0, ta ? "1" : "0", tb ? "1" : "0");

    dec_fast_paths(1);
    da = dec_to_double(x);
    dec_fast_paths(0);
    db = dec_to_double(x);
    ncompared++;
    if (memcmp(&da, &db, sizeof da) != 0) {
        char bb[40];
        snprintf(buf, sizeof buf, "%a", da);
        snprintf(bb, sizeof bb, "%a", db);
        failed("dec_to_double", x, 0, buf, bb);
    }

    if (rnd() % 8 == 0) compare_text(da);   /* the loop it checks against is slow */
    {
        char *fa, *fb;
        dec_fast_paths(1);
        fa = dec_format_exact(x);
        dec_fast_paths(0);
        fb = dec_format_exact(x);
        compare_str("dec_format_exact", x, 0, fa, fb);
    }

    for (p = 0; p < (int)(sizeof fixed_places / sizeof fixed_places[0]); p++) {
        char *fa, *fb;
        dec_fast_paths(1);
        fa = dec_format_fixed(x, fixed_places[p]);
        dec_fast_paths(0);
        fb = dec_format_fixed(x, fixed_places[p]);
        compare_str("dec_format_fixed", x, fixed_places[p], fa, fb);
    }

    mpq_inits(a, b, NULL);
    for (m = 0; m < 3; m++) {
        /* every place the fast path takes (-19..19), and past it both ways */
        p = (int)(rnd() % 45) - 22;
        dec_fast_paths(1);
        dec_round(a, x, p, (dec_mode)m);
        dec_fast_paths(0);
        dec_round(b, x, p, (dec_mode)m);
        ncompared++;
        if (!same_q(a, b)) {
            char *fa = dec_format_exact(a), *fb = dec_format_exact(b);
            snprintf(buf, sizeof buf, "dec_round %s", dec_mode_name((dec_mode)m));
            failed(buf, x, p, fa ? fa : "?", fb ? fb : "?");
            free(fa);
            free(fb);
        }
        /* in place (out aliases x), as callers do */
        mpq_set(a, x);
        mpq_set(b, x);
        dec_fast_paths(1);
        dec_round(a, a, p, (dec_mode)m);
        dec_fast_paths(0);
        dec_round(b, b, p, (dec_mode)m);
        ncompared++;
        if (!same_q(a, b)) failed("dec_round in place", x, p, "", "");
    }
    mpq_clears(a, b, NULL);
}

/* x = (neg ? -1 : 1) * (nhi:nlo) / (dhi:dlo), in lowest terms. */
static void compare_frac(mpq_t x, int neg, uint64_t nhi, uint64_t nlo,
                         uint64_t dhi, uint64_t dlo)
{
    if (dhi == 0 && dlo == 0) dlo = 1;
    set_u(mpq_numref(x), nhi, nlo);
    set_u(mpq_denref(x), dhi, dlo);
    mpq_canonicalize(x);
    if (neg) mpq_neg(x, x);
    compare(x);
    if (!neg) {
        mpq_neg(x, x);
        compare(x);
    }
}

static uint64_t pow_u(uint64_t b, unsigned e)
{
    uint64_t r = 1;
    while (e--) r *= b;
    return r;
}

/* A random 64-bit number of random size. */
static uint64_t rnd_bits(void)
{
    unsigned bits = (unsigned)(rnd() % 65);
    return bits == 0 ? 0 : rnd() >> (64 - bits);
}

/* A random denominator: of random size, or 2^a 5^b (terminating), or
   such times a small odd factor, near 2^64, or 10^k. */
static uint64_t rnd_den(void)
{
    unsigned a, b;
    uint64_t d;
    switch (rnd() % 6) {
    case 0: return rnd_bits();
    case 1: case 2:
        b = (unsigned)(rnd() % 28);     /* 5^27 < 2^63 */
        d = pow_u(5, b);
        a = (unsigned)(rnd() % 64);
        while (a && d >> (64 - a)) a--;
        return d << a;
    case 3:
        return pow_u(10, (unsigned)(rnd() % 20)) * (rnd() % 2 ? 1 : 1 + 2 * (rnd() % 5));
    case 4: return UINT64_MAX - rnd() % 1000;
    default: return 1 + rnd() % 1000;
    }
}

static void test_boundaries(mpq_t x)
{
    static const uint64_t nums[] = {
        0, 1, 2, 3, 5, 7, 10, 99, 100, 12345, (1ULL << 32) - 1,
        (1ULL << 53) - 1, 1ULL << 53, (1ULL << 53) + 1, 9007199254740993ULL,
        (1ULL << 63) - 1, 1ULL << 63, (1ULL << 63) + 1, UINT64_MAX - 1, UINT64_MAX,
        999999999999999999ULL, 1000000000000000000ULL, 9999999999999999999ULL,
        10000000000000000000ULL, 18446744073709551557ULL /* largest 64-bit prime */
    };
    size_t i, j;
    unsigned a, b;
    for (i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        for (j = 0; j < sizeof nums / sizeof nums[0]; j++)
            if (nums[j]) compare_frac(x, 0, 0, nums[i], 0, nums[j]);
        /* one past 64 bits: both paths are GMP's, but the test of size
           must send it there */
        compare_frac(x, 0, 1, nums[i], 0, 1);
        compare_frac(x, 0, 0, nums[i], 1, 0);
        compare_frac(x, 0, 0, nums[i], 1, nums[i]);
        for (a = 0; a < 64; a++)
            for (b = 0; b < 28; b++) {
                uint64_t d = pow_u(5, b);
                if (a && d >> (64 - a)) break;
                compare_frac(x, 0, 0, nums[i], 0, d << a);
            }
    }
}

/* Exact halves: (2k+1) / (2 * 10^p) at p places, and ties one place
   further out, in every mode (compare() rounds at random places; these
   round at the tie). */
static void test_halves(mpq_t x)
{
    mpq_t a, b;
    int p, m, s, i;
    mpq_inits(a, b, NULL);
    for (p = -19; p <= 19; p++)
        for (i = 0; i < 400; i++) {
            uint64_t k = i < 20 ? (uint64_t)i : rnd_bits() >> 2;
            /* x = (k + 1/2) / 10^p */
            mpz_set_ui(mpq_numref(x), (unsigned long)k);
            mpz_mul_2exp(mpq_numref(x), mpq_numref(x), 1);
            mpz_add_ui(mpq_numref(x), mpq_numref(x), 1);
            mpz_set_ui(mpq_denref(x), 2);
            if (p >= 0) mpz_mul_ui(mpq_denref(x), mpq_denref(x), (unsigned long)pow_u(10, (unsigned)p));
            else mpz_mul_ui(mpq_numref(x), mpq_numref(x), (unsigned long)pow_u(10, (unsigned)-p));
            mpq_canonicalize(x);
            for (s = 0; s < 2; s++) {
                for (m = 0; m < 3; m++) {
                    dec_fast_paths(1);
                    dec_round(a, x, p, (dec_mode)m);
                    dec_fast_paths(0);
                    dec_round(b, x, p, (dec_mode)m);
                    ncompared++;
                    if (!same_q(a, b))
                        failed("dec_round at a half", x, p, dec_mode_name((dec_mode)m), "");
                }
                if (p >= 0) {
                    char *fa, *fb;
                    dec_fast_paths(1);
                    fa = dec_format_fixed(x, p);
                    dec_fast_paths(0);
                    fb = dec_format_fixed(x, p);
                    compare_str("dec_format_fixed at a half", x, p, fa, fb);
                }
                mpq_neg(x, x);
            }
        }
    mpq_clears(a, b, NULL);
}

/* Numbers as text, parsed both ways: digits with leading zeros, up to 25
   of them, decimals, signs, exponents (spreadsheet XML) and the plain and
   p/q syntax of models and JSON. */
static void test_parse(long count)
{
    static const dec_syntax en = { '.', 0, 0 }, xml = { '.', 0, 1 };
    char text[128], why[200];
    mpq_t a, b;
    long i;
    mpq_inits(a, b, NULL);
    for (i = 0; i < count; i++) {
        size_t n = 0, nd = 1 + (size_t)(rnd() % 25), k, point;
        int ra, rb, form = (int)(rnd() % 4);
        if (rnd() % 3 == 0) text[n++] = '-';
        point = form == 1 ? nd + 1 : (size_t)(rnd() % (nd + 1));
        for (k = 0; k < nd; k++) {
            if (k == point && k > 0) text[n++] = '.';
            text[n++] = (char)('0' + (rnd() % 4 == 0 ? 0 : rnd() % 10));
        }
        if (form == 2) n += (size_t)snprintf(text + n, sizeof text - n, "E%d",
                                             (int)(rnd() % 61) - 30);
        if (form == 3) n += (size_t)snprintf(text + n, sizeof text - n, "/%llu",
                                             (unsigned long long)(rnd_den() | 1));
        text[n] = '\0';
        mpq_set_ui(a, 7, 1);
        mpq_set_ui(b, 7, 1);
        if (form == 3) {
            dec_fast_paths(1);
            ra = dec_parse_plain(a, text);
            dec_fast_paths(0);
            rb = dec_parse_plain(b, text);
        } else {
            const dec_syntax *syn = form == 2 ? &xml : &en;
            dec_fast_paths(1);
            ra = dec_parse(a, text, n, syn, why, sizeof why);
            dec_fast_paths(0);
            rb = dec_parse(b, text, n, syn, why, sizeof why);
            if (form != 2) {
                mpq_t c;
                int rc;
                mpq_init(c);
                dec_fast_paths(1);
                rc = dec_parse_plain(c, text);
                ncompared++;
                if (rc != ra || (rc == 0 && !same_q(a, c)))
                    failed("dec_parse_plain", a, 0, text, "");
                mpq_clear(c);
            }
        }
        ncompared++;
        if (ra != rb || !same_q(a, b))
            failed("dec_parse", b, 0, text, ra == rb ? "same status" : "other status");
        if (ra == 0) compare(a);
    }
    mpq_clears(a, b, NULL);
}

/* d's shortest text both ways. */
static void compare_text(double d)
{
    char a[40], b[40];
    dec_fast_paths(1);
    dec_format_double(d, a);
    dec_fast_paths(0);
    dec_format_double(d, b);
    ncompared++;
    if (strcmp(a, b) != 0) {
        nfail++;
        if (shown++ < 20) printf("FAIL dec_format_double(%a): fast \"%s\", loop \"%s\"\n", d, a, b);
    }
}

/* The doubles whose text the workbook writes, and the edges of the
   shortcut: zeros, infinities, NaN, subnormals, 1e-300 and 1e300 and their
   neighbours, powers of ten and their neighbours, 15, 16 and 17 digits. */
static void test_double_text(long count)
{
    static const double fixed[] = {
        0.0, -0.0, 1.0, -1.0, 0.1, 0.3, 1e-300, 1e300, 1e-5, 1e-4, 1e15, 1e16,
        1e17, 315000.0, 123456789012345.0, 1234567890123456.0,
        12345678901234567.0, 0.30000000000000004, 2.2250738585072014e-308,
        4.9e-324, 1.7976931348623157e308, 9007199254740993.0, 66.66666666666667
    };
    long i;
    int k;
    for (i = 0; i < (long)(sizeof fixed / sizeof fixed[0]); i++) {
        double d = fixed[i];
        compare_text(d);
        compare_text(-d);
        compare_text(nextafter(d, 0.0));
        compare_text(nextafter(d, HUGE_VAL));
    }
    compare_text(HUGE_VAL);
    compare_text(-HUGE_VAL);
    compare_text(nan(""));
    for (k = -310; k <= 310; k++) {
        double d = pow(10.0, k);
        compare_text(d);
        compare_text(nextafter(d, 0.0));
        compare_text(nextafter(d, HUGE_VAL));
        compare_text(d * 9.99999999999999);
        compare_text(d * 9.999999999999999);
    }
    for (i = 0; i < count; i++) {
        uint64_t bits = rnd();
        double d;
        switch (i % 4) {
        case 0: memcpy(&d, &bits, sizeof d); break;
        case 1:     /* money: k / 10^p */
            d = (double)(int64_t)(rnd() % 100000000000ULL - 50000000000ULL)
                / (double)pow_u(10, (unsigned)(rnd() % 12));
            break;
        case 2:     /* up to 17 random digits at a random decade */
            d = (double)(rnd() % 100000000000000000ULL) * pow(10.0, (int)(rnd() % 60) - 40);
            break;
        default:    /* a score: p / q */
            d = (double)(rnd() % 100000) / (double)(1 + rnd() % 9999);
        }
        compare_text(d);
    }
}

/* Doubles to their shortest decimal (which rounds and converts back). */
static void test_doubles(long count)
{
    mpq_t a, b;
    long i;
    mpq_inits(a, b, NULL);
    for (i = 0; i < count; i++) {
        uint64_t bits = rnd();
        double d;
        int ra, rb;
        if (i % 2) {
            /* a short decimal, as money is: k / 10^p */
            d = (double)(rnd() % 100000000) / (double)pow_u(10, (unsigned)(rnd() % 9));
        } else {
            memcpy(&d, &bits, sizeof d);
        }
        dec_fast_paths(1);
        ra = dec_from_double(a, d);
        dec_fast_paths(0);
        rb = dec_from_double(b, d);
        ncompared++;
        if (ra != rb || (ra == 0 && !same_q(a, b)))
            failed("dec_from_double", b, 0, "", "");
    }
    mpq_clears(a, b, NULL);
}

/* Random fractions: numerators and denominators of random size, now and
   then of two limbs (the GMP path on both sides). */
static void test_random(mpq_t x, long count)
{
    long i;
    for (i = 0; i < count; i++) {
        uint64_t nhi = rnd() % 50 == 0 ? rnd_bits() : 0;
        uint64_t dhi = rnd() % 50 == 0 ? rnd_bits() : 0;
        compare_frac(x, 0, nhi, rnd_bits(), dhi, rnd_den());
    }
}

/* One group of comparisons: it passes when all of its results agree. */
static int groups_ok, groups_bad;
static void group_done(const char *name, long before, int failed_before)
{
    if (nfail == failed_before) {
        groups_ok++;
        printf("ok   %s: %ld results the same both ways\n", name, ncompared - before);
    } else {
        groups_bad++;
        printf("FAIL %s: %d of %ld results differ\n", name, nfail - failed_before,
               ncompared - before);
    }
}
#define GROUP(name, call) do { long b_ = ncompared; int f_ = nfail; call; \
                               group_done(name, b_, f_); } while (0)

int main(int argc, char **argv)
{
    /* about ten million comparisons (a few seconds); a tenth of them
       under AddressSanitizer, which runs it ten times slower */
#if defined(__SANITIZE_ADDRESS__)
    long scale = 10;
#else
    long scale = 100;
#endif
    mpq_t x;
    if (argc > 1) scale = atol(argv[1]);
    limbs_install();
    mpq_init(x);
    GROUP("boundaries", test_boundaries(x));
    GROUP("halves", test_halves(x));
    GROUP("random fractions", test_random(x, 2000 * scale));
    GROUP("number text", test_parse(1000 * scale));
    GROUP("doubles to decimals", test_doubles(200 * scale));
    GROUP("shortest text of doubles", test_double_text(2000 * scale));
    mpq_clear(x);
    dec_fast_paths(1);
    printf("%d passed, %d failed\n", groups_ok, groups_bad);
    return groups_bad != 0;
}
