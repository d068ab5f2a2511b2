"""Re-linting an unchanged export is at least 10x faster than the first run.

    PYTHONPATH=src python benchmarks/cache.py                 # 10,000 notes
    PYTHONPATH=src python benchmarks/cache.py --notes 10000 --rules path/to/rules

Uses the built-in rule packs when they are there (else benchmarks/rules, which needs the
same trained pipeline components, plus the tests' small pack), and times
the whole check of one CSV export: first with an empty cache, then again unchanged.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))
sys.path.insert(0, str(HERE))

from streaming import make_note  # noqa: E402


def main() -> None:
    from notecheck.cache import Cache
    from notecheck.config import Config
    from notecheck.engine import Linter
    from notecheck.rules.loader import builtin_rules_dir, load_rules
    from notecheck.runner import Counts, run

    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--rules", type=Path, default=None)
    args = parser.parse_args()
    folders = [args.rules or builtin_rules_dir()]
    if not folders[0].is_dir():
        folders = [HERE / "rules", HERE.parent / "tests" / "data" / "rules"]
    rules = [r for r in load_rules(folders) if r.enabled]
    linter = Linter(rules, Config())
    print(f"{len(linter.rules)} rules from {', '.join(map(str, folders))}, pipeline {linter.pipeline.model} "
          f"{linter.pipeline.components}")

    rng = random.Random(2)
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "export.csv"
        with open(export, "w", encoding="utf-8", newline="") as out:
            out.write("id,Date of Contact,Worker,Case Note\r\n")
            for i in range(args.notes):
                note = make_note(rng).replace('"', '""')
                out.write(f'N{i},2026-11-01,A. Worker,"{note}"\r\n')
        timings = []
        for attempt in ("first run (empty cache)", "second run (unchanged)"):
            cache = Cache(Path(tmp) / "cache", linter.rules, Config(), linter.pipeline.model)
            counts = Counts()
            start = time.perf_counter()
            found = sum(1 for _ in run(linter, [str(export)], cache=cache, counts=counts))
            seconds = time.perf_counter() - start
            timings.append(seconds)
            print(f"{attempt:26} {seconds:7.2f} s  {counts.notes:,} notes, {found:,} findings")
        print(f"speed-up: {timings[0] / timings[1]:.1f}x")


if __name__ == "__main__":
    main()
