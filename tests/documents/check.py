#!/usr/bin/python3
# tests/documents/check.py JSON [decision PATH] [report PATH] [letters DIR]:
# structural checks of the documents
# anbud evaluate writes (--decision, --letters, --report), against the JSON
# of the same run. For each document:
#   - well-formed: parsed as XML (expat) and by html.parser without a
#     stray end tag;
#   - stands alone: no http:// or https://, no src= or href=, no <script,
#     <link, <img, <iframe, <object, <embed, no url( in the CSS, no
#     on...= event attribute;
#   - no character that acts instead of showing (controls but tab and line
#     feed, bidi embeddings, overrides, isolates and marks);
#   - its text holds the model's SHA-256, the authority and the reference
#     number when the model declares them, the standstill's last day (when
#     the run had --award-date), the winner of each lot, and, for the
#     decision and the report, every bid id and bidder; for a letter, its
#     own bid id;
#   - letters DIR holds exactly one letter per bid id, named as README says.
# Prints "ok ..." or "FAIL ..." per check; exits 1 on a failure.
import html
import html.parser
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

fails = 0


def fail(msg):
    global fails
    fails += 1
    print("FAIL " + msg)


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.stack = []
        self.errors = []

    VOID = {"meta", "br", "hr", "img", "link", "input", "rect", "path", "line"}

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("end tag </%s> closes %s" % (tag, self.stack[-1:] or "nothing"))
        else:
            self.stack.pop()

    def handle_data(self, data):
        self.parts.append(data)


ACTS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
OUTSIDE = re.compile(r"https?://|\bsrc\s*=|\bhref\s*=|<script|<link|<img|<iframe|<object|<embed|url\(|\son[a-z]+\s*=",
                     re.IGNORECASE)


def norm(s):
    # the text as a reader sees it: no-break spaces as spaces, runs of space as one
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ").replace("\u202f", " "))


def check(path, data, kind, bid=None):
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        fail("%s: not UTF-8: %s" % (path, e))
        return
    try:
        ET.fromstring(text.split("\n", 1)[1] if text.startswith("<!DOCTYPE") else text)
    except ET.ParseError as e:
        fail("%s: not well-formed: %s" % (path, e))
    p = Text()
    p.feed(text)
    p.close()
    if p.errors or p.stack:
        fail("%s: html.parser: %s" % (path, (p.errors or ["unclosed " + " ".join(p.stack)])[0]))
    m = OUTSIDE.search(text)
    if m:
        fail("%s: reaches outside or runs code: %r" % (path, m.group(0)))
    m = ACTS.search(text)
    if m:
        fail("%s: holds the character U+%04X" % (path, ord(m.group(0))))
    if not text.startswith("<!DOCTYPE html>") or "@page { size: A4" not in text:
        fail("%s: no doctype or no A4 page" % path)
    seen = norm(html.unescape(" ".join(p.parts)))
    want = [data["model"]["sha256"]]
    # what the model declares of the procurement (model { authority, reference })
    want += [data["model"][k] for k in ("authority", "reference") if data["model"].get(k)]
    for lot in data["lots"]:
        if "standstill" in lot:
            want.append(lot["standstill"]["ends"])
        w = lot["allocation"]["winner"]
        if w is not None and (kind != "letter" or any(r["bid"] == bid for r in lot["ranking"] + lot["excluded"])):
            want.append(w)
        if kind != "letter":
            for r in lot["ranking"] + lot["excluded"]:
                want += [r["bid"], r["bidder"]]
    if kind == "letter":
        want.append(bid)
    for wnt in want:
        # a character that would act is shown as the terminal shows it (\u202e)
        wnt = ACTS.sub(lambda m: ("\\x%02x" if ord(m.group(0)) < 0x80 else "\\u%04x") % ord(m.group(0))
                       if m.group(0) not in "\n\r" else " ", wnt)
        if norm(wnt) not in seen:
            fail("%s: does not hold %r" % (path, wnt))
    print("ok %s" % path)


LATIN = dict(zip("åäàáâæöøóôéèêëüúíñçÅÄÖØÉÜÆ", "aaaaaaooooeeeeuuincAAOOEUA"))


def letter_name(bid):
    # README: the bid id with every character but ASCII letters, digits,
    # '-' and '_' as '_' (å ä ö as a a o), at most 80, then ".html"
    out = "".join(c if (c.isascii() and (c.isalnum() or c in "-_")) else LATIN.get(c, "_") for c in bid)
    return (out[:80] or "_") + ".html"


def main():
    # check.py JSON decision PATH | report PATH | letters DIR ...
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    args = sys.argv[2:]
    while args:
        kind, path = args[0], args[1]
        args = args[2:]
        if kind != "letters":
            check(path, data, kind)
            continue
        bids = []
        for lot in data["lots"]:
            for r in lot["ranking"] + lot["excluded"]:
                if r["bid"].lower() not in [b.lower() for b in bids]:
                    bids.append(r["bid"])
        names = {letter_name(b): b for b in bids}
        if len(names) != len(bids):
            fail("%s: two bids share a letter name; the test expects distinct ones" % path)
        have = set(os.listdir(path))
        if have != set(names):
            fail("%s: holds %s, expected %s" % (path, sorted(have), sorted(names)))
        for name, bid in sorted(names.items()):
            if name in have:
                check(os.path.join(path, name), data, "letter", bid)
    sys.exit(1 if fails else 0)


main()
