/* SPDX-License-Identifier: MIT */
/*
** words.h: every word a reader sees (workbook, documents, the evaluation's
** reasons and warnings), in one place per language: core/words_sv.c and
** core/words_en.c give each id below its text. A reader who wants to know
** what a page says, or a translator, reads those two files.
**
** A text may be a printf format; the comment beside its id says which
** arguments it takes, in order. Both languages must take the same
** conversions in the same order and every id must have a text in both:
** tests/unit/test_words.c checks that for every id.
**
** Ids are grouped by who writes them; add an id at the end of its group.
*/
#ifndef ANBUD_WORDS_H
#define ANBUD_WORDS_H

#include <stdarg.h>

typedef enum word_id {
    W_NONE = 0,

    /* {== the evaluation: stage names, reasons, warnings, tie-break rules */
    W_EVAL_FIRST_,
    /* stages, for readers (JSON keeps the codes of evaluation_stage_name) */
    W_EVAL_STAGE_REQUIREMENT,       /* a mandatory requirement (ska-krav) */
    W_EVAL_STAGE_QUALIFICATION,     /* a requirement on the supplier (kvalificeringskrav) */
    W_EVAL_STAGE_THRESHOLD,         /* a minimum quality */
    W_EVAL_STAGE_ABNORMALLY_LOW,
    W_EVAL_STAGE_LEFT_OUT,          /* the rank-reversal probe's (never in outputs) */
    /* exclusion reasons */
    W_EVAL_REQ_UNANSWERED,          /* requirement id */
    W_EVAL_QUAL_UNANSWERED,         /* requirement id (on the supplier) */
    W_EVAL_REQ_NOT_MET,             /* requirement id */
    W_EVAL_REQ_NOT_MET_WHY,         /* requirement id, the reason given in the input */
    W_EVAL_QUAL_NOT_MET,            /* requirement id (on the supplier) */
    W_EVAL_QUAL_NOT_MET_WHY,        /* requirement id, the reason given in the input */
    W_EVAL_SCORE_BELOW_MIN,         /* score, criterion id, minimum (numbers as text) */
    W_EVAL_QUALITY_BELOW_PERCENT,   /* share %, quality, highest possible, threshold % (as text) */
    W_EVAL_QUALITY_BELOW_POINTS,    /* quality, highest possible, threshold (as text) */
    W_EVAL_ALP_BELOW_MEAN,          /* percentage (as text): the rule's finding */
    W_EVAL_ALP_BELOW_NEXT,          /* percentage (as text): the rule's finding */
    W_EVAL_ALP_REJECTED,
    W_EVAL_ALP_REJECTED_WHY,        /* the rule's finding (W_EVAL_ALP_BELOW_...) */
    W_EVAL_LEFT_OUT_BY_PROBE,
    /* warnings */
    W_EVAL_PANEL_SPREAD,            /* criterion id, bid id, lowest, highest, allowed spread (as text) */
    W_EVAL_ALP_ACCEPTED,            /* bid id, the rule's finding */
    W_EVAL_ALP_OPEN,                /* bid id, the rule's finding */
    W_EVAL_NEGATIVE_COMPARISON,     /* bid id, comparison price, deductions, price (as text) */
    W_EVAL_ALL_EXCLUDED,
    W_EVAL_RESCALED,                /* criterion id */
    W_EVAL_APPROXIMATE,             /* bid id */
    W_EVAL_TIE_UNSEPARATED,         /* bids ("A, B and C"), total (as text) */
    W_EVAL_TIE_NO_RULES,            /* bids ("A, B and C"), total (as text) */
    W_EVAL_AND,                     /* the last joint of a list: " and " */
    /* the allocation across lots: warnings and pass-over reasons */
    W_EVAL_N_LOTS_ONE,              /* count (1): "1 lot" */
    W_EVAL_N_LOTS,                  /* count: "3 lots" */
    W_EVAL_LOT_BLOCKED,             /* lot, earlier lot, the cap (W_EVAL_N_LOTS...) */
    W_EVAL_LOT_OPEN_QUERY_ONE,      /* lot */
    W_EVAL_LOT_OPEN_QUERIES,        /* lot, count */
    W_EVAL_PASSED_CAP_ONE,          /* bidder, the lot already awarded ("\"1\""), the cap (W_EVAL_N_LOTS...) */
    W_EVAL_PASSED_CAP,              /* bidder, the lots already awarded ("\"1\", \"3\""), the cap */
    W_EVAL_LOT_TIE_LAST_PLACE,      /* lot, bid, bid, rank */
    W_EVAL_LOT_NO_BIDS,             /* lot */
    W_EVAL_LOT_NONE_LEFT,           /* lot */
    W_EVAL_LOT_ALL_AT_CAP,          /* lot, the cap (W_EVAL_N_LOTS...) */
    W_EVAL_LOT_FRAMEWORK_SHORT_ONE, /* lot, places, awarded (1) */
    W_EVAL_LOT_FRAMEWORK_SHORT,     /* lot, places, awarded */
    /* tie-break rules, for readers (JSON's decided_by keeps the rule as written) */
    W_EVAL_RULE_EXACT,
    W_EVAL_RULE_QUALITY,
    W_EVAL_RULE_PRICE,
    W_EVAL_RULE_CRITERION,          /* criterion id */
    W_EVAL_RULE_LOTTERY,
    W_EVAL_RULE_FIELD_ASCENDING,    /* the field's label */
    W_EVAL_RULE_FIELD_DESCENDING,   /* the field's label */
    W_EVAL_RULE_FIELD_EARLIEST,     /* the field's label */
    W_EVAL_RULE_FIELD_LATEST,       /* the field's label */
    /* the model's codes in words (model_words.c) */
    W_EVAL_BASIS_POINTS,
    W_EVAL_BASIS_COMPARISON_PRICE,
    W_EVAL_BASIS_RATIO,
    W_EVAL_MODE_HALF_UP,
    W_EVAL_MODE_HALF_EVEN,
    W_EVAL_MODE_TRUNCATE,
    W_EVAL_STEP_PANEL,
    W_EVAL_STEP_SCORE,
    W_EVAL_STEP_PRICE,
    W_EVAL_STEP_MONEY,
    W_EVAL_STEP_TOTAL,
    W_EVAL_ORDER_DECLARED,
    W_EVAL_ORDER_VALUE,
    W_EVAL_ORDER_LIST,
    W_EVAL_METHOD_SINGLE_PRICE,
    W_EVAL_METHOD_FIXED_PRICE,
    W_EVAL_METHOD_BASKET,
    W_EVAL_METHOD_LCC,
    W_EVAL_METHOD_LOWEST_RATIO,
    W_EVAL_METHOD_LINEAR_FROM_LOWEST,
    W_EVAL_METHOD_MIN_MAX,
    W_EVAL_METHOD_LOG_RATIO,
    W_EVAL_METHOD_ABSOLUTE_LINEAR,
    W_EVAL_METHOD_ITALIAN_LINEAR,
    W_EVAL_METHOD_ITALIAN_BILINEAR,
    W_EVAL_METHOD_ITALIAN_POWER,
    W_EVAL_METHOD_SEK_PER_LEVEL,
    W_EVAL_METHOD_SEK_LINEAR,
    W_EVAL_METHOD_PERCENT,
    W_EVAL_METHOD_WEIGHTED_SUM,
    W_EVAL_METHOD_COMPARISON_PRICE,
    W_EVAL_METHOD_VALUE_FOR_MONEY,
    W_EVAL_METHOD_UTILITY_INDEX,
    W_EVAL_METHOD_REDUCED_PRICE,
    W_EVAL_METHOD_RELATIVE_VALUE_COST,
    W_EVAL_EVALUATOR_N,             /* number: an evaluator in --public outputs */
    /* the ranking on the terminal (cli.c) */
    W_EVAL_T_LOT,                   /* lot, its title */
    W_EVAL_T_RANK,                  /* column headings: */
    W_EVAL_T_BID,
    W_EVAL_T_BIDDER,
    W_EVAL_T_TOTAL,
    W_EVAL_T_APPROXIMATE,
    W_EVAL_T_DECIDED_BY,            /* the rule in words */
    W_EVAL_T_EXCLUDED,              /* bid, stage in words, reason */
    W_EVAL_T_RECUSED,               /* evaluator, bid, criterion, justification */
    W_EVAL_T_AWARDED_TO,
    W_EVAL_T_CALL_OFF_ORDER,
    W_EVAL_T_NEXT_UNDECIDED,
    W_EVAL_T_NOT_AWARDED,
    W_EVAL_T_UNDECIDED,
    W_EVAL_T_PASSED_OVER,           /* bid, reason */
    W_EVAL_T_SEED,                  /* the lottery seed */
    W_EVAL_T_STANDSTILL,            /* award date, how sent (W_EVAL_T_SENT_...), days, end date, moved (W_EVAL_T_MOVED or "") */
    W_EVAL_T_SENT_ELECTRONIC,
    W_EVAL_T_SENT_OTHER,
    W_EVAL_T_MOVED,
    W_EVAL_T_WARNING,               /* a warning */
    W_EVAL_T_BASIS,                 /* basis in words, who wins (W_EVAL_T_HIGHEST/LOWEST), model SHA-256 */
    W_EVAL_T_HIGHEST_WINS,
    W_EVAL_T_LOWEST_WINS,
    W_EVAL_T_LOTS,                  /* the lots (W_EVAL_N_LOTS...), the order in words, "" or W_EVAL_T_NO_CAP */
    W_EVAL_T_NO_CAP,
    W_EVAL_T_CAP,                   /* the cap (W_EVAL_N_LOTS...) */
    W_EVAL_T_PROBE_ONE,             /* (one flip) */
    W_EVAL_T_PROBE,                 /* count of flips */
    W_EVAL_T_PROBE_FLIP,            /* bid left out, bid that falls, bid it falls below */
    W_EVAL_LAST_,

    /* {== the workbook */
    W_BOOK_FIRST_,
    /* cells (book.c) */
    W_BOOK_CHECK_TOO_LONG,
    W_BOOK_CHECK_DIFFERS,
    W_BOOK_CHECK_LUA,
    /* Model sheet */
    W_BOOK_MODEL_INTRO,
    W_BOOK_CRITERION,
    W_BOOK_KIND,
    W_BOOK_WEIGHT,
    W_BOOK_MAX,
    W_BOOK_SCALE,
    W_BOOK_PANEL,
    W_BOOK_MINIMUM,
    W_BOOK_METHOD,
    W_BOOK_IN_WORDS,
    W_BOOK_PANEL_DECLARED,
    W_BOOK_VALUE_PER_LEVEL,   /* %s the criterion */
    W_BOOK_SEK_PER_LEVEL,   /* %s the criterion */
    W_BOOK_VALUE,
    W_BOOK_DESCRIPTOR,
    W_BOOK_BASIS,
    W_BOOK_TOTAL,
    W_BOOK_PRICE,
    W_BOOK_ROUNDING_NONE,
    W_BOOK_ROUNDING,
    W_BOOK_TIE_BREAK,
    W_BOOK_MODEL_SOURCE,
    W_BOOK_KIND_QUALITY,
    W_BOOK_KIND_PRICE,
    W_BOOK_KIND_ADDED_VALUE,
    W_BOOK_KIND_GROUP,
    W_BOOK_PANEL_MEAN,
    W_BOOK_PANEL_MEDIAN,
    W_BOOK_PANEL_CONSENSUS,
    W_BOOK_EXCEL_FORMULA,
    W_BOOK_XL_SHARE,
    W_BOOK_XL_LEVEL,
    W_BOOK_BASIS_POINTS,
    W_BOOK_BASIS_COMPARISON_PRICE,
    W_BOOK_BASIS_RATIO,
    W_BOOK_METHOD_SINGLE_PRICE,
    W_BOOK_METHOD_FIXED_PRICE,
    W_BOOK_METHOD_BASKET,
    W_BOOK_METHOD_LCC,
    W_BOOK_METHOD_LOWEST_RATIO,
    W_BOOK_METHOD_LINEAR_FROM_LOWEST,
    W_BOOK_METHOD_MIN_MAX,
    W_BOOK_METHOD_LOG_RATIO,
    W_BOOK_METHOD_ABSOLUTE_LINEAR,
    W_BOOK_METHOD_ITALIAN_LINEAR,
    W_BOOK_METHOD_ITALIAN_BILINEAR,
    W_BOOK_METHOD_ITALIAN_POWER,
    W_BOOK_METHOD_SEK_PER_LEVEL,
    W_BOOK_METHOD_SEK_LINEAR,
    W_BOOK_METHOD_PERCENT,
    W_BOOK_METHOD_WEIGHTED_SUM,
    W_BOOK_METHOD_COMPARISON_PRICE,
    W_BOOK_METHOD_VALUE_FOR_MONEY,
    W_BOOK_METHOD_UTILITY_INDEX,
    W_BOOK_METHOD_REDUCED_PRICE,
    W_BOOK_METHOD_RELATIVE_VALUE_COST,
    W_BOOK_ROUND_PANEL,
    W_BOOK_ROUND_SCORE,
    W_BOOK_ROUND_PRICE,
    W_BOOK_ROUND_MONEY,
    W_BOOK_ROUND_TOTAL,
    W_BOOK_ROUND_HALF_UP,
    W_BOOK_ROUND_HALF_EVEN,
    W_BOOK_ROUND_TRUNCATE,
    W_BOOK_ROUNDING_STEP,   /* %s W_BOOK_ROUND_PANEL..., %d decimals, %s W_BOOK_ROUND_HALF_UP... */
    W_BOOK_ROUNDING_STEP_ONE,   /* as W_BOOK_ROUNDING_STEP, for 1 decimal */
    W_BOOK_MODEL_SOURCE_NOTE,
    /* Bids and Scores sheets */
    W_BOOK_BIDS_AS_READ,
    W_BOOK_BID,
    W_BOOK_BIDDER,
    W_BOOK_QUANTITY,
    W_BOOK_CONSENSUS,
    W_BOOK_EVALUATOR,
    W_BOOK_EVALUATORS_SCORES,
    W_BOOK_LEVEL,
    W_BOOK_SCORE,
    W_BOOK_JUSTIFICATION,
    W_BOOK_SCORE_RECUSED,
    /* Calculation sheet */
    W_BOOK_EVALUATED_PRICE,
    W_BOOK_CALC_VALUE,
    W_BOOK_CALC_SCORE,
    W_BOOK_CALC_ROUNDED,
    W_BOOK_CALC_SEK,
    W_BOOK_CALC_CONTRIBUTION,
    W_BOOK_FEATURE_VALUES,
    W_BOOK_QUALITY,
    W_BOOK_TOTAL_EXACT,
    W_BOOK_RANK,
    W_BOOK_PARTIAL_SUM,
    W_BOOK_CALC_CHECK,
    W_BOOK_CALC_TITLE,
    W_BOOK_CALC_INTRO,
    W_BOOK_EXCLUDED_BEFORE_SCORING,
    W_BOOK_CALC_PART_FEATURES,
    W_BOOK_CALC_PART_QUALITY,
    W_BOOK_CALC_PART_CONTRIB,
    W_BOOK_CALC_ROUNDED_ONCE,   /* %d decimals of the total */
    W_BOOK_STAT_LOWEST_PRICE,
    W_BOOK_STAT_HIGHEST_PRICE,
    W_BOOK_STAT_MEAN_PRICE,
    W_BOOK_STAT_BID_COUNT,
    W_BOOK_STAT_BEST_QUALITY,
    W_BOOK_STAT_MAX_QUALITY,
    W_BOOK_STAT_FEATURES_MAX,
    W_BOOK_STAT_LOWEST_QUALITY,
    /* Summary sheet */
    W_BOOK_ALLOC_OPEN_QUERY,
    W_BOOK_ALLOC_TIE,
    W_BOOK_ALLOC_NONE,
    W_BOOK_ALLOC_WINNER,
    W_BOOK_ALLOC_FRAMEWORK,
    W_BOOK_ALLOC_NEXT_UNDECIDED,
    W_BOOK_HIGHEST_TOTAL_WINS,
    W_BOOK_LOWEST_PRICE_WINS,
    W_BOOK_COMPARISON_PRICE,
    W_BOOK_DECIDED_BY,
    W_BOOK_EXCLUDED,
    W_BOOK_STAGE,
    W_BOOK_REASON,
    W_BOOK_RECUSED,
    W_BOOK_BID_AND_CRITERION,
    W_BOOK_BID_LC,
    W_BOOK_RECUSED_NOTE,
    W_BOOK_PASSED_OVER,
    W_BOOK_NONE_DECLARED,
    W_BOOK_LOTTERY_SEED,
    W_BOOK_A_LOTTERY_DECIDED,
    W_BOOK_NO_LOTTERY_WAS_NEEDED,
    W_BOOK_LOTTERY_KEY,
    W_BOOK_LOTTERY_KEY_NOTE,
    W_BOOK_MODEL_SHA_256,
    W_BOOK_EVALUATION_DATE,
    W_BOOK_AWARD_DECISION,
    W_BOOK_STANDSTILL_ENDS,
    W_BOOK_STANDSTILL_DAYS,   /* %d days, %s W_BOOK_NOTICE_ELECTRONIC or _OTHER, %s W_BOOK_STANDSTILL_MOVED or "" */
    W_BOOK_NOTICE_ELECTRONIC,
    W_BOOK_NOTICE_OTHER,
    W_BOOK_STANDSTILL_MOVED,
    W_BOOK_N_CUSTOM,   /* %d figures */
    W_BOOK_N_LONG,   /* %d figures */
    /* Sensitivity sheet */
    W_BOOK_SENS_TITLE,
    W_BOOK_SENS_INTRO,
    W_BOOK_GAP_TO_THE_WINNER,
    W_BOOK_RUNNER_UP,
    W_BOOK_WOULD_HAVE_WON_AT,
    W_BOOK_CHANGE,
    W_BOOK_BREAK_EVEN_NOTE,
    W_BOOK_CANNOT_WIN_ON_PRICE_ALONE,
    W_BOOK_NOT_COMPUTED,
    W_BOOK_FIRST_10_RUNNERS_UP,
    W_BOOK_WEIGHT_FLIP,
    W_BOOK_NEW_WEIGHT,
    W_BOOK_WEIGHT_FLIP_BID,
    W_BOOK_WEIGHT_NO_FLIP,
    W_BOOK_REVERSAL_TITLE,
    W_BOOK_REVERSAL_NOT_PROBED,
    W_BOOK_REVERSAL_NONE,
    W_BOOK_LEFT_OUT,
    W_BOOK_WAS_ABOVE,
    W_BOOK_FALLS_BELOW,
    W_BOOK_CONTRIBUTIONS_PER_CRITERION,
    W_BOOK_TOTALS,
    W_BOOK_COMPARISON_PRICES,
    W_BOOK_DEBRIEF_PER_BIDDER,
    W_BOOK_RANK_LC,
    W_BOOK_AFTER_TIE_DECIDED_BY,
    W_BOOK_THIS_BID,
    W_BOOK_THE_WINNER,
    W_BOOK_DIFFERENCE,
    /* Requirements sheet */
    W_BOOK_REQS_TITLE,
    W_BOOK_REQS_INTRO,
    W_BOOK_REQUIREMENT,
    W_BOOK_ANSWER,
    W_BOOK_MET,
    W_BOOK_REQ_REASON,
    W_BOOK_SOURCE,
    W_BOOK_CONFIDENTIAL,
    W_BOOK_YES,
    W_BOOK_NO,
    W_BOOK_REQ_SUPPLIER,
    W_BOOK_NO_ANSWER,
    W_BOOK_NOT_ANSWERED,
    W_BOOK_NOT_MET,
    /* Award sheet, sheet names */
    W_BOOK_SHEET_REQUIREMENTS,
    W_BOOK_ORDER,
    W_BOOK_LOT,
    W_BOOK_TITLE,
    W_BOOK_SHEETS,
    W_BOOK_AWARDED_TO,
    W_BOOK_SHEETS_LC,
    W_BOOK_PASSED_OVER_LOT,
    W_BOOK_SHEET_SUMMARY,
    W_BOOK_SHEET_MODEL,
    W_BOOK_SHEET_BIDS,
    W_BOOK_SHEET_SCORES,
    W_BOOK_SHEET_CALCULATION,
    W_BOOK_SHEET_SENSITIVITY,
    W_BOOK_AWARD_LOTS,   /* %d lots, %s W_BOOK_AWARD_ORDER_*, %s W_BOOK_AWARD_NO_CAP or "" */
    W_BOOK_AWARD_ORDER_VALUE,
    W_BOOK_AWARD_ORDER_LIST,
    W_BOOK_AWARD_ORDER_DECLARED,
    W_BOOK_AWARD_NO_CAP,
    W_BOOK_AWARD_CAP_ONE,   /* %d the cap (1) */
    W_BOOK_AWARD_CAP_MANY,   /* %d the cap */
    W_BOOK_SHEET_AWARD,
    /* the Summary's ranking table and winner line, the Award sheet */
    W_BOOK_SUM_DEDUCTION,   /* %s the criterion */
    W_BOOK_SUM_SURCHARGE,   /* %s the criterion */
    W_BOOK_SUM_POINTS,      /* %s the criterion */
    W_BOOK_SUM_CHECK,
    W_BOOK_SUM_NOTE,        /* %s the Calculation sheet's name */
    W_BOOK_SUM_LOT,         /* %s the lot, %d its place in the order of award, %d the lots */
    W_BOOK_SUM_WHY_CP,
    W_BOOK_SUM_WHY_POINTS,
    W_BOOK_ALLOC_WAITING,
    W_BOOK_SENS_SHOWN,   /* %s bids shown, %s bids ranked (in figures), %s the Calculation sheet's name */
    W_BOOK_LAST_,

    /* {== the documents: award decision, letters, individual report */
    W_DOC_FIRST_,
    W_DOC_DECISION_TITLE,
    W_DOC_LETTER_TITLE,
    W_DOC_REPORT_TITLE,
    W_DOC_TO,
    W_DOC_PROCUREMENT,
    W_DOC_AUTHORITY,
    W_DOC_REFERENCE,
    W_DOC_DECISION_DATE,
    W_DOC_EVALUATION_DATE,
    W_DOC_DECISION_INTRO,
    W_DOC_LETTER_INTRO,
    W_DOC_REPORT_INTRO,
    W_DOC_DECISION,
    W_DOC_LOT_HEADING,   /* %s lot name, %s its description */
    W_DOC_LOT_PREFIX,   /* %s lot name */
    W_DOC_REASONS,
    W_DOC_REASONS_TEXT,
    W_DOC_AWARDED_TO,   /* %s bidder, %s bid id */
    W_DOC_FRAMEWORK_ORDER,
    W_DOC_FRAMEWORK_UNDECIDED,
    W_DOC_NOT_AWARDED_QUERY,
    W_DOC_NOT_AWARDED_TIE,
    W_DOC_NOT_AWARDED_NONE,
    W_DOC_NO_BID_REMAINS,
    W_DOC_RANK,
    W_DOC_BID,
    W_DOC_BIDDER,
    W_DOC_TOTAL,
    W_DOC_COMPARISON_PRICE,
    W_DOC_DECIDED_BY,
    W_DOC_HIGHEST_WINS,
    W_DOC_LOWEST_WINS,
    W_DOC_LOWEST_PRICE_WINS,
    W_DOC_SCALE_HEADING,   /* %s scale name */
    W_DOC_APPROXIMATE_NOTE,
    W_DOC_TIE_EXACT,
    W_DOC_TIE_QUALITY,
    W_DOC_TIE_PRICE,
    W_DOC_TIE_CRITERION,   /* %s criterion */
    W_DOC_TIE_LOTTERY,
    W_DOC_TIE_FIELD_ASC,   /* %s the bids column */
    W_DOC_TIE_FIELD_DESC,   /* %s the bids column */
    W_DOC_CHART_CONTRIBUTIONS,
    W_DOC_CHART_DEDUCTED,
    W_DOC_CHART_MARGIN,
    W_DOC_CHART_MARGIN_NOTE,
    W_DOC_CHART_FIRST,   /* %d bids drawn, %d bids ranked */
    W_DOC_ADVANTAGES,
    W_DOC_ADVANTAGES_INTRO,   /* %s winning bid id */
    W_DOC_COMPARED_WITH,
    W_DOC_BETTER_ON,   /* %s winning bid id */
    W_DOC_OTHER_BETTER_ON,
    W_DOC_DIFFERENCE_TOTAL,
    W_DOC_DIFFERENCE,
    W_DOC_EXCLUDED,
    W_DOC_STAGE,
    W_DOC_REASON,
    W_DOC_STAGE_REQUIREMENT,
    W_DOC_STAGE_THRESHOLD,
    W_DOC_STAGE_ABNORMALLY_LOW,
    W_DOC_STAGE_OTHER,
    W_DOC_PASSED_OVER,
    W_DOC_LOTTERY,
    W_DOC_LOTTERY_TEXT,
    W_DOC_LOTTERY_SEED,
    W_DOC_SEED_GIVEN,
    W_DOC_SEED_DERIVED,
    W_DOC_LOTTERY_KEY,
    W_DOC_ANNEX_MODEL,
    W_DOC_ANNEX_MODEL_LOT,   /* %s lot name */
    W_DOC_BASIS_POINTS,
    W_DOC_BASIS_COMPARISON_PRICE,
    W_DOC_BASIS_RATIO,
    W_DOC_TOTAL_FORMED,
    W_DOC_PRICE_FORMED,   /* %s the price's name */
    W_DOC_LUA_FUNCTION,
    W_DOC_PRICE_LINE,
    W_DOC_DESCRIPTION,
    W_DOC_QUANTITY,
    W_DOC_CRITERION,
    W_DOC_KIND,
    W_DOC_WEIGHT,
    W_DOC_MAX,
    W_DOC_HOW_ASSESSED,
    W_DOC_KIND_QUALITY,
    W_DOC_KIND_PRICE,
    W_DOC_KIND_ADDED_VALUE,
    W_DOC_KIND_SURCHARGE,
    W_DOC_KIND_GROUP,
    W_DOC_PANEL_MEAN,
    W_DOC_PANEL_MEDIAN,
    W_DOC_PANEL_CONSENSUS,
    W_DOC_PANEL_DECLARED,
    W_DOC_PANEL_FIELD,
    W_DOC_RESCALE,
    W_DOC_THRESHOLD,
    W_DOC_SCALE_NAMED,   /* %s scale name */
    W_DOC_VALUE,
    W_DOC_LEVEL,
    W_DOC_REQUIREMENTS,
    W_DOC_REQ_SUPPLIER,
    W_DOC_OVERALL_MIN,
    W_DOC_OF_HIGHEST_POSSIBLE,
    W_DOC_ROUNDING,
    W_DOC_ROUNDING_NONE,
    W_DOC_ROUND_PANEL,
    W_DOC_ROUND_SCORE,
    W_DOC_ROUND_PRICE,
    W_DOC_ROUND_MONEY,
    W_DOC_ROUND_TOTAL,
    W_DOC_DECIMALS,   /* %d decimals */
    W_DOC_MODE_HALF_UP,
    W_DOC_MODE_HALF_EVEN,
    W_DOC_MODE_TRUNCATE,
    W_DOC_TIEBREAK,
    W_DOC_TIEBREAK_NONE,
    W_DOC_STANDSTILL,
    W_DOC_STANDSTILL_ENDS,   /* %s the last day */
    W_DOC_STANDSTILL_ELECTRONIC,   /* %d days, %s date of the decision */
    W_DOC_STANDSTILL_LETTER,   /* %d days, %s date of the decision */
    W_DOC_STANDSTILL_MOVED,
    W_DOC_STANDSTILL_RULE,
    W_DOC_FINGERPRINTS,
    W_DOC_FINGERPRINTS_TEXT,
    W_DOC_FILE,
    W_DOC_SHA256,
    W_DOC_MODEL,
    W_DOC_WRITTEN_BY,   /* %s anbud's version, %s the evaluation date */
    W_DOC_CONSENSUS,
    W_DOC_EVALUATOR_N,   /* %d the evaluator's number */
    W_DOC_YOUR_BID,   /* %s the bid id */
    W_DOC_THEIR_BID,   /* %s the bid id */
    W_DOC_JUSTIFICATIONS,
    W_DOC_EVALUATOR,
    W_DOC_SCORE,
    W_DOC_JUSTIFICATION,
    W_DOC_RECUSED,
    W_DOC_TO_WIN,
    W_DOC_BREAK_EVEN,   /* %s the price that wins, %s the bid's evaluated price */
    W_DOC_BREAK_EVEN_NONE,
    W_DOC_BREAK_EVEN_FAILED,
    W_DOC_BREAK_EVEN_NOT_COMPUTED,
    W_DOC_YOUR_EXCLUDED,   /* %s the stage */
    W_DOC_YOUR_AWARDED,
    W_DOC_YOUR_AWARDED_PLACE,   /* %d place in the call-off order */
    W_DOC_YOUR_RANK,   /* %d rank, %d bids ranked */
    W_DOC_YOUR_PASSED_OVER,
    W_DOC_BESIDE_WINNER,
    W_DOC_BESIDE_NEXT,
    W_DOC_REPORT_OBJECT,
    W_DOC_CONTRACT_VALUE,
    W_DOC_MODEL_ID,
    W_DOC_REPORT_UNDECLARED,
    W_DOC_LOTS,
    W_DOC_LOT,
    W_DOC_LOT_VALUE,
    W_DOC_AWARD_ORDER,
    W_DOC_AWARD_ORDER_TEXT,
    W_DOC_CAP,   /* %d lots */
    W_DOC_REPORT_AWARD,
    W_DOC_REPORT_BIDDERS,
    W_DOC_OUTCOME,
    W_DOC_REJECTED,
    W_DOC_ACCEPTED_RANK,   /* %d rank */
    W_DOC_REPORT_WHY,
    W_DOC_REPORT_ABNORMALLY_LOW,
    W_DOC_NO_ABNORMALLY_LOW,
    W_DOC_REPORT_JAV,
    W_DOC_JAV_NOTE,
    W_DOC_NO_JAV,
    W_DOC_ATTENTION,
    W_DOC_REPORT_OUTSIDE,
    W_DOC_REPORT_OUTSIDE_TEXT,
    W_DOC_LAST_,

    /* {== the template (the input form) */
    W_FORM_FIRST_,
    W_FORM_EVALUATOR_SHEET, /* %d: the evaluator's number */
    W_FORM_CONSENSUS_SHEET,
    W_FORM_SCORES_TITLE, /* %s: the sheet's label (Evaluator 1, Consensus) */
    W_FORM_SCORES_HELP,
    W_FORM_CONSENSUS_HELP,
    W_FORM_BID_NUMBER_FORMAT, /* an Excel number format: the bid's number as a heading */
    W_FORM_HINT_HEAD,
    W_FORM_HINT_SCALE, /* %s: the scale's name */
    W_FORM_HINT_RANGE, /* %s: the maximum */
    W_FORM_HINT_ANY,
    W_FORM_NAME_NOTE,
    W_FORM_CONSENSUS_NAME_NOTE,
    W_FORM_WHY_NOTE,
    W_FORM_WHY_CONSENSUS_NOTE,
    W_FORM_NOT_A_SCORE_TITLE,
    W_FORM_NOT_A_SCORE_MSG,
    W_FORM_CHOOSE_LEVEL,
    W_FORM_SCORE_IS, /* %s: how the criterion is scored (W_FORM_HINT_*) */
    W_FORM_NEEDS_WHY,
    W_FORM_JAV_HINT,
    W_FORM_INS_EVALUATORS_LABEL, /* %d: the number of evaluator sheets */
    W_FORM_INS_EVALUATORS,
    W_FORM_INS_GAPS,
    W_FORM_INS_PANEL_LABEL,
    W_FORM_INS_PANEL,
    W_FORM_INS_CONSENSUS, /* %s: the word in the evaluator cell of the consensus sheet */
    W_FORM_INS_EMPTY_ROWS,
    W_FORM_LAST_,

    W_COUNT
} word_id;

/* The texts of one language, indexed by word_id (NULL: a marker id). */
extern const char *const words_en[W_COUNT];
extern const char *const words_sv[W_COUNT];

/* The table of lang ("sv" or "en"; anything else is English). */
const char *const *words_table(const char *lang);

/* The text of id w in lang. */
const char *words_text(const char *lang, word_id w);

/* The text of id w in lang with its arguments filled in (printf), malloc'd;
   exits on out of memory as xalloc does. */
char *words_printf(const char *lang, word_id w, ...);
char *words_vprintf(const char *lang, word_id w, va_list ap);

/* A plain decimal ("-1234.5", dec_format_*) as lang writes it, in place:
   the decimal comma in Swedish. s may be NULL. */
void words_decimal(const char *lang, char *s);

/* Into buf of size (truncated, always terminated); returns the length the
   whole text needs, as snprintf. */
int words_snprintf(char *buf, unsigned long size, const char *lang, word_id w, ...);

#endif
