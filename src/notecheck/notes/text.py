"""Plain text and Markdown notes, with optional YAML front matter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import yaml

from notecheck.notes import InputProblem, LineMap, Note

KNOWN_META = ("subject", "subject_type", "note_type", "contact_date", "recorded_date", "author", "id")
SUBJECT_TYPES = ("child", "adult")


class Decoded:
    def __init__(self, text: str, warning: str | None = None):
        self.text = text
        self.warning = warning


def decode(data: bytes) -> Decoded:
    """UTF-8 (BOM or not), or UTF-16 with its BOM (Notepad's "Unicode"); otherwise
    Windows-1252 with a warning. Binary is refused."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data.decode("utf-16"))
        except UnicodeDecodeError:
            pass  # not really UTF-16: judged below like any other bytes
    if b"\x00" in data[:8192]:
        raise InputProblem("input.binary", "This looks like a binary file, not a note, so it was skipped.")
    try:
        text = data.decode("utf-8-sig")
        warning = None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputProblem(
                "input.encoding",
                f"This file is not UTF-8 (first bad byte on line {line}) and could not be read as "
                "Windows-1252 either. Save it as UTF-8 and check it again.",
                line=line,
            ) from None
        warning = (
            f"This file is not UTF-8 (first bad byte on line {line}), so it was read as Windows-1252. "
            "Save it as UTF-8 so every system reads it the same way."
        )
    return Decoded(text, warning)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def split_front_matter(path: str, text: str) -> tuple[dict, str, int, dict]:
    """Return (metadata, body, number of lines the front matter takes, key positions)."""
    if not text.startswith("---\n"):
        return {}, text, 0, {}
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            break
    else:
        raise InputProblem("input.front-matter",
                           "The front matter that starts on line 1 with '---' is never closed. "
                           "Add a line with '---' after the metadata.")
    block = "\n".join(lines[1:index])
    try:
        meta = yaml.safe_load(block) if block.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise InputProblem("input.front-matter",
                           f"The front matter is not valid YAML ({problem}). Check line {line}.",
                           line=line) from None
    if not isinstance(meta, dict):
        raise InputProblem("input.front-matter",
                           "The front matter must be 'key: value' lines (subject, note_type, "
                           "contact_date, ...).", line=2)
    meta = check_meta(meta, lambda key: 2 + _key_line(lines[1:index], key))
    positions = {key: (2 + _key_line(lines[1:index], key), 1) for key in meta}
    body = "\n".join(lines[index + 1:])
    return meta, body, index + 1, positions


def _key_line(lines: list[str], key: str) -> int:
    for i, line in enumerate(lines):
        if line.split(":", 1)[0].strip() == key:
            return i
    return 0


def check_meta(meta: dict, line_of) -> dict:
    """Validate and normalise the metadata fields that rules rely on."""
    meta = {str(k): v for k, v in meta.items()}
    subject = meta.get("subject")
    if subject is not None:
        if isinstance(subject, str):
            pass
        elif isinstance(subject, list) and all(isinstance(s, str) for s in subject):
            pass
        else:
            raise InputProblem("input.front-matter",
                               "'subject' must be a name or a list of names.", line=line_of("subject"))
    subject_type = meta.get("subject_type")
    if subject_type is not None:
        if str(subject_type).lower() not in SUBJECT_TYPES:
            raise InputProblem("input.front-matter",
                               f"'subject_type' must be 'child' or 'adult', not '{subject_type}'.",
                               line=line_of("subject_type"))
        meta["subject_type"] = str(subject_type).lower()
    for key in ("contact_date", "recorded_date"):
        # YAML turns 2026-11-24 into a date: keep the text the writer typed so every
        # date rule parses one form.
        if isinstance(meta.get(key), (dt.date, dt.datetime)):
            meta[key] = meta[key].isoformat()
    for key in ("note_type", "author", "id"):
        if key in meta and meta[key] is not None:
            meta[key] = str(meta[key])
    return meta


def parse_text(path: str, text: str) -> Note:
    """A note from already-decoded text (a file, stdin, or a rule's example)."""
    meta, body, skipped, positions = split_front_matter(path, normalise_newlines(text))
    return Note(path=path, text=body, meta=meta, id=meta.get("id"),
                line_map=LineMap(body, start_line=skipped + 1), meta_positions=positions)


def read_text(path: str, data: bytes) -> Iterator[Note | InputProblem]:
    decoded = decode(data)
    if decoded.warning:
        yield InputProblem("input.encoding", decoded.warning, severity="warning")
    yield parse_text(path, decoded.text)
