/* SPDX-License-Identifier: MIT */
/*
** test_sandbox.c: one regression test per sandbox escape or exhaustion
** trick (tests/sandbox/NAME.lua, each run in a child process under CPU and
** memory rlimits and a wall-clock limit), then unit tests of num and re.
** Usage: test_sandbox [DIR [NAME...]]; NAMEs pick tests by substring.
*/
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <lauxlib.h>
#include "decimal.h"
#include "error.h"
#include "lnum.h"
#include "regex.h"
#include "sandbox.h"

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

#define TEST_BUDGET     50000000L           /* a quarter of the real one */
#define TEST_SECONDS    2.0                 /* the sandbox's clock limit */
#define CPU_SECONDS     5
#define WALL_SECONDS    30      /* "does not hang" on a loaded machine */
#define AS_BYTES        (1UL << 30)
#define MSG_MAX         2048

static int passed, failed;
static int slow = 1;            /* time limits are multiplied under valgrind */
static int under_valgrind;

static void report(int ok, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void report(int ok, const char *name, const char *fmt, ...)
{
    va_list ap;
    if (ok) passed++;
    else failed++;
    printf("%s ", ok ? "ok  " : "FAIL");
    for (; *name; name++) {                 /* code as a name: one line */
        if (*name == '\n') printf("\\n");
        else putchar(*name);
    }
    if (fmt && *fmt) {
        printf(": ");
        va_start(ap, fmt);
        vprintf(fmt, ap);
        va_end(ap);
    }
    printf("\n");
    fflush(stdout);
}

/* 1 if text matches the expectation, a PCRE2 pattern (POSIX EREs as used
   here read the same). Not regex.c: the module under test must not judge
   its own results. -1 for a bad pattern. */
static int matches(const char *pattern, const char *text)
{
    int code, rc;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                   0, &code, &off, NULL);
    pcre2_match_data *md;

    if (!re) return -1;
    md = pcre2_match_data_create_from_pattern(re, NULL);
    rc = pcre2_match(re, (PCRE2_SPTR)text, strlen(text), 0, 0, md, NULL);
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return rc >= 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long n;

    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0
        && fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)n + 1))) {
        *len = fread(buf, 1, (size_t)n, f);
        buf[*len] = '\0';
    }
    fclose(f);
    return buf;
}

/* {=========== the trick files ============ */

/* The child: run the file in a fresh sandbox, write the outcome. */
static void child_run(const char *name, const char *src, size_t len, int out,
                      int cap)
{
    struct rlimit rl;
    anbud_error err;
    char msg[MSG_MAX];
    sandbox *sb;
    size_t n;

    dup2(cap, STDOUT_FILENO);
    rl.rlim_cur = rl.rlim_max = (rlim_t)(CPU_SECONDS * slow);
    setrlimit(RLIMIT_CPU, &rl);
    if (!UNDER_ASAN && !under_valgrind) {
        rl.rlim_cur = rl.rlim_max = AS_BYTES;
        setrlimit(RLIMIT_AS, &rl);
    }
    sb = sandbox_new(SANDBOX_MEMORY_LIMIT, TEST_BUDGET);
    if (!sb) {
        snprintf(msg, sizeof msg, "sandbox_new failed");
    } else {
        sb->time_limit = TEST_SECONDS * slow;
        memset(&err, 0, sizeof err);
        if (sandbox_run(sb, name, src, len, &err) == ANBUD_OK)
            snprintf(msg, sizeof msg, "OK");
        else
            error_format(&err, msg, sizeof msg);
        if (sb->mem_peak > sb->mem_limit)
            snprintf(msg, sizeof msg, "memory peak %zu over the limit %zu",
                     sb->mem_peak, sb->mem_limit);
        sandbox_free(sb);
    }
    regex_cleanup();
    n = strlen(msg);
    if (write(out, msg, n) != (ssize_t)n) exit(3);
    fflush(stdout);
    exit(0);            /* not _exit: LeakSanitizer checks at exit */
}

static size_t drain(int fd, char *buf, size_t have, size_t cap)
{
    ssize_t r;
    while (have + 1 < cap && (r = read(fd, buf + have, cap - 1 - have)) > 0)
        have += (size_t)r;
    buf[have] = '\0';
    return have;
}

static void run_trick(const char *dir, const char *file)
{
    char path[1024], pattern[512], msg[MSG_MAX], out[256];
    const char *nl;
    size_t len, plen, mlen = 0, olen = 0;
    char *src;
    int res[2], cap[2], status = 0, exited = 0;
    pid_t pid;
    double t0, limit = (double)(WALL_SECONDS * slow);

    snprintf(path, sizeof path, "%s/%s", dir, file);
    src = read_file(path, &len);
    if (!src) {
        report(0, file, "cannot read %s", path);
        return;
    }
    if (strncmp(src, "-- expect: ", 11) != 0 || !(nl = strchr(src, '\n'))) {
        report(0, file, "first line is not \"-- expect: PATTERN\"");
        free(src);
        return;
    }
    plen = (size_t)(nl - src) - 11;
    if (plen >= sizeof pattern) plen = sizeof pattern - 1;
    memcpy(pattern, src + 11, plen);
    pattern[plen] = '\0';
    if (matches(pattern, "") < 0) {
        report(0, file, "bad expect pattern /%s/", pattern);
        free(src);
        return;
    }
    if (pipe(res) != 0 || pipe(cap) != 0) {
        perror("pipe");
        exit(2);
    }
    fflush(stdout);
    t0 = now();
    pid = fork();
    if (pid < 0) {
        perror("fork");
        exit(2);
    }
    if (pid == 0) {
        close(res[0]);
        close(cap[0]);
        child_run(file, src, len, res[1], cap[1]);
    }
    close(res[1]);
    close(cap[1]);
    /* Read as it comes (a flood on stdout must not block the child) until
       the child ends or the wall clock runs out. */
    for (;;) {
        struct pollfd pf[2] = { { res[0], POLLIN, 0 }, { cap[0], POLLIN, 0 } };
        pid_t w = waitpid(pid, &status, WNOHANG);
        if (w == pid) {
            exited = 1;
            break;
        }
        if (now() - t0 > limit) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            break;
        }
        if (poll(pf, 2, 20) > 0) {
            char junk[4096];
            ssize_t r;
            if (pf[0].revents & POLLIN) {
                r = read(res[0], msg + mlen, sizeof msg - 1 - mlen);
                if (r > 0) mlen += (size_t)r;
            }
            if (pf[1].revents & POLLIN) {
                r = read(cap[0], junk, sizeof junk);
                if (r > 0 && olen + (size_t)r < sizeof out) {
                    memcpy(out + olen, junk, (size_t)r);
                    olen += (size_t)r;
                } else if (r > 0) {
                    olen = sizeof out - 1;
                }
            }
        }
    }
    mlen = drain(res[0], msg, mlen, sizeof msg);
    out[olen] = '\0';
    close(res[0]);
    close(cap[0]);
    {
        double secs = now() - t0;
        if (!exited)
            report(0, file, "still running after %.0f s (killed)", limit);
        else if (WIFSIGNALED(status))
            report(0, file, "child died of signal %d (%s) after %.2f s: %s",
                   WTERMSIG(status), strsignal(WTERMSIG(status)), secs, msg);
        else if (WEXITSTATUS(status) != 0)
            report(0, file, "child exit status %d: %s", WEXITSTATUS(status),
                   msg);
        else if (olen > 0)
            report(0, file, "wrote to stdout: \"%.60s\"", out);
        else if (matches(pattern, msg) != 1)
            report(0, file, "expected /%s/, got \"%s\"", pattern, msg);
        else
            report(1, file, "%.2f s: %s", secs, msg);
    }
    free(src);
}

static int is_lua(const struct dirent *d)
{
    size_t n = strlen(d->d_name);
    return n > 4 && strcmp(d->d_name + n - 4, ".lua") == 0;
}

static int picked(const char *file, int argc, char **argv)
{
    int i;
    if (argc <= 2) return 1;
    for (i = 2; i < argc; i++)
        if (strstr(file, argv[i])) return 1;
    return 0;
}

static void run_tricks(const char *dir, int argc, char **argv)
{
    struct dirent **list;
    int i, n = scandir(dir, &list, is_lua, alphasort);

    if (n < 0) {
        report(0, dir, "cannot list: %s", strerror(errno));
        return;
    }
    for (i = 0; i < n; i++) {
        if (picked(list[i]->d_name, argc, argv))
            run_trick(dir, list[i]->d_name);
        free(list[i]);
    }
    free(list);
}

/* }========================================= */

/* {=========== in-process checks ============ */

/* Run code in a fresh sandbox; out gets tostring of its first result, or
   "error: " and the formatted error. */
static void eval(const char *code, char *out, size_t outlen)
{
    sandbox *sb = sandbox_new(SANDBOX_MEMORY_LIMIT, TEST_BUDGET);
    anbud_error err;
    char msg[MSG_MAX - 16];

    if (!sb) {
        snprintf(out, outlen, "sandbox_new failed");
        return;
    }
    memset(&err, 0, sizeof err);
    if (luaL_loadbufferx(sb->L, code, strlen(code), "@test.lua", "t") != LUA_OK) {
        snprintf(out, outlen, "load: %s", lua_tostring(sb->L, -1));
    } else if (sandbox_call(sb, 0, 1, &err) != ANBUD_OK) {
        error_format(&err, msg, sizeof msg);
        snprintf(out, outlen, "error: %s", msg);
    } else {
        size_t n;
        const char *s;
        lua_getglobal(sb->L, "tostring");
        lua_insert(sb->L, -2);
        if (sandbox_call(sb, 1, 1, &err) != ANBUD_OK) s = "tostring failed";
        else s = lua_tolstring(sb->L, -1, &n);
        snprintf(out, outlen, "%s", s ? s : "(nil)");
        lua_settop(sb->L, 0);
    }
    sandbox_free(sb);
}

static void check_lua(const char *code, const char *want)
{
    char got[MSG_MAX];
    eval(code, got, sizeof got);
    if (strcmp(got, want) == 0) report(1, code, NULL);
    else report(0, code, "expected \"%s\", got \"%s\"", want, got);
}

/* The result must match the ERE want. */
static void check_lua_re(const char *code, const char *want)
{
    char got[MSG_MAX];
    eval(code, got, sizeof got);
    if (matches(want, got) == 1) report(1, code, NULL);
    else report(0, code, "expected /%s/, got \"%s\"", want, got);
}

static void test_num(void)
{
    /* exactness */
    check_lua("return num.eq(num.parse('0.1') + 0.2, num.parse('0.3'))", "true");
    check_lua("return num.parse('0.1') + 0.2 == num.parse('0.3')", "true");
    check_lua("return num.eq(num.parse('1') / 3 * 3, 1)", "true");
    check_lua("return num.parse('1') / 3", "1/3");
    check_lua("return num.parse('-1/3')", "-1/3");
    check_lua("return num.parse('2.50')", "2.5");
    check_lua("return num.parse('0.1') * 3", "0.3");
    check_lua("return 1 + num.parse('0.1')", "1.1");
    check_lua("return 0.1 + num.parse('0.2')", "0.3");
    check_lua("return -num.parse('0.5')", "-0.5");
    check_lua("return num.parse('1') - 1", "0");
    check_lua("return math.maxinteger + num.parse('1')", "9223372036854775808");
    check_lua("return num.parse('123456789012345678901234567890') * 10",
              "1234567890123456789012345678900");
    check_lua("return num.parse(0.1)", "0.1");
    /* many floats through the conversion cache, colliding slots included */
    check_lua("local s = num.parse('0') for i = 1, 1000 do s = s + i / 10 end "
              "return s", "50050");
    check_lua("local s = num.parse('0') for r = 1, 3 do for i = 1, 200 do "
              "s = s + i / 8 + 0.1 end end return s", "7597.5");
    check_lua("return num.parse(num.parse('7/2'))", "3.5");
    /* powers */
    check_lua("return num.parse('2') ^ 10", "1024");
    check_lua("return num.parse('2') ^ -2", "0.25");
    check_lua("return num.parse('-2/3') ^ 3", "-8/27");
    check_lua("return num.parse('0') ^ 0", "1");
    check_lua("return num.parse('-1') ^ math.maxinteger", "-1");
    check_lua("return num.parse('1.5') ^ 2.0", "2.25");
    check_lua("return 2 ^ num.parse('3')", "8");
    check_lua("return num.parse('2') ^ 0.5", "~1.4142135623730951");
    check_lua("return num.parse('2') ^ 0.5 * 0", "~0");
    check_lua_re("return num.parse('2') ^ 16385", "number too large");
    check_lua_re("return num.parse('0') ^ -1", "division by zero");
    check_lua_re("return num.parse('-8') ^ (1/3)", "fractional power");
    /* comparisons, also with plain numbers */
    check_lua("return num.parse('1') / 3 < 0.34", "true");
    check_lua("return 0.33 < num.parse('1') / 3", "true");
    check_lua("return num.parse('1') <= 1 and 1 <= num.parse('1')", "true");
    check_lua("return num.parse('2') > 1.5", "true");
    check_lua("return num.parse('0.1') >= 0.1", "true");
    check_lua("return num.parse('1') == 1", "false");
    check_lua("return num.eq(num.parse('1'), 1)", "true");
    check_lua("return num.parse('1') == num.parse('1.00')", "true");
    check_lua("return num.parse('1') ~= num.parse('2')", "true");
    check_lua("local t = { num.parse('3'), 1, num.parse('2.5'), 2 } "
              "table.sort(t) return t[1] .. ',' .. t[2] .. ',' .. t[3] .. ',' .. t[4]",
              "1,2,2.5,3");
    check_lua_re("return num.parse('1') < 'x'", "attempt to compare num with string");
    check_lua_re("return num.parse('1') < 0/0", "not a finite number");
    /* functions */
    check_lua("return num.floor(num.parse('-7/2'))", "-4");
    check_lua("return num.ceil(num.parse('-7/2'))", "-3");
    check_lua("return num.floor(2.5)", "2");
    check_lua("return num.round(num.parse('2.675'), 2)", "2.68");
    check_lua("return num.round(2.675, 2)", "2.68");
    check_lua("return num.round(num.parse('2.665'), 2, 'half_even')", "2.66");
    check_lua("return num.round(num.parse('-2.5'))", "-3");
    check_lua("return num.round(num.parse('-2.679'), 2, 'truncate')", "-2.67");
    check_lua("return num.round(1250, -2)", "1300");
    check_lua("return num.round(num.parse('1') / 3, 4)", "0.3333");
    check_lua_re("return num.round(1, 0, 'up')", "bad argument #3 to 'round'");
    check_lua("return num.abs(num.parse('-0.5'))", "0.5");
    check_lua("return num.min(3, num.parse('2.5'), 7)", "2.5");
    check_lua("return num.max(1, 2.25, num.parse('9/4'))", "2.25");
    check_lua_re("return num.min()", "bad argument #1 to 'min' \\(number expected, got no value\\)");
    check_lua("return num.sqrt(num.parse('9/4'))", "1.5");
    check_lua("return num.sqrt(2)", "~1.4142135623730951");
    check_lua("return num.eq(num.sqrt(num.parse('10') ^ 4000), num.parse('10') ^ 2000)",
              "true");
    check_lua_re("return num.sqrt(-1)", "bad argument #1 to 'sqrt'");
    check_lua("return num.log(1)", "~0");
    check_lua("return num.log(num.exp(2))", "~2");
    check_lua_re("return num.log(num.parse('10') ^ 4000)", "^~9210\\.34");
    check_lua_re("return num.log(0)", "bad argument #1 to 'log' \\(must be greater than 0\\)");
    check_lua_re("return num.exp(1000)", "number too large");
    check_lua("return num.tonumber(num.parse('1') / 4)", "0.25");
    check_lua("return math.type(num.tonumber(num.parse('3')))", "float");
    check_lua("return num.is(num.parse('1')) and not num.is(1)", "true");
    check_lua("return type(num.parse('1'))", "userdata");
    check_lua("return getmetatable(num.parse('1'))", "false");
    check_lua("return 'x' .. num.parse('1') / 4 .. 'y'", "x0.25y");
    check_lua("return num.parse('1') .. 2", "12");
    /* errors carry the model's line */
    check_lua("\nreturn num.parse('1') / 0", "error: test.lua:2: division by zero");
    check_lua("return num.parse('1,5')", "error: test.lua:1: num.parse: not a number: \"1,5\"");
    check_lua_re("return num.parse('1') // 2", "^error: test.lua:1: .*num.floor");
    check_lua_re("return num.parse('1') % 2", "^error: test.lua:1: .*not defined");
    check_lua_re("return num.parse('1') + {}", "arithmetic on a table value");
    check_lua_re("return num.parse('1') + 'x'", "arithmetic on a string value");
    check_lua_re("return num.parse('1') + 1/0", "not a finite number");
    check_lua_re("return ('x'):rep(num.parse('2'))", "number expected, got num");
    check_lua_re("local x = num.parse('1') return x.y", "attempt to index a num value");
    check_lua_re("return num.floor('x')", "bad argument #1 to 'floor' \\(number expected, got string\\)");
}

static void check_regex(const char *pat, const char *subj, int want,
                        const char *why_want)
{
    char why[256] = "", name[160];
    int got = regex_test(pat, subj, strlen(subj), why, sizeof why);
    int ok = got == want && (!why_want || strstr(why, why_want));
    snprintf(name, sizeof name, "regex_test /%.60s/ on \"%.40s\"", pat, subj);
    if (ok) report(1, name, NULL);
    else report(0, name, "expected %d (%s), got %d (%s)", want,
                why_want ? why_want : "", got, why);
}

static void test_regex(void)
{
    char subj[64];
    double t0;
    int i;

    check_regex("^[0-9]{6}-[0-9]{4}$", "556036-0793", 1, NULL);
    check_regex("^[0-9]{6}-[0-9]{4}$", "5560360793", 0, NULL);
    check_regex("^[0-9]{6}-[0-9]{4}$", "556036-0793\n", 0, NULL);
    /* Arabic-Indic digits are \d under UCP, never [0-9] */
    check_regex("^[0-9]+$", "\xd9\xa3\xd9\xa4", 0, NULL);
    check_regex("^\\d+$", "\xd9\xa3\xd9\xa4", 1, NULL);
    check_regex("^\\w+$", "Bl\xc3\xa5" "b\xc3\xa4r", 1, NULL);
    check_regex("^(?i)\xc3\xa5\xc3\xa4\xc3\xb6$", "\xc3\x85\xc3\x84\xc3\x96", 1, NULL);
    check_regex("^.{6}$", "Sm\xc3\xa5land", 0, NULL);
    check_regex("^.{7}$", "Sm\xc3\xa5land", 1, NULL);
    check_regex("^[[:alpha:]]+$", "\xc3\x96rebro", 1, NULL);
    check_regex("(abc", "abc", -1, "missing closing parenthesis");
    check_regex("a\\C", "ab", -1, "\\C is disabled");
    check_regex("a", "\xff", -1, "not valid UTF-8");
    check_regex("\xff", "a", -1, "UTF-8 error");
    memset(subj, 'a', 27);
    subj[27] = '!';
    subj[28] = '\0';
    t0 = now();
    check_regex("^(?:[A-Za-z]+)*$", subj, -1, "match limit exceeded");
    if (now() - t0 < 0.5 * slow) report(1, "catastrophic pattern stops fast", "%.3f s", now() - t0);
    else report(0, "catastrophic pattern stops fast", "%.3f s", now() - t0);
    /* the cache: more patterns than it holds, then the first again */
    for (i = 0; i < 40; i++) {
        char pat[32];
        snprintf(pat, sizeof pat, "^x{%d}$", i + 1);
        if (regex_test(pat, "xxxxx", 5, NULL, 0) != (i == 4)) break;
    }
    report(i == 40, "regex cache eviction", i == 40 ? NULL : "pattern %d", i);
    check_regex("^[0-9]{6}-[0-9]{4}$", "556036-0793", 1, NULL);

    check_lua("return re.test('556036-0793', '^[0-9]{6}-[0-9]{4}$')", "true");
    check_lua("return re.test('Blåbär', '^\\\\w+$')", "true");
    check_lua("return re.test('JA', '^(?i:ja|nej)$')", "true");
    check_lua("local a, b = re.find('Göteborg och Malmö', 'Malmö') return a .. '-' .. b",
              "15-20");
    check_lua("local a, b = re.find('Malmö', 'ö', 5) return a .. '-' .. b", "5-6");
    check_lua("local a, b = re.find('abc', '') return a .. '-' .. b", "1-0");
    check_lua("return re.find('abc', 'x')", "nil");
    check_lua("return re.find('abc', 'a', 10)", "nil");
    check_lua("return re.find('abcabc', 'c', -2)", "6");
    check_lua("return re.find('abc', 'a', -100)", "1");
    check_lua("return re.find('abc', 'a', math.mininteger)", "1");
    check_lua("local a, b = re.match('556036-0793', '^([0-9]{6})-([0-9]{4})$') "
              "return a .. '/' .. b", "556036/0793");
    check_lua("return re.match('abc', 'b.')", "bc");
    check_lua("local x, y = re.match('abc', '(x)?(b)') return tostring(x) .. y", "falseb");
    check_lua("return re.match('abc', '^b')", "nil");
    check_lua_re("return re.test('a', '(')",
                 "^error: test.lua:1: re.test: bad pattern at character 2: missing closing parenthesis");
    check_lua_re("return re.find('\\255', 'a')", "re.find: text is not valid UTF-8 at byte 1");
    check_lua_re("return re.test(('a'):rep(27) .. '!', '^(?:[A-Za-z]+)*$')",
                 "re.test: match limit exceeded");

    /* the work of a match summed over its start positions (issue 12):
       a hostile 32 000-byte cell against an unanchored e-mail pattern */
    {
        static char cell[32001];
        const char *email = "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}";
        memset(cell, 'a', 31997);
        memcpy(cell + 31997, "@x.", 4);
        t0 = now();
        check_regex(email, cell, -1, "match work limit exceeded");
        report(now() - t0 < 2.0 * slow, "hostile cell stops within its work limit",
               "%.3f s", now() - t0);
        /* anchored, the same text is one scan */
        check_regex("^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$", cell, 0, NULL);
        memcpy(cell + 31990, "@b.se", 6);
        check_regex(email, cell, 1, NULL);
    }
    {
        char *big = malloc(REGEX_MAX_SUBJECT + 2);
        memset(big, 'a', REGEX_MAX_SUBJECT + 1);
        big[REGEX_MAX_SUBJECT + 1] = '\0';
        check_regex("a", big, -1, "longer than the 1048576 bytes");
        check_regex("a", big + 1, 1, NULL);
        free(big);
    }
    /* PCRE2's backtracking frames come from the sandbox's allocator: with a
       4 MiB cap they run out of memory there, before the 8 MiB heap limit,
       and the peak stays under the cap */
    {
        sandbox *sb = sandbox_new(4UL * 1024 * 1024, TEST_BUDGET);
        anbud_error err;
        const char *code = "local pat = '^' .. ('()'):rep(100) .. '(?:a|b)*$' "
                           "return re.test(('a'):rep(9000) .. '!', pat)";
        int ok = sb && sandbox_run(sb, "frames.lua", code, strlen(code), &err) == ANBUD_EMODEL
                 && strcmp(err.msg, "memory limit exceeded (4 MiB)") == 0
                 && sb->mem_peak <= sb->mem_limit;
        report(ok, "PCRE2 frames count in the sandbox's memory cap", "%s",
               sb ? err.msg : "sandbox_new failed");
        sandbox_free(sb);
    }
    check_lua_re("local pat = '^' .. ('()'):rep(100) .. '(?:a|b)*$' "
                 "return re.test(('a'):rep(9000) .. '!', pat)",
                 "re.test: heap limit exceeded");
    /* matching works as before with the callouts on */
    check_lua("return re.match('2024-05-01', '^([0-9]{4})-([0-9]{2})-([0-9]{2})$')", "2024");
    check_lua("local t = {} for i = 1, 40 do t[i] = re.find('xay', '(?:a)') end return #t", "40");
}

/* }========================================= */

/* {=========== the sandbox API ============ */

static void check_from_message(const char *msg, const char *file, long line,
                               const char *text)
{
    anbud_error e;
    int ok;
    memset(&e, 0, sizeof e);
    sandbox_error_from_message(&e, ANBUD_EMODEL, msg);
    ok = e.status == ANBUD_EMODEL && strcmp(e.file, file) == 0
         && e.line == line && strcmp(e.msg, text) == 0;
    if (ok) report(1, msg, NULL);
    else report(0, msg, "got file \"%s\" line %ld msg \"%s\"", e.file, e.line,
                e.msg);
}

static anbud_status run_str(sandbox *sb, const char *name, const char *code,
                            anbud_error *err)
{
    return sandbox_run(sb, name, code, strlen(code), err);
}

static void test_api(void)
{
    sandbox *sb;
    anbud_error err;
    char msg[MSG_MAX];
    static const char bytecode[] = "\x1bLua\x54\x00\x19\x93\r\n\x1a\n";
    const char *s;
    int ok;

    check_from_message("model.lua:12: attempt to call a nil value", "model.lua",
                       12, "attempt to call a nil value");
    check_from_message("C:\\anbud\\m.lua:3: boom", "C:\\anbud\\m.lua", 3, "boom");
    check_from_message("model.lua:12: lib.lua:3: deep", "model.lua", 12,
                       "lib.lua:3: deep");
    check_from_message("not enough memory", "", 0, "not enough memory");
    check_from_message("error: 12: late", "", 0, "error: 12: late");
    check_from_message("a: b.lua:3: x", "", 0, "a: b.lua:3: x");
    check_from_message("x.lua:7:no space", "", 0, "x.lua:7:no space");

    sb = sandbox_new(SANDBOX_MEMORY_LIMIT, TEST_BUDGET);
    if (!sb) {
        report(0, "sandbox_new", "NULL");
        return;
    }
    /* bytecode is refused: mode "t" */
    memset(&err, 0, sizeof err);
    ok = sandbox_run(sb, "bin.lua", bytecode, sizeof bytecode - 1, &err)
         == ANBUD_EMODEL && strstr(err.msg, "attempt to load a binary chunk")
         && strcmp(err.file, "bin.lua") == 0;
    error_format(&err, msg, sizeof msg);
    report(ok, "binary chunk refused", "%s", msg);

    /* a syntax error has file and line */
    ok = run_str(sb, "syntax.lua", "x = 1\ny = = 2\n", &err)
         == ANBUD_EMODEL && err.line == 2 && strcmp(err.file, "syntax.lua") == 0;
    error_format(&err, msg, sizeof msg);
    report(ok, "syntax error position", "%s", msg);

    /* a UTF-8 BOM is skipped */
    ok = run_str(sb, "bom.lua", "\xEF\xBB\xBFx = 1", &err) == ANBUD_OK;
    report(ok, "UTF-8 byte order mark skipped", NULL);

    /* print is collected, never written */
    ok = run_str(sb, "print.lua", "print('a', 1, nil, num.parse('0.5')) "
                     "warn('w', 'x') warn('@on')", &err) == ANBUD_OK;
    lua_getfield(sb->L, LUA_REGISTRYINDEX, SANDBOX_LOG);
    lua_rawgeti(sb->L, -1, 1);
    lua_rawgeti(sb->L, -2, 2);
    s = lua_tostring(sb->L, -2);
    ok = ok && s && strcmp(s, "a\t1\tnil\t0.5") == 0;
    s = lua_tostring(sb->L, -1);
    ok = ok && s && strcmp(s, "warning: wx") == 0 && lua_rawlen(sb->L, -3) == 2;
    lua_settop(sb->L, 0);
    report(ok, "print and warn collected in SANDBOX_LOG", NULL);

    /* sandbox_call with arguments and results; the registry is usable */
    ok = run_str(sb, "f.lua", "function add(a, b) return a + b, 'x' end", &err) == ANBUD_OK;
    lua_getglobal(sb->L, "add");
    lua_pushinteger(sb->L, 2);
    lua_pushinteger(sb->L, 3);
    ok = ok && sandbox_call(sb, 2, 2, &err) == ANBUD_OK
         && lua_gettop(sb->L) == 2 && lua_tointeger(sb->L, 1) == 5;
    lua_settop(sb->L, 0);
    lua_getglobal(sb->L, "add");
    {
        int ref = luaL_ref(sb->L, LUA_REGISTRYINDEX);
        lua_rawgeti(sb->L, LUA_REGISTRYINDEX, ref);
        lua_pushinteger(sb->L, 1);
        lua_pushnil(sb->L);
        ok = ok && sandbox_call(sb, 2, 1, &err) == ANBUD_EMODEL
             && lua_gettop(sb->L) == 0 && err.line == 1
             && strstr(err.msg, "arithmetic on a nil value");
        luaL_unref(sb->L, LUA_REGISTRYINDEX, ref);
    }
    report(ok, "sandbox_call results, errors and registry refs", NULL);

    /* after the budget is spent every later call fails at once */
    ok = run_str(sb, "loop.lua", "\nwhile true do end", &err) == ANBUD_EMODEL
         && strcmp(err.msg, "instruction budget exceeded") == 0 && err.line == 2
         && sb->killed;
    lua_getglobal(sb->L, "add");
    lua_pushinteger(sb->L, 1);
    lua_pushinteger(sb->L, 1);
    ok = ok && sandbox_call(sb, 2, 1, &err) == ANBUD_EMODEL
         && strstr(err.msg, "instruction budget exceeded")
         && lua_gettop(sb->L) == 0;
    report(ok, "budget spent: later calls fail too", NULL);
    sandbox_free(sb);

    /* memory: the cap holds and the state stays usable */
    sb = sandbox_new(4UL * 1024 * 1024, TEST_BUDGET);
    ok = sb && run_str(sb, "mem.lua", "local t = {} for i = 1, 1e7 do t[i] = i end", &err) == ANBUD_EMODEL
         && strcmp(err.msg, "memory limit exceeded (4 MiB)") == 0
         && sb->mem_peak <= sb->mem_limit;
    ok = ok && run_str(sb, "after.lua", "x = 1", &err) == ANBUD_OK;
    report(ok, "memory cap, then the state still runs", "%s", err.msg);
    sandbox_free(sb);

    /* a cap too small to open the libraries gives NULL, not a crash */
    sb = sandbox_new(1024, TEST_BUDGET);
    report(sb == NULL, "sandbox_new with a 1 KiB cap is NULL", NULL);
    sandbox_free(sb);

    /* deterministic random numbers */
    {
        char a[64], b[64];
        eval("return math.random(1, 1000000000)", a, sizeof a);
        eval("return math.random(1, 1000000000)", b, sizeof b);
        report(strcmp(a, b) == 0, "math.random is the same in every state", "%s %s", a, b);
    }
    /* the globals a model sees */
    check_lua("local t = {} for k in pairs(_G) do t[#t + 1] = k end table.sort(t) "
              "return table.concat(t, ' ')",
              "_G _VERSION assert error getmetatable ipairs math next num pairs pcall "
              "print rawequal rawget rawlen rawset re select setmetatable string table "
              "tonumber tostring type utf8 warn xpcall");
    check_lua("local t = {} for k in pairs(string) do t[#t + 1] = k end table.sort(t) "
              "return table.concat(t, ' ')",
              "byte char find format gmatch gsub len lower match pack packsize rep "
              "reverse sub unpack upper");
    check_lua("return ('x'):rep(3, ',') .. ('abc'):upper()", "x,x,xABC");
    /* the string cap: 1 MiB is allowed, one byte more is not */
    check_lua("return #('x'):rep(1024 * 1024)", "1048576");
    check_lua_re("return #('x'):rep(1024 * 1024 + 1)",
                 "^error: string longer than 1 MiB");
    check_lua_re("local s = ('x'):rep(1024 * 1024) return #(s .. 'y')",
                 "^error: string longer than 1 MiB");
    check_lua("local ok, e = pcall(string.rep, 'x', 2 * 1024 * 1024) "
              "return tostring(ok) .. ' ' .. e", "false not enough memory");
    check_lua("local s = ('x'):rep(1024 * 1024) return #s:sub(2)", "1048575");
    /* the charged walkers behave as the originals, names in errors too */
    check_lua("return utf8.len('bl\\u{e5}b\\u{e4}r')", "6");
    check_lua("return utf8.offset('bl\\u{e5}b', 4)", "5");
    check_lua("return tonumber('0x10') + tonumber('z', 36) + tonumber(' 1.5 ')", "52.5");
    check_lua("return ('10' + 1) .. ' ' .. ('3' * '4') .. ' ' .. -'2' .. ' ' .. ('7' // 2)",
              "11 12 -2 3");
    check_lua("return string.unpack('i4', string.pack('i4', 7)) + string.packsize('i4')", "11");
    check_lua_re("return utf8.len('abc', 10)",
                 "bad argument #2 to 'len' \\(initial position out of bounds\\)");
    check_lua_re("return tonumber('1', 99)", "bad argument #2 to 'tonumber' \\(base out of range\\)");
    check_lua_re("return '10' + {}", "attempt to add a 'string' with a 'table'");
    /* num.sqrt is charged for its roots: a 13 000-bit square root costs
       ~20 us, some 4000 instructions of ~5 ns; charged like a single
       multiplication (~400) a loop took 4-9 s to reach the budget. The
       count of roots the budget allows is read after the budget error. */
    {
        sandbox *sq = sandbox_new(SANDBOX_MEMORY_LIMIT, TEST_BUDGET);
        anbud_error e2;
        const char *code = "local x = num.parse('10') ^ 4000 count = 0 "
                           "while true do num.sqrt(x) count = count + 1 end";
        lua_Integer n = -1;
        if (sq && sandbox_run(sq, "sqrt.lua", code, strlen(code), &e2) == ANBUD_EMODEL
            && strstr(e2.msg, "instruction budget exceeded")) {
            lua_getglobal(sq->L, "count");
            n = lua_tointeger(sq->L, -1);
            lua_pop(sq->L, 1);
        }
        report(n > 0 && n < TEST_BUDGET / 3000, "num.sqrt charged for its roots",
               "%lld square roots in a budget of %ld", (long long)n, TEST_BUDGET);
        sandbox_free(sq);
    }
    check_lua("return ('a.b'):find('.', 1, true)", "2");
    check_lua("return ('abc'):find('b')", "2");
    check_lua("return ('abc'):find('c', -1)", "3");
    check_lua("return ('abc'):find('', 10)", "nil");
    check_lua_re("return ('abc'):find('b.')", "Lua patterns are not allowed");
    check_lua("local t = {1, 2, 3} table.insert(t, 1, 0) table.insert(t, 4) "
              "return table.concat(t, ',') .. ';' .. table.remove(t, 1) .. table.remove(t)",
              "0,1,2,3,4;04");
    check_lua("return select('#', table.unpack({1, 2, 3}))", "3");
    check_lua("return table.concat(table.move({1, 2, 3}, 1, 3, 2), ',')", "1,1,2,3");
    check_lua_re("return table.insert({}, 5, 1)", "bad argument #2 to 'insert' \\(position out of bounds\\)");
    check_lua_re("return table.concat({{}})", "invalid value .*at index 1.* in table for 'concat'");
    check_lua_re("error({})", "^error: test.lua:1: \\(error object is a table value\\)$");
    check_lua_re("error(setmetatable({}, {__tostring = function() return 'custom' end}))",
                 "^error: test.lua:1: custom$");
    check_lua_re("error('plain', 0)", "^error: test.lua:1: plain$");
    check_lua_re("local t = {} t[1] = 1 t[2] = {} table.sort(t)",
                 "^error: test.lua:1: attempt to compare");
    check_lua_re("error(setmetatable({}, {__tostring = function() error('again') end}))",
                 "^error: test.lua:1: again$");
    check_lua_re("local ok, e = xpcall(error, function(m) return 'handled ' .. m end, 'x') "
                 "return e", "^handled x$");
    check_lua("return select('#', xpcall(function(...) return ... end, print, 1, 2, 3))",
              "4");
}

/* }========================================= */

int main(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : "tests/sandbox";
    const char *pre = getenv("LD_PRELOAD");

    if (pre && strstr(pre, "vgpreload")) {
        under_valgrind = 1;
        slow = 30;
    }
    run_tricks(dir, argc, argv);
    if (argc <= 2) {
        test_api();
        test_num();
        test_regex();
    }
    regex_cleanup();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
