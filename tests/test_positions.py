"""Every diagnostic points at the exact characters in the ORIGINAL file.

Lines and columns are 1-based and count characters (not bytes); the end column is the
column just after the last character (exclusive), as in SARIF and LSP. Front matter
lines count, CRLF is one line break, a tab is one character, a BOM is not a character.
"""

from __future__ import annotations

import pytest

from conftest import spans
from notecheck.notes.text import parse_text

PHRASE, ACRONYM, REGEX = "jargon.zz-phrase", "jargon.zz-acronym", "jargon.zz-regex"


def test_plain_note_first_line(write, check_tiny):
    note = write("a.txt", "Jamie kicked off when told.\n")
    _, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 1, 7, 1, 17)]
    assert found[0]["excerpt"] == "Jamie kicked off when told."


def test_front_matter_lines_are_counted(write, check_tiny):
    note = write("a.md", """\
        ---
        subject: Jamie
        note_type: home visit
        contact_date: 2026-11-20
        ---
        Home visit to Jamie.
        The CIN plan was discussed and Jamie kicked off.
        """)
    _, found = check_tiny(note)
    # Body line 2 is file line 7.
    assert spans(found) == [(ACRONYM, 7, 5, 7, 8), (PHRASE, 7, 38, 7, 48)]


def test_crlf_file(write, check_tiny):
    note = write("a.txt", b"---\r\nsubject: Jamie\r\n---\r\nFirst line.\r\n\r\nJamie kicked off.\r\n")
    _, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 6, 7, 6, 17)]
    assert found[0]["excerpt"] == "Jamie kicked off."  # no stray carriage return


def test_old_mac_line_endings(write, check_tiny):
    note = write("a.txt", b"First line.\rJamie kicked off.\r")
    _, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 2, 7, 2, 17)]


def test_tabs_count_as_one_character(write, check_tiny):
    note = write("a.txt", "Visit:\n\tJamie\t\tkicked off.\n", dedent=False)
    _, found = check_tiny(note)
    # "\tJamie\t\t" is 8 characters, so the match starts in column 9.
    assert spans(found) == [(PHRASE, 2, 9, 2, 19)]


@pytest.mark.parametrize("prefix", [
    "Café visit. ",            # é: one character, two bytes
    "Zoë’s café visit 😀. ",   # emoji: one character, four bytes (two UTF-16 units)
    "“Fine,” said Zoë. ",      # curly quotes: three bytes each
])
def test_non_ascii_before_the_match(write, check_tiny, prefix):
    note = write("a.md", f"Line one.\n{prefix}Jamie kicked off.\n")
    _, found = check_tiny(note)
    column = len(prefix) + len("Jamie ") + 1
    assert spans(found) == [(PHRASE, 2, column, 2, column + len("kicked off"))]


def test_emoji_column_is_counted_in_characters(write, check_tiny):
    # Written out in full so the expected column is not computed by the same len().
    note = write("a.txt", "😀😀 Jamie kicked off.\n")
    _, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 1, 10, 1, 20)]


def test_utf8_bom_is_not_a_column(write, check_tiny):
    note = write("a.txt", b"\xef\xbb\xbfJamie kicked off.\n")
    result, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 1, 7, 1, 17)]
    assert "input.encoding" not in result.stdout


def test_utf8_bom_before_front_matter(write, check_tiny):
    note = write("a.md", b"\xef\xbb\xbf---\nsubject: Jamie\n---\nJamie kicked off.\n")
    _, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 4, 7, 4, 17)]


def test_end_column_is_exclusive_at_end_of_line(write, check_tiny):
    note = write("a.txt", "Jamie has a CIN")  # no final newline; the match ends the file
    _, found = check_tiny(note)
    assert spans(found) == [(ACRONYM, 1, 13, 1, 16)]


def test_span_across_lines(write, check_tiny):
    note = write("a.txt", "---\nsubject: Jamie\n---\nA section\n47 enquiry began.\n")
    _, found = check_tiny(note)
    assert spans(found) == [(REGEX, 4, 3, 5, 3)]
    assert found[0]["message"] == "'section\n47' is shorthand; say what the enquiry is."


def test_span_across_crlf_lines(write, check_tiny):
    note = write("a.txt", b"Visit.\r\nA section\r\n47 enquiry began.\r\n")
    _, found = check_tiny(note)
    assert spans(found) == [(REGEX, 2, 3, 3, 3)]


def test_several_findings_in_reading_order(write, check_tiny):
    note = write("a.md", """\
        The LAC review was moved.
        Jamie kicked off, then the section 47 enquiry began.
        """)
    _, found = check_tiny(note)
    assert spans(found) == [
        (ACRONYM, 1, 5, 1, 8),
        (PHRASE, 2, 7, 2, 17),
        (REGEX, 2, 28, 2, 38),
    ]


def test_engine_positions_match_the_cli(tiny_linter):
    """The engine API gives the same positions (used by editors and other tools)."""
    text = "---\r\nsubject: Zoë\r\n---\r\n\tZoë 😀 kicked off at the CIN review.\r\n"
    note = parse_text("n.txt", text)
    found = tiny_linter.check(tiny_linter.parse(note))
    assert spans(found) == [(PHRASE, 4, 8, 4, 18), (ACRONYM, 4, 26, 4, 29)]


def test_phrase_wrapped_onto_the_next_line(write, check_tiny):
    # Hard-wrapped text files break lines anywhere; the term still matches, across lines.
    note = write("a.txt", "At school Jamie kicked\r\n   off when the placement\r\nbreakdown was discussed.\r\n")
    _, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 1, 17, 2, 7), (PHRASE, 2, 17, 3, 10)]


def test_phrase_with_extra_spaces_between_words(write, check_tiny):
    note = write("a.txt", "Jamie kicked  off.\n")
    _, found = check_tiny(note)
    assert spans(found) == [(PHRASE, 1, 7, 1, 18)]
