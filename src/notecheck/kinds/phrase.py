"""phrase: term lists, matched on whole words, case-insensitively, optionally on lemmas.

With ``lemma: true`` write each term in its base form ("refuse to engage"): it then
matches "refused to engage", "refusing to engage" and "refuses to engage".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote, RuleProblem
from notecheck.nlp import blank_tokenizer


class Term(Options):
    term: str = Field(min_length=1)
    suggestion: str | None = None
    message: str | None = None


class PhraseOptions(Options):
    terms: list[Term] = Field(min_length=1)
    lemma: bool = False


def compile_terms(rule) -> dict[str, list[tuple[list[str], Term]]]:
    """Index terms by their first word: {first word: [(words, term), ...]}, longest first."""
    tokenizer = blank_tokenizer()
    index: dict[str, list] = defaultdict(list)
    seen = set()
    for i, term in enumerate(rule.options.terms):
        # Extra spaces in a term would become tokens of their own and never match.
        words = [t.lower_ for t in tokenizer(" ".join(term.term.split()))]
        if not words:
            raise RuleProblem(("terms", i, "term"), "the term is empty")
        if tuple(words) in seen:
            raise RuleProblem(("terms", i, "term"), f"the term '{term.term}' is listed twice")
        seen.add(tuple(words))
        index[words[0]].append((words, term))
    for candidates in index.values():
        candidates.sort(key=lambda c: -len(c[0]))
    return dict(index)


def needs(rule) -> set[str]:
    return {"lemma"} if rule.options.lemma else {"tokens"}


def word_forms(parsed: ParsedNote, use_lemma: bool) -> tuple[list[tuple[int, int]], list[set[str]]]:
    """(start, end) and the forms to match of every word in the note, computed once per
    note and shared by every phrase rule.

    Runs of spaces and line breaks are tokens of their own in spaCy; they are left out so
    a term wrapped onto the next line ("kicked\noff") still matches."""
    key = ("phrase", use_lemma)
    if key not in parsed.cache:
        words = [t for t in parsed.doc if not t.is_space]
        spans = [(t.idx, t.idx + len(t.text)) for t in words]
        if use_lemma:
            forms = [{t.lower_, t.lemma_.lower()} if t.lemma_ else {t.lower_} for t in words]
        else:
            forms = [{t.lower_} for t in words]
        parsed.cache[key] = (spans, forms)
    return parsed.cache[key]


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    spans, forms = word_forms(parsed, rule.options.lemma)
    index = rule.compiled
    count = len(forms)
    i = 0
    while i < count:
        match = None
        for form in forms[i]:
            for words, term in index.get(form, ()):
                end = i + len(words)
                if end <= count and all(w in forms[i + k] for k, w in enumerate(words)):
                    if match is None or len(words) > len(match[0]):
                        match = (words, term)
                    break
        if match is None:
            i += 1
            continue
        words, term = match
        yield Finding(spans[i][0], spans[i + len(words) - 1][1],
                      suggestion=term.suggestion or rule.suggestion, message=term.message)
        i += len(words)
