/* SPDX-License-Identifier: MIT */
/*
** json.c: writing the evaluation as JSON. Presents figures computed in
** evaluate.c; decides nothing.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include "json.h"
#include "rank.h"
#include "words.h"
#include "figcache.h"

/* {=========== the writer ============ */
/* The JSON of a large evaluation is tens of megabytes written in pieces of
   a few bytes: they go into a buffer of our own, flushed in large writes,
   instead of one stdio call per piece and per character. */

#define JW_SIZE 65536

typedef struct jwriter {
    FILE *f;
    size_t n;
    int failed;             /* a write failed: the rest is dropped */
    mpq_t r;                /* scratch: a figure at its rounding */
    figcache *exact;        /* texts of exact figures */
    figcache *fixed;        /* texts at fixed_places decimals */
    int fixed_places;
    char buf[JW_SIZE];
} jwriter;

static void jw_flush(jwriter *w)
{
    if (w->n && !w->failed && fwrite(w->buf, 1, w->n, w->f) != w->n) w->failed = 1;
    w->n = 0;
}

static void jw_put(jwriter *w, const char *s, size_t n)
{
    if (n > JW_SIZE - w->n) {
        jw_flush(w);
        if (n > JW_SIZE) {   /* a long text: past the buffer */
            if (!w->failed && fwrite(s, 1, n, w->f) != n) w->failed = 1;
            return;
        }
    }
    memcpy(w->buf + w->n, s, n);
    w->n += n;
}

static void jw_puts(jwriter *w, const char *s)
{
    jw_put(w, s, strlen(s));
}

static void jw_printf(jwriter *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void jw_printf(jwriter *w, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    /* only numbers and fixed words are printed so: they fit */
    if (n > 0) jw_put(w, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* n in decimal. */
static void jw_int(jwriter *w, long n)
{
    char tmp[24], *e = tmp + sizeof tmp, *p = e;
    unsigned long u = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
    do *--p = (char)('0' + u % 10); while (u /= 10);
    if (n < 0) *--p = '-';
    jw_put(w, p, (size_t)(e - p));
}

/* The escape of byte c, or NULL when it stands for itself. */
static const char *escape(unsigned char c, char u[8])
{
    switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default:
        if (c >= 0x20) return NULL;
        snprintf(u, 8, "\\u%04x", c);
        return u;
    }
}

/* s quoted and escaped, in runs of the bytes that stand for themselves. */
static void jw_string(jwriter *w, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : ""), *run;
    char u[8];
    jw_put(w, "\"", 1);
    for (run = p; *p; p++) {
        const char *e = escape(*p, u);
        if (!e) continue;
        jw_put(w, (const char *)run, (size_t)(p - run));
        jw_puts(w, e);
        run = p + 1;
    }
    jw_put(w, (const char *)run, (size_t)(p - run));
    jw_put(w, "\"", 1);
}

void json_write_string(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : ""), *run;
    char u[8];
    fputc('"', f);
    for (run = p; *p; p++) {
        const char *e = escape(*p, u);
        if (!e) continue;
        fwrite(run, 1, (size_t)(p - run), f);
        fputs(e, f);
        run = p + 1;
    }
    fwrite(run, 1, (size_t)(p - run), f);
    fputc('"', f);
}

/* A figure's text (digits, '-', '.', '/', or "?" when it could not be
   formatted): quoted, nothing in it to escape. */
static void jw_figure(jwriter *w, const char *s)
{
    jw_put(w, "\"", 1);
    jw_puts(w, s ? s : "?");
    jw_put(w, "\"", 1);
}

/* }====================================== */

/* x as a JSON string at `places` decimals (rounded in mode; left in w->r),
   or exact. Figures repeat: their texts come from the writer's caches. */
static void num(jwriter *w, const mpq_t x, int places, dec_mode mode)
{
    if (places >= 0) {
        dec_round(w->r, x, places, mode);
        if (!w->fixed || w->fixed_places != places) {
            figcache_free(w->fixed);
            w->fixed = figcache_new(places);
            w->fixed_places = places;
        }
        jw_figure(w, figcache_text(w->fixed, w->r));
    } else {
        jw_figure(w, figcache_text(w->exact, x));
    }
}

static void exact(jwriter *w, const mpq_t x)
{
    num(w, x, -1, DEC_HALF_UP);
}

/* x at places (or exact) in mode, as num writes it, and (sum not NULL)
   added to sum: what the reader adds up. */
static void num_shown(jwriter *w, const mpq_t x, int places, dec_mode mode, mpq_ptr sum)
{
    num(w, x, places, mode);
    if (sum) mpq_add(sum, sum, places >= 0 ? w->r : x);   /* num left x rounded in w->r */
}

/* Each top-level criterion's contribution at the total's precision. When
   the total is a sum of them (weighted_sum; comparison_price: the price and
   the added values), *sums is set and sum holds the sum of the figures as
   shown, which can differ from the total: the total is rounded once, after
   the exact sum (research §3.7, Ottander 2012), each part on its own. */
static void criteria(jwriter *w, const evaluation *ev, const eval_bid *b, int places, mpq_t sum, int *sums)
{
    const model *m = ev->m;
    int k, first = 1;
    int cp = strcmp(m->total_name, "comparison_price") == 0, ws = strcmp(m->total_name, "weighted_sum") == 0;
    *sums = cp || ws;
    mpq_set_ui(sum, 0, 1);
    jw_puts(w, "\"criteria\": {");
    if (m->basis != BASIS_POINTS && m->price.criterion < 0) {
        int pl = m->basis == BASIS_COMPARISON_PRICE ? places : -1;
        jw_puts(w, "\n          ");
        jw_string(w, m->price.id);
        jw_puts(w, ": ");
        num_shown(w, b->price, pl, ev->total_mode, cp ? sum : NULL);
        first = 0;
    }
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        int pl = c->nvalues ? -1 : places;
        if (c->parent >= 0) continue;
        jw_puts(w, first ? "\n          " : ",\n          ");
        first = 0;
        jw_string(w, c->id);
        jw_puts(w, ": ");
        num_shown(w, b->crit[k].contribution, pl, ev->total_mode,
                  (cp ? c->kind == CRIT_ADDED_VALUE && !c->nvalues : c->kind != CRIT_ADDED_VALUE) ? sum : NULL);
    }
    jw_puts(w, first ? "}" : "\n        }");
}

static void details(jwriter *w, const evaluation *ev, const eval_bid *b)
{
    const model *m = ev->m;
    int k;
    jw_puts(w, "\"details\": [");
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        const eval_crit *ec = &b->crit[k];
        jw_puts(w, k ? ",\n          { \"criterion\": " : "\n          { \"criterion\": ");
        jw_string(w, c->id);
        if (c->parent >= 0) { jw_puts(w, ", \"group\": "); jw_string(w, m->criteria[c->parent].id); }
        jw_puts(w, ", \"value\": ");
        exact(w, ec->value);
        if (ec->level >= 0 && c->scale >= 0) {
            jw_puts(w, ", \"level\": ");
            jw_string(w, m->scales[c->scale].labels[ec->level]);
        }
        jw_puts(w, ", \"score_exact\": ");
        exact(w, ec->score_exact);
        jw_puts(w, ", \"score\": ");
        exact(w, ec->score);
        jw_puts(w, ", \"contribution\": ");
        exact(w, ec->contribution);
        jw_puts(w, ", \"scores\": ");
        jw_int(w, ec->nscores);
        if (ec->approx) jw_puts(w, ", \"approximate\": true");
        jw_puts(w, " }");
    }
    jw_puts(w, k ? "\n        ]" : "]");
}

/* The allocation of lot l: who is awarded, in call-off order, and who was
   passed over and why. "winner" is the first awarded, null when none. */
static void allocation(jwriter *w, const award_lot *l)
{
    const evaluation *ev = &l->ev;
    int i, first = 1;
    jw_puts(w, "    \"allocation\": { \"winner\": ");
    if (l->nawarded) jw_string(w, l->in->bids[ev->bids[l->awarded[0]].input].id);
    else jw_puts(w, "null");
    jw_puts(w, ", \"suppliers\": ");
    if (l->places) jw_printf(w, "%d", l->places); else jw_puts(w, "\"all\"");
    jw_puts(w, ", \"awarded\": [");
    for (i = 0; i < l->nawarded; i++) {
        const eval_bid *b = &ev->bids[l->awarded[i]];
        jw_puts(w, i ? ",\n        { \"bid\": " : "\n        { \"bid\": ");
        jw_string(w, l->in->bids[b->input].id);
        jw_puts(w, ", \"bidder\": ");
        jw_string(w, l->in->bids[b->input].bidder);
        jw_printf(w, ", \"order\": %d, \"rank\": %d }", i + 1, b->rank);
    }
    jw_puts(w, l->nawarded ? "\n      ],\n      \"passed_over\": [" : "],\n      \"passed_over\": [");
    for (i = 0; i < ev->nbids; i++) {
        if (!l->passed || !l->passed[i]) continue;
        jw_puts(w, first ? "\n        { \"bid\": " : ",\n        { \"bid\": ");
        first = 0;
        jw_string(w, l->in->bids[ev->bids[i].input].id);
        jw_puts(w, ", \"reason\": ");
        jw_string(w, l->passed[i]);
        jw_puts(w, " }");
    }
    jw_printf(w, "%s, \"undecided\": %s }", first ? "]" : "\n      ]", l->undecided ? "true" : "false");
}

/* Where an input value came from: "file:line". */
static void place(jwriter *w, const input_place *at)
{
    char buf[4200];
    const char *file = at->file ? at->file : "", *slash = strrchr(file, '/');
    char *p;
    /* the file's name, not where it lies: the output is the same wherever it is */
    snprintf(buf, sizeof buf, "%s:%ld", slash ? slash + 1 : file, at->line);
    for (p = buf; *p; p++) if (*p == '\x1f') *p = ':';   /* a workbook's sheet */
    jw_string(w, buf);
}

/* Every bid's answer to every requirement and where it came from: the
   proof of qualification, not only the failing bids' reasons. */
static void requirements(jwriter *w, const evaluation *ev, int public_variant)
{
    const model *m = ev->m;
    const anbud_inputs *in = ev->in;
    int i, k, first = 1;
    jw_puts(w, "    \"requirements\": [");
    for (i = 0; ev->answers && i < ev->nbids; i++)
        for (k = 0; k < m->nreqs; k++) {
            const eval_answer *ea = &ev->answers[i * m->nreqs + k];
            const input_bid *ib = &in->bids[ev->bids[i].input];
            jw_puts(w, first ? "\n      { \"bid\": " : ",\n      { \"bid\": ");
            first = 0;
            jw_string(w, ib->id);
            jw_puts(w, ", \"requirement\": ");
            jw_string(w, m->reqs[k].id);
            jw_printf(w, ", \"met\": %s", !ea->answered ? "null" : ea->met ? "true" : "false");
            if (ea->from_field) {
                const input_value *v = &ib->fields[m->reqs[k].field];
                jw_puts(w, ", \"answer\": ");
                /* a confidential field's answer stays out of the public variant */
                if (public_variant && m->fields[m->reqs[k].field].confidential) jw_puts(w, "null");
                else jw_string(w, v->text);
                jw_puts(w, ", \"reason\": null, \"source\": ");
                place(w, &v->at);
            } else if (ea->row >= 0) {
                const input_answer *an = &in->answers[ea->row];
                jw_puts(w, ", \"answer\": ");
                jw_string(w, an->met ? "yes" : "no");
                jw_puts(w, ", \"reason\": ");
                if (an->reason) jw_string(w, an->reason); else jw_puts(w, "null");
                jw_puts(w, ", \"source\": ");
                place(w, &an->at);
            } else jw_puts(w, ", \"answer\": null, \"reason\": null, \"source\": null");
            jw_puts(w, " }");
        }
    jw_puts(w, first ? "],\n" : "\n    ],\n");
}

/* The evaluators who stood aside (jäv) for a bid on a criterion: off that
   bid's panel, on the record with their reason. The public variant names
   no evaluator, not even in the reason: "Bedömare 2", numbered as the
   public workbook numbers them. */
static void recusals(jwriter *w, const evaluation *ev, int public_variant)
{
    const anbud_inputs *in = ev->in;
    int s, first = 1;
    jw_puts(w, "    \"recusals\": [");
    for (s = 0; s < in->nscores; s++) {
        const input_score *sc = &in->scores[s];
        if (!sc->recused) continue;
        jw_puts(w, first ? "\n      { \"evaluator\": " : ",\n      { \"evaluator\": ");
        first = 0;
        if (public_variant) {
            char *who = words_printf(ev->lang, W_EVAL_EVALUATOR_N, input_evaluator_number(in, s));
            jw_string(w, who);
            free(who);
        } else jw_string(w, sc->evaluator);
        jw_puts(w, ", \"bid\": ");
        jw_string(w, in->bids[sc->bid].id);
        jw_puts(w, ", \"criterion\": ");
        jw_string(w, ev->m->criteria[sc->criterion].id);
        jw_puts(w, ", \"justification\": ");
        if (public_variant) {   /* the reason names the evaluator it is about */
            char *why = input_text_without_evaluators(in, sc->justification, ev->lang);
            jw_string(w, why);
            free(why);
        } else jw_string(w, sc->justification);
        jw_puts(w, ", \"source\": ");
        place(w, &sc->at);
        jw_puts(w, " }");
    }
    jw_puts(w, first ? "],\n" : "\n    ],\n");
}

/* 1 if the model's tie-break chain ends in a draw. */
static int has_lottery(const model *m)
{
    int i;
    for (i = 0; i < m->ntiebreak; i++) if (m->tiebreak[i].rule == TIE_LOTTERY) return 1;
    return 0;
}

static void lot_body(jwriter *w, const award_lot *l, int public_variant)
{
    const evaluation *ev = &l->ev;
    const model *m = ev->m;
    const anbud_inputs *in = ev->in;
    int i, first;
    int places = ev->total_places;
    jw_puts(w, "    \"id\": ");
    jw_string(w, l->id);
    jw_puts(w, ", \"title\": ");
    jw_string(w, l->text);
    jw_puts(w, ",\n    \"better\": ");
    jw_string(w, ev->higher_is_better ? "higher" : "lower");
    jw_puts(w, ",\n    \"ranking\": [");
    for (i = 0; i < ev->nranked; i++) {
        const eval_bid *b = &ev->bids[ev->order[i]];
        const input_bid *ib = &in->bids[b->input];
        jw_puts(w, i ? ",\n      { \"bid\": " : "\n      { \"bid\": ");
        jw_string(w, ib->id);
        jw_puts(w, ", \"bidder\": ");
        jw_string(w, ib->bidder);
        jw_printf(w, ", \"rank\": %d,\n        \"total\": ", b->rank);
        num(w, b->total_exact, places, ev->total_mode);
        jw_puts(w, ", \"total_exact\": ");
        exact(w, b->total_exact);
        jw_puts(w, ", \"price\": ");
        exact(w, b->price);
        jw_puts(w, ", \"quality\": ");
        exact(w, b->quality);
        jw_printf(w, ", \"approximate\": %s,\n        ", b->approx ? "true" : "false");
        {
            mpq_t sum, d;
            int sums;
            mpq_inits(sum, d, NULL);
            criteria(w, ev, b, places, sum, &sums);
            mpq_sub(d, b->total, sum);
            if (sums && mpq_sgn(d) != 0) {   /* the parts as shown do not add up to the total */
                jw_puts(w, ", \"criteria_rounding\": ");
                exact(w, d);
            }
            mpq_clears(sum, d, NULL);
        }
        jw_puts(w, ",\n        \"decided_by\": ");
        if (b->decided_by >= 0) jw_string(w, m->tiebreak[b->decided_by].name);
        else jw_puts(w, "null");
        if (has_lottery(m)) {
            char key[65];
            rank_lottery_key(ev->seed, ib->id, key);
            jw_puts(w, ", \"lottery_key\": ");
            jw_string(w, key);
        }
        jw_puts(w, ",\n        ");
        details(w, ev, b);
        jw_puts(w, " }");
    }
    jw_puts(w, ev->nranked ? "\n    ],\n" : "],\n");
    jw_puts(w, "    \"excluded\": [");
    for (first = 1, i = 0; i < ev->nbids; i++) {
        const eval_bid *b = &ev->bids[i];
        if (!b->stage) continue;
        jw_puts(w, first ? "\n      { \"bid\": " : ",\n      { \"bid\": ");
        first = 0;
        jw_string(w, in->bids[b->input].id);
        jw_puts(w, ", \"bidder\": ");
        jw_string(w, in->bids[b->input].bidder);
        jw_puts(w, ", \"stage\": ");
        jw_string(w, evaluation_stage_name(b->stage));
        jw_puts(w, ", \"reason\": ");
        jw_string(w, b->reason);
        jw_puts(w, " }");
    }
    jw_puts(w, first ? "],\n" : "\n    ],\n");
    requirements(w, ev, public_variant);
    recusals(w, ev, public_variant);
    allocation(w, l);
    jw_puts(w, ",\n    \"tiebreak\": { \"rules\": [");
    for (i = 0; i < m->ntiebreak; i++) {
        if (i) jw_puts(w, ", ");
        jw_string(w, m->tiebreak[i].name);
    }
    jw_puts(w, "], \"seed\": ");
    jw_string(w, ev->seed);
    jw_puts(w, ", \"seed_source\": ");
    jw_string(w, ev->seed_given ? "given" : "derived from the model's SHA-256 and the figures read");
    jw_printf(w, ", \"lottery_used\": %s },\n", ev->lottery_used ? "true" : "false");
    if (ev->has_standstill) {
        jw_puts(w, "    \"standstill\": { \"award_decision\": ");
        jw_string(w, ev->award_date);
        jw_printf(w, ", \"notice\": \"%s\", \"days\": %d, \"ends\": ", ev->notice_electronic ? "electronic" : "other",
                ev->standstill_days);
        jw_string(w, ev->standstill_end);
        jw_puts(w, " },\n");
    }
    if (ev->probed) {
        jw_puts(w, "    \"probe\": { \"flips\": [");
        for (i = 0; i < ev->nflips; i++) {
            jw_puts(w, i ? ",\n      { \"left_out\": " : "\n      { \"left_out\": ");
            jw_string(w, in->bids[ev->bids[ev->flips[i].left_out].input].id);
            jw_puts(w, ", \"above\": ");
            jw_string(w, in->bids[ev->bids[ev->flips[i].a].input].id);
            jw_puts(w, ", \"below\": ");
            jw_string(w, in->bids[ev->bids[ev->flips[i].b].input].id);
            jw_puts(w, " }");
        }
        jw_puts(w, ev->nflips ? "\n    ] },\n" : "] },\n");
    }
    if (ev->sensitivity) {
        int k, first2 = 1;
        jw_puts(w, "    \"sensitivity\": { \"break_even\": [");
        for (i = 1; i < ev->nranked; i++) {
            int bi = ev->order[i];
            if (ev->be_status[bi] == -2) continue;
            jw_puts(w, first2 ? "\n      { \"bid\": " : ",\n      { \"bid\": ");
            first2 = 0;
            jw_string(w, in->bids[ev->bids[bi].input].id);
            jw_puts(w, ", \"price\": ");
            exact(w, ev->bids[bi].price);
            jw_puts(w, ", \"wins_at\": ");
            if (ev->be_status[bi] == 1) exact(w, ev->be_price[bi]);
            else jw_puts(w, "null");
            jw_puts(w, " }");
        }
        jw_puts(w, first2 ? "],\n      \"weights\": [" : "\n    ],\n      \"weights\": [");
        for (first2 = 1, k = 0; k < m->ncriteria; k++) {
            if (!m->criteria[k].has_weight || m->criteria[k].parent >= 0 || m->basis != BASIS_POINTS) continue;
            jw_puts(w, first2 ? "\n      { \"criterion\": " : ",\n      { \"criterion\": ");
            first2 = 0;
            jw_string(w, m->criteria[k].id);
            jw_puts(w, ", \"weight\": ");
            exact(w, m->criteria[k].weight);
            jw_puts(w, ", \"change\": ");
            if (ev->flip_found[k]) {
                exact(w, ev->flip_delta[k]);
                jw_puts(w, ", \"draws_level\": ");
                jw_string(w, in->bids[ev->bids[ev->flip_bid[k]].input].id);
            } else jw_puts(w, "null");
            jw_puts(w, " }");
        }
        jw_puts(w, first2 ? "] },\n" : "\n    ] },\n");
    }
    jw_puts(w, "    \"warnings\": [");
    for (i = 0; i < ev->nwarnings; i++) {
        jw_puts(w, i ? ",\n      " : "\n      ");
        jw_string(w, ev->warnings[i]);
    }
    jw_puts(w, ev->nwarnings ? "\n    ]\n" : "]\n");
}

static void write_award(jwriter *w, const award *a, const char *version,
                        const char *workbook_name, const char *workbook_sha256, int public_variant)
{
    const model *m = a->m;
    const anbud_inputs *in = a->in;
    int i;

    jw_puts(w, "{\n  \"anbud\": ");
    jw_string(w, version);
    jw_puts(w, ",\n  \"model\": { \"id\": ");
    jw_string(w, m->id);
    jw_puts(w, ", \"title\": ");
    jw_string(w, m->title);
    if (m->authority) {
        jw_puts(w, ", \"authority\": ");
        jw_string(w, m->authority);
    }
    if (m->reference) {
        jw_puts(w, ", \"reference\": ");
        jw_string(w, m->reference);
    }
    if (m->has_contract_value) {
        jw_puts(w, ", \"contract_value\": ");
        exact(w, m->contract_value);
    }
    jw_puts(w, ", \"sha256\": ");
    jw_string(w, m->sha256);
    jw_puts(w, ", \"basis\": ");
    jw_string(w, model_basis_name(m->basis));
    jw_puts(w, ", \"total\": ");
    jw_string(w, m->total_name);
    jw_puts(w, " },\n  \"inputs\": [");
    for (i = 0; i < in->nfiles; i++) {
        jw_puts(w, i ? ",\n    { \"path\": " : "\n    { \"path\": ");
        jw_string(w, in->files[i].name);
        jw_puts(w, ", \"sha256\": ");
        jw_string(w, in->files[i].sha256);
        jw_puts(w, ", \"kind\": ");
        jw_string(w, in->files[i].kind);
        jw_puts(w, " }");
    }
    jw_puts(w, in->nfiles ? "\n  ],\n" : "],\n");
    if (workbook_sha256) {
        jw_puts(w, "  \"workbook\": { \"file\": ");
        jw_string(w, workbook_name);
        jw_puts(w, ", \"sha256\": ");
        jw_string(w, workbook_sha256);
        jw_puts(w, " },\n");
    }
    jw_puts(w, "  \"lots\": [");
    for (i = 0; i < a->nlots; i++) {
        jw_puts(w, i ? ", {\n" : " {\n");
        lot_body(w, &a->lots[i], public_variant);
        jw_puts(w, "  }");
    }
    jw_puts(w, " ]");
    if (a->m->nlots) {
        jw_puts(w, ",\n  \"award\": { \"order\": [");
        for (i = 0; i < a->nlots; i++) {
            if (i) jw_puts(w, ", ");
            jw_string(w, a->lots[a->order[i]].id);
        }
        jw_puts(w, "], \"order_rule\": ");
        jw_string(w, a->m->order_name);
        jw_puts(w, ", \"cap\": ");
        if (a->m->cap) jw_printf(w, "%d", a->m->cap); else jw_puts(w, "null");
        jw_puts(w, ", \"warnings\": [");
        for (i = 0; i < a->nwarnings; i++) {
            jw_puts(w, i ? ",\n    " : "\n    ");
            jw_string(w, a->warnings[i]);
        }
        jw_puts(w, a->nwarnings ? "\n  ] }" : "] }");
    }
    jw_puts(w, "\n}\n");
}

int json_write_award(FILE *f, const award *a, const char *version,
                     const char *workbook_name, const char *workbook_sha256, int public_variant)
{
    jwriter *w = malloc(sizeof *w);
    int failed;
    if (!w) { fputs("anbud: out of memory\n", stderr); exit(2); }
    w->f = f;
    w->n = 0;
    w->failed = 0;
    mpq_init(w->r);
    w->exact = figcache_new(-1);
    w->fixed = NULL;
    w->fixed_places = -1;
    write_award(w, a, version, workbook_name, workbook_sha256, public_variant);
    jw_flush(w);
    failed = w->failed;
    mpq_clear(w->r);
    figcache_free(w->exact);
    figcache_free(w->fixed);
    free(w);
    return failed || ferror(f) ? -1 : 0;
}
