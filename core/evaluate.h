/* SPDX-License-Identifier: MIT */
/*
** evaluate.h: the evaluation, in the order of DESIGN.md: requirements,
** panel scores, thresholds, prices, price points among the bids that
** remain, added values, totals, declared rounding, then ranking (rank.h).
** Knows the model and the numbers, not the input or output formats.
*/
#ifndef ANBUD_EVALUATE_H
#define ANBUD_EVALUATE_H

#include <gmp.h>
#include "error.h"
#include "model.h"
#include "input.h"
#include "words.h"

typedef enum eval_stage {
    STAGE_NONE = 0,         /* still in the evaluation */
    STAGE_REQUIREMENT,      /* failed a mandatory requirement (ska-krav) */
    STAGE_THRESHOLD,        /* below a minimum quality */
    STAGE_ABNORMALLY_LOW,   /* rejected as abnormally low */
    STAGE_LEFT_OUT          /* left out by the rank-reversal probe (never in outputs) */
} eval_stage;

/* One bid's answer to one requirement, as the requirements stage read it:
   from its bids column, from a requirements file row, or both (then the
   one that decides: a "no" over a "yes"). */
typedef struct eval_answer {
    int answered;           /* some input answers it */
    int met;                /* the requirement is met (1 if not answered) */
    int from_field;         /* decided by the bids column (model field) */
    int row;                /* index into inputs.answers, or -1 */
} eval_answer;

/* One bid on one criterion (the ints together: one record per bid and
   criterion, 500 000 of them at 10 000 bids × 50 criteria). */
typedef struct eval_crit {
    int has;                /* computed for this bid */
    int level;              /* scale level of the aggregate, or -1 */
    int nscores;            /* evaluators' scores it was formed from */
    int approx;
    mpq_t value;            /* the panel's aggregate (level value or points), or the price */
    mpq_t score_exact;      /* on 0..max, before rounding */
    mpq_t score;            /* at rounding.score if declared */
    mpq_t contribution;     /* weight × score, or −deduction / +surcharge, or feature value */
} eval_crit;

typedef struct eval_bid {
    int input;              /* index into inputs.bids */
    eval_stage stage;
    char *reason;           /* why it was excluded, in the evaluation's language */
    int requirement;        /* STAGE_REQUIREMENT: the requirement that excluded it
                               (index into the model's requirements), else -1 */
    int has_price;
    mpq_t price_exact, price;   /* evaluated price, and at rounding.price */
    mpq_t quality;          /* quality contributions (SEK value in comparison-price models) */
    mpq_t points;           /* all points contributions */
    mpq_t deductions, surcharges, features;
    mpq_t total_exact, total;   /* total, and at the declared precision */
    int approx;             /* a non-rational function took part */
    eval_crit *crit;        /* one per model criterion (in the evaluation's crit_block) */
    int rank;               /* 1-based; equal for an unresolved tie; 0 if excluded */
    int decided_by;         /* tie-break rule index that put it below the bid above, or -1 */
} eval_bid;

typedef struct evaluation {
    const model *m;
    const anbud_inputs *in;
    const char *lang;       /* "sv" or "en": the language of its reasons and warnings,
                               the outputs' (--lang, else the model's lang) */
    eval_bid *bids;         /* same order as inputs.bids */
    int nbids;
    eval_crit *crit_block;  /* every bid's criteria, bid after bid */
    int *order;             /* indices into bids of the ranked bids, best first */
    int nranked;
    int only;               /* re-runs: recompute only this bid's price stages, or -1 */
    const struct evaluation *prices_from;   /* re-runs (the probe): take each bid's evaluated
                               price from this evaluation, not from the price method */
    /* among the ranked bids, as the formulas saw them (workbook: named cells) */
    mpq_t lowest_price, highest_price, mean_price, best_quality, max_quality,
          features_max, lowest_quality;
    int total_places;       /* the declared precision of totals, or -1 */
    dec_mode total_mode;    /* and its rounding mode */
    int higher_is_better;
    char seed[200];         /* lottery seed (with a lot: seed/lot) */
    char seed_base[200];    /* the seed before a lot's name was added */
    int seed_given;         /* from --seed, else derived from the figures (seed.h) */
    int lottery_used;
    int unresolved_ties;
    int open_queries;       /* abnormally low prices awaiting an explanation */
    int nothing_left;       /* every bid was excluded: needs attention */
    char **warnings;
    int nwarnings;
    /* the scores of bid b on criterion k, in input order: s = score_head[b *
       ncriteria + k], then s = score_next[s], until -1 */
    int *score_head;
    int *score_next;
    /* the award decision (--award-date): the end of the standstill period */
    int has_standstill;
    char award_date[11], standstill_end[11];
    int notice_electronic, standstill_days, standstill_moved;
    /* the rank-reversal probe (--probe), if it was run */
    int probed;
    struct eval_flip *flips;
    int nflips;
    /* sensitivity (evaluation_sensitivity), per bid and per criterion */
    int sensitivity;        /* computed */
    int *be_status;         /* per bid: as evaluation_break_even, or -2 not computed */
    mpq_t *be_price;
    int *flip_found;        /* per criterion: as evaluation_weight_flip */
    mpq_t *flip_delta;
    int *flip_bid;
    /* the requirements stage: answers[i * m->nreqs + k] for bid i and
       requirement k (NULL when the model has no requirements) */
    eval_answer *answers;
} evaluation;

#define SENSITIVITY_MAX_RUNNERS_UP 10

/* Run the evaluation. seed may be NULL: then it is derived from the model
   and the figures of in (seed.h); seed_given says whether seed came from
   the user (--seed) or was derived by the caller from the inputs of every
   lot. A model's lot view adds "/lot" to it. lang ("sv" or "en"; NULL: the
   model's lang) is the language of the reasons and warnings it writes; it
   decides no figure and not the seed. Returns ANBUD_OK or ANBUD_ATTENTION (an unresolved
   tie), or an error: ANBUD_EMODEL (a formula failed: names the model line
   and the bid), ANBUD_EINPUT (a missing score, a negative price). */
anbud_status evaluation_run(evaluation *ev, const model *m, const anbud_inputs *in,
                            const char *seed, int seed_given, const char *lang, anbud_error *err);
void evaluation_free(evaluation *ev);

/* Add a warning sentence: the text of id w (words.h) in ev->lang, with its
   arguments. */
void evaluation_warn(evaluation *ev, word_id w, ...);

/* The stage's code, as JSON writes it: "requirement", "threshold",
   "abnormally_low" (DESIGN.md). */
const char *evaluation_stage_name(eval_stage s);
/* The stage in a reader's words in lang: "ska-krav", "lägsta kvalitetsnivå",
   "onormalt lågt anbud"; "" for STAGE_NONE. */
const char *evaluation_stage_words(const char *lang, eval_stage s);
/* The stage that excluded bid i (an index into ev->bids) in ev->lang: as
   evaluation_stage_words, but "kvalificeringskrav" (a qualification
   requirement) when a requirement on the supplier excluded it. */
const char *evaluation_exclusion_words(const evaluation *ev, int i);

/* The highest sum of quality contributions a bid can reach under parent
   (-1: the whole model): what an overall threshold is measured against. */
void evaluation_max_quality(const model *m, int parent, mpq_t out);

/* {=========== sensitivity ============ */

/* The highest price at which bid i (a ranked runner-up) would have won
   outright, its rounded total better than every other's, all else equal:
   in closed form for lowest_ratio and linear_from_lowest under
   weighted_sum, else by bisection on re-runs of the price stages; either
   way the highest whole öre (0.01) at which it wins. Returns 1 and sets out, 0 if no price from 0 up would win (the
   quality gap is larger than price can close), -1 on a formula error.
   Leaves ev as it was. */
int evaluation_break_even(evaluation *ev, int i, mpq_t out);

/* For a points model with weights: the smallest change delta of criterion
   k's weight (the other top-level weights scaled so the sum stays 1) at
   which another bid's exact total reaches the winner's. Exact (totals are
   linear in delta). Returns 1 and sets delta and *bid (the bid index that
   draws level), 0 if no change within [0, 1] does it. */
int evaluation_weight_flip(const evaluation *ev, int k, mpq_t delta, int *bid);

/* A pair of bids whose order flips when another bid is left out. */
typedef struct eval_flip {
    int left_out, a, b;     /* bid indices; a was above b with every bid in */
} eval_flip;

/* The rank-reversal probe (independence of irrelevant alternatives): re-run
   the evaluation leaving out each ranked bid in turn and list every pair of
   remaining bids whose order changes; each re-run draws with ev's seed.
   Returns the number of flips in *out (caller frees), or -1 with err set. */
int evaluation_probe(const evaluation *ev, eval_flip **out, anbud_error *err);

/* Compute the break-even prices of the first SENSITIVITY_MAX_RUNNERS_UP
   runners-up and the weight flips of every weighted criterion into ev. */
void evaluation_sensitivity(evaluation *ev);

/* }====================================== */

/* Call the price-points method of criterion k on price with the context
   given (used by `check` to probe a formula). Returns 0 and sets out, or -1. */
int evaluation_probe_points(const model *m, int k, const mpq_t price, const mpq_t lowest,
                            const mpq_t highest, const mpq_t mean, int count, mpq_t out);
/* The same, with the formula's error in *why (if not NULL) when it fails. */
int evaluation_probe_points_why(const model *m, int k, const mpq_t price, const mpq_t lowest,
                                const mpq_t highest, const mpq_t mean, int count, mpq_t out,
                                anbud_error *why);

#endif
