"""A whole run: files -> diagnostics, with the cache, parallel workers and progress.

Diagnostics come out file by file in the order the files were found, whatever the
number of workers, so output is the same with ``--jobs 1`` and ``--jobs 8``.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from notecheck.cache import Cache, Uncacheable, file_digest
from notecheck.diagnostics import Diagnostic
from notecheck.engine import Linter, problem_diagnostic
from notecheck.notes import InputProblem, Note
from notecheck.notes.sources import STDIN, discover, read_file


@dataclass
class Counts:
    files: int = 0
    notes: int = 0
    cached_files: int = 0
    paths: list[str] = field(default_factory=list)


def lint_file(linter: Linter, path: str, columns: dict | None, cache: Cache | None,
              n_process: int = 1) -> Iterator[Diagnostic | Note]:
    """Diagnostics for one file, in reading order. Yields each Note too, for counting.

    ``n_process`` > 1 spreads one big file over spaCy's own worker processes."""
    content = None
    if cache is not None and path != STDIN:
        try:
            content = file_digest(path)
        except OSError:
            content = None
    if content is not None:
        records = cache.load(content)
        if records is not None:
            hit = _from_cache(linter, cache, path, columns, records)
            if hit is not None:
                yield from hit
                return

    store: list | None = [] if content is not None else None
    for _, parsed in linter.parse_all(read_file(path, columns), n_process=n_process):
        if isinstance(parsed, InputProblem):
            yield problem_diagnostic(path, parsed)
            continue
        found = linter.findings(parsed, linter.rules)
        if store is not None:
            try:
                store.append(cache.encode(parsed.note, found))
            except Uncacheable:
                store = None
        yield parsed.note
        yield from linter.diagnostics(parsed.note, found, linter.rules)
    if store is not None:
        cache.store(content, store)


def _from_cache(linter, cache, path, columns, records) -> list | None:
    """The file's diagnostics rebuilt from the cache and the re-read notes (no spaCy)."""
    out: list = []
    index = 0
    for _, item in read_file(path, columns):
        if isinstance(item, InputProblem):
            out.append(problem_diagnostic(path, item))
            continue
        if index >= len(records):
            return None
        try:
            found = cache.decode(item, records[index])
        except (KeyError, ValueError, TypeError, IndexError):
            return None
        index += 1
        out.append(item)
        out.extend(linter.diagnostics(item, found, linter.rules))
    return out if index == len(records) else None


# -- parallel workers (fork: each worker starts with the parent's loaded pipeline) -------------

_WORKER: tuple | None = None


def _work(path: str) -> list:
    linter, columns, cache = _WORKER
    return [x if isinstance(x, Diagnostic) else None for x in lint_file(linter, path, columns, cache)]


def run(linter: Linter, paths: Iterable[str], exclude: Iterable[str] = (), *,
        columns: dict | None = None, cache: Cache | None = None, jobs: int = 1,
        counts: Counts | None = None, progress=None) -> Iterator[Diagnostic]:
    """Every diagnostic for the inputs, file by file. ``progress`` (optional) gets
    ``start(total_files)``, ``note()`` and ``file_done()`` calls."""
    global _WORKER
    counts = counts if counts is not None else Counts()
    inputs = list(discover(paths, exclude))  # paths, and problems for missing ones, in order
    files = [item for item in inputs if not isinstance(item, InputProblem)]
    counts.files = len(inputs)
    if progress:
        progress.start(len(files))

    def note_seen() -> None:
        counts.notes += 1
        if progress:
            progress.note()

    if jobs > 1 and len(files) > 1 and "fork" in multiprocessing.get_all_start_methods():
        _WORKER = (linter, columns, cache)
        context = multiprocessing.get_context("fork")
        try:
            with context.Pool(min(jobs, len(files))) as pool:
                results = pool.imap(_work, files)
                for item in inputs:
                    if isinstance(item, InputProblem):
                        yield problem_diagnostic(item.path, item)
                        continue
                    for found in next(results):
                        if found is None:
                            note_seen()
                        else:
                            yield found
                    if progress:
                        progress.file_done()
        finally:
            _WORKER = None
        return

    # One file and several jobs: spaCy's multi-process pipe splits the file's notes instead.
    n_process = jobs if jobs > 1 and len(files) == 1 else 1
    for item in inputs:
        if isinstance(item, InputProblem):
            yield problem_diagnostic(item.path, item)
            continue
        for found in lint_file(linter, item, columns, cache, n_process):
            if isinstance(found, Note):
                note_seen()
            else:
                yield found
        if progress:
            progress.file_done()
