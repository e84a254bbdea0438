#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""print.py: print HTML files to PDF with one headless Chromium.

Usage: print.py CHROMIUM SECONDS PROFILE HTML PDF [HTML PDF ...]

Starts CHROMIUM once (headless, a fresh profile in PROFILE) and drives it over
the DevTools protocol on a pipe (--remote-debugging-pipe: NUL-separated JSON
on file descriptors 3 and 4, no port, nothing else to install): each HTML file
is opened in a new tab and printed as `chromium --print-to-pdf
--no-pdf-header-footer` prints it: the page size and margins of the document's
@page CSS, no header or footer, and, as a reader's browser prints by default,
no background colours or images (CSS print-color-adjust: exact keeps them). One browser for all files: a start costs seconds, a print a fraction.
Beside each PDF, PDF.overflow.json says how far the document, laid out at the
width of A4 less its @page margins, is wider than that ({"over": 0} when it
fits; else the CSS px, and the widest element's tag and first words): Chromium
shrinks such a page to fit, Word and LibreOffice cut or spill it.
Each print, and the whole run, is bounded by SECONDS. Prints a line per file
that failed; exit 0 when every PDF was written, 1 otherwise, 2 on bad usage.
"""
import base64
import json
import os
import select
import subprocess
import sys
import time


class Browser:
    def __init__(self, chromium, profile):
        # fd 3: the browser reads our commands; fd 4: it writes its answers
        self.cmd_r, self.cmd_w = os.pipe()
        self.ans_r, self.ans_w = os.pipe()
        os.set_inheritable(self.cmd_r, True)
        os.set_inheritable(self.ans_w, True)

        def fds():   # in the child: copies first, so that neither end is overwritten
            r, w = os.dup(self.cmd_r), os.dup(self.ans_w)
            os.dup2(r, 3)
            os.dup2(w, 4)

        self.proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-sync", "--disable-background-networking",
             "--disable-component-update", "--hide-scrollbars", "--force-device-scale-factor=1",
             "--run-all-compositor-stages-before-draw", "--remote-debugging-pipe", "about:blank"],
            preexec_fn=fds, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True,
            env=dict(os.environ, TZ="UTC", LANG="C.UTF-8", LC_ALL="C.UTF-8"))
        os.close(self.cmd_r)
        os.close(self.ans_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.cmd_w, json.dumps(msg).encode() + b"\0")
        return self.next_id

    def read(self, deadline):
        """The next message, or None at the deadline or when the browser ended."""
        while b"\0" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            r, _, _ = select.select([self.ans_r], [], [], left)
            if not r:
                return None
            chunk = os.read(self.ans_r, 1 << 20)
            if not chunk:
                return None
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params, session, deadline):
        want = self.send(method, params, session)
        while True:
            m = self.read(deadline)
            if m is None:
                raise TimeoutError(method + ": no answer in time")
            if m.get("id") == want:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"].get("message")))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, name, session, deadline, match=lambda params: True):
        while True:
            for i, m in enumerate(self.events):
                if m.get("method") == name and m.get("sessionId") == session and \
                        match(m.get("params", {})):
                    del self.events[i]
                    return m
            m = self.read(deadline)
            if m is None:
                raise TimeoutError(name + ": not in time")
            self.events.append(m)

    def close(self):
        try:
            self.send("Browser.close")
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        os.close(self.cmd_w)
        os.close(self.ans_r)


def open_tab(b, seconds):
    deadline = time.monotonic() + seconds
    target = b.call("Target.createTarget", {"url": "about:blank"}, None, deadline)["targetId"]
    session = b.call("Target.attachToTarget", {"targetId": target, "flatten": True},
                     None, deadline)["sessionId"]
    b.call("Page.enable", {}, session, deadline)
    b.call("Page.setLifecycleEventsEnabled", {"enabled": True}, session, deadline)
    return session


# In the page: the @page margins in CSS px (96 a inch), as the document
# declares them; Chromium's own default (1 cm) where it declares none.
MARGINS_JS = r"""(() => {
  const px = v => { const m = /^([0-9.]+)(mm|cm|in|pt|px)$/.exec((v || '').trim());
    if (!m) return null; const f = {mm: 96 / 25.4, cm: 96 / 2.54, in: 96, pt: 96 / 72, px: 1};
    return parseFloat(m[1]) * f[m[2]]; };
  let l = null, r = null;
  for (const sh of document.styleSheets) for (const ru of sh.cssRules)
    if (ru.type === CSSRule.PAGE_RULE) {
      l = px(ru.style.marginLeft) ?? l; r = px(ru.style.marginRight) ?? r; }
  return JSON.stringify({left: l ?? 96 / 2.54, right: r ?? 96 / 2.54});
})()"""

# In the page laid out at the width of the printed text: how far the widest
# element reaches past it, and what it is (Chromium shrinks a page that is
# wider than the paper, so a table too wide prints everything smaller).
OVERFLOW_JS = r"""(() => {
  const w = document.documentElement.clientWidth;
  let worst = null, right = w;
  for (const e of document.body.querySelectorAll('*')) {
    const b = e.getBoundingClientRect();
    if (b.right > right + 0.5) { right = b.right; worst = e; }
  }
  if (!worst) return JSON.stringify({over: 0});
  let e = worst; while (e.parentElement && e.parentElement !== document.body &&
                        e.parentElement.getBoundingClientRect().right >= right - 0.5) e = e.parentElement;
  return JSON.stringify({over: right - w, what: e.tagName.toLowerCase(),
                         text: (e.innerText || '').replace(/\s+/g, ' ').slice(0, 80)});
})()"""


def evaluate(b, session, js, deadline):
    res = b.call("Runtime.evaluate", {"expression": js, "returnByValue": True}, session, deadline)
    if "exceptionDetails" in res:
        raise RuntimeError("script in the page failed: %s" % res["exceptionDetails"].get("text"))
    return json.loads(res["result"]["value"])


def overflow(b, session, deadline):
    """How far the document, laid out for print on A4, is wider than its text
    width: {"over": px, "what": tag, "text": its first words, "width": px}."""
    m = evaluate(b, session, MARGINS_JS, deadline)
    width = int(round(210 * 96 / 25.4 - m["left"] - m["right"]))
    b.call("Emulation.setEmulatedMedia", {"media": "print"}, session, deadline)
    b.call("Emulation.setDeviceMetricsOverride", {"width": width, "height": 1123,
           "deviceScaleFactor": 1, "mobile": False}, session, deadline)
    try:
        res = evaluate(b, session, OVERFLOW_JS, deadline)
        res["width"] = width
        return res
    finally:
        b.call("Emulation.clearDeviceMetricsOverride", {}, session, deadline)
        b.call("Emulation.setEmulatedMedia", {"media": ""}, session, deadline)


def print_one(b, session, html, pdf, seconds):
    deadline = time.monotonic() + seconds
    b.events = []
    nav = b.call("Page.navigate", {"url": "file://" + os.path.abspath(html)}, session, deadline)
    if nav.get("errorText"):
        raise RuntimeError("cannot open: " + nav["errorText"])
    # the load of this document, not a late event of the one before
    b.wait_event("Page.lifecycleEvent", session, deadline,
                 lambda p: p.get("name") == "load" and p.get("loaderId") == nav.get("loaderId"))
    # what --print-to-pdf --no-pdf-header-footer asks for
    res = b.call("Page.printToPDF", {"printBackground": False, "preferCSSPageSize": True,
                                     "displayHeaderFooter": False}, session, deadline)
    data = base64.b64decode(res["data"])
    over = overflow(b, session, deadline)
    with open(pdf + ".tmp", "wb") as f:
        f.write(data)
    os.replace(pdf + ".tmp", pdf)
    with open(pdf + ".overflow.json", "w", encoding="utf-8") as f:
        json.dump(over, f, ensure_ascii=False)


def main():
    if len(sys.argv) < 6 or len(sys.argv) % 2 != 0:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    chromium, seconds, profile = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    pairs = list(zip(sys.argv[4::2], sys.argv[5::2]))
    b = Browser(chromium, profile)
    failed = 0
    try:
        session = open_tab(b, seconds)   # one tab, each file in turn
        for html, pdf in pairs:
            try:
                print_one(b, session, html, pdf, seconds)
            except Exception as e:   # the file's fault line, then the next file
                print("%s: %s" % (html, e))
                failed += 1
                if b.proc.poll() is not None:
                    print("chromium ended (exit %s)" % b.proc.returncode)
                    return 1
    finally:
        b.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
