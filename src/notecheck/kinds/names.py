"""person-name: people's names, from spaCy's PERSON entities plus context.

The statistical model finds most names; context fixes what it gets wrong:
- relationship words and titles alone ("Mum", "Nan", "Dad", "Mr") are not names, and
  are trimmed off an entity ("Mum Sarah" -> "Sarah");
- a capitalised word right after a title or relationship word is a name even when the
  model missed it ("Mr Patel", "his brother Reece", "Nan, Margaret Hill"), and so is one
  that says or does something ("Leah said"), owns a relative ("Alfie's Nan") or comes
  with one ("Callum and his brother");
- a name found once is found everywhere in the note ("Callum ... Callum");
- approved pseudonyms (config ``pseudonyms:``) and their initials are never flagged;
- a Markdown heading ("# Module 1", "## Session 2: Working with Families") names a part
  of the pack: there the model, which reads capitalised title words as names ("Module",
  "Lessons"), counts only for a full name ("## Case study: Jamie Smith"). A single word
  on a heading is a name with a title or relationship word ("## Meeting with Mr Patel")
  or when it is a name elsewhere in the note.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote


class NameOptions(Options):
    # Words that come before a name and are never a name by themselves.
    titles: list[str] = Field(min_length=1)
    relationships: list[str] = Field(min_length=1)
    # Other words the model may tag as a person that are not names (roles, services).
    not_names: list[str] = []
    # Verbs that, right after a capitalised word, show it is a person: "Leah said".
    verbs_after: list[str] = []
    # Possessives in "Callum and his brother".
    possessives: list[str] = []


def compile_names(rule) -> dict:
    options = rule.options
    context = {w.lower().rstrip(".") for w in [*options.titles, *options.relationships]}
    return {
        "titles": {w.lower().rstrip(".") for w in options.titles},
        "context": context,
        "not_names": context | {w.lower() for w in options.not_names},
        "relationships": {w.lower() for w in options.relationships},
        "verbs_after": {w.lower() for w in options.verbs_after},
        "possessives": {w.lower() for w in options.possessives},
    }


def needs(rule) -> set[str]:
    return {"ner"}


# A word of letters in any alphabet, with inner apostrophes or hyphens: Zoë, O'Brien, Anne-Marie.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


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
    """The capitalised words of text[start:end], on its first line, that may be parts of
    a name (not initials, acronyms or postcode letters, which are written in capitals)."""
    words = []
    line_end = text.find("\n", start, end)
    for match in WORD.finditer(text, start, end if line_end == -1 else line_end):
        word = match.group().removesuffix("'s").removesuffix("’s")
        if len(word) < 2 or not word[0].isupper() or word.isupper() or word.lower() in cache["not_names"]:
            continue  # initials alone, acronyms and postcode letters, known non-names
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
        # A name has no digits: "Leeds LS1 4AP" tagged as a person is a place.
        if ent.label_ == "PERSON" and not any(ch.isdigit() for ch in ent.text):
            words = _name_words(text, ent.start_char, ent.end_char, cache)
            # On a heading, one capitalised word is a title word ("# Module 1: Introduction").
            if words and (len(words) > 1 or not parsed.layout.on_markdown_heading(ent.start_char)):
                spans.append((words[0][0], words[-1][1]))
    spans.extend(_from_context(doc, cache))
    # Every other mention of a word already found to be a name, or of the note's subject.
    found_words = {text[s:e] for start, end in spans for s, e in _name_words(text, start, end, cache)}
    for _, name in meta_names(parsed):
        found_words.update(name[s:e] for s, e in _name_words(name, 0, len(name), cache))
    surnames = _surnames(parsed, spans, cache)
    if found_words:
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(found_words, key=len, reverse=True)))
                             + r")\b")
        for match in pattern.finditer(text):
            start = match.start()
            if match.group() in surnames:  # "Nadia Rahman" once "Ms Rahman" is known
                start = _given_name_before(text, start, cache)
            spans.append((start, match.end()))
    keep = []
    for start, end in _merge(spans):
        name = text[start:end]
        words = name.lower().split()
        if name.lower() in approved or all(w in approved for w in words):
            continue
        keep.append((start, end))
    return keep


def _surnames(parsed: ParsedNote, spans, cache) -> set[str]:
    """Words known to be surnames: the last word of a full name, or a word after a title."""
    text = parsed.text
    found = set()
    named = [(text, s, e) for s, e in spans] + [(name, 0, len(name)) for _, name in meta_names(parsed)]
    for source, start, end in named:
        words = _name_words(source, start, end, cache)
        before = source[max(0, start - 6):start].split()
        if len(words) > 1 or (words and before and before[-1].lower().rstrip(".") in cache["titles"]):
            found.add(source[words[-1][0]:words[-1][1]])
    return found


_WORD_BEFORE = re.compile(r"([^\W\d_][^\W\d_'’-]*) $")


def _given_name_before(text: str, start: int, cache) -> int:
    """Where a name starts when the capitalised word before a surname is a given name."""
    line_start = text.rfind("\n", 0, start) + 1
    match = _WORD_BEFORE.search(text, max(line_start, start - 40), start)
    if match is None:
        return start
    word = match.group(1)
    if (len(word) > 1 and word[0].isupper() and not word.isupper()
            and word.lower() not in cache["not_names"] and word.lower() not in _stop_words()):
        return match.start(1)
    return start


def _from_context(doc, cache) -> Iterator[tuple[int, int]]:
    """Names the model missed, from the words around them."""
    n = len(doc)
    for token in doc:
        i = token.i
        # After a title or relationship word: "Mr Patel", "brother Reece", "Nan, Margaret Hill".
        if token.lower_.rstrip(".") in cache["context"] and i + 1 < n:
            first = doc[i + 2] if doc[i + 1].text == "," and i + 2 < n else doc[i + 1]
            if _is_surname(first, cache):
                last = doc[first.i + 1] if first.i + 1 < n and _is_surname(doc[first.i + 1], cache) else first
                yield first.idx, last.idx + len(last.text)
        if not _is_given(token, cache) or i + 1 >= n:
            continue
        if i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].lower_ in cache["not_names"]:
            continue  # the end of a service's name: "Social Care said"
        after = [t.lower_ for t in doc[i + 1:i + 4]]
        if (after[0] in cache["verbs_after"]                                    # Leah said
                or after[0] in ("'s", "’s") and len(after) > 1 and after[1] in cache["relationships"]
                or after[0] == "and" and len(after) > 2 and after[1] in cache["possessives"]
                and after[2] in cache["relationships"]):                        # Callum and his brother
            yield token.idx, token.idx + len(token.text)


def _is_given(token, cache) -> bool:
    """A word written like a name: Capitalised, not all capitals, not a known non-name."""
    text = token.text
    return (token.is_alpha and len(text) > 1 and text[0].isupper() and not text.isupper()
            and not token.is_stop and token.lower_ not in cache["not_names"])


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


def meta_names(parsed: ParsedNote) -> list[tuple[str, str]]:
    """(field, name) for the people the note's metadata names: its subjects and author.
    Only the name: "R. Hussain, social worker, Adolescent Team" -> "R. Hussain"."""
    names = [("subject", s) for s in parsed.note.subjects]
    author = parsed.note.meta.get("author")
    if isinstance(author, str):
        names.append(("author", author))
    return [(field, name.split(",")[0].strip()) for field, name in names if name.split(",")[0].strip()]


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    for start, end in find_names(parsed, rule):
        yield Finding(start, end)
    approved = approved_names(parsed.config.pseudonyms if parsed.config is not None else [])
    for field, name in meta_names(parsed):
        words = _name_words(name, 0, len(name), rule.compiled)
        if words and not all(name[s:e].lower() in approved for s, e in words):
            yield Finding(0, 0, field=field, values={"match": name.strip()})


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words, imported when a note is first checked (not at start-up)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)
