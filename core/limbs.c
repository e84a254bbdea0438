/* SPDX-License-Identifier: MIT */
/*
** limbs.c: GMP's memory from size-class pools (limbs.h). GMP passes the
** size of a block back to realloc and free, so a pooled block needs no
** header: 8 bytes for a one-limb number instead of malloc's 32-byte chunk,
** and a free-list push instead of malloc's bins.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gmp.h>

#include "limbs.h"

/* AddressSanitizer: its headers when the compiler has it on. */
#if defined(__SANITIZE_ADDRESS__)
#define LIMBS_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LIMBS_ASAN 1
#endif
#endif
#ifdef LIMBS_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* valgrind, when its header was there at build time (RUNNING_ON_VALGRIND
   costs a few instructions, once, outside valgrind). */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define LIMBS_VALGRIND 1
#endif
#endif

#define GRAIN   8                       /* a limb: class k holds (k+1)*GRAIN bytes */
#define NCLASS  (LIMBS_POOLED_MAX / GRAIN)
/* Bytes taken from malloc at a time: above its mmap threshold, so each
   chunk is its own mapping, whose pages count only once touched. */
#define CHUNK   (1024 * 1024)

static size_t live;

static void out_of_memory(void)
{
    fputs("anbud: out of memory\n", stderr);
    exit(2);
}

/* {=========== pools ============ */

/* A free block holds the next free block of its class. */
typedef struct freeblock { struct freeblock *next; } freeblock;

/* A chunk begins with the previous chunk, so that every chunk stays
   reachable (valgrind and LeakSanitizer count pooled memory as in use,
   not lost) and a block never starts at a chunk's malloc address: a
   pooled block given to free() is an invalid free there, not a quiet one. */
typedef struct chunk { struct chunk *prev; uint64_t pad; } chunk;

static freeblock *freelist[NCLASS];
static chunk *chunks;
static char *bump;                      /* the unused rest of the newest chunk: */
static size_t left;                     /* bump[0..left), a multiple of GRAIN */

static size_t class_of(size_t n)
{
    return n ? (n - 1) / GRAIN : 0;
}

/* A block of class c from the newest chunk, or from a fresh one when it
   is used up; the old chunk's rest (smaller than the block wanted, so
   smaller than the largest class) goes to the free list of its size. */
static void *pool_carve(size_t c)
{
    size_t want = (c + 1) * GRAIN;
    if (left < want) {
        chunk *k;
        if (left) {
            freeblock *b = (freeblock *)(void *)bump;
            b->next = freelist[class_of(left)];
            freelist[class_of(left)] = b;
            POISON(b, left);
        }
        k = malloc(CHUNK);
        if (!k) out_of_memory();
        k->prev = chunks;
        chunks = k;
        bump = (char *)(k + 1);
        left = CHUNK - sizeof *k;
        POISON(bump, left);
    }
    bump += want;
    left -= want;
    UNPOISON(bump - want, want);
    return bump - want;
}

static void *pool_alloc(size_t n)
{
    size_t c = class_of(n);
    freeblock *b = freelist[c];
    live++;
    if (!b) return pool_carve(c);
    UNPOISON(b, (c + 1) * GRAIN);
    freelist[c] = b->next;
    return b;
}

static void pool_put(void *p, size_t c)
{
    freeblock *b = p;
    b->next = freelist[c];
    freelist[c] = b;
    POISON(b, (c + 1) * GRAIN);
    live--;
}

static void *limbs_alloc(size_t n)
{
    void *p;
    if (n <= LIMBS_POOLED_MAX) return pool_alloc(n);
    p = malloc(n);
    if (!p) out_of_memory();
    live++;
    return p;
}

static void limbs_free(void *p, size_t n)
{
    if (!p) return;
    if (n <= LIMBS_POOLED_MAX) { pool_put(p, class_of(n)); return; }
    free(p);
    live--;
}

static void *limbs_realloc(void *p, size_t old, size_t n)
{
    void *q;
    if (old <= LIMBS_POOLED_MAX && n <= LIMBS_POOLED_MAX
        && class_of(old) == class_of(n))
        return p;                       /* the block already holds n */
    if (old > LIMBS_POOLED_MAX && n > LIMBS_POOLED_MAX) {
        q = realloc(p, n);
        if (!q) out_of_memory();
        return q;
    }
    q = limbs_alloc(n);
    memcpy(q, p, old < n ? old : n);
    limbs_free(p, old);
    return q;
}

/* }================================= */

/* {=========== checked malloc ============ */

/* Under AddressSanitizer and valgrind every block is its own malloc, so
   their leak reports name the number that was never cleared and where it
   was made (inside a pool every block looks reachable through its chunk,
   and a leak would hide), and a read past a number's limbs hits a redzone
   rather than its neighbour in the pool. Poisoning freed pool blocks would
   catch use after free but not leaks or overruns, so the pools are not
   what a checked run uses; test_limbs checks the pools themselves under
   ASan (limbs_install_as). A header before each block records the size,
   so a free or realloc with a size other than the one allocated, the
   mistake the pools cannot detect, stops here; and a block GMP allocated
   that someone frees with free() is an invalid free (the pointer is not
   malloc's) that ASan and valgrind report. */

#define CHECK_MAGIC 0x616e627564u       /* "anbud" */

typedef struct checkhead { size_t size; size_t magic; } checkhead;

static void check_fail(const char *what, size_t have, size_t said)
{
    fprintf(stderr, "anbud: GMP %s a block of %zu bytes as %zu bytes\n",
            what, have, said);
    abort();
}

static checkhead *check_head(void *p, size_t n, const char *what)
{
    checkhead *h = (checkhead *)p - 1;
    if (h->magic != CHECK_MAGIC) check_fail(what, 0, n);
    if (h->size != n) check_fail(what, h->size, n);
    return h;
}

static void *check_alloc(size_t n)
{
    checkhead *h = malloc(sizeof *h + n);
    if (!h) out_of_memory();
    h->size = n;
    h->magic = CHECK_MAGIC;
    live++;
    return h + 1;
}

static void check_free(void *p, size_t n)
{
    checkhead *h;
    if (!p) return;
    h = check_head(p, n, "freed");
    h->magic = 0;
    free(h);
    live--;
}

static void *check_realloc(void *p, size_t old, size_t n)
{
    checkhead *h = check_head(p, old, "reallocated");
    h = realloc(h, sizeof *h + n);
    if (!h) out_of_memory();
    h->size = n;
    return h + 1;
}

/* }================================= */

int limbs_install_as(int pooled)
{
    int mode = pooled;
    if (mode < 0) {
#if defined(LIMBS_ASAN)
        mode = 0;
#elif defined(LIMBS_VALGRIND)
        mode = RUNNING_ON_VALGRIND ? 0 : 1;
#else
        mode = 1;
#endif
    }
    if (mode) mp_set_memory_functions(limbs_alloc, limbs_realloc, limbs_free);
    else mp_set_memory_functions(check_alloc, check_realloc, check_free);
    return mode;
}

int limbs_install(void)
{
    return limbs_install_as(-1);
}

size_t limbs_live(void)
{
    return live;
}
