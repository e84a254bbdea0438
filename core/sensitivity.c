/*
** sensitivity.c: what the evaluation's outcome hangs on, computed after it:
** the rank-reversal probe (each ranked bid left out in turn), the
** break-even price of each runner-up, and the weight change that would
** let another bid draw level with the winner. Re-runs the stages of
** evaluate.c through evaluate_stages.h; leaves the evaluation as it was.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "evaluate.h"
#include "evaluate_stages.h"
#include "sandbox.h"
#include "xalloc.h"

int evaluation_probe(const evaluation *ev, eval_flip **out, anbud_error *err)
{
    eval_flip *v = NULL;
    int n = 0, x, i, j;
    int *pos = xalloc_zeroed((size_t)ev->nbids, sizeof *pos);
    for (x = 0; x < ev->nranked; x++) {
        evaluation e2;
        int lo = ev->order[x];
        anbud_status st = evaluation_run_without(&e2, ev->m, ev->in, ev->seed_base, ev->seed_given, ev->lang, lo, ev, err);
        if (st != ANBUD_OK && st != ANBUD_ATTENTION) {
            evaluation_free(&e2);
            free(pos);
            free(v);
            return -1;
        }
        for (i = 0; i < ev->nbids; i++) pos[i] = -1;
        for (i = 0; i < e2.nranked; i++) pos[e2.order[i]] = e2.bids[e2.order[i]].rank;
        /* a pair flips when the one ranked above falls strictly below */
        for (i = 0; i < ev->nranked; i++)
            for (j = i + 1; j < ev->nranked; j++) {
                int a = ev->order[i], b = ev->order[j];
                if (a == lo || b == lo || pos[a] < 0 || pos[b] < 0) continue;
                if (ev->bids[a].rank < ev->bids[b].rank && pos[a] > pos[b]) {
                    eval_flip *nv = realloc(v, (size_t)(n + 1) * sizeof *v);
                    if (!nv) { fputs("anbud: out of memory\n", stderr); exit(2); }
                    v = nv;
                    v[n].left_out = lo;
                    v[n].a = a;
                    v[n].b = b;
                    n++;
                }
            }
        evaluation_free(&e2);
    }
    free(pos);
    *out = v;
    return n;
}

/* {=========== sensitivity ============ */

/* Re-run the price-dependent stages with bid i's price set to price;
   returns 1 if i then wins outright, 0 if not, -1 on an error. */
/* 1 if any figure of one bid depends on another bid's price: a relative
   price formula or total (a model's own Lua formula counts as relative). */
/* Whether a price change of one bid can move another bid's figures: unless
   the total and every price-points method say relative = false, assume so
   (a model's own method{} may look at the other bids without saying it). */
static int price_is_relative(const model *m)
{
    int k;
    if (!model_method_absolute(m, m->total_ref)) return 1;
    for (k = 0; k < m->ncriteria; k++)
        if (m->criteria[k].kind == CRIT_PRICE && !model_method_absolute(m, m->criteria[k].method_ref)) return 1;
    return 0;
}

/* What the other bids' figures were last computed with, during one
   break-even search: the price statistics, when every price-points method
   names the ones it reads (uses) and the total looks at the bid alone. */
typedef struct be_cache {
    int relative;           /* price_is_relative, once for the search */
    int usable;             /* the methods allow it */
    int valid;              /* stats hold what the other bids were computed with */
    price_stats stats;
} be_cache;

/* 1 if no price-points formula reads a statistic that differs in a and b. */
static int same_for_points(const model *m, const price_stats *a, const price_stats *b)
{
    int k;
    for (k = 0; k < m->ncriteria; k++) {
        int ref = m->criteria[k].method_ref;
        if (m->criteria[k].kind != CRIT_PRICE) continue;
        if (model_method_uses(m, ref, "lowest") && !mpq_equal(a->lowest, b->lowest)) return 0;
        if (model_method_uses(m, ref, "highest") && !mpq_equal(a->highest, b->highest)) return 0;
        if (model_method_uses(m, ref, "mean") && !mpq_equal(a->mean, b->mean)) return 0;
        if (model_method_uses(m, ref, "count") && a->count != b->count) return 0;
    }
    return 1;
}

static int wins_at(evaluation *ev, int i, const mpq_t price, be_cache *cache)
{
    anbud_error err;
    int j, wins = 1, rc;
    mpq_set(ev->bids[i].price, price);
    /* with absolute formulas only bid i's figures move; with relative ones
       too, while the statistics the formulas read stay as they were */
    ev->only = cache->relative ? -1 : i;
    if (ev->only < 0 && cache->usable) {
        price_stats now;
        evaluation_price_stats(ev, &now);
        if (cache->valid && same_for_points(ev->m, &now, &cache->stats)) ev->only = i;
        else {
            if (cache->valid) evaluation_price_stats_clear(&cache->stats);
            cache->stats = now;   /* takes over now's numbers */
            cache->valid = 1;
        }
        if (ev->only >= 0) evaluation_price_stats_clear(&now);
    }
    for (j = 0; j < ev->nbids; j++) {
        eval_bid *b = &ev->bids[j];
        if (ev->only >= 0 && j != i) continue;
        mpq_set_ui(b->deductions, 0, 1);
        mpq_set_ui(b->surcharges, 0, 1);
        mpq_set_ui(b->features, 0, 1);
    }
    rc = evaluation_price_stages(ev, &err) != ANBUD_OK;
    ev->only = -1;
    if (rc) {
        if (cache->valid) evaluation_price_stats_clear(&cache->stats);
        cache->valid = 0;   /* the other bids may be half done */
        return -1;
    }
    for (j = 0; j < ev->nbids && wins; j++) {
        int c;
        if (j == i || ev->bids[j].stage) continue;
        c = mpq_cmp(ev->bids[i].total, ev->bids[j].total);
        if (ev->higher_is_better ? c <= 0 : c >= 0) wins = 0;
    }
    return wins;
}

typedef struct break_even_run {
    evaluation *ev;
    int i;
    mpq_ptr out;
    int result;
    int how;                /* BREAK_EVEN_AUTO, _BISECT or _CLOSED */
} break_even_run;

/* {=========== the break-even price in closed form ============

   For lowest_ratio and linear_from_lowest under weighted_sum the search
   needs no re-run. Both give points as a falling function of the ratio
   r = price / lowest, phi(r) = max / r and phi(r) = max × (2 − r), and the
   total is Σ weight × rounded score, rounded. With the other bids' prices
   fixed and L the lowest of them:
     - at a price p >= L, the lowest stays L: only bid i's points move,
       phi(p / L), down as p rises;
     - at p <= L, bid i is the lowest: its points are phi(1) = max, and
       every other bid's move, phi(P_j / p), up as p rises.
   Rounding (half up, half even, truncate) never turns a rise into a fall,
   so "bid i wins at p" holds up to one price and not above it, and the
   highest öre at which it holds is found by inverting each step:
   R(x) <= u, for a rounded value u, holds for x below the one point where
   R jumps past u (the midpoint above u, or for truncation the grid point
   above u, or u itself below zero), and at that point itself as R says.
   The result is the öre the bisection finds, since that searches the same
   condition; the program confirms it at that öre and the next before it
   takes it (break_even_closed), and tests/unit/test_breakeven.c holds the
   two against each other. */

/* x below b: x <= b (closed) or x < b. */
typedef struct below {
    mpq_t b;
    int closed;
} below;

/* The set of x whose rounding to places (mode) lies in *d, written back
   into *d: R(x) <= b or R(x) < b holds exactly for x below one point.
   No rounding declared (places < 0): the set is the same. */
static void round_preimage(below *d, int places, dec_mode mode)
{
    mpz_t scale, q;
    mpq_t u, g, r;
    if (places < 0) return;
    mpz_inits(scale, q, NULL);
    mpq_inits(u, g, r, NULL);
    mpz_ui_pow_ui(scale, 10, (unsigned long)places);
    /* u = the highest grid point (a multiple of 10^-places) in *d */
    mpz_mul(q, mpq_numref(d->b), scale);
    mpz_fdiv_q(q, q, mpq_denref(d->b));
    mpq_set_z(u, q);
    mpq_set_z(g, scale);
    mpq_div(u, u, g);
    if (!d->closed && mpq_equal(u, d->b)) {
        mpz_sub_ui(q, q, 1);
        mpq_set_z(u, q);
        mpq_div(u, u, g);
    }
    mpq_inv(g, g);                          /* the grid step */
    /* g = how far above u R jumps from u to the next grid point */
    if (mode == DEC_TRUNCATE) {
        if (mpq_sgn(u) < 0) mpq_set_ui(g, 0, 1);   /* toward zero: (u − step, u] gives u */
    } else {
        mpq_set_ui(r, 1, 2);
        mpq_mul(g, g, r);
    }
    mpq_add(g, u, g);
    dec_round(r, g, places, mode);
    d->closed = mpq_cmp(r, u) <= 0;
    mpq_set(d->b, g);
    mpz_clears(scale, q, NULL);
    mpq_clears(u, g, r, NULL);
}

/* The set of scores z (points before rounding) at which a bid with the
   other contributions q has a rounded total in *d. */
static void total_preimage(const evaluation *ev, below *d, const mpq_t q, const mpq_t w)
{
    round_preimage(d, ev->total_places, ev->total_mode);
    mpq_sub(d->b, d->b, q);
    mpq_div(d->b, d->b, w);
    round_preimage(d, ev->m->rounding.score, ev->m->rounding.score_mode);
}

typedef enum be_shape { SHAPE_RATIO, SHAPE_LINEAR } be_shape;

/* The figures the closed form works from, for bid i and price criterion k. */
typedef struct be_form {
    const evaluation *ev;
    int i, k;
    be_shape shape;         /* lowest_ratio or linear_from_lowest */
    mpq_srcptr max;
    mpq_t w;                /* the price criterion's weight (1 if none) */
    mpq_t lowest;           /* the lowest price of the other bids */
    mpq_t *q;               /* per bid: its points besides the price's */
} be_form;

/* The rounded total of a bid with the other contributions q at price
   price, when the lowest price is lowest: as price.lua's formula,
   score_prices and compute_totals make it. */
static void total_at(const be_form *f, mpq_t out, const mpq_t q, const mpq_t lowest, const mpq_t price)
{
    const evaluation *ev = f->ev;
    mpq_t z, one;
    mpq_inits(z, one, NULL);
    if (f->shape == SHAPE_RATIO) {          /* max × lowest / price */
        mpq_mul(z, f->max, lowest);
        mpq_div(z, z, price);
    } else {                                /* max × (1 − (price − lowest) / lowest) */
        mpq_sub(z, price, lowest);
        mpq_div(z, z, lowest);
        mpq_set_ui(one, 1, 1);
        mpq_sub(z, one, z);
        mpq_mul(z, f->max, z);
    }
    if (ev->m->rounding.score >= 0) dec_round(z, z, ev->m->rounding.score, ev->m->rounding.score_mode);
    mpq_mul(z, z, f->w);
    mpq_add(z, z, q);
    if (ev->total_places >= 0) dec_round(out, z, ev->total_places, ev->total_mode);
    else mpq_set(out, z);
    mpq_clears(z, one, NULL);
}

/* The ratios r = price / lowest whose points phi(r) lie in *d: since phi
   falls, r >= r0 (d closed) or r > r0 (d open), r0 into out. Returns 0 if
   no r > 0 has its points in *d (phi = max / r stays above zero). */
static int ratio_preimage(const be_form *f, const below *d, mpq_t out)
{
    if (f->shape == SHAPE_RATIO) {          /* max / r <= b: r >= max / b */
        if (mpq_sgn(d->b) <= 0) return 0;
        mpq_div(out, f->max, d->b);
    } else {                                /* max × (2 − r) <= b: r >= 2 − b / max */
        mpq_t two;
        mpq_init(two);
        mpq_set_ui(two, 2, 1);
        mpq_div(out, d->b, f->max);
        mpq_sub(out, two, out);
        mpq_clear(two);
    }
    return 1;
}

/* 1 if the method at registry ref is the library's method name, as the
   library made it (evaluation_library_method). */
static int library_method(const model *m, int ref, const char *have, const char *name)
{
    return evaluation_library_method(m, ref, have, name);
}

/* The price-points criterion, if the model is one the closed form holds
   for: a points model whose total is weighted_sum, one price criterion at
   the top level with lowest_ratio or linear_from_lowest and a weight above
   zero, no added values (whose formulas the re-runs would call). Else -1. */
static int closed_form_criterion(const evaluation *ev, be_shape *shape)
{
    const model *m = ev->m;
    const model_criterion *c;
    int k, found = -1;
    if (m->basis != BASIS_POINTS || m->lower_wins || !ev->higher_is_better) return -1;
    for (k = 0; k < m->ncriteria; k++) {
        c = &m->criteria[k];
        if (c->kind == CRIT_ADDED_VALUE) return -1;
        if (c->kind != CRIT_PRICE) continue;
        if (found >= 0 || c->parent >= 0 || (c->has_weight && mpq_sgn(c->weight) <= 0)) return -1;
        found = k;
    }
    if (found < 0) return -1;
    c = &m->criteria[found];
    if (library_method(m, c->method_ref, c->method_name, "lowest_ratio")) *shape = SHAPE_RATIO;
    else if (library_method(m, c->method_ref, c->method_name, "linear_from_lowest")) *shape = SHAPE_LINEAR;
    else return -1;
    if (!library_method(m, m->total_ref, m->total_name, "weighted_sum")) return -1;
    return found;
}

/* 1 if bid i, at n öre, has a rounded total above every other bid's. */
static int form_wins(const be_form *f, const mpz_t n)
{
    const evaluation *ev = f->ev;
    mpq_t p, low, ti, tj;
    int j, wins = 1;
    mpq_inits(p, low, ti, tj, NULL);
    mpq_set_z(p, n);
    mpq_set_ui(low, 1, 100);
    mpq_mul(p, p, low);
    mpq_set(low, mpq_cmp(p, f->lowest) < 0 ? p : f->lowest);
    total_at(f, ti, f->q[f->i], low, p);
    for (j = 0; j < ev->nbids && wins; j++) {
        if (j == f->i || ev->bids[j].stage) continue;
        total_at(f, tj, f->q[j], low, ev->bids[j].price);
        if (mpq_cmp(ti, tj) <= 0) wins = 0;
    }
    mpq_clears(p, low, ti, tj, NULL);
    return wins;
}

/* The highest n (öre) at which bid i wins, into n; 0 if it wins at no
   price from 1 öre up, -2 if the figures leave no highest (it would win at
   any price: cannot happen for a runner-up, which does not win at its own). */
static int form_solve(const be_form *f, mpz_t n)
{
    const evaluation *ev = f->ev;
    below d;
    mpq_t t, best, hundred_low, x;
    mpz_t nj;
    int j, rc = 1, first = 1;
    mpq_inits(d.b, t, best, hundred_low, x, NULL);
    mpz_init(nj);
    mpq_set_ui(hundred_low, 100, 1);
    mpq_mul(hundred_low, hundred_low, f->lowest);
    /* at or above the others' lowest L: the best of the others' totals
       stays, and i wins while its total is above it, i.e. while its score
       phi(n / 100L) is outside the set of scores with a total <= best */
    for (j = 0; j < ev->nbids; j++) {
        if (j == f->i || ev->bids[j].stage) continue;
        total_at(f, t, f->q[j], f->lowest, ev->bids[j].price);
        if (first || mpq_cmp(t, best) > 0) mpq_set(best, t);
        first = 0;
    }
    mpq_set(d.b, best);
    d.closed = 1;
    total_preimage(ev, &d, f->q[f->i], f->w);
    if (!ratio_preimage(f, &d, x)) { rc = -2; goto done; }
    /* wins while n / 100L < r0 (closed) or <= r0 (open) */
    mpq_mul(x, x, hundred_low);
    if (d.closed) {
        mpz_cdiv_q(n, mpq_numref(x), mpq_denref(x));
        mpz_sub_ui(n, n, 1);
    } else mpz_fdiv_q(n, mpq_numref(x), mpq_denref(x));
    mpq_set_z(t, n);
    if (mpz_sgn(n) > 0 && mpq_cmp(t, hundred_low) >= 0) goto done;
    /* below L: i is the lowest, its score is max and its total A fixed;
       it wins while every other total is below A: bid j's score
       phi(100 P_j / n) inside the set of scores with a total < A, i.e.
       100 P_j / n >= r0 (or >) */
    total_at(f, best, f->q[f->i], f->max, f->max);   /* phi(1) = max */
    mpz_fdiv_q(n, mpq_numref(hundred_low), mpq_denref(hundred_low));
    for (j = 0; j < ev->nbids && mpz_sgn(n) > 0; j++) {
        if (j == f->i || ev->bids[j].stage) continue;
        mpq_set(d.b, best);
        d.closed = 0;
        total_preimage(ev, &d, f->q[j], f->w);
        if (!ratio_preimage(f, &d, x)) mpz_set_ui(n, 0);   /* j is never below A */
        else if (mpq_sgn(x) > 0) {          /* (r0 <= 0: j is below A at any price) */
            /* n <= 100 P_j / r0 (closed) or < */
            mpq_inv(x, x);
            mpq_mul(x, x, ev->bids[j].price);
            mpq_set_ui(t, 100, 1);
            mpq_mul(x, x, t);
            if (d.closed) mpz_fdiv_q(nj, mpq_numref(x), mpq_denref(x));
            else {
                mpz_cdiv_q(nj, mpq_numref(x), mpq_denref(x));
                mpz_sub_ui(nj, nj, 1);
            }
            if (mpz_cmp(nj, n) < 0) mpz_set(n, nj);
        }
    }
    if (mpz_sgn(n) <= 0) { mpz_set_ui(n, 0); rc = 0; }
done:
    mpq_clears(d.b, t, best, hundred_low, x, NULL);
    mpz_clear(nj);
    return rc;
}

/* The break-even price of bid i in closed form: as evaluation_break_even,
   or -2 where the closed form does not hold. check: confirm the answer by
   computing the totals at it and one öre above (else -2, and the caller
   bisects). */
static int break_even_closed(evaluation *ev, int i, mpq_t out, int check)
{
    be_form f;
    mpz_t n, n1;
    int j, rc, k = closed_form_criterion(ev, &f.shape);
    if (k < 0 || ev->bids[i].stage) return -2;
    f.ev = ev;
    f.i = i;
    f.k = k;
    f.max = ev->m->criteria[k].max;
    mpq_inits(f.w, f.lowest, NULL);
    mpz_inits(n, n1, NULL);
    if (ev->m->criteria[k].has_weight) mpq_set(f.w, ev->m->criteria[k].weight);
    else mpq_set_ui(f.w, 1, 1);
    f.q = xalloc_zeroed((size_t)ev->nbids, sizeof *f.q);
    rc = -2;
    for (j = 0; j < ev->nbids; j++) {
        const eval_bid *b = &ev->bids[j];
        mpq_init(f.q[j]);
        if (b->stage) continue;
        mpq_sub(f.q[j], b->points, b->crit[k].contribution);
        if (j != i && (rc == -2 || mpq_cmp(b->price, f.lowest) < 0)) {
            mpq_set(f.lowest, b->price);
            rc = 1;
        }
    }
    if (rc == -2 || mpq_sgn(f.lowest) <= 0) { rc = -2; goto done; }   /* no other bid; a zero price */
    rc = form_solve(&f, n);
    if (rc >= 0 && check) {
        /* wins at n (if n > 0), not at n + 1 */
        mpz_add_ui(n1, n, 1);
        if ((rc == 1 && !form_wins(&f, n)) || form_wins(&f, n1)) rc = -2;
    }
    if (rc == 1) {
        mpq_set_z(out, n);
        mpq_set_ui(f.w, 1, 100);
        mpq_mul(out, out, f.w);
    }
done:
    for (j = 0; j < ev->nbids; j++) mpq_clear(f.q[j]);
    free(f.q);
    mpq_clears(f.w, f.lowest, NULL);
    mpz_clears(n, n1, NULL);
    return rc;
}

/* }====================================== */

/* Bisection on whole öre (0.01): the highest price, in öre, at which the
   bid still wins; prices stay small exact numbers throughout. */
static anbud_status break_even_stages(void *ud, anbud_error *err)
{
    break_even_run *r = ud;
    evaluation *ev = r->ev;
    mpz_t lo, hi, mid;
    mpq_t orig, p;
    be_cache cache;
    int w;
    (void)err;
    if (r->how != BREAK_EVEN_BISECT) {
        r->result = break_even_closed(ev, r->i, r->out, r->how == BREAK_EVEN_AUTO);
        if (r->result != -2 || r->how == BREAK_EVEN_CLOSED) return ANBUD_OK;
    }
    mpz_inits(lo, hi, mid, NULL);
    mpq_inits(orig, p, NULL);
    mpq_set(orig, ev->bids[r->i].price);
    /* every bid was computed with the statistics of the evaluation itself */
    cache.relative = price_is_relative(ev->m);
    cache.usable = model_method_absolute(ev->m, ev->m->total_ref);
    cache.valid = cache.usable;
    if (cache.valid) evaluation_price_stats(ev, &cache.stats);
    /* hi = the price in öre, rounded up: it does not win there */
    mpz_mul_ui(hi, mpq_numref(orig), 100);
    mpz_cdiv_q(hi, hi, mpq_denref(orig));
    r->result = 0;
    w = wins_at(ev, r->i, p, &cache);                     /* price 0 */
    if (w < 0) {                                  /* undefined at 0: from 1 öre */
        mpz_set_ui(lo, 1);
        mpq_set_ui(p, 1, 100);
        w = wins_at(ev, r->i, p, &cache);
    }
    if (w > 0) {
        while (mpz_cmp(hi, lo) > 0) {
            mpz_add(mid, lo, hi);
            mpz_add_ui(mid, mid, 1);
            mpz_fdiv_q_2exp(mid, mid, 1);         /* lo < mid <= hi */
            mpq_set_z(p, mid);
            {
                mpq_t h;
                mpq_init(h);
                mpq_set_ui(h, 1, 100);
                mpq_mul(p, p, h);
                mpq_clear(h);
            }
            w = wins_at(ev, r->i, p, &cache);
            if (w < 0) break;
            if (w) mpz_set(lo, mid); else mpz_sub_ui(hi, mid, 1);
        }
        if (w >= 0) {
            mpq_set_z(r->out, lo);
            mpq_set_ui(p, 1, 100);
            mpq_mul(r->out, r->out, p);
            r->result = 1;
        } else r->result = -1;
    } else if (w < 0) r->result = -1;
    wins_at(ev, r->i, orig, &cache);   /* restore every figure */
    if (cache.valid) evaluation_price_stats_clear(&cache.stats);
    mpz_clears(lo, hi, mid, NULL);
    mpq_clears(orig, p, NULL);
    return ANBUD_OK;
}

int evaluation_break_even(evaluation *ev, int i, mpq_t out)
{
    return evaluation_break_even_by(ev, i, out, BREAK_EVEN_AUTO);
}

int evaluation_break_even_by(evaluation *ev, int i, mpq_t out, int how)
{
    break_even_run r;
    anbud_error err;
    r.ev = ev;
    r.i = i;
    r.out = out;
    r.result = -1;
    r.how = how;
    if (ev->bids[i].stage || !ev->bids[i].has_price) return -1;
    sandbox_refill(ev->m->sb);
    if (sandbox_protect(ev->m->sb, break_even_stages, &r, &err)) return -1;
    return r.result;
}

int evaluation_weight_flip(const evaluation *ev, int k, mpq_t delta, int *bid)
{
    const model *m = ev->m;
    int j, found = 0, win;
    mpq_t a, b, rest, t, best;
    if (m->basis != BASIS_POINTS || !m->criteria[k].has_weight || m->criteria[k].parent >= 0 || ev->nranked < 2)
        return 0;
    win = ev->order[0];
    mpq_inits(a, b, rest, t, best, NULL);
    /* T(δ) = (w_k + δ)·s_k + (1 − w_k − δ)/(1 − w_k) · R, with R = Σ_{j≠k} w_j s_j:
       the difference of two bids is A + B·δ */
    mpq_set_ui(rest, 1, 1);
    mpq_sub(rest, rest, m->criteria[k].weight);
    if (mpq_sgn(rest) == 0) goto done;
    for (j = 0; j < ev->nbids; j++) {
        const eval_bid *o = &ev->bids[j], *w = &ev->bids[win];
        mpq_t so, sw, ro, rw;
        if (o->stage || j == win) continue;
        mpq_inits(so, sw, ro, rw, NULL);
        mpq_set(so, o->crit[k].score);
        mpq_set(sw, w->crit[k].score);
        mpq_sub(ro, o->total_exact, o->crit[k].contribution);   /* R of each */
        mpq_sub(rw, w->total_exact, w->crit[k].contribution);
        /* A = diff of totals now; B = (s_o − s_w) − (R_o − R_w)/(1 − w_k) */
        mpq_sub(a, o->total_exact, w->total_exact);
        mpq_sub(t, ro, rw);
        mpq_div(t, t, rest);
        mpq_sub(b, so, sw);
        mpq_sub(b, b, t);
        if (mpq_sgn(b) != 0) {
            mpq_div(t, a, b);
            mpq_neg(t, t);                  /* δ where they draw level */
            mpq_add(so, m->criteria[k].weight, t);   /* the new weight */
            if (mpq_sgn(so) >= 0 && mpq_cmp_ui(so, 1, 1) <= 0) {
                mpq_abs(sw, t);
                mpq_abs(ro, best);
                if (!found || mpq_cmp(sw, ro) < 0) {
                    mpq_set(best, t);
                    *bid = j;
                    found = 1;
                }
            }
        }
        mpq_clears(so, sw, ro, rw, NULL);
    }
    if (found) mpq_set(delta, best);
done:
    mpq_clears(a, b, rest, t, best, NULL);
    return found;
}

void evaluation_sensitivity(evaluation *ev)
{
    int i, k, nc = ev->m->ncriteria;
    if (ev->sensitivity) return;
    ev->be_status = xalloc_zeroed((size_t)ev->nbids, sizeof *ev->be_status);
    ev->be_price = xalloc_zeroed((size_t)ev->nbids, sizeof *ev->be_price);
    ev->flip_found = xalloc_zeroed((size_t)nc, sizeof *ev->flip_found);
    ev->flip_delta = xalloc_zeroed((size_t)nc, sizeof *ev->flip_delta);
    ev->flip_bid = xalloc_zeroed((size_t)nc, sizeof *ev->flip_bid);
    for (i = 0; i < ev->nbids; i++) {
        mpq_init(ev->be_price[i]);
        ev->be_status[i] = -2;
    }
    for (i = 1; i < ev->nranked && i <= SENSITIVITY_MAX_RUNNERS_UP; i++)
        ev->be_status[ev->order[i]] = evaluation_break_even(ev, ev->order[i], ev->be_price[ev->order[i]]);
    for (k = 0; k < nc; k++) {
        mpq_init(ev->flip_delta[k]);
        ev->flip_bid[k] = -1;
        ev->flip_found[k] = evaluation_weight_flip(ev, k, ev->flip_delta[k], &ev->flip_bid[k]);
    }
    ev->sensitivity = 1;
}

/* }====================================== */
