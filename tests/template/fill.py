#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tests/template/fill.py: fill an input form as the procurer and the panel
would, and read a form back the way the .xlsx input reader is specified to.

  fill.py fill FORM.xlsx MODELDIR OUT.xlsx
      Copy MODELDIR's bids.csv, scores.csv and requirements.csv into the
      form's sheets: a bid per row of the bids sheet (prices typed as
      numbers); each evaluator's scores into the next evaluator sheet, bid j
      in block j, their name over the sheet's label; konsensus rows into the
      consensus sheet; requirement answers into block j of the requirements
      sheet. Saves OUT.xlsx (openpyxl keeps the validations and protection).

  fill.py csv FORM.xlsx OUTDIR [--drop-unfilled]
      Write each sheet whose row 1 is a header the input reader knows as
      OUTDIR/NN-name.csv (';', decimal comma, UTF-8): row 1, then the data
      rows, leaving out rows whose cells are all empty (the reader's rule).
      --drop-unfilled also leaves out scores rows whose bid, score and
      justification are empty and requirements rows whose bid, met and
      reason are empty (the input reader's rule that the template relies
      on). Prints the files written, one per line.
"""
import csv
import os
import sys

import openpyxl

BIDS = {"bidder", "anbudsgivare", "leverantör", "supplier", "tenderer"}
SCORES = {"evaluator", "bedömare", "utvärderare", "criterion", "kriterium"}
REQS = {"requirement", "krav", "ska-krav", "met", "uppfyllt", "uppfylld"}
BID = {"bid", "anbud"}
SCORE = {"score", "betyg", "poäng", "points"}
MET = {"met", "uppfyllt", "uppfylld"}
WHY = {"justification", "motivering", "reason", "skäl"}


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def number(text):
    t = text.replace("kr", "").replace("\u00a0", "").replace(" ", "").replace(",", ".")
    return float(t)


def kind(ws):
    head = {str(c.value).strip().lower() for c in ws[1] if c.value is not None}
    if head & BIDS:
        return "bids"
    if head & SCORES:
        return "scores"
    if head & REQS:
        return "reqs"
    return None


def fill(form, modeldir, out):
    wb = openpyxl.load_workbook(form)
    sheets = {kind(ws): [] for ws in wb.worksheets}
    for ws in wb.worksheets:
        sheets[kind(ws)].append(ws)
    bids = read_csv(os.path.join(modeldir, "bids.csv"))
    scores = read_csv(os.path.join(modeldir, "scores.csv"))
    reqs = read_csv(os.path.join(modeldir, "requirements.csv"))

    bws = sheets["bids"][0]
    head = [c.value for c in bws[1]]
    numeric = set()
    for dv in bws.data_validations.dataValidation:
        if dv.type == "decimal":
            numeric.add(str(dv.sqref).split(":")[0].rstrip("0123456789"))
    order = []     # the bid ids, in order (a bid for several lots has several rows)
    for j, row in enumerate(bids[1:]):
        if row[0] not in order:
            order.append(row[0])
        for k, name in enumerate(bids[0]):
            c = head.index(name) + 1
            cell = bws.cell(j + 2, c)
            cell.value = number(row[k]) if cell.column_letter in numeric and row[k] else row[k] or None

    slots = bws.max_row - 1   # the bids sheet's input rows: one block per slot elsewhere

    def block_row(ws, j, key_col, key):
        k = (ws.max_row - 1) // slots
        for r in range(2 + j * k, 2 + (j + 1) * k):
            if ws.cell(r, key_col).value == key:
                return r
        raise SystemExit("no row for %r in block %d of %s" % (key, j + 1, ws.title))

    consensus = [ws for ws in sheets.get("scores", []) if str(ws.cell(2, 1).value).lower() in ("konsensus", "consensus")]
    evaluators = [ws for ws in sheets.get("scores", []) if ws not in consensus]
    who = []
    for row in scores[1:]:
        name, bid, crit, score, why = (row + [""] * 5)[:5]
        j = order.index(bid)
        if name.lower() in ("konsensus", "consensus"):
            ws = consensus[0]
        else:
            if name not in who:
                who.append(name)
            ws = evaluators[who.index(name)]
        r = block_row(ws, j, 3, crit)
        if name.lower() not in ("konsensus", "consensus"):
            ws.cell(r, 1).value = name
        ws.cell(r, 2).value = bid
        try:
            ws.cell(r, 4).value = number(score)
        except ValueError:
            ws.cell(r, 4).value = score
        ws.cell(r, 5).value = why or None
    for row in reqs[1:]:
        bid, req, met, why = (row + [""] * 4)[:4]
        ws = sheets["reqs"][0]
        r = block_row(ws, order.index(bid), 2, req)
        ws.cell(r, 1).value = bid
        ws.cell(r, 3).value = met
        ws.cell(r, 4).value = why or None
    wb.save(out)


def text(v):
    if v is None:
        return ""
    if isinstance(v, float):
        v = int(v) if v.is_integer() else v
        return repr(v).replace(".", ",")
    return str(v)


def to_csv(form, outdir, drop):
    wb = openpyxl.load_workbook(form)
    os.makedirs(outdir, exist_ok=True)
    for i, ws in enumerate(wb.worksheets):
        k = kind(ws)
        if k is None:
            continue
        rows = [[text(v) for v in r] for r in ws.iter_rows(values_only=True)]
        head = [h.strip().lower() for h in rows[0]]
        while head and not head[-1]:
            head.pop()
        n = len(head)
        out = [rows[0][:n]]
        for r in rows[1:]:
            r = r[:n]
            if not any(x.strip() for x in r):
                continue
            if drop and k in ("scores", "reqs"):
                bid = next(x for h, x in zip(head, r) if h in BID)
                val = next(x for h, x in zip(head, r) if h in (SCORE if k == "scores" else MET))
                why = next(x for h, x in zip(head, r) if h in WHY)
                if not bid.strip() and not val.strip() and not why.strip():
                    continue
            out.append(r)
        path = os.path.join(outdir, "%02d-%s.csv" % (i, k))
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f, delimiter=";", lineterminator="\n").writerows(out)
        print(path)


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(*sys.argv[2:5])
    else:
        to_csv(sys.argv[2], sys.argv[3], "--drop-unfilled" in sys.argv[4:])
