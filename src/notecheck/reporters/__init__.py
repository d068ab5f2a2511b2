"""Reporters: they only see finished diagnostics and the run's summary."""

from __future__ import annotations

import json as _json  # not "json": the json reporter module would shadow it
import re
from collections import Counter
from dataclasses import dataclass, field

from notecheck.diagnostics import Diagnostic

# Characters a note (or a file name) may hold that must never reach a terminal, a CI log or
# an XML file raw: C0 and C1 controls (ESC starts a terminal escape sequence, CR and
# backspace overwrite what was shown), DEL, bidirectional overrides and isolates (they
# reorder what is shown), lone surrogates (a file name that is not UTF-8: they cannot be
# written at all) and the non-characters U+FFFE, U+FFFF. Tab and line feed are kept
# unless ``lines=False``.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff"
UNSAFE = re.compile(f"[{_UNSAFE}]")
UNSAFE_IN_A_LINE = re.compile(f"[\\n{_UNSAFE}]")


def escaped(char: str) -> str:
    """A character as an escape that shows what it was: ESC as \\x1b, CR as \\r, U+202E as \\u202e."""
    if char in "\r\n":
        return "\\r" if char == "\r" else "\\n"
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, lines: bool = True) -> str:
    """``text`` with every unsafe character written as an escape, so note text shown in
    the output can never drive the terminal or break the file."""
    return (UNSAFE if lines else UNSAFE_IN_A_LINE).sub(lambda m: escaped(m.group()), text)


def json_text(document) -> str:
    """A JSON document, non-ASCII text written as itself except the unsafe characters,
    which JSON escapes as \\u001b (json leaves DEL, C1 controls, bidi overrides and lone
    surrogates raw; a lone surrogate cannot even be written as UTF-8). The escapes read
    back as the same text."""
    try:
        text = indented_json(document)
    except _Unusual:
        text = _json.dumps(document, indent=2, ensure_ascii=False)
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _Unusual(Exception):
    """A value indented_json leaves to the json module (a key that is not a string, a
    type json would ask ``default`` about, a float that is not finite)."""


def indented_json(document) -> str:
    """``json.dumps(document, indent=2, ensure_ascii=False)``, character for character, for
    documents of dicts with string keys, lists, tuples, strings, numbers, booleans and None;
    raises _Unusual for anything else. The json module indents in pure Python, one
    generator per container: for an export's 4,000 findings that was 0.08 s, an eighth of
    re-checking it from the cache; this writes the same text in about a third of the time."""
    out: list[str] = []
    _write(document, "\n", out)
    return "".join(out)


_STRING = _json.encoder.encode_basestring  # the C version, as json.dumps uses it here
_INFINITY = float("inf")


def _write(value, newline: str, out: list) -> None:
    kind = type(value)
    if kind is str:
        out.append(_STRING(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif kind is int:
        out.append(int.__repr__(value))
    elif kind is float:
        if value != value or value in (_INFINITY, -_INFINITY):
            raise _Unusual
        out.append(float.__repr__(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        first = True
        for key, item in value.items():
            if type(key) is not str:
                raise _Unusual
            head = ("{" if first else ",") + inner + _STRING(key) + ": "
            first = False
            kind = type(item)  # the usual values written here, without a call
            if kind is str:
                out.append(head + _STRING(item))
            elif kind is int:
                out.append(head + int.__repr__(item))
            elif item is None:
                out.append(head + "null")
            else:
                out.append(head)
                _write(item, inner, out)
        out.append(newline + "}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        first = True
        for item in value:
            out.append(("[" if first else ",") + inner)
            first = False
            _write(item, inner, out)
        out.append(newline + "]")
    elif isinstance(value, str):  # a str subclass (an enum's value, a computed text)
        out.append(_STRING(value))
    elif isinstance(value, int) and not isinstance(value, bool):
        out.append(int.__repr__(value))
    elif isinstance(value, float):
        _write(float(value), newline, out)
    else:
        raise _Unusual


@dataclass
class Summary:
    files: int = 0
    notes: int = 0
    rules: int = 0
    model: str = ""
    by_severity: Counter = field(default_factory=Counter)
    by_category: Counter = field(default_factory=Counter)
    by_rule: Counter = field(default_factory=Counter)
    by_category_severity: Counter = field(default_factory=Counter)
    fixable: Counter = field(default_factory=Counter)  # "safe" / "unsafe": findings with a fix

    def add(self, diagnostic: Diagnostic) -> None:
        if diagnostic.fix is not None:
            self.fixable[diagnostic.fix.applicability] += 1
        self.by_severity[diagnostic.severity.value] += 1
        self.by_category[diagnostic.category] += 1
        self.by_rule[diagnostic.rule] += 1
        self.by_category_severity[(diagnostic.category, diagnostic.severity.value)] += 1

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "notes": self.notes,
            "rules": self.rules,
            "model": self.model,
            "diagnostics": self.total,
            "by_severity": {s: self.by_severity.get(s, 0) for s in ("error", "warning", "info")},
            "by_category": dict(sorted(self.by_category.items())),
            "by_rule": dict(self.by_rule.most_common()),
        }


class Reporter:
    """Base: ``handle`` each diagnostic as it comes, then ``finish`` once."""

    def __init__(self, stream, *, statistics: bool = False, quiet: bool = False):
        self.stream = stream
        self.statistics = statistics
        self.quiet = quiet

    def handle(self, diagnostic: Diagnostic) -> None:
        raise NotImplementedError

    def finish(self, summary: Summary) -> None:
        pass


def statistics_rows(summary: Summary) -> list[tuple[int, str]]:
    return [(count, rule) for rule, count in summary.by_rule.most_common()]


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def fix_mark(diagnostic: Diagnostic) -> str:
    """ruff's mark for a finding that ``check --fix`` can fix: "[*]"."""
    return "[*]" if diagnostic.fix is not None and diagnostic.fix.applicability == "safe" else ""


def fixable_line(summary: Summary) -> str | None:
    """What --fix would fix ("[*] 4 fixable with `notecheck check --fix`."), or None."""
    safe, unsafe = summary.fixable["safe"], summary.fixable["unsafe"]
    if not safe and not unsafe:
        return None
    parts = []
    if safe:
        parts.append(f"[*] {safe} fixable with `notecheck check --fix`")
    if unsafe:
        parts.append(f"{unsafe} more with `--fix --unsafe-fixes` (check each one: they may change "
                     "the meaning)" if safe else
                     f"{unsafe} fixable with `notecheck check --fix --unsafe-fixes` (check each "
                     "one: they may change the meaning)")
    return "; ".join(parts) + "."


def summary_line(summary: Summary) -> str:
    if not summary.total:
        return f"No problems found in {plural(summary.notes, 'note')} ({plural(summary.files, 'file')})."
    counts = ", ".join(plural(summary.by_severity[s], s) for s in ("error", "warning", "info")
                       if summary.by_severity[s])
    return (f"Found {plural(summary.total, 'problem')} ({counts}) in "
            f"{plural(summary.notes, 'note')} ({plural(summary.files, 'file')}).")
