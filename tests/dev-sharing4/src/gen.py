#!/usr/bin/env python3
"""Build the dev-sharing4 set from src/*.src.

Each source file is NN-name.md.src or NN-name.txt.src: the note, a line %%WHY%%, then the why text.
A flagged line carries «sharing» (placed anywhere on the line); the mark and one space beside it are
removed. Writes NN-name.md|txt, NN-name.expect.yaml and notecheck.yaml into the parent folder."""
import glob, os, re

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
CAT = "sharing"
MARK = re.compile(r" ?«([a-z,]+)»")

for path in sorted(glob.glob(os.path.join(SRC, "*.src"))):
    name = os.path.basename(path)[:-4]          # NN-name.md / NN-name.txt
    stem = name.rsplit(".", 1)[0]
    raw = open(path, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n", 1)
    out_lines, flagged = [], []
    for i, line in enumerate(note.rstrip("\n").split("\n"), start=1):
        cats = []
        for m in MARK.finditer(line):
            cats += m.group(1).split(",")
        if cats:
            bad = [c for c in cats if c != CAT]
            if bad:
                raise SystemExit(f"{name}: line {i}: unknown mark {bad}")
            flagged.append(i)
            line = MARK.sub("", line).rstrip()
        out_lines.append(line)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines) + "\n")
    why = " ".join(why.split())
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flagged:
            f.write(f"must_flag:\n  {CAT}: [{', '.join(map(str, flagged))}]\nmust_not_flag: []\n")
        else:
            f.write(f"must_flag: {{}}\nmust_not_flag: [{CAT}]\n")
        f.write("why: >\n  " + why + "\n")

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-sharing4 was written with \"today\" = 3 December 2026.\ntimeliness:\n  today: 2026-12-03\n")
print("generated", len(glob.glob(os.path.join(SRC, "*.src"))), "notes")
