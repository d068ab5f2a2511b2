"""phrase: term lists, matched on whole words, case-insensitively, optionally on lemmas.

With ``lemma: true`` write each term in its base form ("refuse to engage"): it then
matches "refused to engage", "refusing to engage" and "refuses to engage".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import Field

from notecheck.fixes import literal
from notecheck.kinds.base import Finding, Options, ParsedNote, RuleProblem
from notecheck.nlp import blank_tokenizer


class Term(Options):
    term: str = Field(min_length=1)
    suggestion: str | None = None
    # The suggestion for a note about an adult (subject_type: adult), when the usual one's
    # example is about a child.
    adult_suggestion: str | None = None
    message: str | None = None


class PhraseOptions(Options):
    terms: list[Term] = Field(min_length=1)
    lemma: bool = False


@dataclass
class Terms:
    """The terms as string hashes, indexed by their first word, longest first."""

    index: dict[int, list[tuple[tuple[int, ...], Term]]]


def compile_terms(rule) -> Terms:
    from spacy.strings import get_string_id

    tokenizer = blank_tokenizer()
    index: dict[int, list] = defaultdict(list)
    seen = set()
    for i, term in enumerate(rule.options.terms):
        # Extra spaces in a term would become tokens of their own and never match.
        words = [t.lower_ for t in tokenizer(" ".join(term.term.split()))]
        if not words:
            raise RuleProblem(("terms", i, "term"), "the term is empty")
        if tuple(words) in seen:
            raise RuleProblem(("terms", i, "term"), f"the term '{term.term}' is listed twice")
        seen.add(tuple(words))
        index[get_string_id(words[0])].append((tuple(get_string_id(w) for w in words), term))
    for candidates in index.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return Terms(dict(index))


def needs(rule) -> set[str]:
    return {"lemma"} if rule.options.lemma else {"tokens"}


_LOWERED: dict[int, int] = {}  # a lemma's hash -> its lower-case form's hash


@dataclass
class Words:
    """Every word of a note (spaces and line breaks left out, so a term wrapped onto the
    next line still matches), as arrays: where it is, and its forms as string hashes."""

    starts: list[int]
    ends: list[int]
    lower: list[int]
    lemma: list[int]  # lower-cased lemma; the lower-case form without lemma matching
    at: dict[int, list[int]]  # each form -> the positions of the words that have it


def word_forms(parsed: ParsedNote, use_lemma: bool) -> Words:
    """The note's words, computed once per note on arrays and shared by every phrase rule
    (the lemma forms are the plain ones plus the words whose lemma differs)."""
    key = ("phrase", use_lemma)
    if key in parsed.cache:
        return parsed.cache[key]
    import numpy
    from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, LOWER
    from spacy.strings import get_string_id

    doc = parsed.doc
    if len(doc) == 0:
        parsed.cache[key] = Words([], [], [], [], {})
        return parsed.cache[key]
    arr = parsed.cache.get("phrase-array")
    if arr is None:
        arr = doc.to_array([LOWER, LEMMA, IS_SPACE, IDX, LENGTH])
        arr = parsed.cache["phrase-array"] = arr[arr[:, 2] == 0]
    plain = parsed.cache.get(("phrase", False))
    if plain is None:
        starts = arr[:, 3].astype(numpy.int64)
        lower_list = arr[:, 0].tolist()
        at: dict[int, list[int]] = defaultdict(list)
        for i, a in enumerate(lower_list):
            at[a].append(i)
        plain = parsed.cache[("phrase", False)] = Words(
            starts.tolist(), (starts + arr[:, 4].astype(numpy.int64)).tolist(), lower_list, lower_list, at)
    if not use_lemma:
        return plain
    lower = arr[:, 0]
    lemma = arr[:, 1].copy()
    strings = doc.vocab.strings
    differ = numpy.nonzero(lemma != lower)[0]
    for j in differ:
        h = int(lemma[j])
        if h not in _LOWERED:
            text = strings[h] if h else ""
            _LOWERED[h] = get_string_id(text.lower()) if text else 0
        lemma[j] = _LOWERED[h] or lower[j]
    lemma_list = lemma.tolist()
    at = defaultdict(list, {form: list(places) for form, places in plain.at.items()})
    for i in differ.tolist():
        b = lemma_list[i]
        if b != plain.lower[i]:
            at[b].append(i)
    parsed.cache[key] = Words(plain.starts, plain.ends, plain.lower, lemma_list, at)
    return parsed.cache[key]


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    words = word_forms(parsed, rule.options.lemma)
    terms: Terms = rule.compiled
    firsts = words.at.keys() & terms.index.keys()
    if not firsts:
        return
    lower_list, lemma_list = words.lower, words.lemma
    count = len(lower_list)
    adult = parsed.note.meta.get("subject_type") == "adult"
    free = 0  # matches do not overlap: the next may start here
    for i in sorted({i for first in firsts for i in words.at[first]}):
        if i < free:
            continue
        match = None
        for first in {lower_list[i], lemma_list[i]}:
            for hashes, term in terms.index.get(first, ()):
                end = i + len(hashes)
                if end <= count and all(lower_list[i + k] == h or lemma_list[i + k] == h
                                        for k, h in enumerate(hashes)):
                    if match is None or len(hashes) > len(match[0]):
                        match = (hashes, term)
                    break
        if match is None:
            continue
        hashes, term = match
        free = i + len(hashes)
        suggestion = term.suggestion or rule.suggestion
        if term.adult_suggestion and adult:
            suggestion = term.adult_suggestion
        # The suggestion replaces the words only as written in the list: "commenced" (a
        # lemma match) would need "started", which a word list cannot give.
        exact = all(lower_list[i + k] == h for k, h in enumerate(hashes))
        yield Finding(words.starts[i], words.ends[free - 1],
                      suggestion=suggestion, message=term.message,
                      replacement=literal(suggestion) if exact else None)
