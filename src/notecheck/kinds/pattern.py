"""pattern: spaCy Matcher token patterns written in YAML, validated when loaded."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote, RuleProblem
from notecheck.nlp import blank_tokenizer

# Token attributes and the pipeline work they need.
ATTRIBUTE_NEEDS = {
    "LEMMA": "lemma", "POS": "pos", "TAG": "pos", "MORPH": "pos",
    "DEP": "parse", "ENT_TYPE": "ner", "ENT_IOB": "ner", "ENT_ID": "ner", "ENT_KB_ID": "ner",
    "IS_SENT_START": "sents", "SENT_START": "sents",
}


class TokenPattern(Options):
    tokens: list[dict[str, Any]] = Field(min_length=1)
    suggestion: str | None = None
    message: str | None = None


class PatternOptions(Options):
    patterns: list[TokenPattern] = Field(min_length=1)


def _matcher(vocab, rule):
    from spacy.matcher import Matcher

    matcher = Matcher(vocab, validate=True)
    for i, pattern in enumerate(rule.options.patterns):
        try:
            matcher.add(str(i), [pattern.tokens])
        except Exception as exc:  # spaCy raises ValueError/MatchPatternError with a long text
            raise RuleProblem(("patterns", i, "tokens"),
                              f"this token pattern is not valid: {' '.join(str(exc).split())}") from None
    return matcher


def compile_patterns(rule) -> dict:
    _matcher(blank_tokenizer().vocab, rule)  # validate now; the real matcher is built per vocab
    return {}


def needs(rule) -> set[str]:
    found = {"tokens"}
    for pattern in rule.options.patterns:
        for token in pattern.tokens:
            found.update(ATTRIBUTE_NEEDS[key] for key in token if key in ATTRIBUTE_NEEDS)
    return found


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    doc = parsed.doc
    cache = rule.compiled
    matcher = cache.get(id(doc.vocab))
    if matcher is None:
        matcher = cache[id(doc.vocab)] = _matcher(doc.vocab, rule)
    spans = matcher(doc, as_spans=True)
    taken: set[int] = set()
    # Longest first, so that one stretch of text gives one finding.
    for span in sorted(spans, key=lambda s: (s.start, -len(s))):
        if taken.intersection(range(span.start, span.end)):
            continue
        taken.update(range(span.start, span.end))
        pattern = rule.options.patterns[int(doc.vocab.strings[span.label])]
        yield Finding(span.start_char, span.end_char,
                      suggestion=pattern.suggestion or rule.suggestion, message=pattern.message)
