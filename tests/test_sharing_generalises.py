"""Records of sharing as writers put them, found on new writing (tests/dev-sharing1, written
blind to the rules): each class below failed before, on notes invented for these tests."""

from __future__ import annotations

import pytest

from notecheck.api import check_text


def sharing(body: str, subject_type: str, note_type: str = "visit", **options) -> list[tuple[str, int, int]]:
    meta = {"subject": "Test Person", "subject_type": subject_type, "note_type": note_type,
            "contact_date": "2026-11-20", "recorded_date": "2026-11-20"}
    return [(d.rule, d.line, d.column) for d in check_text(body, meta, today="2026-11-25", **options)
            if d.category == "sharing"]


@pytest.mark.parametrize("body, subject_type, expected", [
    # A note-style opening verb ("Rang", tagged as a name) and "let her know" after it.
    ("Rang the school nurse after the visit and let her know about the rash on Kyle's arms.",
     "child", [("sharing.missing-consent-basis", 1, 43), ("sharing.missing-purpose", 1, 43)]),
    # "Let" is its own past: with a past clause it is a record, not an instruction.
    ("Mrs Rowe slipped in the lounge at 08:10; no injury seen.\n"
     "Let her son know about the slip when he rang at 11:00.",
     "adult", [("sharing.missing-consent-basis", 2, 1), ("sharing.missing-purpose", 2, 1)]),
    # What was given on a call goes to whom the writer had just rung.
    ("Mr Lane did not answer the door today.\n"
     "I rang the police at 15:10 and asked for a welfare check. "
     "I gave his name, his address and the message he sent his sister.",
     "adult", [("sharing.missing-consent-basis", 2, 61), ("sharing.missing-purpose", 2, 61),
               ("sharing.person-not-informed", 2, 61)]),
    # A conversation about the person with another agency.
    ("Sheila was drowsy and her urine was dark.\n"
     "Discussed Sheila's drowsiness with the district nurse at 09:00.",
     "adult", [("sharing.missing-consent-basis", 2, 1), ("sharing.missing-purpose", 2, 1),
               ("sharing.person-not-informed", 2, 1)]),
])
def test_records_of_sharing_in_other_words_are_read(body, subject_type, expected):
    assert sharing(body, subject_type) == expected


@pytest.mark.parametrize("body, subject_type", [
    # An instruction: the clause is not past.
    ("Mrs Rowe slipped in the lounge at 08:10; no injury seen.\n"
     "Let her son know about the slip when he rings.", "adult"),
    # Nothing was shared.
    ("I spoke to the housing officer about the repairs only, with Mr Dale's agreement. "
     "Nothing about his health was shared.", "adult"),
    # A handover inside the writer's own team.
    ("Neighbour rang with worries about Mr Finch's heating.\n"
     "Passed to the duty social worker in our team at 10:40 for screening.", "adult"),
    # Talking with the foster carers about the child; a consultation that names nothing.
    ("Supervising visit to Mr and Mrs Hale.\n"
     "We discussed Mason, who has lived with them since August, and his new school.", "adult"),
    ("Will raise at allocations as discussed with TM. "
     "Discussed with Dr Obi (consultant), who will review in clinic.", "child"),
    # The person's own wish that the other agency know is their consent.
    ("Ellie said she wanted her teacher, Mr Sands, to know that loud bangs scare her.\n"
     "I emailed Mr Sands, class teacher at Ferndale Primary, by secure email so he can sit "
     "her away from the door, and he replied that he had read it. I told Ellie I had sent it.",
     "child"),
])
def test_what_is_not_an_incomplete_record_is_left_alone(body, subject_type):
    assert sharing(body, subject_type) == []


SAID_AT_A_MEETING = ("I shared with DC Amy Webb, police child abuse investigation team, Lily's "
                     "account of the slap, with Mum's consent, so that the police can plan an "
                     "interview. I told Lily what I had shared.")


def test_what_was_shared_at_a_meeting_or_on_a_call_was_heard():
    """With the receipt rule selected (it is off by default)."""
    receipt = {"select": ["sharing.receipt-not-confirmed"]}
    assert sharing(SAID_AT_A_MEETING, "child", "strategy discussion", **receipt) == []
    assert sharing(SAID_AT_A_MEETING, "child", "telephone call with police", **receipt) == []
    # Not at a meeting: the note does not say it reached her.
    assert sharing(SAID_AT_A_MEETING, "child", "home visit", **receipt) == [
        ("sharing.receipt-not-confirmed", 1, 3)]


def test_receipt_is_not_asked_for_by_default():
    assert sharing(SAID_AT_A_MEETING, "child", "home visit") == []


def test_how_much_of_a_recorded_sharing_went_is_not_another_record():
    body = ("Strategy discussion with the police and health this morning.\n"
            "This was shared without the parents' consent because asking them could put Ruby at "
            "risk. Only information relevant to the slap was shared.")
    meta = {"subject": "Ruby Test", "subject_type": "child", "note_type": "strategy discussion"}
    assert [d.rule for d in check_text(body, meta) if d.category == "sharing"] == []
