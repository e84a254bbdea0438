/*
** regex.h: PCRE2 (8-bit, UTF + UCP) with compile and match limits, for
** field validation and for models (the Lua table "re": re.match(s, p),
** re.find(s, p), re.test(s, p)). A pattern that runs away stops with an
** error instead of a hang.
*/
#ifndef ANBUD_REGEX_H
#define ANBUD_REGEX_H

#include <stddef.h>
#include <lua.h>

#define REGEX_MAX_PATTERN   1000      /* bytes of pattern */
#define REGEX_MAX_NEST      50        /* parentheses nesting */
#define REGEX_MATCH_LIMIT   100000    /* backtracking steps */
#define REGEX_DEPTH_LIMIT   10000
#define REGEX_HEAP_LIMIT    8192      /* KiB */

/* 1 if subject matches pattern, 0 if not, -1 on a bad pattern or a limit
   hit (the reason in why). subject must be valid UTF-8. */
int regex_test(const char *pattern, const char *subject, size_t len,
               char *why, size_t whylen);

/* Install the table "re" in L. */
void regex_open(lua_State *L);

/* Free the cache of compiled patterns (at exit; for valgrind). */
void regex_cleanup(void);

#endif
