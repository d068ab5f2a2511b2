#!/usr/bin/env python3
"""Build the dev-attribution1 set from src/*.src.

Each source file holds a note, a line %%WHY%%, then the why text. Lines with an
attribution problem end with the mark «attribution». This script strips the marks,
computes 1-based line numbers over the whole file, and writes the note, its sidecar
(NN-name.expect.yaml) and notecheck.yaml into the parent folder."""
import glob, os, re, sys
import yaml

CAT = "attribution"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«([a-z,]+)»\s*$")


class Folded(str):
    pass


def folded(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=">")


yaml.add_representer(Folded, folded)

for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-len(".src")]
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n")
    out_lines, flagged = [], []
    for i, line in enumerate(note.rstrip("\n").split("\n"), 1):
        m = MARK.search(line)
        if m:
            cats = m.group(1).split(",")
            if cats != [CAT]:
                sys.exit(f"{name}: unexpected mark {m.group(1)}")
            flagged.append(i)
            line = line[:m.start()]
        out_lines.append(line)
    why = " ".join(why.split())
    if flagged:
        if not why.startswith("Problem:"):
            sys.exit(f"{name}: flagged note whose why does not start with Problem:")
        side = {"must_flag": {CAT: flagged}, "must_not_flag": []}
    else:
        if not why.startswith(("Trap:", "Not applicable:")):
            sys.exit(f"{name}: unflagged note whose why does not start with Trap:/Not applicable:")
        side = {"must_flag": {}, "must_not_flag": [CAT]}
    for ln in flagged:
        if not re.search(rf"\bline {ln}\b", why, re.I):
            sys.exit(f"{name}: why does not explain flagged line {ln}")
    side["why"] = Folded(why)
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines) + "\n")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        yaml.dump(side, f, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-attribution1 was written with \"today\" = 3 December 2026.\n")
    f.write("timeliness:\n  today: 2026-12-03\n")
print("generated")
