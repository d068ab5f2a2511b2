#!/usr/bin/env python3
"""Build the dev-holistic1 set: read src/*.src, strip the «holistic» marks, compute line
numbers, write notes, sidecars and notecheck.yaml into the folder above src/."""
import glob, os, re

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z,]+)»")

for p in sorted(glob.glob(os.path.join(SRC, "*.src"))):
    name = os.path.basename(p)[:-len(".src")]
    stem = os.path.splitext(name)[0]
    raw = open(p, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n", 1)
    flags = {}
    out_lines = []
    for i, line in enumerate(note.rstrip("\n").split("\n"), start=1):
        for m in MARK.finditer(line):
            for c in m.group(1).split(","):
                flags.setdefault(c, []).append(i)
        out_lines.append(MARK.sub("", line).rstrip())
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines) + "\n")
    y = []
    if flags:
        y.append("must_flag:")
        for c, lns in flags.items():
            y.append(f"  {c}: [{', '.join(map(str, lns))}]")
        y.append("must_not_flag: []")
    else:
        y.append("must_flag: {}")
        y.append("must_not_flag: [holistic]")
    y.append("why: |")
    for wl in why.strip().split("\n"):
        y.append("  " + wl if wl.strip() else "")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(y) + "\n")

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-holistic1 blind development set (holistic / Think Family only).\n"
            "timeliness:\n  today: 2026-12-03\n")
print("generated")
