"""What a rule kind is, what it returns, and what it is given."""

from __future__ import annotations

import bisect
import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from notecheck.config import Config
    from notecheck.diagnostics import Severity
    from notecheck.kinds.layout import Layout
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


def _restore_pattern(source: str, flags: int) -> "GuardedPattern":
    """A GuardedPattern read back from the compiled-rule cache, not yet compiled."""
    pattern = GuardedPattern.__new__(GuardedPattern)
    pattern.pattern, pattern.flags, pattern._compiled = source, flags, None
    pattern._text, pattern._spent, pattern._limit = None, 0.0, 0.0
    return pattern


class RuleTimeout(Exception):
    """A rule that ran past its time on one note (a pattern that backtracks): the engine
    reports it for that note and goes on."""


# How long one of a rule's own regular expressions may run on one note, in all: this many
# seconds for each PATTERN_TIMEOUT_CHARS characters of it (at least once). The built-in
# patterns take well under a tenth of that.
PATTERN_TIMEOUT = 2.0
PATTERN_TIMEOUT_CHARS = 100_000


class GuardedPattern:
    """A regular expression from a rule file, run with a time limit.

    A pattern such as ``(a|aa)+$`` backtracks for hours on a long run of a's; Python's
    ``re`` cannot be stopped, so rule patterns run on the ``regex`` package, whose
    searches take a timeout. Past its time on one text (all calls on the same text
    together) it raises RuleTimeout, which the engine reports for that note.
    The pattern is checked with ``re`` first, so what compiles and how it matches stays
    Python's syntax.
    """

    def __init__(self, source: str, flags: int = 0):
        import regex

        re.compile(source, flags)  # raises re.error, with Python's own message
        try:
            self._compiled = regex.compile(source, flags | regex.VERSION0)
        except regex.error as exc:
            raise re.error(str(exc)) from None
        self.pattern, self.flags = source, flags
        self._text: str | None = None  # the text the time spent so far was spent on
        self._spent = self._limit = 0.0

    def __reduce__(self):  # never carries the last text it read
        return _restore_pattern, (self.pattern, self.flags)

    @property
    def compiled(self):
        """The compiled pattern. One read back from the compiled-rule cache was checked
        when its rule file was loaded, so it is compiled only when first used: a run
        whose notes never reach a rule's pattern never pays for compiling it."""
        if self._compiled is None:
            import regex

            self._compiled = regex.compile(self.pattern, self.flags | regex.VERSION0)
        return self._compiled

    @property
    def groups(self) -> int:
        return self.compiled.groups

    @property
    def groupindex(self):
        return self.compiled.groupindex

    def __repr__(self) -> str:
        return f"GuardedPattern({self.pattern!r})"

    def _left(self, text: str) -> float:
        if text is not self._text:
            self._text, self._spent = text, 0.0
            self._limit = PATTERN_TIMEOUT * max(1.0, len(text) / PATTERN_TIMEOUT_CHARS)
        left = self._limit - self._spent
        if left <= 0:
            raise self._timeout()
        return left

    def _timeout(self) -> RuleTimeout:
        return RuleTimeout(f"its regular expression ran for over {self._limit:g} seconds")

    def _call(self, method: str, text: str, *args):
        started = time.monotonic()
        try:
            return getattr(self.compiled, method)(text, *args, timeout=self._left(text))
        except TimeoutError:
            raise self._timeout() from None
        finally:
            self._spent += time.monotonic() - started

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._call("search", text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._call("match", text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None):
        return self._call("fullmatch", text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator:
        matches = self._call("finditer", text, pos, endpos)
        while True:
            started = time.monotonic()
            try:
                match = next(matches)
            except StopIteration:
                return
            except TimeoutError:
                raise self._timeout() from None
            finally:
                self._spent += time.monotonic() - started
            if self._spent > self._limit:
                raise self._timeout()
            yield match


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
# Each is (opening, closing, ends at a line break, may be followed by a letter, may follow
# a letter or digit, may be empty); as the regular expressions
#   "[^"\n]*"   “[^”]*”   ‘[^’\n]*’(?![A-Za-z])   (?<![A-Za-z0-9])'[^'\n]+'(?![A-Za-z])
# but found in one pass: a regex search from every unclosed mark rescans the rest of the
# line, so 40,000 unclosed ‘ took quadratic time.
_QUOTES = (
    ('"', '"', True, True, True, True),
    ("“", "”", False, True, True, True),
    ("‘", "’", True, False, True, True),
    ("'", "'", True, False, False, False),
)
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_ASCII_ALNUM = _ASCII_LETTERS | frozenset("0123456789")


def _quoted(text: str, opening: str, closing: str, one_line: bool, letter_after: bool,
            after_word: bool, empty: bool) -> list[tuple[int, int]]:
    stop = re.compile("[" + re.escape(closing) + ("\n" if one_line else "") + "]")
    spans = []
    start = text.find(opening)
    while start != -1:
        if not after_word and start and text[start - 1] in _ASCII_ALNUM:
            start = text.find(opening, start + 1)
            continue
        found = stop.search(text, start + 1)
        if found is None:
            break  # nothing closes this mark, so nothing closes a later one
        end = found.start()
        if (text[end] == closing and (empty or end > start + 1)
                and (letter_after or text[end + 1:end + 2] not in _ASCII_LETTERS)):
            spans.append((start, end + 1))
            start = text.find(opening, end + 1)
        elif opening == closing:
            start = text.find(opening, start + 1)  # the mark that stopped it may open the next
        else:
            # Every mark opened before ``end`` stops at ``end`` too, and fails the same way.
            start = text.find(opening, end + 1)
    return spans


def quoted_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for quote in _QUOTES:
        spans.extend(_quoted(text, *quote))
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
    def layout(self) -> "Layout":
        """The note's lines, title, paragraphs, headings and sentences (kinds/layout.py)."""
        from notecheck.kinds.layout import Layout

        return Layout(self.note.text, self.doc)

    @cached_property
    def quotes(self) -> list[tuple[int, int]]:
        return quoted_spans(self.note.text)

    @cached_property
    def _quote_index(self) -> tuple[list[int], list[int]]:
        """The quotes' starts, and the furthest end of any quote starting at or before each."""
        starts, furthest, reach = [], [], -1
        for q_start, q_end in self.quotes:
            reach = max(reach, q_end)
            starts.append(q_start)
            furthest.append(reach)
        return starts, furthest

    def in_quotes(self, start: int, end: int) -> bool:
        """Whether some quotation holds the whole of start..end."""
        starts, furthest = self._quote_index
        index = bisect.bisect_right(starts, start)
        return index > 0 and furthest[index - 1] >= end
