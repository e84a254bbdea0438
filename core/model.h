/* SPDX-License-Identifier: MIT */
/*
** model.h: an evaluation model as the core sees it, read from the Lua model
** file after it ran in the sandbox. Owns the declarations (criteria, scales,
** price, fields, requirements, rounding, tie-break chain) and the Lua state
** that holds the model's and the library's formulas.
*/
#ifndef ANBUD_MODEL_H
#define ANBUD_MODEL_H

#include <gmp.h>
#include "error.h"
#include "decimal.h"

struct sandbox;

typedef enum model_basis {
    BASIS_POINTS = 0,       /* weighted points, highest total wins */
    BASIS_COMPARISON_PRICE, /* price less deductions plus surcharges, lowest wins */
    BASIS_RATIO             /* quality per price (value for money), highest wins */
} model_basis;

typedef enum model_panel {
    PANEL_MEAN = 0,         /* arithmetic mean of the evaluators' scores */
    PANEL_MEDIAN,           /* median (mean of the two middle ones if even) */
    PANEL_CONSENSUS         /* the panel's agreed score overrides; required */
} model_panel;

typedef enum model_field_kind {
    FIELD_NUMBER = 0,       /* a number: a price line, a quantity, a measure */
    FIELD_TEXT,             /* free text, optionally matching a PCRE2 pattern */
    FIELD_ANSWER,           /* one of a declared list (ja/nej, scale labels) */
    FIELD_DATETIME          /* an ISO 8601 date or time (datetime = true): a
                               submission time for a tie-break */
} model_field_kind;

/* A column the model expects in the bids input, beyond "bid" and "bidder". */
typedef struct model_field {
    char *id;               /* column header */
    char *text;             /* what it is, for templates and errors */
    model_field_kind kind;
    char *pattern;          /* PCRE2 pattern the text must match, or NULL */
    char *pattern_text;     /* what the pattern means ("organisationsnummer") */
    int luhn;               /* check digit (Swedish organisationsnummer) */
    char **answers;         /* FIELD_ANSWER: allowed answers */
    int nanswers;
    int required;           /* every bid must fill it (of the lots below) */
    int confidential;       /* left out of --public outputs */
    long line;              /* model line that declared it */
    int *lots;              /* declared by a criterion of these lots only */
    int nlots;              /* (indices into model.lots); 0: every lot */
} model_field;

/* An ordinal scale: levels with labels (descriptors) and values. */
typedef struct model_scale {
    char *id;
    int nlevels;
    char **labels;          /* "Inget mervärde", ... as evaluators write them */
    char **texts;           /* longer descriptor per level, or NULL */
    mpq_t *values;          /* value of each level; default 0, 1, 2, ... */
    long line;
} model_scale;

typedef enum model_crit_kind {
    CRIT_QUALITY = 0,       /* scored by the panel, or computed from a field */
    CRIT_PRICE,             /* price points from a price formula */
    CRIT_ADDED_VALUE,       /* SEK or percentage off (or onto) the price */
    CRIT_GROUP              /* has sub-criteria; its score is theirs, weighted */
} model_crit_kind;

typedef struct model_criterion {
    char *id;
    char *text;
    model_crit_kind kind;
    int parent;             /* index of the group criterion, or -1 */
    int has_weight;         /* contribution = weight x score, else = score */
    mpq_t weight;
    int has_max;            /* top of the score's range */
    mpq_t max;
    int scale;              /* index into model.scales, or -1 */
    model_panel panel;
    int has_min;            /* threshold: a score below min excludes the bid */
    mpq_t min;
    int method_ref;         /* Lua registry ref of the library method table */
    char *method_name;      /* "lowest_ratio", "sek_per_level", ... */
    char *excel;            /* the method's Excel form as checked at load, or NULL */
    int field;              /* declared: the bids column holding it, or -1 */
    int declared;           /* the bidder states the level (no panel) */
    int rescale;            /* the best remaining bid gets max (riparametrazione) */
    int has_spread;         /* flag evaluators further apart than spread */
    mpq_t spread;
    int surcharge;          /* added value: a surcharge on shortfall, not a deduction */
    mpq_t *values;          /* ProZorro feature value per scale level */
    int nvalues;
    int *lots;              /* the lots it is evaluated in (indices into */
    int nlots;              /* model.lots); 0: every lot (shared) */
    long line;
} model_criterion;

/* One line of a price basket (varukorg): quantity x the bid's unit price. */
typedef struct model_price_line {
    char *id;               /* the bids input column */
    char *text;
    mpq_t quantity;
} model_price_line;

typedef struct model_price {
    int declared;
    char *id;               /* "Pris" */
    char *text;
    int method_ref;         /* how the evaluated price is formed (basket, lcc ...) */
    char *method_name;
    model_price_line *lines;
    int nlines;
    int criterion;          /* index of its CRIT_PRICE criterion, or -1 */
    int fixed;              /* fast pris: set in the documents, quality decides */
    int has_range;          /* the plausible price range, for `check` */
    mpq_t range_lo, range_hi;
    long line;
} model_price;

typedef struct model_requirement {
    char *id;
    char *text;
    int field;              /* answered in the bids input column, or -1 */
    int supplier;           /* qualification of the supplier (not of the bid) */
    long line;
    int *lots;              /* as for criteria: 0 lots means every lot */
    int nlots;
} model_requirement;

/* A lot (delområde, delkontrakt): evaluated on its own, with the shared
   criteria and its own (LOU 4 kap. 13-15 §§). */
typedef struct model_lot {
    char *id;               /* as written in the bids input's lot column */
    char *text;
    int has_value;          /* estimated contract value, for order = "value" */
    mpq_t value;
    int framework;          /* suppliers awarded in ranked order (ramavtal med
                               rangordning): 1 a single contract, 0 every
                               qualified bid */
    long line;
} model_lot;

/* A declared rounding step; places < 0 means "not declared". Each step has
   its mode (the model's `mode` unless the step names its own). */
typedef struct model_rounding {
    int panel;              /* a panel's aggregate (mean or median) */
    int score;              /* each criterion's score before weighting */
    int price;              /* the evaluated price (basket total, life-cycle cost) */
    int money;              /* the comparison price, when total is not given */
    int total;              /* totals */
    dec_mode panel_mode, score_mode, price_mode, money_mode, total_mode;
    dec_mode mode;          /* the default */
} model_rounding;

typedef enum model_tiebreak {
    TIE_EXACT = 0,          /* the unrounded total */
    TIE_QUALITY,            /* the higher quality (sum of quality contributions) */
    TIE_PRICE,              /* the lower evaluated price */
    TIE_CRITERION,          /* the better score on a named criterion */
    TIE_LOTTERY,            /* a verifiable draw with a recorded seed */
    TIE_FIELD               /* a declared number or time of the bids, in order */
} model_tiebreak;

typedef struct model_tiebreak_rule {
    model_tiebreak rule;
    int criterion;          /* TIE_CRITERION: which */
    int field;              /* TIE_FIELD: which (index into fields) */
    int descending;         /* TIE_FIELD: the higher (later) value first */
    char *field_name;       /* TIE_FIELD: as written, until resolved */
    char *order;            /* TIE_FIELD: "ascending", "earliest", ... */
    char *name;             /* as written in the model */
} model_tiebreak_rule;

typedef struct model {
    char *path;             /* as given on the command line */
    char *name;             /* basename, used in messages */
    char *source;           /* the model text */
    size_t source_len;
    char sha256[65];

    char *id, *title, *currency, *lang;
    char *description;      /* the object of the procurement in more words, or NULL */
    /* For the documents (the individual report, LOU 12 kap. 14-16 §§); each
       NULL or has_ 0 when the model does not declare it. */
    char *authority;        /* the contracting authority ("Söderhamns kommun"), one line */
    char *reference;        /* the procurement's reference number (diarienummer), one line */
    int has_contract_value; /* the estimated contract value, an exact amount */
    mpq_t contract_value;   /* in currency, >= 0, parsed as every amount of the model */
    long line;              /* line of the model { } declaration (findings about it) */
    model_basis basis;
    int total_ref;          /* Lua registry ref of the total method */
    char *total_name;
    char *total_excel;      /* the total's Excel form as checked at load, or NULL */
    int lower_wins;         /* the lowest total wins: the basis's rule, or the
                               total method's own (better = "lower") */
    int has_overall_min;    /* overall quality threshold */
    int overall_min_percent;/* given as a share of the highest possible quality */
    mpq_t overall_min;
    int alp_field;          /* abnormally low: the bids column with the query's status, or -1 */
    int has_alp_mean, has_alp_next;
    mpq_t alp_mean;         /* flag a price this share or more below the mean of the others */
    mpq_t alp_next;         /* ... or this share or more below the next higher price */
    model_rounding rounding;
    model_tiebreak_rule *tiebreak;
    int ntiebreak;

    model_field *fields;         int nfields;
    model_scale *scales;         int nscales;
    model_criterion *criteria;   int ncriteria;   /* in declaration order */
    model_requirement *reqs;     int nreqs;
    model_price price;

    /* lots and the allocation across them (award = { ... }) */
    model_lot *lots;             int nlots;       /* 0: the model has no lots */
    int lot;                /* the lot this view of the model holds, or -1 */
    int cap;                /* most lots one supplier may be awarded; 0 no cap */
    int *award_order;       /* lot indices in the declared order of award */
    char *order_name;       /* "value", "declared" or "list", for the outputs */
    int framework;          /* without lots: as model_lot.framework */

    struct sandbox *sb;     /* the Lua state the formulas live in */
} model;

/* A finding of model_check: an error makes the model unusable. */
typedef struct model_finding {
    int error;              /* 1 error, 0 warning */
    long line;
    char *text;
    char *source;           /* the case or guidance behind it, or NULL */
} model_finding;

/* Load and run the model file in a fresh sandbox and read its declarations.
   Errors (syntax, undeclared references, bad values) are ANBUD_EMODEL. */
anbud_status model_load(model *m, const char *path, anbud_error *err);
/* The same, as the view of one lot (an index into the lots of the model
   loaded whole): only the shared declarations and those of that lot. */
anbud_status model_load_lot(model *m, const char *path, int lot, anbud_error *err);
/* 1 if the list of lot indices (0 long: every lot) holds lot. */
int model_in_lot(const int *lots, int nlots, int lot);
int model_find_lot(const model *m, const char *id);
void model_free(model *m);

/* Lookups by id; -1 if absent. */
int model_find_criterion(const model *m, const char *id);
int model_find_field(const model *m, const char *id);
int model_find_requirement(const model *m, const char *id);
int model_find_scale(const model *m, const char *id);
/* The level of scale s whose label equals text (case-insensitive), or -1. */
int model_scale_level(const model_scale *s, const char *text);

/* Analyse the model: weights, scales, references, price monotonicity.
   Returns the number of findings in *out (caller frees with model_findings_free). */
int model_check(model *m, model_finding **out, anbud_error *err);
void model_findings_free(model_finding *f, int n);

const char *model_basis_name(model_basis b);

/* {=========== the model's codes in a reader's words (model_words.c) ============ */
/* Each returns the words in lang ("sv" or "en"); the outputs for systems
   (JSON) keep the codes. A code the tables do not know comes back as it is
   (a model's own method keeps the name its author gave it). */

/* "jämförelsepris" / "comparison price" for BASIS_COMPARISON_PRICE. */
const char *model_basis_words(const char *lang, model_basis b);
/* A library method by its name: "weighted_sum" -> "viktad poängsumma",
   "lowest_ratio" -> "kvot mot lägsta pris", "sek_per_level" -> "kronor per nivå". */
const char *model_method_words(const char *lang, const char *name);
/* A rounding mode: DEC_HALF_UP -> "avrundning till närmaste, uppåt vid exakt hälften". */
const char *model_mode_words(const char *lang, dec_mode mode);
/* A rounding step by its name in the model's rounding = { ... }: "panel",
   "score", "price", "money", "total" -> "summa". */
const char *model_step_words(const char *lang, const char *step);
/* The order of award across lots (model.order_name): "value" -> "efter
   värde, största först". */
const char *model_order_words(const char *lang, const char *order);
/* }================================= */

/* A library method's fields (the table at registry ref), read without
   metamethods: a flag ("relative"); a number, the method's own or its
   params' ("best", "rate"); a text, or for a table of languages its text in
   lang ("words"), copied into buf (empty if absent). */
int model_method_flag(const model *m, int ref, const char *key);
/* 1 if the method says relative = false: it looks at the bid's own figures only. */
int model_method_absolute(const model *m, int ref);
/* 1 if the method may read the figure key of its context: its uses list
   names it, or it gives no uses list. */
int model_method_uses(const model *m, int ref, const char *key);
int model_method_number(const model *m, int ref, const char *key, mpq_t out);
const char *model_method_text(const model *m, int ref, const char *key, const char *lang,
                              char *buf, size_t size);

#endif
