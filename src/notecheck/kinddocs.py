"""The reference for rule files, generated from the pydantic schemas: the fields every
rule has, then each kind's own options (type, default, what it does), so a local
authority can write any kind of rule. docs/kinds.md is this module's output, and a test
keeps it up to date:

    python -m notecheck.kinddocs > docs/kinds.md
"""

from __future__ import annotations

import inspect
import re
import sys
import typing

from pydantic import BaseModel
from pydantic_core import PydanticUndefined


def field_comments(model: type[BaseModel]) -> dict[str, str]:
    """What the source says of each field: the comment lines just above it, or the
    comment at the end of its line."""
    try:
        lines = inspect.getsource(model).splitlines()
    except (OSError, TypeError):
        return {}
    comments: dict[str, str] = {}
    above: list[str] = []
    for line in lines[1:]:
        stripped = line.strip()
        if stripped.startswith("#"):
            above.append(stripped.lstrip("# ").rstrip())
            continue
        match = re.match(r"(\w+)\s*:", stripped)
        if match and match.group(1) in model.model_fields:
            trailing = line.split("#", 1)[1].strip() if "#" in line and '"#' not in line else ""
            comments[match.group(1)] = " ".join([*above, trailing]).strip()
        above = []
    return comments


def type_name(annotation) -> str:
    origin = typing.get_origin(annotation)
    args = typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_name(args[0])
    if origin is typing.Literal:
        return " \\| ".join(f"`{a}`" for a in args)
    if origin in (list, tuple, set):
        return f"list of {type_name(args[0])}" if args else "list"
    if origin is dict:
        return f"mapping of {type_name(args[0])} to {type_name(args[1])}" if args else "mapping"
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", ())):
        names = [type_name(a) for a in args if a is not type(None)]
        return " or ".join(names) + (" (optional)" if type(None) in args else "")
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return f"[{annotation.__name__}](#{annotation.__name__.lower()})"
        return {"str": "text", "int": "whole number", "float": "number", "bool": "true/false"}.get(
            annotation.__name__, annotation.__name__)
    return str(annotation).replace("typing.", "")


def default_of(info) -> str:
    if info.is_required():
        return "required"
    default = info.default
    if default is PydanticUndefined:
        default = info.default_factory() if info.default_factory else None
    if isinstance(default, BaseModel):
        return "(see below)"
    if default in ([], {}, None, ""):
        return "none" if default is None else "empty"
    return f"`{default}`"


def nested_models(model: type[BaseModel]) -> list[type[BaseModel]]:
    found: list[type[BaseModel]] = []

    def walk(annotation) -> None:
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation not in found:
                found.append(annotation)
                for info in annotation.model_fields.values():
                    walk(info.annotation)
        for arg in typing.get_args(annotation):
            walk(arg)

    for info in model.model_fields.values():
        walk(info.annotation)
    return found


def model_table(model: type[BaseModel]) -> list[str]:
    comments = field_comments(model)
    rows = ["| option | type | default | what it does |", "| --- | --- | --- | --- |"]
    for name, info in model.model_fields.items():
        what = info.description or comments.get(name, "")
        rows.append(f"| `{name}` | {type_name(info.annotation)} | {default_of(info)} | {what} |")
    return rows


def generate() -> str:
    from notecheck.kinds import KINDS
    from notecheck.rules.model import CommonFields

    out = ["# Rule files: every field and every kind's options", "",
           "Generated from the schemas by `python -m notecheck.kinddocs`; do not edit by hand.",
           "A rule file is YAML: `rules:` then a list of rules. Every rule has the common fields; "
           "`kind:` picks how it checks, and the kind's own options sit beside the common fields. "
           "Unknown fields are errors that name the file, the line and the closest valid field.", "",
           "## Common fields", "", *model_table(CommonFields), ""]
    for name, kind in KINDS.items():
        module = sys.modules[kind.check.__module__]
        summary = (inspect.getdoc(module) or "").split("\n\n")[0].replace("\n", " ")
        out += [f"## `kind: {name}`", "", summary, ""]
        if kind.placeholders:
            out += ["Message placeholders beyond `{match}` and `{suggestion}`: "
                    + ", ".join(f"`{{{p}}}`" for p in kind.placeholders) + ".", ""]
        out += [*model_table(kind.options), ""]
        for nested in nested_models(kind.options):
            doc = inspect.cleandoc(nested.__dict__.get("__doc__") or "")
            out += [f"### {nested.__name__}", "", *([doc, ""] if doc else []),
                    *model_table(nested), ""]
    return "\n".join(out).rstrip() + "\n"


if __name__ == "__main__":
    sys.stdout.write(generate())
