"""Conventions from ruff and Vale: per-file config (exclude, per_file_ignores), -o,
--stdin-filename, explain CATEGORY; less noise (one finding per rule per span); training
material (no contact date asked, suppressions around quotes, anonymised Word documents);
and the GitHub Actions workflow of docs/github-actions.md, run as written."""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from notecheck.checker import Checker
from notecheck.engine import Linter
from notecheck.notes.text import parse_text
from notecheck.rules.loader import load_rules

ROOT = Path(__file__).resolve().parent.parent


def found(diagnostics):
    return [(d.rule, d.line, d.column) for d in diagnostics]


# -- config: exclude and per_file_ignores ---------------------------------------------------

def test_per_file_ignores_turn_rules_off_under_a_glob(write, tmp_path):
    write("notecheck.yaml", 'per_file_ignores: {"training/**": [timeliness], "*.draft.md": [labelling.blaming-label]}\n')
    write("training/module-1/case-study.md", "Mum kicked off.\n")
    write("records/visit.md", "Mum kicked off.\n")
    write("records/visit.draft.md", "Mum kicked off.\n")
    checker = Checker(select=["timeliness", "labelling.blaming-label"], today=dt.date(2026, 12, 1))
    got = {Path(d.path).relative_to(tmp_path).as_posix(): [] for d in []}
    for d in checker.check_paths([str(tmp_path)]):
        got.setdefault(Path(d.path).relative_to(tmp_path).as_posix(), []).append((d.rule, d.line, d.column))
    assert got == {
        "records/visit.draft.md": [("timeliness.missing-contact-date", 1, 1)],
        "records/visit.md": [("timeliness.missing-contact-date", 1, 1),
                             ("labelling.blaming-label", 1, 5)],
        "training/module-1/case-study.md": [("labelling.blaming-label", 1, 5)],
    }


def test_exclude_globs_are_relative_to_the_config(write, tmp_path):
    write("notes/notecheck.yaml", "exclude: [archive, '*.tmp.md']\n")
    write("notes/archive/old.md", "Mum kicked off.\n")
    write("notes/scratch.tmp.md", "Mum kicked off.\n")
    write("notes/visit.md", "Mum kicked off.\n")
    write("archive/elsewhere.md", "Mum kicked off.\n")  # outside the config's folder
    checker = Checker(select=["labelling.blaming-label"])
    paths = sorted({Path(d.path).relative_to(tmp_path).as_posix()
                    for d in checker.check_paths([str(tmp_path)])})
    assert paths == ["archive/elsewhere.md", "notes/visit.md"]


def test_an_unknown_config_key_is_still_an_error(cli, write):
    write("notecheck.yaml", "per_file_ignore: {}\n")
    write("a.md", "A calm visit.\n")
    result = cli(["check", "a.md"])
    assert result.exit_code == 2
    assert "unknown key 'per_file_ignore' (did you mean 'per_file_ignores'?)" in result.stderr



@pytest.mark.parametrize("config, says", [
    ("columns: 5\n", "notecheck.yaml:1: 'columns': must be a set of 'name: value' lines indented under it"),
    ("exclude: 5\n", "notecheck.yaml:1: 'exclude': must be a list: one '- item' line for each"),
])
def test_a_config_value_of_the_wrong_shape_is_said_in_plain_english(cli, write, config, says):
    write("notecheck.yaml", config)
    write("a.md", "A calm visit.\n")
    result = cli(["check", "a.md"])
    assert result.exit_code == 2
    assert says in result.stderr
    assert "Input should be" not in result.stderr

# -- the command line: -o, --stdin-filename, explain CATEGORY --------------------------------

def test_output_file_gets_the_report_and_stdout_stays_empty(cli, write, tmp_path):
    write("a.md", "Mum kicked off.\n")
    result = cli(["check", "a.md", "--select", "labelling.blaming-label", "-f", "json",
                  "-o", "out/report.json"])
    assert result.exit_code == 1, result
    assert result.stdout == ""
    report = (tmp_path / "out" / "report.json").read_text()
    import json

    [d] = json.loads(report)["diagnostics"]
    assert (d["rule"], d["line"], d["column"]) == ("labelling.blaming-label", 1, 5)
    assert not [p for p in (tmp_path / "out").iterdir() if p.name != "report.json"]  # no temp files


def test_stdin_filename_gives_stdin_that_files_reader_config_and_name(cli, write):
    write("exports/notecheck.yaml", "columns: {text: Narrative Of Visit}\n")
    csv = "Case Note ID,Narrative Of Visit\nN1,Mum kicked off.\n"
    result = cli(["check", "-", "--stdin-filename", "exports/x.csv", "--select",
                  "labelling.blaming-label", "-f", "text"], input=csv)
    assert result.exit_code == 1, result
    assert result.stdout.splitlines()[0].startswith(
        "exports/x.csv:2:8: warning labelling.blaming-label")
    assert "[note N1]" in result.stdout.splitlines()[0]


def test_stdin_without_a_filename_is_a_text_note(cli):
    result = cli(["check", "-", "--select", "labelling.blaming-label", "-f", "text"],
                 input="Mum kicked off.\n")
    assert result.stdout.splitlines()[0].startswith("-:1:5: warning labelling.blaming-label")


def test_explain_a_category_lists_its_rules(cli):
    result = cli(["explain", "sharing"])
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert lines[0].startswith("sharing  (")
    assert "sharing information" in lines[2]
    rule_lines = [l for l in lines if l.startswith("  sharing.")]
    assert len(rule_lines) >= 4
    assert any(re.match(r"  sharing\.missing-consent-basis +warning +\S", l) for l in rule_lines)
    assert cli(["explain", "labelling.blaming-label"]).stdout.startswith("labelling.blaming-label")
    bad = cli(["explain", "sharng"])
    assert bad.exit_code == 2 and "did you mean 'sharing'?" in bad.stderr


def test_stdin_on_a_terminal_says_how_to_finish(monkeypatch, capsys):
    import typer

    import notecheck.cli as cli_module

    class Terminal:
        def isatty(self):
            return True

        buffer = __import__("io").BytesIO(b"A calm visit.\n")

    monkeypatch.setattr(sys, "stdin", Terminal())
    with pytest.raises(typer.Exit):
        cli_module.check(paths=["-"], format=None, select=["labelling.blaming-label"], ignore=[],
                         fail_on=None, config_path=None, rules_dirs=[], exclude=[],
                         statistics=False, quiet=True, no_color=True, today=None, profile=None,
                         show_personal_data=False, baseline=None, no_cache=True, jobs=1,
                         output_file=None, stdin_filename=None, show_settings=False,
                         fix=False, unsafe_fixes=False, diff=False, dask=False, dask_address=None)
    err = capsys.readouterr().err
    assert "Ctrl-D" in err and "Ctrl-Z" in err


# -- noise: one finding per rule per span ---------------------------------------------------

@pytest.fixture(scope="module")
def builtin():
    return Checker(today=dt.date(2026, 12, 1))


def per_rule_span(diagnostics):
    keys = [(d.rule, d.line, d.column, d.end_line, d.end_column) for d in diagnostics]
    return len(keys) == len(set(keys))


def test_info_shared_with_school_is_one_finding_per_rule(builtin):
    diagnostics = builtin.check_text("Info shared with school.\n",
                                     {"contact_date": "2026-11-30", "subject_type": "child"})
    sharing = [d for d in diagnostics if d.category == "sharing"]
    assert sharing and per_rule_span(diagnostics)
    assert len({d.rule for d in sharing}) == len(sharing)


def test_presented_as_and_repeated_respite(builtin):
    text = ("Mum presented as tired. We talked about respite. Respite was agreed, "
            "respite care from Monday.\n")
    diagnostics = builtin.check_text(text, {"contact_date": "2026-11-30"})
    assert per_rule_span(diagnostics)
    assert [d.column for d in diagnostics if d.rule == "jargon.care-jargon"] == [5]
    assert [d.column for d in diagnostics if d.rule == "labelling.institutional-language"] == [41, 50, 70]


OVERLAPPING = r"""
rules:
  - id: labelling.zz-overlap
    kind: phrase
    severity: info
    message: "'{match}' is service language."
    description: Overlapping terms.
    principle: Plain English.
    terms:
      - term: respite
      - term: respite care
      - term: care from
    examples:
      fail: ["She goes to respite."]
      pass: ["She goes to her aunt's."]
  - id: labelling.zz-patterns
    kind: regex
    severity: info
    message: "'{match}' again."
    description: Two patterns for one term.
    principle: Plain English.
    regex: '\brespite\b|\bresp\w+'
    examples:
      fail: ["She goes to respite."]
      pass: ["She goes to her aunt's."]
"""


def test_overlapping_spans_of_one_rule_keep_the_longest(tmp_path):
    (tmp_path / "r.yaml").write_text(OVERLAPPING)
    linter = Linter(load_rules([tmp_path]))
    note = parse_text("n.md", "Respite care from Monday, and respite again.\n")
    diagnostics = linter.check(linter.parse(note))
    assert [(d.rule, d.column, d.end_column) for d in diagnostics] == [
        ("labelling.zz-overlap", 1, 13),    # "Respite care", not "Respite" and "care from"
        ("labelling.zz-patterns", 1, 8),
        ("labelling.zz-overlap", 31, 38),
        ("labelling.zz-patterns", 31, 38),
    ]


# -- training material --------------------------------------------------------------------

def test_the_training_profile_does_not_ask_for_a_contact_date():
    text = "A calm session about writing notes.\n"
    record = Checker(select=[], today=dt.date(2026, 12, 1))
    training = Checker(profile="training", today=dt.date(2026, 12, 1))
    assert "timeliness.missing-contact-date" in [d.rule for d in record.check_text(text)]
    assert "timeliness.missing-contact-date" not in [d.rule for d in training.check_text(text)]
    selected = Checker(profile="training", select=["timeliness.missing-contact-date"])
    assert found(selected.check_text(text)) == [("timeliness.missing-contact-date", 1, 1)]


TRAINING_NOTE = """\
# Poor practice

<!-- notecheck-disable labelling.blaming-label -->
> "Mum kicked off at school."
<!-- notecheck-enable -->

The phrase "kicked off" hides what happened. <!-- notecheck: ignore[labelling.blaming-label] -->

Stale: a calm line. <!-- notecheck: ignore[labelling.blaming-label] -->
"""


def test_suppressions_around_quoted_examples_are_used_and_unused_ones_are_info():
    checker = Checker(profile="training", select=["labelling.blaming-label"])
    diagnostics = checker.check_text(TRAINING_NOTE, path="training/module.md")
    assert [(d.rule, d.line, d.column, d.severity.value) for d in diagnostics] == [
        ("notecheck.unused-suppression", 9, 21, "info")]
    assert checker.exit_code(diagnostics) == 0  # info does not fail the run


def test_anonymise_copies_word_documents_and_keeps_approved_pseudonyms(cli, tmp_path):
    import docx

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "notecheck.yaml").write_text("profile: training\npseudonyms: [Alex Reid]\n")
    document = docx.Document()
    paragraph = document.add_paragraph("Home visit to ")
    paragraph.add_run("Jamie Smith").bold = True
    paragraph.add_run(" and his mum. Alex Reid, the student, was there.")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "NHS number"
    table.cell(0, 1).text = "Jamie Smith's NHS number is 943 476 5919."
    document.save(pack / "visit.docx")
    result = cli(["anonymise", str(pack), "--out", str(tmp_path / "copy"),
                  "--config", str(pack / "notecheck.yaml")])
    assert result.exit_code == 0, result
    from notecheck.anonymise import docx_paragraphs

    copy = docx.Document(tmp_path / "copy" / "visit.docx")
    texts = [p.text for p in docx_paragraphs(copy)]
    assert not any("Jamie" in t or "Smith" in t or "943 476 5919" in t for t in texts)
    assert "Alex Reid, the student" in texts[0]   # the approved pseudonym is kept
    assert [r.bold for r in copy.paragraphs[0].runs] == [None, True, None]  # formatting kept
    assert texts[1] == "NHS number" and "999 " in texts[2]
    config = yaml.safe_load((tmp_path / "copy" / "notecheck.yaml").read_text())
    assert config["profile"] == "training" and "Alex Reid" in config["pseudonyms"]
    # The copy's own config is honoured when the copy is checked: no personal data left.
    check = cli(["check", str(tmp_path / "copy"), "--select", "personal-data", "-f", "json"])
    assert check.exit_code == 0, check
    assert check.json["diagnostics"] == []


# -- the GitHub Actions workflow, run as documented --------------------------------------

def workflow_steps() -> list[dict]:
    text = (ROOT / "docs" / "github-actions.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    workflows = [yaml.safe_load(b) for b in blocks if "jobs:" in b]
    assert len(workflows) == 2
    return [step for w in workflows for job in w["jobs"].values() for step in job["steps"]]


def test_the_documented_workflows_declare_what_github_requires():
    text = (ROOT / "docs" / "github-actions.md").read_text(encoding="utf-8")
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.S) if "jobs:" in b]
    sarif = blocks[1]
    assert sarif["permissions"]["security-events"] == "write"
    [upload] = [s for s in sarif["jobs"]["notecheck"]["steps"]
                if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")]
    assert upload["with"]["category"] and upload["with"]["sarif_file"] == "notecheck.sarif"


@pytest.mark.parametrize("layout", ["training", "exports", "none"])
def test_the_documented_workflow_runs_in_a_repository_with_only_some_folders(tmp_path, layout):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash")
    repo = tmp_path / "repo"
    repo.mkdir()
    if layout == "training":
        (repo / "training").mkdir()
        (repo / "training" / "notecheck.yaml").write_text("profile: training\n")
        (repo / "training" / "module.md").write_text(
            "# Recording a visit\n\nSay what you saw and heard, in plain words.\n")
    elif layout == "exports":
        (repo / "exports").mkdir()
        (repo / "exports" / "notes.csv").write_text(
            "Case Note ID,Case Note Date,Case Note Text\nN1,30-Nov-2026,A calm visit.\n")
    bin_dir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
           "PYTHONPATH": str(ROOT / "src"), "NOTECHECK_TODAY": "2026-12-01",
           "NOTECHECK_CACHE_DIR": str(tmp_path / "cache"),
           # The install step must be a no-op here: notecheck is importable.
           "NOTECHECK_PACKAGE": "/nonexistent/never-installed"}
    env.pop("CI", None)
    for step in workflow_steps():
        if "run" not in step:
            continue  # actions (checkout, setup-python, cache, upload) are GitHub's
        result = subprocess.run([bash, "-e", "-c", step["run"]], cwd=repo, env=env,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, (step, result.stdout, result.stderr)
        if "sarif" in step["run"] and layout != "none":
            import json

            sarif = json.loads((repo / "notecheck.sarif").read_text())
            assert sarif["version"] == "2.1.0" and sarif["runs"][0]["results"] == []
        if "--format github" in step["run"]:
            if layout == "none":
                assert "nothing to check" in result.stdout
            else:
                assert "::" not in result.stdout  # clean material: no annotations
