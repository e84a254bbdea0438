/* SPDX-License-Identifier: MIT */
/*
** sandbox.c: a Lua 5.4 state for one model, with a memory cap, an
** instruction budget and only the libraries a model may use. Knows nothing
** of models (that is model.c); the recipe and its reasons: tech.md §3.
*/
#define _GNU_SOURCE             /* memmem */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lauxlib.h>
#include <lualib.h>
#include "sandbox.h"
#include "lnum.h"
#include "regex.h"
#include "text.h"

#define MIB                 (1024.0 * 1024.0)
#define BUDGET_MSG          "instruction budget exceeded"
#define TIME_MSG            "time limit exceeded: the model's code ran for " \
                            "more than %.0f s in this pass (work in C that " \
                            "the instruction budget does not count, such as " \
                            "long strings compared or hashed in a loop)"
#define STRING_MSG          "string longer than 1 MiB (the limit of one " \
                            "string in a model)"
#define CLOCK_EVERY         4           /* hooks between looks at the clock */
#define BYTES_PER_INSTR     8           /* allocation cost, see sb_alloc */
#define RANDOM_SEED         20250101    /* math.random is the same each run */
#define LOG_MAX_LINES       1000
#define LOG_MAX_BYTES       1000

/* {=========== memory and budget ============ */

/* sandbox.why: what stopped the state (killed) or what the allocator
   refused last (for the message of the memory error that follows). */
enum { WHY_NONE, WHY_MEMORY, WHY_STRING, WHY_BUDGET, WHY_TIME };

static void sb_hook(lua_State *L, lua_Debug *ar);

/* Take n from the budget outside any Lua call (the allocator cannot raise
   an error): when it runs out, the hook is set to fire at the very next
   instruction rather than up to SANDBOX_HOOK_EVERY later. lua_sethook is
   safe anywhere (it may be called from a signal handler). This reaches
   the main thread only; the host creates no other threads. */
static void spend(sandbox *sb, size_t n)
{
    sb->budget -= n > (size_t)LONG_MAX / 2 ? LONG_MAX / 2 : (long)n;
    if (sb->budget <= 0 && !sb->killed && sb->L)
        lua_sethook(sb->L, sb_hook, LUA_MASKCOUNT, 1);
}

/* Only growth may fail (manual §lua_Alloc). Growth also costs budget, one
   instruction per 8 bytes (about the time C takes to fill them), so a loop
   of C calls that each build a big string (string.rep, upper, concat) is
   stopped by the next count hook though each call is one VM instruction.
   A refused growth costs about what the emergency full collection Lua
   then runs may cost, so retrying a failing allocation under pcall with a
   big live heap ends too. */
static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    sandbox *sb = ud;
    size_t old = ptr ? osize : 0;
    void *q;

    if (nsize == 0) {
        free(ptr);
        sb->mem_used -= old;
        return NULL;
    }
    if (sb->probing && !ptr && osize == LUA_TSTRING)
        sb->string_overhead = nsize;
    if (nsize > old) {
        size_t grow = nsize - old;
        /* osize is the type of a new object (manual §lua_Alloc) */
        if (!ptr && osize == LUA_TSTRING && sb->string_overhead
            && nsize - sb->string_overhead > SANDBOX_MAX_STRING) {
            if (!sb->killed) sb->why = WHY_STRING;
            spend(sb, sb->mem_used / (4 * BYTES_PER_INSTR));
            return NULL;
        }
        if (sb->mem_used > sb->mem_limit
            || grow > sb->mem_limit - sb->mem_used) {
            if (!sb->killed) sb->why = WHY_MEMORY;
            spend(sb, sb->mem_used / (4 * BYTES_PER_INSTR));
            return NULL;
        }
        q = realloc(ptr, nsize);
        if (!q) return NULL;
        spend(sb, grow / BYTES_PER_INSTR);
    } else {
        q = realloc(ptr, nsize);
        if (!q) q = ptr;            /* a failed shrink keeps the block */
    }
    sb->mem_used = sb->mem_used - old + nsize;
    if (sb->mem_used > sb->mem_peak) sb->mem_peak = sb->mem_used;
    return q;
}

static sandbox *sb_of(lua_State *L)
{
    void *ud = NULL;
    if (lua_getallocf(L, &ud) != sb_alloc) return NULL;
    return ud;
}

/* The budget is spent: from now on every instruction of every function
   raises the error again, so a pcall in the model cannot swallow it (the
   Redis trick, script_lua.c luaMaskCountHook). */
static void kill_message(const sandbox *sb, char *buf, size_t len)
{
    if (sb->why == WHY_TIME) snprintf(buf, len, TIME_MSG, sb->time_limit);
    else snprintf(buf, len, "%s", BUDGET_MSG);
}

static int sb_kill(lua_State *L, lua_Debug *ar)
{
    char msg[256];
    kill_message(sb_of(L), msg, sizeof msg);
    lua_sethook(L, sb_hook, LUA_MASKLINE | LUA_MASKCOUNT, 1);
    if (ar && lua_getinfo(L, "Sl", ar) && ar->currentline > 0)
        lua_pushfstring(L, "%s:%d: %s", ar->short_src, ar->currentline, msg);
    else {
        luaL_where(L, 1);
        lua_pushstring(L, msg);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

/* Processor time of the process; once per pass (it is a system call of
   several microseconds here). */
static double cpu_seconds(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
        return (double)clock() / CLOCKS_PER_SEC;
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Called every CLOCK_EVERY hooks: add the time since the last look to
   Lua's share, unless Lua was left in between (sandbox_call and the host
   functions of sandbox_protect move the epoch: host work is not the
   model's). The coarse clock costs ~20 ns; its 4 ms steps add up right.
   Past the limit, the process's processor time in this pass decides: if
   the machine was busy elsewhere, the model is not blamed. */
static int over_time(sandbox *sb)
{
    struct timespec ts;
    double now, cpu;

    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    now = (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
    if (sb->clock_epoch == sb->epoch) sb->lua_seconds += now - sb->clock_last;
    sb->clock_last = now;
    sb->clock_epoch = sb->epoch;
    if (sb->lua_seconds < sb->time_limit) return 0;
    cpu = cpu_seconds() - sb->cpu_start;
    if (cpu >= sb->time_limit) return 1;
    sb->lua_seconds = cpu;      /* look again when the rest may be used */
    return 0;
}

static void sb_hook(lua_State *L, lua_Debug *ar)
{
    sandbox *sb = sb_of(L);
    if (!sb) return;
    if (!sb->killed) {
        sb->budget -= SANDBOX_HOOK_EVERY;
        if (sb->budget > 0) {
            if (++sb->hooks % CLOCK_EVERY != 0 || !over_time(sb)) return;
            sb->why = WHY_TIME;
        } else {
            sb->why = WHY_BUDGET;
        }
        sb->killed = 1;
    }
    sb_kill(L, ar);
}

void sandbox_charge(lua_State *L, long n)
{
    sandbox *sb = sb_of(L);
    if (!sb || n <= 0) return;
    if (!sb->killed) {
        if (n < sb->budget) {
            sb->budget -= n;
            return;
        }
        sb->budget = 0;
        sb->killed = 1;
        sb->why = WHY_BUDGET;
    }
    sb_kill(L, NULL);
}

long sandbox_budget_left(lua_State *L)
{
    sandbox *sb = sb_of(L);
    if (!sb) return LONG_MAX;
    return sb->killed || sb->budget < 0 ? 0 : sb->budget;
}

/* Charge the bytes of the string arguments, at upvalue 2 instructions per
   upvalue 3 bytes, then call the original (upvalue 1): for library
   functions that walk a whole string inside one instruction. The
   original, called from C and no longer in its table, would name itself
   '?' in "bad argument" errors: upvalue 4 is its name. */
static int sb_bytes(lua_State *L)
{
    int i, n = lua_gettop(L);
    lua_Integer per = lua_tointeger(L, lua_upvalueindex(2));
    lua_Integer bytes = lua_tointeger(L, lua_upvalueindex(3));
    size_t total = 0;

    for (i = 1; i <= n; i++)
        if (lua_type(L, i) == LUA_TSTRING) total += lua_rawlen(L, i);
    sandbox_charge(L, (long)(total / (size_t)bytes * (size_t)per));
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (lua_pcall(L, n, LUA_MULTRET, 0) != LUA_OK) {
        if (lua_type(L, -1) == LUA_TSTRING) {
            lua_pushfstring(L, "to '%s'", lua_tostring(L, lua_upvalueindex(4)));
            luaL_gsub(L, lua_tostring(L, -2), "to '?'", lua_tostring(L, -1));
        }
        return lua_error(L);
    }
    return lua_gettop(L);
}

/* Replace t[name] (t on top) by sb_bytes over the old value. */
static void charge_field(lua_State *L, const char *name, int per, int bytes)
{
    lua_getfield(L, -1, name);
    lua_pushinteger(L, per);
    lua_pushinteger(L, bytes);
    lua_pushstring(L, name);
    lua_pushcclosure(L, sb_bytes, 4);
    lua_setfield(L, -2, name);
}

/* }========================================= */

/* {=========== replaced base functions ============ */

/* setmetatable, refusing __gc: finalizers run with hooks off (lgc.c GCTM),
   so a looping one would hang the run and lua_close. Checked raw, and any
   non-nil value counts: {__gc = false} marks the object for finalization
   and a function put there later would then run. */
static int sb_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "__gc metamethods are not allowed in models");
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* xpcall whose handler is skipped once the budget is spent. The budget
   error is raised inside the count hook, where hooks are off, and Lua calls
   the message handler right there, before unwinding: a looping handler
   would then run forever with no hook (and it does, in stock Lua). */
static int sb_xpcall_handler(lua_State *L)
{
    sandbox *sb = sb_of(L);
    if (sb && sb->killed) return 1;         /* the message as it is */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int sb_xpcall(lua_State *L)
{
    int status, n = lua_gettop(L);

    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, sb_xpcall_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);                  /* as lbaselib.c luaB_xpcall */
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2);
    status = lua_pcall(L, n - 2, LUA_MULTRET, 2);
    if (status != LUA_OK) {
        lua_pushboolean(L, 0);
        lua_pushvalue(L, -2);
        return 2;
    }
    return lua_gettop(L) - 2;
}

/* print and warn never write to stdout: their lines are kept, at most
   LOG_MAX_LINES of LOG_MAX_BYTES each, in the registry table SANDBOX_LOG. */
static void cut_top(lua_State *L)
{
    size_t len;
    const char *s = lua_tolstring(L, -1, &len);
    if (len > LOG_MAX_BYTES) {
        lua_pushlstring(L, s, LOG_MAX_BYTES);
        lua_remove(L, -2);
    }
}

static int sb_log(lua_State *L, const char *prefix, const char *sep)
{
    int i, n = lua_gettop(L);

    if (lua_getfield(L, LUA_REGISTRYINDEX, SANDBOX_LOG) != LUA_TTABLE)
        return 0;
    if (lua_rawlen(L, n + 1) >= LOG_MAX_LINES) return 0;
    lua_pushstring(L, prefix);
    for (i = 1; i <= n; i++) {
        if (i > 1) {
            lua_pushstring(L, sep);
            lua_concat(L, 2);
        }
        luaL_tolstring(L, i, NULL);
        cut_top(L);
        lua_concat(L, 2);
        cut_top(L);
    }
    lua_rawseti(L, n + 1, (lua_Integer)lua_rawlen(L, n + 1) + 1);
    return 0;
}

static int sb_print(lua_State *L)
{
    return sb_log(L, "", "\t");
}

static int sb_warn(lua_State *L)
{
    int i, n = lua_gettop(L);
    luaL_checkstring(L, 1);
    for (i = 2; i <= n; i++) luaL_checkstring(L, i);
    if (n == 1 && lua_tostring(L, 1)[0] == '@') return 0;  /* "@on" etc. */
    return sb_log(L, "warning: ", "");
}

/* }================================================ */

/* {=========== string library ============ */

static const char *const specials = "^$*+?.([%-";

static int has_specials(const char *p, size_t lp)
{
    size_t i;
    for (i = 0; i < lp; i++)
        if (p[i] != '\0' && strchr(specials, p[i])) return 1;
    return 0;
}

/* string.find with plain semantics only: Lua patterns backtrack inside C,
   where no hook runs ('.-.-.-.-b' ran 15 s past its deadline, tech.md §3).
   memmem (two-way) is linear, so even a plain search cannot go quadratic. */
static int sb_find(lua_State *L)
{
    size_t ls, lp, init;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    lua_Integer pos = luaL_optinteger(L, 3, 1);
    const char *hit;

    if (!lua_toboolean(L, 4) && has_specials(p, lp))
        return luaL_error(L, "string.find: Lua patterns are not allowed in "
                          "models; pass true as 4th argument for a plain "
                          "search, or use re.find (PCRE2)");
    if (pos > 0) init = (size_t)pos;
    else if (pos == 0 || pos < -(lua_Integer)ls) init = 1;
    else init = ls + (size_t)pos + 1;
    init--;
    if (init > ls) {
        lua_pushnil(L);
        return 1;
    }
    sandbox_charge(L, (long)((ls - init + lp) / BYTES_PER_INSTR));
    hit = memmem(s + init, ls - init, p, lp);
    if (!hit) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushinteger(L, (lua_Integer)(hit - s) + 1);
    lua_pushinteger(L, (lua_Integer)(hit - s + (ptrdiff_t)lp));
    return 2;
}

static int sb_nopattern(lua_State *L)
{
    return luaL_error(L, "string.%s is not available in models (Lua "
                      "patterns are not allowed); use re.match, re.find or "
                      "re.test (PCRE2)",
                      lua_tostring(L, lua_upvalueindex(1)));
}

/* string.rep("", n) loops n times in C copying nothing (lstrlib.c
   str_rep), so math.maxinteger copies would run for centuries. */
static int sb_rep(lua_State *L)
{
    size_t l, lsep;
    int n = lua_gettop(L);
    lua_Integer count;

    luaL_checklstring(L, 1, &l);
    count = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (count <= 0 || l + lsep == 0) {
        lua_pushliteral(L, "");
        return 1;
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, 1);
    return 1;
}

/* }========================================= */

/* {=========== table library ============ */

/* The table functions loop in C up to #t, and #t can be 2^62 for a table
   of 63 entries (a border in the hash part), or whatever a __len
   metamethod says: table.remove(t, 1) then runs for years without a hook.
   These wrappers check the arguments as ltablib.c does (so its own checks
   cannot fail with an unnamed function), charge the loop's length to the
   budget, and call the original. __len is refused: it could answer one
   length to us and another to the original. */
static lua_Integer tab_len(lua_State *L, const char *fname)
{
    if (luaL_getmetafield(L, 1, "__len") != LUA_TNIL)
        luaL_error(L, "table.%s: tables with a __len metamethod are not "
                   "allowed in models", fname);
    return (lua_Integer)lua_rawlen(L, 1);
}

/* j - i + 1 for i <= j, without overflow */
static lua_Integer span(lua_Integer i, lua_Integer j)
{
    lua_Unsigned d = (lua_Unsigned)j - (lua_Unsigned)i;
    return d >= (lua_Unsigned)LUA_MAXINTEGER ? LUA_MAXINTEGER
                                             : (lua_Integer)d + 1;
}

static int tab_call(lua_State *L, lua_Integer cost, int nres)
{
    int n = lua_gettop(L);
    if (cost > 0) sandbox_charge(L, cost > LONG_MAX ? LONG_MAX : (long)cost);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, nres);
    return nres == LUA_MULTRET ? lua_gettop(L) : nres;
}

static int tab_insert(lua_State *L)
{
    lua_Integer e, pos;
    luaL_checktype(L, 1, LUA_TTABLE);
    e = tab_len(L, "insert") + 1;
    if (lua_gettop(L) != 3) return tab_call(L, 1, 0);  /* append or wrong n */
    pos = luaL_checkinteger(L, 2);
    luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2,
                  "position out of bounds");
    return tab_call(L, e - pos + 1, 0);
}

static int tab_remove(lua_State *L)
{
    lua_Integer size, pos;
    luaL_checktype(L, 1, LUA_TTABLE);
    size = tab_len(L, "remove");
    pos = luaL_optinteger(L, 2, size);
    if (pos != size)
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 2,
                      "position out of bounds");
    return tab_call(L, size - pos + 1, 1);
}

static int tab_move(lua_State *L)
{
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    lua_Integer t = luaL_checkinteger(L, 4);
    lua_Integer n = 0;
    luaL_checktype(L, 1, LUA_TTABLE);
    if (!lua_isnoneornil(L, 5)) luaL_checktype(L, 5, LUA_TTABLE);
    if (e >= f) {
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3,
                      "too many elements to move");
        n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4,
                      "destination wrap around");
    }
    return tab_call(L, n, 1);
}

static int tab_concat(lua_State *L)
{
    lua_Integer i, j;
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_optstring(L, 2, "");
    i = luaL_optinteger(L, 3, 1);
    j = lua_isnoneornil(L, 4) ? tab_len(L, "concat") : luaL_checkinteger(L, 4);
    return tab_call(L, i <= j ? span(i, j) : 0, 1);
}

static int tab_unpack(lua_State *L)
{
    lua_Integer i, j;
    luaL_checktype(L, 1, LUA_TTABLE);
    i = luaL_optinteger(L, 2, 1);
    j = lua_isnoneornil(L, 3) ? tab_len(L, "unpack") : luaL_checkinteger(L, 3);
    /* the original refuses more results than the stack can hold */
    return tab_call(L, i <= j && span(i, j) < 1000000 ? span(i, j) : 0,
                    LUA_MULTRET);
}

static int tab_sort(lua_State *L)
{
    lua_Integer n, lg = 1;
    luaL_checktype(L, 1, LUA_TTABLE);
    n = tab_len(L, "sort");
    if (!lua_isnoneornil(L, 2)) luaL_checktype(L, 2, LUA_TFUNCTION);
    luaL_argcheck(L, n < INT_MAX, 1, "array too big");
    while (lg < 62 && ((lua_Integer)1 << lg) < n) lg++;
    return tab_call(L, n * lg, 0);
}

/* }========================================= */

/* {=========== errors ============ */

/* If msg starts with a Lua position "chunk:line: ", the length of the
   chunk name, with the line in *line; else 0. The chunk name is taken to
   be what precedes the first ":digits: " and to hold no ": " (short_src
   is at most LUA_IDSIZE bytes; a name may contain ':', as C:\m.lua). */
static size_t position(const char *msg, long *line)
{
    const char *p;

    for (p = strchr(msg, ':'); p; p = strchr(p + 1, ':')) {
        const char *d = p + 1, *q;
        size_t nlen = (size_t)(p - msg);

        *line = 0;
        if (nlen == 0 || nlen >= 256) continue;
        if (*d < '0' || *d > '9') continue;
        while (*d >= '0' && *d <= '9' && *line < 100000000L)
            *line = *line * 10 + (*d++ - '0');
        if (d[0] != ':' || d[1] != ' ') continue;
        for (q = msg; q < p; q++)
            if (*q == '\n' || (q[0] == ':' && q[1] == ' ')) return 0;
        return nlen;
    }
    return 0;
}

/* A chunk of the standard library: its chunks are named "scripts/NAME",
   a model's by its file's base name, which holds no '/'. */
static int in_library(const lua_Debug *ar)
{
    return strncmp(ar->short_src, "scripts/", 8) == 0;
}

/* The frame of the model that called into the library, when the innermost
   Lua function is the library's: 1 and *out, else 0 (the error is the
   model's own, or the library was called by the core, which names the
   declaration itself). */
static int model_caller(lua_State *L, lua_Debug *out)
{
    lua_Debug ar;
    int level, library = 0;
    for (level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline <= 0) continue;          /* a C function */
        if (in_library(&ar)) { library = 1; continue; }
        if (!library) return 0;
        *out = ar;
        return 1;
    }
    return 0;
}

/* The message handler: the message as text, without a traceback (as lua.c
   msghandler, less luaL_traceback). A message without a position (a
   non-string error object, error(msg, 0), an error raised in C called
   from C, "C stack overflow") gets the innermost Lua function's, so every
   error a model causes names a line. An error inside the library that the
   model called (a constructor refusing its parameter, fail() in
   declare.lua) names the model's line instead: the model's author cannot
   change scripts/, and the line is where to look; a library position the
   message had is kept after it, "(in scripts/price.lua:158)". */
static int sb_msgh(lua_State *L)
{
    lua_Debug ar;
    int level;
    long line;
    size_t nlen;

    if (lua_type(L, 1) == LUA_TSTRING || lua_type(L, 1) == LUA_TNUMBER) {
        lua_settop(L, 1);
        lua_tostring(L, 1);
    } else if (!luaL_callmeta(L, 1, "__tostring")
               || lua_type(L, -1) != LUA_TSTRING) {
        lua_settop(L, 1);
        lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    }
    nlen = position(lua_tostring(L, -1), &line);
    if (nlen > 0 && (nlen < 8 || strncmp(lua_tostring(L, -1), "scripts/", 8) != 0)) return 1;
    if (model_caller(L, &ar)) {
        const char *msg = lua_tostring(L, -1);
        if (nlen > 0) {
            const char *rest = msg + nlen + 1;
            while (*rest >= '0' && *rest <= '9') rest++;
            const char *where;
            lua_pushlstring(L, msg, (size_t)(rest - msg));   /* "scripts/price.lua:158" */
            where = lua_tostring(L, -1);
            lua_pushfstring(L, "%s:%d: %s (in %s)", ar.short_src, ar.currentline, rest + 2, where);
            lua_remove(L, -2);
        } else lua_pushfstring(L, "%s:%d: %s", ar.short_src, ar.currentline, msg);
        return 1;
    }
    if (nlen > 0) return 1;
    for (level = 1; lua_getstack(L, level, &ar); level++) {
        lua_getinfo(L, "Sl", &ar);
        if (ar.currentline > 0) {
            lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.currentline);
            lua_insert(L, -2);
            lua_concat(L, 2);
            break;
        }
    }
    return 1;
}

void sandbox_error_from_message(anbud_error *err, anbud_status st,
                                const char *msg)
{
    char name[sizeof err->file];
    long line;
    size_t nlen;

    if (!msg) msg = "(error object is not a string)";
    nlen = position(msg, &line);
    if (nlen == 0) {
        error_set(err, st, NULL, 0, 0, "%s", msg);
        return;
    }
    memcpy(name, msg, nlen);
    name[nlen] = '\0';
    msg += nlen + 1;
    while (*msg >= '0' && *msg <= '9') msg++;
    error_set(err, st, name, line, 0, "%s", msg + 2);
}

static void mem_message(const sandbox *sb, anbud_error *err)
{
    double mib = (double)sb->mem_limit / MIB;
    if (sb->why == WHY_STRING)
        snprintf(err->msg, sizeof err->msg, "%s", STRING_MSG);
    else if (sb->mem_limit % (1024 * 1024) == 0)
        snprintf(err->msg, sizeof err->msg, "memory limit exceeded (%.0f MiB)",
                 mib);
    else
        snprintf(err->msg, sizeof err->msg, "memory limit exceeded (%.1f MiB)",
                 mib);
}

/* The error object is on top: fill err and pop it. */
static anbud_status sb_error(sandbox *sb, int status, anbud_error *err)
{
    lua_State *L = sb->L;
    const char *msg = lua_tostring(L, -1);
    anbud_error tmp;

    if (!err) err = &tmp;
    if (status == LUA_ERRMEM) {
        error_set(err, ANBUD_EMODEL, NULL, 0, 0, "%s", "");
        mem_message(sb, err);
    } else {
        char kill[256];
        kill_message(sb, kill, sizeof kill);
        sandbox_error_from_message(err, ANBUD_EMODEL, msg);
        if (strcmp(err->msg, "not enough memory") == 0)
            mem_message(sb, err);       /* caught by pcall and rethrown */
        else if (sb->killed && !strstr(err->msg, kill))
            snprintf(err->msg, sizeof err->msg, "%s", kill);
    }
    lua_pop(L, 1);
    return ANBUD_EMODEL;
}

/* }================================ */

/* {=========== state ============ */

static void set_global_nil(lua_State *L, const char *name)
{
    lua_pushnil(L);
    lua_setglobal(L, name);
}

/* Replace t[name] (t on top) by f, with the old value as upvalue 1. */
static void wrap_field(lua_State *L, const char *name, lua_CFunction f)
{
    lua_getfield(L, -1, name);
    lua_pushcclosure(L, f, 1);
    lua_setfield(L, -2, name);
}

static void open_string(lua_State *L)
{
    static const char *const nopat[] = { "match", "gmatch", "gsub" };
    size_t i;

    lua_getglobal(L, "string");
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pushcfunction(L, sb_find);
    lua_setfield(L, -2, "find");
    wrap_field(L, "rep", sb_rep);
    for (i = 0; i < sizeof nopat / sizeof nopat[0]; i++) {
        lua_pushstring(L, nopat[i]);
        lua_pushcclosure(L, sb_nopattern, 1);
        lua_setfield(L, -2, nopat[i]);
    }
    lua_pop(L, 1);
    /* getmetatable("") gives false, so its __index cannot be swapped */
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void open_math(lua_State *L)
{
    lua_getglobal(L, "math");
    lua_getfield(L, -1, "randomseed");
    lua_pushinteger(L, RANDOM_SEED);
    lua_call(L, 1, 0);
    lua_pushnil(L);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
}

/* The functions that walk a string in C without making one (the
   allocator charges what they make): utf8.len decodes ~2 ns a byte,
   offset, tonumber and arithmetic on strings ~0.4 ns (measured, 1 MiB). */
static void open_walkers(lua_State *L)
{
    static const char *const arith[] = {
        "__add", "__sub", "__mul", "__mod", "__pow", "__div", "__idiv", "__unm"
    };
    size_t i;

    lua_getglobal(L, "utf8");
    charge_field(L, "len", 1, 1);
    charge_field(L, "offset", 1, 2);
    lua_pop(L, 1);
    lua_getglobal(L, "string");
    charge_field(L, "pack", 1, 1);
    charge_field(L, "unpack", 1, 1);
    charge_field(L, "packsize", 1, 1);
    lua_pop(L, 1);
    lua_pushglobaltable(L);
    charge_field(L, "tonumber", 1, 2);
    lua_pop(L, 1);
    /* "10" + 1: Lua 5.4 converts in these metamethods of strings */
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        for (i = 0; i < sizeof arith / sizeof arith[0]; i++)
            if (lua_getfield(L, -1, arith[i]) != LUA_TNIL) {
                lua_pop(L, 1);
                charge_field(L, arith[i], 1, 2);
            } else {
                lua_pop(L, 1);
            }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void open_table(lua_State *L)
{
    lua_getglobal(L, "table");
    wrap_field(L, "insert", tab_insert);
    wrap_field(L, "remove", tab_remove);
    wrap_field(L, "move", tab_move);
    wrap_field(L, "concat", tab_concat);
    wrap_field(L, "unpack", tab_unpack);
    wrap_field(L, "sort", tab_sort);
    lua_pop(L, 1);
}

static int sb_open(lua_State *L)
{
    static const luaL_Reg libs[] = {
        { LUA_GNAME, luaopen_base },
        { LUA_TABLIBNAME, luaopen_table },
        { LUA_STRLIBNAME, luaopen_string },
        { LUA_MATHLIBNAME, luaopen_math },
        { LUA_UTF8LIBNAME, luaopen_utf8 },
        { NULL, NULL }
    };
    static const char *const removed[] = {
        "dofile", "loadfile", "load", "require", "collectgarbage"
    };
    const luaL_Reg *lib;
    size_t i;
    sandbox *sb = sb_of(L);
    char probe[100];

    /* What a string of n bytes costs the allocator besides its n bytes
       (Lua's header and NUL), so that the cap is exactly in bytes: make
       one long string (not interned: always a new object) and look. */
    memset(probe, 'p', sizeof probe);
    sb->probing = 1;
    lua_pushlstring(L, probe, sizeof probe);
    sb->probing = 0;
    sb->string_overhead -= sizeof probe;
    lua_pop(L, 1);
    for (lib = libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    for (i = 0; i < sizeof removed / sizeof removed[0]; i++)
        set_global_nil(L, removed[i]);
    lua_register(L, "print", sb_print);
    lua_register(L, "warn", sb_warn);
    lua_register(L, "setmetatable", sb_setmetatable);
    lua_register(L, "xpcall", sb_xpcall);
    open_walkers(L);
    open_string(L);
    open_math(L);
    open_table(L);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, SANDBOX_LOG);
    lnum_open(L);
    regex_open(L);
    return 0;
}

static int sb_panic(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    text_printf(stderr, "anbud: unprotected Lua error: %s\n",
                msg ? msg : "(not a string)");
    return 0;   /* Lua then aborts */
}

sandbox *sandbox_new(size_t mem_limit, long instructions)
{
    sandbox *sb = calloc(1, sizeof *sb);
    lua_State *L;

    if (!sb) return NULL;
    sb->mem_limit = mem_limit;
    sb->budget = LONG_MAX;
    L = lua_newstate(sb_alloc, sb);
    if (!L) {
        free(sb);
        return NULL;
    }
    sb->L = L;
    lua_atpanic(L, sb_panic);
    lua_pushcfunction(L, sb_open);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        lua_close(L);
        free(sb);
        return NULL;
    }
    sb->budget = sb->allowance = instructions;
    sb->why = WHY_NONE;
    sb->time_limit = SANDBOX_SECONDS;
    sb->cpu_start = cpu_seconds();
    sb->epoch = 1;              /* not clock_epoch: no earlier look counts */
    lua_sethook(L, sb_hook, LUA_MASKCOUNT, SANDBOX_HOOK_EVERY);
    return sb;
}

void sandbox_refill(sandbox *sb)
{
    if (sb && !sb->killed) {
        sb->budget = sb->allowance;
        sb->lua_seconds = 0;
        sb->cpu_start = cpu_seconds();
        sb->epoch++;
    }
}

void sandbox_free(sandbox *sb)
{
    if (!sb) return;
    if (sb->L) lua_close(sb->L);
    free(sb);
}

anbud_status sandbox_call(sandbox *sb, int nargs, int nres, anbud_error *err)
{
    lua_State *L = sb->L;
    int base = lua_gettop(L) - nargs;   /* the function */
    int status;

    lua_pushcfunction(L, sb_msgh);
    lua_insert(L, base);
    sb->epoch++;
    status = lua_pcall(L, nargs, nres, base);
    sb->epoch++;
    if (status != LUA_OK) {
        sb_error(sb, status, err);
        lua_settop(L, base - 1);
        return ANBUD_EMODEL;
    }
    lua_remove(L, base);
    return ANBUD_OK;
}

anbud_status sandbox_run(sandbox *sb, const char *chunkname, const char *src,
                         size_t len, anbud_error *err)
{
    char name[256];
    anbud_status st;
    int status;

    snprintf(name, sizeof name, "@%s", chunkname);
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {   /* UTF-8 BOM */
        src += 3;
        len -= 3;
    }
    status = luaL_loadbufferx(sb->L, src, len, name, "t");
    if (status != LUA_OK)
        st = sb_error(sb, status, err);
    else
        st = sandbox_call(sb, 0, 0, err);
    if (st != ANBUD_OK && err && !err->file[0])
        snprintf(err->file, sizeof err->file, "%s", chunkname);
    return st;
}

/* }============================== */

/* {=========== protected host work ============ */

typedef struct protect_ctx {
    anbud_status (*fn)(void *ud, anbud_error *err);
    void *ud;
    anbud_error *err;
    anbud_status st;
} protect_ctx;

static int protect_tramp(lua_State *L)
{
    protect_ctx *c = lua_touserdata(L, 1);
    sandbox *sb = sb_of(L);
    if (sb) sb->epoch++;        /* host work: not the model's time */
    c->st = c->fn(c->ud, c->err);
    if (sb) sb->epoch++;
    return 0;
}

anbud_status sandbox_protect(sandbox *sb, anbud_status (*fn)(void *ud, anbud_error *err),
                             void *ud, anbud_error *err)
{
    protect_ctx c;
    int top = lua_gettop(sb->L);
    c.fn = fn;
    c.ud = ud;
    c.err = err;
    c.st = ANBUD_OK;
    lua_pushcfunction(sb->L, protect_tramp);
    lua_pushlightuserdata(sb->L, &c);
    if (sandbox_call(sb, 1, 0, err) != ANBUD_OK) {
        lua_settop(sb->L, top);
        return ANBUD_EMODEL;
    }
    lua_settop(sb->L, top);
    return c.st;
}

/* }============================== */
