"""vague: words that tell the next reader nothing ("no concerns", "a lot"), except in
the person's own words.

Like ``phrase``, but a term inside quotation marks or reported from someone else
("Jamie said everything was fine") is their account, not the writer's wording, and is
left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote, RuleProblem
from notecheck.kinds.language import Terms, reported_by_someone_else


class VagueTerm(Options):
    term: str = Field(min_length=1)
    suggestion: str | None = None


class VagueOptions(Options):
    terms: list[VagueTerm] = Field(min_length=1)
    speech_verbs: list[str] = Field(min_length=1)


def compile_vague(rule) -> dict:
    terms = Terms([t.term for t in rule.options.terms], "terms")
    from notecheck.nlp import blank_tokenizer

    tokenizer = blank_tokenizer()
    suggestions = {}
    for term in rule.options.terms:
        key = tuple(t.lower_ for t in tokenizer(term.term.strip()))
        if not key:
            raise RuleProblem(("terms",), "a term is empty")
        suggestions[key] = term.suggestion
    return {"terms": terms, "suggestions": suggestions, "speech": Terms(rule.options.speech_verbs)}


def needs(rule) -> set[str]:
    return {"parse", "lemma"}


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    c = rule.compiled
    for span in c["terms"].spans(parsed.doc):
        if reported_by_someone_else(parsed, span.root, c["speech"]):
            continue
        key = tuple(t.lower_ for t in span)
        suggestion = c["suggestions"].get(key)
        if suggestion is None:  # matched on a lemma: find the term it came from
            suggestion = next((s for k, s in c["suggestions"].items() if len(k) == len(span)
                               and all(w in (t.lower_, t.lemma_.lower()) for w, t in zip(k, span))),
                              None)
        yield Finding(span.start_char, span.end_char, suggestion=suggestion or rule.suggestion)
