"""The personal-data rules on a realistic training-pack note: exact findings out."""

import json
import textwrap

from typer.testing import CliRunner

from notecheck.cli import app

NOTE = textwrap.dedent("""\
    ---
    subject: Kayleigh Moss
    author: Priya Sharma
    note_type: home visit
    ---
    Home visit to Kayleigh (DOB 04/05/2016) at 22 Meadow Close, BD7 1AY.
    Present: Mum, Nan and Mum's partner Lee Carter.
    Kayleigh said she likes her new school. Mum's mobile: 07845 123456.
    NHS 485 777 3457 checked. Test number 999 000 0018 used on the form.
    Dad rang from +44 (0)1274 123456 and asked for Mr Hussain's number.
    Ref: 4857773457. Next visit 12/06/2024 at 10:30; the duty line is 0113 496 0000.
    """)


def findings(tmp_path, *extra):
    path = tmp_path / "note.md"
    path.write_text(NOTE)
    result = CliRunner().invoke(app, ["check", str(path), "--profile", "training",
                                      "--format", "json", *extra], env={"CI": None})
    report = json.loads(result.stdout)
    return [(d["rule"].removeprefix("personal-data."), d["line"], d["column"], d["severity"])
            for d in report["diagnostics"] if d["category"] == "personal-data"], report


def test_exact_findings_in_a_training_note(tmp_path):
    found, _ = findings(tmp_path)
    assert found == [
        ("person-name", 2, 1, "error"),     # subject: Kayleigh Moss
        ("person-name", 3, 1, "error"),     # author: Priya Sharma
        ("person-name", 6, 15, "error"),    # Kayleigh
        ("date-of-birth", 6, 29, "error"),
        ("address", 6, 44, "error"),
        ("postcode", 6, 61, "error"),
        ("person-name", 7, 37, "error"),    # Lee Carter, not Mum, not Nan
        ("person-name", 8, 1, "error"),     # Kayleigh again
        ("phone", 8, 55, "error"),
        ("nhs-number", 9, 5, "error"),      # not the test-range 999 000 0018
        ("phone", 10, 15, "error"),         # +44 (0)1274 ...
        ("person-name", 10, 51, "error"),   # Mr Hussain
        # Ref: 4857773457 is a case reference; 12/06/2024 a visit date; 0113 496 0000 Ofcom's.
    ]


def test_masked_shapes_in_messages(tmp_path):
    _, report = findings(tmp_path)
    messages = [d["message"] for d in report["diagnostics"]]
    assert any("(K******* M***)" in m for m in messages)
    assert any("(485 *** ****)" in m for m in messages)
    assert any("(+44 (0)**** ******)" in m for m in messages)


def test_pseudonyms_are_approved(tmp_path):
    (tmp_path / "notecheck.yaml").write_text("pseudonyms: [Kayleigh Moss, Lee Carter]\n")
    found, _ = findings(tmp_path)
    names = [f for f in found if f[0] == "person-name"]
    assert names == [("person-name", 3, 1, "error"), ("person-name", 10, 51, "error")]
