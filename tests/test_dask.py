"""check/report --dask and --dask-address: the same output as one process, on a cluster
started the way a user starts one ('dask scheduler', 'dask worker')."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from typer.testing import CliRunner  # noqa: E402

import notecheck.dask_run  # noqa: E402
from notecheck import cli  # noqa: E402

pytestmark = pytest.mark.dask

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).parent / "data"
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import write_export  # noqa: E402

START_TIMEOUT = 120


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    env.pop("NOTECHECK_CACHE_DIR", None)
    return env


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """tcp://127.0.0.1:PORT of a scheduler and one single-threaded worker, started as
    subprocesses in a folder of their own; always torn down."""
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    log = open(folder / "dask.log", "wb")
    processes = [subprocess.Popen(
        [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", "0",
         "--no-dashboard", "--scheduler-file", str(scheduler_file)],
        cwd=folder, env=_env(), stdout=log, stderr=subprocess.STDOUT)]
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while not scheduler_file.is_file() or not scheduler_file.read_text():
            if time.monotonic() > deadline or processes[0].poll() is not None:
                pytest.fail("the Dask scheduler did not start: " + (folder / "dask.log").read_text())
            time.sleep(0.2)
        time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:")
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "dask", "worker", address, "--nworkers", "1", "--nthreads", "1",
             "--no-dashboard"], cwd=folder, env=_env(), stdout=log, stderr=subprocess.STDOUT))
        from distributed import Client

        with Client(address, timeout=START_TIMEOUT) as client:
            client.wait_for_workers(1, timeout=START_TIMEOUT)
        yield address
    finally:
        for process in reversed(processes):
            _stop(process)
        log.close()


@pytest.fixture
def run(monkeypatch, tmp_path):
    """The CLI in-process on the test rule pack, in tmp_path, with tiny Dask tasks (7
    notes, every export counted) so one export is cut into several ranges."""
    monkeypatch.setattr(cli, "builtin_rules_dir", lambda: DATA / "rules")
    monkeypatch.setattr(notecheck.dask_run, "TASK_NOTES", 7)
    monkeypatch.setattr(notecheck.dask_run, "SCAN_BYTES", 0)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "cache"))

    def invoke(*args):
        result = CliRunner().invoke(cli.app, [str(a) for a in args])
        return result.exit_code, result.stdout, result.stderr

    return invoke


def inputs(tmp_path: Path) -> list[str]:
    """A generated export of 30 notes, the test data exports (a broken JSON Lines line, a
    multi-line CSV cell), a folder of text notes and a missing file."""
    write_export(tmp_path / "big" / "export.csv", 30, seed=5)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.md").write_text("---\nid: M1\nteam: Adults East\ncontact_date: 2026-11-02\n---\n"
                                "Dad presented as calm. CIN plan agreed.\n", encoding="utf-8")
    (notes / "b.txt").write_text("Nothing of note.\n", encoding="utf-8")
    (notes / "c.txt").write_bytes(b"\xff\xfe bad bytes kicked off\n")
    return ["big", str(DATA / "exports"), "notes", "missing.csv"]


def test_check_on_a_cluster_gives_the_single_process_output(run, scheduler, tmp_path):
    paths = inputs(tmp_path)
    code, single, _ = run("check", *paths, "--format", "json", "--no-cache")
    assert code == 1
    document = json.loads(single)
    assert document["summary"]["notes"] > 40 and document["diagnostics"]
    assert any(d["rule"] == "input.malformed-row" for d in document["diagnostics"])
    code, on_dask, err = run("check", *paths, "--format", "json", "--no-cache", "--dask-address", scheduler)
    assert code == 1, err
    assert on_dask == single  # byte for byte


def test_a_local_cluster_forks_its_workers_with_the_pipeline_loaded(run, tmp_path, monkeypatch):
    """--dask with no address: a local cluster whose workers are forked after this process
    has loaded the pipeline, so they check with it and never build a Checker of their own."""
    from notecheck.checker import Checker

    log = tmp_path / "checkers-built"
    original = Checker.__init__

    def counting(self, *args, **kwargs):  # a file, so a worker process's builds are seen too
        with open(log, "a") as handle:
            handle.write(f"{os.getpid()}\n")
        original(self, *args, **kwargs)

    monkeypatch.setattr(Checker, "__init__", counting)
    monkeypatch.setattr(notecheck.dask_run.os, "cpu_count", lambda: 2)
    paths = inputs(tmp_path)
    code, single, _ = run("check", *paths, "--format", "json", "--no-cache")
    code, local, err = run("check", *paths, "--format", "json", "--no-cache", "--dask")
    assert code == 1, err
    assert local == single  # byte for byte
    assert set(log.read_text().split()) == {str(os.getpid())}


def test_report_on_a_cluster_gives_the_single_process_report(run, scheduler, tmp_path):
    paths = inputs(tmp_path)
    code, single, err = run("report", *paths, "-o", "-", "--format", "json", "--no-cache",
                            "--today", "2026-12-01")
    assert code == 0, err
    report = json.loads(single)
    assert report["summary"]["notes"] > 40 and report["by"]["team"][0]["team"] != "(not given)"
    code, on_dask, err = run("report", *paths, "-o", "-", "--format", "json", "--no-cache",
                             "--today", "2026-12-01", "--dask-address", scheduler)
    assert code == 0, err
    assert on_dask == single


def test_workers_read_the_cache_the_client_wrote(run, scheduler, tmp_path, monkeypatch):
    """The first run on the cluster fills the cache (the client writes what the workers
    send back); the second is served from it by the workers: the same output, and the
    workers check nothing. The cache holds no note text."""
    import sqlite3

    from notecheck.checker import Checker
    from notecheck.runner import Counts

    export = write_export(tmp_path / "export.csv", 20, seed=9)
    outputs, cached = [], []
    for _ in range(2):
        checker = Checker(builtin_rules=DATA / "rules", cache=True)
        counts = Counts()
        with notecheck.dask_run.on_dask(checker, scheduler):
            outputs.append([d.to_dict() for d in checker.check_paths([str(export)], counts=counts)])
        cached.append(counts.cached_notes)
    assert outputs[0] == outputs[1] and outputs[0]
    assert cached == [0, 20]
    stores = list((tmp_path / "cache").rglob("*.sqlite"))
    assert len(stores) == 1
    with sqlite3.connect(stores[0]) as db:
        records = db.execute("SELECT record FROM notes").fetchall()
    assert len(records) == 20
    assert not [r for (r,) in records if "kicked" in r or "Patel" in r]


def test_a_rule_that_fails_on_a_note_is_reported_and_the_rest_is_checked(monkeypatch, tmp_path):
    """On an in-process cluster (so the test can break a kind): the note the rule fails on
    gets an internal-error diagnostic, as in one process; every other note is checked."""
    from distributed import Client, LocalCluster

    from notecheck.checker import Checker
    from notecheck.kinds import KINDS

    phrase = KINDS["phrase"]
    real = phrase.check

    def breaks_on_cards(parsed, rule):
        if "cards" in parsed.note.text:
            raise RuntimeError("boom")
        return real(parsed, rule)

    monkeypatch.setitem(KINDS, "phrase", dataclasses.replace(phrase, check=breaks_on_cards))
    monkeypatch.setattr(notecheck.dask_run, "SCAN_BYTES", 0)
    export = tmp_path / "notes.csv"
    export.write_text("id,Case Note\r\nN1,Mum kicked off.\r\nN2,We played cards.\r\nN3,Dad kicked off.\r\n",
                      encoding="utf-8")
    single = [d.to_dict() for d in Checker(builtin_rules=DATA / "rules").check_paths([str(export)])]
    # Both of the pack's rules are phrase rules: each fails on N2, and each says so.
    assert [(d["note"], d["rule"]) for d in single] == [
        ("N1", "jargon.test-jargon"), ("N2", "notecheck.internal-error"),
        ("N2", "notecheck.internal-error"), ("N3", "jargon.test-jargon")]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address="127.0.0.1:0") as cluster, \
            Client(cluster) as client:
        notecheck.dask_run._CHECKERS.clear()
        checker = Checker(builtin_rules=DATA / "rules")
        checker.executor = notecheck.dask_run.DaskExecutor(client, task_notes=1)
        on_dask = [d.to_dict() for d in checker.check_paths([str(export)])]
        notecheck.dask_run._CHECKERS.clear()
    assert on_dask == single
    assert checker.internal_errors == 2


_REAL_CHECK = notecheck.dask_run.check_segments


def _dies_on_b(setup, segments):
    if any(s.path.endswith("b.txt") for s in segments):
        raise MemoryError("the worker ran out of memory")
    return _REAL_CHECK(setup, segments)


def test_a_task_that_keeps_failing_is_reported_not_lost(monkeypatch, tmp_path):
    from distributed import Client, LocalCluster

    from notecheck.checker import Checker

    monkeypatch.setattr(notecheck.dask_run, "check_segments", _dies_on_b)
    for name, text in (("a.txt", "Mum kicked off."), ("b.txt", "Dad kicked off."), ("c.txt", "LAC review.")):
        (tmp_path / name).write_text(text, encoding="utf-8")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address="127.0.0.1:0") as cluster, \
            Client(cluster) as client:
        checker = Checker(builtin_rules=DATA / "rules")
        checker.executor = notecheck.dask_run.DaskExecutor(client, task_notes=1, retries=1)
        found = list(checker.check_paths([str(tmp_path)]))
        notecheck.dask_run._CHECKERS.clear()
    assert [(Path(d.path).name, d.rule) for d in found] == [
        ("a.txt", "jargon.test-jargon"), ("b.txt", "notecheck.internal-error"),
        ("c.txt", "jargon.test-acronym")]
    assert "could not be checked: the Dask task failed 2 times (MemoryError)" in found[1].message
    assert checker.exit_code(found) == 2


def test_dask_address_that_answers_nothing_is_a_clear_error(run, tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text("Mum kicked off.", encoding="utf-8")
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setattr(notecheck.dask_run, "CONNECT_TIMEOUT", 2)
    code, _, err = run("check", "a.txt", "--dask-address", f"tcp://127.0.0.1:{port}")
    assert code == 2
    assert f"no Dask scheduler answered at tcp://127.0.0.1:{port}" in err


def test_standard_input_is_read_by_the_client(run, scheduler, tmp_path):
    (tmp_path / "a.txt").write_text("Mum kicked off.", encoding="utf-8")
    result = CliRunner().invoke(cli.app, ["check", "a.txt", "-", "--format", "json", "--no-cache",
                                          "--dask-address", scheduler], input="The CIN plan.\n")
    assert result.exit_code == 1, result.stderr
    found = [(d["path"], d["rule"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [("a.txt", "jargon.test-jargon"), ("-", "jargon.test-acronym")]
