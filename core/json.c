/* SPDX-License-Identifier: MIT */
/*
** json.c: writing the evaluation as JSON. Presents figures computed in
** evaluate.c; decides nothing.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json.h"
#include "rank.h"
#include "words.h"

void json_write_string(FILE *f, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    fputc('"', f);
    for (; *p; p++) {
        switch (*p) {
        case '"': fputs("\\\"", f); break;
        case '\\': fputs("\\\\", f); break;
        case '\n': fputs("\\n", f); break;
        case '\r': fputs("\\r", f); break;
        case '\t': fputs("\\t", f); break;
        default:
            if (*p < 0x20) fprintf(f, "\\u%04x", *p);
            else fputc(*p, f);
        }
    }
    fputc('"', f);
}

/* x as a JSON string at `places` decimals (rounded in mode), or exact. */
static void num(FILE *f, const mpq_t x, int places, dec_mode mode)
{
    char *s;
    if (places >= 0) {
        mpq_t r;
        mpq_init(r);
        dec_round(r, x, places, mode);
        s = dec_format_fixed(r, places);
        mpq_clear(r);
    } else {
        s = dec_format_exact(x);
    }
    json_write_string(f, s ? s : "?");
    free(s);
}

static void exact(FILE *f, const mpq_t x)
{
    num(f, x, -1, DEC_HALF_UP);
}

/* x at places (or exact) in mode, added to sum: what the reader adds up. */
static void add_shown(mpq_t sum, const mpq_t x, int places, dec_mode mode)
{
    mpq_t r;
    mpq_init(r);
    if (places >= 0) dec_round(r, x, places, mode);
    else mpq_set(r, x);
    mpq_add(sum, sum, r);
    mpq_clear(r);
}

/* Each top-level criterion's contribution at the total's precision. When
   the total is a sum of them (weighted_sum; comparison_price: the price and
   the added values), *sums is set and sum holds the sum of the figures as
   shown, which can differ from the total: the total is rounded once, after
   the exact sum (research §3.7, Ottander 2012), each part on its own. */
static void criteria(FILE *f, const evaluation *ev, const eval_bid *b, int places, mpq_t sum, int *sums)
{
    const model *m = ev->m;
    int k, first = 1;
    int cp = strcmp(m->total_name, "comparison_price") == 0, ws = strcmp(m->total_name, "weighted_sum") == 0;
    *sums = cp || ws;
    mpq_set_ui(sum, 0, 1);
    fputs("\"criteria\": {", f);
    if (m->basis != BASIS_POINTS && m->price.criterion < 0) {
        int pl = m->basis == BASIS_COMPARISON_PRICE ? places : -1;
        fputs("\n          ", f);
        json_write_string(f, m->price.id);
        fputs(": ", f);
        num(f, b->price, pl, ev->total_mode);
        if (cp) add_shown(sum, b->price, pl, ev->total_mode);
        first = 0;
    }
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        int pl = c->nvalues ? -1 : places;
        if (c->parent >= 0) continue;
        fputs(first ? "\n          " : ",\n          ", f);
        first = 0;
        json_write_string(f, c->id);
        fputs(": ", f);
        num(f, b->crit[k].contribution, pl, ev->total_mode);
        if (cp ? c->kind == CRIT_ADDED_VALUE && !c->nvalues : c->kind != CRIT_ADDED_VALUE)
            add_shown(sum, b->crit[k].contribution, pl, ev->total_mode);
    }
    fputs(first ? "}" : "\n        }", f);
}

static void details(FILE *f, const evaluation *ev, const eval_bid *b)
{
    const model *m = ev->m;
    int k;
    fputs("\"details\": [", f);
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        const eval_crit *ec = &b->crit[k];
        fputs(k ? ",\n          { \"criterion\": " : "\n          { \"criterion\": ", f);
        json_write_string(f, c->id);
        if (c->parent >= 0) { fputs(", \"group\": ", f); json_write_string(f, m->criteria[c->parent].id); }
        fputs(", \"value\": ", f);
        exact(f, ec->value);
        if (ec->level >= 0 && c->scale >= 0) {
            fputs(", \"level\": ", f);
            json_write_string(f, m->scales[c->scale].labels[ec->level]);
        }
        fputs(", \"score_exact\": ", f);
        exact(f, ec->score_exact);
        fputs(", \"score\": ", f);
        exact(f, ec->score);
        fputs(", \"contribution\": ", f);
        exact(f, ec->contribution);
        fprintf(f, ", \"scores\": %d", ec->nscores);
        if (ec->approx) fputs(", \"approximate\": true", f);
        fputs(" }", f);
    }
    fputs(k ? "\n        ]" : "]", f);
}

/* The allocation of lot l: who is awarded, in call-off order, and who was
   passed over and why. "winner" is the first awarded, null when none. */
static void allocation(FILE *f, const award_lot *l)
{
    const evaluation *ev = &l->ev;
    int i, first = 1;
    fputs("    \"allocation\": { \"winner\": ", f);
    if (l->nawarded) json_write_string(f, l->in->bids[ev->bids[l->awarded[0]].input].id);
    else fputs("null", f);
    fputs(", \"suppliers\": ", f);
    if (l->places) fprintf(f, "%d", l->places); else fputs("\"all\"", f);
    fputs(", \"awarded\": [", f);
    for (i = 0; i < l->nawarded; i++) {
        const eval_bid *b = &ev->bids[l->awarded[i]];
        fputs(i ? ",\n        { \"bid\": " : "\n        { \"bid\": ", f);
        json_write_string(f, l->in->bids[b->input].id);
        fputs(", \"bidder\": ", f);
        json_write_string(f, l->in->bids[b->input].bidder);
        fprintf(f, ", \"order\": %d, \"rank\": %d }", i + 1, b->rank);
    }
    fputs(l->nawarded ? "\n      ],\n      \"passed_over\": [" : "],\n      \"passed_over\": [", f);
    for (i = 0; i < ev->nbids; i++) {
        if (!l->passed || !l->passed[i]) continue;
        fputs(first ? "\n        { \"bid\": " : ",\n        { \"bid\": ", f);
        first = 0;
        json_write_string(f, l->in->bids[ev->bids[i].input].id);
        fputs(", \"reason\": ", f);
        json_write_string(f, l->passed[i]);
        fputs(" }", f);
    }
    fprintf(f, "%s, \"undecided\": %s }", first ? "]" : "\n      ]", l->undecided ? "true" : "false");
}

/* Where an input value came from: "file:line". */
static void place(FILE *f, const input_place *at)
{
    char buf[4200];
    const char *file = at->file ? at->file : "", *slash = strrchr(file, '/');
    char *p;
    /* the file's name, not where it lies: the output is the same wherever it is */
    snprintf(buf, sizeof buf, "%s:%ld", slash ? slash + 1 : file, at->line);
    for (p = buf; *p; p++) if (*p == '\x1f') *p = ':';   /* a workbook's sheet */
    json_write_string(f, buf);
}

/* Every bid's answer to every requirement and where it came from: the
   proof of qualification, not only the failing bids' reasons. */
static void requirements(FILE *f, const evaluation *ev, int public_variant)
{
    const model *m = ev->m;
    const anbud_inputs *in = ev->in;
    int i, k, first = 1;
    fputs("    \"requirements\": [", f);
    for (i = 0; ev->answers && i < ev->nbids; i++)
        for (k = 0; k < m->nreqs; k++) {
            const eval_answer *ea = &ev->answers[i * m->nreqs + k];
            const input_bid *ib = &in->bids[ev->bids[i].input];
            fputs(first ? "\n      { \"bid\": " : ",\n      { \"bid\": ", f);
            first = 0;
            json_write_string(f, ib->id);
            fputs(", \"requirement\": ", f);
            json_write_string(f, m->reqs[k].id);
            fprintf(f, ", \"met\": %s", !ea->answered ? "null" : ea->met ? "true" : "false");
            if (ea->from_field) {
                const input_value *v = &ib->fields[m->reqs[k].field];
                fputs(", \"answer\": ", f);
                /* a confidential field's answer stays out of the public variant */
                if (public_variant && m->fields[m->reqs[k].field].confidential) fputs("null", f);
                else json_write_string(f, v->text);
                fputs(", \"reason\": null, \"source\": ", f);
                place(f, &v->at);
            } else if (ea->row >= 0) {
                const input_answer *an = &in->answers[ea->row];
                fputs(", \"answer\": ", f);
                json_write_string(f, an->met ? "yes" : "no");
                fputs(", \"reason\": ", f);
                if (an->reason) json_write_string(f, an->reason); else fputs("null", f);
                fputs(", \"source\": ", f);
                place(f, &an->at);
            } else fputs(", \"answer\": null, \"reason\": null, \"source\": null", f);
            fputs(" }", f);
        }
    fputs(first ? "],\n" : "\n    ],\n", f);
}

/* The evaluators who stood aside (jäv) for a bid on a criterion: off that
   bid's panel, on the record with their reason. The public variant names
   no evaluator, not even in the reason: "Bedömare 2", numbered as the
   public workbook numbers them. */
static void recusals(FILE *f, const evaluation *ev, int public_variant)
{
    const anbud_inputs *in = ev->in;
    int s, first = 1;
    fputs("    \"recusals\": [", f);
    for (s = 0; s < in->nscores; s++) {
        const input_score *sc = &in->scores[s];
        if (!sc->recused) continue;
        fputs(first ? "\n      { \"evaluator\": " : ",\n      { \"evaluator\": ", f);
        first = 0;
        if (public_variant) {
            char *who = words_printf(ev->lang, W_EVAL_EVALUATOR_N, input_evaluator_number(in, s));
            json_write_string(f, who);
            free(who);
        } else json_write_string(f, sc->evaluator);
        fputs(", \"bid\": ", f);
        json_write_string(f, in->bids[sc->bid].id);
        fputs(", \"criterion\": ", f);
        json_write_string(f, ev->m->criteria[sc->criterion].id);
        fputs(", \"justification\": ", f);
        if (public_variant) {   /* the reason names the evaluator it is about */
            char *why = input_text_without_evaluators(in, sc->justification, ev->lang);
            json_write_string(f, why);
            free(why);
        } else json_write_string(f, sc->justification);
        fputs(", \"source\": ", f);
        place(f, &sc->at);
        fputs(" }", f);
    }
    fputs(first ? "],\n" : "\n    ],\n", f);
}

/* 1 if the model's tie-break chain ends in a draw. */
static int has_lottery(const model *m)
{
    int i;
    for (i = 0; i < m->ntiebreak; i++) if (m->tiebreak[i].rule == TIE_LOTTERY) return 1;
    return 0;
}

static void lot_body(FILE *f, const award_lot *l, int public_variant)
{
    const evaluation *ev = &l->ev;
    const model *m = ev->m;
    const anbud_inputs *in = ev->in;
    int i, first;
    int places = ev->total_places;
    fputs("    \"id\": ", f);
    json_write_string(f, l->id);
    fputs(", \"title\": ", f);
    json_write_string(f, l->text);
    fputs(",\n    \"better\": ", f);
    json_write_string(f, ev->higher_is_better ? "higher" : "lower");
    fputs(",\n    \"ranking\": [", f);
    for (i = 0; i < ev->nranked; i++) {
        const eval_bid *b = &ev->bids[ev->order[i]];
        const input_bid *ib = &in->bids[b->input];
        fputs(i ? ",\n      { \"bid\": " : "\n      { \"bid\": ", f);
        json_write_string(f, ib->id);
        fputs(", \"bidder\": ", f);
        json_write_string(f, ib->bidder);
        fprintf(f, ", \"rank\": %d,\n        \"total\": ", b->rank);
        num(f, b->total_exact, places, ev->total_mode);
        fputs(", \"total_exact\": ", f);
        exact(f, b->total_exact);
        fputs(", \"price\": ", f);
        exact(f, b->price);
        fputs(", \"quality\": ", f);
        exact(f, b->quality);
        fprintf(f, ", \"approximate\": %s,\n        ", b->approx ? "true" : "false");
        {
            mpq_t sum, d;
            int sums;
            mpq_inits(sum, d, NULL);
            criteria(f, ev, b, places, sum, &sums);
            mpq_sub(d, b->total, sum);
            if (sums && mpq_sgn(d) != 0) {   /* the parts as shown do not add up to the total */
                fputs(", \"criteria_rounding\": ", f);
                exact(f, d);
            }
            mpq_clears(sum, d, NULL);
        }
        fputs(",\n        \"decided_by\": ", f);
        if (b->decided_by >= 0) json_write_string(f, m->tiebreak[b->decided_by].name);
        else fputs("null", f);
        if (has_lottery(m)) {
            char key[65];
            rank_lottery_key(ev->seed, ib->id, key);
            fputs(", \"lottery_key\": ", f);
            json_write_string(f, key);
        }
        fputs(",\n        ", f);
        details(f, ev, b);
        fputs(" }", f);
    }
    fputs(ev->nranked ? "\n    ],\n" : "],\n", f);
    fputs("    \"excluded\": [", f);
    for (first = 1, i = 0; i < ev->nbids; i++) {
        const eval_bid *b = &ev->bids[i];
        if (!b->stage) continue;
        fputs(first ? "\n      { \"bid\": " : ",\n      { \"bid\": ", f);
        first = 0;
        json_write_string(f, in->bids[b->input].id);
        fputs(", \"bidder\": ", f);
        json_write_string(f, in->bids[b->input].bidder);
        fputs(", \"stage\": ", f);
        json_write_string(f, evaluation_stage_name(b->stage));
        fputs(", \"reason\": ", f);
        json_write_string(f, b->reason);
        fputs(" }", f);
    }
    fputs(first ? "],\n" : "\n    ],\n", f);
    requirements(f, ev, public_variant);
    recusals(f, ev, public_variant);
    allocation(f, l);
    fputs(",\n    \"tiebreak\": { \"rules\": [", f);
    for (i = 0; i < m->ntiebreak; i++) {
        if (i) fputs(", ", f);
        json_write_string(f, m->tiebreak[i].name);
    }
    fputs("], \"seed\": ", f);
    json_write_string(f, ev->seed);
    fputs(", \"seed_source\": ", f);
    json_write_string(f, ev->seed_given ? "given" : "derived from the model's SHA-256 and the figures read");
    fprintf(f, ", \"lottery_used\": %s },\n", ev->lottery_used ? "true" : "false");
    if (ev->has_standstill) {
        fputs("    \"standstill\": { \"award_decision\": ", f);
        json_write_string(f, ev->award_date);
        fprintf(f, ", \"notice\": \"%s\", \"days\": %d, \"ends\": ", ev->notice_electronic ? "electronic" : "other",
                ev->standstill_days);
        json_write_string(f, ev->standstill_end);
        fputs(" },\n", f);
    }
    if (ev->probed) {
        fputs("    \"probe\": { \"flips\": [", f);
        for (i = 0; i < ev->nflips; i++) {
            fputs(i ? ",\n      { \"left_out\": " : "\n      { \"left_out\": ", f);
            json_write_string(f, in->bids[ev->bids[ev->flips[i].left_out].input].id);
            fputs(", \"above\": ", f);
            json_write_string(f, in->bids[ev->bids[ev->flips[i].a].input].id);
            fputs(", \"below\": ", f);
            json_write_string(f, in->bids[ev->bids[ev->flips[i].b].input].id);
            fputs(" }", f);
        }
        fputs(ev->nflips ? "\n    ] },\n" : "] },\n", f);
    }
    if (ev->sensitivity) {
        int k, first2 = 1;
        fputs("    \"sensitivity\": { \"break_even\": [", f);
        for (i = 1; i < ev->nranked; i++) {
            int bi = ev->order[i];
            if (ev->be_status[bi] == -2) continue;
            fputs(first2 ? "\n      { \"bid\": " : ",\n      { \"bid\": ", f);
            first2 = 0;
            json_write_string(f, in->bids[ev->bids[bi].input].id);
            fputs(", \"price\": ", f);
            exact(f, ev->bids[bi].price);
            fputs(", \"wins_at\": ", f);
            if (ev->be_status[bi] == 1) exact(f, ev->be_price[bi]);
            else fputs("null", f);
            fputs(" }", f);
        }
        fputs(first2 ? "],\n      \"weights\": [" : "\n    ],\n      \"weights\": [", f);
        for (first2 = 1, k = 0; k < m->ncriteria; k++) {
            if (!m->criteria[k].has_weight || m->criteria[k].parent >= 0 || m->basis != BASIS_POINTS) continue;
            fputs(first2 ? "\n      { \"criterion\": " : ",\n      { \"criterion\": ", f);
            first2 = 0;
            json_write_string(f, m->criteria[k].id);
            fputs(", \"weight\": ", f);
            exact(f, m->criteria[k].weight);
            fputs(", \"change\": ", f);
            if (ev->flip_found[k]) {
                exact(f, ev->flip_delta[k]);
                fputs(", \"draws_level\": ", f);
                json_write_string(f, in->bids[ev->bids[ev->flip_bid[k]].input].id);
            } else fputs("null", f);
            fputs(" }", f);
        }
        fputs(first2 ? "] },\n" : "\n    ] },\n", f);
    }
    fputs("    \"warnings\": [", f);
    for (i = 0; i < ev->nwarnings; i++) {
        fputs(i ? ",\n      " : "\n      ", f);
        json_write_string(f, ev->warnings[i]);
    }
    fputs(ev->nwarnings ? "\n    ]\n" : "]\n", f);
}

int json_write_award(FILE *f, const award *a, const char *version,
                     const char *workbook_name, const char *workbook_sha256, int public_variant)
{
    const model *m = a->m;
    const anbud_inputs *in = a->in;
    int i;

    fputs("{\n  \"anbud\": ", f);
    json_write_string(f, version);
    fputs(",\n  \"model\": { \"id\": ", f);
    json_write_string(f, m->id);
    fputs(", \"title\": ", f);
    json_write_string(f, m->title);
    if (m->authority) {
        fputs(", \"authority\": ", f);
        json_write_string(f, m->authority);
    }
    if (m->reference) {
        fputs(", \"reference\": ", f);
        json_write_string(f, m->reference);
    }
    if (m->has_contract_value) {
        fputs(", \"contract_value\": ", f);
        exact(f, m->contract_value);
    }
    fputs(", \"sha256\": ", f);
    json_write_string(f, m->sha256);
    fputs(", \"basis\": ", f);
    json_write_string(f, model_basis_name(m->basis));
    fputs(", \"total\": ", f);
    json_write_string(f, m->total_name);
    fputs(" },\n  \"inputs\": [", f);
    for (i = 0; i < in->nfiles; i++) {
        fputs(i ? ",\n    { \"path\": " : "\n    { \"path\": ", f);
        json_write_string(f, in->files[i].name);
        fputs(", \"sha256\": ", f);
        json_write_string(f, in->files[i].sha256);
        fputs(", \"kind\": ", f);
        json_write_string(f, in->files[i].kind);
        fputs(" }", f);
    }
    fputs(in->nfiles ? "\n  ],\n" : "],\n", f);
    if (workbook_sha256) {
        fputs("  \"workbook\": { \"file\": ", f);
        json_write_string(f, workbook_name);
        fputs(", \"sha256\": ", f);
        json_write_string(f, workbook_sha256);
        fputs(" },\n", f);
    }
    fputs("  \"lots\": [", f);
    for (i = 0; i < a->nlots; i++) {
        fputs(i ? ", {\n" : " {\n", f);
        lot_body(f, &a->lots[i], public_variant);
        fputs("  }", f);
    }
    fputs(" ]", f);
    if (a->m->nlots) {
        fputs(",\n  \"award\": { \"order\": [", f);
        for (i = 0; i < a->nlots; i++) {
            if (i) fputs(", ", f);
            json_write_string(f, a->lots[a->order[i]].id);
        }
        fputs("], \"order_rule\": ", f);
        json_write_string(f, a->m->order_name);
        fputs(", \"cap\": ", f);
        if (a->m->cap) fprintf(f, "%d", a->m->cap); else fputs("null", f);
        fputs(", \"warnings\": [", f);
        for (i = 0; i < a->nwarnings; i++) {
            fputs(i ? ",\n    " : "\n    ", f);
            json_write_string(f, a->warnings[i]);
        }
        fputs(a->nwarnings ? "\n  ] }" : "] }", f);
    }
    fputs("\n}\n", f);
    return ferror(f) ? -1 : 0;
}
