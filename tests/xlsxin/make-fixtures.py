#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tests/xlsxin/make-fixtures.py: the .xlsx files tests/unit/test_xlsx.c reads.

Run from anywhere with /usr/bin/python3 (it needs python3-openpyxl, and
LibreOffice for one file); it rewrites the *.xlsx beside it. The files are
committed, so the unit test needs neither Python nor LibreOffice: run this
again only to change a fixture, and commit what it writes.

Most files are hand-written XML zipped by the small writer below (fixed
timestamps, so a rerun writes the same bytes), to control every byte:
broken ones included. openpyxl.xlsx and libreoffice.xlsx are saved by those
programs and re-zipped with fixed timestamps (with python3-openpyxl 3.0.9 and
LibreOffice 7.4 a rerun writes the same bytes too). When soffice is not
installed, libreoffice.xlsx is left as it is and a line says so.

tests/xlsxin/cli (the command-line tests of .xlsx input) is not written here.

What is too large to commit (a 200 MiB zip bomb, 10 001 zip entries, a
million shared strings, a file over the size limit) the unit test builds at
run time.
"""
import datetime
import io
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from xml.sax.saxutils import quoteattr

HERE = os.path.dirname(os.path.abspath(__file__))

# {=========== a zip writer that does what it is told ============
def zipbytes(entries):
    """entries: (name, data) or (name, data, options) with options
    method (0 stored, 8 deflate: default), flag (general purpose bits),
    method_field (written instead of the real method)."""
    out = io.BytesIO()
    central = []
    for e in entries:
        name, data = e[0], e[1]
        opt = e[2] if len(e) > 2 else {}
        if isinstance(data, str):
            data = data.encode("utf-8")
        method = opt.get("method", 8)
        if method == 8:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            comp = c.compress(data) + c.flush()
        else:
            comp = data
        crc = zlib.crc32(data) & 0xFFFFFFFF
        flag = opt.get("flag", 0) | 0x800          # names are UTF-8
        mfield = opt.get("method_field", method)
        bname = name.encode("utf-8")
        off = out.tell()
        # 1980-01-01 00:00: DOS date 0x0021, time 0
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flag, mfield, 0,
                              0x21, crc, len(comp), len(data), len(bname), 0))
        out.write(bname)
        out.write(comp)
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20,
                                   flag, mfield, 0, 0x21, crc, len(comp),
                                   len(data), len(bname), 0, 0, 0, 0, 0, off)
                       + bname)
    cd = out.tell()
    for c in central:
        out.write(c)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(central),
                          len(central), out.tell() - cd, cd, 0))
    return out.getvalue()


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)
# }=================================

# {=========== the parts of a workbook ============
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKGREL = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def content_types(main_type=SML + ".sheet.main+xml", main="/xl/workbook.xml"):
    return (DECL + f'<Types xmlns="{CT}">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="{main}" ContentType="{main_type}"/>'
            '</Types>')


def root_rels(target="xl/workbook.xml"):
    return (DECL + f'<Relationships xmlns="{PKGREL}">'
            f'<Relationship Id="rId1" Type="{RELNS}/officeDocument" Target="{target}"/>'
            '</Relationships>')


def workbook(sheets, date1904=False):
    """sheets: (name, rid) or (name, rid, state)."""
    pr = '<workbookPr date1904="1"/>' if date1904 else '<workbookPr/>'
    s = "".join(f'<sheet name="{x[0]}" sheetId="{i + 1}"'
                + (f' state="{x[2]}"' if len(x) > 2 else "")
                + f' r:id="{x[1]}"/>' for i, x in enumerate(sheets))
    return (DECL + f'<workbook xmlns="{MAIN}" xmlns:r="{RELNS}">{pr}'
            f'<sheets>{s}</sheets></workbook>')


def wb_rels(rels):
    """rels: (id, type, target)."""
    r = "".join(f'<Relationship Id="{i}" Type="{RELNS}/{t}" Target="{g}"/>'
                for i, t, g in rels)
    return DECL + f'<Relationships xmlns="{PKGREL}">{r}</Relationships>'


def sst(items, count=None):
    """items: the inner XML of each <si>."""
    n = len(items) if count is None else count
    return (DECL + f'<sst xmlns="{MAIN}" count="{n}" uniqueCount="{n}">'
            + "".join(f"<si>{x}</si>" for x in items) + "</sst>")


def styles(numfmts, xfs):
    """numfmts: (id, code); xfs: numFmtId of each cellXfs entry."""
    nf = "".join(f'<numFmt numFmtId="{i}" formatCode={quoteattr(c)}/>'
                 for i, c in numfmts)
    x = "".join(f'<xf numFmtId="{i}" fontId="0" fillId="0" borderId="0"'
                ' applyNumberFormat="1"/>' for i in xfs)
    # cellStyleXfs also holds <xf>: a date format there must not count
    return (DECL + f'<styleSheet xmlns="{MAIN}">'
            f'<numFmts count="{len(numfmts)}">{nf}</numFmts>'
            '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>'
            f'<cellXfs count="{len(xfs)}">{x}</cellXfs></styleSheet>')


def sheet(rows_xml):
    return (DECL + f'<worksheet xmlns="{MAIN}" xmlns:r="{RELNS}">'
            f'<dimension ref="A1"/><sheetData>{rows_xml}</sheetData>'
            '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75"'
            ' header="0.3" footer="0.3"/></worksheet>')


def book(sheets, sheet_parts, strings=None, style=None, date1904=False,
         extra=(), rel_targets=None):
    """A whole workbook. sheets: names (or (name, state)); sheet_parts: the
    XML of each, None to leave the part out; rel_targets: each sheet's
    Target (default worksheets/sheetN.xml)."""
    rels, ents, wsheets = [], [], []
    for i, s in enumerate(sheets):
        name, state = (s, None) if isinstance(s, str) else s
        rid = f"rId{i + 1}"
        target = (rel_targets[i] if rel_targets else f"worksheets/sheet{i + 1}.xml")
        rels.append((rid, "worksheet", target))
        wsheets.append((name, rid) if not state else (name, rid, state))
        if sheet_parts[i] is not None:
            ents.append((f"xl/worksheets/sheet{i + 1}.xml", sheet_parts[i]))
    if strings is not None:
        rels.append(("rIdS", "sharedStrings", "sharedStrings.xml"))
        ents.append(("xl/sharedStrings.xml", strings))
    if style is not None:
        rels.append(("rIdY", "styles", "styles.xml"))
        ents.append(("xl/styles.xml", style))
    return ([("[Content_Types].xml", content_types()),
             ("_rels/.rels", root_rels()),
             ("xl/workbook.xml", workbook(wsheets, date1904)),
             ("xl/_rels/workbook.xml.rels", wb_rels(rels))]
            + ents + list(extra))


def c(ref, v, t=None, s=None, f=None):
    """A cell: <c r= t= s=><f/><v/></c>; ref None leaves r out."""
    a = (f' r="{ref}"' if ref else "") + (f' s="{s}"' if s is not None else "") \
        + (f' t="{t}"' if t else "")
    inner = (f"<f>{f}</f>" if f is not None else "") + \
        (f"<v>{v}</v>" if v is not None else "")
    return f"<c{a}>{inner}</c>" if inner else f"<c{a}/>"


def inl(ref, text):
    a = f' r="{ref}"' if ref else ""
    return f'<c{a} t="inlineStr"><is><t>{text}</t></is></c>'


def row(n, cells):
    return (f'<row r="{n}">' if n else "<row>") + "".join(cells) + "</row>"


def simple(name, rows_xml, strings=None, style=None, sheet_name="Anbud"):
    write(name, zipbytes(book([sheet_name], [sheet(rows_xml)], strings, style)))
# }=================================


def well_formed():
    # basic.xlsx: every kind of cell, sparse rows, blank rows, four sheets
    strings = sst([
        "<t>anbud</t>",                                            # 0
        # rich text runs, and a phonetic run that is not part of the text
        '<r><rPr><b/></rPr><t>Anbuds</t></r><r><t>givare</t></r>'
        '<rPh sb="0" eb="1"><t>FURIGANA</t></rPh><phoneticPr fontId="1"/>',  # 1
        "<t>Datum</t>",                                            # 2
        "<t>Anbud 1</t>",                                          # 3
        '<t xml:space="preserve">  Tempo V\u00e5gbro\t </t>',      # 4
        "<t>Anbud 2</t>",                                          # 5
        "<t>H\u00e4lsinge_x005F_x0041_ AB_x000D__x000A_Norrala</t>",  # 6
        "<t>Anbud 3</t>",                                          # 7
        "<t>Anbud 4</t>",                                          # 8
        "<t>&lt;&amp;&gt; &#x263A; _xD83D__xDE00_</t>",            # 9
    ], count=3)   # a wrong count attribute: not trusted
    st = styles([(164, "yyyy\\-mm\\-dd"), (165, '0.00\\ "dygn"'),
                 (166, "[Red]#,##0;[Blue]\\-#,##0"), (167, "[h]:mm")],
                [0, 14, 164, 165, 20, 166, 167])
    rows = [
        row(1, [c("A1", 0, "s"), c("B1", 1, "s"), inl("C1", "Pris"),
                c("D1", 2, "s"), inl("E1", "Ja/Nej"), inl("F1", "Summa"),
                inl("G1", "Kommentar"), c("H1", None, s=1)]),
        row(2, [c("A2", 3, "s"), c("B2", 4, "s"), c("C2", "12.3"),
                c("D2", "45000", s=1), c("E2", "1", "b"),
                c("F2", "24.6", f="C2*2"),
                c("G2", "Anbud 1x", "str", f='A2&amp;"x"')]),
        # no r attributes on the row or its cells
        row(None, [c(None, 5, "s"), c(None, 6, "s"), c(None, "1.2345E-3"),
                   c(None, "45292.75", s=2), c(None, "0", "b"),
                   c(None, "1E+6"),
                   '<c t="inlineStr"><is><r><t>a</t></r><r><t xml:space="preserve"> b</t></r></is></c>']),
        '<row r="4"/>',
        row(5, [c("A5", None, s=1), c("C5", None, s=2), inl("D5", "  ")]),
        row(6, [c("A6", 7, "s"), c("C6", "-42.5"), c("F6", "-1.5E-2"),
                c("K6", None, s=1)]),
        row(8, [c("A8", 8, "s"), c("B8", "45000", s=3), inl("C8", "tolv"),
                c("D8", "0.5", s=4), c("E8", "2.5e3"), c("F8", "-7", s=5),
                c("G8", "1.5", s=6), c("XFD8", None, s=1)]),
        row(9, [c("A9", 9, "s"), c("C9", "1.5E+2"), c("D9", "45000.000001", s=1)]),
    ]
    sheet2 = row(1, [inl("A1", "bed\u00f6mare"), inl("B1", "anbud"),
                     inl("C1", "betyg")]) + \
        row(2, [inl("A2", "Karin"), inl("B2", "Anbud 1"), c("C2", "3")])
    sheet3 = row(1, [inl("A1", "dold")]) + row(2, [c("A2", "1")])
    parts = book(["Anbud", "Po\u00e4ng och \u00e5\u00e4\u00f6", ("Dold", "hidden"), "Diagram"],
                 [sheet("".join(rows)), sheet(sheet2), sheet(sheet3), None],
                 strings, st,
                 rel_targets=["worksheets/sheet1.xml", "/xl/worksheets/sheet2.xml",
                              "./worksheets/../worksheets/sheet3.xml",
                              "chartsheets/sheet1.xml"])
    # the fourth sheet is a chart sheet: not a worksheet, left out
    parts[3] = ("xl/_rels/workbook.xml.rels", parts[3][1].replace(
        'Id="rId4" Type="' + RELNS + '/worksheet"',
        'Id="rId4" Type="' + RELNS + '/chartsheet"'))
    parts.append(("xl/chartsheets/sheet1.xml",
                  DECL + f'<chartsheet xmlns="{MAIN}"/>'))
    write("basic.xlsx", zipbytes(parts))

    # date1904.xlsx
    st = styles([], [0, 14])
    rows = row(1, [inl("A1", "datum")]) + row(2, [c("A2", "0", s=1)]) + \
        row(3, [c("A3", "43538", s=1)])
    write("date1904.xlsx", zipbytes(book(["Datum"], [sheet(rows)], None, st,
                                         date1904=True)))

    # dates.xlsx: Excel's 1900 leap-year bug, the ends of the range
    st = styles([], [0, 14, 22])
    rows = row(1, [inl("A1", "datum")]) + "".join(
        row(i + 2, [c(f"A{i + 2}", v, s=1)]) for i, v in
        enumerate(["1", "59", "61", "2958465", "0.25"])) + \
        row(7, [c("A7", "45000.5", s=2)])
    bad = row(1, [inl("A1", "datum"), inl("B1", "x")]) + \
        row(3, [c("A3", "61", s=1), c("B3", "60", s=1)])
    write("dates.xlsx", zipbytes(book(["Datum", "Fel"], [sheet(rows), sheet(bad)],
                                      None, st)))

    # strict.xlsx: strict OOXML namespaces and an "x:" prefix
    sm = "http://purl.oclc.org/ooxml/spreadsheetml/main"
    sr = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    ws = (DECL + f'<x:worksheet xmlns:x="{sm}"><x:sheetData>'
          '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>namn</x:t></x:is></x:c></x:row>'
          '<x:row r="2"><x:c r="A2"><x:v>7</x:v></x:c></x:row>'
          '</x:sheetData></x:worksheet>')
    wb = (DECL + f'<x:workbook xmlns:x="{sm}" xmlns:rel="{sr}"><x:sheets>'
          '<x:sheet name="Strikt" sheetId="1" rel:id="R1"/></x:sheets></x:workbook>')
    rels = (DECL + f'<Relationships xmlns="{PKGREL}">'
            f'<Relationship Id="R1" Type="{sr}/worksheet" Target="worksheets/sheet1.xml"/>'
            '</Relationships>')
    write("strict.xlsx", zipbytes([
        ("[Content_Types].xml", content_types()),
        ("_rels/.rels", (DECL + f'<Relationships xmlns="{PKGREL}">'
                         f'<Relationship Id="rId1" Type="{sr}/officeDocument" '
                         'Target="/xl/workbook.xml"/></Relationships>')),
        ("xl/workbook.xml", wb), ("xl/_rels/workbook.xml.rels", rels),
        ("xl/worksheets/sheet1.xml", ws, {"method": 0})]))


def malformed():
    head = row(1, [inl("A1", "anbud"), inl("B1", "pris"), inl("C1", "datum"),
                   inl("D1", "summa")])
    simple("formula-nocache.xlsx", head + row(5, [
        inl("A5", "Anbud 1"), c("B5", "10"), c("D5", None, f="B5*2")]))
    simple("error-cell.xlsx", head + row(4, [
        inl("A4", "Anbud 1"), c("B4", "#DIV/0!", "e", f="1/0")]))
    simple("outside-header.xlsx",
           row(1, [inl("A1", "anbud"), inl("B1", "pris")]) +
           row(2, [inl("A2", "Anbud 1"), c("B2", "1")]) +
           row(7, [inl("A7", "Anbud 2"), c("B7", "2"), inl("C7", "extra")]))
    simple("bad-sst-index.xlsx",
           row(1, [c("A1", 0, "s"), c("B1", 1, "s")]) +
           row(3, [c("A3", 2, "s"), c("B3", 57, "s")]),
           strings=sst([f"<t>s{i}</t>" for i in range(12)]))
    write("missing-sheet-part.xlsx", zipbytes(book(
        ["Anbud", "Po\u00e4ng"], [sheet(head), None])))
    write("missing-workbook.xlsx", zipbytes(
        [e for e in book(["Anbud"], [sheet(head)]) if e[0] != "xl/workbook.xml"]))
    write("not-a-zip.xlsx", b"anbud;pris\nAnbud 1;12,50\n")
    good = zipbytes(book(["Anbud"], [sheet(head)]))
    write("truncated.xlsx", good[:len(good) // 2])
    write("ole.xlsx", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + bytes(504))
    write("empty.xlsx", b"")
    # the stored sheet's bytes changed after its CRC was taken
    data = zipbytes([(n, d, {"method": 0}) for n, d in
                     book(["Anbud"], [sheet(head + row(2, [inl("A2", "Anbud 1")]))])])
    write("crc.xlsx", data.replace(b"Anbud 1", b"Anbud 7"))
    # billion laughs in the shared strings, and a DOCTYPE in a sheet
    laughs = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
              + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                        for i in range(1, 10))
              + f']>\n<sst xmlns="{MAIN}"><si><t>&lol9;</t></si></sst>')
    simple("doctype.xlsx", head, strings=laughs)
    write("doctype-sheet.xlsx", zipbytes(book(["Anbud"], [
        '<?xml version="1.0"?>\n<!DOCTYPE w SYSTEM "file:///etc/passwd">\n'
        f'<worksheet xmlns="{MAIN}"><sheetData/></worksheet>'])))
    deep = DECL + f'<worksheet xmlns="{MAIN}"><sheetData>' + "<a>" * 100 + \
        "</a>" * 100 + "</sheetData></worksheet>"
    write("deep.xlsx", zipbytes(book(["Anbud"], [deep])))
    write("bad-xml.xlsx", zipbytes(book(["Anbud"], [
        DECL + f'<worksheet xmlns="{MAIN}">\n<sheetData><row></sheetData></worksheet>'])))
    write("bad-utf8.xlsx", zipbytes(book(["Anbud"], [
        sheet(row(1, [inl("A1", "anbud")])).encode() .replace(b"anbud", b"anb\xffud")])))
    # an encrypted entry, and one compressed with bzip2 (method 12)
    ents = book(["Anbud"], [sheet(head)])
    write("encrypted-entry.xlsx", zipbytes(
        [(n, d, {"flag": 1}) if n.startswith("xl/worksheets") else (n, d) for n, d in ents]))
    write("bzip2-entry.xlsx", zipbytes(
        [(n, d, {"method_field": 12}) if n.startswith("xl/worksheets") else (n, d)
         for n, d in ents]))
    # a Word document
    write("docx.xlsx", zipbytes([
        ("[Content_Types].xml", content_types(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "/word/document.xml")),
        ("_rels/.rels", root_rels("word/document.xml")),
        ("word/document.xml", DECL + "<w:document xmlns:w=\"urn:w\"/>")]))
    simple("header-empty.xlsx", row(1, [inl("A1", "a"), inl("C1", "c")]) +
           row(2, [c("A2", "1"), c("B2", "2"), c("C2", "3")]))
    simple("header-dup.xlsx", row(1, [inl("A1", "Pris"), inl("B1", "pris")]))
    simple("empty-sheet.xlsx", '<row r="1"><c r="A1" s="0"/></row>')
    simple("out-of-order.xlsx", row(1, [inl("A1", "a"), inl("B1", "b")]) +
           row(2, [c("B2", "1"), c("A2", "2")]))
    simple("bad-bool.xlsx", head + row(3, [inl("A3", "x"), c("B3", "yes", "b")]))
    n = 257
    write("too-many-sheets.xlsx", zipbytes(book(
        [f"S{i}" for i in range(n)], [sheet(head)] + [None] * (n - 1),
        rel_targets=["worksheets/sheet1.xml"] * n)))


def rezip(src, dst):
    """src's entries into dst with fixed timestamps, by the writer above."""
    import zipfile
    with zipfile.ZipFile(src) as z:
        ents = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    write(dst, zipbytes(ents))


def openpyxl_file():
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Anbud"
    ws.append(["anbud", "anbudsgivare", "pris", "datum", "ok"])
    ws.append(["Anbud 1", "Tempo V\u00e5gbro", 61.45, datetime.date(2025, 3, 1), True])
    ws.append(["Anbud 2", "H\u00e4lsinge Matl\u00e5da AB", 57, datetime.date(2025, 3, 2), False])
    ws.append(["Anbud 3", "Norrala  ", 0.1 + 0.2, None, None])
    f = wb.create_sheet("Formler")
    f.append(["a", "b"])
    f.append([2, "=A2*2"])     # openpyxl saves no value for a formula
    wb.properties.created = wb.properties.modified = datetime.datetime(2025, 1, 1)
    with tempfile.TemporaryDirectory() as d:
        p = os.path.join(d, "o.xlsx")
        wb.save(p)
        rezip(p, "openpyxl.xlsx")


def libreoffice_file():
    soffice = shutil.which("soffice")
    if not soffice:
        print("skipped: libreoffice.xlsx (soffice is not installed; the "
              "committed file is kept)")
        return
    with tempfile.TemporaryDirectory() as d:
        csv = os.path.join(d, "lo.csv")
        with open(csv, "w", encoding="utf-8") as f:
            f.write("anbud,anbudsgivare,pris,datum\n"
                    "Anbud 1,Tempo V\u00e5gbro,61.45,2025-03-01\n"
                    "Anbud 2,H\u00e4lsinge Matl\u00e5da AB,57.5,2025-03-02\n")
        subprocess.run([soffice, f"-env:UserInstallation=file://{d}/profile",
                        "--headless", "--infilter=CSV:44,34,76,1",
                        "--convert-to", "xlsx", "--outdir", d, csv],
                       check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=300)
        rezip(os.path.join(d, "lo.xlsx"), "libreoffice.xlsx")


def main():
    well_formed()
    malformed()
    openpyxl_file()
    libreoffice_file()
    return 0


if __name__ == "__main__":
    sys.exit(main())
