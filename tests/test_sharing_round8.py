"""Records of sharing as a fourth blind writer put them (tests/dev-sharing4): each class
below was missed or wrongly flagged before; the notes here are invented for these tests."""

from __future__ import annotations

import pytest

from notecheck.api import check_text

CONSENT, PURPOSE, TOLD = "sharing.missing-consent-basis", "sharing.missing-purpose", "sharing.person-not-informed"


def sharing(body: str, subject_type: str) -> list[tuple[str, int, int]]:
    meta = {"subject": "Test Person", "subject_type": subject_type, "note_type": "visit",
            "contact_date": "2026-11-20", "recorded_date": "2026-11-20"}
    return [(d.rule, d.line, d.column) for d in check_text(body, meta, today="2026-11-25")
            if d.category == "sharing"]


ALL3 = (CONSENT, PURPOSE, TOLD)


def at(line: int, column: int, rules=ALL3) -> list[tuple[str, int, int]]:
    return [(rule, line, column) for rule in rules]


@pytest.mark.parametrize("body, subject_type, expected", [
    # "her" stands for the professional named earlier in the sentence (the parser also gives
    # "emailed" her as a second subject).
    pytest.param("Ms Hale, the SENCo at Oak Primary, asked for the report, so I emailed her the full assessment.",
                 "child", at(1, 63), marks=pytest.mark.xfail(strict=True, reason="round 10's retrained classifier: reads 'asked for the report' as the purpose (0.93)")),
    # "him" stands for the one rung, named with his role.
    ("I rang Mr Grant, Jamie's class teacher, and filled him in on what Mum had told me.",
     "child", at(1, 45)),
    # "her" after "told" read by the parser as a possessive; she is the coach just named.
    ("The neighbour who had let us into the building asked what was going on, and I told her "
     "Test was being taken to hospital.", "adult", at(1, 79)),
    # A telling that a call the writer made was for.
    ("10:20 rang the manager of the leisure centre, Ms Dunn, to explain Jamie would be away for a month.",
     "child", at(1, 59)),
    # A note-style passive whose subject says where it is.
    ("Landlord at Park Road made aware of Mum's arrears.", "child", at(1, 23, (CONSENT, PURPOSE))),
    # Shorthand: a referral done.
    ("Referral done to CAMHS.", "child", at(1, 1)),
    # An adult's relative who rang, then spoken with ("with her").
    ("His daughter Kim rang the office, worried about him. Discussed Test with her on the phone.",
     "adult", at(1, 54)),
    # Posted.
    ("A copy of the review was posted to her brother at his home address.", "adult", at(1, 26)),
    # Handed over to a care home.
    ("Discharge summary and the care plan handed over to the care home at the door.", "adult", at(1, 37)),
])
def test_sharing_written_in_new_ways_is_read(body, subject_type, expected):
    assert sharing(body, subject_type) == expected


@pytest.mark.parametrize("body, subject_type", [
    # "her" with no role named for her: maybe the family.
    ("I rang Lisa and told her about the bruise.", "child"),
    # A call planned, or only tried.
    ("I will ring the school to tell them about the bruise.", "child"),
    ("Mum agreed I could tell the school. I tried to ring the school to explain Jamie's absence.", "child"),
    # What the writer asked the recipient for is the purpose.
    ("I phoned Dr Shah at the surgery. I told her about the falls and asked for a medication review. "
     "Test agreed to this and knows I rang.", "adult"),
    # The go-ahead with its verb left out, in a letter to the person.
    ("I phoned Mr Fox, your tutor, and told him only what you said I could: that you are unwell. "
     "I did this so that he can plan your catch-up.", "adult"),
    # The next shift of a home's own staff, by its time of day.
    ("18:00 At handover I passed on to the evening staff, Dev and Sam, what Test had said about school.",
     "child"),
    # The body's doing in a care log, not information passed on.
    ("05:40 Awake and asked for the toilet. Assisted with the frame. Passed urine. Back to bed.", "adult"),
    # Sent to someone's mailbox: she received it.
    ("Test agreed that I could give Cerys Pryce, reablement coordinator, her care needs so the "
     "carers know what to do.\nSent as agreed at 11:20, NHSmail to Cerys's NHSmail account.\n"
     "Cerys rang at 11:45 to say she had it. I told Test what had been sent.", "adult"),
    # Telling the person that it arrived is telling them about the sharing.
    ("Mum signed the consent form for me to share the diary with the GP.\n"
     "I sent the diary to Dr Helen Osgood at the surgery by secure email so that she can refer Test to the sleep clinic.\n"
     "I phoned Mum at 15:30 to tell her it had been received.", "child"),
])
def test_what_is_not_an_incomplete_record_passes(body, subject_type):
    assert sharing(body, subject_type) == []


@pytest.mark.parametrize("body, subject_type, expected", [
    # Why the paediatrician was told, and Mum's agreement to it, are not why the GP was.
    ("I rang Dr Shah, on-call paediatrician, and gave her Test's account so she could do a medical; "
     "Mum agreed to this.\nThe GP and the health visitor have been made aware.",
     "child", at(2, 41, (CONSENT, PURPOSE))),
    # Agreement to one referral is not agreement to copying in the GP.
    ("Test agreed that I refer her to the carers' centre for their sitting service. I made the "
     "referral and told Test it had gone.\nI also copied her GP in on the assessment because of her back.",
     "adult", at(2, 8, (CONSENT,))),
])
def test_each_recipient_is_answered_on_its_own(body, subject_type, expected):
    assert sharing(body, subject_type) == expected


@pytest.mark.parametrize("body, subject_type", [
    # An adult's next of kin told: the whole note answers, as before; and agreement given
    # beside a record, not in what its verb says, answers every record.
    ("I phoned his son, with Test's agreement, and told him about the fall.\n"
     "I sent a referral to the falls team so they can assess him.", "adult"),
    # The person among those told what was sent: their telling, not another record.
    ("Mum said, \"Yes, you can tell the doctors.\" I emailed Ann Cole, practice nurse at Hill Surgery, "
     "so the surgery can register Test.\nI told Test and Mrs Ade what I had sent.", "child"),
    # "Mum, Kerry Tolliver," names the mother: giving Kerry a copy is telling the family.
    ("Mum, Kerry Tolliver, asked me for a letter to support her housing application, and signed our "
     "consent form.\nI sent the letter to Mr Ware, housing officer, by secure email.\n"
     "I gave Kerry a printed copy of the letter.", "child"),
])
def test_what_one_record_answers_for_all_still_passes(body, subject_type):
    assert sharing(body, subject_type) == []


@pytest.mark.parametrize("body, subject_type, expected", [
    # Permission to contact one named person is not consent to tell the landlord.
    ("Test said he left his flat because of the noise.\n"
     "Test gave me permission in writing to contact Joyce Ansah, his care coordinator.\n"
     "Landlord at Mill Lane made aware of his mental health when he rang for a reference.",
     "adult", at(3, 23, (CONSENT,))),
    # A procedure named in a plan to talk to the writer's own manager is not why the
    # referral went.
    ("Test agreed to a smoke alarm being fitted and knows about the referral.\n"
     "Referral done to environmental health, full details given.\n"
     "Next: discuss with my manager whether a meeting is needed under the self-neglect procedure.",
     "adult", at(2, 1, (PURPOSE,)) + [("sharing.missing-recipient", 2, 1)]),
])
def test_what_is_agreed_for_someone_else_does_not_answer(body, subject_type, expected):
    assert sharing(body, subject_type) == expected


@pytest.mark.parametrize("body, subject_type", [
    # The same act: agreed as a referral to the service, made to a named worker there.
    ("Test agreed to me referring her to Wrenfield Domestic Abuse Service. I made the referral by "
     "phone at 13:30 to Chloe Dunne so she can call Test safely.", "adult"),
    # The same recipient under another name: "her college" and "Thornley College".
    ("Test gave her consent for me to tell her college about the move. I phoned Mr Adeyemi, her "
     "tutor at Thornley College, and told him about the move so he can allow for late arrivals. "
     "Test knows I made the call.", "adult"),
])
def test_what_is_agreed_for_the_same_recipient_answers(body, subject_type):
    assert sharing(body, subject_type) == []


@pytest.mark.parametrize("body, expected", [
    # What the writer asked the recipient for is why; what someone else asked for is not.
    ("I emailed Ms Greer, solicitor at Legal Services, about the court timetable and asked for a "
     "legal planning review.", at(1, 3, (CONSENT, TOLD))),
    ("I emailed Ms Greer, solicitor at Legal Services, about the court timetable. The guardian has "
     "asked for the sibling assessment.", at(1, 3)),
])
def test_asking_for_a_review_is_the_writers_purpose(body, expected):
    assert sharing(body, "child") == expected
