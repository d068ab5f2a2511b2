"""{"version": 1, "diagnostics": [...], "summary": {...}} — the schema is in the README."""

from __future__ import annotations

from notecheck.diagnostics import Diagnostic
from notecheck.reporters import Reporter, Summary, json_text

SCHEMA_VERSION = 1


class JsonReporter(Reporter):
    def __init__(self, stream, **kwargs):
        super().__init__(stream, **kwargs)
        self.diagnostics: list[dict] = []

    def handle(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic.to_dict())

    def finish(self, summary: Summary) -> None:
        document = {"version": SCHEMA_VERSION, "diagnostics": self.diagnostics,
                    "summary": summary.to_dict()}
        self.stream.write(json_text(document) + "\n")
