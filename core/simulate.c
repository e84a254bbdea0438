/* SPDX-License-Identifier: MIT */
/*
** simulate.c: running a model on synthetic tenders before it is published.
** Random bids within a price range and random scores on each criterion's
** scale, from a fixed, printed seed; reports how often the winner changes
** when a losing bid is left out, whether a cheaper copy of a bid ever ranks
** below it, how often price decided the winner, and the winning margins.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "simulate.h"
#include "evaluate.h"
#include "text.h"

typedef struct rng { unsigned long long s; } rng;

/* splitmix64: small, fast, and the same on every machine */
static unsigned long long next(rng *r)
{
    unsigned long long z = (r->s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static unsigned long below(rng *r, unsigned long n)
{
    return n ? (unsigned long)(next(r) % n) : 0;
}

static char *sdup(const char *s)
{
    char *d = strdup(s);
    if (!d) { fputs("anbud: out of memory\n", stderr); exit(2); }
    return d;
}

static void *zalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size);
    if (!p) { fputs("anbud: out of memory\n", stderr); exit(2); }
    return p;
}

/* A price in whole kronor, uniform in [lo, hi]. */
static void random_price(rng *r, const simulate_options *o, mpq_t out)
{
    mpq_t span;
    unsigned long k;
    mpq_init(span);
    mpq_sub(span, o->price_hi, o->price_lo);
    k = below(r, 1000001);
    mpq_set_ui(out, k, 1000000);
    mpq_mul(out, out, span);
    mpq_add(out, out, o->price_lo);
    dec_round(out, out, 0, DEC_HALF_UP);
    mpq_clear(span);
}

/* Fill bid b's fields so that its evaluated price is price: the price
   column, or the same unit price on every basket line, or the whole amount
   in the first number column of another method. */
static void set_price(const model *m, input_bid *b, const mpq_t price)
{
    int f, l;
    mpq_t qsum;
    mpq_init(qsum);
    for (l = 0; l < m->price.nlines; l++) mpq_add(qsum, qsum, m->price.lines[l].quantity);
    for (f = 0; f < m->nfields; f++) {
        const model_field *fd = &m->fields[f];
        input_value *v = &b->fields[f];
        if (fd->kind != FIELD_NUMBER) continue;
        v->present = 1;
        v->has_num = 1;
        mpq_set_ui(v->num, 0, 1);
        if (m->price.nlines) {
            for (l = 0; l < m->price.nlines; l++)
                if (strcmp(m->price.lines[l].id, fd->id) == 0 && mpq_sgn(qsum) > 0) mpq_div(v->num, price, qsum);
        } else if (strcmp(fd->id, m->price.id) == 0) mpq_set(v->num, price);
    }
    if (!m->price.nlines && model_find_field(m, m->price.id) < 0) {   /* a method's columns */
        for (f = 0; f < m->nfields; f++)
            if (m->fields[f].kind == FIELD_NUMBER) { mpq_set(b->fields[f].num, price); break; }
    }
    mpq_clear(qsum);
}

/* The next bid slot of in, named id (its own bidder), with room for every
   field; the caller fills the fields and counts the bid. */
static input_bid *new_bid(const model *m, anbud_inputs *in, const char *id)
{
    input_bid *b = &in->bids[in->nbids];
    memset(b, 0, sizeof *b);
    b->id = sdup(id);
    b->bidder = sdup(id);
    b->nfields = m->nfields;
    b->fields = zalloc((size_t)m->nfields, sizeof *b->fields);
    return b;
}

/* A copy of bid `from` under a new id: every field as it was (declared
   answers, requirements, texts), so that only the price, set after, differs. */
static void copy_bid(const model *m, anbud_inputs *in, const char *id, const input_bid *from)
{
    input_bid *b = new_bid(m, in, id);
    int f;
    for (f = 0; f < m->nfields; f++) {
        const input_value *src = &from->fields[f];
        input_value *v = &b->fields[f];
        mpq_init(v->num);
        mpq_set(v->num, src->num);
        v->present = src->present;
        v->has_num = src->has_num;
        v->answer = src->answer;
        v->text = src->text ? sdup(src->text) : NULL;
    }
    b->lot = from->lot;
    in->nbids++;
}

static void add_bid(const model *m, anbud_inputs *in, const char *id, rng *r)
{
    input_bid *b = new_bid(m, in, id);
    int f;
    for (f = 0; f < m->nfields; f++) {
        const model_field *fd = &m->fields[f];
        input_value *v = &b->fields[f];
        mpq_init(v->num);
        v->answer = -1;
        if (fd->kind == FIELD_ANSWER && fd->nanswers) {
            /* requirements are met; a stated level is drawn */
            int k, declared = 0;
            for (k = 0; k < m->ncriteria; k++) if (m->criteria[k].field == f) declared = 1;
            if (f == m->alp_field) continue;
            v->present = 1;
            v->answer = declared ? (int)below(r, (unsigned long)fd->nanswers) : 0;
            v->text = sdup(fd->answers[v->answer]);
        } else if (fd->kind == FIELD_TEXT) {
            v->present = 1;
            v->text = sdup("simulated");
        }
    }
    in->nbids++;
}

/* One score per bid and scored criterion: a random level or a value in
   tenths of max; consensus criteria get a consensus row. */
static void add_scores(const model *m, anbud_inputs *in, int bid, rng *r, const anbud_inputs *copy_from, int from)
{
    int k;
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        input_score *s;
        if ((c->kind != CRIT_QUALITY && c->kind != CRIT_ADDED_VALUE) || c->declared) continue;
        s = &in->scores[in->nscores++];
        memset(s, 0, sizeof *s);
        mpq_init(s->value);
        s->bid = bid;
        s->criterion = k;
        s->consensus = c->panel == PANEL_CONSENSUS;
        s->evaluator = s->consensus ? NULL : sdup("simulated");
        s->justification = sdup("simulated");
        if (copy_from) {
            int j;
            for (j = 0; j < copy_from->nscores; j++)
                if (copy_from->scores[j].bid == from && copy_from->scores[j].criterion == k) {
                    mpq_set(s->value, copy_from->scores[j].value);
                    s->level = copy_from->scores[j].level;
                }
        } else if (c->scale >= 0) {
            s->level = (int)below(r, (unsigned long)m->scales[c->scale].nlevels);
            mpq_set(s->value, m->scales[c->scale].values[s->level]);
        } else {
            s->level = -1;
            mpq_set_ui(s->value, below(r, 11), 10);
            mpq_mul(s->value, s->value, c->max);
        }
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

anbud_status simulate_run(model *m, const simulate_options *o, FILE *out, anbud_error *err)
{
    rng r;
    int run, i, nk = 0, done = 0, reversals = 0, price_decided = 0, cheaper_lower = 0, errors = 0;
    int show_progress = o->progress && isatty(2);
    double *margins = zalloc((size_t)o->runs, sizeof *margins);
    char first_error[800] = "";
    int k;
    r.s = o->seed;
    for (k = 0; k < m->ncriteria; k++)
        if ((m->criteria[k].kind == CRIT_QUALITY || m->criteria[k].kind == CRIT_ADDED_VALUE) && !m->criteria[k].declared) nk++;
    for (run = 0; run < o->runs; run++) {
        anbud_inputs in;
        evaluation ev;
        anbud_error e;
        char id[32];
        mpq_t price;
        anbud_status st;
        memset(&in, 0, sizeof in);
        in.bids = zalloc((size_t)o->bids + 1, sizeof *in.bids);
        in.scores = zalloc((size_t)(o->bids + 1) * (size_t)(nk ? nk : 1), sizeof *in.scores);
        mpq_init(price);
        for (i = 0; i < o->bids; i++) {
            snprintf(id, sizeof id, "S%d", i + 1);
            add_bid(m, &in, id, &r);
            random_price(&r, o, price);
            set_price(m, &in.bids[i], price);
            add_scores(m, &in, i, &r, NULL, 0);
        }
        st = evaluation_run(&ev, m, &in, "simulation", 1, NULL, &e);
        if (st != ANBUD_OK && st != ANBUD_ATTENTION) {
            if (!errors++) error_format(&e, first_error, sizeof first_error);
        } else if (ev.nranked >= 2) {
            eval_flip *flips = NULL;
            int nf, w = ev.order[0], best = 1;
            mpq_t d;
            /* price decided: the winner is not (one of) the best on quality */
            for (i = 0; i < ev.nbids; i++)
                if (!ev.bids[i].stage && mpq_cmp(ev.bids[i].quality, ev.bids[w].quality) > 0) best = 0;
            if (!best) price_decided++;
            mpq_init(d);
            mpq_sub(d, ev.bids[w].total_exact, ev.bids[ev.order[1]].total_exact);
            mpq_abs(d, d);
            margins[done++] = dec_to_double(d);
            mpq_clear(d);
            nf = evaluation_probe(&ev, &flips, &e);
            for (i = 0; i < nf; i++) if (flips[i].a == w) { reversals++; break; }
            free(flips);
            /* a copy of bid 1, 10 % cheaper, must not rank below it */
            {
                anbud_inputs in2;
                evaluation ev2;
                mpq_t p2;
                int orig = 0, copy = o->bids;
                memset(&in2, 0, sizeof in2);
                in2.bids = zalloc((size_t)o->bids + 1, sizeof *in2.bids);
                in2.scores = zalloc((size_t)(o->bids + 1) * (size_t)(nk ? nk : 1), sizeof *in2.scores);
                mpq_init(p2);
                for (i = 0; i <= o->bids; i++) {
                    snprintf(id, sizeof id, "S%d", i + 1);
                    /* every bid as it was, the copy with everything but the price */
                    copy_bid(m, &in2, id, &in.bids[i == copy ? orig : i]);
                    mpq_set(p2, ev.bids[i == copy ? orig : i].price);
                    if (i == copy) { mpq_t f; mpq_init(f); mpq_set_ui(f, 9, 10); mpq_mul(p2, p2, f); mpq_clear(f); }
                    set_price(m, &in2.bids[i], p2);
                    add_scores(m, &in2, i, &r, &in, i == copy ? orig : i);
                }
                if (evaluation_run(&ev2, m, &in2, "simulation", 1, NULL, &e) <= ANBUD_ATTENTION &&
                    !ev2.bids[orig].stage && !ev2.bids[copy].stage && ev2.bids[copy].rank > ev2.bids[orig].rank)
                    cheaper_lower++;
                evaluation_free(&ev2);
                input_free(&in2);
                mpq_clear(p2);
            }
        }
        evaluation_free(&ev);
        input_free(&in);
        mpq_clear(price);
        if (show_progress && (run % 20 == 19 || run == o->runs - 1)) {
            int bar = (run + 1) * 40 / o->runs;
            fprintf(stderr, "\r[%-40.*s] %d/%d", bar, "========================================", run + 1, o->runs);
            if (run == o->runs - 1) fputc('\n', stderr);
        }
    }
    text_printf(out, "model     %s (sha256 %s)\n", m->id, m->sha256);
    fprintf(out, "seed      %llu\n", o->seed);
    {
        char *lo = dec_format_exact(o->price_lo), *hi = dec_format_exact(o->price_hi);
        fprintf(out, "tenders   %d, %d bids each, prices %s to %s, scores uniform on each scale\n",
                o->runs, o->bids, lo ? lo : "?", hi ? hi : "?");
        free(lo); free(hi);
    }
    if (errors) text_printf(out, "errors    %d runs stopped, the first: %s\n", errors, first_error);
    if (done) {
        qsort(margins, (size_t)done, sizeof *margins, cmp_double);
        fprintf(out, "rank reversal: the winner lost when one losing bid was left out in %d of %d tenders (%.1f %%)\n",
                reversals, done, 100.0 * reversals / done);
        fprintf(out, "monotonicity: a copy of a bid 10 %% cheaper ranked below it in %d of %d tenders%s\n",
                cheaper_lower, done, cheaper_lower ? " (it must be never)" : "");
        fprintf(out, "price decided the winner (not the best on quality) in %d of %d tenders (%.1f %%)\n",
                price_decided, done, 100.0 * price_decided / done);
        fprintf(out, "winning margin: min %.6g, quartiles %.6g / %.6g / %.6g, max %.6g\n",
                margins[0], margins[done / 4], margins[done / 2], margins[(3 * done) / 4], margins[done - 1]);
    }
    free(margins);
    if (cheaper_lower)
        return error_set(err, ANBUD_EMODEL, m->name, m->price.line, 0,
                         "a bid 10 %% cheaper than another with the same scores ranked below it in %d of %d "
                         "simulated tenders: the model is not monotone in price", cheaper_lower, done);
    return ANBUD_OK;
}
