/* SPDX-License-Identifier: MIT */
/*
** seed.c: the canonical text of an evaluation's figures and the default
** lottery seed derived from it (seed.h). Values are taken as the reader
** bound them, after decoding: numbers in their exact decimal form, answers
** as the model declares them, so CSV and .xlsx, UTF-8 and Windows-1252,
** CRLF and LF, "1 000,50 kr" and "1000.5" give the same text.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "seed.h"
#include "sha256.h"
#include "xalloc.h"

typedef struct lines {
    char **v;
    size_t n, cap;
    char *cur;              /* the line being built */
    size_t len, size;
} lines;

static void put(lines *l, const char *s, size_t n)
{
    if (l->len + n + 1 > l->size) {
        size_t size = (l->size ? l->size * 2 : 256);
        while (size < l->len + n + 1) size *= 2;
        l->cur = realloc(l->cur, size);
        if (!l->cur) { fputs("anbud: out of memory\n", stderr); exit(2); }
        l->size = size;
    }
    memcpy(l->cur + l->len, s, n);
    l->len += n;
    l->cur[l->len] = '\0';
}

/* A value: backslash, tab, line feed and carriage return escaped, so that
   a line has exactly its fields and ends at its "\n". */
static void field(lines *l, const char *s)
{
    put(l, "\t", 1);
    for (; s && *s; s++) {
        switch (*s) {
        case '\\': put(l, "\\\\", 2); break;
        case '\t': put(l, "\\t", 2); break;
        case '\n': put(l, "\\n", 2); break;
        case '\r': put(l, "\\r", 2); break;
        default: put(l, s, 1);
        }
    }
}

static void begin(lines *l, const char *kind)
{
    l->len = 0;
    put(l, kind, strlen(kind));
}

/* The line without its "\n": sorted so, one that is the beginning of
   another comes first, as in sort(1). */
static void end(lines *l)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 64;
        l->v = realloc(l->v, l->cap * sizeof *l->v);
        if (!l->v) { fputs("anbud: out of memory\n", stderr); exit(2); }
    }
    l->v[l->n++] = xalloc_strdup(l->cur);
}

static void number(lines *l, const mpq_t x)
{
    char *s = dec_format_exact(x);
    if (!s) { fputs("anbud: out of memory\n", stderr); exit(2); }
    field(l, s);
    free(s);
}

static const char *lot_name(const model *m, int lot)
{
    return lot >= 0 && lot < m->nlots ? m->lots[lot].id : "";
}

static int cmp_line(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *seed_canonical_text(const model *m, const anbud_inputs *in)
{
    lines l;
    size_t i, total = 1;
    int b, f;
    char *out, *p;
    memset(&l, 0, sizeof l);
    begin(&l, "model");
    field(&l, m->sha256);
    end(&l);
    for (b = 0; b < in->nbids; b++) {
        const input_bid *ib = &in->bids[b];
        const char *lot = lot_name(m, ib->lot);
        begin(&l, "bid");
        field(&l, ib->id);
        field(&l, lot);
        field(&l, ib->bidder);
        end(&l);
        for (f = 0; f < ib->nfields && f < m->nfields; f++) {
            const input_value *v = &ib->fields[f];
            const model_field *fd = &m->fields[f];
            /* text (an organisation number, a note) decides no figure */
            if (!v->present || fd->kind == FIELD_TEXT) continue;
            begin(&l, "field");
            field(&l, ib->id);
            field(&l, lot);
            field(&l, fd->id);
            if (fd->kind == FIELD_ANSWER && v->answer >= 0 && v->answer < fd->nanswers)
                field(&l, fd->answers[v->answer]);
            else number(&l, v->num);
            end(&l);
        }
    }
    for (i = 0; i < (size_t)in->nscores; i++) {
        const input_score *s = &in->scores[i];
        /* evaluators' names decide no figure (and --public leaves them out) */
        begin(&l, "score");
        field(&l, in->bids[s->bid].id);
        field(&l, lot_name(m, s->lot));
        field(&l, m->criteria[s->criterion].id);
        field(&l, s->consensus ? "consensus" : "evaluator");
        /* a recusal (jäv) changes the panel: it is a fact of its own */
        if (s->recused) field(&l, "recused");
        else number(&l, s->value);
        end(&l);
    }
    for (i = 0; i < (size_t)in->nanswers; i++) {
        const input_answer *a = &in->answers[i];
        begin(&l, "requirement");
        field(&l, in->bids[a->bid].id);
        field(&l, lot_name(m, a->lot));
        field(&l, m->reqs[a->requirement].id);
        field(&l, a->met ? "yes" : "no");
        end(&l);
    }
    qsort(l.v, l.n, sizeof *l.v, cmp_line);
    for (i = 0; i < l.n; i++) total += strlen(l.v[i]) + 1;
    out = p = xalloc_zeroed(total, 1);
    for (i = 0; i < l.n; i++) {
        size_t n = strlen(l.v[i]);
        memcpy(p, l.v[i], n);
        p += n;
        *p++ = '\n';
        free(l.v[i]);
    }
    *p = '\0';
    free(l.v);
    free(l.cur);
    return out;
}

void seed_derive(const model *m, const anbud_inputs *in, char hex[65])
{
    char *t = seed_canonical_text(m, in);
    sha256_hex(t, strlen(t), hex);
    free(t);
}
