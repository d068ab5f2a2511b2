"""Draft the per-rule annotations (``rules:``, ``todo:``, ``fp:``, ``ok:``) of a
corpus's sidecars from notecheck's current output, for a person to review.

    PYTHONPATH=src python benchmarks/draft_rule_annotations.py FOLDER            # review list
    PYTHONPATH=src python benchmarks/draft_rule_annotations.py FOLDER --write    # write sidecars

This is a drafting aid, not the judgement. Without --write it prints one line per
finding that is not yet annotated (note:line, rule, the words it matched, the line) so
each can be read against the rule's description and decided. With --write it rewrites
the annotation sections of every sidecar in FOLDER:

- entries already in a sidecar are kept as they are (the reviewed judgement wins);
- a finding not yet annotated is added to ``rules:`` unless --verdicts says otherwise;
- ``--verdicts FILE`` (TSV: folder/note, line, rule, kind, why; kind is rules, fp, todo or ok)
  records review decisions: a false flag goes to ``fp:`` with its reason, a miss to
  ``todo:``.

The category keys at the top of each sidecar (must_flag, must_not_flag, why) are left
byte for byte as they were; the annotation sections are written after them. Never run it
on the blind sets (tests/heldout4, tests/heldout5).
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import yaml

from notecheck.quality import ANNOTATION_KEYS, corpus_checker, corpus_notes, rule_annotations

# The tuning corpora (tests/corpus, heldout, heldout2, heldout3) are annotated; every other
# heldout set and every one-category development set is blind: scored, never annotated.
TUNING = {"corpus", "heldout", "heldout2", "heldout3", "corpus-training"}


def blind(name: str) -> bool:
    return name.startswith(("heldout", "dev-")) and name not in TUNING


HEADER = {
    "rules": "# expected findings: the line really has the rule's problem",
    "todo": "# real problems notecheck misses today (the gate fails when one starts firing: promote it)",
    "fp": "# known false flags: notecheck fires today and should not (the gate fails when one stops: move it to ok)",
    "ok": "# lines that must not be flagged by the rule",
}


def sidecar_of(note: Path) -> Path:
    return note.with_name(note.name[: -len(note.suffix)] + ".expect.yaml")


def category_part(text: str) -> str:
    """The sidecar up to the first annotation section (and its comment lines)."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.split(":", 1)[0].strip() in ANNOTATION_KEYS and not line.startswith((" ", "-")):
            while i and lines[i - 1].startswith("#"):
                i -= 1
            return "".join(lines[:i]).rstrip("\n") + "\n"
    return text.rstrip("\n") + "\n"


def render(entries: dict[str, list[dict]]) -> str:
    out = []
    for key in ANNOTATION_KEYS:
        items = sorted(entries.get(key) or [], key=lambda e: (e["line"], e["rule"]))
        if not items:
            continue
        out += ["", HEADER[key], f"{key}:"]
        for e in items:
            fields = f"rule: {e['rule']}, line: {e['line']}"
            if e.get("why"):
                fields += ", why: " + yaml.safe_dump(e["why"], default_style='"', width=10_000).strip()
            out.append(f"  - {{{fields}}}")
    return "\n".join(out) + "\n" if out else ""


def read_verdicts(path: Path | None) -> dict[tuple[str, int, str], tuple[str, str]]:
    if path is None:
        return {}
    verdicts = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            note, line, rule, kind, *why = row
            if kind not in ANNOTATION_KEYS:
                raise SystemExit(f"{path}: kind must be one of {', '.join(ANNOTATION_KEYS)}, not {kind!r}")
            verdicts[(note, int(line), rule)] = (kind, why[0] if why else "")
    return verdicts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--write", action="store_true", help="rewrite the sidecars' annotation sections")
    parser.add_argument("--verdicts", type=Path, help="TSV of review decisions: folder/note, line, rule, kind, why")
    args = parser.parse_args(argv)
    if blind(args.folder.resolve().name):
        raise SystemExit(f"{args.folder} is a blind set: it is scored, never annotated from notecheck's output")
    verdicts = read_verdicts(args.verdicts)
    checker = corpus_checker(args.folder)
    for note, _ in corpus_notes(args.folder):
        sidecar = sidecar_of(note)
        key = f"{args.folder.resolve().name}/{note.name}"
        text = sidecar.read_text(encoding="utf-8")
        have = rule_annotations(yaml.safe_load(text) or {}, sidecar)
        entries = {k: [dict(rule=a.rule, line=a.line, **({"why": a.why} if a.why else {})) for a in v]
                   for k, v in have.items()}
        known = {(a.rule, a.line) for v in have.values() for a in v}
        lines = note.read_text(encoding="utf-8").splitlines()
        found = {}
        for d in checker.check_paths([str(note)]):
            found.setdefault((d.rule, d.line), d)
        for (rule, line), d in sorted(found.items(), key=lambda x: (x[0][1], x[0][0])):
            if (rule, line) in known:
                continue
            kind, why = verdicts.get((key, line, rule), ("rules", ""))
            entries.setdefault(kind, []).append(dict(rule=rule, line=line, **({"why": why} if why else {})))
            if not args.write:
                text_line = lines[line - 1] if line <= len(lines) else ""
                span = text_line[d.column - 1: d.end_column - 1] if d.end_line == d.line else text_line[d.column - 1:]
                print(f"{note.name}:{line}\t{rule}\t[{span[:60]}]\t{text_line.strip()[:200]}")
        for (note_name, line, rule), (kind, why) in verdicts.items():
            if note_name == key and kind in ("todo", "ok") and (rule, line) not in known | set(found):
                entries.setdefault(kind, []).append(dict(rule=rule, line=line, **({"why": why} if why else {})))
        if args.write:
            sidecar.write_text(category_part(text) + render(entries), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
