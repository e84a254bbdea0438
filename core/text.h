/*
** text.h: comparing names as procurers type them: column headers, bid ids,
** criterion ids, scale labels and answers match whatever the case of ASCII
** and Latin-1 letters (Å Ä Ö É Ü ...); and appending to a fixed buffer
** without cutting a UTF-8 character. A leaf: knows nothing else.
*/
#ifndef ANBUD_TEXT_H
#define ANBUD_TEXT_H

/* 1 if a and b are equal ignoring the case of those letters; 0 if not, or
   if either is NULL. Both are UTF-8. */
int text_name_eq(const char *a, const char *b);

/* a folded the same way, as a key for lookups: malloc'd, NULL if out of memory. */
char *text_name_fold(const char *a);

/* Append s to the NUL-terminated buf of size bytes, after sep when buf is
   not empty; what does not fit is cut at a UTF-8 character boundary. */
void text_append(char *buf, unsigned long size, const char *sep, const char *s);

#endif
