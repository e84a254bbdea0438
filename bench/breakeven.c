/*
** bench/breakeven.c: the break-even part of the sensitivity analysis alone,
** timed in one process: the evaluation once, then each runner-up's
** break-even price (the first SENSITIVITY_MAX_RUNNERS_UP, as the workbook
** has them) found by the bisection and by the program's own way (the closed
** form where it holds), back to back, with the answers compared.
**
**   make build/bench_breakeven
**   build/bench_breakeven MODEL.lua BIDS.csv [SCORES.csv ...]
**
** Prints the seconds of each, their ratio and "same" (or the first bid
** whose answers differ, exit 1).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "evaluate.h"
#include "evaluate_stages.h"
#include "input.h"
#include "model.h"

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* All runners-up one way: the seconds, the answers into st and price. */
static double run(evaluation *ev, int how, int n, int *st, mpq_t *price)
{
    double t0 = cpu_now();
    int x;
    for (x = 0; x < n; x++)
        st[x] = evaluation_break_even_by(ev, ev->order[x + 1], price[x], how);
    return cpu_now() - t0;
}

int main(int argc, char **argv)
{
    model m;
    anbud_inputs in;
    anbud_error err;
    evaluation ev;
    anbud_status s;
    int n, x, *sb, *sa, bad = 0;
    mpq_t *pb, *pa;
    double tb, ta;
    if (argc < 3) {
        fprintf(stderr, "usage: %s MODEL.lua BIDS.csv [SCORES.csv ...]\n", argv[0]);
        return 2;
    }
    memset(&in, 0, sizeof in);
    if (model_load(&m, argv[1], &err) || input_read(&in, &m, argv + 2, argc - 2, &err)) {
        fprintf(stderr, "breakeven: %s:%ld: %s\n", err.file, err.line, err.msg);
        return 2;
    }
    s = evaluation_run(&ev, &m, &in, NULL, 0, NULL, &err);
    if (s != ANBUD_OK && s != ANBUD_ATTENTION) {
        fprintf(stderr, "breakeven: %s:%ld: %s\n", err.file, err.line, err.msg);
        return 2;
    }
    n = ev.nranked - 1;
    if (n > SENSITIVITY_MAX_RUNNERS_UP) n = SENSITIVITY_MAX_RUNNERS_UP;
    if (n < 0) n = 0;
    sb = calloc((size_t)n + 1, sizeof *sb);
    sa = calloc((size_t)n + 1, sizeof *sa);
    pb = calloc((size_t)n + 1, sizeof *pb);
    pa = calloc((size_t)n + 1, sizeof *pa);
    if (!sb || !sa || !pb || !pa) { fputs("breakeven: out of memory\n", stderr); return 2; }
    for (x = 0; x < n; x++) mpq_inits(pb[x], pa[x], NULL);
    tb = run(&ev, BREAK_EVEN_BISECT, n, sb, pb);
    ta = run(&ev, BREAK_EVEN_AUTO, n, sa, pa);
    for (x = 0; x < n && !bad; x++)
        if (sb[x] != sa[x] || (sb[x] == 1 && !mpq_equal(pb[x], pa[x]))) {
            fprintf(stderr, "breakeven: bid %s: bisection %d, program %d\n",
                    in.bids[ev.order[x + 1]].id, sb[x], sa[x]);
            bad = 1;
        }
    printf("%d bids, %d runners-up: bisection %.3f s, program %.3f s, ratio %.1f, %s\n",
           ev.nbids, n, tb, ta, ta > 0 ? tb / ta : 0.0, bad ? "DIFFERENT" : "same");
    for (x = 0; x < n; x++) mpq_clears(pb[x], pa[x], NULL);
    free(sb); free(sa); free(pb); free(pa);
    evaluation_free(&ev);
    input_free(&in);
    model_free(&m);
    return bad;
}
