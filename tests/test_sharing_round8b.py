"""Records of sharing as a fifth blind writer put them (tests/dev-sharing5): each class
below was wrongly flagged or missed before; the notes here are invented for these tests."""

from __future__ import annotations

import pytest

from notecheck.api import check_text

CONSENT, PURPOSE, TOLD = "sharing.missing-consent-basis", "sharing.missing-purpose", "sharing.person-not-informed"
RECIPIENT = "sharing.missing-recipient"


def sharing(body: str, subject_type: str, subject: str = "Test Person") -> list[tuple[str, int, int]]:
    meta = {"subject": subject, "subject_type": subject_type, "note_type": "visit",
            "contact_date": "2026-11-20", "recorded_date": "2026-11-20"}
    return [(d.rule, d.line, d.column) for d in check_text(body, meta, today="2026-11-25")
            if d.category == "sharing"]


@pytest.mark.parametrize("body, subject_type, subject", [
    # An amount of a thing shared is the thing: tea, not information.
    ("16:00 Shared a pot of tea with Test and Mrs Ada Frost in the lounge.", "adult", "Test Person"),
    ("I shared a plate of biscuits with Mr Khan, his neighbour.", "adult", "Test Person"),
    # "our team's occupational therapist": someone in the writer's own service.
    ("Kim told me Graham had two seizures. I discussed this with my team manager and I shared Kim's "
     "account and Graham's words, and we agreed I would visit him tomorrow with our team's occupational "
     "therapist, Naveed Iqbal.", "adult", "Test Person"),
    # Passed on through the service's own record system.
    ("I forwarded Kim's written account to Naveed through our case record system, so he could read it.",
     "adult", "Test Person"),
    # Agreement with when it was given between "agreed" and its clause.
    ("Sent 16:05 via the council's secure email to Mr Daniel Foyle, designated safeguarding lead at the "
     "school, so that school can support Zara at lunch.\nDear Mr Foyle,\nI am writing with the parts of the plan that school is part of. Zara's mum, Mrs Okonjo-Hale, agreed at the meeting "
     "that I send you this, and has seen this email before I sent it.", "child", "Zara Hale"),
    # Done at the person's request is why it was done.
    ("At her request, and with her signed consent, I sent a closure letter to the GP by secure email. "
     "She has a copy.", "adult", "Test Person"),
    # The person by the short name the note uses, introduced with an age: telling him.
    ("Frank (77) has dementia and lacks capacity for this decision. In his best interests, I rang the "
     "bank's fraud team on their published number and gave his name and the pattern of withdrawals, so "
     "they could protect the account. I told Frank in simple words that I had asked his bank to help "
     "keep his money safe.", "adult", "Francis Mellor"),
    # "her" is the one the sentence before rang; the bare "Shared under ..." restates that record.
    ("11:20 Rang Mrs Ghale, DSL at the school. Told her about the incident.\n"
     "Why: so school can watch for Harley being upset.\n"
     "No consent sought from mum: it could raise the risk to her. Shared under the safeguarding duty, "
     "without consent.\nMum to be told tomorrow, once safe to do so.", "child", "Harley Voss"),
])
def test_complete_or_not_sharing_passes(body, subject_type, subject):
    assert sharing(body, subject_type, subject) == []


def test_shared_after_a_refusal_needs_its_reason():
    body = ("Chloe said she did not want the health visitor told about her low mood.\n"
            "Later, by phone, I updated Tommy's health visitor, Marian Cole, on everything, "
            "so she can increase her visits.")
    assert sharing(body, "child", "Tommy Garside") == [(CONSENT, 2, 20)]


def test_shared_after_a_refusal_with_its_basis_passes():
    body = ("Chloe (22) said she did not want the health visitor told about her low mood.\n"
            "Because of the risk of significant harm to Tommy, I updated Tommy's health visitor, Marian Cole, "
            "without consent (UK GDPR public task), so she can increase her visits. I told Chloe I had done this.")
    assert sharing(body, "child", "Tommy Garside") == []


def test_a_decision_not_to_share_needs_its_reason():
    body = "Call from Mr Price, head of year at the school.\nI told him I couldn't share anything with him."
    assert sharing(body, "child", "Amber Lis") == [(PURPOSE, 2, 12)]
    body = ("Call from Mr Price, head of year at the school.\nI told him I couldn't share anything with him, "
            "because Dad has not agreed to it.")
    assert sharing(body, "child", "Amber Lis") == []


def test_an_attachment_file_name_that_names_the_person_is_flagged():
    body = ('Emailed the capacity assessment to the bank via the council\'s secure email, so they can stop '
            'the cheques, as an attachment called "Harold Gee - Alzheimers - lacks capacity.docx". '
            'Harold agreed to this and knows I sent it.')
    assert [("sharing.insecure-channel", 1, 113)] == sharing(body, "adult", "Harold Gee")
    body = ('Emailed the capacity assessment to the bank via the council\'s secure email, so they can stop '
            'the cheques, as an attachment called "CA-20981.docx". Harold agreed to this and knows I sent it.')
    assert sharing(body, "adult", "Harold Gee") == []


def test_agreement_to_a_referral_to_one_service_is_not_for_another():
    body = ("Lorna (39) agreed to a referral to the IDVA service.\n"
            "Made a referral to the multi-agency risk assessment conference (MARAC), giving the risk "
            "checklist, so the agencies can make a safety plan.\n"
            "Referral to the IDVA service sent with Lorna's consent; IDVA Gemma Holt will ring her.")
    assert sharing(body, "adult", "Lorna Pike") == [(CONSENT, 2, 8), (TOLD, 2, 8)]


def test_case_details_left_on_an_answerphone_are_flagged():
    body = ("Cyril agreed I could ring the nurses for him.\n"
            "11:15 Rang the district nursing team. No answer, so I left a voicemail on their answerphone giving "
            "Cyril's full name, address and that his dressing is leaking, and asked them to visit today.")
    assert ("sharing.insecure-channel", 2, 62) in sharing(body, "adult", "Cyril Oakes")
    body = ("Cyril agreed I could ring the nurses for him.\n"
            "11:15 Rang the district nursing team and left a voicemail asking them to call me back; "
            "no personal details left.")
    assert not [f for f in sharing(body, "adult", "Cyril Oakes") if f[0] == "sharing.insecure-channel"]
