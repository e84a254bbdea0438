/* SPDX-License-Identifier: MIT */
/*
** fileio.c: inputs read only from regular files; outputs written all or
** nothing, never over an input or each other (fileio.h).
*/
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "fileio.h"
#include "xalloc.h"

/* {=========== inputs ============ */

int fileio_open_input(const char *path, const char *expected, anbud_error *err)
{
    struct stat sb;
    /* O_NONBLOCK: opening a FIFO would otherwise wait for a writer */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    if (fstat(fd, &sb) != 0) {
        error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot read: %s", strerror(errno));
        close(fd);
        return -1;
    }
    if (!S_ISREG(sb.st_mode)) {
        error_set(err, ANBUD_EUSAGE, path, 0, 0, "is %s; expected %s", S_ISDIR(sb.st_mode) ? "a directory"
                  : S_ISFIFO(sb.st_mode) ? "a pipe (FIFO), not a regular file"
                  : S_ISCHR(sb.st_mode) || S_ISBLK(sb.st_mode) ? "a device, not a regular file"
                  : "not a regular file", expected);
        close(fd);
        return -1;
    }
    /* a regular file never blocks; reads go on as usual */
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    return fd;
}

/* }================================= */

/* {=========== which file a path names ============ */

/* A file as the system knows it: an existing one by device and inode
   (rest ""), one still to be made by its nearest existing folder and the
   path below it. known = 0 when the path cannot be resolved (permission,
   a loop): then only the spelling is compared. */
typedef struct file_id {
    dev_t dev;
    ino_t ino;
    char *rest;
    int known;
} file_id;

static char *path_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *path_printf(const char *fmt, ...)
{
    va_list ap;
    int n;
    char *s;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    s = xalloc_zeroed((size_t)(n > 0 ? n : 0) + 1, 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

static void identify(const char *path, file_id *id)
{
    struct stat sb;
    char *p = xalloc_strdup(path), *slash;
    size_t n = strlen(p);
    id->rest = NULL;
    id->known = 0;
    while (n > 1 && p[n - 1] == '/') p[--n] = '\0';   /* "out/" is "out" */
    if (stat(p, &sb) == 0) {
        id->dev = sb.st_dev;
        id->ino = sb.st_ino;
        id->rest = xalloc_strdup("");
        id->known = 1;
    } else if (errno == ENOENT && n > 0) {
        /* not there yet: its folder's identity and its name below it */
        const char *base;
        file_id dir;
        slash = strrchr(p, '/');
        if (!slash) { identify(".", &dir); base = p; }
        else if (slash == p) { identify("/", &dir); base = p + 1; }
        else { *slash = '\0'; identify(p, &dir); base = slash + 1; }
        if (dir.known && strcmp(base, ".") != 0 && strcmp(base, "..") != 0) {
            *id = dir;
            id->rest = dir.rest[0] ? path_printf("%s/%s", dir.rest, base) : xalloc_strdup(base);
            free(dir.rest);
        } else free(dir.rest);
    }
    free(p);
}

static int same_file(const file_id *a, const char *apath, const file_id *b, const char *bpath)
{
    if (!a->known || !b->known) return strcmp(apath, bpath) == 0;
    return a->dev == b->dev && a->ino == b->ino && strcmp(a->rest, b->rest) == 0;
}

int fileio_same_file(const char *a, const char *b)
{
    file_id ia, ib;
    int same;
    identify(a, &ia);
    identify(b, &ib);
    same = same_file(&ia, a, &ib, b);
    free(ia.rest);
    free(ib.rest);
    return same;
}

/* }================================= */

/* {=========== outputs ============ */

void fileio_outputs_init(fileio_outputs *s, int no_replace)
{
    memset(s, 0, sizeof *s);
    s->no_replace = no_replace;
}

void fileio_outputs_add(fileio_outputs *s, const char *option, const char *path)
{
    fileio_output *o;
    if (s->n == s->cap) {   /* a letter per bid (--letters): as many as there are bids */
        s->cap = s->cap ? 2 * s->cap : FILEIO_MAX_OUTPUTS;
        fileio_output *more = realloc(s->out, (size_t)s->cap * sizeof *s->out);
        if (!more) { fputs("anbud: out of memory\n", stderr); exit(2); }
        s->out = more;
    }
    o = &s->out[s->n++];
    memset(o, 0, sizeof *o);
    o->option = option;
    o->path = xalloc_strdup(path);
    o->tmp = path_printf("%s.tmp.%ld", path, (long)getpid());
    o->backup = path_printf("%s.old.%ld", path, (long)getpid());
}

anbud_status fileio_outputs_check(const fileio_outputs *s, char *const *inputs, int ninputs,
                                  anbud_error *err)
{
    file_id *out = xalloc_zeroed((size_t)s->n + 1, sizeof *out), in;
    anbud_status st = ANBUD_OK;
    int i, j;
    for (i = 0; i < s->n; i++) identify(s->out[i].path, &out[i]);
    for (i = 0; i < s->n && !st; i++) {
        const fileio_output *o = &s->out[i];
        struct stat sb;
        if (!o->path[0]) {
            st = error_set(err, ANBUD_EUSAGE, NULL, 0, 0, "%s needs a file name, not \"\"", o->option);
            break;
        }
        if (stat(o->path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
            st = error_set(err, ANBUD_EUSAGE, o->path, 0, 0, "%s names a folder; expected a file name", o->option);
            break;
        }
        for (j = 0; j < ninputs && !st; j++) {
            identify(inputs[j], &in);
            if (same_file(&out[i], o->path, &in, inputs[j]))
                st = error_set(err, ANBUD_EUSAGE, o->path, 0, 0, "%s would write over the input %s; "
                               "give the output another name", o->option, inputs[j]);
            free(in.rest);
        }
        for (j = 0; j < i && !st; j++)
            if (same_file(&out[i], o->path, &out[j], s->out[j].path))
                st = error_set(err, ANBUD_EUSAGE, o->path, 0, 0, "%s names the same file as %s %s; "
                               "give each output its own name", o->option, s->out[j].option, s->out[j].path);
    }
    for (i = 0; i < s->n; i++) free(out[i].rest);
    free(out);
    return st;
}

static anbud_status write_error(const fileio_output *o, int e, anbud_error *err)
{
    if (e == ENOENT || e == ENOTDIR)
        return error_set(err, ANBUD_EUSAGE, o->path, 0, 0, "cannot write: the folder does not exist");
    return error_set(err, ANBUD_EUSAGE, o->path, 0, 0, "cannot write: %s", strerror(e));
}

anbud_status fileio_output_begin(fileio_outputs *s, int i, FILE **f, anbud_error *err)
{
    fileio_output *o = &s->out[i];
    int fd = open(o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0666);
    if (fd < 0) return write_error(o, errno, err);
    o->begun = 1;
    if (!f) {
        close(fd);
        return ANBUD_OK;
    }
    *f = fdopen(fd, "wb");
    if (!*f) {
        int e = errno;
        close(fd);
        return write_error(o, e, err);
    }
    return ANBUD_OK;
}

anbud_status fileio_output_close(fileio_outputs *s, int i, FILE *f, anbud_error *err)
{
    int bad = ferror(f) != 0, e = errno;
    if (fclose(f) != 0 && !bad) { bad = 1; e = errno; }
    if (bad) return write_error(&s->out[i], e ? e : EIO, err);
    return ANBUD_OK;
}

/* The temporary is a regular file with something in it, and on disk: a
   full disk or a failing NFS server may say so only now. */
static anbud_status check_tmp(const fileio_output *o, anbud_error *err)
{
    struct stat sb;
    int fd = open(o->tmp, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) return write_error(o, errno, err);
    if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size == 0) {
        close(fd);
        return error_set(err, ANBUD_EUSAGE, o->path, 0, 0, "cannot write: the file came out empty");
    }
    if (fsync(fd) != 0 && errno != EINVAL && errno != EROFS) {
        int e = errno;
        close(fd);
        return write_error(o, e, err);
    }
    close(fd);
    return ANBUD_OK;
}

/* Move one temporary into place; without replace never over an existing
   file (link(2) fails when the name exists; where hard links are refused,
   look, then rename). */
static int put_in_place(const fileio_output *o, int no_replace)
{
    struct stat sb;
    if (!no_replace) return rename(o->tmp, o->path);
    if (link(o->tmp, o->path) == 0) {
        unlink(o->tmp);
        return 0;
    }
    if (errno == EEXIST) return -1;
    if (lstat(o->path, &sb) == 0) {
        errno = EEXIST;
        return -1;
    }
    return rename(o->tmp, o->path);
}

anbud_status fileio_outputs_commit(fileio_outputs *s, anbud_error *err)
{
    int *order = xalloc_zeroed((size_t)s->n + 1, 4 * sizeof *order);
    int *later = order + s->n + 1, *saved = later + s->n + 1, *placed = saved + s->n + 1;
    int i, k, n = 0, last = 0;
    anbud_status st = ANBUD_OK;
    sigset_t block, old;
    struct stat sb;
    for (i = 0; i < s->n && !st; i++)
        if (s->out[i].begun) st = check_tmp(&s->out[i], err);
    if (st) {
        fileio_outputs_abort(s);
        free(order);
        return st;
    }
    /* An interrupt between two renames would leave some outputs new and
       some old: Ctrl-C, a kill and the CPU limit wait until all are in
       place (or all put back); one that came meanwhile is let go, the
       outputs being complete. */
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigaddset(&block, SIGHUP);
    sigaddset(&block, SIGXCPU);
    sigprocmask(SIG_BLOCK, &block, &old);
    /* What is there now is kept under a second name (a hard link) until
       all are in place, so that a failed rename can put it back. Where
       no link can be made, that output goes last: only its own rename
       can then fail after the others, and they are put back. */
    for (i = 0; i < s->n; i++) {
        saved[i] = placed[i] = 0;
        if (!s->out[i].begun) continue;
        if (!s->no_replace && lstat(s->out[i].path, &sb) == 0) {
            unlink(s->out[i].backup);
            saved[i] = link(s->out[i].path, s->out[i].backup) == 0;
            if (!saved[i]) { later[last++] = i; continue; }
        }
        order[n++] = i;
    }
    for (k = 0; k < last; k++) order[n++] = later[k];
    for (k = 0; k < n && !st; k++) {
        fileio_output *o = &s->out[order[k]];
        if (put_in_place(o, s->no_replace) != 0) {
            int e = errno;
            if (e == EEXIST && s->no_replace)
                st = error_set(err, ANBUD_EUSAGE, o->path, 0, 0, "already exists; give --force to replace it");
            else st = write_error(o, e, err);
        } else {
            placed[order[k]] = 1;
            o->begun = 0;
        }
    }
    for (i = 0; i < s->n; i++) {
        fileio_output *o = &s->out[i];
        if (st && placed[i]) {
            if (saved[i]) rename(o->backup, o->path);   /* as it was */
            else unlink(o->path);                       /* it was not there */
        } else if (saved[i]) unlink(o->backup);
    }
    if (st) fileio_outputs_abort(s);
    {
        /* let go what came while the outputs were moved */
        struct timespec zero = { 0, 0 };
        sigset_t pending;
        sigpending(&pending);
        for (i = 1; i < NSIG; i++)
            if (sigismember(&block, i) && sigismember(&pending, i)) {
                sigset_t one;
                sigemptyset(&one);
                sigaddset(&one, i);
                sigtimedwait(&one, NULL, &zero);
            }
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    free(order);
    return st;
}

void fileio_outputs_abort(fileio_outputs *s)
{
    int i;
    for (i = 0; i < s->n; i++)
        if (s->out[i].begun) {
            unlink(s->out[i].tmp);
            s->out[i].begun = 0;
        }
}

void fileio_outputs_cleanup(const fileio_outputs *s, long pid)
{
    int i;
    for (i = 0; i < s->n; i++) {
        char *tmp = path_printf("%s.tmp.%ld", s->out[i].path, pid);
        char *backup = path_printf("%s.old.%ld", s->out[i].path, pid);
        struct stat sb;
        unlink(tmp);
        if (lstat(backup, &sb) == 0) rename(backup, s->out[i].path);
        free(tmp);
        free(backup);
    }
}

void fileio_outputs_free(fileio_outputs *s)
{
    int i;
    for (i = 0; i < s->n; i++) {
        free(s->out[i].path);
        free(s->out[i].tmp);
        free(s->out[i].backup);
    }
    free(s->out);
    s->out = NULL;
    s->n = s->cap = 0;
}

/* }================================= */
