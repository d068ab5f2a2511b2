"""undated-phrase: a phrase kind for vague time words ("recently", "last week").

It finds its terms as ``phrase`` does, and its ``patterns`` (regular expressions for the
open-ended forms: "three weeks ago", "last term", "earlier in the year"), and skips a match
when the same sentence gives a date or weekday ("last week (Tuesday 17 November)"),
because then the reader can place it in a chronology.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from notecheck import dates
from notecheck.kinds import phrase
from notecheck.kinds.base import Finding, GuardedPattern, ParsedNote, RuleProblem
from notecheck.kinds.language import english


class UndatedOptions(phrase.PhraseOptions):
    # Regular expressions (case-insensitive, on whole words) for relative times a word
    # list cannot hold: a count and a unit before "ago" ("three weeks ago", "2 months
    # ago"), "last" or "next" with a unit ("last term", "next year").
    patterns: list[str] = []


def whole_word_patterns(sources: list[str], field: str = "patterns") -> list[GuardedPattern]:
    """The ``patterns`` of a rule compiled as this kind reads them: case-insensitive, on
    whole words (also used by a rule that leaves these patterns' sentences to this one)."""
    compiled = []
    for i, source in enumerate(sources):
        try:
            re.compile(source)
            compiled.append(GuardedPattern(rf"(?<![\w-])(?:{source})(?![\w-])", re.IGNORECASE))
        except re.error as exc:
            raise RuleProblem((field, i), f"this regular expression is not valid: {exc}") from None
    return compiled


def compile_terms(rule) -> dict:
    return {"terms": phrase.compile_terms(rule), "patterns": whole_word_patterns(rule.options.patterns)}


def needs(rule) -> set[str]:
    return phrase.needs(rule) | {"sents", "parse"}  # the parse: whose wish it is


def _found(parsed: ParsedNote, rule) -> Iterator[Finding]:
    c = rule.compiled
    taken = []
    for finding in phrase.check(parsed, rule, c["terms"]):
        taken.append((finding.start, finding.end))
        yield finding
    for pattern in c["patterns"]:
        for m in pattern.finditer(parsed.text):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue  # a listed term found it already
            taken.append(m.span())
            yield Finding(m.start(), m.end(), suggestion=rule.suggestion)


def _section_dated(parsed: ParsedNote, offset: int) -> bool:
    """The section under this heading ("## What happened last week") opens with a date:
    the heading names the section, and its first paragraph places it."""
    text = parsed.text
    end = text.find("\n", offset)
    if end < 0:
        return False
    body = text[end:].lstrip("\n")
    paragraph = body.split("\n\n", 1)[0]
    return bool(dates.dates_in(paragraph))


def _in_proper_name(span) -> bool:
    """The words are part of a name ("Flat 6, Lately Court", "the Weekend Club"): written
    with a capital in the middle of a sentence, with a capitalised word straight after."""
    first, doc = span[0], span.doc
    if not first.text[:1].isupper() or first.is_sent_start or first.i == span.sent.start:
        return False
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.is_alpha and after.text[:1].isupper() and \
        after.i != after.sent.start


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    doc, text = parsed.doc, parsed.text
    for finding in sorted(_found(parsed, rule), key=lambda f: f.start):
        span = doc.char_span(finding.start, finding.end, alignment_mode="expand")
        if span is None:
            continue
        sentence = span.sent
        if _in_proper_name(span):
            continue
        if parsed.layout.on_markdown_heading(finding.start) and _section_dated(parsed, finding.start):
            continue
        if _in_a_wish(span):
            continue  # "She wants a passport so she can visit her aunt next summer": her hope
        if _dated_before(text[sentence.start_char:finding.start]) or \
                dates.dates_in(text[finding.end:sentence.end_char]):
            continue
        yield finding


# The person's own hope or wish, which the time words are part of: not an event a
# chronology needs dated. Not the writer's ("I want", "we hope"): that is a plan.
WISH_VERBS = english("wish_verbs")
WISH_AFTER_WOULD = english("wish_after_would")


def _in_a_wish(span) -> bool:
    """The time words hang, in the parse, from someone's wish: "She wants a passport so she
    can visit her aunt next summer", "He would like to go back to the club at some point"
    ("like" and "love" only after "would"). Not from a clause beside it ("He would like to
    go, and his neighbour has been popping in lately")."""
    word = span.root
    while word.head.i != word.i:
        if word.dep_ == "conj":
            return False  # a clause of its own, joined by "and"
        word = word.head
        if word.lemma_.lower() in WISH_VERBS and word.pos_ in ("VERB", "AUX"):
            if word.lemma_.lower() in WISH_AFTER_WOULD and \
                    not any(t.lower_ in ("would", "'d") for t in word.children):
                return False
            subject = next((t for t in word.children if t.dep_ == "nsubj"), None)
            return subject is None or subject.lower_ not in ("i", "we")
    return False


# Between a date and the time words after it, the telling of what happened: the date is
# when it was told, not when it happened ("Kerry disclosed on my visit on 25/11/2026 that
# he strangled her last Saturday").
_TELLING = re.compile(r"\b(?:" + "|".join(sorted(english("telling_words"))) + r")\b", re.IGNORECASE)


def _dated_before(before: str) -> bool:
    """The words before the time words give the date of what they are about: a date with
    no telling between it and them ("On Tuesday 17 November, a few days ago, ...")."""
    found = dates.dates_in(before)
    return bool(found) and not _TELLING.search(before[found[-1][1]:])
