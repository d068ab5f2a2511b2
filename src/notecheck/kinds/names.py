"""person-name: people's names, from spaCy's PERSON entities plus context.

The statistical model finds most names; context fixes what it gets wrong:
- relationship words and titles alone ("Mum", "Nan", "Dad", "Mr") are not names, and
  are trimmed off an entity ("Mum Sarah" -> "Sarah");
- a capitalised word right after a title or relationship word is a name even when the
  model missed it ("Mr Patel", "his brother Reece");
- a name found once is found everywhere in the note ("Callum ... Callum");
- approved pseudonyms (config ``pseudonyms:``) and their initials are never flagged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote


class NameOptions(Options):
    # Words that come before a name and are never a name by themselves.
    titles: list[str] = Field(min_length=1)
    relationships: list[str] = Field(min_length=1)
    # Other words the model may tag as a person that are not names (roles, services).
    not_names: list[str] = []


def compile_names(rule) -> dict:
    options = rule.options
    context = {w.lower().rstrip(".") for w in [*options.titles, *options.relationships]}
    return {
        "context": context,
        "not_names": context | {w.lower() for w in options.not_names},
    }


def needs(rule) -> set[str]:
    return {"ner"}


_WORD = re.compile(r"[A-Z][a-zA-Z'’-]*")


def approved_names(pseudonyms: list[str]) -> set[str]:
    """Each pseudonym, each of its words, and its initials ("AR", "A.R.", "A R")."""
    approved: set[str] = set()
    for name in pseudonyms:
        words = name.split()
        approved.add(name.lower())
        approved.update(w.lower() for w in words)
        if len(words) > 1:
            initials = [w[0].lower() for w in words]
            approved.update({"".join(initials), ".".join(initials) + ".", " ".join(initials)})
    return approved


def _name_words(text: str, start: int, end: int, cache: dict) -> list[tuple[int, int]]:
    """The capitalised words of text[start:end] that may be parts of a name."""
    words = []
    for match in _WORD.finditer(text, start, end):
        word = match.group().rstrip("'’").removesuffix("'s").removesuffix("’s")
        if word.lower().rstrip(".") in cache["not_names"]:
            continue
        words.append((match.start(), match.start() + len(word)))
    return words


def find_names(parsed: ParsedNote, rule) -> list[tuple[int, int]]:
    """Spans of the note's text that are people's names (first, last or both)."""
    cache = rule.compiled
    text = parsed.text
    doc = parsed.doc
    approved = approved_names(parsed.config.pseudonyms if parsed.config is not None else [])
    spans: list[tuple[int, int]] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            words = _name_words(text, ent.start_char, ent.end_char, cache)
            if words:
                spans.append((words[0][0], words[-1][1]))
    # A capitalised word after a title or relationship word: "Mr Patel", "brother Reece".
    for token in doc[:-1]:
        if token.lower_.rstrip(".") in cache["context"]:
            following = token.nbor()
            if (following.text[:1].isupper() and following.is_alpha
                    and following.lower_ not in cache["not_names"]):
                end = following
                if end.i + 1 < len(doc) and _is_surname(doc[end.i + 1], cache):
                    end = doc[end.i + 1]
                spans.append((following.idx, end.idx + len(end.text)))
    # Every other mention of a word already found to be a name.
    found_words = {text[s:e] for start, end in spans for s, e in _name_words(text, start, end, cache)}
    if found_words:
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(found_words, key=len, reverse=True)))
                             + r")\b")
        spans.extend(m.span() for m in pattern.finditer(text))
    keep = []
    for start, end in _merge(spans):
        name = text[start:end]
        words = name.lower().split()
        if name.lower() in approved or all(w in approved for w in words):
            continue
        keep.append((start, end))
    return keep


def _is_surname(token, cache) -> bool:
    return token.is_alpha and token.text[:1].isupper() and token.lower_ not in cache["not_names"]


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[list[int]] = []
    for start, end in sorted(set(spans)):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    for start, end in find_names(parsed, rule):
        yield Finding(start, end)
