"""Inline suppressions, for training material that quotes poor practice on purpose.

    <!-- notecheck-disable labelling jargon.undefined-acronym -->
    ... (nothing from these rules or categories is reported here)
    <!-- notecheck-enable -->

    Mum kicked off.  <!-- notecheck: ignore[jargon.test-jargon] -->

``notecheck-disable`` with no rules turns off every rule until ``notecheck-enable``
(or the end of the note); ``notecheck-enable RULE`` ends only the disables naming RULE.
``notecheck: ignore[...]`` (in a comment or as plain text) covers its own line, or, when
it stands alone on a line, the next line with text on it. A target is a rule id, a
category or a glob. A suppression that hides nothing is reported as
``notecheck.unused-suppression`` (info, so it never fails CI by default) so stale ones
get cleaned up. A suppression around a quoted example counts as used when the rule it
names would have flagged the quote but for its quotation marks.
"""

from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass, field

from notecheck.diagnostics import Diagnostic, Severity

UNUSED = "notecheck.unused-suppression"

_DIRECTIVE = re.compile(
    r"<!--\s*notecheck-(?P<verb>disable|enable)\b(?P<args>[^>]*?)\s*-->"
    r"|(?P<comment><!--\s*)?notecheck:\s*ignore(?:\[(?P<ignore>[^\]\n]*)\])?(?(comment)\s*-->)",
    re.IGNORECASE)


@dataclass
class Directive:
    kind: str                 # "disable" or "ignore"
    start: int                # where the comment itself is, in the note text
    end: int
    targets: list[str]        # empty: every rule
    region: tuple[int, int]   # the text it covers
    used: set[str] = field(default_factory=set)

    @property
    def label(self) -> str:
        if self.kind == "disable":
            return "notecheck-disable" + "".join(f" {t}" for t in self.targets)
        return f"notecheck: ignore[{', '.join(self.targets)}]" if self.targets else "notecheck: ignore"


def matches(target: str, rule_id: str) -> bool:
    return target == rule_id or target == rule_id.split(".", 1)[0] or fnmatch.fnmatchcase(rule_id, target)


def _targets(args: str | None) -> list[str]:
    return [t for t in re.split(r"[\s,]+", args or "") if t]


class Suppressions:
    def __init__(self, directives: list[Directive]):
        self.directives = directives

    @classmethod
    def parse(cls, text: str) -> Suppressions | None:
        if "notecheck" not in text.lower():
            return None
        directives: list[Directive] = []
        open_disables: list[Directive] = []
        for m in _DIRECTIVE.finditer(text):
            if m.group("verb"):
                verb, targets = m.group("verb").lower(), _targets(m.group("args"))
                if verb == "disable":
                    directive = Directive("disable", m.start(), m.end(), targets, (m.end(), len(text)))
                    open_disables.append(directive)
                    directives.append(directive)
                    continue
                for directive in list(open_disables):
                    if not targets or any(t in directive.targets for t in targets):
                        directive.region = (directive.region[0], m.start())
                        open_disables.remove(directive)
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line_end = len(text) if line_end == -1 else line_end
            region = (line_start, line_end)
            if not (text[line_start:m.start()] + text[m.end():line_end]).strip():
                # Alone on its line: it covers the next line with text on it.
                next_start = line_end + 1
                while next_start < len(text):
                    next_end = text.find("\n", next_start)
                    next_end = len(text) if next_end == -1 else next_end
                    if text[next_start:next_end].strip():
                        region = (next_start, next_end)
                        break
                    next_start = next_end + 1
            directives.append(Directive("ignore", m.start(), m.end(), _targets(m.group("ignore")), region))
        return cls(directives) if directives else None

    def hides(self, rule_id: str, start: int, end: int) -> bool:
        """True if a directive covers this finding (and note that it was used)."""
        hidden = False
        for directive in self.directives:
            if directive.start <= start < directive.end:
                return True  # a finding inside the comment itself is never real
            if not directive.region[0] <= start < max(directive.region[1], directive.region[0] + 1):
                continue
            if not directive.targets:
                directive.used.add("*")
                hidden = True
            for target in directive.targets:
                if matches(target, rule_id):
                    directive.used.add(target)
                    hidden = True
        return hidden

    def unused(self, note, rule_ids: list[str]) -> list[Diagnostic]:
        """A warning for each suppression (or named rule in one) that hid nothing.

        Targets that name no rule in this run are left alone: they may belong to rules that
        were not selected this time."""
        out = []
        for directive in self.directives:
            if directive.targets:
                stale = [t for t in directive.targets if t not in directive.used
                         and any(matches(t, r) for r in rule_ids)]
            else:
                stale = [] if directive.used or not rule_ids else ["*"]
            if not stale:
                continue
            line, column = note.position(directive.start)
            end_line, end_column = note.position(directive.end)
            if stale == ["*"]:
                what = f"'{directive.label}' no longer hides any finding"
            elif len(stale) == len(directive.targets):
                what = f"'{directive.label}' no longer hides any finding"
            else:
                what = (f"'{directive.label}' no longer hides anything from "
                        f"{', '.join(repr(t) for t in stale)}")
            out.append(Diagnostic(
                path=note.path, note=note.id, line=line, column=column, end_line=end_line,
                end_column=end_column, rule=UNUSED, category="notecheck", severity=Severity.INFO,
                message=f"This suppression {what}, so it can be removed (or the name "
                        "shortened) to keep the real exceptions easy to see.",
                suggestion=None))
        return out
