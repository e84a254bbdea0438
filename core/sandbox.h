/* SPDX-License-Identifier: MIT */
/*
** sandbox.h: a fresh Lua 5.4 state per model, with only base, table, string
** (less dump and the Lua pattern functions), math (seeded, no randomseed) and
** utf8; no io, os, package, debug, load, dofile, require, collectgarbage;
** setmetatable refuses __gc; an instruction budget, a memory cap, and text
** chunks only. The outer CPU-time limit is the CLI's (a child process).
*/
#ifndef ANBUD_SANDBOX_H
#define ANBUD_SANDBOX_H

#include <stddef.h>
#include <lua.h>
#include "error.h"

#define SANDBOX_MEMORY_LIMIT   (64UL * 1024 * 1024)  /* bytes of Lua heap */
#define SANDBOX_INSTRUCTIONS   200000000L            /* VM instructions per state */
#define SANDBOX_HOOK_EVERY     1000
/* Bytes in one string: a string the model (or the host) would create
   longer than this is refused ("string longer than 1 MiB"). It bounds what
   one VM instruction can cost in C (==, <, a table key, a string turned
   into a number all walk the whole string), 24 us for 1 MiB. */
#define SANDBOX_MAX_STRING     (1024UL * 1024)
/* Seconds the model's code may run in one pass (sandbox_refill), on top of
   the instruction budget: the count hook cannot see C work inside one
   instruction (two 1 MiB strings compared, a long string hashed), so the
   hook also watches the clock. Counted only while Lua code runs, and only
   if the process really used that much processor time (a busy machine
   stretches the clock, not the model's work). */
#define SANDBOX_SECONDS        5.0

/* Registry key of the table of lines that print and warn wrote (strings,
   1..n, at most 1000 of 1000 bytes): models never write to stdout. */
#define SANDBOX_LOG            "anbud.log"

typedef struct sandbox {
    lua_State *L;
    size_t mem_used, mem_limit, mem_peak;
    long budget;            /* instructions left */
    long allowance;         /* the budget a refill restores */
    int killed;             /* budget spent: every later hook errors again */
    int why;                /* what stopped it or was refused (sandbox.c) */
    double time_limit;      /* SANDBOX_SECONDS; tests may lower it */
    double lua_seconds;     /* Lua's share of the clock in this pass */
    double clock_last, cpu_start;
    unsigned long epoch, clock_epoch, hooks;
    size_t string_overhead; /* a string's bytes besides its text */
    int probing;
} sandbox;

/* A new state with the libraries above, the exact-number type (lnum.h) and
   the PCRE2 "re" table (regex.h) installed. NULL if out of memory. A model
   sees: _G _VERSION assert error getmetatable ipairs next pairs pcall
   print warn rawequal rawget rawlen rawset select setmetatable tonumber
   tostring type xpcall, and the tables string table math utf8 num re.
   string.find is plain only, string.match/gmatch/gsub raise an error that
   points to re.*, table functions charge their loops to the budget and
   refuse __len; utf8.len, utf8.offset, tonumber, string.pack/unpack/
   packsize and arithmetic on strings charge the bytes they walk. No
   string may be longer than SANDBOX_MAX_STRING. Register more globals on
   sb->L before sandbox_run. */
sandbox *sandbox_new(size_t mem_limit, long instructions);
void sandbox_free(sandbox *sb);

/* Load a text chunk (never bytecode) and run it. chunkname is shown in
   messages, e.g. "model.lua". On error fills err with ANBUD_EMODEL, the
   file and line taken from the Lua message ("model.lua:12: ..."). */
anbud_status sandbox_run(sandbox *sb, const char *chunkname, const char *src,
                         size_t len, anbud_error *err);

/* Call the function at stack index -(nargs+1) with nargs arguments in
   protected mode, with the budget hooks armed. Leaves nres results on success;
   on error pops everything and fills err (file and line from the message,
   message without the traceback). */
anbud_status sandbox_call(sandbox *sb, int nargs, int nres, anbud_error *err);

/* Give the sandbox its whole budget again, for a new pass of work (one
   evaluation of the bids, one break-even search): the budget stops a formula
   that runs away, not a long evaluation of many bids. A state whose budget
   ran out stays stopped. */
void sandbox_refill(sandbox *sb);

/* Charge n instructions to the budget of the sandbox that runs L, for C
   functions whose work the count hook cannot see; raises "instruction
   budget exceeded" once spent. Does nothing in a state that is not a
   sandbox's. Allocation is charged by the allocator (1 per 8 bytes). */
void sandbox_charge(lua_State *L, long n);

/* Instructions left in the budget of the sandbox that runs L (LONG_MAX in
   a state that is not a sandbox's): for C work that stops itself when it
   would pass them (PCRE2's matching). */
long sandbox_budget_left(lua_State *L);

/* Run fn(ud, err) as host code in protected mode: a Lua error raised while
   it pushes values or reads tables (out of memory, a model's metamethod)
   becomes an ANBUD_EMODEL error instead of a panic. Returns fn's status. */
anbud_status sandbox_protect(sandbox *sb, anbud_status (*fn)(void *ud, anbud_error *err),
                             void *ud, anbud_error *err);

/* Split a Lua error message "chunk:line: text" into err's file/line/msg. */
void sandbox_error_from_message(anbud_error *err, anbud_status st,
                                const char *msg);

#endif
