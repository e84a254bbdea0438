/*
** regex.c: PCRE2 with limits, for field validation and the models' "re"
** table. Patterns are compiled once into a small cache. The interpreter
** only, no JIT: its match limit counts the same on every machine, so a
** pattern that passes here passes everywhere (tech.md §4).
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
                         | PCRE2_DOLLAR_ENDONLY)
#define WHY_SIZE        200

typedef struct entry {
    char *pattern;
    size_t len;
    pcre2_code *code;
    pcre2_match_data *md;
    uint32_t ncaptures;
} entry;

static entry cache[CACHE_SIZE];
static unsigned next_victim;
static pcre2_compile_context *cctx;
static pcre2_match_context *mctx;

/* Match limits tried in turn: most matches finish within the first, and
   the tier that sufficed bounds what the match cost. A model is charged
   the limits of the tiers it needed (a step costs about two Lua
   instructions), so a loop of expensive matches runs out of budget. */
static const uint32_t tiers[] = { 1000, 10000, REGEX_MATCH_LIMIT };
#define NTIERS (sizeof tiers / sizeof tiers[0])

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
        pcre2_set_depth_limit(mctx, REGEX_DEPTH_LIMIT);
        pcre2_set_heap_limit(mctx, REGEX_HEAP_LIMIT);
    }
    return 0;
}

static void entry_free(entry *e)
{
    pcre2_match_data_free(e->md);
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
    fresh.md = pcre2_match_data_create_from_pattern(fresh.code, NULL);
    fresh.pattern = malloc(len + 1);
    if (!fresh.md || !fresh.pattern) {
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

/* 1 match, 0 none, -1 error (why). *cost: the budget it deserves. */
static int run(entry *e, const char *subj, size_t len, size_t start,
               long *cost, char *why, size_t whylen)
{
    PCRE2_UCHAR msg[120];
    size_t t;
    int rc = PCRE2_ERROR_MATCHLIMIT;

    *cost = 1 + (long)(len / 16);
    for (t = 0; t < NTIERS; t++) {
        pcre2_set_match_limit(mctx, tiers[t]);
        rc = pcre2_match(e->code, (PCRE2_SPTR)subj, len, start, 0, e->md,
                         mctx);
        if (rc != PCRE2_ERROR_MATCHLIMIT) break;
        *cost += 2 * (long)tiers[t];        /* spent in full */
    }
    if (t > 0 && t < NTIERS) *cost += 2 * (long)tiers[t];   /* up to that */
    if (rc >= 0) return 1;                  /* 0: ovector too small */
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    pcre2_get_error_message(rc, msg, sizeof msg);
    if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) {
        const char *m = (char *)msg;
        if (strncmp(m, "UTF-8 error: ", 13) == 0) m += 13;
        snprintf(why, whylen, "text is not valid UTF-8 at byte %zu (%s)",
                 (size_t)pcre2_get_startchar(e->md) + 1, m);
    } else {
        snprintf(why, whylen, "%s", (char *)msg);
    }
    return -1;
}

int regex_test(const char *pattern, const char *subject, size_t len,
               char *why, size_t whylen)
{
    char buf[WHY_SIZE];
    long cost;
    int compiled;
    entry *e;

    if (!why) {
        why = buf;
        whylen = sizeof buf;
    }
    e = lookup(pattern, strlen(pattern), why, whylen, &compiled);
    if (!e) return -1;
    return run(e, subject, len, 0, &cost, why, whylen);
}

/* }========================================= */

/* {=========== the re table ============ */

/* Match s (arg 1) against p (arg 2) from byte init (arg 3, for find and
   match); raises on a bad pattern or a limit. */
static entry *lua_run(lua_State *L, const char *fname, int with_init,
                      int *matched)
{
    size_t ls, lp, init = 0;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    char why[WHY_SIZE];
    long cost;
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
    *matched = run(e, s, ls, init, &cost, why, sizeof why);
    sandbox_charge(L, cost);
    if (*matched < 0) luaL_error(L, "re.%s: %s", fname, why);
    return e;
}

static int re_test(lua_State *L)
{
    int m;
    lua_run(L, "test", 0, &m);
    lua_pushboolean(L, m);
    return 1;
}

static int re_find(lua_State *L)
{
    int m;
    entry *e = lua_run(L, "find", 1, &m);
    PCRE2_SIZE *ov;

    if (!m) {
        lua_pushnil(L);
        return 1;
    }
    ov = pcre2_get_ovector_pointer(e->md);
    lua_pushinteger(L, (lua_Integer)ov[0] + 1);
    lua_pushinteger(L, (lua_Integer)(ov[1] > ov[0] ? ov[1] : ov[0]));
    return 2;
}

static int re_match(lua_State *L)
{
    int m;
    entry *e = lua_run(L, "match", 1, &m);
    const char *s = lua_tostring(L, 1);
    PCRE2_SIZE *ov;
    uint32_t i, n;

    if (!m) {
        lua_pushnil(L);
        return 1;
    }
    ov = pcre2_get_ovector_pointer(e->md);
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
    luaL_newlib(L, funcs);
    lua_setglobal(L, "re");
}

/* }===================================== */
