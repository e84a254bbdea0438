/*
** test_html.c: the HTML writer of the documents (html.h): numbers as a
** Swede and an English reader write them, money, escaping of hostile
** text, html_wordf's conversions, and the charts' integer scaling.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "decimal.h"
#include "html.h"

static int passed, failed;

static void expect(const char *what, const char *got, const char *want)
{
    if (strcmp(got, want) == 0) passed++;
    else { failed++; printf("FAIL %s: got \"%s\", want \"%s\"\n", what, got, want); }
}

/* x (plain decimal text) through html_number / html_money. */
static void number(const char *lang, const char *x, int places, int money, const char *want)
{
    html h;
    mpq_t q;
    char *s, what[120];
    html_init(&h, stdout, lang, "SEK");
    mpq_init(q);
    if (dec_parse_plain(q, x) != 0) { failed++; printf("FAIL parse %s\n", x); mpq_clear(q); return; }
    s = money ? html_money(&h, q, places, DEC_HALF_UP) : html_number(&h, q, places, DEC_HALF_UP);
    snprintf(what, sizeof what, "%s %s at %d%s", lang, x, places, money ? " (money)" : "");
    expect(what, s, want);
    free(s);
    mpq_clear(q);
}

/* What html_text (or html_wordf with one %s) writes for s. */
static void escaped(const char *s, int wordf, const char *want)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    html h;
    html_init(&h, f, "sv", "SEK");
    if (wordf) html_wordf(&h, W_DOC_AWARDED_TO, s, "B");
    else html_text(&h, s);
    fclose(f);
    expect(s, buf, want);
    free(buf);
}

int main(void)
{
#define NB "\xC2\xA0"
    /* Söderhamn's comparison price (tests/golden/soderhamn/calc.md): 772 882.5
       half up to whole kronor */
    number("sv", "772882.5", 0, 1, "772" NB "883" NB "kr");
    number("en", "772882.5", 0, 1, "SEK" NB "772,883");
    number("sv", "70.825", 2, 0, "70,83");
    number("en", "70.825", 2, 0, "70.83");
    number("sv", "-1234567.5", 1, 0, "\xE2\x88\x92" "1" NB "234" NB "567,5");
    number("en", "-1234567.5", 1, 0, "-1,234,567.5");
    number("sv", "999", 0, 0, "999");
    number("sv", "1000", 0, 0, "1" NB "000");
    number("sv", "0.125", -1, 0, "0,125");          /* exact: terminating */
    number("sv", "1/3", -1, 0, "\xE2\x89\x88" NB "0,33");   /* ≈ when it does not terminate */
    number("en", "2/3", -1, 0, "\xE2\x89\x88 0.67");
    number("sv", "4.1", 3, 0, "4,100");               /* WE-06a: F2's total at three decimals */
    /* escaping: markup, quotes, a line break, bidi controls, a control, a
       byte that is not UTF-8 */
    escaped("<script>alert(\"x\")</script> & 'Co'", 0,
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;");
    escaped("a\nb\r\nc", 0, "a<br/>b<br/>c");
    escaped("a\nb", 1, "Kontraktet tilldelas a b (anbud B).");
    escaped("x\xE2\x80\xAEy\xE2\x81\xA6z\xE2\x80\x8F", 0, "x\\u202ey\\u2066z\\u200f");
    escaped("\x1b[2J\x7f", 0, "\\x1b[2J\\x7f");
    escaped("\xC3(\xED\xA0\x80", 0, "\\xc3(\\xed\\xa0\\x80");
    escaped("Vågbro \xE2\x80\x93 100 %", 0, "Vågbro \xE2\x80\x93 100 %");
    escaped("%s %d", 1, "Kontraktet tilldelas %s %d (anbud B).");
    /* a date stays on one line (a browser may break it at a hyphen) */
    escaped("2026-01-26", 1, "Kontraktet tilldelas <span class=\"date\">2026-01-26</span> (anbud B).");
    escaped("2026-01-2x", 1, "Kontraktet tilldelas 2026-01-2x (anbud B).");
    {   /* money without a declared precision: whole kronor, öre, or exact */
        mpq_t q;
        mpq_init(q);
        dec_parse_plain(q, "4500000.5");
        if (html_money_places(q) == 2) passed++; else { failed++; printf("FAIL money places of 4500000.5\n"); }
        dec_parse_plain(q, "1100000");
        if (html_money_places(q) == 0) passed++; else { failed++; printf("FAIL money places of 1100000\n"); }
        dec_parse_plain(q, "1/3");
        if (html_money_places(q) == -1) passed++; else { failed++; printf("FAIL money places of 1/3\n"); }
        mpq_clear(q);
    }
    /* the charts' lengths: floor(|x| * width / |max|), at most width */
    {
        mpq_t x, max;
        mpq_inits(x, max, NULL);
        mpq_set_ui(x, 772883, 1);
        mpq_set_ui(max, 1087883, 1);
        if (html_scale(x, max, 330) == 234) passed++;   /* 772883 * 330 / 1087883 = 234.45... */
        else { failed++; printf("FAIL html_scale: %ld\n", html_scale(x, max, 330)); }
        mpq_set_si(x, -2, 1);
        mpq_set_ui(max, 1, 1);
        if (html_scale(x, max, 330) == 330) passed++;
        else { failed++; printf("FAIL html_scale beyond max: %ld\n", html_scale(x, max, 330)); }
        mpq_set_ui(max, 0, 1);
        if (html_scale(x, max, 330) == 0) passed++;
        else { failed++; printf("FAIL html_scale of max 0\n"); }
        mpq_clears(x, max, NULL);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
