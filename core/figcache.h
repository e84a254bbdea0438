/*
** figcache.h: the text of figures that repeat, made once. A large
** evaluation writes the same few figures again and again (a panel's 0 to
** 5, a declared level, a weight times it); the JSON and the lottery's
** canonical text ask for each one's decimal text (decimal.h) hundreds of
** thousands of times. A figure's text depends on its value alone, so the
** text of an equal figure is the same bytes.
*/
#ifndef ANBUD_FIGCACHE_H
#define ANBUD_FIGCACHE_H

#include <gmp.h>

typedef struct figcache figcache;

/* A cache of the texts dec_format_exact (places < 0) or dec_format_fixed
   at places gives. Exits when out of memory. */
figcache *figcache_new(int places);
void figcache_free(figcache *c);

/* The text of x (as the format function of c gives it: x is not rounded
   here), or NULL if it could not be made; owned by c, valid until the
   next call. */
const char *figcache_text(figcache *c, const mpq_t x);

#endif
