#!/usr/bin/env python3
"""Build the dev-voice3 set from src/*.src.

Each src file is the note text (line N of the src = line N of the note); a line that must be
flagged ends with a mark such as «voice». After the note comes a line %%WHY%% and the why text.
This script strips the marks, works out the flagged line numbers and writes the note, its
.expect.yaml sidecar, and notecheck.yaml.
"""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CAT = "voice"
MARK = re.compile(r"\s*«([a-z]+)»\s*$")
errors = []

for p in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    if p.endswith((".md", ".txt", ".expect.yaml")):
        os.remove(p)

for src in sorted(glob.glob(os.path.join(HERE, "*.src"))):
    name = os.path.basename(src)[:-len(".src")]
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    if "\n%%WHY%%\n" not in raw:
        errors.append(f"{name}: no %%WHY%% line")
        continue
    note, why = raw.split("\n%%WHY%%\n", 1)
    out_lines, flagged = [], []
    for i, line in enumerate(note.split("\n"), 1):
        m = MARK.search(line)
        if m:
            if m.group(1) != CAT:
                errors.append(f"{name}: line {i} marked with unknown category {m.group(1)}")
            flagged.append(i)
            line = MARK.sub("", line)
        if "«" in line or "»" in line:
            errors.append(f"{name}: stray mark on line {i}")
        out_lines.append(line.rstrip())
    why = " ".join(l.strip() for l in why.strip().split("\n") if l.strip())
    kind = why.split(":", 1)[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        errors.append(f"{name}: why must begin Problem:, Trap: or Not applicable:")
    if (kind == "Problem") != bool(flagged):
        errors.append(f"{name}: why says {kind} but {len(flagged)} line(s) marked")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines) + "\n")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flagged:
            f.write(f"must_flag:\n  {CAT}: [{', '.join(map(str, flagged))}]\nmust_not_flag: []\n")
        else:
            f.write(f"must_flag: {{}}\nmust_not_flag: [{CAT}]\n")
        f.write("why: >\n  " + why + "\n")

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write('# The dev-voice3 set was written with "today" = 3 December 2026.\n'
            "timeliness:\n  today: 2026-12-03\n")

if errors:
    print("\n".join("ERROR: " + e for e in errors))
    sys.exit(1)
print(f"built {len(glob.glob(os.path.join(HERE, '*.src')))} notes")
