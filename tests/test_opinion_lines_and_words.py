"""Opinion written as fact, in the classes blind development set dev-opinion1 showed were
missed: invented sentences in, exact opinion findings (rule id, line, column) out. Each
case is a class of writing, with its trap: a line typed as its own thought is its own
paragraph; a count of people is not a count of what was seen; feelings, praise, parenting
and an account's honesty summed up; 'happy to' as agreement; capacity denied; a judgement
under the writer's own label, reported once; forecasts, certainty, intent and a log's
shorthand as hedges; concealment; topics, colours and descriptions after a colon that are
not views; guessed injury causes in shorthand and as certainties."""

from __future__ import annotations

import pytest

from notecheck.engine import Linter
from notecheck.notes.text import parse_text
from notecheck.rules.loader import builtin_rules_dir, load_rules

J, H, I = "opinion.unsupported-judgement", "opinion.unsupported-opinion", "opinion.assumed-injury-cause"


@pytest.fixture(scope="module")
def linter():
    return Linter([r for r in load_rules([builtin_rules_dir()]) if r.enabled
                   and r.category in ("opinion", "attribution", "voice", "clarity", "holistic")])


def opinion(linter, text: str) -> list[tuple[str, int, int]]:
    diagnostics = linter.check(linter.parse(parse_text("note.md", text + "\n")))
    return [(d.rule, d.line, d.column) for d in diagnostics if d.category == "opinion"]


CASES = [
    # A line typed as its own thought is its own paragraph: what the lines before it
    # record is about something else. On the same line, or wrapped mid-sentence, it counts.
    (("Claire told me the washing machine broke nine days ago. There were four full bags of "
      "washing in the hall.\nMum is not coping."), [(J, 2, 12)]),
    ("There were four full bags of washing in the hall. Mum is not coping.", []),
    ("Mum is not coping: there were four full bags of washing and two of\nrubbish in the hall.", []),
    # A count of people says who is in the family, not what was seen.
    ("Mum is simply not coping with two children on her own.", [(J, 1, 19)]),
    ("Mum is not coping: there were 14 bags of rubbish in the hall.", []),
    # A person's feelings summed up, praise, a parent's parenting, an account judged.
    ("Dominic is a sad, anxious little boy.", [(J, 1, 14)]),
    ('Dominic was sad: he cried when his mum left and said, "I miss her."', []),
    ("Arthur is frightened of Neil.", [(J, 1, 11)]),
    ("Bev and Colin are a fantastic couple who give Lacey everything she needs.", [(J, 1, 21)]),
    ("Mum's far too soft on him and lets him do what he likes.", [(J, 1, 15)]),
    ("This is a neighbour dispute and the call is malicious.", [(J, 1, 45)]),
    # 'happy to', 'happy for': what someone agrees to, not how they feel.
    ("Dr Kamara is happy for us to contact him again.", []),
    ("She is happy to do a joint visit on Friday.", []),
    # Capacity and understanding denied are findings; capacity is assumed.
    ("Kathleen doesn't have the capacity to manage her own finances.", [(J, 1, 18)]),
    ("Vera has capacity and has refused.", []),
    ("He doesn't really understand what's said to him.", [(J, 1, 19)]),
    # Under the writer's own label a judgement is the hedge rule's: one finding, or none
    # when the reasons follow.
    ("I think Mum is struggling.", [(H, 1, 1)]),
    ("The property appeared to be in a terrible state from what I could see through the door.",
     [(H, 1, 14)]),
    (("In my professional judgement Lorna is at high risk. Strangulation and threats to kill "
      "are two of the strongest known warning signs."), []),
    # A forecast, certainty, intent and a log's shorthand are views too.
    ("Unlikely to stick to the 8pm curfew for long.", [(H, 1, 1)]),
    ("Fiona was plainly covering for her brother.", [(H, 1, 11)]),
    ("Tom deliberately makes things harder for her so that she won't go out.", [(H, 1, 5)]),
    ("Prob missing his wife, anniversary coming up.", [(H, 1, 1)]),
    # A view that someone is hiding things needs its reason in its own sentence: what
    # they said next is what the writer doubts.
    (("He was quite evasive when asked about his journey and is clearly not telling the full "
      "story. Habib said he is sleeping badly."), [(H, 1, 58)]),
    # Not views: a topic thought about, a colour seen, what was seen set out after a colon.
    ("We thought together about Reuben: he depends on his parents for everything.", []),
    ("Pad was wet so changed. Skin on his bottom looked a bit red, have put cream on.", []),
    ("05:00 Harold appeared settled: lying still with his eyes closed, breathing steadily.", []),
    # Guessed injury causes in a log's shorthand, and as a certainty.
    ("Bruise L shin approx 4cm. Prob walked into the coffee table again.", [(I, 1, 27)]),
    ("There was a 3 cm cut across his right palm, which will have been self-inflicted.", [(I, 1, 51)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[text[:60] for text, _ in CASES])
def test_opinion_class(linter, text, expected):
    assert opinion(linter, text) == expected
