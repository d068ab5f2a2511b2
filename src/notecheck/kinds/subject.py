"""Who a note is about, when its metadata does not say: one inference for every kind.

The person named most often is taken to be the subject; being the subject of a verb
counts double, so "Mrs Ahmed asked ..." outweighs the "Beech" of "Beech Unit". A
capitalised word that opens a sentence is capitalised because it opens the sentence, so
it counts as a name only when the note also writes it with a capital where no sentence
starts, opens a full name with it, or makes it the subject of two sentences or more
("Visited Leo at home" names Leo, not "Visited"; "Info's from the school" names no one).
When nothing else is named, sentence openers count as they are.
"""

from __future__ import annotations

import re
from collections import Counter

from notecheck.kinds.language import tokens_of
from notecheck.kinds.terms import Terms


# How many lines from the top a pasted header naming the person may take.
HEADER_LINES = 5


def header_labels(labels: list[str]) -> set[str]:
    """Header labels as Layout.header_fields gives them: lower-cased, single spaces."""
    return {" ".join(label.lower().split()) for label in labels}


def header_name(titles: list[str]) -> re.Pattern:
    """The name a header field gives, after a title: "Mr Horace Bentley, 79"."""
    return re.compile(r"(?:(?:%s)\.?\s+)?(?P<name>[A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*)*)"
                      % "|".join(map(re.escape, titles or ["Mr"])))


def header_person(parsed, labels: set[str], name: re.Pattern) -> str | None:
    """The person a pasted header names, whoever else the note names more often:
    "Person: Leonard Bright   Contact date: ...", "Pt: Mr Horace Bentley, 79", "Young
    person: Tasha Kirwan (18)" (labels from header_labels, name from header_name)."""
    for label, start, end in parsed.layout.header_fields(HEADER_LINES):
        found = name.match(parsed.text, start, end) if label in labels else None
        if found:
            return found.group("name")
    return None


def is_name(token, *not_names: Terms) -> bool:
    """A capitalised proper noun that may be a person's name ("Jamie"; the "F" of "Mr F"):
    not a word in capitals (a heading, a role, a worker's initials: "DN", "SM"), and not
    one of ``not_names`` ("Mum", "Monday")."""
    return _name_shaped(token) and not any(words.has(token) for words in not_names)


def _name_shaped(token) -> bool:
    return (token.pos_ == "PROPN" and token.is_alpha and token.text[:1].isupper()
            and not (len(token.text) > 1 and token.text.isupper()))


def name_shaped_tokens(doc) -> list:
    """The Doc's tokens shaped like a name (is_name before its ``not_names``), found once
    per Doc: each inference of who a note is about then looks at these alone."""
    found = doc.user_data.get("notecheck.name-shaped")
    if found is None:
        found = doc.user_data["notecheck.name-shaped"] = [t for t in tokens_of(doc) if _name_shaped(t)]
    return found


SALUTATION_LINES = 3  # a title or a date may come before "Dear Mia,"


def addressee(parsed, openers) -> str | None:
    """The person a note is written to: the capitalised name after one of ``openers``
    ("Dear", "Hi") opening its first line ("Dear Amira," - a letter, or a record of direct
    work written to the child), or a salutation line of its own ("Dear Mia,") within its
    first few lines, after a title. In such a note 'you' is that person."""
    openers = {w.lower() for w in openers}
    if not openers:
        return None
    start, end = parsed.layout.first_line
    lines = [line for line in parsed.text[start:].split("\n") if line.strip()][:SALUTATION_LINES]
    for number, line in enumerate(lines):
        words = line.replace(",", " ").split()
        if len(words) < 2 or words[0].lower() not in openers or not words[1][:1].isupper():
            continue
        # Below a title, only a salutation on its own line: "Dear Mia," not "Hi Mum said ...".
        if number == 0 or (len(words) <= 3 and line.rstrip().endswith((",", "!"))):
            return words[1].strip(".:!")
    return None


def infer_subject(parsed, *not_names: Terms) -> str | None:
    """The name (one word, as written) the note uses most often, or None when it names no
    one; worked out once per note for each set of ``not_names``."""
    key = ("subject", tuple((frozenset(words.words), words.lemma) for words in not_names))
    if key not in parsed.cache:
        parsed.cache[key] = _most_named(parsed.doc, not_names)
    return parsed.cache[key]


def opens_sentence(token) -> bool:
    doc = token.doc
    i = token.i
    while i > 0 and (doc[i - 1].is_space or doc[i - 1].is_punct or doc[i - 1].like_num):
        if doc[i - 1].is_space and "\n" in doc[i - 1].text:
            return True
        i -= 1
    return i == 0 or token.is_sent_start or doc[i].is_sent_start or "\n" in doc[i - 1].whitespace_ \
        or doc[i - 1].text in (".", "!", "?", ":", "-", "–", "—", "•", "*", "(")


def _most_named(doc, not_names: tuple[Terms, ...]) -> str | None:
    shaped = name_shaped_tokens(doc)
    named = {t.i for t in shaped if not any(words.has(t) for words in not_names)}
    mid: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    full_name: set[str] = set()  # opened a full name: "Jordan Achebe (15)"
    opening_subject: Counter[str] = Counter()
    for token in shaped:
        if token.i in named:
            weight = 2 if token.dep_ in ("nsubj", "nsubjpass") else 1
            if opens_sentence(token):
                opening[token.text] += weight
                following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
                if following is not None and following.i in named \
                        and not token.whitespace_.count("\n"):
                    full_name.add(token.text)
                if weight == 2:
                    opening_subject[token.text] += 1
            else:
                mid[token.text] += weight
    # An opener is a name when the note also writes it mid-sentence, opens a full name
    # with it, or makes it the subject of more than one sentence ("Jordan attended ...
    # Jordan was arrested ..."); "Visited" and "Info's" are none of these.
    names = set(mid) | full_name | {n for n, k in opening_subject.items() if k >= 2}
    # Any other opener still counts, for less: a note that names its person only at the
    # start of sentences ("Jordan attended ...") is still about them.
    counts = Counter({name: float(n) for name, n in mid.items()})
    for name, n in opening.items():
        counts[name] += n if name in names else 0.75 * n
    return counts.most_common(1)[0][0] if counts else None
