"""What a rule kind is, what it returns, and what it is given."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from notecheck.config import Config
    from notecheck.diagnostics import Severity
    from notecheck.notes import Note
    from notecheck.rules.model import Rule

# What a rule can ask of the spaCy pipeline. nlp.py turns these into components.
NEEDS = ("tokens", "sents", "lemma", "pos", "parse", "ner", "evidence")


class Options(BaseModel):
    """Base for a kind's own YAML fields. Unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Computed(str):
    """A message value a kind builds from numbers and settings, never from the note's text
    ("7 working days", the config's policy sentence): the results cache may store it."""


class Day(Computed):
    """A date written out for a message ("Monday 2 November 2026"); the cache keeps the
    ISO date and writes it out again when it loads."""

    def __new__(cls, value):
        day = super().__new__(cls, f"{value:%A} {value.day} {value:%B %Y}")
        day.iso = value.date().isoformat() if hasattr(value, "date") else value.isoformat()
        return day


class RuleTimeout(Exception):
    """A rule that ran past its time on one note (a pattern that backtracks): the engine
    reports it for that note and goes on."""


class RuleProblem(Exception):
    """A rule that loaded but cannot work (a pattern that does not compile, ...)."""

    def __init__(self, field: tuple, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class Finding:
    """What a kind reports: a span of the note's text and what to say about it.

    ``start``/``end`` are character offsets into ``note.text``. The engine turns a
    finding into a Diagnostic (positions, rule id, severity, message).
    """

    start: int
    end: int
    suggestion: str | None = None
    message: str | None = None  # replaces the rule's message template when set
    values: dict[str, Any] = field(default_factory=dict)  # extra {placeholders}
    # A finding about a metadata field (e.g. "recorded_date") rather than the text: it is
    # placed where the source gave that field (the front matter line, the CSV cell).
    field: str | None = None
    # Replaces the rule's severity for this finding only, for a rule whose severity
    # depends on what it found (late recording: a warning, an error when very late).
    severity: "Severity | None" = None
    # The text to put in place of the span, when the suggestion is literally that text
    # ("start" for "commence"; "looked after child (LAC)"). The engine turns it into a fix
    # when the rule's ``fix`` allows, keeping the matched text's capital letter.
    replacement: str | None = None


@dataclass(frozen=True)
class Kind:
    name: str
    options: type[Options]
    check: Callable[["ParsedNote", "Rule"], Iterable[Finding]]
    needs: Callable[["Rule"], set[str]] = lambda rule: {"tokens"}
    # Validates options beyond the schema and builds what check() reuses; raises
    # RuleProblem. The result is kept on the rule as ``rule.compiled``.
    compile: Callable[["Rule"], Any] | None = None
    placeholders: tuple[str, ...] = ()  # message placeholders beyond {match}, {suggestion}
    fixable: bool = False  # gives Finding.replacement, so its rules may set 'fix'


# Quotation: "…", “…”, ‘…’ and '…' (an apostrophe inside a word is not a quote mark).
_QUOTE_PATTERNS = (
    re.compile(r'"[^"\n]*"'),
    re.compile(r"“[^”]*”"),
    re.compile(r"‘[^’\n]*’(?![A-Za-z])"),
    re.compile(r"(?<![A-Za-z0-9])'[^'\n]+'(?![A-Za-z])"),
)


def quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in _QUOTE_PATTERNS:
        spans.extend(m.span() for m in pattern.finditer(text))
    return sorted(spans)


@dataclass
class ParsedNote:
    """A note with its spaCy Doc, and helpers every kind may share."""

    note: "Note"
    doc: "Doc"
    config: "Config | None" = None  # the run's settings, for kinds that read them
    # Work that several rules would otherwise redo for each note (e.g. the phrase kind's
    # word forms), keyed by the kind that stores it.
    cache: dict = field(default_factory=dict, repr=False)
    # Where this text starts in the whole note: 0, unless a very long note is parsed in pieces.
    offset: int = 0

    @property
    def text(self) -> str:
        return self.note.text

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return quoted_spans(self.note.text)

    def in_quotes(self, start: int, end: int) -> bool:
        return any(q_start <= start and end <= q_end for q_start, q_end in self.quotes)
