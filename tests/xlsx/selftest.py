#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tests/xlsx/selftest.py: test recalc.py and structure.py themselves on small
workbooks written here with python3-xlsxwriter: a correct one (Swedish sheet
names, a _xlfn. function), one with a wrong cached value, one with a function
that needs _xlfn. but lacks it, one with a cached error, an English one, and
structure checks that must fail (wrong SHA-256, wrong total, wrong rank,
missing sheet, an empty cached value).

Usage: /usr/bin/python3 tests/xlsx/selftest.py
Prints a line per failure and ends with "N passed, N failed". Exit 77 when
python3-xlsxwriter is not installed; recalc cases are not counted when
recalc.py says LibreOffice is missing (77).
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"

try:
    import xlsxwriter
except ImportError:
    print("skipped: Python module xlsxwriter (python3-xlsxwriter) is not installed")
    sys.exit(77)

SHA = "64c16648e22874d253561900785430a86648a1158cd0f22e212361e2a6c4a29c"
SV = ["Sammanfattning", "Modell", "Anbud", "Bedömningar", "Beräkning", "Känslighet"]
EN = ["Summary", "Model", "Bids", "Scores", "Calculation", "Sensitivity"]

# three bids, price points 70 x lowest / price plus quality points
BIDS = [("A", 10000, 90), ("B", 7500, 74), ("C", 5000, 20)]
TOTALS = {"A": "125", "B": "362/3", "C": "90"}
RANKS = {"A": 1, "B": 2, "C": 3}


def result_json(sha=SHA, totals=TOTALS, ranks=RANKS):
    return {"model": {"id": "t", "sha256": sha},
            "lots": [{"id": "1", "ranking": [
                {"bid": b, "rank": ranks[b], "total_exact": totals[b],
                 "criteria": {"Kvalitet": "x", "Pris": "y"}} for b, _, _ in BIDS]}]}


def workbook(path, names=SV, wrong_total=False, bare_stdev=False, cached_error=False,
             empty_cache=False, drop_sheet=None, sheet_order=None):
    wb = xlsxwriter.Workbook(path)
    sheets = {}
    for n in names:
        if n != drop_sheet:
            sheets[n] = wb.add_worksheet(n)
    summary, calc = names[0], names[4]
    q = "'%s'" % calc if re.search(r"[^A-Za-z0-9_]", calc) else calc
    s = sheets[summary]
    s.write("A1", "Modellens SHA-256")
    s.write("B1", SHA)
    wb.define_name("ModelSHA256", "=%s!$B$1" % summary)
    c = sheets[calc]
    c.write_row("A1", ["Anbud", "Pris", "Kvalitet", "Prispoäng", "Summa", "Plats"])
    # bids listed in reverse order: the names need not be in rank order
    rows = list(reversed(BIDS))
    for i, (bid, price, qual) in enumerate(rows):
        r = i + 2
        c.write("A%d" % r, bid)
        c.write("B%d" % r, price)
        c.write("C%d" % r, qual)
        c.write_formula("D%d" % r, "=70*MIN($B$2:$B$4)/B%d" % r, None, 70 * 5000 / price)
        total = qual + 70 * 5000 / price
        if wrong_total and bid == "B":
            total = 999
        c.write_formula("E%d" % r, "=C%d+D%d" % (r, r), None, total)
        c.write_formula("F%d" % r, "=RANK(E%d,$E$2:$E$4)" % r, None, RANKS[bid])
    totals = [qual + 70 * 5000 / price for _, price, qual in rows]
    fn = "STDEV.S" if bare_stdev else "_xlfn.STDEV.S"
    c.write_formula("H2", "=%s(E2:E4)" % fn, None, statistics.stdev(totals))
    c.write_formula("H3", '=IF(ABS(E2-90)<=1E-9,"OK","AVVIKER")', None, "OK")
    c.write_formula("H4", "=E4>E3", None, totals[2] > totals[1])
    if cached_error:
        c.write_formula("H5", "=B2/0", None, "#DIV/0!")
    if empty_cache:
        c.write_formula("H6", '=IF(TRUE,"","x")', None, "")
    wb.define_name("BidIds", "=%s!$A$2:$A$4" % q)
    wb.define_name("Totals", "=%s!$E$2:$E$4" % q)
    wb.define_name("Ranks", "=%s!$F$2:$F$4" % q)
    wb.close()


def run(args):
    p = subprocess.run([PY] + args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       universal_newlines=True)
    return p.returncode, p.stdout


class T:
    passed = 0
    failed = 0
    skipped = set()

    @classmethod
    def expect(cls, what, code, out, want_code, want_re=None):
        if code == 77 and want_code != 77:
            cls.skipped.add(out.strip().splitlines()[0] if out.strip() else "skipped")
            return
        ok = code == want_code and (want_re is None or re.search(want_re, out, re.M))
        if ok:
            cls.passed += 1
        else:
            cls.failed += 1
            print("FAIL %s: exit %d (wanted %d%s):\n    %s"
                  % (what, code, want_code, ", output matching /%s/" % want_re if want_re else "",
                     "\n    ".join(out.strip().splitlines()[-8:])))


def main():
    tmp = tempfile.mkdtemp(prefix="anbud-xlsx-selftest-")
    try:
        def f(name):
            return os.path.join(tmp, name)
        recalc = os.path.join(HERE, "recalc.py")
        structure = os.path.join(HERE, "structure.py")
        with open(f("ok.json"), "w") as fh:
            json.dump(result_json(), fh)

        workbook(f("ok.xlsx"))
        workbook(f("en.xlsx"), names=EN)
        workbook(f("wrong.xlsx"), wrong_total=True)
        workbook(f("bare.xlsx"), bare_stdev=True)
        workbook(f("err.xlsx"), cached_error=True)
        workbook(f("empty.xlsx"), empty_cache=True)
        workbook(f("nosheet.xlsx"), drop_sheet="Känslighet")

        # recalc.py
        T.expect("recalc correct", *run([recalc, f("ok.xlsx")]), 0,
                 r"^12 formula cells checked, 0 mismatches$")
        T.expect("recalc English", *run([recalc, f("en.xlsx")]), 0, r"0 mismatches$")
        T.expect("recalc wrong cached value", *run([recalc, f("wrong.xlsx")]), 1,
                 r"^Beräkning!E3: formula =C3\+D3, cached 999, recalculated 120\.66666666666\d*$"
                 r"[\s\S]*^12 formula cells checked, 1 mismatches$")
        T.expect("recalc STDEV.S without _xlfn.", *run([recalc, f("bare.xlsx")]), 1,
                 r"^Beräkning!H2: formula =STDEV\.S\(E2:E4\), cached 19\.07\d*, recalculated #NAME\?$")
        T.expect("recalc cached error", *run([recalc, f("err.xlsx")]), 1,
                 r"^Beräkning!H5: formula =B2/0, cached error #DIV/0!, recalculated #DIV/0!$")
        T.expect("recalc empty cached string", *run([recalc, f("empty.xlsx")]), 0,
                 r"0 mismatches$")
        T.expect("recalc two workbooks", *run([recalc, f("ok.xlsx"), f("wrong.xlsx")]), 1,
                 r"^%s: 12 formula cells checked, 0 mismatches$[\s\S]*"
                 r"^%s: Beräkning!E3: [\s\S]*^24 formula cells checked, 1 mismatches$"
                 % (re.escape(f("ok.xlsx")), re.escape(f("wrong.xlsx"))))
        with open(f("junk.xlsx"), "w") as fh:
            fh.write("not a zip")
        T.expect("recalc unreadable", *run([recalc, f("junk.xlsx")]), 2, r"cannot read")
        T.expect("recalc usage", *run([recalc]), 2, r"usage")
        T.expect("recalc timeout", *run([recalc, "--timeout", "0.2", f("ok.xlsx")]), 2,
                 r"did not finish within 0\.2 s")
        env_run = subprocess.run([PY, recalc, f("ok.xlsx")], stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, universal_newlines=True,
                                 env=dict(os.environ, ANBUD_SOFFICE="/nonexistent/soffice"))
        T.expect("recalc without LibreOffice", env_run.returncode, env_run.stdout, 77,
                 r"^skipped: LibreOffice \(libreoffice-calc-nogui\) is not installed")

        # structure.py
        T.expect("structure correct", *run([structure, f("ok.xlsx"), f("ok.json")]), 0,
                 r"^ok sheets: Swedish$[\s\S]*^ok formulas: 12 formula cells \(at least 6 = "
                 r"3 bids x 2 criteria\)$[\s\S]*^13 passed, 0 failed$")
        T.expect("structure English", *run([structure, f("en.xlsx"), f("ok.json")]), 0,
                 r"^ok sheets: English$")
        T.expect("structure wrong cached total", *run([structure, f("wrong.xlsx"), f("ok.json")]),
                 1, r"^FAIL total B: Beräkning!E3 holds 999, total_exact 362/3 is 120\.666")
        for what, js, want in (
                ("sha", result_json(sha="0" * 64), r"^FAIL ModelSHA256: "),
                ("total", result_json(totals=dict(TOTALS, C="91")), r"^FAIL total C: "),
                ("rank", result_json(ranks={"A": 1, "B": 3, "C": 2}), r"^FAIL rank B: [\s\S]*"
                                                                        r"^FAIL rank C: ")):
            with open(f("%s.json" % what), "w") as fh:
                json.dump(js, fh)
            T.expect("structure wrong JSON %s" % what,
                     *run([structure, f("ok.xlsx"), f("%s.json" % what)]), 1, want)
        T.expect("structure missing sheet", *run([structure, f("nosheet.xlsx"), f("ok.json")]),
                 1, r"^FAIL sheets: missing Känslighet")
        T.expect("structure cached error", *run([structure, f("err.xlsx"), f("ok.json")]), 1,
                 r"^FAIL no errors: 1 cached error values: Beräkning!H5 #DIV/0!$")
        T.expect("structure empty cached value",
                 *run([structure, f("empty.xlsx"), f("ok.json")]), 1,
                 r"^FAIL cached: 1 formula cells without a cached value: Beräkning!H6$")
        T.expect("structure usage", *run([structure, f("ok.xlsx")]), 2, r"usage")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    for s in sorted(T.skipped):
        print(s)
    print("%d passed, %d failed" % (T.passed, T.failed))
    return 1 if T.failed else 0


if __name__ == "__main__":
    sys.exit(main())
