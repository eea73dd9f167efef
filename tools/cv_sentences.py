#!/usr/bin/env python3
"""Cross-validation of the sentence splitter on the training gold.

The splitter has two tables learned from data/sentences/train.jsonl:
csrc/abbrev_table.h (tools/gen_abbrev.py) and csrc/sentctx_table.h
(tools/gen_sentctx.py). Scoring it on the training documents with the
shipped tables would score documents it has learned from; dev has only 127
documents. This tool splits the training documents into K folds (document
i goes to fold i mod K) and, for each fold, regenerates both tables from the
other folds, builds the C sources with them into a shared library (a copy of
csrc/ in a temporary directory, so the working tree is not touched) and
scores the held-out fold. The F1 is over exact sentence spans pooled over
all folds, as in bench/bench_sentences.py.

    python3 tools/cv_sentences.py                 # 5 folds of train
    python3 tools/cv_sentences.py --dev           # tables from all of train, scored on dev
    python3 tools/cv_sentences.py --errors FILE   # every wrong boundary, one a line
    python3 tools/cv_sentences.py --kinds FILE    # their rough kinds
    python3 tools/cv_sentences.py --blocks        # folds of contiguous documents

--blocks puts neighbouring documents of the file (which often share a
source, a series or a section) in the same fold, so a table cannot learn a
held-out document's habits from its neighbours: a harder, more honest
figure (99.18 against 99.22 for the default folds, for the splitter of
the TP. rule).

--dev regenerates the tables from the whole training split, so it scores the
code and generators of the working tree (as `make tables` would ship them)
without building the Python package. Uses one core; about 10 s a fold.
The test split is never read.
"""
import argparse
import ctypes
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "bench"))
from bench_sentences import gold_spans, load_docs  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DATA = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "sentences"))


class Span(ctypes.Structure):
    _fields_ = [("start", ctypes.c_size_t), ("end", ctypes.c_size_t)]


class Spans(ctypes.Structure):
    _fields_ = [("items", ctypes.POINTER(Span)), ("len", ctypes.c_size_t),
                ("cap", ctypes.c_size_t)]


class Tokens(ctypes.Structure):
    _fields_ = [("items", ctypes.c_void_p), ("len", ctypes.c_size_t), ("cap", ctypes.c_size_t)]


def build(workdir, docs, cc, ctx_args=(), abbrev_args=()):
    """Tables from docs, then a shared library of csrc/ with them."""
    data = os.path.join(workdir, "train.jsonl")
    with open(data, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    src = os.path.join(workdir, "csrc")
    if os.path.exists(src):
        shutil.rmtree(src)
    shutil.copytree(os.path.join(REPO, "csrc"), src)
    py = sys.executable
    quiet = dict(check=True, stdout=subprocess.DEVNULL)
    subprocess.run([py, os.path.join(HERE, "gen_abbrev.py"), "--data", data,
                    "--out", os.path.join(src, "abbrev_table.h")] + list(abbrev_args), **quiet)
    subprocess.run([py, os.path.join(HERE, "gen_sentctx.py"), "--data", data,
                    "--abbrev", os.path.join(src, "abbrev_table.h"),
                    "--out", os.path.join(src, "sentctx_table.h")] + list(ctx_args), **quiet)
    lib = os.path.join(workdir, "libvnt%d.so" % build.n)
    build.n += 1
    cflags = subprocess.run(["pkg-config", "--cflags", "libutf8proc"], check=True,
                            capture_output=True, text=True).stdout.split()
    libs = subprocess.run(["pkg-config", "--libs", "libutf8proc"], check=True,
                          capture_output=True, text=True).stdout.split()
    srcs = sorted(os.path.join(src, f) for f in os.listdir(src) if f.endswith(".c"))
    subprocess.run([cc, "-O1", "-shared", "-fPIC", "-std=c11", "-I" + src] + cflags +
                   ["-o", lib] + srcs + libs, check=True)
    return ctypes.CDLL(lib)


build.n = 0


def predict(lib, text):
    """Character spans of the splitter (vnt_sentences) over text."""
    b = text.encode("utf-8")
    toks, spans = Tokens(), Spans()
    lib.vnt_tokens_init(ctypes.byref(toks))
    lib.vnt_spans_init(ctypes.byref(spans))
    st = lib.vnt_sentences(b, ctypes.c_size_t(len(b)), ctypes.byref(toks), ctypes.byref(spans))
    if st != 0:
        raise SystemExit("vnt_sentences failed: %d" % st)
    # byte offset -> character offset
    pos = {}
    k = 0
    for i, ch in enumerate(text):
        pos[k] = i
        k += len(ch.encode("utf-8"))
    pos[k] = len(text)
    out = [(pos[spans.items[i].start], pos[spans.items[i].end]) for i in range(spans.len)]
    lib.vnt_tokens_free(ctypes.byref(toks))
    lib.vnt_spans_free(ctypes.byref(spans))
    return out


def score(lib, docs, errors):
    tp = npred = ngold = 0
    for d in docs:
        g, p = set(gold_spans(d)), set(predict(lib, d["text"]))
        tp += len(g & p)
        npred += len(p)
        ngold += len(g)
        if g != p:
            text = d["text"]
            ge = {b for a, b in g - p}
            pe = {b for a, b in p - g}
            for e in sorted(ge ^ pe):
                mark = "<+>" if e in pe else "<->"
                errors.append("%s\t%s\t%s" % (mark, d.get("doc", ""), (
                    text[max(0, e - 70):e] + mark + text[e:e + 50]).replace("\n", "|")))
    return tp, npred, ngold


# Rough kinds of a wrong boundary, from the text around it (first match wins).
UP = "A-Z\u00c0-\u00dd\u0110\u0102\u01a0\u01af\u1ea0-\u1ef8"
KINDS = [
    ("quote then ellipsis (`! \"...`)", r'["\u201c\u201d][.\u2026]+$', r'^ ["\u201c\u201d][.\u2026]'),
    ("bracket after a mark (`(!)`, `?)`)", r"\([!?]+$", r"^ ?\)"),
    ("list label (1. 1.2. a. IV.)", r"(?:^|[\s|])(?:\d+(?:\.\d+)*|[a-zA-Z]|[IVX]+)\.$",
     r"^ (?:\d+(?:\.\d+)*|[a-zA-Z]|[IVX]+)\.(?:\s|$)"),
    ("TP. (or another known abbreviation)", r"(?:^|[\s(|])(?:TP|Tp|GS|PGS|TS|BS|Q|P|H)\.$", None),
    ("signature / initials (L.A.D., N. V.)", r"(?:^|[\s(|])(?:[" + UP + r"][a-z]?\.)+$",
     r"^ (?:(?:[" + UP + r"]{1,2}\.){2,}|[" + UP + r"]{2,} [" + UP + r"]{2,})"),
    ("all-caps word at a sentence end (VN. USD. HCM.)", r"(?:^|[\s(|])[" + UP + r"]{2,}\.$", None),
    ("ellipsis before a number", r"(?:\.\.|\u2026)$", r"^ \d", "both"),
    ("ellipsis", r"(?:\.\.|\u2026)[\"\u201d)]?$", None),
    ("mark before a dash or bullet", None, r"^ [-*+\u2013\u2022]"),
    ("quotes", r"[\"\u201d]$", r'^ ["\u201c]'),
]


def kind(line):
    """The kind of a line of --errors output."""
    mark, _doc, ctx = line.split("\t", 2)
    left, right = ctx.split(mark, 1)
    right = right.replace("|", "\n")
    for name, lre, rre, *both in KINDS:
        ml = lre is not None and re.search(lre, left) is not None
        mr = rre is not None and re.search(rre, right) is not None
        if (ml and mr) if both else (ml or mr):
            return name
    return "other"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--dev", action="store_true",
                    help="tables from all of train, scored on dev")
    ap.add_argument("--errors", metavar="FILE", help="write every wrong boundary here")
    ap.add_argument("--kinds", metavar="FILE",
                    help="only count the wrong boundaries of an --errors FILE by kind")
    ap.add_argument("--blocks", action="store_true",
                    help="folds of contiguous documents (neighbours in the file share a source)")
    ap.add_argument("--cc", default=os.environ.get("CC", "gcc"))
    ap.add_argument("--min-n", help="passed to gen_sentctx.py")
    ap.add_argument("--pct", help="passed to gen_sentctx.py")
    ap.add_argument("--min-opener", help="passed to gen_abbrev.py")
    ap.add_argument("--opener-ratio", help="passed to gen_abbrev.py")
    args = ap.parse_args()
    if args.kinds:
        with open(args.kinds, encoding="utf-8") as f:
            lines = [line.rstrip("\n") for line in f if line.strip()]
        counts = collections.Counter((kind(line), line[:3]) for line in lines)
        for name in [k[0] for k in KINDS] + ["other"]:
            print("%-50s %4d  (%d missed, %d extra)" % (
                name, counts[name, "<->"] + counts[name, "<+>"], counts[name, "<->"], counts[name, "<+>"]))
        print("%-50s %4d" % ("all", len(lines)))
        return
    train = load_docs(os.path.join(DATA, "train.jsonl"))
    errors = []
    tot = [0, 0, 0]
    with tempfile.TemporaryDirectory(prefix="vnt-cv-") as work:
        if args.dev:
            runs = [(train, load_docs(os.path.join(DATA, "dev.jsonl")))]
        else:
            k = args.folds
            fold = ((lambda i: i * k // len(train)) if args.blocks else (lambda i: i % k))
            runs = [([d for i, d in enumerate(train) if fold(i) != f],
                     [d for i, d in enumerate(train) if fold(i) == f]) for f in range(k)]
        for f, (fit, held) in enumerate(runs):
            ctx_args = [a for k in ("min_n", "pct") if getattr(args, k)
                        for a in ("--" + k.replace("_", "-"), getattr(args, k))]
            abbrev_args = [a for k in ("min_opener", "opener_ratio") if getattr(args, k)
                           for a in ("--" + k.replace("_", "-"), getattr(args, k))]
            lib = build(work, fit, args.cc, ctx_args, abbrev_args)
            r = score(lib, held, errors)
            tot = [a + b for a, b in zip(tot, r)]
            p = r[0] / r[1] if r[1] else 0
            rc = r[0] / r[2] if r[2] else 0
            f1 = 2 * p * rc / (p + rc) if p + rc else 0
            print("%s %d: %d docs, %d gold, %d predicted, %d right, F1 %.2f" % (
                "dev" if args.dev else "fold", f, len(held), r[2], r[1], r[0], 100 * f1),
                flush=True)
    tp, npred, ngold = tot
    p, r = tp / npred, tp / ngold
    f1 = 2 * p * r / (p + r)
    print("%s: P %.2f R %.2f F1 %.2f (%d missed, %d extra boundaries)" % (
        "dev" if args.dev else "train-CV", 100 * p, 100 * r, 100 * f1,
        sum(e.startswith("<->") for e in errors), sum(e.startswith("<+>") for e in errors)))
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as f:
            f.write("\n".join(errors) + "\n")


if __name__ == "__main__":
    main()
