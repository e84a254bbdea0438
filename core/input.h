/* SPDX-License-Identifier: MIT */
/*
** input.h: the bids, evaluator scores and requirement answers, read from
** the input files and checked against the model's declarations. A file's
** kind is known from its header row. Every value keeps its file, line and
** column so that any later error can name it.
*/
#ifndef ANBUD_INPUT_H
#define ANBUD_INPUT_H

#include <gmp.h>
#include "error.h"
#include "model.h"

#define INPUT_MAX_FILES 64
#define INPUT_MAX_BIDS  100000

/* Where a value came from. file points into anbud_inputs.files[].path. */
typedef struct input_place {
    const char *file;
    long line, col;
} input_place;

typedef struct input_value {   /* the ints together: one per bid and column */
    int present;            /* the cell was filled (not blank) */
    int has_num;            /* FIELD_NUMBER: num holds the exact value;
                               FIELD_DATETIME: the seconds since
                               1970-01-01T00:00:00 (UTC when offset) */
    int offset;             /* FIELD_DATETIME: written with a UTC offset */
    int answer;             /* FIELD_ANSWER: index into the field's answers,
                               else -1 */
    char *text;             /* as written (UTF-8); NULL if not present */
    mpq_t num;              /* always initialised (0 if not has_num) */
    input_place at;
} input_value;

typedef struct input_bid {
    char *id;               /* "A", "Anbud 1" */
    char *bidder;           /* as written: "Tempo Vågbro AB + Hemtjänsten AB" */
    char **orgs;            /* the organisations (a consortium has several) */
    int norgs;
    input_value *fields;    /* one per model field, same index */
    int nfields;            /* the model's nfields */
    int lot;                /* index into the model's lots, or -1 (no lots) */
    input_place at;         /* its row */
    char *texts;            /* one block holding every field's text, as
                               input_read reads a row; NULL: each text is
                               an allocation of its own (copies of a bid) */
} input_bid;

typedef struct input_score {
    int bid;                /* index into bids */
    int criterion;          /* index into model criteria */
    char *evaluator;        /* NULL for a consensus score */
    int consensus;
    mpq_t value;            /* the level's value, or the points given */
    int level;              /* scale level, or -1 when given as a number */
    char *justification;    /* motivering, may be NULL */
    int lot;                /* the lot it was given for, or -1: every lot of the bid */
    int recused;            /* the evaluator stood aside (jäv, conflict of interest):
                               no value; the justification says why */
    input_place at;
} input_score;

typedef struct input_answer {
    int bid;
    int requirement;        /* index into model reqs */
    int met;
    char *reason;           /* may be NULL */
    int lot;                /* as for scores */
    input_place at;
} input_answer;

typedef struct input_file {
    char *path;             /* as given: for messages on the terminal */
    const char *name;       /* the file's name in path, without any folder
                               (after the last '/' or '\\'): what outputs record */
    char sha256[65];
    char kind[16];          /* "bids", "scores", "requirements" */
} input_file;

typedef struct anbud_inputs {
    input_file *files;      int nfiles;
    input_bid *bids;        int nbids;   /* in file order */
    input_score *scores;    int nscores;
    input_answer *answers;  int nanswers;
    char **places;          int nplaces; /* "form.xlsx" 0x1F "Anbud": a sheet's place */
} anbud_inputs;

/*
** Read every path and bind it to the model: headers name the file's kind
** (bids: "bid"/"anbud" and "bidder"/"anbudsgivare"/"leverantör" plus
** model fields; scores: "evaluator"/"bedömare"/"utvärderare", "bid",
** "criterion"/"kriterium", "score"/"betyg"/"poäng", optional
** "justification"/"motivering"; requirements: "bid", "requirement"/"krav",
** "met"/"uppfyllt", optional "reason"/"motivering"/"skäl"; any case).
** Every bids file is read before any scores or requirements file, whatever
** the order of paths; files[] is sorted by file name (then path), so the
** outputs do not depend on the order the files were given in. Every other bids
** column must name a model field (model_find_field), so the model gives a
** field for each price column, requirement and declared criterion it
** expects there. A bid (id and lot) read from two files is one bid when
** the two rows agree (the same bidder, the same value in every field: the
** procurer's form and an evaluator's copy of it), else an error at the cell
** naming the other; requirement answers likewise. A workbook's evaluator
** sheet laid out per bid (the template's) is read as scores, each block for
** the bid in the row of that workbook's bids sheet its heading numbers.
** Checks: unknown or duplicate bid ids (ignoring case),
** unknown criteria or columns, scores outside the scale or range, numbers,
** patterns, check digits and allowed answers: ANBUD_EINPUT; a missing or
** unreadable file, one given twice: ANBUD_EUSAGE. On error *in is freed
** and zeroed.
*/
anbud_status input_read(anbud_inputs *in, const model *m, char **paths,
                        int npaths, anbud_error *err);
void input_free(anbud_inputs *in);

/*
** The inputs of one lot, for the view of the model that lot has
** (model_load_lot): the bids rows of the lot, and the scores and answers
** given for it or for every lot, bound to the view's criteria,
** requirements and fields by name. A bid id may have a row in several lots
** (one tender for several lots); a score given without a lot counts for
** each of them. Deep copies: free with input_free. Places still point into
** all->files, which must outlive out.
*/
anbud_status input_select_lot(anbud_inputs *out, const anbud_inputs *all, const model *whole,
                              const model *view, int lot, anbud_error *err);

/* The number of score s's evaluator (1, 2, ...) in order of first
   appearance in in's scores, consensus rows not counted; 0 for a consensus
   score. What the --public outputs show in place of the name. */
int input_evaluator_number(const anbud_inputs *in, int s);

/* text (a justification) with every evaluator's name of in's scores, as a
   whole word, replaced by "Bedömare N" / "Evaluator N" in lang: a
   recusal's reason names the evaluator it is about ("Sara är syster
   till ..."), which the --public outputs must not. malloc'd. */
char *input_text_without_evaluators(const anbud_inputs *in, const char *text, const char *lang);

#endif
