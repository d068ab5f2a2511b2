"""requires_any: a regex rule's quick test before its search. A note (or metadata line)
with none of the listed texts is not searched; with the built-in email and date-of-birth
rules' lists, what each rule finds is exactly what it finds without its list."""

from __future__ import annotations

import dataclasses
import json
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


BIRTH_DATES = [
    "Jamie (DOB 12/03/2015) was seen at school.", "Jamie (D.O.B. 12/03/2015) was seen.",
    "d.ob: 12/03/2015 and DO.B 13/03/2015", "Tyler was BORN ON 4th June 2019.",
    "Date  of\nbirth: 2015-03-12.", "Jamie's DOB is 05-May-2015.", "1985-01-01 is my birthday.",
    "Tyler was born in Leeds General Infirmary on 4th June 2019.", "12/03/2015 is her D.O.B",
    "4 June 2016 is his sister's Birthday", "The visit was on 12/03/2024.", "Born in 2015.",
    "She was born in Poland and moved to Leeds on 3 May 2019.", "DOB 31/02/2015 is not real.",
]


@pytest.mark.parametrize("rule_id, text", [("personal-data.email", text) for text in ADDRESSES]
                         + [("personal-data.date-of-birth", text) for text in BIRTH_DATES])
def test_the_built_in_lists_leave_what_the_rules_find_the_same(rule_id, text):
    rule = next(r for r in load_rules([builtin_rules_dir()]) if r.id == rule_id)
    assert rule.options.requires_any
    without = dataclasses.replace(rule, options=rule.options.model_copy(update={"requires_any": []}))
    note = f"---\ndetails: {json.dumps(text)}\n---\n{text}\n"  # the text, and a metadata line
    assert spans(rule, note) == spans(without, note)
