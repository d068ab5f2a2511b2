"""Fuzzing: whatever notes, front matter, exports and rule files hold, notecheck never
crashes, never loses a note, and every finding points at the text it is about.

Seeded (``derandomize=True``), so a run is repeatable and CI sees the same cases; bounded
by ``max_examples`` to about a minute in all. Every rule of every category runs, through
one ``notecheck.api.Checker`` built once for the module (the pipeline loads once).
``benchmarks/fuzz.py N`` runs the same generators for N cases outside pytest, each with
a time limit, and counts crashes, hangs and lost notes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import string
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from notecheck.api import Checker  # noqa: E402
from notecheck.config import Config  # noqa: E402
from notecheck.kinds import KINDS  # noqa: E402
from notecheck.rules.model import CATEGORIES  # noqa: E402

INTERNAL = "notecheck.internal-error"
TODAY = dt.date(2026, 12, 1)


def fuzz_settings(examples: int):
    return settings(max_examples=examples, derandomize=True, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck), print_blob=True)


@lru_cache(maxsize=None)
def checker(mask: bool = False) -> Checker:
    """Every rule of every category (on by default or not), names unmasked so a message's
    '{match}' can be compared with the file (one masked checker tests masking)."""
    return Checker(Config(), select=list(CATEGORIES), profile="training", mask=mask,
                   cache=False, today=TODAY)


# --- what notes are made of --------------------------------------------------------------

PIECES = [
    # words and phrases the rules look for, so findings happen
    "Jamie", "Zoë", "Mum", "Dad", "Mrs Okafor", "kicked off", "LAC", "CIN", "section 47",
    "said", "she was worried", "I think", "appears to be", "Information shared with the school.",
    "Police informed.", "It was decided", "aged 7", "non-engagement", "Home visit", "visited",
    "NHS 943 476 5919", "07123 456789", "jane@example.com", "LS6 2QT", "DOB 12/03/2015",
    "14 Acacia Avenue", "yesterday", "last week", "on 20/11/2026", "10:30", "Contact: ",
    # a pasted case-system header: labels, field breaks, impossible and worded dates
    "Call made: ", "Note typed: ", "Shift: ", "Log written: ", "Date of visit: ", "Entered: ",
    "32/13/2026", "31/02/2026", "29/02/2025", "00/00/0000", "31/11/2026 25:61", "1 Smarch 2026",
    "the Tuesday before last", "sometime over the holidays", "   ", ". Note typed: ",
    # records of sharing in their many forms: note-style verbs, pointing back, a meeting
    "Rang the school nurse and let her know", "Let his daughter know when she rang",
    "Nothing about her health was shared.", "This was shared without consent because",
    "Only information relevant to it was shared.", "Discussed her falls with the district nurse",
    "I gave his name and address.", "Told Mum that school had been informed",
    "Confirmed to PC Dunn that", "\"Yes, you can tell the doctor.\"", "Strategy discussion",
    "<!-- notecheck-disable jargon -->", "<!-- notecheck-enable -->", "notecheck: ignore[labelling]",
    # layout, quotes and awkward characters
    " ", " ", "  ", ".", ". ", ",", ":", ";", "?", "!", "\n", "\n\n", "\r\n", "\r", "\t", "- ",
    "* ", "# ", "## ", "**", "__", "1. ", "(", ")", "“", "”", "‘", "’", "'", '"', "—", "…",
    "\x1b[31m", "\x00", "\x07", "\x0b", "\x0c", "\x7f", "\x85", "\u2028", "\u202e", "\u200b",
    "\ufeff", "😀", "👩🏽‍⚕️", "ﬁ", "é", "e\u0301", "ǅ", "İ", "ß", "\U00010348", "---", "...",
]
# Any character but lone surrogates (a note is text; a file name may hold them, tested apart).
ANY_CHAR = st.characters(blacklist_categories=("Cs",))
piece = st.one_of(st.sampled_from(PIECES), st.text(ANY_CHAR, max_size=8))
note_body = st.lists(piece, max_size=50).map("".join)
long_body = st.builds(lambda unit, times, tail: unit * times + tail,
                      st.sampled_from(["a", "‘", "“", "'", "LAC ", "Jamie said ", "x\n", "\x1b", "😀",
                                       "kicked off. ", "- ", "#\n", "12/03/2015 "]),
                      st.integers(200, 4000), note_body)

scalar = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**12),
                   st.floats(allow_nan=False, allow_infinity=False), st.text(ANY_CHAR, max_size=20),
                   st.dates(dt.date(1900, 1, 1), dt.date(2100, 1, 1)), st.sampled_from(PIECES))
yaml_value = st.recursive(scalar, lambda inner: st.lists(inner, max_size=3)
                          | st.dictionaries(st.text(max_size=6), inner, max_size=3), max_leaves=6)
META_KEYS = ["subject", "subject_type", "note_type", "contact_date", "recorded_date", "author",
             "id", "dob", "nhs", "date", "time"]
meta_key = st.one_of(st.sampled_from(META_KEYS), st.text(ANY_CHAR, max_size=10))
meta_value = st.one_of(yaml_value, st.sampled_from(["child", "adult", "Jamie Smith", "2026-11-20",
                                                    "20/11/2026", "home visit", "yesterday"]))


@st.composite
def front_matter(draw) -> str:
    """YAML front matter: random keys and values, sometimes not YAML at all."""
    if draw(st.integers(0, 5)) == 0:
        return draw(st.text(ANY_CHAR, max_size=60))
    fields = draw(st.dictionaries(meta_key, meta_value, max_size=6))
    try:
        return yaml.safe_dump(fields, allow_unicode=draw(st.booleans()), sort_keys=False)
    except yaml.YAMLError:
        return ""


@st.composite
def text_note(draw) -> str:
    body = draw(st.one_of(note_body, note_body, note_body, long_body))
    if draw(st.booleans()):
        newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
        head = draw(front_matter()).replace("\n", newline)
        body = f"---{newline}{head}---{newline}{body}"
    return body


def cell_text(draw) -> str:
    """A note cell: never blank (a row with no text is reported, not a note)."""
    return draw(st.sampled_from(["Visit. ", "Jamie ", "Call: ", "A"])) + draw(note_body)


RAW_PIECES = [",", ";", "\t", '"', '""', "{", "}", "[", "]", ":", '"text"', '"id"', "\\", "\\u00", "\n",
              "\r\n", "\r", "null", "1", "Jamie kicked off", "id,text", "\x00", "\ufeff", "\udcff"]


@st.composite
def export(draw) -> tuple[str, bytes, int | None]:
    """(file name, bytes, rows) of a CSV, TSV or JSON Lines export with random cells; or
    (rows None) one that is not well formed at all."""
    kind = draw(st.sampled_from(["csv", "csv;", "tsv", "jsonl", "raw"]))
    if kind == "raw":
        name = draw(st.sampled_from(["export.csv", "export.tsv", "export.jsonl", "export.json"]))
        head = draw(st.sampled_from(["id,text\n", "id\ttext\n", '{"id": "1", "text": "', "[", ""]))
        body = draw(st.lists(st.one_of(st.sampled_from(RAW_PIECES), piece), max_size=40))
        return name, (head + "".join(body)).encode("utf-8", "surrogatepass"), None
    rows = []
    for index in range(draw(st.integers(1, 6))):
        row = {"id": draw(st.one_of(st.just(f"N{index}"), st.text(ANY_CHAR, max_size=6))),
               "text": cell_text(draw)}
        if draw(st.booleans()):
            row["subject"] = draw(st.sampled_from(["Jamie", "Zoë Smith", "", "Mrs Okafor"]))
        if draw(st.booleans()):
            row["contact_date"] = draw(st.sampled_from(["2026-11-20", "20/11/2026", "", "soon",
                                                        "31/02/2026"]))
        rows.append(row)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    if kind == "jsonl":
        ascii_only = draw(st.booleans())
        # Sometimes a key given twice, or one that reads the same ("Text"), with a value of
        # any kind: reported once, the first one read, no row lost.
        again = draw(st.lists(st.sampled_from(["text", "Text", "id", "subject"]), max_size=2))
        data = "".join(
            json.dumps(r, ensure_ascii=ascii_only)[:-1]
            + "".join(f", {json.dumps(k)}: {json.dumps(draw(st.sampled_from([cell_text(draw), 7, None, [1, {}]])))}"
                      for k in again) * bool(r)
            + "}" + newline for r in rows)
        return "export.jsonl", data.encode("utf-8", "surrogatepass"), len(rows)
    delimiter = {"csv": ",", "csv;": ";", "tsv": "\t"}[kind]
    fields = ["id", "text", "subject", "contact_date"]
    # Sometimes a column repeated under a name that reads the same ("Text", " ID"), as an
    # export joined from two tables has it: reported, and the first one read.
    repeated = draw(st.lists(st.sampled_from(["Text", " text ", "ID", "Subject", "CONTACT_DATE"]),
                             max_size=2))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=newline,
                        quoting=draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL])))
    writer.writerow(fields + repeated)
    for row in rows:
        cells = [row.get(f, "") for f in fields] + [cell_text(draw) for _ in repeated]
        # csv.writer leaves a lone '\r' unquoted, where every reader (Excel, Python's csv,
        # notecheck) ends a row: a file that does not hold the rows it was meant to.
        writer.writerow([cell.replace("\r", " ") for cell in cells])
    name = "export.tsv" if kind == "tsv" else "export.csv"
    return name, out.getvalue().encode("utf-8"), len(rows)


# --- rule files ----------------------------------------------------------------------------

REGEX_PIECES = ["a", "(a+)+", "(a|aa)+$", "[", "]", "(", ")", "\\", "\\b", "\\d{3}", "(?P<x>",
                "(?i)", "{1,3}", "*", "+?", ".", "^", "$", "[^\\n]", "(?<=a)", "\\1", "|"]
regex_text = st.lists(st.sampled_from(REGEX_PIECES), max_size=6).map("".join)
RULE_IDS = ["jargon.zz-fuzz", "labelling.zz-fuzz", "personal-data.zz-fuzz", "clarity.zz-fuzz",
            "nope.zz-fuzz", "Jargon.Bad", "jargon.", ""]
MESSAGES = ["'{match}' is jargon.", "Write '{suggestion}'.", "{", "}", "{0}", "{match",
            "{unknown}", "{match!r}", "{match:>10}", "'{acronym}' means {suggestion}", ""]


def _fields(kind: str) -> list[str]:
    return list(KINDS[kind].options.model_fields) if kind in KINDS else []


@lru_cache(maxsize=None)
def seed_rules() -> list[dict]:
    """Two real rules of each kind, from the rule packs, for mutating."""
    from notecheck.rules.loader import builtin_rules_dir

    seeds: dict[str, list[dict]] = {}
    for path in sorted(builtin_rules_dir().rglob("*.yaml")):
        for rule in (yaml.safe_load(path.read_text("utf-8")) or {}).get("rules", []):
            seeds.setdefault(rule.get("kind"), []).append(rule)
    # The two smallest of each kind, so a failing case is short enough to read.
    return [rule for kind in sorted(seeds)
            for rule in sorted(seeds[kind], key=lambda r: len(yaml.safe_dump(r)))[:2]]


def _random_field(draw):
    return draw(st.one_of(
        yaml_value, regex_text, st.sampled_from(MESSAGES), st.lists(st.text(max_size=10), max_size=3),
        st.dictionaries(st.sampled_from(["LAC", "CIN", "term", "verb", "regex", "tokens"]),
                        st.one_of(st.text(max_size=10), yaml_value), max_size=3),
        st.lists(st.dictionaries(st.sampled_from(["term", "suggestion", "tokens", "regex", "LOWER",
                                                  "ORTH", "verb", "message", "OP", "IN"]),
                                 st.one_of(st.text(max_size=10), yaml_value), max_size=3), max_size=3)))


def _mutate(draw, value, depth=0):
    """A copy of a rule (or part of it) with a few fields replaced, removed or added."""
    if isinstance(value, dict) and value:
        value = dict(value)
        for _ in range(draw(st.integers(0, 2))):
            key = draw(st.sampled_from(sorted(value, key=str)))
            action = draw(st.sampled_from(["replace", "replace", "remove", "deeper", "add"]))
            if action == "replace":
                value[key] = _random_field(draw)
            elif action == "remove":
                del value[key]
            elif action == "deeper" and depth < 3:
                value[key] = _mutate(draw, value[key], depth + 1)
            elif action == "add":
                value[draw(st.sampled_from(["bogus", "summary", "exceptions", "skip_quoted",
                                            "enabled", *_fields(str(value.get("kind")))]))] = _random_field(draw)
            if not value:
                break
    elif isinstance(value, list) and value:
        value = list(value)
        index = draw(st.integers(0, len(value) - 1))
        value[index] = _mutate(draw, value[index], depth + 1) if depth < 3 else _random_field(draw)
    elif draw(st.booleans()):
        value = _random_field(draw)
    return value


@st.composite
def rule_yaml(draw) -> str:
    """A rule file: real rules with a few fields broken, random rules, some garbage."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return draw(st.text(ANY_CHAR, max_size=80))
    if choice <= 6:
        rules = [dict(_mutate(draw, draw(st.sampled_from(seed_rules()))),
                      id=draw(st.one_of(st.just("jargon.zz-fuzz"), st.sampled_from(RULE_IDS))))
                 for _ in range(draw(st.integers(1, 2)))]
        if draw(st.booleans()):  # and what a message may hold
            rules[0]["message"] = draw(st.one_of(st.sampled_from(MESSAGES), st.text(max_size=20)))
        document = {"rules": rules}
    else:
        rules = []
        for _ in range(draw(st.integers(0, 3))):
            kind = draw(st.one_of(st.sampled_from(sorted(KINDS)), st.text(max_size=6), scalar))
            rule = {"id": draw(st.one_of(st.sampled_from(RULE_IDS), scalar)), "kind": kind,
                    "severity": draw(st.one_of(st.sampled_from(["error", "warning", "info"]), scalar)),
                    "message": draw(st.one_of(st.sampled_from(MESSAGES), st.text(max_size=20), scalar)),
                    "description": "A fuzzed rule.", "principle": "Plain English.",
                    "examples": draw(st.one_of(
                        st.fixed_dictionaries({"fail": st.lists(note_body, min_size=1, max_size=2),
                                               "pass": st.lists(note_body, min_size=1, max_size=2)}),
                        yaml_value))}
            for name in draw(st.lists(st.sampled_from(_fields(kind) or ["regex"]), max_size=4,
                                      unique=True)):
                rule[name] = _random_field(draw)
            rules.append(rule)
        document = {"rules": rules} if draw(st.integers(0, 5)) else draw(yaml_value)
    try:
        return yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
    except yaml.YAMLError:
        return "rules: []\n"


# --- the properties -------------------------------------------------------------------------

def file_lines(text: str) -> list[str]:
    """The file's lines as an editor counts them: CRLF, CR and LF end a line."""
    return re.split(r"\r\n|\r|\n", text)


def export_lines(data: bytes) -> list[str]:
    """An export's lines as its reader decodes it: UTF-8, else Windows-1252."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return file_lines(text)


def text_between(lines: list[str], line: int, column: int, end_line: int, end_column: int) -> str:
    if line == end_line:
        return lines[line - 1][column - 1:end_column - 1]
    middle = lines[line:end_line - 1]
    return "\n".join([lines[line - 1][column - 1:], *middle, lines[end_line - 1][:end_column - 1]])


@lru_cache(maxsize=None)
def _template(message: str) -> re.Pattern | None:
    """A rule's message template as a pattern that captures what '{match}' became."""
    out, matched = [], False
    try:
        parts = list(string.Formatter().parse(message))
    except ValueError:
        return None
    for literal, name, _, _ in parts:
        out.append(re.escape(literal))
        if name == "match" and not matched:
            out.append("(?P<match>.*?)")
            matched = True
        elif name == "match":
            out.append("(?P=match)")
        elif name is not None:
            out.append(".*?")
    return re.compile("".join(out), re.DOTALL) if matched else None


def rule_messages() -> dict[str, str]:
    return {rule.id: rule.message for rule in checker().rules}


def check_positions(text: str, diagnostics, messages: dict[str, str]) -> int:
    """Every diagnostic lies inside the file; a finding about a stretch of text points at
    it: the file's text there is what the message quotes as '{match}', and what the
    excerpt shows. Returns how many were compared with the text."""
    lines = file_lines(text)
    compared = 0
    for d in diagnostics:
        where = (d.rule, d.line, d.column, d.end_line, d.end_column)
        assert 1 <= d.line <= d.end_line <= len(lines), where
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, where
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1, where
        assert (d.line, d.column) <= (d.end_line, d.end_column), where
        if (d.line, d.column) == (d.end_line, d.end_column):
            continue  # about the note or a metadata field, not a stretch of text
        found = text_between(lines, d.line, d.column, d.end_line, d.end_column)
        assert found, where
        if d.excerpt is not None and d.line == d.end_line:
            start = d.column - d.excerpt_column
            assert d.excerpt[start:start + len(found)] == found, (where, d.excerpt, found)
        template = _template(messages.get(d.rule, ""))
        quoted = template.fullmatch(d.message) if template is not None else None
        if quoted is not None:
            assert quoted.group("match") == found, (where, d.message, found)
            compared += 1
    return compared


def check_note(text: str) -> list:
    diagnostics = checker().check_text(text, path="note.txt")
    assert [d for d in diagnostics if d.rule == INTERNAL] == [], diagnostics
    check_positions(text, diagnostics, rule_messages())
    return diagnostics


def check_export(folder: Path, name: str, data: bytes, rows: int, the_checker=None) -> list:
    """Write the export, check it: no rule fails, nothing outside the file, every row a
    note."""
    from notecheck.runner import Counts

    path = folder / name
    path.write_bytes(data)
    counts = Counts()
    diagnostics = list((the_checker or checker()).check_paths([str(path)], counts=counts))
    assert [d for d in diagnostics if d.rule == INTERNAL] == [], diagnostics
    lines = export_lines(data)
    for d in diagnostics:
        assert 1 <= d.line <= d.end_line <= len(lines), d
        assert 1 <= d.column <= len(lines[d.line - 1]) + 1, d
        assert 1 <= d.end_column <= len(lines[d.end_line - 1]) + 1, d
    if rows is not None:
        assert counts.notes + reported_rows(diagnostics, rows) == rows, (counts.notes, rows, diagnostics)
    return diagnostics


# A reader may refuse a whole file (a NUL byte makes it 'binary') or skip a row it cannot
# read; either is reported. Anything else missing is a lost note.
WHOLE_FILE = ("input.binary", "input.unreadable", "input.empty-export", "input.no-text-column")


def reported_rows(diagnostics, rows: int) -> int:
    """How many rows the diagnostics say were not read."""
    if any(d.rule in WHOLE_FILE and d.severity.value == "error" for d in diagnostics):
        return rows
    # A warning-level malformed row ("a cell runs on to a line that reads as a row") was
    # still read, as a note; only an error-level one is a row skipped.
    return sum(d.rule in ("input.malformed-row", "input.malformed-json") and d.severity.value == "error"
               for d in diagnostics)


def check_rule_file(folder: Path, text: str, sample: str = "Jamie kicked off at the LAC review.") -> str:
    """Loading a rule file raises RuleLoadError or loads; what loads runs on a note
    without failing. Returns 'refused' or 'loaded'."""
    from notecheck.engine import Linter
    from notecheck.notes.text import parse_text
    from notecheck.rules.loader import RuleLoadError, load_rules

    (folder / "rules.yaml").write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        rules = load_rules([folder])
    except RuleLoadError as exc:
        assert exc.errors and all(str(e) for e in exc.errors)
        return "refused"
    linter = Linter(rules)
    found = linter.check(linter.parse(parse_text("note.txt", sample)))
    assert [d for d in found if d.rule == INTERNAL] == [], found
    return "loaded"


# --- the tests -------------------------------------------------------------------------------

@fuzz_settings(120)
@given(text_note())
def test_random_notes(text):
    check_note(text)


@fuzz_settings(25)
@given(text_note())
def test_random_notes_masked(text):
    diagnostics = checker(mask=True).check_text(text, path="note.txt")
    assert [d for d in diagnostics if d.rule == INTERNAL] == []


@fuzz_settings(40)
@given(front_matter(), note_body, st.sampled_from(["\n", "\r\n", "\r"]))
def test_random_front_matter(head, body, newline):
    found = check_note(f"---{newline}{head.replace(chr(10), newline)}---{newline}Visit. {body}")
    hypothesis.event("front matter refused" if any(d.rule == "input.front-matter" for d in found)
                     else "front matter read")


@fuzz_settings(40)
@given(export())
def test_random_exports(generated):
    with tempfile.TemporaryDirectory() as folder:
        check_export(Path(folder), *generated)


@fuzz_settings(150)
@given(rule_yaml())
def test_random_rule_files(text):
    with tempfile.TemporaryDirectory() as folder:
        hypothesis.event(check_rule_file(Path(folder), text))  # --hypothesis-show-statistics


def test_the_position_check_can_fail():
    """The property is not vacuous: a diagnostic one column off is caught."""
    import dataclasses

    text = "Visit.\r\nJamie kicked off at school.\n"
    diagnostics = check_note(text)
    messages = rule_messages()
    assert check_positions(text, diagnostics, messages) >= 1
    quoted = next(d for d in diagnostics if d.rule == "labelling.blaming-label")
    assert (quoted.line, quoted.column, quoted.end_column) == (2, 7, 17)
    with pytest.raises(AssertionError):
        check_positions(text, [dataclasses.replace(quoted, column=8, end_column=18)], messages)


# --- the same output with one process, two, and the cache -------------------------------------

@st.composite
def corpus(draw) -> dict[str, bytes]:
    files = {}
    for index in range(draw(st.integers(6, 10))):
        files[f"n{index:02d}.{draw(st.sampled_from(['txt', 'md']))}"] = draw(text_note()).encode(
            "utf-8", "surrogatepass")
    for index in range(2):
        name, data, _ = draw(export())
        files[f"e{index}-{name}"] = data
    return files


@fuzz_settings(2)
@given(corpus())
def test_jobs_and_cache_give_identical_output(files):
    import os

    from typer.testing import CliRunner

    from notecheck.cli import app

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "notes"
        folder.mkdir()
        for name, data in files.items():
            (folder / name).write_bytes(data)
        env = {"NOTECHECK_CACHE_DIR": str(Path(tmp) / "cache")}
        old = os.getcwd()
        os.chdir(tmp)  # no config of the developer's is found
        try:
            def run(*extra):
                result = CliRunner().invoke(app, ["check", "--format", "json", "--today", "2026-12-01",
                                                  *extra, str(folder)], env=env)
                assert result.exit_code in (0, 1), result.output
                return json.loads(result.stdout)
            first = run("--no-cache")
            assert first["summary"]["notes"] >= len(files) - 2
            assert run("--no-cache", "--jobs", "2")["diagnostics"] == first["diagnostics"]
            assert run("--jobs", "2")["diagnostics"] == first["diagnostics"]  # fills the cache
            assert run()["diagnostics"] == first["diagnostics"]  # from the cache
            assert run("--jobs", "2")["diagnostics"] == first["diagnostics"]
        finally:
            os.chdir(old)
