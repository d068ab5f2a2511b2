"""Think Family, round 6 (tests/dev-holistic1): adult risks described in other words, and
who is at home considered or not. Each class beside the case that must still pass: drink
and drugs seen rather than named (smelled of alcohol, pinned pupils, a needle cap), drink
and drugs in the street's words, violence as what was done ("shoved"); housemates and other
tenants as the household; a grown-up son named only in the risk is not the family stated;
a son made a child by the next sentence; a negated deed done to the children is not "has
no children"; in a note about a child, an adult's drink, drugs or mental health crisis
told by its signs, in quotes, or of "she" when the sentence names the parent; the child
named in a header field; the child named only as whose parent it is; a considered word
inside a service's name; what a colon introduces; and the risk's first mention. Real
notes in, exact findings out (rule, line, column), for holistic.think-family only."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text


def found(linter, text: str, path: str = "note.md") -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text(path, text))
    return [(d.rule, d.line, d.column) for d in linter.check(parsed) if d.rule.startswith("holistic.")]


def note(name: str, kind: str, subject_type: str, body: str) -> str:
    return (f"---\nsubject: {name}\nsubject_type: {subject_type}\nnote_type: {kind}\n"
            f"contact_date: 2026-11-29\n---\n{body}")


CASES = {
    # ---- notes about an adult: the risk seen, or in other words ----------------------
    "drink smelt, not named, with no one at home asked about": (note(
        "Dawn Price", "home care visit log", "adult",
        "Lunch call. Dawn was unsteady and smelled strongly of alcohol. She ate half her soup.\n"),
        [("holistic.think-family", 7, 35)]),
    "the same, with who lives there": (note(
        "Dawn Price", "home care visit log", "adult",
        "Lunch call. Dawn was unsteady and smelled strongly of alcohol. She ate half her soup.\n"
        "Dawn lives alone and has no children.\n"), []),
    "drugs seen: pinned pupils and a needle cap, in a shared house": (note(
        "Sean Kirk", "supported living shift log", "adult",
        "Sean's cousin visited. His pupils were pinned and a needle cap fell out of his pocket.\n"
        "I asked him to leave.\n"), [("holistic.think-family", 7, 28)]),
    "housemates named and not thought about": (note(
        "Sean Kirk", "supported living shift log", "adult",
        "Sean's cousin visited. His pupils were pinned and a needle cap fell out of his pocket.\n"
        "Both housemates were watching television in the lounge.\n"), [("holistic.think-family", 7, 28)]),
    "housemates checked on": (note(
        "Sean Kirk", "supported living shift log", "adult",
        "Sean's cousin visited. His pupils were pinned and a needle cap fell out of his pocket.\n"
        "I checked on both housemates; neither had seen him.\n"), []),
    "violence as what was done": (note(
        "Ivy Roe", "section 42 enquiry visit", "adult",
        "Ivy said her nephew \"shoved\" her into the radiator on Sunday.\n"),
        [("holistic.think-family", 7, 22)]),
    "drink in the street's words": (note(
        "Len Bates", "duty call", "adult",
        "His neighbour rang to say Len has been on a bender since Friday.\n"),
        [("holistic.think-family", 7, 40)]),
    # ---- a grown-up son or daughter ---------------------------------------------------
    "a grown-up son named only as part of the risk": (note(
        "Walter Hill", "home care visit log", "adult",
        "Morning call. His son Darren was asleep on the settee.\nThere were 11 empty cans of "
        "strong lager on the floor by him.\n"), [("holistic.think-family", 8, 36)]),
    "a grown-up son said to live elsewhere says who the family are": (note(
        "Walter Hill", "home care visit log", "adult",
        "Morning call. Walter told me he drinks four cans of lager a day.\nHis son Darren lives "
        "in Leeds and rings on Sundays.\n"), []),
    "a son made a child by the sentence after, and not thought about": (note(
        "Ayesha Khan", "duty call", "adult",
        "Ms Khan told me she has been drinking a bottle of wine a night.\nZain is her son. He is "
        "four and goes to nursery.\n"), [("holistic.think-family", 7, 30)]),
    "a deed not done to the children is not 'has no children'": (note(
        "Nora Bell", "home care visit log", "adult",
        "Lunch call. Nora was drunk. Her grandsons Kit (7) and Ollie (4) visit on Sundays.\n"
        "Her daughter will not leave the boys alone with Nora until this is sorted out.\n"), []),
    # ---- notes about a child -----------------------------------------------------------
    "a child's note: a parent's drink told by its signs, the child named in the header": (
        "CASE NOTE - Telephone call   Date of call: 05/11/2026\n"
        "Child: Riley Ashcombe (7)   Worker: Tom Feeney, Social Worker, Children in Need Team\n"
        "Call from the school. Riley's dad came to collect him yesterday and staff saw his speech "
        "was slurred.\nI said I would raise it with him at the child in need visit.\n",
        [("holistic.think-family", 3, 94)]),
    "the same, with someone else collecting him": (
        "CASE NOTE - Telephone call   Date of call: 05/11/2026\n"
        "Child: Riley Ashcombe (7)   Worker: Tom Feeney, Social Worker, Children in Need Team\n"
        "Call from the school. Riley's dad came to collect him yesterday and staff saw his speech "
        "was slurred.\nThe head rang Riley's nan, who collected Riley and kept him overnight.\n",
        []),
    "a child's note: the mother's drugs told as what she says she does": (note(
        "Harvey Pinnock", "child in need visit", "child",
        "Home visit. Harvey (9) showed me his medal.\nMum, Gemma Pinnock, told me she smokes "
        "cannabis most nights.\nNext visit 30 November.\n"), [("holistic.think-family", 8, 40)]),
    "a child's own drugs are what the note is about": (note(
        "Harvey Pinnock", "youth justice session", "child",
        "Session with Harvey (15). Harvey told me he smokes cannabis most nights.\n"), []),
    "a child's note: another adult's drink in the child's quoted words": (note(
        "Kayden Tully", "return home interview", "child",
        "Interview with Kayden.\nHe said \"Gary was off his head again\" and went to a friend's.\n"
        "Next session Monday.\n"), [("holistic.think-family", 8, 19)]),
    "a child's own words about himself in quotes": (note(
        "Kayden Tully", "return home interview", "child",
        "Interview with Kayden.\nHe said \"I was off my head at the party\" and went to a friend's.\n"),
        []),
    "a child's note: a parent's mental health crisis, the baby not thought about": (
        "CASE NOTE - Email received   Date: 11/11/2026\n"
        "Child: Nova Kettering (8 weeks)   Worker: Sadia Malik\n"
        "Email from Joanne Platt, health visitor, after her visit yesterday.\n"
        "Joanne has referred mum to the perinatal mental health team.\n"
        "She will visit again on 18 November.\n", [("holistic.think-family", 4, 32)]),
    "the same, with the baby thought about after a colon, since the risk was first named": (
        "CASE NOTE - Email received   Date: 11/11/2026\n"
        "Child: Nova Kettering (8 weeks)   Worker: Sadia Malik\n"
        "Mum was diagnosed with postnatal depression last week.\nWe thought about Nova:\nshe is "
        "dependent on her mum for everything.\n"
        "The health visitor has referred mum to the perinatal mental health team.\n", []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_think_family_round6(linter, name):
    text, expected = CASES[name]
    assert found(linter, text, "note.txt" if text.startswith("CASE NOTE") else "note.md") == expected
