/* SPDX-License-Identifier: MIT */
/*
** decimal.h: exact rational numbers for money and scores (GMP mpq_t).
** Parses decimal text as people and spreadsheets write it, rounds at the
** steps a model declares, and formats for output. A leaf: knows nothing else.
*/
#ifndef ANBUD_DECIMAL_H
#define ANBUD_DECIMAL_H

#include <stddef.h>
#include <gmp.h>

typedef enum dec_mode {
    DEC_HALF_UP = 0,    /* halves away from zero, as Excel's ROUND */
    DEC_HALF_EVEN,      /* halves to the even digit (banker's rounding) */
    DEC_TRUNCATE        /* toward zero, as Excel's TRUNC */
} dec_mode;

/* How the text of a number may be written. */
typedef struct dec_syntax {
    char decimal;       /* ',' or '.' when the file's convention is known, 0 if not */
    int allow_currency; /* accept "kr", "SEK", ":-" around the number */
    int allow_exponent; /* accept "1.5E-3" (spreadsheet XML), never in CSV */
} dec_syntax;

/* Largest numerator or denominator, in bits, that any operation may produce.
   Money and scores never come near it; a formula that does is refused. */
#define DEC_MAX_BITS 16384

/*
** Parse s[0..n) into out, exactly. Accepts an optional sign ('-', '+',
** U+2212), digits, one decimal separator, thousands separators (space,
** U+00A0, U+202F, or the non-decimal one of ',' and '.') in groups of
** three, and with allow_currency a "kr"/"kr."/"SEK"/":-" suffix or a
** "SEK " prefix. With both ',' and '.' the last is decimal; one kind
** repeated is grouping. Rejects anything ambiguous, such as "1.234" when
** the decimal separator is ',' or unknown (but "1234.567" and "0.125" are
** decimal: they cannot be grouping). At most 400 bytes, 300 digits.
** Returns 0, or -1 with out untouched and a reason in why (may be NULL):
** `not a number: "12abc"`, `ambiguous number "1.234": ...`,
** `bad digit grouping in "1 23"`, ...; the text is quoted at most 40 bytes.
*/
int dec_parse(mpq_t out, const char *s, size_t n, const dec_syntax *syn,
              char *why, size_t whylen);

/* Parse plain "[-]digits[.digits]" or "[-]p/q" (q > 0) text (model and
   JSON syntax; reads back dec_format_exact). Nothing else: no spaces, no
   '+', no exponent. Returns 0, or -1 (out untouched), also past
   DEC_MAX_BITS. */
int dec_parse_plain(mpq_t out, const char *s);

/* A double by its shortest round-trip decimal text (0.1 means 1/10).
   Returns -1 for NaN or infinity. */
int dec_from_double(mpq_t out, double d);

/* A number written in a model: as dec_from_double, but -2 (out still set)
   when that text has more than DEC_LITERAL_DIGITS significant digits, as
   the result of binary arithmetic has (40/60*100 is 66.66666666666667);
   0.1 or 1234567.845 are what they say. */
#define DEC_LITERAL_DIGITS 15
int dec_from_literal(mpq_t out, double d);

/* The simplest fraction p/q (q at most 10^6) within a relative 1e-15 of d,
   for a message that says how to write d exactly (66.66666666666666 is
   200/3, 0.30000000000000004 is 3/10). Returns 0 if there is none. */
int dec_simple_fraction(mpq_t out, double d);

/* d's shortest text that reads back as d: what printf's "%.<p>g" prints
   for the least such p (at most 17) in the C locale, "0.1", "315000" is
   "3.15e+05", "-0" for -0.0, "inf"/"nan" as printf writes them. */
void dec_format_double(double d, char out[40]);

/* The nearest double, ties to even (for spreadsheet cells and approximate
   functions); overflow gives +-HUGE_VAL. */
double dec_to_double(const mpq_t x);

/* out = x rounded to `places` decimals (places may be negative: -3 rounds
   to thousands) in mode m. out may alias x. places is clamped to +-5000,
   which changes nothing for x within DEC_MAX_BITS. */
void dec_round(mpq_t out, const mpq_t x, int places, dec_mode m);

/* 1 if x has a finite decimal expansion (denominator 2^a 5^b), else 0. */
int dec_is_terminating(const mpq_t x);

/* x as text with exactly `places` decimals ("144.00", "-0.50"; never
   "-0.00"); x is first rounded half-even if it has more (callers round
   explicitly before). '.' point, no grouping. places < 0 rounds to tens
   etc. and prints an integer. malloc'd; NULL if out of memory. */
char *dec_format_fixed(const mpq_t x, int places);

/* x exactly: the shortest terminating decimal ("144", "0.125"), or "p/q"
   in lowest terms ("425/6", "-1/3") when x does not terminate. malloc'd;
   NULL if out of memory. */
char *dec_format_exact(const mpq_t x);

/* For tests: 0 turns off the 64-bit paths and dec_format_double's
   shortcut (decimal.c), so that every function computes as it did without
   them (GMP alone, printf's loop); 1 turns them back on. Returns the
   previous setting. */
int dec_fast_paths(int on);

/* Bits in the larger of numerator and denominator. */
size_t dec_bits(const mpq_t x);

/* Name <-> mode: "half_up", "half_even", "truncate" (exact, lowercase);
   dec_mode_parse returns -1 for an unknown name. */
const char *dec_mode_name(dec_mode m);
int dec_mode_parse(const char *name);

#endif
