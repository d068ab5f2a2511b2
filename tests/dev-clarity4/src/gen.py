#!/usr/bin/env python3
"""Build the dev-clarity4 set from src/*.src.

Each src file is the note text; a line ending in the mark «clarity» is a flagged line.
After the note comes a line %%WHY%% and then the why text. The mark is stripped, line
numbers are counted 1-based over the whole output file, and the sidecar is written.
"""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«([a-z]+)»\s*$")
C = "clarity"

def main():
    srcs = sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src")))
    if not srcs:
        sys.exit("no src files")
    for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
        os.remove(old)
    for src in srcs:
        name = os.path.basename(src)[:-4]          # NN-name.md / NN-name.txt
        stem, ext = os.path.splitext(name)
        raw = open(src, encoding="utf-8").read()
        if "\n%%WHY%%\n" not in raw:
            sys.exit(f"{name}: no %%WHY%% line")
        note, why = raw.split("\n%%WHY%%\n", 1)
        lines, flagged = [], []
        for i, line in enumerate(note.rstrip("\n").split("\n"), start=1):
            m = MARK.search(line)
            if m:
                if m.group(1) != C:
                    sys.exit(f"{name}: unexpected mark {m.group(1)} on line {i}")
                line = line[:m.start()]
                flagged.append(i)
            if "«" in line or "»" in line:
                sys.exit(f"{name}: stray mark on line {i}")
            lines.append(line.rstrip())
        why = " ".join(why.split())
        if flagged and not why.startswith("Problem:"):
            sys.exit(f"{name}: flagged lines but why does not begin Problem:")
        if not flagged and not (why.startswith("Trap:") or why.startswith("Not applicable:")):
            sys.exit(f"{name}: no flags but why does not begin Trap:/Not applicable:")
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
            if flagged:
                f.write("must_flag:\n  %s: [%s]\nmust_not_flag: []\n" % (C, ", ".join(map(str, flagged))))
            else:
                f.write("must_flag: {}\nmust_not_flag: [%s]\n" % C)
            f.write("why: >\n  " + why.replace("\\n", "\n  ") + "\n")
    with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
        f.write("# The dev-clarity4 set was written with \"today\" = 3 December 2026.\n"
                "timeliness:\n  today: 2026-12-03\n")
    print(f"wrote {len(srcs)} notes")

if __name__ == "__main__":
    main()
