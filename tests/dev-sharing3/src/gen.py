#!/usr/bin/env python3
"""Build the dev-sharing3 set from src/*.src.

Each source: the note text, a line %%WHY%%, then the why text.
Marks in the note:
  «sharing»  line must be flagged for sharing (only allowed in Problem notes)
  «ok»       line holding a complete sharing record (documentation only: listed in
             lines.tsv for the README table, never written to a sidecar)
Writes ../NN-name.md|.txt, ../NN-name.expect.yaml, ../notecheck.yaml, and src/lines.tsv.
"""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«([a-z,]+)»\s*$")
rows = []
for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]
    stem = name.rsplit(".", 1)[0]
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n")
    why = " ".join(why.split())
    lines, flag, ok = [], [], []
    for i, line in enumerate(note.rstrip("\n").split("\n"), 1):
        m = MARK.search(line)
        if m:
            line = line[:m.start()]
            for mk in m.group(1).split(","):
                if mk == "sharing":
                    flag.append(i)
                elif mk == "ok":
                    ok.append(i)
                else:
                    sys.exit(f"{name}: unknown mark {mk}")
        if "«" in line or "»" in line:
            sys.exit(f"{name}: stray mark on line {i}")
        lines.append(line.rstrip())
    kind = why.split(":", 1)[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        sys.exit(f"{name}: why must start with Problem:/Trap:/Not applicable:")
    if (kind == "Problem") != bool(flag):
        sys.exit(f"{name}: Problem notes need «sharing» marks and only they may have them")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flag:
            f.write("must_flag:\n  sharing: [%s]\nmust_not_flag: []\n" % ", ".join(map(str, flag)))
        else:
            f.write("must_flag: {}\nmust_not_flag: [sharing]\n")
        f.write("why: >\n  " + why + "\n")
    rows.append((name, kind, ",".join(map(str, flag)) or "-", ",".join(map(str, ok)) or "-"))
with open(os.path.join(OUT, "notecheck.yaml"), "w") as f:
    f.write("# dev-sharing3 was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")
with open(os.path.join(HERE, "lines.tsv"), "w") as f:
    for r in rows:
        f.write("\t".join(r) + "\n")
print(f"wrote {len(rows)} notes")
