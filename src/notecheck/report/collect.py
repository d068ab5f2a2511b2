"""From a run's notes and diagnostics to the report's tables.

The runner calls ``on_note(note)`` just before each note's diagnostics, so every
diagnostic that follows belongs to that note until the next call; input problems
(``input.*``) belong to no note. Only metadata is kept (team, note type, month, working
days to recording; the author only when asked for): never note text, and only the counts
of each group, so memory does not grow with the number of notes.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from notecheck.diagnostics import Diagnostic
from notecheck.notes import Note
from notecheck.notes.columns import normalise_name

DIMENSIONS = ("team", "author", "note_type", "month")
DEFAULT_BY = ("team", "note_type", "month")
NOT_GIVEN = "(not given)"
NO_DATE = "(no date)"
ENGINE_CATEGORIES = ("input", "notecheck")
EXCERPTS_PER_RULE = 3


@lru_cache(maxsize=1)
def settings() -> dict:
    """The report's data file: team column names, recording time buckets."""
    path = Path(__file__).resolve().parent.parent / "data" / "report.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["team_names"] = {normalise_name(name) for name in data["team"]}
    return data


def team_of(meta: dict) -> str | None:
    """The first metadata field whose name is a team column's name."""
    names = settings()["team_names"]
    for key, value in meta.items():
        if normalise_name(str(key)) in names and value not in (None, ""):
            return str(value).strip() or None
    return None


def _date(value) -> dt.date | None:
    from notecheck.dates import DateError, parse_date

    if value in (None, ""):
        return None
    try:
        return parse_date(value).date()
    except DateError:
        return None


@dataclass
class Group:
    """Counts for the notes of one team, month, note type or author (or all notes)."""

    notes: int = 0
    with_finding: int = 0
    findings: int = 0
    categories: Counter = field(default_factory=Counter)  # notes with a finding in each
    delays: Counter = field(default_factory=Counter)      # working days -> notes

    def add(self, categories: set[str], findings: int, delay: int | None) -> None:
        self.notes += 1
        self.findings += findings
        if categories:
            self.with_finding += 1
        self.categories.update(categories)
        if delay is not None:
            self.delays[delay] += 1


def share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def percentile(counts: Counter, fraction: float) -> int | None:
    """The smallest value at or above ``fraction`` of the counted notes."""
    total = sum(counts.values())
    if not total:
        return None
    wanted = fraction * total
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen >= wanted:
            return value
    return max(counts)


class Collector:
    """Give it ``on_note`` as the run's hook and every diagnostic to ``add``; then ``finish``."""

    def __init__(self, rules, *, by=DEFAULT_BY, region: str = "england-and-wales",
                 warn_after: int = 1, error_after: int = 5, excerpts: bool = False):
        from notecheck.rules.model import CATEGORIES

        self.rules = {rule.id: rule for rule in rules}
        present = {rule.category for rule in rules}
        self.categories = [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))
        self.by = [d for d in DIMENSIONS if d in by]
        self.region = region
        self.warn_after, self.error_after = warn_after, error_after
        self.excerpts = [] if excerpts else None
        self._excerpt_counts: Counter = Counter()
        self.total = Group()
        self.groups: dict[str, dict[str, Group]] = {d: {} for d in self.by}
        self.rule_findings: Counter = Counter()
        self.rule_notes: Counter = Counter()
        self.category_findings: Counter = Counter()
        self.input_problems: Counter = Counter()
        self.internal_errors = 0
        self.files: set[str] = set()
        self._current: tuple | None = None  # (facts, categories, rules, findings, mask)

    # -- the run's hooks --------------------------------------------------------------------

    def on_note(self, note: Note) -> None:
        self._close()
        self.files.add(note.path)
        meta = note.meta
        contact, recorded = _date(meta.get("contact_date")), _date(meta.get("recorded_date"))
        delay = None
        if contact is not None and recorded is not None and recorded >= contact:
            from notecheck.dates import working_days_between

            delay = working_days_between(contact, recorded, self.region)
        when = contact or recorded
        facts = {
            "team": team_of(meta) or NOT_GIVEN,
            "author": str(meta.get("author") or NOT_GIVEN) if "author" in self.by else None,
            "note_type": str(meta.get("note_type") or NOT_GIVEN),
            "month": when.strftime("%Y-%m") if when else NO_DATE,
            "delay": delay,
        }
        mask = None
        if self.excerpts is not None:
            from notecheck.masking import NoteMask

            names = [*note.subjects, *([str(meta["author"])] if meta.get("author") else [])]
            mask = NoteMask("", [], names)
        self._current = (facts, set(), set(), [0], mask)

    def add(self, d: Diagnostic) -> None:
        if d.category == "input" or self._current is None:
            self.input_problems[d.rule] += 1
            return
        if d.rule == "notecheck.internal-error":
            self.internal_errors += 1
            return
        if d.category in ENGINE_CATEGORIES:
            return  # unused suppressions: about the notes' markup, not their recording
        _, categories, rules, findings, mask = self._current
        if d.category not in self.categories:  # a rule of another folder's config
            self.categories.append(d.category)
        categories.add(d.category)
        rules.add(d.rule)
        findings[0] += 1
        self.rule_findings[d.rule] += 1
        self.category_findings[d.category] += 1
        if self.excerpts is not None and d.excerpt and self._excerpt_counts[d.rule] < EXCERPTS_PER_RULE:
            self._excerpt_counts[d.rule] += 1
            self.excerpts.append({"rule": d.rule, "note": d.note, "line": d.line,
                                  "excerpt": mask.free_text(d.excerpt.strip())})

    def _close(self) -> None:
        if self._current is None:
            return
        facts, categories, rules, findings, _ = self._current
        self._current = None
        self.total.add(categories, findings[0], facts["delay"])
        self.rule_notes.update(rules)
        for dimension in self.by:
            group = self.groups[dimension].setdefault(facts[dimension], Group())
            group.add(categories, findings[0], facts["delay"])

    # -- the tables ---------------------------------------------------------------------------

    def finish(self, *, files: int | None = None, generated: dt.date | None = None) -> dict:
        """The report as plain tables (lists of rows), the same for HTML, JSON and CSV."""
        self._close()
        total = self.total
        report = {
            "version": 1,
            "generated": (generated or dt.date.today()).isoformat(),
            "summary": {
                "files": files if files is not None else len(self.files),
                "notes": total.notes,
                "notes_with_finding": total.with_finding,
                "share_with_finding": share(total.with_finding, total.notes),
                "findings": total.findings,
                "rules": len(self.rules),
                "input_problems": sum(self.input_problems.values()),
                "internal_errors": self.internal_errors,
            },
            "categories": [
                {"category": c, "notes_with_finding": total.categories[c],
                 "share_of_notes": share(total.categories[c], total.notes),
                 "findings": self.category_findings[c]}
                for c in self.categories],
            "rules": [
                {"rule": rule_id, "category": self._category(rule_id),
                 "what_it_checks": self._summary(rule_id), "findings": count,
                 "notes_with_finding": self.rule_notes[rule_id],
                 "share_of_notes": share(self.rule_notes[rule_id], total.notes)}
                for rule_id, count in sorted(self.rule_findings.items(), key=lambda kv: (-kv[1], kv[0]))],
            "recording_time": self._recording_time(total),
            "by": {d: self._breakdown(d) for d in self.by},
            "input_problems": [{"rule": r, "count": n} for r, n in sorted(self.input_problems.items())],
        }
        if self.excerpts is not None:
            report["excerpts"] = self.excerpts
        return report

    def _category(self, rule_id: str) -> str:
        rule = self.rules.get(rule_id)
        return rule.category if rule else rule_id.split(".", 1)[0]

    def _summary(self, rule_id: str) -> str:
        rule = self.rules.get(rule_id)
        if rule is None:
            return ""
        text = " ".join((rule.summary or rule.description or "").split())
        end = text.find(". ")
        return text if rule.summary or end == -1 else text[:end + 1]

    def _recording_time(self, group: Group) -> dict:
        delays = group.delays
        dated = sum(delays.values())
        buckets = []
        for label, low, high in settings()["delay_buckets"]:
            notes = sum(n for days, n in delays.items() if days >= low and (high is None or days <= high))
            buckets.append({"bucket": label, "notes": notes, "share": share(notes, dated)})
        return {
            "notes_with_both_dates": dated,
            "median_working_days": percentile(delays, 0.5),
            "p90_working_days": percentile(delays, 0.9),
            "within_days": self.warn_after,
            "share_within": share(sum(n for d, n in delays.items() if d <= self.warn_after), dated),
            "over_days": self.error_after,
            "share_over": share(sum(n for d, n in delays.items() if d > self.error_after), dated),
            "buckets": buckets,
        }

    def _breakdown(self, dimension: str) -> list[dict]:
        groups = self.groups[dimension]
        if dimension == "month":
            order = sorted(groups, key=lambda k: (k == NO_DATE, k))
        else:
            order = sorted(groups, key=lambda k: (k == NOT_GIVEN, -groups[k].notes, k.lower()))
        rows = []
        for key in order:
            group = groups[key]
            row = {dimension: key, "notes": group.notes, "notes_with_finding": group.with_finding,
                   "share_with_finding": share(group.with_finding, group.notes),
                   "findings": group.findings,
                   "median_working_days_to_record": percentile(group.delays, 0.5)}
            row.update({f"share_{c}": share(group.categories[c], group.notes) for c in self.categories})
            rows.append(row)
        return rows
