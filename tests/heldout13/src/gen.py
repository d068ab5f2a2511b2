#!/usr/bin/env python3
"""Build the heldout13 blind set from src/NN-name.{md,txt}.src.

Each source file holds the note text; a flagged line ends in marks such as
«voice» or «opinion,clarity». A line '%%WHY%%' separates the note from the why
text. This script strips the marks, records the 1-based line numbers, and
writes the note, its .expect.yaml sidecar and notecheck.yaml."""
import glob, os, re, sys
import yaml

CATS = ["jargon", "labelling", "opinion", "attribution", "voice",
        "timeliness", "sharing", "clarity", "holistic"]
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z, ]+)»")
TODAY = "2026-12-03"

def build(path):
    name = os.path.basename(path)[:-len(".src")]
    stem, ext = os.path.splitext(name)
    raw = open(path, encoding="utf-8").read()
    if "\n%%WHY%%\n" not in raw:
        sys.exit(f"{name}: no %%WHY%% line")
    note, why = raw.split("\n%%WHY%%\n", 1)
    lines = note.rstrip("\n").split("\n")
    flags, out = {}, []
    for i, line in enumerate(lines, 1):
        for m in MARK.findall(line):
            for c in m.split(","):
                c = c.strip()
                if c not in CATS:
                    sys.exit(f"{name}: line {i}: unknown category {c!r}")
                flags.setdefault(c, [])
                if i not in flags[c]:
                    flags[c].append(i)
        out.append(MARK.sub("", line).rstrip())
    if any("«" in l or "»" in l for l in out):
        sys.exit(f"{name}: stray mark left")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    mf = [c for c in CATS if c in flags]
    mnf = [c for c in CATS if c not in flags]
    y = []
    if mf:
        y.append("must_flag:")
        for c in mf:
            y.append(f"  {c}: [{', '.join(str(n) for n in flags[c])}]")
    else:
        y.append("must_flag: {}")
    y.append(f"must_not_flag: [{', '.join(mnf)}]")
    y.append("why: >")
    for wl in why.strip("\n").split("\n"):
        y.append("  " + wl.strip() if wl.strip() else "")
    text = "\n".join(y) + "\n"
    data = yaml.safe_load(text)
    assert (data["must_flag"] or {}) == {c: flags[c] for c in mf}, name
    assert data["must_not_flag"] == mnf, name
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write(text)
    return name

def main():
    srcs = sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src")))
    built = [build(p) for p in srcs]
    with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
        f.write(f"# The heldout13 blind set was written with \"today\" = 3 December 2026.\n"
                f"timeliness:\n  today: {TODAY}\n")
    print(f"built {len(built)} notes")

if __name__ == "__main__":
    main()
