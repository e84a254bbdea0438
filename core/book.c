/*
** book.c: the helpers every sheet of the audit workbook writes with (book.h):
** text buffers for formulas, text and number cells, figures (a formula with
** the engine's value cached and its check cell), defined names, print setup.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "book.h"
#include "rank.h"
#include "text.h"
#include "xlform.h"

/* {=========== text buffers and numbers ============ */

void book_sb_add(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    int k;
    for (;;) {
        size_t room = b->cap - b->n;
        va_start(ap, fmt);
        k = vsnprintf(b->s ? b->s + b->n : NULL, b->s ? room : 0, fmt, ap);
        va_end(ap);
        if (k < 0) return;
        if (b->s && (size_t)k < room) { b->n += (size_t)k; return; }
        b->cap = (b->cap + (size_t)k + 64) * 2;
        b->s = realloc(b->s, b->cap);
        if (!b->s) { fputs("anbud: out of memory\n", stderr); exit(2); }
        if (b->n == 0) b->s[0] = '\0';
    }
}

void book_sb_clear(sbuf *b)
{
    b->n = 0;
    if (b->s) b->s[0] = '\0';
}

/* The shortest text that reads back as the same double (C locale). */
static void fmt_double(double d, char out[40])
{
    dec_format_double(d, out);  /* the %.<p>g loop, without most of its turns */
}

/* A number literal for a formula: the shortest text of the nearest double,
   written out without an exponent (315000, not 3.15e+05). */
static void sb_lit(sbuf *b, double d)
{
    char t[40];
    fmt_double(d, t);
    if (strchr(t, 'e')) {
        mpq_t q;
        char *s;
        mpq_init(q);
        s = dec_from_double(q, d) == 0 ? dec_format_exact(q) : NULL;
        book_sb_add(b, "%s", s && strlen(s) < 400 ? s : t);
        free(s);
        mpq_clear(q);
    } else book_sb_add(b, "%s", t);
}

void book_sb_num(sbuf *b, const mpq_t x)
{
    char *s = dec_format_exact(x);
    if (s && strchr(s, '/') && strlen(s) < 40) book_sb_add(b, "(%s)", s);   /* 200/3 exactly */
    else sb_lit(b, dec_to_double(x));
    free(s);
}

/* }====================================== */

/* {=========== cells ============ */

const char *book_word(const wbw *w, word_id id)
{
    return words_text(w->lang, id);
}

void book_note(wbw *w, lxw_error e)
{
    if (e != LXW_NO_ERROR && w->status == LXW_NO_ERROR) w->status = e;
}

/* A write that fails must not be lost: in constant_memory mode a cell of a
   row already written out is dropped, and libxlsxwriter says so only in
   its return value. The first failure is kept with its place, and the
   workbook is not written (workbook.c says where). */
void book_note_at(wbw *w, lxw_worksheet *ws, int row, int col, lxw_error e)
{
    const char *sheet = ws && ws->name ? ws->name : "";
    char place[160], cell[32], name[16];
    int beyond = row < 0 || (lxw_row_t)row >= LXW_ROW_MAX || col >= (int)LXW_COL_MAX;
    if (e == LXW_NO_ERROR || w->status != LXW_NO_ERROR) return;
    w->status = e;
    if (beyond) snprintf(place, sizeof place, "sheet \"%s\", row %d, column %d", sheet, row + 1, col + 1);
    else if (col < 0) snprintf(place, sizeof place, "sheet \"%s\", row %d", sheet, row + 1);
    else {
        lxw_col_to_name(name, (lxw_col_t)col, 0);
        lxw_rowcol_to_cell(cell, (lxw_row_t)row, (lxw_col_t)col);
        snprintf(place, sizeof place, "sheet \"%s\", row %d, column %s (cell %s)", sheet, row + 1, name, cell);
    }
    if (e != LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE)
        snprintf(w->where, sizeof w->where, "%s: %s", place, workbook_lxw_message(e, 0));
    else if (beyond)
        snprintf(w->where, sizeof w->where, "%s: a sheet has at most %u rows and %u columns",
                 place, (unsigned)LXW_ROW_MAX, (unsigned)LXW_COL_MAX);
    else   /* streamed only: a row already written out (a bug of anbud's) */
        snprintf(w->where, sizeof w->where, "%s: internal error: written after a later row, "
                 "and a large workbook is written row by row", place);
}

/* Every string handed to libxlsxwriter passes here: it writes text as
   given, and one character XML cannot hold (U+FFFE, a control character, a
   UTF-8 sequence cut short) breaks the whole workbook. The readers refuse
   such text where it enters; this catches what got past them, and the
   workbook is not written. */
int book_xml_ok(wbw *w, const char *s)
{
    char msg[sizeof w->bad];
    if (!text_xml_check(s, msg, sizeof msg)) return 1;
    if (!w->bad[0]) snprintf(w->bad, sizeof w->bad, "%s", msg);
    return 0;
}

lxw_error book_formula_num(wbw *w, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
                           const char *formula, lxw_format *f, double v)
{
    lxw_error e;
    if (!book_xml_ok(w, formula)) return LXW_NO_ERROR;
    e = worksheet_write_formula_num(ws, row, col, formula, f, v);
    book_note_at(w, ws, (int)row, (int)col, e);
    return e;
}

void book_formula_str(wbw *w, lxw_worksheet *ws, int row, int col, const char *formula,
                      lxw_format *f, const char *v)
{
    if (book_xml_ok(w, formula) && book_xml_ok(w, v))
        book_note_at(w, ws, row, col, worksheet_write_formula_str(ws, (lxw_row_t)row, (lxw_col_t)col, formula, f, v));
}

void book_value(wbw *w, lxw_worksheet *ws, int row, int col, double v, lxw_format *f)
{
    book_note_at(w, ws, row, col, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, f));
}

void book_blank(wbw *w, lxw_worksheet *ws, int row, int col, lxw_format *f)
{
    book_note_at(w, ws, row, col, worksheet_write_blank(ws, (lxw_row_t)row, (lxw_col_t)col, f));
}

/* One row only: libxlsxwriter checks the place of a merge's last cell and
   not that of its first, whose text it writes without looking at the
   result; on one row the two are checked alike. */
void book_merge(wbw *w, lxw_worksheet *ws, int row, int c0, int c1, const char *s, lxw_format *f)
{
    if (book_xml_ok(w, s))
        book_note_at(w, ws, row, c0, worksheet_merge_range(ws, (lxw_row_t)row, (lxw_col_t)c0, (lxw_row_t)row,
                                                           (lxw_col_t)c1, s, f));
}

void book_url(wbw *w, lxw_worksheet *ws, int row, int col, const char *url, const char *text)
{
    if (book_xml_ok(w, url) && book_xml_ok(w, text))
        book_note_at(w, ws, row, col, worksheet_write_url_opt(ws, (lxw_row_t)row, (lxw_col_t)col, url, NULL, text, NULL));
}

void book_set_row(wbw *w, lxw_worksheet *ws, int row, double height, lxw_format *f)
{
    book_note_at(w, ws, row, -1, worksheet_set_row(ws, (lxw_row_t)row, height, f));
}

/* Append a reference to (row, col) of the sheet quoted as q (NULL: this sheet). */
void book_sb_ref(sbuf *b, const char *q, int row, int col, int absolute)
{
    char cell[32];
    if (absolute) lxw_rowcol_to_cell_abs(cell, (lxw_row_t)row, (lxw_col_t)col, 1, 1);
    else lxw_rowcol_to_cell(cell, (lxw_row_t)row, (lxw_col_t)col);
    if (q) book_sb_add(b, "%s!%s", q, cell);
    else book_sb_add(b, "%s", cell);
}

void book_text(wbw *w, lxw_worksheet *ws, int row, int col, const char *s, lxw_format *f)
{
    char *cut = NULL;
    if (!s || !*s) return;
    s = text_utf8_whole_copy(s, &cut);
    if (book_xml_ok(w, s)) book_note_at(w, ws, row, col, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, s, f));
    free(cut);
}

/* How many lines text takes wrapped in a column of width characters: the
   words laid out line by line as a spreadsheet does (a word longer than a
   line is broken; a line break in the text starts a line). Characters, not
   glyph widths: a column of width holds width digits, and Gnumeric's
   glyphs are wider than LibreOffice's, so a line is taken to hold 7/8 of
   width letters of prose. */
int book_wrapped_lines(const char *t, int width)
{
    long cap = width * 7 / 8 > 0 ? width * 7 / 8 : 1, lines = 1, cur = 0, word = 0;
    if (!t) return 1;
    for (;; t++) {
        if (*t && *t != ' ' && *t != '\n') {
            if (((unsigned char)*t & 0xC0) != 0x80) word++;   /* UTF-8 characters */
            continue;
        }
        if (word) {   /* the word ends: on this line, or the next ones */
            if (cur && cur + 1 + word <= cap) cur += 1 + word;
            else {
                if (cur) lines++;
                cur = word;
                while (cur > cap) { lines++; cur -= cap; }
            }
            word = 0;
        }
        if (!*t) break;
        if (*t == '\n') { lines++; cur = 0; }
    }
    return lines > 1000 ? 1000 : (int)lines;
}

/* The heading row of a list on the Summary (excluded, jäv, passed over):
   five cells in the heading format, an empty title leaving its cell blank. */
void book_head_row(wbw *w, lxw_worksheet *ws, int row, const char *c0, const char *c1,
                   const char *c2, const char *c3, const char *c4)
{
    const char *c[5];
    int k;
    c[0] = c0; c[1] = c1; c[2] = c2; c[3] = c3; c[4] = c4;
    for (k = 0; k < 5; k++) book_text(w, ws, row, k, c[k], w->head);
}

void book_number(wbw *w, lxw_worksheet *ws, int row, int col, const mpq_t x, lxw_format *f)
{
    book_note_at(w, ws, row, col, worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, dec_to_double(x), f));
}

void book_figure(wbw *w, lxw_worksheet *ws, int row, int col, const char *formula,
                 const mpq_t engine)
{
    book_figure_fmt(w, ws, row, col, formula, engine, w->num);
}

void book_figure_fmt(wbw *w, lxw_worksheet *ws, int row, int col, const char *formula,
                     const mpq_t engine, lxw_format *fmt)
{
    sbuf lit = { NULL, 0, 0 };
    double v = dec_to_double(engine);
    if (!formula[0] || strlen(formula) > XLFORM_MAX_FORMULA) {
        /* Excel refuses a longer formula (the lists a model makes long are
           split into partial sums; what is left is input, such as hundreds
           of evaluators' scores of one criterion; an empty formula is one
           with too many arguments): the value, marked */
        book_number(w, ws, row, col, engine, fmt);
        book_text(w, ws, row, col + 1, book_word(w, W_BOOK_CHECK_TOO_LONG), w->check);
        w->nlong++;
        return;
    }
    sb_lit(&lit, v);
    book_formula_num(w, ws, (lxw_row_t)row, (lxw_col_t)col, formula, fmt, v);
    book_sb_clear(&w->t);
    book_sb_add(&w->t, "=IF(ABS(");
    book_sb_ref(&w->t, NULL, row, col, 0);
    book_sb_add(&w->t, "-(%s))<=1E-9*MAX(1,ABS(%s)),\"OK\",\"%s\")", lit.s, lit.s, book_word(w, W_BOOK_CHECK_DIFFERS));
    free(lit.s);
    book_formula_str(w, ws, row, col + 1, w->t.s, w->check, "OK");
    w->nformulas += 2;
}

void book_check_test(sbuf *b, int row, int col, const mpq_t engine)
{
    sbuf lit = { NULL, 0, 0 };
    sb_lit(&lit, dec_to_double(engine));
    book_sb_add(b, "ABS(");
    book_sb_ref(b, NULL, row, col, 0);
    book_sb_add(b, "-(%s))<=1E-9*MAX(1,ABS(%s))", lit.s, lit.s);
    free(lit.s);
}

/* A figure anbud computed with a model's own Lua function, which has no
   Excel form: written as a value, marked. */
void book_custom(wbw *w, lxw_worksheet *ws, int row, int col, const mpq_t engine)
{
    book_number(w, ws, row, col, engine, w->input);
    book_text(w, ws, row, col + 1, book_word(w, W_BOOK_CHECK_LUA), w->check);
    w->ncustom++;
}

int book_decimals(const mpq_t x, int cap)
{
    mpz_t d;
    int p = 0;
    mpz_init_set(d, mpq_denref(x));
    /* x has p decimals when its denominator divides 10^p: only 2s and 5s */
    while (p < cap && mpz_cmp_ui(d, 1) != 0) {
        if (mpz_divisible_ui_p(d, 10)) mpz_divexact_ui(d, d, 10);
        else if (mpz_divisible_ui_p(d, 2)) mpz_divexact_ui(d, d, 2);
        else if (mpz_divisible_ui_p(d, 5)) mpz_divexact_ui(d, d, 5);
        else { p = cap; break; }
        p++;
    }
    mpz_clear(d);
    return p;
}

int book_number_chars(const mpq_t x, int places, int money)
{
    mpz_t i;
    int digits;
    mpz_init(i);
    mpz_tdiv_q(i, mpq_numref(x), mpq_denref(x));
    mpz_abs(i, i);
    mpz_add_ui(i, i, 1);   /* rounding up may add a digit: 999.5 shows as 1 000 */
    digits = (int)mpz_sizeinbase(i, 10);
    mpz_clear(i);
    return digits + (digits - 1) / 3 + (places > 0 ? places + 1 : 0)
           + (mpq_sgn(x) < 0) + (money ? 3 : 0);
}

int book_heading_lines(const char *t, double width)
{
    int lines = 1;
    double used = 0;
    while (t && *t) {
        double n = 0;
        const char *e = t;
        while (*e && *e != ' ') { if (((unsigned char)*e & 0xC0) != 0x80) n++; e++; }
        if (used > 0 && used + 1 + n > width) { lines++; used = 0; }
        if (n > width) { lines += (int)(n / width); n -= (int)(n / width) * width; }
        used += (used > 0) + n;
        t = *e ? e + 1 : e;
    }
    return lines;
}

/* }====================================== */

/* {=========== names and print ============ */

void book_define(wbw *w, const char *name, const char *q, int r1, int c1, int r2, int c2)
{
    sbuf b = { NULL, 0, 0 };
    book_sb_add(&b, "=");
    book_sb_ref(&b, q, r1, c1, 1);
    if (r2 != r1 || c2 != c1) {
        book_sb_add(&b, ":");
        book_sb_ref(&b, NULL, r2, c2, 1);
    }
    if (!book_xml_ok(w, name) || !book_xml_ok(w, b.s)) { free(b.s); return; }
    if (w->nscope == 0) book_note(w, workbook_define_name(w->wb, name, b.s));
    else {
        /* each lot's names are local to its sheets, so that the formulas
           read the same in every lot */
        int i;
        char local[200];
        for (i = 0; i < w->nscope; i++) {
            snprintf(local, sizeof local, "%s!%s", w->scope_name[i], name);
            book_note(w, workbook_define_name(w->wb, local, b.s));
        }
    }
    free(b.s);
}

lxw_format *book_format(wbw *w, int kind, int places)
{
    lxw_format *f;
    char nf[80];
    if (places < 0) places = 0;
    if (places > BOOK_MAX_PLACES) places = BOOK_MAX_PLACES;
    if (kind < 0 || kind >= BOOK_NFMT) kind = BOOK_NUM;
    if (w->fmts[kind][places]) return w->fmts[kind][places];
    /* US syntax in the file: the reader's locale shows "772 883 kr" */
    snprintf(nf, sizeof nf, "#,##0%s%.*s", places ? "." : "", places, "0000000000");
    if (kind == BOOK_MONEY || kind == BOOK_MONEY_INPUT) {
        const char *cur = w->aw->m->currency, *unit = strcmp(cur, "SEK") == 0 ? "kr" : cur;
        if (book_xml_ok(w, unit) && !strchr(unit, '"'))
            snprintf(nf + strlen(nf), sizeof nf - strlen(nf), " \"%s\"", unit);
    }
    f = workbook_add_format(w->wb);
    format_set_num_format(f, nf);
    format_set_align(f, LXW_ALIGN_VERTICAL_TOP);   /* as the texts beside it */
    if (kind == BOOK_NUM_INPUT || kind == BOOK_MONEY_INPUT) {
        format_set_bg_color(f, 0xFFF2CC);
        format_set_unlocked(f);
    }
    return w->fmts[kind][places] = f;
}

int book_places(const mpq_t x)
{
    mpz_t d;
    int p;
    mpz_init_set(d, mpq_denref(x));
    /* x has p decimals when its denominator divides 10^p: only 2s and 5s */
    for (p = 0; p <= BOOK_MAX_PLACES && mpz_cmp_ui(d, 1) != 0; p++) {
        if (mpz_divisible_ui_p(d, 10)) mpz_divexact_ui(d, d, 10);
        else if (mpz_divisible_ui_p(d, 2)) mpz_divexact_ui(d, d, 2);
        else if (mpz_divisible_ui_p(d, 5)) mpz_divexact_ui(d, d, 5);
        else break;
    }
    p = mpz_cmp_ui(d, 1) == 0 ? p : 2;
    mpz_clear(d);
    return p;
}

void book_title_row(wbw *w, lxw_worksheet *ws, const char *title)
{
    book_set_row(w, ws, 0, 21, NULL);   /* room for the 14-point title in every reader */
    book_text(w, ws, 0, 0, title, w->title);
}

void book_row_lines(wbw *w, lxw_worksheet *ws, int row, int lines)
{
    if (lines > 1) book_set_row(w, ws, row, 15.0 * lines, w->top);
}

const char *book_tiebreak_text(const wbw *w, int i, char *buf, size_t size)
{
    /* the evaluation's words for its rules, as the terminal and the JSON say them */
    char *s = rank_rule_words(w->m, i, w->lang);
    snprintf(buf, size, "%s", s);
    free(s);
    return buf;
}

int book_fingerprint_rows(wbw *w, lxw_worksheet *ws, int row, const char *sha256,
                          const anbud_inputs *in, int name_it)
{
    int i;
    book_text(w, ws, row, 0, book_word(w, W_BOOK_MODEL_SHA_256), w->bold);
    book_text(w, ws, row, 1, sha256, NULL);
    if (name_it) book_define(w, "ModelSHA256", w->q_sum, row, 1, row, 1);
    row++;
    for (i = 0; i < in->nfiles; i++) {
        book_text(w, ws, row, 0, in->files[i].name, NULL);
        book_text(w, ws, row++, 1, in->files[i].sha256, NULL);
    }
    book_text(w, ws, row, 0, "anbud", w->bold);
    book_text(w, ws, row++, 1, w->o->version, NULL);
    book_text(w, ws, row, 0, book_word(w, W_BOOK_EVALUATION_DATE), w->bold);
    book_text(w, ws, row++, 1, w->o->date, NULL);
    return row;
}

void book_lot_heading(const wbw *w, char *buf, size_t size)
{
    const award *a = w->aw;
    const award_lot *l = w->lot;
    int j, place = 0;
    buf[0] = '\0';
    if (!a->m->nlots) return;
    for (j = 0; j < a->nlots; j++)
        if (&a->lots[a->order[j]] == l) place = j + 1;
    words_snprintf(buf, size, w->lang, W_BOOK_SUM_LOT, l->id, place, a->nlots);
    if (l->text && l->text[0]) {
        size_t n = strlen(buf);
        snprintf(buf + n, size - n, ": %s", l->text);
    }
}

void book_print_setup(lxw_worksheet *ws, int landscape, int first_row, int last_row,
                      int first_col, int last_col)
{
    if (landscape) worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);   /* A4 */
    /* each printed page says which sheet it is and which page of it */
    worksheet_set_header(ws, "&L&A&R&P / &N");
    worksheet_fit_to_pages(ws, 1, 0);
    if (first_row >= 0) worksheet_repeat_rows(ws, (lxw_row_t)first_row, (lxw_row_t)last_row);
    if (first_col >= 0) worksheet_repeat_columns(ws, (lxw_col_t)first_col, (lxw_col_t)last_col);
}

/* }====================================== */
