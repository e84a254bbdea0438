/*
** doc_decision.c: the award decision (tilldelningsbeslut), one document to
** every bidder (LOU 12 kap. 12 §): per lot, in the order of award, who is
** awarded and the reasons: every remaining bid's figure per criterion, its
** total and rank, the winner's advantages, the bids excluded with their
** stage and reason, the lottery when one decided; then the standstill
** period, the SHA-256 of the model and of every input, and the model in
** words as an annex (each lot's view of it with lots).
*/
#include <stdlib.h>
#include <string.h>
#include "doc.h"

static void lot_part(html *h, const award *a, const award_lot *l, int first)
{
    const evaluation *ev = &l->ev;
    doc_lot_start(h, a, l, first);
    html_elem_word(h, "h3", W_DOC_REASONS);
    html_raw(h, "<p>");
    html_word(h, W_DOC_REASONS_TEXT);
    html_raw(h, "</p>\n");
    doc_ranking_table(h, l);
    doc_advantages(h, l);
    doc_contribution_chart(h, l, NULL, 0);
    doc_margin_chart(h, l, NULL, 0);
    doc_excluded_table(h, l);
    doc_lottery(h, ev, -1);
}

int doc_write_decision(FILE *f, const award *a, const doc_options *o)
{
    html h;
    int i;
    doc_begin(&h, f, a, W_DOC_DECISION_TITLE, NULL, W_DOC_DECISION_INTRO, o);
    for (i = 0; i < a->nlots; i++) lot_part(&h, a, &a->lots[a->order[i]], i == 0);
    doc_standstill(&h, &a->lots[0].ev);
    doc_fingerprints(&h, a, o);
    /* the model in words as an annex from a new page: the whole model, or
       each lot's view of it, one after the other */
    for (i = 0; i < a->nlots; i++) {
        const award_lot *l = &a->lots[a->order[i]];
        html_raw(&h, i ? "<h2>" : "<h2 class=\"page\">");
        if (a->m->nlots) html_wordf(&h, W_DOC_ANNEX_MODEL_LOT, l->id);
        else html_word(&h, W_DOC_ANNEX_MODEL);
        html_raw(&h, "</h2>\n");
        doc_model_words(&h, l->m);
    }
    html_end(&h);
    return ferror(f) ? -1 : 0;
}
