"""GitHub Actions workflow commands: each finding becomes an annotation on the file.

  ::warning file=notes.md,line=3,col=5,endLine=3,endColumn=9,title=jargon.x::message
"""

from __future__ import annotations

from notecheck.diagnostics import Diagnostic
from notecheck.reporters import printable
from notecheck.reporters.text import TextReporter

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """A command's message, escaped as GitHub reads it (%, CR, LF); other control
    characters (ESC, ...) shown escaped, so a note cannot drive the log or the terminal."""
    return printable(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(TextReporter):
    """Annotations, then the same statistics and summary lines as the text format."""

    def handle(self, d: Diagnostic) -> None:
        properties = {"file": d.path, "line": d.line, "col": d.column,
                      "endLine": d.end_line, "endColumn": d.end_column, "title": d.rule}
        joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
        message = d.message
        if d.suggestion and d.suggestion not in message:
            message += f"\nInstead: {d.suggestion}"
        if d.note:
            message += f"\n(note {d.note})"
        self.stream.write(f"::{COMMANDS[d.severity.value]} {joined}::{escape_data(message)}\n")
