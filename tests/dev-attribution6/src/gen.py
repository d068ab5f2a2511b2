#!/usr/bin/env python3
"""Build the dev-attribution6 set from src/*.src: strip the «category» marks, work out
1-based line numbers, write notes, sidecars and notecheck.yaml into the set folder."""
import glob, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«(\w+)»")
CAT = "attribution"

for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)

for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    base = os.path.basename(src)[:-len(".src")]          # NN-name.md / NN-name.txt
    stem, ext = os.path.splitext(base)
    text = open(src, encoding="utf-8").read()
    note, why = text.split("\n%%WHY%%\n", 1)
    lines = note.rstrip("\n").split("\n")
    flags, out = {}, []
    for i, line in enumerate(lines, 1):
        for c in MARK.findall(line):
            if c != CAT:
                raise SystemExit(f"{base}: unexpected category mark {c}")
            flags.setdefault(c, []).append(i)
        out.append(MARK.sub("", line).rstrip())
    why = why.strip()
    kind = why.split(":", 1)[0]
    if flags and kind != "Problem":
        raise SystemExit(f"{base}: flagged but why does not begin 'Problem:'")
    if not flags and kind not in ("Trap", "Not applicable"):
        raise SystemExit(f"{base}: unflagged but why does not begin 'Trap:' or 'Not applicable:'")
    with open(os.path.join(OUT, base), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flags:
            f.write("must_flag:\n  %s: [%s]\nmust_not_flag: []\n"
                    % (CAT, ", ".join(str(n) for n in flags[CAT])))
        else:
            f.write("must_flag: {}\nmust_not_flag: [%s]\n" % CAT)
        f.write("why: |\n")
        for wl in why.split("\n"):
            f.write(("  " + wl).rstrip() + "\n")

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-attribution6 was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")
print("built", len(glob.glob(os.path.join(OUT, "*.expect.yaml"))), "notes")
