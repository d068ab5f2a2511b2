#!/usr/bin/env python3
"""Print sentences over 40 words in each src file (split on . ! ? only), with line no."""
import glob, os, re, sys
SRC = os.path.dirname(os.path.abspath(__file__))
for p in sorted(glob.glob(os.path.join(SRC, sys.argv[1] if len(sys.argv) > 1 else "[0-9]*.src"))):
    note = open(p, encoding="utf-8").read().split("\n%%WHY%%\n")[0]
    for i, line in enumerate(note.split("\n"), 1):
        for s in re.split(r"(?<=[.!?])\s+", line):
            n = len(s.split())
            if n > 40:
                print(f"{os.path.basename(p)}:{i}: {n} words {'[marked]' if '«' in line else ''}")
