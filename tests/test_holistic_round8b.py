"""Think Family, round 8b (tests/dev-holistic4). False flags: alcohol as a cleaning
product ("alcohol wipes", "alcohol hand rub"); the worker asking whether anyone at all
lives there, stays or relies on the adult ("I asked if anybody else lives with her"),
which is Think Family done even when the answer names grandchildren who live elsewhere.
Misses: in a note about a child, where the children are told only in the drunk or
distressed adult's own quoted words ("said the girls were 'asleep upstairs, no
bother'") is not the writer thinking about them; cocaine in the street's words ("does a
line of coke", "a bit of coke"); drugs told by the pupils in plain words ("his pupils were
very small"); an adult "wasted" (drunk or high) in the child's words. Each class beside the case that must still pass or be
flagged. Real-looking notes in, exact findings out (rule, line, column), for
holistic.think-family only."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text

RULE = "holistic.think-family"


def found(linter, text: str, path: str = "note.md") -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text(path, text))
    return [(d.rule, d.line, d.column) for d in linter.check(parsed) if d.rule.startswith("holistic.")]


def note(name: str, kind: str, subject_type: str, body: str) -> str:
    return (f"---\nsubject: {name}\nsubject_type: {subject_type}\nnote_type: {kind}\n"
            f"contact_date: 2026-11-29\n---\n{body}")


def adult(name: str, body: str, kind: str = "home visit") -> str:
    return note(name, kind, "adult", body)


def child(name: str, body: str, kind: str = "home visit") -> str:
    return note(name, kind, "child", body)


CASES = {
    # ---- false flag: alcohol as a cleaning product ------------------------------------
    "alcohol wipes and hand rub in a care record": (adult("Edna Shaw", (
        "09:00 Edna washed with help and chose her blue cardigan.\n"
        "11:00 Commode cleaned with alcohol wipes. Alcohol hand rub refilled by her door.\n"
        "13:00 Lunch: fish pie, all eaten.\n"), kind="care home daily record"), []),
    "alcohol drunk by the adult is still a risk": (adult("Derek Mold", (
        "Derek told me he has been drinking alcohol every day since his wife died.\n"
        "He agreed to a referral to the alcohol service.\n")), [(RULE, 7, 27)]),
    # ---- false flag: asking whether anyone lives there or relies on the adult -----------
    "asked whether anybody else lives with her, grandchildren named": (adult("Shirin Patel", (
        "Mrs Patel told me her son Ravi drinks heavily and took her bank card on Friday.\n"
        "I asked if anybody else lives with her or stays over. She said nobody does; her "
        "grandchildren (8 and 11) live with their mum in Leeds and visit at Christmas.\n"
        "Plan: referral to the police with her consent.\n")), []),
    "asked about his drinking at home, grandchildren named, still flagged": (adult("Terry Vane", (
        "Terry told me he drinks vodka most nights.\n"
        "His grandchildren, Kayla (6) and Jack (9), stay every weekend.\n"
        "I asked whether Terry drinks at home or in the pub.\n")), [(RULE, 7, 18)]),
    # ---- miss: whereabouts told only in the adult's quoted words -------------------------
    "a drunk dad's quoted word that the girls are asleep": (child("Ruby Lane", (
        "18:00 Ruby's planned phone call with her dad. Dad was slurring and said Ruby's "
        "sisters were \"asleep upstairs, no bother\".\n"
        "Ruby went to watch a film afterwards.\n"), kind="residential daily log"), [(RULE, 7, 55)]),
    "the sisters' whereabouts in the writer's words still pass": (child("Ruby Lane", (
        "18:00 Ruby's planned phone call with her dad. Dad was slurring. Ruby's sisters "
        "were asleep upstairs at the time and the duty team asked police to check on them.\n"
        "Ruby went to watch a film afterwards.\n"), kind="residential daily log"), []),
    # ---- miss: cocaine in the street's words ----------------------------------------------
    "a partner who does a line of coke at weekends": (child("Jayden Cross", (
        "Visit to Jayden (5) at home with mum, Kerry.\n"
        "Kerry told me her boyfriend, Dean, does a line of coke most weekends when he stays.\n"
        "Next visit in two weeks.\n"), kind="child in need visit"), [(RULE, 8, 43)]),
    "a can of Coke is a drink": (child("Jayden Cross", (
        "Visit to Jayden (5) at home with mum, Kerry.\n"
        "Jayden had a can of Coke and showed me his new trainers.\n"
        "Next visit in two weeks.\n"), kind="child in need visit"), []),
    # ---- miss: drugs told by the pupils in plain words -----------------------------------
    "a dad whose pupils were very small at family time": (child("Kai Dunmore", (
        "Family time for Kai (4) with his dad at the centre.\n"
        "Dad was yawning and his pupils were very small.\n"
        "Kai played with the garage and cars.\n"), kind="supervised family time record"), [(RULE, 8, 25)]),
    # ---- miss: 'wasted' said of an adult in a note about a child -------------------------
    "the child says dad was wasted": (child("Jordan Pike", (
        "Session with Jordan (14) at the office.\n"
        "Asked about home, Jordan said, \"Same as ever. Dad was wasted again Saturday, I had "
        "to put Ruby to bed.\"\n"
        "We worked on his CV.\n"), kind="youth justice session"), [(RULE, 8, 55)]),
    "a wasted journey is not drink": (child("Leon Farr", (
        "Session with Leon (14) at the office.\n"
        "Mum said the trip to the college open day was wasted because it was cancelled.\n"
        "We worked on his CV.\n"), kind="youth justice session"), []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_think_family_round8b(linter, name):
    text, expected = CASES[name]
    path = "note.md" if text.startswith("---") else "note.txt"
    assert found(linter, text, path) == expected
