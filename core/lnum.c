/* SPDX-License-Identifier: MIT */
/*
** lnum.c: exact rational numbers in Lua, a userdata "anbud.num" over mpq_t.
** Each num reserves room for its GMP limbs inside its userdata, so the
** sandbox's memory cap and the garbage collector see what it really costs.
*/
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include "lnum.h"
#include "decimal.h"
#include "sandbox.h"

#define LNUM_TYPE       "anbud.num"
#define TOO_LARGE       "number too large for exact arithmetic"
#define FLOAT_CACHE     64      /* a power of 2 */
#define FLOAT_COST      1000    /* dec_from_double takes up to ~5 us */

typedef struct fentry {
    double d;
    int used;
    int rc;                 /* dec_from_literal's answer */
    mpq_t q;
} fentry;

/* Temporaries shared by the functions of one state (their upvalue 1). An
   error may longjmp out of any function after they are set; living in a
   userdata whose __gc clears them, nothing leaks. No Lua code runs while
   they are in use, so one set per state suffices. */
typedef struct scratch {
    mpq_t a, b, r;
    char *text;                 /* a formatted number being pushed */
    fentry floats[FLOAT_CACHE]; /* Lua floats met lately, as rationals */
} scratch;

static scratch *get_scratch(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* {=========== conversion ============ */

static void set_integer(mpq_ptr out, lua_Integer i)
{
#if LUA_MAXINTEGER <= LONG_MAX
    mpq_set_si(out, (long)i, 1);
#else
    char buf[32];
    snprintf(buf, sizeof buf, LUA_INTEGER_FMT, i);
    mpq_set_str(out, buf, 10);
#endif
}

lnum *lnum_test(lua_State *L, int idx)
{
    return luaL_testudata(L, idx, LNUM_TYPE);
}

int lnum_get(lua_State *L, int idx, mpq_t out, int *approx, const char **why)
{
    lnum *n = lnum_test(L, idx);

    if (approx) *approx = 0;
    if (n) {
        mpq_set(out, n->q);
        if (approx) *approx = n->approx;
        return 1;
    }
    if (lua_isinteger(L, idx)) {
        set_integer(out, lua_tointeger(L, idx));
        return 1;
    }
    if (lua_type(L, idx) == LUA_TNUMBER) {
        int rc = dec_from_literal(out, (double)lua_tonumber(L, idx));
        if (rc == 0) return 1;
        if (why) *why = rc == -2 ? "the result of binary floating-point arithmetic, not an exact decimal"
                                 : "not a finite number";
        return 0;
    }
    if (why) *why = "not a number";
    return 0;
}

void lnum_push_inexact(lua_State *L, double d)
{
    mpq_t q, f;
    char *s, *g = NULL;
    mpq_inits(q, f, NULL);
    dec_from_double(q, d);
    s = dec_format_exact(q);
    if (dec_simple_fraction(f, d)) g = dec_format_exact(f);
    if (g && !strchr(g, '/'))   /* 0.1 + 0.2: the decimal it should be */
        lua_pushfstring(L, "%s is the result of binary floating-point arithmetic, not an exact decimal; "
                           "write the figure itself, %s", s ? s : "?", g);
    else
        lua_pushfstring(L, "%s is the result of binary floating-point arithmetic, not an exact decimal; "
                           "write the figure exactly, as text such as \"%s\" or num.parse(\"%s\")",
                        s ? s : "?", g ? g : "200/3", g ? g : "200/3");
    free(s);
    free(g);
    mpq_clears(q, f, NULL);
}

/* Raise the error for a float that is the result of binary arithmetic, at
   the line of the model that wrote it: the innermost frame outside the
   library (percent(40/60*100) raises inside scripts/added_value.lua). */
static void raise_inexact(lua_State *L, double d)
{
    lua_Debug ar;
    int level;
    lnum_push_inexact(L, d);
    for (level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0 && strncmp(ar.short_src, "scripts/", 8) != 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            lua_insert(L, -2);
            lua_concat(L, 2);
            break;
        }
    }
    lua_error(L);
}

/* A Lua float as its shortest decimal, remembered: models use a few
   constants (weights such as 0.35) over and over, and each conversion
   takes microseconds. -1 for NaN and infinities; a float whose shortest
   decimal has more than 15 digits (the result of float arithmetic) raises
   an error that says how to write it exactly. */
static int from_float(lua_State *L, mpq_ptr out, double d)
{
    scratch *s = get_scratch(L);
    uint64_t bits;
    fentry *e;

    if (!isfinite(d)) return -1;
    memcpy(&bits, &d, sizeof bits);
    e = &s->floats[(bits * UINT64_C(0x9E3779B97F4A7C15)) >> 58];
    if (!e->used || memcmp(&e->d, &d, sizeof d) != 0) {
        sandbox_charge(L, FLOAT_COST);
        e->rc = dec_from_literal(e->q, d);
        e->d = d;
        e->used = 1;
    }
    if (e->rc == -2) raise_inexact(L, d);   /* 40/60*100: binary arithmetic, refused */
    mpq_set(out, e->q);
    return 0;
}

/* The value at idx as a rational: a num's own mpq, or tmp filled from a
   Lua number. Anything else raises an error; fname names the num.*
   function for an argument error, or is NULL inside an operator. */
static mpq_srcptr operand(lua_State *L, int idx, mpq_ptr tmp, int *approx,
                          const char *fname)
{
    lnum *n = lnum_test(L, idx);

    if (n) {
        *approx |= n->approx;
        return n->q;
    }
    if (lua_isinteger(L, idx)) {
        set_integer(tmp, lua_tointeger(L, idx));
        return tmp;
    }
    if (lua_type(L, idx) == LUA_TNUMBER) {
        if (from_float(L, tmp, (double)lua_tonumber(L, idx)) != 0)
            luaL_error(L, "not a finite number");
        return tmp;
    }
    if (fname)
        luaL_error(L, "bad argument #%d to '%s' (number expected, got %s)",
                   idx, fname, luaL_typename(L, idx));
    else
        luaL_error(L, "attempt to perform arithmetic on a %s value",
                   luaL_typename(L, idx));
    return NULL;
}

/* What GMP's work costs, in instructions of ~5 ns. Measured: rationals of
   n limbs in all add or multiply in ~10 n^1.5 ns, gcds included; integers
   add in linear time and multiply much faster. The allocator already
   charges for the result's bytes. */
static void charge(lua_State *L, mpq_srcptr a, mpq_srcptr b, int linear)
{
    size_t n = mpz_size(mpq_numref(a)) + mpz_size(mpq_denref(a));
    int ints = mpz_cmp_ui(mpq_denref(a), 1) == 0;
    double c;

    if (b) {
        n += mpz_size(mpq_numref(b)) + mpz_size(mpq_denref(b));
        ints = ints && mpz_cmp_ui(mpq_denref(b), 1) == 0;
    }
    if (n <= 8) return;
    if (ints && linear) c = (double)n / 8;
    else c = (double)n * sqrt((double)n) * (ints ? 0.125 : 2.0);
    sandbox_charge(L, (long)c);
}

/* lnum_push on a pointer (GCC takes mpq_t parameters for 32-byte arrays
   and warns when given a scratch member). */
static lnum *push_q(lua_State *L, mpq_srcptr q, int approx)
{
    size_t limbs;
    lnum *n;

    if (dec_bits(q) > DEC_MAX_BITS) luaL_error(L, TOO_LARGE);
    limbs = mpz_size(mpq_numref(q)) + mpz_size(mpq_denref(q));
    /* the limbs' room is never used: it is there to be counted */
    n = lua_newuserdatauv(L, sizeof *n + limbs * sizeof(mp_limb_t), 0);
    mpq_init(n->q);
    mpq_set(n->q, q);
    n->approx = approx != 0;
    luaL_setmetatable(L, LNUM_TYPE);
    return n;
}

lnum *lnum_push(lua_State *L, const mpq_t q, int approx)
{
    return push_q(L, q, approx);
}

/* Push q as text, "~" first if approximate. */
static void push_text(lua_State *L, scratch *s, mpq_srcptr q, int approx)
{
    charge(L, q, NULL, 0);
    free(s->text);
    s->text = dec_format_exact(q);
    if (!s->text) luaL_error(L, "not enough memory");
    lua_pushfstring(L, "%s%s", approx ? "~" : "", s->text);
    free(s->text);
    s->text = NULL;
}

/* }===================================== */

/* {=========== metamethods ============ */

enum { OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_UNM };

static int arith(lua_State *L, int op)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    mpq_srcptr a = operand(L, 1, s->a, &approx, NULL);
    mpq_srcptr b = op == OP_UNM ? NULL : operand(L, 2, s->b, &approx, NULL);

    charge(L, a, b, op != OP_MUL && op != OP_DIV);
    switch (op) {
    case OP_ADD: mpq_add(s->r, a, b); break;
    case OP_SUB: mpq_sub(s->r, a, b); break;
    case OP_MUL: mpq_mul(s->r, a, b); break;
    case OP_DIV:
        if (mpq_sgn(b) == 0) return luaL_error(L, "division by zero");
        mpq_div(s->r, a, b);
        break;
    default: mpq_neg(s->r, a); break;
    }
    push_q(L, s->r, approx);
    return 1;
}

static int m_add(lua_State *L) { return arith(L, OP_ADD); }
static int m_sub(lua_State *L) { return arith(L, OP_SUB); }
static int m_mul(lua_State *L) { return arith(L, OP_MUL); }
static int m_div(lua_State *L) { return arith(L, OP_DIV); }
static int m_unm(lua_State *L) { return arith(L, OP_UNM); }

/* The exponent as an integer, if it is one (a Lua integer, an integral
   float, or a num with denominator 1 that fits). */
static int int_exponent(lua_State *L, int idx, lua_Integer *e)
{
    lnum *n = lnum_test(L, idx);

    if (lua_isinteger(L, idx)) {
        *e = lua_tointeger(L, idx);
        return 1;
    }
    if (lua_type(L, idx) == LUA_TNUMBER) {
        lua_Number d = lua_tonumber(L, idx);
        return lua_numbertointeger(floor(d), e) && floor(d) == d;
    }
    if (n && mpz_cmp_ui(mpq_denref(n->q), 1) == 0
        && mpz_fits_slong_p(mpq_numref(n->q))) {
        *e = (lua_Integer)mpz_get_si(mpq_numref(n->q));
        return 1;
    }
    if (n && mpz_cmp_ui(mpq_denref(n->q), 1) == 0) {  /* huge integer */
        *e = mpz_sgn(mpq_numref(n->q)) < 0 ? LUA_MININTEGER : LUA_MAXINTEGER;
        return 1;
    }
    return 0;
}

/* Integer powers are exact; the result's size is checked before GMP
   computes it, so 3^1000000 is refused at once instead of after seconds. */
static int m_pow(lua_State *L)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    mpq_srcptr a = operand(L, 1, s->a, &approx, NULL);
    lua_Integer e;

    if (int_exponent(L, 2, &e)) {
        lua_Unsigned ae = e < 0 ? (lua_Unsigned)0 - (lua_Unsigned)e
                                : (lua_Unsigned)e;
        size_t nb = mpz_sizeinbase(mpq_numref(a), 2);
        size_t db = mpz_sizeinbase(mpq_denref(a), 2);
        lnum *en = lnum_test(L, 2);

        if (en) approx |= en->approx;
        if (e < 0 && mpq_sgn(a) == 0) return luaL_error(L, "division by zero");
        if (nb <= 1 && db <= 1) {           /* 0, 1 or -1 */
            if (e == 0 || mpq_sgn(a) > 0) mpq_set_ui(s->r, 1, 1);
            else if (mpq_sgn(a) == 0) mpq_set_ui(s->r, 0, 1);
            else mpq_set_si(s->r, (ae & 1) ? -1 : 1, 1);
        } else {
            if (ae > DEC_MAX_BITS || (nb - 1) * ae > DEC_MAX_BITS
                || (db - 1) * ae > DEC_MAX_BITS)
                return luaL_error(L, TOO_LARGE);
            mpz_pow_ui(mpq_numref(s->r), mpq_numref(a), (unsigned long)ae);
            mpz_pow_ui(mpq_denref(s->r), mpq_denref(a), (unsigned long)ae);
            if (e < 0) mpq_inv(s->r, s->r);
            charge(L, s->r, NULL, 0);
        }
    } else {
        /* a fractional power is computed in double precision and marked
           approximate, so a float exponent (1/3) is taken as it is */
        double eb = lua_type(L, 2) == LUA_TNUMBER ? (double)lua_tonumber(L, 2)
                                                  : dec_to_double(operand(L, 2, s->b, &approx, NULL));
        double r = pow(dec_to_double(a), eb);
        if (!isfinite(r))
            return luaL_error(L, mpq_sgn(a) < 0
                              ? "fractional power of a negative number"
                              : TOO_LARGE);
        sandbox_charge(L, FLOAT_COST);
        dec_from_double(s->r, r);
        approx = 1;
    }
    push_q(L, s->r, approx);
    return 1;
}

static int m_idiv(lua_State *L)
{
    return luaL_error(L, "the // operator is not defined for exact numbers; "
                      "use num.floor(a / b)");
}

static int m_mod(lua_State *L)
{
    return luaL_error(L, "the %% operator is not defined for exact numbers; "
                      "use a - b * num.floor(a / b)");
}

/* -1, 0, 1; errors unless both are numbers (a num and a Lua number meet
   in < and <=, which Lua 5.4 hands to the metamethod). */
static int compare(lua_State *L)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    mpq_srcptr a, b;
    int t1 = lua_type(L, 1), t2 = lua_type(L, 2);

    if ((t1 != LUA_TNUMBER && !lnum_test(L, 1))
        || (t2 != LUA_TNUMBER && !lnum_test(L, 2)))
        luaL_error(L, "attempt to compare %s with %s",
                   lnum_test(L, 1) ? "num" : luaL_typename(L, 1),
                   lnum_test(L, 2) ? "num" : luaL_typename(L, 2));
    a = operand(L, 1, s->a, &approx, NULL);
    b = operand(L, 2, s->b, &approx, NULL);
    charge(L, a, b, 1);
    return mpq_cmp(a, b);
}

static int m_lt(lua_State *L)
{
    lua_pushboolean(L, compare(L) < 0);
    return 1;
}

static int m_le(lua_State *L)
{
    lua_pushboolean(L, compare(L) <= 0);
    return 1;
}

static int m_eq(lua_State *L)
{
    lnum *a = lnum_test(L, 1), *b = lnum_test(L, 2);
    lua_pushboolean(L, a && b && mpq_equal(a->q, b->q));
    return 1;
}

static int m_tostring(lua_State *L)
{
    lnum *n = luaL_checkudata(L, 1, LNUM_TYPE);
    push_text(L, get_scratch(L), n->q, n->approx);
    return 1;
}

static int m_concat(lua_State *L)
{
    int i;
    for (i = 1; i <= 2; i++) {
        lnum *n = lnum_test(L, i);
        if (n)
            push_text(L, get_scratch(L), n->q, n->approx);
        else if (lua_type(L, i) == LUA_TSTRING || lua_type(L, i) == LUA_TNUMBER)
            luaL_tolstring(L, i, NULL);
        else
            return luaL_error(L, "attempt to concatenate a %s value",
                              luaL_typename(L, i));
    }
    lua_concat(L, 2);
    return 1;
}

static int m_gc(lua_State *L)
{
    lnum *n = lua_touserdata(L, 1);     /* only ever a num: mt is hidden */
    if (n) mpq_clear(n->q);
    return 0;
}

/* }===================================== */

/* {=========== the num table ============ */

int lnum_parse_text(mpq_t out, const char *t)
{
    size_t n = strlen(t);
    char *buf;
    int rc;
    if (n == 0 || t[n - 1] != '%') return dec_parse_plain(out, t);
    /* "20 %", "200/3 %": a percentage, a share of 100 */
    buf = malloc(n);
    if (!buf) return -1;
    memcpy(buf, t, n - 1);
    buf[--n] = '\0';
    while (n > 0 && buf[n - 1] == ' ') buf[--n] = '\0';
    rc = dec_parse_plain(out, buf);
    free(buf);
    if (rc == 0) {
        mpq_t h;
        mpq_init(h);
        mpq_set_ui(h, 100, 1);
        mpq_div(out, out, h);
        mpq_clear(h);
    }
    return rc;
}

static int f_parse(lua_State *L)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    size_t len;
    const char *t;

    if (lua_type(L, 1) != LUA_TSTRING) {
        mpq_srcptr x = operand(L, 1, s->a, &approx, "parse");
        push_q(L, x, approx);
        return 1;
    }
    t = lua_tolstring(L, 1, &len);
    if (len > 100)                      /* ~len^1.5 / 500 ns in GMP */
        sandbox_charge(L, (long)((double)len * sqrt((double)len) / 100));
    if (strlen(t) != len || lnum_parse_text(s->r, t) != 0)
        return luaL_error(L, "num.parse: not a number: \"%s%s\"",
                          lua_pushlstring(L, t, len > 40 ? 40 : len),
                          len > 40 ? "..." : "");
    push_q(L, s->r, 0);
    return 1;
}

static int f_is(lua_State *L)
{
    lua_pushboolean(L, lnum_test(L, 1) != NULL);
    return 1;
}

static int f_eq(lua_State *L)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    mpq_srcptr a = operand(L, 1, s->a, &approx, "eq");
    mpq_srcptr b = operand(L, 2, s->b, &approx, "eq");
    charge(L, a, b, 1);
    lua_pushboolean(L, mpq_equal(a, b));
    return 1;
}

static int floor_ceil(lua_State *L, int up)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    mpq_srcptr x = operand(L, 1, s->a, &approx, up ? "ceil" : "floor");
    charge(L, x, NULL, 0);
    if (up) mpz_cdiv_q(mpq_numref(s->r), mpq_numref(x), mpq_denref(x));
    else mpz_fdiv_q(mpq_numref(s->r), mpq_numref(x), mpq_denref(x));
    mpz_set_ui(mpq_denref(s->r), 1);
    push_q(L, s->r, approx);
    return 1;
}

static int f_floor(lua_State *L) { return floor_ceil(L, 0); }
static int f_ceil(lua_State *L) { return floor_ceil(L, 1); }

static int f_round(lua_State *L)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    mpq_srcptr x = operand(L, 1, s->a, &approx, "round");
    lua_Integer places = luaL_optinteger(L, 2, 0);
    const char *mode = luaL_optstring(L, 3, "half_up");
    int m = dec_mode_parse(mode);

    if (m < 0)
        return luaL_argerror(L, 3, "rounding mode must be \"half_up\", "
                             "\"half_even\" or \"truncate\"");
    if (places > 100000) places = 100000;
    if (places < -100000) places = -100000;
    charge(L, x, NULL, 0);
    dec_round(s->r, x, (int)places, (dec_mode)m);
    push_q(L, s->r, approx);
    return 1;
}

static int f_abs(lua_State *L)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    mpq_srcptr x = operand(L, 1, s->a, &approx, "abs");
    mpq_abs(s->r, x);
    push_q(L, s->r, approx);
    return 1;
}

static int min_max(lua_State *L, int want, const char *fname)
{
    scratch *s = get_scratch(L);
    int i, c, best = 1, n = lua_gettop(L), approx = 0;
    mpq_srcptr x;

    operand(L, 1, s->r, &approx, fname);    /* "got no value" if n == 0 */
    for (i = 2; i <= n; i++) {
        mpq_srcptr y = operand(L, i, s->b, &approx, fname);
        x = operand(L, best, s->a, &approx, fname);
        charge(L, x, y, 1);
        c = mpq_cmp(y, x);
        if (want > 0 ? c > 0 : c < 0) best = i;
    }
    approx = 0;
    x = operand(L, best, s->a, &approx, fname);
    push_q(L, x, approx);
    return 1;
}

static int f_min(lua_State *L) { return min_max(L, -1, "min"); }
static int f_max(lua_State *L) { return min_max(L, 1, "max"); }

/* log x = log(num) - log(den), each as m * 2^e, so numbers far beyond a
   double's range still work. */
static double log_mpz(mpz_srcptr z)
{
    long e;
    double m = mpz_get_d_2exp(&e, z);
    return log(m) + (double)e * log(2.0);
}

static int push_approx(lua_State *L, double r)
{
    scratch *s = get_scratch(L);
    if (!isfinite(r)) return luaL_error(L, TOO_LARGE);
    sandbox_charge(L, FLOAT_COST);
    dec_from_double(s->r, r);
    push_q(L, s->r, 1);
    return 1;
}

static int f_log(lua_State *L)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    mpq_srcptr x = operand(L, 1, s->a, &approx, "log");
    if (mpq_sgn(x) <= 0) return luaL_argerror(L, 1, "must be greater than 0");
    return push_approx(L, log_mpz(mpq_numref(x)) - log_mpz(mpq_denref(x)));
}

static int f_exp(lua_State *L)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    mpq_srcptr x = operand(L, 1, s->a, &approx, "exp");
    return push_approx(L, exp(dec_to_double(x)));
}

static int f_sqrt(lua_State *L)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    mpq_srcptr x = operand(L, 1, s->a, &approx, "sqrt");
    long en, ed, k;
    double mn, md;

    if (mpq_sgn(x) < 0) return luaL_argerror(L, 1, "must not be negative");
    charge(L, x, NULL, 0);
    /* and the roots: a perfect-square test, then the roots of numerator
       and denominator, ~20 us for 208 limbs (10^4000), where charge()
       counts one multiplication, a tenth of that */
    {
        double n = (double)(mpz_size(mpq_numref(x)) + mpz_size(mpq_denref(x)));
        if (n > 8) sandbox_charge(L, (long)(n * sqrt(n) * 1.25));
    }
    if (mpz_perfect_square_p(mpq_numref(x))
        && mpz_perfect_square_p(mpq_denref(x))) {
        mpz_sqrt(mpq_numref(s->r), mpq_numref(x));
        mpz_sqrt(mpq_denref(s->r), mpq_denref(x));
        push_q(L, s->r, approx);
        return 1;
    }
    /* x = mn/md * 2^k with an even k, so sqrt x = sqrt(mn/md) * 2^(k/2) */
    mn = mpz_get_d_2exp(&en, mpq_numref(x));
    md = mpz_get_d_2exp(&ed, mpq_denref(x));
    k = en - ed;
    if (k % 2 != 0) {
        mn *= 2;
        k--;
    }
    return push_approx(L, ldexp(sqrt(mn / md), (int)(k / 2)));
}

static int f_tonumber(lua_State *L)
{
    scratch *s = get_scratch(L);
    int approx = 0;
    mpq_srcptr x = operand(L, 1, s->a, &approx, "tonumber");
    lua_pushnumber(L, (lua_Number)dec_to_double(x));
    return 1;
}

/* }===================================== */

static int scratch_gc(lua_State *L)
{
    scratch *s = lua_touserdata(L, 1);
    int i;
    mpq_clears(s->a, s->b, s->r, NULL);
    for (i = 0; i < FLOAT_CACHE; i++) mpq_clear(s->floats[i].q);
    free(s->text);
    s->text = NULL;
    return 0;
}

void lnum_open(lua_State *L)
{
    static const luaL_Reg meta[] = {
        { "__add", m_add }, { "__sub", m_sub }, { "__mul", m_mul },
        { "__div", m_div }, { "__unm", m_unm }, { "__pow", m_pow },
        { "__idiv", m_idiv }, { "__mod", m_mod },
        { "__eq", m_eq }, { "__lt", m_lt }, { "__le", m_le },
        { "__tostring", m_tostring }, { "__concat", m_concat },
        { "__gc", m_gc }, { NULL, NULL }
    };
    static const luaL_Reg funcs[] = {
        { "parse", f_parse }, { "is", f_is }, { "eq", f_eq },
        { "floor", f_floor }, { "ceil", f_ceil }, { "round", f_round },
        { "abs", f_abs }, { "min", f_min }, { "max", f_max },
        { "log", f_log }, { "exp", f_exp }, { "sqrt", f_sqrt },
        { "tonumber", f_tonumber }, { NULL, NULL }
    };
    scratch *s;
    int i;

    /* everything that may raise (memory) before the mpq_inits */
    lua_newtable(L);
    lua_pushcfunction(L, scratch_gc);
    lua_setfield(L, -2, "__gc");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    s = lua_newuserdatauv(L, sizeof *s, 0);
    mpq_inits(s->a, s->b, s->r, NULL);
    for (i = 0; i < FLOAT_CACHE; i++) {
        mpq_init(s->floats[i].q);
        s->floats[i].used = 0;
    }
    s->text = NULL;
    lua_insert(L, -2);
    lua_setmetatable(L, -2);

    luaL_newmetatable(L, LNUM_TYPE);
    lua_pushvalue(L, -2);
    luaL_setfuncs(L, meta, 1);
    lua_pushboolean(L, 0);                  /* getmetatable(x) is false */
    lua_setfield(L, -2, "__metatable");
    lua_pushliteral(L, "num");              /* "got num" in messages */
    lua_setfield(L, -2, "__name");
    lua_pop(L, 1);

    luaL_newlibtable(L, funcs);
    lua_pushvalue(L, -2);
    luaL_setfuncs(L, funcs, 1);
    lua_setglobal(L, "num");
    lua_pop(L, 1);
}
