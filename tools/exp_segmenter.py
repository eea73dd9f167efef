#!/usr/bin/env python3
"""Experiments beyond tools/train_segmenter.py (the rows of tools/SEGMENTER.md
marked "exp_segmenter.py"); none of them is in the shipped model.

    .venv/bin/python tools/exp_segmenter.py --fast            # the chosen configuration
    .venv/bin/python tools/exp_segmenter.py --word w          # + word identity (semi-Markov)
    .venv/bin/python tools/exp_segmenter.py --pair pbi,ptri   # + features x previous gap label
    .venv/bin/python tools/exp_segmenter.py --pa 1            # passive-aggressive updates
    .venv/bin/python tools/exp_segmenter.py --lr 0.1 --l2 1   # logistic regression, independent gaps
    .venv/bin/python tools/exp_segmenter.py --fast --drop 0.08   # learning curve

- word features (--word): for each candidate word of k <= L syllables ending at
  token i, hashed keys of (k, its values) "w", (k, toneless values) "tw",
  (k, shapes) "wsh", (k, values, right neighbour) "wr", (k, left neighbour,
  values) "lw"; a word's weights count when the labelling has exactly that word.
- pair features (--pair): a gap template's key re-hashed with the label of the
  previous gap; its weight counts when the gap is JOIN and the previous label matches.
- Decoding: Viterbi over the length of the current word so far (1..L, L+1 =
  longer), which is exact for both; with neither it equals the first-order
  Viterbi of train_segmenter.py (checked: same labels, same F1).

Same data, lexicon (jackknifed training words), seed and shuffle as the trainer;
caches the gap keys in /tmp (seg_exp_*.pkl).  Reports dev F1 only (never the
test split).  Uses one core.
"""

import argparse
import os
import pickle
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import segment_data as sd  # noqa: E402
import train_segmenter as ts  # noqa: E402

U64 = np.uint64
CACHE = "/tmp/seg_exp_cache_tw%d_ud%d.pkl"


def tokens_flat(sents):
    V, TV, SH, start = [], [], [], []
    for s in sents:
        info = [sd.token_info(t) for t in s.tokens]
        b = len(V)
        V += [x[0] for x in info]
        TV += [x[1] for x in info]
        SH += [x[2] for x in info]
        start += [b] * len(info)
    return (np.array(V, dtype=U64), np.array(TV, dtype=U64), np.array(SH, dtype=U64),
            np.array(start, dtype=np.int64))


def build(args):
    path = CACHE % (args.train_words, args.ud_repeat)
    if os.path.exists(path):
        with open(path, "rb") as f:
            return pickle.load(f)
    templates = ts.TEMPLATES
    lex = sd.read_lexicon()
    train_sents = sd.read_seg(sd.VLSP["train"])
    n_vlsp = len(train_sents)
    train_sents += sd.read_seg(sd.UD["train"]) * args.ud_repeat
    vl = train_sents[:n_vlsp]
    F = ts.TRAIN_WORD_FOLDS if args.train_words else 1
    bounds = [n_vlsp * k // F for k in range(F + 1)]
    counts = [ts.word_counts(vl[bounds[k]:bounds[k + 1]]) for k in range(F)]
    parts = []
    for k in range(F):
        other = {}
        for j in range(F):
            if j != k:
                for w, c in counts[j].items():
                    other[w] = other.get(w, 0) + c
        fl = ts.extended_lexicon(lex, other, args.train_words) if args.train_words else lex
        parts.append(ts.feature_keys(vl[bounds[k]:bounds[k + 1]], fl, templates))
    total = {}
    for c in counts:
        for w, n in c.items():
            total[w] = total.get(w, 0) + n
    if args.train_words:
        lex = ts.extended_lexicon(lex, total, args.train_words)
    parts.append(ts.feature_keys(train_sents[n_vlsp:], lex, templates))
    data = {"train": {"sents": train_sents, "K": np.concatenate(parts)}}
    for name, p in (("vlsp-dev", sd.VLSP["dev"]), ("ud-dev", sd.UD["dev"])):
        s = sd.read_seg(p)
        data[name] = {"sents": s, "K": ts.feature_keys(s, lex, templates)}
    for d in data.values():
        d["tok"] = tokens_flat(d["sents"])
        d["starts"], d["ends"] = ts.gap_bounds(d["sents"])
        d["gold"] = np.array([j for s in d["sents"] for j in s.joins], dtype=np.int8)
        sizes = np.array([len(s.tokens) for s in d["sents"]], dtype=np.int64)
        d["tend"] = np.cumsum(sizes)
        d["tstart"] = d["tend"] - sizes
    with open(path, "wb") as f:
        pickle.dump(data, f, protocol=4)
    return data


def chain(tid, cols):
    return ts.hash_keys(tid, cols, len(cols[0]))


def word_keys(d, L, wt):
    """(ntok, L, nW) keys of the word ending at token i with length k+1 (0: none)."""
    V, TV, SH, start = d["tok"]
    n = len(V)
    idx = np.arange(n)
    out = np.zeros((n, L, len(wt)), dtype=U64)
    # right / left neighbours (padding at the sentence edge)
    tend = np.repeat(d["tend"], d["tend"] - d["tstart"])
    right = np.where(idx + 1 < tend, V[np.minimum(idx + 1, n - 1)], U64(sd.PAD_EOS))
    for k in range(1, L + 1):
        valid = idx - start >= k - 1
        pos = [np.maximum(idx - k + 1 + j, 0) for j in range(k)]
        s0 = pos[0]
        left = np.where(s0 - 1 >= start, V[np.maximum(s0 - 1, 0)], U64(sd.PAD_BOS))
        for j, t in enumerate(wt):
            kk = U64(k)
            if t == "w":
                cols = [np.full(n, kk)] + [V[p] for p in pos]
            elif t == "tw":
                cols = [np.full(n, kk)] + [TV[p] for p in pos]
            elif t == "wsh":
                cols = [np.full(n, kk)] + [SH[p] for p in pos]
            elif t == "wr":
                cols = [np.full(n, kk)] + [V[p] for p in pos] + [right]
            elif t == "lw":
                cols = [np.full(n, kk), left] + [V[p] for p in pos]
            elif t == "len":
                cols = [np.full(n, kk)]
            else:
                raise ValueError(t)
            h = chain(60 + j, cols)
            out[:, k - 1, j] = np.where(valid, h, U64(0))
    return out


PAIR = {   # prev-label-conjoined gap templates: name -> gap template id whose slots are used
    "pbi": 7, "ptri": 14, "ptri2": 15, "pspan": 40, "plmask": 48, "ptone": 20, "psh": 31,
}


def pair_keys(d, pt):
    """(ngap, 2, nP) keys: template conjoined with the previous gap label 0/1."""
    gi = {t[0]: j for j, t in enumerate(ts.TEMPLATES)}
    K = d["K"]
    out = np.zeros((K.shape[0], 2, len(pt)), dtype=U64)
    for j, t in enumerate(pt):
        base = K[:, gi[PAIR[t]]]
        for p in (0, 1):
            out[:, p, j] = ts.mix64_np(base ^ U64(0x5A5A0000 + 16 * p + j))
    return out


def decode(sc, ps, ws, T, L):
    """sc[g]: JOIN score of gap g; ps[g][p]: extra JOIN score given prev label p;
    ws[i][k-1]: score of the word of length k ending at token i (closed).
    States at token i: k = 1..L+1 (length of the word so far, L+1: longer)."""
    n = len(sc) + 1
    NEG = -1e300
    S = L + 2
    a = [NEG] * S
    a[1] = 0.0
    bps = []
    t00, t01, t10, t11 = T
    for g in range(n - 1):
        w = ws[g] if ws is not None else None
        na = [NEG] * S
        bp = [0] * S
        # SPLIT -> state 1
        best, bk = NEG, 0
        for k in range(1, S):
            if a[k] == NEG:
                continue
            x = a[k] + (t10 if k >= 2 else t00)
            if w is not None and k <= L:
                x += w[k - 1]
            if x > best:
                best, bk = x, k
        na[1] = best
        bp[1] = bk
        # JOIN
        s = sc[g]
        p0 = ps[g][0] if ps is not None else 0.0
        p1 = ps[g][1] if ps is not None else 0.0
        for k in range(1, S):
            if a[k] == NEG:
                continue
            x = a[k] + s + ((t11 + p1) if k >= 2 else (t01 + p0))
            nk = k + 1 if k <= L else L + 1
            if x > na[nk]:
                na[nk] = x
                bp[nk] = k
        a = na
        bps.append(bp)
    w = ws[n - 1] if ws is not None else None
    best, bk = NEG, 0
    for k in range(1, S):
        if a[k] == NEG:
            continue
        x = a[k] + (w[k - 1] if (w is not None and k <= L) else 0.0)
        if x > best:
            best, bk = x, k
    k = bk
    lab = []
    for g in range(n - 2, -1, -1):
        pk = bps[g][k]
        lab.append(0 if k == 1 else 1)
        k = pk
    lab.reverse()
    return lab


def words_of(lab, L):
    """(end token, length) of the words of length <= L of a labelling."""
    out = []
    st = 0
    n = len(lab) + 1
    for i in range(n):
        if i == n - 1 or lab[i] == 0:
            k = i - st + 1
            if k <= L:
                out.append((i, k))
            st = i + 1
    return out


def run(args):
    t0 = time.time()
    data = build(args)
    print("[%.0fs] data ready" % (time.time() - t0), flush=True)
    gsel = [j for j, t in enumerate(ts.TEMPLATES) if t[1] in set(args.groups.split(","))]
    wt = [x for x in args.word.split(",") if x]
    pt = [x for x in args.pair.split(",") if x]
    L = args.L
    if args.vnlex:
        # the lexicon columns again from VnVocab alone, under template ids + 100
        vpath = "/tmp/seg_exp_vnlex_ud%d.pkl" % args.ud_repeat
        if os.path.exists(vpath):
            with open(vpath, "rb") as f:
                vk = pickle.load(f)
        else:
            vlex = sd.read_lexicon()
            vt = [(t[0] + 100, t[1], t[2]) for t in ts.TEMPLATES if t[0] in (40, 41, 42, 43, 44, 48, 49)]
            vk = {n: ts.feature_keys(d["sents"], vlex, vt) for n, d in data.items()}
            with open(vpath, "wb") as f:
                pickle.dump(vk, f, protocol=4)
        sel = [int(x) for x in args.vnlex.split(",")]
        ids = [40, 41, 42, 43, 44, 48, 49]
        for n, d in data.items():
            d["KV"] = vk[n][:, [ids.index(x) for x in sel]]
    for d in data.values():
        d["Kg"] = d["K"][:, gsel]
        if args.vnlex:
            d["Kg"] = np.concatenate([d["Kg"], d["KV"]], axis=1)
        d["KW"] = word_keys(d, L, wt) if wt else None
        d["KP"] = pair_keys(d, pt) if pt else None
    tr = data["train"]
    gcache = "/tmp/seg_exp_gidx_%s_%d_%d_%s.pkl" % (args.groups.replace(",", "-"), args.train_words,
                                                   args.ud_repeat, args.vnlex.replace(",", "-"))
    if os.path.exists(gcache):
        with open(gcache, "rb") as f:
            ng, Xs_ = pickle.load(f)
    else:
        uq, inv = np.unique(tr["Kg"].ravel(), return_inverse=True)
        ng = len(uq)
        Xs_ = {"train": (inv.reshape(tr["Kg"].shape) + 1).astype(np.int32)}
        for n in ("vlsp-dev", "ud-dev"):
            K = data[n]["Kg"]
            pos = np.minimum(np.searchsorted(uq, K), ng - 1)
            Xs_[n] = np.where(uq[pos] == K, pos + 1, 0).astype(np.int32)
        with open(gcache, "wb") as f:
            pickle.dump((ng, Xs_), f, protocol=4)
    allk = []
    if wt:
        allk.append(tr["KW"].ravel())
    if pt:
        allk.append(tr["KP"].ravel())
    uniq = np.unique(np.concatenate(allk)) if allk else np.zeros(0, dtype=U64)
    if len(uniq) and uniq[0] == 0:
        uniq = uniq[1:]

    def index(K):
        if not len(uniq):
            return np.zeros(K.shape, dtype=np.int64)
        pos = np.minimum(np.searchsorted(uniq, K), len(uniq) - 1)
        return np.where(uniq[pos] == K, ng + pos + 1, 0).astype(np.int64)

    for n, d in data.items():
        d["X"] = Xs_[n].astype(np.int64)
        d["XW"] = index(d["KW"]) if wt else None
        d["XP"] = index(d["KP"]) if pt else None
    uniq = np.zeros(ng + len(uniq))
    print("[%.0fs] %d keys; templates: %d gap, word %s (L=%d), pair %s" % (
        time.time() - t0, len(uniq), len(gsel), wt, L, pt), flush=True)

    def scores(d, Wv):
        sc = Wv[d["X"]].sum(axis=1)
        ps = Wv[d["XP"]].sum(axis=2) if pt else None
        ws = Wv[d["XW"]].sum(axis=2) if wt else None
        return sc, ps, ws

    def evaluate(d, Wv, T):
        sc, ps, ws = scores(d, Wv)
        scl = sc.tolist()
        psl = ps.tolist() if pt else None
        wsl = ws.tolist() if wt else None
        pred = []
        for (a, b), (ta, tb) in zip(zip(d["starts"].tolist(), d["ends"].tolist()),
                                    zip(d["tstart"].tolist(), d["tend"].tolist())):
            if b == a:
                pred.append([])
                continue
            if not pt and not wt and args.fast:
                pred.append(ts.viterbi(scl[a:b], T))
            else:
                pred.append(decode(scl[a:b], psl[a:b] if pt else None,
                                   wsl[ta:tb] if wt else None, T, L))
        return sd.word_f1(d["sents"], pred)[0]

    N = len(uniq) + 1
    if args.lr:
        # logistic regression on independent gaps, minibatch AdaGrad, L2 on all weights
        X = tr["X"]
        y = tr["gold"].astype(np.float64)
        drng = np.random.Generator(np.random.PCG64(args.seed))
        W = np.zeros(N)
        G = np.full(N, 1e-8)
        B = 20000
        for ep in range(1, args.epochs + 1):
            perm = drng.permutation(len(y))
            ll = 0.0
            for st in range(0, len(y), B):
                ix = perm[st:st + B]
                Xb = X[ix]
                sc = W[Xb].sum(axis=1)
                p = 1.0 / (1.0 + np.exp(-sc))
                ll -= np.log(np.where(y[ix] > 0, p, 1 - p) + 1e-12).sum()
                gr = np.bincount(Xb.ravel(), weights=np.repeat(p - y[ix], Xb.shape[1]), minlength=N)
                gr += args.l2 * W * (len(ix) / len(y))
                gr[0] = 0.0
                G += gr * gr
                W -= args.lr * gr / np.sqrt(G)
                W[0] = 0.0
            res = []
            for n in ("vlsp-dev", "ud-dev"):
                d = data[n]
                scd = W[d["X"]].sum(axis=1)
                lab = (scd > 0).astype(int).tolist()
                pred = [lab[a:b] for a, b in zip(d["starts"].tolist(), d["ends"].tolist())]
                res.append(sd.word_f1(d["sents"], pred)[0])
            print("[%.0fs] LR epoch %d loss %.0f  vlsp-dev %.2f  ud-dev %.2f  nonzero %d" % (
                time.time() - t0, ep, ll, res[0], res[1], np.count_nonzero(np.abs(W) > 1e-3)), flush=True)
        return
    W = np.zeros(N)
    U = np.zeros(N)
    T = np.zeros(4)
    TU = np.zeros(4)
    c = 1
    rng = np.random.Generator(np.random.PCG64(args.seed))
    order = np.arange(len(tr["starts"]))
    if args.drop:
        nv = 60817
        lo = int(nv * (1 - args.drop))
        order = np.concatenate([order[:lo], order[nv:]])
        print("training on %d sentences (VLSP train minus its last %d)" % (len(order), nv - lo))
    S, E = tr["starts"].tolist(), tr["ends"].tolist()
    TS, TE = tr["tstart"].tolist(), tr["tend"].tolist()
    goldl = tr["gold"].tolist()
    X, XW, XP = tr["X"], tr["XW"], tr["XP"]
    res_hist = []
    for ep in range(1, args.epochs + 1):
        te = time.time()
        rng.shuffle(order)
        nerr = 0
        for si in order.tolist():
            a, b = S[si], E[si]
            if a == b:
                c += 1
                continue
            ta, tb = TS[si], TE[si]
            Xs = X[a:b]
            sc = W[Xs].sum(axis=1).tolist()
            ps = W[XP[a:b]].sum(axis=2).tolist() if pt else None
            ws = W[XW[ta:tb]].sum(axis=2).tolist() if wt else None
            z = goldl[a:b]
            if pt or wt or not args.fast:
                y = decode(sc, ps, ws, T.tolist(), L)
            else:
                y = ts.viterbi(sc, T.tolist())
            if y != z:
                d = np.array(z, dtype=np.float64) - np.array(y, dtype=np.float64)
                m = np.nonzero(d)[0]
                nerr += len(m)
                idx = [Xs[m].ravel()]
                dd = [np.repeat(d[m], Xs.shape[1])]
                if pt:
                    XPs = XP[a:b]
                    zp = [0] + z[:-1]
                    yp = [0] + y[:-1]
                    gz = [g for g in range(b - a) if z[g] == 1]
                    gy = [g for g in range(b - a) if y[g] == 1]
                    if gz:
                        idx.append(XPs[gz, [zp[g] for g in gz]].ravel())
                        dd.append(np.ones(len(gz) * len(pt)))
                    if gy:
                        idx.append(XPs[gy, [yp[g] for g in gy]].ravel())
                        dd.append(-np.ones(len(gy) * len(pt)))
                if wt:
                    XWs = XW[ta:tb]
                    wz = set(words_of(z, L))
                    wy = set(words_of(y, L))
                    pz = [w for w in wz if w not in wy]
                    py = [w for w in wy if w not in wz]
                    if pz:
                        idx.append(XWs[[w[0] for w in pz], [w[1] - 1 for w in pz]].ravel())
                        dd.append(np.ones(len(pz) * len(wt)))
                    if py:
                        idx.append(XWs[[w[0] for w in py], [w[1] - 1 for w in py]].ravel())
                        dd.append(-np.ones(len(py) * len(wt)))
                idx = np.concatenate(idx)
                dd = np.concatenate(dd)
                if args.pa:
                    # PA-I: step = min(C, loss / ||dphi||^2), loss = #wrong gaps - score margin
                    tz = ty = 0.0
                    Tl = T.tolist()
                    pz_ = py_ = 0
                    for g in range(b - a):
                        tz += Tl[2 * pz_ + z[g]] + (sc[g] if z[g] else 0.0)
                        ty += Tl[2 * py_ + y[g]] + (sc[g] if y[g] else 0.0)
                        pz_, py_ = z[g], y[g]
                    loss = len(m) - (tz - ty)
                    _, inv_ = np.unique(idx, return_inverse=True)
                    dphi = np.bincount(inv_, weights=dd)
                    nrm = float((dphi ** 2).sum()) + 2.0 * len(m)
                    step = min(args.pa, max(loss, 0.0) / nrm) if nrm > 0 else 0.0
                    dd = dd * step
                else:
                    step = 1.0
                np.add.at(W, idx, dd)
                np.add.at(U, idx, c * dd)
                W[0] = 0.0
                U[0] = 0.0
                pz = pyy = 0
                for zg, yg in zip(z, y):
                    T[2 * pz + zg] += step
                    TU[2 * pz + zg] += c * step
                    T[2 * pyy + yg] -= step
                    TU[2 * pyy + yg] -= c * step
                    pz, pyy = zg, yg
            c += 1
        avg = W - U / c
        tavg = tuple((T - TU / c).tolist())
        if ep >= args.eval_from:
            res = [evaluate(data[n], avg, tavg) for n in ("vlsp-dev", "ud-dev")]
            res_hist.append((ep, res))
            print("[%.0fs] epoch %d (%.1fs) errors %d  vlsp-dev %.2f  ud-dev %.2f" % (
                time.time() - t0, ep, time.time() - te, nerr, res[0], res[1]), flush=True)
        else:
            print("[%.0fs] epoch %d (%.1fs) errors %d" % (time.time() - t0, ep, time.time() - te, nerr),
                  flush=True)
    # pruning
    nz = int(np.count_nonzero(avg))
    for keep in args.keep:
        if keep >= nz:
            continue
        thr = np.sort(np.abs(avg[avg != 0]))[::-1][keep - 1]
        pw = np.where(np.abs(avg) >= thr, avg, 0.0).astype(np.float32).astype(np.float64)
        res = [evaluate(data[n], pw, tavg) for n in ("vlsp-dev", "ud-dev")]
        print("pruned %d (of %d): vlsp-dev %.2f  ud-dev %.2f" % (keep, nz, res[0], res[1]), flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--groups", default=ts.DEFAULT_GROUPS)
    ap.add_argument("--word", default="")
    ap.add_argument("--pair", default="")
    ap.add_argument("--L", type=int, default=4)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--eval-from", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--train-words", type=int, default=3)
    ap.add_argument("--ud-repeat", type=int, default=3)
    ap.add_argument("--keep", type=int, nargs="*", default=[150000])
    ap.add_argument("--drop", type=float, default=0.0)
    ap.add_argument("--pa", type=float, default=0.0, help="PA-I aggressiveness C (0: perceptron)")
    ap.add_argument("--lr", type=float, default=0.0, help="logistic regression, AdaGrad rate")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--vnlex", default="", help="lexicon template ids to add computed from VnVocab alone")
    ap.add_argument("--fast", action="store_true", help="plain first-order Viterbi when possible")
    run(ap.parse_args())


if __name__ == "__main__":
    main()
