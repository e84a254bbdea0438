/* SPDX-License-Identifier: MIT */
/*
** cli.c: the command line. Parses the command, runs the stages in a child
** process under a CPU-time limit (what the sandbox's hooks cannot stop),
** prints the one-line error and exits with the documented code. Outputs go
** through fileio.h (all or nothing, never over an input); text from the model
** and the bids is printed through text_printf (control characters escaped).
*/
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <sys/wait.h>
#include <unistd.h>
#include "error.h"
#include "model.h"
#include "input.h"
#include "evaluate.h"
#include "award.h"
#include "rank.h"
#include "words.h"
#include "json.h"
#include "export.h"
#include "workbook.h"
#include "calendar.h"
#include "simulate.h"
#include "template.h"
#include <sys/stat.h>
#include <dirent.h>
#include <time.h>
#include "regex.h"
#include "text.h"
#include "fileio.h"
#include "xalloc.h"
#include "limbs.h"
#include "sha256.h"
#include "verify.h"
#include "doc.h"

#define ANBUD_VERSION "0.1.0"
#define CPU_LIMIT_SECONDS 120
#define WALL_LIMIT_SECONDS 600
#define PROBE_IN_WORKBOOK_MAX 100   /* bids; beyond, --probe asks for it */

static const char usage_text[] =
    "usage: anbud check MODEL.lua\n"
    "       anbud evaluate MODEL.lua INPUT... [-o OUT.xlsx] [--json OUT.json]\n"
    "                      [--public] [--lang sv|en] [--date YYYY-MM-DD] [--seed TEXT]\n"
    "                      [--probe] [--model-sha256 HASH]\n"
    "                      [--award-date YYYY-MM-DD [--notice electronic|letter]]\n"
    "                      [--decision FILE.html] [--letters DIR] [--report FILE.html]\n"
    "       anbud export MODEL.lua --format ocds|eforms [--lot NAME] [-o OUT]\n"
    "       anbud simulate MODEL.lua [--runs N] [--bids K] [--seed N] [--price-range LO HI]\n"
    "       anbud template MODEL.lua [-o FORM.xlsx] [--csv DIR] [--bids N] [--evaluators N]\n"
    "                      [--lang sv|en] [--model-sha256 HASH] [--force]\n"
    "       anbud verify MODEL.lua INPUT... WORKBOOK.xlsx [--model-sha256 HASH]\n"
    "       anbud --help | --version\n"
    "\n"
    "check     validate a model, describe what it computes, print its SHA-256\n"
    "evaluate  evaluate the bids in INPUT (CSV: bids, scores, requirements); with\n"
    "          --decision, --letters, --report also write the award decision, a letter\n"
    "          per bid into DIR and the individual report, as HTML files\n"
    "export    write the model's award criteria for a notice (OCDS JSON or eForms XML)\n"
    "template  write the input form the model expects (an .xlsx workbook, or CSV files)\n"
    "verify    prove that WORKBOOK is what anbud computes from MODEL and INPUT, or name\n"
    "          the first sheet and cell that differ\n"
    "\n"
    "exit codes: 0 ok; 1 ran but needs attention (an unresolved tie, every bid excluded);\n"
    "            2 usage or I/O error; 3 model error; 4 input data error;\n"
    "            5 verify: the workbook differs from what anbud computes\n";

typedef struct options {
    const char *command;
    const char *model;
    char **inputs;
    int ninputs;
    const char *json;
    const char *xlsx;
    const char *seed;
    const char *lang;
    const char *date;
    const char *model_sha256;
    const char *award_date;
    const char *decision;       /* evaluate: --decision FILE.html */
    const char *letters;        /* evaluate: --letters DIR */
    const char *report;         /* evaluate: --report FILE.html */
    int runs, sim_bids;
    const char *range_lo, *range_hi;
    const char *format;         /* export: "ocds" or "eforms" */
    const char *lot;            /* export: --lot NAME */
    const char *csv_dir;        /* template: --csv DIR */
    int tpl_bids, tpl_bids_given, evaluators, force;   /* template: --bids, --evaluators, --force */
    int notice_letter;
    int public_variant;
    int probe;
    int quiet;                  /* verify: evaluate without printing the ranking */
    char verify_dir[4096];      /* verify: its temporary folder, made and removed by main */
    char today[16];
} options;

static int fail(const anbud_error *e)
{
    char line[1200];
    error_format(e, line, sizeof line);
    for (char *p = line; *p; p++)
        if (*p == '\x1f') *p = ':';    /* a sheet's place named in a message */
    /* one line, always: a line break, or any control character of a bid's
       or a model's text, is shown escaped (text.h) */
    text_printf(stderr, "anbud: %s\n", line);
    return e->status ? (int)e->status : 2;
}

static int usage_error(const char *msg)
{
    text_printf(stderr, "anbud: %s (see anbud --help)\n", msg);
    return ANBUD_EUSAGE;
}

/* {=========== outputs ============ */
/* Every output of a command goes through fileio.h: refused when it is an
   input or another output, written to a temporary beside it, and moved
   into place only when all are written. */

/* The outputs a command writes, in order: evaluate -o then --json, export
   -o, template -o then the CSV tables of --csv (those of m, or all when m
   is NULL); kinds gets each one's template_csv, -1 for a workbook. */
static void collect_outputs(const options *o, const model *m, fileio_outputs *s, int *kinds)
{
    int t;
    fileio_outputs_init(s, strcmp(o->command, "template") == 0 && !o->force);
    if (o->xlsx) {
        if (kinds) kinds[s->n] = -1;
        fileio_outputs_add(s, "-o", o->xlsx);
    }
    if (o->json) {
        if (kinds) kinds[s->n] = -1;
        fileio_outputs_add(s, "--json", o->json);
    }
    if (o->decision) {
        if (kinds) kinds[s->n] = -1;
        fileio_outputs_add(s, "--decision", o->decision);
    }
    if (o->report) {
        if (kinds) kinds[s->n] = -1;
        fileio_outputs_add(s, "--report", o->report);
    }
    for (t = 0; o->csv_dir && t < TEMPLATE_CSV_COUNT; t++) {
        const char *name = template_csv_name(m, (template_csv)t);
        size_t len = strlen(o->csv_dir);
        char *p;
        if (!name) continue;
        p = xalloc_zeroed(len + strlen(name) + 2, 1);
        sprintf(p, "%s%s%s", o->csv_dir, len && o->csv_dir[len - 1] == '/' ? "" : "/", name);
        if (kinds) kinds[s->n] = t;
        fileio_outputs_add(s, "--csv", p);
        free(p);
    }
}

/* Refuse an output that is the model, an input or another output. */
static anbud_status check_outputs(const options *o, const fileio_outputs *s, anbud_error *err)
{
    char **list = xalloc_zeroed((size_t)o->ninputs + 1, sizeof *list);
    anbud_status st;
    list[0] = (char *)(uintptr_t)o->model;
    if (o->ninputs) memcpy(list + 1, o->inputs, (size_t)o->ninputs * sizeof *list);
    st = fileio_outputs_check(s, list, o->ninputs + 1, err);
    free(list);
    return st;
}

/* libxlsxwriter prints its own "[ERROR] ..." lines on stderr, where
   anbud's one line must stand alone: while a workbook is written, stderr
   goes to /dev/null, and the failure comes back as an lxw_error that the
   writer turns into anbud's message. Returns the saved stderr (or -1). */
static int stderr_quiet(void)
{
    int saved, nul;
    fflush(stderr);
    saved = fcntl(2, F_DUPFD_CLOEXEC, 3);
    nul = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (saved >= 0 && nul >= 0) dup2(nul, 2);
    if (nul >= 0) close(nul);
    return saved;
}

static void stderr_restore(int saved)
{
    if (saved < 0) return;
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
}

/* What the workbook records of the options, for `anbud verify`. */
static void record_options(workbook_options *wo, const options *o)
{
    wo->seed = o->seed;
    wo->award_date = o->award_date;
    wo->notice_letter = o->notice_letter;
    wo->probe = o->probe;
}

static char workbook_sha256[65];    /* of the workbook written, for the JSON */

/* The name of the file in path, without its folder. */
static const char *file_name(const char *path)
{
    const char *s = strrchr(path, '/'), *b = strrchr(path, '\\');
    if (b && (!s || b > s)) s = b;
    return s ? s + 1 : path;
}

/* One document into output i of s: the award decision, the report or a
   letter (bid). */
static anbud_status write_document(const options *o, const award *a, fileio_outputs *s, int i,
                                   const char *bid, anbud_error *err)
{
    doc_options dop;
    FILE *f;
    anbud_status st = fileio_output_begin(s, i, &f, err);
    int bad;
    if (st) return st;
    dop.lang = o->lang ? o->lang : a->m->lang;
    dop.public_variant = o->public_variant;
    dop.version = ANBUD_VERSION;
    dop.date = o->date ? o->date : o->today;
    if (bid) bad = doc_write_letter(f, a, bid, &dop);
    else if (strcmp(s->out[i].option, "--decision") == 0) bad = doc_write_decision(f, a, &dop);
    else bad = doc_write_report(f, a, &dop);
    st = fileio_output_close(s, i, f, err);
    if (!st && bad) st = error_set(err, ANBUD_EUSAGE, s->out[i].path, 0, 0, "cannot write: %s", strerror(EIO));
    return st;
}

/* evaluate: the workbook, the JSON and the documents, all or nothing;
   letters[k] goes to output first_letter + k. */
static anbud_status write_outputs(const options *o, const award *a, fileio_outputs *s, const doc_letter *letters,
                                  int first_letter, anbud_error *err)
{
    anbud_status st = ANBUD_OK;
    int i = 0;
    if (o->xlsx) {
        workbook_options wo;
        wo.lang = o->lang ? o->lang : a->m->lang;
        wo.public_variant = o->public_variant;
        wo.version = ANBUD_VERSION;
        wo.date = o->date ? o->date : o->today;
        record_options(&wo, o);
        st = fileio_output_begin(s, i, NULL, err);
        if (!st) {
            int saved = stderr_quiet();
            st = workbook_write(a, s->out[i].tmp, &wo, err);
            stderr_restore(saved);
            if (st) snprintf(err->file, sizeof err->file, "%s", o->xlsx);
        }
        /* the JSON records the SHA-256 of the workbook beside it */
        if (!st && o->json && sha256_file(s->out[i].tmp, workbook_sha256) != 0)
            st = error_set(err, ANBUD_EUSAGE, o->xlsx, 0, 0, "cannot read back: %s", strerror(errno));
        i++;
    }
    if (!st && o->json) {
        FILE *f;
        st = fileio_output_begin(s, i, &f, err);
        if (!st) {
            int bad = json_write_award(f, a, ANBUD_VERSION, o->xlsx ? file_name(o->xlsx) : NULL,
                                       o->xlsx ? workbook_sha256 : NULL, o->public_variant) != 0;
            st = fileio_output_close(s, i, f, err);
            if (!st && bad) st = error_set(err, ANBUD_EUSAGE, o->json, 0, 0, "cannot write: %s", strerror(EIO));
        }
        i++;
    }
    if (!st && o->decision) st = write_document(o, a, s, i++, NULL, err);
    if (!st && o->report) st = write_document(o, a, s, i++, NULL, err);
    for (i = first_letter; !st && letters && i < s->n; i++)
        st = write_document(o, a, s, i, letters[i - first_letter].bid, err);
    if (!st) return fileio_outputs_commit(s, err);
    fileio_outputs_abort(s);
    return st;
}

/* }====================================== */

/* {=========== terminal output ============ */
/* Every name, reason and warning printed here comes from the model or the
   bids: printed with text_printf, which escapes their control characters. */

/* Width in characters of text as text_printf shows it (continuation bytes
   do not count). */
static int width(const char *s)
{
    char *e = text_escaped(s);
    int w = 0;
    for (const char *p = e; *p; p++) if (((unsigned char)*p & 0xC0) != 0x80) w++;
    free(e);
    return w;
}

static void pad(const char *s, int w)
{
    text_printf(stdout, "%-*s", w, s);
}

/* text_printf of the words of id w in the run's language, with a newline. */
static void say(const award *a, word_id w, ...)
{
    va_list ap;
    char *s;
    va_start(ap, w);
    s = words_vprintf(a->lang, w, ap);
    va_end(ap);
    text_printf(stdout, "%s\n", s);
    free(s);
}

/* "1 lot", "3 lots" in the run's language, into buf. */
static const char *lots_words(const award *a, int n, char *buf, size_t size)
{
    words_snprintf(buf, size, a->lang, n == 1 ? W_EVAL_N_LOTS_ONE : W_EVAL_N_LOTS, n);
    return buf;
}

static void print_lot(const award *a, const award_lot *l)
{
    const evaluation *ev = &l->ev;
    const model *m = ev->m;
    const char *lang = a->lang;
    int i, wr, wb, wn;
    wr = width(words_text(lang, W_EVAL_T_RANK));
    wb = width(words_text(lang, W_EVAL_T_BID));
    wn = width(words_text(lang, W_EVAL_T_BIDDER));
    if (wr < 4) wr = 4;
    if (wb < 3) wb = 3;
    if (wn < 6) wn = 6;
    if (a->m->nlots) {
        putchar('\n');
        say(a, W_EVAL_T_LOT, l->id, l->text);
    }
    for (i = 0; i < ev->nbids; i++) {
        const input_bid *ib = &ev->in->bids[i];
        if (width(ib->id) > wb) wb = width(ib->id);
        if (width(ib->bidder ? ib->bidder : "") > wn) wn = width(ib->bidder ? ib->bidder : "");
    }
    pad(words_text(lang, W_EVAL_T_RANK), wr + 2);
    pad(words_text(lang, W_EVAL_T_BID), wb + 2);
    pad(words_text(lang, W_EVAL_T_BIDDER), wn + 2);
    text_printf(stdout, "%s\n", words_text(lang, W_EVAL_T_TOTAL));
    for (i = 0; i < ev->nranked; i++) {
        const eval_bid *b = &ev->bids[ev->order[i]];
        const input_bid *ib = &ev->in->bids[b->input];
        char *t;
        mpq_t r;
        mpq_init(r);
        if (ev->total_places >= 0) {
            dec_round(r, b->total_exact, ev->total_places, ev->total_mode);
            t = dec_format_fixed(r, ev->total_places);
        } else t = dec_format_exact(b->total_exact);
        mpq_clear(r);
        words_decimal(lang, t);   /* the decimal comma, as the reasons write it */
        printf("%*d  ", wr, b->rank);
        pad(ib->id, wb + 2);
        pad(ib->bidder ? ib->bidder : "", wn + 2);
        text_printf(stdout, "%s", t ? t : "?");
        if (b->approx) text_printf(stdout, " (%s)", words_text(lang, W_EVAL_T_APPROXIMATE));
        if (b->decided_by >= 0) {
            char *rule = rank_rule_words(m, b->decided_by, lang), *s = words_printf(lang, W_EVAL_T_DECIDED_BY, rule);
            text_printf(stdout, "  (%s)", s);
            free(rule);
            free(s);
        }
        putchar('\n');
        free(t);
    }
    for (i = 0; i < ev->nbids; i++) {
        const eval_bid *b = &ev->bids[i];
        if (!b->stage) continue;
        text_printf(stdout, "%*s   ", wr - 1, "-");
        say(a, W_EVAL_T_EXCLUDED, ev->in->bids[b->input].id, evaluation_exclusion_words(ev, i), b->reason);
    }
    for (i = 0; i < ev->in->nscores; i++) {   /* jäv: who left which bid's panel, and why */
        const input_score *sc = &ev->in->scores[i];
        if (!sc->recused) continue;
        text_printf(stdout, "  ");
        say(a, W_EVAL_T_RECUSED, sc->evaluator, ev->in->bids[sc->bid].id, m->criteria[sc->criterion].id,
            sc->justification);
    }
    if (l->nawarded) {
        text_printf(stdout, "%s", words_text(lang, l->places == 1 ? W_EVAL_T_AWARDED_TO : W_EVAL_T_CALL_OFF_ORDER));
        for (i = 0; i < l->nawarded; i++)
            text_printf(stdout, " %s%s", i ? "> " : "", ev->in->bids[ev->bids[l->awarded[i]].input].id);
        if (l->undecided) text_printf(stdout, " %s", words_text(lang, W_EVAL_T_NEXT_UNDECIDED));
        putchar('\n');
    } else if (l->undecided)
        text_printf(stdout, "%s %s\n", words_text(lang, W_EVAL_T_NOT_AWARDED), words_text(lang, W_EVAL_T_UNDECIDED));
    else text_printf(stdout, "%s\n", words_text(lang, W_EVAL_T_NOT_AWARDED));
    for (i = 0; i < ev->nbids; i++)
        if (l->passed && l->passed[i]) {
            text_printf(stdout, "  ");
            say(a, W_EVAL_T_PASSED_OVER, ev->in->bids[ev->bids[i].input].id, l->passed[i]);
        }
    if (ev->lottery_used) {
        putchar('\n');
        say(a, W_EVAL_T_SEED, ev->seed);
    }
    if (ev->has_standstill) {
        putchar('\n');
        say(a, W_EVAL_T_STANDSTILL, ev->award_date,
            words_text(lang, ev->notice_electronic ? W_EVAL_T_SENT_ELECTRONIC : W_EVAL_T_SENT_OTHER),
            ev->standstill_days, ev->standstill_end, ev->standstill_moved ? words_text(lang, W_EVAL_T_MOVED) : "");
    }
    /* the blank line before them is layout, not text: never through %s,
       which escapes a line break to "\x0a" */
    if (ev->nwarnings) putchar('\n');
    for (i = 0; i < ev->nwarnings; i++) say(a, W_EVAL_T_WARNING, ev->warnings[i]);
}

static void print_ranking(const award *a)
{
    const model *m = a->m;
    const char *lang = a->lang;
    char n[80];
    int i;
    text_printf(stdout, "%s: %s\n", m->id, m->title);
    say(a, W_EVAL_T_BASIS, model_basis_words(lang, m->basis),
        words_text(lang, a->lots[0].ev.higher_is_better ? W_EVAL_T_HIGHEST_WINS : W_EVAL_T_LOWEST_WINS), m->sha256);
    if (m->nlots) say(a, W_EVAL_T_LOTS, lots_words(a, m->nlots, n, sizeof n), model_order_words(lang, m->order_name),
                      m->cap ? "" : words_text(lang, W_EVAL_T_NO_CAP));
    if (m->cap) say(a, W_EVAL_T_CAP, lots_words(a, m->cap, n, sizeof n));
    if (!m->nlots) putchar('\n');
    for (i = 0; i < a->nlots; i++) print_lot(a, &a->lots[a->order[i]]);
    if (a->nwarnings) putchar('\n');
    for (i = 0; i < a->nwarnings; i++) say(a, W_EVAL_T_WARNING, a->warnings[i]);
}

static void print_probe(const award *a, const evaluation *ev)
{
    int i;
    putchar('\n');
    if (ev->nflips == 1) say(a, W_EVAL_T_PROBE_ONE);
    else say(a, W_EVAL_T_PROBE, ev->nflips);
    for (i = 0; i < ev->nflips; i++) {
        text_printf(stdout, "  ");
        say(a, W_EVAL_T_PROBE_FLIP, ev->in->bids[ev->bids[ev->flips[i].left_out].input].id,
            ev->in->bids[ev->bids[ev->flips[i].a].input].id, ev->in->bids[ev->bids[ev->flips[i].b].input].id);
    }
}

/* }====================================== */

int check_print(model *m, anbud_error *err);

static int run_check(const options *o)
{
    model m;
    anbud_error err;
    anbud_status st = model_load(&m, o->model, &err);
    if (!st) st = (anbud_status)check_print(&m, &err);
    model_free(&m);
    if (st && st != ANBUD_ATTENTION) return fail(&err);
    return st;
}

static anbud_status refuse_flawed(model *m, anbud_error *err);

static int run_evaluate(const options *o)
{
    model m;
    anbud_inputs in;
    award a;
    anbud_error err;
    anbud_status st;
    int rc, i, nletters = 0, first_letter = 0, made_dir = 0;
    doc_letter *letters = NULL;
    fileio_outputs outs;
    struct stat sb;
    collect_outputs(o, NULL, &outs, NULL);
    if (check_outputs(o, &outs, &err)) {
        fileio_outputs_free(&outs);
        return fail(&err);
    }
    if (o->letters && stat(o->letters, &sb) == 0 && !S_ISDIR(sb.st_mode)) {
        fileio_outputs_free(&outs);
        error_set(&err, ANBUD_EUSAGE, o->letters, 0, 0, "is not a folder; --letters needs a folder for the letters");
        return fail(&err);
    }
    memset(&in, 0, sizeof in);
    memset(&a, 0, sizeof a);
    st = model_load(&m, o->model, &err);
    if (!st && o->model_sha256 && strcasecmp(o->model_sha256, m.sha256) != 0)
        st = error_set(&err, ANBUD_EMODEL, m.name, 0, 0, "the model's SHA-256 is %s, not the published %s: "
                       "the model has changed since it was published", m.sha256, o->model_sha256);
    if (!st) st = refuse_flawed(&m, &err);
    if (!st) st = input_read(&in, &m, o->inputs, o->ninputs, &err);
    if (!st || st == ANBUD_ATTENTION) {
        anbud_status est = award_run(&a, &m, &in, o->seed, o->lang, &err);
        st = est;
        if (est == ANBUD_OK || est == ANBUD_ATTENTION) {
            anbud_status wst = ANBUD_OK;
            for (i = 0; i < a.nlots && !wst; i++) {
                evaluation *ev = &a.lots[i].ev;
                if (o->award_date) {
                    int y, mo, d;
                    calendar_parse(o->award_date, &y, &mo, &d);
                    snprintf(ev->award_date, sizeof ev->award_date, "%s", o->award_date);
                    ev->notice_electronic = !o->notice_letter;
                    calendar_standstill_end(y, mo, d, ev->notice_electronic, ev->standstill_end,
                                            &ev->standstill_days, &ev->standstill_moved);
                    ev->has_standstill = 1;
                }
                /* the workbook always shows the probe, where it costs little */
                if (o->probe || (o->xlsx && ev->nranked <= PROBE_IN_WORKBOOK_MAX)) {
                    int n = evaluation_probe(ev, &ev->flips, &err);
                    if (n < 0) wst = err.status;
                    else { ev->nflips = n; ev->probed = 1; }
                }
                /* the letters say what it would have taken to win */
                if (o->xlsx || o->letters) evaluation_sensitivity(ev);
            }
            if (!wst && o->letters) {
                /* a letter per bid: known only now, checked as every output */
                size_t len = strlen(o->letters);
                nletters = doc_letters_list(&a, &letters);
                first_letter = outs.n;
                for (i = 0; i < nletters; i++) {
                    char *p = xalloc_zeroed(len + strlen(letters[i].file) + 2, 1);
                    sprintf(p, "%s%s%s", o->letters, len && o->letters[len - 1] == '/' ? "" : "/", letters[i].file);
                    fileio_outputs_add(&outs, "--letters", p);
                    free(p);
                }
                wst = check_outputs(o, &outs, &err);
                if (!wst && stat(o->letters, &sb) != 0) {
                    if (mkdir(o->letters, 0777) != 0)
                        wst = error_set(&err, ANBUD_EUSAGE, o->letters, 0, 0, "cannot create the folder: %s",
                                        strerror(errno));
                    else made_dir = 1;
                }
            }
            if (!wst && outs.n) wst = write_outputs(o, &a, &outs, letters, first_letter, &err);
            if (wst && made_dir) rmdir(o->letters);   /* a failed run leaves nothing */
            if (wst) st = wst;
            if ((st == ANBUD_OK || st == ANBUD_ATTENTION) && !o->quiet) {
                print_ranking(&a);
                for (i = 0; i < a.nlots; i++)
                    if (a.lots[i].ev.probed && o->probe) print_probe(&a, &a.lots[i].ev);
            }
        }
    }
    rc = (st == ANBUD_OK || st == ANBUD_ATTENTION) ? (int)st : fail(&err);
    fileio_outputs_free(&outs);
    doc_letters_free(letters, nletters);
    award_free(&a);
    input_free(&in);
    model_free(&m);
    return rc;
}

/* export: the award criteria to stdout, or to -o (a temporary name, renamed). */
/* A model with an error finding of `check` (weights that do not add up,
   banded price points) is neither evaluated nor exported. */
static anbud_status refuse_flawed(model *m, anbud_error *err)
{
    model_finding *f = NULL;
    anbud_status st = ANBUD_OK;
    int i, n = model_check(m, &f, err);
    if (n < 0) return err->status;
    for (i = 0; i < n && !st; i++)
        if (f[i].error) st = error_set(err, ANBUD_EMODEL, m->name, f[i].line, 0, "%s", f[i].text);
    model_findings_free(f, n);
    return st;
}

/* With lots, the award criteria are a lot's: --lot names it. */
static anbud_status load_export_view(const options *o, model *m, anbud_error *err)
{
    int k;
    anbud_status st = model_load(m, o->model, err);
    if (st) return st;
    if (!o->lot && m->nlots == 0) return ANBUD_OK;
    if (!o->lot)
        return error_set(err, ANBUD_EUSAGE, m->name, 0, 0, "the model has %d lots, each with its own award "
                         "criteria; give --lot NAME (e.g. --lot \"%s\")", m->nlots, m->lots[0].id);
    k = model_find_lot(m, o->lot);
    if (k < 0) return error_set(err, ANBUD_EUSAGE, m->name, 0, 0, "--lot \"%s\" is not a lot of the model", o->lot);
    model_free(m);
    return model_load_lot(m, o->model, k, err);
}

static int run_export(const options *o)
{
    model m;
    anbud_error err;
    anbud_status st;
    fileio_outputs outs;
    FILE *f = stdout;
    collect_outputs(o, NULL, &outs, NULL);
    if (check_outputs(o, &outs, &err)) {
        fileio_outputs_free(&outs);
        return fail(&err);
    }
    st = load_export_view(o, &m, &err);
    if (!st) st = refuse_flawed(&m, &err);
    if (!st && outs.n) st = fileio_output_begin(&outs, 0, &f, &err);
    if (!st) {
        st = strcmp(o->format, "ocds") == 0 ? export_write_ocds(f, &m, &err) : export_write_eforms(f, &m, &err);
        if (outs.n) {
            if (st) fclose(f);
            else st = fileio_output_close(&outs, 0, f, &err);
            if (!st) st = fileio_outputs_commit(&outs, &err);
            else fileio_outputs_abort(&outs);
            if (st == ANBUD_EUSAGE) snprintf(err.file, sizeof err.file, "%s", o->xlsx);
        }
    }
    model_free(&m);
    fileio_outputs_free(&outs);
    return st ? fail(&err) : 0;
}

static int run_simulate(const options *o)
{
    model m;
    anbud_error err;
    simulate_options so;
    anbud_status st = model_load(&m, o->model, &err);
    mpq_inits(so.price_lo, so.price_hi, NULL);
    so.runs = o->runs ? o->runs : 1000;
    so.bids = o->sim_bids ? o->sim_bids : 5;
    so.progress = 1;
    so.seed = 1;
    if (!st && o->seed) {
        char *end;
        so.seed = strtoull(o->seed, &end, 10);
        if (*end) st = error_set(&err, ANBUD_EUSAGE, NULL, 0, 0, "--seed for simulate must be a whole number");
    }
    if (!st && o->range_lo) {
        if (dec_parse_plain(so.price_lo, o->range_lo) != 0 || dec_parse_plain(so.price_hi, o->range_hi) != 0 ||
            mpq_sgn(so.price_lo) < 0 || mpq_cmp(so.price_lo, so.price_hi) >= 0)
            st = error_set(&err, ANBUD_EUSAGE, NULL, 0, 0, "--price-range needs two prices LO < HI, such as 100000 200000");
    } else if (!st && m.price.has_range) {
        mpq_set(so.price_lo, m.price.range_lo);
        mpq_set(so.price_hi, m.price.range_hi);
    } else if (!st) {
        mpq_set_ui(so.price_lo, 100000, 1);
        mpq_set_ui(so.price_hi, 200000, 1);
    }
    if (!st) st = refuse_flawed(&m, &err);
    if (!st && m.nlots == 0) st = simulate_run(&m, &so, stdout, &err);
    else if (!st) {
        /* each lot as its bids will see it */
        int k;
        for (k = 0; k < m.nlots && !st; k++) {
            model v;
            if (k) putchar('\n');
            text_printf(stdout, "lot %s: %s\n", m.lots[k].id, m.lots[k].text);
            st = model_load_lot(&v, o->model, k, &err);
            if (!st) st = simulate_run(&v, &so, stdout, &err);
            model_free(&v);
        }
    }
    mpq_clears(so.price_lo, so.price_hi, NULL);
    model_free(&m);
    return st ? fail(&err) : 0;
}

/* template: the input form, to -o and/or --csv DIR. Every output goes to a
   temporary name beside it; all are moved into place at the end, and a
   failure leaves none of them. An existing file is never replaced without
   --force: it may be a form the panel has already filled in. */
#define TEMPLATE_CREATED 946728000  /* 2000-01-01 12:00 UTC: the form's creation time */

static int run_template(const options *o)
{
    model m;
    anbud_error err;
    template_options to;
    fileio_outputs outs;
    int kind[FILEIO_MAX_OUTPUTS], i, made_dir = 0;
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    struct stat sb;
    anbud_status st = model_load(&m, o->model, &err);
    fileio_outputs_init(&outs, 0);
    if (!st && o->model_sha256 && strcasecmp(o->model_sha256, m.sha256) != 0)
        st = error_set(&err, ANBUD_EMODEL, m.name, 0, 0, "the model's SHA-256 is %s, not the published %s: "
                       "the model has changed since it was published", m.sha256, o->model_sha256);
    if (!st) st = refuse_flawed(&m, &err);
    memset(&to, 0, sizeof to);
    to.lang = o->lang ? o->lang : m.lang;
    to.bids = o->tpl_bids_given ? o->tpl_bids : 20;
    to.evaluators = o->evaluators ? o->evaluators : 3;
    to.version = ANBUD_VERSION;
    to.created = sde ? (time_t)strtoll(sde, NULL, 10) : (time_t)TEMPLATE_CREATED;
    if (!st && o->csv_dir && stat(o->csv_dir, &sb) == 0 && !S_ISDIR(sb.st_mode))
        st = error_set(&err, ANBUD_EUSAGE, o->csv_dir, 0, 0, "is not a folder; --csv needs a folder for the CSV files");
    if (!st) {
        collect_outputs(o, &m, &outs, kind);
        st = check_outputs(o, &outs, &err);
    }
    for (i = 0; !st && i < outs.n; i++)
        if (!o->force && lstat(outs.out[i].path, &sb) == 0)
            st = error_set(&err, ANBUD_EUSAGE, outs.out[i].path, 0, 0, "already exists; give --force to replace it "
                           "(it may be a form that has been filled in)");
    if (!st && o->csv_dir && stat(o->csv_dir, &sb) != 0) {
        if (mkdir(o->csv_dir, 0777) != 0)
            st = error_set(&err, ANBUD_EUSAGE, o->csv_dir, 0, 0, "cannot create the folder: %s", strerror(errno));
        else made_dir = 1;
    }
    for (i = 0; !st && i < outs.n; i++) {
        if (kind[i] < 0) {
            st = fileio_output_begin(&outs, i, NULL, &err);
            if (!st) {
                int saved = stderr_quiet();
                st = template_write_xlsx(&m, outs.out[i].tmp, &to, &err);
                stderr_restore(saved);
                if (st) snprintf(err.file, sizeof err.file, "%s", outs.out[i].path);
            }
        } else {
            FILE *f;
            st = fileio_output_begin(&outs, i, &f, &err);
            if (!st) {
                st = template_write_csv(f, &m, (template_csv)kind[i], &to, &err);
                if (st) {
                    fclose(f);
                    snprintf(err.file, sizeof err.file, "%s", outs.out[i].path);
                } else st = fileio_output_close(&outs, i, f, &err);
            }
        }
    }
    if (!st) st = fileio_outputs_commit(&outs, &err);
    else fileio_outputs_abort(&outs);
    if (st && made_dir) rmdir(o->csv_dir);
    fileio_outputs_free(&outs);
    model_free(&m);
    return st ? fail(&err) : 0;
}

/* {=========== verify ============ */

/* anbud verify MODEL INPUT... WORKBOOK: evaluate again with the options the
   workbook records, into a folder of its own, and compare the two. */
static int run_verify(const options *o)
{
    const char *received = o->inputs[o->ninputs - 1];
    verify_options vo;
    anbud_error err;
    anbud_status st;
    options e = *o;
    char path[4200];
    int rc, y, mo, d, i;
    /* the workbook read as an input would fail as a form with a message
       about its cells, not about the command line */
    for (i = -1; i < o->ninputs - 1; i++) {
        const char *in = i < 0 ? o->model : o->inputs[i];
        if (fileio_same_file(received, in)) {
            error_set(&err, ANBUD_EUSAGE, received, 0, 0, "the workbook to verify is also given as the %s %s; "
                      "give the model, the input files and last the workbook", i < 0 ? "model" : "input", in);
            return fail(&err);
        }
    }
    st = verify_read_options(received, &vo, &err);
    if (st) return fail(&err);
    if (calendar_parse(vo.date, &y, &mo, &d) != 0 || (strcmp(vo.lang, "sv") != 0 && strcmp(vo.lang, "en") != 0)
        || (vo.award_date && calendar_parse(vo.award_date, &y, &mo, &d) != 0)) {
        verify_options_free(&vo);
        error_set(&err, ANBUD_EINPUT, received, 0, 0, "the options the workbook records are not a date "
                  "YYYY-MM-DD and a language sv or en");
        return fail(&err);
    }
    snprintf(path, sizeof path, "%s/computed.xlsx", o->verify_dir);
    e.command = "evaluate";
    e.ninputs = o->ninputs - 1;
    e.xlsx = path;
    e.json = NULL;
    e.date = vo.date;
    e.lang = vo.lang;
    e.seed = vo.seed;
    e.public_variant = vo.public_variant;
    e.probe = vo.probe;
    e.award_date = vo.award_date;
    e.notice_letter = vo.notice && strcmp(vo.notice, "letter") == 0;
    e.quiet = 1;
    rc = run_evaluate(&e);
    if (rc == ANBUD_OK || rc == ANBUD_ATTENTION) {
        st = verify_compare(received, path, &err);
        rc = st ? fail(&err) : 0;
        if (!st) printf("verified: %s is the workbook anbud %s computes from %s and the inputs "
                        "(date %s, language %s%s%s%s)\n", received, ANBUD_VERSION, o->model, vo.date, vo.lang,
                        vo.public_variant ? ", --public" : "", vo.seed ? ", seed given" : "",
                        vo.award_date ? ", award date" : "");
    }
    remove(path);
    verify_options_free(&vo);
    return rc;
}

/* }====================================== */

static int run_command(const options *o)
{
    if (strcmp(o->command, "verify") == 0) return run_verify(o);
    if (strcmp(o->command, "template") == 0) return run_template(o);
    if (strcmp(o->command, "check") == 0) return run_check(o);
    if (strcmp(o->command, "export") == 0) return run_export(o);
    if (strcmp(o->command, "simulate") == 0) return run_simulate(o);
    return run_evaluate(o);
}

static int is_workbook_name(const char *p)
{
    size_t n = strlen(p);
    return n > 5 && strcasecmp(p + n - 5, ".xlsx") == 0;
}

static int parse(int argc, char **argv, options *o)
{
    int i;
    memset(o, 0, sizeof *o);
    if (argc < 2) return usage_error("no command");
    o->command = argv[1];
    o->inputs = calloc((size_t)argc, sizeof *o->inputs);
    if (!o->inputs) return ANBUD_EUSAGE;
    for (i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0 || strcmp(a, "--seed") == 0 || strcmp(a, "-o") == 0 ||
            strcmp(a, "--lang") == 0 || strcmp(a, "--date") == 0 || strcmp(a, "--model-sha256") == 0 ||
            strcmp(a, "--award-date") == 0 || strcmp(a, "--notice") == 0 || strcmp(a, "--format") == 0 ||
            strcmp(a, "--lot") == 0 || strcmp(a, "--decision") == 0 || strcmp(a, "--letters") == 0 ||
            strcmp(a, "--report") == 0) {
            const char *v;
            if (i + 1 >= argc) { char msg[100]; snprintf(msg, sizeof msg, "%s needs a value", a); return usage_error(msg); }
            v = argv[++i];
            if (strcmp(a, "--json") == 0) o->json = v;
            else if (strcmp(a, "--seed") == 0) {
                /* the seed is written into the workbook, whose XML reads a CR back
                   as a line feed (verify would then compute another draw), and
                   printed: printable text only */
                char *e = text_escaped(v);
                int printable = strcmp(e, v) == 0;
                free(e);
                if (!printable) return usage_error("--seed must be printable text (no control character, "
                                                   "line break or bidi mark)");
                o->seed = v;
            }
            else if (strcmp(a, "-o") == 0) o->xlsx = v;
            else if (strcmp(a, "--lot") == 0) o->lot = v;
            else if (strcmp(a, "--decision") == 0) o->decision = v;
            else if (strcmp(a, "--report") == 0) o->report = v;
            else if (strcmp(a, "--letters") == 0) {
                if (!v[0]) return usage_error("--letters needs a folder");
                o->letters = v;
            }
            else if (strcmp(a, "--format") == 0) {
                if (strcmp(v, "ocds") != 0 && strcmp(v, "eforms") != 0) return usage_error("--format must be ocds or eforms");
                o->format = v;
            }
            else if (strcmp(a, "--award-date") == 0) {
                int y, mo, d;
                if (calendar_parse(v, &y, &mo, &d) != 0) return usage_error("--award-date must be a date YYYY-MM-DD");
                o->award_date = v;
            } else if (strcmp(a, "--notice") == 0) {
                if (strcmp(v, "electronic") == 0) o->notice_letter = 0;
                else if (strcmp(v, "letter") == 0) o->notice_letter = 1;
                else return usage_error("--notice must be electronic or letter");
            } else if (strcmp(a, "--model-sha256") == 0) {
                if (strlen(v) != 64 || strspn(v, "0123456789abcdefABCDEF") != 64)
                    return usage_error("--model-sha256 needs the 64 hex digits that check prints");
                o->model_sha256 = v;
            }
            else if (strcmp(a, "--lang") == 0) {
                if (strcmp(v, "sv") != 0 && strcmp(v, "en") != 0) return usage_error("--lang must be sv or en");
                o->lang = v;
            } else {
                int y, mo, d;
                if (calendar_parse(v, &y, &mo, &d) != 0) return usage_error("--date must be a date YYYY-MM-DD");
                o->date = v;
            }
        } else if (strcmp(o->command, "template") == 0 && (strcmp(a, "--bids") == 0 || strcmp(a, "--evaluators") == 0)) {
            char *end;
            long v;
            int ev = a[2] == 'e';
            if (i + 1 >= argc) return usage_error(ev ? "--evaluators needs a number" : "--bids needs a number");
            v = strtol(argv[++i], &end, 10);
            if (*end || !argv[i][0] || v < (ev ? 1 : 0) || v > (ev ? TEMPLATE_MAX_EVALUATORS : TEMPLATE_MAX_BIDS)) {
                char msg[100];
                snprintf(msg, sizeof msg, "%s must be %d to %d", a, ev ? 1 : 0,
                         ev ? TEMPLATE_MAX_EVALUATORS : TEMPLATE_MAX_BIDS);
                return usage_error(msg);
            }
            if (ev) o->evaluators = (int)v;
            else { o->tpl_bids = (int)v; o->tpl_bids_given = 1; }
        } else if (strcmp(a, "--csv") == 0) {
            if (i + 1 >= argc || !argv[i + 1][0]) return usage_error("--csv needs a folder");
            o->csv_dir = argv[++i];
        } else if (strcmp(a, "--force") == 0) {
            o->force = 1;
        } else if (strcmp(a, "--runs") == 0 || strcmp(a, "--bids") == 0) {
            char *end;
            long v;
            if (i + 1 >= argc) return usage_error("--runs and --bids need a number");
            v = strtol(argv[++i], &end, 10);
            if (*end || v < 1 || v > (a[2] == 'r' ? 100000 : 1000))
                return usage_error(a[2] == 'r' ? "--runs must be 1 to 100000" : "--bids must be 1 to 1000");
            if (a[2] == 'r') o->runs = (int)v; else o->sim_bids = (int)v;
        } else if (strcmp(a, "--price-range") == 0) {
            if (i + 2 >= argc) return usage_error("--price-range needs two prices: LO HI");
            o->range_lo = argv[++i];
            o->range_hi = argv[++i];
        } else if (strcmp(a, "--public") == 0) {
            o->public_variant = 1;
        } else if (strcmp(a, "--probe") == 0) {
            o->probe = 1;
        } else if (a[0] == '-' && a[1]) {
            char msg[300];
            snprintf(msg, sizeof msg, "unknown option \"%s\"", a);
            return usage_error(msg);
        } else if (!o->model) o->model = a;
        else o->inputs[o->ninputs++] = argv[i];
    }
    if (!o->model) return usage_error("no model file given");
    if (strcmp(o->command, "template") != 0 && (o->csv_dir || o->force))
        return usage_error("--csv and --force are options of template");
    if (strcmp(o->command, "evaluate") != 0 && (o->decision || o->letters || o->report))
        return usage_error("--decision, --letters and --report are options of evaluate");
    if (strcmp(o->command, "check") == 0) {
        if (o->ninputs || o->json || o->seed || o->xlsx || o->format) return usage_error("check takes only the model file");
    } else if (strcmp(o->command, "export") == 0) {
        if (!o->format) return usage_error("export needs --format ocds or --format eforms");
        if (o->ninputs || o->json || o->seed || o->public_variant || o->probe || o->lang || o->date ||
            o->model_sha256 || o->award_date)
            return usage_error("export takes only the model file, --format and -o");
    } else if (strcmp(o->command, "simulate") == 0) {
        if (o->ninputs || o->json || o->xlsx || o->format || o->public_variant || o->probe || o->lang ||
            o->date || o->model_sha256 || o->award_date)
            return usage_error("simulate takes the model file, --runs, --bids, --seed and --price-range");
    } else if (strcmp(o->command, "template") == 0) {
        if (!o->xlsx && !o->csv_dir) return usage_error("template needs -o FORM.xlsx or --csv DIR");
        if (o->ninputs || o->json || o->seed || o->format || o->public_variant || o->probe || o->date ||
            o->award_date || o->runs || o->range_lo)
            return usage_error("template takes the model file, -o, --csv, --bids, --evaluators, --lang, "
                               "--model-sha256 and --force");
    } else if (strcmp(o->command, "verify") == 0) {
        if (o->ninputs < 2 || !is_workbook_name(o->inputs[o->ninputs - 1]))
            return usage_error("verify needs the model, the input files and last the workbook .xlsx to verify");
        if (o->xlsx || o->json || o->seed || o->lang || o->date || o->public_variant || o->probe ||
            o->award_date || o->runs || o->sim_bids || o->range_lo || o->format)
            return usage_error("verify takes the model, the inputs, the workbook and --model-sha256; "
                               "the date, seed, language and options are read from the workbook");
    } else if (strcmp(o->command, "evaluate") == 0) {
        if (!o->ninputs) return usage_error("evaluate needs at least one input file (the bids)");
        if (o->runs || o->sim_bids || o->range_lo) return usage_error("--runs, --bids and --price-range are options of simulate");
        if (o->format) return usage_error("--format is an option of export");
    } else {
        char msg[300];
        snprintf(msg, sizeof msg, "unknown command \"%s\"", o->command);
        return usage_error(msg);
    }
    return 0;
}

/* verify's temporary folder is made and removed here, around the worker:
   a worker killed (Ctrl-C, its time limit) cannot remove it itself. */
static int verify_dir_make(options *o)
{
    const char *tmpdir = getenv("TMPDIR");
    anbud_error err;
    snprintf(o->verify_dir, sizeof o->verify_dir, "%s/anbud-verify-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    if (mkdtemp(o->verify_dir)) return 0;
    error_set(&err, ANBUD_EUSAGE, o->verify_dir, 0, 0, "cannot create a temporary folder: %s", strerror(errno));
    o->verify_dir[0] = '\0';
    return fail(&err);
}

/* Everything in the folder is the worker's (mkdtemp made it ours alone):
   the computed workbook, or its temporary if the worker was stopped. */
static void verify_dir_remove(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[4400];
    if (d) {
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
        closedir(d);
    }
    rmdir(dir);
}

/* What a worker killed while it wrote the letters may have left in DIR:
   its temporaries (NAME.tmp.PID) removed, a letter it had moved aside
   (NAME.old.PID) put back, and DIR itself removed if it made it. */
static void letters_cleanup(const char *dir, long pid, int existed)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char tmp[40], old[40], path[4400], back[4400];
    size_t nt, no;
    snprintf(tmp, sizeof tmp, ".tmp.%ld", pid);
    snprintf(old, sizeof old, ".old.%ld", pid);
    nt = strlen(tmp);
    no = strlen(old);
    if (d) {
        while ((e = readdir(d)) != NULL) {
            size_t n = strlen(e->d_name);
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            if (n > nt && strcmp(e->d_name + n - nt, tmp) == 0) unlink(path);
            else if (n > no && strcmp(e->d_name + n - no, old) == 0) {
                snprintf(back, sizeof back, "%s/%.*s", dir, (int)(n - no), e->d_name);
                rename(path, back);
            }
        }
        closedir(d);
    }
    if (!existed) rmdir(dir);
}

static volatile sig_atomic_t child_pid;

/* Ctrl-C or a kill reaches the child too; the parent stays to clean up. */
static void forward(int sig)
{
    if (child_pid > 0) kill((pid_t)child_pid, sig);
}

/* Run the command in a child (the worker) with a CPU-time limit: a model
   can reach C code that the instruction hook never interrupts. The
   supervisor waits without polling: SIGCHLD stays blocked and is taken by
   sigtimedwait, which also ends at the wall-clock limit. */
static int supervise(const options *o)
{
    pid_t pid, parent = getpid();
    int status = 0, timed_out = 0, letters_existed = 0;
    sigset_t chld, old;
    struct timespec deadline;
    fflush(NULL);
    if (o->letters) {
        struct stat sb;
        letters_existed = stat(o->letters, &sb) == 0;
    }
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);   /* before fork: its SIGCHLD cannot be missed */
    pid = fork();
    if (pid < 0) {   /* no fork: run without the outer limit */
        sigprocmask(SIG_SETMASK, &old, NULL);
        return run_command(o);
    }
    if (pid == 0) {
        struct rlimit cpu = { CPU_LIMIT_SECONDS, CPU_LIMIT_SECONDS + 5 };
        int rc;
        sigprocmask(SIG_SETMASK, &old, NULL);
#ifdef __linux__
        /* the worker ends with its supervisor (a kill -9 of anbud) instead of
           running on to its limits; if the supervisor is already gone, now */
        if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent) _exit(ANBUD_EUSAGE);
#else
        (void)parent;
#endif
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        /* a file-size limit (ulimit -f) is a write error to report, not a kill */
        signal(SIGXFSZ, SIG_IGN);
        setrlimit(RLIMIT_CPU, &cpu);
        rc = run_command(o);
        regex_cleanup();
        fflush(NULL);
        exit(rc);   /* not _exit: LeakSanitizer and valgrind check at exit */
    }
    child_pid = pid;
    {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = forward;
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGHUP, &sa, NULL);
    }
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += WALL_LIMIT_SECONDS;
    for (;;) {
        struct timespec now, left;
        pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid) break;
        if (r < 0 && errno != EINTR) {
            sigprocmask(SIG_SETMASK, &old, NULL);
            return usage_error("lost the evaluation process");
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        left.tv_sec = deadline.tv_sec - now.tv_sec;
        left.tv_nsec = deadline.tv_nsec - now.tv_nsec;
        if (left.tv_nsec < 0) { left.tv_sec--; left.tv_nsec += 1000000000L; }
        if (left.tv_sec < 0) {
            kill(pid, SIGKILL);
            waitpid(pid, &status, 0);
            timed_out = 1;
            break;
        }
        /* ends with the child's SIGCHLD, a forwarded signal (EINTR) or the limit */
        sigtimedwait(&chld, NULL, &left);
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    if (WIFEXITED(status) && WEXITSTATUS(status) <= ANBUD_ATTENTION) return WEXITSTATUS(status);
    {
        /* failed or killed: remove what it may have left. A worker that failed
           cleanly has already done so (this finds nothing), but one that left
           through exit() deep inside (out of memory in xalloc or limbs.c) has
           not; "a failed run leaves no partial output" holds for both. */
        fileio_outputs outs;
        collect_outputs(o, NULL, &outs, NULL);
        fileio_outputs_cleanup(&outs, (long)pid);
        fileio_outputs_free(&outs);
        if (o->letters) letters_cleanup(o->letters, (long)pid, letters_existed);
    }
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    {
        anbud_error e;
        int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
        if (sig == SIGINT || sig == SIGTERM || sig == SIGHUP)
            error_set(&e, ANBUD_EUSAGE, NULL, 0, 0, "interrupted; no output was written");
        else if (sig == SIGPIPE)   /* `anbud check … | head`: the reader left */
            error_set(&e, ANBUD_EUSAGE, NULL, 0, 0, "standard output was closed before the output was written");
        else if (sig == SIGXCPU || timed_out)
            error_set(&e, ANBUD_EMODEL, o->model, 0, 0, "the evaluation used more than its %d s time limit: "
                      "a formula of the model that runs away, or inputs too large for this machine%s",
                      sig == SIGXCPU ? CPU_LIMIT_SECONDS : WALL_LIMIT_SECONDS,
                      o->probe ? " (--probe re-runs the evaluation once per bid)" : "");
        else
            error_set(&e, ANBUD_EMODEL, o->model, 0, 0, "the evaluation stopped on signal %d", sig);
        return fail(&e);
    }
}

int main(int argc, char **argv)
{
    options o;
    int rc;
    limbs_install();   /* before any GMP number exists */
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        fputs(usage_text, stdout);
        return 0;
    }
    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        puts("anbud " ANBUD_VERSION);
        return 0;
    }
    rc = parse(argc, argv, &o);
    {
        /* the evaluation date: SOURCE_DATE_EPOCH if set (reproducible runs), else today (UTC) */
        const char *sde = getenv("SOURCE_DATE_EPOCH");
        time_t now = sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(o.today, sizeof o.today, "%Y-%m-%d", &tm);
    }
    if (rc == 0 && strcmp(o.command, "verify") == 0) rc = verify_dir_make(&o);
    if (rc == 0) rc = getenv("ANBUD_NO_FORK") ? run_command(&o) : supervise(&o);
    if (o.verify_dir[0]) verify_dir_remove(o.verify_dir);
    free(o.inputs);
    return rc;
}
