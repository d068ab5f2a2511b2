"""Classes of false flag and miss fixed in the clarity and attribution rules, each beside
the real problem the rule must still find. Invented notes in, exact findings out (rule,
line, column), for those two categories only."""

from __future__ import annotations

import pytest

from notecheck.engine import Linter
from notecheck.notes.text import parse_text
from notecheck.rules.loader import builtin_rules_dir, load_rules

CATEGORIES = ("clarity", "attribution")


@pytest.fixture(scope="module")
def linter():
    return Linter([r for r in load_rules([builtin_rules_dir()]) if r.enabled])


def found(linter, text: str, name: str = "note.md") -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text(name, text))
    return sorted((d.rule, d.line, d.column) for d in linter.check(parsed)
                  if d.rule.split(".")[0] in CATEGORIES)


CASES = {
    # ---- clarity.long-sentence: a long sentence marked off by punctuation ----------------
    "a long sentence whose stretches are marked off by commas and quotes is read in turn": ("""\
Visit to Tomasz on 3 November 2026.
Tomasz showed me the kitchen, where the new cooker was fitted on Friday, and told me that his neighbour, Mrs Bell, now brings his shopping on Tuesdays because "the bus is too much for my legs", which he said he was grateful for.
""", []),
    "a run-on chained with 'and' is still too long": ("""\
Visit to Tomasz on 3 November 2026.
Tomasz showed me the kitchen and said the new cooker was fitted on Friday and his neighbour brings his shopping on Tuesdays because the bus is too much for his legs and he is grateful for that but he worries about the winter.
""", [("clarity.long-sentence", 2, 1)]),
    "a well punctuated sentence over 60 words is still too long": ("""\
Visit to Tomasz on 3 November 2026.
Tomasz showed me the kitchen, where the cooker was fitted on Friday, the fridge, which was full, the back door, which now locks, and the bathroom, where the new rail is, and told me that his neighbour, Mrs Bell, brings his shopping on Tuesdays, that his son rings on Sundays, that he sleeps well, and that he wants to stay here.
""", [("clarity.long-sentence", 2, 1)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_classes_and_the_real_problems_beside_them(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == sorted(expected)
