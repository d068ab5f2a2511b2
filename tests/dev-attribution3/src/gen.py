#!/usr/bin/env python3
"""Build the dev-attribution3 set from src/*.src.

Each src file is the note text; a line that must be flagged ends with a mark
such as «attribution». After the note comes a line %%WHY%% and the why text.
gen.py strips the marks, counts 1-based line numbers over the whole note and
writes NN-name.md / NN-name.txt, NN-name.expect.yaml and notecheck.yaml."""
import glob, os, re, sys
import yaml

CAT = "attribution"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«([a-z]+)»\s*$")


class Folded(str):
    pass


def folded(dumper, data):
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=">")


yaml.SafeDumper.add_representer(Folded, folded)

srcs = sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src")))
if not srcs:
    sys.exit("no src files")
for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)
for src in srcs:
    name = os.path.basename(src)[:-len(".src")]          # e.g. 01-x.md
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    if "\n%%WHY%%\n" not in raw:
        sys.exit(f"{name}: no %%WHY%% line")
    note, why = raw.split("\n%%WHY%%\n", 1)
    lines, flags = [], {}
    for i, line in enumerate(note.rstrip("\n").split("\n"), start=1):
        m = MARK.search(line)
        if m:
            if m.group(1) != CAT:
                sys.exit(f"{name}: line {i} has mark for {m.group(1)}, not {CAT}")
            flags.setdefault(CAT, []).append(i)
            line = line[:m.start()]
        if "«" in line or "»" in line:
            sys.exit(f"{name}: stray mark on line {i}")
        lines.append(line.rstrip())
    why = " ".join(why.split())
    kind = why.split(":", 1)[0]
    if flags and kind != "Problem":
        sys.exit(f"{name}: flagged lines but why starts {kind!r}")
    if not flags and kind not in ("Trap", "Not applicable"):
        sys.exit(f"{name}: no flags but why starts {kind!r}")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    side = {"must_flag": flags, "must_not_flag": [] if flags else [CAT],
            "why": Folded(why)}
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(side, f, sort_keys=False, width=100, allow_unicode=True,
                       default_flow_style=None)
with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write('# The dev-attribution3 set was written with "today" = 3 December 2026.\n'
            "timeliness:\n  today: 2026-12-03\n")
print(f"wrote {len(srcs)} notes")
