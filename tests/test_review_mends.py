"""Mends from reading this round's whole change: each case a class the change got wrong,
beside the case that must still pass. Real-looking notes in, exact findings out."""

from __future__ import annotations

import pytest

from notecheck.engine import Linter
from notecheck.notes.text import parse_text
from notecheck.rules.loader import builtin_rules_dir, load_rules


def found(linter, text: str, category: str) -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text("note.md", text))
    return [(d.rule, d.line, d.column) for d in linter.check(parsed) if d.rule.startswith(category + ".")]


def note(name: str, subject_type: str, kind: str, body: str) -> str:
    return (f"---\nsubject: {name}\nsubject_type: {subject_type}\nnote_type: {kind}\n"
            f"contact_date: 2026-11-29\n---\n{body}")


CASES = {
    # A short form is of the first name: "Ben" in a note about Horace Bentley is someone else.
    "a word that starts the surname is not the person": (note(
        "Horace Bentley", "adult", "home visit",
        "Home visit. Ben, his nephew, was there. Ben said he wants to move to Leeds.\n"),
        "voice", [("voice.missing-voice", 7, 1)]),
    "a short form of the first name is the person": (note(
        "Clifford Ames", "adult", "home visit",
        "Home visit. Cliff was in the lounge. Cliff said he wants to move to Leeds.\n"),
        "voice", []),
    # Asking "who" counts as thinking about the household only when it is about the home.
    "asking who their doctor is does not think about the children": (note(
        "Kelly Ward", "adult", "home visit",
        "Kelly drinks vodka nightly. Her children are Ty (4) and Poppy (6).\nI asked who her GP is.\n"),
        "holistic", [("holistic.think-family", 7, 7)]),
    # Seen alone: one adult out of the way while another stays with the writer is not alone.
    "one adult away and another with the writer is not seen alone": (note(
        "Jamie Cole", "child", "child protection statutory visit",
        "Visit at home. Nan stayed in the kitchen, and Mum and I talked with Jamie in the "
        "lounge. Jamie said \"I like my school\".\n"), "voice", [("voice.not-seen-alone", 7, 1)]),
    "the carer away and the writer alone with the child is seen alone": (note(
        "Jamie Cole", "child", "child protection statutory visit",
        "Visit at home. Mum stayed in the kitchen while I talked with Jamie in the lounge. "
        "Jamie said \"I like my school\".\n"), "voice", []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_review_mends(linter, name):
    text, category, expected = CASES[name]
    assert found(linter, text, category) == expected


def test_think_family_adult_age_decides_who_is_an_adult_speaking(tmp_path):
    """A team that treats 16 and over as adults: "Skye (17) said she has been in a dark place"
    in a child's note is an adult's mental health, which the note must think through for the
    child; with the default of 18, Skye is a child speaking of herself."""
    rule = (builtin_rules_dir() / "holistic" / "think-family.yaml").read_text(encoding="utf-8")
    (tmp_path / "think-family.yaml").write_text(
        rule.replace("    subject_types: [adult]\n", "    subject_types: [adult]\n    adult_age: 16\n", 1),
        encoding="utf-8")
    text = note("Leo Hart", "child", "home visit",
                "Present: Leo (4) and his sister Skye (17).\n"
                "Skye said she has been in a dark place since the summer.\n"
                "Leo's nursery starts in January.\n")
    teen_adults = Linter([r for r in load_rules([tmp_path]) if r.enabled])
    default = Linter([r for r in load_rules([builtin_rules_dir() / "holistic"]) if r.enabled])
    assert found(teen_adults, text, "holistic") == [("holistic.think-family", 8, 29)]
    assert found(default, text, "holistic") == []
