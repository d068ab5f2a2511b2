"""Score saved evidence models on the dev notes that train.py holds out, without training.

    python training/compare.py MODEL [MODEL ...] [--rows dev|dev-notes|notes]

--rows dev: the whole dev split (by note, as train.py draws it); dev-notes: only the dev
rows that come from whole written notes (rows with a "note" id, the strictest test: no
sentence bank near-duplicates); notes: every row with a note id (fair only for a model
that never trained on them, such as one trained before they were written).

For each model it prints per-label precision/recall/F at raw 0.5, and a two-fold
cross-fitted check of Platt calibration (train.platt): parameters fitted on half the chosen
notes and scored on the other half, and the other way round, so the calibrated figures are
out of sample, unlike the in-sample ones train.py prints.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train  # noqa: E402


def chosen_rows(which: str) -> list[dict]:
    rows = train.read(train.HERE / "data")
    _, dev, _ = train.split(rows)
    if which == "dev":
        return dev
    if which == "dev-notes":
        return [r for r in dev if "note" in r]
    return [r for r in rows if "note" in r]


def cross_fitted(rows, predicted, label):
    """Calibrated probabilities for each row from Platt fits on the other half of the notes."""
    notes = sorted({r.get("note") or id(r) for r in rows}, key=str)
    random.Random(train.SEED).shuffle(notes)
    half = set(notes[: len(notes) // 2])
    folds = [[i for i, r in enumerate(rows) if (r.get("note") or id(r)) in half],
             [i for i, r in enumerate(rows) if (r.get("note") or id(r)) not in half]]
    out = [0.0] * len(rows)
    for fit, score in (folds, folds[::-1]):
        a, b = train.platt([train.logit(predicted[i][label]) for i in fit],
                           [label in rows[i]["labels"] for i in fit])
        for i in score:
            out[i] = train.calibrated(predicted[i][label], a, b)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+", type=Path)
    parser.add_argument("--rows", choices=["dev", "dev-notes", "notes"], default="dev")
    args = parser.parse_args(argv)
    rows = chosen_rows(args.rows)
    print(f"{len(rows)} sentences ({args.rows})")
    for model in args.models:
        nlp = spacy.load(model)
        predicted = train.scores(nlp, rows)
        print(f"\n{model}: macro F at raw 0.5 {train.macro_f(rows, predicted):.3f}")
        print(f"{'label':<22} {'n':>4}  {'P@.5':>5} {'R@.5':>5} {'F@.5':>5}"
              f"   cross-fitted cal .5: {'P':>5} {'R':>5} {'F':>5}  logloss raw->cal")
        for label in train.LABELS:
            n = sum(label in r["labels"] for r in rows)
            p, r, f = train.prf(rows, predicted, label, 0.5)
            cal = cross_fitted(rows, predicted, label)
            as_cats = [{label: c} for c in cal]
            cp, cr, cf = train.prf(rows, as_cats, label, 0.5)
            ys = [label in row["labels"] for row in rows]
            raw_loss = train.log_loss([c[label] for c in predicted], ys)
            cal_loss = train.log_loss(cal, ys)
            print(f"{label:<22} {n:>4}  {p:5.2f} {r:5.2f} {f:5.2f}"
                  f"                        {cp:5.2f} {cr:5.2f} {cf:5.2f}  {raw_loss:.3f}->{cal_loss:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
