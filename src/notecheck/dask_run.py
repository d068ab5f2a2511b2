"""Checking on a Dask cluster: ``notecheck check --dask`` (a local cluster, one worker
process per CPU) and ``--dask-address tcp://host:8786`` (a cluster started with Dask's own
``dask scheduler`` and ``dask worker``). Install with ``pip install 'notecheck[dask]'``.

The run is the same one path, split into tasks:

- The client (this process) finds the files and cuts them into tasks of about
  ``TASK_NOTES`` notes: small files are grouped, a big export is cut into ranges of its
  notes (the client reads it once, streaming, to count them). A task names files and
  ranges, never notes: each worker reads its own files, so note text never passes
  through the client.
- A worker keeps one Checker per run setup in this module (``_CHECKERS``), so the
  pipeline loads once per worker process, and runs ``runner.check_items`` over its range.
- Results come back in input order, go through the client's baseline and ignore list
  (``Checker._finish``), and the output is byte for byte that of a single-process run.
- Workers read the results cache; the client writes it (workers send back the cache
  records, which hold rule ids and offsets, never text). A rule that fails on a note is an
  internal-error diagnostic as usual; a task whose worker died is run again by Dask
  (``retries``), and a task that still fails is reported, file and note range, as an
  internal error, so nothing is lost silently.

Workers must see the files at the same paths as the client (a shared folder) and run the
same notecheck; a worker that does not is refused with a message saying so.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import os
import pickle
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from notecheck.diagnostics import Diagnostic, Severity
from notecheck.notes import InputProblem, Note

TASK_NOTES = 10_000
# Exports smaller than this are one task (or part of one) without counting their notes.
SCAN_BYTES = 2 << 20
BYTES_PER_NOTE = 800  # a guess, only used to group small exports into tasks
EXPORTS = (".csv", ".tsv", ".jsonl", ".json")
RETRIES = 2
CONNECT_TIMEOUT = 30  # seconds to wait for a scheduler at --dask-address


class DaskUnavailable(Exception):
    """Dask is not installed, or the cluster cannot be reached."""


class WorkerMismatch(Exception):
    """A worker runs different notecheck code from the client."""


# -- what a task carries --------------------------------------------------------------------

@dataclass(frozen=True)
class Setup:
    """Everything a worker needs to build the client's Checker for one config."""

    key: str                # the Checker's: config and options
    config: object          # the group's Config (pydantic, picklable)
    options: object         # checker.Options, paths made absolute
    code: str               # the client's notecheck source digest
    cache_folder: str | None
    want_notes: bool        # send each note's metadata back (for on_note)


@dataclass(frozen=True)
class Segment:
    """Items [start, stop) of one file's reading (stop None: to the end)."""

    path: str               # as the user gave it: what diagnostics say
    location: str           # absolute: where the worker opens it
    start: int = 0
    stop: int | None = None
    last: bool = True       # the file's last segment
    # Where item ``start`` begins (csv_reader.Place.mark()), for exports that can start
    # there; without it the worker reads from the top and skips ``start`` items.
    resume: tuple | None = None

    def items(self, columns) -> Iterator:
        from notecheck.notes.csv_reader import Place
        from notecheck.notes.sources import read_file

        if self.resume is None:
            read = read_file(self.path, columns, location=self.location)
            return itertools.islice(read, self.start, self.stop)
        read = read_file(self.path, columns, location=self.location, place=Place(self.resume))
        return itertools.islice(read, None if self.stop is None else self.stop - self.start)


# -- the worker side --------------------------------------------------------------------------

# Per worker process: the Checkers of the last few runs (each holds a pipeline, so a
# long-lived cluster that serves many runs keeps only a couple), with their caches.
_CHECKERS: OrderedDict[str, tuple] = OrderedDict()
KEEP_CHECKERS = 2
_LOCK = threading.Lock()  # one task at a time per process: a Checker is not thread-safe


class _ReadOnlyCache:
    """The client's cache, read on a worker; what would be written is sent back instead."""

    def __init__(self, cache):
        self._cache = cache
        self.written: list = []

    def put(self, key, record) -> None:
        self.written.append((key, record))

    def flush(self) -> None:
        pass

    def __getattr__(self, name):
        return getattr(self._cache, name)


def _worker_state(setup: Setup):
    from notecheck.cache import Cache, _source_digest
    from notecheck.checker import Checker

    state = _CHECKERS.get(setup.key)
    if state is None:
        if _source_digest() != setup.code:
            raise WorkerMismatch("this Dask worker runs a different version of notecheck from the "
                                 "client; install the same notecheck on every worker")
        checker = Checker(setup.config, dataclasses.replace(setup.options, cache=False))
        state = (checker, checker.default(), {})
        _CHECKERS[setup.key] = state
        while len(_CHECKERS) > KEEP_CHECKERS:
            _CHECKERS.popitem(last=False)
    _CHECKERS.move_to_end(setup.key)
    checker, rules, caches = state
    cache = None
    if setup.cache_folder is not None:
        cache = caches.get(setup.cache_folder)
        if cache is None:
            linter = rules.linter
            cache = Cache(Path(setup.cache_folder).parent.parent, linter.rules, rules.config,
                          linter.model_name, rules.config.columns, today=rules.config.timeliness.today)
            cache.folder = Path(setup.cache_folder)  # the client's: it names the client's run
            caches[setup.cache_folder] = cache
    return checker, rules, cache


def check_segments(setup: Setup, segments: list[Segment]) -> dict:
    """A task: check the segments' notes as ``runner.check_items`` does in one process.

    Returns {"events": [(note metadata or None, [Diagnostic, ...]), ...], "notes",
    "cached", "records", "cpu"}: one event per note (its metadata as a text-free Note when
    ``setup.want_notes``) and one per input problem, in reading order."""
    from notecheck.runner import Counts, check_items

    with _LOCK:
        started = time.process_time()
        checker, rules, cache = _worker_state(setup)
        cache = _ReadOnlyCache(cache) if cache is not None else None
        columns = rules.config.columns

        def items():
            for segment in segments:
                yield from segment.items(columns)

        events: list = []
        notes = 0

        def seen(note: Note) -> None:
            nonlocal notes
            notes += 1
            stub = (Note(path=note.path, text="", meta=note.meta, id=note.id)
                    if setup.want_notes else None)
            events.append((True, stub, []))

        counts = Counts()
        for d in check_items(rules.linter, items(), columns=columns, cache=cache, counts=counts,
                             on_note=seen):
            if d.category == "input" or not events or not events[-1][0]:
                events.append((False, None, [d]))
            else:
                events[-1][2].append(d)
        return {"events": events, "notes": notes, "cached": counts.cached_notes,
                "records": cache.written if cache is not None else [],
                "cpu": time.process_time() - started}


def make_setup(checker, rules, want_notes: bool) -> Setup:
    """What a worker needs to build ``checker``'s Checker for the group ``rules``."""
    from notecheck.cache import _source_digest
    from notecheck.dates import today
    from notecheck.rules.loader import builtin_rules_dir

    options = checker.options
    # The worker's clock and folder may differ: fix today, make paths absolute.
    fixed_today = options.today or today(rules.config.timeliness.today)
    builtin = options.builtin_rules
    options = dataclasses.replace(
        options, jobs=1, today=fixed_today, baseline=None,
        rule_dirs=[Path(p).resolve() for p in options.rule_dirs],
        builtin_rules=(None if builtin is None or Path(builtin).resolve() == builtin_rules_dir().resolve()
                       else Path(builtin).resolve()))
    config = rules.config
    if config.source:  # its rule folders are found from where it is
        config = config.model_copy(update={"source": str(Path(config.source).resolve())})
    cache_folder = str(rules.cache.folder.resolve()) if rules.cache is not None else None
    key = hashlib.sha256(pickle.dumps((config.model_dump_json(), repr(options)))).hexdigest()
    return Setup(key, config, options, _source_digest(), cache_folder, want_notes)


# -- the client side --------------------------------------------------------------------------

class DaskExecutor:
    """Set as ``checker.executor``: the Checker's groups of files are checked on Dask."""

    def __init__(self, client, *, task_notes: int | None = None, retries: int | None = None):
        self.client = client
        self.task_notes = task_notes or TASK_NOTES
        self.retries = RETRIES if retries is None else retries
        self.task_cpu = 0.0  # CPU seconds the tasks took on their workers (for benchmarks)

    def window(self) -> int:
        """Tasks in flight at once: enough to keep every worker busy, few enough to keep the
        client's memory flat."""
        try:
            threads = sum(self.client.nthreads().values())
        except Exception:  # noqa: BLE001 - a cluster that is still starting
            threads = 1
        return max(2, 2 * threads)

    def setup(self, checker, rules, want_notes: bool) -> Setup:
        return make_setup(checker, rules, want_notes)

    def segments(self, path: str, columns) -> Iterator[tuple[Segment, int]]:
        """A file's segments, each with how many notes it holds (estimated for small files).
        A big export is read here once, streaming, to cut it every ``task_notes`` notes;
        where its reader can start part-way (CSV, TSV, JSON Lines) each cut carries the
        place, so a worker starts there instead of reading past the notes before it."""
        from notecheck.notes.csv_reader import Place
        from notecheck.notes.sources import READERS, read_file

        location = str(Path(path).resolve())
        suffix = Path(path).suffix.lower()
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0
        if suffix not in EXPORTS or size < SCAN_BYTES:
            yield Segment(path, location), max(1, size // BYTES_PER_NOTE) if suffix in EXPORTS else 1
            return
        place = Place() if getattr(READERS.get(suffix), "resumable", False) else None
        start = index = notes = 0
        resume = None
        for index, (_, item) in enumerate(read_file(path, columns, place=place), start=1):
            if isinstance(item, Note):
                notes += 1
                if notes == self.task_notes:
                    yield Segment(path, location, start, index, last=False, resume=resume), notes
                    start, notes = index, 0
                    resume = place.mark() if place is not None and place.can_mark() else None
        yield Segment(path, location, start, None, resume=resume), notes

    def tasks(self, setup: Setup, rules, inputs: list) -> Iterator[tuple]:
        """("local", [diagnostics]), ("here", path) or ("task", future, segments), in input
        order."""
        from notecheck.engine import problem_diagnostic
        from notecheck.notes.sources import STDIN

        batch: list[Segment] = []
        size = 0

        def send():
            nonlocal batch, size
            future = self.client.submit(check_segments, setup, batch, retries=self.retries, pure=False)
            out = ("task", future, batch)
            batch, size = [], 0
            return out

        for item in inputs:
            if isinstance(item, InputProblem):
                if batch:
                    yield send()
                yield "local", [problem_diagnostic(item.path, item)]
                continue
            if item == STDIN:  # only this process can read its standard input
                if batch:
                    yield send()
                yield "here", item
                continue
            for segment, notes in self.segments(item, rules.config.columns):
                batch.append(segment)
                size += notes
                if size >= self.task_notes:
                    yield send()
        if batch:
            yield send()

    def stream(self, checker, rules, inputs, counts, progress, on_note) -> Iterator[Diagnostic]:
        setup = self.setup(checker, rules, on_note is not None)
        pending: deque = deque()
        window = self.window()
        try:
            for slot in self.tasks(setup, rules, inputs):
                pending.append(slot)
                while sum(1 for s in pending if s[0] == "task") > window:
                    yield from self._consume(pending.popleft(), rules, counts, progress, on_note)
            while pending:
                yield from self._consume(pending.popleft(), rules, counts, progress, on_note)
        finally:
            for slot in pending:
                if slot[0] == "task":
                    slot[1].cancel()
            if rules.cache is not None:
                rules.cache.flush()

    def _consume(self, slot, rules, counts, progress, on_note) -> Iterator[Diagnostic]:
        if slot[0] == "local":
            yield from slot[1]
            return
        if slot[0] == "here":
            from notecheck.notes.sources import read_file
            from notecheck.runner import check_items

            items = [*read_file(slot[1], rules.config.columns), (slot[1], None)]
            yield from check_items(rules.linter, items, columns=rules.config.columns,
                                   cache=rules.cache, counts=counts, progress=progress,
                                   on_note=on_note)
            return
        _, future, segments = slot
        try:
            result = future.result()
        except WorkerMismatch as exc:
            from notecheck.checker import SetupError

            raise SetupError(str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - a worker that kept dying, say
            for segment in segments:
                yield _lost(segment, exc, self.retries)
                if segment.last and progress:
                    progress.file_done()
            return
        finally:
            future.release()
        for is_note, stub, diagnostics in result["events"]:
            if is_note:
                counts.notes += 1
                if progress:
                    progress.note()
                if on_note is not None:
                    on_note(stub)
            yield from diagnostics
        counts.cached_notes += result["cached"]
        self.task_cpu += result["cpu"]
        if rules.cache is not None:
            for key, record in result["records"]:
                rules.cache.put(key, record)
        if progress:
            for segment in segments:
                if segment.last:
                    progress.file_done()


def _lost(segment: Segment, exc: BaseException, retries: int) -> Diagnostic:
    """An internal error for a segment whose task failed for good: it names the file and
    which of its notes, never their text."""
    from notecheck.checker import INTERNAL_ERROR

    if segment.start == 0 and segment.stop is None:
        which = "This file"
    elif segment.stop is None:
        which = f"This file from its item {segment.start + 1} to its end"
    else:
        which = f"Items {segment.start + 1} to {segment.stop} of this file"
    message = (f"{which} could not be checked: the Dask task failed {retries + 1} times "
               f"({type(exc).__name__}), so its notes were not checked. Run 'notecheck check' on "
               "this file without --dask to check it, and report the failure if it happens again.")
    return Diagnostic(path=segment.path, note=None, line=1, column=1, end_line=1, end_column=1,
                      rule=INTERNAL_ERROR, category="notecheck", severity=Severity.ERROR,
                      message=message)


# -- clusters ---------------------------------------------------------------------------------

@contextmanager
def dask_client(address: str | None = None, workers: int | None = None, timeout: float | None = None,
                preload=None):
    """A Dask client: on the cluster at ``address``, or on a new local cluster with one
    single-threaded worker process per CPU (``workers`` to choose how many).

    A local cluster's workers are forked from this process where the system can fork
    (Linux, macOS): ``preload()`` is called first, so what it loads (the pipeline and the
    rules) is shared by every worker, not loaded again by each."""
    import logging

    timeout = CONNECT_TIMEOUT if timeout is None else timeout

    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskUnavailable("Dask is not installed: pip install 'notecheck[dask]'") from None
    if address:
        try:
            client = Client(address, timeout=timeout)
        except (OSError, TimeoutError) as exc:
            raise DaskUnavailable(f"no Dask scheduler answered at {address} ({exc}). Start one "
                                  "with 'dask scheduler' and workers with 'dask worker ADDRESS'.") from None
        try:
            yield client
        finally:
            client.close()
        return
    import dask

    # Dask's statistical profiler samples every worker's stack 100 times a second; on
    # spaCy's deep stacks that cost 10-30% more CPU per note (benchmarks/scale.py).
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if preload is not None and method == "fork":
        preload()
    with dask.config.set({"distributed.worker.profile.enabled": False,
                          "distributed.worker.multiprocessing-method": method}):
        # Only this machine can reach the local cluster (its scheduler's HTTP routes too).
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                               processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0",
                               silence_logs=logging.ERROR)
    try:
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


def preload(checker) -> None:
    """Build, in this process, the Checker a worker would build for ``checker``'s own
    config, with its pipeline loaded: workers forked afterwards start with it."""
    setup = make_setup(checker, checker.default(), False)
    _worker_state(setup)[1].linter.pipeline


@contextmanager
def on_dask(checker, address: str | None = None, workers: int | None = None, **executor):
    """Run the checker's checks on Dask for the duration of the block."""
    with dask_client(address, workers, preload=lambda: preload(checker)) as client:
        checker.executor = DaskExecutor(client, **executor)
        try:
            yield checker
        finally:
            checker.executor = None
