"""A big export's reading can start part-way (how Dask workers start their range): from
any mark taken between two items, the reader gives exactly the items a reading from the
top would have given after it, with the same lines, columns and messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from notecheck.notes import InputProblem, Note
from notecheck.notes.csv_reader import Place
from notecheck.notes.sources import read_file

DATA = Path(__file__).parent / "data" / "exports"

CSV = ('\ufeffid,Case Note,Team\r\n'
       'N1,"Mum ""kicked off"".\r\nSecond line.",North\r\n'
       '\r\n'
       'N2,"Broken "quote" here",South\r\n'
       'N3,Plain note.,North\r\n'
       'N4,"Three\r\nline\r\nnote",\r\n'
       'N5,Last one.,South\r\n')
# A quote left open on N2's row: the reader resynchronises at N3, reading N3 and N4's
# lines again, so no mark may be taken until they are used.
UNCLOSED = ('id,Case Note,Team\n'
            'N1,First note.,North\n'
            'N2,"Quote never closed,South\n'
            'N3,Third note.,North\n'
            'N4,Fourth note.,South\n'
            'N5,Fifth note.,North\n')
# J1 and J3 give "body" twice: said once, at J1, and not again when reading starts later.
# J1 and J6 give a warning before their note: no mark may fall between the two.
JSONL = ('{"id": "J1", "body": "One.", "body": "again"}\n'
         '{"id": "J2", "other": "no text"}\n'
         '\n'
         '{"id": "J3", "body": "Caf\\u00e9 \\"quoted\\".", "body": "again"}\n'
         '{"id": "J4", "other": "no text again"}\n'
         '{"id": "J5", "body": "Five."\n'
         '{"id": "J6", "body": "Six.", "n": NaN}\n')


def describe(item) -> tuple:
    if isinstance(item, Note):
        return ("note", item.id, item.text, item.position(0), item.position(len(item.text)),
                sorted(item.meta.items()))
    return ("problem", item.rule, item.message, item.line, item.column)


@pytest.mark.parametrize("name, content", [
    ("export.csv", CSV.encode("utf-8")),
    ("export.tsv", CSV.replace(",", "\t").encode("utf-8")),
    ("windows.csv", CSV.replace("\ufeff", "").replace("Mum", "Mum caf\xe9").encode("cp1252")),
    ("unclosed.csv", UNCLOSED.encode("utf-8")),
    ("export.jsonl", JSONL.encode("utf-8")),
    ("data.csv", (DATA / "case-notes.csv").read_bytes()),
    ("data.jsonl", (DATA / "case-notes.jsonl").read_bytes()),
])
def test_reading_from_every_mark_gives_the_rest(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    place = Place()
    whole, marks = [], []
    for _, item in read_file(str(path), place=place):
        whole.append(describe(item))
        if place.can_mark():  # once the header is read, and no lines are read ahead
            marks.append((len(whole), place.mark()))
    assert sum(1 for w in whole if w[0] == "note") >= 3
    assert any(w[0] == "problem" for w in whole) or name.startswith("data.csv")
    if name == "unclosed.csv":  # nothing lost to the open quote
        assert [w[1] for w in whole if w[0] == "note"] == ["N1", "N3", "N4", "N5"]
    for done, mark in marks[:-1]:
        rest = [describe(item) for _, item in read_file(str(path), place=Place(resume=mark))]
        assert rest == whole[done:], (done, mark)


def test_a_file_that_cannot_start_part_way_is_read_whole(tmp_path):
    """A .json array has no place to start from: the place is left unset."""
    path = tmp_path / "notes.json"
    path.write_text('[{"id": 1, "note": "One."}, {"id": 2, "note": "Two."}]', encoding="utf-8")
    place = Place()
    assert [i.id for _, i in read_file(str(path), place=place) if isinstance(i, Note)] == ["1", "2"]
    assert place.stream is None
    assert not any(isinstance(i, InputProblem) for _, i in read_file(str(path), place=place))
