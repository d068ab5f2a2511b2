"""readability: a note that is hard to read, by its Flesch-Kincaid grade.

People read their own records later. Short notes are skipped: the formula is noise on
a few lines.

Words and sentences are counted by textstat. Syllables are counted with pyphen's
British English hyphenation dictionary (a textstat dependency) rather than through
textstat's English syllable counter, because that one downloads the CMU dictionary
through nltk on first use — and notecheck never touches the network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.language import first_line

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


class ReadabilityOptions(Options):
    max_grade: float = Field(default=12.0, gt=0)
    min_words: int = Field(default=80, ge=1)


def needs(rule) -> set[str]:
    return {"tokens"}


@lru_cache(maxsize=1)
def _hyphenator():
    from pyphen import Pyphen

    return Pyphen(lang="en_GB")


@lru_cache(maxsize=50_000)  # the same everyday words come back in every note
def syllables(word: str) -> int:
    return len(_hyphenator().positions(word.lower())) + 1


def flesch_kincaid_grade(text: str, found: list[str] | None = None) -> float:
    import textstat

    words = textstat.lexicon_count(text)
    sentences = max(1, textstat.sentence_count(text))
    if not words:
        return 0.0
    total = sum(syllables(w) for w in (found if found is not None else _WORD.findall(text)))
    return 0.39 * words / sentences + 11.8 * total / words - 15.59


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    o = rule.options
    found = _WORD.findall(parsed.text)
    if len(found) < o.min_words:
        return
    grade = flesch_kincaid_grade(parsed.text, found)
    if grade > o.max_grade:
        yield Finding(*first_line(parsed.text),
                      values={"grade": f"{grade:.0f}", "max_grade": f"{o.max_grade:g}"})
