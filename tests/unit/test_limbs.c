/* SPDX-License-Identifier: MIT */
/*
** test_limbs.c: unit tests for core/limbs.c, GMP's memory from pools.
** The pools hand out, take back and reuse blocks without mixing them up,
** GMP computes through them what it computes through malloc, every block
** comes back, and the checked malloc stops a free with the wrong size.
** Under AddressSanitizer the pools run too (forced), and a freed block must
** be poisoned.
*/
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <gmp.h>

#include "limbs.h"

#if defined(__SANITIZE_ADDRESS__)
#define TEST_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TEST_ASAN 1
#endif
#endif
#ifdef TEST_ASAN
#include <sanitizer/asan_interface.h>
#endif

static int npass, nfail;

static void check(int ok, const char *what, int line)
{
    if (ok) { npass++; return; }
    nfail++;
    printf("FAIL line %d: %s\n", line, what);
}
#define CHECK(c) check((c) != 0, #c, __LINE__)

static void *(*gmp_alloc)(size_t);
static void *(*gmp_realloc)(void *, size_t, size_t);
static void (*gmp_free)(void *, size_t);

static void functions(void)
{
    mp_get_memory_functions(&gmp_alloc, &gmp_realloc, &gmp_free);
}

static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;
static unsigned long long rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}

/* Block i's bytes are a pattern of (i, round) so an overlap shows. */
static void fill(unsigned char *p, size_t n, size_t i, unsigned round)
{
    size_t k;
    for (k = 0; k < n; k++) p[k] = (unsigned char)(i * 31 + k * 7 + round);
}

static int intact(const unsigned char *p, size_t n, size_t i, unsigned round)
{
    size_t k;
    for (k = 0; k < n; k++)
        if (p[k] != (unsigned char)(i * 31 + k * 7 + round)) return 0;
    return 1;
}

/* Many blocks of mixed sizes, pooled and not, allocated, grown, shrunk
   and freed at random: each keeps its own bytes. */
static void test_churn(void)
{
    enum { SLOTS = 4000, STEPS = 400000 };
    static unsigned char *p[SLOTS];
    static size_t n[SLOTS];
    static unsigned round[SLOTS];
    size_t base = limbs_live(), i, s;
    int ok = 1;
    for (s = 0; s < STEPS; s++) {
        size_t size = 1 + (size_t)(rnd() % (rnd() % 4 ? 72 : 300));
        i = (size_t)(rnd() % SLOTS);
        if (!p[i]) {
            p[i] = gmp_alloc(size);
            n[i] = size;
            round[i] = (unsigned)s;
            fill(p[i], size, i, round[i]);
        } else if (rnd() % 3 == 0) {
            if (!intact(p[i], n[i], i, round[i])) ok = 0;
            gmp_free(p[i], n[i]);
            p[i] = NULL;
        } else {
            size_t keep = n[i] < size ? n[i] : size;
            p[i] = gmp_realloc(p[i], n[i], size);
            if (!intact(p[i], keep, i, round[i])) ok = 0;
            n[i] = size;
            round[i] = (unsigned)s;
            fill(p[i], size, i, round[i]);
        }
    }
    for (i = 0; i < SLOTS; i++)
        if (p[i]) {
            if (!intact(p[i], n[i], i, round[i])) ok = 0;
            gmp_free(p[i], n[i]);
            p[i] = NULL;
        }
    CHECK(ok);
    CHECK(limbs_live() == base);
}

/* A freed small block is the next one given out in its class; a realloc
   within the class keeps the block; one across classes keeps the bytes. */
static void test_reuse(void)
{
    unsigned char *a, *b, *c;
    size_t base = limbs_live();
    a = gmp_alloc(8);
    gmp_free(a, 8);
    b = gmp_alloc(5);               /* 5 bytes: the 8-byte class */
    CHECK(a == b);
    CHECK(limbs_live() == base + 1);
    memcpy(b, "abcd", 5);
    c = gmp_realloc(b, 5, 8);
    CHECK(c == b);
    c = gmp_realloc(c, 8, 40);
    CHECK(memcmp(c, "abcd", 5) == 0);
    c = gmp_realloc(c, 40, 4000);   /* out of the pools */
    CHECK(memcmp(c, "abcd", 5) == 0);
    c = gmp_realloc(c, 4000, 16);   /* back in */
    CHECK(memcmp(c, "abcd", 5) == 0);
    gmp_free(c, 16);
    CHECK(limbs_live() == base);
}

/* GMP through the pools, from one limb to hundreds. Expected figures: 30!
   = 265252859812191058636308480000000 (OEIS A000142), H(10) = 7381/2520
   (OEIS A001008/A002805), 2^200 = 1606938044258990275541962092341162602
   522202993782792835301376 (exact power of two). */
static void test_gmp(void)
{
    size_t base = limbs_live();
    mpz_t f, t;
    mpq_t h, term;
    char *s;
    unsigned long i;
    mpz_inits(f, t, NULL);
    mpq_inits(h, term, NULL);
    mpz_fac_ui(f, 30);
    s = mpz_get_str(NULL, 10, f);   /* GMP allocates: GMP's free returns it */
    CHECK(strcmp(s, "265252859812191058636308480000000") == 0);
    gmp_free(s, strlen(s) + 1);
    for (i = 1; i <= 10; i++) {
        mpq_set_ui(term, 1, i);
        mpq_add(h, h, term);
    }
    CHECK(mpz_cmp_ui(mpq_numref(h), 7381) == 0 && mpz_cmp_ui(mpq_denref(h), 2520) == 0);
    mpz_ui_pow_ui(t, 2, 200);
    s = mpz_get_str(NULL, 10, t);
    CHECK(strcmp(s, "1606938044258990275541962092341162602522202993782792835301376") == 0);
    gmp_free(s, strlen(s) + 1);
    /* 2^200 / 2^200 through ever larger numbers and back */
    mpz_set_ui(f, 1);
    for (i = 0; i < 200; i++) mpz_mul_ui(f, f, 2);
    CHECK(mpz_cmp(f, t) == 0);
    for (i = 0; i < 200; i++) mpz_tdiv_q_ui(f, f, 2);
    CHECK(mpz_cmp_ui(f, 1) == 0);
    mpz_clears(f, t, NULL);
    mpq_clears(h, term, NULL);
    CHECK(limbs_live() == base);
}

#ifdef TEST_ASAN
/* A pooled block is addressable while GMP has it, poisoned once freed. */
static void test_poison(void)
{
    unsigned char *a = gmp_alloc(24);
    CHECK(!__asan_address_is_poisoned(a) && !__asan_address_is_poisoned(a + 23));
    gmp_free(a, 24);
    CHECK(__asan_address_is_poisoned(a) && __asan_address_is_poisoned(a + 23));
    a = gmp_alloc(24);
    CHECK(!__asan_address_is_poisoned(a + 23));
    gmp_free(a, 24);
}
#endif

/* The checked malloc: a free with another size than allocated stops the
   process (in a child, whose abort is the expected outcome). */
static void test_checked(void)
{
    pid_t pid;
    int status = 0;
    size_t base;
    unsigned char *a;
    CHECK(limbs_install_as(0) == 0);
    functions();
    base = limbs_live();
    a = gmp_alloc(16);
    a = gmp_realloc(a, 16, 100);
    gmp_free(a, 100);
    CHECK(limbs_live() == base);
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        a = gmp_alloc(16);
        if (freopen("/dev/null", "w", stderr) == NULL) _exit(3);
        gmp_free(a, 24);
        _exit(0);
    }
    CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT);
}

int main(void)
{
    CHECK(limbs_live() == 0);
    CHECK(limbs_install_as(1) == 1);
    functions();
    test_reuse();
    test_churn();
    test_gmp();
#ifdef TEST_ASAN
    test_poison();
#endif
    test_checked();
    test_churn();
    test_gmp();
    printf("%d passed, %d failed\n", npass, nfail);
    return nfail != 0;
}
