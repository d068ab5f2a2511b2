"""Classes of false flag removed by design, each beside the real problem it must still
find: sharing that never left the service, voice in a daily record's quotes or in a note
written to the child, 'seen alone' asked of a toddler or an adult, Think Family when the
children and where they were are recorded (and domestic abuse told in plain words), and
vague words inside an exact phrase. Real notes in, exact findings out (rule, line, column),
for the sharing, voice, holistic and clarity rules only."""

from __future__ import annotations

import pytest

from notecheck.engine import Linter
from notecheck.notes.text import parse_text
from notecheck.rules.loader import builtin_rules_dir, load_rules

CATEGORIES = ("sharing", "voice", "holistic", "clarity")


@pytest.fixture(scope="module")
def linter():
    # Every default rule, and the receipt rule that is off by default, selected as an audit
    # that asks for receipt would select it.
    return Linter([r for r in load_rules([builtin_rules_dir()])
                   if r.enabled or r.id == "sharing.receipt-not-confirmed"])


def found(linter, text: str) -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text("note.md", text))
    return [(d.rule, d.line, d.column) for d in linter.check(parsed)
            if d.rule.split(".")[0] in CATEGORIES]


CASES = {
    # ---- sharing: is anything passed outside the service? ----------------------------
    "internal updates are not sharing": ("""\
---
subject: Leon Carter
subject_type: child
note_type: statutory visit
contact_date: 2026-11-18
---
Statutory visit to Leon (12) at his foster home. I saw Leon alone in his room. Leon told me he wants to join the football club.
Team manager updated. IRO informed of visit.
""", []),
    "sharing with the school's DSL still needs its parts": ("""\
---
subject: Leon Carter
subject_type: child
note_type: statutory visit
contact_date: 2026-11-18
---
Statutory visit to Leon (12) at his foster home. I saw Leon alone in his room. Leon told me he wants to join the football club.
I emailed the chronology to the school's DSL.
""", [("sharing.missing-consent-basis", 8, 3), ("sharing.missing-purpose", 8, 3),
      ("sharing.person-not-informed", 8, 3), ("sharing.receipt-not-confirmed", 8, 3)]),
    "a photo sent to my manager: only the channel is a problem": ("""\
---
subject: Amy Patel
subject_type: child
note_type: telephone call - school
contact_date: 2026-11-18
---
The school rang about a small burn on Amy's hand. I sent a photo of the burn to my manager on WhatsApp to get a quick view. My manager replied that it looks consistent with the account.
""", [("sharing.insecure-channel", 7, 95)]),
    "care given to a resident is not information given": ("""\
---
subject_type: adult
note_type: care home daily record
contact_date: 2026-11-20
---
08:30 Personal care given to Margaret. Breakfast eaten.
12:30 Lunch eaten in the dining room. Fluids encouraged.
16:00 Margaret sat in the lounge all afternoon watching television.
""", [("voice.missing-voice", 6, 1)]),
    "the missing from care procedure is the reason and the basis": ("""\
---
subject: Tyler Brooks
subject_type: child
note_type: incident record
contact_date: 2026-11-18
---
Tyler did not return to his foster home by 9pm, his agreed time. Missing from care procedure followed and police informed by phone at 21:20. Tyler returned at 23:05 and told me he had been at his friend's house.
""", []),
    "details given to the caller in her own call were heard": ("""\
---
subject: Mrs Okafor
subject_type: adult
note_type: telephone call
contact_date: 2026-11-18
---
Ms Blake, discharge coordinator on Ward 7, rang me at 11:00 about Mrs Okafor's discharge tomorrow. I gave Ms Blake the details of the care package so that the ward can book transport. Mrs Okafor agreed to this when I saw her on Monday and said "I just want to go home."
""", []),
    "a referral emailed to MASH still needs its receipt": ("""\
---
subject: Ruby Shaw
subject_type: child
note_type: MASH screening
contact_date: 2026-11-18
---
I sent a referral to the MASH by email because Ruby told her teacher that Dad hit her. Mum consented and knows I have made the referral.
""", [("sharing.receipt-not-confirmed", 7, 3)]),
    "a text to the young person herself shares nothing about her": ("""\
Phone call with Demi Walsh (18).

Demi rang me because her payment has been cut. She said, "I've got £11 to last me till the 24th."

I agreed to:
- put £20 on her electric key today (done, 5.50pm, text confirmation sent to Demi)
""", []),
    "the safety plan given to Mum, named as Lisa, is telling the family": ("""\
---
subject: Ava Brown
subject_type: child
note_type: child in need visit
contact_date: 2026-11-20
---
Home visit to Ava (11) and her mum, Lisa. I spent 20 minutes with Ava alone in her bedroom. Ava told me she has made a new friend.
I shared the safety plan with Lisa and gave her a copy.
""", []),
    "consent given in plain words before telling the exploitation lead": ("""\
---
subject: Tyrell Evans
subject_type: child
note_type: youth justice session
contact_date: 2026-11-20
---
Session with Tyrell (16) at the YOT office, just the two of us. Tyrell said the older boys want him to hold stuff for them.
I told Tyrell I would need to pass this on to the exploitation lead so that she can plan his safety, and he said that was okay. I told Jo Green, exploitation lead, by phone at 16:30.
""", []),
    "a note-style referral to a club still needs its receipt": ("""\
---
subject: Mr Peter Okoro
subject_type: adult
note_type: telephone call
contact_date: 2026-11-20
---
I phoned Mr Okoro. He told me he is lonely. Referred Mr Okoro to the lunch club with his agreement so he can meet people.
""", [("sharing.receipt-not-confirmed", 7, 45)]),
    "care and a joke shared are not information": ("""\
---
subject: Harold Briggs
subject_type: adult
note_type: care home daily record
contact_date: 2026-11-20
---
08:00 Gave Harold his medication at 8am. He said, "Thank you, love."
14:00 Harold and I shared a joke with the activities coordinator. I shared a cup of tea with his daughter.
""", []),
    # ---- voice ----------------------------------------------------------------------
    "a care home record that quotes the resident has her voice": ("""\
---
subject_type: adult
note_type: care home daily record
contact_date: 2026-11-20
---
08:30 Supported Margaret to wash and dress. "I'd like the blue cardigan today, love."
10:15 "Not now, I'm watching my programme." Margaret declined her bath, offered again at 14:00 and accepted.
12:30 Ate all of her fish pie and a yoghurt in the dining room.
""", []),
    "a quote on a line with a carer's words is not the resident's": ("""\
---
subject_type: adult
note_type: care home daily record
contact_date: 2026-11-20
---
08:30 Personal care given to Margaret.
10:15 Margaret's carer Julie said "She has been quiet all morning."
""", [("voice.missing-voice", 6, 1)]),
    "a letter written to the child is full of her voice": ("""\
---
subject: Amira
subject_type: child
note_type: direct work session
contact_date: 2026-11-18
---
Dear Amira,

Thank you for meeting me at school today. You told me you like living with Sue and Pete and that you want to stay there. You said you miss your brother.
""", []),
    "in a letter to the child, what she said is not the writer's vague wording": ("""\
---
subject: Amira
subject_type: child
note_type: direct work session
contact_date: 2026-11-18
---
Dear Amira,

You told me you worry a lot about your brother and that you sometimes cry at night. Your carers often take you to the park.
""", [("clarity.vague-quantity", 9, 97)]),
    "a letter to the child with none of her words still lacks her voice": ("""\
---
subject: Amira
subject_type: child
note_type: direct work session
contact_date: 2026-11-18
---
Dear Amira,

I met your carers Sue and Pete today. Your review is on 3 December at 4pm.
""", [("voice.missing-voice", 7, 1)]),
    "a letter under a title, with no metadata, is to the child its salutation names": ("""\
Letter to Zara Bell, written 24 November 2026 after my visit on 23 November 2026

Dear Zara,

Thank you for showing me Biscuit the rabbit. Biscuit is very fluffy and Biscuit likes carrots.
You told me you like your new school and that you miss your dad.
""", []),
    "a title, then 'Dear Zara,' and none of her words, still lacks her voice": ("""\
Letter to Zara Bell, written 24 November 2026 after my visit on 23 November 2026

Dear Zara,

Thank you for showing me Biscuit the rabbit. Biscuit is very fluffy and Biscuit likes carrots.
""", [("voice.missing-voice", 1, 1)]),
    "a phone call with the parent only is not a contact with the child": ("""\
---
subject: Jamie Clarke
subject_type: child
note_type: telephone call
contact_date: 2026-11-18
---
I phoned Mum to talk about Jamie's school attendance. Mum said Jamie has been ill with tonsillitis and has seen the GP.
""", []),
    "a visit that sees only the parent lacks the child's voice": ("""\
---
subject: Jamie Clarke
subject_type: child
note_type: home visit
contact_date: 2026-11-18
---
Home visit. I spoke with Mum in the kitchen for an hour. Mum said Jamie has been sleeping better and is eating well.
""", [("voice.missing-voice", 7, 1), ("voice.not-seen-alone", 7, 1),
      ("clarity.vague-phrase", 7, 105)]),  # "eating well": eating what? (clarity, round 8)
    "an adult given her age is not asked whether she was seen alone": ("""\
---
subject: Leanne Price
note_type: home visit
contact_date: 2026-11-18
---
Home visit to Leanne Price (34) following her discharge from the ward. Leanne told me she is sleeping better and wants to return to work part-time.
""", []),
    "a toddler is not asked whether she was seen alone": ("""\
---
subject: Ruby
note_type: home visit
contact_date: 2026-11-18
---
Home visit to Ruby (2) and her father. Ruby showed me her toy farm and laughed when the cow mooed.
""", []),
    "a visit to the foster carers while the child was at school": ("""\
---
subject: Noah Price
subject_type: child
note_type: supervising social worker visit
contact_date: 2026-11-20
---
Supervising visit to foster carers Jan and Phil Morris. Noah (9) was at school during the visit.
Jan said Noah has settled well. Noah told Jan on Sunday that he likes his new bedroom.
""", [("clarity.vague-phrase", 8, 19)]),  # "settled well": the carers' summary (clarity, round 8)
    "a child of eight is": ("""\
---
subject: Kayden
subject_type: child
note_type: home visit
contact_date: 2026-11-18
---
Home visit to Kayden (8) and his mum. Kayden showed me his new football boots and said he scored twice on Saturday.
""", [("voice.not-seen-alone", 7, 1)]),
    "a visit whose header gives a child's age asks whether he was seen alone": ("""\
LAC Statutory Visit
Child: Leon Mbatha (12)  |  Carers: Mr and Mrs Greaves
Date of visit: 06/11/2026

Visit to Leon at his foster home. Leon told me he likes his new school.
""", [("voice.not-seen-alone", 1, 1)]),
    "a visit whose header gives an adult's age does not": ("""\
Home Visit
Person: Dennis Hall (82)  |  Worker: Sam Reid
Date of visit: 06/11/2026

Visit to Dennis at home. Dennis told me he is managing the stairs.
""", []),
    "no one named: a sentence-opening word is not the person": ("""\
---
note_type: home visit
subject_type: adult
contact_date: 2026-11-18
---
Visited the flat at 2pm with the housing officer. Info from the neighbour is that the tenant has not been seen for a week. Spoke through the letterbox; no answer.
""", []),
    # ---- Think Family ---------------------------------------------------------------
    "the children and where they were are recorded": ("""\
---
subject: Kerry Lane
subject_type: adult
note_type: home visit
contact_date: 2026-11-18
---
Home visit. Kerry's sons, Riley (6) and Mason (4), were at their nan's for the night. Kerry told me she drank a bottle of vodka yesterday and wants help to stop.
""", []),
    "the children named and nothing said of them": ("""\
---
subject: Kerry Lane
subject_type: adult
note_type: home visit
contact_date: 2026-11-18
---
Home visit. Kerry has two sons, Riley (6) and Mason (4). Kerry told me she drank a bottle of vodka yesterday and wants help to stop.
""", [("holistic.think-family", 7, 94)]),
    "energy drinks are not alcohol": ("""\
---
subject: Owen Price
subject_type: adult
note_type: supported living daily record
contact_date: 2026-11-18
---
Owen bought two cans of Monster at the shop. He told me he wants to cut down on energy drinks and fizzy drinks.
""", []),
    "domestic abuse told in plain words, no household": ("""\
---
subject: Sadia Khan
subject_type: adult
note_type: home visit
contact_date: 2026-11-18
---
Home visit. Sadia told me her husband slapped her on Saturday and that she is frightened of him.
""", [("holistic.think-family", 7, 39)]),
    "pushing a resident's wheelchair is care, not abuse": ("""\
---
subject: Harold Briggs
subject_type: adult
note_type: care home daily record
contact_date: 2026-11-18
---
14:00 I pushed Harold in his wheelchair to the garden. He told me he likes the roses.
""", []),
    # ---- clarity --------------------------------------------------------------------
    "a vague word inside an exact phrase": ("""\
---
subject: Abbie Moss
subject_type: adult
note_type: home visit
contact_date: 2026-11-18
---
Home visit. Abbie picked Oscar up within a few seconds of him crying. Oscar will stay with his nan all day Saturday. Abbie told me she feels more confident.
""", []),
    "a vague amount": ("""\
---
subject: Abbie Moss
subject_type: adult
note_type: home visit
contact_date: 2026-11-18
---
Home visit. Abbie told me she feels more confident. Oscar cries a lot at night and Dad often shouts at him.
""", [("clarity.vague-quantity", 7, 65), ("clarity.vague-quantity", 7, 88)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_false_flag_classes_and_the_real_problems_beside_them(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == expected


JARGON_CASES = {
    # An acronym with more than one meaning, spelled out by the writer in the meaning they
    # use (a care leaver's personal adviser, not an adult's personal assistant), is defined;
    # the same acronym not spelled out is still flagged.
    "an acronym the writer spells out in their own meaning": ("""\
---
subject: Shannon Tierney
subject_type: child
note_type: personal adviser visit
contact_date: 2026-11-18
---
I am Shannon's personal adviser (PA). I visited her flat today and she showed me round.
Her IRO (independent reviewing officer) will chair the review.
""", []),
    "the same acronym not spelled out": ("""\
---
subject: Shannon Tierney
subject_type: child
note_type: personal adviser visit
contact_date: 2026-11-18
---
I visited Shannon's flat today with her PA and she showed me round.
Her IRO will chair the review, she said (in person).
""", [("jargon.undefined-acronym", 7, 41), ("jargon.undefined-acronym", 8, 5)]),
    # A wordy phrase made of everyday words is plain enough; official words are not.
    "wordy phrases of everyday words are not jargon": ("""\
---
subject: Poppy Lane
subject_type: child
note_type: home visit
contact_date: 2026-11-18
---
I visited Poppy at home in relation to the school's worry. Mum has notified the school that Poppy sees her dad on a weekly basis, for the purpose of keeping in touch.
""", []),
    "official words beside them still are": ("""\
---
subject: Poppy Lane
subject_type: child
note_type: home visit
contact_date: 2026-11-18
---
I visited Poppy at home to ascertain the school's worry. Mum will facilitate contact with her dad on a weekly basis.
""", [("jargon.formal-word", 7, 28), ("jargon.formal-word", 7, 67)]),
}


@pytest.mark.parametrize("name", list(JARGON_CASES))
def test_jargon_false_flag_classes_and_the_real_problems_beside_them(linter, name):
    text, expected = JARGON_CASES[name]
    parsed = linter.parse(parse_text("note.md", text))
    assert [(d.rule, d.line, d.column) for d in linter.check(parsed)
            if d.rule.startswith("jargon.")] == expected
