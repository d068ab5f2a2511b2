"""Choosing rules by id, category or glob, as --select/--ignore and the config do."""

from __future__ import annotations

import dataclasses
import fnmatch

from notecheck.diagnostics import Severity
from notecheck.rules.model import Rule


class SelectionError(Exception):
    pass


PROFILES = ("record", "training")
# What a profile turns on beyond the rules on by default: category -> the severity it gets.
# Case records are about real people, so personal data there is expected; training
# material must not carry any.
PROFILE_CATEGORIES: dict[str, dict[str, str]] = {
    "record": {},
    "training": {"personal-data": "error"},
}

# What a profile turns off (rule ids, categories or globs). Training material is not a
# record of a contact, so it is not asked for a contact date.
PROFILE_OFF: dict[str, tuple[str, ...]] = {
    "record": (),
    "training": ("timeliness.missing-contact-date",),
}


def apply_profile(rules: list[Rule], profile: str) -> list[Rule]:
    """The rules as the profile sets them: its categories on, at its severity; the rules
    it turns off, off (still run when selected by name)."""
    turned_on = PROFILE_CATEGORIES[profile]
    off = PROFILE_OFF.get(profile, ())
    out = []
    for r in rules:
        if r.category in turned_on:
            r = dataclasses.replace(r, enabled=True, severity=Severity(turned_on[r.category]))
        if r.enabled and any(matches(r, s) for s in off):
            r = dataclasses.replace(r, enabled=False)
        out.append(r)
    return out


def rule_profiles(rule: Rule) -> list[str]:
    """The profiles that run this rule without it being selected by name."""
    return [p for p in PROFILES
            if (rule.enabled or rule.category in PROFILE_CATEGORIES[p])
            and not any(matches(rule, s) for s in PROFILE_OFF.get(p, ()))]


def matches(rule: Rule, selector: str) -> bool:
    return selector in (rule.id, rule.category) or fnmatch.fnmatchcase(rule.id, selector)


def select_rules(rules: list[Rule], select: list[str], ignore: list[str],
                 severity: dict[str, str] | None = None,
                 options: dict[str, dict] | None = None) -> list[Rule]:
    """Rules to run. With ``select``, exactly those (even ones off by default);
    otherwise every rule that is on by default. ``ignore`` then removes rules.
    ``severity`` overrides a rule's severity by id, category or glob; ``options``
    overrides a rule's kind options by rule id."""
    for selector in [*select, *ignore, *(severity or {})]:
        if not any(matches(r, selector) for r in rules):
            from notecheck.rules.loader import closest

            known = sorted({r.id for r in rules} | {r.category for r in rules})
            raise SelectionError(f"'{selector}' matches no rule{closest(selector, known)}. "
                                 "Use a rule id, a category, or a glob such as 'jargon.*'; "
                                 "'notecheck rules' lists them.")
    if select:
        chosen = [r for r in rules if any(matches(r, s) for s in select)]
    else:
        chosen = [r for r in rules if r.enabled]
    chosen = [r for r in chosen if not any(matches(r, s) for s in ignore)]
    if severity:
        chosen = [_with_severity(r, severity) for r in chosen]
    if options:
        from notecheck.rules.loader import with_options

        known = {r.id for r in rules}
        for rule_id in options:
            if rule_id not in known:
                raise SelectionError(f"'options' names '{rule_id}', which is not a rule id.")
        try:
            chosen = [with_options(r, options[r.id]) if r.id in options else r for r in chosen]
        except ValueError as exc:
            raise SelectionError(str(exc)) from None
    return chosen


def _with_severity(rule: Rule, overrides: dict[str, str]) -> Rule:
    # The most specific selector wins: an id over a glob over a category.
    for selector in sorted(overrides, key=lambda s: (s != rule.id, s == rule.category)):
        if matches(rule, selector):
            return dataclasses.replace(rule, severity=Severity(overrides[selector]))
    return rule
