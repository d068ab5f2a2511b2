"""YAML loading that remembers where every key and item came from.

Values are built by PyYAML's safe loader only; the composed node tree is walked
once more to record the line of each key, so errors can point at it.
"""

from __future__ import annotations

import yaml

Path_ = tuple  # a path into the data: ("rules", 0, "terms", 3, "term")


class YamlProblem(Exception):
    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


def load_yaml(text: str) -> tuple[object, dict[Path_, int]]:
    """Return (data, lines) where ``lines`` maps each path to its 1-based line."""
    # Parse once (libyaml when installed: rule packs are read on every run), then build
    # the values from the same node tree whose marks give the lines.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise YamlProblem(f"this is not valid YAML: {problem}", mark.line + 1 if mark else 1) from None
    finally:
        loader.dispose()
    lines: dict[Path_, int] = {}
    if node is not None:
        _walk(node, (), lines)
    return data, lines


def _walk(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set = set()
        for key_node, value_node in node.value:
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
