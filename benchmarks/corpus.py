"""A generated case note export, as a local authority's system might give one: a CSV with
id, team, worker, note type, contact and recorded dates and the note text (the sentence
templates of throughput.py, some with an NHS number in them).

    PYTHONPATH=src python benchmarks/corpus.py OUT.csv [NOTES] [--seed S]

Used by benchmarks/scale.py and by the report and Dask tests.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import make_note  # noqa: E402

TEAMS = ["Assessment North", "Assessment South", "Children in Care", "Adults East",
         "Adults West", "Hospital Discharge"]
WORKERS = ["A. Patel", "B. Osei", "C. Lee", "D. Nowak", "E. Campbell", "F. Okafor", "G. Reid"]
NOTE_TYPES = ["home visit", "phone call", "meeting", "school visit", "review"]
# Valid NHS numbers (the check digit holds), as a note might quote one.
NHS_NUMBERS = ["943 476 5919", "401 023 2137", "485 777 3457"]
COLUMNS = ["id", "Team", "Worker", "Note Type", "Contact Date", "Recorded Date", "Case Note"]


def rows(notes: int, seed: int = 7, start: dt.date = dt.date(2026, 1, 5)):
    """Rows of a generated export, the same for the same seed."""
    rng = random.Random(seed)
    for index in range(notes):
        text = make_note(rng, index)
        if text.startswith("---\n"):  # throughput's notes may carry front matter: keep the body
            text = text.split("---\n", 2)[2]
        if rng.random() < 0.15:
            text = f"NHS number {rng.choice(NHS_NUMBERS)} confirmed. " + text
        contact = start + dt.timedelta(days=rng.randint(0, 300))
        recorded = contact + dt.timedelta(days=rng.choice([0, 0, 1, 1, 1, 2, 3, 4, 7, 12]))
        yield [f"CN{index:07d}", rng.choice(TEAMS), rng.choice(WORKERS), rng.choice(NOTE_TYPES),
               contact.strftime("%d/%m/%Y"), recorded.strftime("%d/%m/%Y"), text.strip()]


def write_export(path: Path, notes: int, seed: int = 7) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows(notes, seed))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("notes", nargs="?", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write_export(args.out, args.notes, args.seed)
    print(f"Wrote {args.out}: {args.notes} notes.")


if __name__ == "__main__":
    main()
