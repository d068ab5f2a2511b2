"""The one finding record that every reporter sees."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


FAIL_ON_CHOICES = ("error", "warning", "info", "never")


def fails(severity: Severity, fail_on: str) -> bool:
    """True when a finding of this severity should make the run fail."""
    if fail_on == "never":
        return False
    return severity.rank >= Severity(fail_on).rank


@dataclass(frozen=True)
class Diagnostic:
    path: str
    note: str | None
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: Severity
    message: str
    suggestion: str | None = None
    excerpt: str | None = None
    excerpt_column: int = 1  # the column in the file where ``excerpt`` starts
    # A hash of (rule, note id or path, the finding's sentence), stable when lines move;
    # baselines match on it. Never note text.
    fingerprint: str | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "note": self.note,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity.value,
            "message": self.message,
            "suggestion": self.suggestion,
            "excerpt": self.excerpt,
        }


def file_diagnostic(path: str, rule: str, message: str, *, line: int = 1, column: int = 1,
                    severity: Severity = Severity.ERROR, note: str | None = None) -> Diagnostic:
    """A finding about an input as a whole (unreadable, bad encoding, bad front matter)."""
    category = rule.split(".", 1)[0]
    return Diagnostic(path=path, note=note, line=line, column=column, end_line=line,
                      end_column=column, rule=rule, category=category, severity=severity,
                      message=message)
