/*
** html.c: the HTML writer of the documents (html.h). Every byte of text
** that came from outside passes through put_text; numbers through
** html_number, which formats the exact values of decimal.h.
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "html.h"
#include "xalloc.h"

void html_init(html *h, FILE *f, const char *lang, const char *currency)
{
    h->f = f;
    h->sv = lang && strcmp(lang, "sv") == 0;
    h->lang = h->sv ? "sv" : "en";
    h->currency = currency;
}

/* No namespace declarations: an HTML parser knows svg without one, and a
   document that names no URL at all is easier to check for outside
   resources. The page: A4 with margins, a serif-free body that Word and LibreOffice
   also know, tables that do not break inside a row, a page break before
   each lot and each annex (class "page"). No colour carries meaning alone:
   the figures are in the tables, the charts repeat them. */
static const char css[] =
    "@page { size: A4; margin: 18mm 16mm 18mm 16mm; }\n"
    "body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.35;"
    " color: #111; max-width: 178mm; margin: 0 auto;"
    " -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
    "h1 { font-size: 17pt; margin: 0 0 4pt 0; }\n"
    "h2 { font-size: 13.5pt; margin: 16pt 0 6pt 0; border-bottom: 1px solid #888; }\n"
    "h3 { font-size: 11.5pt; margin: 12pt 0 4pt 0; }\n"
    "h1, h2, h3 { page-break-after: avoid; break-after: avoid; }\n"
    ".date { white-space: nowrap; }\n"
    "p { margin: 4pt 0; }\n"
    "table { border-collapse: collapse; margin: 6pt 0; width: 100%; }\n"
    "th, td { border: 1px solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; }\n"
    "th { background: #e8e8e8; overflow-wrap: break-word; }\n"
    "table.wide th, table.wide td { padding: 1pt 2pt; }\n"
    "tr { page-break-inside: avoid; break-inside: avoid; }\n"
    "td.n, th.n { text-align: right; }\n"
    "tr.win td { font-weight: bold; }\n"
    ".meta td { border: none; padding: 1pt 6pt 1pt 0; }\n"
    ".meta { width: auto; }\n"
    ".hash { font-family: 'Courier New', monospace; font-size: 8.5pt; word-break: break-all; }\n"
    ".small { font-size: 9pt; color: #333; }\n"
    ".lvl { font-size: 90%; font-weight: normal; color: #333; }\n"
    ".box { border: 1px solid #666; padding: 4pt 8pt; margin: 6pt 0; }\n"
    ".page { page-break-before: always; break-before: page; }\n"
    ".chart { page-break-inside: avoid; break-inside: avoid; margin: 6pt 0; }\n"
    ".legend span.sw { display: inline-block; width: 9pt; height: 9pt; margin: 0 3pt 0 8pt;"
    " vertical-align: middle; border: 1px solid #444; }\n"
    "@media print { body { max-width: none; } }\n";

void html_begin(html *h, const char *title)
{
    fputs("<!DOCTYPE html>\n", h->f);
    fprintf(h->f, "<html lang=\"%s\">\n<head>\n", h->lang);
    fputs("<meta charset=\"utf-8\"/>\n<title>", h->f);
    html_text_inline(h, title);
    fputs("</title>\n<style>\n", h->f);
    fputs(css, h->f);
    fputs("</style>\n</head>\n<body>\n", h->f);
}

void html_end(html *h)
{
    fputs("</body>\n</html>\n", h->f);
}

void html_raw(html *h, const char *s)
{
    fputs(s, h->f);
}

/* One UTF-8 character at p: its length and code point, or 0 when the
   bytes are not UTF-8 (overlong forms, surrogates, beyond U+10FFFF). */
static int utf8_next(const unsigned char *p, unsigned *cp)
{
    int n, i;
    unsigned c = p[0];
    if (c < 0x80) { *cp = c; return 1; }
    if (c >= 0xC2 && c <= 0xDF) { n = 2; c &= 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; c &= 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; c &= 0x07; }
    else return 0;
    for (i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
        (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return n;
}

/* Characters that would act rather than show: controls, C1 controls,
   bidi marks, embeddings, overrides and isolates, the line and paragraph
   separators, noncharacters U+FFFE/U+FFFF. */
static int acts(unsigned c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E ||
           c == 0x200F || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
           c == 0xFFFE || c == 0xFFFF;
}

static void put_text(html *h, const char *s, int inline_only)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        unsigned c;
        int n = utf8_next(p, &c);
        if (n == 0) { fprintf(h->f, "\\x%02x", *p); p++; continue; }
        if (c == '\r' && p[1] == '\n') { p++; continue; }
        if (c == '\n' || c == '\r') fputs(inline_only ? " " : "<br/>", h->f);
        else if (c == '\t') fputc(' ', h->f);
        else if (acts(c)) fprintf(h->f, c < 0x80 ? "\\x%02x" : "\\u%04x", c);
        else if (c == '&') fputs("&amp;", h->f);
        else if (c == '<') fputs("&lt;", h->f);
        else if (c == '>') fputs("&gt;", h->f);
        else if (c == '"') fputs("&quot;", h->f);
        else if (c == '\'') fputs("&#39;", h->f);
        else fwrite(p, 1, (size_t)n, h->f);
        p += n;
    }
}

void html_text(html *h, const char *s)
{
    put_text(h, s, 0);
}

void html_text_inline(html *h, const char *s)
{
    put_text(h, s, 1);
}

void html_word(html *h, word_id w)
{
    put_text(h, words_text(h->lang, w), 1);
}

/* YYYY-MM-DD: kept on one line (a browser may break it at a hyphen). */
static int is_date(const char *s)
{
    int i;
    if (!s || strlen(s) != 10) return 0;
    for (i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return 0;
    return 1;
}

void html_date(html *h, const char *s)
{
    fputs("<span class=\"date\">", h->f);
    put_text(h, s, 1);
    fputs("</span>", h->f);
}

void html_wordf(html *h, word_id w, ...)
{
    const char *fmt = words_text(h->lang, w), *p = fmt;
    va_list ap;
    va_start(ap, w);
    while (*p) {
        const char *q = strchr(p, '%');
        size_t k = q ? (size_t)(q - p) : strlen(p);
        if (k) {
            char *lit = xalloc_zeroed(k + 1, 1);
            memcpy(lit, p, k);
            put_text(h, lit, 1);
            free(lit);
        }
        if (!q) break;
        if (q[1] == 's') {
            const char *a = va_arg(ap, const char *);
            if (is_date(a)) html_date(h, a);
            else put_text(h, a, 1);
        }
        else if (q[1] == 'd') fprintf(h->f, "%d", va_arg(ap, int));
        else if (q[1] == '%') fputc('%', h->f);
        else break;   /* test_words holds the documents to %s, %d and %% */
        p = q + 2;
    }
    va_end(ap);
}

void html_elem(html *h, const char *tag, const char *text)
{
    size_t n = strcspn(tag, " ");
    fprintf(h->f, "<%s>", tag);
    put_text(h, text, 0);
    fprintf(h->f, "</%.*s>", (int)n, tag);
}

void html_elem_word(html *h, const char *tag, word_id w)
{
    html_elem(h, tag, words_text(h->lang, w));
}

/* {=========== numbers ============ */

/* Plain "-1234.5" (dec_format_*) as the language writes it. */
static char *localise(const html *h, const char *plain)
{
    const char *p = plain, *dot, *end;
    size_t digits, i, cap = strlen(plain) * 4 + 8, n = 0;
    char *out = xalloc_zeroed(cap, 1);
    int neg = *p == '-';
    if (neg) {
        p++;
        if (h->sv) { memcpy(out, "\xE2\x88\x92", 3); n = 3; }   /* U+2212 minus sign */
        else out[n++] = '-';
    }
    end = p + strcspn(p, "/");
    dot = memchr(p, '.', (size_t)(end - p));
    digits = (size_t)((dot ? dot : end) - p);
    for (i = 0; i < digits; i++) {
        if (i && (digits - i) % 3 == 0) {
            if (h->sv) { memcpy(out + n, "\xC2\xA0", 2); n += 2; }   /* no-break space */
            else out[n++] = ',';
        }
        out[n++] = p[i];
    }
    if (dot) {
        out[n++] = h->sv ? ',' : '.';
        memcpy(out + n, dot + 1, (size_t)(end - dot - 1));
        n += (size_t)(end - dot - 1);
    }
    if (*end == '/') {   /* p/q: the denominator as well */
        char *den = localise(h, end + 1);
        out[n++] = '/';
        memcpy(out + n, den, strlen(den));
        n += strlen(den);
        free(den);
    }
    out[n] = '\0';
    return out;
}

char *html_number(const html *h, const mpq_t x, int places, dec_mode mode)
{
    mpq_t r;
    char *plain, *s;
    int approx = 0;
    mpq_init(r);
    if (places >= 0) {
        dec_round(r, x, places, mode);
        plain = dec_format_fixed(r, places);
    } else if (dec_is_terminating(x)) {
        plain = dec_format_exact(x);
    } else {
        /* a third or a sixth: the exact value is in the JSON and the
           workbook; here it is shown as a reader can read it */
        dec_round(r, x, 2, DEC_HALF_UP);
        plain = dec_format_fixed(r, 2);
        approx = 1;
    }
    mpq_clear(r);
    if (!plain) { fputs("anbud: out of memory\n", stderr); exit(2); }
    s = localise(h, plain);
    free(plain);
    if (approx) {
        char *t = xalloc_zeroed(strlen(s) + 8, 1);
        memcpy(t, "\xE2\x89\x88", 3);   /* U+2248 almost equal to */
        t[3] = h->sv ? '\xC2' : ' ';
        if (h->sv) { t[4] = '\xA0'; strcpy(t + 5, s); }
        else strcpy(t + 4, s);
        free(s);
        s = t;
    }
    return s;
}

char *html_money(const html *h, const mpq_t x, int places, dec_mode mode)
{
    char *n = html_number(h, x, places, mode), *s;
    const char *cur = h->currency && h->currency[0] ? h->currency : "SEK";
    size_t len = strlen(n) + strlen(cur) + 8;
    s = xalloc_zeroed(len, 1);
    if (h->sv) snprintf(s, len, "%s\xC2\xA0%s", n, strcmp(cur, "SEK") == 0 ? "kr" : cur);
    else snprintf(s, len, "%s\xC2\xA0%s", cur, n);
    free(n);
    return s;
}

int html_money_places(const mpq_t x)
{
    mpz_t r;
    int ok;
    if (mpz_cmp_ui(mpq_denref(x), 1) == 0) return 0;
    mpz_init(r);
    mpz_mul_ui(r, mpq_numref(x), 100);
    ok = mpz_divisible_p(r, mpq_denref(x));
    mpz_clear(r);
    return ok ? 2 : -1;
}

void html_num(html *h, const mpq_t x, int places, dec_mode mode)
{
    char *s = html_number(h, x, places, mode);
    put_text(h, s, 1);
    free(s);
}

void html_amount(html *h, const mpq_t x, int places, dec_mode mode)
{
    char *s = html_money(h, x, places, mode);
    put_text(h, s, 1);
    free(s);
}

/* }================================= */

/* {=========== inline SVG ============ */

long html_scale(const mpq_t x, const mpq_t max, long width)
{
    mpq_t q;
    mpz_t z;
    long v;
    if (mpq_sgn(max) == 0) return 0;
    mpq_init(q);
    mpz_init(z);
    mpq_div(q, x, max);
    mpq_abs(q, q);
    mpz_mul_si(mpq_numref(q), mpq_numref(q), width);
    mpz_fdiv_q(z, mpq_numref(q), mpq_denref(q));
    v = mpz_cmp_si(z, width) > 0 ? width : mpz_get_si(z);
    mpz_clear(z);
    mpq_clear(q);
    return v;
}

/* Colours that stay apart in grey print as well: dark to light. */
static const char *const palette[] = {
    "#1f4e79", "#c55a11", "#548235", "#7030a0", "#bf9000", "#2e75b6", "#a50021", "#7f7f7f",
    "#00827f", "#833c0b"
};

const char *html_color(int c)
{
    if (c < 0) return "#bfbfbf";
    return palette[c % (int)(sizeof palette / sizeof *palette)];
}

void html_svg_begin(html *h, long width, long height, const char *title)
{
    fprintf(h->f, "<div class=\"chart\"><svg width=\"%ld\" height=\"%ld\" "
            "viewBox=\"0 0 %ld %ld\" role=\"img\" font-family=\"Arial, Helvetica, sans-serif\" font-size=\"11\">"
            "<title>", width, height, width, height);
    put_text(h, title, 1);
    fputs("</title>\n", h->f);
}

void html_svg_end(html *h)
{
    fputs("</svg></div>\n", h->f);
}

void html_svg_bar(html *h, long x, long y, long w, long height, int c, int light)
{
    if (w <= 0) return;
    if (light)   /* on white: the part it stands for is not in the bar */
        fprintf(h->f, "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"%ld\" fill=\"#ffffff\"/>\n"
                "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"%ld\" fill=\"%s\" fill-opacity=\"0.25\" "
                "stroke=\"%s\" stroke-dasharray=\"3,2\"/>\n", x, y, w, height, x, y, w, height, html_color(c),
                html_color(c));
    else
        fprintf(h->f, "<rect x=\"%ld\" y=\"%ld\" width=\"%ld\" height=\"%ld\" fill=\"%s\"/>\n", x, y, w, height,
                html_color(c));
}

void html_svg_text(html *h, long x, long y, const char *anchor, int bold, const char *text)
{
    fprintf(h->f, "<text x=\"%ld\" y=\"%ld\" text-anchor=\"%s\"%s>", x, y, anchor,
            bold ? " font-weight=\"bold\"" : "");
    put_text(h, text, 1);
    fputs("</text>\n", h->f);
}

void html_legend(html *h, int c, int light, const char *name)
{
    fprintf(h->f, "<span class=\"sw\" style=\"background: %s;%s\"></span>", html_color(c),
            light ? " opacity: 0.35;" : "");
    put_text(h, name, 1);
}

/* }================================= */
