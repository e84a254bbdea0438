/*
** html.h: writing an HTML document that stands alone (the award decision,
** the letters, the individual report): escaping every text that came from
** a model or a bid, numbers as a reader of the language writes them, the
** page's CSS for A4 and bar charts as inline SVG. No script, no outside
** resource, no time of day: the same calls write the same bytes. The markup
** is well-formed XML as well as HTML (void elements closed, no named entity
** but the five of XML), so that any parser reads it the same way.
** Knows words.h and decimal.h, nothing of the evaluation.
*/
#ifndef ANBUD_HTML_H
#define ANBUD_HTML_H

#include <stdio.h>
#include <gmp.h>
#include "decimal.h"
#include "words.h"

typedef struct html {
    FILE *f;
    const char *lang;       /* "sv" or "en": the words and the numbers */
    int sv;
    const char *currency;   /* the model's ("SEK"), or NULL */
} html;

void html_init(html *h, FILE *f, const char *lang, const char *currency);

/* The document's head (charset, title, the page CSS) and the opening of
   its body; html_end closes both. title is escaped. */
void html_begin(html *h, const char *title);
void html_end(html *h);

/* Markup the program wrote itself: written as it is. */
void html_raw(html *h, const char *s);

/* Untrusted text (a bid's name, a justification, a reason): & < > " '
   as references; a line break as <br/> (a space where br cannot stand:
   inline=1); control characters, bidi embeddings, overrides, isolates and
   marks, the line and paragraph separators and bytes that are not UTF-8
   shown visibly as \xHH / \uHHHH (as text.h shows them on a terminal), so
   that a name cannot reorder or hide what stands beside it. */
void html_text(html *h, const char *s);
void html_text_inline(html *h, const char *s);

/* The text of word w in the document's language, escaped. */
void html_word(html *h, word_id w);

/* A date YYYY-MM-DD, escaped, on one line. */
void html_date(html *h, const char *s);

/* Word w as a format: %s takes a char * (untrusted text, escaped as
   html_text_inline; a date as html_date), %d an int, %% a percent sign;
   nothing else. Every document word with arguments takes only these
   (words.h). */
void html_wordf(html *h, word_id w, ...);

/* An element holding escaped text: <tag>text</tag>, tag may have
   attributes ("td class=\"n\""); the closing tag is the first word. */
void html_elem(html *h, const char *tag, const char *text);
void html_elem_word(html *h, const char *tag, word_id w);

/* {=========== numbers ============ */
/* x at places decimals (rounded in mode; places < 0: exactly, when x has
   a finite decimal expansion, else to two decimals after an "≈"), as the
   language writes it: Swedish "772 883", "70,83", "−1,5" (no-break space
   between groups of three, decimal comma, minus sign U+2212); English
   "772,883", "70.83", "-1.5". malloc'd. */
char *html_number(const html *h, const mpq_t x, int places, dec_mode mode);

/* The same with the currency: Swedish "772 883 kr" (SEK) or "772 883 EUR",
   English "SEK 772,883". malloc'd. */
char *html_money(const html *h, const mpq_t x, int places, dec_mode mode);

/* The decimals an amount of money is shown with when no precision is
   declared: 0 for whole kronor, 2 for öre, else -1 (exact). */
int html_money_places(const mpq_t x);

void html_num(html *h, const mpq_t x, int places, dec_mode mode);
void html_amount(html *h, const mpq_t x, int places, dec_mode mode);
/* }================================= */

/* {=========== inline SVG ============ */
/* A chart is drawn in whole pixels: lengths are scaled from the exact
   figures by html_scale (integer arithmetic, no floating point). */

/* floor(|x| * width / |max|), 0 when max is 0; at most width. */
long html_scale(const mpq_t x, const mpq_t max, long width);

/* <svg> of width x height with a title for readers that cannot see it
   (escaped); html_svg_end closes it. */
void html_svg_begin(html *h, long width, long height, const char *title);
void html_svg_end(html *h);

/* A bar: a rectangle filled with palette colour c (0, 1, ...; -1 grey);
   light=1 draws it pale with a dashed outline (a deduction: what was taken
   off the bar before it). */
void html_svg_bar(html *h, long x, long y, long w, long height, int c, int light);

/* Text at x, y (baseline), escaped; anchor "start", "end" or "middle";
   bold=1 for the winner's. */
void html_svg_text(html *h, long x, long y, const char *anchor, int bold, const char *text);

/* The palette colour c as #rrggbb (for a legend beside a chart). */
const char *html_color(int c);

/* A legend entry: a small square of colour c and its name (escaped). */
void html_legend(html *h, int c, int light, const char *name);
/* }================================= */

#endif
