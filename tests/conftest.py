"""Shared fixtures: run the CLI in-process, write notes and tiny rule folders.

The engine loads its own spaCy pipeline for every Linter. Loading the trained English
pipeline takes most of a second, so for the test session pipelines are cached by what
they need (and by which model is installed, so a test that pretends none is installed
still gets the blank fallback).
"""

from __future__ import annotations

import json
import textwrap
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

import notecheck.engine
import notecheck.nlp
from notecheck.cli import app


@lru_cache(maxsize=None)
def _cached_pipeline(needs: frozenset, model: str | None, found: str | None):
    return _REAL_LOAD_PIPELINE(set(needs), model)


_REAL_LOAD_PIPELINE = notecheck.nlp.load_pipeline


def _load_pipeline_once(needs, model=None):
    found = notecheck.nlp.find_model(model)  # looked up each time: tests may monkeypatch it
    if found is None:
        return _REAL_LOAD_PIPELINE(set(needs), model)
    return _cached_pipeline(frozenset(needs), model, found)


@pytest.fixture(autouse=True)
def _share_pipelines(monkeypatch):
    monkeypatch.setattr(notecheck.engine, "load_pipeline", _load_pipeline_once)


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def json(self) -> dict:
        return json.loads(self.stdout)

    def __str__(self) -> str:  # shown by pytest when an assert fails
        return f"exit {self.exit_code}\n--- stdout\n{self.stdout}\n--- stderr\n{self.stderr}"


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """Run ``notecheck ARGS...`` in-process: cli(["check", path], input=..., env=...).
    The working directory is tmp_path, so no config file of the developer's is found."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def run(args: list[str], input: str | bytes | None = None, env: dict | None = None) -> CliResult:
        result = runner.invoke(app, [str(a) for a in args], input=input, env=env,
                               catch_exceptions=False)
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def write(tmp_path):
    """Write a file under tmp_path: write("notes/a.md", "text") or write("a.txt", b"bytes").
    Text is dedented; returns the Path."""

    def _write(name: str, content: str | bytes, *, dedent: bool = True) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            text = textwrap.dedent(content) if dedent else content
            path.write_bytes(text.encode("utf-8"))
        return path

    return _write


# Two small rules that tests of the engine use instead of the real packs, whose content
# changes as they are written. The ids start with "zz-" so they never clash with a pack.
TINY_RULES = r"""
rules:
  - id: jargon.zz-phrase
    kind: phrase
    severity: warning
    message: "'{match}' is jargon; write '{suggestion}'."
    description: A test phrase rule.
    principle: Plain English.
    skip_quoted: true
    terms:
      - term: kicked off
        suggestion: shouted and threw things
      - term: placement breakdown
        suggestion: the placement ended
    examples:
      fail: ["Jamie kicked off."]
      pass: ["Jamie shouted."]
  - id: jargon.zz-acronym
    kind: acronym
    severity: error
    message: "'{acronym}' is not spelled out; write '{suggestion}'."
    description: A test acronym rule.
    principle: Plain English.
    acronyms:
      CIN: child in need
      LAC: looked after child
    allow: [GP]
    examples:
      fail: ["The CIN plan was reviewed."]
      pass: ["The child in need (CIN) plan was reviewed."]
  - id: jargon.zz-regex
    kind: regex
    severity: info
    message: "'{match}' is shorthand; say what the enquiry is."
    description: A test regex rule.
    principle: Plain English.
    regex: '\bsection\s+47\b'
    examples:
      fail: ["A section 47 enquiry began."]
      pass: ["A child protection enquiry began."]
"""

TINY_IDS = ("jargon.zz-phrase", "jargon.zz-acronym", "jargon.zz-regex")


@pytest.fixture
def tiny_rules(tmp_path) -> Path:
    """A rule folder holding TINY_RULES (in a folder that is not a category name)."""
    folder = tmp_path / "tiny-rules"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(TINY_RULES, encoding="utf-8")
    return folder


@pytest.fixture
def check_tiny(cli, tiny_rules):
    """Run ``check`` with only the tiny rules, JSON out; returns (CliResult, diagnostics)."""

    def run(*paths, extra: tuple = (), input: str | bytes | None = None):
        result = cli(["check", "--rules", tiny_rules, "--select", "jargon.zz-*",
                      "--format", "json", *extra, *paths], input=input)
        assert result.exit_code in (0, 1), result
        return result, result.json["diagnostics"]

    return run


@pytest.fixture(scope="session")
def tiny_linter(tmp_path_factory):
    """A Linter over the tiny rules, for tests that call the engine directly."""
    from notecheck.engine import Linter
    from notecheck.rules.loader import load_rules

    folder = tmp_path_factory.mktemp("tiny") / "rules"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(TINY_RULES, encoding="utf-8")
    return Linter(load_rules([folder]))


def spans(diagnostics) -> list[tuple]:
    """(rule, line, column, end_line, end_column) of each diagnostic, dicts or objects."""
    out = []
    for d in diagnostics:
        d = d if isinstance(d, dict) else d.to_dict()
        out.append((d["rule"], d["line"], d["column"], d["end_line"], d["end_column"]))
    return out


@pytest.fixture
def pack_cli(monkeypatch, tmp_path):
    """Run the CLI with only the test rule pack (tests/data/rules) as the built-in rules,
    from a folder with no config, the results cache inside tmp_path:
    pack_cli("check", "a.csv") -> CliResult."""
    import notecheck.cli

    monkeypatch.setattr(notecheck.cli, "builtin_rules_dir", lambda: Path(__file__).parent / "data" / "rules")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()

    def run(*args) -> CliResult:
        result = runner.invoke(app, [str(a) for a in args])
        return CliResult(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture(scope="session")
def linter():
    """Every enabled built-in rule, in one Linter for the whole session: what a user gets
    by default. A test file that needs other rules defines its own ``linter``."""
    from notecheck.engine import Linter
    from notecheck.rules.loader import builtin_rules_dir, load_rules

    return Linter([r for r in load_rules([builtin_rules_dir()]) if r.enabled])
