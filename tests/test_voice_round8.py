"""Voice, round eight: classes of writing that tests/dev-voice3 showed the voice rules
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


# The writer's guess at what the person feels or might do is not their voice: "she may be
# worried", "is likely to feel frightened", "she can speak to me at any time".
@pytest.mark.parametrize("sentence", [
    "Ava is likely to feel frightened and confused when the adults argue, and she may be worried that it is "
    "her fault.",
    "Ava may be worried about her mum.",
    "She might feel left out when her brother goes to contact.",
    "Ava probably wants to stay at her nan's.",
    "Ava must feel scared when Dad shouts.",
    "Ava knows she can speak to me or her teacher at any time.",
])
def test_a_guess_at_their_feelings_is_not_their_voice(linter, sentence):
    assert voice(linter, note("child in need visit", "Ava Morley", "child",
                              "Visit to Ava (8) at home. I saw Ava alone in her room. " + sentence)) \
        == [(MISSING, 6, 1)]


@pytest.mark.parametrize("sentence", [
    "She could tell me she \"can't do the stairs any more\".",
    "She said she might want to move nearer her daughter.",
    "She told me she would like a bath on Sundays.",
])
def test_what_they_could_tell_or_said_they_might_want_is_their_voice(linter, sentence):
    assert voice(linter, note("mental capacity assessment", "Edna Price", "adult",
                              "Assessment at her home with Mrs Price. " + sentence)) == []


# "indicated he was happy" sums up what the person conveyed without showing how: the
# writer's conclusion. How it was shown makes it their voice.
@pytest.mark.parametrize("sentence", ["Gary indicated he was happy with the new rota.",
                                      "Gary indicated that he wants to keep swimming on Saturdays.",
                                      "Gary communicated that he wanted to stay at the day centre."])
def test_a_summed_up_indication_is_not_their_voice(linter, sentence):
    assert voice(linter, note("support plan review", "Gary Thistle", "adult",
                              "Review at Gary's flat with Gary and his support worker. " + sentence)) \
        == [(MISSING, 6, 1)]


@pytest.mark.parametrize("sentence", ["Gary indicated that he wants to keep swimming by signing 'swim' and smiling.",
                                      "Gary indicated he wanted the blue one, using his picture cards.",
                                      "Gary indicated through Makaton that he wanted a drink.",
                                      "Gary indicated yes with a thumbs up when I asked about swimming."])
def test_an_indication_shown_is_their_voice(linter, sentence):
    assert voice(linter, note("support plan review", "Gary Thistle", "adult",
                              "Review at Gary's flat with Gary and his support worker. " + sentence)) == []


# A quote that holds the verb is the speaker's words for the person: Bev said Gary
# "loves the water" is Bev's voice, not Gary's.
def test_a_verb_inside_someone_elses_quote_is_theirs(linter):
    assert voice(linter, note("support plan review", "Gary Thistle", "adult",
                              "Review at Gary's flat. Bev, his support worker, said that Gary \"loves the water\" "
                              "and goes swimming every week.")) == [(MISSING, 6, 1)]


def test_their_quote_passed_on_by_someone_else_is_still_their_voice(linter):
    assert voice(linter, note("support plan review", "Gary Thistle", "adult",
                              "Review at Gary's flat. Bev said Gary told her, \"I want to go swimming more.\"")) \
        == []
