"""Finding the inputs: files, folders and stdin, and the reader for each."""

from __future__ import annotations

import fnmatch
import os
import re
import stat
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

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def shown_path(path: str) -> str:
    """A path as every output shows it. A file name that is not valid UTF-8 (Python holds
    its bytes as lone surrogates, which no output can encode) shows those bytes as \\xNN,
    and so does a control character (a newline in a name would forge an output line)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        path = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", path)


def _what_it_is(mode: int) -> str | None:
    """What a file that is not a regular file is (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device (a disk)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def not_a_file(path: str, mode: int) -> InputProblem | None:
    """The problem with reading ``path`` when it is not a regular file, else None."""
    kind = _what_it_is(mode)
    if kind is None:
        return None
    where = ""
    if os.path.islink(path):
        where = f"a link to {shown_path(os.path.realpath(path))}, "
    problem = InputProblem("input.unreadable",
                           f"This is {where}{kind}, not a file of notes, so it was skipped "
                           "without being read.")
    problem.path = path
    return problem


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
            yield from (_checked(str(f)) for f in sorted(found))
        elif path.exists():
            if not excluded(path, exclude):
                yield _checked(raw)
        else:
            problem = InputProblem("input.unreadable", f"No such file or folder: {shown_path(raw)}.")
            problem.path = raw
            yield problem


def _checked(path: str) -> str | InputProblem:
    """The path, or the problem when it is a FIFO, a device or a socket (reading one
    would block or never end)."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return path  # read_file reports why it cannot be read
    return not_a_file(path, mode) or path


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
        if path == STDIN:
            for item in reader(path, sys.stdin.buffer.read()):
                yield path, item
            return
        # Opened without blocking and checked before reading: a FIFO or a device named
        # here (or swapped in after the folder was listed) is reported, never read.
        fd = os.open(where, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        try:
            problem = not_a_file(where, os.fstat(fd).st_mode)
        except OSError:
            os.close(fd)
            raise
        if problem is not None:
            os.close(fd)
            yield path, problem
            return
        with os.fdopen(fd, "rb") as handle:
            if getattr(reader, "takes_file", False):
                extra = {"place": place} if place is not None and getattr(reader, "resumable", False) else {}
                for item in reader(path, handle, columns=columns, **extra):
                    yield path, item
            else:
                for item in reader(path, handle.read()):
                    yield path, item
    except OSError as exc:
        yield path, InputProblem("input.unreadable",
                                  f"This file could not be read ({exc.strerror or type(exc).__name__}).")
    except InputProblem as problem:
        yield path, problem
    except (ValueError, LookupError, TypeError, RecursionError, UnicodeError) as exc:
        # A reader's bug on input nobody foresaw: this file is reported, the run goes on.
        yield path, InputProblem(
            "notecheck.internal-error",
            f"notecheck could not finish reading this file ({type(exc).__name__}); the notes "
            "before the problem were checked, the rest were not. This is a bug in notecheck: "
            "please report it with the kind of file (not its contents).")
