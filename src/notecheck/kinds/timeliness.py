"""timeliness: checks on a note's contact and recorded dates (its metadata).

One kind, several checks, picked by the rule's ``check`` option. Thresholds, region
and "today" come from the run's config (``timeliness:``), not from the rule, because
they are local policy rather than wording.

When the metadata has no contact or recorded date, the header a case system prints at
the top of the text is read instead ("Date of visit: 12/11/2026, 10:00", "Entered on
system: 14/11/2026"): the words that make a label a contact or recorded date are the
rule's ``header`` option.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import Field

from notecheck import dates
from notecheck.config import TimelinessConfig
from notecheck.diagnostics import Severity
from notecheck.kinds.base import Computed, Day, Finding, Options, ParsedNote
from notecheck.kinds.layout import FIELD_LABEL, Layout
from notecheck.kinds.notetypes import NoteTypes, note_type

FIELDS = ("contact_date", "recorded_date")
# Computed: fixed words, never note text, so a finding that names a field can be cached.
LABELS = {"contact_date": Computed("contact date"), "recorded_date": Computed("recorded date")}


class HeaderLabels(Options):
    """How to read dates from 'Label: date' lines at the top of the text."""

    lines: int = Field(8, ge=0)  # how many lines from the top make the header
    # Words or phrases in a label. A label with a 'recorded' word is the recorded date
    # ("Written up", "Entered on system"); else one with a 'contact' word is the contact
    # date ("Date of visit", "Call date"); a label with an 'ignore' word is neither
    # ("Date of birth", "Next review date").
    contact: list[str] = []
    recorded: list[str] = []
    ignore: list[str] = []


class TimelinessOptions(Options):
    check: Literal["late-recording", "recorded-before-contact", "future-date",
                   "missing-contact-date", "invalid-date"]
    # missing-contact-date: a day and month in the first lines of the text, outside a
    # label that is not the contact date, counts as the contact date.
    first_lines: int = Field(3, ge=0)
    # missing-contact-date: note types that are not the record of one contact (the whole
    # note_type, case and punctuation aside: "assessment" leaves out no "assessment visit").
    except_note_types: list[str] = []
    header: HeaderLabels = HeaderLabels()


PLACEHOLDERS = ("days", "policy", "field", "value", "problem", "today", "contact", "recorded")


def needs(rule) -> set[str]:
    return {"tokens"}


def _settings(parsed: ParsedNote) -> TimelinessConfig:
    return parsed.config.timeliness if parsed.config is not None else TimelinessConfig()


def read_dates(meta: dict) -> tuple[dict[str, dt.datetime], dict[str, str]]:
    """({field: datetime} for the dates that parse, {field: problem} for those that do not)."""
    good, bad = {}, {}
    for name in FIELDS:
        value = meta.get(name)
        if value is None or str(value).strip() == "":
            continue
        try:
            good[name] = dates.parse_date(value)
        except dates.DateError as exc:
            bad[name] = str(exc)
    return good, bad


@dataclass(frozen=True)
class Written:
    """A date the note gives: from the metadata (``field``) or its header (a text span)."""

    value: dt.datetime
    timed: bool
    text: str
    field: str | None = None
    start: int = 0
    end: int = 0
    # Read from an unlabelled title line: trusted for lateness, but not to call a date
    # wrong ("Call about the review on 03/12/2026" is not a future contact).
    guessed: bool = False

    def finding(self, **kwargs) -> Finding:
        return Finding(self.start, self.end, field=self.field, **kwargs)


def _has(label: str, words: list[str]) -> bool:
    return bool(words) and _words_pattern(tuple(words)).search(label) is not None


@lru_cache(maxsize=32)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
    """Any of the words, whole, in a lower-cased label."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w.lower()) for w in words) + r")\b")


def header_fields(layout: Layout, header: HeaderLabels):
    """(kind, label end, field end) for each 'Label: value' in the first lines, where
    kind is "contact_date", "recorded_date", "ignore" (a date that is neither, such as
    a date of birth) or None (any other label)."""
    for label, start, end in layout.header_fields(header.lines):
        kind = None
        if _has(label, header.ignore):
            kind = "ignore"
        elif _has(label, header.recorded):
            kind = "recorded_date"
        elif _has(label, header.contact):
            kind = "contact_date"
        yield kind, start, end


def header_bad_dates(layout: Layout, options: TimelinessOptions) -> dict[str, tuple[int, int, str]]:
    """The labelled contact and recorded dates in the header that are no real date
    ("Call made: 32/13/2026"): {field: (start, end, problem)}, first of each, so a
    mistyped date is reported rather than read as no date at all."""
    found: dict[str, tuple[int, int, str]] = {}
    for kind, start, end in header_fields(layout, options.header):
        if kind in FIELDS and kind not in found:
            bad = dates.bad_date_in(layout.text[start:end])
            if bad is not None:
                found[kind] = (start + bad[0], start + bad[1], bad[2])
    return found


def header_dates(layout: Layout, options: TimelinessOptions, title: bool = True) -> dict[str, Written]:
    """The contact and recorded dates the header gives, first of each. With no contact
    label, a whole date in the title (the first line, when it has no label and is not a
    sentence) is taken as the contact date: "Home visit – Tuesday 24/11/2026, 2pm"."""
    text = layout.text
    found: dict[str, Written] = {}

    def take(kind: str, start: int, end: int, guessed: bool = False) -> None:
        date = dates.find_date(text[start:end])
        if date is not None:
            value, timed, a, b = date
            found[kind] = Written(value, timed, text[start + a:start + b], start=start + a,
                                  end=start + b, guessed=guessed)

    for kind, start, end in header_fields(layout, options.header):
        if kind in FIELDS and kind not in found:
            take(kind, start, end)
    # An unlabelled line that says when it was written, the date straight after the
    # word: "Recorded on 14/11/2026 by J. Smith", "Home visit 12/11/2026, written up
    # 16/11/2026" (not "Mum said she had entered the flat on 12/11/2026").
    for offset, end in layout.lines[:options.header.lines]:
        line = text[offset:end]
        if "recorded_date" not in found and not _field_label(line, options.header):
            for match in _recorded_then_date(line, options.header.recorded):
                take("recorded_date", offset + match.start(), end)
                break
    start = layout.first_line[0]
    in_header = layout.line_at(start) in layout.lines[:options.header.lines]
    if title and "contact_date" not in found and layout.title and in_header and \
            not _field_label(layout.title, options.header) and \
            not _has(layout.title.lower(), options.header.ignore):
        # Only what comes before a recorded word: "Recorded by Jo Smith, 16/11/2026" is
        # not a contact date.
        take("contact_date", start, start + len(_before_recorded(layout.title, options.header)),
             guessed=True)
        if "contact_date" not in found:
            # After the recorded word, a date the title ties to the contact: "Letter to
            # Mia, written 24 November 2026 after my visit on Monday 23 November 2026".
            match = _contact_then_date_pattern(tuple(options.header.contact)).search(layout.title)
            if match:
                take("contact_date", start + match.end(), start + len(layout.title), guessed=True)
    return found


@lru_cache(maxsize=16)
def _contact_then_date_pattern(words: tuple[str, ...]) -> re.Pattern:
    """A contact word, then (after 'on', 'of' or a weekday at most) a date."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b\s+(?:on\s+|of\s+)?(?:[A-Za-z]+day,?\s+)?(?=\d)",
                      re.IGNORECASE)


def _field_label(line: str, header: HeaderLabels) -> bool:
    """Whether the line opens with a label that names a date field ("Date of visit: ...",
    "Recorded – ..."). A title that names the kind of note before a spaced dash
    ("Supervision - 05/11/2026 - typed 27/11/2026") is not a field, so its dates are read
    as a title's."""
    match = FIELD_LABEL.match(line)
    if not match:
        return False
    label = " ".join(match["label"].lower().split())
    return _has(label, header.ignore) or _has(label, header.recorded) or _has(label, header.contact) \
        or ":" in line[:match.end()]


def _before_recorded(line: str, header: HeaderLabels) -> str:
    """The line up to its first recorded word ("Home visit 12/11, written up ...")."""
    if not header.recorded:
        return line
    first = _words_pattern(tuple(header.recorded)).search(line.lower())
    return line[:first.start()] if first else line


def _recorded_then_date(line: str, words: list[str]):
    """A recorded word that opens the line or follows a comma or dash, then (after
    'by <name>', 'on' or a weekday at most) a date."""
    if not words:
        return iter(())
    return _recorded_then_date_pattern(tuple(words)).finditer(line)


@lru_cache(maxsize=16)
def _recorded_then_date_pattern(words: tuple[str, ...]) -> re.Pattern:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # The word may follow a slash between the two dates ("Visit 13.11.2026 / typed up
    # 30.11.2026") and name what was written ("contact 02/11/2026 - note written ...").
    return re.compile(rf"(?:^[\s>*_#-]*|[,;(–—-]\s*|\s/\s*)(?:(?:case )?(?:note|notes|record|entry)\s+)?"
                      rf"\b(?:{alternatives})\b\s*"
                      rf"(?:by [^,\n]{{1,40}}?,?\s+)?(?:on\s+|at\s+)?"
                      rf"(?:[A-Za-z]+day,?\s+)?(?=\d)", re.IGNORECASE)


def note_dates(parsed: ParsedNote, rule) -> tuple[dict[str, Written], dict[str, str]]:
    """The note's contact and recorded dates: the metadata's, else the header's; and the
    metadata dates that do not parse."""
    header = rule.options.header
    # Every timeliness rule asks; the answer depends only on the note and the header words.
    key = ("timeliness.note_dates", header.lines, tuple(header.contact), tuple(header.recorded),
           tuple(header.ignore))
    if key not in parsed.cache:
        parsed.cache[key] = _note_dates(parsed, rule)
    return parsed.cache[key]


def _note_dates(parsed: ParsedNote, rule) -> tuple[dict[str, Written], dict[str, str]]:
    meta = parsed.note.meta
    good, bad = read_dates(meta)
    written = {name: Written(value, dates.has_time(meta[name]), str(meta[name]), field=name)
               for name, value in good.items()}
    if len(good) + len(bad) < len(FIELDS):
        # A note with front matter starts its text with the body, not a title.
        for name, date in header_dates(parsed.layout, rule.options, title=not good and not bad).items():
            if name not in good and name not in bad:
                written[name] = date
        for name, (_, _, problem) in header_bad_dates(parsed.layout, rule.options).items():
            if name not in written and name not in bad:
                bad = {**bad, name: problem}  # a mistyped header date is not a missing one
    return written, bad


def _day(value: dt.datetime) -> str:
    return Day(value)


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    meta = parsed.note.meta
    which = rule.options.check
    settings = _settings(parsed)

    if which == "invalid-date":
        from notecheck.notes.columns import is_export

        for name, problem in read_dates(meta)[1].items():
            value = str(meta[name]).strip()
            if is_export(parsed.note.path):
                # An export column: name the value's shape, not the value, so the rows
                # with the same problem are one finding (the rule is once_per_file).
                problem = problem.replace(f"'{value}'", f"'{dates.shape(value)}'")
            yield Finding(0, 0, field=name, values={
                "field": LABELS[name], "value": value, "problem": problem})
        if len(read_dates(meta)[0]) + len(read_dates(meta)[1]) < len(FIELDS):
            # No front matter for it: the header's labelled dates ("Call made: 32/13/2026").
            written = note_dates(parsed, rule)[0]
            for name, (start, end, problem) in header_bad_dates(parsed.layout, rule.options).items():
                if name not in meta and name not in written:
                    yield Finding(start, end, values={
                        "field": LABELS[name], "value": parsed.text[start:end], "problem": problem})
        return

    good, bad = note_dates(parsed, rule)
    if which == "missing-contact-date":
        if "contact_date" in good or "contact_date" in bad or not parsed.text.strip():
            return  # an empty note (a blank export cell, a file with only a BOM) records no contact
        if NoteTypes(rule.options.except_note_types, whole=True).match(note_type(parsed)):
            return
        if _dated_opening(parsed.layout, rule.options):
            return
        yield Finding(0, 0, field="contact_date" if "contact_date" in parsed.note.meta_positions else None)

    elif which == "future-date":
        today = dates.today(settings.today)
        for name in FIELDS:
            # A contact-like date in a header may be a plan ("Review date: 15/01/2027");
            # a header's recorded date, or any metadata date, after today is a mistake.
            if name in good and (good[name].field or name == "recorded_date") and \
                    good[name].value.date() > today:
                yield good[name].finding(values={
                    "field": LABELS[name], "value": good[name].text, "today": _day(dt.datetime(
                        today.year, today.month, today.day))})

    elif "contact_date" in good and "recorded_date" in good:
        contact, recorded = good["contact_date"], good["recorded_date"]
        values = {"contact": _day(contact.value), "recorded": _day(recorded.value)}
        if which == "recorded-before-contact":
            if contact.guessed:
                return
            if contact.timed and recorded.timed:
                before = recorded.value < contact.value
            else:
                before = recorded.value.date() < contact.value.date()
            if before:
                yield recorded.finding(values=values)
        elif which == "late-recording":
            # Bank holidays only take days off the weekdays, so a note within the limit in
            # weekdays is within it in working days: the holidays (and the package that
            # knows them, 0.05 s to import) are looked up only for a note that may be late.
            if dates.weekdays_between(contact.value.date(), recorded.value.date()) \
                    <= settings.warn_after_working_days:
                return
            days = dates.working_days_between(contact.value.date(), recorded.value.date(),
                                              settings.region)
            if days <= settings.warn_after_working_days:
                return
            error_after = settings.error_after_working_days
            severity = Severity.ERROR if error_after is not None and days > error_after else None
            policy = f" {settings.policy.strip()}" if settings.policy else ""
            if policy and not policy.endswith("."):
                policy += "."
            yield recorded.finding(severity=severity, values={
                **values, "days": Computed(f"{days} working day{'s' if days != 1 else ''}"),
                "policy": Computed(policy)})


def _dated_opening(layout: Layout, options: TimelinessOptions) -> bool:
    """Whether the first lines give a day and month that is not a recorded date or under
    another label ("Home visit, Tuesday 24 November 2026"; not "Recorded: 24/11/2026" or
    "Written up by Jo on 24/11", and not a weekday alone: "last Thursday" cannot be
    placed in a chronology)."""
    elsewhere = [(start, end) for kind, start, end in header_fields(layout, options.header)
                 if kind in ("recorded_date", "ignore")]
    for offset, end in layout.lines[:options.first_lines]:
        line = layout.text[offset:end]
        for start, _ in dates.day_dates_in(_before_recorded(line, options.header)):
            if not any(a <= offset + start < b for a, b in elsewhere):
                return True
    return False
