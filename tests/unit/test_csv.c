/* SPDX-License-Identifier: MIT */
/*
** test_csv.c: csv_read on files written to a temporary folder: separators,
** encodings, quoting, line counting, limits, and each error's place.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "csvread.h"
#include "sha256.h"

static int passed, failed;
static char dir[64];
static char path[128];
static csv_table T;
static anbud_error E;

#define CHECK(c) check((c), #c, __LINE__)
static void check(int ok, const char *what, int line)
{
    if (ok) passed++;
    else {
        failed++;
        fprintf(stderr, "test_csv.c:%d: failed: %s\n", line, what);
    }
}

static void write_file(const char *name, const char *bytes, size_t n)
{
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    f = fopen(path, "wb");
    if (!f || fwrite(bytes, 1, n, f) != n || fclose(f) != 0) {
        perror(path);
        exit(2);
    }
}

/* Read bytes as a file f.csv; the table or error is in T, E. */
static anbud_status rd_n(const char *bytes, size_t n)
{
    csv_table_free(&T);
    memset(&E, 0, sizeof E);
    write_file("f.csv", bytes, n);
    return csv_read(&T, path, &E);
}

static anbud_status rd(const char *s) { return rd_n(s, strlen(s)); }

static const char *cell(int r, int c)
{
    if (r >= T.nrows || c >= T.rows[r].ncells) return "<none>";
    return T.rows[r].cells[c].text;
}

/* An input error at line:col whose message holds want. */
static int err_at(anbud_status st, long line, long col, const char *want)
{
    int ok = st == ANBUD_EINPUT && E.line == line && E.col == col
             && strstr(E.msg, want) != NULL && strcmp(E.file, path) == 0
             && T.nrows == 0 && T.rows == NULL && T.path == NULL;
    if (!ok)
        fprintf(stderr, "  got status %d at %ld:%ld: %s\n", (int)st, E.line,
                E.col, E.msg);
    return ok;
}

/* {=========== separators ============ */
static void test_semicolon(void)
{
    const char *s = "bid;bidder;Pris\r\nA;Alfa AB;1 234,50\r\nB ; \"Beta; AB\" ;99\r\n";
    char hex[65];
    CHECK(rd(s) == ANBUD_OK);
    CHECK(T.delim == ';' && T.decimal == ',' && !T.encoding_cp1252);
    CHECK(T.nrows == 3);
    CHECK(strcmp(cell(0, 2), "Pris") == 0);
    CHECK(strcmp(cell(1, 2), "1 234,50") == 0);
    CHECK(strcmp(cell(2, 0), "B") == 0);
    CHECK(strcmp(cell(2, 1), "Beta; AB") == 0 && T.rows[2].cells[1].quoted);
    CHECK(!T.rows[2].cells[0].quoted);
    CHECK(T.rows[2].line == 3 && T.rows[2].cells[2].col == 3);
    CHECK(strcmp(T.path, path) == 0);
    sha256_hex(s, strlen(s), hex);
    CHECK(strcmp(T.sha256, hex) == 0);
}

static void test_comma_and_tab(void)
{
    CHECK(rd("a,b,c\n1.5,2,3\n") == ANBUD_OK);
    CHECK(T.delim == ',' && T.decimal == '.');
    CHECK(strcmp(cell(1, 0), "1.5") == 0);
    CHECK(rd("a\tb\n x \t y\n\tz\n") == ANBUD_OK);
    CHECK(T.delim == '\t' && T.decimal == 0);
    CHECK(strcmp(cell(1, 0), "x") == 0 && strcmp(cell(1, 1), "y") == 0);
    CHECK(strcmp(cell(2, 0), "") == 0 && strcmp(cell(2, 1), "z") == 0);
    /* ties and quotes */
    CHECK(rd("a;b,c\n1;2,3\n") == ANBUD_OK && T.delim == ';');
    CHECK(rd("a,b,c;d\n1,2,3;4\n") == ANBUD_OK && T.delim == ',');
    CHECK(rd("\"a;b;c\",d\n1,2\n") == ANBUD_OK && T.delim == ',');
    CHECK(strcmp(cell(0, 0), "a;b;c") == 0);
    CHECK(rd("bid\nA\n") == ANBUD_OK && T.delim == ';' && T.nrows == 2);
    /* the header is the first non-blank line */
    CHECK(rd("\n\na,b\n1,2\n") == ANBUD_OK && T.delim == ',');
    CHECK(T.rows[0].line == 3 && T.rows[1].line == 4);
}

static void test_sep_line(void)
{
    CHECK(rd("sep=,\nbid,Pris\nA,\"1,5\"\n") == ANBUD_OK);
    CHECK(T.delim == ',' && T.decimal == '.' && T.nrows == 2);
    CHECK(strcmp(cell(0, 0), "bid") == 0 && T.rows[0].line == 2);
    CHECK(T.rows[1].line == 3 && strcmp(cell(1, 1), "1,5") == 0);
    CHECK(rd("\xEF\xBB\xBFsep=;\r\na;b,c\r\n1;2,5\r\n") == ANBUD_OK);
    CHECK(T.delim == ';' && T.rows[0].line == 2 && strcmp(cell(1, 1), "2,5") == 0);
    CHECK(rd("sep=\t\na\tb\n1\t2") == ANBUD_OK && T.delim == '\t');
    CHECK(strcmp(cell(1, 1), "2") == 0);
    /* only the separator line: empty */
    CHECK(err_at(rd("sep=;\n"), 1, 0, "empty file"));
}
/* }================================= */

/* {=========== encodings ============ */
static void test_bom_and_cp1252(void)
{
    CHECK(rd("\xEF\xBB\xBF\"Leverant\xC3\xB6r\";Pris\nA;1\n") == ANBUD_OK);
    CHECK(strcmp(cell(0, 0), "Leverant\xC3\xB6r") == 0 && !T.encoding_cp1252);
    CHECK(rd("bid;bidder\nA;Leverant\xF6r \x80 AB\n") == ANBUD_OK);
    CHECK(T.encoding_cp1252 == 1);
    CHECK(strcmp(cell(1, 1), "Leverant\xC3\xB6r \xE2\x82\xAC AB") == 0);
    CHECK(rd("sep=;\r\nbid;namn\r\nA;\xC5\xC4\xD6\r\n") == ANBUD_OK);
    CHECK(T.encoding_cp1252 && strcmp(cell(1, 1), "\xC3\x85\xC3\x84\xC3\x96") == 0);
    CHECK(T.rows[1].line == 3);
    CHECK(err_at(rd("bid;bidder\nA;x\xE5\nB;\x81\n"), 3, 2, "0x81"));
    CHECK(err_at(rd("bid;bidder\nA;x\xE5\nB;\x81\n"), 3, 2, "Windows-1252"));
    CHECK(err_at(rd("\xEF\xBB\xBF" "bid;bidder\nA;\"x\ny\";z\xE5\n"), 3, 3,
                 "invalid UTF-8 (byte 0xE5)"));
    /* overlong and surrogate are not UTF-8: taken as Windows-1252 */
    CHECK(rd("a\n\xC0\xAF\n") == ANBUD_OK && T.encoding_cp1252);
    CHECK(rd("a\n\xED\xA0\x80\n") == ANBUD_OK && T.encoding_cp1252);
    CHECK(err_at(rd_n("a;b\n1;x\0y\n", 10), 2, 2, "NUL byte"));
    CHECK(err_at(rd_n("\xFF\xFE" "a\0;\0", 6), 1, 1, "NUL byte"));
    /* BOM only: empty */
    CHECK(err_at(rd("\xEF\xBB\xBF"), 1, 0, "empty file"));
}

/* UTF-8 with a stray Windows-1252 byte is refused at that byte, not read as
   Windows-1252 throughout (which garbles every other name) */
static void test_mixed_encoding(void)
{
    CHECK(err_at(rd("bid;bidder\nA;V\xC3\xA5gbro\nB;Sm\xE5land\n"), 3, 2,
                 "invalid UTF-8 (byte 0xE5) in a file that is UTF-8 elsewhere"));
    /* the stray byte first, the UTF-8 after it */
    CHECK(err_at(rd("bid;bidder\nA;Sm\xE5land\nB;V\xC3\xA5gbro\n"), 2, 2,
                 "byte 0xE5"));
    /* in a quoted field over two lines: the line of the byte */
    CHECK(err_at(rd("bid;bidder;x\nA;\"V\xC3\xA5g\nbro \x96 AB\";1\n"), 3, 2,
                 "byte 0x96"));
    /* no UTF-8 character anywhere: still Windows-1252 */
    CHECK(rd("bid;bidder\nA;Sm\xE5land\nB;V\xE5gbro\n") == ANBUD_OK);
    CHECK(T.encoding_cp1252 && strcmp(cell(2, 1), "V\xC3\xA5gbro") == 0);
}

/* What XML 1.0 cannot hold is refused where it is, so that no workbook
   written from the file is broken */
static void test_xml_chars(void)
{
    CHECK(err_at(rd("bid;bidder\nA;Alfa\xEF\xBF\xBE AB\n"), 2, 2,
                 "the noncharacter U+FFFE is not allowed in a cell"));
    CHECK(err_at(rd("bid;bidder\nA;Alfa AB\nB;\xEF\xBF\xBF\n"), 3, 2,
                 "the noncharacter U+FFFF"));
    CHECK(err_at(rd("bid;bidder;x\nA;Alfa\x01 AB;1\n"), 2, 2,
                 "the control character U+0001 is not allowed in a cell"));
    CHECK(err_at(rd("bid;bidder;x\nA;\"Alfa\n\x1B[31m\";1\n"), 3, 2,
                 "the control character U+001B"));
    /* in a Windows-1252 file too (after conversion) */
    CHECK(err_at(rd("bid;bidder\nA;Sm\xE5land\x0C\n"), 2, 2,
                 "the control character U+000C"));
    /* tab, line feed and carriage return are text; so is U+FFFD */
    CHECK(rd("bid;bidder\nA;\"Alfa\tAB\r\nRad 2\"\nB;\xEF\xBF\xBD\n") == ANBUD_OK);
    CHECK(strcmp(cell(1, 1), "Alfa\tAB\r\nRad 2") == 0);
}
/* }================================= */

/* {=========== lines, quotes, blanks ============ */
static void test_lines(void)
{
    CHECK(rd("a;b\r1;2\r\n3;4\n5;6") == ANBUD_OK && T.nrows == 4);
    CHECK(T.rows[1].line == 2 && T.rows[2].line == 3 && T.rows[3].line == 4);
    CHECK(strcmp(cell(3, 1), "6") == 0);
    CHECK(rd("a;b\n\n  \n\r\n1;2\n;\n ; \n3;4\n") == ANBUD_OK && T.nrows == 3);
    CHECK(T.rows[1].line == 5 && T.rows[2].line == 8);
    CHECK(rd("a;b\n\"x\r\ny\";2\n3;\"\"\n") == ANBUD_OK && T.nrows == 3);
    CHECK(strcmp(cell(1, 0), "x\r\ny") == 0);
    CHECK(T.rows[1].cells[0].line == 2 && T.rows[1].cells[1].line == 3);
    CHECK(T.rows[2].line == 4 && T.rows[2].cells[1].quoted);
    CHECK(strcmp(cell(2, 1), "") == 0);
    /* a quoted empty cell keeps the row */
    CHECK(rd("a;b\n\"\";\n") == ANBUD_OK && T.nrows == 2);
    CHECK(rd("q\n\"He said \"\"hi\"\"\"\n") == ANBUD_OK);
    CHECK(strcmp(cell(1, 0), "He said \"hi\"") == 0);
    CHECK(rd("a;b\n \"  x \"  ;  b c  \n") == ANBUD_OK);
    CHECK(strcmp(cell(1, 0), "  x ") == 0 && T.rows[1].cells[0].quoted);
    CHECK(strcmp(cell(1, 1), "b c") == 0 && !T.rows[1].cells[1].quoted);
    CHECK(rd("a;b\n1;\n") == ANBUD_OK && strcmp(cell(1, 1), "") == 0);
    CHECK(T.rows[1].cells[1].line == 2 && T.rows[1].cells[1].col == 2);
    CHECK(rd("a;b\n1;2") == ANBUD_OK && T.nrows == 2 && strcmp(cell(1, 1), "2") == 0);
}

static void test_quote_errors(void)
{
    CHECK(err_at(rd("a;b\n1;\"x\n2;3\n"), 2, 2, "unterminated quoted field"));
    CHECK(err_at(rd("a;b\n1;x\"y\n"), 2, 2, "stray quote"));
    CHECK(err_at(rd("a;b\n\"x\ny\"z;1\n"), 3, 1, "after the closing quote"));
    CHECK(err_at(rd("a;b\n1;\"x\" \"\n"), 2, 2, "after the closing quote"));
    CHECK(err_at(rd("a,b\n1,\"x\"y\n"), 2, 2, "separator ','"));
    CHECK(err_at(rd("a\"b;c\n"), 1, 1, "stray quote"));
}

static void test_counts(void)
{
    CHECK(err_at(rd("a;b\n1;2\n1;2;3\n"), 3, 3, "row has 3 cells, expected 2"));
    CHECK(err_at(rd("a;b;c\n1;2\n"), 2, 3, "missing \"c\""));
    CHECK(err_at(rd("a;b;c\r\n1;2;3\r\n\r\n\"x\r\ny\";2\r\n"), 5, 3,
                 "row has 2 cells, expected 3"));
    CHECK(err_at(rd("a;b\n1;2;\n"), 2, 3, "expected 2"));
    CHECK(err_at(rd(""), 1, 0, "empty file"));
    CHECK(err_at(rd("\n  \r\n\t\n"), 1, 0, "empty file"));
    CHECK(rd("bid;bidder\n") == ANBUD_OK && T.nrows == 1);
}

static void test_header(void)
{
    CHECK(err_at(rd("a;;c\n1;2;3\n"), 1, 2, "empty column name"));
    CHECK(err_at(rd("a;\"\"\n1;2\n"), 1, 2, "empty column name"));
    CHECK(rd(";;\n1;2;3\n") == ANBUD_OK && T.nrows == 1 && T.rows[0].line == 2);
    CHECK(err_at(rd(";;\n1;;3\n"), 2, 2, "empty column name"));
    CHECK(err_at(rd("Pris;bid;pris\n"), 1, 3, "duplicate column \"pris\": column 1"));
    CHECK(err_at(rd("Leverant\xC3\xB6r;LEVERANT\xC3\x96R\n"), 1, 2, "duplicate column"));
    CHECK(err_at(rd("Leverant\xF6r;LEVERANT\xD6R\n"), 1, 2, "duplicate column"));
    CHECK(rd("\xC3\xA4r;\xC3\xA5r\n") == ANBUD_OK);
}
/* }================================= */

/* {=========== limits and I/O ============ */
static void test_limits(void)
{
    size_t n = 3 + 3 + 40000 + 1, i;
    char *b = malloc(n + 8 * (CSV_MAX_COLS + 2));
    memcpy(b, "a;b\n1;", 6);
    memset(b + 6, 'x', 40000);
    b[n - 1] = '\n';
    CHECK(err_at(rd_n(b, n), 2, 2, "longer than the limit of 32767"));
    /* Excel's cell holds 32 767 characters: 32 768 bytes is one too many */
    b[6 + 32768] = '\n';
    CHECK(err_at(rd_n(b, 7 + 32768), 2, 2, "field of 32768 bytes is longer "
                 "than the limit of 32767 bytes"));
    b[6 + 32767] = '\n';
    CHECK(rd_n(b, 7 + 32767) == ANBUD_OK);
    CHECK(strlen(cell(1, 1)) == 32767);
    for (n = 0, i = 0; i < CSV_MAX_COLS + 1; i++)
        n += (size_t)sprintf(b + n, "%sc%zu", i ? ";" : "", i);
    b[n++] = '\n';
    CHECK(err_at(rd_n(b, n), 1, CSV_MAX_COLS + 1, "too many columns"));
    for (n = 0, i = 0; i < CSV_MAX_COLS; i++)
        n += (size_t)sprintf(b + n, "%sc%zu", i ? ";" : "", i);
    CHECK(rd_n(b, n) == ANBUD_OK && T.rows[0].ncells == CSV_MAX_COLS);
    free(b);

    /* 1 000 000 rows under the header, then one more */
    n = 2 * (1000000 + 2);
    b = malloc(n);
    for (i = 0; i < n; i += 2) { b[i] = 'a'; b[i + 1] = '\n'; }
    CHECK(err_at(rd_n(b, n), 1000002, 0, "too many rows: a file may have at "
                 "most 1000000 under the header"));
    CHECK(rd_n(b, n - 2) == ANBUD_OK && T.nrows == 1000001
          && T.rows[T.nrows - 1].line == 1000001);
    free(b);

    /* 1 000 000 score rows with a lot column (6 cells a row) are read; they
       were refused for "too many cells" at 4 000 000 */
    {
        static const char hdr[] = "evaluator;bid;criterion;score;justification;lot\n";
        static const char row[] = "E;A;K;3;;1\n";
        size_t h = sizeof hdr - 1, r = sizeof row - 1;
        n = h + 1000000 * r;
        b = malloc(n);
        memcpy(b, hdr, h);
        for (i = 0; i < 1000000; i++) memcpy(b + h + i * r, row, r);
        CHECK(rd_n(b, n) == ANBUD_OK && T.nrows == 1000001);
        CHECK(strcmp(cell(1000000, 5), "1") == 0);
        free(b);
    }
    /* cells: 8 000 000 in all (1 000 000 rows of 8 with the header), then
       the first cell of one more row */
    n = 16 * (1000000 + 1);
    b = malloc(n);
    for (i = 0; i < n; i += 16) memcpy(b + i, "a;b;c;d;e;f;g;h\n", 16);
    CHECK(err_at(rd_n(b, n), 1000001, 1, "too many cells: a file may have at "
                 "most 8000000 (rows times columns)"));
    CHECK(rd_n(b, n - 16) == ANBUD_OK && T.nrows == 1000000);
    free(b);
}

static void test_io(void)
{
    anbud_status st;
    char p[160];
    csv_table_free(&T);
    snprintf(p, sizeof p, "%s/nosuch.csv", dir);
    st = csv_read(&T, p, &E);
    CHECK(st == ANBUD_EUSAGE && strstr(E.msg, "No such file") && E.line == 0);
    CHECK(strcmp(E.file, p) == 0 && T.path == NULL);
    snprintf(p, sizeof p, "%s/sub.csv", dir);
    mkdir(p, 0700);
    st = csv_read(&T, p, &E);
    CHECK(st == ANBUD_EUSAGE && strstr(E.msg, "directory"));
    rmdir(p);
}
/* }================================= */

int main(void)
{
    char cmd[128];
    snprintf(dir, sizeof dir, "%s", "/tmp/anbud-test-csv-XXXXXX");
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 2; }
    test_semicolon();
    test_comma_and_tab();
    test_sep_line();
    test_bom_and_cp1252();
    test_mixed_encoding();
    test_xml_chars();
    test_lines();
    test_quote_errors();
    test_counts();
    test_header();
    test_limits();
    test_io();
    csv_table_free(&T);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", dir);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
