"""sentence-length: sentences too long to follow on one reading."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import Field

from notecheck.kinds.base import Finding, Options, ParsedNote
from notecheck.kinds.language import tokens_of


class SentenceLengthOptions(Options):
    max_words: int = Field(default=35, ge=5)
    # A long sentence set out in parts, each ended by one of these ("Reason: she has
    # bruises a doctor says fit a grip; his account does not match; and Ava describes
    # shouting"), is read a part at a time: it is too long only when a part is over
    # max_words, or the whole is over max_words_in_parts.
    part_breaks: list[str] = []
    max_words_in_parts: int | None = Field(default=None, ge=5)
    # A sentence set out as a list, opened by list_opener and its items ended by
    # list_separator ("the following: photo ID; his last two statements; and the letter
    # ending the tenancy"), three items or more, is read an item at a time however many
    # items it has: too long only when an item is over max_words, or the whole is over
    # max_words_in_lists. None: such a list has the limit of any sentence in parts.
    max_words_in_lists: int | None = Field(default=None, ge=5)
    list_opener: str = ":"
    list_separator: str = ";"
    # A list whose every item is short, this many words or fewer, is read an item at a
    # time however many items it has, with no limit on the whole: a day set out item by
    # item ("she gets up at 05:45 ...; washes and dresses her at 06:30; ...") or the things
    # someone brought ("two black holdalls of clothes, one blue suitcase, a signed football,
    # ..."). Items are ended by list_separator or, in a list of things without verbs or of
    # actions each opened by its verb ("cook three meals, top up the meter, ..."), by
    # thing_separator. None: every list has the limit max_words_in_lists.
    max_words_in_list_items: int | None = Field(default=None, ge=1)
    thing_separator: str | None = None
    # The person's words in quotation marks are theirs, not the writer's sentence: they
    # are not counted ('Gordon said: "I know I keep falling and ..."').
    skip_quoted: bool = False
    # A bracketed explanation is an aside the reader can skip, and often the very gloss the
    # jargon rules ask for ("his red book (the health record parents keep)"): its words are
    # not counted when it opens with one of these words. Other brackets ("Anika (7)", "(Mr
    # Walsh, Ms Ford and Dr Shah)") carry the sentence's content, and count.
    gloss_openers: list[str] = []
    # A bracket longer than this is not an explanation but a passage of the sentence,
    # however it opens: "(which Mr Obi felt might be why Zara has been late, although Zara
    # said it was the bus, which ...)" is read and counted. None: any length is a gloss.
    max_gloss_words: int | None = Field(default=None, ge=1)
    # A bracket that holds a clause of its own, with a verb ("(she explained the risks of
    # the bags near her chair)", "(aged 79, lives with dementia)"), is an aside read on its
    # own: it is a part, like one ended by a part break. A bracket without a verb ("(Mr
    # Walsh, Ms Ford and Dr Shah)", "(log 1124)") is read as part of the sentence around it.
    clause_asides: bool = False
    # A long sentence whose every stretch is marked off by a comma, a bracket, a dash or
    # a quotation mark ("Siobhan told me that she had changed the locks on 16 November,
    # and showed me the receipt, ...") is read a stretch at a time, like one set out in
    # parts: it is too long only when some stretch runs past max_unbroken_words with none
    # of these marks (the run-on "and ... and it was agreed that ... and"), or the whole is
    # over max_words_in_parts. None counts every long sentence.
    run_breaks: list[str] = []
    max_unbroken_words: int | None = Field(default=None, ge=5)


@dataclass
class _Stretch:
    """A sentence (or line) being counted: where it starts, its words, the words of the
    part being read, the longest part so far, and the word that took it over the limit."""

    start: object
    words: int = 0
    part: int = 0
    longest: int = 0
    over: object = None
    run: int = 0
    longest_run: int = 0
    items: int = -1  # list items ended so far, once the list is opened (-1: not opened)


def needs(rule) -> set[str]:
    o = rule.options
    return {"sents", "pos"} if o.clause_asides or o.thing_separator else {"sents"}


def check(parsed: ParsedNote, rule) -> Iterator[Finding]:
    o = rule.options
    limit = o.max_words
    breaks = set(o.part_breaks)
    stretch: _Stretch | None = None  # the stretch of a sentence being counted
    before = None
    depth = 0  # how many glosses in brackets are open
    glosses = {w.lower() for w in o.gloss_openers}
    run_breaks = set(o.run_breaks)
    aside = None  # in a clause aside: (its closing bracket, the words of the part around it)
    quoted = parsed.in_quotes if o.skip_quoted else None

    def finding(stretch: _Stretch):
        start, words, over = stretch.start, stretch.words, stretch.over
        if over is None:
            return None
        longest = max(stretch.longest, stretch.part)
        within = o.max_words_in_parts is None or words <= o.max_words_in_parts
        in_list = stretch.items >= 2 and o.max_words_in_lists is not None and words <= o.max_words_in_lists
        if breaks and longest <= limit and o.max_words_in_parts and (within or in_list):
            return None  # a list of parts, each short enough
        if o.max_words_in_list_items and _short_items(start, _line_end(over.sent, over), o, limit):
            return None  # a list of short items, read one at a time
        if o.max_unbroken_words and within and max(stretch.longest_run, stretch.run) <= o.max_unbroken_words:
            return None  # every stretch marked off by punctuation, each short enough
        end = _line_end(over.sent, over)
        return Finding(start.idx, end, values={"words": _count(over.sent, start, end, glosses, quoted, o.max_gloss_words),
                                               "max_words": limit})

    tokens = tokens_of(parsed.doc)
    for token in _long_sentences(parsed.doc, tokens, limit):
        # A line break ends a sentence too: list items and headings are not run together.
        if token.is_sent_start or "\n" in token.text:
            if stretch and (found := finding(stretch)):
                yield found
            stretch = None
            depth = 0
            aside = None
            before = tokens[token.i - 1] if token.i else None
        word = _is_word(token, before)
        before = token
        if glosses:
            depth, inside = _gloss_depth(token, depth, glosses, o.max_gloss_words)
            word = word and not inside
        if stretch is not None and (token.text in run_breaks or token.text in breaks
                                    or (token.text == "-" and token.whitespace_)):
            stretch.longest_run = max(stretch.longest_run, stretch.run)
            stretch.run = 0
        if stretch is not None and token.text in breaks:
            stretch.longest = max(stretch.longest, stretch.part)
            stretch.part = 0
            if token.text == o.list_opener and stretch.items <= 0:
                stretch.items = 0  # opened: a list's items follow
            elif token.text == o.list_separator and stretch.items >= 0:
                stretch.items += 1
        if o.clause_asides and aside is None and token.text == "(" and (close := _clause_aside(token)):
            aside = (close, stretch.part if stretch else 0)
            if stretch:
                stretch.part = 0
        elif aside is not None and token.i == aside[0]:
            if stretch:
                stretch.longest = max(stretch.longest, stretch.part)
                stretch.part = aside[1]
            aside = None
        if quoted and word and quoted(token.idx, token.idx + len(token.text)):
            word = False
        if not word or (stretch is None and parsed.layout.in_label(token.idx)):
            continue
        if stretch is None:
            stretch = _Stretch(token)
        stretch.words += 1
        stretch.part += 1
        stretch.run += 1
        if stretch.words == limit + 1:
            stretch.over = token
    if stretch and (found := finding(stretch)):
        yield found


def _long_sentences(doc, tokens: list, limit: int) -> Iterator:
    """The tokens of each sentence with more than ``limit`` tokens, in order: a sentence
    of fewer tokens cannot have more words, so most sentences need no counting."""
    for sent in doc.sents:
        if len(sent) > limit:
            yield from tokens[sent.start:sent.end]


MIN_ITEMS = 3


def _short_items(start, end: int, o, limit: int) -> bool:
    """Whether the stretch from ``start`` to ``end`` is a lead-in of at most ``limit`` words,
    the list opener, and three items or more of at most ``max_words_in_list_items`` words
    each: ended by the list separator, or by the thing separator when (all but one of) the
    items have no verb. Separators inside brackets do not end an item."""
    tokens = [t for t in start.sent if start.idx <= t.idx < end]
    opener = next((k for k, t in enumerate(tokens) if t.text == o.list_opener), None)
    if opener is None or _words(tokens[:opener]) > limit:
        return False
    rest = tokens[opener + 1:]
    for separator, things in ((o.list_separator, False), (o.thing_separator, True)):
        if separator is None:
            continue
        items, item, depth = [], [], 0
        for t in rest:
            depth += (t.text == "(") - (t.text == ")")
            if t.text == separator and depth == 0:
                items.append(item)
                item = []
            else:
                item.append(t)
        items = [i for i in [*items, item] if _words(i)]
        if len(items) < MIN_ITEMS or any(_words(i) > o.max_words_in_list_items for i in items):
            continue
        if things and sum(_has_verb(i) for i in items) > 1 and not all(_opens_with_verb(i) for i in items):
            continue
        return True
    return False


def _words(tokens: list) -> int:
    return sum(_is_word(t, t.doc[t.i - 1] if t.i else None) for t in tokens)


def _opens_with_verb(tokens: list) -> bool:
    """An item that is an action of its own, parallel to the others: "cook three meals
    without help, top up the electricity meter, ... and get to college on the bus"."""
    words = [t for t in tokens if not (t.is_punct or t.is_space) and t.lower_ not in ("and", "or", "then")]
    return bool(words) and words[0].pos_ in ("VERB", "AUX")


def _has_verb(tokens: list) -> bool:
    """A verb of the item's own ("which he asked us to keep"), not one describing a thing
    ("a framed photo", "a signed football")."""
    return any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound") for t in tokens)


def _clause_aside(token) -> int | None:
    """If this opening bracket holds a clause (a verb) before it closes on the same line,
    the index of its closing bracket."""
    depth, verb = 0, False
    for later in token.doc[token.i:token.sent.end]:
        if "\n" in later.text:
            return None
        if later.text == "(":
            depth += 1
        elif later.text == ")":
            depth -= 1
            if depth == 0:
                return later.i if verb else None
        elif later.pos_ in ("VERB", "AUX"):
            verb = True
    return None


def _line_end(sent, token) -> int:
    """Where this stretch of the sentence ends: the sentence end or the next line break."""
    for later in sent[token.i - sent.start:]:
        if "\n" in later.text:
            return later.idx
    return sent.end_char


def _count(sent, start, end: int, glosses: set[str], quoted=None, max_gloss: int | None = None) -> int:
    words, depth = 0, 0
    for t in sent:
        inside = False
        if glosses:
            depth, inside = _gloss_depth(t, depth, glosses, max_gloss)
        inside = inside or bool(quoted and quoted(t.idx, t.idx + len(t.text)))
        if start.idx <= t.idx < end and not inside and _is_word(t, t.doc[t.i - 1] if t.i else None):
            words += 1
    return words


def _gloss_depth(token, depth: int, glosses: set[str], max_words: int | None = None) -> tuple[int, bool]:
    """The depth of open glosses after this token, and whether the token is in one (its
    brackets included). A gloss is a bracket whose first word is one of ``glosses``, and
    (with ``max_words``) that closes, on its line, within that many words."""
    if depth == 0:
        doc = token.doc
        opens = token.text == "(" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ in glosses
        if opens and max_words is not None and _bracket_words(token) > max_words:
            opens = False
        return (1, True) if opens else (0, False)
    if token.text == "(":
        return depth + 1, True
    if token.text == ")":
        return depth - 1, True
    return depth, True


def _bracket_words(token) -> int:
    """How many words the bracket opened by this token holds, to its closing bracket or
    the end of the line."""
    depth, words = 0, 0
    for later in token.doc[token.i:]:
        if "\n" in later.text:
            break
        if later.text == "(":
            depth += 1
        elif later.text == ")":
            depth -= 1
            if depth == 0:
                break
        elif _is_word(later, later.doc[later.i - 1]):
            words += 1
    return words


def _is_word(token, before) -> bool:
    """A word as a reader counts it: '4pm' and "Jamie's" are one word each, not two.
    ``before`` is the token before it, if any."""
    if token.is_punct or token.is_space or "\n" in token.text:
        return False
    return before is None or bool(before.whitespace_) or before.is_punct or before.is_space
