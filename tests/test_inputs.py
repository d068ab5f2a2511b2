"""Bad and unusual inputs: each is reported clearly, with its path and line, and the
rest of the run goes on."""

from __future__ import annotations

from conftest import spans

PHRASE = "jargon.zz-phrase"
GOOD_NOTE = "Jamie kicked off at school.\n"


def by_path(found: list[dict]) -> dict[str, list[tuple]]:
    out: dict[str, list[tuple]] = {}
    for d in found:
        out.setdefault(d["path"], []).append((d["rule"], d["severity"], d["line"], d["column"]))
    return out


# --- unreadable paths -------------------------------------------------------------------

def test_missing_file_is_an_error_and_other_inputs_are_still_linted(tmp_path, write, check_tiny):
    good = write("good.txt", GOOD_NOTE)
    missing = tmp_path / "missing.txt"
    result, found = check_tiny(missing, good)
    assert result.exit_code == 1
    assert by_path(found) == {
        str(missing): [("input.unreadable", "error", 1, 1)],
        str(good): [(PHRASE, "warning", 1, 7)],
    }
    unreadable = found[0] if found[0]["rule"] == "input.unreadable" else found[1]
    assert str(missing) in unreadable["message"]
    assert unreadable["category"] == "input"
    assert result.json["summary"]["notes"] == 1


def test_missing_file_fails_even_with_fail_on_error(tmp_path, write, check_tiny):
    clean = write("clean.txt", "Jamie was calm and talked about school.\n")
    result, found = check_tiny(tmp_path / "nope.md", clean, extra=("--fail-on", "error"))
    assert [d["rule"] for d in found] == ["input.unreadable"]
    assert result.exit_code == 1


def test_missing_file_with_fail_on_never_exits_zero(tmp_path, check_tiny):
    result, found = check_tiny(tmp_path / "nope.md", extra=("--fail-on", "never"))
    assert [d["rule"] for d in found] == ["input.unreadable"]
    assert result.exit_code == 0


def test_missing_file_in_text_output(tmp_path, cli, tiny_rules):
    missing = tmp_path / "gone.txt"
    result = cli(["check", "--rules", tiny_rules, "--select", "jargon.zz-*", "--format", "text", missing])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0].startswith(f"{missing}:1:1: error input.unreadable ")


# --- binary and encodings ---------------------------------------------------------------

def test_binary_file_is_reported_and_skipped(write, check_tiny):
    binary = write("scan.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR kicked off")
    good = write("good.txt", GOOD_NOTE)
    result, found = check_tiny(binary, good)
    assert by_path(found) == {
        str(binary): [("input.binary", "error", 1, 1)],
        str(good): [(PHRASE, "warning", 1, 7)],
    }
    assert "binary" in found[0]["message"] and "skipped" in found[0]["message"]
    assert result.json["summary"]["notes"] == 1


def test_cp1252_file_is_read_with_a_warning_and_correct_columns(write, check_tiny):
    # "Café" and curly quotes as a Windows export writes them: é = 0xE9, “ ” = 0x93 0x94.
    note = write("export.txt", b"Visit note\r\n\x93Caf\xe9\x94 visit: Jamie kicked off.\r\n")
    result, found = check_tiny(note)
    assert spans(found) == [
        ("input.encoding", 1, 1, 1, 1),
        (PHRASE, 2, 21, 2, 31),
    ]
    warning = found[0]
    assert warning["severity"] == "warning"
    assert "line 2" in warning["message"] and "Windows-1252" in warning["message"]
    assert found[1]["excerpt"] == "“Café” visit: Jamie kicked off."
    assert result.exit_code == 1


def test_cp1252_warning_alone_does_not_fail_with_fail_on_error(write, check_tiny):
    note = write("export.txt", b"Caf\xe9 visit, all well.\n")
    result, found = check_tiny(note, extra=("--fail-on", "error"))
    assert [(d["rule"], d["severity"]) for d in found] == [("input.encoding", "warning")]
    assert result.exit_code == 0


def test_undecodable_file_is_an_error_naming_the_line(write, check_tiny):
    # 0x81 is undefined in Windows-1252 as well as invalid UTF-8.
    note = write("broken.txt", b"Line one.\nLine two \x81 here, Jamie kicked off.\n")
    _, found = check_tiny(note)
    assert [(d["rule"], d["severity"], d["line"]) for d in found] == [("input.encoding", "error", 2)]
    assert "line 2" in found[0]["message"]


def test_utf8_bom_gives_no_warning(write, check_tiny):
    note = write("bom.txt", b"\xef\xbb\xbfCaf\xc3\xa9: Jamie kicked off.\n")
    _, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 1, 13, 1, 23)]


# --- front matter -----------------------------------------------------------------------

def test_front_matter_yaml_error_names_the_line_and_the_text_is_still_checked(write, check_tiny):
    note = write("bad.md", """\
        ---
        subject: Jamie
          note_type: home visit
        ---
        Jamie kicked off.
        """)
    good = write("good.md", GOOD_NOTE)
    result, found = check_tiny(note, good)
    assert by_path(found) == {
        str(note): [("input.front-matter", "error", 3, 12), (PHRASE, "warning", 5, 7)],
        str(good): [(PHRASE, "warning", 1, 7)],
    }
    assert "line 3" in found[0]["message"]
    assert result.exit_code == 1


def test_bad_subject_type_points_at_its_line(write, check_tiny):
    note = write("bad.md", """\
        ---
        subject: Jamie
        note_type: home visit
        subject_type: teenager
        ---
        Jamie kicked off.
        """)
    _, found = check_tiny(note)
    assert [(d["rule"], d["line"]) for d in found] == [("input.front-matter", 4), (PHRASE, 6)]
    assert "'child' or 'adult'" in found[0]["message"] and "teenager" in found[0]["message"]


def test_subject_type_is_case_insensitive(write, check_tiny):
    note = write("ok.md", "---\nsubject_type: Adult\n---\nMr Jones kicked off.\n")
    _, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 4, 10, 4, 20)]


def test_subject_must_be_a_name_or_list_of_names(write, check_tiny):
    note = write("bad.md", "---\nnote_type: visit\nsubject: {name: Jamie}\n---\nText.\n")
    _, found = check_tiny(note)
    assert [(d["rule"], d["line"]) for d in found] == [("input.front-matter", 3)]


def test_front_matter_must_be_key_value_lines(write, check_tiny):
    note = write("bad.md", "---\n- Jamie\n- home visit\n---\nText.\n")
    _, found = check_tiny(note)
    assert [d["rule"] for d in found] == ["input.front-matter"]
    assert "key: value" in found[0]["message"]


def test_unclosed_front_matter(write, check_tiny):
    note = write("open.md", "---\nsubject: Jamie\nJamie kicked off.\n")
    _, found = check_tiny(note)
    assert [(d["rule"], d["line"]) for d in found] == [("input.front-matter", 1)]
    assert "never closed" in found[0]["message"]


def test_metadata_is_kept_on_the_note():
    from notecheck.notes.text import parse_text

    note = parse_text("n.md", "---\nsubject: [Jamie, Ella]\nsubject_type: Child\n"
                              "note_type: home visit\ncontact_date: 2026-11-20\n"
                              "recorded_date: 2026-11-24\nauthor: A. Patel\n---\nText.\n")
    assert note.subjects == ["Jamie", "Ella"]
    assert note.meta["subject_type"] == "child"
    assert note.meta["note_type"] == "home visit"
    # Dates are kept as the written string so every date rule parses one form.
    assert note.meta["contact_date"] == "2026-11-20"
    assert note.meta["recorded_date"] == "2026-11-24"
    assert note.meta["author"] == "A. Patel"
    assert note.meta_positions["recorded_date"] == (6, 1)
    assert note.text == "Text.\n"


def test_three_dashes_later_in_the_note_are_not_front_matter(write, check_tiny):
    note = write("a.md", "Visit note.\n---\nJamie kicked off.\n---\n")
    _, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 3, 7, 3, 17)]


# --- stdin ------------------------------------------------------------------------------

def test_stdin_is_read_with_a_dash(check_tiny):
    result, found = check_tiny("-", input="---\nsubject: Jamie\n---\nToday Jamie kicked off.\n")
    assert [(d["path"], d["rule"], d["line"], d["column"]) for d in found] == [("-", PHRASE, 4, 13)]
    assert result.json["summary"]["notes"] == 1


def test_stdin_in_cp1252(check_tiny):
    _, found = check_tiny("-", input=b"Caf\xe9: Jamie kicked off.\n")
    assert [(d["rule"], d["column"]) for d in found] == [("input.encoding", 1), (PHRASE, 13)]


# --- folders ----------------------------------------------------------------------------

def make_tree(write):
    for name in ("a.txt", "b.md", "sub/deeper/c.TXT", "sub/d.md", "sub/drafts/e.md",
                 ".hidden/f.md", "sub/.git/g.txt", ".dotfile.md",
                 "notes.csv.bak", "h.docx.txt.old", "image.png", "readme.rst"):
        write(name, GOOD_NOTE)


def linted_files(found: list[dict], root) -> list[str]:
    from pathlib import Path

    return sorted(Path(d["path"]).relative_to(root).as_posix() for d in found)


def test_folder_walk_is_recursive_and_skips_hidden_and_other_files(tmp_path, write, check_tiny):
    make_tree(write)
    result, found = check_tiny(tmp_path)
    assert linted_files(found, tmp_path) == ["a.txt", "b.md", "sub/d.md", "sub/deeper/c.TXT",
                                             "sub/drafts/e.md"]
    assert result.json["summary"]["files"] == 5


def test_exclude_globs_are_repeatable(tmp_path, write, check_tiny):
    make_tree(write)
    _, found = check_tiny(tmp_path, extra=("--exclude", "drafts", "--exclude", "*.md"))
    assert linted_files(found, tmp_path) == ["a.txt", "sub/deeper/c.TXT"]


def test_exclude_a_path_glob(tmp_path, write, check_tiny):
    make_tree(write)
    _, found = check_tiny(tmp_path, extra=("--exclude", "sub/deeper/*"))
    assert linted_files(found, tmp_path) == ["a.txt", "b.md", "sub/d.md", "sub/drafts/e.md"]


def test_a_file_named_directly_is_read_whatever_its_ending(write, check_tiny):
    note = write("note.log", GOOD_NOTE)
    _, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 1, 7, 1, 17)]


def test_empty_folder_and_empty_file(tmp_path, write, check_tiny):
    (tmp_path / "empty").mkdir()
    empty = write("blank.txt", "")
    result, found = check_tiny(tmp_path / "empty", empty)
    assert found == []
    assert result.exit_code == 0
    assert result.json["summary"]["notes"] == 1


def test_utf16_file_with_bom_is_read(write, check_tiny):
    note = write("notepad.txt", "Jamie kicked off at school.\r\n".encode("utf-16"))
    result, found = check_tiny(note)
    assert [(d["rule"], d["line"], d["column"]) for d in found] == [(PHRASE, 1, 7)]


def test_a_file_named_twice_is_checked_once(tmp_path, write, check_tiny):
    note = write("notes/a.txt", GOOD_NOTE)
    result, found = check_tiny(note, tmp_path / "notes", note)
    assert [(d["path"], d["rule"]) for d in found] == [(str(note), PHRASE)]
    assert result.json["summary"]["notes"] == 1
