#!/usr/bin/env python3
"""Build dev-holistic5 from src/*.src.

Each src file is the note text; a line that must be flagged ends in the mark «holistic».
After the note comes a line %%WHY%% and the why text (starting Problem:, Trap: or
Not applicable:). This script strips the marks, works out 1-based line numbers, and writes
NN-name.md|txt, NN-name.expect.yaml and notecheck.yaml into the set folder."""
import glob, os, re, sys

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z]+)»\s*$")
CAT = "holistic"

for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)

def yq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

for src in sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))):
    base = os.path.basename(src)[:-4]          # NN-name.md / NN-name.txt
    stem, ext = os.path.splitext(base)
    raw = open(src, encoding="utf-8").read()
    if "%%WHY%%" not in raw:
        sys.exit(f"{base}: no %%WHY%%")
    note, why = raw.split("%%WHY%%", 1)
    lines = note.rstrip("\n").split("\n")
    flagged = []
    out = []
    for i, line in enumerate(lines, 1):
        m = MARK.search(line)
        if m:
            if m.group(1) != CAT:
                sys.exit(f"{base}: unknown mark {m.group(1)} on line {i}")
            flagged.append(i)
            line = line[:m.start()]
        out.append(line.rstrip())
    why = " ".join(why.split())
    with open(os.path.join(OUT, base), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flagged:
            f.write(f"must_flag:\n  {CAT}: [{', '.join(map(str, flagged))}]\n")
            f.write("must_not_flag: []\n")
        else:
            f.write("must_flag: {}\n")
            f.write(f"must_not_flag: [{CAT}]\n")
        f.write(f"why: {yq(why)}\n")

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-holistic5 was written with \"today\" = 3 December 2026.\n")
    f.write("timeliness:\n  today: 2026-12-03\n")
print("built", len(glob.glob(os.path.join(OUT, "*.expect.yaml"))), "notes")
