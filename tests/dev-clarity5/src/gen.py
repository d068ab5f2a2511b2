#!/usr/bin/env python3
"""Build dev-clarity5 from src/*.src: strip «clarity» marks, compute 1-based line
numbers over the whole file, write notes, sidecars and notecheck.yaml."""
import glob, os, re, sys

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z]+)»\s*$")
CAT = "clarity"

for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)

for src in sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))):
    base = os.path.basename(src)[:-4]            # NN-name.md / NN-name.txt
    stem, ext = os.path.splitext(base)
    raw = open(src, encoding="utf-8").read()
    if "%%WHY%%" not in raw:
        sys.exit(f"{base}: no %%WHY%%")
    note, why = raw.split("%%WHY%%", 1)
    why = why.strip()
    lines = note.rstrip("\n").split("\n")
    flagged, out = [], []
    for i, l in enumerate(lines, 1):
        m = MARK.search(l)
        if m:
            if m.group(1) != CAT:
                sys.exit(f"{base}: unknown mark {m.group(1)}")
            flagged.append(i)
            l = l[:m.start()]
        out.append(l.rstrip())
    kind = why.split(":", 1)[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        sys.exit(f"{base}: why must begin Problem:/Trap:/Not applicable:")
    if (kind == "Problem") != bool(flagged):
        sys.exit(f"{base}: kind {kind} but flagged lines {flagged}")
    with open(os.path.join(OUT, base), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    if flagged:
        side = f"must_flag:\n  {CAT}: [{', '.join(map(str, flagged))}]\nmust_not_flag: []\n"
    else:
        side = f"must_flag: {{}}\nmust_not_flag: [{CAT}]\n"
    side += "why: |\n" + "\n".join("  " + w if w.strip() else "" for w in why.split("\n")) + "\n"
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write(side)

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-clarity5 was written with \"today\" = 3 December 2026.\ntimeliness: {today: 2026-12-03}\n")
print("built")
