"""notecheck's look-up of the model's attribute_ruler patterns gives every token the same
part of speech, morphology, lemma, tag and dependency label as spaCy's attribute_ruler,
on every note of the test sets."""

from __future__ import annotations

from pathlib import Path

import pytest

from notecheck import nlp
from notecheck.notes.text import parse_text

TESTS = Path(__file__).resolve().parent
SETS = ("corpus", "heldout", "heldout2", "heldout3")
NEEDS = {"pos", "lemma", "parse", "sents"}

pytestmark = pytest.mark.skipif(nlp.find_model() is None, reason="no trained English pipeline installed")


def notes() -> list[str]:
    return [parse_text(str(path), path.read_text(encoding="utf-8")).text
            for name in SETS for path in sorted((TESTS / name).glob("*.md"))]


def test_the_look_up_replaces_spacys_attribute_ruler():
    fast = nlp.load_pipeline(NEEDS)
    assert "attribute_ruler" not in fast.components
    assert "notecheck_attributes" in fast.components
    assert fast.components.index("notecheck_attributes") < fast.components.index("lemmatizer")


@pytest.mark.parametrize("needs", [NEEDS, {"lemma"}], ids=["with the parser", "without the parser"])
def test_every_token_on_every_test_note_is_unchanged(needs):
    texts = notes()
    assert len(texts) > 200
    spacy_own = nlp.load_pipeline(needs, fast_attributes=False)
    assert "attribute_ruler" in spacy_own.components
    fast = nlp.load_pipeline(needs)
    assert ("parser" in fast.components) == ("parse" in needs)
    tokens, differ = 0, []
    for slow_doc, fast_doc in zip(spacy_own.nlp.pipe(texts), fast.nlp.pipe(texts)):
        assert len(slow_doc) == len(fast_doc)
        for a, b in zip(slow_doc, fast_doc):
            tokens += 1
            before = (a.pos_, a.lemma_, str(a.morph), a.tag_, a.dep_, a.is_sent_start)
            after = (b.pos_, b.lemma_, str(b.morph), b.tag_, b.dep_, b.is_sent_start)
            if before != after:
                differ.append((a.text, before, after))
    assert tokens > 40_000
    assert differ == []


def test_patterns_it_cannot_apply_keep_spacys_ruler():
    from notecheck.attributes import compile_patterns

    assert compile_patterns([{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}]) is not None
    # An operator or a feature the look-up does not know: compile says no.
    assert compile_patterns([{"patterns": [[{"TAG": "NN", "OP": "+"}]], "attrs": {"POS": "NOUN"}}]) is None
    assert compile_patterns([{"patterns": [[{"ENT_TYPE": "GPE"}]], "attrs": {"POS": "PROPN"}}]) is None
    assert compile_patterns([{"patterns": [[{"TAG": "NN"}]], "attrs": {"NORM": "x"}}]) is None
