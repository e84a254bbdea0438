/*
** model_words.c: the codes of a model (basis, methods, rounding, order of
** award) in a reader's words, for the workbook, the documents and the
** terminal; the texts are in words_sv.c and words_en.c.
*/
#include <string.h>
#include "model.h"
#include "words.h"

typedef struct code_words {
    const char *code;
    word_id w;
} code_words;

/* The words of code in table t (n entries), or the code itself. */
static const char *lookup(const char *lang, const code_words *t, size_t n, const char *code)
{
    size_t i;
    if (!code) return "";
    for (i = 0; i < n; i++)
        if (strcmp(t[i].code, code) == 0) return words_text(lang, t[i].w);
    return code;
}

const char *model_basis_words(const char *lang, model_basis b)
{
    static const word_id ids[] = { W_EVAL_BASIS_POINTS, W_EVAL_BASIS_COMPARISON_PRICE, W_EVAL_BASIS_RATIO };
    return (unsigned)b < sizeof ids / sizeof ids[0] ? words_text(lang, ids[b]) : model_basis_name(b);
}

/* The library's methods, by the name = "..." each declares in scripts/. */
static const code_words methods[] = {
    { "single_price", W_EVAL_METHOD_SINGLE_PRICE },
    { "fixed_price", W_EVAL_METHOD_FIXED_PRICE },
    { "basket", W_EVAL_METHOD_BASKET },
    { "lcc", W_EVAL_METHOD_LCC },
    { "lowest_ratio", W_EVAL_METHOD_LOWEST_RATIO },
    { "linear_from_lowest", W_EVAL_METHOD_LINEAR_FROM_LOWEST },
    { "min_max", W_EVAL_METHOD_MIN_MAX },
    { "log_ratio", W_EVAL_METHOD_LOG_RATIO },
    { "absolute_linear", W_EVAL_METHOD_ABSOLUTE_LINEAR },
    { "italian_linear", W_EVAL_METHOD_ITALIAN_LINEAR },
    { "italian_bilinear", W_EVAL_METHOD_ITALIAN_BILINEAR },
    { "italian_power", W_EVAL_METHOD_ITALIAN_POWER },
    { "sek_per_level", W_EVAL_METHOD_SEK_PER_LEVEL },
    { "sek_linear", W_EVAL_METHOD_SEK_LINEAR },
    { "percent", W_EVAL_METHOD_PERCENT },
    { "weighted_sum", W_EVAL_METHOD_WEIGHTED_SUM },
    { "comparison_price", W_EVAL_METHOD_COMPARISON_PRICE },
    { "value_for_money", W_EVAL_METHOD_VALUE_FOR_MONEY },
    { "utility_index", W_EVAL_METHOD_UTILITY_INDEX },
    { "reduced_price", W_EVAL_METHOD_REDUCED_PRICE },
    { "relative_value_cost", W_EVAL_METHOD_RELATIVE_VALUE_COST },
};

const char *model_method_words(const char *lang, const char *name)
{
    return lookup(lang, methods, sizeof methods / sizeof methods[0], name);
}

const char *model_mode_words(const char *lang, dec_mode mode)
{
    static const code_words modes[] = {
        { "half_up", W_EVAL_MODE_HALF_UP },
        { "half_even", W_EVAL_MODE_HALF_EVEN },
        { "truncate", W_EVAL_MODE_TRUNCATE },
    };
    return lookup(lang, modes, sizeof modes / sizeof modes[0], dec_mode_name(mode));
}

const char *model_step_words(const char *lang, const char *step)
{
    static const code_words steps[] = {
        { "panel", W_EVAL_STEP_PANEL },
        { "score", W_EVAL_STEP_SCORE },
        { "price", W_EVAL_STEP_PRICE },
        { "money", W_EVAL_STEP_MONEY },
        { "total", W_EVAL_STEP_TOTAL },
    };
    return lookup(lang, steps, sizeof steps / sizeof steps[0], step);
}

const char *model_order_words(const char *lang, const char *order)
{
    static const code_words orders[] = {
        { "declared", W_EVAL_ORDER_DECLARED },
        { "value", W_EVAL_ORDER_VALUE },
        { "list", W_EVAL_ORDER_LIST },
    };
    return lookup(lang, orders, sizeof orders / sizeof orders[0], order);
}
