#!/usr/bin/env python3
"""Build the dev-voice2 set from src/*.src: strip «voice» marks, compute line numbers,
write notes, sidecars (*.expect.yaml) and notecheck.yaml into the parent folder."""
import glob, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«([a-z,]+)»\s*")

for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-len(".src")]          # e.g. 01-x.md
    stem = name.rsplit(".", 1)[0]
    text = open(src, encoding="utf-8").read()
    note, why = text.split("\n%%WHY%%\n", 1)
    flags = {}
    out_lines = []
    for i, line in enumerate(note.rstrip("\n").split("\n"), 1):
        m = MARK.search(line)
        if m:
            for c in m.group(1).split(","):
                flags.setdefault(c, []).append(i)
            line = MARK.sub(" ", line, count=1).strip() if m.start() > 0 else MARK.sub("", line, count=1)
        out_lines.append(line)
    open(os.path.join(OUT, name), "w", encoding="utf-8").write("\n".join(out_lines) + "\n")
    why = " ".join(why.split())
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flags:
            f.write("must_flag:\n")
            for c, lns in flags.items():
                f.write(f"  {c}: [{', '.join(map(str, lns))}]\n")
            f.write("must_not_flag: []\n")
        else:
            f.write("must_flag: {}\nmust_not_flag: [voice]\n")
        f.write("why: >\n  " + why + "\n")

open(os.path.join(OUT, "notecheck.yaml"), "w").write(
    "# dev-voice2 blind set: written with \"today\" = 3 December 2026.\ntimeliness:\n  today: 2026-12-03\n")
print("generated", len(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))), "notes")
