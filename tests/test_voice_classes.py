"""Voice: classes of note the voice rules misread, each with its traps. Every note here is
invented; each test gives the exact voice findings (rule id, line, column)."""

from __future__ import annotations

import pytest

from notecheck.engine import Linter
from notecheck.notes.text import parse_text
from notecheck.rules.loader import builtin_rules_dir, load_rules


@pytest.fixture(scope="module")
def linter():
    return Linter([r for r in load_rules([builtin_rules_dir()]) if r.category == "voice" and r.enabled])


def voice(linter, text: str) -> list[tuple[str, int, int]]:
    return [(d.rule, d.line, d.column) for d in linter.check(linter.parse(parse_text("note.md", text)))]


def messages(linter, text: str) -> list[str]:
    return [d.message for d in linter.check(linter.parse(parse_text("note.md", text)))]


MISSING = "voice.missing-voice"
ALONE = "voice.not-seen-alone"


# A visit that found no one in: the reason is told in a sentence that names no one.
def test_a_visit_with_no_answer_says_why_there_is_no_voice(linter):
    assert voice(linter, "Outreach contact - Kyra Dunn (19)\n"
                         "Knocked at Kyra's flat at 15:30 as agreed with her on Monday. No reply.\n"
                         "Left a card asking her to text me.\n") == []
    # Someone else not answering is no reason Kyra was not heard.
    assert voice(linter, "Outreach contact - Kyra Dunn (19)\n"
                         "Met Kyra at the job centre at 15:30. Rang her mum afterwards, no answer.\n") \
        == [(MISSING, 1, 1)]


# A terse record that opens with whom the writer saw: a contact with them.
def test_seen_at_the_start_of_a_line_is_a_contact(linter):
    note = ("YOS contact record. Date: 02/12/2026. Worker: P. Lund\n"
            "Seen Tyler Grey (15) at the library with his aunt to go over his reparation hours.\n"
            "Tyler was quiet and said little. Hours sheet signed.\n")
    assert voice(linter, note) == [(MISSING, 1, 1)]
    assert voice(linter, "Note of visit\nI saw Tyler at the library with his aunt. Hours sheet signed.\n") \
        == [(MISSING, 1, 1)]


def test_someone_else_seeing_their_doctor_is_no_contact(linter):
    assert voice(linter, "Letter received 01/12/2026 from Dr Imran Shah, GP.\n\n"
                         "Dr Shah writes that Gavin saw him on 25 November. Gavin is drinking again. "
                         "Dr Shah writes that Gavin told him he drinks to sleep.\n") == []


# A wish that is a condition is no wish recorded.
def test_a_wish_in_a_condition_is_not_their_voice(linter):
    head = ("---\nnote_type: carer's assessment\nsubject: Derek Hollis\nsubject_type: adult\n---\n"
            "Assessment completed at home with Mr Hollis. ")
    for condition in ("A direct payment could be set up should he wish.",
                      "If Mr Hollis wants a sitting service, the team can arrange one.",
                      "Respite is possible in the event that Mr Hollis wishes to go ahead."):
        assert voice(linter, head + condition + "\n") == [(MISSING, 6, 1)], condition
    assert voice(linter, head + "Mr Hollis told me he wants a sitting service on Thursdays.\n") == []


# What the subject line says besides the name is not the name.
def test_the_subject_lines_description_is_not_in_the_message(linter):
    note = ("---\nnote_type: carer's assessment\nsubject: Joan Pike (carer for her son, Daniel)\n"
            "subject_type: adult\n---\nAssessment at home with Mrs Pike and Daniel. "
            "Daniel told me he likes the day centre.\n")
    assert voice(linter, note) == [(MISSING, 6, 1)]
    assert "Joan Pike but none" in messages(linter, note)[0]


# A log of hours of care: a state at one moment does not excuse the rest of the shift.
def test_asleep_at_one_moment_of_a_care_log_is_no_reason(linter):
    head = "---\nnote_type: care home daily record\nsubject: Edith Marsh\nsubject_type: adult\n---\n"
    assert voice(linter, head + "Edith was restless during the morning and resisted help with washing.\n"
                                "Lunch taken in her room.\nEdith was asleep in the lounge at 15:45.\n") \
        == [(MISSING, 6, 1)]
    # Asleep across the hours the log covers is a reason; so is a visit where she slept.
    assert voice(linter, head + "Edith was asleep from 22:00 to 06:30, checked two-hourly.\n") == []
    assert voice(linter, "---\nnote_type: home visit\nsubject: Edith Marsh\nsubject_type: adult\n---\n"
                         "Visited at 14:00. Edith was asleep when I arrived, so I will call back tomorrow.\n") == []


# The writer's view of what the person wants is not their voice.
@pytest.mark.xfail(strict=True, reason="round 10's retrained classifier: reads 'just wanted to wind staff up' as opinion at 0.32, below writer_view")
def test_the_writers_view_of_what_they_want_is_not_their_voice(linter):
    head = "---\nnote_type: children's home daily log\nsubject: Kaden Price\nsubject_type: child\n---\n"
    assert voice(linter, head + "Late shift 14:00-22:00.\nKaden came in from school at 16:10 and went to his room.\n"
                                "He was in a foul mood all evening and just wanted to wind staff up.\n") \
        == [(MISSING, 6, 1)]
    assert voice(linter, head + "Late shift 14:00-22:00.\nKaden came in from school at 16:10 and went to his room.\n"
                                "He told me he wanted to be left alone because of a fight at school.\n") == []


# A feeling shown about something is voice; a feeling alone, or guessed, is not.
def test_a_feeling_shown_about_something_is_their_voice(linter):
    head = ("---\nnote_type: supervised family time\nsubject: Mia Cole\nsubject_type: child\n---\n"
            "Family time at the centre with Mia (6) and her mum, 10:00-11:00. Mum brought a jigsaw. ")
    assert voice(linter, head + "Mia was excited to show Mum her new shoes.\n") == []
    assert voice(linter, head + "Mia became upset when Mum left at the end.\n") == []
    for alone in ("Mia was happy.", "Mia seemed to be upset about school."):
        assert voice(linter, head + alone + "\n") == [(MISSING, 6, 1)], alone


# "Seen alone" is asked of a statutory visit, not of a letter written to the child, a
# personal adviser's visit to a care leaver, or a youth justice worker's.
@pytest.mark.parametrize("note_type", ["letter to child after visit", "personal adviser visit",
                                       "youth justice home visit"])
def test_seen_alone_is_not_asked_outside_statutory_visits(linter, note_type):
    note = (f"---\nnote_type: {note_type}\nsubject: Nadia Okafor\nsubject_type: child\n---\n"
            "Visit to Nadia (16) at home. Nadia told me she wants to start college in January.\n")
    assert voice(linter, note) == []


def test_seen_alone_is_still_asked_of_a_statutory_visit(linter):
    note = ("---\nnote_type: statutory visit\nsubject: Nadia Okafor\nsubject_type: child\n---\n"
            "Visit to Nadia (16) at home. Nadia told me she wants to start college in January.\n")
    assert voice(linter, note) == [(ALONE, 6, 1)]


# A place or a room is not the person, however often it is named.
def test_a_place_named_more_often_than_the_person_is_not_the_subject(linter):
    note = ("Home visit\nVisited Kwame at his foster home. Kwame told me he misses his gran, who "
            "lives in Ghana. Ghana is where he grew up, and Ghana is where his brothers are.\n")
    assert voice(linter, note) == []
    note = ("Home visit\nVisited Kwame at his foster home. His foster carer said he is settled. "
            "His gran lives in Ghana. Ghana is where he grew up, and Ghana is where his brothers are.\n")
    assert voice(linter, note) == [(MISSING, 1, 1)]
    assert "Kwame" in messages(linter, note)[0] and "Ghana's" not in messages(linter, note)[0]


# A log of care that never names its person is still about someone.
def test_a_night_log_that_names_only_a_room_still_needs_their_voice(linter):
    head = "Night record - Willow Unit - 03/12/2026\n23:00 Rm 4 awake and calling out. Offered a drink.\n"
    note = head + "02:00 Checked, settled. 05:00 Checked.\n"
    assert voice(linter, note) == [(MISSING, 1, 1)]
    assert "the person this record is about" in messages(linter, note)[0]
    assert voice(linter, head + "02:00 He said \"I want my wife\" and cried. Sat with him for 20 minutes.\n") == []


# A word capitalised only because it opens a log's entry is not a name; a name that opens
# the sentence it is the subject of still is.
def test_a_logs_opening_word_is_not_the_person_but_a_name_opening_its_sentence_is(linter):
    note = ("Daily log - Ashgrove House - Tue 01/12/2026 - early shift\n"
            "07:30 Checked, settled. 09:00 Checked. Breakfast refused.\n")
    assert voice(linter, note) == [(MISSING, 1, 1)]
    assert "the person this record is about" in messages(linter, note)[0]
    note = ("Oakleaf Home Care - visit log - Bernard Lyle\nVisit 01/12/2026 09:00.\n\n"
            "Bernie refused breakfast again.\nPad changed.\n")
    assert voice(linter, note) == [(MISSING, 1, 1)]
    assert "Bernie's own words" in messages(linter, note)[0]


# A pasted header that names the person says who the note is about, whoever else is
# named more often.
def test_a_pasted_headers_person_is_the_subject(linter):
    note = ("Case note - Community Team\nPerson: Gordon Tate   Contact date: 02/12/2026\n\n"
            "Home visit to Mr Tate with his son, Dean. Dean said his dad is managing. Dean said "
            "the meals service is fine. Dean told me he will do the shopping.\n")
    assert voice(linter, note) == [(MISSING, 1, 1)]
    message = messages(linter, note)[0]
    assert "contact with Gordon Tate but none" in message and "named most often" not in message
    assert voice(linter, note.replace("Dean told me he", "Mr Tate told me he wants to stay home and Dean")) == []


# The header is read field by field, as the dates are: a bold label ("**Person:**"), or the
# person's field after another on the same line.
@pytest.mark.parametrize("header", ["**Person:** Gordon Tate", "Contact date: 02/12/2026   Person: Mr Gordon Tate",
                                    "Visit 02/12/2026 | Service user: Gordon Tate"])
def test_a_pasted_headers_person_is_read_from_any_field(linter, header):
    note = (f"{header}\n"
            "Home visit to Mr Tate with his son, Dean. Dean said his dad is managing. Dean said "
            "the meals service is fine. Dean told me he will do the shopping.\n")
    assert voice(linter, note) == [(MISSING, 1, 1)]
    assert "contact with Gordon Tate but none" in messages(linter, note)[0]


# Someone described is not someone heard, however the sentence model reads it.
def test_a_person_described_as_awkward_is_not_their_voice(linter):
    head = ("---\nnote_type: home care visit log\nsubject: Dennis Flint\nsubject_type: adult\n---\n"
            "Morning call 08:00-08:30.\nDennis was up and dressed when I arrived.\n")
    assert voice(linter, head + "Offered him a shave but he was being awkward so left it for the next call.\n") \
        == [(MISSING, 6, 1)]
    assert voice(linter, head + "Offered him a shave but he said he would rather wait for the next call.\n") == []


# More ways the person tells or shows: stated, whispered, joked, shrugged, grimaced.
@pytest.mark.parametrize("sentence", [
    "Mrs Khan stated she is frightened at night.", "Mrs Khan whispered that she wants her son to visit.",
    "Mrs Khan joked that the carers never stay for tea.", "Mrs Khan shrugged when I asked about the stairs.",
    "Mrs Khan grimaced when the carer moved her leg.", "Mrs Khan sobbed when we looked at photos of her husband."])
def test_more_ways_of_telling_and_showing_are_voice(linter, sentence):
    head = "---\nnote_type: home visit\nsubject: Parveen Khan\nsubject_type: adult\n---\nHome visit to Mrs Khan. "
    assert voice(linter, head + sentence + "\n") == []
    # Not answering the door, or going missing, is no voice.
    assert voice(linter, head + "Mrs Khan did not answer the phone before the visit.\n") == [(MISSING, 6, 1)]


# 'Seen alone' is not asked of a baby or an adult however their age is written.
@pytest.mark.parametrize("opening", [
    "Home visit to baby Ava and her mum.", "Home visit to Ava (newborn) and her mum.",
    "Statutory visit to Ava, who is 10 months old.", "Home visit to Ava, aged 7 weeks, and her mum."])
def test_seen_alone_is_not_asked_of_a_baby(linter, opening):
    note = ("---\nnote_type: home visit\nsubject: Ava Reid\nsubject_type: child\n---\n"
            f"{opening} Ava smiled and grabbed my finger.\n")
    assert voice(linter, note) == []


def test_seen_alone_is_not_asked_of_an_adult_given_an_age_after_a_comma(linter):
    note = ("---\nnote_type: home visit\nsubject: Doreen Platt\n---\n"
            "Home visit to Doreen, 84, at her bungalow. Doreen told me she wants to stay at home.\n")
    assert voice(linter, note) == []
    # A child so written, or a house number after the name, is still asked about.
    child = note.replace("Doreen, 84,", "Doreen, 12,")
    assert voice(linter, child) == [(ALONE, 5, 1)]
    address = note.replace("Doreen, 84, at her bungalow", "Doreen, 22 Elm Street")
    assert voice(linter, address) == [(ALONE, 5, 1)]


# Their voice told indirectly: 'according to', their wish or response by a possessive, a
# stance ('adamant that'), and what they did when the writer asked.
@pytest.mark.parametrize("sentence", [
    "According to Jamie, school is going well.", "Jamie's wish is to stay with his nan.",
    "Jamie's response was that he is fine.", "Jamie was adamant that he will not go back to school.",
    "Jamie went quiet and looked at the floor when I mentioned Dad.",
    "Jamie put his hood up and would not look at me when I asked about Dad."])
def test_voice_told_indirectly_counts(linter, sentence):
    head = ("---\nnote_type: home visit\nsubject: Jamie Cole\nsubject_type: child\n---\n"
            "Home visit to Jamie (11) and Mum. I saw Jamie alone in his room. ")
    assert voice(linter, head + sentence + "\n") == []


@pytest.mark.parametrize("sentence", [
    "According to Mum, school is going well.", "Mum's wish is for Jamie to stay with his nan.",
    "Jamie's views were not sought.", "Jamie's views are unknown.",
    "Mum was adamant that Jamie will not go back to school.", "Mum cried when I mentioned Dad."])
def test_someone_elses_indirect_voice_is_not_theirs(linter, sentence):
    head = ("---\nnote_type: home visit\nsubject: Jamie Cole\nsubject_type: child\n---\n"
            "Home visit to Jamie (11) and Mum. I saw Jamie alone in his room. ")
    assert voice(linter, head + sentence + "\n") == [(MISSING, 6, 1)]


@pytest.mark.parametrize("name", ["Park", "Hall", "Parkes"])
def test_a_surname_that_is_also_a_place_word_is_still_the_person(name):
    """"Mr Park", "Ms Hall": a title before the word makes it a person, not a place."""
    from notecheck.api import check_text

    body = (f"I visited Mr {name} at home at 10:00. The kitchen was clean and the heating was "
            f"on. Mr {name} made tea.")
    found = [(d.rule, d.line, d.column) for d in check_text(body, {"note_type": "home visit", "subject_type": "adult"})
             if d.category == "voice"]
    assert found == [("voice.missing-voice", 1, 1)]


# Seen alone told of the carer: out of the way while the writer was with the child.
@pytest.mark.parametrize("sentence", [
    "Mum stayed downstairs with the baby for the 20 minutes we were talking.",
    "His foster carer went out to the garden so that I could spend time with Kai without him.",
    "Dad waited in the kitchen while I talked with Kai in the lounge.",
    "Mum remained in the car while I spent time with Kai.",
    "Mum left the room while Kai and I talked.",
    "Mum was in the kitchen while Kai and I talked.",
    "Mum popped out to the shop while I spent time with Kai.",
    "Mo gave us some space to talk in the lounge."])
def test_a_carer_out_of_the_way_is_seen_alone(linter, sentence):
    note = ("---\nnote_type: statutory visit\nsubject: Kai Lindqvist\nsubject_type: child\n---\n"
            f"Statutory visit to Kai (10). {sentence} Kai told me he likes his new school.\n")
    assert voice(linter, note) == []


# The child's own moves say nothing of who else was there.
@pytest.mark.parametrize("sentence", [
    "Kai went upstairs while I talked with Mum.", "Kai left the room when I talked about Dad.",
    "He stayed in the kitchen while I talked with Mum.",
    "Dad stayed in the lounge with us while I talked with Kai.",
    "Mum left a note for me and I talked with Kai.",
    "Mum was in the other room when I arrived and then joined us."])
def test_the_childs_own_moves_are_not_seen_alone(linter, sentence):
    note = ("---\nnote_type: statutory visit\nsubject: Kai Lindqvist\nsubject_type: child\n---\n"
            f"Statutory visit to Kai (10). {sentence} Kai told me he likes his new school.\n")
    assert voice(linter, note) == [(ALONE, 6, 1)]


# An interview is held with the person: a return home interview, with or without note_type.
def test_an_interview_is_a_contact(linter):
    head = ("RETURN HOME INTERVIEW   Date of interview: 17/11/2026\n"
            "Young person: Leah Dorrington (15)   Worker: Abi Fenwick\n"
            "RHI completed at home after her missing episode. ")
    assert voice(linter, head + "Push and pull factors explored. Safety plan agreed.\n") == [(MISSING, 1, 1)]
    assert voice(linter, head + "Leah told me she stayed at a friend's flat in town.\n") == []
    meta = "---\nnote_type: return home interview\nsubject: Leah Dorrington\nsubject_type: child\n---\n"
    assert voice(linter, meta + "Interview at home. Push and pull factors explored.\n") == [(MISSING, 6, 1)]


# A key worker's record or summary is of the person they support.
def test_a_key_worker_summary_is_a_contact(linter):
    head = ("---\nnote_type: supported living monthly key worker summary\nsubject: Owen Brierley\n"
            "subject_type: adult\n---\nMonthly summary for Owen (27). Hydrotherapy on Tuesdays. ")
    assert voice(linter, head + "Owen is non-verbal, so it was not possible to gain his views.\n") \
        == [(MISSING, 6, 1)]
    assert voice(linter, head + "Owen smiled and reached for the float each week.\n") == []


# Being asked, told or encouraged is not answering.
@pytest.mark.parametrize("sentence", [
    "Mrs Pinto was asked to explain the options back. She could not retain the information.",
    "Mrs Pinto was told about the two options.",
    "Mrs Pinto was encouraged to say what she wants."])
def test_being_asked_is_not_their_voice(linter, sentence):
    note = ("---\nnote_type: mental capacity assessment\nsubject: Dolores Pinto\nsubject_type: adult\n---\n"
            f"Capacity assessment on the ward. {sentence}\n")
    assert voice(linter, note) == [(MISSING, 6, 1)]


@pytest.mark.parametrize("sentence", [
    "Mrs Pinto was asked to explain the options back and said she wants to go home.",
    "When asked, Mrs Pinto said she misses her cat."])
def test_an_answer_after_being_asked_is_their_voice(linter, sentence):
    note = ("---\nnote_type: mental capacity assessment\nsubject: Dolores Pinto\nsubject_type: adult\n---\n"
            f"Capacity assessment on the ward. {sentence}\n")
    assert voice(linter, note) == []


# The language someone speaks says how to talk with them, not what they said.
def test_the_language_they_speak_is_not_their_voice(linter):
    head = ("---\nnote_type: Mental Health Act assessment\nsubject: Tomasz Kowalczyk\nsubject_type: adult\n---\n"
            "Assessment at his flat. Interpreter not needed: Mr Kowalczyk speaks fluent English. ")
    assert voice(linter, head + "Application made under section 2.\n") == [(MISSING, 6, 1)]
    assert voice(linter, head + "Mr Kowalczyk spoke about the neighbours and said he feels watched.\n") == []


# The writer's job title in the note type is not another party the contact was with.
def test_the_writers_job_title_is_not_another_party(linter):
    body = "Assessment at his flat. Application made under section 2.\n"
    amhp = ("---\nnote_type: Mental Health Act assessment (approved mental health professional record)\n"
            "subject: Tomasz Kowalczyk\nsubject_type: adult\n---\n")
    assert voice(linter, amhp + body) == [(MISSING, 6, 1)]
    planning = ("---\nnote_type: section 42 planning meeting (professionals only)\n"
                "subject: Tomasz Kowalczyk\nsubject_type: adult\n---\n")
    assert voice(linter, planning + body) == []


# A care log's shorthand: the subject left out of 'Says ...', the one who refused saying why,
# a report of pain. Each is the person's own voice.
@pytest.mark.parametrize("entry", [
    "08:00 Supported Doris to wash. Says hip sore today, declined shower.",
    "08:00 Assisted with breakfast. Wants a wash at the sink instead of a shower.",
    "08:00 Doris refused breakfast, saying she wasn't hungry.",
    "08:00 Doris reports pain in her knee, 6/10. GP informed."])
def test_a_logs_shorthand_voice_counts(linter, entry):
    head = "---\nnote_type: care home daily record\nsubject: Doris Pell\nsubject_type: adult\n---\n"
    assert voice(linter, head + entry + "\n") == []


# The same shorthand after someone else is theirs; being reported is not reporting.
@pytest.mark.parametrize("entry", [
    "08:00 Personal care given. Daughter rang at 10:00. Says Doris has been low.",
    "08:00 Personal care given. Doris kicking off in the lounge, shouting at another resident.",
    "08:00 Personal care given. Doris was reported to the nurse for refusing her tablets."])
def test_someone_elses_shorthand_is_not_their_voice(linter, entry):
    head = "---\nnote_type: care home daily record\nsubject: Doris Pell\nsubject_type: adult\n---\n"
    assert voice(linter, head + entry + "\n") == [(MISSING, 6, 1)]


# Written and scaled answers are their voice; declining to answer is a reason.
@pytest.mark.parametrize("sentence", [
    "Jayden texted me afterwards to say thanks.", "Jayden rated home as 7 out of 10 on the scaling card.",
    "Jayden kept his headphones on and would not answer my questions."])
def test_written_and_scaled_answers_and_declining_count(linter, sentence):
    head = ("---\nnote_type: child in need visit\nsubject: Jayden Cole\nsubject_type: child\n---\n"
            "Visit to Jayden (14) at home; I saw him alone in his room. ")
    assert voice(linter, head + sentence + "\n") == []


@pytest.mark.parametrize("sentence", [
    "I texted Jayden afterwards to say I would visit on Friday.", "The teacher rated his effort as poor.",
    "Reece has chosen to get involved with an older group."])
def test_someone_elses_writing_and_rating_are_not_their_voice(linter, sentence):
    head = ("---\nnote_type: child in need visit\nsubject: Jayden Cole\nsubject_type: child\n---\n"
            "Visit to Jayden (14) at home; I saw him alone in his room. ")
    assert voice(linter, head + sentence + "\n") == [(MISSING, 6, 1)]


# A homecare log's shorthand: the short form of the person's name, and 'is' or 'was' left out.
@pytest.mark.parametrize("entry", [
    "07:30 Call completed. Cliff in good spirits, chatting about the football.",
    "07:30 Meds given. Cliff complaining of a headache.",
    "07:30 Meds given. Cliff keen to go to the shops on Friday.",
    "07:30 Cliff declined a shower today, prefers a strip wash."])
def test_a_short_name_and_verbless_shorthand_are_their_voice(linter, entry):
    head = "---\nnote_type: homecare visit log\nsubject: Clifford Ames\nsubject_type: adult\n---\n"
    assert voice(linter, head + entry + "\n") == []


@pytest.mark.parametrize("entry", [
    "07:30 Meds given. Cliff's daughter complaining about the carers.",
    "07:30 Meds given. Daughter keen for Cliff to go to the day centre.",
    "07:30 Meds given. Cliff in good spirits."])
def test_someone_elses_shorthand_or_a_bare_mood_is_not_their_voice(linter, entry):
    head = "---\nnote_type: homecare visit log\nsubject: Clifford Ames\nsubject_type: adult\n---\n"
    assert voice(linter, head + entry + "\n") == [(MISSING, 6, 1)]


# A baby's responses: a gesture or sound given or made, and the voice verbs of more than one
# word ("turned away", "turned towards").
@pytest.mark.parametrize("sentence", [
    "Ruby watched me closely and then gave a big gummy smile.",
    "Ruby turned towards Mum's voice and settled when Mum picked her up.",
    "Ruby turned away from me and buried her face in Mum's shoulder."])
def test_a_babys_gestures_and_turns_are_their_voice(linter, sentence):
    head = ("---\nnote_type: child protection visit\nsubject: Ruby Hale\nsubject_type: child\n---\n"
            "Visit to Ruby (7 months) and her mum. ")
    assert voice(linter, head + sentence + "\n") == []


@pytest.mark.parametrize("sentence", [
    "Mum gave Ruby a big smile and fed her.", "Ruby fed well from her bottle and fell asleep.",
    "Ruby was given a cuddle by Mum."])
def test_someone_elses_gestures_and_care_are_not_the_babys_voice(linter, sentence):
    head = ("---\nnote_type: child protection visit\nsubject: Ruby Hale\nsubject_type: child\n---\n"
            "Visit to Ruby (7 months) and her mum. ")
    assert voice(linter, head + sentence + "\n") == [(MISSING, 6, 1)]
