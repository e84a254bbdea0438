/* SPDX-License-Identifier: MIT */
/*
** text.h: comparing names as procurers type them: column headers, bid ids,
** criterion ids, scale labels and answers match whatever the case of ASCII
** and Latin-1 letters (Å Ä Ö É Ü ...); and appending to a fixed buffer
** without cutting a UTF-8 character; and showing untrusted text on a
** terminal. A leaf: knows nothing else.
*/
#ifndef ANBUD_TEXT_H
#define ANBUD_TEXT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* 1 if a and b are equal ignoring the case of those letters; 0 if not, or
   if either is NULL. Both are UTF-8. */
int text_name_eq(const char *a, const char *b);

/* a folded the same way, as a key for lookups: malloc'd, NULL if out of memory. */
char *text_name_fold(const char *a);

/* Append s to the NUL-terminated buf of size bytes, after sep when buf is
   not empty; what does not fit is cut at a UTF-8 character boundary. */
void text_append(char *buf, unsigned long size, const char *sep, const char *s);

/* Where s[0..n) first holds what XML 1.0 cannot carry, and so neither can a
   workbook's XML: a control character other than tab, line feed and carriage
   return (U+0000..U+001F but those three), a surrogate, U+FFFE, U+FFFF, or
   bytes that are not UTF-8. Returns its offset, or n if there is none; *cp
   gets its code point, or -1 for a byte that is not UTF-8. */
unsigned long text_xml_bad(const char *s, unsigned long n, long *cp);

/* A phrase naming what text_xml_bad found, for messages:
   "the control character U+0001", "the noncharacter U+FFFE", "the byte 0xC3
   that is not UTF-8"; into buf (at least 48 bytes). */
const char *text_xml_what(char *buf, unsigned long size, long cp,
                          unsigned char byte);

/* The length of s[0..n) without a UTF-8 character cut short at its end,
   as snprintf into a fixed buffer leaves one. */
unsigned long text_utf8_whole(const char *s, unsigned long n);

/* s, or a copy in *cut (the caller frees it) without the character a fixed
   buffer cut short at its end: a long name in a composed line is not a
   reason to fail a write. *cut is NULL when s is returned as it is. */
const char *text_utf8_whole_copy(const char *s, char **cut);

/* 0 if s (NUL-terminated, may be NULL) is text XML can hold; else 1, with
   msg holding "the text \"Anbud ...\" holds the noncharacter U+FFFF": what
   came before it (at most 60 bytes, line breaks as spaces) and what it is.
   The workbook writers check every string they hand to libxlsxwriter. */
int text_xml_check(const char *s, char *msg, unsigned long size);

/* {=========== untrusted text on a terminal ============ */
/* Names, reasons and messages come from bids and models, which may be
   hostile: a terminal would obey their control characters (recolour, move
   the cursor, erase the ranking, reorder it with bidi overrides, break the
   one-line error). These show such a character visibly instead: C0
   controls and DEL as \xHH (\x1b, \x0a), C1 controls (U+0080..U+009F), the
   line and paragraph separators U+2028/U+2029 and the bidi embeddings,
   overrides and isolates (U+202A..U+202E, U+2066..U+2069) as \uHHHH, and a
   byte that is not part of valid UTF-8 as \xHH. Everything else, a
   backslash too, is copied as it is. */

/* Write s escaped into dst of size bytes (NUL-terminated, cut before an
   escape or a character that does not fit); return the escaped length, as
   snprintf does, so dst can be sized. s may be NULL (""). */
size_t text_escape(char *dst, size_t size, const char *s);

/* s escaped, malloc'd (exits on out of memory, see xalloc.h). */
char *text_escaped(const char *s);

/* fprintf where every %s argument is escaped as above; the format itself
   is trusted (its \n and \t are printed). Supports the conversions
   d i u o x X c s e f g a p with flags, width, precision (also *) and the
   length modifiers hh h l ll z j t L. */
int text_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int text_vprintf(FILE *f, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* }================================= */

#endif
