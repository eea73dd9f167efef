#!/usr/bin/env python3
"""Train vntext's word segmenter: an averaged perceptron over the gaps between
syllable tokens, decoded by a first-order Viterbi over the gap labels (B/I
syllable tags), with hashed features.  tools/SEGMENTER.md states the model,
the feature templates and the file format.

    .venv/bin/python tools/train_segmenter.py            # train, eval dev, write the model
    .venv/bin/python tools/train_segmenter.py --no-write --groups uni,bi --epochs 8

Reads vlsp2013-ws/train.seg.txt (and ud-vtb train with --ud-repeat > 0) and
lexicon/VnVocab.txt from the shared data folder; reports word F1 on vlsp dev
and UD-VTB dev after each epoch (never on the test split); writes
python/vntext/segmenter.bin.  Deterministic: the sentence order of each
epoch comes from numpy's PCG64 with a fixed seed.

Tool code only: needs numpy, which the package itself never imports.
"""

import argparse
import os
import struct
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import segment_data as sd  # noqa: E402

U64 = np.uint64
M1 = U64(sd.MIX_M1)
M2 = U64(sd.MIX_M2)
LEN_CAP = 5   # lexicon lengths are capped here
RUN_CAP = 4   # capitalized-run lengths are capped here
NO_GAP = 1 << 9   # lmaskp / lmaskn of a gap at the edge of the sentence

# ---------------------------------------------------------------------------
# Feature templates.  A gap lies between token t[-1] and token t[0]; t[-2],
# t[-3] are further left, t[1], t[2] further right (padding outside the
# sentence).  Each template: (id, group, slots); a slot names a per-gap
# column (see gap_columns).  The key of a feature: segment_data.feature_key,
# the template's seed xor each slot value's mix rotated by its place.

TEMPLATES = [
    (0, "bias", []),
    (1, "uni", ["v-1"]),
    (2, "uni", ["v0"]),
    (3, "uni", ["v-2"]),
    (4, "uni", ["v1"]),
    (5, "uni2", ["v-3"]),
    (6, "uni2", ["v2"]),
    (7, "bi", ["v-1", "v0"]),
    (8, "bi", ["v-2", "v-1"]),
    (9, "bi", ["v0", "v1"]),
    (10, "bi2", ["v-3", "v-2"]),
    (11, "bi2", ["v1", "v2"]),
    (12, "skip", ["v-2", "v0"]),
    (13, "skip", ["v-1", "v1"]),
    (14, "tri", ["v-2", "v-1", "v0"]),
    (15, "tri", ["v-1", "v0", "v1"]),
    (16, "tri2", ["v-3", "v-2", "v-1"]),
    (17, "tri2", ["v0", "v1", "v2"]),
    (20, "tone", ["tv-1", "tv0"]),
    (21, "tone", ["tv-2", "tv-1", "tv0"]),
    (22, "tone", ["tv-1", "tv0", "tv1"]),
    (30, "shape", ["sh-1", "sh0"]),
    (31, "shape", ["sh-2", "sh-1", "sh0", "sh1"]),
    (32, "shapev", ["sh-1", "v0"]),
    (33, "shapev", ["v-1", "sh0"]),
    (40, "lex", ["span"]),
    (41, "lex", ["lend", "rstart"]),
    (42, "lex", ["fmm", "bmm"]),
    (43, "lex", ["span", "lend", "rstart"]),
    (44, "lex", ["span", "sh-1", "sh0"]),
    (45, "lexv", ["span", "v-1", "v0"]),
    (46, "lexv", ["fmm", "bmm", "v-1"]),
    (47, "lexv", ["fmm", "bmm", "v0"]),
    (48, "lexmask", ["lmask"]),
    (49, "lexmask", ["lmask", "sh-1", "sh0"]),
    (52, "lexmaskv", ["lmask", "v-1"]),
    (53, "lexmaskv", ["lmask", "v0"]),
    (54, "lexctx", ["lmaskp", "lmask", "lmaskn"]),
    (55, "lexctx", ["lmaskp", "lmask"]),
    (56, "lexctx", ["lmask", "lmaskn"]),
    (50, "name", ["capl", "capr"]),
    (51, "name", ["capl", "capr", "span"]),
]
ALL_GROUPS = sorted({g for _, g, _ in TEMPLATES})
DEFAULT_GROUPS = "bias,uni,bi,tri,tone,shape,shapev,lex,lexv,lexmask,name"


_FIRST_HASH = {}   # token value -> lexicon hash of that one token


def lexicon_info(vals, lex):
    """Per-gap lexicon columns for one sentence of token values."""
    n = len(vals)
    span = [0] * (n - 1)
    lmask = [0] * (n - 1)
    endlen = [0] * n     # longest entry ending at token i
    startlen = [0] * n   # longest entry starting at token i
    entries, prefixes = lex.entries, lex.prefixes
    first = _FIRST_HASH
    for i in range(n - 1):
        h = first.get(vals[i])
        if h is None:
            h = first[vals[i]] = sd.lex_hash_add(sd.lex_hash_start(), vals[i])
        if h not in prefixes:
            continue
        for k in range(2, min(lex.maxlen, n - i) + 1):
            h = sd.lex_hash_add(h, vals[i + k - 1])
            if h not in prefixes:
                break
            if h in entries:
                if k > startlen[i]:
                    startlen[i] = k
                if k > endlen[i + k - 1]:
                    endlen[i + k - 1] = k
                for g in range(i, i + k - 1):   # gap g is between token g and g+1
                    if k > span[g]:
                        span[g] = k
                    a = g - i
                    b = i + k - 2 - g
                    if a <= 2 and b <= 2:
                        lmask[g] |= 1 << (3 * a + b)
    fmm = [0] * (n - 1)
    i = 0
    while i < n:
        k = max(startlen[i], 1)
        for g in range(i, i + k - 1):
            fmm[g] = 1
        i += k
    bmm = [0] * (n - 1)
    j = n - 1
    while j >= 0:
        k = max(endlen[j], 1)
        for g in range(j - k + 1, j):
            bmm[g] = 1
        j -= k
    lend = [min(endlen[g], LEN_CAP) for g in range(n - 1)]
    rstart = [min(startlen[g + 1], LEN_CAP) for g in range(n - 1)]
    span = [min(x, LEN_CAP) for x in span]
    return span, lend, rstart, fmm, bmm, lmask


def gap_columns(sents, lex, capitals=True):
    """Dict column name -> uint64 array over all gaps of all sentences.
    capitals: runs of text in capitals take lower-case shapes
    (segment_data.sentence_shapes), as at run time; training passes False,
    so the model learns from the shapes as written (SEGMENTER.md)."""
    V, TV, SH, pos = [], [], [], []
    cols = {k: [] for k in ("span", "lend", "rstart", "fmm", "bmm", "lmask", "lmaskp", "lmaskn",
                            "capl", "capr", "caseless")}
    for s in sents:
        info = [sd.token_info(t) for t in s.tokens]
        vals = [x[0] for x in info]
        shapes = [x[2] for x in info]
        if capitals:
            shapes = sd.sentence_shapes(s.tokens, shapes)
        base = len(V)
        V += [sd.PAD_BOS, sd.PAD_BOS] + vals + [sd.PAD_EOS, sd.PAD_EOS]
        TV += [sd.PAD_BOS, sd.PAD_BOS] + [x[1] for x in info] + [sd.PAD_EOS, sd.PAD_EOS]
        SH += [sd.SHAPE_BOS, sd.SHAPE_BOS] + shapes + [sd.SHAPE_EOS, sd.SHAPE_EOS]
        n = len(vals)
        pos.extend(range(base + 3, base + 2 + n))   # padded index of t[0]
        span, lend, rstart, fmm, bmm, lmask = lexicon_info(vals, lex)
        cols["lmask"] += lmask
        if lmask:
            cols["lmaskp"] += [NO_GAP] + lmask[:-1]
            cols["lmaskn"] += lmask[1:] + [NO_GAP]
        cols["span"] += span
        cols["lend"] += lend
        cols["rstart"] += rstart
        cols["fmm"] += fmm
        cols["bmm"] += bmm
        runl = [0] * n
        r = 0
        for i in range(n):
            r = r + 1 if shapes[i] in sd.CAPITALIZED else 0
            runl[i] = r
        runr = [0] * n
        r = 0
        for i in range(n - 1, -1, -1):
            r = r + 1 if shapes[i] in sd.CAPITALIZED else 0
            runr[i] = r
        cols["caseless"] += [int(sd.caseless(shapes))] * (n - 1)
        cols["capl"] += [min(runl[g], RUN_CAP) for g in range(n - 1)]
        cols["capr"] += [min(runr[g + 1], RUN_CAP) for g in range(n - 1)]
    out = {k: np.array(v, dtype=U64) for k, v in cols.items()}
    V = np.array(V, dtype=U64)
    TV = np.array(TV, dtype=U64)
    SH = np.array(SH, dtype=U64)
    pos = np.array(pos, dtype=np.int64)
    for d in (-3, -2, -1, 0, 1, 2):
        out["v%d" % d] = V[pos + d]
        out["tv%d" % d] = TV[pos + d]
        out["sh%d" % d] = SH[pos + d]
    return out


def mix64_np(x):
    """segment_data.mix64 on a uint64 array (wrapping products)."""
    x = x ^ (x >> U64(30))
    x *= M1
    x ^= x >> U64(27)
    x *= M2
    return x ^ (x >> U64(31))


def template_seed(tid):
    return sd.hash_step(sd.KEY_SEED, tid)


def rotl_np(x, r):
    r %= 64
    return (x << U64(r)) | (x >> U64(64 - r)) if r else x


def hash_keys(tid, cols, n):
    """segment_data.feature_key over columns of slot values."""
    h = np.full(n, template_seed(tid), dtype=U64)
    for j, c in enumerate(cols):
        h ^= rotl_np(mix64_np(c + U64(sd.VALUE_SEED)), 16 * j)
    return h


TRAIN_WORD_FOLDS = 5


def word_counts(sents):
    """Multi-token gold words of sents, as tuples of token values, with counts."""
    out = {}
    for s in sents:
        vals = [sd.token_info(t)[0] for t in s.tokens]
        start = 0
        for g in range(len(vals)):
            if g == len(vals) - 1 or s.joins[g] == sd.SPLIT:
                if g > start:
                    w = tuple(vals[start:g + 1])
                    out[w] = out.get(w, 0) + 1
                start = g + 1
    return out


def extended_lexicon(lex, counts, min_count):
    out = sd.Lexicon()
    out.entries = set(lex.entries)
    out.more = set(lex.more)
    out.maxlen = lex.maxlen
    for w, c in counts.items():
        if c >= min_count:
            out.add(list(w))
    return out


def read_gazetteer(path, sents):
    """The names of a gazetteer file (one a line, '#' comments) as tuples of
    token values, less those that sents write split more often than as one
    word or inside one (so the corpus conventions win). Returns (names,
    left out)."""
    names = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            toks = line.split()
            if len(toks) >= 2 and not line.startswith("#"):
                names.append(tuple(sd.token_info(t)[0] for t in toks))
    wanted = {}
    for n in names:
        wanted.setdefault(n[0], []).append(n)
    joined = dict.fromkeys(names, 0)
    split = dict.fromkeys(names, 0)
    for s in sents:
        vals = [sd.token_info(t)[0] for t in s.tokens]
        for i, v in enumerate(vals):
            for n in wanted.get(v, ()):
                k = len(n)
                if tuple(vals[i:i + k]) == n:
                    whole = all(s.joins[g] != sd.SPLIT for g in range(i, i + k - 1))
                    if whole:
                        joined[n] += 1
                    else:
                        split[n] += 1
    keep = [n for n in names if split[n] <= joined[n]]
    return keep, len(names) - len(keep)


def feature_keys(sents, lex, templates, capitals=True):
    """The keys of every gap of sents, one column per template; the keys of
    a caseless sentence are xored with CASELESS_MASK (SEGMENTER.md)."""
    cols = gap_columns(sents, lex, capitals)
    n = len(cols["span"])
    K = np.empty((n, len(templates)), dtype=U64)
    for j, (tid, _, slots) in enumerate(templates):
        K[:, j] = hash_keys(tid, [cols[s] for s in slots], n)
    K[cols["caseless"].astype(bool)] ^= U64(sd.CASELESS_MASK)
    return K


def lowered(sents, case=str.lower):
    """The sentences with their tokens in lower case (or another case). raw
    and offsets are kept as they were (the features read the tokens only);
    where the case mapping changes a token's length (ß in capitals) they no
    longer match it."""
    return [sd.Sentence([case(t) for t in s.tokens], s.joins, s.raw, s.offsets) for s in sents]


def gap_bounds(sents):
    sizes = np.array([len(s.tokens) - 1 for s in sents], dtype=np.int64)
    ends = np.cumsum(sizes)
    return ends - sizes, ends


# ---------------------------------------------------------------------------
# Decoding


def viterbi(sc, T):
    """Best gap labels for JOIN scores sc (SPLIT scores 0) and transition
    scores T = (SS, SJ, JS, JJ); the state before the first gap is SPLIT;
    ties go to SPLIT."""
    n = len(sc)
    if n == 0:
        return []
    t00, t01, t10, t11 = T
    a0 = t00
    a1 = t01 + sc[0]
    bps = []
    for g in range(1, n):
        x = a0 + t00
        y = a1 + t10
        if x >= y:
            n0, b0 = x, 0
        else:
            n0, b0 = y, 1
        x = a0 + t01
        y = a1 + t11
        if x >= y:
            n1, b1 = x + sc[g], 0
        else:
            n1, b1 = y + sc[g], 1
        bps.append((b0, b1))
        a0, a1 = n0, n1
    y = 0 if a0 >= a1 else 1
    out = [y]
    for g in range(n - 2, -1, -1):
        y = bps[g][y]
        out.append(y)
    out.reverse()
    return out


def decode_all(scores, starts, ends, T, mode):
    if mode == "indep":
        lab = (scores > 0).astype(np.int8).tolist()
        return [lab[a:b] for a, b in zip(starts.tolist(), ends.tolist())]
    sl = scores.tolist()
    return [viterbi(sl[a:b], T) for a, b in zip(starts.tolist(), ends.tolist())]


# ---------------------------------------------------------------------------
# Training


class Model:
    def __init__(self, keys, weights, trans):
        self.keys = keys          # sorted uint64
        self.weights = weights    # float64 or float32, same length
        self.trans = trans        # (SS, SJ, JS, JJ)

    def index(self, K):
        pos = np.searchsorted(self.keys, K)
        pos = np.minimum(pos, len(self.keys) - 1)
        found = self.keys[pos] == K
        return np.where(found, pos + 1, 0)

    def scores(self, K):
        w = np.concatenate([[0.0], self.weights.astype(np.float64)])
        return w[self.index(K)].sum(axis=1)


def index_features(K, args, log):
    """Distinct keys (sorted) and the matrix of their indices + 1 (0: no weight)."""
    uniq, inv, counts = np.unique(K.ravel(), return_inverse=True, return_counts=True)
    X = (inv.reshape(K.shape) + 1).astype(np.int64)
    if args.min_count > 1:
        X[counts[X - 1] < args.min_count] = 0
    log("features: %d distinct keys, %d with count >= %d" %
        (len(uniq), int((counts >= args.min_count).sum()), args.min_count))
    return uniq, X


def train(uniq, X, gold, starts, ends, args, seed, dev_sets, log):
    W = np.zeros(len(uniq) + 1)
    U = np.zeros(len(uniq) + 1)
    T = np.zeros(4)
    TU = np.zeros(4)
    c = 1
    rng = np.random.Generator(np.random.PCG64(seed))
    order = np.arange(len(starts))
    goldl = gold.tolist()
    S, E = starts.tolist(), ends.tolist()
    history = []
    for ep in range(1, args.epochs + 1):
        t0 = time.time()
        rng.shuffle(order)
        nerr = 0
        for si in order.tolist():
            a, b = S[si], E[si]
            if a == b:
                c += 1
                continue
            Xs = X[a:b]
            sc = W[Xs].sum(axis=1)
            z = goldl[a:b]
            if args.margin:
                # cost-augmented decoding: each gap's wrong label gets +margin
                sc = sc + args.margin * (1.0 - 2.0 * gold[a:b])
            if args.mode == "indep":
                y = (sc > 0).tolist()
            else:
                y = viterbi(sc.tolist(), T.tolist())
            if y != z:
                d = np.array(z, dtype=np.float64) - np.array(y, dtype=np.float64)
                m = np.nonzero(d)[0]
                nerr += len(m)
                idx = Xs[m].ravel()
                dd = np.repeat(d[m], Xs.shape[1])
                np.add.at(W, idx, dd)
                np.add.at(U, idx, c * dd)
                W[0] = 0.0
                U[0] = 0.0
                if args.mode != "indep":
                    pz = pyy = 0
                    for zg, yg in zip(z, y):
                        T[2 * pz + zg] += 1
                        TU[2 * pz + zg] += c
                        T[2 * pyy + yg] -= 1
                        TU[2 * pyy + yg] -= c
                        pz, pyy = zg, yg
            c += 1
        avg = W - U / c
        tavg = T - TU / c
        model = Model(uniq, avg[1:], tuple(tavg.tolist()))
        res = [evaluate(model, d, args.mode) for d in dev_sets]
        history.append(res)
        log("epoch %2d  %5.1fs  train gap errors %6d  %s" % (
            ep, time.time() - t0, nerr,
            "  ".join("%s F1 %.2f" % (d["name"], r) for d, r in zip(dev_sets, res))))
    return model, history


def evaluate(model, dev, mode):
    sc = model.scores(dev["K"])
    pred = decode_all(sc, dev["starts"], dev["ends"], model.trans, mode)
    return sd.word_f1(dev["sents"], pred)[0]


def prune(model, keep=None, threshold=None):
    w = model.weights
    if keep is not None and keep < np.count_nonzero(w):
        a = np.sort(np.abs(w[w != 0]))[::-1]
        threshold = float(a[keep - 1])
        # keep strictly above the k-th magnitude's next lower value
    if threshold is None:
        threshold = 0.0
    m = (np.abs(w) >= threshold) & (w != 0)
    return Model(model.keys[m], w[m].astype(np.float32), model.trans), threshold


# ---------------------------------------------------------------------------
# Model file (tools/SEGMENTER.md, "Model file")

MAGIC = b"VNTSEGM\x00"
VERSION = 6
HEADER = "<8sIIIIII4fQII"  # magic .. text_len, n_more; then template ids, text, padding


def write_model(path, model, templates, lex, description):
    text = description.encode("utf-8") + b"\x00"
    fixed = struct.calcsize(HEADER)
    tids = bytes(t for t, _, _ in templates)
    header = (fixed + len(tids) + len(text) + 7) // 8 * 8
    lexkeys = np.array(sorted(lex.entries), dtype="<u8")
    morekeys = np.array(sorted(lex.more), dtype="<u8")
    wbytes = 12 * len(model.keys)
    with open(path, "wb") as f:
        f.write(struct.pack(HEADER, MAGIC, VERSION, header, len(model.keys), len(lexkeys),
                            len(tids), lex.maxlen, *[float(x) for x in model.trans],
                            sd.id_fingerprint(), len(text), len(morekeys)))
        f.write(tids)
        f.write(text)
        f.write(b"\x00" * (header - fixed - len(tids) - len(text)))
        f.write(np.asarray(model.keys, dtype="<u8").tobytes())
        f.write(np.asarray(model.weights, dtype="<f4").tobytes())
        f.write(b"\x00" * ((wbytes + 7) // 8 * 8 - wbytes))
        f.write(lexkeys.tobytes())
        f.write(morekeys.tobytes())


def read_model(path):
    """(Model, Lexicon, template ids, description)."""
    with open(path, "rb") as f:
        data = f.read()
    fixed = struct.calcsize(HEADER)
    (magic, ver, header, n, nlex, ntpl, maxlen, t0, t1, t2, t3, fp,
     tlen, nmore) = struct.unpack_from(HEADER, data)
    if magic != MAGIC or ver != VERSION:
        raise ValueError("not a vntext segmenter model, or another version")
    if fp != sd.id_fingerprint():
        raise ValueError("model built for another syllable id scheme")
    tids = list(data[fixed:fixed + ntpl])
    desc = data[fixed + ntpl:fixed + ntpl + tlen - 1].decode("utf-8")
    keys = np.frombuffer(data, dtype="<u8", count=n, offset=header).astype(U64)
    w = np.frombuffer(data, dtype="<f4", count=n, offset=header + 8 * n)
    lexoff = header + (12 * n + 7) // 8 * 8
    lex = sd.Lexicon()
    lex.entries = set(np.frombuffer(data, dtype="<u8", count=nlex, offset=lexoff).tolist())
    moreoff = lexoff + 8 * nlex
    lex.more = set(np.frombuffer(data, dtype="<u8", count=nmore, offset=moreoff).tolist())
    lex.maxlen = maxlen
    assert moreoff + 8 * nmore == len(data)
    return Model(keys, w, (t0, t1, t2, t3)), lex, tids, desc


# ---------------------------------------------------------------------------
# Test vectors for the C implementation (made-up sentences, no corpus text)

VECTOR_SENTENCES = [
    "Hôm nay HOÀ và Hòa đi Thành phố Hồ Chí Minh .",
    "Thuỷ thủ ho\u0300a nhạc 123 , 4.5 TP. v.v e-mail Ðặng xyz ΣΑΣ İstanbul !",
    "người ta nói rằng học sinh giỏi thì phải học thật chăm chỉ",
    "Một",
    # capitals: a run of five or more takes lower-case shapes, up to a dash
    "TIN VẮN : NHÓM PV VÀ CTV TẠI TÂY NGUYÊN - TRẦN VĂN HẢI - NGUYỄN AN , Hoà",
    # caseless once its run of capitals reads as lower case: caseless keys
    "HỌC SINH GIỎI THÌ PHẢI HỌC THẬT CHĂM CHỈ .",
    # a headline in Title Case reads as lower case too (caseless keys); with
    # NATO, which stays in capitals, the sentence keeps cased keys
    "Học Sinh Giỏi Thì Phải Học Thật Chăm Chỉ",
    "Mỹ Và NATO Tăng Cường Hợp Tác Quốc Phòng",
]


def write_vectors(path, model_path):
    model, lex, tids, desc = read_model(model_path)
    templates = [t for t in TEMPLATES if t[0] in tids]
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Segmenter test vectors, written by tools/train_segmenter.py --vectors\n")
        f.write("# model: %s\n# token values and keys do not depend on the model; scores and labels do (regenerate after retraining)\n" % desc)
        for text in VECTOR_SENTENCES:
            sent = sd.Sentence(text.split(" "), [0] * (len(text.split(" ")) - 1), text, None)
            f.write("\nsentence\t%s\n" % text.encode("unicode_escape").decode("ascii"))
            shapes = sd.sentence_shapes(sent.tokens, [sd.token_info(t)[2] for t in sent.tokens])
            for t, sh in zip(sent.tokens, shapes):
                v, tv, _ = sd.token_info(t)
                f.write("token\t%s\tvalue %016x\ttoneless %016x\tshape %d\n" % (
                    t.encode("unicode_escape").decode("ascii"), v, tv, sh))
            if len(sent.tokens) < 2:
                f.write("labels\t\n")
                continue
            cols = gap_columns([sent], lex)
            K = feature_keys([sent], lex, templates)
            sc = model.scores(K)
            for g in range(len(sent.tokens) - 1):
                f.write("gap %d\t%s\tscore %.6f\n" % (g, "\t".join(
                    "%s %d" % (c, int(cols[c][g])) for c in
                    ("span", "lend", "rstart", "fmm", "bmm", "lmask", "capl", "capr")), sc[g]))
                for j, (tid, _, _) in enumerate(templates):
                    f.write("key\t%d\t%016x\n" % (tid, int(K[g, j])))
            lab = viterbi(sc.tolist(), model.trans)
            f.write("labels\t%s\n" % "".join(str(x) for x in lab))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--groups", default=DEFAULT_GROUPS,
                    help="feature groups, comma-separated, of: " + ",".join(ALL_GROUPS))
    ap.add_argument("--mode", choices=("viterbi", "indep"), default="viterbi")
    ap.add_argument("--epochs", type=int, default=4)
    ap.add_argument("--seed", type=int, default=2)
    ap.add_argument("--ensemble", type=int, default=1,
                    help="average the weights of this many runs (seeds seed, seed+1, ...)")
    ap.add_argument("--margin", type=float, default=0.0,
                    help="train with cost-augmented decoding: the wrong label of a gap gets +margin")
    ap.add_argument("--train-words", type=int, default=3, metavar="N",
                    help="add the multi-syllable words seen N times or more in VLSP train to the "
                    "lexicon (jackknifed over %d folds in training); 0: off" % TRAIN_WORD_FOLDS)
    ap.add_argument("--min-count", type=int, default=1,
                    help="features seen fewer times in training get no weight")
    ap.add_argument("--ud-repeat", type=int, default=3,
                    help="add UD-VTB train this many times to the training data")
    ap.add_argument("--train-ud-dev", action="store_true",
                    help="add UD-VTB dev (but the --hold-ud-dev part) to the training data, "
                    "--ud-repeat times; UD dev is then scored only on the part held out")
    ap.add_argument("--train-vlsp-dev", type=int, default=0, metavar="R",
                    help="add VLSP dev (but the --hold-vlsp-dev part) to the training data R "
                    "times; VLSP dev is then scored only on the part held out")
    ap.add_argument("--hold-vlsp-dev", metavar="K/N", default=None,
                    help="cut VLSP dev into N contiguous parts and score only part K (1..N)")
    ap.add_argument("--hold-ud-dev", metavar="K/N", default=None,
                    help="cut UD-VTB dev into N contiguous parts and score only part K (1..N)")
    ap.add_argument("--lower", type=int, default=1, metavar="N",
                    help="add the training sentences again in lower case, every N-th one "
                    "(1: all); 0: off")
    ap.add_argument("--dev-cases", action="store_true",
                    help="also score the dev sets in lower case and in capitals")
    ap.add_argument("--no-lexicon", action="store_true")
    ap.add_argument("--gazetteer", default=os.path.join(sd.REPO, "tools", "gazetteer.txt"),
                    metavar="PATH", help="place names added to the lexicon of the model file, not "
                    "to training (default tools/gazetteer.txt; '' for none)")
    ap.add_argument("--keep", type=int, default=150000,
                    help="keep this many weights of largest magnitude")
    ap.add_argument("--out", default=os.path.join(sd.REPO, "python", "vntext", "segmenter.bin"))
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--vectors", metavar="PATH",
                    help="only write C test vectors computed with the model --out to PATH")
    args = ap.parse_args()
    if args.lower < 0:
        ap.error("--lower must be 0 or more")
    if args.vectors:
        write_vectors(args.vectors, args.out)
        return

    t_start = time.time()

    def log(msg):
        print("[%6.1fs] %s" % (time.time() - t_start, msg), flush=True)

    groups = set(args.groups.split(","))
    bad = groups - set(ALL_GROUPS)
    if bad:
        ap.error("unknown groups: " + ",".join(sorted(bad)))
    templates = [t for t in TEMPLATES if t[1] in groups]
    lex = sd.Lexicon() if args.no_lexicon else sd.read_lexicon()

    train_sents = sd.read_seg(sd.VLSP["train"])
    n_vlsp = len(train_sents)
    sources = ["vlsp2013-ws/train.seg.txt"]
    gazetteer = []
    if args.gazetteer and not args.no_lexicon:
        gazetteer, dropped = read_gazetteer(args.gazetteer, train_sents)
        log("gazetteer: %d names kept, %d written split in train" % (len(gazetteer), dropped))
    if args.ud_repeat > 0:
        train_sents += sd.read_seg(sd.UD["train"]) * args.ud_repeat
        sources.append("ud-vtb/vi_vtb-ud-train.seg.txt x%d" % args.ud_repeat)
    def held_part(sents, spec, option):
        """(held, fit): part K of N contiguous parts of sents, and the rest
        (all of sents both, without spec)."""
        if not spec:
            return sents, sents
        k, n = (int(x) for x in spec.split("/"))
        if not 1 <= k <= n:
            ap.error("%s K/N needs 1 <= K <= N" % option)
        a, b = len(sents) * (k - 1) // n, len(sents) * k // n
        return sents[a:b], sents[:a] + sents[b:]

    ud_held, ud_fit = held_part(sd.read_seg(sd.UD["dev"]), args.hold_ud_dev, "--hold-ud-dev")
    if args.train_ud_dev:
        if args.ud_repeat < 1:
            ap.error("--train-ud-dev needs --ud-repeat 1 or more")
        train_sents += ud_fit * args.ud_repeat
        sources.append("ud-vtb/vi_vtb-ud-dev.seg.txt%s x%d" % (
            " but part %s" % args.hold_ud_dev if args.hold_ud_dev else "", args.ud_repeat))
        if not args.hold_ud_dev:
            ud_held = []
    vlsp_held, vlsp_fit = held_part(sd.read_seg(sd.VLSP["dev"]), args.hold_vlsp_dev,
                                    "--hold-vlsp-dev")
    if args.train_vlsp_dev > 0:
        # after VLSP train, so the jackknife of --train-words leaves them
        # with UD: they see the words of all of VLSP train
        train_sents += vlsp_fit * args.train_vlsp_dev
        sources.append("vlsp2013-ws/dev.seg.txt%s x%d" % (
            " but part %s" % args.hold_vlsp_dev if args.hold_vlsp_dev else "",
            args.train_vlsp_dev))
        if not args.hold_vlsp_dev:
            vlsp_held = []
    if len(lex):
        sources.append("lexicon/VnVocab.txt")
    if args.train_words:
        # Jackknife: a VLSP training sentence sees the words of the other
        # folds only (contiguous blocks, so a document's words do not help
        # it); UD sentences and the dev sets see the words of all of VLSP train.
        vl = train_sents[:n_vlsp]
        bounds = [n_vlsp * k // TRAIN_WORD_FOLDS for k in range(TRAIN_WORD_FOLDS + 1)]
        counts = [word_counts(vl[bounds[k]:bounds[k + 1]]) for k in range(TRAIN_WORD_FOLDS)]
        parts = []  # (sentences, lexicon), in the order of the training data
        for k in range(TRAIN_WORD_FOLDS):
            other = {}
            for j in range(TRAIN_WORD_FOLDS):
                if j != k:
                    for w, c in counts[j].items():
                        other[w] = other.get(w, 0) + c
            fl = extended_lexicon(lex, other, args.train_words)
            block = vl[bounds[k]:bounds[k + 1]]
            parts.append((block, fl))
            if args.lower:
                parts.append((lowered(block[::args.lower]), fl))
        total = {}
        for c in counts:
            for w, n in c.items():
                total[w] = total.get(w, 0) + n
        lex = extended_lexicon(lex, total, args.train_words)
        rest = train_sents[n_vlsp:]
        parts.append((rest, lex))
        if args.lower:
            parts.append((lowered(rest[::args.lower]), lex))
        # each VLSP block then its lower case, UD then its lower case
        K = np.concatenate([feature_keys(ss, fl, templates, False) for ss, fl in parts])
        train_sents = [s for ss, _ in parts for s in ss]
        sources.append("multi-syllable words of vlsp2013-ws/train.seg.txt seen >= %d times (hashed)"
                       % args.train_words)
        log("lexicon with training words: %d entries" % len(lex))
    else:
        if args.lower:
            train_sents = train_sents + lowered(train_sents[::args.lower])
        K = feature_keys(train_sents, lex, templates, False)
    if args.lower:
        sources.append("the same sentences again in lower case" if args.lower == 1 else
                       "every %d-th of them again in lower case" % args.lower)
    gold = np.array([j for s in train_sents for j in s.joins], dtype=np.int8)
    starts, ends = gap_bounds(train_sents)
    log("train: %d sentences, %d gaps, %d templates" % (len(train_sents), len(gold), len(templates)))
    dev_sets = []
    devs = []
    for name, s in (("vlsp-dev" + (" part %s" % args.hold_vlsp_dev if args.hold_vlsp_dev else ""),
                     vlsp_held),
                    ("ud-dev" + (" part %s" % args.hold_ud_dev if args.hold_ud_dev else ""), ud_held)):
        if not s:
            continue
        devs.append((name, s))
        if args.dev_cases:
            devs.append((name + "-lower", lowered(s)))
            devs.append((name + "-upper", lowered(s, str.upper)))
    for name, s in devs:
        a, b = gap_bounds(s)
        dev_sets.append({"name": name, "sents": s, "K": feature_keys(s, lex, templates),
                         "starts": a, "ends": b})
    log("features computed")
    t_train = time.time()
    uniq, X = index_features(K, args, log)
    del K
    models = []
    for r in range(args.ensemble):
        m, _ = train(uniq, X, gold, starts, ends, args, args.seed + r, dev_sets, log)
        models.append(m)
    if len(models) == 1:
        model = models[0]
    else:
        w = sum(m.weights for m in models) / len(models)
        tr = tuple(sum(m.trans[i] for m in models) / len(models) for i in range(4))
        model = Model(uniq, w, tr)
        res = [evaluate(model, d, args.mode) for d in dev_sets]
        log("ensemble of %d: %s" % (len(models), "  ".join(
            "%s F1 %.2f" % (d["name"], r) for d, r in zip(dev_sets, res))))
    log("training took %.1fs" % (time.time() - t_train))
    nz = int(np.count_nonzero(model.weights))
    for keep in sorted({args.keep, 100000, 150000, 200000, 300000, 500000, nz}):
        if keep > nz:
            continue
        pm, thr = prune(model, keep=keep)
        res = [evaluate(pm, d, args.mode) for d in dev_sets]
        log("pruned to %7d weights (|w| >= %.4g): %s" % (
            len(pm.keys), thr, "  ".join("%s F1 %.2f" % (d["name"], r) for d, r in zip(dev_sets, res))))
    pm, thr = prune(model, keep=args.keep)
    if gazetteer:
        # The place names join the lexicon of the model file only, as a user
        # dictionary would: training saw them where its own words put them
        # (SEGMENTER.md, Lexicon), so the weights are those of the same
        # training without them.
        before = len(lex)
        lex = extended_lexicon(lex, dict.fromkeys(gazetteer, 1), 1)
        sources.append("%s (%d place names, %d new to the lexicon; in the model file only)"
                       % (os.path.relpath(args.gazetteer, sd.REPO), len(gazetteer), len(lex) - before))
        for d in dev_sets:
            d["K"] = feature_keys(d["sents"], lex, templates)
        res = [evaluate(pm, d, args.mode) for d in dev_sets]
        log("with the gazetteer in the lexicon (%d new entries): %s" % (
            len(lex) - before, "  ".join("%s F1 %.2f" % (d["name"], r) for d, r in zip(dev_sets, res))))
    if not args.no_write:
        desc = ("vntext word segmenter; generated by tools/train_segmenter.py from %s; "
                "averaged perceptron, %s decoding, %d epochs, seed %d, %d run(s) averaged, min count %d, "
                "groups %s, %d weights kept (|w| >= %.6g)" % (
                    " + ".join(sources), args.mode, args.epochs, args.seed, args.ensemble, args.min_count,
                    ",".join(sorted(groups)), len(pm.keys), thr))
        write_model(args.out, pm, templates, lex, desc)
        back = read_model(args.out)[0]
        res = [evaluate(back, d, args.mode) for d in dev_sets]
        log("wrote %s (%d bytes): %s" % (args.out, os.path.getsize(args.out),
                                        "  ".join("%s F1 %.2f" % (d["name"], r)
                                                  for d, r in zip(dev_sets, res))))


if __name__ == "__main__":
    main()
