"""Re-checking an unchanged realistic export: every note is served by the results cache
(recorded dates in the future, late recordings, recipients written "The police",
identifiers to mask), with the shipped rules, and the output is the same as the first run's."""

from __future__ import annotations

import csv
from pathlib import Path

from notecheck import engine, masking
from notecheck.checker import Checker
from notecheck.runner import Counts

ROWS = [
    # id, contact date, recorded date, note
    ("CN001", "2026-11-02", "2026-11-03",
     "I visited Jamie at home. The LAC review is booked and the IRO has been informed."),
    # Recorded after today (2026-12-01 below): timeliness.future-date names the field.
    ("CN002", "2026-11-20", "2026-12-09",
     "Mum said money has been tight. A copy of the plan was sent to The police today."),
    # Recorded 19 working days late.
    ("CN003", "2026-10-01", "2026-10-28",
     "I shared the assessment with the school by secure email. Mum kicked off."),
    # An NHS number, masked in every excerpt, from the cache as on the first run.
    ("CN004", "2026-11-10", "2026-11-10",
     "Arthur's NHS number is 943 476 5919. Arthur is a bed blocker on ward 4."),
    ("CN005", "2026-11-12", "2026-11-30",
     "The CIN plan was discussed. I will commence a referral to CAMHS in order to facilitate it."),
]


def write_export(path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Case Note ID", "Date of Contact", "Date Recorded", "Case Note"])
        out.writerows(ROWS)
    return path


def check(path: Path) -> tuple[list[dict], Counts]:
    import datetime as dt

    counts = Counts()
    checker = Checker(cache=True, today=dt.date(2026, 12, 1), jobs=1)
    found = [d.to_dict() for d in checker.check_paths([str(path)], counts=counts)]
    return found, counts


def test_an_unchanged_export_is_served_wholly_by_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    export = write_export(tmp_path / "export.csv")
    first, counts = check(export)
    rules = {d["rule"] for d in first}
    assert {"timeliness.future-date", "timeliness.late-recording"} <= rules
    assert counts.notes == 5 and counts.cached_notes == 0
    masked = [d for d in first if d["note"] == "CN004" and d["excerpt"]]
    assert masked and all("943 476 5919" not in d["excerpt"] for d in masked)

    def never(*args, **kwargs):
        raise AssertionError("a cached note was parsed or its identifiers looked for again")

    monkeypatch.setattr(engine.Linter, "parse_all", never)
    monkeypatch.setattr(engine, "sensitive_spans", never)
    monkeypatch.setattr(masking, "sensitive_spans", never)
    again, counts = check(export)
    assert counts.cached_notes == counts.notes == 5
    assert again == first


def test_a_changed_row_alone_is_checked_again(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    export = write_export(tmp_path / "export.csv")
    check(export)
    text = export.read_text(encoding="utf-8").replace("Mum kicked off.", "Mum was upset.")
    export.write_text(text, encoding="utf-8")
    found, counts = check(export)
    assert (counts.notes, counts.cached_notes) == (5, 4)
    assert not [d for d in found if d["note"] == "CN003" and "kicked off" in (d["excerpt"] or "")]


def test_a_damaged_results_file_is_started_again(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    export = write_export(tmp_path / "export.csv")
    first, _ = check(export)
    for path in (tmp_path / "cache").rglob("notes.sqlite"):
        path.write_bytes(b"not a database" * 100)
    again, counts = check(export)
    assert again == first and counts.cached_notes == 0
    again, counts = check(export)
    assert again == first and counts.cached_notes == 5
