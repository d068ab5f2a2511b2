"""How a note is laid out: its lines, title, paragraphs, headings, labels and sentences.

Worked out once per note, when a kind first asks (``parsed.layout``), and shared by every
kind. The sentences are the parse's (nlp.line_breaks also ends one at a blank line, a
list item, a heading, and a line break after a full stop or colon).
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property

# A Markdown heading: up to three spaces, one to six #s, then a space or the line's end.
MARKDOWN_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]|$)")
# A heading line names a section and makes no claim: a Markdown heading, a bold label
# ("**My view**", "__Plan__:") or a short label ending in a colon ("Analysis:").
_HEADING = re.compile(r"(?:[ \t]{0,3}#{1,6}(?:[ \t].*)?|\s*(?:(\*\*|__)[^*_]+(\*\*|__)\s*:?\s*"
                      r"|[^.!?]{1,60}:\s*))")
# A label that runs into the line it heads: "**Decision-making (Mental Capacity Act
# 2005):** I explained ...", "Date of contact: 06/11/2026", "- Reason for strategy: ...".
_RUN_IN_LABEL = re.compile(r"^[ \t]*(?:[-*•][ \t]+)?(?:(?:\*\*|__)[^\n]{1,80}?(?:\*\*|__)[ \t]*:?"
                           r"|[A-Z][\w'()/&,-]*(?:[ \t]+[\w'()/&,-]+){0,4}:)(?=[ \t])", re.MULTILINE)
# "Date of visit: ...", "**Recorded:** ...", "- Entered on system: ...", "Visit date –
# ...": a label, then a colon (not the colon of a time such as 10:20) or a spaced dash.
# Fields on one line are split at a tab, a run of spaces or a bar ("Name: Harold
# Room: 12    Date: 08/11/2026"), or at a full stop before the next label ("Call made:
# 16/11/2026 11:30. Note typed: 25/11/2026.").
FIELD_LABEL = re.compile(r"^[\s>*_#-]*(?P<label>[A-Za-z](?:[A-Za-z /&'’()]|-(?=[A-Za-z])){0,50}?)[\s*_]*"
                         r"(?::(?!\d)|\s[–—-]\s)[\s*_]*")
_FIELD_BREAK = re.compile(r"\t+| {3,}|\s+\|\s+|(?<=\.)\s+(?=[A-Z][A-Za-z /&'’()-]{0,50}:(?!\d))")
# A new timed entry of a daily log: "10:30  Harold ...".
_TIMED = re.compile(r"[ \t]*\d{1,2}[:.]\d{2}\b")
# The end of a finished sentence at the end of a line: a full stop, ! or ?, maybe inside
# a closing quote or bracket.
_FINISHED = re.compile(r"[.!?][\"'”’)]*$")


class Layout:
    """The layout of one note's text (and, for its sentences, its parse)."""

    def __init__(self, text: str, doc=None):
        self.text = text
        self.doc = doc

    @cached_property
    def lines(self) -> list[tuple[int, int]]:
        """(start, end) of each line, without its line break."""
        found, start = [], 0
        for line in self.text.split("\n"):
            found.append((start, start + len(line)))
            start += len(line) + 1
        return found

    def line_at(self, offset: int) -> tuple[int, int]:
        """(start, end) of the line this offset is on."""
        return self.lines[bisect.bisect_right(self._line_starts, offset) - 1]

    @cached_property
    def _line_starts(self) -> list[int]:
        return [start for start, _ in self.lines]

    def _line(self, index: int) -> str:
        start, end = self.lines[index]
        return self.text[start:end]

    @cached_property
    def first_line(self) -> tuple[int, int]:
        """(start, end) of the first line with words, without the spaces around them:
        where a finding about the whole note points."""
        for start, end in self.lines:
            line = self.text[start:end]
            if line.strip():
                return start + len(line) - len(line.lstrip()), start + len(line.rstrip())
        return 0, 0

    @cached_property
    def title(self) -> str:
        """The first line, when it is not a sentence ("Home visit – Jamie (9)"), else ""."""
        start, end = self.first_line
        line = self.text[start:end]
        return "" if not line or line[-1] in ".!?" else line

    @cached_property
    def opening(self) -> str:
        """The note's first line, and its first line after the labelled header lines
        ("Date of contact: 06/11/2026"): where a note without metadata says what it is."""
        lines = [self._line(i) for i in range(len(self.lines)) if self._line(i).strip()]
        after = next((line for line in lines if not _RUN_IN_LABEL.match(line)), "")
        return "\n".join(lines[:1] + [after])

    def header_fields(self, lines: int) -> list[tuple[str, int, int]]:
        """Each 'Label: value' field in the first lines, where a note pasted from a case
        system says what it is ("Child: Leon Mbatha (12)   Date of visit: 24/11/2026"):
        (the label, lower-cased with single spaces; where its value starts; where the
        field ends)."""
        found = []
        for offset, end in self.lines[:lines]:
            line, start = self.text[offset:end], 0
            for part in _FIELD_BREAK.split(line):
                start = line.index(part, start)
                match = FIELD_LABEL.match(part)
                if match:
                    found.append((" ".join(match["label"].lower().split()),
                                  offset + start + match.end(), offset + start + len(part)))
                start += len(part)
        return found

    def in_heading(self, offset: int) -> bool:
        """Is this offset on a heading line ("## What I think", "**My view**", "Analysis:")?"""
        start, end = self.line_at(offset)
        return _HEADING.fullmatch(self.text, start, end) is not None

    def on_markdown_heading(self, offset: int) -> bool:
        """Is this offset on a Markdown heading line ("# Module 1")?"""
        return MARKDOWN_HEADING.match(self.text, self.line_at(offset)[0]) is not None

    def in_label(self, offset: int) -> bool:
        """Is this offset inside a run-in label ("**Plan:**", "Reason for strategy:")?"""
        starts, ends = self._labels
        i = bisect.bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    @cached_property
    def _labels(self) -> tuple[list[int], list[int]]:
        found = [m.span() for m in _RUN_IN_LABEL.finditer(self.text)]
        return [start for start, _ in found], [end for _, end in found]

    def paragraph(self, offset: int) -> int:
        """Which paragraph the offset is in: paragraphs are separated by a blank line or a
        heading, and each timed entry of a daily log is one."""
        return bisect.bisect_right(self._paragraph_starts, offset)

    def passage(self, offset: int) -> tuple[int, int]:
        """Which passage the offset is in: its paragraph, cut again at each line break
        after a finished sentence. Case notes are typed a thought to a line ("Claire told
        me the machine broke nine days ago." / "Mum is not coping."), so each such line is
        a paragraph of its own to the writer; a line wrapped mid-sentence is not cut."""
        return self.paragraph(offset), bisect.bisect_right(self._sentence_line_starts, offset)

    @cached_property
    def _sentence_line_starts(self) -> list[int]:
        starts = []
        for i in range(1, len(self.lines)):
            before, line = self._line(i - 1).rstrip(" \t"), self._line(i).lstrip(" \t")
            if _FINISHED.search(before) and line[:1].isupper():
                starts.append(self.lines[i][0])
        return starts

    @cached_property
    def _paragraph_starts(self) -> list[int]:
        starts = []
        for i in range(1, len(self.lines)):
            before, line = self._line(i - 1), self._line(i)
            if (not before.strip(" \t") or MARKDOWN_HEADING.match(before)
                    or MARKDOWN_HEADING.match(line) or _TIMED.match(line)):
                starts.append(self.lines[i][0])
        return starts

    @cached_property
    def sentences(self) -> list:
        """The parse's sentences, as spans of the Doc."""
        return list(self.doc.sents)


def bounds(span) -> tuple[int, int]:
    """Where a span's text starts and ends, without the spaces and line breaks around it."""
    tokens = [t for t in span if not t.is_space]
    if not tokens:
        return span.start_char, span.start_char
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
