"""Dates as UK case notes write them, and working days between them.

Day-first always: 03/04/2026 is 3 April, never 4 March. ISO forms (2026-04-03,
2026-04-03T14:30, 2026-04-03 14:30) are read too. A date with a time keeps the time
so that two events on the same day can still be ordered.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from functools import lru_cache

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10,
    "nov": 11, "november": 11, "dec": 12, "december": 12,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Holiday subdivisions of the `holidays` package for each region a config may name.
REGIONS = {"england-and-wales": "ENG", "scotland": "SCT", "northern-ireland": "NIR"}

_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_TIME = r"(?:[T ]+(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_ISO = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})" + _TIME)
_NUMERIC = re.compile(r"(?P<day>\d{1,2})[/.-](?P<month>\d{1,2})[/.-](?P<year>\d{4}|\d{2})" + _TIME)
_WORDED = re.compile(
    r"(?:(?:" + "|".join(WEEKDAYS) + r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun),?\s+)?"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" + _MONTH_NAMES + r")\.?,?\s+"
    r"(?P<year>\d{4})" + r"(?:,?\s+(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2}))?",
    re.IGNORECASE,
)

# Case systems' own forms: 30-Nov-2026, 30/Nov/2026, 30-Nov-26 16:05 (Oracle and
# SQL Server reports, Excel's "dd-mmm-yyyy").
_DASHED = re.compile(
    r"(?P<day>\d{1,2})[-/.](?P<month>" + _MONTH_NAMES + r")\.?[-/.](?P<year>\d{4}|\d{2})" + _TIME,
    re.IGNORECASE,
)

# Dates written inside a note's text, with or without a year: "24/11/2026", "24 Nov",
# "Tuesday 24th November", "on Monday". Used to tell whether a vague time reference
# has a date beside it and whether a note opens with its contact date.
_IN_TEXT = re.compile(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[/.-]\d{1,2}(?:[/.-](?:\d{4}|\d{2}))?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTH_NAMES + r")\b\.?(?:\s+\d{4})?"
    r"|(?:" + _MONTH_NAMES + r")\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?"
    r"|(?:" + "|".join(WEEKDAYS) + r"))\b",
    re.IGNORECASE,
)


class DateError(ValueError):
    """A date that cannot be read. The message says what forms are accepted."""


FORMS = "a date such as 24/11/2026, 24 Nov 2026 or 2026-11-24"
# The years a contact or recording can have. Case systems write dates far outside them
# (01/01/1900, 01/01/0001, 31/12/9999) to mean "no date"; read as dates, they would be
# a contact 8,000 years before its note.
EARLIEST_YEAR, LATEST_YEAR = 1901, 2199


def _quoted(text: str, show: bool) -> str:
    """The value as a message about it shows it: with any identifier in it masked, as
    findings mask them (an NHS number or an email put in a date column), unless ``show``
    (the user's own --today or config)."""
    if show:
        return f"'{text}'"
    from notecheck.notes import mask_identifiers

    return f"'{mask_identifiers(text)}'"


def parse_date(value: object, show: bool = False) -> dt.datetime:
    """Read a metadata date. Returns a datetime (midnight when no time was given).

    Raises DateError for anything that is not a real day-first or ISO date from
    EARLIEST_YEAR to LATEST_YEAR; its message masks any identifier in the value (an NHS
    number in a date column) unless ``show``.
    """
    if isinstance(value, (dt.date, dt.datetime)):
        if not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
            raise DateError(_out_of_range(_quoted(value.isoformat(), show), value.year))
        if isinstance(value, dt.datetime):
            return value.replace(tzinfo=None)
        return dt.datetime(value.year, value.month, value.day)
    text = str(value).strip()
    for pattern in (_ISO, _NUMERIC, _WORDED, _DASHED):
        match = pattern.fullmatch(text)
        if match:
            return _build(match, text, show)
    raise DateError(f"{_quoted(text, show)} is not {FORMS}")


def _out_of_range(quoted: str, year: int) -> str:
    return (f"{quoted} is in the year {year}, which no contact or recording can have "
            f"(notecheck reads {EARLIEST_YEAR} to {LATEST_YEAR}); systems write such dates to "
            "mean 'no date', so leave the date empty when there is none")


def _build(match: re.Match, text: str, show: bool = True) -> dt.datetime:
    parts = match.groupdict()
    month = parts["month"]
    month = MONTHS[month.lower()] if not month.isdigit() else int(month)
    year = int(parts["year"])
    if year < 100 and len(parts["year"]) == 2:
        year += 2000  # "24/11/26": notes are about this century
    def quoted() -> str:  # only for a message: masking it costs, and most dates are fine
        return _quoted(text, show)

    if month > 12 and int(parts["day"]) <= 12:
        shown = quoted()
        swap = (f"so write {month}/{parts['day']}/{parts['year']}" if shown == f"'{text}'"
                else "so swap the day and the month")
        raise DateError(f"{shown} has no month {month}: dates are read day first "
                        f"(day/month/year), {swap}")
    try:
        day = dt.date(year, month, int(parts["day"]))
    except ValueError as exc:
        raise DateError(f"{quoted()} is not a real date ({exc})") from None
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise DateError(_out_of_range(quoted(), year))
    hour, minute = parts.get("hour"), parts.get("minute")
    if hour is None:
        return dt.datetime(day.year, day.month, day.day)
    try:
        return dt.datetime(day.year, day.month, day.day, int(hour), int(minute),
                           int(parts.get("second") or 0))
    except ValueError as exc:
        raise DateError(f"{quoted()} has a time that does not exist ({exc})") from None


# Excel stores a date as the days since 30 December 1899 (the time is the fraction):
# 46356 is 30 November 2026. Read only in an export's date columns, and only for days
# a case note could be about (1 January 1990 to 31 December 2099).
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_EXCEL_SERIAL = re.compile(r"(?P<days>\d{5})(?:\.(?P<fraction>\d+))?")
EXCEL_RANGE = (32874, 73050)


def excel_serial(value: object) -> dt.datetime | None:
    """The date an Excel serial number stands for, or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        text = repr(float(value)) if isinstance(value, float) else str(value)
    else:
        text = str(value).strip()
    match = _EXCEL_SERIAL.fullmatch(text[:-2] if text.endswith(".0") else text)
    if not match or not EXCEL_RANGE[0] <= int(match["days"]) <= EXCEL_RANGE[1]:
        return None
    fraction = float("0." + match["fraction"]) if match["fraction"] else 0.0
    minutes = round(fraction * 24 * 60)
    return _EXCEL_EPOCH + dt.timedelta(days=int(match["days"]), minutes=minutes)


def shape(value: object) -> str:
    """A value's shape, for messages that must not show it: digits become d, letters
    a: "30.11.2026" -> "dd.dd.dddd", "Nov 30th" -> "aaa ddaa"."""
    return re.sub(r"\d", "d", re.sub(r"[^\W\d_]", "a", str(value)))


def has_time(value: object) -> bool:
    """True when a metadata date was written with a time of day."""
    if isinstance(value, dt.datetime):
        return True
    text = str(value)
    return any((m := p.fullmatch(text.strip())) and m.groupdict().get("hour")
               for p in (_ISO, _NUMERIC, _WORDED, _DASHED))


def dates_in(text: str) -> list[tuple[int, int]]:
    """Spans of dates and weekday names written in free text."""
    return [m.span() for m in _IN_TEXT.finditer(text)]


# A day and a month, with or without a year: what dates a note (a weekday alone does not).
_DAY_AND_MONTH = re.compile(
    r"\b(?:\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[/.-]\d{1,2}(?:[/.-](?:\d{4}|\d{2}))?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTH_NAMES + r")\b"
    r"|(?:" + _MONTH_NAMES + r")\s+\d{1,2}(?:st|nd|rd|th)?)\b",
    re.IGNORECASE,
)


def day_dates_in(text: str) -> list[tuple[int, int]]:
    """Spans of dates that give at least a day and a month ("24/11", "24 November")."""
    return [m.span() for m in _DAY_AND_MONTH.finditer(text)]


# Whole dates (with a year) inside a line of text, and a time written after one.
_SEARCH = [re.compile(r"(?<![\w/.-])" + p.pattern + r"(?![\w/])", p.flags) for p in (_ISO, _NUMERIC, _WORDED)]
_TIME_AFTER = re.compile(r"[,\s]*(?:at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})\b")


def find_date(text: str) -> tuple[dt.datetime, bool, int, int] | None:
    """The first real date with a year in ``text``, as (datetime, written with a time,
    start, end); a time just after the date ("04/11/2026, 10:20") is read with it."""
    found = []
    for pattern in _SEARCH:
        for match in pattern.finditer(text):
            try:
                value = _build(match, match.group())
            except DateError:
                continue
            found.append((match.start(), -match.end(), match, value))
            break
    if not found:
        return None
    start, _, match, value = min(found, key=lambda f: f[:2])
    end, timed = match.end(), bool(match.groupdict().get("hour"))
    if not timed:
        after = _TIME_AFTER.match(text, end)
        if after and int(after["hour"]) < 24 and int(after["minute"]) < 60:
            value = value.replace(hour=int(after["hour"]), minute=int(after["minute"]))
            timed = True
    return value, timed, start, end


def bad_date_in(text: str) -> tuple[int, int, str] | None:
    """The first date-shaped text in ``text`` that is no real date ("32/13/2026"), as
    (start, end, the problem as DateError says it), when ``text`` holds no real date."""
    if find_date(text) is not None:
        return None
    found = []
    for pattern in _SEARCH:
        for match in pattern.finditer(text):
            try:
                _build(match, match.group(), show=False)
            except DateError as exc:
                found.append((match.start(), match.end(), str(exc)))
                break
    return min(found) if found else None


@lru_cache(maxsize=8)
def _holidays(subdivision: str):
    return _united_kingdom()(subdiv=subdivision)


_UK_MODULE = "holidays.countries.united_kingdom"


def _united_kingdom():
    """The holidays package's calendar for the United Kingdom. Found the usual way
    (holidays.country_holidays, or an import of its module) it costs an import of
    holidays.countries, which imports all of its 250 countries: 0.07 s of every run
    that counts working days, in every worker. So the UK's own file is loaded on its
    own, under its own name; the usual way when that cannot be done."""
    import sys

    import holidays

    if _UK_MODULE not in sys.modules:
        try:
            import importlib.util
            from pathlib import Path

            path = Path(holidays.__file__).parent / "countries" / "united_kingdom.py"
            spec = importlib.util.spec_from_file_location(_UK_MODULE, path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            sys.modules.setdefault(_UK_MODULE, module)
        except Exception:  # noqa: BLE001 - a holidays laid out otherwise
            return holidays.country_holidays("GB").__class__
    return sys.modules[_UK_MODULE].UnitedKingdom


def is_working_day(day: dt.date, region: str = "england-and-wales") -> bool:
    return day.weekday() < 5 and day not in _holidays(REGIONS[region])


def weekdays_between(start: dt.date, end: dt.date) -> int:
    """Mondays to Fridays after ``start`` up to and including ``end`` (0 when end <= start):
    working_days_between before the bank holidays are taken off, so never fewer."""
    return _weekdays_to(end) - _weekdays_to(start) if end > start else 0


def working_days_between(start: dt.date, end: dt.date, region: str = "england-and-wales") -> int:
    """Working days after ``start`` up to and including ``end`` (0 when end <= start).

    A note written the next working day is 1 working day late: contact on Friday,
    recorded on Monday is 1; contact on Thursday 24 December 2026, recorded on
    Tuesday 29 December is 1 in England (25th, 28th are bank holidays).
    """
    if end <= start:
        return 0
    # Weekdays counted, not walked, so any two dates take the same time (and a walk
    # never steps past 31/12/9999); then the bank holidays between them taken off.
    days = weekdays_between(start, end)
    holidays = _holidays(REGIONS[region])
    for year in range(start.year, end.year + 1):
        if year > _LAST_HOLIDAY_YEAR:
            break
        holidays.get(dt.date(year, 1, 1))  # fills in that year's holidays
    days -= sum(1 for day in holidays if start < day <= end and day.weekday() < 5)
    return days


# The holidays package knows bank holidays up to about this year; later years have none.
_LAST_HOLIDAY_YEAR = 2200


def _weekdays_to(day: dt.date) -> int:
    """How many Mondays to Fridays there are from 1 January of year 1 up to ``day``."""
    weeks, extra = divmod(day.toordinal(), 7)  # ordinal 1 (1 January 1) was a Monday
    return weeks * 5 + min(extra, 5)


TODAY_ENV = "NOTECHECK_TODAY"


def today(configured: dt.date | None = None) -> dt.date:
    """The run's "today": the config's (which --today sets), else $NOTECHECK_TODAY,
    else the clock. Tests always fix it."""
    if configured is not None:
        return configured
    value = os.environ.get(TODAY_ENV)
    if value:
        try:
            return parse_date(value, show=True).date()
        except DateError as exc:
            raise DateError(f"{TODAY_ENV}: {exc}") from None
    return dt.date.today()
