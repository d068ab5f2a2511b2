"""readability: a note that is hard to read, by the Flesch-Kincaid grade (textstat).

People read their own records later. Short notes are skipped: the formula is noise on
a few lines.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.language import first_line


class ReadabilityOptions(Options):
    max_grade: float = Field(default=12.0, gt=0)
    min_words: int = Field(default=80, ge=1)


def needs(rule) -> set[str]:
    return {"tokens"}


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    import textstat

    o = rule.options
    if sum(1 for t in parsed.doc if t.is_alpha) < o.min_words:
        return
    grade = textstat.flesch_kincaid_grade(parsed.text)
    if grade > o.max_grade:
        yield Finding(*first_line(parsed.text),
                      values={"grade": f"{grade:.0f}", "max_grade": f"{o.max_grade:g}"})
