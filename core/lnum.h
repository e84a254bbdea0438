/* SPDX-License-Identifier: MIT */
/*
** lnum.h: exact rational numbers inside Lua, as a userdata "anbud.num"
** holding an mpq_t. Arithmetic (+ - * / unary -, ^ with an integer exponent),
** comparisons (< <= ==, and with plain Lua numbers for < and <=), tostring,
** and the functions of the "num" table. A Lua number meeting a num is
** converted by its shortest round-trip decimal text, so 0.1 means 1/10.
** Functions that are not rational (log, exp, sqrt, ^ with a fractional
** exponent) compute in double and mark the result approximate; the mark
** travels through later arithmetic. Division by zero raises an error.
**
** == between a num and a plain Lua number is always false (Lua 5.4 calls
** __eq only for two userdata): models compare with num.eq(a, b). // and %
** raise an error (use num.floor). NaN and infinities raise "not a finite
** number"; a result past DEC_MAX_BITS raises "number too large for exact
** arithmetic". tostring gives the shortest decimal or "p/q", "~" first if
** approximate. Nums are distinct table keys even when equal.
*/
#ifndef ANBUD_LNUM_H
#define ANBUD_LNUM_H

#include <gmp.h>
#include <lua.h>

typedef struct lnum {
    mpq_t q;
    int approx;             /* computed through a non-rational function */
} lnum;

/* Install the metatable and the global table "num": num.parse(x) (plain
   text "-12.5" or "p/q", or a number), num.is(x), num.eq(a, b),
   num.floor(x), num.ceil(x), num.round(x [, places [, mode]]) (mode
   "half_up" (default), "half_even", "truncate"), num.abs(x),
   num.min(...), num.max(...), num.log(x), num.exp(x), num.sqrt(x) (exact
   for squares of rationals), num.tonumber(x) (a Lua float). All but is,
   eq and tonumber return a num; they accept nums and Lua numbers. */
void lnum_open(lua_State *L);

/* Push a new num holding a copy of q. Raises a Lua error (too large, out
   of memory): call it in protected mode, with q owned by something that
   outlives a longjmp (it is copied, never taken). */
lnum *lnum_push(lua_State *L, const mpq_t q, int approx);

/* The value at idx as an exact rational into out (initialised by the
   caller): a num, a Lua integer, or a Lua float by its shortest decimal
   text. Returns 1, or 0 if it is not a number, is NaN/infinite, or is a
   float whose shortest decimal has more than 15 significant digits, the
   result of float arithmetic (the reason in *why; approx and why may be
   NULL). Never raises. */
int lnum_get(lua_State *L, int idx, mpq_t out, int *approx, const char **why);

/* Push the message for a float that is the result of binary arithmetic:
   its shortest decimal and how to write the figure exactly ("200/3"). */
void lnum_push_inexact(lua_State *L, double d);

/* Text as an exact number, as num.parse reads it: "0.35", "-12", "200/3",
   or a percentage "20 %" (1/5). Returns 0, or -1 if it is none of these. */
int lnum_parse_text(mpq_t out, const char *t);

/* The num at idx, or NULL if it is not one. */
lnum *lnum_test(lua_State *L, int idx);

#endif
