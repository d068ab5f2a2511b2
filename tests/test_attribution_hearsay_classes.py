"""Classes of hidden source the attribution rules find (hearsay phrases, a sighting put
to a place, a belief whose 'by' belongs to another verb, groups that talk, the writer's own
hearsay, a report with its 'was' or its subject left out, a service's claim or view with no
one in it named nearby), each beside the trap the rules must leave alone. Invented notes in,
exact findings out (rule, line, column), for attribution only."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text


def found(linter, text: str, name: str = "note.md") -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text(name, text))
    return sorted((d.rule, d.line, d.column) for d in linter.check(parsed)
                  if d.rule.startswith("attribution."))


REPORT = "attribution.unsourced-report"
SERVICE = "attribution.institution-only-source"

CASES = {
    # ---- hearsay said as a set phrase ---------------------------------------------------
    "'by all accounts', 'rumour has it', 'given to understand'": ("""\
Home visit to Mr Pike on 4 November 2026.
By all accounts his nephew has been taking his pension.
Rumour has it the nephew owes money on the estate.
I'm given to understand that the day centre has closed his place.
""", [(REPORT, 2, 1), (REPORT, 3, 1), (REPORT, 4, 5)]),
    "'it has come to our attention', 'it has emerged that'": ("""\
Visit to Kayla on 4 November 2026.
It has come to our attention that her brother has been staying over.
Since the review it has emerged that Kayla has missed six days of school.
""", [(REPORT, 2, 1), (REPORT, 3, 18)]),
    "trap: the hearsay phrase inside the person's own words": ("""\
Visit to Kayla on 4 November 2026.
Kayla said, "By all accounts I'm the problem now."
""", []),
    # ---- a sighting: a place is not who saw it -------------------------------------------
    "'spotted at the takeaway' says where, not who saw her": ("""\
Visit to Jade on 4 November 2026.
She was spotted at the takeaway on Mill Street after midnight.
""", [(REPORT, 2, 1)]),
    "trap: spotted by someone named": ("""\
Visit to Jade on 4 November 2026.
She was spotted at the takeaway by her aunt, Mrs Rose Hill, on Friday.
""", []),
    # ---- a belief whose 'by' belongs to another verb -------------------------------------
    "'believed to have been taken by two men': believed by whom?": ("""\
Return home interview with Leo on 4 November 2026.
He is believed to have been taken to a flat in Dunmore by two older males.
""", [(REPORT, 2, 1)]),
    "trap: a belief with its holder": ("""\
Return home interview with Leo on 4 November 2026.
He is believed by DC Amy Shaw to have been taken to a flat in Dunmore.
""", []),
    # ---- hearsay: 'supposed to have' -----------------------------------------------------
    "'supposed to have heard' is hearsay": ("""\
Visit to Lucas on 4 November 2026.
Neighbours are supposed to have heard shouting on several nights.
""", [(REPORT, 2, 1)]),
    "trap: 'supposed to ring' is what he should do": ("""\
Visit to Lucas on 4 November 2026.
His dad is supposed to ring me on Friday about the school run.
""", []),
    # ---- talk no one owns: 'word among the lads is that' ---------------------------------
    "'word among the lads is that', 'the word is that'": ("""\
Visit to Mason on 4 November 2026.
Word among the other lads at the youth club is that Mason owes someone money.
The word is that he has been going to Dunmore.
""", [(REPORT, 2, 1), (REPORT, 3, 1)]),
    "trap: someone's own word": ("""\
Visit to Mason on 4 November 2026.
Mason's word is that he was at his nan's all night.
""", []),
    # ---- groups that talk: staff, the other young people ---------------------------------
    "'Staff say', 'Night staff say', 'a couple of the other girls have been saying'": ("""\
Daily log for Tilly, 4 November 2026.
Staff say she has been meeting an older lad near the bus station.
Night staff say she was calling out for most of the night.
A couple of the other girls have been saying someone keeps messaging her.
""", [(REPORT, 2, 1), (REPORT, 3, 1), (REPORT, 4, 1)]),
    "trap: staff named, or what staff told the writer on the visit": ("""\
Visit to Sam on 4 November 2026.
Staff said he has had a good week.
His keyworker, Dan Ellis, says Sam has been going to the gym.
""", []),
    "trap: the children the note is about, in their own words": ("""\
Visit to Amy and Beth on 4 November 2026.
The girls say they like their new school and want to stay.
""", []),
    # ---- the writer's own hearsay --------------------------------------------------------
    "'I've also heard that': from whom?": ("""\
Supervisory visit to the foster carers on 4 November 2026.
I've also heard that family time with her dad ended early after an argument.
""", [(REPORT, 2, 1)]),
    "trap: what the writer heard, or heard from someone named": ("""\
Supervisory visit to the foster carers on 4 November 2026.
I heard shouting from the garden when I arrived.
I heard Edwin singing in his room at 02:00, and heard his mum tell him to go to bed.
I heard from the family time worker, Mrs Lee, that the session ended early.
""", []),
    # ---- a report with its 'was' or its subject left out (chronologies) ------------------
    "'Concern raised re', 'Reported that' first on a chronology's line": ("""\
Chronology for Leon.
02/06/2025 - Concern raised re unsupervised trips to the park after dark.
10/10/2025 - Reported that mum's ex-partner had moved back to the area.
""", [(REPORT, 2, 14), (REPORT, 3, 14)]),
    "trap: the source given, or someone reporting": ("""\
Chronology for Leon.
02/06/2025 - Concern raised by Mrs Khan, the head teacher, re trips to the park after dark.
10/10/2025 - Mum rang me and reported that her ex-partner had moved back.
""", []),
    # ---- a service as the only source, with no one in it named nearby ---------------------
    "a service flags, confirms or holds a view, with no one in it named": ("""\
Visit to Ruby on 4 November 2026.
Ruby's mum, Carla, told me the flat has been quiet.
Nursery have also flagged that Finn has arrived in the same nappy as the day before.
The day centre's view is that Clive is no longer suitable for group activities.
""", [(SERVICE, 3, 1), (SERVICE, 4, 1)]),
    "the person a claim is about is not its source": ("""\
Visit to Gwen on 4 November 2026.
The provider has confirmed that the worker has been taken off her calls.
""", [(SERVICE, 2, 1)]),
    "trap: someone in the service named in the sentence before": ("""\
Visit to Ruby on 4 November 2026.
Mrs Fenn, the nursery manager, rang me at 9am.
Nursery have also flagged that Finn has arrived in the same nappy as the day before.
""", []),
    "trap: police were told, and services shared what they hold": ("""\
Log for Rhys, 4 November 2026.
Rhys left the house at 19:50 by the back gate.
Police informed at 20:35 as the missing child protocol requires.
Police and school shared what they hold at the strategy discussion.
""", []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_attribution_hearsay_classes(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == sorted(expected)
