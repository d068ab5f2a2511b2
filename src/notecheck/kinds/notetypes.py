"""One note-type matcher: does a note's type (its ``note_type`` metadata, or its title)
name one of a rule's note types?

A listed type matches when its words come, in order, in the note's type, case and
punctuation aside: "visit" matches "Home visit" and "CIN visit - Jamie", "daily record"
matches "Supported living daily record", "multi-agency" matches "Multi agency meeting".
With ``whole``, the note's type must be the listed type itself: a list of types that are
not the record of one contact ("assessment") must not take in "assessment visit".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"[^\W_]+")


def type_words(text) -> tuple[str, ...]:
    """The words of a note type or title, lower case: "Home visit – Jamie (9)" is home,
    visit, jamie, 9."""
    return tuple(_WORD.findall(str(text or "").lower()))


def note_type(parsed) -> tuple[str, ...]:
    """The words of the note's ``note_type`` metadata; () when it has none."""
    return type_words(parsed.note.meta.get("note_type"))


class NoteTypes:
    def __init__(self, types: Iterable[str], whole: bool = False):
        self.types = [words for words in map(type_words, types) if words]
        self.whole = whole

    def __bool__(self) -> bool:
        return bool(self.types)

    def match(self, words: tuple[str, ...]) -> bool:
        """Does this note type (its words, from type_words) name one of the types?"""
        if self.whole:
            return words in self.types
        return any(words[i:i + len(t)] == t for t in self.types
                   for i in range(len(words) - len(t) + 1))
