"""Print how well the rules do on the labelled corpora.

    PYTHONPATH=src python benchmarks/quality.py [--details] [CORPUS_FOLDER]
    PYTHONPATH=src python benchmarks/quality.py --rules [FOLDER ...]

Per category: recall on the notes that must be flagged, and the false-flag rate on the
notes that must not be. --details lists the notes behind each miss and false flag.

--rules: per rule. For folders whose sidecars carry per-rule annotations (rules:, todo:,
fp:, ok:; by default the four tuning corpora tests/corpus, heldout, heldout2, heldout3,
and the training material in tests/corpus-training, checked with the training profile)
the table of the per-rule gate (tests/test_quality_rules.py): expected, found, missed,
new (unannotated) findings, known false flags and known misses (todo), then every problem
the gate would fail on. For a blind set without them (tests/heldout4, tests/heldout5), where
each rule's findings fall: on a line the sidecar gives for the rule's category, elsewhere in
a note that must be flagged for it, in a note where it must not be (a false flag), or
unlabelled.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from notecheck.checker import ENGINE_CHECKS
from notecheck.quality import (ANNOTATION_KEYS, annotated_notes, blind_rule_counts, blind_rule_table,
                               corpus_checker, findings, rule_gate, rule_table, score, table)

TESTS = Path(__file__).resolve().parents[1] / "tests"
TUNING = [TESTS / name for name in ("corpus", "heldout", "heldout2", "heldout3", "corpus-training")]


def annotated(folder: Path) -> bool:
    return any(set(yaml.safe_load(p.read_text(encoding="utf-8")) or {}) & set(ANNOTATION_KEYS)
               for p in folder.glob("*.expect.yaml"))


def per_rule(folders: list[Path], coverage: bool = True) -> int:
    started = time.perf_counter()
    gated, blind = [f for f in folders if annotated(f)], [f for f in folders if not annotated(f)]
    status = 0
    if gated:
        corpora, checker = {}, None
        for folder in gated:
            checker = corpus_checker(folder)
            corpora[folder.name] = (annotated_notes(folder), findings(folder, checker))
        # Every default (and training-profile) rule needs an expected finding somewhere: only
        # asked of the whole set of tuning corpora, not of one folder.
        default = sorted({r.id for r in corpus_checker(gated[0]).rules}
                         | {r.id for r in corpus_checker(gated[0], profile="training").rules}) if coverage else []
        known = {r.id for r in checker.default().loaded}
        running = set(default) | set(ENGINE_CHECKS) if coverage else None
        gate = rule_gate(corpora, default, known, running=running)
        notes = sum(len(n) for n, _ in corpora.values())
        print(f"Per-rule gate: {notes} notes in {', '.join(f.name for f in gated)} "
              f"({time.perf_counter() - started:.1f}s)\n")
        print(rule_table(gate))
        if gate.problems:
            print(f"\n{len(gate.problems)} problem(s):")
            print("\n".join("  " + p for p in gate.problems))
            status = 1
        else:
            print("\nThe gate passes.")
    for folder in blind:
        counts = blind_rule_counts(folder, findings(folder))
        with_lines = any(isinstance((yaml.safe_load(p.read_text(encoding="utf-8")) or {}).get("must_flag"), dict)
                         for p in folder.glob("*.expect.yaml"))
        print(f"\n{folder.name} (no per-rule annotations): where each rule's findings fall "
              f"(distinct rule and line pairs)\n")
        print(blind_rule_table(counts, with_lines))
    return status


def main(argv: list[str]) -> int:
    if "--rules" in argv:
        folders = [Path(a) for a in argv if a != "--rules"]
        return per_rule(folders or TUNING, coverage=not folders)
    details = "--details" in argv
    args = [a for a in argv if a != "--details"]
    folder = Path(args[0]) if args else TESTS / "corpus"
    started = time.perf_counter()
    scores, seen = score(folder)
    elapsed = time.perf_counter() - started
    print(f"{len(seen)} notes in {folder} ({elapsed:.1f}s, including loading the pipeline)\n")
    print(table(scores))
    if details:
        for s in scores.values():
            for name in s.missed:
                print(f"missed      {s.category:<12} {name}  (flagged: {', '.join(sorted(seen[name])) or 'nothing'})")
            for name in s.wrongly_flagged:
                print(f"false flag  {s.category:<12} {name}")
    return 0 if all(s.ok for s in scores.values()) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
