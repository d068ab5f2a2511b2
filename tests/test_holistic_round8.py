"""Think Family, round 8 (tests/dev-holistic3): the household named but nobody thought
about. Each class beside the case that must still pass. In an adult's note: a grown-up
who depends on the adult (a son with a learning disability, a wife with dementia, a
mother the adult cares for), not accounted for by being at a day centre; children at
school or nursery, which says why they were not seen, or at home during the incident,
which says they were exposed to it, not what the risk means for them;
'she' after a child is named is that child. In a note about a child: a parent's medicine stopped, drink
driving and an arrest for assault; a chronology's verbless fragment ("Mum taken by
ambulance after taking an overdose"); the child telling the risk, with the brothers and
sisters the note names never thought about; ages between commas ("Amara, 7, and Leah,
5"); 'he' and 'she' after an adult is named are that adult, after the child the child's
own; a title line "Noah Ferris-Banda (child, 5)"; a kinship or foster carer's own risk
told in other words. False flags: a care home's drinks round; a form heading "Household
and dependants:". Real-looking notes in, exact findings out (rule, line, column), for
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


def adult(name: str, body: str) -> str:
    return note(name, "home visit", "adult", body)


def child(name: str, body: str, kind: str = "home visit") -> str:
    return note(name, kind, "child", body)


CASES = {
    # ---- a grown-up who depends on the adult -----------------------------------------
    "an adult son with a learning disability in the household line": (adult("Elaine Cole", (
        "Household: Elaine (62), husband Graham Cole (65), their son Adam (34), who has a "
        "learning disability and has lived at home all his life.\n"
        "Elaine told me Graham has been drinking every night and has grabbed her arms.\n"
        "Safety plan: Elaine has the domestic abuse helpline number.\n")),
        [(RULE, 8, 32)]),
    "the same, with Adam thought about": (adult("Elaine Cole", (
        "Household: Elaine (62), husband Graham Cole (65), their son Adam (34), who has a "
        "learning disability and has lived at home all his life.\n"
        "Elaine told me Graham has been drinking every night and has grabbed her arms.\n"
        "I will speak to Adam's support worker about whether Adam is frightened at home.\n")), []),
    "a wife with dementia whom the drinker does everything for": (adult("Derek Ains", (
        "Derek has alcohol-related liver disease.\n"
        "He lives with his wife June in a bungalow. He said he does \"everything for June\" "
        "because of her Alzheimer's.\n"
        "Plan: discharge home with a reablement package.\n")),
        [(RULE, 7, 11)]),
    "an autistic adult son, and a mother the adult cares for": (adult("Dean Platt", (
        "Dean told me he has been using heroin again. He is the main carer for his mother, "
        "Iris, who is housebound.\nReferral made to the drug service.\n")),
        [(RULE, 7, 32)]),
    "the same, with Iris thought about": (adult("Dean Platt", (
        "Dean told me he has been using heroin again. He is the main carer for his mother, "
        "Iris, who is housebound.\nI asked who looks after Iris when Dean is using; I will "
        "ask for a carer's assessment for Iris.\n")), []),
    "the adult's own dementia makes no one else a dependant": (note("Doris Lee", "review", "adult", (
        "Doris has dementia. Her son Gary (50) has been drinking and taking her pension. "
        "Doris lives alone.\n")), []),
    "the husband at his day centre is not accounted for as a child at school would be": (note(
        "Sandra Bell", "carer's assessment", "adult", (
            "Sandra (63) cares for her husband Keith (70), who has vascular dementia. Keith was "
            "at his day centre.\nShe said she drinks a bottle of wine every night once he is in "
            "bed.\nPlan: a sitting service one evening a week.\n")),
        [(RULE, 8, 14)]),
    "'she' after the child is named is the child": (adult("Amy Clark", (
        "Amy told me her partner Dave hit her last night. Her daughter Lily (5) lives with "
        "them. She was asleep at the time.\n")), []),
    "'he' after the child is named is not the partner's job": (adult("Amy Clark", (
        "Amy told me her partner Dave hit her last night. Her daughter Lily (5) lives with "
        "them. He is at risk of losing his job.\n")),
        [(RULE, 7, 30)]),
    # ---- at school or nursery says why they were not seen -----------------------------
    "the children at school during the assessment": (adult("Jenna Hill", (
        "Jenna told me her partner Craig pins her down when he has had a drink.\n"
        "Jenna's two children, Maisie (9) and Ryan (6), were at school.\nReferred to the IDVA.\n")),
        [(RULE, 7, 33)]),
    "a toddler at nursery while his mother's partner is out of his antidepressants": (adult("Alan Kerr", (
        "Reviewed his sertraline: he has run out. Stacey's son Kian (3) lives with them; Kian was "
        "at nursery.\nPrescription request sent to GP.\n")),
        [(RULE, 7, 14)]),
    "at school when it happened is where they were at the time": (adult("Jenna Hill", (
        "Jenna told me her partner Craig pins her down when he has had a drink.\n"
        "Jenna's two children, Maisie (9) and Ryan (6), were at school when it happened.\n")), []),
    "at their nan's is away from the risk": (adult("Jenna Hill", (
        "Jenna told me her partner Craig pins her down when he has had a drink.\n"
        "Jenna's two children, Maisie (9) and Ryan (6), are at their nan's this week.\n")), []),
    "at home during the incident says they were exposed to it": (adult("Nadine Ferreira", (
        "Nadine told me her husband, Luis, punched her in the ribs on 15/11/2026.\n"
        "Nadine and Luis have three children, aged 2, 6 and 9, who were at home during the incident.\n"
        "I passed Nadine's details to a women's aid worker.\n")),
        [(RULE, 7, 35)]),
    "asleep upstairs at the time is where they were, thought about": (adult("Nadine Ferreira", (
        "Nadine told me her husband, Luis, punched her in the ribs on 15/11/2026.\n"
        "Nadine and Luis have three children, aged 2, 6 and 9, who were asleep upstairs at the time.\n")),
        []),
    # ---- false flags in an adult's note ----------------------------------------------
    "a care home's drinks round, and a baby visiting with her mother": (note(
        "Dorothy Vance", "care home daily record", "adult", (
            "14:00 Granddaughter Nicola visited with her baby, Rosa.\n"
            "16:00 Drinks round: Dorothy had a cup of tea and a biscuit.\n")), []),
    "a form heading names no dependant": ((
        "HOSPITAL DISCHARGE PLANNING NOTE\nAdult: Graham Teasdale (adult, 57)\n"
        "Graham was admitted with alcohol withdrawal seizures.\n"
        "Household and dependants: Graham lives alone in a one-bedroom flat. He has no children.\n"),
        []),
    # ---- a note about a child: the adults' risks in other words ----------------------
    "a parent's antidepressant stopped": (child("Kayden Price", (
        "Present: Kayden (8) and his sister Poppy (18 months).\n"
        "Danielle told me she stopped taking her sertraline three weeks ago.\n"
        "I will speak to Kayden's teacher about his reading books.\n")),
        [(RULE, 8, 41)]),
    "the same, with the children thought about": (child("Kayden Price", (
        "Present: Kayden (8) and his sister Poppy (18 months).\n"
        "Danielle told me she stopped taking her sertraline three weeks ago.\n"
        "I asked who helps with Poppy at night; her sister comes every evening and will look "
        "after the children if Danielle is unwell.\n")), []),
    "a sole carer arrested for drink driving": ((
        "EMERGENCY DUTY TEAM LOG\nChild: Evie Gallacher (7)   Worker: Marcus Dyer\n"
        "23:55 Call from custody. Evie's father, Liam Gallacher (34), arrested for drink driving. "
        "He is her sole carer.\nLog closed 00:30.\n"), [(RULE, 3, 75)]),
    "a father arrested for assault": (child("Tyler Moss", (
        "Police rang at 23:00. Tyler's father, Gary Moss, was arrested for assault at a pub and "
        "is in custody overnight.\nLog closed.\n"), "EDT log"),
        [(RULE, 7, 67)]),
    "a chronology's fragment: Mum taken by ambulance after an overdose": ((
        "CHRONOLOGY\nChild: Lacey Dunstan (11)   Worker: Imogen Farrow\n"
        "10/11/2026  Home visit. Lacey, brother Mikey (8) and sister Jade (3) seen.\n"
        "14/11/2026  Mum (Kerry Dunstan) taken by ambulance after taking an overdose at home.\n"
        "16/11/2026  Mum discharged home.\n"), [(RULE, 4, 68)]),
    # ---- the child tells it; the brothers and sisters --------------------------------
    "told by the child, his little sisters never thought about": (child("Jordan Walsh", (
        "Jordan picks his little sisters (Amara, 7, and Leah, 5) up from school.\n"
        "Jordan told me that his mum's boyfriend, Troy, was \"off his head\" on Saturday and "
        "threw the TV.\nI checked he felt safe to go home today.\n"), "youth justice session"),
        [(RULE, 8, 53)]),
    "the same, with the sisters thought about": (child("Jordan Walsh", (
        "Jordan picks his little sisters (Amara, 7, and Leah, 5) up from school.\n"
        "Jordan told me that his mum's boyfriend, Troy, was \"off his head\" on Saturday and "
        "threw the TV.\nI will ask Amara and Leah's school whether the girls are safe at home.\n"),
        "youth justice session"), []),
    "the child told of by a hyphenated name is not a brother or sister": (child("Lily-Mae Thornton", (
        "Present: Danielle Thornton (Mum) and Lily-Mae (6).\n"
        "Analysis: Danielle's drinking is stopping her getting Lily-Mae to school.\n")), []),
    # ---- 'he' and 'she' --------------------------------------------------------------
    "'he' after mum's boyfriend is named is the boyfriend": (child("Leo Hart", (
        "Mum said her boyfriend Troy came round on Saturday. He was drunk and smashed the TV.\n"
        "Leo showed me his football medals.\n")),
        [(RULE, 7, 60)]),
    "'she' after mum is named is mum": (child("Leo Hart", (
        "Mum phoned at 6pm. She was slurring her words.\nLeo is doing well at school.\n")),
        [(RULE, 7, 28)]),
    "'he' after the young person is named is his own drinking": (child("Leo Hart", (
        "Leo came to the office at 4pm. He was drunk and said he had been drinking cider in the "
        "park.\nWe did his reparation plan.\n"), "youth justice session"), []),
    "'she' told by staff is the young person, not the staff": (child("Chantelle Boa", (
        "Chantelle (14) went missing again at 16:00.\nPolice informed. She came back at 23:40 by "
        "taxi.\nStaff have heard that she is being given vodka and cannabis at a flat.\n"),
        "children's home shift log"), []),
    "a title line gives the child an age": ((
        "DISABLED CHILDREN'S TEAM - Home visit\nNoah Ferris-Banda (child, 5)   Worker: Yusuf Hamid\n"
        "Mum Becky present.\n"
        "Becky told me she is on a methadone script and keeps the take-home doses in the kitchen. "
        "She said she used heroin in October.\nNext: panel 10/12/2026.\n"),
        [(RULE, 4, 27)]),
    "mum come off her medication": (child("Leo Hart", (
        "Mum told me she has come off her medication because it made her sleepy.\n"
        "Leo showed me his football medals.\n")), [(RULE, 7, 26)]),
    "a young person's own medicine stopped is his own": (child("Leo Hart", (
        "Leo (15) told me he has stopped taking his sertraline.\nWe talked about his exams.\n"),
        "CAMHS review"), []),
    "the child says he hit Mum; the little sister never thought about": (child("Ruby Hale", (
        "Ruby told me her mum's partner hit mum on Friday. Her sister Jade (2) lives with them.\n"
        "Ruby said she felt safe.\n"), "visit"), [(RULE, 7, 32)]),
    # ---- a risk given up years ago -----------------------------------------------------
    "drinking given up in 2015, and the wife he cares for": (note("Ray Cox", "review", "adult", (
        "Ray stopped drinking in 2015 and has been sober since. He lives with his wife, Pat, who "
        "has dementia, and he is her main carer.\n")), []),
    "drinking now, and the wife he cares for": (note("Ray Cox", "review", "adult", (
        "Ray told me he has started drinking again. He lives with his wife, Pat, who "
        "has dementia, and he is her main carer.\n")), [(RULE, 7, 28)]),
    # ---- a kinship or foster carer's own risk, in other words -------------------------
    "a special guardian on diazepam, forgetting pans": (child("Skye Haworth", (
        "Visit to Maureen Haworth (maternal grandmother and special guardian for Skye, 9, and her "
        "brother Ellis, 6) at her home. Children at school.\n"
        "Maureen said her GP has put her on diazepam \"for my nerves\" and that she is on the "
        "waiting list for the memory clinic.\nNext visit in 6 weeks.\n"),
        "special guardianship support visit"),
        [(RULE, 8, 1)]),
    "a foster carer's new job is no risk": (child("Kai Dunn", (
        "Visit to Kai's foster carer, Tina Marsh.\n"
        "Tina told me she has started a new part-time job at the library.\nKai has settled in Year 4.\n"),
        "supervising social worker visit"), []),
    "a foster carer low, with who gets the child to school thought about": (child("Kai Dunn", (
        "Visit to Kai's foster carer, Tina Marsh.\n"
        "Tina told me she has been feeling very low since her mum died and some mornings cannot "
        "face getting up.\nI asked who gets Kai to school on those mornings; her husband Rob "
        "does, and I will check with Kai's school that he is arriving on time.\n"),
        "supervising social worker visit"), []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_think_family_round8(linter, name):
    text, expected = CASES[name]
    path = "note.md" if text.startswith("---") else "note.txt"
    assert found(linter, text, path) == expected
