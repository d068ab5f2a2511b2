"""notecheck serve: a page to check a note in the browser, a LanguageTool-compatible API,
and notecheck's own JSON API, on this computer.

One ``Engine`` holds the Checker (loaded and warmed once, at start-up) and one worker
thread that runs every check, so the spaCy pipeline is never used by two requests at
once. Short notes go ahead of long ones in the queue; a request that cannot start within
the time budget is answered 503, and notes too long to check quickly are refused (413).

Notes are confidential: nothing here logs, caches or stores note text. The access log
is off; errors are logged by type only.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import fnmatch
import hmac
import ipaddress
import itertools
import logging
import queue
import re
import threading
import time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from notecheck import __version__
from notecheck.checker import ENGINE_CHECKS, INTERNAL_ERROR, Checker, SetupError
from notecheck.diagnostics import Diagnostic
from notecheck.serve import languagetool as lt
from notecheck.serve.positions import TextPositions, replacement

log = logging.getLogger("notecheck.serve")

STATIC = Path(__file__).resolve().parent / "static"
MAX_BODY = 1_000_000        # bytes in a request body; more is refused with 413
MAX_NOTE_CHARS = 50_000     # characters in one note (about 8,000 words); more is 413
SMALL_NOTE = 5_000          # notes up to this many characters are checked first
QUEUE_BUDGET = 10.0         # seconds a request may wait for the checker before a 503
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")
EXTENSION_SCHEMES = ("chrome-extension://", "moz-extension://", "safari-web-extension://")
TOKEN_COOKIE = "notecheck_token"
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; base-uri 'none'; form-action 'self'; "
                                 b"frame-ancestors 'none'; object-src 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class Busy(Exception):
    """The checker could not start this request within the time budget."""


class TooLarge(Exception):
    pass


# -- the checker and its worker ----------------------------------------------------------

class Engine:
    """The server's Checker (one per profile: the server's own, and the other only if a
    request asks for it), used from one worker thread."""

    def __init__(self, config=None, profile: str | None = None, *,
                 queue_budget: float = QUEUE_BUDGET, **options):
        self.config = config
        self.requested_profile = profile
        self.options = {"cache": False, **options}
        self.queue_budget = queue_budget
        self.profile: str | None = None
        self._checkers: dict[str, Checker] = {}
        self._rules: dict[str, dict] = {}
        self._queue: queue.PriorityQueue = queue.PriorityQueue()
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    # Everything below that touches a Checker runs on the worker thread (or before it
    # starts).

    def start(self) -> float:
        """Load and warm the server's Checker, then start the worker. Raises SetupError
        for a bad config, rule file or profile. Returns the seconds it took."""
        began = time.perf_counter()
        checker = Checker(self.config, profile=self.requested_profile, **self.options)
        self.profile = checker.options.profile or checker.default().config.profile
        self._add(self.profile, checker)
        self._thread = threading.Thread(target=self._work, name="notecheck-checker", daemon=True)
        self._thread.start()
        return time.perf_counter() - began

    def _add(self, profile: str, checker: Checker) -> None:
        rules = {r.id: r for r in checker.default().loaded}
        self._warm(checker)
        self._checkers[profile] = checker
        self._rules[profile] = rules

    @staticmethod
    def _warm(checker: Checker) -> None:
        """A tiny note, then one made of the rules' own examples, so every kind has
        loaded what it loads lazily (word lists, syllable dictionaries) before the first
        practitioner types."""
        checker.check_text("Visited Jamie at home.", {"subject": "Jamie", "subject_type": "child"})
        examples = [r.fail_examples[0] for r in checker.rules if r.fail_examples]
        if examples:
            checker.check_text("\n\n".join(examples))

    def checker(self, profile: str | None = None) -> Checker:
        profile = profile or self.profile
        if profile not in self._checkers:
            log.warning("loading the %s profile for a request that asked for it", profile)
            self._add(profile, Checker(self.config, profile=profile, **self.options))
        return self._checkers[profile]

    def warnings(self) -> list[str]:
        return list(self._checkers[self.profile].warnings) if self.profile in self._checkers else []

    def rules(self, profile: str | None = None) -> dict:
        return self._rules[profile or self.profile]

    def check(self, text: str, metadata: dict | None = None, profile: str | None = None
              ) -> tuple[list[Diagnostic], Checker, dict]:
        checker = self.checker(profile)
        return checker.check_text(text, metadata), checker, self.rules(profile)

    # -- the queue ------------------------------------------------------------------------

    def submit(self, fn, *args, size: int = 0) -> concurrent.futures.Future:
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._queue.put((0 if size <= SMALL_NOTE else 1, next(self._order), future, fn, args))
        return future

    def _work(self) -> None:
        while True:
            _, _, future, fn, args = self._queue.get()
            if future is None:
                return
            if not future.set_running_or_notify_cancel():
                continue  # its request gave up waiting
            try:
                future.set_result(fn(*args))
            except BaseException as exc:  # noqa: BLE001 - handed to the request
                future.set_exception(exc)

    async def run(self, fn, *args, size: int = 0):
        """Run ``fn`` on the worker. Busy when it could not start within the budget; once
        started it runs to the end (the note-length limit keeps that short)."""
        future = self.submit(fn, *args, size=size)
        waiting = asyncio.wrap_future(future)
        done, _ = await asyncio.wait({waiting}, timeout=self.queue_budget)
        if not done:
            if future.cancel():
                raise Busy
            await waiting
        return waiting.result()

    def stop(self, timeout: float = 5.0) -> None:
        if self._thread is not None and self._thread.is_alive():
            self._queue.put((9, next(self._order), None, None, ()))
            self._thread.join(timeout)


# -- notecheck's own API: request and answer models ---------------------------------------

class Metadata(BaseModel):
    """The note's details, as a note's front matter gives them."""

    model_config = ConfigDict(extra="forbid")

    subject: str | list[str] | None = Field(None, description="Whose record: a name, or names.")
    subject_type: Literal["child", "adult"] | None = None
    note_type: str | None = Field(None, description="e.g. home visit, phone call, review.")
    contact_date: str | None = Field(None, description="When the contact happened (2026-11-24 or 24/11/2026).")
    recorded_date: str | None = Field(None, description="When the note was written.")
    author: str | None = None
    id: str | None = None


class CheckOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    select: list[str] = Field([], description="Only these rules: ids, categories or globs.")
    ignore: list[str] = Field([], description="Not these rules.")
    profile: Literal["record", "training"] | None = Field(
        None, description="record (notes about real people) or training; default: the server's.")


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(..., description="The note. Front matter in it is read as usual.")
    metadata: Metadata = Field(default_factory=Metadata)
    options: CheckOptions = Field(default_factory=CheckOptions)


class DiagnosticOut(BaseModel):
    """As in `notecheck check --format json`, plus where it is in the text sent."""

    path: str
    note: str | None
    line: int
    column: int = Field(..., description="1-based, in characters (code points).")
    end_line: int
    end_column: int = Field(..., description="Exclusive.")
    rule: str
    category: str
    severity: Literal["error", "warning", "info"]
    message: str
    suggestion: str | None
    excerpt: str | None = Field(..., description="The line, with identifiers masked.")
    offset: int = Field(..., description="Start in the text sent, in UTF-16 code units "
                                         "(JavaScript string indices).")
    length: int = Field(..., description="In UTF-16 code units; 0 for a finding about the whole note.")
    replacement: str | None = Field(..., description="Words to put in place of the matched "
                                                     "span, when the suggestion is one.")


class RuleOut(BaseModel):
    summary: str | None
    description: str = Field(..., description="What the rule finds and why it matters.")
    principle: str | None
    references: list[str]


class SummaryOut(BaseModel):
    files: int
    notes: int
    rules: int
    model: str
    diagnostics: int
    by_severity: dict[str, int]
    by_category: dict[str, int]
    by_rule: dict[str, int]


class CheckOut(BaseModel):
    version: int = 1
    diagnostics: list[DiagnosticOut]
    summary: SummaryOut
    rules: dict[str, RuleOut] = Field(..., description="The rules found, by id.")
    profile: str


def _matches(d: Diagnostic, selector: str) -> bool:
    return selector in (d.rule, d.category) or fnmatch.fnmatchcase(d.rule, selector)


def _rule_matches(rule, selector: str) -> bool:
    return selector in (rule.id, rule.category) or fnmatch.fnmatchcase(rule.id, selector)


def check_selectors(options: CheckOptions, checker: Checker, rules: dict, profile: str) -> str | None:
    """A plain-English problem with select/ignore, or None."""
    running = checker.rules
    for selector in [*options.select, *options.ignore]:
        if any(_rule_matches(r, selector) for r in running):
            continue
        if any(selector in (c, c.split(".")[0]) or fnmatch.fnmatchcase(c, selector) for c in ENGINE_CHECKS):
            continue
        if any(_rule_matches(r, selector) for r in rules.values()):
            return (f"'{selector}' names rules that are not on in the {profile} profile. "
                    "Ask for options.profile 'training' to run the personal-data rules.")
        return (f"'{selector}' matches no rule. Use a rule id, a category, or a glob such as "
                "'jargon.*'; 'notecheck rules' lists them.")
    return None


def filter_diagnostics(diagnostics: list[Diagnostic], options: CheckOptions) -> list[Diagnostic]:
    kept = []
    for d in diagnostics:
        if d.rule != INTERNAL_ERROR:
            if options.select and d.rule not in ENGINE_CHECKS and not any(
                    _matches(d, s) for s in options.select):
                continue
            if any(_matches(d, s) for s in options.ignore):
                continue
        kept.append(d)
    return kept


def rule_info(rule_id: str, rules: dict) -> dict:
    rule = rules.get(rule_id)
    if rule is None:
        return {"summary": None, "description": ENGINE_CHECKS.get(rule_id, rule_id).capitalize() + ".",
                "principle": None, "references": []}
    return {"summary": rule.summary, "description": " ".join(rule.description.split()),
            "principle": " ".join(rule.principle.split()), "references": list(rule.references)}


def api_answer(text: str, diagnostics: list[Diagnostic], checker: Checker, rules: dict,
               profile: str) -> dict:
    from notecheck.reporters import Summary

    positions = TextPositions(text)
    summary = Summary(files=1, notes=1, rules=len(checker.rules), model=checker.linter.model_name)
    out = []
    for d in diagnostics:
        summary.add(d)
        start, end = positions.span(d)
        item = d.to_dict()
        item["offset"] = positions.utf16(start)
        item["length"] = positions.utf16(end) - item["offset"]
        item["replacement"] = replacement(d, text, start, end)
        out.append(item)
    return {"version": 1, "diagnostics": out, "summary": summary.to_dict(),
            "rules": {d.rule: rule_info(d.rule, rules) for d in diagnostics}, "profile": profile}


# -- the OpenAPI description ---------------------------------------------------------------

def openapi() -> dict:
    from pydantic.json_schema import models_json_schema

    _, schemas = models_json_schema(
        [(m, "validation") for m in (CheckIn, CheckOut)],
        ref_template="#/components/schemas/{model}")
    error = {"type": "object", "properties": {"error": {"type": "string"}}, "required": ["error"]}
    form_fields = {
        "text": {"type": "string", "description": "The text to check. This or 'data' is required."},
        "data": {"type": "string", "description": "Annotated text as JSON: "
                 "{\"annotation\": [{\"text\": \"...\"}, {\"markup\": \"...\", \"interpretAs\": \"...\"}]}."},
        "language": {"type": "string", "description": "en, en-GB, en-US, ... or auto."},
        "enabledRules": {"type": "string", "description": "Comma-separated rule ids."},
        "disabledRules": {"type": "string", "description": "Comma-separated rule ids."},
        "enabledCategories": {"type": "string", "description": "Comma-separated categories."},
        "disabledCategories": {"type": "string", "description": "Comma-separated categories."},
        "enabledOnly": {"type": "string", "enum": ["true", "false"]},
        "apiKey": {"type": "string", "description": "The server's token, when it has one."},
    }
    return {
        "openapi": "3.1.0",
        "info": {"title": "notecheck", "version": __version__,
                 "description": "Check social care case notes. Nothing is logged or stored."},
        "paths": {
            "/api/check": {"post": {
                "summary": "Check one note",
                "description": "The same diagnostics as `notecheck check --format json`, with "
                               "each one's place in the text sent (UTF-16 code units) and a "
                               "replacement where the rule has one.",
                "requestBody": {"required": True, "content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/CheckIn"}}}},
                "responses": {
                    "200": {"description": "The findings.", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/CheckOut"}}}},
                    "413": {"description": "The note or the request is too long.",
                            "content": {"application/json": {"schema": error}}},
                    "422": {"description": "The request is not valid.",
                            "content": {"application/json": {"schema": error}}},
                    "503": {"description": "The server is busy; try again.",
                            "content": {"application/json": {"schema": error}}},
                }}},
            "/v2/check": {"post": {
                "summary": "LanguageTool-compatible check",
                "description": "LanguageTool's /v2/check: offsets and lengths in UTF-16 code units "
                               "of the original document.",
                "requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {
                    "schema": {"type": "object", "properties": form_fields}}}},
                "responses": {"200": {"description": "LanguageTool's answer: software, language, matches."},
                              "400": {"description": "A bad request (plain text)."},
                              "413": {"description": "Too long."}}}},
            "/v2/languages": {"get": {"summary": "The languages checked (English)",
                                      "responses": {"200": {"description": "A list of languages."}}}},
        },
        "components": {"schemas": schemas.get("$defs", {})},
    }


# -- the guard: hosts, origins, token, sizes, headers ---------------------------------------

_WITH_PORT = re.compile(r"(\[[^\]]+\]|[^:\[\]]+):\d+")


def _bracket(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def allowed_hosts(host: str, port: int, extra: list[str] = ()) -> set[str]:
    """Host header values this server answers to: its loopback names and the name it
    was started with, with the port; names given with --allow-host, with or without it."""
    names = set(LOOPBACK_NAMES)
    if not _wildcard(host):
        names.add(_bracket(host.lower()))
    hosts = {f"{name}:{port}" for name in names}
    if port == 80:
        hosts |= names
    for name in extra:
        name = name.lower()
        if _WITH_PORT.fullmatch(name):
            hosts.add(name)
        else:
            hosts |= {_bracket(name), f"{_bracket(name)}:{port}"}
    return hosts


def _wildcard(host: str) -> bool:
    return host in ("", "0.0.0.0", "::", "[::]")


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Guard:
    """Every request passes here first: its Host must be this server's (against DNS
    rebinding), its Origin this page's or a browser extension's, its body at most
    MAX_BODY bytes, and, on a server with a token, it carries the token."""

    def __init__(self, app, *, hosts: set[str], token: str | None, max_body: int = MAX_BODY):
        self.app = app
        self.hosts = hosts
        self.origins = {f"{scheme}://{h}" for h in hosts for scheme in ("http", "https")}
        self.token = token
        self.max_body = max_body

    def origin_allowed(self, origin: str) -> bool:
        return origin.lower() in self.origins or origin.lower().startswith(EXTENSION_SCHEMES)

    def token_ok(self, headers: Headers) -> bool:
        if self.token is None:
            return True
        auth = headers.get("authorization", "")
        if auth[:7].lower() == "bearer " and hmac.compare_digest(auth[7:].strip().encode(), self.token.encode()):
            return True
        for part in headers.get("cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == TOKEN_COOKIE and hmac.compare_digest(value.encode(), self.token.encode()):
                return True
        return False

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            return await _plain(403, "This notecheck server answers only to its own address "
                                     "(http://localhost:PORT). The request's Host was refused.")(scope, receive, send)
        origin = headers.get("origin")
        cors: list[tuple[bytes, bytes]] = []
        if origin is not None:
            if not self.origin_allowed(origin):
                return await _plain(403, "Requests from other web sites are refused.")(scope, receive, send)
            cors = [(b"access-control-allow-origin", origin.encode("latin-1")), (b"vary", b"Origin")]
        if scope["method"] == "OPTIONS":
            response = Response(status_code=204, headers={
                "access-control-allow-methods": "GET, POST, OPTIONS",
                "access-control-allow-headers": "Authorization, Content-Type",
                "access-control-max-age": "600"})
            return await response(scope, receive, _with_headers(send, cors))
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            return await _too_large(scope, self.max_body)(scope, receive, _with_headers(send, cors))
        authorised = self.token_ok(headers)
        path = scope.get("path", "")
        scope.setdefault("state", {})["authorised"] = authorised
        if not authorised and path != "/v2/check" and not (path == "/" and "token=" in scope.get("query_string", b"").decode("latin-1")):
            return await _unauthorised(path)(scope, receive, _with_headers(send, cors))
        await self.app(scope, receive, _with_headers(send, cors))


def _with_headers(send, extra: list[tuple[bytes, bytes]]):
    async def sending(message):
        if message["type"] == "http.response.start":
            names = {name.lower() for name, _ in message.get("headers", [])}
            message["headers"] = [*message.get("headers", []),
                                  *[(n, v) for n, v in SECURITY_HEADERS if n not in names], *extra]
        await send(message)
    return sending


def _plain(status: int, message: str) -> Response:
    return PlainTextResponse(message + "\n", status_code=status)


def _error(status: int, message: str, path: str, **headers) -> Response:
    """Plain text on the LanguageTool paths (as LanguageTool answers), JSON elsewhere."""
    if path.startswith("/v2/"):
        return PlainTextResponse(f"Error: {message}\n", status_code=status, headers=headers)
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def _too_large(scope, limit: int) -> Response:
    return _error(413, f"The request is over {limit // 1_000_000} MB, too large to check.",
                  scope.get("path", ""))


def _unauthorised(path: str) -> Response:
    if path.startswith(("/v2/", "/api/", "/openapi")):
        return _error(401, "this server needs its token: send 'Authorization: Bearer TOKEN' "
                           "(or LanguageTool's apiKey field).", path,
                      **{"www-authenticate": "Bearer"})
    return _plain(401, "This notecheck server needs its access link: open the link with "
                       "?token=... that whoever runs the server gave you.")


# -- the app ----------------------------------------------------------------------------

async def read_body(request: Request, limit: int) -> bytes:
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def create_app(engine: Engine, *, host: str = "127.0.0.1", port: int = 8081,
               token: str | None = None, allow_hosts: list[str] = (),
               max_body: int = MAX_BODY, max_chars: int = MAX_NOTE_CHARS):
    """The ASGI app around a started Engine."""
    spec = openapi()

    def too_long(path: str, length: int) -> Response:
        return _error(413, f"This note is {length:,} characters long; the server checks notes "
                           f"of up to {max_chars:,} characters (about {max_chars // 6:,} words). "
                           "Check it in parts, or save it to a file and run 'notecheck check' on it.",
                      path)

    async def index(request: Request) -> Response:
        given = request.query_params.get("token")
        if given is not None:
            if token is None or not hmac.compare_digest(given.encode(), token.encode()):
                return _unauthorised("/")
            # The token moves to a cookie the page's own requests carry, and out of the
            # address bar.
            response = RedirectResponse("/", status_code=303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            return response
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    async def api_check(request: Request) -> Response:
        path = request.url.path
        try:
            body = await read_body(request, max_body)
        except TooLarge:
            return _too_large(request.scope, max_body)
        try:
            payload = CheckIn.model_validate_json(body or b"null")
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_input=False, include_context=False)
            first = errors[0]
            where = ".".join(str(p) for p in first["loc"]) or "the request"
            return JSONResponse({"error": f"{where}: {first['msg']}", "detail": errors}, status_code=422)
        if len(payload.text) > max_chars:
            return too_long(path, len(payload.text))
        metadata = {k: v for k, v in payload.metadata.model_dump().items() if v not in (None, "", [])}
        profile = payload.options.profile or engine.profile
        try:
            diagnostics, checker, rules = await engine.run(engine.check, payload.text, metadata,
                                                           profile, size=len(payload.text))
        except Busy:
            return _error(503, "The server is busy; try again in a moment.", path, **{"retry-after": "1"})
        except SetupError as exc:
            return _error(500, f"the {profile} profile could not be loaded: {exc}", path)
        problem = check_selectors(payload.options, checker, rules, profile)
        if problem:
            return JSONResponse({"error": problem}, status_code=422)
        kept = filter_diagnostics(diagnostics, payload.options)
        return JSONResponse(api_answer(payload.text, kept, checker, rules, profile))

    async def v2_check(request: Request) -> Response:
        path = request.url.path
        try:
            body = await read_body(request, max_body) if request.method == "POST" else b""
        except TooLarge:
            return _too_large(request.scope, max_body)
        try:
            fields = lt.parse_fields(body, request.headers.get("content-type", ""),
                                     request.scope.get("query_string", b"").decode("latin-1"))
            if not request.scope["state"]["authorised"]:
                key = fields.get("apiKey") or ""
                if not (token and hmac.compare_digest(key.encode(), token.encode())):
                    return _unauthorised(path)
            check = lt.read_request(fields)
        except lt.LTError as exc:
            return PlainTextResponse(exc.message + "\n", status_code=exc.status)
        text = check.annotated.plain
        if len(text) > max_chars:
            return too_long(path, len(text))
        try:
            diagnostics, _, rules = await engine.run(engine.check, text, None, None, size=len(text))
        except Busy:
            return _error(503, "the server is busy; try again in a moment.", path, **{"retry-after": "1"})
        return JSONResponse(lt.response(check, diagnostics, rules, __version__))

    async def v2_languages(request: Request) -> Response:
        return JSONResponse(lt.LANGUAGES)

    async def openapi_json(request: Request) -> Response:
        return JSONResponse(spec)

    def guarded(handler):
        async def handle(request: Request) -> Response:
            try:
                return await handler(request)
            except Exception as exc:  # noqa: BLE001 - logged by type only: no note text
                log.error("internal error answering %s %s (%s)", request.method, request.url.path,
                          type(exc).__name__)
                return _error(500, "notecheck failed on this request; the error was logged "
                                   "without the note.", request.url.path)
        return handle

    routes = [
        Route("/", guarded(index), methods=["GET", "HEAD"]),
        Route("/api/check", guarded(api_check), methods=["POST"]),
        Route("/v2/check", guarded(v2_check), methods=["GET", "POST"]),
        Route("/v2/languages", guarded(v2_languages), methods=["GET"]),
        Route("/openapi.json", guarded(openapi_json), methods=["GET"]),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    app = Starlette(routes=routes)
    return Guard(app, hosts=allowed_hosts(host, port, list(allow_hosts)), token=token,
                 max_body=max_body)


# -- running it ---------------------------------------------------------------------------

def read_token(path: Path) -> str:
    try:
        token = path.read_text(encoding="utf-8").strip()
    except OSError as exc:
        raise SetupError(f"--token-file {path} could not be read ({exc.strerror}).") from None
    if len(token) < 16 or any(c.isspace() for c in token):
        raise SetupError(f"--token-file {path} must hold one token of 16 or more characters "
                         "and no spaces (e.g. from: python -c 'import secrets; print(secrets.token_urlsafe())').")
    return token


def bind(host: str, port: int):
    import socket

    family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
    try:
        sock = socket.create_server((host.strip("[]"), port), family=family, reuse_port=False)
    except OSError as exc:
        raise SetupError(f"could not listen on {host}:{port} ({exc.strerror or exc}). "
                         "Is another server using that port? Try --port 8082.") from None
    sock.set_inheritable(True)
    return sock


def serve(host: str = "127.0.0.1", port: int = 8081, *, config=None, profile: str | None = None,
          token_file: Path | None = None, allow_hosts: list[str] = (), echo=print) -> None:
    """Start the server and block until Ctrl-C or SIGTERM. SetupError for anything that
    stops it starting."""
    import signal

    import uvicorn

    if not is_loopback(host) and token_file is None:
        raise SetupError(f"--host {host} would let other computers reach this server: give "
                         "--token-file too, so every request must carry the token, and put TLS "
                         "in front of it (see docs/serve.md).")
    token = read_token(token_file) if token_file is not None else None
    sock = bind(host, port)
    port = sock.getsockname()[1]
    engine = Engine(config, profile)
    echo("notecheck serve: loading the checker ...")

    def interrupt(*_):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        seconds = engine.start()
    except KeyboardInterrupt:
        sock.close()
        echo("notecheck serve: stopped.")
        return
    finally:
        signal.signal(signal.SIGTERM, previous)
    app = create_app(engine, host=host, port=port, token=token, allow_hosts=list(allow_hosts))
    server = uvicorn.Server(uvicorn.Config(
        app, log_level="warning", access_log=False, server_header=False, lifespan="off",
        limit_concurrency=200, timeout_graceful_shutdown=5, proxy_headers=False))
    shown = "localhost" if host in ("127.0.0.1", "localhost") else _bracket(host)
    where = f"http://{shown}:{port}/"
    for warning in engine.warnings():
        echo(f"notecheck: warning: {warning}")
    echo(f"notecheck serve: ready in {seconds:.1f} s, profile {engine.profile}.")
    echo(f"Open {where} in your browser. LanguageTool clients: {where}v2 . Press Ctrl-C to stop.")
    # uvicorn re-raises the signal that stopped it once it has shut down; these handlers
    # make that a clean exit.
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: None)
    try:
        server.run(sockets=[sock])
    finally:
        engine.stop()
        sock.close()
    echo("notecheck serve: stopped.")
