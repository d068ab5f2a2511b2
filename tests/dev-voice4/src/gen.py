#!/usr/bin/env python3
"""Build the dev-voice4 set from src/*.src.

Each src file is the note text; a line ending in one or more marks like «voice»
is a flagged line. After the note comes a line %%WHY%% and the why text, which
must begin "Problem:", "Trap:" or "Not applicable". "@LINES@" in the why text is
replaced by the flagged line numbers. Writes NN-name.{md,txt}, NN-name.expect.yaml
and notecheck.yaml into the set folder (the parent of src/)."""
import glob, os, re, sys

CAT = "voice"
TODAY = "2026-12-03"
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z]+)»\s*$")

# remove previous outputs so renamed sources leave no stale files
for p in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    if p.endswith((".md", ".txt", ".expect.yaml")):
        os.remove(p)

problems = []
count = 0
for src in sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]            # e.g. 01-x.md
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    if raw.count("\n%%WHY%%\n") != 1:
        problems.append(f"{name}: needs exactly one %%WHY%% line")
        continue
    note, why = raw.split("\n%%WHY%%\n")
    lines = note.rstrip("\n").split("\n")
    flags, out = {}, []
    for i, line in enumerate(lines, 1):
        while True:
            m = MARK.search(line)
            if not m:
                break
            flags.setdefault(m.group(1), []).append(i)
            line = line[:m.start()]
        if "«" in line or "»" in line:
            problems.append(f"{name}:{i}: stray mark")
        out.append(line.rstrip())
    if set(flags) - {CAT}:
        problems.append(f"{name}: marks for other categories {sorted(set(flags) - {CAT})}")
    why = why.strip()
    kind = why.split(":", 1)[0].split(" (")[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        problems.append(f"{name}: why must begin Problem:/Trap:/Not applicable:")
    if (kind == "Problem") != bool(flags.get(CAT)):
        problems.append(f"{name}: {kind} note but flags={flags}")
    lns = sorted(set(flags.get(CAT, [])))
    if "@LINES@" in why:
        if not lns:
            problems.append(f"{name}: @LINES@ in a note with no flags")
        word = "line" if len(lns) == 1 else "lines"
        why = why.replace("@LINES@", word + " " + ", ".join(map(str, lns)))
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    side = []
    if lns:
        side.append("must_flag:")
        side.append(f"  {CAT}: [{', '.join(map(str, lns))}]")
        side.append("must_not_flag: []")
    else:
        side.append("must_flag: {}")
        side.append(f"must_not_flag: [{CAT}]")
    side.append("why: |")
    for para in why.split("\n"):
        side.append("  " + para if para.strip() else "")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(side) + "\n")
    count += 1

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write(f"# dev-voice4 was written with \"today\" = 3 December 2026.\n"
            f"timeliness:\n  today: {TODAY}\n")

if problems:
    print("\n".join("GEN ERROR: " + p for p in problems))
    sys.exit(1)
print(f"generated {count} notes")
