/* SPDX-License-Identifier: MIT */
/*
** check.c: what `anbud check` says about a model before it is published:
** weights that must add up, a price-to-points mapping that must be strictly
** decreasing (no bands, no floor), relative formulas and their risks, and
** the model described in words with its SHA-256.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "model.h"
#include "evaluate.h"
#include "sandbox.h"
#include "lnum.h"
#include "text.h"

#define PROBE_POINTS 400

typedef struct findings {
    model_finding *v;
    int n;
} findings;

static void add(findings *f, int error, long line, const char *source, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
static void add(findings *f, int error, long line, const char *source, const char *fmt, ...)
{
    char buf[800];
    va_list ap;
    model_finding *v = realloc(f->v, (size_t)(f->n + 1) * sizeof *v);
    if (!v) { fputs("anbud: out of memory\n", stderr); exit(2); }
    f->v = v;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    v[f->n].error = error;
    v[f->n].line = line;
    v[f->n].text = strdup(buf);
    v[f->n].source = source ? strdup(source) : NULL;
    f->n++;
}

/* Weights of the criteria under parent must add up to exactly 1. */
static void check_weights(const model *m, int parent, findings *f)
{
    mpq_t sum, one;
    int k, with = 0, without = 0;
    long line = 0;
    mpq_inits(sum, one, NULL);
    mpq_set_ui(one, 1, 1);
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        if (c->parent != parent || c->kind == CRIT_ADDED_VALUE) continue;
        if (c->kind == CRIT_PRICE && m->basis != BASIS_POINTS) continue;
        if (c->has_weight) { with++; mpq_add(sum, sum, c->weight); if (!line) line = c->line; }
        else without++;
        if (c->kind == CRIT_GROUP) check_weights(m, k, f);
        if (c->has_weight && mpq_sgn(c->weight) == 0)
            add(f, 0, c->line, NULL, "\"%s\" has weight 0: it can never change the result", c->id);
    }
    if (with && without)
        add(f, 1, line, "eForms BT-541; research §2.10",
            "%s: some criteria have a weight and some do not; give every one a weight, or none",
            parent < 0 ? "the model" : m->criteria[parent].id);
    else if (with && !mpq_equal(sum, one)) {
        char *s = dec_format_exact(sum);
        mpq_t hundred;
        mpq_init(hundred);
        mpq_set_ui(hundred, 100, 1);
        add(f, 1, line, "eForms BT-541; a weight is never re-normalised",
            "the weights of %s add up to %s, not 1 (100 %%)%s",
            parent < 0 ? "the criteria" : m->criteria[parent].id, s ? s : "?",
            mpq_equal(sum, hundred) ? "; write them as fractions (0.20) or percentages (\"20 %\")" : "");
        mpq_clear(hundred);
        free(s);
    }
    mpq_clears(sum, one, NULL);
}

/* The plausible price range: the model's, the formula's own, or 1 to
   10 000 001 kr (steps of 25 000 from 1 when probed). */
static void price_range(const model *m, int k, mpq_t lo, mpq_t hi)
{
    const model_criterion *c = &m->criteria[k];
    if (m->price.has_range) {
        mpq_set(lo, m->price.range_lo);
        mpq_set(hi, m->price.range_hi);
    } else if (model_method_number(m, c->method_ref, "best", lo) && model_method_number(m, c->method_ref, "worst", hi)) {
        /* absolute_linear: up to its worst price, and from 1, not from its
           best: below best the points stop rising, a floor (HFD 2022 ref. 41)
           that only a declared range can show no plausible price reaches */
        mpq_set_ui(lo, 1, 1);
    } else {
        mpq_set_ui(lo, 1, 1);
        mpq_set_ui(hi, 10000001, 1);
        if (model_method_number(m, c->method_ref, "base", hi)) mpq_set_ui(lo, 0, 1);
    }
    if (mpq_sgn(lo) == 0) mpq_set_ui(lo, 1, 1);
}

/* The price-to-points mapping must fall strictly as the price rises, over
   the plausible range: no bands (HFD 3566-21), no floor (HFD 2022 ref. 41). */
static int check_monotone(const model *m, int k, findings *f, mpq_t top, mpq_t bottom)
{
    const model_criterion *c = &m->criteria[k];
    mpq_t lo, hi, mean, p, step, prev, cur, n;
    int i, have_prev = 0, reported = 0, worked = 0;
    anbud_error why;
    mpq_inits(lo, hi, mean, p, step, prev, cur, n, NULL);
    price_range(m, k, lo, hi);
    mpq_add(mean, lo, hi);
    mpq_div_2exp(mean, mean, 1);
    mpq_sub(step, hi, lo);
    mpq_set_ui(n, PROBE_POINTS, 1);
    mpq_div(step, step, n);
    for (i = 0; i <= PROBE_POINTS; i++) {
        mpq_set_ui(n, (unsigned long)i, 1);
        mpq_mul(p, step, n);
        mpq_add(p, p, lo);
        if (evaluation_probe_points_why(m, k, p, lo, hi, mean, 3, cur, worked ? NULL : &why) != 0) continue;
        worked = 1;
        /* the highest and the lowest points over the range: how far price
           can move a total (Blom), a distance, never negative */
        if (!have_prev || mpq_cmp(cur, top) > 0) mpq_set(top, cur);
        if (!have_prev || mpq_cmp(cur, bottom) < 0) mpq_set(bottom, cur);
        if (have_prev && !reported && mpq_cmp(cur, prev) >= 0) {
            mpq_t p0;
            char *a, *b, *s;
            mpq_init(p0);
            mpq_sub(p0, p, step);
            a = dec_format_exact(p0);
            b = dec_format_exact(p);
            s = dec_format_exact(cur);
            if (mpq_equal(cur, prev))
                add(f, 1, c->line, "HFD 3566-21 (banded price points); HFD 2022 ref. 41 (price floor)",
                    "price points are not strictly decreasing in the price: %s and %s both give %s points, "
                    "so a cheaper bid of equal quality does not rank higher (a band, a step or a floor)%s",
                    a ? a : "?", b ? b : "?", s ? s : "?",
                    m->price.has_range ? "" : "; if no plausible price lies there, declare "
                    "price range = { lowest, highest }");
            else
                add(f, 1, c->line, "research §4 item 3 (monotonicity)",
                    "price points are not monotone: the price %s gives more points (%s) than %s",
                    b ? b : "?", s ? s : "?", a ? a : "?");
            free(a); free(b); free(s);
            mpq_clear(p0);
            reported = 1;
        }
        mpq_set(prev, cur);
        have_prev = 1;
    }
    if (!worked) {   /* fails at every price: it would fail for every bid (a float constant, 2/3) */
        char *l = dec_format_exact(lo), *h = dec_format_exact(hi);
        add(f, 1, c->line, "research §4 (a formula must give a number)",
            "the price formula fails at every price probed from %s to %s: %s", l ? l : "?", h ? h : "?", why.msg);
        free(l); free(h);
    }
    mpq_clears(lo, hi, mean, p, step, prev, cur, n, NULL);
    return have_prev;
}

/* Every level of a scale in use should say what earns it, and every scale
   should be used. */
static void check_scales(const model *m, findings *f)
{
    int s, k, l;
    for (s = 0; s < m->nscales; s++) {
        const model_scale *sc = &m->scales[s];
        int used = 0, missing = 0;
        for (k = 0; k < m->ncriteria; k++) if (m->criteria[k].scale == s) used = 1;
        if (!used) {
            add(f, 0, sc->line, NULL, "scale \"%s\" is declared but no criterion uses it", sc->id);
            continue;
        }
        for (l = 0; l < sc->nlevels; l++) if (!sc->texts[l] || !sc->texts[l][0]) missing++;
        if (missing)
            add(f, 0, sc->line, "UHM frågeportalen 2159271; research §3.2",
                "scale \"%s\": %d of its %d levels have no descriptor; the documents must say what "
                "earns each level, or the evaluation is open to unlimited discretion",
                sc->id, missing, sc->nlevels);
    }
}

/* An amount per level (SEK per level, ProZorro's feature values) on a
   panel's mean or median: a mean between two levels has no amount, and no
   source says how to interpolate (research §2.4). Fine when the panel's
   value is rounded to whole levels of a scale valued 0, 1, 2, ... */
static void check_levels(const model *m, findings *f)
{
    int k, l;
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        const model_scale *s;
        int whole = m->rounding.panel == 0;
        if (c->kind != CRIT_ADDED_VALUE || c->declared || c->scale < 0 || c->panel == PANEL_CONSENSUS) continue;
        if (!c->nvalues && (!c->method_name || strcmp(c->method_name, "sek_per_level") != 0)) continue;
        s = &m->scales[c->scale];
        for (l = 0; l < s->nlevels && whole; l++)
            if (mpq_cmp_si(s->values[l], l, 1) != 0) whole = 0;   /* 0, 1, 2, ...: a rounded mean is a level */
        if (whole) continue;
        add(f, 1, c->line, "research §2.4 (Lindbäck: an amount per level)",
            "\"%s\" gives %s per level of its scale, but its panel's %s can fall between two levels, "
            "which have no amount; decide it in consensus (panel = \"consensus\"), or round the panel's "
            "value to whole levels (rounding = { panel = 0 } on a scale valued 0, 1, 2, ...)",
            c->id, c->nvalues ? "a feature value" : "SEK", c->panel == PANEL_MEDIAN ? "median (of an even number of scores)" : "mean");
    }
}

/* What the deductions of a comparison-price model can add up to. */
static void check_deductions(const model *m, findings *f)
{
    lua_State *L = m->sb->L;
    mpq_t sek, pct, q;
    int k, any_sek = 0;
    long line = 0, pct_line = 0;
    if (m->basis != BASIS_COMPARISON_PRICE) return;
    mpq_inits(sek, pct, q, NULL);
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        if (c->kind != CRIT_ADDED_VALUE || c->surcharge || !c->method_name || c->method_ref == LUA_NOREF) continue;
        lua_rawgeti(L, LUA_REGISTRYINDEX, c->method_ref);
        if (strcmp(c->method_name, "percent") == 0) {
            int approx = 0;
            const char *why;
            lua_getfield(L, -1, "percent");
            if (lnum_get(L, -1, q, &approx, &why)) mpq_add(pct, pct, q);
            if (!pct_line) pct_line = c->line;
            lua_pop(L, 1);
        } else if (strcmp(c->method_name, "sek_linear") == 0 || strcmp(c->method_name, "sek_per_level") == 0) {
            int approx = 0, i, n;
            const char *why;
            mpq_t top;
            mpq_init(top);
            if (strcmp(c->method_name, "sek_linear") == 0) {
                lua_getfield(L, -1, "amount");
                if (lnum_get(L, -1, q, &approx, &why)) mpq_set(top, q);
                lua_pop(L, 1);
            } else {
                lua_getfield(L, -1, "amounts");
                n = lua_istable(L, -1) ? (int)lua_rawlen(L, -1) : 0;
                for (i = 1; i <= n; i++) {
                    lua_rawgeti(L, -1, i);
                    if (lnum_get(L, -1, q, &approx, &why) && mpq_cmp(q, top) > 0) mpq_set(top, q);
                    lua_pop(L, 1);
                }
                lua_pop(L, 1);
            }
            mpq_add(sek, sek, top);
            mpq_clear(top);
            any_sek = 1;
            if (!line) line = c->line;
        }
        lua_pop(L, 1);
    }
    if (mpq_cmp_ui(pct, 100, 1) >= 0)
        add(f, 0, pct_line, "e-Avrop; research §2.5 (WE-08)",
            "the percentage deductions add up to 100 %% or more: a bid with full marks gets a comparison "
            "price of 0 or below whatever its price, so price no longer counts");
    if (any_sek) {
        char *s = dec_format_exact(sek);
        if (m->price.has_range && mpq_cmp(sek, m->price.range_lo) >= 0) {
            char *lo = dec_format_exact(m->price.range_lo);
            add(f, 0, line, "research §2.4 (Lindbäck)",
                "the SEK deductions can add up to %s, more than the lowest plausible price %s: a comparison "
                "price can reach 0 or go below it; say in the documents how that is ranked", s ? s : "?", lo ? lo : "?");
            free(lo);
        } else if (!m->price.has_range)   /* with a range, no plausible price is below the deductions */
            add(f, 0, line, "research §2.4 (Lindbäck)",
                "the SEK deductions can add up to %s; a bid priced below that gets a negative comparison "
                "price (declare price range = { lowest, highest } to check against it)", s ? s : "?");
        free(s);
    }
    mpq_clears(sek, pct, q, NULL);
}

/* A quality threshold no bid can reach excludes every bid: an error. */
static void check_thresholds(const model *m, findings *f)
{
    mpq_t maxq, need;
    int k;
    mpq_inits(maxq, need, NULL);
    evaluation_max_quality(m, -1, maxq);
    if (m->has_overall_min && m->basis != BASIS_COMPARISON_PRICE) {
        if (m->overall_min_percent) mpq_mul(need, maxq, m->overall_min);
        else mpq_set(need, m->overall_min);
        if (mpq_cmp(need, maxq) > 0) {
            char *a = dec_format_exact(need), *b = dec_format_exact(maxq);
            add(f, 1, m->line, "research §2.12 (minimum quality thresholds)",
                "the overall quality threshold %s is above the highest quality a bid can reach (%s): "
                "every bid would be excluded", a ? a : "?", b ? b : "?");
            free(a); free(b);
        }
    }
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        if (c->has_min && c->has_max && mpq_cmp(c->min, c->max) > 0) {
            char *a = dec_format_exact(c->min), *b = dec_format_exact(c->max);
            add(f, 1, c->line, "research §2.12 (minimum quality thresholds)",
                "\"%s\": the minimum %s is above the most the criterion gives (max %s): every bid would be "
                "excluded", c->id, a ? a : "?", b ? b : "?");
            free(a); free(b);
        }
    }
    mpq_clears(maxq, need, NULL);
}

typedef struct check_run {
    model *m;
    findings f;
} check_run;

static anbud_status check_all(void *ud, anbud_error *err);

static int check_one(model *m, model_finding **out, anbud_error *err);

/* A model with lots is checked as each lot sees it (weights add up per
   lot). A finding every lot has is given once; one that only some lots
   have names them. */
int model_check(model *m, model_finding **out, anbud_error *err)
{
    findings all = { NULL, 0 };
    model_finding **per;
    int *nper, i, j, k, l;
    if (m->nlots == 0 || m->lot >= 0) return check_one(m, out, err);
    per = calloc((size_t)m->nlots, sizeof *per);
    nper = calloc((size_t)m->nlots, sizeof *nper);
    if (!per || !nper) { fputs("anbud: out of memory\n", stderr); exit(2); }
    for (l = 0; l < m->nlots; l++) {
        model v;
        anbud_status st = model_load_lot(&v, m->path, l, err);
        nper[l] = st ? -1 : check_one(&v, &per[l], err);
        model_free(&v);
        if (nper[l] < 0) {
            for (i = 0; i < l; i++) model_findings_free(per[i], nper[i]);
            free(per); free(nper);
            *out = NULL;
            return -1;
        }
    }
    for (l = 0; l < m->nlots; l++)
        for (i = 0; i < nper[l]; i++) {
            const model_finding *f = &per[l][i];
            int seen = 0, inall = 1;
            for (k = 0; k < l && !seen; k++)
                for (j = 0; j < nper[k]; j++)
                    if (strcmp(per[k][j].text, f->text) == 0) { seen = 1; break; }
            if (seen) continue;
            for (k = 0; k < m->nlots && inall; k++) {
                int has = 0;
                for (j = 0; j < nper[k] && !has; j++) has = strcmp(per[k][j].text, f->text) == 0;
                inall = has;
            }
            if (inall) add(&all, f->error, f->line, f->source, "%s", f->text);
            else add(&all, f->error, f->line, f->source, "lot \"%s\": %s", m->lots[l].id, f->text);
        }
    for (l = 0; l < m->nlots; l++) model_findings_free(per[l], nper[l]);
    free(per);
    free(nper);
    *out = all.v;
    return all.n;
}

static int check_one(model *m, model_finding **out, anbud_error *err)
{
    check_run c;
    c.m = m;
    c.f.v = NULL;
    c.f.n = 0;
    if (sandbox_protect(m->sb, check_all, &c, err) != ANBUD_OK) {
        model_findings_free(c.f.v, c.f.n);
        *out = NULL;
        return -1;
    }
    *out = c.f.v;
    return c.f.n;
}

/* Every check; runs protected, as it calls the model's formulas. */
static anbud_status check_all(void *ud, anbud_error *err)
{
    check_run *cr = ud;
    model *m = cr->m;
    findings f = cr->f;
    int k;
    (void)err;
    check_weights(m, -1, &f);
    check_thresholds(m, &f);
    if (m->basis == BASIS_COMPARISON_PRICE && m->has_overall_min)
        add(&f, 1, m->line, NULL, "an overall quality threshold needs a points or ratio model; "
            "in a comparison-price model give min on each added value");
    for (k = 0; k < m->ncriteria; k++) {
        const model_criterion *c = &m->criteria[k];
        if (c->kind == CRIT_PRICE) {
            mpq_t top, bottom;
            int spanned;
            mpq_inits(top, bottom, NULL);
            spanned = check_monotone(m, k, &f, top, bottom);
            {
                /* Blom: the most price can move a total over the plausible
                   price range is a quality lead price can never overcome */
                mpq_t spread, lo, hi, mean;
                char *s, *l, *h;
                int rel = model_method_flag(m, c->method_ref, "relative");
                mpq_inits(spread, lo, hi, mean, NULL);
                price_range(m, k, lo, hi);
                mpq_add(mean, lo, hi);
                mpq_div_2exp(mean, mean, 1);
                if (spanned) {
                    mpq_sub(spread, top, bottom);   /* the highest less the lowest */
                    if (c->has_weight) mpq_mul(spread, spread, c->weight);
                    if (!dec_is_terminating(spread)) {   /* readable: to the hundredth */
                        dec_round(spread, spread, 2, DEC_HALF_UP);
                        s = dec_format_fixed(spread, 2);
                    } else s = dec_format_exact(spread);
                    l = dec_format_exact(lo);
                    h = dec_format_exact(hi);
                    add(&f, 0, c->line, rel ? "Blom, Inköpsrådet; UHM; research §2.7 (WE-03)" : "Blom, Inköpsrådet; research §2.7",
                        "\"%s\" (%s): between the prices %s and %s%s, price moves a total by at most %s; "
                        "a bid ahead on quality by more than that cannot be overtaken on price%s",
                        c->id, c->method_name, l ? l : "?", h ? h : "?",
                        m->price.has_range ? "" : " (declare price range = { lowest, highest } for yours)",
                        s ? s : "?",
                        rel ? ". The points are relative: removing a losing bid can reorder two others" : "");
                    free(s); free(l); free(h);
                }
                mpq_clears(spread, lo, hi, mean, NULL);
            }
            mpq_clears(top, bottom, NULL);
        }
        if (c->kind == CRIT_ADDED_VALUE && !c->surcharge && c->method_name &&
            strcmp(c->method_name, "percent") == 0)
            add(&f, 0, c->line, "e-Avrop, research §2.5 (WE-08)",
                "\"%s\" deducts a percentage of the bid's own price: it favours dear bids, and if the "
                "deductions reach 100 %% a full-marks bid gets comparison price 0 whatever its price",
                c->id);
    }
    check_scales(m, &f);
    check_levels(m, &f);
    check_deductions(m, &f);
    if (m->total_name && strcmp(m->total_name, "custom") == 0)
        add(&f, 0, m->line, "research §2.9", "the total is a Lua function of the model: anbud cannot tell "
            "whether it looks at the other bids, so it is treated as relative (removing a losing bid may "
            "reorder two others), and the workbook holds its results as values, not formulas");
    else if (model_method_flag(m, m->total_ref, "relative"))
        add(&f, 0, m->line, "research §2.9", "the total (%s) depends on the other bids (relative)", m->total_name);
    cr->f = f;
    return ANBUD_OK;
}

void model_findings_free(model_finding *f, int n)
{
    int i;
    for (i = 0; i < n; i++) { free(f[i].text); free(f[i].source); }
    free(f);
}

/* {=========== describing the model in words ============ */

static const char *words(const model *m, int ref)
{
    static char buf[600];
    return model_method_text(m, ref, "words", m->lang, buf, sizeof buf);
}

static void print_num(const char *label, const mpq_t x)
{
    char *s = dec_format_exact(x);
    text_printf(stdout, "%s%s", label, s ? s : "?");
    free(s);
}

static void print_criterion(const model *m, int k, int depth)
{
    const model_criterion *c = &m->criteria[k];
    static const char *const kinds[] = { "criterion", "price points", "added value", "criterion group" };
    static const char *const panels[] = { "mean", "median", "consensus" };
    int j;
    text_printf(stdout, "%*s%s \"%s\"", 2 + 2 * depth, "", kinds[c->kind], c->id);
    if (c->has_weight) print_num(", weight ", c->weight);
    if (c->has_max && c->kind != CRIT_GROUP) print_num(", max ", c->max);
    if (c->scale >= 0) text_printf(stdout, ", scale \"%s\"", m->scales[c->scale].id);
    if (c->kind == CRIT_QUALITY || c->kind == CRIT_ADDED_VALUE)
        text_printf(stdout, ", %s", c->declared ? "stated by the bidder" : panels[c->panel]);
    if (c->has_min) print_num(", minimum ", c->min);
    if (c->rescale) printf(", rescaled so that the best bid gets max (riparametrazione)");
    if (c->method_name) {
        text_printf(stdout, ", %s%s", c->kind == CRIT_ADDED_VALUE ? (c->surcharge ? "surcharge " : "deduction ") : "",
               c->method_name);
        if (c->method_ref != LUA_NOREF) {
            const char *w = words(m, c->method_ref);
            text_printf(stdout, ": %s", w[0] ? w : "a Lua function of the model");
        }
    }
    putchar('\n');
    for (j = k + 1; j < m->ncriteria; j++)
        if (m->criteria[j].parent == k) print_criterion(m, j, depth + 1);
}

static anbud_status print_all(void *ud, anbud_error *err);

int check_print(model *m, anbud_error *err);
int check_print(model *m, anbud_error *err)
{
    return sandbox_protect(m->sb, print_all, m, err);
}

static anbud_status print_all(void *ud, anbud_error *err)
{
    model *m = ud;
    model_finding *f = NULL;
    int i, n, errors = 0;
    static const char *const bases[] = { "points: the highest total wins",
        "comparison price: the lowest comparison price wins", "ratio: the highest ratio wins" };
    static const char *const steps[] = { "panel", "score", "price", "money", "total" };
    int places[5];
    dec_mode modes[5];
    text_printf(stdout, "model    %s: %s\n", m->id, m->title);
    if (m->description) text_printf(stdout, "         %s\n", m->description);
    if (m->authority) text_printf(stdout, "authority %s\n", m->authority);
    if (m->reference) text_printf(stdout, "reference %s\n", m->reference);
    if (m->has_contract_value) {
        print_num("value    ", m->contract_value);
        text_printf(stdout, " %s, the estimated contract value\n", m->currency);
    }
    text_printf(stdout, "sha256   %s\n", m->sha256);
    if (m->lower_wins != (m->basis == BASIS_COMPARISON_PRICE))   /* the total's own rule */
        text_printf(stdout, "basis    %s: the %s total wins (%s)\n", model_basis_name(m->basis),
               m->lower_wins ? "lowest" : "highest", m->total_name);
    else text_printf(stdout, "basis    %s\n", bases[m->basis]);
    {
        const char *w = words(m, m->total_ref);
        if (w[0]) text_printf(stdout, "total    %s: %s\n", m->total_name, w);
        else text_printf(stdout, "total    %s: a Lua function of the model (line %ld), run on each bid's price, quality, "
                    "points, deductions and surcharges\n", m->total_name, m->line);
    }
    text_printf(stdout, "price    \"%s\": %s: %s\n", m->price.id, m->price.method_name, words(m, m->price.method_ref));
    for (i = 0; i < m->price.nlines; i++) {
        text_printf(stdout, "           %s", m->price.lines[i].id);
        print_num(" × ", m->price.lines[i].quantity);
        text_printf(stdout, "  %s\n", m->price.lines[i].text ? m->price.lines[i].text : "");
    }
    for (i = 0; i < m->ncriteria; i++)
        if (m->criteria[i].parent < 0) print_criterion(m, i, 0);
    for (i = 0; i < m->nscales; i++) {
        int l;
        text_printf(stdout, "scale    \"%s\":", m->scales[i].id);
        for (l = 0; l < m->scales[i].nlevels; l++) {
            print_num(l ? "; " : " ", m->scales[i].values[l]);
            text_printf(stdout, " %s", m->scales[i].labels[l]);
        }
        putchar('\n');
    }
    for (i = 0; i < m->nreqs; i++)
        text_printf(stdout, "require  \"%s\"%s%s%s\n", m->reqs[i].id, m->reqs[i].supplier ? " (qualification of the supplier)" : "",
               m->reqs[i].text ? ": " : "", m->reqs[i].text ? m->reqs[i].text : "");
    if (m->has_overall_min) print_num("minimum  quality ", m->overall_min), text_printf(stdout, "%s\n", m->overall_min_percent ? " of the highest possible" : "");
    places[0] = m->rounding.panel; places[1] = m->rounding.score; places[2] = m->rounding.price;
    places[3] = m->rounding.money; places[4] = m->rounding.total;
    modes[0] = m->rounding.panel_mode; modes[1] = m->rounding.score_mode; modes[2] = m->rounding.price_mode;
    modes[3] = m->rounding.money_mode; modes[4] = m->rounding.total_mode;
    printf("rounding");
    for (n = 0, i = 0; i < 5; i++)
        if (places[i] >= 0) text_printf(stdout, "%s %s to %d decimals (%s)", n++ ? "," : "", steps[i], places[i], dec_mode_name(modes[i]));
    printf(n ? "\n" : " none declared: every figure is exact\n");
    printf("tiebreak");
    for (i = 0; i < m->ntiebreak; i++) text_printf(stdout, "%s %s", i ? "," : "", m->tiebreak[i].name);
    printf(m->ntiebreak ? "\n" : " none: a tie is reported and needs a decision\n");

    for (i = 0; i < m->nlots; i++) {
        const model_lot *l = &m->lots[i];
        int k, own = 0;
        text_printf(stdout, "lot      \"%s\": %s", l->id, l->text);
        if (l->has_value) print_num(", value ", l->value);
        if (l->framework == 0) printf(", framework agreement with every qualified bid in ranked order");
        else if (l->framework > 1) printf(", framework agreement with %d suppliers in ranked order", l->framework);
        for (k = 0; k < m->ncriteria; k++)
            if (m->criteria[k].parent < 0 && m->criteria[k].nlots && model_in_lot(m->criteria[k].lots, m->criteria[k].nlots, i))
                text_printf(stdout, "%s\"%s\"", own++ ? ", " : "; its own criteria: ", m->criteria[k].id);
        for (k = 0; k < m->nreqs; k++)
            if (m->reqs[k].nlots && model_in_lot(m->reqs[k].lots, m->reqs[k].nlots, i))
                text_printf(stdout, "%s\"%s\"", own++ ? ", " : "; its own: ", m->reqs[k].id);
        putchar('\n');
    }
    if (m->nlots) {
        text_printf(stdout, "award    lots in %s order", m->order_name);
        for (i = 0; i < m->nlots; i++) text_printf(stdout, "%s\"%s\"", i ? ", " : " (", m->lots[m->award_order[i]].id);
        if (m->cap) text_printf(stdout, "); at most %d lot%s per supplier (LOU 4 kap. 15 §)\n", m->cap, m->cap == 1 ? "" : "s");
        else printf("); no cap per supplier\n");
    } else if (m->framework != 1) {
        if (m->framework == 0) printf("award    framework agreement with every qualified bid in ranked order\n");
        else printf("award    framework agreement with %d suppliers in ranked order\n", m->framework);
    }

    n = model_check(m, &f, err);
    if (n < 0) return ANBUD_EMODEL;
    if (n > 0) printf("\nfindings\n");
    for (i = 0; i < n; i++) {
        text_printf(stdout, "  %s: %s:%ld: %s%s%s%s\n", f[i].error ? "error" : "warning", m->name, f[i].line, f[i].text,
               f[i].source ? " [" : "", f[i].source ? f[i].source : "", f[i].source ? "]" : "");
        if (f[i].error && !errors++)
            error_set(err, ANBUD_EMODEL, m->name, f[i].line, 0, "%s", f[i].text);
    }
    model_findings_free(f, n);
    return errors ? ANBUD_EMODEL : ANBUD_OK;
}

/* }====================================== */
