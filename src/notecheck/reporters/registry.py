"""The registry of reporters, like the registry of kinds: a new output format is a module
in this folder and a line below. Each entry is (module, class name, what it is for); the
module is imported only when its format is used."""

from __future__ import annotations

import importlib

REPORTERS: dict[str, tuple[str, str, str]] = {
    "rich": ("notecheck.reporters.rich", "RichReporter", "coloured, grouped by file (default on a terminal)"),
    "text": ("notecheck.reporters.text", "TextReporter", "one 'path:line:col: severity rule message' line each"),
    "json": ("notecheck.reporters.json", "JsonReporter", "every finding and the summary, for scripts"),
    "sarif": ("notecheck.reporters.sarif", "SarifReporter", "SARIF 2.1.0, for code-scanning tools"),
    "github": ("notecheck.reporters.github", "GithubReporter", "GitHub Actions annotations"),
    "junit": ("notecheck.reporters.junit", "JunitReporter", "JUnit XML, for test dashboards"),
}


def reporter_class(name: str):
    module, cls, _ = REPORTERS[name]
    return getattr(importlib.import_module(module), cls)


def make(name: str, stream, *, rules=(), color: bool = True, **options):
    """A reporter by format name. Only the SARIF reporter reads the rules (for its rule
    table) and only rich reads ``color``."""
    cls = reporter_class(name)
    if name == "sarif":
        options["rules"] = rules
    if name == "rich":
        options["color"] = color
    return cls(stream, **options)
