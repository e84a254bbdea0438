/* SPDX-License-Identifier: MIT */
/*
** rank.h: ranking the bids that remain, on their totals at the declared
** precision, and the model's tie-break chain (a lottery with a recorded
** seed as the last resort).
*/
#ifndef ANBUD_RANK_H
#define ANBUD_RANK_H

#include "evaluate.h"

/* Fill ev->order, ranks and decided_by. Counts unresolved ties in
   ev->unresolved_ties and adds a warning for each. ANBUD_EINPUT (err set)
   when a tie-break on a field reaches a bid without a value in it. */
anbud_status rank_bids(evaluation *ev, anbud_error *err);

/* Tie-break rule `rule` (an index into m->tiebreak) in a reader's words in
   lang: "lottning", "kvalitet", "pris", "poäng på \"Miljö\"", for a field
   its column and order ("Inlämnad, tidigast först"). malloc'd; JSON's
   decided_by keeps the rule as the model writes it. */
char *rank_rule_words(const model *m, int rule, const char *lang);

/* The lottery key of a bid: SHA-256 of "seed:bid id", lowercase hex. */
void rank_lottery_key(const char *seed, const char *bid, char hex[65]);

#endif
