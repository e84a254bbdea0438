/* SPDX-License-Identifier: MIT */
/*
** export.h: a model's award criteria for a contract notice, in the shape of
** the OCDS award criteria extension (JSON) or of eForms (a UBL XML fragment
** with BT-539, BT-734, BT-540, BT-541/BT-5421 or BT-543). Checks the eForms
** SDK rules on weights before anything is written.
*/
#ifndef ANBUD_EXPORT_H
#define ANBUD_EXPORT_H

#include <stdio.h>
#include "error.h"
#include "model.h"

/* Write m's award criteria to f. Returns ANBUD_OK, ANBUD_EMODEL when the
   criteria break an SDK rule (nothing is written then), or ANBUD_EUSAGE on
   a write error. */
anbud_status export_write_ocds(FILE *f, const model *m, anbud_error *err);
anbud_status export_write_eforms(FILE *f, const model *m, anbud_error *err);

#endif
