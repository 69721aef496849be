#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""bench/replay.py: the keystroke replay benchmark of issue 4 ("Speed").

Builds a 6,000-word project (10 examples, through `ecqcoach import`), opens
it in the full-screen coach inside a pseudo-terminal, goes to an example's
editor, types 2,000 keystrokes one at a time and times each from the write
of the key to the last byte of the screen update it caused (the update is
over when the terminal stays quiet for --gap ms; the gap is not counted).
Reports the median and 99th percentile, the time to the first full screen
(dictionary loaded) and the program's peak memory (wait4 ru_maxrss).
Targets (issue 10): p99 at most 2 ms up to 10,000 words and 3 ms above,
first screen within 50 ms, a 5,000-word paste within 50 ms, peak memory
under 50 MB up to 10,000 words; exit status 1 when one is missed, 77 when
it cannot run. --sizes runs one project size after another and prints the
curve; --pace sends keys at a typist's pace so idle work runs between them.

--mode demo runs bench/editdemo instead: the editor widget and the checker
alone on one field of --field-words words (600, a whole example; 6000 is
the worst case of a whole narrative in one field).

Keys in --nav and --quit are comma-separated: names (Enter, Tab, Esc, Up,
Down, Left, Right, Home, End, PgUp, PgDn, F1..F12, C-x for control keys,
Sleep for a 0.3 s pause) or 'text' typed as is; NAME*N repeats a key.
"""

import argparse
import curses
import fcntl
import os
import pty
import select
import shutil
import struct
import subprocess
import sys
import tempfile
import termios
import time

ECQS = ["Leading Change", "Leading People", "Results Driven", "Business Acumen",
        "Building Coalitions"]

SENTENCES = [
    "I directed a team of 42 analysts to modernize the agency's payroll system.",
    "The old system had failed two audits and cost $3.1 million a year to run.",
    "I briefed the Deputy Secretary every month and secured $1.2 million for the work.",
    "Union leaders objected to the schedule, so I met them weekly until we agreed.",
    "We replaced fourteen spreadsheets with one shared ledger used by every region.",
    "Processing time fell from nine days to two, and errors dropped by 38 percent.",
    "I coached three supervisors who now lead their own modernization projects.",
    "The Inspector General cited the program as a model for other bureaus.",
    "I negotiated a data-sharing agreement with the Department of Labor in six weeks.",
    "Staff turnover fell from 19 percent to 7 percent over the following year.",
]


def prose(n_words, seed):
    """About n_words of plausible ECQ prose."""
    out, count, i = [], 0, seed
    while count < n_words:
        s = SENTENCES[i % len(SENTENCES)]
        out.append(s)
        count += len(s.split())
        i += 3
    return " ".join(out)


def make_draft(total_words=6000, big_field=0):
    per_field = max(1, total_words // (len(ECQS) * 2 * 4))
    lines = ["ECQ NARRATIVE - PAT QUINTERO", ""]
    seed = 0
    for e, title in enumerate(ECQS):
        lines += ["ECQ %d - %s" % (e + 1, title), ""]
        for x in range(2):
            lines.append("Example %d: Payroll modernization %d (03/2019 - 06/2021)" % (x + 1, seed))
            for label in ("Challenge", "Context", "Action", "Result"):
                seed += 1
                n = big_field if big_field and (e, x, label) == (0, 0, "Action") else per_field
                lines += [label + ":", prose(n, seed), ""]
    return "\n".join(lines) + "\n"


MARK = "Typed by the replay benchmark. "


def typing_keys(n):
    """n keystrokes of typing: prose, a backspace every 37 keys, Enter rarely."""
    text = MARK + prose(n, 7)
    keys = []
    i = 0
    while len(keys) < n:
        k = len(keys)
        if k % 37 == 36:
            keys.append(b"\x7f")
        elif k % 500 == 499:
            keys.append(b"\r")
        else:
            keys.append(text[i % len(text)].encode())
            i += 1
    return keys


class Terminal:
    def __init__(self, term):
        curses.setupterm(term, sys.stdout.fileno() if sys.stdout.isatty() else -1)
        self.cache = {}

    def key(self, name):
        fixed = {"Enter": b"\r", "Tab": b"\t", "Esc": b"\x1b", "Backspace": b"\x7f",
                 "Space": b" "}
        if name in fixed:
            return fixed[name]
        if name.startswith("C-") and len(name) == 3:
            return bytes([ord(name[2].lower()) & 0x1f])
        if len(name) >= 2 and name[0] == "'" and name[-1] == "'":
            return name[1:-1].encode()
        cap = {"Up": "kcuu1", "Down": "kcud1", "Left": "kcub1", "Right": "kcuf1",
               "Home": "khome", "End": "kend", "PgUp": "kpp", "PgDn": "knp",
               "Delete": "kdch1"}.get(name)
        if cap is None and name[0] == "F" and name[1:].isdigit():
            cap = "kf" + name[1:]
        if cap is None:
            raise SystemExit("replay.py: unknown key name %r" % name)
        seq = curses.tigetstr(cap)
        if not seq:
            raise SystemExit("replay.py: the terminal has no %s key" % name)
        return seq


class Session:
    def __init__(self, argv, env, rows, cols):
        self.t_spawn = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            try:
                os.execvpe(argv[0], argv, env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.bytes = 0
        self.screen = bytearray()

    def drain(self, gap, first_wait):
        """Reads until the terminal has been quiet for gap seconds (after a
        first byte, waited for up to first_wait). Returns the time of the
        last byte, or None when nothing came."""
        last = None
        deadline = time.perf_counter() + first_wait
        while True:
            timeout = gap if last is not None else max(0.0, deadline - time.perf_counter())
            r, _, _ = select.select([self.fd], [], [], timeout)
            if not r:
                return last
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return last
            if not data:
                return last
            last = time.perf_counter()
            self.bytes += len(data)
            self.screen += data
            if len(self.screen) > 1 << 20:
                del self.screen[: len(self.screen) - (1 << 19)]

    def send(self, data):
        try:
            while data:
                data = data[os.write(self.fd, data):]
        except OSError:
            pass                # the program has gone

    def finish(self, timeout=5.0):
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            self.drain(0.05, 0.05)
            pid, status, ru = os.wait4(self.pid, os.WNOHANG)
            if pid == self.pid:
                return status, ru
        os.kill(self.pid, 15)
        pid, status, ru = os.wait4(self.pid, 0)
        return status, ru


def percentile(sorted_v, p):
    return sorted_v[min(len(sorted_v) - 1, int(len(sorted_v) * p))]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mode", choices=["coach", "demo"], default="coach")
    ap.add_argument("--program", help="ecqcoach or editdemo binary")
    ap.add_argument("--keys", type=int, default=2000)
    ap.add_argument("--rows", type=int, default=24)
    ap.add_argument("--cols", type=int, default=80)
    ap.add_argument("--term", default="xterm-256color")
    ap.add_argument("--gap", type=float, default=15.0, help="quiet time that ends an update, ms")
    ap.add_argument("--nav", default="Enter,Sleep,Tab*13,Enter,Sleep,Tab,Tab",
                    help="keys from the first screen (the dashboard) to an example's"
                         " Action field: open ECQ 1, Tab past its 6 competencies, 6"
                         " question notes and the introduction to example 1, open it,"
                         " Tab from Challenge to Action")
    ap.add_argument("--quit", default="C-q", help="keys that save and quit")
    ap.add_argument("--paste-words", type=int, default=5000,
                    help="after typing, paste this many words (0: no paste)")
    ap.add_argument("--undo-key", default="C-z")
    ap.add_argument("--no-check", action="store_true", help="demo: no live checks")
    ap.add_argument("--field-words", type=int, default=600, help="demo: words in the field")
    ap.add_argument("--keep", action="store_true", help="keep the scratch directory")
    ap.add_argument("--first-marker", default="Quit",
                    help="text on the first screen's last row drawn (the help line)")
    ap.add_argument("--words", type=int, default=6000,
                    help="coach: words in the generated project (an import of a draft)")
    ap.add_argument("--big-field", type=int, default=0,
                    help="coach: this many words in the Action field typed into (one"
                         " long field: its re-check and page count)")
    ap.add_argument("--sizes", default="",
                    help="coach: comma-separated project sizes in words (e.g."
                         " 6000,30000,60000,100000): one run each, then the curve")
    ap.add_argument("--pace", type=float, default=0,
                    help="send a key every PACE ms (a typist's pace, so the idle work"
                         " between keys runs) instead of as soon as the screen is done")
    ap.add_argument("--pause-every", type=int, default=0,
                    help="with --pace: a 1 s pause after every N keys (a typist thinking)")
    args = ap.parse_args()
    if args.sizes and args.mode == "coach":
        rows, rc = [], 0
        for w in (int(x) for x in args.sizes.split(",") if x.strip()):
            args.words = w
            res = run_one(args)
            if isinstance(res, int):
                return res
            rows.append(res)
            rc = max(rc, res["rc"])
        print("curve (key to finished screen; load average %s):" % load_avg())
        print("  %8s %9s %9s %9s %11s %10s %9s" % ("words", "median", "p99", "max",
              "CPU/key", "first", "paste"))
        for r in rows:
            print("  %8d %7.2fms %7.2fms %7.2fms %9.3fms %8.1fms %9s"
                  % (r["words"], r["med"], r["p99"], r["max"], r["cpu_key"],
                     r["first"], "%.1fms" % r["paste"] if r["paste"] is not None else "-"))
        return rc
    res = run_one(args)
    return res if isinstance(res, int) else res["rc"]


def load_avg():
    try:
        return "%.2f %.2f %.2f" % os.getloadavg()
    except OSError:
        return "unknown"


def run_one(args):
    here = os.path.dirname(os.path.abspath(__file__))

    builddir = os.path.dirname(here)
    srcdir = os.environ.get("srcdir") or os.path.dirname(here)
    prog = args.program or os.path.join(
        builddir, "ecqcoach" if args.mode == "coach" else "bench/editdemo")
    if not os.access(prog, os.X_OK):
        print("replay.py: no program at %s (build it first)" % prog)
        return 77

    tmp = tempfile.mkdtemp(prefix="ecq-replay.")
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "TERM": args.term,
           "LC_ALL": "C.UTF-8", "TZ": "UTC", "HOME": tmp,
           "XDG_CONFIG_HOME": tmp + "/config", "XDG_DATA_HOME": tmp + "/data",
           "XDG_STATE_HOME": tmp + "/state", "XDG_CACHE_HOME": tmp + "/cache",
           "ECQCOACH_DATADIR": os.environ.get("ECQCOACH_DATADIR", srcdir)}
    term = Terminal(args.term)
    draft = make_draft(args.words, args.big_field)
    words = len(draft.split())
    if args.mode == "coach":
        with open(os.path.join(tmp, "draft.txt"), "w") as f:
            f.write(draft)
        target = os.path.join(tmp, "bench.ecq")
        r = subprocess.run([prog, "import", "-q", "-f", "ses-2010", "-n", "Pat Quintero",
                            "-o", target, os.path.join(tmp, "draft.txt")],
                           env=env, capture_output=True, text=True)
        if r.returncode not in (0, 1):
            print("replay.py: import failed: %s" % r.stderr.strip())
            return 77
        argv = [prog, target]
    else:
        body = "\n\n".join(prose(150, s) for s in range(max(1, args.field_words // 150)))
        words = len(body.split())
        target = os.path.join(tmp, "field.txt")
        with open(target, "w") as f:
            f.write(body)
        log_path = os.path.join(tmp, "times.log")
        argv = [prog] + (["--no-check"] if args.no_check else []) + ["--log", log_path, target]

    s = Session(argv, env, args.rows, args.cols)
    # the first full screen: its last row (the help line, "Quit") is out
    first = None
    end = time.perf_counter() + 5.0
    while first is None and time.perf_counter() < end:
        t = s.drain(0.001, max(0.0, end - time.perf_counter()))
        if t is None:
            break
        if args.first_marker.encode() in s.screen:
            first = t
    if first is None:
        first = s.drain(args.gap / 1e3, 0.1)
    last = s.drain(0.5, 0.5) or first
    if os.waitpid(s.pid, os.WNOHANG)[0] == s.pid:
        print("replay.py: %s exited at once (no full-screen coach yet?): %r"
              % (os.path.basename(prog), bytes(s.screen[-200:]).decode(errors="replace")))
        return 77
    if last is None:
        print("replay.py: the program drew nothing")
        return 1
    t_first = (first - s.t_spawn) * 1e3
    t_settled = (last - s.t_spawn) * 1e3

    def press(names):
        for name in filter(None, (n.strip() for n in names.split(","))):
            count = 1
            if "*" in name and name.rsplit("*", 1)[1].isdigit():
                name, count = name.rsplit("*", 1)[0], int(name.rsplit("*", 1)[1])
            for _ in range(count):
                if name == "Sleep":
                    s.drain(0.3, 0.3)
                    continue
                s.send(term.key(name))
                s.drain(args.gap / 1e3, 0.5)

    if args.mode == "coach":
        press(args.nav)

    gap = args.gap / 1e3
    lat, silent = [], 0
    due = time.perf_counter()
    for i, k in enumerate(typing_keys(args.keys)):
        if args.pace:
            # a typist's pace: the screen's idle work (re-check, saving,
            # page meter) runs between keys, and a key may wait behind it
            due += args.pace / 1e3
            if args.pause_every and i % args.pause_every == args.pause_every - 1:
                due += 1.0
            while time.perf_counter() < due:
                s.drain(0.001, max(0.0, due - time.perf_counter()))
        t0 = time.perf_counter()
        s.send(k)
        t1 = s.drain(gap, 1.0)
        if t1 is None:
            silent += 1
        else:
            lat.append((t1 - t0) * 1e3)

    # a bracketed paste of a whole draft, then its undo (one step)
    paste_ms = undo_ms = None
    if args.paste_words:
        body = prose(args.paste_words, 3).encode()
        t0 = time.perf_counter()
        s.send(b"\x1b[200~" + body + b"\x1b[201~")
        # the paste has landed when its screen is drawn (the re-check that
        # follows after a pause is not part of it)
        t1 = s.drain(gap, 5.0)
        paste_ms = (t1 - t0) * 1e3 if t1 else None
        s.drain(0.5, 0.5)
        t0 = time.perf_counter()
        s.send(term.key(args.undo_key))
        t1 = s.drain(0.2, 5.0)
        undo_ms = (t1 - t0) * 1e3 if t1 else None

    if args.mode == "coach":
        press(args.quit)
    else:
        s.send(term.key("F10"))
    status, ru = s.finish()
    peak_mb = ru.ru_maxrss / 1024.0

    saved = None
    if args.mode == "coach":
        r = subprocess.run([prog, "show", target], env=env, capture_output=True, text=True)
        saved = r.returncode == 0 and MARK.strip() in r.stdout

    if not lat:
        print("replay.py: no keystroke produced a screen update (wrong --nav?)")
        return 1
    lat.sort()
    med, p99 = percentile(lat, 0.5), percentile(lat, 0.99)
    print("replay: %s on a %d-word %s, %dx%d %s, %d keys (gap %.0f ms)"
          % (os.path.basename(prog), words,
             "project" if args.mode == "coach" else "field", args.cols, args.rows,
             args.term, args.keys, args.gap))
    print("  key to finished update: median %.2f ms, p99 %.2f ms, max %.2f ms"
          " (%d timed, %d without output; %d over 10 ms, %d over 100 ms)"
          % (med, p99, lat[-1], len(lat), silent, sum(1 for x in lat if x > 10),
             sum(1 for x in lat if x > 100)))
    print("  first full screen: %.1f ms (settled, page count and findings drawn: %.1f ms)"
          % (t_first, t_settled))
    if args.paste_words:
        fmt = lambda v: "%.1f ms" % v if v is not None else "no update"
        print("  bracketed paste of %d words: %s to the finished update, its undo %s"
              % (args.paste_words, fmt(paste_ms), fmt(undo_ms)))
    print("  peak memory: %.1f MB; CPU time of the whole run %.2f s user + %.2f s system"
          " (%.2f ms a key, all included; steadier than latency on a busy machine)"
          % (peak_mb, ru.ru_utime, ru.ru_stime,
             (ru.ru_utime + ru.ru_stime) * 1e3 / max(1, args.keys)))
    print("  exit status: %d%s" % (os.waitstatus_to_exitcode(status),
                                   "" if saved is None else ", typed text saved: %s" % ("yes" if saved else "NO")))
    if args.mode == "demo" and os.path.exists(log_path):
        lines = open(log_path).read().splitlines()
        own = sorted(float(x) / 1e3 for x in lines if x and not x.startswith("#"))
        for x in lines:
            if x.startswith("#"):
                print("  editdemo: %s" % x[1:].strip())
        if own:
            print("  inside the program (key read to screen written): median %.2f ms,"
                  " p99 %.2f ms" % (percentile(own, 0.5), percentile(own, 0.99)))
    if args.keep:
        print("  scratch: %s" % tmp)
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    print("  load average: %s" % load_avg())
    # issue 10's targets: p99 2 ms on the demo-sized project, 3 ms up to
    # 100,000 words; the first screen in 50 ms; a 5,000-word paste in 50 ms
    small = words <= 10000
    ok = (p99 <= (2 if small else 3) and t_first <= 50
          and (paste_ms is None or paste_ms < 50) and (peak_mb < 50 or not small))
    return {"rc": 0 if ok else 1, "words": words, "med": med, "p99": p99, "max": lat[-1],
            "first": t_first, "paste": paste_ms,
            "cpu_key": (ru.ru_utime + ru.ru_stime) * 1e3 / max(1, args.keys)}


if __name__ == "__main__":
    sys.exit(main())
