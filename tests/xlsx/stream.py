#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tests/xlsx/stream.py: a workbook written row by row (libxlsxwriter's
constant_memory mode, which anbud takes for a large workbook) holds what the
same workbook written in memory holds: every sheet's every cell.

Usage:
  /usr/bin/python3 tests/xlsx/stream.py ANBUD [CASE...]
  /usr/bin/python3 tests/xlsx/stream.py --compare MEMORY.xlsx STREAM.xlsx

With ANBUD it runs `ANBUD evaluate model.lua INPUTS [args] -o W.xlsx --json
W.json` twice per case, with ANBUD_WORKBOOK_MODE=memory and =stream, on every
golden case that writes a workbook (tests/golden/*: model.lua, neither
expect-error nor expect-check; inputs and args as tests/golden/run gives
them), on models/soderhamn (plain, --public, --probe), or on the CASEs named
(folders, or names under tests/golden/); and, without CASEs, on a case that
bench/generate.c writes (national framework, GENERATED_BIDS bids) into a
temporary folder, which is large enough that anbud streams it by itself: that
one is run without ANBUD_WORKBOOK_MODE and with =memory.

Then, counted too: ANBUD_WORKBOOK_MODE=fast is refused; a streamed workbook
that would need more files open than the system allows is refused when
ANBUD_WORKBOOK_MODE=stream asks for it, and held in memory when its size
does; neither refusal leaves a file.

Per case, counted:
  run       both runs end alike: the same exit code, standard output and
            error, the same JSON (but for the workbook's name and SHA-256),
            and a workbook each;
  streamed  the streamed workbook has no shared-strings table, the other has
            one (the mode was taken);
  cells     the two workbooks are the same (below); up to 10 differences are
            printed, "Sheet!B7: memory ..., stream ...";
  verify    (the generated case) anbud verify finds the streamed workbook
            is what it computes.
With no LibreOffice or Gnumeric involved, this takes about a minute.

The same: every sheet, in order, and in each every cell, read with openpyxl
twice (formulas, then cached values): its value or formula, cached value,
type, number format, font, fill, border, alignment and protection; every
row's and column's attributes (height, width, hidden, its format resolved
the same way); the sheet's XML outside its rows and columns byte for byte
(merged ranges, frozen panes, protection, links, margins, page setup,
header, page breaks, charts' anchors); every other part of the package byte for byte (defined
names and properties in workbook.xml and docProps, drawings, relationships).
Only what the mode changes on purpose is set aside: the shared-strings table
(a streamed workbook stores its texts in the cells: openpyxl reads both as
the same text), the order of the formats in styles.xml (compared through the
cells that use them), and the cached values of the charts (a streamed
workbook has none; the charts' XML is compared without them).

Prints "ok CHECK" or "FAIL CHECK: why" and ends with "N passed, N failed".
Exit 0 all passed (or python3-openpyxl is not installed: a "skipped: ..."
line says so, and nothing is counted), 1 a check failed, 2 usage error.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

SYSTEM_PYTHON = "/usr/bin/python3"
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# bids of the generated case: above the size from which anbud streams a
# workbook (WORKBOOK_STREAM_CELLS in core/workbook.c); "streamed" fails if not
GENERATED_BIDS = 300
TIMEOUT = int(os.environ.get("XLSX_TIMEOUT", "120"))
SHOW = 10

if sys.executable != SYSTEM_PYTHON and os.path.exists(SYSTEM_PYTHON) and not os.environ.get("STREAM_PY_REEXEC"):
    os.environ["STREAM_PY_REEXEC"] = "1"
    os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON] + sys.argv)

try:
    import openpyxl
    from openpyxl.cell.read_only import ReadOnlyCell, EmptyCell
    from openpyxl.utils import get_column_letter
except ImportError:
    # tests/run counts the result line; the skip is said above it
    print("skipped: python3-openpyxl is not installed (apt-get install python3-openpyxl)")
    print("0 passed, 0 failed")
    sys.exit(0)


# {=========== comparing two workbooks ============

SST = "xl/sharedStrings.xml"
ROW_RE = re.compile(rb"<row ([^>]*?)/?>")
ATTR_RE = re.compile(rb'([A-Za-z:]+)="([^"]*)"')
COL_RE = re.compile(rb"<col ([^>]*?)/>")
SHEET_DATA_RE = re.compile(rb"<sheetData>.*</sheetData>|<sheetData/>", re.S)
COLS_RE = re.compile(rb"<cols>.*?</cols>", re.S)
CACHE_RE = re.compile(rb"<c:(str|num)Cache>.*?</c:\1Cache>", re.S)
SST_ENTRY_RE = re.compile(rb'<Override PartName="/xl/sharedStrings.xml"[^>]*/>'
                          rb'|<Relationship Id="[^"]*" Type="[^"]*/sharedStrings" Target="sharedStrings.xml"/>')


def style_of(cell):
    """A cell's format as a reader sees it, whatever its index in styles.xml."""
    if isinstance(cell, EmptyCell):
        return None
    a = cell.style_array
    return (cell.number_format, cell.font, cell.fill, cell.border, cell.alignment, cell.protection,
            a.quotePrefix, a.pivotButton, a.xfId)


def cells_of(path, data_only):
    """{sheet: {(row, column): (value, type, style)}} of every cell that has a
    value or a format, in order of the sheets."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
    out = {}
    styles = {}   # style_of by index, computed once
    try:
        for ws in wb.worksheets:
            cells = {}
            for row in ws.iter_rows():
                for c in row:
                    if isinstance(c, EmptyCell):
                        continue
                    if c.value is None and not c.has_style:
                        continue
                    if c._style_id not in styles:
                        styles[c._style_id] = style_of(c)
                    cells[(c.row, c.column)] = (c.value, c.data_type, styles[c._style_id])
            out[ws.title] = cells
        rows = {}
        for i, ws in enumerate(wb.worksheets):
            rows[i + 1] = ws   # sheetN.xml is the Nth sheet in anbud's workbooks
        return wb.sheetnames, out, wb, rows
    finally:
        if data_only:
            wb.close()


def row_attrs(xml, ws):
    """Each row's attributes but spans (a streamed row has none), its format
    (s) resolved to what it shows."""
    rows = []
    for m in ROW_RE.finditer(xml):
        attrs = dict(ATTR_RE.findall(m.group(1)))
        attrs.pop(b"spans", None)
        s = attrs.pop(b"s", None)
        r = int(attrs.get(b"r", b"0"))
        fmt = style_of(ReadOnlyCell(ws, r, 1, None, "n", int(s))) if s is not None else None
        rows.append((r, sorted(attrs.items()), fmt))
    return rows


def col_attrs(xml, ws):
    """Each column's attributes, its format (style) resolved likewise."""
    cols = []
    for m in COL_RE.finditer(xml):
        attrs = dict(ATTR_RE.findall(m.group(1)))
        s = attrs.pop(b"style", None)
        fmt = style_of(ReadOnlyCell(ws, 1, 1, None, "n", int(s))) if s is not None else None
        cols.append((sorted(attrs.items()), fmt))
    return cols


def compare_books(mem_path, str_path):
    """The differences between the two workbooks, as lines."""
    diffs = []
    zm, zs = zipfile.ZipFile(mem_path), zipfile.ZipFile(str_path)
    names_m = set(zm.namelist()) - {SST}
    names_s = set(zs.namelist()) - {SST}
    for n in sorted(names_m - names_s):
        diffs.append("%s: only in the memory workbook" % n)
    for n in sorted(names_s - names_m):
        diffs.append("%s: only in the streamed workbook" % n)
    sheets_m, cells_m, wb_m, rows_m = cells_of(mem_path, False)
    sheets_s, cells_s, wb_s, rows_s = cells_of(str_path, False)
    try:
        for n in sorted(names_m & names_s):
            a, b = zm.read(n), zs.read(n)
            if n == "xl/styles.xml":
                continue   # the formats' order: compared through the cells
            if n in ("[Content_Types].xml", "xl/_rels/workbook.xml.rels"):
                a, b = SST_ENTRY_RE.sub(b"", a), SST_ENTRY_RE.sub(b"", b)
            elif n.startswith("xl/charts/"):
                a, b = CACHE_RE.sub(b"", a), CACHE_RE.sub(b"", b)
            elif re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n):
                k = int(re.search(r"\d+", n).group())
                ra = row_attrs(a, rows_m[k]) if k in rows_m else None
                rb = row_attrs(b, rows_s[k]) if k in rows_s else None
                if ra != rb:
                    da = dict((r, (at, f)) for r, at, f in ra or [])
                    db = dict((r, (at, f)) for r, at, f in rb or [])
                    for r in sorted(set(da) | set(db)):
                        if da.get(r) != db.get(r):
                            diffs.append("%s row %d: memory %s, stream %s" % (n, r, da.get(r), db.get(r)))
                ca = col_attrs(a, rows_m[k]) if k in rows_m else None
                cb = col_attrs(b, rows_s[k]) if k in rows_s else None
                if ca != cb:
                    diffs.append("%s columns: memory %s, stream %s" % (n, ca, cb))
                a = COLS_RE.sub(b"", SHEET_DATA_RE.sub(b"", a))
                b = COLS_RE.sub(b"", SHEET_DATA_RE.sub(b"", b))
            if a != b:
                diffs.append("%s: differs outside the cells" % n)
        if sheets_m != sheets_s:
            diffs.append("sheets: memory %s, stream %s" % (sheets_m, sheets_s))
        values_m = cells_of(mem_path, True)[1]
        values_s = cells_of(str_path, True)[1]
        for sheet in sheets_m:
            cm, cs = cells_m.get(sheet, {}), cells_s.get(sheet, {})
            vm, vs = values_m.get(sheet, {}), values_s.get(sheet, {})
            for rc in sorted(set(cm) | set(cs)):
                one = (cm.get(rc), vm.get(rc, (None,))[0])
                other = (cs.get(rc), vs.get(rc, (None,))[0])
                if one != other:
                    diffs.append("%s!%s%d: memory %s, stream %s" % (sheet, get_column_letter(rc[1]), rc[0],
                                                                   show(one), show(other)))
    finally:
        wb_m.close()
        wb_s.close()
    return diffs


def show(c):
    """A cell for a message: its value, cached value and number format."""
    cell, cached = c
    if cell is None:
        return "nothing"
    value, kind, style = cell
    text = repr(value)
    if isinstance(value, str) and value.startswith("="):
        text += " (cached %r)" % (cached,)
    return "%s [%s, %s]" % (text[:120], kind, style[0] if style else "no format")

# }======================================


# {=========== running anbud ============

passed = 0
failed = 0


def ok(check):
    global passed
    passed += 1
    print("ok %s" % check)


def fail(check, why):
    global failed
    failed += 1
    print("FAIL %s: %s" % (check, why))


def inputs_of(folder):
    """The inputs as tests/golden/run gives them: bids*, scores*,
    requirements*, then the other CSV files, each group in name order."""
    files = sorted(os.listdir(folder))
    csv = [f for f in files if f.endswith(".csv")]
    groups = [[f for f in csv if f.startswith(p)] for p in ("bids", "scores", "requirements")]
    rest = [f for f in csv if not f.startswith(("bids", "scores", "requirements"))]
    return groups[0] + groups[1] + groups[2] + rest


def run(anbud, folder, args, out, mode, files=None):
    """Evaluate in folder, the workbook and JSON to out: (exit code, stdout,
    stderr, JSON without its workbook), or None on a timeout. mode: the
    ANBUD_WORKBOOK_MODE, or None; files: a limit on the files open."""
    env = dict(os.environ)
    env.pop("ANBUD_WORKBOOK_MODE", None)
    if mode:
        env["ANBUD_WORKBOOK_MODE"] = mode
    os.makedirs(out, exist_ok=True)
    cmd = [anbud, "evaluate", "model.lua"] + inputs_of(folder) + args + \
          ["-o", os.path.join(out, "w.xlsx"), "--json", os.path.join(out, "w.json")]
    limit = None
    if files:
        import resource
        def limit():
            resource.setrlimit(resource.RLIMIT_NOFILE, (files, files))
    try:
        p = subprocess.run(cmd, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=TIMEOUT, preexec_fn=limit)
    except subprocess.TimeoutExpired:
        return None
    json_text = None
    if os.path.exists(os.path.join(out, "w.json")):
        with open(os.path.join(out, "w.json"), encoding="utf-8") as f:
            json_text = json.load(f)
            json_text.pop("workbook", None)   # its name and SHA-256 differ on purpose
    return p.returncode, p.stdout, p.stderr, json_text


def check_case(anbud, name, folder, args, work, modes=("memory", "stream")):
    """Run the case in the two modes (the second streams) and compare."""
    outs = [os.path.join(work, m or "default") for m in modes]
    results = [run(anbud, folder, args, o, m) for o, m in zip(outs, modes)]
    books = [os.path.join(o, "w.xlsx") for o in outs]
    if None in results:
        fail(name + " run", "took longer than %d s" % TIMEOUT)
        return None
    (c1, o1, e1, j1), (c2, o2, e2, j2) = results
    if c1 != c2 or o1 != o2 or e1 != e2:
        fail(name + " run", "memory: exit %d %s; stream: exit %d %s" % (
            c1, e1.decode(errors="replace").strip()[:300], c2, e2.decode(errors="replace").strip()[:300]))
        return None
    if not all(os.path.exists(b) for b in books):
        fail(name + " run", "exit %d and no workbook: %s" % (c1, e1.decode(errors="replace").strip()[:300]))
        return None
    if j1 != j2:
        fail(name + " run", "the JSON differs")
        return None
    ok(name + " run")
    has = [SST in zipfile.ZipFile(b).namelist() for b in books]
    if has == [True, False]:
        ok(name + " streamed")
    else:
        fail(name + " streamed", "shared strings in the memory workbook: %s, in the streamed one: %s"
             % ("yes" if has[0] else "no", "yes" if has[1] else "no"))
    diffs = compare_books(*books)
    if diffs:
        fail(name + " cells", "%d difference%s, the first:\n    %s" % (
            len(diffs), "" if len(diffs) == 1 else "s", "\n    ".join(diffs[:SHOW])))
    else:
        ok(name + " cells")
    return books[1]


def check_verify(anbud, name, folder, book):
    """anbud verify reads the streamed workbook back and finds it is what
    it computes (in the mode the size gives, as the workbook was written)."""
    env = dict(os.environ)
    env.pop("ANBUD_WORKBOOK_MODE", None)
    p = subprocess.run([anbud, "verify", "model.lua"] + inputs_of(folder) + [book], cwd=folder, env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    if p.returncode == 0:
        ok(name + " verify")
    else:
        fail(name + " verify", "exit %d: %s" % (p.returncode, p.stderr.decode(errors="replace").strip()[:300]))


def check_refusals(anbud, work, generated):
    """What the mode cannot do is said, and leaves nothing behind."""
    soderhamn = os.path.join(ROOT, "models", "soderhamn")
    tries = [("ANBUD_WORKBOOK_MODE=fast", soderhamn, "fast", None, 2, "ANBUD_WORKBOOK_MODE is \"fast\"; expected"),
             # 7 sheets would each keep a file open: more than 40 with the rest
             ("ANBUD_WORKBOOK_MODE=stream, 40 files open at most", soderhamn, "stream", 40, 2, "ulimit -n")]
    for i, (name, folder, mode, files, code, message) in enumerate(tries):
        out = os.path.join(work, "refused%d" % i)
        r = run(anbud, folder, [], out, mode, files)
        if r is None:
            fail(name, "took longer than %d s" % TIMEOUT)
        elif r[0] != code or message.encode() not in r[2] or r[2].count(b"\n") != 1:
            fail(name, "exit %d, expected %d and one line with \"%s\": %s" % (
                r[0], code, message, r[2].decode(errors="replace")[:300]))
        elif os.listdir(out):
            fail(name, "left %s" % ", ".join(sorted(os.listdir(out))))
        else:
            ok(name)
    if generated:
        # large enough to stream, but the files it would need cannot be
        # had: held in memory, as before there was a streamed workbook
        name = "generated, 40 files open at most: held in memory"
        out = os.path.join(work, "few-files")
        r = run(anbud, generated, [], out, None, 40)
        book = os.path.join(out, "w.xlsx")
        if r is None:
            fail(name, "took longer than %d s" % TIMEOUT)
        elif r[0] != 0 or not os.path.exists(book):
            fail(name, "exit %d: %s" % (r[0], r[2].decode(errors="replace")[:300]))
        elif SST not in zipfile.ZipFile(book).namelist():
            fail(name, "streamed")
        else:
            ok(name)


def golden_cases():
    cases = []
    base = os.path.join(ROOT, "tests", "golden")
    for n in sorted(os.listdir(base)):
        d = os.path.join(base, n)
        if not os.path.isfile(os.path.join(d, "model.lua")):
            continue
        if os.path.exists(os.path.join(d, "expect-error")) or os.path.exists(os.path.join(d, "expect-check")):
            continue
        cases.append((n, d, args_of(d)))
    soderhamn = os.path.join(ROOT, "models", "soderhamn")
    cases.append(("models/soderhamn", soderhamn, []))
    cases.append(("models/soderhamn --public", soderhamn, ["--public"]))
    cases.append(("models/soderhamn --probe", soderhamn, ["--probe"]))
    return cases


def args_of(folder):
    p = os.path.join(folder, "args")
    if not os.path.exists(p):
        return []
    with open(p, encoding="utf-8") as f:
        return f.readline().split()


def generated_case(work):
    """bench/generate.c's national framework of GENERATED_BIDS bids."""
    gen = os.path.join(work, "generate")
    folder = os.path.join(work, "generated")
    os.makedirs(folder)
    cc = os.environ.get("CC", "cc")
    p = subprocess.run([cc, "-O2", "-o", gen, os.path.join(ROOT, "bench", "generate.c")],
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if p.returncode != 0:
        return None, "cannot build bench/generate.c: " + p.stdout.decode(errors="replace")[:300]
    p = subprocess.run([gen, folder, str(GENERATED_BIDS)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if p.returncode != 0:
        return None, "bench/generate failed: " + p.stdout.decode(errors="replace")[:300]
    return folder, None

# }======================================


def main(argv):
    if len(argv) == 4 and argv[1] == "--compare":
        diffs = compare_books(argv[2], argv[3])
        for d in diffs:
            print(d)
        print("%d difference%s" % (len(diffs), "" if len(diffs) == 1 else "s"))
        return 1 if diffs else 0
    if len(argv) < 2 or argv[1].startswith("-"):
        sys.stderr.write("usage: stream.py ANBUD [CASE...] | stream.py --compare MEMORY.xlsx STREAM.xlsx\n")
        return 2
    anbud = os.path.abspath(argv[1])
    if not os.access(anbud, os.X_OK):
        sys.stderr.write("stream.py: %s is not an executable\n" % anbud)
        return 2
    if len(argv) > 2:
        cases = []
        for c in argv[2:]:
            d = c if os.path.isdir(c) else os.path.join(ROOT, "tests", "golden", c)
            cases.append((c.rstrip("/"), os.path.abspath(d), args_of(d)))
    else:
        cases = golden_cases()
    work = tempfile.mkdtemp(prefix="anbud-stream.", dir=os.environ.get("TMPDIR") or None)
    try:
        for i, (name, folder, args) in enumerate(cases):
            check_case(anbud, name, folder, args, os.path.join(work, str(i)))
        if len(argv) == 2:
            folder, why = generated_case(work)
            name = "generated (%d bids)" % GENERATED_BIDS
            if not folder:
                fail(name + " run", why)
            else:
                # the default streams by itself; the memory run is forced
                book = check_case(anbud, name, folder, [], os.path.join(work, "g"), modes=("memory", None))
                if book:
                    check_verify(anbud, name, folder, book)
            check_refusals(anbud, work, folder)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
