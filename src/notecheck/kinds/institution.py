"""institution-source: a claim whose only source is a service, with no one in it named.

"Police say he is dangerous", "School report she is fine", "Surgery are worried about
self-neglect": a named agency is a source, but not one the next reader can go back to or
weigh. Who said it (a name or role), when, and what they saw are missing. The sentence, or
the sentences near it in its paragraph, naming a person, a role or a date answers it; so does a count or a quote of
what was seen.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck import dates
from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.language import has_count, reported_by_someone_else
from notecheck.kinds.terms import Terms


class InstitutionOptions(Options):
    # The services a claim may be put down to: police, school, health, surgery, agency.
    institutions: list[str] = Field(min_length=1)
    # What they are said to have said or thought: say, report, state, feel, believe.
    # 'be' with one of these as its complement counts too: "Surgery are worried".
    verbs: list[str] = Field(min_length=1)
    # Words that name someone in the service: roles (teacher, officer, nurse) and the
    # titles only staff have (PC, Dr). Anywhere in the paragraph, one answers the rule.
    people: list[str] = []
    # A name answers it as the subject of one of these, or of one of ``verbs``: "Ms Khan
    # rang at 9am", "Jo Platt said". "Mr Lee is not eating" names the person, not a source.
    contact_verbs: list[str] = []
    # Words for the family, which the parser may read as names ("Mum says ..."): in
    # another sentence than the claim's, what they say names no one in the service.
    family: list[str] = []
    # Words a number can go with that make it a time, not a count of what was seen:
    # "7 days' notice", "3pm".
    time_words: list[str] = []
    # A call or email from a service that brings a claim with it: "School called with
    # some concerns about Mikey", "Police emailed to say he is back". The verbs of getting
    # in touch, and the nouns of what came with the call ("with concerns").
    contact_claim_verbs: list[str] = []
    contact_claim_nouns: list[str] = []
    # Services whose knowing someone is what they hold on them: "Kane is known to police"
    # says police have something, but not who said so, what or when. (Not "known to the
    # team" or "known to CSC": the writer's own records.)
    known_to: list[str] = []
    # Counts said as one word ("late twice this week"), which a count of what was seen
    # answers as "12 absences" does.
    count_words: list[str] = []
    # How far around the claim, in sentences of its paragraph, a person named answers it:
    # the sentence before ("PC Daniels rang at 9am. Police believe she is at his flat."),
    # not a name four lines on that says something else. None: the whole paragraph.
    sentences_before: int | None = None
    sentences_after: int | None = None
    # Nouns for a view, as the subject of 'is that ...' with the service as its owner:
    # "The day centre's view is that he is no longer suitable", "the school's concern is".
    view_nouns: list[str] = []
    # Verbs of telling that, with no one told and nothing said, are a note's passive:
    # "Police informed at 20:35 as the protocol requires" (police were told).
    told_verbs: list[str] = []
    # Of those, the verbs that, said by someone, always name who was told ("Police told
    # me", "school informed us"): with no one told, even with what was told, the service is
    # the one told, in a note's passive: "22:30 Police informed she is back".
    told_object_verbs: list[str] = []
    # Objects that name no claim, only that something was passed on: "Police and school
    # shared what they hold", "school shared the information".
    no_claim_objects: list[str] = []
    # Titles that, in another sentence than the claim's, make a name someone in a service
    # ("Ms Khan said ..."); without one or a role, a name there is the family's ("Carla
    # told me ..."), and a role answers only when it says or gets in touch.
    titles: list[str] = []
    # What a service says it will do is an arrangement, not a claim to source: "The
    # equipment service has said it will be delivered by 6 November", "Agency say ... they
    # will hand back the package". The clause's subject (one of these, or the service's
    # word) with one of ``plan_modals``. ("The hospital have said he will need two carers"
    # is a view of him.)
    plan_subjects: list[str] = []
    plan_modals: list[str] = []
    # Titles and roles that, in another sentence, tie someone to a service without its
    # word: "DC Tasker said ... Police believe", "Ms Khan, the class teacher ... School
    # say". Each service with its roles.
    service_roles: dict[str, list[str]] = {}


def compile_institution(rule) -> dict:
    o = rule.options
    return {"institutions": Terms(o.institutions, "institutions"), "verbs": Terms(o.verbs, "verbs"),
            "people": Terms(o.people, "people"), "family": Terms(o.family, "family"),
            "contact_verbs": Terms(o.contact_verbs, "contact_verbs"), "time_words": Terms(o.time_words, "time_words"),
            "contact_claim_verbs": Terms(o.contact_claim_verbs, "contact_claim_verbs"),
            "contact_claim_nouns": Terms(o.contact_claim_nouns, "contact_claim_nouns"),
            "known_to": Terms(o.known_to, "known_to"), "count_words": Terms(o.count_words, "count_words"),
            "told": Terms(o.told_verbs, "told_verbs"), "told_object": Terms(o.told_object_verbs, "told_object_verbs"),
            "no_claim": Terms(o.no_claim_objects, "no_claim_objects"),
            "titles": Terms(o.titles, "titles"),
            "plan_subjects": Terms(o.plan_subjects, "plan_subjects"), "plan_modals": Terms(o.plan_modals, "plan_modals"),
            "service_roles": {k.lower(): Terms(v, "service_roles") for k, v in o.service_roles.items()},
            "people_list": [p.lower() for p in o.people], "before": o.sentences_before, "after": o.sentences_after, "view_nouns": Terms(o.view_nouns, "view_nouns")}


def needs(rule) -> set[str]:
    return {"parse", "lemma", "pos"}


# What was said or thought, below the verb: "Police say [he is dangerous]", "School told
# [me] ...", "worried [about] ...". "Police informed and will visit" says nothing.
_SAID = {"ccomp", "xcomp", "dobj", "advcl", "acomp"}


def _claim(token, c):
    """(the service, its verb) when a service says or thinks something: "[Police] [say]
    he is dangerous", "[Surgery] [are] worried about ...", and the note style the parser
    reads as a noun: "[School] [report] she is fine"."""
    if token.lower_ == "known" and (service := _known_to(token, c)) is not None:
        return service, token  # "Kane is known to police"
    if token.lemma_ == "be" and (service := _view_of(token, c)) is not None:
        return service, token  # "The day centre's view is that ..."
    if token.lemma_ == "be":
        if not any(ch.dep_ == "acomp" and c["verbs"].has(ch) for ch in token.children):
            return None
    elif c["contact_claim_verbs"].has(token) and token.pos_ == "VERB":
        return _contact_claim(token, c)
    elif not c["verbs"].has(token):
        return None
    if token.pos_ in ("VERB", "AUX"):
        if any(ch.dep_ == "mark" or (ch.dep_ == "aux" and ch.tag_ in ("MD", "TO")) for ch in token.children):
            return None  # "if police advise ...", "police would not tell him", "Police to share": no claim
        agent = _institution_agent(token, c)
        if agent is not None:
            return agent, token  # "No concerns raised by school", "it was reported by police"
        if token.tag_ == "VBN" and not any(ch.dep_ == "aux" for ch in token.children):
            return None  # a note's clipped passive: "School and GP informed of outcome"
        subject = next((ch for ch in token.children if ch.dep_ == "nsubj"), None)
        if subject is None or not c["institutions"].has(subject):
            return None
        said = [ch for ch in token.children if ch.dep_ in _SAID and not (
            ch.dep_ == "advcl" and any(g.dep_ == "mark" for g in ch.children))]  # not "because ...", "if ..."
        if not said:
            return None
        if c["told"].has(token) and not any(ch.dep_ in ("dobj", "dative", "ccomp", "xcomp") for ch in said + [
                ch for ch in token.children if ch.dep_ == "dative"]):
            return None  # "Police informed at 20:35": police were told
        if c["told_object"].has(token) and not any(ch.dep_ in ("dobj", "dative") for ch in token.children):
            return None  # "22:30 Police informed she is back": police were told that
        if all((ch.dep_ == "dobj" and c["no_claim"].has(ch) and not any(g.dep_ in ("acl", "relcl")
                                                                        for g in ch.children))
               or (ch.dep_ == "ccomp" and c["no_claim"].has(ch.left_edge)) for ch in said):
            return None  # "School shared the information", "Police and school shared what they hold"
        if c["plan_modals"] and all(ch.dep_ == "ccomp" and _own_plan(ch, c) for ch in said):
            return None  # "The equipment service has said it will be delivered by Friday"
        return subject, token
    if token.tag_ in ("NN", "NNS") and token.head.i > token.i and token.head.pos_ in ("VERB", "AUX"):
        service = next((ch for ch in token.children if ch.dep_ == "compound" and ch.i == token.i - 1
                        and c["institutions"].has(ch)), None)
        if service is not None and (service.i == token.sent.start or token.doc[service.i - 1].is_punct):
            return service, token
    return None


def _own_plan(clause, c) -> bool:
    """Is this what the service will do: "[they will hand back the package]", "[it will be
    delivered by 6 November]"?"""
    subject = next((g for g in clause.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    if clause.lemma_ == "be":
        return False  # "School said it would be better if Mum ...": a view
    return subject is not None and (c["plan_subjects"].has(subject) or c["institutions"].has(subject)) and any(
        g.dep_ == "aux" and c["plan_modals"].has(g) for g in clause.children)


def _in_account(verb, c) -> bool:
    """Is this service's claim inside what someone else said: "She said [his nursery had
    mentioned something similar]"? (Not "I said", the writer.)"""
    if verb.dep_ != "ccomp" or not c["verbs"].has(verb.head):
        return False
    speaker = next((ch for ch in verb.head.children if ch.dep_ == "nsubj"), None)
    return speaker is not None and speaker.lower_ not in ("i", "we") and not c["institutions"].has(speaker)


def _view_of(verb, c):
    """The service in "[the day centre]'s view is that ...": a view owned by a service,
    given as what a 'that' clause says."""
    view = next((ch for ch in verb.children if ch.dep_ == "nsubj" and c["view_nouns"].has(ch)), None)
    if view is None or not any(ch.dep_ == "ccomp" and any(g.dep_ == "mark" and g.lower_ == "that"
                                                          for g in ch.children) for ch in verb.children):
        return None
    return next((ch for ch in view.children if ch.dep_ == "poss" and c["institutions"].has(ch)), None)


def _known_to(token, c):
    """The service in "known to [police]", if it is one of ``known_to``."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "to":
            service = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if service is not None and c["known_to"].has(service):
                return service
    return None


def _contact_claim(verb, c):
    """(the service, its verb) for a call that brings a claim: "[School] [called] with
    some concerns", "[Police] [rang] to say he is back". Not "Police called at 9pm"."""
    if any(ch.dep_ == "mark" or (ch.dep_ == "aux" and ch.tag_ in ("MD", "TO")) for ch in verb.children):
        return None
    subject = next((ch for ch in verb.children if ch.dep_ == "nsubj"), None)
    if subject is None or not c["institutions"].has(subject):
        return None
    for child in verb.children:
        if child.dep_ == "xcomp" and c["verbs"].has(child):
            return subject, verb
        if child.dep_ == "prep" and child.lower_ in ("with", "about") and any(
                g.dep_ == "pobj" and c["contact_claim_nouns"].has(g) for g in child.children):
            return subject, verb
    return None


def _institution_agent(verb, c):
    """The service in a passive's 'by' phrase, when it is the only one named: "[concerns]
    raised by [school]", "it was reported by [the police] that ...". Not "reported by
    the school nurse" (a role: "nurse" is the object) or "by Westfield School" (the
    parser reads a named school as a proper noun; its staff are asked for in the
    paragraph, as for any claim)."""
    if verb.tag_ != "VBN":
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            service = next((g for g in child.children if g.dep_ == "pobj"), None)
            if service is not None and c["institutions"].has(service) and not any(
                    g.dep_ in ("conj", "appos") for g in service.children):
                return service
    return None


def _as_a_source(token, c) -> bool:
    """Is this word (or the name it is part of) someone who says or does something ("PC
    Daniels rang", "a call from her teacher", "reported by the nurse"), not someone things
    are done to ("Info shared with school and GP")?"""
    node = token
    while node.dep_ in ("compound", "appos", "conj", "poss", "amod") and node.head.i != node.i:
        node = node.head
    if node.dep_ == "nsubj" and c["titles"]:
        # saying or getting in touch, not "her own GP started her on tablets"
        # (or a verb joined to it: "Children's social care (Sharon Leigh) attended and confirmed")
        heads = [node.head, *(v for v in node.head.children if v.dep_ == "conj")]
        return any(terms.has(h) for h in heads for terms in (c["verbs"], c["contact_verbs"], c["contact_claim_verbs"]))
    if node.dep_ in ("nsubj", "nsubjpass"):
        return True
    return node.dep_ == "pobj" and node.head.lower_ in ("by", "from")


def _titled(name, c) -> bool:
    """Is this name given with a title or role ("Ms Khan", "PC Ray", "Amy Clarke, the
    school nurse"), not a first name alone ("Carla told me"), as a note names the family?"""
    words = [g for g in name.subtree if g.i <= name.i] + [g for g in name.children if g.dep_ == "appos"]
    return any(c["titles"].has(g) or c["people"].has(g) for g in words) or any(
        c["people"].has(g) for a in name.children if a.dep_ == "appos" for g in a.subtree)


def _of_the_service(token, span, service, c) -> bool:
    """In another sentence than the claim's, is this person tied to the service — its word
    on the same line ("DC Tasker (Quarrington police)", "Ms Khan from the school said"),
    or getting in touch ("PC Daniels rang at 9am")? A person giving their own account
    ("Mrs Greatorex said ...", "The ward OT, Neha Bassi, said ...") or listed as there
    ("Present: ... DC Tasker (police)") is the source of that, not of what "Health said"."""
    node = token
    while node.dep_ in ("compound", "appos", "conj", "poss", "amod") and node.head.i != node.i:
        node = node.head
    word = service.lemma_.lower()
    roles = c["service_roles"].get(service.lower_, c["service_roles"].get(word))
    person = [token, *token.subtree, *(g for a in token.children if a.dep_ == "appos" for g in a.subtree)]
    if roles is not None and any(roles.has(g) for g in person):
        return True  # "DC Tasker", "the class teacher": police's, the school's
    others = {r for k, terms in c["service_roles"].items() if k not in (word, service.lower_) for r in terms.words}
    if any(g.lower_ in others or g.lemma_.lower() in others for g in person) and not any(
            g.lemma_.lower() == word or g.lower_ == service.lower_ for g in person):
        return False  # "Referral at 08:15 from Dr Saira Mahmood, GP": health's, not what "Police report"
        # (but "Mrs Patel, the school nurse": the school's)
    if node.dep_ == "nsubj" and (c["contact_verbs"].has(node.head) or c["contact_claim_verbs"].has(node.head)):
        return True
    if node.dep_ == "pobj" and node.head.lower_ == "from":
        return True  # "T/C from DSL at Hollins Brook Primary", "a call from her teacher"
    if any(c["people"].has(g) and g.lower_ not in others and g.lemma_.lower() not in others for g in person) and _as_a_source(token, c):
        return True  # "Sharon Leigh, duty team manager, confirmed ...": a professional who says, not police's
    text = token.doc.text
    # A service named with what kind it is ("[Day] service", "[Health visiting] service")
    # is that one only: a "service manager" on the line is someone else's.
    kinds = {g.lemma_.lower() for g in service.children if g.dep_ in ("compound", "nmod") and g.is_alpha}
    return any((t.lemma_.lower() == word or t.lower_ == service.lower_) and kinds <= {
                   g.lemma_.lower() for g in span if g.i < t.i and t.i - g.i <= 3}
               for t in span
               if t.i != token.i and "\n" not in text[min(t.idx, token.idx):max(t.idx, token.idx)])


def _named_with(subject, c) -> set[int]:
    """Someone named in the service's own phrase, who is a source like any other: "Kestrel
    Housing ([key worker Abdul Rahman]) told me ...", "The school (Ms Khan) said ..."."""
    found = set()
    for node in subject.subtree:
        if node.dep_ == "appos" and any(c["people"].has(g) or c["titles"].has(g) for g in node.subtree):
            found |= {g.i for g in node.subtree}
    return found


def _undated_text(span, skip) -> str:
    """The sentence without what was said: in "housing said there is nothing until
    Friday", Friday is when there may be a room, not when they said it."""
    return "".join(t.text_with_ws for t in span if t.i not in skip)


def _names_someone(span, c, skip, as_source: bool = False, service=None) -> bool:
    """Someone in these words who can be gone back to, or a date: a title or role ("PC
    Ray", "her class teacher", but not the "GP" of "GP surgery"), a name given with one
    ("Amy Clarke, the school nurse"), a name that says something ("Ms Khan said").
    With ``as_source`` (another sentence than the claim's), a role must be someone saying
    or doing something, and a name must say something ("Info shared with GP" names
    neither: "Info" only looks like a name, and nothing is said)."""
    if not as_source and dates.dates_in(_undated_text(span, skip)):
        return True  # when they said it; a date in another sentence is when something else happened
    for t in span:
        if t.i in skip:
            continue
        if as_source and service is not None and not _of_the_service(t, span, service, c):
            continue
        if (c["people"].has(t) and t.pos_ in ("NOUN", "PROPN")  # "Miss", not "missed"
                and not (t.dep_ == "compound" and c["institutions"].has(t.head))
                and (not as_source or _as_a_source(t, c))):
            return True
        if as_source and c["family"].has(t):
            continue  # "Mum says she is doing everything asked": Mum, not the school
        if t.pos_ == "PROPN" and not c["institutions"].has(t) and not (
                as_source and c["titles"] and not _titled(t, c)) and (
                (t.dep_ == "nsubj" and ((c["verbs"].has(t.head) and not (as_source and not any(
                    ch.dep_ in _SAID for ch in t.head.children))) or c["contact_verbs"].has(t.head)))
                or any(ch.dep_ == "appos" and ch.pos_ == "NOUN" and c["people"].has(ch)
                       for ch in t.children)):
            return True
    return False


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    c = rule.compiled
    layout = parsed.layout
    sents = layout.sentences
    for sent in sents:
        if layout.in_heading(sent.start_char):
            continue
        for token in sent:
            found = _claim(token, c)
            if found is None:
                continue
            subject, verb = found
            if reported_by_someone_else(parsed, verb, c["verbs"]) or _in_account(verb, c):
                continue  # "Mum said school are worried": her account, quoted or not
            # The service's own name ("Westfield School") is not a person in it.
            skip = {subject.i} | {ch.i for ch in subject.subtree} - _named_with(subject, c)
            # Nor is someone the claim is about: "The provider has confirmed that [the worker]
            # has been taken off her calls".
            skip |= {g.i for ch in verb.children if ch.dep_ == "ccomp" and ch.i > verb.i for g in ch.subtree}
            # Anywhere in its paragraph: "PC Daniels rang to report Skye missing ... Police
            # believe she has gone to his flat."
            paragraph = layout.paragraph(sent.start_char)
            around = [s for s in sents if layout.paragraph(s.start_char) == paragraph]
            at = next(i for i, s in enumerate(around) if s == sent)
            around = around[at - c["before"] if c["before"] is not None and at >= c["before"] else 0:
                            at + 1 + c["after"] if c["after"] is not None else len(around)]
            # In another sentence, a role is the source only when it says or does something:
            # "Info shared with school and GP" names who was told, not who said it.
            if any(_names_someone(s, c, skip, as_source=s != sent, service=subject) for s in around) or has_count(
                    sent, c["time_words"], not_years=True) or any(c["count_words"].has(t) for t in sent):
                continue
            if any(sent.start_char < q_end and q_start < sent.end_char for q_start, q_end in parsed.quotes):
                continue  # their words, quoted: what was said is on the record
            if subject.i > verb.i:  # a passive with the service as its agent: "raised by school"
                yield Finding(verb.idx, subject.idx + len(subject))
                break
            start = min((t for t in subject.subtree if not t.is_punct and not t.is_space
                         and not (t.like_num or dates.dates_in(t.text))),
                        key=lambda t: t.i, default=subject)  # not a log's "18/11/2026 -"
            yield Finding(start.idx, verb.idx + len(verb))
            break
