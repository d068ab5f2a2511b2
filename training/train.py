"""Train the sentence-evidence classifier that notecheck's judgement rules read.

    python training/train.py [--epochs N] [--out src/notecheck/models/evidence]

Reads training/data/*.jsonl ({"text", "labels", "service", "setting", "source"}, and
"note" on rows that come from a whole note: sentences written blind to the rules and the
test corpora; "split": "train" on rows never to be drawn into dev, see ``split``), holds
out a fixed dev split *by note* (about 15% of the sentences, seed 0; see ``groups`` for
how rows without a note id are grouped), trains a spaCy
``textcat_multilabel`` with a small tok2vec of its own (no dependence on the English
pipeline) for up to N epochs (stopping early when dev stops improving or the time budget is
spent), keeps the epoch with the best macro F on dev, then calibrates each label's score on
dev (Platt scaling, see ``platt``) and writes ``calibration.json`` inside the saved model
folder. Prints per-label precision/recall/F on the dev notes at raw 0.5, at calibrated 0.5
and at the best threshold per label, and saves the pipeline (a blank English tokenizer +
textcat) to --out. Everything is seeded, so a rerun on the same data and spaCy version gives
the same model.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
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
                row["_file"] = path.name
                rows.append(row)
    return rows


# Rows without a "note" id (the older sentence banks) are grouped into pseudo-notes: a run of
# consecutive rows from one file with the same setting and source is one scenario (the same
# family or person, often several variants of one sentence), cut into blocks of at most
# PSEUDO_NOTE rows so that one long bank cannot fill the dev split on its own. Variants of
# one sentence sit next to each other, so they stay on one side of the split.
PSEUDO_NOTE = 40
PRIOR = 1.0  # weight of the pull towards "no change" in the Platt fit


def groups(rows: list[dict]) -> list[list[dict]]:
    """The rows grouped into notes (by "note" id) and pseudo-notes (see PSEUDO_NOTE), in
    file order; no group straddles train and dev."""
    out: list[list[dict]] = []
    keyed: dict[tuple, list[dict]] = {}
    for (path, note), run in itertools.groupby(rows, key=lambda r: (r["_file"], r.get("note"))):
        run = list(run)
        if note is not None:
            if (path, note) not in keyed:
                keyed[(path, note)] = []
                out.append(keyed[(path, note)])
            keyed[(path, note)].extend(run)
            continue
        for _, bank in itertools.groupby(run, key=lambda r: (r.get("setting"), r.get("source"))):
            bank = list(bank)
            out.extend(bank[i:i + PSEUDO_NOTE] for i in range(0, len(bank), PSEUDO_NOTE))
    return out


def split(rows: list[dict], dev_share: float = 0.15) -> tuple[list[dict], list[dict], int]:
    """Train and dev rows, split by whole note (seeded): notes are shuffled and taken into
    dev until it holds dev_share of the sentences. Returns (train, dev, dev note count).

    Rows marked "split": "train" (targeted rows written to fix one weakness, such as
    notes-voice-negatives.jsonl) always train and are left out of the draw, so adding them
    leaves the dev notes as they were and dev figures stay comparable before and after."""
    always_train = [row for row in rows if row.get("split") == "train"]
    rows = [row for row in rows if row.get("split") != "train"]
    notes = groups(rows)
    random.Random(SEED).shuffle(notes)
    target, dev, taken = dev_share * len(rows), [], 0
    while len(dev) < target:
        dev.extend(notes[taken])
        taken += 1
    train = [row for note in notes[taken:] for row in note] + always_train
    return train, dev, taken


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


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1 / (1 + math.exp(-z))
    e = math.exp(max(z, -700))
    return e / (1 + e)


def logit(score: float) -> float:
    score = min(max(score, 1e-6), 1 - 1e-6)
    return math.log(score / (1 - score))


def platt(xs: list[float], ys: list[bool]) -> tuple[float, float]:
    """Platt scaling: fit p = 1 / (1 + exp(-(a * x + b))) to the dev labels ys, where x is
    the logit of the model's raw score, by Newton's method on the log loss, with Platt's
    smoothed targets ((N+ + 1) / (N+ + 2) and 1 / (N- + 2)) so that a label with few
    positives on dev is not fitted to certainty. Two numbers per label: with dev sets of a
    few dozen positives a label, this is steadier than an isotonic fit, and it keeps the
    order of the scores (a monotone map), so a threshold on the raw score still means the
    same thing. A weak pull (PRIOR) towards a = 1, b = 0 (the raw score unchanged) keeps the
    fit finite when dev separates a label perfectly or holds none of it; each Newton step is
    capped so the fit cannot overshoot."""
    positives = sum(ys)
    negatives = len(ys) - positives
    high, low = (positives + 1) / (positives + 2), 1 / (negatives + 2)
    targets = [high if y else low for y in ys]
    a, b = 1.0, 0.0
    for _ in range(200):
        g_a, g_b = PRIOR * (a - 1), PRIOR * b
        h_aa = h_bb = PRIOR
        h_ab = 0.0
        for x, t in zip(xs, targets):
            p = sigmoid(a * x + b)
            w = p * (1 - p)
            g_a += (p - t) * x
            g_b += p - t
            h_aa += w * x * x
            h_ab += w * x
            h_bb += w
        det = h_aa * h_bb - h_ab * h_ab
        step_a = (h_bb * g_a - h_ab * g_b) / det
        step_b = (h_aa * g_b - h_ab * g_a) / det
        longest = max(abs(step_a), abs(step_b))
        if longest > 2:
            step_a, step_b = step_a * 2 / longest, step_b * 2 / longest
        a, b = a - step_a, b - step_b
        if abs(step_a) < 1e-9 and abs(step_b) < 1e-9:
            break
    return a, b


def calibrated(score: float, a: float, b: float) -> float:
    return sigmoid(a * logit(score) + b)


def log_loss(ps: list[float], ys: list[bool]) -> float:
    eps = 1e-6
    return -sum(math.log(min(max(p if y else 1 - p, eps), 1)) for p, y in zip(ps, ys)) / len(ps)


def calibrate(dev, predicted) -> dict:
    """Per-label Platt parameters and best-F thresholds, fitted on the dev notes."""
    labels = {}
    for label in LABELS:
        ys = [label in r["labels"] for r in dev]
        raw = [cats[label] for cats in predicted]
        a, b = platt([logit(s) for s in raw], ys)
        cal = [calibrated(s, a, b) for s in raw]
        t = max((x / 20 for x in range(2, 19)), key=lambda t: prf(dev, predicted, label, t)[2])
        labels[label] = {
            "a": round(a, 6), "b": round(b, 6),
            # the raw score at which the calibrated probability is 0.5
            "raw_at_half": round(sigmoid(-b / a), 6) if a > 0 else None,
            "best_f_threshold": t,
            "dev_positives": sum(ys),
            "dev_log_loss_raw": round(log_loss(raw, ys), 4),
            "dev_log_loss_calibrated": round(log_loss(cal, ys), 4),
        }
    return labels


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE / "data")
    parser.add_argument("--out", type=Path,
                        default=HERE.parent / "src" / "notecheck" / "models" / "evidence")
    parser.add_argument("--epochs", type=int, default=12)
    parser.add_argument("--patience", type=int, default=4,
                        help="stop after this many epochs without a better dev macro F")
    parser.add_argument("--budget-minutes", type=float, default=18.0,
                        help="start no epoch that would end after this many minutes")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    spacy.util.fix_random_seed(SEED)
    rows = read(args.data)
    train, dev, dev_notes = split(rows)
    print(f"{len(rows)} sentences in {len(groups(rows))} notes and pseudo-notes: "
          f"{len(train)} train, {len(dev)} dev (in {dev_notes} notes; "
          f"{sum('note' in r for r in dev)} dev sentences from whole notes)")

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
        elapsed = time.perf_counter() - started
        print(f"epoch {epoch:2d}  loss {losses['textcat_multilabel']:8.3f}  dev macro F {f:.3f}"
              f"  ({elapsed:.0f}s)", flush=True)
        if f > best:
            best, best_epoch, best_bytes = f, epoch, nlp.to_bytes()
        if epoch - best_epoch >= args.patience:
            print(f"no better dev macro F for {args.patience} epochs: stopping")
            break
        if elapsed / epoch * (epoch + 1) > args.budget_minutes * 60:
            print(f"another epoch would pass the {args.budget_minutes}-minute budget: stopping")
            break
    nlp.from_bytes(best_bytes)
    predicted = scores(nlp, dev)
    calibration = calibrate(dev, predicted)
    print(f"\nbest epoch {best_epoch}: dev macro F {best:.3f} (at raw 0.5)\n")
    print("per label on the dev notes; 'cal .5' is the calibrated probability >= 0.5, fitted on"
          " these same dev notes (in-sample)\n")
    print(f"{'label':<22} {'n':>4}  {'P@.5':>5} {'R@.5':>5} {'F@.5':>5}   "
          f"{'cal .5 (raw t)':>14} {'P':>5} {'R':>5} {'F':>5}   best t  {'P':>5} {'R':>5} {'F':>5}"
          f"   {'logloss raw->cal':>16}")
    for label in LABELS:
        c = calibration[label]
        n = c["dev_positives"]
        p, r, f = prf(dev, predicted, label, 0.5)
        half = c["raw_at_half"] if c["raw_at_half"] is not None else 1.0
        cp, cr, cf = prf(dev, predicted, label, half)
        t = c["best_f_threshold"]
        bp, br, bf = prf(dev, predicted, label, t)
        print(f"{label:<22} {n:>4}  {p:5.2f} {r:5.2f} {f:5.2f}   {half:14.3f} {cp:5.2f} {cr:5.2f} {cf:5.2f}"
              f"   {t:5.2f}   {bp:5.2f} {br:5.2f} {bf:5.2f}"
              f"   {c['dev_log_loss_raw']:7.3f}->{c['dev_log_loss_calibrated']:.3f}")
    if args.out.exists():
        shutil.rmtree(args.out)
    nlp.meta.update({"name": "notecheck_evidence", "version": "1.0.0",
                     "description": "Sentence evidence for notecheck's judgement rules "
                                    f"(trained on {len(train)} sentences; dev macro F {best:.3f})"})
    args.out.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    (args.out / "calibration.json").write_text(json.dumps({
        "method": "platt",
        "how_to_read": "calibrated = 1 / (1 + exp(-(a * logit(raw) + b))), logit(raw) = "
                       "ln(raw / (1 - raw)) with raw clipped to [1e-6, 1 - 1e-6]; "
                       "raw_at_half is the raw score where calibrated = 0.5; "
                       "best_f_threshold is the raw score that gave the best F on dev",
        "fitted_on": f"{len(dev)} dev sentences in {dev_notes} notes, best epoch {best_epoch}",
        "labels": calibration}, indent=1) + "\n", encoding="utf-8")
    if (args.out.parent / "__init__.py").exists():  # the package's models folder
        stamp(args.out)
    size = sum(p.stat().st_size for p in args.out.rglob("*") if p.is_file())
    print(f"\nsaved to {args.out} ({size / 1e6:.1f} MB) in {time.perf_counter() - started:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
