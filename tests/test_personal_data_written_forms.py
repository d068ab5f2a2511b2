"""The identifier shapes peer projects test for, in a realistic training note: exact
findings out, placeholders left alone, every shape masked in every output, and Markdown
headings never read as people's names (by check or by anonymise)."""

import json
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from notecheck.cli import Format, app

NOTE = textwrap.dedent("""\
    ---
    note_type: training case study
    ---
    # Module 3: Recording what you see

    ## Session 2: Working with Families

    Mum (DOB: 05-MAY-1990) gave her mobile as 44 7723 456789 and her NI number as ab 123 456 c.
    Tyler was born at Leeds General Infirmary on 4th June 2019; 19/08/2014 is his sister's birthday.
    Dad's email is paul.hughes at gmail dot com; letters go to GIR 0AA.
    The school office is on (020) 8123 4567 and the old freephone line was 0500 123456.
    For the role play use 44 7700 900123, QQ 123 456 C, parent at example dot org and NHS 999 000 0018.
    """)
RAW = ["05-MAY-1990", "44 7723 456789", "7723 456789", "ab 123 456 c", "4th June 2019", "19/08/2014",
       "paul.hughes at gmail dot com", "paul.hughes", "8123 4567", "0500 123456"]
# (GIR 0AA is left out: the postcode rule's description names it, and SARIF carries that.)
ENGAGE_RULES = Path(__file__).parent / "data" / "engage-rule"  # jargon.test-engage


def check(path, *args):
    return CliRunner().invoke(app, ["check", str(path), *args], env={"CI": None})


def personal_data(path, *args):
    result = check(path, "--profile", "training", "--format", "json", *args)
    report = json.loads(result.stdout)
    return [(d["rule"].removeprefix("personal-data."), d["line"], d["column"])
            for d in report["diagnostics"] if d["category"] == "personal-data"]


@pytest.fixture()
def note(tmp_path):
    path = tmp_path / "module-3.md"
    path.write_text(NOTE)
    return path


def test_exact_findings_for_the_written_forms(note):
    assert personal_data(note) == [
        ("date-of-birth", 8, 11),   # DOB: 05-MAY-1990 (dd-Mon-yyyy)
        ("phone", 8, 43),           # 44 7723 456789 (44 without the plus)
        ("ni-number", 8, 79),       # ab 123 456 c (lower case, grouped 3-3)
        ("person-name", 9, 1),      # Tyler
        ("date-of-birth", 9, 46),   # born at Leeds General Infirmary on 4th June 2019 (a gap)
        ("date-of-birth", 9, 61),   # 19/08/2014 is his sister's birthday (context after)
        ("email", 10, 16),          # paul.hughes at gmail dot com
        ("postcode", 10, 60),       # GIR 0AA
        ("phone", 11, 25),          # (020) 8123 4567 (area code in brackets)
        ("phone", 11, 72),          # 0500 123456 (0500 freephone, ten digits)
        # Line 12 holds only placeholders: Ofcom's 07700 900xxx, HMRC's QQ, an example
        # domain and the NHS test range. Lines 4 and 6 are headings, not names.
    ]


def test_placeholders_in_the_written_forms_are_never_flagged(tmp_path):
    path = tmp_path / "role-play.md"
    path.write_text("For the role play use 44 7700 900123 or 0044 117 496 0860, QQ 123 456 C or\n"
                    "qq 12 34 56 a, parent at example dot org or team [at] example [dot] com,\n"
                    "and NHS 999 000 0018. ZZ99 9ZZ is the postcode.\n")
    assert personal_data(path) == []


@pytest.mark.parametrize("format", [f.value for f in Format])
def test_every_written_form_is_masked_in_every_output(note, format):
    result = check(note, "--profile", "training", "--format", format)
    assert result.exit_code == 1, result.output
    for raw in RAW:
        assert raw not in result.output, f"{raw!r} printed in {format} output"


def test_masked_even_in_the_record_profile_where_the_rules_are_off(tmp_path):
    # The jargon rule's excerpt shows the line; the identifiers on it are masked.
    path = tmp_path / "note.md"
    path.write_text("Mum did not engage: mobile 44 7723 456789, NI ab 123 456 c, GIR 0AA,\n"
                    "email paul.hughes at gmail dot com, DOB 05-MAY-1990.\n")
    result = check(path, "--rules", str(ENGAGE_RULES), "--format", "json")
    report = json.loads(result.stdout)
    excerpts = [d["excerpt"] for d in report["diagnostics"] if d["rule"] == "jargon.test-engage"]
    assert excerpts == ["Mum did not engage: mobile 44 7*** ******, NI ab *** *** c, G** 0**,"]
    for raw in ["7723 456789", "ab 123 456 c", "GIR 0AA"]:
        assert raw not in result.stdout


HEADINGS = textwrap.dedent("""\
    # Module 1

    ## Session 2: Working with Families

    # Module 1: Introduction

    The practitioner visited the family at home and Mum made tea.
    """)


def test_a_markdown_heading_is_never_a_name(tmp_path):
    path = tmp_path / "slides.md"
    path.write_text(HEADINGS)
    assert personal_data(path) == []


def test_a_full_name_or_a_titled_name_on_a_heading_is_still_found(tmp_path):
    path = tmp_path / "case-study.md"
    path.write_text("# Case study: Jamie Smith\n\n## Meeting with Mr Patel\n\nThe visit went well.\n")
    assert personal_data(path) == [("person-name", 1, 15), ("person-name", 3, 20)]


def test_anonymise_leaves_headings_alone(tmp_path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "slides.md").write_text(HEADINGS)
    (pack / "visit.md").write_text("# Module 2\n\nJamie Smith said Module 2 was about him.\n")
    out = tmp_path / "copy"
    result = CliRunner().invoke(app, ["anonymise", str(pack), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "slides.md").read_text() == HEADINGS
    visit = (out / "visit.md").read_text()
    assert visit.startswith("# Module 2\n\n") and "Module 2 was about him" in visit
    assert "Jamie" not in visit and "Smith" not in visit
