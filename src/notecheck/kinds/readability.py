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

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote

_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")


class ReadabilityOptions(Options):
    max_grade: float = Field(default=12.0, gt=0)
    min_words: int = Field(default=80, ge=1)
    # The grade scale means something up to about here (a postgraduate text); beyond it,
    # usually from a note with hardly any full stops, the message says "top_grade or
    # above" rather than a number such as 2337 that tells the writer nothing.
    top_grade: float = Field(default=18.0, gt=0)


def needs(rule) -> set[str]:
    return {"tokens"}


_HYPHENATOR = []  # the one Pyphen in use


def _hyphenator():
    if not _HYPHENATOR:
        from pyphen import Pyphen

        _HYPHENATOR.append(Pyphen(lang="en_GB"))
    return _HYPHENATOR[0]


def compile_readability(rule):
    """The hyphenation dictionary, kept with the compiled rules: reading pyphen's pattern
    file takes most of a second, unpickling it from the compiled-rule cache a few ms."""
    return _hyphenator()


_SYLLABLES: dict[str, int] = {}  # the same everyday words come back in every note
_SYLLABLES_SIZE = 50_000


def syllables(word: str) -> int:
    found = _SYLLABLES.get(word)
    if found is None:
        if len(_SYLLABLES) >= _SYLLABLES_SIZE:
            _SYLLABLES.clear()
        found = _SYLLABLES[word] = len(_hyphenator().positions(word.lower())) + 1
    return found


def _most_syllables(word: str) -> int:
    """At most how many syllables ``syllables`` could count, without hyphenating: pyphen
    places a break at least two letters from either end, so a word of n letters has at
    most n - 3 breaks."""
    found = _SYLLABLES.get(word)
    return found if found is not None else 1 + max(0, len(word) - 3)


def flesch_kincaid_grade(text: str, found: list[str] | None = None) -> float:
    import textstat

    words = textstat.lexicon_count(text)
    sentences = max(1, textstat.sentence_count(text))
    if not words:
        return 0.0
    total = sum(syllables(w) for w in (found if found is not None else _WORD.findall(text)))
    return 0.39 * words / sentences + 11.8 * total / words - 15.59


# What textstat counts (textstat.lexicon_count and sentence_count): words are runs of
# non-space characters left with a letter or digit once punctuation is removed; sentences
# are runs ending in . ! or ?, not counting those of two words or fewer.
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_PIECE_WITH_WORD = re.compile(r"\S*\w\S*")


def highest_grade(text: str, found: list[str], exact_syllables: bool = False) -> float:
    """A grade the note's Flesch-Kincaid grade cannot exceed, from counts far cheaper than
    textstat's (and, unless ``exact_syllables``, without hyphenating words not yet seen).
    Every word textstat counts is a space-separated piece, and every such piece with a
    letter or digit is one of its words; a sentence of three such pieces is always counted."""
    most_words = len(text.split())
    least_words = len(_PIECE_WITH_WORD.findall(text))
    if not least_words:
        return 0.0
    count = _PIECE_WITH_WORD.findall
    least_sentences = max(1, sum(1 for sentence in _SENTENCE.findall(text) if len(count(sentence)) >= 3))
    if exact_syllables:
        most_syllables = sum(map(syllables, found))
    else:
        known = _SYLLABLES
        most_syllables = sum(known[w] if w in known else max(1, len(w) - 2) for w in found)
    return 0.39 * most_words / least_sentences + 11.8 * most_syllables / least_words - 15.59


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    if not _HYPHENATOR and rule.compiled is not None:
        _HYPHENATOR.append(rule.compiled)
    o = rule.options
    found = _WORD.findall(parsed.text)
    if len(found) < o.min_words:
        return
    # Most notes read well within the limit: prove it from cheap counts first.
    if highest_grade(parsed.text, found) <= o.max_grade:
        return
    if highest_grade(parsed.text, found, exact_syllables=True) <= o.max_grade:
        return
    grade = flesch_kincaid_grade(parsed.text, found)
    if grade > o.max_grade:
        shown = f"{o.top_grade:g} or above" if grade >= o.top_grade else f"{grade:.0f}"
        yield Finding(*parsed.layout.first_line,
                      values={"grade": shown, "max_grade": f"{o.max_grade:g}"})
