#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""printed.py: check the award documents as Chromium printed them.

Usage: printed.py QUEUE OUTDIR [KNOWN]

QUEUE has a line per document, tab-separated: case, kind (decision, report,
letter; or "case", a line of its own before a case's documents), the HTML file, the most pages it may take, the run's JSON, and the
base name of its files in OUTDIR/case/: BASE.pdf (printed by print.py, with
BASE.pdf.overflow.json beside it), BASE.info (pdfinfo), BASE.txt (pdftotext)
and BASE.bbox (pdftotext -bbox). Prints a line "FAIL case/base: fault" per
fault and ends with "N passed, N failed" (one check passes per document and
aspect: A4, pages, width, self-contained, text); exit 1 on any fault.

What the text must hold comes from the run's JSON (one source): the model's
SHA-256, each lot's awarded bidders, every bidder (the decision and the
report; each bidder in a letter of its own, one letter per bid), the end of
the standstill period (not required of the report). A Swedish document must
hold none of the English words of the evaluation's reasons, stages and rules.

KNOWN lists faults that are known and not yet fixed, a line each: a pattern
of case/base (fnmatch), a tab, a regular expression of the fault. Such a
fault is counted and said on one "skipped:" line, not failed; an entry that
no longer matches anything is said on a "note:" line, to be removed.
"""
import fnmatch
import html
import html.parser
import json
import re
import sys

MONTHS = {"sv": ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                 "september", "oktober", "november", "december"],
          "en": ["January", "February", "March", "April", "May", "June", "July", "August",
                 "September", "October", "November", "December"]}

# words the evaluation writes its reasons, stages and rules with in English
ENGLISH = ["does not", "has already been", "awarded", "the model", "requirement", "supplier",
           "threshold", "below", "above", "excluded", "abnormally low", "lottery", "tie-break",
           "decided by", "winner", "rank", "score", "points", "total", "price", "quality",
           "weight", "bid", "bidder", "lot", "none"]


class Parsed(html.parser.HTMLParser):
    """The document's own faults (script, outside resources), its CSS and headings."""

    def __init__(self):
        super().__init__()
        self.faults, self.css, self.headings = [], [], []
        self.in_style = self.in_heading = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4"):
            self.in_heading = True
            self.headings.append("")
        if tag == "script":
            self.faults.append("holds a <script>")
        if tag == "link" and a.get("href"):
            self.faults.append("links %s" % a["href"])
        for k in ("src", "srcset", "data", "poster", "background", "xlink:href"):
            v = a.get(k)
            if v and not v.startswith(("data:", "#")):
                self.faults.append("<%s %s=%s> is outside the file" % (tag, k, v))
        if tag == "use" and a.get("href") and not a["href"].startswith("#"):
            self.faults.append("<use href=%s> is outside the file" % a["href"])
        if a.get("style"):
            self.css.append(a["style"])
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        self.in_style = False
        if tag in ("h1", "h2", "h3", "h4"):
            self.in_heading = False

    def handle_data(self, data):
        if self.in_style:
            self.css.append(data)
        if self.in_heading:
            self.headings[-1] += data


def expected(d):
    """The bidders by bid, the awarded bidders, the standstill ends, from the JSON."""
    bidders, winners, ends = {}, set(), set()
    for lot in d["lots"]:
        for r in lot.get("ranking", []) + lot.get("excluded", []):
            bidders[r["bid"]] = r.get("bidder") or r["bid"]
        for a in (lot.get("allocation") or {}).get("awarded") or []:
            winners.add(a.get("bidder") or a["bid"])
        s = lot.get("standstill")
        if s and s.get("ends"):
            ends.add(s["ends"])
    return bidders, winners, ends


def date_forms(iso):
    y, m, dd = iso.split("-")
    forms = [iso]
    for lang in MONTHS:
        mon = MONTHS[lang][int(m) - 1]
        forms += ["%d %s %s" % (int(dd), mon, y), "%s %d, %s" % (mon, int(dd), y)]
    return forms


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ").replace("\u202f", " ")).strip()


def check(kind, html_path, maxpages, d, base):
    """Faults per aspect: {aspect: [fault, ...]}; and the bidders the text names."""
    f = {"A4": [], "pages": [], "width": [], "self-contained": [], "text": []}
    info = open(base + ".info", encoding="utf-8", errors="replace").read()
    pages = re.search(r"^Pages:\s*(\d+)", info, re.M)
    size = re.search(r"^Page size:\s*(.*)$", info, re.M)
    if not size or "(A4)" not in size.group(1):
        f["A4"].append("prints on %s, not A4" % (size.group(1) if size else "no page size"))
    n = int(pages.group(1)) if pages else 0
    if not 1 <= n <= maxpages:
        f["pages"].append("%d pages, expected 1 to %d" % (n, maxpages))

    try:
        o = json.load(open(base + ".pdf.overflow.json", encoding="utf-8"))
    except (OSError, ValueError):
        o = None
        f["width"].append("print.py measured no width")
    if o and o.get("over", 0) > 1:
        f["width"].append("is %.0f mm wider than the A4 text width (%s \"%s…\"): Chromium prints "
                          "it at %.0f %%, Word and LibreOffice cut or spill it"
                          % (o["over"] * 25.4 / 96, o.get("what"), o.get("text"),
                             100.0 * o["width"] / (o["width"] + o["over"])))

    src = open(html_path, encoding="utf-8").read()
    p = Parsed()
    p.feed(src)
    f["self-contained"] += p.faults
    css = "\n".join(p.css)
    for m in re.finditer(r"url\(\s*['\"]?([^'\")]*)", css):
        if not m.group(1).startswith(("data:", "#")):
            f["self-contained"].append("CSS url(%s) is outside the file" % m.group(1))
    if "@import" in css:
        f["self-contained"].append("CSS @import")

    # the printed text as a reader reads it: every space one space, a word
    # hyphenated at a line end whole, a no-break hyphen a hyphen
    text = open(base + ".txt", encoding="utf-8", errors="replace").read()
    flat = text.replace("\u00ad", "").replace("\u2011", "-")
    flat = re.sub(r"-\n(?=[a-zåäö])", "", flat)
    words = norm(flat)
    bare = re.sub(r"\s+", "", flat)

    def has(s):
        return norm(s) in words

    t = f["text"]
    bidders, winners, ends = expected(d)
    sha = d["model"]["sha256"]
    if sha not in bare:
        t.append("the model's SHA-256 %s… is not in the text" % sha[:12])
    if kind == "letter":
        # the winner of at least one lot (its own); without lots, the winner
        if winners and not any(has(w) for w in winners):
            t.append("names no winner (%s)" % ", ".join(sorted(winners)))
    else:
        for w in sorted(winners):
            if not has(w):
                t.append("the winner %s is not in the text" % w)
        for b, name in sorted(bidders.items()):
            if not has(name):
                t.append("the bidder %s (bid %s) is not in the text" % (name, b))
    if kind != "report":
        for s in sorted(ends):
            if any(has(x) for x in date_forms(s)):
                continue
            # pdftotext joins a word broken at a hyphen at a line end:
            # 2026-|03-17 comes out as 202603-17, a date a reader sees torn
            y, m, dd = s.split("-")
            if y + m + "-" + dd in words or y + "-" + m + dd in words:
                t.append("the end of the standstill period %s is broken over two lines at a "
                         "hyphen (a no-break hyphen U+2011 or white-space: nowrap keeps it whole)" % s)
            else:
                t.append("the end of the standstill period %s is not in the text" % s)

    # a heading that ends a page, its text on the next
    heads = {norm(h) for h in p.headings}
    bbox = re.findall(r"<page [^>]*>(.*?)</page>", open(base + ".bbox", encoding="utf-8").read(), re.S)
    for k, page in enumerate(bbox[:-1], 1):
        lines = {}
        for y, w in re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" '
                               r'yMax="[\d.]+">(.*?)</word>', page):
            lines.setdefault(round(float(y)), []).append(html.unescape(w))
        if lines:
            last = " ".join(lines[max(lines)])
            if any(h.endswith(last) and len(last) >= min(len(h), 4) for h in heads):
                t.append("page %d ends with the heading \"%s\", its text begins on page %d "
                         "(break-after: avoid keeps them together)" % (k, last, k + 1))

    lang = re.search(r"<html[^>]*\blang=\"?([a-z]+)", src)
    if lang and lang.group(1) == "sv":
        found = []
        for w in ENGLISH:
            m = re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(w), words)
            if m:
                found.append((m.start(), w, words[max(0, m.start() - 30):m.end() + 30]))
        if found:
            found.sort()
            t.append("English in a Swedish document: %s (first in \"…%s…\")"
                     % (", ".join('"%s"' % w for _, w, _ in found), found[0][2]))
    named = {name for name in bidders.values() if has(name)}
    return f, named


def read_known(path):
    """The known faults: (pattern of case/base, regex of the fault) per line."""
    known = []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.strip() and not line.startswith("#"):
            where, _, fault = line.partition("\t")
            known.append((where.strip(), re.compile(fault.strip())))
    return known


def main():
    if len(sys.argv) not in (3, 4):
        print("usage: printed.py QUEUE OUTDIR [KNOWN]", file=sys.stderr)
        return 2
    queue, out = sys.argv[1], sys.argv[2]
    known = read_known(sys.argv[3]) if len(sys.argv) == 4 else []
    seen = set()

    def is_known(where, fault):
        for i, (w, rx) in enumerate(known):
            if fnmatch.fnmatchcase(where, w) and rx.search(fault):
                seen.add(i)
                return True
        return False

    passed = failed = nknown = 0
    letters = {}   # case: (json, number of letters, bidders named by them)
    for line in open(queue, encoding="utf-8"):
        case, kind, html_path, maxpages, json_path, base = line.rstrip("\n").split("\t")
        d = json.load(open(json_path, encoding="utf-8"))
        if kind == "case":   # a case: its letters are counted, even none
            letters.setdefault(case, (d, 0, set()))
            continue
        where = "%s/%s" % (case, base)
        try:
            faults, named = check(kind, html_path, int(maxpages), d, "%s/%s/%s" % (out, case, base))
        except OSError as e:
            print("FAIL %s: not printed (%s)" % (where, e))
            failed += 1
            continue
        for aspect in faults:
            new = [x for x in faults[aspect] if not is_known(where, x)]
            nknown += len(faults[aspect]) - len(new)
            if new:
                failed += 1
                for x in new:
                    print("FAIL %s: %s" % (where, x))
            elif not faults[aspect]:
                passed += 1
        if kind == "letter":
            j, k, s = letters.get(case, (d, 0, set()))
            letters[case] = (j, k + 1, s | named)
    # one letter per bid, and each bidder named by a letter
    for case, (d, k, named) in sorted(letters.items()):
        bidders, _, _ = expected(d)
        bad = [("%d letters for %d bids" % (k, len(bidders))) if k != len(bidders) else None]
        bad += ["no letter names the bidder %s (bid %s)" % (n, b)
                for b, n in sorted(bidders.items()) if n not in named]
        bad = [x for x in bad if x and not is_known(case, x)]
        for x in bad:
            print("FAIL %s: %s" % (case, x))
        failed += 1 if bad else 0
        passed += 0 if bad else 1
    if nknown:
        print("skipped: %d known faults of the documents, listed in tests/documents/known" % nknown)
    for i, (w, rx) in enumerate(known):
        if i not in seen:
            print("note: the known fault %s \"%s\" no longer occurs: remove it from "
                  "tests/documents/known" % (w, rx.pattern))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
