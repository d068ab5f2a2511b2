"""notecheck report: the audit page for managers, and its JSON and CSV forms."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import NHS_NUMBERS, WORKERS, rows, write_export  # noqa: E402

# Four notes, two teams, the test pack's rules (tests/data/rules: 'kicked off',
# 'non-engagement', 'presented as' are jargon; LAC and CIN are acronyms).
SMALL = (
    "id,Team Name,Worker,Note Type,Contact Date,Recorded Date,Case Note\r\n"
    "N1,Assessment North,A. Patel,home visit,02/11/2026,02/11/2026,\"Mum kicked off. Jamie is LAC.\"\r\n"
    "N2,Assessment North,A. Patel,phone call,05/11/2026,06/11/2026,\"School rang about attendance.\"\r\n"
    "N3,Children in Care,B. Osei,home visit,06/11/2026,10/11/2026,\"Dad presented as calm.\"\r\n"
    "N4,Children in Care,B. Osei,home visit,01/12/2026,01/12/2026,\"We played cards.\"\r\n"
)


def report_json(pack_cli, *args) -> dict:
    result = pack_cli("report", *args, "-o", "-", "--format", "json", "--today", "2026-12-01")
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def test_small_export_gives_exact_figures(pack_cli, tmp_path):
    (tmp_path / "notes.csv").write_text(SMALL, encoding="utf-8", newline="")
    report = report_json(pack_cli, "notes.csv")

    summary = report["summary"]
    assert (summary["notes"], summary["files"], summary["notes_with_finding"], summary["findings"]) == (4, 1, 2, 3)
    assert report["categories"] == [{"category": "jargon", "notes_with_finding": 2,
                                     "share_of_notes": 0.5, "findings": 3}]
    assert [(r["rule"], r["findings"], r["notes_with_finding"]) for r in report["rules"]] == [
        ("jargon.test-jargon", 2, 2), ("jargon.test-acronym", 1, 1)]
    teams = {row["team"]: (row["notes"], row["notes_with_finding"], row["share_jargon"],
                           row["median_working_days_to_record"]) for row in report["by"]["team"]}
    # North: N1 on the day (0), N2 next day (1); in care: N3 Fri 6 -> Tue 10 Nov (2), N4 (0).
    assert teams == {"Assessment North": (2, 1, 0.5, 0), "Children in Care": (2, 1, 0.5, 0)}
    months = [(row["month"], row["notes"], row["notes_with_finding"]) for row in report["by"]["month"]]
    assert months == [("2026-11", 3, 2), ("2026-12", 1, 0)]
    types = {row["note_type"]: row["notes_with_finding"] for row in report["by"]["note_type"]}
    assert types == {"home visit": 2, "phone call": 0}
    recording = report["recording_time"]
    assert (recording["notes_with_both_dates"], recording["median_working_days"],
            recording["p90_working_days"], recording["share_within"]) == (4, 0, 2, 0.75)
    assert [b["notes"] for b in recording["buckets"]] == [2, 1, 1, 0, 0, 0]
    # No worker names unless asked for.
    assert "author" not in report["by"] and "Patel" not in json.dumps(report)


def test_by_author_is_asked_for(pack_cli, tmp_path):
    (tmp_path / "notes.csv").write_text(SMALL, encoding="utf-8", newline="")
    report = report_json(pack_cli, "notes.csv", "--by", "author")
    assert list(report["by"]) == ["author"]
    assert [(r["author"], r["notes"], r["notes_with_finding"]) for r in report["by"]["author"]] == [
        ("A. Patel", 2, 1), ("B. Osei", 2, 1)]


def test_an_export_without_teams_says_so(pack_cli, tmp_path):
    (tmp_path / "notes.csv").write_text('id,Case Note\r\nN1,"Mum kicked off."\r\n', encoding="utf-8")
    result = pack_cli("report", "notes.csv", "-o", "out.html")
    assert result.exit_code == 0, result
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "The notes do not say their team" in page
    assert "No note gives both a contact date and a recorded date" in page


def test_csv_form_carries_the_same_tables(pack_cli, tmp_path):
    (tmp_path / "notes.csv").write_text(SMALL.replace("Assessment North", "=HYPERLINK(1)"),
                                        encoding="utf-8", newline="")
    result = pack_cli("report", "notes.csv", "-o", "figures.csv", "--today", "2026-12-01")
    assert result.exit_code == 0, result
    table = list(csv.DictReader(io.StringIO((tmp_path / "figures.csv").read_text(encoding="utf-8"))))
    value = {(r["table"], r["group"], r["measure"]): r["value"] for r in table}
    assert value[("summary", "", "notes")] == "4"
    assert value[("category", "jargon", "notes_with_finding")] == "2"
    assert value[("rule", "jargon.test-jargon", "findings")] == "2"
    assert value[("by_team", "Children in Care", "share_jargon")] == "0.5"
    # A team name that Excel would run as a formula is written as text.
    assert value[("by_team", "'=HYPERLINK(1)", "notes")] == "2"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    write_export(folder / "export.csv", 40, seed=3)
    return folder


def test_report_matches_check_on_a_generated_export(cli, generated, monkeypatch):
    """The real rule packs on a generated export: the report's figures are the counts
    'check --format json' gives, and the page holds no note text, no identifier and no
    reference to anything outside itself."""
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(generated / "cache"))
    export = generated / "export.csv"
    checked = cli(["check", export, "--format", "json", "--today", "2026-12-01"])
    assert checked.exit_code in (0, 1), checked
    summary = checked.json["summary"]
    diagnostics = checked.json["diagnostics"]

    made = cli(["report", export, "-o", generated / "report.json", "--today", "2026-12-01"])
    assert made.exit_code == 0, made
    report = json.loads((generated / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["notes"] == summary["notes"] == 40
    assert report["summary"]["files"] == summary["files"]
    by_category = {c["category"]: c["findings"] for c in report["categories"] if c["findings"]}
    assert by_category == {k: v for k, v in summary["by_category"].items()
                           if k not in ("input", "notecheck")}
    assert {r["rule"]: r["findings"] for r in report["rules"]} == {
        k: v for k, v in summary["by_rule"].items() if not k.startswith(("input.", "notecheck."))}
    notes_with = {}
    for d in diagnostics:
        notes_with.setdefault(d["category"], set()).add(d["note"])
    assert {c["category"]: c["notes_with_finding"] for c in report["categories"] if c["findings"]} == {
        k: len(v) for k, v in notes_with.items() if k not in ("input", "notecheck")}
    assert report["summary"]["notes_with_finding"] == len({d["note"] for d in diagnostics})
    assert sum(row["notes"] for row in report["by"]["team"]) == 40

    made = cli(["report", export, "-o", generated / "report.html", "--today", "2026-12-01"])
    assert made.exit_code == 0, made
    page = (generated / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") >= 4
    for reference in ("http://", "https://", "//:", "src=", "url(", "@import", "<script", "<link"):
        assert reference not in page, reference
    # No note text: not one sentence of any note, no identifier, no worker's name.
    sentences = {s.strip() for row in rows(40, seed=3) for s in re.split(r"(?<=[.!?])\s+", row[-1])
                 if len(s.strip()) > 25}
    assert not [s for s in sentences if s in page]
    assert not [n for n in NHS_NUMBERS if n in page]
    assert not [w for w in WORKERS if w in page]
    assert not [row[0] for row in rows(40, seed=3) if row[0] in page]  # note ids


def test_excerpts_are_masked(cli, generated, monkeypatch):
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(generated / "cache"))
    made = cli(["report", generated / "export.csv", "--excerpts", "--format", "json", "-o", "-",
                "--today", "2026-12-01"])
    assert made.exit_code == 0, made
    excerpts = json.loads(made.stdout)["excerpts"]
    assert excerpts and all(e["excerpt"] for e in excerpts)
    assert not [n for n in NHS_NUMBERS if n in json.dumps(excerpts)]
    quoted = [e["excerpt"] for e in excerpts if "NHS number" in e["excerpt"]]
    assert all(re.search(r"NHS number \d{3} \*{3} \*{4}", e) for e in quoted)


def test_the_cache_and_jobs_give_the_same_report(pack_cli, tmp_path):
    """A note served from the cache, or checked by a --jobs worker, is counted with its
    team and month just as one checked in this process."""
    write_export(tmp_path / "export.csv", 120, seed=11)
    args = ("report", "export.csv", "-o", "-", "--format", "json", "--today", "2026-12-01")
    first = pack_cli(*args, "--no-cache")
    assert first.exit_code == 0, first
    assert json.loads(first.stdout)["summary"]["notes_with_finding"] > 0
    filled, cached = pack_cli(*args), pack_cli(*args)
    assert list((tmp_path / "cache").rglob("*.sqlite"))
    jobs = pack_cli(*args, "--no-cache", "--jobs", "2")
    assert filled.stdout == cached.stdout == jobs.stdout == first.stdout


def test_labels_that_look_like_addresses_are_just_text(pack_cli, tmp_path):
    """A team or note type may contain '//' or 'http:'; it is shown, escaped, and the
    page still refers to nothing outside itself."""
    export = SMALL.replace("Assessment North", "Calls // texts <em>").replace("phone call", "http: form")
    (tmp_path / "notes.csv").write_text(export, encoding="utf-8", newline="")
    result = pack_cli("report", "notes.csv", "-o", "out.html")
    assert result.exit_code == 0, result
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert "Calls // texts &lt;em&gt;" in page and "texts <em>" not in page
    outside = re.sub(r">[^<]*<", "><", page)  # the markup, without its text
    for reference in ("http:", "https:", "src=", "href=", "@import", "<script", "<link"):
        assert reference not in outside, reference
