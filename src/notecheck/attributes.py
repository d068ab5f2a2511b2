"""The trained pipeline's attribute_ruler, done with table look-ups.

spaCy's small English pipeline maps each fine-grained tag to a part of speech and
morphology, and fixes a few dozen words' lemmas and parts of speech (``'s`` after "let",
"gon na", an auxiliary "do"), with an attribute_ruler: a Matcher over 179 token patterns.
Running that Matcher cost notecheck a fifth of its time (25 times the tagger). This
component reads the same patterns from the installed model and applies them the same way
-- every pattern that matches a token, in the patterns' order, later ones winning -- but
finds the candidates by looking up each token's tag and lower-case form in a table, and
writes the results with one ``Doc.from_array``.

Only the token-pattern features the model uses are understood (TAG, LOWER, DEP, IS_SPACE
with a value, IN, NOT_IN or REGEX); ``compile_patterns`` returns None for anything else,
and the caller keeps spaCy's own attribute_ruler.
"""

from __future__ import annotations

import re
from pathlib import Path

NAME = "notecheck_attributes"
FEATURES = ("TAG", "LOWER", "DEP", "IS_SPACE")
SETS = ("POS", "MORPH", "LEMMA", "TAG", "DEP")


def read_patterns(model_path: Path) -> list[dict] | None:
    """The attribute_ruler patterns saved with an installed pipeline, or None."""
    import srsly

    found = next(Path(model_path).glob("*/attribute_ruler/patterns"), None)
    if found is None:
        return None
    try:
        patterns = srsly.read_msgpack(found)
    except (OSError, ValueError):
        return None
    return patterns if isinstance(patterns, list) else None


def _test(value):
    """A token-pattern value as (kind, operand): 'eq', 'in', 'not_in' or 'regex'."""
    if isinstance(value, (str, bool)):
        return ("eq", value)
    if isinstance(value, dict) and len(value) == 1:
        (op, operand), = value.items()
        if op == "IN" and isinstance(operand, list):
            return ("in", frozenset(operand))
        if op == "NOT_IN" and isinstance(operand, list):
            return ("not_in", frozenset(operand))
        if op == "REGEX" and isinstance(operand, str):
            return ("regex", re.compile(operand))
    raise ValueError(value)


def compile_patterns(patterns: list[dict]):
    """Patterns -> (index, rules) for ``Attributes``, or None when a pattern uses a feature
    this look-up does not understand (then keep spaCy's attribute_ruler)."""
    rules = []  # (order, [token tests], index, attrs)
    try:
        for order, entry in enumerate(patterns):
            attrs = entry["attrs"]
            if not set(attrs) <= set(SETS):
                return None
            for pattern in entry["patterns"]:
                if not isinstance(pattern, list) or not pattern:
                    return None
                tokens = []
                for token in pattern:
                    if not set(token) <= set(FEATURES):
                        return None
                    tokens.append({name: _test(value) for name, value in token.items()})
                rules.append((order, tokens, int(entry.get("index", 0)), dict(attrs)))
    except (KeyError, TypeError, ValueError, re.error):
        return None
    # Each pattern is filed under one exact value its first token must have (its
    # lower-case form, dependency label, tag or being a space, in that order of choice),
    # else tried at every token.
    index: dict[tuple[str, object], list] = {}
    always: list = []
    for rule in rules:
        first = rule[1][0]
        for feature in ("LOWER", "DEP", "TAG", "IS_SPACE"):
            kind, operand = first.get(feature, (None, None))
            if kind == "eq":
                index.setdefault((feature, operand), []).append(rule)
                break
            if kind == "in":
                for value in operand:
                    index.setdefault((feature, value), []).append(rule)
                break
        else:
            always.append(rule)
    return index, always


def _passes(tests: dict, values: dict) -> bool:
    for feature, (kind, operand) in tests.items():
        value = values[feature]
        if kind == "eq":
            if value != operand:
                return False
        elif kind == "in":
            if value not in operand:
                return False
        elif kind == "not_in":
            if value in operand:
                return False
        elif not operand.search(value if isinstance(value, str) else str(value)):
            return False
    return True


class Attributes:
    """The pipeline component (registered by nlp.py as ``notecheck_attributes``)."""

    MEMO_SIZE = 200_000

    def __init__(self, vocab, compiled):
        self.vocab = vocab
        self.index, self.always = compiled
        self._values: dict[tuple[str, str], int] = {}
        self._resolved: dict[int, list[tuple[int, int]]] = {}  # pattern order -> (column, value)
        # (tag, lower, dep, is_space) hashes -> the one-token patterns that match such a token,
        # and the longer patterns whose first token it could be.
        self._memo: dict[tuple, tuple[list, list]] = {}

    def _candidates(self, key: tuple) -> tuple[list, list]:
        found = self._memo.get(key)
        if found is not None:
            return found
        values = self._strings(key)
        singles, longer = [], []
        groups = [self.index.get((feature, values[feature]), ()) for feature in FEATURES]
        for group in (*groups, self.always):
            for rule in group:
                order, tokens, index, attrs = rule
                if not _passes(tokens[0], values):
                    continue
                if len(tokens) == 1:
                    if index in (0, -1):
                        singles.append((order, attrs))
                else:
                    longer.append(rule)
        if len(self._memo) >= self.MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = found = (singles, longer)
        return found

    def _strings(self, key: tuple) -> dict:
        """A token's (tag, lower, dep, is_space) hashes as the strings patterns name."""
        strings = self.vocab.strings
        tag, lower, dep, space = key
        return {"TAG": strings[tag] if tag else "", "LOWER": strings[lower] if lower else "",
                "DEP": strings[dep] if dep else "", "IS_SPACE": bool(space)}

    def _value(self, attr: str, value: str) -> int:
        key = (attr, value)
        found = self._values.get(key)
        if found is None:
            if attr == "POS":
                from spacy.parts_of_speech import IDS

                found = IDS[value]
            elif attr == "MORPH":
                found = self.vocab.morphology.add(value)
            else:
                found = self.vocab.strings.add(value)
            self._values[key] = found
        return found

    def __call__(self, doc):
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG

        if not len(doc):
            return doc
        keys = list(map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()))
        hits = []  # (order, token, attrs)
        length = len(keys)
        for i, key in enumerate(keys):
            singles, longer = self._candidates(key)
            for order, attrs in singles:
                hits.append((order, i, attrs))
            for order, tokens, index, attrs in longer:
                if i + len(tokens) > length or not all(
                        _passes(test, self._strings(keys[i + k]))
                        for k, test in enumerate(tokens[1:], 1)):
                    continue
                target = index if index >= 0 else len(tokens) + index
                if 0 <= target < len(tokens):
                    hits.append((order, i + target, attrs))
        if not hits:
            return doc
        columns = [POS, MORPH, LEMMA, TAG, DEP]
        array = doc.to_array(columns)
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        for order, i, attrs in hits:
            resolved = self._resolved.get(order)
            if resolved is None:
                resolved = self._resolved[order] = [(SETS.index(attr), self._value(attr, value))
                                                    for attr, value in attrs.items()]
            for column, value in resolved:
                array[i, column] = value
        doc.from_array(columns, array)
        return doc
