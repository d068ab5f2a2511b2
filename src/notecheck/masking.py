"""Masking: no output ever shows a detected identifier in full, only its shape.

The engine applies this to every Diagnostic (message, suggestion, excerpt) before any
reporter sees it, so every output format is covered, now and later. What is masked:
- whatever a personal-data rule found in the note (names too, when that rule ran);
- in every profile, the identifiers the cheap personal-data regex rules find (NHS,
  CHI, NI numbers, phones, emails, postcodes, dates of birth, addresses), even when
  those rules are off: a jargon finding's excerpt must not show the NHS number next to it;
- names, when the person-name rule runs (the training profile): every mention it
  finds, including the names the note's metadata gives. In the record profile names are
  shown, as the practitioner reading their own notes needs them.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from notecheck.identifiers import mask
from notecheck.kinds.base import PATTERN_TIMEOUT, ParsedNote, RuleTimeout
from notecheck.rules.model import Rule

CATEGORY = "personal-data"


def masking_rules(rules: list[Rule]) -> list[Rule]:
    """The rules cheap enough to run on every note for masking: personal-data regex rules."""
    return [r for r in rules if r.category == CATEGORY and r.kind == "regex"]


@lru_cache(maxsize=1)
def builtin_masking_rules() -> tuple[Rule, ...]:
    from notecheck.rules.loader import RuleLoadError, builtin_rules_dir, load_rules

    folder = builtin_rules_dir() / CATEGORY
    try:
        return tuple(masking_rules(load_rules([folder]))) if folder.is_dir() else ()
    except RuleLoadError:
        return ()


def sensitive_spans(parsed: ParsedNote, rules) -> list[tuple[int, int]]:
    from notecheck.kinds import KINDS

    spans = []
    for rule in rules:
        try:
            spans.extend((f.start, f.end) for f in KINDS[rule.kind].check(parsed, rule))
        except RuleTimeout:
            continue  # a pattern that backtracks; the rule itself reports it for the note
    return spans




def masked_id(note_id: str | None, rules) -> str | None:
    """A note's id (an export's key column) masked when it is itself an identifier."""
    if not note_id:
        return note_id
    from notecheck.kinds.regex import VALIDATORS

    value = note_id.strip()
    for rule in rules:
        required = getattr(rule.options, "requires_any", None)
        if required and _required_anycase(tuple(required)).search(value) is None:
            # The rule says its pattern matches only where one of these is written (the
            # regex kind skips a note or a metadata value without them): an id without
            # them is not one. Looked for in any case, so never stricter than the rule.
            # A run served from the cache then never compiles the e-mail and date-of-birth
            # patterns just to read its notes' ids (0.015 s of re-checking a 600-row export).
            continue
        try:  # the pattern itself, not its guard: an id is short, and this runs per note
            matched = rule.compiled.compiled.fullmatch(value, timeout=PATTERN_TIMEOUT)
        except TimeoutError:
            return mask(note_id)  # cannot tell: hide it
        validator = VALIDATORS.get(rule.options.validator) if matched and rule.options.validator else None
        if matched and (validator is None or validator(note_id)):
            return mask(note_id)
    return note_id


@lru_cache(maxsize=64)
def _required_anycase(texts: tuple[str, ...]):
    import regex

    return regex.compile("|".join(regex.escape(text) for text in texts),
                         regex.IGNORECASE | regex.FULLCASE | regex.VERSION0)


class NoteMask:
    """The sensitive spans of one note, and how to hide them in text about it."""

    def __init__(self, text: str, spans: list[tuple[int, int]], values: list[str] = ()):
        """``values``: sensitive strings found outside the text (a name in the metadata)."""
        self.text = text
        self.spans = sorted(set(spans))
        self._starts = [start for start, _ in self.spans]
        self._longest = max((end - start for start, end in self.spans), default=0)
        self._lines: dict[tuple[int, int], str] = {}  # each line is masked once
        values = {text[s:e] for s, e in self.spans if text[s:e].strip()} | {v for v in values if v.strip()}
        # Longest first, so "Jamie Smith" is masked whole before "Jamie".
        self.values = sorted(values, key=len, reverse=True)

    def line(self, line: str, line_start: int) -> str:
        """A line of the note (starting at ``line_start``) with its spans masked in place.
        Masks keep the length, so columns in the excerpt still line up. Only the spans near
        the line are looked at, and a line with many findings is masked once: a long
        one-line note with thousands of names took quadratic time."""
        key = (line_start, len(line))
        if key not in self._lines:
            line_end = line_start + len(line)
            chars = list(line)
            first = bisect.bisect_left(self._starts, line_start - self._longest)
            for start, end in self.spans[first:bisect.bisect_left(self._starts, line_end)]:
                if end <= line_start:
                    continue
                lo, hi = max(start, line_start), min(end, line_end)
                chars[lo - line_start:hi - line_start] = mask(self.text[lo:hi])
            self._lines[key] = "".join(chars)
        return self._lines[key]

    def free_text(self, text: str | None) -> str | None:
        """A message or suggestion with every sensitive value in it masked."""
        if not text:
            return text
        for value in self.values:
            if value in text:
                text = re.sub(rf"(?<!\w){re.escape(value)}(?!\w)", mask(value), text)
        return text
