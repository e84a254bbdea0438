/* SPDX-License-Identifier: MIT */
/*
** test_decimal.c: unit tests for core/decimal.c.
** Edge cases first (empty, lone sign, limits), then Swedish and English
** number text, doubles, rounding and the published rounding cases.
*/
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"

static int npass, nfail;

static void check(int ok, const char *what, int line)
{
    if (ok) { npass++; return; }
    nfail++;
    printf("FAIL line %d: %s\n", line, what);
}
#define CHECK(c) check((c) != 0, #c, __LINE__)

/* Compares and frees got. */
static void check_str(char *got, const char *want, const char *what, int line)
{
    if (got && strcmp(got, want) == 0) {
        npass++;
    } else {
        nfail++;
        printf("FAIL line %d: %s: got \"%s\", want \"%s\"\n", line, what,
               got ? got : "(null)", want);
    }
    free(got);
}

static const dec_syntax SV = { ',', 0, 0 };     /* Swedish CSV */
static const dec_syntax SVK = { ',', 1, 0 };    /* ... with kr/SEK */
static const dec_syntax EN = { '.', 0, 0 };
static const dec_syntax UNK = { 0, 0, 0 };      /* convention unknown */
static const dec_syntax XML = { '.', 0, 1 };    /* spreadsheet XML */

static void parse_ok(const char *s, const dec_syntax *syn, const char *want,
                     int line)
{
    char why[200] = "";
    mpq_t x;
    mpq_init(x);
    if (dec_parse(x, s, strlen(s), syn, why, sizeof why) != 0) {
        nfail++;
        printf("FAIL line %d: parse \"%s\" rejected: %s\n", line, s, why);
    } else {
        check_str(dec_format_exact(x), want, s, line);
    }
    mpq_clear(x);
}
#define PARSE_OK(s, syn, want) parse_ok(s, syn, want, __LINE__)

/* Rejected, and why begins with want_why. */
static void parse_bad(const char *s, const dec_syntax *syn,
                      const char *want_why, int line)
{
    char why[200] = "";
    mpq_t x;
    mpq_init(x);
    mpq_set_ui(x, 7, 1);
    if (dec_parse(x, s, strlen(s), syn, why, sizeof why) == 0) {
        char *got = dec_format_exact(x);
        nfail++;
        printf("FAIL line %d: parse \"%s\" accepted as %s\n", line, s, got);
        free(got);
    } else if (strncmp(why, want_why, strlen(want_why)) != 0) {
        nfail++;
        printf("FAIL line %d: parse \"%s\": why \"%s\", want \"%s...\"\n",
               line, s, why, want_why);
    } else if (mpq_cmp_ui(x, 7, 1) != 0) {
        nfail++;
        printf("FAIL line %d: parse \"%s\" changed out on failure\n", line, s);
    } else {
        npass++;
    }
    mpq_clear(x);
}
#define PARSE_BAD(s, syn, why) parse_bad(s, syn, why, __LINE__)

static void plain(mpq_t x, const char *s)
{
    if (dec_parse_plain(x, s) != 0) {
        printf("test bug: plain \"%s\" does not parse\n", s);
        exit(2);
    }
}

static void plain_is(const char *s, const char *want, int line)
{
    mpq_t x;
    mpq_init(x);
    if (!want) {
        check(dec_parse_plain(x, s) == -1, s, line);
    } else if (dec_parse_plain(x, s) != 0) {
        nfail++;
        printf("FAIL line %d: plain \"%s\" rejected\n", line, s);
    } else {
        check_str(dec_format_exact(x), want, s, line);
    }
    mpq_clear(x);
}
#define PLAIN(s, want) plain_is(s, want, __LINE__)

static void round_is(const char *s, int places, dec_mode m, const char *want,
                     int line)
{
    mpq_t x, y;
    char what[100];
    mpq_inits(x, y, NULL);
    plain(x, s);
    dec_round(y, x, places, m);
    snprintf(what, sizeof what, "round %s at %d %s", s, places,
             dec_mode_name(m));
    check_str(dec_format_exact(y), want, what, line);
    mpq_clears(x, y, NULL);
}
#define ROUND(s, p, m, want) round_is(s, p, m, want, __LINE__)

static void fixed_is(const char *s, int places, const char *want, int line)
{
    mpq_t x;
    char what[100];
    mpq_init(x);
    plain(x, s);
    snprintf(what, sizeof what, "fixed %s at %d", s, places);
    check_str(dec_format_fixed(x, places), want, what, line);
    mpq_clear(x);
}
#define FIXED(s, p, want) fixed_is(s, p, want, __LINE__)

static void from_double_is(double d, const char *want, int line)
{
    mpq_t x;
    char what[64];
    mpq_init(x);
    snprintf(what, sizeof what, "from_double %.17g", d);
    if (dec_from_double(x, d) != 0) {
        nfail++;
        printf("FAIL line %d: %s rejected\n", line, what);
    } else {
        check_str(dec_format_exact(x), want, what, line);
    }
    mpq_clear(x);
}
#define FROM_DOUBLE(d, want) from_double_is(d, want, __LINE__)

static double to_double(const char *s)
{
    mpq_t x;
    double d;
    mpq_init(x);
    plain(x, s);
    d = dec_to_double(x);
    mpq_clear(x);
    return d;
}

/* xorshift: reproducible random bits for the sweeps */
static unsigned long long rng_state = 88172645463325252ULL;
static unsigned long long rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* {=========== edge cases ============ */

static void test_edges(void)
{
    char big[512], why[200];
    mpq_t x;
    size_t i;

    PARSE_BAD("", &SV, "not a number: \"\"");
    PARSE_BAD("   ", &SV, "not a number: \"\"");
    PARSE_BAD("-", &SV, "not a number: \"-\"");
    PARSE_BAD("+", &SV, "not a number");
    PARSE_BAD("\xe2\x88\x92", &SV, "not a number");    /* lone U+2212 */
    PARSE_OK("0", &SV, "0");
    PARSE_OK("-0", &SV, "0");
    PARSE_OK("-0,00", &SV, "0");
    PARSE_OK("  42  ", &SV, "42");
    PARSE_OK("\t7\t", &SV, "7");
    PARSE_OK("007", &SV, "7");

    mpq_init(x);
    /* NULL text, zero length, NULL why: rejected without a crash */
    CHECK(dec_parse(x, NULL, 0, &SV, why, sizeof why) == -1);
    CHECK(dec_parse(x, "12", 0, &SV, NULL, 0) == -1);
    CHECK(dec_parse(x, "12", 2, NULL, NULL, 0) == 0 && mpq_cmp_ui(x, 12, 1) == 0);
    /* n is honoured: the bytes after it are not read */
    CHECK(dec_parse(x, "12abc", 2, &SV, why, sizeof why) == 0
          && mpq_cmp_ui(x, 12, 1) == 0);
    /* an embedded NUL is garbage, not an end */
    CHECK(dec_parse(x, "1\0002", 3, &SV, why, sizeof why) == -1);
    /* a tiny why buffer is truncated, never overrun */
    why[5] = 'Z';
    CHECK(dec_parse(x, "abc", 3, &SV, why, 4) == -1 && why[3] == '\0'
          && why[5] == 'Z');

    /* 300 digits: the limit; 301: refused */
    memset(big, '9', 300);
    big[300] = '\0';
    PARSE_OK(big, &SV, big);
    big[300] = '9';
    big[301] = '\0';
    PARSE_BAD(big, &SV, "too many digits in \"9999");
    /* 400 bytes of text: the limit (trailing spaces count); 401: refused */
    memset(big, ' ', 400);
    big[0] = '5';
    big[400] = '\0';
    PARSE_OK(big, &SV, "5");
    big[400] = ' ';
    big[401] = '\0';
    PARSE_BAD(big, &SV, "number too long: \"5 ");
    /* a long bad text is quoted shortened */
    for (i = 0; i < 100; i++) big[i] = 'x';
    big[100] = '\0';
    CHECK(dec_parse(x, big, 100, &SV, why, sizeof why) == -1
          && strcmp(why, "not a number: \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                    "xxxxxxxxx...\"") == 0);
    /* control bytes and broken UTF-8 are not copied into the message */
    CHECK(dec_parse(x, "1\x1b[2J\xe5", 6, &SV, why, sizeof why) == -1
          && strcmp(why, "not a number: \"1?[2J?\"") == 0);
    mpq_clear(x);
}

/* }================================= */

/* {=========== parsing ============ */

static void test_swedish(void)
{
    PARSE_OK("1 234,50", &SV, "1234.5");
    PARSE_OK("1\u00a0234,50", &SV, "1234.5");
    PARSE_OK("1\u202f234,50", &SV, "1234.5");
    PARSE_OK("1\u202f234,50 kr", &SVK, "1234.5");
    PARSE_OK("12 500 SEK", &SVK, "12500");
    PARSE_OK("1.234,50", &SV, "1234.5");
    PARSE_OK("1.234,50", &EN, "1234.5");     /* both: the last is decimal */
    PARSE_OK("1,234.50", &EN, "1234.5");
    PARSE_OK("1,234.50", &SV, "1234.5");
    PARSE_OK("-5,5", &SV, "-5.5");
    PARSE_OK("\u22125,5", &SV, "-5.5");       /* U+2212 MINUS SIGN */
    PARSE_OK("+5,5", &SV, "5.5");
    PARSE_OK("0,1", &SV, "0.1");
    PARSE_OK("1234,5", &SV, "1234.5");
    PARSE_OK("1 234 567,89", &SV, "1234567.89");
    PARSE_OK("1\u00a0234 567", &SV, "1234567");  /* spaces may mix */
    PARSE_OK("1.234.567", &SV, "1234567");
    PARSE_OK("1,234,567", &EN, "1234567");
    PARSE_OK("1,234,567", &SV, "1234567");   /* repeated: grouping */
    PARSE_OK("1.234.567,5", &SV, "1234567.5");
    PARSE_OK("12.5", &SV, "12.5");           /* not three digits: decimal */
    PARSE_OK("12,5", &EN, "12.5");
    PARSE_OK("0,001", &SV, "0.001");
    PARSE_OK("1,2345", &EN, "1.2345");
    /* the thousands reading is impossible, so the separator is decimal */
    PARSE_OK("0.125", &SV, "0.125");
    PARSE_OK("1234.567", &SV, "1234.567");
    PARSE_OK("0,125", &UNK, "0.125");
}

static void test_currency(void)
{
    PARSE_OK("125:-", &SVK, "125");
    PARSE_OK("125 :-", &SVK, "125");
    PARSE_OK("SEK 1 000", &SVK, "1000");
    PARSE_OK("sek 12,50", &SVK, "12.5");
    PARSE_OK("99 KR", &SVK, "99");
    PARSE_OK("10 kr.", &SVK, "10");
    PARSE_OK("5kr", &SVK, "5");
    PARSE_OK("5\u00a0kr", &SVK, "5");
    PARSE_OK("-1 234,50 kr", &SVK, "-1234.5");
    PARSE_BAD("1 234,50 kr", &SV, "not a number");      /* not allowed */
    PARSE_BAD("1 234,50 EUR", &SVK, "not a number: \"1 234,50 EUR\"");
    PARSE_BAD("SEK 5 kr", &SVK, "not a number");
    PARSE_BAD("kr", &SVK, "not a number");
    PARSE_BAD("5  kr", &SVK, "not a number");           /* two spaces */
    PARSE_BAD("$5", &SVK, "not a number");
}

static void test_plain_text(void)
{
    PARSE_OK("12.5", &EN, "12.5");
    PARSE_OK("1234", &UNK, "1234");
    PARSE_OK("12,5", &UNK, "12.5");
    PARSE_OK("12.50", &UNK, "12.5");
    PARSE_OK("1 234", &UNK, "1234");
}

static void test_ambiguous(void)
{
    PARSE_BAD("1.234", &SV, "ambiguous number \"1.234\": is \".\" a decimal "
              "point or a thousands separator?");
    PARSE_BAD("1,234", &EN, "ambiguous number \"1,234\": is \",\" a decimal "
              "point or a thousands separator?");
    PARSE_BAD("1.234", &UNK, "ambiguous number");
    PARSE_BAD("1,234", &UNK, "ambiguous number");
    PARSE_BAD("-12,345", &UNK, "ambiguous number");
    PARSE_BAD("999.000 kr", &SVK, "ambiguous number \"999.000 kr\"");
}

static void test_bad(void)
{
    PARSE_BAD("1 23", &SV, "bad digit grouping in \"1 23\"");
    PARSE_BAD("12 3456", &SV, "bad digit grouping");
    PARSE_BAD("1234 567", &SV, "bad digit grouping");
    PARSE_BAD("0 500", &SV, "bad digit grouping");
    PARSE_BAD("1 234.567,50", &SV, "bad digit grouping");  /* mixed */
    PARSE_BAD("1.234 567", &SV, "bad digit grouping");
    PARSE_BAD("1,5 000", &SV, "bad digit grouping");
    PARSE_BAD("1,2,3", &SV, "bad digit grouping");
    PARSE_BAD("1.234,5,6", &SV, "bad digit grouping");
    PARSE_BAD("1.23.456", &SV, "bad digit grouping");
    PARSE_BAD("abc", &SV, "not a number: \"abc\"");
    PARSE_BAD("12abc", &SV, "not a number: \"12abc\"");
    PARSE_BAD("1..2", &SV, "not a number");
    PARSE_BAD("--1", &SV, "not a number");
    PARSE_BAD("+-1", &SV, "not a number");
    PARSE_BAD("1-", &SV, "not a number");
    PARSE_BAD("- 1", &SV, "not a number");
    PARSE_BAD(",5", &SV, "not a number");
    PARSE_BAD("5,", &SV, "not a number");
    PARSE_BAD("1  234", &SV, "not a number");
    PARSE_BAD("1\t234", &SV, "not a number");
    PARSE_BAD("0x10", &SV, "not a number");
    PARSE_BAD("1e5", &SV, "not a number");               /* no exponent */
    PARSE_BAD("Infinity", &EN, "not a number");
    PARSE_BAD("NaN", &XML, "not a number");
}

static void test_exponent(void)
{
    PARSE_OK("1.5E-3", &XML, "0.0015");
    PARSE_OK("2e5", &XML, "200000");
    PARSE_OK("-1e-2", &XML, "-0.01");
    PARSE_OK("1E+3", &XML, "1000");
    PARSE_OK("1.25e1", &XML, "12.5");
    PARSE_OK("0.1", &XML, "0.1");            /* exponent is optional */
    {
        /* the smallest subnormal as spreadsheets write it: 323 zeros */
        char want[400];
        memset(want, '0', sizeof want);
        want[1] = '.';
        strcpy(want + 2 + 323, "49406564584124654");
        PARSE_OK("4.9406564584124654E-324", &XML, want);
    }
    PARSE_BAD("1,5E3", &XML, "not a number");
    PARSE_BAD("1 000e3", &XML, "not a number");
    PARSE_BAD("1e", &XML, "not a number");
    PARSE_BAD("e5", &XML, "not a number");
    PARSE_BAD("1.e5", &XML, "not a number");
    PARSE_BAD("1e5.0", &XML, "not a number");
    PARSE_BAD("1e--5", &XML, "not a number");
    PARSE_BAD("1e99999", &XML, "exponent out of range in \"1e99999\"");
    PARSE_BAD("1e4001", &XML, "exponent out of range");
    PARSE_BAD("2e5", &EN, "not a number");
}

static void test_parse_plain(void)
{
    PLAIN("12.5", "12.5");
    PLAIN("-3", "-3");
    PLAIN("0.10", "0.1");
    PLAIN("425/6", "425/6");
    PLAIN("-2/4", "-0.5");
    PLAIN("-2/6", "-1/3");
    PLAIN("6/3", "2");
    PLAIN("-0", "0");
    PLAIN("1/0", NULL);
    PLAIN("1/-2", NULL);
    PLAIN("", NULL);
    PLAIN("-", NULL);
    PLAIN("1.", NULL);
    PLAIN(".5", NULL);
    PLAIN("1,5", NULL);
    PLAIN(" 1", NULL);
    PLAIN("1 ", NULL);
    PLAIN("1e5", NULL);
    PLAIN("+1", NULL);
    PLAIN("1/2/3", NULL);
    PLAIN("1.5/2", NULL);
    CHECK(dec_parse_plain(NULL, NULL) == -1);
}

/* }================================= */

/* {=========== doubles ============ */

/* Shortest %.*e text that reads back as d, as a C library sees it. */
static void shortest_text(char *buf, size_t len, double d)
{
    int p;
    for (p = 0; p < 17; p++) {
        snprintf(buf, len, "%.*e", p, d);
        if (strtod(buf, NULL) == d) return;
    }
}

static void test_doubles(void)
{
    char zeros[400], buf[64], why[200];
    mpq_t x, y;
    int i, bad;

    FROM_DOUBLE(0.1, "0.1");
    FROM_DOUBLE(0.2, "0.2");
    FROM_DOUBLE(0.1 + 0.2, "0.30000000000000004");
    FROM_DOUBLE(1e-7, "0.0000001");
    FROM_DOUBLE(123456789012.345, "123456789012.345");
    FROM_DOUBLE(-2.5, "-2.5");
    FROM_DOUBLE(0.0, "0");
    FROM_DOUBLE(-0.0, "0");
    FROM_DOUBLE(1e22, "10000000000000000000000");
    FROM_DOUBLE(9007199254740993.0, "9007199254740992");
    FROM_DOUBLE(144.0, "144");
    /* 5e-324, the smallest subnormal: 323 zeros after the point, then 5 */
    memset(zeros, '0', 323);
    zeros[323] = '\0';
    {
        char want[420];
        snprintf(want, sizeof want, "0.%s5", zeros);
        FROM_DOUBLE(5e-324, want);
    }

    mpq_inits(x, y, NULL);
    CHECK(dec_from_double(x, (double)NAN) == -1);
    CHECK(dec_from_double(x, (double)INFINITY) == -1);
    CHECK(dec_from_double(x, -(double)INFINITY) == -1);
    CHECK(dec_from_double(x, 1.7976931348623157e308) == 0
          && dec_to_double(x) == 1.7976931348623157e308);

    /* a model's numbers: at most 15 significant digits, else the result of
       float arithmetic (40/60*100, 0.1+0.2), refused with a fraction to write */
    CHECK(dec_from_literal(x, 0.1) == 0);
    CHECK(dec_from_literal(x, 1234567.845) == 0);
    CHECK(dec_from_literal(x, 123456789012345.0) == 0);      /* 15 digits */
    CHECK(dec_from_literal(x, 1e300) == 0);
    CHECK(dec_from_literal(x, 0.0) == 0);
    CHECK(dec_from_literal(x, 40.0 / 60.0 * 100.0) == -2);   /* 66.66666666666666 */
    CHECK(dec_from_literal(x, 0.1 + 0.2) == -2);             /* 0.30000000000000004 */
    CHECK(dec_from_literal(x, 1.0 / 3.0) == -2);
    CHECK(dec_from_literal(x, 1234567890123456.0) == -2);    /* 16 digits */
    CHECK(dec_from_literal(x, (double)NAN) == -1);
    {
        char *s;
        CHECK(dec_simple_fraction(x, 200.0 / 3.0) == 1);
        s = dec_format_exact(x);
        check_str(s, "200/3", "200/3 as a fraction", __LINE__);
        CHECK(dec_simple_fraction(x, 40.0 / 60.0 * 100.0) == 1);
        s = dec_format_exact(x);
        check_str(s, "200/3", "40/60*100 as a fraction", __LINE__);
        CHECK(dec_simple_fraction(x, 0.1 + 0.2) == 1);
        s = dec_format_exact(x);
        check_str(s, "0.3", "0.1+0.2 as a fraction", __LINE__);
        CHECK(dec_simple_fraction(x, -1.0 / 7.0) == 1);
        s = dec_format_exact(x);
        check_str(s, "-1/7", "-1/7 as a fraction", __LINE__);
        CHECK(dec_simple_fraction(x, 3.141592653589793) == 0);   /* no small fraction */
    }

    CHECK(to_double("1/10") == 0.1);
    CHECK(to_double("1/3") == 1.0 / 3.0);
    CHECK(to_double("-2/3") == -2.0 / 3.0);
    CHECK(to_double("0") == 0.0);
    CHECK(to_double("123456789012.345") == 123456789012.345);
    CHECK(to_double("9007199254740993") == 9007199254740992.0); /* tie: even */
    CHECK(to_double("9007199254740995") == 9007199254740996.0);
    {
        /* 1/3 prints as the double 0.3333333333333333 */
        char *s;
        dec_from_double(x, to_double("1/3"));
        s = dec_format_exact(x);
        check_str(s, "0.3333333333333333", "1/3 via double", __LINE__);
    }
    mpz_ui_pow_ui(mpq_numref(x), 10, 400);
    mpz_set_ui(mpq_denref(x), 1);
    CHECK(isinf(dec_to_double(x)) && dec_to_double(x) > 0);
    mpq_inv(x, x);
    CHECK(dec_to_double(x) == 0.0);
    mpq_neg(x, x);
    CHECK(dec_to_double(x) == 0.0 && signbit(dec_to_double(x)));

    /* Sweep: random bit patterns. Round trip, and the same shortest value
       as the C library's printf/strtod loop. */
    for (i = 0, bad = 0; i < 20000; i++) {
        double d;
        unsigned long long u = rnd();
        memcpy(&d, &u, sizeof d);
        if (!isfinite(d)) continue;
        shortest_text(buf, sizeof buf, d);
        if (dec_from_double(x, d) != 0 || dec_to_double(x) != d
            || dec_parse(y, buf, strlen(buf), &XML, why, sizeof why) != 0
            || !mpq_equal(x, y)) {
            if (bad++ < 5) printf("  sweep: %s\n", buf);
        }
    }
    CHECK(bad == 0);
    /* Sweep: random decimal text, dec_to_double against strtod. */
    for (i = 0, bad = 0; i < 20000; i++) {
        int ndig = 1 + (int)(rnd() % 25), e10 = (int)(rnd() % 700) - 350, k;
        size_t pos = 0;
        for (k = 0; k < ndig; k++) buf[pos++] = (char)('0' + rnd() % 10);
        snprintf(buf + pos, sizeof buf - pos, "e%d", e10);
        if (dec_parse(x, buf, strlen(buf), &XML, why, sizeof why) != 0
            || dec_to_double(x) != strtod(buf, NULL)) {
            if (bad++ < 5) printf("  to_double: %s\n", buf);
        }
    }
    CHECK(bad == 0);
    mpq_clears(x, y, NULL);
}

/* }================================= */

/* {=========== rounding ============ */

static void test_round(void)
{
    mpq_t x, y;

    ROUND("2.5", 0, DEC_HALF_UP, "3");
    ROUND("-2.5", 0, DEC_HALF_UP, "-3");
    ROUND("2.4", 0, DEC_HALF_UP, "2");
    ROUND("0.5", 0, DEC_HALF_UP, "1");
    ROUND("-0.5", 0, DEC_HALF_UP, "-1");
    ROUND("-0.4", 0, DEC_HALF_UP, "0");
    ROUND("2.675", 2, DEC_HALF_UP, "2.68");
    ROUND("1.005", 2, DEC_HALF_UP, "1.01");
    ROUND("1/3", 2, DEC_HALF_UP, "0.33");
    ROUND("2/3", 2, DEC_HALF_UP, "0.67");
    ROUND("-2/3", 2, DEC_HALF_UP, "-0.67");
    ROUND("7", 2, DEC_HALF_UP, "7");
    ROUND("0", 0, DEC_HALF_UP, "0");

    ROUND("2.5", 0, DEC_HALF_EVEN, "2");
    ROUND("3.5", 0, DEC_HALF_EVEN, "4");
    ROUND("-2.5", 0, DEC_HALF_EVEN, "-2");
    ROUND("-3.5", 0, DEC_HALF_EVEN, "-4");
    ROUND("2.51", 0, DEC_HALF_EVEN, "3");
    ROUND("2.675", 2, DEC_HALF_EVEN, "2.68");
    ROUND("2.665", 2, DEC_HALF_EVEN, "2.66");
    ROUND("0.125", 2, DEC_HALF_EVEN, "0.12");
    ROUND("1/6", 3, DEC_HALF_EVEN, "0.167");

    ROUND("2.7", 0, DEC_TRUNCATE, "2");
    ROUND("-2.7", 0, DEC_TRUNCATE, "-2");
    ROUND("2/3", 2, DEC_TRUNCATE, "0.66");
    ROUND("-2/3", 2, DEC_TRUNCATE, "-0.66");

    /* negative places: tens, hundreds, thousands */
    ROUND("1250", -2, DEC_HALF_UP, "1300");
    ROUND("1250", -2, DEC_HALF_EVEN, "1200");
    ROUND("1350", -2, DEC_HALF_EVEN, "1400");
    ROUND("-1250", -2, DEC_HALF_UP, "-1300");
    ROUND("1999", -3, DEC_TRUNCATE, "1000");
    ROUND("499", -3, DEC_HALF_UP, "0");
    ROUND("12345.678", -1, DEC_HALF_UP, "12350");
    /* places far out of range are clamped, not allocated */
    ROUND("12345", INT_MIN, DEC_HALF_UP, "0");
    ROUND("1.5", INT_MAX, DEC_HALF_UP, "1.5");

    /* published cases, research/domain-models.md */
    ROUND("373292.5", 0, DEC_HALF_UP, "373293");    /* Ottander SEK */
    ROUND("2.2962", 2, DEC_HALF_UP, "2.3");         /* Ottander mark */
    ROUND("135386.4", 0, DEC_HALF_UP, "135386");
    ROUND("1669334.25", 0, DEC_HALF_UP, "1669334"); /* WE-06 */
    ROUND("698515.75", 0, DEC_HALF_UP, "698516");   /* WE-06 J(F2) */
    FIXED("2.2962", 2, "2.30");

    mpq_inits(x, y, NULL);
    /* Italian ANAC: 1.1/3 = 0.3666... printed truncated as 0.36 */
    plain(x, "1.1");
    mpq_set_ui(y, 3, 1);
    mpq_div(x, x, y);
    dec_round(y, x, 2, DEC_TRUNCATE);
    check_str(dec_format_fixed(y, 2), "0.36", "1.1/3 truncated", __LINE__);
    check_str(dec_format_exact(x), "11/30", "1.1/3 exact", __LINE__);
    /* out aliases x */
    plain(x, "-2.345");
    dec_round(x, x, 2, DEC_HALF_UP);
    check_str(dec_format_exact(x), "-2.35", "aliased round", __LINE__);
    plain(x, "98765.4321");
    dec_round(x, x, -2, DEC_HALF_EVEN);
    check_str(dec_format_exact(x), "98800", "aliased round -2", __LINE__);
    mpq_clears(x, y, NULL);
}

/* }================================= */

/* {=========== formatting ============ */

static void test_format(void)
{
    mpq_t x;

    FIXED("144", 2, "144.00");
    FIXED("-0.5", 2, "-0.50");
    FIXED("3", 0, "3");
    FIXED("-0.001", 2, "0.00");         /* no negative zero */
    FIXED("-0.4", 0, "0");
    FIXED("0.125", 2, "0.12");          /* half-even */
    FIXED("0.135", 2, "0.14");
    FIXED("1/3", 4, "0.3333");
    FIXED("0.05", 2, "0.05");
    FIXED("0.005", 1, "0.0");
    FIXED("425/6", 2, "70.83");
    FIXED("1.5", 0, "2");
    FIXED("0.5", 0, "0");
    FIXED("-7", 3, "-7.000");
    FIXED("1250", -2, "1200");
    FIXED("123456789.123", 3, "123456789.123");
    FIXED("0", 2, "0.00");

    PLAIN("144", "144");
    PLAIN("0.125", "0.125");
    PLAIN("-2.5", "-2.5");
    PLAIN("1669334.25", "1669334.25");
    PLAIN("1/1024", "0.0009765625");
    PLAIN("1/8000", "0.000125");
    PLAIN("-1/3", "-1/3");
    PLAIN("0.00000000000000000001", "0.00000000000000000001");
    PLAIN("100", "100");

    mpq_init(x);
    mpq_set_ui(x, 425, 6);
    check_str(dec_format_exact(x), "425/6", "exact 425/6", __LINE__);
    plain(x, "1/3");
    CHECK(!dec_is_terminating(x));
    plain(x, "1/6");
    CHECK(!dec_is_terminating(x));
    plain(x, "1/80");
    CHECK(dec_is_terminating(x));
    plain(x, "7");
    CHECK(dec_is_terminating(x));
    plain(x, "0");
    CHECK(dec_bits(x) == 1);
    plain(x, "255/256");
    CHECK(dec_bits(x) == 9);
    plain(x, "-65536");
    CHECK(dec_bits(x) == 17);
    mpq_clear(x);

    CHECK(strcmp(dec_mode_name(DEC_HALF_UP), "half_up") == 0);
    CHECK(strcmp(dec_mode_name(DEC_HALF_EVEN), "half_even") == 0);
    CHECK(strcmp(dec_mode_name(DEC_TRUNCATE), "truncate") == 0);
    CHECK(dec_mode_parse("half_up") == DEC_HALF_UP);
    CHECK(dec_mode_parse("half_even") == DEC_HALF_EVEN);
    CHECK(dec_mode_parse("truncate") == DEC_TRUNCATE);
    CHECK(dec_mode_parse("HALF_UP") == -1);
    CHECK(dec_mode_parse("") == -1);
    CHECK(dec_mode_parse(NULL) == -1);
}

/* }================================= */

int main(void)
{
    test_edges();
    test_swedish();
    test_currency();
    test_plain_text();
    test_ambiguous();
    test_bad();
    test_exponent();
    test_parse_plain();
    test_doubles();
    test_round();
    test_format();
    printf("%d passed, %d failed\n", npass, nfail);
    return nfail ? 1 : 0;
}
