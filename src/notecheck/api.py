"""notecheck as a library: the one path's public door.

    import notecheck

    for d in notecheck.check_text("Visited Jamie. LAC review booked.",
                                  {"subject": "Jamie", "subject_type": "child"}):
        print(d.line, d.column, d.rule, d.message)

    result = notecheck.check_paths(["notes/"], profile="training")
    print(result.exit_code, len(result.diagnostics))

Both build a ``Checker`` for one call. To check many texts (a server, an editor), build
one ``Checker`` and call its ``check_text`` each time: the pipeline loads once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from notecheck.checker import Checker, Options, SetupError
from notecheck.config import Config
from notecheck.diagnostics import Diagnostic

__all__ = ["Checker", "Options", "SetupError", "Result", "check_text", "check_paths"]


@dataclass
class Result:
    diagnostics: list[Diagnostic]
    files: int = 0
    notes: int = 0
    exit_code: int = 0  # 0 nothing to report, 1 findings at or above fail_on, 2 a rule failed
    warnings: list[str] = field(default_factory=list)


def check_text(text: str, metadata: dict | None = None,
               config: Config | str | Path | dict | None = None, **options) -> list[Diagnostic]:
    """The diagnostics for one note, in reading order.

    ``metadata``: subject, subject_type (child|adult), note_type, contact_date,
    recorded_date, author, id. ``config``: a Config, a config file's path or a dict of
    config keys (default: the nearest config from the current folder). ``options``: any
    field of ``Options`` (select, ignore, profile, mask, today, ...)."""
    return Checker(config, **options).check_text(text, metadata)


def check_paths(paths: Iterable[str | Path], config: Config | str | Path | dict | None = None,
                *, exclude: Iterable[str] = (), **options) -> Result:
    """The diagnostics for files and folders, each file under its nearest config unless
    ``config`` is given."""
    from notecheck.runner import Counts

    checker = Checker(config, **options)
    counts = Counts()
    diagnostics = list(checker.check_paths([str(p) for p in paths], exclude, counts=counts))
    return Result(diagnostics, counts.files, counts.notes, checker.exit_code(diagnostics),
                  list(checker.warnings))
