"""The language server: a thin room around one ``Checker``.

- Markdown and plain-text documents are checked when opened and, 300 ms after the typing
  stops, when changed; only the changed document. Each document follows its nearest
  notecheck.yaml / .notecheck.yaml / [tool.notecheck] (the Checker finds it from the path).
- One Checker for the whole session, so the spaCy pipeline loads once. Checks run on one
  worker thread, so hover and quick fixes answer while a long note is being checked.
- Quick fixes come from the findings' own fixes; "suppress here" writes
  ``notecheck: ignore[rule-id]`` at the end of the line (as an HTML comment in Markdown);
  hover explains the rule.
- Note text never goes into a log: pygls logs message bodies (which hold the document) at
  debug and info level, so its loggers are cut down to warnings with every value left out,
  and an error is reported by its type only.
"""

from __future__ import annotations

import asyncio
import logging
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from notecheck import __version__
from notecheck.diagnostics import Diagnostic, Severity

DEBOUNCE_SECONDS = 0.3
LANGUAGES = {"markdown", "plaintext", "text"}
SUFFIXES = {".md", ".markdown", ".txt"}
CONFIG_FILES = {"notecheck.yaml", ".notecheck.yaml", "pyproject.toml"}
DOCS = "https://github.com/notecheck/notecheck/blob/main/README.md"
SOURCE = "notecheck"
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.notecheck"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_NEWLINE = re.compile(r"\r\n|\r|\n")
_IGNORE = re.compile(r"notecheck:\s*ignore\[([^\]\n]*)\]", re.IGNORECASE)

log = logging.getLogger("notecheck.lsp")


@dataclass
class Checked:
    """One document as it was checked: its version and text, and what was found."""

    version: int | None
    text: str
    diagnostics: list[Diagnostic]
    markdown: bool
    rules: dict = field(default_factory=dict)  # rule id -> Rule, for hover
    body_line: int = 1  # the first line of the note: the lines before it are front matter
    lines: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lines = _NEWLINE.split(self.text)


class NotecheckServer(LanguageServer):
    def __init__(self, **options):
        """``options`` are the Checker's (select, ignore, profile, ...); the results cache
        is off, so nothing is written in the user's folders."""
        super().__init__("notecheck", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        options.setdefault("cache", False)
        self.options = options
        self._checker = None
        self._stamps: dict[Path, int] = {}  # each config file read, and when it was changed
        self.checked: dict[str, Checked] = {}
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="notecheck-check")

    # -- checking ---------------------------------------------------------------------

    def checker(self):
        """The session's one Checker (built on first use, on the worker thread)."""
        if self._checker is None:
            from notecheck.checker import Checker

            self._checker = Checker(**self.options)
        return self._checker

    def wanted(self, uri: str) -> bool:
        document = self.workspace.get_text_document(uri)
        return (document.language_id in LANGUAGES
                or Path(document.path or "").suffix.lower() in SUFFIXES)

    def schedule(self, uri: str, delay: float = DEBOUNCE_SECONDS) -> None:
        """Check a document after ``delay`` seconds, unless it changes again before then."""
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        loop = asyncio.get_running_loop()
        self.timers[uri] = loop.call_later(delay, lambda: asyncio.ensure_future(self.check(uri)))

    async def check(self, uri: str) -> None:
        self.timers.pop(uri, None)
        if uri not in self.workspace.text_documents or not self.wanted(uri):
            return
        document = self.workspace.get_text_document(uri)
        version, text = document.version, document.source
        path = document.path if uri.startswith("file:") else None
        markdown = (document.language_id == "markdown"
                    or Path(document.path or "").suffix.lower() in (".md", ".markdown"))
        loop = asyncio.get_running_loop()
        try:
            checked = await loop.run_in_executor(self.worker, self._check, text, path, version, markdown)
        except Exception as exc:  # noqa: BLE001 - say what kind of error, never the text
            log.error("checking a document failed (%s)", type(exc).__name__)
            return
        current = self.workspace.text_documents.get(uri)
        if current is None or current.version != version:
            return  # changed while it was checked: the newer check will publish
        self.checked[uri] = checked
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
            uri=uri, version=version, diagnostics=[self.to_lsp(d, checked) for d in checked.diagnostics]))

    def _check(self, text: str, path: str | None, version, markdown: bool) -> Checked:
        from notecheck.checker import SetupError
        from notecheck.notes import InputProblem
        from notecheck.notes.text import normalise_newlines, split_front_matter

        try:
            self._follow_config(path)
            checker = self.checker()
            diagnostics = checker.check_text(text, path=path or "<text>")
            rules = checker.rules_for(checker.config_for(path))
        except SetupError as exc:
            # A broken config or rule file: shown where the writer is looking.
            problem = Diagnostic(path=path or "<text>", note=None, line=1, column=1, end_line=1,
                                 end_column=1, rule="notecheck.setup", category="notecheck",
                                 severity=Severity.ERROR,
                                 message=f"notecheck could not check this document: {exc}")
            return Checked(version, text, [problem], markdown)
        try:
            skipped = split_front_matter(path or "<text>", normalise_newlines(text))[2]
        except InputProblem:
            skipped = len(_NEWLINE.split(text))
        return Checked(version, text, diagnostics, markdown, _rules_by_id(rules), skipped + 1)

    def _follow_config(self, path: str | None) -> None:
        """When the document's config file has changed since it was read, start again
        with a new Checker, so the change applies without restarting the editor."""
        from notecheck.config import find_config

        try:
            source = find_config(Path(path) if path else Path.cwd())
            stamp = source.stat().st_mtime_ns if source is not None else None
        except OSError:
            return
        if source is not None and self._stamps.get(source, stamp) != stamp:
            self._checker = None
            self._stamps.clear()
        if source is not None:
            self._stamps[source] = stamp

    def recheck_all(self) -> None:
        for uri in list(self.checked):
            self.schedule(uri, 0)

    # -- positions --------------------------------------------------------------------

    def position(self, checked: Checked, line: int, column: int) -> types.Position:
        """A notecheck (1-based, characters) position as the client counts (0-based, in
        the negotiated units: UTF-16 unless the client chose otherwise)."""
        index = min(max(line - 1, 0), len(checked.lines) - 1)
        text = checked.lines[index]
        characters = min(max(column - 1, 0), len(text))
        return types.Position(line=index, character=self.workspace.position_codec.client_num_units(text[:characters]))

    def from_client(self, checked: Checked, position: types.Position) -> tuple[int, int]:
        """A client position as a notecheck (line, column)."""
        if position.line >= len(checked.lines):
            return len(checked.lines), len(checked.lines[-1]) + 1
        text = checked.lines[position.line]
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return position.line + 1, index + 1
            units += self.workspace.position_codec.client_num_units(char)
        return position.line + 1, len(text) + 1

    def range(self, checked: Checked, line, column, end_line, end_column) -> types.Range:
        return types.Range(start=self.position(checked, line, column),
                           end=self.position(checked, end_line, end_column))

    # -- what the client sees -----------------------------------------------------------

    def to_lsp(self, d: Diagnostic, checked: Checked) -> types.Diagnostic:
        message = d.message
        if d.suggestion and d.suggestion not in message:
            message += f" Instead: {d.suggestion}"
        rule = checked.rules.get(d.rule)
        href = next((r for r in getattr(rule, "references", ()) if r.startswith(("https://", "http://"))),
                    DOCS)
        return types.Diagnostic(
            range=self.range(checked, d.line, d.column, d.end_line, d.end_column),
            message=message, severity=SEVERITIES[d.severity], code=d.rule, source=SOURCE,
            code_description=types.CodeDescription(href=href))

    def current(self, uri: str) -> Checked | None:
        """What was found in the document as the client has it now (None when it has
        changed since: the findings would point at the wrong text)."""
        checked = self.checked.get(uri)
        document = self.workspace.text_documents.get(uri)
        if checked is None or document is None or document.version != checked.version:
            return None
        return checked

    def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = self.current(uri)
        if checked is None:
            return []
        only = params.context.only
        def allowed(kind: str) -> bool:
            return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)

        start = self.from_client(checked, params.range.start)
        end = self.from_client(checked, params.range.end)
        actions = []
        for d in checked.diagnostics:
            if not ((d.line, d.column) <= end and start <= (d.end_line, d.end_column)):
                continue
            shown = self.to_lsp(d, checked)
            if d.fix is not None and allowed(types.CodeActionKind.QuickFix):
                actions.append(self.quick_fix(uri, checked, d, shown))
            suppress = self.suppress(uri, checked, d, shown)
            if suppress is not None and allowed(types.CodeActionKind.QuickFix):
                actions.append(suppress)
        fix_all = self.fix_all(uri, checked)
        if fix_all is not None and (only is None and actions or only is not None and allowed(FIX_ALL)):
            actions.append(fix_all)
        return actions

    def quick_fix(self, uri, checked, d, shown) -> types.CodeAction:
        safe = d.fix.applicability == "safe"
        texts = " and ".join(f"'{e.new_text}'" for e in d.fix.edits)
        title = f"Write {texts} instead" + ("" if safe else " (check that the meaning is kept)")
        return types.CodeAction(
            title=title, kind=types.CodeActionKind.QuickFix, diagnostics=[shown], is_preferred=safe,
            edit=types.WorkspaceEdit(changes={uri: self.text_edits(checked, d.fix.edits)}))

    def text_edits(self, checked, edits) -> list[types.TextEdit]:
        return [types.TextEdit(range=self.range(checked, e.line, e.column, e.end_line, e.end_column),
                               new_text=e.new_text) for e in edits]

    def suppress(self, uri, checked, d, shown) -> types.CodeAction | None:
        """'Suppress here': notecheck: ignore[rule-id] at the end of the finding's line
        (added to one already there), not in the front matter."""
        if d.rule.startswith(("notecheck.", "input.")) or d.line < checked.body_line:
            return None
        if d.line > len(checked.lines):
            return None
        text = checked.lines[d.line - 1]
        existing = _IGNORE.search(text)
        if existing:
            targets = [t for t in re.split(r"[\s,]+", existing.group(1)) if t]
            if d.rule in targets:
                return None
            column = existing.end(1) + 1
            new_text = f", {d.rule}" if targets else d.rule
        else:
            column = len(text.rstrip()) + 1
            new_text = (f" <!-- notecheck: ignore[{d.rule}] -->" if checked.markdown
                        else f"  notecheck: ignore[{d.rule}]")
        edit = types.TextEdit(range=self.range(checked, d.line, column, d.line, column), new_text=new_text)
        return types.CodeAction(title=f"Suppress {d.rule} on this line", kind=types.CodeActionKind.QuickFix,
                                diagnostics=[shown], edit=types.WorkspaceEdit(changes={uri: [edit]}))

    def fix_all(self, uri, checked) -> types.CodeAction | None:
        """Every safe fix in the document that does not overlap another, in one edit."""
        taken, edits = [], []
        for d in checked.diagnostics:
            if d.fix is None or d.fix.applicability != "safe":
                continue
            spans = [((e.line, e.column), (e.end_line, e.end_column)) for e in d.fix.edits]
            if any(a < y and x < b or a == x for a, b in spans for x, y in taken):
                continue
            taken.extend(spans)
            edits.extend(d.fix.edits)
        if not edits:
            return None
        return types.CodeAction(title="Fix every safe notecheck finding in this document", kind=FIX_ALL,
                                edit=types.WorkspaceEdit(changes={uri: self.text_edits(checked, edits)}))

    def hover(self, params: types.HoverParams) -> types.Hover | None:
        checked = self.current(params.text_document.uri)
        if checked is None:
            return None
        line, column = self.from_client(checked, params.position)
        found = [d for d in checked.diagnostics
                 if (d.line, d.column) <= (line, column) <= (d.end_line, d.end_column)
                 or (d.line == d.end_line == line and d.column == d.end_column)]
        if not found:
            return None
        parts = [explanation(d, checked.rules.get(d.rule)) for d in found]
        first = found[0]
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)),
            range=self.range(checked, first.line, first.column, first.end_line, first.end_column))


def explanation(d: Diagnostic, rule) -> str:
    """A finding explained: what is wrong, why it matters, the principle, what to write
    instead and where to read more."""
    lines = [f"**{d.rule}** ({d.severity.value})", "", _plain(d.message)]
    if rule is not None:
        lines += ["", _plain(" ".join(rule.description.split())),
                  "", f"**Principle:** {_plain(rule.principle)}"]
    else:
        from notecheck.checker import ENGINE_CHECKS

        if d.rule in ENGINE_CHECKS:
            lines += ["", f"notecheck reports {ENGINE_CHECKS[d.rule]}."]
    instead = d.suggestion or (rule.suggestion if rule is not None else None)
    if instead:
        lines += ["", f"**What to write instead:** {_plain(instead)}"]
    if d.fix is not None:
        texts = " and ".join(f"'{e.new_text}'" for e in d.fix.edits)
        how = "a quick fix" if d.fix.applicability == "safe" else "a quick fix to check first"
        lines += ["", f"**Fix:** write {_plain(texts)} ({how})."]
    references = [r for r in getattr(rule, "references", ()) if r.startswith(("https://", "http://"))]
    if references:
        lines += ["", "Read more: " + ", ".join(f"<{r}>" for r in references)]
    return "\n".join(lines)


_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#|])")


def _plain(text: str) -> str:
    """Text shown as it is, not as Markdown."""
    return _MARKDOWN.sub(r"\\\1", text)


def _rules_by_id(rules) -> dict:
    cached = getattr(rules, "_by_id", None)
    if cached is None:
        cached = {r.id: r for r in rules.loaded}
        try:
            rules._by_id = cached
        except AttributeError:
            pass
    return cached


# -- wiring ---------------------------------------------------------------------------

def build(**options) -> NotecheckServer:
    server = NotecheckServer(**options)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    async def did_open(ls: NotecheckServer, params: types.DidOpenTextDocumentParams):
        await ls.check(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NotecheckServer, params: types.DidChangeTextDocumentParams):
        if ls.wanted(params.text_document.uri):
            ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NotecheckServer, params: types.DidSaveTextDocumentParams):
        if Path(ls.workspace.get_text_document(params.text_document.uri).path or "").name in CONFIG_FILES:
            ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NotecheckServer, params: types.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        timer = ls.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        if ls.checked.pop(uri, None) is not None:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]))
    def code_action(ls: NotecheckServer, params: types.CodeActionParams):
        try:
            return ls.code_actions(params)
        except Exception as exc:  # noqa: BLE001 - an error's text may quote the note
            log.error("code actions failed (%s)", type(exc).__name__)
            return []

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NotecheckServer, params: types.HoverParams):
        try:
            return ls.hover(params)
        except Exception as exc:  # noqa: BLE001
            log.error("hover failed (%s)", type(exc).__name__)
            return None

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NotecheckServer, params):
        for timer in ls.timers.values():
            timer.cancel()
        ls.timers.clear()
        ls.worker.shutdown(wait=False, cancel_futures=True)

    return server


def _report_server_error(self, error, source) -> None:
    """pygls shows the error's text to the user; it may quote the note: its type only."""
    log.error("notecheck's language server hit an error (%s)", type(error).__name__)


NotecheckServer.report_server_error = _report_server_error


class WithoutValues(logging.Filter):
    """Keeps a log record's wording and drops its values (message bodies, documents,
    exception messages), so no note text reaches a log."""

    _PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrfixXeEgGc%]")

    def filter(self, record: logging.LogRecord) -> bool:
        message = self._PLACEHOLDER.sub("…", str(record.msg)) if record.args else str(record.msg)
        if record.exc_info and record.exc_info[0] is not None:
            message += f" ({record.exc_info[0].__name__})"
        record.msg, record.args = message, None
        record.exc_info = record.exc_text = record.stack_info = None
        return True


def quiet_logs(stream=None) -> logging.Handler:
    """pygls and notecheck log warnings and errors to stderr (the editor's server log),
    without their values; nothing else."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(WithoutValues())
    handler.setFormatter(logging.Formatter("notecheck lsp: %(levelname)s: %(name)s: %(message)s"))
    for name in ("", "pygls", "lsprotocol", "notecheck", "asyncio", "concurrent.futures"):
        logger = logging.getLogger(name)
        logger.handlers = [handler]
        logger.setLevel(logging.WARNING)
        logger.propagate = name == ""
    logging.captureWarnings(True)
    return handler


def serve() -> None:
    """Run the language server on standard input and output until the client says exit."""
    quiet_logs()
    build().start_io()
