"""Attribution round eight (from the blind set tests/dev-attribution3 and the false flags of
the regression sets): classes of hidden source the rules now find, and classes of writing
that has its source, or needs none, that they now leave alone. Invented notes in, exact
findings out (rule, line, column), for attribution only."""

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
    # ---- false flags: what is to come, the decision in question, a service told --------
    "trap: a capacity assessment names the decision it is about": ("""\
Capacity assessment on Ward 7 on 5 November 2026.
The decision: whether to move to a care home on discharge or to go home with four calls a day.
Decision to be made: where Mr Khan should live when he leaves hospital.
Decision needed: is a care home in his best interests?
""", []),
    "a decision label that gives a decision made still needs its maker": ("""\
Capacity assessment on Ward 7 on 5 November 2026.
The decision: he will move to a care home on Friday.
""", [(DECISION, 2, 1)]),
    "trap: a passive for what is to come": ("""\
Review with Shane on 5 November 2026.
Discharge from the service to be considered if he does not come to the next two appointments.
A referral is to be made to the carers' centre.
""", []),
    "trap: a service told, in a log's passive, with what it was told": ("""\
22:30 Tayla came back by taxi.
22:35 Police informed she is back. Return interview to be arranged by the missing service.
""", []),
    "a service that tells someone, with no one in it named": ("""\
Call on 5 November 2026.
Police told me she has been seen with an older man at the station.
""", [(SERVICE, 2, 1)]),
    "trap: known to a service, then another thing after a comma": ("""\
Duty call on 5 November 2026.
Kacey is known to CSC, previous S17 closed in spring.
""", []),
    "'it is felt' set beside what it reports, and 'is known' with its clause": ("""\
Discharge meeting on 5 November 2026.
It is felt, given the stairs, he would not manage at home.
Dad is known to be staying at the flat most nights.
""", [(REPORT, 2, 1), (REPORT, 3, 1)]),
    "trap: a plan the law says who makes": ("""\
Visit to Keira on 5 November 2026.
Keira has a child protection plan under the category of emotional abuse. The plan was made because Lee was violent to her mum.
A child protection plan was made for her brother on 3 May.
""", []),
    "a plan of no such kind still needs its maker": ("""\
Visit to Keira on 5 November 2026.
Mum has a new partner. The plan was made for her to ring me daily.
""", [(DECISION, 2, 28)]),
    # ---- a group as the source, with no one in it named ---------------------------------
    "a group's view or report: staff, family, other family members, neighbours": ("""\
Review on 5 November 2026.
Staff feel Tayla was under the influence when she returned.
Staff report Daniel has been having more meltdowns in the evenings.
Family say she is not eating much at teatime.
Family have complained that Mum is left in bed all day.
Other family members have expressed worries about Stuart's temper.
Neighbours have noticed Gary's new car and are worried.
Relatives are worried about her.
""", [(REPORT, 2, 1), (REPORT, 3, 1), (REPORT, 4, 1), (REPORT, 5, 1), (REPORT, 6, 1), (REPORT, 7, 1),
      (REPORT, 8, 1)]),
    "'according to neighbours'": ("""\
Core group on 5 November 2026.
Dad still around according to neighbours, contrary to the written agreement.
""", [(REPORT, 2, 18)]),
    "trap: the household together, told in the past, no report, someone named": ("""\
Visit to Mrs Cole on 5 November 2026.
The family say they are happy with the care.
His family said she was fine when they visited on Sunday.
Staff said he has had a good week.
Other family members have expressed a wish to visit at Christmas.
Her neighbour, Mrs Patel, has noticed the curtains closed all day.
Dad is still around, according to her neighbour, Mrs Patel.
Staff feel tired after the night shift.
""", []),
    # ---- a service as the only source ----------------------------------------------------
    "a service of a kind, with a date inside what it said, or in a log's entry": ("""\
Review on 5 November 2026.
Day service have said he hit another man on the minibus on 29 October.
18/11/2026 - Health visiting service advised that her weight has dropped from the 25th to the 9th centile.
""", [(SERVICE, 2, 1), (SERVICE, 3, 14)]),
    "trap: a 'service manager' at the review is not the day service's": ("""\
Review at Daniel's flat on 5 November 2026. Present: Daniel, his mum and the service manager, Abbie Thorne.
Day service have said he hit another man on the minibus on 29 October.
""", [(SERVICE, 2, 1)]),
    "a person of another service nearby does not answer for the police": ("""\
Referral at 08:15 from Dr Saira Mahmood, GP, for a Mental Health Act assessment.
Police report he was threatening neighbours with a kitchen knife on the landing last night.
""", [(SERVICE, 2, 1)]),
    "a year is no count of what a service holds": ("""\
Chronology for Skye.
2025: family known to services in Penrock before moving to Northby.
""", [(SERVICE, 2, 14)]),
    "trap: an officer who rang answers for the police": ("""\
Call at 08:15 from PC Jo Ray.
Police report he was threatening neighbours with a kitchen knife on the landing last night.
""", []),
    "trap: what a service says it will do": ("""\
Visit on 5 November 2026.
The equipment service has said it will be delivered by 6 November.
""", []),
    "trap: what a service said it would do; but its view with 'would' is a claim": ("""\
Call to the bank on 5 November 2026.
Bank said they would review recent transactions and call back within 5 working days.
School said it would be better if Mum collected him earlier.
""", [(SERVICE, 3, 1)]),
    "trap: someone named in the service's own phrase": ("""\
Visit on 5 November 2026.
His provider, Kestrel Housing (key worker Abdul Rahman), told me he has not slept at the flat on four nights since 20 November.
""", []),
    "trap: a reason is not what the service said": ("""\
Strategy discussion on 5 November 2026.
Information sharing: each agency shared what it holds, without consent, because asking first could put Ellis at risk.
""", []),
    # ---- a report no one made or holds ------------------------------------------------------
    "a log's report with its 'was' left out: 'Information received that', 'Concerns shared that'": ("""\
Chronology for Amber.
14/11/2026 - Information received that Mr Lowe has been released from prison and is living locally.
20/11/2026 - Concerns shared that Amber has a new phone nobody has bought for her.
""", [(REPORT, 2, 14), (REPORT, 3, 14)]),
    "trap: a header's letter with its sender, concerns shared with someone": ("""\
Letter received today (dated 12 November) from Dr Sunita Rao, GP, about the children's father.
Concerns shared with Mum at the end of the visit.
""", []),
    "'known to services', 'It is common knowledge that', 'I understand' with what is understood": ("""\
Visit on 5 November 2026.
The family are known to services.
It is common knowledge that the flat is used by dealers.
I understand there have been previous incidents at the address.
""", [(SERVICE, 2, 16), (REPORT, 3, 1), (REPORT, 4, 1)]),
    "trap: 'I understand' to the reader, a question, with its source": ("""\
Letter to Ms Dean, 5 November 2026.
I understand that you are worried about the move.
I understand why you left the meeting early.
I understand from Mrs Cole that the flat has been cleared.
""", []),
    "concerns that go on with no one holding them": ("""\
Core group on 5 November 2026.
Mum says she is doing everything asked but concerns remain.
Concerns persist around Dad's drinking.
""", [(REPORT, 2, 44), (REPORT, 3, 1)]),
    "trap: whose concerns remain, none remain, someone's account": ("""\
Core group on 5 November 2026.
The school's concerns remain.
No concerns remain about the flat.
Mum said concerns remain about the flat.
""", []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_attribution_class(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == sorted(expected)
