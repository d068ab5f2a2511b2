"""From notecheck's (line, column) to offsets in the text a client sent, and back.

notecheck counts lines of the text with its line breaks normalised (CRLF and a lone CR
are one break, as LF) and columns in characters (code points). A browser or a
LanguageTool client counts offsets in UTF-16 code units, so a character outside the
Basic Multilingual Plane (an emoji, some CJK) counts as two, and CRLF counts as two.
"""

from __future__ import annotations

import bisect
import re

from notecheck.diagnostics import Diagnostic

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# A suggestion that is a sentence is advice ("Describe what you saw."); one that is not
# is the words to write instead ("help", "tea and toast").
_ADVICE_END = (".", "!", "?", ":", ";")
_OPENERS = r"[\s\"'“‘(\[*_#>-]*"
_AFTER_SENTENCE = re.compile(r"[.!?:\n]" + _OPENERS + "$")
_ONLY_OPENERS = re.compile(_OPENERS)


class TextPositions:
    """Offsets in one text, as the client that sent it counts them."""

    def __init__(self, text: str):
        self.text = text
        starts, ends = [0], []
        for match in _LINE_BREAK.finditer(text):
            ends.append(match.start())
            starts.append(match.end())
        ends.append(len(text))
        self.line_starts, self.line_ends = starts, ends
        self.astral = [m.start() for m in _ASTRAL.finditer(text)]

    def offset(self, line: int, column: int) -> int:
        """The character offset of a 1-based (line, column); past the end of a line
        stays at its end, past the last line at the end of the text."""
        index = line - 1
        if index < 0:
            return 0
        if index >= len(self.line_starts):
            return len(self.text)
        start = self.line_starts[index]
        return min(start + max(column, 1) - 1, self.line_ends[index])

    def line_start(self, offset: int) -> int:
        """Where the line holding ``offset`` starts."""
        return self.line_starts[bisect.bisect_right(self.line_starts, offset) - 1]

    def utf16(self, offset: int) -> int:
        """A character offset as UTF-16 code units."""
        return offset + bisect.bisect_left(self.astral, offset)

    def span(self, d: Diagnostic) -> tuple[int, int]:
        """The diagnostic's [start, end) in characters of this text."""
        start = self.offset(d.line, d.column)
        end = self.offset(d.end_line, d.end_column)
        return start, max(start, end)

    def word_at(self, offset: int) -> tuple[int, int]:
        """The run of non-space characters at (or after) an offset, on its line: what a
        client underlines for a finding about the whole note."""
        text = self.text
        start = offset
        while start < len(text) and text[start] in " \t":
            start += 1
        end = start
        while end < len(text) and not text[end].isspace():
            end += 1
        return (start, end) if end > start else (offset, offset)


def utf16_length(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))


def replacement(d: Diagnostic, text: str, start: int, end: int) -> str | None:
    """The diagnostic's suggestion when it is a concrete replacement for the matched
    words (not advice), capitalised like the words it replaces at a sentence's start."""
    suggestion = (d.suggestion or "").strip()
    matched = text[start:end]
    if (not suggestion or end <= start or "\n" in suggestion or "\n" in matched
            or suggestion.endswith(_ADVICE_END) or suggestion == matched):
        return None
    if matched[:1].isupper() and suggestion[:1].islower():
        before = text[max(0, start - 40):start]
        at_sentence_start = (_AFTER_SENTENCE.search(before) is not None
                             or (start <= 40 and _ONLY_OPENERS.fullmatch(before) is not None))
        if at_sentence_start or not matched.isupper():
            suggestion = suggestion[0].upper() + suggestion[1:]
    return suggestion
