"""Word documents (.docx), for training material: one note per document.

Every paragraph, in the body and in table cells, in document order, is one line of the
note, so a finding's line is the paragraph number (counting table-cell paragraphs) and its
column is the character within that paragraph. Line breaks inside a paragraph become
spaces so the numbering holds.

A .docx is a zip of XML files, and a file from outside may be built to hurt the reader.
Before python-docx sees it, the zip's own table of contents is checked: every part must
use a compression this reader has, not be encrypted, and the parts together must not
unpack to more than MAX_UNPACKED bytes or any large part to more than MAX_RATIO times its
packed size (a "zip bomb" unpacks a few kilobytes to gigabytes). Every XML part must have
no DTD (<!DOCTYPE ...>): Word never writes one, and a DTD is how entity-expansion and
external-entity attacks are made. So a hostile file costs a look at its table of contents
and the first bytes of each XML part, and is reported; it is never unpacked.
"""

from __future__ import annotations

import lzma
import xml.parsers.expat
import zipfile
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from notecheck.notes import InputProblem, Note

# Word documents with pictures run to tens of megabytes; text alone, far less.
MAX_UNPACKED = 256 * 1024 * 1024
# XML packs to a tenth or a twentieth of its size; pictures hardly pack at all. A part
# over RATIO_FLOOR bytes that unpacks to more than this many times its packed size is a bomb.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
# How much of an XML part is read to find a DTD: it must come before the first element.
PROLOG_BYTES = 64 * 1024
# The first bytes of an OLE compound file: an encrypted (password-protected) Word file,
# or an old .doc renamed.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

SAVE_AGAIN = "Open it in Word and save it again as a .docx (File > Save As > Word Document)."


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


def _unreadable(why: str) -> InputProblem:
    return InputProblem("input.unreadable", f"This Word file could not be read: {why}. {SAVE_AGAIN}")


class _PrologDone(Exception):
    pass


class _HasDtd(Exception):
    pass


def _has_dtd(head: bytes) -> bool:
    """Whether the XML that starts with ``head`` declares a DTD before its first element."""
    parser = xml.parsers.expat.ParserCreate()

    def doctype(*args):
        raise _HasDtd

    def element(*args):
        raise _PrologDone

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.StartElementHandler = element
    try:
        parser.Parse(head, False)
    except _HasDtd:
        return True
    except (_PrologDone, xml.parsers.expat.ExpatError):
        return False  # a malformed part is python-docx's to report
    return False


def check_package(archive: zipfile.ZipFile) -> None:
    """Refuse a zip that is encrypted, uses a compression this reader lacks, is a zip
    bomb, or holds an XML part with a DTD. Raises InputProblem."""
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise _unreadable("it is password-protected (encrypted). Remove the password in Word")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED,
                                      zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
            raise _unreadable(f"its part {info.filename} is packed with a compression method "
                              f"({info.compress_type}) that Word does not use")
        total += info.file_size
        if total > MAX_UNPACKED:
            raise _unreadable(f"it would unpack to more than {MAX_UNPACKED // (1024 * 1024)} MB, "
                              "far more than any Word document, so it was not unpacked")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise _unreadable(f"its part {info.filename} would unpack to {info.file_size:,} bytes "
                              f"from {info.compress_size:,} (a 'zip bomb'), so it was not unpacked")
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels")):
            with archive.open(info) as part:
                head = part.read(PROLOG_BYTES)
            if _has_dtd(head):
                raise _unreadable(f"its part {info.filename} has a DTD (<!DOCTYPE ...>), which "
                                  "Word never writes and which can be used to attack XML readers")


def read_docx(path: str, handle: BinaryIO, columns=None) -> Iterator[Note | InputProblem]:
    try:
        import docx
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise InputProblem("input.unreadable", "Reading Word files needs python-docx "
                                               "(pip install python-docx).") from None
    start = handle.read(len(OLE_SIGNATURE))
    handle.seek(0)
    if start == OLE_SIGNATURE:
        raise _unreadable("it is password-protected (encrypted), or an old Word .doc file "
                          "renamed to .docx. Remove the password, if it has one")
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, EOFError, ValueError):
        raise _unreadable("it is not a .docx file (a .docx is a zip file), or it is damaged") from None
    try:
        with archive:
            check_package(archive)
        handle.seek(0)
        document = docx.Document(handle)
        lines = [" ".join(text.replace("\t", " ").splitlines()) for text in paragraphs(document)]
    except InputProblem:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, lzma.LZMAError, OSError):
        raise _unreadable("it is damaged: part of it cannot be unpacked") from None
    except MemoryError:
        raise
    except Exception as exc:  # noqa: BLE001 - python-docx and lxml raise many kinds
        # The kind of error only: an exception's text may quote the document.
        raise _unreadable(f"it is damaged or not a Word document ({type(exc).__name__})") from None
    yield Note(path=path, text="\n".join(lines))


read_docx.takes_file = True
