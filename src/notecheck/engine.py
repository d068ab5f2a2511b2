"""Notes x rules -> diagnostics."""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from notecheck.config import Config
from notecheck.diagnostics import Diagnostic, Edit, Fix, Severity, file_diagnostic
from notecheck import fixes
from notecheck.kinds import KINDS
from notecheck.kinds.base import Finding, ParsedNote
from notecheck.masking import CATEGORY as MASKED_CATEGORY
from notecheck.masking import NoteMask, builtin_masking_rules, masked_id, sensitive_spans
from notecheck import nlp
from notecheck.nlp import TRAINED_NEEDS, Pipeline, load_pipeline
from notecheck.notes import InputProblem, Note
from notecheck.rules.model import Rule
from notecheck.suppressions import Suppressions

BATCH_SIZE = 64
# spaCy refuses texts over nlp.max_length (1,000,000 characters) and its memory grows with
# the text: a longer note is parsed in pieces of about this size, cut at a paragraph,
# line, sentence or word boundary, and its findings placed back in the whole note.
PIECE_SIZE = 100_000

INTERNAL_ERROR = "notecheck.internal-error"
# Marks a finding kept only to show that a suppression around a quote is used.
QUOTED = "_quoted"


def rule_needs(rule: Rule) -> set[str]:
    return KINDS[rule.kind].needs(rule)


@dataclass
class ExampleFailure:
    rule: str
    expected: str  # "fail" (should have been flagged) or "pass" (should not)
    example: str
    found: list[Diagnostic]
    span: str | None = None  # where the example says the finding is


class _Formatter(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Linter:
    """Runs a set of rules over notes with one spaCy pipeline built for them."""

    # Report suppression comments that hide nothing (--ignore notecheck.unused-suppression).
    report_unused_suppressions = True

    def __init__(self, rules: list[Rule], config: Config | None = None,
                 pipeline: Pipeline | None = None, *, mask: bool = True,
                 masking_rules: list[Rule] | None = None):
        """``mask=False`` shows personal data in full (--show-personal-data).
        ``masking_rules`` find identifiers to mask in every note (default: the built-in
        personal-data regex rules, whether or not they are selected)."""
        self.config = config or Config()
        self.mask = mask
        self.masking_rules = (list(masking_rules) if masking_rules is not None
                              else list(builtin_masking_rules()))
        self.needs: set[str] = set()
        for rule in rules:
            self.needs |= rule_needs(rule)
        # Loaded on first use, so a run served wholly from the cache never loads spaCy.
        self._pipeline = pipeline
        trained = pipeline.trained if pipeline is not None else nlp.find_model(self.config.model) is not None
        if trained:
            self.skipped: list[Rule] = []
            self.rules = list(rules)
        else:
            self.skipped = [r for r in rules if rule_needs(r) & TRAINED_NEEDS]
            self.rules = [r for r in rules if r not in self.skipped]
        self.accept = {a.lower() for a in self.config.accept}

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = load_pipeline(self.needs, self.config.model)
        return self._pipeline

    def warm(self) -> None:
        """Load the pipelines and compile every pattern the rules use now, not on first
        use: worker processes forked after this share them instead of each doing it."""
        self.pipeline
        if any("evidence" in rule_needs(rule) for rule in self.rules):
            nlp.load_evidence()
        for rule in [*self.rules, *self.masking_rules]:
            _compile_patterns(rule.compiled, set())
        list(self.pipeline.nlp.pipe(["Warm up: the first text parsed sets things up."]))

    @property
    def model_name(self) -> str:
        """The pipeline's name, without loading it."""
        if self._pipeline is not None:
            return self._pipeline.model
        return nlp.pipeline_name(self.needs, self.config.model)

    def lint(self, items: Iterable[tuple[str, Note | InputProblem]]) -> Iterator[Diagnostic]:
        """Diagnostics for each input in turn; within a note, in reading order. Goes
        through the one path (runner.check_items), without a cache."""
        from notecheck.runner import check_items

        yield from check_items(self, items)

    def parse_all(self, items: Iterable[tuple[str, Note | InputProblem]]
                  ) -> Iterator[tuple[str, list[ParsedNote] | InputProblem]]:
        """Parse the notes in batches with nlp.pipe; input problems pass through in order.
        Each note comes back as a list of parsed pieces: one, unless it is very long."""
        def stream():
            for path, item in items:
                if isinstance(item, InputProblem):
                    yield "", (path, item, 0, True)
                    continue
                cuts = list(pieces(item.text))
                for index, (start, end) in enumerate(cuts):
                    part = item if len(cuts) == 1 else piece_note(item, start, end)
                    yield part.text, (path, part, start, index == len(cuts) - 1)

        done: list[ParsedNote] = []
        for doc, (path, item, start, last) in self.pipeline.nlp.pipe(
                stream(), as_tuples=True, batch_size=BATCH_SIZE):
            if isinstance(item, InputProblem):
                yield path, item
                continue
            parsed = ParsedNote(item, doc, self.config)
            parsed.offset = start
            done.append(parsed)
            if last:
                yield path, done
                done = []

    def check(self, parsed: ParsedNote | list[ParsedNote], rules: list[Rule] | None = None
              ) -> list[Diagnostic]:
        rules = self.rules if rules is None else rules
        parts = parsed if isinstance(parsed, list) else [parsed]
        found, errors = self.findings(parts, rules)
        return self.diagnostics(whole_note(parts), found, rules, errors)

    def findings(self, parts: ParsedNote | list[ParsedNote], rules: list[Rule]
                 ) -> tuple[list[tuple[Rule, Finding]], list[tuple[Rule, BaseException]]]:
        """What each rule finds in the note, less accepted terms, exceptions and quotes; and
        the rules that failed on it. Each (note, rule) runs on its own: a rule that raises
        loses only its own findings for this note."""
        parts = parts if isinstance(parts, list) else [parts]
        found: list[tuple[Rule, Finding]] = []
        errors: list[tuple[Rule, BaseException]] = []
        seen: set = set()
        # With suppression comments in the note, a finding skipped only because it is
        # inside quotes is kept, marked, so that a suppression naming its rule around a
        # quoted example counts as used (and is not reported as unused).
        suppressible = "notecheck" in parts[0].note.text.lower()
        for rule in rules:
            kind = KINDS[rule.kind]
            try:
                for part in parts:
                    for finding in kind.check(part, rule):
                        if not self._keep(part, rule, finding):
                            if not (suppressible and self._quoted_only(part, rule, finding)):
                                continue
                            finding = dataclasses.replace(
                                finding, values={**finding.values, QUOTED: True})
                        if part.offset:
                            if finding.field is not None and part is not parts[0]:
                                continue  # a note-level finding is reported once
                            finding = dataclasses.replace(finding, start=finding.start + part.offset,
                                                          end=finding.end + part.offset)
                        key = (rule.id, finding.start, finding.end, finding.field)
                        if key not in seen:
                            seen.add(key)
                            found.append((rule, finding))
            except Exception as exc:  # noqa: BLE001 - isolation is the point
                found = [(r, f) for r, f in found if r is not rule]
                errors.append((rule, exc))
        quoted = [(r, f) for r, f in found if f.values.get(QUOTED)]
        if quoted:
            found = [(r, f) for r, f in found if not f.values.get(QUOTED)]
        return yield_to_precise(parts, longest_per_span(found)) + quoted, errors

    def diagnostics(self, note: Note, found: list[tuple[Rule, Finding]],
                    rules: list[Rule], errors: list[tuple[Rule, BaseException]] = (),
                    masking: list[tuple[int, int]] | None = None) -> list[Diagnostic]:
        """Findings -> diagnostics, less what inline suppressions hide, plus stale
        suppressions and one internal-error diagnostic for each rule that failed; personal
        data masked in every one. ``masking``: the note's masking_spans, when already known
        (the results cache keeps them)."""
        errors = list(errors)
        suppressions = Suppressions.parse(note.text)
        quoted = [(r, f) for r, f in found if f.values.get(QUOTED)]
        if quoted:
            found = [(r, f) for r, f in found if not f.values.get(QUOTED)]
        if suppressions is not None:
            for rule, finding in quoted:  # never reported; only marks the suppression used
                suppressions.hides(rule.id, finding.start, finding.end)
            found = [(rule, finding) for rule, finding in found
                     if not suppressions.hides(rule.id, finding.start, finding.end)]
        ends = sentence_ends(note.text) if found else []
        masker = self._masker(note, found, masking)
        note_id = self._note_id(note, masker)
        out = []
        for rule, finding in found:
            try:
                out.append(self._diagnostic(note, rule, finding, masker, ends, note_id))
            except Exception as exc:  # noqa: BLE001 - a broken message template, say
                errors.append((rule, exc))
        if suppressions is not None and self.report_unused_suppressions:
            out.extend(suppressions.unused(note, [r.id for r in rules]))
        reported = set()
        for rule, exc in errors:
            if rule.id not in reported:
                reported.add(rule.id)
                out.append(internal_error(note, rule.id, exc, self.masking_rules if self.mask else None))
        return sorted(out, key=Diagnostic.sort_key)

    def masking_spans(self, note: Note) -> list[tuple[int, int]]:
        """Where the masking rules find identifiers in the note. They read only the text
        and metadata, so no parse is needed (the cache rebuilds diagnostics without one)."""
        return sensitive_spans(ParsedNote(note, None, self.config), self.masking_rules)

    def _masker(self, note: Note, kept: list, masking: list[tuple[int, int]] | None = None
                ) -> NoteMask | None:
        """What to hide in this note's diagnostics: identifiers anywhere in the note, and
        whatever the personal-data rules found (names included)."""
        if not self.mask or not kept:
            return None
        personal = [f for rule, f in kept if rule.category == MASKED_CATEGORY]
        spans = [(f.start, f.end) for f in personal] + (
            self.masking_spans(note) if masking is None else list(masking))
        values = [f.values["match"] for f in personal if isinstance(f.values.get("match"), str)]
        return NoteMask(note.text, spans, values) if spans or values else None

    def parse(self, note: Note) -> list[ParsedNote]:
        return next(parsed for _, parsed in self.parse_all([(note.path, note)]))

    def _quoted_only(self, parsed: ParsedNote, rule: Rule, finding: Finding) -> bool:
        """True when the finding was left out only because it is inside quotes."""
        matched = parsed.text[finding.start:finding.end]
        return (rule.skip_quoted and matched.lower() not in self.accept
                and not rule.is_exception(matched) and parsed.in_quotes(finding.start, finding.end))

    def _keep(self, parsed: ParsedNote, rule: Rule, finding: Finding) -> bool:
        matched = parsed.text[finding.start:finding.end]
        if matched.lower() in self.accept or rule.is_exception(matched):
            return False
        return not (rule.skip_quoted and parsed.in_quotes(finding.start, finding.end))

    def _note_id(self, note: Note, masker: NoteMask | None) -> str | None:
        """The note's id as every diagnostic about it shows it (masked)."""
        note_id = note.id
        if masker is not None:
            note_id = masker.free_text(note_id)
        if self.mask:
            note_id = masked_id(note_id, self.masking_rules)
        return note_id

    def _diagnostic(self, note: Note, rule: Rule, finding: Finding,
                    masker: NoteMask | None = None,
                    sentence_ends: list[int] | None = None, note_id: str | None = None) -> Diagnostic:
        matched = note.text[finding.start:finding.end]
        suggestion = finding.suggestion if finding.suggestion is not None else rule.suggestion
        values = _Formatter(match=matched, suggestion=suggestion or "")
        values.update(finding.values)  # a finding about a metadata field gives its own {match}
        message = (finding.message or rule.message).format_map(values)
        excerpt = None
        if finding.field is not None and finding.field in note.meta_positions:
            line, column = end_line, end_column = note.meta_positions[finding.field]
        else:
            excerpt = note.line_text(finding.start)
            line, column = note.position(finding.start)
            end_line, end_column = note.position(finding.end)
        line_start = note.text.rfind("\n", 0, finding.start) + 1
        # Where the excerpt would start if it ran column for column with the file; a CSV
        # cell's doubled quotes or a JSON escape before the finding would shift it.
        excerpt_column = (column - (finding.start - line_start) if excerpt is not None
                          else note.position(line_start)[1])
        if note_id is None:
            note_id = self._note_id(note, masker)
        if masker is not None:
            message, suggestion = masker.free_text(message), masker.free_text(suggestion)
            excerpt = masker.line(excerpt, line_start) if excerpt is not None else None
        fix = None
        if rule.fix != "none" and finding.replacement is not None and excerpt is not None:
            new_text = fixes.cased(matched, finding.replacement,
                                   fixes.sentence_start(note.text, finding.start))
            # A fix never shows (or writes) personal data that the masking hides.
            if masker is None or masker.free_text(new_text) == new_text:
                fix = Fix(rule.fix, (Edit(line, column, end_line, end_column, new_text),))
        return Diagnostic(path=note.path, note=note_id, line=line, column=column,
                          end_line=end_line, end_column=end_column, rule=rule.id,
                          category=rule.category, severity=finding.severity or rule.severity,
                          message=message,
                          suggestion=suggestion, excerpt=excerpt,
                          excerpt_column=excerpt_column,
                          fingerprint=fingerprint(note, rule.id, finding, sentence_ends),
                          fix=fix)

    def run_examples(self, rule: Rule) -> list[ExampleFailure]:
        """A rule's own examples, through the one path (runner.check_items): each 'fail'
        must be flagged by it, each 'pass' must not."""
        import copy

        from notecheck.notes.text import parse_text
        from notecheck.runner import check_items

        alone = copy.copy(self)
        alone.rules = [rule]
        alone.report_unused_suppressions = False
        failures = []
        spans = dict(enumerate(rule.fail_spans))
        for expected, examples in (("fail", rule.fail_examples), ("pass", rule.pass_examples)):
            for index, example in enumerate(examples):
                note = parse_text("<example>", example)
                found = list(check_items(alone, [("<example>", note)]))
                mine = [d for d in found if d.rule == rule.id]
                broken = any(d.rule == INTERNAL_ERROR for d in found)
                if expected == "fail" and index in spans:
                    ok = any(covered(note, example, d) == spans[index] for d in mine)
                else:
                    ok = bool(mine) == (expected == "fail")
                if broken or not ok:
                    failures.append(ExampleFailure(rule.id, expected, example, found,
                                                   spans.get(index) if expected == "fail" else None))
        return failures


def _compile_patterns(value, seen: set[int], depth: int = 0) -> None:
    """Compile each GuardedPattern in a rule's compiled form (dicts, lists, objects). Term
    lists (tens of thousands of tuples of string hashes) and other libraries' objects
    (the readability rule's hyphenation dictionary) hold no pattern and are not walked."""
    from notecheck.kinds.base import GuardedPattern
    from notecheck.kinds.terms import Terms

    if isinstance(value, (str, bytes, int, float, bool, Terms)) or value is None or depth > 6 \
            or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, GuardedPattern):
        value.compiled
    elif isinstance(value, dict):
        for item in value.values():
            _compile_patterns(item, seen, depth + 1)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _compile_patterns(item, seen, depth + 1)
    elif hasattr(value, "__dict__") and not isinstance(value, type) \
            and type(value).__module__.startswith("notecheck."):
        for item in vars(value).values():
            _compile_patterns(item, seen, depth + 1)


def covered(note: Note, example: str, d: Diagnostic) -> str:
    """The text of an example that a diagnostic covers ("" for a finding placed at the
    note's start with no width, as a whole-note finding is)."""
    lines = note.text.split("\n")
    first = note.line_map.start_line

    def offset(line: int, column: int) -> int:
        index = line - first
        return sum(len(x) + 1 for x in lines[:index]) + column - 1

    start, end = offset(d.line, d.column), offset(d.end_line, d.end_column)
    return note.text[start:end]


def yield_to_precise(parts: list[ParsedNote], found: list[tuple[Rule, Finding]]
                     ) -> list[tuple[Rule, Finding]]:
    """Drop a finding of a rule with ``yields_to`` when, in the same sentence, one of the
    rules it names has a finding: one problem, one finding (the more precise one)."""
    if not any(rule.yields_to for rule, _ in found):
        return found
    bounds = sorted((part.offset + s.start_char, part.offset + s.end_char)
                    for part in parts for s in part.layout.sentences)
    starts = [start for start, _ in bounds]

    def sentence(finding: Finding):
        """The (start, end) of the sentence the finding starts in; None for a field."""
        index = bisect.bisect_right(starts, finding.start) - 1
        if finding.field is not None or index < 0 or finding.start >= bounds[index][1]:
            return None
        return bounds[index]

    placed = [(rule, finding, sentence(finding)) for rule, finding in found]
    where: dict[str, set] = {}
    for rule, _, place in placed:
        where.setdefault(rule.id, set()).add(place)
    return [(rule, finding) for rule, finding, place in placed
            if not (rule.yields_to and place is not None
                    and any(place in where.get(other, ()) for other in rule.yields_to))]


def longest_per_span(found: list[tuple[Rule, Finding]]) -> list[tuple[Rule, Finding]]:
    """At most one finding per rule per stretch of text: when one rule's findings overlap
    (overlapping terms, "respite" and "respite care"; or one term matched by two patterns),
    the longest is kept (the first, when they are as long)."""
    spans: dict[str, list[Finding]] = {}
    for rule, finding in found:
        if finding.field is None and finding.end > finding.start:
            spans.setdefault(rule.id, []).append(finding)
    dropped: set[int] = set()
    for findings in spans.values():
        if len(findings) < 2:
            continue
        ordered = sorted(findings, key=lambda f: (-(f.end - f.start), f.start))
        starts: list[int] = []  # the kept spans, which never overlap, by start
        ends: list[int] = []
        for finding in ordered:
            index = bisect.bisect_left(starts, finding.end) - 1
            if index >= 0 and ends[index] > finding.start:
                dropped.add(id(finding))
                continue
            starts.insert(index + 1, finding.start)
            ends.insert(index + 1, finding.end)
    if not dropped:
        return found
    return [(rule, finding) for rule, finding in found if id(finding) not in dropped]


def pieces(text: str, size: int = PIECE_SIZE) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces a note is parsed in: the whole note when it is short;
    otherwise pieces of at most ``size`` characters, each cut after the last paragraph
    break, line break, sentence end or space in its second half (a run of characters with
    none of these is cut where it must be)."""
    start, length = 0, len(text)
    while length - start > size:
        limit = start + size
        cut = -1
        for mark in ("\n\n", "\n", ". ", " "):
            found = text.rfind(mark, start + size // 2, limit)
            if found != -1:
                cut = found + len(mark)
                break
        end = cut if cut > start else limit
        yield start, end
        start = end
    yield start, length


def piece_note(note: Note, start: int, end: int) -> Note:
    """Part of a long note, as a note of its own (same metadata), for parsing and rules."""
    piece = Note(path=note.path, text=note.text[start:end], meta=note.meta, id=note.id,
                 meta_positions=note.meta_positions)
    piece.whole = note
    return piece


def whole_note(parts: list[ParsedNote]) -> Note:
    note = parts[0].note
    return getattr(note, "whole", note)


def internal_error(note: Note, rule_id: str, exc: BaseException, masking_rules=None) -> Diagnostic:
    """A rule that failed on a note: said once, at the note's start, naming the rule and
    the kind of error, never the note's text (an exception's message may quote it)."""
    from notecheck.kinds.base import RuleTimeout

    line, column = note.position(0)
    if isinstance(exc, RuleTimeout):
        message = (f"The rule {rule_id} took too long on this note ({exc}) and was stopped, so "
                   "this note was not checked for it. Simplify the rule's pattern, or report it "
                   "to whoever maintains the rule.")
    else:
        message = (f"The rule {rule_id} failed on this note ({type(exc).__name__}), so this note "
                   "was not checked for it; the other rules and notes were. This is a bug in "
                   "notecheck or in the rule: please report it with the rule id (not the note).")
    note_id = masked_id(note.id, masking_rules) if masking_rules is not None else note.id
    return Diagnostic(path=note.path, note=note_id, line=line, column=column, end_line=line,
                      end_column=column, rule=INTERNAL_ERROR, category="notecheck",
                      severity=Severity.ERROR, message=message)


_SENTENCE_END = re.compile(r"[.!?]+(?=\s)|\n\s*\n")


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end, and the end of the text."""
    return [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]


def fingerprint(note: Note, rule_id: str, finding: Finding, ends: list[int] | None = None) -> str:
    """A stable hash of where a finding is, for baselines: the rule, the note (its id, or
    the file when it has none) and the finding's sentence, lower-cased with spaces
    collapsed. Line numbers are left out so moving a note or editing another line keeps
    it; the sentence is hashed so a baseline never holds note text."""
    text = note.text
    prefix = f"{rule_id}\0{note.id if note.id is not None else note.path}\0"
    if finding.field is not None:
        return hashlib.sha256(f"{prefix}@{finding.field}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
    ends = ends or sentence_ends(text)
    index = bisect.bisect_right(ends, finding.start)
    left = ends[index - 1] if index else 0
    right = ends[min(bisect.bisect_left(ends, finding.end), len(ends) - 1)]
    digest = _sentence_digest(prefix, text, left, right).copy()
    digest.update(" ".join(text[finding.start:finding.end].split()).lower().encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


@lru_cache(maxsize=16)
def _sentence_digest(prefix: str, text: str, left: int, right: int):
    """The hash so far of rule, note and sentence: many findings in one long sentence (a
    note with no full stops) hash it once, not once each."""
    sentence = " ".join(text[left:right].split()).lower()
    return hashlib.sha256(f"{prefix}{sentence}\0".encode("utf-8", "surrogatepass"))


def problem_diagnostic(path: str, problem: InputProblem, masking_rules=None) -> Diagnostic:
    """An input problem as a diagnostic, with a fingerprint so a baseline can hold it.
    ``masking_rules`` (None: show personal data): mask the note id as findings do."""
    key = "\0".join((problem.rule, problem.note or path, str(problem.line), problem.message))
    note_id = problem.note
    if note_id is not None and masking_rules is not None:
        note_id = masked_id(note_id, masking_rules)
    diagnostic = file_diagnostic(path, problem.rule, problem.message, line=problem.line,
                                 column=problem.column, severity=Severity(problem.severity),
                                 note=note_id)
    return dataclasses.replace(diagnostic,
                               fingerprint=hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32])
