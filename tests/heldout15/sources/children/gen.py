#!/usr/bin/env python3
"""Build the heldout15-children set from src/*.src: strip «category» marks, compute 1-based line
numbers, write the notes, the .expect.yaml sidecars and notecheck.yaml."""
import glob, os, re, sys

CATS = ["jargon", "labelling", "opinion", "attribution", "voice",
        "timeliness", "sharing", "clarity", "holistic"]
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z, ]+)»")

for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)

bad = False
for src in sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]          # e.g. 01-x.md
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read().rstrip("\n")
    if "\n%%WHY%%\n" not in raw:
        print(f"{name}: no %%WHY%%"); bad = True; continue
    note, why = raw.split("\n%%WHY%%\n", 1)
    flags = {}
    out = []
    for i, line in enumerate(note.split("\n"), 1):
        cats = []
        for m in MARK.finditer(line):
            cats += [c.strip() for c in m.group(1).split(",") if c.strip()]
        line = MARK.sub("", line).rstrip()
        for c in cats:
            if c not in CATS:
                print(f"{name}: line {i}: unknown category {c}"); bad = True
            flags.setdefault(c, []).append(i)
        if "«" in line or "»" in line:
            print(f"{name}: line {i}: stray mark"); bad = True
        out.append(line)
    open(os.path.join(OUT, name), "w", encoding="utf-8").write("\n".join(out) + "\n")
    mf = [c for c in CATS if c in flags]
    mnf = [c for c in CATS if c not in flags]
    y = []
    if mf:
        y.append("must_flag:")
        for c in mf:
            y.append(f"  {c}: [{', '.join(str(n) for n in sorted(set(flags[c])))}]")
    else:
        y.append("must_flag: {}")
    y.append(f"must_not_flag: [{', '.join(mnf)}]")
    y.append("why: |")
    for wl in why.strip().split("\n"):
        y.append("  " + wl if wl.strip() else "")
    open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8").write("\n".join(y) + "\n")

open(os.path.join(OUT, "notecheck.yaml"), "w").write(
    "# The heldout15-children blind set was written with \"today\" = 5 December 2026.\n"
    "timeliness:\n  today: 2026-12-05\n")
print("gen: done" if not bad else "gen: ERRORS")
sys.exit(1 if bad else 0)
