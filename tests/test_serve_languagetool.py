"""`notecheck serve` as a user starts it (one command, a real uvicorn on 127.0.0.1 and a
free port), with a real LanguageTool client library talking to it, 20 clients at once
for a few seconds, and a clean stop on Ctrl-C and SIGTERM. The note text never appears
in what the server prints."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import notecheck

language_tool_python = pytest.importorskip("language_tool_python")
httpx = pytest.importorskip("httpx")

SECRET = "Zebedee Quartermaine"  # a name that must never appear in the server's output
NOTE = (f"Visited {SECRET} 😀 at home.\r\n"
        "I will assist with the LAC review 𝒳 tomorrow.\r\n"
        "Mum was non-compliant with the plan.\r\n")


class Server:
    def __init__(self, *args: str):
        self.log = Path(os.environ.get("TMPDIR", "/tmp")) / f"notecheck-serve-{os.getpid()}-{id(self)}.log"
        self.out = open(self.log, "w+", encoding="utf-8")
        env = dict(os.environ)
        src = str(Path(notecheck.__file__).resolve().parents[1])
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "notecheck", "serve", "--host", "127.0.0.1", "--port", "0", *args],
            stdout=self.out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        self._url: str | None = None

    @property
    def url(self) -> str:
        if self._url is None:
            self._url = self._wait_for_url()
        return self._url

    def _wait_for_url(self, timeout: float = 180) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.search(r"Open (http://localhost:\d+/)", self.output())
            if found:
                return found.group(1)
            if self.process.poll() is not None:
                raise AssertionError(f"notecheck serve exited early:\n{self.output()}")
            time.sleep(0.2)
        self.process.kill()
        raise AssertionError(f"notecheck serve did not start:\n{self.output()}")

    def output(self) -> str:
        self.out.flush()
        return self.log.read_text(encoding="utf-8")

    def stop(self, sig=signal.SIGTERM, timeout: float = 30) -> int:
        if self.out.closed:
            return self.process.returncode
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            return self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(10)
            self.final_output = self.output()
            self.out.close()
            self.log.unlink(missing_ok=True)


@pytest.fixture(scope="module")
def servers():
    """Two servers, loading side by side: the record profile's, and a training one."""
    started = Server(), Server("--profile", "training")
    yield started
    for server in started:
        server.stop(signal.SIGKILL)


@pytest.fixture(scope="module")
def server(servers):
    return servers[0]


def test_the_command_prints_where_to_open_it(server):
    assert server.url.startswith("http://localhost:")
    assert "/v2" in server.output() and "Ctrl-C" in server.output()
    page = httpx.get(server.url)
    assert page.status_code == 200 and "Check a note" in page.text


def test_a_languagetool_client_library_gets_notecheck_matches_at_the_right_offsets(server, tmp_path, monkeypatch):
    monkeypatch.setenv("LTP_PATH", str(tmp_path / "ltp"))  # where it would download LanguageTool
    tool = language_tool_python.LanguageTool("en-GB", remote_server=server.url.rstrip("/"))
    try:
        matches = tool.check(NOTE)
        found = {(m.rule_id, NOTE[m.offset:m.offset + m.error_length]) for m in matches}
        assert {("jargon.formal-word", "assist"), ("jargon.undefined-acronym", "LAC"),
                ("labelling.blaming-label", "non-compliant")} <= found
        assist = next(m for m in matches if m.rule_id == "jargon.formal-word")
        assert assist.replacements == ["help"]
        assert assist.category == "jargon"
        # Applying the client's corrections puts the replacements in the right places.
        corrected = tool.correct(NOTE)
        assert "I will help with the looked after child review 𝒳 tomorrow." in corrected
        assert "Mum was non-compliant with the plan." in corrected  # advice is not applied
        tool.disabled_rules = {"jargon.formal-word"}
        assert "jargon.formal-word" not in {m.rule_id for m in tool.check(NOTE)}
        tool.disabled_rules = set()
        tool.enabled_rules = {"jargon.undefined-acronym"}
        tool.enabled_rules_only = True
        assert {m.rule_id for m in tool.check(NOTE)} == {"jargon.undefined-acronym"}
    finally:
        tool.close()
    assert not (tmp_path / "ltp").exists() or not any((tmp_path / "ltp").iterdir())


def test_twenty_clients_for_five_seconds_all_get_answers(server):
    import psutil

    url = server.url + "v2/check"
    note = "Visited Jamie at home. I will assist with the LAC review. Mum said she was tired."
    process = psutil.Process(server.process.pid)
    before = process.memory_info().rss
    statuses: list[int] = []
    wrong: list[str] = []
    ready = threading.Barrier(21)
    deadline = [0.0]

    def client(http):
        ready.wait()
        while time.monotonic() < deadline[0]:
            response = http.post(url, data={"text": note, "language": "en-GB"})
            statuses.append(response.status_code)
            if response.status_code == 200:
                ids = {m["rule"]["id"] for m in response.json()["matches"]}
                if "jargon.formal-word" not in ids:
                    wrong.append(str(ids))

    with httpx.Client(timeout=60, limits=httpx.Limits(max_connections=20)) as http:
        threads = [threading.Thread(target=client, args=(http,)) for _ in range(20)]
        for t in threads:
            t.start()
        deadline[0] = time.monotonic() + 5
        ready.wait()
        for t in threads:
            t.join(90)
    assert len(statuses) >= 20 and set(statuses) == {200}, statuses
    assert not wrong
    grown = process.memory_info().rss - before
    assert grown < 100 * 2**20, f"memory grew by {grown / 2**20:.0f} MB"


def test_the_note_never_appears_in_what_the_server_prints(server):
    httpx.post(server.url + "api/check", json={"text": NOTE, "metadata": {"subject": SECRET}})
    httpx.post(server.url + "v2/check", data={"text": NOTE, "language": "en-GB"})
    httpx.post(server.url + "api/check", json={"text": NOTE * 5000})  # refused: too long
    httpx.get(server.url + "v2/check", params={"text": NOTE, "language": "de"})  # refused
    output = server.output()
    assert SECRET not in output and "Quartermaine" not in output
    assert "non-compliant" not in output


def test_ctrl_c_stops_it_cleanly(server):
    assert server.stop(signal.SIGINT) == 0
    assert server.final_output.rstrip().endswith("notecheck serve: stopped.")


def test_sigterm_stops_it_cleanly(servers):
    server = servers[1]
    try:
        assert "profile training" in server.output()
        response = httpx.post(server.url + "api/check", json={"text": "Called 07812 345678."})
        assert "personal-data.phone" in {d["rule"] for d in response.json()["diagnostics"]}
        output = server.output()
    finally:
        code = server.stop(signal.SIGTERM)
    assert code == 0, output
    assert server.final_output.rstrip().endswith("notecheck serve: stopped.")
