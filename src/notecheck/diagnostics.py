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
class Edit:
    """Replace the text from (line, column) to (end_line, end_column) with ``new_text``.
    Positions are in the file's coordinates, like a Diagnostic's (1-based, end exclusive,
    columns count characters); the offsets, when given, are character offsets in the file."""

    line: int
    column: int
    end_line: int
    end_column: int
    new_text: str
    start_offset: int | None = None
    end_offset: int | None = None

    def to_dict(self) -> dict:
        out = {"line": self.line, "column": self.column, "end_line": self.end_line,
               "end_column": self.end_column, "new_text": self.new_text}
        if self.start_offset is not None:
            out["start_offset"], out["end_offset"] = self.start_offset, self.end_offset
        return out


FIX_APPLICABILITY = ("safe", "unsafe")


@dataclass(frozen=True)
class Fix:
    """How to fix a finding: edits that never overlap. ``safe`` keeps the meaning and is
    applied by ``check --fix``; ``unsafe`` needs a person to judge (``--unsafe-fixes``)."""

    applicability: str  # "safe" | "unsafe"
    edits: tuple[Edit, ...]

    def to_dict(self) -> dict:
        return {"applicability": self.applicability, "edits": [e.to_dict() for e in self.edits]}


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
    fix: Fix | None = None

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, self.rule)

    def to_dict(self) -> dict:
        out = {
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
        if self.fix is not None:  # only findings that have one: other outputs stay as they were
            out["fix"] = self.fix.to_dict()
        return out


def file_diagnostic(path: str, rule: str, message: str, *, line: int = 1, column: int = 1,
                    severity: Severity = Severity.ERROR, note: str | None = None) -> Diagnostic:
    """A finding about an input as a whole (unreadable, bad encoding, bad front matter)."""
    category = rule.split(".", 1)[0]
    return Diagnostic(path=path, note=note, line=line, column=column, end_line=line,
                      end_column=column, rule=rule, category=category, severity=severity,
                      message=message)
