"""Round 8 of clarity, by class, in the voices of other services (a family centre, a
children's home, home care, supported living, a ward, fostering supervision, reablement, a
day service, a professionals' meeting, a letter to a young person), not the notes of the
development set.

Vague summaries that grade without saying what was seen, found from the parse: a grade
said of a topic or set down as a fragment ("Interaction was good throughout", "Mood
good."), a day or a night graded as the whole entry ("Settled night."), how an event
went ("The review went well overall"), how something was done ("ate and drank well"),
aims met ("Outcomes achieved"), a topic only said to have been discussed ("Training
discussed."), a grade that is the whole entry ("Settled.", "16:00 Calmer later."), a
check summed up as nothing found ("nothing untoward", "unremarkable", "all is well").
References the reader cannot see ("as previously documented", "as before", "the usual
things", "the issues we discussed"); an event or an injury named, not described ("had an
incident", "staff intervened", "minor injuries", "within normal limits"); "some" where the
amount matters (money, food and drink, an injury); "somewhat", "over a period of time",
"an increase"; a long bracket counted as part of a long sentence. And the false-flag
classes beside them: a grade in a name, a sign-off or a question, or with a time; a
verdict with what was seen after a colon, with its reason, or in the person's own words; a
named aim; a minor injuries unit; "some" of what need not be counted; how someone
communicates; a vague count with its whole list after a colon or in brackets (not a
partial list, nor a list of whom); a short gloss; a letter to the person; a pleasantry
in an email ("I hope all is well"). Invented notes in, exact findings out (rule, line,
column), clarity only."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text


def found(linter, text: str, name: str = "note.md") -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text(name, text))
    return sorted((d.rule, d.line, d.column) for d in linter.check(parsed)
                  if d.rule.startswith("clarity."))


CASES = {
    'a grade said of a topic, or set down as a fragment': ("""\
Family time record, Holmwood Family Centre, 28 November 2026, 10:00 to 11:30.
Interaction between Noah and his dad was good throughout.
Mood good. Appetite poor today.
Since the new bedtime routine, sleep has been poor.
""", [('clarity.vague-phrase', 2, 1), ('clarity.vague-phrase', 3, 1), ('clarity.vague-phrase', 3, 12), ('clarity.vague-phrase', 4, 32)]),
    'the same topics described pass': ("""\
Family time record, Holmwood Family Centre, 28 November 2026, 10:00 to 11:30.
Noah ran to his dad when he arrived and they built a Lego car together for 40 minutes.
Mrs Pryce ate half of her sandwich and drank one cup of tea (about 200 ml).
""", []),
    'a day or a night graded as the whole entry': ("""\
Night record, Ash House, 1 December 2026.
22:00 Settled night.
07:30 (Dev) Good day.
Tyler had a good week at school, his key worker said.
""", [('clarity.vague-phrase', 2, 7), ('clarity.vague-phrase', 3, 13), ('clarity.vague-phrase', 4, 13)]),
    'a grade that is the whole entry': ("""\
Care home daily record, 1 December 2026.
08:30 Assisted with washing and dressing. Settled.
16:00 Calmer later.
Much brighter today.
""", [('clarity.vague-phrase', 2, 43), ('clarity.vague-phrase', 3, 7), ('clarity.vague-phrase', 4, 6)]),
    'a check summed up as nothing found': ("""\
Night record, Larch Ward, 1 December 2026.
02:00 Checked, nothing untoward. Skin unremarkable.
All is well. Nil of note.
""", [('clarity.vague-phrase', 2, 16), ('clarity.vague-phrase', 2, 39), ('clarity.vague-phrase', 3, 1), ('clarity.vague-phrase', 3, 14)]),
    'a pleasantry in an email is not a finding': ("""\
Hi Sam,
I hope all is well with you. Mr Hale's new carers start on Monday at 8am.
""", []),
    'a grade with what it is about, a time it happened or in their words passes': ("""\
Care home daily record, 1 December 2026.
Settled 03:30.
I asked Mr Joyce how he was. He said, "Fine."
Fine motor skills: he can do up his buttons.
""", []),
    'a grade inside a name, a sign-off or a question passes': ("""\
Direct work with Freya on 1 December 2026.
We filled in the house of good things together: her rabbit, swimming on Saturdays and her friend Aisha.
I asked her what makes a good day at home.
Have a good weekend, and thank you for your help.
""", []),
    'how an event went, said of the event': ("""\
Review meeting at Elm Court, 30 November 2026.
The review went well overall.
Contact with his sister continues every Sunday and is going well.
""", [('clarity.vague-phrase', 2, 5), ('clarity.vague-phrase', 3, 1)]),
    'how something was done, with nothing of what was seen': ("""\
Home care log, 1 December 2026.
08:15 Mr Adeyemi ate and drank well.
Carers say he is doing really well and engaged well with the physio.
""", [('clarity.vague-phrase', 2, 26), ('clarity.vague-phrase', 3, 18), ('clarity.vague-phrase', 3, 40)]),
    'how something was done, with what was seen, a reason or in their own words, passes': ("""\
Home care log, 1 December 2026.
08:15 Ate well: a full bowl of porridge, a banana and two cups of tea.
He does not sleep well because of the pain in his left hip.
Mr Adeyemi said he has been sleeping well since the new mattress came.
He likes his carers and gets on with them as well.
""", []),
    'aims met, with nothing of which or what changed': ("""\
Case closure summary, 30 November 2026.
Outcomes achieved. All goals were met.
""", [('clarity.vague-phrase', 2, 1), ('clarity.vague-phrase', 2, 24)]),
    'an aim that is named passes': ("""\
Reablement review, 30 November 2026.
His goal of walking to the corner shop on his own has been met.
Eligibility: outcomes (c), (e) and (h) not achieved.
""", []),
    'a topic only said to have been discussed': ("""\
Supervision with the foster carers, 25 November 2026.
Training discussed. Finances discussed with Mrs Obi.
""", [('clarity.vague-phrase', 2, 1), ('clarity.vague-phrase', 2, 21)]),
    'what was discussed, set out, passes': ("""\
Supervision with the foster carers, 25 November 2026.
We discussed Mason's contact with his dad on Saturdays.
Risks discussed: the canal at the end of the garden and the unlocked shed.
""", []),
    'a record or a talk the reader cannot see': ("""\
AMHP assessment, 29 November 2026.
Mental state as previously documented.
Package of care to restart as before.
Talked about the usual things with his mum.
Please see below re the issues we discussed on the phone.
""", [('clarity.vague-phrase', 2, 14), ('clarity.vague-phrase', 3, 28), ('clarity.vague-phrase', 4, 14), ('clarity.vague-phrase', 5, 21)]),
    'an event or an injury named, not described': ("""\
Incident record, Larch Ward, 30 November 2026.
14:15 Shaun had an incident in the lounge and staff intervened.
Minor injuries. Observations were within normal limits.
""", [('clarity.vague-phrase', 2, 13), ('clarity.vague-phrase', 2, 47), ('clarity.vague-phrase', 3, 1), ('clarity.vague-phrase', 3, 35)]),
    'a minor injuries unit is a place': ("""\
Call with Mum, 30 November 2026.
Toni took Sienna to the minor injuries unit at Kessingham on Saturday, where her hand was cleaned and dressed.
""", []),
    'some of what matters in amount: money, food and drink, an injury': ("""\
Supported living record, 1 December 2026.
Went to the Co-op with Shaun. He spent some of his money on sweets.
He ate some lunch. There is some bruising on his left forearm.
""", [('clarity.vague-quantity', 2, 40), ('clarity.vague-quantity', 3, 8), ('clarity.vague-quantity', 3, 29)]),
    'some of what does not need counting passes': ("""\
Day service review, 1 December 2026.
Joshua answered some of the questions out loud, and some of the group joined in.
""", []),
    'how someone communicates, counted loosely, passes': ("""\
Short break review, 1 December 2026.
Reuben communicates with some words, a picture book and a few Makaton signs.
""", []),
    'a vague count with its whole list after a colon or in brackets passes': ("""\
Professionals meeting, 1 December 2026.
Several agencies were at the meeting: police, the school and the GP.
There have been several referrals (police in May, school in June and the GP in August).
""", []),
    'a partial list, or a list of whom, does not say how many or how often': ("""\
Annual review, 1 December 2026.
Mr Hale has a number of health problems, including diabetes, a leg ulcer and COPD.
His son often shouts at them: his wife, his daughter and the carers.
""", [('clarity.vague-quantity', 2, 13), ('clarity.vague-quantity', 3, 9)]),
    'how much worse, over how long, by how much': ("""\
Discharge planning call, 1 December 2026.
Her mobility has deteriorated somewhat since admission.
Money has been taken from her account over a period of time.
The care package will restart with an increase.
""", [('clarity.vague-quantity', 2, 31), ('clarity.vague-quantity', 3, 39), ('clarity.vague-quantity', 4, 36)]),
    'a sentence tangled inside a long bracket': ("""\
Team around the family meeting, 26 November 2026.
It was agreed that, given that mum's shifts at the depot have changed (which Mr Obi felt might be why Zara has been late, although Zara said it was the bus, which Kirsty said could be looked at, unless the bus pass was the problem, which mum thought it was not), the young carers' group might be offered once the assessment is done.
""", [('clarity.long-sentence', 2, 1)]),
    "a long bracket counts, in an adults' discharge note too": ("""\
Discharge planning meeting, Ward 7, 1 December 2026.
The plan is that, once the occupational therapist has visited the bungalow (which Mrs Hill said may not be until January, although her daughter thinks the ward said December, which the ward could not confirm, unless the discharge is brought forward, which the consultant thought unlikely), the carers will start two calls a day and the district nurse will visit on the Monday after.
""", [('clarity.long-sentence', 2, 1)]),
    'a short explanation in brackets is still not counted': ("""\
Health visitor call, 26 November 2026.
The health visitor checked Kai's red book (the health record parents keep) and told me that his weight has gone up since his last check and that his mum asked about the baby clinic on Thursday mornings.
""", []),
    'in a letter to the person, how it went is told to them': ("""\
Dear Leo,
Thank you for coming to your review on 20 November.
Everyone agreed that your time with Sandra and Phil is going well and that you should stay there.
""", []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_clarity_round8(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == sorted(expected)
