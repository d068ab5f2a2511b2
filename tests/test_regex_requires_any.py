"""requires_any: a regex rule's quick test before its search. A note (or metadata line)
with none of the listed texts is not searched; with the built-in email rule's list, what
the rule finds is exactly what it finds without the list."""

from __future__ import annotations

import dataclasses
import textwrap

import pytest

from notecheck.kinds.regex import check
from notecheck.kinds.base import ParsedNote
from notecheck.config import Config
from notecheck.notes.text import parse_text
from notecheck.rules.loader import RuleLoadError, builtin_rules_dir, load_rules

RULE = textwrap.dedent("""\
    rules:
      - id: personal-data.test-ref
        kind: regex
        severity: warning
        message: "A case reference ({{match}})."
        description: Test rule.
        principle: Test.
        regex: '(?i)\\bref\\W*\\d{{4}}\\b'
        ignore_case: false
        metadata: true
        requires_any: {requires}
        examples: {{fail: ["Case REF 1234 was closed."], pass: ["Nothing here."]}}
    """)


def load(tmp_path, requires: str):
    folder = tmp_path / "rules" / "personal-data"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "ref.yaml").write_text(RULE.format(requires=requires), encoding="utf-8")
    return next(r for r in load_rules([tmp_path / "rules"]) if r.id == "personal-data.test-ref")


def spans(rule, text: str) -> list[tuple[int | None, int | None, str | None]]:
    note = parse_text("note.md", text)
    return [(f.start, f.end, f.field) for f in check(ParsedNote(note, None, Config()), rule)]


NOTE = "---\nsubject: Jamie\nreference: Ref-5678\n---\nCase REF 1234 was closed.\n"


def test_a_note_with_one_of_the_texts_is_searched_as_the_rule_is_written(tmp_path):
    # The pattern's own (?i) applies to the quick test too, although ignore_case is off.
    rule = load(tmp_path, '["ref"]')
    assert spans(rule, NOTE) == [(5, 13, None), (0, 0, "reference")]


def test_a_note_with_none_of_the_texts_is_not_searched(tmp_path):
    # A wrong list shows the test is made: the pattern would match, but is never run.
    rule = load(tmp_path, '["@"]')
    assert spans(rule, NOTE) == []


def test_an_empty_text_is_refused(tmp_path):
    with pytest.raises(RuleLoadError, match="requires_any"):
        load(tmp_path, '["ref", ""]')


ADDRESSES = [
    "Mum emailed from jane.smith@gmail.com.", "Send the plan to D.JONES@LEEDS.GOV.UK today.",
    "Mum's email is jane.smith at gmail dot com.", "Her email is JANE.SMITH AT GMAIL DOT COM.",
    "My email is john at gmail.com", "Email k.patel[at]hotmail.co.uk for the school run.",
    "Write to paul (at) outlook (dot) com.", "mum123 at hotmail.co.uk is her address",
    "Try kerry{at}btinternet{dot}com or kerry at yahoo.co.uk.", "She is at school dot com.",
    "Dad works at Amazon.com and lives at home.", "parent@example.org wrote.", "No address here.",
    "j.o'neill at virginmedia.com", "a.b-c+d@mail.scot and x at y dot cymru",
]


@pytest.mark.parametrize("text", ADDRESSES)
def test_the_email_rules_list_leaves_what_it_finds_the_same(text):
    rule = next(r for r in load_rules([builtin_rules_dir()]) if r.id == "personal-data.email")
    assert rule.options.requires_any
    without = dataclasses.replace(rule, options=rule.options.model_copy(update={"requires_any": []}))
    note = f"---\nemail: {text}\n---\n{text}\n"
    assert spans(rule, note) == spans(without, note)
