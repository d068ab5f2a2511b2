"""What export readers share: finding the text and metadata columns, and mapping a cell's
text back to where each character sits in the original file."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from notecheck.notes import InputProblem, Note
from notecheck.rules.yamlsource import load_shipped

FIELDS = ("text", "id", "subject", "subject_type", "note_type", "contact_date",
          "recorded_date", "author", "team")
DATE_FIELDS = ("contact_date", "recorded_date")

COLUMNS_FILE = Path(__file__).resolve().parent.parent / "data" / "columns.yaml"


def normalise_name(name: str) -> str:
    """A column name compared without case, spacing, punctuation or camelCase:
    "CaseNoteID", "case_note_id", "caseNoteId" and "Case Note ID" are all "case note id"."""
    name = str(name).strip()
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name)      # caseNote -> case Note
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", name)   # IDNumber -> ID Number
    return " ".join(re.split(r"[^0-9a-z]+", name.lower())).strip()


@lru_cache(maxsize=1)
def known_names() -> dict[str, tuple[str, ...]]:
    """{field: (normalised names, in order of preference)} from data/columns.yaml."""
    data = load_shipped(COLUMNS_FILE) or {}
    fields = data.get("fields", {})
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(f"{COLUMNS_FILE}: unknown fields {sorted(unknown)}")
    return {field: tuple(dict.fromkeys(normalise_name(n) for n in fields.get(field, ())))
            for field in FIELDS}


# Kept for callers that read the table directly.
class _Aliases(Mapping):
    def __getitem__(self, key):
        return known_names()[key]

    def __iter__(self):
        return iter(known_names())

    def __len__(self):
        return len(known_names())


ALIASES = _Aliases()


def looks_like_data(name: str) -> bool:
    """A header cell that may be a record rather than a column name: a first row of data
    (a name and a date, an NHS number, a sentence of a note)."""
    return bool(re.search(r"\d|@", name)) or len(name) > 40 or len(name.split()) > 5


def _shown(name: str) -> str:
    from notecheck.identifiers import mask

    return f"'{mask(name) if looks_like_data(name) else name}'"


def map_columns(names: Iterable[str], configured: Mapping[str, str] | None = None) -> dict[str, int]:
    """{field: column index}. Configured names win; then the names known systems use
    (data/columns.yaml), the first name in a field's list first.

    Raises InputProblem when no column holds the note text, listing the columns seen
    and the nearest known name."""
    names = [str(n) for n in names]
    normalised = [normalise_name(n) for n in names]
    mapping: dict[str, int] = {}
    for field, column in (configured or {}).items():
        wanted = normalise_name(column)
        if wanted in normalised:
            mapping[field] = normalised.index(wanted)
    taken = set(mapping.values())
    for field, aliases in known_names().items():
        if field in mapping:
            continue
        for alias in aliases:
            index = next((i for i, n in enumerate(normalised) if n == alias and i not in taken), None)
            if index is not None:
                mapping[field] = index
                taken.add(index)
                break
    if "text" not in mapping:
        raise InputProblem("input.no-text-column", _no_text_message(names, normalised, configured))
    return mapping


def repeated_columns(names: Iterable[str], mapping: Mapping[str, int]) -> list[tuple[int, int, str | None]]:
    """(column read, column ignored, field) for each column whose name repeats an earlier
    one's: only the first of them is read (as ``field``, or as extra metadata when None)."""
    normalised = [normalise_name(str(n)) for n in names]
    fields = {index: field for field, index in mapping.items()}
    first: dict[str, int] = {}
    repeats = []
    for index, name in enumerate(normalised):
        if not name:
            continue
        if name in first:
            read = first[name]
            repeats.append((read, index, fields.get(read)))
        else:
            first[name] = index
    return repeats


def repeated_column_message(names: list[str], read: int, ignored: int, field: str | None) -> str:
    what = "the note text" if field == "text" else f"'{field}'" if field else "metadata"
    return (f"Columns {read + 1} and {ignored + 1} are both called {_shown(str(names[read]))}: "
            f"notecheck reads column {read + 1} as {what} and ignores column {ignored + 1}. "
            "Rename one of them in the export: names that differ only in capitals or spaces "
            "cannot be told apart, in notecheck.yaml's 'columns:' either.")


def _no_text_message(names: list[str], normalised: list[str],
                     configured: Mapping[str, str] | None) -> str:
    import difflib

    from notecheck.identifiers import mask

    # No header row (most of the first row looks like data): every cell of it is shown by
    # its shape only, since a name beside an NHS number is data too.
    no_header = sum(looks_like_data(n) for n in names) * 2 > len([n for n in names if n.strip()])
    seen = (", ".join(f"'{mask(n)}'" for n in names) if no_header
            else ", ".join(_shown(n) for n in names) or "none")
    configured_text = (configured or {}).get("text")
    hint = (f"The config says the text is in '{configured_text}', but there is no such column. "
            if configured_text else "")
    nearest = ""
    candidates = [(n, norm) for n, norm in zip(names, normalised)
                  if norm and not looks_like_data(n)]
    wanted = list(known_names()["text"])
    best = None
    for name, norm in candidates:
        close = difflib.get_close_matches(norm, wanted, n=1, cutoff=0.6)
        if close:
            score = difflib.SequenceMatcher(None, norm, close[0]).ratio()
            if best is None or score > best[0]:
                best = (score, name)
    if best is not None:
        nearest = f"The nearest is '{best[1]}': if that holds the note, say so in notecheck.yaml, " \
                  f"'columns: {{text: \"{best[1]}\"}}'. "
    first = f"No column holds the note text (columns seen: {seen}). "
    if no_header:
        first = (f"The first row looks like data, not column names ({seen}): this export "
                 "seems to have no header row. ")
    return (f"{first}{hint}{nearest}"
            "Name the text column in notecheck.yaml, e.g. 'columns: {text: \"Case note\"}', or "
            "rename it to one notecheck knows (text, note, case note text, narrative, "
            "observation text).")


def describe(names: Iterable[str], configured: Mapping[str, str] | None = None
             ) -> dict[str, str]:
    """{field: column name} as map_columns would choose them (for --show-settings)."""
    names = [str(n) for n in names]
    return {field: names[index] for field, index in
            sorted(map_columns(names, configured).items(), key=lambda kv: FIELDS.index(kv[0]))}


def export_columns(path: str) -> list[str] | None:
    """The column names of a CSV/TSV/JSON Lines/JSON export, read from its header (or
    first object) only; None for a file that is not an export."""
    import json

    suffix = Path(path).suffix.lower()
    if suffix not in (".csv", ".tsv", ".jsonl", ".json"):
        return None
    with open(path, "rb") as handle:
        if suffix in (".csv", ".tsv"):
            from notecheck.notes.csv_reader import Tokenizer, open_text

            head = handle.peek(1 << 16)[:1 << 16] if hasattr(handle, "peek") else b""
            first = head.split(b"\n", 1)[0]
            delimiter = ("\t" if suffix == ".tsv" else
                         ";" if b";" in first and b"," not in first else ",")
            stream, _ = open_text(handle)
            _, header = next(iter(Tokenizer(stream, delimiter)), (1, None))
            return [c.value for c in header] if isinstance(header, list) else []
        text = handle.read(1 << 20).decode("utf-8-sig", errors="replace")
    if suffix == ".jsonl":
        line = next((l for l in text.splitlines() if l.strip()), "")
        try:
            value = json.loads(line)
        except ValueError:
            return []
    else:
        try:
            value = json.JSONDecoder().raw_decode(text.lstrip())[0]
        except ValueError:
            # A big array: the first object only.
            from notecheck.notes.jsonl import BadJson, parse_object

            start = text.find("{")
            try:
                return list(parse_object(text, start)[0]) if start != -1 else []
            except BadJson:
                return []
        value = value[0] if isinstance(value, list) and value else value
    return list(value) if isinstance(value, dict) else []


EXPORT_SUFFIXES = (".csv", ".tsv", ".jsonl", ".json")


def is_export(path: str | None) -> bool:
    return bool(path) and Path(str(path)).suffix.lower() in EXPORT_SUFFIXES


def _excel_date(value: Any) -> Any:
    """An export's date cell that holds an Excel serial number (46356), as the date it
    stands for (2026-11-30); any other value as it is."""
    from notecheck.dates import excel_serial

    when = excel_serial(value)
    if when is None:
        return value
    if when.hour == 0 and when.minute == 0:
        return when.date().isoformat()
    return when.strftime("%Y-%m-%dT%H:%M")


class OffsetMap:
    """Maps offsets in a note's text to (line, column) in the original file.

    ``breaks`` are (text offset, line, column) points, in order: between two points the
    column advances one per character. A point is added wherever the text and the file
    stop running side by side: at each new line of a cell, after a doubled quote ("")
    in a CSV cell, after an escape (\\n, \\u00e9) in a JSON string.
    """

    def __init__(self, breaks: list[tuple[int, int, int]]):
        self.offsets = [b[0] for b in breaks]
        self.breaks = breaks

    def position(self, offset: int) -> tuple[int, int]:
        index = max(bisect.bisect_right(self.offsets, offset) - 1, 0)
        start, line, column = self.breaks[index]
        return line, column + offset - start


class Cell:
    """One value read from an export, with where its text sits in the file."""

    __slots__ = ("value", "breaks")

    def __init__(self, value: Any, breaks: list[tuple[int, int, int]]):
        self.value = value
        self.breaks = breaks

    @property
    def start(self) -> tuple[int, int]:
        return self.breaks[0][1], self.breaks[0][2]


def build_note(path: str, cells: Mapping[str, Cell], extra: Mapping[str, Any],
               where: tuple[int, int]) -> list[Note | InputProblem]:
    """A note (and any warnings) from the cells of one row or record."""
    from notecheck.notes.text import validate_meta

    out: list[Note | InputProblem] = []
    text_cell = cells["text"]
    text = text_cell.value if isinstance(text_cell.value, str) else ("" if text_cell.value is None
                                                                     else str(text_cell.value))
    note_id = cells["id"].value if "id" in cells else None
    note_id = None if note_id in (None, "") else str(note_id)
    meta: dict[str, Any] = dict(extra)
    positions: dict[str, tuple[int, int]] = {}
    for field, cell in cells.items():
        if field == "text" or cell.value in (None, ""):
            continue
        value = cell.value
        if field in DATE_FIELDS:
            value = _excel_date(value)
        if field == "subject" and isinstance(value, str) and ";" in value:
            value = [part.strip() for part in value.split(";") if part.strip()]
        meta[field] = value
        positions[field] = cell.start
    # A bad metadata value is reported; the note is still checked without it.
    meta, problems = validate_meta(meta, lambda key: positions.get(key, where))
    for problem in problems:
        problem.severity, problem.note = "warning", note_id
        positions.pop(problem.field, None)
    out.extend(problems)
    if note_id is not None:
        meta["id"] = note_id
    out.append(Note(path=path, text=text, meta=meta, id=note_id,
                    line_map=OffsetMap(text_cell.breaks), meta_positions=positions))
    return out
