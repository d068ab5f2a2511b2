"""Record exports (CSV, TSV, JSON Lines, JSON) and Word documents: every finding points at
the exact line and column inside the original file, and broken rows are reported, not fatal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from notecheck.engine import Linter
from notecheck.notes import InputProblem, Note
from notecheck.notes.sources import read_file, read_notes
from notecheck.rules.loader import load_rules

DATA = Path(__file__).parent / "data"
EXPORTS = DATA / "exports"


@pytest.fixture(scope="module")
def linter():
    return Linter(load_rules([DATA / "rules"]))


def findings(linter, path, columns=None):
    return [(d.line, d.column, d.end_line, d.end_column, d.rule, d.note)
            for d in linter.lint(read_file(str(path), columns))]


def span_in_file(path, line, column, end_column):
    """The characters a diagnostic points at, read straight from the file."""
    text = Path(path).read_bytes().decode("utf-8").replace("\r\n", "\n")
    return text.split("\n")[line - 1][column - 1:end_column - 1]


def write(tmp_path, name, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_csv_positions_inside_quoted_multiline_cells_with_escaped_quotes(linter):
    path = EXPORTS / "case-notes.csv"  # CRLF line endings, a three-line cell, doubled quotes
    assert findings(linter, path) == [
        (2, 44, 2, 54, "jargon.test-jargon", "N-101"),
        (4, 10, 4, 13, "jargon.test-acronym", "N-102"),   # second line of a multi-line cell
        (4, 46, 4, 60, "jargon.test-jargon", "N-102"),    # after a doubled quote
        (6, 65, 6, 75, "jargon.test-jargon", "N-103"),    # after two doubled quotes
    ]
    assert span_in_file(path, 4, 46, 60) == "non-engagement"
    assert span_in_file(path, 6, 65, 75) == "kicked off"


def test_csv_note_text_and_metadata_come_from_recognised_columns():
    items = [item for _, item in read_file(str(EXPORTS / "case-notes.csv"))]
    note = items[1]
    assert isinstance(note, Note)
    assert note.id == "N-102"
    assert note.text == ('Phone call with school.\nJamie is LAC and the school said there was '
                         '"non-engagement" last week.\nI will visit on Friday.')
    assert note.meta["contact_date"] == "2026-11-03"   # "Date of Contact"
    assert note.meta["author"] == "A. Patel"            # "Worker"
    assert note.meta["note_type"] == "phone call"        # "Note Type"
    assert note.meta_positions == {"id": (3, 1), "contact_date": (3, 7), "author": (3, 18),
                                   "note_type": (5, 26)}


def test_lf_and_cr_only_files_give_the_same_positions(linter, tmp_path):
    rows = ['id,text', '7,"First line.', 'They kicked off again."']
    for newline in ("\n", "\r"):
        path = write(tmp_path, "notes.csv", newline.join(rows) + newline)
        assert findings(linter, path) == [(3, 6, 3, 16, "jargon.test-jargon", "7")]


def test_malformed_rows_are_reported_and_the_rest_is_checked(linter, tmp_path):
    path = write(tmp_path, "broken.csv",
                 'id,note\n'
                 '1,"Mum kicked off."\n'
                 '2,too,many,cells\n'
                 '3,"a quote" inside\n'
                 '4,"Dad presented as calm."\n'
                 '5,"never closed\n'
                 'and kicked off\n')
    out = [(d.line, d.column, d.rule, d.message) for d in linter.lint(read_file(str(path)))]
    assert [o[:3] for o in out] == [
        (2, 8, "jargon.test-jargon"),
        (3, 1, "input.malformed-row"),
        (4, 12, "input.malformed-row"),
        (5, 8, "jargon.test-jargon"),
        (6, 3, "input.malformed-row"),
    ]
    assert "Row 2 (line 3) has 4 cells but the header has 2" in out[1][3]
    assert "text after the closing quote" in out[2][3]
    assert "never closed" in out[4][3] and "line 6, column 3" in out[4][3]


def test_missing_text_column_is_a_clear_error_listing_the_columns(tmp_path):
    path = write(tmp_path, "export.csv", "Ref,Visit Dt,Summary Of Visit\n1,2026-01-01,Hello\n")
    (problem,) = [item for _, item in read_file(str(path))]
    assert isinstance(problem, InputProblem)
    assert problem.rule == "input.no-text-column"
    assert "'Ref', 'Visit Dt', 'Summary Of Visit'" in problem.message
    assert "columns: {text:" in problem.message


def test_config_columns_map_unusual_names(linter, tmp_path):
    path = write(tmp_path, "export.csv",
                 "Ref,Visit Dt,Summary Of Visit\nR9,2026-01-01,Mum kicked off.\n")
    columns = {"text": "Summary Of Visit", "contact_date": "visit_dt"}
    (note,) = [item for _, item in read_file(str(path), columns)]
    assert note.text == "Mum kicked off." and note.meta["contact_date"] == "2026-01-01"
    assert note.id == "R9"  # "Ref" is still recognised
    assert findings(linter, path, columns) == [(2, 19, 2, 29, "jargon.test-jargon", "R9")]


def test_tsv(linter):
    assert findings(linter, EXPORTS / "case-notes.tsv") == [
        (2, 36, 2, 50, "jargon.test-jargon", "T-1"),
        (3, 24, 3, 36, "jargon.test-jargon", "T-2"),
    ]


def test_jsonl_positions_count_escapes_and_a_bad_line_is_skipped(linter):
    path = EXPORTS / "case-notes.jsonl"
    out = findings(linter, path)
    assert out == [
        (1, 56, 1, 66, "jargon.test-jargon", "J-1"),
        (2, 85, 2, 95, "jargon.test-jargon", "J-2"),   # after \n and \" escapes
        (3, 38, 3, 38, "input.malformed-row", None),
        (4, 69, 4, 72, "jargon.test-acronym", "J-4"),  # after a \u00e9 escape
    ]
    assert span_in_file(path, 2, 85, 95) == "kicked off"
    assert span_in_file(path, 4, 69, 72) == "CIN"
    notes = [item for _, item in read_file(str(path)) if isinstance(item, Note)]
    assert notes[0].meta["contact_date"] == "2026-09-01"  # "event_date"
    assert notes[2].text.startswith("Café visit")


def test_json_array(linter):
    path = EXPORTS / "case-notes.json"
    assert findings(linter, path) == [
        (2, 26, 2, 38, "jargon.test-jargon", "1"),
        (4, 30, 4, 40, "jargon.test-jargon", "2"),
    ]
    assert span_in_file(path, 4, 30, 40) == "kicked off"


def test_json_that_is_not_an_array_of_objects(tmp_path):
    path = write(tmp_path, "bad.json", '[{"note": "fine"}, 3]')
    items = [item for _, item in read_file(str(path))]
    assert isinstance(items[0], Note)
    assert items[1].rule == "input.malformed-json" and "Item 2" in items[1].message


def test_folder_walk_reads_every_export_kind():
    paths = {Path(p).name for p, _ in read_notes([str(EXPORTS)])}
    assert paths == {"case-notes.csv", "case-notes.tsv", "case-notes.jsonl", "case-notes.json"}


def test_non_utf8_export_is_read_as_windows_1252_with_a_warning(tmp_path):
    path = write(tmp_path, "legacy.csv", "id,note\n1,\"Caf\xe9 visit.\"\n".encode("cp1252"))
    items = [item for _, item in read_file(str(path))]
    assert items[0].rule == "input.encoding" and items[0].severity == "warning"
    assert items[1].text == "Café visit."


def test_docx_paragraphs_and_table_cells_are_located_by_paragraph(linter, tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("Training case study")
    document.add_paragraph("The family were known for non-engagement with services.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Poor"
    table.cell(0, 1).text = "Mum kicked off."
    document.add_paragraph("Write what was seen and heard.")
    buffer = io.BytesIO()
    document.save(buffer)
    path = write(tmp_path, "training.docx", buffer.getvalue())
    assert findings(linter, path) == [
        (2, 27, 2, 41, "jargon.test-jargon", None),
        (4, 5, 4, 15, "jargon.test-jargon", None),   # paragraph 4 is the second table cell
    ]


def test_a_broken_docx_is_reported(tmp_path):
    path = write(tmp_path, "broken.docx", b"PK\x03\x04 not really a zip")
    (problem,) = [item for _, item in read_file(str(path))]
    assert problem.rule == "input.unreadable" and "Word" in problem.message


def test_jsonl_lines_without_a_text_field_are_reported_each_and_the_rest_checked(linter, tmp_path):
    path = write(tmp_path, "export.jsonl",
                 '{"id": "1", "summary": "x"}\n'
                 '{"id": "2", "text": "Mum kicked off."}\n'
                 '{"id": "3", "summary": "y"}\n')
    out = [(d.line, d.rule, d.message) for d in linter.lint(read_file(str(path)))]
    assert [o[:2] for o in out] == [(1, "input.no-text-column"), (2, "jargon.test-jargon"),
                                    (3, "input.no-text-column")]
    assert "columns seen: 'id', 'summary'" in out[0][2]
    assert out[2][2] == ("Line 3 has no note text either (the same fields as line 1), "
                         "so it was skipped.")


def test_trailing_empty_cell_and_blank_lines(linter, tmp_path):
    path = write(tmp_path, "export.csv", 'id,note,extra\n\n1,"Mum kicked off.",\n\n')
    assert findings(linter, path) == [(3, 8, 3, 18, "jargon.test-jargon", "1")]


def test_excerpt_lines_up_with_the_finding_after_doubled_quotes(linter):
    # Reporters underline excerpt[column - excerpt_column:]: it must land on the match even
    # though the file has "" where the note text has ".
    found = list(linter.lint(read_file(str(EXPORTS / "case-notes.csv"))))
    last = found[-1]
    assert last.excerpt == 'Jamie said "I don\'t want to go" and kicked off, then settled.'
    start = last.column - last.excerpt_column
    assert last.excerpt[start:start + 10] == "kicked off"


def test_semicolon_csv_with_a_byte_order_mark(linter, tmp_path):
    path = write(tmp_path, "excel.csv", '\ufeffID;Case Note\r\n5;"Mum kicked off; then left."\r\n')
    assert findings(linter, path) == [(2, 8, 2, 18, "jargon.test-jargon", "5")]


# -- exports as case systems write them ----------------------------------------------------

import datetime as dt  # noqa: E402

import yaml  # noqa: E402

from notecheck.checker import Checker  # noqa: E402
from notecheck.notes.columns import COLUMNS_FILE, FIELDS, map_columns, normalise_name  # noqa: E402


@pytest.fixture(scope="module")
def real():
    """The built-in date rules and one label rule, with today fixed."""
    return Checker(select=["timeliness", "labelling.blaming-label"], today=dt.date(2026, 12, 1))


def real_findings(checker, path):
    return [(d.rule, d.line, d.column, d.note) for d in checker.check_paths([str(path)])]


def test_mosaic_style_pascal_case_headers_are_read(real, tmp_path):
    path = write(tmp_path, "mosaic.csv",
                 "CaseNoteID,PersonID,DateOfContact,CaseNoteText\n"
                 "CN-1,P-77,30/11/2026 16:05,Mum kicked off when I arrived.\n"
                 "CN-2,P-78,2026-11-30T16:05:00Z,A calm visit with Dad.\n")
    # Every row checked, the dates read: no "missing contact date", no "invalid date".
    assert real_findings(real, path) == [("labelling.blaming-label", 2, 32, "CN-1")]
    notes = [item for _, item in read_file(str(path))]
    assert [n.meta["contact_date"] for n in notes] == ["30/11/2026 16:05", "2026-11-30T16:05:00Z"]
    assert notes[0].meta["PersonID"] == "P-77"  # kept as extra metadata, not the subject


def test_camel_case_json_lines_export_is_read(real, tmp_path):
    path = write(tmp_path, "notes.jsonl",
                 '{"caseNoteId": "J-1", "dateOfContact": "30 November 2026", "noteText": "Dad kicked off at the door."}\n'
                 '{"caseNoteId": "J-2", "dateOfContact": "2026-11-30T16:05:00+01:00", "noteText": "A calm visit."}\n')
    assert real_findings(real, path) == [("labelling.blaming-label", 1, 77, "J-1")]


def test_liquidlogic_case_note_date_with_month_names(real, tmp_path):
    path = write(tmp_path, "lcs.csv",
                 "Case Note ID,Case Note Type,Case Note Date,Case Note Text,Worker Team\n"
                 "L1,Home visit,30-Nov-2026,Mum kicked off.,Team North\n"
                 "L2,Home visit,30-Dec-2026,A calm visit.,Team North\n")
    # 30-Nov-2026 is read; 30-Dec-2026 is read too, and is after today.
    assert real_findings(real, path) == [("labelling.blaming-label", 2, 31, "L1"),
                                         ("timeliness.future-date", 3, 15, "L2")]
    note = next(item for _, item in read_file(str(path)))
    assert note.meta["team"] == "Team North" and note.meta["note_type"] == "Home visit"


def test_carefirst_observation_date(real, tmp_path):
    path = write(tmp_path, "carefirst.csv", "Observation ID,Observation Date,Observation Text\n"
                                            "O1,30 Nov 2026,He kicked off at the centre.\n")
    assert real_findings(real, path) == [("labelling.blaming-label", 2, 19, "O1")]


def test_excel_serial_dates_in_export_date_columns(tmp_path):
    path = write(tmp_path, "excel.csv", "Case Note ID,Contact Date,Recorded Date,Case Note Text\n"
                                        "X1,46356,46363,A calm visit.\n"
                                        "X2,46356.67,46356.75,A calm visit.\n")
    notes = [item for _, item in read_file(str(path))]
    assert notes[0].meta["contact_date"] == "2026-11-30"
    assert notes[0].meta["recorded_date"] == "2026-12-07"
    assert notes[1].meta["contact_date"] == "2026-11-30T16:05"
    checker = Checker(select=["timeliness"], today=dt.date(2026, 12, 10))
    # Monday 30 November to Monday 7 December: 5 working days late; X2 was same day.
    assert real_findings(checker, path) == [("timeliness.late-recording", 2, 10, "X1")]


def test_a_number_outside_the_plausible_range_is_not_a_date(real, tmp_path):
    path = write(tmp_path, "odd.csv", "Case Note ID,Contact Date,Case Note Text\nZ1,12,A calm visit.\n")
    [finding] = list(real.check_paths([str(path)]))
    assert (finding.rule, finding.line, finding.column) == ("timeliness.invalid-date", 2, 4)


def test_an_unreadable_date_format_is_one_finding_per_column_and_shape(real, tmp_path):
    rows = "".join(f"R{i},30.11.2026 x,A calm visit.\n" for i in range(1, 6))
    path = write(tmp_path, "bad.csv", "Case Note ID,Contact Date,Case Note Text\n" + rows)
    [finding] = list(real.check_paths([str(path)]))
    assert (finding.rule, finding.line, finding.column, finding.note) == (
        "timeliness.invalid-date", 2, 4, "R1")
    assert "'dd.dd.dddd a'" in finding.message and "30.11" not in finding.message
    assert "5 notes in this file have this problem" in finding.message


def test_headers_are_matched_whatever_their_case_and_separators():
    assert normalise_name("CaseNoteID") == normalise_name("case_note_id") == "case note id"
    assert normalise_name("caseNoteId") == normalise_name("Case-Note ID") == "case note id"
    assert normalise_name("DateOfContact") == "date of contact"
    assert map_columns(["TEAM_NAME", "note_text", "DATE"]) == {"team": 0, "text": 1, "contact_date": 2}
    # Within a field the more specific name wins, wherever it stands.
    assert map_columns(["Date", "Case Note Date", "Notes"])["contact_date"] == 1


def test_the_column_table_names_each_column_under_one_field():
    data = yaml.safe_load(COLUMNS_FILE.read_text(encoding="utf-8"))["fields"]
    assert set(data) <= set(FIELDS)
    seen: dict[str, str] = {}
    for field, names in data.items():
        for name in names:
            key = normalise_name(name)
            assert key not in seen, f"'{name}' is under both {seen[key]} and {field}"
            seen[key] = field


def test_no_text_column_names_the_nearest_and_masks_data_like_headers(tmp_path):
    path = write(tmp_path, "export.csv", "Ref,Narative Txt,Jane Smith 12/03/2015\nR1,x,y\n")
    [(_, problem)] = list(read_file(str(path)))
    assert problem.rule == "input.no-text-column"
    assert "The nearest is 'Narative Txt'" in problem.message
    assert "Jane" not in problem.message and "12/03/2015" not in problem.message
    assert "'Ref'" in problem.message


def test_show_settings_prints_each_exports_column_mapping(cli, write):
    write("exports/notecheck.yaml", "columns: {subject: Client}\n")
    write("exports/lcs.csv", "Case Note ID,Case Note Date,Case Note Text,Client,Worker Team\n"
                             "L1,30-Nov-2026,A calm visit.,Sam,North\n")
    write("exports/visit.md", "A calm visit.\n")
    result = cli(["check", "exports", "--show-settings"])
    assert result.exit_code == 0, result
    config = str(Path("exports/notecheck.yaml").resolve())
    assert result.stdout.splitlines()[:12] == [
        "exports/lcs.csv:",
        f"  config: {config}",
        "  profile: record",
        result.stdout.splitlines()[3],  # the number of rules on by default
        "  columns:",
        "    text -> 'Case Note Text'",
        "    id -> 'Case Note ID'",
        "    subject -> 'Client'",
        "    contact_date -> 'Case Note Date'",
        "    team -> 'Worker Team'",
        "exports/visit.md:",
        f"  config: {config}",
    ]
    assert result.stdout.splitlines()[3].startswith("  rules: ")
    assert "Found" not in result.stdout  # nothing was checked
