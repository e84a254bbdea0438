/* SPDX-License-Identifier: MIT */
/*
** evaluate.c: the evaluation itself. Every figure is computed here, once,
** exactly (GMP rationals); the formulas of the library and of the model run
** in the model's sandbox on exact numbers. An excluded bid never takes part
** in a relative figure (lowest price, best quality).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <lauxlib.h>
#include "evaluate.h"
#include "evaluate_stages.h"
#include "rank.h"
#include "sandbox.h"
#include "lnum.h"
#include "seed.h"
#include "xalloc.h"
#include "text.h"

void evaluation_warn(evaluation *ev, word_id id, ...)
{
    va_list ap;
    char **w = realloc(ev->warnings, (size_t)(ev->nwarnings + 1) * sizeof *w);
    if (!w) { fputs("anbud: out of memory\n", stderr); exit(2); }
    ev->warnings = w;
    va_start(ap, id);
    w[ev->nwarnings++] = words_vprintf(ev->lang, id, ap);
    va_end(ap);
}

/* Exclude bid b at stage st, for the reason of id w (words.h) with its
   arguments; the first reason stands. */
static void exclude(const evaluation *ev, eval_bid *b, eval_stage st, word_id w, ...)
{
    va_list ap;
    if (b->stage != STAGE_NONE) return;
    b->stage = st;
    va_start(ap, w);
    b->reason = words_vprintf(ev->lang, w, ap);
    va_end(ap);
}

const char *evaluation_stage_name(eval_stage s)
{
    static const char *const names[] = { "none", "requirement", "threshold", "abnormally_low", "left_out" };
    return (unsigned)s < 5 ? names[s] : "?";
}

const char *evaluation_stage_words(const char *lang, eval_stage s)
{
    static const word_id ids[] = { W_NONE, W_EVAL_STAGE_REQUIREMENT, W_EVAL_STAGE_THRESHOLD,
                                   W_EVAL_STAGE_ABNORMALLY_LOW, W_EVAL_STAGE_LEFT_OUT };
    return (unsigned)s < 5 ? words_text(lang, ids[s]) : "?";
}

const char *evaluation_exclusion_words(const evaluation *ev, int i)
{
    const eval_bid *b = &ev->bids[i];
    if (b->stage == STAGE_REQUIREMENT && b->requirement >= 0 && ev->m->reqs[b->requirement].supplier)
        return words_text(ev->lang, W_EVAL_STAGE_QUALIFICATION);
    return evaluation_stage_words(ev->lang, b->stage);
}

/* x as a reader of the model's language writes it (decimal comma in
   Swedish): exact when it terminates, else at the fewest decimals (2 to
   12) that keep it on the same side of limit (NULL: 2 decimals), rounded
   towards it, and marked "≈". malloc'd. */
static char *reader_num(const evaluation *ev, const mpq_t x, mpq_srcptr limit)
{
    char *s, *p;
    if (dec_is_terminating(x)) s = dec_format_exact(x);
    else {
        mpq_t r;
        int places = 2;
        mpq_init(r);
        for (;;) {
            dec_round(r, x, places, DEC_TRUNCATE);
            if (!limit || places >= 12 || (mpq_cmp(x, limit) < 0) == (mpq_cmp(r, limit) < 0)) break;
            places++;
        }
        p = dec_format_fixed(r, places);
        mpq_clear(r);
        s = p ? xalloc_printf("\xE2\x89\x88%s", p) : NULL;
        free(p);
    }
    words_decimal(ev->lang, s);
    return s ? s : xalloc_strdup("?");
}

/* {=========== calling formulas in the sandbox ============ */

typedef struct call_site {
    const model *m;
    const char *what;       /* "price formula lowest_ratio" */
    long line;              /* model line of the declaration */
    const char *bid;        /* or NULL */
} call_site;

/* Rewrite a formula's error so it names the model line and the bid: an
   error inside the library points at the declaration that used it. */
static anbud_status formula_error(const call_site *cs, anbud_error *err)
{
    char inner[sizeof err->msg], where[300] = "";
    snprintf(inner, sizeof inner, "%s", err->msg);
    if (err->file[0] && strcmp(err->file, cs->m->name) != 0) {
        snprintf(where, sizeof where, " (in %s:%ld)", err->file, err->line);
        err->line = cs->line;
    } else if (err->line <= 0) {
        err->line = cs->line;
    }
    snprintf(err->file, sizeof err->file, "%s", cs->m->name);
    err->col = 0;
    err->status = ANBUD_EMODEL;
    if (cs->bid)
        snprintf(err->msg, sizeof err->msg, "%s for bid %s: %s%s", cs->what, cs->bid, inner, where);
    else
        snprintf(err->msg, sizeof err->msg, "%s: %s%s", cs->what, inner, where);
    return ANBUD_EMODEL;
}

/* Push method[ref].fn; returns 0 if it has none. */
static int push_fn(lua_State *L, int ref)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_getfield(L, -1, "fn");
    lua_remove(L, -2);
    return lua_isfunction(L, -1);
}

/* Call the function with nargs arguments below it and take one exact
   number as the result. */
static anbud_status call_number(const call_site *cs, int nargs, mpq_t out, int *approx,
                                anbud_error *err)
{
    lua_State *L = cs->m->sb->L;
    const char *why = NULL;
    int ap = 0;
    if (sandbox_call(cs->m->sb, nargs, 1, err)) return formula_error(cs, err);
    if (!lnum_get(L, -1, out, &ap, &why)) {
        if (lua_type(L, -1) == LUA_TNUMBER)
            error_set(err, ANBUD_EMODEL, cs->m->name, 0, 0, "the result is not a finite number (NaN or infinity)");
        else
            error_set(err, ANBUD_EMODEL, cs->m->name, 0, 0, "the result is %s, not a number",
                      lua_isnil(L, -1) ? "nil" : luaL_typename(L, -1));
        lua_pop(L, 1);
        return formula_error(cs, err);
    }
    lua_pop(L, 1);
    if (dec_bits(out) > DEC_MAX_BITS) {
        error_set(err, ANBUD_EMODEL, cs->m->name, 0, 0, "the result is too large for exact arithmetic");
        return formula_error(cs, err);
    }
    if (ap) *approx = 1;
    return ANBUD_OK;
}

static void set_num(lua_State *L, const char *key, const mpq_t q)
{
    lnum_push(L, q, 0);
    lua_setfield(L, -2, key);
}

/* 1 if every figure of xs (n of them) can be pushed into Lua (lnum_push
   refuses one past DEC_MAX_BITS with an error): where a stage skips a trip
   into Lua, a figure that does not fit takes the trip, so that the same
   error is raised. */
static int all_fit(mpq_srcptr const *xs, int n)
{
    int i;
    for (i = 0; i < n; i++) if (dec_bits(xs[i]) > DEC_MAX_BITS) return 0;
    return 1;
}

int evaluation_library_method(const model *m, int ref, const char *have, const char *name)
{
    lua_State *L = m->sb->L;
    anbud_error err;
    int yes;
    if (!have || (name && strcmp(have, name) != 0)) return 0;
    lua_getfield(L, LUA_REGISTRYINDEX, "anbud.library");
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    if (sandbox_call(m->sb, 1, 1, &err)) return 0;
    yes = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), "library") == 0;
    lua_pop(L, 1);
    return yes;
}

/* }====================================== */

static void round_opt(mpq_t out, const mpq_t x, int places, dec_mode mode)
{
    if (places >= 0) dec_round(out, x, places, mode);
    else mpq_set(out, x);
}

static const char *bid_id(const evaluation *ev, int i)
{
    return ev->in->bids[ev->bids[i].input].id;
}

/* {=========== 1. requirements ============ */

static int is_yes(const char *answer)
{
    static const char *const yes[] = { "ja", "yes", "1", "uppfyllt", "true" };
    size_t i;
    for (i = 0; i < sizeof yes / sizeof *yes; i++)
        if (strcasecmp(answer, yes[i]) == 0) return 1;
    return 0;
}

/* Each bid's answer to each requirement, into ev->answers. A requirement
   that no input answers for any bid is an input error: the answers were
   not given, which is not the same as every bid failing it. A bid without
   an answer where others have one is excluded, with that reason. */
static anbud_status apply_requirements(evaluation *ev, anbud_error *err)
{
    const model *m = ev->m;
    int i, k, a, *answer;
    if (m->nreqs == 0) return ANBUD_OK;
    /* each bid's answer to each requirement (input.c allows one) */
    answer = xalloc_zeroed((size_t)ev->in->nbids * (size_t)m->nreqs, sizeof *answer);
    ev->answers = xalloc_zeroed((size_t)ev->nbids * (size_t)m->nreqs, sizeof *ev->answers);
    for (i = 0; i < ev->in->nbids * m->nreqs; i++) answer[i] = -1;
    for (a = 0; a < ev->in->nanswers; a++) {
        const input_answer *an = &ev->in->answers[a];
        answer[an->bid * m->nreqs + an->requirement] = a;
    }
    for (k = 0; k < m->nreqs; k++) {
        const model_requirement *q = &m->reqs[k];
        int any = 0;
        /* every bid of the input counts, whatever its stage, so that a re-run
           leaving a bid out decides the same */
        for (i = 0; i < ev->in->nbids && !any; i++)
            any = answer[i * m->nreqs + k] >= 0 || (q->field >= 0 && ev->in->bids[i].fields[q->field].present);
        if (!any && ev->in->nbids > 0) {
            const char *file = NULL;
            int f;
            free(answer);
            for (f = 0; f < ev->in->nfiles && !file; f++)
                if (strcmp(ev->in->files[f].kind, "requirements") == 0) file = ev->in->files[f].path;
            if (!file) file = ev->in->bids[0].at.file;
            if (q->field >= 0)
                return error_set(err, ANBUD_EINPUT, file, 0, 0,
                                 "requirement \"%s\" is answered for no bid; give each bid's answer in the bids "
                                 "column \"%s\" or in a requirements file (bid;requirement;met;reason)",
                                 q->id, m->fields[q->field].id);
            return error_set(err, ANBUD_EINPUT, file, 0, 0,
                             "requirement \"%s\" is answered for no bid; give each bid's answer in a requirements "
                             "file (bid;requirement;met;reason, or anbud;krav;uppfyllt;motivering)", q->id);
        }
        for (i = 0; i < ev->nbids; i++) {
            const input_bid *ib = &ev->in->bids[ev->bids[i].input];
            const input_value *v = q->field >= 0 ? &ib->fields[q->field] : NULL;
            eval_answer *ea = &ev->answers[i * m->nreqs + k];
            int answered = 0, met = 1;
            const char *reason = NULL;
            ea->row = -1;
            if (v && v->present) {
                answered = 1;
                met = is_yes(m->fields[q->field].answers[v->answer]);
                ea->from_field = 1;
            }
            a = answer[ev->bids[i].input * m->nreqs + k];
            if (a >= 0) {
                answered = 1;
                ea->row = a;
                /* the row decides, unless only the column says no */
                if (met || !ev->in->answers[a].met) ea->from_field = 0;
                if (!ev->in->answers[a].met) { met = 0; reason = ev->in->answers[a].reason; }
            }
            ea->answered = answered;
            ea->met = met;
            /* the supplier's qualification is kept apart from the bid's requirements */
            if ((!answered || !met) && !ev->bids[i].stage) ev->bids[i].requirement = k;
            if (!answered)
                exclude(ev, &ev->bids[i], STAGE_REQUIREMENT, q->supplier ? W_EVAL_QUAL_UNANSWERED : W_EVAL_REQ_UNANSWERED,
                        q->id);
            else if (!met && reason && reason[0])
                exclude(ev, &ev->bids[i], STAGE_REQUIREMENT, q->supplier ? W_EVAL_QUAL_NOT_MET_WHY : W_EVAL_REQ_NOT_MET_WHY,
                        q->id, reason);
            else if (!met)
                exclude(ev, &ev->bids[i], STAGE_REQUIREMENT, q->supplier ? W_EVAL_QUAL_NOT_MET : W_EVAL_REQ_NOT_MET,
                        q->id);
        }
    }
    free(answer);
    return ANBUD_OK;
}

/* }====================================== */

/* {=========== 2. panel scores ============ */

static int cmp_mpq(const void *a, const void *b)
{
    return mpq_cmp(*(mpq_srcptr const *)a, *(mpq_srcptr const *)b);
}

/* The scale level whose value equals v, or -1. */
static int level_of(const model_scale *s, const mpq_t v)
{
    int i;
    for (i = 0; i < s->nlevels; i++) if (mpq_equal(s->values[i], v)) return i;
    return -1;
}

/* The file a missing score belongs in: the first scores file, or (with
   ib) the bid's own file when there is none. */
static const char *scores_file(const evaluation *ev, const input_bid *ib)
{
    int f;
    for (f = 0; f < ev->in->nfiles; f++)
        if (strcmp(ev->in->files[f].kind, "scores") == 0) return ev->in->files[f].path;
    return ib ? ib->at.file : NULL;
}

/* Evaluator names folded (any case), for sorting score rows by evaluator. */
typedef struct named_row {
    char *key;
    int row;
} named_row;

static int cmp_named(const void *a, const void *b)
{
    const named_row *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->row > y->row) - (x->row < y->row);
}

/* A panel with a gap treats bidders unequally: an evaluator who scored a
   criterion for one remaining bid must score it for every remaining bid,
   or record that they stand aside for it (jäv). Panels by mean or median
   only: a consensus score is the panel's, whoever took part. Evaluators are
   numbered once (sorted by folded name), then counted per criterion, so a
   file of a million rows by as many names stays linear-logarithmic. */
static anbud_status check_panels(evaluation *ev, anbud_error *err)
{
    const model *m = ev->m;
    const anbud_inputs *in = ev->in;
    int k, i, s, e, n = 0, nremain = 0;
    int *eid, *count, *touched, ntouched;
    named_row *byname;
    anbud_status st = ANBUD_OK;
    if (in->nscores == 0) return ANBUD_OK;
    eid = xalloc_zeroed((size_t)in->nscores, sizeof *eid);
    byname = xalloc_zeroed((size_t)in->nscores, sizeof *byname);
    for (s = 0; s < in->nscores; s++) {
        byname[s].row = s;
        byname[s].key = in->scores[s].consensus ? NULL : text_name_fold(in->scores[s].evaluator);
        if (!in->scores[s].consensus && !byname[s].key) { fputs("anbud: out of memory\n", stderr); exit(2); }
        if (!byname[s].key) byname[s].key = xalloc_strdup("");   /* consensus rows: never looked at */
    }
    qsort(byname, (size_t)in->nscores, sizeof *byname, cmp_named);
    for (s = 0; s < in->nscores; s++) {
        if (s > 0 && strcmp(byname[s].key, byname[s - 1].key) != 0) n++;
        eid[byname[s].row] = n;
    }
    n++;
    for (s = 0; s < in->nscores; s++) free(byname[s].key);
    free(byname);
    count = xalloc_zeroed((size_t)n, sizeof *count);
    touched = xalloc_zeroed((size_t)in->nscores, sizeof *touched);
    for (i = 0; i < ev->nbids; i++) if (!ev->bids[i].stage) nremain++;
    for (k = 0; k < m->ncriteria && !st; k++) {
        const model_criterion *c = &m->criteria[k];
        int first = -1;   /* the first row of an evaluator with a gap */
        if ((c->kind != CRIT_QUALITY && c->kind != CRIT_ADDED_VALUE) || c->declared ||
            c->panel == PANEL_CONSENSUS)
            continue;
        /* how many remaining bids each evaluator of k has a row for (input.c
           allows one row per evaluator, bid and criterion) */
        ntouched = 0;
        for (i = 0; i < ev->nbids; i++) {
            if (ev->bids[i].stage) continue;
            for (s = ev->score_head[ev->bids[i].input * m->ncriteria + k]; s >= 0; s = ev->score_next[s]) {
                if (in->scores[s].consensus) continue;
                if (count[eid[s]]++ == 0) touched[ntouched++] = s;
            }
        }
        for (e = 0; e < ntouched && first < 0; e++)   /* in order of first appearance */
            if (count[eid[touched[e]]] < nremain) first = touched[e];
        for (e = 0; e < ntouched; e++) count[eid[touched[e]]] = 0;
        if (first < 0) continue;
        /* the first remaining bid without a row of that evaluator */
        for (i = 0; i < ev->nbids && !st; i++) {
            const input_bid *ib = &in->bids[ev->bids[i].input];
            const input_score *f = &in->scores[first];
            int has = 0;
            if (ev->bids[i].stage) continue;
            for (s = ev->score_head[ev->bids[i].input * m->ncriteria + k]; s >= 0 && !has; s = ev->score_next[s])
                has = !in->scores[s].consensus && eid[s] == eid[first];
            if (!has)
                st = error_set(err, ANBUD_EINPUT, f->at.file, 0, 0,
                               "evaluator \"%s\" has no score on \"%s\" for bid %s, but scored it for bid %s "
                               "(line %ld): the panel would differ between bids; give the score, or record "
                               "jäv (conflict) with a justification", f->evaluator, c->id, ib->id,
                               in->bids[f->bid].id, f->at.line);
        }
    }
    free(eid);
    free(count);
    free(touched);
    return st;
}

static anbud_status aggregate(evaluation *ev, int bi, int k, anbud_error *err)
{
    const model *m = ev->m;
    const model_criterion *c = &m->criteria[k];
    eval_crit *ec = &ev->bids[bi].crit[k];
    const input_bid *ib = &ev->in->bids[ev->bids[bi].input];
    int s, n = 0, consensus = -1, recused = 0;
    mpq_srcptr few[16], *vals;

    if (c->declared) {
        const input_value *v = &ib->fields[c->field];
        if (!v->present)
            return error_set(err, ANBUD_EINPUT, ib->at.file, ib->at.line, 0,
                             "bid %s does not state \"%s\"", ib->id, c->id);
        if (c->scale >= 0) {
            ec->level = v->answer;
            mpq_set(ec->value, m->scales[c->scale].values[v->answer]);
        } else {
            mpq_set(ec->value, v->num);
            if (mpq_sgn(v->num) < 0 || mpq_cmp(v->num, c->max) > 0) {
                char *mx = dec_format_exact(c->max);
                error_set(err, ANBUD_EINPUT, v->at.file, v->at.line, v->at.col,
                          "\"%s\" of bid %s is outside 0..%s", c->id, ib->id, mx ? mx : "?");
                free(mx);
                return ANBUD_EINPUT;
            }
        }
        ec->nscores = 1;
        return ANBUD_OK;
    }

    /* the evaluators' scores, by reference (a panel is a handful: on the
       stack unless it is large) */
    for (n = 0, s = ev->score_head[ev->bids[bi].input * m->ncriteria + k]; s >= 0; s = ev->score_next[s]) n++;
    vals = n <= (int)(sizeof few / sizeof *few) ? few : xalloc_zeroed((size_t)n, sizeof *vals);
    n = 0;
    for (s = ev->score_head[ev->bids[bi].input * m->ncriteria + k]; s >= 0; s = ev->score_next[s]) {
        const input_score *sc = &ev->in->scores[s];
        if (sc->recused) { recused++; continue; }   /* jäv: off the panel for this bid */
        if (sc->consensus) {
            if (c->panel != PANEL_CONSENSUS) {
                if (vals != few) free(vals);
                return error_set(err, ANBUD_EINPUT, sc->at.file, sc->at.line, 0,
                                 "a consensus score for \"%s\", which the model scores by the %s of the evaluators",
                                 c->id, c->panel == PANEL_MEDIAN ? "median" : "mean");
            }
            if (!sc->justification || !sc->justification[0]) {
                if (vals != few) free(vals);
                return error_set(err, ANBUD_EINPUT, sc->at.file, sc->at.line, 0,
                                 "the consensus score of bid %s on \"%s\" needs a justification (motivering)",
                                 ib->id, c->id);
            }
            consensus = s;
            continue;
        }
        vals[n++] = sc->value;
    }
    ec->nscores = n;
    if (c->has_spread && n > 1) {   /* disagreement: the evaluators' scores too far apart */
        mpq_srcptr lo = vals[0], hi = vals[0];
        mpq_t d;
        int j;
        for (j = 1; j < n; j++) {
            if (mpq_cmp(vals[j], lo) < 0) lo = vals[j];
            if (mpq_cmp(vals[j], hi) > 0) hi = vals[j];
        }
        mpq_init(d);
        mpq_sub(d, hi, lo);
        if (mpq_cmp(d, c->spread) > 0) {
            char *a = reader_num(ev, lo, NULL), *b = reader_num(ev, hi, NULL), *sp = reader_num(ev, c->spread, NULL);
            evaluation_warn(ev, W_EVAL_PANEL_SPREAD, c->id, ib->id, a, b, sp);
            free(a); free(b); free(sp);
        }
        mpq_clear(d);
    }
    if (c->panel == PANEL_CONSENSUS) {
        if (consensus < 0) {
            if (vals != few) free(vals);
            return error_set(err, ANBUD_EINPUT, scores_file(ev, ib), scores_file(ev, NULL) ? 0 : ib->at.line, 0,
                             "bid %s has no consensus score (evaluator \"konsensus\") on \"%s\", which the model requires",
                             ib->id, c->id);
        }
        mpq_set(ec->value, ev->in->scores[consensus].value);
    } else if (n == 0 && recused) {
        if (vals != few) free(vals);
        return error_set(err, ANBUD_EINPUT, scores_file(ev, ib), 0, 0,
                         "every evaluator stood aside (jäv) on \"%s\" for bid %s: no one is left to score it; "
                         "appoint an evaluator without a conflict of interest", c->id, ib->id);
    } else if (n == 0) {
        if (vals != few) free(vals);
        return error_set(err, ANBUD_EINPUT, scores_file(ev, ib), scores_file(ev, NULL) ? 0 : ib->at.line, 0,
                         "bid %s has no score on \"%s\"%s", ib->id, c->id,
                         scores_file(ev, NULL) ? "" : "; give the evaluators' scores in a scores file");
    } else if (c->panel == PANEL_MEDIAN) {
        qsort(vals, (size_t)n, sizeof *vals, cmp_mpq);
        if (n % 2) mpq_set(ec->value, vals[n / 2]);
        else {
            mpq_add(ec->value, vals[n / 2 - 1], vals[n / 2]);
            mpq_div_2exp(ec->value, ec->value, 1);
        }
    } else {
        mpz_t cnt;
        int j;
        mpq_set(ec->value, vals[0]);
        for (j = 1; j < n; j++) mpq_add(ec->value, ec->value, vals[j]);
        /* divided by n: the denominator times n, then in lowest terms */
        mpz_init_set_si(cnt, n);
        mpz_mul(mpq_denref(ec->value), mpq_denref(ec->value), cnt);
        mpz_clear(cnt);
        mpq_canonicalize(ec->value);
    }
    if (vals != few) free(vals);
    if (m->rounding.panel >= 0 && c->panel != PANEL_CONSENSUS)   /* the aggregate as declared */
        dec_round(ec->value, ec->value, m->rounding.panel, m->rounding.panel_mode);
    ec->level = c->scale >= 0 ? level_of(&m->scales[c->scale], ec->value) : -1;
    return ANBUD_OK;
}

/* score = max × value / top for a scaled criterion, else the value */
static void scale_score(const model *m, const model_criterion *c, eval_crit *ec)
{
    if (c->scale >= 0) {
        const model_scale *s = &m->scales[c->scale];
        const mpq_t *top = &s->values[s->nlevels - 1];
        mpq_div(ec->score_exact, ec->value, *top);
        mpq_mul(ec->score_exact, ec->score_exact, c->max);
    } else {
        mpq_set(ec->score_exact, ec->value);
    }
    round_opt(ec->score, ec->score_exact, m->rounding.score, m->rounding.score_mode);
}

static void contribute(const model_criterion *c, eval_crit *ec)
{
    if (c->has_weight) mpq_mul(ec->contribution, c->weight, ec->score);
    else mpq_set(ec->contribution, ec->score);
}

static anbud_status score_quality(evaluation *ev, anbud_error *err)
{
    const model *m = ev->m;
    int i, k, j;
    mpq_t best;
    /* the panels' values first: a rescaled criterion needs every bid's */
    for (i = 0; i < ev->nbids; i++) {
        if (ev->bids[i].stage) continue;
        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            anbud_status st;
            if (c->kind != CRIT_QUALITY && c->kind != CRIT_ADDED_VALUE) continue;
            if ((st = aggregate(ev, i, k, err))) return st;
        }
    }
    mpq_init(best);
    for (i = 0; i < ev->nbids; i++) {
        eval_bid *b = &ev->bids[i];
        if (b->stage) continue;
        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            eval_crit *ec = &b->crit[k];
            if (c->kind != CRIT_QUALITY && c->kind != CRIT_ADDED_VALUE) continue;
            if (c->rescale) {
                /* riparametrazione: the best value among the remaining bids
                   gets max, the others in proportion */
                int x, seen = 0;
                for (x = 0; x < ev->nbids; x++) {
                    if (ev->bids[x].stage) continue;
                    if (!seen++ || mpq_cmp(ev->bids[x].crit[k].value, best) > 0) mpq_set(best, ev->bids[x].crit[k].value);
                }
                if (mpq_sgn(best) > 0) {
                    mpq_div(ec->score_exact, ec->value, best);
                    mpq_mul(ec->score_exact, ec->score_exact, c->max);
                } else mpq_set_ui(ec->score_exact, 0, 1);
                round_opt(ec->score, ec->score_exact, m->rounding.score, m->rounding.score_mode);
            } else scale_score(m, c, ec);
            ec->has = 1;
            if (c->kind == CRIT_QUALITY) contribute(c, ec);
        }
        /* groups: Σ sub-weight × sub-score, deepest first (subs follow their group) */
        for (k = m->ncriteria - 1; k >= 0; k--) {
            const model_criterion *c = &m->criteria[k];
            eval_crit *ec = &b->crit[k];
            if (c->kind != CRIT_GROUP) continue;
            mpq_set_ui(ec->score_exact, 0, 1);
            for (j = k + 1; j < m->ncriteria; j++)
                if (m->criteria[j].parent == k) mpq_add(ec->score_exact, ec->score_exact, b->crit[j].contribution);
            mpq_set(ec->score, ec->score_exact);
            mpq_set(ec->value, ec->score_exact);
            ec->level = -1;
            ec->has = 1;
            contribute(c, ec);
        }
        mpq_set_ui(b->quality, 0, 1);
        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            if (c->parent < 0 && (c->kind == CRIT_QUALITY || c->kind == CRIT_GROUP))
                mpq_add(b->quality, b->quality, b->crit[k].contribution);
        }
    }
    mpq_clear(best);
    return ANBUD_OK;
}

/* }====================================== */

/* {=========== 3. thresholds ============ */

void evaluation_max_quality(const model *m, int parent, mpq_t out)
{
    int k;
    mpq_t part;
    mpq_init(part);
    mpq_set_ui(out, 0, 1);
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        if (c->parent != parent || (c->kind != CRIT_QUALITY && c->kind != CRIT_GROUP)) continue;
        if (c->kind == CRIT_GROUP) evaluation_max_quality(m, k, part);
        else mpq_set(part, c->max);
        if (c->has_weight) mpq_mul(part, part, c->weight);
        mpq_add(out, out, part);
    }
    mpq_clear(part);
}

/* The exclusion at an overall threshold, in the terms the model declared
   it: a share of the highest possible quality ("70 %") as that share, a
   number of points as points of the highest possible. */
static void overall_shortfall(evaluation *ev, eval_bid *b, const mpq_t need)
{
    const model *m = ev->m;
    mpq_t maxq, share;
    char *q, *mx, *lim, *sh;
    mpq_inits(maxq, share, NULL);
    evaluation_max_quality(m, -1, maxq);
    q = reader_num(ev, b->quality, need);
    mx = reader_num(ev, maxq, NULL);
    if (m->overall_min_percent) {
        mpq_t pct, hundred;
        mpq_inits(pct, hundred, NULL);
        mpq_set_ui(hundred, 100, 1);
        if (mpq_sgn(maxq) > 0) mpq_div(share, b->quality, maxq);
        mpq_mul(share, share, hundred);
        mpq_mul(pct, m->overall_min, hundred);
        sh = reader_num(ev, share, pct);
        lim = reader_num(ev, pct, NULL);
        exclude(ev, b, STAGE_THRESHOLD, W_EVAL_QUALITY_BELOW_PERCENT, sh, q, mx, lim);
        mpq_clears(pct, hundred, NULL);
    } else {
        sh = NULL;
        lim = reader_num(ev, need, NULL);
        exclude(ev, b, STAGE_THRESHOLD, W_EVAL_QUALITY_BELOW_POINTS, q, mx, lim);
    }
    free(q); free(mx); free(lim); free(sh);
    mpq_clears(maxq, share, NULL);
}

static void apply_thresholds(evaluation *ev)
{
    const model *m = ev->m;
    int i, k;
    mpq_t need;
    mpq_init(need);
    if (m->has_overall_min) {
        if (m->overall_min_percent) {
            evaluation_max_quality(m, -1, need);
            mpq_mul(need, need, m->overall_min);
        } else mpq_set(need, m->overall_min);
    }
    for (i = 0; i < ev->nbids; i++) {
        eval_bid *b = &ev->bids[i];
        if (b->stage) continue;
        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            if (!c->has_min || !b->crit[k].has) continue;
            if (mpq_cmp(b->crit[k].score, c->min) < 0) {
                char *s = reader_num(ev, b->crit[k].score, c->min), *mn = reader_num(ev, c->min, NULL);
                exclude(ev, b, STAGE_THRESHOLD, W_EVAL_SCORE_BELOW_MIN, s, c->id, mn);
                free(s); free(mn);
            }
        }
        if (m->has_overall_min && !b->stage && mpq_cmp(b->quality, need) < 0)
            overall_shortfall(ev, b, need);
    }
    mpq_clear(need);
}

/* }====================================== */

/* {=========== 4. prices ============ */

static void push_bid(lua_State *L, const model *m, const input_bid *ib)
{
    int f;
    lua_createtable(L, 0, m->nfields + 2);
    lua_pushstring(L, ib->id);
    lua_setfield(L, -2, "id");
    lua_pushstring(L, ib->bidder ? ib->bidder : "");
    lua_setfield(L, -2, "bidder");
    for (f = 0; f < m->nfields; f++) {
        const input_value *v = &ib->fields[f];
        if (!v->present) continue;
        if (v->has_num) lnum_push(L, v->num, 0);
        else lua_pushstring(L, v->text ? v->text : "");
        lua_setfield(L, -2, m->fields[f].id);
    }
}

/* The price's context (its id and basket lines) on the stack. */
static void push_price_ctx(lua_State *L, const model *m)
{
    int l;
    lua_createtable(L, 0, 2);
    lua_pushstring(L, m->price.id);
    lua_setfield(L, -2, "id");
    lua_createtable(L, m->price.nlines, 0);
    for (l = 0; l < m->price.nlines; l++) {
        lua_createtable(L, 0, 2);
        lua_pushstring(L, m->price.lines[l].id);
        lua_setfield(L, -2, "id");
        set_num(L, "quantity", m->price.lines[l].quantity);
        lua_rawseti(L, -2, l + 1);
    }
    lua_setfield(L, -2, "lines");
}

/* 1 if every number push_bid pushes of bid ib fits (all_fit). */
static int bid_fits(const model *m, const input_bid *ib)
{
    int f;
    for (f = 0; f < m->nfields; f++)
        if (ib->fields[f].present && ib->fields[f].has_num && dec_bits(ib->fields[f].num) > DEC_MAX_BITS) return 0;
    return 1;
}

/* Each bid's evaluated price, by the price method in the sandbox. Two trips
   are saved for the library's own methods (evaluation_library_method: as
   the library made them, so their code is the one in scripts/price.lua):
   single_price is `return bid[c.id]`, the bid's number in the price's own
   column, which is read here instead (a bid without a number there takes
   the trip, for the same error); and no library price method writes to its
   context c, so one c serves every bid instead of one made per bid (a
   model's own method gets a fresh one each time, as it may change it). */
static anbud_status compute_prices(evaluation *ev, anbud_error *err)
{
    const model *m = ev->m;
    lua_State *L = m->sb->L;
    char what[200];
    int i, l, own = -1, shared = 0, top = lua_gettop(L);
    call_site cs;
    snprintf(what, sizeof what, "price \"%s\" (%s)", m->price.id, m->price.method_name);
    cs.m = m; cs.what = what; cs.line = m->price.line;
    if (evaluation_library_method(m, m->price.method_ref, m->price.method_name, NULL)) {
        int lines_fit = 1;
        for (l = 0; l < m->price.nlines; l++)
            if (dec_bits(m->price.lines[l].quantity) > DEC_MAX_BITS) lines_fit = 0;
        if (strcmp(m->price.method_name, "single_price") == 0 && lines_fit) {
            own = model_find_field(m, m->price.id);
            if (own >= 0 && strcmp(m->fields[own].id, m->price.id) != 0) own = -1;
        }
        push_price_ctx(L, m);
        shared = lua_gettop(L);
    }
    for (i = 0; i < ev->nbids; i++) {
        eval_bid *b = &ev->bids[i];
        const input_bid *ib = &ev->in->bids[b->input];
        if (b->stage) continue;
        if (ev->prices_from && ev->prices_from->bids[i].has_price) {
            /* a re-run: a bid's evaluated price is its own, whoever else is in */
            mpq_set(b->price_exact, ev->prices_from->bids[i].price_exact);
            mpq_set(b->price, ev->prices_from->bids[i].price);
            b->has_price = 1;
            continue;
        }
        cs.bid = ib->id;
        if (own >= 0 && ib->fields[own].present && ib->fields[own].has_num && bid_fits(m, ib)) {
            mpq_set(b->price_exact, ib->fields[own].num);   /* single_price: bid[c.id] */
        } else {
            push_fn(L, m->price.method_ref);
            push_bid(L, m, ib);
            if (shared) lua_pushvalue(L, shared);
            else push_price_ctx(L, m);
            if (call_number(&cs, 2, b->price_exact, &b->approx, err)) { lua_settop(L, top); return ANBUD_EMODEL; }
        }
        if (mpq_sgn(b->price_exact) < 0) {
            char *p = dec_format_exact(b->price_exact);
            error_set(err, ANBUD_EINPUT, ib->at.file, ib->at.line, 0,
                      "the evaluated price of bid %s is negative (%s)", ib->id, p ? p : "?");
            free(p);
            lua_settop(L, top);
            return ANBUD_EINPUT;
        }
        round_opt(b->price, b->price_exact, m->rounding.price, m->rounding.price_mode);
        b->has_price = 1;
    }
    lua_settop(L, top);
    return ANBUD_OK;
}

/* {=========== 4b. abnormally low prices ============ */

/* Flag prices far below the others (the model's rule, e.g. ProZorro's 40 %
   below the mean of the others or 30 % below the next), then apply the
   status of the query from the input: rejected excludes the bid before any
   relative score; a flag with no answer yet needs attention. */
/* If price is at or below (1 − share) × ref, say so in why (the text of
   id what, with the share as a percentage). */
static void far_below(const evaluation *ev, const mpq_t price, const mpq_t ref, const mpq_t share, word_id what,
                      char *why, size_t whylen)
{
    mpq_t lim;
    mpq_init(lim);
    mpq_set_ui(lim, 1, 1);
    mpq_sub(lim, lim, share);
    mpq_mul(lim, lim, ref);
    if (mpq_cmp(price, lim) <= 0) {
        char *p;
        mpq_set_ui(lim, 100, 1);
        mpq_mul(lim, lim, share);
        p = reader_num(ev, lim, NULL);
        words_snprintf(why, whylen, ev->lang, what, p);
        free(p);
    }
    mpq_clear(lim);
}

/* The remaining bids' prices, for the abnormally-low rule: their sum and
   count, and sorted, to find the next higher price by bisection. */
typedef struct alp_set {
    mpq_t sum;
    int n;
    mpq_srcptr *sorted;
} alp_set;

static int cmp_price(const void *a, const void *b)
{
    return mpq_cmp(*(mpq_srcptr const *)a, *(mpq_srcptr const *)b);
}

static void alp_set_of(const evaluation *ev, alp_set *s)
{
    int i;
    mpq_set_ui(s->sum, 0, 1);
    s->n = 0;
    for (i = 0; i < ev->nbids; i++) {
        if (ev->bids[i].stage) continue;
        mpq_add(s->sum, s->sum, ev->bids[i].price);
        s->sorted[s->n++] = ev->bids[i].price;
    }
    qsort(s->sorted, (size_t)s->n, sizeof *s->sorted, cmp_price);
}

/* What the model's rule finds of bid b's price against the other bids of s
   (b among them): why[0] is 0 when the price is not abnormally low. */
static void alp_rule(const evaluation *ev, const eval_bid *b, const alp_set *s, char *why, size_t whylen)
{
    const model *m = ev->m;
    mpq_t ref;
    int lo = 0, hi = s->n;
    why[0] = '\0';
    mpq_init(ref);
    if (m->has_alp_mean && s->n > 1) {
        mpq_t cnt;
        mpq_init(cnt);
        mpq_sub(ref, s->sum, b->price);
        mpq_set_si(cnt, s->n - 1, 1);
        mpq_div(ref, ref, cnt);
        mpq_clear(cnt);
        far_below(ev, b->price, ref, m->alp_mean, W_EVAL_ALP_BELOW_MEAN, why, whylen);
    }
    /* the next higher price: the first one above b's */
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (mpq_cmp(s->sorted[mid], b->price) > 0) hi = mid; else lo = mid + 1;
    }
    if (!why[0] && m->has_alp_next && lo < s->n)
        far_below(ev, b->price, s->sorted[lo], m->alp_next, W_EVAL_ALP_BELOW_NEXT, why, whylen);
    mpq_clear(ref);
}

/* A rejected bid leaves before the others are looked at, so that it counts
   in no one's mean or next price (the evaluation re-run without it). */
static void apply_abnormally_low(evaluation *ev)
{
    const model *m = ev->m;
    int i, pass;
    alp_set set;
    char (*rejected)[400];   /* per bid: the rule's finding, when the bid was rejected */
    char *is_rejected;
    if (!m->has_alp_mean && !m->has_alp_next) return;
    mpq_init(set.sum);
    set.sorted = xalloc_zeroed((size_t)ev->nbids + 1, sizeof *set.sorted);
    rejected = xalloc_zeroed((size_t)ev->nbids + 1, sizeof *rejected);
    is_rejected = xalloc_zeroed((size_t)ev->nbids + 1, 1);
    for (pass = 0; pass < 2; pass++) {
        alp_set_of(ev, &set);
        for (i = 0; i < ev->nbids; i++) {
            eval_bid *b = &ev->bids[i];
            const input_value *v = &ev->in->bids[b->input].fields[m->alp_field];
            const char *status = v->present ? m->fields[m->alp_field].answers[v->answer] : NULL;
            int rej = status && (strcmp(status, "rejected") == 0 || strcmp(status, "f\xC3\xB6rkastad") == 0);
            char why[400];
            if (b->stage || rej != (pass == 0)) continue;
            alp_rule(ev, b, &set, why, sizeof why);
            if (rej) {
                is_rejected[i] = 1;
                memcpy(rejected[i], why, sizeof why);
                continue;
            }
            if (!why[0]) continue;
            if (status && (strcmp(status, "accepted") == 0 || strcmp(status, "godtagen") == 0)) {
                evaluation_warn(ev, W_EVAL_ALP_ACCEPTED, ev->in->bids[b->input].id, why);
            } else {
                evaluation_warn(ev, W_EVAL_ALP_OPEN, ev->in->bids[b->input].id, why);
                ev->open_queries++;
            }
        }
        if (pass == 0)   /* every rejected bid leaves at once */
            for (i = 0; i < ev->nbids; i++) {
                if (is_rejected[i] && rejected[i][0])
                    exclude(ev, &ev->bids[i], STAGE_ABNORMALLY_LOW, W_EVAL_ALP_REJECTED_WHY, rejected[i]);
                else if (is_rejected[i])
                    exclude(ev, &ev->bids[i], STAGE_ABNORMALLY_LOW, W_EVAL_ALP_REJECTED);
            }
    }
    free(rejected);
    free(is_rejected);
    free(set.sorted);
    mpq_clear(set.sum);
}

/* }====================================== */

/* {=========== 5. price points and added values ============ */

static void stats_of(const evaluation *ev, price_stats *ps)
{
    int i;
    mpq_t n;
    mpq_inits(ps->lowest, ps->highest, ps->mean, n, NULL);
    ps->count = 0;
    for (i = 0; i < ev->nbids; i++) {
        const eval_bid *b = &ev->bids[i];
        if (b->stage) continue;
        if (ps->count == 0 || mpq_cmp(b->price, ps->lowest) < 0) mpq_set(ps->lowest, b->price);
        if (ps->count == 0 || mpq_cmp(b->price, ps->highest) > 0) mpq_set(ps->highest, b->price);
        mpq_add(ps->mean, ps->mean, b->price);
        ps->count++;
    }
    if (ps->count) {
        mpq_set_si(n, ps->count, 1);
        mpq_div(ps->mean, ps->mean, n);
    }
    mpq_clear(n);
}

static void stats_clear(price_stats *ps)
{
    mpq_clears(ps->lowest, ps->highest, ps->mean, NULL);
}

static void push_points_ctx(lua_State *L, const mpq_t max, const price_stats *ps)
{
    lua_createtable(L, 0, 5);
    set_num(L, "max", max);
    set_num(L, "lowest", ps->lowest);
    set_num(L, "highest", ps->highest);
    set_num(L, "mean", ps->mean);
    lua_pushinteger(L, ps->count);
    lua_setfield(L, -2, "count");
}

int evaluation_probe_points(const model *m, int k, const mpq_t price, const mpq_t lowest,
                            const mpq_t highest, const mpq_t mean, int count, mpq_t out)
{
    return evaluation_probe_points_why(m, k, price, lowest, highest, mean, count, out, NULL);
}

int evaluation_probe_points_why(const model *m, int k, const mpq_t price, const mpq_t lowest,
                                const mpq_t highest, const mpq_t mean, int count, mpq_t out,
                                anbud_error *why)
{
    lua_State *L = m->sb->L;
    price_stats ps;
    anbud_error err;
    call_site cs = { m, "probe", 0, NULL };
    int approx = 0, rc;
    mpq_inits(ps.lowest, ps.highest, ps.mean, NULL);
    mpq_set(ps.lowest, lowest);
    mpq_set(ps.highest, highest);
    mpq_set(ps.mean, mean);
    ps.count = count;
    push_fn(L, m->criteria[k].method_ref);
    lnum_push(L, price, 0);
    push_points_ctx(L, m->criteria[k].max, &ps);
    rc = call_number(&cs, 2, out, &approx, &err) ? -1 : 0;
    if (rc && why) *why = err;
    stats_clear(&ps);
    return rc;
}

/* An amount per level (SEK per level, a feature value) for a panel's mean
   or median that falls between two levels: the model gives no amount for
   it (research §2.4: a pre-announced amount per level; no source
   interpolates), so the evaluation stops and names the bid, the criterion,
   the panel's value and the levels around it. check flags the model. */
static anbud_status between_levels(const model *m, const model_criterion *c, const eval_crit *ec,
                                   const char *bid, anbud_error *err)
{
    const model_scale *s = &m->scales[c->scale];
    char *v = dec_format_exact(ec->value);
    const char *lo = NULL, *hi = NULL;
    int l;
    for (l = 0; l < s->nlevels; l++) {
        if (mpq_cmp(s->values[l], ec->value) < 0) lo = s->labels[l];
        else if (!hi) hi = s->labels[l];
    }
    error_set(err, ANBUD_EMODEL, m->name, c->line, 0,
              "bid %s: the panel's %s on \"%s\" is %s, %s%s%s%s%s; %s gives an amount only for a level. "
              "Decide it in consensus (panel = \"consensus\"), or round the panel's value to whole levels "
              "(rounding = { panel = 0 } on a scale valued 0, 1, 2, ...)",
              bid, c->panel == PANEL_MEDIAN ? "median" : "mean", c->id, v ? v : "?",
              lo && hi ? "between the levels \"" : "not a level of the scale",
              lo && hi ? lo : "", lo && hi ? "\" and \"" : "", lo && hi ? hi : "", lo && hi ? "\"" : "",
              c->nvalues ? "a feature value" : "SEK per level");
    free(v);
    return ANBUD_EMODEL;
}

static anbud_status score_prices(evaluation *ev, anbud_error *err)
{
    const model *m = ev->m;
    lua_State *L = m->sb->L;
    price_stats ps;
    char what[200];
    int i, k, shared, top = lua_gettop(L);
    call_site cs;
    anbud_status st = ANBUD_OK;
    stats_of(ev, &ps);
    for (k = 0; k < m->ncriteria && !st; k++) {
        const model_criterion *c = &m->criteria[k];
        if (c->kind != CRIT_PRICE && c->kind != CRIT_ADDED_VALUE) continue;
        snprintf(what, sizeof what, "%s \"%s\" (%s)", c->kind == CRIT_PRICE ? "price formula" :
                 c->surcharge ? "surcharge" : "deduction", c->id, c->method_name);
        cs.m = m; cs.what = what; cs.line = c->line;
        /* no library price-points formula writes to c (nor hands it to
           anything that could): one c for every bid */
        shared = 0;
        if (c->kind == CRIT_PRICE && evaluation_library_method(m, c->method_ref, c->method_name, NULL)) {
            push_points_ctx(L, c->max, &ps);
            shared = lua_gettop(L);
        }
        for (i = 0; i < ev->nbids && !st; i++) {
            if (ev->only >= 0 && i != ev->only) continue;
            eval_bid *b = &ev->bids[i];
            eval_crit *ec = &b->crit[k];
            if (b->stage) continue;
            cs.bid = bid_id(ev, i);
            if (c->kind == CRIT_PRICE) {
                push_fn(L, c->method_ref);
                lnum_push(L, b->price, 0);
                if (shared) lua_pushvalue(L, shared);
                else push_points_ctx(L, c->max, &ps);
                if ((st = call_number(&cs, 2, ec->score_exact, &ec->approx, err))) break;
                mpq_set(ec->value, b->price);
                ec->level = -1;
                round_opt(ec->score, ec->score_exact, m->rounding.score, m->rounding.score_mode);
                contribute(c, ec);
                ec->has = 1;
            } else if (c->scale >= 0 && ec->level < 0 && !c->declared &&
                       (c->nvalues || (c->method_name && strcmp(c->method_name, "sek_per_level") == 0))) {
                st = between_levels(m, c, ec, cs.bid, err);
                break;
            } else if (c->nvalues) {          /* ProZorro feature value */
                if (ec->level < 0) {
                    st = error_set(err, ANBUD_EINPUT, NULL, 0, 0, "bid %s: \"%s\" is not a level of its scale", cs.bid, c->id);
                    break;
                }
                mpq_set(ec->contribution, c->values[ec->level]);
                mpq_add(b->features, b->features, ec->contribution);
            } else {                          /* deduction or surcharge in SEK */
                mpq_t frac, amount;
                mpq_inits(frac, amount, NULL);
                mpq_div(frac, ec->score, c->max);
                if (c->surcharge) {
                    mpq_t one;
                    mpq_init(one);
                    mpq_set_ui(one, 1, 1);
                    mpq_sub(frac, one, frac);
                    mpq_clear(one);
                }
                push_fn(L, c->method_ref);
                lnum_push(L, ec->score, 0);
                lua_createtable(L, 0, 5);
                set_num(L, "max", c->max);
                set_num(L, "score", ec->score);
                set_num(L, "fraction", frac);
                set_num(L, "price", b->price);
                if (ec->level >= 0) { lua_pushinteger(L, ec->level); lua_setfield(L, -2, "level"); }
                st = call_number(&cs, 2, amount, &ec->approx, err);
                if (!st && mpq_sgn(amount) < 0) {
                    error_set(err, ANBUD_EMODEL, NULL, 0, 0, "the amount is negative");
                    st = formula_error(&cs, err);
                }
                if (!st) {
                    if (c->surcharge) {
                        mpq_set(ec->contribution, amount);
                        mpq_add(b->surcharges, b->surcharges, amount);
                    } else {
                        mpq_neg(ec->contribution, amount);
                        mpq_add(b->deductions, b->deductions, amount);
                    }
                }
                mpq_clears(frac, amount, NULL);
            }
            if (ec->approx) b->approx = 1;
        }
        lua_settop(L, top);
    }
    stats_clear(&ps);
    return st;
}

/* }====================================== */

/* {=========== 6. totals ============ */

/* The context of a total (the figures among the bids that remain). */
static void push_total_ctx(lua_State *L, const price_stats *ps, const mpq_t best_q, const mpq_t maxq,
                           const mpq_t fmax, const mpq_t q_low)
{
    lua_createtable(L, 0, 7);
    set_num(L, "lowest_price", ps->lowest);
    set_num(L, "highest_price", ps->highest);
    set_num(L, "best_quality", best_q);
    set_num(L, "max_quality", maxq);
    set_num(L, "features_max", fmax);
    set_num(L, "lowest_quality", q_low);
    lua_pushinteger(L, ps->count);
    lua_setfield(L, -2, "count");
}

static anbud_status compute_totals(evaluation *ev, anbud_error *err)
{
    const model *m = ev->m;
    lua_State *L = m->sb->L;
    price_stats ps;
    mpq_t best_q, maxq, fmax, q_low;
    int i, k, first = 1, shared = 0, points_total = 0, stack = lua_gettop(L);
    char what[200];
    call_site cs;
    anbud_status st = ANBUD_OK;

    mpq_inits(best_q, maxq, fmax, q_low, NULL);
    for (i = 0; i < ev->nbids; i++) {
        eval_bid *b = &ev->bids[i];
        if (b->stage) continue;
        mpq_set_ui(b->points, 0, 1);
        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            if (c->parent < 0 && c->kind != CRIT_ADDED_VALUE) mpq_add(b->points, b->points, b->crit[k].contribution);
        }
        if (m->basis == BASIS_COMPARISON_PRICE) mpq_sub(b->quality, b->deductions, b->surcharges);
        if (first || mpq_cmp(b->quality, best_q) > 0) mpq_set(best_q, b->quality);
        if (first || mpq_cmp(b->quality, q_low) < 0) mpq_set(q_low, b->quality);
        first = 0;
    }
    evaluation_max_quality(m, -1, maxq);
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        int l;
        if (!c->nvalues) continue;
        {
            mpq_t top;
            mpq_init(top);
            mpq_set(top, c->values[0]);
            for (l = 1; l < c->nvalues; l++) if (mpq_cmp(c->values[l], top) > 0) mpq_set(top, c->values[l]);
            mpq_add(fmax, fmax, top);
            mpq_clear(top);
        }
    }
    stats_of(ev, &ps);
    snprintf(what, sizeof what, "total (%s)", m->total_name);
    cs.m = m; cs.what = what; cs.line = 0;
    /* The library's totals (evaluation_library_method) never write to c
       nor hand it on: one c for every bid. weighted_sum is `return
       b.points`: the total is the bid's points, taken here without the
       trip (when every figure the trip pushes fits, else it raises the
       same error). */
    if (evaluation_library_method(m, m->total_ref, m->total_name, NULL)) {
        mpq_srcptr cf[6];
        cf[0] = ps.lowest; cf[1] = ps.highest; cf[2] = best_q; cf[3] = maxq; cf[4] = fmax; cf[5] = q_low;
        points_total = strcmp(m->total_name, "weighted_sum") == 0 && all_fit(cf, 6);
        push_total_ctx(L, &ps, best_q, maxq, fmax, q_low);
        shared = lua_gettop(L);
    }
    for (i = 0; i < ev->nbids && !st; i++) {
        if (ev->only >= 0 && i != ev->only) continue;
        eval_bid *b = &ev->bids[i];
        int places = ev->total_places;
        mpq_srcptr bf[6];
        if (b->stage) continue;
        cs.bid = bid_id(ev, i);
        bf[0] = b->price; bf[1] = b->quality; bf[2] = b->points;
        bf[3] = b->deductions; bf[4] = b->surcharges; bf[5] = b->features;
        if (points_total && all_fit(bf, 6)) {
            mpq_set(b->total_exact, b->points);   /* weighted_sum: b.points */
            round_opt(b->total, b->total_exact, places, ev->total_mode);
            continue;
        }
        push_fn(L, m->total_ref);
        lua_createtable(L, 0, 6);
        set_num(L, "price", b->price);
        set_num(L, "quality", b->quality);
        set_num(L, "points", b->points);
        set_num(L, "deductions", b->deductions);
        set_num(L, "surcharges", b->surcharges);
        set_num(L, "features", b->features);
        if (shared) lua_pushvalue(L, shared);
        else push_total_ctx(L, &ps, best_q, maxq, fmax, q_low);
        if ((st = call_number(&cs, 2, b->total_exact, &b->approx, err))) break;
        round_opt(b->total, b->total_exact, places, ev->total_mode);
    }
    lua_settop(L, stack);
    mpq_set(ev->lowest_price, ps.lowest);
    mpq_set(ev->highest_price, ps.highest);
    mpq_set(ev->mean_price, ps.mean);
    mpq_set(ev->best_quality, best_q);
    mpq_set(ev->max_quality, maxq);
    mpq_set(ev->features_max, fmax);
    mpq_set(ev->lowest_quality, q_low);
    stats_clear(&ps);
    mpq_clears(best_q, maxq, fmax, q_low, NULL);
    return st;
}

/* }====================================== */

/* Bid b's record (zeroed), its criteria at crit (ncrit of them, in the
   block run_without allocates for every bid at once, not zeroed: every
   field is written here). */
static void bid_init(eval_bid *b, int input, eval_crit *crit, int ncrit)
{
    int k;
    b->input = input;
    b->decided_by = -1;
    b->requirement = -1;
    mpq_init(b->price_exact); mpq_init(b->price); mpq_init(b->quality);
    mpq_init(b->points); mpq_init(b->deductions); mpq_init(b->surcharges);
    mpq_init(b->features); mpq_init(b->total_exact); mpq_init(b->total);
    b->crit = crit;
    for (k = 0; k < ncrit; k++) {
        eval_crit *ec = &crit[k];
        ec->has = 0;
        ec->level = -1;
        ec->nscores = 0;
        ec->approx = 0;
        mpq_init(ec->value); mpq_init(ec->score_exact); mpq_init(ec->score); mpq_init(ec->contribution);
    }
}

/* The stages; run protected, since pushing numbers into Lua may fail. */
static anbud_status run_stages(void *ud, anbud_error *err)
{
    evaluation *ev = ud;
    anbud_status st;
    if ((st = apply_requirements(ev, err))) return st;
    if ((st = check_panels(ev, err))) return st;
    if ((st = score_quality(ev, err))) return st;
    apply_thresholds(ev);
    if ((st = compute_prices(ev, err))) return st;
    apply_abnormally_low(ev);
    if ((st = score_prices(ev, err))) return st;
    if ((st = compute_totals(ev, err))) return st;
    return rank_bids(ev, err);
}

static anbud_status run_without(evaluation *ev, const model *m, const anbud_inputs *in,
                                const char *seed, int seed_given, const char *lang, int leave_out,
                                const evaluation *prices, anbud_error *err);

anbud_status evaluation_run(evaluation *ev, const model *m, const anbud_inputs *in,
                            const char *seed, int seed_given, const char *lang, anbud_error *err)
{
    return run_without(ev, m, in, seed, seed_given, lang, -1, NULL, err);
}

/* What the procurer must see about the outcome: a negative comparison
   price (it ranks as the formula says, but the deductions exceed the
   price), and an evaluation that leaves no bid. */
static void outcome_warnings(evaluation *ev, int leave_out)
{
    const model *m = ev->m;
    int i;
    if (leave_out >= 0) return;   /* a probe's re-run reports nothing */
    if (m->basis == BASIS_COMPARISON_PRICE)
        for (i = 0; i < ev->nbids; i++) {
            const eval_bid *b = &ev->bids[i];
            char *t, *p, *d;
            if (b->stage || mpq_sgn(b->total_exact) >= 0) continue;
            t = reader_num(ev, b->total, NULL);
            p = reader_num(ev, b->price, NULL);
            d = reader_num(ev, b->deductions, NULL);
            evaluation_warn(ev, W_EVAL_NEGATIVE_COMPARISON, bid_id(ev, i), t, d, p);
            free(t); free(p); free(d);
        }
    if (ev->nbids > 0 && ev->nranked == 0) {
        evaluation_warn(ev, W_EVAL_ALL_EXCLUDED);
        ev->nothing_left = 1;
    }
}

static anbud_status run_without(evaluation *ev, const model *m, const anbud_inputs *in,
                                const char *seed, int seed_given, const char *lang, int leave_out,
                                const evaluation *prices, anbud_error *err)
{
    anbud_status st;
    int i;
    memset(ev, 0, sizeof *ev);
    ev->m = m;
    ev->in = in;
    ev->lang = lang && strcmp(lang, "en") == 0 ? "en" : lang && strcmp(lang, "sv") == 0 ? "sv"
             : m->lang && strcmp(m->lang, "en") == 0 ? "en" : "sv";
    ev->only = -1;
    ev->prices_from = prices;
    sandbox_refill(m->sb);   /* each pass of the evaluation has the whole budget */
    mpq_inits(ev->lowest_price, ev->highest_price, ev->mean_price, ev->best_quality,
              ev->max_quality, ev->features_max, ev->lowest_quality, NULL);
    ev->score_head = xalloc_zeroed((size_t)in->nbids * (size_t)(m->ncriteria ? m->ncriteria : 1), sizeof *ev->score_head);
    ev->score_next = xalloc_zeroed((size_t)in->nscores, sizeof *ev->score_next);
    for (i = 0; i < in->nbids * m->ncriteria; i++) ev->score_head[i] = -1;
    for (i = in->nscores - 1; i >= 0; i--) {   /* backwards, so each list is in input order */
        int cell = in->scores[i].bid * m->ncriteria + in->scores[i].criterion;
        ev->score_next[i] = ev->score_head[cell];
        ev->score_head[cell] = i;
    }
    ev->nbids = in->nbids;
    ev->bids = xalloc_zeroed((size_t)in->nbids, sizeof *ev->bids);
    {   /* one block for every bid's criteria; crit_block frees it */
        size_t per = (size_t)m->ncriteria, n = (size_t)in->nbids * per;
        eval_crit *block = n ? malloc(n * sizeof *block) : NULL;
        if (n && !block) { fputs("anbud: out of memory\n", stderr); exit(2); }
        ev->crit_block = block;
        for (i = 0; i < in->nbids; i++) bid_init(&ev->bids[i], i, block ? block + (size_t)i * per : NULL, m->ncriteria);
    }
    ev->higher_is_better = !m->lower_wins;
    ev->total_places = m->rounding.total >= 0 ? m->rounding.total :
                       m->basis == BASIS_COMPARISON_PRICE ? m->rounding.money : -1;
    ev->total_mode = m->rounding.total >= 0 ? m->rounding.total_mode : m->rounding.money_mode;
    if (seed) snprintf(ev->seed, sizeof ev->seed, "%s", seed);
    else seed_derive(m, in, ev->seed);
    ev->seed_given = seed && seed_given;
    memcpy(ev->seed_base, ev->seed, sizeof ev->seed_base);
    if (m->lot >= 0) {
        /* each lot its own draw: the same two suppliers tied in two lots
           must not get the same outcome in both by construction */
        size_t n = strlen(ev->seed);
        snprintf(ev->seed + n, sizeof ev->seed - n, "/%s", m->lots[m->lot].id);
    }
    if (leave_out >= 0) {
        ev->bids[leave_out].stage = STAGE_LEFT_OUT;
        ev->bids[leave_out].reason = words_printf(ev->lang, W_EVAL_LEFT_OUT_BY_PROBE);
    }

    if ((st = sandbox_protect(m->sb, run_stages, ev, err))) return st;
    for (i = 0; i < m->ncriteria; i++)
        if (m->criteria[i].rescale)
            evaluation_warn(ev, W_EVAL_RESCALED, m->criteria[i].id);
    outcome_warnings(ev, leave_out);
    for (i = 0; i < ev->nbids; i++)
        if (ev->bids[i].approx) {
            evaluation_warn(ev, W_EVAL_APPROXIMATE, bid_id(ev, i));
        }
    return ev->unresolved_ties || ev->open_queries || ev->nothing_left ? ANBUD_ATTENTION : ANBUD_OK;
}

/* {=========== for sensitivity.c ============ */

void evaluation_price_stats(const evaluation *ev, price_stats *ps)
{
    stats_of(ev, ps);
}

void evaluation_price_stats_clear(price_stats *ps)
{
    stats_clear(ps);
}

anbud_status evaluation_price_stages(evaluation *ev, anbud_error *err)
{
    anbud_status st = score_prices(ev, err);
    return st ? st : compute_totals(ev, err);
}

anbud_status evaluation_run_without(evaluation *ev, const model *m, const anbud_inputs *in,
                                    const char *seed, int seed_given, const char *lang, int leave_out,
                                    const evaluation *prices, anbud_error *err)
{
    return run_without(ev, m, in, seed, seed_given, lang, leave_out, prices, err);
}

/* }====================================== */

void evaluation_free(evaluation *ev)
{
    int i, k;
    if (!ev) return;
    for (i = 0; i < ev->nbids; i++) {
        eval_bid *b = &ev->bids[i];
        for (k = 0; b->crit && k < ev->m->ncriteria; k++) {
            mpq_clear(b->crit[k].value); mpq_clear(b->crit[k].score_exact);
            mpq_clear(b->crit[k].score); mpq_clear(b->crit[k].contribution);
        }
        free(b->reason);
        mpq_clears(b->price_exact, b->price, b->quality, b->points, b->deductions,
                   b->surcharges, b->features, b->total_exact, b->total, NULL);
    }
    if (ev->sensitivity) {
        for (i = 0; i < ev->nbids; i++) mpq_clear(ev->be_price[i]);
        for (k = 0; k < ev->m->ncriteria; k++) mpq_clear(ev->flip_delta[k]);
        free(ev->be_status); free(ev->be_price);
        free(ev->flip_found); free(ev->flip_delta); free(ev->flip_bid);
    }
    if (ev->m)
        mpq_clears(ev->lowest_price, ev->highest_price, ev->mean_price, ev->best_quality,
                   ev->max_quality, ev->features_max, ev->lowest_quality, NULL);
    free(ev->crit_block);
    free(ev->flips);
    free(ev->answers);
    free(ev->score_head);
    free(ev->score_next);
    free(ev->bids);
    free(ev->order);
    for (i = 0; i < ev->nwarnings; i++) free(ev->warnings[i]);
    free(ev->warnings);
    memset(ev, 0, sizeof *ev);
}
