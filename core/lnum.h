/*
** lnum.h: exact rational numbers inside Lua, as a userdata "anbud.num"
** holding an mpq_t. Arithmetic (+ - * / unary -, ^ with an integer exponent),
** comparisons (< <= ==, and with plain Lua numbers for < and <=), tostring,
** and the functions of the "num" table. A Lua number meeting a num is
** converted by its shortest round-trip decimal text, so 0.1 means 1/10.
** Functions that are not rational (log, exp, sqrt, ^ with a fractional
** exponent) compute in double and mark the result approximate; the mark
** travels through later arithmetic. Division by zero raises an error.
*/
#ifndef ANBUD_LNUM_H
#define ANBUD_LNUM_H

#include <gmp.h>
#include <lua.h>

typedef struct lnum {
    mpq_t q;
    int approx;             /* computed through a non-rational function */
} lnum;

/* Install the metatable and the global table "num" (num.new("1,5")?, no: 
   num.parse(text), num.floor, num.round(x, places, mode), num.min, num.max,
   num.abs, num.log, num.exp, num.sqrt, num.is_num). */
void lnum_open(lua_State *L);

/* Push a new num holding a copy of q. */
lnum *lnum_push(lua_State *L, const mpq_t q, int approx);

/* The value at idx as an exact rational: a num, a Lua integer, or a Lua
   float by its shortest decimal text. Returns 0 if it is not a number (or
   is NaN/infinite, reported in *why). */
int lnum_get(lua_State *L, int idx, mpq_t out, int *approx, const char **why);

/* The num at idx, or NULL if it is not one. */
lnum *lnum_test(lua_State *L, int idx);

#endif
