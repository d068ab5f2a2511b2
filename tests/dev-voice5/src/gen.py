#!/usr/bin/env python3
"""Build dev-voice5 from src/*.src: strip «voice» marks, compute 1-based line numbers,
write notes, sidecars and notecheck.yaml."""
import glob, os, re
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = re.compile(r"\s*«(\w+)»")
for old in glob.glob(os.path.join(OUT, "[0-9][0-9]-*")):
    os.remove(old)
for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]          # NN-name.md / NN-name.txt
    stem = os.path.splitext(name)[0]
    raw = open(src, encoding="utf-8").read()
    note, why = raw.split("\n%%WHY%%\n", 1)
    flags = {}
    out = []
    for i, line in enumerate(note.rstrip("\n").split("\n"), 1):
        for cat in MARK.findall(line):
            flags.setdefault(cat, []).append(i)
        out.append(MARK.sub("", line).rstrip())
    open(os.path.join(OUT, name), "w", encoding="utf-8").write("\n".join(out) + "\n")
    why = " ".join(why.split())
    kind = why.split(":", 1)[0]
    assert kind in ("Problem", "Trap", "Not applicable"), (name, kind)
    assert (kind == "Problem") == bool(flags), (name, kind, flags)
    assert set(flags) <= {"voice"}, (name, flags)
    if flags:
        y = "must_flag:\n  voice: [%s]\nmust_not_flag: []\n" % ", ".join(map(str, flags["voice"]))
    else:
        y = "must_flag: {}\nmust_not_flag: [voice]\n"
    y += "why: >\n  " + why.replace("\\", "\\\\") + "\n"
    open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8").write(y)
open(os.path.join(OUT, "notecheck.yaml"), "w").write(
    "# dev-voice5 was written with \"today\" = 3 December 2026.\ntimeliness:\n  today: 2026-12-03\n")
print("built", len(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))), "notes")
