"""sentence-length: sentences too long to follow on one reading."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.language import tokens_of


class SentenceLengthOptions(Options):
    max_words: int = Field(default=35, ge=5)


def needs(rule) -> set[str]:
    return {"sents"}


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    limit = rule.options.max_words
    words, start, before = 0, None, None
    for token in tokens_of(parsed.doc):  # one walk over the note, sentence by sentence
        # A line break ends a sentence too: list items and headings are not run together.
        if token.is_sent_start or "\n" in token.text:
            words, start = 0, None
        word = _is_word(token, before)
        before = token
        if not word or (start is None and parsed.layout.in_label(token.idx)):
            continue
        if start is None:
            start = token
        words += 1
        if words == limit + 1:
            sent = token.sent
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
    return sum(1 for t in sent if start.idx <= t.idx < end
               and _is_word(t, t.doc[t.i - 1] if t.i else None))


def _is_word(token, before) -> bool:
    """A word as a reader counts it: '4pm' and "Jamie's" are one word each, not two.
    ``before`` is the token before it, if any."""
    if token.is_punct or token.is_space or "\n" in token.text:
        return False
    return before is None or bool(before.whitespace_) or before.is_punct or before.is_space
