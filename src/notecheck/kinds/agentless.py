"""agentless: a report or decision in the passive with no one named as its source.

"It was reported that Dad had hit Mum" hides who said it; "It was reported by the
school that ..." does not. The verbs, the adverbs ("apparently") and the prepositions
that name a source ("at the core group") come from the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote, RuleProblem
from notecheck.kinds.language import has_count, reported_by_someone_else
from notecheck.kinds.terms import Terms


class PassiveVerb(Options):
    verb: str = Field(min_length=1)  # base form: report, allege, decide
    # When given, the passive subject must be one of these: "concerns were raised".
    subjects: list[str] = []
    # Only when it carries what was said as a clause ("Skye is known to be seeing an older
    # man", "it is known that ...") or as its predicate ("he is considered a risk"); not
    # "Mum is known to services", a fact about records.
    only_with_clause: bool = False
    # Its participle as the parser may read it, an adjective after 'be' with the
    # participle as its own lemma: "She is well [known] to be manipulative".
    adjective_forms: list[str] = []
    # Only a 'by' phrase names the source: "she was spotted at the takeaway" says where
    # she was, not who saw her.
    only_by: bool = False
    # Only with a perfect infinitive: "he is supposed to have left" is hearsay; "he is
    # supposed to ring on Friday" is what he should do.
    only_with_perfect: bool = False
    # Subjects (of ``subjects``) that count only with what they were told as a clause:
    # "The ward were told [that he had stopped his depot]"; not "whether the police have
    # been told", a step taken.
    clause_subjects: list[str] = []


class UnnamedReporters(Options):
    subjects: list[str] = Field(min_length=1)
    verbs: list[str] = Field(min_length=1)
    # Only when what they said or heard is a clause: "I have heard that Dad is back", not
    # "I heard shouting".
    only_with_clause: bool = False
    # Only in the present ("Staff say she has been meeting an older lad", "the girls have
    # been saying"): talk that goes round. "Staff said he has had a good week" is what
    # they told the writer on the visit.
    present_only: bool = False
    # Only when the group is marked as others than the person ("the other girls", "a
    # couple of the other lads"): "The girls say they like their school" may be the
    # children the note is about, in their own words.
    only_with_modifier: list[str] = []
    # Words that, before the group's noun, leave it no one's: "[Police] records indicate
    # ...", "[health] records show" (which record, entry or officer?), "other [family]
    # members have said".
    services: list[str] = []
    # Not when the sentence gives a count of what the record holds: "Police records show
    # four call-outs to her old address that year".
    not_with_count: bool = False
    # Only the bare noun, with no 'the', 'his' or 'a' before it: "Family say she is not
    # eating" is no one in particular; "the family say" may be the household the note is
    # about, speaking together.
    bare_only: bool = False
    # Only with one of these as what they voiced: "Other family members have expressed
    # [worries] about his temper" (not "expressed a wish to visit").
    objects: list[str] = []
    # With ``only_with_clause``, not a clause with one of these as its subject: "I
    # understand [you] are worried", "I understand [this] is hard" acknowledge the reader,
    # they report nothing. (Nor a question: "I understand why she left".)
    clause_not_about: list[str] = []


class AgentlessOptions(Options):
    verbs: list[PassiveVerb] = []
    adverbs: list[str] = []  # apparently, allegedly
    # Prepositions after the verb that name where it came from: "agreed at the meeting".
    source_prepositions: list[str] = []
    # Words that leave a source unnamed: "received from [various] professionals".
    unnamed_sources: list[str] = []
    # Kinds of plan whose maker the law sets: a child protection plan is made by the
    # conference. Such a plan made ("a child protection plan was made on 3 May"), or 'the
    # plan' after one is named in the sentence before ("Keira has a child protection
    # plan. The plan was made because ..."), is a step of the procedure, not a decision
    # with its maker hidden.
    procedural_kinds: list[str] = []
    # Words that make a line's label a decision: "MASH decision: NFA." The label and the
    # sentence after it must name who decided — a name, or one of ``deciders``.
    decision_labels: list[str] = []
    deciders: list[str] = []
    # Words in such a label that make it a decision still to be made, not one made:
    # "Decision to be made: where he should live", "Decision needed: ..." (a capacity
    # assessment names the decision it is about).
    pending_label_words: list[str] = []
    # Words that, first after the label, make what follows the question to be decided:
    # "The decision: whether to move to a care home".
    question_words: list[str] = []
    # Passive subjects that point to something the note gives elsewhere, with its source
    # there: "Sally will tell Gwen what was decided", "I would make sure this was said".
    referring_subjects: list[str] = []
    # Nouns for a report with no one holding it, after "there is/are/have been": "there
    # are concerns that Dad is drinking", "there have been reports of a fight".
    existential_nouns: list[str] = []
    # Verbs that, with one of those nouns as subject and no one holding it, keep a report
    # going that no one owns: "but concerns remain", "Concerns persist around Dad's
    # drinking" (not "the school's concerns remain", "my worries remain").
    unheld_verbs: list[str] = []
    # Verbs a note writes as a passive with its 'is' left out, before 'to be' or 'to
    # have': "Eldest reported to be caring for the younger ones", "Dad said to have left".
    clipped_passive_verbs: list[str] = []
    # Subjects that name no one who can answer for a decision: "Professionals agreed that
    # ...", "Everyone agreed": who, in which meeting?
    unnamed_deciders: list[str] = []
    # Words after such a subject that point to the people the note lists: "All the
    # professionals [listed] above agreed", "the professionals [present]".
    listed_modifiers: list[str] = []
    # Groups that say or hear things with no one in them to go back to, each with the
    # verbs it is flagged with: "Neighbours have complained", "Staff have heard that ...".
    unnamed_reporters: list[UnnamedReporters] = []
    # Words that take a part of a group as the subject: "[a couple] of the other girls
    # have been saying", "[some] of the neighbours say": the group is the one reporting.
    group_quantifiers: list[str] = []
    # Words for talk that no one owns, as the subject of 'is that ...': "Word among the
    # lads is that he owes money", "The rumour on the estate is that ...".
    hearsay_subjects: list[str] = []
    # Verbs that, first on their line with no subject and a 'that' clause, are a report
    # no one made: "10/10/2025 - Reported that mum's ex-partner had moved back". (Not
    # "said", which a note's shorthand uses for the person: "Said that she was fine".)
    subjectless_verbs: list[str] = []
    # Verbs (of those with ``subjects``) a note writes as a passive with its 'was' left
    # out and the report as the subject: "Concern raised re unsupervised trips".
    clipped_subject_verbs: list[str] = []
    # The report words that make such a passive (and the verb's ``subjects``, if it has
    # them): "Concerns shared that Amber has a new phone nobody has bought for her",
    # "Information received that ..." (not "Letter received today from Dr Rao", a header).
    clipped_subject_nouns: list[str] = []
    # Words for a time, which after 'at', 'in' or 'during' say when, not who or where:
    # "heard shouting late at night", "agreed in the morning".
    time_nouns: list[str] = []
    # Verbs that report someone's words: a passive inside what a named person said ("DC
    # Marr told me that no breaches have been reported") is part of their account, with
    # its source given.
    speech_verbs: list[str] = []
    # Prepositions that, on the frame a passive is reported in, give its source: "It is my
    # understanding, [from] reading Nadia Brook's assessment of 14/10/2026, that a shower
    # seat was recommended". A person's name or a date in that phrase answers the passive.
    frame_sources: list[str] = []
    # Verbs that, in the next sentence with 'this' or 'that' as subject, give the basis of
    # a report: "It is understood that he has moved. [This is based on] his own call to me
    # on 25/11/2026" (with a source after 'on', 'from' or 'by').
    basis_verbs: list[str] = []
    # Verbs that, after a decision label and with those who decided as subject, give the
    # decision an owner: "Decision: all present [agreed] that ..." (not "professionals
    # agreed", one of ``unnamed_deciders``).
    label_decision_verbs: list[str] = []


def compile_agentless(rule) -> dict:
    o = rule.options
    if not o.verbs and not o.adverbs and not o.decision_labels and not o.existential_nouns:
        raise RuleProblem(("verbs",), "give at least one verb, adverb or decision label to look for")
    if o.decision_labels and not o.deciders:
        raise RuleProblem(("deciders",), "with decision_labels, give the deciders that name who decided")
    labels = None
    if o.decision_labels:
        words = "|".join(re.escape(w) for w in o.decision_labels)
        # "MASH decision: NFA.", "**Decision (made by the chair, ...):** ...", "- Decision: ..."
        labels = re.compile(rf"^[ \t]*(?:[-*•][ \t]+)?(?:\*\*|__)?([^\n:*_]{{0,40}}?\b(?:{words})(?![\w-])"
                            rf"[^\n:*_]{{0,100}}?)(?:\*\*|__)?[ \t]*:", re.MULTILINE | re.IGNORECASE)
    verbs = {v.verb.lower(): (Terms(v.subjects, "subjects"), v.only_with_clause, v.only_by,
                              v.only_with_perfect, Terms(v.clause_subjects, "clause_subjects"))
             for v in o.verbs}
    verbs.update({form.lower(): verbs[v.verb.lower()] for v in o.verbs for form in v.adjective_forms})
    return {"verbs": verbs,
            "referring": Terms(o.referring_subjects, "referring_subjects"),
            "adverbs": Terms(o.adverbs, "adverbs"),
            "sources": {p.lower() for p in o.source_prepositions},
            "unnamed": Terms(o.unnamed_sources, "unnamed_sources"),
            "labels": labels, "deciders": Terms(o.deciders, "deciders"),
            "labels_words": Terms(o.decision_labels, "decision_labels"),
            "pending": Terms(o.pending_label_words, "pending_label_words"),
            "questions": Terms(o.question_words, "question_words"),
            "existential": Terms(o.existential_nouns, "existential_nouns"),
            "procedural": Terms(o.procedural_kinds, "procedural_kinds"),
            "unheld_verbs": Terms(o.unheld_verbs, "unheld_verbs"),
            "clipped": Terms(o.clipped_passive_verbs, "clipped_passive_verbs"),
            "unnamed_deciders": Terms(o.unnamed_deciders, "unnamed_deciders"),
            "listed": Terms(o.listed_modifiers, "listed_modifiers"),
            "time_nouns": Terms(o.time_nouns, "time_nouns"),
            "speech": Terms(o.speech_verbs, "speech_verbs"),
            "frame_sources": {p.lower() for p in o.frame_sources},
            "basis": Terms(o.basis_verbs, "basis_verbs"),
            "label_verbs": Terms(o.label_decision_verbs, "label_decision_verbs"),
            "reporters": [(Terms(g.subjects, "subjects"), Terms(g.verbs, "verbs"), g.only_with_clause, g.present_only,
                           Terms(g.only_with_modifier, "only_with_modifier"), Terms(g.services, "services"),
                           g.not_with_count, g.bare_only, Terms(g.objects, "objects"),
                           Terms(g.clause_not_about, "clause_not_about"))
                          for g in o.unnamed_reporters],
            "quantifiers": Terms(o.group_quantifiers, "group_quantifiers"),
            "hearsay": Terms(o.hearsay_subjects, "hearsay_subjects"),
            "subjectless": Terms(o.subjectless_verbs, "subjectless_verbs"),
            "clipped_subject": Terms(o.clipped_subject_verbs, "clipped_subject_verbs"),
            "clipped_nouns": Terms(o.clipped_subject_nouns, "clipped_subject_nouns"),
            "verb_words": Terms([v.verb for v in o.verbs] + [f for v in o.verbs for f in v.adjective_forms],
                                "verbs", key="verb")}


def needs(rule) -> set[str]:
    if rule.options.decision_labels:
        return {"parse", "lemma", "pos"}
    return {"parse", "lemma"}


# The parser sometimes hangs "by his teacher" on the complement ("described as withdrawn
# by his teacher"); look that far down, but not into a reported clause ("that ...").
_DESCEND = {"prep", "pcomp", "oprd", "acomp", "xcomp"}
# What was said, thought or found: a clause ("known to be", "felt that"), or the predicate
# itself ("considered a risk", "considered unsafe").
_CLAUSES = {"xcomp", "ccomp", "oprd"}


def _has_source(verb, sources: set[str], unnamed: Terms, depth: int = 0, times: Terms | None = None) -> bool:
    def named(prep) -> bool:
        return any(c.dep_ == "pobj" and not unnamed.has(c) and not any(unnamed.has(m) for m in c.children)
                   and not (times is not None and times.has(c))
                   for c in prep.children)

    for child in verb.children:
        if child.dep_ == "agent" and named(child):
            return True
        if depth > 0 and child.dep_ == "prep" and child.lower_ == "by" and named(child):
            return True  # "reported missing by Mum": the parser calls this 'by' a plain prep
        if depth == 0 and child.dep_ == "prep" and child.lower_ in sources and named(child):
            return True
        if depth < 2 and child.dep_ in _DESCEND and not _own_passive(child) and _has_source(
                child, sources, unnamed, depth + 1, times):
            return True
    return False


def _spliced(verb, clause) -> bool:
    """A sentence of its own joined on with a comma, which the parser reads as the verb's
    clause: "Kacey is known to CSC[,] previous S17 closed in spring" says what is on record,
    then another thing; nothing is known by someone unnamed. ("It is known, from the
    file, that ...": a 'that' clause is the verb's own.)"""
    if clause.dep_ != "ccomp" or clause.i < verb.i or any(
            g.dep_ == "mark" for g in clause.children):
        return False
    if any(g.dep_ in ("nsubjpass", "expl") and g.lower_ == "it" for g in verb.children):
        return False  # "It is felt, given the history, he should not ...": 'it' is what follows
    subject = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    return any(t.text in (",", ";") for t in verb.doc[verb.i + 1:subject.left_edge.i])


def _it_aside(verb, subject) -> bool:
    """"It is felt, given the history, he should not ...", "He should not, it is felt,
    ...": 'it' with the passive set beside the sentence it reports, which the parser makes
    the head."""
    return subject is not None and subject.lower_ == "it" and verb.dep_ in ("ccomp", "parataxis") and (
        verb.head.pos_ in ("VERB", "AUX"))


def _procedural(noun, kinds: Terms) -> bool:
    """Is this a plan of a kind the law says who makes: "[a child protection plan] was
    made", or "[the plan]" just after one is named ("Keira has a child protection plan
    ... The plan was made because ...")?"""
    doc = noun.doc
    if kinds.any_in(doc[noun.left_edge.i:noun.i + 1]):
        return True
    if not any(ch.dep_ == "det" and ch.lower_ == "the" for ch in noun.children) or noun.sent.start == 0:
        return False
    before = doc[noun.sent.start - 1].sent
    return any(t.lemma_ == noun.lemma_ and kinds.any_in(doc[t.left_edge.i:t.i + 1]) for t in before)


def _own_passive(verb) -> bool:
    """A clause that is a passive of its own, whose 'by' is its own: in "he is believed to
    have been taken by two men", the men took him; who believes it is not said."""
    return verb.pos_ in ("VERB", "AUX") and any(ch.dep_ == "auxpass" for ch in verb.children)


def _unowned_decisions(parsed: ParsedNote, c) -> Iterator[Finding]:
    """Decision labels ("MASH decision: NFA.") whose label and first sentence after it
    name no one who decided."""
    doc, text = parsed.doc, parsed.text
    for m in c["labels"].finditer(text):
        label = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if label is None:
            continue
        if c["pending"].any_in(label) or _poses_question(doc, label.end, m.end(), c["questions"]):
            continue  # "Decision to be made: ...", "The decision: whether to move": not yet made
        after = list(_first_sentence_after(doc, label.end, m.end()))
        if any(_names_decider(t, c) for t in label) or any(_names_decider(t, c) for t in after):
            continue
        if any(_owned_decision(t, c) for t in after):
            continue  # "Decision: all present agreed that ...": those at the meeting decided
        if _bare_label(label, c) and _first_person_on_line(doc, label.end, text):
            continue  # "Decision: a strategy discussion is needed ... I have shared ...": the writer's
        span = label if label.text.strip() else doc.char_span(m.start(), m.end(), alignment_mode="expand")
        yield Finding(span.start_char, span.end_char)


def _owned_decision(token, c) -> bool:
    """A decision verb said with who decided as its subject: "all present [agreed]",
    "everyone at the meeting [agreed]" (not "professionals agreed", nor 'it')."""
    if not c["label_verbs"].has(token) or token.pos_ != "VERB":
        return False
    subject = next((ch for ch in token.children if ch.dep_ == "nsubj"), None)
    return subject is not None and subject.lower_ != "it" and not c["unnamed_deciders"].has(subject)


def _framed_source(token, c) -> bool:
    """A passive in the clause of a frame that says where it comes from: "It is my
    understanding, from reading Nadia Brook's assessment of 14/10/2026, that a shower seat
    was recommended" — a name or a date in the frame's 'from' phrase."""
    if not c["frame_sources"] or token.dep_ != "ccomp":
        return False
    for prep in token.head.children:
        if prep.dep_ == "prep" and prep.lower_ in c["frame_sources"] and any(
                (t.pos_ == "PROPN" and t.text[:1].isupper() and not t.text.isupper()
                 and not c["time_nouns"].has(t)) or (t.like_num and "/" in t.text)
                for t in prep.subtree):
            return True
    return False


def _basis_next(token, c) -> bool:
    """The sentence after says what the report rests on: "This is based on his own call
    to me on 25/11/2026", "That was confirmed by his brother"."""
    if not c["basis"]:
        return False
    doc, sent = token.doc, token.sent
    if sent.end >= len(doc) or "\n" in doc[sent.end - 1].whitespace_ + doc[sent.end].text:
        return False
    nxt = doc[sent.end].sent
    root = nxt.root
    verbs = [root] + [t for t in root.children if t.dep_ == "conj" and t.pos_ == "VERB"]
    subject = next((ch for ch in root.children if ch.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or not c["referring"].has(subject):
        return False
    return any(c["basis"].has(v) and _has_source(v, {"on", "from"}, c["unnamed"], times=c["time_nouns"])
               for v in verbs)


def _poses_question(doc, i: int, offset: int, questions: Terms) -> bool:
    """Whether the words after a decision label are the question to decide: they begin with
    one of ``questions`` ("whether to move ...") or end with a question mark."""
    words = list(_first_sentence_after(doc, i, offset))
    first = next((t for t in words if t.is_alpha), None)
    return first is not None and (questions.has(first) or any(t.text == "?" for t in words))


def _bare_label(label, c) -> bool:
    """A label that is only the decision word ("Decision:"), naming no service or meeting."""
    words = [t for t in label if t.is_alpha]
    return bool(words) and all(c["labels_words"].has(t) for t in words)


def _first_person_on_line(doc, i: int, text: str) -> bool:
    """Whether the writer speaks as 'I' or 'we' on the rest of the label's line: in a note
    written in the first person, a bare "Decision:" is the writer's own."""
    end = text.find("\n", doc[i].idx if i < len(doc) else len(text))
    end = len(text) if end < 0 else end
    return any(t.lower_ in ("i", "we") and t.dep_ in ("nsubj", "nsubjpass")
               for t in doc[i:] if t.idx < end)


def _first_sentence_after(doc, i: int, offset: int) -> Iterator:
    """The words after a label, up to the end of the first sentence (or line) they start."""
    words = False
    for token in doc[i:]:
        if token.idx < offset:
            continue
        if words and ("\n" in token.text or token.is_sent_start):
            return
        yield token
        words = words or token.is_alpha
        if words and token.text in (".", "!", "?"):
            return


def _names_decider(token, c) -> bool:
    """A person's name ("Sam Ali"; not "MASH", not "NFA", not "Friday") or a decider
    ("manager", "I")."""
    return c["deciders"].has(token) or (
        token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper() and not token.text.isupper()
        and not c["time_nouns"].has(token))  # "Friday", "November": when, not who


def _unheld_reports(doc, c) -> Iterator[Finding]:
    """"There are concerns that ...", "there have been reports of ...": a report that no
    one holds. Not when the sentence says whose ("concerns from the school", "at the core
    group"), denies it ("there are no concerns"), or reports someone's words ("Mum said
    there are concerns ...")."""
    for noun in c["existential"].tokens(doc):
        verb = noun.head
        if noun.dep_ not in ("attr", "nsubj") or verb.lemma_.lower() != "be" or not any(
                ch.dep_ == "expl" for ch in verb.children):
            continue
        if verb.dep_ in ("ccomp", "xcomp") or any(ch.lower_ in ("no", "not", "never") or ch.dep_ == "neg"
                                                  for ch in (*noun.children, *verb.children)):
            continue
        if not _unnamed_from(noun, c["unnamed"]) and (_has_source(noun, c["sources"] | {"by"}, c["unnamed"]) or _has_source(
                verb, c["sources"], c["unnamed"])):
            continue  # (but "comments from other parents at the school gate": the gate is where, not who)
        start = next(ch for ch in verb.children if ch.dep_ == "expl")
        yield Finding(min(start.idx, verb.idx), noun.idx + len(noun))


def _lasting_reports(doc, c) -> Iterator[Finding]:
    """"But concerns remain", "Concerns persist around his drinking": a report that goes on
    with no one holding it. Not "the school's concerns remain", "no concerns remain", nor
    "Mum said concerns remain" (her account), nor "concerns remain from the core group"."""
    for noun in c["existential"].tokens(doc):
        verb = noun.head
        if noun.dep_ != "nsubj" or not c["unheld_verbs"].has(verb) or verb.pos_ != "VERB" or verb.dep_ in (
                "ccomp", "xcomp"):
            continue
        if any(ch.dep_ in ("poss", "neg") or ch.lower_ in ("no", "not", "never") or ch.pos_ == "PROPN"
               or (ch.dep_ == "compound" and ch.pos_ in ("NOUN", "PROPN")) for ch in (*noun.children, *verb.children)):
            continue  # "the school's concerns", "school concerns", "no concerns remain"
        if any(ch.dep_ == "aux" and ch.tag_ in ("MD", "TO") for ch in verb.children):
            continue  # "concerns will remain if ...": not said to be held now
        if _has_source(noun, c["sources"] | {"by", "from"}, c["unnamed"]) or _has_source(
                verb, c["sources"] | {"from"}, c["unnamed"], times=c["time_nouns"]):
            continue
        yield Finding(noun.left_edge.idx, verb.idx + len(verb))


def _unnamed_from(noun, unnamed: Terms) -> bool:
    """"comments [from other parents]", "reports [from various professionals]": a source
    said to be someone, but no one named."""
    return any(ch.dep_ == "prep" and ch.lower_ in ("from", "by") and any(
        g.dep_ == "pobj" and (unnamed.has(g) or any(unnamed.has(m) for m in g.children)) for g in ch.children)
        for ch in noun.children)


def _clipped_passive(verb) -> bool:
    """"Eldest reported to be caring", "Dad said to have moved out": a past form with no
    auxiliary whose clause is 'to be' or 'to have' (not "Mum agreed to come")."""
    if verb.tag_ not in ("VBD", "VBN") or any(ch.dep_ in ("aux", "auxpass") for ch in verb.children):
        return False
    for clause in verb.children:
        if clause.dep_ == "xcomp" and any(ch.lower_ == "to" for ch in clause.children):
            if clause.lemma_ in ("be", "have") or any(
                    ch.dep_ == "aux" and ch.lemma_ in ("be", "have") for ch in clause.children):
                return True
    return False


def _clipped_subject_passive(verb, subjects: Terms) -> bool:
    """"Concern raised re trips", "Allegation made against Dad": a past form with no
    auxiliary and no object, whose subject is one the verb is passive with."""
    if verb.tag_ not in ("VBD", "VBN") or any(ch.dep_ in ("aux", "auxpass", "dobj", "neg") for ch in verb.children):
        return False
    subject = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    return subject is not None and subjects.has(subject) and not any(
        ch.dep_ in ("det", "poss") and ch.lower_ not in ("a", "the") for ch in subject.children)


def _subjectless_report(verb) -> bool:
    """"Reported that mum's ex-partner had moved back": a report with no one reporting,
    as the first words of its line (a chronology's entry, after its date)."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN") or any(
            ch.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for ch in verb.children):
        return False
    if not any(ch.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that" for g in ch.children)
               for ch in verb.children):
        return False
    text = verb.doc.text
    line_start = text.rfind("\n", 0, verb.idx) + 1
    return not any(ch.isalpha() for ch in text[line_start:verb.idx])


def _unnamed_decider(verb, c) -> bool:
    """"Professionals agreed that ...": a decision by no one the reader can go back to."""
    if verb.pos_ != "VERB" or verb.tag_ == "VBG" or c["verbs"].get(verb.lemma_.lower()) is None:
        return False
    if any(ch.dep_ == "aux" and ch.tag_ in ("MD", "TO") for ch in verb.children):
        return False  # "professionals will decide": not a decision made
    subject = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    if subject is None or not c["unnamed_deciders"].has(subject):
        return False
    if any(c["listed"].has(g) for ch in subject.children if ch.dep_ in ("acl", "amod", "advmod", "relcl")
           for g in ch.subtree):
        return False  # "All the professionals listed above agreed": the note's list names them
    return not (_has_source(verb, c["sources"], c["unnamed"], times=c["time_nouns"])
                or _has_source(subject, c["sources"], c["unnamed"], times=c["time_nouns"]))


def _unnamed_reports(doc, c) -> Iterator[Finding]:
    """"Neighbours have complained", "Staff have heard that ...": a group that says or
    hears something, with no one in it named, said as a fact (not "neighbours may say")."""
    flagged = set()  # one finding for a group: "Neighbours have noticed his car and are worried"
    for (subjects, verbs, only_with_clause, present_only, modifiers, services, not_with_count, bare_only,
         objects, not_about) in c["reporters"]:
        for verb in verbs.tokens(doc):
            subject = _group_subject(verb)
            if subject is None or any(
                    ch.dep_ in ("aux", "mark") and (ch.tag_ in ("MD", "TO") or ch.dep_ == "mark")
                    for ch in _verb_of(verb).children):
                continue
            head = _verb_of(verb)
            if head.tag_ == "VBG" and not any(ch.dep_ == "aux" and ch.lemma_ == "be" for ch in head.children):
                continue  # "neighbours complaining about ...", but not "the girls have been saying"
            if present_only and not (head.tag_ in ("VBP", "VBZ", "NN") or any(
                    ch.dep_ == "aux" and ch.tag_ in ("VBP", "VBZ") for ch in head.children)):
                continue  # "Staff said he had a good week": told to the writer
            if only_with_clause and not any(ch.dep_ == "ccomp" and _finite(ch) and _reported(ch, not_about)
                                            for ch in verb.children):
                continue  # "I heard shouting", "I heard Mum shouting": what was heard, not what was said
            if objects and not any(ch.dep_ == "dobj" and objects.has(ch) for ch in verb.children):
                continue  # "have expressed a wish to visit": no report
            start = subject
            if c["quantifiers"].has(subject):
                # "a couple of the other girls": the girls are the group
                of = next((ch for ch in subject.children if ch.dep_ == "prep" and ch.lower_ == "of"), None)
                subject = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            if subject is None or not _unnamed_group(subject, subjects, services, c):
                continue  # "his neighbour Mrs Cole said", "care staff", "neighbours at no. 4": placed
            if bare_only and any(ch.dep_ in ("det", "poss") for ch in subject.children):
                continue  # "the family say": the household, speaking together
            # ("night staff", "the other girls": a shift or the rest of a group is no one named)
            if modifiers and not any(ch.dep_ == "amod" and modifiers.has(ch) for ch in subject.children):
                continue
            if _has_source(verb, {"from"}, c["unnamed"]):
                continue  # "I heard from Mrs Cole that ..."
            if not_with_count and has_count(verb.sent, c["time_nouns"]):
                continue  # "Police records show four call-outs": what they hold, counted
            # Where they complained ("in the garden") does not say who: no other source check.
            if start.i in flagged:
                continue
            flagged.add(start.i)
            end = verb if verb.i > start.i else start
            if end.i - start.i > 4:
                start = min(head, verb, key=lambda t: t.i)  # "... and [are worried]": the verb alone
            yield Finding(start.left_edge.idx, end.idx + len(end))


def _reported(clause, not_about: Terms) -> bool:
    """Is this clause something reported, not a question ("why she left") or words to the
    reader ("you are worried", "this is hard")?"""
    if clause.left_edge.tag_ in ("WRB", "WP", "WDT") or any(
            g.dep_ == "mark" and g.lower_ in ("whether", "if") for g in clause.children):
        return False
    subject = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    return subject is None or not not_about.has(subject)


def _verb_of(word):
    """The verb that carries a group's word: 'are' for "worried" in "Family are worried"."""
    return word.head if word.dep_ == "acomp" else word


def _group_subject(verb):
    """Who says or feels: the subject of the verb ("Neighbours [have complained]"), of
    'be' for a feeling ("Family are [worried]"), of the verb it is joined to ("Neighbours
    have noticed his car and [are] worried"), or the noun before a verb the parser reads as
    a noun ("[Staff] report Daniel has been ..."). None when it is not a verb so used."""
    if verb.pos_ == "ADJ" and verb.dep_ == "acomp" and verb.head.lemma_ == "be":
        head = verb.head
    elif verb.pos_ == "VERB":
        head = verb
    elif verb.tag_ in ("NN", "NNS") and any(ch.dep_ == "ccomp" and _finite(ch) for ch in verb.children):
        # "Staff report Daniel has been having more meltdowns": a sentence's first words
        subject = next((ch for ch in verb.children if ch.dep_ == "compound" and ch.i == verb.i - 1), None)
        if subject is not None and (subject.i == verb.sent.start or verb.doc[subject.i - 1].is_punct):
            return subject
        return None
    else:
        return None
    subject = next((ch for ch in head.children if ch.dep_ == "nsubj"), None)
    if subject is None and head.dep_ == "conj" and head.head.pos_ in ("VERB", "AUX"):
        subject = next((ch for ch in head.head.children if ch.dep_ == "nsubj"), None)
    return subject


def _unnamed_group(subject, subjects: Terms, services: Terms, c) -> bool:
    """Is this one of the groups, with no one in it named or placed: "Neighbours", "night
    staff", "other family members"; not "his neighbour Mrs Cole", "care staff" (a service),
    "neighbours at no. 4"."""
    return subjects.has(subject) and not any(
        not (ch.dep_ in ("compound", "amod") and (c["unnamed"].has(ch) or c["time_nouns"].has(ch)
                                                  or services.has(ch)))
        and (ch.dep_ in ("compound", "amod", "poss", "appos", "prep", "relcl") or ch.pos_ == "PROPN")
        for ch in subject.children)


def _according_to_group(doc, c) -> Iterator[Finding]:
    """"Dad still around according to neighbours": a group as the only source, with no one
    in it named (not "according to her neighbour, Mrs Cole")."""
    for word in doc:
        if word.lower_ != "according" or word.i + 1 >= len(doc) or doc[word.i + 1].lower_ != "to":
            continue
        group = next((g for g in doc[word.i + 1].children if g.dep_ == "pobj"), None)
        if group is None or any(ch.dep_ in ("det", "poss") and ch.lower_ != "the" for ch in group.children):
            continue
        if any(_unnamed_group(group, subjects, services, c) and not modifiers
               for subjects, _, _, _, modifiers, services, _, _, _, _ in c["reporters"]):
            yield Finding(word.idx, group.idx + len(group))


def _finite(clause) -> bool:
    """A clause with a tense of its own ("that the session ended early", "he was leaving"),
    not an event perceived ("Mum shouting", "Dad tell him to go to bed")."""
    return clause.tag_ in ("VBD", "VBZ", "VBP") or any(
        ch.dep_ in ("aux", "auxpass", "mark") and ch.tag_ != "TO" for ch in clause.children)


def _hearsay_talk(doc, c) -> Iterator[Finding]:
    """"Word among the lads is that he owes money": talk that no one owns, as what a
    'that' clause is."""
    for noun in c["hearsay"].tokens(doc):
        verb = noun.head
        if noun.dep_ != "nsubj" or verb.lemma_ != "be" or not any(
                ch.dep_ == "ccomp" and ch.i > verb.i and (_finite(ch) or any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in ch.children))
                for ch in verb.children):
            continue  # "The word is that ...", "Word from the home is she came back with ..." 
        if any(ch.dep_ in ("poss", "det") and ch.lower_ not in ("the", "a") for ch in noun.children):
            continue  # "his word is that ...", "Mum's word"
        if any(ch.dep_ == "mark" or ch.tag_ in ("WRB", "WDT") for ch in verb.children):
            continue  # "Where a word is both a label and a judgement, ...": not talk reported
        yield Finding(noun.left_edge.idx, verb.idx + len(verb))


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    c = rule.compiled
    doc = parsed.doc
    yield from _unheld_reports(doc, c)
    if c["unheld_verbs"]:
        yield from _lasting_reports(doc, c)
    if c["hearsay"]:
        yield from _hearsay_talk(doc, c)
    if c["reporters"]:
        yield from _unnamed_reports(doc, c)
        yield from _according_to_group(doc, c)
    for span in c["adverbs"].spans(doc):
        yield Finding(span.start_char, span.end_char)
    if c["labels"] is not None:
        yield from _unowned_decisions(parsed, c)
    verbs = c["verbs"]
    for token in c["verb_words"].tokens(doc):
        wanted = verbs.get(token.lemma_.lower())
        if wanted is None or token.tag_ == "VBG":
            continue
        if any(ch.dep_ == "aux" and ch.tag_ in ("MD", "TO") for ch in token.children):
            continue  # "Decision to be made: ...", "discharge to be considered if ...": what is to come
        subjects, only_with_clause, only_by, only_with_perfect, clause_subjects = wanted
        if clause_subjects and any(ch.dep_ == "nsubjpass" and clause_subjects.has(ch) for ch in token.children):
            only_with_clause = True  # "The ward were told that ...", not "the police have been told"
        passive_subject = next((ch for ch in token.children if ch.dep_ == "nsubjpass"), None)
        is_passive = passive_subject is not None or any(ch.dep_ == "auxpass" for ch in token.children)
        if not is_passive and token.dep_ == "acomp" and token.head.lemma_.lower() == "be":
            # "She is well known to be manipulative": the parser reads the participle as
            # an adjective, but it is the passive all the same.
            passive_subject = next((ch for ch in token.head.children if ch.dep_ == "nsubj"), None)
            is_passive = passive_subject is not None
        if not is_passive and c["clipped"].has(token) and _clipped_passive(token):
            passive_subject = next((ch for ch in token.children if ch.dep_ == "nsubj"), None)
            is_passive = True
        if not is_passive and c["clipped_subject"].has(token) and _clipped_subject_passive(
                token, c["clipped_nouns"]):
            # "Concern raised re unsupervised trips": a note's passive with its 'was' left out
            passive_subject = next(ch for ch in token.children if ch.dep_ == "nsubj")
            is_passive = True
        if not is_passive and c["subjectless"].has(token) and _subjectless_report(token):
            is_passive = True  # "10/10/2025 - Reported that mum's ex-partner had moved back."
        if not is_passive and c["unnamed_deciders"] and _unnamed_decider(token, c):
            subject = next(ch for ch in token.children if ch.dep_ == "nsubj")
            yield Finding(subject.idx, token.idx + len(token))
            continue
        if not is_passive or _has_source(token, set() if only_by else c["sources"], c["unnamed"],
                                         times=c["time_nouns"]):
            continue
        if subjects and (passive_subject is None or not subjects.has(passive_subject)):
            continue
        if passive_subject is not None and c["referring"].has(passive_subject):
            continue
        if passive_subject is not None and c["procedural"] and _procedural(passive_subject, c["procedural"]):
            continue  # "The plan was made because ...": the conference's child protection plan
        if only_with_clause and not any(ch.dep_ in _CLAUSES and not _spliced(token, ch) for ch in token.children) and not (
                _it_aside(token, passive_subject)):
            continue
        if only_with_perfect and not any(ch.dep_ == "xcomp" and any(
                g.dep_ == "aux" and g.lemma_ == "have" for g in ch.children) for ch in token.children):
            continue
        if c["speech"] and reported_by_someone_else(parsed, token, c["speech"]):
            continue  # "PC Ray told me that no breaches have been reported": his account
        if _framed_source(token, c):
            continue  # "It is my understanding, from Nadia Brook's assessment, that ... recommended"
        if _basis_next(token, c):
            continue  # "It is understood that he has moved. This is based on his call to me on ..."
        start = passive_subject if passive_subject is not None and passive_subject.i < token.i else token
        # "it was reported" / "concerns were raised": from the subject to the verb
        if start is not token and token.i - start.i > 4:
            start = token
        yield Finding(start.idx, token.idx + len(token))
