#!/usr/bin/env python3
"""Build the dev-clarity2 set from src/*.src.

Each source file is the note text with flagged lines marked in place by «clarity»,
then a line %%WHY%%, then the why text. Writes NN-name.md / .txt, NN-name.expect.yaml
and notecheck.yaml into the parent folder."""
import glob, os, re

CAT = "clarity"
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z,]+)»")

for p in sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))):
    name = os.path.basename(p)[:-len(".src")]          # NN-name.md / NN-name.txt
    stem = name.rsplit(".", 1)[0]
    raw = open(p, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n", 1)
    lines, flagged = [], []
    for i, line in enumerate(note.split("\n"), 1):
        m = MARK.search(line)
        if m:
            cats = m.group(1).split(",")
            assert cats == [CAT], (name, i, cats)
            flagged.append(i)
            line = MARK.sub("", line)
        lines.append(line.rstrip())
    while lines and lines[-1] == "":
        lines.pop()
    text = "\n".join(lines) + "\n"
    assert "«" not in text and "»" not in text, name
    open(os.path.join(OUT, name), "w", encoding="utf-8").write(text)
    why = " ".join(why.split())
    if flagged:
        assert why.startswith("Problem:"), name
        head = f"must_flag:\n  {CAT}: [{', '.join(map(str, flagged))}]\nmust_not_flag: []\n"
    else:
        assert why.startswith(("Trap:", "Not applicable:")), name
        head = f"must_flag: {{}}\nmust_not_flag: [{CAT}]\n"
    cited = {int(n) for n in re.findall(r"\b[Ll]ines? (\d+)", why)}
    cited |= {int(n) for n in re.findall(r"\b[Ll]ines \d+ and (\d+)", why)}
    if set(flagged) - cited:
        print(f"check {name}: flagged {flagged}, cited in why {sorted(cited)}")
    why = why.replace("'", "''")
    open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8").write(
        head + f"why: '{why}'\n")

open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8").write(
    "# The dev-clarity2 set was written with \"today\" = 3 December 2026.\n"
    "timeliness:\n  today: 2026-12-03\n")
print("generated", len(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))), "notes")
