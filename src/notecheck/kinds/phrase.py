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
        words = [t.lower_ for t in tokenizer(term.term.strip())]
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
    doc = parsed.doc
    use_lemma = rule.options.lemma
    forms = [{t.lower_, t.lemma_.lower()} if use_lemma and t.lemma_ else {t.lower_} for t in doc]
    index = rule.compiled
    i = 0
    while i < len(doc):
        match = None
        for form in forms[i]:
            for words, term in index.get(form, ()):
                end = i + len(words)
                if end <= len(doc) and all(w in forms[i + k] for k, w in enumerate(words)):
                    if match is None or len(words) > len(match[0]):
                        match = (words, term)
                    break
        if match is None:
            i += 1
            continue
        words, term = match
        span = doc[i:i + len(words)]
        yield Finding(span.start_char, span.end_char,
                      suggestion=term.suggestion or rule.suggestion, message=term.message)
        i += len(words)
