"""Print how well the rules do on the labelled corpus in tests/corpus/.

    PYTHONPATH=src python benchmarks/quality.py [--details] [CORPUS_FOLDER]

Per category: recall on the notes that must be flagged, and the false-flag rate on the
notes that must not be. --details lists the notes behind each miss and false flag.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from notecheck.quality import score, table


def main(argv: list[str]) -> int:
    details = "--details" in argv
    args = [a for a in argv if a != "--details"]
    folder = Path(args[0]) if args else Path(__file__).resolve().parents[1] / "tests" / "corpus"
    started = time.perf_counter()
    scores, seen = score(folder)
    elapsed = time.perf_counter() - started
    print(f"{len(seen)} notes in {folder} ({elapsed:.1f}s, including loading the pipeline)\n")
    print(table(scores))
    if details:
        for s in scores.values():
            for name in s.missed:
                print(f"missed      {s.category:<12} {name}  (flagged: {', '.join(sorted(seen[name])) or 'nothing'})")
            for name in s.wrongly_flagged:
                print(f"false flag  {s.category:<12} {name}")
    return 0 if all(s.ok for s in scores.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
