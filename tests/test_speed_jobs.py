"""--jobs 0 (the default): worker processes only when enough notes need checking, the same
output in the same order, and no pipeline at all when the cache serves every note."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from notecheck import runner
from notecheck.checker import Checker

DATA = Path(__file__).parent / "data"


def export(path: Path, rows: int) -> Path:
    lines = ["id,Case Note,Worker"]
    for i in range(rows):
        text = "Home visit. Mum kicked off when Jamie (LAC) came home." if i % 3 else "Home visit, all calm."
        lines.append(f'N{i},"{text} Visit {i}.",A. Patel')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def pools(monkeypatch):
    """How many worker pools each run started."""
    started = []
    real = multiprocessing.get_context

    def spy(method=None):
        started.append(method)
        return real(method)

    monkeypatch.setattr(runner.multiprocessing, "get_context", spy)
    return started


def findings(tmp_path, jobs, **options):
    checker = Checker({"columns": {"text": "Case Note", "id": "id"}}, builtin_rules=DATA / "rules",
                      jobs=jobs, **options)
    return [d.to_dict() for d in checker.check_paths([str(tmp_path / "export.csv")])], checker


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_auto_uses_workers_only_for_enough_notes(tmp_path, pools, monkeypatch):
    monkeypatch.setattr(runner, "available_cpus", lambda: 2)
    monkeypatch.setattr(runner, "AUTO_MIN_NOTES", 60)
    export(tmp_path / "export.csv", 40)
    one, _ = findings(tmp_path, 1)
    auto, _ = findings(tmp_path, 0)
    assert auto == one and len(one) > 20
    assert pools == []  # 40 notes: checked here
    export(tmp_path / "export.csv", 130)
    one, _ = findings(tmp_path, 1)
    auto, _ = findings(tmp_path, 0)
    assert auto == one and len(one) > 80
    assert pools == ["fork"]
    assert [d["note"] for d in auto] == sorted((d["note"] for d in auto), key=lambda n: int(n[1:]))


def test_auto_on_one_cpu_checks_here(tmp_path, pools, monkeypatch):
    monkeypatch.setattr(runner, "available_cpus", lambda: 1)
    monkeypatch.setattr(runner, "AUTO_MIN_NOTES", 10)
    export(tmp_path / "export.csv", 30)
    auto, _ = findings(tmp_path, 0)
    assert auto == findings(tmp_path, 1)[0] and pools == []


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_a_run_served_by_the_cache_starts_no_workers_and_loads_no_pipeline(tmp_path, pools, monkeypatch):
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    export(tmp_path / "export.csv", 120)
    first, _ = findings(tmp_path, 2, cache=True)
    assert pools == ["fork"]
    again, checker = findings(tmp_path, 2, cache=True)
    assert again == first
    assert pools == ["fork"]  # no second pool
    assert checker.default().linter._pipeline is None


def test_negative_jobs_is_a_setup_error(tmp_path):
    from notecheck.checker import SetupError

    with pytest.raises(SetupError, match="--jobs must be 0"):
        Checker(jobs=-1)
