"""Measuring the rules against a corpus of notes whose right answers are known.

Each note ``NAME.md`` in the corpus folder has a sidecar ``NAME.expect.yaml``:
``{must_flag: [categories], must_not_flag: [categories]}`` (and an optional ``why``,
the writer's free-text reason, which the scores ignore). Per category we report the
recall on must_flag (share of those notes where the category fired) and the false-flag
rate on must_not_flag (share of those notes where it fired anyway). Used by
tests/test_quality.py and benchmarks/quality.py, so both see the same numbers.

A ``notecheck.yaml`` in the corpus folder is the corpus's own config (e.g. a fixed
"today" for the timeliness rules, so the scores do not change with the calendar).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

MIN_RECALL = 0.85
MAX_FALSE_FLAG = 0.15


@dataclass
class CategoryScore:
    category: str
    must_flag: int = 0
    flagged: int = 0  # of must_flag notes, those where the category fired
    must_not_flag: int = 0
    false_flags: int = 0  # of must_not_flag notes, those where it fired
    missed: list[str] = field(default_factory=list)
    wrongly_flagged: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float | None:
        return self.flagged / self.must_flag if self.must_flag else None

    @property
    def false_flag_rate(self) -> float | None:
        return self.false_flags / self.must_not_flag if self.must_not_flag else None

    @property
    def ok(self) -> bool:
        return ((self.recall is None or self.recall >= MIN_RECALL)
                and (self.false_flag_rate is None or self.false_flag_rate <= MAX_FALSE_FLAG))


def corpus_notes(folder: Path) -> list[tuple[Path, dict]]:
    """(note path, expectations) for every note with a sidecar, in name order."""
    found = []
    for sidecar in sorted(folder.glob("*.expect.yaml")):
        name = sidecar.name[: -len(".expect.yaml")]
        notes = [p for p in folder.glob(name + ".*") if p != sidecar and not p.name.endswith(".expect.yaml")]
        if len(notes) != 1:
            raise ValueError(f"{sidecar}: expected one note named {name}.*, found {len(notes)}")
        expect = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
        unknown = set(expect) - {"must_flag", "must_not_flag", "why"}
        if unknown:
            raise ValueError(f"{sidecar}: unknown key(s) {sorted(unknown)}; use must_flag and must_not_flag")
        # must_flag is a list of categories, or {category: [lines of the problem]}.
        found.append((notes[0], {"must_flag": list(expect.get("must_flag") or []),
                                 "must_not_flag": list(expect.get("must_not_flag") or [])}))
    return found


def corpus_checker(folder: Path, **options):
    """Every built-in rule that is on by default, with the corpus folder's own config,
    through the one path (notecheck.api.Checker) the CLI uses, cache included when asked."""
    from notecheck.checker import Checker
    from notecheck.config import Config

    own = folder / "notecheck.yaml"
    return Checker(own if own.is_file() else Config(), **options)


def flagged_categories(checker, path: Path) -> set[str]:
    return {d.category for d in checker.check_paths([str(path)])}


def score(folder: Path, checker=None) -> tuple[dict[str, CategoryScore], dict[str, set[str]]]:
    """Scores per category, and the categories each note was flagged for."""
    if checker is None:
        checker = corpus_checker(folder)
    scores: dict[str, CategoryScore] = defaultdict(lambda: CategoryScore(""))
    seen: dict[str, set[str]] = {}
    for path, expect in corpus_notes(folder):
        found = seen[path.name] = flagged_categories(checker, path)
        for category in expect["must_flag"]:
            s = scores[category]
            s.category, s.must_flag = category, s.must_flag + 1
            if category in found:
                s.flagged += 1
            else:
                s.missed.append(path.name)
        for category in expect["must_not_flag"]:
            s = scores[category]
            s.category, s.must_not_flag = category, s.must_not_flag + 1
            if category in found:
                s.false_flags += 1
                s.wrongly_flagged.append(path.name)
    return dict(sorted(scores.items())), seen


def table(scores: dict[str, CategoryScore]) -> str:
    def pct(value: float | None) -> str:
        return "   -  " if value is None else f"{value:6.0%}"

    lines = [f"{'category':<14} {'must flag':>9} {'recall':>7} {'must not':>9} {'false flag':>10}  ok",
             "-" * 58]
    for s in scores.values():
        lines.append(f"{s.category:<14} {s.must_flag:>9} {pct(s.recall):>7} {s.must_not_flag:>9} "
                     f"{pct(s.false_flag_rate):>10}  {'yes' if s.ok else 'NO'}")
    lines.append(f"(thresholds: recall >= {MIN_RECALL:.0%}, false-flag rate <= {MAX_FALSE_FLAG:.0%})")
    return "\n".join(lines)
