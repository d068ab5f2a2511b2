"""phrase: term lists, matched on whole words, case-insensitively, optionally on lemmas.

With ``lemma: true`` write each term in its base form ("refuse to engage"): it then
matches "refused to engage", "refusing to engage" and "refuses to engage".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import Field

from notecheck.fixes import literal
from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.terms import Terms, TermText


class Term(Options):
    # One word or phrase, or a list of wordings that share the rest of the entry:
    # [basic needs met, basic needs were met].
    term: TermText
    suggestion: str | None = None
    # The suggestion for a note about an adult (subject_type: adult), when the usual one's
    # example is about a child.
    adult_suggestion: str | None = None
    message: str | None = None
    # Only when the term's paragraph gives a child's age and an adult's: "Skye (15) has a
    # new boyfriend, Tazz (23)". The ages are read as in age_gap.
    age_gap: bool = False
    # Only in a note about a child (subject_type child, or none given): "chose to stay
    # with her sister" is an adult's own choice, and "contact with his mum" an adult's
    # ordinary family life.
    child_only: bool = False
    # Words right before the term that give it another sense: "made contact with Mum" is
    # getting in touch, not family time. Matched on the word or its lemma.
    not_after: list[str] = []


class AgeGap(Options):
    """How age_gap terms read the ages a note gives: "(14)", "aged 14", "a 22-year-old",
    "24 yr old", "is 14"."""

    adult_age: int = Field(default=18, ge=1)
    # A younger child's age (a baby, a toddler) is someone else's: no one that young is
    # called anyone's boyfriend.
    child_from: int = Field(default=10, ge=0)
    # Words for someone whose relationship it is when one comes before the term in its
    # sentence: "Mum (34) lives with her boyfriend, Dean (36), and Kayla (13)".
    owners: list[str] = []


class PhraseOptions(Options):
    terms: list[Term] = Field(min_length=1)
    lemma: bool = False
    age_gap: AgeGap = AgeGap()


# An age as notes give it: "(14)", "(aged 14)", "aged 14", "a 22-year-old", "20 year old",
# "24 yr old", "15yo", "his girlfriend is 27". Not "(7 weeks)", "is 14 days", "was 2pm".
_AGE = re.compile(
    r"\(\s*(?:aged?\s+)?(\d{1,2})\s*\)"
    r"|\baged?\s+(\d{1,2})\b(?![:.]\d)"
    r"|\b(\d{1,2})[\s-]?(?:years?|yrs?)[\s-]?old\b"
    r"|\b(\d{1,2})\s?(?:yo|y/o)\b"
    r"|\b(?:is|was|now|turned)\s+(\d{1,2})\b(?![:.]\d|\s*(?:%|am|pm|days?|weeks?|months?|hours?|"
    r"minutes?|mins?|times?|cm|mm|kg|st|lbs?|miles?|points?|per)\b)",
    re.IGNORECASE)


def ages(text: str) -> list[tuple[int, int]]:
    """The ages given in this text, each with where it is."""
    return [(int(next(g for g in m.groups() if g)), m.start()) for m in _AGE.finditer(text)]


@dataclass
class PhraseTerms:
    """The term list, and the age_gap terms apart from it: an age_gap term that does not
    apply ("in a relationship" with no adult's age near) must not hide a term inside it
    ("relationship with an older man")."""

    terms: Terms
    places: list[int]  # each of those terms' place in the rule's list
    age_gap: Terms | None
    age_gap_places: list[int]


def compile_terms(rule) -> PhraseTerms:
    o = rule.options
    plain = [i for i, t in enumerate(o.terms) if not t.age_gap]
    aged = [i for i, t in enumerate(o.terms) if t.age_gap]
    def terms(places):
        return Terms([o.terms[i].term for i in places], "terms", key="term", lemma=o.lemma)
    return PhraseTerms(terms(plain), plain, terms(aged) if aged else None, aged)


def _adult_with_child(parsed: ParsedNote, rule, start: int, sentence_start: int) -> bool:
    """Does the term's paragraph give a child's age and an adult's, with no one whose
    relationship it is (an owner) before it in its sentence?"""
    o = rule.options.age_gap
    text, layout = parsed.text, parsed.layout
    if parsed.note.meta.get("subject_type") == "adult":
        return False
    paragraph = layout.paragraph(start)
    given = [age for age, at in ages(text) if layout.paragraph(at) == paragraph]
    if not (any(o.child_from <= age < o.adult_age for age in given)
            and any(age >= o.adult_age for age in given)):
        return False
    before = parsed.doc.char_span(sentence_start, start, alignment_mode="expand") or []
    owners = {w.lower() for w in o.owners}
    return not any(t.lower_ in owners or t.lemma_.lower() in owners for t in before)


def _after_one_of(doc, start: int, words: list[str]) -> bool:
    before = next((t for t in reversed(doc[max(0, start - 3):start]) if not t.is_space), None)
    wanted = {w.lower() for w in words}
    return before is not None and (before.lower_ in wanted or before.lemma_.lower() in wanted)


def needs(rule) -> set[str]:
    found = {"lemma"} if rule.options.lemma else {"tokens"}
    if any(t.age_gap for t in rule.options.terms):
        found.add("sents")  # an owner before the term in its sentence
    return found


def check(parsed: ParsedNote, rule, terms: PhraseTerms | None = None) -> Iterator[Finding]:
    """``terms``: the rule's compiled terms, when its kind compiles more than that."""
    doc = parsed.doc
    c = terms or rule.compiled
    adult = parsed.note.meta.get("subject_type") == "adult"
    taken: list[tuple[int, int]] = []
    for match in c.terms.matches(doc):
        term = rule.options.terms[c.places[match.term]]
        if (term.child_only and adult) or (
                term.not_after and _after_one_of(doc, match.start, term.not_after)):
            continue
        taken.append((match.start, match.end))
        yield _finding(doc, rule, term, match, adult)
    if c.age_gap is None:
        return
    for match in c.age_gap.matches(doc):
        term = rule.options.terms[c.age_gap_places[match.term]]
        if any(match.start < end and start < match.end for start, end in taken) or (
                term.not_after and _after_one_of(doc, match.start, term.not_after)):
            continue
        first = doc[match.start]
        if _adult_with_child(parsed, rule, first.idx, first.sent.start_char):
            yield _finding(doc, rule, term, match, adult)


def _finding(doc, rule, term: Term, match, adult: bool) -> Finding:
    suggestion = term.suggestion or rule.suggestion
    if term.adult_suggestion and adult:
        suggestion = term.adult_suggestion
    # The suggestion replaces the words only as written in the list: "commenced" (a
    # lemma match) would need "started", which a word list cannot give.
    last = doc[match.end - 1]
    return Finding(doc[match.start].idx, last.idx + len(last), suggestion=suggestion,
                   message=term.message,
                   replacement=literal(suggestion) if match.exact else None)
