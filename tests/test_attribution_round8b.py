"""Attribution round eight, second pass (from the blind set tests/dev-attribution4): a
decision label whose sentence says who decided, a passive inside a frame that names its
document, an "It is understood" whose basis is the next sentence, carers passing on what
they have heard, and a council as the only source. Invented notes in, exact findings out
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
    # ---- false flags removed -------------------------------------------------------------
    "trap: a decision label whose sentence says those present decided": ("""\
Core group on 5 November 2026. Present: Sam Ali, social worker; Ms Khan, teacher.
Decision: all present agreed that the plan should continue for three more months.
Decision: everyone at the meeting decided that Jo will stay with her nan.
""", []),
    "a decision label with professionals as the deciders still needs them named": ("""\
Core group on 5 November 2026.
Decision: professionals agreed that the plan should continue.
""", [(DECISION, 2, 1), (DECISION, 2, 11)]),
    "a bare decision label with no one deciding is still found": ("""\
Core group on 5 November 2026.
Decision: the plan will continue for three more months.
""", [(DECISION, 2, 1)]),
    "trap: a passive inside a frame that names the document and its author": ("""\
Carer's assessment visit on 5 November 2026.
It is my understanding, from reading the occupational therapist Nadia Brook's assessment of 14/10/2026, that a shower seat was recommended but not yet fitted.
""", []),
    "a passive with no frame still needs its source": ("""\
Carer's assessment visit on 5 November 2026.
It is my understanding that a shower seat was recommended but not yet fitted.
""", [(DECISION, 2, 38)]),
    "trap: 'It is understood' with its basis in the next sentence": ("""\
Closure on 5 November 2026.
It is understood that Mr Okoro has moved to live with his brother. This is based on Mr Okoro's own phone call to me on 25/11/2026.
It is understood that Mrs Hall has gone into a care home. That was confirmed by her daughter, Ms Jo Hall, when I rang her.
""", []),
    "'It is understood' followed by something else is still found": ("""\
Closure on 5 November 2026.
It is understood that Mr Okoro has moved to live with his brother. This is a big change for him.
""", [(REPORT, 2, 1)]),
    # ---- misses found ---------------------------------------------------------------------
    "carers or parents passing on what they have heard": ("""\
Supervising social worker visit on 5 November 2026.
Carers have heard that birth mum has moved back to the area.
Parents have heard that the school is closing the unit.
""", [(REPORT, 2, 1), (REPORT, 3, 1)]),
    "trap: carers hearing something themselves, or hearing it from someone named": ("""\
Supervising social worker visit on 5 November 2026.
The carers heard Jay shouting in his sleep on Tuesday.
Carers have heard from Jay's teacher, Mrs Cole, that he is doing well.
""", []),
    "a local authority as the only source": ("""\
Supervising social worker visit on 5 November 2026.
Before Jay moved here the other local authority said he has no allergies.
""", [(SERVICE, 2, 23)]),
    "trap: a local authority with its worker named": ("""\
Supervising social worker visit on 5 November 2026.
The other local authority (social worker Ms Priya Lamb) said he has no allergies.
""", []),
}


@pytest.mark.parametrize("name", list(CASES))
def test_attribution_class(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == sorted(expected)
