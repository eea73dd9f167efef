"""Throughput of vntext.normalize and vntext.remove_accents on Vietnamese
news text, against unicodedata NFC and underthesea's text_normalize.

    bash bench/run.sh                      # in the benchmark virtualenv
    python bench/bench_normalize.py --mb 10 --repeat 5 [--data FILE]

The text is the VLSP 2013 word-segmentation test set (raw sentences: '_'
replaced by a space), repeated to about --mb MB. Throughput is MB of UTF-8
input per second, the best of --repeat runs, single thread. The issue's
targets: vntext.normalize at least 5x NFC and at least 100x underthesea.
Nothing here is asserted; the figures are printed.
"""

import argparse
import difflib
import os
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (  # noqa: E402
    MB,
    Result,
    add_common_args,
    best_of,
    fresh_copy,
    fmt_num,
    load_corpus,
    parse_args,
    print_environment,
    print_results,
    ratio,
    read_seg_lines,
    repeat_lines,
    utf8_len,
)

import vntext  # noqa: E402

TARGET_VS_NFC = 5.0
TARGET_VS_UNDERTHESEA = 100.0


def changed_figures(lines, fn):
    """(syllables changed, chars changed, syllables in all) over lines.

    Characters are counted per changed line: positions that differ when the
    line keeps its length, otherwise the characters a diff replaces."""
    syl_changed = 0
    chars_changed = 0
    syl_total = 0
    for line in lines:
        out = fn(line)
        words_in = line.split()
        syl_total += len(words_in)
        if out == line:
            continue
        words_out = out.split()
        if len(words_out) == len(words_in):
            syl_changed += sum(1 for a, b in zip(words_in, words_out) if a != b)
        else:
            syl_changed += abs(len(words_out) - len(words_in)) or 1
        if len(out) == len(line):
            chars_changed += sum(1 for a, b in zip(line, out) if a != b)
        else:
            sm = difflib.SequenceMatcher(None, line, out, autojunk=False)
            chars_changed += sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes()
                                 if op != "equal")
    return syl_changed, chars_changed, syl_total


def underthesea_normalize():
    try:
        from underthesea import text_normalize
    except ImportError:
        return None
    return text_normalize


def pyvi_remove_accents():
    try:
        from pyvi import ViUtils
    except ImportError:
        return None
    return ViUtils.remove_accents


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_common_args(parser, default_mb=10.0)
    parser.add_argument("--underthesea-mb", type=float, default=1.0,
                        help="size of the subset given to underthesea, line by line "
                        "(default: %(default)s; 0 skips it)")
    args = parse_args(parser, argv)

    print("== bench_normalize")
    print_environment(["vntext", "underthesea", "underthesea-core", "pyvi"])
    print("utf8proc         %s (Unicode %s); Python unicodedata: Unicode %s"
          % (vntext.UTF8PROC_VERSION, vntext.UNICODE_VERSION, unicodedata.unidata_version))

    base_lines = read_seg_lines(args.data)
    text, lines = load_corpus(args.data, args.mb)
    nbytes = utf8_len(text)
    print("data             %s: %d sentences, repeated to %d lines, %.2f MB (%d chars)"
          % (args.data, len(base_lines), len(lines), nbytes / MB, len(text)))
    print("timing           best of %d runs (after 1 warm-up), time.perf_counter, one thread"
          % args.repeat)
    print()

    # Every run gets a fresh str (setup, untimed): CPython caches the UTF-8
    # form of a str once asked for it, so timing one object again and again
    # would hide the str -> UTF-8 cost that every real call pays.
    def fresh():
        return fresh_copy(text)

    results = []
    t, nfc_out = best_of(lambda s: unicodedata.normalize("NFC", s), args.repeat, setup=fresh)
    nfc = Result("unicodedata NFC", nbytes, t,
                 "baseline; this corpus is not all NFC: full NFC pass")
    results.append(nfc)

    t, _ = best_of(lambda s: unicodedata.normalize("NFC", s), args.repeat,
                   setup=lambda: fresh_copy(nfc_out))
    nfc_fast = Result("unicodedata NFC, NFC input", utf8_len(nfc_out), t,
                      "quick-check path: nothing to compose")
    results.append(nfc_fast)

    t, _ = best_of(lambda s: s.encode("utf-8").decode("utf-8"), args.repeat, setup=fresh)
    results.append(Result("str->UTF-8->str round trip", nbytes, t,
                          "floor for a binding that converts both ways"))

    t, trad_out = best_of(lambda s: vntext.normalize(s), args.repeat, setup=fresh)
    trad = Result("vntext.normalize traditional", nbytes, t, "default style; rewrites hoà -> hòa")
    results.append(trad)

    t, mod_out = best_of(lambda s: vntext.normalize(s, style="modern"), args.repeat, setup=fresh)
    mod = Result("vntext.normalize modern", nbytes, t, "")
    results.append(mod)

    t, _ = best_of(lambda s: vntext.normalize(s), args.repeat,
                   setup=lambda: fresh_copy(trad_out))
    results.append(Result("vntext.normalize trad., done", utf8_len(trad_out), t,
                          "input already traditional: nothing to change"))

    t, ra_out = best_of(lambda s: vntext.remove_accents(s), args.repeat, setup=fresh)
    results.append(Result("vntext.remove_accents", nbytes, t, ""))

    pyvi_ra = pyvi_remove_accents()
    if pyvi_ra is not None:
        t, _ = best_of(pyvi_ra, args.repeat, setup=fresh)
        results.append(Result("pyvi ViUtils.remove_accents", nbytes, t,
                              "NFKD + drop all non-ASCII; returns bytes"))
    else:
        results.append(Result("pyvi ViUtils.remove_accents", 0, None, "pyvi not installed"))

    uts = None
    uts_fn = underthesea_normalize()
    if uts_fn is None:
        results.append(Result("underthesea text_normalize", 0, None, "underthesea not installed"))
    elif args.underthesea_mb > 0:
        sub = repeat_lines(base_lines, int(args.underthesea_mb * MB))
        sub_bytes = sum(utf8_len(line) + 1 for line in sub)
        # underthesea normalizes one sentence at a time (it tokenizes, maps
        # each token, and joins the tokens with single spaces), so it is
        # called per line, on a subset, and fewer runs (it is slow).
        t, _ = best_of(lambda: [uts_fn(line) for line in sub], repeat=3, warmup=0)
        uts = Result("underthesea text_normalize", sub_bytes, t,
                     "one call per sentence (its unit), %.1f MB subset, best of 3"
                     % (sub_bytes / MB))
        results.append(uts)

    print_results(results, baseline=nfc)
    print()

    print("ratios (MB/s over MB/s; targets from the issue in brackets)")
    for r in (trad, mod):
        q = ratio(r, nfc)
        line = "  %-30s vs NFC: %sx [>= %gx] (vs NFC of NFC input: %sx)" % (
            r.name, fmt_num(q, 2), TARGET_VS_NFC, fmt_num(ratio(r, nfc_fast), 2))
        if uts is not None:
            q2 = ratio(r, uts)
            line += "   vs underthesea: %sx [>= %gx]" % (fmt_num(q2, 1), TARGET_VS_UNDERTHESEA)
        print(line)
    print()

    # Sanity figures, on one copy of the corpus (not the repeated text).
    print("sanity (one copy of the corpus, %d sentences)" % len(base_lines))
    for name, fn in (("traditional", vntext.normalize),
                     ("modern", lambda s: vntext.normalize(s, style="modern"))):
        syl, chars, total = changed_figures(base_lines, fn)
        print("  normalize %-11s changed %6d of %d syllables (%.2f%%), %d characters"
              % (name, syl, total, 100.0 * syl / total, chars))
    left = sorted({c for c in ra_out if not c.isascii()})
    print("  NFC changed the text: %s; characters remove_accents left non-ASCII: %d kinds %s"
          % (nfc_out != text, len(left), " ".join(left[:20])))
    print("  normalize idempotent on the whole text: traditional %s, modern %s"
          % (vntext.normalize(trad_out) == trad_out,
             vntext.normalize(mod_out, style="modern") == mod_out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
