/*
** book_sensitivity.c: the Sensitivity sheet (Känslighet): each bid's
** contributions and gap to the winner, break-even prices of the
** runners-up, the weight changes that change the winner, rank reversal, the
** two charts (contributions stacked, totals), and a debrief per bidder.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"

/* The printed page (book_calc.c): A4 landscape, 0.7 inch margins, in
   points; a row is 15 points, a column of n characters 7n + 5. */
#define PAGE_W 741.0
#define PAGE_H 487.0
#define ROW_H 15.0

/* The bids this sheet shows one by one (contributions, the charts, the
   debriefs): the first SENS_BIDS in rank order, the ones a reader looks
   at, and all of them when there are at most a quarter more (cutting 21
   to 25 bids down to 20 would save little and send the reader elsewhere
   for a handful). A table, a chart bar and a debrief for each of 10 000
   bids made the sheet millions of cells and a chart of tens of megabytes
   that nobody reads; every bid's figures are on the Calculation sheet, and
   each bidder's in its own letter. The analysis itself (break-even prices,
   weights, the probe) is the same for any number of bids. */
#define SENS_BIDS 20

static int sens_shown(int nranked)
{
    return nranked <= SENS_BIDS + SENS_BIDS / 4 ? nranked : SENS_BIDS;
}

/* A count as the reader writes it: "12 000" in Swedish (a no-break space
   between thousands), "12,000" in English. */
static void count_text(const wbw *w, int n, char *buf, size_t size)
{
    char d[24];
    size_t len, i, o = 0;
    const char *sep = w->sv ? "\xc2\xa0" : ",";
    snprintf(d, sizeof d, "%d", n);
    len = strlen(d);
    for (i = 0; i < len && o + 3 < size; i++) {
        if (i && (len - i) % 3 == 0) o += (size_t)snprintf(buf + o, size - o, "%s", sep);
        buf[o++] = d[i];
    }
    buf[o] = '\0';
}

/* Where the rows fall on printed pages, so that a block (a chart, a
   bidder's debrief) is not cut: the page breaks set before such blocks. */
typedef struct pager {
    double per_page;        /* rows a page holds at the print scale */
    double used;            /* rows on the current page */
    int last;               /* the last row counted */
    lxw_row_t brk[LXW_BREAKS_MAX + 1];
    int nbrk;
} pager;

/* Count the rows up to row (not included), then start a new page at row if
   a block of n rows would not fit on this one. */
static void pager_block(pager *p, int row, double n)
{
    p->used += row - p->last;
    p->last = row;
    while (p->used >= p->per_page) p->used -= p->per_page;
    if (p->used > 0 && p->used + n > p->per_page && p->nbrk < LXW_BREAKS_MAX) {
        p->brk[p->nbrk++] = (lxw_row_t)row;
        p->used = 0;
    }
}

/* A percentage (a weight) at the decimals x needs, at most two past the percent. */
static lxw_format *percent_format(wbw *w, const mpq_t x)
{
    char nf[40];
    int p = book_decimals(x, 4) - 2;
    lxw_format *f = workbook_add_format(w->wb);
    if (p < 0) p = 0;
    snprintf(nf, sizeof nf, "0%s%.*s%%", p ? "." : "", p, "00");
    format_set_num_format(f, nf);
    return f;
}

/* Contributions per bid as a stacked bar chart, and a debrief row per
   bidder: its gap to the winner and where the gap came from. */
void book_write_sensitivity(wbw *w)
{
    const evaluation *ev = w->ev;
    const model *m = w->m;
    lxw_worksheet *ws = w->sens;
    sbuf *f = &w->f;
    int i, k, row = 3, ncol = 0, tc = w->c_total_r >= 0 ? w->c_total_r : w->c_total;
    int ncols, head_lines = 1, second, nshown = sens_shown(ev->nranked);
    double *width, total_w = 0, scale = 1, wd;
    lxw_format **cf, *tf, *money2, *pp, *price_f;
    pager pg;
    memset(&pg, 0, sizeof pg);
    book_text(w, ws, 0, 0, book_word(w, W_BOOK_SENS_TITLE), w->title);
    book_text(w, ws, 1, 0, book_word(w, W_BOOK_SENS_INTRO), NULL);
    if (ev->nranked == 0) { worksheet_protect(ws, NULL, NULL); return; }
    for (k = 0; k < m->ncriteria; k++) if (m->criteria[k].parent < 0) ncol++;
    ncols = ncol + 3 > 5 ? ncol + 3 : 5;
    width = calloc((size_t)ncols + 1, sizeof *width);
    cf = calloc((size_t)m->ncriteria + 1, sizeof *cf);
    if (!width || !cf) { free(width); free(cf); book_note(w, LXW_ERROR_MEMORY_MALLOC_FAILED); return; }

    /* formats and widths: each criterion's contribution as on the
       Calculation sheet (kr or points), the totals likewise, break-even
       prices in kr to the öre, weights in percent and their changes in
       percentage points */
    for (i = 0; i < ncols; i++) width[i] = 12;
    width[0] = 16;
    /* the first column holds the ids of the bids shown and of the break-even
       table's runners-up (the first in rank order) and of the bids the probe
       left out: not every bid's, which a long id far down
       a large tender would widen for nothing */
    for (i = 0; i < ev->nranked && (i < nshown || i <= SENSITIVITY_MAX_RUNNERS_UP); i++) {
        double n = (double)strlen(w->in->bids[ev->bids[ev->order[i]].input].id) + 1.5;
        if (n > width[0]) width[0] = n;
    }
    for (i = 0; ev->probed && i < ev->nflips; i++) {
        double n = (double)strlen(w->in->bids[ev->bids[ev->flips[i].left_out].input].id) + 1.5;
        if (n > width[0]) width[0] = n;
    }
    for (k = 0, i = 1; k < m->ncriteria; k++) {
        double n;
        if (m->criteria[k].parent >= 0) continue;
        cf[k] = book_calc_format(w, w->c_contrib[k], &wd);
        n = (double)strlen(m->criteria[k].id) * 1.05 + 1;   /* in the debrief's first column */
        if (n > width[0]) width[0] = n > 30 ? 30 : n;
        if (wd > width[i]) width[i] = wd;
        if (book_heading_lines(m->criteria[k].id, width[i] / 1.1) > head_lines)
            head_lines = book_heading_lines(m->criteria[k].id, width[i] / 1.1);
        i++;
    }
    tf = book_calc_format(w, tc, &wd);
    if (wd > width[1 + ncol]) width[1 + ncol] = wd;
    if (wd > width[2 + ncol]) width[2 + ncol] = wd;
    for (i = 1; i <= 3; i++) if (wd > width[i]) width[i] = wd;   /* the debrief's figures */
    price_f = book_calc_format(w, w->c_price, &wd);
    money2 = book_format(w, BOOK_MONEY, 2);
    for (i = 1; i <= 3; i++) if (wd + 3 > width[i]) width[i] = wd + 3;   /* break-even prices, to the öre */
    pp = workbook_add_format(w->wb);
    format_set_num_format(pp, "+#,##0.00;-#,##0.00");
    for (i = 0; i < ncols; i++) {
        worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, width[i], NULL);
        total_w += 7 * width[i] + 5;
    }
    /* A4 landscape, one page wide: the scale LibreOffice and Excel take */
    if (total_w > PAGE_W) scale = PAGE_W / total_w;
    book_print_setup(ws, 1, -1, -1, 0, 0);
    if (scale < 0.7) {   /* too many criteria for one page width: pages of columns */
        worksheet_set_print_scale(ws, 70);
        scale = 0.7;
    }
    pg.per_page = PAGE_H / (ROW_H * scale) - 1;

    const int trow = row;
    if (head_lines > 1) book_set_row(w, ws, row, ROW_H * head_lines, NULL);
    book_text(w, ws, row, 0, book_word(w, W_BOOK_BID), w->head);
    for (k = 0, i = 0; k < m->ncriteria; k++) {
        if (m->criteria[k].parent >= 0) continue;
        book_text(w, ws, row, 1 + i++, m->criteria[k].id, w->head);
    }
    book_text(w, ws, row, 1 + ncol, ev->higher_is_better ? book_word(w, W_BOOK_TOTAL) : book_word(w, W_BOOK_COMPARISON_PRICE), w->head);
    book_text(w, ws, row, 2 + ncol, book_word(w, W_BOOK_GAP_TO_THE_WINNER), w->head);
    for (i = 0; i < nshown; i++) {
        int bi = ev->order[i], r = row + 1 + i, cr = w->calc_row[bi], c = 0;
        const eval_bid *b = &ev->bids[bi];
        mpq_t gap;
        mpq_init(gap);
        book_text(w, ws, r, 0, w->in->bids[b->input].id, NULL);
        for (k = 0; k < m->ncriteria; k++) {
            if (m->criteria[k].parent >= 0) continue;
            book_sb_clear(f);
            book_sb_add(f, "=");
            book_sb_ref(f, w->q_calc, cr, w->c_contrib[k], 0);
            book_note(w, book_formula_num(w, ws, (lxw_row_t)r, (lxw_col_t)(1 + c++), f->s, cf[k],
                                                dec_to_double(b->crit[k].contribution)));
            w->nformulas++;
        }
        book_sb_clear(f);
        book_sb_add(f, "=");
        book_sb_ref(f, w->q_calc, cr, tc, 0);
        book_note(w, book_formula_num(w, ws, (lxw_row_t)r, (lxw_col_t)(1 + ncol), f->s, tf, dec_to_double(b->total)));
        book_sb_clear(f);
        book_sb_add(f, "=ABS(");
        book_sb_ref(f, NULL, r, 1 + ncol, 0);
        book_sb_add(f, "-");
        book_sb_ref(f, NULL, row + 1, 1 + ncol, 1);
        book_sb_add(f, ")");
        mpq_sub(gap, b->total, ev->bids[ev->order[0]].total);
        mpq_abs(gap, gap);
        book_note(w, book_formula_num(w, ws, (lxw_row_t)r, (lxw_col_t)(2 + ncol), f->s, tf, dec_to_double(gap)));
        w->nformulas += 2;
        mpq_clear(gap);
    }
    row += nshown + 1;
    if (nshown < ev->nranked) {
        /* where the others are: the sheet's name as a reader sees it */
        char line[600], a[32], b[32];
        count_text(w, nshown, a, sizeof a);
        count_text(w, ev->nranked, b, sizeof b);
        words_snprintf(line, sizeof line, w->lang, W_BOOK_SENS_SHOWN, a, b, w->calc_name);
        book_text(w, ws, row++, 0, line, NULL);
    }
    row++;
    if (ev->sensitivity) {
        int nbe = ev->nranked - 1 < SENSITIVITY_MAX_RUNNERS_UP ? ev->nranked - 1 : SENSITIVITY_MAX_RUNNERS_UP;
        if (nbe > 0) {
            pager_block(&pg, row, 2 + nbe);
            book_set_row(w, ws, row, ROW_H * 2, NULL);
            book_text(w, ws, row, 0, book_word(w, W_BOOK_RUNNER_UP), w->head);
            book_text(w, ws, row, 1, book_word(w, W_BOOK_EVALUATED_PRICE), w->head);
            book_text(w, ws, row, 2, book_word(w, W_BOOK_WOULD_HAVE_WON_AT), w->head);
            book_text(w, ws, row, 3, book_word(w, W_BOOK_CHANGE), w->head);
            book_text(w, ws, row++, 4, book_word(w, W_BOOK_BREAK_EVEN_NOTE), NULL);
        }
        for (i = 1; i < ev->nranked && i <= SENSITIVITY_MAX_RUNNERS_UP; i++) {
            int bi = ev->order[i];
            const eval_bid *b = &ev->bids[bi];
            book_text(w, ws, row, 0, w->in->bids[b->input].id, NULL);
            book_number(w, ws, row, 1, b->price, price_f);
            if (ev->be_status[bi] == 1) {
                book_number(w, ws, row, 2, ev->be_price[bi], money2);
                book_sb_clear(f);
                book_sb_add(f, "=");
                book_sb_ref(f, NULL, row, 2, 0);
                book_sb_add(f, "-");
                book_sb_ref(f, NULL, row, 1, 0);
                {
                    mpq_t d;
                    mpq_init(d);
                    mpq_sub(d, ev->be_price[bi], b->price);
                    book_note(w, book_formula_num(w, ws, (lxw_row_t)row, 3, f->s, money2, dec_to_double(d)));
                    w->nformulas++;
                    mpq_clear(d);
                }
            } else {
                book_text(w, ws, row, 2, ev->be_status[bi] == 0
                          ? book_word(w, W_BOOK_CANNOT_WIN_ON_PRICE_ALONE)
                          : book_word(w, W_BOOK_NOT_COMPUTED), NULL);
            }
            row++;
        }
        if (ev->nranked > SENSITIVITY_MAX_RUNNERS_UP + 1)
            book_text(w, ws, row++, 0, book_word(w, W_BOOK_FIRST_10_RUNNERS_UP), NULL);
        row++;
        {
            int nw = 0;
            for (k = 0; k < m->ncriteria; k++) nw += m->criteria[k].parent < 0 && m->criteria[k].has_weight;
            if (nw > 0) {
                int lines = book_heading_lines(book_word(w, W_BOOK_WEIGHT_FLIP), width[2] / 1.1);
                /* the last heading is long: it runs on over the empty cells to its right */
                lxw_format *run = workbook_add_format(w->wb);
                format_set_bold(run);
                format_set_bg_color(run, 0xD9E1F2);
                pager_block(&pg, row, lines + nw);
                book_set_row(w, ws, row, ROW_H * lines, NULL);
                book_text(w, ws, row, 0, book_word(w, W_BOOK_CRITERION), w->head);
                book_text(w, ws, row, 1, book_word(w, W_BOOK_WEIGHT), w->head);
                book_text(w, ws, row, 2, book_word(w, W_BOOK_WEIGHT_FLIP), w->head);
                book_text(w, ws, row, 3, book_word(w, W_BOOK_NEW_WEIGHT), w->head);
                book_text(w, ws, row++, 4, book_word(w, W_BOOK_WEIGHT_FLIP_BID), run);
            }
        }
        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            mpq_t nw;
            if (c->parent >= 0 || !c->has_weight) continue;
            book_text(w, ws, row, 0, c->id, NULL);
            book_number(w, ws, row, 1, c->weight, percent_format(w, c->weight));
            if (ev->flip_found[k]) {
                mpq_t pts;
                mpq_inits(nw, pts, NULL);
                mpq_add(nw, c->weight, ev->flip_delta[k]);
                /* the change in percentage points: the weights are shares of 1 */
                mpq_set_ui(pts, 100, 1);
                mpq_mul(pts, pts, ev->flip_delta[k]);
                book_number(w, ws, row, 2, pts, pp);
                book_number(w, ws, row, 3, nw, percent_format(w, nw));
                book_text(w, ws, row, 4, w->in->bids[ev->bids[ev->flip_bid[k]].input].id, NULL);
                mpq_clears(nw, pts, NULL);
            } else book_text(w, ws, row, 2, book_word(w, W_BOOK_WEIGHT_NO_FLIP), NULL);
            row++;
        }
        row++;
    }
    /* rank reversal: leave each bid out in turn */
    pager_block(&pg, row, 3 + (ev->probed ? ev->nflips : 0));
    book_text(w, ws, row++, 0, book_word(w, W_BOOK_REVERSAL_TITLE), w->bold);
    if (!ev->probed) {
        book_text(w, ws, row++, 0, book_word(w, W_BOOK_REVERSAL_NOT_PROBED), NULL);
    } else if (ev->nflips == 0) {
        book_text(w, ws, row++, 0, book_word(w, W_BOOK_REVERSAL_NONE), NULL);
    } else {
        book_text(w, ws, row, 0, book_word(w, W_BOOK_LEFT_OUT), w->head);
        book_text(w, ws, row, 1, book_word(w, W_BOOK_WAS_ABOVE), w->head);
        book_text(w, ws, row++, 2, book_word(w, W_BOOK_FALLS_BELOW), w->head);
        for (i = 0; i < ev->nflips; i++) {
            book_text(w, ws, row, 0, w->in->bids[ev->bids[ev->flips[i].left_out].input].id, NULL);
            book_text(w, ws, row, 1, w->in->bids[ev->bids[ev->flips[i].a].input].id, NULL);
            book_text(w, ws, row++, 2, w->in->bids[ev->bids[ev->flips[i].b].input].id, NULL);
        }
    }
    row++;
    /* the second chart starts in the first column past the first (480
       pixels, 360 points), or under it when the columns are too few */
    {
        double x = 0;
        for (second = 0; second < ncols && x < 362; second++) x += 7 * width[second] + 5;
    }
    {
        /* the two charts side by side, 480 × 288 pixels each (216 points:
           15 rows of 15 points), on one page: a page break before them if
           needed */
        lxw_chart *chart;
        int c = 0;
        pager_block(&pg, row, second < ncols ? 16 : 32);
        /* a chart without a series is an error to libxlsxwriter: with no
           criterion to stack, or no bid ranked, there is nothing to draw */
        chart = ncol && ev->nranked ? workbook_add_chart(w->wb, LXW_CHART_BAR_STACKED) : NULL;
        for (c = 0, k = 0; chart && k < m->ncriteria; k++) {
            lxw_chart_series *s;
            if (m->criteria[k].parent >= 0) continue;
            s = chart_add_series(chart, NULL, NULL);
            chart_series_set_categories(s, w->sens_name, (lxw_row_t)trow + 1, 0,
                                        (lxw_row_t)(trow + nshown), 0);
            s->categories->has_string_cache = 1;   /* the ids are text, also where they cannot be read (streamed) */
            chart_series_set_values(s, w->sens_name, (lxw_row_t)trow + 1, (lxw_col_t)(1 + c),
                                    (lxw_row_t)(trow + nshown), (lxw_col_t)(1 + c));
            chart_series_set_name_range(s, w->sens_name, (lxw_row_t)trow, (lxw_col_t)(1 + c));
            c++;
        }
        if (chart) {
            chart_title_set_name(chart, book_word(w, W_BOOK_CONTRIBUTIONS_PER_CRITERION));
            chart_axis_set_reverse(chart->y_axis);   /* the winner at the top, as in the table */
            chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
            /* the bids' names at the left, clear of bars that run below zero */
            chart_axis_set_label_position(chart->y_axis, LXW_CHART_AXIS_LABEL_POSITION_LOW);
            book_note(w, worksheet_insert_chart(ws, (lxw_row_t)row, 0, chart));
        }
    }
    {   /* the totals themselves, best first, beside it */
        lxw_chart *chart = workbook_add_chart(w->wb, LXW_CHART_BAR);
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        const char *sheet = w->sens_name;
        chart_series_set_categories(s, sheet, (lxw_row_t)trow + 1, 0, (lxw_row_t)(trow + nshown), 0);
        s->categories->has_string_cache = 1;
        chart_series_set_values(s, sheet, (lxw_row_t)trow + 1, (lxw_col_t)(1 + ncol),
                                (lxw_row_t)(trow + nshown), (lxw_col_t)(1 + ncol));
        chart_series_set_name_range(s, sheet, (lxw_row_t)trow, (lxw_col_t)(1 + ncol));
        chart_axis_set_reverse(chart->y_axis);   /* the winner at the top */
        chart_axis_set_min(chart->x_axis, 0);     /* bars from zero: no exaggerated gaps */
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        chart_title_set_name(chart, ev->higher_is_better ? book_word(w, W_BOOK_TOTALS) : book_word(w, W_BOOK_COMPARISON_PRICES));
        if (second < ncols) book_note(w, worksheet_insert_chart(ws, (lxw_row_t)row, (lxw_col_t)second, chart));
        else book_note(w, worksheet_insert_chart(ws, (lxw_row_t)row + 16, 0, chart));
        row += second < ncols ? 16 : 32;
    }

    /* a debrief block per bidder: its figures beside the winner's, each
       block on one page */
    {
        int win = ev->order[0], wr = w->calc_row[win];
        pager_block(&pg, row, 4 + ncol);   /* the heading with the first block */
        book_text(w, ws, row++, 0, book_word(w, W_BOOK_DEBRIEF_PER_BIDDER), w->title);
        for (i = 0; i < nshown; i++) {
            int bi = ev->order[i], cr = w->calc_row[bi];
            const eval_bid *b = &ev->bids[bi];
            char line[600], rule[200];
            pager_block(&pg, row, 3 + ncol);
            snprintf(line, sizeof line, "%s (%s): %s %d", w->in->bids[b->input].id, w->in->bids[b->input].bidder,
                     book_word(w, W_BOOK_RANK_LC), b->rank);
            if (b->decided_by >= 0)
                snprintf(line + strlen(line), sizeof line - strlen(line), ", %s %s",
                         book_word(w, W_BOOK_AFTER_TIE_DECIDED_BY), book_tiebreak_text(w, b->decided_by, rule, sizeof rule));
            book_text(w, ws, row++, 0, line, w->bold);
            book_text(w, ws, row, 0, book_word(w, W_BOOK_CRITERION), w->head);
            book_text(w, ws, row, 1, book_word(w, W_BOOK_THIS_BID), w->head);
            book_text(w, ws, row, 2, book_word(w, W_BOOK_THE_WINNER), w->head);
            book_text(w, ws, row++, 3, book_word(w, W_BOOK_DIFFERENCE), w->head);
            for (k = -1; k < m->ncriteria; k++) {
                const mpq_t *mine, *theirs;
                int col;
                lxw_format *ff;
                mpq_t d;
                if (k >= 0 && m->criteria[k].parent >= 0) continue;
                if (k < 0) { col = tc; ff = tf; mine = (const mpq_t *)&b->total; theirs = (const mpq_t *)&ev->bids[win].total; }
                else { col = w->c_contrib[k]; ff = cf[k]; mine = (const mpq_t *)&b->crit[k].contribution; theirs = (const mpq_t *)&ev->bids[win].crit[k].contribution; }
                book_text(w, ws, row, 0, k < 0 ? (ev->higher_is_better ? book_word(w, W_BOOK_TOTAL) : book_word(w, W_BOOK_COMPARISON_PRICE))
                                               : m->criteria[k].id, k < 0 ? w->bold : NULL);
                book_sb_clear(f);
                book_sb_add(f, "=");
                book_sb_ref(f, w->q_calc, cr, col, 0);
                book_note(w, book_formula_num(w, ws, (lxw_row_t)row, 1, f->s, ff, dec_to_double(*mine)));
                book_sb_clear(f);
                book_sb_add(f, "=");
                book_sb_ref(f, w->q_calc, wr, col, 0);
                book_note(w, book_formula_num(w, ws, (lxw_row_t)row, 2, f->s, ff, dec_to_double(*theirs)));
                book_sb_clear(f);
                book_sb_add(f, "=");
                book_sb_ref(f, NULL, row, 1, 0);
                book_sb_add(f, "-");
                book_sb_ref(f, NULL, row, 2, 0);
                mpq_init(d);
                mpq_sub(d, *mine, *theirs);
                book_note(w, book_formula_num(w, ws, (lxw_row_t)row, 3, f->s, ff, dec_to_double(d)));
                mpq_clear(d);
                w->nformulas += 3;
                row++;
            }
            row++;
        }
    }
    if (pg.nbrk) worksheet_set_h_pagebreaks(ws, pg.brk);
    worksheet_protect(ws, NULL, NULL);
    free(width);
    free(cf);
}
