"""JSON Lines (one object per line, streamed) and JSON (an array of objects) exports.

JSON Lines is read line by line, so memory stays flat however big the file. A JSON array
has no line structure to stream on, so a .json file is loaded whole: export large data
as JSON Lines. Positions point at the characters inside the JSON string, counting each
escape (\\n, \\", \\u00e9) as the columns it takes in the file.

A value that cannot be used (nested thousands deep, a number with thousands of digits,
NaN or Infinity, which JSON does not allow) is skipped over and reported: in the note
text it loses that row, in any other field only that field. An escaped lone surrogate
("\\ud83d" with no pair) becomes U+FFFD with a warning, so no output ever fails to
encode it.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from notecheck.notes import InputProblem, Note
from notecheck.notes.columns import Cell, OffsetMap, build_note, map_columns, repeated_columns
from notecheck.notes.csv_reader import Place, open_text
from notecheck.notes.text import field_name, replace_surrogates, surrogate_warning

_scanstring = json.decoder.scanstring
WHITESPACE = " \t\r\n"
# Python refuses to read integers longer than this (sys.get_int_max_str_digits()).
MAX_DIGITS = 4300


class BadJson(Exception):
    def __init__(self, message: str, index: int):
        super().__init__(message)
        self.message, self.index = message, index


class _Unusable(Exception):
    """A JSON value that is well-formed enough to skip, but cannot be used."""


def _parse_int(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise _Unusable(f"a number with {len(text):,} digits")
    return int(text)


def _parse_constant(name: str):
    raise _Unusable(f"{name}, which is not a number JSON allows")


_decoder = json.JSONDecoder(parse_int=_parse_int, parse_constant=_parse_constant)


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in WHITESPACE:
        i += 1
    return i


def skip_value(text: str, i: int) -> int:
    """The index after the JSON value at text[i], found without building it (so however
    deep it nests). Raises BadJson when it never ends."""
    if i < len(text) and text[i] in "[{":
        depth = 0
        while i < len(text):
            ch = text[i]
            if ch == '"':
                try:
                    _, i = _scanstring(text, i + 1)
                except json.JSONDecodeError as exc:
                    raise BadJson(exc.msg.lower(), exc.pos) from None
                continue
            if ch in "[{":
                depth += 1
            elif ch in "]}":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        raise BadJson("a list or object that is never closed", len(text))
    while i < len(text) and text[i] not in ",}]" + WHITESPACE:
        i += 1
    return i


def _value(text: str, i: int) -> tuple[Any, int]:
    try:
        return _decoder.raw_decode(text, i)
    except RecursionError:
        raise _Unusable("lists or objects nested too deep") from None


class Fields(dict):
    """{key: (value, start, end)} of one object, the fields whose value was unusable:
    {key: (why, start)}, and each key the object gives again: [(key, first, again)], the
    indexes of its two quotes. The first is read (as a CSV's first column of a name is);
    Python's own JSON reader keeps the last without a word."""

    def __init__(self):
        super().__init__()
        self.unusable: dict[str, tuple[str, int]] = {}
        self.repeats: list[tuple[str, int, int]] = []
        self.key_starts: dict[str, int] = {}


def parse_object(text: str, i: int) -> tuple[Fields, int]:
    """Read the object at text[i]: ({key: (value, start, end)}, index after it).

    For a string value, start/end are the raw characters between its quotes."""
    i = _skip(text, i)
    if not text.startswith("{", i):
        raise BadJson("expected an object '{...}'", i)
    fields = Fields()
    i = _skip(text, i + 1)
    if text.startswith("}", i):
        return fields, i + 1
    while True:
        if not text.startswith('"', i):
            raise BadJson("expected a quoted key", i)
        key_start = i
        try:
            key, i = _scanstring(text, i + 1)
            key = replace_surrogates(key)[0]
            i = _skip(text, i)
            if not text.startswith(":", i):
                raise BadJson("expected ':' after a key", i)
            i = _skip(text, i + 1)
            start = i
            read = fields if key not in fields.key_starts else {}  # the first is kept
            unusable = fields.unusable if read is fields else {}
            if key in fields.key_starts:
                fields.repeats.append((key, fields.key_starts[key], key_start))
            fields.key_starts.setdefault(key, key_start)
            if text.startswith('"', i):
                value, i = _scanstring(text, i + 1)
                read[key] = (value, start + 1, i - 1)
            else:
                try:
                    value, i = _value(text, i)
                    read[key] = (value, start, i)
                except _Unusable as why:
                    i = skip_value(text, start)
                    unusable[key] = (str(why), start)
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
            if 0xD800 <= code < 0xDC00 and raw.startswith("\\u", j + 6) and \
                    0xDC00 <= int(raw[j + 8:j + 12] or "0", 16) < 0xE000:
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


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _record(path: str, raw: str, fields: Fields, where, columns, mapping_cache: dict,
            label: str, said: set) -> list[Note | InputProblem]:
    """The note (and problems) of one object; ``label`` says which ("Line 4", "Item 3").
    ``said``: the repeated keys already reported in this file (each is said once)."""
    keys = tuple(fields) + tuple(fields.unusable)
    if keys not in mapping_cache:
        try:
            mapping_cache[keys] = map_columns(keys, columns)
        except InputProblem as problem:
            mapping_cache[keys] = problem
    mapping = mapping_cache[keys]
    if isinstance(mapping, InputProblem):
        raise InputProblem(mapping.rule, mapping.message)
    text_key = keys[mapping["text"]]
    out: list[Note | InputProblem] = list(_repeats(fields, keys, mapping, where, label, said))
    if text_key in fields.unusable:
        why, start = fields.unusable[text_key]
        line, column = where(start)
        return out + [InputProblem("input.malformed-row",
                             f"{label} was skipped: its note text ('{field_name(text_key)}') is "
                             f"{why}, not text.", line=line, column=column)]
    text_value = fields[text_key][0]
    if text_value is not None and not isinstance(text_value, str):
        line, column = where(fields[text_key][1])
        return out + [InputProblem("input.malformed-row",
                             f"{label} was skipped: its note text ('{field_name(text_key)}') is "
                             f"{_kind(text_value)}, not text.", line=line, column=column)]
    for key, (why, start) in fields.unusable.items():
        line, column = where(start)
        out.append(InputProblem("input.metadata",
                                f"{label}: the value of '{field_name(key)}' cannot be used ({why}), "
                                "so the note was checked without it.",
                                line=line, column=column, severity="warning"))
    cells = {}
    for field, index in mapping.items():
        if keys[index] in fields.unusable:
            continue
        value, start, end = fields[keys[index]]
        line, column = where(start)
        breaks = (string_breaks(raw, start, end, line, column) if isinstance(value, str)
                  else [(0, line, column)])
        if isinstance(value, str):
            value, surrogate = replace_surrogates(value)
            if surrogate is not None:
                out.append(surrogate_warning(*OffsetMap(breaks).position(surrogate)))
        cells[field] = Cell(value, breaks)
    used = {keys[i] for i in mapping.values()}
    extra = {k: (replace_surrogates(v[0])[0] if isinstance(v[0], str) else v[0])
             for k, v in fields.items() if k not in used and v[0] not in (None, "")}
    out.extend(build_note(path, cells, extra, where(fields[text_key][1])))
    return out


def _repeats(fields: Fields, keys: tuple, mapping: Mapping[str, int], where, label: str,
             said: set) -> Iterator[InputProblem]:
    """A warning for each key given twice, and each two keys that name one field ("Case
    Note" and "case_note"), the first time the file has it: only the first is read."""
    fields_of = {keys[index]: field for field, index in mapping.items()}

    def what(key: str) -> str:
        field = fields_of.get(key)
        return "the note text" if field == "text" else f"'{field}'" if field else "metadata"

    for key, first, again in fields.repeats:
        if ("twice", key) in said:
            continue
        said.add(("twice", key))
        line, column = where(again)
        first_line, first_column = where(first)
        yield InputProblem(
            "input.repeated-column",
            f"{label} gives the key '{field_name(key)}' twice: notecheck reads the first (line "
            f"{first_line}, column {first_column}) as {what(key)} and ignores this one. Most JSON "
            "readers keep the last, so check which the export meant and remove the other. "
            "Later objects that repeat it are not reported again.",
            line=line, column=column, severity="warning")
    for read, ignored, _ in repeated_columns(keys, mapping):
        if ("same", keys[read], keys[ignored]) in said:
            continue
        said.add(("same", keys[read], keys[ignored]))
        line, column = where(fields.key_starts[keys[ignored]])
        yield InputProblem(
            "input.repeated-column",
            f"{label} has the keys '{field_name(keys[read])}' and '{field_name(keys[ignored])}', "
            f"which name the same field: notecheck reads '{field_name(keys[read])}' as "
            f"{what(keys[read])} and ignores the other. Rename one of them in the export: names "
            "that differ only in capitals, spaces or underscores cannot be told apart, in "
            "notecheck.yaml's 'columns:' either.",
            line=line, column=column, severity="warning")


def read_jsonl(path: str, handle: BinaryIO, columns: Mapping[str, str] | None = None,
               place: Place | None = None) -> Iterator[Note | InputProblem]:
    stream, warning = open_text(handle)
    resume = place.resume if place is not None else None
    if warning and resume is None:
        yield warning
    mapping_cache: dict = {}
    no_text: dict[tuple, int] = {}
    said: set = set()
    line_no = 0
    left_on_line = 0
    if place is not None:
        if resume is not None:
            position, line_no, (seen, seen_said) = resume
            no_text.update(seen)
            said.update(seen_said)
            stream.seek(position)
        place.stream, place.line = stream, lambda: line_no
        place.state = lambda: (dict(no_text), set(said))
        # A line can give several items (a warning, then its note): no mark between them.
        place.ready = lambda: not left_on_line
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
            items = _record(path, line, fields, lambda i, n=line_no: (n, i + 1), columns,
                            mapping_cache, f"Line {line_no}", said)
        except InputProblem as problem:
            keys = tuple(fields) + tuple(fields.unusable)
            if keys in no_text:  # say it in full once, then briefly
                problem = InputProblem(problem.rule, f"Line {line_no} has no note text either "
                                       f"(the same fields as line {no_text[keys]}), so it was skipped.")
            else:
                no_text[keys] = line_no
            problem.line = line_no
            yield problem
            continue
        for left_on_line, item in zip(range(len(items) - 1, -1, -1), items):
            yield item


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
    said: set = set()
    count = 0
    while True:
        i = _skip(text, i)
        if items is None and text.startswith("]", i):
            i += 1
            break
        if items is not None and count:
            break
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
            yield from _record(path, text, fields, lines.at, columns, mapping_cache,
                               f"Item {count} of the array", said)
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
    i = _skip(text, i)
    if i < len(text):
        line, column = lines.at(i)
        yield InputProblem("input.malformed-json",
                           f"There is more after the end of the {'array' if items is None else 'object'} "
                           f"(line {line}, column {column}), so it was not read. A .json export "
                           "holds one array of objects; put every note inside it.",
                           line=line, column=column)


read_jsonl.takes_file = True
read_json.takes_file = True
read_jsonl.resumable = True
