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
import re
from collections import deque
from collections.abc import Iterator, Mapping
from typing import BinaryIO

from notecheck.notes import InputProblem, Note
from notecheck.notes.columns import (Cell, build_note, map_columns, repeated_column_message,
                                     repeated_columns)
from notecheck.notes.text import not_utf8_warning, sniff

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
        self.ready = lambda: self.stream is not None

    def can_mark(self) -> bool:
        """Whether ``mark()`` may be called now."""
        return self.stream is not None and self.ready()

    def mark(self) -> tuple:
        """(stream position, line number, the reader's own state)."""
        return self.stream.tell(), self.line(), self.state()


class BrokenRow(Exception):
    def __init__(self, message: str, line: int, column: int):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column
        self.resumed: int | None = None  # the line where rows start again, after a resync


class _OpenCell(Exception):
    """A quoted cell runs past the line being tried as the start of a row."""

    def __init__(self, cells: list):
        super().__init__()
        self.cells = cells


def open_text(handle: BinaryIO) -> tuple[io.TextIOBase, InputProblem | None]:
    """A text stream over the export that keeps line endings as written.

    UTF-8 (with or without a BOM), UTF-16 or UTF-32 (Excel's "Unicode Text" is UTF-16);
    if the start is none of these, Windows-1252 with a warning."""
    head = handle.peek(SNIFF_BYTES)[:SNIFF_BYTES] if hasattr(handle, "peek") else b""
    if not head:
        head = handle.read(SNIFF_BYTES)
        handle.seek(0)
    encoding, warning = sniff(head), None
    if encoding == "utf-8-sig":
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError as exc:
            line = head[: exc.start].count(b"\n") + 1
            encoding = "cp1252"
            warning = InputProblem("input.encoding", not_utf8_warning(line), severity="warning")
    # errors="replace": a stray bad byte later in a huge export should not stop the run.
    return io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline=""), warning


def _strip_newline(line: str) -> str:
    if line.endswith("\r\n"):
        return line[:-2]
    if line.endswith(("\n", "\r")):
        return line[:-1]
    return line


def shape(value: str) -> str:
    """The shape of an id, to tell a row's first cell from a line of note text: runs of
    digits become 9, runs of letters a ("N-102" -> "a-9", "4471" -> "9")."""
    return re.sub(r"[^\W\d_]+", "a", re.sub(r"\d+", "9", value.strip()))


class Tokenizer:
    """Yields (line number, [Cell, ...]) per record, or (line number, BrokenRow).

    Once ``width`` (the header's number of cells) is set, a broken record that ran over
    several lines (a quote never closed, or closed by a stray quote rows later) loses only
    itself: reading starts again at the first of its lines that starts a row as the
    others do (the header's number of cells, and a first cell shaped like theirs)."""

    def __init__(self, stream: io.TextIOBase, delimiter: str):
        self.stream = stream
        self.delimiter = delimiter
        self.line_no = 0
        self.width: int | None = None
        self.read_no = 0  # lines read from the stream
        self.pending: deque[tuple[int, str]] = deque()  # lines to read again, after a resync
        self.taken: list[tuple[int, str]] = []  # the lines of the record being read
        self.id_shape: str | None = None  # the first cells' shape, while all rows share one
        self.multiline: tuple[int, int] | None = None  # where the record's first multi-line cell opens
        self.suspect: int | None = None  # a line inside the last record that reads as a row

    def _readline(self) -> str:
        if self.pending:
            self.line_no, line = self.pending.popleft()
        else:
            line = self.stream.readline()
            if not line:
                return line
            self.read_no += 1
            self.line_no = self.read_no
        self.taken.append((self.line_no, line))
        return line

    def __iter__(self) -> Iterator[tuple[int, list[Cell] | BrokenRow]]:
        while True:
            self.taken = []
            line = self._readline()
            if not line:
                return
            if not _strip_newline(line):
                continue  # blank lines between rows
            first = self.line_no
            self.multiline = None
            try:
                cells = self._record(line)
                if self.width is not None and len(cells) != self.width and len(self.taken) > 1:
                    open_line, open_col = self.multiline or (first, 1)
                    raise BrokenRow(
                        f"it has {len(cells)} cells where the header has {self.width}: the quote "
                        f"that opens a cell on line {open_line}, column {open_col} may be missing "
                        f"its closing quote, so the row ran on to line {self.line_no}",
                        open_line, open_col)
            except BrokenRow as broken:
                if self.multiline is not None and broken.line != self.multiline[0]:
                    # A quote closed rows later by a stray one: the fault is where it opened.
                    open_line, open_col = self.multiline
                    broken = BrokenRow(
                        f"the quote that opens a cell on line {open_line}, column {open_col} seems "
                        f"never to be closed: the cell ran on to line {broken.line}, where "
                        f"{broken.message}", open_line, open_col)
                if self.width is not None and len(self.taken) > 1:
                    broken.resumed = self._resync()
                yield first, broken
                continue
            self.suspect = None
            if self.width is not None and len(cells) == self.width:
                row_shape = shape(cells[0].value)
                self.id_shape = row_shape if self.id_shape in (None, row_shape) else ""
                # A cell over several lines, one of which reads as a row of its own: a
                # quote left open may have swallowed rows, which a warning says.
                self.suspect = next((number for number, text in self.taken[1:]
                                     if self._starts_row(text)), None)
            yield first, cells

    def _resync(self) -> int | None:
        """After a broken record: read again from the first of its lines after the first
        that starts a row. Returns that line's number (None: no line did)."""
        lines = self.taken[1:]
        for index, (number, line) in enumerate(lines):
            if self._starts_row(line):
                self.pending.extendleft(reversed(lines[index:]))
                return number
        return None

    def _starts_row(self, line: str) -> bool:
        if not _strip_newline(line):
            return False
        saved = self.line_no, self.taken, self.multiline
        try:
            cells = self._record(line, single=True)
            if len(cells) != self.width:
                return False
        except _OpenCell as open_cell:
            cells = open_cell.cells
            if len(cells) > self.width:
                return False
        except BrokenRow:
            return False
        finally:
            self.line_no, self.taken, self.multiline = saved
        return not self.id_shape or shape(cells[0].value) == self.id_shape

    def _record(self, line: str, single: bool = False) -> list[Cell]:
        cells: list[Cell] = []
        pos = 0
        delimiter = self.delimiter
        body = _strip_newline(line)
        while True:
            if body.startswith('"', pos):
                try:
                    cell, line, pos = self._quoted(line, pos, single)
                except _OpenCell as open_cell:
                    open_cell.cells = cells + [Cell("", [(0, self.line_no, pos + 1)])]
                    raise
                body = _strip_newline(line)
                after_quote = pos
                # Spaces after a closing quote ("text" ,) are not part of the cell.
                while pos < len(body) and body[pos] in " \t" and body[pos] != delimiter:
                    pos += 1
            else:
                end = body.find(delimiter, pos)
                end = len(body) if end == -1 else end
                cell = Cell(body[pos:end], [(0, self.line_no, pos + 1)])
                pos = after_quote = end
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
                f"there is text after the closing quote of a cell (line {self.line_no}, column "
                f"{after_quote + 1}); a quote inside a quoted cell must be doubled (\"\")",
                self.line_no, after_quote + 1)

    def _quoted(self, line: str, pos: int, single: bool = False) -> tuple[Cell, str, int]:
        open_line, open_col = self.line_no, pos + 1
        parts: list[str] = []
        length = 0
        breaks = []
        i = pos + 1
        while True:
            breaks.append((length, self.line_no, i + 1))
            j = line.find('"', i)
            if j == -1:
                if single:
                    raise _OpenCell([])
                if self.multiline is None:
                    self.multiline = (open_line, open_col)
                chunk = _strip_newline(line[i:]) + "\n"
                parts.append(chunk)
                length += len(chunk)
                if length > MAX_CELL_CHARS:
                    raise BrokenRow(f"the quote that opens a cell on line {open_line}, column "
                                    f"{open_col} is not closed within {MAX_CELL_CHARS:,} characters",
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


def read_delimited(path: str, handle: BinaryIO, delimiter: str | None,
                   columns: Mapping[str, str] | None = None, place: Place | None = None
                   ) -> Iterator[Note | InputProblem]:
    """Notes from a delimited export. ``delimiter`` None: the header row says (a comma;
    else a semicolon, as Excel saves CSV in many European locales; else a tab)."""
    stream, warning = open_text(handle)
    resume = place.resume if place is not None else None
    if warning and resume is None:  # said once, at the start of the file
        yield warning
    tokenizer = Tokenizer(stream, delimiter or ",")
    if delimiter is None:
        first = tokenizer.stream.readline()
        if first:
            tokenizer.read_no = 1
            tokenizer.pending.append((1, first))
        tokenizer.delimiter = next((d for d in (",", ";", "\t") if d in first), ",")
    delimiter = tokenizer.delimiter
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
    tokenizer.width = len(names)
    ignored = set()
    for read, repeat, field in repeated_columns(names, mapping):
        ignored.add(repeat)
        if resume is not None:  # said once, at the start of the file
            continue
        line, column = header[repeat].start
        yield InputProblem("input.repeated-column",
                           repeated_column_message(names, read, repeat, field),
                           line=line, column=column, severity="warning")
    extra_columns = [(i, n) for i, n in enumerate(names)
                     if i not in mapping.values() and i not in ignored and n]
    row = 0
    if place is not None:
        if resume is not None:
            position, tokenizer.line_no, (row, tokenizer.id_shape) = resume
            tokenizer.read_no = tokenizer.line_no
            stream.seek(position)
        place.stream, place.line = stream, lambda: tokenizer.read_no
        place.state = lambda: (row, tokenizer.id_shape)
        # Lines read ahead to resynchronise after a broken row are not at the stream's
        # position: no reading can be taken up again until they are used.
        place.ready = lambda: not tokenizer.pending
    for line, record in records:
        row += 1
        if isinstance(record, BrokenRow):
            resumed = (f" Rows start again on line {record.resumed}." if record.resumed else "")
            yield InputProblem("input.malformed-row",
                               f"Row {row} (line {line}) was skipped: {record.message}.{resumed}",
                               line=record.line, column=record.column)
            continue
        if len(record) != len(names):
            yield InputProblem(
                "input.malformed-row",
                f"Row {row} (line {line}) has {len(record)} cells but the header has "
                f"{len(names)}, so it was skipped. Look for an unquoted "
                f"{'tab' if delimiter == chr(9) else 'semicolon' if delimiter == ';' else 'comma'} "
                "or a missing quote.",
                line=line)
            continue
        if tokenizer.suspect is not None and tokenizer.multiline is not None:
            open_line, open_col = tokenizer.multiline
            yield InputProblem(
                "input.malformed-row",
                f"Row {row} (line {line}) has a cell that opens with a quote on line {open_line}, "
                f"column {open_col} and runs on to line {tokenizer.line_no}, and line "
                f"{tokenizer.suspect} inside it reads as a row of its own. If a closing quote is "
                "missing, rows were merged into this one: check the export.",
                line=open_line, column=open_col, severity="warning")
        cells = {field: record[index] for field, index in mapping.items()}
        extra = {name: record[i].value for i, name in extra_columns if record[i].value}
        yield from build_note(path, cells, extra, (line, 1))


def read_csv(path: str, handle: BinaryIO, columns: Mapping[str, str] | None = None,
             place: Place | None = None):
    return read_delimited(path, handle, None, columns, place)


def read_tsv(path: str, handle: BinaryIO, columns: Mapping[str, str] | None = None,
             place: Place | None = None):
    return read_delimited(path, handle, "\t", columns, place)


# These readers take an open binary file (not its bytes) and the config's column names.
read_csv.takes_file = True
read_tsv.takes_file = True
# These can start part-way through a file (``place``; see Place).
read_csv.resumable = True
read_tsv.resumable = True
