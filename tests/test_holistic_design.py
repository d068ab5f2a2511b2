"""Think Family classes, each beside the case that must still pass: a note about a child
that records domestic abuse or a parent's drinking and never says what it means for the
child; a child's own risks (not the adults'), which the note is about already; whom the
children stay with, which is not thinking about them; where they were during the
assessment, which says why they were not seen; and drink named as the drink. Real notes
in, exact findings out (rule, line, column), for holistic.think-family only."""

from __future__ import annotations

import pytest

from notecheck.engine import Linter
from notecheck.notes.text import parse_text
from notecheck.rules.loader import builtin_rules_dir, load_rules


@pytest.fixture(scope="module")
def linter():
    return Linter([r for r in load_rules([builtin_rules_dir()]) if r.enabled])


def found(linter, text: str) -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text("note.md", text))
    return [(d.rule, d.line, d.column) for d in linter.check(parsed) if d.rule.startswith("holistic.")]


def note(name: str, kind: str, subject_type: str, body: str) -> str:
    return (f"---\nsubject: {name}\nsubject_type: {subject_type}\nnote_type: {kind}\n"
            f"contact_date: 2026-11-29\n---\n{body}")


CASES = {
    # ---- notes about a child -------------------------------------------------------
    "a child's referral that records domestic abuse and never mentions the child": (note(
        "Ella Moss", "police notification", "child",
        "Notification from police: domestic incident at the address on Saturday night. Both "
        "adults had been drinking.\nOutcome: no further action, leaflet sent.\n"),
        [("holistic.think-family", 7, 27)]),
    "the same referral, saying where Ella was and what the police saw of her": (note(
        "Ella Moss", "police notification", "child",
        "Notification from police: domestic incident at the address on Saturday night. Ella "
        "(6) was asleep upstairs at the time and officers checked on her; she was not hurt.\n"),
        []),
    "a visit about a child: Dad's drinking, and the children only described": (note(
        "Sam Lowe", "home visit", "child",
        "Home visit at 4pm. Dad was drunk and asleep in the chair.\nSam (7) and Lola (4) "
        "were playing on the tablet. I saw Sam alone and he told me he likes his school.\n"),
        [("holistic.think-family", 7, 28)]),
    "a child's own risk (he was drunk) is what the note is about, not the adults'": (note(
        "Kyle Grant", "youth justice session", "child",
        "Session with Kyle (15) at the office. Kyle told me he was drunk at the weekend and "
        "that he wants to stop going to the park with the older lads.\n"), []),
    # ---- notes about an adult ------------------------------------------------------
    "grandchildren who stay every weekend are named, not thought about": (note(
        "Ron Tate", "home visit", "adult",
        "Home visit to Ron (70). He told me he has been drinking a bottle of whisky a day since "
        "his wife died.\nHis grandchildren, Amy (6) and Leo (4), stay with him every weekend.\n"),
        [("holistic.think-family", 7, 48)]),
    "a child staying with a neighbour since the admission is not thought about either": (note(
        "Ron Tate", "hospital discharge planning", "adult",
        "Saw Ron on the ward. He was admitted after a fall when drunk.\nHis grandson Leo (9) "
        "lives with him and has been staying with a neighbour since Monday.\n"),
        [("holistic.think-family", 7, 56)]),
    "where the child was during the assessment says why he was not seen": (note(
        "Gail Nunn", "mental health act assessment", "adult",
        "Assessment at Gail's home. Gail said she is hearing voices telling her to leave.\n"
        "Her son Jay (5) was at home during the assessment.\n"),
        [("holistic.think-family", 7, 45)]),
    "a grandchild thought about passes": (note(
        "Ron Tate", "home visit", "adult",
        "Home visit to Ron (70). He told me he has been drinking a bottle of whisky a day.\nHis "
        "grandchildren, Amy (6) and Leo (4), stay every weekend; I will talk to their mum about "
        "whether they are safe with him while he is drinking.\n"), []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_think_family_classes(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == expected
