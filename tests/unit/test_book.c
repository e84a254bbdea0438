/* SPDX-License-Identifier: MIT */
/*
** test_book.c: the workbook's cell helpers (book.h) never lose a write. In a
** streamed workbook (libxlsxwriter's constant_memory mode) a cell, a row's
** height or a merge on a row above the last one written is refused by the
** library; each helper keeps that failure with its sheet, row and column.
** Within a row any order is fine, and a workbook held in memory takes any.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "book.h"

static int passed, failed;
static char path[256];

static void check(int cond, const char *what, const wbw *w)
{
    if (cond) passed++;
    else {
        failed++;
        printf("FAIL %s (status %d, where \"%s\")\n", what, (int)w->status, w->where);
    }
}

/* A workbook with one sheet "Krav", streamed or not, the formats the
   helpers use. */
static lxw_worksheet *open_book(wbw *w, int stream)
{
    lxw_workbook_options o = { 0, NULL, 0 };
    memset(w, 0, sizeof *w);
    o.constant_memory = (uint8_t)stream;
    w->stream = stream;
    w->lang = "en";
    w->wb = workbook_new_opt(path, &o);
    if (!w->wb) { printf("FAIL cannot create %s\n", path); exit(1); }
    w->num = workbook_add_format(w->wb);
    w->check = workbook_add_format(w->wb);
    w->head = workbook_add_format(w->wb);
    return workbook_add_worksheet(w->wb, "Krav");
}

static void close_book(wbw *w)
{
    workbook_close(w->wb);
    free(w->f.s);
    free(w->t.s);
    unlink(path);
}

/* Each helper, after row 5 was written, at row 2 (B2, zero-based row 1). */
enum { TEXT, NUMBER, VALUE, BLANK, FORMULA_NUM, FORMULA_STR, FIGURE, MERGE, URL, SET_ROW, TITLE, ROW_LINES, NHELPERS };
static const char *const names[] = { "book_text", "book_number", "book_value", "book_blank", "book_formula_num",
                                     "book_formula_str", "book_figure", "book_merge", "book_url", "book_set_row",
                                     "book_title_row", "book_row_lines" };

static void write_with(wbw *w, lxw_worksheet *ws, int helper, int row, int col)
{
    mpq_t x;
    mpq_init(x);
    mpq_set_ui(x, 3, 2);
    switch (helper) {
    case TEXT: book_text(w, ws, row, col, "text", NULL); break;
    case NUMBER: book_number(w, ws, row, col, x, NULL); break;
    case VALUE: book_value(w, ws, row, col, 7, NULL); break;
    case BLANK: book_blank(w, ws, row, col, w->head); break;
    case FORMULA_NUM: book_formula_num(w, ws, (lxw_row_t)row, (lxw_col_t)col, "=1+2", NULL, 3); break;
    case FORMULA_STR: book_formula_str(w, ws, row, col, "=\"O\"&\"K\"", NULL, "OK"); break;
    case FIGURE: book_figure(w, ws, row, col, "=3/2", x); break;
    case MERGE: book_merge(w, ws, row, col, col + 2, "merged", w->head); break;
    case URL: book_url(w, ws, row, col, "internal:Krav!A1", "Krav"); break;
    case SET_ROW: book_set_row(w, ws, row, 30, NULL); break;
    case TITLE: book_title_row(w, ws, "title"); break;   /* always row 1 */
    case ROW_LINES: book_row_lines(w, ws, row, 3); break;
    }
    mpq_clear(x);
}

int main(void)
{
    wbw w;
    lxw_worksheet *ws;
    char what[200], want[200];
    int h;
    snprintf(path, sizeof path, "%s/anbud-test-book-%ld.xlsx", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
             (long)getpid());

    /* streamed: every helper's write to an earlier row fails, and says where */
    for (h = 0; h < NHELPERS; h++) {
        ws = open_book(&w, 1);
        book_text(&w, ws, 4, 0, "row 5", NULL);
        check(w.status == LXW_NO_ERROR, "row 5 written", &w);
        write_with(&w, ws, h, 1, 1);
        snprintf(what, sizeof what, "%s on row 2 after row 5, streamed: refused", names[h]);
        check(w.status == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE, what, &w);
        if (h == TITLE) snprintf(want, sizeof want, "sheet \"Krav\", row 1: internal error");
        else if (h == SET_ROW || h == ROW_LINES) snprintf(want, sizeof want, "sheet \"Krav\", row 2: internal error");
        else snprintf(want, sizeof want, "sheet \"Krav\", row 2, column B (cell B2): internal error");
        snprintf(what, sizeof what, "%s: the failure names \"%s\"", names[h], want);
        check(strstr(w.where, want) != NULL, what, &w);
        close_book(&w);
    }

    /* streamed: within the current row, any order, and then the next row */
    for (h = 0; h < NHELPERS; h++) {
        if (h == TITLE) continue;
        ws = open_book(&w, 1);
        book_text(&w, ws, 2, 6, "right", NULL);
        book_text(&w, ws, 2, 0, "left", NULL);
        write_with(&w, ws, h, 2, 2);
        book_set_row(&w, ws, 2, 45, NULL);
        book_text(&w, ws, 3, 0, "next row", NULL);
        snprintf(what, sizeof what, "%s within row 3 in any order, streamed: taken", names[h]);
        check(w.status == LXW_NO_ERROR && !w.where[0], what, &w);
        close_book(&w);
    }

    /* held in memory: any order is taken */
    for (h = 0; h < NHELPERS; h++) {
        ws = open_book(&w, 0);
        book_text(&w, ws, 4, 0, "row 5", NULL);
        write_with(&w, ws, h, 1, 1);
        snprintf(what, sizeof what, "%s on row 2 after row 5, in memory: taken", names[h]);
        check(w.status == LXW_NO_ERROR && !w.where[0], what, &w);
        close_book(&w);
    }

    /* the first failure is the one named */
    ws = open_book(&w, 1);
    book_text(&w, ws, 9, 0, "row 10", NULL);
    book_text(&w, ws, 2, 3, "row 3", NULL);
    book_text(&w, ws, 1, 0, "row 2", NULL);
    check(strstr(w.where, "row 3, column D (cell D3)") != NULL, "the first failure is named", &w);
    close_book(&w);

    /* past the last row a sheet has, in either mode */
    for (h = 0; h < 2; h++) {
        ws = open_book(&w, h);
        book_text(&w, ws, (int)LXW_ROW_MAX, 0, "too far", NULL);
        snprintf(what, sizeof what, "row %u, %s: refused as past the sheet's end", (unsigned)LXW_ROW_MAX + 1,
                 h ? "streamed" : "in memory");
        check(w.status == LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE && strstr(w.where, "a sheet has at most 1048576 rows"),
              what, &w);
        close_book(&w);
    }

    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
