"""timeliness: checks on a note's contact and recorded dates (its metadata).

One kind, several checks, picked by the rule's ``check`` option. Thresholds, region
and "today" come from the run's config (``timeliness:``), not from the rule, because
they are local policy rather than wording.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from notecheck import dates
from notecheck.config import TimelinessConfig
from notecheck.diagnostics import Severity
from notecheck.kinds.base import Finding, Options, ParsedNote

FIELDS = ("contact_date", "recorded_date")
LABELS = {"contact_date": "contact date", "recorded_date": "recorded date"}


class TimelinessOptions(Options):
    check: Literal["late-recording", "recorded-before-contact", "future-date",
                   "missing-contact-date", "invalid-date"]
    # missing-contact-date: a date in the first lines of the text counts as the contact date.
    first_lines: int = Field(3, ge=0)
    # missing-contact-date: note types that are not the record of one contact.
    except_note_types: list[str] = []


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


def _day(value: dt.datetime) -> str:
    return f"{value:%A} {value.day} {value:%B %Y}"


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    meta = parsed.note.meta
    good, bad = read_dates(meta)
    which = rule.options.check
    settings = _settings(parsed)

    if which == "invalid-date":
        for name, problem in bad.items():
            yield Finding(0, 0, field=name, values={
                "field": LABELS[name], "value": str(meta[name]), "problem": problem})

    elif which == "missing-contact-date":
        if "contact_date" in good or "contact_date" in bad:
            return
        note_type = str(meta.get("note_type") or "").strip().lower()
        if note_type and note_type in {t.lower() for t in rule.options.except_note_types}:
            return
        head_end = 0
        for _ in range(rule.options.first_lines):
            found = parsed.text.find("\n", head_end)
            if found == -1:
                head_end = len(parsed.text)
                break
            head_end = found + 1
        if dates.dates_in(parsed.text[:head_end]):
            return
        yield Finding(0, 0, field="contact_date" if "contact_date" in parsed.note.meta_positions else None)

    elif which == "future-date":
        today = dates.today(settings.today)
        for name in FIELDS:
            if name in good and good[name].date() > today:
                yield Finding(0, 0, field=name, values={
                    "field": LABELS[name], "value": str(meta[name]), "today": _day(dt.datetime(
                        today.year, today.month, today.day))})

    elif "contact_date" in good and "recorded_date" in good:
        contact, recorded = good["contact_date"], good["recorded_date"]
        both_timed = dates.has_time(meta["contact_date"]) and dates.has_time(meta["recorded_date"])
        values = {"contact": _day(contact), "recorded": _day(recorded)}
        if which == "recorded-before-contact":
            before = recorded < contact if both_timed else recorded.date() < contact.date()
            if before:
                yield Finding(0, 0, field="recorded_date", values=values)
        elif which == "late-recording":
            days = dates.working_days_between(contact.date(), recorded.date(), settings.region)
            if days <= settings.warn_after_working_days:
                return
            error_after = settings.error_after_working_days
            severity = Severity.ERROR if error_after is not None and days > error_after else None
            policy = f" {settings.policy.strip()}" if settings.policy else ""
            if policy and not policy.endswith("."):
                policy += "."
            yield Finding(0, 0, field="recorded_date", severity=severity, values={
                **values, "days": f"{days} working day{'s' if days != 1 else ''}",
                "policy": policy})
