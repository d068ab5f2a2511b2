#!/usr/bin/env python3
"""Build the dev-attribution5 set from src/*.src.

Each src file is the note text, with every line that must be flagged for
attribution ending in the mark «attribution», then a line %%WHY%%, then the why
text (beginning "Problem:", "Trap:" or "Not applicable"). This script strips the
marks, works out 1-based line numbers over the whole file, and writes the note,
its .expect.yaml sidecar, and notecheck.yaml into the set folder (one level up).
"""
import glob, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
C = "attribution"
MARK = re.compile(r"\s*«([a-z]+)»\s*$")

def block(text):
    return "\n".join("  " + l if l else "" for l in text.strip().split("\n"))

problems = []
for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]          # e.g. 01-ava-cp-visit.md
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    if "\n%%WHY%%\n" not in raw:
        problems.append(f"{name}: no %%WHY%% line"); continue
    note, why = raw.split("\n%%WHY%%\n", 1)
    lines, flagged = [], []
    for i, line in enumerate(note.split("\n"), start=1):
        m = MARK.search(line)
        if m:
            if m.group(1) != C:
                problems.append(f"{name}: unknown mark {m.group(1)} on line {i}")
            flagged.append(i)
            line = line[:m.start()]
        if "«" in line or "»" in line:
            problems.append(f"{name}: stray mark on line {i}")
        lines.append(line.rstrip())
    why = why.strip()
    kind = why.split(":", 1)[0].split(" (")[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        problems.append(f"{name}: why must begin Problem:/Trap:/Not applicable:")
    if (kind == "Problem") != bool(flagged):
        problems.append(f"{name}: kind {kind} but flagged lines {flagged}")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines).rstrip("\n") + "\n")
    if flagged:
        head = f"must_flag:\n  {C}: [{', '.join(map(str, flagged))}]\nmust_not_flag: []\n"
    else:
        head = f"must_flag: {{}}\nmust_not_flag: [{C}]\n"
    side = head + "why: |-\n" + block(why) + "\n"
    yaml.safe_load(side)   # must parse
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write(side)

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-attribution5 (one-category development set) was written with today = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")

if problems:
    print("\n".join("GEN ERROR: " + p for p in problems)); sys.exit(1)
print("gen: wrote", len(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))), "notes")
