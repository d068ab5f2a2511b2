#!/usr/bin/env python3
"""Build the dev-opinion1 set from src/*.src.

Each source file holds the note, a line '%%WHY%%', then the why text. Flagged
lines carry «opinion» at the end. This script strips the marks, computes 1-based
line numbers, replaces {1}, {2}... in the why text with the line numbers of the
1st, 2nd... flagged lines, and writes the note, its sidecar and notecheck.yaml
into the parent folder."""
import glob, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CAT = "opinion"
MARK = re.compile(r"\s*«([a-z,]+)»")

for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]          # e.g. 01-x.md
    stem = name.rsplit(".", 1)[0]
    text = open(src, encoding="utf-8").read()
    note, why = text.split("\n%%WHY%%\n", 1)
    lines, flagged = [], []
    for i, line in enumerate(note.split("\n"), 1):
        m = MARK.search(line)
        if m:
            cats = m.group(1).split(",")
            assert cats == [CAT], (name, i, cats)
            flagged.append(i)
            line = MARK.sub("", line)
        lines.append(line.rstrip())
    why = why.strip()
    def sub(m):
        k = int(m.group(1))
        return str(flagged[k - 1])
    why = re.sub(r"\{(\d)\}", sub, why)
    if flagged:
        assert why.startswith("Problem:"), name
        side = f"must_flag:\n  {CAT}: [{', '.join(map(str, flagged))}]\nmust_not_flag: []\n"
    else:
        assert why.startswith(("Trap:", "Not applicable:")), name
        side = f"must_flag: {{}}\nmust_not_flag: [{CAT}]\n"
    side += "why: |\n" + "".join("  " + l + "\n" for l in why.split("\n"))
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines).rstrip("\n") + "\n")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write(side)

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-opinion1 was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")
print("generated", len(glob.glob(os.path.join(HERE, '[0-9][0-9]-*.src'))), "notes")
