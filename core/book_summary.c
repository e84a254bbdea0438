/*
** book_summary.c: the Summary sheet (Sammanfattning): who won, the ranking
** with live references to the Calculation sheet, the excluded, jäv and
** passed-over bids, tie-break and lottery, fingerprints of the model and the
** inputs, the standstill period, warnings. Also the allocation sentence the
** Award sheet repeats per lot.
*/
#include <stdio.h>
#include <string.h>
#include <math.h>
#include "book.h"
#include "rank.h"
#include "text.h"

/* Who the lot is awarded to, in a sentence. */
void book_allocation_line(const wbw *w, const award_lot *l, char *line, size_t size)
{
    const evaluation *ev = &l->ev;
    size_t len;
    int i;
    if (l->nawarded == 0) {
        if (ev->open_queries)
            snprintf(line, size, "%s", book_word(w, W_BOOK_ALLOC_OPEN_QUERY));
        else if (l->undecided) {
            /* its own tie at the top, or an earlier lot's that it waits for */
            int ones = 0;
            for (i = 0; i < ev->nranked; i++) ones += ev->bids[ev->order[i]].rank == 1;
            snprintf(line, size, "%s", book_word(w, ones > 1 ? W_BOOK_ALLOC_TIE : W_BOOK_ALLOC_WAITING));
        }
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

/* The figures of the ranking table: what each column reads from the
   Calculation sheet. */
enum { SC_PRICE, SC_CRIT, SC_QUALITY, SC_TOTAL };
typedef struct sumcol {
    int kind, k;            /* k: the criterion of SC_CRIT */
    int calc_col;           /* its column on the Calculation sheet */
    lxw_format *fmt;
} sumcol;

/* More criteria than this and the table shows price, quality and total
   instead of a column per criterion (the Calculation sheet has them all). */
#define SUM_MAX_CRIT 10

/* The engine's figure of column c for bid b. */
static const mpq_t *sum_engine(const eval_bid *b, const sumcol *c, int rounded_total)
{
    switch (c->kind) {
    case SC_PRICE: return (const mpq_t *)&b->price;
    case SC_CRIT: return (const mpq_t *)&b->crit[c->k].contribution;
    case SC_QUALITY: return (const mpq_t *)&b->quality;
    default: return rounded_total ? (const mpq_t *)&b->total : (const mpq_t *)&b->total_exact;
    }
}

/* Append s to a formula as a string literal. */
static void sb_str(sbuf *b, const char *s)
{
    book_sb_add(b, "\"");
    for (; *s; s++) book_sb_add(b, *s == '"' ? "\"\"" : "%c", *s);
    book_sb_add(b, "\"");
}

/* A text across columns c0..c1, wrapped, its row as high as it needs. */
static void wide_text(wbw *w, lxw_worksheet *ws, int row, int c0, int c1, int width,
                      const char *s, lxw_format *f)
{
    char *cut = NULL;
    if (!s || !*s) return;
    s = text_utf8_whole_copy(s, &cut);
    if (book_xml_ok(w, s)) {
        if (c1 > c0) book_merge(w, ws, row, c0, c1, s, f);
        else book_note_at(w, ws, row, c0, worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)c0, s, f));
        book_row_lines(w, ws, row, book_wrapped_lines(s, width));
    }
    free(cut);
}

/* The heading of a list below the table (excluded, jäv, passed over): its
   five titles, the band of the heading colour across the table. */
static void list_head(wbw *w, lxw_worksheet *ws, int row, int ncol, const char *c0, const char *c1,
                      const char *c2, const char *c3, const char *c4)
{
    int c;
    book_head_row(w, ws, row, c0, c1, c2, c3, c4);
    if (!c3 || !*c3) book_blank(w, ws, row, 3, w->head);
    for (c = 5; c < ncol; c++) book_blank(w, ws, row, c, w->head);
}

/* Give row the larger of two line counts. */
static void lines_at_least(wbw *w, lxw_worksheet *ws, int row, int a, int b)
{
    book_row_lines(w, ws, row, a > b ? a : b);
}

/* The winner line: a formula that names the bid ranked 1 in the table
   (rows first..last), so that it follows the ranks when an input changes,
   and says there is no winner while two bids share rank 1. Only where the
   award is that simple (one supplier, no bid passed over, no open query);
   otherwise the allocation in words. */
static void winner_line(wbw *w, lxw_worksheet *ws, int row, int first, int last)
{
    const evaluation *ev = w->ev;
    const award_lot *l = w->lot;
    sbuf *f = &w->f;
    char line[600], rk[40], ids[40], names[40];
    int i, ones = 0, top = -1, simple = l->places == 1 && ev->nranked > 0 && !ev->open_queries;
    for (i = 0; i < ev->nbids && simple; i++)
        if (l->passed && l->passed[i]) simple = 0;
    for (i = 0; i < ev->nranked; i++)
        if (ev->bids[ev->order[i]].rank == 1) { ones++; if (top < 0) top = ev->order[i]; }
    if (simple) simple = ones == 1 ? l->nawarded == 1 && l->awarded[0] == top
                                   : l->nawarded == 0 && l->undecided;
    book_allocation_line(w, l, line, sizeof line);
    if (!simple) {
        book_text(w, ws, row, 0, line, w->bold);
        return;
    }
    book_sb_clear(f);
    book_sb_ref(f, NULL, first, 0, 1); book_sb_add(f, ":"); book_sb_ref(f, NULL, last, 0, 1);
    snprintf(rk, sizeof rk, "%s", f->s);
    book_sb_clear(f);
    book_sb_ref(f, NULL, first, 1, 1); book_sb_add(f, ":"); book_sb_ref(f, NULL, last, 1, 1);
    snprintf(ids, sizeof ids, "%s", f->s);
    book_sb_clear(f);
    book_sb_ref(f, NULL, first, 2, 1); book_sb_add(f, ":"); book_sb_ref(f, NULL, last, 2, 1);
    snprintf(names, sizeof names, "%s", f->s);
    if (first == last) {   /* Gnumeric's INDEX of a one-cell range is #REF! */
        char *c = strrchr(rk, ':');
        if (c) *c = '\0';
        if ((c = strrchr(ids, ':'))) *c = '\0';
        if ((c = strrchr(names, ':'))) *c = '\0';
    }
    book_sb_clear(f);
    book_sb_add(f, "=IF(COUNTIF(%s,1)=1,", rk);
    book_sb_clear(&w->t);
    book_sb_add(&w->t, "%s: ", book_word(w, W_BOOK_ALLOC_WINNER));
    sb_str(f, w->t.s);
    if (first == last) book_sb_add(f, "&%s&\" (\"&%s&\")\",", ids, names);
    else book_sb_add(f, "&INDEX(%s,MATCH(1,%s,0))&\" (\"&INDEX(%s,MATCH(1,%s,0))&\")\",", ids, rk, names, rk);
    sb_str(f, book_word(w, W_BOOK_ALLOC_TIE));
    book_sb_add(f, ")");
    /* the cached text is what the formula gives for the engine's ranks:
       book_allocation_line's sentence, whole however long the names */
    book_sb_clear(&w->t);
    if (ones == 1) {
        const input_bid *ib = &w->in->bids[ev->bids[top].input];
        book_sb_add(&w->t, "%s: %s (%s)", book_word(w, W_BOOK_ALLOC_WINNER), ib->id, ib->bidder);
    } else book_sb_add(&w->t, "%s", book_word(w, W_BOOK_ALLOC_TIE));
    if (book_xml_ok(w, f->s) && book_xml_ok(w, w->t.s))
        book_formula_str(w, ws, row, 0, f->s, w->bold, w->t.s);
    book_define(w, "Winner", w->q_sum, row, 0, row, 0);
    w->nformulas++;
}

void book_write_summary(wbw *w)
{
    const evaluation *ev = w->ev;
    const model *m = w->m;
    lxw_worksheet *ws = w->sum;
    sbuf *f = &w->f;
    int i, k, row = 0, tc = w->c_total_r >= 0 ? w->c_total_r : w->c_total;
    int cp = m->basis == BASIS_COMPARISON_PRICE, ntop = 0, nsc = 0, c_dec, c_chk, ncol, head;
    int money_places, point_places, first, last, width[SUM_MAX_CRIT + 8], wide, reason_width;
    sumcol fig[SUM_MAX_CRIT + 3];
    lxw_format *rankf, *checkf;
    char line[600], buf[300];

    /* the table's figures: the price (comparison price, value for money),
       each top-level criterion's contribution, the total */
    /* the rank centred, as a whole number */
    rankf = workbook_add_format(w->wb);
    format_set_num_format(rankf, "0");
    format_set_align(rankf, LXW_ALIGN_CENTER);
    format_set_align(rankf, LXW_ALIGN_VERTICAL_TOP);
    /* the check cell as w->check, at the top of a row of wrapped text */
    checkf = workbook_add_format(w->wb);
    format_set_font_color(checkf, 0x548235);
    format_set_align(checkf, LXW_ALIGN_VERTICAL_TOP);
    money_places = ev->total_places >= 0 ? ev->total_places : m->rounding.price >= 0 ? m->rounding.price : 2;
    point_places = ev->total_places >= 0 ? ev->total_places : 2;
    for (k = 0; k < m->ncriteria; k++) ntop += m->criteria[k].parent < 0;
    if (m->basis != BASIS_POINTS) {
        fig[nsc].kind = SC_PRICE; fig[nsc].k = -1; fig[nsc].calc_col = w->c_price;
        fig[nsc++].fmt = book_format(w, BOOK_MONEY, money_places);
    }
    if (ntop <= SUM_MAX_CRIT) {
        for (k = 0; k < m->ncriteria; k++) {
            const model_criterion *c = &m->criteria[k];
            if (c->parent >= 0) continue;
            fig[nsc].kind = SC_CRIT; fig[nsc].k = k; fig[nsc].calc_col = w->c_contrib[k];
            fig[nsc++].fmt = c->kind == CRIT_ADDED_VALUE && !c->nvalues ? book_format(w, BOOK_MONEY, money_places)
                                                                       : book_format(w, BOOK_NUM, point_places);
        }
    } else {   /* price points, if any, are part of the total, not of quality */
        fig[nsc].kind = SC_QUALITY; fig[nsc].k = -1; fig[nsc].calc_col = w->c_quality;
        fig[nsc++].fmt = book_format(w, cp ? BOOK_MONEY : BOOK_NUM, cp ? money_places : point_places);
    }
    fig[nsc].kind = SC_TOTAL; fig[nsc].k = -1; fig[nsc].calc_col = tc;
    fig[nsc++].fmt = book_format(w, cp ? BOOK_MONEY : BOOK_NUM, cp ? money_places : point_places);
    c_dec = 3 + nsc;
    c_chk = c_dec + 1;
    ncol = c_chk + 1;
    width[0] = 19;      /* also the labels below the table */
    width[1] = 12;
    for (i = 0; i < ev->nbids; i++) {
        int n = (int)strlen(w->in->bids[ev->bids[i].input].id) + 2;
        if (n > width[1]) width[1] = n > 24 ? 24 : n;
    }
    width[2] = 30;
    for (i = 0; i < nsc; i++) {   /* room for the widest figure, so that none shows ### */
        int j, places = fig[i].kind == SC_PRICE || (fig[i].kind != SC_CRIT && cp) ||
                        (fig[i].kind == SC_CRIT && m->criteria[fig[i].k].kind == CRIT_ADDED_VALUE &&
                         !m->criteria[fig[i].k].nvalues) ? money_places : point_places;
        width[3 + i] = 16;
        for (j = 0; j < ev->nranked; j++) {
            char t[64];
            int n = snprintf(t, sizeof t, "%.*f", places, fabs(dec_to_double(*sum_engine(&ev->bids[ev->order[j]], &fig[i], w->c_total_r >= 0))));
            n += (n - (places ? places + 1 : 0) - 1) / 3 + 1 + 4;   /* separators, sign, " kr", margin */
            if (n > width[3 + i]) width[3 + i] = n;
        }
    }
    width[c_dec] = 16;
    width[c_chk] = 10;
    for (wide = 0, i = 0; i < ncol; i++) wide += width[i];
    reason_width = wide - width[0] - width[1] - width[2] - width[3];

    book_title_row(w, ws, m->title);
    row++;
    book_lot_heading(w, line, sizeof line);
    if (line[0]) wide_text(w, ws, row++, 0, ncol - 1, wide, line, w->bold);
    snprintf(line, sizeof line, "%s: %s. %s", m->id, model_basis_words(w->lang, m->basis),
             cp && strcmp(m->total_name, "comparison_price") == 0 ? book_word(w, W_BOOK_SUM_WHY_CP)
             : m->basis == BASIS_POINTS && strcmp(m->total_name, "weighted_sum") == 0 ? book_word(w, W_BOOK_SUM_WHY_POINTS)
             : ev->higher_is_better ? book_word(w, W_BOOK_HIGHEST_TOTAL_WINS)
                                    : book_word(w, W_BOOK_LOWEST_PRICE_WINS));
    wide_text(w, ws, row++, 0, ncol - 1, wide, line, NULL);
    head = row + 2;
    first = head + 1;
    last = head + (ev->nranked ? ev->nranked : 1);
    winner_line(w, ws, row, first, last);
    row = head;

    /* the ranking, and why: each bid's figures per criterion */
    book_text(w, ws, row, 0, book_word(w, W_BOOK_RANK), w->head);
    book_text(w, ws, row, 1, book_word(w, W_BOOK_BID), w->head);
    book_text(w, ws, row, 2, book_word(w, W_BOOK_BIDDER), w->head);
    {
        int lines = 1;
        for (i = 0; i < nsc; i++) {
            const char *h = "";
            switch (fig[i].kind) {
            case SC_PRICE: h = book_word(w, W_BOOK_EVALUATED_PRICE); break;
            case SC_QUALITY: h = book_word(w, W_BOOK_QUALITY); break;
            case SC_TOTAL: h = book_word(w, cp ? W_BOOK_COMPARISON_PRICE : W_BOOK_TOTAL); break;
            default: {
                const model_criterion *c = &m->criteria[fig[i].k];
                if (c->kind == CRIT_ADDED_VALUE && !c->nvalues)
                    words_snprintf(buf, sizeof buf, w->lang, c->surcharge ? W_BOOK_SUM_SURCHARGE : W_BOOK_SUM_DEDUCTION, c->id);
                else if (m->basis == BASIS_POINTS && c->kind != CRIT_ADDED_VALUE)
                    words_snprintf(buf, sizeof buf, w->lang, W_BOOK_SUM_POINTS, c->id);
                else snprintf(buf, sizeof buf, "%s", c->id);
                h = buf;
            }
            }
            book_text(w, ws, row, 3 + i, h, w->head);
            if (book_wrapped_lines(h, width[3 + i]) > lines) lines = book_wrapped_lines(h, width[3 + i]);
        }
        book_text(w, ws, row, c_dec, book_word(w, W_BOOK_DECIDED_BY), w->head);
        book_text(w, ws, row, c_chk, book_word(w, W_BOOK_SUM_CHECK), w->head);
        book_row_lines(w, ws, row, lines);
    }
    for (i = 0; i < ev->nranked; i++) {
        const eval_bid *b = &ev->bids[ev->order[i]];
        const input_bid *ib = &w->in->bids[b->input];
        int r = first + i, cr = w->calc_row[ev->order[i]], j, lines;
        sbuf chk = { NULL, 0, 0 };
        mpq_t q;
        mpq_init(q);
        mpq_set_si(q, b->rank, 1);
        book_sb_add(&chk, "=IF(AND(");
        for (j = -1; j < nsc; j++) {
            const mpq_t *x = j < 0 ? (const mpq_t *)&q : sum_engine(b, &fig[j], w->c_total_r >= 0);
            int col = j < 0 ? 0 : 3 + j;
            sbuf lit = { NULL, 0, 0 };
            book_sb_clear(f);
            book_sb_add(f, "=");
            book_sb_ref(f, w->q_calc, cr, j < 0 ? w->c_rank : fig[j].calc_col, 0);
            book_note(w, book_formula_num(w, ws, (lxw_row_t)r, (lxw_col_t)col, f->s,
                                          j < 0 ? rankf : fig[j].fmt, dec_to_double(*x)));
            book_sb_num(&lit, *x);
            book_sb_add(&chk, "%sABS(", j < 0 ? "" : ",");
            book_sb_ref(&chk, NULL, r, col, 0);
            book_sb_add(&chk, "-%s)<=1E-9*MAX(1,ABS(%s))", lit.s, lit.s);
            free(lit.s);
            w->nformulas++;
            if (j == -1) {
                book_text(w, ws, r, 1, ib->id, NULL);
                book_text(w, ws, r, 2, ib->bidder, w->wrap);
            }
        }
        lines = book_wrapped_lines(ib->bidder, width[2]);
        if (b->decided_by >= 0) {
            const char *t = book_tiebreak_text(w, b->decided_by, buf, sizeof buf);
            book_text(w, ws, r, c_dec, t, w->wrap);
            if (book_wrapped_lines(t, width[c_dec]) > lines) lines = book_wrapped_lines(t, width[c_dec]);
        }
        book_sb_add(&chk, "),\"OK\",");
        sb_str(&chk, book_word(w, W_BOOK_CHECK_DIFFERS));
        book_sb_add(&chk, ")");
        if (book_xml_ok(w, chk.s))
            book_formula_str(w, ws, r, c_chk, chk.s, checkf, "OK");
        w->nformulas++;
        free(chk.s);
        book_row_lines(w, ws, r, lines);
        mpq_clear(q);
    }
    row = first + ev->nranked;
    {
        char calc[64];
        snprintf(calc, sizeof calc, "%s", w->q_calc);
        if (calc[0] == '\'') {   /* the name as a reader sees it, not quoted */
            size_t n = strlen(calc);
            memmove(calc, calc + 1, n);
            if (n >= 2 && calc[n - 2] == '\'') calc[n - 2] = '\0';
        }
        words_snprintf(line, sizeof line, w->lang, W_BOOK_SUM_NOTE, calc);
        wide_text(w, ws, row++, 0, ncol - 1, wide, line, NULL);
    }
    row++;
    {
        int any = 0;
        for (i = 0; i < ev->nbids; i++) {
            const eval_bid *b = &ev->bids[i];
            if (!b->stage) continue;
            if (!any++) {
                list_head(w, ws, row++, ncol, book_word(w, W_BOOK_EXCLUDED), book_word(w, W_BOOK_BID),
                              book_word(w, W_BOOK_BIDDER), book_word(w, W_BOOK_STAGE), book_word(w, W_BOOK_REASON));
            }
            book_text(w, ws, row, 1, w->in->bids[b->input].id, NULL);
            book_text(w, ws, row, 2, w->in->bids[b->input].bidder, w->wrap);
            book_text(w, ws, row, 3, evaluation_exclusion_words(ev, i), w->wrap);
            wide_text(w, ws, row, 4, ncol - 1, reason_width, b->reason, w->wrap);
            lines_at_least(w, ws, row++, book_wrapped_lines(w->in->bids[b->input].bidder, width[2]),
                           book_wrapped_lines(b->reason, reason_width));
        }
        if (any) row++;
    }
    {   /* jäv: the evaluators who left a bid's panel, and why */
        int any = 0, s;
        for (s = 0; s < w->in->nscores; s++) {
            const input_score *sc = &w->in->scores[s];
            char who[64], *why;
            if (!sc->recused) continue;
            if (!any++) {
                list_head(w, ws, row++, ncol, book_word(w, W_BOOK_RECUSED), book_word(w, W_BOOK_EVALUATOR),
                              book_word(w, W_BOOK_BID_AND_CRITERION), "", book_word(w, W_BOOK_JUSTIFICATION));
            }
            book_text(w, ws, row, 1, book_evaluator_label(w, s, who, sizeof who), NULL);
            snprintf(line, sizeof line, "%s %s: \"%s\"", book_word(w, W_BOOK_BID_LC), w->in->bids[sc->bid].id,
                     m->criteria[sc->criterion].id);
            book_text(w, ws, row, 2, line, w->wrap);
            why = book_justification(w, s);
            wide_text(w, ws, row, 4, ncol - 1, reason_width, why, w->wrap);
            lines_at_least(w, ws, row++, book_wrapped_lines(line, width[2]),
                           book_wrapped_lines(why, reason_width));
            free(why);
        }
        if (any) {
            wide_text(w, ws, row++, 0, ncol - 1, wide, book_word(w, W_BOOK_RECUSED_NOTE), w->wrap);
            row++;
        }
    }
    {
        int any = 0;
        for (i = 0; i < ev->nbids; i++) {
            if (!w->lot->passed || !w->lot->passed[i]) continue;
            if (!any++) {
                list_head(w, ws, row++, ncol, book_word(w, W_BOOK_PASSED_OVER), book_word(w, W_BOOK_BID),
                              book_word(w, W_BOOK_BIDDER), "", book_word(w, W_BOOK_REASON));
            }
            book_text(w, ws, row, 1, w->in->bids[ev->bids[i].input].id, NULL);
            book_text(w, ws, row, 2, w->in->bids[ev->bids[i].input].bidder, w->wrap);
            wide_text(w, ws, row, 4, ncol - 1, reason_width, w->lot->passed[i], w->wrap);
            lines_at_least(w, ws, row++, book_wrapped_lines(w->in->bids[ev->bids[i].input].bidder, width[2]),
                           book_wrapped_lines(w->lot->passed[i], reason_width));
        }
        if (any) row++;
    }
    book_text(w, ws, row, 0, book_word(w, W_BOOK_TIE_BREAK), w->head);
    line[0] = '\0';
    for (i = 0; i < m->ntiebreak; i++)
        snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s", i ? ", " : "",
                 book_tiebreak_text(w, i, buf, sizeof buf));
    book_text(w, ws, row, 1, line[0] ? line : book_word(w, W_BOOK_NONE_DECLARED), NULL);
    row++;
    book_text(w, ws, row, 0, book_word(w, W_BOOK_LOTTERY_SEED), w->bold);
    book_text(w, ws, row++, 1, ev->seed, NULL);
    book_text(w, ws, row++, 1, ev->lottery_used ? book_word(w, W_BOOK_A_LOTTERY_DECIDED)
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
    row = book_fingerprint_rows(w, ws, row, m->sha256, w->in, 1);
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
        wide_text(w, ws, row++, 0, ncol - 1, wide, line, w->wrap);
    }
    if (w->nlong) {
        words_snprintf(line, sizeof line, w->lang, W_BOOK_N_LONG, w->nlong);
        wide_text(w, ws, row++, 0, ncol - 1, wide, line, w->wrap);
    }
    for (i = 0; i < ev->nwarnings; i++) wide_text(w, ws, ++row, 0, ncol - 1, wide, ev->warnings[i], w->wrap);
    if (!w->aw->m->nlots)
        for (i = 0; i < w->aw->nwarnings; i++) wide_text(w, ws, ++row, 0, ncol - 1, wide, w->aw->warnings[i], w->wrap);
    for (i = 0; i < ncol; i++) worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, width[i], NULL);
    book_print_setup(ws, 1, head, head, -1, -1);
    worksheet_protect(ws, NULL, NULL);
}
