/* SPDX-License-Identifier: MIT */
/*
** calendar.c: day arithmetic on the proleptic Gregorian calendar, Easter
** (the anonymous Gregorian algorithm) and the Swedish public holidays.
*/
#include <stdio.h>
#include <string.h>
#include "calendar.h"

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
long calendar_days_from_civil(long y, int m, int d)
{
    long era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    long era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 Monday ... 6 Sunday */
static int weekday(long days)
{
    long w = (days + 3) % 7;   /* 1970-01-01 was a Thursday */
    return (int)(w < 0 ? w + 7 : w);
}

int calendar_parse(const char *s, int *y, int *m, int *d)
{
    static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    char extra;
    int yy, mm, dd;
    if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-') return -1;
    if (sscanf(s, "%4d-%2d-%2d%c", &yy, &mm, &dd, &extra) != 3) return -1;
    if (yy < 1900 || mm < 1 || mm > 12 || dd < 1 || dd > mdays[mm - 1]) return -1;
    if (mm == 2 && dd == 29 && !((yy % 4 == 0 && yy % 100 != 0) || yy % 400 == 0)) return -1;
    *y = yy; *m = mm; *d = dd;
    return 0;
}

static long easter(int y)
{
    int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
    int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
    return calendar_days_from_civil(y, month, day);
}

int calendar_is_closed(int y, int m, int d)
{
    long t = calendar_days_from_civil(y, m, d), e = easter(y);
    int w = weekday(t);
    if (w >= 5) return 1;                                  /* Saturday, Sunday */
    if ((m == 1 && (d == 1 || d == 6)) || (m == 5 && d == 1) || (m == 6 && d == 6) ||
        (m == 12 && (d == 24 || d == 25 || d == 26 || d == 31)))
        return 1;                                          /* fixed holidays and eves */
    if (t == e - 2 || t == e + 1 || t == e + 39) return 1;  /* Good Friday, Easter Monday, Ascension */
    if (m == 6 && d >= 19 && d <= 25 && w == 4) return 1;  /* midsummer eve: Friday 19-25 June */
    return 0;
}

void calendar_standstill_end(int y, int m, int d, int electronic, char out[11], int *days, int *moved)
{
    long t;
    int yy, mm, dd;
    *days = electronic ? 10 : 15;
    t = calendar_days_from_civil(y, m, d) + *days;
    *moved = 0;
    for (;;) {
        civil_from_days(t, &yy, &mm, &dd);
        if (!calendar_is_closed(yy, mm, dd)) break;
        t++;
        (*moved)++;
    }
    snprintf(out, 11, "%04d-%02d-%02d", yy, mm, dd);
}
