"""JSON Lines (one object per line, streamed) and JSON (an array of objects) exports.

JSON Lines is read line by line, so memory stays flat however big the file. A JSON array
has no line structure to stream on, so a .json file is loaded whole: export large data
as JSON Lines. Positions point at the characters inside the JSON string, counting each
escape (\\n, \\", \\u00e9) as the columns it takes in the file.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from notecheck.notes import InputProblem, Note
from notecheck.notes.columns import Cell, build_note, map_columns
from notecheck.notes.csv_reader import Place, open_text

_decoder = json.JSONDecoder()
_scanstring = json.decoder.scanstring
WHITESPACE = " \t\r\n"


class BadJson(Exception):
    def __init__(self, message: str, index: int):
        super().__init__(message)
        self.message, self.index = message, index


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in WHITESPACE:
        i += 1
    return i


def parse_object(text: str, i: int) -> tuple[dict[str, tuple[Any, int, int]], int]:
    """Read the object at text[i]: ({key: (value, start, end)}, index after it).

    For a string value, start/end are the raw characters between its quotes."""
    i = _skip(text, i)
    if not text.startswith("{", i):
        raise BadJson("expected an object '{...}'", i)
    fields: dict[str, tuple[Any, int, int]] = {}
    i = _skip(text, i + 1)
    if text.startswith("}", i):
        return fields, i + 1
    while True:
        if not text.startswith('"', i):
            raise BadJson("expected a quoted key", i)
        try:
            key, i = _scanstring(text, i + 1)
            i = _skip(text, i)
            if not text.startswith(":", i):
                raise BadJson("expected ':' after a key", i)
            i = _skip(text, i + 1)
            start = i
            if text.startswith('"', i):
                value, i = _scanstring(text, i + 1)
                fields[key] = (value, start + 1, i - 1)
            else:
                value, i = _decoder.raw_decode(text, i)
                fields[key] = (value, start, i)
        except json.JSONDecodeError as exc:
            raise BadJson(exc.msg.lower(), exc.pos) from None
        i = _skip(text, i)
        if text.startswith(",", i):
            i = _skip(text, i + 1)
            continue
        if text.startswith("}", i):
            return fields, i + 1
        raise BadJson("expected ',' or '}'", i)


def string_breaks(raw: str, start: int, end: int, line: int, column: int) -> list[tuple[int, int, int]]:
    """Offset map points for the JSON string raw[start:end] that begins at (line, column)."""
    breaks = [(0, line, column)]
    decoded = 0
    i = start
    while True:
        j = raw.find("\\", i, end)
        if j == -1:
            return breaks
        decoded += j - i + 1
        width = 2
        if raw.startswith("u", j + 1):
            width = 6
            code = int(raw[j + 2:j + 6], 16)
            if 0xD800 <= code < 0xDC00 and raw.startswith("\\u", j + 6):
                width = 12  # a surrogate pair is one character
        i = j + width
        breaks.append((decoded, line, column + i - start))


class _Lines:
    """Line and column of an index in a whole text."""

    def __init__(self, text: str):
        self.starts = [0]
        index = text.find("\n")
        while index != -1:
            self.starts.append(index + 1)
            index = text.find("\n", index + 1)

    def at(self, index: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, index) - 1
        return line + 1, index - self.starts[line] + 1


def _record(path: str, raw: str, fields: dict[str, tuple[Any, int, int]], where, columns,
            mapping_cache: dict) -> list[Note | InputProblem]:
    keys = tuple(fields)
    if keys not in mapping_cache:
        try:
            mapping_cache[keys] = map_columns(keys, columns)
        except InputProblem as problem:
            mapping_cache[keys] = problem
    mapping = mapping_cache[keys]
    if isinstance(mapping, InputProblem):
        raise InputProblem(mapping.rule, mapping.message)
    cells = {}
    for field, index in mapping.items():
        value, start, end = fields[keys[index]]
        line, column = where(start)
        breaks = (string_breaks(raw, start, end, line, column) if isinstance(value, str)
                  else [(0, line, column)])
        cells[field] = Cell(value, breaks)
    used = set(mapping.values())
    extra = {k: v[0] for i, (k, v) in enumerate(fields.items()) if i not in used and v[0] not in (None, "")}
    return build_note(path, cells, extra, where(fields[keys[mapping["text"]]][1]))


def read_jsonl(path: str, handle: BinaryIO, columns: Mapping[str, str] | None = None,
               place: Place | None = None) -> Iterator[Note | InputProblem]:
    stream, warning = open_text(handle)
    resume = place.resume if place is not None else None
    if warning and resume is None:
        yield warning
    mapping_cache: dict = {}
    no_text: dict[tuple, int] = {}
    line_no = 0
    if place is not None:
        if resume is not None:
            position, line_no, seen = resume
            no_text.update(seen)
            stream.seek(position)
        place.stream, place.line = stream, lambda: line_no
        place.state = lambda: dict(no_text)
    # readline, not iteration: a text stream cannot say where it is while iterated.
    while line := stream.readline():
        line_no += 1
        if not line.strip():
            continue
        try:
            fields, end = parse_object(line, 0)
            if _skip(line, end) != len(line):
                raise BadJson("there is more after the object; put one object on each line", end)
        except BadJson as bad:
            yield InputProblem("input.malformed-row",
                               f"Line {line_no} is not a valid JSON object ({bad.message} at "
                               f"column {bad.index + 1}), so it was skipped.",
                               line=line_no, column=bad.index + 1)
            continue
        try:
            yield from _record(path, line, fields, lambda i, n=line_no: (n, i + 1), columns,
                               mapping_cache)
        except InputProblem as problem:
            keys = tuple(fields)
            if keys in no_text:  # say it in full once, then briefly
                problem = InputProblem(problem.rule, f"Line {line_no} has no note text either "
                                       f"(the same fields as line {no_text[keys]}), so it was skipped.")
            else:
                no_text[keys] = line_no
            problem.line = line_no
            yield problem


def read_json(path: str, handle: BinaryIO, columns: Mapping[str, str] | None = None
              ) -> Iterator[Note | InputProblem]:
    stream, warning = open_text(handle)
    if warning:
        yield warning
    text = stream.read()  # a JSON array cannot be streamed row by row; see the module docstring
    lines = _Lines(text)
    i = _skip(text, 0)
    if text.startswith("{", i):
        items = [i]  # a single object is one note
    elif not text.startswith("[", i):
        line, column = lines.at(i)
        raise InputProblem("input.malformed-json",
                           "A .json export must be an array of objects, one per note "
                           "(or use JSON Lines: one object per line in a .jsonl file).",
                           line=line, column=column)
    else:
        items = None
        i += 1
    mapping_cache: dict = {}
    count = 0
    while True:
        i = _skip(text, i)
        if items is None and text.startswith("]", i):
            return
        if items is not None and count:
            return
        count += 1
        try:
            fields, i = parse_object(text, i)
        except BadJson as bad:
            line, column = lines.at(bad.index)
            raise InputProblem("input.malformed-json",
                               f"Item {count} of the array is not a valid JSON object "
                               f"({bad.message}); the rest of the file could not be read.",
                               line=line, column=column) from None
        try:
            yield from _record(path, text, fields, lines.at, columns, mapping_cache)
        except InputProblem as problem:
            problem.line, problem.column = lines.at(i)
            yield problem
        i = _skip(text, i)
        if text.startswith(",", i):
            i += 1
        elif items is None and not text.startswith("]", i):
            line, column = lines.at(i)
            raise InputProblem("input.malformed-json",
                               f"Expected ',' or ']' after item {count} of the array.",
                               line=line, column=column)


read_jsonl.takes_file = True
read_json.takes_file = True
read_jsonl.resumable = True
