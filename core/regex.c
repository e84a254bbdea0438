/* SPDX-License-Identifier: MIT */
/*
** regex.c: PCRE2 with limits, for field validation and the models' "re"
** table. Patterns are compiled once into a small cache. The interpreter
** only, no JIT: its match limit counts the same on every machine, so a
** pattern that passes here passes everywhere (tech.md §4). PCRE2's match
** limit counts per start position and not the characters a repeat scans
** (a*+[bc] on 300 000 'a' makes 300 000 scans to the end), so every
** pattern is compiled with automatic callouts and a callout counts the
** work of the whole match: the steps, and the characters the subject
** position moved between them.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <lauxlib.h>
#include "regex.h"
#include "sandbox.h"

#define CACHE_SIZE      32
/* DOLLAR_ENDONLY: "$" is the end of the text, not also before a final
   newline, so ^[0-9]{6}-[0-9]{4}$ refuses "556036-0793\n". */
#define COMPILE_OPTIONS (PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C \
                         | PCRE2_DOLLAR_ENDONLY | PCRE2_AUTO_CALLOUT)
#define WHY_SIZE        200
/* Work units of about a nanosecond (measured: a callout, i.e. a step of
   the matcher, 80-140 ns; a character scanned between two ~1.3 ns); a
   model is charged one instruction per UNITS_PER_INSTR (~5 ns, as lnum). */
#define STEP_COST       100
#define BYTES_PER_UNIT  1
#define UNITS_PER_INSTR 5
#define WORK_EXCEEDED   (-1000)     /* our callout's verdict */
#define STATE_KEY       "anbud.re"  /* registry: the sandbox's match data */

typedef struct entry {
    char *pattern;
    size_t len;
    pcre2_code *code;           /* at most 64 KiB (link size 2) */
    uint32_t ncaptures;
} entry;

static entry cache[CACHE_SIZE];
static unsigned next_victim;
static pcre2_compile_context *cctx;
static pcre2_match_context *mctx;

/* The work of one match, counted by the callout. */
typedef struct work {
    size_t last;                /* subject position at the last callout */
    unsigned long used, limit;
    int started;
} work;

static int count_work(pcre2_callout_block *cb, void *data)
{
    work *w = data;
    size_t pos = cb->current_position, d = 0;

    if (w->started) d = pos > w->last ? pos - w->last : w->last - pos;
    w->started = 1;
    w->last = pos;
    w->used += STEP_COST + d / BYTES_PER_UNIT;
    return w->used > w->limit ? WORK_EXCEEDED : 0;
}

/* {=========== compile and match ============ */

static int contexts(void)
{
    if (!cctx) {
        cctx = pcre2_compile_context_create(NULL);
        if (!cctx) return -1;
        pcre2_set_max_pattern_length(cctx, REGEX_MAX_PATTERN);
        pcre2_set_parens_nest_limit(cctx, REGEX_MAX_NEST);
    }
    if (!mctx) {
        mctx = pcre2_match_context_create(NULL);
        if (!mctx) return -1;
        pcre2_set_match_limit(mctx, REGEX_MATCH_LIMIT);
        pcre2_set_depth_limit(mctx, REGEX_DEPTH_LIMIT);
        pcre2_set_heap_limit(mctx, REGEX_HEAP_LIMIT);
    }
    return 0;
}

static void entry_free(entry *e)
{
    pcre2_code_free(e->code);
    free(e->pattern);
    memset(e, 0, sizeof *e);
}

void regex_cleanup(void)
{
    unsigned i;
    for (i = 0; i < CACHE_SIZE; i++) entry_free(&cache[i]);
    pcre2_compile_context_free(cctx);
    pcre2_match_context_free(mctx);
    cctx = NULL;
    mctx = NULL;
    next_victim = 0;
}

/* Characters (not bytes) before byte offset off, for messages. */
static size_t char_count(const char *s, size_t off)
{
    size_t i, n = 0;
    for (i = 0; i < off; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

/* The compiled pattern, from the cache or compiled now (*compiled set);
   NULL with the reason in why. */
static entry *lookup(const char *pat, size_t len, char *why, size_t whylen,
                     int *compiled)
{
    unsigned i;
    int code;
    PCRE2_SIZE off;
    PCRE2_UCHAR msg[120];
    entry *e, fresh;

    *compiled = 0;
    for (i = 0; i < CACHE_SIZE; i++)
        if (cache[i].code && cache[i].len == len
            && memcmp(cache[i].pattern, pat, len) == 0)
            return &cache[i];
    *compiled = 1;
    if (contexts() != 0) {
        snprintf(why, whylen, "out of memory");
        return NULL;
    }
    if (len > REGEX_MAX_PATTERN) {
        snprintf(why, whylen, "pattern is longer than %d bytes",
                 REGEX_MAX_PATTERN);
        return NULL;
    }
    memset(&fresh, 0, sizeof fresh);
    fresh.code = pcre2_compile((PCRE2_SPTR)pat, len, COMPILE_OPTIONS, &code,
                               &off, cctx);
    if (!fresh.code) {
        pcre2_get_error_message(code, msg, sizeof msg);
        snprintf(why, whylen, "bad pattern at character %zu: %s",
                 char_count(pat, off < len ? off : len) + 1, (char *)msg);
        return NULL;
    }
    pcre2_pattern_info(fresh.code, PCRE2_INFO_CAPTURECOUNT, &fresh.ncaptures);
    fresh.pattern = malloc(len + 1);
    if (!fresh.pattern) {
        entry_free(&fresh);
        snprintf(why, whylen, "out of memory");
        return NULL;
    }
    memcpy(fresh.pattern, pat, len);
    fresh.pattern[len] = '\0';
    fresh.len = len;
    e = &cache[next_victim];
    next_victim = (next_victim + 1) % CACHE_SIZE;
    entry_free(e);
    *e = fresh;
    return e;
}

/* 1 match, 0 none, -1 error (why), -2 the work limit passed, -3 out of
   memory. At most limit units of work; *cost: the units used. */
static int run(entry *e, pcre2_match_data *md, const char *subj, size_t len,
               size_t start, unsigned long limit, unsigned long *cost,
               char *why, size_t whylen)
{
    PCRE2_UCHAR msg[120];
    work w;
    int rc;

    memset(&w, 0, sizeof w);
    w.limit = limit;
    *cost = 1 + len;                        /* the UTF-8 check */
    if (len > REGEX_MAX_SUBJECT) {
        snprintf(why, whylen, "text of %zu bytes is longer than the %d "
                 "bytes a pattern may be matched on", len, REGEX_MAX_SUBJECT);
        return -1;
    }
    pcre2_set_callout(mctx, count_work, &w);
    rc = pcre2_match(e->code, (PCRE2_SPTR)subj, len, start, 0, md, mctx);
    *cost += w.used;
    if (rc >= 0) return 1;                  /* 0: ovector too small */
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc == WORK_EXCEEDED) {
        snprintf(why, whylen, "match work limit exceeded (about %.1f s of "
                 "matching over all start positions in a text of %zu bytes)",
                 (double)limit / 1e9, len);
        return -2;
    }
    pcre2_get_error_message(rc, msg, sizeof msg);
    if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) {
        const char *m = (char *)msg;
        if (strncmp(m, "UTF-8 error: ", 13) == 0) m += 13;
        snprintf(why, whylen, "text is not valid UTF-8 at byte %zu (%s)",
                 (size_t)pcre2_get_startchar(md) + 1, m);
    } else {
        snprintf(why, whylen, "%s", (char *)msg);
    }
    return rc == PCRE2_ERROR_NOMEMORY ? -3 : -1;
}

int regex_test(const char *pattern, const char *subject, size_t len,
               char *why, size_t whylen)
{
    char buf[WHY_SIZE];
    unsigned long cost;
    pcre2_match_data *md;
    int compiled, r;
    entry *e;

    if (!why) {
        why = buf;
        whylen = sizeof buf;
    }
    e = lookup(pattern, strlen(pattern), why, whylen, &compiled);
    if (!e) return -1;
    /* a match data of its own, freed at once: PCRE2 keeps the backtracking
       frames it grew (up to the heap limit) in it */
    md = pcre2_match_data_create_from_pattern(e->code, NULL);
    if (!md) {
        snprintf(why, whylen, "out of memory");
        return -1;
    }
    r = run(e, md, subject, len, 0, REGEX_WORK_LIMIT, &cost, why, whylen);
    pcre2_match_data_free(md);
    return r < 0 ? -1 : r;
}

/* }========================================= */

/* {=========== the re table ============ */

/* The sandbox's match data, in a userdata of the registry: its memory
   (PCRE2's backtracking frames, up to the heap limit) comes from the Lua
   allocator, so it counts in the sandbox's memory cap, and it is freed
   with the state. A block of PCRE2's carries its size in front. */
typedef struct re_state {
    lua_Alloc f;
    void *ud;
    pcre2_general_context *gctx;
    pcre2_match_data *md;
    uint32_t pairs;             /* ovector pairs md has */
} re_state;

#define HEADER 16               /* keeps PCRE2's blocks 16-byte aligned */

static void *state_malloc(PCRE2_SIZE n, void *data)
{
    re_state *st = data;
    char *p = st->f(st->ud, NULL, 0, n + HEADER);
    if (!p) return NULL;
    memcpy(p, &n, sizeof n);
    return p + HEADER;
}

static void state_free(void *q, void *data)
{
    re_state *st = data;
    PCRE2_SIZE n;
    char *p = q;
    if (!p) return;
    p -= HEADER;
    memcpy(&n, p, sizeof n);
    st->f(st->ud, p, n + HEADER, 0);
}

static int state_gc(lua_State *L)
{
    re_state *st = lua_touserdata(L, 1);
    pcre2_match_data_free(st->md);
    pcre2_general_context_free(st->gctx);
    st->md = NULL;
    st->gctx = NULL;
    return 0;
}

/* A match data for e, from the sandbox's state; NULL if out of memory. */
static pcre2_match_data *state_md(lua_State *L, const entry *e)
{
    re_state *st;

    lua_getfield(L, LUA_REGISTRYINDEX, STATE_KEY);
    st = lua_touserdata(L, -1);
    lua_pop(L, 1);
    if (!st || !st->gctx) return NULL;
    if (!st->md || st->pairs < e->ncaptures + 1) {
        pcre2_match_data_free(st->md);
        st->md = pcre2_match_data_create(e->ncaptures + 1, st->gctx);
        st->pairs = st->md ? e->ncaptures + 1 : 0;
    }
    return st->md;
}

/* Match s (arg 1) against p (arg 2) from byte init (arg 3, for find and
   match); raises on a bad pattern or a limit. */
static pcre2_match_data *lua_run(lua_State *L, const char *fname,
                                 int with_init, int *matched, entry **ep)
{
    size_t ls, lp, init = 0;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    char why[WHY_SIZE];
    unsigned long cost, limit = REGEX_WORK_LIMIT;
    long left;
    pcre2_match_data *md;
    int compiled;
    entry *e;

    if (with_init) {
        lua_Integer i = luaL_optinteger(L, 3, 1);
        if (i < 0) i = i < -(lua_Integer)ls ? 1 : (lua_Integer)ls + i + 1;
        if (i == 0) i = 1;                  /* as string.find */
        if ((lua_Unsigned)i > (lua_Unsigned)ls + 1) {
            *matched = 0;
            return NULL;
        }
        init = (size_t)i - 1;
    }
    e = lookup(p, lp, why, sizeof why, &compiled);
    if (compiled)               /* up to ~50 us for 1000 bytes of pattern */
        sandbox_charge(L, 100 + 10 * (long)lp);
    if (!e) luaL_error(L, "re.%s: %s", fname, why);
    *ep = e;
    md = state_md(L, e);
    if (!md) luaL_error(L, "not enough memory");
    /* the match stops where the budget would: then the charge raises */
    left = sandbox_budget_left(L);
    if ((unsigned long)left < limit / UNITS_PER_INSTR)
        limit = (unsigned long)left * UNITS_PER_INSTR + UNITS_PER_INSTR;
    *matched = run(e, md, s, ls, init, limit, &cost, why, sizeof why);
    sandbox_charge(L, (long)(cost / UNITS_PER_INSTR));
    if (*matched == -3) luaL_error(L, "not enough memory");
    if (*matched < 0) luaL_error(L, "re.%s: %s", fname, why);
    return md;
}

static int re_test(lua_State *L)
{
    int m;
    entry *e;
    lua_run(L, "test", 0, &m, &e);
    lua_pushboolean(L, m);
    return 1;
}

static int re_find(lua_State *L)
{
    int m;
    entry *e;
    pcre2_match_data *md = lua_run(L, "find", 1, &m, &e);
    PCRE2_SIZE *ov;

    if (!m) {
        lua_pushnil(L);
        return 1;
    }
    ov = pcre2_get_ovector_pointer(md);
    lua_pushinteger(L, (lua_Integer)ov[0] + 1);
    lua_pushinteger(L, (lua_Integer)(ov[1] > ov[0] ? ov[1] : ov[0]));
    return 2;
}

static int re_match(lua_State *L)
{
    int m;
    entry *e;
    pcre2_match_data *md = lua_run(L, "match", 1, &m, &e);
    const char *s = lua_tostring(L, 1);
    PCRE2_SIZE *ov;
    uint32_t i, n;

    if (!m) {
        lua_pushnil(L);
        return 1;
    }
    ov = pcre2_get_ovector_pointer(md);
    n = e->ncaptures;
    if (n == 0) {
        lua_pushlstring(L, s + ov[0], ov[1] > ov[0] ? ov[1] - ov[0] : 0);
        return 1;
    }
    luaL_checkstack(L, (int)n, "too many captures");
    for (i = 1; i <= n; i++) {
        if (ov[2 * i] == PCRE2_UNSET)
            lua_pushboolean(L, 0);
        else
            lua_pushlstring(L, s + ov[2 * i], ov[2 * i + 1] - ov[2 * i]);
    }
    return (int)n;
}

void regex_open(lua_State *L)
{
    static const luaL_Reg funcs[] = {
        { "test", re_test }, { "find", re_find }, { "match", re_match },
        { NULL, NULL }
    };
    re_state *st;

    luaL_newlib(L, funcs);
    lua_setglobal(L, "re");
    st = lua_newuserdatauv(L, sizeof *st, 0);
    memset(st, 0, sizeof *st);
    st->f = lua_getallocf(L, &st->ud);
    lua_newtable(L);
    lua_pushcfunction(L, state_gc);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    st->gctx = pcre2_general_context_create(state_malloc, state_free, st);
    lua_setfield(L, LUA_REGISTRYINDEX, STATE_KEY);
}

/* }===================================== */
