#!/usr/bin/env python3
"""Build the dev-sharing6 set from src/*.src.
Each src file: the note text, flagged lines ending in «sharing»; then a %%WHY%% line and the why text.
Writes NN-name.{md,txt}, NN-name.expect.yaml and notecheck.yaml into the set folder."""
import glob, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CAT = "sharing"
MARK = re.compile(r"\s*«([a-z]+)»\s*$")

for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)

for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-len(".src")]
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n", 1)
    out_lines, flagged = [], []
    for i, line in enumerate(note.split("\n"), 1):
        m = MARK.search(line)
        if m:
            if m.group(1) != CAT:
                raise SystemExit(f"{name}: unknown mark {m.group(1)}")
            flagged.append(i)
            line = line[:m.start()]
        out_lines.append(line.rstrip())
    if "«" in "\n".join(out_lines):
        raise SystemExit(f"{name}: stray mark")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines).rstrip("\n") + "\n")
    why = why.strip()
    kind = why.split(":", 1)[0]
    if kind == "Problem" and not flagged:
        raise SystemExit(f"{name}: Problem without flagged lines")
    if kind in ("Trap", "Not applicable") and flagged:
        raise SystemExit(f"{name}: {kind} with flagged lines")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flagged:
            f.write(f"must_flag:\n  {CAT}: [{', '.join(map(str, flagged))}]\nmust_not_flag: []\n")
        else:
            f.write(f"must_flag: {{}}\nmust_not_flag: [{CAT}]\n")
        f.write("why: |\n")
        for wl in why.split("\n"):
            f.write("  " + wl + "\n")

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write('# dev-sharing6 was written with "today" = 3 December 2026.\n'
            "timeliness:\n  today: 2026-12-03\n")
print("built", len(glob.glob(os.path.join(HERE, "*.src"))), "notes")
