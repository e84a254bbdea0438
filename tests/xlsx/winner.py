#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tests/xlsx/winner.py: the Summary's winner line follows the live ranks.

Usage: /usr/bin/python3 tests/xlsx/winner.py WORKBOOK.xlsx

WORKBOOK is an audit workbook of a model without lots whose winner is decided
by price alone once it triples (the Söderhamn model: the lowest comparison
price wins). In LibreOffice (headless, as recalc.py starts it), without
saving anything:

  1. after a recalculation the cell named Winner names the bid ranked 1 on
     the Summary, W ("Vinnare: W (bidder)");
  2. every number of W's row on the Bids sheet (its unit prices) is tripled
     and the workbook recalculated: W's rank on the Summary becomes 2 and
     the winner line names the bid that was ranked 2, R, and not W;
  3. the rank cells of W and R on the Calculation sheet are both set to 1
     (an unresolved tie at the top): the winner line names neither bid and
     says the formula's sentence for a tie (its last text literal).

Exit 0 when all three hold, 1 with a line per failure, 2 on a usage error or
a LibreOffice failure, 77 when LibreOffice, python3-uno or python3-openpyxl
is missing (as recalc.py).
"""

import os
import sys
import time
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import recalc  # noqa: E402  (its LibreOffice set-up)

recalc.PROG = "winner.py"


def summary_table(path):
    """(summary title, calc sheet name, [(rank cell row, bid, bidder, calc rank cell)],
    the winner formula's last text literal)
    read from the file: the rows under the Summary's heading whose first cell
    is a reference to the Calculation sheet's rank."""
    import openpyxl
    warnings.simplefilter("ignore")
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    rows = []
    calc = None
    tie = None
    for r in ws.iter_rows(min_col=1, max_col=1, max_row=6):
        f = r[0].value
        if isinstance(f, str) and f.startswith("=IF(COUNTIF("):
            tie = f[f.rstrip(')"').rfind(',"') + 2:].rstrip(')')[:-1].replace('""', '"')
    for r in ws.iter_rows(min_col=1, max_col=3):
        f = r[0].value
        if isinstance(f, str) and f.startswith("=") and "!" in f and not f.startswith("=IF"):
            sheet, cell = f[1:].rsplit("!", 1)
            calc = sheet.strip("'")
            rows.append((r[0].row - 1, r[1].value, r[2].value, cell))
    return ws.title, calc, rows, tie


def main(argv):
    if len(argv) != 1:
        recalc.fail("usage: winner.py WORKBOOK.xlsx")
    path = argv[0]
    soffice = recalc.check_dependencies()
    recalc.become_subreaper()
    title, calc, rows, tie = summary_table(path)
    if len(rows) < 2 or calc is None:
        recalc.fail("%s: no ranking of two bids on the first sheet" % path)
    import uno
    from com.sun.star.beans import PropertyValue

    def prop(name, value):
        p = PropertyValue()
        p.Name, p.Value = name, value
        return p

    office = recalc.Office(soffice, "en-US")
    office.deadline = time.monotonic() + 120
    failures = []
    try:
        office.start()
        doc = office.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
            (prop("Hidden", True), prop("MacroExecutionMode", 0), prop("UpdateDocMode", 0),
             prop("FilterName", "Calc MS Excel 2007 XML")))
        try:
            sheets = doc.Sheets
            summary = sheets.getByName(title)
            winner = doc.NamedRanges.getByName("Winner").getReferredCells().getCellByPosition(0, 0)

            def ranks():
                return {bid: summary.getCellByPosition(0, r).getValue() for r, bid, _, _ in rows}

            doc.calculateAll()
            before = ranks()
            w = [x for x in rows if before[x[1]] == 1]
            r2 = [x for x in rows if before[x[1]] == 2]
            if len(w) != 1 or len(r2) != 1:
                recalc.fail("%s: expected one bid ranked 1 and one ranked 2, got %r" % (path, before))
            w, r2 = w[0], r2[0]
            line = winner.getString()
            if "%s (%s)" % (w[1], w[2]) not in line:
                failures.append("before: the winner line %r does not name %s" % (line, w[1]))

            # 2. triple W's numbers on the Bids sheet (the third sheet)
            bids = sheets.getByIndex(2)
            bids.unprotect("")
            found = False
            for rr in range(0, 200):
                if bids.getCellByPosition(0, rr).getString() == w[1]:
                    found = True
                    for cc in range(1, 60):
                        cell = bids.getCellByPosition(cc, rr)
                        if cell.getType().value == "VALUE":
                            cell.setValue(cell.getValue() * 3)
                    break
            if not found:
                recalc.fail("%s: bid %s not found on the sheet %s" % (path, w[1], bids.Name))
            doc.calculateAll()
            after = ranks()
            line = winner.getString()
            if after[w[1]] != 2 or after[r2[1]] != 1:
                failures.append("after tripling %s's prices the ranks are %r" % (w[1], after))
            if "%s (%s)" % (r2[1], r2[2]) not in line or "%s (%s)" % (w[1], w[2]) in line:
                failures.append("after tripling %s's prices the winner line reads %r, not %s"
                                % (w[1], line, r2[1]))

            # 3. a tie at the top: both ranks 1 on the Calculation sheet
            cs = sheets.getByName(calc)
            cs.unprotect("")
            cs.getCellRangeByName(w[3]).setValue(1)
            cs.getCellRangeByName(r2[3]).setValue(1)
            doc.calculateAll()
            line = winner.getString()
            if (tie is not None and line != tie) or w[1] + " (" in line or r2[1] + " (" in line:
                failures.append("with both bids ranked 1 the winner line reads %r, not %r" % (line, tie))
        finally:
            doc.close(True)
    except TimeoutError:
        office.close(False)
        recalc.fail("LibreOffice did not finish within 120 s")
    except Exception as e:
        office.close(False)
        recalc.fail("LibreOffice: %s" % e)
    office.close()
    for f in failures:
        print("FAIL %s: %s" % (path, f))
    print("%s: winner line %s" % (path, "follows the ranks" if not failures else "does not follow the ranks"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
