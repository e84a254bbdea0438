/*
** book_requirements.c: the Requirements sheet (Krav): every bid's answer to
** every requirement, met or not, with the reason and the input cell it came
** from.
*/
#include <stdio.h>
#include <string.h>
#include "book.h"

/* Every bid's answer to every requirement, met or not, with the reason
   and the input cell it came from: the proof of qualification. */
void book_write_requirements(wbw *w, lxw_worksheet *ws)
{
    const evaluation *ev = w->ev;
    const model *m = w->m;
    int i, k, row = 3;
    char buf[4300];
    book_title_row(w, ws, book_word(w, W_BOOK_REQS_TITLE));
    book_text(w, ws, 1, 0, book_word(w, W_BOOK_REQS_INTRO), NULL);
    book_text(w, ws, row, 0, book_word(w, W_BOOK_BID), w->head);
    book_text(w, ws, row, 1, book_word(w, W_BOOK_BIDDER), w->head);
    book_text(w, ws, row, 2, book_word(w, W_BOOK_REQUIREMENT), w->head);
    book_text(w, ws, row, 3, book_word(w, W_BOOK_KIND), w->head);
    book_text(w, ws, row, 4, book_word(w, W_BOOK_ANSWER), w->head);
    book_text(w, ws, row, 5, book_word(w, W_BOOK_MET), w->head);
    book_text(w, ws, row, 6, book_word(w, W_BOOK_REQ_REASON), w->head);
    book_text(w, ws, row, 7, book_word(w, W_BOOK_SOURCE), w->head);
    row++;
    for (i = 0; ev->answers && i < ev->nbids; i++) {
        const input_bid *ib = &w->in->bids[ev->bids[i].input];
        for (k = 0; k < m->nreqs; k++) {
            const eval_answer *ea = &ev->answers[i * m->nreqs + k];
            const input_place *at = NULL;
            const char *answer = NULL, *reason = NULL;
            char *p;
            if (ea->from_field) {
                const input_value *v = &ib->fields[m->reqs[k].field];
                answer = w->o->public_variant && m->fields[m->reqs[k].field].confidential
                         ? book_word(w, W_BOOK_CONFIDENTIAL) : v->text;
                at = &v->at;
            } else if (ea->row >= 0) {
                const input_answer *an = &w->in->answers[ea->row];
                answer = an->met ? book_word(w, W_BOOK_YES) : book_word(w, W_BOOK_NO);
                reason = an->reason;
                at = &an->at;
            }
            book_text(w, ws, row, 0, ib->id, NULL);
            book_text(w, ws, row, 1, ib->bidder, w->wrap);
            book_text(w, ws, row, 2, m->reqs[k].id, w->wrap);
            book_text(w, ws, row, 3, m->reqs[k].supplier ? book_word(w, W_BOOK_REQ_SUPPLIER)
                                                         : book_word(w, W_BOOK_BID_LC), NULL);
            book_text(w, ws, row, 4, answer ? answer : book_word(w, W_BOOK_NO_ANSWER), w->wrap);
            book_text(w, ws, row, 5, !ea->answered ? book_word(w, W_BOOK_NOT_ANSWERED)
                                     : ea->met ? book_word(w, W_BOOK_MET) : book_word(w, W_BOOK_NOT_MET),
                      ea->answered && ea->met ? NULL : w->bold);
            book_text(w, ws, row, 6, reason, w->wrap);
            {   /* the wrapped name and reason get the lines they need: a
                   spreadsheet does not grow a row for wrapped text on its own */
                int lines = book_wrapped_lines(ib->bidder, 28), r2 = book_wrapped_lines(reason, 50);
                if (r2 > lines) lines = r2;
                r2 = book_wrapped_lines(m->reqs[k].id, 22);
                if (r2 > lines) lines = r2;
                r2 = book_wrapped_lines(answer, 16);
                if (r2 > lines) lines = r2;
                book_row_lines(w, ws, row, lines);
            }
            if (at) {   /* the file's name, not where it lies */
                const char *file = at->file ? at->file : "", *slash = strrchr(file, '/');
                snprintf(buf, sizeof buf, "%s:%ld", slash ? slash + 1 : file, at->line);
                for (p = buf; *p; p++) if (*p == '\x1f') *p = ':';   /* a workbook's sheet */
                book_text(w, ws, row, 7, buf, NULL);
            }
            row++;
        }
    }
    worksheet_set_column(ws, 0, 0, 14, NULL);
    /* a consortium's name and "leverantör (kvalificering)" are wider than a
       column a printed page can give: the name wraps, the kind has room */
    worksheet_set_column(ws, 1, 1, 28, NULL);
    worksheet_set_column(ws, 2, 2, 22, NULL);
    worksheet_set_column(ws, 3, 3, 26, NULL);
    worksheet_set_column(ws, 4, 4, 16, NULL);
    worksheet_set_column(ws, 5, 5, 14, NULL);
    worksheet_set_column(ws, 6, 6, 50, w->wrap);
    worksheet_set_column(ws, 7, 7, 22, NULL);
    worksheet_freeze_panes(ws, 4, 0);
    book_print_setup(ws, 1, 3, 3, -1, -1);
    worksheet_protect(ws, NULL, NULL);
}
