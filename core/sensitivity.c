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
} break_even_run;

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
    break_even_run r;
    anbud_error err;
    r.ev = ev;
    r.i = i;
    r.out = out;
    r.result = -1;
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
