/*
** test_shortcuts.c: the trips into Lua that evaluate.c saves for the
** library's own methods, held against the trips themselves. Each tender is
** evaluated twice: with the library's single_price, price-points formula
** and weighted_sum (the price read from the bid's column, one context for
** every bid, the total taken as the points), and with the model's own
** methods that call the same library functions (not the library's as made,
** so every bid takes the trip, with a context of its own). Every figure of
** every bid must be the same, and so must an error. The tenders reach the
** edges: a price of 0 (refused by lowest_ratio, in both), prices equal, a
** declared score at 0 and at max, one above max (refused as before), one
** bid, the rounding modes. Last, a model whose own formula changes the
** library's weighted_sum while the evaluation runs: the check of the
** total, made when the totals are computed, sees it and takes the trip.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "evaluate.h"
#include "input.h"
#include "model.h"

#define TESTKIT_SEED 0x73686f7274637574ULL
#include "testkit.h"

typedef struct run {
    anbud_status st;
    char msg[400];
    model m;
    anbud_inputs in;
    evaluation ev;
    int loaded, read, ran;
} run;

static void run_case(run *r, const char *model_file)
{
    char mpath[128], bpath[128];
    char *paths[1];
    anbud_error err;
    memset(r, 0, sizeof *r);
    snprintf(mpath, sizeof mpath, "%s/%s", dir, model_file);
    snprintf(bpath, sizeof bpath, "%s/bids.csv", dir);
    paths[0] = bpath;
    memset(&err, 0, sizeof err);
    r->st = model_load(&r->m, mpath, &err);
    if (r->st) { snprintf(r->msg, sizeof r->msg, "%s", err.msg); return; }
    r->loaded = 1;
    r->st = input_read(&r->in, &r->m, paths, 1, &err);
    if (r->st) { snprintf(r->msg, sizeof r->msg, "%s", err.msg); return; }
    r->read = 1;
    r->st = evaluation_run(&r->ev, &r->m, &r->in, "shortcut-test", 1, NULL, &err);
    r->ran = 1;
    if (r->st != ANBUD_OK && r->st != ANBUD_ATTENTION) snprintf(r->msg, sizeof r->msg, "%s", err.msg);
}

static void run_free(run *r)
{
    if (r->ran) evaluation_free(&r->ev);
    if (r->read) input_free(&r->in);
    if (r->loaded) model_free(&r->m);
}

static int same_q(const mpq_t a, const mpq_t b) { return mpq_equal(a, b) != 0; }

/* Every figure of every bid of a and b. */
static void compare(const run *a, const run *b, const char *what)
{
    int i, k;
    CHECK(a->st == b->st, "%s: status %d (%s) with the library, %d (%s) with the trips", what, a->st, a->msg,
          b->st, b->msg);
    if (a->st != b->st || (a->st != ANBUD_OK && a->st != ANBUD_ATTENTION)) return;
    CHECK(a->ev.nbids == b->ev.nbids && a->ev.nranked == b->ev.nranked, "%s: bids or ranked differ", what);
    if (a->ev.nbids != b->ev.nbids) return;
    for (i = 0; i < a->ev.nbids; i++) {
        const eval_bid *x = &a->ev.bids[i], *y = &b->ev.bids[i];
        int same = x->stage == y->stage && x->rank == y->rank && x->approx == y->approx &&
                   x->has_price == y->has_price && same_q(x->price_exact, y->price_exact) &&
                   same_q(x->price, y->price) && same_q(x->points, y->points) &&
                   same_q(x->quality, y->quality) && same_q(x->total_exact, y->total_exact) &&
                   same_q(x->total, y->total);
        for (k = 0; k < a->m.ncriteria && same; k++) {
            const eval_crit *p = &x->crit[k], *q = &y->crit[k];
            same = p->has == q->has && p->level == q->level && p->approx == q->approx &&
                   same_q(p->value, q->value) && same_q(p->score_exact, q->score_exact) &&
                   same_q(p->score, q->score) && same_q(p->contribution, q->contribution);
        }
        CHECK(same, "%s: bid %s differs", what, a->in.bids[i].id);
    }
}

static const char *const modes[] = { "half_up", "half_even", "truncate" };
static const char *const formulas[] = { "lowest_ratio", "linear_from_lowest", "min_max" };

/* The model, with the library's methods (own = 0) or the model's own that
   call them (own = 1). */
static void write_model(const char *name, int own, int nq, const char *formula, int sp, int tp, int mode)
{
    char text[4096];
    size_t n = 0;
    int q;
    n += (size_t)snprintf(text + n, sizeof text - n,
                          "model { id = \"sc\", title = \"sc\", basis = \"points\", currency = \"SEK\", lang = \"en\",\n"
                          "  tiebreak = { \"exact\", \"lottery\" }");
    if (sp >= 0 || tp >= 0) {
        n += (size_t)snprintf(text + n, sizeof text - n, ",\n  rounding = { mode = \"%s\"", modes[mode]);
        if (sp >= 0) n += (size_t)snprintf(text + n, sizeof text - n, ", score = %d", sp);
        if (tp >= 0) n += (size_t)snprintf(text + n, sizeof text - n, ", total = %d", tp);
        n += (size_t)snprintf(text + n, sizeof text - n, " }");
    }
    if (own) n += (size_t)snprintf(text + n, sizeof text - n, ",\n  total = function(b, c) return weighted_sum.fn(b, c) end");
    n += (size_t)snprintf(text + n, sizeof text - n, "\n}\n");
    for (q = 0; q < nq; q++)
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "criterion \"Q%d\" { weight = \"%d/%d\", max = 10, declared = true }\n", q + 1, 1, 2 * nq);
    if (own)
        n += (size_t)snprintf(text + n, sizeof text - n,
                              "price \"Pris\" { weight = \"%s\", max = 10,\n"
                              "  method = method { name = \"own_price\", kind = \"price\",\n"
                              "    fn = function(bid, c) return single_price.fn(bid, c) end,\n"
                              "    columns = function() return { \"Pris\" } end },\n"
                              "  formula = method { name = \"own_points\", kind = \"price_points\",\n"
                              "    fn = function(p, c) return %s.fn(p, c) end } }\n", nq ? "1/2" : "1", formula);
    else
        n += (size_t)snprintf(text + n, sizeof text - n, "price \"Pris\" { weight = \"%s\", max = 10, formula = %s }\n",
                              nq ? "1/2" : "1", formula);
    write_file(name, text);
}

static void one_case(int c)
{
    static const char *const prices[] = { "0", "0,01", "100", "100", "250,5", "1000", "99999999,99", "37" };
    static const char *const marks[] = { "0", "10", "5", "2,5", "7,25", "10", "0" };
    char bids[8192], what[64];
    size_t n = 0;
    int nq = pick(4), nb = 1 + pick(7), i, q, zero_ok = pick(3) != 0;
    int sp = pick(4) - 1, tp = pick(5) - 1, mode = pick(3), above = c % 11 == 10;
    const char *formula = formulas[pick(3)];
    run a, b;
    write_model("lib.lua", 0, nq, formula, sp, tp, mode);
    write_model("own.lua", 1, nq, formula, sp, tp, mode);
    n += (size_t)snprintf(bids + n, sizeof bids - n, "bid;bidder;Pris");
    for (q = 0; q < nq; q++) n += (size_t)snprintf(bids + n, sizeof bids - n, ";Q%d", q + 1);
    n += (size_t)snprintf(bids + n, sizeof bids - n, "\n");
    for (i = 0; i < nb; i++) {
        /* a price of 0 in some cases only: lowest_ratio refuses it */
        const char *p = prices[zero_ok ? pick(8) : 1 + pick(7)];
        n += (size_t)snprintf(bids + n, sizeof bids - n, "B%d;S%d;%s", i + 1, i + 1, p);
        for (q = 0; q < nq; q++)
            n += (size_t)snprintf(bids + n, sizeof bids - n, ";%s",
                                  above && i == nb - 1 && q == 0 ? "10,5" : marks[pick(7)]);
        n += (size_t)snprintf(bids + n, sizeof bids - n, "\n");
    }
    write_file("bids.csv", bids);
    snprintf(what, sizeof what, "case %d (%s, %d bids)", c, formula, nb);
    run_case(&a, "lib.lua");
    run_case(&b, "own.lua");
    compare(&a, &b, what);
    if (above && nq) CHECK(a.st == ANBUD_EINPUT && strstr(a.msg, "outside 0..10"), "%s: above max: %s", what, a.msg);
    run_free(&a);
    run_free(&b);
}

/* The model's own price formula changes the library's weighted_sum after
   the model was read: the totals must be what the changed method says,
   as they were before the total's trip could be skipped. */
static void changed_during_run(void)
{
    run r;
    int i;
    write_file("changed.lua",
               "model { id = \"ch\", title = \"ch\", basis = \"points\", currency = \"SEK\", lang = \"en\" }\n"
               "criterion \"Q\" { weight = \"1/2\", max = 10, declared = true }\n"
               "price \"Pris\" { weight = \"1/2\", max = 10, formula = method { name = \"sneaky\", kind = \"price_points\",\n"
               "  fn = function(p, c) weighted_sum.fn = function(b) return b.points * 2 end\n"
               "    return c.max * c.lowest / p end } }\n");
    write_file("bids.csv", "bid;bidder;Pris;Q\nA;A AB;100;4\nB;B AB;200;10\n");
    run_case(&r, "changed.lua");
    CHECK(r.st == ANBUD_OK, "changed: %s", r.msg);
    for (i = 0; r.st == ANBUD_OK && i < r.ev.nbids; i++) {
        mpq_t twice;
        mpq_init(twice);
        mpq_add(twice, r.ev.bids[i].points, r.ev.bids[i].points);
        CHECK(mpq_equal(r.ev.bids[i].total_exact, twice), "changed: bid %s's total is not the changed method's",
              r.in.bids[i].id);
        mpq_clear(twice);
    }
    run_free(&r);
}

int main(void)
{
    int c;
    snprintf(dir, sizeof dir, "/tmp/anbud-shortcuts-XXXXXX");
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 2; }
    for (c = 0; c < 120; c++) one_case(c);
    changed_during_run();
    {
        char cmd[128];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        if (system(cmd) != 0) fprintf(stderr, "test_shortcuts: cannot remove %s\n", dir);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
