"""Classes of false flag and miss fixed by design in the clarity, timeliness, sharing,
jargon and labelling rules, each beside the real problem the rule must still find. Real
notes in, exact findings out (rule, line, column), for those categories only."""

from __future__ import annotations

import pytest

from notecheck.engine import Linter
from notecheck.notes.text import parse_text
from notecheck.rules.loader import builtin_rules_dir, load_rules

CATEGORIES = ("clarity", "timeliness", "sharing", "jargon", "labelling")


@pytest.fixture(scope="module")
def linter():
    # Every default rule, and the receipt rule that is off by default, selected as an audit
    # that asks for receipt would select it.
    return Linter([r for r in load_rules([builtin_rules_dir()])
                   if r.enabled or r.id == "sharing.receipt-not-confirmed"])


def found(linter, text: str, name: str = "note.md") -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text(name, text))
    return sorted((d.rule, d.line, d.column) for d in linter.check(parsed)
                  if d.rule.split(".")[0] in CATEGORIES)


CASES = {
    # ---- timeliness: the two dates on a title line -------------------------------------
    "a title with the visit date and 'typed up' after a slash": ("""\
Home visit 02.11.2026 / typed up 16.11.2026
I visited Jo at home at 10am. Jo showed me the new bunk beds for the boys.
""", [("timeliness.late-recording", 1, 34)]),
    "a title with 'note written' after a dash": ("""\
Carer's assessment - visit 02/11/2026 - note written 03/11/2026
I visited Mr Hale at home at 10am. He showed me the rota he keeps for his wife's care.
""", []),
    "a title naming the note type before a dash, with 'typed'": ("""\
Supervision - 03/11/2026 - typed 20/11/2026
Discussed the Patel family. Agreed to book the family group conference by 30 November.
""", [("timeliness.late-recording", 1, 34)]),
    "a letter's title gives the visit date after the date it was written": ("""\
Letter to Mia Kovac, written 24 November 2026 after my visit on Monday 23 November 2026

Dear Mia,

You told me you like your new school and your teacher, Mr Shah.
""", []),
    "and a letter written a week after the visit is late": ("""\
Letter to Mia Kovac, written 30 November 2026 after my visit on Monday 23 November 2026

Dear Mia,

You told me you like your new school and your teacher, Mr Shah.
""", [("timeliness.late-recording", 1, 30)]),
    # ---- timeliness: a vague word that is part of a name -------------------------------
    "a street name is not a vague time": ("""\
Home visit to Jo at Flat 2, Lately Court, Ashcombe, on 3 November 2026 at 10:00.
Jo told me her partner moved out lately.
""", [("timeliness.vague-time", 2, 34)]),
    # ---- timeliness: 'tomorrow' in a dated note is a date --------------------------------
    "'tomorrow' is placed by the note's date; 'over the summer' is not": ("""\
---
contact_date: 2026-11-18
---
Tea call 17:00 to 17:30. Sharon said she will ring the GP tomorrow.
Gordon has not seen his son over the summer, when they argued.
""", [("timeliness.vague-time-evidence", 5, 38)]),
    # ---- timeliness and clarity: Markdown headings ------------------------------------
    "a heading's 'last week' is placed by the date its section opens with": ("""\
---
contact_date: 2026-11-03
---
## What happened last week

On Monday 2 November 2026 Jamie told me a boy hit him in the playground.

## Appropriate adult

Jamie's aunt, Lena Cole, was his appropriate adult at the police interview on 2 November 2026.
""", []),
    "a heading over an undated section, and 'appropriate' as a judgement, are still flagged": ("""\
---
contact_date: 2026-11-03
---
## What happened last week

Jamie told me a boy hit him in the playground. His clothes were appropriate.
""", [("clarity.vague-phrase", 6, 65), ("timeliness.vague-time", 4, 18)]),
    # ---- sharing: someone else's sharing, a reply, the shift's own nurse ---------------
    "what a colleague passed on at the meeting is not the writer's sharing": ("""\
---
subject: Shay Rowe
subject_type: child
note_type: review conference
contact_date: 2026-11-18
---
Shay's wishes were shared by Lauren from her visit on 9 November. Shay said he wants to stay at home.
""", []),
    "a call back from the recipient confirms receipt": ("""\
---
subject: Harold Dean
subject_type: adult
note_type: incident record
contact_date: 2026-11-18
---
With Harold's agreement I sent a referral to the falls team through their online form at 09:00, so that they can assess his walking. I told Harold I had sent it.
Their administrator phoned back at 10:30 to say they will visit on 3 December.
""", []),
    "without the call back, receipt is still asked for": ("""\
---
subject: Harold Dean
subject_type: adult
note_type: incident record
contact_date: 2026-11-18
---
With Harold's agreement I sent a referral to the falls team through their online form at 09:00, so that they can assess his walking. I told Harold I had sent it.
""", [("sharing.receipt-not-confirmed", 7, 27)]),
    "what the writer said in a phone call was heard, documents or not": ("""\
---
subject: Sunita Shah
subject_type: adult
note_type: mental health act assessment
contact_date: 2026-11-18
---
With Vikram's agreement I phoned the children's services duty team at 21:20, spoke to Jon Petrakis and shared the outcome of the assessment, so that they know where the children are. I told Sunita it would be shared.
""", []),
    "a call, and the assessment emailed after it, still needs its receipt": ("""\
---
subject: Sunita Shah
subject_type: adult
note_type: mental health act assessment
contact_date: 2026-11-18
---
With Vikram's agreement I phoned the children's services duty team at 21:20 and emailed them the assessment, so that they know where the children are. I told Sunita it would be shared.
""", [("sharing.receipt-not-confirmed", 7, 81)]),
    "telling the nurse in charge of the shift is not sharing outside the service": ("""\
---
subject: Winnie Shaw
subject_type: adult
note_type: daily record
contact_date: 2026-11-18
---
15:30 Winnie said her knee was aching. I told the nurse in charge, Jo Nowak, who gave her paracetamol at 15:40.
""", []),
    "telling the nurse at the surgery is": ("""\
---
subject: Winnie Shaw
subject_type: adult
note_type: daily record
contact_date: 2026-11-18
---
15:30 Winnie said her knee was aching. I told the practice nurse at the surgery about it by phone.
""", [("sharing.missing-consent-basis", 7, 42), ("sharing.missing-purpose", 7, 42),
      ("sharing.person-not-informed", 7, 42)]),
    # (The referral to the exploitation team says what it is for, so the purpose is given.)
    "a note-style referral and info passed on, with no verb of their own": ("""\
Return home interview with Ruby on 3 November 2026.
Risk of exploitation remains high. Referral to exploitation team and info passed to school and missing coordinator.
""", [("sharing.missing-consent-basis", 2, 75), ("sharing.person-not-informed", 2, 75),
      ("sharing.receipt-not-confirmed", 2, 75)]),
    "a front door contact handed to the duty social worker stays in the service": ("""\
Front door contact on 3 November 2026 at 9am. A neighbour rang to say Lily (4) was heard crying for an hour.
Passed to duty social worker Raj Singh for a decision by 5pm today.
""", []),
    # ---- sharing: a meeting's attendees, a protocol, a bracketed agreement, a log number -
    "minutes emailed to all attendees name who received them": ("""\
Strategy discussion on 26 November 2026 about Ellis, because of the bruise school saw. Parents will be told by Tom Aske at 16:30.
Minutes emailed at 12:05 to all attendees. All four confirmed receipt by 12:30. Mum consented.
""", []),
    "emailed with no one named still needs its recipient": ("""\
Strategy discussion on 26 November 2026 about Ellis, because of the bruise school saw. Parents will be told by Tom Aske at 16:30.
Minutes emailed at 12:05. All four confirmed receipt by 12:30. Mum consented.
""", [("sharing.missing-recipient", 2, 9)]),
    "'what was shared' refers to a record, it is not one": ("""\
Risk meeting on 12 November 2026. With Funmi's consent I shared her diary dates at the meeting, so the police can act. The chair confirmed receipt.
I will tell Funmi what was shared and agreed, at a visit on 13 November.
""", []),
    "following a named protocol gives the purpose and the basis": ("""\
26/11/2026 18:40 I reported Kayla missing to Hartshire Police (log 1124), following her missing-from-home protocol.
Kayla knows from her plan that the police will be told when she goes missing.
""", []),
    "a report to the police with no protocol, no log and no reason": ("""\
26/11/2026 18:40 I emailed Hartshire Police that Kayla had not come home.
Kayla knows from her plan that the police will be told when she goes missing.
""", [("sharing.missing-consent-basis", 1, 20), ("sharing.missing-purpose", 1, 20),
      ("sharing.receipt-not-confirmed", 1, 20)]),
    "an agreement in brackets beside the sharing is consent": ("""\
Visit to Mrs Kaur on 26 November 2026. She had a wobble on the stairs on Monday evening.
I have told the occupational therapist, Paul Nye, about the wobble so that he can check the rail (Mrs Kaur agreed).
""", []),
    "'the bank was contacted and given details' is a sharing record": ("""\
---
subject: Alistair Haddow
subject_type: adult
contact_date: 2026-11-19
---
Strategy meeting on 19 November 2026. His nephew has been taking money from his account.
The bank was contacted and given details of the nephew so that they could put a marker on the account.
""", [("sharing.missing-consent-basis", 7, 28), ("sharing.person-not-informed", 7, 28)]),
    "'I let Tommy's school know' is a sharing record": ("""\
Visit to Tommy on 17 November 2026. His uncle Gary has moved back in since his release from prison.
I let Tommy's school know that Gary is living there and what he was in prison for.
""", [("sharing.missing-consent-basis", 2, 3), ("sharing.missing-purpose", 2, 3),
      ("sharing.receipt-not-confirmed", 2, 3)]),
    "a prescription request sent to the GP is not case information": ("""\
Visit to Alan on 26 November 2026. He has run out of sertraline.
Prescription request sent to GP. Review 3 December.
""", []),
    "a prescription sent with the care plan still shares the plan": ("""\
Visit to Alan on 26 November 2026. He has run out of sertraline.
I sent the prescription and his care plan to the pharmacy.
""", [("sharing.missing-consent-basis", 2, 3), ("sharing.missing-purpose", 2, 3),
      ("sharing.person-not-informed", 2, 3), ("sharing.receipt-not-confirmed", 2, 3)]),
    # ---- clarity: a gloss in brackets; 'as discussed' to the reader; 'a few weeks ago' -
    "a bracketed explanation does not make a sentence too long": ("""\
Freya showed me his red book (the health record parents keep, with his weights and vaccinations): Oscar weighed 5.1 kg on 24 November, up from 4.6 kg on 3 November, and the health visitor had written "good gain".
""", []),
    "a long sentence without its gloss is still too long": ("""\
Freya showed me his red book and told me that Oscar weighed 5.1 kg at the clinic on 24 November, up from 4.6 kg on 3 November, and that the health visitor had written "good gain" and said she would see them again before Christmas at home and would bring the scales with her so that she can weigh him in his own cot.
""", [("clarity.long-sentence", 1, 1)]),
    # A clause in brackets is an aside read on its own; a bracket of names is not.
    "a clause in brackets is an aside, read on its own": ("""\
Home visit on 1 December 2026.
My view: Mrs Hale has capacity to decide how she lives at home (she explained the risks of the bags near her chair and told me how she would get out in a fire), and the main change in her life is grief.
""", []),
    "a bracket of names is read as part of the sentence": ("""\
Core group on 1 December 2026.
Core group minutes went by secure email at 4pm to everyone who came (Mr Walsh, Ms Ford the health visitor, Mrs Dean from the nursery and Dr Shah's practice) so that each person has the agreed actions in writing and knows what they have to do before the next meeting at the family centre in January.
""", [("clarity.long-sentence", 2, 1)]),
    "'as discussed' in an email to the person it was discussed with": ("""\
From: ruth.duty@council.example.gov.uk
To: jo.reid@school.example.org
Sent: 25/11/2026 16:52
Subject: Attendance plan

Hi Jo,

As discussed on the phone, I attach the attendance plan we agreed on 24 November.
""", []),
    "'as discussed' in a case note is still vague": ("""\
As discussed, Mum will contact the housing officer by Friday 27 November 2026.
""", [("clarity.vague-phrase", 1, 1)]),
    "'a few weeks ago' is a vague time, not a vague amount": ("""\
Home visit on 3 November 2026. Gareth told me he stopped going to the gym a few weeks ago. He has missed a few appointments at the clinic.
""", [("clarity.vague-quantity", 1, 106), ("timeliness.vague-time", 1, 75)]),
    # ---- clarity: two women, or two men, both called only by pronouns ------------------
    "two people both called 'she' and 'her' in one sentence": ("""\
Tea call to Mr Pye at 17:00 on 3 November 2026.
His daughter-in-law Sharon said she was worried about her because she has not been eating and she thinks she might have an infection.
Sharon told Mr Pye she would see him at the weekend and that she would bring him soup.
""", [("clarity.unclear-pronoun", 2, 55)]),
    # ---- jargon: an acronym named in the title, or defined in the metadata ------------
    "an acronym in the title, spelled out where the note first uses it": ("""\
Telephone call with school SENCo - Alfie (9)
25/11/2026, 12.30pm. I rang Mr Tate, special educational needs coordinator (SENCo) at Brook Street Primary.
Mr Tate said the SENCo team will meet Alfie's mum on 2 December 2026.
""", []),
    "an acronym in the title that the note never spells out": ("""\
Telephone call with school SENCo - Alfie (9)
25/11/2026, 12.30pm. I rang Mr Tate, the SENCo at Brook Street Primary.
""", [("jargon.undefined-acronym", 1, 28)]),
    "an acronym spelled out in the note type": ("""\
---
note_type: multi-agency safeguarding hub (MASH) decision
contact_date: 2026-11-26
---
I decided, as MASH team manager, that this needs a strategy discussion today.
""", []),
    "a job title in the metadata does not spell out an acronym": ("""\
---
note_type: statutory visit
contact_date: 2026-11-26
author: J. Ferreira, social worker
---
Visit to Maya at her foster home. Maya showed me her new school bag.
- Ask the contact team about Tuesday contact by 28/11 (SW).
""", [("jargon.undefined-acronym", 7, 56)]),
    # ---- labelling: the person defined by a drug or a behaviour -----------------------
    "'a heroin addict' and 'a hoarder' define the person": ("""\
Home visit at 11am on 3 November 2026. Tomasz is a heroin addict and has relapsed.
Mr Hart is a hoarder and did not let me into the kitchen.
""", [("labelling.defining-label", 1, 52), ("labelling.defining-label", 2, 14)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_classes_and_the_real_problems_beside_them(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == sorted(expected)


def test_a_note_with_hardly_any_full_stops_gets_a_grade_a_writer_can_use(linter):
    """Flesch-Kincaid grows with sentence length without bound: one 300-word run-on
    sentence scores a 'grade' over 100. The message gives the top of the scale instead."""
    run_on = " and ".join(["Mum talked about the plan for the children with the school"] * 30) + "."
    parsed = linter.parse(parse_text("note.md", "Home visit on 3 November 2026\n" + run_on + "\n"))
    messages = [d.message for d in linter.check(parsed) if d.rule == "clarity.readability"]
    assert len(messages) == 1
    assert messages[0].startswith("This note reads at school grade 18 or above (Flesch-Kincaid; the limit is 12).")


def test_a_pronoun_in_a_sentence_with_no_verb_has_the_root_as_its_clause(linter):
    """A parsed sentence's root is its own head, but spaCy gives a new Token each time it
    is asked: the walk up to the clause's verb stops at the root instead of going round it
    for ever (it hung a run on a verbless log line before)."""
    from notecheck.kinds.pronoun import _clause

    doc = linter.pipeline.nlp("Lunch with him.")
    assert _clause(doc[2]).text == "Lunch"
