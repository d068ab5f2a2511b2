"""The personal-data rules measured on test sets with expected outcomes.

tests/data/identifiers.yaml: valid identifiers, invalid check digits, official
placeholders and look-alikes (phones vs NHS numbers, references, times, dates).
tests/data/identifiers-peers.yaml: the UK identifier test cases of peer projects (Presidio,
scrubadub, python-stdnum, NHS-number and NI-number validators, GOV.UK Notify) and the
official specifications, each with its source.
tests/data/names.yaml: case-note-like sentences with every name mention marked.
benchmarks/personal_data.py prints the same figures with every miss.
"""

import importlib.util
from pathlib import Path

import pytest
import yaml

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "personal_data.py"
spec = importlib.util.spec_from_file_location("personal_data_benchmark", BENCHMARK)
benchmark = importlib.util.module_from_spec(spec)
spec.loader.exec_module(benchmark)


@pytest.fixture(scope="module")
def identifier_scores():
    return benchmark.measure_identifiers()


@pytest.fixture(scope="module")
def peer_scores():
    return benchmark.measure_identifiers(case_file="identifiers-peers.yaml")


@pytest.fixture(scope="module")
def name_scores():
    linter = benchmark.training_linter(lambda r: r.kind == "person-name")
    if not linter.pipeline.trained:
        pytest.skip("no trained English pipeline installed")
    return benchmark.measure_names(linter)


def test_identifier_test_set_is_big_and_varied():
    cases = yaml.safe_load((benchmark.DATA / "identifiers.yaml").read_text("utf-8"))["cases"]
    groups = {c["group"] for c in cases}
    assert len(cases) >= 150
    assert groups == {"valid", "invalid-check-digit", "placeholder", "look-alike"}


def test_recall_on_real_identifiers(identifier_scores):
    assert identifier_scores["recall"] >= 0.98, identifier_scores["missed"]


def test_no_flags_on_placeholders_or_invalid_check_digits(identifier_scores):
    assert identifier_scores["placeholder_or_invalid_flags"] == []


def test_no_flags_on_look_alikes(identifier_scores):
    assert [w for w in identifier_scores["wrong_flags"] if w[0] == "look-alike"] == []


def test_peer_case_file_covers_every_identifier_and_names_its_sources():
    cases = yaml.safe_load((benchmark.DATA / "identifiers-peers.yaml").read_text("utf-8"))["cases"]
    assert len(cases) >= 150
    assert {c["group"] for c in cases} == {"valid", "invalid", "placeholder", "look-alike"}
    assert all(c.get("source") for c in cases)
    rules = {rule for c in cases for rule in c["expect"]}
    assert rules == {f"personal-data.{r}" for r in (
        "nhs-number", "chi-number", "health-care-number", "ni-number", "postcode", "phone",
        "email", "date-of-birth", "address")}
    texts = [c["text"] for c in cases]
    assert len(texts) == len(set(texts))


def test_found_on_the_peer_cases(peer_scores):
    assert peer_scores["recall"] >= 0.95, peer_scores["missed"]


def test_false_flags_on_the_peer_cases(peer_scores):
    assert peer_scores["false_flag_rate"] <= 0.03, peer_scores["wrong_flags"]
    assert peer_scores["negatives_flagged_rate"] <= 0.03, peer_scores["wrong_flags"]


def test_no_flags_on_official_placeholders_or_invalid_identifiers_in_the_peer_cases(peer_scores):
    assert peer_scores["placeholder_or_invalid_flags"] == []


def test_name_recall(name_scores):
    assert name_scores["sentences"] >= 40
    assert name_scores["recall"] >= 0.85, name_scores["missed"]


def test_relationship_words_are_never_names(name_scores):
    assert name_scores["relationship_flags"] == []


def test_name_precision(name_scores):
    assert name_scores["precision"] >= 0.9, name_scores["extra"]
