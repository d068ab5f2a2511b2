"""Train the sentence-evidence classifier that notecheck's judgement rules read.

    python training/train.py [--epochs N] [--out src/notecheck/models/evidence]

Reads training/data/*.jsonl ({"text", "labels", "service", "setting", "source"}: sentences
written blind to the rules and the test corpora), holds out a fixed dev split of that
training data (15%, seed 0), trains a spaCy ``textcat_multilabel`` with a small tok2vec of
its own (no dependence on the English pipeline) for up to N epochs, keeps the epoch with the
best macro F on dev, prints per-label precision/recall/F on dev at 0.5 and at the best
threshold per label, and saves the pipeline (a blank English tokenizer + textcat) to --out.
Everything is seeded, so a rerun on the same data and spaCy version gives the same model.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path

import spacy
from spacy.training import Example

LABELS = ["voice", "observation", "opinion", "sourced_claim", "unsourced_claim", "sharing",
          "sharing_recipient", "sharing_purpose", "sharing_consent", "sharing_told",
          "sharing_receipt", "adult_risk", "household_considered", "vague_time"]
HERE = Path(__file__).resolve().parent
SEED = 0

# A small model: its own hash-embedding CNN (width 64) beside a bag of unigrams and bigrams,
# sized so the saved weights stay a few megabytes.
MODEL = {
    "@architectures": "spacy.TextCatEnsemble.v2",
    "tok2vec": {
        "@architectures": "spacy.Tok2Vec.v2",
        "embed": {"@architectures": "spacy.MultiHashEmbed.v2", "width": 64,
                  "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"],
                  "rows": [4000, 1000, 2000, 500], "include_static_vectors": False},
        "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": 64,
                   "window_size": 1, "maxout_pieces": 3, "depth": 2},
    },
    "linear_model": {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False,
                     "ngram_size": 2, "no_output_layer": False, "length": 65536},
    "nO": None,
}


def read(folder: Path) -> list[dict]:
    rows = []
    for path in sorted(folder.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                row = json.loads(line)
                unknown = set(row["labels"]) - set(LABELS)
                if unknown:
                    sys.exit(f"{path}:{number}: unknown label(s) {sorted(unknown)}")
                rows.append(row)
    return rows


def split(rows: list[dict], dev_share: float = 0.15) -> tuple[list[dict], list[dict]]:
    shuffled = rows[:]
    random.Random(SEED).shuffle(shuffled)
    cut = int(len(shuffled) * dev_share)
    return shuffled[cut:], shuffled[:cut]


def examples(nlp, rows):
    return [Example.from_dict(nlp.make_doc(r["text"]),
                              {"cats": {label: float(label in r["labels"]) for label in LABELS}})
            for r in rows]


def scores(nlp, rows) -> list[dict[str, float]]:
    return [doc.cats for doc in nlp.pipe((r["text"] for r in rows), batch_size=256)]


def prf(rows, predicted, label, threshold):
    tp = fp = fn = 0
    for row, cats in zip(rows, predicted):
        gold, guess = label in row["labels"], cats[label] >= threshold
        tp += gold and guess
        fp += guess and not gold
        fn += gold and not guess
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def macro_f(rows, predicted, threshold=0.5):
    return sum(prf(rows, predicted, label, threshold)[2] for label in LABELS) / len(LABELS)


def stamp(out: Path) -> None:
    """Write the weights' digest into the package's Python, so that a results cache
    (which keys on notecheck's own code) never serves findings from an older model."""
    import hashlib

    digest = hashlib.sha256()
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        digest.update(path.relative_to(out).as_posix().encode())
        digest.update(path.read_bytes())
    (out.parent / "__init__.py").write_text(
        '"""Trained models shipped with notecheck (made by training/train.py)."""\n\n'
        f'EVIDENCE_DIGEST = "{digest.hexdigest()}"\n', encoding="utf-8")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--out", type=Path,
                        default=HERE.parent / "src" / "notecheck" / "models" / "evidence")
    parser.add_argument("--epochs", type=int, default=12)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    spacy.util.fix_random_seed(SEED)
    rows = read(args.data)
    train, dev = split(rows)
    print(f"{len(rows)} sentences: {len(train)} train, {len(dev)} dev")

    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": MODEL, "threshold": 0.5})
    for label in LABELS:
        textcat.add_label(label)
    train_examples = examples(nlp, train)
    optimizer = nlp.initialize(lambda: train_examples)
    rng = random.Random(SEED)
    best, best_epoch, best_bytes = -1.0, 0, None
    for epoch in range(1, args.epochs + 1):
        rng.shuffle(train_examples)
        losses = {}
        for batch in spacy.util.minibatch(train_examples, size=spacy.util.compounding(8.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=0.2, losses=losses)
        f = macro_f(dev, scores(nlp, dev))
        print(f"epoch {epoch:2d}  loss {losses['textcat_multilabel']:8.3f}  dev macro F {f:.3f}"
              f"  ({time.perf_counter() - started:.0f}s)", flush=True)
        if f > best:
            best, best_epoch, best_bytes = f, epoch, nlp.to_bytes()
    nlp.from_bytes(best_bytes)
    predicted = scores(nlp, dev)
    print(f"\nbest epoch {best_epoch}: dev macro F {best:.3f}\n")
    print(f"{'label':<22} {'n':>4}  {'P@.5':>5} {'R@.5':>5} {'F@.5':>5}   best t  {'P':>5} {'R':>5} {'F':>5}")
    for label in LABELS:
        n = sum(label in r["labels"] for r in dev)
        p, r, f = prf(dev, predicted, label, 0.5)
        t = max((x / 20 for x in range(2, 19)), key=lambda t: prf(dev, predicted, label, t)[2])
        bp, br, bf = prf(dev, predicted, label, t)
        print(f"{label:<22} {n:>4}  {p:5.2f} {r:5.2f} {f:5.2f}   {t:5.2f}   {bp:5.2f} {br:5.2f} {bf:5.2f}")
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.meta.update({"name": "notecheck_evidence", "version": "1.0.0",
                     "description": "Sentence evidence for notecheck's judgement rules "
                                    f"(trained on {len(train)} sentences; dev macro F {best:.3f})"})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    stamp(args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"\nsaved to {args.out} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
