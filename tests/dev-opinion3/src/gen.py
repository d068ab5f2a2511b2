#!/usr/bin/env python3
"""Build the dev-opinion3 set from src/*.src.

Each src file is the note text, with every flagged line ending in a mark such as
«opinion», then a line %%WHY%% and the why text. The why text may contain {lines},
which is replaced by the flagged line numbers. gen.py strips the marks, works out
1-based line numbers over the whole file, and writes NN-name.{md,txt},
NN-name.expect.yaml and notecheck.yaml into the set folder."""
import glob, os, re, sys

CAT = "opinion"
TODAY = "2026-12-03"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«([a-z]+)»\s*$")

def fmt_lines(ns):
    if len(ns) == 1:
        return f"line {ns[0]}"
    return "lines " + ", ".join(str(n) for n in ns[:-1]) + f" and {ns[-1]}"

def main():
    srcs = sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src")))
    if not srcs:
        sys.exit("no src files")
    for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
        os.remove(old)
    for src in srcs:
        base = os.path.basename(src)[:-len(".src")]
        stem, ext = os.path.splitext(base)
        raw = open(src, encoding="utf-8").read()
        if "\n%%WHY%%\n" not in raw:
            sys.exit(f"{base}: no %%WHY%% line")
        note, why = raw.split("\n%%WHY%%\n", 1)
        out_lines, flagged = [], []
        for i, line in enumerate(note.split("\n"), start=1):
            m = MARK.search(line)
            if m:
                if m.group(1) != CAT:
                    sys.exit(f"{base}: line {i} has mark for {m.group(1)}, not {CAT}")
                flagged.append(i)
                line = line[:m.start()]
            if "«" in line or "»" in line:
                sys.exit(f"{base}: stray mark on line {i}")
            out_lines.append(line.rstrip())
        why = why.strip()
        kind = why.split(":", 1)[0]
        if kind not in ("Problem", "Trap", "Not applicable"):
            sys.exit(f"{base}: why must begin Problem:/Trap:/Not applicable:")
        if (kind == "Problem") != bool(flagged):
            sys.exit(f"{base}: kind {kind} but {len(flagged)} flagged lines")
        if flagged:
            why = why.replace("{lines}", fmt_lines(flagged))
        if "{lines}" in why:
            sys.exit(f"{base}: {{lines}} left in why")
        with open(os.path.join(OUT, base), "w", encoding="utf-8") as f:
            f.write("\n".join(out_lines) + "\n")
        y = []
        if flagged:
            y.append("must_flag:")
            y.append(f"  {CAT}: [{', '.join(str(n) for n in flagged)}]")
            y.append("must_not_flag: []")
        else:
            y.append("must_flag: {}")
            y.append(f"must_not_flag: [{CAT}]")
        y.append("why: |")
        for para in why.split("\n"):
            y.append("  " + para if para.strip() else "")
        with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
            f.write("\n".join(y) + "\n")
    with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
        f.write(f"# The dev-opinion3 set was written with \"today\" = 3 December 2026.\n"
                f"timeliness:\n  today: {TODAY}\n")
    print(f"wrote {len(srcs)} notes")

main()
