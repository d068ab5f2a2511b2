"""Opinion written as fact, in the classes blind development set dev-opinion3 showed were
missed or wrongly flagged: invented sentences in, exact opinion findings (rule id, line,
column) out. Each class has its trap beside it: a verdict on a parent's capacity or a
person's honesty or interest, denied ("not capable", "never interested"); trust and
feeling denied ("cannot be trusted", "did not care"); a forecast with "will never"; a
feeling or a relationship asserted for someone else ("loves his new home", "gets on well
with everyone"); abuse concluded as fact; a verdict on what a person knows; who is the
best carer, concluded; a name the parser reads as a noun at the start of a sentence; a
judgement under "it is likely that", reported once; and a view someone named holds ("Her
view is that ..."), which is theirs, not the writer's."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text

J, H = "opinion.unsupported-judgement", "opinion.unsupported-opinion"


def opinion(linter, text: str) -> list[tuple[str, int, int]]:
    diagnostics = linter.check(linter.parse(parse_text("note.md", text + "\n")))
    return [(d.rule, d.line, d.column) for d in diagnostics if d.category == "opinion"]


CASES = [
    # A verdict on a parent's capacity, honesty or interest, denied, is still a verdict;
    # with what was seen set out it is evidenced. "The flat was not dirty" is no judgement.
    ("Gemma is not capable of keeping the girls safe.", [(J, 1, 14)]),
    ("Dad cannot keep the children safe.", [(J, 1, 30)]),
    ("Dad kept the children safe during the fire.", []),
    ("Mum does not keep dirty washing in the bath.", []),
    ("Dad was not capable of walking up the stairs unaided: I watched him stop on every step.", []),
    ("Your birth dad, Aaron, did not care what happened to you.", [(J, 1, 32)]),
    ("Dad was not interested in a cup of tea.", []),
    ("Mr Shah was not honest with me about the rent arrears.", [(J, 1, 17)]),
    ("The flat was not dirty and Mum had made up a bed for the baby.", []),
    # Trust and feeling, denied: a verdict on a person or an account, a feeling asserted.
    ("Kim cannot be trusted.", [(J, 1, 15)]),
    ("Lacey's account has changed and cannot be relied on.", [(J, 1, 43)]),
    ("He did not care what happened to you.", [(J, 1, 12)]),
    ("He cannot be trusted with money, his daughter said.", []),
    # A forecast with "will never", stated as certain; not an arrangement or a plan.
    ("Michelle will never leave Rob.", [(J, 1, 10)]),
    ("Kim will never be left alone with Mia.", []),
    ("Ben will never have to see Dad again unless he wants to.", []),
    ("I will never share this without her consent.", []),
    ("Dad will not leave the children alone with Dale.", []),
    # A feeling or a relationship asserted for someone else; a wish is not one.
    ("Callum loves his new home.", [(J, 1, 8)]),
    ("Callum gets on well with everyone here.", [(J, 1, 8)]),
    ("Mum would love to take Ava swimming.", []),
    ("Grace said she loves the garden.", []),
    ("Amir loves football and told me he plays every Saturday.", []),
    # Abuse concluded as fact; under "it is likely that" it is the hedge rule's, once.
    ("Neil is financially abusing his mother and has been for years.", [(J, 1, 21)]),
    ("It is likely that Pat is being financially abused.", [(H, 1, 7)]),
    # A verdict on what a person knows or means, which cannot be seen.
    ("He knows exactly what he is doing.", [(J, 1, 4)]),
    ("I know exactly where the key safe is.", []),
    ("He knows exactly where his medication is kept.", []),
    # Who is best for a child, concluded.
    ("June and Ray are the best people to care for Mia in the long term.", [(J, 1, 22)]),
    ("Nan is the best person to contact in an emergency.", []),
    # A name at the start of a sentence that the parser reads as a noun is still the name
    # it tags elsewhere in the note: "Grace lacks capacity" is a finding about Grace.
    (("Assessment with Grace Achebe on Ward 7.\nI explained the two options. Grace said she "
      'wanted "to go home".\nGrace lacks capacity to make this decision.'), [(J, 3, 7)]),
    # A view someone named holds is theirs: the occupational therapist's, not the writer's.
    (("Her view is that Olive can manage at home with a second stair rail, and that she is "
      "likely to need help with washing for the first two weeks."), []),
    ("Dr Malik's opinion is that she is likely to need more help.", []),
    ("My view is that she is likely to need more help.", [(H, 1, 24)]),
    # A finding reported from someone named, or a claim given with its source.
    ("The paediatrician concluded that the bruising is consistent with a slap.", []),
    ("According to the school, Ava is settled in class.", []),
    ("Ava is settled in class.", [(J, 1, 8)]),
    # A view followed on the next line by what was seen of the same person, by name or
    # pronoun, rests on it; a judgement stated as fact needs it on its own line, and the
    # next line about someone else is no evidence.
    ("Mr Dunn appeared confused.\nHe asked me three times what day it was.", []),
    ("Mum appeared low.\nShe cried twice while talking about her mother.", []),
    ("Mr Dunn appeared confused.\nHis daughter Jo told me she visits three times a week.", [(H, 1, 9)]),
    ("Mr Dunn is confused.\nHe asked me three times what day it was.", [(J, 1, 12)]),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[text[:60] for text, _ in CASES])
def test_opinion_class(linter, text, expected):
    assert opinion(linter, text) == expected


MORE = [
    # Safety, credibility and reliability denied are verdicts on a person or an account;
    # of a thing ("the lift is not reliable") or with the reason given, they are not.
    ("He is not safe around children.", [(J, 1, 11)]),
    ("Her account is not credible.", [(J, 1, 20)]),
    ("The lift is not reliable, so Mr Ahmed uses the stairs.", []),
    ("The referral was not credible because the caller gave a wrong address.", []),
    ("Lacey's account lacks credibility.", [(J, 1, 17)]),
    # Of a place or an act, a denied judgement is a finding about it, with what was seen.
    ("The house was not safe: there were exposed wires in the kitchen and no smoke alarm.", []),
    ("It is not safe to visit alone, so a joint visit with police is booked.", []),
    # Denial, understanding and selfishness concluded.
    ("He is not safe to mobilise independently.", []),
    ("Mum is in denial about the drinking.", [(J, 1, 8)]),
    ("Mum has no understanding of the risks.", [(J, 1, 5)]),
    ("Mum only cares about herself.", [(J, 1, 10)]),
    # A reason that is itself a judgement of the person's state of mind is a guess, not
    # evidence; a reason that says what happened is.
    ("The flat's a mess because he's given up on himself.", [(J, 1, 32)]),
    ("The flat was a mess because the boiler had leaked overnight.", []),
    ("Dad was angry because the appointment had been cancelled again.", []),
    ("He made a mess in the kitchen.", []),
    # Ordinary senses: what someone does not want, a bus got on.
    ("Mum does not care for coffee.", []),
    ("She gets on the bus at 8am.", []),
]


@pytest.mark.parametrize("text,expected", MORE, ids=[text[:60] for text, _ in MORE])
def test_more_opinion_classes(linter, text, expected):
    assert opinion(linter, text) == expected
