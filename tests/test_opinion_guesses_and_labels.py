"""Opinion written as fact, in the classes blind development set dev-opinion2 showed were
still missed: invented sentences in, exact opinion findings (rule id, line, column) out.
Each case is a class of writing, with its trap: the writer's own labels for a guess or a
forecast ("I'd imagine", "I'd expect", "I don't think", "imo"); a likelihood ("in all
likelihood", "doubtful", "at this rate"); a reason guessed straight after the hedge
("probably because"); "looks like" with a clause; what someone might say, which is not
what they said; what a presentation is taken to suggest; shorthand that names a person or
place and then judges them with no verb; feelings, flourishing, blame and an account set
aside, summed up with a verb; a forecast with "going to"; someone else's finding."""

from __future__ import annotations

import pytest

from notecheck.engine import Linter
from notecheck.notes.text import parse_text
from notecheck.rules.loader import builtin_rules_dir, load_rules

J, H = "opinion.unsupported-judgement", "opinion.unsupported-opinion"


@pytest.fixture(scope="module")
def linter():
    return Linter([r for r in load_rules([builtin_rules_dir()]) if r.enabled
                   and r.category in ("opinion", "attribution", "voice", "clarity", "holistic")])


def opinion(linter, text: str) -> list[tuple[str, int, int]]:
    diagnostics = linter.check(linter.parse(parse_text("note.md", text + "\n")))
    return [(d.rule, d.line, d.column) for d in diagnostics if d.category == "opinion"]


CASES = [
    # The writer's labels for a guess or a forecast; in someone's quoted words they are
    # theirs, and "expect to" is a plan.
    ("I'd imagine the parents are content with things as they are.", [(H, 1, 1)]),
    ('Mum said, "I\'d imagine he\'s just tired."', []),
    ("I'd expect another missing episode before Christmas.", [(H, 1, 1)]),
    ("I'd expect him to go missing again before Christmas.", [(H, 1, 1)]),
    ("I would expect to visit again on Friday.", []),
    ("I don't think Carl will stay away.", [(H, 1, 1)]),
    ("Not a genuine priority need case imo.", [(H, 1, 34)]),
    # A guess or a forecast given as a likelihood.
    ("In all likelihood Dorothy mistook Kayleigh helping her sit down for a push.", [(H, 1, 1)]),
    ("It's doubtful she will keep up with health appointments once the baby arrives.", [(H, 1, 6)]),
    ("He'll be back in hospital by Christmas at this rate.", [(H, 1, 40)]),
    # A reason straight after the hedge is what is guessed, not what the guess rests on.
    ("Reg didn't want his lunch, probably because Michelle had upset him.", [(H, 1, 28)]),
    ("Reg didn't want his lunch: he told me he had a sandwich at 11:30.", []),
    # "Looks like" with a clause is a view; with what was seen after a colon it rests on it.
    ("Looks like he's been on the whisky again.", [(H, 1, 1)]),
    ("Mum looks like she hasn't slept: her eyes were red and she yawned twice.", []),
    # What someone won't or would say is foreseen, not heard.
    ("Prob won't be able to say no to Lauren.", [(H, 1, 1)]),
    ("Prob tired. She told me she was up at 4am with the baby.", []),
    # What a presentation is taken to suggest; "this suggests" may rest on the sentence before.
    ("Presentation suggests relapse isn't far off.", [(H, 1, 1)]),
    ("Mr Ahmed could not tell me the day or the month. This suggests his memory has got worse.", []),
    # Shorthand: a person or place named, then judged, with no verb between.
    ("Sister Denise a bad influence.", [(J, 1, 17)]),
    ("House immaculate as ever.", [(J, 1, 7)]),
    ("Pete a bit of a soft touch but harmless.", [(J, 1, 17)]),
    ("Mum at the door with the baby when I arrived.", []),
    # Feelings, flourishing, blame and an account set aside, summed up with a verb.
    ("The children adore her.", [(J, 1, 14)]),
    ("The children adore her: they ran to the door when she came in and hugged her.", []),
    ("Ava is thriving.", [(J, 1, 8)]),
    ("She resents the caring role.", [(J, 1, 5)]),
    ("Dennis would be lost without her.", [(J, 1, 17)]),
    ("He's brought this on himself.", [(J, 1, 6)]),
    ("Dorothy's account can't be given much weight given her dementia.", [(J, 1, 28)]),
    ("He enjoys his stays at Willowbank.", [(J, 1, 4)]),
    ("Kai enjoyed the trip: he laughed all the way round the farm.", []),
    # "Going to" is a forecast like "will"; the writer's plan is not a judgement.
    ("She is going to struggle with a newborn.", [(J, 1, 17)]),
    ("I am going to visit on Friday.", []),
    # Someone else's finding is theirs; the writer's own needs its reasons.
    ("The capacity assessment by Dr Rigby found that she lacks capacity to decide where to live.", []),
    ("She lacks capacity to decide where to live.", [(J, 1, 5)]),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_opinion(linter, text, expected):
    assert opinion(linter, text) == expected
