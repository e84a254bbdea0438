/*
** book_summary.c: the Summary sheet (Sammanfattning): who won, the ranking
** with live references to the Calculation sheet, the excluded, jäv and
** passed-over bids, tie-break and lottery, fingerprints of the model and the
** inputs, the standstill period, warnings. Also the allocation sentence the
** Award sheet repeats per lot.
*/
#include <stdio.h>
#include <string.h>
#include "book.h"
#include "rank.h"

/* Who the lot is awarded to, in a sentence. */
void book_allocation_line(const wbw *w, const award_lot *l, char *line, size_t size)
{
    const evaluation *ev = &l->ev;
    size_t len;
    int i;
    if (l->nawarded == 0) {
        if (ev->open_queries)
            snprintf(line, size, "%s", book_word(w, W_BOOK_ALLOC_OPEN_QUERY));
        else if (l->undecided)
            snprintf(line, size, "%s", book_word(w, W_BOOK_ALLOC_TIE));
        else
            snprintf(line, size, "%s", book_word(w, W_BOOK_ALLOC_NONE));
        return;
    }
    if (l->places == 1) {
        const input_bid *ib = &l->in->bids[ev->bids[l->awarded[0]].input];
        snprintf(line, size, "%s: %s (%s)", book_word(w, W_BOOK_ALLOC_WINNER), ib->id, ib->bidder);
        return;
    }
    snprintf(line, size, "%s: ", book_word(w, W_BOOK_ALLOC_FRAMEWORK));
    for (i = 0; i < l->nawarded; i++) {
        len = strlen(line);
        snprintf(line + len, size - len, "%s%d. %s", i ? ", " : "", i + 1,
                 l->in->bids[ev->bids[l->awarded[i]].input].id);
    }
    if (l->undecided) {
        len = strlen(line);
        snprintf(line + len, size - len, "%s", book_word(w, W_BOOK_ALLOC_NEXT_UNDECIDED));
    }
}

void book_write_summary(wbw *w)
{
    const evaluation *ev = w->ev;
    const model *m = w->m;
    lxw_worksheet *ws = w->sum;
    sbuf *f = &w->f;
    int i, row = 4, tc = w->c_total_r >= 0 ? w->c_total_r : w->c_total;
    char line[600];
    book_text(w, ws, 0, 0, m->title, w->title);
    snprintf(line, sizeof line, "%s: %s. %s", m->id, model_basis_name(m->basis),
             ev->higher_is_better ? book_word(w, W_BOOK_HIGHEST_TOTAL_WINS)
                                  : book_word(w, W_BOOK_LOWEST_PRICE_WINS));
    book_text(w, ws, 1, 0, line, NULL);
    book_allocation_line(w, w->lot, line, sizeof line);
    book_text(w, ws, 2, 0, line, w->bold);
    book_text(w, ws, row, 0, book_word(w, W_BOOK_RANK), w->head);
    book_text(w, ws, row, 1, book_word(w, W_BOOK_BID), w->head);
    book_text(w, ws, row, 2, book_word(w, W_BOOK_BIDDER), w->head);
    book_text(w, ws, row, 3, ev->higher_is_better ? book_word(w, W_BOOK_TOTAL) : book_word(w, W_BOOK_COMPARISON_PRICE), w->head);
    book_text(w, ws, row, 4, book_word(w, W_BOOK_DECIDED_BY), w->head);
    for (i = 0; i < ev->nranked; i++) {
        const eval_bid *b = &ev->bids[ev->order[i]];
        int r = row + 1 + i, cr = w->calc_row[ev->order[i]];
        mpq_t q;
        mpq_init(q);
        book_sb_clear(f);
        book_sb_add(f, "=");
        book_sb_ref(f, w->q_calc, cr, w->c_rank, 0);
        mpq_set_si(q, b->rank, 1);
        book_note(w, book_formula_num(w, ws, (lxw_row_t)r, 0, f->s, NULL, b->rank));
        book_text(w, ws, r, 1, w->in->bids[b->input].id, NULL);
        book_text(w, ws, r, 2, w->in->bids[b->input].bidder, NULL);
        book_sb_clear(f);
        book_sb_add(f, "=");
        book_sb_ref(f, w->q_calc, cr, tc, 0);
        book_note(w, book_formula_num(w, ws, (lxw_row_t)r, 3, f->s,
                                            m->basis == BASIS_COMPARISON_PRICE ? w->money : w->num,
                                            dec_to_double(b->total)));
        w->nformulas += 2;
        if (b->decided_by >= 0) book_text(w, ws, r, 4, m->tiebreak[b->decided_by].name, NULL);
        mpq_clear(q);
    }
    row += ev->nranked + 2;
    {
        int any = 0;
        for (i = 0; i < ev->nbids; i++) {
            const eval_bid *b = &ev->bids[i];
            if (!b->stage) continue;
            if (!any++) {
                book_head_row(w, ws, row++, book_word(w, W_BOOK_EXCLUDED), book_word(w, W_BOOK_BID),
                              book_word(w, W_BOOK_BIDDER), book_word(w, W_BOOK_STAGE), book_word(w, W_BOOK_REASON));
            }
            book_text(w, ws, row, 1, w->in->bids[b->input].id, NULL);
            book_text(w, ws, row, 2, w->in->bids[b->input].bidder, NULL);
            book_text(w, ws, row, 3, evaluation_stage_name(b->stage), NULL);
            book_text(w, ws, row++, 4, b->reason, w->wrap);
        }
        if (any) row++;
    }
    {   /* jäv: the evaluators who left a bid's panel, and why */
        int any = 0, s;
        for (s = 0; s < w->in->nscores; s++) {
            const input_score *sc = &w->in->scores[s];
            char who[64];
            if (!sc->recused) continue;
            if (!any++) {
                book_head_row(w, ws, row++, book_word(w, W_BOOK_RECUSED), book_word(w, W_BOOK_EVALUATOR),
                              book_word(w, W_BOOK_BID_AND_CRITERION), "", book_word(w, W_BOOK_JUSTIFICATION));
            }
            book_text(w, ws, row, 1, book_evaluator_label(w, s, who, sizeof who), NULL);
            snprintf(line, sizeof line, "%s %s: \"%s\"", book_word(w, W_BOOK_BID_LC), w->in->bids[sc->bid].id,
                     m->criteria[sc->criterion].id);
            book_text(w, ws, row, 2, line, NULL);
            book_text(w, ws, row++, 4, sc->justification, w->wrap);
        }
        if (any) {
            book_text(w, ws, row++, 0, book_word(w, W_BOOK_RECUSED_NOTE), NULL);
            row++;
        }
    }
    {
        int any = 0;
        for (i = 0; i < ev->nbids; i++) {
            if (!w->lot->passed || !w->lot->passed[i]) continue;
            if (!any++) {
                book_head_row(w, ws, row++, book_word(w, W_BOOK_PASSED_OVER), book_word(w, W_BOOK_BID),
                              book_word(w, W_BOOK_BIDDER), "", book_word(w, W_BOOK_REASON));
            }
            book_text(w, ws, row, 1, w->in->bids[ev->bids[i].input].id, NULL);
            book_text(w, ws, row, 2, w->in->bids[ev->bids[i].input].bidder, NULL);
            book_text(w, ws, row++, 4, w->lot->passed[i], w->wrap);
        }
        if (any) row++;
    }
    book_text(w, ws, row, 0, book_word(w, W_BOOK_TIE_BREAK), w->head);
    line[0] = '\0';
    for (i = 0; i < m->ntiebreak; i++)
        snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", i ? ", " : "", m->tiebreak[i].name);
    book_text(w, ws, row, 1, line[0] ? line : book_word(w, W_BOOK_NONE_DECLARED), NULL);
    row++;
    book_text(w, ws, row, 0, book_word(w, W_BOOK_LOTTERY_SEED), w->bold);
    book_text(w, ws, row, 1, ev->seed, NULL);
    book_text(w, ws, row++, 4, ev->lottery_used ? book_word(w, W_BOOK_A_LOTTERY_DECIDED)
                                                : book_word(w, W_BOOK_NO_LOTTERY_WAS_NEEDED), NULL);
    for (i = 0; i < m->ntiebreak && m->tiebreak[i].rule != TIE_LOTTERY; i++) {}
    if (i < m->ntiebreak) {
        /* each ranked bid's key, so that anyone can redo the draw (README) */
        book_text(w, ws, row, 0, book_word(w, W_BOOK_LOTTERY_KEY), w->bold);
        book_text(w, ws, row++, 1, book_word(w, W_BOOK_LOTTERY_KEY_NOTE), NULL);
        for (i = 0; i < ev->nranked; i++) {
            const char *id = w->in->bids[ev->bids[ev->order[i]].input].id;
            char key[65];
            rank_lottery_key(ev->seed, id, key);
            book_text(w, ws, row, 0, id, NULL);
            book_text(w, ws, row++, 1, key, NULL);
        }
    }
    row++;
    book_text(w, ws, row, 0, book_word(w, W_BOOK_MODEL_SHA_256), w->bold);
    book_text(w, ws, row, 1, m->sha256, NULL);
    book_define(w, "ModelSHA256", w->q_sum, row, 1, row, 1);
    row++;
    for (i = 0; i < w->in->nfiles; i++) {
        book_text(w, ws, row, 0, w->in->files[i].name, NULL);
        book_text(w, ws, row++, 1, w->in->files[i].sha256, NULL);
    }
    book_text(w, ws, row, 0, "anbud", w->bold);
    book_text(w, ws, row++, 1, w->o->version, NULL);
    book_text(w, ws, row, 0, book_word(w, W_BOOK_EVALUATION_DATE), w->bold);
    book_text(w, ws, row++, 1, w->o->date, NULL);
    if (ev->has_standstill) {
        char s2[300];
        book_text(w, ws, row, 0, book_word(w, W_BOOK_AWARD_DECISION), w->bold);
        book_text(w, ws, row++, 1, ev->award_date, NULL);
        book_text(w, ws, row, 0, book_word(w, W_BOOK_STANDSTILL_ENDS), w->bold);
        book_text(w, ws, row, 1, ev->standstill_end, NULL);
        words_snprintf(s2, sizeof s2, w->lang, W_BOOK_STANDSTILL_DAYS, ev->standstill_days,
                       book_word(w, ev->notice_electronic ? W_BOOK_NOTICE_ELECTRONIC : W_BOOK_NOTICE_OTHER),
                       ev->standstill_moved ? book_word(w, W_BOOK_STANDSTILL_MOVED) : "");
        book_text(w, ws, row++, 2, s2, NULL);
    }
    if (w->ncustom) {
        words_snprintf(line, sizeof line, w->lang, W_BOOK_N_CUSTOM, w->ncustom);
        book_text(w, ws, row++, 0, line, NULL);
    }
    if (w->nlong) {
        words_snprintf(line, sizeof line, w->lang, W_BOOK_N_LONG, w->nlong);
        book_text(w, ws, row++, 0, line, NULL);
    }
    for (i = 0; i < ev->nwarnings; i++) book_text(w, ws, ++row, 0, ev->warnings[i], NULL);
    if (!w->aw->m->nlots)
        for (i = 0; i < w->aw->nwarnings; i++) book_text(w, ws, ++row, 0, w->aw->warnings[i], NULL);
    worksheet_set_column(ws, 0, 0, 18, NULL);
    worksheet_set_column(ws, 1, 1, 20, NULL);
    worksheet_set_column(ws, 2, 2, 40, NULL);
    worksheet_set_column(ws, 3, 3, 18, NULL);
    worksheet_set_column(ws, 4, 4, 40, NULL);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);
    worksheet_fit_to_pages(ws, 1, 1);
    worksheet_protect(ws, NULL, NULL);
}
