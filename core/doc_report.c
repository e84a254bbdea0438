/*
** doc_report.c: the individual report (individuell rapport, LOU 12 kap.
** 14-16 §§) as far as the evaluation knows its content: the authority,
** the object, the reference number and the contract value (when the model
** declares them), every bidder accepted or rejected with the reason, the
** abnormally low bids rejected and why, the winner of each lot and why,
** the order of award across lots, the evaluators who stood aside (jäv),
** what needs attention, and the fingerprints. What the evaluation cannot
** know (the procedure, subcontracting) the report names as the
** authority's to add.
*/
#include <stdlib.h>
#include <string.h>
#include "doc.h"

static const char *bid_id(const evaluation *ev, int i)
{
    return ev->in->bids[ev->bids[i].input].id;
}

static void row2(html *h, word_id label, const char *value)
{
    html_raw(h, "<tr><td>");
    html_word(h, label);
    html_raw(h, "</td><td>");
    html_text(h, value);
    html_raw(h, "</td></tr>\n");
}

static void object(html *h, const award *a)
{
    const model *m = a->m;
    const char *s;
    mpq_t v;
    int i;
    html_elem_word(h, "h2", W_DOC_REPORT_OBJECT);
    html_raw(h, "<table class=\"meta\">\n");
    s = doc_authority(m);
    if (s) row2(h, W_DOC_AUTHORITY, s);
    row2(h, W_DOC_PROCUREMENT, m->title);
    s = doc_description(m);
    if (s) row2(h, W_DOC_DESCRIPTION, s);
    s = doc_reference(m);
    if (s) row2(h, W_DOC_REFERENCE, s);
    mpq_init(v);
    if (doc_contract_value(m, v)) {
        html_raw(h, "<tr><td>");
        html_word(h, W_DOC_CONTRACT_VALUE);
        html_raw(h, "</td><td>");
        html_amount(h, v, html_money_places(v), DEC_HALF_UP);
        html_raw(h, "</td></tr>\n");
    }
    mpq_clear(v);
    row2(h, W_DOC_MODEL_ID, m->id);
    html_raw(h, "</table>\n");
    if (!doc_authority(m) || !doc_reference(m)) {
        html_raw(h, "<p class=\"small\">");
        html_word(h, W_DOC_REPORT_UNDECLARED);
        html_raw(h, "</p>\n");
    }
    if (m->nlots) {
        html_elem_word(h, "h3", W_DOC_LOTS);
        html_raw(h, "<table>\n<tr>");
        html_elem_word(h, "th", W_DOC_LOT);
        html_elem_word(h, "th", W_DOC_DESCRIPTION);
        html_elem_word(h, "th class=\"n\"", W_DOC_LOT_VALUE);
        html_raw(h, "</tr>\n");
        for (i = 0; i < m->nlots; i++) {
            html_raw(h, "<tr>");
            html_elem(h, "td", m->lots[i].id);
            html_elem(h, "td", m->lots[i].text ? m->lots[i].text : "");
            html_raw(h, "<td class=\"n\">");
            if (m->lots[i].has_value) html_amount(h, m->lots[i].value, html_money_places(m->lots[i].value), DEC_HALF_UP);
            html_raw(h, "</td></tr>\n");
        }
        html_raw(h, "</table>\n");
    }
}

/* Every bid of lot l: accepted (ranked) or rejected, with the reason. */
static void bidders(html *h, const award_lot *l)
{
    const evaluation *ev = &l->ev;
    int i;
    html_raw(h, "<table>\n<tr>");
    html_elem_word(h, "th", W_DOC_BID);
    html_elem_word(h, "th", W_DOC_BIDDER);
    html_elem_word(h, "th", W_DOC_OUTCOME);
    html_elem_word(h, "th", W_DOC_REASON);
    html_raw(h, "</tr>\n");
    for (i = 0; i < ev->nbids; i++) {
        const eval_bid *b = &ev->bids[i];
        const char *who = ev->in->bids[b->input].bidder;
        if (b->stage == STAGE_LEFT_OUT) continue;
        html_raw(h, "<tr>");
        html_elem(h, "td", bid_id(ev, i));
        html_elem(h, "td", who ? who : "");
        if (b->stage) {
            html_raw(h, "<td>");
            html_word(h, W_DOC_REJECTED);
            html_raw(h, " (");
            html_word(h, doc_stage_word(b->stage));
            html_raw(h, ")</td>");
            html_elem(h, "td", b->reason);
        } else {
            html_raw(h, "<td>");
            html_wordf(h, W_DOC_ACCEPTED_RANK, b->rank);
            html_raw(h, "</td>");
            html_elem(h, "td", l->passed && l->passed[i] ? l->passed[i] : "");
        }
        html_raw(h, "</tr>\n");
    }
    html_raw(h, "</table>\n");
}

static void abnormally_low(html *h, const award *a)
{
    int i, j, any = 0;
    html_elem_word(h, "h2", W_DOC_REPORT_ABNORMALLY_LOW);
    for (j = 0; j < a->nlots; j++) {
        const award_lot *l = &a->lots[a->order[j]];
        const evaluation *ev = &l->ev;
        for (i = 0; i < ev->nbids; i++) {
            if (ev->bids[i].stage != STAGE_ABNORMALLY_LOW) continue;
            if (!any++) {
                html_raw(h, "<table>\n<tr>");
                if (a->m->nlots) html_elem_word(h, "th", W_DOC_LOT);
                html_elem_word(h, "th", W_DOC_BID);
                html_elem_word(h, "th", W_DOC_BIDDER);
                html_elem_word(h, "th", W_DOC_REASON);
                html_raw(h, "</tr>\n");
            }
            html_raw(h, "<tr>");
            if (a->m->nlots) html_elem(h, "td", l->id);
            html_elem(h, "td", bid_id(ev, i));
            html_elem(h, "td", ev->in->bids[ev->bids[i].input].bidder ? ev->in->bids[ev->bids[i].input].bidder : "");
            html_elem(h, "td", ev->bids[i].reason);
            html_raw(h, "</tr>\n");
        }
    }
    if (any) html_raw(h, "</table>\n");
    else html_elem_word(h, "p", W_DOC_NO_ABNORMALLY_LOW);
}

static void recusals(html *h, const award *a, const doc_options *o)
{
    const anbud_inputs *in = a->in;
    int s, any = 0;
    html_elem_word(h, "h2", W_DOC_REPORT_JAV);
    for (s = 0; s < in->nscores; s++) {
        const input_score *sc = &in->scores[s];
        if (!sc->recused) continue;
        if (!any++) {
            html_raw(h, "<table>\n<tr>");
            html_elem_word(h, "th", W_DOC_EVALUATOR);
            html_elem_word(h, "th", W_DOC_BID);
            html_elem_word(h, "th", W_DOC_CRITERION);
            html_elem_word(h, "th", W_DOC_JUSTIFICATION);
            html_raw(h, "</tr>\n<tr>");
        } else html_raw(h, "<tr>");
        html_raw(h, "<td>");
        doc_evaluator(h, in, sc, o->public_variant);
        html_raw(h, "</td>");
        html_elem(h, "td", in->bids[sc->bid].id);
        html_elem(h, "td", a->m->criteria[sc->criterion].id);
        html_elem(h, "td", sc->justification ? sc->justification : "");
        html_raw(h, "</tr>\n");
    }
    if (any) {
        html_raw(h, "</table>\n<p class=\"small\">");
        html_word(h, W_DOC_JAV_NOTE);
        html_raw(h, "</p>\n");
    } else html_elem_word(h, "p", W_DOC_NO_JAV);
}

static void attention(html *h, const award *a)
{
    int i, j, any = 0;
    for (j = 0; j < a->nlots; j++) {
        const evaluation *ev = &a->lots[a->order[j]].ev;
        for (i = 0; i < ev->nwarnings; i++) {
            if (!any++) {
                html_elem_word(h, "h2", W_DOC_ATTENTION);
                html_raw(h, "<ul>\n");
            }
            html_raw(h, "<li>");
            if (a->m->nlots) {
                html_wordf(h, W_DOC_LOT_PREFIX, a->lots[a->order[j]].id);
                html_raw(h, " ");
            }
            html_text(h, ev->warnings[i]);
            html_raw(h, "</li>\n");
        }
    }
    for (i = 0; i < a->nwarnings; i++) {
        if (!any++) {
            html_elem_word(h, "h2", W_DOC_ATTENTION);
            html_raw(h, "<ul>\n");
        }
        html_elem(h, "li", a->warnings[i]);
    }
    if (any) html_raw(h, "</ul>\n");
}

int doc_write_report(FILE *f, const award *a, const doc_options *o)
{
    html h;
    int i;
    doc_begin(&h, f, a, W_DOC_REPORT_TITLE, NULL, W_DOC_REPORT_INTRO, o);
    object(&h, a);
    if (a->m->nlots) {
        html_elem_word(&h, "h2", W_DOC_AWARD_ORDER);
        html_raw(&h, "<p>");
        html_word(&h, W_DOC_AWARD_ORDER_TEXT);
        if (a->m->cap) {
            html_raw(&h, " ");
            html_wordf(&h, W_DOC_CAP, a->m->cap);
        }
        html_raw(&h, "</p>\n<ol>\n");
        for (i = 0; i < a->nlots; i++) {
            const award_lot *l = &a->lots[a->order[i]];
            html_raw(&h, "<li>");
            html_text_inline(&h, l->id);
            if (l->text) {
                html_raw(&h, ": ");
                html_text_inline(&h, l->text);
            }
            html_raw(&h, "</li>\n");
        }
        html_raw(&h, "</ol>\n");
    }
    for (i = 0; i < a->nlots; i++) {
        const award_lot *l = &a->lots[a->order[i]];
        /* each lot on a page of its own */
        html_raw(&h, a->m->nlots ? "<h2 class=\"page\">" : "<h2>");
        if (a->m->nlots) html_wordf(&h, W_DOC_LOT_HEADING, l->id, l->text ? l->text : "");
        else html_word(&h, W_DOC_REPORT_AWARD);
        html_raw(&h, "</h2>\n");
        doc_award_line(&h, l);
        html_elem_word(&h, "h3", W_DOC_REPORT_BIDDERS);
        bidders(&h, l);
        html_elem_word(&h, "h3", W_DOC_REPORT_WHY);
        doc_ranking_table(&h, l);
        doc_advantages(&h, l);
        doc_lottery(&h, &l->ev, -1);
    }
    html_raw(&h, "<div class=\"page\"></div>\n");
    abnormally_low(&h, a);
    recusals(&h, a, o);
    attention(&h, a);
    doc_standstill(&h, &a->lots[0].ev);
    html_elem_word(&h, "h2", W_DOC_REPORT_OUTSIDE);
    html_elem_word(&h, "p", W_DOC_REPORT_OUTSIDE_TEXT);
    doc_fingerprints(&h, a, o);
    html_end(&h);
    return ferror(f) ? -1 : 0;
}
