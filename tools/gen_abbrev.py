#!/usr/bin/env python3
"""Generate csrc/abbrev_table.h: abbreviations that a period does not end.

The facts come from the sentence-splitting gold, data/sentences/train.jsonl
(one document a line: "text" and its "sentences"; see data/README.md). For
every word written just before a period that is followed by a space and a
word that could start a sentence (upper case, a digit, an opening quote or
bracket), the gold tells whether the period ended the sentence. A word
(letters only, at most one internal period) is kept when the period after it
did not end the sentence at least MIN_KEEP times (MIN_KEEP_LETTER for a
single letter) and at most once in MAX_BREAK_RATIO of its uses. Other
letters with a period are initials, which the splitter judges by their
context. A few well-known titles are added by hand
(HAND_WORDS), whatever their count.

A second list holds sentence openers: title-case words that start at least
MIN_OPENER gold sentences and follow an abbreviation of the table or an
initial inside a sentence at most once in OPENER_RATIO of those (so no
place name after "TP." is one; PLACE_HEADS are left out by hand). An abbreviation
followed by an opener ends the sentence ("... cho TP. Theo ông ...").

A third list holds sentence starters for text without capitals: words (in
lower case, letters only) that start at least MIN_STARTER gold sentences
and more than STARTER_SHARE of all their uses. In a text put in lower case,
a word after an ellipsis or an initial starts a sentence only if it is one
("... sau đó tôi về", but "... gây ra", "anh t. cười"): in the gold, a word
after an ellipsis starts a sentence when it is in upper case, and the case
is gone.

A fourth list holds the abbreviations of the table that take a number
(Q. 12, P. 5: quận, phường): a number follows at least NUMBERED_SHARE of
their periods before a word that could start a sentence, and at least
MIN_KEEP_LETTER times, or they are in HAND_NUMBERED. A number
after one is its complement, not a list number that opens a sentence:
"ở Q. 12. Người dân" ends after "12.", not after "Q." (the gold puts the
boundary after "Q." there, one of its known faults: data/README.md).

Only the strings and their counts are written, no text.

    python3 tools/gen_abbrev.py [--data ../shared/data/sentences/train.jsonl]
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
OUT = os.path.join(REPO, "csrc", "abbrev_table.h")

MIN_KEEP = 3
MIN_KEEP_LETTER = 10  # a single letter (Q. for quận, P. for phường) needs more
MAX_BREAK_RATIO = 0.2
MAX_LEN = 12  # bytes of UTF-8
MIN_OPENER = 40
OPENER_RATIO = 50  # starts at least this many times as often as it follows an abbreviation
NUMBERED_SHARE = 0.25  # of the periods before a word that could start a sentence:
                       # Q. 224 of 329 before a number, P. 90 of 141, H. 1 of 17
MIN_STARTER = 3
STARTER_SHARE = 0.02  # chosen on dev in lower case: 246 of its 375 ellipses before a word
                      # right, against 214 when every such word starts a sentence

# Titles and place words that are abbreviated before a name or a number in
# Vietnamese news, whether or not the training text has enough of them.
HAND_WORDS = [
    "TP", "Tp", "tp", "TX", "Tx", "GS", "PGS", "TS", "ThS", "Th.S", "BS", "KS",
    "NXB", "TSKH", "GS.TS", "PGS.TS", "GS.TSKH", "Mr", "Mrs", "Ms", "Dr",
    "Tr", "tr", "Nh", "Ng", "Ph", "Kh", "Ch", "Gi", "Qu", "vs", "Jr", "Sr", "KP",
    "Ths", "KTS", "NSND", "NSƯT", "NGND", "NGƯT",
    # signature blocks of official documents: thay mặt, ký thay, thừa lệnh,
    # thừa ủy quyền ("TM. UBND TỈNH", "KT. BỘ TRƯỞNG")
    "TM", "KT", "TL", "TUQ",
    # titles before a name: dược sĩ, điều dưỡng, huấn luyện viên,
    # linh mục, bác sĩ chuyên khoa I/II, phó giáo sư tiến sĩ khoa học
    "DS", "ĐD", "HLV", "Lm", "Bs", "BSCKI", "BSCKII", "BS.CKI", "BS.CKII", "PGS.TSKH",
    # thị trấn before its name ("TT. Sa Pa"); ví dụ; citations ("Nguyễn et
    # al. (2020)", "Nguyễn và cs. (2018)", "Fig. 1")
    "TT", "Tt", "Vd", "al", "cs", "Fig", "fig",
    # ví dụ, nhà xuất bản, những người khác ("Nguyễn và nnk.")
    "vd", "Nxb", "nnk",
]

# Abbreviations outside news, which the training text lacks, known only as
# written here: in a text without capitals, where the others are read in
# any case ("gs." as GS.), these would be Vietnamese words ("gen." is gen,
# a gene; "no." is no, full). English titles and place words before a
# name ("St. Petersburg", "Prof. Lee", "Gov. Newsom", "Mt. Everest"),
# which encyclopedic and bilingual text keeps, and citations and
# references ("p. 12", "pp. 123-130", "Vol. 12, No. 3", "cf.", "i.e.",
# "e.g.", "Proc. ACL"). Left out: words that also end sentences (Co.,
# Inc., Ltd., Corp., etc.), Vietnamese words in title case (Ca, Sen: làng
# Sen) and one letter that is also a variable or a unit (x., đ.).
HAND_AS_WRITTEN = [
    "St", "Mt", "Ft", "Prof", "Gen", "Col", "Capt", "Lt", "Sgt", "Rev", "Pres", "Gov",
    "Mme", "Mlle", "Fr", "Univ", "Dept", "Assoc", "Bros", "Ave",
    "No", "Vol", "vol", "p", "pp", "cf", "Proc", "approx", "i.e", "e.g", "Cty",
]

# Abbreviations that take a number, whatever the counts: KP. 3 (khu phố, an
# address of Ho Chi Minh City's wards, next to P. and Q.), tr. 15 (trang, a
# page), Fig. 1 (a figure): the training text has too few of them.
HAND_NUMBERED = ["KP", "tr", "Fig", "fig", "No", "Vol", "vol", "p", "pp"]

# First words of Vietnamese place names, which follow TP., Q., P. (thành phố,
# quận, phường) in running text: never openers, whatever the counts say.
PLACE_HEADS = set("""
An Bạc Biên Bình Buôn Bắc Bến Cà Cần Đà Đông Đồng Gò Hà Hải Hạ Hòa Hoà Hồ Huế
Hưng Kiên Kon Lạng Long Mỹ Nam Nha Ninh Phan Phú Pleiku Quảng Quy Rạch Sóc Sơn
Tây Tân Thanh Thái Thủ Trà Tuy Việt Vinh Vĩnh Vũng Yên
""".split())

WORD = re.compile(r"^[^\W\d_]+(?:\.[^\W\d_]+)?$")
LETTERS = re.compile(r"\w+")
CAND = re.compile(r"(\S+)\.(?=[ \t]+(\S))")
OPENERS = "([{\"'\u201c\u2018\u00ab"


def boundaries(doc):
    """Character offsets in doc["text"] where a gold sentence ends."""
    text, pos, ends = doc["text"], 0, set()
    for s in doc["sentences"]:
        i = text.find(s, pos)
        if i < 0:
            raise ValueError("sentence not found in %s: %r" % (doc.get("doc"), s[:60]))
        pos = i + len(s)
        ends.add(pos)
    return ends


# an abbreviation or initial: upper-case initial, at most four letters, a period
AFTER_ABBREV = re.compile(r"(?<![\w.])((?:[^\W\d_]{1,4}\.)+)[ \t]+([^\W\d_]+)")


def count(path):
    stats = collections.defaultdict(lambda: [0, 0])  # word -> [kept, ended]
    starts = collections.Counter()  # first words of gold sentences
    inside = collections.Counter()  # (abbreviation, next word), no boundary
    lstart = collections.Counter()  # first words of gold sentences, in lower case
    lother = collections.Counter()  # the other words, in lower case
    numbered = collections.Counter()  # word -> periods after it before a number
    with open(path, encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            ends = boundaries(doc)
            for sent in doc["sentences"]:
                w = sent.split()
                if w:
                    starts[w[0]] += 1
                words = [x.lower() for x in LETTERS.findall(sent)]
                if words:
                    lstart[words[0]] += 1
                    lother.update(words[1:])
            for m in AFTER_ABBREV.finditer(doc["text"]):
                gap = doc["text"][:m.start(1)].rstrip()
                if len(gap) not in ends:
                    inside[m.group(1)[:-1], m.group(2)] += 1
            for m in CAND.finditer(doc["text"]):
                word = m.group(1).lstrip(OPENERS)
                nxt = m.group(2)[0]
                if not WORD.match(word):
                    continue
                if not (nxt.isupper() or nxt.isdigit() or nxt in OPENERS):
                    continue
                stats[word][m.end() in ends] += 1
                numbered[word] += nxt.isdigit()
    return stats, starts, inside, lstart, lother, numbered


def choose_starters(lstart, lother, min_starter=MIN_STARTER, share=STARTER_SHARE):
    """Lower-case words that start at least min_starter sentences and more
    than share of all their uses."""
    return {w: n for w, n in lstart.items()
            if n >= min_starter and n > share * (n + lother[w]) and w.isalpha()}


def choose_openers(starts, inside, abbrevs, min_opener=MIN_OPENER, ratio=OPENER_RATIO):
    """Title-case words that start at least MIN_OPENER sentences and follow
    an abbreviation of the table, or an initial, inside a sentence at most
    once in OPENER_RATIO of those starts."""
    after = collections.Counter()
    for (abbr, word), n in inside.items():
        last = abbr.split(".")[-1]
        if abbr in abbrevs or (len(last) == 1 and last.isupper()):
            after[word] += n
    return {w: n for w, n in starts.items()
            if n >= min_opener and after[w] * ratio <= n and w.isalpha() and w.istitle()
            and w not in PLACE_HEADS}


def c_string(s):
    """A C string literal of s: ASCII as is, other bytes as hex escapes; a
    hex digit right after an escape starts a new literal ("\\xbf" "c")."""
    out, escaped = [], False
    for c in s:
        if 32 <= ord(c) < 127 and c not in '"\\':
            if escaped and c in "0123456789abcdefABCDEF":
                out.append('" "')
            out.append(c)
            escaped = False
        else:
            out.append("".join("\\x%02x" % b for b in c.encode("utf-8")))
            escaped = True
    return '"' + "".join(out) + '"'


def fnv1a(b):
    """32-bit FNV-1a of bytes b, as vnt__word_in in csrc/internal.h."""
    h = 2166136261
    for x in b:
        h = ((h ^ x) * 16777619) & 0xFFFFFFFF
    return h


def hash_table(name, words):
    """Lines of an open-addressing table over words (their indexes, -1 for
    an empty slot): at least four times as many slots as words (a lookup that
    misses, most of them, stops at an empty slot soon), a power of two;
    a word goes to the first empty slot from its FNV-1a hash on."""
    size = 16
    while size < 4 * len(words):
        size *= 2
    slots = [-1] * size
    for k, w in enumerate(words):
        i = fnv1a(w.encode("utf-8")) & (size - 1)
        while slots[i] >= 0:
            i = (i + 1) & (size - 1)
        slots[i] = k
    lines = [
        "#define %s_HASH_SIZE %d" % (name.upper(), size),
        "static const short %s_hash[%d] = {" % (name, size),
    ]
    for k in range(0, size, 16):
        lines.append("    " + ", ".join("%d" % x for x in slots[k:k + 16]) + ",")
    return lines + ["};", ""]


# A vowel pair oa, oe, uy at the end of a word with the tone on its first
# vowel: the traditional tone style (hòa, thủy).
TRADITIONAL = re.compile("(?:[\u00f2\u00f3\u1ecf\u00f5\u1ecd][ae]|[\u00f9\u00fa\u1ee7\u0169\u1ee5]y)$",
                         re.IGNORECASE)


def check_spelling(words):
    """The C code looks words up as written and, for a word spelled
    otherwise, in NFC and the modern tone style (vnt__word_in_canonical):
    the tables must hold that form."""
    for w in words:
        if unicodedata.normalize("NFC", w) != w or TRADITIONAL.search(w.lower()):
            sys.exit("gen_abbrev.py: %r is not in NFC and the modern tone style" % w)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--min-opener", type=int, default=MIN_OPENER)
    ap.add_argument("--opener-ratio", type=int, default=OPENER_RATIO)
    args = ap.parse_args()
    if not os.path.isfile(args.data):
        sys.exit("gen_abbrev.py: no data at %s (pass --data)" % args.data)
    stats, starts, inside, lstart, lother, numbered = count(args.data)
    chosen = {}
    for w, (kept, ended) in stats.items():
        need = MIN_KEEP_LETTER if len(w) == 1 else MIN_KEEP
        if kept >= need and ended <= MAX_BREAK_RATIO * (kept + ended):
            chosen[w] = (kept, ended)
    for w in HAND_WORDS + HAND_AS_WRITTEN:
        chosen.setdefault(w, tuple(stats.get(w, (0, 0))))
    words = sorted((w for w in chosen if len(w.encode("utf-8")) <= MAX_LEN),
                   key=lambda w: w.encode("utf-8"))
    openers = choose_openers(starts, inside, set(words), args.min_opener, args.opener_ratio)
    rel = os.path.relpath(args.data, os.path.join(REPO, "..", "shared"))
    lines = [
        "/* generated by tools/gen_abbrev.py from %s; do not edit */" % rel.replace(os.sep, "/"),
        "/* Abbreviations that a period does not end (case-sensitive), sorted by",
        " * their UTF-8 bytes, found by hash (below). Counts: how often the period after",
        " * the word did not / did end a sentence in the training gold, when a word",
        " * that could start a sentence followed (0 0: added by hand). */",
        "#ifndef VNT_ABBREV_TABLE_H",
        "#define VNT_ABBREV_TABLE_H",
        "",
        "#define VNT_ABBREV_COUNT %d" % len(words),
        "#define VNT_ABBREV_MAX_LEN %d" % MAX_LEN,
        "",
        "static const char *const vnt_abbrev[VNT_ABBREV_COUNT] = {",
    ]
    for w in words:
        kept, ended = chosen[w]
        lines.append("    %s, /* %s %d %d */" % (c_string(w), w, kept, ended))
    lines += ["};", ""]
    lines += ["/* The same words by hash: indexes into vnt_abbrev, -1 empty. */"]
    lines += hash_table("vnt_abbrev", words)
    ops = sorted(openers, key=lambda w: w.encode("utf-8"))
    lines += [
        "/* Words that start a sentence after an abbreviation or an initial: they",
        " * start many training sentences and never follow an abbreviation inside",
        " * one. Sorted by UTF-8 bytes. Count: sentences they start. */",
        "#define VNT_OPENER_COUNT %d" % len(ops),
        "",
        "static const char *const vnt_openers[VNT_OPENER_COUNT] = {",
    ]
    for w in ops:
        lines.append("    %s, /* %s %d */" % (c_string(w), w, openers[w]))
    lines += ["};", ""]
    lines += ["/* The same words by hash: indexes into vnt_openers, -1 empty. */"]
    lines += hash_table("vnt_opener", ops)
    starters = choose_starters(lstart, lother)
    sts = sorted(starters, key=lambda w: w.encode("utf-8"))
    lines += [
        "/* Words that may start a sentence after an ellipsis or an initial in a",
        " * text without capitals: in lower case, they start at least %d training" % MIN_STARTER,
        " * sentences and more than %g%% of their uses. Sorted by UTF-8 bytes." % (100 * STARTER_SHARE),
        " * STARTER_SHARE was chosen on ellipses (tools/gen_abbrev.py). */",
        "#define VNT_STARTER_COUNT %d" % len(sts),
        "",
        "static const char *const vnt_starters[VNT_STARTER_COUNT] = {",
    ]
    for w in sts:
        # not "/* word n n */", which tools/gen_sentctx.py reads as an abbreviation
        lines.append("    %s, /* %s: %d starts, %d other */" % (c_string(w), w, starters[w], lother[w]))
    lines += ["};", ""]
    lines += ["/* The same words by hash: indexes into vnt_starters, -1 empty. */"]
    lines += hash_table("vnt_starter", sts)
    nums = [w for w in words if w in HAND_NUMBERED or (numbered[w] >= MIN_KEEP_LETTER and
            numbered[w] >= NUMBERED_SHARE * sum(stats.get(w, (0, 0))))]
    lines += [
        "/* Abbreviations of the table that take a number (\"Q. 12\"): a number",
        " * follows at least %g%% of their periods in the training text. Sorted by" % (100 * NUMBERED_SHARE),
        " * UTF-8 bytes. Counts: periods before a number, of those before a word",
        " * that could start a sentence. */",
        "#define VNT_NUMBERED_COUNT %d" % len(nums),
        "",
        "static const char *const vnt_numbered[VNT_NUMBERED_COUNT] = {",
    ]
    for w in nums:
        # not "/* word n n */", which tools/gen_sentctx.py reads as an abbreviation
        lines.append("    %s, /* %s: %d of %d */" % (c_string(w), w, numbered[w], sum(stats[w])))
    lines += ["};", ""]
    lines += ["/* The same words by hash: indexes into vnt_numbered, -1 empty. */"]
    lines += hash_table("vnt_numbered", nums)
    written = sorted((w for w in HAND_AS_WRITTEN if w in words), key=lambda w: w.encode("utf-8"))
    lines += [
        "/* Abbreviations of the table known only as written: in a text without",
        " * capitals, which reads the others in any case, these are words",
        " * (HAND_AS_WRITTEN of tools/gen_abbrev.py). Sorted by UTF-8 bytes. */",
        "#define VNT_AS_WRITTEN_COUNT %d" % len(written),
        "",
        "static const char *const vnt_as_written[VNT_AS_WRITTEN_COUNT] = {",
    ]
    for w in written:
        lines.append("    %s," % c_string(w))
    lines += ["};", ""]
    lines += ["/* The same words by hash: indexes into vnt_as_written, -1 empty. */"]
    lines += hash_table("vnt_as_written", written)
    lines += ["#endif /* VNT_ABBREV_TABLE_H */", ""]
    check_spelling(words + ops + sts + nums)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print("%s: %d abbreviations (%d take a number), %d openers, %d starters" % (
        os.path.relpath(args.out, REPO), len(words), len(nums), len(ops), len(sts)))


if __name__ == "__main__":
    main()
