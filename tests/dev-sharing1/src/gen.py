#!/usr/bin/env python3
"""Write the dev-sharing1 notes and sidecars from src/.

Each src file is a note followed by a line '%%WHY%%' and the why text. The why
text starts with 'Incomplete:', 'Complete:' or 'No sharing:'. In incomplete notes
each flagged sharing line ends with the mark «sharing»; gen.py strips the mark and
records the 1-based line number (front matter counted) in the sidecar."""
import glob, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
MARK = "«sharing»"

def main():
    # Sources end in .src so that checking the set's folder does not check them too.
    srcs = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*.src"))
                  if p[:-4].endswith((".md", ".txt")))
    errors = []
    for p in srcs:
        name = os.path.basename(p)[:-4]
        stem = os.path.splitext(name)[0]
        raw = open(p, encoding="utf-8").read()
        if "\n%%WHY%%\n" not in raw:
            errors.append(f"{name}: no %%WHY%% section"); continue
        note, why = raw.split("\n%%WHY%%\n", 1)
        why = " ".join(why.split())
        lines = note.split("\n")
        flagged = []
        out = []
        for i, l in enumerate(lines, 1):
            if MARK in l:
                flagged.append(i)
                l = l.replace(" " + MARK, "").replace(MARK, "")
            out.append(l.rstrip())
        kind = why.split(":", 1)[0]
        if kind not in ("Incomplete", "Complete", "No sharing"):
            errors.append(f"{name}: why must start with Incomplete:/Complete:/No sharing:")
        if (kind == "Incomplete") != bool(flagged):
            errors.append(f"{name}: {kind} note with {len(flagged)} marked lines")
        text = "\n".join(out).rstrip("\n") + "\n"
        if MARK in text or "«" in text or "»" in text:
            errors.append(f"{name}: mark left in note")
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(text)
        if flagged:
            side = ("must_flag:\n  sharing: [" + ", ".join(map(str, flagged)) + "]\n"
                    "must_not_flag: []\n")
        else:
            side = "must_flag: {}\nmust_not_flag: [sharing]\n"
        side += "why: >\n  " + why + "\n"
        with open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8") as f:
            f.write(side)
    with open(os.path.join(OUT, "notecheck.yaml"), "w", encoding="utf-8") as f:
        f.write("# The dev-sharing1 blind set was written with \"today\" = 2 December 2026.\n"
                "timeliness:\n  today: 2026-12-02\n")
    if errors:
        print("\n".join("ERROR: " + e for e in errors)); sys.exit(1)
    print(f"wrote {len(srcs)} notes to {OUT}")

if __name__ == "__main__":
    main()
