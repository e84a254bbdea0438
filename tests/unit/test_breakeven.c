/*
** test_breakeven.c: the break-even price in closed form (lowest_ratio under
** weighted_sum, sensitivity.c) against the bisection it replaces, on
** generated tenders: each runner-up's answer must be the same öre, or the
** same "no price wins". The tenders are made to reach the edges: prices
** from a few values with round ratios (equal prices, ties of totals, scores
** exactly at a rounding midpoint), every rounding mode at the score and the
** total, one bid, two bids, a runner-up with the lowest price, a runner-up
** that cannot win at any price, weights and none, prices below one öre.
** The counts at the end say that each kind of answer was met.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "evaluate.h"
#include "evaluate_stages.h"
#include "input.h"
#include "model.h"

#define TESTKIT_SEED 0x62726b6576656e31ULL
#include "testkit.h"

static int linear;   /* the model of the case prices with linear_from_lowest */
static const char *const modes[] = { "half_up", "half_even", "truncate" };

/* A model: nq quality criteria (max 5 or 10) and the price (lowest_ratio
   or linear_from_lowest, whose points go below zero above twice the
   lowest price), weighted or not, with a random rounding of scores and
   totals. */
static int write_model(int nq, int weighted)
{
    const char *formula = pick(3) ? "lowest_ratio" : "linear_from_lowest";
    linear = formula[1] == 'i';
    char text[2048];
    size_t n = 0;
    int q, sp = pick(4) - 1, tp = pick(5) - 1;
    static const char *const price_w[] = { "0.2", "0.22", "0.3", "0.5", "0.7" };
    static const char *const price_max[] = { "5", "10", "100", "3" };
    const char *pw = nq ? price_w[pick(5)] : "1";
    n += (size_t)snprintf(text + n, sizeof text - n,
                          "model { id = \"be\", title = \"be\", basis = \"points\", currency = \"SEK\", lang = \"sv\",\n"
                          "  rounding = { ");
    if (sp >= 0) n += (size_t)snprintf(text + n, sizeof text - n, "score = { %d, \"%s\" }, ", sp, modes[pick(3)]);
    if (tp == 3) tp = 4;
    if (tp >= 0) n += (size_t)snprintf(text + n, sizeof text - n, "total = { %d, \"%s\" }, ", tp, modes[pick(3)]);
    n += (size_t)snprintf(text + n, sizeof text - n, "} }\n");
    for (q = 0; q < nq; q++) {
        /* the quality weights share 1 - the price's: 1/nq each of it, to 4 decimals;
           the last takes the rest so that the weights add up to 1 exactly */
        if (weighted) {
            long rest = 10000 - (long)(atof(pw) * 10000 + 0.5), each = rest / nq;
            long w = q == nq - 1 ? rest - each * (nq - 1) : each;
            n += (size_t)snprintf(text + n, sizeof text - n,
                                  "criterion \"K%d\" { weight = 0.%04ld, max = %d, panel = \"mean\" }\n",
                                  q + 1, w, q % 2 ? 10 : 5);
        } else
            n += (size_t)snprintf(text + n, sizeof text - n, "criterion \"K%d\" { max = %d, panel = \"mean\" }\n",
                                  q + 1, q % 2 ? 10 : 5);
    }
    if (weighted)
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "price \"Pris\" { weight = %s, max = %s, formula = %s }\n", pw, price_max[pick(4)], formula);
    else
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "price \"Pris\" { max = %s, formula = %s }\n", price_max[pick(4)], formula);
    write_file("model.lua", text);
    return (int)n;
}

/* A price in öre: mostly from a few values with round ratios (so that
   prices repeat and points fall on rounding midpoints), else anything
   from 0.01 to 400, sometimes with a fraction of an öre. */
static void price_text(char *buf, size_t size)
{
    static const long nice[] = { 10000, 12000, 12500, 15000, 16000, 20000, 25000, 30000, 8000, 10050 };
    int how = pick(10);
    if (how < 6) {
        long v = nice[pick(10)];
        snprintf(buf, size, "%ld,%02ld", v / 100, v % 100);
    } else if (how < 9) {
        long v = 1 + pick(40000);
        snprintf(buf, size, "%ld,%02ld", v / 100, v % 100);
    } else {
        long v = 1 + pick(400000);   /* in tenths of an öre */
        snprintf(buf, size, "%ld,%03ld", v / 1000, v % 1000);
    }
}

static void write_bids(int nbids, int nq)
{
    char text[8192], p[32];
    size_t n = 0;
    int b, q, e;
    n += (size_t)snprintf(text + n, sizeof text - n, "anbud;anbudsgivare;Pris\n");
    for (b = 0; b < nbids; b++) {
        price_text(p, sizeof p);
        n += (size_t)snprintf(text + n, sizeof text - n, "B%d;B%d AB;%s\n", b + 1, b + 1, p);
    }
    write_file("bids.csv", text);
    n = 0;
    n += (size_t)snprintf(text + n, sizeof text - n, "evaluator;bid;criterion;score\n");
    for (b = 0; b < nbids; b++) {
        int level = pick(6);   /* a bid's quality, and its evaluators near it */
        for (q = 0; q < nq; q++)
            for (e = 0; e < 2; e++) {
                int s = level + pick(3) - 1, top = q % 2 ? 10 : 5;
                if (s < 0) s = 0;
                if (s > top) s = top;
                n += (size_t)snprintf(text + n, sizeof text - n, "E%d;B%d;K%d;%d\n", e + 1, b + 1, q + 1, s);
            }
    }
    write_file("scores.csv", text);
}

static int seen_linear, seen_closed, seen_bisect_only, seen_none, seen_price, seen_below_lowest, seen_lowest_runner;

/* Every runner-up of one tender: closed form, bisection and the two
   together (as the program runs it) must agree. */
static void compare(const char *model_text_for_errors)
{
    char mpath[128], bpath[128], spath[128];
    char *paths[2];
    model m;
    anbud_inputs in;
    anbud_error err;
    evaluation ev;
    anbud_status st;
    int x;
    snprintf(mpath, sizeof mpath, "%s/model.lua", dir);
    snprintf(bpath, sizeof bpath, "%s/bids.csv", dir);
    snprintf(spath, sizeof spath, "%s/scores.csv", dir);
    paths[0] = bpath;
    paths[1] = spath;
    memset(&in, 0, sizeof in);
    st = model_load(&m, mpath, &err);
    CHECK(st == ANBUD_OK, "model_load: %s (%s)", err.msg, model_text_for_errors);
    if (st) return;
    st = input_read(&in, &m, paths, 2, &err);
    CHECK(st == ANBUD_OK, "input_read: %s", err.msg);
    if (st) { model_free(&m); return; }
    st = evaluation_run(&ev, &m, &in, "be-test", 1, NULL, &err);
    CHECK(st == ANBUD_OK || st == ANBUD_ATTENTION, "evaluation_run: %s", err.msg);
    if (st == ANBUD_OK || st == ANBUD_ATTENTION) {
        for (x = 1; x < ev.nranked; x++) {
            int i = ev.order[x], rb, rc, ra, j, lowest = 1;
            mpq_t pb, pc, pa;
            char tb[160], tc[160];
            mpq_inits(pb, pc, pa, NULL);
            rb = evaluation_break_even_by(&ev, i, pb, BREAK_EVEN_BISECT);
            rc = evaluation_break_even_by(&ev, i, pc, BREAK_EVEN_CLOSED);
            ra = evaluation_break_even_by(&ev, i, pa, BREAK_EVEN_AUTO);
            CHECK(rb >= 0, "bisection failed for bid %d", i);
            CHECK(rc != -2, "the closed form does not apply (%s)", model_text_for_errors);
            gmp_snprintf(tb, sizeof tb, "%Qd", pb);
            gmp_snprintf(tc, sizeof tc, "%Qd", pc);
            CHECK(rc == rb && (rb != 1 || mpq_equal(pb, pc)),
                  "bid %s: closed form %d %s, bisection %d %s", in.bids[i].id, rc, tc, rb, tb);
            CHECK(ra == rb && (rb != 1 || mpq_equal(pb, pa)), "bid %s: auto %d, bisection %d", in.bids[i].id, ra, rb);
            if (rc != -2) seen_closed++;
            if (rc != -2 && linear) seen_linear++;
            if (rb == 0) seen_none++;
            if (rb == 1) {
                seen_price++;
                for (j = 0; j < ev.nbids; j++)
                    if (j != i && !ev.bids[j].stage && mpq_cmp(ev.bids[j].price, pb) <= 0) lowest = 0;
                if (lowest) seen_below_lowest++;
            }
            for (j = 0; j < ev.nbids; j++)
                if (j != i && !ev.bids[j].stage && mpq_cmp(ev.bids[j].price, ev.bids[i].price) <= 0) break;
            if (j == ev.nbids) seen_lowest_runner++;
            mpq_clears(pb, pc, pa, NULL);
            /* the search leaves the evaluation as it was: the next runner-up
               starts from the same figures */
        }
    }
    evaluation_free(&ev);
    input_free(&in);
    model_free(&m);
}

/* A model the closed form must leave to the bisection: a total of the
   model's own. */
static void not_applicable(void)
{
    char mpath[128], bpath[128];
    char *paths[1];
    model m;
    anbud_inputs in;
    anbud_error err;
    evaluation ev;
    mpq_t p;
    write_file("model.lua",
               "model { id = \"be\", title = \"be\", basis = \"points\", currency = \"SEK\", lang = \"sv\",\n"
               "  total = method { name = \"own_total\", kind = \"total\", relative = false,\n"
               "    fn = function(b) return b.points end } }\n"
               "price \"Pris\" { max = 5, formula = lowest_ratio }\n");
    write_file("bids.csv", "anbud;anbudsgivare;Pris\nA;A AB;100\nB;B AB;120\n");
    snprintf(mpath, sizeof mpath, "%s/model.lua", dir);
    snprintf(bpath, sizeof bpath, "%s/bids.csv", dir);
    paths[0] = bpath;
    memset(&in, 0, sizeof in);
    mpq_init(p);
    CHECK(model_load(&m, mpath, &err) == ANBUD_OK, "own total: model_load: %s", err.msg);
    CHECK(input_read(&in, &m, paths, 1, &err) == ANBUD_OK, "own total: input_read: %s", err.msg);
    CHECK(evaluation_run(&ev, &m, &in, "be-test", 1, NULL, &err) == ANBUD_OK, "own total: evaluation_run: %s", err.msg);
    CHECK(evaluation_break_even_by(&ev, ev.order[1], p, BREAK_EVEN_CLOSED) == -2, "own total: closed form applied");
    /* 5 × 100 / p > 5 below 100: B wins at 99.99 */
    CHECK(evaluation_break_even(&ev, ev.order[1], p) == 1 && mpq_cmp_si(p, 9999, 100) == 0,
          "own total: bisection gives %g", mpq_get_d(p));
    evaluation_free(&ev);
    input_free(&in);
    model_free(&m);
    mpq_clear(p);
}

int main(void)
{
    int c, t;
    snprintf(dir, sizeof dir, "/tmp/anbud-be-XXXXXX");
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 2; }
    for (c = 0; c < 60; c++) {
        int nq = pick(4), weighted = nq == 0 || pick(4) != 0;
        char note[64];
        write_model(nq, weighted);
        snprintf(note, sizeof note, "case %d", c);
        for (t = 0; t < 8; t++) {
            write_bids(1 + pick(8), nq);
            compare(note);
        }
    }
    not_applicable();
    /* each kind of answer was met, so the comparison covered it */
    CHECK(seen_closed >= 500, "closed form met %d times", seen_closed);
    CHECK(seen_linear >= 200, "linear_from_lowest met %d times", seen_linear);
    CHECK(seen_none >= 20, "no price wins: %d times", seen_none);
    CHECK(seen_price >= 100, "a break-even price: %d times", seen_price);
    CHECK(seen_below_lowest >= 20, "below the lowest of the others: %d times", seen_below_lowest);
    CHECK(seen_lowest_runner >= 10, "a runner-up with the lowest price: %d times", seen_lowest_runner);
    (void)seen_bisect_only;
    printf("closed form %d runners-up (%d linear_from_lowest): %d with a price (%d below every other price), %d none; "
           "%d runners-up had the lowest price\n",
           seen_closed, seen_linear, seen_price, seen_below_lowest, seen_none, seen_lowest_runner);
    {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "test_breakeven: could not remove %s\n", dir);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
