"""How well the personal-data rules find identifiers and names.

    PYTHONPATH=src python benchmarks/personal_data.py

Identifiers (tests/data/identifiers.yaml): recall on real identifiers, and flags on
placeholders, invalid check digits and look-alikes (which should be none). Names
(tests/data/names.yaml): recall and precision on name mentions, and any relationship
word flagged. tests/test_personal_data_measured.py asserts the thresholds.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


def training_linter(rule_filter):
    from notecheck.config import Config
    from notecheck.engine import Linter
    from notecheck.rules.loader import builtin_rules_dir, load_rules
    from notecheck.rules.selection import apply_profile

    rules = [r for r in apply_profile(load_rules([builtin_rules_dir()]), "training")
             if r.category == "personal-data" and rule_filter(r)]
    # mask=False: the scores compare exact spans with the expected values.
    return Linter(rules, Config(profile="training"), mask=False)


def measure_identifiers(linter=None) -> dict:
    from notecheck.notes.text import parse_text

    linter = linter or training_linter(lambda r: r.kind == "regex")
    cases = yaml.safe_load((DATA / "identifiers.yaml").read_text("utf-8"))["cases"]
    expected_total = found_expected = 0
    wrong_flags: list[tuple[str, str, list[str]]] = []  # (group, text, unexpected rule ids)
    missed: list[tuple[str, list[str]]] = []
    by_group: dict[str, int] = {}
    for case in cases:
        by_group[case["group"]] = by_group.get(case["group"], 0) + 1
        found = {d.rule for d in linter.check(linter.parse(parse_text("<case>", case["text"])))}
        expected = set(case["expect"])
        expected_total += len(expected)
        found_expected += len(expected & found)
        if expected - found:
            missed.append((case["text"], sorted(expected - found)))
        if found - expected:
            wrong_flags.append((case["group"], case["text"], sorted(found - expected)))
    return {
        "cases": len(cases),
        "by_group": by_group,
        "recall": found_expected / expected_total,
        "expected": expected_total,
        "missed": missed,
        "wrong_flags": wrong_flags,
        "placeholder_or_invalid_flags": [w for w in wrong_flags
                                         if w[0] in ("placeholder", "invalid-check-digit")],
    }


def measure_names(linter=None) -> dict:
    from notecheck.notes.text import parse_text

    linter = linter or training_linter(lambda r: r.kind == "person-name")
    data = yaml.safe_load((DATA / "names.yaml").read_text("utf-8"))
    relationship = {w.lower() for w in data["relationship_words"]}
    mentions = hits = flagged = correct = 0
    missed, extra, relationship_flags = [], [], []
    for case in data["cases"]:
        text = case["text"]
        spans = [(d.column - 1, d.end_column - 1)
                 for d in linter.check(linter.parse(parse_text("<case>", text)))]
        wanted = []
        for name in case["names"]:
            start = text.find(name)
            assert start >= 0, f"{name!r} is not in {text!r}"
            wanted.append((start, start + len(name)))
        for start, end in wanted:
            mentions += 1
            if any(s < end and start < e for s, e in spans):
                hits += 1
            else:
                missed.append((text, text[start:end]))
        for start, end in spans:
            flagged += 1
            if any(s < end and start < e for s, e in wanted):
                correct += 1
            else:
                extra.append((text, text[start:end]))
            words = {w.strip(".,;:()").lower() for w in text[start:end].split()}
            if words & relationship:
                relationship_flags.append((text, text[start:end]))
    return {
        "sentences": len(data["cases"]),
        "mentions": mentions,
        "recall": hits / mentions,
        "precision": correct / flagged if flagged else 1.0,
        "missed": missed,
        "extra": extra,
        "relationship_flags": relationship_flags,
    }


def main() -> None:
    started = time.perf_counter()
    ids = measure_identifiers()
    print(f"Identifiers: {ids['cases']} cases {ids['by_group']}")
    print(f"  recall on real identifiers: {ids['recall']:.3f} ({ids['expected']} expected)")
    print(f"  flags on placeholders / invalid check digits: {len(ids['placeholder_or_invalid_flags'])}")
    print(f"  unexpected flags in total (incl. look-alikes): {len(ids['wrong_flags'])}")
    for text, rules in ids["missed"]:
        print(f"  missed: {rules} in {text!r}")
    for group, text, rules in ids["wrong_flags"]:
        print(f"  wrongly flagged ({group}): {rules} in {text!r}")
    names = measure_names()
    print(f"Names: {names['sentences']} sentences, {names['mentions']} name mentions")
    print(f"  recall: {names['recall']:.3f}  precision: {names['precision']:.3f}")
    print(f"  relationship words flagged: {len(names['relationship_flags'])}")
    for text, name in names["missed"]:
        print(f"  missed: {name!r} in {text!r}")
    for text, name in names["extra"]:
        print(f"  extra: {name!r} in {text!r}")
    print(f"({time.perf_counter() - started:.1f}s)")


if __name__ == "__main__":
    sys.exit(main())
