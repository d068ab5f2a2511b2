"""Loading rule files: YAML in, validated rules out, or errors that point at the line."""

from __future__ import annotations

import difflib
import os
import string
import typing
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from notecheck.diagnostics import Severity
from notecheck.kinds import KINDS
from notecheck.kinds.base import RuleProblem
from notecheck.rules.model import CATEGORIES, CommonFields, Rule
from notecheck.rules.yamlsource import YamlProblem, line_of, load_yaml


@dataclass(frozen=True)
class RuleFileError:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # A nested field's path says which item ("terms.3.sugestion"); a top-level one
        # already named in the message needs no repeating.
        named = not self.field or "." not in self.field and f"'{self.field}'" in self.message
        where = "" if named else f" (field '{self.field}')"
        return f"{self.path}:{self.line}: {self.message}{where}"


class RuleLoadError(Exception):
    def __init__(self, errors: list[RuleFileError]):
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def builtin_rules_dir() -> Path:
    """The rule packs: inside the installed wheel, or the repository's rules/ folder."""
    packaged = Path(__file__).resolve().parent.parent / "rules_data"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rules"


def rule_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def load_rules(folders: list[Path], cache_dir: Path | None = None) -> list[Rule]:
    """Load every rule under the folders. Raises RuleLoadError listing every problem.

    With ``cache_dir`` (the results cache's folder), the validated and compiled rules are
    kept there, keyed on every rule file's path and bytes and on notecheck's own code, so
    an unchanged set of rule files is read back without YAML, validation or compiling.
    Rules hold only what their files say: no note text is ever in that file."""
    key = _rules_key(folders) if cache_dir is not None else None
    if key is not None:
        cached = _cached_rules(Path(cache_dir), key)
        if cached is not None:
            return cached
    rules = _load_rules(folders)
    if key is not None:
        _store_rules(Path(cache_dir), key, rules)
    return rules


# -- the compiled-rule cache ------------------------------------------------------------------

RULES_CACHE_FORMAT = 1
RULES_CACHE_STALE_DAYS = 7


def _rules_key(folders: list[Path]) -> str | None:
    """A digest of everything the loaded rules depend on, or None when a folder cannot be
    read (then nothing is cached and the loader reports the problem)."""
    import hashlib
    import sys

    from notecheck.cache import _source_digest

    digest = hashlib.sha256(f"{RULES_CACHE_FORMAT}\0{sys.version}\0{_source_digest()}".encode())
    try:
        for folder in folders:
            digest.update(b"\0folder\0" + str(folder).encode("utf-8", "surrogatepass"))
            if not folder.is_dir():
                return None
            for path in rule_files(folder):
                data = path.read_bytes()
                digest.update(b"\0file\0" + str(path).encode("utf-8", "surrogatepass"))
                digest.update(len(data).to_bytes(8, "little") + data)
    except OSError:
        return None
    return digest.hexdigest()[:32]


def _cached_rules(folder: Path, key: str) -> list[Rule] | None:
    import pickle

    path = folder / f"rules-{key}.pickle"
    try:
        with open(path, "rb") as handle:
            rules = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # noqa: BLE001 - a damaged or foreign file: load the rules again
        return None
    if not isinstance(rules, list) or not all(isinstance(r, Rule) for r in rules):
        return None
    try:
        os.utime(path)  # in use: not stale
    except OSError:
        pass
    return rules


def _store_rules(folder: Path, key: str, rules: list[Rule]) -> None:
    """Write the compiled rules atomically; any failure just means no cache next time."""
    import pickle
    import tempfile
    import time

    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
        with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False, prefix=".rules-",
                                         suffix=".tmp") as handle:
            handle.write(data)
        os.replace(handle.name, folder / f"rules-{key}.pickle")
        cutoff = time.time() - RULES_CACHE_STALE_DAYS * 86400
        for old in folder.glob("rules-*.pickle"):
            if old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
    except Exception:  # noqa: BLE001 - unpicklable compiled form, read-only folder, full disk
        try:
            Path(handle.name).unlink(missing_ok=True)  # type: ignore[possibly-undefined]
        except Exception:  # noqa: BLE001
            pass


def _load_rules(folders: list[Path]) -> list[Rule]:
    rules: list[Rule] = []
    errors: list[RuleFileError] = []
    for folder in folders:
        if not folder.is_dir():
            errors.append(RuleFileError(str(folder), 1, "", "this rule folder does not exist"))
            continue
        for path in rule_files(folder):
            file_rules, file_errors = load_rule_file(path)
            rules.extend(file_rules)
            errors.extend(file_errors)
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            first = seen[rule.id]
            errors.append(RuleFileError(rule.source, rule.line, "id",
                                        f"the rule id '{rule.id}' is already used at "
                                        f"{first.source}:{first.line}; every rule needs its own id"))
        seen.setdefault(rule.id, rule)
    for rule in rules:
        for other in rule.yields_to:  # a misspelt id would silently never apply
            if other == rule.id or other not in seen:
                why = ("a rule cannot yield to itself" if other == rule.id else
                       f"there is no rule '{other}'{closest(other, seen)} in the rules loaded")
                errors.append(RuleFileError(rule.source, rule.line, "yields_to", why))
    if errors:
        raise RuleLoadError(errors)
    return rules


def load_rule_file(path: Path) -> tuple[list[Rule], list[RuleFileError]]:
    where = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [RuleFileError(where, 1, "", f"this rule file could not be read: {exc}")]
    try:
        data, lines = load_yaml(text)
    except YamlProblem as exc:
        return [], [RuleFileError(where, exc.line, "", exc.message)]
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        return [], [RuleFileError(where, 1, "rules",
                                  "a rule file must have a top-level 'rules:' list")]
    extra = [k for k in data if k != "rules"]
    if extra:
        return [], [RuleFileError(where, line_of(lines, (extra[0],)), str(extra[0]),
                                  f"unknown top-level key '{extra[0]}'; a rule file holds only 'rules:'")]
    rules, errors = [], []
    for index, raw in enumerate(data["rules"]):
        try:
            rules.append(build_rule(raw, path, ("rules", index), lines))
        except RuleLoadError as exc:
            errors.extend(exc.errors)
    return rules, errors


def build_rule(raw: object, path: Path, at: tuple, lines: dict) -> Rule:
    where = str(path)

    def error(field_path: tuple, message: str) -> RuleLoadError:
        field = ".".join(str(p) for p in field_path)
        return RuleLoadError([RuleFileError(where, line_of(lines, at + tuple(field_path)), field, message)])

    if not isinstance(raw, dict):
        raise error((), "each item under 'rules:' must be a mapping of fields (id, kind, ...)")
    kind_name = raw.get("kind")
    kind = KINDS.get(kind_name) if isinstance(kind_name, str) else None
    if kind is None:
        raise error(("kind",), f"unknown kind '{kind_name}'{closest(kind_name, KINDS)}; "
                               f"kinds are: {', '.join(sorted(KINDS))}")
    common_keys = {f.alias or name for name, f in CommonFields.model_fields.items()}
    kind_keys = set(kind.options.model_fields)
    unknown = [k for k in raw if k not in common_keys | kind_keys]
    if unknown:
        key = unknown[0]
        raise error((key,), f"unknown field '{key}' for a '{kind_name}' rule"
                            f"{closest(key, common_keys | kind_keys)}")
    model = CommonFields
    try:
        common = CommonFields.model_validate({k: v for k, v in raw.items() if k in common_keys})
        model = kind.options
        options = kind.options.model_validate({k: v for k, v in raw.items() if k in kind_keys})
    except ValidationError as exc:
        # A misspelt key also makes the real one "missing": report the misspelling.
        errors = exc.errors()
        first = next((e for e in errors if e["type"] == "extra_forbidden"), None) or first_error(exc)
        loc = tuple("pass" if p == "pass_" else p for p in first["loc"])
        message = explain_pydantic(first)
        if first["type"] == "extra_forbidden":
            # A misspelt key inside a term, pattern or examples: suggest the closest one.
            message = f"unknown field '{loc[-1]}'{closest(loc[-1], field_names(model, loc[:-1]))}"
        raise error(loc, message) from None
    category = common.id.split(".", 1)[0]
    if category not in CATEGORIES:
        raise error(("id",), f"'{category}' is not a category{closest(category, CATEGORIES)}; "
                             f"categories are: {', '.join(CATEGORIES)}")
    if path.parent.name in CATEGORIES and path.parent.name != category:
        raise error(("id",), f"the rule '{common.id}' is in the '{path.parent.name}' folder; "
                             f"its id must start with '{path.parent.name}.'")
    spans = common.examples.spans
    if spans and len(spans) != len(common.examples.fail):
        raise error(("examples", "spans"), f"'spans' gives {len(spans)} span(s) for "
                                           f"{len(common.examples.fail)} fail example(s); give one "
                                           "for each, in order (\"\" for a whole-note finding)")
    for index, (span, example) in enumerate(zip(spans, common.examples.fail)):
        if span not in example:
            raise error(("examples", "spans", index), f"the span '{span}' is not in fail example "
                                                      f"{index + 1}; copy it from the example")
    allowed = {"match", "suggestion", *kind.placeholders}
    for field_path, message in messages(raw):
        try:
            fields = list(string.Formatter().parse(message))
        except ValueError:
            raise error(field_path, "the message has a '{' or '}' that does not belong to a "
                                    "placeholder such as {match}; write '{{' or '}}' for a brace") from None
        for _, name, _, _ in fields:
            if name is not None and name not in allowed:
                raise error(field_path, f"the message uses '{{{name}}}', which this kind does not "
                                        f"fill; use {', '.join('{' + a + '}' for a in sorted(allowed))}")
    if common.fix != "none" and not kind.fixable:
        raise error(("fix",), f"a '{kind_name}' rule gives no replacement text, so it has no fix: "
                              "remove 'fix' (or set it to none)")
    rule = Rule(id=common.id, kind=common.kind, severity=Severity(common.severity),
                message=common.message, description=common.description.strip(),
                principle=common.principle, summary=common.summary, options=options, references=common.references,
                exceptions=common.exceptions, suggestion=common.suggestion,
                skip_quoted=common.skip_quoted, enabled=common.enabled, fix=common.fix,
                once_per_file=common.once_per_file, yields_to=common.yields_to,
                fail_examples=common.examples.fail, pass_examples=common.examples.pass_,
                fail_spans=common.examples.spans,
                source=where, line=line_of(lines, at))
    if kind.compile is not None:
        try:
            rule.compiled = kind.compile(rule)
        except RuleProblem as exc:
            raise error(exc.field, exc.message) from None
    return rule


def messages(value, path: tuple = ()):
    """Every 'message' string in a rule (its own, and per-term or per-pattern ones)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "message" and isinstance(item, str):
                yield path + (key,), item
            else:
                yield from messages(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from messages(item, path + (index,))


def closest(word: object, choices) -> str:
    if not isinstance(word, str):
        return ""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{match[0]}'?)" if match else ""


def field_names(model: type[BaseModel], path: tuple) -> list[str]:
    """The keys allowed at ``path`` inside ``model`` (list indexes skipped)."""
    for part in path:
        if isinstance(part, int):
            continue
        fields = {f.alias or name: f for name, f in model.model_fields.items()}
        inner = _inner_model(fields[part].annotation) if part in fields else None
        if inner is None:
            return []
        model = inner
    return [f.alias or name for name, f in model.model_fields.items()]


def _inner_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def first_error(exc: ValidationError) -> dict:
    """The error to report, its place without pydantic's names for the branches of a field
    that takes one of two shapes ('constrained-str', 'function-after[...]'). For such a
    field ("term: text, or a list of wordings") the branch the value has the shape of says
    what is wrong ("the list of wordings is empty"), not the other ("must be a valid
    string"); when the value has neither shape, the first."""
    errors = exc.errors()
    fitting = [e for e in errors if not e["type"].endswith("_type") and e["type"] != "none_required"]
    first = dict((fitting or errors)[0])
    first["loc"] = tuple(p for p in first["loc"] if not (isinstance(p, str) and ("[" in p or "-" in p)))
    return first


def explain_pydantic(error: dict) -> str:
    kind = error["type"]
    if kind == "missing":
        return "this field is required"
    if kind == "string_pattern_mismatch":
        return ("a rule id is '<category>.<name>' in lower case with hyphens, "
                "e.g. 'jargon.undefined-acronym'")
    if kind == "literal_error":
        return f"{error['msg'].replace('Input should be', 'must be')}"
    if kind == "too_short":
        return "give at least one"
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "string_type" and isinstance(error.get("input"), bool):
        # YAML reads unquoted yes/no/on/off as true/false.
        return "this should be text, but YAML read it as true/false: put it in quotes, e.g. 'off'"
    if kind == "dict_type":
        return "must be a set of 'name: value' lines indented under it, not a single value"
    if kind == "list_type":
        return "must be a list: one '- item' line for each, or [a, b]"
    if kind == "value_error":  # a kind's own check, already in plain words
        return error["msg"].removeprefix("Value error, ")
    return error["msg"].replace("Input should be", "must be")


def with_options(rule: Rule, overrides: dict) -> Rule:
    """A copy of ``rule`` with some of its kind's options changed (config key ``options``).
    Raises ValueError with a plain message when an override is not valid."""
    import dataclasses

    kind = KINDS[rule.kind]
    unknown = [k for k in overrides if k not in kind.options.model_fields]
    if unknown:
        raise ValueError(f"'{rule.id}' has no option '{unknown[0]}'"
                         f"{closest(unknown[0], kind.options.model_fields)}; its options are: "
                         f"{', '.join(kind.options.model_fields)}")
    try:
        options = kind.options.model_validate({**rule.options.model_dump(), **overrides})
    except ValidationError as exc:
        first = first_error(exc)
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"option '{where}' of '{rule.id}': {explain_pydantic(first)}") from None
    changed = dataclasses.replace(rule, options=options)
    if kind.compile is not None:
        try:
            changed.compiled = kind.compile(changed)
        except RuleProblem as exc:
            raise ValueError(f"option '{'.'.join(map(str, exc.field))}' of '{rule.id}': {exc.message}") from None
    return changed
