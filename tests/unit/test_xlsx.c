/* SPDX-License-Identifier: MIT */
/*
** test_xlsx.c: xlsx_open and xlsx_read_sheet on the committed files of
** tests/xlsxin (written by make-fixtures.py: every kind of cell, files saved
** by openpyxl and LibreOffice, broken and hostile files), and on files built
** here that are too large to commit: a 200 MiB zip bomb, the entry, string,
** column, cell, text and file-size limits. Each error is checked as the one
** line the CLI prints. Run from the top folder, or give the fixture folder.
*/
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>
#include "xlsxread.h"
#include "sha256.h"

#define CELL_RAW (8 * CSV_MAX_FIELD)   /* xlsxread.c reads no more of a cell */

static int passed, failed;
static const char *fx = "tests/xlsxin";
static char dir[64];
static char path[256];
static xlsx_book B;
static csv_table T;
static anbud_error E;

#define CHECK(c) check((c), #c, __LINE__)
static void check(int ok, const char *what, int line)
{
    if (ok) passed++;
    else {
        failed++;
        fprintf(stderr, "test_xlsx.c:%d: failed: %s\n", line, what);
    }
}

static const char *cell(int r, int c)
{
    if (r >= T.nrows || c >= T.rows[r].ncells) return "<none>";
    return T.rows[r].cells[c].text;
}

/* The error as the CLI prints it, without "anbud: ". */
static const char *errline(void)
{
    static char buf[1200];
    error_format(&E, buf, sizeof buf);
    return buf;
}

/* Open fixture name (from tests/xlsxin, or a path when it has a '/'). */
static anbud_status open_fx(const char *name)
{
    char p[sizeof path];
    xlsx_close(&B);
    csv_table_free(&T);
    memset(&E, 0, sizeof E);
    if (strchr(name, '/')) snprintf(p, sizeof p, "%s", name);  /* may be path */
    else snprintf(p, sizeof p, "%s/%s", fx, name);
    memcpy(path, p, sizeof path);
    return xlsx_open(&B, path, &E);
}

static anbud_status read_sheet(int i)
{
    csv_table_free(&T);
    memset(&E, 0, sizeof E);
    return xlsx_read_sheet(&B, i, &T, &E);
}

/* st is an input error whose line is want, with the file's path before it. */
static int err_is(anbud_status st, anbud_status want_st, const char *want)
{
    char full[1200];
    snprintf(full, sizeof full, "%s%s", path, want);
    if (st == want_st && strcmp(errline(), full) == 0) return 1;
    fprintf(stderr, "  got status %d: %s\n  expected   %d: %s\n", (int)st,
            errline(), (int)want_st, full);
    return 0;
}

/* Open name, read sheet i: the error line (after the path) must be want. */
static int sheet_err(const char *name, int i, const char *want)
{
    anbud_status st = open_fx(name);
    if (st != ANBUD_OK) return err_is(st, ANBUD_EINPUT, want);
    st = read_sheet(i);
    return err_is(st, ANBUD_EINPUT, want) && T.rows == NULL && T.path == NULL;
}

static int open_err(const char *name, anbud_status want_st, const char *want)
{
    anbud_status st = open_fx(name);
    return err_is(st, want_st, want) && B.path == NULL && B.nsheets == 0;
}

/* {=========== a zip writer for files too large to commit ============ */
typedef struct zent {
    const char *name;
    const unsigned char *data;  /* deflated already when size != len */
    size_t len;                 /* bytes of data */
    unsigned long size;         /* inflated size stated in the headers */
    unsigned long crc;
    int method;                 /* 0 stored, 8 deflated */
} zent;

static void put16(FILE *f, unsigned v) { fputc((int)(v & 255), f); fputc((int)(v >> 8 & 255), f); }
static void put32(FILE *f, unsigned long v) { put16(f, (unsigned)(v & 0xFFFF)); put16(f, (unsigned)(v >> 16 & 0xFFFF)); }

static void zip_write(const char *p, const zent *e, int n)
{
    FILE *f = fopen(p, "wb");
    long *off = malloc((size_t)n * sizeof *off), cd = 0, end;
    int i, pass;
    if (!f || !off) { perror(p); exit(2); }
    for (pass = 0; pass < 2; pass++) {
        if (pass == 1) cd = ftell(f);
        for (i = 0; i < n; i++) {
            size_t nl = strlen(e[i].name);
            if (pass == 0) { off[i] = ftell(f); put32(f, 0x04034B50); }
            else { put32(f, 0x02014B50); put16(f, 20); }
            put16(f, 20); put16(f, 0); put16(f, (unsigned)e[i].method);
            put16(f, 0); put16(f, 0x21);
            put32(f, e[i].crc); put32(f, e[i].len); put32(f, e[i].size);
            put16(f, (unsigned)nl); put16(f, 0);
            if (pass == 1) {
                put16(f, 0); put16(f, 0); put16(f, 0); put32(f, 0);
                put32(f, (unsigned long)off[i]);
            }
            fwrite(e[i].name, 1, nl, f);
            if (pass == 0) fwrite(e[i].data, 1, e[i].len, f);
        }
    }
    end = ftell(f);
    put32(f, 0x06054B50); put16(f, 0); put16(f, 0);
    put16(f, (unsigned)n); put16(f, (unsigned)n);
    put32(f, (unsigned long)(end - cd)); put32(f, (unsigned long)cd);
    put16(f, 0);
    if (fclose(f) != 0) { perror(p); exit(2); }
    free(off);
}

static zent stored(const char *name, const char *text)
{
    zent z;
    z.name = name;
    z.data = (const unsigned char *)text;
    z.len = z.size = strlen(text);
    z.crc = crc32(0, z.data, (uInt)z.len);
    z.method = 0;
    return z;
}

#define MAIN_NS "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define PKG_NS "http://schemas.openxmlformats.org/package/2006/relationships"

/* A book of one sheet "Anbud" whose part is sheet (stored), with shared
   strings sst if not NULL, and extra entries; written to dir/name. */
static void book_write(const char *name, const char *sheet, const char *sst,
                       const zent *extra, int nextra)
{
    zent *e = malloc((size_t)(6 + nextra) * sizeof *e);
    int n = 0, i;
    if (!e) exit(2);
    e[n++] = stored("[Content_Types].xml", "<Types xmlns=\"http://schemas."
        "openxmlformats.org/package/2006/content-types\"><Override PartName="
        "\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
        "officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
    e[n++] = stored("_rels/.rels", "<Relationships xmlns=\"" PKG_NS "\">"
        "<Relationship Id=\"r1\" Type=\"" REL_NS "/officeDocument\" "
        "Target=\"xl/workbook.xml\"/></Relationships>");
    e[n++] = stored("xl/workbook.xml", "<workbook xmlns=\"" MAIN_NS "\" "
        "xmlns:r=\"" REL_NS "\"><sheets><sheet name=\"Anbud\" sheetId=\"1\" "
        "r:id=\"r1\"/></sheets></workbook>");
    e[n++] = stored("xl/_rels/workbook.xml.rels", sst
        ? "<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"r1\" "
          "Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          "<Relationship Id=\"r2\" Type=\"" REL_NS "/sharedStrings\" "
          "Target=\"sharedStrings.xml\"/></Relationships>"
        : "<Relationships xmlns=\"" PKG_NS "\"><Relationship Id=\"r1\" "
          "Type=\"" REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
          "</Relationships>");
    if (sheet) e[n++] = stored("xl/worksheets/sheet1.xml", sheet);
    if (sst) e[n++] = stored("xl/sharedStrings.xml", sst);
    for (i = 0; i < nextra; i++) e[n++] = extra[i];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    zip_write(path, e, n);
    free(e);
}

/* A growing string for building big XML. */
typedef struct sbuf { char *s; size_t n, cap; } sbuf;
static void sb_cat(sbuf *b, const char *s)
{
    size_t k = strlen(s);
    if (b->n + k + 1 > b->cap) {
        b->cap = 2 * (b->n + k + 1);
        b->s = realloc(b->s, b->cap);
        if (!b->s) exit(2);
    }
    memcpy(b->s + b->n, s, k + 1);
    b->n += k;
}

static const char *sheet_of(sbuf *b, const char *rows)
{
    b->n = 0;
    sb_cat(b, "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>");
    sb_cat(b, rows);
    sb_cat(b, "</sheetData></worksheet>");
    return b->s;
}
/* }================================= */

/* {=========== cells of every kind ============ */
static void test_basic(void)
{
    static const char *want[][7] = {
        {"anbud", "Anbudsgivare", "Pris", "Datum", "Ja/Nej", "Summa", "Kommentar"},
        {"Anbud 1", "Tempo V\xC3\xA5gbro", "12.3", "2023-03-15", "TRUE", "24.6", "Anbud 1x"},
        {"Anbud 2", "H\xC3\xA4lsinge_x0041_ AB\r\nNorrala", "0.0012345",
         "2024-01-01 18:00:00", "FALSE", "1000000", "a b"},
        {"Anbud 3", "", "-42.5", "", "", "-0.015", ""},
        {"Anbud 4", "45000", "tolv", "12:00:00", "2500", "-7", "36:00:00"},
        {"<&> \xE2\x98\xBA \xF0\x9F\x98\x80", "", "150", "2023-03-15", "", "", ""},
    };
    static const long lines[] = {1, 2, 3, 6, 8, 9};
    char sp[300], hex[65], *bytes;
    FILE *f;
    long n;
    int r, c, ok = 1;
    CHECK(open_fx("basic.xlsx") == ANBUD_OK);
    /* the chart sheet is left out; the hidden one is kept and marked */
    CHECK(B.nsheets == 3);
    CHECK(strcmp(B.sheet_names[0], "Anbud") == 0);
    CHECK(strcmp(B.sheet_names[1], "Po\xC3\xA4ng och \xC3\xA5\xC3\xA4\xC3\xB6") == 0);
    CHECK(strcmp(B.sheet_names[2], "Dold") == 0);
    CHECK(B.sheet_hidden[0] == 0 && B.sheet_hidden[2] == 1);
    f = fopen(path, "rb");
    bytes = malloc(1 << 20);
    n = f ? (long)fread(bytes, 1, 1 << 20, f) : 0;
    if (f) fclose(f);
    sha256_hex(bytes, (size_t)n, hex);
    free(bytes);
    CHECK(strcmp(B.sha256, hex) == 0);

    CHECK(read_sheet(0) == ANBUD_OK);
    snprintf(sp, sizeof sp, "%s" XLSX_SHEET_SEP "Anbud", path);
    CHECK(strcmp(T.path, sp) == 0);
    CHECK(strcmp(T.sha256, B.sha256) == 0);
    CHECK(T.delim == 0 && T.decimal == '.' && !T.encoding_cp1252);
    /* blank rows 4 and 5 (styled empty cells, spaces) are skipped */
    CHECK(T.nrows == 6);
    for (r = 0; r < 6 && r < T.nrows; r++) {
        CHECK(T.rows[r].line == lines[r]);
        CHECK(T.rows[r].ncells == 7);   /* H1 is empty: not a column */
        for (c = 0; c < 7; c++) {
            if (strcmp(cell(r, c), want[r][c]) != 0) {
                fprintf(stderr, "  row %d col %d: \"%s\", expected \"%s\"\n",
                        r, c, cell(r, c), want[r][c]);
                ok = 0;
            }
            if (T.rows[r].ncells == 7
                && (T.rows[r].cells[c].line != lines[r]
                    || T.rows[r].cells[c].col != c + 1
                    || T.rows[r].cells[c].quoted))
                ok = 0;
        }
    }
    CHECK(ok);
    /* the same sheet again, then the others */
    CHECK(read_sheet(0) == ANBUD_OK && T.nrows == 6);
    CHECK(read_sheet(1) == ANBUD_OK && T.nrows == 2);
    CHECK(strcmp(cell(0, 0), "bed\xC3\xB6mare") == 0 && strcmp(cell(1, 2), "3") == 0);
    snprintf(sp, sizeof sp, "%s" XLSX_SHEET_SEP "Po\xC3\xA4ng och \xC3\xA5\xC3\xA4\xC3\xB6", path);
    CHECK(strcmp(T.path, sp) == 0);
    CHECK(read_sheet(2) == ANBUD_OK && T.nrows == 2 && strcmp(cell(1, 0), "1") == 0);
    CHECK(read_sheet(3) == ANBUD_EUSAGE && T.path == NULL);
    CHECK(read_sheet(-1) == ANBUD_EUSAGE);
}

static void test_dates(void)
{
    static const char *want[] = {"datum", "1900-01-01", "1900-02-28", "1900-03-01",
                                 "9999-12-31", "06:00:00", "2023-03-15 12:00:00"};
    int r;
    CHECK(open_fx("dates.xlsx") == ANBUD_OK && B.nsheets == 2);
    CHECK(read_sheet(0) == ANBUD_OK && T.nrows == 7);
    for (r = 0; r < 7; r++) CHECK(strcmp(cell(r, 0), want[r]) == 0);
    CHECK(sheet_err("dates.xlsx", 1, ":Fel!B3: the date in B3 is the date serial "
                    "60, 1900-02-29, a day that did not exist (Excel's 1900 "
                    "leap-year bug); expected a date"));
    CHECK(open_fx("date1904.xlsx") == ANBUD_OK && read_sheet(0) == ANBUD_OK);
    CHECK(T.nrows == 3 && strcmp(cell(1, 0), "1904-01-01") == 0);
    CHECK(strcmp(cell(2, 0), "2023-03-15") == 0);
}

/* Numbers in exponent form are written out exactly; others kept as written. */
static void test_numbers(void)
{
    static const char *cases[][2] = {
        {"1E+6", "1000000"}, {"1.2345E-3", "0.0012345"}, {"-1.5E-2", "-0.015"},
        {"1.5E1", "15"}, {"1.25E1", "12.5"}, {"0.5E-1", "0.05"}, {"2.5e3", "2500"},
        {"0E0", "0"}, {"-0.0E+0", "0"}, {"1.E2", "100"}, {".5E1", "5"},
        {"1.50E-1", "0.150"}, {"-9.87654321E+2", "-987.654321"},
        {"12.3", "12.3"}, {"0.30000000000000004", "0.30000000000000004"},
        {"-42", "-42"}, {" 7 ", "7"}, {"1E401", "1E401"}, {"E5", "E5"},
        {"1e", "1e"}, {"tolv", "tolv"}, {"1,5", "1,5"},
    };
    size_t n = sizeof cases / sizeof cases[0], i;
    sbuf rows = {0}, sh = {0};
    char line[200], big[400];
    sb_cat(&rows, "<row><c t=\"inlineStr\"><is><t>in</t></is></c><c t=\"inlineStr\"><is><t>out</t></is></c></row>");
    for (i = 0; i < n; i++) {
        snprintf(line, sizeof line, "<row><c t=\"inlineStr\"><is><t>%s</t></is></c>"
                 "<c><v>%s</v></c></row>", cases[i][0], cases[i][0]);
        sb_cat(&rows, line);
    }
    sb_cat(&rows, "<row><c t=\"inlineStr\"><is><t>big</t></is></c><c><v>1E+308</v></c></row>");
    sb_cat(&rows, "<row><c t=\"inlineStr\"><is><t>tiny</t></is></c><c><v>5E-324</v></c></row>");
    book_write("numbers.xlsx", sheet_of(&sh, rows.s), NULL, NULL, 0);
    CHECK(open_fx(path) == ANBUD_OK && read_sheet(0) == ANBUD_OK);
    CHECK(T.nrows == (int)n + 3);
    for (i = 0; i < n; i++)
        if (strcmp(cell((int)i + 1, 1), cases[i][1]) != 0) {
            fprintf(stderr, "  %s: \"%s\", expected \"%s\"\n", cases[i][0],
                    cell((int)i + 1, 1), cases[i][1]);
            CHECK(0);
        }
    big[0] = '1';
    memset(big + 1, '0', 308);
    big[309] = '\0';
    CHECK(strcmp(cell((int)n + 1, 1), big) == 0);
    memcpy(big, "0.", 2);
    memset(big + 2, '0', 323);
    memcpy(big + 325, "5", 2);
    CHECK(strcmp(cell((int)n + 2, 1), big) == 0);
    free(rows.s);
    free(sh.s);
}

static void test_writers(void)
{
    /* openpyxl: inline strings, a date style of its own, booleans */
    CHECK(open_fx("openpyxl.xlsx") == ANBUD_OK && B.nsheets == 2);
    CHECK(read_sheet(0) == ANBUD_OK && T.nrows == 4 && T.rows[0].ncells == 5);
    CHECK(strcmp(cell(1, 1), "Tempo V\xC3\xA5gbro") == 0);
    CHECK(strcmp(cell(1, 2), "61.45") == 0 && strcmp(cell(2, 2), "57") == 0);
    CHECK(strcmp(cell(1, 3), "2025-03-01") == 0 && strcmp(cell(2, 3), "2025-03-02") == 0);
    CHECK(strcmp(cell(1, 4), "TRUE") == 0 && strcmp(cell(2, 4), "FALSE") == 0);
    CHECK(strcmp(cell(3, 1), "Norrala") == 0 && strcmp(cell(3, 3), "") == 0);
    /* openpyxl saves formulas without their value */
    CHECK(sheet_err("openpyxl.xlsx", 1, ":Formler!B2: the formula in B2 has no "
                    "saved value; open and save the file in Excel or LibreOffice"));
    /* LibreOffice: shared strings, its own date format */
    CHECK(open_fx("libreoffice.xlsx") == ANBUD_OK && B.nsheets == 1);
    CHECK(read_sheet(0) == ANBUD_OK && T.nrows == 3 && T.rows[0].ncells == 4);
    CHECK(strcmp(cell(0, 1), "anbudsgivare") == 0);
    CHECK(strcmp(cell(2, 1), "H\xC3\xA4lsinge Matl\xC3\xA5" "da AB") == 0);
    CHECK(strcmp(cell(1, 2), "61.45") == 0 && strcmp(cell(1, 3), "2025-03-01") == 0);
    /* strict OOXML namespaces and prefixed elements */
    CHECK(open_fx("strict.xlsx") == ANBUD_OK && B.nsheets == 1);
    CHECK(strcmp(B.sheet_names[0], "Strikt") == 0);
    CHECK(read_sheet(0) == ANBUD_OK && T.nrows == 2 && strcmp(cell(1, 0), "7") == 0);
}
/* }================================= */

/* {=========== errors ============ */
static void test_cell_errors(void)
{
    CHECK(sheet_err("formula-nocache.xlsx", 0, ":Anbud!D5: the formula in D5 has "
                    "no saved value; open and save the file in Excel or LibreOffice"));
    CHECK(E.line == 5 && E.col == 4);
    CHECK(sheet_err("error-cell.xlsx", 0, ":Anbud!B4: the cell B4 holds the error "
                    "#DIV/0!; expected a value"));
    CHECK(sheet_err("outside-header.xlsx", 0, ":Anbud!C7: a value in C7 outside "
                    "the header's columns (the header in row 1 ends at column B)"));
    CHECK(sheet_err("bad-sst-index.xlsx", 0, ":Anbud!B3: the shared string index "
                    "57 in B3 is out of range (the file has 12)"));
    CHECK(sheet_err("bad-bool.xlsx", 0, ":Anbud!B3: the boolean in B3 is \"yes\"; "
                    "expected 0 or 1"));
    CHECK(sheet_err("out-of-order.xlsx", 0, ":Anbud!A2: the cell A2 comes after "
                    "B2 (cells out of order or repeated)"));
    CHECK(sheet_err("header-empty.xlsx", 0, ":Anbud!B1: empty column name in the "
                    "header; every column needs a name"));
    CHECK(sheet_err("header-dup.xlsx", 0, ":Anbud!B1: duplicate column \"pris\": "
                    "column 1 is \"Pris\" (names are compared ignoring case)"));
    /* an empty sheet (a styled empty cell) is no error: nothing to read */
    CHECK(open_fx("empty-sheet.xlsx") == ANBUD_OK && read_sheet(0) == ANBUD_OK);
    CHECK(T.nrows == 0 && T.rows == NULL && T.path != NULL);
}

/* What XML cannot hold, decoded from Excel's _xHHHH_ escapes or written
   raw, is refused at its cell: no workbook written from it can be broken */
static void test_xml_chars(void)
{
    sbuf sh = {0};
    static const char hdr[] = "<row><c t=\"inlineStr\"><is><t>bid</t></is></c>"
        "<c t=\"inlineStr\"><is><t>bidder</t></is></c></row>";
    char rows[400];
    snprintf(rows, sizeof rows, "%s<row><c t=\"inlineStr\"><is><t>A</t></is></c>"
             "<c t=\"inlineStr\"><is><t>Alfa_xFFFE_ AB</t></is></c></row>", hdr);
    book_write("xmlchar.xlsx", sheet_of(&sh, rows), NULL, NULL, 0);
    CHECK(sheet_err(path, 0, ":Anbud!B2: the noncharacter U+FFFE in B2 is not "
                    "allowed in a cell: a workbook (XML) cannot hold it; remove it"));
    snprintf(rows, sizeof rows, "%s<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v>"
             "</c></row>", hdr);
    book_write("xmlchar.xlsx", sheet_of(&sh, rows), "<sst xmlns=\"" MAIN_NS "\">"
               "<si><t>A</t></si><si><r><t>Alfa</t></r><r><t>_x0001_</t></r></si>"
               "</sst>", NULL, 0);
    CHECK(sheet_err(path, 0, ":Anbud!B2: the control character U+0001 in B2 is "
                    "not allowed in a cell: a workbook (XML) cannot hold it; "
                    "remove it"));
    /* a formula's saved text */
    snprintf(rows, sizeof rows, "%s<row><c t=\"inlineStr\"><is><t>A</t></is></c>"
             "<c t=\"str\"><f>A2</f><v>_xFFFF_</v></c></row>", hdr);
    book_write("xmlchar.xlsx", sheet_of(&sh, rows), NULL, NULL, 0);
    CHECK(sheet_err(path, 0, ":Anbud!B2: the noncharacter U+FFFF in B2 is not "
                    "allowed in a cell: a workbook (XML) cannot hold it; remove it"));
    /* raw in the XML: expat refuses the part */
    snprintf(rows, sizeof rows, "%s<row><c t=\"inlineStr\"><is><t>A</t></is></c>"
             "<c t=\"inlineStr\"><is><t>Alfa\xEF\xBF\xBE</t></is></c></row>", hdr);
    book_write("xmlchar.xlsx", sheet_of(&sh, rows), NULL, NULL, 0);
    CHECK(sheet_err(path, 0, ":Anbud: xl/worksheets/sheet1.xml, line 1: invalid "
                    "XML: not well-formed (invalid token)"));
    /* tab and line breaks are text */
    snprintf(rows, sizeof rows, "%s<row><c t=\"inlineStr\"><is><t>A</t></is></c>"
             "<c t=\"inlineStr\"><is><t>Alfa_x0009_AB_x000D_&#10;2</t></is></c></row>", hdr);
    book_write("xmlchar.xlsx", sheet_of(&sh, rows), NULL, NULL, 0);
    CHECK(open_fx(path) == ANBUD_OK && read_sheet(0) == ANBUD_OK);
    CHECK(strcmp(cell(1, 1), "Alfa\tAB\r\n2") == 0);
    free(sh.s);
}

/* Sheets built here: order, references, types, edge cells. */
static void test_shapes(void)
{
    static const struct { const char *rows, *want; } bad[] = {
        {"<row r=\"3\"><c t=\"inlineStr\"><is><t>a</t></is></c></row><row r=\"2\"/>",
         ":Anbud:2: row 2 comes after row 3 (rows out of order or repeated)"},
        {"<row r=\"0\"/>", ":Anbud:1: bad row number \"0\" after row 0"},
        {"<row r=\"1\"><c r=\"1A\"/></row>", ":Anbud!A1: bad cell reference \"1A\" in row 1"},
        {"<row r=\"1\"><c r=\"XFE1\"/></row>", ":Anbud!A1: bad cell reference \"XFE1\" in row 1"},
        {"<row r=\"2\"><c r=\"A3\"/></row>", ":Anbud!A2: the cell A3 is inside row 2"},
        {"<row><c r=\"B1\"/><c r=\"B1\"/></row>", ":Anbud!B1: the cell B1 comes after B1 (cells out of order or repeated)"},
        {"<row><c t=\"x\"><v>1</v></c></row>", ":Anbud!A1: the cell A1 has the unknown type \"x\""},
        {"<row><c t=\"str\"><f>B1</f></c></row>", ":Anbud!A1: the formula in A1 has no saved value; open and save the file in Excel or LibreOffice"},
        {"<row><c t=\"e\"><v>#N/A</v></c></row>", ":Anbud!A1: the cell A1 holds the error #N/A; expected a value"},
        {"<row><c t=\"s\"><v>x1</v></c></row>", ":Anbud!A1: the shared string index \"x1\" in A1 is not a number"},
        {"<row><c t=\"s\"><v>0</v></c></row>", ":Anbud!A1: the shared string index 0 in A1 is out of range (the file has 0)"},
    };
    sbuf sh = {0}, rows = {0};
    char *big;
    size_t i;
    for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        book_write("shape.xlsx", sheet_of(&sh, bad[i].rows), NULL, NULL, 0);
        if (!sheet_err(path, 0, bad[i].want)) {
            fprintf(stderr, "  case %zu\n", i);
            CHECK(0);
        } else CHECK(1);
    }
    /* a text past what is read of a cell at all is named by its cell */
    big = malloc(CELL_RAW + 2);
    memset(big, 'x', CELL_RAW + 1);
    big[CELL_RAW + 1] = '\0';
    sb_cat(&rows, "<row><c r=\"C1\" t=\"inlineStr\"><is><t>");
    sb_cat(&rows, big);
    sb_cat(&rows, "</t></is></c></row>");
    book_write("shape.xlsx", sheet_of(&sh, rows.s), NULL, NULL, 0);
    CHECK(sheet_err(path, 0, ":Anbud!C1: the text in C1 is longer than 262136 bytes"));  /* 8 x 32767 */
    free(big);
    /* a text result may be empty; an ISO date cell; a style out of range;
       a header of one empty-looking but spaced cell is empty */
    book_write("shape.xlsx", sheet_of(&sh,
        "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c>"
        "<c t=\"inlineStr\"><is><t>c</t></is></c></row>"
        "<row><c t=\"str\"><f>\"\"</f><v></v></c><c t=\"d\"><v>2025-03-01T00:00:00</v></c>"
        "<c s=\"99\"><v>45000</v></c></row>"
        "<row><c t=\"str\"><f>A2</f><v>x</v></c></row>"), NULL, NULL, 0);
    CHECK(open_fx(path) == ANBUD_OK && read_sheet(0) == ANBUD_OK && T.nrows == 3);
    CHECK(strcmp(cell(1, 0), "") == 0 && strcmp(cell(1, 1), "2025-03-01") == 0);
    CHECK(strcmp(cell(1, 2), "45000") == 0 && strcmp(cell(2, 0), "x") == 0);
    CHECK(strcmp(cell(2, 2), "") == 0 && T.rows[2].cells[2].col == 3);
    /* an empty shared string after a longer one is empty */
    book_write("shape.xlsx", sheet_of(&sh,
        "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c t=\"inlineStr\"><is><t>b</t></is></c></row>"
        "<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>"
        "<row><c t=\"s\"><v>2</v></c><c t=\"s\"><v>1</v></c></row>"),
        "<sst xmlns=\"" MAIN_NS "\"><si><t>abc</t></si><si/><si><t/></si></sst>", NULL, 0);
    CHECK(open_fx(path) == ANBUD_OK && read_sheet(0) == ANBUD_OK && T.nrows == 2);
    CHECK(strcmp(cell(1, 0), "abc") == 0 && strcmp(cell(1, 1), "") == 0);
    free(sh.s);
    free(rows.s);
}

static void test_file_errors(void)
{
    char p[160];
    CHECK(open_err("not-a-zip.xlsx", ANBUD_EINPUT, ": not an .xlsx file (not a "
                   "zip archive)"));
    CHECK(open_err("truncated.xlsx", ANBUD_EINPUT, ": damaged or truncated zip "
                   "archive; expected an .xlsx file as Excel or LibreOffice saves it"));
    CHECK(open_err("empty.xlsx", ANBUD_EINPUT, ": empty file; expected an .xlsx "
                   "workbook"));
    CHECK(open_err("ole.xlsx", ANBUD_EINPUT, ": an Excel 97-2003 (.xls) or "
                   "password-protected workbook; save it as .xlsx (Excel "
                   "Workbook) without a password"));
    CHECK(open_err("missing-workbook.xlsx", ANBUD_EINPUT, ": no workbook in the "
                   "file: xl/workbook.xml is missing (is it an .xlsx file?)"));
    CHECK(open_err("missing-sheet-part.xlsx", ANBUD_EINPUT, ":Po\xC3\xA4ng: the "
                   "sheet's part xl/worksheets/sheet2.xml is missing from the file"));
    CHECK(open_err("docx.xlsx", ANBUD_EINPUT, ": not a workbook: its main part "
                   "word/document.xml is \"application/vnd.openxmlformats-"
                   "officedocument.wordprocessingml.d...\""));
    CHECK(open_err("too-many-sheets.xlsx", ANBUD_EINPUT, ": the workbook has "
                   "more than 256 sheets"));
    CHECK(sheet_err("crc.xlsx", 0, ":Anbud: damaged zip archive: "
                    "xl/worksheets/sheet1.xml cannot be inflated"));
    CHECK(sheet_err("encrypted-entry.xlsx", 0, ":Anbud: xl/worksheets/sheet1.xml "
                    "is encrypted; save the workbook without a password"));
    CHECK(sheet_err("bzip2-entry.xlsx", 0, ":Anbud: xl/worksheets/sheet1.xml is "
                    "compressed with method 12; expected deflate or none, as "
                    "Excel and LibreOffice write"));
    CHECK(sheet_err("bad-xml.xlsx", 0, ":Anbud: xl/worksheets/sheet1.xml, line 3: "
                    "invalid XML: mismatched tag"));
    CHECK(sheet_err("bad-utf8.xlsx", 0, ":Anbud: xl/worksheets/sheet1.xml, line 2: "
                    "invalid XML: not well-formed (invalid token)"));
    /* I/O */
    snprintf(p, sizeof p, "%s/nosuch.xlsx", fx);
    CHECK(open_err(p, ANBUD_EUSAGE, ": cannot open: No such file or directory"));
    CHECK(open_err(fx, ANBUD_EUSAGE, ": is a directory; expected an .xlsx file"));
}

static void test_hostile(void)
{
    /* billion laughs: refused at the DOCTYPE, before any entity exists */
    CHECK(open_err("doctype.xlsx", ANBUD_EINPUT, ": xl/sharedStrings.xml: a "
                   "DOCTYPE declaration (refused: .xlsx parts have none, and it "
                   "can declare entities)"));
    CHECK(sheet_err("doctype-sheet.xlsx", 0, ":Anbud: xl/worksheets/sheet1.xml: "
                    "a DOCTYPE declaration (refused: .xlsx parts have none, and "
                    "it can declare entities)"));
    CHECK(sheet_err("deep.xlsx", 0, ":Anbud: xl/worksheets/sheet1.xml: XML "
                    "elements nested more than 64 deep"));
}

/* 200 MiB of XML whitespace deflated to about 200 KiB: 1 MiB deflated once
   with a full flush (so it refers to nothing before it), repeated. */
static void test_zip_bomb(void)
{
    static const char head[] = "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>";
    unsigned char *raw = malloc(1 << 20), *chunk = malloc(1 << 20), *all;
    unsigned char hz[256];
    size_t nchunk, nhead, at = 0, reps = 200, i;
    unsigned long crc, crc1;
    z_stream zs;
    zent e[1];
    clock_t t0;
    memset(raw, ' ', 1 << 20);
    memset(&zs, 0, sizeof zs);
    if (deflateInit2(&zs, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK) exit(2);
    zs.next_in = (unsigned char *)(uintptr_t)head;
    zs.avail_in = (uInt)strlen(head);
    zs.next_out = hz;
    zs.avail_out = sizeof hz;
    deflate(&zs, Z_FULL_FLUSH);
    nhead = (size_t)(zs.next_out - hz);
    zs.next_in = raw;
    zs.avail_in = 1 << 20;
    zs.next_out = chunk;
    zs.avail_out = 1 << 20;
    deflate(&zs, Z_FULL_FLUSH);
    nchunk = (size_t)(zs.next_out - chunk);
    deflateEnd(&zs);
    all = malloc(nhead + reps * nchunk + 2);
    if (!raw || !chunk || !all) exit(2);
    memcpy(all, hz, nhead);
    at = nhead;
    for (i = 0; i < reps; i++, at += nchunk) memcpy(all + at, chunk, nchunk);
    all[at++] = 0x03;           /* a final empty block */
    all[at++] = 0x00;
    crc1 = crc32(0, raw, 1 << 20);
    crc = crc32(0, (const unsigned char *)head, (uInt)strlen(head));
    for (i = 0; i < reps; i++) crc = crc32_combine(crc, crc1, 1 << 20);
    e[0].name = "xl/worksheets/sheet1.xml";
    e[0].data = all;
    e[0].len = at;
    e[0].size = (unsigned long)(strlen(head) + reps * (1 << 20));
    e[0].crc = crc;
    e[0].method = 8;
    CHECK(at < 300 << 10);
    /* stated truthfully: refused before inflating anything */
    book_write("bomb.xlsx", NULL, NULL, e, 1);
    CHECK(open_fx(path) == ANBUD_OK);
    t0 = clock();
    CHECK(sheet_err(path, 0, ":Anbud: xl/worksheets/sheet1.xml is 200 MiB "
                    "inflated, more than the limit of 64 MiB for a part"));
    /* stating 60 MiB: stopped by the ratio after about 1 MiB */
    e[0].size = 60ul << 20;
    book_write("bomb-lying.xlsx", NULL, NULL, e, 1);
    CHECK(sheet_err(path, 0, ":Anbud: xl/worksheets/sheet1.xml inflates to "
                    "more than 100 times its compressed size (a zip bomb?); "
                    "refused after 1 MiB"));
    CHECK((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
    free(raw);
    free(chunk);
    free(all);
}
/* }================================= */

/* {=========== limits ============ */
static void test_limits(void)
{
    sbuf b = {0}, sh = {0};
    char name[64], *big;
    zent *many;
    int i, fd;
    long k;

    /* entries: 10 000 is the limit */
    many = calloc(XLSX_MAX_ENTRIES + 1, sizeof *many);
    for (i = 0; i < XLSX_MAX_ENTRIES + 1; i++) many[i] = stored("", "");
    for (i = 0; i < XLSX_MAX_ENTRIES + 1; i++) {
        char *n = malloc(16);
        snprintf(n, 16, "e/%05d", i);
        many[i].name = n;
    }
    book_write("entries.xlsx", "<worksheet><sheetData><row><c t=\"inlineStr\">"
               "<is><t>a</t></is></c></row></sheetData></worksheet>", NULL,
               many, XLSX_MAX_ENTRIES - 5);
    CHECK(open_fx(path) == ANBUD_OK && read_sheet(0) == ANBUD_OK);
    book_write("entries.xlsx", NULL, NULL, many, XLSX_MAX_ENTRIES - 3);
    CHECK(open_err(path, ANBUD_EINPUT, ": the zip archive has more than 10000 "
                   "entries"));
    for (i = 0; i < XLSX_MAX_ENTRIES + 1; i++) free((char *)(uintptr_t)many[i].name);
    free(many);

    /* shared strings: 1 000 000 is the limit */
    sb_cat(&b, "<sst xmlns=\"" MAIN_NS "\">");
    for (k = 0; k < XLSX_MAX_STRINGS - 1; k++) sb_cat(&b, "<si/>");
    sb_cat(&b, "<si><t>sist</t></si></sst>");
    book_write("strings.xlsx", sheet_of(&sh, "<row><c t=\"s\"><v>999999</v></c></row>"),
               b.s, NULL, 0);
    CHECK(open_fx(path) == ANBUD_OK && read_sheet(0) == ANBUD_OK);
    CHECK(strcmp(cell(0, 0), "sist") == 0);
    b.n -= strlen("</sst>");
    sb_cat(&b, "<si/></sst>");
    book_write("strings.xlsx", sh.s, b.s, NULL, 0);
    CHECK(open_err(path, ANBUD_EINPUT, ": xl/sharedStrings.xml: more than "
                   "1000000 shared strings"));

    /* columns: a header of 1024 names, then 1025 */
    b.n = 0;
    sb_cat(&b, "<row>");
    for (i = 0; i < CSV_MAX_COLS; i++) sb_cat(&b, "<c t=\"inlineStr\"><is><t>c</t></is></c>");
    sb_cat(&b, "</row>");
    book_write("cols.xlsx", sheet_of(&sh, b.s), NULL, NULL, 0);
    /* the names repeat: only the count is wanted here */
    CHECK(open_fx(path) == ANBUD_OK && read_sheet(0) == ANBUD_EINPUT);
    CHECK(strstr(errline(), ":Anbud!B1: duplicate column") != NULL);
    b.n -= strlen("</row>");
    sb_cat(&b, "<c t=\"inlineStr\"><is><t>c</t></is></c></row>");
    book_write("cols.xlsx", sheet_of(&sh, b.s), NULL, NULL, 0);
    CHECK(sheet_err(path, 0, ":Anbud!AMK1: too many columns: a row may have at "
                    "most 1024"));
    CHECK(E.col == CSV_MAX_COLS + 1);

    /* cells: rows times the header's width */
    b.n = 0;
    sb_cat(&b, "<row>");
    for (i = 0; i < CSV_MAX_COLS; i++) {
        snprintf(name, sizeof name, "<c t=\"inlineStr\"><is><t>c%d</t></is></c>", i);
        sb_cat(&b, name);
    }
    sb_cat(&b, "</row>");
    /* 8 000 000 / 1024 = 7812.5: 7812 rows of 1024 cells, not 7813 */
    for (i = 1; i < 7812; i++) sb_cat(&b, "<row><c><v>1</v></c></row>");
    book_write("cells.xlsx", sheet_of(&sh, b.s), NULL, NULL, 0);
    CHECK(open_fx(path) == ANBUD_OK && read_sheet(0) == ANBUD_OK);
    CHECK(T.nrows == 7812 && T.rows[T.nrows - 1].ncells == CSV_MAX_COLS);
    sb_cat(&b, "<row><c><v>1</v></c></row>");
    book_write("cells.xlsx", sheet_of(&sh, b.s), NULL, NULL, 0);
    CHECK(sheet_err(path, 0, ":Anbud:7813: too many cells: a sheet may have at "
                    "most 8000000 (rows times the header's columns)"));

    /* rows: 1 000 000 under the header, then one more */
    b.n = 0;
    for (k = 0; k < 1000001; k++) sb_cat(&b, "<row><c><v>1</v></c></row>");
    book_write("rows.xlsx", sheet_of(&sh, b.s), NULL, NULL, 0);
    CHECK(open_fx(path) == ANBUD_OK && read_sheet(0) == ANBUD_OK);
    CHECK(T.nrows == 1000001 && T.rows[1000000].line == 1000001);
    sb_cat(&b, "<row><c><v>1</v></c></row>");
    book_write("rows.xlsx", sheet_of(&sh, b.s), NULL, NULL, 0);
    CHECK(sheet_err(path, 0, ":Anbud:1000002: too many rows: a sheet may have "
                    "at most 1000000 under the header"));

    /* one cell's text: Excel holds 32767 characters; 32767 bytes, then 32768 */
    big = malloc(32768 + 1);
    memset(big, 'x', 32768);
    big[32767] = '\0';
    b.n = 0;
    sb_cat(&b, "<row><c t=\"inlineStr\"><is><t>a</t></is></c></row><row><c t=\"inlineStr\"><is><t>");
    sb_cat(&b, big);
    sb_cat(&b, "</t></is></c></row>");
    book_write("field.xlsx", sheet_of(&sh, b.s), NULL, NULL, 0);
    CHECK(open_fx(path) == ANBUD_OK && read_sheet(0) == ANBUD_OK);
    CHECK(strlen(cell(1, 0)) == 32767);
    b.n -= strlen("</t></is></c></row>");
    sb_cat(&b, "x</t></is></c></row>");
    book_write("field.xlsx", sheet_of(&sh, b.s), NULL, NULL, 0);
    CHECK(sheet_err(path, 0, ":Anbud!A2: the text in A2 is 32768 bytes, longer "
                    "than the limit of 32767 bytes"));

    /* the workbook's text: one shared string of 32767 bytes (32768 with its
       NUL) used by every cell of two sheets. 64 MiB / 32768 = 2048 uses fit;
       the first sheet has 1100, so the second fails at its 949th */
    b.n = 0;
    sb_cat(&b, "<sst xmlns=\"" MAIN_NS "\"><si><t>");
    sb_cat(&b, big);
    sb_cat(&b, "</t></si></sst>");
    sh.n = 0;
    sb_cat(&sh, "<worksheet xmlns=\"" MAIN_NS "\"><sheetData>");
    for (k = 0; k < 1100; k++) sb_cat(&sh, "<row><c t=\"s\"><v>0</v></c></row>");
    sb_cat(&sh, "</sheetData></worksheet>");
    {
        zent two[8];
        int n = 0;
        two[n++] = stored("[Content_Types].xml", "<Types xmlns=\"http://schemas."
            "openxmlformats.org/package/2006/content-types\"><Override PartName="
            "\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
            "officedocument.spreadsheetml.sheet.main+xml\"/></Types>");
        two[n++] = stored("_rels/.rels", "<Relationships xmlns=\"" PKG_NS "\">"
            "<Relationship Id=\"r1\" Type=\"" REL_NS "/officeDocument\" "
            "Target=\"xl/workbook.xml\"/></Relationships>");
        two[n++] = stored("xl/workbook.xml", "<workbook xmlns=\"" MAIN_NS "\" "
            "xmlns:r=\"" REL_NS "\"><sheets><sheet name=\"Anbud\" sheetId=\"1\" "
            "r:id=\"r1\"/><sheet name=\"Betyg\" sheetId=\"2\" r:id=\"r3\"/>"
            "</sheets></workbook>");
        two[n++] = stored("xl/_rels/workbook.xml.rels", "<Relationships xmlns=\""
            PKG_NS "\"><Relationship Id=\"r1\" Type=\"" REL_NS "/worksheet\" "
            "Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"r3\" Type=\""
            REL_NS "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
            "<Relationship Id=\"r2\" Type=\"" REL_NS "/sharedStrings\" "
            "Target=\"sharedStrings.xml\"/></Relationships>");
        two[n++] = stored("xl/worksheets/sheet1.xml", sh.s);
        two[n++] = stored("xl/sharedStrings.xml", b.s);
        snprintf(path, sizeof path, "%s/text.xlsx", dir);
        zip_write(path, two, n);
    }
    CHECK(open_fx(path) == ANBUD_OK && read_sheet(0) == ANBUD_OK && T.nrows == 1100);
    CHECK(read_sheet(1) == ANBUD_EINPUT);
    CHECK(strstr(errline(), "text.xlsx:Betyg!A949: the cells of the workbook "
                 "hold more than 64 MiB of text (a shared string counts at "
                 "each cell that uses it)") != NULL);
    free(big);

    /* the file: one byte over 64 MiB (sparse) */
    snprintf(path, sizeof path, "%s/huge.xlsx", dir);
    fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    CHECK(fd >= 0 && ftruncate(fd, XLSX_MAX_BYTES + 1) == 0);
    if (fd >= 0) close(fd);
    CHECK(open_err(path, ANBUD_EINPUT, ": file is larger than the limit of 64 MiB"));
    free(b.s);
    free(sh.s);
}
/* }================================= */

/* {=========== where errors point ============ */
static void test_error_format(void)
{
    char buf[400];
    anbud_error e;
    memset(&e, 0, sizeof e);
    error_set(&e, ANBUD_EINPUT, "form.xlsx" XLSX_SHEET_SEP "Anbud", 4, 3, "m");
    error_format(&e, buf, sizeof buf);
    CHECK(strcmp(buf, "form.xlsx:Anbud!C4: m") == 0);
    e.col = 28;
    error_format(&e, buf, sizeof buf);
    CHECK(strcmp(buf, "form.xlsx:Anbud!AB4: m") == 0);
    e.col = 16384;
    e.line = 1048576;
    error_format(&e, buf, sizeof buf);
    CHECK(strcmp(buf, "form.xlsx:Anbud!XFD1048576: m") == 0);
    e.col = 0;
    error_format(&e, buf, sizeof buf);
    CHECK(strcmp(buf, "form.xlsx:Anbud:1048576: m") == 0);
    e.line = 0;
    e.col = 5;
    error_format(&e, buf, sizeof buf);
    CHECK(strcmp(buf, "form.xlsx:Anbud: m") == 0);
    /* the other forms are as before */
    error_set(&e, ANBUD_EINPUT, "bids.csv", 14, 3, "m");
    error_format(&e, buf, sizeof buf);
    CHECK(strcmp(buf, "bids.csv:14:3: m") == 0);
    e.col = 0;
    error_format(&e, buf, sizeof buf);
    CHECK(strcmp(buf, "bids.csv:14: m") == 0);
    e.line = 0;
    error_format(&e, buf, sizeof buf);
    CHECK(strcmp(buf, "bids.csv: m") == 0);
    error_set(&e, ANBUD_EINPUT, NULL, 0, 0, "m");
    error_format(&e, buf, sizeof buf);
    CHECK(strcmp(buf, "m") == 0);
}
/* }================================= */

int main(int argc, char **argv)
{
    char cmd[128];
    if (argc > 1) fx = argv[1];
    snprintf(dir, sizeof dir, "%s", "/tmp/anbud-test-xlsx-XXXXXX");
    if (!mkdtemp(dir)) { perror("mkdtemp"); return 2; }
    test_basic();
    test_dates();
    test_numbers();
    test_writers();
    test_cell_errors();
    test_xml_chars();
    test_shapes();
    test_file_errors();
    test_hostile();
    test_zip_bomb();
    test_limits();
    test_error_format();
    xlsx_close(&B);
    csv_table_free(&T);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0) fprintf(stderr, "cannot remove %s\n", dir);
    printf("%d passed, %d failed\n", passed, failed);
    return failed != 0;
}
