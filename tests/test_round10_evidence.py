"""Round 10: what the retrained evidence model and the rules that read it now get right,
found on the development sets (dev-opinion5, dev-opinion6, heldout, heldout2), as classes
with a trap beside each: invented sentences in, exact findings (rule id, line, column) out.

- A view, then after a colon what was seen: the clause after the colon, read on its own by
  the classifier as an observation, is the view's evidence ("looked unkempt: her hair was
  matted"); a colon followed by another view is not ("seemed low: she is not coping").
- A tally of occasions ("on 9 of the last 10 weeks") is a count of what happened.
- "at present as she is managing" is a time, not the hedge "present as".
- What someone wants is theirs: a judgement word inside their wish is not the writer's.
- A relative time that points back to the date in the sentence before ("that day") is
  placed; a rate ("42 hours per week") says how often, not when.
"""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text

H = "opinion.unsupported-opinion"
J = "opinion.unsupported-judgement"
V = "timeliness.vague-time-evidence"


def found(linter, text: str, prefix: str) -> list[tuple[str, int, int]]:
    diagnostics = linter.check(linter.parse(parse_text("note.md", text + "\n")))
    return [(d.rule, d.line, d.column) for d in diagnostics if d.rule.startswith(prefix)]


OPINION = [
    ("Nadia looked unkempt: her hair was matted at the back and she was wearing the same "
     "pink jumper, with a brown stain down the front, that she had on at my last visit.", []),
    ("Nadia looked unkempt.", [(H, 1, 7)]),
    ("Mum seemed low: she is not coping and is struggling with everything.", [(H, 1, 5), (J, 1, 28)]),
    ("He was in good spirits: singing along to the radio and joking with Liam about the football.", []),
    ("He was in good spirits.", [(J, 1, 11)]),
    ("Mr Sandhu seems more confident about going out on his own. He has been to the Men's Shed "
     "on 9 of the last 10 weeks.", []),
    ("Mr Sandhu seems more confident about going out on his own. He has been to the Men's Shed "
     "on Thursdays.", [(H, 1, 11)]),
    ("I think the travel training has worked: he has now done it alone twice, and both times "
     "texted Mr Asante when he arrived.", []),
    ("A referral is not needed at present as she is managing with support.", []),
    ("She presents as settled.", [(H, 1, 5)]),
    ("She would like to talk to someone at school when she is angry.", []),
    ("She is angry with everyone.", [(J, 1, 8)]),
]


@pytest.mark.parametrize("text, expected", OPINION)
def test_opinion_round10(linter, text, expected):
    assert found(linter, text, "opinion.") == expected


TIMES = [
    ("Skye was reported missing at 23:00 on 6 November. She had last been seen leaving school "
     "at 15:20 that day.", []),
    ("Skye was reported missing. She had last been seen leaving school at 15:20 that day.", [(V, 1, 36)]),
    ("He currently receives 42 hours per week of one-to-one support plus shared staffing overnight.", []),
]


@pytest.mark.parametrize("text, expected", TIMES)
def test_vague_time_round10(linter, text, expected):
    assert found(linter, text, "timeliness.vague-time-evidence") == expected
