#!/usr/bin/env python3
"""Build the heldout12 notes and sidecars from src/*.src.

Each source file is named NN-name.md.src or NN-name.txt.src and holds:
  - the note exactly as it will be written, with each flagged line carrying a
    mark such as «opinion» or «labelling,clarity» (the mark and the space before
    it are stripped);
  - a line "%%WHY" followed by the explanation that goes into the sidecar's why.
The script strips the marks, works out 1-based line numbers over the whole
file, and writes NN-name.md / .txt plus NN-name.expect.yaml into the parent folder.
It also writes src/table.md (the README table of notes and flagged lines).
"""
import glob, os, re, sys

CATS = ["jargon", "labelling", "opinion", "attribution", "voice",
        "timeliness", "sharing", "clarity", "holistic"]
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z,]+)»")

rows = []
for src in sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]          # NN-name.md / NN-name.txt
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    if "\n%%WHY\n" not in raw:
        sys.exit(f"{name}: no %%WHY section")
    note, why = raw.split("\n%%WHY\n", 1)
    flags = {}
    out_lines = []
    for i, line in enumerate(note.split("\n"), start=1):
        for m in MARK.finditer(line):
            for c in m.group(1).split(","):
                if c not in CATS:
                    sys.exit(f"{name}: unknown category {c!r} on line {i}")
                flags.setdefault(c, []).append(i)
        clean = MARK.sub("", line).rstrip()
        if "«" in clean or "»" in clean:
            sys.exit(f"{name}: stray mark on line {i}")
        out_lines.append(clean)
    while out_lines and out_lines[-1] == "":
        out_lines.pop()
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines) + "\n")
    mf = {c: sorted(set(flags[c])) for c in CATS if c in flags}
    mnf = [c for c in CATS if c not in flags]
    y = ["must_flag:" if mf else "must_flag: {}"]
    for c, lns in mf.items():
        y.append(f"  {c}: [{', '.join(map(str, lns))}]")
    y.append(f"must_not_flag: [{', '.join(mnf)}]")
    y.append("why: >")
    for wl in why.strip().split("\n"):
        y.append("  " + wl.strip() if wl.strip() else "")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(y) + "\n")
    # table row
    ntype = ""
    if ext == ".md":
        for l in out_lines[:9]:
            if l.startswith("note_type:"):
                ntype = l.split(":", 1)[1].strip()
        svc = "child" if "subject_type: child" in out_lines[2] else "adult"
    else:
        ntype = out_lines[0].split("|")[0].split("  ")[0].strip()
        svc = "adult" if out_lines[1].startswith("Adult:") else "child"
    fl = "; ".join(f"{c} {','.join(map(str, l))}" for c, l in mf.items()) or "— (good-practice trap)"
    rows.append(f"| {name} | {svc} | {ntype} | {fl} |")

with open(os.path.join(SRC, "table.md"), "w", encoding="utf-8") as f:
    f.write("| note | service | type | must_flag (category lines) |\n|---|---|---|---|\n")
    f.write("\n".join(rows) + "\n")
print(f"wrote {len(rows)} notes")
