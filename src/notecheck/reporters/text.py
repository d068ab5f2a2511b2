"""One finding per line: path:line:col: severity rule-id message."""

from __future__ import annotations

from notecheck.diagnostics import Diagnostic
from notecheck.reporters import Reporter, Summary, statistics_rows, summary_line


class TextReporter(Reporter):
    def handle(self, diagnostic: Diagnostic) -> None:
        d = diagnostic
        where = f"{d.path}:{d.line}:{d.column}"
        note = f" [note {d.note}]" if d.note else ""
        print(f"{where}: {d.severity.value} {d.rule} {d.message}{note}", file=self.stream)

    def finish(self, summary: Summary) -> None:
        if self.statistics:
            for count, rule in statistics_rows(summary):
                print(f"{count:>6}  {rule}", file=self.stream)
        if not self.quiet:
            print(summary_line(summary), file=self.stream)
