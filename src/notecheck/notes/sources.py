"""Finding the inputs: files, folders and stdin, and the reader for each."""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from notecheck.notes import InputProblem, Note
from notecheck.notes.text import read_text

Reader = Callable[[str, bytes], Iterable["Note | InputProblem"]]

# File ending -> reader. Later input kinds (CSV, JSON Lines, Word) join here.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".md": read_text,
    ".markdown": read_text,
}

STDIN = "-"


def excluded(path: Path, patterns: Iterable[str]) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(path.name, p)
               or fnmatch.fnmatch(text, f"*/{p}") or fnmatch.fnmatch(text, f"*/{p}/*")
               for p in patterns)


def discover(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[str | InputProblem]:
    """Yield the files to read, in a stable order. Missing paths are problems, not crashes."""
    exclude = list(exclude)
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


def read_notes(paths: Iterable[str], exclude: Iterable[str] = ()) -> Iterator[tuple[str, Note | InputProblem]]:
    """Yield (path, note or problem) for every input, one file at a time. A file named
    twice (directly and inside a folder, say) is read once."""
    seen: set[str] = set()
    for item in discover(paths, exclude):
        if isinstance(item, InputProblem):
            yield item.path, item
            continue
        key = item if item == STDIN else os.path.realpath(item)
        if key in seen:
            continue
        seen.add(key)
        yield from read_file(item)


def read_file(path: str) -> Iterator[tuple[str, Note | InputProblem]]:
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read()
            reader = read_text
        else:
            data = Path(path).read_bytes()
            reader = READERS.get(Path(path).suffix.lower(), read_text)
    except OSError as exc:
        yield path, InputProblem("input.unreadable",
                                 f"This file could not be read ({exc.strerror or exc}).")
        return
    try:
        for item in reader(path, data):
            yield path, item
    except InputProblem as problem:
        yield path, problem
