"""Who a note is about, when its metadata does not say: one inference for every kind.

The person named most often is taken to be the subject; being the subject of a verb
counts double, so "Mrs Ahmed asked ..." outweighs the "Beech" of "Beech Unit". A
capitalised word that opens a sentence is capitalised because it opens the sentence, so
it counts as a name only when the note also writes it with a capital where no sentence
starts ("Visited Leo at home" names Leo, not "Visited"; "Info's from the school" names no
one). Only when no name is written mid-sentence anywhere do sentence openers count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from notecheck.kinds.language import tokens_of


def _opens_sentence(token) -> bool:
    doc = token.doc
    i = token.i
    while i > 0 and (doc[i - 1].is_space or doc[i - 1].is_punct or doc[i - 1].like_num):
        if doc[i - 1].is_space and "\n" in doc[i - 1].text:
            return True
        i -= 1
    return i == 0 or token.is_sent_start or doc[i].is_sent_start or "\n" in doc[i - 1].whitespace_ \
        or doc[i - 1].text in (".", "!", "?", ":", "-", "–", "—", "•", "*", "(")


def infer_subject(doc, is_name: Callable) -> str | None:
    """The name (one word, as written) used most often, or None when no one is named."""
    mid: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    for token in tokens_of(doc):
        if token.pos_ == "PROPN" and is_name(token):
            weight = 2 if token.dep_ in ("nsubj", "nsubjpass") else 1
            (opening if _opens_sentence(token) else mid)[token.text] += weight
    if mid:
        counts = mid + Counter({name: n for name, n in opening.items() if name in mid})
    else:
        counts = opening
    return counts.most_common(1)[0][0] if counts else None
