"""Configuration: notecheck.yaml, .notecheck.yaml or [tool.notecheck] in pyproject.toml."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from notecheck.rules.yamlsource import YamlProblem, line_of, load_yaml

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_NAMES = ("notecheck.yaml", ".notecheck.yaml")


class TimelinessConfig(BaseModel):
    """When a note counts as late, in working days, and what "today" is."""

    model_config = ConfigDict(extra="forbid")

    warn_after_working_days: int = Field(1, ge=0)
    # None: never raise late recording to an error.
    error_after_working_days: int | None = Field(5, ge=0)
    policy: str | None = None  # shown in the message: "Local policy: record within 1 working day"
    region: Literal["england-and-wales", "scotland", "northern-ireland"] = "england-and-wales"
    # Fix "today" for future-date checks (tests, re-running an old export). --today and
    # NOTECHECK_TODAY set it too.
    today: dt.date | None = None

    @field_validator("today", mode="before")
    @classmethod
    def _uk_date(cls, value: Any) -> Any:
        if value is None or isinstance(value, dt.date):
            return value
        from notecheck.dates import DateError, parse_date

        try:
            return parse_date(value, show=True).date()
        except DateError as exc:
            raise ValueError(str(exc)) from None


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    select: list[str] = []
    ignore: list[str] = []
    severity: dict[str, Literal["error", "warning", "info"]] = {}
    rules: list[str] = []  # extra rule folders, relative to the config file
    accept: list[str] = []  # terms the team accepts: never reported by any rule
    fail_on: Literal["error", "warning", "info", "never"] = "warning"
    model: str | None = None  # an installed spaCy pipeline package to use instead
    # Per-rule option overrides, validated like the rule's own YAML:
    # {"clarity.long-sentence": {"max_words": 40}}
    options: dict[str, dict[str, Any]] = {}
    # Who the notes are about. record: real people, so personal-data rules are off;
    # training: material that must carry no real personal data, so they are errors.
    profile: Literal["record", "training"] = "record"
    # Approved invented names in a training pack (and so their initials): never flagged.
    pseudonyms: list[str] = []
    timeliness: TimelinessConfig = Field(default_factory=TimelinessConfig)
    # Export columns (CSV/TSV/JSON Lines/JSON) whose names notecheck does not recognise:
    # {"text": "Case Note Narrative", "contact_date": "Visit Dt"}
    columns: dict[Literal["text", "id", "subject", "subject_type", "note_type", "contact_date",
                          "recorded_date", "author", "team"], str] = {}
    # Paths never checked: globs relative to this config's folder ("archive/**", "*.tmp.md").
    exclude: list[str] = []
    # Rules not applied to some files: {"training/**": ["timeliness"]}. Keys are globs
    # relative to this config's folder; values are rule ids, categories or globs.
    per_file_ignores: dict[str, list[str]] = {}

    # Where this config came from; not a key a user writes.
    source: str | None = None

    @property
    def folder(self) -> Path:
        return Path(self.source).resolve().parent if self.source else Path.cwd().resolve()

    def relative(self, path: str | Path) -> str | None:
        """``path`` relative to this config's folder, with '/' separators; None outside it."""
        try:
            return Path(path).resolve().relative_to(self.folder).as_posix()
        except ValueError:
            return None

    def excludes(self, path: str | Path) -> bool:
        """True when ``path`` matches one of the config's ``exclude`` globs."""
        relative = self.relative(path) if self.exclude else None
        return relative is not None and any(glob_matches(relative, g) for g in self.exclude)

    def ignored_here(self, path: str | Path) -> list[str]:
        """The rule selectors ``per_file_ignores`` turns off for ``path``."""
        if not self.per_file_ignores:
            return []
        relative = self.relative(path)
        if relative is None:
            return []
        return [s for glob, selectors in self.per_file_ignores.items()
                if glob_matches(relative, glob) for s in selectors]

    def rule_folders(self) -> list[Path]:
        base = Path(self.source).parent if self.source else Path.cwd()
        return [(base / folder).resolve() for folder in self.rules]


def glob_matches(relative: str, glob: str) -> bool:
    """A path relative to a config's folder against a glob as ruff reads them:
    "training/**" is everything under training/, "*.md" a name in any folder,
    "notes/a.md" one file, "drafts" a folder and all in it."""
    import fnmatch

    glob = glob.strip()
    glob = (glob[2:] if glob.startswith("./") else glob).rstrip("/")
    if not glob:
        return False
    name = relative.rsplit("/", 1)[-1]
    if "/" not in glob and fnmatch.fnmatchcase(name, glob):
        return True
    if fnmatch.fnmatchcase(relative, glob):
        return True
    if glob.endswith("/**"):
        base = glob[:-3]
        return relative == base or fnmatch.fnmatchcase(relative, base + "/*")
    # A folder: everything under it.
    return fnmatch.fnmatchcase(relative, glob + "/*")


class ConfigError(Exception):
    def __init__(self, path: str, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


def find_config(start: Path) -> Path | None:
    """The nearest config file from ``start`` upward."""
    start = start.resolve()
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(path: Path) -> bool:
    try:
        return "notecheck" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(where, 1, f"the config file could not be read: {exc}") from None
    if path.name == "pyproject.toml":
        try:
            data = tomllib.loads(text).get("tool", {}).get("notecheck", {})
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(where, getattr(exc, "lineno", 1) or 1, f"this is not valid TOML: {exc}") from None
        lines = _toml_lines(text)
    else:
        try:
            data, lines = load_yaml(text)
        except YamlProblem as exc:
            raise ConfigError(where, exc.line, exc.message) from None
        data = data or {}
    if not isinstance(data, dict):
        raise ConfigError(where, 1, "the config must be a mapping of keys (select, ignore, ...)")
    unknown = [k for k in data if k not in Config.model_fields or k == "source"]
    if unknown:
        from notecheck.rules.loader import closest

        key = unknown[0]
        valid = [k for k in Config.model_fields if k != "source"]
        raise ConfigError(where, line_of(lines, (key,)),
                          f"unknown key '{key}'{closest(key, valid)}; valid keys: {', '.join(valid)}")
    try:
        return Config.model_validate({**data, "source": where})
    except ValidationError as exc:
        from notecheck.rules.loader import explain_pydantic, first_error

        first = first_error(exc)
        loc = tuple(first["loc"])
        raise ConfigError(where, line_of(lines, loc),
                          f"'{'.'.join(str(p) for p in loc)}': {explain_pydantic(first)}") from None


def _toml_lines(text: str) -> dict[tuple, int]:
    """Lines of the keys in the [tool.notecheck] table, for error messages."""
    lines: dict[tuple, int] = {}
    inside = False
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("["):
            inside = stripped.startswith("[tool.notecheck")
            continue
        if inside and "=" in stripped:
            lines.setdefault((stripped.split("=", 1)[0].strip(),), number)
    return lines
