/*
** book_inputs.c: the input sheets, as read: Bids (Anbud), one row per bid and
** a column per field (the price lines' quantities above them), and Scores
** (Bedömningar), one row per evaluator's score with its justification. Owns
** where each bid and score lies (w->bid_row, field_col, score_row), which
** the Calculation sheet's formulas refer to.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"

void book_write_bids(wbw *w)
{
    const model *m = w->m;
    lxw_worksheet *ws = w->bids;
    int i, f, col = 2, header = 3;
    book_text(w, ws, 0, 0, book_word(w, W_BOOK_BIDS_AS_READ), w->title);
    book_text(w, ws, header, 0, book_word(w, W_BOOK_BID), w->head);
    book_text(w, ws, header, 1, book_word(w, W_BOOK_BIDDER), w->head);
    for (f = 0; f < m->nfields; f++) {
        const model_field *fd = &m->fields[f];
        int l;
        if (w->o->public_variant && fd->confidential) { w->field_col[f] = -1; continue; }
        w->field_col[f] = col;
        book_text(w, ws, header, col, fd->id, w->head);
        for (l = 0; l < m->price.nlines; l++)
            if (strcmp(m->price.lines[l].id, fd->id) == 0) {
                book_text(w, ws, header - 1, 1, book_word(w, W_BOOK_QUANTITY), w->bold);
                book_number(w, ws, header - 1, col, m->price.lines[l].quantity, w->num);
            }
        col++;
    }
    worksheet_set_column(ws, 0, 1, 22, NULL);
    worksheet_set_column(ws, 2, (lxw_col_t)(col > 2 ? col - 1 : 2), 14, NULL);
    for (i = 0; i < w->in->nbids; i++) {
        const input_bid *b = &w->in->bids[i];
        int row = header + 1 + i;
        w->bid_row[i] = row;
        book_text(w, ws, row, 0, b->id, w->input);
        book_text(w, ws, row, 1, b->bidder, w->input);
        for (f = 0; f < m->nfields; f++) {
            const input_value *v = &b->fields[f];
            if (w->field_col[f] < 0 || !v->present) continue;
            if (v->has_num) book_number(w, ws, row, w->field_col[f], v->num, w->input);
            else book_text(w, ws, row, w->field_col[f], v->text, w->input);
        }
    }
    worksheet_freeze_panes(ws, (lxw_row_t)header + 1, 2);
    worksheet_protect(ws, NULL, NULL);
}

/* The name shown for the evaluator of score s: as written, or in the
   public variant "Evaluator N", numbered in order of first appearance. */
const char *book_evaluator_label(const wbw *w, int s, char *buf, size_t size)
{
    const input_score *sc = &w->in->scores[s];
    int j, e = 0;
    if (sc->consensus) return book_word(w, W_BOOK_CONSENSUS);
    if (!w->o->public_variant) return sc->evaluator;
    for (j = 0; j < s; j++) {   /* the distinct evaluators before the first row of this one */
        const input_score *o = &w->in->scores[j];
        int k, first = 1;
        if (o->consensus) continue;
        if (strcmp(o->evaluator, sc->evaluator) == 0) break;
        for (k = 0; k < j && first; k++)
            if (!w->in->scores[k].consensus && strcmp(w->in->scores[k].evaluator, o->evaluator) == 0) first = 0;
        e += first;
    }
    snprintf(buf, size, "%s %d", book_word(w, W_BOOK_EVALUATOR), e + 1);
    return buf;
}

void book_write_scores(wbw *w)
{
    const model *m = w->m;
    lxw_worksheet *ws = w->scores;
    int s, header = 2, ndistinct = 0;
    char name[64];
    const char **distinct = calloc((size_t)w->in->nscores + 1, sizeof *distinct);
    if (!distinct) { fputs("anbud: out of memory\n", stderr); exit(2); }
    book_text(w, ws, 0, 0, book_word(w, W_BOOK_EVALUATORS_SCORES), w->title);
    book_text(w, ws, header, 0, book_word(w, W_BOOK_EVALUATOR), w->head);
    book_text(w, ws, header, 1, book_word(w, W_BOOK_BID), w->head);
    book_text(w, ws, header, 2, book_word(w, W_BOOK_CRITERION), w->head);
    book_text(w, ws, header, 3, book_word(w, W_BOOK_LEVEL), w->head);
    book_text(w, ws, header, 4, book_word(w, W_BOOK_SCORE), w->head);
    book_text(w, ws, header, 5, book_word(w, W_BOOK_JUSTIFICATION), w->head);
    worksheet_set_column(ws, 0, 3, 20, NULL);
    worksheet_set_column(ws, 4, 4, 10, NULL);
    worksheet_set_column(ws, 5, 5, 60, w->wrap);
    for (s = 0; s < w->in->nscores; s++) {
        const input_score *sc = &w->in->scores[s];
        const model_criterion *c = &m->criteria[sc->criterion];
        int row = header + 1 + s;
        w->score_row[s] = row;
        if (sc->consensus) book_text(w, ws, row, 0, book_word(w, W_BOOK_CONSENSUS), w->input);
        else if (w->o->public_variant) {
            /* evaluators are numbered in order of first appearance */
            int e;
            for (e = 0; e < ndistinct && strcmp(distinct[e], sc->evaluator) != 0; e++) ;
            if (e == ndistinct) distinct[ndistinct++] = sc->evaluator;
            snprintf(name, sizeof name, "%s %d", book_word(w, W_BOOK_EVALUATOR), e + 1);
            book_text(w, ws, row, 0, name, w->input);
        } else book_text(w, ws, row, 0, sc->evaluator, w->input);
        book_text(w, ws, row, 1, w->in->bids[sc->bid].id, w->input);
        book_text(w, ws, row, 2, c->id, w->input);
        if (sc->recused)   /* jäv: on the record, off the panel, no score */
            book_text(w, ws, row, 3, book_word(w, W_BOOK_SCORE_RECUSED), w->bold);
        else {
            if (sc->level >= 0 && c->scale >= 0) book_text(w, ws, row, 3, m->scales[c->scale].labels[sc->level], w->input);
            book_number(w, ws, row, 4, sc->value, w->input);
        }
        book_text(w, ws, row, 5, sc->justification, w->wrap);
    }
    free(distinct);
    worksheet_freeze_panes(ws, (lxw_row_t)header + 1, 0);
    worksheet_protect(ws, NULL, NULL);
}
