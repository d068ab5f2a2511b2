"""notecheck lsp, end to end: a real LSP client (pytest-lsp) starts `notecheck lsp` and
talks to it over stdio as an editor would: initialize, open, change, diagnostics at exact
ranges, quick fixes applied to the text, suppress here, hover, shutdown.

One server for the module (the spaCy pipeline loads once, as in an editor). Each test
works in its own folder with a notecheck.yaml, so the document's own config is used.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("pygls")
pytest_lsp = pytest.importorskip("pytest_lsp")

from lsprotocol import types  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities  # noqa: E402

from notecheck.rules.loader import builtin_rules_dir, load_rules  # noqa: E402

SRC = Path(__file__).resolve().parents[1] / "src"
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
SERVER = [sys.executable, "-m", "notecheck", "lsp"]
TIMEOUT = 120  # the first check loads the spaCy pipeline

# Every async test shares the module's server (and its event loop).
shared_server = pytest.mark.asyncio(loop_scope="module")

CONFIG = "select: [jargon.formal-word, jargon.undefined-acronym, jargon.note-shorthand]\n"

NOTE = textwrap.dedent("""\
    ---
    subject: Jamie
    ---
    Commence the visit with Jamie.
    🙂 The SW will assist Mum on Friday.
    """)


@pytest_lsp.fixture(scope="module", config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def client(lsp_client: LanguageClient, tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=client_capabilities("visual-studio-code"), root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="notes")]))
    yield
    await lsp_client.shutdown_session()


_folders: list[Path] = []


@pytest.fixture(scope="module", autouse=True)
def _base(tmp_path_factory):
    _folders.append(tmp_path_factory.mktemp("notes"))
    yield
    _folders.pop()


def folder(config: str = CONFIG) -> Path:
    """A fresh folder with its own notecheck.yaml."""
    path = _folders[-1] / str(len(list(_folders[-1].iterdir())))
    path.mkdir()
    (path / "notecheck.yaml").write_text(config, encoding="utf-8")
    return path


async def published(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """Wait for the diagnostics of this version of the document."""
    async def wait():
        while True:
            params = await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
            if params.uri == uri and params.version == version:
                return list(params.diagnostics)
    return await asyncio.wait_for(wait(), TIMEOUT)


async def open_note(client: LanguageClient, name: str, text: str, language: str = "markdown",
                    config: str = CONFIG) -> tuple[str, list[types.Diagnostic]]:
    uri = (folder(config) / name).as_uri()
    waiting = asyncio.ensure_future(published(client, uri, 1))
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
    return uri, await waiting


def spans(diagnostics) -> list[tuple]:
    return sorted((d.code, d.range.start.line, d.range.start.character, d.range.end.line,
                   d.range.end.character) for d in diagnostics)


def utf16(line: str, character: int) -> int:
    """A UTF-16 column (what the client counts) as a Python string index."""
    units = 0
    for index, char in enumerate(line):
        if units >= character:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) as an editor does, last first."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        line = lines[position.line] if position.line < len(lines) else ""
        return starts[min(position.line, len(lines))] + utf16(line, position.character)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


async def actions_at(client, uri, diagnostic, only=None) -> list[types.CodeAction]:
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic], only=only)))


def rule(rule_id: str):
    return next(r for r in load_rules([builtin_rules_dir()]) if r.id == rule_id)


# --- diagnostics -------------------------------------------------------------------------

@shared_server
async def test_diagnostics_on_open_at_exact_ranges_in_utf16(client: LanguageClient):
    uri, found = await open_note(client, "visit.md", NOTE)
    # Line 3 (0-based) is "Commence the visit..."; line 4 starts with an emoji, which is
    # two UTF-16 units, so "SW" starts at character 7 and "assist" at 15.
    assert spans(found) == [
        ("jargon.formal-word", 3, 0, 3, 8),
        ("jargon.formal-word", 4, 15, 4, 21),
        ("jargon.undefined-acronym", 4, 7, 4, 9),
    ]
    by_code = {(d.code, d.range.start.line): d for d in found}
    formal = by_code["jargon.formal-word", 3]
    assert formal.severity == types.DiagnosticSeverity.Information
    assert formal.source == "notecheck"
    assert formal.code_description.href == rule("jargon.formal-word").references[0]
    assert formal.message.startswith("'Commence' is more formal than it needs to be.")
    acronym = by_code["jargon.undefined-acronym", 4]
    assert acronym.severity == types.DiagnosticSeverity.Warning
    assert "'SW' may not be clear" in acronym.message


@shared_server
async def test_plain_text_is_checked_and_other_languages_are_not(client: LanguageClient):
    _, found = await open_note(client, "call.txt", "Tel call to Mum prior to the visit.\n",
                               language="plaintext")
    assert spans(found) == [("jargon.formal-word", 0, 16, 0, 24), ("jargon.note-shorthand", 0, 0, 0, 8)]

    uri = (folder() / "script.py").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="python", version=1, text="# Commence prior to the visit\n")))
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(published(client, uri, 1), 1.5)


@shared_server
async def test_changes_are_checked_once_typing_stops(client: LanguageClient):
    uri, found = await open_note(client, "typing.md", "A quiet visit.\n")
    assert found == []
    text = "A quiet visit.\n"
    for version, typed in enumerate(["Prior", " to", " tea."], start=2):
        text = text.rstrip("\n") + typed + "\n"
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    # Debounced: the three quick changes are checked once, as the last version.
    found = await published(client, uri, 4)
    assert text == "A quiet visit.Prior to tea.\n"
    assert spans(found) == [("jargon.formal-word", 0, 14, 0, 22)]


# --- quick fixes -------------------------------------------------------------------------

@shared_server
async def test_quick_fix_edit_gives_the_fixed_text(client: LanguageClient):
    uri, found = await open_note(client, "fix.md", NOTE)
    formal = next(d for d in found if d.range.start.line == 3)
    actions = await actions_at(client, uri, formal)
    fix = next(a for a in actions if a.title == "Write 'Start' instead")
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert apply_edits(NOTE, fix.edit.changes[uri]).splitlines()[3] == "Start the visit with Jamie."

    acronym = next(d for d in found if d.code == "jargon.undefined-acronym")
    fix = next(a for a in await actions_at(client, uri, acronym) if a.title.startswith("Write"))
    assert apply_edits(NOTE, fix.edit.changes[uri]).splitlines()[4] == \
        "🙂 The social worker (SW) will assist Mum on Friday."


@shared_server
async def test_fix_all_applies_every_safe_fix(client: LanguageClient):
    uri, found = await open_note(client, "all.md", NOTE)
    actions = await actions_at(client, uri, found[0], only=[types.CodeActionKind.SourceFixAll])
    assert [a.kind for a in actions] == ["source.fixAll.notecheck"]
    assert apply_edits(NOTE, actions[0].edit.changes[uri]) == NOTE.replace(
        "Commence", "Start").replace("SW will assist", "social worker (SW) will help")


@shared_server
async def test_suppress_here_writes_an_ignore_comment_that_hides_the_finding(client: LanguageClient):
    uri, found = await open_note(client, "suppress.md", NOTE)
    formal = next(d for d in found if d.range.start.line == 4 and d.code == "jargon.formal-word")
    suppress = next(a for a in await actions_at(client, uri, formal) if a.title.startswith("Suppress"))
    assert suppress.title == "Suppress jargon.formal-word on this line"
    suppressed = apply_edits(NOTE, suppress.edit.changes[uri])
    assert suppressed.splitlines()[4] == \
        "🙂 The SW will assist Mum on Friday. <!-- notecheck: ignore[jargon.formal-word] -->"

    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=suppressed)]))
    after = await published(client, uri, 2)
    assert spans(after) == [("jargon.formal-word", 3, 0, 3, 8), ("jargon.undefined-acronym", 4, 7, 4, 9)]

    # A second rule on the same line joins the same comment.
    acronym = next(d for d in after if d.code == "jargon.undefined-acronym")
    suppress = next(a for a in await actions_at(client, uri, acronym) if a.title.startswith("Suppress"))
    assert apply_edits(suppressed, suppress.edit.changes[uri]).splitlines()[4] == (
        "🙂 The SW will assist Mum on Friday. "
        "<!-- notecheck: ignore[jargon.formal-word, jargon.undefined-acronym] -->")


@shared_server
async def test_suppress_in_plain_text_is_a_plain_comment(client: LanguageClient):
    text = "Tel call to Mum.\n"
    uri, found = await open_note(client, "plain.txt", text, language="plaintext")
    suppress = next(a for a in await actions_at(client, uri, found[0]) if a.title.startswith("Suppress"))
    assert apply_edits(text, suppress.edit.changes[uri]) == \
        "Tel call to Mum.  notecheck: ignore[jargon.note-shorthand]\n"


# --- hover -------------------------------------------------------------------------------

@shared_server
async def test_hover_explains_the_rule(client: LanguageClient):
    uri, found = await open_note(client, "hover.md", NOTE)
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=3, character=3)))
    shown = hover.contents.value
    formal = rule("jargon.formal-word")
    assert hover.range == types.Range(start=types.Position(line=3, character=0),
                                      end=types.Position(line=3, character=8))
    assert shown.startswith("**jargon.formal-word** (info)")
    assert "Case notes are read by parents, carers, young people" in shown  # the description
    assert f"**Principle:** {formal.principle}" in shown
    assert "**What to write instead:** start" in shown
    assert "**Fix:** write 'Start' (a quick fix)." in shown
    assert f"<{formal.references[0]}>" in shown

    nothing = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=3, character=12)))
    assert nothing is None


@shared_server
async def test_the_documents_own_config_is_used(client: LanguageClient):
    _, found = await open_note(client, "own.md", NOTE, config="select: [jargon.undefined-acronym]\n")
    assert spans(found) == [("jargon.undefined-acronym", 4, 7, 4, 9)]


# --- logs --------------------------------------------------------------------------------

@shared_server
async def test_note_text_never_reaches_the_servers_log(tmp_path):
    """Even with debug logging switched on before the server starts, pygls's message
    bodies (which quote the note) and error texts are kept out of its log."""
    log = tmp_path / "server.log"
    start = ("import logging, sys; sys.stderr = open(sys.argv[1], 'w', buffering=1); "
             "logging.basicConfig(level=logging.DEBUG); sys.argv[1:] = ['lsp']; "
             "from notecheck.cli import main; main()")
    config = ClientServerConfig(server_command=[sys.executable, "-c", start, str(log)], server_env=ENV)
    lsp = await config.start()
    try:
        await lsp.initialize_session(types.InitializeParams(capabilities=client_capabilities("neovim")))
        uri = (folder() / "secret.md").as_uri()
        text = "Zanzibarine commence the visit prior to tea.\n"
        waiting = asyncio.ensure_future(published(lsp, uri, 1))
        lsp.text_document_did_open(types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
        found = await waiting
        assert found  # the note was checked, and its findings (which quote it) were sent
        await lsp.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=0, character=14)))
        await lsp.shutdown_session()
    finally:
        await lsp.stop()
    written = log.read_text(encoding="utf-8")
    for secret in ("Zanzibarine", "commence", "prior to", "formal"):
        assert secret not in written.lower()


def test_log_filter_keeps_the_wording_and_drops_the_values():
    import io

    from notecheck.lsp.server import quiet_logs

    names = ("", "pygls", "lsprotocol", "notecheck", "asyncio", "concurrent.futures")
    saved = [(logging.getLogger(n), list(logging.getLogger(n).handlers), logging.getLogger(n).level,
              logging.getLogger(n).propagate) for n in names]
    stream = io.StringIO()
    quiet_logs(stream)
    try:
        logger = logging.getLogger("pygls.protocol.json_rpc")
        logger.info("Sending data: %s", '{"text": "Mum was drunk"}')
        logger.warning('Unknown message "%s"', '{"text": "Mum was drunk"}')
        try:
            raise ValueError("Mum was drunk")
        except ValueError:
            logger.exception("Unable to handle message")
    finally:
        logging.captureWarnings(False)
        for logger, handlers, level, propagate in saved:
            logger.handlers, logger.level, logger.propagate = handlers, level, propagate
    written = stream.getvalue()
    assert "drunk" not in written
    assert re.findall(r"WARNING: .*|ERROR: .*", written) == [
        'WARNING: pygls.protocol.json_rpc: Unknown message "…"',
        "ERROR: pygls.protocol.json_rpc: Unable to handle message (ValueError)",
    ]


@shared_server
async def test_a_changed_config_is_used_at_the_next_check(client: LanguageClient):
    uri, found = await open_note(client, "config.md", NOTE)
    assert len(found) == 3
    config = Path(uri.removeprefix("file://")).parent / "notecheck.yaml"
    config.write_text("select: [jargon.undefined-acronym]\n", encoding="utf-8")
    later = config.stat().st_mtime + 5
    os.utime(config, (later, later))
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=NOTE)]))
    assert spans(await published(client, uri, 2)) == [("jargon.undefined-acronym", 4, 7, 4, 9)]


@shared_server
async def test_a_broken_config_is_shown_at_the_top_of_the_document(client: LanguageClient):
    _, found = await open_note(client, "broken.md", NOTE, config="selcet: [jargon]\n")
    assert spans(found) == [("notecheck.setup", 0, 0, 0, 0)]
    assert found[0].severity == types.DiagnosticSeverity.Error
    assert "notecheck.yaml:1" in found[0].message and "select" in found[0].message
