"""What export readers share: finding the text and metadata columns, and mapping a cell's
text back to where each character sits in the original file."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Mapping
from typing import Any

from notecheck.notes import InputProblem, Note

FIELDS = ("text", "id", "subject", "subject_type", "note_type", "contact_date",
          "recorded_date", "author")

# Column names recognised without any config, compared after normalising case, spaces,
# underscores and hyphens ("Date of Contact" == "date_of_contact").
ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "note", "notes", "body", "narrative", "case note", "case notes",
             "casenote", "note text", "case note text", "contact note", "note body",
             "narrative text", "entry", "content", "details"),
    "id": ("id", "note id", "case note id", "record id", "entry id", "reference", "ref",
           "note ref", "note reference"),
    "subject": ("subject", "subject name", "person", "person name", "client", "client name",
                "service user", "child", "child name", "adult", "name"),
    "subject_type": ("subject type", "person type", "client type"),
    "note_type": ("note type", "type", "contact type", "case note type", "activity type",
                  "event type", "entry type", "category"),
    "contact_date": ("contact date", "date of contact", "event date", "date of event",
                     "visit date", "date of visit", "activity date", "contact date time",
                     "date"),
    "recorded_date": ("recorded date", "date recorded", "recorded", "recorded on",
                      "recorded at", "entry date", "date entered", "created", "created date",
                      "date created", "created at", "created on"),
    "author": ("author", "worker", "practitioner", "recorded by", "written by", "created by",
               "entered by", "social worker", "staff member", "user"),
}


def normalise_name(name: str) -> str:
    return " ".join(re.split(r"[\s_\-]+", name.strip().lower())).strip()


_ALIAS_INDEX = {normalise_name(alias): field for field, aliases in ALIASES.items()
                for alias in aliases}


def map_columns(names: Iterable[str], configured: Mapping[str, str] | None = None) -> dict[str, int]:
    """{field: column index}. Configured names win; then the common names above.

    Raises InputProblem when no column holds the note text, listing the columns seen."""
    names = list(names)
    normalised = [normalise_name(n) for n in names]
    mapping: dict[str, int] = {}
    for field, column in (configured or {}).items():
        wanted = normalise_name(column)
        if wanted in normalised:
            mapping[field] = normalised.index(wanted)
    taken = set(mapping.values())
    for index, name in enumerate(normalised):
        field = _ALIAS_INDEX.get(name)
        if field and field not in mapping and index not in taken:
            mapping[field] = index
            taken.add(index)
    if "text" not in mapping:
        from notecheck.notes.text import field_name, looks_like_data, shape_only

        if any(looks_like_data(n) for n in names):
            # No header row: the first row is data, which a message must not show.
            seen = ", ".join(f"'{shape_only(n)}'" for n in names)
            first = (f"The first row looks like data, not column names ({seen}): this export "
                     "seems to have no header row. ")
        else:
            seen = ", ".join(f"'{field_name(n)}'" for n in names) or "none"
            first = f"No column holds the note text (columns seen: {seen}). "
        configured_text = (configured or {}).get("text")
        hint = (f"The config says the text is in '{configured_text}', but there is no such column. "
                if configured_text else "")
        raise InputProblem(
            "input.no-text-column",
            f"{first}{hint}Name the text "
            "column in notecheck.yaml, e.g. 'columns: {text: \"Case note\"}', or rename it to "
            "one notecheck knows (text, note, body, narrative, case_note).")
    return mapping


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
