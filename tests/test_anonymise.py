"""notecheck anonymise: a copy with invented names and safe placeholders."""

import json
import textwrap
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from notecheck import identifiers as ids
from notecheck.cli import app

VISIT = textwrap.dedent("""\
    ---
    subject: Jamie Smith
    author: Priya Sharma
    note_type: home visit
    nhs: 943 476 5919
    dob: 12/03/2015
    ---
    Home visit to Jamie Smith (NHS 943 476 5919) at 14 Acacia Avenue, LS6 2QT.
    Mum's mobile is 07123 456789 and her email is jane.smith@gmail.com.
    Jamie (DOB 12/03/2015) said he was happy. Mum said Nan helps.
    """)
CALL = textwrap.dedent("""\
    Spoke to Mrs Okafor about Jamie. She said Jamie's brother Reece had been at Nan's.
    Dad (Paul Hughes) phoned from 020 8123 4567. His NI number is AB 12 34 56 C.
    Mum's mobile is still 07123 456789.
    """)
REAL = ["Jamie", "Smith", "Priya", "Sharma", "Okafor", "Reece", "Paul", "Hughes", "943 476 5919",
        "14 Acacia Avenue", "LS6 2QT", "07123 456789", "jane.smith@gmail.com", "12/03/2015",
        "020 8123 4567", "AB 12 34 56 C"]


@pytest.fixture()
def pack(tmp_path):
    folder = tmp_path / "pack"
    (folder / "calls").mkdir(parents=True)
    (folder / "visit.md").write_text(VISIT)
    (folder / "calls" / "call.txt").write_text(CALL)
    return folder


def anonymise(*args):
    return CliRunner().invoke(app, ["anonymise", *map(str, args)])


def test_the_copy_passes_the_training_profile(pack, tmp_path):
    out = tmp_path / "copy"
    result = anonymise(pack, "--out", out)
    assert result.exit_code == 0, result.output
    check = CliRunner().invoke(app, ["check", str(out), "--profile", "training", "--format", "json"])
    report = json.loads(check.stdout)
    assert report["summary"]["notes"] == 2
    assert [d for d in report["diagnostics"] if d["category"] == "personal-data"] == []
    # ... while the original pack is full of it.
    check = CliRunner().invoke(app, ["check", str(pack), "--profile", "training", "--format", "json"])
    found = {d["rule"] for d in json.loads(check.stdout)["diagnostics"]}
    assert {"personal-data.person-name", "personal-data.nhs-number", "personal-data.phone",
            "personal-data.ni-number", "personal-data.date-of-birth"} <= found


def test_no_real_value_is_left_and_originals_are_untouched(pack, tmp_path):
    out = tmp_path / "copy"
    anonymise(pack, "--out", out)
    copies = (out / "visit.md").read_text() + (out / "calls" / "call.txt").read_text()
    for real in REAL:
        assert real not in copies, real
    assert (pack / "visit.md").read_text() == VISIT
    assert (pack / "calls" / "call.txt").read_text() == CALL


def test_the_same_person_gets_the_same_pseudonym_across_the_pack(pack, tmp_path):
    out = tmp_path / "copy"
    anonymise(pack, "--out", out, "--mapping", tmp_path / "mapping.yaml")
    names = yaml.safe_load((tmp_path / "mapping.yaml").read_text())["names"]
    visit, call = (out / "visit.md").read_text(), (out / "calls" / "call.txt").read_text()
    jamie = f"{names['Jamie']} {names['Smith']}"
    assert f"subject: {jamie}" in visit and f"Home visit to {jamie} (" in visit
    assert f"about {names['Jamie']}." in call and f"{names['Jamie']}'s brother {names['Reece']}" in call
    assert f"Mrs {names['Okafor']}" in call
    assert len(set(names.values())) == len(names)  # different people, different names


def test_identifiers_become_valid_safe_placeholders(pack, tmp_path):
    out = tmp_path / "copy"
    anonymise(pack, "--out", out)
    visit, call = (out / "visit.md").read_text(), (out / "calls" / "call.txt").read_text()
    nhs = visit.split("(NHS ")[1].split(")")[0]
    assert ids.mod11_valid(nhs) and ids.is_placeholder_nhs(nhs)
    mobile = visit.split("mobile is ")[1].split(" and")[0]
    assert ids.is_placeholder_phone(mobile) and mobile.startswith("07700 900")
    assert f"mobile is still {mobile}." in call  # the same number, the same stand-in
    assert "QQ " in call and "@example.org" in visit
    assert "(DOB 03/2015)" in visit  # month and year only


def test_mapping_only_when_asked_and_with_a_warning(pack, tmp_path):
    out = tmp_path / "copy"
    result = anonymise(pack, "--out", out)
    assert not list(tmp_path.rglob("*mapping*")) and "personal data" not in result.output
    result = anonymise(pack, "--out", tmp_path / "copy2", "--mapping", tmp_path / "who.yaml")
    assert "holds real personal data" in result.output
    mapping = yaml.safe_load((tmp_path / "who.yaml").read_text())
    assert mapping["names"]["Jamie"] and mapping["identifiers"]["9434765919"]


def test_the_mapping_may_not_go_inside_the_copy(pack, tmp_path):
    result = anonymise(pack, "--out", tmp_path / "copy", "--mapping", tmp_path / "copy" / "m.yaml")
    assert result.exit_code == 2 and not (tmp_path / "copy").exists()


@pytest.mark.parametrize("where", ["same", "inside"])
def test_never_writes_into_or_over_the_input(pack, where):
    out = pack if where == "same" else pack / "anon"
    result = anonymise(pack, "--out", out)
    assert result.exit_code == 2 and "inside the input folder" in result.output
    assert sorted(p.name for p in pack.rglob("*")) == ["call.txt", "calls", "visit.md"]


def test_a_single_file_into_its_own_folder_is_refused(pack):
    result = anonymise(pack / "visit.md", "--out", pack)
    assert result.exit_code == 2 and "would overwrite" in result.output
    assert (pack / "visit.md").read_text() == VISIT


def test_writes_leave_no_temporary_files(pack, tmp_path):
    out = tmp_path / "copy"
    anonymise(pack, "--out", out)
    assert sorted(p.name for p in out.rglob("*")) == ["call.txt", "calls", "notecheck.yaml", "visit.md"]


def test_the_mapping_may_not_overwrite_an_input(pack, tmp_path):
    result = anonymise(pack, "--out", tmp_path / "copy", "--mapping", pack / "visit.md")
    assert result.exit_code == 2 and "is one of the input files" in result.output
    assert (pack / "visit.md").read_text() == VISIT


def test_windows_line_endings_are_kept(tmp_path):
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "visit.txt").write_bytes(CALL.replace("\n", "\r\n").encode("utf-8"))
    anonymise(folder, "--out", tmp_path / "copy")
    copy = (tmp_path / "copy" / "visit.txt").read_bytes()
    assert copy.count(b"\r\n") == CALL.count("\n") and b"Okafor" not in copy


def test_the_example_notes_anonymise_cleanly(tmp_path):
    """The repository's example notes (invented, but realistic): every name and identifier
    the training profile finds in them is gone from the copy."""
    examples = Path(__file__).resolve().parents[1] / "examples"
    if not examples.is_dir():
        pytest.skip("no examples folder")
    out = tmp_path / "copy"
    assert anonymise(examples, "--out", out).exit_code == 0
    before = CliRunner().invoke(app, ["check", str(examples), "--profile", "training",
                                      "--select", "personal-data", "--format", "json"])
    after = CliRunner().invoke(app, ["check", str(out), "--select", "personal-data", "--format", "json"])
    assert json.loads(before.stdout)["diagnostics"]
    assert json.loads(after.stdout)["diagnostics"] == []


# --- inputs that used to overwrite each other, crash, or leak -----------------------------

def test_two_inputs_with_the_same_file_name_keep_their_folders(tmp_path):
    (tmp_path / "north").mkdir()
    (tmp_path / "south").mkdir()
    (tmp_path / "north" / "visit.txt").write_text(CALL)
    (tmp_path / "south" / "visit.txt").write_text("Home visit to Reece Hughes. Reece was well.\n")
    out = tmp_path / "copy"
    result = anonymise(tmp_path / "north", tmp_path / "south", "--out", out)
    assert result.exit_code == 0, result.output
    assert "Wrote 2 anonymised files" in result.output
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt")) == [
        "north/visit.txt", "south/visit.txt"]
    assert "Okafor" not in (out / "north" / "visit.txt").read_text()
    assert (out / "south" / "visit.txt").read_text().startswith("Home visit to ")
    # The same for the two files named one by one.
    out2 = tmp_path / "copy2"
    result = anonymise(tmp_path / "north" / "visit.txt", tmp_path / "south" / "visit.txt", "--out", out2)
    assert result.exit_code == 0 and "Wrote 2 anonymised files" in result.output
    assert sorted(p.relative_to(out2).as_posix() for p in out2.rglob("*.txt")) == [
        "north/visit.txt", "south/visit.txt"]


def test_a_single_folder_or_files_from_one_folder_are_copied_flat(pack, tmp_path):
    out = tmp_path / "copy"
    anonymise(pack / "visit.md", pack / "calls" / "call.txt", "--out", out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.*")) == [
        "calls/call.txt", "notecheck.yaml", "visit.md"]


def test_a_link_out_of_the_pack_is_skipped_with_a_clear_message(pack, tmp_path):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.txt").write_text("Spoke to Mrs Okafor.\n")
    (pack / "linked.txt").symlink_to(outside / "secret.txt")
    out = tmp_path / "copy"
    result = anonymise(pack, "--out", out)
    assert result.exit_code == 0, result.output
    assert "skipped" in result.output and "linked.txt" in result.output
    assert "outside" in result.output
    assert sorted(p.name for p in out.rglob("*.*")) == ["call.txt", "notecheck.yaml", "visit.md"]


def test_out_naming_an_existing_file_is_refused(pack, tmp_path):
    existing = tmp_path / "copy.txt"
    existing.write_text("keep me\n")
    result = anonymise(pack, "--out", existing)
    assert result.exit_code == 2
    assert "is a file" in result.output and "Traceback" not in result.output
    assert existing.read_text() == "keep me\n"


def test_a_name_written_as_a_json_escape_is_replaced(tmp_path):
    folder = tmp_path / "export"
    folder.mkdir()
    rows = [{"id": "1", "subject": "Zoë Smith", "text": "Home visit to Zoë Smith. Zoë said she "
             "was happy at home.\nZoë's brother Reece was at school."},
            {"id": "2", "subject": "Reece Smith", "text": "Reece told me Zoë had been upset."}]
    # As most exporters write it: non-ASCII as \u escapes.
    (folder / "notes.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    assert "Zo\\u00eb" in (folder / "notes.jsonl").read_text()
    out = tmp_path / "copy"
    result = anonymise(folder, "--out", out, "--mapping", tmp_path / "m.yaml")
    assert result.exit_code == 0, result.output
    copy = (out / "notes.jsonl").read_text()
    assert "Zo\\u00eb" not in copy and "Zoë" not in copy and "Smith" not in copy
    copied = [json.loads(line) for line in copy.splitlines()]
    names = yaml.safe_load((tmp_path / "m.yaml").read_text())["names"]
    assert copied[0]["subject"] == f"{names['Zoë']} {names['Smith']}"
    assert copied[0]["text"].startswith(f"Home visit to {names['Zoë']} {names['Smith']}. {names['Zoë']} said")
    assert f"\n{names['Zoë']}'s brother {names['Reece']}" in copied[0]["text"]
    assert copied[1]["text"] == f"{names['Reece']} told me {names['Zoë']} had been upset."
    assert copy.isascii()  # written the way it was: \u escapes


def test_the_mapping_may_not_go_inside_the_input_folder(pack, tmp_path):
    result = anonymise(pack, "--out", tmp_path / "copy", "--mapping", pack / "mapping.yaml")
    assert result.exit_code == 2 and "inside the input folder" in result.output
    assert not (pack / "mapping.yaml").exists() and not (tmp_path / "copy").exists()


def test_json_view_decodes_escapes_and_writes_back_valid_json():
    from notecheck.anonymise import JsonView

    raw = '{"a": "x \\"Zo\\u00eb\\" y\\n\\ud83d\\ude00", "b": "Zo\\u00eb", "c": 3}\n'
    view = JsonView(raw)
    assert view.text == '{"a": "x "Zoë" y\n😀", "b": "Zoë", "c": 3}\n'
    assert view.apply([]) == raw
    first = view.text.index("Zoë")
    second = view.text.index("Zoë", first + 1)
    replaced = view.apply([(first, first + 3, "Mía"), (second, second + 3, "Mía")])
    assert json.loads(replaced) == {"a": 'x "Mía" y\n😀', "b": "Mía", "c": 3}
    assert replaced.isascii()  # the file was all ASCII, so the copy is too
    # A span that crosses from one string into the next keeps the JSON around them; the
    # strings it covers are emptied rather than left holding part of what was found.
    crossing = view.apply([(first, second + 3, "[name]")])
    assert json.loads(crossing) == {"a": 'x "[name]', "": "", "c": 3}
