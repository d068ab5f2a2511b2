"""The single modules every kind shares: the term matcher (kinds/terms.py), the layout
step (kinds/layout.py), the note-type matcher (kinds/notetypes.py) and the subject
inference (kinds/subject.py). Real notes in; exact findings, spans or names out."""

from __future__ import annotations

import pytest

from notecheck.engine import Linter
from notecheck.kinds import subject
from notecheck.kinds.layout import Layout
from notecheck.kinds.notetypes import NoteTypes, type_words
from notecheck.kinds.terms import Terms
from notecheck.notes.text import parse_text
from notecheck.rules.loader import builtin_rules_dir, load_rules


@pytest.fixture(scope="module")
def rules():
    return {r.id: r for r in load_rules([builtin_rules_dir()]) if r.enabled}


@pytest.fixture(scope="module")
def linter(rules):
    wanted = ("clarity.vague-phrase", "voice.missing-voice", "jargon.formal-word",
              "labelling.institutional-language")
    return Linter([rules[i] for i in wanted if i in rules])


def parsed(linter, text: str):
    return linter.parse(parse_text("note.md", text))[0]


def findings(linter, text: str) -> list[tuple[str, int, int, str]]:
    note = parse_text("note.md", text)
    lines = note.text.split("\n")
    found = []
    for d in linter.check(linter.parse(note)):
        start = note.line_map.start_line
        if d.line == d.end_line:
            matched = lines[d.line - start][d.column - 1:d.end_column - 1]
        else:
            matched = lines[d.line - start][d.column - 1:] + "\n" + lines[d.end_line - start][:d.end_column - 1]
        found.append((d.rule, d.line, d.column, matched))
    return found


# -- one term matcher -----------------------------------------------------------------------

def test_terms_are_found_on_words_longest_first_and_never_overlapping(linter):
    doc = parsed(linter, "No concerns noted at school. Mum said there were no concerns.").doc
    terms = Terms(["no concerns", "no concerns noted", "concerns"])
    assert [(m.start, m.end, m.term, doc[m.start:m.end].text) for m in terms.matches(doc)] == [
        (0, 3, 1, "No concerns noted"), (10, 12, 0, "no concerns")]


def test_a_term_in_its_base_form_finds_every_inflection_unless_lemmas_are_off(linter):
    doc = parsed(linter, "Dad refused to engage. He is refusing to engage.").doc
    with_lemmas = Terms(["refuse to engage"])
    assert [(doc[s:e].text, m.exact) for m in with_lemmas.matches(doc) for s, e in [(m.start, m.end)]] == [
        ("refused to engage", False), ("refusing to engage", False)]
    assert list(Terms(["refuse to engage"], lemma=False).find(doc)) == []
    assert [m.exact for m in Terms(["refused to engage"], lemma=False).matches(doc)] == [True]


def test_terms_are_found_inside_a_sentence_at_positions_relative_to_it(linter):
    doc = parsed(linter, "Jamie was fine. Mum was fine too.").doc
    second = list(doc.sents)[1]
    assert [second[s:e].text for s, e in Terms(["fine"]).find(second)] == ["fine"]
    assert list(Terms(["fine"]).find(second)) == [(2, 3)]
    assert [t.i for t in Terms(["fine", "mum"]).tokens(doc)] == [2, 4, 6]


def test_a_term_wrapped_onto_the_next_line_is_found_by_every_kind(linter):
    # vague and the evidence kinds once had a term matcher of their own that stopped at
    # a line break; now every kind finds "no concerns" however the line is wrapped.
    text = "---\nsubject: Jamie Clarke\n---\nVisited Jamie at school today, no\nconcerns.\n"
    assert [f for f in findings(linter, text) if f[0] == "clarity.vague-phrase"] == [
        ("clarity.vague-phrase", 4, 32, "no\nconcerns")]


def test_a_term_listed_twice_names_its_entry():
    from notecheck.kinds.base import RuleProblem

    with pytest.raises(RuleProblem) as raised:
        Terms(["kicked off", "Kicked  off"], "terms", key="term")
    assert (raised.value.field, raised.value.message) == (
        ("terms", 1, "term"), "the term 'Kicked  off' is listed twice")


# -- one layout step ------------------------------------------------------------------------

NOTE = """\
Home visit – Jamie (9)
Date of contact: 06/11/2026
**Present:** Mum, Jamie

## What I saw
Jamie showed me his room. It was tidy.
10:30 Mum made tea.
Analysis:
I think things are better.
"""


def spans(text: str, found) -> list[str]:
    return [text[start:end] for start, end in found]


def test_layout_gives_the_title_opening_and_first_line():
    layout = Layout(NOTE)
    assert spans(NOTE, [layout.first_line]) == ["Home visit – Jamie (9)"]
    assert layout.title == "Home visit – Jamie (9)"
    # The opening skips the labelled header lines ("Date of contact: ...", "**Present:** ...").
    assert layout.opening == "Home visit – Jamie (9)\nHome visit – Jamie (9)"
    assert Layout("  \n\nHome visit, 3.45pm.\nMum was in.").title == ""  # a sentence, not a title
    assert Layout("Date of contact: 06/11/2026\nPhone call with Mum").opening == (
        "Date of contact: 06/11/2026\nPhone call with Mum")


def test_layout_gives_paragraphs_headings_and_labels():
    layout = Layout(NOTE)
    where = {line: NOTE.index(line) for line in (
        "Home visit", "Date of contact", "**Present:**", "## What I saw", "Jamie showed",
        "It was tidy", "10:30", "Analysis:", "I think")}
    paragraphs = {line: layout.paragraph(offset) for line, offset in where.items()}
    # A blank line, a heading (and the line after it) and a timed entry start a paragraph.
    assert paragraphs == {"Home visit": 0, "Date of contact": 0, "**Present:**": 0,
                          "## What I saw": 1, "Jamie showed": 2, "It was tidy": 2, "10:30": 3,
                          "Analysis:": 3, "I think": 3}
    # A heading names a section: a label line with a value after it is not one.
    assert [line for line, offset in where.items() if layout.in_heading(offset)] == [
        "## What I saw", "Analysis:"]
    assert [line for line, offset in where.items() if layout.on_markdown_heading(offset)] == [
        "## What I saw"]
    assert [line for line, offset in where.items() if layout.in_label(offset)] == [
        "Date of contact", "**Present:**"]


def test_layout_sentences_end_at_header_lines_paragraphs_and_list_items(linter):
    text = ("Home visit – Jamie (9)\nDate of contact: 06/11/2026\n**Present:** Mum, Jamie\n\n"
            "Jamie showed me his room. It was tidy.\n- Mum made tea.\n- Jamie was\nhappy to see me.\n")
    # A hard-wrapped sentence ("Jamie was / happy to see me") stays one sentence.
    assert [s.text.strip() for s in parsed(linter, text).layout.sentences] == [
        "Home visit – Jamie (9)", "Date of contact: 06/11/2026", "**Present:** Mum, Jamie",
        "Jamie showed me his room.", "It was tidy.", "- Mum made tea.", "- Jamie was\nhappy to see me."]


# -- one note-type matcher ------------------------------------------------------------------

def test_a_note_type_matches_when_its_words_come_in_order():
    visits = NoteTypes(["visit", "daily record", "multi-agency"])
    assert [t for t in ("Home visit", "CIN visit - Jamie", "care home daily record",
                        "Multi agency meeting", "record daily", "visitor log")
            if visits.match(type_words(t))] == [
        "Home visit", "CIN visit - Jamie", "care home daily record", "Multi agency meeting"]
    whole = NoteTypes(["assessment", "case summary"], whole=True)
    assert [t for t in ("Assessment", "assessment visit", "Case-summary")
            if whole.match(type_words(t))] == ["Assessment", "Case-summary"]


def test_a_multi_agency_meeting_is_not_a_contact_with_the_person(linter):
    body = "---\nsubject: Jamie Clarke\nnote_type: {}\n---\nMeeting about Jamie. School report he is settled.\n"
    assert [f[0] for f in findings(linter, body.format("review meeting"))] == ["voice.missing-voice"]
    assert findings(linter, body.format("multi-agency meeting")) == []


# -- one subject inference ------------------------------------------------------------------

def test_the_subject_is_the_person_named_most_often(linter, rules):
    text = ("Visit to Mr F at home with his son Craig. Mr F said he fell. Craig was out. "
            "Mr F showed me the bruise. Mum rang later.")
    note = parsed(linter, text)
    voice = rules["voice.missing-voice"].compiled
    # A single capital ("Mr F") is a name; a role ("Mum") never is.
    assert subject.infer_subject(note, voice["others"], voice["women"], voice["men"],
                                 voice["not_names"]) == "F"
    assert subject.infer_subject(note, rules["clarity.vague-phrase"].compiled["not_names"]) == "F"


def test_a_long_sentence_set_out_in_parts_is_read_a_part_at_a_time(rules):
    """clarity.long-sentence: past 35 words a sentence is too long, unless semicolons or
    colons set it out in parts of 35 words or fewer and the whole stays within 60."""
    linter = Linter([rules["clarity.long-sentence"]])
    parts = ("Reason: a six-year-old has bruises that a doctor says fit an adult's grip; "
             "his father's explanation does not match what the doctor found on Monday; "
             "and his sister describes frequent shouting at home late at night.\n")
    assert findings(linter, parts) == []
    # One part over 35 words: too long however it is punctuated (the run-in label
    # "Reason:" is not counted, so the finding starts after it).
    long_part = ("Reason: the bruises on his upper arms were seen by his teacher and the school "
                 "nurse on Monday morning and again on Tuesday and they say they look like the "
                 "marks an adult's grip would leave on a small child; his sister describes shouting.\n")
    assert [(r, line, col) for r, line, col, _ in findings(linter, long_part)] == [
        ("clarity.long-sentence", 1, 9)]
    # Parts each short, but 66 words in all.
    many = "; ".join(["Mum said she takes the children to school every day by bus"] * 6) + ".\n"
    assert [(r, line, col) for r, line, col, _ in findings(linter, many)] == [
        ("clarity.long-sentence", 1, 1)]
