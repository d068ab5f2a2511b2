"""The per-rule gate: every default rule against the findings annotated, line by line, in
the tuning corpora's sidecars (tests/corpus, tests/heldout, heldout2 and heldout3, and the
training material in tests/corpus-training, checked with the training profile; the format
is in tests/corpus/README.md).

It fails, naming the rule, on an expected finding that is missing (a regression), on a
finding nobody annotated (a new false flag), on a known miss (todo:) that now fires
(promote it), on a known false flag (fp:) that has gone (move it to ok:), and on any
default rule with no expected finding, so deleting or breaking any one default rule fails
it. The blind sets (heldout4, heldout5) are never used here.

benchmarks/quality.py --rules prints the same per-rule table.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from notecheck.quality import (annotated_notes, corpus_checker, findings, opt_in_rules, rule_gate,
                               rule_table)

TESTS = Path(__file__).parent
CORPORA = [TESTS / name for name in ("corpus", "heldout", "heldout2", "heldout3",
                                     # training material, checked with profile: training
                                     "corpus-training")]
ENGINE_CHECKS = {"notecheck.unused-suppression", "notecheck.internal-error"}


def default_rule_ids(**options) -> list[str]:
    from notecheck.checker import Checker
    from notecheck.config import Config

    return sorted(r.id for r in Checker(Config(), **options).rules)


# Loading the rule files only (no notes are parsed), to name one test per rule: the rules
# on by default, and those the training profile turns on (the personal-data rules).
DEFAULT_RULES = sorted(set(default_rule_ids()) | set(default_rule_ids(profile="training")))


@pytest.fixture(scope="module")
def run():
    """Every annotated note checked once, with all the default rules, through the one path."""
    notes = {folder.name: annotated_notes(folder) for folder in CORPORA}
    found = {}
    for folder in CORPORA:
        checker = corpus_checker(folder)
        found[folder.name] = findings(folder, checker)
    known = {r.id for r in checker.default().loaded} | ENGINE_CHECKS
    return notes, found, known


def gate_of(run, found=None):
    notes, all_found, known = run
    found = all_found if found is None else found
    return rule_gate({label: (notes[label], found[label]) for label in notes}, DEFAULT_RULES, known,
                     running=set(DEFAULT_RULES) | ENGINE_CHECKS)


def test_a_rule_off_by_default_keeps_its_annotated_findings_when_selected(run):
    """A rule taken out of the default run (sharing.receipt-not-confirmed: blind experts do
    not ask for receipt) is still gated on its annotations, in a run that selects it."""
    notes, found, known = run
    opt_in = opt_in_rules({label: (notes[label], {}) for label in notes}, DEFAULT_RULES)
    assert opt_in == ["sharing.receipt-not-confirmed"]
    for rule in opt_in:
        selected = {folder.name: findings(folder, corpus_checker(folder, select=[rule]))
                    for folder in CORPORA}
        gate = rule_gate({label: (notes[label], selected[label]) for label in notes}, [rule], known,
                         running={rule})
        assert not gate.problems, "\n".join(gate.problems)
        assert gate.scores[rule].expected >= 10 and gate.scores[rule].found == gate.scores[rule].expected


def test_every_default_rule_keeps_its_annotated_findings(run):
    gate = gate_of(run)
    assert not gate.problems, "\n".join(gate.problems) + "\n\n" + rule_table(gate)


def test_every_default_rule_has_an_expected_finding(run):
    gate = gate_of(run)
    assert set(DEFAULT_RULES) <= {rule for rule, s in gate.scores.items() if s.expected}
    assert len(DEFAULT_RULES) >= 40 and "personal-data.nhs-number" in DEFAULT_RULES


@pytest.mark.parametrize("rule", DEFAULT_RULES)
def test_deleting_the_rule_fails_the_gate(run, rule):
    """The gate fails, naming the rule, when the rule finds nothing. Computed from the one
    full run by dropping the rule's findings: rules are independent (each one reads the
    parsed note, never another rule's findings), so this is what Options(ignore=[rule])
    gives; test_ignoring_a_rule_through_options_is_the_same_as_dropping_its_findings checks
    that on a real run."""
    notes, found, known = run
    without = {label: {name: {(r, line) for r, line in spots if r != rule} for name, spots in by_note.items()}
               for label, by_note in found.items()}
    gate = gate_of(run, without)
    problems = gate.problems_for(rule)
    assert problems, f"deleting {rule} went unnoticed"
    assert any("regression: no longer finds line" in p for p in problems)
    assert set(gate.problems) == set(problems), "only the deleted rule is reported"


def test_ignoring_a_rule_through_options_is_the_same_as_dropping_its_findings(run):
    notes, found, known = run
    folder = TESTS / "heldout3"
    rule = "jargon.gestation-shorthand"
    ignored = findings(folder, corpus_checker(folder, ignore=[rule]))
    assert ignored == {name: {(r, line) for r, line in spots if r != rule}
                       for name, spots in found["heldout3"].items()}
    gate = gate_of(run, {**found, "heldout3": ignored})
    assert gate.problems == [f"{rule}: regression: no longer finds line 10 of "
                             "heldout3/17-midwife-call-pregnancy.md"]


def test_a_rule_deleted_from_its_rule_file_fails_the_gate(run, tmp_path):
    """A scratch copy of the built-in rules with one rule taken out of its file."""
    from notecheck.rules.loader import builtin_rules_dir

    rules = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), rules)
    path = rules / "labelling" / "defining-labels.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["rules"] = [r for r in data["rules"] if r["id"] != "labelling.defining-label"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    folder = TESTS / "heldout"
    notes, found, known = run
    without = findings(folder, corpus_checker(folder, builtin_rules=rules))
    gate = gate_of(run, {**found, "heldout": without})
    assert gate.problems == [
        "labelling.defining-label: regression: no longer finds line 10 of heldout/11-care-home-daily-whitfield.md"]


# --- The gate's own logic, on notes written here --------------------------------------

NOTE = "Mum seems low.\nMum drinks a lot.\n"


def gate_on(tmp_path, sidecar: str, rules=("opinion.unsupported-opinion", "clarity.vague-quantity")):
    (tmp_path / "a.md").write_text(NOTE, encoding="utf-8")
    (tmp_path / "a.expect.yaml").write_text(sidecar, encoding="utf-8")
    from notecheck.checker import Checker
    from notecheck.config import Config

    checker = Checker(Config(), select=list(rules))
    return rule_gate({"t": (annotated_notes(tmp_path), findings(tmp_path, checker))}, list(rules),
                     {r.id for r in checker.default().loaded})


def test_a_fully_annotated_note_passes(tmp_path):
    gate = gate_on(tmp_path, "rules: [{rule: opinion.unsupported-opinion, line: 1},"
                             " {rule: clarity.vague-quantity, line: 2}]\n")
    assert gate.problems == []
    assert (gate.scores["clarity.vague-quantity"].expected, gate.scores["clarity.vague-quantity"].found) == (1, 1)


def test_the_gate_names_each_kind_of_failure(tmp_path):
    gate = gate_on(tmp_path, "rules: [{rule: clarity.vague-quantity, line: 1}]\n"
                             "fp: [{rule: clarity.vague-quantity, line: 2, why: a count is given}]\n"
                             "todo: [{rule: opinion.unsupported-opinion, line: 1, why: seems low}]\n")
    assert gate.problems == [
        "clarity.vague-quantity: regression: no longer finds line 1 of t/a.md",
        "opinion.unsupported-opinion: now finds the known miss on line 1 of t/a.md (seems low): "
        "promote it from todo: to rules: in the sidecar",
        "opinion.unsupported-opinion: no expected finding in the annotated corpora: the gate cannot tell if "
        "this rule is deleted or broken; annotate a line it should find",
    ]
    gate = gate_on(tmp_path, "rules: [{rule: opinion.unsupported-opinion, line: 1}]\n"
                             "fp: [{rule: clarity.vague-quantity, line: 1, why: not here}]\n")
    assert gate.problems == [
        "clarity.vague-quantity: the known false flag on line 1 of t/a.md is gone (not here): "
        "move it from fp: to ok: in the sidecar",
        "clarity.vague-quantity: new finding on line 2 of t/a.md that the sidecar does not list: a new false "
        "flag (fix the rule, or record it under fp:) or a real problem (add it to rules:)",
        "clarity.vague-quantity: no expected finding in the annotated corpora: the gate cannot tell if this "
        "rule is deleted or broken; annotate a line it should find",
    ]
    gate = gate_on(tmp_path, "rules: [{rule: opinion.unsupported-opinion, line: 1}]\n"
                             "ok: [{rule: clarity.vague-quantity, line: 2, why: told apart later}]\n"
                             "todo: [{rule: jargon.undefined-acronyms, line: 1, why: typo}]\n")
    assert gate.problems == [
        "jargon.undefined-acronyms: t/a.md:1 names a rule notecheck does not have",
        "clarity.vague-quantity: false flag on line 2 of t/a.md, a line marked ok: told apart later",
        "clarity.vague-quantity: no expected finding in the annotated corpora: the gate cannot tell if this "
        "rule is deleted or broken; annotate a line it should find",
    ]


@pytest.mark.parametrize("sidecar, message", [
    ("rules: {rule: x, line: 1}\n", "'rules' must be a list"),
    ("rules: [{rule: x}]\n", "each 'rules' entry is"),
    ("fp: [{rule: x, line: 2}]\n", "needs a 'why'"),
    ("rules: [{rule: x, line: 2}]\nfp: [{rule: x, line: 2, why: y}]\n", "is in both 'rules' and 'fp'"),
    ("rule: [{rule: x, line: 2}]\n", "unknown key(s) ['rule']"),
])
def test_a_badly_formed_sidecar_says_what_is_wrong(tmp_path, sidecar, message):
    (tmp_path / "a.md").write_text(NOTE, encoding="utf-8")
    (tmp_path / "a.expect.yaml").write_text(sidecar, encoding="utf-8")
    with pytest.raises(ValueError, match="a.expect.yaml") as info:
        annotated_notes(tmp_path)
    assert message in str(info.value)
