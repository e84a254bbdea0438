/*
** doc.h: the documents of the award, written from the evaluation (award.h)
** as HTML that stands alone (html.h): the award decision to all bidders
** (doc_decision.c), a letter per bid (doc_letters.c) and the individual
** report (doc_report.c). They present the figures the evaluation computed,
** at the precision the JSON and the workbook show them; they compute none.
** doc_common.c holds what more than one of them shows: the model in words,
** the ranking per criterion, the charts, the exclusions, the fingerprints.
*/
#ifndef ANBUD_DOC_H
#define ANBUD_DOC_H

#include <stdio.h>
#include "award.h"
#include "html.h"

typedef struct doc_options {
    const char *lang;       /* "sv" or "en" */
    int public_variant;     /* no evaluator names, no confidential fields */
    const char *version;    /* anbud's */
    const char *date;       /* the evaluation date, YYYY-MM-DD */
} doc_options;

/* Each returns 0, or -1 when a write failed (ferror). */
int doc_write_decision(FILE *f, const award *a, const doc_options *o);
int doc_write_report(FILE *f, const award *a, const doc_options *o);

/* The letters: one per bid id (a bid in several lots has one letter, a
   part per lot), in the order of the bids input. file is the letter's file
   name: the bid id with every character but ASCII letters, digits, '-'
   and '_' as '_' (å ä ö as a a o), at most 80 bytes, then ".html"; a name
   that another bid already took (ignoring case) gets "-2", "-3". */
typedef struct doc_letter {
    const char *bid;        /* the id, as in the inputs */
    char *file;
} doc_letter;

int doc_letters_list(const award *a, doc_letter **out);
void doc_letters_free(doc_letter *l, int n);
int doc_write_letter(FILE *f, const award *a, const char *bid, const doc_options *o);

/* {=========== shared by the documents (doc_common.c) ============ */

/* What the model declares of the procurement, or NULL: the authority's
   name, the reference number (diarienummer), the object in more words;
   the estimated contract value: 1 and out set, or 0. */
const char *doc_authority(const model *m);
const char *doc_reference(const model *m);
const char *doc_description(const model *m);
int doc_contract_value(const model *m, mpq_t out);

/* The heading block: the document's name, the procurement's title, the
   authority, the reference number and the date. */
/* A document begins: h set up to write to f, the page titled title, the
   heading (to: the addressee, or NULL) and the intro paragraph. */
void doc_begin(html *h, FILE *f, const award *a, word_id title, const char *to, word_id intro,
               const doc_options *o);

/* The award of lot l in one sentence: the winner, the call-off order of a
   framework, or why there is none. */
void doc_award_line(html *h, const award_lot *l);
/* A lot's part begins: its heading (a new page but for the first lot; "the
   decision" without lots), then who is awarded. */
void doc_lot_start(html *h, const award *a, const award_lot *l, int first);

/* The top-level criteria that make up the total: -1 stands for the price
   column of a model whose price is not a criterion of its own. Fills
   cols (room for ncriteria + 1) and returns how many. */
int doc_columns(const model *m, int *cols);
/* The heading and the figure of column c (as doc_columns) for bid b, at
   the precision the JSON shows it. */
const char *doc_column_name(const model *m, int c);
void doc_column_figure(html *h, const evaluation *ev, const eval_bid *b, int c);
/* The figure as the document shows it, into out (exact, rounded as shown):
   what a difference between two bids is taken of. */
void doc_column_value(const evaluation *ev, const eval_bid *b, int c, mpq_t out);
/* 1 when the lower figure of column c is the better one. */
int doc_column_lower_better(const evaluation *ev, int c);
/* The total as shown, and its heading ("Summa", "Jämförelsepris"). */
void doc_total_figure(html *h, const evaluation *ev, const eval_bid *b);
void doc_total_value(const evaluation *ev, const eval_bid *b, mpq_t out);
word_id doc_total_word(const evaluation *ev);
/* A difference d of column c (or of the total, c = -2) with its sign. */
void doc_difference(html *h, const evaluation *ev, int c, const mpq_t d);

/* The ranking of a lot: a row per remaining bid with its figure per
   criterion, total, rank and the tie-break that placed it. */
void doc_ranking_table(html *h, const award_lot *l);
/* The most bids a chart of the decision draws: the first in the ranking. */
#define DOC_CHART_MAX 30

/* Each remaining bid's contributions per criterion as stacked bars (only
   the bids in the list, or the first DOC_CHART_MAX remaining bids when n
   is 0, saying so when there are more). */
void doc_contribution_chart(html *h, const award_lot *l, const int *bids, int n);
/* Each bid's total as a bar from zero with its margin to the winner (the
   first awarded; the best ranked when none is); the bids as above. */
void doc_margin_chart(html *h, const award_lot *l, const int *bids, int n);
/* The winner's advantages over each other remaining bid, per criterion. */
void doc_advantages(html *h, const award_lot *l);
/* Every excluded bid with its stage and reason; the bids passed over by
   the allocation with theirs. */
void doc_excluded_table(html *h, const award_lot *l);
/* The lottery: the seed and each bid's key, when a lottery decided; with
   only >= 0, the keys of that bid and of the bids whose total equals its
   own (those it was drawn against). */
void doc_lottery(html *h, const evaluation *ev, int only);
/* The model in words: how the total is formed, the price, every criterion
   with its weight or amounts, scales, thresholds, rounding, tie-breaks. */
void doc_model_words(html *h, const model *m);
/* The standstill period (avtalsspärr). */
void doc_standstill(html *h, const evaluation *ev);
/* The fingerprints: the model's and each input's SHA-256, anbud's version,
   the evaluation date. */
void doc_fingerprints(html *h, const award *a, const doc_options *o);
/* The name to show for the evaluator of score s of inputs in: as
   written, or in the public variant "Bedömare N" (numbered by first
   appearance in all), "konsensus" for the panel's. */
void doc_evaluator(html *h, const anbud_inputs *all, const input_score *sc, int public_variant);
/* The stage of an exclusion in words. */
word_id doc_stage_word(eval_stage s);

/* }================================= */

#endif
