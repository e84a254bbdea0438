/*
** book_sensitivity.c: the Sensitivity sheet (Känslighet): each bid's
** contributions and gap to the winner, break-even prices of the
** runners-up, the weight changes that change the winner, rank reversal, the
** two charts (contributions stacked, totals), and a debrief per bidder.
*/
#include <stdio.h>
#include <string.h>
#include "book.h"

/* Contributions per bid as a stacked bar chart, and a debrief row per
   bidder: its gap to the winner and where the gap came from. */
void book_write_sensitivity(wbw *w)
{
    const evaluation *ev = w->ev;
    const model *m = w->m;
    lxw_worksheet *ws = w->sens;
    sbuf *f = &w->f;
    int i, k, row = 3, ncol = 0, tc = w->c_total_r >= 0 ? w->c_total_r : w->c_total;
    book_text(w, ws, 0, 0, book_word(w, W_BOOK_SENS_TITLE), w->title);
    book_text(w, ws, 1, 0, book_word(w, W_BOOK_SENS_INTRO), NULL);
    if (ev->nranked == 0) { worksheet_protect(ws, NULL, NULL); return; }
    const int trow = row;
    book_text(w, ws, row, 0, book_word(w, W_BOOK_BID), w->head);
    for (k = 0; k < m->ncriteria; k++) {
        if (m->criteria[k].parent >= 0) continue;
        book_text(w, ws, row, 1 + ncol++, m->criteria[k].id, w->head);
    }
    book_text(w, ws, row, 1 + ncol, ev->higher_is_better ? book_word(w, W_BOOK_TOTAL) : book_word(w, W_BOOK_COMPARISON_PRICE), w->head);
    book_text(w, ws, row, 2 + ncol, book_word(w, W_BOOK_GAP_TO_THE_WINNER), w->head);
    for (i = 0; i < ev->nranked; i++) {
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
            book_note(w, book_formula_num(w, ws, (lxw_row_t)r, (lxw_col_t)(1 + c++), f->s, w->num,
                                                dec_to_double(b->crit[k].contribution)));
            w->nformulas++;
        }
        book_sb_clear(f);
        book_sb_add(f, "=");
        book_sb_ref(f, w->q_calc, cr, tc, 0);
        book_note(w, book_formula_num(w, ws, (lxw_row_t)r, (lxw_col_t)(1 + ncol), f->s, w->num, dec_to_double(b->total)));
        book_sb_clear(f);
        book_sb_add(f, "=ABS(");
        book_sb_ref(f, NULL, r, 1 + ncol, 0);
        book_sb_add(f, "-");
        book_sb_ref(f, NULL, row + 1, 1 + ncol, 1);
        book_sb_add(f, ")");
        mpq_sub(gap, b->total, ev->bids[ev->order[0]].total);
        mpq_abs(gap, gap);
        book_note(w, book_formula_num(w, ws, (lxw_row_t)r, (lxw_col_t)(2 + ncol), f->s, w->num, dec_to_double(gap)));
        w->nformulas += 2;
        mpq_clear(gap);
    }
    row += ev->nranked + 2;
    if (ev->sensitivity) {
        book_text(w, ws, row, 0, book_word(w, W_BOOK_RUNNER_UP), w->head);
        book_text(w, ws, row, 1, book_word(w, W_BOOK_EVALUATED_PRICE), w->head);
        book_text(w, ws, row, 2, book_word(w, W_BOOK_WOULD_HAVE_WON_AT), w->head);
        book_text(w, ws, row, 3, book_word(w, W_BOOK_CHANGE), w->head);
        book_text(w, ws, row++, 4, book_word(w, W_BOOK_BREAK_EVEN_NOTE), NULL);
        for (i = 1; i < ev->nranked && i <= SENSITIVITY_MAX_RUNNERS_UP; i++) {
            int bi = ev->order[i];
            const eval_bid *b = &ev->bids[bi];
            book_text(w, ws, row, 0, w->in->bids[b->input].id, NULL);
            book_number(w, ws, row, 1, b->price, w->num);
            if (ev->be_status[bi] == 1) {
                book_number(w, ws, row, 2, ev->be_price[bi], w->num);
                book_sb_clear(f);
                book_sb_add(f, "=");
                book_sb_ref(f, NULL, row, 2, 0);
                book_sb_add(f, "-");
                book_sb_ref(f, NULL, row, 1, 0);
                {
                    mpq_t d;
                    mpq_init(d);
                    mpq_sub(d, ev->be_price[bi], b->price);
                    book_note(w, book_formula_num(w, ws, (lxw_row_t)row, 3, f->s, w->num, dec_to_double(d)));
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
        book_text(w, ws, row, 0, book_word(w, W_BOOK_CRITERION), w->head);
        book_text(w, ws, row, 1, book_word(w, W_BOOK_WEIGHT), w->head);
        book_text(w, ws, row, 2, book_word(w, W_BOOK_WEIGHT_FLIP), w->head);
        book_text(w, ws, row, 3, book_word(w, W_BOOK_NEW_WEIGHT), w->head);
        book_text(w, ws, row++, 4, book_word(w, W_BOOK_WEIGHT_FLIP_BID), w->head);
        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            mpq_t nw;
            if (c->parent >= 0 || !c->has_weight) continue;
            book_text(w, ws, row, 0, c->id, NULL);
            book_number(w, ws, row, 1, c->weight, w->num);
            if (ev->flip_found[k]) {
                mpq_init(nw);
                mpq_add(nw, c->weight, ev->flip_delta[k]);
                book_number(w, ws, row, 2, ev->flip_delta[k], w->num);
                book_number(w, ws, row, 3, nw, w->num);
                book_text(w, ws, row, 4, w->in->bids[ev->bids[ev->flip_bid[k]].input].id, NULL);
                mpq_clear(nw);
            } else book_text(w, ws, row, 2, book_word(w, W_BOOK_WEIGHT_NO_FLIP), NULL);
            row++;
        }
        row++;
    }
    /* rank reversal: leave each bid out in turn */
    book_text(w, ws, row++, 0, book_word(w, W_BOOK_REVERSAL_TITLE), w->head);
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
    {
        lxw_chart *chart;
        int c = 0;
        /* a chart without a series is an error to libxlsxwriter: with no
           criterion to stack, or no bid ranked, there is nothing to draw */
        for (k = 0; k < m->ncriteria; k++) if (m->criteria[k].parent < 0) c++;
        chart = c && ev->nranked ? workbook_add_chart(w->wb, LXW_CHART_BAR_STACKED) : NULL;
        for (c = 0, k = 0; chart && k < m->ncriteria; k++) {
            lxw_chart_series *s;
            if (m->criteria[k].parent >= 0) continue;
            s = chart_add_series(chart, NULL, NULL);
            chart_series_set_categories(s, w->sens_name, (lxw_row_t)trow + 1, 0,
                                        (lxw_row_t)(trow + ev->nranked), 0);
            chart_series_set_values(s, w->sens_name, (lxw_row_t)trow + 1, (lxw_col_t)(1 + c),
                                    (lxw_row_t)(trow + ev->nranked), (lxw_col_t)(1 + c));
            chart_series_set_name_range(s, w->sens_name, (lxw_row_t)trow, (lxw_col_t)(1 + c));
            c++;
        }
        if (chart) {
            chart_title_set_name(chart, book_word(w, W_BOOK_CONTRIBUTIONS_PER_CRITERION));
            worksheet_insert_chart(ws, (lxw_row_t)row, 0, chart);
        }
    }
    if (ev->nranked) {   /* the totals themselves, best first, beside it */
        lxw_chart *chart = workbook_add_chart(w->wb, LXW_CHART_BAR);
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        const char *sheet = w->sens_name;
        chart_series_set_categories(s, sheet, (lxw_row_t)trow + 1, 0, (lxw_row_t)(trow + ev->nranked), 0);
        chart_series_set_values(s, sheet, (lxw_row_t)trow + 1, (lxw_col_t)(1 + ncol),
                                (lxw_row_t)(trow + ev->nranked), (lxw_col_t)(1 + ncol));
        chart_series_set_name_range(s, sheet, (lxw_row_t)trow, (lxw_col_t)(1 + ncol));
        chart_axis_set_reverse(chart->y_axis);   /* the winner at the top */
        chart_axis_set_min(chart->x_axis, 0);     /* bars from zero: no exaggerated gaps */
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        chart_title_set_name(chart, ev->higher_is_better ? book_word(w, W_BOOK_TOTALS) : book_word(w, W_BOOK_COMPARISON_PRICES));
        worksheet_insert_chart(ws, (lxw_row_t)row, 8, chart);
        row += 18;
    }

    /* a debrief block per bidder: its figures beside the winner's */
    {
        int win = ev->order[0], wr = w->calc_row[win];
        book_text(w, ws, row++, 0, book_word(w, W_BOOK_DEBRIEF_PER_BIDDER), w->title);
        for (i = 0; i < ev->nranked; i++) {
            int bi = ev->order[i], cr = w->calc_row[bi];
            const eval_bid *b = &ev->bids[bi];
            char line[600];
            snprintf(line, sizeof line, "%s (%s): %s %d", w->in->bids[b->input].id, w->in->bids[b->input].bidder,
                     book_word(w, W_BOOK_RANK_LC), b->rank);
            if (b->decided_by >= 0)
                snprintf(line + strlen(line), sizeof line - strlen(line), ", %s %s",
                         book_word(w, W_BOOK_AFTER_TIE_DECIDED_BY), m->tiebreak[b->decided_by].name);
            book_text(w, ws, row++, 0, line, w->bold);
            book_text(w, ws, row, 0, book_word(w, W_BOOK_CRITERION), w->head);
            book_text(w, ws, row, 1, book_word(w, W_BOOK_THIS_BID), w->head);
            book_text(w, ws, row, 2, book_word(w, W_BOOK_THE_WINNER), w->head);
            book_text(w, ws, row++, 3, book_word(w, W_BOOK_DIFFERENCE), w->head);
            for (k = -1; k < m->ncriteria; k++) {
                const mpq_t *mine, *theirs;
                int col;
                mpq_t d;
                if (k >= 0 && m->criteria[k].parent >= 0) continue;
                if (k < 0) { col = tc; mine = (const mpq_t *)&b->total; theirs = (const mpq_t *)&ev->bids[win].total; }
                else { col = w->c_contrib[k]; mine = (const mpq_t *)&b->crit[k].contribution; theirs = (const mpq_t *)&ev->bids[win].crit[k].contribution; }
                book_text(w, ws, row, 0, k < 0 ? (ev->higher_is_better ? book_word(w, W_BOOK_TOTAL) : book_word(w, W_BOOK_COMPARISON_PRICE))
                                               : m->criteria[k].id, k < 0 ? w->bold : NULL);
                book_sb_clear(f);
                book_sb_add(f, "=");
                book_sb_ref(f, w->q_calc, cr, col, 0);
                book_note(w, book_formula_num(w, ws, (lxw_row_t)row, 1, f->s, w->num, dec_to_double(*mine)));
                book_sb_clear(f);
                book_sb_add(f, "=");
                book_sb_ref(f, w->q_calc, wr, col, 0);
                book_note(w, book_formula_num(w, ws, (lxw_row_t)row, 2, f->s, w->num, dec_to_double(*theirs)));
                book_sb_clear(f);
                book_sb_add(f, "=");
                book_sb_ref(f, NULL, row, 1, 0);
                book_sb_add(f, "-");
                book_sb_ref(f, NULL, row, 2, 0);
                mpq_init(d);
                mpq_sub(d, *mine, *theirs);
                book_note(w, book_formula_num(w, ws, (lxw_row_t)row, 3, f->s, w->num, dec_to_double(d)));
                mpq_clear(d);
                w->nformulas += 3;
                row++;
            }
            row++;
        }
    }
    worksheet_set_column(ws, 0, (lxw_col_t)(ncol + 2), 16, NULL);
    worksheet_protect(ws, NULL, NULL);
}
