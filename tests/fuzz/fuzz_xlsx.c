/* SPDX-License-Identifier: MIT */
/*
** fuzz_xlsx.c: libFuzzer harness for the .xlsx reader. Two modes, chosen
** at build time: raw (FUZZ_XLSX_RAW: the input is the .xlsx file itself,
** zip directory and all) and structured (the input is the XML of the parts
** separated by form feeds: sheet1, sharedStrings, workbook, styles,
** sheet2; an empty part gets a minimal valid one; this harness wraps them
** in a valid zip, so the fuzzer's mutations reach the XML readers rather
** than dying on a CRC). Every sheet is read, then the book is bound to
** models/soderhamn as input.
*/
#include <zlib.h>
#include "fuzz_common.h"
#include "csvread.h"
#include "input.h"
#include "model.h"
#include "xlsxread.h"

static model M;
static int loaded;

#ifndef FUZZ_XLSX_RAW

#define NPARTS 5

static const char *const names[NPARTS] = {
    "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
    "xl/styles.xml", "xl/worksheets/sheet2.xml"
};

static const char *const defaults[NPARTS] = {
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>",
    "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>",
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Anbud\" sheetId=\"1\" r:id=\"rId1\"/>"
    "<sheet name=\"Po\xc3\xa4ng\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>",
    "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>",
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData/></worksheet>"
};

static const char content_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
    "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
    "</Types>";

static const char root_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
    "</Relationships>";

static const char book_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
    "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
    "<Relationship Id=\"rId4\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
    "</Relationships>";

typedef struct zbuf {
    unsigned char *p;
    size_t n, cap;
} zbuf;

static void put(zbuf *z, const void *d, size_t n)
{
    if (z->n + n > z->cap) {
        z->cap = (z->n + n) * 2;
        z->p = realloc(z->p, z->cap);
        if (!z->p) abort();
    }
    memcpy(z->p + z->n, d, n);
    z->n += n;
}

static void put16(zbuf *z, unsigned v)
{
    unsigned char b[2] = { (unsigned char)v, (unsigned char)(v >> 8) };
    put(z, b, 2);
}

static void put32(zbuf *z, unsigned long v)
{
    put16(z, (unsigned)(v & 0xFFFF));
    put16(z, (unsigned)(v >> 16));
}

/* A zip of stored (uncompressed) entries, as minizip reads them. */
static void zip_build(zbuf *z, const char *const *name, const uint8_t *const *d,
                      const size_t *n, int count)
{
    zbuf cd = { NULL, 0, 0 };
    unsigned long off[16], crc;
    int i;

    for (i = 0; i < count; i++) {
        size_t nl = strlen(name[i]);
        crc = crc32(0L, d[i], (uInt)n[i]);
        off[i] = (unsigned long)z->n;
        put32(z, 0x04034b50UL);
        put16(z, 20); put16(z, 0); put16(z, 0);     /* version, flags, stored */
        put16(z, 0); put16(z, 0x21);                /* time, date 1980-01-01 */
        put32(z, crc); put32(z, n[i]); put32(z, n[i]);
        put16(z, (unsigned)nl); put16(z, 0);
        put(z, name[i], nl);
        put(z, d[i], n[i]);
        put32(&cd, 0x02014b50UL);
        put16(&cd, 20); put16(&cd, 20); put16(&cd, 0); put16(&cd, 0);
        put16(&cd, 0); put16(&cd, 0x21);
        put32(&cd, crc); put32(&cd, n[i]); put32(&cd, n[i]);
        put16(&cd, (unsigned)nl); put16(&cd, 0); put16(&cd, 0);
        put16(&cd, 0); put16(&cd, 0); put32(&cd, 0);
        put32(&cd, off[i]);
        put(&cd, name[i], nl);
    }
    {
        unsigned long at = (unsigned long)z->n;
        put(z, cd.p, cd.n);
        put32(z, 0x06054b50UL);
        put16(z, 0); put16(z, 0);
        put16(z, (unsigned)count); put16(z, (unsigned)count);
        put32(z, (unsigned long)cd.n); put32(z, at);
        put16(z, 0);
    }
    free(cd.p);
}

#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[256], *pp[1];
    anbud_error err;
    xlsx_book b;
    csv_table t;
    anbud_inputs in;
    int i;

    if (!loaded) {
        memset(&err, 0, sizeof err);
        if (model_load(&M, FUZZ_MODEL, &err) != ANBUD_OK) {
            fprintf(stderr, "fuzz_xlsx: cannot load %s: %s\n", FUZZ_MODEL, err.msg);
            abort();
        }
        loaded = 1;
    }
#ifdef FUZZ_XLSX_RAW
    if (fuzz_write(path, sizeof path, 0, ".xlsx", data, size) != 0) return 0;
#else
    {
        const uint8_t *part[NPARTS], *d[NPARTS + 3];
        size_t len[NPARTS], n[NPARTS + 3];
        const char *nm[NPARTS + 3];
        zbuf z = { NULL, 0, 0 };
        int k = fuzz_split(data, size, NPARTS, part, len), c = 0;
        nm[c] = "[Content_Types].xml"; d[c] = (const uint8_t *)content_types;
        n[c++] = sizeof content_types - 1;
        nm[c] = "_rels/.rels"; d[c] = (const uint8_t *)root_rels;
        n[c++] = sizeof root_rels - 1;
        nm[c] = "xl/_rels/workbook.xml.rels"; d[c] = (const uint8_t *)book_rels;
        n[c++] = sizeof book_rels - 1;
        for (i = 0; i < NPARTS; i++, c++) {
            nm[c] = names[i];
            if (i < k && len[i] > 0) {
                d[c] = part[i];
                n[c] = len[i];
            } else {
                d[c] = (const uint8_t *)defaults[i];
                n[c] = strlen(defaults[i]);
            }
        }
        zip_build(&z, nm, d, n, c);
        i = fuzz_write(path, sizeof path, 0, ".xlsx", z.p, z.n);
        free(z.p);
        if (i != 0) return 0;
    }
#endif
    memset(&b, 0, sizeof b);
    if (xlsx_open(&b, path, &err) == ANBUD_OK) {
        for (i = 0; i < b.nsheets; i++) {
            memset(&t, 0, sizeof t);
            if (xlsx_read_sheet(&b, i, &t, &err) == ANBUD_OK) csv_table_free(&t);
        }
        xlsx_close(&b);
        memset(&in, 0, sizeof in);
        pp[0] = path;
        if (input_read(&in, &M, pp, 1, &err) == ANBUD_OK) input_free(&in);
    }
    remove(path);
    return 0;
}
