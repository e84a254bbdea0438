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
#include "figcache.h"

/* Every line in one growing block, each ending in a NUL, and where each
   starts: two allocations for the whole text instead of one per line. */
typedef struct lines {
    char *text;
    size_t len, size;
    size_t *start;          /* offsets into text */
    size_t n, cap;
    figcache *figures;      /* the texts of numbers, which repeat */
} lines;

static void put(lines *l, const char *s, size_t n)
{
    if (l->len + n + 1 > l->size) {
        size_t size = (l->size ? l->size * 2 : 65536);
        while (size < l->len + n + 1) size *= 2;
        l->text = realloc(l->text, size);
        if (!l->text) { fputs("anbud: out of memory\n", stderr); exit(2); }
        l->size = size;
    }
    memcpy(l->text + l->len, s, n);
    l->len += n;
}

/* A value: backslash, tab, line feed and carriage return escaped, so that
   a line has exactly its fields and ends at its "\n". */
static void field(lines *l, const char *s)
{
    const char *run;
    put(l, "\t", 1);
    if (!s) return;
    for (run = s; *s; s++) {
        const char *e;
        switch (*s) {
        case '\\': e = "\\\\"; break;
        case '\t': e = "\\t"; break;
        case '\n': e = "\\n"; break;
        case '\r': e = "\\r"; break;
        default: continue;
        }
        put(l, run, (size_t)(s - run));
        put(l, e, 2);
        run = s + 1;
    }
    put(l, run, (size_t)(s - run));
}

static void begin(lines *l, const char *kind)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 1024;
        l->start = realloc(l->start, l->cap * sizeof *l->start);
        if (!l->start) { fputs("anbud: out of memory\n", stderr); exit(2); }
    }
    l->start[l->n++] = l->len;
    put(l, kind, strlen(kind));
}

/* The line ends (its NUL, a "\n" in the text). */
static void end(lines *l)
{
    put(l, "", 1);
}

static void number(lines *l, const mpq_t x)
{
    const char *s = figcache_text(l->figures, x);
    if (!s) { fputs("anbud: out of memory\n", stderr); exit(2); }
    field(l, s);
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
    size_t i;
    int b, f;
    char *out, *p, **sorted;
    memset(&l, 0, sizeof l);
    l.figures = figcache_new(-1);
    /* room for about what the lines take (a few dozen bytes each), so
       that the block is seldom moved */
    l.cap = 1 + (size_t)in->nbids * (size_t)(m->nfields + 1) + (size_t)in->nscores + (size_t)in->nanswers;
    l.start = malloc(l.cap * sizeof *l.start);
    l.size = 48 * l.cap;
    l.text = malloc(l.size);
    if (!l.start || !l.text) { fputs("anbud: out of memory\n", stderr); exit(2); }
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
    /* sorted so, one line that is the beginning of another comes first, as in sort(1) */
    sorted = xalloc_zeroed(l.n + 1, sizeof *sorted);
    for (i = 0; i < l.n; i++) sorted[i] = l.text + l.start[i];
    qsort(sorted, l.n, sizeof *sorted, cmp_line);
    out = p = xalloc_zeroed(l.len + 1, 1);
    for (i = 0; i < l.n; i++) {
        size_t n = strlen(sorted[i]);
        memcpy(p, sorted[i], n);
        p += n;
        *p++ = '\n';
    }
    *p = '\0';
    free(sorted);
    figcache_free(l.figures);
    free(l.start);
    free(l.text);
    return out;
}

void seed_derive(const model *m, const anbud_inputs *in, char hex[65])
{
    char *t = seed_canonical_text(m, in);
    sha256_hex(t, strlen(t), hex);
    free(t);
}
