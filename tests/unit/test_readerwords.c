/*
** test_readerwords.c: the words a reader sees for the evaluation's codes
** (stages, tie-break rules, basis, methods, rounding, order of award) and
** the --public text without evaluators' names. Each expected text is the
** one words_sv.c / words_en.c gives, written out by hand.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "evaluate.h"
#include "rank.h"
#include "input.h"
#include "model.h"

static int passed, failed;

static void same(const char *what, const char *got, const char *want)
{
    if (got && strcmp(got, want) == 0) passed++;
    else { failed++; printf("FAIL %s: got \"%s\", want \"%s\"\n", what, got ? got : "(null)", want); }
}

static void same_free(const char *what, char *got, const char *want)
{
    same(what, got, want);
    free(got);
}

/* input_text_without_evaluators over scores by these evaluators (NULL: consensus) */
static void redacts(const char *const *evaluators, int n, const char *text, const char *want)
{
    anbud_inputs in;
    input_score sc[8];
    int i;
    memset(&in, 0, sizeof in);
    memset(sc, 0, sizeof sc);
    for (i = 0; i < n; i++) {
        sc[i].evaluator = (char *)(uintptr_t)evaluators[i];
        sc[i].consensus = evaluators[i] == NULL;
    }
    in.scores = sc;
    in.nscores = n;
    same_free(text, input_text_without_evaluators(&in, text, "sv"), want);
}

int main(void)
{
    model m;
    model_tiebreak_rule rules[6];
    model_criterion crit[1];
    model_field field[1];

    same("stage sv", evaluation_stage_words("sv", STAGE_REQUIREMENT), "ska-krav");
    same("stage en", evaluation_stage_words("en", STAGE_THRESHOLD), "minimum quality");
    same("stage sv low", evaluation_stage_words("sv", STAGE_ABNORMALLY_LOW), "onormalt lågt anbud");
    same("stage none", evaluation_stage_words("sv", STAGE_NONE), "");
    same("stage code", evaluation_stage_name(STAGE_ABNORMALLY_LOW), "abnormally_low");

    same("basis sv", model_basis_words("sv", BASIS_COMPARISON_PRICE), "jämförelsepris");
    same("basis en", model_basis_words("en", BASIS_RATIO), "quality per price");
    same("method sv", model_method_words("sv", "weighted_sum"), "viktad poängsumma");
    same("method en", model_method_words("en", "sek_per_level"), "SEK per level");
    same("own method", model_method_words("sv", "min_egen_formel"), "min_egen_formel");
    same("mode sv", model_mode_words("sv", DEC_HALF_UP), "avrundning till närmaste, uppåt vid exakt hälften");
    same("mode en", model_mode_words("en", DEC_HALF_EVEN), "round to nearest, half to even");
    same("step sv", model_step_words("sv", "price"), "utvärderingspris");
    same("order sv", model_order_words("sv", "value"), "efter värde, största först");

    /* tie-break rules: the model's chain as model.c reads it */
    memset(&m, 0, sizeof m);
    memset(rules, 0, sizeof rules);
    memset(crit, 0, sizeof crit);
    memset(field, 0, sizeof field);
    crit[0].id = (char *)"Miljö";
    field[0].id = (char *)"Inlämnad";
    m.criteria = crit; m.ncriteria = 1;
    m.fields = field; m.nfields = 1;
    rules[0].rule = TIE_LOTTERY; rules[0].name = (char *)"lottery";
    rules[1].rule = TIE_QUALITY; rules[1].name = (char *)"quality";
    rules[2].rule = TIE_PRICE; rules[2].name = (char *)"price";
    rules[3].rule = TIE_CRITERION; rules[3].criterion = 0; rules[3].name = (char *)"Miljö";
    rules[4].rule = TIE_FIELD; rules[4].field = 0; rules[4].order = (char *)"earliest";
    rules[4].name = (char *)"Inlämnad (earliest)";
    rules[5].rule = TIE_FIELD; rules[5].field = 0; rules[5].order = (char *)"descending"; rules[5].descending = 1;
    rules[5].name = (char *)"Inlämnad (descending)";
    m.tiebreak = rules; m.ntiebreak = 6;
    same_free("rule lottery sv", rank_rule_words(&m, 0, "sv"), "lottning");
    same_free("rule lottery en", rank_rule_words(&m, 0, "en"), "lottery");
    same_free("rule quality sv", rank_rule_words(&m, 1, "sv"), "kvalitet");
    same_free("rule price sv", rank_rule_words(&m, 2, "sv"), "pris");
    same_free("rule criterion sv", rank_rule_words(&m, 3, "sv"), "poäng på \"Miljö\"");
    same_free("rule field sv", rank_rule_words(&m, 4, "sv"), "Inlämnad, tidigast först");
    same_free("rule field en", rank_rule_words(&m, 5, "en"), "Inlämnad, highest first");
    same_free("rule out of range", rank_rule_words(&m, 6, "sv"), "");

    /* --public: evaluators numbered in order of first appearance, consensus not counted */
    {
        static const char *const panel[] = { "Eva", NULL, "Olle", "Eva", "Eva Berg", "Bedömare" };
        redacts(panel, 6, "Olle är gift med Evas chef", "Bedömare 2 är gift med Evas chef");
        redacts(panel, 6, "Eva Berg och Eva", "Bedömare 3 och Bedömare 1");
        redacts(panel, 6, "Evalena, Olles bror", "Evalena, Olles bror");
        redacts(panel, 6, "Bedömare sade", "Bedömare 4 sade");
        redacts(panel, 6, "", "");
        redacts(panel, 1, "Eva.", "Bedömare 1.");
    }

    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
