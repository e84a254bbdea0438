/* SPDX-License-Identifier: MIT */
/*
** csvread.c: reading a CSV file into cells that know their place.
** The bytes are checked and decoded first (BOM, UTF-8 or Windows-1252, NUL),
** then libcsv parses them in strict mode, fed one field at a time so that
** each callback knows which byte ended its field and so its line.
*/
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <csv.h>            /* libcsv */
#include "csvread.h"
#include "text.h"
#include "sha256.h"
#include "fileio.h"

#define MIB(n) ((n) / (1024 * 1024))

/* {=========== bytes ============ */
static anbud_status read_all(const char *path, char **out, size_t *outlen,
                             anbud_error *err)
{
    struct stat sb;
    char *buf = NULL, *nb;
    size_t len = 0, cap;
    anbud_status st;
    /* a regular file only: a FIFO or a device could block or never end */
    int fd = fileio_open_input(path, "a CSV file", err);
    if (fd < 0) return err ? err->status : ANBUD_EUSAGE;
    if (fstat(fd, &sb) != 0) {
        st = error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot read: %s",
                       strerror(errno));
        goto fail;
    }
    if (S_ISREG(sb.st_mode) && sb.st_size > CSV_MAX_BYTES) goto toobig;
    cap = S_ISREG(sb.st_mode) ? (size_t)sb.st_size + 1 : 65536;
    buf = malloc(cap);
    if (!buf) goto nomem;
    for (;;) {
        ssize_t n;
        if (len == cap) {
            if (cap > (size_t)CSV_MAX_BYTES) goto toobig;
            cap *= 2;
            nb = realloc(buf, cap);
            if (!nb) goto nomem;
            buf = nb;
        }
        n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR) continue;
            st = error_set(err, ANBUD_EUSAGE, path, 0, 0, "cannot read: %s",
                           strerror(errno));
            goto fail;
        }
        if (n == 0) break;
        len += (size_t)n;
        if (len > (size_t)CSV_MAX_BYTES) goto toobig;
    }
    close(fd);
    *out = buf;
    *outlen = len;
    return ANBUD_OK;
toobig:
    st = error_set(err, ANBUD_EINPUT, path, 0, 0,
                   "file is larger than the limit of %ld MiB",
                   (long)MIB(CSV_MAX_BYTES));
    goto fail;
nomem:
    st = error_set(err, ANBUD_EUSAGE, path, 0, 0,
                   "out of memory reading the file");
fail:
    free(buf);
    close(fd);
    return st;
}

/* Line and field number of byte off, by a quote-aware scan from the start
   (error paths only: before the parse, or where libcsv stopped). */
static void locate(const char *b, size_t off, char delim, long *line, long *col)
{
    size_t i;
    int inq = 0;
    *line = 1;
    *col = 1;
    for (i = 0; i < off; i++) {
        char c = b[i];
        if (c == '"') inq = !inq;
        else if (!inq && c == delim) (*col)++;
        if (c == '\r' || (c == '\n' && !(i > 0 && b[i - 1] == '\r'))) {
            (*line)++;
            if (!inq) *col = 1;
        }
    }
}

/* The length of the valid UTF-8 sequence at s[i] (no overlongs, surrogates
   or code points past U+10FFFF; 1 for ASCII), or 0 if none starts there. */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t i)
{
    unsigned c = s[i];
    size_t k, len;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    } else return 0;
    if (n - i < len) return 0;
    if (s[i + 1] < lo || s[i + 1] > hi) return 0;
    for (k = 2; k < len; k++)
        if (s[i + k] < 0x80 || s[i + k] > 0xBF) return 0;
    return len;
}

/* Offset of the first invalid UTF-8 sequence, or n if all of s is valid;
   *multi is set if a valid multi-byte sequence occurs anywhere in s. */
static size_t utf8_invalid(const unsigned char *s, size_t n, int *multi)
{
    size_t i = 0, bad = n, len;
    *multi = 0;
    while (i < n && (bad == n || !*multi)) {
        len = utf8_seq(s, n, i);
        if (len == 0) {
            if (bad == n) bad = i;
            i++;
            continue;
        }
        if (len > 1) *multi = 1;
        i += len;
    }
    return bad;
}

/* Windows-1252 leaves five bytes undefined. */
static int cp1252_undefined(unsigned char c)
{
    return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

static anbud_status cp1252_to_utf8(const char *path, const char *in,
                                   size_t n, char **out, size_t *outlen,
                                   anbud_error *err)
{
    iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
    size_t cap = 3 * n + 1, left_in = n, left_out = cap;
    char *buf, *src = (char *)(uintptr_t)in, *dst;
    if (cd == (iconv_t)-1)
        return error_set(err, ANBUD_EUSAGE, path, 0, 0,
                         "cannot convert from Windows-1252: %s",
                         strerror(errno));
    buf = malloc(cap);
    if (!buf) {
        iconv_close(cd);
        return error_set(err, ANBUD_EUSAGE, path, 0, 0, "out of memory");
    }
    dst = buf;
    if (iconv(cd, &src, &left_in, &dst, &left_out) == (size_t)-1) {
        int e = errno;
        iconv_close(cd);
        free(buf);
        return error_set(err, ANBUD_EINPUT, path, 0, 0,
                         "cannot convert from Windows-1252: %s", strerror(e));
    }
    iconv_close(cd);
    *out = buf;
    *outlen = (size_t)(dst - buf);
    return ANBUD_OK;
}

/* A first line "sep=X" (X one of ; , tab): the delimiter, and the offset
   where the next line starts; 0 if there is no such line. */
static int sep_line(const char *b, size_t n, size_t *next)
{
    char d;
    if (n < 5 || strncmp(b, "sep=", 4) != 0) return 0;
    d = b[4];
    if (d != ';' && d != ',' && d != '\t') return 0;
    if (n == 5) { *next = 5; return d; }
    if (b[5] == '\n') { *next = 6; return d; }
    if (b[5] == '\r') { *next = (n > 6 && b[6] == '\n') ? 7 : 6; return d; }
    return 0;
}

/* The delimiter of the header line: the most frequent of ; , tab outside
   quotes, ';' on a tie or when there is none. */
static char guess_delim(const char *b, size_t n)
{
    size_t i = 0, line = 0, semi = 0, comma = 0, tab = 0;
    int inq = 0;
    for (; i < n; i++) {            /* the first line with a visible char */
        if (b[i] == '\r' || b[i] == '\n') line = i + 1;
        else if (b[i] != ' ' && b[i] != '\t') break;
    }
    for (i = line; i < n; i++) {
        char c = b[i];
        if (c == '"') inq = !inq;
        if (inq) continue;
        if (c == '\r' || c == '\n') break;
        if (c == ';') semi++;
        else if (c == ',') comma++;
        else if (c == '\t') tab++;
    }
    if (comma > semi && comma >= tab) return ',';
    if (tab > semi && tab > comma) return '\t';
    return ';';
}
/* }================================= */

/* {=========== parsing ============ */
typedef struct parse {
    const char *buf;
    size_t len;
    char delim;
    const char *path;
    anbud_error *err;
    int failed;
    anbud_status status;    /* of the failure */
    size_t trig;            /* the byte that ends the chunk being parsed */
    size_t scan;            /* where the next field's first byte is sought */
    size_t lc_pos;          /* the line cursor: line of byte lc_pos */
    long lc_line;
    csv_cell *cells;        /* cell_block */
    size_t ncells, capcells;
    char *text;             /* text_block */
    size_t ntext, captext;
    csv_row *rows;
    int nrows, caprows;
    size_t row_first;       /* first cell of the row being read */
    size_t row_text;
    int row_n;
} parse;

static long line_at(parse *st, size_t pos)
{
    size_t i;
    for (i = st->lc_pos; i < pos && i < st->len; i++) {
        char c = st->buf[i];
        if (c == '\r' || (c == '\n' && !(i > 0 && st->buf[i - 1] == '\r')))
            st->lc_line++;
    }
    if (pos > st->lc_pos) st->lc_pos = pos;
    return st->lc_line;
}

/* The first byte of the field being read: libcsv skips blanks before a
   field, and blank lines before a row. */
static size_t field_start(const parse *st)
{
    size_t p = st->scan;
    while (p < st->len) {
        char c = st->buf[p];
        if (c == ' ' || (c == '\t' && st->delim != '\t')) p++;
        else if (st->row_n == 0 && (c == '\r' || c == '\n')) p++;
        else break;
    }
    return p;
}

static void fail(parse *st, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void fail(parse *st, long line, long col, const char *fmt, ...)
{
    va_list ap;
    if (st->failed) return;
    st->failed = 1;
    st->status = ANBUD_EINPUT;
    va_start(ap, fmt);
    error_vset(st->err, ANBUD_EINPUT, st->path, line, col, fmt, ap);
    va_end(ap);
}

static void on_field(void *field, size_t len, void *data)
{
    parse *st = data;
    size_t start;
    long line, col;
    csv_cell *c;
    if (st->failed) return;
    start = field_start(st);
    line = line_at(st, start);
    col = st->row_n + 1;
    st->scan = st->trig + 1;
    if (col > CSV_MAX_COLS) {
        fail(st, line, col, "too many columns: a row may have at most %d",
             CSV_MAX_COLS);
        return;
    }
    if (len > CSV_MAX_FIELD) {
        fail(st, line, col, "field of %zu bytes is longer than the limit of "
             "%d bytes", len, CSV_MAX_FIELD);
        return;
    }
    if (st->ncells >= st->capcells || st->ncells >= CSV_MAX_CELLS) {
        fail(st, line, col, "too many cells: a file may have at most %d "
             "(rows times columns)", CSV_MAX_CELLS);
        return;
    }
    c = &st->cells[st->ncells++];
    c->text = st->text + st->ntext;
    c->line = line;
    c->col = col;
    c->quoted = start < st->len && st->buf[start] == '"';
    if (field && len) memcpy(st->text + st->ntext, field, len);
    else len = 0;
    st->ntext += len;
    st->text[st->ntext++] = '\0';
    st->row_n++;
}

static int row_is_empty(const parse *st)
{
    size_t i;
    for (i = st->row_first; i < st->ncells; i++)
        if (st->cells[i].text[0] || st->cells[i].quoted) return 0;
    return 1;
}

static void on_row(int c, void *data)
{
    parse *st = data;
    csv_cell *first = &st->cells[st->row_first];
    csv_row *r;
    (void)c;
    if (st->failed) return;
    st->scan = st->trig + 1;
    if (row_is_empty(st)) {
        /* ";;;": an empty row as a spreadsheet exports it */
        st->ncells = st->row_first;
        st->ntext = st->row_text;
    } else {
        if (st->nrows > 0 && st->row_n != st->rows[0].ncells) {
            int want = st->rows[0].ncells;
            if (st->row_n > want)
                fail(st, first[want].line, want + 1,
                     "row has %d cells, expected %d as in the header",
                     st->row_n, want);
            else
                fail(st, first[st->row_n - 1].line, st->row_n + 1,
                     "row has %d cells, expected %d as in the header "
                     "(missing \"%s\")", st->row_n, want,
                     st->rows[0].cells[st->row_n].text);
            return;
        }
        if (st->nrows > CSV_MAX_ROWS) {     /* rows[0] is the header */
            fail(st, first->line, 0, "too many rows: a file may have at "
                 "most %d under the header", CSV_MAX_ROWS);
            return;
        }
        if (st->nrows == st->caprows) {
            int cap = st->caprows ? 2 * st->caprows : 64;
            csv_row *nr = realloc(st->rows, (size_t)cap * sizeof *nr);
            if (!nr) {
                st->failed = 1;
                st->status = error_set(st->err, ANBUD_EUSAGE, st->path, 0, 0,
                                       "out of memory");
                return;
            }
            st->rows = nr;
            st->caprows = cap;
        }
        r = &st->rows[st->nrows++];
        r->cells = first;
        r->ncells = st->row_n;
        r->line = first->line;
    }
    st->row_first = st->ncells;
    st->row_text = st->ntext;
    st->row_n = 0;
}

/* libcsv stopped at byte off: say why. */
static void quote_error(parse *st, size_t off)
{
    size_t start = field_start(st);
    long line = line_at(st, off), col = st->row_n + 1;
    int quoted = start < st->len && st->buf[start] == '"';
    if (quoted)
        fail(st, line, col, "unexpected character after the closing quote "
             "of a quoted field; expected the separator '%s' or the end of "
             "the line (write a quote inside quotes as \"\")",
             st->delim == '\t' ? "\\t" : (st->delim == ',' ? "," : ";"));
    else
        fail(st, line, col, "stray quote in an unquoted field; expected the "
             "whole field in quotes, with inner quotes doubled "
             "(\"Bolaget \"\"Bästa\"\" AB\")");
}

static void header_check(parse *st)
{
    const csv_row *h = &st->rows[0];
    int i, j;
    for (i = 0; i < h->ncells; i++) {
        if (!h->cells[i].text[0]) {
            fail(st, h->cells[i].line, i + 1,
                 "empty column name in the header; every column needs a name");
            return;
        }
        for (j = 0; j < i; j++)
            if (text_name_eq(h->cells[i].text, h->cells[j].text)) {
                fail(st, h->cells[i].line, i + 1,
                     "duplicate column \"%s\": column %d is \"%s\" (names "
                     "are compared ignoring case)", h->cells[i].text, j + 1,
                     h->cells[j].text);
                return;
            }
    }
}

static anbud_status parse_cells(csv_table *t, const char *buf, size_t len,
                                size_t from, anbud_error *err)
{
    parse st;
    struct csv_parser *p = calloc(1, sizeof *p);
    size_t pos = from;
    memset(&st, 0, sizeof st);
    st.buf = buf;
    st.len = len;
    st.delim = t->delim;
    st.path = t->path;
    st.err = err;
    st.lc_line = 1;
    st.scan = from;
    st.capcells = len + 1 < CSV_MAX_CELLS ? len + 1 : CSV_MAX_CELLS;
    st.captext = len + st.capcells + 1;
    st.cells = malloc(st.capcells * sizeof *st.cells);
    st.text = malloc(st.captext);
    if (!p || !st.cells || !st.text
        || csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL
                       | CSV_EMPTY_IS_NULL) != 0) {
        st.status = error_set(err, ANBUD_EUSAGE, t->path, 0, 0,
                              "out of memory");
        free(p);
        p = NULL;
        goto fail;
    }
    csv_set_delim(p, (unsigned char)t->delim);
    while (pos < len && !st.failed) {
        size_t e = pos, end, n;
        while (e < len && buf[e] != st.delim && buf[e] != '\r' && buf[e] != '\n')
            e++;
        end = e < len ? e + 1 : len;
        st.trig = e < len ? e : len;
        n = csv_parse(p, buf + pos, end - pos, on_field, on_row, &st);
        if (st.failed) break;
        if (n != end - pos) {
            quote_error(&st, pos + n);
            break;
        }
        pos = end;
    }
    if (!st.failed) {
        st.trig = len;
        if (csv_fini(p, on_field, on_row, &st) != 0 && !st.failed) {
            size_t start = field_start(&st);
            fail(&st, line_at(&st, start), st.row_n + 1,
                 "unterminated quoted field: the quote opened here is never "
                 "closed (expected a closing \")");
        }
    }
    if (!st.failed && st.nrows == 0)
        fail(&st, 1, 0, "empty file: expected a header row naming the columns");
    if (!st.failed) header_check(&st);
    if (st.failed) goto fail;
    csv_free(p);
    free(p);
    t->rows = st.rows;
    t->nrows = st.nrows;
    t->cell_block = st.cells;
    t->text_block = st.text;
    return ANBUD_OK;
fail:
    if (p) { csv_free(p); free(p); }
    free(st.cells);
    free(st.text);
    free(st.rows);
    return st.status;
}
/* }================================= */

anbud_status csv_read(csv_table *t, const char *path, anbud_error *err)
{
    char *raw = NULL, *conv = NULL;
    const char *body, *nul;
    size_t n = 0, len, bad, from = 0;
    long line, col, cp;
    int bom, d, multi;
    anbud_status st;

    memset(t, 0, sizeof *t);
    t->path = strdup(path);
    if (!t->path) return error_set(err, ANBUD_EUSAGE, path, 0, 0, "out of memory");
    st = read_all(path, &raw, &n, err);
    if (st != ANBUD_OK) goto fail;
    sha256_hex(raw, n, t->sha256);

    bom = n >= 3 && memcmp(raw, "\xEF\xBB\xBF", 3) == 0;
    body = raw + (bom ? 3 : 0);
    len = n - (bom ? 3 : 0);
    d = sep_line(body, len, &from);
    t->delim = d ? (char)d : guess_delim(body, len);
    t->decimal = t->delim == ';' ? ',' : t->delim == ',' ? '.' : 0;

    if ((nul = memchr(body, 0, len)) != NULL) {
        locate(body, (size_t)(nul - body), t->delim, &line, &col);
        st = error_set(err, ANBUD_EINPUT, path, line, col,
                       "NUL byte in the file; expected text (a UTF-16 "
                       "\"Unicode text\" export or an .xlsx saved as .csv?)");
        goto fail;
    }
    bad = utf8_invalid((const unsigned char *)body, len, &multi);
    if (bad < len && bom) {
        locate(body, bad, t->delim, &line, &col);
        st = error_set(err, ANBUD_EINPUT, path, line, col,
                       "invalid UTF-8 (byte 0x%02X) in a file that starts "
                       "with a UTF-8 byte order mark; expected UTF-8 "
                       "throughout", (unsigned char)body[bad]);
        goto fail;
    }
    /* UTF-8 characters elsewhere: a stray byte of another encoding (a name
       pasted from a Windows-1252 file), not a Windows-1252 file; read as one,
       every å of the rest would be garbled */
    if (bad < len && multi) {
        locate(body, bad, t->delim, &line, &col);
        st = error_set(err, ANBUD_EINPUT, path, line, col,
                       "invalid UTF-8 (byte 0x%02X) in a file that is UTF-8 "
                       "elsewhere; expected one encoding throughout (save the "
                       "file again as CSV UTF-8)", (unsigned char)body[bad]);
        goto fail;
    }
    if (bad < len) {
        size_t i;
        for (i = 0; i < len; i++)
            if (cp1252_undefined((unsigned char)body[i])) {
                locate(body, i, t->delim, &line, &col);
                st = error_set(err, ANBUD_EINPUT, path, line, col,
                               "byte 0x%02X is neither UTF-8 nor a character "
                               "of Windows-1252; expected text saved as CSV "
                               "UTF-8 or Windows-1252",
                               (unsigned char)body[i]);
                goto fail;
            }
        st = cp1252_to_utf8(path, body, len, &conv, &len, err);
        if (st != ANBUD_OK) goto fail;
        t->encoding_cp1252 = 1;
        body = conv;
        /* "sep=X" is ASCII: same length after conversion */
    }
    bad = text_xml_bad(body, len, &cp);
    if (bad < len) {
        char what[64];
        locate(body, bad, t->delim, &line, &col);
        st = error_set(err, ANBUD_EINPUT, path, line, col, "%s is not allowed "
                       "in a cell: a workbook (XML) cannot hold it; remove it",
                       text_xml_what(what, sizeof what, cp,
                                     (unsigned char)body[bad]));
        goto fail;
    }
    st = parse_cells(t, body, len, from, err);
    if (st != ANBUD_OK) goto fail;
    free(conv);
    free(raw);
    return ANBUD_OK;
fail:
    free(conv);
    free(raw);
    csv_table_free(t);
    return st;
}

void csv_table_free(csv_table *t)
{
    if (!t) return;
    free(t->path);
    free(t->rows);
    free(t->cell_block);
    free(t->text_block);
    memset(t, 0, sizeof *t);
}
