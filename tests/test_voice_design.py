"""Classes of voice false flag and miss, each beside the real problem it must still find:
who a 'she' or 'he' is (the person the sentence is about, a 'him' just before, a name the
note gives a role such as "his mother Priya"), a baby's cues the tagger reads as a noun,
notes that are not a contact with the person (a MASH contact, a title that opens with a
strategy discussion or professionals meeting), the person's own words passed on in quotes
(and a parent's paraphrase, which is not them), and 'seen alone' told as "on our own",
asked of a three-year-old, or of a visit to the foster carers. Real notes in, exact
findings out (rule, line, column), for the voice rules only."""

from __future__ import annotations

import pytest

from notecheck.notes.text import parse_text


def found(linter, text: str) -> list[tuple[str, int, int]]:
    parsed = linter.parse(parse_text("note.md", text))
    return [(d.rule, d.line, d.column) for d in linter.check(parsed) if d.rule.startswith("voice.")]


FRONT = "---\nsubject: {name}\nsubject_type: child\nnote_type: {type}\ncontact_date: 2026-11-29\n---\n"


def note(name: str, kind: str, body: str) -> str:
    return FRONT.format(name=name, type=kind) + body


CASES = {
    # ---- who 'she' and 'he' are ------------------------------------------------------
    "'she' after the person's outing is the person, not her aunt": (note(
        "Jade Lomax", "foster carer's daily record",
        "Jade went to the cinema with her aunt in the afternoon. When she came home she said "
        "she wants to go again next week.\n"), []),
    "'she' after Mum's account is Mum: her report of the child is no voice": (note(
        "Tyler Hughes", "home visit",
        "Home visit to Tyler (8). I saw Tyler alone in the kitchen. Mum told me Tyler was quiet "
        "at tea. She said he wants to change schools.\n"), [("voice.missing-voice", 7, 1)]),
    "'she' is the mother named just before it in the same sentence, not the child": (note(
        "Lily Grant", "home visit",
        "Home visit to Lily (6) and her mum. I saw Lily alone in her room. Lily was watching TV. "
        "There was shouting when I arrived and Donna had been crying, she said it was nothing.\n"),
        [("voice.missing-voice", 7, 1)]),
    "'him' is not the one who picks him up, wherever else she is named": (note(
        "Ben Sharma", "home visit",
        "Home visit to Ben (9 weeks) and Priya Sharma. I held Ben while Priya warmed a bottle. "
        "When Priya took him he stopped crying and fed well.\n"), []),
    "'he' looks past a name given as his mother, to the baby": (note(
        "Ben Sharma", "home visit",
        "Home visit to Ben (9 weeks) and his mother Priya Sharma. Ben was in his cot while Priya "
        "made tea. He watched my face and began to root and grizzle.\n"), []),
    "a baby only described, with no cue of his own, still lacks his voice": (note(
        "Ben Sharma", "home visit",
        "Home visit to Ben (9 weeks) and his mother Priya Sharma. Ben was in his cot while Priya "
        "made tea. He was clean and his weight is 5.1kg.\n"), [("voice.missing-voice", 7, 1)]),
    # ---- not a contact with the person -----------------------------------------------
    "a MASH contact is information from others, not a contact with the child": (note(
        "Kian Doyle", "MASH contact",
        "Contact from Kian's school at 9.40am: his teacher, Mr Webb, saw a bruise on Kian's "
        "cheek. Strategy discussion to be held today.\n"), []),
    "a professionals meeting under its title is not a contact with the child": ("""\
Professionals meeting - 24.11.2026
Present: Sam Okoro (social worker), Lisa Grant (Tia's class teacher), Jo Mills (school nurse).
Lisa said Tia (10) has missed four of her last six after-school sessions. Jo will see Tia at school on Friday.
""", []),
    "a home visit under its title, with only Mum's account, lacks the child's voice": ("""\
Home visit - 24.11.2026
Visit to Tia (10) at home with her mum. Mum said Tia has missed four of her after-school sessions.
""", [("voice.missing-voice", 1, 1), ("voice.not-seen-alone", 1, 1)]),
    # ---- the person's words passed on -----------------------------------------------
    "the child's own words, quoted, passed on by a named head of year": (note(
        "Leon Ward", "home visit",
        "Home visit to Leon (13). I saw Leon alone. His head of year, Ms Adebayo, phoned to say "
        "Leon told her on Monday, \"I don't want to go home tonight.\"\n"), []),
    "a parent's paraphrase of what the child told her is the parent's account": (note(
        "Leon Ward", "home visit",
        "Home visit to Leon (13). I saw Leon alone. Mum said Leon told her he does not want to "
        "go to his dad's.\n"), [("voice.missing-voice", 7, 1)]),
    # ---- the writer's framing is not the person's voice -----------------------------
    "'has chosen to' is the writer's account of a choice, not her words": (note(
        "Kayla Moore", "key-work session",
        "Key-work session with Kayla (15) in the lounge. Kayla has chosen to spend her "
        "weekends with older men who give her cash.\n"), [("voice.missing-voice", 7, 1)]),
    "her own choice, in her words, is her voice": (note(
        "Kayla Moore", "key-work session",
        "Key-work session with Kayla (15) in the lounge. Kayla told me she wants to see her "
        "friends at the weekend.\n"), []),
    "a care home's daily notes, titled so, are a contact with the resident": ("""\
Oakfield House - daily notes - Mabel Frost - 29/11/2026

08:00 Mabel assisted to wash and dress.
13:00 Mabel ate half her lunch.
""", [("voice.missing-voice", 1, 1)]),
    "hospital discharge planning is about the person's future: their wishes belong in it": ("""\
---
subject: Stan Hale
subject_type: adult
note_type: hospital discharge planning
contact_date: 2026-11-29
---
Stan has been medically fit for discharge since 20 November. It was agreed he will go to a care home for a 4-week assessment bed.
""", [("voice.missing-voice", 7, 1)]),
    "with his wishes recorded it passes": ("""\
---
subject: Stan Hale
subject_type: adult
note_type: hospital discharge planning
contact_date: 2026-11-29
---
Stan has been medically fit for discharge since 20 November. Stan told me he wants to go home, not to a care home.
""", []),
    # ---- seen alone ------------------------------------------------------------------
    "'we talked on our own' is seen alone": (note(
        "Mia Cole", "child in need visit",
        "Visit to Mia (9) at home. Mia and I talked on our own in her bedroom. She told me she "
        "likes her new school.\n"), []),
    "a three-year-old is not asked about being seen alone": (note(
        "Ava Cole", "home visit",
        "Home visit to Ava (3) and her dad. Ava showed me her dolls and said \"baby sleeping\".\n"), []),
    "a four-year-old is": (note(
        "Ava Cole", "home visit",
        "Home visit to Ava (4) and her dad. Ava showed me her dolls and said \"baby sleeping\".\n"),
        [("voice.not-seen-alone", 7, 1)]),
    "a supervising social worker's visit to the foster carers is not a visit to the child": ("""\
Supervising social worker visit to foster carers Tom and Jan Reed, 20 November 2026
Present: Tom and Jan Reed; supervising social worker Ann Bell.
Discussed Kai (11), who has lived with the Reeds since June. Jan said Kai told her, "I like my new bike."
""", []),
    "a statutory visit under its title still asks about seeing the child alone": ("""\
Statutory visit to Kai (11) at his foster carers' home, 20 November 2026
Kai showed me his new bike and told me, "I ride it to school."
""", [("voice.not-seen-alone", 1, 1)]),
}


@pytest.mark.parametrize("name", list(CASES))
def test_voice_classes_and_the_real_problems_beside_them(linter, name):
    text, expected = CASES[name]
    assert found(linter, text) == expected
