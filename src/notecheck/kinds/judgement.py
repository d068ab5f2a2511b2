"""judgement: a categorical judgement about a person or a home, with no evidence nearby.

Uses the parse: a judgement word predicated of a person or place ("The mother was
neglectful", "Dad is an alcoholic"), or describing one of the listed nouns
("inadequate stimulation", "a chaotic household"). Negated judgements ("the flat was
not dirty") and someone else's reported words are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.evidence import observed_after_colon
from notecheck.kinds.language import (
    english, evidence_near, held_by_someone_else, is_name_elsewhere, is_negated,
    reported_by_someone_else, subject_of)
from notecheck.kinds.terms import Terms


class JudgementOptions(Options):
    judgements: list[str] = Field(min_length=1)  # adjectives and nouns: neglectful, alcoholic
    # Who or what a predicated judgement must be about (names count too).
    subjects: list[str] = Field(min_length=1)
    # Nouns a judgement adjective may describe directly: "inadequate stimulation".
    described_nouns: list[str] = []
    copulas: list[str] = Field(min_length=1)  # verbs that link a judgement to whom: be, become
    # Verbs that predicate through 'as': "Dad presented as hostile", "came across as".
    as_verbs: list[str] = []
    # Verbs (and verb phrases) that judge a person's state or capacity: "Mum is not
    # coping", "Dad is struggling", "Dad lacks insight", "she will not cope". Negated,
    # they are still a judgement; someone else's words are theirs.
    judged_verbs: list[str] = []
    # Judged verbs whose evidence must be in their own sentence: a finding of capacity
    # ("she lacks capacity") rests on what the person could not understand, retain,
    # weigh or communicate, which the Mental Capacity Act asks to be set out with it.
    own_sentence_verbs: list[str] = []
    # Conjunctions that give a judged verb as a reason: "as pt lacks capacity", "because
    # she is not coping" (an aim, "to help her cope", is not a judgement).
    reason_marks: list[str] = []
    # Modals that make a judgement a possibility: "the children may be unsettled".
    possibility: list[str] = []
    # Feeling words that say what a person agrees to when they take 'to' or 'for': "she
    # is happy to do a joint visit", "happy for school to speak to her".
    agreeing: list[str] = []
    # Of hedged_by, the verbs that hedge only with one of hedge_particles: "came across as
    # hostile" is a view, "came back in a foul mood" a judgement.
    particle_hedges: list[str] = []
    hedge_particles: list[str] = []
    # Verbs that judge only when denied: "he is not engaging", "Mum never prioritises
    # the children" (engaging in play is not a judgement).
    negated_verbs: list[str] = []
    # What the writer foresees for a person, stated as certain: "he will relapse", "she
    # will reoffend" (with one of prediction_modals).
    predictions: list[str] = []
    prediction_modals: list[str] = []
    # Words that, with one of prediction_modals, make any doing a forecast stated as
    # certain: "Michelle will [never] leave Rob", "he'll never stop drinking".
    prediction_negations: list[str] = []
    # Verbs that, after "will never", say what is arranged, not foreseen: "Ben will never
    # have to see Dad again".
    arranged_verbs: list[str] = []
    # Words that judge a person when denied: "Gemma is not capable of keeping the girls
    # safe", "he was never interested in her" ("the flat was not dirty" is no judgement).
    denied_judgements: list[str] = []
    # What a denied judgement is not a verdict on: a place or an act ("the house was not
    # safe: there were exposed wires", "it is not safe to visit alone").
    denied_not_of: list[str] = []
    # Verbs by which a person keeps someone in a state, denied: "Dad cannot keep the
    # children safe" (with denied_judgements).
    keeping_verbs: list[str] = []
    # Nouns for a view, which someone named holds when they own it ("[Her] view is that
    # she can manage at home", "Dr Malik's opinion is"): what follows is theirs.
    view_nouns: list[str] = []
    # Phrases that name where a sentence's claim comes from: "according to the school".
    source_phrases: list[str] = []
    # Verbs of what a person does (judged_doings), judged by how well it goes
    # (judged_manners): "Mum has [engaged well]", "he is [doing really well]".
    judged_doings: list[str] = []
    judged_manners: list[str] = []
    # Nouns a claim can be the content of, held by no one the sentence names: "there are
    # concerns he is being neglected" is a concern reported (the attribution rules), not
    # the writer's judgement.
    held_nouns: list[str] = []
    # Hedges a judgement may be given under ("presented as hostile", "clearly struggling",
    # "appear to be neglected"): the hedge rule reports it, once.
    hedged_by: list[str] = []
    # The writer's labels for a view ("I think", "in my professional judgement"): a
    # judgement after one in its sentence is the hedge rule's, reported once.
    labelled_by: list[str] = []
    # Places a judgement word can take someone to, which make it an action: "Settled to
    # bed 22:15" (went to bed), not a view of how settled he is.
    destinations: list[str] = []
    evidence: list[str] = Field(min_length=1)
    numbers_are_evidence: bool = True
    # Words a number can go with that make it a time or date, not a count: 2pm, 3 March.
    time_words: list[str] = []
    speech_verbs: list[str] = Field(min_length=1)
    # Verbs that report someone else's finding, like their words: "the capacity assessment
    # by Dr Rigby found that she lacks capacity" is Dr Rigby's finding, not the writer's.
    finding_verbs: list[str] = []
    # Verbs of what someone wants, whose content is their wish, not the writer's finding:
    # "She would like to talk to someone at school when she is angry".
    wish_verbs: list[str] = []
    # Things a person does that can be seen ("yawned", "slammed the door", "was slurring"):
    # said of the person the claim is about, they describe what led to it.
    observed_actions: list[str] = []
    sentences_before: int = Field(default=1, ge=0)
    sentences_after: int = Field(default=1, ge=0)
    # The line before or after, in the same paragraph, is evidence too when it goes on
    # about the same person by name or pronoun ("Mr Dunn appeared confused." / "He asked
    # me three times what day it was.").
    same_person_lines: bool = False
    # A clause after a colon that the evidence classifier reads as an observation (score at
    # least this) is the judgement's evidence: "He was in good spirits: singing along to
    # the radio and joking with Liam". None: off.
    colon_observation: float | None = Field(default=None, gt=0, lt=1)


PRONOUNS = english("judged_pronouns")
CONDITIONS = english("conditions")


def compile_judgement(rule) -> dict:
    o = rule.options
    return {"judgements": Terms(o.judgements, "judgements"), "subjects": Terms(o.subjects, "subjects"),
            "described": Terms(o.described_nouns, "described_nouns"),
            "copulas": Terms(o.copulas, "copulas"),
            "verbs": Terms(o.judged_verbs, "judged_verbs"),
            "doings": Terms(o.judged_doings, "judged_doings"),
            "own_sentence": Terms(o.own_sentence_verbs, "own_sentence_verbs"),
            "predictions": Terms(o.predictions, "predictions"),
            "negated_verbs": Terms(o.negated_verbs, "negated_verbs"),
            "prediction_modals": Terms(o.prediction_modals, "prediction_modals"),
            "prediction_negations": Terms(o.prediction_negations, "prediction_negations"),
            "arranged": Terms(o.arranged_verbs, "arranged_verbs"),
            "denied": Terms(o.denied_judgements, "denied_judgements"),
            "denied_not_of": Terms(o.denied_not_of, "denied_not_of"),
            "keeping": Terms(o.keeping_verbs, "keeping_verbs"),
            "view_nouns": Terms(o.view_nouns, "view_nouns"),
            "sources": Terms(o.source_phrases, "source_phrases"),
            "reason_marks": Terms(o.reason_marks, "reason_marks"),
            "possibility": Terms(o.possibility, "possibility"),
            "agreeing": Terms(o.agreeing, "agreeing"),
            "particle_hedges": Terms(o.particle_hedges, "particle_hedges"),
            "hedge_particles": Terms(o.hedge_particles, "hedge_particles"),
            "manners": Terms(o.judged_manners, "judged_manners"), "held": Terms(o.held_nouns, "held_nouns"),
            "destinations": Terms(o.destinations, "destinations"),
            "hedged_by": Terms(o.hedged_by, "hedged_by"), "as_verbs": Terms(o.as_verbs, "as_verbs"), "evidence": Terms(o.evidence, "evidence"),
            "labelled_by": Terms(o.labelled_by, "labelled_by"),
            "time_words": Terms(o.time_words, "time_words"),
            "speech": Terms(o.speech_verbs, "speech_verbs"),
            "reporting": Terms(o.speech_verbs + o.finding_verbs + o.wish_verbs, "finding_verbs"),
            "actions": Terms(o.observed_actions, "observed_actions")}


def needs(rule) -> set[str]:
    return {"parse", "lemma", "pos"} | ({"evidence"} if rule.options.colon_observation else set())


def _about_person_or_place(word, c) -> bool:
    return (word.pos_ == "PROPN" or word.lower_ in PRONOUNS or c["subjects"].has(word)
            or is_name_elsewhere(word))


def _judged_thing(word, c) -> bool:
    """A person or place, or what a person does or has ("Mum's parenting is inadequate",
    "her lifestyle is chaotic")."""
    return _about_person_or_place(word, c) or c["described"].has(word)


def _said_of(verb, c) -> bool:
    """Is what this verb links said of a person, place or their doings? A clipped line
    with no subject ("Became aggressive.", "Presented as hostile.") is said of the
    person the note is about."""
    subject = subject_of(verb)
    if subject is None:
        return verb.dep_ == "ROOT"
    return _judged_thing(subject, c)


def _clipped(token, c) -> bool:
    """A line of shorthand that names a person or place and then judges them, with no
    verb between ("Pete a bit of a soft touch", "Sister Denise a bad influence", "House
    immaculate as ever"): the judgement is said of whom the line opens with."""
    sent = token.sent
    if token.i == sent.start or not _about_person_or_place(sent[0], c):
        return False
    between = token.doc[sent.start + 1:token.i]
    return not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in between)


def _judged(token, c):
    """The last word of the judgement when it is said of a person or place, else None.

    "the mother was [neglectful]" ends at the adjective; "[inadequate stimulation]" at the noun.
    """
    if token.dep_ in ("acomp", "attr", "oprd") and c["copulas"].has(token.head):
        return token if _said_of(token.head, c) else None
    if token.head.lower_ == "as" and c["as_verbs"].has(token.head.head):
        return token if _said_of(token.head.head, c) else None
    if any(c.dep_ == "auxpass" for c in token.children):
        # "Jamie is settled", "the children were neglected": parsed as a passive verb.
        # Taken from somewhere, it is an act ("Ruby was withdrawn from school").
        if any(ch.dep_ == "prep" and ch.lower_ == "from" for ch in token.children):
            return None
        subject = subject_of(token)
        return token if subject is not None and _about_person_or_place(subject, c) else None
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is not None and c["copulas"].has(before):
        # The parser sometimes hangs "was neglectful and basic needs ..." on the wrong
        # word; right after 'was' it is still said of the subject of 'was'.
        subject = subject_of(before)
        return token if subject is not None and _about_person_or_place(subject, c) else None
    if token.dep_ == "ROOT" and token.tag_ in ("JJ", "VBN", "VBD") and not any(
            ch.dep_ == "dobj" for ch in token.children):
        # The clipped style of a daily log: "Harold agitated in the lounge.", "Settled
        # after 30 mins." The judgement is still said of the person, with no verb. A past
        # tense verb with a subject is an action ("the family settled in Leeds") unless
        # it stands bare ("Harold agitated and kicking off").
        subject = subject_of(token)
        if subject is None:
            return token
        if token.tag_ == "VBD" and any(ch.dep_ in ("prep", "advmod", "npadvmod", "advcl")
                                       for ch in token.children):
            return None
        return token if _about_person_or_place(subject, c) else None
    if token.dep_ == "amod":
        noun = token.head
        if _about_person_or_place(noun, c) or c["described"].has(noun):
            return noun if noun.i > token.i else token
        # "Mother is a poor historian", "he is a difficult man": the noun is said of the person.
        if noun.dep_ in ("attr", "oprd") and _judged(noun, c) is not None:
            return noun if noun.i > token.i else token
        return None
    if token.dep_ == "conj":  # "the flat was dirty and unsafe"
        if _judged(token.head, c) is not None:
            return token
        first = token.head  # "Dad was tired and [hostile]": said through the same 'was'
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ in ("acomp", "attr") and c["copulas"].has(first.head) and _said_of(first.head, c):
            return token
        return None
    return None


def _judged_subject(token, c):
    """Who the judgement is said of ("[She] was rude"), when the parse shows it."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "amod" and token.head.dep_ in ("attr", "oprd"):
        token = token.head  # "Jayden is a [manipulative] child": said of Jayden
    if token.dep_ in ("acomp", "attr", "oprd") or any(ch.dep_ == "auxpass" for ch in token.children):
        return subject_of(token.head if token.dep_ in ("acomp", "attr", "oprd") else token)
    if token.head.lower_ == "as" and c["as_verbs"].has(token.head.head):
        return subject_of(token.head.head)
    if token.pos_ in ("VERB", "AUX"):
        return subject_of(token)  # "[Dad] is struggling"
    return None


def _named(subject):
    """The name given to a subject noun, if any: "Hilda's daughter [Carly] ... was drunk"."""
    if subject is None:
        return None
    return next((ch for ch in subject.children if ch.dep_ == "appos" and ch.pos_ == "PROPN"), subject)


def _judged_verb(token, c):
    """The last word of a verb judgement ("is not [coping]", "[lacks insight]") said of a
    person, or of no one in a clipped line; not an aim ("to help her cope")."""
    if token.dep_ == "xcomp" and token.head.lower_ == "going" and token.head.pos_ in ("VERB", "AUX"):
        # "She is going to struggle": a forecast, like "she will struggle"
        return token if _said_of(token.head, c) else None
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("xcomp", "pcomp", "acl", "relcl"):
        return None
    if token.dep_ == "advcl" and not any(ch.dep_ == "mark" and c["reason_marks"].has(ch) for ch in token.children):
        return None  # "to help her cope"; but a reason given is still a judgement: "as pt lacks capacity"
    if any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in token.children):
        return None
    return token if _said_of(token, c) else None


def _kept(token, c) -> bool:
    """Is the word what a person keeps someone ("Dad cannot keep the children [safe]")?"""
    return token.dep_ in ("oprd", "acomp", "ccomp") and c["keeping"].has(token.head) and _said_of(token.head, c)


def _of_an_act(token) -> bool:
    """Is the judgement about something the person would do, with 'to' ("not safe [to
    mobilise] independently"), which the parse may hang on the adjective or on 'is'?"""
    words = list(token.children) + (list(token.head.children) if token.dep_ == "acomp" else [])
    return any(w.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in w.children)
               for w in words)


def _held(token, c) -> bool:
    """Is this word part of what a concern, worry or allegation holds ("there are
    concerns [he is being neglected]")?"""
    return any(c["held"].has(node) for node in token.ancestors)


def _to_a_place(token, c) -> bool:
    """Does the word take someone to a place ("Settled to bed", "settled into bed"), or
    into sleep, as the verb reads it ("settled to sleep by 23:00")? Going to sleep is
    what happened, not how settled the person was."""
    return any((ch.dep_ == "prep" and ch.lower_ in ("to", "into") and
                any(c["destinations"].has(o) for o in ch.children if o.dep_ == "pobj"))
               or (ch.dep_ == "xcomp" and c["destinations"].has(ch)
                   and any(a.dep_ == "aux" and a.lower_ == "to" for a in ch.children))
               for ch in token.children)


def _possible(token, c) -> bool:
    """Is the judgement given as a possibility ("the children [may] be unsettled", "he
    [might] be hostile when he hears"), a risk to plan for, not a finding?"""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    verb = node.head if node.dep_ in ("acomp", "attr", "oprd") else node
    return any(ch.dep_ == "aux" and c["possibility"].has(ch) for ch in verb.children)


def _agrees(token, c) -> bool:
    """Does a feeling word say what someone agrees to ("happy [to] do a joint visit",
    "happy [for] us to contact him"), not how they feel?"""
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return c["agreeing"].has(token) and after is not None and after.lower_ in ("to", "for")


def _bare_particle_hedge(verb, c) -> bool:
    """A verb that hedges only with its particle: "came across as hostile", not "came
    back in a foul mood"."""
    return c["particle_hedges"].has(verb) and not any(
        ch.dep_ in ("prt", "advmod", "prep") and c["hedge_particles"].has(ch) for ch in verb.children)


def _hedged(token, c) -> bool:
    """Is this judgement given under a hedge: the verb it hangs on ("[presented] as
    hostile", "[appear] to be neglected", "[appeared] to be in a terrible state"), a word
    qualifying it ("[clearly] struggling") or the clause it is in ("it is [likely] that
    she is being abused")?"""
    node = token
    for _ in range(5):
        if (c["hedged_by"].has(node) and not _bare_particle_hedge(node, c)) or any(
                ch.dep_ == "advmod" and c["hedged_by"].has(ch) for ch in node.children):
            return True
        if node.dep_ == "ccomp" and any(ch.dep_ == "acomp" and c["hedged_by"].has(ch) for ch in node.head.children):
            return True  # "It is [likely] that Pat is being financially abused"
        if node.head is node or node.dep_ not in ("acomp", "attr", "oprd", "xcomp", "pobj", "amod", "conj", "prep"):
            return False
        node = node.head
    return False


def _judgements(sent, c):
    """(first word, last word) of each judgement in the sentence said of someone."""
    for start, stop in c["judgements"].find(sent):
        token = sent[start]
        end = _judged(token, c) or (token if _clipped(token, c) else None)
        if end is not None and not is_negated(token) and not _to_a_place(token, c):
            yield token, max(end, sent[stop - 1], key=lambda t: t.i)  # "unable to understand"
    for start, stop in c["denied"].find(sent):
        token = sent[start]
        end = _judged(token, c) or (token if _kept(token, c) else None)
        subject = _judged_subject(token, c) if end is not None else None
        if (end is not None and is_negated(token) and not (subject is not None and c["denied_not_of"].has(subject))
                and not _of_an_act(token)):
            yield token, max(end, sent[stop - 1], key=lambda t: t.i)  # "not capable"
    for start, stop in c["verbs"].find(sent):
        # The verb of the phrase, after any adverb it opens with: "financially [abusing]"
        token = next((t for t in sent[start:stop] if t.pos_ in ("VERB", "AUX")), sent[start])
        if _judged_verb(token, c) is not None:
            yield token, sent[stop - 1]
    for start, stop in c["negated_verbs"].find(sent):
        token = sent[start]
        if is_negated(token) or any(ch.dep_ == "neg" for ch in token.children):
            if _judged_verb(token, c) is not None:
                yield token, sent[stop - 1]  # "not [engaging]"
    for start, stop in c["predictions"].find(sent):
        token = sent[start]
        modal = next((ch for ch in token.children if ch.dep_ == "aux" and c["prediction_modals"].has(ch)), None)
        conditional = any(ch.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONS
                                                      for m in ch.children) for ch in token.children)
        if modal is not None and not conditional and _judged_verb(token, c) is not None:
            yield modal, sent[stop - 1]  # "will relapse"; not a risk "if nothing changes"
    if c["prediction_negations"]:
        for token in sent:
            modal = next((ch for ch in token.children if ch.dep_ == "aux" and c["prediction_modals"].has(ch)), None)
            never = next((ch for ch in token.children if c["prediction_negations"].has(ch)), None)
            if (modal is not None and never is not None and token.pos_ == "VERB"
                    and not any(ch.dep_ == "auxpass" for ch in token.children) and not c["arranged"].has(token)
                    and _judged_verb(token, c) is not None):
                # Not a plan for the person: "Kim will never be left alone with Mia"
                yield modal, token  # "will never leave": a forecast stated as certain
    for start, _ in c["manners"].find(sent):
        token = sent[start]
        if token.dep_ == "advmod" and c["doings"].has(token.head) and (
                _judged_verb(token.head, c) is not None):
            yield token.head, token  # "engaged well", "doing really well", "not managing well"


def _judged_reasons(sent, found) -> list:
    """The reason words ("because", "as", "since") whose clause is itself a judgement: "The
    flat's a mess [because] he's given up on himself" gives a guess about his state of mind
    as the reason, which is no evidence for the first judgement."""
    judged = {token.i for token, _ in found}
    return [t for t in sent if t.dep_ == "mark" and t.lower_ in REASON_WORDS
            and any(w.i in judged for w in t.head.subtree)]


REASON_WORDS = english("reason_words")


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    c, o = rule.compiled, rule.options
    sents = parsed.layout.sentences
    for index, sent in enumerate(sents):
        labels = [sent.start + stop for _, stop in c["labelled_by"].find(sent)]
        found = sorted(_judgements(sent, c), key=lambda pair: pair[0].i)
        guessed = _judged_reasons(sent, found)
        for token, end in found:
            if any(token.i >= stop for stop in labels):
                continue  # "In my view Mum is struggling": the hedge rule's view
            if (parsed.layout.in_heading(token.idx) or _held(token, c) or _hedged(token, c)
                    or _possible(token, c) or _agrees(token, c)):
                continue
            if reported_by_someone_else(parsed, token, c["reporting"]):
                continue
            if held_by_someone_else(sent, token, c["view_nouns"], c["sources"]):
                continue  # "Her view is that Olive can manage at home": hers, not the writer's
            own = c["own_sentence"].has(token)
            if evidence_near(parsed, sents, index, c["evidence"], o.numbers_are_evidence,
                             0 if own else o.sentences_before, 0 if own else o.sentences_after, c["time_words"],
                             c["speech"], _named(_judged_subject(token, c)), guessed, c["actions"],
                             same_line_person=o.same_person_lines):
                continue
            if observed_after_colon(parsed, sent, end.i, o.colon_observation):
                continue  # "in good spirits: singing along to the radio"
            yield Finding(token.idx, end.idx + len(end))
            break
