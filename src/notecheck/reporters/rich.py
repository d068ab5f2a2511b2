"""The default on a terminal: findings grouped by file, the line with the span
underlined, the suggestion, then a summary table."""

from __future__ import annotations

import bisect

from rich.cells import cell_len
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from notecheck.diagnostics import Diagnostic
from notecheck.reporters import (Reporter, Summary, fix_mark, fixable_line, printable,
                                 statistics_rows, summary_line)

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
            console.print(Text(printable(d.path, lines=False), style="bold underline"))
            self.current_path = d.path
        head = Text("  ")
        head.append(f"{d.line}:{d.column}", style="dim")
        head.append("  ")
        head.append(d.severity.value, style=STYLES[d.severity.value])
        head.append("  ")
        head.append(d.rule, style="magenta")
        if fix_mark(d):
            head.append(" " + fix_mark(d), style="cyan")
        if d.note:
            head.append(f"  (note {printable(d.note, lines=False)})", style="dim")
        console.print(head)
        # Note text is shown escaped (ESC as \x1b): nothing in a note can drive the terminal.
        console.print(Padding(Text(printable(d.message)), (0, 0, 0, 4)))
        if d.excerpt is not None:
            self._excerpt(d)
        if d.suggestion and d.suggestion not in d.message:
            console.print(Padding(Text("Instead: " + printable(d.suggestion), style="green"),
                                  (0, 0, 0, 4)))

    def _excerpt(self, d: Diagnostic) -> None:
        line = d.excerpt
        start = min(max(d.column - d.excerpt_column, 0), len(line))
        end = d.end_column - d.excerpt_column if d.end_line == d.line else len(line)
        end = max(min(end, len(line)), start + 1)
        # A long line is cut to a window around the span, so it never wraps. Widths are
        # terminal cells: a tab shows as one space, a control character as its escape
        # (ESC as \x1b), a wide character takes two.
        room = max(self.console.width - 8, 20)
        first = max(0, start - room)  # a line may be a megabyte long: look near the span only
        shown = [" " if ch == "\t" else printable(ch, lines=False)
                 for ch in line[first:min(len(line), end + room)]]
        cells = [0]
        for piece in shown:
            cells.append(cells[-1] + cell_len(piece))
        span_start = cells[start - first]
        span_end = cells[min(end, first + len(shown)) - first]
        left, right = 0, len(shown)
        if cells[-1] > room:
            # Whole pieces from about half the spare room before the span, filling the room.
            want = min(max(0, span_start - (room - (span_end - span_start)) // 2), cells[-1] - room)
            left = min(bisect.bisect_left(cells, want), start - first)
            right = max(bisect.bisect_right(cells, cells[left] + room) - 1, left)
        more_left, more_right = first + left > 0, first + right < len(line)
        text = ("…" if more_left else "") + "".join(shown[left:right]) + ("…" if more_right else "")
        offset = span_start - cells[left] + (1 if more_left else 0)
        width = max(min(span_end, cells[right]) - span_start, 1)
        excerpt = Text("    │ ", style="dim").append(text)
        # Text positions are characters; the caret line below counts cells.
        char_offset = len("".join(shown[left:start - first])) + (1 if more_left else 0)
        char_width = len("".join(shown[start - first:min(end - first, right)]))
        excerpt.stylize("bold", 6 + char_offset, 6 + char_offset + char_width)
        self.console.print(excerpt, no_wrap=True, overflow="ignore")
        self.console.print(Text("    │ " + " " * offset + "^" * width,
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
        fixable = fixable_line(summary)
        if fixable:
            console.print(Text(fixable))
