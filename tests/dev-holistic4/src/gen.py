#!/usr/bin/env python3
"""Build the dev-holistic4 set from src/*.src: strip «holistic» marks, compute line numbers,
write notes, sidecars and notecheck.yaml."""
import glob, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«([a-z]+)»")
for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)
for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]          # NN-name.md / NN-name.txt
    stem = os.path.splitext(name)[0]
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n", 1)
    lines, flags = [], {}
    for i, line in enumerate(note.rstrip("\n").split("\n"), start=1):
        for cat in MARK.findall(line):
            flags.setdefault(cat, []).append(i)
        lines.append(MARK.sub("", line).rstrip())
    open(os.path.join(OUT, name), "w", encoding="utf-8").write("\n".join(lines) + "\n")
    why = " ".join(why.split())
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flags:
            f.write("must_flag:\n")
            for c, l in flags.items():
                f.write(f"  {c}: [{', '.join(map(str, l))}]\n")
            f.write("must_not_flag: []\n")
        else:
            f.write("must_flag: {}\nmust_not_flag: [holistic]\n")
        f.write("why: >\n  " + why + "\n")
open(os.path.join(OUT, "notecheck.yaml"), "w").write(
    "# dev-holistic4 blind set, written with \"today\" = 3 December 2026.\ntimeliness:\n  today: 2026-12-03\n")
print("generated")
