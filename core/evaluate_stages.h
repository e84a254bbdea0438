/*
** evaluate_stages.h: the stages of evaluate.c that sensitivity.c re-runs
** (the probe leaves a bid out; the break-even search re-prices one bid).
** Internal to the evaluation: only evaluate.c and sensitivity.c include it.
*/
#ifndef ANBUD_EVALUATE_STAGES_H
#define ANBUD_EVALUATE_STAGES_H

#include <gmp.h>
#include "evaluate.h"

/* 1 if the method at registry ref is one of the library's as the library
   made it (asked of the check model.c keeps out of the model's reach: a
   model cannot have changed the formula since), and (name not NULL) the
   one called name; have is the name the model read (model.h). */
int evaluation_library_method(const model *m, int ref, const char *have, const char *name);

/* The statistics of the evaluated prices of the bids still in. */
typedef struct price_stats {
    mpq_t lowest, highest, mean;
    int count;
} price_stats;

/* Fill ps (initialises its numbers; free with evaluation_price_stats_clear). */
void evaluation_price_stats(const evaluation *ev, price_stats *ps);
void evaluation_price_stats_clear(price_stats *ps);

/* The price points, added values and totals again (of ev->only if >= 0). */
anbud_status evaluation_price_stages(evaluation *ev, anbud_error *err);

/* The whole evaluation, with bid leave_out (>= 0) left out and, if prices
   is not NULL, each bid's evaluated price taken from it; its words in lang
   (as evaluation_run). */
anbud_status evaluation_run_without(evaluation *ev, const model *m, const anbud_inputs *in,
                                    const char *seed, int seed_given, const char *lang, int leave_out,
                                    const evaluation *prices, anbud_error *err);

/* evaluation_break_even by one way: BREAK_EVEN_AUTO (the closed form where
   it holds, confirmed at the answer, else the bisection), BREAK_EVEN_BISECT
   (the reference: bisection on re-runs of the price stages) or
   BREAK_EVEN_CLOSED (the closed form alone, unconfirmed; -2 where it does
   not hold). For tests that hold one against the other. */
enum { BREAK_EVEN_AUTO, BREAK_EVEN_BISECT, BREAK_EVEN_CLOSED };
int evaluation_break_even_by(evaluation *ev, int i, mpq_t out, int how);

#endif
