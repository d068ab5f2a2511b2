"""One term matcher for every kind: lists of words and phrases, found on whole words.

A term matches a run of the note's words case-insensitively, each word as written or
(with ``lemma``) as its lemma: "refuse to engage" also finds "refused to engage", and
"it be feel that" finds "it was felt that". Spaces and line breaks between words are
left out, so a term wrapped onto the next line still matches. Matches never overlap:
reading from the left, the longest term that starts at a word wins.

The note's words are worked out once per Doc, as arrays of string hashes, and shared by
every term list of every rule.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, Field

from notecheck.kinds.base import RuleProblem

# A term as a rule file gives it: one word or phrase, or a list of the forms of one term
# that share everything else the entry says ("basic needs met", "basic needs were met").
Word = Annotated[str, Field(min_length=1)]


def _some_wording(forms: list[str]) -> list[str]:
    if not forms:
        raise ValueError("the list of wordings is empty: give at least one, or write the term itself")
    return forms


TermText = Word | Annotated[list[Word], AfterValidator(_some_wording)]


@dataclass(frozen=True)
class Match:
    """A term found: token indexes relative to what was searched, and which term it is."""

    start: int
    end: int
    term: int  # its place in the list the Terms were made from
    exact: bool  # every word as written in the list, not only as a lemma


class Terms:
    """A list of words and phrases, matched on whole words, lower case or (with ``lemma``)
    lemma. ``field`` is the rule option the list comes from, and ``key`` the field of each
    entry that holds the term (for ``terms: [{term: ...}]``): a problem names the entry.
    An entry may be a list of forms of one term; a match gives the entry's place."""

    def __init__(self, terms: Iterable[str | list[str]], field: str = "terms", key: str | None = None,
                 lemma: bool = True):
        from spacy.strings import get_string_id

        from notecheck.nlp import blank_tokenizer

        tokenizer = blank_tokenizer()
        self.lemma = lemma
        self.index: dict[int, list[tuple[tuple[int, ...], int, bool]]] = defaultdict(list)
        self.words: set[str] = set()  # the one-word terms
        seen = set()
        for i, entry in enumerate(terms):
            # An entry is one term, or a list of the forms of one term ("basic needs met",
            # "basic needs were met"): every form matches as that entry.
            forms = [entry] if isinstance(entry, str) else list(entry)
            for j, term in enumerate(forms):
                where = (field, i) + ((key,) if key else ()) + ((j,) if forms != [entry] else ())
                # Extra spaces in a term would become tokens of their own and never match.
                words = tuple(t.lower_ for t in tokenizer(" ".join(term.split())))
                if not words:
                    raise RuleProblem(where, "the term is empty")
                if words in seen:
                    raise RuleProblem(where, f"the term '{term}' is listed twice")
                seen.add(words)
                self.index[get_string_id(words[0])].append((tuple(map(get_string_id, words)), i))
                if len(words) == 1:
                    self.words.add(words[0])
        for candidates in self.index.values():
            candidates.sort(key=lambda c: -len(c[0]))  # longest first, else in list order
        self.index = dict(self.index)
        self._singles = frozenset(get_string_id(w) for w in self.words)

    def __bool__(self) -> bool:
        return bool(self.index)

    def has(self, token) -> bool:
        """Is this one token one of the one-word terms?"""
        return is_one_of(token, self.words, self.lemma)

    def tokens(self, doc) -> Iterator:
        """The tokens of the Doc that are one-word terms, in order."""
        words = note_words(doc)
        at = words.at if self.lemma else words.at_lower
        places = sorted(i for form in self._singles & at.keys() for i in at[form])
        tokens = words.tokens
        for i in places:
            yield doc[tokens[i]]

    def tokens_in(self, span) -> Iterator:
        """The tokens of a Span (or Doc) that are one-word terms, in order."""
        for start, end in self.find(span):
            if end - start == 1:
                yield span[start]

    def matches(self, tokens) -> Iterator[Match]:
        """Each match in ``tokens`` (a Doc or a Span), from the left."""
        doc = getattr(tokens, "doc", tokens)
        offset = getattr(tokens, "start", 0)
        words = note_words(doc)
        low = bisect.bisect_left(words.tokens, offset)
        high = bisect.bisect_left(words.tokens, offset + len(tokens))
        places = self._firsts(doc, words)
        lower, lemma = words.lower, words.lemma if self.lemma else words.lower
        free = low  # matches do not overlap: the next may start here
        for i in places[bisect.bisect_left(places, low):bisect.bisect_left(places, high)]:
            if i < free:
                continue
            best = None  # (length, exact, -term index) of the best term starting here
            for first in {lower[i], lemma[i]}:
                for hashes, term in self.index.get(first, ()):
                    n = len(hashes)
                    if best is not None and n < best[0]:
                        break
                    if i + n <= high and all(lower[i + k] == h or lemma[i + k] == h
                                             for k, h in enumerate(hashes)):
                        exact = all(lower[i + k] == h for k, h in enumerate(hashes))
                        best = max(best or (0, False, 0), (n, exact, -term))
            if best is None:
                continue
            free = i + best[0]
            yield Match(words.tokens[i] - offset, words.tokens[free - 1] + 1 - offset,
                        -best[2], best[1])

    def _firsts(self, doc, words: "Words") -> list[int]:
        """Where in the Doc a term could start, worked out once per Doc and term list."""
        key = ("notecheck.term-starts", self)  # the list itself: an id could be reused
        places = doc.user_data.get(key)
        if places is None:
            at = words.at if self.lemma else words.at_lower
            places = doc.user_data[key] = sorted(
                i for form in self.index.keys() & at.keys() for i in at[form])
        return places

    def find(self, tokens) -> Iterator[tuple[int, int]]:
        """(start, end) token indexes, relative to ``tokens``, of each match."""
        for match in self.matches(tokens):
            yield match.start, match.end

    def spans(self, doc_or_span) -> Iterator:
        for start, end in self.find(doc_or_span):
            yield doc_or_span[start:end]

    def any_in(self, doc_or_span) -> bool:
        return next(self.find(doc_or_span), None) is not None


def is_one_of(token, words: set[str] | frozenset[str], lemma: bool = True) -> bool:
    """Is this token, in lower case or (with ``lemma``) as its lemma, one of these words?"""
    return token.lower_ in words or (lemma and token.lemma_.lower() in words)


@dataclass
class Words:
    """Every word of a Doc (spaces and line breaks left out), as arrays."""

    tokens: list[int]  # each word's token index in the Doc
    lower: list[int]  # its lower-case form, as a string hash
    lemma: list[int]  # its lower-cased lemma (its lower-case form when it has none)
    at: dict[int, list[int]]  # each form, lower case or lemma -> the words that have it
    at_lower: dict[int, list[int]]  # each lower-case form -> the words that have it


_LOWERED: dict[int, int] = {}  # a lemma's hash -> its lower-case form's hash


def note_words(doc) -> Words:
    """The Doc's words, worked out once and kept on it."""
    words = doc.user_data.get("notecheck.words")
    if words is None:
        words = doc.user_data["notecheck.words"] = _note_words(doc)
    return words


def _note_words(doc) -> Words:
    import numpy
    from spacy.attrs import IS_SPACE, LEMMA, LOWER
    from spacy.strings import get_string_id

    if len(doc) == 0:
        return Words([], [], [], {}, {})
    arr = doc.to_array([LOWER, LEMMA, IS_SPACE])
    kept = numpy.nonzero(arr[:, 2] == 0)[0]
    arr = arr[kept]
    lower = arr[:, 0].tolist()
    lemma = arr[:, 1]
    strings = doc.vocab.strings
    for j in numpy.nonzero(lemma != arr[:, 0])[0]:
        h = int(lemma[j])
        if h not in _LOWERED:
            text = strings[h] if h else ""
            _LOWERED[h] = get_string_id(text.lower()) if text else 0
        lemma[j] = _LOWERED[h] or arr[j, 0]
    lemma_list = lemma.tolist()
    at_lower: dict[int, list[int]] = defaultdict(list)
    for i, form in enumerate(lower):
        at_lower[form].append(i)
    at = defaultdict(list, {form: list(places) for form, places in at_lower.items()})
    for i, (a, b) in enumerate(zip(lower, lemma_list)):
        if a != b:
            at[b].append(i)
    for places in at.values():
        places.sort()
    return Words(kept.tolist(), lower, lemma_list, dict(at), dict(at_lower))
