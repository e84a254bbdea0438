/* SPDX-License-Identifier: MIT */
/*
** regex.h: PCRE2 (8-bit, UTF + UCP) with compile and match limits, for
** field validation and for models (the Lua table "re"). A pattern that
** runs away stops with an error instead of a hang. "$" matches only at the
** very end (PCRE2_DOLLAR_ENDONLY: no final newline slips through); \C is
** refused; use [0-9], not \d, for digits (\d also matches other scripts).
** Patterns are cached process-wide; not thread-safe.
**
** In Lua (s first, as in string.find; byte offsets are 1-based):
**   re.test(s, p)          true or false
**   re.find(s, p [, init]) start, end of the match, or nil
**   re.match(s, p [, init]) the captures (false for a group that did not
**                          take part), or the whole match if p has none;
**                          nil if no match
** A bad pattern, invalid UTF-8 in s, or a limit raises an error. Each call
** is charged to the sandbox's budget by the work it did (REGEX_WORK_LIMIT);
** PCRE2's backtracking frames count in the sandbox's memory cap.
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
#define REGEX_MAX_SUBJECT   (1024 * 1024)  /* bytes of text to match */
/* Work of one match over all its start positions, in units of about a
   nanosecond (regex.c): its steps and the characters its repeats scan,
   about 0.1 s; a model's match also stops where its budget runs out. */
#define REGEX_WORK_LIMIT    100000000UL

/* 1 if subject matches pattern, 0 if not, -1 on a bad pattern, invalid
   UTF-8 in subject, or a limit hit (the reason in why, which may be NULL;
   e.g. "bad pattern at character 4: missing closing parenthesis",
   "match limit exceeded", "match work limit exceeded (...)", "text is not
   valid UTF-8 at byte 3 (...)"). A subject longer than REGEX_MAX_SUBJECT
   is refused. */
int regex_test(const char *pattern, const char *subject, size_t len,
               char *why, size_t whylen);

/* Install the table "re" in L. */
void regex_open(lua_State *L);

/* Free the cache of compiled patterns (at exit; for valgrind). */
void regex_cleanup(void);

#endif
