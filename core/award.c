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

static void warn(award *a, char *s)
{
    char **w = realloc(a->warnings, (size_t)(a->nwarnings + 1) * sizeof *w);
    if (!w) { fputs("anbud: out of memory\n", stderr); exit(2); }
    a->warnings = w;
    w[a->nwarnings++] = s;
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
    char list[600];
    l->awarded = xalloc_zeroed((size_t)ev->nranked + 1, sizeof(int));
    l->passed = xalloc_zeroed((size_t)ev->nbids + 1, sizeof(char *));
    if (blocked) {
        l->undecided = 1;
        warn(a, xalloc_printf("Lot \"%s\" is not allocated until lot \"%s\" is: with a cap of %d lot%s per "
                              "supplier, its allocation depends on who is awarded that lot.", l->id, blocked->id,
                              a->m->cap, a->m->cap == 1 ? "" : "s"));
        return;
    }
    if (ev->open_queries) {
        /* a rejection would re-run the lot without the bid */
        l->undecided = 1;
        warn(a, xalloc_printf("Lot \"%s\" is not allocated: %d abnormally low price%s await%s an explanation "
                        "(accepted or rejected decides the ranking).", l->id, ev->open_queries,
                        ev->open_queries == 1 ? "" : "s", ev->open_queries == 1 ? "s" : ""));
        return;
    }
    for (i = 0; i < ev->nranked && l->nawarded < want; i++) {
        int b = ev->order[i], j;
        const input_bid *ib = &l->in->bids[ev->bids[b].input];
        if (a->m->cap > 0) {
            int n = supplier_lots(a, l, ib, list, sizeof list);
            if (n >= a->m->cap) {
                l->passed[b] = xalloc_printf("%s has already been awarded %s %s; the model allows %d lot%s per supplier",
                                       ib->bidder, n == 1 ? "lot" : "lots", list, a->m->cap,
                                       a->m->cap == 1 ? "" : "s");
                continue;
            }
        }
        /* the last place: a bid of equal rank after it that would also be eligible */
        if (l->nawarded + 1 == want)
            for (j = i + 1; j < ev->nranked && ev->bids[ev->order[j]].rank == ev->bids[b].rank; j++) {
                const input_bid *jb = &l->in->bids[ev->bids[ev->order[j]].input];
                if (a->m->cap > 0 && supplier_lots(a, l, jb, list, sizeof list) >= a->m->cap) continue;
                l->undecided = 1;
                warn(a, xalloc_printf("Lot \"%s\": bids %s and %s are tied at rank %d and the tie-break chain did not "
                                "separate them, so the lot cannot be allocated; the procurer decides the tie as the "
                                "procurement documents say (a lottery as the last resort, RÅ 2009:60).", l->id, ib->id, jb->id,
                                ev->bids[b].rank));
                return;
            }
        l->awarded[l->nawarded++] = b;
    }
    if (ev->nbids == 0)
        warn(a, xalloc_printf("Lot \"%s\" received no bids; it is not awarded.", l->id));
    else if (ev->nranked == 0)
        warn(a, xalloc_printf("Lot \"%s\": no bid remains after qualification; the lot is not awarded.", l->id));
    else if (l->nawarded == 0)
        warn(a, xalloc_printf("Lot \"%s\": every remaining bid is from a supplier at the cap of %d lot%s; the lot is not awarded.",
                        l->id, a->m->cap, a->m->cap == 1 ? "" : "s"));
    else if (l->places > 1 && l->nawarded < l->places)
        warn(a, xalloc_printf("Lot \"%s\": the framework agreement is for %d suppliers, but only %d remain%s.",
                        l->id, l->places, l->nawarded, l->nawarded == 1 ? "s" : ""));
}

anbud_status award_run(award *a, const model *m, const anbud_inputs *in, const char *seed,
                       anbud_error *err)
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
        st = evaluation_run(&l->ev, l->m, l->in, seed ? seed : derived, seed != NULL, err);
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
