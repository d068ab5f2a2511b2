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


class PronounSet(Options):
    subject: str = Field(min_length=1)  # "she"
    objects: list[str] = Field(min_length=1)  # ["her"]: the object form, not "her bag"


class PronounOptions(Options):
    pronouns: list[PronounSet] = Field(min_length=1)
    # How many of one gender's pronouns a sentence must use before it is too many to
    # follow: "Kirsty told her she would see her" (three) reads plainly.
    min_pronouns: int = Field(default=4, ge=2)


def needs(rule) -> set[str]:
    return {"parse", "sents"}


def _clause(token):
    """The verb (or auxiliary) heading the clause the token is in."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:  # a root is its own head
        head = head.head
    return head


def _two_people(subjects: list, objects: list):
    """The first object pronoun that cannot be the same person as a subject pronoun: both
    in one clause, or joined by 'and'."""
    for obj in objects:
        clause = _clause(obj)
        for subj in subjects:
            if subj.head.i == clause.i or obj in subj.conjuncts:
                return obj
    return None


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
            clash = _two_people(subjects, objects)
            if clash is not None:
                yield Finding(clash.idx, clash.idx + len(clash),
                              values={"subject": pronouns.subject, "object": clash.text})
