"""sentence-length: sentences too long to follow on one reading."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.language import tokens_of


class SentenceLengthOptions(Options):
    max_words: int = Field(default=35, ge=5)
    # A long sentence set out in parts, each ended by one of these ("Reason: she has
    # bruises a doctor says fit a grip; his account does not match; and Ava describes
    # shouting"), is read a part at a time: it is too long only when a part is over
    # max_words, or the whole is over max_words_in_parts.
    part_breaks: list[str] = []
    max_words_in_parts: int | None = Field(default=None, ge=5)


def needs(rule) -> set[str]:
    return {"sents"}


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    o = rule.options
    limit = o.max_words
    breaks = set(o.part_breaks)
    stretch = None  # the stretch of a sentence being counted: [start, words, part, longest, over]
    before = None

    def finding(stretch):
        start, words, part, longest, over = stretch
        if over is None:
            return None
        longest = max(longest, part)
        if breaks and longest <= limit and o.max_words_in_parts and words <= o.max_words_in_parts:
            return None  # a list of parts, each short enough
        end = _line_end(over.sent, over)
        return Finding(start.idx, end, values={"words": _count(over.sent, start, end),
                                               "max_words": limit})

    for token in tokens_of(parsed.doc):  # one walk over the note, sentence by sentence
        # A line break ends a sentence too: list items and headings are not run together.
        if token.is_sent_start or "\n" in token.text:
            if stretch and (found := finding(stretch)):
                yield found
            stretch = None
        word = _is_word(token, before)
        before = token
        if stretch is not None and token.text in breaks:
            stretch[3] = max(stretch[3], stretch[2])
            stretch[2] = 0
        if not word or (stretch is None and parsed.layout.in_label(token.idx)):
            continue
        if stretch is None:
            stretch = [token, 0, 0, 0, None]
        stretch[1] += 1
        stretch[2] += 1
        if stretch[1] == limit + 1:
            stretch[4] = token
    if stretch and (found := finding(stretch)):
        yield found


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
