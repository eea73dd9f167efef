#!/usr/bin/env python3
"""Word segmentation: word F1 and speed of vntext against underthesea and pyvi.

    bash bench/run.sh                      (all benchmarks, baselines in .venv-bench)
    .venv-bench/bin/python bench/bench_segment.py [--split dev|test] [--lines 3000]

F1: word F1 over word spans (micro, in code points) on vlsp2013-ws/<split>.seg.txt
and UD-VTB dev, for three inputs made from each gold line:
  gold  the gold line with "_" turned into spaces (every token space-separated);
  raw   the same with the space before , . : ; ! ? ) and after ( removed, and
        on both sides of a / between two words that do not start with a
        digit ("đồng/kg", "HIV/AIDS"; "12 / 2009", "121 / QĐ" keep their
        spaces), so punctuation attaches to words as in ordinary text;
  lower the gold input in lower case (text lower-cased before it is
        segmented, chat), the gold words unchanged;
  upper the gold input in capitals (headlines, titles, shouting), the gold
        words unchanged;
  title the gold input with every word in title case ("Học Sinh Giỏi Thì
        Phải", as some headlines and titles are written), the gold words
        unchanged.
The default split is dev; run --split test once, for the report. --gold FILE
(repeatable) scores other files of the same format (one sentence a line,
syllables of a word joined by "_", as vlsp2013-ws/*.seg.txt and
ud-vtb/*.seg.txt) instead, e.g. held-out data; the speed test then runs on the
first of them.

Baselines may change the text they return (underthesea and pyvi normalise
some characters, pyvi joins syllables with "_"). Their words are aligned to
the input by characters: white space (and pyvi's "_") is dropped from each
word, and its remaining characters are matched in order against the
non-space characters of the input; a word whose characters cannot be found
at the current position counts as wrong, and the alignment then resumes at
the next word that matches.

Speed: syllables per second (whitespace-separated tokens of the gold-derived
input) on the same --lines sentences, one thread, one process: vntext's
word_tokenize (list), format="text" and word_spans, one call per sentence;
underthesea's word_tokenize and pyvi's ViTokenizer.tokenize, one call per
sentence; and text.split() on the same sentences as the floor.

Threads: one Segmenter shared by two threads against one thread, on the same
sentences joined by line breaks 1, 4 and 16 to a call (--no-threads skips it).
"""

import argparse
import os
import sys
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

DATA = os.path.join(common.SHARED, "data")
VLSP = os.path.join(DATA, "vlsp2013-ws", "%s.seg.txt")
UD_DEV = os.path.join(DATA, "ud-vtb", "vi_vtb-ud-dev.seg.txt")

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "..."}
NO_SPACE_AFTER = {"("}
INPUTS = ("gold", "raw", "lower", "upper", "title")


def read_gold(path):
    """Lines as lists of gold words (syllables joined by spaces), from a
    *.seg.txt file (one sentence a line, the syllables of a word joined by
    _; a byte order mark is allowed). A file of JSON lines, one that is not
    UTF-8 or one without a sentence stops the run."""
    out = []
    try:
        with open(path, encoding="utf-8-sig") as f:
            for n, line in enumerate(f, 1):
                if not out and line.lstrip().startswith("{"):
                    raise SystemExit("%s line %d looks like JSON; the word gold is one sentence "
                                     "a line, the syllables of a word joined by _" % (path, n))
                words = [w.replace("_", " ").strip() for w in line.split()]
                words = [w for w in words if w]
                if words:
                    out.append(words)
    except UnicodeDecodeError as e:
        raise SystemExit("%s is not UTF-8: %s" % (path, e))
    if not out:
        raise SystemExit("%s holds no sentence" % path)
    return out


def glued_slash(words, k):
    """Whether the raw input writes words[k] as a slash without spaces: a
    slash between two words that do not start with a digit (the spaced
    numbers and codes of the corpora, "12 / 2009", "121 / QĐ", keep theirs)."""
    if words[k] != "/" or k == 0 or k + 1 == len(words):
        return False
    return not (words[k - 1][:1].isdigit() or words[k + 1][:1].isdigit())


def build(words, raw):
    """(text, gold spans) for one sentence."""
    parts, spans, pos = [], [], 0
    for i, w in enumerate(words):
        if i > 0 and not (raw and (w in NO_SPACE_BEFORE or words[i - 1] in NO_SPACE_AFTER or
                                   glued_slash(words, i) or glued_slash(words, i - 1))):
            parts.append(" ")
            pos += 1
        spans.append((pos, pos + len(w)))
        parts.append(w)
        pos += len(w)
    return "".join(parts), spans


def nfc_chars(text):
    """The non-space characters of text in NFC, each with the span of text
    it comes from: a letter and the combining marks after it are read
    together, so a tool that returns its words in NFC for a text in NFD
    (underthesea, pyvi) still aligns with it."""
    out, i, n = [], 0, len(text)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        for c in unicodedata.normalize("NFC", text[i:j]):
            if not c.isspace():
                out.append((i, j, c))
        i = j
    return out


def align(text, words, drop_underscore=False):
    """Spans of the output words in text, by characters (see the module doc),
    compared in NFC; None for a word that does not align."""
    chars = nfc_chars(text)
    spans, p = [], 0
    for w in words:
        cs = [c for c in unicodedata.normalize("NFC", w)
              if not c.isspace() and not (drop_underscore and c == "_")]
        if not cs:
            continue
        q, ok = p, True
        for c in cs:
            if q < len(chars) and chars[q][2] == c:
                q += 1
            else:
                ok = False
                break
        if ok:
            spans.append((chars[p][0], chars[q - 1][1]))
            p = q
        else:
            spans.append(None)
            # resume: skip as many characters as the word has
            p = min(len(chars), p + len(cs))
    return spans


def f1_counts(gold, pred):
    g = set(gold)
    tp = sum(1 for s in pred if s is not None and s in g)
    return tp, len(pred), len(gold)


def f1(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return 100 * 2 * p * r / (p + r) if p + r else 0.0


def tools():
    import vntext

    out = [("vntext", lambda t: vntext.word_spans(t), "spans")]
    try:
        from underthesea import word_tokenize as uts

        out.append(("underthesea", lambda t: uts(t), "words"))
    except ImportError:
        print("underthesea not installed: skipped", file=sys.stderr)
    try:
        from pyvi import ViTokenizer

        out.append(("pyvi", lambda t: ViTokenizer.tokenize(t).split(" "), "pyvi"))
    except ImportError:
        print("pyvi not installed: skipped", file=sys.stderr)
    return out


def evaluate(corpora, limit):
    rows = []
    tl = tools()
    for name, fn, kind in tl:
        row = [name]
        for cname, sents in corpora:
            for mode in INPUTS:
                tp = npred = ngold = 0
                for words in sents[:limit] if limit else sents:
                    text, gold = build(words, mode == "raw")
                    if mode == "upper":
                        text = common.upper_same_length(text)
                    elif mode == "lower":
                        text = common.lower_same_length(text)
                    elif mode == "title":
                        text = common.title_same_length(text)
                    out = fn(text)
                    if kind == "spans":
                        pred = [tuple(s) for s in out]
                    else:
                        pred = align(text, out, drop_underscore=(kind == "pyvi"))
                    a, b, c = f1_counts(gold, pred)
                    tp += a
                    npred += b
                    ngold += c
                row.append("%.2f" % f1(tp, npred, ngold))
        rows.append(row)
        print("  ", name, "done", file=sys.stderr)
    headers = ["tool"] + ["%s %s" % (c, mode) for c, _ in corpora for mode in INPUTS]
    common.print_table(headers, rows)


def speed(sents, nlines, repeat):
    import vntext

    lines = [build(w, True)[0] for w in sents[:nlines]]
    if len(set(lines)) < 1000:
        print("\nwarning: the speed test has %d distinct sentences; below 1000 its figures are "
              "not comparable with those of 3,000 (per-call costs weigh more, caches warm "
              "differently)" % len(set(lines)))
    syl = sum(len(t.split()) for t in lines)
    nbytes = sum(len(t.encode("utf-8")) for t in lines)
    seg = vntext.Segmenter()
    cases = [
        ("text.split() (floor)", lambda: [t.split() for t in lines], repeat),
        ("vntext word_tokenize (list)", lambda: [seg.word_tokenize(t) for t in lines], repeat),
        ('vntext word_tokenize format="text"', lambda: [seg.word_tokenize(t, format="text") for t in lines], repeat),
        ("vntext word_spans", lambda: [seg.word_spans(t) for t in lines], repeat),
    ]
    whole = "\n".join(lines)
    cases.append(("vntext word_tokenize, one call on all lines", lambda: seg.word_tokenize(whole), repeat))
    try:
        from underthesea import word_tokenize as uts

        cases.append(("underthesea word_tokenize", lambda: [uts(t) for t in lines], 3))
    except ImportError:
        pass
    try:
        from pyvi import ViTokenizer

        cases.append(("pyvi ViTokenizer.tokenize", lambda: [ViTokenizer.tokenize(t) for t in lines], 3))
    except ImportError:
        pass
    res = {}
    for name, fn, rep in cases:
        t, _ = common.best_of(fn, repeat=max(rep, 1), warmup=1)
        res[name] = t
    base_u = res.get("underthesea word_tokenize")
    base_p = res.get("pyvi ViTokenizer.tokenize")
    floor = res["text.split() (floor)"]
    rows = []
    for name, _, _ in cases:
        t = res[name]
        rows.append([name, "%.0f K" % (syl / t / 1000), "%.2f" % (nbytes / t / 1e6),
                     "%.1fx" % (base_u / t) if base_u else "-",
                     "%.1fx" % (base_p / t) if base_p else "-",
                     "%.2f" % (t / floor)])
    print("\n%d sentences, %d syllables, %d bytes" % (len(lines), syl, nbytes))
    common.print_table(["", "syllables/s", "MB/s", "vs underthesea", "vs pyvi", "time / split()"], rows)


def threads(sents, nlines, repeat, nthreads=2):
    """One Segmenter shared by threads: the work of nthreads threads against
    one, on calls of 1, 4 and 16 sentences joined by line breaks."""
    import threading

    import vntext

    lines = [build(w, True)[0] for w in sents[:nlines]]
    if len(set(lines)) < 1000:
        print("\nwarning: the speed test has %d distinct sentences; below 1000 its figures are "
              "not comparable with those of 3,000 (per-call costs weigh more, caches warm "
              "differently)" % len(set(lines)))
    syl = sum(len(t.split()) for t in lines)
    seg = vntext.Segmenter()
    rows = []
    for per in (1, 4, 16):
        docs = ["\n".join(lines[i:i + per]) for i in range(0, len(lines), per)]

        def run(n):
            parts = [docs[i::n] for i in range(n)]
            ths = [threading.Thread(target=lambda p=p: [seg.word_tokenize(d) for d in p])
                   for p in parts]
            for th in ths:
                th.start()
            for th in ths:
                th.join()

        t1, _ = common.best_of(lambda: run(1), repeat=repeat, warmup=1)
        tn, _ = common.best_of(lambda: run(nthreads), repeat=repeat, warmup=1)
        nbytes = sum(len(d.encode("utf-8")) for d in docs) / len(docs)
        rows.append([str(per), "%.0f" % nbytes, "%.0f K" % (syl / t1 / 1000),
                     "%.0f K" % (syl / tn / 1000), "%.2fx" % (t1 / tn)])
    print("\nthreads sharing one Segmenter, word_tokenize (list); %d threads against one" % nthreads)
    common.print_table(["sentences a call", "bytes a call", "1 thread syl/s",
                        "%d threads syl/s" % nthreads, "ratio"], rows)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", choices=["dev", "test"], default="dev",
                    help="VLSP 2013 split for F1 and speed (default dev; test once for the report)")
    ap.add_argument("--lines", type=int, default=3000, help="sentences for the speed test")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N sentences of each file")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--no-f1", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--no-threads", action="store_true")
    ap.add_argument("--gold", action="append", metavar="FILE",
                    help="a *.seg.txt file to score instead of the VLSP split and UD-VTB dev "
                    "(repeatable; the speed test runs on the first)")
    # bench/run.sh passes its own arguments to every benchmark
    ap.add_argument("--data", help=argparse.SUPPRESS)
    ap.add_argument("--mb", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.gold:
        for path in args.gold:
            if not os.path.isfile(path):
                ap.error("--gold: no file at %s" % path)
        given = [(os.path.basename(p), read_gold(p)) for p in args.gold]
        for name, sents in given:
            print("gold %s: %d sentences, %d words" % (name, len(sents), sum(map(len, sents))))
        vlsp = given[0][1]
    else:
        vlsp = read_gold(VLSP % args.split)
    if not args.no_f1:
        if args.gold:
            corpora = given
        else:
            corpora = [("vlsp %s" % args.split, vlsp)]
            if os.path.isfile(UD_DEV):
                corpora.append(("ud-vtb dev", read_gold(UD_DEV)))
        t0 = time.time()
        print("word F1 (%): input = gold line with _ as space (gold) / punctuation attached (raw) / "
              "gold in lower case (lower) / in capitals (upper) / every word in title case (title)")
        evaluate(corpora, args.limit)
        print("(%.0f s)" % (time.time() - t0), file=sys.stderr)
    if not args.no_speed:
        speed(vlsp, args.lines, args.repeat)
    if not args.no_threads:
        threads(vlsp, args.lines, args.repeat)


if __name__ == "__main__":
    main()
