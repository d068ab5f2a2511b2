"""mention: a note that should say something and does not.

A note-level check. It applies to notes of the listed types (``note_types``, from the
metadata) and/or notes that mention a trigger ("domestic abuse", "drinking"); it reports
when none of the ``required`` terms appears — in a sentence that also has one of the
``near`` words, when those are given ("seen alone": "alone" near "see", "speak").
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote, RuleProblem
from notecheck.kinds.language import Terms, first_line, sentence_list


class MentionOptions(Options):
    note_types: list[str] = []  # any word of note_type: "visit" matches "home visit"
    subject_types: list[str] = []  # child / adult; a note with no subject_type still counts
    triggers: list[str] = []
    required: list[str] = Field(min_length=1)
    near: list[str] = []


def compile_mention(rule) -> dict:
    o = rule.options
    if not o.note_types and not o.triggers:
        raise RuleProblem(("triggers",), "give note_types or triggers, or the rule would "
                                         "apply to every note")
    return {"note_types": {w.lower() for t in o.note_types for w in t.split()},
            "triggers": Terms(o.triggers, "triggers"), "required": Terms(o.required, "required"),
            "near": Terms(o.near, "near")}


def needs(rule) -> set[str]:
    return {"lemma", "sents"}


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    if not parsed.text.strip():
        return  # an empty note has nothing to check
    c, o = rule.compiled, rule.options
    meta = parsed.note.meta
    subject_type = meta.get("subject_type")
    if o.subject_types and subject_type and subject_type not in o.subject_types:
        return
    if c["note_types"]:
        words = {w.strip(".,;:()").lower() for w in str(meta.get("note_type") or "").replace("-", " ").split()}
        if not words & c["note_types"]:
            return
    trigger = None
    if c["triggers"]:
        trigger = next(c["triggers"].spans(parsed.doc), None)
        if trigger is None:
            return
    for sent in sentence_list(parsed.doc):
        if c["required"].any_in(sent) and (not c["near"] or c["near"].any_in(sent)):
            return
    if trigger is not None:
        yield Finding(trigger.start_char, trigger.end_char)
    else:
        yield Finding(*first_line(parsed.text))
