"""pronoun: a sentence that refers to two different people of the same gender by
pronouns alone, so the reader cannot tell who is who: "she said she was worried about
her because she has not been eating and she thinks she might have a UTI".

A subject pronoun and an object pronoun of the same gender in one clause ("she ... about
her", "she and her") cannot be the same person (that would be "herself"), so the
sentence is about two people; when it leans on several such pronouns (``min_pronouns``)
the reader has to guess which is which. The words live in the rule file (``pronouns``).
Words in quotation marks are someone's own and are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.language import english


class PronounSet(Options):
    subject: str = Field(min_length=1)  # "she"
    objects: list[str] = Field(min_length=1)  # ["her"]: the object form, not "her bag"
    # The words for a person of this gender, as the name of a list in english.yaml
    # ("female_people": mother, daughter, ...). An object pronoun whose last mention before
    # it in the sentence is one of these nouns, not a subject, picks that person up: "she
    # helps her mother to the toilet; washes and dresses her" is plain. None: not used.
    people: str | None = None
    # Titles for a person of this gender ("mrs", "ms"): "Mrs Lee" is a woman.
    titles: list[str] = []


class PronounOptions(Options):
    pronouns: list[PronounSet] = Field(min_length=1)
    # How many of one gender's pronouns a sentence must use before it is too many to
    # follow: "Kirsty told her she would see her" (three) reads plainly.
    min_pronouns: int = Field(default=4, ge=2)
    # With these verbs, the other reading instead: someone tells a named person of the same
    # gender something about 'he' or 'she' ("he told Darren he could not cope any more and
    # that he would have to move out"), and the reader cannot tell which of the two each
    # pronoun is. The named person's gender comes from a word for them (people: "Mum",
    # "his son Darren") or a title (titles: "Mrs Lee") in the note. Flagged when the rest
    # of the sentence, after the person told, has at least min_told such pronouns as
    # subjects: "Dad told Jamie he would be back
    # at 6" reads plainly. Empty: this reading is not used.
    told_verbs: list[str] = []
    min_told: int = Field(default=2, ge=1)


def needs(rule) -> set[str]:
    return {"parse", "sents"}


def _clause(token):
    """The verb (or auxiliary) heading the clause the token is in."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:  # a root is its own head
        head = head.head
    return head


def _picks_up_a_noun(obj, mentions: list, people: frozenset[str]) -> bool:
    """Whether the last mention of a person of this gender before the object pronoun is a
    noun for one ("her mother"), not in a subject: the pronoun reads as that person."""
    before = None
    for token in obj.sent:
        if token.i >= obj.i:
            break
        if any(token.i == m.i for m in mentions) and token.tag_ != "PRP$":
            before = token
        elif token.lemma_.lower() in people or token.lower_ in people:
            before = token
    return before is not None and before.pos_ == "NOUN" and before.dep_ not in ("nsubj", "nsubjpass")


def _two_people(subjects: list, objects: list, mentions: list = (), people: frozenset[str] = frozenset()):
    """The first object pronoun that cannot be the same person as a subject pronoun: both
    in one clause, or joined by 'and'."""
    for obj in objects:
        if people and _picks_up_a_noun(obj, mentions, people):
            continue
        clause = _clause(obj)
        for subj in subjects:
            if subj.head.i == clause.i or obj in subj.conjuncts:
                return obj
    return None


def _genders(doc, sets) -> dict[str, int]:
    """Which set (gender) each name in the note belongs to, from a word for the person
    beside it ("his son Darren", "Darren, her son") or a title ("Mrs Lee")."""
    found: dict[str, int] = {}
    for k, (p, _, _) in enumerate(sets):
        people = english(p.people) if p.people else frozenset()
        titles = {t.lower() for t in p.titles}
        for t in doc:
            if t.pos_ != "PROPN":
                continue
            near = [t.head] if t.dep_ in ("appos", "compound") else []
            near += [c for c in t.children if c.dep_ in ("appos", "compound")]
            if any(n.lemma_.lower() in people or n.lower_ in titles for n in near):
                found.setdefault(t.text, k)
    return found


def _gender_of(token, k: int, sets, genders: dict[str, int]) -> bool:
    p, subject_word, objects_words = sets[k]
    if token.lower_ in (subject_word, *objects_words):
        return True
    people = english(p.people) if p.people else frozenset()
    if token.lemma_.lower() in people or token.lower_ in people:
        return True
    return genders.get(token.text) == k


def _named_before(teller, told, k: int, sets, genders: dict[str, int]) -> str:
    """Who a pronoun teller most likely is: the last person named as a subject before it,
    not known to be of the other gender ("Keith told me that he told Darren ..."); else
    "the person telling"."""
    for t in reversed(teller.doc[:teller.i]):
        if t.pos_ == "PROPN" and t.dep_ == "nsubj" and t.text != told.text and genders.get(t.text, k) == k:
            return t.text
    return "the person telling"


def _told(parsed: ParsedNote, o, sets) -> Iterator[Finding]:
    verbs = {v.lower() for v in o.told_verbs}
    genders: dict[str, int] | None = None
    for verb in parsed.doc:
        if verb.lemma_.lower() not in verbs or verb.pos_ != "VERB":
            continue
        teller = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        told = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if teller is None or told is None or told.pos_ not in ("PROPN", "NOUN"):
            continue
        if parsed.in_quotes(verb.idx, verb.idx + len(verb)):
            continue
        if genders is None:
            genders = _genders(parsed.doc, sets)
        for k, (p, subject_word, _) in enumerate(sets):
            if not (_gender_of(teller, k, sets, genders) and _gender_of(told, k, sets, genders)):
                continue
            # Every 'he' after the person told, to the end of the sentence: what was told,
            # and what either of them said or did next ("..., and she said she would, so she
            # is going on Friday").
            pronouns = [t for t in verb.doc[told.i + 1:verb.sent.end]
                        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ == subject_word
                        and not parsed.in_quotes(t.idx, t.idx + len(t))]
            if len(pronouns) >= o.min_told:
                first = pronouns[0]
                who = teller.text if teller.pos_ != "PRON" else _named_before(teller, told, k, sets, genders)
                whom = " ".join(t.text for t in told.subtree if t.dep_ == "poss" or t.i == told.i) \
                    if told.pos_ == "NOUN" else told.text  # "her mum"
                yield Finding(first.idx, first.idx + len(first),
                              values={"subject": first.text, "object": told.text,
                                      "who": f"'{first.text}' could be {who} or {whom}"})
                break


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    o = rule.options
    sets = [(p, p.subject.lower(), {w.lower() for w in p.objects}) for p in o.pronouns]
    words = {w for _, subject_word, objects_words in sets for w in (subject_word, *objects_words)}
    for sentence in parsed.doc.sents:
        # The sentence's pronouns, once: most sentences have too few for any set.
        mentions = [t for t in sentence if t.lower_ in words]
        if len(mentions) < o.min_pronouns:
            continue
        for pronouns, subject_word, objects_words in sets:
            subjects, objects = [], []
            for token in mentions:
                if parsed.in_quotes(token.idx, token.idx + len(token)):
                    continue
                if token.lower_ == subject_word and token.dep_ in ("nsubj", "nsubjpass"):
                    subjects.append(token)
                elif token.lower_ in objects_words and token.tag_ == "PRP":
                    objects.append(token)
            if len(subjects) + len(objects) < o.min_pronouns:
                continue
            people = english(pronouns.people) if pronouns.people else frozenset()
            own = [m for m in mentions if m.lower_ == subject_word or m.lower_ in objects_words]
            clash = _two_people(subjects, objects, own, people)
            if clash is not None:
                yield Finding(clash.idx, clash.idx + len(clash),
                              values={"subject": pronouns.subject, "object": clash.text,
                                      "who": f"'{pronouns.subject}' and '{clash.text}' are two different people"})
    if o.told_verbs:
        yield from _told(parsed, o, sets)
