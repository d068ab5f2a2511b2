"""The results cache: a note whose text, metadata and reader, and whose run's rules,
config, model and notecheck version are unchanged, is not checked again. Entries are per
note, so editing one row of an export re-checks only that row.

Location: $NOTECHECK_CACHE_DIR if set, else ``.notecheck_cache/`` in the current folder.
Delete the folder at any time; ``--no-cache`` neither reads nor writes it. Results made
under other rules, config or dates are removed after a week unused.

The cache never holds note text. For each note it keeps the rule ids and character
offsets of the findings; messages and suggestions are rebuilt on load from the rule's own
strings and from offsets into the re-read note; dates are kept as ISO text. A finding
whose message values cannot be expressed that way (a value that is neither a rule string,
a number, a date nor a span of the note; a fix's text may also be pieces of those joined
by punctuation) makes that note uncacheable: it is simply checked
again next time. Entries live in one SQLite file per run signature, written by the main
process only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from notecheck import __version__
from notecheck.kinds.base import Computed, Day, Finding
from notecheck.notes import Note
from notecheck.rules.model import Rule

FORMAT = 4
CHUNK = 1 << 20
STALE_DAYS = 7


class Uncacheable(Exception):
    pass


def default_location() -> Path:
    configured = os.environ.get("NOTECHECK_CACHE_DIR")
    return Path(configured) if configured else Path.cwd() / ".notecheck_cache"


def file_digest(path: str) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _source_digest() -> str:
    """notecheck's own code, so a changed kind or reader never serves stale results."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _strings(value: Any, out: set[str]) -> None:
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, out)
    elif isinstance(value, (list, tuple, set)):
        for item in value:
            _strings(item, out)


def rule_strings(rule: Rule) -> set[str]:
    """Every string a rule file gives: the only free text the cache may store."""
    out: set[str] = set()
    options = rule.options.model_dump() if hasattr(rule.options, "model_dump") else rule.options
    _strings([rule.message, rule.suggestion, rule.exceptions, options], out)
    return out


def _mark_cache_root(root: Path) -> None:
    """Keep the cache out of version control and backups, as pytest and ruff do."""
    ignore = root / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Made by notecheck: results only, never note text.\n*\n", encoding="utf-8")
    tag = root / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n"
                       "# This is a notecheck results cache: https://bford.info/cachedir/\n",
                       encoding="utf-8")


class Cache:
    def __init__(self, location: Path, rules: list[Rule], config, model: str,
                 columns: dict | None = None, today: dt.date | None = None,
                 masking_rules: Iterable[Rule] = ()):
        self.rules = {rule.id: rule for rule in rules}
        self.strings = {rule.id: rule_strings(rule) for rule in rules}
        signature = {
            "format": FORMAT,
            "code": _source_digest(),
            "model": model,
            "config": config.model_dump(mode="json", exclude={"source"}),
            "columns": columns or {},
            # The masking spans kept with each note come from these rules' patterns.
            "masking": sorted([r.id, r.options.model_dump_json()] for r in masking_rules),
            "rules": [[r.id, r.kind, r.severity.value, r.message, r.suggestion, r.exceptions,
                       r.skip_quoted, sorted(self.strings[r.id]),
                       r.options.model_dump_json() if hasattr(r.options, "model_dump_json")
                       else repr(r.options)] for r in sorted(rules, key=lambda r: r.id)],
            # Rules about lateness may read today's date or settings from the environment.
            "today": (today or dt.date.today()).isoformat(),
            "env": sorted((k, v) for k, v in os.environ.items()
                          if k.startswith("NOTECHECK_") and k != "NOTECHECK_CACHE_DIR"),
        }
        run = hashlib.sha256(json.dumps(signature, sort_keys=True, default=str).encode()).hexdigest()
        self.folder = location / f"v{FORMAT}" / run[:24]

        self._db = None
        self._pending: list[tuple[str, str]] = []

    @staticmethod
    def key(note: Note, reader: str) -> str:
        """What a note's findings depend on besides the run: its text, metadata, id and
        the reader (and its options) that made it. Hashed; never stored as text."""
        digest = hashlib.sha256(reader.encode())
        for part in (note.text, json.dumps(note.meta, sort_keys=True, default=str), note.id or "",
                     note.path.rsplit(".", 1)[-1].lower()):
            digest.update(b"\0")
            digest.update(part.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _connect(self, create: bool):
        import sqlite3

        if self._db is None:
            path = self.folder / "notes.sqlite"
            if not path.is_file():
                if not create:
                    return None
                self.folder.mkdir(parents=True, exist_ok=True)
                _mark_cache_root(self.folder.parent.parent)
                self._prune()
            try:
                self._db = self._open(path)
            except sqlite3.OperationalError:
                raise
            except sqlite3.DatabaseError:  # damaged (say by a power cut): start it again
                path.unlink(missing_ok=True)
                self._db = self._open(path)
            os.utime(self.folder)  # in use: keep it from being pruned
        return self._db

    @staticmethod
    def _open(path: Path):
        import sqlite3

        db = sqlite3.connect(path, timeout=5, isolation_level=None)
        # These are results, not records: a write the operating system has not yet put on
        # disk may be lost in a power cut (the note is simply checked again), and waiting
        # for the disk cost a one-note run more than checking the note.
        db.execute("PRAGMA synchronous = OFF")
        db.execute("CREATE TABLE IF NOT EXISTS notes (key TEXT PRIMARY KEY, record TEXT)")
        return db

    def get(self, key: str) -> dict | None:
        try:
            db = self._connect(create=False)
            if db is None:
                return None
            row = db.execute("SELECT record FROM notes WHERE key = ?", (key,)).fetchone()
            return json.loads(row[0]) if row else None
        except Exception:  # noqa: BLE001 - a damaged cache only costs speed
            return None

    def put(self, key: str, records: list) -> None:
        self._pending.append((key, json.dumps(records, separators=(",", ":"))))
        if len(self._pending) >= 256:
            self.flush()

    def flush(self) -> None:
        if not self._pending:
            return
        pending, self._pending = self._pending, []
        try:
            db = self._connect(create=True)
            db.execute("BEGIN")
            db.executemany("INSERT OR REPLACE INTO notes VALUES (?, ?)", pending)
            db.execute("COMMIT")
        except Exception as exc:  # noqa: BLE001 - a read-only or full disk only costs speed
            import sqlite3

            if self._db is not None:
                self._db.close()
            self._db = None
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
                # Damaged: the next run starts the file again rather than failing on it.
                (self.folder / "notes.sqlite").unlink(missing_ok=True)

    def __getstate__(self):  # workers get a copy without the open database
        state = dict(self.__dict__)
        state["_db"], state["_pending"] = None, []
        return state

    def _prune(self) -> None:
        """Drop results of other runs (older rules, config or dates) unused for a week."""
        import shutil
        import time

        cutoff = time.time() - STALE_DAYS * 86400
        for other in self.folder.parent.iterdir():
            try:
                if other != self.folder and other.is_dir() and other.stat().st_mtime < cutoff:
                    shutil.rmtree(other, ignore_errors=True)
            except OSError:
                continue

    # -- findings <-> cache records -------------------------------------------------------

    def encode(self, note: Note, found: Iterable[tuple[Rule, Finding]],
               masking: list[tuple[int, int]] | None = None) -> dict:
        """The record of one note: its findings, and where the masking rules found
        identifiers in it (offsets only, or None when they were not looked for). Raises
        Uncacheable when a value is note-derived in a way that offsets cannot express."""
        return {"found": self._encode_found(note, found),
                "mask": [[start, end] for start, end in masking] if masking is not None else None}

    @staticmethod
    def masking(record: dict) -> list[tuple[int, int]] | None:
        """The masking spans a record keeps (None: not known, find them again)."""
        spans = record.get("mask")
        return [(int(start), int(end)) for start, end in spans] if spans is not None else None

    def _encode_found(self, note: Note, found: Iterable[tuple[Rule, Finding]]) -> list:
        return [[rule.id, finding.start, finding.end, finding.field,
                 self._encode(finding.suggestion, note, rule),
                 self._encode(finding.message, note, rule),
                 {k: self._encode(v, note, rule) for k, v in finding.values.items()},
                 finding.severity.value if finding.severity is not None else None,
                 self._encode_replacement(finding.replacement, note, rule)]
                for rule, finding in found]

    def _encode_replacement(self, value: str | None, note: Note, rule: Rule) -> Any:
        """A fix's text: a rule string or a span of the note as usual, or else pieces that
        are each one of those or punctuation ("looked after child" + " (" + "LAC" + ")")."""
        try:
            return self._encode(value, note, rule)
        except Uncacheable:
            pass
        strings = self.strings[rule.id]
        pieces, i = [], 0
        while i < len(value):
            best = max((s for s in strings if s and value.startswith(s, i)), key=len, default="")
            j = i
            while j < len(value) and value[i:j + 1] in note.text:
                j += 1
            if j - i > len(best):
                pieces.append(["t", note.text.find(value[i:j]), j - i])
                i = j
            elif best:
                pieces.append(["v", best])
                i += len(best)
            elif not value[i].isalnum():
                pieces.append(["v", value[i]])
                i += 1
            else:
                raise Uncacheable(rule.id)
        return ["c", pieces]

    def _encode(self, value: Any, note: Note, rule: Rule) -> Any:
        if value is None or isinstance(value, bool):
            return ["v", value]
        if isinstance(value, (int, float)):
            return ["v", value]
        if isinstance(value, dt.datetime):
            return ["dt", value.isoformat()]
        if isinstance(value, dt.date):
            return ["d", value.isoformat()]
        if isinstance(value, Day):
            return ["day", value.iso]
        if isinstance(value, Computed):
            return ["v", str(value)]
        if isinstance(value, str):
            if not value or value in self.strings[rule.id]:
                return ["v", value]
            index = note.text.find(value)
            if index != -1:
                return ["t", index, len(value)]
            lowered = value.lower()
            if lowered == value and len(lowered) == len(value):
                index = note.text.lower().find(value)
                if index != -1 and note.text[index:index + len(value)].lower() == value:
                    return ["tl", index, len(value)]
            for key, meta in note.meta.items():
                if isinstance(meta, str) and meta == value:
                    return ["m", key]
            raise Uncacheable(rule.id)
        if isinstance(value, (list, tuple)):
            return ["l", [self._encode(v, note, rule) for v in value]]
        raise Uncacheable(rule.id)

    def decode(self, note: Note, record: dict) -> list[tuple[Rule, Finding]]:
        """The findings a record keeps, rebuilt against the re-read note."""
        found = []
        from notecheck.diagnostics import Severity

        for rule_id, start, end, field, suggestion, message, values, severity, replacement in record["found"]:
            rule = self.rules[rule_id]
            found.append((rule, Finding(start, end, suggestion=self._decode(suggestion, note),
                                        message=self._decode(message, note),
                                        values={k: self._decode(v, note) for k, v in values.items()},
                                        field=field,
                                        severity=Severity(severity) if severity else None,
                                        replacement=self._decode(replacement, note))))
        return found

    def _decode(self, value: list, note: Note) -> Any:
        tag = value[0]
        if tag == "v":
            return value[1]
        if tag == "t":
            return note.text[value[1]:value[1] + value[2]]
        if tag == "tl":
            return note.text[value[1]:value[1] + value[2]].lower()
        if tag == "d":
            return dt.date.fromisoformat(value[1])
        if tag == "day":
            return Day(dt.date.fromisoformat(value[1]))
        if tag == "dt":
            return dt.datetime.fromisoformat(value[1])
        if tag == "m":
            return note.meta.get(value[1])
        if tag == "c":
            return "".join(self._decode(piece, note) for piece in value[1])
        return [self._decode(v, note) for v in value[1]]
