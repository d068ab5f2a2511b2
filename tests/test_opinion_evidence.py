"""Opinion written as fact, and evidence that is not evidence: invented sentences in, exact
opinion findings (rule id, line, column) out. Each case is one class of wording, not one
note: someone else's account of the person, a label number, a hedged verb that is itself
the claim, character words, doings judged by how well, day and mood summaries,
possibilities, capacity findings, and views that point back to the sentence before."""

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
    # Someone else's account of the person, quoted or with a reason, is not the writer's evidence.
    ('Kian was hostile throughout the visit. His grandmother said he had been "a nightmare all week".',
     [(J, 1, 10)]),
    ('Kian was hostile throughout the visit. He told me, "I don\'t want you here."', []),
    ("Dorothy was confused this morning. Her grandson said she needs more help because she forgets to eat.",
     [(J, 1, 13)]),
    ("Dorothy was confused this morning: she told me it was 1987 and asked for her late husband.", []),
    ("He was agitated on the ward. Niece says he has been like this all week.", [(J, 1, 8)]),
    ('Jordan is a deceitful boy who plays staff off against each other. Keyworker Sam said Jordan '
     '"never tells the truth".', [(J, 1, 13)]),
    # A number that names something is not a count of what was seen.
    ("Patrick was aggressive towards staff. He was moved to Bay 4 at lunchtime.", [(J, 1, 13)]),
    ("Patrick was aggressive towards staff: he threw 3 cups at the nurses' station.", []),
    # The verb a hedge qualifies is the claim; 'obviously' never says how.
    ("Grandad is obviously telling Leo things to turn him against his mum.", [(H, 1, 12)]),
    ("Nadia clearly said she wants to stay with her aunt.", []),
    ("Callum was evasive. He did not say where he had been.", []),
    # Character words, 'no remorse', a danger to others.
    ("Leon was stubborn and arrogant in the meeting.", [(J, 1, 10)]),
    ("Tia has shown no remorse for hurting her sister.", [(J, 1, 9)]),
    ("Ward round today. Mrs Khan is a danger to herself and others.", [(J, 1, 33)]),
    ("Dad was tired and hostile.", [(J, 1, 19)]),
    # What a person does, judged by how well.
    ("Mr Bell is managing really well at home now.", [(J, 1, 12)]),
    ("Mr Bell is not managing well at home.", [(J, 1, 16)]),
    ("Mr Bell said he is managing well at home now.", []),
    # A day or a mood summed up.
    ("Callum came back at 8pm in a foul mood.", [(J, 1, 30)]),
    ("Callum came back at 8pm, swore at staff and slammed his bedroom door twice.", []),
    # A possibility to plan for is not a finding.
    ("I told the school Amira may be unsettled tomorrow.", []),
    ("Amira was unsettled at school today.", [(J, 1, 11)]),
    # 'This' points back: the sentence before may hold the evidence.
    ("Mr Ahmed could not tell me the day or the month. This seems to be linked to his new medication.", []),
    ("This seems to be linked to his new medication.", [(H, 1, 6)]),
    # A capacity finding needs its reasons in its own sentence.
    ('Mrs Grant lacks capacity to decide where to live. She said, "I want to go home to Fred."', [(J, 1, 11)]),
    ("Mrs Grant lacks capacity to decide where to live, because she could not recall any of the "
     "three options I gave her a minute later.", []),
    # What the person means, stated as fact; the writer's doubt given as a view.
    ("Dad is playing down how much he drinks.", [(J, 1, 8)]),
    ("Gran told me Mum is minimising.", []),
    ("She could lie down on the sofa.", []),
    ("I'm not convinced Dad will keep to the safety plan.", [(H, 1, 1)]),
    ("I am not convinced Dad will keep to the plan, because he missed the last three sessions.", []),
    # A future stated as certain, and needs concluded; not a risk on a condition.
    ("He is not taking his medication and will relapse before the summer.", [(J, 1, 37)]),
    ("Ryan will go missing again if nothing changes.", []),
    ("The plan will change next week.", []),
    ("Joan would benefit from respite.", [(J, 1, 12)]),
    ("Mr Price said he would benefit from a walking frame.", []),
    # A home, a parent or a relationship summed up, good or bad; what a person does not do.
    ("The property is unfit for children.", [(J, 1, 17)]),
    ("The flat was in a terrible state.", [(J, 1, 19)]),
    ("Mum is a loving and attentive parent.", [(J, 1, 10)]),
    ("Dad is unable to meet the children's emotional needs.", [(J, 1, 8)]),
    ("Their relationship is toxic.", [(J, 1, 23)]),
    ("Dad poses a significant risk to the children.", [(J, 1, 5)]),
    ("He is not engaging.", [(J, 1, 11)]),
    ("Dad said he is not engaging with the drug service any more.", []),
    ("Mum has a history of poor mental health.", []),
    # What the person was seen doing supports a view (in its sentence or the next) and a
    # judgement (in its own sentence); a reason may have a passive clause.
    ("Mum seemed tired: she yawned and rubbed her eyes.", []),
    ("Leo appeared anxious. He bit his nails and kept looking at the door.", []),
    ("Leo appeared anxious. His mum said he bit his nails all morning.", [(H, 1, 5)]),
    ("Dad was hostile: he shouted at me and slammed the door.", []),
    ("Dad was hostile all afternoon. He slammed the door at 4pm.", [(J, 1, 9)]),
    ("In my view Mum is struggling because the baby has not been fed since the morning.", []),
    # A view held by no one named is a hidden source (attribution), not the writer's opinion.
    ("It was felt that Dad should not have unsupervised contact.", []),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_opinion_findings(linter, text, expected):
    assert opinion(linter, text) == expected
