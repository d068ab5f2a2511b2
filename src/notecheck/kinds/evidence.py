"""evidence: a finding where a sentence carries one kind of evidence and lacks another.

The evidence comes from a classifier trained on labelled sentences (training/train.py,
shipped in src/notecheck/models/evidence): for each sentence of a note, a score from 0 to 1
for each of voice, observation, opinion, sourced_claim, unsourced_claim, sharing,
sharing_recipient, sharing_purpose, sharing_consent, sharing_told, sharing_receipt,
adult_risk, household_considered and vague_time. ``sentence_evidence(parsed)`` scores a
note's sentences once, in one batch, and keeps the scores for every rule that asks.

A rule of this kind says, in YAML: which evidence raises a finding (``evidence`` at or
above ``threshold``), which evidence elsewhere in the same sentence, paragraph or note
answers it (``unless``), which words answer it as well (``unless_terms``), and where the
finding points (the phrase ``span_terms`` finds in the sentence, else the sentence). A
rule may report each sentence, or the note once (``per: note``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from notecheck import dates
from notecheck.kinds.base import Finding, Options, ParsedNote, RuleProblem
from notecheck.kinds.layout import bounds
from notecheck.kinds.terms import Terms
from notecheck.kinds.undated import whole_word_patterns

LABELS = ("voice", "observation", "opinion", "sourced_claim", "unsourced_claim", "sharing",
          "sharing_recipient", "sharing_purpose", "sharing_consent", "sharing_told",
          "sharing_receipt", "adult_risk", "household_considered", "vague_time")


class EvidenceOptions(Options):
    # The evidence a sentence must carry to be reported, and how sure the classifier must be.
    evidence: list[str] = Field(min_length=1)
    threshold: float = Field(0.5, gt=0, lt=1)
    # Evidence in the same sentence that means it is something else ("Mum said he seems
    # low" is her account, not the writer's opinion).
    not_with: list[str] = []
    not_with_threshold: float = Field(0.5, gt=0, lt=1)
    # Evidence that answers it, and where it must be: the same sentence, its paragraph
    # (blank-line separated, or one timed entry of a daily log), or anywhere in the note.
    unless: list[str] = []
    unless_threshold: float = Field(0.5, gt=0, lt=1)
    unless_in: Literal["sentence", "paragraph", "note"] = "paragraph"
    # Words that answer it too, in the same place (a note that says "lives alone").
    unless_terms: list[str] = []
    # A sentence with one of these words is left to the word-list rule that looks for them
    # (a YAML alias of that rule's list, in the same file), so one sentence gets one finding.
    leave_to_terms: list[str | dict] = []
    # And a sentence matched by one of these (that rule's ``patterns``, as an alias).
    leave_to_patterns: list[str] = []
    # Words that must be in the sentence for it to count (e.g. a risk named), if any.
    require_terms: list[str] = []
    # The phrase the finding points at, when the sentence has one; else the sentence.
    span_terms: list[str] = []
    # Only notes about these kinds of person ('subject_type'); a note without one is checked.
    subject_types: list[str] = []
    # A note that calls people by these words is about someone else (Mum, Dad: a child).
    not_when_note_has: list[str] = []
    per: Literal["sentence", "note"] = "sentence"
    skip_quoted: bool = True  # a sentence wholly in quotation marks is someone's own words
    skip_dated: bool = False  # a sentence that gives a date is placed in time
    # With skip_dated: times that point back to the sentence before ("that day", "the next
    # morning"), which a date in that sentence, in the same paragraph, places too: "Skye
    # was reported missing at 23:00 on 6 November. She had last been seen leaving school
    # at 15:20 that day."
    anchored_terms: list[str] = []
    min_words: int = Field(3, ge=1)


def compile_evidence(rule) -> dict:
    o = rule.options
    for field in ("evidence", "unless", "not_with"):
        for i, label in enumerate(getattr(o, field)):
            if label not in LABELS:
                raise RuleProblem((field, i), f"'{label}' is not evidence the classifier gives; "
                                              f"use one of {', '.join(LABELS)}")
    return {"unless_terms": Terms(o.unless_terms, "unless_terms"),
            "require_terms": Terms(o.require_terms, "require_terms"),
            "leave_to": Terms(_term_words(o.leave_to_terms), "leave_to_terms"),
            "leave_to_patterns": whole_word_patterns(o.leave_to_patterns, "leave_to_patterns"),
            "span_terms": Terms(o.span_terms, "span_terms"),
            "anchored": Terms(o.anchored_terms, "anchored_terms"),
            "not_when": Terms(o.not_when_note_has, "not_when_note_has")}


def _term_words(terms: list) -> list[str]:
    """The words of a term list written as strings, or as {term: ...} or {verb: ...}."""
    found = []
    for term in terms:
        word = (term.get("term") or term.get("verb")) if isinstance(term, dict) else term
        for form in [word] if isinstance(word, str) else word or []:
            if isinstance(form, str) and form.strip() and form not in found:
                found.append(form)
    return found


def needs(rule) -> set[str]:
    return {"sents", "lemma", "evidence"}


def _words(sent) -> int:
    return sum(1 for t in sent if t.is_alpha)


def sentence_evidence(parsed: ParsedNote) -> list[tuple[object, dict[str, float]]]:
    """Each sentence of the note with its evidence scores, worked out once per note (or
    for a whole chunk of notes at once, by score_notes). A sentence with no words (a
    heading rule, a time stamp) gets no scores."""
    if "evidence" not in parsed.cache:
        score_notes([parsed])
    return parsed.cache["evidence"]


def score_notes(parts: list[ParsedNote]) -> None:
    """Work out sentence_evidence for many parsed notes in one batch: the classifier's
    cost per call, not per sentence, was most of its time on short notes. The scores are
    the same as note by note (each sentence is classified on its own)."""
    todo = [p for p in parts if "evidence" not in p.cache]
    sentences = [[s for s in p.layout.sentences if _words(s) > 0] for p in todo]
    texts = [" ".join(s.text.split()) for sents in sentences for s in sents]
    if not texts:
        for parsed in todo:
            parsed.cache["evidence"] = []
        return
    from notecheck.nlp import load_evidence

    scored = load_evidence().pipe(texts, batch_size=64)
    for parsed, sents in zip(todo, sentences):
        parsed.cache["evidence"] = [(s, next(scored).cats) for s in sents]


def clause_evidence(parsed: ParsedNote, start: int, end: int) -> dict[str, float]:
    """The evidence scores of part of a sentence (the text from ``start`` to ``end``), for a
    rule that must tell its halves apart: "He was in good spirits: singing along to the
    radio" is a view and then what was seen, which the whole sentence's scores blur.
    Worked out on demand, once per span of a note, and kept only with the parsed note."""
    clauses = parsed.cache.setdefault("clause-evidence", {})
    if (start, end) not in clauses:
        from notecheck.nlp import load_evidence

        clauses[start, end] = load_evidence()(" ".join(parsed.text[start:end].split())).cats
    return clauses[start, end]


COLONS = {":", ";", "–", "—"}


def colon_after(sent, after: int):
    """The first colon (or semicolon, or dash) of the sentence after the token at ``after``."""
    return next((t for t in sent if t.i > after and t.text in COLONS), None)


def observed_after_colon(parsed: ParsedNote, sent, after: int, threshold: float | None) -> bool:
    """Does the sentence go on, after a colon (or semicolon, or dash) that follows the token
    at ``after``, to say what was seen: "Nadia looked unkempt: her hair was matted at the
    back", "I think the travel training has worked: he has now done it alone twice"? The
    clause counts when the evidence classifier reads it, on its own, as an observation
    (score at least ``threshold``; None turns this off)."""
    if threshold is None:
        return False
    colon = colon_after(sent, after)
    if colon is None or sum(1 for t in sent if t.i > colon.i and t.is_alpha) < 3:
        return False
    return clause_evidence(parsed, colon.idx + 1, sent.end_char).get("observation", 0.0) >= threshold


def _place(parsed: ParsedNote, sent, where: str):
    if where == "sentence":
        return sent.start_char
    if where == "paragraph":
        return parsed.layout.paragraph(sent.start_char)
    return None


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    o, c = rule.options, rule.compiled
    if not parsed.text.strip():
        return
    subject_type = str(parsed.note.meta.get("subject_type") or "").strip().lower()
    if o.subject_types and subject_type and subject_type not in {t.lower() for t in o.subject_types}:
        return
    if c["not_when"] and c["not_when"].any_in(parsed.doc):
        return
    scored = sentence_evidence(parsed)
    # Where the answering evidence is: the places (sentence, paragraph or note) that have it.
    answered = set()
    for sent, cats in scored:
        if any(cats.get(label, 0.0) >= o.unless_threshold for label in o.unless) or \
                (c["unless_terms"] and c["unless_terms"].any_in(sent)):
            answered.add(_place(parsed, sent, o.unless_in))
    last_dated = None  # the paragraph of the last sentence that gave a date
    for sent, cats in scored:
        dated = o.skip_dated and bool(dates.dates_in(parsed.text[slice(*bounds(sent))]))
        anchored = (last_dated is not None and c["anchored"].any_in(sent)
                    and parsed.layout.paragraph(sent.start_char) == last_dated)
        last_dated = parsed.layout.paragraph(sent.start_char) if dated else None
        if dated or anchored:
            continue
        if _words(sent) < o.min_words:
            continue
        if max(cats.get(label, 0.0) for label in o.evidence) < o.threshold:
            continue
        if any(cats.get(label, 0.0) >= o.not_with_threshold for label in o.not_with):
            continue
        if _place(parsed, sent, o.unless_in) in answered:
            continue
        if c["leave_to"] and c["leave_to"].any_in(sent):
            continue
        if any(p.search(sent.text) for p in c["leave_to_patterns"]):
            continue
        if c["require_terms"] and not c["require_terms"].any_in(sent):
            continue
        start, end = bounds(sent)
        if parsed.layout.in_heading(start):
            continue
        if o.skip_quoted and parsed.in_quotes(start, end):
            continue
        span = _phrase(sent, c["span_terms"]) if c["span_terms"] else None
        if span is not None:
            if o.skip_quoted and parsed.in_quotes(span.start_char, span.end_char):
                continue
            start, end = span.start_char, span.end_char
        yield Finding(start, end, values={"match": parsed.text[start:end]})
        if o.per == "note":
            return


def _phrase(sent, terms: Terms):
    """The first run of span terms, each within two words of the last ("since the weekend
    before last"), as one span of the sentence; None when the sentence has none."""
    matches = list(terms.find(sent))
    if not matches:
        return None
    start, end = matches[0]
    for m_start, m_end in matches[1:]:
        if m_start - end > 2:
            break
        end = m_end
    return sent[start:end]

