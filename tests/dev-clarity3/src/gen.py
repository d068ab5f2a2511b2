#!/usr/bin/env python3
"""Build the dev-clarity3 set from src/*.src.

Each src file is named NN-name.md.src or NN-name.txt.src. It holds the note text
exactly as it will appear (front matter or case-system header included); a flagged
line ends with one or more marks such as «clarity». After the note comes a line
%%WHY%% and then the why text (first word Problem:, Trap: or Not applicable:).
The marks are stripped, line numbers are counted 1-based over the whole file, and
the note, its .expect.yaml sidecar and notecheck.yaml are written to the set folder.
"""
import glob, os, re, sys

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
CAT = "clarity"
MARK = re.compile(r"\s*«([a-z]+)»")
errors = []

def block(text, indent="  "):
    out = []
    for l in text.strip("\n").split("\n"):
        out.append(indent + l if l.strip() else "")
    return "\n".join(out)

built = 0
for src in sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))):
    fname = os.path.basename(src)[:-4]          # NN-name.md / NN-name.txt
    stem, ext = os.path.splitext(fname)
    raw = open(src, encoding="utf-8").read()
    if "\n%%WHY%%\n" not in raw:
        errors.append(f"{fname}: no %%WHY%% line"); continue
    note, why = raw.split("\n%%WHY%%\n", 1)
    lines, flags = [], {}
    for i, line in enumerate(note.split("\n"), start=1):
        cats = MARK.findall(line)
        clean = MARK.sub("", line).rstrip()
        for c in cats:
            flags.setdefault(c, []).append(i)
        lines.append(clean)
    while lines and lines[-1] == "":
        lines.pop()
    for c in flags:
        if c != CAT:
            errors.append(f"{fname}: mark for unscored category {c}")
    why = why.strip()
    kind = why.split(":", 1)[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        errors.append(f"{fname}: why must begin Problem:/Trap:/Not applicable:")
    if kind == "Problem" and CAT not in flags:
        errors.append(f"{fname}: Problem note with no «{CAT}» mark")
    if kind != "Problem" and flags:
        errors.append(f"{fname}: {kind} note carries marks {flags}")
    with open(os.path.join(OUT, fname), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    if CAT in flags:
        side = f"must_flag:\n  {CAT}: [{', '.join(map(str, flags[CAT]))}]\nmust_not_flag: []\n"
    else:
        side = f"must_flag: {{}}\nmust_not_flag: [{CAT}]\n"
    side += "why: >\n" + block(why) + "\n"
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write(side)
    built += 1

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# The dev-clarity3 set was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")

print(f"built {built} notes")
if errors:
    print("\n".join("ERROR: " + e for e in errors)); sys.exit(1)
