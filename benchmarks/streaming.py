"""Memory stays flat however big the export: peak memory while reading (and linting)
CSV and JSON Lines exports of growing size.

    PYTHONPATH=src python benchmarks/streaming.py              # 10 MB, 100 MB, 1 GB read
    PYTHONPATH=src python benchmarks/streaming.py --sizes 10 50 --lint

Each measurement runs in a fresh process and reports its peak resident memory
(getrusage ru_maxrss). Files are generated in a temporary folder and deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SENTENCES = [
    "I visited the family home at 10am and was let in by Mum.",
    "Jamie showed me his bedroom, which was tidy and had a new bed.",
    "Mum said she had been struggling to get Jamie to school on time.",
    "School reported that attendance is 82% this term.",
    'Jamie said "I like my new teacher but I miss my friends".',
    "Dad was not present; Mum said he was at work.",
    "I agreed to speak to the school about a later start time.",
    "There was non-engagement with the CIN plan last month.",
    "Mum kicked off when I mentioned the referral.",
]


def make_note(rng: random.Random) -> str:
    lines = [" ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 5)))
             for _ in range(rng.randint(1, 4))]
    return "\n".join(lines)


def generate(path: Path, megabytes: int, kind: str) -> int:
    rng = random.Random(1)
    target = megabytes * 1_000_000
    written = rows = 0
    with open(path, "w", encoding="utf-8", newline="") as out:
        if kind == "csv":
            out.write("id,Date of Contact,Worker,Case Note\r\n")
        while written < target:
            rows += 1
            note = make_note(rng)
            if kind == "csv":
                line = f'N{rows},2026-11-{rows % 28 + 1:02d},A. Worker,"{note.replace(chr(34), chr(34) * 2)}"\r\n'
            else:
                line = json.dumps({"id": f"N{rows}", "contact_date": "2026-11-01", "text": note}) + "\n"
            out.write(line)
            written += len(line)
    return rows


def measure(path: Path, lint: bool) -> dict:
    """Read (and optionally lint) a file in this process; report time and peak memory."""
    sys.path.insert(0, str(HERE.parent / "src"))
    from notecheck.notes.sources import read_file

    start = time.perf_counter()
    notes = findings = 0
    if lint:
        from notecheck.engine import Linter
        from notecheck.rules.loader import builtin_rules_dir, load_rules

        folder = builtin_rules_dir()
        rules = load_rules([folder if folder.is_dir() else HERE.parent / "tests" / "data" / "rules"])
        linter = Linter([r for r in rules if r.enabled])
        for diagnostic in linter.lint(read_file(str(path))):
            findings += 1
        notes = -1
    else:
        for _, item in read_file(str(path)):
            notes += 1
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"seconds": round(seconds, 1), "peak_mb": round(peak_kb / 1024, 1), "notes": notes,
            "findings": findings}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000], help="MB")
    parser.add_argument("--kinds", nargs="+", default=["csv", "jsonl"])
    parser.add_argument("--lint", action="store_true", help="lint as well as read")
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(Path(args.measure[0]), args.measure[1] == "lint")))
        return
    with tempfile.TemporaryDirectory() as folder:
        for kind in args.kinds:
            for size in args.sizes:
                path = Path(folder) / f"export-{size}mb.{kind}"
                rows = generate(path, size, kind)
                result = subprocess.run(
                    [sys.executable, __file__, "--measure", str(path), "lint" if args.lint else "read"],
                    capture_output=True, text=True, check=True)
                figures = json.loads(result.stdout)
                print(f"{kind:5} {os.path.getsize(path) / 1e6:8.0f} MB {rows:9,} rows  "
                      f"{'lint' if args.lint else 'read'} {figures['seconds']:7.1f} s  "
                      f"peak memory {figures['peak_mb']:7.1f} MB", flush=True)
                path.unlink()


if __name__ == "__main__":
    main()
