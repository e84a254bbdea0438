#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tests/malformed/make-form-cases.py ANBUD: write the malformed-input cases
of an evaluator's sheet laid out per bid (form_*/form.xlsx). Each starts from
the form of tests/template/panel/model.lua (anbud template --bids 3
--evaluators 3) with the bids and requirement answers filled in
(tests/template/fill.py --bids-only), then spoils the first evaluator's sheet
in one way. Run it again when the template's layout changes on purpose."""
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

anbud = os.path.abspath(sys.argv[1])
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
panel = os.path.join(root, "tests", "template", "panel")
tmp = tempfile.mkdtemp()
form = os.path.join(tmp, "form.xlsx")
proc = os.path.join(tmp, "proc.xlsx")
env = dict(os.environ)
env.pop("SOURCE_DATE_EPOCH", None)
subprocess.run([anbud, "template", os.path.join(panel, "model.lua"), "-o", form, "--bids", "3",
                "--evaluators", "3"], check=True, env=env)
subprocess.run(["/usr/bin/python3", os.path.join(root, "tests", "template", "fill.py"), "fill", form,
                panel, proc, "--bids-only"], check=True)


def spoil(ws):
    """The first criterion row of bid 1's block: row 7 (title, name, help, a
    blank row, the heading in row 5, the column words in row 6)."""
    ws["D7"].value = "Genomarbetad metod"


cases = {
    "form_heading_without_number": (
        "the heading of bid 1's block holds text where the form wrote the bid's number",
        lambda ws: (spoil(ws), ws.__setitem__("A5", "Första anbudet"), ws.__setitem__("C7", "Hög"))),
    "form_score_formula_without_value": (
        "a score typed as a formula by a program that saved no value for it",
        lambda ws: (spoil(ws), ws.__setitem__("C7", "=1+1"))),
    "form_empty_evaluator_name": (
        "the evaluator's name (B2) cleared, and a score given",
        lambda ws: (spoil(ws), ws.__setitem__("B2", None), ws.__setitem__("C7", "Hög"))),
    "form_score_not_a_level": (
        "a score that is not a level of the criterion's scale, named at its cell",
        lambda ws: (spoil(ws), ws.__setitem__("C7", "Utmärkt"))),
}
expect = {
    "form_heading_without_number": r"^anbud: form\.xlsx:Bedömare 1!A5: the heading of the block in row 6 has no bid number here",
    "form_score_formula_without_value": r"^anbud: form\.xlsx:Bedömare 1!C7: the formula here has no saved value",
    "form_empty_evaluator_name": r"^anbud: form\.xlsx:Bedömare 1!B2: empty evaluator",
    "form_score_not_a_level": r'^anbud: form\.xlsx:Bedömare 1!C7: "Utmärkt" is not a level of the scale "Betyg" of criterion "Metod"',
}
with open(os.path.join(panel, "model.lua"), encoding="utf-8") as f:
    model = f.read().split("\n")
body = "\n".join(l for l in model if not l.startswith("--"))
for name, (what, act) in cases.items():
    d = os.path.join(here, name)
    os.makedirs(d, exist_ok=True)
    wb = openpyxl.load_workbook(proc)
    act(wb["Bedömare 1"])
    wb.save(os.path.join(d, "form.xlsx"))
    with open(os.path.join(d, "model.lua"), "w", encoding="utf-8") as f:
        f.write("-- Malformed-input case %s: %s (an evaluator's sheet laid out per bid; "
                "tests/malformed/make-form-cases.py writes form.xlsx).\n%s" % (name, what, body))
    with open(os.path.join(d, "expect"), "w", encoding="utf-8") as f:
        f.write("exit: 4\nerror: %s\nargs: form.xlsx\n" % expect[name])
shutil.rmtree(tmp)
