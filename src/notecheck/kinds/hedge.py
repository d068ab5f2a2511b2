"""hedge: an opinion or hedged claim with nothing seen or heard to support it.

"Mum appears low" is the writer's view; the reader needs what led to it. The claim
passes when the same sentence, or the next, gives evidence (an evidence marker such as
"I saw" or "because", a direct quote, a count), and when it is someone else's words
("Mum said Jamie seems happier") rather than the writer's.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.evidence import colon_after, observed_after_colon
from notecheck.kinds.language import (
    FIRST_PERSON, english, evidence_near, held_by_someone_else, reported_by_someone_else, subject_of)
from notecheck.kinds.terms import Terms


class HedgeOptions(Options):
    hedges: list[str] = Field(min_length=1)
    # One-word hedges that are only opinion when they take a complement:
    # "Dad appeared drunk" is a view, "Dad appeared at the door" is not.
    complement_needed: list[str] = []
    evidence: list[str] = Field(min_length=1)
    numbers_are_evidence: bool = True
    # Words a number can go with that make it a time or date, not a count: 2pm, 3 March.
    time_words: list[str] = []
    # Prepositions of time: a hedge on one ("possibly since the summer") says when is
    # uncertain, which is a vague time (timeliness), not a view. So does a hedge on a
    # phrase whose noun is one of time_words ("Dad moved out, possibly in October").
    time_prepositions: list[str] = []
    speech_verbs: list[str] = Field(min_length=1)
    # Things a person does that can be seen ("yawned", "slammed the door", "was slurring"):
    # said of the person the claim is about, they describe what led to it.
    observed_actions: list[str] = []
    sentences_before: int = Field(default=0, ge=0)
    sentences_after: int = Field(default=1, ge=0)
    # The line before or after, in the same paragraph, is evidence too when it goes on
    # about the same person by name or pronoun ("Mr Dunn appeared confused." / "He asked
    # me three times what day it was.").
    same_person_lines: bool = False
    # Hedges that label the view as the writer's own ("I think", "in my view"): these may
    # rest on evidence up to labelled_sentences_before sentences back in the same paragraph.
    labelled_opinions: list[str] = []
    labelled_sentences_before: int = Field(default=0, ge=0)
    # ... or on the reasons set out after it: "In my view the risk is lower. Mia's
    # account matches Joanna's. The window lock is in place, and I saw it."
    labelled_sentences_after: int = Field(default=0, ge=0)
    # Adverbs that only state a view when they come before what they qualify: "Mum is
    # clearly struggling" (a view), "she spoke clearly" (how she spoke).
    before_head_only: list[str] = []
    # Verbs those adverbs describe the manner of, wherever they stand: "She could clearly
    # express her wishes", "he clearly said no" say how, not that the writer is sure.
    manner_verbs: list[str] = []
    # Which of those adverbs can say how ("spoke clearly", "clearly said no"); the others
    # ("obviously", "evidently") never do: "Dad is obviously saying things to unsettle
    # him" is a view. Empty: all of before_head_only.
    manner_adverbs: list[str] = []
    # Words for a claim about what a person means or intends ("minimising", "lying",
    # "manipulating", "attention-seeking"). Hedged ("She is probably minimising", "Dad may
    # be playing down his drinking"), such a view needs its reason in the same sentence
    # ("because ..."): a quote or a count next to it is what the writer doubts, not why.
    motives: list[str] = []
    # Words that hedge only a motive claim: "Mum may be exaggerating".
    motive_hedges: list[str] = []
    # What gives a motive claim its reason: because, as, given that.
    reasons: list[str] = []
    # Subjects that point back to the sentence before ("This appears to be caused by ..."):
    # the view is about what it set out, and may rest on its evidence.
    pointing_back: list[str] = []
    # Prepositions that make a thinking hedge a topic, not a view: "We thought together
    # about Reuben", "I thought through the options with Mum".
    topic_prepositions: list[str] = []
    # What can be seen of a thing, as the complement of look or appear: "his skin looked a
    # bit red", "the wound appeared dry" is what was seen, not a view of it.
    seen_qualities: list[str] = []
    # Parts of the body that, after a colon, say what the view rests on: "Harold appeared
    # settled: lying still with his eyes closed, breathing steadily".
    body_words: list[str] = []
    # A clause after a colon that the evidence classifier reads as an observation (score at
    # least this) says what the view rests on too: "Nadia looked unkempt: her hair was
    # matted". None: only body_words.
    colon_observation: float | None = Field(default=None, gt=0, lt=1)
    # Verbs of a hedge that say what the writer means to do when 'to' follows them: "I
    # would expect to visit on Friday" is a plan; "I'd expect another missing episode" and
    # "I'd expect him to go missing" are forecasts.
    intent_verbs: list[str] = []
    # Nouns for a view, which someone named holds when they own it ("[Her] view is that
    # she is likely to need help", "Dr Malik's opinion is"): what follows is theirs.
    view_nouns: list[str] = []
    # Phrases that name where a sentence's claim comes from: "according to the school".
    source_phrases: list[str] = []


COMPLEMENTS = {"oprd", "acomp", "xcomp", "ccomp", "attr"}
PREPOSITIONS = english("complement_prepositions")
CLAUSE_MARKS = {"like", "if", "though"}


def compile_hedge(rule) -> dict:
    o = rule.options
    return {"hedges": Terms(o.hedges, "hedges"), "evidence": Terms(o.evidence, "evidence"),
            "time_words": Terms(o.time_words, "time_words"),
            "time_preps": Terms(o.time_prepositions, "time_prepositions"),
            "speech": Terms(o.speech_verbs, "speech_verbs"),
            "actions": Terms(o.observed_actions, "observed_actions"),
            "complement": Terms(o.complement_needed, "complement_needed"),
            "labelled": Terms(o.labelled_opinions, "labelled_opinions"),
            "before_head": Terms(o.before_head_only, "before_head_only"),
            "manner": Terms(o.manner_verbs, "manner_verbs"),
            "manner_adverbs": Terms(o.manner_adverbs or o.before_head_only, "manner_adverbs"),
            "motives": Terms(o.motives, "motives"),
            "motive_hedges": Terms(o.motive_hedges, "motive_hedges"),
            "reasons": Terms(o.reasons, "reasons"),
            "pointing_back": Terms(o.pointing_back, "pointing_back"),
            "topic_preps": Terms(o.topic_prepositions, "topic_prepositions"),
            "seen": Terms(o.seen_qualities, "seen_qualities"),
            "body": Terms(o.body_words, "body_words"),
            "intent": Terms(o.intent_verbs, "intent_verbs"),
            "view_nouns": Terms(o.view_nouns, "view_nouns"),
            "sources": Terms(o.source_phrases, "source_phrases")}


def _thought_about(span, c) -> bool:
    """Is a thinking hedge about a topic ("We thought together [about] Reuben"), with no
    view given (no clause after it)?"""
    verb = span.root
    return any(ch.dep_ == "prep" and c["topic_preps"].has(ch) for ch in verb.children) and not any(
        ch.dep_ in ("ccomp", "xcomp") for ch in verb.children)


def _looks_seen(head, c) -> bool:
    """Is look or appear given a quality that can be seen ("looked a bit [red]")?"""
    return any(ch.dep_ in ("acomp", "oprd") and c["seen"].has(ch) for ch in head.children)


def _described_after_colon(parsed, span, sent, rule) -> bool:
    """Does the sentence go on, after a colon, to describe the body ("appeared settled:
    lying still with his eyes closed") or what was seen ("looked unkempt: her hair was
    matted")?"""
    colon = colon_after(sent, span.end - 1)
    return colon is not None and (
        any(rule.compiled["body"].has(t) for t in sent if t.i > colon.i)
        or observed_after_colon(parsed, sent, span.end - 1, rule.options.colon_observation))


def _hedges_a_time(word, c) -> bool:
    """Does this one hedging word qualify when, not a claim: "possibly since the summer",
    "Dad moved out, possibly in October"?"""
    what = word.head
    if word.dep_ != "advmod" or what.dep_ != "prep":
        return False
    objects = [t for t in what.children if t.dep_ == "pobj"]
    return bool(objects) and (c["time_preps"].has(what) or
                              any(c["time_words"].has(t) for t in objects))


def _guessed_reason(span, sent):
    """The reason word that directly follows a hedge ("probably [because]", "most likely
    [due] to"), which is what is guessed, or None."""
    after = span.end
    if after >= sent.end:
        return None
    word = sent.doc[after]
    return word if word.lower_ in GUESSED_REASONS else None


GUESSED_REASONS = {"because", "cos", "coz", "cause"}


def needs(rule) -> set[str]:
    return {"parse", "lemma"} | ({"evidence"} if rule.options.colon_observation else set())


def _takes_complement(token) -> bool:
    # The complement follows: "I will look into it" with a misparsed clause before 'look'
    # is not "looked tired". A clause after 'like', 'as if' or 'as though' is one too:
    # "Looks like he's been on the whisky again".
    return any(c.i > token.i and (c.dep_ in COMPLEMENTS
                                  or (c.dep_ == "prep" and c.lower_ in PREPOSITIONS)
                                  or (c.dep_ == "advcl" and any(
                                      m.dep_ == "mark" and m.lower_ in CLAUSE_MARKS for m in c.children)))
               for c in token.children)


def _first_person(verb) -> bool:
    subject = subject_of(verb)
    return subject is not None and subject.lower_ in FIRST_PERSON


def _claim_about(head):
    """Who the view is about, so that someone else's account of them is not taken as the
    writer's evidence: "[Leon] presented as settled", "I feel [Craig] is manipulative",
    "[Ryan] is probably using"."""
    if head.pos_ not in ("VERB", "AUX"):
        head = head.head  # "probably", "consistent with": the verb they qualify
    subject = subject_of(head)
    if subject is not None and subject.lower_ in FIRST_PERSON:
        clause = next((ch for ch in head.children if ch.dep_ == "ccomp"), None)
        subject = subject_of(clause) if clause is not None else None
    return subject


def _unreasoned_motive(parsed: ParsedNote, sent, c) -> Finding | None:
    """A hedged claim about what the person means or intends, with no reason given in
    the sentence: the hedge, or a modal and the motive word ("may be exaggerating")."""
    if not c["motives"] or parsed.layout.in_heading(sent.start_char):
        return None
    motive = next((m for m in c["motives"].spans(sent)
                   if not reported_by_someone_else(parsed, m.root, c["speech"])), None)
    if motive is None or c["reasons"].any_in(sent):
        return None
    hedge = next((h for h in c["hedges"].spans(sent)
                  if not parsed.in_quotes(h.start_char, h.end_char)), None)
    if hedge is not None:
        return Finding(hedge.start_char, hedge.end_char)
    modal = next((t for t in sent if c["motive_hedges"].has(t) and t.i < motive.start), None)
    if modal is None:
        return None
    return Finding(modal.idx, motive.end_char)  # "may be exaggerating"


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    c, o = rule.compiled, rule.options
    sents = parsed.layout.sentences
    for index, sent in enumerate(sents):
        motive = _unreasoned_motive(parsed, sent, c)
        if motive is not None:
            yield motive
            continue
        for span in c["hedges"].spans(sent):
            head = span.root
            if parsed.layout.in_heading(span.start_char):
                continue
            if span[0].pos_ in ("ADJ", "NOUN") and span[0].head.pos_ == "ADP":
                continue  # "not needed at present as she is managing": 'at present', a time
            if len(span) == 1 and c["complement"].has(head) and (
                    not _takes_complement(head) or any(ch.dep_ == "auxpass" for ch in head.children)):
                continue  # "appeared at the door", "will be looked at as part of ..."
            if len(span) == 1 and c["complement"].has(head) and _looks_seen(head, c):
                continue  # "Skin on his bottom looked a bit red": what was seen
            if c["intent"].has(span[-1]) and span.end < sent.end and sent.doc[span.end].lower_ == "to":
                continue  # "I would expect to visit on Friday": a plan, not a view
            if _thought_about(span, c):
                continue  # "We thought together about Reuben": a topic, not a view
            if _described_after_colon(parsed, span, sent, rule):
                continue  # "appeared settled: lying still with his eyes closed"
            if len(span) == 1 and c["before_head"].has(head) and (
                    head.i > head.head.i and head.head.lemma_ != "be" or _first_person(head.head)):
                # "she spoke clearly", "I clearly explained the plan"; but after "is" it
                # qualifies what follows: "Mr Hussain is clearly at breaking point".
                continue
            if len(span) == 1 and c["manner_adverbs"].has(head) and c["manner"].has(head.head):
                continue  # "She could clearly express her wishes": how she expressed them
            if len(span) == 1 and _hedges_a_time(head, c):
                continue  # "possibly since the summer": when is vague (timeliness), not a view
            if reported_by_someone_else(parsed, head, c["speech"]):
                continue
            if held_by_someone_else(sent, head, c["view_nouns"], c["sources"]):
                continue  # "Her view is that she is likely to need help": hers, not the writer's
            if head.dep_ == "xcomp" and any(
                    ch.dep_ in ("auxpass", "nsubjpass") for ch in head.head.children):
                continue  # "Pat has been seen looking thin": an unnamed someone's report (attribution)
            before, after = o.sentences_before, o.sentences_after
            # A view labelled as the writer's own ("I think") may weigh anyone's account
            # ("Skye describes him as the only one who listens. I think Mo is grooming
            # her"); an unlabelled one ("Leon presented as settled") needs the writer's
            # own evidence or the person's account, not the carers' report of him.
            about = _claim_about(head)
            if about is not None and c["pointing_back"].has(about):
                # "This appears to be caused by her dementia": 'this' is what the sentence
                # before set out, so that sentence's evidence is its evidence too.
                before = max(before, 1)
                about = None
            if any(s[0] <= span.start - sent.start < s[1] for s in c["labelled"].find(sent)):
                before = max(before, o.labelled_sentences_before)
                after = max(after, o.labelled_sentences_after)
                about = None
            # The verb a hedging adverb qualifies is the claim, not evidence for it:
            # "Dad is obviously [saying] things to unsettle him".
            claim = [head.head] if len(span) == 1 and head.dep_ == "advmod" else []
            # A reason straight after the hedge is the guess itself, not what it rests on:
            # "Reg didn't want his lunch, probably because Michelle had upset him",
            # "Likely because she won't use her frame".
            guessed = _guessed_reason(span, sent)
            if guessed is not None:
                claim.append(guessed)
            if evidence_near(parsed, sents, index, c["evidence"], o.numbers_are_evidence,
                             before, after, c["time_words"], c["speech"], about, claim, c["actions"],
                             actions_near=True, same_line_person=o.same_person_lines):
                continue
            yield Finding(span.start_char, span.end_char)
            break  # one finding per sentence is enough to prompt a rewrite
