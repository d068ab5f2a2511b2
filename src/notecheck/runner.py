"""A whole run: inputs -> diagnostics, with the cache, batching, parallel workers and progress.

This is the one path every surface uses (the CLI, test-rules, the quality gate, the
benchmarks, the server and the language server, through ``notecheck.api``):

    read -> (cache hit? rebuild) -> parse in batches -> rules, each isolated
         -> suppressions -> masking -> cache -> diagnostics, in input order

Notes from many files are parsed together in batches; with ``jobs`` > 1 the batches go to
worker processes. Reading stays in this process, so input problems never cross a process
boundary, and the output is the same, in the same order, whatever the number of workers.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from notecheck.diagnostics import Diagnostic
from notecheck.engine import Linter, problem_diagnostic, rule_needs
from notecheck.notes import InputProblem, Note
from notecheck.notes.sources import discover, read_file

# Notes parsed and checked together: enough to batch the parse. With worker processes,
# a smaller share is handed out at a time, so that every worker is busy to the end of a
# run of a few hundred notes (48 notes to one worker and 6 to the other was the end of
# a 150-note run).
CHUNK = 48
PARALLEL_CHUNK = 12


@dataclass
class Counts:
    files: int = 0
    notes: int = 0
    cached_notes: int = 0
    paths: list[str] = field(default_factory=list)


def reader_key(path: str, columns: dict | None) -> str:
    """Which reader, with which options, made a note: part of its cache key."""
    suffix = os.path.splitext(path)[1].lower() or ".txt"
    return f"{suffix}:{sorted((columns or {}).items())!r}"


def _check_chunk(linter: Linter, cache, chunk: list[tuple[Note, str | None]]) -> list:
    """Parse and check a batch of notes: for each, its diagnostics and its cache record
    (None when it cannot be cached)."""
    out = []
    parsed_notes = list(linter.parse_all((note.path, note) for note, _ in chunk))
    if any("evidence" in rule_needs(rule) for rule in linter.rules):
        from notecheck.kinds.evidence import score_notes  # the classifier, once for the chunk

        score_notes([part for _, parts in parsed_notes for part in parts])
    for (note, key), (_, parts) in zip(chunk, parsed_notes):
        found, errors = linter.findings(parts, linter.rules)
        # Found once, used for this run's masking and kept in the cache for the next.
        masking = linter.masking_spans(note) if linter.mask and found else None
        record = None
        if cache is not None and key is not None and not errors:
            try:
                record = cache.encode(note, found, masking)
            except Exception:  # noqa: BLE001 - Uncacheable, or a value we cannot store
                record = None
        out.append((linter.diagnostics(note, found, linter.rules, errors, masking), record))
    return out


@dataclass
class Cached:
    """A note served from the cache, and its diagnostics."""

    note: Note
    diagnostics: list


# -- parallel workers (fork: each worker starts with the parent's loaded pipeline) -------------

_WORKER: tuple | None = None


def _work(chunk: list[tuple[Note, str | None]]) -> list:
    linter, cache = _WORKER
    try:
        return _check_chunk(linter, cache, chunk)
    except Exception as exc:  # noqa: BLE001 - never let a worker die with the batch
        from notecheck.engine import internal_error

        return [([internal_error(note, "notecheck.engine", exc)], None) for note, _ in chunk]


def _items(paths: Iterable[str], exclude: Iterable[str], columns: dict | None, counts: Counts,
           progress) -> Iterator[tuple[str, Note | InputProblem | None]]:
    """Every input item in order; ``None`` marks the end of a file (for progress)."""
    inputs = list(discover(paths, exclude))
    counts.files = len(inputs)
    if progress:
        progress.start(sum(1 for item in inputs if not isinstance(item, InputProblem)))
    for item in inputs:
        if isinstance(item, InputProblem):
            yield item.path, item
            continue
        yield from read_file(item, columns)
        yield item, None


def run(linter: Linter, paths: Iterable[str], exclude: Iterable[str] = (), *,
        columns: dict | None = None, cache=None, jobs: int = 1,
        counts: Counts | None = None, progress=None, on_note=None) -> Iterator[Diagnostic]:
    """Every diagnostic for the inputs, file by file. ``progress`` (optional) gets
    ``start(total_files)``, ``note()`` and ``file_done()`` calls."""
    counts = counts if counts is not None else Counts()
    items = _items(paths, exclude, columns, counts, progress)
    yield from check_items(linter, items, columns=columns, cache=cache, jobs=jobs,
                           counts=counts, progress=progress, on_note=on_note)


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity mask, e.g. a container's share)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


# With --jobs 0 (the default: auto), worker processes are started only once this many
# notes need checking (not served by the cache): below it, starting them costs more than
# they save.
AUTO_MIN_NOTES = 100


def check_items(linter: Linter, items: Iterable[tuple[str, Note | InputProblem | None]], *,
                columns: dict | None = None, cache=None, jobs: int = 1,
                counts: Counts | None = None, progress=None, on_note=None) -> Iterator[Diagnostic]:
    """Diagnostics for a stream of (path, note or problem) items, in order. A ``None``
    item marks the end of a file.

    ``on_note(note)`` (optional) is called for each note, in input order, just before its
    diagnostics are yielded: a consumer can tell which note each diagnostic is about
    (input problems, ``input.*``, belong to no note) and read the note's metadata.
    ``jobs``: 1 checks in this process; n > 1 uses n worker processes; 0 (auto) uses one
    per available CPU once at least AUTO_MIN_NOTES notes need checking. Workers start only
    when a note needs checking, so a run served wholly by the cache loads no pipeline."""
    global _WORKER
    counts = counts if counts is not None else Counts()
    auto = jobs == 0
    workers = available_cpus() if auto else jobs
    parallel = workers > 1 and "fork" in multiprocessing.get_all_start_methods()
    pools: list = []

    def start_pool():
        global _WORKER
        linter.warm()  # load and compile once, before forking, so every worker shares it
        _WORKER = (linter, cache)
        # Frozen, the objects loaded so far (the pipeline, the rules) are left out of the
        # workers' garbage collections: collecting would write to every one of them, and
        # each page written is copied, one worker at a time.
        gc.freeze()
        try:
            pools.append(multiprocessing.get_context("fork").Pool(workers))
        finally:
            gc.unfreeze()  # this process collects as before
        return pools[0]

    try:
        yield from _ordered(linter, items, cache, counts, progress, start_pool if parallel else None,
                            workers, columns, AUTO_MIN_NOTES if auto else 0, on_note)
    finally:
        for pool in pools:
            pool.terminate()
            pool.join()
        _WORKER = None
        if cache is not None:
            cache.flush()


def _ordered(linter, items, cache, counts, progress, start_pool, jobs, columns,
             wait_for: int = 0, on_note=None) -> Iterator[Diagnostic]:
    """Reads ahead, sends the notes the cache does not hold to be checked in chunks, and
    yields every result in input order. ``start_pool`` (None: check here) starts the
    workers when the first chunk is ready, or once ``wait_for`` notes are waiting."""
    # Output slots in input order: a list of diagnostics ready now, or an index into the
    # chunk results still to come. 'END' marks a file's end, for progress.
    slots: list = []
    chunk: list[tuple[Note, str | None]] = []
    pending: list = []  # async results (or plain lists) of chunks, in order
    waiting: list = []  # chunks held back until it is clear whether workers pay
    results: dict[int, list] = {}
    next_chunk = 0
    pool = None
    window = max(2, 2 * jobs) if start_pool is not None else 1
    size = CHUNK if start_pool is None else PARALLEL_CHUNK

    def send() -> None:
        nonlocal chunk, pool
        if chunk:
            waiting.append(chunk)
            chunk = []
        if not waiting:
            return
        if start_pool is not None and pool is None:
            if sum(len(c) for c in waiting) < wait_for:
                return
            pool = start_pool()
        for ready in waiting:
            if pool is not None:
                pending.append(pool.apply_async(_work, (ready,)))
            else:
                pending.append(_check_chunk(linter, cache, ready))
        waiting.clear()

    def finish() -> None:
        """The input has ended: what is still held back is checked here."""
        send()
        for ready in waiting:
            pending.append(_check_chunk(linter, cache, ready))
        waiting.clear()

    def drain(limit: int) -> Iterator[Diagnostic]:
        nonlocal next_chunk
        while len(pending) > limit:
            result = pending.pop(0)
            results[next_chunk] = result if isinstance(result, list) else result.get()
            next_chunk += 1
        yield from flush()

    def flush() -> Iterator[Diagnostic]:
        while slots:
            slot = slots[0]
            if slot == "END":
                if progress:
                    progress.file_done()
            elif isinstance(slot, tuple):
                index, position, key, note = slot
                if index not in results:
                    return
                if on_note is not None:
                    on_note(note)
                diagnostics, record = results[index][position]
                if record is not None and cache is not None:
                    cache.put(key, record)
                if position == len(results[index]) - 1:
                    del results[index]
                yield from diagnostics
            elif isinstance(slot, Cached):
                if on_note is not None:
                    on_note(slot.note)
                yield from slot.diagnostics
            else:
                yield from slot
            slots.pop(0)

    chunk_index = 0
    for path, item in items:
        if item is None:
            slots.append("END")
            continue
        if isinstance(item, InputProblem):
            slots.append([problem_diagnostic(path, item, linter.masking_rules if linter.mask else None)])
            continue
        counts.notes += 1
        if progress:
            progress.note()
        key = cache.key(item, reader_key(path, columns)) if cache is not None else None
        if key is not None:
            record = cache.get(key)
            if record is not None:
                try:
                    found, masking = cache.decode(item, record), cache.masking(record)
                except (KeyError, ValueError, TypeError, IndexError, AttributeError):
                    found = None
                if found is not None:
                    counts.cached_notes += 1
                    slots.append(Cached(item, linter.diagnostics(item, found, linter.rules,
                                                                 masking=masking)))
                    continue
        slots.append((chunk_index, len(chunk), key, item))
        chunk.append((item, key))
        if len(chunk) >= size:
            send()
            chunk_index += 1
            yield from drain(window)
    finish()
    yield from drain(0)
