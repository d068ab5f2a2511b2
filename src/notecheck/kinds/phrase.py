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


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    # Runs of spaces and line breaks are tokens of their own in spaCy; skip them so a
    # term wrapped onto the next line ("kicked\noff") still matches.
    tokens = [t for t in parsed.doc if not t.is_space]
    use_lemma = rule.options.lemma
    forms = [{t.lower_, t.lemma_.lower()} if use_lemma and t.lemma_ else {t.lower_} for t in tokens]
    index = rule.compiled
    i = 0
    while i < len(tokens):
        match = None
        for form in forms[i]:
            for words, term in index.get(form, ()):
                end = i + len(words)
                if end <= len(tokens) and all(w in forms[i + k] for k, w in enumerate(words)):
                    if match is None or len(words) > len(match[0]):
                        match = (words, term)
                    break
        if match is None:
            i += 1
            continue
        words, term = match
        first, last = tokens[i], tokens[i + len(words) - 1]
        yield Finding(first.idx, last.idx + len(last.text),
                      suggestion=term.suggestion or rule.suggestion, message=term.message)
        i += len(words)
