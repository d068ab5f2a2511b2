"""Fuzz notecheck with N generated cases, outside pytest, and count what went wrong.

    PYTHONPATH=src python benchmarks/fuzz.py 5000 [--timeout 30] [--seed 0]

The cases come from the generators of tests/test_fuzz.py (random Unicode notes with
control characters, CR/CRLF and very long lines; random front matter; CSV, TSV and JSON
Lines exports with random quotes, delimiters and line breaks in cells; rule files, real
ones with fields broken and random ones), drawn by hypothesis with a fixed seed, so a run
is repeatable. Every rule of every category runs. Each case runs in a worker process
with a time limit: a case past it is a hang (the worker is killed and a new one started).

Printed per kind of case: how many ran, and how many
  crashed     an exception escaped notecheck (or the worker died)
  rule-error  a rule failed on a note (a notecheck.internal-error diagnostic)
  hung        ran past --timeout seconds
  lost        an export row that became no note and no diagnostic says why
  position    a diagnostic outside the file, or not pointing at the text it quotes
  refused     (not a failure) the note or some rows were refused with an input error
              (listed at the end by rule: input.binary, input.front-matter, ...)
and the distinct failures, by exception type and where it was raised (never note text).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

import notecheck.engine  # noqa: E402
import notecheck.nlp  # noqa: E402
import test_fuzz as fuzz  # noqa: E402
from hypothesis import Phase, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

INTERNAL = "notecheck.internal-error"

_real_load = notecheck.nlp.load_pipeline


@lru_cache(maxsize=None)
def _shared_pipeline(needs: frozenset, model):
    return _real_load(set(needs), model)


def _load_once(needs, model=None):
    """Rule files that load get a Linter each; they share pipelines, as in the tests."""
    return _shared_pipeline(frozenset(needs), model)


notecheck.engine.load_pipeline = _load_once

CASE = st.one_of(
    st.tuples(st.just("note"), fuzz.text_note()),
    st.tuples(st.just("note"), fuzz.text_note()),
    st.tuples(st.just("export"), fuzz.export()),
    st.tuples(st.just("rule-file"), fuzz.rule_yaml()),
)


def generate(count: int, seed: int) -> list:
    cases: list = []

    @settings(max_examples=count, derandomize=seed == 0, database=None, deadline=None,
              phases=[Phase.generate], suppress_health_check=list(fuzz.HealthCheck))
    @given(CASE)
    def collect(case):
        cases.append(case)

    if seed:
        from hypothesis import seed as with_seed
        collect = with_seed(seed)(collect)
    collect()
    return cases[:count]


def where(exc: BaseException) -> str:
    """An exception's type and the innermost notecheck frame: never its message, which
    may quote a note."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "notecheck" in f.filename]
    frame = frames[-1] if frames else traceback.extract_tb(exc.__traceback__)[-1]
    return f"{type(exc).__name__} at {Path(frame.filename).name}:{frame.lineno} ({frame.name})"


def run_case(case) -> dict:
    kind, data = case
    try:
        if kind == "note":
            diagnostics = fuzz.checker().check_text(data, path="note.txt")
            failed = sorted({d.message.split()[2] for d in diagnostics if d.rule == INTERNAL})
            if failed:
                return {"status": "rule-error", "detail": ", ".join(failed)}
            refusals = sorted({d.rule for d in diagnostics
                               if d.rule.startswith("input.") and d.severity.value == "error"})
            try:
                fuzz.check_positions(data, diagnostics, fuzz.rule_messages())
            except AssertionError as exc:
                return {"status": "position", "detail": f"rule {_rule_of(exc)}"}
            return {"status": "refused" if refusals else "ok", "refusals": refusals}
        if kind == "export":
            name, content, rows = data
            from notecheck.runner import Counts

            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / name
                path.write_bytes(content)
                counts = Counts()
                diagnostics = list(fuzz.checker().check_paths([str(path)], counts=counts))
            failed = sorted({d.message.split()[2] for d in diagnostics if d.rule == INTERNAL})
            if failed:
                return {"status": "rule-error", "detail": ", ".join(failed)}
            reported = fuzz.reported_rows(diagnostics, rows or 0)
            lost = rows - counts.notes - reported if rows is not None else 0
            if lost > 0:
                return {"status": "lost", "lost": lost,
                        "detail": f"{name.split('.')[-1]}: {rows} rows, {counts.notes} notes"}
            lines = fuzz.export_lines(content)
            for d in diagnostics:
                if not (1 <= d.line <= d.end_line <= len(lines)
                        and 1 <= d.column <= len(lines[d.line - 1]) + 1
                        and 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1):
                    return {"status": "position", "detail": f"rule {d.rule} in {name}"}
            refusals = sorted({d.rule for d in diagnostics
                               if d.rule.startswith("input.") and d.severity.value == "error"})
            if rows is None:
                return {"status": "ok", "refusals": refusals}
            return {"status": "refused" if reported else "ok", "refusals": refusals}
        return _rule_file(data)
    except Exception as exc:  # noqa: BLE001 - counting these is the point
        return {"status": "crashed", "detail": where(exc)}


def _rule_of(exc: AssertionError) -> str:
    """The rule id in check_positions' assertion: (rule, line, ...) or ((rule, ...), ...)."""
    value = exc.args[0] if exc.args else None
    while isinstance(value, tuple) and value:
        if isinstance(value[0], str):
            return value[0]
        value = value[0]
    return "?"


def _rule_file(text: str) -> dict:
    """Load a rule file (RuleLoadError or rules, nothing else); run what loads on a note."""
    from notecheck.engine import Linter
    from notecheck.notes.text import parse_text
    from notecheck.rules.loader import RuleLoadError, load_rules

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "rules.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            rules = load_rules([Path(folder)])
        except RuleLoadError:
            return {"status": "refused"}
    linter = Linter(rules)
    note = parse_text("note.txt", "Jamie kicked off at the LAC review. Mum said she was worried.")
    failed = [(d.message.split()[2], d.message.split("(")[1].split(")")[0])
              for d in linter.check(linter.parse(note)) if d.rule == INTERNAL]
    if failed:
        kinds = {r.id: r.kind for r in rules}
        return {"status": "rule-error", "detail": ", ".join(
            f"a loaded '{kinds.get(rule, '?')}' rule raised {error}" for rule, error in sorted(set(failed)))}
    return {"status": "ok"}


def _worker(connection) -> None:
    while True:
        case = connection.recv()
        if case is None:
            return
        connection.send(run_case(case))


class Worker:
    def __init__(self):
        context = multiprocessing.get_context("fork")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker, args=(child,), daemon=True)
        self.process.start()

    def run(self, case, timeout: float) -> dict | None:
        """The outcome, or None if the case ran past the time limit."""
        self.connection.send(case)
        if self.connection.poll(timeout):
            try:
                return self.connection.recv()
            except EOFError:
                return {"status": "crashed", "detail": "the worker process died"}
        return None

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, nargs="?", default=1000)
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per case")
    parser.add_argument("--seed", type=int, default=0, help="0: hypothesis's fixed derandomised order")
    args = parser.parse_args()

    started = time.monotonic()
    cases = generate(args.count, args.seed)
    print(f"generated {len(cases)} cases in {time.monotonic() - started:.0f} s", flush=True)
    fuzz.checker().linter.pipeline  # load once, before forking
    fuzz.rule_messages()
    worker = Worker()
    counts: dict[str, Counter] = defaultdict(Counter)
    failures: Counter = Counter()
    refusals: Counter = Counter()
    lost_notes = 0
    slowest = (0.0, "")
    for index, case in enumerate(cases, 1):
        kind = case[0]
        began = time.monotonic()
        outcome = worker.run(case, args.timeout)
        took = time.monotonic() - began
        if outcome is None:
            outcome = {"status": "hung", "detail": f"over {args.timeout:g} s"}
            worker.stop()
            worker = Worker()
        elif outcome["status"] == "crashed" and not worker.process.is_alive():
            worker.stop()
            worker = Worker()
        slowest = max(slowest, (took, kind))
        counts[kind]["cases"] += 1
        counts[kind][outcome["status"]] += 1
        lost_notes += outcome.get("lost", 0)
        if outcome["status"] not in ("ok", "refused"):
            failures[(kind, outcome["status"], outcome.get("detail", ""))] += 1
        for rule in outcome.get("refusals", ()):
            refusals[(kind, rule)] += 1
        if index % 500 == 0:
            print(f"  {index} cases, {time.monotonic() - started:.0f} s", flush=True)
    worker.connection.send(None)
    worker.stop()

    columns = ["cases", "ok", "refused", "crashed", "rule-error", "hung", "lost", "position"]
    print()
    print(f"{'':10}" + "".join(f"{c:>11}" for c in columns))
    total: Counter = Counter()
    for kind in sorted(counts):
        total.update(counts[kind])
        print(f"{kind:10}" + "".join(f"{counts[kind][c]:>11}" for c in columns))
    print(f"{'all':10}" + "".join(f"{total[c]:>11}" for c in columns))
    print(f"\nlost notes: {lost_notes}; slowest case: {slowest[0]:.1f} s ({slowest[1]}); "
          f"total {time.monotonic() - started:.0f} s")
    if failures:
        print("\nfailures:")
        for (kind, status, detail), count in failures.most_common():
            print(f"  {count:5}  {kind:9} {status:10} {detail}")
    if refusals:
        print("\ninput errors reported (not failures; a 'refused' case had one):")
        for (kind, rule), count in refusals.most_common():
            print(f"  {count:5}  {kind:9} {rule}")


if __name__ == "__main__":
    main()
