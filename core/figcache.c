/*
** figcache.c: figures' texts, kept in a table of recent ones (figcache.h).
** Direct-mapped by the low limbs of numerator and denominator: a hit costs
** a comparison of the two numbers, a miss one formatting as before.
*/
#include <stdio.h>
#include <stdlib.h>
#include "decimal.h"
#include "figcache.h"

#define SLOTS 1024              /* a power of two */

typedef struct slot {
    int used;
    mpq_t x;
    char *text;
} slot;

struct figcache {
    int places;
    slot s[SLOTS];
};

figcache *figcache_new(int places)
{
    figcache *c = calloc(1, sizeof *c);
    if (!c) { fputs("anbud: out of memory\n", stderr); exit(2); }
    c->places = places;
    return c;
}

void figcache_free(figcache *c)
{
    size_t i;
    if (!c) return;
    for (i = 0; i < SLOTS; i++)
        if (c->s[i].used) {
            mpq_clear(c->s[i].x);
            free(c->s[i].text);
        }
    free(c);
}

static size_t slot_of(const mpq_t x)
{
    unsigned long long h = (unsigned long long)mpz_getlimbn(mpq_numref(x), 0) * 0x9e3779b97f4a7c15ULL;
    h ^= (unsigned long long)mpz_getlimbn(mpq_denref(x), 0) * 0xbf58476d1ce4e5b9ULL;
    h ^= (unsigned long long)(long long)mpz_size(mpq_numref(x)) + (mpq_sgn(x) < 0 ? 0x5bd1e995ULL : 0);
    return (size_t)(h >> 54) & (SLOTS - 1);
}

const char *figcache_text(figcache *c, const mpq_t x)
{
    slot *s = &c->s[slot_of(x)];
    if (s->used && mpq_equal(s->x, x)) return s->text;
    if (!s->used) { mpq_init(s->x); s->used = 1; }
    free(s->text);
    s->text = c->places >= 0 ? dec_format_fixed(x, c->places) : dec_format_exact(x);
    if (s->text) mpq_set(s->x, x);
    else {   /* not kept: asked again next time */
        mpq_clear(s->x);
        s->used = 0;
    }
    return s->text;
}
