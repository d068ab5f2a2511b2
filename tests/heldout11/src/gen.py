#!/usr/bin/env python3
"""Build the heldout11 notes and sidecars from the marked sources in this folder.

Source format (src/batch*.src):
  %%%% NN-name.md | NN-name.txt     starts a note
  (for .md) seven front-matter lines, then a line '%%body'
  body lines; a flagged line ends with «cat,cat»
  %%why                             then the sidecar 'why' text (one item per line)
Line numbers are worked out from the marks; the marks are stripped from the output.
"""
import glob, os, re, sys

CATS = ["jargon", "labelling", "opinion", "attribution", "voice",
        "timeliness", "sharing", "clarity", "holistic"]
SRC = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(SRC)
MARK = re.compile(r"\s*«([a-z, ]+)»\s*$")

def parse(path):
    notes, cur, part = [], None, None
    for raw in open(path, encoding="utf-8").read().split("\n"):
        if raw.startswith("%%%% "):
            cur = {"name": raw[5:].strip(), "meta": [], "body": [], "why": []}
            notes.append(cur)
            part = "meta" if cur["name"].endswith(".md") else "body"
        elif raw == "%%body":
            part = "body"
        elif raw == "%%why":
            part = "why"
        elif cur is not None:
            cur[part].append(raw)
    return notes

def strip_marks(lines, first_lineno, flags):
    out = []
    for i, l in enumerate(lines):
        m = MARK.search(l)
        if m:
            for c in m.group(1).split(","):
                c = c.strip()
                if c not in CATS:
                    sys.exit(f"unknown category {c!r} in line {l!r}")
                flags.setdefault(c, []).append(first_lineno + i)
            l = l[:m.start()]
        out.append(l.rstrip())
    return out

def main():
    names = set()
    for src in sorted(glob.glob(os.path.join(SRC, "*.src"))):
        for n in parse(src):
            name = n["name"]
            if name in names:
                sys.exit(f"duplicate {name}")
            names.add(name)
            while n["body"] and not n["body"][-1].strip():
                n["body"].pop()
            while n["why"] and not n["why"][-1].strip():
                n["why"].pop()
            flags = {}
            if name.endswith(".md"):
                meta = [l for l in n["meta"] if l.strip()]
                if len(meta) != 7:
                    sys.exit(f"{name}: front matter must be 7 lines, got {len(meta)}")
                meta = strip_marks(meta, 2, flags)
                body = strip_marks(n["body"], 10, flags)
                lines = ["---"] + meta + ["---"] + body
            else:
                lines = strip_marks(n["body"], 1, flags)
            text = "\n".join(lines) + "\n"
            if "«" in text or "»" in text:
                sys.exit(f"{name}: mark left in text")
            open(os.path.join(OUT, name), "w", encoding="utf-8").write(text)
            stem = name.rsplit(".", 1)[0]
            side = ["must_flag:" if flags else "must_flag: {}"]
            for c in CATS:
                if c in flags:
                    side.append(f"  {c}: [{', '.join(str(x) for x in sorted(set(flags[c])))}]")
            side.append("must_not_flag: [" + ", ".join(c for c in CATS if c not in flags) + "]")
            side.append("why: >")
            for w in n["why"]:
                w = w.strip()
                if not w:
                    continue
                m = re.match(r"(\w+):", w)
                if m and m.group(1) in CATS:
                    c = m.group(1)
                    if c not in flags:
                        sys.exit(f"{name}: why explains {c} but it is not marked")
                    for grp in re.findall(r"\blines? ((?:\d+(?:, | and |-)?)+)", w):
                        for x in re.findall(r"\d+", grp):
                            if int(x) not in flags[c]:
                                print(f"WARNING {name}: why for {c} cites line {x}, marks are {flags[c]}")
                side.append("  " + w)
            for c in flags:
                if not any(w.strip().startswith(c + ":") for w in n["why"]):
                    sys.exit(f"{name}: {c} is marked but not explained in why")
            open(os.path.join(OUT, stem + ".expect.yaml"), "w", encoding="utf-8").write("\n".join(side) + "\n")
    print(f"wrote {len(names)} notes")

main()
