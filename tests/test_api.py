"""The one path's library API (notecheck.check_text, check_paths, Checker): what a server,
an editor or a script gets, and that it is the same path as the CLI (cache, per-file
config, isolation, input problems)."""

from __future__ import annotations

import json

import pytest

import notecheck
from notecheck.api import Checker, SetupError
from notecheck.config import Config

TODAY = {"timeliness": {"today": "2026-12-01"}}


def spans(diagnostics):
    return [(d.rule, d.line, d.column, d.end_line, d.end_column) for d in diagnostics]


@pytest.fixture(scope="module")
def checker():
    return Checker(Config.model_validate(TODAY), select=["jargon", "labelling", "timeliness"])


def test_check_text_gives_exact_findings_with_metadata(checker):
    text = "Visited Jamie at home.\nMum kicked off when I mentioned the CIN plan.\n"
    found = checker.check_text(text, {"subject": "Jamie", "subject_type": "child",
                                      "contact_date": "2026-11-30", "recorded_date": "2026-11-30"})
    assert spans(found) == [("labelling.blaming-label", 2, 5, 2, 15),
                            ("jargon.undefined-acronym", 2, 37, 2, 40)]


def test_check_text_reports_bad_metadata_and_still_checks_the_text(checker):
    found = checker.check_text("Jamie is LAC.\n", {"subject_type": "teenager"})
    rules = [d.rule for d in found]
    assert "input.metadata" in rules and "jargon.undefined-acronym" in rules


def test_module_level_check_text_and_check_paths(tmp_path):
    (tmp_path / "visit.md").write_text("Jamie is LAC.\n", encoding="utf-8")
    (tmp_path / "fine.md").write_text("Jamie and I played football in the park.\n", encoding="utf-8")
    found = notecheck.check_text("Jamie is LAC.", config={}, select=["jargon.undefined-acronym"])
    assert spans(found) == [("jargon.undefined-acronym", 1, 10, 1, 13)]
    result = notecheck.check_paths([tmp_path], config={}, select=["jargon.undefined-acronym"])
    assert (result.files, result.notes, result.exit_code) == (2, 2, 1)
    assert [(d.path.endswith("visit.md"), d.line, d.column) for d in result.diagnostics] == [(True, 1, 10)]


def test_a_rule_that_raises_is_an_internal_error_for_that_note_only(tmp_path, monkeypatch):
    from notecheck import kinds

    original = kinds.KINDS["phrase"]

    def explode(parsed, rule):
        if "BOOM" in parsed.text:
            raise ZeroDivisionError("secret note text: Jamie Smith")
        return original.check(parsed, rule)

    import dataclasses

    monkeypatch.setitem(kinds.KINDS, "phrase", dataclasses.replace(original, check=explode))
    (tmp_path / "a.md").write_text("BOOM. Mum kicked off. Jamie is LAC.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Dad said the CIN plan was fine.\n", encoding="utf-8")
    result = notecheck.check_paths([tmp_path], config={}, select=["jargon"])
    errors = [d for d in result.diagnostics if d.rule == "notecheck.internal-error"]
    assert result.exit_code == 2
    # One per failing rule for the note that failed, at its start, never quoting the text.
    assert {d.path.endswith("a.md") for d in errors} == {True}
    assert all((d.line, d.column, d.severity.value) == (1, 1, "error") for d in errors)
    assert all("ZeroDivisionError" in d.message and "Jamie" not in d.message for d in errors)
    # The other rules still ran on a.md, and every rule ran on b.md.
    assert any(d.rule == "jargon.undefined-acronym" and d.path.endswith("a.md") for d in result.diagnostics)
    assert [(d.rule, d.line, d.column) for d in result.diagnostics if d.path.endswith("b.md")] == [
        ("jargon.undefined-acronym", 1, 14)]


def test_internal_error_in_the_cli_keeps_json_whole_and_exits_2(cli, write, monkeypatch):
    import dataclasses

    from notecheck import kinds

    original = kinds.KINDS["phrase"]
    monkeypatch.setitem(kinds.KINDS, "phrase", dataclasses.replace(
        original, check=lambda parsed, rule: 1 / 0))
    note = write("n.md", "Mum kicked off. Jamie is LAC.\n")
    other = write("m.md", "Dad is CIN.\n")
    result = cli(["check", "--format", "json", "--no-cache", "--select", "jargon", note, other])
    assert result.exit_code == 2
    found = result.json["diagnostics"]
    assert {d["rule"] for d in found} >= {"notecheck.internal-error", "jargon.undefined-acronym"}
    assert result.json["summary"]["notes"] == 2


def test_input_problems_can_be_ignored_and_baselined(cli, write, tmp_path):
    write("bad.md", "---\nsubject_type: teenager\n---\nFine note about the visit.\n")
    result = cli(["check", "--format", "json", "--no-cache", "--select", "jargon", str(tmp_path / "bad.md")])
    assert [d["rule"] for d in result.json["diagnostics"]] == ["input.front-matter"]
    assert result.exit_code == 1
    ignored = cli(["check", "--format", "json", "--no-cache", "--select", "jargon", "--ignore", "input.*",
                   str(tmp_path / "bad.md")])
    assert ignored.exit_code == 0 and ignored.json["diagnostics"] == []
    made = cli(["baseline", "--out", str(tmp_path / "base.json"), "--select", "jargon", "--no-cache",
                str(tmp_path / "bad.md")])
    assert made.exit_code == 0, made
    again = cli(["check", "--format", "json", "--no-cache", "--select", "jargon", "--baseline",
                 str(tmp_path / "base.json"), str(tmp_path / "bad.md")])
    assert again.exit_code == 0 and again.json["diagnostics"] == []


def test_each_file_follows_its_nearest_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "records").mkdir()
    (tmp_path / "training").mkdir()
    (tmp_path / "records" / "a.md").write_text("Jamie is LAC.\n", encoding="utf-8")
    (tmp_path / "training" / "b.md").write_text("Jamie is LAC.\n", encoding="utf-8")
    (tmp_path / "training" / "notecheck.yaml").write_text("accept: [LAC]\n", encoding="utf-8")
    for order in (["records", "training"], ["training", "records"]):
        result = notecheck.check_paths(order, select=["jargon.undefined-acronym"])
        assert [d.path for d in result.diagnostics] == ["records/a.md"]


def test_a_very_long_note_is_checked_in_pieces_with_exact_positions():
    checker = Checker({}, select=["jargon.undefined-acronym"])
    filler = "Jamie played in the garden with his sister " * 30000  # 1.3 million characters, one line
    text = filler + "and the CIN plan was discussed.\n"
    found = checker.check_text(text)
    column = len(filler) + len("and the ") + 1
    assert spans(found) == [("jargon.undefined-acronym", 1, column, 1, column + 3)]


def test_the_cache_keeps_severity_and_dates(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    note = ("---\ncontact_date: 2026-11-02\nrecorded_date: 2026-11-27\n---\n"
            "Met Jamie at school and talked about his week.\n")
    (tmp_path / "late.md").write_text(note, encoding="utf-8")
    runs = []
    for _ in range(2):
        checker = Checker(TODAY, select=["timeliness.late-recording"], cache=True)
        runs.append([(d.rule, d.severity.value, d.message) for d in checker.check_paths(["late.md"])])
    assert runs[0] == runs[1] and runs[0][0][:2] == ("timeliness.late-recording", "error")


def test_the_same_bytes_as_txt_and_csv_do_not_share_a_cache_entry(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    content = "id,text\nN1,Jamie is LAC.\n"
    (tmp_path / "a.txt").write_text(content, encoding="utf-8")
    (tmp_path / "a.csv").write_text(content, encoding="utf-8")
    first = {}
    for _ in range(2):
        checker = Checker({}, select=["jargon.undefined-acronym"], cache=True)
        got = {p: [(d.line, d.column, d.note) for d in checker.check_paths([p])] for p in ("a.txt", "a.csv")}
        first = first or got
        assert got == first
    assert first == {"a.txt": [(2, 13, None)], "a.csv": [(2, 13, "N1")]}


def test_a_bad_config_is_a_setup_error():
    with pytest.raises(SetupError, match="today"):
        Checker({"timeliness": {"today": "not a date"}})


def test_json_output_is_the_same_through_the_api_and_the_cli(cli, write, tmp_path):
    note = write("n.md", "Mum kicked off. Jamie is LAC.\n")
    result = cli(["check", "--format", "json", "--no-cache", "--select", "jargon", note])
    api = [d.to_dict() for d in notecheck.check_paths([note], select=["jargon"]).diagnostics]
    assert result.json["diagnostics"] == json.loads(json.dumps(api))


def test_the_example_in_a_message_fits_the_person_the_note_is_about():
    checker = Checker({}, select=["labelling.blaming-label"])
    child = checker.check_text("Jamie kicked off at tea.", {"subject_type": "child"})
    adult = checker.check_text("Arthur kicked off at lunch.", {"subject_type": "adult"})
    assert [(d.line, d.column) for d in child] == [(1, 7)] and [(d.line, d.column) for d in adult] == [(1, 8)]
    assert "threw his plate and ran to his room" in child[0].message
    assert "Mr Reid shouted at the carer" in adult[0].message and "his room" not in adult[0].message


def test_a_late_recording_is_served_from_the_cache(tmp_path, monkeypatch):
    """Its message values ('7 working days', the local policy) are plain values the cache
    can hold, so an unchanged export with late notes is not checked again."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    rows = "".join(f"N{i},2026-11-0{i},2026-11-2{i},Met Jamie at school.\n" for i in range(1, 6))
    (tmp_path / "export.csv").write_text("id,contact_date,recorded_date,text\n" + rows, encoding="utf-8")
    config = {"timeliness": {"today": "2026-12-01", "policy": "Local policy: record within 1 working day"}}
    first = Checker(config, select=["timeliness.late-recording"], cache=True)
    from notecheck.runner import Counts

    counts = Counts()
    one = list(first.check_paths(["export.csv"], counts=counts))
    again = Checker(config, select=["timeliness.late-recording"], cache=True)
    counts2 = Counts()
    two = list(again.check_paths(["export.csv"], counts=counts2))
    assert one == two and len(one) == 5 and "Local policy" in one[0].message
    assert (counts.cached_notes, counts2.cached_notes) == (0, 5)


def test_utf16_exports_and_a_stray_nul_are_read(tmp_path):
    """Excel's 'Unicode Text' (UTF-16 with a byte-order mark) is read, and one NUL byte in
    a cell does not make a whole CSV 'binary'."""
    (tmp_path / "unicode.tsv").write_bytes("id\ttext\r\nN1\tJamie is LAC.\r\n".encode("utf-16"))
    (tmp_path / "nul.csv").write_bytes(b"id,text\nN1,Visit. \x00\nN2,Jamie is LAC.\n")
    result = notecheck.check_paths([tmp_path], config={}, select=["jargon.undefined-acronym"])
    assert [(d.path.rsplit("/", 1)[-1], d.line, d.column, d.note) for d in result.diagnostics] == [
        ("nul.csv", 3, 13, "N2"), ("unicode.tsv", 2, 13, "N1")]
    assert result.notes == 3
