#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tests/template/check.py FORM.xlsx CSVDIR MODELDIR SHA256 BIDS EVALUATORS CREATED

Checks an input form written by `anbud template` against what the input
reader (core/input.c) accepts and against the model's sample inputs in
MODELDIR (bids.csv, scores.csv, requirements.csv when present):

- sheets: the instructions first (its A1 not a header word), the bids sheet,
  one scores sheet per evaluator, the consensus sheet, the requirements
  sheet, and last the hidden lists sheet; every sheet protected, no password;
- row 1 of each data sheet is exactly the reader's header (Swedish or
  English words), data sheets frozen below it, column widths set;
- the bids header is the sample bids.csv's (as a set) and bids.csv's of
  CSVDIR (in order); the scores and requirements rows equal scores.csv and
  requirements.csv of CSVDIR, in sheet order;
- every drop-down refers to a range (never an inline list) whose cells hold
  the values the sample inputs use; numbers have a decimal validation that
  admits the sample's numbers;
- locked and unlocked cells: header and pre-filled criterion and requirement
  cells locked, input cells unlocked and yellow, the rest locked;
- the SHA-256 of the model on the instructions sheet and in ModelSHA256,
  the creation time CREATED (seconds since the epoch, UTC).
Prints one line per failure; exit 1 if any.
"""
import csv
import datetime
import os
import re
import sys

import openpyxl
from openpyxl.utils import range_boundaries, get_column_letter

form, csvdir, modeldir, sha, nbids, nev, created = sys.argv[1:8]
nbids, nev, created = int(nbids), int(nev), int(created)
failures = []


def bad(msg):
    failures.append(msg)


YELLOW = "FFFFF2CC"
ALIASES = {"bid", "anbud", "bid id", "bid-id", "bid_id", "anbud-id", "anbudsnummer", "bidder",
           "anbudsgivare", "leverantör", "supplier", "tenderer", "evaluator", "bedömare",
           "utvärderare", "criterion", "kriterium", "score", "betyg", "poäng", "points",
           "justification", "motivering", "requirement", "krav", "ska-krav", "met", "uppfyllt",
           "uppfylld", "reason", "skäl"}
HEAD = {
    "sv": {"bids": ["anbud", "anbudsgivare"],
           "scores": ["bedömare", "anbud", "kriterium", "betyg", "motivering"],
           "reqs": ["anbud", "krav", "uppfyllt", "motivering"],
           "names": ("Instruktioner", "Anbud", "Bedömare %d", "Konsensus", "Krav", "Listor"),
           "consensus": "konsensus", "met": {"ja", "nej"},
           "block": ["kriterium", "bedöms med", "betyg", "motivering"], "bid_word": "Anbud"},
    "en": {"bids": ["bid", "bidder"],
           "scores": ["evaluator", "bid", "criterion", "score", "justification"],
           "reqs": ["bid", "requirement", "met", "reason"],
           "names": ("Instructions", "Bids", "Evaluator %d", "Consensus", "Requirements", "Lists"),
           "consensus": "consensus", "met": {"yes", "no"},
           "block": ["criterion", "scored with", "score", "justification"], "bid_word": "Bid"},
}


def read_csv(path):
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    sep = ";" if text.split("\n", 1)[0].count(";") else ","
    return list(csv.reader(text.splitlines(), delimiter=sep))


def cells(row):
    return ["" if v is None else str(v) for v in row]


wb = openpyxl.load_workbook(form)
names = wb.sheetnames
lang = "sv" if names[0] == "Instruktioner" else "en"
H = HEAD[lang]
ins_name, bids_name, ev_name, cons_name, reqs_name, lists_name = H["names"]
if names[0] != ins_name:
    bad("the first sheet is %r, not the instructions" % names[0])

# the CSV tables of the same run, and the model's samples
out_bids = read_csv(os.path.join(csvdir, "bids.csv"))
out_scores = read_csv(os.path.join(csvdir, "scores.csv"))
out_reqs = read_csv(os.path.join(csvdir, "requirements.csv"))
sample_bids = read_csv(os.path.join(modeldir, "bids.csv"))
sample_scores = read_csv(os.path.join(modeldir, "scores.csv"))
sample_reqs = read_csv(os.path.join(modeldir, "requirements.csv"))

expect = [ins_name, bids_name]
if out_scores:
    expect += [ev_name % (i + 1) for i in range(nev)]
    if any(r[0] == H["consensus"] for r in out_scores[1:]):
        expect.append(cons_name)
if out_reqs:
    expect.append(reqs_name)
if lists_name in names:
    expect.append(lists_name)
if names != expect:
    bad("sheets %r, expected %r" % (names, expect))

# {--- every sheet ---
for ws in wb.worksheets:
    if not ws.protection.sheet:
        bad("%s: not protected" % ws.title)
    if ws.protection.password:
        bad("%s: has a password" % ws.title)
    hidden = ws.sheet_state != "visible"
    if hidden != (ws.title == lists_name):
        bad("%s: state %s" % (ws.title, ws.sheet_state))
    if not hidden:
        ps = ws.page_setup
        if str(ps.paperSize) != "9" or ps.orientation != "landscape" or \
                not ws.sheet_properties.pageSetUpPr.fitToPage or str(ps.fitToHeight) != "0" or \
                str(ps.fitToWidth or 1) != "1":
            bad("%s: print setup paper %s %s fit %s %sx%s, expected A4 (9) landscape, one page wide" %
                (ws.title, ps.paperSize, ps.orientation, ws.sheet_properties.pageSetUpPr.fitToPage,
                 ps.fitToWidth, ps.fitToHeight))
    for dv in ws.data_validations.dataValidation:
        if dv.type == "list" and (dv.formula1 or "").startswith('"'):
            bad("%s %s: an inline list %s; expected a range" % (ws.title, dv.sqref, dv.formula1[:40]))

# {--- instructions ---
ins = wb[ins_name]
a1 = ins["A1"].value or ""
if a1.strip().lower() in ALIASES:
    bad("instructions A1 is a header word: %r" % a1)
texts = [str(c.value) for row in ins.iter_rows() for c in row if c.value is not None]
if not any(sha in t for t in texts):
    bad("the instructions do not show the model's SHA-256")
dn = wb.defined_names.get("ModelSHA256") if hasattr(wb.defined_names, "get") else None
if dn is None:
    bad("no defined name ModelSHA256")
else:
    for title, ref in dn.destinations:
        if wb[title][ref.replace("$", "")].value != sha:
            bad("ModelSHA256 does not hold the SHA-256")
want = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=created)
if wb.properties.created is None or wb.properties.created.replace(tzinfo=None) != want:
    bad("created %s, expected %s" % (wb.properties.created, want))


def validations(ws):
    """cell -> list of validations covering it"""
    by = {}
    for dv in ws.data_validations.dataValidation:
        for rng in str(dv.sqref).split():
            c1, r1, c2, r2 = range_boundaries(rng)
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    by.setdefault((r, c), []).append(dv)
    return by


def list_values(dv):
    """The values of the range a list validation refers to."""
    m = re.fullmatch(r"'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)", dv.formula1 or "")
    if not m:
        bad("list validation %s refers to %r, not a range" % (dv.sqref, dv.formula1))
        return []
    sheet = m.group(1).replace("''", "'")
    if sheet not in wb.sheetnames:
        bad("list validation %s refers to the missing sheet %r" % (dv.sqref, sheet))
        return []
    ws = wb[sheet]
    c1, r1, c2, r2 = range_boundaries("%s%s:%s%s" % m.group(2, 3, 4, 5))
    return [ws.cell(r, c).value for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]


def check_lock(ws, r, c, unlocked):
    cell = ws.cell(r, c)
    where = "%s!%s%d" % (ws.title, get_column_letter(c), r)
    if cell.protection.locked == unlocked:
        bad("%s is %s" % (where, "locked" if unlocked else "unlocked"))
    if unlocked and cell.fill.fgColor.rgb != YELLOW:
        bad("%s: an input cell that is not yellow (%s)" % (where, cell.fill.fgColor.rgb))


def check_data_sheet(ws, header, ncols):
    row1 = cells(next(ws.iter_rows(min_row=1, max_row=1, values_only=True)))
    if row1[:len(header)] != header or any(row1[len(header):]):
        bad("%s: row 1 %r, expected %r" % (ws.title, row1, header))
    if ws.freeze_panes != "A2":
        bad("%s: frozen at %s, expected A2" % (ws.title, ws.freeze_panes))
    if ws.print_title_rows != "$1:$1":
        bad("%s: print titles %r, expected row 1" % (ws.title, ws.print_title_rows))
    for c in range(1, ncols + 1):
        check_lock(ws, 1, c, False)
        if ws.column_dimensions[get_column_letter(c)].width in (None, 0):
            bad("%s: column %s has no width" % (ws.title, get_column_letter(c)))


def rows_of(ws, ncols):
    return [cells(r)[:ncols] for r in ws.iter_rows(min_row=2, max_col=ncols, values_only=True)]


# {--- bids ---
bws = wb[bids_name]
bhead = cells(next(bws.iter_rows(min_row=1, max_row=1, values_only=True)))
bhead = [h for h in bhead if h]
check_data_sheet(bws, bhead, len(bhead))
if bhead[:2] != H["bids"]:
    bad("bids header starts %r, expected %r" % (bhead[:2], H["bids"]))
if out_bids and out_bids[0] != bhead:
    bad("bids.csv header %r differs from the sheet's %r" % (out_bids[0], bhead))
if out_bids and len(out_bids) != 1:
    bad("bids.csv has %d rows after the header, expected none" % (len(out_bids) - 1))
if sample_bids and set(sample_bids[0][2:]) != set(bhead[2:]):
    bad("bids columns %r, the sample bids.csv has %r" % (bhead[2:], sample_bids[0][2:]))
bv = validations(bws)
for r in range(2, nbids + 2):
    for c in range(1, len(bhead) + 1):
        check_lock(bws, r, c, True)
for c in range(1, len(bhead) + 1):
    check_lock(bws, nbids + 2, c, False)
    dvs = bv.get((2, c), [])
    if c > 2 and not dvs:
        bad("bids column %s has no validation or input message" % bhead[c - 1])
    for dv in dvs:
        if str(dv.sqref) != "%s2:%s%d" % (get_column_letter(c), get_column_letter(c), nbids + 1):
            bad("bids column %s: validation over %s" % (bhead[c - 1], dv.sqref))
        if dv.type == "list" and sample_bids and bhead[c - 1] in sample_bids[0]:
            vals = {str(v).lower() for v in list_values(dv) if v is not None}
            k = sample_bids[0].index(bhead[c - 1])
            for row in sample_bids[1:]:
                if row[k] and row[k].strip().lower() not in vals:
                    bad("bids column %s: %r is not in its list %r" % (bhead[c - 1], row[k], sorted(vals)))
        if dv.type == "decimal" and dv.operator == "greaterThanOrEqual" and float(dv.formula1) != 0:
            bad("bids column %s: a price validation from %s" % (bhead[c - 1], dv.formula1))

# {--- scores: a sheet per evaluator (and the consensus sheet), laid out per bid ---
# A1 a title, A2 the word "bedömare" and B2 the evaluator's name, a line of
# help, then per row j + 1 of the bids sheet a block: its heading (the number
# j, shown as "Anbud j", and a formula of the bids sheet's row j + 1), the
# column words, a row per criterion (criterion, scored with, score,
# justification). The CSV tables hold the same rows as a flat table.
lot_word = "delområde" if lang == "sv" else "lot"
has_lots = lot_word in bhead
scores_head = H["scores"] + ([lot_word] if has_lots else [])
sw = len(scores_head)
block_head = H["block"]
score_sheets = [n for n in names if n == cons_name or re.fullmatch(ev_name.replace("%d", r"\d+"), n)]
all_rows = []
sample_levels = {}     # criterion -> labels the sample uses
sample_numbers = {}    # criterion -> numbers the sample uses
for row in (sample_scores or [])[1:]:
    try:
        sample_numbers.setdefault(row[2], []).append(float(row[3].replace(",", ".")))
    except ValueError:
        sample_levels.setdefault(row[2], set()).add(row[3].lower())
for name in score_sheets:
    ws = wb[name]
    cons = name == cons_name
    label = H["consensus"] if cons else name
    a1 = str(ws["A1"].value or "")
    if not a1 or a1.strip().lower() in ALIASES:
        bad("%s!A1 is %r, expected a title" % (name, a1))
    if ws["A2"].value != H["scores"][0]:
        bad("%s!A2 is %r, expected %r" % (name, ws["A2"].value, H["scores"][0]))
    if ws["B2"].value != label:
        bad("%s!B2 is %r, expected %r" % (name, ws["B2"].value, label))
    check_lock(ws, 2, 1, False)
    check_lock(ws, 2, 2, not cons)
    if ws.freeze_panes != "A3":
        bad("%s: frozen at %s, expected A3" % (name, ws.freeze_panes))
    if ws.print_title_rows != "$1:$2":
        bad("%s: print titles %r, expected rows 1 and 2" % (name, ws.print_title_rows))
    if (ws.row_dimensions[3].height or 15) < 30:
        bad("%s: the help in row 3 has the height of one line" % name)
    v = validations(ws)
    heads = [r for r in range(1, ws.max_row + 1)
             if [ws.cell(r, c).value for c in range(1, 5)] == block_head]
    if len(heads) != nbids:
        bad("%s: %d blocks, expected one per bid row (%d)" % (name, len(heads), nbids))
    blocks = []
    for j, h in enumerate(heads):
        num = ws.cell(h - 1, 1)
        if num.value != j + 1 or H["bid_word"] not in (num.number_format or ""):
            bad("%s!A%d is %r (format %r), expected the number %d shown as %s %d" %
                (name, h - 1, num.value, num.number_format, j + 1, H["bid_word"], j + 1))
        f = str(ws.cell(h - 1, 2).value or "")
        if not re.search(r"%s!\$A\$%d\b" % (re.escape(bids_name), j + 2), f) or \
                not re.search(r"%s!\$B\$%d\b" % (re.escape(bids_name), j + 2), f) or \
                (has_lots and not re.search(r"%s!\$C\$%d\b" % (re.escape(bids_name), j + 2), f)):
            bad("%s!B%d: %r does not show row %d of the bids sheet" % (name, h - 1, f, j + 2))
        crits = []
        r = h + 1
        while ws.cell(r, 1).value not in (None, ""):
            crits.append(ws.cell(r, 1).value)
            all_rows.append([label, "", ws.cell(r, 1).value, "", ""] + ([""] * (sw - 5)))
            if ws.cell(r, 3).value is not None or ws.cell(r, 4).value is not None:
                bad("%s row %d is not empty" % (name, r))
            check_lock(ws, r, 1, False)
            check_lock(ws, r, 2, False)
            check_lock(ws, r, 3, True)
            check_lock(ws, r, 4, True)
            if (ws.row_dimensions[r].height or 15) < 30:
                bad("%s row %d: no room to write (height %s)" % (name, r, ws.row_dimensions[r].height))
            hint = str(ws.cell(r, 2).value or "")
            if hint.count("\n") + 1 > (ws.row_dimensions[r].height or 15) / 15:
                bad("%s!B%d: %d lines in a row of height %s" % (name, r, hint.count("\n") + 1,
                                                                 ws.row_dimensions[r].height))
            why = [d for d in v.get((r, 4), [])]
            if not why:
                bad("%s!D%d: no input message for the justification" % (name, r))
            sv = [d for d in v.get((r, 3), []) if d.type in ("list", "decimal")]
            if len(sv) != 1:
                bad("%s!C%d: %d score validations, expected 1" % (name, r, len(sv)))
                r += 1
                continue
            # an evaluator with a conflict of interest writes jäv there: Excel must
            # warn, not stop; the panel's consensus score cannot be jäv
            style = sv[0].errorStyle or "stop"
            if style != ("stop" if cons else "warning"):
                bad("%s!C%d: the score validation's error style is %s" % (name, r, style))
            crit = ws.cell(r, 1).value
            if sv[0].type == "list":
                vals = {str(x).lower() for x in list_values(sv[0]) if x is not None}
                if not vals:
                    bad("%s!C%d: an empty list" % (name, r))
                for lab in sample_levels.get(crit, ()):
                    if lab not in vals:
                        bad("%s!C%d: the sample's %r is not in the list %r" % (name, r, lab, sorted(vals)))
                    if lab not in hint.lower():
                        bad("%s!B%d: the level %r is not shown" % (name, r, lab))
            else:
                lo = float(sv[0].formula1)
                hi = float(sv[0].formula2) if sv[0].formula2 not in (None, "") and sv[0].operator in (None, "between") else None
                for x in sample_numbers.get(crit, ()):
                    if x < lo or (hi is not None and x > hi):
                        bad("%s!C%d: the sample's %s is outside %s..%s" % (name, r, x, lo, hi))
                if sample_levels.get(crit):
                    bad("%s!C%d: a number, but the sample scores %s with levels" % (name, r, crit))
            r += 1
        blocks.append(crits)
    if blocks and any(b != blocks[0] for b in blocks):
        bad("%s: the blocks differ" % name)
    for row in (sample_scores or [])[1:]:
        if (row[0].lower() == H["consensus"]) == cons and blocks and row[2] not in blocks[0]:
            bad("%s: the sample scores criterion %r, which the sheet has no row for" % (name, row[2]))
if out_scores is not None:
    if out_scores[0] != scores_head:
        bad("scores.csv header %r" % out_scores[0])
    if [r + [""] * (sw - len(r)) for r in out_scores[1:]] != all_rows:
        bad("scores.csv rows differ from the scores sheets' (%d and %d rows)" % (len(out_scores) - 1, len(all_rows)))
elif score_sheets:
    bad("scores sheets but no scores.csv")

# {--- requirements ---
if reqs_name in names:
    ws = wb[reqs_name]
    check_data_sheet(ws, H["reqs"], 4)
    rows = rows_of(ws, 4)
    v = validations(ws)
    ids = []
    for i, row in enumerate(rows):
        r = i + 2
        ids.append(row[1])
        if row[0] or row[2] or row[3]:
            bad("%s row %d is not empty: %r" % (reqs_name, r, row))
        check_lock(ws, r, 1, True)
        check_lock(ws, r, 2, False)
        check_lock(ws, r, 3, True)
        check_lock(ws, r, 4, True)
        met = [d for d in v.get((r, 3), []) if d.type == "list"]
        if len(met) != 1:
            bad("%s!C%d: no met drop-down" % (reqs_name, r))
            continue
        vals = {str(x).lower() for x in list_values(met[0]) if x is not None}
        if vals != H["met"]:
            bad("%s!C%d: met offers %r" % (reqs_name, r, sorted(vals)))
        same_lang = sample_reqs and (sample_reqs[0][0].lower() == "anbud") == (lang == "sv")
        for srow in (sample_reqs or [])[1:] if same_lang else []:
            if srow[2].lower() not in vals:
                bad("%s: the sample's met %r is not offered" % (reqs_name, srow[2]))
    for srow in (sample_reqs or [])[1:]:
        if srow[1] not in ids:
            bad("%s: no row for the sample's requirement %r" % (reqs_name, srow[1]))
    if out_reqs is None or out_reqs[0] != H["reqs"] or \
            [r + [""] * (4 - len(r)) for r in out_reqs[1:]] != rows:
        bad("requirements.csv differs from the requirements sheet")
elif sample_reqs:
    bad("the model's sample has requirements but the form has no %s sheet" % reqs_name)

# {--- lists ---
if lists_name in names:
    ws = wb[lists_name]
    for c in range(1, ws.max_column + 1):
        t = ws.cell(1, c).value
        if t is None or str(t).strip().lower() in ALIASES:
            bad("%s: column %d's title %r could be taken for a header" % (lists_name, c, t))

for f in failures:
    print(f)
sys.exit(1 if failures else 0)
