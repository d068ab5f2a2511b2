#!/usr/bin/env python3
"""Build the dev-opinion2 set from src/*.src.

Each source file is the note text, a line %%WHY%%, then the why text.
Lines that must be flagged for opinion carry the mark «opinion» (anywhere on
the line). The why text may use {L1}, {L2}, ... for the 1st, 2nd ... flagged
line number. Writes NN-name.md|txt, NN-name.expect.yaml and notecheck.yaml
into the folder above src/."""
import glob, os, re

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
CAT = "opinion"
MARK = re.compile(r"\s*«([a-z,]+)»")

for path in sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))):
    name = os.path.basename(path)[:-len(".src")]
    stem = name.rsplit(".", 1)[0]
    raw = open(path, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n", 1)
    out_lines, flagged = [], []
    for i, line in enumerate(note.rstrip("\n").split("\n"), start=1):
        m = MARK.search(line)
        if m:
            cats = m.group(1).split(",")
            if cats != [CAT]:
                raise SystemExit(f"{name}: unexpected mark {cats}")
            flagged.append(i)
            line = MARK.sub("", line).rstrip()
        out_lines.append(line)
    why = why.strip()
    for n, ln in enumerate(flagged, start=1):
        why = why.replace("{L%d}" % n, str(ln))
    if re.search(r"\{L\d+\}", why):
        raise SystemExit(f"{name}: why refers to a flagged line that does not exist")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines) + "\n")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flagged:
            f.write("must_flag:\n  %s: [%s]\n" % (CAT, ", ".join(map(str, flagged))))
            f.write("must_not_flag: []\n")
        else:
            f.write("must_flag: {}\nmust_not_flag: [%s]\n" % CAT)
        f.write("why: |\n")
        for wl in why.split("\n"):
            f.write(("  " + wl).rstrip() + "\n")

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-opinion2: the set was written with \"today\" = 3 December 2026.\n")
    f.write("timeliness:\n  today: 2026-12-03\n")
print("generated")
