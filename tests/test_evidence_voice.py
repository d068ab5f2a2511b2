"""Evidence and voice: opinion, attribution, voice, clarity and Think Family rules on
realistic notes, checked finding by finding (rule id, line, column)."""

from __future__ import annotations

import socket

import pytest

from notecheck.config import Config
from notecheck.engine import Linter
from notecheck.notes.text import parse_text
from notecheck.rules.loader import RuleLoadError, builtin_rules_dir, load_rule_file, load_rules
from notecheck.rules.selection import select_rules

CATEGORIES = ("opinion", "attribution", "voice", "clarity", "holistic")


@pytest.fixture(scope="module")
def rules():
    return [r for r in load_rules([builtin_rules_dir()]) if r.category in CATEGORIES and r.enabled]


@pytest.fixture(scope="module")
def linter(rules):
    return Linter(rules)


def findings(linter, text: str, path: str = "note.md") -> list[tuple[str, int, int]]:
    diagnostics = linter.check(linter.parse(parse_text(path, text)))
    return [(d.rule, d.line, d.column) for d in diagnostics]


def messages(linter, text: str) -> dict[str, str]:
    return {d.rule: d.message for d in linter.check(linter.parse(parse_text("note.md", text)))}


POOR_VISIT = """\
---
subject: Jamie Clarke
subject_type: child
note_type: home visit
contact_date: 2026-03-10
---
Home visit to Jamie and Mum.
Mum appears tired. It was reported that Dad had been at the flat.
The mother was neglectful and Jamie's basic needs were met.
It was decided that the case would stay open.
"""


def test_poor_visit_note_gets_every_evidence_and_voice_finding(linter):
    assert findings(linter, POOR_VISIT) == [
        ("voice.missing-voice", 7, 1),          # note-level: the first line of the text
        ("voice.not-seen-alone", 7, 1),
        ("opinion.unsupported-opinion", 8, 5),  # "appears"
        ("attribution.unsourced-report", 8, 20),  # "It was reported"
        ("opinion.unsupported-judgement", 9, 16),  # "neglectful"
        ("clarity.vague-phrase", 9, 39),        # "basic needs were met"
        ("attribution.unsourced-decision", 10, 1),  # "It was decided"
    ]


GOOD_VISIT = """\
---
subject: Jamie Clarke
subject_type: child
note_type: home visit
---
I saw Jamie alone in his bedroom. He told me, "I like it here."
Mum said Jamie seems happier since he moved school.
The flat was not dirty. There was bread, milk and fruit in the kitchen.
It was reported by the school that Jamie was late twice this week.
"""


def test_good_visit_passes_with_reported_speech_negation_and_a_named_source(linter):
    assert findings(linter, GOOD_VISIT) == []


def test_the_persons_own_words_are_voice_not_the_writers_opinion(linter):
    note = ("---\nnote_type: home visit\nsubject: Jamie\nsubject_type: child\n---\n"
            "I spoke to Jamie alone. Jamie said he feels safe at home and that everything is fine.\n")
    assert findings(linter, note) == []


def test_what_a_parent_says_about_the_child_is_not_the_childs_voice(linter):
    note = ("---\nnote_type: statutory visit\nsubject: Jamie\nsubject_type: child\n---\n"
            "Jamie was seen alone in his room.\n"
            "Mum told me Jamie is happy and wants to stay living with her.\n")
    assert findings(linter, note) == [("voice.missing-voice", 6, 1)]


def test_pronoun_after_mum_still_refers_to_the_child(linter):
    # 'he' cannot be Mum, so it is Jamie, the last person named who could be 'he'.
    note = ("---\nnote_type: home visit\nsubject: Jamie\nsubject_type: child\n---\n"
            "I saw Jamie on his own while Mum made tea. He told me he likes his new school.\n")
    assert findings(linter, note) == []


def test_a_quote_after_the_persons_name_is_their_voice(linter):
    note = ("---\nnote_type: direct work session\nsubject: Kyle Day\nsubject_type: child\n---\n"
            "Session with Kyle at school, on his own in the library.\n"
            "**Kyle:** \"I want to go back to my old school.\"\n")
    assert findings(linter, note) == []
    other = note.replace("**Kyle:**", "**Teacher:**")
    assert findings(linter, other) == [("voice.missing-voice", 6, 1)]


def test_each_child_needs_their_own_voice(linter):
    note = ("---\nnote_type: home visit\nsubject: [Zara Ahmed, Rayan Ahmed]\nsubject_type: child\n---\n"
            "I saw Zara and Rayan alone in their bedroom.\n"
            "Zara told me she likes her new bed. Rayan played with his cars.\n")
    assert findings(linter, note) == []
    without_rayan = note.replace(" Rayan played with his cars.", "")
    found = linter.check(linter.parse(parse_text("note.md", without_rayan)))
    assert [(d.rule, d.line, d.column) for d in found] == [("voice.missing-voice", 6, 1)]
    assert "contact with Rayan Ahmed but" in found[0].message


def test_hyphenated_first_names_are_found(linter):
    note = ("---\nnote_type: home visit\nsubject: [Lily-Mae Thornton, Harvey Thornton]\n"
            "subject_type: child\n---\nI saw Lily-Mae alone in her bedroom. Lily-Mae said, "
            "\"Mummy is sad.\" Harvey babbled and brought me his toy bus.\n")
    assert findings(linter, note) == []


def test_observed_communication_counts_for_a_baby(linter):
    note = ("---\nnote_type: home visit\nsubject: Poppy\nsubject_type: child\n---\n"
            "Poppy (11 months) was not seen alone because of her age.\n"
            "She smiled when I sang to her and reached for the stacking cups.\n")
    assert findings(linter, note) == []


def test_why_views_could_not_be_obtained_passes(linter):
    note = ("---\nnote_type: home visit\nsubject: Jamie\nsubject_type: child\n---\n"
            "Visit at 8pm. Jamie was asleep, so he was not seen alone. I will visit on Thursday after school.\n")
    assert findings(linter, note) == []


def test_without_subject_metadata_the_most_named_person_is_inferred_and_said(linter):
    note = ("Home visit to see Leo. Mum and her partner Craig were present.\n"
            "Craig said Leo is sleeping through. Mum said Leo is eating well.\n")
    # "eating well", in Mum's words about Leo, is the writer's summary (clarity, round 8).
    assert findings(linter, note, "leo.txt") == [("voice.missing-voice", 1, 1),
                                                 ("clarity.vague-phrase", 2, 53)]
    message = messages(linter, note)["voice.missing-voice"]
    assert "Leo" in message and "named most often" in message and "subject:" in message


def test_a_call_with_the_school_is_not_a_contact_with_the_child(linter):
    note = ("---\nnote_type: telephone call - school\nsubject: Tyler\n---\n"
            "Mrs Hughes, Tyler's class teacher, rang me. She told me Tyler sat on his own at lunch "
            "on each of the last four days.\n")
    assert findings(linter, note) == []


def test_a_phone_call_counts_as_contact_only_when_it_was_with_the_person(linter):
    about = ("---\nnote_type: phone call\nsubject: Oscar Fairbrother\nsubject_type: child\n---\n"
             "Call from Claire Benson, health visitor. She said Oscar was weighed at clinic "
             "on 26 November and has dropped below the 9th centile.\n")
    assert findings(linter, about) == []
    with_her = ("---\nnote_type: telephone call\nsubject: Donna Hall\nsubject_type: adult\n---\n"
                "I phoned Ms Hall about the police report.\nHelpline number given.\n")
    assert findings(linter, with_her) == [("voice.missing-voice", 6, 1)]


def test_a_note_with_only_metadata_gets_no_note_level_findings(linter):
    note = "---\nsubject: Jamie\nsubject_type: child\nnote_type: home visit\n---\n"
    assert findings(linter, note) == []


def test_labelled_opinion_with_its_basis_passes(linter):
    note = ("In my professional opinion Ms Reid will need help with the baby, because she has "
            "no family nearby and the flat has black mould on the bedroom wall.\n")
    assert findings(linter, note) == []


def test_hedge_without_a_complement_is_not_an_opinion(linter):
    assert findings(linter, "Dad appeared at the door at 10am and let me in.\n") == []


def test_hedged_claim_with_evidence_in_the_next_sentence_passes(linter):
    note = ("Amber seemed anxious. She picked at her sleeves and did not look at me for ten minutes.\n")
    assert findings(linter, note) == []


def test_hedge_with_evidence_two_sentences_later_is_flagged(linter):
    note = "Amber seemed anxious. Mum made tea at 4pm. I noticed she was picking at her sleeves.\n"
    assert findings(linter, note) == [("opinion.unsupported-opinion", 1, 7)]


def test_an_agentless_report_is_not_evidence_for_an_opinion(linter):
    note = "Mum appears low. It was reported that she has stopped eating.\n"
    assert findings(linter, note) == [("opinion.unsupported-opinion", 1, 5),
                                      ("attribution.unsourced-report", 1, 18)]


@pytest.mark.parametrize("text, expected", [
    ("Concerns were raised about Leah's weight.\n", [("attribution.unsourced-report", 1, 1)]),
    ("Concerns were raised at the core group on 14 June about Leah's weight.\n", []),
    ("Apparently Mum has a new partner.\n", [("attribution.unsourced-report", 1, 1)]),
    ("Tyler was described as withdrawn by his teacher, Mr Price.\n", []),
    ("A decision was made to end the placement.\n", [("attribution.unsourced-decision", 1, 3)]),
    ("It was agreed with Mum that I will visit again on Friday.\n", []),
    ("Dad is reported to have been seen outside the school on Friday.\n",
     [("attribution.unsourced-report", 1, 1)]),
])
def test_attribution(linter, text, expected):
    assert findings(linter, text) == expected


def test_think_family_points_at_the_risk(linter):
    risk = ("---\nsubject: Mark Evans\nsubject_type: adult\n---\n"
            "Mr Evans told me he drinks two litres of cider a day since he lost his job.\n")
    assert findings(linter, risk) == [("holistic.think-family", 5, 21)]  # "drinks"


def test_think_family_children_named_but_not_considered_is_flagged(linter):
    # Listing who lives there is not Think Family: the note must say what the drinking
    # means for Callum. The finding points at the risk, with its own message.
    note = ("---\nsubject: Mark Evans\nsubject_type: adult\n---\n"
            "Mr Evans told me he drinks two litres of cider a day.\n\n"
            "He lives with his partner and her son, Callum (15). Referral made to the alcohol service.\n")
    assert findings(linter, note) == [("holistic.think-family", 5, 21)]  # "drinks"
    assert "names children" in messages(linter, note)["holistic.think-family"]


def test_think_family_adult_son_is_not_a_dependant(linter):
    note = ("---\nsubject_type: adult\n---\nMrs Hughes told me her son, Darren (45), uses cannabis "
            "and takes money from her purse. She lives with Darren.\n")
    assert findings(linter, note) == []


@pytest.mark.parametrize("text", [
    # who else lives there is recorded, and what it means for them
    "---\nsubject_type: adult\n---\nMr Evans told me he drinks two litres of cider a day. "
    "He lives with his partner and her son, Callum (15). I will speak with Callum this week "
    "about what this means for him.\n",
    # a child named only by age still counts: Holly (13)
    "---\nsubject_type: adult\n---\nMs Barker drinks a bottle of vodka a day. Holly (13) found "
    "her on the floor. I think Holly may need support of her own.\n",
    "---\nsubject_type: adult\n---\nMr Evans told me he drinks two litres of cider a day. "
    "He lives alone and has no children.\n",
    # a child's note is about the child already
    "---\nsubject: Mia\nsubject_type: child\n---\nMia told me Mum has been drinking again.\n",
])
def test_think_family_passes(linter, text):
    assert [f for f in findings(linter, text) if f[0] == "holistic.think-family"] == []


LONG = ("I visited the family home at 4pm and Mum answered the door and said that the children had "
        "just come back from school and that she had been to the GP in the morning about her back "
        "pain and that Dad was at work.\n")


def test_long_sentence_limit_is_an_option_the_config_can_change(rules):
    default = Linter([r for r in rules if r.id == "clarity.long-sentence"])
    assert findings(default, LONG) == [("clarity.long-sentence", 1, 1)]
    assert "44 words (the limit is 35)" in default.check(default.parse(parse_text("n", LONG)))[0].message
    chosen = select_rules(rules, ["clarity.long-sentence"], [],
                          options={"clarity.long-sentence": {"max_words": 45}})
    assert findings(Linter(chosen, Config()), LONG) == []


def test_list_items_are_not_one_long_sentence(linter):
    note = "Present:\n" + "".join(f"- Worker number {i} from the {i}th team\n" for i in range(1, 9))
    assert findings(linter, note) == []


DENSE = ("Consideration was given to the appropriateness of the continuation of the current "
         "arrangements regarding supervised parental contact, notwithstanding the considerable "
         "uncertainty surrounding the sustainability of maternal abstinence. The multi-agency "
         "professional network concluded that the implementation of a comprehensive reassessment "
         "incorporating psychological evaluation would be necessary prior to any modification of "
         "the existing contractual expectations. Furthermore, the documentation accompanying the "
         "referral demonstrated considerable inconsistency regarding the chronology of significant "
         "incidents, necessitating clarification with the originating organisation. Subsequently, "
         "the practitioner undertook comprehensive consultation with the designated safeguarding "
         "representative regarding the appropriateness of escalation.\n")


def test_readability_is_scored_offline(linter, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("notecheck must never use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    found = linter.check(linter.parse(parse_text("n", DENSE)))
    readability = [d for d in found if d.rule == "clarity.readability"]
    assert [(d.line, d.column) for d in readability] == [(1, 1)]
    assert "grade" in readability[0].message


def test_short_notes_are_not_scored_for_readability(linter):
    short = DENSE.split(". ")[0] + ".\n"  # one dense sentence: too short for the formula
    assert [f for f in findings(linter, short) if f[0] == "clarity.readability"] == []


def test_vague_words_in_the_persons_own_words_are_left_alone(linter):
    assert findings(linter, 'Kayla said, "He shouts all the time."\n') == []
    assert findings(linter, "Mum told me she drinks a lot when the children are at their dad's.\n") == []
    assert findings(linter, "Dad often shouts at the children.\n") == [("clarity.vague-quantity", 1, 5)]


def test_a_mention_rule_that_would_apply_to_every_note_is_refused(tmp_path):
    rule_file = tmp_path / "holistic" / "bad.yaml"
    rule_file.parent.mkdir()
    rule_file.write_text(
        "rules:\n"
        "  - id: holistic.bad\n"
        "    kind: mention\n"
        "    severity: info\n"
        "    message: m\n"
        "    description: d\n"
        "    principle: p\n"
        "    required: [children]\n"
        "    examples: {fail: [x], pass: [y]}\n", encoding="utf-8")
    rules, errors = load_rule_file(rule_file)
    assert rules == []
    assert [(e.line, e.field) for e in errors] == [(2, "triggers")]
    assert "every note" in errors[0].message


def test_a_misspelt_voice_option_names_the_closest_one(tmp_path):
    rule_file = tmp_path / "voice" / "bad.yaml"
    rule_file.parent.mkdir()
    source = (builtin_rules_dir() / "voice" / "voice.yaml").read_text(encoding="utf-8")
    rule_file.write_text(source.replace("    voice_verbs:", "    voice_verb:", 1), encoding="utf-8")
    with pytest.raises(RuleLoadError) as error:
        load_rules([tmp_path])
    assert "voice_verbs" in str(error.value)


@pytest.mark.parametrize("rule_id", [
    "opinion.unsupported-opinion", "opinion.unsupported-judgement", "attribution.unsourced-report",
    "attribution.unsourced-decision", "voice.missing-voice", "voice.not-seen-alone",
    "clarity.long-sentence", "clarity.vague-phrase", "clarity.vague-quantity",
    "clarity.readability", "holistic.think-family"])
def test_rule_examples(linter, rules, rule_id):
    rule = next(r for r in rules if r.id == rule_id)
    assert len(rule.fail_examples) >= 1 and len(rule.pass_examples) >= 1
    assert linter.run_examples(rule) == []


# ---- generalising to notes written blind to the rules (tests/heldout) -----------------

def test_headings_and_labelled_opinions_resting_on_the_paragraph_pass(linter):
    # "## What I think" names a section; "I think" may sum up what the paragraph set out.
    note = ("## What I think\n\nSkye told me Mo picks her up from school. She said he gives her "
            "vodka. Skye is 14. I think Mo is grooming Skye.\n")
    assert [f for f in findings(linter, note) if f[0].startswith("opinion")] == []


def test_evidence_in_another_paragraph_does_not_support_a_view(linter):
    note = ("Mum told me she has not slept for a week.\n\nHer home life appears chaotic.\n\n"
            "Mum said things have been hard since Dad left.\n")
    assert findings(linter, note) == [("opinion.unsupported-opinion", 3, 15)]  # "appears"


def test_clearly_before_a_claim_is_a_view_but_not_after_a_verb(linter):
    note = "Mr Jones sent me photos of the scratch.\n\nMum is clearly struggling since the baby was born.\n"
    assert findings(linter, note) == [("opinion.unsupported-opinion", 3, 8)]  # "clearly"
    assert findings(linter, "Ms Okafor spoke clearly and answered every question.\n") == []


def test_seen_without_saying_what_was_seen_is_not_evidence(linter):
    note = "The children appeared happy. Children's bedrooms seen – appropriate.\n"
    assert findings(linter, note) == [("opinion.unsupported-opinion", 1, 14),  # "appeared"
                                      ("clarity.vague-phrase", 1, 57)]         # "appropriate"


def test_judgement_in_a_daily_log_fragment(linter):
    assert findings(linter, "10:30  Harold agitated in the lounge. Staff intervened.\n") == [
        ("opinion.unsupported-judgement", 1, 15),  # "agitated"
        ("clarity.vague-phrase", 1, 39)]  # "Staff intervened": what did they do?
    assert findings(linter, "10:30  Harold agitated in the lounge: he was shouting and threw "
                            "his cup at the wall.\n") == []


def test_said_little_is_not_the_persons_voice(linter):
    note = ("---\nsubject: Jordan Reece\nsubject_type: child\nnote_type: meeting\n---\n"
            "Meeting at the youth offending office. Mum said she is worried about him. "
            "Jordan attended but said little.\n")
    assert findings(linter, note) == [("voice.missing-voice", 6, 1)]


def test_daily_record_subject_is_the_resident_not_the_staff_initials(linter):
    note = ("ROSEWOOD HOUSE – DAILY RECORD\nName: Harold Whitfield\n\n"
            "07:45  Harold assisted with personal care. (KB)\n\n13:00  Harold ate his lunch. (SM)\n\n"
            "17:30  Harold ate well. (SM)\n")
    # "ate well" says nothing of what he ate (clarity, round 8).
    assert findings(linter, note) == [("voice.missing-voice", 1, 1), ("clarity.vague-phrase", 8, 15)]
    assert "Harold" in messages(linter, note)["voice.missing-voice"]


def test_asking_how_often_is_not_vague(linter):
    assert findings(linter, "Nicola does not know how often Dean sees Alfie.\n") == []


def test_a_reason_for_no_views_excuses_only_the_person_it_is_about(linter):
    # Isla was asleep; Noah was watching TV and was never heard.
    note = ("---\nsubject: Noah Bell\nsubject_type: child\nnote_type: home visit\n---\n"
            "Home visit. Mum told me Noah has been wetting the bed. Noah was watching TV and his "
            "sister was asleep on the sofa. I saw Noah alone in his room.\n")
    assert findings(linter, note) == [("voice.missing-voice", 6, 1)]


def test_she_carries_on_from_the_sentence_before_not_the_child_named_inside_it(linter):
    # "She said" is still the foster carer, though Jack was named in her account.
    note = ("---\nsubject: Jack Turner\nsubject_type: child\nnote_type: home visit\n---\n"
            "Visit to Mrs Reid, Jack's foster carer. She told me Jack came home at midnight on "
            "Friday. She said this is the fourth time this month. I saw Jack alone in his room.\n")
    assert findings(linter, note) == [("voice.missing-voice", 6, 1)]
    heard = note.replace("She said this is the fourth time this month.",
                         "He said he wants to stay out later at weekends.")
    assert findings(linter, heard) == []


# ---- what the second blind set (tests/heldout2) taught -----------------------------------

def test_someone_elses_account_next_door_is_not_evidence_for_a_judgement_of_a_person(linter):
    note = ("Chantelle was in her room when I arrived. She was rude to her mum and refused to "
            "come down. Mum says she can't control her.\n")
    assert findings(linter, note) == [("opinion.unsupported-judgement", 1, 51)]
    # The person's own account, next door, is evidence.
    own = "Dad was rude to the receptionist. He told me he was angry the visit was cancelled.\n"
    assert findings(linter, own) == []
    # A place cannot speak: what Mum said about the flat supports a judgement of it.
    flat = "The flat is unsuitable for a baby. Mum told me the heater has been broken since October.\n"
    assert findings(linter, flat) == []


def test_a_carers_worry_before_a_judgement_of_the_person_cared_for_is_not_evidence(linter):
    note = ("Tariq rang about his mother. He says he cannot cope with her at home.\n"
            "Mrs Ahmed is very demanding with the carers.\n")
    assert findings(linter, note) == [("opinion.unsupported-judgement", 2, 19)]


def test_a_labelled_view_may_rest_on_the_reasons_that_follow_it(linter):
    note = ("**Analysis:** In my view the risk from Dan is lower than at the conference. "
            "Mia's account matches her mum's. The window lock is in place, and I saw it.\n")
    assert findings(linter, note) == []
    unlabelled = note.replace("In my view the risk", "The risk").replace(" is lower", " appears lower")
    assert findings(linter, unlabelled) == [("opinion.unsupported-opinion", 1, 33)]


def test_a_run_in_label_is_not_counted_in_the_sentence_length(linter):
    sentence = ("I explained, using a written sheet in large print, the two options being talked "
                "about: going home with carers four times a day, or a short stay in a care home.")
    assert findings(linter, "**Decision-making (Mental Capacity Act 2005):** " + sentence + "\n") == []
    # (Its colon sets it out in parts, so the part before the colon must be too long, and
    # its commas into stretches, so one stretch must run on past 23 words.)
    longer = sentence.replace("I explained,", "I explained slowly and twice over with her daughter "
                              "Sue beside her and her advocate from the local advocacy service "
                              "listening on the speaker phone,")
    assert findings(linter, "**Decision-making:** " + longer + "\n") == [("clarity.long-sentence", 1, 22)]


def test_nothing_of_note_and_some_concerns_are_vague(linter):
    note = "Health – nothing of note. School – attendance 88%, some concerns re presentation.\n"
    assert findings(linter, note) == [("clarity.vague-phrase", 1, 10),
                                      ("clarity.vague-phrase", 1, 52)]


def test_a_large_amount_is_a_vague_quantity(linter):
    # (and the bank, with no one in it named, is the only source: attribution's)
    assert findings(linter, "The bank reported large withdrawals from Mr Hill's account.\n") == [
        ("attribution.institution-only-source", 1, 1), ("clarity.vague-quantity", 1, 19)]
    assert findings(linter, "The bank reported withdrawals of £2,400 from Mr Hill's account.\n") == [
        ("attribution.institution-only-source", 1, 1)]


def test_without_metadata_only_the_most_named_persons_own_vague_words_are_left_alone(linter):
    note = ("Aaliyah said she looks after Kai-Jay a lot. Aaliyah told me she wants a night light.\n"
            "Tanisha said Nan comes round a lot but not every night.\n")
    assert findings(linter, note) == [("clarity.vague-quantity", 2, 30)]


def test_mental_health_and_dv_shorthand_trigger_think_family(linter):
    note = ("---\nsubject: Roxanne Bailey\nsubject_type: adult\n---\n"
            "HV to Roxanne at home. Seemed to be responding to unseen stimuli at times.\n"
            "Plenty of toys and a pushchair in the hallway. Crisis team details given.\n")
    assert ("holistic.think-family", 5, 51) in findings(linter, note)
    dv = ("PPN received from police re DV incident at Mr Reid's address. He lives with his "
          "partner and her son, Jay (4). NFA by police.\n")
    assert findings(linter, dv) == [("holistic.think-family", 1, 29)]


def test_a_care_home_daily_record_is_a_contact_that_needs_the_residents_voice(linter):
    note = ("---\nnote_type: care home daily record\nsubject: Dennis Hargreaves\nsubject_type: adult\n---\n"
            "07:30 – Dennis woken for breakfast. Refused personal care.\n"
            "20:00 – Assisted to bed. Appeared content.\n")
    assert ("voice.missing-voice", 6, 1) in findings(linter, note)
    heard = note.replace("Refused personal care.", "He told me he wanted to wash after breakfast.")
    assert "voice.missing-voice" not in [rule for rule, _, _ in findings(linter, heard)]


def test_him_after_a_name_is_someone_else_so_he_goes_back_further(linter):
    # 'him' in "Jo weighed him" cannot be Jo, so the 'he' who grizzled is Oscar.
    note = ("---\nnote_type: home visit\nsubject: Oscar Lindley\nsubject_type: child\n---\n"
            "Oscar (10 weeks) was on his play mat. Jo, the health visitor, weighed him: 5.2kg. "
            "When he started to grizzle, Abbie picked him up.\n")
    assert findings(linter, note) == []
    # A baby is not expected to be seen alone, but still needs their voice.
    quiet = note.replace("When he started to grizzle, Abbie picked him up.", "Abbie fed him.")
    assert findings(linter, quiet) == [("voice.missing-voice", 6, 1)]


def test_a_visit_without_metadata_is_read_from_its_title(linter):
    note = ("Date of contact: 06/11/2026\nWorker: Mark Dobson, SW\n\n"
            "Child protection visit – Harvey (9) and Rosie (6)\n\n"
            "Harvey showed me his spellings and said he got 9 out of 10. "
            "Rosie told me her rabbit is called Carrot.\n")
    assert findings(linter, note) == [("voice.not-seen-alone", 1, 1)]
    alone = note.replace("Harvey showed", "I saw both children alone in the garden. Harvey showed")
    assert findings(linter, alone) == []
    adult = ("Date of visit: 06/11/2026\n\nHome visit with Steven (42) at his house. Steven told me "
             "he wants to stop drinking. His partner's boys, Callum (8) and Reece (11), were at school.\n")
    assert "voice.not-seen-alone" not in [rule for rule, _, _ in findings(linter, adult)]


def test_emails_from_various_professionals_name_no_source(linter):
    note = "Several emails have been received from various professionals about the children.\n"
    assert findings(linter, note) == [("clarity.vague-quantity", 1, 1),  # "Several"
                                      ("attribution.unsourced-report", 1, 9)]
    named = "An email was received from Ms Khan, the class teacher, on 3 May.\n"
    assert findings(linter, named) == []


def test_a_decision_label_must_say_who_decided(linter):
    assert findings(linter, "MASH decision: NFA. Information only. Leanne to be signposted.\n") == [
        ("attribution.unsourced-decision", 1, 1)]
    assert findings(linter, "**Decision:** After the meeting my manager, Sam Heald, decided "
                            "to start an assessment.\n") == []
    assert findings(linter, "**Decision-making (Mental Capacity Act 2005):** I explained the "
                            "options to Mrs Murray.\n") == []


def test_a_baby_is_not_expected_to_be_seen_alone_but_an_older_child_is(linter):
    baby = ("---\nnote_type: home visit\nsubject: Oscar\nsubject_type: child\n---\n"
            "Oscar is 10 weeks old. He smiled when Mum sang to him.\n")
    assert findings(linter, baby) == []
    older = baby.replace("Oscar is 10 weeks old.", "Oscar is 15 years old.")
    assert findings(linter, older) == [("voice.not-seen-alone", 6, 1)]


def test_someone_elses_account_of_the_persons_evenings_is_no_reason_their_views_are_missing(linter):
    # "he is out" is in Mum's report of his evenings; "going missing" is no wish or feeling.
    note = ("YOT Case Note\nContact: office appt\n\n"
            "Jordan attended the session late with his mum. He keeps going missing from home. "
            "Mum reports he is out every night and she can't control him.\n")
    assert [f for f in findings(linter, note) if f[0] == "voice.missing-voice"] == [
        ("voice.missing-voice", 1, 1)]
    heard = note.replace("He keeps going missing from home.", "He told me he wants to stay at home more.")
    assert "voice.missing-voice" not in [rule for rule, _, _ in findings(linter, heard)]


def test_not_being_at_a_meeting_about_them_does_not_excuse_their_missing_views(linter):
    note = ("Discharge Planning Meeting – Ward 7B\nPatient: Mr Reginald Oakes, 88\n\n"
            "Present: ward sister, OT, PT, SW. Mr Oakes has been medically fit for discharge "
            "since 19/10. Mr Oakes was not present at the meeting. Interim placement to be sourced.\n")
    assert [f for f in findings(linter, note) if f[0] == "voice.missing-voice"] == [
        ("voice.missing-voice", 1, 1)]
    views = note.replace("Mr Oakes was not present at the meeting.",
                         "Mr Oakes was not present at the meeting. I saw him on the ward on 27/10 "
                         "and he told me he wants to go home.")
    assert "voice.missing-voice" not in [rule for rule, _, _ in findings(linter, views)]
    # A strategy meeting's title says it is between professionals.
    strategy = note.replace("Discharge Planning Meeting", "Strategy Meeting")
    assert "voice.missing-voice" not in [rule for rule, _, _ in findings(linter, strategy)]


def test_an_incident_record_is_a_contact_that_needs_the_persons_voice(linter):
    note = ("---\nsubject: Aaron Whitby\nsubject_type: adult\nnote_type: incident record\n---\n"
            "Incident approx 18:30.\n\nAaron threw a plate in the kitchen. Staff used a low "
            "arousal approach and Aaron went to his room.\n")
    assert ("voice.missing-voice", 6, 1) in findings(linter, note)
    heard = note.replace("went to his room.", "went to his room. Later he told me he was angry "
                                              "because the kitchen was noisy.")
    assert "voice.missing-voice" not in [rule for rule, _, _ in findings(linter, heard)]


def test_known_to_be_hides_who_knows_it_but_known_to_police_does_not(linter):
    assert findings(linter, "Skye is known to be in a relationship with a 22-year-old man.\n") == [
        ("attribution.unsourced-report", 1, 1)]
    assert findings(linter, "Dad is known to police; PC Ray told me this on 2 May.\n") == []


def test_a_passive_that_points_to_words_given_elsewhere_hides_no_source(linter):
    def attribution(text):
        return [f for f in findings(linter, text) if f[0].startswith("attribution")]

    assert attribution("I told Beryl I would make sure this was said at her review.\n") == []
    note = ("The chair, Ahmed Qureshi, decided the enquiry will go ahead. "
            "Sally will tell Gwen who was at the meeting and what was decided.\n")
    assert attribution(note) == []
    assert attribution("It was decided that the enquiry will go ahead.\n") == [
        ("attribution.unsourced-decision", 1, 1)]


def test_carers_report_is_not_the_writers_evidence_for_how_the_child_presented(linter):
    note = "Leon presented as settled. Carers report he is doing well at school.\n"
    assert [f for f in findings(linter, note) if f[0].startswith("opinion")] == [
        ("opinion.unsupported-opinion", 1, 6)]
    own = "Leon presented as settled. He told me he likes his new school.\n"
    assert [f for f in findings(linter, own) if f[0].startswith("opinion")] == []
    # A view the writer labels as their own may weigh anyone's account.
    labelled = ("Skye is 14. Skye describes him as the only person who listens to her. "
                "I think Mo is grooming Skye.\n")
    assert [f for f in findings(linter, labelled) if f[0].startswith("opinion")] == []


def test_poor_choices_is_a_judgement_of_the_person(linter):
    note = "Tanisha is a care leaver with a history of poor choices in relationships.\n"
    assert [f for f in findings(linter, note) if f[0].startswith("opinion")] == [
        ("opinion.unsupported-judgement", 1, 44)]


def test_a_long_time_is_a_vague_quantity(linter):
    assert findings(linter, "Aaron was shouting in the kitchen for a long time.\n") == [
        ("clarity.vague-quantity", 1, 39)]


def test_harm_told_as_what_happened_triggers_think_family(linter):
    note = ("Call from neighbour. Pat's son Gavin has moved back in with her. Pat is being "
            "financially abused. Gavin's little girl (about 3) stays there at weekends.\n")
    assert ("holistic.think-family", 1, 91) in findings(linter, note)
    considered = note.replace("at weekends.", "at weekends. I will ask children's services whether "
                                              "she is safe when she stays.")
    assert "holistic.think-family" not in [rule for rule, _, _ in findings(linter, considered)]


def test_a_visit_mentioned_beside_the_name_is_no_contact_unless_they_were_a_party_to_it(linter):
    note = ("Telephone call – Mr Steven Carver (38)\nWorker: Liam Hodge\n\n"
            "Call from Steve's recovery worker at the drug service. It was reported by her that he "
            "has relapsed. Steve's leg ulcer is getting worse and DN visits are being missed as "
            "he is not answering the door.\n")
    assert "voice.missing-voice" not in [rule for rule, _, _ in findings(linter, note)]
    visited = note.replace("DN visits are being missed as he is not answering the door.",
                           "I visited Steve at home on 13/11 to check on his leg.")
    assert ("voice.missing-voice", 1, 1) in findings(linter, visited)
