/* SPDX-License-Identifier: MIT */
/*
** fileio.h: the files anbud reads and writes. Inputs (the model, CSV and
** .xlsx files) are read only when they are regular files. Outputs are
** written all or nothing: each to a temporary name beside it, every one
** checked, and only then all moved into place; never over an input or over
** another output of the same run.
*/
#ifndef ANBUD_FILEIO_H
#define ANBUD_FILEIO_H

#include <stdio.h>
#include "error.h"

/* Open path for reading: a file descriptor, or -1 with err set (exit 2)
   naming the file when it cannot be opened or is not a regular file (a
   folder, a FIFO, a device: they could block or never end). expected
   says what was wanted ("a CSV file"). Never waits for a FIFO's writer. */
int fileio_open_input(const char *path, const char *expected, anbud_error *err);

/* 1 when a and b name the same file (compared as fileio_outputs_check
   compares an output with an input), else 0. */
int fileio_same_file(const char *a, const char *b);

/* The most outputs of the command line's own (evaluate -o, --json, the
   documents; template's CSV tables); --letters adds one per bid beyond. */
#define FILEIO_MAX_OUTPUTS 8

typedef struct fileio_output {
    const char *option;   /* "-o", "--json", "--csv": how the user named it */
    char *path;           /* where it goes */
    char *tmp;            /* path.tmp.PID, once begun */
    char *backup;         /* path.old.PID: what was there, while committing */
    int begun;            /* tmp exists and is ours */
} fileio_output;

typedef struct fileio_outputs {
    fileio_output *out;   /* n of them, room for cap */
    int n, cap;
    int no_replace;       /* an existing file is never replaced (template without --force) */
} fileio_outputs;

void fileio_outputs_init(fileio_outputs *s, int no_replace);

/* Add an output named by option ("-o"); its temporary will be path.tmp.PID. */
void fileio_outputs_add(fileio_outputs *s, const char *option, const char *path);

/* Refuse (exit 2, naming both) an output that is the same file as one of
   the inputs or as another output, compared as files, not as spellings:
   an existing file by device and inode, one still to be made by its
   nearest existing folder's device and inode and the rest of its path.
   Also refuses an output that is an existing folder. */
anbud_status fileio_outputs_check(const fileio_outputs *s, char *const *inputs, int ninputs,
                                  anbud_error *err);

/* Create output i's temporary (which must not exist: O_EXCL); with f, open
   it for writing there, else leave it empty for a library to fill by name. */
anbud_status fileio_output_begin(fileio_outputs *s, int i, FILE **f, anbud_error *err);

/* Close what fileio_output_begin opened, reporting a failed write. */
anbud_status fileio_output_close(fileio_outputs *s, int i, FILE *f, anbud_error *err);

/* Every output begun: check each temporary (a regular file, not empty,
   flushed to disk), then move them all into place. If any step fails,
   every output moved so far is put back as it was, every temporary
   removed, and err names the file. */
anbud_status fileio_outputs_commit(fileio_outputs *s, anbud_error *err);

/* Remove every temporary begun (after a failure). */
void fileio_outputs_abort(fileio_outputs *s);

/* What a worker with process id pid, killed while it wrote s, may have
   left: its temporaries removed, a pre-existing file it had moved aside
   put back. */
void fileio_outputs_cleanup(const fileio_outputs *s, long pid);

void fileio_outputs_free(fileio_outputs *s);

#endif
