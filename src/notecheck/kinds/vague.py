"""vague: words that tell the next reader nothing ("no concerns", "a lot"), except in
the person's own words.

Like ``phrase``, but a term inside quotation marks, or in what the note's subject said
("Jamie said everything was fine"), is their account and is left alone. What someone
else is reported to have said ("carers report no concerns") is still the writer's
summary, and is flagged. Without 'subject' metadata the person named most often is taken
to be the subject (with ``infer_subject``); when no one is named, any reported speech is
left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from notecheck.kinds import subject
from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.language import english, has_count, name_parts, reporting_verb, subject_of
from notecheck.kinds.terms import Terms, TermText
from notecheck.kinds.verdicts import Verdict, compile_verdicts, find_verdicts


class VagueTerm(Options):
    # One word or phrase, or a list of wordings that share the rest of the entry:
    # [basic needs met, basic needs were met].
    term: TermText
    suggestion: str | None = None
    # A term that points back to the reader's own conversation ("As discussed on the
    # phone, ...") is clear in a message written to them (an email or letter that opens
    # "Hi Mel," or "Dear Dr Shah,"): it is left alone there.
    clear_to_addressee: bool = False
    # A finding that names what it is about and rests on a figure ("8.1 kg, on the 50th
    # centile. She has no concerns about Maisie's weight"; "no concerns about the skin on
    # her heels ...; the sore measures 1 cm by 1 cm") says what was checked and what was
    # found: the term passes when one of topic_words follows it and a count or measurement
    # is in its sentence or the one before it in the same paragraph.
    pinned_by_count: bool = False
    # A word of agreement as well as of state ("OK", "alright"): flagged only as how
    # someone or something is, looked or went ("skin looked OK", "mobilising OK"), not as a
    # reply or a status ("OK, thanks", "VALIDATION: OK"); said of 'it', 'that' or 'this'
    # (one of agreement_subjects: "Mum said that was OK") it is consent.
    agreement: bool = False
    # A word too common to flag everywhere ("some"), flagged only when what it counts is
    # one of these, where the amount matters: "ate some lunch", "some money has gone
    # missing", "some bruising", "spent some of his money".
    only_of: list[str] = []
    # A word too common to flag everywhere ("incident"), flagged only as the whole of a
    # dated entry: a line opened by a date or time, with no verb, ended by a full stop
    # ("04/11 - Incident at day centre."), which names an event and says nothing of it.
    # "Incident at school: Jamie pushed Ben", "DA incident at 22 Linden Road at 23:15.
    # Police attended ..." (what happened, after it), a lead-in line ("Incident approx
    # 18:30.") and a heading without a full stop pass.
    entry_only: bool = False


class VagueOptions(Options):
    terms: list[VagueTerm] = Field(min_length=1)
    speech_verbs: list[str] = Field(min_length=1)
    # For vague amounts: a count in the same sentence answers the question
    # ("she drinks a lot, about four cans a night"). Times and dates are not counts.
    count_in_sentence_passes: bool = False
    time_words: list[str] = []
    # A term followed within two words by one of these is a time, which the timeliness
    # rules find: "a few weeks ago" says when, not how much.
    not_followed_by: list[str] = []
    # Words right before a term that make it a question, not a vague answer: "I will ask
    # how often Dean sees Alfie" says what is not yet known.
    not_after: list[str] = []
    # Words right after a term that make the phrase exact, or a set term of its own: "all
    # day Saturday" (the whole of a named day), "within a few seconds" (too short a time
    # to need counting), "heavily pregnant" (late in pregnancy, not an amount).
    not_before: list[str] = []
    # Words that open a question: a term in a clause they open ("I asked if he was OK",
    # "whether it went OK") is what the writer asked, not their answer.
    not_in_questions: list[str] = []
    # See VagueTerm: the words after a pinned term that say what it is about ("no
    # concerns about ...", "that ...", "with ...").
    topic_words: list[str] = []
    # See VagueTerm: a pinned term that names its topic is also pinned when the next
    # sentence, in the same paragraph, is the writer saying what they saw or checked ("No
    # concerns about the equipment itself. I saw the hoist service sticker dated 2
    # October"): its main verb one of these, its subject 'I' or 'we'.
    seen_verbs: list[str] = []
    # See VagueTerm: who a word of agreement is said of when it is consent ("that was OK").
    agreement_subjects: list[str] = []
    # A term inside the agent of a passive ("it is believed by a number of people") counts
    # who holds the view: a vague source, which the attribution rules report.
    leave_agents: bool = False
    # Without 'subject' metadata, the person named most often is taken to be who the note
    # is about, so that what others said ("Mum said Nan comes round a lot") is still the
    # writer's summary. These capitalised words are never that person: Mum, Monday.
    infer_subject: bool = False
    not_names: list[str] = []
    # Words that open a note written to the person ("Dear Amira,"): there, what 'you' said
    # ("You told me you worry a lot") is their own account.
    addressed_by: list[str] = []
    # A pasted header's label for the person the note is about ("Child: Bonnie Aspinall (7
    # months)", "Adult: Harold Bywater (91)"): without 'subject' metadata, that person is
    # the subject, ahead of whoever is named most often (the health visitor who rang).
    header_labels: list[str] = []
    header_titles: list[str] = []
    # A term explained straight after it: a colon (or dash) and then figures or dates
    # ("seen there often: police logged sightings on 14, 21 and 28 October") gives the
    # count itself.
    pinned_after: list[str] = []
    # A term in a title-cased name ("the Frequently Asked Questions leaflet", "a Good Deal
    # Club") is part of that name, not the writer's wording.
    skip_in_names: bool = False
    # A grade written with a capital where no sentence starts, as a set rating: said with
    # one of these words ("the Care Quality Commission rated the home Good", "an Adequate
    # rating", "passed with a Satisfactory grade"). The rating is the inspector's or the
    # course's, not the writer's summary. Matched on the word's lemma.
    rating_words: list[str] = []
    # A summary that grades without saying what was seen, found from the parse: "Contact
    # went well", "Interaction was good throughout", "Good day.", "Outcomes achieved",
    # "Training discussed." (see kinds/verdicts.py). Left alone, like a term, in the
    # person's own words, in a question, and with a count in its sentence or figures after
    # a colon ("Ate well: two bowls of cereal").
    verdicts: list[Verdict] = []
    # What a vague amount counts, when the count does not matter: "communicates with some
    # words, a picture book and a few Makaton signs" says how, not how many. A term whose
    # noun (or the noun after 'of') is one of these is left alone.
    not_counting: list[str] = []
    # A vague count of things followed, in its sentence, by one of these and then the
    # things themselves is pinned by its list: "several agencies were there: police, the
    # school and the GP", "several referrals (police in May, school in June)". Only a term
    # that counts a noun: "Dad often shouts at them: Jamie, Kayla and Ben" names whom, not
    # how often.
    listed_after: list[str] = []


def compile_vague(rule) -> dict:
    o = rule.options
    return {"terms": Terms([t.term for t in o.terms], "terms", key="term"),
            "speech": Terms(o.speech_verbs, "speech_verbs"),
            "time_words": Terms(o.time_words, "time_words"),
            "not_after": Terms(o.not_after, "not_after"),
            "not_before": Terms(o.not_before, "not_before"),
            "not_followed_by": Terms(o.not_followed_by, "not_followed_by"),
            "questions": Terms(o.not_in_questions, "not_in_questions"),
            "topics": Terms(o.topic_words, "topic_words"),
            "seen": Terms(o.seen_verbs, "seen_verbs"),
            "agreeing": Terms(o.agreement_subjects, "agreement_subjects"),
            "not_names": Terms(o.not_names, "not_names"),
            "rating": Terms(o.rating_words, "rating_words"),
            "header_labels": subject.header_labels(o.header_labels),
            "header_name": subject.header_name(o.header_titles),
            "pinned_after": set(o.pinned_after),
            "verdicts": compile_verdicts(o.verdicts),
            "not_counting": Terms(o.not_counting, "not_counting"),
            "listed_after": Terms(o.listed_after, "listed_after"),
            "only_of": {i: Terms(t.only_of, f"terms[{i}].only_of") for i, t in enumerate(o.terms)
                        if t.only_of}}


def needs(rule) -> set[str]:
    return {"parse", "lemma", "pos"}


PRONOUNS = english("speaker_pronouns")
MESSAGE_LINES = 8  # email headers ("From:", "To:", "Subject:") may come before "Hi Mel,"


def _a_message(parsed: ParsedNote, openers: list[str]) -> bool:
    """Whether the note is a message written to someone: a salutation line of its own
    ("Hi Mel,", "Dear Dr Shah,") within its first few lines."""
    openers = {w.lower() for w in openers}
    lines = [line.strip() for line in parsed.text.split("\n") if line.strip()][:MESSAGE_LINES]
    for line in lines:
        words = line.replace(",", " ").split()
        if 2 <= len(words) <= 4 and words[0].lower() in openers and words[1][:1].isupper() \
                and line.endswith((",", "!")):
            return True
    return False


def _their_own_words(parsed: ParsedNote, span, speech: Terms, names, addressed: bool = False) -> bool:
    if parsed.in_quotes(span.start_char, span.end_char):
        return True
    verb = reporting_verb(span.root, speech)
    if verb is None:
        return False
    if verb.dep_ == "conj" and verb.head.dep_ == "relcl":
        # "showed me the bathroom, where the new rail is, and told me that ...": 'told' is
        # hung on the relative clause by the parser but goes with the sentence's main verb.
        verb = verb.sent.root
    speaker = subject_of(verb)
    if speaker is None:
        return False
    if addressed and speaker.lower_ == "you":
        return True  # "Dear Amira, ... You told me you worry a lot"
    names = names()
    return not names or speaker.text in names or speaker.lower_ in PRONOUNS or any(
        c.dep_ == "compound" and c.text in names for c in speaker.children)


def _in_source(token) -> bool:
    """Whether the word is in who a passive came from: "believed [by a number of people]",
    "received [from various professionals]" (not "bruises from various falls")."""
    for a in token.ancestors:
        if a.dep_ == "agent":
            return True
        if a.dep_ == "prep" and a.lower_ == "from" and a.head.tag_ == "VBN" and any(
                ch.dep_ == "auxpass" for ch in a.head.children):
            return True
    return False


def _whole_entry(span) -> bool:
    """Whether the term's line is one short dated entry, read from the words rather than
    the parse (which often runs a fragment into the line before): opened by a date or a
    time, no verb and no colon, ended by the one full stop on the line: "04/11/2026 -
    Incident at day centre.", not a lead-in ("Incident approx 18:30.") to what follows."""
    doc = span.doc
    start = span.start
    while start > 0 and "\n" not in doc[start - 1].text:
        start -= 1
    end = span.end
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
    line = [t for t in doc[start:end] if not t.is_space]
    return bool(line) and any(ch.isdigit() for ch in line[0].text) and line[-1].text == "." and sum(t.text == "." for t in line) == 1 and \
        not any(t.pos_ in ("VERB", "AUX") or t.text == ":" for t in line)


def _asked(span, questions: Terms) -> bool:
    """Whether the term is in a clause opened by a question word: "I asked if he was OK"."""
    for node in [span.root, *span.root.ancestors]:
        if any(c.dep_ == "mark" and questions.has(c) for c in node.children):
            return True
    return False


STATE = ("acomp", "attr", "advmod", "oprd")  # "looked OK", "is ok", "mobilising OK"


def _not_a_state(span, subjects: Terms) -> bool:
    """Whether a word of agreement ("OK") is not said of how someone or something is, looked
    or went: a reply or a status ("VALIDATION: OK"), or consent, said of 'it', 'that' or
    'this' ("that was OK", "it was okay for me to see the children")."""
    if span.root.dep_ not in STATE:
        return True
    head = span.root.head
    return head.lemma_ == "be" and any(c.dep_ == "nsubj" and subjects.has(c) for c in head.children)


def _pinned(parsed: ParsedNote, span, c: dict) -> bool:
    """Whether the term names its topic ("no concerns about her weight") and a count or
    measurement is in its sentence or the sentence before it, in the same paragraph."""
    doc = span.doc
    if span.end >= len(doc) or not c["topics"].has(doc[span.end]):
        return False
    sent = span.sent
    if has_count(sent, c["time_words"]):
        return True
    layout = parsed.layout
    if _shown_after(parsed, span, c):
        return True
    if sent.start == 0:
        return False
    before = doc[sent.start - 1].sent
    return layout.paragraph(before.start_char) == layout.paragraph(sent.start_char) and (
        has_count(before, c["time_words"]) or _checked_before(span, before))


FIRST_PERSON = english("first_person")


def _shown_after(parsed: ParsedNote, span, c: dict) -> bool:
    """Whether the next sentence, in the same paragraph, sets out what was seen: the writer
    saying what they saw or checked ("I saw the hoist service sticker dated 2 October"), or
    a count or measurement ("they built a Lego car together for 40 minutes")."""
    if not c["seen"]:
        return False
    doc, sent = span.doc, span.sent
    if sent.end >= len(doc):
        return False
    after = doc[sent.end].sent
    layout = parsed.layout
    return layout.paragraph(after.start_char) == layout.paragraph(sent.start_char) and (
        _seen(after, c["seen"]) or has_count(after, c["time_words"]))


def _seen(sent, verbs: Terms) -> bool:
    """Whether the sentence is the writer saying what they saw or checked: its main verb
    (or one joined to it by 'and') one of ``verbs``, with 'I' or 'we' as its subject."""
    root = sent.root
    for verb in (root, *root.conjuncts):
        if verbs.has(verb) and any(ch.dep_ == "nsubj" and ch.lower_ in FIRST_PERSON for ch in verb.children):
            return True
    return False


def _checked_before(span, before) -> bool:
    """Whether the sentence before sets out, after a colon, what was found about the topic
    the term names: "Pressure area check: heels and sacrum intact, no redness. No concerns
    with pressure areas." The topic's noun is in that sentence, before the colon."""
    doc = span.doc
    topic = next((t for t in doc[span.end + 1:span.sent.end] if t.pos_ in ("NOUN", "PROPN")), None)
    colon = next((t for t in before if t.text == ":"), None)
    if topic is None or colon is None or colon.i + 1 >= before.end - 1:
        return False
    return any(t.lemma_.lower() == topic.lemma_.lower() for t in before if t.i < colon.i)


def _counted(sent, time_words: Terms) -> bool:
    """A count or measurement in the sentence, or a number standing for what is counted:
    "police have identified three of them"."""
    return has_count(sent, time_words) or any(
        t.like_num and t.lower_ != "one" and t.i + 1 < len(t.doc) and t.nbor().lower_ == "of"
        for t in sent)


def _explained_after(span, marks: set[str]) -> bool:
    """Whether a colon or dash right after the term opens figures or dates that pin it:
    "often: police logged sightings on 14, 21 and 28 October". Read to the end of the line
    or the next full stop."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text not in marks:
        return False
    for t in doc[span.end + 1:]:
        if t.text in (".", "!", "?") or "\n" in t.text:
            return False
        if t.like_num or any(ch.isdigit() for ch in t.text):
            return True
    return False


QUANTIFYING = ("det", "amod", "nummod", "quantmod", "advmod", "compound", "nmod", "npadvmod")


def _counted_noun(span):
    """The noun a vague amount counts: "some [words]", "a few Makaton [signs]", "some of
    his [money]", "a number of [referrals]"; None when it counts nothing named."""
    root = span.root
    of = next((c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        return next((c for c in of.children if c.dep_ == "pobj"), None)
    if root.dep_ in QUANTIFYING and root.head.i >= span.end and root.head.pos_ in ("NOUN", "PROPN"):
        return root.head
    if root.pos_ == "NOUN" and root.i == span.end - 1:  # "large withdrawals"
        return root
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and (after.pos_ in ("NOUN", "PROPN") or after.tag_ == "VBG"):
        return after  # "some bruising", parsed as a verb
    return None


def _listed_after(span, markers: Terms) -> bool:
    """Whether, later in the sentence (on the same line), one of ``markers`` opens a list
    of two things or more: a comma or an 'and' or 'or' after it, and three words."""
    sent = span.sent
    rest = span.doc[span.end:sent.end]
    for match in markers.matches(rest):
        words, joined = 0, False
        for t in rest[match.end:]:
            if "\n" in t.text or t.text in (".", "!", "?", ";"):
                break
            words += t.is_alpha
            joined = joined or t.text == "," or t.lower_ in ("and", "or")
        if joined and words >= 3:
            return True
    return False


def _described_after(span, marks: set[str], words: int = 3) -> bool:
    """Whether a colon or dash right after a verdict opens what was seen: "Ate well: a
    full plate of pasta and a yoghurt" (a few words, to the end of the line or sentence)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text not in marks:
        return False
    count = 0
    for t in doc[span.end + 1:]:
        if t.text in (".", "!", "?") or "\n" in t.text:
            break
        count += t.is_alpha
    return count >= words


def _a_set_grade(span, rating: Terms) -> bool:
    """Whether the term is a set rating: capitalised where no sentence starts, with a
    rating word right after it ("an Adequate rating", "a Satisfactory grade") or above it
    in the parse ("rated the home Good")."""
    words = [t for t in span if t.is_alpha]
    if not rating or not words or any(not t.text[:1].isupper() or t.text.isupper() for t in words) \
            or subject.opens_sentence(span[0]):
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return (after is not None and rating.has(after)) or any(rating.has(a) for a in span.root.ancestors)


def _in_a_name(span) -> bool:
    """Whether the term is part of a title-cased name: "the Frequently Asked Questions
    leaflet", "a Good Deal Club card" (its words capitalised where no sentence starts, the
    word after it capitalised too)."""
    words = [t for t in span if t.pos_ != "DET"]
    if not words or any(not t.text[:1].isupper() or t.text.isupper() for t in words) \
            or subject.opens_sentence(span[0]):
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.text[:1].isupper() and after.is_alpha \
        and "\n" not in span[-1].whitespace_


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    c = rule.compiled
    known: list[set[str]] = []

    def names() -> set[str]:
        """Whose own words are left alone; worked out only for reported speech."""
        if not known:
            found = {part for name in parsed.note.subjects for part in name_parts(name)}
            if not found:
                headed = subject.header_person(parsed, c["header_labels"], c["header_name"])
                found = {headed.split()[0]} if headed else set()
            if not found and rule.options.infer_subject:
                inferred = subject.infer_subject(parsed, c["not_names"])
                found = {inferred} if inferred else set()
            known.append(found)
        return known[0]

    doc = parsed.doc
    addressed = subject.addressee(parsed, rule.options.addressed_by) is not None
    message: list[bool] = []
    taken: list[tuple[int, int]] = []
    flagged: list[int] = []  # where a term was reported
    for match in c["terms"].matches(doc):
        span = doc[match.start:match.end]
        taken.append((span.start, span.end))
        if rule.options.terms[match.term].clear_to_addressee:
            if not message:
                message.append(_a_message(parsed, rule.options.addressed_by))
            if message[0]:
                continue
        if any(c["not_followed_by"].has(t) for t in doc[span.end:span.end + 2]):
            continue
        if _their_own_words(parsed, span, c["speech"], names, addressed):
            continue
        if span.start > 0 and c["not_after"].has(doc[span.start - 1]):
            continue
        if span.end < len(doc) and c["not_before"].has(doc[span.end]):
            continue
        if rule.options.leave_agents and _in_source(span.root):
            continue
        term = rule.options.terms[match.term]
        if c["not_counting"] or c["listed_after"] or match.term in c["only_of"]:
            noun = _counted_noun(span)
            if noun is not None and c["not_counting"] and c["not_counting"].has(noun):
                continue
            if noun is not None and c["listed_after"] and _listed_after(span, c["listed_after"]):
                continue
            if match.term in c["only_of"] and (noun is None or not c["only_of"][match.term].has(noun)):
                continue
        if c["questions"] and _asked(span, c["questions"]):
            continue
        if term.entry_only and not _whole_entry(span):
            continue
        if term.agreement and _not_a_state(span, c["agreeing"]):
            continue
        if term.pinned_by_count and _pinned(parsed, span, c):
            continue
        if rule.options.count_in_sentence_passes and _counted(span.sent, c["time_words"]):
            continue
        if c["pinned_after"] and _explained_after(span, c["pinned_after"]):
            continue
        if rule.options.skip_in_names and _in_a_name(span) or _a_set_grade(span, c["rating"]):
            continue
        suggestion = rule.options.terms[match.term].suggestion
        flagged.append(span.start)
        yield Finding(span.start_char, span.end_char, suggestion=suggestion or rule.suggestion)
    # A letter or a record of direct work written to the person ("Dear Leo,") tells them
    # how it went; it is not the record the next worker reads for what was seen.
    to_them = bool(rule.options.verdicts) and (
        subject.addressee(parsed, rule.options.addressed_by) or "") in names()
    for start, end, k in ([] if to_them else find_verdicts(doc, rule.options.verdicts, c["verdicts"])):
        if any(start < b and a < end for a, b in taken):
            continue  # a term found there already ("coping well")
        span = doc[start:end]
        clause = span.root
        if any(clause.left_edge.i <= i <= clause.right_edge.i for i in flagged):
            continue  # its clause is reported already ("going well on the whole, no issues")
        if _their_own_words(parsed, span, c["speech"], names, addressed):
            continue
        if c["questions"] and _asked(span, c["questions"]):
            continue
        if has_count(span.sent, c["time_words"]) or _described_after(span, c["pinned_after"]):
            continue
        if _shown_after(parsed, span, c):
            continue  # "Contact went well. Noah ran to his dad and they built a Lego car for 40 minutes."
        if rule.options.skip_in_names and _in_a_name(span) or _a_set_grade(span, c["rating"]):
            continue
        taken.append((start, end))
        yield Finding(span.start_char, span.end_char,
                      suggestion=rule.options.verdicts[k].suggestion or rule.suggestion)
