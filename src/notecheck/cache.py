"""The results cache: a file whose content, rules, config, model and notecheck version are
unchanged is not checked again.

Location: $NOTECHECK_CACHE_DIR if set, else ``.notecheck_cache/`` in the current folder.
Delete the folder at any time; ``--no-cache`` neither reads nor writes it. Results made
under other rules, config or dates are removed after a week unused.

The cache never holds note text. For each note it keeps the rule ids and character
offsets of the findings; messages and suggestions are rebuilt on load from the rule's own
strings and from offsets into the re-read file. A finding whose message values cannot be
expressed that way (a value that is neither a rule string, a number, nor a span of the
note) makes that file uncacheable: it is simply checked again next time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from notecheck import __version__
from notecheck.kinds.base import Finding
from notecheck.notes import Note
from notecheck.rules.model import Rule

FORMAT = 1
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
                 columns: dict | None = None, today: dt.date | None = None):
        self.rules = {rule.id: rule for rule in rules}
        self.strings = {rule.id: rule_strings(rule) for rule in rules}
        signature = {
            "format": FORMAT,
            "code": _source_digest(),
            "model": model,
            "config": config.model_dump(mode="json", exclude={"source"}),
            "columns": columns or {},
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

    def _entry(self, content: str) -> Path:
        return self.folder / f"{content}.json"

    def load(self, content: str) -> list | None:
        try:
            records = json.loads(self._entry(content).read_text(encoding="utf-8"))["notes"]
            os.utime(self.folder)  # in use: keep it from being pruned
            return records
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def store(self, content: str, notes: list) -> None:
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True, exist_ok=True)
                _mark_cache_root(self.folder.parent.parent)
                self._prune()
            target = self._entry(content)
            temporary = target.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(json.dumps({"notes": notes}, separators=(",", ":")), encoding="utf-8")
            os.replace(temporary, target)
        except OSError:
            pass  # a read-only or full disk only costs speed

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

    def encode(self, note: Note, found: Iterable[tuple[Rule, Finding]]) -> list:
        """Records for one note's findings. Raises Uncacheable when a value is note-derived
        in a way that offsets cannot express."""
        return [[rule.id, finding.start, finding.end, finding.field,
                 self._encode(finding.suggestion, note, rule),
                 self._encode(finding.message, note, rule),
                 {k: self._encode(v, note, rule) for k, v in finding.values.items()}]
                for rule, finding in found]

    def _encode(self, value: Any, note: Note, rule: Rule) -> Any:
        if value is None or isinstance(value, bool):
            return ["v", value]
        if isinstance(value, (int, float)):
            return ["v", value]
        if isinstance(value, str):
            if not value or value in self.strings[rule.id]:
                return ["v", value]
            index = note.text.find(value)
            if index != -1:
                return ["t", index, len(value)]
            for key, meta in note.meta.items():
                if isinstance(meta, str) and meta == value:
                    return ["m", key]
            raise Uncacheable(rule.id)
        if isinstance(value, (list, tuple)):
            return ["l", [self._encode(v, note, rule) for v in value]]
        raise Uncacheable(rule.id)

    def decode(self, note: Note, records: list) -> list[tuple[Rule, Finding]]:
        found = []
        for rule_id, start, end, field, suggestion, message, values in records:
            rule = self.rules[rule_id]
            found.append((rule, Finding(start, end, suggestion=self._decode(suggestion, note),
                                        message=self._decode(message, note),
                                        values={k: self._decode(v, note) for k, v in values.items()},
                                        field=field)))
        return found

    def _decode(self, value: list, note: Note) -> Any:
        tag = value[0]
        if tag == "v":
            return value[1]
        if tag == "t":
            return note.text[value[1]:value[1] + value[2]]
        if tag == "m":
            return note.meta.get(value[1])
        return [self._decode(v, note) for v in value[1]]
