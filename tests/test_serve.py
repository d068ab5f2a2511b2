"""notecheck serve, through an HTTP client: the JSON API gives what `check --format json`
gives, the LanguageTool API puts each finding at the right UTF-16 offset of the text sent
(emoji, CRLF, annotated markup), and the server refuses what it must refuse."""

from __future__ import annotations

import asyncio
import json
import threading
import warnings
from pathlib import Path

import pytest

pytest.importorskip("httpx")
with warnings.catch_warnings():  # newer Starlette prefers httpx2; httpx works the same
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: E402

from notecheck.serve.app import MAX_BODY, Busy, Engine, create_app, serve  # noqa: E402
from notecheck.checker import SetupError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
PORT = 8081
BASE = f"http://127.0.0.1:{PORT}"

NOTE = ("Visited Jamie 😀 at home.\r\n"
        "I will assist with the LAC review.\r\n"
        "Mum was non-compliant 𝒳 with the plan.\r\n")


@pytest.fixture(scope="module")
def engine():
    engine = Engine(None, None)
    engine.start()
    yield engine
    engine.stop()


@pytest.fixture(scope="module")
def client(engine):
    with TestClient(create_app(engine, port=PORT), base_url=BASE) as client:
        yield client


def utf16_slice(text: str, offset: int, length: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * offset:2 * (offset + length)].decode("utf-16-le")


def lt_check(client, **fields):
    response = client.post("/v2/check", data=fields)
    assert response.status_code == 200, response.text
    return response.json()


# -- notecheck's JSON API -------------------------------------------------------------------

def test_api_check_gives_the_diagnostics_of_check_format_json(client, cli):
    path = ROOT / "examples" / "children" / "home-visit-poor.md"
    expected = cli(["check", str(path), "--format", "json", "--no-cache"]).json["diagnostics"]
    response = client.post("/api/check", json={"text": path.read_text(encoding="utf-8")})
    assert response.status_code == 200, response.text
    got = response.json()["diagnostics"]
    keys = ["note", "line", "column", "end_line", "end_column", "rule", "category", "severity",
            "message", "suggestion", "excerpt"]
    assert [{k: d[k] for k in keys} for d in got] == [{k: d[k] for k in keys} for d in expected]
    assert len(got) >= 10


def test_api_check_places_findings_in_utf16_and_offers_replacements(client):
    response = client.post("/api/check", json={"text": NOTE, "metadata": {
        "subject": "Jamie", "subject_type": "child", "note_type": "home visit",
        "contact_date": "2026-11-30", "recorded_date": "2026-11-30"}})
    body = response.json()
    found = {(d["rule"], d["line"], d["column"]): d for d in body["diagnostics"]}
    assist = found[("jargon.formal-word", 2, 8)]
    assert utf16_slice(NOTE, assist["offset"], assist["length"]) == "assist"
    assert assist["replacement"] == "help"
    lac = found[("jargon.undefined-acronym", 2, 24)]
    assert utf16_slice(NOTE, lac["offset"], lac["length"]) == "LAC"
    assert lac["replacement"] == "looked after child"
    label = found[("labelling.blaming-label", 3, 9)]
    assert utf16_slice(NOTE, label["offset"], label["length"]) == "non-compliant"
    assert label["replacement"] is None  # its suggestion is advice, not words to put in
    assert "describe" in label["suggestion"].lower()
    # Each finding comes with its rule's explanation, for "why this matters".
    assert body["rules"]["labelling.blaming-label"]["principle"]
    assert body["rules"]["jargon.formal-word"]["description"]
    assert body["summary"]["diagnostics"] == len(body["diagnostics"])


def test_a_replacement_at_a_sentence_start_is_capitalised(client):
    body = client.post("/api/check", json={"text": "Assist Jamie with his homework. "
                                                   "I will assist him."}).json()
    replacements = [(d["column"], d["replacement"]) for d in body["diagnostics"]
                    if d["rule"] == "jargon.formal-word"]
    assert replacements == [(1, "Help"), (40, "help")]


def test_api_check_metadata_changes_the_findings(client):
    text = "Home visit to Jamie. He was seen alone in his bedroom and said 'I like school'.\n"
    without = {d["rule"] for d in client.post("/api/check", json={"text": text}).json()["diagnostics"]}
    late = client.post("/api/check", json={"text": text, "metadata": {
        "subject": "Jamie", "subject_type": "child", "note_type": "home visit",
        "contact_date": "2026-11-02", "recorded_date": "2026-11-20"}}).json()["diagnostics"]
    assert "timeliness.late-recording" not in without
    assert "timeliness.late-recording" in {d["rule"] for d in late}


def test_api_check_select_and_ignore(client):
    jargon = client.post("/api/check", json={"text": NOTE, "options": {"select": ["jargon"]}}).json()
    assert {d["category"] for d in jargon["diagnostics"]} == {"jargon"}
    ignored = client.post("/api/check", json={"text": NOTE, "options": {
        "ignore": ["jargon.formal-word", "labelling"]}}).json()
    rules = {d["rule"] for d in ignored["diagnostics"]}
    assert "jargon.formal-word" not in rules and not any(r.startswith("labelling.") for r in rules)
    assert "jargon.undefined-acronym" in rules
    bad = client.post("/api/check", json={"text": NOTE, "options": {"select": ["jargn"]}})
    assert bad.status_code == 422
    assert "'jargn' matches no rule" in bad.json()["error"]


def test_api_check_training_profile_masks_and_reports_identifiers(client):
    text = "Called Ms Reid on 07812 345678 about Jamie, NHS number 943 476 5919. I will assist her.\n"
    record = client.post("/api/check", json={"text": text}).json()
    assert not any(d["rule"].startswith("personal-data.") for d in record["diagnostics"])
    assert record["diagnostics"] and "345678" not in json.dumps(record)
    assert "476 5919" not in json.dumps(record)
    training = client.post("/api/check", json={"text": text, "options": {"profile": "training"}}).json()
    assert training["profile"] == "training"
    found = {(d["rule"], d["line"], d["column"]) for d in training["diagnostics"]}
    assert {("personal-data.phone", 1, 19), ("personal-data.nhs-number", 1, 56),
            ("jargon.formal-word", 1, 77)} <= found
    assert "345678" not in json.dumps(training) and "476 5919" not in json.dumps(training)


@pytest.mark.parametrize("body, where", [
    (b"{not json", "the request"),
    (b'{"metadata": {"note_type": "Visited Qwerty"}}', "text"),
    (b'{"text": "Visited Qwerty", "metadata": {"subject_type": "baby"}}', "metadata.subject_type"),
    (b'{"text": "Visited Qwerty", "options": {"profile": "court"}}', "options.profile"),
    (b'{"text": "Visited Qwerty", "colour": "red"}', "colour"),
])
def test_api_check_bad_requests_get_422_with_a_clear_message(client, body, where):
    response = client.post("/api/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["error"].startswith(where)
    assert "Qwerty" not in response.text  # the note is not echoed back


def test_openapi_describes_the_api(client):
    spec = client.get("/openapi.json").json()
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) >= {"/api/check", "/v2/check", "/v2/languages"}
    schemas = spec["components"]["schemas"]
    assert {"CheckIn", "CheckOut", "DiagnosticOut", "Metadata"} <= set(schemas)
    assert "offset" in schemas["DiagnosticOut"]["properties"]


# -- the LanguageTool API ------------------------------------------------------------------

def test_languages(client):
    languages = client.get("/v2/languages").json()
    assert {"name": "English (GB)", "code": "en", "longCode": "en-GB"} in languages


def test_lt_check_answers_in_languagetools_shape_at_utf16_offsets(client):
    body = lt_check(client, text=NOTE, language="en-GB")
    assert body["software"]["apiVersion"] == 1
    assert body["language"]["code"] == "en-GB"
    matches = {m["rule"]["id"]: m for m in body["matches"]}
    assist = matches["jargon.formal-word"]
    assert utf16_slice(NOTE, assist["offset"], assist["length"]) == "assist"
    assert assist["replacements"] == [{"value": "help"}]
    assert assist["rule"]["category"] == {"id": "jargon", "name": "Jargon"}
    assert assist["rule"]["issueType"] == "style"
    assert assist["context"]["text"][assist["context"]["offset"]:][:6] == "assist"
    assert assist["context"]["length"] == 6
    assert assist["sentence"] == "I will assist with the LAC review."
    label = matches["labelling.blaming-label"]
    assert utf16_slice(NOTE, label["offset"], label["length"]) == "non-compliant"
    assert label["replacements"] == []
    assert label["rule"]["urls"] and label["rule"]["urls"][0]["value"].startswith("http")
    offsets = [m["offset"] for m in body["matches"]]
    assert offsets == sorted(offsets)
    for m in body["matches"]:  # every match points at real text
        assert m["length"] > 0 and utf16_slice(NOTE, m["offset"], m["length"]).strip()


def test_lt_offsets_after_astral_characters_and_crlf(client):
    text = "🙂🙂 Note.\r\n𝔘𝔫𝔦 I will assist.\r\n"
    body = lt_check(client, text=text, language="en-GB", enabledOnly="true",
                    enabledRules="jargon.formal-word")
    [m] = body["matches"]
    # 2 emoji (4 units) + " Note." (6) + CRLF (2) + 3 math letters (6) + " I will " (8)
    assert (m["offset"], m["length"]) == (26, 6)
    assert utf16_slice(text, m["offset"], m["length"]) == "assist"


def test_lone_cr_line_endings_and_a_finding_about_the_whole_note(client):
    text = "I will assist.\rThe LAC review is booked.\r"
    body = client.post("/api/check", json={"text": text}).json()
    lac = next(d for d in body["diagnostics"] if d["rule"] == "jargon.undefined-acronym")
    assert (lac["line"], lac["column"]) == (2, 5)
    assert utf16_slice(text, lac["offset"], lac["length"]) == "LAC"
    whole = next(d for d in body["diagnostics"] if d["rule"] == "timeliness.missing-contact-date")
    assert (whole["offset"], whole["length"], whole["replacement"]) == (0, 0, None)
    # A LanguageTool client gets something to underline: the first word.
    matches = lt_check(client, text=text, language="en-GB")["matches"]
    dated = next(m for m in matches if m["rule"]["id"] == "timeliness.missing-contact-date")
    assert utf16_slice(text, dated["offset"], dated["length"]) == "I"
    assert dated["context"]["text"][dated["context"]["offset"]:][:dated["context"]["length"]] == "I"


def test_lt_data_annotation_offsets_count_the_markup(client):
    annotation = [
        {"markup": "# "}, {"text": "Visit\n\n"},
        {"text": "I will "}, {"markup": "**"}, {"text": "assist"}, {"markup": "**"},
        {"text": " with the"}, {"markup": "<br>", "interpretAs": "\n"},
        {"text": "LAC review 😀 and "}, {"markup": "<!-- note -->"}, {"text": "the CIN plan."},
    ]
    original = "".join(p.get("text", p.get("markup")) for p in annotation)
    body = lt_check(client, data=json.dumps({"annotation": annotation}), language="en-GB",
                    enabledOnly="true", enabledCategories="jargon")
    found = {utf16_slice(original, m["offset"], m["length"]): m["rule"]["id"] for m in body["matches"]}
    assert found == {"assist": "jargon.formal-word", "LAC": "jargon.undefined-acronym",
                     "CIN": "jargon.undefined-acronym"}


def test_lt_rule_and_category_filters(client):
    rules = lambda **f: {m["rule"]["id"] for m in lt_check(client, text=NOTE, language="en-GB", **f)["matches"]}  # noqa: E731
    everything = rules()
    assert {"jargon.formal-word", "jargon.undefined-acronym", "labelling.blaming-label"} <= everything
    assert "jargon.formal-word" not in rules(disabledRules="jargon.formal-word,WHITESPACE_RULE")
    assert not any(r.startswith("jargon.") for r in rules(disabledCategories="JARGON"))
    assert rules(enabledOnly="true", enabledCategories="labelling") == {
        r for r in everything if r.startswith("labelling.")}
    assert rules(enabledOnly="true", enabledRules="jargon.formal-word") == {"jargon.formal-word"}


def test_lt_ltex_style_request_form_encoded_but_labelled_json(client):
    body = "language=en-US&data=" + json.dumps({"annotation": [{"text": "I will assist."}]}).replace(
        " ", "+").replace("{", "%7B").replace("}", "%7D").replace('"', "%22").replace(":", "%3A").replace(
        "[", "%5B").replace("]", "%5D").replace(",", "%2C")
    response = client.post("/v2/check", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    assert response.json()["language"]["code"] == "en-US"
    assert "jargon.formal-word" in {m["rule"]["id"] for m in response.json()["matches"]}


def test_lt_get_with_a_query_string(client):
    response = client.get("/v2/check", params={"text": "I will assist.", "language": "auto"})
    assert response.status_code == 200
    assert response.json()["language"]["code"] == "en-GB"


@pytest.mark.parametrize("fields, status, says", [
    ({"language": "en-GB"}, 400, "missing 'text' or 'data'"),
    ({"text": "Hallo", "language": "de-DE"}, 400, "English only"),
    ({"data": "{nope", "language": "en"}, 400, "not valid JSON"),
    ({"data": '{"annotation": [{"bold": "x"}]}', "language": "en"}, 400, "neither 'text' nor 'markup'"),
    ({"text": "x", "enabledOnly": "true"}, 400, "needs enabledRules"),
])
def test_lt_bad_requests_get_400_in_plain_text(client, fields, status, says):
    response = client.post("/v2/check", data=fields)
    assert response.status_code == status
    assert says in response.text


def test_lt_context_and_sentence_are_masked(client):
    text = "NHS number 943 476 5919. I will assist Jamie.\n"
    body = lt_check(client, text=text, language="en-GB")
    assert body["matches"]
    dumped = json.dumps(body)
    assert "943 476 5919" not in dumped and "5919" not in dumped
    assist = next(m for m in body["matches"] if m["rule"]["id"] == "jargon.formal-word")
    assert utf16_slice(text, assist["offset"], assist["length"]) == "assist"
    assert assist["context"]["text"][assist["context"]["offset"]:][:6] == "assist"


# -- refusing what it must refuse ----------------------------------------------------------

@pytest.mark.parametrize("host", ["evil.example", "evil.example:8081", "127.0.0.1:9999",
                                  "localhost.evil.example:8081", ""])
def test_a_foreign_host_header_is_refused(client, host):
    response = client.get("/v2/languages", headers={"host": host})
    assert response.status_code == 403
    assert "Host" in response.text


@pytest.mark.parametrize("host", ["localhost:8081", "127.0.0.1:8081", "[::1]:8081", "LOCALHOST:8081"])
def test_its_own_names_are_answered(client, host):
    assert client.get("/v2/languages", headers={"host": host}).status_code == 200


def test_cors_allows_only_the_page_and_browser_extensions(client):
    own = client.post("/api/check", json={"text": "I will assist."}, headers={"origin": BASE})
    assert own.status_code == 200 and own.headers["access-control-allow-origin"] == BASE
    for origin in ("chrome-extension://abcdefghijklmnop", "moz-extension://0b0c0c-1d70b8",
                   "safari-web-extension://ABC123"):
        response = client.post("/v2/check", data={"text": "I will assist.", "language": "en"},
                               headers={"origin": origin})
        assert response.status_code == 200
        assert response.headers["access-control-allow-origin"] == origin
    preflight = client.options("/v2/check", headers={
        "origin": "moz-extension://0b0c0c-1d70b8", "access-control-request-method": "POST",
        "access-control-request-headers": "content-type"})
    assert preflight.status_code == 204
    assert "POST" in preflight.headers["access-control-allow-methods"]
    for origin in ("https://evil.example", "null", "http://localhost:9999"):
        refused = client.post("/v2/check", data={"text": "I will assist."}, headers={"origin": origin})
        assert refused.status_code == 403
        assert "access-control-allow-origin" not in refused.headers


def test_the_page_and_its_assets_ship_with_a_strict_content_security_policy(client):
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert page.headers["cache-control"] == "no-store"
    html = page.text
    assert 'aria-live="polite"' in html and 'lang="en-GB"' in html
    assert "http://" not in html.replace('href="/openapi.json"', "") and "https://" not in html
    for asset in ("/static/app.js", "/static/app.css", "/static/favicon.svg"):
        response = client.get(asset)
        assert response.status_code == 200, asset
        external = response.text.replace('xmlns="http://www.w3.org/2000/svg"', "").replace("https?:", "")
        assert "https://" not in external and "http://" not in external


def test_a_body_over_1_mb_is_refused(client):
    big = "word " * (MAX_BODY // 5 + 10)
    assert client.post("/api/check", json={"text": big}).status_code == 413

    def chunks():  # no Content-Length: the limit is counted as the body arrives
        for _ in range(11):
            yield b"x" * 100_000
    response = client.post("/v2/check", content=chunks(),
                           headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 413


def test_a_note_too_long_to_check_quickly_is_refused(client):
    long_note = "Visited Jamie at home and we talked. " * 2000  # 74,000 characters
    response = client.post("/api/check", json={"text": long_note})
    assert response.status_code == 413
    assert "characters" in response.json()["error"]
    response = client.post("/v2/check", data={"text": long_note, "language": "en"})
    assert response.status_code == 413 and "notecheck check" in response.text


def test_a_token_is_needed_on_a_server_with_one(engine):
    token = "s3cret-token-0123456789"
    app = create_app(engine, port=PORT, token=token)
    with TestClient(app, base_url=BASE) as client:
        assert client.post("/api/check", json={"text": "I will assist."}).status_code == 401
        assert client.get("/v2/languages").status_code == 401
        assert client.get("/").status_code == 401
        assert client.post("/v2/check", data={"text": "I will assist."}).status_code == 401
        assert client.post("/v2/check", data={"text": "I will assist.", "apiKey": "wrong"}).status_code == 401
        bearer = {"authorization": f"Bearer {token}"}
        assert client.post("/api/check", json={"text": "I will assist."}, headers=bearer).status_code == 200
        assert client.get("/v2/languages", headers=bearer).status_code == 200
        assert client.post("/v2/check", data={"text": "I will assist.", "apiKey": token}).status_code == 200
        # The page: the access link sets a cookie and takes the token out of the address.
        assert client.get("/?token=wrong", follow_redirects=False).status_code == 401
        link = client.get(f"/?token={token}", follow_redirects=False)
        assert link.status_code == 303 and link.headers["location"] == "/"
        assert "httponly" in link.headers["set-cookie"].lower()
        assert "samesite=strict" in link.headers["set-cookie"].lower()
        assert client.get("/").status_code == 200  # the client now sends the cookie
        assert client.post("/api/check", json={"text": "I will assist."}).status_code == 200


def test_another_interface_needs_a_token_file(tmp_path):
    with pytest.raises(SetupError, match="--token-file"):
        serve("0.0.0.0", 0)
    short = tmp_path / "token"
    short.write_text("abc\n")
    with pytest.raises(SetupError, match="16 or more"):
        serve("0.0.0.0", 0, token_file=short)
    with pytest.raises(SetupError, match="could not be read"):
        serve("0.0.0.0", 0, token_file=tmp_path / "missing")


def test_an_unknown_profile_or_config_stops_the_start(tmp_path):
    with pytest.raises(SetupError):
        Engine(None, "court").start()
    bad = tmp_path / "notecheck.yaml"
    bad.write_text("select: [nothing-like-this]\n")
    with pytest.raises(SetupError, match="matches no rule"):
        Engine(bad, None).start()


# -- under load --------------------------------------------------------------------------

def test_a_request_that_cannot_start_in_time_gets_busy_and_short_notes_go_first(engine):
    release = threading.Event()
    order: list[str] = []
    blocker = engine.submit(release.wait, 10)
    try:
        long_job = engine.submit(order.append, "long", size=20_000)
        short_job = engine.submit(order.append, "short", size=100)
        saved = engine.queue_budget
        engine.queue_budget = 0.2
        try:
            with pytest.raises(Busy):
                asyncio.run(engine.run(order.append, "gave up", size=10))
        finally:
            engine.queue_budget = saved
    finally:
        release.set()
    blocker.result(5), long_job.result(5), short_job.result(5)
    assert order == ["short", "long"]  # and the one that gave up never ran


def test_concurrent_requests_all_get_their_own_answers(client):
    notes = [f"Visit {i}. I will assist with the LAC review." + " More text." * i for i in range(12)]
    results: dict[int, tuple[int, int]] = {}

    def ask(i):
        response = client.post("/api/check", json={"text": notes[i]})
        body = response.json()
        assist = next(d for d in body["diagnostics"] if d["rule"] == "jargon.formal-word")
        results[i] = (response.status_code, assist["column"])

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(len(notes))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == {i: (200, len(f"Visit {i}. I will ") + 1) for i in range(len(notes))}


# -- the command's refusals (before anything loads) ------------------------------------------

def test_serve_command_refuses_what_it_cannot_do(cli, tmp_path):
    import socket

    result = cli(["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "--token-file" in result.stderr and "TLS" in result.stderr
    result = cli(["serve", "--profile", "court"])
    assert result.exit_code == 2 and "--profile must be one of record, training" in result.stderr
    result = cli(["serve", "--config", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = cli(["serve", "--port", str(port)])
    assert result.exit_code == 2 and f"could not listen on 127.0.0.1:{port}" in result.stderr
