"""Helpers shared by the bench/bench_*.py scripts.

    from common import (add_common_args, load_corpus, best_of, Result,
                        print_table, print_environment)

Nothing here is part of the vntext package, and the package never imports it.
Benchmarks read the shared data folder (../shared from the repository root by
default); the tests never do.
"""

import argparse
import gc
import os
import platform
import sys
import time
from importlib import metadata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
VLSP_TEST = os.path.join(SHARED, "data", "vlsp2013-ws", "test.seg.txt")

MB = 1_000_000  # throughput is in decimal megabytes of UTF-8 input


# ---------------------------------------------------------------------------
# Arguments


def add_common_args(parser, default_mb=10.0):
    """Adds --data, --mb and --repeat to an argparse parser."""
    parser.add_argument(
        "--data",
        default=VLSP_TEST,
        help="a *.seg.txt file (one sentence a line, syllables of a word joined by _); "
        "default: %(default)s",
    )
    parser.add_argument(
        "--mb",
        type=float,
        default=default_mb,
        help="size of the text to build, in MB of UTF-8 (default: %(default)s)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="runs per measurement; the best one is reported (default: %(default)s, at least 3)",
    )
    return parser


def parse_args(parser, argv=None):
    args = parser.parse_args(argv)
    if args.repeat < 3:
        parser.error("--repeat must be at least 3")
    if not os.path.isfile(args.data):
        parser.error("no data file at %s (pass --data)" % args.data)
    return args


# ---------------------------------------------------------------------------
# Corpus


def read_seg_lines(path):
    """The raw sentences of a *.seg.txt file: '_' becomes a space, empty
    lines are dropped."""
    lines = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n").replace("_", " ")
            if line.strip():
                lines.append(line)
    if not lines:
        raise SystemExit("%s has no text" % path)
    return lines


def repeat_lines(lines, target_bytes):
    """Repeats lines (in order, cycling) until their UTF-8 size with one
    newline each reaches target_bytes. Returns the list of lines."""
    out = []
    size = 0
    i = 0
    n = len(lines)
    sizes = [len(line.encode("utf-8")) + 1 for line in lines]
    while size < target_bytes:
        out.append(lines[i % n])
        size += sizes[i % n]
        i += 1
    return out


def load_corpus(path, mb):
    """(text, lines): about mb MB of raw VLSP text, one sentence a line."""
    lines = repeat_lines(read_seg_lines(path), int(mb * MB))
    return "\n".join(lines) + "\n", lines


def utf8_len(s):
    return len(s.encode("utf-8"))


# ---------------------------------------------------------------------------
# Timing


def best_of(fn, repeat=5, warmup=1, setup=None):
    """Runs fn warmup times untimed, then repeat times; returns (best
    seconds, last result). With setup, each run calls fn(setup()) and only
    fn is timed (use it to hand each run a fresh input object, e.g. a new
    str whose UTF-8 form CPython has not cached yet). Garbage collection is
    off while timing."""
    def once():
        arg = setup() if setup is not None else None
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            res = fn(arg) if setup is not None else fn()
            dt = time.perf_counter() - t0
        finally:
            if gc_was_on:
                gc.enable()
        return dt, res

    gc_was_on = gc.isenabled()
    result = None
    for _ in range(warmup):
        _, result = once()
    best = float("inf")
    for _ in range(repeat):
        dt, result = once()
        best = min(best, dt)
    return best, result


def _same_length(c, u):
    """u, the case of the character c, or c where u is longer (ß in
    capitals, İ in lower case), so offsets into the text stay valid."""
    return u if len(u) == 1 else c


def upper_same_length(text):
    """text in capitals, character by character (offsets stay valid)."""
    return "".join(_same_length(c, c.upper()) for c in text)


def lower_same_length(text):
    """text in lower case, character by character (offsets stay valid)."""
    return "".join(_same_length(c, c.lower()) for c in text)


def title_same_length(text):
    """text with every word (run of non-space characters) in title case:
    its first character in upper case, the others in lower case (offsets
    stay valid)."""
    out, start = [], True
    for c in text:
        out.append(_same_length(c, c.upper() if start else c.lower()))
        start = c.isspace()
    return "".join(out)


def fresh_copy(s):
    """A new str equal to s (not the same object, no cached UTF-8)."""
    return s.encode("utf-8").decode("utf-8")


class Result:
    """One measured row: name, UTF-8 bytes processed, best seconds, note."""

    def __init__(self, name, nbytes, seconds, note=""):
        self.name = name
        self.nbytes = nbytes
        self.seconds = seconds
        self.note = note

    @property
    def mb_per_s(self):
        if self.seconds is None or self.seconds <= 0:
            return None
        return self.nbytes / MB / self.seconds


def ratio(a, b):
    """How many times faster Result a is than Result b (None if unknown)."""
    if a is None or b is None or a.mb_per_s is None or b.mb_per_s is None:
        return None
    return a.mb_per_s / b.mb_per_s


# ---------------------------------------------------------------------------
# Output


def fmt_num(x, digits=1):
    if x is None:
        return "-"
    if x >= 100:
        return "%.0f" % x
    return "%.*f" % (digits, x)


def print_table(headers, rows, out=None):
    """Prints rows (lists of str) under headers, columns aligned; a column
    whose cells all look like numbers is right-aligned."""
    out = out or sys.stdout
    rows = [[str(c) for c in r] for r in rows]
    ncol = len(headers)
    widths = [max(len(headers[i]), *(len(r[i]) for r in rows)) if rows else len(headers[i])
              for i in range(ncol)]

    def numeric(i):
        cells = [r[i] for r in rows if r[i] not in ("-", "")]
        return bool(cells) and all(_looks_numeric(c) for c in cells)

    right = [numeric(i) for i in range(ncol)]

    def line(cells):
        parts = []
        for i, c in enumerate(cells):
            parts.append(c.rjust(widths[i]) if right[i] else c.ljust(widths[i]))
        return "  ".join(parts).rstrip()

    print(line(headers), file=out)
    print("  ".join("-" * w for w in widths), file=out)
    for r in rows:
        print(line(r), file=out)


def _looks_numeric(s):
    s = s.rstrip("x%")
    try:
        float(s)
        return True
    except ValueError:
        return False


def print_results(results, baseline=None, out=None):
    """A table of Results: MB/s and the ratio to baseline (a Result)."""
    headers = ["what", "MB in", "best s", "MB/s"]
    if baseline is not None:
        headers.append("vs " + baseline.name)
    headers.append("note")
    rows = []
    for r in results:
        row = [r.name, fmt_num(r.nbytes / MB, 2), fmt_num(r.seconds, 4) if r.seconds else "-",
               fmt_num(r.mb_per_s)]
        if baseline is not None:
            q = ratio(r, baseline)
            row.append("-" if q is None else fmt_num(q, 2) + "x")
        row.append(r.note)
        rows.append(row)
    print_table(headers, rows, out=out)


def package_version(name):
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def print_environment(packages=(), out=None):
    """Python, machine and the versions of the given distributions."""
    out = out or sys.stdout
    print("python           %s (%s)" % (platform.python_version(), sys.executable), file=out)
    print("machine          %s, %s, %d CPUs" % (platform.machine(), platform.system(), os.cpu_count() or 0),
          file=out)
    for name in packages:
        v = package_version(name)
        print("%-16s %s" % (name, v if v else "not installed"), file=out)
