"""What a person at a terminal sees while a long run goes on."""

from __future__ import annotations

import sys


class TerminalProgress:
    """A rich progress bar on stderr, shown only once a run has taken a couple of seconds."""

    DELAY = 2.0

    def __init__(self):
        import time

        self.clock = time.monotonic
        self.started = self.clock()
        self.bar = None
        self.total = 0
        self.files = self.notes = 0

    def start(self, total: int) -> None:
        self.total = total

    def note(self) -> None:
        self.notes += 1
        if self.notes % 50 == 0:
            self._update()

    def file_done(self) -> None:
        self.files += 1
        self._update()

    def _update(self) -> None:
        if self.bar is None:
            if self.clock() - self.started < self.DELAY:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("checking"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("files, {task.fields[notes]} notes"), TimeElapsedColumn(),
                                console=Console(stderr=True), transient=True,
                                redirect_stdout=sys.stdout.isatty(), redirect_stderr=False)
            self.task = self.bar.add_task("check", total=self.total, notes=0)
            self.bar.start()
        self.bar.update(self.task, completed=self.files, notes=self.notes)

    def stop(self) -> None:
        if self.bar is not None:
            self.bar.stop()


class CurrentStdout:
    """Whatever sys.stdout is at the moment of each write."""

    def write(self, text: str) -> int:
        return sys.stdout.write(text)

    def __getattr__(self, name):
        return getattr(sys.stdout, name)
