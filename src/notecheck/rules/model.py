"""A loaded, validated rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from notecheck.diagnostics import Severity

CATEGORIES = ("jargon", "labelling", "opinion", "attribution", "voice", "timeliness",
              "sharing", "personal-data", "clarity", "holistic")

RULE_ID = r"^[a-z]+(-[a-z]+)*\.[a-z0-9]+(-[a-z0-9]+)*$"


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    fail: list[str] = Field(min_length=1)
    pass_: list[str] = Field(alias="pass", min_length=1)


class CommonFields(BaseModel):
    """Fields every rule has, whatever its kind."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=RULE_ID)
    kind: str
    severity: Literal["error", "warning", "info"]
    message: str = Field(min_length=1)
    description: str = Field(min_length=1)
    principle: str = Field(min_length=1)
    summary: str | None = None  # one line: what the rule checks (shown by 'notecheck rules')
    references: list[str] = []
    exceptions: list[str] = []
    suggestion: str | None = None
    skip_quoted: bool = False
    enabled: bool = True
    # Whether the replacement this rule's kind gives may be applied for the writer: safe
    # (the meaning is kept: 'check --fix'), unsafe (a person must judge: '--unsafe-fixes',
    # or a quick fix in an editor) or none (the finding is only reported).
    fix: Literal["safe", "unsafe", "none"] = "none"
    examples: Examples


@dataclass
class Rule:
    id: str
    kind: str
    severity: Severity
    message: str
    description: str
    principle: str
    options: Any
    summary: str | None = None
    references: list[str] = field(default_factory=list)
    exceptions: list[str] = field(default_factory=list)
    suggestion: str | None = None
    skip_quoted: bool = False
    enabled: bool = True
    fix: str = "none"  # safe | unsafe | none
    fail_examples: list[str] = field(default_factory=list)
    pass_examples: list[str] = field(default_factory=list)
    source: str = ""
    line: int = 1
    compiled: Any = None

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.id.split(".", 1)[1]

    def is_exception(self, text: str) -> bool:
        lowered = text.lower()
        return any(lowered == e.lower() for e in self.exceptions)
