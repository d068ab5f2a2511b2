"""CSV and TSV exports: one note per row, read row by row so a 1 GB export keeps memory flat.

Python's csv module cannot say where a cell starts, and a finding must point at its
line and column inside the quoted cell, so this is a small RFC 4180 tokenizer that keeps
positions: a quoted cell's text starts after the opening quote, a doubled quote ("")
counts as one character of text but two columns of the file, and a cell may run over
several lines (LF, CRLF or CR).
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from notecheck.notes import InputProblem, Note
from notecheck.notes.columns import Cell, build_note, map_columns

# A quoted cell longer than this is taken to be a quote that was never closed.
MAX_CELL_CHARS = 1_000_000
SNIFF_BYTES = 1 << 16


class Place:
    """Where the reading of a streamed export (CSV, TSV, JSON Lines) has got to, so it can
    be taken up again there: the reader keeps it up to date; ``mark()``, called between
    two items once the header is read (``stream`` is set), says where the next item starts; a reader given ``Place(resume=mark)``
    starts from there (after reading the header again), as if it had read everything
    before. Dask workers start their range of a big export this way."""

    def __init__(self, resume: tuple | None = None):
        self.resume = resume
        self.stream = None
        self.line = lambda: 0
        self.state = lambda: None

    def mark(self) -> tuple:
        """(stream position, line number, the reader's own state)."""
        return self.stream.tell(), self.line(), self.state()


class BrokenRow(Exception):
    def __init__(self, message: str, line: int, column: int):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


def open_text(handle: BinaryIO) -> tuple[io.TextIOBase, InputProblem | None]:
    """A text stream over the export that keeps line endings as written.

    UTF-8 (with or without a BOM); if the start is not UTF-8, Windows-1252 with a warning."""
    head = handle.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(handle, "peek") else b""
    if not head:
        head = handle.read(SNIFF_BYTES)
        handle.seek(0)
    # Excel's "Unicode Text" is UTF-16 with a byte-order mark; UTF-32 exports exist too.
    for bom, wide in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                      (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if head.startswith(bom):
            return io.TextIOWrapper(handle, encoding=wide, errors="replace", newline=""), None
    # Binary is judged by the share of NUL bytes: one stray NUL in a cell is not a binary file.
    sample = head[:8192]
    if sample.count(b"\x00") > max(1, len(sample) // 100):
        raise InputProblem("input.binary", "This looks like a binary file, not an export, so it was skipped.")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        encoding, warning = "utf-8-sig", None
    except UnicodeDecodeError as exc:
        line = head[: exc.start].count(b"\n") + 1
        encoding = "cp1252"
        warning = InputProblem(
            "input.encoding",
            f"This file is not UTF-8 (first bad byte on line {line}), so it was read as "
            "Windows-1252. Save it as UTF-8 so every system reads it the same way.",
            severity="warning")
    # errors="replace": a stray bad byte later in a huge export should not stop the run.
    return io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline=""), warning


def _strip_newline(line: str) -> str:
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith(("\n", "\r")):
        return line[:-1]
    return line


class Tokenizer:
    """Yields (line number, [Cell, ...]) per record, or (line number, BrokenRow)."""

    def __init__(self, stream: io.TextIOBase, delimiter: str):
        self.stream = stream
        self.delimiter = delimiter
        self.line_no = 0

    def _readline(self) -> str:
        line = self.stream.readline()
        if line:
            self.line_no += 1
        return line

    def __iter__(self) -> Iterator[tuple[int, list[Cell] | BrokenRow]]:
        while True:
            line = self._readline()
            if not line:
                return
            if not _strip_newline(line).strip():
                continue  # blank lines between rows
            first = self.line_no
            try:
                yield first, self._record(line)
            except BrokenRow as broken:
                yield first, broken

    def _record(self, line: str) -> list[Cell]:
        cells: list[Cell] = []
        pos = 0
        delimiter = self.delimiter
        body = _strip_newline(line)
        while True:
            if body.startswith('"', pos):
                cell, line, pos = self._quoted(line, pos)
                body = _strip_newline(line)
            else:
                end = body.find(delimiter, pos)
                end = len(body) if end == -1 else end
                cell = Cell(body[pos:end], [(0, self.line_no, pos + 1)])
                pos = end
            cells.append(cell)
            if pos == len(body):
                return cells
            if body[pos] == delimiter:
                pos += 1
                if pos == len(body):  # a trailing delimiter: one more, empty cell
                    cells.append(Cell("", [(0, self.line_no, pos + 1)]))
                    return cells
                continue
            raise BrokenRow(
                f"there is text after the closing quote of a cell (column {pos + 1}); "
                "a quote inside a quoted cell must be doubled (\"\")", self.line_no, pos + 1)

    def _quoted(self, line: str, pos: int) -> tuple[Cell, str, int]:
        open_line, open_col = self.line_no, pos + 1
        parts: list[str] = []
        length = 0
        breaks = []
        i = pos + 1
        while True:
            breaks.append((length, self.line_no, i + 1))
            j = line.find('"', i)
            if j == -1:
                chunk = _strip_newline(line[i:]) + "\n"
                parts.append(chunk)
                length += len(chunk)
                if length > MAX_CELL_CHARS:
                    raise BrokenRow(f"the quote that opens a cell on line {open_line}, column "
                                    f"{open_col} is not closed within {MAX_CELL_CHARS:,} characters; "
                                    f"reading went on from line {self.line_no + 1}",
                                    open_line, open_col)
                line = self._readline()
                if not line:
                    raise BrokenRow(f"the quote that opens a cell on line {open_line}, column "
                                    f"{open_col} is never closed", open_line, open_col)
                i = 0
                continue
            parts.append(line[i:j])
            length += j - i
            if line.startswith('"', j + 1):  # "" is one quote character
                parts.append('"')
                length += 1
                i = j + 2
                continue
            return Cell("".join(parts), _dedupe(breaks)), line, j + 1


def _dedupe(breaks: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Keep the last point for each offset (an empty chunk adds a point at the same offset)."""
    out: list[tuple[int, int, int]] = []
    for point in breaks:
        if out and out[-1][0] == point[0]:
            out[-1] = point
        else:
            out.append(point)
    return out


def read_delimited(path: str, handle: BinaryIO, delimiter: str,
                   columns: Mapping[str, str] | None = None, place: Place | None = None
                   ) -> Iterator[Note | InputProblem]:
    stream, warning = open_text(handle)
    resume = place.resume if place is not None else None
    if warning and resume is None:  # said once, at the start of the file
        yield warning
    tokenizer = Tokenizer(stream, delimiter)
    records = iter(tokenizer)
    header_line, header = next(records, (1, None))
    if header is None:
        raise InputProblem("input.empty-export", "This export is empty: there is no header row.")
    if isinstance(header, BrokenRow):
        raise InputProblem("input.malformed-row",
                           f"The header row cannot be read: {header.message}.",
                           line=header.line, column=header.column)
    names = [c.value for c in header]
    mapping = map_columns(names, columns)
    extra_columns = [(i, n) for i, n in enumerate(names) if i not in mapping.values() and n]
    row = 0
    if place is not None:
        if resume is not None:
            position, tokenizer.line_no, row = resume
            stream.seek(position)
        place.stream, place.line = stream, lambda: tokenizer.line_no
        place.state = lambda: row
    for line, record in records:
        row += 1
        if isinstance(record, BrokenRow):
            yield InputProblem("input.malformed-row",
                               f"Row {row} (line {record.line}) was skipped: {record.message}.",
                               line=record.line, column=record.column)
            continue
        if len(record) != len(names):
            yield InputProblem(
                "input.malformed-row",
                f"Row {row} (line {line}) has {len(record)} cells but the header has "
                f"{len(names)}, so it was skipped. Look for an unquoted "
                f"{'tab' if delimiter == chr(9) else 'comma'} or a missing quote.",
                line=line)
            continue
        cells = {field: record[index] for field, index in mapping.items()}
        extra = {name: record[i].value for i, name in extra_columns if record[i].value}
        yield from build_note(path, cells, extra, (line, 1))


def read_csv(path: str, handle: BinaryIO, columns: Mapping[str, str] | None = None,
             place: Place | None = None):
    # Excel in many European locales saves "CSV" with semicolons.
    head = handle.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(handle, "peek") else b""
    header = head.split(b"\n", 1)[0]
    delimiter = ";" if b";" in header and b"," not in header else ","
    return read_delimited(path, handle, delimiter, columns, place)


def read_tsv(path: str, handle: BinaryIO, columns: Mapping[str, str] | None = None,
             place: Place | None = None):
    return read_delimited(path, handle, "\t", columns, place)


# These readers take an open binary file (not its bytes) and the config's column names.
read_csv.takes_file = True
read_tsv.takes_file = True
# These can start part-way through a file (``place``; see Place).
read_csv.resumable = True
read_tsv.resumable = True
