"""mention: a note that should say something and does not.

A note-level check. It applies to notes of the listed types (``note_types``, from the
metadata) and/or notes that mention a trigger ("domestic abuse", "drinking"); it reports
when none of the ``required`` terms appears — in a sentence that also has one of the
``near`` words, when those are given ("seen alone": "alone" near "see", "speak").

With ``dependants`` (Think Family), naming the children is not enough: a note that
mentions a child or other dependant ("his two children stay every weekend", "Holly (13)")
must also say something about them in the light of the risk — a sentence that names them
beside one of the ``considered`` words ("at risk", "what this means for", "I will speak
to"). Only a note that names no dependant at all may pass on a ``required`` household
statement ("lives alone", "has no children").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds import subject
from notecheck.kinds.base import Finding, Options, ParsedNote, RuleProblem
from notecheck.kinds.evidence import sentence_evidence
from notecheck.kinds.language import FEMALE, HE, MALE, SHE, english, name_parts, subject_of, tokens_of
from notecheck.kinds.notetypes import NoteTypes, note_type, type_words
from notecheck.kinds.terms import Terms


class MentionOptions(Options):
    note_types: list[str] = []  # each matches a note_type with its words in order: "visit", "home visit"
    # A note without note_type metadata is of one of note_types when its title says so
    # ("Child protection visit – Harvey (9) and Rosie (6)", "Home visit, 3.45pm."): the
    # first line, or the first after the "Date: ..." header lines. For subject_types
    # [child] the first person it gives an age must then be a child, as the note has no
    # other way to say whom it is about.
    note_types_from_text: bool = False
    # Of those, visits to someone else about the child, matched in note_type or in the title
    # the same way: "Supervising social worker visit to foster carers Ian and Margaret"
    # is with the carers, so whether the child was seen alone is not its question.
    other_party_note_types: list[str] = []
    subject_types: list[str] = []  # child / adult; a note with no subject_type still counts
    # Titles only an adult is given (Mr, Mrs). For subject_types [child], a note with no
    # subject_type is about an adult, and not checked, when its subject (metadata, else the
    # first person its title names) has one, or when the first person its title gives an
    # age to is an adult ("Visit – Mrs Kaur", "Home visit – Dennis (82)").
    adult_titles: list[str] = []
    triggers: list[str] = []
    # Triggers used only when none of ``triggers`` is found: the services and orders of a
    # risk ("referred to the IDVA", "his drug worker"), which name it less plainly.
    fallback_triggers: list[str] = []
    # Words right before a trigger that make it something else: "energy drinks", "soft
    # drinks", "hot drinks" are not alcohol.
    trigger_not_after: list[str] = []
    # Verbs that put a trigger in the past when the sentence gives a year or says "years
    # ago": "stopped drinking in 2015", "gave up heroin years ago".
    past_verbs: list[str] = []
    # Words right after a trigger that make it something else: a "drinks round" or a
    # "drinks trolley" in a care home is tea and juice.
    trigger_not_before: list[str] = []
    required: list[str] = Field(min_length=1)
    near: list[str] = []
    # Terms that say it of the writer and the person together, so need no ``near`` word:
    # "Amir and I had half an hour in the kitchen with just the two of us", "we were on
    # our own".
    required_anywhere: list[str] = []
    # Terms that need no ``near`` word in a sentence where the writer is one of those there
    # ('I', 'we', 'me', 'us'): "I had a one-to-one with Amir in the kitchen" (not "he has
    # one-to-one support at school").
    required_with_writer: list[str] = []
    # A form's field that names a required term and answers only one of these ("Seen
    # alone: No.", "Seen alone? N"), with no reason after it, says the thing did not happen
    # but not why: it does not count, and the finding uses no_answer_message.
    no_answers: list[str] = []
    no_answer_message: str | None = None
    # Someone else out of the way, told of them: a sentence whose clause has one of
    # away_verbs with one of away_places, its subject someone other than the person the note
    # is about and the writer ("Mum stayed downstairs while we talked", "his foster carer went
    # out to the garden so that I could spend time with Kai"), and that names the person or
    # says 'we', counts as one of ``required`` (beside a ``near`` word). The person's own
    # moves ("Mia went upstairs") do not.
    away_verbs: list[str] = []
    away_places: list[str] = []
    # People whose being there still leaves the person alone with the writer: a sign
    # language interpreter the child agreed to ("Maya, Ruth and I talked in her bedroom"
    # after "A BSL interpreter, Ruth Hammill, came with me"). Named beside one of these
    # words, or called by it.
    alone_with: list[str] = []
    # Leaving, with what was left as its object: "Mum left the room", "Dad left us to talk".
    leaving_verbs: list[str] = []
    left_places: list[str] = []
    # A child given an age in one of these units ("Oscar (10 weeks)") is a baby: the note
    # does not need to say why they were not seen alone. Without 'subject' metadata, this
    # holds when every child the note gives an age to is a baby.
    not_for_ages_in: list[str] = []
    # A child given an age in years under this ("Ruby (2)", "Ruby is 2 years old") is too
    # young to be spoken to alone, as a baby is. None: only not_for_ages_in decides.
    not_for_ages_under: int | None = Field(default=None, ge=1)
    # Words that say the person is a baby, next to their name: "baby Ava", "Ava
    # (newborn)", "Ava, a newborn". Such a note is not asked what not_for_ages_in spares.
    not_for_words: list[str] = []
    # Words for a child or other dependant (child, baby, pregnant). A person introduced
    # with an age under ``adult_age`` ("Holly (13)", "Alfie (7 weeks)") or named beside
    # one of these words ("her son, Callum", "Zain is her son") counts too.
    dependants: list[str] = []
    # Relations that may be grown up (son, daughter): a dependant only when given a
    # child's age or beside one of child_signs ("when he stays every other weekend").
    relatives: list[str] = []
    child_signs: list[str] = []
    # Where a grown-up son or daughter lives ("lives in Bristol", "lives with her"): said
    # of them, the note says who the family are; a son named only as part of the risk does
    # not say who else lives there.
    lives: list[str] = []
    # Words that show the note thinks about a dependant it names: in the same sentence.
    considered: list[str] = []
    # A sentence with one of these is not about the dependant in the light of the risk,
    # whatever considered word it has: "the boys were at school during the visit".
    considered_not_with: list[str] = []
    # Names a considered word is part of, where it says nothing of them: the "need" of "the
    # child in need visit" and the "Children in Need Team"; nor does a dependant word in
    # them name a child ("carry on as a child in need").
    considered_names: list[str] = []
    # Where a dependant was ("children asleep upstairs", "Jack was present"): in
    # a note about a child, said at or after the risk, or before it beside one of
    # whereabouts_when ("were in the house at the time"), this thinks about them; in an
    # adult's note, only beside one of whereabouts_when ("Ava was asleep in her cot during
    # the incident"), else see home_places.
    whereabouts: list[str] = []
    whereabouts_when: list[str] = []
    # Places at home ("in the flat", "at the house"): in an adult's note, a dependant said
    # to be somewhere else ("at school", "at their nan's", "not at home") is accounted
    # for; one at home with the adult ("was there", "was present") is not thought about.
    home_places: list[str] = []
    # The routine places of someone's day ("at school", "at nursery", "at his day centre"):
    # a dependant there is not accounted for by it, unless the sentence ties it to the risk
    # (whereabouts_when: "were at school when it happened").
    routine_places: list[str] = []
    # Of whereabouts, those that in an adult's note say only that they were at home with
    # the adult when it happened ("three children, who were at home during the incident"):
    # exposed to it, not thought about. With a place after them, only one of home_places.
    exposed_whereabouts: list[str] = []
    # What is known about them, which a note lists or passes on: a sentence that names them
    # only as its owner ("faxed the referral with the children's names") is not about them.
    information_nouns: list[str] = []
    # A trigger whose subject is anyone at all ("an enquiry into whether an adult is being
    # abused", "a service for anyone who drinks") says what a service is for, not a risk.
    generic_subjects: list[str] = []
    # Considered words that say who looks after them ("her mum is looking after the
    # children"): they count only when that someone is named and is not the adult at risk
    # ("Craig looks after his two boys on his own", "are looked after at the house").
    care_verbs: list[str] = []
    adult_age: int = Field(default=18, ge=1)
    # Grown-ups who depend on the adult at risk count as dependants too, whatever their
    # age: one said to have one of care_needs ("their son Adam (34), who has a learning
    # disability", "his wife, Jean, who has dementia"), or whom the adult is said to look
    # after with one of carer_phrases ("he does everything for June", "the main carer for
    # his mother"). A relation told by one of adult_relatives ("his wife") is named by that
    # word. Not the adult at risk themselves ("Mr Hall has dementia").
    care_needs: list[str] = []
    carer_phrases: list[str] = []
    adult_relatives: list[str] = []
    # A parent called by one of these, capitalised and as a name ("Mum told me", not "her
    # mum"), shows the note is written about a child: the child is its focus already.
    child_view: list[str] = []
    # Sentence evidence (kinds/evidence.py): a sentence scored at least trigger_threshold
    # for trigger_evidence is a trigger too, when no trigger word is found (a risk told in
    # other words); a sentence scored at least considered_threshold for considered_evidence
    # anywhere in the note answers the rule (the household thought about in other words).
    trigger_evidence: str | None = None
    trigger_threshold: float = Field(0.5, gt=0, lt=1)
    # In a note about a child, a sentence scored at least this for trigger_evidence, said
    # of the child's carer (named beside one of child_note_carers: "Maureen Haworth
    # (maternal grandmother and special guardian for Skye)", "foster carer Tina"), is a
    # risk to the child's care told in other words. None: only the child_note_triggers.
    child_note_evidence_threshold: float | None = Field(None, gt=0, lt=1)
    child_note_carers: list[str] = []
    considered_evidence: str | None = None
    considered_threshold: float = Field(0.5, gt=0, lt=1)
    # Used when dependants are named but never considered; may use {match}.
    unconsidered_message: str | None = None
    # A note about a child (subject_type not in subject_types, or written with child_view
    # words) is checked for these triggers only — risks from the adults around the child,
    # such as domestic abuse or a parent's drinking — and must then think about the child:
    # a sentence naming them (or the children it names) with one of the considered words.
    # "DA incident at the home overnight ... Outcome: NFA" never says where the child was.
    child_note_triggers: list[str] = []
    child_note_message: str | None = None  # may use {match} and {child}
    # Header labels that say whom a note without metadata is about: a line "Re: Ashton
    # Wallace (3) and Skye Wallace (11 months)" makes it a note about a child.
    child_labels: list[str] = []
    # Child-note triggers a child may do or be drawn into themselves (drugs), listed here
    # and not again in child_note_triggers: they count only when their clause is about
    # someone named other than the child ("Lee has gone back to using heroin", "Gary is
    # dealing from the house"), not "she is being given vodka and cannabis at a flat".
    child_note_others_only: list[str] = []
    # The adults around a child, as the subject of one of those: "her boyfriend is using".
    child_note_adults: list[str] = []
    # Triggers (listed here, not again in triggers) that are a risk only beside one of
    # trigger_needs: a medicine for mental ill health counts when it is stopped or run out
    # ("stopped taking her lithium"), not when it is taken as prescribed ("took his
    # sertraline at 21:35").
    needs_trigger_words: list[str] = []
    trigger_needs: list[str] = []
    # Triggers (listed in triggers) that are something else after 'a': "open a crack",
    # "a crack in the ceiling" (not "smoking crack").
    mass_triggers: list[str] = []
    # The writer asking about them thinks about them: "I asked Kelly what happens with Ty
    # and Poppy on the nights Gary has been drinking", "I asked whether any children live
    # with Ronald". A sentence whose verb is one of question_verbs, its subject 'I' or 'we',
    # with one of question_words after it, counts as considered when it names them, and
    # whatever it names when its question word is one of household_question_words and the
    # question is about the home, with one of household_question_about in it ("I asked
    # who comes round", "who lives with her": who is at home or visits; not "I asked who
    # her GP is").
    question_verbs: list[str] = []
    question_words: list[str] = []
    household_question_words: list[str] = []
    household_question_about: list[str] = []


# "Holly (13)", "Alfie Ward (7 weeks)", "Craig (48)": a name and the age it is given with;
# a case header may say what they are first: "Oskar Lindqvist-Bah (child, 13)", "Doreen
# Halliwell (adult, 79)".
_KINDS = "|".join(re.escape(w) for w in sorted(english("person_kinds"), key=len, reverse=True))
_AGED_NAME = re.compile(r"\b([A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)(?: [A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?)*,? \(\s*"
                        r"(?:(?i:%s),\s*)?(?:aged? )?" % _KINDS +
                        r"(\d{1,3})(\s*(?:weeks?|months?|days?))?\b")
_NONE = english("negators")
# "his 4yo son", "her 6-year-old daughter", "young son", "baby daughter"
_YOUNG_BEFORE = re.compile(r"(\d{1,2} ?(?:yo|y/o|-?year-old)|%s) $" % "|".join(sorted(english("young"))),
                           re.IGNORECASE)
# The age right after a dependant word: "her son, Dean, is 24", "a daughter aged 30".
# "their daughter, Lexi, who is 18 months": an age in months or weeks is a baby's.
_AGE_AFTER = re.compile(r"[\s,]*(?:[A-Z][a-z]+[\s,]+)?(?:who is |who's |is |was |aged |\()(\d{1,3})"
                        r"(\s*(?:weeks?|months?|days?))?\b")


def _listed_once(words: list[str], more: list[str]) -> list[str]:
    seen = {w.lower() for w in words}
    return [*words, *(w for w in more if w.lower() not in seen)]


def compile_mention(rule) -> dict:
    o = rule.options
    if not o.note_types and not o.triggers:
        raise RuleProblem(("triggers",), "give note_types or triggers, or the rule would "
                                         "apply to every note")
    if o.dependants and not o.considered:
        raise RuleProblem(("considered",), "with dependants, give the considered words that "
                                           "show the note thinks about them")
    return {"note_types": NoteTypes(o.note_types), "other_party": NoteTypes(o.other_party_note_types),
            # The words that are a trigger only with another are triggers too, listed once.
            "triggers": Terms(_listed_once(o.triggers, o.needs_trigger_words), "triggers"),
            "fallback_triggers": Terms(o.fallback_triggers, "fallback_triggers"),
            "required": Terms(o.required, "required"),
            "near": Terms(o.near, "near"),
            "required_anywhere": Terms(o.required_anywhere, "required_anywhere"),
            "required_with_writer": Terms(o.required_with_writer, "required_with_writer"),
            "dependants": Terms(o.dependants, "dependants"),
            "away_verbs": Terms(o.away_verbs, "away_verbs"), "away_places": Terms(o.away_places, "away_places"),
            "alone_with": Terms(o.alone_with, "alone_with"),
            "leaving_verbs": Terms(o.leaving_verbs, "leaving_verbs"), "left_places": Terms(o.left_places, "left_places"),
            "considered": Terms(o.considered, "considered"),
            "considered_not_with": Terms(o.considered_not_with, "considered_not_with"),
            "considered_names": Terms(o.considered_names, "considered_names"),
            "whereabouts": Terms(o.whereabouts, "whereabouts"),
            "whereabouts_when": Terms(o.whereabouts_when, "whereabouts_when"),
            "care_verbs": Terms(o.care_verbs, "care_verbs"),
            "home_places": {w.lower() for w in o.home_places},
            "routine_places": {w.lower() for w in o.routine_places},
            "exposed": Terms(o.exposed_whereabouts, "exposed_whereabouts"),
            "information_nouns": {w.lower() for w in o.information_nouns},
            "generic_subjects": {w.lower() for w in o.generic_subjects},
            "child_note_adults": {w.lower() for w in o.child_note_adults},
            "child_labels": {" ".join(w.lower().split()) for w in o.child_labels},
            "relatives": Terms(o.relatives, "relatives"),
            # A medicine stopped is an adult's risk in a note about a child too, said of
            # someone other than the child ("Danielle told me she stopped taking her
            # sertraline"): one of the others-only triggers.
            "child_note_triggers": Terms(_listed_once(o.child_note_triggers, _listed_once(
                o.child_note_others_only, o.needs_trigger_words if o.child_note_triggers else [])),
                "child_note_triggers"),
            "child_note_others_only": Terms(_listed_once(
                o.child_note_others_only, o.needs_trigger_words if o.child_note_triggers else []),
                "child_note_others_only"),
            "needs_trigger_words": Terms(o.needs_trigger_words, "needs_trigger_words"),
            "trigger_needs": Terms(o.trigger_needs, "trigger_needs"),
            "child_view": Terms(o.child_view, "child_view"),
            "mass_triggers": {w.lower() for w in o.mass_triggers},
            "question_verbs": {w.lower() for w in o.question_verbs},
            "question_words": {w.lower() for w in o.question_words},
            "household_question_words": {w.lower() for w in o.household_question_words},
            "household_question_about": {w.lower() for w in o.household_question_about},
            "child_signs": Terms(o.child_signs, "child_signs"),
            "care_needs": Terms(o.care_needs, "care_needs"),
            "past_verbs": {" ".join(w.lower().split()) for w in o.past_verbs},
            "child_note_carers": Terms(o.child_note_carers, "child_note_carers"),
            "carer_phrases": Terms(o.carer_phrases, "carer_phrases"),
            "adult_relatives": Terms(o.adult_relatives, "adult_relatives"),
            "lives": Terms(o.lives, "lives")}


def needs(rule) -> set[str]:
    o = rule.options
    evidence = {"evidence"} if o.trigger_evidence or o.considered_evidence else set()
    if o.dependants or o.away_verbs or o.leaving_verbs:
        return {"lemma", "sents", "pos", "parse"} | evidence
    return {"lemma", "sents"} | evidence


def _evidence(parsed: ParsedNote, label: str, threshold: float) -> list:
    return [sent for sent, cats in sentence_evidence(parsed)
            if cats.get(label, 0.0) >= threshold
            and not parsed.in_quotes(sent.start_char, sent.end_char - 1)]


# "Poppy is 14 months old", "Oscar, 10 weeks old,", "Ava, who is 10 months old", "Ava,
# aged 10 months"
_AGE_OLD = re.compile(r"\b([A-Z][a-z]+)(?: [A-Z][a-z]+)*(?:,| is| was|, who is|, now|, aged| aged) (\d{1,2})"
                      r"(?: ?(days?|weeks?|months?)(?: old)?\b| ?years? old\b)")
# "Doreen, 84, at her bungalow", "Mr Horace Bentley, 79." (not "Jamie, 22 Elm Street")
_AGE_COMMA = re.compile(r"\b([A-Z][a-z]+)(?: [A-Z][a-z]+)*, (\d{2,3})()(?=[,.;)]|\s+(?:[a-z]|$))")


def _first_aged_is_child(text: str, adult_age: int) -> bool:
    """Is the first person given an age here a child ("visit – Harvey (9) and Rosie (6)";
    not "visit with Steven (42) ... his partner's boys, Callum (8)")?"""
    m = _AGED_NAME.search(text)
    return m is not None and bool(m.group(3) or int(m.group(2)) < adult_age)


def _headed_child(parsed: ParsedNote, labels: set[str], adult_age: int) -> str | None:
    """The first name of the child a header field names, in a note without metadata:
    "Child: Riley Ashcombe (7)", "Re: Ashton Wallace (3) and Skye Wallace (11 months)",
    not "Patient: Sinead Dolan (38)" (a labelled field in the first three lines, the first
    person it gives an age a child)."""
    for label, start, end in parsed.layout.header_fields(3):
        m = _AGED_NAME.search(parsed.text[start:end]) if label in labels else None
        if m is not None and (m.group(3) or int(m.group(2)) < adult_age):
            return m.group(1)
    return None


def _titled_child(parsed: ParsedNote, adult_age: int) -> str | None:
    """The first name of the child the title block gives an age, when it is the first
    person it gives one: "Noah Ferris-Banda (child, 5)   Worker: Yusuf Hamid"."""
    block = "\n".join(parsed.text.lstrip().split("\n")[:3])
    m = _AGED_NAME.search(block)
    return m.group(1) if m is not None and (m.group(3) or int(m.group(2)) < adult_age) else None


def _header(text: str, opening: str) -> str:
    """The title and the lines under it up to the first blank line: where a note without
    metadata says whom it is about ("LAC Statutory Visit" / "Child: Leon Mbatha (12)")."""
    block = text.lstrip().split("\n\n", 1)[0]
    return opening if _AGED_NAME.search(opening) else block


def _about_an_adult(parsed: ParsedNote, o) -> bool:
    titles = {t.lower().rstrip(".") for t in o.adult_titles}
    if not titles:
        return False
    subjects = parsed.note.subjects
    if subjects:
        if any(name.split()[0].lower().rstrip(".") in titles for name in subjects if name.split()):
            return True
        # "subject: Leanne Price" and, in the text, "Leanne Price (34)": an adult.
        own = {part for name in subjects for part in name_parts(name)}
        ages = [int(m.group(2)) for pattern in (_AGED_NAME, _AGE_COMMA) for m in pattern.finditer(parsed.text)
                if m.group(1) in own and not m.group(3)]
        return bool(ages) and all(age >= o.adult_age for age in ages)
    # The first person the title names decides: "Visit – Jamie (9) with Mrs Hall" is Jamie.
    opening = parsed.layout.opening
    title = re.search(r"\b(?:%s)\.? [A-Z]" % "|".join(re.escape(t) for t in o.adult_titles), opening)
    aged = _AGED_NAME.search(opening)
    if title is not None and (aged is None or title.start() < aged.start()):
        return True
    return aged is not None and not aged.group(3) and int(aged.group(2)) >= o.adult_age


def _a_baby(parsed: ParsedNote, o) -> bool:
    """Is the person the note is about given a baby's age ("Oscar (10 weeks)")?"""
    units = tuple(u.lower().rstrip("s") for u in o.not_for_ages_in)
    own = {part for name in parsed.note.subjects for part in name_parts(name)}
    under = o.not_for_ages_under or 0
    ages = [(m.group(1), (m.group(3) or "").strip().lower().rstrip("s"), int(m.group(2)))
            for pattern in (_AGED_NAME, _AGE_OLD) for m in pattern.finditer(parsed.text)
            if m.group(3) or int(m.group(2)) < o.adult_age]
    if own:
        ages = [age for age in ages if age[0] in own]
    if o.not_for_words and (own or not ages) and _called_a_baby(parsed.text, own, o.not_for_words):
        return True
    return bool(ages) and all(unit in units or (not unit and years < under)
                              for _, unit, years in ages)


def _called_a_baby(text: str, own: set[str], words: list[str]) -> bool:
    """Is the person called a baby beside their name: "baby Ava", "Ava (newborn)", "Ava, a
    newborn"? Without their names, anyone so called."""
    baby = "|".join(re.escape(w) for w in words)
    name = "|".join(re.escape(n) for n in own) if own else r"[A-Z][a-z]+"
    return re.search(r"(?i:\b(?:%s)) (?:%s)\b|\b(?:%s)(?: [A-Z][a-z]+)*,? \(?(?i:(?:a |an )?(?:%s))\b"
                     % (baby, name, name, baby), text) is not None


# "his little sisters (Amara, 7, and Leah, 5)", "special guardian for Skye, 9, and her
# brother Ellis, 6)": a first name and a child's age between commas.
_AGE_LISTED = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?), (\d{1,2})(?=[,;)])")


def _aged_names(text: str, adult_age: int) -> tuple[set[str], set[str]]:
    """First names given with a child's age, and with an adult's."""
    children, adults = set(), set()
    for m in _AGED_NAME.finditer(text):
        name, age, unit = m.group(1), int(m.group(2)), m.group(3)
        (children if unit or age < adult_age else adults).add(name)
    children |= {m.group(1) for m in _AGE_LISTED.finditer(text) if int(m.group(2)) < adult_age} - adults
    return children, adults


def _dependants(parsed: ParsedNote, c, adult_age: int) -> tuple[list, set[str], bool]:
    """The dependant words outside quotes, the first names of the children the note names,
    and whether it names a son or daughter who may be grown up ("her son visits")."""
    children, adults = _aged_names(parsed.text, adult_age)
    doc, words, relatives = parsed.doc, [], False
    spans = [(span, False) for span in c["dependants"].spans(doc)]
    spans += [(span, True) for span in c["relatives"].spans(doc)]
    names_of = [(n.start, n.end) for n in c["considered_names"].spans(doc)]
    for span, relative in spans:
        if parsed.in_quotes(span.start_char, span.end_char):
            continue
        if any(start <= span.start and span.end <= end for start, end in names_of):
            continue  # "carry on as a child in need", "the Children in Need Team": a name
        if _negated(doc, span.start):
            continue  # "has no children", "does not have a son"
        if span.end < len(doc) and doc[span.end].text == ":":
            continue  # a form's heading, "Household and dependants: Graham lives alone."
        age = _AGE_AFTER.match(parsed.text, span.end_char, span.sent.end_char)
        if age and not age.group(2) and int(age.group(1)) >= adult_age:
            continue  # "Her son, Dean, is 24 and lives in Manchester."
        # The name beside the word: "her son, Callum", "daughter Julie", "Zain is her son".
        named = [t for t in doc[span.end:min(span.end + 3, len(doc))] if t.pos_ == "PROPN"][:1]
        root = span.root
        if root.dep_ == "attr" and root.head.lemma_ == "be":
            named += [t for t in root.head.children if t.dep_ == "nsubj" and t.pos_ == "PROPN"]
        if any(t.text in adults for t in named):
            continue
        if relative and not (age or any(t.text in children for t in named)
                             or _YOUNG_BEFORE.search(parsed.text, max(0, span.start_char - 14), span.start_char)
                             or c["child_signs"].any_in(span.sent)
                             or _said_next(doc, span, c["child_signs"])):
            # A son who "lives in Bristol and phones on Sundays" says who the family are;
            # one told only as part of the risk ("His son Darren was asleep on the settee.
            # There were 11 empty cans of lager by him") does not.
            relatives = relatives or _lives_somewhere(span, c["lives"])
            continue
        children.update(t.text for t in named)
        words.append(span)
    return words, children - adults, relatives


_WHO = {"who", "that", "which"}
_TITLES = {"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr"}


def _cared_for(parsed: ParsedNote, c, in_the_risk: set[str]) -> tuple[list, set[str]]:
    """The grown-ups who depend on the adult (see care_needs): the relation words that
    name them ("his wife") and their first names ("Jean", "Adam"); not one named in the
    risk's sentence (in_the_risk), who is part of it."""
    if not (c["care_needs"] or c["carer_phrases"]):
        return [], set()
    doc = parsed.doc
    # First names: a husband shares her surname ("Marian Cho" cares for "Dennis Cho").
    own = {name.split()[-1] if name.split()[0].rstrip(".") in _TITLES else name.split()[0]
           for name in parsed.note.subjects if name.split()}
    if not own:
        inferred = subject.infer_subject(parsed, c["child_view"])
        own = {inferred} if inferred else set()
    bearers = []
    for span in c["care_needs"].spans(doc):
        root = span.root
        if root.dep_ == "amod" and root.head.pos_ in ("NOUN", "PROPN"):
            bearers.append(root.head)  # "her disabled son"
            continue
        who = _clause_subject(span)
        if who is not None and who.lower_ in _WHO and who.head.dep_ == "relcl":
            # "their son Adam (34), who has a learning disability": the person right
            # before 'who', however the parser hangs the clause.
            who = next((t for t in reversed(doc[who.sent.start:who.i])
                        if t.pos_ == "PROPN" or c["adult_relatives"].has(t)), who.head.head)
        if who is None or who.pos_ == "PRON":
            who = next((t for t in root.children if t.dep_ == "poss" and t.pos_ == "PROPN"), None)
        if who is not None:
            bearers.append(who)  # "June's dementia"
    for span in c["carer_phrases"].spans(doc):
        carer = _clause_subject(span)
        if carer is not None and carer.pos_ != "PRON" and not (carer.text in own or any(
                t.text in own for t in carer.children if t.dep_ == "compound")):
            continue  # "his daughter looks after him": someone else is the carer
        last = span[-1]
        after = [t for t in last.children if t.dep_ in ("pobj", "dobj")]
        if not after and last.i + 1 < len(doc):
            after = [t for t in doc[last.i + 1].children if t.dep_ == "pobj"]
        bearers += after[:1]
    def first_name(name):
        return min([name, *(t for t in name.children if t.dep_ == "compound" and t.pos_ == "PROPN")],
                   key=lambda t: t.i)

    words, names = [], set()
    for who in bearers:
        named = [who] if who.pos_ == "PROPN" else [
            t for t in who.children if t.dep_ in ("appos", "compound") and t.pos_ == "PROPN"][:1]
        first = first_name(named[0]) if named else None
        if who.text in own | in_the_risk or (first is not None and first.text in own | in_the_risk):
            continue  # the adult's own needs, or the one who harms them
        if who.pos_ == "PROPN" and who.dep_ == "appos" and c["adult_relatives"].has(who.head):
            if all(w.start != who.head.i for w in words):
                words.append(doc[who.head.i:who.head.i + 1])  # "his wife, Jean"
        elif who.pos_ != "PROPN" and c["adult_relatives"].has(who) and all(w.start != who.i for w in words):
            words.append(doc[who.i:who.i + 1])  # "his wife"
        if first is not None:
            names.add(first.text)
    return words, names


def _said_next(doc, span, terms) -> bool:
    """Is one of terms in the next sentence, when that sentence goes on about the same
    person as 'he' or 'she' ("Zain is her son. He is four and goes to nursery")?"""
    end = span.sent.end
    if end >= len(doc):
        return False
    following = doc[end].sent
    first = next((t for t in following if not t.is_space), None)
    return first is not None and first.lower_ in _ONE_PERSON and terms.any_in(following)


_ONE_PERSON = {"he", "she"}


def _negated(doc, start: int) -> bool:
    """A negator in the three words before, in the same phrase: "has no children", "does
    not have a son"; not "no arrests, children asleep", nor a negated deed done to them
    ("will not leave the boys alone with Nora")."""
    for t in reversed(doc[max(0, start - 3):start]):
        if t.is_punct or (t.pos_ == "VERB" and t.lemma_ != "have"):
            return False
        if t.lower_ in _NONE:
            return True
    return False


POSSESSIVES = english("possessives")


def _written_about_a_child(parsed: ParsedNote, names: set[str]) -> bool:
    doc = parsed.doc
    return any(t.text in names and not (t.i and doc[t.i - 1].lower_ in POSSESSIVES)
               and not parsed.in_quotes(t.idx, t.idx + len(t)) for t in tokens_of(doc))


# In the sentence after the children are named, 'they' and 'their' are them: "Her two
# children were asleep upstairs. I have told their school."
PLURAL = english("plural_pronouns")
WRITER = {"i", "we", "me", "us"}  # the writer among those there


def _considered(parsed: ParsedNote, c, words: list, names: set[str], trigger=None,
                child_note: bool = False, at_risk: frozenset[str] | set[str] = frozenset(),
                cared: frozenset[str] | set[str] = frozenset()) -> bool:
    """Does a sentence naming the dependants think about them? In a note about a child,
    whose name runs through it, only a sentence at or after the risk counts ("Tobi is
    waiting for a speech and language assessment" before it is not about the risk)."""
    def unquoted(t) -> bool:
        return not parsed.in_quotes(t.idx, t.idx + len(t))

    names_of = [(n.start, n.end) for n in c["considered_names"].spans(parsed.doc)]

    def counts(span) -> bool:
        if parsed.in_quotes(span.start_char, span.end_char):
            return False
        if any(start <= span.start and span.end <= end for start, end in names_of):
            return False  # "the child in need visit"
        return not c["care_verbs"].any_in(span) or _someone_else_cares(span, at_risk)

    home_places, info = c["home_places"], c["information_nouns"]
    people = c["child_note_adults"] | FEMALE | MALE
    considered_at = {i for span in c["considered"].spans(parsed.doc) for i in range(span.start, span.end)}
    starts = {span.start for span in words}

    def names_them(t) -> bool:
        # "the children's names", "Aoife's date of birth": what is known about them,
        # passed on or listed, not them. In a note about a child, whose name runs through
        # it, the child named only as whose something is ("I will ask the school nurse
        # about Mia's eye test", "Lola's class teacher has no worries about her learning")
        # is about that thing, unless it is one of the considered words ("Mia's safety") or
        # their family ("the previous CP plan for Nyla's brother").
        if t.dep_ == "poss" and child_note and t.head.i not in considered_at and not (
                t.head.lemma_.lower() in c["child_note_adults"] or c["dependants"].has(t.head)
                or c["relatives"].has(t.head)):
            return False
        return ((t.text in names or t.i in starts) and unquoted(t)
                and not (t.dep_ == "poss" and t.head.lemma_.lower() in info))

    def theirs(span) -> bool:
        # Said of them, not of someone else in the sentence: "Leo is with Jay while mum
        # is at work" does not place Leo at work. A fragment ("children asleep") or a
        # pronoun may be them.
        # Where a grown-up who depends on the adult is ("Keith was at his day centre")
        # says nothing of what the risk means for them: they are not a child at school.
        token = span.root  # "children asleep upstairs": the word it describes
        while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            if names_them(token):
                return not placed_elsewhere(token)
            token = token.head
        who = _clause_subject(span)
        if who is not None and any(names_them(t) and placed_elsewhere(t) for t in who.subtree):
            return False
        return who is None or who.pos_ == "PRON" or any(names_them(t) for t in who.subtree)

    def placed_elsewhere(t) -> bool:
        return t.text in cared or t.i in cared

    after = trigger.start_char if child_note and trigger is not None else 0
    named_before = introduced = False
    for sent in parsed.layout.sentences:
        # After a colon, what it introduced goes on: "We thought together about Reuben: he
        # is dependent on his parents for everything".
        # 'He' or 'she' right after them is them: "Her daughter Lily (5) lives with them.
        # She was asleep at the time."
        named = introduced or any(names_them(t) for t in sent) or any(
            t.dep_ in _SUBJECTS and unquoted(t) and (a := _antecedent(t, people)) is not None
            and names_them(a) for t in sent)
        introduced = named and sent.text.rstrip().endswith(":")
        # Before the risk, only what is tied to its time: "were in the house at the time".
        if (named or (named_before and any(t.lower_ in PLURAL and unquoted(t) for t in sent))) \
                and (sent.end_char > after or c["whereabouts_when"].any_in(sent)) \
                and not c["considered_not_with"].any_in(sent):
            if _asked(sent, c, household=False):
                return True
            if any(counts(s) for s in c["considered"].spans(sent)):
                return True
            # Where they were: in a note about a child, anywhere; in an adult's, away from
            # the adult, or at the time of the risk ("asleep in her cot during the incident").
            if child_note or c["whereabouts_when"].any_in(sent):
                # Not where the adult says they are, in her own words: "She said the boys
                # were 'asleep upstairs, they're fine'" is her word, not the writer's check.
                if any(theirs(span) and not parsed.in_quotes(span.start_char, span.end_char)
                       and (child_note or not _exposed(span, c["exposed"], home_places))
                       for span in c["whereabouts"].spans(sent)):
                    return True
            elif _away(sent, home_places, theirs, c["routine_places"]):
                return True
        if _asked(sent, c, household=True) and (sent.end_char > after):
            return True
        named_before = named
    return False


_WRITER = {"i", "we"}


def _asked(sent, c, household: bool) -> bool:
    """Does the writer ask a question here: "I asked Kelly what happens with Ty and Poppy",
    "I asked whether any children live with Ronald" (question_words), or, with household,
    who is at home or comes round: "I asked who comes round" (household_question_words)?"""
    words = c["household_question_words"] if household else c["question_words"]
    if not words:
        return False
    for verb in sent:
        if verb.lemma_.lower() not in c["question_verbs"] or verb.pos_ != "VERB":
            continue
        if not any(t.dep_ == "nsubj" and t.lower_ in _WRITER for t in verb.children):
            continue
        after = [t for t in verb.subtree if t.i > verb.i]
        asked_anyone = household and any(t.lower_ in c["question_words"] for t in after) and any(
            t.lower_ in c["generic_subjects"] and t.lower_ not in ("a", "an") for t in after)  # "whether anyone else lives with her"
        if (any(t.lower_ in words for t in after) or asked_anyone) and (
                not household or any(t.lemma_.lower() in c["household_question_about"] for t in after)):
            return True
    return False


_HERE = set(english("here_words"))



def _exposed(span, exposed: Terms, home_places: set[str]) -> bool:
    """Is this where they were only at home with the adult: "who were at home during the
    incident", "were there at the time" (exposed, see exposed_whereabouts), not "asleep
    upstairs at the time" or "at school when it happened"?"""
    if not exposed.any_in(span):
        return False
    last = span[-1]
    if last.pos_ != "ADP":
        return True  # "were there", "were present", "were home"
    place = next((t for t in last.children if t.dep_ == "pobj"), None)
    if place is None and last.i + 1 < len(span.doc):
        place = span.doc[last.i + 1]
    return place is not None and place.lemma_.lower() in home_places and not any(
        w.dep_ == "poss" and w.pos_ in ("NOUN", "PROPN") for w in place.children)


def _away(sent, home_places: set[str], theirs, routine: set[str] = frozenset()) -> bool:
    """Does the sentence place someone away from home: "were at their nan's", "were at her
    sister's house", "were not at home"? Not at home with the adult ("Kai was there",
    "Harvey was present", "were in the flat"), which says who is exposed to the risk, not
    what it means for them; nor at one of the routine places of their day ("Tia was at
    school", "Kian was at nursery"), which says why they were not seen."""
    for be in sent:
        if be.lemma_ != "be" or not theirs(be.doc[be.i:be.i + 1]):
            continue
        negated = any(t.dep_ == "neg" for t in be.children)
        for t in be.children:
            if t.dep_ == "prep" and t.lower_ in ("at", "in"):
                place = next((w for w in t.children if w.dep_ == "pobj"), None)
                if place is None:
                    continue
                # "at her mum's house" is someone else's home; "at their house" theirs.
                elsewhere = any(w.dep_ == "poss" and w.pos_ in ("NOUN", "PROPN") for w in place.children)
                if not negated and not elsewhere and place.lemma_.lower() in routine:
                    continue
                if negated or elsewhere or place.lemma_.lower() not in home_places:
                    return True
            elif negated and t.lower_ in _HERE:
                return True
    return False


_YEAR = re.compile(r"\b(?:19|20)\d\d\b|\byears ago\b", re.IGNORECASE)


def _given_up(span, past_verbs: set[str]) -> bool:
    """Is the risk one given up long ago: "Ray stopped drinking in 2015", "gave up heroin
    years ago" (a verb of past_verbs over it, and a year in its sentence)?"""
    if not past_verbs or not _YEAR.search(span.sent.text):
        return False
    root = span.root  # "stopped [drinking]", "gave up [alcohol]"
    verb = root if root.pos_ == "VERB" and root.dep_ not in ("xcomp", "dobj", "pcomp") else root.head
    words = {verb.lemma_.lower(), " ".join([verb.lemma_.lower(), *(t.lower_ for t in verb.children if t.dep_ == "prt")])}
    return bool(words & past_verbs)


def _generic(span, generic: set[str]) -> bool:
    """Is the trigger said of anyone at all: "whether an adult is being abused", "for
    people who drink", "anyone affected by domestic abuse"?"""
    if not generic:
        return False
    who = _clause_subject(span)
    if who is None:
        return False
    if who.lower_ in generic:
        return True
    return who.pos_ == "NOUN" and any(t.dep_ == "det" and t.lower_ in generic for t in who.children)


def _someone_else_cares(span, at_risk) -> bool:
    """Is whoever looks after them named, and not the adult at risk? "Her mum is looking
    after the children" is; "Craig looks after his two boys on his own" and "they are
    looked after at the house" (by whom?) are not."""
    verb = span.root if span.root.pos_ in ("VERB", "AUX") else span.root.head
    who = next((w for t in verb.children if t.dep_ == "agent"
                for w in t.children if w.dep_ == "pobj"), None)
    if who is None:
        who = next((t for t in verb.children if t.dep_ == "nsubj"), None)
        if who is not None and who.lower_ in ("who", "that") and verb.dep_ == "relcl":
            who = verb.head
    if who is None or who.pos_ == "PRON":
        return False
    # The carer's own name ("Mr Dale", "Craig"), not whose relative they are: "Kelly's mum
    # is looking after them" is someone else.
    return not any(t.text in at_risk for t in [who, *(t for t in who.children if t.dep_ == "compound")])


def _at_risk(parsed: ParsedNote, trigger) -> set[str]:
    """The adult at risk: the note's subject, and whoever the risk's sentence names."""
    people = {part for name in parsed.note.subjects for part in name_parts(name)}
    if trigger is not None:
        people |= {t.text for t in trigger.sent if t.pos_ == "PROPN"}
    return people


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    if not parsed.text.strip():
        return  # an empty note has nothing to check
    c, o = rule.compiled, rule.options
    meta = parsed.note.meta
    subject_type = meta.get("subject_type")
    if o.subject_types and subject_type and subject_type not in o.subject_types:
        yield from _child_note(parsed, c, o)
        return
    if "child" in o.subject_types and not subject_type and _about_an_adult(parsed, o):
        return
    if o.child_note_triggers and "child" not in o.subject_types and not subject_type \
            and _headed_child(parsed, c["child_labels"], o.adult_age) is not None:
        yield from _child_note(parsed, c, o)  # "Re: Ashton Wallace (3) and Skye Wallace (11 months)"
        return
    if c["note_types"]:
        if meta.get("note_type") or not o.note_types_from_text:
            if not c["note_types"].match(note_type(parsed)) or c["other_party"].match(note_type(parsed)):
                return
        else:
            opening = parsed.layout.opening
            if not c["note_types"].match(type_words(opening)) or c["other_party"].match(type_words(opening)) or (
                    "child" in o.subject_types and not subject_type
                    and not _first_aged_is_child(_header(parsed.text, opening), o.adult_age)):
                return
    if o.not_for_ages_in and _a_baby(parsed, o):
        return
    trigger = None
    if c["triggers"]:
        not_after = {w.lower() for w in o.trigger_not_after}
        not_before = {w.lower() for w in o.trigger_not_before}
        generic = c["generic_subjects"]
        trigger = next((span for span in c["triggers"].spans(parsed.doc)
                        if not (span.start and parsed.doc[span.start - 1].lower_ in not_after)
                        and not (span.end < len(parsed.doc) and parsed.doc[span.end].lower_ in not_before)
                        and not _given_up(span, c["past_verbs"])
                        and not (span.start and parsed.doc[span.start - 1].lower_ == "a"
                                 and span.text.lower() in c["mass_triggers"])
                        and not _generic(span, generic)
                        and not (c["needs_trigger_words"].any_in(span) and not c["trigger_needs"].any_in(span.sent))),
                       None)
        if trigger is None:
            trigger = next((span for span in c["fallback_triggers"].spans(parsed.doc)
                            if not parsed.in_quotes(span.start_char, span.end_char)), None)
        if trigger is None and o.trigger_evidence:
            trigger = next(iter(_evidence(parsed, o.trigger_evidence, o.trigger_threshold)), None)
            if trigger is not None:  # the sentence, without the line break after it
                trigger = trigger.doc[trigger.start:max(trigger.start + 1, trigger.end - (
                    1 if trigger[-1].is_space else 0))]
        if trigger is None:
            return
    if o.considered_evidence and _evidence(parsed, o.considered_evidence, o.considered_threshold):
        return
    if o.child_view and _written_about_a_child(parsed, set(o.child_view)):
        if not subject_type:
            yield from _child_note(parsed, c, o)
        return
    if c["dependants"]:
        words, names, relatives = _dependants(parsed, c, o.adult_age)
        # Not someone the risk's own sentence names: "his wife, Parveen, ... hit him".
        cared_words, cared_names = _cared_for(parsed, c, _at_risk(parsed, trigger))
        starts = {x.start for x in words}
        cared = (cared_names - names) | {w.start for w in cared_words if w.start not in starts}
        words, names = words + [w for w in cared_words if w.start not in starts], names | cared_names
        if (words or names) and not _considered(parsed, c, words, names, trigger,
                                                at_risk=_at_risk(parsed, trigger), cared=cared):
            start, end = ((trigger.start_char, trigger.end_char) if trigger is not None
                          else parsed.layout.first_line)
            yield Finding(start, end, message=o.unconsidered_message)
        if words or names:
            return
        if relatives:
            return  # a grown-up son or daughter: the note says who the family are
    own = _own_names(parsed, o.adult_age) if c["away_verbs"] or c["leaving_verbs"] else set()
    if own and c["alone_with"]:
        own = own | _helpers(parsed.doc, c["alone_with"])
    bare_no = None
    for sent in parsed.layout.sentences:
        spans = list(c["required"].spans(sent)) if not c["near"] or c["near"].any_in(sent) else []
        spans += c["required_anywhere"].spans(sent)
        if any(t.lower_ in WRITER for t in sent):
            spans += c["required_with_writer"].spans(sent)
        if spans:
            for span in spans:
                field = _answered_no(parsed.text, span.start_char, span.end_char, o.no_answers)
                if field is None:
                    return
                bare_no = bare_no or field
        if _out_of_the_way(sent, c, own):
            return
    if trigger is not None:
        yield Finding(trigger.start_char, trigger.end_char)
    elif bare_no is not None:
        yield Finding(*bare_no, message=o.no_answer_message)  # "Seen alone: No."
    else:
        yield Finding(*parsed.layout.first_line)


_FIELD_END = re.compile(r"\.?(?=[ \t]*(?:$|\n|[ \t]{2,}|[;|]))")
_FIELD_START = re.compile(r"(?:^|[ \t]{2,}|[;|.])[ \t]*(?=[^;|.]*$)")


def _answered_no(text: str, start: int, end: int, answers: list[str]) -> tuple[int, int] | None:
    """Is the required term a form's field answered only "No", with no reason: "Seen
    alone: No.", "Seen alone? N   Bedroom seen: Yes" (not "Seen alone: No - Mum would not
    leave the room", nor "was not seen alone because ...")? The field's place, if so."""
    if not answers:
        return None
    m = re.match(r"[ \t]*[:?=\-–—][ \t]*(\w+)", text[end:])
    if m is None or m.group(1).lower() not in {a.lower() for a in answers}:
        return None
    after = _FIELD_END.match(text, end + m.end())
    if after is None:
        return None
    line_start = text.rfind("\n", 0, start) + 1
    label = _FIELD_START.search(text[line_start:start])
    return line_start + (label.end() if label else 0), after.end()


def _child_note(parsed: ParsedNote, c, o) -> Iterator[Finding]:
    """A note about a child that records a risk from the adults around them (see
    child_note_triggers) and never says what it means for the child or children."""
    if not c["child_note_triggers"] or not c["dependants"]:
        return
    subjects = parsed.note.subjects
    own = {part for name in subjects for part in name_parts(name)}
    if not subjects:
        # Without metadata, the child is the one a header field names ("Child: Riley
        # Ashcombe (7)"), else the one named most often ("Jamie told me Mum has been
        # drinking"): not Mum or Dad, whose words mark a note about a child.
        inferred = _headed_child(parsed, c["child_labels"], o.adult_age) \
            or _titled_child(parsed, o.adult_age) or subject.infer_subject(parsed, c["child_view"])
        own = {inferred} if inferred else set()
    adults = c["child_note_adults"]
    # A risk in quotes is the child's own words about themselves, unless its clause is about
    # another adult: Kayden said "Gary was off his head again".
    # A service's name is not the risk: "the drug and alcohol service".
    services = [(s.start, s.end) for s in c["fallback_triggers"].spans(parsed.doc)]

    def in_a_service(span) -> bool:
        return any(start <= span.start and span.end <= end and end - start > len(span)
                   for start, end in services)

    trigger = next((span for span in c["child_note_triggers"].spans(parsed.doc)
                    if not in_a_service(span)
                    and not _the_childs_own(span, own, adults)
                    and not (c["needs_trigger_words"].any_in(span) and not c["trigger_needs"].any_in(span.sent))
                    and ((not parsed.in_quotes(span.start_char, span.end_char)
                          and not c["child_note_others_only"].any_in(span))
                         or _someone_elses(span, own, adults, o.adult_age))),
                   None)
    if trigger is None and o.trigger_evidence and o.child_note_evidence_threshold is not None:
        # An adult's risk told in other words, said of an adult other than the child: the
        # special guardian who "can't get out of bed till dinner time" and is "forgetting
        # things, pans and that" since her GP put her on diazepam.
        carers = _carers(parsed, c, own, o.adult_age)
        trigger = next((sent for sent in _evidence(parsed, o.trigger_evidence, o.child_note_evidence_threshold)
                        if not any(_the_child_named(t, own) for t in sent)
                        and _told_of(sent, carers, adults)), None) if carers else None
        if trigger is not None:  # the sentence, without the line break after it
            trigger = trigger.doc[trigger.start:max(trigger.start + 1, trigger.end - (
                1 if trigger[-1].is_space else 0))]
    if trigger is None:
        return
    words, names, _ = _dependants(parsed, c, o.adult_age)
    if any(_the_child_named(t, own) for t in trigger.sent):
        # The risk told with the child in it ("Mia told me Mum has been drinking") thinks
        # about the child; the brothers and sisters the note names ("he picks his little
        # sisters (Amara, 7, and Leah, 5) up from school") must still be thought about.
        # Not the children the note is about, however their names are cut: "Lily-Mae".
        others = {n for n in names if n not in own and not set(re.split(r"[-']", n)) <= own}
        if not others or _considered(parsed, c, [], others, trigger, child_note=True,
                                     at_risk=_at_risk(parsed, trigger) - own):
            return
        child = " and ".join(sorted(others, key=parsed.text.find))
        yield Finding(trigger.start_char, trigger.end_char, message=o.child_note_message,
                      values={"child": child})
        return
    # The risk begins where the note first speaks of it, in any words: "Reuben's mum was
    # diagnosed with postnatal depression ... We thought together about Reuben ... until
    # the perinatal mental health team's first appointment".
    since = next((span for span in c["triggers"].spans(parsed.doc)
                  if span.start < trigger.start and not in_a_service(span)
                  and not parsed.in_quotes(span.start_char, span.end_char)), trigger)
    if _considered(parsed, c, words, names | own | _addressed(parsed, own), since, child_note=True,
                   at_risk=_at_risk(parsed, trigger) - own):
        return
    child = " and ".join(subjects) if subjects else (next(iter(own)) if own else "the child")
    yield Finding(trigger.start_char, trigger.end_char, message=o.child_note_message,
                  values={"child": child})


def _carers(parsed: ParsedNote, c, own: set[str], adult_age: int) -> set[str]:
    """The first names of the child's carers: the nearest name before one of
    child_note_carers in its sentence, else after it, that is not a child's ("Maureen
    Haworth (maternal grandmother and special guardian for Skye, 9)", "foster carer Tina")."""
    children = _aged_names(parsed.text, adult_age)[0] | own
    names = set()
    for span in c["child_note_carers"].spans(parsed.doc):
        sent = span.sent
        people = [t for t in sent if t.pos_ == "PROPN" and t.ent_type_ not in _NOT_PEOPLE
                  and t.text not in children and t.dep_ != "poss"]
        before = [t for t in people if t.i < span.start]
        after = [t for t in people if t.i >= span.end]
        who = before[-1] if before else (after[0] if after else None)
        if who is None:
            continue
        first = min([who, *(t for t in who.children if t.dep_ == "compound" and t.pos_ == "PROPN")],
                    key=lambda t: t.i)
        if first.text not in children:
            names.add(first.text)
    return names


def _told_of(sent, names: set[str], adults: set[str]) -> bool:
    """Is the sentence's main subject one of these people, by name or as 'she' or 'he'?"""
    root = next((t for t in sent if t.dep_ == "ROOT"), None)
    who = subject_of(root) if root is not None else None
    if who is None:
        return False
    if who.pos_ == "PRON":
        who = _antecedent(who, adults)
        if who is None:
            return False
    first = min([who, *(t for t in who.children if t.dep_ == "compound" and t.pos_ == "PROPN")],
                key=lambda t: t.i)
    return first.text in names or who.text in names


_CHILD_PRONOUNS = {"he", "she", "they", "i"}
_YOU = {"you", "You", "your", "Your", "yourself"}


def _addressed(parsed: ParsedNote, own: set[str]) -> set[str]:
    """In a letter to the child ("Dear Callum,"), 'you' is the child."""
    first = parsed.text.lstrip().split("\n", 1)[0]
    m = re.match(r"Dear ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b", first)
    return _YOU if m and m.group(1) in own else set()


def _clause_subject(span):
    """The subject of the clause a word is in, up the heads to the first verb that has
    one: "Lee has gone back to using heroin" is Lee's."""
    token = span.root
    while True:
        if token.pos_ in ("VERB", "AUX"):
            who = next((t for t in token.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if who is not None:
                return who
            # A chronology's fragment, with no verb of its own: "Mum (Kerry Dunstan) taken
            # by ambulance after taking an overdose" is Mum's; the participle describes her.
            if token.dep_ == "acl" and token.head.pos_ in ("PROPN", "NOUN") and token.head.dep_ == "ROOT":
                return token.head
        if token.head.i == token.i:
            return None
        token = token.head


def _someone_elses(span, own: set[str], adults: set[str], adult_age: int) -> bool:
    """Is the clause about an adult other than the child, by name or as one of the adults
    around a child: "Lee has gone back to using heroin", "her uncle is dealing drugs" (not
    "she", not the child, not "her drug tests showed cocaine")?"""
    who = _clause_subject(span)
    if who is None or who.text in own:
        return False
    # "Donna's speech was slurred", "Luke's GP has referred him": whose it is.
    return any(_an_adult(t, own, adults, adult_age) for t in [who, *(t for t in who.children if t.dep_ == "poss")])


_GROUPS = english("group_people")
_NOT_PEOPLE = {"DATE", "TIME", "GPE", "ORG", "LOC", "FAC", "CARDINAL", "ORDINAL", "PRODUCT", "EVENT", "MONEY", "QUANTITY"}
_SUBJECTS = ("nsubj", "nsubjpass")


def _a_person(t, people: set[str]) -> bool:
    """A name ("Troy"; not "Saturday", not "Leo's" in "Leo's dad") or a word for one
    of the people around someone ("Mum", "her boyfriend")."""
    if t.dep_ == "poss" or t.dep_ in ("compound", "flat") and t.head.pos_ == "PROPN":
        return False
    if t.lower_ in _GROUPS or t.tag_ in ("NNS", "NNPS"):
        return False  # "Staff have heard that she ...", "officers"
    if t.pos_ == "PROPN":
        return t.text[:1].isupper() and not t.text.isupper() and t.ent_type_ not in _NOT_PEOPLE
    return t.pos_ == "NOUN" and t.lemma_.lower() in people


def _agrees(t, pronoun) -> bool:
    """Could 'he' or 'she' be this person? Not 'he' for Mum, nor 'she' for Mr Cole."""
    # "her daughter Lily", "Lily, her daughter": the word the name is given with.
    words = {t.lemma_.lower(), *(ch.lemma_.lower().rstrip(".") for ch in t.children
                                 if ch.dep_ in ("compound", "appos"))}
    if t.dep_ in ("appos", "compound"):
        words.add(t.head.lemma_.lower())
    if pronoun.lower_ in HE:
        return not (words & FEMALE or words & {"mrs", "ms", "miss"})
    return not (words & MALE or "mr" in words)


_HE_SHE = {"he", "she"}


def _antecedent(pronoun, people: set[str], depth: int = 3):
    """The person 'he' or 'she' stands for: in its own sentence, its main subject before
    it ("Kyle told me he was drunk"), else the nearest person before it; else, in the
    sentence before, its main subject, then its other subjects and people from the last
    ("Mum said her boyfriend Troy came round. He was drunk": Troy). None when no one
    before agrees."""
    if pronoun.lower_ not in _HE_SHE or depth == 0:
        return None
    doc = pronoun.doc
    sent = pronoun.sent
    spans = [(sent.start, pronoun.i)]
    if sent.start > 0:
        before = doc[sent.start - 1].sent
        spans.append((before.start, before.end))
    for start, end in spans:
        # The same 'she' as the main subject goes on: "She has three children, Aoife (12)
        # and Niamh (4). She will be discharged on Friday" is still the mother.
        same = next((t for t in doc[start:end] if t.lower_ == pronoun.lower_ and t.dep_ in _SUBJECTS
                     and t.head.dep_ == "ROOT"), None)
        if same is not None:
            return _antecedent(same, people, depth - 1)
        mentions = [t for t in doc[start:end] if _a_person(t, people) and _agrees(t, pronoun)]
        if not mentions:
            continue
        main = [t for t in mentions if t.dep_ in _SUBJECTS and t.head.dep_ == "ROOT"
                or t.dep_ == "appos" and t.head.dep_ in _SUBJECTS and t.head.head.dep_ == "ROOT"]
        subjects = [t for t in mentions if t.dep_ in _SUBJECTS or t.dep_ == "appos" and t.head.dep_ in _SUBJECTS]
        for group in (main, subjects[::-1], mentions[::-1]):
            if group:
                who = group[0]
                # "her boyfriend Troy": the name, when the word has one.
                return next((ch for ch in who.children if ch.dep_ == "appos" and ch.pos_ == "PROPN"), who)
    return None


# "he", "his": one person, who may be an adult the sentence names.
_HE_OR_SHE = {"he", "she", "him", "her", "his"}


def _an_adult(who, own: set[str], adults: set[str], adult_age: int) -> bool:
    if who.pos_ == "PRON":
        # 'He' after an adult is named is that adult: "Mum said her boyfriend Troy came
        # round on Saturday. He was drunk"; after the child, the child.
        named = _antecedent(who, adults)
        if named is not None:
            return not _the_child_named(named, own) and named.text not in _aged_names(who.doc.text, adult_age)[0] \
                and (named.pos_ == "PROPN" or named.lemma_.lower() in adults)
        # "Mum, Gemma Pinnock, told me she smokes cannabis", "Riley's dad came to collect
        # him and staff saw his speech was slurred": a pronoun in a sentence that names an
        # adult around the child, and the child by first name only as whose relative they
        # are, is that adult.
        sent = who.sent
        if who.lower_ in _HE_OR_SHE and _said_by_an_adult(who, own, adult_age):
            return True
        return who.lower_ in _HE_OR_SHE and any(
            t.lemma_.lower() in adults and t.dep_ != "poss" for t in sent) and not any(
            _the_child_named(t, own) for t in sent)
    return who.text not in own and (who.pos_ == "PROPN" or who.lemma_.lower() in adults)




def _said_by_an_adult(who, own: set[str], adult_age: int) -> bool:
    """Is 'she' the one who says it, named and not the child nor a child the note gives an
    age: "Chloe said she has been in a really dark place" (not "Kyle said he ...")?"""
    if who.dep_ != "nsubj":
        return False  # "Staff have heard that she is being given vodka": done to her
    verb = who.head
    while verb.dep_ not in ("ccomp",) and verb.head.i != verb.i and verb.pos_ != "VERB":
        verb = verb.head
    if verb.dep_ != "ccomp":
        return False
    speaker = next((t for t in verb.head.children if t.dep_ == "nsubj"), None)
    if speaker is None or speaker.pos_ != "PROPN" or speaker.text in own:
        return False
    return speaker.text not in _aged_names(who.doc.text, adult_age)[0]


def _the_child_named(token, own: set[str]) -> bool:
    """Is the child named here, not only as whose relative someone is ("Riley's dad") nor
    as a surname they share ("Mum, Gemma Pinnock")?"""
    if token.text not in own or token.dep_ == "poss":
        return False
    # "Ty and Poppy" names Ty; "Mum, Gemma Pinnock" names only a surname Gemma shares.
    name = [token, *(t for t in token.children if t.dep_ in ("compound", "flat"))] + (
        [token.head] if token.dep_ == "compound" else [])
    return not any(t.pos_ == "PROPN" and t.text not in own for t in name)


def _the_childs_own(span, own: set[str], adults: set[str] = frozenset()) -> bool:
    """Is the risk the child's own: "Kyle told me he was drunk at the weekend", "Kyle has
    been drinking"? Its clause's subject is the child, by name or as a pronoun in a
    sentence that names them and no one else."""
    verb = span.root if span.root.pos_ in ("VERB", "AUX") else span.root.head
    who = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if who is None:
        return False
    if who.text in own:
        return True
    if who.lower_ not in _CHILD_PRONOUNS:
        return False
    named = _antecedent(who, adults)
    if named is not None:
        return _the_child_named(named, own)  # "Leo came to the office at 4pm. He was drunk"
    people = {t.text for t in span.sent if t.pos_ == "PROPN"}
    return bool(people) and people <= own


def _own_names(parsed: ParsedNote, adult_age: int) -> set[str]:
    """The parts of the names of the people the note is about: its 'subject', else the
    children its text gives an age ("Mia (9)")."""
    if parsed.note.subjects:
        return {part for name in parsed.note.subjects for part in name_parts(name)}
    return _aged_names(parsed.text, adult_age)[0]


# A clause inside another: its words are not the outer verb's place ("Mum stayed downstairs
# while I talked with Mia in her room": 'her room' is where we talked).
_INNER_CLAUSES = {"advcl", "ccomp", "xcomp", "conj", "relcl", "acl", "parataxis"}


def _out_of_the_way(sent, c, own: set[str]) -> bool:
    """Is someone other than the person and the writer told to be elsewhere, in a sentence
    about the writer's time with the person: "Tasha stayed downstairs for the 20 minutes we
    were talking", "Mo went out to the garden so that I could spend time with Kai"?"""
    for verb in (*c["away_verbs"].tokens_in(sent), *c["leaving_verbs"].tokens_in(sent)):
        if verb.pos_ not in ("VERB", "AUX") or not _someone_else(subject_of(verb), own):
            continue  # "Mia went upstairs", "she stayed in the lounge": maybe the person
        # The whole sentence as parsed, which a line of shorthand may have cut in two
        # ("Mum was in the kitchen while Mia | and I talked", "Farid | and I talked in the
        # front room; his father stayed in the kitchen"): about the writer's time with the
        # person, naming them or saying 'we'.
        doc = verb.doc
        start, end = min(sent.start, verb.sent.start), max(sent.end, verb.sent.end)
        while start > 0 and doc[start].is_lower and doc[start].is_alpha:
            start = doc[start - 1].sent.start  # a sentence cut off before: "Farid | and I"
        while end < len(doc) and doc[end].is_lower:
            end = doc[end].sent.end  # a sentence that runs on: "| and I talked."
        whole = doc[start:end]
        if not _with_person(whole, own) and start > 0:
            # Told in the sentence before: "Maya, Ruth and I talked in her bedroom. Her mum
            # and stepdad stayed downstairs." — when it names no one else with them.
            before = doc[doc[start - 1].sent.start:start]
            if _with_person(before, own) and not _others_named(before, own):
                whole = doc[before.start:end]
        if not _with_person(whole, own) or (c["near"] and not c["near"].any_in(whole)):
            continue
        if _with_the_writer(whole, own):
            continue  # "Nan stayed in the kitchen, and Mum and I talked with Jamie": Mum stayed
        if c["leaving_verbs"].has(verb):
            if any(ch.dep_ == "dobj" and c["left_places"].has(ch) for ch in verb.children):
                return True
            continue
        inner = {t.i for ch in verb.children if ch.dep_ in _INNER_CLAUSES for t in ch.subtree}
        after = [verb.doc[i] for i in sorted(t.i for t in verb.subtree if t.i not in inner and t.i > verb.i)]
        if any(t.lower_ == "with" and any(g.lower_ in ("us", "me") or g.text in own for g in t.children)
               for t in after):
            continue  # "Dad stayed in the lounge with us": there all along
        if after and any(c["away_places"].spans(verb.doc[after[0].i:after[-1].i + 1])):
            return True
    return False


def _with_person(span, own: set[str]) -> bool:
    return any(t.text in own or t.lower_ in ("we", "us") for t in span)


_PEOPLE = english("female_people") | english("male_people") | english("kin_people")


def _others_named(span, own: set[str]) -> bool:
    """Does the span name anyone but the person, their helpers and the writer: a name or
    a word such as 'Mum'?"""
    return any((t.pos_ == "PROPN" and t.text not in own and t.text[:1].isupper() and t.dep_ != "poss")
               or (t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in _PEOPLE) for t in span)


def _helpers(doc, words: Terms) -> set[str]:
    """The words for those who may be there while the person is seen alone ("the
    interpreter"), and the names the note gives them: "A BSL interpreter, Ruth Hammill",
    "Ruth Hammill (interpreter)"."""
    found = set()
    for word in words.tokens(doc):
        found.add(word.text)
        named = [ch for ch in word.children if ch.dep_ == "appos"]
        if word.dep_ == "appos":
            named.append(word.head)
        for person in named:
            found |= {t.text for t in (person, *person.children) if t.pos_ == "PROPN"
                      and (t.i == person.i or t.dep_ in ("compound", "flat"))}
    return found


def _lives_somewhere(span, lives: Terms) -> bool:
    """Is it this relative who lives somewhere ("His son Darren lives in Leeds"), not
    someone else in the sentence ("... asleep on the settee; Nan lives next door")?"""
    for verb in lives.tokens_in(span.sent):
        who = subject_of(verb)
        if who is not None and any(span.start <= t.i < span.end for t in who.subtree):
            return True
    return False


def _with_the_writer(span, own: set[str]) -> bool:
    """Is someone other than the person joined with the writer here ("Mum and I talked
    with Jamie", "Mum, Jamie and I")?"""
    doc = span.doc
    for t in span:
        if t.lower_ != "i":
            continue
        # "Mum and I", however the parser attaches it.
        if t.i >= 2 and doc[t.i - 1].lower_ == "and" and doc[t.i - 2].pos_ in ("PROPN", "NOUN") \
                and doc[t.i - 2].text not in own:
            return True
        if t.dep_ != "conj":
            continue
        first = t
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if any(x.lower_ != "i" and _someone_else(x, own) for x in (first, *first.conjuncts)):
            return True
    return False


def _someone_else(who, own: set[str]) -> bool:
    """A subject who is not the person, the writer, or a pronoun that may be either."""
    return who is not None and who.pos_ != "PRON" and who.text not in own and not any(
        ch.dep_ == "compound" and ch.text in own for ch in who.children)
