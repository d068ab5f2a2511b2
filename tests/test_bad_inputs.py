"""Bad input never crashes, hangs or loses notes (issue 9, the readers).

Every case here crashed, hung or lost notes before: YAML that PyYAML cannot build or that
expands to billions of values, JSON that Python's parser refuses, hostile .docx files,
CSV with a quote left open, UTF-16 exports, FIFOs and devices, file names that are not
UTF-8, and messages that quoted personal data. Each is checked through the CLI
(``--format json``) and through ``notecheck.api``, which must agree: the exact
diagnostic (rule, line, column), every other note still checked, and complete, valid JSON.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import signal
import struct
import time
import zipfile
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import TINY_RULES

PHRASE = "jargon.zz-phrase"      # "kicked off", from the tiny test rules
INVALID_DATE = "timeliness.invalid-date"
NOTE = "Jamie kicked off at school.\n"  # PHRASE at 1:7
TODAY = dt.date(2026, 12, 1)
NHS = "9434765919"                # a valid NHS number (check digit 9), invented
EMAIL = "jamie.smith@hotmail.co.uk"


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bad-inputs") / "tiny-rules"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(TINY_RULES, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def api(rules_dir):
    from notecheck.api import Checker

    return Checker(rule_dirs=[rules_dir], select=[PHRASE, INVALID_DATE], today=TODAY)


@contextmanager
def deadline(seconds: int):
    """Fail, instead of hanging the suite, if the block takes longer than ``seconds``."""
    def stop(*_):
        raise TimeoutError(f"took more than {seconds} s")

    old = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def rows(diagnostics) -> list[tuple]:
    """(file name, rule, line, column) of each diagnostic, dicts or objects."""
    out = []
    for d in diagnostics:
        d = d if isinstance(d, dict) else d.to_dict()
        out.append((os.path.basename(d["path"]), d["rule"], d["line"], d["column"]))
    return out


@pytest.fixture
def check(cli, rules_dir, api):
    """check(*paths) -> (rows, messages by (file, rule), JSON document): through the CLI
    (JSON out) and the API, which must give the same diagnostics and exit code."""

    def run(*paths, select=()):
        args = ["check", "--rules", rules_dir, "--select", PHRASE, "--select", INVALID_DATE,
                *(a for s in select for a in ("--select", s)),
                "--today", TODAY.isoformat(), "--no-cache", "--format", "json", *paths]
        with deadline(60):
            result = cli(args)
        assert result.exit_code in (0, 1), result
        document = json.loads(result.stdout)  # complete and valid
        found = document["diagnostics"]
        assert document["summary"]["diagnostics"] == len(found)
        checker = api
        if select:
            from notecheck.api import Checker

            checker = Checker(rule_dirs=[rules_dir], select=[PHRASE, INVALID_DATE, *select],
                              today=TODAY)
        with deadline(60):
            from_api = list(checker.check_paths([str(p) for p in paths]))
        assert rows(from_api) == rows(found)
        assert checker.exit_code(from_api) == result.exit_code
        messages = {(os.path.basename(d["path"]), d["rule"]): d["message"] for d in found}
        return rows(found), messages, document

    return run


def front(write, name: str, header: str, body: str = NOTE) -> Path:
    return write(name, f"---\n{header}\n---\n{body}", dedent=False)


# --- 1. values PyYAML cannot build, and dates out of range ----------------------------------

@pytest.mark.parametrize("value, says", [
    ("2026-02-30", "'2026-02-30' is not a real date (day is out of range for month)"),
    ("2026-13-01", "'2026-13-01' has no month 13"),
    ("0000-01-01", "'0000-01-01' is not a real date (year 0 is out of range)"),
])
def test_an_impossible_yaml_date_is_reported_at_its_field_and_the_note_checked(write, check, value, says):
    note = front(write, "a.md", f"subject: Jamie\ncontact_date: {value}")
    good = write("good.txt", NOTE)
    found, messages, document = check(note, good)
    assert found == [("a.md", INVALID_DATE, 3, 1), ("a.md", PHRASE, 5, 7), ("good.txt", PHRASE, 1, 7)]
    assert messages[("a.md", INVALID_DATE)].startswith(f"The contact date could not be read: {says}")
    assert document["summary"]["notes"] == 2


@pytest.mark.parametrize("value, kind", [("!!int 0xZZ", "!!int (a whole number)"),
                                         ("!!float abc", "!!float (a number)"),
                                         ("!!int " + "9" * 5000, "!!int (a whole number)")])
def test_a_value_yaml_cannot_build_loses_only_that_field(write, check, api, value, kind):
    note = front(write, "a.md", f"subject: Jamie\nnote_type: {value}\nauthor: A. Patel")
    found, messages, _ = check(note)
    assert found == [("a.md", "input.front-matter", 3, 1), ("a.md", PHRASE, 6, 7)]
    message = messages[("a.md", "input.front-matter")]
    assert message.startswith(f"'note_type' in the front matter (line 3) could not be read: "
                              f"it is marked {kind} but is not one.")
    assert "ZZ" not in message and "abc" not in message  # the value itself is not quoted
    from notecheck.notes.text import parse_text

    problems = []
    kept = parse_text("a.md", note.read_text(encoding="utf-8"), problems)
    assert kept.meta == {"subject": "Jamie", "author": "A. Patel"}
    assert [(p.rule, p.field) for p in problems] == [("input.front-matter", None)]


@pytest.mark.parametrize("value, shape", [("[visit, call]", "a list"), ("{meeting: yes}", "a set of fields")])
def test_a_field_of_one_value_given_several_says_what_it_was_given(write, check, value, shape):
    note = front(write, "a.md", f"subject: Jamie\nnote_type: {value}\ncontact_date: {{day: 3}}")
    found, messages, _ = check(note)
    # the dates are read first, then the other fields
    assert found == [("a.md", "input.front-matter", 4, 1), ("a.md", "input.front-matter", 3, 1),
                     ("a.md", PHRASE, 6, 7)]
    problems = []
    from notecheck.notes.text import parse_text

    parse_text("a.md", note.read_text(encoding="utf-8"), problems)
    assert [p.message for p in problems] == [
        "'contact_date' must be one date, such as 24/11/2026, not a set of fields.",
        f"'note_type' must be one value, not {shape}."]


def test_ten_thousand_nested_brackets_are_refused_at_once(write, check):
    note = front(write, "a.md", "subject: Jamie\nauthor: " + "[" * 10_000)
    started = time.monotonic()
    found, messages, _ = check(note)
    assert time.monotonic() - started < 30
    # The 101st '[' on line 3: "author: " takes 8 columns.
    assert found == [("a.md", "input.front-matter", 3, 109), ("a.md", PHRASE, 5, 7)]
    assert "nested more than 100 deep" in messages[("a.md", "input.front-matter")]


@pytest.mark.parametrize("field, value, line", [("recorded_date", "31/12/9999", 3),
                                                ("contact_date", "01/01/0001", 2),
                                                ("contact_date", "1900-01-01", 2)])
def test_no_date_placeholders_are_invalid_dates_not_hangs(write, check, field, value, line):
    dates = {"contact_date": "01/11/2026", "recorded_date": "02/11/2026", field: value}
    note = front(write, "a.md", f"contact_date: {dates['contact_date']}\n"
                                f"recorded_date: {dates['recorded_date']}")
    found, messages, _ = check(note, select=["timeliness.late-recording", "timeliness.future-date"])
    assert found == [("a.md", INVALID_DATE, line, 1), ("a.md", PHRASE, 5, 7)]
    assert f"'{value}' is in the year" in messages[("a.md", INVALID_DATE)]
    assert "mean 'no date'" in messages[("a.md", INVALID_DATE)]


def test_a_header_date_in_9999_does_not_overflow_the_working_day_count(write, check):
    note = write("a.txt", "Date of visit: 01/11/2026\nRecorded: 31/12/9999\n" + NOTE)
    found, _, _ = check(note, select=["timeliness.late-recording", "timeliness.future-date"])
    # No notecheck.internal-error; the year 9999 is reported as a date no record can have,
    # as it is in front matter.
    assert found == [("a.txt", INVALID_DATE, 2, 11), ("a.txt", PHRASE, 3, 7)]


def test_working_days_are_counted_without_walking_every_day():
    from notecheck.dates import working_days_between

    started = time.monotonic()
    # Thursday 30 and Friday 31 December 9999: the last day Python has.
    assert working_days_between(dt.date(9999, 12, 30), dt.date(9999, 12, 31)) == 1
    assert working_days_between(dt.date(1, 1, 1), dt.date(1, 1, 8)) == 5  # Mon 1 Jan, year 1
    assert working_days_between(dt.date(2026, 11, 2), dt.date(9999, 12, 31)) > 2_000_000
    assert time.monotonic() - started < 2


def test_an_impossible_date_in_the_config_is_a_config_error_with_its_line(write, cli, rules_dir):
    config = write("notecheck.yaml", "select: [jargon]\ntimeliness: {today: 2026-02-30}\n")
    note = write("a.txt", NOTE)
    result = cli(["check", "--rules", rules_dir, "--format", "json", note])
    assert result.exit_code == 2
    assert (f"notecheck: {config}:2: 'timeliness.today': '2026-02-30' is not a "
            "real date (day is out of range for month)") in result.stderr
    from notecheck.api import Checker, SetupError

    with pytest.raises(SetupError, match=r"notecheck.yaml:2: 'timeliness.today'"):
        list(Checker(rule_dirs=[rules_dir]).check_paths([str(note)]))


# --- 2. alias bombs -----------------------------------------------------------------------

LAUGHS = "lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"lol{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 10))


def test_billion_laughs_in_front_matter_is_refused_at_once_and_the_text_checked(write, check):
    assert len(LAUGHS) < 1024
    note = write("a.md", "---\n" + LAUGHS + "---\n" + NOTE, dedent=False)
    good = write("good.txt", NOTE)
    started = time.monotonic()
    found, messages, _ = check(note, good)
    assert time.monotonic() - started < 30
    # The first *a4 in lol5 (line 7 of the file) takes the values the aliases repeat past
    # 100,000; expanded, the ten lines would be 9**10 values.
    assert found == [("a.md", "input.front-matter", 7, 12), ("a.md", PHRASE, 13, 7),
                     ("good.txt", PHRASE, 1, 7)]
    assert "aliases (*a4 and others) repeat more than 100,000 values" in messages[
        ("a.md", "input.front-matter")]


def test_billion_laughs_in_the_config_is_a_config_error(write, cli, rules_dir):
    config = write("notecheck.yaml", LAUGHS + "select: [jargon]\n", dedent=False)
    note = write("a.txt", NOTE)
    with deadline(60):
        result = cli(["check", "--rules", rules_dir, "--format", "json", note])
    assert result.exit_code == 2
    assert f"notecheck: {config}:6: its aliases (*a4 and others) repeat more than 100,000" in result.stderr


def test_billion_laughs_in_a_rule_file_is_a_rule_file_error(write, cli):
    bomb = write("rules/bomb.yaml", LAUGHS + "rules: []\n", dedent=False)
    note = write("a.txt", NOTE)
    with deadline(60):
        result = cli(["check", "--rules", bomb.parent, "--format", "json", note])
    assert result.exit_code == 2
    assert f"notecheck: rule file error: {bomb}:6: its aliases (*a4 and others)" in result.stderr


# Options this round added to the kinds: a wrong value is a rule file error with its line,
# and nothing is checked with a half-read rule.
NEW_OPTIONS_RULES = """\
rules:
  - id: clarity.team-lists
    summary: "Lists"
    kind: sentence-length
    severity: info
    message: "Too long."
    description: "A team rule."
    principle: "Records should be clear."
    examples:
      pass: ["Kelly was at home."]
      fail: ["x"]
    max_words: 30
    max_words_in_lists: lots
  - id: holistic.team-family
    summary: "Family"
    kind: mention
    severity: info
    message: "Family."
    description: "A team rule."
    principle: "Think Family."
    examples:
      pass: ["Kelly was at home."]
      fail: ["Kelly was drunk."]
    triggers: [drunk]
    required: [children]
    household_question_about: 5
"""


def test_a_bad_value_for_a_new_option_is_a_rule_file_error_with_its_line(write, cli):
    rules = write("rules/team.yaml", NEW_OPTIONS_RULES, dedent=False)
    note = write("a.txt", NOTE)
    result = cli(["check", "--rules", rules.parent, note])
    assert result.exit_code == 2
    assert (f"notecheck: rule file error: {rules}:13: must be a valid integer, unable to parse string "
            f"as an integer (field 'max_words_in_lists')") in result.stderr
    assert f"notecheck: rule file error: {rules}:26: must be a list" in result.stderr
    assert "Traceback" not in result.stderr


# Options the second round of 2026-12-03 added (a bracket's length, verdicts, seen-alone
# phrases that need no other word): a wrong value is a rule file error with its line, in
# plain words, and nothing is checked with a half-read rule.
ROUND8_OPTIONS_RULES = """\
rules:
  - id: clarity.team-brackets
    summary: "Brackets"
    kind: sentence-length
    severity: info
    message: "Too long."
    description: "A team rule."
    principle: "Records should be clear."
    examples:
      pass: ["Kelly was at home."]
      fail: ["x"]
    max_words: 30
    max_gloss_words: 0
  - id: clarity.team-verdicts
    summary: "Verdicts"
    kind: vague
    severity: info
    message: "Vague."
    description: "A team rule."
    principle: "Records should be clear."
    examples:
      pass: ["Kelly was at home."]
      fail: ["Contact went well."]
    terms: [{term: fine}]
    speech_verbs: [say]
    verdicts:
      - topics: [contact]
  - id: voice.team-alone
    summary: "Alone"
    kind: mention
    severity: info
    message: "Alone."
    description: "A team rule."
    principle: "Seen alone."
    examples:
      pass: ["I saw Kelly alone."]
      fail: ["Kelly was at home."]
    required: [alone]
    required_anywhere: just the two of us
"""


def test_a_bad_value_for_this_rounds_options_is_a_rule_file_error_with_its_line(write, cli):
    rules = write("rules/team.yaml", ROUND8_OPTIONS_RULES, dedent=False)
    note = write("a.txt", NOTE)
    result = cli(["check", "--rules", rules.parent, note])
    assert result.exit_code == 2
    assert (f"notecheck: rule file error: {rules}:13: must be greater than or equal to 1 "
            f"(field 'max_gloss_words')") in result.stderr
    assert (f"notecheck: rule file error: {rules}:27: a verdict names two or three of topics, "
            f"verbs and words (or verbs with bare: true) (field 'verdicts.0')") in result.stderr
    assert (f"notecheck: rule file error: {rules}:39: must be a list: one '- item' line for each, "
            f"or [a, b] (field 'required_anywhere')") in result.stderr
    assert "Traceback" not in result.stderr and "Value error" not in result.stderr


# --- 3. JSON and JSON Lines ---------------------------------------------------------------

def test_jsonl_rows_python_cannot_read_lose_only_themselves(write, check):
    deep = "[" * 100_000 + "]" * 100_000
    export = write("a.jsonl", "\n".join([
        '{"id": "1", "text": "Jamie kicked off."}',
        '{"id": "2", "text": ' + deep + '}',
        '{"id": "3", "text": "Jamie kicked off.", "ref": ' + "9" * 5000 + '}',
        '{"id": "4", "text": NaN}',
        '{"id": "5", "text": "Jamie kicked off.", "score": Infinity}',
        '{"id": "6", "text": {"said": "kicked off"}}',
        '{"id": "7", "text": 42}',
        '{"id": "8", "text": "Jamie kicked off."}',
    ]) + "\n", dedent=False)
    found, messages, document = check(export)
    assert found == [
        ("a.jsonl", PHRASE, 1, 28),
        ("a.jsonl", "input.malformed-row", 2, 21),  # where the value starts
        ("a.jsonl", "input.metadata", 3, 49),
        ("a.jsonl", PHRASE, 3, 28),
        ("a.jsonl", "input.malformed-row", 4, 21),
        ("a.jsonl", "input.metadata", 5, 51),
        ("a.jsonl", PHRASE, 5, 28),
        ("a.jsonl", "input.malformed-row", 6, 21),
        ("a.jsonl", "input.malformed-row", 7, 21),
        ("a.jsonl", PHRASE, 8, 28),
    ]
    malformed = [d["message"] for d in document["diagnostics"] if d["rule"] == "input.malformed-row"]
    assert malformed == [
        "Line 2 was skipped: its note text ('text') is lists or objects nested too deep, not text.",
        "Line 4 was skipped: its note text ('text') is NaN, which is not a number JSON allows, not text.",
        "Line 6 was skipped: its note text ('text') is an object, not text.",
        "Line 7 was skipped: its note text ('text') is a number, not text.",
    ]
    metadata = [d["message"] for d in document["diagnostics"] if d["rule"] == "input.metadata"]
    assert metadata == [
        "Line 3: the value of 'ref' cannot be used (a number with 5,000 digits), so the note "
        "was checked without it.",
        "Line 5: the value of 'score' cannot be used (Infinity, which is not a number JSON "
        "allows), so the note was checked without it.",
    ]
    assert document["summary"]["notes"] == 4


def test_a_lone_surrogate_becomes_a_replacement_character_with_a_warning(write, check, cli, rules_dir):
    export = write("a.jsonl", '{"id": "1", "text": "Jamie \\ud83d kicked off."}\n'
                              '{"id": "2", "text": "\\ud83d\\u00e9 Jamie kicked off."}\n', dedent=False)
    found, messages, _ = check(export)
    # \ud83d is six columns in the file and one character of text: positions after it hold.
    assert found == [("a.jsonl", "input.encoding", 1, 28), ("a.jsonl", PHRASE, 1, 35),
                     ("a.jsonl", "input.encoding", 2, 22), ("a.jsonl", PHRASE, 2, 41)]
    assert "half of a character pair" in messages[("a.jsonl", "input.encoding")]
    for fmt in ("text", "sarif", "junit", "github"):
        result = cli(["check", "--rules", rules_dir, "--select", PHRASE, "--no-cache",
                      "--format", fmt, export])
        assert result.exit_code == 1, result
        result.stdout.encode("utf-8")  # nothing an encoder refuses


def test_a_lone_surrogate_given_to_check_text_never_reaches_the_output(api):
    found = api.check_text("Jamie \ud83d kicked off.")
    assert rows(found) == [("<text>", "input.encoding", 1, 7), ("<text>", PHRASE, 1, 9)]
    json.dumps([d.to_dict() for d in found], ensure_ascii=False).encode("utf-8")


def test_json_array_items_python_cannot_read_and_text_after_the_array(write, check):
    export = write("a.json", '[{"id": "1", "text": "Jamie kicked off."},\n'
                             ' {"id": "2", "text": ' + "[" * 50_000 + "]" * 50_000 + '},\n'
                             ' {"id": "3", "text": "Jamie kicked off."}] {"id": "4"}\n', dedent=False)
    found, messages, document = check(export)
    assert found == [("a.json", PHRASE, 1, 29), ("a.json", "input.malformed-row", 2, 22),
                     ("a.json", PHRASE, 3, 29), ("a.json", "input.malformed-json", 3, 44)]
    assert messages[("a.json", "input.malformed-json")].startswith(
        "There is more after the end of the array (line 3, column 44), so it was not read.")
    assert document["summary"]["notes"] == 2


# --- 4. .docx -----------------------------------------------------------------------------

def make_docx(text: str = "Jamie kicked off at school.") -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, replace.get(info.filename, source.read(info.filename)))
    return out.getvalue()


def patch_entry(data: bytes, name: str, *, flags: int = 0, method: int | None = None) -> bytes:
    """Set flag bits or the compression method of one entry, in both its local header and
    the central directory, as a hostile or foreign zip tool would write them."""
    out = bytearray(data)
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo(name)
    headers = [info.header_offset]
    central = out.find(b"PK\x01\x02")
    while central != -1:
        length = struct.unpack("<H", out[central + 28:central + 30])[0]
        if out[central + 46:central + 46 + length] == name.encode():
            headers.append(central + 2)  # the central header has one more field first
        central = out.find(b"PK\x01\x02", central + 4)
    for at in headers:
        old = struct.unpack("<H", out[at + 6:at + 8])[0]
        out[at + 6:at + 8] = struct.pack("<H", old | flags)
        if method is not None:
            out[at + 8:at + 10] = struct.pack("<H", method)
    return bytes(out)


def document_xml(data: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")


def _entity_bomb(data: bytes) -> bytes:
    xml = document_xml(data)
    dtd = '<!DOCTYPE d [<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)) + "]>"
    head, rest = xml.split("?>", 1)
    return rezip(data, {"word/document.xml": (head + "?>" + dtd + rest.replace(
        "Jamie kicked off at school.", "&i;")).encode()})


def _external_entity(data: bytes) -> bytes:
    xml = document_xml(data)
    head, rest = xml.split("?>", 1)
    return rezip(data, {"word/document.xml": (
        head + '?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + rest.replace("Jamie kicked off at school.", "&x;")).encode()})


def _zip_bomb(data: bytes) -> bytes:
    xml = document_xml(data).replace("<w:body>", "<w:body><!--" + " " * (300 << 20) + "-->", 1)
    return rezip(data, {"word/document.xml": xml.encode()})


def _corrupt(data: bytes) -> bytes:
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    out = bytearray(data)
    for i in range(start + 10, start + 40):
        out[i] ^= 0x5A
    return bytes(out)


DOCX_CASES = {
    "not a zip": (lambda d: b"This is not a zip at all. " * 20,
                  "it is not a .docx file (a .docx is a zip file), or it is damaged"),
    "encrypted by Word": (lambda d: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2048),
                          "it is password-protected (encrypted), or an old Word .doc file"),
    "cut short": (lambda d: d[: len(d) // 2],
                  "it is not a .docx file (a .docx is a zip file), or it is damaged"),
    "damaged data": (_corrupt, "it is damaged: part of it cannot be unpacked"),
    "encrypted zip": (lambda d: patch_entry(d, "word/document.xml", flags=0x1),
                      "it is password-protected (encrypted)"),
    "unknown compression": (lambda d: patch_entry(d, "word/document.xml", method=99),
                            "its part word/document.xml is packed with a compression method (99)"),
    "malformed XML": (lambda d: rezip(d, {"word/document.xml": document_xml(d)[:900].encode()}),
                      "it is damaged or not a Word document (XMLSyntaxError)"),
    "entity bomb": (_entity_bomb, "its part word/document.xml has a DTD (<!DOCTYPE ...>)"),
    "external entity": (_external_entity, "its part word/document.xml has a DTD (<!DOCTYPE ...>)"),
    "zip bomb": (_zip_bomb, "it would unpack to more than 256 MB"),
}


@pytest.mark.parametrize("case", list(DOCX_CASES))
def test_a_hostile_or_damaged_docx_is_an_input_problem_in_bounded_time(write, check, case):
    make, says = DOCX_CASES[case]
    bad = write("bad.docx", make(make_docx()))
    good = write("good.docx", make_docx())
    started = time.monotonic()
    found, messages, document = check(bad, good)
    assert time.monotonic() - started < 30
    assert found == [("bad.docx", "input.unreadable", 1, 1), ("good.docx", PHRASE, 1, 7)]
    assert messages[("bad.docx", "input.unreadable")].startswith(
        f"This Word file could not be read: {says}")
    assert "passwd" not in messages[("bad.docx", "input.unreadable")]
    assert document["summary"]["notes"] == 1


# --- 5. CSV: a broken row loses only itself ------------------------------------------------

def test_an_unclosed_quote_loses_only_its_own_row(write, check):
    later = "".join(f"{i},Jamie kicked off {i}.\n" for i in range(3, 503))
    export = write("a.csv", 'id,text\n1,Jamie kicked off.\n2,"Jamie kicked off.\n' + later, dedent=False)
    found, messages, document = check(export)
    assert found[:3] == [("a.csv", PHRASE, 2, 9), ("a.csv", "input.malformed-row", 3, 3),
                         ("a.csv", PHRASE, 4, 9)]
    assert found[3:] == [("a.csv", PHRASE, line, 9 if line < 11 else 10 if line < 101 else 11)
                         for line in range(5, 504)]
    assert messages[("a.csv", "input.malformed-row")] == (
        "Row 2 (line 3) was skipped: the quote that opens a cell on line 3, column 3 is never "
        "closed. Rows start again on line 4.")
    assert document["summary"]["notes"] == 501
    assert document["summary"]["by_rule"]["input.malformed-row"] == 1


def test_a_quote_closed_rows_later_by_a_stray_one_loses_only_its_row(write, check):
    export = write("a.csv", 'id,text,author\n'
                            '1,Jamie kicked off.,A. Patel\n'
                            '2,"Jamie kicked off.,A. Patel\n'
                            '3,Jamie kicked off.,A. Patel\n'
                            '4,Jamie kicked off." again,A. Patel\n'
                            '5,Jamie kicked off.,A. Patel\n', dedent=False)
    found, messages, document = check(export)
    assert found == [("a.csv", PHRASE, 2, 9), ("a.csv", "input.malformed-row", 3, 3),
                     ("a.csv", PHRASE, 4, 9), ("a.csv", PHRASE, 5, 9), ("a.csv", PHRASE, 6, 9)]
    assert messages[("a.csv", "input.malformed-row")] == (
        "Row 2 (line 3) was skipped: the quote that opens a cell on line 3, column 3 seems never "
        "to be closed: the cell ran on to line 5, where there is text after the closing quote of "
        "a cell (line 5, column 21); a quote inside a quoted cell must be doubled (\"\"). Rows "
        "start again on line 4.")
    assert document["summary"]["notes"] == 4


def test_each_broken_row_is_reported_with_its_own_row_and_line(write, check):
    export = write("a.csv", 'id,text\n'
                            '1,"Jamie" kicked off.\n'
                            '2,Jamie kicked off.\n'
                            '3,"Jamie kicked off.\n'
                            '4,Jamie kicked off.\n'
                            '5,"Jamie kicked off.\n', dedent=False)
    found, _, document = check(export)
    assert found == [("a.csv", "input.malformed-row", 2, 10), ("a.csv", PHRASE, 3, 9),
                     ("a.csv", "input.malformed-row", 4, 3), ("a.csv", PHRASE, 5, 9),
                     ("a.csv", "input.malformed-row", 6, 3)]
    messages = [d["message"] for d in document["diagnostics"] if d["rule"] == "input.malformed-row"]
    assert [m.split(" was skipped")[0] for m in messages] == ["Row 1 (line 2)", "Row 3 (line 4)",
                                                             "Row 5 (line 6)"]
    assert document["summary"]["by_rule"]["input.malformed-row"] == 3


@pytest.mark.parametrize("ending", ["", "\n", "\r\n", "\r", " "])
def test_the_last_row_is_never_lost_silently(write, check, ending):
    # A row of spaces is a row (one cell where the header has two), not a blank line.
    export = write("a.csv", 'id,text\r\n1,Jamie kicked off.\r\n2,"Jamie kicked off."' + ending,
                   dedent=False)
    found, _, _ = check(export)
    assert found == [("a.csv", PHRASE, 2, 9), ("a.csv", PHRASE, 3, 10)]
    spaces = write("b.csv", "id,text\n1,Jamie kicked off.\n   \n", dedent=False)
    found, messages, _ = check(spaces)
    assert found == [("b.csv", PHRASE, 2, 9), ("b.csv", "input.malformed-row", 3, 1)]
    assert messages[("b.csv", "input.malformed-row")].startswith(
        "Row 2 (line 3) has 1 cells but the header has 2, so it was skipped.")


def test_rows_merged_by_a_quote_that_closes_in_the_right_place_are_warned_about(write, check):
    export = write("a.csv", 'id,text,author\n'
                            '1,"Jamie kicked off.,A. Patel\n'
                            '2,Jamie kicked off.",A. Patel\n'
                            '3,Jamie kicked off.,A. Patel\n', dedent=False)
    found, messages, _ = check(export)
    # Row 1's note is lines 2 and 3 (both are checked); row 3 is read as usual.
    assert found == [("a.csv", "input.malformed-row", 2, 3), ("a.csv", PHRASE, 2, 10),
                     ("a.csv", PHRASE, 3, 9), ("a.csv", PHRASE, 4, 9)]
    assert messages[("a.csv", "input.malformed-row")].startswith(
        "Row 1 (line 2) has a cell that opens with a quote on line 2, column 3 and runs on to "
        "line 3, and line 3 inside it reads as a row of its own.")


def test_a_multiline_cell_is_still_one_note(write, check):
    export = write("a.csv", 'id,text\n1,"Visit.\nJamie kicked off.\nHe settled."\n2,Jamie kicked off.\n',
                   dedent=False)
    found, _, document = check(export)
    assert found == [("a.csv", PHRASE, 3, 7), ("a.csv", PHRASE, 5, 9)]
    assert document["summary"]["notes"] == 2


def test_two_columns_of_one_name_are_reported_and_only_the_first_is_read(write, check):
    # An export joined from two tables often repeats a column: "Case Note" twice. Before,
    # the second was dropped without a word; now the run says so, where the header has it.
    export = write("a.csv", "id,Case Note,Author,case note\n"
                            "1,Jamie kicked off.,A. Patel,Mum kicked off.\n"
                            "2,Fine.,A. Patel,Jamie kicked off again.\n", dedent=False)
    found, messages, document = check(export)
    assert found == [("a.csv", "input.repeated-column", 1, 21), ("a.csv", PHRASE, 2, 9)]
    assert messages[("a.csv", "input.repeated-column")] == (
        "Columns 2 and 4 are both called 'Case Note': notecheck reads column 2 as the note "
        "text and ignores column 4. Rename one of them in the export: names that differ only "
        "in capitals or spaces cannot be told apart, in notecheck.yaml's 'columns:' either.")
    assert document["summary"]["notes"] == 2
    assert document["diagnostics"][0]["severity"] == "warning"


def test_a_json_key_given_twice_is_reported_once_and_the_first_is_read(write, check):
    # Python's JSON reader keeps the last of two equal keys without a word; an export
    # that gives "text" twice would have its first note text dropped silently.
    export = write("a.jsonl", '{"id": "1", "text": "Jamie kicked off.", "text": "Fine, then, today."}\n'
                              '{"id": "2", "text": "Fine.", "text": "Jamie kicked off again."}\n'
                              '{"id": "3", "text": "Jamie kicked off.", "Text": "x"}\n', dedent=False)
    array = write("b.json", '[{"id": "1", "note": "Jamie kicked off.",\n  "note": "b"}]', dedent=False)
    found, messages, document = check(export, array)
    assert found == [("a.jsonl", "input.repeated-column", 1, 42), ("a.jsonl", PHRASE, 1, 28),
                     ("a.jsonl", "input.repeated-column", 3, 42), ("a.jsonl", PHRASE, 3, 28),
                     ("b.json", "input.repeated-column", 2, 3), ("b.json", PHRASE, 1, 29)]
    assert document["summary"]["notes"] == 4
    said = [d["message"] for d in document["diagnostics"] if d["rule"] == "input.repeated-column"]
    assert said == [
        "Line 1 gives the key 'text' twice: notecheck reads the first (line 1, column 13) as "
        "the note text and ignores this one. Most JSON readers keep the last, so check which "
        "the export meant and remove the other. Later objects that repeat it are not reported "
        "again.",
        "Line 3 has the keys 'text' and 'Text', which name the same field: notecheck reads "
        "'text' as the note text and ignores the other. Rename one of them in the export: "
        "names that differ only in capitals, spaces or underscores cannot be told apart, in "
        "notecheck.yaml's 'columns:' either.",
        "Item 1 of the array gives the key 'note' twice: notecheck reads the first (line 1, "
        "column 14) as the note text and ignores this one. Most JSON readers keep the last, so "
        "check which the export meant and remove the other. Later objects that repeat it are "
        "not reported again."]
    assert all(d["severity"] == "warning" for d in document["diagnostics"]
               if d["rule"] == "input.repeated-column")


def test_a_repeated_key_is_reported_when_the_first_value_loses_its_row(write, check):
    # The first "text" cannot be used (NaN), so the row is skipped: the run must still say
    # that a second "text" was there, or its note is lost without a word.
    export = write("a.jsonl", '{"id": "1", "text": NaN, "text": "Jamie kicked off."}\n'
                              '{"id": "2", "text": "Jamie kicked off.", "text": "again"}\n', dedent=False)
    found, _, _ = check(export)
    assert found == [("a.jsonl", "input.repeated-column", 1, 26), ("a.jsonl", "input.malformed-row", 1, 21),
                     ("a.jsonl", PHRASE, 2, 28)]


# --- 6. UTF-16, UTF-32 and stray NUL bytes --------------------------------------------------

def test_excel_unicode_text_export_is_read_with_exact_positions(write, check):
    # Excel's "Unicode Text": UTF-16 LE with a BOM, tab-separated, CRLF.
    text = "\ufeffid\tCase note\r\n1\tCafé visit: Jamie kicked off.\r\n2\t\U0001F600 Jamie kicked off.\r\n"
    export = write("a.tsv", text.encode("utf-16-le"))
    same_as_csv = write("b.csv", text.replace("\t", ",").encode("utf-16-le"))
    big_endian = write("c.csv", text.replace("\t", ",").encode("utf-16-be"))
    found, _, document = check(export, same_as_csv, big_endian)
    # Columns count characters: the emoji (a surrogate pair in UTF-16) is one.
    assert found == [(name, PHRASE, line, column) for name in ("a.tsv", "b.csv", "c.csv")
                     for line, column in ((2, 21), (3, 11))]
    assert document["summary"]["notes"] == 6


def test_utf16_without_a_bom_and_utf32_notes_are_read(write, check):
    utf32 = write("a.txt", ("\ufeffVisit.\n" + NOTE).encode("utf-32-le"))
    no_bom = write("b.txt", ("Visit.\r\n" + NOTE).encode("utf-16-le"))
    jsonl = write("c.jsonl", '{"text": "Jamie kicked off."}\n'.encode("utf-32"))  # with its BOM
    found, _, _ = check(utf32, no_bom, jsonl)
    assert found == [("a.txt", PHRASE, 2, 7), ("b.txt", PHRASE, 2, 7), ("c.jsonl", PHRASE, 1, 17)]


def test_one_nul_byte_does_not_make_a_csv_binary(write, check):
    export = write("a.csv", b"id,text\n1,Jamie kicked off.\n2,Ja\x00mie kicked off.\n")
    binary = write("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR kicked off")
    found, _, _ = check(export, binary)
    assert found == [("a.csv", PHRASE, 2, 9), ("a.csv", PHRASE, 3, 10), ("scan.txt", "input.binary", 1, 1)]


# --- 7. FIFOs, devices and file names that are not UTF-8 ------------------------------------

def test_a_fifo_and_a_link_to_dev_zero_are_reported_without_being_read(tmp_path, write, check):
    os.mkfifo(tmp_path / "pipe.txt")  # no writer: opening it for reading would block
    os.symlink("/dev/zero", tmp_path / "zero.txt")  # reading it would never end
    write("good.txt", NOTE)
    found, messages, document = check(tmp_path)
    assert found == [("good.txt", PHRASE, 1, 7), ("pipe.txt", "input.unreadable", 1, 1),
                     ("zero.txt", "input.unreadable", 1, 1)]
    assert messages[("pipe.txt", "input.unreadable")] == (
        "This is a named pipe (FIFO), not a file of notes, so it was skipped without being read.")
    assert messages[("zero.txt", "input.unreadable")] == (
        "This is a link to /dev/zero, a character device, not a file of notes, so it was "
        "skipped without being read.")
    assert document["summary"]["notes"] == 1
    named, _, _ = check(tmp_path / "pipe.txt", tmp_path / "good.txt")
    assert named == [("pipe.txt", "input.unreadable", 1, 1), ("good.txt", PHRASE, 1, 7)]


def test_read_file_never_blocks_on_a_fifo(tmp_path):
    from notecheck.notes.sources import read_file

    os.mkfifo(tmp_path / "pipe.csv")
    with deadline(10):
        [(path, problem)] = list(read_file(str(tmp_path / "pipe.csv")))
    assert problem.rule == "input.unreadable" and "named pipe" in problem.message


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "junit", "github"])
def test_a_file_name_that_is_not_utf8_works_in_every_format(tmp_path, cli, rules_dir, fmt):
    name = os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9.txt")
    Path(name).write_text(NOTE, encoding="utf-8")
    result = cli(["check", "--rules", rules_dir, "--select", PHRASE, "--no-cache", "--format", fmt,
                  tmp_path])
    assert result.exit_code == 1, result  # 2 would be a notecheck.internal-error
    result.stdout.encode("utf-8")
    # The byte that is not UTF-8 is shown escaped, as Python holds it (\udce9), in every
    # output; SARIF's URIs percent-encode the byte itself.
    shown = "caf%E9.txt" if fmt == "sarif" else "caf\\udce9.txt"
    assert shown in result.stdout.replace("\\\\", "\\")
    assert "internal-error" not in result.stdout
    if fmt == "json":
        assert rows(json.loads(result.stdout)["diagnostics"]) == [(os.path.basename(name), PHRASE, 1, 7)]
    if fmt == "sarif":
        json.loads(result.stdout)


def test_a_file_name_that_is_not_utf8_through_the_api(tmp_path, api):
    name = os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9.txt")
    Path(name).write_text(NOTE, encoding="utf-8")
    found = list(api.check_paths([str(tmp_path)]))
    # The API gives the path as Python holds it, so it can be opened again.
    assert rows(found) == [(os.path.basename(name), PHRASE, 1, 7)]
    assert found[0].fingerprint  # hashed without the encoder failing


# --- 8. no personal data in messages about bad input -----------------------------------------

def test_a_csv_without_a_header_row_shows_only_the_shape_of_its_first_row(write, check):
    export = write("a.csv", f"1,{NHS},Jamie Smith,{EMAIL},07700 900123,Jamie kicked off.\n"
                            "2,4010232137,Ella Jones,ella@hotmail.co.uk,07700 900456,Fine.\n",
                   dedent=False)
    found, messages, _ = check(export)
    assert found == [("a.csv", "input.no-text-column", 1, 1)]
    message = messages[("a.csv", "input.no-text-column")]
    assert message.startswith(
        "The first row looks like data, not column names ('1', '943*******', 'J**** S****', "
        "'j****.*****@h******.**.uk', '077** ******', 'J**** k***** o**.'): this export seems "
        "to have no header row.")
    for secret in (NHS, "Jamie", "Smith", EMAIL, "900123"):
        assert secret not in message


@pytest.mark.parametrize("fmt", ["json", "text", "sarif", "junit", "github"])
def test_bad_subject_type_and_date_values_are_quoted_masked_in_every_format(write, cli, rules_dir, fmt):
    note = front(write, "a.md", f"subject_type: {EMAIL}\ncontact_date: {NHS}")
    export = write("b.csv", f"id,subject_type,contact_date,text\n1,{NHS},{EMAIL},Jamie kicked off.\n",
                   dedent=False)
    result = cli(["check", "--rules", rules_dir, "--select", PHRASE, "--select", INVALID_DATE,
                  "--no-cache", "--format", fmt, note, export])
    assert result.exit_code == 1, result
    for secret in (NHS, EMAIL, "jamie.smith", "900123"):
        assert secret not in result.stdout
    assert "'subject_type' must be 'child' or 'adult', not 'j****.*****@h******.**.uk'." in result.stdout
    assert "The contact date could not be read: '943*******' is not a date such as" in result.stdout
    if fmt == "json":
        assert rows(json.loads(result.stdout)["diagnostics"]) == [
            ("a.md", "input.front-matter", 2, 1), ("a.md", INVALID_DATE, 3, 1), ("a.md", PHRASE, 5, 7),
            # In an export a bad date is said once for the file, when the file ends.
            ("b.csv", "input.metadata", 2, 3), ("b.csv", PHRASE, 2, 46), ("b.csv", INVALID_DATE, 2, 14),
        ]


def test_check_text_reports_bad_metadata_and_keeps_the_rest(api):
    found = api.check_text(NOTE, {"subject": "Jamie", "subject_type": NHS, "contact_date": "30/02/2026"})
    assert rows(found) == [("<text>", "input.metadata", 1, 1), ("<text>", INVALID_DATE, 1, 1),
                           ("<text>", PHRASE, 1, 7)]
    assert found[0].message == "'subject_type' must be 'child' or 'adult', not '943*******'."
    assert found[1].message.startswith("The contact date could not be read: '30/02/2026' is not a "
                                       "real date")


def test_an_input_problem_masks_the_note_id_as_findings_do(write, check):
    """An export whose id column holds NHS numbers: a problem with a row names the row by
    its id's shape only, as a finding on the row would."""
    export = write("ids.csv", f"id,subject_type,text\n{NHS},teenager,Jamie kicked off.\n", dedent=False)
    found, messages, document = check(export)
    assert found == [("ids.csv", "input.metadata", 2, 12), ("ids.csv", PHRASE, 2, 27)]
    assert [d["note"] for d in document["diagnostics"]] == ["943*******", "943*******"]
    assert NHS not in json.dumps(document)


def test_an_empty_note_is_not_told_it_lacks_a_contact_date(tmp_path, cli):
    """A file holding only a byte-order mark, and a JSON Lines row whose text is null, are
    empty notes: nothing in them to fix, so no finding (a contact date was never asked for)."""
    (tmp_path / "bom.md").write_bytes(b"\xef\xbb\xbf")
    (tmp_path / "rows.jsonl").write_text('{"id": 1, "text": null}\n{"id": 2, "text": "Mum rang."}\n',
                                         encoding="utf-8")
    result = cli(["check", "--no-cache", "--format", "json", "--select", "timeliness.missing-contact-date",
                  tmp_path])
    found = json.loads(result.stdout)["diagnostics"]
    assert [(os.path.basename(d["path"]), d["note"], d["line"]) for d in found] == [("rows.jsonl", "2", 2)]


@pytest.mark.parametrize("header, at", [
    ("Call made: 32/13/2026 11:30. Note typed: 25/11/2026.", (1, 12)),
    ("Date of visit: 31/02/2026   Entered: 25/11/2026", (1, 16)),
    ("Home visit\nDate of visit: 31/11/2026", (2, 16)),
])
def test_a_mistyped_date_in_a_pasted_header_is_reported_where_it_is(write, check, header, at):
    """A case-system paste with no front matter: the mistyped date is reported at its place,
    not read as no date (which said nothing, or that the date was missing), and the rest
    of the note and the other files are still checked."""
    note = write("pasted.txt", f"{header}\n{NOTE}", dedent=False)
    good = write("good.txt", NOTE)
    found, messages, document = check(note, good)
    assert ("pasted.txt", INVALID_DATE, *at) in found
    assert ("pasted.txt", "timeliness.missing-contact-date") not in {(f[0], f[1]) for f in found}
    assert ("good.txt", PHRASE, 1, 7) in found
    assert messages[("pasted.txt", INVALID_DATE)].startswith("The contact date could not be read: '3")
    assert document["summary"]["notes"] == 2
