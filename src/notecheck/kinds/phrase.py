"""phrase: term lists, matched on whole words, case-insensitively, optionally on lemmas.

With ``lemma: true`` write each term in its base form ("refuse to engage"): it then
matches "refused to engage", "refusing to engage" and "refuses to engage".
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.fixes import literal
from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.terms import Terms


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


def compile_terms(rule) -> Terms:
    return Terms([t.term for t in rule.options.terms], "terms", key="term", lemma=rule.options.lemma)


def needs(rule) -> set[str]:
    return {"lemma"} if rule.options.lemma else {"tokens"}


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    doc = parsed.doc
    adult = parsed.note.meta.get("subject_type") == "adult"
    for match in rule.compiled.matches(doc):
        term = rule.options.terms[match.term]
        suggestion = term.suggestion or rule.suggestion
        if term.adult_suggestion and adult:
            suggestion = term.adult_suggestion
        # The suggestion replaces the words only as written in the list: "commenced" (a
        # lemma match) would need "started", which a word list cannot give.
        last = doc[match.end - 1]
        yield Finding(doc[match.start].idx, last.idx + len(last), suggestion=suggestion,
                      message=term.message,
                      replacement=literal(suggestion) if match.exact else None)
