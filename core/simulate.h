/* SPDX-License-Identifier: MIT */
/*
** simulate.h: the model on synthetic tenders before publication (anbud
** simulate): rank reversal, monotonicity in price, how often price decides,
** winning margins; the same seed gives the same report.
*/
#ifndef ANBUD_SIMULATE_H
#define ANBUD_SIMULATE_H

#include <stdio.h>
#include <gmp.h>
#include "error.h"
#include "model.h"

typedef struct simulate_options {
    int runs;                   /* tenders to simulate */
    int bids;                   /* bids per tender */
    unsigned long long seed;
    mpq_t price_lo, price_hi;   /* evaluated prices are drawn from here */
    int progress;               /* a progress bar on a terminal */
} simulate_options;

/* Run and print the report to out. ANBUD_EMODEL if a cheaper copy of a bid
   ever ranked below it (the model is not monotone in price). */
anbud_status simulate_run(model *m, const simulate_options *o, FILE *out, anbud_error *err);

#endif
