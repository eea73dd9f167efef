#!/usr/bin/env python3
"""Generate csrc/sentctx_table.h: how often each context of a final mark
ends a sentence in the training gold.

The facts come from data/sentences/train.jsonl (see data/README.md), read
after tools/gen_abbrev.py has written csrc/abbrev_table.h (its abbreviations
and openers are features here). A candidate is a final mark (. ? ! ... or an
abbreviation or initial with its period), with the closing quotes and
brackets written right after it, followed by white space without a line
break and more text. Each candidate gets a context of three classes, the
same that csrc/sentences.c computes from the scanner's tokens:

  before  the token right before the mark: K an abbreviation of the table,
          I an initial in upper case (one ASCII letter or Đ: Á, Ư, Ý are
          words), H one right after another ("N. V."), i one in lower case, D another dotted
          abbreviation (K.T., v.v.), C a word in capitals (two letters or
          more), T a title-case word, L a lower-case word, N a number,
          O an opening bracket or quote, Q a straight quote, P other
          punctuation, X anything else (domain, symbol, ...), S nothing
          (the mark follows white space or starts the sentence);
  mark    . ? ! E (an ellipsis or a run of periods), M (a run of marks such
          as ?! or !!), with c appended when closing quotes or brackets
          follow it;
  after   the token after the white space: U a word in upper case, W one of
          the opener words, A a word in capitals before another ("VÕ
          HƯƠNG") or dotted initials that end the line ("L.A.Đ."), F a word
          in upper case that is not a Vietnamese syllable (a foreign name,
          an acronym), J an initial in upper case, L a lower-case word, l a
          lettered list label ("b."), N a number, n list numbers before an
          upper-case word ("5. Trong", "3. 1. Một"), G a time of day ("7 g
          sáng"), E an ellipsis, Q a straight quote, O an opening bracket or
          quote before a word in upper case, o another, C a closing one,
          , punctuation that continues (, ; :), B a bullet (- + * and
          dashes), X anything else.

For each context the table holds the number of candidates that did and did
not end a gold sentence. The splitter follows the majority of a context
seen at least VNT_SENTCTX_MIN_N times when it is clear (more than
VNT_SENTCTX_PCT percent one way), and its hand rules otherwise. Contexts in
which the data contradicts a hand-written test case are left out
(overruled()).

Only the class codes and counts are written, no text.

    python3 tools/gen_sentctx.py [--data ../shared/data/sentences/train.jsonl]
"""
import argparse
import collections
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
DEFAULT_DATA = os.path.normpath(
    os.path.join(REPO, "..", "shared", "data", "sentences", "train.jsonl"))
ABBREV_H = os.path.join(REPO, "csrc", "abbrev_table.h")
OUT = os.path.join(REPO, "csrc", "sentctx_table.h")

MIN_N = 3  # candidates a context needs before its counts decide
PCT = 70  # the majority must be above this share (percent)
MIN_KEEP = 3  # contexts seen fewer times are not written

# Contexts the data decides against a hand-written test case: the gold joins
# "b. Phân cấp" to the sentence before because it starts in lower case, the
# tests keep the lettered list item apart.
# Also kept by the rules: a dotted abbreviation before a name ("bà K.T.
# Hoa"), a lower-case initial ("b. Phân cấp"), an ellipsis before a
# lower-case word ("tròn? ... thế là").
# And an abbreviation before list numbers (K, ., n): in the gold these are
# all a number after Q. or P. ("ở Q. 12. Người dân" split after "Q.", a fault
# of the gold, data/README.md); the rules keep such a number with the
# abbreviation that takes it and split before the others' list numbers.


def overruled(ctx):
    before, mark, after = ctx
    return (before == "L" and after == "l") or (before == "D" and after == "U") or \
        before == "i" or after == "e" or (before == "K" and after == "n")

FINAL = ".?!\u2026\uff1f\uff01\u203c\u2047\u2048\u2049"
CLOSE = ")]}\u201d\u2019\u00bb\u203a\"'"
OPEN = "([{\u201c\u2018\u00ab\u2039\u201e"
CONT = ",;:\u3001\u3002"
BULLET = "-+*\u2022\u2013\u2014"

# a chunk that ends with final marks and closers: (body)(marks)(closers)
TAIL = re.compile(r"^(.*?)([" + re.escape(FINAL) + r"]+)([" + re.escape(FINAL + CLOSE) + r"]*)$", re.S)


def read_tables(path):
    """The abbreviations and the openers of csrc/abbrev_table.h (from the
    comments that spell them)."""
    abbrevs, openers = set(), set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.search(r"/\* (\S+) \d+ \d+ \*/", line)
            if m:
                abbrevs.add(m.group(1))
                continue
            m = re.search(r"/\* (\S+) \d+ \*/", line)
            if m:
                openers.add(m.group(1))
    return abbrevs, openers


def boundaries(doc):
    text, pos, ends = doc["text"], 0, set()
    for s in doc["sentences"]:
        i = text.find(s, pos)
        if i < 0:
            raise ValueError("sentence not found in %s: %r" % (doc.get("doc"), s[:60]))
        pos = i + len(s)
        ends.add(pos)
    return ends


def word_class(w):
    if w.isupper() and len(w) >= 2:
        return "C"
    if w[0].isupper():
        return "T"
    if w[0].islower():
        return "L"
    return "X"


def before_class(body, marks, abbrevs, prev=""):
    """The class of what comes before the marks in a chunk (prev: the chunk
    before it in the sentence)."""
    if body == "":
        return "S"
    # an abbreviation or initial takes the period: "TP", "N", "v.v", "K.T"
    if marks[0] == ".":
        m = re.search(r"(?:^|(?<=[" + re.escape(OPEN + "\"'") + r"]))([^\W\d_]+(?:\.[^\W\d_]+)*)$", body)
        if m:
            w = m.group(1)
            if w in abbrevs:
                return "K"
            if len(w) == 1 and (w < "\x80" or w in "\u0110\u0111"):
                if w == body and re.match(r"^[A-Z\u0110]\.$", prev) and prev[0] not in abbrevs:
                    return "H"  # an initial after another: "N. V."
                return "I" if w.isupper() else "i"
            parts = w.split(".")
            if len(parts) > 1 and len(parts[-1]) <= 2 and not (w.islower() and len(parts[-1]) == 2):
                return "D"
    c = body[-1]
    if c.isdigit():
        m = re.search(r"[\w.,:/-]+$", body)
        return "N" if m and m.group(0)[0].isdigit() else "X"
    if c.isalpha():
        m = re.search(r"[\w.]+$", body)
        tok = m.group(0)
        if "." in tok.strip("."):
            return "X"  # a domain or a dotted word the scanner keeps whole
        w = re.search(r"[^\W\d_]*$", body).group(0)
        return word_class(w) if w else "X"
    if c in OPEN:
        return "O"
    if c in "\"'":
        return "Q"
    return "P"


def mark_class(marks, closers):
    if marks in (".", "?", "!"):
        k = marks
    elif set(marks) <= {"."} or marks == "\u2026":
        k = "E"
    else:
        k = "M"
    return k + ("c" if closers else "")


TONES = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
SYLLABLE = re.compile(
    "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    "[aăâeêioôơuưy]{1,3}(?:ch|ng|nh|[cmnpt])?$")


def is_syllable(w):
    """Whether w looks like one Vietnamese syllable (the splitter asks
    vnt_syllable_parse; this is a looser test of the same shape)."""
    base = unicodedata.normalize("NFC", unicodedata.normalize("NFD", w.lower()).translate(TONES))
    return SYLLABLE.match(base) is not None


def upper_word_class(w, whole, following, line_end, openers):
    """W an opener, A a word in capitals before another (a signature: "VÕ
    HƯƠNG"), F a word that is not a Vietnamese
    syllable (a foreign name, an acronym), U another word in upper case."""
    if w in openers and whole:
        return "W"
    if w.isupper() and len(w) >= 2 and whole == "exact" and not line_end:
        nxt = re.match(r"[^\W\d_]*", following).group(0)
        if len(nxt) >= 2 and nxt.isupper() and not following[len(nxt):len(nxt) + 1].isalnum() and \
                following[len(nxt):len(nxt) + 1] != ".":
            return "A"
    return "U" if is_syllable(w) else "F"


def after_class(chunk, following, openers, abbrevs=(), line_end=False, labelled=""):
    c = chunk[0]
    if c.isalpha():
        w = re.match(r"[^\W\d_]+", chunk).group(0)
        if c.isupper():
            if chunk[len(w):len(w) + 1] == "." and re.match(r"^(?:[^\W\d_]{1,4}\.)+", chunk):
                # an initial or an abbreviation: "N.", "H.G."
                if len(w) == 1 and w < "\x80" and not chunk[2:3].isalpha():
                    return "J"
                if w in abbrevs:
                    return "U"
                if len(w) == 1 and w == "\u0110" and not chunk[2:3].isalpha():
                    return "J"
                if line_end and re.match(r"^(?:[^\W\d_]{1,4}\.){2,}$", chunk):
                    return "A"
                return "U"
            whole = "exact" if len(chunk) == len(w) else \
                not (chunk[len(w)].isalnum() or chunk[len(w)] == ".")
            return upper_word_class(w, whole, following, line_end, openers)
        if len(w) == 1 and chunk[1:2] == "." and c.islower():
            return "l"
        if "a" <= c <= "z" and "A" <= chunk[1:2] <= "Z" and len(w) >= 3 and w.strip("oO"):
            return "F"  # a brand: "iPhone", "iOS", "eKYC" (camel_word in csrc/sentences.c)
        return "L"
    if c.isdigit():
        if re.match(r"\d[\d.,:/-]*\.$", chunk) and labelled[:1].isupper():
            return "n"
        if re.match(r"\d+$", chunk) and following in ("g", "gi\u1edd"):
            return "G"  # a time of day: "7 g sáng"
        return "N"
    if c == "\u2026" or chunk.startswith(".."):
        return "e" if following[:1].islower() else "E"
    if c in "\"'":
        return "Q"
    if c in OPEN:
        return "O" if chunk[1:2].isupper() else "o"
    if c in CLOSE:
        return "C"
    if c in CONT:
        return ","
    if c in BULLET and len(chunk) <= 3:
        return "B" if following[:1].isupper() else "b"
    return "X"


def candidates(text, abbrevs, openers, ends=()):
    """(end offset, context) of each candidate of text. ends: the gold
    sentence ends, where a list label may open a sentence as at the start of
    a line (the splitter skips labels that open a sentence: "1998. 3. Tác")."""
    chunks = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
    labels = 0  # list labels that open the sentence so far; -1 not at its start
    for k, (a, b) in enumerate(chunks):
        if k == 0 or "\n" in text[chunks[k - 1][1]:a] or chunks[k - 1][1] in ends:
            labels = 0
        chunk = text[a:b]
        first = 0 <= labels < 4
        run, labels = labels, -1
        m = TAIL.match(chunk)
        if not m or k + 1 >= len(chunks):
            continue
        body, marks, closers = m.groups()
        if body.endswith("/") and marks == "." and body[:-1] and body[-2] in FINAL:
            continue  # "./." is handled with the mark before it
        end = b
        nxt = k + 1
        if "\n" in text[b:chunks[nxt][0]]:
            continue
        # a straight quote after a space that closes: `nói... ".`
        q = text[chunks[nxt][0]:chunks[nxt][1]]
        qm = re.match(r"^[\"']([" + re.escape(FINAL + CLOSE) + r"]*)$", q)
        if qm and (nxt + 1 >= len(chunks) or "\n" in text[chunks[nxt][1]:chunks[nxt + 1][0]] or qm.group(1)) \
                and not re.match(r"\u2026|\.\.", qm.group(1)):  # `đây! "... Sau` opens the next one
            end = chunks[nxt][1]
            closers = closers or q
            nxt += 1
            if nxt >= len(chunks) or "\n" in text[end:chunks[nxt][0]]:
                continue
        # a list label that opens a line: "1.", "a.", "IV."
        if first and marks == "." and not closers and re.match(r"^(?:\d+|[a-zA-Z]|[IVX]{1,4})(?:\.\d+)*$", body):
            labels = run + 1  # more labels may follow: "3. 1. Một"
            continue
        after = text[chunks[nxt][0]:chunks[nxt][1]]
        following = text[chunks[nxt + 1][0]:chunks[nxt + 1][1]] if nxt + 1 < len(chunks) else ""
        line_end = nxt + 1 >= len(chunks) or "\n" in text[chunks[nxt][1]:chunks[nxt + 1][0]]
        # what follows up to three list labels ("3. 1. Một", "1. \"Trang"), without an opening quote
        labelled, q = "", nxt
        for _ in range(3):
            if not re.match(r"\d[\d.,:/-]*\.$", text[chunks[q][0]:chunks[q][1]]) or q + 1 >= len(chunks) \
                    or "\n" in text[chunks[q][1]:chunks[q + 1][0]]:
                break
            q += 1
            labelled = text[chunks[q][0]:chunks[q][1]].lstrip(OPEN + "\"'")
        # the context's mark is the last run of marks: "...)." is a period
        runs = re.findall("[" + re.escape(FINAL) + "]+", marks + closers)
        prev = text[chunks[k - 1][0]:chunks[k - 1][1]] if k > 0 and labels < 0 and \
            "\n" not in text[chunks[k - 1][1]:a] and chunks[k - 1][1] not in ends else ""
        yield end, (before_class(body, marks, abbrevs, prev), mark_class(runs[-1], closers),
                    after_class(after, following, openers, abbrevs, line_end, labelled))


def count(path, abbrevs, openers):
    stats = collections.defaultdict(lambda: [0, 0])  # context -> [ends, goes on]
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            ends = boundaries(doc)
            for end, ctx in candidates(doc["text"], abbrevs, openers, ends):
                stats[ctx][0 if end in ends else 1] += 1
    return stats


def decision(ends, goes_on, min_n, pct):
    """1 ends, 0 goes on, -1 undecided: the majority of a context seen at
    least min_n times when it is more than pct percent one way."""
    tot = ends + goes_on
    if tot < min_n:
        return -1
    if ends * 100 > pct * tot:
        return 1
    if goes_on * 100 > pct * tot:
        return 0
    return -1


def code_map(name, codes):
    """A C array from a class code (an ASCII character) to its index, from
    1; 0 for a code the table does not have."""
    lines = ["static const unsigned char %s[128] = {" % name]
    items = ["[%s] = %d" % (c_char(c), k + 1) for k, c in enumerate(codes)]
    for k in range(0, len(items), 8):
        lines.append("    " + ", ".join(items[k:k + 8]) + ",")
    return lines + ["};"]


def c_char(c):
    assert len(c) == 1 and " " < c < "\x7f", c
    return "'\\''" if c == "'" else "'\\\\'" if c == "\\" else "'%s'" % c


def dense_lines(keys, stats, min_n, pct):
    """The decisions of every context as one array, indexed by the class
    codes' indices (code_map; 0 for a code not in the table, whose row is
    all -1): ((before * NM + mark) * 2 + closed) * NA + after."""
    bcodes = sorted({b for b, m, a in keys})
    mcodes = sorted({m[0] for b, m, a in keys})
    acodes = sorted({a for b, m, a in keys})
    nb, nm, na = len(bcodes) + 1, len(mcodes) + 1, len(acodes) + 1
    table = [-1] * (nb * nm * 2 * na)
    for k in keys:
        b, m, a = k
        x = ((bcodes.index(b) + 1) * nm + mcodes.index(m[0]) + 1) * 2 + m.endswith("c")
        table[x * na + acodes.index(a) + 1] = decision(stats[k][0], stats[k][1], min_n, pct)
    lines = ["/* The decision of each context (1 ends, 0 goes on, -1 the rules decide),",
             " * by the indices of its codes: see learned() in sentences.c. */",
             "#define VNT_SENTCTX_NB %d" % nb,
             "#define VNT_SENTCTX_NM %d" % nm,
             "#define VNT_SENTCTX_NA %d" % na]
    lines += code_map("vnt_sentctx_before", bcodes)
    lines += code_map("vnt_sentctx_mark", mcodes)
    lines += code_map("vnt_sentctx_after", acodes)
    lines.append("static const signed char vnt_sentctx_decision[%d] = {" % len(table))
    for k in range(0, len(table), na):
        lines.append("    " + ", ".join("%d" % x for x in table[k:k + na]) + ",")
    return lines + ["};", ""]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--abbrev", default=ABBREV_H,
                    help="the abbreviation table to read (default: csrc/abbrev_table.h)")
    ap.add_argument("--min-n", type=int, default=MIN_N)
    ap.add_argument("--pct", type=int, default=PCT)
    args = ap.parse_args()
    if not os.path.isfile(args.data):
        sys.exit("gen_sentctx.py: no data at %s (pass --data)" % args.data)
    abbrevs, openers = read_tables(args.abbrev)
    stats = count(args.data, abbrevs, openers)
    keys = sorted((k for k, v in stats.items() if sum(v) >= MIN_KEEP and not overruled(k)),
                  key=lambda k: (k[0], k[1][0], k[1].endswith("c"), k[2]))
    rel = os.path.relpath(args.data, os.path.join(REPO, "..", "shared"))
    lines = [
        "/* generated by tools/gen_sentctx.py from %s; do not edit */" % rel.replace(os.sep, "/"),
        "/* Contexts of a final mark (before, mark, closers, after: class codes,",
        " * see tools/gen_sentctx.py) with how often they did / did not end a",
        " * sentence in the training gold, the majority deciding when a context",
        " * was seen at least VNT_SENTCTX_MIN_N times and more than VNT_SENTCTX_PCT",
        " * percent of them went one way:",
        " *",
    ]
    for k in keys:
        b, m, a = k
        e, g = stats[k]
        lines.append(" *   %s %s %d %s  %5d %5d" % (b, m[0], 1 if m.endswith("c") else 0, a, e, g))
    lines += [
        " */",
        "#ifndef VNT_SENTCTX_TABLE_H",
        "#define VNT_SENTCTX_TABLE_H",
        "",
        "#define VNT_SENTCTX_MIN_N %d" % args.min_n,
        "#define VNT_SENTCTX_PCT %d" % args.pct,
        "#define VNT_SENTCTX_COUNT %d" % len(keys),
        "",
    ]
    lines += dense_lines(keys, stats, args.min_n, args.pct)
    lines += ["#endif /* VNT_SENTCTX_TABLE_H */", ""]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print("%s: %d contexts" % (os.path.relpath(args.out, REPO), len(keys)))


if __name__ == "__main__":
    main()
