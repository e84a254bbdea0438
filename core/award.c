/* SPDX-License-Identifier: MIT */
/*
** award.c: each lot's evaluation, and the allocation across lots in the
** declared order with the cap on lots per supplier (award.h).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include "award.h"
#include "text.h"
#include "xalloc.h"
#include "seed.h"
#include "words.h"

/* Add a warning about the allocation: the text of id (words.h) in a->lang. */
static void warn(award *a, word_id id, ...)
{
    va_list ap;
    char **w = realloc(a->warnings, (size_t)(a->nwarnings + 1) * sizeof *w);
    if (!w) { fputs("anbud: out of memory\n", stderr); exit(2); }
    a->warnings = w;
    va_start(ap, id);
    w[a->nwarnings++] = words_vprintf(a->lang, id, ap);
    va_end(ap);
}

/* "1 lot", "3 lots" in a->lang, into buf. */
static const char *n_lots(const award *a, int n, char *buf, size_t size)
{
    words_snprintf(buf, size, a->lang, n == 1 ? W_EVAL_N_LOTS_ONE : W_EVAL_N_LOTS, n);
    return buf;
}

/* 1 if bids x and y (of any lots) come from the same supplier: the bidder as
   written, case ignored; a consortium is a supplier of its own. */
static int same_supplier(const input_bid *x, const input_bid *y)
{
    return text_name_eq(x->bidder, y->bidder);
}

/* The lots already awarded to the supplier of b, as "\"1\", \"3\"". */
static int supplier_lots(const award *a, const award_lot *upto, const input_bid *b,
                         char *list, size_t size)
{
    int i, j, n = 0;
    size_t len = 0;
    list[0] = '\0';
    for (i = 0; i < a->nlots; i++) {
        const award_lot *l = &a->lots[a->order[i]];
        if (l == upto) break;
        for (j = 0; j < l->nawarded; j++)
            if (same_supplier(&l->in->bids[l->ev.bids[l->awarded[j]].input], b)) {
                if (len + strlen(l->id) + 8 < size)
                    len += (size_t)snprintf(list + len, size - len, "%s\"%s\"", n ? ", " : "", l->id);
                n++;
                break;
            }
    }
    return n;
}

/* Allocate lot l: the best ranked bids, up to its places, passing over a
   supplier at the cap. A tie that the chain left unresolved across the last
   place stops it; so does blocked, an earlier lot left unallocated when
   there is a cap (who is at it depends on that lot). */
static void allocate(award *a, award_lot *l, const award_lot *blocked)
{
    const evaluation *ev = &l->ev;
    int i, want = l->places ? l->places : ev->nranked;
    char list[600], cap[80];
    l->awarded = xalloc_zeroed((size_t)ev->nranked + 1, sizeof(int));
    l->passed = xalloc_zeroed((size_t)ev->nbids + 1, sizeof(char *));
    if (blocked) {
        l->undecided = 1;
        warn(a, W_EVAL_LOT_BLOCKED, l->id, blocked->id, n_lots(a, a->m->cap, cap, sizeof cap));
        return;
    }
    if (ev->open_queries) {
        /* a rejection would re-run the lot without the bid */
        l->undecided = 1;
        if (ev->open_queries == 1) warn(a, W_EVAL_LOT_OPEN_QUERY_ONE, l->id);
        else warn(a, W_EVAL_LOT_OPEN_QUERIES, l->id, ev->open_queries);
        return;
    }
    for (i = 0; i < ev->nranked && l->nawarded < want; i++) {
        int b = ev->order[i], j;
        const input_bid *ib = &l->in->bids[ev->bids[b].input];
        if (a->m->cap > 0) {
            int n = supplier_lots(a, l, ib, list, sizeof list);
            if (n >= a->m->cap) {
                l->passed[b] = words_printf(a->lang, n == 1 ? W_EVAL_PASSED_CAP_ONE : W_EVAL_PASSED_CAP,
                                            ib->bidder, list, n_lots(a, a->m->cap, cap, sizeof cap));
                continue;
            }
        }
        /* the last place: a bid of equal rank after it that would also be eligible */
        if (l->nawarded + 1 == want)
            for (j = i + 1; j < ev->nranked && ev->bids[ev->order[j]].rank == ev->bids[b].rank; j++) {
                const input_bid *jb = &l->in->bids[ev->bids[ev->order[j]].input];
                if (a->m->cap > 0 && supplier_lots(a, l, jb, list, sizeof list) >= a->m->cap) continue;
                l->undecided = 1;
                warn(a, W_EVAL_LOT_TIE_LAST_PLACE, l->id, ib->id, jb->id, ev->bids[b].rank);
                return;
            }
        l->awarded[l->nawarded++] = b;
    }
    if (ev->nbids == 0)
        warn(a, W_EVAL_LOT_NO_BIDS, l->id);
    else if (ev->nranked == 0)
        warn(a, W_EVAL_LOT_NONE_LEFT, l->id);
    else if (l->nawarded == 0)
        warn(a, W_EVAL_LOT_ALL_AT_CAP, l->id, n_lots(a, a->m->cap, cap, sizeof cap));
    else if (l->places > 1 && l->nawarded < l->places)
        warn(a, l->nawarded == 1 ? W_EVAL_LOT_FRAMEWORK_SHORT_ONE : W_EVAL_LOT_FRAMEWORK_SHORT,
             l->id, l->places, l->nawarded);
}

anbud_status award_run(award *a, const model *m, const anbud_inputs *in, const char *seed,
                       const char *lang, anbud_error *err)
{
    int i, n = m->nlots ? m->nlots : 1;
    anbud_status worst = ANBUD_OK;
    const award_lot *blocked = NULL;   /* the first lot left unallocated */
    char derived[65];
    /* one seed from the figures of every lot; each lot adds its name */
    if (!seed) seed_derive(m, in, derived);
    memset(a, 0, sizeof *a);
    a->m = m;
    a->in = in;
    a->lang = lang && strcmp(lang, "en") == 0 ? "en" : lang && strcmp(lang, "sv") == 0 ? "sv"
            : m->lang && strcmp(m->lang, "en") == 0 ? "en" : "sv";
    a->lots = xalloc_zeroed((size_t)n, sizeof *a->lots);
    a->order = xalloc_zeroed((size_t)n, sizeof(int));
    a->nlots = n;
    for (i = 0; i < n; i++) a->lots[i].lot = -1;   /* nothing of its own to free yet */
    for (i = 0; i < n; i++) {
        award_lot *l = &a->lots[i];
        anbud_status st;
        a->order[i] = m->nlots ? m->award_order[i] : 0;
        if (m->nlots == 0) {
            l->lot = -1;
            l->id = "1";
            l->text = m->title;
            l->m = m;
            l->in = in;
            l->places = m->framework;
        } else {
            l->lot = i;
            l->id = m->lots[i].id;
            l->text = m->lots[i].text;
            l->places = m->lots[i].framework;
            st = model_load_lot(&l->view, m->path, i, err);
            if (st) return st;
            l->m = &l->view;
            st = input_select_lot(&l->own_in, in, m, &l->view, i, err);
            if (st) return st;
            l->in = &l->own_in;
        }
        st = evaluation_run(&l->ev, l->m, l->in, seed ? seed : derived, seed != NULL, a->lang, err);
        if (st != ANBUD_OK && st != ANBUD_ATTENTION) {
            if (m->nlots) {
                char msg[sizeof err->msg];
                snprintf(msg, sizeof msg, "lot \"%s\": %s", l->id, err->msg);
                snprintf(err->msg, sizeof err->msg, "%s", msg);
            }
            return st;
        }
        if (st > worst) worst = st;
    }
    for (i = 0; i < n; i++) {
        award_lot *l = &a->lots[a->order[i]];
        allocate(a, l, blocked);
        if (l->undecided) worst = ANBUD_ATTENTION;
        if (l->undecided && m->cap > 0 && !blocked) blocked = l;
    }
    return worst;
}

void award_free(award *a)
{
    int i, j;
    if (!a || !a->lots) return;
    for (i = 0; i < a->nlots; i++) {
        award_lot *l = &a->lots[i];
        if (l->passed) for (j = 0; j < l->ev.nbids; j++) free(l->passed[j]);
        free(l->passed);
        free(l->awarded);
        evaluation_free(&l->ev);
        if (l->lot >= 0) {
            input_free(&l->own_in);
            model_free(&l->view);
        }
    }
    for (i = 0; i < a->nwarnings; i++) free(a->warnings[i]);
    free(a->warnings);
    free(a->lots);
    free(a->order);
    memset(a, 0, sizeof *a);
}
