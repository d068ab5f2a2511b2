#!/usr/bin/env python3
"""Build the dev-sharing5 set from src/*.src.

Each src file is the note text; a flagged line ends in one or more marks such as
«sharing». A line '%%WHY%%' separates the note from the why text. This script strips
the marks, works out the 1-based line numbers over the whole output file, and writes
the note, its .expect.yaml sidecar, and notecheck.yaml."""
import glob, os, re, sys
import yaml

C = "sharing"
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z]+)»")

# clear earlier outputs
for p in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    if p.endswith((".md", ".txt", ".expect.yaml")):
        os.remove(p)

problems = []
for src in sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-len(".src")]
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    if "\n%%WHY%%\n" not in raw:
        problems.append(f"{name}: no %%WHY%% line"); continue
    note, why = raw.split("\n%%WHY%%\n", 1)
    why = why.strip()
    flags = {}
    out_lines = []
    for i, line in enumerate(note.rstrip("\n").split("\n"), start=1):
        cats = MARK.findall(line)
        clean = MARK.sub("", line).rstrip()
        if "«" in clean or "»" in clean:
            problems.append(f"{name}: stray mark on line {i}")
        for c in cats:
            flags.setdefault(c, []).append(i)
        out_lines.append(clean)
    for c in flags:
        if c != C:
            problems.append(f"{name}: mark for {c}; only {C} is scored here")
    kind = why.split(":", 1)[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        problems.append(f"{name}: why must begin Problem:/Trap:/Not applicable:")
    if (kind == "Problem") != bool(flags.get(C)):
        problems.append(f"{name}: why says {kind} but marks are {flags}")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines) + "\n")
    if flags.get(C):
        head = f"must_flag:\n  {C}: [{', '.join(map(str, flags[C]))}]\nmust_not_flag: []\n"
    else:
        head = f"must_flag: {{}}\nmust_not_flag: [{C}]\n"
    body = "why: |\n" + "\n".join(("  " + l) if l.strip() else "" for l in why.split("\n")) + "\n"
    side = head + body
    back = yaml.safe_load(side)
    if back["why"].strip() != why:
        problems.append(f"{name}: why did not round-trip through YAML")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write(side)

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-sharing5 was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")

if problems:
    print("\n".join("GEN ERROR: " + p for p in problems)); sys.exit(1)
print("gen: wrote", len(glob.glob(os.path.join(OUT, "*.expect.yaml"))), "notes")
