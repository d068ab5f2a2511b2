"""No output format prints a detected identifier in full."""

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notecheck.cli import Format, app

NOTE = textwrap.dedent("""\
    ---
    subject: Jamie Smith
    author: Priya Sharma
    note_type: home visit
    ---
    Jamie Smith did not engage. NHS 943 476 5919, mobile 07123 456789, email jane.smith@gmail.com.
    Mum's NI number is AB 12 34 56 C and DOB 17/06/2015; they live at 14 Acacia Avenue, LS6 2QT.
    """)
RAW = ["943 476 5919", "07123 456789", "jane.smith@gmail.com", "AB 12 34 56 C", "17/06/2015",
       "14 Acacia Avenue", "LS6 2QT", "Jamie Smith", "Smith", "Priya Sharma", "Sharma"]
ENGAGE_RULES = Path(__file__).parent / "data" / "engage-rule"  # jargon.test-engage


@pytest.fixture()
def workspace(tmp_path):
    (tmp_path / "note.md").write_text(NOTE)
    return tmp_path


def run(workspace, *args, env=None):
    return CliRunner().invoke(app, ["check", str(workspace / "note.md"), "--rules",
                                    str(ENGAGE_RULES), *args], env={"CI": None, **(env or {})})


@pytest.mark.parametrize("format", [f.value for f in Format])
def test_training_profile_output_never_shows_the_raw_values(workspace, format):
    result = run(workspace, "--profile", "training", "--format", format)
    assert result.exit_code == 1, result.output
    found_rules = {"personal-data.nhs-number", "personal-data.phone", "personal-data.email",
                   "personal-data.ni-number", "personal-data.date-of-birth",
                   "personal-data.address", "personal-data.postcode", "personal-data.person-name"}
    for rule in found_rules:
        assert rule in result.output
    for raw in RAW:
        assert raw not in result.output, f"{raw!r} printed in {format} output"
    assert "943 *** ****" in result.output and "AB ** ** ** C" in result.output


@pytest.mark.parametrize("format", [f.value for f in Format])
def test_record_profile_masks_identifiers_in_other_rules_excerpts(workspace, format):
    result = run(workspace, "--format", format)
    assert result.exit_code == 1, result.output
    assert "jargon.test-engage" in result.output
    assert "personal-data." not in result.output  # record profile: those rules are off
    for raw in RAW[:7]:  # the identifiers; names stay readable in the record profile
        assert raw not in result.output, f"{raw!r} printed in {format} output"


def test_json_excerpt_keeps_columns_when_masked(workspace):
    result = run(workspace, "--profile", "training", "--format", "json")
    diagnostics = json.loads(result.output)["diagnostics"]
    nhs = next(d for d in diagnostics if d["rule"] == "personal-data.nhs-number")
    line = NOTE.splitlines()[nhs["line"] - 1]
    assert len(nhs["excerpt"]) == len(line)
    assert nhs["excerpt"][nhs["column"] - 1:nhs["end_column"] - 1] == "943 *** ****"


def test_show_personal_data_unmasks_at_a_terminal(workspace):
    result = run(workspace, "--profile", "training", "--format", "text", "--show-personal-data")
    assert "943 476 5919" in result.output and "Jamie Smith" in result.output


@pytest.mark.parametrize("ci", ["true", "1", "yes"])
def test_show_personal_data_is_refused_in_ci(workspace, ci):
    result = run(workspace, "--format", "text", "--show-personal-data", env={"CI": ci})
    assert result.exit_code == 2
    assert "refused" in result.output and "943 476 5919" not in result.output


def test_a_note_id_that_is_an_identifier_is_masked():
    from notecheck.engine import Linter
    from notecheck.notes import Note
    from notecheck.rules.loader import load_rules

    rules = load_rules([ENGAGE_RULES])
    linter = Linter(rules)
    for note_id, shown in (("943 476 5919", "943 *** ****"), ("CASE-0042", "CASE-0042")):
        note = Note("export.csv", "He did not engage with the plan.", id=note_id)
        [diagnostic] = linter.check(linter.parse(note))
        assert diagnostic.note == shown
