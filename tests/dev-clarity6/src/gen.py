#!/usr/bin/env python3
"""Build the dev-clarity6 set from src/*.src: strip «clarity» marks, compute line
numbers, write notes, sidecars and notecheck.yaml into the set folder."""
import glob, os, re, sys
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z]+)»")
for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)
for src in sorted(glob.glob(os.path.join(SRC, "*.src"))):
    name = os.path.basename(src)[:-4]
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n", 1)
    out, flags = [], []
    for i, line in enumerate(note.rstrip("\n").split("\n"), 1):
        cats = MARK.findall(line)
        for c in cats:
            if c != "clarity":
                sys.exit(f"{name}: unknown mark {c}")
        if cats:
            flags.append(i)
        out.append(MARK.sub("", line).rstrip())
    why = why.strip()
    kind = why.split(":", 1)[0]
    if kind == "Problem" and not flags:
        sys.exit(f"{name}: Problem with no marks")
    if kind in ("Trap", "Not applicable") and flags:
        sys.exit(f"{name}: {kind} with marks")
    if kind not in ("Problem", "Trap", "Not applicable"):
        sys.exit(f"{name}: why must begin Problem:/Trap:/Not applicable:")
    open(os.path.join(OUT, name), "w", encoding="utf-8").write("\n".join(out) + "\n")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flags:
            f.write(f"must_flag:\n  clarity: [{', '.join(map(str, flags))}]\nmust_not_flag: []\n")
        else:
            f.write("must_flag: {}\nmust_not_flag: [clarity]\n")
        f.write("why: |\n" + "".join("  " + l + "\n" if l.strip() else "\n" for l in why.split("\n")))
open(os.path.join(OUT, "notecheck.yaml"), "w").write(
    "# dev-clarity6 was written with \"today\" = 3 December 2026.\ntimeliness:\n  today: 2026-12-03\n")
print("built", len(glob.glob(os.path.join(SRC, "*.src"))), "notes")
