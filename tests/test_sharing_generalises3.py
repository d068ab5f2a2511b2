"""Records of sharing as a third blind writer put them (tests/dev-sharing3): each class
below was missed or wrongly flagged before; the notes here are invented for these tests."""

from __future__ import annotations

import pytest

from notecheck.api import check_text

CONSENT, PURPOSE, TOLD = "sharing.missing-consent-basis", "sharing.missing-purpose", "sharing.person-not-informed"
RECIPIENT, CHANNEL = "sharing.missing-recipient", "sharing.insecure-channel"


def sharing(body: str, subject_type: str) -> list[tuple[str, int, int]]:
    meta = {"subject": "Test Person", "subject_type": subject_type, "note_type": "visit",
            "contact_date": "2026-11-20", "recorded_date": "2026-11-20"}
    return [(d.rule, d.line, d.column) for d in check_text(body, meta, today="2026-11-25")
            if d.category == "sharing"]


@pytest.mark.parametrize("body, subject_type, expected", [
    # A time before a note-style verb is not its subject.
    ("Test said school had been hard this week.\n"
     "14:05 Sent the referral to Ms Ann Lowe, designated safeguarding lead at Hill Primary.",
     "child", [(CONSENT, 2, 7), (PURPOSE, 2, 7), (TOLD, 2, 7)]),
    # Informal telling of someone in the person's life: a coach, filled in.
    ("Had a chat with her swimming coach after the session and filled him in on the court case.",
     "child", [(CONSENT, 1, 58), (PURPOSE, 1, 58), (TOLD, 1, 58)]),
    # Note-style "made aware" with two agencies, one named by a word the list lacks.
    ("Two men called at the door again asking for money.\n"
     "The fire brigade and the police made aware of the callers.",
     "adult", [(CONSENT, 2, 33), (PURPOSE, 2, 33)]),
    # The manager of the organisation rung, not the writer's own manager.
    ("Test has nowhere to stay tonight.\n"
     "Phoned Oakfield Hostel and gave the manager her full history, including her convictions.",
     "adult", [(CONSENT, 2, 28), (PURPOSE, 2, 28), (TOLD, 2, 28)]),
    # What was outlined on a call went to whom the writer rang.
    ("There are six cash withdrawals Test cannot explain.\n"
     "I phoned the bank's fraud team and outlined our worries about the withdrawals.",
     "adult", [(CONSENT, 2, 36), (PURPOSE, 2, 36), (TOLD, 2, 36)]),
    # A chronology's shorthand: "SW shared ... w/ HV".
    ("12/11/2026 - SW shared strategy minutes w/ HV + school re neglect.",
     "child", [(CONSENT, 1, 17), (PURPOSE, 1, 17), (TOLD, 1, 17)]),
    # A subject line that names the person.
    ("Test fell on Sunday. I told her I would tell her GP and she agreed, so the GP can review "
     "her tablets.\nEmailed the falls diary to her GP by secure email, subject line "
     "\"Test Person falls and bruising\".",
     "adult", [(CONSENT, 2, 1), (CHANNEL, 2, 52)]),
    # A handover to an outside provider.
    ("Test is ready to go home.\nHanded over to the reablement provider by phone.",
     "adult", [(CONSENT, 2, 1), (PURPOSE, 2, 1), (TOLD, 2, 1)]),
])
def test_sharing_written_in_new_ways_is_read(body, subject_type, expected):
    assert sharing(body, subject_type) == expected


@pytest.mark.parametrize("body, subject_type", [
    # Information coming in, forwarded by someone else.
    ("Police notification forwarded to the duty inbox by Sam Reid (business support). "
     "I will read it with my manager.", "child"),
    # A home's own staff at handover.
    ("Test went to bed at 21:30.\n"
     "Passed on to night staff at handover, 22:00. Handed over to day staff at 08:00.", "child"),
    # Advice to the one told, not information about the person.
    ("Test's landlord rang about the noise.\n"
     "I told the landlord he should write to Test directly about the noise.", "adult"),
    # An insecure channel someone asked for, and the writer refused.
    ("The childminder rang and asked me to WhatsApp her the plan, or send it to her Gmail, "
     "as she was out. I uploaded it to the secure portal instead.", "child"),
    # Done as the person asked, for what the recipient holds it.
    ("Test wanted her GP to have the review.\n"
     "I sent the review to Dr Baker at the surgery by secure email, as Test asked, for her care "
     "plan. Dr Baker's secretary confirmed receipt.", "adult"),
    # A subject line with a reference only.
    ("Test agreed to the referral so the GP can review her tablets and knows it has gone.\n"
     "Emailed the falls diary to her GP by secure email, subject line \"Ref 44721 falls diary\". "
     "The GP confirmed receipt.", "adult"),
    # The person handed back to their family.
    ("Back from the day centre on the minibus and handed over to her daughter at 16:00.", "adult"),
    # A go-ahead in the parent's own words.
    ("Test is worried about lunchtimes. Mum said, \"Go ahead, they should know.\" I told Test I "
     "would ring.\nI rang the school nurse, Ms Cole, and told her about the inhaler so she can "
     "help at lunch.", "child"),
    # A best interests decision for someone who lacks capacity.
    ("Test lacks capacity to decide about sharing her falls log; sharing it is in her best "
     "interests so that the GP can review her tablets. I told her in simple words.\n"
     "I emailed the falls log to Dr Baker at the surgery by secure email. Dr Baker replied to "
     "confirm receipt.", "adult"),
])
def test_what_is_not_an_incomplete_record_passes(body, subject_type):
    assert sharing(body, subject_type) == []
