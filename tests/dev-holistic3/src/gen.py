#!/usr/bin/env python3
"""Build the dev-holistic3 set from src/*.src: strip «category» marks, work out line
numbers, write each note, its .expect.yaml sidecar, and notecheck.yaml."""
import glob, os, re
import yaml

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
C = "holistic"
MARK = re.compile(r"\s*«([a-z]+)»")

for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)

for src in sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]          # e.g. 01-ruby-mash.txt
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    note_part, why = raw.split("\n%%WHY%%\n", 1)
    flags = {}
    out_lines = []
    for i, line in enumerate(note_part.rstrip("\n").split("\n"), start=1):
        cats = MARK.findall(line)
        for c in cats:
            if c != C:
                raise SystemExit(f"{name}: unexpected mark {c}")
            flags.setdefault(c, []).append(i)
        out_lines.append(MARK.sub("", line).rstrip())
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines) + "\n")
    why = " ".join(why.split())
    side = {"must_flag": flags, "must_not_flag": [] if flags else [C], "why": why}
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(side, f, sort_keys=False, width=100000, allow_unicode=True,
                       default_flow_style=None)

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-holistic3 was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")
print("generated", len(glob.glob(os.path.join(OUT, "*.expect.yaml"))), "notes")
