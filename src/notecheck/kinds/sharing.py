"""sharing: is each record of sharing information complete and secure?

A sentence records sharing when the writer (I, we, no subject, or a passive) shares,
sends, forwards, refers, informs ... and the verb is not negated, conditional or a
plan ("I did not share", "if ... I will inform the police", "DN to inform SW", "Refer
Mum to the outreach service"), nor a describing word ("shared staffing"). Verbs such
as "inform" and "refer" only count with an organisation or role as their object: "I
informed Mum" is telling the person, "as referred to above" is not a referral, and
"it was reported that Steve has relapsed" tells no one.
Note style without "were" counts ("Police informed and will do checks"); advice ("I
advised her not to contact Mum") and a person sent somewhere ("He was sent out of the
area") do not.

Each rule picks one ``require``:
- recipient: each sharing verb has an object, an organisation, role or named person.
  Checked against the whole note: one sharing sentence naming the recipient is enough
  for a follow-up such as "The referral was sent by secure email", and so is one of the
  rule's ``evidence`` patterns (a template field such as "With whom: ...").
- purpose, consent-basis, person-informed, receipt: somewhere in the note, one of the
  rule's ``evidence`` patterns (regular expressions) is found. Reported once, at the
  first sharing sentence.
  For receipt, what the writer said in a conversation with the recipient ("I told
  Megan that ...", "shared by phone") is left out: it was heard.
- secure-channel: a sentence where the writer sends something names an insecure
  channel from ``channels`` (with ``case_details: true``, only when the sentence also
  names case material from ``case_details``; with ``names_person: true``, only when the
  match holds a word of the person's name, as an email subject line that names them).

All vocabulary is in the rule YAML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Literal

from pydantic import Field

from notecheck.kinds.base import Finding, GuardedPattern, Options, ParsedNote, RuleProblem
from notecheck.kinds import subject
from notecheck.kinds.evidence import sentence_evidence
from notecheck.kinds.language import english
from notecheck.kinds.layout import FIELD_LABEL, bounds
from notecheck.kinds.terms import Terms, is_one_of


class Trigger(Options):
    words: list[str] = Field(min_length=1)  # verb lemmas or written forms
    # Only sharing when the object is an organisation or role ("informed the police").
    needs_recipient: bool = False
    # Note style leaves out "was": "Police informed and will visit", "School and GP
    # informed of outcome". With an organisation or role as subject and no object, the
    # subject is who was told.
    note_passive: bool = False
    # The verb counts only with this word as its complement: "made" with "aware"
    # ("Police made aware", "I made the school aware"), not "made a cake".
    complement: str | None = None
    # What the verb gives that is not information: "Personal care given to Margaret",
    # "Medication given at 8am", "I gave Mum a lift" (the object, or the passive's subject).
    not_information: list[str] = []
    # Who was told is only the one the verb is "with" ("Discussed her falls with the
    # district nurse"); its object is what was talked about ("We discussed Mason").
    addressed_with: bool = False
    # Handing someone over to a relative is the person going back to their family ("handed
    # over to his mum at 15:50"), even when an adult's relatives are third parties.
    person_to_family: bool = False


class Channel(Options):
    regex: str
    case_details: bool = False  # only when the sentence also names case material
    names_person: bool = False  # only when the match names the person the note is about
    message: str | None = None


class SharingOptions(Options):
    require: Literal["recipient", "purpose", "consent-basis", "person-informed", "receipt",
                     "secure-channel"]
    triggers: list[Trigger] = Field(min_length=1)
    # Nouns that record sharing when made/sent ("made a referral", "referral sent").
    event_nouns: list[str] = []
    event_verbs: list[str] = []
    writers: list[str] = Field(min_length=1)  # subjects that are the writer: I, we, SW
    # What is shared (information, info, details): the subject of a note-style record
    # ("Info passed to school"), however the tagger reads a capitalised abbreviation.
    items: list[str] = []
    recipients: list[str] = []  # words naming an organisation or role
    # The person and their family: telling them is not sharing with a third party.
    not_recipients: list[str] = []
    # Relatives among the not_recipients who are a third party when the note is about an
    # adult (subject_type: adult): an adult's mother or son is not the person, so telling
    # them what happened is sharing ("Mum informed by text" about a man of 30).
    adult_relatives: list[str] = []
    # The recipients that are one person (a teacher, a neighbour, a landlord), whom "him"
    # or "her" can stand for: "I rang Mr Pereira, her class teacher, and filled him in";
    # "The neighbour asked what was going on, and I told her". ("them" can stand for any
    # recipient: "the fire service".) When the note is about an adult, so can the
    # adult_relatives.
    people: list[str] = []
    # A note with no 'subject_type' is about an adult when a header field with one of these
    # labels gives the person as one: "Adult: Winifred Oakhanger (adult, 84)", "Resident:
    # Bernard Quaile (88)" (an age of 18 or more, or the word "adult").
    adult_labels: list[str] = []
    # A note that is a copy of an email the writer sent: header fields with one of these
    # labels ("sent", "subject") and a "To:" field make the email itself a record of sharing
    # with whoever it went to.
    email_fields: list[str] = []
    # Header field labels that name the person the record is about ("Adult:", "Child:"):
    # an email is read as a record of sharing only in a note saved to their record.
    email_about: list[str] = []
    # Words in a "To:" field that say the email went to the record, not a person ("To: case
    # file (Gwen Ashdown)"): no sharing.
    email_self: list[str] = []
    # A sharing template filled in: regular expressions for the field that says what was
    # shared, with a group 'label' for its name ("Information shared: household composition
    # ..."). Read only when no sentence records the sharing, and only with a recipient field.
    shared_fields: list[str] = []
    # Regular expressions for the template's field naming the recipient, with a group 'who'
    # for its value ("Agency contacted: 0-19 health visiting service").
    recipient_fields: list[str] = []
    modals: list[str] = []  # auxiliaries that make a verb a plan, not a record
    # People inside the writer's own service: telling them ("Team manager updated", "IRO
    # informed of visit", "sent it to my manager") passes nothing outside the service, so
    # it is not a record of sharing whose purpose, consent and receipt must be shown (the
    # channel is still checked). Matched on the whole recipient, after "the", "my", "our"
    # or a possessive ("Leon's IRO"), and only with no "of"/"at" after it ("the manager at
    # the nursery" is not).
    internal_recipients: list[str] = []
    # Regular expressions for the service's own record system ("through our case record
    # system", "on the case file"): a record passed on through it, to no one named outside
    # the service, stayed inside the service.
    internal_channels: list[str] = []
    # Regular expressions for the person saying no to the sharing ("Chloe said she did not
    # want the health visitor told", "refused consent"). A record after a refusal is
    # answered only by evidence written after the refusal (the reason and basis for sharing
    # anyway, or a later agreement): the refusal alone does not explain why it went.
    refusals: list[str] = []
    refusal_message: str | None = None  # said for such a record, instead of 'message'
    # Regular expressions for the writer's own decision not to share ("I told him I
    # couldn't share anything with him"): a decision either way needs its reason, one of
    # 'declined_reasons' in that sentence or the next, else 'declined_message' is said.
    declined: list[str] = []
    declined_reasons: list[str] = []
    declined_message: str | None = None
    evidence: list[str] = []  # regular expressions, anywhere in the note
    # recipient: words that, alone, name no one ("the relevant professionals", "all
    # agencies", "partner agencies"): a recipient made only of these (and "the", "our")
    # is reported with 'vague_message', as the next worker cannot tell who knows.
    vague_recipients: list[str] = []
    # What is said for such a recipient, instead of 'message' ({recipient} is its words).
    vague_message: str | None = None
    # Sentence evidence (kinds/evidence.py): a sentence anywhere in the note that the
    # classifier scores at least answered_threshold for answered_by (e.g. sharing_purpose)
    # answers the rule as the regular expressions do, however it is worded.
    answered_by: str | None = None
    answered_threshold: float = Field(0.5, gt=0, lt=1)
    # Regular expressions for sentences whose words decide it, not the classifier: a
    # telling that is negated ("Mum not to be told at this stage") is about telling, so the
    # classifier scores it high, but it answers only with its reason ('evidence' says so).
    answered_unless: list[str] = []
    # True: the classifier's answer does not count in a sentence that is itself a record of
    # sharing with someone: "I told Shirley, housing officer, that the boiler is blocked"
    # reads as a telling, but Shirley received it; she is not the person it is about.
    answered_not_in_record: bool = False
    # True: when the note records sharing with more than one recipient, what a sentence
    # that records sharing with one of them says (its purpose, the consent for it) answers
    # for that one only: in "I rang Dr Sahota and gave her Harvey's account so she could do
    # a medical; Annika agreed to this. The GP and the health visitor have been made aware."
    # nothing says why the GP was told, or that Annika agreed to it. Sentences recording
    # no sharing answer for every record, as before.
    evidence_per_recipient: bool = False
    # A sentence scored at least evidence_records for 'sharing' is a record of sharing
    # too, when the triggers find none (sharing told in words no trigger has).
    evidence_records: float | None = Field(None, gt=0, lt=1)
    channels: list[Channel] = []
    case_details: list[str] = []  # regular expressions for case material
    # The writer says the message carried none ("no personal details", "nothing about
    # the case"): case material named inside one of these does not count.
    no_details: list[str] = []  # regular expressions
    # receipt: information given in a live conversation ("I told the health visitor",
    # "shared by phone") was heard; only what was sent needs its receipt confirmed.
    # A sentence is live when its verb is one of 'live_verbs' or it matches one of the
    # 'live' patterns, and it names none of the 'documents' (reports, photographs ...).
    live_verbs: list[str] = []
    live: list[str] = []  # regular expressions
    documents: list[str] = []  # regular expressions
    # A call the writer made ("I phoned the duty team, spoke to Jon and shared ..."): what
    # was said in it was heard, even about a document ("the outcome of the assessment"),
    # unless the sentence also sends something in writing ('written').
    calls: list[str] = []  # regular expressions
    written: list[str] = []  # regular expressions
    # A note of a meeting or a call ('note_type' matches one of these): what the writer
    # told, shared or gave there ('live_verbs', or share) was heard by those present.
    live_note_types: list[str] = []  # regular expressions


CONDITIONS = english("conditions")  # "if ... I will inform the police"
TO = english("recipient_prepositions")  # "sent to the GP", "shared with school"


@dataclass
class Compiled:
    trigger_words: dict[str, Trigger]
    event_nouns: set[str]
    event_verbs: set[str]
    writers: set[str]
    items: set[str]
    recipients: set[str]
    not_recipients: set[str]
    adult_relatives: set[str]
    modals: set[str]
    internal: set[str]
    evidence: list[GuardedPattern]
    answered_unless: list[GuardedPattern]
    channels: list[tuple[GuardedPattern, Channel]]
    case_details: list[GuardedPattern]
    no_details: list[GuardedPattern]
    live_verbs: set[str]
    live: list[GuardedPattern]
    documents: list[GuardedPattern]
    calls: list[GuardedPattern] = field(default_factory=list)
    written: list[GuardedPattern] = field(default_factory=list)
    live_note_types: list[GuardedPattern] = field(default_factory=list)
    internal_channels: list[GuardedPattern] = field(default_factory=list)
    refusals: list[GuardedPattern] = field(default_factory=list)
    declined: list[GuardedPattern] = field(default_factory=list)
    declined_reasons: list[GuardedPattern] = field(default_factory=list)
    people: set[str] = field(default_factory=set)  # recipients "him" or "her" can stand for
    adult_labels: set[str] = field(default_factory=set)
    email_fields: set[str] = field(default_factory=set)
    email_self: set[str] = field(default_factory=set)
    email_about: set[str] = field(default_factory=set)
    shared_fields: list[GuardedPattern] = field(default_factory=list)
    recipient_fields: list[GuardedPattern] = field(default_factory=list)
    signature: tuple = ()  # what find_sharing depends on, so rules can share its result
    # Every word that can start a record: the trigger words and event nouns.
    starts: Terms | None = None
    # Words that are never the person the note is about: recipients, items, event nouns.
    not_subjects: Terms | None = None


def _regex(text: str, where: tuple) -> GuardedPattern:
    try:
        return GuardedPattern(text, re.IGNORECASE)  # a rule's own pattern: time-limited
    except re.error as exc:
        raise RuleProblem(where, f"the regular expression does not compile: {exc}") from None


def _words(items) -> set[str]:
    return {" ".join(w.lower().split()) for w in items}


def compile_sharing(rule) -> Compiled:
    o = rule.options
    if o.require in ("purpose", "consent-basis", "person-informed", "receipt") and not o.evidence:
        raise RuleProblem(("evidence",), f"a rule that requires '{o.require}' needs 'evidence' "
                                         "patterns that show it is recorded")
    if o.require != "secure-channel" and not o.recipients:
        raise RuleProblem(("recipients",), "list the words that name an organisation or role "
                                           "(police, school, GP, ...) in 'recipients'")
    if o.require == "secure-channel" and not o.channels:
        raise RuleProblem(("channels",), "a 'secure-channel' rule needs 'channels'")
    triggers = {}
    for trigger in o.triggers:
        for word in trigger.words:
            triggers[word.lower()] = trigger
    signature = tuple(frozenset(x) for x in (
        [(w, t.needs_recipient, t.note_passive, t.complement, tuple(t.not_information))
         for w, t in triggers.items()], _words(o.event_nouns),
        _words(o.event_verbs), _words(o.writers), _words(o.items), _words(o.recipients),
        _words(o.not_recipients), _words(o.adult_relatives), _words(o.modals),
        _words(o.internal_recipients), _words(o.people), tuple(o.internal_channels),
        _words(o.adult_labels), _words(o.email_fields), _words(o.email_self), _words(o.email_about),
        tuple(o.shared_fields), tuple(o.recipient_fields)))
    return Compiled(
        signature=signature, trigger_words=triggers, event_nouns=_words(o.event_nouns),
        event_verbs=_words(o.event_verbs), writers=_words(o.writers), items=_words(o.items),
        recipients=_words(o.recipients), not_recipients=_words(o.not_recipients),
        adult_relatives=_words(o.adult_relatives), adult_labels=_words(o.adult_labels),
        email_fields=_words(o.email_fields), email_self=_words(o.email_self),
        email_about=_words(o.email_about),
        shared_fields=[_regex(e, ("shared_fields", i)) for i, e in enumerate(o.shared_fields)],
        recipient_fields=[_regex(e, ("recipient_fields", i)) for i, e in enumerate(o.recipient_fields)],
        modals=_words(o.modals), internal=_words(o.internal_recipients), people=_words(o.people),
        evidence=[_regex(e, ("evidence", i)) for i, e in enumerate(o.evidence)],
        answered_unless=[_regex(e, ("answered_unless", i)) for i, e in enumerate(o.answered_unless)],
        channels=[(_regex(c.regex, ("channels", i, "regex")), c) for i, c in enumerate(o.channels)],
        case_details=[_regex(c, ("case_details", i)) for i, c in enumerate(o.case_details)],
        no_details=[_regex(e, ("no_details", i)) for i, e in enumerate(o.no_details)],
        live_verbs=_words(o.live_verbs),
        live=[_regex(e, ("live", i)) for i, e in enumerate(o.live)],
        documents=[_regex(e, ("documents", i)) for i, e in enumerate(o.documents)],
        calls=[_regex(e, ("calls", i)) for i, e in enumerate(o.calls)],
        written=[_regex(e, ("written", i)) for i, e in enumerate(o.written)],
        live_note_types=[_regex(e, ("live_note_types", i)) for i, e in enumerate(o.live_note_types)],
        internal_channels=[_regex(e, ("internal_channels", i)) for i, e in enumerate(o.internal_channels)],
        refusals=[_regex(e, ("refusals", i)) for i, e in enumerate(o.refusals)],
        declined=[_regex(e, ("declined", i)) for i, e in enumerate(o.declined)],
        declined_reasons=[_regex(e, ("declined_reasons", i)) for i, e in enumerate(o.declined_reasons)],
        starts=Terms(sorted({*triggers, *_words(o.event_nouns)}), "triggers"),
        not_subjects=Terms(sorted({w for w in {*_words(o.recipients), *_words(o.items),
                                               *_words(o.event_nouns), *triggers} if " " not in w}),
                           "recipients"),
    )


def needs(rule) -> set[str]:
    o = rule.options
    return {"lemma", "parse"} | ({"evidence"} if o.answered_by or o.evidence_records else set())


def _answered(parsed: ParsedNote, o, c: Compiled, records: list[Sharing],
              claimed: set[int] = frozenset()) -> bool:
    """Whether a sentence the classifier reads as giving what the rule asks answers it;
    ``claimed``: the starts of sentences that answer only for another recipient."""
    if not o.answered_by:
        return False
    shared = {r.sentence.start_char for r in records if r.recipient} if o.answered_not_in_record else set()
    # A heading ("Information shared:") names a section; it records nothing.
    return any(cats.get(o.answered_by, 0.0) >= o.answered_threshold
               and sent.start_char not in shared and sent.start_char not in claimed
               and not parsed.layout.in_heading(sent.start_char)
               and not _blank_field(parsed.text, sent.start_char)
               and not any(p.search(sent.text) for p in c.answered_unless)
               for sent, cats in sentence_evidence(parsed))


def _evidence_records(parsed: ParsedNote, o) -> list[Sharing]:
    found = []
    for sent, cats in sentence_evidence(parsed):
        if cats.get("sharing", 0.0) >= o.evidence_records and not parsed.in_quotes(
                sent.start_char, sent.end_char - 1):
            found.append(Sharing(*bounds(sent), sent, None))
    return found


PLACEHOLDERS = ("recipient",)


@dataclass
class Sharing:
    """One sentence's record of sharing: the word that says so and who received it."""

    start: int
    end: int
    sentence: object  # spaCy Span
    recipient: str | None
    verb: object = None  # the sharing verb (spaCy Token); None for "referral made"


def _joined_to_past(verb) -> bool:
    """A bare verb joined by "and" to a verb in the past tense shares its tense: "I rang
    the school and let them know" records what was done ("let" reads as a bare verb).
    A note's opening word with an object is such a verb however it is tagged ("Rang a PC
    at the station and let them know": "Rang" reads as a name)."""
    if not (verb.dep_ == "conj" and verb.head.i < verb.i) or _requested(verb):
        return False
    head = verb.head
    return head.tag_ in ("VBD", "VBN") or (
        head.dep_ == "ROOT" and head.tag_ != "VB"
        and not any(t.is_alpha for t in head.doc[head.sent.start:head.i])  # "08:20 Rang ..."
        and any(t.dep_ == "dobj" for t in head.children))


def _requested(token) -> bool:
    """The word is in what someone asked for, not in what was done: "She asked me to
    WhatsApp her the plan, or send it to her personal Gmail" (a bare verb or a phrase
    under a verb of asking, with no verb in the past between them)."""
    if token.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
        return False  # "Mum asked for the plan and I sent it": done
    for a in token.ancestors:
        if a.lemma_.lower() in REQUEST_VERBS:
            return True
        if a.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            return False
    return False


def _purpose_of_call(verb, c: Compiled) -> bool:
    """The telling is what a call the writer made was for, so it was done: "12:40 rang the
    owner of the car wash, Mr Dimitriou, to explain Kaden would be in court", "I phoned the
    school to let them know". Not a call planned or tried ("I will ring the school to tell
    them", "I tried to ring the GP to explain")."""
    if verb.tag_ != "VB" or verb.dep_ not in ("advcl", "xcomp") or \
            not any(t.dep_ == "aux" and t.lower_ == "to" for t in verb.children):
        return False
    call = verb.head
    if call.i == verb.i or not (call.lemma_.lower() in CALL_VERBS or call.lower_ in CALL_VERBS) or \
            call.tag_ in ("VB", "VBG") or not _recorded_not_planned(call, c):
        return False
    subject = _subject(call)
    return subject is None or subject.tag_ == "CD" or is_one_of(subject, c.writers)


def _past_in_context(verb) -> bool:
    """A verb whose past form is its base form, read as past when its clause tells of
    something past: "Let his daughter know about the fall when she rang at 10:00"."""
    return verb.lower_ in SAME_PAST and any(
        t.tag_ == "VBD" for t in verb.subtree if t.i != verb.i)


def _with_whom(verb, c: Compiled, subjects: set[str]) -> str | None:
    """The organisation or role a conversation about the person was with: "Discussed
    Sheila's deterioration with the district nurse". Not the person or their family
    ("discussed it with Mum"); not a consultation that names no information ("Discussed
    with Dr Mensah, who will review", "as discussed with TM")."""
    objects = [t for t in verb.children if t.dep_ in ("dobj", "nsubjpass")]
    if not objects or any(t.dep_ == "mark" and t.lower_ == "as" for t in verb.children) or \
            all(t.lower_ in POINTING_BACK for t in objects):
        return None
    for head in [verb, *objects]:
        for prep in (t for t in head.children if t.dep_ == "prep" and t.lower_ == "with"):
            for who in (t for t in prep.children if t.dep_ == "pobj"):
                for token in [who, *who.conjuncts]:
                    if token.lower_ in THIRD_PERSON:
                        found = _antecedent(token, c, subjects)  # "Discussed Samuel with her"
                        if found is not None:
                            return found
                    if is_one_of(token, c.not_recipients) or token.lower_ in subjects:
                        continue
                    if is_one_of(token, c.recipients) or token.pos_ == "PROPN":
                        return _name(token)
    return None


def _restates(verb, pointing: bool = False) -> bool:
    """The verb names no new information: no object, and as its subject nothing or a word
    pointing back ("This was shared without the parents' consent because ...", "Shared
    without Peter's consent as I could not reach him", after a record). ``pointing``: only
    a word pointing back will do (no record before that this program read as one)."""
    if any(t.dep_ in ("dobj", "dative") for t in verb.children):
        return False
    subject = next((t for t in verb.children if t.dep_ in ("nsubjpass", "nsubj")), None)
    if subject is None:
        return not pointing
    # "Only information relevant to the allegation was shared": how much of it went.
    return subject.lower_ in POINTING_BACK or any(
        t.dep_ == "det" and t.lower_ in POINTING_BACK or t.lower_ in LIMITING for t in subject.children)


def _none_shared(verb) -> bool:
    """What the verb says was shared is nothing: "Nothing about her stays was shared",
    "No information was passed on", "I shared none of it"."""
    for t in verb.children:
        if t.dep_ in ("nsubjpass", "dobj") and (
                t.lower_ in NONE_WORDS or any(d.dep_ == "det" and d.lower_ == "no" for d in t.children)):
            return True
    return False


def _told_to_person(verb, subjects: set[str], c: Compiled) -> bool:
    """The sharing is what the person or their family was told of, not another one: "Told
    Tariq that his father had been informed", "told her that the school had been informed,
    what they had been told"."""
    head = verb
    while head.dep_ in ("ccomp", "conj") and head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in TELL_VERBS or head.lower_ in TELL_VERBS:
            return any(t.dep_ in ("dobj", "dative") and (t.lower_ in subjects or is_one_of(t, c.not_recipients))
                       for t in head.children)
    return False


def _subject(verb):
    """The verb's subject, following "and" back to the first verb of a list."""
    while True:
        subjects = [t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subjects:
            # The parser can give a verb two: "Mrs Kettering, the SENCo, asked for the plan,
            # so I emailed her" (both "Mrs Kettering" and "I"); the nearest before it is its own.
            before = [t for t in subjects if t.i < verb.i]
            return before[-1] if before else subjects[0]
        if verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
            continue
        return None


def _by_writer(verb, c: Compiled, subjects: set[str], anchor=None) -> bool:
    if _by_someone_else(verb, c):
        return False  # "Police notification forwarded to the team inbox by Dee Harker"
    subject = _subject(verb)
    if subject is not None and subject.tag_ == "CD" and subject.i < verb.i:
        subject = None  # "12:00 Sent the referral to ...": the time read as the subject
    if subject is None or (anchor is not None and subject.i == anchor.i):  # "Referral made to ..."
        return True  # "Emailed the school ...", "Referral made to ..."
    opening = next((t for t in verb.doc[verb.sent.start:verb.i] if t.is_alpha), None)
    if opening is not None and opening.i != verb.i and \
            (opening.lower_ in CALL_VERBS or opening.lemma_.lower() in CALL_VERBS) and \
            opening.i in {t.i for t in subject.subtree}:
        # "08:20 Rang daughter Karen and let her know about the fall": the note's opening
        # call read as part of a subject; the writer rang, and told.
        return True
    if subject.i > verb.i and not any(t.is_alpha for t in verb.doc[verb.sent.start:verb.i]):
        return True  # "Referred Mr Okoro to the lunch club": note style, parsed as his doing
    if subject.dep_ == "nsubj" and not any(t.dep_ in ("aux", "auxpass") for t in verb.children) \
            and (subject.pos_ == "NOUN" or is_one_of(subject, c.items | c.event_nouns)) \
            and not any(t.dep_ in ("det", "poss") for t in subject.children) \
            and not is_one_of(subject, c.recipients | c.not_recipients):
        # "Letter sent to the GP", "Info shared with ...", "Referral to the CSE team and info
        # passed to school": note style, no "was".
        return True
    if subject.dep_ == "nsubjpass":
        # "Information was shared with ..." is the writer's record; "I was informed" is not,
        # nor what someone else passed on ("Shay's views were shared by Lauren").
        return not is_one_of(subject, c.writers) and not _by_someone_else(verb, c)
    return is_one_of(subject, c.writers)


def _by_someone_else(verb, c: Compiled) -> bool:
    """A passive whose agent is a person or organisation other than the writer: "the
    plan was sent by the school", "his views were shared by Lauren". Not a channel ("sent
    by email", "passed on by phone")."""
    # The parser can hang "by ..." on the verb's own phrase: "notification forwarded to
    # the team inbox by Dee Harker".
    agents = [t for t in verb.subtree if t.dep_ == "agent" and
              next((a.i for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None) == verb.i]
    for agent in agents:
        for who in (t for t in agent.children if t.dep_ == "pobj"):
            if is_one_of(who, c.writers):
                return False
            if who.pos_ == "PROPN" or is_one_of(who, c.recipients | c.not_recipients):
                return True
    return False


def _recorded_not_planned(verb, c: Compiled) -> bool:
    if verb.dep_ == "conj" and verb.head.i < verb.i and not _recorded_not_planned(verb.head, c) \
            and not any(t.dep_ == "nsubj" and is_one_of(t, c.writers) for t in verb.children):
        # "I will ask the agency and send Mrs Price the details"; but not the writer's own
        # clause: "Work laptop would not connect, so I texted her a photo".
        return False
    for child in verb.children:
        if child.dep_ == "neg":
            return False
        if child.dep_ == "aux" and (child.lower_ == "to" and not _purpose_of_call(verb, c)
                                    or is_one_of(child, c.modals)):
            return False
        if child.dep_ == "mark" and child.lower_ in CONDITIONS:
            return False
    return True


FAMILY = "family"  # _recipient's answer when the information went only to the person or family


def _addressees(anchor) -> list:
    """Who the verb is addressed to: its object, indirect object, or the object of its
    'to'/'with' ("informed the police", "sent Mum a copy", "shared it with the GP")."""
    direct = []
    objects = [t for t in anchor.children if t.dep_ in ("dobj", "dative")]
    # "I told her Stefan was being sectioned": the parser can read "her" as the possessive
    # of what follows; straight after a verb of telling, she is the one told.
    after = anchor.doc[anchor.i + 1] if anchor.i + 1 < len(anchor.doc) else None
    if after is not None and after.lower_ == "her" and after.dep_ == "poss" and \
            (anchor.lemma_.lower() in TELL_VERBS or anchor.lower_ in TELL_VERBS) and \
            after.head.dep_ in ("nsubj", "nsubjpass") and after.head.head.head.i == anchor.i:
        direct.append(after)
    for child in anchor.children:
        if child.dep_ in ("dobj", "dative") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            direct.append(child)
        # "let the school know"; not a clause that says what was reported ("it was
        # reported that Steve has relapsed": Steve is not told anything).
        # "made the school aware": the one made aware is the subject of "aware".
        # ("let Tommy's school know": the parser can read "know" as VBP there.)
        # Only for "let" and "make": in "to explain Kaden would be in court" Kaden is what
        # was said, not who heard it.
        if child.dep_ in ("ccomp", "xcomp") and anchor.lemma_.lower() in ("let", "make") and \
                (child.tag_ in ("VB", "JJ") or anchor.lemma_ == "let" and child.tag_ == "VBP") and \
                not any(t.dep_ == "mark" for t in child.children):
            direct.extend(t for t in child.children if t.dep_ == "nsubj")
    # "to"/"with" on the verb, or hung by the parser on its object ("my concerns to the LADO").
    for head in [anchor, *objects]:
        for child in head.children:
            if child.dep_ in ("prep", "dative") and child.lower_ in TO:
                direct.extend(t for t in child.children if t.dep_ == "pobj")
    return direct + [c for t in direct for c in t.conjuncts]


def _recipient(anchor, sentence, c: Compiled, subjects: set[str],
               needs_recipient: bool = False) -> str | None:
    """The organisation, role or person the information went to, if the sentence says;
    FAMILY when it went only to the person or their family (telling them, not sharing)."""

    def family(token) -> bool:
        return is_one_of(token, c.not_recipients) or token.lower_ in subjects

    def named(token) -> bool:
        # Not an adverb: "Letter sent home" names no one.
        return is_one_of(token, c.recipients) and token.pos_ != "ADV" or token.like_email

    direct = _addressees(anchor)
    for token in direct:
        if not family(token) and (named(token) or token.pos_ == "PROPN"):
            return _name(token)
    told_family = any(family(t) for t in direct)
    if told_family and anchor.dep_ == "conj" and anchor.head.i < anchor.i and \
            all(t.pos_ == "PRON" for t in direct if family(t)):
        # "Spoke to DC Marsh and gave her the address": "her" is the one just named.
        # Only an organisation or role: "phoned Skye and told her" is telling the person.
        first = _recipient(anchor.head, sentence, c, subjects, True)
        # "him" or "her" is one person: not "referred to the contracts team, and I explained
        # this to him".
        roles = c.people if any(t.lower_ in ("him", "her") for t in direct) else c.recipients
        if first not in (None, FAMILY) and any(w.lower().strip(",.") in roles for w in first.split()):
            return first
    if told_family:
        pronouns = [t for t in direct if family(t)]
        if all(t.lower_ in THIRD_PERSON for t in pronouns):
            who = _antecedent(pronouns[0], c, subjects)
            if who is None and pronouns[0].lower_ in ("her", "him") and sentence.start > 0:
                # "Rang Mrs Ghale, DSL at Harley's school. Told her: ...": the one the
                # sentence before rang, when it opens by ringing someone outside the family.
                before = sentence.doc[sentence.start - 1].sent
                opening = [t for t in before if t.is_alpha][:1]
                # Only a note-style opening call to someone given a role there.
                if opening and (opening[0].lower_ in CALL_VERBS or opening[0].lemma_.lower() in CALL_VERBS) \
                        and any(is_one_of(t, c.people) for t in before):
                    who = _rung_first(before, before[-1], c, subjects)
                if who is not None:
                    # The parser can fold the time and the verb into the name: "11:20 Rang
                    # Mrs Ghale".
                    words = who.split()
                    calls = [i for i, w in enumerate(words) if w.lower() in CALL_VERBS]
                    who = " ".join(words[calls[-1] + 1:] if calls else words) or None
            if who is not None:
                return who
    if told_family and all(t.lower_ in ("them", "they") for t in direct if family(t)):
        # "Rang the fraud team at the bank. Gave them her account details": "them" is the
        # organisation the writer has just called, when the sentence before names one.
        called = _called_before(sentence, c, subjects)
        if called is not None:
            return called
    if needs_recipient and not told_family and not any(t.dep_ == "agent" for t in anchor.children):
        # "Housing were informed", "The school nurse was made aware", "The bank was given
        # details" (or "was contacted and given details"): who was told is the subject.
        # Not "Mum was informed" (family), nor "I was told by school" (a source).
        told = next((t for t in anchor.children if t.dep_ == "nsubjpass"), None)
        if told is None and anchor.dep_ == "conj" and anchor.tag_ == "VBN":
            told = next((t for t in anchor.head.children if t.dep_ == "nsubjpass"), None)
        if told is not None and all(named(t) and not family(t) for t in [told, *told.conjuncts]):
            return _name(told)
    if needs_recipient:
        # "I informed Mum" is telling the person; "Dad is reported to have been seen
        # outside school" has no addressee at all, so it is not a record of sharing,
        # unless the sentence before says whom the writer rang: "I rang the police and
        # asked for a welfare check. I gave his name and address, ...".
        if anchor.lemma_.lower() in GIVING and \
                not any(named(t) or family(t) or t.pos_ == "PROPN" for t in direct):
            called = _rung_first(sentence, anchor, c, subjects) or _called_before(sentence, c, subjects)
            if called is not None:
                return called
        return FAMILY if told_family else None
    # "It was reported by the school": the agent is the source, not the recipient.
    source = {t.i for child in anchor.children if child.dep_ == "agent" for t in child.subtree}
    # Nor is anyone in what was shared: "shared what Mia told her teacher", "a copy of
    # Dr Rao's letter".
    source |= {t.i for child in anchor.children if child.dep_ in ("ccomp", "csubj")
               for t in child.subtree}
    # The verb's own phrase and the rest of the sentence, in reading order: the parse can
    # leave "to Dr Okoye" outside the verb's subtree, and the nearest name is the one meant.
    after = {t.i: t for t in sentence if t.i > anchor.i}
    candidates = sorted({**{t.i: t for t in anchor.subtree}, **after}.values(), key=lambda t: t.i)
    for token in candidates:
        if token.i in source or token.i == anchor.i or family(token) or _possessor(token):
            continue
        if told_family and not (token.dep_ == "pobj" and token.head.lower_ in TO):
            continue  # "sent Mum the details": only another "to ..." adds a recipient
        if named(token):
            return _name(token)
        if token.pos_ == "PROPN" and token.dep_ in ("dobj", "pobj", "dative", "conj", "compound") \
                and (token.head.lower_ in TO or token.head.lower_ == anchor.lower_):
            return _name(token)
        if token.pos_ == "PROPN" and _mailbox_owner(token):
            return _name(token)
    if anchor.dep_ == "conj" and anchor.head.i < anchor.i and not told_family:
        # "I phoned the school and shared my concerns": the first verb names them.
        return _recipient(anchor.head, sentence, c, subjects, needs_recipient)
    return FAMILY if told_family else None


CALL_VERBS = english("call_verbs")
SAME_PAST = set(english("same_past_forms"))
NONE_WORDS = set(english("none_words"))
TELL_VERBS = set(english("tell_verbs"))
POINTING_BACK = set(english("pointing_back"))
LIMITING = set(english("limiting_words"))
GIVING = set(english("giving_verbs"))
ADVICE_MODALS = set(english("advice_modals"))
OCCASIONS = set(english("handover_times"))
REQUEST_VERBS = set(english("request_verbs"))
MAILBOX = set(english("mailbox_words"))
TITLES = set(english("person_titles"))


THIRD_PERSON = {"him": "one", "her": "one", "them": "any", "they": "any"}
# Forms that stand for the same one as the pronoun: met on the way back, they say who it is.
SAME_REFERENCE = {"her": {"her", "hers", "herself"}, "him": {"him", "his", "himself"}}


def _antecedent(pronoun, c: Compiled, subjects: set[str]) -> str | None:
    """Who "him", "her" or "them" stands for, when it is someone outside the family named
    just before: in the same sentence before it ("Mrs Kettering, the SENCo, asked for ...,
    so I emailed her the assessment"; "I rang Mr Pereira, her class teacher, and filled him
    in"), else the one who did something in the sentence before ("His sister Abena rang
    the team. Discussed Samuel with her"). The nearest one decides: when it is the person,
    their family or a name with no role ("I phoned Lisa and told her"), nobody is found."""
    kind = THIRD_PERSON.get(pronoun.lower_)
    if kind is None:
        return None
    doc = pronoun.doc
    verb = next((t for t in pronoun.ancestors if t.pos_ in ("VERB", "AUX")), pronoun.head)
    if pronoun.dep_ == "poss":  # "I told her Stefan was ...": the verb of telling
        verb = next((t for t in verb.ancestors if t.pos_ in ("VERB", "AUX")), verb)
    sentence = pronoun.sent
    spans = [list(doc[sentence.start:pronoun.i])]
    if sentence.start > 0:
        spans.append(list(doc[sentence.start - 1].sent))
    same = SAME_REFERENCE.get(pronoun.lower_, set())
    for span in spans:
        for token in reversed(span):
            if token.lower_ in same:
                return None  # "sharing it is in her best interests so the GP can review her
                # tablets. I told her": "her" already stands for someone, likely the person
            if token.dep_ not in ("nsubj", "nsubjpass", "dobj", "dative") or token.pos_ == "PRON" \
                    or is_one_of(token, c.writers):
                continue
            if token.head.i == verb.i and token.dep_ in ("dobj", "dative"):
                continue  # "Discussed Samuel with her": not the verb's own object
            words = [token, *(t for t in token.children if t.dep_ in ("appos", "compound"))]
            if token.lower_ in subjects or any(is_one_of(t, c.not_recipients) for t in words):
                return None
            roles = c.people if kind == "one" else c.recipients
            if any(is_one_of(t, roles) for t in words):
                return _name(token)
            if token.pos_ == "PROPN":
                known = doc.user_data.get("sharing_professionals") or set()
                name = _name(token)
                # "Call from Gareth Llewellyn, probation officer. ... Gareth asked ...": the
                # name was given a role or an organisation earlier.
                return name if known and _name_words(name) and _name_words(name) <= known else None
    return None


def _called_before(sentence, c: Compiled, subjects: set[str]) -> str | None:
    """The organisation or role the sentence before this one says the writer rang, phoned,
    called or spoke to ("Rang the fraud team at Olive's bank."), if it names one."""
    doc = sentence.doc
    if sentence.start == 0:
        return None
    before = doc[sentence.start - 1].sent
    for verb in before:
        if verb.lemma_.lower() not in CALL_VERBS and verb.lower_ not in CALL_VERBS:
            continue
        if not _by_writer(verb, c, subjects):
            continue
        for token in _addressees(verb):
            if is_one_of(token, c.recipients) and not is_one_of(token, c.not_recipients) \
                    and token.lower_ not in subjects:
                return _name(token)
    return None


def _sent_to_before(sentence, c: Compiled, subjects: set[str]) -> str | None:
    """Whom one of the two sentences before says something was to go to ("agreed to me
    passing the messages to PC Dan Mirfield", "a short closure letter could go to Aiden's
    GP"), when a bare note-style record follows ("Sent at 16:20 by secure email")."""
    doc = sentence.doc
    start = sentence.start
    for _ in range(2):
        if start == 0:
            return None
        before = doc[start - 1].sent
        start = before.start
        for verb in before:
            if verb.pos_ not in ("VERB", "AUX") or not (
                    verb.lower_ in c.trigger_words or verb.lemma_.lower() in c.trigger_words
                    or verb.lemma_.lower() == "go"):
                continue
            found = _recipient(verb, before, c, subjects)
            if found not in (None, FAMILY):
                return found
    return None


def _asker_before(sentence, c: Compiled, subjects: set[str]) -> str | None:
    """Someone outside the family who asked the writer something in the sentence before
    ("the downstairs neighbour, Mr Tony Brace, came up and asked what was going on")."""
    doc = sentence.doc
    if sentence.start == 0:
        return None
    for verb in doc[sentence.start - 1].sent:
        if verb.pos_ != "VERB" or verb.lemma_.lower() != "ask":
            continue
        # A question ("asked what was going on", "asked whether we were involved"), not a
        # request ("Dr Okonjo asked for this").
        if not any(t.dep_ in ("ccomp", "xcomp") and any(
                w.tag_ in ("WP", "WRB", "WDT") or w.lower_ in ("whether", "if") for w in t.subtree
                if w.i <= t.i) for t in verb.children):
            continue
        who = _subject(verb)
        if who is not None and who.lower_ in ("he", "she"):
            # "PC Nathan Drury, Carrowby Police, rang. ... He asked whether we were involved."
            start = before_start(doc, sentence)
            for _ in range(3):
                if start == 0:
                    break
                earlier = doc[start - 1].sent
                start = earlier.start
                mine = doc.user_data.get("sharing_colleagues") or set()
                found = next((t for t in earlier if t.dep_ in ("nsubj", "appos") and t.pos_ == "PROPN"
                              and not (_name_words(_name(t)) and _name_words(_name(t)) <= mine)
                              and (t.dep_ == "appos" or t.head.lemma_.lower() in CALL_VERBS
                                   or t.head.lower_ in CALL_VERBS)
                              and any(is_one_of(x, c.people) for x in t.subtree)), None)
                if found is not None:
                    return _name(found)
            continue
        if who is None or who.lower_ in subjects or is_one_of(who, c.not_recipients | c.writers):
            continue
        if is_one_of(who, c.recipients):
            return _name(who)
        known = doc.user_data.get("sharing_professionals") or set()
        if who.pos_ == "PROPN" and known and _name_words(_name(who)) <= known:
            return _name(who)  # "Gareth asked whether ...", Gareth given his role before
    return None


def before_start(doc, sentence) -> int:
    """Where the sentence before this one starts."""
    return doc[sentence.start - 1].sent.start if sentence.start > 0 else 0


def _of_the_one_rung(recipient: str, sentence, anchor, c: Compiled, subjects: set[str]) -> bool:
    """'the manager' in "Rang Harbour Lodge and gave the manager all his details" is the
    manager of the organisation rung, not the writer's own."""
    words = recipient.lower().split()
    if len(words) != 2 or words[0] != "the":
        return False
    rung = _rung_first(sentence, anchor, c, subjects)
    return rung is not None and not _internal(rung, sentence, c)


def _rung_first(sentence, before, c: Compiled, subjects: set[str]):
    """The organisation or role a note-style sentence opens by ringing ("14:15 Phoned
    Nigel's solicitor, Mr Ellison, and outlined our concerns", "Rang Harbour Lodge and
    gave the manager ..."), named before the token ``before``; the parser often reads the
    opening verb as a name or an adjective, so the words are read in order."""
    def calling(t) -> bool:
        return t.lower_ in CALL_VERBS or t.lemma_.lower() in CALL_VERBS
    words = [t for t in sentence if t.is_alpha]
    # The note's opening word ("Phoned"), or a call the writer made ("I phoned the
    # solicitor and outlined our concerns").
    call = words[0] if words and calling(words[0]) else next(
        (t for t in sentence.doc[sentence.start:before.i] if calling(t) and t.tag_.startswith("VB")
         and _by_writer(t, c, subjects)), None)
    if call is None:
        return None
    for token in sentence.doc[call.i + 1:before.i]:
        if is_one_of(token, c.not_recipients) or token.lower_ in subjects or _possessor(token):
            continue
        if is_one_of(token, c.recipients) or token.pos_ == "PROPN":
            return _name(token)
    return None


def _possessor(token) -> bool:
    """'Dr Rao' in "Dr Rao's letter": whose something is, not who received it (but "to
    Cerys's NHSmail account" goes to Cerys: ``mailbox_words``)."""
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head
    return token.dep_ == "poss" and not _mailbox_owner(token)


def _mailbox_owner(token) -> bool:
    """'Cerys' in "sent to Cerys's NHSmail account": whose mailbox it went to."""
    return token.dep_ == "poss" and token.head.lemma_.lower() in MAILBOX and \
        token.head.dep_ == "pobj" and token.head.head.lower_ in TO


def _name(token) -> str:
    """The recipient with the words that name it: 'the DoLS office', 'DC Marsh', 'the
    drug and alcohol service', 'Pat's GP' (not just 'office', 'DC', 'service')."""
    # A title or role word before a name or another noun: "DC" in "DC Marsh", "police"
    # in "police officer". Only up to a name or a recipient word ("police report" stays).
    # ("Dr Helen Osgood": through every name word between.)
    while token.dep_ in ("compound", "flat") and token.head.i > token.i and \
            token.head.pos_ == "PROPN" and all(t.pos_ == "PROPN" and t.dep_ in ("compound", "flat")
                                                for t in token.doc[token.i + 1:token.head.i]):
        token = token.head
    start = token.i
    for left in reversed(list(token.lefts)):
        if left.right_edge.i == start - 1 and left.dep_ in (
                "compound", "flat", "amod", "nmod", "det", "poss", "nummod"):
            start = left.left_edge.i
    name = token.doc[start:token.i + 1].text
    if token.doc[start].tag_ in ("DT", "PRP$"):  # "His daughter" opening a sentence
        name = name[0].lower() + name[1:]
    return name


def _is_field_label(token) -> bool:
    """A template label such as "Information shared:" or "**Sent to:**"."""
    after = [t.text for t in token.doc[token.i + 1:token.i + 3]]
    if after and after[0].startswith(":"):
        return True
    return len(after) == 2 and after[0].lower() in TO and after[1].startswith(":")


def find_sharing(parsed: ParsedNote, c: Compiled) -> list[Sharing]:
    """Every sentence in the note that records information being shared."""
    cached = parsed.__dict__.setdefault("_sharing", {})
    subject_type = (parsed.note.meta.get("subject_type") or "").strip().lower()
    adult = c.adult_relatives and (subject_type == "adult" or not subject_type and _headed_adult(parsed, c))
    key = (c.signature, bool(adult))
    if key in cached:
        return cached[key]
    if adult:
        c = replace(c, recipients=c.recipients | c.adult_relatives,
                    not_recipients=c.not_recipients - c.adult_relatives,
                    people=c.people | c.adult_relatives)
    subjects = _subject_words(parsed, c) | _family_names(parsed.doc, c)
    parsed.doc.user_data["sharing_layout"] = parsed.layout
    colleagues = _colleague_names(parsed.doc, c)
    parsed.doc.user_data["sharing_colleagues"] = colleagues
    parsed.doc.user_data["sharing_professionals"] = _professional_names(parsed.doc, c, subjects) - colleagues
    found: list[Sharing] = []
    doc = parsed.doc
    done = -1  # the end of the last sentence with a record: one record per sentence
    for token in c.starts.tokens(doc):
        if token.i < done:
            continue
        sentence = token.sent
        trigger = c.trigger_words.get(token.lower_) or c.trigger_words.get(token.lemma_.lower())
        if trigger is not None and token.tag_.startswith("VB"):
            if token.tag_ == "VBG" and not any(t.dep_ == "aux" for t in token.children):
                continue  # a gerund: "Sharing it would put her at risk"
            if token.tag_ == "VB" and not any(t.dep_ == "aux" and t.lemma_ == "do"
                                              for t in token.children) \
                    and not _joined_to_past(token) and not _past_in_context(token) \
                    and not _purpose_of_call(token, c):
                # A bare verb is an instruction or a plan, not a record: "Inform
                # school.", "DN to body map any injuries and inform SW."
                continue
            if token.dep_ in ("amod", "compound") and \
                    any(t.is_alpha for t in sentence.doc[sentence.start:token.i]) and \
                    not (token.i > sentence.start and is_one_of(token.doc[token.i - 1], c.writers)):
                # A describing word: "shared staffing overnight", "a shared bedroom";
                # but a note-style "Shared care plan with the GP" opens its sentence, and
                # "SW shared notification w/ HV" follows the writer.
                continue
            if token.dep_ in ("amod", "compound") and token.is_title and token.i + 1 < len(doc) and \
                    doc[token.i + 1].is_title and doc[token.i + 1].lower_ not in c.items:
                continue  # a name with the word in it: "Shared Lives scheme", "Shared Care Team"
            if trigger.complement and not any(t.lower_ == trigger.complement.lower()
                                              for t in token.children):
                continue  # "made a cake", not "made aware"
            verb, anchor = token, token
        elif token.lemma_.lower() in c.event_nouns and _event_made(token, c):
            verb = token.head if token.head.pos_ in ("VERB", "AUX") else token
            anchor, trigger = token, None
            if any(_by_someone_else(v, c) for v in (verb, *token.children) if v.pos_ in ("VERB", "AUX")):
                continue  # "Police notification forwarded to the team inbox by Dee Harker": came in
        else:
            continue
        if parsed.in_quotes(token.idx, token.idx + len(token)):
            continue
        if token.i >= 2 and " ".join(t.lower_ for t in doc[token.i - 2:token.i]) in ("rather than", "instead of"):
            continue  # "posted to her rather than emailed": the way it did not go
        if _is_field_label(token):
            continue  # "Information shared: ..." heads the record; its sentences follow
        if trigger is not None and _not_information(verb, trigger, c, subjects):
            continue
        referred = next((t for t in verb.children if t.dep_ == "nsubjpass"), None)
        if trigger is not None and verb.lemma_.lower() == "refer" and referred is not None and \
                is_one_of(referred, c.recipients) and not is_one_of(referred, c.not_recipients):
            continue  # "The former agency has been referred to the contracts team": a provider
        if any(t.dep_ in ("nsubjpass", "dobj") and t.tag_ == "WP" for t in verb.children):
            continue  # "I will tell Funmi what was shared", "told him what I had passed on":
            # names the sharing, recorded elsewhere
        if trigger is not None and (_none_shared(verb) or _told_to_person(verb, subjects, c)):
            continue
        told = _told_in_note_style(verb, c, subjects, trigger.complement) \
            if trigger is not None and trigger.note_passive else None
        if trigger is not None and trigger.addressed_with:
            recipient = _with_whom(verb, c, subjects)
            if recipient is None or not (_by_writer(verb, c, subjects, anchor)
                                         and _recorded_not_planned(verb, c)):
                continue
        elif told is not None:
            if not _recorded_not_planned(verb, c):
                continue
            recipient = told
        else:
            if verb.pos_ in ("VERB", "AUX") and not (_by_writer(verb, c, subjects, anchor)
                                                      and _recorded_not_planned(verb, c)):
                continue
            recipient = _recipient(anchor, sentence, c, subjects,
                                   trigger is not None and trigger.needs_recipient)
        if recipient not in (None, FAMILY):
            # "08:20 Rang daughter": the parser can fold the time and the call into the name.
            words = recipient.split()
            calls = [i for i, w in enumerate(words) if w.lower() in CALL_VERBS]
            words = words[calls[-1] + 1:] if calls else words
            while len(words) > 1 and words[0][:1].isdigit():
                words = words[1:]  # "11:05 Kim Ashdown"
            recipient = " ".join(words) or recipient
        if recipient == FAMILY or (trigger is not None and trigger.person_to_family and recipient
                                   and set(recipient.lower().split()) & c.adult_relatives):
            continue  # giving the person or their family information is not third-party sharing
        if recipient is not None and _internal(recipient, sentence, c) and \
                not _of_the_one_rung(recipient, sentence, anchor, c, subjects):
            continue  # "Team manager updated": nothing left the writer's own service
        if recipient is not None and colleagues and _name_words(recipient) and \
                _name_words(recipient) <= colleagues:
            continue  # "the waking night worker, Femi Lawal" ... "I have told Femi": a colleague
        if recipient is None and _inside_conversation_before(sentence, c):
            continue  # "Discussed Gwen in supervision with my team manager. I shared ...": with her
        if (recipient is None or _internal(recipient, sentence, c)) and any(
                p.search(parsed.text, sentence.start_char, sentence.end_char) for p in c.internal_channels):
            continue  # "I forwarded the account to Naveed through our case record system"
        if recipient is None and trigger is not None and trigger.needs_recipient and \
                (verb.lemma_.lower() in TELL_VERBS or verb.lower_ in TELL_VERBS
                 or verb.lemma_.lower() in ("confirm", "outline")) and \
                not any(t.dep_ in ("dobj", "dative") for t in verb.children):
            # "The neighbour came up and asked what was going on. I explained that ...": the
            # answer goes to the one who asked.
            recipient = _asker_before(sentence, c, subjects)
            if recipient is not None:  # "1\n14:35 PC Nathan Drury": a header's tail and the time
                words = recipient.split()
                while len(words) > 1 and words[0][:1].isdigit():
                    words = words[1:]
                recipient = " ".join(words)
            if recipient is None and sentence.start > 0 and \
                    not any(t.dep_ in ("nsubj", "nsubjpass") and not is_one_of(t, c.writers) for t in verb.children):
                # "Rang the DWP helpline and spoke to an adviser. Explained that ...".
                before = doc[sentence.start - 1].sent
                recipient = _called_before(sentence, c, subjects) or _rung_first(before, before[-1], c, subjects)
        if recipient is None and (trigger is not None and trigger.needs_recipient or
                                  any(t.dep_ == "ccomp" for t in verb.children)):
            continue  # "as referred to above"; "it was shared that ..." (speech)
        if recipient is None and trigger is not None and verb.i == anchor.i and \
                not any(t.is_alpha for t in doc[sentence.start:verb.i]) and \
                not any(t.dep_ in ("dobj", "dative", "nsubj", "nsubjpass") and t.tag_ != "CD"
                        for t in verb.children):
            # "Kai and Angela agreed to me passing the messages to PC Dan Mirfield ... Sent at
            # 16:20 by secure email.": what the sentence before said would go, to whom.
            recipient = _sent_to_before(sentence, c, subjects)
        if recipient is None and trigger is not None and _restates(verb, pointing=not found):
            continue  # "This was shared without consent because ...": the record before
        end = token.idx + len(token)
        particle = next((t for t in token.children if t.dep_ == "prt"), None)
        if particle is not None and particle.i == token.i + 1:
            end = particle.idx + len(particle)
        found.append(Sharing(token.idx, end, sentence, recipient,
                             token if trigger is not None else None))
        done = sentence.end  # one record per sentence
    found = _opening_records(parsed, c, subjects, colleagues, found)
    if not found and c.shared_fields:
        found = _template_record(parsed, c)
    if c.email_fields and not any(r.start < parsed.layout.lines[min(len(parsed.layout.lines), 6) - 1][1]
                                  for r in found):
        found[:0] = _email_sent(parsed, c)
    cached[key] = found
    return found


def _blank_field(text: str, offset: int) -> bool:
    """Is the offset on a template field left blank ("Consent:", "Parent informed:" with
    nothing after them but the next field)? Its label answers nothing. (Not a lead-in to a
    list: "We agreed that:" / "- you will ...".)"""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    line = text[start:end if end >= 0 else len(text)]
    label = FIELD_LABEL.match(line)
    if label is None or line[label.end():].strip(" \t*_"):
        return False
    following = next((x for x in text[end:].split("\n") if x.strip()), None) if end >= 0 else None
    return following is None or FIELD_LABEL.match(following) is not None


def _opening_records(parsed: ParsedNote, c: Compiled, subjects: set[str], colleagues: set[str],
                     found: list[Sharing]) -> list[Sharing]:
    """Terse chronology lines the tagger misreads: "14:40 Forwarded Abi the full MARAC
    minutes", "09:20 Texted June back: ..." (the opening past verb read as a name or an
    adjective). A line that opens, after its time, with a trigger word in its past form,
    not tagged a verb, followed by whom it went to, is the writer's record."""
    have = {r.sentence.start for r in found}
    extra = []
    for sentence in parsed.doc.sents:
        if sentence.start in have:
            continue
        words = [t for t in sentence if not t.is_space and not t.is_punct]
        while words and (words[0].like_num or words[0].tag_ == "CD"):
            words = words[1:]
        if len(words) < 2:
            continue
        opening = words[0]
        trigger = c.trigger_words.get(opening.lower_)
        misread = opening.pos_ not in ("VERB", "AUX") or opening.dep_ in ("amod", "compound", "nmod", "dep")
        if trigger is None or not misread or not opening.is_title or \
                not opening.lower_.endswith("ed") or trigger.complement or \
                parsed.in_quotes(opening.idx, opening.idx + len(opening)):
            continue
        who = None
        # Straight after the verb, or after "the", "his", "her" ...: "Forwarded Abi the
        # minutes", "Emailed the school"; not "Shared Lives scheme - Review visit".
        after = words[1:2] if words[1].tag_ not in ("DT", "PRP$") else words[2:3]
        for token in after:
            if token.lower_ in subjects or is_one_of(token, c.not_recipients) or _possessor(token):
                break
            if is_one_of(token, c.recipients) or token.pos_ == "PROPN":
                # The parser can fold the time and the verb into the name ("14:40 Forwarded Abi").
                parts = _name(token).split()
                who = " ".join(parts[parts.index(opening.text) + 1:] if opening.text in parts else parts)
                break
        if not who or (colleagues and _name_words(who) <= colleagues) or _internal(who, sentence, c):
            continue
        extra.append(Sharing(opening.idx, opening.idx + len(opening), sentence, who, opening))
    return sorted(found + extra, key=lambda r: r.start)


def _template_record(parsed: ParsedNote, c: Compiled) -> list[Sharing]:
    """A sharing template filled in, with no sentence that records the sharing: "Agency
    contacted: 0-19 health visiting service" / "Information shared: household composition;
    two previous police call-outs". The record is the filled 'shared_fields' field; its
    recipient the value of a 'recipient_fields' field."""
    text = parsed.text
    shared = next((m for p in c.shared_fields for m in p.finditer(text)), None)
    if shared is None:
        return []
    recipient = None
    for p in c.recipient_fields:
        m = p.search(text)
        if m is not None and m.group("who").strip():
            recipient = re.split(r"[,;(]", m.group("who").strip(), maxsplit=1)[0].strip() or None
            break
    span = parsed.doc.char_span(shared.start("label"), shared.end("label"), alignment_mode="expand")
    if recipient is None or span is None or not len(span):
        # Without a field naming the recipient it is a meeting's notes ("Information shared:
        # Sam Idris said ..."), not a sharing template.
        return []
    return [Sharing(span.start_char, span.end_char, span[0].sent, recipient, None)]


def _email_sent(parsed: ParsedNote, c: Compiled) -> list[Sharing]:
    """A copy of an email the writer sent, saved as the note ("To: Gail Mortimer, Tenancy
    Sustainment Officer, Pellow Homes" among "Sent:" or "Subject:" header fields): the
    email is itself the sharing, with whoever it went to (not "To: case file")."""
    fields = parsed.layout.header_fields(6)
    labels = {label for label, _, _ in fields}
    # Saved to the person's record: their name in the metadata or a header field ("Adult:
    # Dennis Quarrington (adult, 58)"), not an email on its own.
    if not labels & c.email_fields or not (parsed.note.subjects or labels & c.email_about):
        return []
    for label, start, end in fields:
        if label != "to":
            continue
        value = parsed.text[start:end].strip()
        who = re.split(r"[,;(]", value, maxsplit=1)[0].strip()
        if not who or any(re.search(r"\b%s\b" % re.escape(w), value.lower()) for w in c.email_self):
            return []
        span = parsed.doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        first = next((t for t in span if not t.is_space), span[0])
        return [Sharing(first.idx, first.idx + len(first), first.sent, who, None)]
    return []


# A header's name and the age it gives, maybe after what they are ("Nicola Farrant (adult,
# 39)", "Aaliyah Brent (15)"); the kinds are english.yaml's person_kinds, as mention.py reads them.
_KINDS = "|".join(re.escape(w) for w in sorted(english("person_kinds"), key=len, reverse=True))
_HEADED_NAME = re.compile(r"((?-i:[A-Z][\w'’-]+)(?: (?-i:[A-Z][\w'’-]+)){0,3}) \(\s*"
                          r"(?:(?:%s)[,;]?\s*)?(?:aged?\s*)?\d{1,3}\b" % _KINDS)
_AGED = re.compile(r"\(\s*(?:(adult)\b[,;]?\s*)?(?:aged?\s*)?(\d{1,3})?\s*\)", re.IGNORECASE)


def _headed_adult(parsed: ParsedNote, c: Compiled) -> bool:
    """A note without metadata whose header gives the person as an adult: "Adult: Winifred
    Oakhanger (adult, 84)", "Service user: Maureen Cattermole (84)" (``adult_labels``)."""
    if not c.adult_labels:
        return False
    for label, start, end in parsed.layout.header_fields(3):
        if label not in c.adult_labels:
            continue
        m = _AGED.search(parsed.text, start, end)
        if m is not None and (m.group(1) or m.group(2) and int(m.group(2)) >= 18):
            return True
    return False


def _subject_words(parsed: ParsedNote, c: Compiled) -> set[str]:
    """The words of the names of the person the note is about: its 'subject' metadata,
    else the person it names most often (kinds/subject.py) in two sentences or more, so
    that "text confirmation sent to Demi" in a call with Demi is telling her, not sharing
    about her. An organisation or role ("Police", "School") is never that person, nor is
    one name in one sentence ("I shared the chronology with DC Marsh")."""
    names = parsed.note.subjects
    if not names:
        # A header that gives the person with their age: "Nicola Farrant (adult, 39)
        # Worker: ...", "Child: Aaliyah Brent (15)".
        head = parsed.text[:parsed.layout.lines[min(3, len(parsed.layout.lines)) - 1][1]] \
            if parsed.layout.lines else ""
        m = _HEADED_NAME.search(head)
        if m is not None:
            names = [m.group(1)]
    if not names:
        inferred = subject.infer_subject(parsed, c.not_subjects)
        if inferred and sum(1 for sent in parsed.layout.sentences
                            if any(t.text == inferred for t in sent)) >= 2:
            names = [inferred]
    return {s.lower() for name in names for s in name.split()}


def _family_names(doc, c: Compiled) -> set[str]:
    """Names the note gives to the person's family ("her mum, Lisa", "Lisa (mum)", "Mum,
    Lisa Brown,"), so that "I gave Lisa a copy" is telling the family, not sharing."""
    found = set()
    for token in doc:
        if token.pos_ != "PROPN":
            continue
        beside = [t for t in (token.head, *token.children) if t.dep_ == "appos" or token.dep_ == "appos"]
        # "Mum, Kerry Tolliver, asked me": the parser can tag "Mum" a name and hang the name
        # on it as a loose modifier.
        loose = token.dep_ == "npadvmod" and token.head.i < token.i and token.head.pos_ == "PROPN" \
            and token.head.lower_ in c.not_recipients - c.writers and doc[token.head.i + 1].text == ","
        after = doc[token.i + 1:token.i + 4]
        bracketed = len(after) == 3 and after[0].text == "(" and after[2].text == ")" and \
            is_one_of(after[1], c.not_recipients)
        # "Frank (77) has vascular dementia", "Noah (3) and his mum": a name given with an
        # age is the person or their family, by the name the note goes on to use.
        aged = len(after) >= 3 and after[0].text == "(" and after[1].text.isdigit() and \
            int(after[1].text) <= 110 and after[2].text in (")", ",")
        bracketed = bracketed or aged
        if bracketed or loose or any(t.pos_ == "NOUN" and is_one_of(t, c.not_recipients) and t.lower_ not in
                            ("i", "me", "we", "us", "it", "this", "that") for t in beside):
            found.add(token.lower_)
            found.update(t.lower_ for t in token.children if t.dep_ == "compound" and t.pos_ == "PROPN")
    return found


OWNERS = {"my", "our", "his", "her", "their", "the"}


def _colleague_names(doc, c: Compiled) -> set[str]:
    """The words of the names the note gives to people inside the writer's own service
    ("my team manager, Lucy Barraclough", "Femi Lawal, the waking night worker"), so that
    "I have told Femi and Gail" later is telling a colleague, not sharing."""
    found = set()
    # The writer, named in the header: "Duty worker: Gemma Sowerby, Carrowby Assessment Team".
    for label, start, end in _header_fields(doc):
        if set(label.split()) & WRITER_LABELS:
            value = re.split(r"[,;(]", doc.text[start:end], maxsplit=1)[0]
            found.update(w.lower() for w in value.split() if w[:1].isupper())
    for token in doc:
        if token.dep_ != "appos":
            continue
        for name, role in ((token, token.head), (token.head, token)):
            if name.pos_ == "PROPN" and role.pos_ == "NOUN" and _internal(_name(role), role.sent, c):
                found.update(_name_words(_name(name)))
    return found


def _professional_names(doc, c: Compiled, subjects: set[str]) -> set[str]:
    """The words of the names the note gives a role or an organisation outside the family
    ("Call from Gareth Llewellyn, probation officer", "Kim Ashdown from Carrowby Homes
    rang"), so that "him" or "her" later can stand for them: "I ... gave him her address"."""
    found = set()
    for token in doc:
        if token.pos_ != "PROPN" or token.lower_ in subjects or token.dep_ == "compound":
            continue
        roles = [t for t in (token.head, *token.children)
                 if (t.dep_ == "appos" or token.dep_ == "appos") and t.i != token.i and t.pos_ == "NOUN"]
        orgs = [o for p in token.children if p.dep_ == "prep" and p.lower_ in ("from", "at")
                for o in p.children if o.dep_ == "pobj" and (o.pos_ == "PROPN" or is_one_of(o, c.recipients))]
        if any(is_one_of(t, c.recipients) and not is_one_of(t, c.not_recipients) for t in roles) or orgs:
            found.update(_name_words(_name(token)) - subjects)
    return found


# Header labels that name the writer: "Worker:", "Duty worker:", "Author:", "Carer:".
WRITER_LABELS = {"worker", "author", "officer", "carer", "staff", "practitioner", "assessor", "amhp",
                 "coordinator", "written"}


def _header_fields(doc):
    layout = doc.user_data.get("sharing_layout")
    return layout.header_fields(3) if layout is not None else []


def _inside_conversation_before(sentence, c: Compiled) -> bool:
    """The sentence before is the writer's conversation with someone inside the service
    ("Discussed Gwen in supervision with my team manager"): a record naming no one that
    follows ("I shared the outcome of my visit") is what was said in it."""
    doc = sentence.doc
    if sentence.start == 0:
        return False
    before = doc[sentence.start - 1].sent
    return any(t.dep_ == "pobj" and t.head.lower_ in ("with", "to") and t.pos_ == "NOUN"
               and _internal(_name(t), before, c) for t in before)


def _internal(recipient: str, sentence, c: Compiled) -> bool:
    """Is the recipient someone inside the writer's own service ("Team manager", "my
    manager", "Leon's IRO"), and not one of another organisation ("the manager at the
    nursery", "the manager of Oak Tree Care")?"""
    if not c.internal:
        return False
    text = sentence.text.lower()
    at = text.find(recipient.lower())
    # The recipient and what follows it, so that a role of several words is read whole:
    # "the nurse in charge, Jo Nowak".
    def without_owner(words: list[str]) -> list[str]:
        while words and (words[0] in OWNERS or words[0].endswith(("'s", "’s"))):
            words = words[1:]
        return words

    # "our team's occupational therapist", "our OT": the writer's own service's.
    if recipient.lower().split()[:1] == ["our"]:
        return True
    own = len(without_owner(recipient.lower().split()))
    # (Without the stop: "Outcome: passed to duty manager.")
    words = without_owner(re.sub(r"[,.;:!?](?=\s|$)", " ", text[at:] if at >= 0 else recipient.lower()).split())
    for size in range(len(words), own - 1, -1):
        if size and " ".join(words[:size]) in c.internal:
            after = words[size:size + 2]
            # "the manager at the nursery" is theirs; "day team for follow-up" and "the duty
            # social worker in our team" are ours.
            # "night staff at 21:00", "at handover" say when, not whose.
            return not (after and after[0] in ("of", "at", "from", "in")
                        and not (len(after) > 1 and (after[1] in ("our", "my", "this")
                                                     or after[1].strip(".;:()") in OCCASIONS or after[1][:1].isdigit())))
    return False


def _with_compounds(token) -> str:
    """The noun with the nouns before it that name it: 'prescription request'."""
    words = [t.lower_ for t in token.lefts if t.dep_ == "compound"]
    return " ".join([*words, token.lower_])


def _not_information(verb, trigger: Trigger, c: Compiled, subjects: set[str]) -> bool:
    """The verb is about the person or an instruction, not information passed on: "He was
    sent out of the area" (a person sent, not a record); "I advised Mrs Holt not to
    contact Mum", "I told the school to ring the police" (advice given, nothing shared);
    "Personal care given to Margaret" (care given, not information: ``not_information``)."""
    if trigger.not_information:
        given = [t for t in verb.children if t.dep_ in ("dobj", "nsubjpass", "nsubj")]
        if verb.dep_ in ("acl", "amod"):
            given.append(verb.head)  # "Personal care given to Margaret", "Passed urine."
        things = set(map(str.lower, trigger.not_information))
        def thing(t) -> bool:
            # "a pot of tea", "a plate of biscuits": an amount of a thing is the thing.
            of = [o for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                  for o in p.children if o.dep_ == "pobj"]
            return is_one_of(t, things) or _with_compounds(t) in things or \
                bool(of) and all(thing(o) for o in of)
        # Every one of them: "I sent the prescription and his care plan" shares the plan.
        if any(all(thing(x) for x in (t, *t.conjuncts)) for t in given):
            return True
    if trigger.needs_recipient:
        # "I told the school to ring the police"; "I told Mr Rampling he should write to
        # Daniel directly": what the one told should or can do, not information passed on.
        # "I thanked Mr Hobb and told him we would visit today": what the writer will do.
        return any(t.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)
                   or t.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ADVICE_MODALS
                                                for a in t.children)
                   or t.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in ("will", "would", "'ll")
                                                for a in t.children)
                   and any(a.dep_ == "nsubj" and is_one_of(a, c.writers) for a in t.children)
                   for t in verb.children)
    subject = next((t for t in verb.children if t.dep_ == "nsubjpass"), None)
    if subject is None:
        return False
    person = subject.lower_ in subjects or (subject.pos_ in ("NOUN", "PROPN")
                                            and is_one_of(subject, c.not_recipients))
    return person or "Prs" in subject.morph.get("PronType") and \
        bool(set(subject.morph.get("Gender")) & {"Masc", "Fem"})


def _told_in_note_style(verb, c: Compiled, subjects: set[str],
                        complement: str | None = None) -> str | None:
    """The organisation told, for a note-style passive with "was" left out: "Police
    informed and will do checks", "School and GP informed of outcome". Not when the verb
    has an object or says what ("The school informed me", "GP informed that Mum ..."),
    nor when the subject is the person, their family or the writer."""
    if verb.tag_ not in ("VBD", "VBN") or any(
            t.dep_ in ("aux", "auxpass", "dobj", "dative", "ccomp", "xcomp", "attr", "oprd")
            and not (complement and t.lower_ == complement.lower()) for t in verb.children):
        return None
    subject = next((t for t in verb.children if t.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and \
            verb.head.pos_ in ("NOUN", "PROPN"):
        subject = verb.head  # "Mum informed by text.": parsed as a noun and its modifier
    if subject is None:
        return None
    # Every subject: the parser can give "The fire brigade and the police made aware" two.
    told = [t for s in [subject, *(t for t in verb.children if t.dep_ == "nsubj" and t.i != subject.i)]
            for t in (s, *s.conjuncts)]
    # The verb straight after its subject, heading its clause: not "School to keep SW
    # updated" (a plan), nor "Mum said the school informed ..." (someone else's words).
    # The subject may carry a phrase naming where it is: "Landlord at Mill Lane made aware".
    last = max(told, key=lambda t: t.i)
    ends = {last.i} | {t.right_edge.i for t in last.children if t.dep_ == "prep" and t.i > last.i}
    if verb.i - 1 not in ends or \
            verb.dep_ not in ("ROOT", "conj", "acl", "parataxis", "appos"):
        return None
    if any(is_one_of(t, c.not_recipients | c.writers) or t.lower_ in subjects for t in told):
        return None
    # "Environmental health and the fire service made aware": one recipient word among
    # them names them all as agencies.
    if not any(is_one_of(t, c.recipients) for t in told):
        return None
    return _name(subject)


def _live(record: Sharing, parsed: ParsedNote, c: Compiled) -> bool:
    """Whether the information was given in a conversation the recipient took part in
    ("I told Megan that ...", "we shared this by phone"), so it was heard, and not a
    document or referral sent to them. A referral is live only when the sentence says it
    was made in a conversation ("I made the referral by phone at 3.30pm"); "Referral made
    to MASH" may have been sent, and should be acknowledged."""
    text, start, end = parsed.text, record.sentence.start_char, record.sentence.end_char
    if any(p.search(text, start, end) for p in c.calls) and \
            not any(p.search(text, start, end) for p in c.written):
        return True
    note_type = str(parsed.note.meta.get("note_type") or "")
    if record.verb is not None and note_type and any(p.search(note_type) for p in c.live_note_types) \
            and (is_one_of(record.verb, c.live_verbs) or record.verb.lemma_.lower() == "share") \
            and not any(p.search(text, start, end) for p in c.written):
        return True  # "Strategy discussion. I shared with DC Porter the photographs ...": shown there
    if any(p.search(text, start, end) for p in c.documents):
        return False
    said = any(p.search(text, start, end) for p in c.live)
    if record.verb is None:
        return said
    # A relative who is told ("Mrs Doyle's daughter was informed") heard it; an agency
    # told may need the right person to have had it.
    trigger = c.trigger_words.get(record.verb.lower_) or c.trigger_words.get(record.verb.lemma_.lower())
    relative = record.recipient is not None and trigger is not None and trigger.note_passive and \
        bool(set(record.recipient.lower().split()) & c.adult_relatives)
    return said or relative or is_one_of(record.verb, c.live_verbs)


def _named_elsewhere(parsed: ParsedNote, c: Compiled) -> bool:
    """'Mr Evans agreed to a referral to the alcohol service. I made the referral by
    phone.': the recipient is named with another mention of the event."""
    for token in parsed.doc:
        if token.lemma_.lower() in c.event_nouns:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "to" and any(
                        is_one_of(t, c.recipients) or t.pos_ == "PROPN" for t in child.subtree):
                    return True
    return False


def _event_made(noun, c: Compiled) -> bool:
    """'made a referral', 'referral made', 'a referral was sent'."""
    if is_one_of(noun.head, c.event_verbs):
        return True
    return any(is_one_of(child, c.event_verbs) for child in noun.children)


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    c: Compiled = rule.compiled
    require = rule.options.require
    if require == "secure-channel":
        yield from _insecure(parsed, c)
        return
    if c.declined:
        yield from _declined_without_reason(parsed, c, rule.options.declined_message)
    records = find_sharing(parsed, c)
    if not records and rule.options.evidence_records is not None:
        records = _evidence_records(parsed, rule.options)
    if not records:
        return
    if c.refusals:
        overridden = _shared_after_refusal(parsed, c, records)
        if overridden is not None:
            yield Finding(overridden.start, overridden.end, values={"recipient": overridden.recipient},
                          message=rule.options.refusal_message)
            return
    if require != "recipient" and rule.options.evidence_per_recipient:
        yield from _per_recipient(parsed, rule, c, records)
        return
    if _answered(parsed, rule.options, c, records):
        return
    if require == "recipient":
        if any(pattern.search(parsed.text) for pattern in c.evidence):
            return
        vague = {w.lower() for w in rule.options.vague_recipients}
        unnamed = [r for r in records if r.recipient and
                   {w.strip(".,;:()").lower() for w in r.recipient.split()} - OWNERS <= vague]
        for record in unnamed:
            yield Finding(record.start, record.end, values={"recipient": record.recipient},
                          message=rule.options.vague_message)
        if unnamed or any(r.recipient for r in records) or _named_elsewhere(parsed, c):
            return
        for record in records:
            yield Finding(record.start, record.end)
        return
    if require == "receipt":
        records = [r for r in records if not _live(r, parsed, c)]
        if not records:
            return
    if any(not _blank_field(parsed.text, m.start()) for pattern in c.evidence
           for m in pattern.finditer(parsed.text)):
        return
    first = next((r for r in records if r.recipient), records[0])
    yield Finding(first.start, first.end, values={"recipient": first.recipient or "someone"})


def _declined_without_reason(parsed: ParsedNote, c: Compiled, message: str | None) -> Iterator[Finding]:
    """The writer's decision not to share ("I told him I couldn't share anything with
    him") with no reason in its sentence or the next."""
    text = parsed.text
    for pattern in c.declined:
        for m in pattern.finditer(text):
            if parsed.in_quotes(m.start(), m.end()):
                continue
            span = parsed.doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if span is None or not len(span):
                continue
            sentence = span[0].sent
            end = sentence.end_char
            if sentence.end < len(parsed.doc):
                end = parsed.doc[sentence.end].sent.end_char
            if any(r.search(text, sentence.start_char, end) for r in c.declined_reasons):
                continue
            yield Finding(m.start(), m.end(), message=message)


def _shared_after_refusal(parsed: ParsedNote, c: Compiled, records: list[Sharing]) -> Sharing | None:
    """The first record to someone the person said should not have it ("Chloe said she did
    not want the health visitor told ... Later I updated Tommy's health visitor on
    everything"), with no evidence written after that refusal: no reason or basis for
    going ahead, and no later agreement. A refusal that names no one ("which she did not
    want shared") is about what was left out."""
    text = parsed.text
    refused = sorted(m.span() for p in c.refusals for m in p.finditer(text))
    for record in records:
        if not record.recipient:
            continue
        # And whose the recipient is, when it is an organisation: "the school's designated
        # safeguarding lead" is the school's ("I don't want the school thinking ...").
        own = _name_words(record.recipient) | {
            re.sub(r"(?:'|’)s$", "", w) for w in record.recipient.split()
            if w.endswith(("'s", "’s")) and w.islower()}
        before = [r for r in refused if r[1] <= record.start
                  and _name_words(text[r[0]:r[1]]) - REFUSAL_WORDS & own]
        if not before:
            continue
        first = before[0]
        after = [m.span() for p in c.evidence for m in p.finditer(text, first[1])]
        if not any(not any(r[0] <= h[0] < r[1] or h[0] <= r[0] < h[1] for r in refused) for h in after):
            return record
    return None


# The words of a refusal that say what was refused, not whom it was about.
REFUSAL_WORDS = {"did", "didn't", "does", "doesn't", "not", "want", "wanted", "me", "us", "to", "be",
                 "told", "tell", "know", "informed", "shared", "share", "sharing", "contacted", "contact",
                 "have", "passed", "on", "involved", "about", "anything", "this", "that", "it", "any"}


def _name_words(name: str) -> set[str]:
    """The words of a recipient's name, without 'the', 'her', a title or a possessive."""
    return {re.sub(r"(?:'|’)s$", "", w.strip(".,")).lower() for w in name.split()
            if not w.endswith(("'s", "’s"))} - OWNERS - TITLES - {""}


def _same_recipient(a: str, b: str) -> bool:
    """'Dr Kiran Sahota' and 'Dr Sahota', 'the GP' and 'her GP': one word of a name in
    common, other than a title or 'the'."""
    return bool(_name_words(a) & _name_words(b)) or a.lower() == b.lower()


def _bound(parsed: ParsedNote, span: tuple[int, int], record: Sharing) -> bool:
    """Whether evidence found at ``span`` is part of what the record's own verb says: in
    its clause ("gave her the account so she could do a medical", "agreed to this" after
    it), or over it ("Beryl agreed that I refer her to the carers' centre"); not beside it
    in the sentence ("I phoned his son, with Harold's agreement, and told him ...")."""
    sentence = record.sentence
    if not (sentence.start_char <= span[0] < sentence.end_char):
        return False
    verb = record.verb if record.verb is not None else parsed.doc.char_span(
        record.start, record.end, alignment_mode="expand")[0]
    words = [t for t in sentence if span[0] <= t.idx < span[1]]
    own = {t.i for t in verb.subtree} | {t.i for t in verb.head.subtree if t.head.i == verb.head.i
                                          and t.dep_ == "conj" and t.i > verb.i}
    above = {a.i for a in verb.ancestors}
    return any(t.i in own or t.i in above for t in words) or any(
        t.i in {x.i for w in words for x in w.subtree} for t in [verb])


def _scope(sentence, c: Compiled, person: set[str]) -> list[tuple[str, str]]:
    """Whom a sentence that records no sharing is about contacting or telling: "He gave me
    permission in writing to contact Joyce", "Next: call Joyce Ansah (consent held)",
    "discuss with my manager whether ... under the self-neglect procedure". Its consent or
    purpose is for them. Each with the verb's lemma."""
    found = []
    for verb in sentence:
        # ("to contact Joyce": the tagger can read "contact" as a noun after "to".)
        if verb.pos_ not in ("VERB", "AUX") and not any(
                t.dep_ == "aux" and t.lower_ == "to" for t in verb.children):
            continue
        word = verb.lemma_.lower()
        if not (word in CALL_VERBS or verb.lower_ in CALL_VERBS or word in c.trigger_words
                or verb.lower_ in c.trigger_words):
            continue
        # The writer's own contact ("to contact Joyce", "I will call Joyce", "you can tell
        # ..."), not someone else's ("Riley told Mrs Pettifer").
        subject, governing = _subject(verb), verb
        while subject is None and governing.dep_ == "xcomp" and governing.head.i != governing.i:
            governing = governing.head  # "the police need to speak to Kai": the police's
            subject = _subject(governing)
        # "She agreed to me speaking to Mr Greaves": the writer's, named just before it.
        mine = verb.i > sentence.start and verb.doc[verb.i - 1].lower_ in ("me", "us")
        if subject is not None and not (is_one_of(subject, c.writers) or subject.lower_ == "you"
                                        or subject.tag_ == "CD" or mine):
            continue
        who = list(_addressees(verb))
        who += [t for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "with"
                for t in prep.children if t.dep_ == "pobj"]
        for token in who:
            if token.pos_ == "PRON" or token.lower_ in person or is_one_of(token, c.not_recipients) \
                    or is_one_of(token, c.writers):
                continue
            # Someone named ("Joyce Ansah"), or someone in the writer's own service ("my
            # manager"): a role alone ("the doctor") may be the recipient under another name.
            if token.pos_ == "PROPN" or _internal(_name(token), sentence, c):
                found.append((_name(token), verb.lemma_.lower()))
    # "She agreed to a referral to the IDVA service": the event's own recipient.
    for noun in sentence:
        if noun.lemma_.lower() not in c.event_nouns:
            continue
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                for token in prep.children:
                    if token.dep_ == "pobj" and (is_one_of(token, c.recipients) or token.pos_ == "PROPN") \
                            and token.lower_ not in person and not is_one_of(token, c.not_recipients):
                        found.append((_name(token), noun.lemma_.lower()))
    return found


# Verbs a consent, a request or a wish can be for, besides the triggers and calls: "with his
# agreement the letter went to the GP", "She agreed, with her daughter's permission".
ACTS_OF_SHARING = {"agree", "consent", "ask", "request", "go", "say", "want", "wish", "do"}


def _for_another_act(token, c: Compiled) -> bool:
    """Evidence in a phrase that says whose say-so something else was done with: "With her
    permission I looked in her mouth", "His niece was there at Leonard's request". The
    phrase (with, without, at, on) hangs on a verb that neither shares, contacts nor tells."""
    t = token
    while t.dep_ != "prep" and t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    if t.dep_ != "prep" or t.lower_ not in ("with", "without", "at", "on"):
        return False
    verb = t.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    words = {verb.lower_, verb.lemma_.lower()}
    return not (words & (set(c.trigger_words) | c.event_nouns | ACTS_OF_SHARING | TELL_VERBS)
                or verb.lower_ in CALL_VERBS or verb.lemma_.lower() in CALL_VERBS)


def _per_recipient(parsed: ParsedNote, rule, c: Compiled, records: list[Sharing]) -> Iterator[Finding]:
    """The rule's check with each recipient's record answered on its own (see
    ``evidence_per_recipient``): reported at the first record nothing answers."""
    o, text = rule.options, parsed.text
    named = [r for r in records if r.recipient]
    checked = named or records[:1]
    if o.require == "receipt":
        checked = [r for r in checked if not _live(r, parsed, c)]
        if not checked:
            return
    hits = [m.span() for p in c.evidence for m in p.finditer(text) if not _blank_field(text, m.start())]
    person = _subject_words(parsed, c) | _family_names(parsed.doc, c)

    def tells_person(r: Sharing) -> bool:
        # "I told Amara and Mrs Asante what I had sent": the person is among those told, so
        # it is their telling, not another recipient's record; and so is telling someone of
        # the sharing ("I told Ellie I had sent it", "told Mr Kowalski what I had sent").
        if r.verb is None:
            return False
        if any(t.lower_ in person for t in _addressees(r.verb)):
            return True
        return (r.verb.lemma_.lower() in TELL_VERBS or r.verb.lower_ in TELL_VERBS) and any(
            t.i != r.verb.i and t.tag_ in ("VBD", "VBN") and
            (t.lower_ in c.trigger_words or t.lemma_.lower() in c.trigger_words)
            for t in r.verb.subtree)

    def relative(r: Sharing) -> bool:
        return bool(set((r.recipient or "").lower().split()) & c.adult_relatives)

    claiming = [r for r in named if not tells_person(r)]
    checked = [r for r in checked if r not in named or not tells_person(r)] or checked[:1]
    recorded = {r.sentence.start_char for r in records}
    scopes = {}
    for record in checked:
        # An adult's relative told ("I phoned his son and told him about the fall") is
        # answered by the whole note, as a next of kin is told as part of the person's care.
        others = [] if relative(record) else [
            r for r in claiming if r.sentence.start_char != record.sentence.start_char
            and not _same_recipient(r.recipient, record.recipient or "")]
        def answers(h) -> bool:
            if any(_bound(parsed, h, r) for r in others):
                return False
            sentence = parsed.doc.char_span(h[0], h[1], alignment_mode="expand")
            if sentence is None or not len(sentence):
                return True
            words = sentence
            sentence = sentence[0].sent
            if sentence.start_char in recorded:
                return True
            if _for_another_act(words[0], c):
                return False  # "With her permission I looked in her mouth": not for sharing
            if sentence.start_char not in scopes:
                scopes[sentence.start_char] = _scope(sentence, c, person)
            # "He gave me permission to contact Joyce": consent for Joyce, not the landlord.
            # (Nor for her son: "She agreed to me speaking to Mr Greaves" does not answer
            # for "I rang her son and told him about the withdrawals".)
            scope = scopes[sentence.start_char]
            if relative(record) and not scope:
                return True
            # The same one when a word of its name is in the record ("Mia's school" and "Mr
            # Adeyemi, head of year 8 at Thornley High School").
            # Or the same act: "Zofia agreed to me referring her to Wrenfield Domestic Abuse
            # Service" and "I made the referral by phone to Chloe Dunne".
            said = {w.lower() for w in re.findall(r"[\w-]+", record.sentence.text)}
            act = (record.verb.lemma_ if record.verb is not None else text[record.start:record.end]).lower()
            return not scope or any(_same_recipient(who, record.recipient or "") or
                                    _name_words(who) & said or lemma[:4] == act[:4]
                                    and not any(_same_recipient(who, r.recipient) for r in others)
                                    for who, lemma in scope)

        if any(answers(h) for h in hits):
            continue
        if _answered(parsed, o, c, records, {r.sentence.start_char for r in others}):
            continue
        yield Finding(record.start, record.end, values={"recipient": record.recipient or "someone"})
        return


def _insecure(parsed: ParsedNote, c: Compiled) -> Iterator[Finding]:
    text, doc = parsed.text, parsed.doc
    if not any(pattern.search(text) for pattern, _ in c.channels):
        return  # most notes name no insecure channel: no need to look at their sentences
    subjects = {s.lower() for name in parsed.note.subjects for s in name.split()}
    named = _subject_words(parsed, c) if any(ch.names_person for _, ch in c.channels) else set()

    def sending(token) -> bool:
        return token.tag_.startswith("VB") and bool(
            c.trigger_words.get(token.lower_) or c.trigger_words.get(token.lemma_.lower()))

    def sent_by_writer(token) -> bool:
        # Not a participle describing something found or shown: "messages from a number
        # saved as 'Bossman'".
        if token.dep_ == "acl" and token.head.dep_ in ("pobj", "dobj", "attr", "appos"):
            return False
        if token.tag_ == "VBG" and _subject(token) is None:
            # "She keeps her sister up to date by emailing her from her Hotmail": hers.
            governing = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX") and _subject(a) is not None), None)
            if governing is not None and not is_one_of(_subject(governing), c.writers):
                return False
        return _by_writer(token, c, subjects) and _recorded_not_planned(token, c) and \
            not _requested(token)

    for sentence in doc.sents:
        start, end = sentence.start_char, sentence.end_char
        hits = [(m, channel) for pattern, channel in c.channels
                for m in pattern.finditer(text, start, end)]
        if not hits:
            continue
        senders = [t for t in sentence if sending(t)]
        if not senders:
            continue
        details = _names_case_details(text, start, end, c)
        for match, channel in hits:
            if channel.case_details and not details:
                continue
            if channel.names_person and not set(re.findall(r"[\w'’-]+", match.group().lower())) & named:
                continue  # "subject line 'Review minutes, ref 4471'": no name in it
            # The verb this channel belongs to decides ("I did not send it by WhatsApp;
            # I posted it"); failing that, any sending verb in the sentence.
            span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
            token = span[0] if span is not None and len(span) else None
            verb = None if token is None else next(
                (a for a in [token, *token.ancestors] if sending(a)), None)
            if token is not None and _requested(token):
                continue  # "She asked me to WhatsApp it to her": her request
            if token is not None and channel.case_details and token.pos_ == "NOUN" and \
                    token.dep_ in ("dobj", "conj", "appos") and any(
                        t.dep_ in ("det", "poss") and t.lower_ in ("the", "his", "her", "their", "that", "this")
                        or t.dep_ == "poss" for t in token.children):
                continue  # "I gave his name, address and the text to his sister": a message passed on
            if not (sent_by_writer(verb) if verb is not None else any(map(sent_by_writer, senders))):
                continue
            yield Finding(match.start(), match.end(), message=channel.message)


def _names_case_details(text: str, start: int, end: int, c: Compiled) -> bool:
    """Whether the sentence names case material, other than in saying the message had
    none: "I texted Steve (no personal details) to say the call had been made"."""
    denied = [m.span() for p in c.no_details for m in p.finditer(text, start, end)]
    return any(not any(a <= m.start() and m.end() <= b for a, b in denied)
               for p in c.case_details for m in p.finditer(text, start, end))
