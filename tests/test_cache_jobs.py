"""The results cache (reused when nothing changed, never holding note text) and --jobs
(same output as one process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notecheck import cli
from notecheck.progress import TerminalProgress

DATA = Path(__file__).parent / "data"

EXPORT = ('id,Case Note,Worker\n'
          'N1,"Home visit. Mum kicked off when Jamie (LAC) came home.",A. Patel\n'
          'N2,"School call.\nThere was ""non-engagement"" with CIN planning.",B. Osei\n')


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "builtin_rules_dir", lambda: DATA / "rules")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NOTECHECK_CACHE_DIR", raising=False)

    def invoke(*args):
        result = CliRunner().invoke(cli.app, ["check", *map(str, args)])
        return result.exit_code, result.stdout, result.stderr

    return invoke


def cache_files(folder: Path) -> list[Path]:
    """The cache's result stores (not its .gitignore and CACHEDIR.TAG)."""
    return [p for p in folder.rglob("*.sqlite") if p.is_file()]


def cache_records(folder: Path) -> list[tuple[str, str]]:
    """Every (key, record) the cache holds."""
    import sqlite3

    rows = []
    for store in cache_files(folder):
        with sqlite3.connect(store) as db:
            rows += db.execute("SELECT key, record FROM notes").fetchall()
    return rows


def test_second_run_reuses_the_cache_and_gives_the_same_output(run, tmp_path, monkeypatch):
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    code, first, _ = run("export.csv", "--format", "json")
    entries = cache_records(tmp_path / ".notecheck_cache")
    assert code == 1 and len(entries) == 2  # one entry per note

    # Prove the second run does not lint: make linting impossible.
    from notecheck.engine import Linter

    monkeypatch.setattr(Linter, "findings", lambda *a: pytest.fail("the file was linted again"))
    code, second, _ = run("export.csv", "--format", "json")
    assert code == 1 and second == first
    found = json.loads(second)["diagnostics"]
    lines = EXPORT.split("\n")
    assert [(d["note"], d["rule"], lines[d["line"] - 1][d["column"] - 1:d["end_column"] - 1])
            for d in found] == [
        ("N1", "jargon.test-jargon", "kicked off"), ("N1", "jargon.test-acronym", "LAC"),
        ("N2", "jargon.test-jargon", "non-engagement"), ("N2", "jargon.test-acronym", "CIN")]
    assert found[0]["excerpt"].startswith("Home visit.")  # rebuilt from the file, not the cache


def test_the_cache_holds_no_note_text(run, tmp_path):
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    (tmp_path / "visit.md").write_text("---\nsubject: Jamie\n---\nJamie is LAC. Mum kicked off.\n",
                                       encoding="utf-8")
    run(".", "--format", "text")
    stored = "".join(key + record for key, record in cache_records(tmp_path / ".notecheck_cache"))
    raw = b"".join(p.read_bytes() for p in cache_files(tmp_path / ".notecheck_cache"))
    assert stored and raw
    for words in ("kicked", "LAC", "Jamie", "Home visit", "engagement", "Patel", "CIN"):
        assert words.encode() not in raw
    for words in ("kicked", "LAC", "Jamie", "Home visit", "engagement", "Patel", "CIN"):
        assert words not in stored


def test_a_changed_file_or_config_is_checked_again(run, tmp_path):
    note = tmp_path / "visit.md"
    note.write_text("Mum kicked off.\n", encoding="utf-8")
    _, out, _ = run("visit.md", "--format", "text", "--quiet")
    assert out == "visit.md:1:5: warning jargon.test-jargon 'kicked off' is service jargon; write what happened instead.\n"
    note.write_text("Jamie is LAC.\n", encoding="utf-8")
    _, out, _ = run("visit.md", "--format", "text", "--quiet")
    assert out.startswith("visit.md:1:10: error jargon.test-acronym")
    (tmp_path / "notecheck.yaml").write_text("accept: [LAC]\n", encoding="utf-8")
    code, out, _ = run("visit.md", "--format", "text", "--quiet")
    assert code == 0 and out == ""


def test_no_cache_neither_reads_nor_writes(run, tmp_path):
    (tmp_path / "visit.md").write_text("Mum kicked off.\n", encoding="utf-8")
    run("visit.md", "--no-cache")
    assert not (tmp_path / ".notecheck_cache").exists()


def test_cache_location_from_the_environment(run, tmp_path, monkeypatch):
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "elsewhere"))
    (tmp_path / "visit.md").write_text("Mum kicked off.\n", encoding="utf-8")
    run("visit.md")
    assert cache_files(tmp_path / "elsewhere") and not (tmp_path / ".notecheck_cache").exists()


def test_a_finding_value_that_is_not_a_span_of_the_note_is_not_cached(tmp_path):
    from notecheck.cache import Cache, Uncacheable
    from notecheck.config import Config
    from notecheck.kinds.base import Finding
    from notecheck.notes.text import parse_text
    from notecheck.rules.loader import load_rules

    rules = load_rules([DATA / "rules"])
    cache = Cache(tmp_path, rules, Config(), "blank")
    note = parse_text("n.md", "Mum kicked off.")
    rule = rules[0]
    record = cache.encode(note, [(rule, Finding(4, 14, values={"days": 3, "word": "kicked"}))])
    assert cache.decode(note, record)[0][1].values == {"days": 3, "word": "kicked"}
    with pytest.raises(Uncacheable):
        cache.encode(note, [(rule, Finding(4, 14, values={"who": "KICKED OFF"}))])


def test_jobs_give_the_same_output_in_the_same_order(run, tmp_path):
    for i in range(5):
        (tmp_path / f"note{i}.md").write_text(f"Visit {i}. Mum kicked off. Jamie is LAC.\n" * (i + 1),
                                              encoding="utf-8")
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    _, single, _ = run(".", "--format", "json", "--no-cache")
    code, parallel, stderr = run(".", "--format", "json", "--no-cache", "--jobs", "2")
    assert code == 1 and parallel == single
    assert json.loads(parallel)["summary"]["notes"] == 7
    assert stderr == ""  # not a terminal: no progress bar


def test_jobs_must_not_be_negative(run, tmp_path):
    (tmp_path / "visit.md").write_text("Fine.\n", encoding="utf-8")
    code, _, stderr = run("visit.md", "--jobs", "-1")
    assert code == 2 and "--jobs must be 0" in stderr
    code, _, _ = run("visit.md", "--jobs", "0")  # 0: as many as pay, the default
    assert code == 0


def test_progress_bar_waits_two_seconds_before_showing():
    progress = TerminalProgress()
    now = [0.0]
    progress.clock = lambda: now[0]
    progress.started = 0.0
    progress.start(3)
    progress.file_done()
    assert progress.bar is None
    now[0] = 2.5
    progress.file_done()
    assert progress.bar is not None
    progress.stop()


def test_one_big_file_with_jobs_uses_spacy_workers_and_keeps_order(run, tmp_path):
    rows = "".join(f'N{i},"Visit {i}. Mum kicked off. Jamie is LAC.",A. Patel\n' for i in range(200))
    (tmp_path / "export.csv").write_text("id,Case Note,Worker\n" + rows, encoding="utf-8")
    _, single, _ = run("export.csv", "--format", "text", "--no-cache")
    code, parallel, _ = run("export.csv", "--format", "text", "--no-cache", "--jobs", "2")
    assert code == 1 and parallel == single and single.count("\n") == 401


def test_results_of_old_runs_are_pruned_after_a_week(run, tmp_path):
    import os
    import time

    from notecheck.cache import FORMAT

    stale = tmp_path / ".notecheck_cache" / f"v{FORMAT}" / "old-run"
    stale.mkdir(parents=True)
    (stale / "x.json").write_text("{}", encoding="utf-8")
    week_ago = time.time() - 8 * 86400
    os.utime(stale, (week_ago, week_ago))
    recent = tmp_path / ".notecheck_cache" / f"v{FORMAT}" / "yesterday"
    recent.mkdir()
    (tmp_path / "visit.md").write_text("Mum kicked off.\n", encoding="utf-8")
    run("visit.md")
    assert not stale.exists() and recent.exists()


def test_a_missing_path_is_reported_in_its_place(run, tmp_path):
    (tmp_path / "a.md").write_text("Mum kicked off.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Dad kicked off.\n", encoding="utf-8")
    for jobs in ("1", "2"):
        _, out, _ = run("a.md", "missing.md", "b.md", "--format", "text", "--quiet", "--jobs", jobs)
        assert [line.split(":")[0] for line in out.splitlines()] == ["a.md", "missing.md", "b.md"]


def test_the_cache_keeps_itself_out_of_git_and_backups(run, tmp_path):
    (tmp_path / "visit.md").write_text("Mum kicked off.\n", encoding="utf-8")
    run("visit.md")
    root = tmp_path / ".notecheck_cache"
    assert (root / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (root / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith(
        "Signature: 8a477f597d28d172789f06886806bc55")
