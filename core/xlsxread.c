/* SPDX-License-Identifier: MIT */
/*
** xlsxread.c: worksheets out of an untrusted .xlsx file. The file is read
** once into memory, so its SHA-256 is of the very bytes parsed; minizip reads
** the zip from there; each part is inflated in chunks and fed to expat while
** its bytes and its compression ratio are counted (the sizes in the zip
** directory are never trusted to be small). Cells become the text of
** csvread.h's tables: numbers as their decimal text, never through double.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <expat.h>
#include <unzip.h>
#include "xlsxread.h"
#include "sha256.h"
#include "fileio.h"
#include "text.h"

#define MIB(n) ((long)((n) / (1024 * 1024)))
#define NS_SEP '|'            /* expat: "namespace-uri|local"; '|' is in no name */
#define MAX_ROW 1048576L      /* Excel's last row and column (XFD) */
#define MAX_COL 16384L
#define CELL_RAW_MAX (8L * CSV_MAX_FIELD)  /* a cell's text before trimming */
#define SHOW 64               /* bytes of an untrusted string in a message */

enum kind { K_NUMBER, K_DATE, K_TIME };   /* what a number format shows */

typedef struct zentry {
    char *name;
    unz64_file_pos pos;
} zentry;

struct xlsx_priv {
    unsigned char *bytes;     /* the whole file */
    size_t nbytes, pos;       /* pos: minizip's cursor */
    unzFile zf;
    zentry *entries;          /* sorted by name, ignoring ASCII case */
    int nentries;
    char **sheet_parts;       /* zip entry of each of sheet_names */
    char *sst;                /* shared strings, each NUL-terminated */
    size_t *sst_off;
    long nsst;
    unsigned char *xf_kind;   /* enum kind of each cellXfs entry */
    long nxf;
    int date1904;
    unsigned long long inflated;  /* bytes inflated from this book so far */
    size_t text;              /* bytes of cell text read from this book so far,
                                 a shared string counted at each use */
};

/* {=========== small helpers ============ */
typedef struct strbuf {
    char *s;
    size_t n, cap;
} strbuf;

/* Append n bytes, keeping s NUL-terminated; -1 past max bytes, -2 out of memory. */
static int sb_add(strbuf *b, const char *s, size_t n, size_t max)
{
    if (n > max || b->n > max - n) return -1;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        char *ns;
        while (cap < b->n + n + 1) cap *= 2;
        ns = realloc(b->s, cap);
        if (!ns) return -2;
        b->s = ns;
        b->cap = cap;
    }
    if (n) memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
    return 0;
}

static void sb_free(strbuf *b)
{
    free(b->s);
    memset(b, 0, sizeof *b);
}

/* Column letters of col (1 = A) into buf (8 bytes). */
static void col_name(char *buf, long col)
{
    char rev[8];
    int n = 0, i;
    while (col > 0 && n < 7) {
        rev[n++] = (char)('A' + (col - 1) % 26);
        col = (col - 1) / 26;
    }
    for (i = 0; i < n; i++) buf[i] = rev[n - 1 - i];
    buf[n] = '\0';
}

/* "C4" into buf (24 bytes). */
static void cell_name(char *buf, long row, long col)
{
    col_name(buf, col);
    snprintf(buf + strlen(buf), 16, "%ld", row);
}

/* Untrusted text for a message: at most SHOW bytes, cut at a character,
   control characters as '?' so that the message stays one line. */
static const char *show(char out[SHOW + 4], const char *s)
{
    size_t i = 0, o = 0;
    while (s[i] && o < SHOW) {
        unsigned char c = (unsigned char)s[i];
        size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (o + len > SHOW) break;
        if (c < 0x20 || c == 0x7F) { out[o++] = '?'; i++; continue; }
        while (len-- && s[i]) out[o++] = s[i++];
    }
    if (s[i]) { memcpy(out + o, "...", 3); o += 3; }
    out[o] = '\0';
    return out;
}

/* s[0..*n) without leading and trailing spaces and tabs, as csvread.c
   trims an unquoted cell. */
static const char *trim(const char *s, size_t *n)
{
    size_t a = 0, b = *n;
    while (a < b && (s[a] == ' ' || s[a] == '\t')) a++;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) b--;
    *n = b - a;
    return s + a;
}

/* Digits only (no sign, no spaces): their value, at most 999999999 (any
   limit it is checked against is below); -1 if s is not such a number. */
static long small_uint(const char *s)
{
    long v = 0;
    if (!s || !*s) return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9') return -1;
        v = v >= 100000000L ? 999999999L : 10 * v + (*s - '0');
    }
    return v;
}
/* }================================= */

/* {=========== the file and the zip ============ */
static anbud_status read_file(xlsx_book *b, anbud_error *err)
{
    struct xlsx_priv *z = b->priv;
    struct stat sb;
    size_t cap;
    anbud_status st;
    /* a regular file only: a FIFO or a device could block or never end */
    int fd = fileio_open_input(b->path, "an .xlsx file", err);
    if (fd < 0) return err ? err->status : ANBUD_EUSAGE;
    if (fstat(fd, &sb) != 0) {
        st = error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "cannot read: %s",
                       strerror(errno));
        goto done;
    }
    if (S_ISREG(sb.st_mode) && sb.st_size > XLSX_MAX_BYTES) goto toobig;
    /* one byte more than the limit tells a growing file from a full one */
    cap = (size_t)XLSX_MAX_BYTES + 1;
    if (S_ISREG(sb.st_mode)) cap = (size_t)sb.st_size + 1;
    z->bytes = malloc(cap);
    if (!z->bytes) {
        st = error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
        goto done;
    }
    for (;;) {
        ssize_t n;
        if (z->nbytes == cap) {
            unsigned char *nb;
            if (cap > (size_t)XLSX_MAX_BYTES) goto toobig;
            cap = (size_t)XLSX_MAX_BYTES + 1;
            nb = realloc(z->bytes, cap);
            if (!nb) {
                st = error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
                goto done;
            }
            z->bytes = nb;
        }
        n = read(fd, z->bytes + z->nbytes, cap - z->nbytes);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            st = error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "cannot read: %s",
                           strerror(errno));
            goto done;
        }
        if (n == 0) break;
        z->nbytes += (size_t)n;
        if (z->nbytes > (size_t)XLSX_MAX_BYTES) goto toobig;
    }
    st = ANBUD_OK;
    goto done;
toobig:
    st = error_set(err, ANBUD_EINPUT, b->path, 0, 0,
                   "file is larger than the limit of %ld MiB", MIB(XLSX_MAX_BYTES));
done:
    close(fd);
    return st;
}

/* minizip reads the file from memory through these. */
static voidpf ZCALLBACK mem_open(voidpf opaque, const void *name, int mode)
{
    struct xlsx_priv *z = opaque;
    (void)name;
    (void)mode;
    z->pos = 0;
    return z;
}

static uLong ZCALLBACK mem_read(voidpf opaque, voidpf stream, void *buf, uLong size)
{
    struct xlsx_priv *z = stream;
    size_t k = z->pos < z->nbytes ? z->nbytes - z->pos : 0;
    (void)opaque;
    if (k > size) k = size;
    if (k) memcpy(buf, z->bytes + z->pos, k);
    z->pos += k;
    return (uLong)k;
}

static uLong ZCALLBACK mem_write(voidpf opaque, voidpf stream, const void *buf,
                                 uLong size)
{
    (void)opaque; (void)stream; (void)buf; (void)size;
    return 0;
}

static ZPOS64_T ZCALLBACK mem_tell(voidpf opaque, voidpf stream)
{
    (void)opaque;
    return ((struct xlsx_priv *)stream)->pos;
}

static long ZCALLBACK mem_seek(voidpf opaque, voidpf stream, ZPOS64_T off, int origin)
{
    struct xlsx_priv *z = stream;
    size_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0
                : origin == ZLIB_FILEFUNC_SEEK_CUR ? z->pos : z->nbytes;
    (void)opaque;
    if (base > z->nbytes || off > z->nbytes - base) return -1;
    z->pos = base + (size_t)off;
    return 0;
}

static int ZCALLBACK mem_close(voidpf opaque, voidpf stream)
{
    (void)opaque; (void)stream;
    return 0;
}

static int ZCALLBACK mem_error(voidpf opaque, voidpf stream)
{
    (void)opaque; (void)stream;
    return 0;
}

static int entry_cmp(const void *a, const void *b)
{
    return strcasecmp(((const zentry *)a)->name, ((const zentry *)b)->name);
}

/* The entry named name (ASCII case ignored, as some writers differ), or NULL. */
static const zentry *entry_find(const struct xlsx_priv *z, const char *name)
{
    zentry key;
    key.name = (char *)(uintptr_t)name;
    if (!z->nentries) return NULL;
    return bsearch(&key, z->entries, (size_t)z->nentries, sizeof key, entry_cmp);
}

static anbud_status zip_open(xlsx_book *b, anbud_error *err)
{
    struct xlsx_priv *z = b->priv;
    zlib_filefunc64_def io;
    char name[1024], sb[SHOW + 4];
    int rc, i, seen = 0;
    memset(&io, 0, sizeof io);
    io.zopen64_file = mem_open;
    io.zread_file = mem_read;
    io.zwrite_file = mem_write;
    io.ztell64_file = mem_tell;
    io.zseek64_file = mem_seek;
    io.zclose_file = mem_close;
    io.zerror_file = mem_error;
    io.opaque = z;
    if (z->nbytes == 0)
        return error_set(err, ANBUD_EINPUT, b->path, 0, 0,
                         "empty file; expected an .xlsx workbook");
    z->zf = unzOpen2_64(b->path, &io);
    if (!z->zf) {
        if (z->nbytes >= 8 && memcmp(z->bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
            return error_set(err, ANBUD_EINPUT, b->path, 0, 0,
                             "an Excel 97-2003 (.xls) or password-protected "
                             "workbook; save it as .xlsx (Excel Workbook) "
                             "without a password");
        if (z->nbytes >= 2 && memcmp(z->bytes, "PK", 2) == 0)
            return error_set(err, ANBUD_EINPUT, b->path, 0, 0,
                             "damaged or truncated zip archive; expected an "
                             ".xlsx file as Excel or LibreOffice saves it");
        return error_set(err, ANBUD_EINPUT, b->path, 0, 0,
                         "not an .xlsx file (not a zip archive)");
    }
    z->entries = calloc(64, sizeof *z->entries);
    if (!z->entries) goto nomem;
    for (rc = unzGoToFirstFile(z->zf); rc == UNZ_OK; rc = unzGoToNextFile(z->zf)) {
        unz_file_info64 fi;
        zentry *e;
        if (++seen > XLSX_MAX_ENTRIES)
            return error_set(err, ANBUD_EINPUT, b->path, 0, 0,
                             "the zip archive has more than %d entries",
                             XLSX_MAX_ENTRIES);
        if (unzGetCurrentFileInfo64(z->zf, &fi, name, sizeof name, NULL, 0,
                                    NULL, 0) != UNZ_OK)
            break;
        if (fi.size_filename >= sizeof name) continue;  /* never a part we read */
        if (z->nentries >= 64 && (z->nentries & (z->nentries - 1)) == 0) {
            zentry *ne = realloc(z->entries, 2 * (size_t)z->nentries * sizeof *ne);
            if (!ne) goto nomem;
            z->entries = ne;
        }
        e = &z->entries[z->nentries];
        if (unzGetFilePos64(z->zf, &e->pos) != UNZ_OK) break;
        e->name = strdup(name);
        if (!e->name) goto nomem;
        z->nentries++;
    }
    if (rc != UNZ_END_OF_LIST_OF_FILE)
        return error_set(err, ANBUD_EINPUT, b->path, 0, 0,
                         "damaged zip archive: its directory cannot be read");
    qsort(z->entries, (size_t)z->nentries, sizeof *z->entries, entry_cmp);
    for (i = 1; i < z->nentries; i++)
        if (strcasecmp(z->entries[i - 1].name, z->entries[i].name) == 0)
            return error_set(err, ANBUD_EINPUT, b->path, 0, 0,
                             "the zip archive has two entries named \"%s\"",
                             show(sb, z->entries[i].name));
    return ANBUD_OK;
nomem:
    return error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
}
/* }================================= */

/* {=========== XML parts ============ */
enum tag {
    T_OTHER, T_C, T_CELLXFS, T_DEFAULT, T_F, T_IS, T_NUMFMT, T_NUMFMTS,
    T_OVERRIDE, T_R, T_RELATIONSHIP, T_ROW, T_RPH, T_SHEET, T_SHEETDATA,
    T_SHEETS, T_SI, T_SST, T_T, T_V, T_WORKBOOKPR, T_XF, T_PROPERTY, T_LPWSTR
};

static const struct { const char *name; enum tag tag; } tag_names[] = {
    {"c", T_C}, {"v", T_V}, {"row", T_ROW}, {"f", T_F}, {"is", T_IS},
    {"t", T_T}, {"r", T_R}, {"rPh", T_RPH}, {"si", T_SI}, {"sst", T_SST},
    {"sheetData", T_SHEETDATA}, {"cellXfs", T_CELLXFS}, {"xf", T_XF},
    {"numFmt", T_NUMFMT}, {"numFmts", T_NUMFMTS}, {"sheets", T_SHEETS},
    {"sheet", T_SHEET}, {"workbookPr", T_WORKBOOKPR},
    {"Relationship", T_RELATIONSHIP}, {"Override", T_OVERRIDE},
    {"Default", T_DEFAULT}, {"property", T_PROPERTY}, {"lpwstr", T_LPWSTR},
};

/* Elements are matched by local name: transitional and strict OOXML differ
   only in namespace, and writers choose their own prefixes. */
static const char *local_name(const char *name)
{
    const char *l = strrchr(name, NS_SEP);
    return l ? l + 1 : name;
}

static enum tag tag_of(const char *name)
{
    size_t i;
    name = local_name(name);
    for (i = 0; i < sizeof tag_names / sizeof tag_names[0]; i++)
        if (strcmp(name, tag_names[i].name) == 0) return tag_names[i].tag;
    return T_OTHER;
}

static const char *attr(const char **atts, const char *local)
{
    for (; atts[0]; atts += 2)
        if (strcmp(local_name(atts[0]), local) == 0) return atts[1];
    return NULL;
}

typedef struct xml_job xml_job;
struct xml_job {
    XML_Parser p;
    struct xlsx_priv *z;
    const char *part;       /* the zip entry, for messages */
    const char *file;       /* where errors point: the path or the sheet's */
    anbud_error *err;
    anbud_status status;    /* ANBUD_OK until something fails */
    int depth;
    unsigned char stack[XLSX_MAX_DEPTH];
    void (*start)(xml_job *, enum tag, const char **);
    void (*end)(xml_job *, enum tag);
    strbuf *collect;        /* character data goes here while set */
    size_t collect_max;
    long row, col;          /* the cell being read, in a sheet; else 0 */
};

static void job_fail(xml_job *j, anbud_status st, long line, long col,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static void job_fail(xml_job *j, anbud_status st, long line, long col,
                     const char *fmt, ...)
{
    va_list ap;
    if (j->status != ANBUD_OK) return;
    va_start(ap, fmt);
    error_vset(j->err, st, j->file, line, col, fmt, ap);
    va_end(ap);
    j->status = st;
    XML_StopParser(j->p, XML_FALSE);
}

static void job_nomem(xml_job *j)
{
    job_fail(j, ANBUD_EUSAGE, 0, 0, "out of memory reading %s", j->part);
}

static enum tag up(const xml_job *j, int n)    /* n = 1: the parent */
{
    return j->depth > n ? (enum tag)j->stack[j->depth - 1 - n] : T_OTHER;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    xml_job *j = ud;
    enum tag t;
    if (j->status != ANBUD_OK) return;
    if (j->depth >= XLSX_MAX_DEPTH) {
        job_fail(j, ANBUD_EINPUT, 0, 0, "%s: XML elements nested more than "
                 "%d deep", j->part, XLSX_MAX_DEPTH);
        return;
    }
    t = tag_of(name);
    j->stack[j->depth++] = (unsigned char)t;
    if (j->start) j->start(j, t, atts);
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    xml_job *j = ud;
    (void)name;
    if (j->status != ANBUD_OK || j->depth == 0) return;
    if (j->end) j->end(j, (enum tag)j->stack[j->depth - 1]);
    j->depth--;
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    xml_job *j = ud;
    int rc;
    if (j->status != ANBUD_OK || !j->collect) return;
    rc = sb_add(j->collect, s, (size_t)len, j->collect_max);
    if (rc == -1 && j->col > 0) {
        char at[24];
        cell_name(at, j->row, j->col);
        job_fail(j, ANBUD_EINPUT, j->row, j->col, "the text in %s is longer "
                 "than %ld bytes", at, (long)j->collect_max);
    } else if (rc == -1)
        job_fail(j, ANBUD_EINPUT, 0, 0, "%s: a text longer than %ld bytes "
                 "(near line %lu)", j->part, (long)j->collect_max,
                 (unsigned long)XML_GetCurrentLineNumber(j->p));
    else if (rc == -2)
        job_nomem(j);
}

/* A DOCTYPE declares entities (billion laughs, external files): no part of
   an .xlsx file has one, so it is refused before anything is declared. */
static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal)
{
    xml_job *j = ud;
    (void)name; (void)sysid; (void)pubid; (void)has_internal;
    job_fail(j, ANBUD_EINPUT, 0, 0, "%s: a DOCTYPE declaration (refused: "
             ".xlsx parts have none, and it can declare entities)", j->part);
}

static void XMLCALL on_entity_decl(void *ud, const XML_Char *name, int is_param,
                                   const XML_Char *value, int value_length,
                                   const XML_Char *base, const XML_Char *sysid,
                                   const XML_Char *pubid, const XML_Char *notation)
{
    xml_job *j = ud;
    (void)name; (void)is_param; (void)value; (void)value_length; (void)base;
    (void)sysid; (void)pubid; (void)notation;
    job_fail(j, ANBUD_EINPUT, 0, 0, "%s: an entity declaration (refused)",
             j->part);
}

static int XMLCALL on_external(XML_Parser p, const XML_Char *context,
                               const XML_Char *base, const XML_Char *sysid,
                               const XML_Char *pubid)
{
    (void)p; (void)context; (void)base; (void)sysid; (void)pubid;
    return XML_STATUS_ERROR;
}

/* Inflate entry e and feed it to expat with j's handlers, counting bytes:
   the part's, the book's, and the ratio to the compressed bytes consumed. */
static anbud_status part_parse(struct xlsx_priv *z, const zentry *e, xml_job *j)
{
    unz_file_info64 fi;
    unz64_file_pos pos = e->pos;
    char buf[65536], sb[SHOW + 4];
    unsigned long long got = 0, used;
    ZPOS64_T start;
    anbud_status st = ANBUD_OK;
    int opened = 0, n;
    j->z = z;
    j->part = show(sb, e->name);
    j->status = ANBUD_OK;
    j->depth = 0;
    j->p = NULL;
    if (unzGoToFilePos64(z->zf, &pos) != UNZ_OK
        || unzGetCurrentFileInfo64(z->zf, &fi, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        goto damaged;
    if (fi.flag & 0x41)     /* traditional or strong encryption */
        return error_set(j->err, ANBUD_EINPUT, j->file, 0, 0,
                         "%s is encrypted; save the workbook without a "
                         "password", j->part);
    if (fi.compression_method != 0 && fi.compression_method != Z_DEFLATED)
        return error_set(j->err, ANBUD_EINPUT, j->file, 0, 0,
                         "%s is compressed with method %lu; expected deflate "
                         "or none, as Excel and LibreOffice write", j->part,
                         (unsigned long)fi.compression_method);
    /* minizip stops at the stated size, so a part stating more is refused
       now; one stating less is cut and fails its CRC */
    if (fi.uncompressed_size > (ZPOS64_T)XLSX_MAX_PART)
        return error_set(j->err, ANBUD_EINPUT, j->file, 0, 0,
                         "%s is %llu MiB inflated, more than the limit of "
                         "%ld MiB for a part", j->part,
                         (unsigned long long)(fi.uncompressed_size >> 20),
                         MIB(XLSX_MAX_PART));
    if (unzOpenCurrentFile(z->zf) != UNZ_OK) goto damaged;
    opened = 1;
    start = unzGetCurrentFileZStreamPos64(z->zf);
    j->p = XML_ParserCreateNS(NULL, NS_SEP);
    if (!j->p) {
        st = error_set(j->err, ANBUD_EUSAGE, j->file, 0, 0, "out of memory");
        goto done;
    }
    XML_SetUserData(j->p, j);
    XML_SetElementHandler(j->p, on_start, on_end);
    XML_SetCharacterDataHandler(j->p, on_text);
    XML_SetStartDoctypeDeclHandler(j->p, on_doctype);
    XML_SetEntityDeclHandler(j->p, on_entity_decl);
    XML_SetExternalEntityRefHandler(j->p, on_external);
    XML_SetParamEntityParsing(j->p, XML_PARAM_ENTITY_PARSING_NEVER);
    for (;;) {
        n = unzReadCurrentFile(z->zf, buf, sizeof buf);
        if (n < 0) goto damaged;
        if (n == 0) break;
        got += (unsigned)n;
        z->inflated += (unsigned)n;
        used = unzGetCurrentFileZStreamPos64(z->zf) - start;
        if (got > (unsigned long long)XLSX_MAX_PART) {
            st = error_set(j->err, ANBUD_EINPUT, j->file, 0, 0, "%s inflates "
                           "to more than the limit of %ld MiB for a part",
                           j->part, MIB(XLSX_MAX_PART));
            goto done;
        }
        if (z->inflated > (unsigned long long)XLSX_MAX_TOTAL) {
            st = error_set(j->err, ANBUD_EINPUT, j->file, 0, 0, "the workbook "
                           "inflates to more than the limit of %ld MiB in all "
                           "(at %s)", MIB(XLSX_MAX_TOTAL), j->part);
            goto done;
        }
        if (got > (unsigned long long)XLSX_RATIO_FROM
            && got > used * XLSX_MAX_RATIO) {
            st = error_set(j->err, ANBUD_EINPUT, j->file, 0, 0, "%s inflates "
                           "to more than %d times its compressed size (a zip "
                           "bomb?); refused after %llu MiB", j->part,
                           XLSX_MAX_RATIO, got >> 20);
            goto done;
        }
        if (XML_Parse(j->p, buf, n, 0) == XML_STATUS_ERROR) goto xml_error;
    }
    if (XML_Parse(j->p, NULL, 0, 1) == XML_STATUS_ERROR) goto xml_error;
    if (got != fi.uncompressed_size) goto damaged;
    opened = 0;
    if (unzCloseCurrentFile(z->zf) != UNZ_OK) goto damaged;  /* the CRC */
    goto done;
xml_error:
    st = j->status;
    if (st == ANBUD_OK)
        st = error_set(j->err, ANBUD_EINPUT, j->file, 0, 0, "%s, line %lu: "
                       "invalid XML: %s", j->part,
                       (unsigned long)XML_GetCurrentLineNumber(j->p),
                       XML_ErrorString(XML_GetErrorCode(j->p)));
    goto done;
damaged:
    st = error_set(j->err, ANBUD_EINPUT, j->file, 0, 0, "damaged zip "
                   "archive: %s cannot be inflated", j->part);
done:
    if (j->p) XML_ParserFree(j->p);
    j->p = NULL;
    if (opened) unzCloseCurrentFile(z->zf);
    /* a handler that failed without stopping the parse (none should) */
    if (st == ANBUD_OK) st = j->status;
    j->part = NULL;         /* it pointed into this frame */
    return st;
}
/* }================================= */

/* {=========== package: relationships, content types, workbook ============ */
/* The entry that target names, from part src ("" for the package root):
   absolute targets start at the root, others in src's folder; "." and ".."
   resolved. NULL if it climbs above the root, is too long or out of memory. */
static char *part_resolve(const char *src, const char *target)
{
    char in[2048], *out, *seg, *save = NULL;
    size_t o = 0, base = 0;
    const char *slash = strrchr(src, '/');
    if (target[0] == '/') target++;
    else if (slash) base = (size_t)(slash - src) + 1;
    if (base + strlen(target) + 1 > sizeof in) return NULL;
    memcpy(in, src, base);
    strcpy(in + base, target);
    out = malloc(strlen(in) + 1);
    if (!out) return NULL;
    for (seg = strtok_r(in, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
        if (strcmp(seg, ".") == 0) continue;
        if (strcmp(seg, "..") == 0) {
            if (o == 0) { free(out); return NULL; }
            while (o > 0 && out[o - 1] != '/') o--;
            if (o > 0) o--;     /* the slash before the dropped segment */
            continue;
        }
        if (o) out[o++] = '/';
        strcpy(out + o, seg);
        o += strlen(seg);
    }
    out[o] = '\0';
    return out;
}

/* "xl/_rels/workbook.xml.rels" for "xl/workbook.xml" (malloc'd). */
static char *rels_name(const char *part)
{
    const char *slash = strrchr(part, '/');
    size_t d = slash ? (size_t)(slash - part) + 1 : 0;
    char *s = malloc(strlen(part) + 12);
    if (!s) return NULL;
    memcpy(s, part, d);
    sprintf(s + d, "_rels/%s.rels", part + d);
    return s;
}

typedef struct rel {
    char *id, *type, *target;   /* target resolved to an entry name */
} rel;

typedef struct rels_parse {
    xml_job job;
    const char *src;
    rel *r;
    int n, cap;
} rels_parse;

static void rels_start(xml_job *j, enum tag t, const char **atts)
{
    rels_parse *rp = (rels_parse *)j;
    const char *id = attr(atts, "Id"), *type = attr(atts, "Type"),
               *target = attr(atts, "Target"), *mode = attr(atts, "TargetMode");
    rel *r;
    if (t != T_RELATIONSHIP || !id || !type || !target) return;
    if (mode && strcmp(mode, "External") == 0) return;  /* never a part */
    if (rp->n >= XLSX_MAX_ENTRIES) {
        job_fail(j, ANBUD_EINPUT, 0, 0, "%s: more than %d relationships",
                 j->part, XLSX_MAX_ENTRIES);
        return;
    }
    if (rp->n == rp->cap) {
        int cap = rp->cap ? 2 * rp->cap : 16;
        rel *nr = realloc(rp->r, (size_t)cap * sizeof *nr);
        if (!nr) { job_nomem(j); return; }
        rp->r = nr;
        rp->cap = cap;
    }
    r = &rp->r[rp->n];
    r->id = strdup(id);
    r->type = strdup(type);
    r->target = part_resolve(rp->src, target);
    if (!r->id || !r->type || !r->target) {
        /* a target above the root is no entry: keep it unresolvable */
        if (r->id && r->type && !r->target) r->target = strdup("");
        if (!r->id || !r->type || !r->target) {
            free(r->id); free(r->type); free(r->target);
            job_nomem(j);
            return;
        }
    }
    rp->n++;
}

static void rels_free(rels_parse *rp)
{
    int i;
    for (i = 0; i < rp->n; i++) {
        free(rp->r[i].id);
        free(rp->r[i].type);
        free(rp->r[i].target);
    }
    free(rp->r);
    rp->r = NULL;
    rp->n = rp->cap = 0;
}

/* The relationships of part src ("" for the package): 1 read, 0 if it has
   none (no .rels entry), or an error status (negative). */
static int rels_read(xlsx_book *b, const char *src, rels_parse *rp,
                     anbud_error *err, anbud_status *st)
{
    char *name = src[0] ? rels_name(src) : strdup("_rels/.rels");
    const zentry *e;
    memset(rp, 0, sizeof *rp);
    rp->src = src;
    rp->job.file = b->path;
    rp->job.err = err;
    rp->job.start = rels_start;
    if (!name) {
        *st = error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
        return -1;
    }
    e = entry_find(b->priv, name);
    free(name);
    if (!e) return 0;
    *st = part_parse(b->priv, e, &rp->job);
    if (*st != ANBUD_OK) { rels_free(rp); return -1; }
    return 1;
}

/* A relationship type is a URI; transitional and strict differ before the
   last '/', so the last segment names it. */
static int rel_is(const rel *r, const char *kind)
{
    const char *s = strrchr(r->type, '/');
    return strcmp(s ? s + 1 : r->type, kind) == 0;
}

static const rel *rel_of_type(const rels_parse *rp, const char *kind)
{
    int i;
    for (i = 0; i < rp->n; i++)
        if (rel_is(&rp->r[i], kind)) return &rp->r[i];
    return NULL;
}

static const rel *rel_of_id(const rels_parse *rp, const char *id)
{
    int i;
    for (i = 0; i < rp->n; i++)
        if (strcmp(rp->r[i].id, id) == 0) return &rp->r[i];
    return NULL;
}

/* [Content_Types].xml: the type of one part, by Override or by Default. */
typedef struct types_parse {
    xml_job job;
    const char *part;       /* the part asked about */
    char over[256], def[256];
} types_parse;

static void types_start(xml_job *j, enum tag t, const char **atts)
{
    types_parse *tp = (types_parse *)j;
    const char *type = attr(atts, "ContentType");
    if (!type) return;
    if (t == T_OVERRIDE) {
        const char *name = attr(atts, "PartName");
        if (name && *name == '/' && strcasecmp(name + 1, tp->part) == 0)
            snprintf(tp->over, sizeof tp->over, "%s", type);
    } else if (t == T_DEFAULT) {
        const char *ext = attr(atts, "Extension"), *dot = strrchr(tp->part, '.');
        if (ext && dot && strcasecmp(ext, dot + 1) == 0)
            snprintf(tp->def, sizeof tp->def, "%s", type);
    }
}

/* The workbook part is a spreadsheet, not a document or a presentation. */
static anbud_status types_check(xlsx_book *b, const char *wb, anbud_error *err)
{
    types_parse tp;
    const zentry *e = entry_find(b->priv, "[Content_Types].xml");
    const char *type;
    char sb[SHOW + 4], sb2[SHOW + 4];
    anbud_status st;
    if (!e)
        return error_set(err, ANBUD_EINPUT, b->path, 0, 0, "not an .xlsx "
                         "file: the zip archive has no [Content_Types].xml");
    memset(&tp, 0, sizeof tp);
    tp.job.file = b->path;
    tp.job.err = err;
    tp.job.start = types_start;
    tp.part = wb;
    st = part_parse(b->priv, e, &tp.job);
    if (st != ANBUD_OK) return st;
    type = tp.over[0] ? tp.over : tp.def;
    if (type[0] && !strstr(type, "spreadsheetml") && !strstr(type, "ms-excel"))
        return error_set(err, ANBUD_EINPUT, b->path, 0, 0, "not a workbook: "
                         "its main part %s is \"%s\"", show(sb, wb),
                         show(sb2, type));
    return ANBUD_OK;
}

typedef struct wb_sheet {
    char *name, *rid;
    int hidden;
} wb_sheet;

typedef struct wb_parse {
    xml_job job;
    wb_sheet *s;
    int n, cap;
    int date1904;
} wb_parse;

static void wb_start(xml_job *j, enum tag t, const char **atts)
{
    wb_parse *w = (wb_parse *)j;
    if (t == T_WORKBOOKPR) {
        const char *d = attr(atts, "date1904");
        w->date1904 = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0);
    } else if (t == T_SHEET && up(j, 1) == T_SHEETS) {
        const char *name = attr(atts, "name"), *state = attr(atts, "state");
        const char *rid = NULL, *c;
        const char **a;
        char sb[SHOW + 4];
        /* r:id: the namespaced "id" */
        for (a = atts; a[0]; a += 2)
            if (strchr(a[0], NS_SEP) && strcmp(local_name(a[0]), "id") == 0)
                rid = a[1];
        if (w->n >= XLSX_MAX_SHEETS) {
            job_fail(j, ANBUD_EINPUT, 0, 0, "the workbook has more than %d "
                     "sheets", XLSX_MAX_SHEETS);
            return;
        }
        if (!name || !name[0] || !rid) {
            job_fail(j, ANBUD_EINPUT, 0, 0, "%s: a sheet without a name or "
                     "a relationship id", j->part);
            return;
        }
        if (strlen(name) > 255) {
            job_fail(j, ANBUD_EINPUT, 0, 0, "the sheet name \"%s\" is longer "
                     "than 255 bytes", show(sb, name));
            return;
        }
        for (c = name; *c; c++)
            if ((unsigned char)*c < 0x20) {
                job_fail(j, ANBUD_EINPUT, 0, 0, "the sheet name \"%s\" holds "
                         "a control character", show(sb, name));
                return;
            }
        if (w->n == w->cap) {
            int cap = w->cap ? 2 * w->cap : 8;
            wb_sheet *ns = realloc(w->s, (size_t)cap * sizeof *ns);
            if (!ns) { job_nomem(j); return; }
            w->s = ns;
            w->cap = cap;
        }
        w->s[w->n].name = strdup(name);
        w->s[w->n].rid = strdup(rid);
        w->s[w->n].hidden = !state ? 0 : strcmp(state, "hidden") == 0 ? 1
                          : strcmp(state, "veryHidden") == 0 ? 2 : 0;
        if (!w->s[w->n].name || !w->s[w->n].rid) {
            free(w->s[w->n].name);
            free(w->s[w->n].rid);
            job_nomem(j);
            return;
        }
        w->n++;
    }
}

static void wb_free(wb_parse *w)
{
    int i;
    for (i = 0; i < w->n; i++) {
        free(w->s[i].name);
        free(w->s[i].rid);
    }
    free(w->s);
}
/* }================================= */

/* {=========== shared strings and styles ============ */
/* The code point of 4 hex digits, or -1. */
static long hex4(const char *s)
{
    long v = 0;
    int i;
    for (i = 0; i < 4; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0) return -1;
        v = 16 * v + d;
    }
    return v;
}

static size_t utf8_put(char *o, long cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decode Excel's _xHHHH_ escapes (a UTF-16 unit: "_x000D_" is CR, "_x005F_"
   a literal '_', surrogate pairs as two) in place; returns the new length.
   NUL and lone surrogates stay as written. The text never grows. */
static size_t x_decode(char *s, size_t n)
{
    size_t i = 0, o = 0;
    while (i < n) {
        long cp, lo;
        if (n - i >= 7 && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_'
            && (cp = hex4(s + i + 2)) > 0) {
            size_t used = 7;
            if (cp >= 0xDC00 && cp <= 0xDFFF) goto literal;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (n - i < 14 || s[i + 7] != '_' || s[i + 8] != 'x'
                    || s[i + 13] != '_' || (lo = hex4(s + i + 9)) < 0xDC00
                    || lo > 0xDFFF)
                    goto literal;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                used = 14;
            }
            o += utf8_put(s + o, cp);
            i += used;
            continue;
        }
    literal:
        s[o++] = s[i++];
    }
    s[o] = '\0';            /* s has room: strbufs keep one byte past n */
    return o;
}

typedef struct sst_parse {
    xml_job job;
    strbuf cur;             /* the <si> being read */
    strbuf text;            /* every string so far, NUL-terminated */
    size_t *off;
    long n, cap;
} sst_parse;

static void sst_start(xml_job *j, enum tag t, const char **atts)
{
    sst_parse *sp = (sst_parse *)j;
    (void)atts;
    if (t == T_SI) sp->cur.n = 0;
    /* <si><t> or <si><r><t>; the <t> of <rPh> (phonetic) is left out */
    else if (t == T_T && (up(j, 1) == T_SI || (up(j, 1) == T_R && up(j, 2) == T_SI))) {
        j->collect = &sp->cur;
        j->collect_max = (size_t)XLSX_MAX_STRING_BYTES;
    }
}

static void sst_end(xml_job *j, enum tag t)
{
    sst_parse *sp = (sst_parse *)j;
    size_t len;
    int rc;
    if (t == T_T) { j->collect = NULL; return; }
    if (t != T_SI || up(j, 1) != T_SST) return;
    if (sp->n >= XLSX_MAX_STRINGS) {
        job_fail(j, ANBUD_EINPUT, 0, 0, "%s: more than %d shared strings",
                 j->part, XLSX_MAX_STRINGS);
        return;
    }
    if (sp->n == sp->cap) {
        long cap = sp->cap ? 2 * sp->cap : 256;
        size_t *no = realloc(sp->off, (size_t)cap * sizeof *no);
        if (!no) { job_nomem(j); return; }
        sp->off = no;
        sp->cap = cap;
    }
    len = sp->cur.s ? x_decode(sp->cur.s, sp->cur.n) : 0;
    sp->off[sp->n] = sp->text.n;
    rc = sb_add(&sp->text, sp->cur.s ? sp->cur.s : "", len + 1,
                (size_t)XLSX_MAX_STRING_BYTES);
    if (rc == -1)
        job_fail(j, ANBUD_EINPUT, 0, 0, "%s: the shared strings are more "
                 "than %ld MiB", j->part, MIB(XLSX_MAX_STRING_BYTES));
    else if (rc == -2)
        job_nomem(j);
    else
        sp->n++;
    sp->cur.n = 0;
}

/* What a number format code shows: a date if it has y, d, or m without h
   or s; a time if it has h or s (or [h] [m] [s] elapsed time). Text in
   quotes, [colour/locale] brackets, \x, _x and *x are left out. */
static enum kind format_kind(const char *f)
{
    int y_d = 0, m = 0, h_s = 0;
    for (; *f; f++) {
        char c = (char)(*f | 0x20);
        if (*f == '"') {
            while (f[1] && f[1] != '"') f++;
            if (f[1]) f++;
        } else if (*f == '[') {
            const char *e = strchr(f, ']');
            size_t k, n;
            if (!e) break;
            n = (size_t)(e - f - 1);
            for (k = 1; k <= n && strchr("hHmMsS", f[k]); k++) ;
            if (n > 0 && k > n) h_s = 1;
            f = e;
        } else if (*f == '\\' || *f == '_' || *f == '*') {
            if (f[1]) f++;
        } else if (c == 'y' || c == 'd') y_d = 1;
        else if (c == 'm') m = 1;
        else if (c == 'h' || c == 's') h_s = 1;
    }
    if (y_d || (m && !h_s)) return K_DATE;
    return h_s ? K_TIME : K_NUMBER;
}

static enum kind builtin_kind(long id)
{
    if ((id >= 14 && id <= 17) || id == 22) return K_DATE;
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) return K_TIME;
    return K_NUMBER;
}

#define FMT_IDS 65536       /* custom numFmtIds kept; Excel's are 164 and up */

typedef struct styles_parse {
    xml_job job;
    unsigned char *custom;  /* FMT_IDS: 0 undefined, else kind + 1 */
    long *xf_fmt;           /* numFmtId of each cellXfs <xf> */
    long nxf, cap;
} styles_parse;

static void styles_start(xml_job *j, enum tag t, const char **atts)
{
    styles_parse *sp = (styles_parse *)j;
    if (t == T_NUMFMT && up(j, 1) == T_NUMFMTS) {
        long id = small_uint(attr(atts, "numFmtId"));
        const char *code = attr(atts, "formatCode");
        if (id >= 0 && id < FMT_IDS && code)
            sp->custom[id] = (unsigned char)(format_kind(code) + 1);
    } else if (t == T_XF && up(j, 1) == T_CELLXFS) {
        if (sp->nxf == sp->cap) {
            long cap = sp->cap ? 2 * sp->cap : 64;
            long *nx = realloc(sp->xf_fmt, (size_t)cap * sizeof *nx);
            if (!nx) { job_nomem(j); return; }
            sp->xf_fmt = nx;
            sp->cap = cap;
        }
        sp->xf_fmt[sp->nxf++] = small_uint(attr(atts, "numFmtId"));
    }
}

static anbud_status styles_read(xlsx_book *b, const zentry *e, anbud_error *err)
{
    struct xlsx_priv *z = b->priv;
    styles_parse sp;
    anbud_status st;
    long i;
    memset(&sp, 0, sizeof sp);
    sp.job.file = b->path;
    sp.job.err = err;
    sp.job.start = styles_start;
    sp.custom = calloc(FMT_IDS, 1);
    if (!sp.custom)
        return error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
    st = part_parse(z, e, &sp.job);
    if (st == ANBUD_OK && sp.nxf > 0) {
        z->xf_kind = malloc((size_t)sp.nxf);
        if (!z->xf_kind)
            st = error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
    }
    if (st == ANBUD_OK) {
        /* numFmts may follow cellXfs: resolve once both are read */
        for (i = 0; i < sp.nxf; i++) {
            long id = sp.xf_fmt[i];
            int k = id < 0 || id >= FMT_IDS ? (int)K_NUMBER
                  : sp.custom[id] ? sp.custom[id] - 1 : (int)builtin_kind(id);
            z->xf_kind[i] = (unsigned char)k;
        }
        z->nxf = sp.nxf;
    }
    free(sp.custom);
    free(sp.xf_fmt);
    return st;
}
/* }================================= */

/* {=========== cell values ============ */
/* A number in exponent form ("1.2345E-3", "-1E+6") written out as plain
   decimal text into out by moving the point, exactly; 1 if done, 0 if s is
   no such number (kept as it is), -2 out of memory. */
static int num_plain(strbuf *out, const char *s, size_t n)
{
    size_t i = 0, ib, ie, fb = 0, fe = 0, nd, k;
    long e = 0, q;
    int neg = 0, esign = 1, edigits = 0;
    char d[CSV_MAX_FIELD];      /* the mantissa's digits; longer is too long */
    const char *dp;
    if (i < n && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
    ib = i;
    while (i < n && s[i] >= '0' && s[i] <= '9') i++;
    ie = i;
    if (i < n && s[i] == '.') {
        fb = ++i;
        while (i < n && s[i] >= '0' && s[i] <= '9') i++;
        fe = i;
    }
    if (ie - ib + fe - fb == 0 || i >= n || (s[i] != 'E' && s[i] != 'e'))
        return 0;
    i++;
    if (i < n && (s[i] == '-' || s[i] == '+')) esign = s[i++] == '-' ? -1 : 1;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, edigits++)
        if (e < 100000) e = 10 * e + (s[i] - '0');
    /* doubles reach 1E308 and 5E-324; more is not a number Excel wrote */
    if (i != n || edigits == 0 || e > 400) return 0;
    nd = ie - ib + fe - fb;
    if (nd > sizeof d) return 0;
    memcpy(d, s + ib, ie - ib);
    if (fe > fb) memcpy(d + (ie - ib), s + fb, fe - fb);
    q = (long)(ie - ib) + esign * e;    /* where the point goes in d */
    dp = d;
    while (nd > 0 && *dp == '0') { dp++; nd--; q--; }
    out->n = 0;
    if (nd == 0) return sb_add(out, "0", 1, SIZE_MAX) ? -2 : 1;
    if (neg && sb_add(out, "-", 1, SIZE_MAX)) return -2;
    if (q <= 0) {
        if (sb_add(out, "0.", 2, SIZE_MAX)) return -2;
        for (k = 0; k < (size_t)-q; k++)
            if (sb_add(out, "0", 1, SIZE_MAX)) return -2;
        if (sb_add(out, dp, nd, SIZE_MAX)) return -2;
    } else if ((size_t)q >= nd) {
        if (sb_add(out, dp, nd, SIZE_MAX)) return -2;
        for (k = nd; k < (size_t)q; k++)
            if (sb_add(out, "0", 1, SIZE_MAX)) return -2;
    } else {
        if (sb_add(out, dp, (size_t)q, SIZE_MAX) || sb_add(out, ".", 1, SIZE_MAX)
            || sb_add(out, dp + q, nd - (size_t)q, SIZE_MAX))
            return -2;
    }
    return 1;
}

int xlsx_number_plain(const char *s, size_t n, char **out)
{
    strbuf b;
    int rc;
    memset(&b, 0, sizeof b);
    *out = NULL;
    rc = num_plain(&b, s, n);
    if (rc == 1) *out = b.s;
    else sb_free(&b);
    return rc;
}

static int is_leap(long y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days from 0001-01-01 to y-01-01 in the proleptic Gregorian calendar. */
static long days_before_year(long y)
{
    long p = y - 1;
    return 365 * p + p / 4 - p / 100 + p / 400;
}

/* The date of day number ord (0 = 0001-01-01). */
static void civil_date(long ord, long *y, int *m, int *d)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    long yy = ord / 366 + 1;    /* at or before the year; a few steps up */
    int mm;
    while (days_before_year(yy + 1) <= ord) yy++;
    ord -= days_before_year(yy);
    for (mm = 0; mm < 11; mm++) {
        long len = mdays[mm] + (mm == 1 && is_leap(yy));
        if (ord < len) break;
        ord -= len;
    }
    *y = yy;
    *m = mm + 1;
    *d = (int)ord + 1;
}

/* A number of a date or time format as ISO text into out (32 bytes):
   "yyyy-mm-dd", with " hh:mm:ss" if it has a time of day; a time format
   gives "hh:mm:ss" (hours past 24 for a duration). 0 if done, 1 if s is no
   plain number (left as it is), -1 with a message in msg. */
static int serial_text(const char *s, enum kind kind, int date1904, char *out,
                       char *msg, size_t msize)
{
    long days = 0, secs, y;
    long long frac = 0, scale = 1000000000000LL;  /* 12 digits of the fraction */
    int i = 0, m, d, digits = 0;
    char sb[SHOW + 4];
    if (s[0] == '-') {
        snprintf(msg, msize, "is a negative date or time (%s)", show(sb, s));
        return -1;
    }
    for (; s[i] >= '0' && s[i] <= '9'; i++, digits++)
        if (days < 100000000L) days = 10 * days + (s[i] - '0');
    if (s[i] == '.')
        for (i++; s[i] >= '0' && s[i] <= '9'; i++)
            if (scale > 1) { scale /= 10; frac += (s[i] - '0') * scale; }
    if (s[i] || digits == 0) return 1;   /* not a number: left as it is */
    /* the time of day to the nearest second, exactly */
    secs = (long)((frac * 86400 + 500000000000LL) / 1000000000000LL);
    if (secs == 86400) { days++; secs = 0; }
    if (kind == K_TIME) {       /* a time of day, or a duration as [h]:mm */
        if (days > 1000000L) goto range;
        snprintf(out, 32, "%02ld:%02ld:%02ld", days * 24 + secs / 3600,
                 secs / 60 % 60, secs % 60);
        return 0;
    }
    if (!date1904 && days == 0 && secs > 0) {   /* a time typed into a date */
        snprintf(out, 32, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60, secs % 60);
        return 0;
    }
    if (!date1904 && days == 0) {
        snprintf(msg, msize, "is the date serial 0, which Excel shows as "
                 "1900-01-00; expected a date");
        return -1;
    }
    if (!date1904 && days == 60) {
        snprintf(msg, msize, "is the date serial 60, 1900-02-29, a day that "
                 "did not exist (Excel's 1900 leap-year bug); expected a date");
        return -1;
    }
    if (days > 3000000L) goto range;
    /* 1900 system: serial 1 is 1900-01-01 and Excel counts a 1900-02-29 */
    if (date1904) civil_date(days_before_year(1904) + days, &y, &m, &d);
    else civil_date(days_before_year(1900) + days - (days < 60 ? 1 : 2), &y, &m, &d);
    if (y > 9999) goto range;
    if (secs == 0) snprintf(out, 32, "%04ld-%02d-%02d", y, m, d);
    else snprintf(out, 32, "%04ld-%02d-%02d %02ld:%02ld:%02ld", y, m, d,
                  secs / 3600, secs / 60 % 60, secs % 60);
    return 0;
range:
    snprintf(msg, msize, "is the date serial %s, after 9999-12-31",
             show(sb, s));
    return -1;
}
/* }================================= */

/* {=========== sheets ============ */
enum ctype { C_N, C_S, C_STR, C_INLINE, C_B, C_E, C_D };

typedef struct scell {
    long row, col;
    size_t off;             /* of its text in sheet_parse.text */
} scell;

typedef struct sheet_parse {
    xml_job job;
    long row, col;          /* of the row and the cell last opened */
    int in_cell;
    enum ctype type;
    long style;
    int has_f, has_v;
    strbuf v, is, tmp;
    scell *cells;           /* the non-empty cells, in order */
    size_t ncells, capcells;
    strbuf text;            /* their texts; offset 0 holds "" */
    long nrows;             /* non-empty rows so far */
    long width;             /* the header's, once its row has ended */
    long header_row;
    long row_cells;         /* non-empty cells in the current row */
    int raw;                /* xlsx_read_cells: every cell as saved */
    strbuf f;               /* raw: the cell's formula */
    struct rawcell *raw_cells;
    size_t nraw, capraw;
} sheet_parse;

/* A cell of xlsx_read_cells while the sheet is read: offsets into text. */
typedef struct rawcell {
    long row, col;
    int has_f;
    size_t fo, vo;
} rawcell;

static void cell_fail(sheet_parse *s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void cell_fail(sheet_parse *s, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    job_fail(&s->job, ANBUD_EINPUT, s->row, s->col, "%s", msg);
}

/* Keep the cell just read, if it has text. */
static void cell_store(sheet_parse *s, const char *text, size_t n)
{
    struct xlsx_priv *z = s->job.z;
    char at[24], hb[8], what[64];
    unsigned long bad;
    long cp;
    text = trim(text, &n);
    if (n == 0) return;
    cell_name(at, s->row, s->col);
    if (n > CSV_MAX_FIELD) {
        cell_fail(s, "the text in %s is %zu bytes, longer than the limit of "
                  "%d bytes", at, n, CSV_MAX_FIELD);
        return;
    }
    /* _xFFFE_ and _x0001_ decode to what XML itself cannot hold */
    bad = text_xml_bad(text, n, &cp);
    if (bad < n) {
        cell_fail(s, "%s in %s is not allowed in a cell: a workbook (XML) "
                  "cannot hold it; remove it",
                  text_xml_what(what, sizeof what, cp, (unsigned char)text[bad]), at);
        return;
    }
    /* a small file can repeat one long shared string in every cell */
    if (n + 1 > (size_t)XLSX_MAX_TEXT - z->text) {
        cell_fail(s, "the cells of the workbook hold more than %ld MiB of "
                  "text (a shared string counts at each cell that uses it)",
                  MIB(XLSX_MAX_TEXT));
        return;
    }
    z->text += n + 1;
    if (s->width == 0 && s->col > CSV_MAX_COLS) {
        cell_fail(s, "too many columns: a row may have at most %d",
                  CSV_MAX_COLS);
        return;
    }
    if (s->width > 0 && s->col > s->width) {
        col_name(hb, s->width);
        cell_fail(s, "a value in %s outside the header's columns (the header "
                  "in row %ld ends at column %s)", at, s->header_row, hb);
        return;
    }
    if (s->ncells >= CSV_MAX_CELLS) {
        cell_fail(s, "too many cells: a sheet may have at most %d",
                  CSV_MAX_CELLS);
        return;
    }
    if (s->ncells == s->capcells) {
        size_t cap = s->capcells ? 2 * s->capcells : 256;
        scell *nc = realloc(s->cells, cap * sizeof *nc);
        if (!nc) { job_nomem(&s->job); return; }
        s->cells = nc;
        s->capcells = cap;
    }
    s->cells[s->ncells].row = s->row;
    s->cells[s->ncells].col = s->col;
    s->cells[s->ncells].off = s->text.n;
    /* the book's count above bounds it: the sheet's holds one "" more */
    switch (sb_add(&s->text, text, n, (size_t)XLSX_MAX_TEXT + 1)) {
    case 0:
        /* the NUL that ends it is the next text's first byte until then */
        if (sb_add(&s->text, "", 1, (size_t)XLSX_MAX_TEXT + 1) == 0) break;
        /* fall through */
    case -1:
        cell_fail(s, "the cells of the workbook hold more than %ld MiB of text",
                  MIB(XLSX_MAX_TEXT));
        return;
    default:
        job_nomem(&s->job);
        return;
    }
    s->ncells++;
    s->row_cells++;
}

/* </c> of xlsx_read_cells: formula and value as saved (offsets into text
   until the sheet has been read). */
static void raw_end(sheet_parse *s)
{
    struct xlsx_priv *z = s->job.z;
    const char *v = s->v.s ? s->v.s : "";
    size_t vn = s->v.n, fo = 0, vo;
    long k;
    if (s->type == C_S && s->has_v) {
        k = small_uint(v);
        if (k < 0 || k >= z->nsst) {
            cell_fail(s, "the shared string index \"%.20s\" is out of range", v);
            return;
        }
        v = z->sst + z->sst_off[k];
        vn = strlen(v);
    } else if (s->type == C_INLINE) {
        v = s->is.s ? s->is.s : "";
        vn = s->is.s ? x_decode(s->is.s, s->is.n) : 0;
    } else if (s->type == C_STR && s->v.s) {
        vn = x_decode(s->v.s, s->v.n);
    }
    if (!s->has_f && vn == 0) return;   /* formatting only */
    if (s->nraw == s->capraw) {
        size_t cap = s->capraw ? 2 * s->capraw : 256;
        rawcell *nc;
        if (s->nraw >= (size_t)CSV_MAX_CELLS) {
            cell_fail(s, "too many cells: a sheet may have at most %d", CSV_MAX_CELLS);
            return;
        }
        nc = realloc(s->raw_cells, cap * sizeof *nc);
        if (!nc) { job_nomem(&s->job); return; }
        s->raw_cells = nc;
        s->capraw = cap;
    }
    if (s->has_f) {
        fo = s->text.n;
        if (sb_add(&s->text, s->f.s ? s->f.s : "", s->f.s ? x_decode(s->f.s, s->f.n) : 0,
                   (size_t)XLSX_MAX_TEXT) != 0
            || sb_add(&s->text, "", 1, (size_t)XLSX_MAX_TEXT) != 0) {
            cell_fail(s, "the cells of the sheet hold too much text");
            return;
        }
    }
    vo = s->text.n;
    if (sb_add(&s->text, v, vn, (size_t)XLSX_MAX_TEXT) != 0
        || sb_add(&s->text, "", 1, (size_t)XLSX_MAX_TEXT) != 0) {
        cell_fail(s, "the cells of the sheet hold too much text");
        return;
    }
    s->raw_cells[s->nraw].row = s->row;
    s->raw_cells[s->nraw].col = s->col;
    s->raw_cells[s->nraw].has_f = s->has_f;
    s->raw_cells[s->nraw].fo = fo;
    s->raw_cells[s->nraw].vo = vo;
    s->nraw++;
}

/* </c>: the cell's text from its type, value and style. */
static void cell_end(sheet_parse *s)
{
    struct xlsx_priv *z = s->job.z;
    char at[24], sb[SHOW + 4], iso[32], msg[200];
    const char *v = s->v.s ? s->v.s : "";
    size_t vn = s->v.n;
    long k;
    int rc;
    s->in_cell = 0;
    if (s->raw) { raw_end(s); return; }
    cell_name(at, s->row, s->col);
    /* openpyxl writes <v></v> for a formula: only a text result is empty */
    trim(v, &vn);
    if (s->has_f && s->type != C_INLINE
        && (!s->has_v || (vn == 0 && s->type != C_STR))) {
        cell_fail(s, "the formula in %s has no saved value; open and save the "
                  "file in Excel or LibreOffice", at);
        return;
    }
    vn = s->v.n;
    switch (s->type) {
    case C_S:
        if (!s->has_v) return;
        k = small_uint(v);
        if (k < 0) {
            cell_fail(s, "the shared string index \"%s\" in %s is not a number",
                      show(sb, s->v.s), at);
            return;
        }
        if (k >= z->nsst) {
            cell_fail(s, "the shared string index %ld in %s is out of range "
                      "(the file has %ld)", k, at, z->nsst);
            return;
        }
        v = z->sst + z->sst_off[k];
        cell_store(s, v, strlen(v));
        return;
    case C_INLINE:
        if (s->is.s) cell_store(s, s->is.s, x_decode(s->is.s, s->is.n));
        return;
    case C_STR:
        if (s->v.s) cell_store(s, s->v.s, x_decode(s->v.s, s->v.n));
        return;
    case C_B:
        v = trim(v, &vn);
        if (vn == 1 && (v[0] == '0' || v[0] == '1'))
            cell_store(s, v[0] == '1' ? "TRUE" : "FALSE", v[0] == '1' ? 4 : 5);
        else if (vn)
            cell_fail(s, "the boolean in %s is \"%s\"; expected 0 or 1", at,
                      show(sb, v));
        return;
    case C_E:
        cell_fail(s, "the cell %s holds the error %s; expected a value", at,
                  show(sb, trim(v, &vn)));
        return;
    case C_D:
        /* an ISO date (rare): midnight is left out as for a date serial */
        v = trim(v, &vn);
        if (vn >= 19 && v[10] == 'T' && strncmp(v + 11, "00:00:00", 8) == 0)
            vn = 10;
        cell_store(s, v, vn);
        return;
    case C_N:
        break;
    }
    v = trim(v, &vn);
    if (vn == 0) return;
    rc = num_plain(&s->tmp, v, vn);
    if (rc == -2) { job_nomem(&s->job); return; }
    if (rc == 1) { v = s->tmp.s; vn = s->tmp.n; }
    if (s->style >= 0 && s->style < z->nxf && z->xf_kind[s->style] != K_NUMBER
        && vn < 64) {
        char num[64];
        memcpy(num, v, vn);
        num[vn] = '\0';
        rc = serial_text(num, (enum kind)z->xf_kind[s->style], z->date1904,
                         iso, msg, sizeof msg);
        if (rc < 0) {
            cell_fail(s, "the date in %s %s", at, msg);
            return;
        }
        if (rc == 0) { cell_store(s, iso, strlen(iso)); return; }
    }
    /* text where a number is expected is the input binder's to report */
    cell_store(s, v, vn);
}

/* "C4": column and row; -1 if it is no cell reference. */
static int parse_ref(const char *r, long *row, long *col)
{
    long c = 0, n = 0;
    int i = 0, j;
    for (; (r[i] >= 'A' && r[i] <= 'Z') || (r[i] >= 'a' && r[i] <= 'z'); i++) {
        if (i >= 3) return -1;
        c = 26 * c + ((r[i] | 0x20) - 'a' + 1);
    }
    for (j = i; r[j] >= '0' && r[j] <= '9'; j++) {
        if (j - i >= 7) return -1;
        n = 10 * n + (r[j] - '0');
    }
    if (i == 0 || j == i || r[j] || c > MAX_COL || n < 1 || n > MAX_ROW)
        return -1;
    *row = n;
    *col = c;
    return 0;
}

static void sheet_start(xml_job *j, enum tag t, const char **atts)
{
    sheet_parse *s = (sheet_parse *)j;
    char sb[SHOW + 4], at[24], prev[24];
    if (t == T_ROW && up(j, 1) == T_SHEETDATA) {
        const char *r = attr(atts, "r");
        long n = r ? small_uint(r) : s->row + 1;
        if (n < 1 || n > MAX_ROW) {
            job_fail(j, ANBUD_EINPUT, s->row + 1, 0, "bad row number \"%s\" "
                     "after row %ld", show(sb, r ? r : ""), s->row);
            return;
        }
        if (n <= s->row) {
            job_fail(j, ANBUD_EINPUT, n, 0, "row %ld comes after row %ld "
                     "(rows out of order or repeated)", n, s->row);
            return;
        }
        s->row = n;
        s->col = 0;
        s->row_cells = 0;
    } else if (t == T_C && up(j, 1) == T_ROW && up(j, 2) == T_SHEETDATA) {
        const char *r = attr(atts, "r"), *ty = attr(atts, "t"), *st = attr(atts, "s");
        long row = s->row, col = s->col + 1;
        if (r && parse_ref(r, &row, &col) != 0) {
            job_fail(j, ANBUD_EINPUT, s->row, s->col + 1, "bad cell reference "
                     "\"%s\" in row %ld", show(sb, r), s->row);
            return;
        }
        if (row != s->row) {
            job_fail(j, ANBUD_EINPUT, s->row, col, "the cell %s is inside row "
                     "%ld", show(sb, r), s->row);
            return;
        }
        if (col <= s->col) {
            cell_name(at, row, col);
            cell_name(prev, row, s->col);
            job_fail(j, ANBUD_EINPUT, row, col, "the cell %s comes after %s "
                     "(cells out of order or repeated)", at, prev);
            return;
        }
        if (col > MAX_COL) {
            job_fail(j, ANBUD_EINPUT, row, 0, "more than %ld cells in row %ld",
                     MAX_COL, row);
            return;
        }
        s->col = col;
        j->row = row;
        j->col = col;
        s->in_cell = 1;
        s->has_f = s->has_v = 0;
        s->v.n = s->is.n = s->f.n = 0;
        if (s->v.s) s->v.s[0] = '\0';
        if (s->is.s) s->is.s[0] = '\0';
        if (s->f.s) s->f.s[0] = '\0';
        s->style = st ? small_uint(st) : 0;   /* -1 if unreadable: no date */
        if (!ty || strcmp(ty, "n") == 0) s->type = C_N;
        else if (strcmp(ty, "s") == 0) s->type = C_S;
        else if (strcmp(ty, "str") == 0) s->type = C_STR;
        else if (strcmp(ty, "inlineStr") == 0) s->type = C_INLINE;
        else if (strcmp(ty, "b") == 0) s->type = C_B;
        else if (strcmp(ty, "e") == 0) s->type = C_E;
        else if (strcmp(ty, "d") == 0) s->type = C_D;
        else {
            cell_name(at, row, col);
            job_fail(j, ANBUD_EINPUT, row, col, "the cell %s has the unknown "
                     "type \"%s\"", at, show(sb, ty));
        }
    } else if (!s->in_cell) {
        return;
    } else if (t == T_V && up(j, 1) == T_C) {
        s->has_v = 1;
        j->collect = &s->v;
        j->collect_max = (size_t)CELL_RAW_MAX;
    } else if (t == T_F && up(j, 1) == T_C) {
        s->has_f = 1;
        if (s->raw) {
            j->collect = &s->f;
            j->collect_max = (size_t)CELL_RAW_MAX;
        }
    } else if (t == T_T && (up(j, 1) == T_IS || (up(j, 1) == T_R && up(j, 2) == T_IS))) {
        j->collect = &s->is;
        j->collect_max = (size_t)CELL_RAW_MAX;
    }
}

static void sheet_end(xml_job *j, enum tag t)
{
    sheet_parse *s = (sheet_parse *)j;
    if (t == T_V || t == T_T || t == T_F) {
        j->collect = NULL;
    } else if (t == T_C && s->in_cell && up(j, 1) == T_ROW) {
        cell_end(s);
    } else if (t == T_ROW && up(j, 1) == T_SHEETDATA && s->row_cells > 0) {
        if (s->width == 0) {
            /* the header: its last non-empty cell sets the width */
            s->width = s->cells[s->ncells - 1].col;
            s->header_row = s->row;
        }
        if (s->nrows > CSV_MAX_ROWS) {      /* the first is the header */
            job_fail(j, ANBUD_EINPUT, s->row, 0, "too many rows: a sheet may "
                     "have at most %d under the header", CSV_MAX_ROWS);
            return;
        }
        s->nrows++;
        if (s->nrows > CSV_MAX_CELLS / s->width)
            job_fail(j, ANBUD_EINPUT, s->row, 0, "too many cells: a sheet may "
                     "have at most %d (rows times the header's columns)",
                     CSV_MAX_CELLS);
    }
}

/* The header's names: none empty, none twice (ignoring case), as csvread.c. */
static anbud_status header_check(const csv_table *t, anbud_error *err)
{
    const csv_row *h = &t->rows[0];
    char s1[SHOW + 4], s2[SHOW + 4];
    int i, k;
    for (i = 0; i < h->ncells; i++) {
        if (!h->cells[i].text[0])
            return error_set(err, ANBUD_EINPUT, t->path, h->line, i + 1,
                             "empty column name in the header; every column "
                             "needs a name");
        for (k = 0; k < i; k++)
            if (text_name_eq(h->cells[i].text, h->cells[k].text))
                return error_set(err, ANBUD_EINPUT, t->path, h->line, i + 1,
                                 "duplicate column \"%s\": column %d is \"%s\" "
                                 "(names are compared ignoring case)",
                                 show(s1, h->cells[i].text), k + 1,
                                 show(s2, h->cells[k].text));
    }
    return ANBUD_OK;
}

/* The cells read into t's rows: one block of cells, rows padded with "". */
static anbud_status table_build(sheet_parse *s, csv_table *t, anbud_error *err)
{
    size_t i, w = (size_t)s->width, nr = (size_t)s->nrows;
    long ri = -1, last = 0;
    if (s->ncells == 0) return ANBUD_OK;   /* workbooks often hold empty sheets */
    t->rows = calloc(nr, sizeof *t->rows);
    t->cell_block = malloc(nr * w * sizeof *t->cell_block);
    if (!t->rows || !t->cell_block)
        return error_set(err, ANBUD_EUSAGE, t->path, 0, 0, "out of memory");
    t->text_block = s->text.s;      /* t owns it now */
    s->text.s = NULL;
    for (i = 0; i < s->ncells; i++) {
        const scell *c = &s->cells[i];
        csv_cell *cells;
        if (c->row != last) {
            size_t k;
            csv_row *r = &t->rows[++ri];
            r->cells = t->cell_block + (size_t)ri * w;
            r->ncells = (int)w;
            r->line = c->row;
            for (k = 0; k < w; k++) {
                r->cells[k].text = t->text_block;   /* "" */
                r->cells[k].line = c->row;
                r->cells[k].col = (long)k + 1;
                r->cells[k].quoted = 0;
            }
            last = c->row;
        }
        cells = t->rows[ri].cells;
        cells[c->col - 1].text = t->text_block + c->off;
    }
    t->nrows = (int)nr;
    return header_check(t, err);
}
/* }================================= */

/* {=========== the book ============ */
static anbud_status sst_read(xlsx_book *b, const zentry *e, anbud_error *err)
{
    struct xlsx_priv *z = b->priv;
    sst_parse sp;
    anbud_status st;
    memset(&sp, 0, sizeof sp);
    sp.job.file = b->path;
    sp.job.err = err;
    sp.job.start = sst_start;
    sp.job.end = sst_end;
    st = part_parse(z, e, &sp.job);
    sb_free(&sp.cur);
    if (st != ANBUD_OK) {
        sb_free(&sp.text);
        free(sp.off);
        return st;
    }
    z->sst = sp.text.s;
    z->sst_off = sp.off;
    z->nsst = sp.n;
    return ANBUD_OK;
}

/* The workbook's part: the officeDocument of _rels/.rels, else the usual name. */
static anbud_status find_workbook(xlsx_book *b, char **wb, anbud_error *err)
{
    rels_parse rp;
    const rel *r;
    anbud_status st = ANBUD_OK;
    int got = rels_read(b, "", &rp, err, &st);
    if (got < 0) return st;
    r = got ? rel_of_type(&rp, "officeDocument") : NULL;
    *wb = strdup(r && r->target[0] ? r->target : "xl/workbook.xml");
    rels_free(&rp);
    if (!*wb) return error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
    return ANBUD_OK;
}

static anbud_status book_read(xlsx_book *b, anbud_error *err)
{
    struct xlsx_priv *z = b->priv;
    rels_parse rp;
    wb_parse w;
    const zentry *e;
    const rel *r;
    char *wb = NULL, *rn = NULL, sb[SHOW + 4];
    anbud_status st;
    int i, got;
    memset(&rp, 0, sizeof rp);
    memset(&w, 0, sizeof w);
    st = find_workbook(b, &wb, err);
    if (st != ANBUD_OK) return st;
    e = entry_find(z, wb);
    if (!e) {
        st = error_set(err, ANBUD_EINPUT, b->path, 0, 0, "no workbook in the "
                       "file: %s is missing (is it an .xlsx file?)", show(sb, wb));
        goto done;
    }
    st = types_check(b, wb, err);
    if (st != ANBUD_OK) goto done;
    got = rels_read(b, wb, &rp, err, &st);
    if (got < 0) goto done;
    if (got == 0) {
        rn = rels_name(wb);
        st = error_set(err, ANBUD_EINPUT, b->path, 0, 0, "damaged workbook: "
                       "%s is missing", rn ? show(sb, rn) : "its relationships");
        goto done;
    }
    w.job.file = b->path;
    w.job.err = err;
    w.job.start = wb_start;
    st = part_parse(z, e, &w.job);
    if (st != ANBUD_OK) goto done;
    z->date1904 = w.date1904;
    b->sheet_names = calloc((size_t)w.n + 1, sizeof *b->sheet_names);
    b->sheet_hidden = calloc((size_t)w.n + 1, sizeof *b->sheet_hidden);
    z->sheet_parts = calloc((size_t)w.n + 1, sizeof *z->sheet_parts);
    if (!b->sheet_names || !b->sheet_hidden || !z->sheet_parts) goto nomem;
    for (i = 0; i < w.n; i++) {
        char where[512];
        snprintf(where, sizeof where, "%s" XLSX_SHEET_SEP "%s", b->path, w.s[i].name);
        r = rel_of_id(&rp, w.s[i].rid);
        if (!r) {
            st = error_set(err, ANBUD_EINPUT, where, 0, 0, "the sheet has no "
                           "relationship \"%s\" in the workbook's", show(sb, w.s[i].rid));
            goto done;
        }
        if (!rel_is(r, "worksheet")) continue;  /* a chart or dialog sheet */
        if (!entry_find(z, r->target)) {
            st = error_set(err, ANBUD_EINPUT, where, 0, 0, "the sheet's part "
                           "%s is missing from the file", show(sb, r->target));
            goto done;
        }
        z->sheet_parts[b->nsheets] = strdup(r->target);
        b->sheet_names[b->nsheets] = strdup(w.s[i].name);
        b->sheet_hidden[b->nsheets] = w.s[i].hidden;
        if (!z->sheet_parts[b->nsheets] || !b->sheet_names[b->nsheets]) {
            free(z->sheet_parts[b->nsheets]);
            free(b->sheet_names[b->nsheets]);
            z->sheet_parts[b->nsheets] = b->sheet_names[b->nsheets] = NULL;
            goto nomem;
        }
        b->nsheets++;
    }
    if (b->nsheets == 0) {
        st = error_set(err, ANBUD_EINPUT, b->path, 0, 0, "the workbook has no "
                       "worksheets");
        goto done;
    }
    r = rel_of_type(&rp, "sharedStrings");
    if (r) {
        if (!(e = entry_find(z, r->target))) {
            st = error_set(err, ANBUD_EINPUT, b->path, 0, 0, "damaged workbook: "
                           "its shared strings %s are missing", show(sb, r->target));
            goto done;
        }
        st = sst_read(b, e, err);
        if (st != ANBUD_OK) goto done;
    }
    r = rel_of_type(&rp, "styles");
    if (r && (e = entry_find(z, r->target)) != NULL) {
        st = styles_read(b, e, err);
        if (st != ANBUD_OK) goto done;
    }
    st = ANBUD_OK;
    goto done;
nomem:
    st = error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
done:
    free(wb);
    free(rn);
    rels_free(&rp);
    wb_free(&w);
    return st;
}

anbud_status xlsx_open(xlsx_book *b, const char *path, anbud_error *err)
{
    anbud_status st;
    memset(b, 0, sizeof *b);
    b->path = strdup(path);
    b->priv = calloc(1, sizeof *b->priv);
    if (!b->path || !b->priv) {
        st = error_set(err, ANBUD_EUSAGE, path, 0, 0, "out of memory");
        goto fail;
    }
    st = read_file(b, err);
    if (st != ANBUD_OK) goto fail;
    sha256_hex(b->priv->bytes, b->priv->nbytes, b->sha256);
    st = zip_open(b, err);
    if (st != ANBUD_OK) goto fail;
    st = book_read(b, err);
    if (st != ANBUD_OK) goto fail;
    return ANBUD_OK;
fail:
    xlsx_close(b);
    return st;
}

anbud_status xlsx_read_sheet(xlsx_book *b, int sheet, csv_table *t,
                             anbud_error *err)
{
    struct xlsx_priv *z = b->priv;
    sheet_parse s;
    const zentry *e;
    anbud_status st;
    size_t n;
    memset(t, 0, sizeof *t);
    if (!z || sheet < 0 || sheet >= b->nsheets)
        return error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "no sheet %d in "
                         "the workbook", sheet + 1);
    n = strlen(b->path) + strlen(b->sheet_names[sheet]) + 2;
    t->path = malloc(n);
    if (!t->path) return error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
    snprintf(t->path, n, "%s" XLSX_SHEET_SEP "%s", b->path, b->sheet_names[sheet]);
    memcpy(t->sha256, b->sha256, sizeof t->sha256);
    t->delim = 0;
    t->decimal = '.';
    memset(&s, 0, sizeof s);
    s.job.file = t->path;
    s.job.err = err;
    s.job.start = sheet_start;
    s.job.end = sheet_end;
    e = entry_find(z, z->sheet_parts[sheet]);
    if (!e) {       /* checked by xlsx_open */
        st = error_set(err, ANBUD_EINPUT, t->path, 0, 0, "the sheet's part is "
                       "missing from the file");
        goto done;
    }
    if (sb_add(&s.text, "", 1, 1) != 0) {   /* offset 0: the empty text */
        st = error_set(err, ANBUD_EUSAGE, t->path, 0, 0, "out of memory");
        goto done;
    }
    st = part_parse(z, e, &s.job);
    if (st == ANBUD_OK) st = table_build(&s, t, err);
done:
    sb_free(&s.v);
    sb_free(&s.is);
    sb_free(&s.tmp);
    sb_free(&s.text);
    free(s.cells);
    if (st != ANBUD_OK) csv_table_free(t);
    return st;
}

void xlsx_close(xlsx_book *b)
{
    struct xlsx_priv *z;
    int i;
    if (!b) return;
    z = b->priv;
    if (z) {
        if (z->zf) unzClose(z->zf);
        for (i = 0; i < z->nentries; i++) free(z->entries[i].name);
        free(z->entries);
        if (z->sheet_parts)
            for (i = 0; i < b->nsheets; i++) free(z->sheet_parts[i]);
        free(z->sheet_parts);
        free(z->sst);
        free(z->sst_off);
        free(z->xf_kind);
        free(z->bytes);
        free(z);
    }
    if (b->sheet_names)
        for (i = 0; i < b->nsheets; i++) free(b->sheet_names[i]);
    free(b->sheet_names);
    free(b->sheet_hidden);
    free(b->path);
    memset(b, 0, sizeof *b);
}
/* }================================= */

/* {=========== reading a workbook back as saved ============ */
/* The sheet's part parsed into s (a sheet_parse set up by the caller). */
static anbud_status sheet_parse_part(xlsx_book *b, int sheet, sheet_parse *s, char **where,
                                     anbud_error *err)
{
    struct xlsx_priv *z = b->priv;
    const zentry *e;
    size_t n;
    *where = NULL;
    if (!z || sheet < 0 || sheet >= b->nsheets)
        return error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "no sheet %d in the workbook", sheet + 1);
    n = strlen(b->path) + strlen(b->sheet_names[sheet]) + 2;
    if (!(*where = malloc(n))) return error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
    snprintf(*where, n, "%s" XLSX_SHEET_SEP "%s", b->path, b->sheet_names[sheet]);
    s->job.file = *where;
    s->job.err = err;
    s->job.start = sheet_start;
    s->job.end = sheet_end;
    e = entry_find(z, z->sheet_parts[sheet]);
    if (!e) return error_set(err, ANBUD_EINPUT, *where, 0, 0, "the sheet's part is missing from the file");
    return part_parse(z, e, &s->job);
}

anbud_status xlsx_read_cells(xlsx_book *b, int sheet, xlsx_cells *out, anbud_error *err)
{
    sheet_parse s;
    char *where;
    anbud_status st;
    size_t i;
    memset(out, 0, sizeof *out);
    memset(&s, 0, sizeof s);
    s.raw = 1;
    st = sheet_parse_part(b, sheet, &s, &where, err);
    if (st == ANBUD_OK) {
        out->cells = calloc(s.nraw + 1, sizeof *out->cells);
        if (!out->cells) st = error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
    }
    if (st == ANBUD_OK) {
        out->text = s.text.s;
        s.text.s = NULL;
        for (i = 0; i < s.nraw; i++) {
            out->cells[i].row = s.raw_cells[i].row;
            out->cells[i].col = s.raw_cells[i].col;
            out->cells[i].formula = s.raw_cells[i].has_f ? out->text + s.raw_cells[i].fo : NULL;
            out->cells[i].value = out->text + s.raw_cells[i].vo;
        }
        out->n = s.nraw;
    }
    free(where);
    sb_free(&s.v);
    sb_free(&s.is);
    sb_free(&s.f);
    sb_free(&s.tmp);
    sb_free(&s.text);
    free(s.cells);
    free(s.raw_cells);
    if (st != ANBUD_OK) xlsx_cells_free(out);
    return st;
}

void xlsx_cells_free(xlsx_cells *c)
{
    if (!c) return;
    free(c->cells);
    free(c->text);
    memset(c, 0, sizeof *c);
}

typedef struct props_parse {
    xml_job job;
    char **names, **values;
    int n, cap;
    strbuf cur;
    int in_prop;
} props_parse;

static void props_start(xml_job *j, enum tag t, const char **atts)
{
    props_parse *p = (props_parse *)j;
    if (t == T_PROPERTY) {
        const char *name = attr(atts, "name");
        if (p->n == p->cap) {
            int cap = p->cap ? 2 * p->cap : 16;
            char **nn, **nv;
            if (cap > 10000) { job_fail(j, ANBUD_EINPUT, 0, 0, "too many document properties"); return; }
            nn = realloc(p->names, (size_t)cap * sizeof *nn);
            if (nn) p->names = nn;
            nv = nn ? realloc(p->values, (size_t)cap * sizeof *nv) : NULL;
            if (nv) p->values = nv;
            if (!nn || !nv) { job_nomem(j); return; }
            p->cap = cap;
        }
        p->names[p->n] = strdup(name ? name : "");
        p->values[p->n] = NULL;
        if (!p->names[p->n]) { job_nomem(j); return; }
        p->n++;
        p->in_prop = 1;
    } else if (t == T_LPWSTR && p->in_prop && up(j, 1) == T_PROPERTY) {
        p->cur.n = 0;
        if (p->cur.s) p->cur.s[0] = '\0';
        j->collect = &p->cur;
        j->collect_max = (size_t)CELL_RAW_MAX;
    }
}

static void props_end(xml_job *j, enum tag t)
{
    props_parse *p = (props_parse *)j;
    if (t == T_LPWSTR && j->collect) {
        j->collect = NULL;
        free(p->values[p->n - 1]);
        p->values[p->n - 1] = strdup(p->cur.s ? p->cur.s : "");
        if (!p->values[p->n - 1]) job_nomem(j);
    } else if (t == T_PROPERTY) {
        p->in_prop = 0;
    }
}

anbud_status xlsx_read_properties(xlsx_book *b, char ***names, char ***values, int *n,
                                  anbud_error *err)
{
    props_parse p;
    const zentry *e;
    anbud_status st;
    int i;
    *names = *values = NULL;
    *n = 0;
    if (!b->priv || !(e = entry_find(b->priv, "docProps/custom.xml"))) return ANBUD_OK;
    memset(&p, 0, sizeof p);
    p.job.file = b->path;
    p.job.err = err;
    p.job.start = props_start;
    p.job.end = props_end;
    st = part_parse(b->priv, e, &p.job);
    sb_free(&p.cur);
    for (i = 0; i < p.n; i++)
        if (!p.values[i] && st == ANBUD_OK && !(p.values[i] = strdup("")))
            st = error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "out of memory");
    if (st != ANBUD_OK) {
        for (i = 0; i < p.n; i++) { free(p.names[i]); free(p.values[i]); }
        free(p.names);
        free(p.values);
        return st;
    }
    *names = p.names;
    *values = p.values;
    *n = p.n;
    return ANBUD_OK;
}

int xlsx_part_count(const xlsx_book *b)
{
    return b->priv ? b->priv->nentries : 0;
}

/* A part inflated and parsed for nothing but its CRC and limits. */
anbud_status xlsx_part_info(xlsx_book *b, int i, int inflate, const char **name,
                            unsigned long *crc, unsigned long long *size, anbud_error *err)
{
    struct xlsx_priv *z = b->priv;
    unz_file_info64 fi;
    unz64_file_pos pos;
    xml_job j;
    anbud_status st;
    if (!z || i < 0 || i >= z->nentries)
        return error_set(err, ANBUD_EUSAGE, b->path, 0, 0, "no part %d in the workbook", i + 1);
    *name = z->entries[i].name;
    pos = z->entries[i].pos;
    if (unzGoToFilePos64(z->zf, &pos) != UNZ_OK
        || unzGetCurrentFileInfo64(z->zf, &fi, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        return error_set(err, ANBUD_EINPUT, b->path, 0, 0, "damaged zip archive: %s", *name);
    *crc = (unsigned long)fi.crc;
    *size = (unsigned long long)fi.uncompressed_size;
    if (!inflate) return ANBUD_OK;
    memset(&j, 0, sizeof j);
    j.file = b->path;
    j.err = err;
    st = part_parse(z, &z->entries[i], &j);
    return st;
}
/* }================================= */
