"""undated-phrase: a phrase kind for vague time words ("recently", "last week").

It finds its terms as ``phrase`` does, and skips a match when the same sentence gives
a date or weekday ("last week (Tuesday 17 November)"), because then the reader can
place it in a chronology.
"""

from __future__ import annotations

from collections.abc import Iterator

from notecheck import dates
from notecheck.kinds import phrase
from notecheck.kinds.base import Finding, ParsedNote

UndatedOptions = phrase.PhraseOptions
compile_terms = phrase.compile_terms


def needs(rule) -> set[str]:
    return phrase.needs(rule) | {"sents"}


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    doc, text = parsed.doc, parsed.text
    for finding in phrase.check(parsed, rule):
        sentence = doc.char_span(finding.start, finding.end, alignment_mode="expand").sent
        if dates.dates_in(text[sentence.start_char:finding.start]) or \
                dates.dates_in(text[finding.end:sentence.end_char]):
            continue
        yield finding
