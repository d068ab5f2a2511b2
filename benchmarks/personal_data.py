"""How well the personal-data rules find identifiers and names.

    PYTHONPATH=src python benchmarks/personal_data.py

Identifiers, on two case files:
- tests/data/identifiers.yaml: generated and hand-written cases (make_identifier_cases.py);
- tests/data/identifiers-peers.yaml: the UK test cases of peer projects (Presidio,
  scrubadub, python-stdnum, NHS-number and NI-number validators, GOV.UK Notify) and the
  official specifications, each case with its source.
For each: "found" (expected findings made / expected findings) and "false flags" (findings
made that were not expected / all findings made), plus the share of the cases that
should flag nothing (invalid, placeholder, look-alike) where something was flagged. Names
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


CASE_FILES = ("identifiers.yaml", "identifiers-peers.yaml")


def measure_identifiers(linter=None, case_file: str = "identifiers.yaml") -> dict:
    from notecheck.notes.text import parse_text

    linter = linter or training_linter(lambda r: r.kind == "regex")
    cases = yaml.safe_load((DATA / case_file).read_text("utf-8"))["cases"]
    expected_total = found_expected = flagged_total = 0
    wrong_flags: list[tuple[str, str, list[str]]] = []  # (group, text, unexpected rule ids)
    missed: list[tuple[str, list[str]]] = []
    by_group: dict[str, int] = {}
    negatives = negatives_flagged = 0
    for case in cases:
        by_group[case["group"]] = by_group.get(case["group"], 0) + 1
        found = {d.rule for d in linter.check(linter.parse(parse_text("<case>", case["text"])))}
        expected = set(case["expect"])
        expected_total += len(expected)
        found_expected += len(expected & found)
        flagged_total += len(found)
        if expected - found:
            missed.append((case["text"], sorted(expected - found)))
        if found - expected:
            wrong_flags.append((case["group"], case["text"], sorted(found - expected)))
        if not expected:
            negatives += 1
            negatives_flagged += bool(found)
    false_flags = sum(len(rules) for _, _, rules in wrong_flags)
    return {
        "file": case_file,
        "cases": len(cases),
        "by_group": by_group,
        "recall": found_expected / expected_total,
        "expected": expected_total,
        "false_flag_rate": false_flags / flagged_total if flagged_total else 0.0,
        "flagged": flagged_total,
        "negatives": negatives,
        "negatives_flagged_rate": negatives_flagged / negatives if negatives else 0.0,
        "missed": missed,
        "wrong_flags": wrong_flags,
        "placeholder_or_invalid_flags": [w for w in wrong_flags
                                         if w[0] in ("placeholder", "invalid-check-digit", "invalid")],
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
    for case_file in CASE_FILES:
        ids = measure_identifiers(case_file=case_file)
        print(f"Identifiers, tests/data/{case_file}: {ids['cases']} cases {ids['by_group']}")
        print(f"  found: {ids['recall']:.1%} of {ids['expected']} expected findings")
        print(f"  false flags: {ids['false_flag_rate']:.1%} of {ids['flagged']} findings; "
              f"{ids['negatives_flagged_rate']:.1%} of {ids['negatives']} cases that should flag nothing")
        print(f"  flags on placeholders / invalid identifiers: {len(ids['placeholder_or_invalid_flags'])}")
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
