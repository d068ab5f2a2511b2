"""Measuring the rules against a corpus of notes whose right answers are known.

Each note ``NAME.md`` in the corpus folder has a sidecar ``NAME.expect.yaml``:
``{must_flag: [categories], must_not_flag: [categories]}`` (and an optional ``why``,
the writer's free-text reason, which the scores ignore). Per category we report the
recall on must_flag (share of those notes where the category fired) and the false-flag
rate on must_not_flag (share of those notes where it fired anyway). Used by
tests/test_quality.py and benchmarks/quality.py, so both see the same numbers.

A ``notecheck.yaml`` in the corpus folder is the corpus's own config (e.g. a fixed
"today" for the timeliness rules, so the scores do not change with the calendar).

The sidecars of the tuning corpora also list each rule's expected findings by line; the
per-rule gate (rule_gate, tests/test_quality_rules.py) is further down, and the format is
in tests/corpus/README.md.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

# The per-rule sections of a sidecar (see "Per rule" below and tests/corpus/README.md).
ANNOTATION_KEYS = ("rules", "todo", "fp", "ok")

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
        unknown = set(expect) - {"must_flag", "must_not_flag", "why", *ANNOTATION_KEYS}
        if unknown:
            raise ValueError(f"{sidecar}: unknown key(s) {sorted(unknown)}; use must_flag, must_not_flag, "
                             f"why and the per-rule {', '.join(ANNOTATION_KEYS)}")
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


# --- Per rule ---------------------------------------------------------------------------
#
# Besides its categories, a sidecar of a tuning corpus (tests/corpus, tests/heldout,
# heldout2, heldout3) lists, semgrep-style, the findings expected of each rule, matched on
# (rule, line):
#
#   rules: [{rule: jargon.undefined-acronym, line: 7}]            expected: must fire
#   todo:  [{rule: voice.missing-voice, line: 5, why: ...}]       a real miss today
#   fp:    [{rule: clarity.vague-phrase, line: 9, why: ...}]      a false flag today
#   ok:    [{rule: clarity.vague-phrase, line: 9, why: ...}]      must not fire
#
# The gate (rule_gate) fails on an expected finding that is missing (a regression), on a
# finding nobody annotated (a new false flag, or a new true finding to record), on a todo
# that now fires (promote it to rules:), on an fp that no longer fires (move it to ok:),
# and on any default rule with no expected finding in the corpora, so that deleting or
# breaking any one rule fails it. Several findings of one rule on one line count once.


@dataclass(frozen=True)
class Annotation:
    rule: str
    line: int
    why: str = ""


def rule_annotations(expect: dict, where: Path | str = "sidecar") -> dict[str, list[Annotation]]:
    """The per-rule sections of a sidecar, checked for shape: {key: [Annotation]}."""
    out: dict[str, list[Annotation]] = {}
    seen: dict[tuple[str, int], str] = {}
    for key in ANNOTATION_KEYS:
        items = expect.get(key) or []
        if not isinstance(items, list):
            raise ValueError(f"{where}: '{key}' must be a list of {{rule: ..., line: ...}}")
        out[key] = []
        for item in items:
            if (not isinstance(item, dict) or set(item) - {"rule", "line", "why"}
                    or not isinstance(item.get("rule"), str) or not isinstance(item.get("line"), int)
                    or item["line"] < 1):
                raise ValueError(f"{where}: each '{key}' entry is {{rule: RULE-ID, line: N, why: ...}}, "
                                 f"not {item!r}")
            if key in ("todo", "fp", "ok") and not item.get("why"):
                raise ValueError(f"{where}: the '{key}' entry for {item['rule']} on line {item['line']} "
                                 "needs a 'why'")
            spot = (item["rule"], item["line"])
            if spot in seen:
                raise ValueError(f"{where}: {item['rule']} on line {item['line']} is in both "
                                 f"'{seen[spot]}' and '{key}'" if seen[spot] != key else
                                 f"{where}: {item['rule']} on line {item['line']} is listed twice")
            seen[spot] = key
            out[key].append(Annotation(item["rule"], item["line"], str(item.get("why") or "")))
    return out


@dataclass
class RuleScore:
    rule: str
    expected: int = 0      # rules: entries
    found: int = 0         # of those, still found
    false_flags: int = 0   # fp: entries still firing (known false flags)
    todo: int = 0          # todo: entries (known misses)
    new: list[str] = field(default_factory=list)          # unannotated findings: note:line
    missed: list[str] = field(default_factory=list)       # expected, not found
    todo_fired: list[str] = field(default_factory=list)   # todo that fires now
    fp_gone: list[str] = field(default_factory=list)      # fp that no longer fires


@dataclass
class RuleGate:
    scores: dict[str, RuleScore]
    problems: list[str]     # one plain message each; empty: the gate passes

    def problems_for(self, rule: str) -> list[str]:
        return [p for p in self.problems if p.startswith(rule + ":")]


def annotated_notes(folder: Path) -> list[tuple[Path, dict[str, list[Annotation]]]]:
    out = []
    for path, _ in corpus_notes(folder):
        sidecar = path.with_name(path.name[: -len(path.suffix)] + ".expect.yaml")
        expect = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
        out.append((path, rule_annotations(expect, sidecar)))
    return out


def findings(folder: Path, checker=None) -> dict[str, set[tuple[str, int]]]:
    """{note name: {(rule, line)}} for every annotated note, through the one path."""
    if checker is None:
        checker = corpus_checker(folder)
    return {path.name: {(d.rule, d.line) for d in checker.check_paths([str(path)])}
            for path, _ in corpus_notes(folder)}


def rule_gate(corpora: dict[str, tuple[list, dict[str, set[tuple[str, int]]]]],
              default_rules: list[str], known_rules: set[str] | None = None,
              running: set[str] | None = None) -> RuleGate:
    """Per-rule verdict over corpora {label: (annotated_notes(folder), findings(folder))}.

    default_rules: the ids that must each have at least one expected finding.
    known_rules: every id an annotation may name (a typo fails); None skips the check.
    running: the ids the findings were made with, when not all the known ones: the
    annotations of a known rule that did not run (one off by default) are left for the
    run that selects it (opt_in_rules).
    """
    scores: dict[str, RuleScore] = {}
    problems: list[str] = []

    def at(rule: str) -> RuleScore:
        return scores.setdefault(rule, RuleScore(rule))

    for label, (notes, found_by_note) in corpora.items():
        for path, ann in notes:
            where = f"{label}/{path.name}"
            found = found_by_note.get(path.name, set())
            marks = {(a.rule, a.line): (key, a) for key, items in ann.items() for a in items}
            for (rule, line), (key, a) in sorted(marks.items(), key=lambda x: (x[0][1], x[0][0])):
                if known_rules is not None and rule not in known_rules:
                    problems.append(f"{rule}: {where}:{line} names a rule notecheck does not have")
                    continue
                if running is not None and rule not in running:
                    continue
                s, fires = at(rule), (rule, line) in found
                if key == "rules":
                    s.expected += 1
                    if fires:
                        s.found += 1
                    else:
                        s.missed.append(f"{where}:{line}")
                        problems.append(f"{rule}: regression: no longer finds line {line} of {where}")
                elif key == "todo":
                    s.todo += 1
                    if fires:
                        s.todo_fired.append(f"{where}:{line}")
                        problems.append(f"{rule}: now finds the known miss on line {line} of {where} "
                                        f"({a.why}): promote it from todo: to rules: in the sidecar")
                elif key == "fp":
                    if fires:
                        s.false_flags += 1
                    else:
                        s.fp_gone.append(f"{where}:{line}")
                        problems.append(f"{rule}: the known false flag on line {line} of {where} is gone "
                                        f"({a.why}): move it from fp: to ok: in the sidecar")
                elif fires:  # ok
                    s.new.append(f"{where}:{line}")
                    problems.append(f"{rule}: false flag on line {line} of {where}, a line marked ok: "
                                    f"{a.why}")
            for rule, line in sorted(found - set(marks), key=lambda x: (x[1], x[0])):
                at(rule).new.append(f"{where}:{line}")
                problems.append(f"{rule}: new finding on line {line} of {where} that the sidecar does not "
                                f"list: a new false flag (fix the rule, or record it under fp:) or a real "
                                f"problem (add it to rules:)")
    for rule in default_rules:
        if not at(rule).expected:
            problems.append(f"{rule}: no expected finding in the annotated corpora: the gate cannot tell "
                            f"if this rule is deleted or broken; annotate a line it should find")
    return RuleGate(dict(sorted(scores.items())), problems)


def opt_in_rules(corpora: dict[str, tuple[list, dict]], default_rules) -> list[str]:
    """The rules the annotations name that are off by default: each is gated in a run that
    selects it ("sharing.receipt-not-confirmed")."""
    named = {a.rule for notes, _ in corpora.values() for _, ann in notes
             for items in ann.values() for a in items}
    from notecheck.checker import ENGINE_CHECKS

    return sorted(named - set(default_rules) - set(ENGINE_CHECKS))


def rule_table(gate: RuleGate) -> str:
    lines = [f"{'rule':<38} {'expected':>8} {'found':>6} {'missed':>6} {'new':>4} {'known fp':>8} "
             f"{'todo':>5}  passes", "-" * 90]
    for s in gate.scores.values():
        bad = s.missed or s.new or s.todo_fired or s.fp_gone or not s.expected
        lines.append(f"{s.rule:<38} {s.expected:>8} {s.found:>6} {len(s.missed):>6} {len(s.new):>4} "
                     f"{s.false_flags:>8} {s.todo:>5}  {'NO' if bad else 'yes'}")
    return "\n".join(lines)


@dataclass
class BlindRuleCount:
    """A rule's findings on a set whose sidecars name categories (and maybe lines) only."""
    rule: str
    on_line: int = 0        # on a line the sidecar gives for the rule's category
    other_line: int = 0     # in a note that must be flagged for the category, on another line
                            # (or in such a note when the sidecar gives no lines)
    false_flag: int = 0     # in a note where the category is must_not_flag
    unlabelled: int = 0     # the category is in neither list


def blind_rule_counts(folder: Path, found: dict[str, set[tuple[str, int]]]) -> dict[str, BlindRuleCount]:
    """Per rule, where its findings fall against the category sidecars of a blind set
    (tests/heldout4: categories; tests/heldout5: categories with lines)."""
    counts: dict[str, BlindRuleCount] = {}
    for path, expect in corpus_notes(folder):
        sidecar = path.with_name(path.name[: -len(path.suffix)] + ".expect.yaml")
        raw = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
        must = raw.get("must_flag") or {}
        lines = {c: set(v or []) for c, v in must.items()} if isinstance(must, dict) else {c: set() for c in must}
        must_not = set(expect["must_not_flag"])
        for rule, line in found.get(path.name, set()):
            c = counts.setdefault(rule, BlindRuleCount(rule))
            category = rule.split(".", 1)[0]
            if category in lines:
                if line in lines[category]:
                    c.on_line += 1
                else:
                    c.other_line += 1
            elif category in must_not:
                c.false_flag += 1
            else:
                c.unlabelled += 1
    return dict(sorted(counts.items()))


def blind_rule_table(counts: dict[str, BlindRuleCount], with_lines: bool) -> str:
    first, second = ("on flagged line", "other line") if with_lines else ("must-flag note", "")
    lines = [f"{'rule':<38} {first:>15} {second:>10} {'must-not-flag':>13} {'unlabelled':>10}", "-" * 90]
    for c in counts.values():
        other = f"{c.other_line:>10}" if with_lines else " " * 10
        flagged = c.on_line if with_lines else c.on_line + c.other_line
        lines.append(f"{c.rule:<38} {flagged:>15} {other} {c.false_flag:>13} {c.unlabelled:>10}")
    return "\n".join(lines)
