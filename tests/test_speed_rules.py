"""The readability kind's cheap first look never hides a note over the limit: the grade it
proves a note cannot exceed is at least its real grade, on every test note."""

from __future__ import annotations

from pathlib import Path

from notecheck.kinds import readability
from notecheck.kinds.layout import Layout
from notecheck.notes.text import parse_text

TESTS = Path(__file__).resolve().parent


class Rule:
    class options:
        max_grade = 12.0
        min_words = 80
        top_grade = 18.0


class Parsed:
    def __init__(self, text: str):
        self.text = text
        self.layout = Layout(text)


def texts() -> list[str]:
    return [parse_text(str(path), path.read_text(encoding="utf-8")).text
            for name in ("corpus", "heldout", "heldout2", "heldout3")
            for path in sorted((TESTS / name).glob("*.md"))]


def test_the_cheap_bound_is_never_below_the_grade():
    checked = 0
    for text in texts():
        found = readability._WORD.findall(text)
        if len(found) < 80:
            continue
        grade = readability.flesch_kincaid_grade(text, found)
        readability._SYLLABLES.clear()  # words not yet seen: the bound without hyphenating
        assert readability.highest_grade(text, found) >= grade - 1e-9
        assert readability.highest_grade(text, found, exact_syllables=True) >= grade - 1e-9
        checked += 1
    assert checked > 150


def test_findings_are_those_of_the_grade_itself():
    flagged = []
    for text in texts():
        found = readability._WORD.findall(text)
        expected = len(found) >= 80 and readability.flesch_kincaid_grade(text, found) > 12.0
        got = list(readability.check(Parsed(text), Rule))
        assert bool(got) == expected
        flagged += got
    assert flagged  # some test notes are over the limit
