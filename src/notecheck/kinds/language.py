"""Helpers the evidence-and-voice kinds share: term lists, reported speech, evidence nearby.

Not a kind itself. Every word list comes from the rule's YAML; this module only knows
how to look for them in a parsed Doc.
"""

from __future__ import annotations

import re

from notecheck.kinds.base import ParsedNote
from notecheck.kinds.terms import Terms


# ---- closed word classes (src/notecheck/data/english.yaml) ------------------------------


def english(key: str) -> frozenset[str]:
    """One of the small closed word classes in src/notecheck/data/english.yaml."""
    return _english()[key]


_ENGLISH: dict = {}


def _english() -> dict:
    if not _ENGLISH:
        from pathlib import Path

        from notecheck.rules.yamlsource import load_shipped

        loaded = load_shipped(Path(__file__).resolve().parents[1] / "data" / "english.yaml")
        _ENGLISH.update({k: frozenset(str(w).lower() for w in v) for k, v in loaded.items()})
    return _ENGLISH


def tokens_of(doc) -> list:
    """The doc's tokens as a list, made once: spaCy builds a new Token object each time a
    Doc is walked, which costs more than the checks several rules then make on it."""
    tokens = doc.user_data.get("notecheck.tokens")
    if tokens is None:
        tokens = doc.user_data["notecheck.tokens"] = list(doc)
    return tokens


# ---- reported speech -------------------------------------------------------------------

FIRST_PERSON = english("first_person")


# The edge from a speech verb down to what was said: "Mum said [that the flat is cold]".
REPORTED = {"ccomp", "xcomp", "parataxis", "dobj", "advcl"}


def speaker_of(token, speech: Terms):
    """The speech verb this token is, or is reported under ("Mum said [Jamie seems happy]")."""
    if speech.has(token) and _active_subject(token) is not None:
        return token
    return reporting_verb(token, speech)


def reporting_verb(token, speech: Terms):
    """The nearest speech verb above this token that has it inside what was said, if any."""
    child = token
    for node in token.ancestors:
        if (child.dep_ in REPORTED and speech.has(node) and node.pos_ in ("VERB", "AUX", "")
                and _active_subject(node) is not None):
            return node
        child = node
    return None


def _active_subject(verb):
    """Who is speaking: the subject, or the agent of a passive ("it was reported by the
    school that ...")."""
    subject = subject_of(verb)
    if subject is not None and subject.dep_ == "nsubj":
        return subject
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def subject_of(verb):
    """The grammatical subject of a verb, following 'and' back to the first verb."""
    node = verb
    for _ in range(4):
        # The nearest one: a misparse can hang a stray '*' on the verb as a subject too.
        subjects = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and not c.is_punct]
        if subjects:
            return min(subjects, key=lambda c: abs(c.i - node.i))
        if node.dep_ in ("conj", "xcomp") and node.head.i != node.i:
            node = node.head
            continue
        break
    return None


def reported_by_someone_else(parsed: ParsedNote, token, speech: Terms) -> bool:
    """Is this token inside quotation marks, or reported from someone other than the writer?

    "Mum said the flat is unsuitable" is Mum's view, attributed: not the writer's claim.
    "I said ..." is still the writer.
    """
    if parsed.in_quotes(token.idx, token.idx + len(token)):
        return True
    verb = speaker_of(token, speech)
    if verb is None or verb is token:
        return False
    subject = _active_subject(verb)
    return subject is not None and subject.lower_ not in FIRST_PERSON


OWN_POSSESSIVES = english("own_possessives")


def held_by_someone_else(sent, token, view_nouns: Terms, sources: Terms | None = None) -> bool:
    """Is this word in a view that the sentence gives to someone other than the writer,
    before it: "[Her] view is that Olive can manage", "in [Dr Malik's] opinion she is
    fit", "the OT's assessment is that he is likely to need help"; or does the sentence
    name its source ("[according to] the school, Ava is settled")?"""
    if sources and sources.any_in(sent):
        return True
    return any(t.i < token.i and view_nouns.has(t) and any(
        ch.dep_ == "poss" and ch.lower_ not in OWN_POSSESSIVES for ch in t.children)
        for t in sent)


def is_name_elsewhere(word) -> bool:
    """Is this capitalised noun a name the parser tags as one elsewhere in the note? It
    sometimes reads a name at the start of a sentence ("Grace lacks capacity") as a noun."""
    if word.pos_ != "NOUN" or not word.text[:1].isupper() or word.text.isupper():
        return False
    doc = word.doc
    names = doc.user_data.get("notecheck_names")
    if names is None:
        names = doc.user_data["notecheck_names"] = frozenset(
            t.text for t in doc if t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper())
    return word.text in names


# ---- evidence nearby -------------------------------------------------------------------

def has_evidence(parsed: ParsedNote, sent, markers: Terms, numbers: bool,
                 time_words: Terms | None = None, speech: Terms | None = None,
                 about=None, claim=None, actions: Terms | None = None) -> bool:
    """Does this sentence describe what was seen or heard: a marker, a quote, a count, or
    (with ``actions``) something done that can be seen ("Mum seemed tired: she yawned",
    "he was hostile and slammed the door"), by the person ``about`` when it is given?

    With ``about`` (the person a claim in another sentence is about) and ``speech``, what
    someone else said counts only when it is that person's own account or the writer's:
    "She was rude to her mum. Mum says she can't control her" gives Mum's worry, not
    what the girl did.
    """
    for span in markers.spans(sent):
        # "It was reported ..." names no one who saw or heard anything: passives do not
        # count. A phrase ("as shown by", "I base this on") counts wherever it is.
        if len(span) == 1 and _passive(span.root):
            continue
        if len(span) == 1 and foreseen(span.root):
            continue  # "won't be able to say no to Lauren": what may be said, not what was
        if claim is not None and span.root.i in _indices(claim):
            continue  # "Dad is obviously saying things to unsettle him": the view itself
        if about is not None and speech is not None and _in_others_account(span.root, speech, about):
            continue  # "Graham said he wants her in a home because ...": Graham's reason
        if _inside_passive_report(span.root.head if span.root.dep_ == "mark" else span.root):
            # "concerns were raised by nursery ... including being collected late"; but a
            # reason's own clause may be passive: "because the baby has not been fed"
            continue
        if speech is not None and len(span) == 1 and speech.has(span.root) and _writer_speaking(
                span.root, _active_subject(span.root)):
            continue  # "Told him he would need to come back": what the writer said, not saw
        if about is not None and speech is not None and len(span) == 1 and speech.has(span.root):
            speaker = _active_subject(span.root)
            if (speaker is not None and speaker.lower_ not in FIRST_PERSON
                    and not same_person(speaker, about)):
                continue
        return True
    if actions and any(_seen_doing(t, about, speech) for t in actions.tokens_in(sent)):
        return True
    # In a sentence around the claim, a quote or a count inside someone else's account of
    # the person ("Chidi said Jayden comes back 'quiet'", "his partner said he has not
    # slept for four nights") is their account, not what the writer saw or heard.
    others = about is not None and speech is not None and _only_others_speak(sent, speech, about)
    if not others and any(sent.start_char < q_end and q_start < sent.end_char
                          and len(parsed.text[q_start:q_end].split()) > 1 for q_start, q_end in parsed.quotes):
        return True  # what someone said, quoted; not a name or a word in quotes ("Jay")
    return numbers and not others and has_count(sent, time_words, not_labels=True)


FORESEEING = english("foreseeing_modals")


def foreseen(verb) -> bool:
    """Is this verb something foreseen, not done: under 'will', 'would' or 'might', or
    'able to' under one ("she won't be able to say no", "he would tell anyone")?"""
    if verb.dep_ == "xcomp" and verb.head.lemma_ == "able":
        verb = verb.head.head
    return any(ch.dep_ == "aux" and ch.lower_ in FORESEEING for ch in verb.children)


def _indices(claim) -> set[int]:
    """The token positions of a claim: one token, or a list of them."""
    return {t.i for t in claim} if isinstance(claim, (list, tuple)) else {claim.i}


def _seen_doing(verb, about, speech) -> bool:
    """Is this action verb something the person did, as the writer saw it: active, not
    negated, not inside anyone's account, and done by ``about`` when it is given?"""
    if verb.pos_ != "VERB" or _passive(verb) and verb.tag_ != "VBD" or is_negated(verb):
        return False
    if speech is not None and reporting_verb(verb, speech) is not None:
        return False  # "Mum said he threw his plate": her account
    if _inside_passive_report(verb):
        return False  # "It was reported that Mum was drunk, for example slurring her words"
    doer = subject_of(verb)
    return about is None or doer is None or same_person(doer, about)


def _in_others_account(token, speech: Terms, about) -> bool:
    """Is this word inside what someone other than the writer and ``about`` said?"""
    verb = reporting_verb(token, speech)
    speaker = _active_subject(verb) if verb is not None else None
    return speaker is not None and speaker.lower_ not in FIRST_PERSON and not same_person(speaker, about)


def _only_others_speak(sent, speech: Terms, about) -> bool:
    """Does someone speak in this sentence, and is every speaker someone other than the
    writer and the person ``about``?"""
    speakers = [_active_subject(t) for t in sent if speech.has(t) and t.pos_ in ("VERB", "AUX")
                and reporting_verb(t, speech) is None]  # not "Sam said Jordan 'never tells the truth'"
    speakers = [s for s in speakers if s is not None]
    return bool(speakers) and all(s.lower_ not in FIRST_PERSON and not same_person(s, about)
                                  for s in speakers)


def _writer_speaking(verb, speaker) -> bool:
    """Is this the writer's own telling ("I told him to leave", "Told him he would need
    to come back", "I explained the plan")? What the writer said to someone describes
    nothing the writer saw or heard; "told me" is someone telling the writer."""
    if speaker is not None:
        return speaker.lower_ in FIRST_PERSON
    if verb.lemma_.lower() != "tell":
        return False  # "Said he had been drinking": the person, in a clipped line
    told = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    return bool(told) and not any(c.lemma_.lower() in FIRST_PERSON for c in told)


def _inside_passive_report(token) -> bool:
    """Is this word part of what a passive report carries ("it was reported that Mum was
    drunk, for example ...", "concerns were raised ... including ...")? Then it is the
    report's content, second-hand, not what the writer saw."""
    child = token
    for node in token.ancestors:
        if child.dep_ == "conj":
            return False  # "Leah was seen alone and [I noticed] a bruise": a statement of its own
        if node.pos_ == "VERB" and any(c.dep_ in ("auxpass", "nsubjpass") for c in node.children):
            return True
        child = node
    return False


COUNTED_PEOPLE = (english("counted_people") | english("female_people") | english("male_people")
                  | english("kin_people"))


def has_count(sent, time_words: Terms | None = None, not_labels: bool = False, not_years: bool = False) -> bool:
    """A count or measurement ("14 bags", "two litres", "88%"), not a time or date ("2pm").
    With ``not_labels``, nor a number that names something ("Ward 7", "pathway 3 bed",
    "section 2"): one right after a noun is its label, not a count of what was seen; nor a
    count of people ("not coping with two children", "her three sons"), which says who
    is in the family, not what was seen. With ``not_years``, nor a year ("2025: family
    known to services"), which says when."""
    return any(t.like_num and (t.dep_ in ("nummod", "quantmod") or _partitive(t)) and t.lower_ != "one"
               and not (time_words and time_words.has(t.head) and not _partitive(t))
               and not (not_labels and (_label_number(t) or t.head.lemma_.lower() in COUNTED_PEOPLE))
               and not (not_years and _year(t))
               for t in sent)


def _partitive(token) -> bool:
    """A count of some out of a whole: "on 9 of the last 10 weeks", "3 of the 4 visits",
    which tallies what happened, whatever the whole is counted in."""
    return any(ch.dep_ == "prep" and ch.lower_ == "of" and any(
        g.dep_ == "pobj" and any(n.like_num for n in g.children) for g in ch.children)
        for ch in token.children)


def _year(token) -> bool:
    return len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20")


def _label_number(token) -> bool:
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and before.pos_ in ("NOUN", "PROPN") and not before.is_punct


def _passive(token) -> bool:
    """'It was reported', and the clipped passive of a note: "bedrooms seen", "children
    seen in the lounge" — a participle with no 'have' says nothing was described."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
        return True
    return token.tag_ == "VBN" and not any(c.dep_ == "aux" for c in token.children)


def evidence_near(parsed: ParsedNote, sents: list, index: int, markers: Terms, numbers: bool,
                  before: int, after: int, time_words: Terms | None = None,
                  speech: Terms | None = None, about=None, claim=None,
                  actions: Terms | None = None, actions_near: bool = False,
                  same_line_person: bool = False) -> bool:
    """Evidence in this sentence, or in one of the sentences around it in the same
    paragraph (Layout.passage: a line typed as its own thought is its own paragraph): a
    quote or count in the next entry of a daily log, on the next line, or under the next
    heading, is about something else. In those other sentences, with ``about`` (a
    person), someone else's account is not evidence of what that person did."""
    low, high = max(0, index - before), min(len(sents) - 1, index + after)
    passage = parsed.layout.passage(sents[index].start_char)

    def near(i: int) -> bool:
        if i == index or parsed.layout.passage(sents[i].start_char) == passage:
            return True
        # The next or last line of the same paragraph, when it goes on about the same
        # person: "Mr Dunn appeared confused." / "He asked me three times what day it was."
        return (same_line_person and abs(i - index) == 1
                and parsed.layout.paragraph(sents[i].start_char) == passage[0]
                and _goes_on_about(sents[i], about))

    return any(has_evidence(parsed, sents[i], markers, numbers, time_words,
                            speech if i != index else None, about if i != index else None,
                            claim if i == index else None, actions if i == index or actions_near else None)
               for i in range(low, high + 1) if near(i))


def _goes_on_about(sent, about) -> bool:
    """Is this sentence's subject the person ``about`` is, as far as can be told: the same
    name, or a pronoun standing for them ("Mr Dunn ..." / "He asked me ...")?"""
    if about is None or not is_person(about):
        return False
    subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"]
    return bool(subjects) and is_person(subjects[0]) and same_person(subjects[0], about) and (
        subjects[0].lower_ in PERSONAL_PRONOUNS or bool(_referent(subjects[0]) & _referent(about)))


PERSONAL_PRONOUNS = english("personal_pronouns")


def is_person(token) -> bool:
    """A name or a personal pronoun: someone whose own account can be told apart."""
    return token.lower_ in PERSONAL_PRONOUNS or (
        token.pos_ == "PROPN" and token.text[:1].isupper() and not token.text.isupper())


def same_person(a, b) -> bool:
    """Could these two words be the same person? A pronoun stands for the last name
    before it; when either cannot be told, they could be."""
    if _other_sex(a, b) or _other_sex(b, a):
        return False  # "Daughter says [he] has been like this": a woman's account of a man
    if (is_person(a) and _relative(b)) or (is_person(b) and _relative(a)):
        return False  # "Mabel lacks capacity. [Her son] said ...": her son is not Mabel
    if not (is_person(a) and is_person(b)):
        # "the flat", "the mother": not a name we can tell apart. But a group ("carers",
        # "staff", "police") is never the one person a name or pronoun stands for.
        return not (is_person(a) or is_person(b)) or not (_group(a) or _group(b))
    ra, rb = _referent(a), _referent(b)
    return not ra or not rb or bool(ra & rb)


FEMALE, MALE = english("female_people"), english("male_people")
SHE, HE = english("female_pronouns"), english("male_pronouns")
POSSESSIVES = english("possessives")
KIN = english("kin_people")


def _relative(token) -> bool:
    """A person who is someone's ("her son", "His partner, Ewa", "Mabel's daughter")."""
    word = token.lemma_.lower()
    if token.pos_ != "NOUN" or not (word in KIN or word in FEMALE or word in MALE):
        return False
    return any(ch.dep_ == "poss" and (ch.lower_ in POSSESSIVES or ch.pos_ == "PROPN")
               for ch in token.children)


def _other_sex(a, b) -> bool:
    """Is ``a`` a word for a woman (daughter, Mum) and ``b`` 'he', or the other way round?"""
    word = a.lower_
    return (word in FEMALE and b.lower_ in HE) or (word in MALE and b.lower_ in SHE)


def _group(token) -> bool:
    """A plural noun ("carers", "police"), or one taking a plural verb ("staff describe")."""
    return token.pos_ == "NOUN" and (token.tag_ == "NNS" or (
        token.dep_ == "nsubj" and token.head.tag_ == "VBP"))


def _referent(token) -> set[str]:
    if token.lower_ in PERSONAL_PRONOUNS:
        doc = token.doc
        for i in range(token.i - 1, max(-1, token.i - 200), -1):
            if is_person(doc[i]) and doc[i].lower_ not in PERSONAL_PRONOUNS and doc[i].dep_ != "poss":
                return _name_words(doc[i])
        return set()
    return _name_words(token)


def _name_words(token) -> set[str]:
    """The words of a name as written here: "Mrs Farida Ahmed", "Farida"."""
    words = {c.lower_ for c in token.children if c.dep_ == "compound" and c.pos_ == "PROPN"}
    words.add(token.lower_)
    return words


NEGATING = english("negating_words")


def is_negated(token) -> bool:
    """'not drunk', 'was not neglectful', 'no concerns', 'never appeared'."""
    for node in (token, token.head):
        if any(c.dep_ == "neg" or c.lower_ in NEGATING for c in node.children):
            return True
    return False


def name_parts(name: str) -> set[str]:
    """The words of a person's name as the tokenizer sees them: "Lily-Mae Thornton" is
    Lily, Mae and Thornton."""
    return {part for part in re.split(r"[\s\-]+", name) if part[:1].isupper()}
