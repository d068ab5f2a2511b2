"""Word documents (.docx), for training material: one note per document.

Every paragraph, in the body and in table cells, in document order, is one line of the
note, so a finding's line is the paragraph number (counting table-cell paragraphs) and its
column is the character within that paragraph. Line breaks inside a paragraph become
spaces so the numbering holds.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from typing import BinaryIO

from notecheck.notes import InputProblem, Note


def paragraphs(document) -> Iterator[str]:
    """The text of each paragraph, tables included, in the order they appear."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(parent, element) -> Iterator[str]:
        for child in element.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                yield Paragraph(child, parent).text
            elif tag == "tbl":
                table = Table(child, parent)
                for row in table.rows:
                    seen = set()
                    for cell in row.cells:
                        # A merged cell is returned once per grid column it spans.
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        yield from walk(cell, cell._tc)
            elif tag == "sdt":  # content controls wrap ordinary paragraphs
                content = child.find(child.tag.replace("sdt", "sdtContent"))
                if content is not None:
                    yield from walk(parent, content)

    yield from walk(document, document.element.body)


def read_docx(path: str, handle: BinaryIO, columns=None) -> Iterator[Note | InputProblem]:
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputProblem("input.unreadable", "Reading Word files needs python-docx "
                                               "(pip install python-docx).") from None
    try:
        document = docx.Document(handle)
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputProblem("input.unreadable",
                           f"This is not a Word .docx file that can be read ({exc}). "
                           "Save it again from Word as .docx.") from None
    lines = [" ".join(text.replace("\t", " ").splitlines()) for text in paragraphs(document)]
    yield Note(path=path, text="\n".join(lines))


read_docx.takes_file = True
