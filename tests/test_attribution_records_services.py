"""More classes of hidden source the attribution rules find (round two, from the blind set
tests/dev-attribution2): the writer's "I gather", talk with no 'that' ("Word from the
home is ..."), records and intelligence cited with no entry, date or author, "according
to the file", allegations made, comments and feelings no one holds, a service told with
the teller hidden, a time ("from today", "in the last fortnight") that is no source, and a
service's claim beside people who gave their own account or belong to another service.
Each beside the trap the rules must leave alone. Invented notes in, exact findings out
(rule, line, column), for attribution only."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text


def found(linter, text: str, name: str = "note.md") -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text(name, text))
    return sorted((d.rule, d.line, d.column) for d in linter.check(parsed)
                  if d.rule.startswith("attribution."))


REPORT = "attribution.unsourced-report"
SERVICE = "attribution.institution-only-source"
DECISION = "attribution.unsourced-decision"

CASES = {
    # ---- the writer's own hearsay, and talk no one owns -----------------------------------
    "'I gather' with what was gathered": ("""\
Visit to Nadia on 5 November 2026.
I gather her brother has been staying at the flat most weekends.
""", [(REPORT, 2, 1)]),
    "trap: 'I gathered' things, 'we gathered' somewhere": ("""\
Visit to Nadia on 5 November 2026.
I gathered the letters from the mat and put them on the table.
We gathered in the lounge at 15:00 for the review.
""", []),
    "'Word from the home is' with no 'that'": ("""\
Return home interview with Shay on 5 November 2026.
Word from the home is he came back with a new phone nobody had bought him.
""", [(REPORT, 2, 1)]),
    "trap: 'his word is', and 'a word' in a 'where' clause": ("""\
Visit to Shay on 5 November 2026.
His word is he never went near the park.
Where a word is both a label and a judgement, I have written what I saw instead.
""", []),
    # ---- records cited vaguely -----------------------------------------------------------
    "'Police records indicate', 'Intelligence suggests', 'according to the file'": ("""\
Screening for Kai on 5 November 2026.
Police records indicate a call-out to the address at some point in October.
Intelligence suggests Kai is being used to carry drugs on the train.
A carer's break was offered last year but declined, according to the file.
""", [(REPORT, 2, 1), (REPORT, 3, 1), (REPORT, 4, 53)]),
    "trap: whose records, a count of what they hold, a document cited": ("""\
Screening for Kai on 5 November 2026.
The GP's records indicate three missed appointments since June.
Police records show four call-outs to the old address in 2025.
According to the GP's letter of 3 November, Kai has been referred to CAMHS.
""", []),
    # ---- reports no one made or holds -----------------------------------------------------
    "'Allegations have been made', comments from unnamed parents, a feeling no one holds": ("""\
Visit to Mrs Pryor on 5 November 2026.
Allegations have been made that one of her carers has been taking money from her purse.
There have been some comments from other parents at the school gate about her grandson.
There is a general feeling among the team that her daughter is close to breaking point.
""", [(REPORT, 2, 1), (REPORT, 3, 1), (REPORT, 4, 1)]),
    "trap: allegations made by someone named, complaints from a named neighbour": ("""\
Visit to Mrs Pryor on 5 November 2026.
Allegations have been made by her daughter, Lyn Pryor, about one of the carers.
There have been complaints from Mrs Cole at number 4 about the noise.
""", []),
    # ---- a time is not a source -----------------------------------------------------------
    "'from today', 'in the last fortnight' say when, not who": ("""\
Discharge planning for Mr Lowe on 5 November 2026.
Mr Lowe has been deemed medically fit for discharge from today.
Concerns have also been raised about the state of the kitchen in the last fortnight.
""", [(REPORT, 2, 4), (REPORT, 3, 1)]),
    "trap: deemed fit by someone named": ("""\
Discharge planning for Mr Lowe on 5 November 2026.
Mr Lowe has been deemed medically fit for discharge by Dr Imran Vesey.
""", []),
    # ---- a service told, the teller hidden ------------------------------------------------
    "'The ward were told that ...': told by whom?": ("""\
AMHP referral for Mr Dunn on 5 November 2026.
The ward were told on his last admission that he had stopped taking his depot.
""", [(REPORT, 2, 5)]),
    "trap: whether the police have been told (a step, not a claim)": ("""\
Email to Gwen on 5 November 2026.
I did not confirm whether the police have been told.
""", []),
    # ---- an unnamed decider who is listed -------------------------------------------------
    "trap: 'All the professionals listed above agreed'": ("""\
Review conference on 5 November 2026.
Present: Sam Ali (chair), PC Jo Ray, Ms Dee Khan (head teacher).
All the professionals listed above agreed. Mum disagreed.
""", []),
    # ---- a service's claim: who in it? ---------------------------------------------------
    "'Health said' beside people of other services who gave their own account": ("""\
Strategy meeting on 5 November 2026, 14:00.
Present: Colm Dearden (team manager, chair), DC Rhian Tasker (police), Mrs Pat Greatorex (head teacher).
Mrs Greatorex said Jayden told his teaching assistant that his stepdad hit him.
DC Tasker said there were two domestic incidents logged at the address.
Health said there were no previous A&E attendances.
""", [(SERVICE, 5, 1)]),
    "'The agency say' after the adult's own account; 'The youth club say'": ("""\
Visit to Mrs Haslam on 5 November 2026.
Mrs Haslam said she keeps her money in her purse and it has gone down.
The agency say they have already looked into it and are satisfied.
The youth club say he has stopped coming on Thursday nights.
""", [(SERVICE, 3, 1), (SERVICE, 4, 1)]),
    "'housing said' with a day inside what was said": ("""\
Triage with Kyle on 5 November 2026.
Temporary accommodation: housing said there is nothing until Friday.
""", [(SERVICE, 2, 26)]),
    "trap: an officer of that service nearby, or a professional who says": ("""\
Strategy meeting on 5 November 2026, 14:00.
DC Rhian Tasker said there were two domestic incidents logged at the address.
Police believe he is staying with his brother.
Children's social care (Sharon Leigh, duty team manager) attended and confirmed Tia is known to them. Police confirmed he is bailed.
""", []),
    "trap: the service's claim inside someone's account": ("""\
Home visit to Zain and his mother on 5 November 2026.
Ms Hussain said Zain throws himself on the floor when he is tired. She said his nursery had mentioned something similar.
""", []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_attribution_class(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == sorted(expected)
