/* SPDX-License-Identifier: MIT */
/*
** xlform.h: the Excel form of a method, checked before it can reach a
** workbook formula.
*/
#ifndef ANBUD_XLFORM_H
#define ANBUD_XLFORM_H

#include <stddef.h>

/* Longest Excel form a method may give, and Excel's own limit on the text
   of a formula. */
#define XLFORM_MAX_TEMPLATE 1000
#define XLFORM_MAX_FORMULA 8192

/* Whether tpl (an Excel form with {placeholders}, without the leading '=')
   uses only numbers, arithmetic and comparison, parentheses, commas,
   {placeholders} and the functions of the allow-list: no text in quotes,
   no reference or name of its own, no sheet (!), other workbook ([ ]),
   file ('...') or DDE link (|). 0 if so; else -1 with the reason in why. */
int xlform_check(const char *tpl, char *why, size_t whylen);

/* The allow-list, comma-separated, for messages and documentation. */
const char *xlform_functions(void);

#endif
