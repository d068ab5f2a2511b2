"""agentless: a report or decision in the passive with no one named as its source.

"It was reported that Dad had hit Mum" hides who said it; "It was reported by the
school that ..." does not. The verbs, the adverbs ("apparently") and the prepositions
that name a source ("at the core group") come from the rule.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.language import Terms


class PassiveVerb(Options):
    verb: str = Field(min_length=1)  # base form: report, allege, decide
    # When given, the passive subject must be one of these: "concerns were raised".
    subjects: list[str] = []


class AgentlessOptions(Options):
    verbs: list[PassiveVerb] = []
    adverbs: list[str] = []  # apparently, allegedly
    # Prepositions after the verb that name where it came from: "agreed at the meeting".
    source_prepositions: list[str] = []


def compile_agentless(rule) -> dict:
    o = rule.options
    if not o.verbs and not o.adverbs:
        from notecheck.kinds.base import RuleProblem
        raise RuleProblem(("verbs",), "give at least one verb or adverb to look for")
    return {"verbs": {v.verb.lower(): Terms(v.subjects, "subjects") for v in o.verbs},
            "adverbs": Terms(o.adverbs, "adverbs"),
            "sources": {p.lower() for p in o.source_prepositions}}


def needs(rule) -> set[str]:
    return {"parse", "lemma"}


# The parser sometimes hangs "by his teacher" on the complement ("described as withdrawn
# by his teacher"); look that far down, but not into a reported clause ("that ...").
_DESCEND = {"prep", "pcomp", "oprd", "acomp", "xcomp"}


def _has_source(verb, sources: set[str], depth: int = 0) -> bool:
    for child in verb.children:
        if child.dep_ == "agent":
            return True
        if depth > 0 and child.dep_ == "prep" and child.lower_ == "by" and any(
                c.dep_ == "pobj" for c in child.children):
            return True  # "reported missing by Mum": the parser calls this 'by' a plain prep
        if depth == 0 and child.dep_ == "prep" and child.lower_ in sources and any(
                c.dep_ == "pobj" for c in child.children):
            return True
        if depth < 2 and child.dep_ in _DESCEND and _has_source(child, sources, depth + 1):
            return True
    return False


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    c = rule.compiled
    doc = parsed.doc
    for span in c["adverbs"].spans(doc):
        yield Finding(span.start_char, span.end_char)
    for token in doc:
        subjects = c["verbs"].get(token.lemma_.lower())
        if subjects is None or token.tag_ == "VBG":
            continue
        passive_subject = next((ch for ch in token.children if ch.dep_ == "nsubjpass"), None)
        is_passive = passive_subject is not None or any(ch.dep_ == "auxpass" for ch in token.children)
        if not is_passive or _has_source(token, c["sources"]):
            continue
        if subjects and (passive_subject is None or not subjects.has(passive_subject)):
            continue
        start = passive_subject if passive_subject is not None and passive_subject.i < token.i else token
        # "it was reported" / "concerns were raised": from the subject to the verb
        if start is not token and token.i - start.i > 4:
            start = token
        yield Finding(start.idx, token.idx + len(token))
