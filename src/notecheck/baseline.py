"""Baselines: adopt notecheck in an existing body of records and see only new findings.

A baseline file lists each finding's rule, note (its id, or the file when it has none) and
fingerprint — a hash of the finding's sentence, never the sentence itself — with how
many times it occurred. ``check --baseline`` hides up to that many findings with the same
fingerprint, so moving a note or editing an unrelated line does not bring old findings back,
while a second, new occurrence in the same sentence is still reported.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from notecheck.diagnostics import Diagnostic
from notecheck.files import write_atomic

VERSION = 1


class BaselineError(Exception):
    pass


def baseline_document(diagnostics: Iterable[Diagnostic]) -> dict:
    counts: Counter = Counter()
    labels: dict[str, tuple[str, str]] = {}
    for d in diagnostics:
        if d.fingerprint is None:
            continue  # input problems (unreadable files, broken rows) are always reported
        counts[d.fingerprint] += 1
        labels[d.fingerprint] = (d.rule, d.note if d.note is not None else d.path)
    entries = [{"rule": labels[fp][0], "note": labels[fp][1], "fingerprint": fp, "count": n}
               for fp, n in counts.items()]
    entries.sort(key=lambda e: (e["note"], e["rule"], e["fingerprint"]))
    return {"version": VERSION, "tool": "notecheck", "findings": entries}


def write_baseline(path: Path, diagnostics: Iterable[Diagnostic]) -> int:
    document = baseline_document(diagnostics)
    write_atomic(path, json.dumps(document, indent=2, ensure_ascii=False) + "\n")
    return sum(e["count"] for e in document["findings"])


class Baseline:
    def __init__(self, counts: Counter):
        self.counts = counts

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise BaselineError(f"the baseline {path} could not be read ({exc.strerror or exc}).") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BaselineError(f"the baseline {path} is not a notecheck baseline file ({exc}). "
                                "Make one with 'notecheck baseline PATHS --out FILE'.") from None
        if not isinstance(document, dict) or document.get("version") != VERSION:
            raise BaselineError(f"the baseline {path} is not a version {VERSION} notecheck baseline; "
                                "make it again with 'notecheck baseline PATHS --out FILE'.")
        counts: Counter = Counter()
        for entry in document.get("findings", []):
            counts[entry["fingerprint"]] += int(entry.get("count", 1))
        return cls(counts)

    def new_only(self, diagnostics: Iterable[Diagnostic]) -> Iterator[Diagnostic]:
        """The diagnostics the baseline does not account for, in order."""
        remaining = Counter(self.counts)
        for d in diagnostics:
            if d.fingerprint is not None and remaining[d.fingerprint] > 0:
                remaining[d.fingerprint] -= 1
                continue
            yield d
