#!/usr/bin/env python3
"""Word segmentation data for tools/train_segmenter.py and bench/eval_segment_dev.py.

Reads the *.seg.txt files of the shared data folder (one sentence a line,
tokens separated by spaces, the syllables of a word joined by "_") into
sentences of syllable tokens with a gold label on every gap between two
adjacent tokens: JOIN (1) inside a word, SPLIT (0) between words.  The raw
text of a line is the line with "_" turned into a space.

It also defines the token identity the segmenter's features are built on,
exactly as tools/SEGMENTER.md states it for the C implementation:

  (first, eth U+00F0/U+00D0, which some converted text has for d with
  stroke, becomes U+0111/U+0110)
  value(tok)    the syllable id of vntext's C parser when tok is one
                Vietnamese syllable (any case, Unicode form or tone style),
                else FNV-1a-64 of the UTF-8 of fold(tok) with bit 63 set
  toneless(tok) the parser's toneless_id for a syllable, else value(tok)
  shape(tok)    a small case/character class (SHAPE_* below)

Tool code: needs the built package (make build) and nothing else; numpy is
imported by the training tool, not here.
"""

import os
import sys
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "python"))

from vntext._vntext import _syllable_info  # noqa: E402  (private parser hook)

SHARED = os.environ.get("VNTEXT_SHARED", os.path.normpath(os.path.join(REPO, "..", "shared")))
DATA = os.path.join(SHARED, "data")
VLSP = {s: os.path.join(DATA, "vlsp2013-ws", s + ".seg.txt") for s in ("train", "dev", "test")}
UD = {s: os.path.join(DATA, "ud-vtb", "vi_vtb-ud-%s.seg.txt" % s) for s in ("train", "dev")}
LEXICON = os.path.join(DATA, "lexicon", "VnVocab.txt")

SPLIT, JOIN = 0, 1

FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
MASK64 = (1 << 64) - 1
NONSYL_BIT = 1 << 63
# Padding values: syllable ids are < 2**32 and non-syllable values have bit 63
# set, so these can never be the value of a real token.
PAD_BOS = 1 << 32
PAD_EOS = (1 << 32) + 1

# shape classes
SHAPE_BOS = 0
SHAPE_SYL_LOWER = 1  # a Vietnamese syllable, by the parser's case pattern
SHAPE_SYL_UPPER = 2  # (a one-letter syllable in upper case is UPPER)
SHAPE_SYL_TITLE = 3
SHAPE_LOWER = 4      # not a syllable; every character a letter or mark (L*, M*)...
SHAPE_TITLE = 5      # ...first character upper (Lu, Lt), no other upper
SHAPE_UPPER = 6      # ...some upper, no lower (Ll)
SHAPE_MIXED = 7      # ...anything else
SHAPE_DIGITS = 8     # only Nd
SHAPE_NUMBER = 9     # first character Nd, the others Nd or one of . , : / -
SHAPE_ALNUM = 10     # some letter and some Nd
SHAPE_PUNCT = 11     # only P*
SHAPE_ABBREV = 12    # some letter, no Nd, not only letters (TP. v.v e-mail)
SHAPE_OTHER = 13     # the rest (symbols, digits with other marks, ...)
SHAPE_EOS = 15
CAPITALIZED = frozenset((SHAPE_SYL_UPPER, SHAPE_SYL_TITLE, SHAPE_TITLE, SHAPE_UPPER))
# A run of text in capitals of at least CAPS_RUN tokens, a sentence in Title
# Case of at least TITLE_RUN (see sentence_shapes)
CAPS_RUN = 5
CAPS_ALONE = 3  # in a sentence without a lower-case letter (csrc/segment.c)
TITLE_RUN = 5
# family names in capitals: a line in capitals that starts with one is a byline
CAPS_FAMILY = set("""NGUYỄN TRẦN LÊ PHẠM HOÀNG HUỲNH PHAN VŨ VÕ ĐẶNG BÙI ĐỖ HỒ NGÔ DƯƠNG LÝ ĐÀO
ĐOÀN ĐINH LÂM TRƯƠNG CAO LƯU TẠ TÔ QUÁCH TRIỆU KIỀU VƯƠNG MẠC LƯƠNG TRỊNH CHU PHÙNG HỨA KHÚC
LỤC TĂNG DOÃN HÀ MAI THÁI TÔN""".split())
TITLE_ALONE = 3  # the same for a short headline in Title Case, "Bảo Vệ Môi Trường"
TITLE_FAMILY = {w[0] + w[1:].lower() for w in CAPS_FAMILY}
# The feature keys of a caseless sentence are xored with this (SEGMENTER.md)
CASELESS_MASK = 0x452821e638d01377
_HAS_LOWER = frozenset((SHAPE_SYL_LOWER, SHAPE_SYL_TITLE, SHAPE_LOWER, SHAPE_TITLE, SHAPE_MIXED))
_LOWER_START = frozenset((SHAPE_SYL_LOWER, SHAPE_LOWER))
_DASHES = frozenset(("-", "\u2013", "\u2014"))


def caseless(shapes):
    """Whether a sentence of these shapes (from sentence_shapes) is caseless:
    none of its tokens is capitalized, and some token has a lower-case
    letter. A sentence of text in lower case, or in capitals read as lower
    case, is; one that starts with a capital is not, nor one of numbers and
    punctuation only. Caseless sentences have feature keys of their own."""
    return not any(x in CAPITALIZED for x in shapes) and any(x in _HAS_LOWER for x in shapes)


def sentence_shapes(tokens, shapes):
    """The shapes of a sentence's tokens, where a run of text in capitals
    takes the shapes of its lower case: a stretch without a token that has
    a lower-case letter and without a dash (- \u2013 \u2014, which part the
    names of a byline), holding CAPS_RUN tokens or more in capitals (CAPS_ALONE
    in a sentence with no lower-case letter and no dash, unless the run starts
    with a family name in CAPS_FAMILY: "CHÚC MỪNG NĂM MỚI", not "VÕ ĐẮC DANH")
    (SHAPE_SYL_UPPER, SHAPE_UPPER), is a headline or a title, not a name
    (names have four syllables at most); its SHAPE_SYL_UPPER become
    SHAPE_SYL_LOWER and its SHAPE_UPPER SHAPE_LOWER, so it segments as its
    lower-case form does. Then a sentence of TITLE_RUN tokens or more in
    title case (SHAPE_SYL_TITLE, SHAPE_TITLE) and none in lower case
    (SHAPE_SYL_LOWER, SHAPE_LOWER; a word in mixed case, SHAPE_MIXED, is a
    brand or a source written its own way, "iPhone", "VnExpress") is a
    headline in Title Case, not a string of names (TITLE_ALONE tokens are enough when the
    sentence holds no dash and its first title-case token is no family name
    of TITLE_FAMILY): its SHAPE_SYL_TITLE become SHAPE_SYL_LOWER
    and its SHAPE_TITLE SHAPE_LOWER. Other shapes are unchanged."""
    out = list(shapes)
    n = len(out)
    # no lower-case letter and no dash in the sentence (a banner, not a
    # byline): CAPS_ALONE tokens in capitals are enough, unless the run
    # starts with a family name
    alone = not any(x in _HAS_LOWER for x in out) and not any(t in _DASHES for t in tokens)
    i = 0
    while i < n:
        j, caps = i, 0
        while j < n and out[j] not in _HAS_LOWER and tokens[j] not in _DASHES:
            caps += out[j] in (SHAPE_SYL_UPPER, SHAPE_UPPER)
            j += 1
        f = next((k for k in range(i, j) if out[k] in (SHAPE_SYL_UPPER, SHAPE_UPPER)), j)
        if caps >= CAPS_RUN or (alone and caps >= CAPS_ALONE and
                                (f == j or unicodedata.normalize("NFC", tokens[f]) not in CAPS_FAMILY)):
            for k in range(i, j):
                if out[k] == SHAPE_SYL_UPPER:
                    out[k] = SHAPE_SYL_LOWER
                elif out[k] == SHAPE_UPPER:
                    out[k] = SHAPE_LOWER
        i = j if j > i else i + 1
    titles = sum(x in (SHAPE_SYL_TITLE, SHAPE_TITLE) for x in out)
    tmin = TITLE_RUN
    if not any(t in _DASHES for t in tokens):
        f = next((k for k in range(n) if out[k] in (SHAPE_SYL_TITLE, SHAPE_TITLE)), n)
        if f == n or unicodedata.normalize("NFC", tokens[f]) not in TITLE_FAMILY:
            tmin = TITLE_ALONE
    if titles >= tmin and not any(x in _LOWER_START for x in out):
        out = [SHAPE_SYL_LOWER if x == SHAPE_SYL_TITLE else SHAPE_LOWER if x == SHAPE_TITLE else x
               for x in out]
    return out


def fnv1a64(data, h=FNV_OFFSET):
    for b in data:
        h = ((h ^ b) * FNV_PRIME) & MASK64
    return h


def fold(tok):
    """NFC, then each code point to its simple (one code point) lower case.

    Python's str.lower() uses full and context-dependent mappings (U+0130,
    final sigma); a code point whose lower() is not one code point is kept as
    is, except U+0130 which goes to "i" (its simple mapping).  The C side
    uses the simple per-code-point mapping (utf8proc_tolower)."""
    out = []
    for ch in unicodedata.normalize("NFC", tok):
        lo = ch.lower()
        if len(lo) == 1:
            out.append(lo)
        elif ch == "\u0130":
            out.append("i")
        else:
            out.append(ch)
    return "".join(out)


def _shape_nonsyl(s):
    cats = [unicodedata.category(ch) for ch in s]
    if not cats:
        return SHAPE_OTHER
    letter = [c[0] in "LM" for c in cats]
    upper = [c in ("Lu", "Lt") for c in cats]
    lower = [c == "Ll" for c in cats]
    digit = [c == "Nd" for c in cats]
    if all(letter):
        if not any(upper):
            return SHAPE_LOWER
        if upper[0] and not any(upper[1:]):
            return SHAPE_TITLE
        if not any(lower):
            return SHAPE_UPPER
        return SHAPE_MIXED
    if all(digit):
        return SHAPE_DIGITS
    if digit[0] and all(d or ch in ".,:/-" for d, ch in zip(digit, s)):
        return SHAPE_NUMBER
    if any(letter) and any(digit):
        return SHAPE_ALNUM
    if all(c[0] == "P" for c in cats):
        return SHAPE_PUNCT
    if any(letter) and not any(digit):
        return SHAPE_ABBREV
    return SHAPE_OTHER


_CACHE = {}


def token_info(tok):
    """(value, toneless, shape) of one token; see the module docstring."""
    r = _CACHE.get(tok)
    if r is None:
        key = tok
        tok = tok.replace("\u00f0", "\u0111").replace("\u00d0", "\u0110")
        info = _syllable_info(tok)
        if info is not None:
            r = (info["id"], info["toneless_id"], SHAPE_SYL_LOWER + info["case"])
        else:
            nfc = unicodedata.normalize("NFC", tok)
            v = fnv1a64(fold(tok).encode("utf-8")) | NONSYL_BIT
            r = (v, v, _shape_nonsyl(nfc))
        _CACHE[key] = r
    return r


class Sentence:
    """tokens: syllable tokens; joins: gold label of each of the len-1 gaps
    (None when unknown); raw: the raw text; offsets: (start, end) of each
    token in raw, in code points."""

    __slots__ = ("tokens", "joins", "raw", "offsets")

    def __init__(self, tokens, joins, raw, offsets):
        self.tokens = tokens
        self.joins = joins
        self.raw = raw
        self.offsets = offsets


def parse_seg_line(line):
    """One line of a *.seg.txt file -> Sentence, or None for an empty line.

    A word whose parts are empty ("_" at the start or end of a word: a few
    annotation slips) keeps only its non-empty parts."""
    line = line.rstrip("\n").rstrip("\r")
    raw = line.replace("_", " ")
    tokens, joins, offsets = [], [], []
    pos = 0
    for word in line.split(" "):
        if word == "":
            pos += 1
            continue
        first = True
        for part in word.split("_"):
            if part == "":
                pos += 1
                continue
            if tokens:
                joins.append(SPLIT if first else JOIN)
            tokens.append(part)
            offsets.append((pos, pos + len(part)))
            pos += len(part) + 1
            first = False
    if not tokens:
        return None
    assert all(raw[a:b] == t for t, (a, b) in zip(tokens, offsets))
    return Sentence(tokens, joins, raw, offsets)


def read_seg(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            s = parse_seg_line(line)
            if s is not None:
                out.append(s)
    return out


def word_spans(sent, joins):
    """Character spans (start, end) of the words given the gap labels."""
    spans = []
    start = sent.offsets[0][0]
    for g, j in enumerate(joins):
        if j != JOIN:
            spans.append((start, sent.offsets[g][1]))
            start = sent.offsets[g + 1][0]
    spans.append((start, sent.offsets[-1][1]))
    return spans


def word_f1(sents, predicted):
    """Micro word F1 (percent) over character spans; predicted: gap labels
    for each sentence.  Returns (f1, precision, recall, gold_words)."""
    tp = npred = ngold = 0
    for s, p in zip(sents, predicted):
        g = set(word_spans(s, s.joins))
        q = word_spans(s, p)
        ngold += len(g)
        npred += len(q)
        tp += sum(1 for x in q if x in g)
    prec = tp / npred if npred else 0.0
    rec = tp / ngold if ngold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return 100 * f1, 100 * prec, 100 * rec, ngold


# Lexicon entry hashes (and the feature keys of model file versions 2 and 3) use a
# word-at-a-time mixer: step(h, v) = mix64(h ^ v), mix64 being the splitmix64
# finalizer.  Keys start from KEY_SEED, lexicon hashes from LEX_SEED.
KEY_SEED = 0x243F6A8885A308D3
LEX_SEED = 0x13198A2E03707344
MIX_M1 = 0xBF58476D1CE4E5B9
MIX_M2 = 0x94D049BB133111EB


def mix64(x):
    x ^= x >> 30
    x = (x * MIX_M1) & MASK64
    x ^= x >> 27
    x = (x * MIX_M2) & MASK64
    return x ^ (x >> 31)


# Feature keys of model file version 5: each slot value is mixed once,
# value_mix(v) = mix64(v + VALUE_SEED) (a unit's value serves every gap and
# template it is in), the j-th value of a template is rotated left by 16 j
# bits, and the key is the template seed xor the rotated mixes (the mixes
# are random enough: no mix of the sum is needed).
VALUE_SEED = 0x9E3779B97F4A7C15


def value_mix(v):
    return mix64((v + VALUE_SEED) & MASK64)


def rotl64(x, r):
    r %= 64
    return ((x << r) | (x >> (64 - r))) & MASK64 if r else x


def feature_key(tid, values):
    """The key of template tid with slot values (file version 5)."""
    h = hash_step(KEY_SEED, tid)
    for j, v in enumerate(values):
        h ^= rotl64(value_mix(v), 16 * j)
    return h


def hash_step(h, value):
    """Extends a key or lexicon hash by one 64-bit value."""
    return mix64(h ^ value)


def lex_hash_start():
    return LEX_SEED


def lex_hash_add(h, value):
    """Extends a lexicon hash by one token value."""
    return mix64(h ^ value)


def lex_hash(values):
    h = lex_hash_start()
    for v in values:
        h = lex_hash_add(h, v)
    return h


class Lexicon:
    """Multi-token words as hashes: hash_step over the token values, starting
    from LEX_SEED.  more: the hashes of the proper prefixes of the entries
    (one token or more), which the model file carries so that a search can
    stop where no entry goes on; prefixes: more and the entries, for the
    trainer's own search.  Neither changes what is found."""

    def __init__(self, entries=()):
        self.entries = set()
        self.more = set()
        self.maxlen = 0
        self._prefixes = None
        for e in entries:
            self.add(e)

    @property
    def prefixes(self):
        """more | entries, made on first use after the last add."""
        if self._prefixes is None:
            self._prefixes = self.more | self.entries
        return self._prefixes

    def add(self, values):
        if len(values) < 2:
            return
        h = lex_hash_start()
        for j, v in enumerate(values):
            h = lex_hash_add(h, v)
            if j + 1 < len(values):
                self.more.add(h)
        self.entries.add(h)
        self.maxlen = max(self.maxlen, len(values))
        self._prefixes = None

    def __len__(self):
        return len(self.entries)


def read_lexicon(path=LEXICON):
    """Lexicon of the entries of two or more tokens (by token value)."""
    lex = Lexicon()
    with open(path, encoding="utf-8") as f:
        for line in f:
            toks = line.split()
            if len(toks) >= 2:
                lex.add([token_info(t)[0] for t in toks])
    return lex


# Syllables whose ids make the fingerprint stored in the model: if the C
# parser's id scheme changes, the fingerprint changes and the model must be
# retrained.
FINGERPRINT_SYLLABLES = ("a", "ba", "hòa", "thủy", "nguyễn", "người", "đường",
                         "khuya", "gì", "quốc", "giường", "uống", "ngoằn", "yêu")


def id_fingerprint():
    """FNV-1a-64 over the ids (uint32 little-endian) of FINGERPRINT_SYLLABLES."""
    h = FNV_OFFSET
    for s in FINGERPRINT_SYLLABLES:
        h = fnv1a64(_syllable_info(s)["id"].to_bytes(4, "little"), h)
    return h


if __name__ == "__main__":
    for name, path in [("vlsp " + k, v) for k, v in VLSP.items() if k != "test"] + \
                      [("ud " + k, v) for k, v in UD.items()]:
        sents = read_seg(path)
        ntok = sum(len(s.tokens) for s in sents)
        nj = sum(sum(s.joins) for s in sents)
        print("%-10s %6d sentences %8d tokens %7d joins" % (name, len(sents), ntok, nj))
    print("lexicon entries", len(read_lexicon()))
    print("id fingerprint %016x" % id_fingerprint())
