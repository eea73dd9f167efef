"""Sentence splitting: F1 over sentence spans and speed, vntext against
underthesea's sent_tokenize, same script, same documents.

    bash bench/run.sh                                  # dev split
    python bench/bench_sentences.py [--split dev|test] [--mb 2] [--repeat 5]
    python bench/bench_sentences.py --errors 30        # print some dev errors

Gold: data/sentences/<split>.jsonl, one document a line with its "text" and
its "sentences" (each a substring of the text, in order). A sentence is
scored as a span of character offsets; a predicted span counts when it is
exactly a gold span. Precision, recall and F1 are over all spans of the
split; "docs" is the share of documents whose spans are all right.

underthesea's sent_tokenize returns strings, not offsets, and may change
spacing inside a sentence. Its sentences are aligned to the text by their
characters that are not white space: the k-th predicted sentence covers the
next m non-space characters of the text, m being its own count of them, and
its span runs from the first of those characters to the last. The script
checks that those characters are the same as the sentence's, and reports how
many sentences differ (none did with underthesea 9.5.0); a sentence that
differs is still aligned by its count, so one mismatch cannot shift the rest.

Speed: the documents of the split, joined by line breaks and repeated to
about --mb MB, split by each function; MB of UTF-8 input per second, best
of --repeat runs, one thread, a fresh str each run. The issue's target:
vntext at least 20x underthesea. The test split is for the final figure
only: run it once.

--gold FILE scores another file of the same format instead of a split (held-out
documents, for instance), and times the splitters on its text.
"""

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from common import (  # noqa: E402
    MB,
    SHARED,
    VLSP_TEST,
    Result,
    add_common_args,
    best_of,
    fresh_copy,
    fmt_num,
    print_environment,
    print_results,
    print_table,
    ratio,
    upper_same_length,
    utf8_len,
)

import vntext  # noqa: E402

SENT_DIR = os.path.join(SHARED, "data", "sentences")


FORMAT = 'one document a JSON line: {"doc": ..., "text": ..., "sentences": [...]}'


def load_docs(path):
    """The documents of a *.jsonl gold file (a byte order mark is allowed);
    a line that is not such a document stops the run with its number."""
    docs = []
    try:
        with open(path, encoding="utf-8-sig") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    d = json.loads(line)
                except ValueError as e:
                    raise SystemExit("%s line %d is not JSON (%s); the gold is %s" % (path, n, e, FORMAT))
                if (not isinstance(d, dict) or not isinstance(d.get("text"), str) or
                        not isinstance(d.get("sentences"), list) or
                        not all(isinstance(x, str) for x in d["sentences"])):
                    raise SystemExit("%s line %d: the gold is %s" % (path, n, FORMAT))
                docs.append(d)
    except UnicodeDecodeError as e:
        raise SystemExit("%s is not UTF-8: %s" % (path, e))
    if not docs:
        raise SystemExit("%s holds no document; the gold is %s" % (path, FORMAT))
    return docs


class NotInText(ValueError):
    """A gold sentence that is not in its document's text, verbatim and in
    order."""


def gold_spans(doc):
    """The spans of doc's gold sentences in its text, in order (a sentence
    with white space around it is found without it)."""
    text, pos, spans = doc["text"], 0, []
    for s in doc["sentences"]:
        s = s.strip()
        if not s:
            continue
        i = text.find(s, pos)
        if i < 0:
            raise NotInText("gold sentence not in its text (%s): %r" % (doc.get("doc"), s[:60]))
        spans.append((i, i + len(s)))
        pos = i + len(s)
    return spans


def usable_docs(docs):
    """The documents whose gold sentences are all in their text, and a
    warning on stderr for each one left out (the splitters are scored on
    the same documents)."""
    kept = []
    for d in docs:
        try:
            gold_spans(d)
            kept.append(d)
        except NotInText as e:
            print("bench_sentences: document left out: %s" % e, file=sys.stderr)
    if len(kept) < len(docs):
        print("bench_sentences: %d of %d documents left out (a gold sentence not found "
              "verbatim in the text)" % (len(docs) - len(kept), len(docs)), file=sys.stderr)
    if not kept:
        raise SystemExit("no document to score")
    return kept


def align(text, sentences):
    """Spans of sentences (strings, in order) in text, by their non-space
    characters. Returns (spans, mismatched sentences)."""
    nonspace = [i for i, c in enumerate(text) if not c.isspace()]
    spans, k, bad = [], 0, 0
    for s in sentences:
        chars = [c for c in s if not c.isspace()]
        if not chars:
            continue
        m = len(chars)
        if k + m > len(nonspace):
            bad += 1
            m = len(nonspace) - k
            if m <= 0:
                break
        idx = nonspace[k:k + m]
        if [text[i] for i in idx] != chars[:m]:
            bad += 1
        spans.append((idx[0], idx[-1] + 1))
        k += m
    return spans, bad


def score(docs, predict):
    """(precision, recall, f1, docs right, mismatches, errors) of predict:
    doc text -> (spans, mismatched)."""
    tp = npred = ngold = right = mism = 0
    errors = []
    for d in docs:
        gold = gold_spans(d)
        pred, bad = predict(d["text"])
        mism += bad
        g, p = set(gold), set(pred)
        hit = len(g & p)
        tp += hit
        npred += len(p)
        ngold += len(g)
        right += g == p
        if g != p:
            errors.append((d, sorted(g - p), sorted(p - g)))
    prec = tp / npred if npred else 0.0
    rec = tp / ngold if ngold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1, right, mism, errors


def vntext_predict(text):
    return vntext.sent_spans(text), 0


def underthesea_fn():
    try:
        from underthesea import sent_tokenize
    except ImportError:
        return None
    return sent_tokenize


def show_errors(errors, limit):
    """Each wrong boundary with some context: '<+>' a boundary that the
    gold lacks, '<->' a gold boundary that was missed."""
    shown = 0
    for d, missed, extra in errors:
        text = d["text"]
        gold_ends = {b for a, b in missed}
        pred_ends = {b for a, b in extra}
        for pos in sorted(gold_ends ^ pred_ends):
            if shown >= limit:
                return
            mark = "<+>" if pos in pred_ends else "<->"
            print("  %s %s" % (mark, (text[max(0, pos - 60):pos] + mark +
                                      text[pos:pos + 40]).replace("\n", "|")))
            shown += 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_common_args(parser, default_mb=2.0)
    parser.add_argument("--split", choices=["dev", "test", "train"], default="dev",
                        help="gold split to score (default: dev; test only for the final figure)")
    parser.add_argument("--gold", metavar="FILE",
                        help="a *.jsonl file of documents in the format of data/sentences/ "
                        "to score instead of --split")
    parser.add_argument("--errors", type=int, default=0,
                        help="print up to this many vntext errors")
    args = parser.parse_args(argv)
    if args.repeat < 3:
        parser.error("--repeat must be at least 3")
    if args.gold:
        path = args.gold
    elif args.data != VLSP_TEST and args.data.endswith(".jsonl"):
        path = args.data  # bench/run.sh --data FILE.jsonl, as before --gold
    else:
        path = os.path.join(SENT_DIR, args.split + ".jsonl")
    if not os.path.isfile(path):
        parser.error("no gold file at %s" % path)
    docs = usable_docs(load_docs(path))
    print_environment(["vntext", "underthesea"])
    print("gold             %s: %d documents, %d sentences" % (
        os.path.relpath(path, SHARED), len(docs), sum(len(d["sentences"]) for d in docs)))
    print()

    ut = underthesea_fn()
    systems = [("vntext.sent_spans", vntext_predict)]
    if ut is not None:
        systems.append(("underthesea.sent_tokenize", lambda t: align(t, ut(t))))
    rows = []
    vnt_errors = []
    for name, fn in systems:
        p, r, f, right, mism, errors = score(docs, fn)
        if name.startswith("vntext"):
            vnt_errors = errors
        rows.append([name, "%.2f" % (100 * p), "%.2f" % (100 * r), "%.2f" % (100 * f),
                     "%d/%d" % (right, len(docs)), str(mism)])
    if ut is None:
        rows.append(["underthesea.sent_tokenize", "-", "-", "-", "-", "not installed"])
    print_table(["splitter", "P", "R", "F1", "docs right", "misaligned"], rows)
    print()

    # the same documents put in lower case, and in capitals (same spans)
    cased = [("lower case", str.lower), ("capitals", upper_same_length)]
    rows = []
    for name, fn in systems:
        row = [name]
        for _, tr in cased:
            f = score([dict(d, text=tr(d["text"]), sentences=[tr(x) for x in d["sentences"]])
                       for d in docs], fn)[2]
            row.append("%.2f" % (100 * f))
        rows.append(row)
    print_table(["splitter"] + ["F1, text in %s" % c for c, _ in cased], rows)
    print()

    # speed
    text = "\n".join(d["text"] for d in docs)
    nb = utf8_len(text)
    reps = max(1, int(args.mb * MB / nb + 0.5))
    text = "\n".join([text] * reps)
    nb = utf8_len(text)
    results = []
    t, res = best_of(vntext.sent_tokenize, args.repeat, setup=lambda: fresh_copy(text))
    ours = Result("vntext.sent_tokenize", nb, t, "%d sentences" % len(res))
    results.append(ours)
    t, res = best_of(vntext.sent_spans, args.repeat, setup=lambda: fresh_copy(text))
    results.append(Result("vntext.sent_spans", nb, t, "%d spans" % len(res)))
    base = None
    if ut is not None:
        t, res = best_of(ut, args.repeat, setup=lambda: fresh_copy(text))
        base = Result("underthesea", nb, t, "%d sentences" % len(res))
        results.append(base)
    print_results(results, baseline=base)
    if base is not None:
        print()
        print("vntext.sent_tokenize is %sx underthesea.sent_tokenize (target: at least 20x)"
              % fmt_num(ratio(ours, base), 1))
    if args.errors:
        print()
        print("vntext errors (%s):" % (args.gold or args.split))
        show_errors(vnt_errors, args.errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
