/*
** test_figcache.c: a cached figure's text is the text decimal.c makes of
** it, whatever came before: figures drawn from a small pool (hits, and
** slots taken over by other figures), negative ones, fractions that do not
** terminate, zero, numbers of several limbs whose low limbs agree (the
** same slot), exact texts and texts at fixed places.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decimal.h"
#include "figcache.h"

/* one result per run of 200 000 figures, so that they do not swamp the suite's count */
#define TESTKIT_SEED 0x66696763616368ULL
#include "testkit.h"

/* A figure: small numerators and denominators most of the time, and now
   and then a big one whose low limb repeats (2^64 k + small). */
static void draw(mpq_t x)
{
    static const unsigned long dens[] = { 1, 2, 3, 4, 5, 10, 19, 100, 1000, 7 };
    unsigned long long r = rng();
    mpz_set_ui(mpq_numref(x), (unsigned long)(r % 40));
    mpz_set_ui(mpq_denref(x), dens[(r >> 8) % 10]);
    if ((r >> 16) % 7 == 0) {   /* several limbs, the low one as a small figure's */
        mpz_t big;
        mpz_init_set_ui(big, (unsigned long)((r >> 20) % 5 + 1));
        mpz_mul_2exp(big, big, 64 * (unsigned)((r >> 24) % 3 + 1));
        mpz_add(mpq_numref(x), mpq_numref(x), big);
        mpz_clear(big);
    }
    if ((r >> 32) % 3 == 0) mpz_neg(mpq_numref(x), mpq_numref(x));
    mpq_canonicalize(x);
}

static void run(int places)
{
    figcache *c = figcache_new(places);
    mpq_t x;
    int i, bad = 0;
    mpq_init(x);
    for (i = 0; i < 200000; i++) {
        char *want;
        const char *got;
        draw(x);
        want = places >= 0 ? dec_format_fixed(x, places) : dec_format_exact(x);
        got = figcache_text(c, x);
        if (!(want && got && strcmp(want, got) == 0)) {
            if (bad++ < 10) gmp_fprintf(stderr, "test_figcache: %Qd at %d: got %s, want %s\n", x, places,
                                         got ? got : "(null)", want ? want : "(null)");
        }
        free(want);
    }
    mpq_clear(x);
    figcache_free(c);
    if (bad) failed++;
    else passed++;
}

int main(void)
{
    run(-1);
    run(2);
    run(0);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
