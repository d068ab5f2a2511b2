#!/usr/bin/env python3
"""Build the dev-voice6 set from src/*.src: strip «voice» marks, record their line
numbers, and write the notes, the .expect.yaml sidecars and notecheck.yaml."""
import glob, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«([a-z]+)»")
CAT = "voice"

def block(text):
    return "\n".join("  " + l if l.strip() else "" for l in text.strip().split("\n"))

for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)

for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]          # NN-name.md / NN-name.txt
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n")
    out_lines, flags = [], []
    for i, line in enumerate(note.rstrip("\n").split("\n"), 1):
        cats = MARK.findall(line)
        for c in cats:
            if c != CAT:
                raise SystemExit(f"{name}: unexpected mark {c}")
            flags.append(i)
        out_lines.append(MARK.sub("", line).rstrip())
    open(os.path.join(OUT, name), "w", encoding="utf-8").write("\n".join(out_lines) + "\n")
    why = why.strip()
    if flags:
        assert why.startswith("Problem:"), name
        side = f"must_flag:\n  {CAT}: [{', '.join(map(str, sorted(set(flags))))}]\nmust_not_flag: []\n"
    else:
        assert why.startswith(("Trap:", "Not applicable:")), name
        side = f"must_flag: {{}}\nmust_not_flag: [{CAT}]\n"
    side += "why: |\n" + block(why) + "\n"
    open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8").write(side)

open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8").write(
    "# dev-voice6 was written with \"today\" = 3 December 2026.\ntimeliness:\n  today: 2026-12-03\n")
print("generated", len(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))), "notes")
