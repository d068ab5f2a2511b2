"""Finding the inputs: files, folders and stdin, and the reader for each."""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from notecheck.notes import InputProblem, Note
from notecheck.notes.csv_reader import read_csv, read_tsv
from notecheck.notes.docx_reader import read_docx
from notecheck.notes.jsonl import read_json, read_jsonl
from notecheck.notes.text import read_text

Reader = Callable[[str, bytes], Iterable["Note | InputProblem"]]

# File ending -> reader. A reader marked ``takes_file`` gets an open binary file instead of
# the bytes (so it can stream) and the config's ``columns`` mapping.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".csv": read_csv,
    ".tsv": read_tsv,
    ".jsonl": read_jsonl,
    ".json": read_json,
    ".docx": read_docx,
}

STDIN = "-"


def excluded(path: Path, patterns: Iterable[str]) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(path.name, p)
               or fnmatch.fnmatch(text, f"*/{p}") or fnmatch.fnmatch(text, f"*/{p}/*")
               for p in patterns)


def discover(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[str | InputProblem]:
    """Yield the files to read, in a stable order, each once (a file named directly and
    inside a folder, say). Missing paths are problems, not crashes."""
    seen: set[str] = set()
    for item in _candidates(paths, list(exclude)):
        if isinstance(item, str):
            key = item if item == STDIN else os.path.realpath(item)
            if key in seen:
                continue
            seen.add(key)
        yield item


def _candidates(paths: Iterable[str], exclude: list[str]) -> Iterator[str | InputProblem]:
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not excluded(Path(root, d), exclude))
                for name in files:
                    file = Path(root, name)
                    if (not name.startswith(".") and file.suffix.lower() in READERS
                            and not excluded(file, exclude)):
                        found.append(file)
            yield from (str(f) for f in sorted(found))
        elif path.exists():
            if not excluded(path, exclude):
                yield raw
        else:
            problem = InputProblem("input.unreadable", f"No such file or folder: {raw}.")
            problem.path = raw
            yield problem


def read_notes(paths: Iterable[str], exclude: Iterable[str] = (),
               columns: dict[str, str] | None = None) -> Iterator[tuple[str, Note | InputProblem]]:
    """Yield (path, note or problem) for every input, one file at a time."""
    for item in discover(paths, exclude):
        if isinstance(item, InputProblem):
            yield item.path, item
            continue
        yield from read_file(item, columns)


def read_file(path: str, columns: dict[str, str] | None = None, *, location: str | None = None,
              place=None) -> Iterator[tuple[str, Note | InputProblem]]:
    """Every note and problem of one file. ``location``: where to open it, when that is not
    ``path`` (a Dask worker in another folder); notes and problems still name ``path``.
    ``place`` (a csv_reader.Place, for readers marked ``resumable``): follow where the
    reading is, or start from a mark."""
    reader = read_text if path == STDIN else READERS.get(Path(path).suffix.lower(), read_text)
    where = location or path
    try:
        if getattr(reader, "takes_file", False):
            extra = {"place": place} if place is not None and getattr(reader, "resumable", False) else {}
            with open(where, "rb") as handle:
                for item in reader(path, handle, columns=columns, **extra):
                    yield path, item
            return
        data = sys.stdin.buffer.read() if path == STDIN else Path(where).read_bytes()
        for item in reader(path, data):
            yield path, item
    except OSError as exc:
        yield path, InputProblem("input.unreadable",
                                 f"This file could not be read ({exc.strerror or exc}).")
    except InputProblem as problem:
        yield path, problem
