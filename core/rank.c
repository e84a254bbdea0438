/* SPDX-License-Identifier: MIT */
/*
** rank.c: the ranking. Bids are ordered on their totals at the declared
** precision; bids still equal go through the model's tie-break chain, rule
** by rule. A lottery orders bids by SHA-256 of "seed:bid id", so anyone
** with the seed can redo the draw. A tie that no rule separates is left
** shared and reported.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rank.h"
#include "sha256.h"
#include "words.h"
#include "xalloc.h"

void rank_lottery_key(const char *seed, const char *bid, char hex[65])
{
    size_t n = strlen(seed) + strlen(bid) + 2;
    char *buf = malloc(n);
    if (!buf) { fputs("anbud: out of memory\n", stderr); exit(2); }
    snprintf(buf, n, "%s:%s", seed, bid);
    sha256_hex(buf, strlen(buf), hex);
    free(buf);
}

/* qsort has no context argument: the comparison reads these. */
static evaluation *cur;
static int cur_rule;        /* -1: totals; else the tie-break rule index */
static anbud_error *cur_err;
static anbud_status cur_status;

/* The value of a tie-break field for bid i. */
static const input_value *field_value(int i, int field)
{
    return &cur->in->bids[cur->bids[i].input].fields[field];
}

static const char *bid_name(int i)
{
    return cur->in->bids[cur->bids[i].input].id;
}

/* < 0 if bid a is better than b under the current rule. */
static int compare(const void *pa, const void *pb)
{
    const eval_bid *a = &cur->bids[*(const int *)pa], *b = &cur->bids[*(const int *)pb];
    int sign = cur->higher_is_better ? -1 : 1, c = 0;
    if (cur_rule < 0) {
        c = sign * mpq_cmp(a->total, b->total);
    } else {
        const model_tiebreak_rule *t = &cur->m->tiebreak[cur_rule];
        switch (t->rule) {
        case TIE_EXACT:
            c = sign * mpq_cmp(a->total_exact, b->total_exact);
            break;
        case TIE_QUALITY:
            c = -mpq_cmp(a->quality, b->quality);
            break;
        case TIE_PRICE:
            c = mpq_cmp(a->price, b->price);
            break;
        case TIE_CRITERION:
            c = -mpq_cmp(a->crit[t->criterion].score, b->crit[t->criterion].score);
            break;
        case TIE_FIELD: {
            /* exact: numbers and instants as rationals */
            c = mpq_cmp(field_value(*(const int *)pa, t->field)->num, field_value(*(const int *)pb, t->field)->num);
            if (t->descending) c = -c;
            break;
        }
        case TIE_LOTTERY: {
            char ka[65], kb[65];
            rank_lottery_key(cur->seed, bid_name(*(const int *)pa), ka);
            rank_lottery_key(cur->seed, bid_name(*(const int *)pb), kb);
            c = strcmp(ka, kb);
            break;
        }
        }
    }
    if (c) return c;
    /* equal under this rule: keep input order, for a deterministic sort */
    return (*(const int *)pa > *(const int *)pb) - (*(const int *)pa < *(const int *)pb);
}

/* 1 if bids a and b are equal under rule (-1: the totals). A lottery
   never leaves two bids equal. */
static int same(int a, int b, int rule)
{
    const eval_bid *x = &cur->bids[a], *y = &cur->bids[b];
    if (rule < 0) return mpq_equal(x->total, y->total);
    switch (cur->m->tiebreak[rule].rule) {
    case TIE_EXACT: return mpq_equal(x->total_exact, y->total_exact);
    case TIE_QUALITY: return mpq_equal(x->quality, y->quality);
    case TIE_PRICE: return mpq_equal(x->price, y->price);
    case TIE_CRITERION: {
        int k = cur->m->tiebreak[rule].criterion;
        return mpq_equal(x->crit[k].score, y->crit[k].score);
    }
    case TIE_FIELD: {
        int f = cur->m->tiebreak[rule].field;
        return mpq_equal(field_value(a, f)->num, field_value(b, f)->num);
    }
    case TIE_LOTTERY: return 0;
    }
    return 0;
}

/* Order v[0..n) (bids equal so far) by rule and the rules after it. */
static void resolve(int *v, int n, int rule)
{
    int i, start;
    if (n < 2) return;
    if (rule >= cur->m->ntiebreak) {
        char list[600] = "";
        const char *and = words_text(cur->lang, W_EVAL_AND);
        char *tot;
        for (i = 0; i < n; i++) {
            if (strlen(list) + strlen(bid_name(v[i])) + strlen(and) + 2 >= sizeof list) break;
            strcat(list, i == 0 ? "" : i == n - 1 ? and : ", ");
            strcat(list, bid_name(v[i]));
        }
        tot = dec_format_exact(cur->bids[v[0]].total);
        /* the total as a reader of the language writes it */
        words_decimal(cur->lang, tot);
        evaluation_warn(cur, cur->m->ntiebreak ? W_EVAL_TIE_UNSEPARATED : W_EVAL_TIE_NO_RULES, list, tot ? tot : "?");
        free(tot);
        cur->unresolved_ties++;
        for (i = 1; i < n; i++) cur->bids[v[i]].rank = -1;   /* shares the rank above */
        return;
    }
    if (cur->m->tiebreak[rule].rule == TIE_FIELD) {
        /* a missing value cannot be put first or last without a guess */
        int f = cur->m->tiebreak[rule].field;
        for (i = 0; i < n; i++) {
            const input_bid *ib = &cur->in->bids[cur->bids[v[i]].input];
            if (ib->fields[f].present || cur_status) continue;
            cur_status = error_set(cur_err, ANBUD_EINPUT, ib->at.file, ib->at.line, 0,
                                   "bid %s has no value in column \"%s\", which the tie-break rule \"%s\" "
                                   "needs: it is tied with bid %s", ib->id, cur->m->fields[f].id,
                                   cur->m->tiebreak[rule].name, cur->in->bids[cur->bids[v[i ? 0 : 1]].input].id);
        }
        if (cur_status) return;
    }
    cur_rule = rule;
    qsort(v, (size_t)n, sizeof *v, compare);
    if (cur->m->tiebreak[rule].rule == TIE_LOTTERY) cur->lottery_used = 1;
    for (start = 0, i = 1; i <= n; i++) {
        if (i < n && same(v[start], v[i], rule)) continue;
        if (start > 0) cur->bids[v[start]].decided_by = rule;
        resolve(v + start, i - start, rule + 1);
        cur_rule = rule;
        start = i;
    }
}

anbud_status rank_bids(evaluation *ev, anbud_error *err)
{
    int i, n = 0, start;
    anbud_status st;
    cur = ev;
    cur_err = err;
    cur_status = ANBUD_OK;
    free(ev->order);
    ev->order = calloc((size_t)(ev->nbids ? ev->nbids : 1), sizeof *ev->order);
    if (!ev->order) { fputs("anbud: out of memory\n", stderr); exit(2); }
    for (i = 0; i < ev->nbids; i++) {
        ev->bids[i].rank = 0;
        ev->bids[i].decided_by = -1;
        if (ev->bids[i].stage == STAGE_NONE) ev->order[n++] = i;
    }
    ev->nranked = n;
    cur_rule = -1;
    qsort(ev->order, (size_t)n, sizeof *ev->order, compare);
    for (start = 0, i = 1; i <= n; i++) {
        if (i < n && same(ev->order[start], ev->order[i], -1)) continue;
        resolve(ev->order + start, i - start, 0);
        cur_rule = -1;
        start = i;
    }
    for (i = 0; i < n; i++) {
        eval_bid *b = &ev->bids[ev->order[i]];
        b->rank = (b->rank == -1 && i > 0) ? ev->bids[ev->order[i - 1]].rank : i + 1;
    }
    cur = NULL;
    st = cur_status;
    cur_err = NULL;
    cur_status = ANBUD_OK;
    return st;
}

char *rank_rule_words(const model *m, int rule, const char *lang)
{
    const model_tiebreak_rule *t;
    if (rule < 0 || rule >= m->ntiebreak) return xalloc_strdup("");
    t = &m->tiebreak[rule];
    switch (t->rule) {
    case TIE_EXACT: return words_printf(lang, W_EVAL_RULE_EXACT);
    case TIE_QUALITY: return words_printf(lang, W_EVAL_RULE_QUALITY);
    case TIE_PRICE: return words_printf(lang, W_EVAL_RULE_PRICE);
    case TIE_LOTTERY: return words_printf(lang, W_EVAL_RULE_LOTTERY);
    case TIE_CRITERION:
        return words_printf(lang, W_EVAL_RULE_CRITERION, t->criterion >= 0 ? m->criteria[t->criterion].id : t->name);
    case TIE_FIELD: {
        const char *label = t->field >= 0 ? m->fields[t->field].id : t->field_name;
        word_id w = strcmp(t->order, "earliest") == 0 ? W_EVAL_RULE_FIELD_EARLIEST
                  : strcmp(t->order, "latest") == 0 ? W_EVAL_RULE_FIELD_LATEST
                  : t->descending ? W_EVAL_RULE_FIELD_DESCENDING : W_EVAL_RULE_FIELD_ASCENDING;
        return words_printf(lang, w, label ? label : "");
    }
    }
    return xalloc_strdup(t->name ? t->name : "");
}
