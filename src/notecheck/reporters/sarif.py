"""SARIF 2.1.0, for GitHub code scanning and other tools that read static-analysis results.

One result per diagnostic. Rule metadata (descriptions, help, help URI) comes from the
rules given at construction; the reporter computes nothing about the findings themselves.
No excerpt is written: an excerpt is note text, and SARIF files get uploaded elsewhere.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from notecheck import __version__
from notecheck.diagnostics import Diagnostic
from notecheck.reporters import Reporter, Summary, json_text

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/notecheck/notecheck"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}

# Diagnostics that do not come from a rule file.
BUILTIN_DESCRIPTIONS = {
    "notecheck.unused-suppression": "A notecheck-disable or notecheck: ignore comment that "
                                    "no longer hides any finding; remove it.",
    "notecheck.internal-error": "A rule that failed or ran too long on one note, so that note "
                                "was not checked for it; the message names the rule.",
}


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end == -1 else text[:end + 1]


def artifact_uri(path: str) -> str:
    """A relative URI for a path (forward slashes, unsafe characters escaped)."""
    posix = Path(path).as_posix()
    if Path(path).is_absolute():
        return Path(path).as_uri()
    # A name that is not UTF-8 (lone surrogates) is quoted as the bytes it is on disk.
    return quote(posix, safe="/-._~", errors="surrogateescape")


def sarif_fix(path: str, fix) -> dict:
    """A notecheck Fix as a SARIF fix: each edit a replacement of a region of the file;
    whether it is safe goes in the properties."""
    texts = " and ".join(f"'{e.new_text}'" for e in fix.edits)
    judge = "" if fix.applicability == "safe" else " (check that the meaning is kept)"
    return {
        "description": {"text": f"Write {texts} instead{judge}."},
        "artifactChanges": [{
            "artifactLocation": {"uri": artifact_uri(path)},
            "replacements": [{
                "deletedRegion": {"startLine": e.line, "startColumn": e.column,
                                  "endLine": e.end_line, "endColumn": e.end_column},
                "insertedContent": {"text": e.new_text},
            } for e in fix.edits],
        }],
        "properties": {"applicability": fix.applicability},
    }


class SarifReporter(Reporter):
    def __init__(self, stream, *, rules=(), **kwargs):
        super().__init__(stream, **kwargs)
        self.rule_info = {rule.id: rule for rule in rules}
        self.results: list[dict] = []
        self.rule_index: dict[str, int] = {}
        self.descriptors: list[dict] = []

    def _descriptor(self, rule_id: str) -> int:
        if rule_id in self.rule_index:
            return self.rule_index[rule_id]
        rule = self.rule_info.get(rule_id)
        if rule is not None:
            help_lines = [rule.description.strip(), "", f"Principle: {rule.principle.strip()}"]
            if rule.suggestion:
                help_lines += ["", f"Instead: {rule.suggestion}"]
            if rule.references:
                help_lines += ["", "Read more:", *(f"- {r}" for r in rule.references)]
            descriptor = {
                "id": rule.id,
                "name": rule.name,
                "shortDescription": {"text": first_sentence(rule.description)},
                "fullDescription": {"text": " ".join(rule.description.split())},
                "help": {"text": "\n".join(help_lines)},
                "defaultConfiguration": {"level": LEVELS[rule.severity.value]},
                "properties": {"category": rule.category},
            }
            uri = next((r for r in rule.references if r.startswith(("http://", "https://"))), None)
            if uri:
                descriptor["helpUri"] = uri
        else:
            text = BUILTIN_DESCRIPTIONS.get(rule_id, "notecheck could not read part of an input; "
                                                     "the message says what and where.")
            descriptor = {"id": rule_id, "shortDescription": {"text": text},
                          "fullDescription": {"text": text}, "help": {"text": text}}
        self.rule_index[rule_id] = len(self.descriptors)
        self.descriptors.append(descriptor)
        return self.rule_index[rule_id]

    def handle(self, d: Diagnostic) -> None:
        message = d.message
        if d.suggestion and d.suggestion not in message:
            message += f" Instead: {d.suggestion}."
        result = {
            "ruleId": d.rule,
            "ruleIndex": self._descriptor(d.rule),
            "level": LEVELS[d.severity.value],
            "message": {"text": message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": artifact_uri(d.path)},
                    "region": {"startLine": d.line, "startColumn": d.column,
                               "endLine": d.end_line, "endColumn": d.end_column},
                },
            }],
            "properties": {"category": d.category},
        }
        if d.note is not None:
            result["properties"]["note"] = d.note
        fingerprint = getattr(d, "fingerprint", None)
        if fingerprint:
            result["partialFingerprints"] = {"notecheckFingerprint/v1": fingerprint}
        fix = getattr(d, "fix", None)
        if fix is not None:
            result["fixes"] = [sarif_fix(d.path, fix)]
        self.results.append(result)

    def finish(self, summary: Summary) -> None:
        log = {
            "$schema": SCHEMA,
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {
                    "name": "notecheck",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": INFORMATION_URI,
                    "rules": self.descriptors,
                }},
                "columnKind": "unicodeCodePoints",
                "results": self.results,
            }],
        }
        self.stream.write(json_text(log) + "\n")
