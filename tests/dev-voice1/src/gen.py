#!/usr/bin/env python3
"""Build the dev-voice1 set from src/*.src.

Each source file is the note text, a line %%WHY%%, then the why text. A flagged line
carries a mark such as «voice» in place. This script strips the marks, works out the
1-based line numbers over the whole file, and writes NN-name.md / .txt, the sidecar
NN-name.expect.yaml and notecheck.yaml into the parent folder."""
import glob, os, re, sys
import yaml

CAT = "voice"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«([a-z,]+)»")


def first_body_line(lines, ext):
    if ext == ".md":
        return lines.index("---", 1) + 2
    return 3


for src in sorted(glob.glob(os.path.join(HERE, "*.src"))):
    name = os.path.basename(src)[:-4]          # NN-name.md / NN-name.txt
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n")
    why = " ".join(why.split())
    lines = note.rstrip("\n").split("\n")
    flags = {}
    clean = []
    for i, line in enumerate(lines, 1):
        for m in MARK.finditer(line):
            for c in m.group(1).split(","):
                flags.setdefault(c, []).append(i)
        clean.append(MARK.sub("", line))
    if set(flags) - {CAT}:
        sys.exit(f"{name}: marks for categories other than {CAT}: {flags}")
    fb = first_body_line(clean, ext)
    if flags and flags[CAT] != [fb]:
        sys.exit(f"{name}: voice mark must be on the first body line {fb}, got {flags[CAT]}")
    if flags and not why.startswith("Problem:"):
        sys.exit(f"{name}: flagged note but why does not start with Problem:")
    if not flags and not why.startswith(("Trap:", "Not applicable")):
        sys.exit(f"{name}: unflagged note but why does not start with Trap:/Not applicable")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(clean) + "\n")
    side = {"must_flag": flags, "must_not_flag": [] if flags else [CAT], "why": why}
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(side, f, sort_keys=False, allow_unicode=True, width=100,
                       default_flow_style=None)

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# The dev-voice1 set was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")
print("generated", len(glob.glob(os.path.join(HERE, "*.src"))), "notes")
