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

typedef enum eval_stage {
    STAGE_NONE = 0,         /* still in the evaluation */
    STAGE_REQUIREMENT,      /* failed a mandatory requirement (ska-krav) */
    STAGE_THRESHOLD,        /* below a minimum quality */
    STAGE_ABNORMALLY_LOW    /* rejected as abnormally low */
} eval_stage;

/* One bid on one criterion. */
typedef struct eval_crit {
    int has;                /* computed for this bid */
    mpq_t value;            /* the panel's aggregate (level value or points), or the price */
    int level;              /* scale level of the aggregate, or -1 */
    mpq_t score_exact;      /* on 0..max, before rounding */
    mpq_t score;            /* at rounding.score if declared */
    mpq_t contribution;     /* weight × score, or −deduction / +surcharge, or feature value */
    int nscores;            /* evaluators' scores it was formed from */
    int approx;
} eval_crit;

typedef struct eval_bid {
    int input;              /* index into inputs.bids */
    eval_stage stage;
    char *reason;           /* why it was excluded */
    int has_price;
    mpq_t price_exact, price;   /* evaluated price, and at rounding.price */
    mpq_t quality;          /* quality contributions (SEK value in comparison-price models) */
    mpq_t points;           /* all points contributions */
    mpq_t deductions, surcharges, features;
    mpq_t total_exact, total;   /* total, and at the declared precision */
    int approx;             /* a non-rational function took part */
    eval_crit *crit;        /* one per model criterion */
    int rank;               /* 1-based; equal for an unresolved tie; 0 if excluded */
    int decided_by;         /* tie-break rule index that put it below the bid above, or -1 */
} eval_bid;

typedef struct evaluation {
    const model *m;
    const anbud_inputs *in;
    eval_bid *bids;         /* same order as inputs.bids */
    int nbids;
    int *order;             /* indices into bids of the ranked bids, best first */
    int nranked;
    int total_places;       /* the declared precision of totals, or -1 */
    int higher_is_better;
    char seed[200];         /* lottery seed */
    int seed_given;         /* from --seed, else derived from the hashes */
    int lottery_used;
    int unresolved_ties;
    char **warnings;
    int nwarnings;
} evaluation;

/* Run the evaluation. seed may be NULL (then derived from the model's and
   the inputs' SHA-256). Returns ANBUD_OK or ANBUD_ATTENTION (an unresolved
   tie), or an error: ANBUD_EMODEL (a formula failed: names the model line
   and the bid), ANBUD_EINPUT (a missing score, a negative price). */
anbud_status evaluation_run(evaluation *ev, const model *m, const anbud_inputs *in,
                            const char *seed, anbud_error *err);
void evaluation_free(evaluation *ev);

/* Add a warning sentence (printf-style). */
void evaluation_warn(evaluation *ev, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

const char *evaluation_stage_name(eval_stage s);

/* Call the price-points method of criterion k on price with the context
   given (used by `check` to probe a formula). Returns 0 and sets out, or -1. */
int evaluation_probe_points(const model *m, int k, const mpq_t price, const mpq_t lowest,
                            const mpq_t highest, const mpq_t mean, int count, mpq_t out);

#endif
