#!/usr/bin/env python3
"""Build the dev-holistic2 set from src/*.src.

Each source is the note text, a line %%WHY%%, then the why text. A flagged line carries
the mark «holistic» in place; the mark is stripped and its 1-based line number (over the
whole file) goes into the sidecar. Only the holistic category is annotated."""
import glob, os, re

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z,]+)»")
CAT = "holistic"

def yaml_block(text):
    return "\n".join("  " + l if l.strip() else "" for l in text.strip().split("\n"))

for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)

n = 0
for src in sorted(glob.glob(os.path.join(SRC, "*.src"))):
    name = os.path.basename(src)[:-4]          # NN-name.md / NN-name.txt
    stem = name.rsplit(".", 1)[0]
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n", 1)
    lines, flagged = [], []
    for i, line in enumerate(note.rstrip("\n").split("\n"), 1):
        m = MARK.search(line)
        if m:
            cats = m.group(1).split(",")
            assert cats == [CAT], (name, cats)
            flagged.append(i)
            line = MARK.sub("", line)
        lines.append(line.rstrip())
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    if flagged:
        side = f"must_flag:\n  {CAT}: [{', '.join(map(str, flagged))}]\nmust_not_flag: []\n"
    else:
        side = f"must_flag: {{}}\nmust_not_flag: [{CAT}]\n"
    side += "why: >\n" + yaml_block(why) + "\n"
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write(side)
    n += 1

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-holistic2 was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")
print(f"wrote {n} notes")
