#!/usr/bin/python3
"""tests/workbook/calcprint.py BOOK.xlsx: the Calculation and Sensitivity
sheets (Beräkning, Känslighet; numbered per lot) as a reader prints them.

Checks, printing "FAIL why" per failure (exit 1), nothing when all hold:
  print      both sheets: A4 (paperSize 9), landscape; the Calculation sheet's
             print titles hold column A (the bid) and its heading rows; a
             Calculation sheet split into column pages is printed at 70 % or more,
             else fit to one page wide;
  ranks      the cells of the defined name Ranks show no decimals;
  money      the evaluated price (column C) shows "kr" in a model in SEK;
  width      no number of either sheet is wider than its column (LibreOffice
             and Excel show ### then): its text at its number format, counted in
             characters, fits the column width;
  words      in a Swedish workbook no cell holds a stage code (requirement,
             threshold, abnormally_low) or a tie-break rule's code.
"""
import re, sys, zipfile
from xml.etree import ElementTree as ET

NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RNS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
fails = []
z = zipfile.ZipFile(sys.argv[1])
blobs = {n: z.read(n) for n in z.namelist()}
wb = ET.fromstring(blobs["xl/workbook.xml"])
rels = ET.fromstring(blobs["xl/_rels/workbook.xml.rels"])
target = {r.get("Id"): "xl/" + r.get("Target") for r in rels}
sheets = [(s.get("name"), target[s.get(RNS + "id")]) for s in wb.find(NS + "sheets")]
names = [(d.get("name"), d.get("localSheetId"), d.text) for d in wb.find(NS + "definedNames")]
strings = [("".join(t.text or "" for t in si.iter(NS + "t"))) for si in
           ET.fromstring(blobs["xl/sharedStrings.xml"]).iter(NS + "si")]
styles = ET.fromstring(blobs["xl/styles.xml"])
numfmts = {n.get("numFmtId"): n.get("formatCode") for n in styles.iter(NS + "numFmt")}
xfs = [x.get("numFmtId") for x in styles.find(NS + "cellXfs")]
swedish = any(n == "Beräkning" or n.startswith("Beräkning ") for n, _ in sheets)


def fmt_of(c):
    s = c.get("s")
    return numfmts.get(xfs[int(s)], "General") if s else "General"


def shown(v, f):
    """The characters value v takes at number format f (the positive part)."""
    f = f.split(";")[0]
    unit = re.findall(r'"([^"]*)"', f)
    places = len(re.search(r"\.(0*)", f).group(1)) if re.search(r"\.0", f) else None
    pct = "%" in f
    x = v * 100 if pct else v
    if places is None:
        t = repr(x) if f == "General" else "%.0f" % x
        if f == "General" and len(t) > 11:
            t = t[:11]
    else:
        t = "%.*f" % (places, x)
    digits = len(t.split(".")[0].lstrip("-"))
    if "," in f:
        t += "," * ((digits - 1) // 3)
    return len(t) + sum(len(u) for u in unit) + pct + (1 if f.startswith("+") else 0)


def col_widths(root):
    w = {}
    cols = root.find(NS + "cols")
    for c in (cols if cols is not None else []):
        for i in range(int(c.get("min")), int(c.get("max")) + 1):
            w[i] = float(c.get("width"))
    return w


def col_index(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - 64
    return n


for i, (name, path) in enumerate(sheets):
    base = name.split(" ")[0]
    if base not in ("Beräkning", "Calculation", "Känslighet", "Sensitivity"):
        continue
    calc = base in ("Beräkning", "Calculation")
    root = ET.fromstring(blobs[path])
    ps = root.find(NS + "pageSetup")
    if ps is None or ps.get("paperSize") != "9" or ps.get("orientation") != "landscape":
        fails.append("%s: not A4 landscape" % name)
    if calc:
        titles = [t for n, l, t in names if n == "_xlnm.Print_Titles" and l == str(i)]
        if not titles or "$A:$A" not in titles[0] or not re.search(r"\$\d+:\$\d+", titles[0]):
            fails.append("%s: the print titles lack the bid column or the headings: %s" % (name, titles))
        fit = root.find(NS + "sheetPr/" + NS + "pageSetUpPr")
        brk = root.find(NS + "colBreaks")
        if brk is not None:
            if int(ps.get("scale", "100")) < 70:
                fails.append("%s: split into column pages at %s %%" % (name, ps.get("scale")))
        elif fit is None or fit.get("fitToPage") != "1":
            fails.append("%s: neither fit to a page wide nor split into column pages" % name)
        for n, l, t in names:
            if n == "Ranks" and (l is None or l == str(i)):
                m = re.search(r"\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)", t)
                for c in root.iter(NS + "c"):
                    r = re.match(r"([A-Z]+)(\d+)", c.get("r"))
                    if r.group(1) == m.group(1) and int(m.group(2)) <= int(r.group(2)) <= int(m.group(3)):
                        if "." in fmt_of(c):
                            fails.append("%s %s: a rank shows decimals (%s)" % (name, c.get("r"), fmt_of(c)))
        for c in root.iter(NS + "c"):
            r = re.match(r"([A-Z]+)(\d+)", c.get("r"))
            if r.group(1) == "C" and int(r.group(2)) >= 15 and c.find(NS + "f") is not None and c.get("t") != "str":
                if "kr" not in fmt_of(c) and not re.search(r'"[A-Z]{3}"', fmt_of(c)):
                    fails.append("%s %s: the evaluated price shows no currency (%s)" % (name, c.get("r"), fmt_of(c)))
                break
    widths = col_widths(root)
    for c in root.iter(NS + "c"):
        v = c.find(NS + "v")
        if v is None or c.get("t") in ("s", "str", "b", "e"):
            if swedish and c.get("t") == "s" and strings[int(v.text)] in (
                    "requirement", "threshold", "abnormally_low", "quality", "price", "lottery", "exact"):
                fails.append("%s %s: an English code in a Swedish workbook: %s" % (name, c.get("r"), strings[int(v.text)]))
            continue
        n = shown(float(v.text), fmt_of(c))
        width = widths.get(col_index(c.get("r")), 8.43)
        if n > width - 0.5:
            fails.append("%s %s: %s at %s takes %d characters, the column %.1f (###)"
                         % (name, c.get("r"), v.text, fmt_of(c), n, width))
for f in fails[:20]:
    print("FAIL " + f)
sys.exit(1 if fails else 0)
