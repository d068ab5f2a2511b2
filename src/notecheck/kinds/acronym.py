"""acronym: an abbreviation the note uses without spelling it out first.

Flagged once per note, at its first use, unless the expansion appears before it or in
brackets right after it ("child in need (CIN)", "CIN (child in need)"), or in the note's
metadata ("note_type: multi-agency safeguarding hub (MASH) decision"). A use in the title
or a heading ("Telephone call with school SENCo") is a label the reader reads on from:
it passes when the note spells the acronym out at a later use. Its fix writes
the first expansion with the acronym in brackets, which the rule then accepts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote, RuleProblem


class AcronymOptions(Options):
    # acronym -> expansion, or a list of accepted expansions (the first is suggested)
    acronyms: dict[str, str | list[str]] = Field(min_length=1)
    allow: list[str] = []


def _expansions(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def compile_acronyms(rule) -> re.Pattern:
    for name, value in rule.options.acronyms.items():
        if not _expansions(value) or not all(e.strip() for e in _expansions(value)):
            raise RuleProblem(("acronyms", name), f"give the expansion of '{name}'")
    names = sorted(rule.options.acronyms, key=len, reverse=True)
    alternatives = "|".join(re.escape(n) for n in names)
    # Whole words only; a plural "s" is allowed ("SWs").
    return re.compile(rf"(?<![\w&+/-])({alternatives})s?(?![\w&+])")


def _spelled_out(text: str, start: int, end: int, expansions: list[str]) -> bool:
    before = text[:start].lower()
    after = text[end:end + 200].lower()
    for expansion in expansions:
        words = r"\s+".join(re.escape(w) for w in expansion.lower().split())
        if re.search(rf"\b{words}\b", before) or re.match(rf"\s*\(\s*{words}\s*\)", after):
            return True
    return False


# Small words a writer's own expansion may hold that are not in the acronym ("looked
# after child", "power of attorney").
_LINK_WORDS = {"of", "and", "for", "the", "to", "in", "on", "at", "with"}


def _defined_by_writer(text: str, start: int, end: int, name: str) -> bool:
    """The writer spells it out where it is first used, with words whose first letters make
    the acronym: "personal adviser (PA)", "PA (personal adviser)". An acronym can stand for
    more than one thing (a personal assistant in adult care, a personal adviser for a care
    leaver): the writer's own expansion tells the reader which."""
    letters = name.lower()
    before = re.search(r"([\w' -]+)\(\s*$", text[max(0, start - 120):start])
    if before and re.match(r"\s*\)", text[end:]) and _initials_end_with(before.group(1), letters):
        return True
    after = re.match(r"\s*\(([\w' -]+)\)", text[end:end + 120])
    return bool(after) and _initials_start_with(after.group(1), letters)


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w.lower() not in _LINK_WORDS)


def _initials_end_with(phrase: str, letters: str) -> bool:
    words = re.split(r"[\s-]+", phrase.strip().lower())
    return any(_initials(words[i:]) == letters and words[i].lower() not in _LINK_WORDS
               for i in range(len(words)))


def _initials_start_with(phrase: str, letters: str) -> bool:
    words = re.split(r"[\s-]+", phrase.strip().lower())
    return _initials(words) == letters


def _metadata_text(parsed: ParsedNote) -> str:
    """The note's metadata values, as one text ("multi-agency safeguarding hub (MASH)
    decision"): the case system shows them with the note."""
    meta = getattr(parsed.note, "meta", None) or {}
    return "\n".join(str(v) for v in meta.values() if isinstance(v, str))


def _defined_in(meta: str, name: str, expansions: list[str]) -> bool:
    """The metadata gives the acronym with its expansion in brackets: "multi-agency
    safeguarding hub (MASH) decision", "MASH (multi-agency safeguarding hub)". (A job
    title alone, "author: J. Ferreira, social worker", does not tell the reader that SW
    stands for it.)"""
    if name not in meta:
        return False
    acronym = re.escape(name)
    for expansion in expansions:
        words = r"\s+".join(re.escape(w) for w in expansion.split())
        if re.search(rf"\b{words}\s*\(\s*{acronym}\s*\)|\b{acronym}\s*\(\s*{words}\s*\)", meta, re.IGNORECASE):
            return True
    return False


def _in_title_or_heading(parsed: ParsedNote, offset: int) -> bool:
    layout = parsed.layout
    start, end = layout.first_line
    return bool(layout.title) and start <= offset < end or layout.in_heading(offset)


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    text = parsed.text
    allowed = set(rule.options.allow)
    done: set[str] = set()
    meta = _metadata_text(parsed)
    matches = list(rule.compiled.finditer(text))
    for number, match in enumerate(matches):
        name = match.group(1)
        if name in done or name in allowed:
            continue
        # A quoted use is the person's own words; the next unquoted use is the first to check.
        if rule.skip_quoted and parsed.in_quotes(match.start(), match.end()):
            continue
        expansions = _expansions(rule.options.acronyms[name])
        if _in_title_or_heading(parsed, match.start()) and any(
                later.group(1) == name and _spelled_out(text, later.start(), later.end(), expansions)
                for later in matches[number + 1:]):
            continue  # the title names it, and the note spells it out where it first uses it
        done.add(name)
        if (_spelled_out(text, match.start(), match.end(), expansions) or _defined_in(meta, name, expansions)
                or _defined_by_writer(text, match.start(), match.end(), name)):
            continue
        # Written out in full the first time ("looked after child (LAC)"): a fix only for
        # the acronym as listed (not a plural "SWs") and only when the expansions are
        # forms of one meaning; ASC (adult social care, autism spectrum condition) needs
        # the writer to choose.
        replacement = (f"{_before_what_follows(expansions[0], text, match.end())} ({name})"
                       if match.group(0) == name and one_meaning(expansions) else None)
        yield Finding(match.start(), match.end(), suggestion=expansions[0], values={"acronym": name},
                      replacement=replacement)


def _before_what_follows(expansion: str, text: str, end: int) -> str:
    """The expansion without the words that the note writes next, so the fix does not say
    them twice: "S42 enquiry" becomes "Section 42 safeguarding (S42) enquiry", not
    "Section 42 safeguarding enquiry (S42) enquiry"."""
    words = expansion.split()
    after = re.findall(r"[\w'-]+", text[end:end + 80])
    for k in range(len(words) - 1, 0, -1):
        if [w.lower() for w in words[-k:]] == [w.lower() for w in after[:k]]:
            return " ".join(words[:-k])
    return expansion


def one_meaning(expansions: list[str]) -> bool:
    """Do the expansions all start with the same word, give or take an ending ("child",
    "children"; "multi-agency", "multi agency")?"""
    firsts = {re.split(r"[\s-]+", e.strip().lower(), maxsplit=1)[0] for e in expansions}
    return all(a.startswith(b) or b.startswith(a) for a in firsts for b in firsts)
