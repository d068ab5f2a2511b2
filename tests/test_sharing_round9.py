"""Records of sharing as a sixth blind writer put them (tests/dev-sharing6): each class
below was missed or wrongly flagged before; the notes here are invented for these tests."""

from __future__ import annotations

import pytest

from notecheck.api import check_text

CONSENT, PURPOSE, TOLD = "sharing.missing-consent-basis", "sharing.missing-purpose", "sharing.person-not-informed"
RECIPIENT, CHANNEL = "sharing.missing-recipient", "sharing.insecure-channel"
ALL3 = (CONSENT, PURPOSE, TOLD)


def sharing(body: str, subject_type: str | None = None) -> list[tuple[str, int, int]]:
    meta = {"note_type": "visit", "contact_date": "2026-11-20", "recorded_date": "2026-11-20"}
    if subject_type:
        meta.update(subject="Test Person", subject_type=subject_type)
    return sorted((d.rule, d.line, d.column) for d in check_text(body, meta, today="2026-11-25")
                  if d.category == "sharing")


def at(line: int, column: int, rules=ALL3) -> list[tuple[str, int, int]]:
    return sorted((rule, line, column) for rule in rules)


@pytest.mark.parametrize("body, subject_type, expected", [
    # A recipient that names no one.
    ("Visited Ellis at home. Spoke to the relevant professionals afterwards and updated them on "
     "the situation at home.", "child", at(1, 75, (RECIPIENT, *ALL3))),
    pytest.param("Info shared with all agencies after the visit, so that they can support the family. Mum agreed "
                 "and knows.", "child", at(1, 6, (RECIPIENT, TOLD)),
                 marks=pytest.mark.xfail(strict=True, reason="round 10's retrained classifier: no longer reads 'Mum agreed and knows' as consent")),
    # A header, not metadata, says the note is about an adult: her son is a third party.
    pytest.param("ADULT SOCIAL CARE - Case note   Contact: 05/11/2026\n"
     "Adult: Rose Tanner (adult, 84)   Worker: Jo Bell, Social Worker\n"
     "She agreed to me speaking to her GP about her falls.\n"
     "I rang her son, Mark Tanner, and told him about the falls so that he could visit more often.",
     None, at(4, 34, (TOLD,)),
     marks=pytest.mark.xfail(strict=True, reason="round 10's retrained classifier: scores the consent to speak to her GP below 0.9")),
    # Consent given for something else: a look in her mouth, a niece being there.
    ("With her permission I looked in her mouth; two white patches on her tongue.\n"
     "Rang the GP surgery at 16:10 and passed on our concerns so that they can visit.",
     "adult", at(2, 34, (CONSENT, TOLD))),
    ("His niece was there at Test's request.\n"
     "I rang the fraud team at his bank and told them about the loan, and asked them to stop "
     "any large payments.", "adult", at(2, 39, (CONSENT, TOLD))),
    # A refusal in the person's own words, then the school told anyway.
    ("I asked Dad if I could speak to the school. Dad said no: \"I don't want the school thinking "
     "we're a problem family.\"\nRang the school's designated safeguarding lead and told her about "
     "the incident so that she can watch for changes.", "child", at(2, 52, (CONSENT,))),
    # The answer to someone who asked.
    ("The downstairs neighbour came up and asked what was going on. I explained that Test was being "
     "detained under the Mental Health Act because he was very unwell.", "adult",
     at(1, 65, (CONSENT, TOLD))),
    # Carried on a plural of an insecure channel.
    ("Secure email was down, so I saved the final report onto one of the spare memory sticks and "
     "handed it in at the court office. The clerk signed for it.", "child",
     at(1, 74, (CHANNEL,))),
    # The writer's own clause after a negated one.
    ("PC Adair needed the summary for the panel. The work laptop would not connect, so I texted her "
     "a photo of the summary from my own phone.", "child",
     sorted(at(1, 84, (CONSENT, TOLD)) + at(1, 84, (CHANNEL,)))),
    # A note-style call read into the subject.
    ("08:20 Rang daughter Karen and let her know about the fall and that there were red bills on "
     "the sideboard.", "adult",
     at(1, 31, (CONSENT, PURPOSE))),
    # An advocate is a recipient outside the service, named with her role.
    ("I emailed his assessment to his advocate, Jo Kerr at Voice Ability.", "adult", at(1, 3)),
])
def test_sharing_written_in_new_ways_is_read(body, subject_type, expected):
    assert sharing(body, subject_type) == expected


def test_a_saved_email_is_a_record_of_sharing_with_its_addressee():
    body = ("EMAIL - saved to case record   Sent: 19/11/2026 09:40\n"
            "Adult: Dennis Quay (adult, 58)   Worker: Nadia Fern, Social Worker\n"
            "To: Gail Morton, Tenancy Officer, Pellow Homes (secure email)\n"
            "Subject: Our ref ASC-30418\n"
            "Hi Gail,\n"
            "Mr Quay has agreed to me contacting you. He has a diagnosis of bipolar disorder.\n"
            "Happy to discuss.\n")
    assert sharing(body) == at(3, 5, (PURPOSE,))


def test_a_filled_sharing_template_is_a_record_and_a_blank_field_answers_nothing():
    body = ("MASH INFORMATION SHARE   Contact date: 10/11/2026\n"
            "Child: Jay Wells (14 months)   Officer: Sam Ridley, MASH practitioner\n"
            "Reason for contact: police notification following an argument at the home.\n"
            "Agency contacted: 0-19 health visiting service\n"
            "Information shared: household composition; two previous police call-outs.\n"
            "Consent:\n"
            "Parent informed:\n"
            "Outcome: passed to duty manager.\n")
    assert sharing(body) == at(5, 1, (CONSENT, TOLD))


@pytest.mark.parametrize("body, subject_type", [
    # Consent in the person's own words.
    ("I explained why his GP should know about the choking. Test said, \"Go on then, tell her.\"\n"
     "I rang Dr Flynn at the surgery and told her about the choking so that she can refer him. "
     "I rang Test afterwards to tell him I had spoken to Dr Flynn.", "adult"),
    ("I read back what I would send to the falls service. She said, \"Yes, that's everything, send it.\"\n"
     "Referral sent to the falls prevention service so that she can have exercises. I rang her to "
     "tell her it had gone.", "adult"),
    # Inside the service: a colleague named by role, then by name; a supervision conversation.
    ("I shared this with the waking night worker, Femi Lawal, at handover, so he can check on him.\n"
     "Test knows I have told Femi.", "child"),
    ("Discussed Test in supervision with my team manager, Lucy Barr. I shared the outcome of my "
     "visit on 20 November: her wish to stay in her flat.\nI passed Raj my visit notes through our "
     "case system.", "adult"),
    # A name with the word in it.
    ("Shared Lives scheme - Review visit\nTest has lived with his carers for two years.", "adult"),
    # A number saved on a phone, in what was shown.
    ("Test showed me WhatsApp messages on his phone from a number saved as \"Boss\", telling him to "
     "be at the station.", "child"),
    # A bare record after the sentence that said where it would go.
    ("Test and his mum agreed to me passing the messages to PC Dan Mirfield, so that the senders can "
     "be stopped. Test said, \"Just don't say it came from me.\"\nSent at 16:20 by secure email. "
     "PC Mirfield rang to say he had received it. Told Test it had gone.", "child"),
    # A message someone sent, passed on as case detail, is not the channel.
    ("I rang the police control room and asked for a welfare check, as his life may be at risk. "
     "I gave his name and address and the text to his sister. Lawful basis: vital interests. "
     "I told Test later what I had told the police.", "adult"),
    # A letter to the person: "With your agreement".
    ("Dear Test,\nWith your agreement I have sent a copy of this letter to your GP, Dr Farrant, so the "
     "surgery knows about your new care plan.", "adult"),
])
def test_complete_or_internal_sharing_is_not_flagged(body, subject_type):
    assert sharing(body, subject_type) == []


@pytest.mark.parametrize("body, subject_type, expected", [
    # Terse chronology lines the tagger misreads.
    ("His neighbour June texted my work mobile to ask how he was.\n09:20 Texted June back: \"He is on "
     "Ward 12 with a chest infection and the safeguarding enquiry has finished.\"", "adult",
     at(2, 7, (CONSENT, TOLD))),
    # A caller given a role, then "him".
    ("10:05 Call from Gareth Llewellyn, probation officer. Gareth asked whether this was the Test we "
     "support.\nI confirmed it was, and gave him her address and her support hours.", "adult",
     at(2, 3, (CONSENT, PURPOSE, TOLD))),
    # "He asked ... I confirmed": the officer who rang.
    ("14:35 PC Nathan Drury, Carrowby Police, rang. He is investigating a report about a phone.\n"
     "He asked whether we were involved. I confirmed Test is open to us on a child in need plan.",
     "child", at(2, 38, (CONSENT, PURPOSE, TOLD))),
    # Told to the one rung.
    ("13:00 Rang the DWP helpline and spoke to an adviser.\nExplained that Test has bipolar disorder "
     "and was in hospital, which is why she missed the appointment.", "adult", at(2, 1, (CONSENT, TOLD))),
])
def test_answers_to_callers_and_terse_lines_are_read(body, subject_type, expected):
    assert sharing(body, subject_type) == expected


def test_a_header_with_an_age_names_the_person_not_the_recipient_named_most():
    body = ("ADULT MENTAL HEALTH - ACTION NOTE   Date: 25/11/2026\n"
            "Nicola Farr (adult, 39)   Worker: Lewis Quarm, social worker\n"
            "14:20 Rang Abi Morton, tenancy officer. Abi asked what had been discussed.\n"
            "14:40 Forwarded Abi the MARAC minutes.\n"
            "Abi has put an alert on the tenancy file.\n")
    assert sharing(body) == at(4, 7, (CONSENT, PURPOSE, TOLD))


@pytest.mark.parametrize("body, subject_type", [
    # What the writer will do is not information about the person.
    ("14:05 Call from Mr Dennis Hobb, neighbour of Test. He said the curtains have been closed for two "
     "days.\nI thanked Mr Hobb and told him we would visit today.", "adult"),
    # A request, not a question: the asker is not the one told.
    ("Dr Okonjo, her consultant, asked for this because Test has been confused on the ward.\n"
     "I explained, using a written sheet, the two options being talked about.", "adult"),
    # The home's own manager and record system.
    ("19:40 Forwarded the details to Karen Pemberton, home manager, on the home's recording system.",
     "child"),
    # The way it did not go; her own email.
    ("She keeps her sister up to date by emailing her from her Hotmail every Sunday.\n"
     "She asked for her assessment to be posted to her rather than emailed.", "adult"),
    # A provider referred, and the person told of it.
    ("The former agency has been referred to the council's contracts team, and I explained this to him.",
     "adult"),
])
def test_plans_internal_steps_and_providers_are_not_flagged(body, subject_type):
    assert sharing(body, subject_type) == []
