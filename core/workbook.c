/* SPDX-License-Identifier: MIT */
/*
** workbook.c: writing the audit workbook (workbook.h): opens the file, sets
** its properties and cell formats, has each sheet written, and closes it.
** The sheets are written by core/book*.c, one file per sheet (book.h): a
** model without lots gets Summary, Model, Bids, Scores, Calculation,
** Sensitivity (and Requirements); with lots, an Award sheet first and those
** sheets per lot. The Calculation sheet restates every figure of
** evaluate.c as an Excel formula over the input cells and the model's named
** parameters, caches the engine's value, and checks the two against each
** other. A large workbook is streamed (libxlsxwriter's constant_memory
** mode: each row goes to a temporary file when the next begins), which the
** sheets allow by writing their rows in order (book.h).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include "book.h"
#include "calendar.h"

/* A workbook of more cells than this (estimated by workbook_cells) is
   streamed. Held in memory, libxlsxwriter keeps every cell until the end,
   about 200 bytes each (measured at dc47a0d: 1 000 bids × 20 criteria,
   270 000 cells, 70 MB for the whole run; 2 000 × 50, 1.27 million cells,
   295 MB; 10 000 × 50, 1.4 GB), so 100 000 bids would not fit. Streamed it
   keeps one row, but the file stores its texts inline rather than in a
   shared-strings table and its charts carry no cached values (a reader
   draws them from the cells): small workbooks, every golden case and
   Söderhamn, stay as they were, and so do 1 000 × 20; from about 2 000
   bids × 20 criteria on, the workbook is streamed. */
#define WORKBOOK_STREAM_CELLS 500000

/* The cells the workbook will have, roughly: per bid its Bids row (a cell
   per field) and per criterion a dozen cells on the Calculation and
   Sensitivity sheets (a figure, its check, each step of the figure; the
   contribution and the debrief), per score its Scores row. */
static double workbook_cells(const award *a)
{
    double cells = 0;
    int i, n = a->m->nlots ? a->nlots : 1;
    for (i = 0; i < n; i++) {
        const evaluation *ev = &a->lots[i].ev;
        cells += (double)ev->nbids * (ev->m->nfields + 12.0 * ev->m->ncriteria) + 6.0 * ev->in->nscores;
    }
    return cells;
}

/* Whether to stream: 2 if ANBUD_WORKBOOK_MODE says stream (for tests), 0
   if it says memory; else 1 by size, or 0; -1 for another value, which is
   refused. */
static int workbook_streams(const award *a)
{
    const char *mode = getenv("ANBUD_WORKBOOK_MODE");
    if (mode && *mode) {
        if (strcmp(mode, "stream") == 0) return 2;
        if (strcmp(mode, "memory") == 0) return 0;
        return -1;
    }
    return workbook_cells(a) > WORKBOOK_STREAM_CELLS;
}

/* The sheets the workbook will have. */
static int workbook_sheets(const award *a)
{
    int i, n = a->m->nlots ? 1 : 0, lots = a->m->nlots ? a->nlots : 1;
    for (i = 0; i < lots; i++) n += 6 + (a->lots[i].ev.m->nreqs > 0);
    return n;
}

/* Streamed, each sheet keeps its temporary file open until the workbook is
   closed, and a model may have 1 000 lots of 7 sheets: more files than a
   process may usually have open (1 024). The limit is raised as far as the
   system lets it; 0 if that is not far enough. */
static int workbook_files_ok(int nsheets)
{
    struct rlimit r;
    rlim_t need = (rlim_t)nsheets + 64;   /* and the few others: the output, standard streams */
    if (getrlimit(RLIMIT_NOFILE, &r) != 0) return 0;
    if (r.rlim_cur == RLIM_INFINITY || r.rlim_cur >= need) return 1;
    if (r.rlim_max != RLIM_INFINITY && r.rlim_max < need) return 0;
    r.rlim_cur = need;
    return setrlimit(RLIMIT_NOFILE, &r) == 0;
}

static lxw_format *fmt(wbw *w, int bold, int bg, const char *numfmt, int unlocked)
{
    lxw_format *f = workbook_add_format(w->wb);
    if (bold) format_set_bold(f);
    if (bg) format_set_bg_color(f, (lxw_color_t)bg);
    if (numfmt) format_set_num_format(f, numfmt);
    if (unlocked) format_set_unlocked(f);
    return f;
}

anbud_status workbook_write(const award *a, const char *path,
                            const workbook_options *o, anbud_error *err)
{
    wbw w;
    lxw_workbook_options wo = { 0, NULL, 0 };
    lxw_doc_properties props;
    struct tm tm;
    const model *m = a->m;
    lxw_error e;
    int sys;
    int i;
    char *dir = NULL;

    memset(&w, 0, sizeof w);
    w.aw = a;
    w.m = m;
    w.o = o;
    w.sv = o->lang && strcmp(o->lang, "sv") == 0;
    w.lang = w.sv ? "sv" : "en";
    w.stream = workbook_streams(a);
    if (w.stream < 0)
        return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "ANBUD_WORKBOOK_MODE is \"%s\"; expected stream or memory",
                         getenv("ANBUD_WORKBOOK_MODE"));
    if (w.stream && !workbook_files_ok(workbook_sheets(a))) {
        if (w.stream == 2)
            return error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "ANBUD_WORKBOOK_MODE=stream: the workbook's %d sheets "
                             "would each keep a file open, more than this system allows (ulimit -n)",
                             workbook_sheets(a));
        w.stream = 0;   /* held in memory, as a smaller one */
    }
    if (w.stream) {
        /* The rows wait in temporary files, uncompressed: several times the
           workbook's size. Beside the workbook (its folder is writable, on
           the disk the user chose for it) rather than in /tmp, which is
           often memory (tmpfs); TMPDIR if the user set one. libxlsxwriter
           removes each file as soon as it has opened it, so none outlives
           the run, whatever ends it. */
        const char *t = getenv("TMPDIR"), *slash = strrchr(path, '/');
        if (t && *t) dir = strdup(t);
        else if (!slash) dir = strdup(".");
        else if (slash == path) dir = strdup("/");
        else dir = strndup(path, (size_t)(slash - path));
        if (!dir) return error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot create the workbook: out of memory");
        wo.constant_memory = 1;
        wo.tmpdir = dir;
    }
    w.wb = workbook_new_opt(path, &wo);
    if (!w.wb) {
        free(dir);
        return error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot create the workbook");
    }

    /* a fixed creation time (the evaluation date) makes the file reproducible */
    memset(&tm, 0, sizeof tm);
    if (calendar_parse(o->date, &tm.tm_year, &tm.tm_mon, &tm.tm_mday) == 0) {
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
    } else {
        tm.tm_year = 100; tm.tm_mon = 0; tm.tm_mday = 1;
    }
    tm.tm_hour = 12;
    memset(&props, 0, sizeof props);
    props.title = (char *)(uintptr_t)(book_xml_ok(&w, m->title) ? m->title : "");
    props.subject = (char *)(uintptr_t)(book_xml_ok(&w, m->id) ? m->id : "");
    props.author = (char *)(uintptr_t)"anbud";
    props.comments = (char *)(uintptr_t)m->sha256;
    props.created = timegm(&tm);
    workbook_set_properties(w.wb, &props);
    book_note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_DATE, o->date));
    book_note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_LANG, w.sv ? "sv" : "en"));
    book_note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_PUBLIC, o->public_variant ? "yes" : "no"));
    if (o->seed && book_xml_ok(&w, o->seed))
        book_note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_SEED, o->seed));
    if (o->award_date) {
        book_note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_AWARD_DATE, o->award_date));
        book_note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_NOTICE,
                                                          o->notice_letter ? "letter" : "electronic"));
    }
    if (o->probe) book_note(&w, workbook_set_custom_property_string(w.wb, WORKBOOK_PROP_PROBE, "yes"));

    w.title = fmt(&w, 1, 0, NULL, 0);
    format_set_font_size(w.title, 14);
    w.head = fmt(&w, 1, 0xD9E1F2, NULL, 0);
    format_set_text_wrap(w.head);
    w.num = fmt(&w, 0, 0, "#,##0.00########", 0);
    /* money in the model's currency: #,##0.00 "kr", stored in US syntax */
    {
        char mf[64];
        const char *cur = strcmp(m->currency, "SEK") == 0 ? "kr" : m->currency;
        int places = m->basis == BASIS_COMPARISON_PRICE && a->lots[0].ev.total_places == 0 ? 0 : 2;
        snprintf(mf, sizeof mf, "#,##0%s \"%s\"", places ? ".00" : "", cur);
        w.money = fmt(&w, 0, 0, book_xml_ok(&w, mf) ? mf : "#,##0.00", 0);
    }
    w.input = fmt(&w, 0, 0xFFF2CC, NULL, 1);
    w.input_wrap = fmt(&w, 0, 0xFFF2CC, NULL, 1);
    format_set_text_wrap(w.input_wrap);
    w.check = fmt(&w, 0, 0, NULL, 0);
    format_set_font_color(w.check, 0x548235);
    w.wrap = fmt(&w, 0, 0, NULL, 0);
    format_set_text_wrap(w.wrap);
    w.bold = fmt(&w, 1, 0, NULL, 0);
    /* a row that grows for wrapped text reads from its top line: its
       cells are aligned to the top (book_row_lines gives the row's own
       format to the cells that have none) */
    w.top = fmt(&w, 0, 0, NULL, 0);
    format_set_align(w.top, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(w.input, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(w.input_wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(w.wrap, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(w.bold, LXW_ALIGN_VERTICAL_TOP);

    if (m->nlots == 0) book_write_lot(&w, &a->lots[0], "");
    else {
        lxw_worksheet *award_ws = workbook_add_worksheet(w.wb, book_word(&w, W_BOOK_SHEET_AWARD));
        if (award_ws) book_write_award(&w, award_ws);
        else book_sheet_failed(&w);
        for (i = 0; i < a->nlots && !w.status; i++) {
            char suffix[16];
            snprintf(suffix, sizeof suffix, " %d", i + 1);
            book_write_lot(&w, &a->lots[i], suffix);
        }
    }

    errno = 0;
    e = workbook_close(w.wb);
    sys = errno;
    if (w.status != LXW_NO_ERROR) {   /* the first failure, not what followed from it */
        e = w.status;
        sys = w.sys;
    }
    free(w.f.s); free(w.t.s);
    if (w.bad[0]) {
        free(dir);
        return error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot write the workbook: %s, "
                         "which XML cannot hold", w.bad);
    }
    if (e != LXW_NO_ERROR) {
        anbud_status st;
        if (w.where[0] && e == w.status)
            st = error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot write the workbook: %s", w.where);
        else if (dir && (e == LXW_ERROR_CREATING_TMPFILE || e == LXW_ERROR_READING_TMPFILE))
            st = error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot write the workbook: a large workbook is written "
                           "through temporary files in %s, and one could not be used%s%s", dir,
                           sys ? ": " : "", sys ? strerror(sys) : "");
        else
            st = error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot write the workbook: %s", workbook_lxw_message(e, sys));
        free(dir);
        return st;
    }
    free(dir);
    return ANBUD_OK;
}

const char *workbook_lxw_message(int lxw, int sys)
{
    static char buf[300];
    switch (lxw) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        return "out of memory";
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
        snprintf(buf, sizeof buf, "cannot use a temporary file in the system's temporary folder (TMPDIR)%s%s",
                 sys ? ": " : "", sys ? strerror(sys) : "");
        return buf;
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        if (sys) return strerror(sys);   /* ENOSPC, EFBIG, EIO: what the user can act on */
        return "the file could not be written (a full disk or a file-size limit?)";
    default:
        return lxw_strerror((lxw_error)lxw);
    }
}
