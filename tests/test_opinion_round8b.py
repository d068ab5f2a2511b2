"""Opinion written as fact, in the classes blind development set dev-opinion4 showed were
missed or wrongly flagged: invented sentences in, exact opinion findings (rule id, line,
column) out. Each class has its trap beside it: praise of carers summed up ("outstanding
carers"); a person's character given as the reason they will manage ("a strong woman");
a manner summed up ("far more withdrawn"), but not a person taken out of somewhere ("was
withdrawn from school"); a relationship or a person labelled abusive; a parent's bond with
a child denied; and going to sleep ("settled to sleep"), which is an event, not a
judgement of how settled someone was."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text

J = "opinion.unsupported-judgement"


def opinion(linter, text: str) -> list[tuple[str, int, int]]:
    diagnostics = linter.check(linter.parse(parse_text("note.md", text + "\n")))
    return [(d.rule, d.line, d.column) for d in diagnostics if d.category == "opinion"]


CASES = [
    # Praise is a judgement too; a thing described as outstanding with its evidence, or
    # actions still to do, are not.
    ("Sandra and Phil are outstanding carers.", [(J, 1, 21)]),
    ("Sandra and Phil are exceptional foster carers.", [(J, 1, 21)]),
    ("Ruby's school report was outstanding: all targets met.", []),
    ("The outstanding actions are listed below.", []),
    # A person's character summed up, used as the reason she will cope.
    ("Mrs Hale is a strong woman and will manage without extra help.", [(J, 1, 15)]),
    ("Mr Ali is a strong character.", [(J, 1, 13)]),
    ("Mrs Hale has a strong sense of humour.", []),
    # A manner summed up; a person taken out of school is an act.
    ("Her mood is much lower than last week and she is far more withdrawn.", [(J, 1, 59)]),
    ("Ruby is withdrawn.", [(J, 1, 9)]),
    ("Ruby was withdrawn from school by her mum in September.", []),
    ("The application was withdrawn.", []),
    # A relationship or a person labelled abusive; with what happened set out, evidenced.
    ("The relationship is mutually abusive.", [(J, 1, 30)]),
    ("Jason has been abusive to her: he pushed her against the wardrobe.", []),
    # A parent's bond with a child denied; attachment to a thing is not a judgement.
    ("Tom has no bond with Ellie-May.", [(J, 1, 5)]),
    ("Dad has no attachment to the flat.", []),
    # Going to sleep is an event; "was settled" is still a judgement.
    ("Reuben settled to sleep between 23:30 and 00:30.", []),
    ("Reuben was settled.", [(J, 1, 12)]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_opinion_class_round8b(linter, text, expected):
    assert opinion(linter, text) == expected
