"""Fixes: the text a finding can be replaced with, and applying fixes to a file.

A kind gives ``Finding.replacement`` when its suggestion is literally the text to put in
("start" for "commence"); the engine turns it into a ``Fix`` (an edit of the finding's
span) when the rule's ``fix:`` is safe or unsafe. This module holds the pieces that are
the same for every kind (is a suggestion literal text? which capital letter?) and the
pieces every surface uses to apply fixes: ``check --fix`` / ``--diff`` and the language
server's quick fixes.

Applying: fixes are taken in the order of their position; one that overlaps a fix already
taken is dropped for this pass, the text is checked again and the fixes found then are
applied, until nothing is left to fix (at most ``MAX_PASSES`` passes). The findings that
remain are those of the last check, so their positions are right for the fixed text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from notecheck.diagnostics import Diagnostic, Edit, Fix

MAX_PASSES = 10
# The files check --fix may rewrite: plain text and Markdown notes. Exports (CSV, TSV,
# JSON Lines, JSON) and .docx files belong to the system that made them.
REWRITABLE = (".txt", ".md")

# "Write 'phone call'." / 'Write "family time".': the suggestion names one text to write.
_WRITE_ONE = re.compile(r"""Write\s+(?:"([^"]+)"|'([^']+)'|“([^”]+)”|‘([^’]+)’)\.?""")
# A bare plain alternative: lower-case words, with no list of choices ("help, or
# arrange", "to, or for") and no sentence of advice.
_BARE = re.compile(r"[a-z][a-z' -]*")


@lru_cache(maxsize=4096)
def literal(suggestion: str | None) -> str | None:
    """The text a suggestion says to write instead, when it gives exactly one: "start",
    "make sure", "Write 'phone call'.". None for advice ("Describe what you saw") and for
    a choice of alternatives ("carry out, or put in place")."""
    if not suggestion:
        return None
    text = " ".join(suggestion.split())
    match = _WRITE_ONE.fullmatch(text)
    if match:
        return next(g for g in match.groups() if g is not None).strip() or None
    if _BARE.fullmatch(text) and not re.search(r"\bor\b", text):
        return text
    return None


_SENTENCE_OPENING = re.compile(r"""[ \t]*(?:(?:[#>*+-]+|\d+[.)])[ \t]+)*(?:\*\*|__|[*_])?["'“‘(\[]?""")
_AFTER_SENTENCE_END = re.compile(r"""[.!?:][ \t]+(?:\*\*|__)?["'“‘(\[]?$""")


def sentence_start(text: str, offset: int) -> bool:
    """Does a sentence (or a line, heading or list item) start at this offset?"""
    line_start = text.rfind("\n", 0, offset) + 1
    before = text[line_start:offset]
    return bool(_SENTENCE_OPENING.fullmatch(before) or _AFTER_SENTENCE_END.search(before))


def cased(matched: str, replacement: str, at_sentence_start: bool) -> str:
    """The replacement with the matched text's capital letter: "Commence" -> "Start".
    An abbreviation written in capitals ("T/C", "LAC") is capitalised only where it starts a
    sentence; a replacement with capitals of its own ("National Referral Mechanism") is
    left as it is."""
    letters = [c for c in matched if c.isalpha()]
    if not letters or not replacement or not matched[:1].isupper() or replacement[:1].isupper():
        return replacement
    abbreviation = len(letters) > 1 and all(c.isupper() for c in letters)
    if abbreviation and not at_sentence_start:
        return replacement
    return replacement[:1].upper() + replacement[1:]


# -- applying edits ----------------------------------------------------------------------

_NEWLINE = re.compile(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets where each line of the text starts (any of \\n, \\r\\n, \\r ends a line)."""
    return [0] + [m.end() for m in _NEWLINE.finditer(text)]


def offsets(edit: Edit, starts: list[int], length: int) -> tuple[int, int]:
    """An edit's (start, end) character offsets in the text whose line starts are given."""
    def at(line: int, column: int) -> int:
        if not 1 <= line <= len(starts):
            raise ValueError(f"line {line} is outside the text")
        return min(starts[line - 1] + column - 1, length)

    start, end = at(edit.line, edit.column), at(edit.end_line, edit.end_column)
    if end < start:
        raise ValueError("an edit ends before it starts")
    return start, end


def apply(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """The text with the fixes applied, and how many were. A fix whose edits overlap one
    already taken (in order of position) is left for the next pass; a fix that would
    change nothing is not counted."""
    starts = line_starts(text)
    taken: list[tuple[int, int, str]] = []
    count = 0
    located = []
    for index, fix in enumerate(fixes):
        try:
            spans = [(*offsets(e, starts, len(text)), e.new_text) for e in fix.edits]
        except ValueError:
            continue
        if spans:
            located.append((min(s for s, _, _ in spans), index, spans))
    for _, _, spans in sorted(located, key=lambda item: item[:2]):
        if any(_overlap(a, b) for a in spans for b in taken):
            continue
        if all(text[s:e] == new for s, e, new in spans):
            continue
        taken.extend(spans)
        count += 1
    for start, end, new in sorted(taken, reverse=True):
        text = text[:start] + new + text[end:]
    return text, count


def _overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    return (a[0] < b[1] and b[0] < a[1]) or a[0] == b[0]


def applicable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    fix = diagnostic.fix
    return fix is not None and (fix.applicability == "safe" or unsafe)


@dataclass
class Fixed:
    """One text after fixing: the new text, how many fixes went in, and the findings that
    remain (from checking the fixed text)."""

    text: str
    count: int
    diagnostics: list[Diagnostic]
    first: list[Diagnostic] = field(default_factory=list)  # the findings before any fix


def fix_text(check: Callable[[str], list[Diagnostic]], text: str, unsafe: bool = False) -> Fixed:
    """Apply every applicable fix to ``text``, checking again after each pass."""
    diagnostics = first = check(text)
    count = 0
    for _ in range(MAX_PASSES):
        fixes = [d.fix for d in diagnostics if applicable(d, unsafe)]
        if not fixes:
            break
        new_text, applied = apply(text, fixes)
        if not applied or new_text == text:
            break
        text, count = new_text, count + applied
        diagnostics = check(text)
    return Fixed(text, count, diagnostics, first)


# -- files -------------------------------------------------------------------------------

class NotRewritten(Exception):
    """A file check --fix leaves alone, and why."""


def rewritable(path: str) -> bool:
    return path != "-" and Path(path).suffix.lower() in REWRITABLE


def read_for_fixing(path: str) -> tuple[str, bool]:
    """A note file's text as it is on disk (line endings kept) and whether it starts with
    a UTF-8 byte order mark. Only UTF-8 files are rewritten."""
    data = Path(path).read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8-sig"), bom
    except UnicodeDecodeError:
        raise NotRewritten("it is not UTF-8; save it as UTF-8 and run --fix again") from None


def write_fixed(path: str, text: str, bom: bool) -> None:
    from notecheck.files import write_atomic

    write_atomic(Path(path), ("\ufeff" if bom else "") + text)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(difflib.unified_diff(before.splitlines(keepends=True),
                                        after.splitlines(keepends=True),
                                        fromfile=path, tofile=path))


def masked(text: str, diagnostics: Iterable[Diagnostic], masking_rules) -> str:
    """The text with personal data shown only by its shape, as every output shows it: the
    identifiers the masking rules find, and what the personal-data rules reported. Masks
    keep the length, so a diff of masked texts lines up with the real one."""
    from notecheck.identifiers import mask
    from notecheck.kinds.base import ParsedNote
    from notecheck.masking import CATEGORY, sensitive_spans
    from notecheck.notes import Note

    spans = sensitive_spans(ParsedNote(Note(path="<fix>", text=text), None), masking_rules)
    starts = line_starts(text)
    for d in diagnostics:
        if d.category == CATEGORY and d.excerpt is not None:
            try:
                spans.append(offsets(Edit(d.line, d.column, d.end_line, d.end_column, ""),
                                     starts, len(text)))
            except ValueError:
                continue
    chars = list(text)
    for start, end in spans:
        chars[start:end] = mask(text[start:end])
    return "".join(chars)


@dataclass
class FixRun:
    """What check --fix (or --diff) did to a run's files."""

    diagnostics: list[Diagnostic] = field(default_factory=list)  # what remains, in order
    fixed: int = 0                       # fixes applied (or, with --diff, that would be)
    files: list[str] = field(default_factory=list)  # the files changed (or that would be)
    diffs: list[str] = field(default_factory=list)
    not_rewritten: int = 0               # fixable findings in exports, .docx, stdin
    problems: list[str] = field(default_factory=list)  # files that could not be fixed

    @property
    def unsafe_left(self) -> int:
        return sum(1 for d in self.diagnostics if d.fix is not None and d.fix.applicability == "unsafe")

    def messages(self, unsafe: bool, diff: bool) -> list[str]:
        """What to tell the user afterwards, in plain English."""
        def n(count: int, word: str) -> str:
            return f"{count} {word}{'s' if count != 1 else ''}"

        out = list(self.problems)
        if diff:
            out.append(f"{n(self.fixed, 'finding')} in {n(len(self.files), 'file')} would be fixed; "
                       "nothing was written (run --fix to apply).")
        else:
            out.append(f"fixed {n(self.fixed, 'finding')} in {n(len(self.files), 'file')}.")
        if self.not_rewritten:
            out.append(f"info: {n(self.not_rewritten, 'finding')} with a fix {'is' if self.not_rewritten == 1 else 'are'} "
                       "in exports (CSV, TSV, JSON Lines, JSON), .docx files or standard input, which "
                       "notecheck never rewrites: only .txt and .md files are fixed. Correct those "
                       "in the system they came from.")
        if not unsafe and self.unsafe_left:
            out.append(f"{n(self.unsafe_left, 'more finding')} {'has' if self.unsafe_left == 1 else 'have'} "
                       "a fix that a person should judge (the wording may change the meaning): "
                       "see them with --diff --unsafe-fixes, apply them with --fix --unsafe-fixes.")
        return out


def fix_paths(checker, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False,
              write: bool = True) -> FixRun:
    """Apply the fixes found in a run (``write=False``: only make the diffs). Each .txt or
    .md file with something to fix is read again, fixed pass by pass and checked again;
    its findings are replaced by those that remain. Other files keep their findings."""
    run = FixRun()
    groups: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        groups.setdefault(d.path, []).append(d)
    # One note at a time is checked again: worker processes would only cost their start-up.
    jobs, checker.options.jobs = checker.options.jobs, 1
    try:
        _fix_groups(checker, groups, run, unsafe, write)
    finally:
        checker.options.jobs = jobs
    return run


def _fix_groups(checker, groups: dict[str, list[Diagnostic]], run: FixRun, unsafe: bool,
                write: bool) -> None:
    for path, found in groups.items():
        wanted = [d for d in found if applicable(d, unsafe)]
        if not wanted:
            run.diagnostics.extend(found)
            continue
        if not rewritable(path):
            run.not_rewritten += len(wanted)
            run.diagnostics.extend(found)
            continue
        try:
            text, bom = read_for_fixing(path)
            result = fix_text(lambda t: checker.check_text(t, path=path), text, unsafe)
            if result.count and write:
                write_fixed(path, result.text, bom)
        except (OSError, NotRewritten) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            run.problems.append(f"{path}: not fixed: {why}.")
            run.diagnostics.extend(found)
            continue
        if not result.count:
            run.diagnostics.extend(found)
            continue
        run.fixed += result.count
        run.files.append(path)
        run.diagnostics.extend(result.diagnostics)
        if not write:
            rules = checker.rules_for(checker.config_for(path)).linter
            before, after = text, result.text
            if rules.mask:
                before = masked(before, result.first, rules.masking_rules)
                after = masked(after, result.diagnostics, rules.masking_rules)
            run.diffs.append(unified_diff(path, before, after))
