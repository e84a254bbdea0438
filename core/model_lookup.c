/*
** model_lookup.c: finding a model's declarations by the names people write
** in input files (model.h: model_find_*, model_scale_level). An exact match
** wins; otherwise case is ignored for ASCII and the Latin-1 letters (Å Ä Ö).
*/
#include <string.h>
#include "model.h"

/* Fold one UTF-8 character at *s: A-Z and U+00C0..U+00DE (but U+00D7 ×)
   to lower case; anything else compares as its bytes. */
static unsigned fold_next(const unsigned char **s)
{
    const unsigned char *p = *s;
    unsigned c = p[0];
    if (c >= 'A' && c <= 'Z') { *s = p + 1; return c + 32; }
    if (c == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97) {
        *s = p + 2;
        return 0xC300u | (p[1] + 32u);
    }
    if (c == 0xC3 && p[1]) { *s = p + 2; return 0xC300u | p[1]; }
    *s = p + (c ? 1 : 0);
    return c;
}

static int name_eq(const char *a, const char *b)
{
    const unsigned char *p = (const unsigned char *)a;
    const unsigned char *q = (const unsigned char *)b;
    if (!a || !b) return 0;
    for (;;) {
        unsigned x = fold_next(&p), y = fold_next(&q);
        if (x != y) return 0;
        if (x == 0) return 1;
    }
}

/* Index of id among n names found by name(i): exact first, then folded. */
#define FIND(n, name, id)                                               \
    do {                                                                \
        int i_;                                                         \
        if (!(id)) return -1;                                           \
        for (i_ = 0; i_ < (n); i_++)                                    \
            if ((name) && strcmp((name), (id)) == 0) return i_;         \
        for (i_ = 0; i_ < (n); i_++)                                    \
            if (name_eq((name), (id))) return i_;                       \
        return -1;                                                      \
    } while (0)

int model_find_criterion(const model *m, const char *id)
{
    FIND(m->ncriteria, m->criteria[i_].id, id);
}

int model_find_field(const model *m, const char *id)
{
    FIND(m->nfields, m->fields[i_].id, id);
}

int model_find_requirement(const model *m, const char *id)
{
    FIND(m->nreqs, m->reqs[i_].id, id);
}

int model_find_scale(const model *m, const char *id)
{
    FIND(m->nscales, m->scales[i_].id, id);
}

int model_scale_level(const model_scale *s, const char *text)
{
    FIND(s->nlevels, s->labels[i_], text);
}
