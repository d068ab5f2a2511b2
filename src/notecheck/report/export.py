"""The report's tables for Excel and Power BI: JSON as it is, or CSV in long form.

CSV has one table per file, so the tables are stacked in one long table with the columns
``table, group, measure, value``: filter on ``table`` and pivot ``measure`` to get any of
them back (in Excel a PivotTable; in Power BI a pivot on the measure column).
"""

from __future__ import annotations

import csv
import io
import json


def to_json(report: dict) -> str:
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def rows(report: dict):
    """(table, group, measure, value) for every figure of the report."""
    for measure, value in report["summary"].items():
        yield "summary", "", measure, value
    yield "summary", "", "generated", report["generated"]
    for row in report["categories"]:
        for measure in ("notes_with_finding", "share_of_notes", "findings"):
            yield "category", row["category"], measure, row[measure]
    for row in report["rules"]:
        for measure in ("category", "what_it_checks", "findings", "notes_with_finding", "share_of_notes"):
            yield "rule", row["rule"], measure, row[measure]
    recording = report["recording_time"]
    for measure, value in recording.items():
        if measure != "buckets":
            yield "recording_time", "", measure, value
    for row in recording["buckets"]:
        yield "recording_time_bucket", row["bucket"], "notes", row["notes"]
        yield "recording_time_bucket", row["bucket"], "share", row["share"]
    for dimension, table in report["by"].items():
        for row in table:
            for measure, value in row.items():
                if measure != dimension:
                    yield f"by_{dimension}", row[dimension], measure, value
    for row in report["input_problems"]:
        yield "input_problem", row["rule"], "count", row["count"]
    for index, row in enumerate(report.get("excerpts", []), start=1):
        for measure in ("rule", "note", "line", "excerpt"):
            yield "excerpt", str(index), measure, row[measure]


def _cell(value) -> str:
    """A cell Excel will not run as a formula (a team called '=SUM(...)', say)."""
    if value is None:
        return ""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") \
            and not value.lstrip("+-").replace(".", "", 1).isdigit():
        return "'" + value
    return value


def to_csv(report: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["table", "group", "measure", "value"])
    for table, group, measure, value in rows(report):
        writer.writerow([table, _cell(group), measure, _cell(value)])
    return out.getvalue()
