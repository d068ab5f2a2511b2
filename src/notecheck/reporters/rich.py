"""The default on a terminal: findings grouped by file, the line with the span
underlined, the suggestion, then a summary table."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from notecheck.diagnostics import Diagnostic
from notecheck.reporters import Reporter, Summary, statistics_rows, summary_line

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


class RichReporter(Reporter):
    def __init__(self, stream, *, color: bool = True, **kwargs):
        super().__init__(stream, **kwargs)
        # Without colour, no escape codes at all (bold and underline are codes too).
        self.console = Console(file=stream, no_color=not color, highlight=False,
                               force_terminal=color, soft_wrap=False)
        self.current_path: str | None = None

    def handle(self, d: Diagnostic) -> None:
        console = self.console
        if d.path != self.current_path:
            if self.current_path is not None:
                console.print()
            console.print(Text(d.path, style="bold underline"))
            self.current_path = d.path
        head = Text("  ")
        head.append(f"{d.line}:{d.column}", style="dim")
        head.append("  ")
        head.append(d.severity.value, style=STYLES[d.severity.value])
        head.append("  ")
        head.append(d.rule, style="magenta")
        if d.note:
            head.append(f"  (note {d.note})", style="dim")
        console.print(head)
        console.print(Padding(Text(d.message), (0, 0, 0, 4)))
        if d.excerpt is not None:
            self._excerpt(d)
        if d.suggestion and d.suggestion not in d.message:
            console.print(Padding(Text("Instead: " + d.suggestion, style="green"), (0, 0, 0, 4)))

    def _excerpt(self, d: Diagnostic) -> None:
        line = d.excerpt.expandtabs(1)
        start = max(d.column - d.excerpt_column, 0)
        end = d.end_column - d.excerpt_column if d.end_line == d.line else len(line)
        end = max(min(end, len(line)), start + 1)
        # A long line is cut to a window around the span, so it never wraps.
        room = max(self.console.width - 8, 20)
        left = 0
        if len(line) > room:
            left = min(max(0, start - (room - (end - start)) // 2), len(line) - room)
        right = min(len(line), left + room)
        shown = ("…" if left else "") + line[left:right] + ("…" if right < len(line) else "")
        offset = start - left + (1 if left else 0)
        width = min(end, right) - start
        excerpt = Text("    │ ", style="dim").append(shown)
        excerpt.stylize("bold", 6 + offset, 6 + offset + width)
        self.console.print(excerpt, no_wrap=True, overflow="ignore")
        self.console.print(Text("    │ " + " " * offset + "^" * max(width, 1),
                                style=STYLES[d.severity.value]), no_wrap=True, overflow="ignore")

    def finish(self, summary: Summary) -> None:
        console = self.console
        if self.statistics and summary.total:
            table = Table(title="Findings by rule", title_justify="left")
            table.add_column("count", justify="right")
            table.add_column("rule")
            for count, rule in statistics_rows(summary):
                table.add_row(str(count), rule)
            console.print()
            console.print(table)
        if self.quiet:
            return
        if summary.total:
            table = Table(title="Summary", title_justify="left")
            table.add_column("category")
            for severity in ("error", "warning", "info"):
                table.add_column(severity, justify="right", style=STYLES[severity])
            for category in sorted(summary.by_category):
                table.add_row(category, *(str(summary.by_category_severity[(category, s)] or "")
                                          for s in ("error", "warning", "info")))
            console.print()
            console.print(table)
        console.print(summary_line(summary))
