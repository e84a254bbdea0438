/*
** doc_common.c: the parts the documents share (doc.h): the model in words,
** the ranking per criterion, the charts, the exclusions, the lottery, the
** standstill and the fingerprints. Every figure is the evaluation's, shown
** at the precision the JSON shows it (json.c: a criterion's contribution
** and a comparison-price model's price at the total's precision); the only
** arithmetic is the difference between two figures as shown, and the
** charts' lengths in whole pixels.
*/
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "doc.h"
#include "rank.h"
#include "text.h"
#include "xalloc.h"

/* {=========== the model's declarations of the procurement ============ */
/* model { authority = ..., reference = ..., contract_value = ...,
   description = ... }: each optional; the documents say what is declared. */

const char *doc_authority(const model *m)
{
    return m->authority;
}

const char *doc_reference(const model *m)
{
    return m->reference;
}

const char *doc_description(const model *m)
{
    return m->description;
}

int doc_contract_value(const model *m, mpq_t out)
{
    if (!m->has_contract_value) return 0;
    mpq_set(out, m->contract_value);
    return 1;
}

/* }================================= */

/* {=========== the figures ============ */

/* Money in a comparison-price model: the price, the added values, the total. */
static int is_money(const evaluation *ev, int c)
{
    const model *m = ev->m;
    if (c == -1) return 1;
    if (c == -2) return m->basis == BASIS_COMPARISON_PRICE;
    return m->basis == BASIS_COMPARISON_PRICE && m->criteria[c].kind == CRIT_ADDED_VALUE &&
           !m->criteria[c].nvalues;
}

/* The decimals column c is shown with (json.c's criteria and num). */
static int places_of(const evaluation *ev, int c)
{
    const model *m = ev->m;
    if (c == -2) return ev->total_places;
    if (c == -1) return m->basis == BASIS_COMPARISON_PRICE ? ev->total_places : -1;
    return m->criteria[c].nvalues ? -1 : ev->total_places;
}

int doc_columns(const model *m, int *cols)
{
    int k, n = 0;
    if (m->basis != BASIS_POINTS && m->price.criterion < 0) cols[n++] = -1;
    for (k = 0; k < m->ncriteria; k++)
        if (m->criteria[k].parent < 0) cols[n++] = k;
    return n;
}

const char *doc_column_name(const model *m, int c)
{
    return c < 0 ? m->price.id : m->criteria[c].id;
}

static const mpq_t *raw_value(const eval_bid *b, int c)
{
    if (c == -2) return (const mpq_t *)&b->total_exact;
    if (c == -1) return (const mpq_t *)&b->price;
    return (const mpq_t *)&b->crit[c].contribution;
}

void doc_column_value(const evaluation *ev, const eval_bid *b, int c, mpq_t out)
{
    int p = places_of(ev, c);
    const mpq_t *x = raw_value(b, c);
    if (p >= 0) dec_round(out, *x, p, ev->total_mode);
    else mpq_set(out, *x);
}

static void figure(html *h, const evaluation *ev, int c, const mpq_t x)
{
    if (is_money(ev, c)) html_amount(h, x, places_of(ev, c), ev->total_mode);
    else html_num(h, x, places_of(ev, c), ev->total_mode);
}

void doc_column_figure(html *h, const evaluation *ev, const eval_bid *b, int c)
{
    figure(h, ev, c, *raw_value(b, c));
    if (c >= 0 && b->crit[c].level >= 0 && ev->m->criteria[c].scale >= 0) {
        html_raw(h, "<br/><span class=\"lvl\">");
        html_text_inline(h, ev->m->scales[ev->m->criteria[c].scale].labels[b->crit[c].level]);
        html_raw(h, "</span>");
    }
}

int doc_column_lower_better(const evaluation *ev, int c)
{
    if (c == -2) return !ev->higher_is_better;
    if (c == -1) return 1;
    return ev->m->criteria[c].kind == CRIT_ADDED_VALUE;
}

void doc_total_figure(html *h, const evaluation *ev, const eval_bid *b)
{
    figure(h, ev, -2, b->total_exact);
    if (b->approx) html_raw(h, " *");
}

void doc_total_value(const evaluation *ev, const eval_bid *b, mpq_t out)
{
    doc_column_value(ev, b, -2, out);
}

word_id doc_total_word(const evaluation *ev)
{
    if (ev->m->basis == BASIS_COMPARISON_PRICE) return W_DOC_COMPARISON_PRICE;
    return W_DOC_TOTAL;
}

void doc_difference(html *h, const evaluation *ev, int c, const mpq_t d)
{
    char *s = is_money(ev, c) ? html_money(h, d, places_of(ev, c), ev->total_mode)
                              : html_number(h, d, places_of(ev, c), ev->total_mode);
    if (mpq_sgn(d) > 0) html_raw(h, "+");
    html_text_inline(h, s);
    free(s);
}

/* }================================= */

static const char *bid_id(const evaluation *ev, int i)
{
    return ev->in->bids[ev->bids[i].input].id;
}

static const char *bidder(const evaluation *ev, int i)
{
    const char *s = ev->in->bids[ev->bids[i].input].bidder;
    return s ? s : "";
}

/* The tie-break rule r of m in words. */
static void tiebreak_words(html *h, const model *m, int r)
{
    const model_tiebreak_rule *t = &m->tiebreak[r];
    switch (t->rule) {
    case TIE_EXACT: html_word(h, W_DOC_TIE_EXACT); break;
    case TIE_QUALITY: html_word(h, W_DOC_TIE_QUALITY); break;
    case TIE_PRICE: html_word(h, W_DOC_TIE_PRICE); break;
    case TIE_CRITERION: html_wordf(h, W_DOC_TIE_CRITERION, m->criteria[t->criterion].id); break;
    case TIE_LOTTERY: html_word(h, W_DOC_TIE_LOTTERY); break;
    case TIE_FIELD:
        html_wordf(h, t->descending ? W_DOC_TIE_FIELD_DESC : W_DOC_TIE_FIELD_ASC,
                   t->field >= 0 ? m->fields[t->field].id : (t->field_name ? t->field_name : t->name));
        break;
    }
}

/* The document's heading: its title, then who it is to, the procurement,
   the authority, the reference and the dates. */
static void doc_heading(html *h, const award *a, word_id name, const char *to, const doc_options *o)
{
    const model *m = a->m;
    const char *auth = doc_authority(m), *ref = doc_reference(m);
    const evaluation *ev = &a->lots[0].ev;
    html_elem_word(h, "h1", name);
    html_raw(h, "<table class=\"meta\">\n");
    if (to) {
        html_raw(h, "<tr><td>");
        html_word(h, W_DOC_TO);
        html_raw(h, "</td><td><b>");
        html_text_inline(h, to);
        html_raw(h, "</b></td></tr>\n");
    }
    html_raw(h, "<tr><td>");
    html_word(h, W_DOC_PROCUREMENT);
    html_raw(h, "</td><td>");
    html_text_inline(h, m->title);
    html_raw(h, "</td></tr>\n");
    if (auth) {
        html_raw(h, "<tr><td>");
        html_word(h, W_DOC_AUTHORITY);
        html_raw(h, "</td><td>");
        html_text_inline(h, auth);
        html_raw(h, "</td></tr>\n");
    }
    if (ref) {
        html_raw(h, "<tr><td>");
        html_word(h, W_DOC_REFERENCE);
        html_raw(h, "</td><td>");
        html_text_inline(h, ref);
        html_raw(h, "</td></tr>\n");
    }
    if (ev->has_standstill) {
        html_raw(h, "<tr><td>");
        html_word(h, W_DOC_DECISION_DATE);
        html_raw(h, "</td><td>");
        html_date(h, ev->award_date);
        html_raw(h, "</td></tr>\n");
    }
    html_raw(h, "<tr><td>");
    html_word(h, W_DOC_EVALUATION_DATE);
    html_raw(h, "</td><td>");
    html_date(h, o->date);
    html_raw(h, "</td></tr>\n</table>\n");
}

void doc_begin(html *h, FILE *f, const award *a, word_id title, const char *to, word_id intro,
               const doc_options *o)
{
    html_init(h, f, o->lang, a->m->currency);
    html_begin(h, words_text(h->lang, title));
    doc_heading(h, a, title, to, o);
    html_raw(h, "<p>");
    html_word(h, intro);
    html_raw(h, "</p>\n");
}

void doc_lot_start(html *h, const award *a, const award_lot *l, int first)
{
    if (a->m->nlots) {
        html_raw(h, first ? "<h2>" : "<h2 class=\"page\">");
        html_wordf(h, W_DOC_LOT_HEADING, l->id, l->text ? l->text : "");
        html_raw(h, "</h2>\n");
    } else html_elem_word(h, "h2", W_DOC_DECISION);
    doc_award_line(h, l);
}

void doc_award_line(html *h, const award_lot *l)
{
    const evaluation *ev = &l->ev;
    int i;
    html_raw(h, "<p class=\"box\"><b>");
    if (l->nawarded == 0) {
        if (ev->open_queries) html_word(h, W_DOC_NOT_AWARDED_QUERY);
        else if (l->undecided) html_word(h, W_DOC_NOT_AWARDED_TIE);
        else html_word(h, W_DOC_NOT_AWARDED_NONE);
    } else if (l->places == 1) {
        int w = l->awarded[0];
        html_wordf(h, W_DOC_AWARDED_TO, bidder(ev, w), bid_id(ev, w));
    } else {
        html_word(h, W_DOC_FRAMEWORK_ORDER);
        html_raw(h, "</b></p>\n<ol>\n");
        for (i = 0; i < l->nawarded; i++) {
            html_raw(h, "<li>");
            html_text_inline(h, bidder(ev, l->awarded[i]));
            html_raw(h, " (");
            html_text_inline(h, bid_id(ev, l->awarded[i]));
            html_raw(h, ")</li>\n");
        }
        html_raw(h, "</ol>\n");
        if (l->undecided) {
            html_raw(h, "<p>");
            html_word(h, W_DOC_FRAMEWORK_UNDECIDED);
            html_raw(h, "</p>\n");
        }
        return;
    }
    html_raw(h, "</b></p>\n");
}

void doc_ranking_table(html *h, const award_lot *l)
{
    const evaluation *ev = &l->ev;
    const model *m = ev->m;
    int *cols = xalloc_zeroed((size_t)m->ncriteria + 1, sizeof *cols);
    int n = doc_columns(m, cols), i, j, tied = 0;
    if (ev->nranked == 0) {
        html_elem_word(h, "p", W_DOC_NO_BID_REMAINS);
        free(cols);
        return;
    }
    for (i = 0; i < ev->nranked; i++) tied |= ev->bids[ev->order[i]].decided_by >= 0;
    /* a column per criterion: smaller type where they are many */
    html_raw(h, n + tied > 4 ? "<table class=\"wide\" style=\"font-size: 7pt\">\n<tr>"
              : n + tied > 2 ? "<table class=\"wide\" style=\"font-size: 8pt\">\n<tr>" : "<table>\n<tr>");
    html_elem_word(h, "th class=\"n\"", W_DOC_RANK);
    html_elem_word(h, "th", W_DOC_BID);
    html_elem_word(h, "th", W_DOC_BIDDER);
    for (j = 0; j < n; j++) html_elem(h, "th class=\"n\"", doc_column_name(m, cols[j]));
    html_elem_word(h, "th class=\"n\"", doc_total_word(ev));
    if (tied) html_elem_word(h, "th", W_DOC_DECIDED_BY);
    html_raw(h, "</tr>\n");
    for (i = 0; i < ev->nranked; i++) {
        int bi = ev->order[i], k, won = 0;
        const eval_bid *b = &ev->bids[bi];
        for (k = 0; k < l->nawarded; k++) won |= l->awarded[k] == bi;
        html_raw(h, won ? "<tr class=\"win\">" : "<tr>");
        fprintf(h->f, "<td class=\"n\">%d</td>", b->rank);
        html_elem(h, "td", bid_id(ev, bi));
        html_elem(h, "td", bidder(ev, bi));
        for (j = 0; j < n; j++) {
            html_raw(h, "<td class=\"n\">");
            doc_column_figure(h, ev, b, cols[j]);
            html_raw(h, "</td>");
        }
        html_raw(h, "<td class=\"n\">");
        doc_total_figure(h, ev, b);
        html_raw(h, "</td>");
        if (tied) {
            html_raw(h, "<td>");
            if (b->decided_by >= 0) tiebreak_words(h, m, b->decided_by);
            html_raw(h, "</td>");
        }
        html_raw(h, "</tr>\n");
    }
    html_raw(h, "</table>\n<p class=\"small\">");
    html_word(h, ev->higher_is_better ? W_DOC_HIGHEST_WINS
                 : m->basis == BASIS_COMPARISON_PRICE ? W_DOC_LOWEST_PRICE_WINS : W_DOC_LOWEST_WINS);
    for (i = 0; i < ev->nranked; i++)
        if (ev->bids[ev->order[i]].approx) {
            html_raw(h, " ");
            html_word(h, W_DOC_APPROXIMATE_NOTE);
            break;
        }
    html_raw(h, "</p>\n");
    free(cols);
}

/* At most len bytes of s, cut at a character: a label in a chart. */
static char *label(const char *s, size_t len)
{
    char *t;
    size_t n = strlen(s ? s : "");
    if (n <= len) return xalloc_strdup(s ? s : "");
    n = text_utf8_whole(s, len);
    t = xalloc_zeroed(n + 4, 1);
    memcpy(t, s, n);
    memcpy(t + n, "\xE2\x80\xA6", 3);   /* … */
    return t;
}

#define CHART_WIDTH 640
#define CHART_LABEL 130
#define CHART_BARS  330
#define CHART_ROW   24

static void chart_legend(html *h, const model *m, const int *cols, int n, int negative)
{
    int j;
    html_raw(h, "<p class=\"legend small\">");
    for (j = 0; j < n; j++) html_legend(h, j, 0, doc_column_name(m, cols[j]));
    if (negative) {
        html_raw(h, " ");
        html_legend(h, -1, 1, words_text(h->lang, W_DOC_CHART_DEDUCTED));
    }
    html_raw(h, "</p>\n");
}

/* The bid the documents measure against: the first awarded, else the first ranked. */
static int winner(const award_lot *l)
{
    return l->nawarded ? l->awarded[0] : l->ev.order[0];
}

void doc_contribution_chart(html *h, const award_lot *l, const int *bids, int n)
{
    const evaluation *ev = &l->ev;
    const model *m = ev->m;
    int *cols = xalloc_zeroed((size_t)m->ncriteria + 1, sizeof *cols);
    int nc = doc_columns(m, cols), i, j, negative = 0;
    mpq_t v, pos, max, cum;
    const int *list = n ? bids : ev->order;
    int cut = !n && ev->nranked > DOC_CHART_MAX;
    if (!n) n = cut ? DOC_CHART_MAX : ev->nranked;
    if (n == 0 || nc == 0) { free(cols); return; }
    mpq_inits(v, pos, max, cum, NULL);
    /* the longest bar: the largest sum of positive figures */
    for (i = 0; i < n; i++) {
        mpq_set_ui(pos, 0, 1);
        for (j = 0; j < nc; j++) {
            doc_column_value(ev, &ev->bids[list[i]], cols[j], v);
            if (mpq_sgn(v) > 0) mpq_add(pos, pos, v);
            else if (mpq_sgn(v) < 0) negative = 1;
        }
        if (mpq_cmp(pos, max) > 0) mpq_set(max, pos);
    }
    if (mpq_sgn(max) > 0) {
        html_elem_word(h, "h3", W_DOC_CHART_CONTRIBUTIONS);
        html_svg_begin(h, CHART_WIDTH, (long)n * CHART_ROW + 8, words_text(h->lang, W_DOC_CHART_CONTRIBUTIONS));
        for (i = 0; i < n; i++) {
            const eval_bid *b = &ev->bids[list[i]];
            long y = 4 + (long)i * CHART_ROW, x0 = CHART_LABEL, end;
            char *lab = label(bid_id(ev, list[i]), 24);
            html_svg_text(h, CHART_LABEL - 6, y + 14, "end", list[i] == winner(l), lab);
            free(lab);
            mpq_set_ui(cum, 0, 1);
            for (j = 0; j < nc; j++) {   /* the positive figures, left to right */
                long from, to;
                doc_column_value(ev, b, cols[j], v);
                if (mpq_sgn(v) <= 0) continue;
                from = html_scale(cum, max, CHART_BARS);
                mpq_add(cum, cum, v);
                to = html_scale(cum, max, CHART_BARS);
                html_svg_bar(h, x0 + from, y, to - from, 16, j, 0);
            }
            end = html_scale(cum, max, CHART_BARS);
            for (j = 0; j < nc; j++) {   /* what is taken off, from the end back */
                long from, to;
                doc_column_value(ev, b, cols[j], v);
                if (mpq_sgn(v) >= 0) continue;
                to = html_scale(cum, max, CHART_BARS);
                mpq_add(cum, cum, v);
                from = mpq_sgn(cum) > 0 ? html_scale(cum, max, CHART_BARS) : 0;
                html_svg_bar(h, x0 + from, y, to - from, 16, j, 1);
            }
            {
                char *t = is_money(ev, -2) ? html_money(h, b->total_exact, ev->total_places, ev->total_mode)
                                           : html_number(h, b->total_exact, ev->total_places, ev->total_mode);
                html_svg_text(h, x0 + end + 6, y + 13, "start", 0, t);
                free(t);
            }
        }
        html_svg_end(h);
        chart_legend(h, m, cols, nc, negative);
        if (cut) {
            html_raw(h, "<p class=\"small\">");
            html_wordf(h, W_DOC_CHART_FIRST, DOC_CHART_MAX, ev->nranked);
            html_raw(h, "</p>\n");
        }
    }
    mpq_clears(v, pos, max, cum, NULL);
    free(cols);
}

void doc_margin_chart(html *h, const award_lot *l, const int *bids, int n)
{
    const evaluation *ev = &l->ev;
    const int *list = n ? bids : ev->order;
    int i, win, cut = !n && ev->nranked > DOC_CHART_MAX;
    mpq_t v, w, d, max;
    if (!n) n = cut ? DOC_CHART_MAX : ev->nranked;
    if (n < 2 || ev->nranked == 0) return;
    win = winner(l);
    mpq_inits(v, w, d, max, NULL);
    for (i = 0; i < n; i++) {
        doc_total_value(ev, &ev->bids[list[i]], v);
        mpq_abs(v, v);
        if (mpq_cmp(v, max) > 0) mpq_set(max, v);
    }
    if (mpq_sgn(max) > 0) {
        html_elem_word(h, "h3", W_DOC_CHART_MARGIN);
        html_svg_begin(h, CHART_WIDTH, (long)n * CHART_ROW + 8, words_text(h->lang, W_DOC_CHART_MARGIN));
        doc_total_value(ev, &ev->bids[win], w);
        for (i = 0; i < n; i++) {
            long y = 4 + (long)i * CHART_ROW, len;
            int best = list[i] == win;
            char *lab = label(bid_id(ev, list[i]), 24), *t, *dt, *line;
            size_t sz;
            doc_total_value(ev, &ev->bids[list[i]], v);
            len = html_scale(v, max, CHART_BARS);
            html_svg_text(h, CHART_LABEL - 6, y + 14, "end", best, lab);
            html_svg_bar(h, CHART_LABEL, y, len, 16, best ? 0 : -1, 0);
            t = is_money(ev, -2) ? html_money(h, v, ev->total_places, ev->total_mode)
                                 : html_number(h, v, ev->total_places, ev->total_mode);
            mpq_sub(d, v, w);
            dt = is_money(ev, -2) ? html_money(h, d, ev->total_places, ev->total_mode)
                                  : html_number(h, d, ev->total_places, ev->total_mode);
            sz = strlen(t) + strlen(dt) + 8;
            line = xalloc_zeroed(sz, 1);
            if (best) snprintf(line, sz, "%s", t);
            else snprintf(line, sz, "%s (%s%s)", t, mpq_sgn(d) > 0 ? "+" : "", dt);
            html_svg_text(h, CHART_LABEL + len + 6, y + 13, "start", best, line);
            free(line);
            free(t);
            free(dt);
            free(lab);
        }
        html_svg_end(h);
        html_raw(h, "<p class=\"small\">");
        html_word(h, W_DOC_CHART_MARGIN_NOTE);
        if (cut) {
            html_raw(h, " ");
            html_wordf(h, W_DOC_CHART_FIRST, DOC_CHART_MAX, ev->nranked);
        }
        html_raw(h, "</p>\n");
    }
    mpq_clears(v, w, d, max, NULL);
}

/* The columns where bid a's figure is better than bid b's, with the
   margins, as a list "Pris 61 320 kr; Samvaro 40 000 kr". */
static void better_list(html *h, const evaluation *ev, const int *cols, int n, int a, int b)
{
    int j, any = 0;
    mpq_t va, vb, d;
    mpq_inits(va, vb, d, NULL);
    for (j = 0; j < n; j++) {
        int c = cols[j], cmp;
        doc_column_value(ev, &ev->bids[a], c, va);
        doc_column_value(ev, &ev->bids[b], c, vb);
        cmp = mpq_cmp(va, vb);
        if (cmp == 0 || (cmp < 0) != doc_column_lower_better(ev, c)) continue;
        mpq_sub(d, va, vb);
        mpq_abs(d, d);
        if (any++) html_raw(h, "; ");
        html_text_inline(h, doc_column_name(ev->m, c));
        html_raw(h, " ");
        {
            char *s = is_money(ev, c) ? html_money(h, d, places_of(ev, c), ev->total_mode)
                                      : html_number(h, d, places_of(ev, c), ev->total_mode);
            html_text_inline(h, s);
            free(s);
        }
    }
    if (!any) html_raw(h, "\xE2\x80\x93");   /* – */
    mpq_clears(va, vb, d, NULL);
}

void doc_advantages(html *h, const award_lot *l)
{
    const evaluation *ev = &l->ev;
    int *cols, n, i, win;
    mpq_t a, b, d;
    if (l->nawarded == 0 || ev->nranked < 2) return;
    win = l->awarded[0];
    cols = xalloc_zeroed((size_t)ev->m->ncriteria + 1, sizeof *cols);
    n = doc_columns(ev->m, cols);
    mpq_inits(a, b, d, NULL);
    html_elem_word(h, "h3", W_DOC_ADVANTAGES);
    html_raw(h, "<p>");
    html_wordf(h, W_DOC_ADVANTAGES_INTRO, bid_id(ev, win));
    html_raw(h, "</p>\n<table>\n<tr>");
    html_elem_word(h, "th", W_DOC_COMPARED_WITH);
    html_raw(h, "<th>");
    html_wordf(h, W_DOC_BETTER_ON, bid_id(ev, win));
    html_raw(h, "</th><th>");
    html_word(h, W_DOC_OTHER_BETTER_ON);
    html_raw(h, "</th>");
    html_elem_word(h, "th class=\"n\"", W_DOC_DIFFERENCE_TOTAL);
    html_raw(h, "</tr>\n");
    for (i = 0; i < ev->nranked; i++) {
        int o = ev->order[i];
        if (o == win) continue;
        html_raw(h, "<tr><td>");
        html_text_inline(h, bid_id(ev, o));
        html_raw(h, "</td><td>");
        better_list(h, ev, cols, n, win, o);
        html_raw(h, "</td><td>");
        better_list(h, ev, cols, n, o, win);
        html_raw(h, "</td><td class=\"n\">");
        doc_total_value(ev, &ev->bids[o], b);
        doc_total_value(ev, &ev->bids[win], a);
        mpq_sub(d, b, a);
        doc_difference(h, ev, -2, d);
        html_raw(h, "</td></tr>\n");
    }
    html_raw(h, "</table>\n");
    mpq_clears(a, b, d, NULL);
    free(cols);
}

word_id doc_stage_word(eval_stage s)
{
    switch (s) {
    case STAGE_REQUIREMENT: return W_DOC_STAGE_REQUIREMENT;
    case STAGE_THRESHOLD: return W_DOC_STAGE_THRESHOLD;
    case STAGE_ABNORMALLY_LOW: return W_DOC_STAGE_ABNORMALLY_LOW;
    default: return W_DOC_STAGE_OTHER;
    }
}

void doc_excluded_table(html *h, const award_lot *l)
{
    const evaluation *ev = &l->ev;
    int i, any = 0;
    for (i = 0; i < ev->nbids; i++) {
        const eval_bid *b = &ev->bids[i];
        if (!b->stage || b->stage == STAGE_LEFT_OUT) continue;
        if (!any++) {
            html_elem_word(h, "h3", W_DOC_EXCLUDED);
            html_raw(h, "<table>\n<tr>");
            html_elem_word(h, "th", W_DOC_BID);
            html_elem_word(h, "th", W_DOC_BIDDER);
            html_elem_word(h, "th", W_DOC_STAGE);
            html_elem_word(h, "th", W_DOC_REASON);
            html_raw(h, "</tr>\n");
        }
        html_raw(h, "<tr>");
        html_elem(h, "td", bid_id(ev, i));
        html_elem(h, "td", bidder(ev, i));
        html_elem_word(h, "td", doc_stage_word(b->stage));
        html_elem(h, "td", b->reason);
        html_raw(h, "</tr>\n");
    }
    if (any) html_raw(h, "</table>\n");
    for (any = 0, i = 0; i < ev->nbids; i++) {
        if (!l->passed || !l->passed[i]) continue;
        if (!any++) {
            html_elem_word(h, "h3", W_DOC_PASSED_OVER);
            html_raw(h, "<table>\n<tr>");
            html_elem_word(h, "th", W_DOC_BID);
            html_elem_word(h, "th", W_DOC_BIDDER);
            html_elem_word(h, "th", W_DOC_REASON);
            html_raw(h, "</tr>\n");
        }
        html_raw(h, "<tr>");
        html_elem(h, "td", bid_id(ev, i));
        html_elem(h, "td", bidder(ev, i));
        html_elem(h, "td", l->passed[i]);
        html_raw(h, "</tr>\n");
    }
    if (any) html_raw(h, "</table>\n");
}

void doc_lottery(html *h, const evaluation *ev, int only)
{
    int i;
    mpq_t mine, t;
    if (!ev->lottery_used) return;
    html_elem_word(h, "h3", W_DOC_LOTTERY);
    html_raw(h, "<p>");
    html_word(h, W_DOC_LOTTERY_TEXT);
    html_raw(h, "</p>\n<p>");
    html_word(h, W_DOC_LOTTERY_SEED);
    html_raw(h, " <span class=\"hash\">");
    html_text_inline(h, ev->seed);
    html_raw(h, "</span> (");
    html_word(h, ev->seed_given ? W_DOC_SEED_GIVEN : W_DOC_SEED_DERIVED);
    html_raw(h, ")</p>\n<table>\n<tr>");
    html_elem_word(h, "th", W_DOC_BID);
    html_elem_word(h, "th", W_DOC_LOTTERY_KEY);
    html_raw(h, "</tr>\n");
    mpq_inits(mine, t, NULL);
    if (only >= 0) doc_total_value(ev, &ev->bids[only], mine);
    for (i = 0; i < ev->nranked; i++) {
        char key[65];
        if (only >= 0) {
            doc_total_value(ev, &ev->bids[ev->order[i]], t);
            if (mpq_cmp(t, mine) != 0) continue;
        }
        rank_lottery_key(ev->seed, bid_id(ev, ev->order[i]), key);
        html_raw(h, "<tr>");
        html_elem(h, "td", bid_id(ev, ev->order[i]));
        html_elem(h, "td class=\"hash\"", key);
        html_raw(h, "</tr>\n");
    }
    html_raw(h, "</table>\n");
    mpq_clears(mine, t, NULL);
}

/* {=========== the model in words ============ */

static void method_words(html *h, const model *m, int ref)
{
    char buf[2000];
    model_method_text(m, ref, "words", h->lang, buf, sizeof buf);
    if (buf[0]) html_text_inline(h, buf);
    else html_word(h, W_DOC_LUA_FUNCTION);
}

static void exact_num(html *h, const mpq_t x)
{
    html_num(h, x, -1, DEC_HALF_UP);
}

static void criterion_row(html *h, const model *m, int k, int depth)
{
    const model_criterion *c = &m->criteria[k];
    int j;
    static const word_id kinds[] = { W_DOC_KIND_QUALITY, W_DOC_KIND_PRICE, W_DOC_KIND_ADDED_VALUE, W_DOC_KIND_GROUP };
    static const word_id panels[] = { W_DOC_PANEL_MEAN, W_DOC_PANEL_MEDIAN, W_DOC_PANEL_CONSENSUS };
    fprintf(h->f, "<tr><td style=\"padding-left: %dpt\">", 4 + 12 * depth);
    html_text_inline(h, c->id);
    if (c->text) {
        html_raw(h, "<br/><span class=\"small\">");
        html_text(h, c->text);
        html_raw(h, "</span>");
    }
    html_raw(h, "</td><td>");
    html_word(h, c->kind == CRIT_ADDED_VALUE && c->surcharge ? W_DOC_KIND_SURCHARGE : kinds[c->kind]);
    html_raw(h, "</td><td class=\"n\">");
    if (c->has_weight) exact_num(h, c->weight);
    html_raw(h, "</td><td class=\"n\">");
    if (c->has_max && c->kind != CRIT_GROUP) exact_num(h, c->max);
    html_raw(h, "</td><td>");
    if (c->method_name && c->method_ref != LUA_NOREF) {
        method_words(h, m, c->method_ref);
        html_raw(h, "<br/>");
    }
    if (c->scale >= 0) {
        html_wordf(h, W_DOC_SCALE_NAMED, m->scales[c->scale].id);
        html_raw(h, "; ");
    }
    if (c->kind == CRIT_QUALITY || c->kind == CRIT_ADDED_VALUE)
        html_word(h, c->declared ? W_DOC_PANEL_DECLARED : c->field >= 0 && c->scale < 0 ? W_DOC_PANEL_FIELD
                                                                                       : panels[c->panel]);
    if (c->rescale) {
        html_raw(h, "; ");
        html_word(h, W_DOC_RESCALE);
    }
    if (c->has_min) {
        html_raw(h, "<br/>");
        html_word(h, W_DOC_THRESHOLD);
        html_raw(h, " ");
        exact_num(h, c->min);
    }
    html_raw(h, "</td></tr>\n");
    for (j = k + 1; j < m->ncriteria; j++)
        if (m->criteria[j].parent == k) criterion_row(h, m, j, depth + 1);
}

void doc_model_words(html *h, const model *m)
{
    int i, any;
    html_raw(h, "<p>");
    html_word(h, m->basis == BASIS_COMPARISON_PRICE ? W_DOC_BASIS_COMPARISON_PRICE
                 : m->basis == BASIS_RATIO ? W_DOC_BASIS_RATIO : W_DOC_BASIS_POINTS);
    html_raw(h, " ");
    html_word(h, !m->lower_wins ? W_DOC_HIGHEST_WINS
                 : m->basis == BASIS_COMPARISON_PRICE ? W_DOC_LOWEST_PRICE_WINS : W_DOC_LOWEST_WINS);
    html_raw(h, "</p>\n<p>");
    html_word(h, W_DOC_TOTAL_FORMED);
    html_raw(h, " ");
    method_words(h, m, m->total_ref);
    html_raw(h, ".</p>\n");
    if (m->price.declared) {
        html_raw(h, "<p>");
        html_wordf(h, W_DOC_PRICE_FORMED, m->price.id);
        html_raw(h, " ");
        method_words(h, m, m->price.method_ref);
        html_raw(h, ".</p>\n");
        if (m->price.nlines) {
            html_raw(h, "<table>\n<tr>");
            html_elem_word(h, "th", W_DOC_PRICE_LINE);
            html_elem_word(h, "th", W_DOC_DESCRIPTION);
            html_elem_word(h, "th class=\"n\"", W_DOC_QUANTITY);
            html_raw(h, "</tr>\n");
            for (i = 0; i < m->price.nlines; i++) {
                html_raw(h, "<tr>");
                html_elem(h, "td", m->price.lines[i].id);
                html_elem(h, "td", m->price.lines[i].text ? m->price.lines[i].text : "");
                html_raw(h, "<td class=\"n\">");
                exact_num(h, m->price.lines[i].quantity);
                html_raw(h, "</td></tr>\n");
            }
            html_raw(h, "</table>\n");
        }
    }
    if (m->ncriteria) {
        html_raw(h, "<table>\n<tr>");
        html_elem_word(h, "th", W_DOC_CRITERION);
        html_elem_word(h, "th", W_DOC_KIND);
        html_elem_word(h, "th class=\"n\"", W_DOC_WEIGHT);
        html_elem_word(h, "th class=\"n\"", W_DOC_MAX);
        html_elem_word(h, "th", W_DOC_HOW_ASSESSED);
        html_raw(h, "</tr>\n");
        for (i = 0; i < m->ncriteria; i++)
            if (m->criteria[i].parent < 0) criterion_row(h, m, i, 0);
        html_raw(h, "</table>\n");
    }
    for (i = 0; i < m->nscales; i++) {
        const model_scale *s = &m->scales[i];
        int l;
        html_raw(h, "<p>");
        html_wordf(h, W_DOC_SCALE_HEADING, s->id);
        html_raw(h, "</p>\n<table>\n<tr>");
        html_elem_word(h, "th class=\"n\"", W_DOC_VALUE);
        html_elem_word(h, "th", W_DOC_LEVEL);
        html_elem_word(h, "th", W_DOC_DESCRIPTION);
        html_raw(h, "</tr>\n");
        for (l = 0; l < s->nlevels; l++) {
            html_raw(h, "<tr><td class=\"n\">");
            exact_num(h, s->values[l]);
            html_raw(h, "</td>");
            html_elem(h, "td", s->labels[l]);
            html_elem(h, "td", s->texts && s->texts[l] ? s->texts[l] : "");
            html_raw(h, "</tr>\n");
        }
        html_raw(h, "</table>\n");
    }
    if (m->nreqs) {
        html_raw(h, "<p>");
        html_word(h, W_DOC_REQUIREMENTS);
        html_raw(h, "</p>\n<ul>\n");
        for (i = 0; i < m->nreqs; i++) {
            html_raw(h, "<li>");
            html_text_inline(h, m->reqs[i].id);
            if (m->reqs[i].text) {
                html_raw(h, ": ");
                html_text_inline(h, m->reqs[i].text);
            }
            if (m->reqs[i].supplier) {
                html_raw(h, " (");
                html_word(h, W_DOC_REQ_SUPPLIER);
                html_raw(h, ")");
            }
            html_raw(h, "</li>\n");
        }
        html_raw(h, "</ul>\n");
    }
    if (m->has_overall_min) {
        html_raw(h, "<p>");
        html_word(h, W_DOC_OVERALL_MIN);
        html_raw(h, " ");
        exact_num(h, m->overall_min);
        if (m->overall_min_percent) {
            html_raw(h, " ");
            html_word(h, W_DOC_OF_HIGHEST_POSSIBLE);
        }
        html_raw(h, ".</p>\n");
    }
    {
        static const word_id steps[] = { W_DOC_ROUND_PANEL, W_DOC_ROUND_SCORE, W_DOC_ROUND_PRICE, W_DOC_ROUND_MONEY,
                                          W_DOC_ROUND_TOTAL };
        static const word_id modes[] = { W_DOC_MODE_HALF_UP, W_DOC_MODE_HALF_EVEN, W_DOC_MODE_TRUNCATE };
        const int places[] = { m->rounding.panel, m->rounding.score, m->rounding.price, m->rounding.money,
                               m->rounding.total };
        const dec_mode md[] = { m->rounding.panel_mode, m->rounding.score_mode, m->rounding.price_mode,
                                m->rounding.money_mode, m->rounding.total_mode };
        html_raw(h, "<p>");
        html_word(h, W_DOC_ROUNDING);
        for (any = 0, i = 0; i < 5; i++) {
            if (places[i] < 0) continue;
            html_raw(h, any++ ? "; " : " ");
            html_word(h, steps[i]);
            html_raw(h, " ");
            html_wordf(h, W_DOC_DECIMALS, places[i]);
            html_raw(h, " (");
            html_word(h, modes[md[i]]);
            html_raw(h, ")");
        }
        if (!any) {
            html_raw(h, " ");
            html_word(h, W_DOC_ROUNDING_NONE);
        }
        html_raw(h, ".</p>\n<p>");
    }
    html_word(h, W_DOC_TIEBREAK);
    if (m->ntiebreak == 0) {
        html_raw(h, " ");
        html_word(h, W_DOC_TIEBREAK_NONE);
    }
    for (i = 0; i < m->ntiebreak; i++) {
        fprintf(h->f, "%s%d. ", i ? "; " : " ", i + 1);
        tiebreak_words(h, m, i);
    }
    html_raw(h, ".</p>\n");
}

/* }================================= */

void doc_standstill(html *h, const evaluation *ev)
{
    html_elem_word(h, "h2", W_DOC_STANDSTILL);
    html_raw(h, "<p>");
    if (ev->has_standstill) {
        html_wordf(h, W_DOC_STANDSTILL_ENDS, ev->standstill_end);
        html_raw(h, " ");
        html_wordf(h, ev->notice_electronic ? W_DOC_STANDSTILL_ELECTRONIC : W_DOC_STANDSTILL_LETTER,
                   ev->standstill_days, ev->award_date);
        if (ev->standstill_moved) {
            html_raw(h, " ");
            html_word(h, W_DOC_STANDSTILL_MOVED);
        }
    } else html_word(h, W_DOC_STANDSTILL_RULE);
    html_raw(h, "</p>\n");
}

void doc_fingerprints(html *h, const award *a, const doc_options *o)
{
    int i;
    html_elem_word(h, "h2", W_DOC_FINGERPRINTS);
    html_elem_word(h, "p", W_DOC_FINGERPRINTS_TEXT);
    html_raw(h, "<table>\n<tr>");
    html_elem_word(h, "th", W_DOC_FILE);
    html_elem_word(h, "th", W_DOC_SHA256);
    html_raw(h, "</tr>\n<tr><td>");
    html_word(h, W_DOC_MODEL);
    html_raw(h, " ");
    html_text_inline(h, a->m->name);
    html_raw(h, "</td>");
    html_elem(h, "td class=\"hash\"", a->m->sha256);
    html_raw(h, "</tr>\n");
    for (i = 0; i < a->in->nfiles; i++) {
        html_raw(h, "<tr>");
        html_elem(h, "td", a->in->files[i].name);
        html_elem(h, "td class=\"hash\"", a->in->files[i].sha256);
        html_raw(h, "</tr>\n");
    }
    html_raw(h, "</table>\n<p class=\"small\">");
    html_wordf(h, W_DOC_WRITTEN_BY, o->version, o->date);
    html_raw(h, "</p>\n");
}

void doc_evaluator(html *h, const anbud_inputs *all, const input_score *sc, int public_variant)
{
    int j, e = 0, found = 0;
    if (sc->consensus) { html_word(h, W_DOC_CONSENSUS); return; }
    if (!public_variant) { html_text_inline(h, sc->evaluator); return; }
    /* numbered in order of first appearance in every input, as the workbook does */
    for (j = 0; j < all->nscores && !found; j++) {
        const input_score *o = &all->scores[j];
        int k, first = 1;
        if (o->consensus || !o->evaluator) continue;
        if (sc->evaluator && strcmp(o->evaluator, sc->evaluator) == 0) { found = 1; break; }
        for (k = 0; k < j && first; k++)
            if (!all->scores[k].consensus && all->scores[k].evaluator &&
                strcmp(all->scores[k].evaluator, o->evaluator) == 0) first = 0;
        e += first;
    }
    html_wordf(h, W_DOC_EVALUATOR_N, e + 1);
}
