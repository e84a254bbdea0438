/* SPDX-License-Identifier: MIT */
/*
** json.h: the evaluation as JSON (DESIGN.md "Outputs"), for tests and other
** systems. Numbers are decimal strings; keys come in the model's order, so
** the same model and inputs give the same bytes.
*/
#ifndef ANBUD_JSON_H
#define ANBUD_JSON_H

#include <stdio.h>
#include "award.h"

/* Write s as a JSON string, quoted and escaped (UTF-8 passes through). */
void json_write_string(FILE *f, const char *s);

/* Write the evaluation of every lot and the allocation to f; with a
   workbook written beside it, its file name and SHA-256 (else NULL). The
   public variant (--public) names no evaluator and leaves out confidential
   answers. Returns 0, or -1 on a write error (errno set). */
int json_write_award(FILE *f, const award *a, const char *version,
                     const char *workbook_name, const char *workbook_sha256, int public_variant);

#endif
