#!/usr/bin/env python3
"""Build dev-opinion5 from src/*.src: strip «opinion» marks, compute 1-based line numbers,
write the notes, their .expect.yaml sidecars and notecheck.yaml."""
import glob, os, re
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z]+)»")
for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)
for src in sorted(glob.glob(os.path.join(SRC, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]          # e.g. 01-foo.md
    stem = name.rsplit(".", 1)[0]
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("%%WHY%%\n", 1)
    lines = note.rstrip("\n").split("\n")
    flags = {}
    clean = []
    for i, line in enumerate(lines, 1):
        for m in MARK.finditer(line):
            flags.setdefault(m.group(1), []).append(i)
        clean.append(MARK.sub("", line).rstrip())
    bad = set(flags) - {"opinion"}
    if bad:
        raise SystemExit(f"{name}: unexpected marks {bad}")
    why = why.strip()
    kind = why.split(":", 1)[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        raise SystemExit(f"{name}: why must begin Problem:/Trap:/Not applicable:")
    if (kind == "Problem") != bool(flags):
        raise SystemExit(f"{name}: {kind} note but flags = {flags}")
    open(os.path.join(OUT, name), "w", encoding="utf-8").write("\n".join(clean) + "\n")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        if flags:
            f.write("must_flag:\n  opinion: [" + ", ".join(map(str, flags["opinion"])) + "]\n")
            f.write("must_not_flag: []\n")
        else:
            f.write("must_flag: {}\nmust_not_flag: [opinion]\n")
        f.write("why: |\n")
        for wl in why.split("\n"):
            f.write(("  " + wl).rstrip() + "\n")
with open(os.path.join(OUT, "notecheck.yaml"), "w") as f:
    f.write("# dev-opinion5 was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")
print("built", len(glob.glob(os.path.join(OUT, "[0-9][0-9]-*.expect.yaml"))), "notes")
