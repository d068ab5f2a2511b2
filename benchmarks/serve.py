"""How fast is `notecheck serve`, and does it keep working under load?

    PYTHONPATH=src python benchmarks/serve.py [--requests N] [--clients C] [--seconds S]

Starts `notecheck serve` on 127.0.0.1 and a free port (nothing else is ever a target),
waits for it to warm up, then measures
  (a) latency of POST /v2/check for a 300-word note, one request at a time (p50, p95;
      target p95 <= 150 ms);
  (b) throughput with C clients (default 20) sending the same note for S seconds
      (default 60: the soak test), with every answer checked (status 200, the expected
      finding present) and the server's resident memory sampled every second (it should
      stay flat).
Every loop is bounded in count and time, and the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def note_of(words: int) -> str:
    """A case note of about ``words`` words, from the examples' poor home visit."""
    text = (ROOT / "examples" / "children" / "home-visit-poor.md").read_text(encoding="utf-8")
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    out: list[str] = []
    while len(out) < words:
        out += body.split()
    return " ".join(out[:words])


def start_server() -> tuple[subprocess.Popen, int, Path]:
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"notecheck-serve-bench-{os.getpid()}.log"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    out = open(log, "w")
    process = subprocess.Popen([sys.executable, "-m", "notecheck", "serve", "--host", "127.0.0.1",
                                "--port", "0"], stdout=out, stderr=subprocess.STDOUT,
                               stdin=subprocess.DEVNULL, env=env)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        found = re.search(r"Open http://localhost:(\d+)/", log.read_text())
        if found:
            return process, int(found.group(1)), log
        if process.poll() is not None:
            break
        time.sleep(0.2)
    process.kill()
    raise SystemExit(f"notecheck serve did not start:\n{log.read_text()}")


def cpu_seconds(pid: int) -> float:
    """The server's user + system CPU time so far: what a request costs, whatever else
    the machine is doing (latency on a busy machine also counts waiting for a core)."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


class Client:
    """One keep-alive connection to the server."""

    def __init__(self, port: int, body: bytes):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.body = body
        self.headers = {"Content-Type": "application/x-www-form-urlencoded",
                        "Host": f"127.0.0.1:{port}"}

    def check(self) -> tuple[int, bytes]:
        self.connection.request("POST", "/v2/check", body=self.body, headers=self.headers)
        response = self.connection.getresponse()
        return response.status, response.read()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[index]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="sequential requests for latency")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60, help="how long the clients run")
    parser.add_argument("--words", type=int, default=300)
    args = parser.parse_args()

    load_start = " ".join(f"{v:.1f}" for v in os.getloadavg())
    note = note_of(args.words)
    body = urllib.parse.urlencode({"text": note, "language": "en-GB"}).encode()
    process, port, log = start_server()
    try:
        client = Client(port, body)
        for _ in range(5):  # the first requests after start-up
            client.check()
        latencies = []
        cpu_before = cpu_seconds(process.pid)
        for _ in range(args.requests):
            began = time.perf_counter()
            status, answer = client.check()
            latencies.append((time.perf_counter() - began) * 1000)
            assert status == 200, answer[:200]
        cpu_ms = (cpu_seconds(process.pid) - cpu_before) * 1000 / args.requests
        matches = answer.count(b'"offset"')
        print(f"note: {len(note.split())} words, {len(note)} characters, {matches} matches")
        print(f"latency, one client, {args.requests} requests: p50 {percentile(latencies, 50):.0f} ms, "
              f"p95 {percentile(latencies, 95):.0f} ms, max {max(latencies):.0f} ms; "
              f"server CPU time {cpu_ms:.0f} ms per request")

        statuses: dict[int, int] = {}
        wrong = [0]
        loaded: list[float] = []
        lock = threading.Lock()
        start = threading.Barrier(args.clients + 1)
        deadline = [0.0]

        def run():
            mine = Client(port, body)
            start.wait()
            while time.monotonic() < deadline[0]:
                began = time.perf_counter()
                try:
                    status, answer = mine.check()
                except (OSError, http.client.HTTPException):
                    status, answer = -1, b""
                    mine = Client(port, body)
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1
                    loaded.append((time.perf_counter() - began) * 1000)
                    if status == 200 and b"jargon.undefined-acronym" not in answer:
                        wrong[0] += 1

        threads = [threading.Thread(target=run, daemon=True) for _ in range(args.clients)]
        for t in threads:
            t.start()
        memory = [rss(process.pid)]
        deadline[0] = time.monotonic() + args.seconds
        began = time.monotonic()
        start.wait()
        while time.monotonic() < deadline[0]:
            time.sleep(1)
            memory.append(rss(process.pid))
        for t in threads:
            t.join(120)
        elapsed = time.monotonic() - began
        total = sum(statuses.values())
        errors = total - statuses.get(200, 0)
        mb = [m / 2**20 for m in memory]
        print(f"{args.clients} clients for {elapsed:.0f} s: {total} requests, "
              f"{total / elapsed:.1f} requests/s, {errors} errors {dict(sorted(statuses.items()))}, "
              f"{wrong[0]} wrong answers; latency under load p50 {percentile(loaded, 50):.0f} ms, "
              f"p95 {percentile(loaded, 95):.0f} ms")
        print(f"server memory (RSS): start {mb[0]:.0f} MB, max {max(mb):.0f} MB, end {mb[-1]:.0f} MB; "
              f"first half mean {statistics.mean(mb[:len(mb) // 2 or 1]):.0f} MB, "
              f"second half mean {statistics.mean(mb[len(mb) // 2:]):.0f} MB")
        print(f"load average at the start: {load_start}; at the end: {' '.join(f'{v:.1f}' for v in os.getloadavg())} "
              f"on {os.cpu_count()} cores")
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
