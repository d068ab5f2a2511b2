#!/usr/bin/env python3
"""Build the dev-clarity1 set from src/*.src.

Each source is the note text, a line `%%WHY%%`, then the why text. Lines that must be
flagged carry a mark such as «clarity» at the end. In the why text, {1}, {2}, ... stand
for the line numbers of the 1st, 2nd, ... marked lines. This script strips the marks,
computes 1-based line numbers over the whole file, and writes the notes, their
.expect.yaml sidecars and notecheck.yaml into the parent folder."""
import glob, os, re, sys

CAT = "clarity"
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«([^»]+)»\s*$")

rows = []
for src in sorted(glob.glob(os.path.join(HERE, "*.src"))):
    name = os.path.basename(src)[:-len(".src")]
    stem = name.rsplit(".", 1)[0]
    raw = open(src, encoding="utf-8").read()
    if "\n%%WHY%%\n" not in raw:
        sys.exit(f"{name}: no %%WHY%% line")
    note, why = raw.split("\n%%WHY%%\n", 1)
    out_lines, flagged = [], []
    for i, line in enumerate(note.split("\n"), 1):
        m = MARK.search(line)
        if m:
            cats = [c.strip() for c in m.group(1).split(",")]
            if cats != [CAT]:
                sys.exit(f"{name}: line {i} has unexpected mark {cats}")
            flagged.append(i)
            line = line[:m.start()]
        if "«" in line or "»" in line:
            sys.exit(f"{name}: stray mark on line {i}")
        out_lines.append(line.rstrip())
    while out_lines and out_lines[-1] == "":
        out_lines.pop()
    why = why.strip()
    for k, ln in enumerate(flagged, 1):
        why = why.replace("{%d}" % k, str(ln))
    if re.search(r"\{\d+\}", why):
        sys.exit(f"{name}: why refers to a marked line that does not exist")
    kind = why.split(":", 1)[0]
    if flagged and kind != "Problem":
        sys.exit(f"{name}: flagged lines but why does not start with Problem:")
    if not flagged and kind not in ("Trap", "Traps", "Not applicable"):
        sys.exit(f"{name}: no flagged lines but why starts with {kind!r}")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines) + "\n")
    if flagged:
        head = f"must_flag:\n  {CAT}: [{', '.join(map(str, flagged))}]\nmust_not_flag: []\n"
    else:
        head = f"must_flag: {{}}\nmust_not_flag: [{CAT}]\n"
    body = "\n".join(("  " + l) if l.strip() else "" for l in why.split("\n"))
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write(head + "why: |\n" + body + "\n")
    rows.append((name, "problem" if flagged else ("trap" if kind.startswith("Trap") else "n/a"), flagged))

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-clarity1 was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")

print("| note | kind | clarity lines |")
print("|---|---|---|")
for name, kind, fl in rows:
    print(f"| {name} | {kind} | {', '.join(map(str, fl)) or '-'} |")
print(f"wrote {len(rows)} notes", file=sys.stderr)
