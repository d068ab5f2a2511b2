"""Plain text and Markdown notes, with optional YAML front matter."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Callable, Iterator

import yaml

from notecheck.notes import InputProblem, LineMap, Note, mask_identifiers
from notecheck.rules.yamlsource import BadValue, YamlProblem, compose, construct

KNOWN_META = ("subject", "subject_type", "note_type", "contact_date", "recorded_date", "author", "id")
SUBJECT_TYPES = ("child", "adult")

# Byte order marks, longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"))
SNIFF = 8192
# Bytes that text never holds: NUL and the C0 controls other than tab, newline, vertical
# tab, form feed, carriage return and escape. A file is binary when more than one in a
# hundred of its first bytes are NUL (and more than one), or more than BINARY_SHARE of
# them are these: one stray NUL in an export, or a few unit separators, are damage to
# report around, not a sign of a binary file.
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
BINARY_SHARE = 0.3


def looks_binary(head: bytes) -> bool:
    if head.count(0) > max(1, len(head) // 100):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls > 2 and controls > BINARY_SHARE * len(head)


def binary_problem() -> InputProblem:
    return InputProblem("input.binary", "This looks like a binary file, not a note or an export "
                                        "(it holds bytes that text never does), so it was skipped.")

_SURROGATE = re.compile("[\ud800-\udfff]")


class Decoded:
    def __init__(self, text: str, warning: str | None = None):
        self.text = text
        self.warning = warning


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or '-be' when the bytes look like mostly-ASCII UTF-16 with no mark:
    every other byte zero."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    for zeros, others, codec in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) > 0.7 * len(zeros) and others.count(0) < 0.05 * len(others):
            try:
                codecs.getincrementaldecoder(codec)().decode(head[: len(head) // 2 * 2])
            except UnicodeDecodeError:
                return None
            return codec
    return None


def sniff(head: bytes) -> str:
    """The encoding of text that starts with ``head``: its byte order mark (UTF-8, UTF-16
    or UTF-32), UTF-16 without a mark, else 'utf-8-sig' (the caller checks the bytes really
    are UTF-8). Raises InputProblem for a binary file."""
    for bom, codec in BOMS:
        if head.startswith(bom):
            try:
                codecs.getincrementaldecoder(codec)().decode(head, final=False)
                return codec
            except UnicodeDecodeError:
                break  # not really that encoding: judged below like any other bytes
    codec = _utf16_without_bom(head[:SNIFF])
    if codec:
        return codec
    if looks_binary(head[:SNIFF]):
        raise binary_problem()
    return "utf-8-sig"


def not_utf8_warning(line: int) -> str:
    return (f"This file is not UTF-8 (first bad byte on line {line}), so it was read as "
            "Windows-1252. Save it as UTF-8 so every system reads it the same way.")


def decode(data: bytes) -> Decoded:
    """UTF-8 (BOM or not), UTF-16 or UTF-32 (with a BOM, as Notepad and Excel's "Unicode
    Text" save them; UTF-16 without one too); otherwise Windows-1252 with a warning.
    Binary is refused."""
    codec = sniff(data[:SNIFF])
    if codec != "utf-8-sig":
        try:
            return Decoded(data.decode(codec))
        except UnicodeDecodeError as exc:
            line = data[: exc.start].decode(codec, "replace").count("\n") + 1
            return Decoded(data.decode(codec, "replace"), (
                f"This file is {codec.upper()} but has bytes that are not (first on line {line}); "
                "they were read as \ufffd. Save it again, as UTF-8 if you can."))
    try:
        return Decoded(data.decode(codec))
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
        return Decoded(text, not_utf8_warning(line))


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def replace_surrogates(text: str) -> tuple[str, int | None]:
    """Text with each lone surrogate (half of a UTF-16 pair, which no output can encode)
    replaced by U+FFFD, the same length; and the offset of the first one (None: none)."""
    found = _SURROGATE.search(text)
    if found is None:
        return text, None
    return _SURROGATE.sub("\ufffd", text), found.start()


def surrogate_warning(line: int, column: int) -> InputProblem:
    return InputProblem(
        "input.encoding",
        f"Line {line} has half of a character pair (an escaped 'surrogate' such as \\ud83d with "
        "nothing after it), which no system can write out. It was read as the character \ufffd. "
        "Check the export that made this file.", line=line, column=column, severity="warning")


def shown(value: object) -> str:
    """A value quoted in a message about bad input, with any identifier in it masked as
    findings mask them (an NHS number or an email put in the wrong field)."""
    return mask_identifiers(str(value))


def shape_only(value: object) -> str:
    """Only the shape of a value ("J**** S****", "943 *** ****"): for data that sits
    where names should be."""
    from notecheck.identifiers import mask

    return mask(str(value))


def _shape(value: list | dict) -> str:
    """What a field that should hold one value holds instead, in the writer's terms."""
    return "a list" if isinstance(value, list) else "a set of fields"


class FrontMatter:
    def __init__(self, meta: dict, body: str, skipped: int, positions: dict,
                 problems: list[InputProblem]):
        self.meta, self.body, self.skipped = meta, body, skipped
        self.positions, self.problems = positions, problems


def read_front_matter(text: str) -> FrontMatter:
    """The front matter of a note: its metadata, its body, how many lines it takes, where
    each key is, and what was wrong with it. A bad value loses only itself; front matter
    that cannot be read at all loses the metadata; the body is checked either way."""
    if not text.startswith("---\n"):
        return FrontMatter({}, text, 0, {}, [])
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            break
    else:
        raise InputProblem("input.front-matter",
                           "The front matter that starts on line 1 with '---' is never closed. "
                           "Add a line with '---' after the metadata.")
    block = "\n".join(lines[1:index])
    body = "\n".join(lines[index + 1:])
    problems: list[InputProblem] = []
    try:
        node = compose(block, fast=False) if block.strip() else None
    except YamlProblem as exc:
        line = exc.line + 1
        problems.append(InputProblem(
            "input.front-matter",
            f"The front matter was not read: {exc.message}. Check line {line}. "
            "The note was checked without its metadata.", line=line, column=exc.column))
        return FrontMatter({}, body, index + 1, {}, problems)
    if node is None:
        return FrontMatter({}, body, index + 1, {}, [])
    if not isinstance(node, yaml.MappingNode):
        problems.append(InputProblem("input.front-matter",
                                     "The front matter must be 'key: value' lines (subject, note_type, "
                                     "contact_date, ...). The note was checked without it.", line=2))
        return FrontMatter({}, body, index + 1, {}, problems)
    meta: dict = {}
    positions: dict[str, tuple[int, int]] = {}
    for key_node, value_node in node.value:
        where = (key_node.start_mark.line + 2, key_node.start_mark.column + 1)
        try:
            if not isinstance(key_node, yaml.ScalarNode):
                raise BadValue(ValueError("a list or mapping as a key"), key_node)
            key = str(construct(key_node))
        except BadValue:
            problems.append(InputProblem(
                "input.front-matter", f"Line {where[0]} of the front matter has a list or mapping "
                "where a key (subject, note_type, ...) should be, so it was left out.",
                line=where[0], column=where[1]))
            continue
        try:
            meta[key] = construct(value_node)
        except BadValue as bad:
            problems.append(InputProblem(
                "input.front-matter",
                f"'{field_name(key)}' in the front matter (line {where[0]}) could not be read: "
                f"{bad.describe()}. Correct it or remove it; the note was checked without it.",
                line=where[0], column=where[1]))
            meta.pop(key, None)
            continue
        positions[key] = where
    meta, bad_fields = validate_meta(meta, lambda key: positions.get(key, (2, 1)), "input.front-matter")
    problems.extend(bad_fields)
    for problem in bad_fields:
        positions.pop(problem.field, None)
    return FrontMatter(meta, body, index + 1, positions, problems)


def split_front_matter(path: str, text: str) -> tuple[dict, str, int, dict]:
    """Return (metadata, body, number of lines the front matter takes, key positions).
    Raises the first problem with the front matter, if any."""
    front = read_front_matter(text)
    if front.problems:
        raise front.problems[0]
    return front.meta, front.body, front.skipped, front.positions


def field_name(key: str) -> str:
    """A key or column name as a message shows it: its shape only when it looks like data
    (an export with no header row has data where its column names should be)."""
    from notecheck.notes.columns import looks_like_data

    return shape_only(key) if looks_like_data(key) else key


def validate_meta(meta: dict, position_of: Callable[[str], tuple[int, int]],
                  rule: str = "input.metadata") -> tuple[dict, list[InputProblem]]:
    """Validate and normalise the metadata fields that rules rely on. A bad field is
    left out and reported (``problem.field`` names it); the others are kept."""
    meta = {str(k): v for k, v in meta.items()}
    problems: list[InputProblem] = []

    def bad(key: str, message: str) -> None:
        line, column = position_of(key)
        problems.append(InputProblem(rule, message, line=line, column=column, field=key))
        meta.pop(key, None)

    subject = meta.get("subject")
    if subject is not None and not (isinstance(subject, str) or (
            isinstance(subject, list) and all(isinstance(s, str) for s in subject))):
        bad("subject", "'subject' must be a name or a list of names.")
    subject_type = meta.get("subject_type")
    if subject_type is not None:
        if str(subject_type).lower() not in SUBJECT_TYPES:
            bad("subject_type", f"'subject_type' must be 'child' or 'adult', not "
                                f"'{shown(subject_type)}'.")
        else:
            meta["subject_type"] = str(subject_type).lower()
    for key in ("contact_date", "recorded_date"):
        # YAML turns 2026-11-24 into a date: keep the text the writer typed so every
        # date rule parses one form.
        if isinstance(meta.get(key), (dt.date, dt.datetime)):
            meta[key] = meta[key].isoformat()
        elif isinstance(meta.get(key), (list, dict)):
            bad(key, f"'{key}' must be one date, such as 24/11/2026, not {_shape(meta[key])}.")
    for key in ("note_type", "author", "id"):
        if key in meta and meta[key] is not None:
            if isinstance(meta[key], (list, dict)):
                bad(key, f"'{key}' must be one value, not {_shape(meta[key])}.")
            else:
                meta[key] = str(meta[key])
    for key, value in list(meta.items()):
        if isinstance(value, str):
            meta[key] = replace_surrogates(value)[0]
    return meta, problems


def check_meta(meta: dict, line_of) -> dict:
    """Validate and normalise the metadata fields that rules rely on; raises the first
    problem (see validate_meta to keep the good fields and report each bad one)."""
    meta, problems = validate_meta(meta, lambda key: (line_of(key), 1), "input.front-matter")
    if problems:
        raise problems[0]
    return meta


def parse_text(path: str, text: str, problems: list[InputProblem] | None = None) -> Note:
    """A note from already-decoded text (a file, stdin, or a rule's example).

    With a ``problems`` list, what is wrong with the front matter is added to it and the
    note is still made (without the bad values); without one, the first problem is raised."""
    text, surrogate = replace_surrogates(normalise_newlines(text))
    front = read_front_matter(text)
    if problems is None and front.problems:
        raise front.problems[0]
    if problems is not None:
        if surrogate is not None:
            line, column = LineMap(text).position(surrogate)
            problems.append(surrogate_warning(line, column))
        problems.extend(front.problems)
    return Note(path=path, text=front.body, meta=front.meta, id=front.meta.get("id"),
                line_map=LineMap(front.body, start_line=front.skipped + 1),
                meta_positions=front.positions)


def read_text(path: str, data: bytes) -> Iterator[Note | InputProblem]:
    decoded = decode(data)
    if decoded.warning:
        yield InputProblem("input.encoding", decoded.warning, severity="warning")
    problems: list[InputProblem] = []
    note = parse_text(path, decoded.text, problems)
    yield from problems
    yield note
