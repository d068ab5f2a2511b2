"""The sentence-evidence classifier (training/train.py, shipped in
src/notecheck/models/evidence) and the rules that read it, on realistic notes:
finding by finding (rule id, line, column)."""

from __future__ import annotations

import pytest

from notecheck import nlp
from notecheck.checker import Checker
from notecheck.config import Config


def found(checker, text: str, metadata=None) -> list[tuple[str, int, int]]:
    return [(d.rule, d.line, d.column) for d in checker.check_text(text, metadata)]


@pytest.fixture(scope="module")
def judgement():
    return Checker(Config(), select=["voice", "opinion", "attribution", "holistic", "timeliness"],
                   today=__import__("datetime").date(2026, 12, 1))


def test_the_model_ships_in_the_package_and_is_small():
    files = [p for p in nlp.EVIDENCE_MODEL.rglob("*") if p.is_file()]
    assert (nlp.EVIDENCE_MODEL / "config.cfg").is_file()
    assert sum(p.stat().st_size for p in files) <= 10_000_000


def test_sentences_get_the_evidence_they_carry():
    classifier = nlp.load_evidence()
    said, history, shared = classifier.pipe([
        "Jamie told me, \"I want to live with my nan.\"",
        "Mum has a history of not engaging with services.",
        "I sent the referral to the school nurse so she can offer Jamie support.",
    ])
    assert said.cats["voice"] > 0.5
    assert history.cats["unsourced_claim"] > 0.5 and history.cats["voice"] < 0.5
    assert shared.cats["sharing"] > 0.5 and shared.cats["sharing_purpose"] > 0.5


def test_the_model_loads_only_for_a_rule_that_needs_it():
    nlp.load_evidence.cache_clear()
    checker = Checker(Config(), select=["jargon"])
    checker.check_text("Home visit. Mum said Jamie is doing well. Next visit in four weeks.")
    assert nlp.load_evidence.cache_info().currsize == 0
