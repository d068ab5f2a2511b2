"""The sentence-evidence classifier (training/train.py, shipped in
src/notecheck/models/evidence) and the rules that read it, on realistic notes:
finding by finding (rule id, line, column)."""

from __future__ import annotations

import pytest

from notecheck import nlp
from notecheck.checker import Checker
from notecheck.config import Config


def found(checker, text: str, metadata=None) -> list[tuple[str, int, int]]:
    return [(d.rule, d.line, d.column) for d in checker.check_text(text, metadata)]


@pytest.fixture(scope="module")
def judgement():
    return Checker(Config(), select=["voice", "opinion", "attribution", "holistic", "timeliness"],
                   today=__import__("datetime").date(2026, 12, 1))


def test_the_model_ships_in_the_package_and_is_small():
    files = [p for p in nlp.EVIDENCE_MODEL.rglob("*") if p.is_file()]
    assert (nlp.EVIDENCE_MODEL / "config.cfg").is_file()
    assert sum(p.stat().st_size for p in files) <= 10_000_000


def test_sentences_get_the_evidence_they_carry():
    classifier = nlp.load_evidence()
    said, history, shared = classifier.pipe([
        "Jamie told me, \"I want to live with my nan.\"",
        "Mum has a history of not engaging with services.",
        "I sent the referral to the school nurse so she can offer Jamie support.",
    ])
    assert said.cats["voice"] > 0.5
    assert history.cats["unsourced_claim"] > 0.5 and history.cats["voice"] < 0.5
    assert shared.cats["sharing"] > 0.5 and shared.cats["sharing_purpose"] > 0.5


def test_the_model_loads_only_for_a_rule_that_needs_it():
    nlp.load_evidence.cache_clear()
    checker = Checker(Config(), select=["jargon"])
    checker.check_text("Home visit. Mum said Jamie is doing well. Next visit in four weeks.")
    assert nlp.load_evidence.cache_info().currsize == 0


def test_a_relative_time_no_list_has_points_at_the_phrase(judgement):
    note = "Home visit. Jamie has not seen his dad over the summer, when they argued.\n"
    found_ = [d for d in judgement.check_text(note) if d.rule == "timeliness.vague-time-evidence"]
    assert [(d.line, d.column, d.end_column) for d in found_] == [(1, 49, 55)]
    assert note[48:54] == "summer"
    dated = note.replace("over the summer", "on Saturday 21 November 2026")
    assert "timeliness.vague-time-evidence" not in {d.rule for d in judgement.check_text(dated)}


def test_a_relative_time_the_list_has_is_left_to_the_list(judgement):
    """'the weekend before last' is timeliness.vague-time's now: one finding, not two."""
    note = "Home visit. Jamie has not seen his dad since the weekend before last, when they argued.\n"
    rules = [d.rule for d in judgement.check_text(note) if d.rule.startswith("timeliness.vague-time")]
    assert rules == ["timeliness.vague-time"]


def test_a_relative_time_a_pattern_of_the_list_finds_is_left_to_the_list(judgement):
    """'soon' ending a clause is one of timeliness.vague-time's patterns: one finding."""
    note = "Home visit. Office to be told soon.\n"
    rules = [(d.rule, d.column) for d in judgement.check_text(note)
             if d.rule.startswith("timeliness.vague-time")]
    assert rules == [("timeliness.vague-time", 31)]


def test_seen_alone_is_not_asked_of_a_visit_to_an_adult(judgement):
    note = "Home visit to Mrs Kaur. She told me she wants to stay in her flat.\n"
    rules = {d.rule for d in judgement.check_text(note, {"note_type": "home visit", "subject": "Mrs Kaur"})}
    assert "voice.not-seen-alone" not in rules
    child = {d.rule for d in judgement.check_text(note.replace("Mrs Kaur", "Leah"),
                                                   {"note_type": "home visit", "subject": "Leah"})}
    assert "voice.not-seen-alone" in child


def test_a_word_that_opens_a_sentence_is_not_taken_for_the_person(judgement):
    note = "Visited Leo at home with his mum. Mum said Leo is doing well at school.\n"
    voice = [d for d in judgement.check_text(note) if d.rule == "voice.missing-voice"]
    assert [(d.line, d.column) for d in voice] == [(1, 1)]
    assert "Leo's own words" in voice[0].message and "Visited" not in voice[0].message


def test_the_persons_voice_worded_as_no_verb_list_has_it_is_voice(judgement):
    meta = {"note_type": "care home daily record", "subject": "Harold Whitfield", "subject_type": "adult"}
    note = ("07:45 Harold assisted with personal care.\n\n"
            "13:00 Harold pushed the cup away and said \"Not today, love\" when offered his tea.\n")
    assert "voice.missing-voice" not in {d.rule for d in judgement.check_text(note, meta)}
    # Pushing the cup away when offered it is his answer too (communication without
    # words), so the silent note leaves out both.
    silent = note.replace("pushed the cup away and said \"Not today, love\" when offered", "was given")
    assert "voice.missing-voice" in {d.rule for d in judgement.check_text(silent, meta)}
