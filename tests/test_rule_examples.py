"""Every built-in rule's own examples, as generated test cases, plus meta-tests that
keep the packs complete and readable. Nothing here names a rule: whatever packs exist
under rules/ are picked up."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from notecheck.kinds import KINDS
from notecheck.notes.text import parse_text
from notecheck.rules.loader import RuleLoadError, builtin_rules_dir, load_rules
from notecheck.rules.model import CATEGORIES

try:
    RULES = load_rules([builtin_rules_dir()])
    LOAD_ERROR = None
except RuleLoadError as exc:  # reported by test_builtin_rules_load, not as a collection crash
    RULES, LOAD_ERROR = [], exc


def example_cases():
    for rule in RULES:
        for expected, examples in (("fail", rule.fail_examples), ("pass", rule.pass_examples)):
            for index, example in enumerate(examples):
                span = rule.fail_spans[index] if expected == "fail" and rule.fail_spans else None
                yield pytest.param(rule, expected, example, span, id=f"{rule.id}-{expected}-{index}")


@pytest.fixture(scope="session")
def linter():
    """One Linter (one spaCy pipeline) for every built-in rule."""
    from notecheck.engine import Linter

    return Linter(RULES)


def findings(linter, rule, example: str):
    return linter.check(linter.parse(parse_text("<example>", example)), [rule])


@pytest.mark.parametrize(("rule", "expected", "example", "span"), list(example_cases()))
def test_rule_example(linter, rule, expected, example, span):
    if rule not in linter.rules:
        pytest.skip(f"{rule.id} needs the trained English pipeline, which is not installed")
    found = findings(linter, rule, example)
    if expected == "fail":
        assert found, f"{rule.id} should flag this example but did not:\n{example}"
        if span is not None:
            from notecheck.engine import covered

            note = parse_text("<example>", example)
            where = [covered(note, example, d) for d in found if d.rule == rule.id]
            assert span in where, f"{rule.id} should flag {span!r} here, but flagged {where}:\n{example}"
    else:
        assert not found, (f"{rule.id} should not flag this example but did:\n{example}\n"
                           + "\n".join(f"  {d.line}:{d.column} {d.message}" for d in found))


# --- meta-tests -------------------------------------------------------------------------

def test_builtin_rules_load():
    """Every rule file parses and validates: kinds, fields, patterns and regexes compile."""
    assert LOAD_ERROR is None, f"the built-in rules do not load:\n{LOAD_ERROR}"


def test_builtin_rules_exist():
    folder = builtin_rules_dir()
    assert folder.is_dir(), f"{folder} is missing"
    for rule in RULES:
        assert Path(rule.source).resolve().is_relative_to(folder.resolve())


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_fail_and_pass_examples(rule):
    assert rule.fail_examples and rule.pass_examples
    assert all(e.strip() for e in [*rule.fail_examples, *rule.pass_examples]), "an example is blank"
    overlap = {e.strip() for e in rule.fail_examples} & {e.strip() for e in rule.pass_examples}
    assert not overlap, f"these examples are both fail and pass: {overlap}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_fail_examples_say_where_the_finding_is(rule):
    assert len(rule.fail_spans) == len(rule.fail_examples), (
        f"{rule.id}: give examples.spans, the text each fail example's finding covers")


def test_rule_ids_are_unique():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_id_matches_its_category_folder(rule):
    folder = Path(rule.source).resolve().relative_to(builtin_rules_dir().resolve()).parts[0]
    assert folder in CATEGORIES, f"{rule.source} is not in a category folder"
    assert rule.category == folder, f"{rule.id} is in rules/{folder}/"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_is_compiled(rule):
    assert rule.kind in KINDS
    if KINDS[rule.kind].compile is not None:
        assert rule.compiled is not None


PLACEHOLDER = re.compile(r"\{[^{}]*\}")
SENTENCE_END = (".", "?", "!", ".'", '."', ".)", "?'", '?"')


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_texts_are_plain_english(rule):
    for name in ("description", "principle"):
        text = " ".join(getattr(rule, name).split())
        assert len(text.split()) >= 3, f"{rule.id}: the {name} is too short to help: {text!r}"
        assert not PLACEHOLDER.search(text), f"{rule.id}: the {name} has a placeholder: {text!r}"
    description = " ".join(rule.description.split())
    assert description.endswith(SENTENCE_END), f"{rule.id}: end the description with a full stop"
    for url in rule.references:
        assert url.startswith(("https://", "http://")), f"{rule.id}: reference {url!r} is not a URL"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_messages_of_example_findings_are_complete(linter, rule):
    """Format the message of each finding on the rule's own fail examples: no placeholder is
    left unfilled, nothing says 'None', and the suggestion (when there is one) is not blank."""
    if rule not in linter.rules:
        pytest.skip(f"{rule.id} needs the trained English pipeline")
    for example in rule.fail_examples:
        for d in findings(linter, rule, example):
            assert d.message.strip(), f"{rule.id}: empty message"
            assert not PLACEHOLDER.search(d.message), f"{rule.id}: unfilled placeholder in {d.message!r}"
            assert "None" not in d.message, f"{rule.id}: {d.message!r}"
            assert "''" not in d.message, f"{rule.id}: an empty value in {d.message!r}"
            assert "  " not in d.message, f"{rule.id}: double space in {d.message!r}"
            assert d.suggestion is None or d.suggestion.strip(), f"{rule.id}: blank suggestion"


@pytest.mark.parametrize("rule", [r for r in RULES if r.category in ("jargon", "labelling")
                                  and r.kind == "phrase"], ids=lambda r: r.id)
def test_every_jargon_and_label_term_says_what_to_write_instead(rule):
    missing = [t.term for t in rule.options.terms if not (t.suggestion or rule.suggestion)]
    assert not missing, f"{rule.id}: give a suggestion for {missing}"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_every_rule_says_in_one_line_what_it_checks(rule):
    """'notecheck rules' shows the summary: one short line, no full stop needed."""
    assert rule.summary, f"{rule.id}: add a one-line 'summary' of what the rule checks"
    assert len(rule.summary) <= 90 and "\n" not in rule.summary
