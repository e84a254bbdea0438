/*
** book_award.c: the Award sheet (Tilldelning) of a model with lots: the order
** the lots were awarded in, each lot's winner and the suppliers passed over;
** and the driver that writes one lot's sheets (book_write_lot).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"

/* In constant_memory mode a sheet opens its temporary file when it is
   added: no sheet is that file's failure (else memory's). */
void book_sheet_failed(wbw *w)
{
    if (!w->status) w->sys = errno;
    book_note(w, w->stream ? LXW_ERROR_CREATING_TMPFILE : LXW_ERROR_MEMORY_MALLOC_FAILED);
}

/* The lot's sheets, named with suffix (" 2") when the model has lots. */
void book_write_lot(wbw *w, const award_lot *l, const char *suffix)
{
    static const word_id names[] = { W_BOOK_SHEET_SUMMARY, W_BOOK_SHEET_MODEL, W_BOOK_SHEET_BIDS,
                                     W_BOOK_SHEET_SCORES, W_BOOK_SHEET_CALCULATION, W_BOOK_SHEET_SENSITIVITY };
    lxw_worksheet *sheets[6], *reqs = NULL;
    char *quoted[6];
    int i, nc;
    w->lot = l;
    w->ev = &l->ev;
    w->m = l->ev.m;
    w->in = l->ev.in;
    w->nformulas = w->ncustom = w->nlong = 0;
    nc = w->m->ncriteria;
    for (i = 0; i < 6; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s%s", book_word(w, names[i]), suffix);
        sheets[i] = workbook_add_worksheet(w->wb, name);
        quoted[i] = lxw_quote_sheetname(name);
        if (!quoted[i]) { fputs("anbud: out of memory\n", stderr); exit(2); }
        if (!sheets[i]) book_sheet_failed(w);
        if (suffix[0]) snprintf(w->scope_name[i], sizeof w->scope_name[i], "%s", quoted[i]);
        if (i == 4) snprintf(w->calc_name, sizeof w->calc_name, "%s", name);
        if (i == 5) snprintf(w->sens_name, sizeof w->sens_name, "%s", name);
    }
    if (w->m->nreqs) {   /* after the others, so that their order stays as it was */
        char name[64];
        snprintf(name, sizeof name, "%s%s", book_word(w, W_BOOK_SHEET_REQUIREMENTS), suffix);
        reqs = workbook_add_worksheet(w->wb, name);
        if (!reqs) book_sheet_failed(w);
    }
    if (w->status) {   /* a sheet missing: nothing to write into */
        for (i = 0; i < 6; i++) free(quoted[i]);
        return;
    }
    w->nscope = suffix[0] ? 6 : 0;
    w->sum = sheets[0]; w->mod = sheets[1]; w->bids = sheets[2];
    w->scores = sheets[3]; w->calc = sheets[4]; w->sens = sheets[5];
    w->q_sum = quoted[0]; w->q_model = quoted[1]; w->q_bids = quoted[2];
    w->q_scores = quoted[3]; w->q_calc = quoted[4];
    w->bid_row = calloc((size_t)w->in->nbids + 1, sizeof *w->bid_row);
    w->field_col = calloc((size_t)w->m->nfields + 1, sizeof *w->field_col);
    w->score_row = calloc((size_t)w->in->nscores + 1, sizeof *w->score_row);
    w->calc_row = calloc((size_t)w->ev->nbids + 1, sizeof *w->calc_row);
    w->c_value = calloc((size_t)nc + 1, sizeof(int));
    w->c_score = calloc((size_t)nc + 1, sizeof(int));
    w->c_round = calloc((size_t)nc + 1, sizeof(int));
    w->c_contrib = calloc((size_t)nc + 1, sizeof(int));
    if (!w->bid_row || !w->field_col || !w->score_row || !w->calc_row || !w->c_value || !w->c_score ||
        !w->c_round || !w->c_contrib) { fputs("anbud: out of memory\n", stderr); exit(2); }

    book_write_model(w);
    book_write_bids(w);
    book_write_scores(w);
    book_write_calc(w);
    book_write_summary(w);
    book_write_sensitivity(w);
    if (reqs) book_write_requirements(w, reqs);

    for (i = 0; i < 6; i++) free(quoted[i]);
    free(w->bid_row); free(w->field_col); free(w->score_row); free(w->calc_row);
    free(w->c_value); free(w->c_score); free(w->c_round); free(w->c_contrib);
}

/* With lots: the award across them, first. */
void book_write_award(wbw *w, lxw_worksheet *ws)
{
    const award *a = w->aw;
    const model *m = a->m;
    char line[1200];
    int i, j, row, lines;
    lxw_format *orderf = workbook_add_format(w->wb);
    static const int width[] = { 19, 16, 36, 16, 20, 70 };   /* col 0: the labels below too */
    format_set_num_format(orderf, "0");   /* a whole number, centred */
    format_set_align(orderf, LXW_ALIGN_CENTER);
    format_set_align(orderf, LXW_ALIGN_VERTICAL_TOP);
    book_title_row(w, ws, m->title);
    words_snprintf(line, sizeof line, w->lang, W_BOOK_AWARD_LOTS, m->nlots,
                   book_word(w, strcmp(m->order_name, "value") == 0 ? W_BOOK_AWARD_ORDER_VALUE :
                                strcmp(m->order_name, "list") == 0 ? W_BOOK_AWARD_ORDER_LIST
                                                                   : W_BOOK_AWARD_ORDER_DECLARED),
                   m->cap ? "" : book_word(w, W_BOOK_AWARD_NO_CAP));
    book_text(w, ws, 1, 0, line, NULL);
    if (m->cap) {
        words_snprintf(line, sizeof line, w->lang, m->cap == 1 ? W_BOOK_AWARD_CAP_ONE : W_BOOK_AWARD_CAP_MANY, m->cap);
        book_text(w, ws, 2, 0, line, NULL);
    }
    row = 4;
    book_text(w, ws, row, 0, book_word(w, W_BOOK_ORDER), w->head);
    book_text(w, ws, row, 1, book_word(w, W_BOOK_LOT), w->head);
    book_text(w, ws, row, 2, book_word(w, W_BOOK_TITLE), w->head);
    book_text(w, ws, row, 3, book_word(w, W_BOOK_VALUE), w->head);
    book_text(w, ws, row, 4, book_word(w, W_BOOK_SHEETS), w->head);
    book_text(w, ws, row, 5, book_word(w, W_BOOK_AWARDED_TO), w->head);
    row++;
    for (i = 0; i < a->nlots; i++) {
        const award_lot *l = &a->lots[a->order[i]];
        const model_lot *ml = &m->lots[l->lot];
        char sheet[64], link[160];
        char *q;
        book_value(w, ws, row, 0, i + 1, orderf);
        book_text(w, ws, row, 1, l->id, w->bold);
        book_text(w, ws, row, 2, l->text, w->wrap);
        if (ml->has_value) book_number(w, ws, row, 3, ml->value, book_format(w, BOOK_MONEY, 0));
        /* the lot's Summary by name, a link to it */
        snprintf(sheet, sizeof sheet, "%s %d", book_word(w, W_BOOK_SHEET_SUMMARY), l->lot + 1);
        q = lxw_quote_sheetname(sheet);
        if (q && book_xml_ok(w, sheet)) {
            snprintf(link, sizeof link, "internal:%s!A1", q);
            book_url(w, ws, row, 4, link, sheet);
        }
        free(q);
        book_allocation_line(w, l, line, sizeof line);
        book_text(w, ws, row, 5, line, w->wrap);
        lines = book_wrapped_lines(l->text, width[2]);
        if (book_wrapped_lines(line, width[5]) > lines) lines = book_wrapped_lines(line, width[5]);
        book_row_lines(w, ws, row++, lines);
        for (j = 0; j < l->ev.nbids; j++) {
            char why[900];
            if (!l->passed || !l->passed[j]) continue;
            snprintf(why, sizeof why, "%s %s: %s", book_word(w, W_BOOK_PASSED_OVER_LOT),
                     l->in->bids[l->ev.bids[j].input].id, l->passed[j]);
            book_text(w, ws, row, 5, why, w->wrap);
            book_row_lines(w, ws, row++, book_wrapped_lines(why, width[5]));
        }
    }
    row++;
    for (i = 0; i < a->nwarnings; i++) {   /* across the table, wrapped */
        if (!book_xml_ok(w, a->warnings[i])) continue;
        book_merge(w, ws, row, 0, 5, a->warnings[i], w->wrap);
        book_row_lines(w, ws, row++, book_wrapped_lines(a->warnings[i], 19 + 16 + 36 + 16 + 20 + 70));
    }
    row++;
    row = book_fingerprint_rows(w, ws, row, m->sha256, a->in, 0);
    for (i = 0; i < 6; i++) worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, width[i], NULL);
    book_print_setup(ws, 1, 4, 4, -1, -1);
    worksheet_protect(ws, NULL, NULL);
}
