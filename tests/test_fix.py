"""Fixes: what a finding's fix is, `check --fix` / `--unsafe-fixes` / `--diff` on realistic
notes (the exact text that results), the fixes in JSON, SARIF and the cache, and the
corpus: applying every safe fix and checking again adds no finding.

These run the shipped rule packs: a fix is only as good as the words the rules give.
"""

from __future__ import annotations

import collections
import json
import os
import stat
import textwrap
from pathlib import Path

import pytest

from notecheck.checker import Checker
from notecheck.diagnostics import Edit, Fix
from notecheck.fixes import apply, cased, fix_text, literal

CORPUS = Path(__file__).parent / "corpus"
DATA = Path(__file__).parent / "data"
FIXABLE = ["jargon.formal-word", "jargon.undefined-acronym", "jargon.note-shorthand",
           "jargon.re-for-about", "labelling.institutional-language"]
SELECT = [arg for rule in FIXABLE for arg in ("--select", rule)]

VISIT = textwrap.dedent("""\
    ---
    subject: Jamie
    subject_type: child
    note_type: home visit
    contact_date: 2026-11-24
    recorded_date: 2026-11-24
    ---
    # Home visit

    Tel call to Mum prior to the visit to confirm the time. Commence with the LAC review
    paperwork: the IRO asked for it re the review on 3 December.

    Jamie showed me his room. The SW will assist with the move, and the SW will
    ensure his peers at school know. He attended respite on Friday.
    """)

VISIT_FIXED = textwrap.dedent("""\
    ---
    subject: Jamie
    subject_type: child
    note_type: home visit
    contact_date: 2026-11-24
    recorded_date: 2026-11-24
    ---
    # Home visit

    Phone call to Mum before the visit to confirm the time. Start with the looked after child (LAC) review
    paperwork: the independent reviewing officer (IRO) asked for it about the review on 3 December.

    Jamie showed me his room. The social worker (SW) will help with the move, and the SW will
    make sure his peers at school know. He attended respite on Friday.
    """)


@pytest.fixture(scope="module")
def checker():
    return Checker(select=FIXABLE, cache=False)


def findings(diagnostics) -> list[tuple]:
    return [(d.rule, d.line, d.column, d.fix.applicability if d.fix else None,
             d.fix.edits[0].new_text if d.fix else None) for d in diagnostics]


# --- what a fix is -------------------------------------------------------------------------

def test_findings_carry_fixes_in_the_files_coordinates(checker):
    found = findings(checker.check_text(VISIT, path="visit.md"))
    assert found == [
        ("jargon.note-shorthand", 10, 1, "safe", "Phone call"),
        ("jargon.formal-word", 10, 17, "safe", "before"),
        ("jargon.formal-word", 10, 57, "safe", "Start"),
        ("jargon.undefined-acronym", 10, 75, "safe", "looked after child (LAC)"),
        # "(name)'s review" is advice with a blank to fill: no fix.
        ("labelling.institutional-language", 10, 75, None, None),
        ("jargon.undefined-acronym", 11, 16, "safe", "independent reviewing officer (IRO)"),
        ("jargon.re-for-about", 11, 33, "safe", "about"),
        ("jargon.undefined-acronym", 13, 31, "safe", "social worker (SW)"),
        ("jargon.formal-word", 13, 39, "safe", "help"),
        ("jargon.formal-word", 14, 1, "safe", "make sure"),
        ("labelling.institutional-language", 14, 12, None, None),
        ("labelling.institutional-language", 14, 46, None, None),
    ]
    edit = checker.check_text(VISIT, path="visit.md")[0].fix.edits[0]
    assert (edit.line, edit.column, edit.end_line, edit.end_column) == (10, 1, 10, 9)


def test_an_inflected_or_ambiguous_match_has_no_fix(checker):
    # "commenced" would need "started", which a word list cannot give; ASC is adult
    # social care or autism spectrum condition, which only the writer knows.
    text = "The work commenced in March. The ASC team visited.\n"
    assert findings(checker.check_text(text)) == [
        ("jargon.formal-word", 1, 10, None, None),
        ("jargon.undefined-acronym", 1, 34, None, None),
    ]


def test_a_spelled_out_acronym_does_not_repeat_the_word_after_it(checker):
    # The expansion ends with the word the writer put next: it is said once, after the
    # acronym, and a fix that would repeat nothing is unchanged.
    text = "Phone call about the S42 enquiry. The S47 threshold was met. The IRO will ring.\n"
    found = [f for f in findings(checker.check_text(text)) if f[0] == "jargon.undefined-acronym"]
    assert found == [
        ("jargon.undefined-acronym", 1, 22, "safe", "Section 42 safeguarding (S42)"),
        ("jargon.undefined-acronym", 1, 39, "safe", "Section 47 child protection enquiry (S47)"),
        ("jargon.undefined-acronym", 1, 66, "safe", "independent reviewing officer (IRO)"),
    ]


def test_a_replacement_for_a_service_term_is_unsafe(checker):
    text = "The plan is permanence with Mr and Mrs Osei.\n"
    assert findings(checker.check_text(text)) == [
        ("labelling.institutional-language", 1, 13, "unsafe", "a settled, long-term home")]


@pytest.mark.parametrize("suggestion, expected", [
    ("start", "start"),
    ("make sure", "make sure"),
    ("Write 'phone call'.", "phone call"),
    ('Write "a settled, long-term home".', "a settled, long-term home"),
    ("carry out, or put in place", None),         # a choice: the writer picks
    ("to, or for", None),
    ("Write 'the week starting', with the date.", None),
    ("Describe what you actually saw or heard.", None),
    (None, None),
])
def test_only_a_suggestion_that_is_literally_the_text_becomes_a_replacement(suggestion, expected):
    assert literal(suggestion) == expected


@pytest.mark.parametrize("matched, replacement, start, expected", [
    ("Commence", "start", True, "Start"),
    ("commence", "start", False, "start"),
    ("Commence", "start", False, "Start"),       # a capital mid-sentence is kept
    ("T/C", "phone call", False, "phone call"),  # an abbreviation's capitals are its own
    ("T/C", "phone call", True, "Phone call"),
    ("LAC", "looked after child (LAC)", True, "Looked after child (LAC)"),
    ("NRM", "National Referral Mechanism (NRM)", False, "National Referral Mechanism (NRM)"),
])
def test_the_matched_texts_capital_letter_is_kept(matched, replacement, start, expected):
    assert cased(matched, replacement, start) == expected


def test_overlapping_fixes_take_the_first_and_the_recheck_does_the_other(tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "overlap.yaml").write_text(textwrap.dedent("""\
        rules:
          - id: jargon.zz-long
            kind: phrase
            severity: info
            fix: safe
            message: "'{match}': write '{suggestion}'."
            description: A test rule.
            principle: Plain English.
            terms: [{term: prior to the visit, suggestion: before the visit}]
            examples: {fail: ["Prior to the visit."], pass: ["Before the visit."]}
          - id: jargon.zz-short
            kind: phrase
            severity: info
            fix: safe
            message: "'{match}': write '{suggestion}'."
            description: A test rule.
            principle: Plain English.
            terms: [{term: the visit, suggestion: our visit}]
            examples: {fail: ["After the visit."], pass: ["After our visit."]}
        """), encoding="utf-8")
    checker = Checker(rule_dirs=[rules], select=["jargon.zz-*"], cache=False)
    text = "I phoned prior to the visit.\n"
    first = checker.check_text(text)
    assert [(d.rule, d.column, d.end_column) for d in first] == [
        ("jargon.zz-long", 10, 28), ("jargon.zz-short", 19, 28)]
    assert apply(text, [d.fix for d in first]) == ("I phoned before the visit.\n", 1)
    fixed = fix_text(checker.check_text, text)
    assert (fixed.text, fixed.count, fixed.diagnostics) == ("I phoned before our visit.\n", 2, [])


def test_apply_takes_edits_in_file_positions_with_any_line_ending():
    fix = Fix("safe", (Edit(2, 1, 2, 9, "Start"),))
    assert apply("Visit.\r\nCommence now.\r\n", [fix]) == ("Visit.\r\nStart now.\r\n", 1)


def test_rule_files_say_whether_a_fix_is_safe(tmp_path):
    from notecheck.rules.loader import RuleLoadError, load_rules

    base = textwrap.dedent("""\
        rules:
          - id: opinion.zz-test
            kind: {kind}
            severity: info
            fix: {fix}
            message: "'{{match}}'."
            description: A test rule.
            principle: Plain English.
            {options}
            examples: {{fail: ["x"], pass: ["y"]}}
        """)
    cases = [("phrase", "maybe", "terms: [{term: x}]", "fix"),
             ("sentence-length", "safe", "max_words: 20", "gives no replacement text")]
    for kind, fix, options, expected in cases:
        folder = tmp_path / f"{kind}-{fix}"
        folder.mkdir()
        (folder / "rule.yaml").write_text(base.format(kind=kind, fix=fix, options=options), encoding="utf-8")
        with pytest.raises(RuleLoadError) as caught:
            load_rules([folder])
        assert expected in str(caught.value), str(caught.value)
        assert f"{folder / 'rule.yaml'}:5" in str(caught.value)


# --- check --fix / --diff ------------------------------------------------------------------

def test_fix_rewrites_the_note_and_reports_what_remains_at_its_new_place(cli, write):
    note = write("notes/visit.md", VISIT, dedent=False)
    result = cli(["check", "--fix", "--format", "text", *SELECT, note])
    assert note.read_text(encoding="utf-8") == VISIT_FIXED
    # What remains is reported where it now is: 'peers' moved from 14:12 to 14:15.
    assert result.stdout.splitlines()[:-1] == [
        f"{note}:14:15: info labelling.institutional-language 'peers' is the language of services, "
        "not of the person's life. Write \"friends\", \"other young people\", or \"classmates\".",
        f"{note}:14:49: info labelling.institutional-language 'respite' is the language of services, "
        "not of the person's life. Write \"short break\", \"sleepover\", or say where the person "
        "stayed and what they did.",
    ]
    assert "notecheck: fixed 9 findings in 1 file." in result.stderr
    assert result.exit_code == 0  # only infos remain, below the default fail_on (warning)
    lines = VISIT_FIXED.splitlines()
    assert lines[13][14:19] == "peers" and lines[13][48:55] == "respite"


def test_fix_twice_changes_nothing_the_second_time(cli, write):
    note = write("notes/visit.md", VISIT, dedent=False)
    cli(["check", "--fix", *SELECT, note])
    once = note.read_bytes()
    again = cli(["check", "--fix", "--format", "json", *SELECT, note])
    assert note.read_bytes() == once
    assert "fixed 0 findings in 0 files." in again.stderr
    assert [d["rule"] for d in again.json["diagnostics"]] == ["labelling.institutional-language"] * 2


def test_diff_shows_the_fixes_and_writes_nothing(cli, write):
    note = write("visit.md", VISIT, dedent=False)
    result = cli(["check", "--diff", *SELECT, "visit.md"])
    assert result.exit_code == 1
    assert note.read_text(encoding="utf-8") == VISIT
    assert result.stdout.splitlines() == [
        "--- visit.md",
        "+++ visit.md",
        "@@ -7,8 +7,8 @@",
        " ---",
        " # Home visit",
        " ",
        "-Tel call to Mum prior to the visit to confirm the time. Commence with the LAC review",
        "-paperwork: the IRO asked for it re the review on 3 December.",
        "+Phone call to Mum before the visit to confirm the time. Start with the looked after child (LAC) review",
        "+paperwork: the independent reviewing officer (IRO) asked for it about the review on 3 December.",
        " ",
        "-Jamie showed me his room. The SW will assist with the move, and the SW will",
        "-ensure his peers at school know. He attended respite on Friday.",
        "+Jamie showed me his room. The social worker (SW) will help with the move, and the SW will",
        "+make sure his peers at school know. He attended respite on Friday.",
    ]
    assert "9 findings in 1 file would be fixed; nothing was written" in result.stderr
    clean = write("clean.md", "Jamie showed me his room.\n")
    assert cli(["check", "--diff", *SELECT, clean]).exit_code == 0


def test_unsafe_fixes_only_when_asked(cli, write):
    text = "Tel call about permanence with Mr and Mrs Osei.\n"
    note = write("plan.txt", text)
    result = cli(["check", "--fix", *SELECT, note])
    assert note.read_text(encoding="utf-8") == "Phone call about permanence with Mr and Mrs Osei.\n"
    assert "1 more finding has a fix that a person should judge" in result.stderr
    assert "--fix --unsafe-fixes" in result.stderr

    result = cli(["check", "--diff", "--unsafe-fixes", *SELECT, note])
    assert "+Phone call about a settled, long-term home with Mr and Mrs Osei." in result.stdout
    cli(["check", "--fix", "--unsafe-fixes", *SELECT, note])
    assert note.read_text(encoding="utf-8") == "Phone call about a settled, long-term home with Mr and Mrs Osei.\n"

    alone = cli(["check", "--unsafe-fixes", note])
    assert alone.exit_code == 2 and "--unsafe-fixes goes with --fix" in alone.stderr


def test_exports_and_docx_are_never_rewritten_and_it_is_said_once(cli, write):
    csv = write("export.csv", "id,text\nN-1,Tel call to Mum prior to the visit.\nN-2,Commence the review.\n")
    jsonl = write("export.jsonl", '{"id": "N-3", "text": "Tel call to Mum."}\n')
    before = csv.read_bytes(), jsonl.read_bytes()
    result = cli(["check", "--fix", "--format", "json", *SELECT, csv, jsonl])
    assert (csv.read_bytes(), jsonl.read_bytes()) == before
    assert result.stderr.count("notecheck never rewrites") == 1
    assert "info: 4 findings with a fix are in exports" in result.stderr
    assert len(result.json["diagnostics"]) == 4  # still reported, with their fixes
    assert all(d["fix"]["applicability"] == "safe" for d in result.json["diagnostics"])


def test_front_matter_line_endings_byte_order_mark_and_permissions_are_kept(cli, write):
    text = "---\r\nsubject: Jamie\r\nnote_type: prior to\r\n---\r\nTel call to Mum.\r\nCommence the visit.\r\n"
    note = write("call.md", b"\xef\xbb\xbf" + text.encode("utf-8"))
    os.chmod(note, 0o640)
    cli(["check", "--fix", *SELECT, note])
    assert note.read_bytes() == b"\xef\xbb\xbf" + text.replace("Tel call", "Phone call").replace(
        "Commence", "Start").encode("utf-8")
    assert stat.S_IMODE(note.stat().st_mode) == 0o640


def test_a_file_that_is_not_utf8_is_left_alone(cli, write):
    note = write("old.txt", "Caf\xe9 visit. Commence the review.\n".encode("cp1252"))
    before = note.read_bytes()
    result = cli(["check", "--fix", *SELECT, note])
    assert note.read_bytes() == before
    assert f"{note}: not fixed: it is not UTF-8" in result.stderr


def test_a_suppressed_finding_is_not_fixed(cli, write):
    note = write("quote.md", "Commence the visit. <!-- notecheck: ignore[jargon.formal-word] -->\n"
                             "Commence the review.\n")
    cli(["check", "--fix", *SELECT, note])
    assert note.read_text(encoding="utf-8") == (
        "Commence the visit. <!-- notecheck: ignore[jargon.formal-word] -->\nStart the review.\n")


def test_the_diff_masks_identifiers_as_every_output_does(cli, write):
    write("nhs.md", "Tel call to Mum, NHS 943 476 5919, prior to the visit.\n")
    result = cli(["check", "--diff", *SELECT, "nhs.md"])
    assert "943 476 5919" not in result.stdout
    assert "+Phone call to Mum, NHS 943 *** ****, before the visit." in result.stdout


# --- outputs and the cache -----------------------------------------------------------------

def test_json_carries_the_fix(cli, write):
    write("visit.md", "Commence the visit.\n")
    result = cli(["check", "--format", "json", "--select", "jargon.formal-word", "visit.md"])
    assert result.json["diagnostics"][0]["fix"] == {
        "applicability": "safe",
        "edits": [{"line": 1, "column": 1, "end_line": 1, "end_column": 9, "new_text": "Start"}]}


def test_sarif_carries_fixes_and_is_valid(cli, write):
    jsonschema = pytest.importorskip("jsonschema")
    write("visit.md", VISIT, dedent=False)
    result = cli(["check", "--format", "sarif", *SELECT, "visit.md"])
    log = json.loads(result.stdout)
    jsonschema.validate(log, json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")))
    first = log["runs"][0]["results"][0]
    assert first["fixes"] == [{
        "description": {"text": "Write 'Phone call' instead."},
        "artifactChanges": [{"artifactLocation": {"uri": "visit.md"}, "replacements": [{
            "deletedRegion": {"startLine": 10, "startColumn": 1, "endLine": 10, "endColumn": 9},
            "insertedContent": {"text": "Phone call"}}]}],
        "properties": {"applicability": "safe"}}]
    assert sum("fixes" in r for r in log["runs"][0]["results"]) == 9


def test_the_cache_keeps_fixes_and_never_note_text(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTECHECK_CACHE_DIR", str(tmp_path / "cache"))
    text = "Zanzibarine met the LAC team. Commence the review.\n"
    first = Checker(select=FIXABLE, cache=True).check_text(text, path=str(tmp_path / "a.md"))

    import notecheck.engine

    def no_parsing(*args, **kwargs):
        raise AssertionError("the second check should come from the cache")

    monkeypatch.setattr(notecheck.engine.Linter, "parse_all", no_parsing)
    second = Checker(select=FIXABLE, cache=True).check_text(text, path=str(tmp_path / "a.md"))
    assert [d.fix for d in second] == [d.fix for d in first]
    assert findings(second) == [("jargon.undefined-acronym", 1, 21, "safe", "looked after child (LAC)"),
                                ("jargon.formal-word", 1, 31, "safe", "Start")]
    stored = b"".join(p.read_bytes() for p in (tmp_path / "cache").rglob("*") if p.is_file())
    assert b"Zanzibarine" not in stored and b"(LAC)" not in stored and b"Commence" not in stored


# --- the corpus ----------------------------------------------------------------------------

def test_applying_every_safe_fix_to_the_corpus_adds_no_finding():
    """Each corpus note, with every safe fix applied (pass by pass), checked again with
    every rule: no rule finds more than before, and no safe fix is left to make."""
    checker = Checker(cache=False)
    fixed_notes = 0
    for path in sorted(CORPUS.iterdir()):
        if path.suffix not in (".md", ".txt"):
            continue
        result = fix_text(lambda t: checker.check_text(t, path=str(path)), path.read_text(encoding="utf-8"))
        before = collections.Counter(d.rule for d in result.first)
        after = collections.Counter(d.rule for d in result.diagnostics)
        assert not after - before, f"{path.name}: fixing added {dict(after - before)}"
        assert not [d for d in result.diagnostics if d.fix is not None and d.fix.applicability == "safe"]
        fixed_notes += result.count > 0
    assert fixed_notes >= 5  # the corpus does have fixable findings


@pytest.mark.parametrize("fmt", ["text", "rich"])
def test_terminal_output_marks_what_fix_would_fix_as_ruff_does(cli, write, fmt):
    """A finding --fix can fix is marked [*], and the summary says how many --fix (and
    --unsafe-fixes) would fix, so a writer knows the quick way out."""
    write("visit.txt", "Tel call to Mum prior to the visit. Jamie is LAC and the placement is going well.\n")
    result = cli(["check", "--no-cache", "--format", fmt, "--select", "jargon.*,labelling.*",
                  "visit.txt"], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    if fmt == "text":
        marked = {line.split()[2]: "[*]" in line.split()[3:4] for line in lines if line.startswith("visit.txt:")}
        assert marked == {"jargon.note-shorthand": True, "jargon.formal-word": True,
                          "jargon.undefined-acronym": True, "labelling.placement": False}
    else:
        assert "jargon.note-shorthand [*]" in result.stdout
        assert "labelling.placement [*]" not in result.stdout
    assert lines[-1] == "[*] 3 fixable with `notecheck check --fix`."


def test_no_fixable_line_when_nothing_can_be_fixed(cli, write):
    write("visit.txt", "Jamie is LAC.\n")
    result = cli(["check", "--no-cache", "--format", "text", "--select", "voice.*", "visit.txt"])
    assert "fixable" not in result.stdout
