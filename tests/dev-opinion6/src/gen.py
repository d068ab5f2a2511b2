#!/usr/bin/env python3
"""Build dev-opinion6 from src/*.src: strip «opinion» marks, compute line numbers,
write notes, sidecars and notecheck.yaml."""
import glob, os, re, sys
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«(\w+)»")
C = "opinion"
for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)
for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]            # NN-name.md / NN-name.txt
    stem = os.path.splitext(name)[0]
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n", 1)
    lines, flags = [], []
    for i, line in enumerate(note.rstrip("\n").split("\n"), 1):
        cats = MARK.findall(line)
        for c in cats:
            if c != C:
                sys.exit(f"{name}: unknown mark {c}")
            flags.append(i)
        lines.append(MARK.sub("", line))
    open(os.path.join(OUT, name), "w", encoding="utf-8").write("\n".join(lines) + "\n")
    why = " ".join(why.split())
    if flags:
        side = f"must_flag:\n  {C}: [{', '.join(map(str, sorted(set(flags))))}]\nmust_not_flag: []\n"
    else:
        side = f"must_flag: {{}}\nmust_not_flag: [{C}]\n"
    side += "why: >\n  " + why + "\n"
    open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8").write(side)
open(os.path.join(OUT, "notecheck.yaml"), "w").write(
    "# dev-opinion6 was written with \"today\" = 3 December 2026.\ntimeliness: {today: 2026-12-03}\n")
print("built")
