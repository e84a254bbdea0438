#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tests/xlsx/structure.py: check the structure of an anbud audit workbook
against the JSON written by the same run.

Usage: /usr/bin/python3 tests/xlsx/structure.py WORKBOOK.xlsx RESULT.json

Checks (each one counted), for a model with lots once per lot on the lot's
numbered sheets ("Beräkning 2") and the names local to them:
  sheets        the six sheets exist, all with English names (Summary, Model,
                Bids, Scores, Calculation, Sensitivity) or all with Swedish
                ones (Sammanfattning, Modell, Anbud, Bedömningar, Beräkning,
                Känslighet);
  ModelSHA256   the defined name refers to one cell whose value is the JSON's
                model.sha256;
  ranges        the defined names BidIds, Totals and Ranks refer to
                single-column ranges of equal length on the Calculation
                (Beräkning) sheet, one row per ranked bid of lots[0];
  bid ids       BidIds holds exactly the ranked bids' ids (in any order);
  total BID     per ranked bid: the cached Totals value on the bid's row equals
                total_exact ("p/q" or a decimal) within a relative 1e-9;
  rank BID      per ranked bid: the cached Ranks value equals its rank;
  formulas      the workbook has at least (ranked bids x criteria) formula
                cells (the count is printed);
  cached        every formula cell has a cached value (no missing or empty <v>);
  no errors     no formula cell has a cached error value (#DIV/0!, #N/A, ...);
  well-formed   every XML part of the package (.xml, .rels) parses: no text
                XML cannot hold (U+FFFE, a control character, a cut UTF-8
                character) got into the workbook.

Prints "ok CHECK" or "FAIL CHECK: why" per check and ends with
"N passed, N failed". Exit 0 all passed, 1 a check failed, 2 usage error or
unreadable file, 77 python3-openpyxl is not installed (skipped).
"""

import json
import math
import os
import sys
import zipfile
from fractions import Fraction
from xml.etree import ElementTree

SYSTEM_PYTHON = "/usr/bin/python3"
ENGLISH = ["Summary", "Model", "Bids", "Scores", "Calculation", "Sensitivity"]
SWEDISH = ["Sammanfattning", "Modell", "Anbud", "Bedömningar", "Beräkning", "Känslighet"]
CALC_SHEETS = ("Calculation", "Beräkning")
NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
RNS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_RNS = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def usage_error(msg):
    sys.stderr.write("structure.py: %s\n" % msg)
    sys.exit(2)


try:
    import openpyxl
    from openpyxl.utils.cell import range_boundaries
except ImportError:
    if os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON) \
            and os.access(SYSTEM_PYTHON, os.X_OK) and not os.environ.get("ANBUD_STRUCTURE_REEXEC"):
        os.environ["ANBUD_STRUCTURE_REEXEC"] = "1"
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])
    print("skipped: Python module openpyxl (python3-openpyxl) is not installed")
    sys.exit(77)


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, name, note=""):
        self.passed += 1
        print("ok %s%s" % (name, ": " + note if note else ""))

    def fail(self, name, why):
        self.failed += 1
        print("FAIL %s: %s" % (name, why))

    def check(self, name, why_not, note=""):
        """why_not: None (passed) or the reason it failed."""
        if why_not is None:
            self.ok(name, note)
        else:
            self.fail(name, why_not)


def defined_names(wb):
    """{name: DefinedName} of the workbook-scope names, for openpyxl 3.0 and 3.1."""
    dn = wb.defined_names
    if hasattr(dn, "definedName"):                       # openpyxl 3.0
        return {d.name: d for d in dn.definedName if d.localSheetId is None}
    return dict(dn.items())                              # openpyxl 3.1


def destination(wb, names, name):
    """(sheet title, (min_col, min_row, max_col, max_row)) or a reason string."""
    d = names.get(name)
    if d is None:
        return "no defined name %s" % name
    try:
        dests = list(d.destinations)
    except Exception as e:
        return "%s = %s is not a cell range (%s)" % (name, d.attr_text, e)
    if len(dests) != 1:
        return "%s = %s is not one range" % (name, d.attr_text)
    title, ref = dests[0]
    if title not in wb.sheetnames:
        return "%s = %s names a missing sheet" % (name, d.attr_text)
    try:
        box = range_boundaries(ref.replace("$", ""))
    except Exception:
        return "%s = %s is not a cell range" % (name, d.attr_text)
    if None in box:
        return "%s = %s is a whole row or column" % (name, d.attr_text)
    return title, box


def column_values(ws, box):
    c0, r0, c1, r1 = box
    return [ws.cell(row=r, column=c0).value for r in range(r0, r1 + 1)]


def exact_value(text):
    """float of total_exact: "p/q", an integer or a decimal."""
    return float(Fraction(str(text).strip()))


def show(v):
    return '"%s"' % v if isinstance(v, str) else repr(v)


def formula_cells(path):
    """[(sheet name, coord, cached text or None, cell type)] for every cell with
    a formula, read from the sheets' XML (to see an empty <v/>)."""
    out = []
    with zipfile.ZipFile(path) as z:
        wbx = ElementTree.fromstring(z.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels.iter(PKG_RNS + "Relationship")}
        for s in wbx.iter(NS + "sheet"):
            t = target.get(s.get(RNS + "id"), "")
            part = t.lstrip("/") if t.startswith("/") else "xl/" + t
            try:
                root = ElementTree.fromstring(z.read(part))
            except KeyError:
                continue
            for c in root.iter(NS + "c"):
                if c.find(NS + "f") is None:
                    continue
                v = c.find(NS + "v")
                out.append((s.get("name"), c.get("r"), None if v is None else v.text,
                            c.get("t", "n")))
    return out


def check_lot(wb, ck, names, sha, ranking, suffix):
    """The six sheets of one lot (suffix " 2" with lots, "" without) and the
    named ranges of its Calculation sheet against the lot's JSON ranking."""
    ENGLISH_L = [n + suffix for n in ENGLISH]
    SWEDISH_L = [n + suffix for n in SWEDISH]
    CALC_L = tuple(n + suffix for n in CALC_SHEETS)
    # sheets
    have = set(wb.sheetnames)
    missing_en = [s for s in ENGLISH_L if s not in have]
    missing_sv = [s for s in SWEDISH_L if s not in have]
    if not missing_en:
        ck.ok("sheets" + suffix, "English")
    elif not missing_sv:
        ck.ok("sheets" + suffix, "Swedish")
    else:
        best = missing_en if len(missing_en) <= len(missing_sv) else missing_sv
        ck.fail("sheets" + suffix, "missing %s (sheets are %s)" % (", ".join(best), ", ".join(wb.sheetnames)))

    # ModelSHA256
    d = destination(wb, names, "ModelSHA256")
    if isinstance(d, str):
        ck.fail("ModelSHA256", d)
    else:
        title, (c0, r0, c1, r1) = d
        if (c0, r0) != (c1, r1):
            ck.fail("ModelSHA256", "refers to a range, not one cell")
        else:
            v = wb[title].cell(row=r0, column=c0).value
            ck.check("ModelSHA256", None if v == sha else
                     "%s!%s holds %s, the JSON has %s"
                     % (title, openpyxl.utils.get_column_letter(c0) + str(r0), show(v), sha))

    # BidIds, Totals, Ranks
    ranges = {}
    why = None
    for n in ("BidIds", "Totals", "Ranks"):
        d = destination(wb, names, n)
        if isinstance(d, str):
            why = d
            break
        title, box = d
        if title not in CALC_L:
            why = "%s is on sheet %s, not on Calculation/Beräkning" % (n, title)
            break
        if box[0] != box[2]:
            why = "%s = %s is more than one column" % (n, names[n].attr_text)
            break
        ranges[n] = (title, box)
    if why is None:
        lengths = {n: ranges[n][1][3] - ranges[n][1][1] + 1 for n in ranges}
        rows = {n: (ranges[n][1][1], ranges[n][1][3]) for n in ranges}
        if len(set(lengths.values())) != 1:
            why = "lengths differ: %s" % ", ".join("%s %d" % kv for kv in lengths.items())
        elif len(set(rows.values())) != 1 or len({r[0] for r in ranges.values()}) != 1:
            why = "the ranges are not on the same rows of one sheet: %s" % ", ".join(
                "%s = %s" % (n, names[n].attr_text) for n in ranges)
        elif lengths["BidIds"] != len(ranking):
            why = "%d rows, but %d ranked bids" % (lengths["BidIds"], len(ranking))
    if why is not None and not ranking and "no defined name" in why:
        why = None   # nothing ranked: the names may be left out
        ranges = {}
    ck.check("ranges", why, "%d rows" % len(ranking))

    if ranges and why is None:
        title = ranges["BidIds"][0]
        ws = wb[title]
        ids = column_values(ws, ranges["BidIds"][1])
        totals = column_values(ws, ranges["Totals"][1])
        ranks = column_values(ws, ranges["Ranks"][1])
        want = [str(b.get("bid")) for b in ranking]
        bad = [show(v) for v in ids if not isinstance(v, str)]
        if bad:
            ck.fail("bid ids", "not text: %s" % ", ".join(bad))
        elif sorted(ids) != sorted(want):
            ck.fail("bid ids", "BidIds holds %s, the JSON ranks %s"
                    % (", ".join(map(show, ids)), ", ".join(map(show, want))))
        else:
            ck.ok("bid ids")
        row_of = {v: i for i, v in enumerate(ids) if isinstance(v, str)}
        r0 = ranges["BidIds"][1][1]
        col_t = openpyxl.utils.get_column_letter(ranges["Totals"][1][0])
        col_r = openpyxl.utils.get_column_letter(ranges["Ranks"][1][0])
        for b in ranking:
            bid = str(b.get("bid"))
            i = row_of.get(bid)
            if i is None:
                ck.fail("total %s" % bid, "bid not in BidIds")
                ck.fail("rank %s" % bid, "bid not in BidIds")
                continue
            at_t = "%s!%s%d" % (title, col_t, r0 + i)
            at_r = "%s!%s%d" % (title, col_r, r0 + i)
            try:
                want_t = exact_value(b.get("total_exact"))
            except (ValueError, ZeroDivisionError, TypeError):
                ck.fail("total %s" % bid, "JSON total_exact %r is not a number"
                        % (b.get("total_exact"),))
                want_t = None
            if want_t is not None:
                got = totals[i]
                if isinstance(got, bool) or not isinstance(got, (int, float)):
                    ck.fail("total %s" % bid, "%s holds %s, not a number" % (at_t, show(got)))
                elif not math.isclose(got, want_t, rel_tol=1e-9, abs_tol=1e-12):
                    ck.fail("total %s" % bid, "%s holds %r, total_exact %s is %r"
                            % (at_t, got, b.get("total_exact"), want_t))
                else:
                    ck.ok("total %s" % bid)
            got = ranks[i]
            if isinstance(got, bool) or not isinstance(got, (int, float)) \
                    or float(got) != float(b.get("rank")):
                ck.fail("rank %s" % bid, "%s holds %s, the JSON rank is %s"
                        % (at_r, show(got), b.get("rank")))
            else:
                ck.ok("rank %s" % bid)



def main(argv):
    if len(argv) != 2:
        usage_error("usage: structure.py WORKBOOK.xlsx RESULT.json")
    xlsx, jpath = argv
    try:
        with open(jpath, encoding="utf-8") as f:
            result = json.load(f)
    except (OSError, ValueError) as e:
        usage_error("cannot read %s: %s" % (jpath, e))
    import warnings
    warnings.simplefilter("ignore")
    # before openpyxl, which would stop at the first broken part
    broken = []
    try:
        with zipfile.ZipFile(xlsx) as z:
            for n in z.namelist():
                if n.endswith(".xml") or n.endswith(".rels"):
                    try:
                        ElementTree.fromstring(z.read(n))
                    except ElementTree.ParseError as e:
                        broken.append("%s: %s" % (n, e))
    except (OSError, zipfile.BadZipFile) as e:
        usage_error("cannot read %s as a zip archive: %s" % (xlsx, e))
    if broken:
        ck = Checks()
        ck.check("well-formed", "; ".join(broken))
        print("%d passed, %d failed" % (ck.passed, ck.failed))
        sys.exit(1)
    try:
        wb = openpyxl.load_workbook(xlsx, data_only=True)
        cells = formula_cells(xlsx)
    except Exception as e:
        usage_error("cannot read %s as a workbook: %s" % (xlsx, e))

    try:
        sha = result["model"]["sha256"]
        lot = result["lots"][0]
        ranking = lot.get("ranking") or []
    except (KeyError, IndexError, TypeError) as e:
        usage_error("%s lacks model.sha256 or lots[0] (%s)" % (jpath, e))

    ck = Checks()
    ck.check("well-formed", None)
    names = defined_names(wb)

    lots = result.get("lots") or []
    if len(lots) > 1 or result.get("award"):
        # with lots, each lot's names are local to its sheets
        local = {}
        for d in getattr(wb.defined_names, "definedName", []):
            if d.localSheetId is not None:
                local.setdefault(wb.sheetnames[d.localSheetId], {})[d.name] = d
        for i, l in enumerate(lots):
            suffix = " %d" % (i + 1)
            calc = [n + suffix for n in CALC_SHEETS if n + suffix in wb.sheetnames]
            lnames = local.get(calc[0], {}) if calc else {}
            check_lot(wb, ck, lnames, sha, l.get("ranking") or [], suffix)
        ranking = [b for l in lots for b in (l.get("ranking") or [])]
    else:
        check_lot(wb, ck, names, sha, ranking, "")

    # formulas: at least one per ranked bid and criterion
    criteria = set()
    for b in ranking:
        criteria.update((b.get("criteria") or {}).keys())
        if not b.get("criteria"):
            criteria.update(d.get("criterion") for d in b.get("details") or [])
    need = len(ranking) * len(criteria)
    note = "%d formula cells (at least %d = %d bids x %d criteria)" % (
        len(cells), need, len(ranking), len(criteria))
    ck.check("formulas", None if len(cells) >= need else "only " + note, note)

    # cached values
    empty = ["%s!%s" % (s, r) for s, r, v, t in cells if v is None or v == ""]
    ck.check("cached", None if not empty else "%d formula cells without a cached value: %s%s"
             % (len(empty), ", ".join(empty[:10]), ", ..." if len(empty) > 10 else ""))
    errors = ["%s!%s %s" % (s, r, v) for s, r, v, t in cells if t == "e"]
    ck.check("no errors", None if not errors else "%d cached error values: %s%s"
             % (len(errors), ", ".join(errors[:10]), ", ..." if len(errors) > 10 else ""))

    print("%d passed, %d failed" % (ck.passed, ck.failed))
    return 1 if ck.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
