/*
** doc_letters.c: a letter to each bidder (underrättelse med återkoppling):
** for each lot its bid is in, who was awarded, where its bid came, its
** figures beside the winner's criterion by criterion (beside the runner-
** up's for the winner), the panel's justifications for its bid, what it
** would have taken to win (the break-even price of evaluation_sensitivity),
** or why the bid was excluded or passed over; then the standstill period
** and the fingerprints.
*/
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "doc.h"
#include "text.h"
#include "xalloc.h"

/* {=========== file names ============ */

#define LETTER_NAME_MAX 80

/* The bid id as a file name: ASCII letters and digits, '-' and '_';
   å ä ö and their kin as the plain letter, anything else '_'. */
static char *safe_name(const char *id)
{
    static const struct { const char *utf8; char plain; } latin[] = {
        { "\xC3\xA5", 'a' }, { "\xC3\xA4", 'a' }, { "\xC3\xA0", 'a' }, { "\xC3\xA1", 'a' }, { "\xC3\xA2", 'a' },
        { "\xC3\xA6", 'a' }, { "\xC3\xB6", 'o' }, { "\xC3\xB8", 'o' }, { "\xC3\xB3", 'o' }, { "\xC3\xB4", 'o' },
        { "\xC3\xA9", 'e' }, { "\xC3\xA8", 'e' }, { "\xC3\xAA", 'e' }, { "\xC3\xAB", 'e' }, { "\xC3\xBC", 'u' },
        { "\xC3\xBA", 'u' }, { "\xC3\xAD", 'i' }, { "\xC3\xB1", 'n' }, { "\xC3\xA7", 'c' },
        { "\xC3\x85", 'A' }, { "\xC3\x84", 'A' }, { "\xC3\x96", 'O' }, { "\xC3\x98", 'O' }, { "\xC3\x89", 'E' },
        { "\xC3\x9C", 'U' }, { "\xC3\x86", 'A' },
    };
    char *out = xalloc_zeroed(LETTER_NAME_MAX + 1, 1);
    const unsigned char *p = (const unsigned char *)(id ? id : "");
    size_t n = 0, i;
    while (*p && n < LETTER_NAME_MAX) {
        char c = '_';
        size_t step = 1;
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '-' ||
            *p == '_')
            c = (char)*p;
        else if (*p >= 0x80) {
            for (i = 0; i < sizeof latin / sizeof *latin; i++)
                if (strncmp((const char *)p, latin[i].utf8, 2) == 0) { c = latin[i].plain; step = 2; break; }
            if (i == sizeof latin / sizeof *latin)   /* one '_' for the whole character */
                while (p[step] >= 0x80 && p[step] < 0xC0) step++;
        }
        out[n++] = c;
        p += step;
    }
    if (n == 0) strcpy(out, "_");
    return out;
}

int doc_letters_list(const award *a, doc_letter **out)
{
    const anbud_inputs *in = a->in;
    doc_letter *l = xalloc_zeroed((size_t)in->nbids + 1, sizeof *l);
    int i, j, n = 0;
    for (i = 0; i < in->nbids; i++) {
        char *base, *name;
        int seen = 0, k;
        size_t len;
        for (j = 0; j < n && !seen; j++) seen = text_name_eq(l[j].bid, in->bids[i].id);
        if (seen) continue;   /* the same bid in another lot */
        base = safe_name(in->bids[i].id);
        len = strlen(base) + 24;
        name = xalloc_zeroed(len, 1);
        snprintf(name, len, "%s.html", base);
        for (k = 2;; k++) {   /* a name another bid took, in any case, gets a number */
            int taken = 0;
            for (j = 0; j < n && !taken; j++) taken = strcasecmp(l[j].file, name) == 0;
            if (!taken) break;
            snprintf(name, len, "%s-%d.html", base, k);
        }
        free(base);
        l[n].bid = in->bids[i].id;
        l[n].file = name;
        n++;
    }
    *out = l;
    return n;
}

void doc_letters_free(doc_letter *l, int n)
{
    int i;
    for (i = 0; i < n; i++) free(l[i].file);
    free(l);
}

/* }================================= */

static const char *bid_id(const evaluation *ev, int i)
{
    return ev->in->bids[ev->bids[i].input].id;
}

/* The bid's figures beside those of other, criterion by criterion. */
static void comparison(html *h, const evaluation *ev, int bi, int other)
{
    int *cols = xalloc_zeroed((size_t)ev->m->ncriteria + 1, sizeof *cols);
    int n = doc_columns(ev->m, cols), j;
    mpq_t a, b, d;
    mpq_inits(a, b, d, NULL);
    html_raw(h, "<table>\n<tr>");
    html_elem_word(h, "th", W_DOC_CRITERION);
    html_raw(h, "<th class=\"n\">");
    html_wordf(h, W_DOC_YOUR_BID, bid_id(ev, bi));
    html_raw(h, "</th><th class=\"n\">");
    html_wordf(h, W_DOC_THEIR_BID, bid_id(ev, other));
    html_raw(h, "</th>");
    html_elem_word(h, "th class=\"n\"", W_DOC_DIFFERENCE);
    html_raw(h, "</tr>\n");
    for (j = 0; j < n; j++) {
        int c = cols[j];
        html_raw(h, "<tr>");
        html_elem(h, "td", doc_column_name(ev->m, c));
        html_raw(h, "<td class=\"n\">");
        doc_column_figure(h, ev, &ev->bids[bi], c);
        html_raw(h, "</td><td class=\"n\">");
        doc_column_figure(h, ev, &ev->bids[other], c);
        doc_column_value(ev, &ev->bids[bi], c, a);
        doc_column_value(ev, &ev->bids[other], c, b);
        mpq_sub(d, a, b);
        html_raw(h, "</td><td class=\"n\">");
        doc_difference(h, ev, c, d);
        html_raw(h, "</td></tr>\n");
    }
    html_raw(h, "<tr class=\"win\">");
    html_elem_word(h, "td", doc_total_word(ev));
    html_raw(h, "<td class=\"n\">");
    doc_total_figure(h, ev, &ev->bids[bi]);
    html_raw(h, "</td><td class=\"n\">");
    doc_total_figure(h, ev, &ev->bids[other]);
    doc_total_value(ev, &ev->bids[bi], a);
    doc_total_value(ev, &ev->bids[other], b);
    mpq_sub(d, a, b);
    html_raw(h, "</td><td class=\"n\">");
    doc_difference(h, ev, -2, d);
    html_raw(h, "</td></tr>\n</table>\n");
    mpq_clears(a, b, d, NULL);
    free(cols);
}

/* The panel's scores and justifications for bid bi, criterion by criterion. */
static void justifications(html *h, const award *a, const evaluation *ev, int bi, const doc_options *o)
{
    const model *m = ev->m;
    int k, any = 0;
    for (k = 0; k < m->ncriteria; k++) {
        int s;
        for (s = ev->score_head[bi * m->ncriteria + k]; s >= 0; s = ev->score_next[s]) {
            const input_score *sc = &ev->in->scores[s];
            const model_criterion *c = &m->criteria[k];
            if (!any++) {
                html_elem_word(h, "h3", W_DOC_JUSTIFICATIONS);
                html_raw(h, "<table>\n<tr>");
                html_elem_word(h, "th", W_DOC_CRITERION);
                html_elem_word(h, "th", W_DOC_EVALUATOR);
                html_elem_word(h, "th", W_DOC_SCORE);
                html_elem_word(h, "th", W_DOC_JUSTIFICATION);
                html_raw(h, "</tr>\n");
            }
            html_raw(h, "<tr>");
            html_elem(h, "td", c->id);
            html_raw(h, "<td>");
            doc_evaluator(h, a->in, sc, o->public_variant);
            html_raw(h, "</td><td>");
            if (sc->recused) html_word(h, W_DOC_RECUSED);
            else if (sc->level >= 0 && c->scale >= 0) html_text_inline(h, m->scales[c->scale].labels[sc->level]);
            else html_num(h, sc->value, -1, DEC_HALF_UP);
            html_raw(h, "</td>");
            html_elem(h, "td", sc->justification ? sc->justification : "");
            html_raw(h, "</tr>\n");
        }
    }
    if (any) html_raw(h, "</table>\n");
}

static void break_even(html *h, const evaluation *ev, int bi)
{
    const eval_bid *b = &ev->bids[bi];
    if (!ev->sensitivity || bi == ev->order[0]) return;
    html_elem_word(h, "h3", W_DOC_TO_WIN);
    html_raw(h, "<p>");
    if (ev->be_status[bi] == 1) {
        char *p = html_money(h, ev->be_price[bi], html_money_places(ev->be_price[bi]), DEC_HALF_UP);
        char *own = html_money(h, b->price, html_money_places(b->price), DEC_HALF_UP);
        html_wordf(h, W_DOC_BREAK_EVEN, p, own);
        free(p);
        free(own);
    } else if (ev->be_status[bi] == 0) html_word(h, W_DOC_BREAK_EVEN_NONE);
    else if (ev->be_status[bi] == -1) html_word(h, W_DOC_BREAK_EVEN_FAILED);
    else html_word(h, W_DOC_BREAK_EVEN_NOT_COMPUTED);
    html_raw(h, "</p>\n");
}

static void lot_letter(html *h, const award *a, const award_lot *l, int bi, int first, const doc_options *o)
{
    const evaluation *ev = &l->ev;
    const eval_bid *b = &ev->bids[bi];
    int k, place = 0;
    doc_lot_start(h, a, l, first);
    for (k = 0; k < l->nawarded; k++)
        if (l->awarded[k] == bi) place = k + 1;
    html_raw(h, "<p class=\"box\">");
    if (b->stage) {
        html_wordf(h, W_DOC_YOUR_EXCLUDED, words_text(h->lang, doc_stage_word(b->stage)));
        html_raw(h, " ");
        html_text(h, b->reason);
    } else if (place && l->places == 1) html_word(h, W_DOC_YOUR_AWARDED);
    else if (place) html_wordf(h, W_DOC_YOUR_AWARDED_PLACE, place);
    else {
        html_wordf(h, W_DOC_YOUR_RANK, b->rank, ev->nranked);
        if (l->passed && l->passed[bi]) {
            html_raw(h, " ");
            html_word(h, W_DOC_YOUR_PASSED_OVER);
            html_raw(h, " ");
            html_text(h, l->passed[bi]);
        }
    }
    html_raw(h, "</p>\n");
    if (!b->stage && ev->nranked > 1) {
        /* beside the winner; the winner's own letter beside the next bid */
        int win = l->nawarded ? l->awarded[0] : ev->order[0], other = win, two[2];
        if (bi == win) other = ev->order[0] == bi ? ev->order[1] : ev->order[0];
        html_elem_word(h, "h3", other == win ? W_DOC_BESIDE_WINNER : W_DOC_BESIDE_NEXT);
        comparison(h, ev, bi, other);
        /* the better ranked first, as in the decision */
        two[0] = ev->bids[other].rank <= b->rank ? other : bi;
        two[1] = two[0] == bi ? other : bi;
        doc_contribution_chart(h, l, two, 2);
        doc_margin_chart(h, l, two, 2);
        break_even(h, ev, bi);
    }
    justifications(h, a, ev, bi, o);
    if (!b->stage) doc_lottery(h, ev, bi);
}

int doc_write_letter(FILE *f, const award *a, const char *bid, const doc_options *o)
{
    html h;
    int i, j, first = 1;
    const char *who = bid;
    char *to;
    size_t len;
    for (i = 0; i < a->in->nbids; i++)
        if (text_name_eq(a->in->bids[i].id, bid) && a->in->bids[i].bidder) { who = a->in->bids[i].bidder; break; }
    len = strlen(who) + strlen(bid) + 8;
    to = xalloc_zeroed(len, 1);
    snprintf(to, len, "%s (%s)", who, bid);
    doc_begin(&h, f, a, W_DOC_LETTER_TITLE, to, W_DOC_LETTER_INTRO, o);
    free(to);
    for (i = 0; i < a->nlots; i++) {
        const award_lot *l = &a->lots[a->order[i]];
        for (j = 0; j < l->ev.nbids; j++)
            if (text_name_eq(bid_id(&l->ev, j), bid)) {
                lot_letter(&h, a, l, j, first, o);
                first = 0;
                break;
            }
    }
    doc_standstill(&h, &a->lots[0].ev);
    doc_fingerprints(&h, a, o);
    html_end(&h);
    return ferror(f) ? -1 : 0;
}
