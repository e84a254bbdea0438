/* SPDX-License-Identifier: MIT */
/*
** decimal.c: exact rational numbers for money and scores.
** Parses decimal text as Swedish and English spreadsheets write it, rounds
** at declared steps, formats for output. GMP, with 64-bit integers for
** numbers of one limb; binary floating point appears only at the double
** boundary (dec_from_double, dec_to_double, dec_format_double).
*/
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decimal.h"

#define MAX_TEXT    400     /* bytes of number text dec_parse looks at */
#define MAX_DIGITS  300     /* digits in one number */
#define MAX_EXP     4000    /* |exponent|: 10^4000 * 300 digits < DEC_MAX_BITS */
#define MAX_PLACES  5000    /* 10^5000 > 2^DEC_MAX_BITS: beyond it nothing changes */
#define MAX_PLAIN   40000   /* bytes of dec_parse_plain text (p/q at DEC_MAX_BITS) */
#define QUOTE_MAX   40      /* bytes of the number quoted in a message */

/* {=========== small numbers ============ */

/* Money and scores are short decimals: numerator and denominator of one
   limb each. For those, the functions below compute on 64- and 128-bit
   integers instead of GMP numbers (no allocation, no gcd, no generic
   division), to the same result byte for byte; test_decpaths runs both
   paths over millions of values and compares. Where GMP's limb is not 64
   bits or there is no 128-bit integer, everything takes the GMP path. */
static int fast_on = 1;

#if GMP_NUMB_BITS == 64 && GMP_NAIL_BITS == 0 && defined(__SIZEOF_INT128__) \
    && ULONG_MAX == UINT64_MAX
#define DEC_FAST 1
__extension__ typedef unsigned __int128 u128;

static const uint64_t pow10_64[20] = {
    1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
    10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
    100000000000ULL, 1000000000000ULL, 10000000000000ULL,
    100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
    100000000000000000ULL, 1000000000000000000ULL,
    10000000000000000000ULL
};
#define POW10_MAX 19    /* the largest power of ten in 64 bits */

/* |numerator| and denominator of x when both fit in 64 bits. */
static int small(const mpq_t x, uint64_t *n, uint64_t *d)
{
    if (!fast_on || mpz_size(mpq_numref(x)) > 1 || mpz_size(mpq_denref(x)) != 1)
        return 0;
    *n = mpz_getlimbn(mpq_numref(x), 0);    /* 0 for 0 */
    *d = mpz_getlimbn(mpq_denref(x), 0);
    return 1;
}

static void set_u128(mpz_t z, u128 v)
{
    if (v >> 64) {
        mpz_set_ui(z, (unsigned long)(v >> 64));
        mpz_mul_2exp(z, z, 64);
        mpz_add_ui(z, z, (unsigned long)(uint64_t)v);
    } else {
        mpz_set_ui(z, (unsigned long)v);
    }
}

/* out = (neg ? -q : q) / 10^p in lowest terms, p <= POW10_MAX. */
static void set_scaled(mpq_t out, u128 q, int neg, unsigned p)
{
    unsigned twos = p, fives = p;
    uint64_t v;
    if (q >> 64) {          /* rare: let GMP reduce it */
        set_u128(mpq_numref(out), q);
        mpz_set_ui(mpq_denref(out), (unsigned long)pow10_64[p]);
        mpq_canonicalize(out);
        if (neg) mpq_neg(out, out);
        return;
    }
    v = (uint64_t)q;
    if (v == 0) { mpq_set_ui(out, 0, 1); return; }
    while (twos && !(v & 1)) { v >>= 1; twos--; }
    while (fives && v % 5 == 0) { v /= 5; fives--; }
    mpz_set_ui(mpq_numref(out), (unsigned long)v);
    /* 2^twos 5^fives, and 10^f >> f is 5^f */
    mpz_set_ui(mpq_denref(out), (unsigned long)(pow10_64[fives] >> fives << twos));
    if (neg) mpz_neg(mpq_numref(out), mpq_numref(out));
}
#endif

int dec_fast_paths(int on)
{
    int was = fast_on;
    fast_on = on;
    return was;
}

/* }================================= */

/* Never <ctype.h>: its answers follow the process locale. */
static int isdig(int c) { return c >= '0' && c <= '9'; }
static int lower(int c) { return (c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c; }

/* {=========== parsing ============ */

enum { SEP_SPACE, SEP_COMMA, SEP_DOT };

enum {
    WHY_NOTNUM, WHY_AMBIG, WHY_GROUP, WHY_LONG, WHY_DIGITS, WHY_EXP
};

/* Width of a space-like thousands separator starting at s[i]
   (' ', U+00A0, U+202F), or 0. */
static size_t space_at(const char *s, size_t i, size_t e)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t left = e - i;
    if (left >= 1 && u[0] == ' ') return 1;
    if (left >= 2 && u[0] == 0xC2 && u[1] == 0xA0) return 2;
    if (left >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xAF) return 3;
    return 0;
}

/* Width of a space-like separator ending just before s[e], or 0. */
static size_t space_before(const char *s, size_t b, size_t e)
{
    size_t w;
    for (w = 1; w <= 3; w++)
        if (e - b >= w && space_at(s, e - w, e) == w) return w;
    return 0;
}

/* Length of a valid UTF-8 sequence at u[0..left), or 0. Overlong forms
   are let through: this only keeps messages printable. */
static size_t utf8_len(const unsigned char *u, size_t left)
{
    size_t len, i;
    if (u[0] < 0x80) return 1;
    if (u[0] >= 0xC2 && u[0] <= 0xDF) len = 2;
    else if (u[0] >= 0xE0 && u[0] <= 0xEF) len = 3;
    else if (u[0] >= 0xF0 && u[0] <= 0xF4) len = 4;
    else return 0;
    if (len > left) return 0;
    for (i = 1; i < len; i++)
        if ((u[i] & 0xC0) != 0x80) return 0;
    return len;
}

/* The text in double quotes for a message: at most QUOTE_MAX bytes, cut
   at a character boundary, control bytes and broken UTF-8 shown as '?'. */
static void quote(char *q, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, j = 0, len, k;
    q[j++] = '"';
    while (i < n) {
        len = utf8_len(u + i, n - i);
        if (i + (len ? len : 1) > QUOTE_MAX) break;
        if (len == 0 || (len == 1 && (u[i] < 0x20 || u[i] == 0x7F))) {
            q[j++] = '?';
            i++;
            continue;
        }
        for (k = 0; k < len; k++) q[j++] = (char)u[i++];
    }
    if (i < n) { memcpy(q + j, "...", 3); j += 3; }
    q[j++] = '"';
    q[j] = '\0';
}

static int fail(char *why, size_t whylen, int kind, const char *s, size_t n,
                char sep)
{
    char q[QUOTE_MAX + 8];     /* quotes, text, "...", NUL */
    if (!why || whylen == 0) return -1;
    quote(q, s, n);
    switch (kind) {
    case WHY_AMBIG:
        snprintf(why, whylen, "ambiguous number %s: is \"%c\" a decimal point "
                 "or a thousands separator?", q, sep);
        break;
    case WHY_GROUP:
        snprintf(why, whylen, "bad digit grouping in %s", q);
        break;
    case WHY_LONG:
        snprintf(why, whylen, "number too long: %s", q);
        break;
    case WHY_DIGITS:
        snprintf(why, whylen, "too many digits in %s", q);
        break;
    case WHY_EXP:
        snprintf(why, whylen, "exponent out of range in %s", q);
        break;
    default:
        snprintf(why, whylen, "not a number: %s", q);
        break;
    }
    return -1;
}

/* Strip a "SEK " prefix or a "kr"/"kr."/"SEK"/":-" suffix (any case,
   optional space between). Only one of them: "SEK 5 kr" stays bad. */
static void strip_currency(const char *s, size_t *pb, size_t *pe)
{
    static const char *const suffixes[] = { "kr.", "kr", "sek", ":-" };
    size_t b = *pb, e = *pe, i, k, len;
    if (e - b >= 3 && lower(s[b]) == 's' && lower(s[b + 1]) == 'e'
        && lower(s[b + 2]) == 'k') {
        b += 3;
        *pb = b + space_at(s, b, e);
        return;
    }
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        len = strlen(suffixes[i]);
        if (e - b < len) continue;
        for (k = 0; k < len; k++)
            if (lower(s[e - len + k]) != suffixes[i][k]) break;
        if (k < len) continue;
        e -= len;
        *pe = e - space_before(s, b, e);
        return;
    }
}

/* value = sign * digits / 10^frac * 10^exp10, into out. */
static void set_value(mpq_t out, const char *digits, int neg, long frac,
                      long exp10)
{
    mpz_t p;
    long sc = exp10 - frac;
#ifdef DEC_FAST
    if (fast_on && sc >= -POW10_MAX && sc <= POW10_MAX) {
        const char *t = digits;
        uint64_t v = 0;
        while (*t == '0') t++;
        if (strlen(t) <= POW10_MAX) {   /* 19 digits: below 10^19 < 2^64 */
            for (; *t; t++) v = v * 10 + (uint64_t)(*t - '0');
            if (sc < 0) {
                set_scaled(out, v, neg, (unsigned)-sc);
            } else {
                set_u128(mpq_numref(out), (u128)v * pow10_64[sc]);
                mpz_set_ui(mpq_denref(out), 1);
                if (neg) mpz_neg(mpq_numref(out), mpq_numref(out));
            }
            return;
        }
    }
#endif
    mpz_init(p);
    mpz_set_str(mpq_numref(out), digits, 10);   /* digits were checked */
    mpz_set_ui(mpq_denref(out), 1);
    mpz_ui_pow_ui(p, 10, (unsigned long)(sc < 0 ? -sc : sc));
    if (sc < 0) mpz_set(mpq_denref(out), p);
    else mpz_mul(mpq_numref(out), mpq_numref(out), p);
    mpq_canonicalize(out);
    if (neg) mpq_neg(out, out);
    mpz_clear(p);
}

/* Spreadsheet XML form: digits[.digits](e|E)[+-]digits, '.' only. */
static int parse_exponent(mpq_t out, const char *s, size_t b, size_t e,
                          int neg, const char *t, size_t tn, char *why,
                          size_t whylen)
{
    char digits[MAX_DIGITS + 1];
    size_t nd = 0, i = b;
    long frac = 0, ex = 0;
    int eneg = 0, seen;
    for (seen = 0; i < e && isdig(s[i]); i++, seen++) {
        if (nd == MAX_DIGITS) return fail(why, whylen, WHY_DIGITS, t, tn, 0);
        digits[nd++] = s[i];
    }
    if (!seen) return fail(why, whylen, WHY_NOTNUM, t, tn, 0);
    if (i < e && s[i] == '.') {
        for (i++, seen = 0; i < e && isdig(s[i]); i++, seen++, frac++) {
            if (nd == MAX_DIGITS)
                return fail(why, whylen, WHY_DIGITS, t, tn, 0);
            digits[nd++] = s[i];
        }
        if (!seen) return fail(why, whylen, WHY_NOTNUM, t, tn, 0);
    }
    if (i >= e || (s[i] != 'e' && s[i] != 'E'))
        return fail(why, whylen, WHY_NOTNUM, t, tn, 0);
    i++;
    if (i < e && (s[i] == '-' || s[i] == '+')) eneg = s[i++] == '-';
    for (seen = 0; i < e && isdig(s[i]); i++, seen++)
        if (ex <= MAX_EXP) ex = ex * 10 + (s[i] - '0');   /* saturates */
    if (!seen || i != e) return fail(why, whylen, WHY_NOTNUM, t, tn, 0);
    if (ex > MAX_EXP) return fail(why, whylen, WHY_EXP, t, tn, 0);
    digits[nd] = '\0';
    set_value(out, digits, neg, frac, eneg ? -ex : ex);
    return 0;
}

/* Groups g[0..m) joined by seps sep[0..m-1) read as thousands grouping:
   one kind of separator (all spaces, or all one punctuation), first group
   1-3 digits not starting with 0, the rest exactly 3. */
static int grouping_ok(const size_t *glen, const int *sep, size_t m,
                       const char *digits)
{
    size_t k;
    int space = sep[0] == SEP_SPACE;
    if (m <= 1) return 1;
    if (glen[0] > 3 || digits[0] == '0') return 0;
    for (k = 1; k < m; k++) {
        if (glen[k] != 3) return 0;
        if ((sep[k - 1] == SEP_SPACE) != space) return 0;
        if (!space && sep[k - 1] != sep[0]) return 0;
    }
    return 1;
}

int dec_parse(mpq_t out, const char *s, size_t n, const dec_syntax *syn,
              char *why, size_t whylen)
{
    static const dec_syntax none = { 0, 0, 0 };
    char digits[MAX_DIGITS + 1];
    size_t glen[MAX_TEXT + 1];
    int sep[MAX_TEXT + 1];
    size_t b = 0, e, i, w, nd = 0, ng = 0, cur = 0, k, m;
    size_t ncomma = 0, ndot = 0, lastcomma = 0, lastdot = 0, dec = 0;
    int neg = 0, hasdec = 0, kind;
    const char *t;
    size_t tn;
    long frac = 0;

    if (!syn) syn = &none;
    if (!s) n = 0;
    if (n > MAX_TEXT) return fail(why, whylen, WHY_LONG, s, n, 0);
    e = n;
    while (b < e && (s[b] == ' ' || s[b] == '\t')) b++;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t')) e--;
    t = s ? s + b : "";         /* the text messages quote */
    tn = e - b;

    if (syn->allow_currency) strip_currency(s, &b, &e);
    if (b < e && (s[b] == '-' || s[b] == '+')) {
        neg = s[b++] == '-';
    } else if (e - b >= 3 && (unsigned char)s[b] == 0xE2
               && (unsigned char)s[b + 1] == 0x88
               && (unsigned char)s[b + 2] == 0x92) {
        neg = 1;                /* U+2212 MINUS SIGN */
        b += 3;
    }
    if (syn->allow_exponent)
        for (i = b; i < e; i++)
            if (s[i] == 'e' || s[i] == 'E')
                return parse_exponent(out, s, b, e, neg, t, tn, why, whylen);

    /* Split into digit groups and the single-character separators
       between them; an empty group (",5", "1..2", "5,") is not a number. */
    for (i = b; i < e; ) {
        if (isdig(s[i])) {
            if (nd == MAX_DIGITS)
                return fail(why, whylen, WHY_DIGITS, t, tn, 0);
            digits[nd++] = s[i++];
            cur++;
            continue;
        }
        if (s[i] == ',') { kind = SEP_COMMA; w = 1; }
        else if (s[i] == '.') { kind = SEP_DOT; w = 1; }
        else if ((w = space_at(s, i, e)) != 0) kind = SEP_SPACE;
        else return fail(why, whylen, WHY_NOTNUM, t, tn, 0);
        if (cur == 0) return fail(why, whylen, WHY_NOTNUM, t, tn, 0);
        if (kind == SEP_COMMA) { ncomma++; lastcomma = ng; }
        if (kind == SEP_DOT) { ndot++; lastdot = ng; }
        glen[ng] = cur;
        sep[ng++] = kind;
        cur = 0;
        i += w;
    }
    if (cur == 0) return fail(why, whylen, WHY_NOTNUM, t, tn, 0);
    glen[ng++] = cur;
    digits[nd] = '\0';

    /* Which separator, if any, is the decimal one (sep[dec]). */
    if (ncomma && ndot) {
        /* Both: the last is decimal ("1.234,50", "1,234.50"), once. */
        dec = lastcomma > lastdot ? lastcomma : lastdot;
        if ((lastcomma > lastdot ? ncomma : ndot) != 1)
            return fail(why, whylen, WHY_GROUP, t, tn, 0);
        hasdec = 1;
    } else if (ncomma + ndot == 1) {
        char p = ncomma ? ',' : '.';
        dec = ncomma ? lastcomma : lastdot;
        /* Not the file's decimal, and three digits follow: "1.234" may be
           1234 or 1.234. Only when the thousands reading is well formed
           ("1234.567", "0.125" cannot be thousands, so they are decimal). */
        if (syn->decimal != p && glen[dec + 1] == 3
            && grouping_ok(glen, sep, ng, digits))
            return fail(why, whylen, WHY_AMBIG, t, tn, p);
        hasdec = 1;
    }
    /* else: no punctuation, or one kind repeated ("1.234.567"): grouping */

    m = hasdec ? dec + 1 : ng;  /* groups in the integer part */
    if (m < ng - 1 || !grouping_ok(glen, sep, m, digits))
        return fail(why, whylen, WHY_GROUP, t, tn, 0);
    for (k = m; k < ng; k++) frac += (long)glen[k];
    set_value(out, digits, neg, frac, 0);
    return 0;
}

int dec_parse_plain(mpq_t out, const char *s)
{
    size_t n, i, j = 0, a;
    char *buf;
    int neg, slash = 0, rc = -1;
    long frac = 0;
    mpq_t v;

    if (!s) return -1;
    n = strlen(s);
    if (n == 0 || n > MAX_PLAIN) return -1;
    buf = malloc(n + 1);
    if (!buf) return -1;
    neg = s[0] == '-';
    i = (size_t)neg;
    for (a = i; isdig(s[i]); i++) buf[j++] = s[i];
    if (i == a) goto done;
    if (s[i] == '.') {
        for (a = ++i; isdig(s[i]); i++) buf[j++] = s[i];
        frac = (long)(i - a);
        if (i == a) goto done;
    } else if (s[i] == '/') {
        buf[j++] = '\0';        /* numerator ends, denominator follows */
        slash = (int)j;
        for (a = ++i; isdig(s[i]); i++) buf[j++] = s[i];
        if (i == a) goto done;
    }
    if (s[i] != '\0') goto done;
    buf[j] = '\0';

    mpq_init(v);
    if (slash) {
        mpz_set_str(mpq_numref(v), buf, 10);
        mpz_set_str(mpq_denref(v), buf + slash, 10);
        if (mpz_sgn(mpq_denref(v)) == 0) { mpq_clear(v); goto done; }
        mpq_canonicalize(v);
        if (neg) mpq_neg(v, v);
    } else {
        set_value(v, buf, neg, frac, 0);
    }
    if (dec_bits(v) <= DEC_MAX_BITS) {
        mpq_swap(out, v);
        rc = 0;
    }
    mpq_clear(v);
done:
    free(buf);
    return rc;
}

/* }================================= */

/* {=========== doubles ============ */

/* Correctly rounded (nearest, ties to even), computed on integers so the
   answer does not depend on mpq_get_d's truncation or on strtod. */
double dec_to_double(const mpq_t x)
{
    mpz_t n, d, q, r;
    long nb, db, ex;
    int c, sgn = mpq_sgn(x);
    double v;

    if (sgn == 0) return 0.0;
#if defined(DEC_FAST) && FLT_EVAL_METHOD == 0
    {
        /* Both below 2^53 are doubles exactly, and IEEE division rounds
           their quotient to nearest, ties to even: the same double, and
           neither overflow nor a subnormal is possible. */
        uint64_t un, ud;
        if (small(x, &un, &ud) && un < (1ULL << 53) && ud < (1ULL << 53)) {
            v = (double)un / (double)ud;
            return sgn < 0 ? -v : v;
        }
    }
#endif
    nb = (long)mpz_sizeinbase(mpq_numref(x), 2);
    db = (long)mpz_sizeinbase(mpq_denref(x), 2);
    if (nb - db > 1100) return sgn < 0 ? -HUGE_VAL : HUGE_VAL;
    if (nb - db < -1100) return sgn < 0 ? -0.0 : 0.0;

    mpz_inits(n, d, q, r, NULL);
    mpz_abs(n, mpq_numref(x));
    /* x / 2^ex lies in (2^52, 2^54); the quotient then has 53-54 bits,
       or fewer in the subnormal range where ex stops at -1074. */
    ex = nb - db - 53;
    for (;;) {
        if (ex < -1074) ex = -1074;
        if (ex >= 0) {
            mpz_mul_2exp(d, mpq_denref(x), (unsigned long)ex);
            mpz_tdiv_qr(q, r, n, d);
        } else {
            mpz_mul_2exp(q, n, (unsigned long)-ex);
            mpz_set(d, mpq_denref(x));
            mpz_tdiv_qr(q, r, q, d);
        }
        if (mpz_sizeinbase(q, 2) <= 53) break;
        ex++;
    }
    mpz_mul_2exp(r, r, 1);
    c = mpz_cmp(r, d);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    v = ldexp(mpz_get_d(q), (int)ex);   /* q <= 2^53: both exact */
    mpz_clears(n, d, q, r, NULL);
    return sgn < 0 ? -v : v;
}

/* The shortest decimal that reads back as d, as %.17g loops do, but
   rounding on the exact value of d so no locale or printf is involved.
   Returns its number of significant digits, or -1 if d is not finite. */
static int shortest(mpq_t out, double d)
{
    mpq_t x, c, pw;
    long k, p;
    double ad = d < 0 ? -d : d;

    if (!isfinite(d)) return -1;
    if (d == 0) { mpq_set_ui(out, 0, 1); return 1; }
    mpq_inits(x, c, pw, NULL);
    mpq_set_d(x, ad);   /* exact */

    /* k = floor(log10(x)): estimate from digit counts, then correct. */
    k = (long)mpz_sizeinbase(mpq_numref(x), 10)
        - (long)mpz_sizeinbase(mpq_denref(x), 10);
    for (;;) {
        mpz_set_ui(mpq_numref(pw), 1);
        mpz_set_ui(mpq_denref(pw), 1);
        mpz_ui_pow_ui(k < 0 ? mpq_denref(pw) : mpq_numref(pw), 10,
                      (unsigned long)(k < 0 ? -k : k));
        if (mpq_cmp(x, pw) < 0) { k--; continue; }
        mpz_mul_ui(mpq_numref(pw), mpq_numref(pw), 10);
        mpq_canonicalize(pw);
        if (mpq_cmp(x, pw) >= 0) { k++; continue; }
        break;
    }
    /* p significant digits = rounding at 10^(k-p+1). 17 always suffice. */
    for (p = 1; p <= 17; p++) {
        dec_round(c, x, (int)(p - 1 - k), DEC_HALF_EVEN);
        if (dec_to_double(c) == ad) break;
    }
    if (d < 0) mpq_neg(c, c);
    mpq_set(out, c);
    mpq_clears(x, c, pw, NULL);
    return (int)p;
}

/* The loop dec_format_double shortens: the first precision whose %g text
   reads back as d. */
static void double_text_loop(double d, char out[40], int from)
{
    int p;
    for (p = from; p <= 17; p++) {
        snprintf(out, 40, "%.*g", p, d);
        if (strtod(out, NULL) == d) return;
    }
}

/* A double of 15 significant digits or fewer has them exact in its
   15-digit rounding: any decimal of at most DBL_DIG (15) digits survives
   decimal -> double -> 15 digits. So when the 15-digit text reads back as
   d, d's shortest text is that text without its trailing zeros, and it is
   what %.<p>g prints for that p; when it does not, no precision up to 15
   can, and the loop goes on from 16. Kept to normal doubles well inside
   the range, where that holds without a second thought. */
void dec_format_double(double d, char out[40])
{
    char e15[40], *o = out, *m;
    int neg, p, x, i;
    double ad = d < 0 ? -d : d;
    if (!fast_on || !(ad > 1e-300 && ad < 1e300)) {
        double_text_loop(d, out, 1);
        return;
    }
    snprintf(e15, sizeof e15, "%.14e", d);    /* [-]D.DDDDDDDDDDDDDDe[+-]X.. */
    if (strtod(e15, NULL) != d) {
        double_text_loop(d, out, 16);
        return;
    }
    neg = e15[0] == '-';
    m = e15 + neg;              /* m[0] the first digit, m[2..15] the rest */
    x = atoi(m + 17);           /* after "D.DDDDDDDDDDDDDDe" */
    m[1] = m[0];                /* the 15 digits together at m + 1 */
    m++;
    for (p = 15; p > 1 && m[p - 1] == '0'; p--) ;
    if (neg) *o++ = '-';
    if (x < -4 || x >= p) {     /* %g's exponent form: D[.DDD]e+XX */
        *o++ = m[0];
        if (p > 1) {
            *o++ = '.';
            memcpy(o, m + 1, (size_t)(p - 1));
            o += p - 1;
        }
        snprintf(o, 40 - (size_t)(o - out), "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
        return;
    }
    if (x >= 0) {               /* DDD[.DDD] */
        memcpy(o, m, (size_t)(x + 1));
        o += x + 1;
        if (p > x + 1) {
            *o++ = '.';
            memcpy(o, m + x + 1, (size_t)(p - x - 1));
            o += p - x - 1;
        }
    } else {                    /* 0.000DDD */
        *o++ = '0';
        *o++ = '.';
        for (i = 0; i < -x - 1; i++) *o++ = '0';
        memcpy(o, m, (size_t)p);
        o += p;
    }
    *o = '\0';
}

int dec_from_double(mpq_t out, double d)
{
    return shortest(out, d) < 0 ? -1 : 0;
}

int dec_from_literal(mpq_t out, double d)
{
    int p = shortest(out, d);
    if (p < 0) return -1;
    return p > DEC_LITERAL_DIGITS ? -2 : 0;
}

int dec_simple_fraction(mpq_t out, double d)
{
    /* the convergents of d's continued fraction, until one lies within a
       relative 1e-15 of d (a few ulps: 0.1 + 0.2 is 3/10, 40/60*100 is 200/3) */
    mpq_t x, conv, diff, tol;
    mpz_t h0, h1, k0, k1, a, t;
    int found = 0, i;
    if (!isfinite(d)) return 0;
    mpq_inits(x, conv, diff, tol, NULL);
    mpz_inits(h0, h1, k0, k1, a, t, NULL);
    mpq_set_d(x, d);
    mpq_abs(tol, x);
    mpz_mul_ui(mpq_denref(tol), mpq_denref(tol), 1000000000UL);
    mpz_mul_ui(mpq_denref(tol), mpq_denref(tol), 1000000UL);
    mpq_canonicalize(tol);
    mpz_set_ui(h0, 1); mpz_set_ui(k0, 0);   /* h(-1)/k(-1) = 1/0 */
    mpz_set_ui(h1, 0); mpz_set_ui(k1, 1);   /* h(-2)/k(-2) = 0/1 */
    {
        mpq_t rest;
        mpq_init(rest);
        mpq_set(rest, x);
        for (i = 0; i < 40; i++) {
            mpz_fdiv_q(a, mpq_numref(rest), mpq_denref(rest));
            mpz_mul(t, a, h0); mpz_add(t, t, h1); mpz_swap(h1, h0); mpz_swap(h0, t);
            mpz_mul(t, a, k0); mpz_add(t, t, k1); mpz_swap(k1, k0); mpz_swap(k0, t);
            if (mpz_cmp_ui(k0, 1000000) > 0) break;
            mpz_set(mpq_numref(conv), h0);
            mpz_set(mpq_denref(conv), k0);
            mpq_canonicalize(conv);
            mpq_sub(diff, conv, x);
            mpq_abs(diff, diff);
            if (mpq_cmp(diff, tol) <= 0) { mpq_set(out, conv); found = 1; break; }
            mpz_mul(t, a, mpq_denref(rest));
            mpz_sub(mpq_numref(rest), mpq_numref(rest), t);   /* rest -= a */
            if (mpz_sgn(mpq_numref(rest)) == 0) break;
            mpq_inv(rest, rest);
        }
        mpq_clear(rest);
    }
    mpq_clears(x, conv, diff, tol, NULL);
    mpz_clears(h0, h1, k0, k1, a, t, NULL);
    return found;
}

/* }================================= */

/* {=========== rounding ============ */

#ifdef DEC_FAST
/* q away from zero when the remainder r of a division by d asks for it in
   mode m (as dec_round below: 2r against d, ties by the mode). */
static int round_up(uint64_t r, uint64_t d, int q_odd, dec_mode m)
{
    if (r == 0 || m == DEC_TRUNCATE) return 0;
    if (r != d - r) return r > d - r;   /* 2r > d without overflow */
    return m != DEC_HALF_EVEN || q_odd;
}

/* big / d rounded to an integer in mode m (big >= 0). */
static u128 div_round(u128 big, uint64_t d, dec_mode m)
{
    u128 q;
    uint64_t r;
    if (big >> 64) {
        q = big / d;
        r = (uint64_t)(big % d);
    } else {                /* the 64-bit division, several times faster */
        q = (uint64_t)big / d;
        r = (uint64_t)big % d;
    }
    return q + (u128)round_up(r, d, (int)(q & 1), m);
}

/* dec_round for |places| <= 19 and x of one limb each: 0 if not small. */
static int round_small(mpq_t out, const mpq_t x, int places, dec_mode m)
{
    uint64_t n, d;
    int neg = mpq_sgn(x) < 0;
    if (!small(x, &n, &d)) return 0;
    if (places >= 0) {
        /* x * 10^p = n 10^p / d, below 2^128 */
        set_scaled(out, div_round((u128)n * pow10_64[places], d, m), neg,
                   (unsigned)places);
    } else {
        /* x / 10^-p = n / D; the quotient is at most n, times 10^-p < 2^128 */
        u128 big = (u128)d * pow10_64[-places];
        uint64_t q = 0, r = n;
        if (!(big >> 64)) {
            q = n / (uint64_t)big;
            r = n % (uint64_t)big;
            q += (uint64_t)round_up(r, (uint64_t)big, (int)(q & 1), m);
        } else if (m != DEC_TRUNCATE) {
            /* n < D: 0, or 1 past half of D (a half: up, or to even 0;
               in lowest terms x cannot be one here, but it costs nothing) */
            u128 r2 = (u128)r * 2;
            q = r2 > big || (r2 == big && m == DEC_HALF_UP);
        }
        set_u128(mpq_numref(out), (u128)q * pow10_64[-places]);
        mpz_set_ui(mpq_denref(out), 1);
        if (neg) mpz_neg(mpq_numref(out), mpq_numref(out));
    }
    return 1;
}
#endif

void dec_round(mpq_t out, const mpq_t x, int places, dec_mode m)
{
    mpz_t s, n, d, q, r;
    unsigned long ap;
    int c;

    /* Clamped: past 10^5000 the result is x itself or 0 for any x within
       DEC_MAX_BITS, and 10^INT_MAX would not fit in memory. */
    if (places > MAX_PLACES) places = MAX_PLACES;
    if (places < -MAX_PLACES) places = -MAX_PLACES;
    ap = (unsigned long)(places < 0 ? -places : places);
#ifdef DEC_FAST
    if (ap <= POW10_MAX && round_small(out, x, places, m)) return;
#endif
    mpz_inits(s, n, d, q, r, NULL);
    mpz_ui_pow_ui(s, 10, ap);
    /* x * 10^places = n / d; round that to an integer q. */
    if (places >= 0) {
        mpz_mul(n, mpq_numref(x), s);
        mpz_set(d, mpq_denref(x));
    } else {
        mpz_set(n, mpq_numref(x));
        mpz_mul(d, mpq_denref(x), s);
    }
    mpz_tdiv_qr(q, r, n, d);            /* q toward zero, r has n's sign */
    if (mpz_sgn(r) != 0 && m != DEC_TRUNCATE) {
        mpz_abs(r, r);
        mpz_mul_2exp(r, r, 1);
        c = mpz_cmp(r, d);
        if (c > 0 || (c == 0 && (m != DEC_HALF_EVEN || mpz_odd_p(q)))) {
            if (mpz_sgn(n) < 0) mpz_sub_ui(q, q, 1);
            else mpz_add_ui(q, q, 1);
        }
    }
    /* x is read in full above, so out may alias it now. */
    if (places >= 0) {
        mpz_swap(mpq_numref(out), q);
        mpz_swap(mpq_denref(out), s);
        mpq_canonicalize(out);
    } else {
        mpz_mul(mpq_numref(out), q, s);
        mpz_set_ui(mpq_denref(out), 1);
    }
    mpz_clears(s, n, d, q, r, NULL);
}

/* Powers of 2 and 5 in den: a terminating x needs max(twos, fives)
   decimals. Returns 1 if nothing else divides den. */
static int den_twos_fives(const mpq_t x, unsigned long *twos,
                          unsigned long *fives)
{
    mpz_t rest, five;
    int term;
#ifdef DEC_FAST
    uint64_t n, d;
    if (small(x, &n, &d)) {
        *twos = (unsigned long)__builtin_ctzll(d);     /* d >= 1 */
        d >>= *twos;
        for (*fives = 0; d % 5 == 0; d /= 5) ++*fives;
        return d == 1;
    }
#endif
    mpz_inits(rest, five, NULL);
    mpz_set_ui(five, 5);
    *twos = mpz_scan1(mpq_denref(x), 0);
    mpz_tdiv_q_2exp(rest, mpq_denref(x), *twos);
    *fives = mpz_remove(rest, rest, five);
    term = mpz_cmp_ui(rest, 1) == 0;
    mpz_clears(rest, five, NULL);
    return term;
}

int dec_is_terminating(const mpq_t x)
{
    unsigned long twos, fives;
    return den_twos_fives(x, &twos, &fives);
}

/* }================================= */

/* {=========== formatting ============ */

#ifdef DEC_FAST
/* Digits of v ending just before e; returns where they begin. */
static char *put_digits(char *e, u128 v)
{
    uint64_t w;
    while (v >> 64) {       /* 19 digits at a time, then one 64-bit rest */
        uint64_t lo = (uint64_t)(v % pow10_64[POW10_MAX]);
        int i;
        v /= pow10_64[POW10_MAX];
        for (i = 0; i < POW10_MAX; i++, lo /= 10) *--e = (char)('0' + lo % 10);
    }
    w = (uint64_t)v;
    do *--e = (char)('0' + w % 10); while ((w /= 10) != 0);
    return e;
}

/* format_scaled for |m| < 2^128 and k <= 19: "-" if neg (m != 0), m's
   digits with at least k+1 of them, a point before the last k. */
static char *put_scaled(u128 m, int neg, unsigned k)
{
    char buf[64], *e = buf + sizeof buf, *p = put_digits(e, m), *out, *o;
    size_t len;
    while ((size_t)(e - p) < k + 1) *--p = '0';
    len = (size_t)(e - p);
    out = malloc((size_t)neg + len + 2);
    if (!out) return NULL;
    o = out;
    if (neg) *o++ = '-';
    memcpy(o, p, len - k);
    o += len - k;
    if (k > 0) {
        *o++ = '.';
        memcpy(o, p + len - k, k);
        o += k;
    }
    *o = '\0';
    return out;
}
#endif

/* The integer m read as m / 10^k, written with exactly k decimals. */
static char *format_scaled(const mpz_t m, size_t k)
{
    size_t len = mpz_sizeinbase(m, 10) + 2, lead = k + 1, ip;
    char *buf = malloc(lead + len), *p, *out = NULL;
    int neg = mpz_sgn(m) < 0;

    if (!buf) return NULL;
    /* Digits of |m| after k+1 zeros, so "5" at k=2 can become 0.05. */
    memset(buf, '0', lead);
    mpz_get_str(buf + lead, 10, m);
    if (neg) memmove(buf + lead, buf + lead + 1, strlen(buf + lead));
    len = strlen(buf);
    p = buf;
    while (len - (size_t)(p - buf) > k + 1 && *p == '0') p++;
    len -= (size_t)(p - buf);       /* p[0..len): at least k+1 digits */
    ip = len - k;
    out = malloc((size_t)neg + len + 2);
    if (out) {
        char *o = out;
        if (neg) *o++ = '-';
        memcpy(o, p, ip);
        o += ip;
        if (k > 0) {
            *o++ = '.';
            memcpy(o, p + ip, k);
            o += k;
        }
        *o = '\0';
    }
    free(buf);
    return out;
}

char *dec_format_fixed(const mpq_t x, int places)
{
    mpq_t y;
    mpz_t m;
    char *out;

    if (places > MAX_PLACES) places = MAX_PLACES;
#ifdef DEC_FAST
    {
        /* |x| * 10^places rounded half-even is the integer printed */
        uint64_t n, d;
        u128 q;
        if (places >= 0 && places <= POW10_MAX && small(x, &n, &d)) {
            q = div_round((u128)n * pow10_64[places], d, DEC_HALF_EVEN);
            return put_scaled(q, q != 0 && mpq_sgn(x) < 0, (unsigned)places);
        }
    }
#endif
    mpq_init(y);
    mpz_init(m);
    dec_round(y, x, places, DEC_HALF_EVEN);
    if (places < 0) places = 0;     /* rounded to tens etc.: an integer */
    mpz_ui_pow_ui(m, 10, (unsigned long)places);
    mpz_mul(m, m, mpq_numref(y));
    mpz_divexact(m, m, mpq_denref(y));
    out = format_scaled(m, (size_t)places);    /* m == 0 prints no sign */
    mpz_clear(m);
    mpq_clear(y);
    return out;
}

char *dec_format_exact(const mpq_t x)
{
    unsigned long twos, fives, k;
    mpz_t m;
    char *out;
    size_t nl, dl;

    if (den_twos_fives(x, &twos, &fives)) {
        k = twos > fives ? twos : fives;
#ifdef DEC_FAST
        {
            /* x = n / (2^twos 5^fives) = n * 2^(k-twos) 5^(k-fives) / 10^k */
            uint64_t n, d;
            if (k <= POW10_MAX && small(x, &n, &d))
                return put_scaled((u128)n * (pow10_64[k] / d), mpq_sgn(x) < 0,
                                  (unsigned)k);
        }
#endif
        mpz_init(m);
        mpz_ui_pow_ui(m, 10, k);
        mpz_mul(m, m, mpq_numref(x));
        mpz_divexact(m, m, mpq_denref(x));
        out = format_scaled(m, (size_t)k);
        mpz_clear(m);
        return out;
    }
#ifdef DEC_FAST
    {
        uint64_t n, d;
        if (small(x, &n, &d)) {     /* "n/d": at most 1 + 20 + 1 + 20 bytes */
            char buf[48], *e = buf + sizeof buf, *p;
            *--e = '\0';
            p = put_digits(e, d);
            *--p = '/';
            p = put_digits(p, n);
            if (mpq_sgn(x) < 0) *--p = '-';
            out = malloc((size_t)(e - p) + 1);
            if (out) memcpy(out, p, (size_t)(e - p) + 1);
            return out;
        }
    }
#endif
    nl = mpz_sizeinbase(mpq_numref(x), 10) + 2;
    dl = mpz_sizeinbase(mpq_denref(x), 10) + 1;
    out = malloc(nl + dl + 1);
    if (!out) return NULL;
    mpz_get_str(out, 10, mpq_numref(x));
    nl = strlen(out);
    out[nl] = '/';
    mpz_get_str(out + nl + 1, 10, mpq_denref(x));
    return out;
}

size_t dec_bits(const mpq_t x)
{
    size_t a = mpz_sizeinbase(mpq_numref(x), 2);
    size_t b = mpz_sizeinbase(mpq_denref(x), 2);
    return a > b ? a : b;
}

/* }================================= */

static const char *const mode_names[] = { "half_up", "half_even", "truncate" };

const char *dec_mode_name(dec_mode m)
{
    if ((unsigned)m >= sizeof mode_names / sizeof mode_names[0]) return "?";
    return mode_names[m];
}

int dec_mode_parse(const char *name)
{
    int i;
    if (!name) return -1;
    for (i = 0; i < (int)(sizeof mode_names / sizeof mode_names[0]); i++)
        if (strcmp(name, mode_names[i]) == 0) return i;
    return -1;
}
