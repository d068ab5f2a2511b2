#!/usr/bin/env python3
"""Build the dev-attribution4 set from src/*.src.

Each src file is the note text; a line that must be flagged ends in the mark
«attribution». After the note comes a line %%WHY%% and the why text.
This script strips the marks, computes 1-based line numbers over the whole
file, and writes NN-name.{md,txt}, NN-name.expect.yaml and notecheck.yaml."""
import glob, os, re, sys

CAT = "attribution"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«([a-z]+)»")

def build(src):
    name = os.path.basename(src)[:-len(".src")]          # NN-name.md / .txt
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    if "\n%%WHY%%\n" not in raw:
        sys.exit(f"{name}: no %%WHY%% line")
    note, why = raw.split("\n%%WHY%%\n", 1)
    out_lines, flagged = [], []
    for i, line in enumerate(note.rstrip("\n").split("\n"), start=1):
        cats = MARK.findall(line)
        for c in cats:
            if c != CAT:
                sys.exit(f"{name}: line {i}: unknown mark {c}")
            flagged.append(i)
        out_lines.append(MARK.sub("", line).rstrip())
    why = why.strip()
    kind = why.split(":", 1)[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        sys.exit(f"{name}: why must begin Problem:/Trap:/Not applicable:")
    if (kind == "Problem") != bool(flagged):
        sys.exit(f"{name}: {kind} note but {len(flagged)} flagged lines")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines) + "\n")
    flagged = sorted(set(flagged))
    side = []
    if flagged:
        side.append("must_flag:")
        side.append(f"  {CAT}: [{', '.join(map(str, flagged))}]")
        side.append("must_not_flag: []")
    else:
        side.append("must_flag: {}")
        side.append(f"must_not_flag: [{CAT}]")
    side.append("why: |")
    for wl in why.split("\n"):
        side.append(("  " + wl) if wl.strip() else "")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(side) + "\n")
    return name

def main():
    srcs = sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src")))
    # remove stale outputs
    for p in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
        os.remove(p)
    for s in srcs:
        build(s)
    with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
        f.write('# The dev-attribution4 set was written with "today" = 3 December 2026.\n'
                "timeliness:\n  today: 2026-12-03\n")
    print(f"built {len(srcs)} notes")

if __name__ == "__main__":
    main()
