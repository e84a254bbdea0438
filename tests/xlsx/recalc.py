#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""tests/xlsx/recalc.py: recalculate an .xlsx in LibreOffice and compare every
formula cell with the value cached in the file.

Usage: /usr/bin/python3 tests/xlsx/recalc.py [--timeout SECONDS] [--locale TAG]
                                 [--per-file] WORKBOOK.xlsx [WORKBOOK.xlsx...]

anbud writes every figure of its audit workbook as a live formula whose cached
value is the engine's exact result. This script asks a real spreadsheet
program whether the formulas compute what was cached:

  * the cached values (openpyxl, data_only=True) and the formulas
    (data_only=False) are read from WORKBOOK;
  * LibreOffice is started headless with a throwaway profile (in a temporary
    folder removed afterwards) that sets OOXMLRecalcMode and ODFRecalcMode to
    0 ("always recalculate on load"); the file is loaded hidden over a private
    UNO pipe and calculateAll() recalculates every formula once more;
  * each formula cell's new value is read back over UNO (a double, a string or
    an error such as #DIV/0! or Err:502) and compared with the cached one:
    numbers within rel 1e-9 or abs 1e-9, strings identical, a cached boolean
    as 1/0, an empty cached value only matches an empty string; a cached error
    value is always a mismatch.

Prints one line per mismatch, `Sheet!A1: formula =..., cached X, recalculated Y`,
and ends with `N formula cells checked, M mismatches`.

Several workbooks are checked with one LibreOffice (it starts in about a
second; a workbook then takes a fraction of one): each line is then prefixed
with the file name and `FILE: ...`, each file gets its own
`FILE: N formula cells checked, M mismatches` (or `FILE: failed: why`), and the
last line adds them up (--per-file gives this form for one workbook too).
The time limit applies to each workbook.

Exit status: 0 no mismatch, 1 mismatches, 2 usage error, unreadable workbook,
LibreOffice failure or timeout (default 120 s; LibreOffice is killed),
77 LibreOffice or python3-uno (or python3-openpyxl) is not installed, so that
a test runner can report the check as skipped.

Needs the Debian packages libreoffice-calc-nogui, python3-uno and
python3-openpyxl, which install into Debian's /usr/bin/python3.
"""

import math
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

SYSTEM_PYTHON = "/usr/bin/python3"
SKIP = 77
PROG = "recalc.py"


def fail(msg, code=2):
    sys.stderr.write("%s: %s\n" % (PROG, msg))
    sys.exit(code)


def skip(msg):
    # On stdout, so that a runner that captures stdout shows why.
    print("skipped: " + msg)
    sys.exit(SKIP)


# ----------------------------------------------------------------- set-up

def find_soffice():
    override = os.environ.get("ANBUD_SOFFICE")     # only this one when set
    cands = [override] if override else [shutil.which("soffice"),
                                         "/usr/lib/libreoffice/program/soffice"]
    for c in cands:
        if c and os.path.isfile(c) and os.access(c, os.X_OK):
            return c
    return None


def have_module(name):
    try:
        __import__(name)
        return True
    except Exception:
        return False


def check_dependencies():
    """Return the soffice path, or exit 77 (after one re-exec under Debian's
    python, in case another python3 is first on PATH)."""
    uno_ok = have_module("uno")
    xl_ok = have_module("openpyxl")
    if (not uno_ok or not xl_ok) and not os.environ.get("ANBUD_RECALC_REEXEC") \
            and os.access(SYSTEM_PYTHON, os.X_OK) \
            and os.path.realpath(sys.executable) != os.path.realpath(SYSTEM_PYTHON):
        os.environ["ANBUD_RECALC_REEXEC"] = "1"
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, os.path.abspath(__file__)] + sys.argv[1:])
    soffice = find_soffice()
    if soffice is None or not uno_ok:
        what = []
        if soffice is None:
            what.append("soffice not found")
        if not uno_ok:
            what.append("Python module uno not importable")
        skip("LibreOffice (libreoffice-calc-nogui) is not installed (%s; "
             "apt-get install libreoffice-calc-nogui python3-uno)" % ", ".join(what))
    if not xl_ok:
        skip("Python module openpyxl (python3-openpyxl) is not installed")
    return soffice


USAGE = ("usage: %s [--timeout SECONDS] [--locale TAG] [--per-file] WORKBOOK.xlsx [WORKBOOK.xlsx...]\n"
         "  --per-file lines prefixed with the file name, as for several workbooks\n"
         "  --timeout  seconds LibreOffice may take per workbook (default 120)\n"
         "  --locale   locale LibreOffice calculates in (default en-US)" % PROG)


def parse_args(argv):
    opts = {"timeout": 120.0, "locale": "en-US", "files": [], "per_file": False}
    args = list(argv)
    while args:
        a = args.pop(0)
        if a in ("-h", "--help"):
            print(USAGE)
            sys.exit(0)
        if a == "--per-file":
            opts["per_file"] = True
            continue
        if a in ("--timeout", "--locale"):
            if not args:
                fail("%s needs a value\n%s" % (a, USAGE))
            v = args.pop(0)
            if a == "--timeout":
                try:
                    opts["timeout"] = float(v)
                except ValueError:
                    opts["timeout"] = -1
                if not opts["timeout"] > 0:
                    fail("--timeout needs a positive number of seconds, got %r" % v)
            else:
                import re
                if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", v):
                    fail("--locale needs a language tag such as en-US or sv-SE, got %r" % v)
                opts["locale"] = v
        elif a.startswith("-") and len(a) > 1:
            fail("unknown option %s\n%s" % (a, USAGE))
        else:
            opts["files"].append(a)
    if not opts["files"]:
        fail(USAGE)
    for f in opts["files"]:
        if not os.path.isfile(f):
            fail("no such file: %s" % f)
    return opts


# ------------------------------------------------------- the file's own view

class BadWorkbook(Exception):
    pass


def read_workbook(path):
    """[(sheet title, [cell])] where a cell is a dict with row, col (0-based),
    coord, formula and cached, for every formula cell (and every cell covered
    by an array formula)."""
    import datetime
    import warnings
    import openpyxl
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.utils.datetime import to_excel

    warnings.simplefilter("ignore")
    try:
        wbf = openpyxl.load_workbook(path, data_only=False)
        wbv = openpyxl.load_workbook(path, data_only=True)
    except Exception as e:
        raise BadWorkbook("cannot read %s as a workbook: %s" % (path, e))

    def stored(ws):
        # only the cells present in the file; iter_rows() would fill the box
        cells = getattr(ws, "_cells", None)
        if isinstance(cells, dict):
            return cells
        return {(c.row, c.column): c for r in ws.iter_rows() for c in r}

    result = []
    for wsf in wbf.worksheets:
        wsv = wbv[wsf.title]
        fcells, vcells = stored(wsf), stored(wsv)
        formulas = {}
        attrs = getattr(wsf, "formula_attributes", None) or {}
        for (r, c), cell in fcells.items():
            v = cell.value
            if type(v).__name__ == "ArrayFormula":          # openpyxl >= 3.1
                text, ref = v.text, v.ref
            elif cell.data_type == "f":
                text = v if isinstance(v, str) else str(v)
                a = attrs.get(cell.coordinate) or {}
                ref = a.get("ref") if a.get("t") == "array" else None
            else:
                continue
            if not text.startswith("="):
                text = "=" + text
            if ref:
                c0, r0, c1, r1 = range_boundaries(ref)
                for rr in range(r0, r1 + 1):
                    for cc in range(c0, c1 + 1):
                        formulas[(rr, cc)] = "{%s}" % text
            else:
                formulas[(r, c)] = text
        cells = []
        for (r, c) in sorted(formulas):
            vc = vcells.get((r, c))
            cached = vc.value if vc is not None else None
            if isinstance(cached, (datetime.datetime, datetime.date,
                                   datetime.time, datetime.timedelta)):
                cached = to_excel(cached, wbv.epoch)
            is_error = vc is not None and vc.data_type == "e"
            cells.append({"row": r - 1, "col": c - 1,
                          "coord": "%s%d" % (openpyxl.utils.get_column_letter(c), r),
                          "formula": formulas[(r, c)], "cached": cached,
                          "cached_error": is_error})
        result.append((wsf.title, cells))
    return result


# ---------------------------------------------------- LibreOffice's own view

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
 <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
 <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
 <item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>{locale}</value></prop></item>
 <item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>{locale}</value></prop></item>
 <item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
 <item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
</oor:items>
"""

FORMULA_RESULT_ERROR = 4   # com.sun.star.sheet.FormulaResult.ERROR


def become_subreaper():
    """Have LibreOffice's orphaned processes (soffice.bin, once oosplash has
    gone; its gpg helpers) reparented to us rather than to PID 1, which in a
    container may never reap them; reap_orphans() then reaps them."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except Exception:
        pass


def reap_orphans():
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def group_alive(pgid):
    """True while a process of group pgid runs (zombies do not count: where
    PID 1 does not reap orphans, LibreOffice's gpg helpers stay as zombies;
    but a zombie whose other threads still run does)."""
    try:
        pids = [p for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return False
    for p in pids:
        try:
            with open("/proc/%s/stat" % p) as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2:].split()
        if len(fields) < 3 or fields[2] != str(pgid):
            continue
        if fields[0] not in ("Z", "X"):
            return True
        # a zombie leader whose other threads are still exiting (and still
        # hold the open files, such as the pipe sockets)
        try:
            tasks = os.listdir("/proc/%s/task" % p)
        except OSError:
            continue
        for t in tasks:
            try:
                with open("/proc/%s/task/%s/stat" % (p, t)) as f:
                    ts = f.read()
            except OSError:
                continue
            if ts[ts.rfind(")") + 2:].split()[:1] not in (["Z"], ["X"], []):
                return True
    return False


class Office:
    """One private LibreOffice process; always call close()."""

    def __init__(self, soffice, locale):
        self.soffice = soffice
        self.deadline = float("inf")     # set by the caller, per workbook
        self.locale = locale
        self.proc = None
        self.desktop = None
        self.tmp = tempfile.mkdtemp(prefix="anbud-recalc-")
        self.log = os.path.join(self.tmp, "soffice.log")
        self.started = time.time()
        try:
            self.pipes_before = {os.path.join("/tmp", n) for n in os.listdir("/tmp")
                                 if n.startswith("OSL_PIPE_%d_" % os.getuid())}
        except OSError:
            self.pipes_before = set()

    def expired(self):
        return time.monotonic() > self.deadline

    def start(self):
        import uno
        from com.sun.star.connection import NoConnectException
        profile = os.path.join(self.tmp, "profile")
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w",
                  encoding="utf-8") as f:
            f.write(PROFILE.replace("{locale}", self.locale))
        pipe = "anbudrecalc_%d_%s" % (os.getpid(), os.urandom(8).hex())
        env = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "ANBUD_RECALC_REEXEC")}
        env.update(HOME=self.tmp, TMPDIR=self.tmp, LANG="C.UTF-8", LC_ALL="C.UTF-8",
                   SAL_USE_VCLPLUGIN="svp")
        with open(self.log, "w") as log:
            self.proc = subprocess.Popen(
                [self.soffice, "-env:UserInstallation=" + uno.systemPathToFileUrl(profile),
                 "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
                 "--nolockcheck", "--nofirststartwizard",
                 "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, env=env,
                cwd=self.tmp, start_new_session=True)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        url = "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe
        while True:
            try:
                ctx = resolver.resolve(url)
                break
            except NoConnectException:
                if self.proc.poll() is not None:
                    raise RuntimeError("LibreOffice exited with status %d while starting%s"
                                       % (self.proc.returncode, self.said()))
                if self.expired():
                    raise TimeoutError()
                time.sleep(0.05)
        self.desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)

    def said(self):
        try:
            with open(self.log, errors="replace") as f:
                lines = [l for l in f.read().splitlines() if l.strip()]
        except OSError:
            return ""
        return ("; LibreOffice said: " + " | ".join(lines[-8:])) if lines else ""

    def recalculate(self, path, sheets):
        """Set cell["recalc"] on every cell of sheets."""
        import uno
        from com.sun.star.beans import PropertyValue

        def prop(name, value):
            p = PropertyValue()
            p.Name, p.Value = name, value
            return p

        doc = self.desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(path)), "_blank", 0,
            (prop("Hidden", True), prop("ReadOnly", True),
             prop("MacroExecutionMode", 0),      # never run macros
             prop("UpdateDocMode", 0),           # never update links
             prop("FilterName", "Calc MS Excel 2007 XML")))
        if doc is None or not hasattr(doc, "calculateAll"):
            raise RuntimeError("LibreOffice could not open %s as a spreadsheet%s"
                               % (path, self.said()))
        try:
            doc.calculateAll()
            lo = doc.Sheets
            for title, cells in sheets:
                if not cells:
                    continue
                if not lo.hasByName(title):
                    raise RuntimeError("LibreOffice sees no sheet named %r" % title)
                sheet = lo.getByName(title)
                # cells whose formula gives an error, in one query
                errors = set()
                found = sheet.queryFormulaCells(FORMULA_RESULT_ERROR)
                for a in found.getRangeAddresses():
                    for r in range(a.StartRow, a.EndRow + 1):
                        for c in range(a.StartColumn, a.EndColumn + 1):
                            errors.add((r, c))
                # values in one round trip per block of rows
                by_block = {}
                for cell in cells:
                    by_block.setdefault(cell["row"] // 500, []).append(cell)
                for block in by_block.values():
                    r0 = min(x["row"] for x in block)
                    r1 = max(x["row"] for x in block)
                    c0 = min(x["col"] for x in block)
                    c1 = max(x["col"] for x in block)
                    if (r1 - r0 + 1) * (c1 - c0 + 1) > 100000:
                        data = None
                    else:
                        data = sheet.getCellRangeByPosition(c0, r0, c1, r1).getDataArray()
                    for cell in block:
                        r, c = cell["row"], cell["col"]
                        if (r, c) in errors:
                            cell["recalc"] = ("error", sheet.getCellByPosition(c, r).getString())
                        elif data is not None:
                            cell["recalc"] = ("value", data[r - r0][c - c0])
                        else:
                            x = sheet.getCellByPosition(c, r)
                            cell["recalc"] = ("value", x.getDataArray()[0][0])
                if self.expired():
                    raise TimeoutError()
        finally:
            try:
                doc.close(True)
            except Exception:
                pass

    def close(self, graceful=True):
        """Stop LibreOffice (asked to quit when graceful and connected, else
        killed) and remove the profile."""
        if graceful and self.desktop is not None and self.proc is not None \
                and self.proc.poll() is None:
            try:
                self.desktop.terminate()
            except Exception:
                pass            # the bridge may drop while terminate() returns
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
        self.desktop = None
        self.kill()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def kill(self):
        if self.proc is not None:
            try:    # the whole group: the soffice script, oosplash, soffice.bin
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                pass
            try:
                self.proc.wait(timeout=5)
            except Exception:
                pass
            for _ in range(100):     # until every process of the group is gone
                if not group_alive(self.proc.pid):
                    break
                time.sleep(0.05)
            reap_orphans()
            self.remove_dead_pipes()

    def remove_dead_pipes(self):
        """A killed LibreOffice leaves its pipe sockets (/tmp/OSL_PIPE_<uid>_*)
        behind. Remove those made since we started that nobody listens on."""
        try:
            with open("/proc/net/unix") as f:
                live = {l.split()[-1] for l in f.read().splitlines()[1:] if len(l.split()) >= 8}
        except OSError:
            return
        prefix = "OSL_PIPE_%d_" % os.getuid()
        try:
            names = [n for n in os.listdir("/tmp") if n.startswith(prefix)]
        except OSError:
            return
        for n in names:
            p = os.path.join("/tmp", n)
            try:
                if p not in live and p not in self.pipes_before \
                        and os.lstat(p).st_mtime >= self.started - 1:
                    os.unlink(p)
            except OSError:
                pass


# ------------------------------------------------------------- comparison

def show(v):
    if isinstance(v, str):
        return '"%s"' % v
    if isinstance(v, float) and v.is_integer() and abs(v) < 2 ** 53:
        return str(int(v))
    if isinstance(v, float):
        return repr(v)
    return str(v)


def compare(cell, rel, abs_):
    """None when cached and recalculated agree, else (cached text, recalc text)."""
    cached = cell["cached"]
    kind, got = cell.get("recalc", ("missing", None))
    got_text = got if kind == "error" else show(got) if kind == "value" else "nothing"
    if cell["cached_error"]:
        return ("error %s" % cached, got_text)
    if kind != "value":
        return (show(cached) if cached is not None else "empty", got_text)
    if cached is None:
        return None if got == "" else ("empty", got_text)
    if isinstance(cached, bool):
        cached_num = 1.0 if cached else 0.0
        if isinstance(got, float) and got == cached_num:
            return None
        return (show(cached).upper(), got_text)
    if isinstance(cached, (int, float)):
        if isinstance(got, float) and not isinstance(got, bool) \
                and math.isclose(float(cached), got, rel_tol=rel, abs_tol=abs_):
            return None
        return (show(cached), got_text)
    if isinstance(cached, str):
        if isinstance(got, str) and got == cached:
            return None
        return (show(cached), got_text)
    return (show(cached), got_text)


# ------------------------------------------------------------------- main

def main(argv):
    opts = parse_args(argv)
    soffice = check_dependencies()
    become_subreaper()
    files = opts["files"]
    many = len(files) > 1 or opts["per_file"]
    state = {"office": None, "deadline": None, "timed_out": False}
    done = threading.Event()

    def drop_office(graceful=True):
        office = state["office"]
        state["office"] = None
        if office is not None:
            office.close(graceful)

    # End cleanly (kill LibreOffice, remove the profile) on a signal too.
    def on_signal(signum, frame):
        office = state["office"]
        if office is not None:
            office.kill()
            shutil.rmtree(office.tmp, ignore_errors=True)
        os._exit(128 + signum)
    for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(s, on_signal)

    # The watchdog is a thread, since the main thread may be blocked in a UNO
    # call: past the deadline it kills LibreOffice, which breaks that call. If
    # the main thread has not dealt with that 10 s later, the watchdog cleans
    # up and ends the process.
    def watch():
        killed_at = None
        while not done.wait(0.1):
            office = state["office"]
            d = state["deadline"]
            if d is not None and time.monotonic() > d and not state["timed_out"]:
                state["timed_out"] = True
                killed_at = time.monotonic()
                if office is not None:
                    office.kill()
            elif not state["timed_out"]:
                killed_at = None
            elif killed_at is not None and time.monotonic() - killed_at > 10:
                if office is not None:
                    office.kill()
                    shutil.rmtree(office.tmp, ignore_errors=True)
                sys.stdout.flush()
                sys.stderr.write("%s: LibreOffice did not finish within %g s and was killed\n"
                                 % (PROG, opts["timeout"]))
                sys.stderr.flush()
                os._exit(2)
    threading.Thread(target=watch, daemon=True).start()

    def broken(path, msg):
        if many:
            print("%s: failed: %s" % (path, msg))
        else:
            sys.stderr.write("%s: %s\n" % (PROG, msg))

    checked = mismatches = failures = 0
    try:
        for path in files:
            try:
                sheets = read_workbook(path)
            except BadWorkbook as e:
                broken(path, str(e))
                failures += 1
                continue
            count = sum(len(c) for _, c in sheets)
            if count:
                state["deadline"] = time.monotonic() + opts["timeout"]
                error = None
                try:
                    if state["office"] is None:
                        state["office"] = Office(soffice, opts["locale"])
                        state["office"].deadline = state["deadline"]
                        state["office"].start()
                    state["office"].deadline = state["deadline"]
                    state["office"].recalculate(path, sheets)
                except TimeoutError:
                    state["timed_out"] = True
                except Exception as e:
                    error = "LibreOffice failed: %s" % (str(e) or e.__class__.__name__)
                state["deadline"] = None
                if state["timed_out"]:
                    error = "LibreOffice did not finish within %g s and was killed" % opts["timeout"]
                if error:
                    drop_office(graceful=False)     # a fresh one for the next workbook
                    state["timed_out"] = False
                    broken(path, error)
                    failures += 1
                    continue
            bad = 0
            for title, cells in sheets:
                for cell in cells:
                    diff = compare(cell, 1e-9, 1e-9)
                    if diff is not None:
                        bad += 1
                        print("%s%s!%s: formula %s, cached %s, recalculated %s"
                              % (path + ": " if many else "", title, cell["coord"],
                                 cell["formula"], diff[0], diff[1]))
            if many:
                print("%s: %d formula cells checked, %d mismatches" % (path, count, bad))
            checked += count
            mismatches += bad
    finally:
        state["deadline"] = None
        drop_office()
        done.set()
    if failures and not many:
        return 2
    print("%d formula cells checked, %d mismatches" % (checked, mismatches))
    return 2 if failures else 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
