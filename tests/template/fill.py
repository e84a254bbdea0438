#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tests/template/fill.py: fill an input form as the procurer and the panel
would, and read a form back the way the .xlsx input reader is specified to.

  fill.py fill FORM.xlsx MODELDIR OUT.xlsx
      Copy MODELDIR's bids.csv, scores.csv and requirements.csv into the
      form's sheets: a bid per row of the bids sheet (prices typed as
      numbers); each evaluator's scores into the next evaluator sheet, their
      name over the sheet's label (B2), a score for the bid in row j of the
      bids sheet into the block headed j (a score without a lot into the
      block of each of the bid's rows whose lot the criterion is evaluated
      in, as the instructions sheet lists them); konsensus rows into the
      consensus sheet; requirement answers into block j of the requirements
      sheet. Saves OUT.xlsx (openpyxl keeps the validations and protection).
      Options: --bids-only (the procurer's part: bids and requirements),
      --evaluator N (only the N-th evaluator of scores.csv, into sheet N),
      --consensus (only the konsensus rows).

  fill.py csv FORM.xlsx OUTDIR [--drop-unfilled]
      Write each sheet whose row 1 is a header the input reader knows as
      OUTDIR/NN-name.csv (';', decimal comma, UTF-8): row 1, then the data
      rows, leaving out rows whose cells are all empty (the reader's rule).
      --drop-unfilled also leaves out scores rows whose bid, score and
      justification are empty and requirements rows whose bid, met and
      reason are empty (the input reader's rule that the template relies
      on). An evaluator's sheet laid out per bid is written as the scores
      table the reader makes of it: evaluator (B2), bid and lot (of the bids
      sheet's row its block names), criterion, score, justification, for
      each criterion row with a score or a justification. Prints the files
      written, one per line.
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
    if str(ws["A2"].value).strip().lower() in ("bedömare", "evaluator", "utvärderare"):
        return "panel"
    head = {str(c.value).strip().lower() for c in ws[1] if c.value is not None}
    if head & BIDS:
        return "bids"
    if head & SCORES:
        return "scores"
    if head & REQS:
        return "reqs"
    return None


def fill(form, modeldir, out, opts=()):
    bids_only = "--bids-only" in opts
    only_evaluator = int(opts[opts.index("--evaluator") + 1]) if "--evaluator" in opts else 0
    only_consensus_set = "--consensus" in opts
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
    rows_of = {}              # bid id -> [(bids sheet row, lot)]
    lot_col = next((i for i, h in enumerate(head) if h in ("delområde", "lot")), None)
    for r in range(2, bws.max_row + 1):
        bid = bws.cell(r, 1).value
        if bid is not None:
            lot = bws.cell(r, lot_col + 1).value if lot_col is not None else None
            rows_of.setdefault(bid, []).append((r, lot))
    crit_lots = criterion_lots(wb)

    def block_row(ws, j, key_col, key):
        k = (ws.max_row - 1) // slots
        for r in range(2 + j * k, 2 + (j + 1) * k):
            if ws.cell(r, key_col).value == key:
                return r
        raise SystemExit("no row for %r in block %d of %s" % (key, j + 1, ws.title))

    scored = sheets.get("panel", [])
    consensus = [ws for ws in scored if str(ws["B2"].value).lower() in ("konsensus", "consensus")]
    evaluators = [ws for ws in scored if ws not in consensus]
    who = []
    for row in scores[1:] if not bids_only else []:
        name, bid, crit, score, why = (row + [""] * 5)[:5]
        lot = row[5] if len(row) > 5 else ""
        cons = name.lower() in ("konsensus", "consensus")
        if cons:
            if only_evaluator:
                continue
            ws = consensus[0]
        else:
            if name not in who:
                who.append(name)
            if only_consensus_set or (only_evaluator and who.index(name) + 1 != only_evaluator):
                continue
            ws = evaluators[who.index(name)]
            ws["B2"].value = name
        targets = [(r, l) for r, l in rows_of[bid] if (lot and l == lot) or
                   (not lot and (crit not in crit_lots or l in crit_lots[crit]))]
        if not targets:
            raise SystemExit("no bids row for %s %s %s" % (bid, crit, lot))
        for r, _ in targets:
            pr = panel_row(ws, r - 1, crit)
            try:
                ws.cell(pr, 3).value = number(score)
            except ValueError:
                ws.cell(pr, 3).value = score
            ws.cell(pr, 4).value = why or None
    for row in reqs[1:] if not (only_evaluator or only_consensus_set) else []:
        bid, req, met, why = (row + [""] * 4)[:4]
        ws = sheets["reqs"][0]
        r = block_row(ws, order.index(bid), 2, req)
        ws.cell(r, 1).value = bid
        ws.cell(r, 3).value = met
        ws.cell(r, 4).value = why or None
    wb.save(out)


def criterion_lots(wb):
    """criterion -> the lots it is evaluated in, from the instructions sheet
    ("Bara i delområdena: Norr." / "Only in the lots: Norr.")."""
    out = {}
    ws = wb.worksheets[0]
    for r in ws.iter_rows(values_only=True):
        desc = str(r[1] or "")
        for key in ("Bara i delområdena:", "Only in the lots:"):
            if r[0] and key in desc and r[2] is not None:
                lots = desc.split(key, 1)[1].strip().rstrip(".")
                out[str(r[0])] = [x.strip() for x in lots.split(",")]
    return out


def panel_row(ws, slot, crit):
    """The row of criterion crit in the block headed slot of a sheet per bid."""
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == slot and str(ws.cell(r + 1, 1).value).lower() in ("kriterium", "criterion"):
            q = r + 2
            while ws.cell(q, 1).value not in (None, ""):
                if ws.cell(q, 1).value == crit:
                    return q
                q += 1
    raise SystemExit("no row for %r in the block of bid %d of %s" % (crit, slot, ws.title))


def panel_rows(ws, bws):
    """The scores table the input reader makes of a sheet per bid."""
    head = [str(c.value).strip().lower() for c in bws[1] if c.value is not None]
    lot_col = next((i for i, h in enumerate(head) if h in ("delområde", "lot")), None)
    name = ws["B2"].value
    out = []
    slot = None
    for r in range(3, ws.max_row + 1):
        a = ws.cell(r, 1).value
        if isinstance(a, (int, float)) and str(ws.cell(r + 1, 1).value).lower() in ("kriterium", "criterion"):
            slot = int(a)
            continue
        if slot is None or a in (None, "") or str(a).lower() in ("kriterium", "criterion"):
            continue
        score, why = ws.cell(r, 3).value, ws.cell(r, 4).value
        if score in (None, "") and why in (None, ""):
            continue
        bid = bws.cell(slot + 1, 1).value
        lot = bws.cell(slot + 1, lot_col + 1).value if lot_col is not None else None
        out.append([text(name), text(bid), text(a), text(score), text(why)] +
                   ([text(lot)] if lot_col is not None else []))
    return out


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
    bws = next(ws for ws in wb.worksheets if kind(ws) == "bids")
    for i, ws in enumerate(wb.worksheets):
        k = kind(ws)
        if k is None:
            continue
        if k == "panel":
            rows = panel_rows(ws, bws)
            head = ["bedömare", "anbud", "kriterium", "betyg", "motivering"]
            if rows and len(rows[0]) > 5:
                head.append("delområde")
            path = os.path.join(outdir, "%02d-scores.csv" % i)
            with open(path, "w", encoding="utf-8", newline="") as f:
                csv.writer(f, delimiter=";", lineterminator="\n").writerows([head] + rows)
            if rows:
                print(path)
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
        fill(*sys.argv[2:5], opts=sys.argv[5:])
    else:
        to_csv(sys.argv[2], sys.argv[3], "--drop-unfilled" in sys.argv[4:])
