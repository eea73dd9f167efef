#!/usr/bin/env python3
"""Word F1 of a segmenter model file on the dev splits (VLSP 2013 dev, UD-VTB dev).

    .venv/bin/python bench/eval_segment_dev.py [--model python/vntext/segmenter.bin] [--errors 30]

Reads the model as the C code will (header, sorted feature hashes, float32
weights), recomputes the feature keys with tools/train_segmenter.py's
templates (the template ids come from the file), decodes with Viterbi and
scores word F1 over character spans, the input being the gold line with "_"
turned into spaces.  Never reads the VLSP test split: that is run once per
model by the lead.  Needs numpy (a tool dependency, not the package's).
"""

import argparse
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tools"))

import segment_data as sd  # noqa: E402
import train_segmenter as ts  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--model", default=os.path.join(REPO, "python", "vntext", "segmenter.bin"))
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong words per split")
    args = ap.parse_args()

    model, lex, tids, desc = ts.read_model(args.model)
    templates = [t for t in ts.TEMPLATES if t[0] in tids]
    print(desc)
    print("%d weights, %d templates, %d lexicon entries, transitions SS %.3f SJ %.3f JS %.3f JJ %.3f" % (
        len(model.keys), len(templates), len(lex), *model.trans))
    for name, path in (("vlsp2013-ws dev", sd.VLSP["dev"]), ("ud-vtb dev", sd.UD["dev"])):
        sents = sd.read_seg(path)
        starts, ends = ts.gap_bounds(sents)
        sc = model.scores(ts.feature_keys(sents, lex, templates))
        pred = ts.decode_all(sc, starts, ends, model.trans, "viterbi")
        f1, p, r, n = sd.word_f1(sents, pred)
        print("%-16s word F1 %.2f  (P %.2f R %.2f, %d gold words)" % (name, f1, p, r, n))
        shown = 0
        for s, y in zip(sents, pred):
            if shown >= args.errors:
                break
            if y != s.joins:
                def show(lab):
                    return " ".join("_".join(s.raw[a:b].split(" ")) for a, b in sd.word_spans(s, lab))
                g, q = show(s.joins).split(" "), show(y).split(" ")
                gs, qs = set(g), set(q)
                print("   gold: %s\n   pred: %s" % (
                    " ".join(w for w in g if w not in qs), " ".join(w for w in q if w not in gs)))
                shown += 1


if __name__ == "__main__":
    main()
