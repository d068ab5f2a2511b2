#!/usr/bin/env python3
"""Build the dev-attribution2 set from src/*.src.

Each source file is the note, then a line %%WHY%%, then the why text.
Lines carrying the problem are marked in place with «attribution».
Writes NN-name.md / .txt, NN-name.expect.yaml and notecheck.yaml into the parent folder."""
import glob, os, re
import yaml

CAT = "attribution"
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z,]+)»")

for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)

for src in sorted(glob.glob(os.path.join(SRC, "*.src"))):
    name = os.path.basename(src)[:-4]          # NN-name.md / NN-name.txt
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n")
    lines, flagged = [], []
    for i, line in enumerate(note.rstrip("\n").split("\n"), 1):
        m = MARK.search(line)
        if m:
            cats = m.group(1).split(",")
            assert cats == [CAT], (name, i, cats)
            flagged.append(i)
            line = MARK.sub("", line)
        assert "«" not in line and "»" not in line, (name, i)
        lines.append(line.rstrip())
    why = " ".join(why.split())
    if flagged:
        assert why.startswith("Problem:"), name
        side = {"must_flag": {CAT: flagged}, "must_not_flag": []}
    else:
        assert why.startswith(("Trap:", "Not applicable:")), name
        side = {"must_flag": {}, "must_not_flag": [CAT]}
    side["why"] = why
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(side, f, sort_keys=False, allow_unicode=True,
                       default_flow_style=None, width=100000)

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-attribution2 was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")
print("generated", len(glob.glob(os.path.join(SRC, "*.src"))), "notes")
