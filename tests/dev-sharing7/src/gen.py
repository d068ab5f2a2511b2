#!/usr/bin/env python3
"""Build the dev-sharing7 set from src/*.src.
Each src file: the note text, flagged lines ending in marks like «sharing»; then a line
%%WHY%% and the why text. Writes NN-name.{md,txt}, NN-name.expect.yaml and notecheck.yaml
into the parent folder. Line numbers are 1-based over the whole written note."""
import glob, os, re, sys
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
C = "sharing"
MARK = re.compile(r"\s*«(\w+)»")
errors = []

for src in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))):
    name = os.path.basename(src)[:-4]          # NN-name.md / NN-name.txt
    stem, ext = os.path.splitext(name)
    raw = open(src, encoding="utf-8").read()
    if "\n%%WHY%%\n" not in raw:
        errors.append(f"{name}: no %%WHY%% line"); continue
    note, why = raw.split("\n%%WHY%%\n", 1)
    out_lines, flags = [], []
    for i, line in enumerate(note.split("\n"), 1):
        cats = MARK.findall(line)
        for c in cats:
            if c != C:
                errors.append(f"{name}: mark for {c}, only {C} is scored")
        if cats:
            flags.append(i)
        out_lines.append(MARK.sub("", line).rstrip())
    why = why.strip()
    kind = why.split(":", 1)[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        errors.append(f"{name}: why must begin Problem:/Trap:/Not applicable:")
    if (kind == "Problem") != bool(flags):
        errors.append(f"{name}: why says {kind} but flagged lines are {flags}")
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        f.write("\n".join(out_lines).rstrip("\n") + "\n")
    side = {"must_flag": {C: flags} if flags else {},
            "must_not_flag": [] if flags else [C]}
    y = yaml.safe_dump(side, default_flow_style=None, sort_keys=False, allow_unicode=True)
    y = y.replace("must_flag: {}\n", "must_flag: {}\n")
    body = "\n".join("  " + l if l.strip() else "" for l in why.split("\n"))
    # folded scalar: keep paragraphs apart with a blank line
    body = body.replace("\n  ", "\n\n  ")
    with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
        f.write(y + "why: >\n" + body + "\n")
    back = yaml.safe_load(open(os.path.join(OUT, stem + ".expect.yaml"), encoding="utf-8"))
    if back["must_flag"] != side["must_flag"] or not back["why"].startswith(kind):
        errors.append(f"{name}: sidecar does not round-trip")

with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
    f.write("# dev-sharing7 was written with \"today\" = 3 December 2026.\n"
            "timeliness:\n  today: 2026-12-03\n")
if errors:
    print("\n".join("ERROR: " + e for e in errors)); sys.exit(1)
print("gen: OK")
