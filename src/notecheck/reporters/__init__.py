"""Reporters: they only see finished diagnostics and the run's summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from notecheck.diagnostics import Diagnostic


@dataclass
class Summary:
    files: int = 0
    notes: int = 0
    rules: int = 0
    model: str = ""
    by_severity: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    by_category_severity: Counter = field(default_factory=Counter)

    def add(self, diagnostic: Diagnostic) -> None:
        self.by_severity[diagnostic.severity.value] += 1
        self.by_category[diagnostic.category] += 1
        self.by_rule[diagnostic.rule] += 1
        self.by_category_severity[(diagnostic.category, diagnostic.severity.value)] += 1

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "notes": self.notes,
            "rules": self.rules,
            "model": self.model,
            "diagnostics": self.total,
            "by_severity": {s: self.by_severity.get(s, 0) for s in ("error", "warning", "info")},
            "by_category": dict(sorted(self.by_category.items())),
            "by_rule": dict(self.by_rule.most_common()),
        }


class Reporter:
    """Base: ``handle`` each diagnostic as it comes, then ``finish`` once."""

    def __init__(self, stream, *, statistics: bool = False, quiet: bool = False):
        self.stream = stream
        self.statistics = statistics
        self.quiet = quiet

    def handle(self, diagnostic: Diagnostic) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def statistics_rows(summary: Summary) -> list[tuple[int, str]]:
    return [(count, rule) for rule, count in summary.by_rule.most_common()]


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary_line(summary: Summary) -> str:
    if not summary.total:
        return f"No problems found in {plural(summary.notes, 'note')} ({plural(summary.files, 'file')})."
    counts = ", ".join(plural(summary.by_severity[s], s) for s in ("error", "warning", "info")
                       if summary.by_severity[s])
    return (f"Found {plural(summary.total, 'problem')} ({counts}) in "
            f"{plural(summary.notes, 'note')} ({plural(summary.files, 'file')}).")
