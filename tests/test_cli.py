"""The command line: every option and exit code of `check`, config discovery, the other
commands, and the fallback when no trained English pipeline is installed.

Engine behaviour is tested with tiny rule folders written here; the real packs are only
assumed to exist, never to contain a particular rule.
"""

from __future__ import annotations

import re
import textwrap

import click.testing
import pytest

from conftest import TINY_RULES, spans
from notecheck import __version__
from notecheck.rules.loader import builtin_rules_dir, load_rules

PHRASE, ACRONYM, REGEX = "jargon.zz-phrase", "jargon.zz-acronym", "jargon.zz-regex"
ANSI = re.compile(r"\x1b\[")

# Line 1 has a warning (phrase) and an error (acronym); line 2 an info (regex).
NOTE = "Jamie kicked off at the CIN review.\nThe section 47 enquiry began.\n"


@pytest.fixture
def note(write):
    return write("notes/visit.txt", NOTE)


@pytest.fixture
def tiny(cli, tiny_rules):
    """check with the tiny rules only: tiny(args...) -> CliResult."""

    def run(*args, input=None, env=None):
        return cli(["check", "--rules", tiny_rules, "--select", "jargon.zz-*", *args],
                   input=input, env=env)

    return run


def text_findings(stdout: str) -> list[tuple[str, str]]:
    """(rule, 'line:col') from text output."""
    found = re.findall(r"^.+?:(\d+):(\d+): (?:error|warning|info) (\S+) ", stdout, re.M)
    return [(rule, f"{line}:{col}") for line, col, rule in found]


# --- formats ----------------------------------------------------------------------------

def test_text_format(tiny, note):
    result = tiny("--format", "text", note)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{note}:1:7: warning {PHRASE} 'kicked off' is jargon; write 'shouted and threw things'.",
        f"{note}:1:25: error {ACRONYM} 'CIN' is not spelled out; write 'child in need'.",
        f"{note}:2:5: info {REGEX} 'section 47' is shorthand; say what the enquiry is.",
        "Found 3 problems (1 error, 1 warning, 1 info) in 1 note (1 file).",
    ]


def test_text_is_the_default_when_not_a_terminal(tiny, note):
    result = tiny(note)
    assert text_findings(result.stdout) == [(PHRASE, "1:7"), (ACRONYM, "1:25"), (REGEX, "2:5")]
    assert not ANSI.search(result.stdout)


def test_json_schema(tiny, note):
    result = tiny("--format", "json", note)
    data = result.json
    assert set(data) == {"version", "diagnostics", "summary"}
    assert data["version"] == 1
    first = data["diagnostics"][0]
    assert first == {
        "path": str(note), "note": None, "line": 1, "column": 7, "end_line": 1, "end_column": 17,
        "rule": PHRASE, "category": "jargon", "severity": "warning",
        "message": "'kicked off' is jargon; write 'shouted and threw things'.",
        "suggestion": "shouted and threw things",
        "excerpt": "Jamie kicked off at the CIN review.",
    }
    assert [d["rule"] for d in data["diagnostics"]] == [PHRASE, ACRONYM, REGEX]
    summary = data["summary"]
    assert summary["files"] == 1 and summary["notes"] == 1 and summary["rules"] == 3
    assert summary["diagnostics"] == 3
    assert summary["by_severity"] == {"error": 1, "warning": 1, "info": 1}
    assert summary["by_category"] == {"jargon": 3}
    assert summary["by_rule"] == {PHRASE: 1, ACRONYM: 1, REGEX: 1}
    assert isinstance(summary["model"], str) and summary["model"]


def test_json_with_no_findings(tiny, write):
    clean = write("clean.md", "Jamie told me about his week at school.\n")
    result = tiny("--format", "json", clean)
    assert result.exit_code == 0
    assert result.json["diagnostics"] == []
    assert result.json["summary"]["diagnostics"] == 0


def test_json_keeps_non_ascii_readable(tiny, write):
    note = write("n.txt", "Zoë’s carer said she kicked off.\n")
    result = tiny("--format", "json", note)
    assert "Zoë’s carer said she kicked off." in result.stdout  # not \u escapes
    assert spans(result.json["diagnostics"]) == [(PHRASE, 1, 22, 1, 32)]


def test_rich_format_without_colour(tiny, note):
    result = tiny("--format", "rich", "--no-color", note)
    assert result.exit_code == 1
    assert not ANSI.search(result.stdout)
    lines = result.stdout.splitlines()
    assert lines[0] == str(note)
    assert re.match(rf"\s+1:7\s+warning\s+{re.escape(PHRASE)}$", lines[1])
    assert lines[2].strip() == "'kicked off' is jargon; write 'shouted and threw things'."
    # The note's line, with the span underlined under exactly "kicked off".
    excerpt, underline = lines[3], lines[4]
    assert excerpt.endswith("Jamie kicked off at the CIN review.")
    start = excerpt.index("kicked off")
    assert underline.index("^") == start and underline.rstrip().endswith("^" * 10)
    assert len(underline.strip().lstrip("│").strip()) == len("kicked off")
    assert "Summary" in result.stdout and "jargon" in result.stdout
    assert lines[-1] == "Found 3 problems (1 error, 1 warning, 1 info) in 1 note (1 file)."


def test_rich_shows_the_suggestion_when_the_message_does_not(cli, write, tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "a.yaml").write_text(TINY_RULES.replace(
        "message: \"'{match}' is jargon; write '{suggestion}'.\"", "message: Plain words are clearer."),
        encoding="utf-8")
    note = write("n.txt", "Jamie kicked off.\n")
    result = cli(["check", "--rules", folder, "--select", PHRASE, "--format", "rich", "--no-color", note])
    assert "Instead: shouted and threw things" in result.stdout


@pytest.fixture
def terminal(monkeypatch):
    """Pretend standard output is a terminal (the runner's stream class is typer's or click's)."""
    import typer.testing

    for module in (typer.testing, click.testing):
        wrapper = getattr(module, "_NamedTextIOWrapper", None)
        if wrapper is not None:
            monkeypatch.setattr(wrapper, "isatty", lambda self: True)


def test_rich_with_colour_is_the_default_on_a_terminal(tiny, note, terminal):
    result = tiny(note)
    assert ANSI.search(result.stdout)
    assert "Summary" in result.stdout


def test_no_color_env_gives_plain_text_on_a_terminal(tiny, note, terminal):
    result = tiny(note, env={"NO_COLOR": "1"})
    assert not ANSI.search(result.stdout)
    assert text_findings(result.stdout) == [(PHRASE, "1:7"), (ACRONYM, "1:25"), (REGEX, "2:5")]


def test_no_color_flag_on_a_terminal(tiny, note, terminal):
    result = tiny("--no-color", note)
    assert not ANSI.search(result.stdout)
    assert "^^^^^^^^^^" in result.stdout  # still the rich layout


def test_unknown_format_is_a_usage_error(tiny, note):
    assert tiny("--format", "xml", note).exit_code == 2


# --- statistics and quiet ----------------------------------------------------------------

def test_statistics_in_text(tiny, write):
    note = write("n.txt", "Jamie kicked off. Later he kicked off again. CIN.\n")
    result = tiny("--format", "text", "--statistics", note)
    lines = result.stdout.splitlines()
    assert lines[-3:] == [f"     2  {PHRASE}", f"     1  {ACRONYM}",
                          "Found 3 problems (1 error, 2 warnings) in 1 note (1 file)."]


def test_statistics_in_rich(tiny, note):
    result = tiny("--format", "rich", "--no-color", "--statistics", note)
    assert "Findings by rule" in result.stdout
    assert re.search(rf"│\s+1 │ {re.escape(REGEX)}", result.stdout)


def test_quiet_drops_the_summary(tiny, note):
    result = tiny("--format", "text", "--quiet", note)
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 3
    assert "Found" not in result.stdout
    rich = tiny("--format", "rich", "--no-color", "--quiet", note)
    assert "Summary" not in rich.stdout and "Found" not in rich.stdout
    assert "kicked off" in rich.stdout


# --- select and ignore ------------------------------------------------------------------

TWO_CATEGORIES = """\
rules:
  - id: {id}
    kind: phrase
    severity: warning
    message: "'{{match}}' found."
    description: A test rule.
    principle: A test principle.
    terms:
      - term: {term}
    examples:
      fail: ["{term}"]
      pass: ["nothing"]
"""


@pytest.fixture
def mixed_rules(tmp_path):
    """Rules in two categories, for selecting by category."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for rule_id, term in (("holistic.zz-one", "strengths"), ("jargon.zz-two", "signposted"),
                          ("jargon.zz-three", "threshold")):
        (folder / f"{rule_id}.yaml").write_text(TWO_CATEGORIES.format(id=rule_id, term=term))
    return folder


@pytest.mark.parametrize(("selectors", "expected"), [
    (["jargon.zz-two"], ["jargon.zz-two"]),                       # by id
    (["jargon.zz-t*"], ["jargon.zz-two", "jargon.zz-three"]),      # by glob
    (["jargon.zz-two", "holistic.zz-one"], ["holistic.zz-one", "jargon.zz-two"]),  # repeated
])
def test_select(cli, mixed_rules, write, selectors, expected):
    note = write("n.txt", "We signposted to services; strengths noted; below threshold.\n")
    args = [a for s in selectors for a in ("--select", s)]
    result = cli(["check", "--rules", mixed_rules, *args, "--format", "json", note])
    assert sorted(d["rule"] for d in result.json["diagnostics"]) == sorted(expected)


def test_select_by_category(cli, mixed_rules, write):
    note = write("n.txt", "We signposted to services; strengths noted; below threshold.\n")
    result = cli(["check", "--rules", mixed_rules, "--select", "holistic", "--format", "json", note])
    rules = [d["rule"] for d in result.json["diagnostics"]]
    assert "holistic.zz-one" in rules
    assert all(r.startswith("holistic.") for r in rules)


def test_ignore_by_id_category_and_glob(cli, mixed_rules, write):
    note = write("n.txt", "We signposted to services; strengths noted; below threshold.\n")
    base = ["check", "--rules", mixed_rules, "--select", "*.zz-*", "--format", "json", note]
    ids = lambda *extra: sorted(d["rule"] for d in cli([*base, *extra]).json["diagnostics"])  # noqa: E731
    assert ids() == ["holistic.zz-one", "jargon.zz-three", "jargon.zz-two"]
    assert ids("--ignore", "jargon.zz-two") == ["holistic.zz-one", "jargon.zz-three"]
    assert ids("--ignore", "jargon") == ["holistic.zz-one"]
    assert ids("--ignore", "*.zz-t*") == ["holistic.zz-one"]
    assert ids("--ignore", "holistic", "--ignore", "jargon.zz-three") == ["jargon.zz-two"]


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_selector_suggests_the_closest(tiny, note, option):
    result = tiny(option, "jargon.zz-phrasee", note)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "'jargon.zz-phrasee' matches no rule (did you mean 'jargon.zz-phrase'?)" in result.stderr


def test_unknown_category_selector(cli, note):
    result = cli(["check", "--select", "labeling", note])
    assert result.exit_code == 2
    assert "(did you mean 'labelling'?)" in result.stderr


def test_without_select_all_builtin_rules_run(cli, tiny_rules, note):
    builtin = [r for r in load_rules([builtin_rules_dir()]) if r.enabled]
    result = cli(["check", "--rules", tiny_rules, "--format", "json", note])
    assert result.json["summary"]["rules"] == len(builtin) + 3
    assert {PHRASE, ACRONYM, REGEX} <= {d["rule"] for d in result.json["diagnostics"]}


def test_rule_off_by_default_runs_only_when_selected(cli, write, tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    (folder / "a.yaml").write_text(TINY_RULES.replace("    skip_quoted: true\n",
                                                      "    skip_quoted: true\n    enabled: false\n"))
    note = write("n.txt", "Jamie kicked off at the CIN review.\n")
    off = cli(["check", "--rules", folder, "--select", "jargon.zz-*", "--ignore", ACRONYM,
               "--format", "json", note])
    assert [d["rule"] for d in off.json["diagnostics"]] == [PHRASE]  # selected by glob: runs
    default = cli(["check", "--rules", folder, "--format", "json", note])
    assert PHRASE not in {d["rule"] for d in default.json["diagnostics"]}
    assert ACRONYM in {d["rule"] for d in default.json["diagnostics"]}


# --- exit codes and --fail-on -------------------------------------------------------------

@pytest.mark.parametrize(("text", "fail_on", "code"), [
    ("Jamie kicked off.", None, 1),            # warning, default fail-on warning
    ("Jamie kicked off.", "error", 0),
    ("Jamie kicked off.", "warning", 1),
    ("Jamie kicked off.", "never", 0),
    ("The section 47 enquiry.", None, 0),      # info only
    ("The section 47 enquiry.", "warning", 0),
    ("The section 47 enquiry.", "info", 1),
    ("The CIN review.", "error", 1),           # error
    ("The CIN review.", "never", 0),
    ("Jamie was calm.", "info", 0),            # nothing found
])
def test_exit_code_follows_fail_on(tiny, write, text, fail_on, code):
    note = write("n.txt", text + "\n")
    args = ["--fail-on", fail_on] if fail_on else []
    assert tiny(*args, note).exit_code == code


def test_bad_fail_on_is_a_usage_error(tiny, note):
    result = tiny("--fail-on", "sometimes", note)
    assert result.exit_code == 2
    assert "--fail-on must be one of error, warning, info, never, not 'sometimes'" in result.stderr


def test_missing_paths_is_a_usage_error(cli):
    assert cli(["check"]).exit_code == 2


def test_unknown_option_is_a_usage_error(cli, note):
    assert cli(["check", "--colour", note]).exit_code == 2


# --- config -----------------------------------------------------------------------------

def config_file(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def found_rules(result) -> list[str]:
    return [d["rule"] for d in result.json["diagnostics"]]


@pytest.mark.parametrize("name", ["notecheck.yaml", ".notecheck.yaml"])
def test_config_is_found_from_the_linted_path_upward(tiny, tmp_path, note, name):
    config_file(tmp_path, name, "ignore: [jargon.zz-acronym]\nfail_on: error\n")
    result = tiny("--format", "json", note)  # note is in tmp_path/notes/
    assert found_rules(result) == [PHRASE, REGEX]
    assert result.exit_code == 0  # fail_on: error from the config, and no error left


def test_config_in_pyproject(tiny, tmp_path, note):
    config_file(tmp_path, "pyproject.toml", """\
        [project]
        name = "case-notes"

        [tool.notecheck]
        ignore = ["jargon.zz-regex"]
        severity = { "jargon.zz-phrase" = "error" }
        """)
    result = tiny("--format", "json", note)
    assert [(d["rule"], d["severity"]) for d in result.json["diagnostics"]] == [
        (PHRASE, "error"), (ACRONYM, "error")]


def test_pyproject_without_a_notecheck_table_is_passed_over(tiny, tmp_path, note):
    config_file(tmp_path, "notes/pyproject.toml", "[project]\nname = 'x'\n")
    config_file(tmp_path, "notecheck.yaml", "ignore: [jargon.zz-regex]\n")
    assert found_rules(tiny("--format", "json", note)) == [PHRASE, ACRONYM]


def test_nearest_config_wins(tiny, tmp_path, note):
    config_file(tmp_path, "notecheck.yaml", "ignore: [jargon.zz-regex]\n")
    config_file(tmp_path, "notes/.notecheck.yaml", "ignore: [jargon.zz-phrase]\n")
    assert found_rules(tiny("--format", "json", note)) == [ACRONYM, REGEX]


def test_config_option_overrides_discovery(tiny, tmp_path, note):
    config_file(tmp_path, "notecheck.yaml", "ignore: [jargon.zz-regex]\n")
    other = config_file(tmp_path, "elsewhere/team.yaml", "ignore: [jargon.zz-acronym]\n")
    assert found_rules(tiny("--config", other, "--format", "json", note)) == [PHRASE, REGEX]


def test_config_that_does_not_exist(tiny, tmp_path, note):
    result = tiny("--config", tmp_path / "nope.yaml", note)
    assert result.exit_code == 2
    assert "nope.yaml does not exist" in result.stderr


def test_unknown_config_key_names_file_and_line(tiny, tmp_path, note):
    path = config_file(tmp_path, "notecheck.yaml", "select: []\n# teams we work with\nignroe: [jargon]\n")
    result = tiny(note)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"{path}:3: unknown key 'ignroe' (did you mean 'ignore'?)" in result.stderr


def test_unknown_key_in_pyproject_names_the_line(tiny, tmp_path, note):
    path = config_file(tmp_path, "pyproject.toml", """\
        [project]
        name = "x"

        [tool.notecheck]
        fail_on = "error"
        acept = ["CIN"]
        """)
    result = tiny(note)
    assert result.exit_code == 2
    assert f"{path}:6: unknown key 'acept' (did you mean 'accept'?)" in result.stderr


def test_bad_config_value_names_the_line(tiny, tmp_path, note):
    path = config_file(tmp_path, "notecheck.yaml", "ignore: []\nfail_on: sometimes\n")
    result = tiny(note)
    assert result.exit_code == 2
    assert f"{path}:2: 'fail_on':" in result.stderr


def test_config_yaml_syntax_error_names_the_line(tiny, tmp_path, note):
    path = config_file(tmp_path, "notecheck.yaml", "ignore: [a, b\nfail_on: error\n")
    result = tiny(note)
    assert result.exit_code == 2
    assert f"{path}:2: this is not valid YAML" in result.stderr


def test_fail_on_option_overrides_the_config(tiny, tmp_path, note):
    config_file(tmp_path, "notecheck.yaml", "fail_on: never\n")
    assert tiny(note).exit_code == 0
    assert tiny("--fail-on", "info", note).exit_code == 1


def test_config_select_and_command_line_select(tiny, cli, tiny_rules, tmp_path, note):
    config_file(tmp_path, "notecheck.yaml", "select: [jargon.zz-regex]\n")
    result = cli(["check", "--rules", tiny_rules, "--format", "json", note])
    assert found_rules(result) == [REGEX]
    result = cli(["check", "--rules", tiny_rules, "--select", ACRONYM, "--format", "json", note])
    assert found_rules(result) == [ACRONYM]


def test_config_rules_folder_is_relative_to_the_config(cli, tmp_path, note):
    config_file(tmp_path, "team-rules/ours.yaml", TINY_RULES)
    config_file(tmp_path, "notecheck.yaml", "rules: [team-rules]\nselect: ['jargon.zz-*']\n")
    result = cli(["check", "--format", "json", note])
    assert found_rules(result) == [PHRASE, ACRONYM, REGEX]


def test_config_severity_by_category_glob_and_id(tiny, tmp_path, note):
    config_file(tmp_path, "notecheck.yaml", """\
        severity:
          jargon: info
          "jargon.zz-a*": warning
          jargon.zz-regex: error
        """)
    result = tiny("--format", "json", note)
    assert [(d["rule"], d["severity"]) for d in result.json["diagnostics"]] == [
        (PHRASE, "info"), (ACRONYM, "warning"), (REGEX, "error")]


def test_config_accept_drops_terms_the_team_accepts(tiny, tmp_path, note):
    config_file(tmp_path, "notecheck.yaml", "accept: [CIN, Section 47]\n")
    assert found_rules(tiny("--format", "json", note)) == [PHRASE]


def test_config_options_override_a_rules_options(tiny, tmp_path, note):
    config_file(tmp_path, "notecheck.yaml", "options:\n  jargon.zz-acronym:\n    allow: [CIN]\n")
    assert found_rules(tiny("--format", "json", note)) == [PHRASE, REGEX]


def test_config_options_with_a_misspelt_option(tiny, tmp_path, note):
    config_file(tmp_path, "notecheck.yaml", "options:\n  jargon.zz-acronym:\n    alow: [CIN]\n")
    result = tiny(note)
    assert result.exit_code == 2
    assert "'jargon.zz-acronym' has no option 'alow' (did you mean 'allow'?)" in result.stderr


# --- rules, explain, test-rules, init, --version ------------------------------------------

def test_rules_lists_every_rule(cli, tmp_path):
    config_file(tmp_path, "notecheck.yaml", "rules: [mine]\n")
    config_file(tmp_path, "mine/x.yaml", TINY_RULES)
    result = cli(["rules"], env={"COLUMNS": "250"})
    assert result.exit_code == 0
    listed = re.findall(r"^│ (\S+)\s+│ (error|warning|info)\s+│ ([a-z ,]+?)\s+│ (.*?)\s*│$",
                        result.stdout, re.M)
    ids = [row[0] for row in listed]
    expected = sorted([r.id for r in load_rules([builtin_rules_dir()])] + [PHRASE, ACRONYM, REGEX])
    assert ids == expected
    assert (ACRONYM, "error", "all", "A test acronym rule.") in listed
    assert ("personal-data.nhs-number", "error", "training") == listed[ids.index("personal-data.nhs-number")][:3]


def test_rules_by_category(cli):
    builtin = load_rules([builtin_rules_dir()])
    result = cli(["rules", "--category", "labelling"], env={"COLUMNS": "250"})
    ids = re.findall(r"^│ ([a-z-]+\.[a-z0-9-]+) ", result.stdout, re.M)
    assert ids == sorted(r.id for r in builtin if r.category == "labelling")
    assert ids  # the labelling pack exists


def test_rules_with_an_unknown_category(cli):
    result = cli(["rules", "--category", "jargn"])
    assert result.exit_code == 2
    assert "'jargn' is not a category (did you mean 'jargon'?)" in result.stderr


@pytest.fixture
def with_tiny_config(tmp_path):
    config_file(tmp_path, "mine/x.yaml", TINY_RULES.replace(
        "    principle: Plain English.\n",
        "    principle: Plain English.\n    references: [https://example.org/plain]\n", 1))
    return config_file(tmp_path, "notecheck.yaml", "rules: [mine]\n")


def test_explain_a_rule(cli, with_tiny_config):
    result = cli(["explain", PHRASE])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{PHRASE}  (warning)", "", "A test phrase rule.", "", "Principle: Plain English.", "",
        "Flagged:", "  - Jamie kicked off.", "", "Fine:", "  - Jamie shouted.", "",
        "Read more:", "  https://example.org/plain",
    ]


def test_explain_with_config_option(cli, tmp_path):
    config_file(tmp_path, "team/mine/x.yaml", TINY_RULES)
    team = config_file(tmp_path, "team/settings.yaml", "rules: [mine]\n")
    assert cli(["explain", ACRONYM]).exit_code == 2  # not found from the working directory
    result = cli(["explain", "--config", team, ACRONYM])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{ACRONYM}  (error)")


def test_explain_a_builtin_rule(cli):
    rule = load_rules([builtin_rules_dir()])[0]
    result = cli(["explain", rule.id])
    assert result.exit_code == 0
    assert result.stdout.startswith(rule.id)
    assert f"Principle: {rule.principle}" in result.stdout


def test_explain_unknown_rule_suggests_the_closest(cli, with_tiny_config):
    result = cli(["explain", "jargon.zz-acronyms"])
    assert result.exit_code == 2
    assert "there is no rule 'jargon.zz-acronyms' (did you mean 'jargon.zz-acronym'?)" in result.stderr


def test_test_rules_passing_folder(cli, tiny_rules):
    result = cli(["test-rules", tiny_rules])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == ["6 passed, 0 failed (3 rules)"]


def test_test_rules_reports_each_failing_example(cli, tmp_path):
    folder = tmp_path / "r"
    folder.mkdir()
    broken = TINY_RULES.replace('fail: ["Jamie kicked off."]', 'fail: ["Jamie kicked off.", "Jamie lost it."]')
    broken = broken.replace('pass: ["Jamie shouted."]', 'pass: ["Jamie shouted.", "The placement breakdown."]')
    (folder / "a.yaml").write_text(broken, encoding="utf-8")
    result = cli(["test-rules", folder])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"FAIL {PHRASE}: 'Jamie lost it.' should be flagged but was not",
        f"FAIL {PHRASE}: 'The placement breakdown.' should pass but was flagged: "
        "'placement breakdown' is jargon; write 'the placement ended'.",
        "6 passed, 2 failed (3 rules)",
    ]


def test_test_rules_defaults_to_the_builtin_rules(cli):
    result = cli(["test-rules"])
    rules = load_rules([builtin_rules_dir()])
    examples = sum(len(r.fail_examples) + len(r.pass_examples) for r in rules)
    assert result.stdout.splitlines()[-1] == f"{examples} passed, 0 failed ({len(rules)} rules)"
    assert result.exit_code == 0


def test_init_writes_a_config_that_loads(cli, tmp_path, note):
    result = cli(["init"])
    assert result.exit_code == 0
    written = tmp_path / "notecheck.yaml"
    assert written.is_file()
    assert "Wrote notecheck.yaml." in result.stdout
    from notecheck.config import load_config

    config = load_config(written)
    assert config.fail_on == "warning" and config.select == [] and config.accept == []
    # ...and check picks it up (found from the note's folder upward) without complaint.
    assert cli(["check", "--format", "json", note]).exit_code in (0, 1)


def test_init_refuses_to_overwrite_without_force(cli, tmp_path):
    target = tmp_path / "team.yaml"
    target.write_text("fail_on: error\n", encoding="utf-8")
    result = cli(["init", target])
    assert result.exit_code == 2
    assert "already exists; use --force" in result.stderr
    assert target.read_text(encoding="utf-8") == "fail_on: error\n"
    assert cli(["init", "--force", target]).exit_code == 0
    assert "select: []" in target.read_text(encoding="utf-8")


def test_version(cli):
    result = cli(["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"notecheck {__version__}"


# --- running without a trained pipeline ---------------------------------------------------

NEEDS_TRAINED = """\
rules:
  - id: jargon.zz-lemma
    kind: phrase
    severity: warning
    message: "'{match}' labels the person."
    description: A test rule on lemmas.
    principle: A test principle.
    lemma: true
    terms:
      - term: refuse to engage
    examples:
      fail: ["He refused to engage."]
      pass: ["He said no."]
  - id: jargon.zz-pos
    kind: pattern
    severity: info
    message: "'{match}' is vague."
    description: A test rule on parts of speech.
    principle: A test principle.
    patterns:
      - tokens: [{LOWER: very}, {POS: ADJ}]
    examples:
      fail: ["He was very upset."]
      pass: ["He cried."]
"""


@pytest.fixture
def no_trained_pipeline(monkeypatch):
    import notecheck.nlp

    monkeypatch.setattr(notecheck.nlp, "find_model", lambda preferred=None: None)


@pytest.fixture
def trained_and_plain_rules(tmp_path, tiny_rules):
    (tiny_rules / "trained.yaml").write_text(NEEDS_TRAINED, encoding="utf-8")
    return tiny_rules


def test_fallback_warns_once_naming_the_skipped_rules(cli, trained_and_plain_rules, write,
                                                       no_trained_pipeline):
    note = write("n.txt", "Jamie refused to engage and kicked off. He was very upset.\n")
    result = cli(["check", "--rules", trained_and_plain_rules, "--select", "jargon.zz-*",
                  "--format", "json", note])
    assert result.exit_code == 1
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1
    assert "no trained English pipeline" in warnings[0]
    assert warnings[0].endswith("skipped: jargon.zz-lemma, jargon.zz-pos")
    # The rules that need only words still run.
    assert spans(result.json["diagnostics"]) == [(PHRASE, 1, 29, 1, 39)]
    assert result.json["summary"]["model"] == "blank"
    assert result.json["summary"]["rules"] == 3


def test_fallback_warning_is_silent_with_quiet(cli, trained_and_plain_rules, write, no_trained_pipeline):
    note = write("n.txt", "Jamie kicked off.\n")
    result = cli(["check", "--rules", trained_and_plain_rules, "--select", "jargon.zz-*", "--quiet", note])
    assert result.stderr == ""


def test_with_the_trained_pipeline_nothing_is_skipped(cli, trained_and_plain_rules, write):
    note = write("n.txt", "Jamie refused to engage and kicked off. He was very upset.\n")
    result = cli(["check", "--rules", trained_and_plain_rules, "--select", "jargon.zz-*",
                  "--format", "json", note])
    assert result.stderr == ""
    assert spans(result.json["diagnostics"]) == [
        ("jargon.zz-lemma", 1, 7, 1, 24), (PHRASE, 1, 29, 1, 39), ("jargon.zz-pos", 1, 48, 1, 58)]


def test_test_rules_without_a_trained_pipeline(cli, trained_and_plain_rules, no_trained_pipeline):
    result = cli(["test-rules", trained_and_plain_rules])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "6 passed, 0 failed (3 rules, 2 rules skipped (no trained pipeline))"]


def test_fallback_without_rules_that_need_training_says_nothing(cli, tiny_rules, write,
                                                                no_trained_pipeline):
    note = write("n.txt", "Jamie kicked off.\n")
    result = cli(["check", "--rules", tiny_rules, "--select", "jargon.zz-*", "--format", "json", note])
    assert result.stderr == ""
    assert spans(result.json["diagnostics"]) == [(PHRASE, 1, 7, 1, 17)]


def test_config_model_that_is_not_installed_is_an_error(cli, write):
    write("notecheck.yaml", "model: en_core_web_lg\n")
    note = write("a.txt", "Jamie was calm.\n")
    result = cli(["check", note])
    assert result.exit_code == 2
    assert "'en_core_web_lg', which is not installed" in result.stderr


def test_test_rules_checks_where_each_finding_is(cli, tmp_path):
    """examples.spans says which text each fail example's finding covers."""
    folder = tmp_path / "r"
    folder.mkdir()
    spanned = TINY_RULES.replace('fail: ["Jamie kicked off."]',
                                 'fail: ["Jamie kicked off.", "Dad kicked off too."]\n'
                                 '      spans: ["kicked off", "Dad"]')
    (folder / "a.yaml").write_text(spanned, encoding="utf-8")
    result = cli(["test-rules", folder])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"FAIL {PHRASE}: 'Dad kicked off too.' should be flagged at 'Dad', but was flagged elsewhere")
    wrong_count = TINY_RULES.replace('fail: ["Jamie kicked off."]',
                                     'fail: ["Jamie kicked off."]\n      spans: ["kicked", "off"]')
    (folder / "a.yaml").write_text(wrong_count, encoding="utf-8")
    result = cli(["test-rules", folder])
    assert result.exit_code == 2 and "'spans' gives 2 span(s) for 1 fail example(s)" in result.stderr
