"""SARIF, GitHub annotations and JUnit XML: what CI systems read."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from notecheck.diagnostics import Diagnostic, Severity
from notecheck.reporters import Summary
from notecheck.reporters.github import GithubReporter

DATA = Path(__file__).parent / "data"


@pytest.fixture
def run(pack_cli):
    def invoke(*args):
        result = pack_cli("check", *args)
        return result.exit_code, result.stdout

    return invoke


def test_sarif_is_valid_against_the_2_1_0_schema_and_has_one_result_per_finding(run):
    jsonschema = pytest.importorskip("jsonschema")
    code, out = run(DATA / "exports" / "case-notes.csv", "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)

    run_ = log["runs"][0]
    results = run_["results"]
    assert len(results) == 4
    first = results[2]
    assert first["ruleId"] == "jargon.test-jargon" and first["level"] == "warning"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("tests/data/exports/case-notes.csv")
    assert location["region"] == {"startLine": 4, "startColumn": 46, "endLine": 4, "endColumn": 60}
    assert first["properties"]["note"] == "N-102"
    rules = {r["id"]: r for r in run_["tool"]["driver"]["rules"]}
    assert set(rules) == {"jargon.test-jargon", "jargon.test-acronym"}
    jargon = rules["jargon.test-jargon"]
    assert jargon["helpUri"] == "https://example.org/recording-guidance"
    assert "Principle: Write so that" in jargon["help"]["text"]
    assert jargon["shortDescription"]["text"] == "Service jargon hides what actually happened."
    assert results[2]["ruleIndex"] == list(rules).index("jargon.test-jargon")
    # No note text is copied into the log beyond the rule's own message.
    assert "Phone call with school" not in out


def test_sarif_of_a_clean_run_is_valid(run, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    (tmp_path / "fine.md").write_text("Jamie showed me his room.\n", encoding="utf-8")
    code, out = run("fine.md", "--format", "sarif")
    assert code == 0
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(out), schema)


def test_github_annotations(run, tmp_path):
    (tmp_path / "visit.md").write_text("Mum kicked off.\nJamie is LAC.\n", encoding="utf-8")
    code, out = run("visit.md", "--format", "github", "--quiet")
    assert code == 1
    assert out.splitlines() == [
        "::warning file=visit.md,line=1,col=5,endLine=1,endColumn=15,title=jargon.test-jargon"
        "::'kicked off' is service jargon; write what happened instead.%0AInstead: say what happened",
        "::error file=visit.md,line=2,col=10,endLine=2,endColumn=13,title=jargon.test-acronym"
        "::Spell out 'LAC' the first time it is used.",
    ]


def test_github_escaping_of_properties_and_message():
    diagnostic = Diagnostic(path="a,b:c%.md", note="N,1", line=1, column=2, end_line=1,
                            end_column=3, rule="jargon.x", category="jargon",
                            severity=Severity.INFO, message="50% done\r\nnext: line",
                            suggestion="a, b")
    lines = []

    class Stream:
        def write(self, text):
            lines.append(text)

    reporter = GithubReporter(Stream(), quiet=True)
    reporter.handle(diagnostic)
    assert "".join(lines) == (
        "::notice file=a%2Cb%3Ac%25.md,line=1,col=2,endLine=1,endColumn=3,title=jargon.x"
        "::50%25 done%0D%0Anext: line%0AInstead: a, b%0A(note N,1)\n")


def test_junit_xml(run, tmp_path):
    (tmp_path / "visit.md").write_text("Mum kicked off & left.\n", encoding="utf-8")
    code, out = run("visit.md", "--format", "junit")
    assert code == 1
    root = ET.fromstring(out)
    assert root.tag == "testsuites" and root.get("failures") == "1"
    (suite,) = root
    assert suite.get("name") == "visit.md"
    (case,) = suite
    assert case.get("name") == "jargon.test-jargon at 1:5"
    failure = case.find("failure")
    assert failure.get("type") == "warning"
    assert failure.text.startswith("visit.md:1:5: warning jargon.test-jargon")


def test_junit_clean_run_has_one_passing_case(run, tmp_path):
    (tmp_path / "fine.md").write_text("Jamie showed me his room.\n", encoding="utf-8")
    code, out = run("fine.md", "--format", "junit")
    assert code == 0
    root = ET.fromstring(out)
    assert root.get("failures") == "0"
    assert [c.tag for c in root.iter("testcase")] == ["testcase"]


def test_statistics_counts_per_rule_sorted(run):
    code, out = run(DATA / "exports", "--format", "text", "--statistics", "--quiet")
    counts = [line.split() for line in out.splitlines() if not line.startswith(str(DATA))
              and "/" not in line]
    assert counts == [["9", "jargon.test-jargon"], ["2", "jargon.test-acronym"],
                      ["1", "input.malformed-row"]]


def test_summary_type_is_untouched_by_reporters():
    # Reporters only read the summary; a SARIF reporter with no findings still writes a log.
    from io import StringIO

    from notecheck.reporters.sarif import SarifReporter

    stream = StringIO()
    SarifReporter(stream).finish(Summary())
    assert json.loads(stream.getvalue())["runs"][0]["results"] == []


def test_sarif_with_input_problems_and_unused_suppressions_is_valid(run, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    (tmp_path / "t.md").write_text("Calm. <!-- notecheck: ignore[jargon] -->\n", encoding="utf-8")
    (tmp_path / "bad.jsonl").write_text('{"text": "ok"}\n{broken\n', encoding="utf-8")
    code, out = run(".", "--format", "sarif")
    log = json.loads(out)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"])
            for r in results] == [("input.malformed-row", 2), ("notecheck.unused-suppression", 1)]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["input.malformed-row", "notecheck.unused-suppression"]
