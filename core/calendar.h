/* SPDX-License-Identifier: MIT */
/*
** calendar.h: dates for the award decision: the end of the standstill
** period (avtalsspärr, LOU 20 kap. 1 §: 10 days after an electronic notice,
** 15 otherwise), moved to the next weekday when it falls on a Saturday,
** Sunday, Swedish public holiday, midsummer eve, Christmas eve or New
** Year's eve (lagen (1930:173) om beräkning av lagstadgad tid). A leaf.
*/
#ifndef ANBUD_CALENDAR_H
#define ANBUD_CALENDAR_H

/* Parse "YYYY-MM-DD" (a real date, years 1900-9999); 0 or -1. */
int calendar_parse(const char *s, int *y, int *m, int *d);

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
   (negative before it): dates and datetimes become instants with it. */
long calendar_days_from_civil(long y, int m, int d);

/* 1 if the date is a Saturday, Sunday, public holiday or one of the eves. */
int calendar_is_closed(int y, int m, int d);

/* The last day of the standstill for a notice sent on y-m-d, electronic or
   not, as "YYYY-MM-DD" in out (11 bytes); *days gets 10 or 15 and *moved
   the number of days it was moved to reach a weekday. */
void calendar_standstill_end(int y, int m, int d, int electronic, char out[11], int *days, int *moved);

#endif
