"""The engine and the four kinds, on tiny rules: what is flagged, where, and what is not."""

from __future__ import annotations

import textwrap

import pytest

from conftest import spans
from notecheck.config import Config
from notecheck.engine import Linter
from notecheck.notes import InputProblem
from notecheck.notes.text import parse_text
from notecheck.rules.loader import load_rules


def make_rules(tmp_path, body: str):
    """Rules from one YAML list item or several (written without the 'rules:' line)."""
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "r.yaml").write_text("rules:\n" + textwrap.indent(textwrap.dedent(body), "  "),
                                   encoding="utf-8")
    return load_rules([folder])


def rule_yaml(rule_id: str, kind: str, options: str, *, extra: str = "",
              message: str = "'{match}' found.") -> str:
    return (f"- id: {rule_id}\n  kind: {kind}\n  severity: warning\n  message: \"{message}\"\n"
            f"  description: A test rule.\n  principle: A test principle.\n{extra}"
            + textwrap.indent(textwrap.dedent(options), "  ")
            + "  examples:\n    fail: [x]\n    pass: [y]\n")


def lint(linter: Linter, text: str):
    return linter.check(linter.parse(parse_text("n.txt", text)))


# --- phrase -----------------------------------------------------------------------------

LABELS = rule_yaml("labelling.zz-label", "phrase", """\
    terms:
      - term: non-compliant
        suggestion: describe what was offered and what they said
      - term: attention seeking
        suggestion: describe what they did and what they may have needed
      - term: attention
        suggestion: should never win over the longer term
    """, extra="  skip_quoted: true\n")


@pytest.fixture
def labels(tmp_path):
    return Linter(make_rules(tmp_path, LABELS))


def test_phrase_is_case_insensitive_on_word_boundaries(labels):
    found = lint(labels, "Mum was NON-COMPLIANT. Noncompliant is not listed. Attention seeking again.\n")
    assert spans(found) == [("labelling.zz-label", 1, 9, 1, 22), ("labelling.zz-label", 1, 52, 1, 69)]
    assert found[1].suggestion == "describe what they did and what they may have needed"  # longest term wins


def test_phrase_not_inside_a_longer_word(labels):
    assert lint(labels, "The inattention was noted; reattention too.\n") == []


def test_phrase_skips_the_persons_own_words_in_quotes(labels):
    text = ("Jamie said \"they think I'm attention seeking\" and ‘non-compliant’ is what "
            "his file says. Staff called him attention seeking.\n")
    found = lint(labels, text)
    assert [(d.column, d.end_column) for d in found] == [(text.index("attention seeking.") + 1,
                                                          text.index("attention seeking.") + 18)]


def test_an_apostrophe_is_not_a_quotation(labels):
    found = lint(labels, "Jamie's mum was non-compliant, the school's view.\n")
    assert [d.column for d in found] == [17]


def test_rule_exceptions_are_not_reported(tmp_path):
    linter = Linter(make_rules(tmp_path, rule_yaml("jargon.zz-x", "phrase", """\
        terms:
          - term: contact
          - term: contact time
        """, extra="  exceptions: [Contact Time]\n")))
    found = lint(linter, "Contact time was moved; the contact went well.\n")
    assert [d.column for d in found] == [29]


def test_config_accept_drops_a_term_for_every_rule(tmp_path):
    linter = Linter(make_rules(tmp_path, LABELS), Config(accept=["Attention Seeking"]))
    found = lint(linter, "He is attention seeking and non-compliant.\n")
    assert [d.column for d in found] == [29]


def test_per_term_message_and_rule_message(tmp_path):
    linter = Linter(make_rules(tmp_path, rule_yaml("jargon.zz-x", "phrase", """\
        terms:
          - term: LAC
            message: "'{match}' is an old term; write '{suggestion}'."
            suggestion: child in care
          - term: placement
        """, message="'{match}' is jargon.")))
    found = lint(linter, "A lac placement.\n")
    assert [(d.message, d.suggestion) for d in found] == [
        ("'lac' is an old term; write 'child in care'.", "child in care"),
        ("'placement' is jargon.", None),
    ]


LEMMA = rule_yaml("labelling.zz-lemma", "phrase", """\
    lemma: true
    terms:
      - term: refuse to engage
        suggestion: say what was offered and what they said
    """)


def test_phrase_on_lemmas_matches_every_form(tmp_path):
    linter = Linter(make_rules(tmp_path, LEMMA))
    text = ("Mum refused to engage. Dad refuses to engage.\n"
            "Both are refusing to engage. The refusal to engage is noted.\n")
    found = lint(linter, text)
    assert spans(found) == [
        ("labelling.zz-lemma", 1, 5, 1, 22),
        ("labelling.zz-lemma", 1, 28, 1, 45),
        ("labelling.zz-lemma", 2, 10, 2, 28),
    ]


def test_phrase_without_lemmas_matches_only_the_written_form(tmp_path):
    linter = Linter(make_rules(tmp_path, LEMMA.replace("lemma: true", "lemma: false")))
    assert [d.column for d in lint(linter, "Mum refused to engage; dad refuse to engage.\n")] == [28]


# --- acronym ----------------------------------------------------------------------------

ACRONYMS = rule_yaml("jargon.zz-acronym", "acronym", """\
    acronyms:
      CIN: child in need
      CP: [child protection, child-protection]
      SW: social worker
      GP: general practitioner
    allow: [GP]
    """, message="Spell out '{acronym}' ({suggestion}).")


@pytest.fixture
def acronyms(tmp_path):
    return Linter(make_rules(tmp_path, ACRONYMS))


def test_acronym_flagged_once_at_first_use(acronyms):
    found = lint(acronyms, "The CIN plan. CIN review. The SWs visited.\n")
    assert [(d.column, d.end_column, d.message) for d in found] == [
        (5, 8, "Spell out 'CIN' (child in need)."),
        (31, 34, "Spell out 'SW' (social worker)."),  # the plural 'SWs' counts
    ]


@pytest.mark.parametrize("text", [
    "The child in need (CIN) plan. The CIN review.",
    "The CIN (child in need) plan.",
    "The CIN ( Child in Need ) plan.",
    "Jamie is a child in need. The CIN plan.",
    "The child\nin need plan. The CIN plan.",
])
def test_acronym_spelled_out_before_or_at_first_use(acronyms, text):
    assert lint(acronyms, text + "\n") == []


def test_acronym_spelled_out_only_after_first_use(acronyms):
    found = lint(acronyms, "The CIN plan. The child in need plan.\n")
    assert [d.column for d in found] == [5]


def test_acronym_alternative_expansion_and_allow_list(acronyms):
    assert lint(acronyms, "A child-protection (CP) case. The GP called.\n") == []


def test_acronym_not_part_of_a_longer_token(acronyms):
    found = lint(acronyms, "cinema CINEMA A&CP CP2 XCIN\n")
    assert found == []


# --- pattern and regex --------------------------------------------------------------------

def test_pattern_rule_on_part_of_speech(tmp_path):
    linter = Linter(make_rules(tmp_path, rule_yaml("clarity.zz-vague", "pattern", """\
        patterns:
          - tokens: [{LOWER: very}, {POS: ADJ}]
            suggestion: describe what you saw
          - tokens: [{LOWER: quite}, {POS: ADJ}]
        """)))
    found = lint(linter, "Jamie was very upset and quite tearful.\n")
    assert [(d.column, d.end_column, d.suggestion) for d in found] == [
        (11, 21, "describe what you saw"), (26, 39, None)]


def test_pattern_overlapping_matches_give_one_finding(tmp_path):
    linter = Linter(make_rules(tmp_path, rule_yaml("clarity.zz-x", "pattern", """\
        patterns:
          - tokens: [{LOWER: kicked}, {LOWER: "off"}]
          - tokens: [{LOWER: kicked}, {LOWER: "off"}, {LOWER: again}]
        """)))
    found = lint(linter, "He kicked off again.\n")
    assert [(d.column, d.end_column) for d in found] == [(4, 20)]


def test_regex_with_a_validator(tmp_path, monkeypatch):
    from notecheck.kinds import regex

    monkeypatch.setitem(regex.VALIDATORS, "even", lambda text: int(text) % 2 == 0)
    linter = Linter(make_rules(tmp_path, rule_yaml("personal-data.zz-even", "regex", """\
        regex: '\\b\\d{4}\\b'
        validator: even
        """)))
    found = lint(linter, "Codes 1234, 1235 and 2000.\n")
    assert [d.column for d in found] == [7, 22]


def test_regex_group(tmp_path):
    linter = Linter(make_rules(tmp_path, rule_yaml("timeliness.zz-x", "regex", """\
        regex: 'visited on (?P<day>\\w+day)'
        group: day
        """)))
    found = lint(linter, "We visited on Monday.\n")
    assert [(d.column, d.end_column, d.message) for d in found] == [(15, 21, "'Monday' found.")]


# --- the pipeline: only what the rules need --------------------------------------------------

@pytest.mark.parametrize(("body", "wanted", "unwanted"), [
    (LABELS, set(), {"tok2vec", "tagger", "parser", "ner", "lemmatizer"}),
    (LEMMA, {"tagger", "notecheck_attributes", "lemmatizer"}, {"parser", "ner", "attribute_ruler"}),
    (rule_yaml("clarity.zz-d", "pattern", "patterns:\n  - tokens: [{DEP: nsubjpass}]\n"),
     {"parser"}, {"ner", "lemmatizer"}),
    (rule_yaml("clarity.zz-e", "pattern", "patterns:\n  - tokens: [{ENT_TYPE: PERSON}]\n"),
     {"ner"}, {"parser", "lemmatizer"}),
    (rule_yaml("clarity.zz-s", "pattern", "patterns:\n  - tokens: [{IS_SENT_START: true}]\n"),
     {"senter"}, {"parser", "ner", "tagger"}),
])
def test_pipeline_has_only_the_components_the_rules_need(tmp_path, body, wanted, unwanted):
    linter = Linter(make_rules(tmp_path, body))
    components = set(linter.pipeline.components)
    assert wanted <= components
    assert not unwanted & components


def test_lint_streams_notes_and_problems_in_order(tmp_path):
    linter = Linter(make_rules(tmp_path, LABELS))
    items = [
        ("a.txt", parse_text("a.txt", "She was non-compliant.\n")),
        ("b.txt", InputProblem("input.binary", "Binary.")),
        ("c.txt", parse_text("c.txt", "Fine.\n")),
        ("d.txt", parse_text("d.txt", "---\nsubject: Jo\n---\nAttention seeking.\n")),
    ]
    found = list(linter.lint(iter(items * 40)))  # more than one batch
    assert [(d.path, d.rule, d.line) for d in found[:3]] == [
        ("a.txt", "labelling.zz-label", 1), ("b.txt", "input.binary", 1),
        ("d.txt", "labelling.zz-label", 4)]
    assert len(found) == 3 * 40


def test_run_examples_reports_wrong_examples(tmp_path):
    body = LABELS.replace("fail: [x]", "fail: [She was non-compliant., She was late.]")
    body = body.replace("pass: [y]", "pass: [She said no., He is attention seeking.]")
    [rule] = make_rules(tmp_path, body)
    failures = Linter([rule]).run_examples(rule)
    assert [(f.expected, f.example) for f in failures] == [
        ("fail", "She was late."), ("pass", "He is attention seeking.")]


@pytest.mark.parametrize("needs", [{"parse"}, {"sents"}, {"tokens"}])
def test_note_layout_starts_sentences_but_hard_wrapping_does_not(needs):
    """Headings, list items and blank lines end a sentence whatever the pipeline; a line
    break in the middle of a sentence does not."""
    from notecheck.nlp import load_pipeline

    nlp = load_pipeline(needs).nlp
    doc = nlp("**Actions:**\n- Info passed to school and GP.\n- SW to see Lily in school.\n\n"
              "The mother was\nvery upset about it. She cried.")
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences[-4:] == ["- Info passed to school and GP.", "- SW to see Lily in school.",
                              "The mother was\nvery upset about it.", "She cried."]
