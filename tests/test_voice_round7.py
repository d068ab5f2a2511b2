"""Voice, round seven: classes of writing that tests/dev-voice2 showed the voice rules
misread. Every note here is invented; each test gives the exact voice findings (rule id,
line, column), the flag and its trap."""

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


MISSING = "voice.missing-voice"
ALONE = "voice.not-seen-alone"


def note(note_type: str, subject: str, subject_type: str, body: str) -> str:
    return f"---\nnote_type: {note_type}\nsubject: {subject}\nsubject_type: {subject_type}\n---\n{body}\n"


# A log's initial for the person: "Z asked ...", "M said ..." in a record about Zara or
# Marjorie, when the note uses it as a name more than once.
def test_a_logs_initial_for_the_person_is_them(linter):
    header = ("DAILY RECORD - Birch House   Date: 20/11/2026   Entered: 20/11/2026\n"
              "Young person: Zara Quinlan (15)   Staff: Femi Adeyemi, RSW\n")
    assert voice(linter, header + "15:40 Z back from school. Snack.\n"
                                  "16:30 Z asked if she could ring her nan on Sunday.\n") == []
    assert voice(linter, note("care home night record", "Marjorie Haigh", "adult",
                              "22:15 M in bed, radio on.\n02:05 M calling out. M said the room was too dark.")) == []


def test_an_initial_used_once_or_someone_elses_is_not_their_voice(linter):
    header = ("DAILY RECORD - Birch House   Date: 20/11/2026   Entered: 20/11/2026\n"
              "Young person: Zara Quinlan (15)   Staff: Femi Adeyemi, RSW\n")
    assert voice(linter, header + "15:40 Back from school. Snack.\n"
                                  "16:30 Z asked if she could ring her nan on Sunday.\n") == [(MISSING, 1, 1)]
    assert voice(linter, note("care home night record", "Marjorie Haigh", "adult",
                              "22:15 M in bed, radio on.\n02:05 K said M was calling out. K settled M.")) \
        == [(MISSING, 6, 1)]


# Supervision under a court order is a session with the young person, not a worker's
# supervision with their manager.
@pytest.mark.parametrize("note_type", ["youth justice supervision session", "YOT supervision appointment"])
def test_a_youth_justice_supervision_session_is_a_contact(linter, note_type):
    assert voice(linter, note(note_type, "Kai Oduya", "child",
                              "Session at the office. Kai was polite and engaged throughout and completed "
                              "the written exercise.")) == [(MISSING, 6, 1)]
    assert voice(linter, note(note_type, "Kai Oduya", "child",
                              "Session at the office. Kai told me he wants to finish his hours before "
                              "Christmas.")) == []


def test_a_workers_supervision_is_still_no_contact(linter):
    assert voice(linter, note("supervision", "Kai Oduya", "child",
                              "Discussed Kai's case. Plan to visit next week.")) == []


# A safeguarding or exploitation planning meeting is held between agencies, like a strategy
# meeting; a discharge planning meeting is about the person's own future.
@pytest.mark.parametrize("note_type", ["safeguarding adults planning meeting", "adult safeguarding planning meeting",
                                       "child exploitation planning meeting"])
def test_a_safeguarding_planning_meeting_is_between_agencies(linter, note_type):
    assert voice(linter, note(note_type, "Lillian Coward", "adult",
                              "Meeting by video call with the GP and police. Dr Okwu said the bruises fit a "
                              "firm grip.")) == []


def test_a_discharge_planning_meeting_still_needs_their_voice(linter):
    assert voice(linter, note("discharge planning meeting", "Lillian Coward", "adult",
                              "Meeting on the ward with the OT and physio. Mrs Coward is fit for discharge.")) \
        == [(MISSING, 6, 1)]


# 'not seen' of the person seeing someone else is no reason they were not heard.
def test_the_person_not_seeing_someone_is_no_reason(linter):
    assert voice(linter, note("home visit", "Daniel Ferris", "adult",
                              "Visit to Mr Ferris at his flat. Mr Ferris has not seen his GP since August. "
                              "The flat was cold.")) == [(MISSING, 6, 1)]
    assert voice(linter, note("home visit", "Daniel Ferris", "adult",
                              "Visit to Mr Ferris at his flat. Mr Ferris was not seen as he was at the day "
                              "centre.")) == []


# 'share' of a place is where someone lives, not what they told.
@pytest.mark.parametrize("sentence", ["She cannot return to the flat she shares with her partner.",
                                      "She shares a bedroom with her daughter."])
def test_sharing_a_place_is_not_their_voice(linter, sentence):
    assert voice(linter, note("home visit", "Kasia Nowicka", "adult", "Visit to Ms Nowicka. " + sentence)) \
        == [(MISSING, 6, 1)]


def test_sharing_worries_is_their_voice(linter):
    assert voice(linter, note("home visit", "Kasia Nowicka", "adult",
                              "Visit to Ms Nowicka. She shared her worries about money with me.")) == []


# A disclosure named only by its kind records nothing of what was said.
def test_a_disclosure_named_by_its_kind_is_not_their_voice(linter):
    assert voice(linter, note("housing interview", "Kasia Nowicka", "adult",
                              "Interview at the civic centre with Ms Nowicka. She disclosed domestic abuse by "
                              "her partner.")) == [(MISSING, 6, 1)]


@pytest.mark.parametrize("sentence", ["She disclosed that her partner hits her when he drinks.",
                                      "She disclosed being hit by her partner.",
                                      "She disclosed abuse: \"he grabs my hair when he is angry\"."])
def test_a_disclosure_told_is_their_voice(linter, sentence):
    assert voice(linter, note("housing interview", "Kasia Nowicka", "adult",
                              "Interview at the civic centre with Ms Nowicka. " + sentence)) == []


# A mental state examination's 'thought disordered' is not what he thinks.
def test_thought_disordered_is_not_what_he_thinks(linter):
    head = "Assessment at his flat. Mr Ferris let us in. "
    assert voice(linter, note("Mental Health Act assessment", "Daniel Ferris", "adult",
                              head + "He presented as guarded and thought disordered.")) == [(MISSING, 6, 1)]
    assert voice(linter, note("Mental Health Act assessment", "Daniel Ferris", "adult",
                              head + "He thought the ward would be too noisy.")) == []


# A relative who shares the person's surname: "Mrs Ferris", his mother, in a note about Mr
# Ferris, is not him.
def test_a_relative_with_their_surname_is_not_them(linter):
    assert voice(linter, note("Mental Health Act assessment", "Daniel Ferris", "adult",
                              "Assessment at Mr Ferris's flat. His mother, Jean Ferris, is his nearest "
                              "relative. I rang Mrs Ferris. She said she wants him somewhere safe. Mr Ferris "
                              "let us in.")) == [(MISSING, 6, 1)]
    # The carer is the person: her husband, introduced by name, is the relative.
    assert voice(linter, note("carer's assessment", "Margaret Hill", "adult",
                              "Assessment at home with Mrs Hill. Her husband, Peter Hill, has dementia. Mr "
                              "Hill wanders at night. Mr Hill said he likes the day centre.")) == [(MISSING, 6, 1)]
    assert voice(linter, note("carer's assessment", "Margaret Hill", "adult",
                              "Assessment at home with Mrs Hill. Her husband, Peter Hill, has dementia. Mr "
                              "Hill wanders at night. Mrs Hill told me she is exhausted.")) == []


# Seen alone: the parser may cut "Farid | and I talked ...; his father stayed in the
# kitchen" before the carer's move; the whole sentence still counts.
def test_the_carer_out_of_the_way_after_a_cut_sentence(linter):
    head = "Statutory visit at home. "
    assert voice(linter, note("statutory visit", "Farid Rahimi", "child",
                              head + "Farid and I talked in the front room with only Mrs Nazari there to "
                              "interpret; his father and uncle stayed in the kitchen. Farid told me he is "
                              "sleeping better.")) == []
    assert voice(linter, note("statutory visit", "Farid Rahimi", "child",
                              head + "Farid and I talked in the front room with his father there; Farid went "
                              "upstairs after. Farid told me he is sleeping better.")) == [(ALONE, 6, 1)]
