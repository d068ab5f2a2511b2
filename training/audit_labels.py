"""List training rows by label, to review how a label has been applied.

    python training/audit_labels.py voice                 # every row labelled voice
    python training/audit_labels.py voice --not           # rows NOT labelled voice
    python training/audit_labels.py voice --grep 'missing|refus'   # ... whose text matches
    python training/audit_labels.py --grep 'shook (his|her) head'  # any row matching

Prints one row a line: file:line, the labels, the text. Reads training/data/*.jsonl only
and writes nothing.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("label", nargs="?", help="the label to list (all rows if left out)")
    parser.add_argument("--not", dest="negate", action="store_true",
                        help="list rows that do NOT carry the label")
    parser.add_argument("--grep", help="only rows whose text matches this regex (any case)")
    parser.add_argument("--file", help="only this data file (e.g. adults.jsonl)")
    args = parser.parse_args()
    pattern = re.compile(args.grep, re.IGNORECASE) if args.grep else None
    count = 0
    for path in sorted(DATA.glob("*.jsonl")):
        if args.file and path.name != args.file:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            row = json.loads(line)
            if args.label and (args.label in row["labels"]) == args.negate:
                continue
            if pattern and not pattern.search(row["text"]):
                continue
            count += 1
            print(f"{path.name}:{number}\t{','.join(row['labels']) or '-'}\t{row['text']}")
    print(f"# {count} rows")


if __name__ == "__main__":
    main()
