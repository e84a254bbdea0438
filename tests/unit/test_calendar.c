/* SPDX-License-Identifier: MIT */
/*
** test_calendar.c: the end of the standstill period. Each expected date is
** worked out by hand from a printed calendar (weekday, Easter, midsummer),
** written beside the case.
*/
#include <stdio.h>
#include <string.h>
#include "calendar.h"

static int passed, failed;

static void end_is(const char *sent, int electronic, const char *want, int want_moved)
{
    int y, m, d, days, moved;
    char out[11];
    if (calendar_parse(sent, &y, &m, &d) != 0) { failed++; printf("FAIL parse %s\n", sent); return; }
    calendar_standstill_end(y, m, d, electronic, out, &days, &moved);
    if (strcmp(out, want) == 0 && moved == want_moved && days == (electronic ? 10 : 15)) passed++;
    else { failed++; printf("FAIL %s (%s): got %s moved %d, want %s moved %d\n", sent,
                            electronic ? "electronic" : "letter", out, moved, want, want_moved); }
}

static void parse_fails(const char *s)
{
    int y, m, d;
    if (calendar_parse(s, &y, &m, &d) != 0) passed++;
    else { failed++; printf("FAIL %s parsed\n", s); }
}

int main(void)
{
    /* Mon 16 Dec 2024 + 10 = Thu 26 Dec (Boxing Day) -> Fri 27 Dec */
    end_is("2024-12-16", 1, "2024-12-27", 1);
    /* Tue 8 Apr 2025 + 10 = Good Friday 18 Apr (Easter Sunday 20 Apr); Sat, Sun,
       Easter Monday 21 -> Tue 22 Apr */
    end_is("2025-04-08", 1, "2025-04-22", 4);
    /* Tue 10 Jun 2025 + 10 = Fri 20 Jun, midsummer eve -> Mon 23 Jun */
    end_is("2025-06-10", 1, "2025-06-23", 3);
    /* by letter: Mon 3 Mar 2025 + 15 = Tue 18 Mar, a weekday */
    end_is("2025-03-03", 0, "2025-03-18", 0);
    /* Mon 19 May 2025 + 10 = Thu 29 May, Ascension (Easter + 39) -> Fri 30 May */
    end_is("2025-05-19", 1, "2025-05-30", 1);
    /* Tue 24 Mar 2026 + 10 = Good Friday 3 Apr 2026 (Easter 5 Apr) -> Tue 7 Apr */
    end_is("2026-03-24", 1, "2026-04-07", 4);
    /* Mon 21 Dec 2026 + 10 = Thu 31 Dec (New Year's eve), Fri 1 Jan, weekend -> Mon 4 Jan 2027 */
    end_is("2026-12-21", 1, "2027-01-04", 4);
    /* Wed 27 May 2026 + 10 = Sat 6 Jun (National Day on a Saturday), Sun -> Mon 8 Jun */
    end_is("2026-05-27", 1, "2026-06-08", 2);
    parse_fails("2026-02-29");
    parse_fails("2026-13-01");
    parse_fails("2026-1-01");
    parse_fails("26-01-01");
    parse_fails("2026-01-01x");
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
