/* SPDX-License-Identifier: MIT */
/*
** model_lookup.c: finding a model's declarations by the names people write
** in input files (model.h: model_find_*, model_scale_level). An exact match
** wins; otherwise case is ignored for ASCII and the Latin-1 letters (Å Ä Ö).
*/
#include <string.h>
#include "model.h"
#include "text.h"


/* Index of id among n names found by name(i): exact first, then folded. */
#define FIND(n, name, id)                                               \
    do {                                                                \
        int i_;                                                         \
        if (!(id)) return -1;                                           \
        for (i_ = 0; i_ < (n); i_++)                                    \
            if ((name) && strcmp((name), (id)) == 0) return i_;         \
        for (i_ = 0; i_ < (n); i_++)                                    \
            if (text_name_eq((name), (id))) return i_;                       \
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

int model_find_lot(const model *m, const char *id)
{
    FIND(m->nlots, m->lots[i_].id, id);
}

int model_in_lot(const int *lots, int nlots, int lot)
{
    int i;
    if (nlots == 0) return 1;
    for (i = 0; i < nlots; i++) if (lots[i] == lot) return 1;
    return 0;
}
