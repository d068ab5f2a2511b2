"""sentence-length: sentences too long to follow on one reading."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote


class SentenceLengthOptions(Options):
    max_words: int = Field(default=35, ge=5)


def needs(rule) -> set[str]:
    return {"sents"}


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    limit = rule.options.max_words
    for sent in parsed.doc.sents:
        # A line break ends a sentence too: list items and headings are not run together.
        words, start = 0, None
        for token in sent:
            if "\n" in token.text:
                words, start = 0, None
                continue
            if not _is_word(token):
                continue
            if start is None:
                start = token
            words += 1
            if words == limit + 1:
                end = _line_end(sent, token)
                yield Finding(start.idx, end, values={"words": _count(sent, start, end),
                                                      "max_words": limit})


def _line_end(sent, token) -> int:
    """Where this stretch of the sentence ends: the sentence end or the next line break."""
    for later in sent[token.i - sent.start:]:
        if "\n" in later.text:
            return later.idx
    return sent.end_char


def _count(sent, start, end: int) -> int:
    return sum(1 for t in sent if start.idx <= t.idx < end and _is_word(t))


def _is_word(token) -> bool:
    """A word as a reader counts it: '4pm' and "Jamie's" are one word each, not two."""
    if token.is_punct or token.is_space:
        return False
    if token.i > 0:
        before = token.doc[token.i - 1]
        if not before.whitespace_ and not (before.is_punct or before.is_space):
            return False
    return True
