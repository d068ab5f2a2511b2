"""One finding per line: path:line:col: severity rule-id message."""

from __future__ import annotations

from notecheck.diagnostics import Diagnostic
from notecheck.reporters import (Reporter, Summary, fix_mark, fixable_line, printable,
                                 statistics_rows, summary_line)


class TextReporter(Reporter):
    def handle(self, diagnostic: Diagnostic) -> None:
        d = diagnostic
        # Note text and file names are shown escaped (ESC as \x1b, a line break as \n):
        # one finding stays one line, and nothing in a note can drive the terminal.
        where = f"{printable(d.path, lines=False)}:{d.line}:{d.column}"
        note = f" [note {printable(d.note, lines=False)}]" if d.note else ""
        mark = fix_mark(d)
        mark = f" {mark}" if mark else ""
        print(f"{where}: {d.severity.value} {d.rule}{mark} {printable(d.message, lines=False)}{note}",
              file=self.stream)

    def finish(self, summary: Summary) -> None:
        if self.statistics:
            for count, rule in statistics_rows(summary):
                print(f"{count:>6}  {rule}", file=self.stream)
        if not self.quiet:
            print(summary_line(summary), file=self.stream)
            fixable = fixable_line(summary)
            if fixable:
                print(fixable, file=self.stream)
