"""YAML loading that remembers where every key and item came from, and refuses YAML
built to exhaust memory or the stack.

Values are built by PyYAML's safe loader only; the composed node tree is walked
once more to record the line of each key, so errors can point at it.

Rule files, config files and note front matter all come through here, so all three:
- refuse an alias bomb ("billion laughs": a kilobyte of anchors and aliases that
  expands to billions of values) before anything is built from it;
- refuse values nested deeper than MAX_DEPTH;
- report a value that cannot be built (``!!int 0xZZ``, a 5,000-digit number) with its
  line, instead of raising whatever the constructor raised;
- keep an impossible date (``2026-02-30``) as the text that was written, so the date
  check that reads it says what is wrong, as it does for ``30/02/2026``.
"""

from __future__ import annotations

import re

import yaml

Path_ = tuple  # a path into the data: ("rules", 0, "terms", 3, "term")

# How many values aliases (*name) may add in one document, counting each value an
# alias repeats. Real files repeat an anchor a few times; an alias bomb needs billions.
MAX_ALIASED_VALUES = 100_000
# How deep lists and mappings may nest. Real files nest a handful of levels.
MAX_DEPTH = 100

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when installed: faster

TAG_NAMES = {
    "tag:yaml.org,2002:int": "a whole number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:binary": "base64 data",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:null": "an empty value",
}


class YamlProblem(Exception):
    def __init__(self, message: str, line: int, column: int = 1):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class BadValue(Exception):
    """A value the constructor could not build: where it is and what was wrong."""

    def __init__(self, exc: BaseException, node: yaml.Node | None = None):
        super().__init__(str(exc))
        self.exc = exc
        self.tag = node.tag if node is not None else None
        mark = node.start_mark if node is not None else getattr(exc, "problem_mark", None)
        self.line = mark.line + 1 if mark else 1
        self.column = mark.column + 1 if mark else 1

    def describe(self) -> str:
        """What is wrong, in plain words, without quoting the value (it may be personal data)."""
        if self.tag in TAG_NAMES:
            short = "!!" + self.tag.rsplit(":", 1)[-1]
            return f"it is marked {short} ({TAG_NAMES[self.tag]}) but is not one"
        problem = getattr(self.exc, "problem", None) or ""
        if "unhashable" in problem:
            return "a list or mapping is used as a key"
        if isinstance(self.exc, yaml.constructor.ConstructorError) and self.tag:
            return f"it has the tag '{self.tag}', which notecheck does not read"
        return f"it could not be read ({problem or type(self.exc).__name__})"


# What PyYAML's constructors raise for a value they cannot build.
_BUILD_ERRORS = (ValueError, TypeError, AttributeError, OverflowError, ArithmeticError,
                 RecursionError, yaml.constructor.ConstructorError)


class _Constructor(yaml.constructor.SafeConstructor):
    """The safe constructor, but a value it cannot build is a BadValue naming its node,
    and a date that does not exist stays the text that was written."""

    def construct_object(self, node, deep=False):
        try:
            return super().construct_object(node, deep)
        except BadValue:
            raise
        except _BUILD_ERRORS as exc:
            raise BadValue(exc, node) from None

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError, AttributeError):
            return self.construct_scalar(node)  # '2026-02-30': the date check reports it


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


def _check_limits(text: str, loader_class) -> None:
    """Read the YAML's events once (no values built) and refuse an alias bomb or values
    nested too deep. Linear in the size of the text, whatever the aliases expand to."""
    sizes: dict[str, int] = {}  # anchor -> how many values it stands for
    stack: list[list] = [[None, 0]]  # [anchor, values so far] per open list or mapping
    aliased = 0
    loader = loader_class(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                size = sizes.get(event.anchor, 1)
                aliased += size
                if aliased > MAX_ALIASED_VALUES:
                    raise YamlProblem(
                        f"its aliases (*{event.anchor} and others) repeat more than "
                        f"{MAX_ALIASED_VALUES:,} values, which is how a small file is made to "
                        "fill the memory, so it was not read. Write the values out instead "
                        "of repeating them with aliases",
                        event.start_mark.line + 1, event.start_mark.column + 1)
                stack[-1][1] += size
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor:
                    sizes[event.anchor] = 1
                stack[-1][1] += 1
            elif isinstance(event, yaml.CollectionStartEvent):
                if len(stack) > MAX_DEPTH:
                    raise YamlProblem(
                        f"its lists or mappings are nested more than {MAX_DEPTH} deep, so it "
                        "was not read", event.start_mark.line + 1, event.start_mark.column + 1)
                stack.append([event.anchor, 1])
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, size = stack.pop()
                if anchor:
                    sizes[anchor] = size
                stack[-1][1] += size
    except yaml.YAMLError as exc:
        raise _problem(exc) from None
    finally:
        loader.dispose()


_BRACKETS = re.compile(r"[\[\]{}\n]")


def _check_brackets(text: str) -> None:
    """Refuse flow lists or mappings ([ or {) opened more than MAX_DEPTH deep, counted
    straight from the text: PyYAML's own scanner takes time that grows with the square of
    the depth, so 10,000 '[' would take minutes before its events could be checked."""
    depth, line, line_start = 0, 1, 0
    for match in _BRACKETS.finditer(text):
        ch = match.group()
        if ch == "\n":
            line, line_start = line + 1, match.end()
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(f"its lists or mappings are nested more than {MAX_DEPTH} deep, "
                                  "so it was not read", line, match.start() - line_start + 1)
        else:
            depth = max(depth - 1, 0)


def _problem(exc: yaml.YAMLError) -> YamlProblem:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    return YamlProblem(f"this is not valid YAML: {problem}", mark.line + 1 if mark else 1,
                       mark.column + 1 if mark else 1)


def compose(text: str, fast: bool = True) -> yaml.Node | None:
    """The node tree of a one-document YAML text, after the limits above are checked.
    Raises YamlProblem. ``fast``: with libyaml when it is installed (for rule packs, read
    on every run); else with PyYAML's own parser, whose errors are the same everywhere
    (for a note's few lines of front matter)."""
    loader_class = _Loader if fast else yaml.SafeLoader
    if loader_class is yaml.SafeLoader:
        _check_brackets(text)
    _check_limits(text, loader_class)
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError as exc:
        raise _problem(exc) from None
    except RecursionError:  # pure-Python composer only, and MAX_DEPTH keeps it far off
        raise YamlProblem("its values are nested too deep, so it was not read", 1) from None
    finally:
        loader.dispose()


def load_shipped(path) -> object:
    """A data file that ships with notecheck (column names, word classes, pseudonyms),
    read with libyaml when it is installed: these are read on every run, even one whose
    every note is a cache hit, and PyYAML's own parser took 25 ms for columns.yaml."""
    from pathlib import Path

    return yaml.load(Path(path).read_text(encoding="utf-8"), Loader=_Loader)


def construct(node: yaml.Node):
    """The value of a node, as the safe loader builds it. Raises BadValue."""
    try:
        return _Constructor().construct_document(node)
    except BadValue:
        raise
    except _BUILD_ERRORS as exc:
        raise BadValue(exc) from None


def load_yaml(text: str) -> tuple[object, dict[Path_, int]]:
    """Return (data, lines) where ``lines`` maps each path to its 1-based line."""
    node = compose(text)
    try:
        data = construct(node) if node is not None else None
    except BadValue as bad:
        raise YamlProblem(f"this value cannot be used: {bad.describe()}", bad.line, bad.column) from None
    lines: dict[Path_, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return data, lines


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                continue  # a list or mapping as a key (? [a, b]): the constructor refuses it
            key = key_node.value
            if key in seen:
                raise YamlProblem(f"the key '{key}' appears twice in the same place",
                                  key_node.start_mark.line + 1)
            seen.add(key)
            lines[path + (key,)] = key_node.start_mark.line + 1
            _walk(value_node, path + (key,), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, path + (index,), lines)


def line_of(lines: dict[Path_, int], path: Path_) -> int:
    """The line of ``path``, or of its nearest ancestor that has one."""
    path = tuple(path)
    while path and path not in lines:
        path = path[:-1]
    return lines.get(path, 1)
