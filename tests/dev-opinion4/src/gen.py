#!/usr/bin/env python3
"""Build the dev-opinion4 set from src/NN-name.{md,txt}.src.

Each src file holds the note text; a flagged line ends in one or more marks
like «opinion». A line '%%WHY%%' separates the note from the why text.
Marks are stripped, line numbers worked out, and the note, its
.expect.yaml sidecar and notecheck.yaml are written to the set folder."""
import glob, os, re, sys

SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
C = "opinion"
MARK = re.compile(r"\s*«([a-z]+)»")

def build(path):
    name = os.path.basename(path)[:-len(".src")]
    raw = open(path, encoding="utf-8").read()
    if "\n%%WHY%%\n" not in raw:
        sys.exit(f"{name}: no %%WHY%% line")
    note, why = raw.split("\n%%WHY%%\n", 1)
    out_lines, flags = [], []
    for i, line in enumerate(note.split("\n"), start=1):
        cats = MARK.findall(line)
        for c in cats:
            if c != C:
                sys.exit(f"{name}: line {i} has mark for {c}, only {C} is scored")
        if cats:
            flags.append(i)
        out_lines.append(MARK.sub("", line).rstrip())
    why = why.strip()
    kind = why.split(":", 1)[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        sys.exit(f"{name}: why must begin Problem:, Trap: or Not applicable:")
    if (kind == "Problem") != bool(flags):
        sys.exit(f"{name}: why says {kind} but {len(flags)} flagged lines")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines).rstrip("\n") + "\n")
    stem = os.path.splitext(name)[0]
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flags:
            f.write("must_flag:\n  %s: [%s]\nmust_not_flag: []\n" % (C, ", ".join(map(str, flags))))
        else:
            f.write("must_flag: {}\nmust_not_flag: [%s]\n" % C)
        f.write("why: |\n")
        for wl in why.split("\n"):
            f.write(("  " + wl).rstrip() + "\n")
    return name

def main():
    srcs = sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src")))
    # remove stale outputs
    for p in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
        os.remove(p)
    for p in srcs:
        build(p)
    with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
        f.write("# dev-opinion4 was written with \"today\" = 3 December 2026.\n"
                "timeliness:\n  today: 2026-12-03\n")
    print(f"built {len(srcs)} notes")

main()
