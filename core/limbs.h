/* SPDX-License-Identifier: MIT */
/*
** limbs.h: GMP's memory. Money and scores are numbers of one or two limbs,
** and malloc spends more on each such block (a 32-byte chunk, its header,
** its bookkeeping) than GMP spends computing with it; small blocks come
** from pools by size instead. A leaf: knows only GMP.
*/
#ifndef ANBUD_LIMBS_H
#define ANBUD_LIMBS_H

#include <stddef.h>

/* Blocks up to this many bytes come from the pools, larger ones from malloc. */
#define LIMBS_POOLED_MAX 64

/* Make GMP allocate through this module: pools, or under AddressSanitizer
   and valgrind one malloc per block that checks the sizes GMP passes back
   (limbs.c says why). Call once, before any GMP number exists: a block
   allocated by the previous functions must never reach these. Returns 1
   for the pools, 0 for the checked malloc. Out of memory, it says so on
   one line and exits with 2, as xalloc does. */
int limbs_install(void);

/* As limbs_install with pooled -1; 1 forces the pools, 0 the checked
   malloc (tests run the pools under AddressSanitizer with this). */
int limbs_install_as(int pooled);

/* Blocks handed to GMP and not yet given back (0 before limbs_install):
   for tests that every number made is cleared. */
size_t limbs_live(void);

#endif
