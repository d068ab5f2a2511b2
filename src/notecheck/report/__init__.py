"""notecheck report: what a whole archive of notes shows, for quality-assurance leads and
service managers. One run of the one path (``Checker.check_paths``), with its
``on_note`` hook feeding a ``Collector``; the tables render as one offline HTML page, as
JSON, or as CSV.

    from notecheck import Checker
    from notecheck.report import build_report, render

    report = build_report(Checker(), ["exports/"], by=["team", "month"])
    Path("report.html").write_text(render(report, "html"))
"""

from __future__ import annotations

from collections.abc import Iterable

from notecheck.report.collect import DEFAULT_BY, DIMENSIONS, Collector

__all__ = ["build_report", "render", "Collector", "DIMENSIONS", "DEFAULT_BY", "FORMATS"]

FORMATS = ("html", "json", "csv")


def build_report(checker, paths: Iterable[str], exclude: Iterable[str] = (), *,
                 by: Iterable[str] | None = None, excerpts: bool = False, progress=None,
                 counts=None, diagnostics=None) -> dict:
    """Check the paths and gather the report's tables. ``diagnostics`` (optional) is a
    function called with each diagnostic too (the CLI uses it to see internal errors)."""
    from notecheck.dates import today
    from notecheck.runner import Counts

    rules = checker.default()
    settings = rules.config.timeliness
    collector = Collector(checker.rules, by=tuple(by or DEFAULT_BY),
                          region=settings.region,
                          warn_after=settings.warn_after_working_days,
                          error_after=settings.error_after_working_days, excerpts=excerpts)
    counts = counts if counts is not None else Counts()
    for diagnostic in checker.check_paths(list(paths), exclude, counts=counts, progress=progress,
                                          on_note=collector.on_note):
        collector.add(diagnostic)
        if diagnostics is not None:
            diagnostics(diagnostic)
    generated = checker.options.today or today(settings.today)
    return collector.finish(files=counts.files, generated=generated)


def render(report: dict, format: str = "html") -> str:
    if format == "html":
        from notecheck.report.html import render as html

        return html(report)
    from notecheck.report.export import to_csv, to_json

    if format == "json":
        return to_json(report)
    if format == "csv":
        return to_csv(report)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {format!r}")
