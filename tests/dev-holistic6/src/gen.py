#!/usr/bin/env python3
"""Build dev-holistic6 from src/*.src: strip «category» marks, compute 1-based line
numbers, write notes, .expect.yaml sidecars and notecheck.yaml."""
import glob, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
CAT = "holistic"
MARK = re.compile(r"\s*«([a-z]+)»")
for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)
for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]          # e.g. 01-x.md
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    if "%%WHY%%" not in raw:
        sys.exit(f"{name}: no %%WHY%%")
    note, why = raw.split("%%WHY%%", 1)
    lines = note.rstrip("\n").split("\n")
    flags, out = [], []
    for i, l in enumerate(lines, 1):
        cats = MARK.findall(l)
        for c in cats:
            if c != CAT:
                sys.exit(f"{name}:{i}: unexpected mark {c}")
            flags.append(i)
        out.append(MARK.sub("", l).rstrip())
    why = " ".join(why.split())
    kind = why.split(":", 1)[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        sys.exit(f"{name}: why must begin Problem:/Trap:/Not applicable:")
    if (kind == "Problem") != bool(flags):
        sys.exit(f"{name}: kind {kind} but flags {flags}")
    open(os.path.join(OUT, name), "w", encoding="utf-8").write("\n".join(out) + "\n")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flags:
            f.write(f"must_flag:\n  {CAT}: [{', '.join(map(str, sorted(set(flags))))}]\n")
            f.write("must_not_flag: []\n")
        else:
            f.write("must_flag: {}\n")
            f.write(f"must_not_flag: [{CAT}]\n")
        f.write("why: >\n  " + why + "\n")
open(os.path.join(OUT, "notecheck.yaml"), "w").write(
    "# dev-holistic6 was written with \"today\" = 3 December 2026.\ntimeliness:\n  today: 2026-12-03\n")
print("built")
