/* SPDX-License-Identifier: MIT */
/*
** award.h: the award across lots (DESIGN.md: "allocation across lots"). Runs
** the evaluation of each lot on that lot's view of the model and its bids,
** then allocates in the declared order: each lot to its best ranked bid, or
** to the first N in ranked order for a framework agreement (ramavtal med
** rangordning), passing over a supplier that has reached the cap on lots
** per supplier (LOU 4 kap. 15 §), with the reason. A model without lots is
** one lot, "1".
*/
#ifndef ANBUD_AWARD_H
#define ANBUD_AWARD_H

#include "error.h"
#include "model.h"
#include "input.h"
#include "evaluate.h"

typedef struct award_lot {
    int lot;                /* index into the model's lots, or -1 (no lots) */
    const char *id;         /* the lot's name; "1" without lots */
    const char *text;
    const model *m;         /* the lot's view of the model (the model itself without lots) */
    const anbud_inputs *in; /* the lot's inputs */
    evaluation ev;
    int places;             /* suppliers to award: 1, N, or 0 every ranked bid */
    int *awarded;           /* indices into ev.bids, in call-off order */
    int nawarded;
    char **passed;          /* per ev bid: why the allocation passed it over, or NULL */
    int undecided;          /* an unresolved tie stopped the allocation */
    /* owned when the model has lots */
    model view;
    anbud_inputs own_in;
} award_lot;

typedef struct award {
    const model *m;         /* the whole model */
    const anbud_inputs *in; /* every input */
    const char *lang;       /* "sv" or "en": the language of every reason and warning */
    award_lot *lots;        /* in the model's declared order */
    int nlots;
    int *order;             /* indices into lots, in the order of award */
    char **warnings;        /* about the allocation */
    int nwarnings;
} award;

/* Evaluate every lot and allocate, with the reasons and warnings in lang
   ("sv" or "en"; NULL: the model's lang). Returns ANBUD_OK, ANBUD_ATTENTION (an
   unresolved tie, an open query, a lot left unawarded by a tie), or the
   first lot's error. */
anbud_status award_run(award *a, const model *m, const anbud_inputs *in, const char *seed,
                       const char *lang, anbud_error *err);
void award_free(award *a);

#endif
