"""Classes of false flag and miss fixed in the clarity and attribution rules, each beside
the real problem the rule must still find. Invented notes in, exact findings out (rule,
line, column), for those two categories only."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text

CATEGORIES = ("clarity", "attribution")


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


VAGUE = {
    # ---- clarity.vague-quantity / vague-phrase ------------------------------------------
    "'various' and 'some issues' say nothing the next worker can use": ("""\
Visit to Darren on 3 November 2026.
Staff tried various ways to calm Darren down. There are some issues with his tablets.
""", [("clarity.vague-phrase", 2, 57), ("clarity.vague-quantity", 2, 13)]),
    "'a range of options' and 'numerous calls' give no count": ("""\
Review with Mr Pryce on 3 November 2026.
We looked at a range of options for his garden. He has made numerous calls to the office.
""", [("clarity.vague-quantity", 2, 14), ("clarity.vague-quantity", 2, 61)]),
    "what was shared, given as 'everything we hold'": ("""\
Call to PC Hart on 3 November 2026.
I sent PC Hart everything we hold about the family.
""", [("clarity.vague-phrase", 2, 16)]),
    "a vague count of who holds a view is left to attribution": ("""\
Visit to Darren on 3 November 2026.
Darren said he goes to the youth club on Tuesdays. It is thought by several people that he is carrying a knife.
""", [("attribution.unsourced-report", 2, 52)]),
    "a vague count of where emails came from is left to attribution, not a count of falls": ("""\
Visit to Darren on 3 November 2026.

Emails have been received from various professionals. He has bruises from various falls.
""", [("attribution.unsourced-report", 3, 1), ("clarity.vague-quantity", 3, 75)]),
    "'a bit red' does not say how big, where or how red": ("""\
Care call to Mr Pryce at 8am on 3 November 2026.
The skin on his heel looked a bit red, so I put cream on. He said his foot felt a bit sore.
""", [("clarity.vague-quantity", 2, 29)]),
    "'drinking heavily' is read as a pattern of drinking, as experts read it": ("""\
Visit to Darren on 3 November 2026.
His dad Lee has been drinking heavily since July, the GP wrote on 2 November.
""", []),
}


@pytest.mark.parametrize("name", list(VAGUE))
def test_vague_classes(linter, name):
    text, expected = VAGUE[name]
    assert found(linter, text) == sorted(expected)


ATTRIBUTION = {
    # ---- attribution.unsourced-report: a group, a hearsay opener, a passive of telling --
    "a group that says or hears things names no one to go back to": ("""\
Visit to Darren on 3 November 2026.

Neighbours have complained about the noise from the flat. People say he is dealing from the stairwell.
""", [("attribution.unsourced-report", 3, 1), ("attribution.unsourced-report", 3, 59)]),
    "staff who have heard something pass on hearsay": ("""\
Visit to Darren on 3 November 2026.

Staff have heard that he is being given cannabis at a house in Leyton.
""", [("attribution.unsourced-report", 3, 1)]),
    "a named or placed neighbour, and staff telling what they saw, are sources": ("""\
Visit to Darren on 3 November 2026.

His neighbour, Mrs Okoro, said he shouts at night. Neighbours at number 6 said the same. Staff told me he slept until 10am.
""", []),
    "'it was mentioned', 'it was shared that' and 'word is that' hide who said it": ("""\
Core group on 3 November 2026.

It was mentioned that Dad has been seen at the school gate. It was shared that Mum has a new partner. Word is that he has a knife.
""", [("attribution.unsourced-report", 3, 1), ("attribution.unsourced-report", 3, 61),
      ("attribution.unsourced-report", 3, 103)]),
    "records shared with the GP say nothing that needs a source": ("""\
Core group on 3 November 2026.

Her records were shared with the GP by secure email, and Mum was told.
""", []),
    # ---- attribution.institution-only-source: a service as a passive's agent ------------
    "a service as the only source, in a 'by' phrase": ("""\
Visit to Darren.

Concerns were raised by school about his weight.
""", [("attribution.institution-only-source", 3, 15)]),
    "a call from a service that brings a claim": ("""\
Call about Darren.

Police rang to say he has been seen with older boys. School called with worries about his weight.
""", [("attribution.institution-only-source", 3, 1), ("attribution.institution-only-source", 3, 54)]),
    "a call from a service that brings no claim": ("""\
Call about Darren.

Police called at 9pm and I let them in.
""", []),
    # ---- attribution.unsourced-decision: a bare 'Decision:' in the writer's own note ----
    "a bare 'Decision:' in a note written as 'I' is the writer's decision": ("""\
Call from PC Rourke on 27 November 2026.

Decision: a strategy discussion is needed, because an adult used force to the neck and two young children live in the home. I have shared the police account with the school.
""", []),
    "a service's decision label, or a bare one with no 'I', names no one": ("""\
Call from PC Rourke on 27 November 2026.

MASH decision: no further action. Information only.

Decision: no further action. Mum to be told by letter.
""", [("attribution.unsourced-decision", 3, 1), ("attribution.unsourced-decision", 5, 1)]),
    "a date in another sentence is when something else happened, not when they said it": ("""\
Visit to Darren.

Darren was seen at A&E on 2 November with a cut hand. The hospital has said that the cut was an accident.
""", [("attribution.institution-only-source", 3, 55)]),
    "'known to police' says police hold something, not who said so": ("""\
Key work with Lena.

Her boyfriend is known to police. The family has been known to the team since 2019.
""", [("attribution.institution-only-source", 3, 18)]),
    "a count of what was seen, said as 'twice', answers it": ("""\
Visit to Darren.

It was reported by the school that Darren was late twice this week.
""", []),
    "a person in the service, or a date, in the paragraph answers it": ("""\
Visit to Darren.

Concerns were raised by school about his weight. Mrs Patel, the school nurse, weighed him on 2 November.
""", []),
}


@pytest.mark.parametrize("name", list(ATTRIBUTION))
def test_attribution_classes(linter, name):
    text, expected = ATTRIBUTION[name]
    assert found(linter, text) == sorted(expected)
