"""Notes: the text to check, its metadata, and where each character sits in the source."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


class LineMap:
    """Maps a character offset in a note's text to (line, column) in the original file.

    The note text may start part-way into the file (after front matter, or inside a
    CSV cell): ``start_line``/``start_col`` say where its first character sits. Only the
    first line of the text is shifted by ``start_col``; later lines start at column 1.
    Lines and columns are 1-based and count characters, as SARIF and LSP do.
    """

    def __init__(self, text: str, start_line: int = 1, start_col: int = 1):
        self.start_line = start_line
        self.start_col = start_col
        self.line_starts = [0]
        for i, ch in enumerate(text):
            if ch == "\n":
                self.line_starts.append(i + 1)

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        column = offset - self.line_starts[index] + 1
        if index == 0:
            column += self.start_col - 1
        return self.start_line + index, column


@dataclass
class Note:
    """One note to lint.

    ``text`` is what the rules read (newlines normalised to ``\\n``). ``meta`` holds the
    metadata (front matter or export columns): subject, subject_type, note_type,
    contact_date, recorded_date, author and anything else the source gave.
    """

    path: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    id: str | None = None
    line_map: LineMap | None = None
    # Where each metadata field sits in the source: {"contact_date": (line, column)}.
    meta_positions: dict[str, tuple[int, int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.line_map is None:
            self.line_map = LineMap(self.text)

    def position(self, offset: int) -> tuple[int, int]:
        return self.line_map.position(offset)

    def line_text(self, offset: int) -> str:
        """The whole line of the note's text that holds ``offset``."""
        start = self.text.rfind("\n", 0, offset) + 1
        end = self.text.find("\n", offset)
        return self.text[start:] if end == -1 else self.text[start:end]

    @property
    def subjects(self) -> list[str]:
        subject = self.meta.get("subject")
        if subject is None:
            return []
        if isinstance(subject, str):
            return [subject]
        return [str(s) for s in subject]


class InputProblem(Exception):
    """Something wrong with an input. Readers raise it when a whole file cannot be read,
    or yield it beside their notes for a part they skipped (a broken row) or a warning.
    It becomes a diagnostic; the rest of the run goes on. ``field`` names the metadata
    field a problem is about, when it is about one."""

    def __init__(self, rule: str, message: str, line: int = 1, column: int = 1,
                 severity: str = "error", note: str | None = None, field: str | None = None):
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.line = line
        self.column = column
        self.severity = severity
        self.note = note
        self.field = field

    def __reduce__(self):  # picklable, so a problem can cross to or from a worker process
        return (type(self), (self.rule, self.message, self.line, self.column, self.severity,
                             self.note, self.field), self.__dict__)


def mask_identifiers(text: str) -> str:
    """``text`` with every identifier the built-in personal-data regex rules find (NHS,
    CHI and NI numbers, phones, emails, postcodes, dates of birth, addresses) shown by its
    shape only, as findings mask them: for quoting a bad value in a message about input."""
    from notecheck.identifiers import mask
    from notecheck.kinds.regex import VALIDATORS
    from notecheck.masking import builtin_masking_rules

    spans = []
    for rule in builtin_masking_rules():
        validator = VALIDATORS.get(rule.options.validator) if rule.options.validator else None
        for match in rule.compiled.finditer(text):
            start, end = match.span(rule.options.group)
            if start < end and (validator is None or validator(text[start:end])):
                spans.append((start, end))
    chars = list(text)
    for start, end in spans:
        chars[start:end] = mask(text[start:end])  # the same length: spans stay in place
    return "".join(chars)
