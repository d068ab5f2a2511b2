"""Start-up and output costs that must not change what a run says: spaCy's registries find
plug-ins by group from catalogue's grouped entry points, and the JSON reporters write the
same text as ``json.dumps(indent=2, ensure_ascii=False)`` without its pure-Python indenting."""

from __future__ import annotations

import enum
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from notecheck.reporters import indented_json, json_text


class Level(str, enum.Enum):
    WARNING = "warning"


class Text(str):
    pass


DOCUMENTS = [
    {},
    [],
    {"version": 1, "diagnostics": [], "summary": {"by_rule": {}, "by_category": {}}},
    {"a": [1, 2.5, -0.0, 1e-07, 12345678901234567890, True, False, None, "x"], "b": {"c": [[], {}, [[]]]}},
    {"message": 'Write "has" — not ‘suffers’ — for Zoë\n\ttab \\ slash / \u2028 \x1b[31m', "": ""},
    {"severity": Level.WARNING, "text": Text("a computed text"), "pair": (1, "two")},
    [{"line": 3, "fix": {"edits": [{"start": 1, "end": 2, "text": ""}]}, "note": None}],
    "just a string",
    7,
]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_indented_json_is_what_json_writes(document):
    assert indented_json(document) == json.dumps(document, indent=2, ensure_ascii=False)


@pytest.mark.parametrize("document", [{"n": float("nan")}, {"i": float("inf")}, {1: "int key"},
                                      {None: 1, True: 2, 2.5: 3}, {"set": {1}}])
def test_what_indented_json_does_not_write_the_json_module_still_does(document):
    try:
        expected = json.dumps(document, indent=2, ensure_ascii=False)
    except TypeError:
        with pytest.raises(TypeError):
            json_text(document)
        return
    assert json_text(document) == expected


def test_json_text_still_escapes_unsafe_characters():
    assert json_text({"m": "a\x1bb\u202ec"}) == '{\n  "m": "a\\u001bb\\u202ec"\n}'


def test_registries_find_the_same_entry_points_by_group():
    code = """
import warnings
warnings.simplefilter("error", DeprecationWarning)
import spacy, catalogue
before = catalogue.AVAILABLE_ENTRY_POINTS
from notecheck import nlp
nlp.index_entry_points()
after = catalogue.AVAILABLE_ENTRY_POINTS
assert after is not before
groups = list(dict.keys(before)) + ["spacy_factories", "spacy_languages", "no_such_group"]
for group in groups:
    assert list(after.select(group=group)) == list(before.select(group=group)), group
    assert type(after.select(group=group)) is type(before.select(group=group))
nlp.index_entry_points()
assert catalogue.AVAILABLE_ENTRY_POINTS is after
print("ok", len(groups))
"""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok")


IDS = ["CN00001", "jane.smith@gmail.com", "JANE.SMITH@GMAIL.COM", "k.patel[at]hotmail.co.uk",
       "943 476 5919", "9434765919", "QQ 12 34 56 C", "LS1 4AP", "07700 900123", "12/03/2015",
       "DOB 12/03/2015", "dob: 12/03/2015", "born on 4th June 2019", "2015-03-12", "case-77",
       "Ref 2026/11/0042", "", "   ", "mum at gmail dot com"]


def test_a_note_id_is_masked_as_the_unguarded_patterns_would_mask_it():
    from notecheck.checker import Checker
    from notecheck.identifiers import mask
    from notecheck.kinds.base import PATTERN_TIMEOUT
    from notecheck.kinds.regex import VALIDATORS
    from notecheck.masking import masked_id

    rules = Checker().default().linter.masking_rules
    assert any(r.options.requires_any for r in rules)

    def every_pattern(note_id):
        if not note_id:
            return note_id
        for rule in rules:
            matched = rule.compiled.compiled.fullmatch(note_id.strip(), timeout=PATTERN_TIMEOUT)
            validator = VALIDATORS.get(rule.options.validator) if matched and rule.options.validator else None
            if matched and (validator is None or validator(note_id)):
                return mask(note_id)
        return note_id

    for note_id in IDS:
        assert masked_id(note_id, rules) == every_pattern(note_id), note_id
    assert masked_id("jane.smith@gmail.com", rules) != "jane.smith@gmail.com"
    assert masked_id("CN00001", rules) == "CN00001"
