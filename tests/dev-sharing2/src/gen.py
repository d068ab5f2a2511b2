#!/usr/bin/env python3
"""Write the dev-sharing2 notes and sidecars from src/*.src.

Source format: a note starts with '@@ NN-name.ext', then a 'why: ...' line
(starting INCOMPLETE:, COMPLETE: or NO SHARING:), then the note text exactly as
it should be written. A flagged line carries the mark «sharing» at its end; the
mark is removed and the 1-based line number (front matter counted) goes into
the sidecar."""
import glob, os, re
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = "«sharing»"

for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)

notes = []
for src in sorted(glob.glob(os.path.join(HERE, "*.src"))):
    cur = None
    for line in open(src, encoding="utf-8").read().split("\n"):
        if line.startswith("@@ "):
            cur = {"name": line[3:].strip(), "why": None, "lines": []}
            notes.append(cur)
        elif cur is not None and cur["why"] is None and line.startswith("why: "):
            cur["why"] = line[5:].strip()
        elif cur is not None:
            cur["lines"].append(line)

for n in notes:
    lines = n["lines"]
    while lines and not lines[-1].strip():
        lines.pop()
    flagged, out = [], []
    for i, l in enumerate(lines, 1):
        if MARK in l:
            flagged.append(i)
            l = l.replace(MARK, "").rstrip()
        out.append(l)
    kind = n["why"].split(":")[0]
    assert kind in ("INCOMPLETE", "COMPLETE", "NO SHARING"), n["name"]
    assert (kind == "INCOMPLETE") == bool(flagged) or kind == "COMPLETE", n["name"]
    with open(os.path.join(OUT, n["name"]), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    stem = os.path.splitext(n["name"])[0]
    if kind == "INCOMPLETE":
        side = {"must_flag": {"sharing": flagged}, "must_not_flag": []}
    else:
        side = {"must_flag": {}, "must_not_flag": ["sharing"]}
    why = n["why"]
    if kind == "COMPLETE" and flagged:
        why += f" (The sharing sentence is on line {flagged[0]}; it must not be flagged.)"
    side["why"] = why
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(side, f, sort_keys=False, allow_unicode=True, width=100,
                       default_flow_style=None)
print(f"wrote {len(notes)} notes")
