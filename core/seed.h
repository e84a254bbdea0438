/* SPDX-License-Identifier: MIT */
/*
** seed.h: the default lottery seed. It depends only on the model and on
** the figures the evaluation reads, in a canonical order: never on file
** names, paths, the order of the files, their encoding, line ends or the
** free-text justifications, so a draw cannot be steered without changing
** a figure. The grammar is in README.md ("The lottery"), so that anyone can
** rebuild the text with printf and recompute the seed with sha256sum.
*/
#ifndef ANBUD_SEED_H
#define ANBUD_SEED_H

#include "model.h"
#include "input.h"

/* The canonical text of the model's fingerprint and the inputs: one line
   per fact, each ending in "\n", sorted bytewise (as LC_ALL=C sort does):
     model <TAB> sha256 of the model file
     bid <TAB> id <TAB> lot <TAB> bidder
     field <TAB> id <TAB> lot <TAB> field <TAB> value
     score <TAB> id <TAB> lot <TAB> criterion <TAB> evaluator|consensus <TAB> value|recused
     requirement <TAB> id <TAB> lot <TAB> requirement <TAB> yes|no
   malloc'd (exits when out of memory). */
char *seed_canonical_text(const model *m, const anbud_inputs *in);

/* The seed: SHA-256 of seed_canonical_text, lowercase hex. */
void seed_derive(const model *m, const anbud_inputs *in, char hex[65]);

#endif
