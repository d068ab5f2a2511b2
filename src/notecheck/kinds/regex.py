"""regex: a regular expression over the note's text, with optional named validators.

A validator is a function from the matched text to True (report it) or False (skip
it), e.g. a check-digit test. Later packs register theirs in VALIDATORS.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache

from notecheck import identifiers
from notecheck.fixes import literal
from notecheck.kinds.base import Finding, GuardedPattern, Options, ParsedNote, RuleProblem

VALIDATORS: dict[str, Callable[[str], bool]] = {
    # UK personal identifiers (rules/personal-data): True for a real-looking identifier,
    # False for a failed check digit, an impossible date or an official placeholder.
    "nhs-number": identifiers.nhs_number_valid,
    "chi-number": identifiers.chi_valid,
    "health-care-number": identifiers.hcn_valid,
    "ni-number": identifiers.ni_valid,
    "postcode": identifiers.postcode_valid,
    "uk-phone": identifiers.uk_phone_valid,
    "email": identifiers.email_valid,
    "date": identifiers.date_valid,
}


class RegexOptions(Options):
    regex: str
    ignore_case: bool = True
    group: int | str = 0
    validator: str | None = None
    # Also look in the note's metadata, read as "key: value" lines (e.g. "dob: 12/03/2015"
    # in the front matter); a finding there points at that line.
    metadata: bool = False
    # Text that every match contains at least one of (in the pattern's case sensitivity):
    # a note, or metadata line, with none of them is not searched. Only for speed: a long
    # pattern tried at every word costs more than this quick test, and what it finds is
    # the same, as long as the list is right.
    requires_any: list[str] = []


def compile_regex(rule) -> GuardedPattern:
    options = rule.options
    for i, text in enumerate(options.requires_any):
        if not text:
            raise RuleProblem(("requires_any", i), "an empty text is in every note; remove it")
    try:
        pattern = GuardedPattern(options.regex, re.IGNORECASE if options.ignore_case else 0)
    except re.error as exc:
        raise RuleProblem(("regex",), f"the regular expression does not compile: {exc}") from None
    group = options.group
    if isinstance(group, int) and group > pattern.groups or (
            isinstance(group, str) and group not in pattern.groupindex):
        raise RuleProblem(("group",), f"the regular expression has no group {group!r}")
    if options.validator is not None and options.validator not in VALIDATORS:
        from notecheck.rules.loader import closest
        raise RuleProblem(("validator",), f"there is no validator '{options.validator}'"
                                          f"{closest(options.validator, VALIDATORS)}; known: "
                                          f"{', '.join(sorted(VALIDATORS)) or 'none'}")
    return pattern


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    validator = VALIDATORS.get(rule.options.validator) if rule.options.validator else None
    wanted = (_required(tuple(rule.options.requires_any), rule.compiled.compiled.flags)
              if rule.options.requires_any else None)
    if wanted is None or wanted.search(parsed.text):
        for match in rule.compiled.finditer(parsed.text):
            start, end = match.span(rule.options.group)
            if start < 0 or start == end:
                continue
            if validator is not None and not validator(match.group(rule.options.group)):
                continue
            yield Finding(start, end, suggestion=rule.suggestion, replacement=literal(rule.suggestion))
    if rule.options.metadata:
        yield from _in_metadata(parsed, rule, validator, wanted)


@lru_cache(maxsize=64)
def _required(texts: tuple[str, ...], flags: int):
    """A pattern finding any of ``texts`` (requires_any), in the same engine and with the
    flags the rule's compiled pattern ended up with (its inline ones too), so that it is
    exactly as case-insensitive as the rule's own pattern."""
    import regex

    return regex.compile("|".join(regex.escape(text) for text in texts), flags)


def _in_metadata(parsed: ParsedNote, rule, validator, wanted=None) -> Iterator[Finding]:
    note = parsed.note
    for key, value in note.meta.items():
        if key not in note.meta_positions or value is None:
            continue
        values = value if isinstance(value, list) else [value]
        for item in values:
            line = f"{key}: {item}"
            if wanted is not None and not wanted.search(line):
                continue
            for match in rule.compiled.finditer(line):
                found = match.group(rule.options.group)
                if found and (validator is None or validator(found)):
                    yield Finding(0, 0, suggestion=rule.suggestion, field=key, values={"match": found})
