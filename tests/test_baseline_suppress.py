"""Adopting notecheck on existing records: inline suppressions and baselines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notecheck import cli
from notecheck.engine import Linter
from notecheck.notes.text import parse_text
from notecheck.rules.loader import load_rules

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def linter():
    return Linter(load_rules([DATA / "rules"]))


def lint(linter, text):
    note = parse_text("training.md", text)
    return [(d.line, d.column, d.rule) for d in linter.check(linter.parse(note))]


# -- suppressions ----------------------------------------------------------------------------

def test_disable_enable_block_by_category_and_by_rule(linter):
    text = ("Poor example:\n"
            "<!-- notecheck-disable jargon.test-jargon -->\n"
            "Mum kicked off and Jamie is LAC.\n"
            "<!-- notecheck-enable -->\n"
            "Better: Mum shouted. She kicked off.\n")
    assert lint(linter, text) == [(3, 29, "jargon.test-acronym"), (5, 26, "jargon.test-jargon")]
    by_category = text.replace("jargon.test-jargon", "jargon")
    assert lint(linter, by_category) == [(5, 26, "jargon.test-jargon")]


def test_disable_without_a_rule_turns_everything_off_to_the_end(linter):
    text = "Fine so far.\n<!-- notecheck-disable -->\nMum kicked off. Jamie is LAC.\n"
    assert lint(linter, text) == []


def test_ignore_on_the_same_line_or_alone_on_the_line_before(linter):
    text = ("Mum kicked off. <!-- notecheck: ignore[jargon.test-jargon] -->\n"
            "<!-- notecheck: ignore[jargon.test-acronym] -->\n"
            "\n"
            "Jamie is LAC.\n"
            "Dad kicked off. notecheck: ignore[jargon.test-jargon]\n"
            "Then it kicked off again.\n")
    assert lint(linter, text) == [(6, 9, "jargon.test-jargon")]


def test_unused_suppressions_are_reported(linter):
    text = ("<!-- notecheck-disable jargon.test-acronym -->\n"
            "Mum shouted at the door.\n"
            "<!-- notecheck-enable -->\n"
            "Jamie is LAC. <!-- notecheck: ignore[jargon.test-acronym, jargon.test-jargon] -->\n"
            "A calm visit. notecheck: ignore\n")
    note = parse_text("training.md", text)
    found = linter.check(linter.parse(note))
    assert [(d.line, d.column, d.end_column, d.rule, d.severity.value) for d in found] == [
        # info: a stale suppression is housekeeping, it does not fail CI by default
        (1, 1, 47, "notecheck.unused-suppression", "info"),
        (4, 15, 82, "notecheck.unused-suppression", "info"),
        (5, 15, 32, "notecheck.unused-suppression", "info"),
    ]
    assert "no longer hides anything from 'jargon.test-jargon'" in found[1].message
    assert "can be removed" in found[0].message


def test_a_suppression_for_a_rule_not_in_this_run_is_not_called_unused(linter):
    text = "A calm visit. <!-- notecheck: ignore[voice.missing-child-voice] -->\n"
    assert lint(linter, text) == []


# -- baselines ---------------------------------------------------------------------------------

@pytest.fixture
def run(pack_cli):
    def invoke(*args):
        result = pack_cli(*args)
        return result.exit_code, result.stdout

    return invoke


EXPORT = ('id,note\n'
          'N1,"Home visit. Mum kicked off when I arrived."\n'
          'N2,"Jamie is LAC. School said there was non-engagement."\n')


def findings(out):
    return [line.split(": ", 2)[1] + " " + line.split()[0] for line in out.splitlines()
            if line.startswith("export.csv")]


def test_baseline_hides_known_findings_and_survives_moves_and_unrelated_edits(run, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(EXPORT, encoding="utf-8")
    code, out = run("baseline", "export.csv", "--out", "baseline.json")
    assert code == 0 and "Wrote baseline.json: 3 findings in 2 notes" in out
    recorded = (tmp_path / "baseline.json").read_text(encoding="utf-8")
    assert "kicked off" not in recorded and "Home visit" not in recorded  # no note text
    entries = json.loads(recorded)["findings"]
    assert {(e["rule"], e["note"], e["count"]) for e in entries} == {
        ("jargon.test-jargon", "N1", 1), ("jargon.test-jargon", "N2", 1),
        ("jargon.test-acronym", "N2", 1)}

    code, out = run("check", "export.csv", "--baseline", "baseline.json", "--format", "text")
    assert code == 0 and findings(out) == []

    # Notes reordered, a note added above, and an unrelated sentence edited.
    export.write_text('id,note\n'
                      'N0,"A calm visit."\n'
                      'N2,"Jamie is LAC. School said there was non-engagement."\n'
                      'N1,"Home visit on a wet Tuesday. Mum kicked off when I arrived."\n',
                      encoding="utf-8")
    code, out = run("check", "export.csv", "--baseline", "baseline.json", "--format", "text")
    assert code == 0 and findings(out) == []

    # A new finding, and the same sentence written a second time, are reported.
    export.write_text(EXPORT.replace("arrived.", "arrived. Mum kicked off when I arrived.")
                      + 'N3,"Dad presented as calm."\n', encoding="utf-8")
    code, out = run("check", "export.csv", "--baseline", "baseline.json", "--format", "text")
    assert code == 1
    reported = [line.split(": ")[0] for line in out.splitlines() if line.startswith("export.csv")]
    assert reported == ["export.csv:2:52", "export.csv:4:9"]


def test_a_bad_baseline_file_is_a_clear_error(run, tmp_path):
    (tmp_path / "n.md").write_text("Fine.\n", encoding="utf-8")
    (tmp_path / "baseline.json").write_text("not json", encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["check", "n.md", "--baseline", "baseline.json"])
    assert result.exit_code == 2
    assert "is not a notecheck baseline file" in result.stderr


def test_unused_suppression_warnings_can_be_turned_off(run, tmp_path):
    (tmp_path / "n.md").write_text("A calm visit. <!-- notecheck: ignore[jargon] -->\n",
                                   encoding="utf-8")
    code, out = run("check", "n.md", "--format", "text", "--quiet")
    # Reported, as info: a stale suppression does not fail the run by default.
    assert code == 0 and "info notecheck.unused-suppression" in out
    code, out = run("check", "n.md", "--format", "text", "--quiet",
                    "--ignore", "notecheck.unused-suppression")
    assert code == 0 and out == ""
