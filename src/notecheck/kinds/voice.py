"""voice: a note about a contact with a person that holds none of that person's own voice.

Their voice is a speech, wish or feeling verb with them as its subject ("Jamie said",
"Amy told me she wants ...", "she smiled and reached for the rattle"), named or as
he/she/they when they were the last person named. What someone else said about them
("Mum said Jamie is happy") is not their voice. A note that says why their views could
not be had ("Jamie was asleep") passes. Without ``subject`` metadata, the person named
most often is taken to be the subject, and the message says so.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from notecheck.kinds import evidence, subject
from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.language import (
    FEMALE, FIRST_PERSON, MALE, english, foreseen, is_negated, name_parts, reporting_verb, subject_of, tokens_of)
from notecheck.kinds.notetypes import NoteTypes, note_type, type_words
from notecheck.kinds.terms import Terms


class VoiceOptions(Options):
    # Sentence evidence (kinds/evidence.py): a sentence the classifier scores as the person's
    # voice at least this much, about them and not reported by someone else, records their
    # voice even when no voice verb is parsed ("'Go away,' from Harold when offered a shave").
    # None: only the word lists and the parse decide.
    voice_evidence: float | None = Field(None, gt=0, lt=1)
    # A voice verb counts only in a sentence whose voice (or observation, for what they
    # showed) evidence is at least this: "Mum said Kayla sleeps well" parses with 'Kayla'
    # near 'sleep', but is no one's voice. None: every voice verb counts.
    voice_verb_floor: float | None = Field(None, gt=0, lt=1)
    # A voice verb does not count in a sentence the classifier reads as the writer's own
    # view or an unsourced claim at least this much, and more so than as something the
    # writer heard or saw: "He ... just wanted to wind staff up", "he is making money
    # from it, which he enjoys" is the writer's view of what he wants, not his voice.
    # None: not asked.
    writer_view: float | None = Field(None, gt=0, lt=1)
    # The wish and liking verbs writer_view applies to; what someone said is not a view.
    writer_view_verbs: list[str] = []
    # note_type values that mean a contact; each matches a note_type with its words in
    # order ("visit" matches "home visit", "daily record" "care home daily record").
    contact_note_types: list[str] = Field(min_length=1)
    # note_type values that mean the contact was with someone else about the person:
    # "telephone call - school", "professional meeting".
    other_party_note_types: list[str] = []
    # Job titles with one of other_party_note_types' words in them, naming who wrote the
    # record: "Mental Health Act assessment (approved mental health professional record)"
    # is the AMHP's record of assessing the person, not a professionals' meeting. So is
    # supervision under a court order by the service holding it ("youth justice
    # supervision session"), not a worker's supervision.
    writer_roles: list[str] = []
    # Without note_type: words in the text that show a contact took place.
    contact_terms: list[str] = Field(min_length=1)
    # Without note_type: words that show a contact wherever they are, when the person is a
    # party to them ("Seen Reece at the office", "I saw Amy at school"); "Mum saw the GP"
    # is no contact with Amy.
    party_terms: list[str] = []
    # note_type values (or, without one, title words) for a log of hours of care: there, a
    # reason the person was not heard at one moment ("asleep at 17:30") excuses no more.
    log_note_types: list[str] = []
    # Without note_type: words that show a contact only in the note's title, a first line
    # that is not a sentence ("Discharge Planning Meeting – Ward 7B"), and with none of
    # other_party_note_types there ("Strategy meeting"). In a sentence, "after the
    # meeting my manager decided ..." tells of no contact with the person.
    title_terms: list[str] = []
    # A call may be with someone else about the person ("call from the health visitor"):
    # for these note types, and for these words in a note without a type, the text must
    # show the call was with the person — a sentence naming them beside one of call_terms.
    call_note_types: list[str] = []
    call_terms: list[str] = []
    voice_verbs: list[str] = Field(min_length=1)  # say, tell, want, worry, smile, point ...
    # Feelings shown about something, after 'was' or 'became': "Leo was pleased to see his
    # dad", "she became upset when Mum left". A feeling alone ("Kayla was playful",
    # "appeared content") says nothing of what it was about, so does not count.
    feelings: list[str] = []
    # A gesture or sound given or made, the person its subject: "Ruby gave a big smile", "he
    # gave me a thumbs up", "she made cooing sounds".
    gesture_verbs: list[str] = []
    gesture_nouns: list[str] = []
    # Nouns for what someone said or wants, theirs by a possessive: "Jamie's wish is to stay",
    # "his response was that he is fine" (not "his views were not sought").
    voice_nouns: list[str] = []
    # The writer asking or raising something: what the person did then is their answer,
    # though no word was said ("he looked at the floor when I mentioned Dad", "when asked").
    asking_verbs: list[str] = []
    # Asking someone to do something: a voice verb in the passive has the one spoken to as
    # its subject ("Mrs Pinto was asked", "Jamie was told"), and what they were asked,
    # invited or encouraged to do ("was asked to explain the options back") is not done.
    request_verbs: list[str] = []
    # Verbs whose direct object is the language someone uses: "Mr Kowalczyk speaks fluent
    # English" says what language to talk to him in, not what he said.
    language_verbs: list[str] = []
    # Verbs of telling that also mean living with or holding in common, and what is held so:
    # "the flat she shares with her partner", "he shares a bedroom with his brother".
    share_verbs: list[str] = []
    shared_places: list[str] = []
    # Verbs of telling that, with only a noun for what was told ("she disclosed domestic
    # abuse"), name the kind of thing said, not what was said.
    label_verbs: list[str] = []
    # Verbs that sum up what someone conveyed without telling it: "Gary indicated he was
    # happy with the new rota" is the writer's conclusion. They count, and so does what
    # they report, only with how it was conveyed: "indicated yes by nodding", "through
    # Makaton", "using his picture cards", "with a thumbs up", or in quotes.
    means_verbs: list[str] = []
    # Verbs of telling whose object only names what kind of thing was told: "Jay shared
    # his wishes and feelings", "she expressed no worries" (the summary stands in for what
    # they said; "expressed a wish to return home", "shared his worries about school" tell
    # it). The object is one of summary_nouns, with nothing of its own after it.
    # Headings that end in words of the person's own, in a profile written as them: "What
    # people like about me:", "What is important to me:", "How best to support me:". A
    # heading so worded, with their answer after it, is their voice.
    own_words_labels: list[str] = []
    summary_verbs: list[str] = []
    summary_nouns: list[str] = []
    # Words that open a visit to the children it lists, with their ages ("Statutory visit
    # to Amos (13) and his sister Delphine (5)"): each child listed needs their own voice,
    # though the 'subject' metadata names only one of them.
    visited_together: list[str] = []
    # Phrases in which a voice verb's word is not one: "thought disordered" is a clinical
    # term, not what he thinks.
    not_voice: list[str] = []
    speech_verbs: list[str] = Field(min_length=1)  # whose subject reports someone else's words
    # Why the person's views could not be had: "be asleep", "not seen alone because".
    not_obtained: list[str] = Field(min_length=1)
    # Words for other people in the note: they count as the last person named, and are
    # never taken to be the subject ("Mum", "the teacher").
    other_people: list[str] = []
    not_names: list[str] = []
    # People who are never 'he' (women) or never 'she' (men), so a pronoun skips them:
    # in "Jamie ... while Mum made tea. He told me ...", 'he' is Jamie. The words for
    # women and men are english.yaml's (female_people, male_people); these add titles.
    women: list[str] = []
    men: list[str] = []
    # Pronouns that may stand for the person, each as she, he or any: {he: he, she: she,
    # they: any}.
    pronouns: dict[str, Literal["she", "he", "any"]] = Field(min_length=1)
    # Pronouns as objects: "Jo weighed [him]" is someone other than Jo, so a later 'he'
    # that lands on it stands for whoever 'him' does: {him: he, her: she}.
    object_pronouns: dict[str, Literal["she", "he", "any"]] = {}
    inferred_message: str = Field(min_length=1)  # used when the subject was inferred; may use {subject}
    # Words that open a note written to the person ("Dear Amira," "Hi Jordan"): in such a
    # note 'you' is the person ("You told me you want to stay"), and, without 'subject'
    # metadata, the one addressed is the subject.
    addressed_by: list[str] = []
    # Labels in a pasted header that name the person the note is about, without 'subject'
    # metadata ("Person: Leonard Bright", "Pt: Mr Horace Bentley"), and the titles that may
    # come before the name.
    header_labels: list[str] = []
    header_titles: list[str] = []
    # Who {subject} is in the message for a log of care that never names its person.
    unnamed_subject: str = "the person this record is about"


def compile_voice(rule) -> dict:
    o = rule.options
    return {"contact_types": NoteTypes(o.contact_note_types),
            "other_party": NoteTypes(o.other_party_note_types),
            "writer_roles": [type_words(role) for role in o.writer_roles if type_words(role)],
            "contact_terms": Terms(o.contact_terms, "contact_terms"),
            "party_terms": Terms(o.party_terms, "party_terms"),
            "feelings": Terms(o.feelings, "feelings", lemma=False),
            "view_verbs": Terms(o.writer_view_verbs, "writer_view_verbs"),
            "voice_nouns": Terms(o.voice_nouns, "voice_nouns"),
            "gesture_verbs": Terms(o.gesture_verbs, "gesture_verbs"),
            "gesture_nouns": Terms(o.gesture_nouns, "gesture_nouns"),
            "asking": Terms(o.asking_verbs, "asking_verbs"),
            "request": Terms(o.request_verbs, "request_verbs"),
            "language": Terms(o.language_verbs, "language_verbs"),
            "share_verbs": Terms(o.share_verbs, "share_verbs"),
            "label_verbs": Terms(o.label_verbs, "label_verbs"),
            "means_verbs": Terms(o.means_verbs, "means_verbs"),
            "summary_verbs": Terms(o.summary_verbs, "summary_verbs"),
            "own_words": (re.compile(r"(?:^|\n|[.!?]\s+)[^\n:.]{0,40}?\b(?:%s)\s*[:?]\s*\S+\s+\S+" % "|".join(
                re.escape(w) for w in o.own_words_labels), re.I) if o.own_words_labels else None),
            "summary_nouns": Terms(o.summary_nouns, "summary_nouns"),
            "visited_together": (re.compile(r"\b(?:%s)\s+(?:to|with)\s+" % "|".join(
                re.escape(w) for w in o.visited_together), re.I) if o.visited_together else None),
            "not_voice": Terms(o.not_voice, "not_voice", lemma=False),
            "shared_places": Terms(o.shared_places, "shared_places", lemma=False),
            "log_types": NoteTypes(o.log_note_types),
            "title_terms": NoteTypes(o.title_terms),
            "call_types": NoteTypes(o.call_note_types),
            "call_terms": Terms(o.call_terms, "call_terms"),
            "voice": Terms(o.voice_verbs, "voice_verbs"),
            "speech": Terms(o.speech_verbs, "speech_verbs"),
            "not_obtained": Terms(o.not_obtained, "not_obtained"),
            "others": Terms(o.other_people, "other_people"),
            "not_names": Terms(o.not_names, "not_names"),
            "women": Terms([*FEMALE, *o.women], "women"), "men": Terms([*MALE, *o.men], "men"),
            "pronouns": {p.lower(): (None if g == "any" else g) for p, g in o.pronouns.items()},
            "object_pronouns": {p.lower(): (None if g == "any" else g)
                                for p, g in o.object_pronouns.items()},
            "addressed_by": {w.lower() for w in o.addressed_by},
            "unnamed": o.unnamed_subject,
            "header_labels": subject.header_labels(o.header_labels),
            "header_name": subject.header_name(o.header_titles)}


def needs(rule) -> set[str]:
    o = rule.options
    evidence = o.voice_evidence is not None or o.voice_verb_floor is not None or o.writer_view is not None
    return {"parse", "lemma", "pos"} | ({"evidence"} if evidence else set())


def is_contact(parsed: ParsedNote, c, names: set[str]) -> bool:
    if parsed.note.meta.get("note_type"):
        kind = note_type(parsed)
        if not c["contact_types"].match(kind) or c["other_party"].match(_without_roles(kind, c)):
            return False
        return not c["call_types"].match(kind) or _called(parsed, c, names)
    # Without a note type, the contact must be how the note opens ("Home visit to see
    # Leo") or be told beside the person's name; "Nan will visit on Saturday" is not one.
    title = type_words(parsed.layout.title)
    if c["title_terms"].match(title) and not c["other_party"].match(title):
        return True
    # A title that opens with the others the note is with ("Strategy discussion - 20.11",
    # "Professionals meeting", "Supervision record") says it is not a contact with the
    # person, whatever it goes on to tell of them; a letter written to them still is.
    if any(title[:len(t)] == t for t in c["other_party"].types) and addressee(parsed, c) is None:
        return False
    # Later in the note, the person must be a party to it ("I visited Leo", "session with
    # Amber"): in "DN visits are being missed as Steve is not answering the door" no one
    # met him.
    sents = parsed.layout.sentences
    for index, sent in enumerate(sents):
        for span in c["contact_terms"].spans(sent):
            if index < 2 or _party(span.root, names):
                return True
        for span in c["party_terms"].spans(sent):
            if _seen_by_writer(span.root, names) or _opens_line_before(span, names):
                return True
    return _called(parsed, c, names)


def _without_roles(words: tuple[str, ...], c) -> tuple[str, ...]:
    """A note type's words without the writer's job title: "mental health act assessment
    approved mental health professional record" leaves "... assessment record"."""
    for role in c["writer_roles"]:
        i = 0
        while i + len(role) <= len(words):
            if words[i:i + len(role)] == role:
                words = words[:i] + ("",) + words[i + len(role):]  # a gap: no match across it
            i += 1
    return words


def _party(verb, names: set[str]) -> bool:
    """Is one of the people this contact or call was with the person ("phoned Ms Hall",
    "visit to Jamie and Mum")?"""
    for word in _call_parties(verb):
        for person in (word, *word.conjuncts):
            if person.text in names or any(
                    ch.dep_ == "compound" and ch.text in names for ch in person.children):
                return True
    return False


def _seen_by_writer(verb, names: set[str]) -> bool:
    """Did the writer see or meet the person: "I saw Amy at school", "Met with Jo"? Not
    "Paul saw his GP", nor "Mum met Jo"."""
    who = subject_of(verb)
    if who is not None and who.lower_ not in FIRST_PERSON:
        return False
    seen = [ch for ch in verb.children if ch.dep_ == "dobj"]
    seen += [g for ch in verb.children if ch.dep_ == "prep" and ch.lower_ in PARTY_PREPOSITIONS
             for g in ch.children if g.dep_ == "pobj"]
    return any(person.text in names or any(ch.dep_ == "compound" and ch.text in names for ch in person.children)
               for word in seen for person in (word, *word.conjuncts))


def _opens_line_before(span, names: set[str]) -> bool:
    """A terse line that opens with the contact and the person: "Seen Reece Lawton (14) at
    the office", however the parse joined it to the line above."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if before is not None and not (before.is_space and "\n" in before.text) and "\n" not in before.whitespace_:
        return False
    return span.end < len(doc) and doc[span.end].text in names


def _called(parsed: ParsedNote, c, names: set[str]) -> bool:
    """Was a call with the person: are they the caller or the one called ("I phoned Ms
    Hall", "Ms Khan rang", "call with Tracey")? Being talked about in a call ("the ward
    phoned to say Mrs Okafor is fit") is not enough."""
    for span in c["call_terms"].spans(parsed.doc):
        verb = span.root
        if is_negated(verb) or foreseen(verb):
            continue  # "I will ring Mrs Barraclough this afternoon": not a call yet
        if _party(verb, names):
            return True
    return False


PARTY_PREPOSITIONS = english("party_prepositions")


def _call_parties(verb):
    for child in verb.children:
        if child.dep_ in ("nsubj", "dobj"):
            yield child
        elif child.dep_ == "prep" and child.lower_ in PARTY_PREPOSITIONS:
            yield from (g for g in child.children if g.dep_ == "pobj")
    if verb.dep_ in ("conj", "xcomp") and verb.head is not verb:
        yield from (ch for ch in verb.head.children if ch.dep_ == "nsubj")
    if verb.dep_ == "pobj":
        # "Jordan was uncooperative in session": the one the clause is about was there.
        clause = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if clause is not None:
            yield from (ch for ch in clause.children if ch.dep_ == "nsubj")


def _is_name(token, c) -> bool:
    """A name that is not a role ('Mum') or a date word ('Monday') (kinds/subject.py)."""
    return subject.is_name(token, c["others"], c["women"], c["men"], c["not_names"])


OBJECTS = {"dobj", "pobj", "dative"}


def _namesakes(doc, c, names: set[str]) -> dict[int, str]:
    """The person's surname after a title, when it names a relative of theirs: in a note
    about "Mr Ferris" that tells of "his mother, Jean Ferris", "Mrs Ferris" is his mother,
    'she'. A relative of one sex is introduced by a role and a first name not the person's,
    and the note gives the person a title of the other sex; then the surname after a title
    of the relative's sex is the relative. Each such mention's token index, with its sex."""
    relatives = set()
    for token in tokens_of(doc):
        if token.text not in names or token.i < 2 or doc[token.i - 1].text in names:
            continue
        first = doc[token.i - 1]
        role = doc[token.i - 2] if doc[token.i - 2].text not in (",", "(") else doc[token.i - 3] if token.i > 2 else None
        if not (first.pos_ == "PROPN" and first.text.istitle()) or role is None:
            continue
        if c["women"].has(role):
            relatives.add("she")
        elif c["men"].has(role):
            relatives.add("he")
    if len(relatives) != 1:
        return {}
    theirs = "he" if relatives == {"she"} else "she"
    titled = {}
    for token in tokens_of(doc):
        title = doc[token.i - 1] if token.i else None
        if token.text in names and title is not None and title.lower_.rstrip(".") in TITLES:
            titled[token.i] = "she" if c["women"].has(title) else "he" if c["men"].has(title) else None
    if theirs not in titled.values():
        return {}  # the note never titles the person apart from the relative
    return {i: sex for i, sex in titled.items() if sex in relatives}


def _mentions(doc, c, names: set[str], namesakes: dict[int, str] | None = None
              ) -> list[tuple[int, bool | None, str | None]]:
    """Each person named, in order: (token index, is it the subject?, 'she'/'he'/None).
    An object pronoun ("Jo weighed him") is listed with None: who it is, is worked out
    from the people before it."""
    found = []
    known = _genders_from_roles(doc, c, names)
    namesakes = namesakes or {}
    for token in tokens_of(doc):
        if token.pos_ not in ("PROPN", "NOUN", "PRON") and token.text not in names:
            continue  # only names, nouns such as 'Mum' and pronouns can be a person
        if token.dep_ == "poss":
            continue  # "Jack's head teacher ... She": the teacher is the one named last
        if token.lower_ in c["object_pronouns"] and token.dep_ in OBJECTS:
            found.append((token.i, None, c["object_pronouns"][token.lower_]))
        elif token.i in namesakes:
            found.append((token.i, False, namesakes[token.i]))  # "Mrs Ferris", his mother
        elif token.text in names:
            found.append((token.i, True, None))
        elif c["women"].has(token) and token.pos_ in ("PROPN", "NOUN"):
            found.append((token.i, False, "she"))
        elif c["men"].has(token) and token.pos_ in ("PROPN", "NOUN"):
            found.append((token.i, False, "he"))
        elif (_is_name(token, c) and not _place_mention(token)) or (
                token.pos_ in ("PROPN", "NOUN") and c["others"].has(token)):
            # A word that modifies a thing names no person: "GP referral", "Makaton signs"
            # ("Carol Whitaker" does), so 'he' after it still looks further back. Nor does
            # a name counted out: "two cans of Monster", "3 bottles of Coke".
            if not (token.dep_ == "compound" and token.head.pos_ != "PROPN") and not _counted(token):
                found.append((token.i, False, known.get(token.text)))
    return found


def _genders_from_roles(doc, c, names: set[str]) -> dict[str, str]:
    """Names the note introduces with a role that says she or he: "his mother Freya
    Lindqvist", "Noor Haddad (mother)", "her son, Mark". Every mention of that name is then
    never the other pronoun: 'he' after "Freya made a bottle" looks past Freya."""
    known: dict[str, str] = {}
    for role in tokens_of(doc):
        if role.pos_ not in ("PROPN", "NOUN"):
            continue
        gender = "she" if c["women"].has(role) else "he" if c["men"].has(role) else None
        if gender is None:
            continue
        near = [role.head] if role.dep_ in ("appos", "compound") else []
        near += [ch for ch in role.children if ch.dep_ in ("appos", "compound")]
        if role.i + 1 < len(doc) and doc[role.i + 1].pos_ == "PROPN":
            near.append(doc[role.i + 1])  # "his mother Freya", not "Mum, Leo and I"
        for person in near:
            for part in (person, *(ch for ch in person.children if ch.dep_ == "compound")):
                if part.pos_ == "PROPN" and part.text not in names and _is_name(part, c):
                    known.setdefault(part.text, gender)
    return known


def _counted(token) -> bool:
    """A name after a number of something: "two cans of Monster" is a drink, not a person."""
    of = token.head
    return token.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and any(
        ch.dep_ == "nummod" for ch in of.head.children)


def has_voice(parsed: ParsedNote, c, names: set[str], options=None) -> bool:
    doc = parsed.doc
    floor = getattr(options, "voice_verb_floor", None)
    at_least = getattr(options, "voice_evidence", None)
    writer_view = getattr(options, "writer_view", None)
    scores = {}
    if floor is not None or at_least is not None or writer_view is not None:
        scores = {sent.start: cats for sent, cats in evidence.sentence_evidence(parsed)}

    def sentence_scores(token) -> dict:
        for sent in parsed.layout.sentences:
            if sent.start <= token.i < sent.end:
                return scores.get(sent.start, {})
        return {}
    def writers_view(token) -> bool:
        """Does the classifier read the sentence as the writer's view or an unsourced claim,
        more than as something heard or seen ("he just wanted to wind staff up")?"""
        if writer_view is None or not scores:
            return False
        cats = sentence_scores(token)
        heard = max(cats.get("voice", 0.0), cats.get("observation", 0.0))
        view = max(cats.get("opinion", 0.0), cats.get("unsourced_claim", 0.0))
        return view >= writer_view and view > heard

    tokens = tokens_of(doc)
    mentions = main_subjects = clause_subjects = person_at = None
    namesakes = _namesakes(doc, c, names) if names else {}

    def people_named() -> None:
        """Who is named where, and the subjects of the main clauses: worked out at the
        first pronoun to resolve (a note in which the person speaks by name needs none)."""
        nonlocal mentions, main_subjects, clause_subjects, person_at
        if mentions is not None:
            return
        mentions = _mentions(doc, c, names, namesakes)
        # The subjects of main clauses, in order: a sentence's 'She' carries on the 'She' of
        # the sentence before ("She told me Jack was late. She said ..." is still the teacher).
        main_subjects = [t for t in tokens if t.dep_ == "nsubj" and t.head.dep_ == "ROOT"]
        # The subjects of main clauses and of the clauses joined to them by 'and'.
        clause_subjects = [t for t in tokens if t.dep_ == "nsubj" and (
            t.head.dep_ == "ROOT" or (t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT")
            or _before_semicolon(t.head))]
        person_at = {index: (is_subject, gender) for index, is_subject, gender in mentions}

    resolved: dict[int, bool] = {}

    def refers_to_subject(pronoun) -> bool:
        if pronoun.i not in resolved:
            people_named()
            resolved[pronoun.i] = _refers(pronoun)
        return resolved[pronoun.i]

    def _refers(pronoun) -> bool:
        """Is the last person named before this pronoun, who could be 'he'/'she', the subject?

        "Mum" is never 'he' and "Dad" never 'she'; anyone else could be either."""
        gender = c["pronouns"].get(pronoun.lower_)
        if pronoun.dep_ == "nsubj" and pronoun.head.dep_ == "ROOT":
            earlier = [t for t in main_subjects[:bisect.bisect_left(main_subjects, pronoun.i, key=lambda t: t.i)]
                       if t.sent.start < pronoun.sent.start]
            if earlier and earlier[-1].lower_ == pronoun.lower_:
                return refers_to_subject(earlier[-1])
        last = next((m for m in reversed(mentions) if m[0] < pronoun.i), None)
        if last is not None and last[1] is None and gender and last[2] == gender:
            # "Jo weighed him. He tracked ...": 'he' carries on the 'him' just before it.
            return object_refers(tokens[last[0]])
        if pronoun.dep_ == "nsubj":
            # A 'she' that is the subject carries on the person the sentence (or the one
            # before) is about, not the last one named in passing: in "Jade saw her mum at
            # the centre. When she came home she said ..." and "Dorothy has two visits a day
            # from Oaktree Care, and she told me ...", 'she' is Jade and Dorothy.
            carried = _subject_before(pronoun, gender)
            if carried is not None:
                return carried
        return _last_person(pronoun.i, gender, skip=())

    def _subject_before(pronoun, gender: str | None) -> bool | None:
        previous = pronoun.sent.start - 1
        window = doc[previous].sent.start if previous >= 0 else pronoun.sent.start
        # Someone named earlier in its own sentence is nearer than the sentence before:
        # in "... and Chantelle had been crying, she said it was nothing", 'she' is Chantelle.
        named_here = any(pronoun.sent.start <= i < pronoun.i for i, _, _ in mentions)
        fallback = None
        for t in reversed(clause_subjects[:bisect.bisect_left(clause_subjects, pronoun.i, key=lambda t: t.i)]):
            if t.i < window or (named_here and t.i < pronoun.sent.start):
                break
            if t.lower_ in c["pronouns"]:
                if t.lower_ == pronoun.lower_:
                    return refers_to_subject(t)
                continue
            if t.i not in person_at:
                continue  # "The home was tidy": not a person
            if gender and _plural(t):
                continue  # "Police officers found him": they are not 'he'
            is_subject, person_gender = person_at[t.i]
            person_gender = person_gender or _titled(t)
            if gender and person_gender and gender != person_gender:
                continue
            if is_subject is None:
                continue
            if gender and not person_gender:
                # Someone who could be either ("her partner") is 'she' only if no one in
                # reach is known to be: in "Ms Nuttall saw me on her own; her partner was
                # at work. She said ...", 'she' is Ms Nuttall.
                fallback = is_subject if fallback is None else fallback
                continue
            return is_subject
        return fallback

    def _titled(person) -> str | None:
        """'she' or 'he' from the title before a name: "Ms Nuttall", "Mr Felsted"."""
        for ch in person.children:
            if ch.dep_ == "compound":
                if c["women"].has(ch):
                    return "she"
                if c["men"].has(ch):
                    return "he"
        return None

    def _last_person(before: int, gender: str | None, skip) -> bool:
        for index, is_subject, person_gender in reversed(mentions):
            if index >= before or index in skip:
                continue
            if gender and person_gender and gender != person_gender:
                continue
            if gender and _plural(tokens[index]):
                continue  # "found by police officers. He said": they are not 'he'
            if is_subject is None:
                return object_refers(tokens[index])
            if not is_subject and gender and not person_gender and _titled_before(index, gender):
                return True
            return is_subject
        return False

    def _titled_before(before: int, gender: str) -> bool:
        """Someone who could be either ('the nurse in charge, Ola Bankole') gives way to the
        person the note is about, named with a title that says which ("Mr Felsted"), when
        no one else who could be 'he' is named between: in "Visited Mr Felsted ... the nurse
        in charge, Ola Bankole, said ..., and I did not ask his son to speak for him",
        'him' is Mr Felsted."""
        for index, is_subject, person_gender in reversed(mentions):
            if index >= before or is_subject is None:
                continue
            if is_subject:
                return _titled(tokens[index]) == gender
            if person_gender == gender:
                return False
        return False

    def object_refers(pronoun) -> bool:
        """'him' in "Jo weighed him" is not Jo: it is the person named before Jo."""
        if pronoun.i not in resolved:
            resolved[pronoun.i] = False  # guards a cycle; the walk only goes back
            verb = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
            own = subject_of(verb)
            if verb.dep_ == "xcomp":
                # "I did not ask his son to speak for him": the son is the one asked to do it
                own = next((ch for ch in verb.head.children if ch.dep_ == "dobj" and ch.i < verb.i), own)
            # Not the one who did it, wherever else they are named: in "While Freya made a
            # bottle ... When Freya took him", 'him' is not Freya either time.
            skip = () if own is None else {own.i} | (
                {i for i, _, _ in mentions if tokens[i].text == own.text} if own.lower_ not in c["pronouns"] else set())
            resolved[pronoun.i] = _last_person(pronoun.i, c["object_pronouns"][pronoun.lower_], skip=skip)
        return resolved[pronoun.i]

    you = addressee(parsed, c) in names  # a note written to the person: 'you' is them

    def is_subject(word) -> bool:
        if word.i in namesakes:
            return False  # "Mrs Ferris" in a note about Mr Ferris: his mother
        if word.text in names or any(
                c.dep_ == "compound" and c.text in names and c.i not in namesakes for c in word.children):
            return True
        if you and word.lower_ == "you":
            return True
        if word.lower_ not in c["pronouns"]:
            return False
        if not names:
            # A log that never names its person: 'he' is them, unless a role named before
            # it could be 'he' ("Night staff ... the nurse ... She said").
            return not _role_before(word)
        return refers_to_subject(word)

    def _role_before(pronoun) -> bool:
        gender = c["pronouns"].get(pronoun.lower_)
        for t in reversed(doc[max(0, pronoun.sent.start - 40):pronoun.i]):
            if t.pos_ in ("PROPN", "NOUN") and (c["others"].has(t) or c[{"she": "women", "he": "men"}.get(gender, "others")].has(t)):
                return True
        return False

    def implied_subject(verb) -> bool:
        """Is the subject a log's shorthand leaves out the person: the last one named, or
        the person themselves when no one is named before it?"""
        if not names:
            return not _role_before(verb)
        people_named()
        if not any(index < verb.i for index, _, _ in mentions):
            return True  # "Assisted with breakfast. Wants a wash": no one else named yet
        return _last_person(verb.i, None, skip=())

    not_voice = {t.i for span in c["not_voice"].spans(doc) for t in span}
    # Each voice verb, one word or its first ("turned [away]", "looking [forward]").
    for token in (span[0] for span in c["voice"].spans(doc)):
        # A verb the tagger took for a noun after 'and': "began to root and grizzle".
        if token.pos_ not in ("VERB", "AUX") and not (
                token.pos_ == "NOUN" and token.dep_ == "conj" and token.head.pos_ == "VERB"):
            continue
        subject = subject_of(token)
        if subject is not None and subject.i > token.i and token.tag_ == "VBZ" and _opens(token):
            subject = None  # "Says hip sore today": shorthand the parser gave 'hip' as subject
        if subject is None:
            # "refused breakfast, saying she wasn't hungry", "texted me to say thanks": the
            # one who refused or texted said it (words said; "kicking off, shouting at
            # another resident" tells of behaviour).
            if token.dep_ == "advcl" and c["speech"].has(token) and token.head.i != token.i and (
                    token.tag_ == "VBG" or any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in token.children)):
                subject = subject_of(token.head)
            # A log's shorthand leaves the subject out: "Says knee bad today", "Wants a wash
            # at the sink". A verb that says 'says', not 'say', is not the writer; it is the
            # person named last before it ("Mum rang. Says Jamie is poorly" is Mum).
            # Or leaves out 'is': "Cliff complaining of a headache", "chatting about the
            # football" is what the one named before it did.
            elif token.dep_ == "acl" and token.tag_ == "VBG" and token.head.pos_ in ("PROPN", "PRON"):
                subject = token.head
            elif token.tag_ == "VBZ" and not any(ch.dep_ == "expl" for ch in token.children):
                if not implied_subject(token):
                    continue
                subject = token
        if subject is None or (subject is not token and not is_subject(subject)):
            continue
        if _said_nothing(token, c):
            continue  # "Jordan attended but said little" records no voice
        if _asked_to(token, c):
            continue  # "Mrs Pinto was asked to explain the options back": not that she did
        if c["language"].has(token) and any(ch.dep_ == "dobj" for ch in token.children):
            continue  # "he speaks fluent English": the language he uses, not his words
        if _shares_a_place(token, c):
            continue  # "the flat she shares with her partner": where she lives
        if token.i in not_voice:
            continue  # "thought disordered": a clinical term, not what he thinks
        if _only_labelled(parsed, token, c):
            continue  # "She disclosed domestic abuse": what kind of thing, not what she said
        if _summed_up(parsed, token, c):
            continue  # "Gary indicated he was happy": the writer's conclusion, not how he showed it
        if _conditional(token):
            continue  # "if she wants to talk, she can ring me" records no wish of hers
        if _guessed(token):
            continue  # "she may be worried", "she can speak to me at any time": a guess
        if floor is not None and scores:
            cats = sentence_scores(token)
            if cats and max(cats.get("voice", 0.0), cats.get("observation", 0.0)) < floor:
                continue
        if c["view_verbs"].has(token) and writers_view(token):
            continue  # "he just wanted to wind staff up": the writer's view of his wishes
        if not _quotes_them(parsed, token) and _reported_by_other(token, c, is_subject):
            continue  # "Mum said Jamie likes school": Mum's account, not Jamie's
        return True
    for token in tokens:
        # "According to Jamie, school is going well."
        if token.lower_ == "according":
            to = next((ch for ch in token.children if ch.lower_ == "to"), None)
            if to is not None and any(is_subject(g) for g in to.children if g.dep_ == "pobj"):
                return True
        # "Ruby gave a big gummy smile", "he gave me a thumbs up", "she made cooing sounds".
        elif token.dep_ == "dobj" and c["gesture_nouns"].has(token) and c["gesture_verbs"].has(token.head):
            own = subject_of(token.head)
            if own is not None and is_subject(own) and not _asked_to(token.head, c) \
                    and not _reported_by_other(token.head, c, is_subject):
                return True
        # "Jamie's wish is to stay with his nan", "his response was that he is fine".
        elif token.pos_ == "NOUN" and c["voice_nouns"].has(token) and token.dep_ in ("nsubj", "attr"):
            owner = next((ch for ch in token.children if ch.dep_ == "poss"), None)
            verb = token.head
            if owner is None or not is_subject(owner) or verb.lemma_ != "be" or is_negated(verb):
                continue
            if token.dep_ == "attr" or any(ch.dep_ in ("attr", "ccomp", "xcomp") for ch in verb.children):
                if not _reported_by_other(verb, c, is_subject):
                    return True
        # What they did when asked: "Jamie looked at the floor when I mentioned Dad".
        elif token.dep_ == "advcl" and c["asking"].has(token) and _when(token):
            asker = subject_of(token)
            if asker is not None and asker.lower_ not in FIRST_PERSON:
                continue
            own = subject_of(token.head)
            if own is not None and is_subject(own) and not _reported_by_other(token.head, c, is_subject):
                return True
    for word in c["feelings"].tokens(doc):
        # A feeling shown about something: "Leo was pleased to see his dad", "she became
        # upset when Mum left", "he was scared of the dog" (not "Kayla was playful").
        verb = word.head
        if word.pos_ in ("ADJ", "VERB") and word.dep_ == "ROOT" and any(ch.dep_ == "nsubj" for ch in word.children):
            # A log's shorthand leaves out 'was': "Cliff keen to go to the shops" (the
            # tagger may take the feeling for a verb).
            verb = word
        elif word.pos_ != "ADJ" or word.dep_ != "acomp" or verb.lemma_ not in FEELING_VERBS:
            continue
        # What it was about hangs on the feeling or on its verb: "upset [when Mum left]".
        if not any(_about(ch) for ch in (*word.children, *verb.children) if ch is not word):
            continue
        if (verb.dep_ == "xcomp" and verb.head.lemma_ in HEDGED_FEELING) or _guessed(verb):
            continue  # "she seems to be worried about her mum", "she may be worried": a guess
        subject = subject_of(verb)
        if subject is None or not is_subject(subject) or _conditional(verb):
            continue
        if not _reported_by_other(verb, c, is_subject):
            return True
    if _quoted_after_name(parsed, names) or _quoted_on_their_line(parsed, c, names):
        return True
    if c["own_words"] is not None and c["own_words"].search(parsed.text):
        return True  # a profile in their words: "What is important to me: my dog Max"
    if at_least is not None:
        for sent, cats in evidence.sentence_evidence(parsed):
            if cats.get("voice", 0.0) < at_least or cats.get("sourced_claim", 0.0) >= 0.5:
                continue  # "Mum reports he is out every night": her account of him
            if _guessed(sent.root):
                continue  # "Ava probably wants to stay at her nan's": the writer's guess
            # About them: they are named in it, or are who its 'he'/'she' stands for.
            people = [t for t in sent if t.text in names or (
                t.lower_ in c["pronouns"] and t.dep_ in ("nsubj", "nsubjpass") and is_subject(t))]
            # Someone described ("he was being awkward") is not someone heard: the sentence
            # must name them other than as the subject of 'be' with a description.
            people = [t for t in people if not _described(t)]
            if not people:
                continue
            reporter = next((t for t in sent if c["speech"].has(t) and t.pos_ == "VERB"), None)
            who = subject_of(reporter) if reporter is not None else None
            if who is not None and not is_subject(who) and who.lower_ not in FIRST_PERSON:
                continue  # "Mum said Kayla loves nursery": Mum's account
            return True
    sents = parsed.layout.sentences
    log = is_log(parsed, c)
    for index, sent in enumerate(sents):
        for span in c["not_obtained"].spans(sent):
            # Whose state it is: the person named last before it ("Noah was watching TV
            # and Isla was asleep" excuses Isla, not Noah), else anyone in the sentence,
            # else, in a sentence that names no one ("Went to Tasha's flat. No answer."),
            # the person named last in the sentence before.
            before = [t for t in doc[sent.start:span.start] if is_subject(t) or _person(t, c)]
            if before:
                theirs = is_subject(before[-1])
            elif any(is_subject(t) or _person(t, c) for t in sent):
                theirs = any(is_subject(t) for t in sent)
            else:
                earlier = [t for t in sents[index - 1] if is_subject(t) or _person(t, c)] if index else []
                theirs = bool(earlier) and is_subject(earlier[-1])
            if not theirs or _seeing_someone(span, is_subject):
                continue
            # In a log of hours of care, a state at one moment ("Ivor was asleep in his
            # chair at 17:30") does not excuse the rest; "slept 22:00-06:30" does.
            if log and _at_one_moment(sent.text):
                continue
            # Someone else's account is not a reason: in "Mum reports he is out every
            # night", 'out' tells of his evenings, not of why he was not heard today.
            reporter = reporting_verb(span.root, c["speech"])
            if reporter is not None and not is_subject(subject_of(reporter)):
                continue
            return True
    return False


def _seeing_someone(span, is_subject) -> bool:
    """Is 'not seen' the person not seeing someone else: "Mr Ferris has not seen the home
    treatment team since September" is who he has seen, not why he was not heard ("Jamie
    was not seen", "not seen today" are)."""
    verb = span.root
    if verb.lemma_ != "see" or _passive(verb):
        return False
    who = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    return who is not None and is_subject(who) and any(
        ch.dep_ == "dobj" and ch.lower_ not in FIRST_PERSON for ch in verb.children)


def _only_labelled(parsed: ParsedNote, verb, c) -> bool:
    """A verb of telling with only a noun for what was told, no clause and no quote: "She
    disclosed domestic abuse by her partner" names the kind of thing she said ("she
    disclosed that he hits her", "he disclosed being hit" tell it); "Jay shared his wishes
    and feelings", "she expressed no worries" only say that something was told."""
    if _quotes_them(parsed, verb):
        return False
    if c["summary_verbs"].has(verb) and not any(
            ch.dep_ in ("ccomp", "xcomp", "parataxis") or (ch.dep_ == "prep" and ch.lower_ not in PARTY_PREPOSITIONS)
            for ch in verb.children):  # "shared his worries [about school]"; not "[with me]"
        things = [ch for ch in verb.children if ch.dep_ == "dobj"]
        things += [cj for t in things for cj in t.conjuncts]
        if things and all(c["summary_nouns"].has(t) and (
                any(ch.lower_ == "no" for ch in t.children)
                or not any(ch.dep_ in ("acl", "relcl", "prep", "ccomp") for ch in t.children)) for t in things):
            return True
    if not c["label_verbs"].has(verb):
        return False
    told = [ch for ch in verb.children if ch.dep_ in ("ccomp", "xcomp", "pcomp", "advcl", "parataxis")]
    told += [g for ch in verb.children if ch.dep_ == "prep" for g in ch.children if g.dep_ == "pcomp"]
    return not told


def _summed_up(parsed: ParsedNote, verb, c) -> bool:
    """Is this a verb that sums up what someone conveyed ("indicated", "communicated"),
    or what such a verb reports, with nothing of how it was conveyed: "Gary indicated he
    was happy with the new rota" (not "indicated yes by nodding", "communicated through
    Makaton that he wanted a drink", "indicated with a thumbs up")?"""
    node = verb if c["means_verbs"].has(verb) else reporting_verb(verb, c["means_verbs"])
    if node is None:
        return False
    if _quotes_them(parsed, node):
        return False
    for t in node.subtree:
        if t.dep_ == "prep" and t.lower_ in MEANS_PREPOSITIONS:
            return False  # "by nodding", "through Makaton", "via her talker"
        if t.lemma_ == "use" and t.pos_ == "VERB" and t.i > node.i:
            return False  # "using his picture cards"
        if t.dep_ == "prep" and t.lower_ == "with" and any(
                g.dep_ == "pobj" and c["gesture_nouns"].has(g) for g in t.children):
            return False  # "with a thumbs up", "with a nod"
    return True


def _shares_a_place(verb, c) -> bool:
    """A verb of telling that here means living with or holding in common: "the flat she
    shares with her partner", "he shares a bedroom with his brother" (not "she shared her
    worries")."""
    if not c["share_verbs"].has(verb):
        return False
    things = [ch for ch in verb.children if ch.dep_ == "dobj"]
    if verb.dep_ == "relcl" or (verb.dep_ == "pobj" and verb.i > 0):
        # "the flat she shares": the noun before its clause, however the parse hung it.
        things += [t for t in verb.doc[max(0, verb.i - 4):verb.i] if t.pos_ in ("NOUN", "ADJ")]
        if verb.dep_ == "relcl":
            things.append(verb.head)
    return any(c["shared_places"].has(t) for t in things)


NOTHING = english("said_nothing")
MEANS_PREPOSITIONS = english("means_prepositions")
TALK = english("talk_verbs")
CONDITIONS = english("conditions")
PLACE_PREPOSITIONS = english("place_prepositions")
PLACE_NOUNS = english("place_nouns")
TITLES = english("person_titles")


def _before_semicolon(verb) -> bool:
    """A main clause the parser hangs on the one after its semicolon: in "Ms Nuttall saw me
    on her own; her partner was at work", 'saw' is read as part of 'was'."""
    head = verb.head
    return verb.dep_ == "ccomp" and head.dep_ == "ROOT" and verb.i < head.i and any(
        t.text == ";" for t in verb.doc[verb.i:head.i])


def _plural(token) -> bool:
    """A plural common noun ("officers", "carers"), which is never 'he' or 'she'. Names
    are not judged by their tag: "Ines", "Lopes" are often tagged plural."""
    return token.tag_ == "NNS" and token.text.islower()
WHEN_WORDS = english("when_words")
CONDITION_NOUNS = english("condition_nouns")
INVERTED_CONDITIONS = english("inverted_conditions")


FEELING_VERBS = english("feeling_verbs")
FEELING_ABOUT = english("feeling_about")
HEDGED_FEELING = english("hedged_feeling")
GUESSING_MODALS = english("guessing_modals")
GUESSING_WORDS = english("guessing_words")
ABLE_MODALS = english("able_modals")
FORESEEING_MODALS = english("foreseen_modals")
WISH_AFTER_WOULD = english("wish_after_would")
TOLD = {"ccomp", "dobj", "xcomp", "parataxis"}


def _guessed(verb) -> bool:
    """Is the verb the writer's guess or a possibility, not something the person did:
    "she may be worried that it is her fault", "Lily-Mae is likely to feel frightened",
    "he probably wants to go home", "Tiana knows she can speak to me at any time"? The
    helpers and words are the verb's own, or those of the verbs it hangs from by 'to' or
    'and' ("is likely [to feel]", "may be tired and [want] to sleep"). Being able to
    ("can", "could") is a guess only when nothing is told: "she can speak to me at any
    time", not "she could tell me she can't manage the stairs"."""
    node = verb
    for _ in range(4):
        for ch in node.children:
            if ch.dep_ == "aux" and ch.lower_ in GUESSING_MODALS:
                return True
            if ch.dep_ == "aux" and ch.lower_ in FORESEEING_MODALS and node.lemma_.lower() not in WISH_AFTER_WOULD:
                return True  # "Jay will want to stay", "would feel safer" (not "would like")
            if ch.dep_ == "aux" and ch.lower_ in ABLE_MODALS and not any(g.dep_ in TOLD for g in node.children):
                return True
            if ch.dep_ == "advmod" and ch.lower_ in GUESSING_WORDS:
                return True
        if node.dep_ == "ccomp" and (node.head.lower_ in GUESSING_WORDS or any(
                ch.dep_ == "acomp" and ch.lower_ in GUESSING_WORDS for ch in node.head.children)):
            return True  # "it is likely that Jay feels scared"
        if node.dep_ not in ("xcomp", "conj", "acomp") or node.head.i == node.i:
            return False
        node = node.head
        if node.lower_ in GUESSING_WORDS:
            return True  # "is likely to feel"
        if node.pos_ not in ("VERB", "AUX", "ADJ"):
            return False
    return False


def _about(child) -> bool:
    """What a feeling is about: "pleased [to see him]", "scared [of the dog]", "upset
    [when Mum left]", "happy [that Dad came]"."""
    if child.dep_ == "xcomp":
        return any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in child.children)
    if child.dep_ == "prep":
        return child.lower_ in FEELING_ABOUT
    if child.dep_ in ("advcl", "ccomp"):
        return any(ch.dep_ in ("mark", "advmod") and ch.lower_ in FEELING_ABOUT for ch in child.children)
    return False


def _when(verb) -> bool:
    return any(ch.dep_ in ("advmod", "mark") and ch.lower_ in WHEN_WORDS for ch in verb.children)


def _conditional(verb) -> bool:
    """Is the verb a condition, not something that happened: "if she wants to talk", "in
    the event that Mr Sutton wishes to proceed", "whether he would like a carer"?"""
    node = verb
    for _ in range(4):
        if any(ch.dep_ == "mark" and ch.lower_ in CONDITIONS for ch in node.children):
            return True
        own = subject_of(node)
        if own is not None and any(ch.dep_ == "aux" and ch.lower_ in INVERTED_CONDITIONS and ch.i < own.i
                                   for ch in node.children):
            return True  # "should he wish", "should she want a sitting service"
        if node.dep_ in ("relcl", "acl") and node.head.lemma_.lower() in CONDITION_NOUNS:
            return True
        if node.dep_ not in ("conj", "xcomp") or node.head is node:
            return False
        node = node.head
    return False


CLOCK = r"(?:\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b|\b\d{1,2}\s?[ap]\.?m\b)"
CLOCK_RANGE = re.compile(CLOCK + r"\s*(?:-|–|—|to|until|till)\s*" + CLOCK, re.I)
CLOCK_RE = re.compile(CLOCK, re.I)


def _at_one_moment(text: str) -> bool:
    """A clock time that is not a range: "asleep at 17:30", not "slept 22:00-06:30"."""
    return CLOCK_RE.search(text) is not None and CLOCK_RANGE.search(text) is None


def is_log(parsed: ParsedNote, c) -> bool:
    """A log of hours of care: a care home's daily record, a night log, a home care log."""
    if parsed.note.meta.get("note_type"):
        kind = note_type(parsed)
    else:  # the title, or a first line that runs on: "Daily record 21/11/26 - 14 Alder Street"
        start, end = parsed.layout.first_line
        kind = type_words(parsed.layout.title or parsed.text[start:end])
    return bool(c["log_types"].match(kind))


def _described(person) -> bool:
    """The subject of 'be' with an adjective: "he was being awkward", "she is difficult"."""
    verb = person.head
    return person.dep_ == "nsubj" and verb.lemma_ == "be" and any(ch.dep_ == "acomp" for ch in verb.children)


def _said_nothing(verb, c) -> bool:
    """'said little', 'said nothing', 'did not say anything', 'did not speak'."""
    if any(ch.lower_ in NOTHING and ch.dep_ in ("dobj", "advmod", "npadvmod", "amod")
           for ch in verb.children):
        return True
    return (c["speech"].has(verb) or verb.lemma_ in TALK) and is_negated(verb)


def _passive(verb) -> bool:
    return any(ch.dep_ in ("auxpass", "nsubjpass") for ch in verb.children)


def _asked_to(verb, c) -> bool:
    """Was the person the one spoken to, or asked to do it: "Jamie was told", "she was
    asked to explain", "he was encouraged to say what he wants"? Not "she was asked and
    said ..." (said is hers), nor "he was seen to smile" (seen is no request)."""
    if _passive(verb):
        return True
    if verb.tag_ == "VBN" and verb.dep_ == "conj" and _passive(verb.head) and not any(
            ch.dep_ in ("nsubj", "aux") for ch in verb.children):
        return True  # "Jay was seen and spoken to alone": the passive carries on
    # What they were asked to do or say, and what that was about: "was encouraged to say
    # [what she wants]", "was asked [what he wants]".
    node = verb
    for _ in range(4):
        if node.dep_ not in ("xcomp", "ccomp") or node.head is node:
            return False
        node = node.head
        if _passive(node) and c["request"].has(node):
            return True
    return False


def _reported_by_other(token, c, is_subject) -> bool:
    """Is this told by someone other than the person, however far up: "Mum said Leon told
    her he wants to stay" is Mum's account of what he wants."""
    reporter = reporting_verb(token, c["speech"])
    for _ in range(4):
        if reporter is None:
            return False
        who = subject_of(reporter)
        if who is not None and not is_subject(who):
            return True
        reporter = reporting_verb(reporter, c["speech"])
    return False


def _quotes_them(parsed: ParsedNote, verb) -> bool:
    """Does what the person said come in their own words, quoted, even when someone else
    passes it on: in 'Ms Short said Jordan told her, "If I stop going they'll come to my
    house."' the quote is Jordan's voice, though Ms Short reports it. A verb inside the
    quote is the quoted speaker's word for them, not theirs: Bev said Gary "loves the
    water"."""
    if parsed.in_quotes(verb.idx, verb.idx + len(verb)):
        return False  # Bev said Gary "loves the water": the verb is in Bev's quote, her words
    words = [t for t in verb.subtree if t.i > verb.i and not t.is_punct
             and parsed.in_quotes(t.idx, t.idx + len(t))]
    return len(words) >= 2


def _person(token, c) -> bool:
    """A word that names someone: a name, a pronoun, or a role such as 'Mum'."""
    return (_is_name(token, c) or token.lower_ in c["pronouns"]
            or (token.pos_ in ("PROPN", "NOUN") and any(c[k].has(token) for k in ("others", "women", "men"))))


def _quoted_after_name(parsed: ParsedNote, names: set[str]) -> bool:
    """A quote introduced by the person's name and a colon: 'Jamie: "I want to go home."'."""
    text = parsed.text
    for start, _ in parsed.quotes:
        line_start = text.rfind("\n", 0, start) + 1
        before = text[line_start:start].rstrip(" *_\t")  # "**Jamie:** \"...\"" in Markdown
        if before.endswith(":"):
            words = before[:-1].replace("*", " ").split()
            if words and words[-1] in names:
                return True
    return False


def addressee(parsed: ParsedNote, c) -> str | None:
    return subject.addressee(parsed, c["addressed_by"])


def _quoted_on_their_line(parsed: ParsedNote, c, names: set[str]) -> bool:
    """A quote on a line that names the person and no one else, with no one else's
    speech verb: a daily record's '08:30 Supported Margaret to dress. "I'd like the blue
    cardigan today."' or '"Not now." Margaret declined her bath' is Margaret speaking."""
    text, doc = parsed.text, parsed.doc
    for start, end in parsed.quotes:
        if _answer_on_its_own(parsed, c, names, start, end):
            return True  # 'I asked Jay about his dad. "Dunno."'
        if len(text[start:end].split()) < 2:
            continue  # "Jay's 'friend'": a word in quotes
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        span = doc.char_span(line_start, line_end, alignment_mode="expand")
        if span is None:
            continue
        outside = [t for t in span if not parsed.in_quotes(t.idx, t.idx + len(t))]
        if not any(t.text in names for t in outside):
            continue
        others = [t for t in outside if t.text not in names and (
            _is_name(t, c) or (t.pos_ in ("PROPN", "NOUN")
                               and any(c[k].has(t) for k in ("others", "women", "men"))))]
        speakers = [subject_of(t) for t in outside if c["speech"].has(t) and t.pos_ == "VERB"]
        if others or any(w is not None and w.text not in names and w.lower_ not in c["pronouns"]
                         for w in speakers):
            continue
        return True
    return False


def _answer_on_its_own(parsed: ParsedNote, c, names: set[str], start: int, end: int) -> bool:
    """Is a quote a sentence of its own, right after the writer asked the person something:
    'I asked Jay how school was. "Fine."', 'I asked Jay about his dad. "Dunno."' (not 'I
    asked Mum how school was. "Fine."')?"""
    doc = parsed.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    sent = span[0].sent
    if any(not t.is_punct and not t.is_space and not parsed.in_quotes(t.idx, t.idx + len(t)) for t in sent):
        return False
    if sent.start == 0:
        return False
    before = doc[sent.start - 1].sent
    return any(c["asking"].has(t) and t.pos_ == "VERB" and (
        subject_of(t) is None or subject_of(t).lower_ in FIRST_PERSON)
        and any(ch.dep_ in ("dobj", "dative") and ch.text in names for ch in t.children) for t in before)


def _bare_name(name: str) -> str:
    bare = re.sub(r"\s*[(\[].*?([)\]]|$)", " ", name)
    bare = re.split(r"\s+[-–—]\s+", bare)[0].strip()
    return bare or name


def _own_names(subjects: list[str]) -> list[tuple[str, set[str]]]:
    """Each subject with the parts of their name that are theirs alone: for brother and
    sister "Zara Ahmed" and "Rayan Ahmed", "Ahmed" would not say which one spoke."""
    # What the subject line says of them besides their name is not their name: "Raymond
    # Sutton (carer for his wife, Maureen)", "Leah Moss - supervision".
    subjects = [_bare_name(name) for name in subjects]
    parts = [name_parts(name) for name in subjects]
    found = []
    for i, name in enumerate(subjects):
        others = set().union(*(p for j, p in enumerate(parts) if j != i))
        found.append((name, (parts[i] - others) or parts[i]))
    return found


def _short_forms(doc, people: list[tuple[str, set[str]]]) -> list[tuple[str, set[str]]]:
    """Each subject's names with the short forms of their first name the note uses: "Cliff"
    in a log about "Clifford Ames", "Sam" for "Samuel" (three letters or more, and not the
    name of another subject)."""
    taken = set().union(*(names for _, names in people)) if people else set()
    written = {t.text for t in tokens_of(doc) if t.pos_ == "PROPN" and t.text.istitle() and len(t.text) >= 3}
    initials = _initials(doc)
    found = []
    for name, names in people:
        # Only the first name is shortened ("Ben" in a note about Horace Bentley is someone
        # else).
        first = next((w for w in name.split() if w in names), "")
        short = {w for w in written - taken if first.startswith(w) and first != w}
        # A log's initial for them: "Z back from school", "M calling out" in a record about
        # Zara or Marjorie, when no other subject's name starts with that letter.
        others = {n[:1] for other, more in people if other != name for n in more}
        short |= {w for w in initials if w not in others and first[:1] == w}
        found.append((name, names | short))
    return found


def _initials(doc) -> set[str]:
    """Capital letters a note uses on their own as a name, twice or more: "Z asked if she
    could ring nan", "M agreed when asked". Not 'I', nor 'A' as an article."""
    counts: dict[str, int] = {}
    for t in tokens_of(doc):
        if len(t.text) == 1 and t.text.isupper() and t.text != "I" and t.pos_ in ("PROPN", "NOUN"):
            counts[t.text] = counts.get(t.text, 0) + 1
    return {w for w, n in counts.items() if n >= 2}


def _infer_person(parsed: ParsedNote, c) -> str | None:
    """The person named most often, passing over a place or a room taken for one: "in
    Ghana", "Rm 22 wandering" (a name followed by a number, or after 'in' or 'at')."""
    lists = [c["others"], c["women"], c["men"], c["not_names"]]
    for _ in range(4):
        name = subject.infer_subject(parsed, *lists)
        if name is None:
            return None
        # Not "02:00 Checked, settled. 05:00 Checked.", only ever a sentence's first word,
        # nor a place.
        if _written_as_a_name(parsed.doc, name) and not _a_place(parsed.doc, name):
            return name
        lists.append(Terms([name], "not_people", lemma=False))
    return None


def _written_as_a_name(doc, name: str) -> bool:
    """Is the word written as a name somewhere: with a capital where no sentence starts,
    opening a full name ("Name: Harold Whitfield"), or the subject of two sentences? A word
    that only ever opens a sentence ("Checked, settled.") may be capitalised for that alone."""
    mentions = [t for t in tokens_of(doc) if t.text == name]
    if any(not _opens(t) for t in mentions):
        return True
    if any(t.i + 1 < len(doc) and subject.is_name(doc[t.i + 1]) and "\n" not in t.whitespace_
           for t in mentions):
        return True
    # "Stan refused to engage again": the subject of the verb after it ("02:00 Checked,
    # settled." is not).
    return any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i > t.i and t.head.pos_ in ("VERB", "AUX")
               and t.i + 1 < len(doc) and not doc[t.i + 1].is_punct for t in mentions)


def _opens(token) -> bool:
    """Opens a sentence or a line, or a log's entry after its time ("05:00 Checked.")."""
    if subject.opens_sentence(token):
        return True
    before = token.doc[token.i - 1] if token.i else None
    return before is not None and CLOCK_RE.fullmatch(before.text) is not None and subject.opens_sentence(before)


def _a_place(doc, name: str) -> bool:
    """Is this name a place somewhere in the note: "in Ghana", "at Oakfield", "Rm 22",
    "Elm Bank Care Home"? People are not written so. A place word ("Home", "Ward") is one
    too, unless a title goes before it: "Mr Park", "Ms Hall" are people."""
    mentions = [t for t in tokens_of(doc) if t.text == name]
    if name.lower() in PLACE_NOUNS:
        return not any(t.i and doc[t.i - 1].lower_.rstrip(".") in TITLES for t in mentions)
    return any(_place_mention(t) for t in mentions)


def _place_mention(token) -> bool:
    after = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if after is not None and after.like_num and "\n" not in token.whitespace_:
        return True  # "Rm 22", "Bed 4", "Ward 7"
    # A capitalised run with a place noun in it: "Elm Bank Care Home", "Willow Unit",
    # "Brightway Home Care".
    doc = token.doc
    before = token.nbor(-1) if token.i > 0 else None
    if token.lower_ in PLACE_NOUNS and token.text[:1].isupper() and before is not None \
            and before.text[:1].isupper() and before.is_alpha and "\n" not in before.whitespace_ \
            and before.lower_.rstrip(".") not in TITLES:
        return True  # the place noun closing a name: "on Canal Street", "to Willow Ward"
    for step in (1, -1):
        i = token.i + step
        while 0 <= i < len(doc) and doc[i].text[:1].isupper() and doc[i].is_alpha \
                and "\n" not in doc[min(i, i - step)].whitespace_:
            if doc[i].lower_ in PLACE_NOUNS:
                return True
            i += step
    node = token
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head  # "at Thornby YJS office"
        if node.lower_ in PLACE_NOUNS:
            return True  # "Elm Bank Care Home", "Willow Unit"
    return node.dep_ == "pobj" and node.head.lower_ in PLACE_PREPOSITIONS


# "Amos (13)", "Delphine (5)", "Mia (4 months)": a first name and a child's age after it.
_CHILD_AGED = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?)? \((\d{1,2})(\s*(?:weeks?|months?|days?))?\)")


def _visited_together(parsed: ParsedNote, c) -> list[str]:
    """The children a visit is to, when the note opens with it and names them with their
    ages: "Statutory visit to Amos (13) and his sister Delphine (5), both on plans", "Home
    visit to Harvey (9) and Rosie (6)" (not "Home visit to Mum. Her son Jay (4) was at
    nursery": the list ends at the sentence, or at a comma not before 'and')."""
    sents = parsed.layout.sentences
    for sent in sents[:2]:
        text = sent.text
        m = c["visited_together"].search(text)
        if m is None:
            continue
        listed = re.split(r"[.;:]|,(?!\s*(?:and\b|[A-Z][a-z]+ \())", text[m.end():], maxsplit=1)[0]
        aged = list(_CHILD_AGED.finditer(listed))
        if not aged or not all(g.group(3) or int(g.group(2)) < 18 for g in aged):
            return []
        # Only children, by name and age: "visit with Mum, Tamsin (5) and Tobi" is a visit
        # to the family, about the child the metadata names.
        rest = _CHILD_AGED.sub(" ", listed)
        if re.search(r"\b[A-Z][a-z]+\b", rest) or any(w in PARENT_WORDS for w in re.findall(r"[a-z]+", rest.lower())):
            return []
        return [g.group(1) for g in aged]
    return []


# The grown-ups a visit may be with ("Mum", "her partner", "the carers"); not the
# children's own relations to each other ("his sister Delphine").
PARENT_WORDS = (english("female_people") | english("male_people") | english("kin_people")
                | english("grown_ups")) - english("child_relations")


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    if not parsed.text.strip():
        return  # an empty note has nothing to check
    c = rule.compiled
    subjects = parsed.note.subjects
    headed = None
    if subjects:
        people = _short_forms(parsed.doc, _own_names(subjects))
        all_names = set().union(*(names for _, names in people))
    else:
        headed = subject.header_person(parsed, c["header_labels"], c["header_name"])
        inferred = addressee(parsed, c) or headed or _infer_person(parsed, c)
        if inferred is None and not is_log(parsed, c):
            return  # no one is named: nothing to say whose voice is missing
        # A log of care that never names its person ("Rm 22 wandering from 01:00") is
        # still about someone: their voice is missing all the same.
        names = name_parts(inferred) if inferred and inferred == headed else {inferred}
        if inferred and inferred == headed:  # a full name: "Cliff", "Z" for short as well
            names = _short_forms(parsed.doc, [(inferred, names)])[0][1]
        people = [(inferred, names)] if inferred else [(None, set())]
        all_names = names if inferred else set()
    if not is_contact(parsed, c, all_names):
        return
    if all_names and c["visited_together"]:
        # "Statutory visit to Amos (13) and his sister Delphine (5)": every child the visit
        # is to needs their own voice, though the metadata names one.
        more = [name for name in _visited_together(parsed, c) if name not in all_names]
        if more and any(name in all_names for name in _visited_together(parsed, c)):
            people = people + [(name, {name}) for name in more]
    if not subjects and not all_names:
        if not has_voice(parsed, c, set(), rule.options):
            start, end = parsed.layout.first_line
            yield Finding(start, end, values={"subject": c["unnamed"]})
        return
    # Each person needs their own voice: one child speaking does not speak for a sibling.
    missing = [name for name, names in people if not has_voice(parsed, c, names, rule.options)]
    if not missing:
        return
    start, end = parsed.layout.first_line
    # A header that names them ("Person: Leonard Bright") says who the note is about.
    yield Finding(start, end, values={"subject": " and ".join(missing)},
                  message=None if subjects or (headed and inferred == headed) else rule.options.inferred_message)
