"""Profiles: record (personal-data rules off) and training (on, as errors)."""

import textwrap

import pytest
from typer.testing import CliRunner

from notecheck.cli import app
from notecheck.config import load_config
from notecheck.rules.loader import builtin_rules_dir, load_rules
from notecheck.rules.selection import apply_profile, rule_profiles, select_rules

NOTE = "Visit to the family. Mum's mobile is 07123 456789 and she said Nan helps.\n"


@pytest.fixture(scope="module")
def rules():
    return load_rules([builtin_rules_dir()])


def test_record_profile_leaves_personal_data_rules_off(rules):
    chosen = select_rules(apply_profile(rules, "record"), [], [])
    assert not [r for r in chosen if r.category == "personal-data"]


def test_training_profile_turns_them_on_as_errors(rules):
    chosen = select_rules(apply_profile(rules, "training"), [], [])
    personal = {r.id: r.severity.value for r in chosen if r.category == "personal-data"}
    assert "personal-data.nhs-number" in personal and "personal-data.person-name" in personal
    assert set(personal.values()) == {"error"}


def test_config_severity_still_wins_over_the_profile(rules):
    chosen = select_rules(apply_profile(rules, "training"), [], [],
                          {"personal-data.postcode": "warning"})
    assert {r.id: r.severity.value for r in chosen}["personal-data.postcode"] == "warning"


def test_rule_profiles(rules):
    by_id = {r.id: r for r in rules}
    assert rule_profiles(by_id["personal-data.email"]) == ["training"]


def test_cli_profile_option_and_config_key(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    runner = CliRunner()
    record = runner.invoke(app, ["check", str(note), "--format", "text"])
    assert "personal-data.phone" not in record.output
    training = runner.invoke(app, ["check", str(note), "--format", "text", "--profile", "training"])
    assert training.exit_code == 1
    assert f"{note}:1:38: error personal-data.phone" in training.output
    (tmp_path / "notecheck.yaml").write_text("profile: training\n")
    from_config = runner.invoke(app, ["check", str(note), "--format", "text"])
    assert "personal-data.phone" in from_config.output
    overridden = runner.invoke(app, ["check", str(note), "--format", "text", "--profile", "record"])
    assert "personal-data.phone" not in overridden.output


def test_unknown_profile_is_a_clear_error(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text(NOTE)
    result = CliRunner().invoke(app, ["check", str(note), "--profile", "trainign"])
    assert result.exit_code == 2 and "--profile must be one of record, training" in result.output
    (tmp_path / "notecheck.yaml").write_text("profile: trainign\n")
    result = CliRunner().invoke(app, ["check", str(note)])
    assert result.exit_code == 2 and "notecheck.yaml:1:" in result.output


def test_init_training_writes_a_matching_config(tmp_path):
    path = tmp_path / "notecheck.yaml"
    result = CliRunner().invoke(app, ["init", str(path), "--profile", "training"])
    assert result.exit_code == 0
    config = load_config(path)
    assert config.profile == "training" and config.pseudonyms == []
    assert load_config(_init(tmp_path / "default.yaml")).profile == "record"


def _init(path):
    CliRunner().invoke(app, ["init", str(path)])
    return path


def test_pseudonyms_in_config_are_not_flagged(tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Alex Reid said that A.R. and Charlie Birch were at home with Mum. "
                    "Later Jamie Smith arrived.\n")
    (tmp_path / "notecheck.yaml").write_text(textwrap.dedent("""\
        profile: training
        pseudonyms: [Alex Reid, Charlie Birch]
        """))
    result = CliRunner().invoke(app, ["check", str(note), "--format", "text"])
    lines = [l for l in result.output.splitlines() if "person-name" in l]
    assert len(lines) == 1 and "J**** S****" in lines[0], result.output


def test_rules_command_shows_which_profiles_run_a_rule():
    result = CliRunner().invoke(app, ["rules", "--category", "personal-data"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "on in" in result.output
    row = next(l for l in result.output.splitlines() if "personal-data.nhs-number" in l)
    assert "training" in row and "record" not in row
