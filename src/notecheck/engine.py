"""Notes x rules -> diagnostics."""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from notecheck.config import Config
from notecheck.diagnostics import Diagnostic, Severity, file_diagnostic
from notecheck.kinds import KINDS
from notecheck.kinds.base import Finding, ParsedNote
from notecheck.masking import CATEGORY as MASKED_CATEGORY
from notecheck.masking import NoteMask, builtin_masking_rules, masked_id, sensitive_spans
from notecheck.nlp import TRAINED_NEEDS, Pipeline, load_pipeline
from notecheck.notes import InputProblem, Note
from notecheck.rules.model import Rule
from notecheck.suppressions import Suppressions

BATCH_SIZE = 64


def rule_needs(rule: Rule) -> set[str]:
    return KINDS[rule.kind].needs(rule)


@dataclass
class ExampleFailure:
    rule: str
    expected: str  # "fail" (should have been flagged) or "pass" (should not)
    example: str
    found: list[Diagnostic]


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
        needs: set[str] = set()
        for rule in rules:
            needs |= rule_needs(rule)
        self.pipeline = pipeline or load_pipeline(needs, self.config.model)
        if self.pipeline.trained:
            self.skipped: list[Rule] = []
            self.rules = list(rules)
        else:
            self.skipped = [r for r in rules if rule_needs(r) & TRAINED_NEEDS]
            self.rules = [r for r in rules if r not in self.skipped]
        self.accept = {a.lower() for a in self.config.accept}

    def lint(self, items: Iterable[tuple[str, Note | InputProblem]]) -> Iterator[Diagnostic]:
        """Diagnostics for each input in turn; within a note, in reading order."""
        for path, item in self.parse_all(items):
            if isinstance(item, InputProblem):
                yield problem_diagnostic(path, item)
            else:
                yield from self.check(item)

    def parse_all(self, items: Iterable[tuple[str, Note | InputProblem]], n_process: int = 1
                  ) -> Iterator[tuple[str, ParsedNote | InputProblem]]:
        """Parse the notes in batches with nlp.pipe; input problems pass through in order.
        ``n_process`` > 1 spreads the parsing over spaCy's own worker processes."""
        stream = ((item.text if isinstance(item, Note) else "", (path, item)) for path, item in items)
        for doc, (path, item) in self.pipeline.nlp.pipe(stream, as_tuples=True, batch_size=BATCH_SIZE,
                                                        n_process=n_process):
            yield path, item if isinstance(item, InputProblem) else ParsedNote(item, doc, self.config)

    def check(self, parsed: ParsedNote, rules: list[Rule] | None = None) -> list[Diagnostic]:
        rules = self.rules if rules is None else rules
        return self.diagnostics(parsed.note, self.findings(parsed, rules), rules)

    def findings(self, parsed: ParsedNote, rules: list[Rule]) -> list[tuple[Rule, Finding]]:
        """What each rule finds in the note, less accepted terms, exceptions and quotes."""
        return [(rule, finding) for rule in rules
                for finding in KINDS[rule.kind].check(parsed, rule)
                if self._keep(parsed, rule, finding)]

    def diagnostics(self, note: Note, found: list[tuple[Rule, Finding]],
                    rules: list[Rule]) -> list[Diagnostic]:
        """Findings -> diagnostics, less what inline suppressions hide, plus stale
        suppressions; personal data masked in every one."""
        suppressions = Suppressions.parse(note.text)
        if suppressions is not None:
            found = [(rule, finding) for rule, finding in found
                     if not suppressions.hides(rule.id, finding.start, finding.end)]
        ends = sentence_ends(note.text) if found else []
        masker = self._masker(note, found)
        out = [self._diagnostic(note, rule, finding, masker, ends) for rule, finding in found]
        if suppressions is not None and self.report_unused_suppressions:
            out.extend(suppressions.unused(note, [r.id for r in rules]))
        return sorted(out, key=Diagnostic.sort_key)

    def _masker(self, note: Note, kept: list) -> NoteMask | None:
        """What to hide in this note's diagnostics: identifiers anywhere in the note, and
        whatever the personal-data rules found (names included)."""
        if not self.mask or not kept:
            return None
        personal = [f for rule, f in kept if rule.category == MASKED_CATEGORY]
        # The masking rules read only the text and metadata, so no parse is needed (the
        # cache rebuilds diagnostics without one).
        spans = [(f.start, f.end) for f in personal] + sensitive_spans(
            ParsedNote(note, None, self.config), self.masking_rules)
        values = [f.values["match"] for f in personal if isinstance(f.values.get("match"), str)]
        return NoteMask(note.text, spans, values) if spans or values else None

    def parse(self, note: Note) -> ParsedNote:
        return ParsedNote(note, self.pipeline.nlp(note.text), self.config)

    def _keep(self, parsed: ParsedNote, rule: Rule, finding: Finding) -> bool:
        matched = parsed.text[finding.start:finding.end]
        if matched.lower() in self.accept or rule.is_exception(matched):
            return False
        return not (rule.skip_quoted and parsed.in_quotes(finding.start, finding.end))

    def _diagnostic(self, note: Note, rule: Rule, finding: Finding,
                    masker: NoteMask | None = None,
                    sentence_ends: list[int] | None = None) -> Diagnostic:
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
        note_id = note.id
        if masker is not None:
            message, suggestion = masker.free_text(message), masker.free_text(suggestion)
            excerpt = masker.line(excerpt, line_start) if excerpt is not None else None
            note_id = masker.free_text(note_id)
        if self.mask:
            note_id = masked_id(note_id, self.masking_rules)
        return Diagnostic(path=note.path, note=note_id, line=line, column=column,
                          end_line=end_line, end_column=end_column, rule=rule.id,
                          category=rule.category, severity=finding.severity or rule.severity,
                          message=message,
                          suggestion=suggestion, excerpt=excerpt,
                          excerpt_column=excerpt_column,
                          fingerprint=fingerprint(note, rule.id, finding, sentence_ends))

    def run_examples(self, rule: Rule) -> list[ExampleFailure]:
        """A rule's own examples: each 'fail' must be flagged by it, each 'pass' must not."""
        from notecheck.notes.text import parse_text

        failures = []
        for expected, examples in (("fail", rule.fail_examples), ("pass", rule.pass_examples)):
            for example in examples:
                found = self.check(self.parse(parse_text("<example>", example)), [rule])
                if bool(found) != (expected == "fail"):
                    failures.append(ExampleFailure(rule.id, expected, example, found))
        return failures


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
    if finding.field is not None:
        where = "@" + finding.field
    else:
        ends = ends or sentence_ends(text)
        index = bisect.bisect_right(ends, finding.start)
        left = ends[index - 1] if index else 0
        right = ends[min(bisect.bisect_left(ends, finding.end), len(ends) - 1)]
        sentence = " ".join(text[left:right].split()).lower()
        where = sentence + "\0" + " ".join(text[finding.start:finding.end].split()).lower()
    key = "\0".join((rule_id, note.id if note.id is not None else note.path, where))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def problem_diagnostic(path: str, problem: InputProblem) -> Diagnostic:
    return file_diagnostic(path, problem.rule, problem.message, line=problem.line,
                           column=problem.column, severity=Severity(problem.severity),
                           note=problem.note)
