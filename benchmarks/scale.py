"""Throughput on one machine, one process against --jobs 2 and a 2-worker Dask cluster,
and the figures of the cost model in docs/scale.md.

    PYTHONPATH=src python benchmarks/scale.py [NOTES] [--rules builtin|tests] [--workers 2]

Generates an export of NOTES notes (default 2000, benchmarks/corpus.py) and times
checking all of it (every diagnostic consumed; the pipeline loaded before the clock
starts, the cache off) with
  (a) one process, (b) --jobs WORKERS, (c) a local Dask cluster of WORKERS single-threaded
      worker processes (the export cut into 4 tasks per worker, so every worker has work
      to the end; the pipeline loaded on every worker first);
then measures what limits scaling:
  - per-task overhead: the round trip of empty tasks through the scheduler, as a share
    of a 10,000-note task at (a)'s rate;
  - reading: notes per second the export reader gives (the client's count, a worker's
    skip to its range);
  - result size: bytes sent back per note.
The load average is printed before and after: other work on the machine slows (b) and
(c) more than (a).
"""

from __future__ import annotations

import argparse
import os
import pickle
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import write_export  # noqa: E402

import notecheck.dask_run as dask_run  # noqa: E402
from notecheck.checker import Checker  # noqa: E402
from notecheck.notes import Note  # noqa: E402
from notecheck.notes.sources import read_file  # noqa: E402


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} CPUs"


def checker(rules: str, **options) -> Checker:
    builtin = ROOT / "tests" / "data" / "rules" if rules == "tests" else None
    return Checker(builtin_rules=builtin, cache=False, **options)


def cpu_seconds(pids=()) -> float:
    """CPU time of this process, its finished children and the given processes."""
    import psutil

    times = os.times()
    total = times.user + times.system + times.children_user + times.children_system
    for pid in pids:
        cpu = psutil.Process(pid).cpu_times()
        total += cpu.user + cpu.system
    return total


def timed_run(made: Checker, export: Path, pids=()) -> tuple[float, int, float]:
    """Wall seconds, diagnostics, CPU seconds (this process, children, ``pids``)."""
    cpu = cpu_seconds(pids)
    start = time.perf_counter()
    found = sum(1 for _ in made.check_paths([str(export)]))
    return time.perf_counter() - start, found, cpu_seconds(pids) - cpu


def _warm(setup):
    """On a worker: build its Checker and load the pipeline (as the first task would)."""
    _, rules, _ = dask_run._worker_state(setup)
    rules.linter.pipeline
    return os.getpid()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notes", nargs="?", type=int, default=2000)
    parser.add_argument("--rules", choices=("builtin", "tests"), default="builtin",
                        help="builtin: the real rule packs (trained pipeline); tests: the tests' "
                             "tokenizer-only pack (the cheapest possible check)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="notecheck-scale-"))
    export = write_export(folder / "export.csv", args.notes, args.seed)
    size = export.stat().st_size
    print(f"{args.notes:,} notes, {size / 1e6:.1f} MB CSV, rules: {args.rules}, workers: {args.workers}")
    print(f"before: {load()}")

    # (a) one process
    single = checker(args.rules)
    single.linter.pipeline
    single_time, found, single_cpu = timed_run(single, export)
    rate = args.notes / single_time
    print(f"(a) one process:      {single_time:7.1f} s  {rate:7.1f} notes/s  ({found:,} diagnostics; "
          f"{args.notes / single_cpu:.1f} notes per CPU-second)")

    # (b) --jobs
    jobs = checker(args.rules, jobs=args.workers)
    jobs.linter.pipeline
    jobs_time, jobs_found, jobs_cpu = timed_run(jobs, export)
    assert jobs_found == found
    print(f"(b) --jobs {args.workers}:         {jobs_time:7.1f} s  {args.notes / jobs_time:7.1f} notes/s  "
          f"x{single_time / jobs_time:.2f}  ({args.notes / jobs_cpu:.1f} notes per CPU-second)")

    # (c) Dask
    task_notes = max(1, -(-args.notes // (4 * args.workers)))
    dask_run.SCAN_BYTES = 0
    on_dask = checker(args.rules)
    # What --dask starts: the pipeline loaded here, then workers forked with it.
    with dask_run.dask_client(workers=args.workers, preload=lambda: dask_run.preload(on_dask)) as client:
        executor = dask_run.DaskExecutor(client, task_notes=task_notes)
        on_dask.executor = executor
        setup = executor.setup(on_dask, on_dask.default(), False)
        pids = list(client.run(_warm, setup).values())
        dask_time, dask_found, dask_cpu = timed_run(on_dask, export, pids)
        assert dask_found == found
        print(f"(c) Dask, {args.workers} workers:  {dask_time:7.1f} s  {args.notes / dask_time:7.1f} notes/s  "
              f"x{single_time / dask_time:.2f}  ({-(-args.notes // task_notes)} tasks of "
              f"{task_notes} notes; {args.notes / dask_cpu:.1f} notes per CPU-second, client, "
              "scheduler and workers)")
        print(f"    CPU: {executor.task_cpu:.1f} s in tasks, {dask_cpu:.1f} s in all "
              f"({dask_cpu - executor.task_cpu:.1f} s outside tasks: client, scheduler, workers' "
              f"own threads); one process: {single_cpu:.1f} s")
        # On idle cores each worker runs flat out: the speed-up is the workers times the
        # share of the CPU time that is checking (one process's CPU time over Dask's).
        print(f"    projected on {args.workers} idle cores: x{args.workers * single_cpu / dask_cpu:.2f} "
              f"(Dask spends {dask_cpu / single_cpu - 1:+.1%} CPU time over one process)")

        # Per-task overhead: empty tasks, WORKERS at a time, through the scheduler.
        rounds = 200
        start = time.perf_counter()
        futures = [client.submit(dask_run.check_segments, setup, [], pure=False) for _ in range(rounds)]
        client.gather(futures)
        per_task = (time.perf_counter() - start) * args.workers / rounds
    task_time = 10_000 / rate
    print(f"per-task overhead:    {per_task * 1000:7.1f} ms a task = {per_task / task_time:.3%} of a "
          f"10,000-note task ({task_time:.0f} s at (a)'s rate)")

    # Reading: the export reader's rate (what the client's count and a worker's skip cost).
    reads = []
    for _ in range(3):
        start = time.perf_counter()
        notes = sum(1 for _, item in read_file(str(export)) if isinstance(item, Note))
        reads.append(time.perf_counter() - start)
    read_rate = notes / statistics.median(reads)
    print(f"reading:              {read_rate:7.0f} notes/s ({read_rate / rate:.0f}x checking on one core)")

    # Result size: what one task sends back, per note.
    segment = dask_run.Segment(str(export), str(export.resolve()), 0, min(args.notes, 500))
    result = dask_run.check_segments(setup, [segment])
    per_note = len(pickle.dumps(result)) / result["notes"]
    print(f"result size:          {per_note:7.0f} bytes a note ({per_note * 10_000 / 1e6:.1f} MB a "
          "10,000-note task)")
    print(f"after: {load()}")


if __name__ == "__main__":
    main()
