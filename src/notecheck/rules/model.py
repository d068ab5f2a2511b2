"""A loaded, validated rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from notecheck.diagnostics import Severity

CATEGORIES = ("jargon", "labelling", "opinion", "attribution", "voice", "timeliness",
              "sharing", "personal-data", "clarity", "holistic")

# What each category is about, for 'notecheck explain CATEGORY'.
CATEGORY_ABOUT = {
    "jargon": "Words a family or another professional may not understand: social care "
              "jargon, acronyms not spelled out, shorthand and formal words with a plain "
              "alternative.",
    "labelling": "Labels that blame, define or objectify the person (\"kicked off\", "
                 "\"manipulative\", \"placement\") instead of describing what happened.",
    "opinion": "Views and judgements written as fact, without the evidence they rest on.",
    "attribution": "Statements and decisions that do not say who said or decided them.",
    "voice": "Whether the person's own words, wishes and feelings are in the record.",
    "timeliness": "When the contact happened and when it was written up: missing, late, "
                  "future or unreadable dates, and vague times (\"yesterday\").",
    "sharing": "Records of sharing information: with whom, why, on what basis (consent), "
               "whether the person knows and whether it arrived, and by a secure channel.",
    "personal-data": "Names and identifiers (NHS numbers, addresses, phone numbers) that "
                     "training material must not carry; on in the training profile.",
    "clarity": "Writing that is hard to follow: long sentences, vague phrases, passive "
               "voice that hides who did what.",
    "holistic": "Whether the note looks at the whole family and the person's wider life.",
}

RULE_ID = r"^[a-z]+(-[a-z]+)*\.[a-z0-9]+(-[a-z0-9]+)*$"


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    fail: list[str] = Field(min_length=1)  # notes the rule must flag
    pass_: list[str] = Field(alias="pass", min_length=1)  # notes it must leave alone
    # Where each 'fail' example's finding is: the text it covers, in order, one per fail
    # example ("" for a finding about the whole note, placed at its start). The tests and
    # notecheck test-rules check the finding is exactly there.
    spans: list[str] = []


class CommonFields(BaseModel):
    """Fields every rule has, whatever its kind."""

    model_config = ConfigDict(extra="forbid")

    # category.name, the category being the rule file's folder (jargon.undefined-acronym)
    id: str = Field(pattern=RULE_ID)
    kind: str  # how the rule checks: one of the kinds below
    severity: Literal["error", "warning", "info"]
    # What the writer reads: what is wrong, why, and what to write instead; may use {match}, {suggestion} and the kind's placeholders
    message: str = Field(min_length=1)
    description: str = Field(min_length=1)  # why it matters (notecheck explain)
    principle: str = Field(min_length=1)  # the recording principle it serves
    summary: str | None = None  # one line: what the rule checks (shown by 'notecheck rules')
    references: list[str] = []  # where the guidance comes from (titles or links)
    exceptions: list[str] = []  # matched text that is never reported (case-insensitive)
    suggestion: str | None = None  # what to write instead, for {suggestion}
    skip_quoted: bool = False  # leave words inside quotation marks alone (the person's own words)
    enabled: bool = True  # on by default; false: only when selected or turned on by a profile
    # Report a finding once per file, with how many notes had it (a bad date format in
    # an export column is one problem, not one per row).
    once_per_file: bool = False
    # Rules that say the same thing more precisely: a finding of this rule in a sentence
    # where one of these rules has a finding is dropped, so one problem gets one finding
    # ("bruise, likely from a transfer" is a guessed injury cause, not a second, vaguer view).
    yields_to: list[str] = []
    # Whether the replacement this rule's kind gives may be applied for the writer: safe
    # (the meaning is kept: 'check --fix'), unsafe (a person must judge: '--unsafe-fixes',
    # or a quick fix in an editor) or none (the finding is only reported).
    fix: Literal["safe", "unsafe", "none"] = "none"
    examples: Examples  # run by pytest and notecheck test-rules


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
    once_per_file: bool = False
    yields_to: list[str] = field(default_factory=list)
    fix: str = "none"  # safe | unsafe | none
    fail_examples: list[str] = field(default_factory=list)
    pass_examples: list[str] = field(default_factory=list)
    fail_spans: list[str] = field(default_factory=list)
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
