/*
** book.h: what the files that write the audit workbook share (internal to
** core/workbook.c and core/book*.c): the writer's state (wbw), text
** buffers for formulas, and the cell helpers every sheet writes with.
** One file per sheet: book_summary.c (Summary), book_model.c (Model),
** book_inputs.c (Bids, Scores), book_calc.c (Calculation),
** book_sensitivity.c (Sensitivity and its charts), book_requirements.c
** (Requirements), book_award.c (Award, and the driver of a lot's sheets);
** workbook.c opens the file and writes it. A reader's words come from
** words.h (the W_BOOK_ ids), the same in every sheet.
**
** Each sheet writes its rows in order, top to bottom (a row's cells in any
** order), so that libxlsxwriter's constant_memory mode can write it: a large
** workbook is streamed (workbook.c), and there a write to a row above the
** last one written fails. Every write goes through the helpers below, which
** keep the first failure with its sheet, row and column.
*/
#ifndef ANBUD_BOOK_H
#define ANBUD_BOOK_H

#include <stddef.h>
#include <gmp.h>
#include <xlsxwriter.h>
#include "workbook.h"
#include "words.h"

/* The lists of Calculation cells that one formula adds up per bid. */
enum { LIST_FEATURES, LIST_QUALITY, LIST_CONTRIB, NLISTS };

/* Number formats of book_format: a number or an amount of money ("kr"),
   plain or as an input cell (yellow, unlocked). */
enum { BOOK_NUM, BOOK_MONEY, BOOK_NUM_INPUT, BOOK_MONEY_INPUT, BOOK_NFMT };
#define BOOK_MAX_PLACES 10

/* A growing text, for formulas. */
typedef struct sbuf {
    char *s;
    size_t n, cap;
} sbuf;

typedef struct wbw {
    const award *aw;
    const award_lot *lot;   /* the lot whose sheets are being written */
    lxw_worksheet *scope[6];/* with lots: the lot's sheets, where its names live */
    char scope_name[6][64];
    int nscope;
    char sens_name[64];     /* the Sensitivity sheet's name, for its charts */
    char calc_name[64];     /* the Calculation sheet's name as a reader sees it (unquoted) */
    const evaluation *ev;
    const model *m;
    const anbud_inputs *in;
    const workbook_options *o;
    int sv;
    const char *lang;       /* "sv" or "en": the words of words.h */
    lxw_workbook *wb;
    lxw_worksheet *sum, *mod, *bids, *scores, *calc, *sens;
    char *q_calc, *q_bids, *q_scores, *q_model, *q_sum;
    lxw_format *title, *head, *num, *money, *input, *check, *wrap, *bold;
    lxw_format *input_wrap; /* an input cell whose text wraps */
    lxw_format *top;        /* a tall row's own format: its cells aligned to the top */
    int *bid_row;           /* Bids sheet row of each input bid */
    int *field_col;         /* Bids sheet column of each field, -1 if left out */
    int *score_row;         /* Scores sheet row of each score */
    int *calc_row;          /* Calculation row of each evaluated bid, -1 if excluded */
    int *c_value, *c_score, *c_round, *c_contrib;   /* Calculation columns per criterion */
    int c_price, c_quality, c_features, c_total, c_total_r, c_rank, ncols;
    int c_part[NLISTS], n_part[NLISTS];   /* partial sums of a long list, if any */
    int crit_row0;          /* Model sheet row of the first criterion */
    int nformulas, ncustom, nlong;
    sbuf f, t;
    lxw_format *fmts[BOOK_NFMT][BOOK_MAX_PLACES + 1];   /* book_format's, made when first asked */
    lxw_error status;
    char bad[200];          /* the first text XML cannot hold, if any */
    char where[400];        /* the first failed write: its sheet, row and column, and why */
    int stream;             /* constant_memory mode: rows are written out in order */
    int sys;                /* errno of the first failure, where the system's (a temporary file) */
} wbw;

/* {=========== text buffers (book.c) ============ */

void book_sb_add(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void book_sb_clear(sbuf *b);
/* x as a formula's number literal: exactly (200/3 as "(200/3)") when short,
   else the shortest text of the nearest double, without an exponent. */
void book_sb_num(sbuf *b, const mpq_t x);
/* Append a reference to (row, col) of the sheet quoted as q (NULL: this sheet). */
void book_sb_ref(sbuf *b, const char *q, int row, int col, int absolute);

/* }====================================== */

/* {=========== cells (book.c) ============ */

/* The reader's word id in the workbook's language. */
const char *book_word(const wbw *w, word_id id);
/* Keep the first libxlsxwriter error. */
void book_note(wbw *w, lxw_error e);
/* Keep the first libxlsxwriter error, of a write to (row, col) of ws (col
   -1: the row itself), with that place: the error names it. */
void book_note_at(wbw *w, lxw_worksheet *ws, int row, int col, lxw_error e);
/* 1 if s can go into XML; else 0, and the workbook will not be written. */
int book_xml_ok(wbw *w, const char *s);
/* A formula with its cached value (a number; a text). Each cell writer
   below keeps its failure with its place (book_note_at). */
lxw_error book_formula_num(wbw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                           const char *formula, lxw_format *f, double v);
void book_formula_str(wbw *w, lxw_worksheet *ws, int row, int col, const char *formula,
                      lxw_format *f, const char *v);
/* A number that is not an mpq (an order, a line number). */
void book_value(wbw *w, lxw_worksheet *ws, int row, int col, double v, lxw_format *f);
/* An empty cell in format f. */
void book_blank(wbw *w, lxw_worksheet *ws, int row, int col, lxw_format *f);
/* Text s across columns c0..c1 (c1 > c0) of one row, merged. */
void book_merge(wbw *w, lxw_worksheet *ws, int row, int c0, int c1, const char *s, lxw_format *f);
/* A link to url in (row, col), showing text. */
void book_url(wbw *w, lxw_worksheet *ws, int row, int col, const char *url, const char *text);
/* Row's height in points, and its format (NULL: none). */
void book_set_row(wbw *w, lxw_worksheet *ws, int row, double height, lxw_format *f);
/* A text cell (nothing for NULL or ""). */
void book_text(wbw *w, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f);
void book_number(wbw *w, lxw_worksheet *ws, int row, int col, const mpq_t x, lxw_format *f);
/* How many lines t takes wrapped in a column of width characters (rough). */
int book_wrapped_lines(const char *t, int width);
/* A heading row of five cells (an empty title leaves its cell blank). */
void book_head_row(wbw *w, lxw_worksheet *ws, int row, const char *c0, const char *c1,
                   const char *c2, const char *c3, const char *c4);
/* A formula with the engine's value cached, and beside it a check cell that
   compares the two; book_figure in the number format. */
void book_figure(wbw *w, lxw_worksheet *ws, int row, int col, const char *formula,
                 const mpq_t engine);
void book_figure_fmt(wbw *w, lxw_worksheet *ws, int row, int col, const char *formula,
                     const mpq_t engine, lxw_format *fmt);
/* Append the test a check cell makes of the figure at (row, col) of this
   sheet: true when it lies within 1e-9 (relative, or absolute below 1) of
   anbud's exact result engine. */
void book_check_test(sbuf *b, int row, int col, const mpq_t engine);
/* A figure of the model's own Lua function: the value, marked. */
void book_custom(wbw *w, lxw_worksheet *ws, int row, int col, const mpq_t engine);
/* A defined name for a cell or range of the sheet quoted q (local to the
   lot's sheets when the model has lots). */
void book_define(wbw *w, const char *name, const char *q, int r1, int c1, int r2, int c2);
/* A number format showing places decimals (0 to BOOK_MAX_PLACES; the cell
   keeps the exact value), with thousands separators, of kind BOOK_NUM,
   BOOK_MONEY ("#,##0 \"kr\"", in the model's currency), or their _INPUT
   forms; made once per workbook. */
lxw_format *book_format(wbw *w, int kind, int places);
/* The decimals x has written out (0.125: 3), at most BOOK_MAX_PLACES; 2
   for a fraction that has no end (1/3), whose exact value the cell keeps. */
int book_places(const mpq_t x);
/* The sheet's title in its first row, tall enough for the title's font. */
void book_title_row(wbw *w, lxw_worksheet *ws, const char *title);
/* Give row the height of lines lines of text (a spreadsheet does not grow
   a row for wrapped text on its own), its cells aligned to the top;
   nothing for one line. */
void book_row_lines(wbw *w, lxw_worksheet *ws, int row, int lines);
/* Tie-break rule i of the model in words, in the workbook's language
   ("kvalitet", "lottning", "Inlämnad, tidigast först"). */
const char *book_tiebreak_text(const wbw *w, int i, char *buf, size_t size);
/* The lot whose sheets are being written, in words, with its place in the
   order of award ("Delområde 2, tilldelat som nummer 1 av 3: Norra
   distriktet"); "" when the model has no lots. */
void book_lot_heading(const wbw *w, char *buf, size_t size);
/* The fingerprints from row on: the model's SHA-256 sha256 (the defined name
   ModelSHA256 when name_it), each file of in with its SHA-256, anbud's
   version, the evaluation date. Returns the row after them. */
int book_fingerprint_rows(wbw *w, lxw_worksheet *ws, int row, const char *sha256,
                          const anbud_inputs *in, int name_it);
/* A sheet's print setup: A4 (paper 9), landscape if asked, fit to one page
   wide, the sheet's name and the page number in the header; rows
   first_row..last_row and columns first_col..last_col repeated on every
   printed page (-1: none). */
void book_print_setup(lxw_worksheet *ws, int landscape, int first_row, int last_row,
                      int first_col, int last_col);

/* The decimals x needs written out (0.125: 3), at most cap; cap for a
   fraction that has no end (1/3). */
int book_decimals(const mpq_t x, int cap);
/* The characters x takes shown at places decimals with thousands
   separators, and " kr" (or the currency) for money: for a column's width. */
int book_number_chars(const mpq_t x, int places, int money);
/* The lines a heading takes wrapped at word ends in a column of width
   characters (a word longer than the column is broken). */
int book_heading_lines(const char *t, double width);

/* }====================================== */

/* {=========== the sheets ============ */

void book_write_model(wbw *w);                  /* book_model.c */
void book_write_bids(wbw *w);                   /* book_inputs.c */
void book_write_scores(wbw *w);
/* The name shown for the evaluator of score s (numbered in the public variant). */
const char *book_evaluator_label(const wbw *w, int s, char *buf, size_t size);
char *book_justification(const wbw *w, int s);  /* malloc'd; no evaluator's name if public */
void book_write_calc(wbw *w);                   /* book_calc.c */
/* The number format of the Calculation sheet's column col (money in kr,
   ranks as integers, scores and totals at the model's precision), and in
   *width the column width its figures need (characters). */
lxw_format *book_calc_format(wbw *w, int col, double *width);
void book_write_summary(wbw *w);                /* book_summary.c */
/* Who lot l is awarded to, in a sentence. */
void book_allocation_line(const wbw *w, const award_lot *l, char *line, size_t size);
void book_write_sensitivity(wbw *w);            /* book_sensitivity.c */
void book_write_requirements(wbw *w, lxw_worksheet *ws);   /* book_requirements.c */
void book_write_award(wbw *w, lxw_worksheet *ws);          /* book_award.c */
/* The lot's sheets, named with suffix (" 2") when the model has lots. */
void book_write_lot(wbw *w, const award_lot *l, const char *suffix);
/* workbook_add_worksheet gave no sheet: the error, with errno's cause. */
void book_sheet_failed(wbw *w);

/* }====================================== */

#endif
