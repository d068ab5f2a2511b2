"""Verdicts: a summary that grades what happened without saying what it was ("Contact went
well", "Interaction was good throughout", "Good day.", "Outcomes achieved", "Training
discussed."), found from how its words are linked in the parse, not from a fixed phrase.

An entry names two of three word lists, and a verdict is two words of them linked:

- ``topics`` and ``words``: the grade said of the topic ("attendance has been poor", "all
  is fine") or put on it, when that is the whole entry or what someone had ("Settled day.",
  "had a good week"); a grade word is matched as written ("better" is not "well");
- ``verbs`` and ``words``: how something was done ("ate and drank well", "is doing really
  well"); with ``topics`` as well, only said of one of them ("Contact went well", "things
  are going well", not "feeding is going well");
- ``topics`` and ``verbs``: what was done to the topic ("Outcomes achieved", "all goals
  were met");
- ``verbs`` with ``bare``: a topic named only as having been dealt with, the verb ending
  the sentence ("Training discussed.", "Finances discussed with Mum.");
- ``words`` with ``alone``: the grade is the whole entry ("Settled.", "Calmer later.").
"""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field, model_validator

from notecheck.kinds.base import Options
from notecheck.kinds.terms import Terms


class Verdict(Options):
    topics: list[str] = []
    verbs: list[str] = []
    words: list[str] = []
    # With verbs and no topics: any noun, when the verb says nothing more than that it was
    # done (nothing after it but who with).
    bare: bool = False
    # With words only: the grade is the whole entry, nothing in its sentence but the grade,
    # a time it opens with and these words ("Settled.", "16:00 Calmer later.", "Much
    # brighter today."). Read from the words, not the parse, which often misreads a
    # fragment.
    alone: bool = False
    fillers: list[str] = []
    suggestion: str | None = Field(default=None, min_length=1)

    @model_validator(mode="after")
    def _two_lists(self):
        given = sum(bool(x) for x in (self.topics, self.verbs, self.words))
        if self.bare and (not self.verbs or self.topics or self.words):
            raise ValueError("a bare verdict names verbs only (topics and words left out)")
        if self.alone and (not self.words or self.topics or self.verbs):
            raise ValueError("a verdict alone names words only (topics and verbs left out)")
        if self.fillers and not self.alone:
            raise ValueError("fillers are for a verdict alone")
        if not (self.bare or self.alone) and given < 2:
            raise ValueError("a verdict names two or three of topics, verbs and words "
                             "(or verbs with bare: true)")
        return self


def compile_verdicts(verdicts: list[Verdict]) -> list[tuple[Terms, Terms, Terms, Terms]]:
    return [(Terms(v.topics, f"verdicts[{i}].topics"), Terms(v.verbs, f"verdicts[{i}].verbs"),
             Terms(v.words, f"verdicts[{i}].words", lemma=False),
             Terms(v.fillers, f"verdicts[{i}].fillers", lemma=False)) for i, v in enumerate(verdicts)]


def _alone(token, words: Terms, fillers: Terms) -> bool:
    """Whether the sentence is nothing but grades and fillers, after a time it opens with
    ("16:00 Calmer later."); the first grade word stands for it."""
    content = [t for t in token.sent if not (t.is_punct or t.is_space)]
    while content and content[0].like_num or (content and any(ch.isdigit() for ch in content[0].text)):
        content = content[1:]
    grades = [t for t in content if words.has(t)]
    return bool(grades) and grades[0].i == token.i and all(
        words.has(t) or fillers.has(t) for t in content)


SAID_OF = ("acomp", "attr", "oprd")  # "was good", "seemed fine"
SUBJECTS = ("nsubj", "nsubjpass")
# After a bare verb: who it was done with, and the sentence's end.
BARE_AFTER = ("punct", "prep")
BARE_PREPOSITIONS = ("with", "at", "in", "by")


def _subject_in(verb, topics: Terms):
    """The verb's subject when it is one of the topics; a verb joined to another by 'and'
    shares its subject ("Contact continues fortnightly and is going well")."""
    while (not any(c.dep_ in SUBJECTS for c in verb.children) and verb.dep_ == "conj"
           and verb.head.i != verb.i):
        verb = verb.head
    return next((c for c in verb.children if c.dep_ in SUBJECTS and topics.has(c)), None)


def _as_well(token) -> bool:
    doc = token.doc
    return (token.i > 0 and doc[token.i - 1].lower_ == "as") or (
        token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "as")


def _modified_verb(token):
    """The verb an adverb says how of, through other adverbs ("went [well] overall")."""
    node = token
    while node.dep_ == "advmod" and node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
        if node.pos_ != "ADV":
            return None
    return None


REASONS = ("because", "as", "since")


def _reason_given(token) -> bool:
    """A grade with its reason says something: "does not sleep well because of the pain
    in his hip", "went well, as Dad brought the photos he had promised"."""
    node = token if token.pos_ in ("VERB", "AUX") else token.head
    for child in node.children:
        if child.dep_ == "prep" and child.lower_ == "because":
            return True
        if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in REASONS for m in child.children):
            return True
    return False


def _named(topic, verdict: Verdict) -> bool:
    """An aim met that says which aim: "his goal of walking to the shop on his own was
    met", "the target we set in June (two nights a week out of the house) was reached"."""
    return bool(verdict.verbs) and not verdict.words and topic.dep_ != "amod" and any(
        c.dep_ in ("prep", "relcl", "acl", "appos") for c in topic.children)


def _verbless(sent) -> bool:
    return not any(t.pos_ in ("VERB", "AUX") for t in sent)


def _summed_up(noun) -> bool:
    """A graded time or event that is the whole entry ("Good day overall.", "Settled night,
    checked regularly", "21:00 Good day.") or what someone had ("had a good week"), not a name or a topic
    ("her house of good things", "what makes a good day")."""
    if noun.dep_ == "dobj":  # "had a good week", not "Have a good weekend" (a sign-off)
        return noun.head.lemma_ == "have" and noun.head.tag_ in ("VBD", "VBN", "VBZ")
    return noun.dep_ == "ROOT" or (noun.dep_ in ("npadvmod", "appos") and _verbless(noun.sent))



def _bare(verb) -> bool:
    """The verb ends what it says: only punctuation, or who or where it was done with,
    follows it ("Training discussed.", "Finances discussed with Mum at the office.")."""
    after = [c for c in verb.children if c.i > verb.i]
    return all(c.dep_ in BARE_AFTER and (c.dep_ == "punct" and c.text in (".", "!")
                                         or c.lower_ in BARE_PREPOSITIONS) for c in after) and \
        not any(c.dep_ in ("aux", "auxpass") for c in verb.children) and \
        verb.tag_ in ("VBD", "VBN") and verb.dep_ == "ROOT"


def find_verdicts(doc, verdicts: list[Verdict], compiled) -> Iterator[tuple[int, int, int]]:
    """(start, end, entry) token spans of the verdicts in the Doc."""
    for token in doc:
        for k, (v, (topics, verbs, words, fillers)) in enumerate(zip(verdicts, compiled)):
            other = None
            if words and words.has(token) and not _as_well(token):
                if v.alone:
                    if _alone(token, words, fillers):
                        other = token
                elif verbs:
                    verb = _modified_verb(token)
                    if verb is not None and verbs.has(verb):
                        said_of = _subject_in(verb, topics) if topics else None
                        if not topics or said_of is not None:
                            other = said_of if said_of is not None else verb
                elif topics.has(token.head) and token.head.i < token.i and _verbless(token.sent):
                    other = token.head  # "Mood good.", "Appetite poor today."
                elif token.dep_ in SAID_OF:
                    other = _subject_in(token.head, topics)
                elif token.dep_ == "amod" and topics.has(token.head) and _summed_up(token.head):
                    other = token.head
            elif verbs and not words and verbs.has(token) and token.pos_ == "VERB":
                if v.bare:
                    subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
                    if subject is not None and subject.pos_ in ("NOUN", "PROPN") and _bare(token):
                        other = subject
                else:
                    other = _subject_in(token, topics)
                    if other is None and token.dep_ in ("acl", "amod") and topics.has(token.head):
                        other = token.head
            if other is not None and (_reason_given(token) or _reason_given(other) or _named(other, v)):
                other = None
            if other is not None:
                start, end = min(token.i, other.i), max(token.i, other.i) + 1
                yield start, end, k
                break
