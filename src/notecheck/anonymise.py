"""Anonymised copies of notes, for training material.

Names become invented pseudonyms, the same person getting the same pseudonym across
the whole pack; identifiers become safe placeholders that still look right (NHS
test-range numbers that pass the check digit, QQ National Insurance numbers, Ofcom
drama phone numbers, example.org emails); dates of birth keep only month and year.
Detection is the personal-data rules themselves, so the copy passes
``notecheck check --profile training``: what the rules would flag is what is replaced.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from notecheck import identifiers
from notecheck.files import write_atomic
from notecheck.config import Config
from notecheck.kinds import KINDS
from notecheck.kinds.base import ParsedNote
from notecheck.kinds.names import meta_names
from notecheck.notes import InputProblem, Note
from notecheck.rules.model import Rule

NAME_RULE = "personal-data.person-name"
CONFIG_MARK = "# Written by notecheck anonymise"


class AnonymiseError(Exception):
    pass


def pseudonym_pool() -> tuple[list[str], list[str]]:
    from notecheck.rules.yamlsource import load_shipped

    data = load_shipped(Path(__file__).parent / "data" / "pseudonyms.yaml")
    return list(data["first_names"]), list(data["surnames"])


@dataclass
class Source:
    path: Path       # the input file
    target: Path     # where its copy goes
    text: str        # the whole file
    note: Note       # the note as `check` reads it
    body_offset: int  # where note.text starts in text
    newline: str = "\n"  # the file's own line ending, kept in the copy
    meta_names: list[str] = field(default_factory=list)
    findings: list[tuple[str, int, int]] = field(default_factory=list)  # (rule id, start, end)
    document: object = None  # a Word document (python-docx), rewritten paragraph by paragraph
    # A JSON or JSON Lines file: ``text`` is its view with the string escapes decoded, and
    # the copy is written back as JSON.
    json: "JsonView | None" = None


@dataclass
class Result:
    written: list[Path]
    skipped: list[tuple[str, str]]  # (path, why)
    names: dict[str, str]            # real name word -> pseudonym word
    identifiers: dict[str, str]      # real value -> placeholder
    dates_of_birth: int
    config_written: bool


class Anonymiser:
    """Plans and writes anonymised copies. ``rules`` are the personal-data rules."""

    def __init__(self, rules: list[Rule], nlp, config: Config | None = None):
        self.rules = rules
        self.nlp = nlp
        self.config = config or Config()
        first, last = pseudonym_pool()
        self.first_pool, self.last_pool = first, last
        self.first_map: dict[str, str] = {}
        self.last_map: dict[str, str] = {}
        self.values: dict[tuple[str, str], str] = {}
        self.counters: dict[str, int] = {}
        self.dates_of_birth = 0
        self.real_words: set[str] = set()

    # --- planning -------------------------------------------------------------------

    def detect(self, source: Source) -> None:
        """Run the personal-data rules on the note as `notecheck check` reads it (the body,
        with its front matter as metadata), so the copy is judged by what was detected."""
        note, offset = source.note, source.body_offset
        parsed = ParsedNote(note, self.nlp(note.text), self.config)
        for rule in self.rules:
            for finding in KINDS[rule.kind].check(parsed, rule):
                if finding.field is None:
                    source.findings.append((rule.id, offset + finding.start, offset + finding.end))
        # The front matter too ("nhs: 943 476 5919", "dob: 12/03/2015"): the regex rules
        # need no language model.
        if offset:
            head = ParsedNote(Note(str(source.path), source.text[:offset]), None, self.config)
            for rule in self.rules:
                if rule.kind == "regex":
                    source.findings.extend((rule.id, f.start, f.end) for f in KINDS["regex"].check(head, rule))

    def learn_names(self, sources: list[Source]) -> None:
        """Give every real name word a pseudonym word: first names from the first-name
        pool, surnames (the last word of a full name, "M. Tembo", or a word after a title)
        from the surname pool, in order of first appearance, so a re-run gives the same
        copy. No pseudonym is a real name found anywhere in the pack."""
        titles = {t.lower() for r in self.rules if r.kind == "person-name" for t in r.options.titles}
        roles: dict[str, bool] = {}  # word -> is a surname; first sight decides, a surname wins
        for source in sources:
            names = [(source.text[s:e], source.text[max(0, s - 6):s]) for rid, s, e in source.findings
                     if rid == NAME_RULE]
            names += [(n, "") for n in source.meta_names]
            for name, before in names:
                words = _words(name)
                if not words:
                    continue
                after_title = bool(before.split()) and before.split()[-1].lower().rstrip(".") in titles
                full = len(name.split()) > 1  # "Jamie Smith", "M. Tembo"
                for word in words[:-1]:
                    roles.setdefault(word, False)
                last = words[-1]
                roles[last] = roles.get(last, False) or full or after_title
        # The config's approved pseudonyms are invented already: never replaced.
        approved = {w for name in self.config.pseudonyms for w in _words(name)}
        roles = {word: surname for word, surname in roles.items() if word not in approved}
        self.real_words = set(roles) | approved
        for word, surname in roles.items():
            if surname:
                self.last_map[word] = self._pick(self.last_pool, len(self.last_map))
            else:
                self.first_map[word] = self._pick(self.first_pool, len(self.first_map))

    def _pick(self, pool: list[str], index: int) -> str:
        taken = self.real_words
        rounds, position = divmod(index, len(pool))
        name = pool[position]
        while name in taken:  # never "replace" a real name with itself
            position = (position + 1) % len(pool)
            name = pool[position]
        return name if rounds == 0 else f"{name}{'e' * rounds}"

    # --- rewriting ------------------------------------------------------------------

    def rewrite(self, source: Source) -> str:
        edits = self.edits(source)
        if source.json is not None:
            return source.json.apply(edits)
        out, at = [], 0
        for start, end, replacement in edits:
            out.append(source.text[at:start])
            out.append(replacement)
            at = end
        out.append(source.text[at:])
        return "".join(out)

    def edits(self, source: Source) -> list[tuple[int, int, str]]:
        """What to replace in ``source.text``: (start, end, replacement), in order, none
        overlapping."""
        text = source.text
        edits: list[tuple[int, int, str]] = []
        for rule_id, start, end in sorted(source.findings, key=lambda f: (f[1], -f[2])):
            if rule_id == NAME_RULE:
                continue
            edits.append((start, end, self.placeholder(rule_id, text[start:end])))
        names = {**self.first_map, **self.last_map}
        # Also in capitals ("ZOË SAID"), as headings and shouted quotes have them.
        names.update({real.upper(): fake.upper() for real, fake in list(names.items())
                      if real.upper() != real})
        if names:
            pattern = re.compile(r"(?<![\w@.])(" + "|".join(
                re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w@])")
            edits.extend((m.start(), m.end(), names[m.group(1)]) for m in pattern.finditer(text))
        kept, at = [], 0
        for start, end, replacement in sorted(edits, key=lambda e: (e[0], -(e[1] - e[0]))):
            if start < at:
                continue  # inside an identifier already replaced
            kept.append((start, end, replacement))
            at = end
        return kept

    def placeholder(self, rule_id: str, value: str) -> str:
        kind = rule_id.split(".", 1)[1]
        if kind == "date-of-birth":
            self.dates_of_birth += 1
            return generalise_date(value)
        key = (kind, _normal(kind, value))
        if key not in self.values:
            counter = "health" if kind in ("nhs-number", "chi-number", "health-care-number") else kind
            index = self.counters.get(counter, 0)
            self.counters[counter] = index + 1
            self.values[key] = _make_placeholder(kind, value, index)
        return self.values[key]

    def pseudonyms(self) -> list[str]:
        """Every invented name used, for the copy's config."""
        return sorted(set(self.first_map.values()) | set(self.last_map.values())
                      | set(self.config.pseudonyms))

    def mapping(self) -> dict:
        return {
            "names": {**self.first_map, **self.last_map},
            "identifiers": {value_key[1]: v for value_key, v in self.values.items()},
        }


def _words(name: str) -> list[str]:
    from notecheck.kinds.names import WORD

    words = [w.removesuffix("'s").removesuffix("’s") for w in WORD.findall(name)]
    return [w for w in words if len(w) > 1 and w[0].isupper() and not w.isupper()]


def _normal(kind: str, value: str) -> str:
    if kind == "email":
        return value.lower()
    if kind == "address":
        return " ".join(value.lower().split())
    return re.sub(r"[^A-Za-z0-9]", "", value).upper()


def _make_placeholder(kind: str, value: str, index: int) -> str:
    if kind in ("nhs-number", "chi-number", "health-care-number"):
        return identifiers.nhs_placeholder(index)
    if kind == "ni-number":
        return identifiers.ni_placeholder(index)
    if kind == "phone":
        return identifiers.phone_placeholder(value, index)
    if kind == "email":
        return identifiers.email_placeholder(index)
    if kind == "postcode":
        return "ZZ99 9ZZ"  # not a valid postcode (Z is never a second letter), so never real
    if kind == "address":
        return f"{index + 1} Example Road"
    return f"[{kind.replace('-', ' ')}]"


def generalise_date(value: str) -> str:
    """A date of birth cut to month and year, written the way it was."""
    date = identifiers.parse_date(value)
    if date is None:
        return "[date of birth]"
    stripped = value.strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", stripped):
        return f"{date.year}-{date.month:02d}"
    if re.fullmatch(r"\d{1,2}([/.-])\d{1,2}[/.-]\d{2,4}", stripped):
        separator = re.search(r"[/.-]", stripped).group()
        return f"{date.month:02d}{separator}{date.year}"
    return date.strftime("%B %Y")


# --- JSON: names written as escapes ---------------------------------------------------

JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
_SIMPLE_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r",
                   "t": "\t"}
_HEX4 = re.compile(r"[0-9a-fA-F]{4}")


class JsonView:
    """JSON text as its reader sees it: inside strings, escapes decoded ("Zo\\u00eb" is
    "Zoë", "\\n" a line break), so names and identifiers are found whichever way the
    export wrote them. ``apply`` writes replacements back into the JSON text, encoded
    the way the file was (\\u escapes in a file that is all ASCII)."""

    def __init__(self, raw: str):
        self.raw = raw
        self.ascii = raw.isascii()
        chars: list[str] = []
        self.origin: list[int] = []     # where each view character starts in ``raw``
        self.in_string: list[bool] = []
        i, inside, length = 0, False, len(raw)
        while i < length:
            ch, start = raw[i], i
            i += 1
            if ch == '"':
                inside = not inside
                chars.append(ch)
                self.origin.append(start)
                self.in_string.append(False)
                continue
            if inside and ch == "\\" and i < length:
                code = raw[i]
                if code in _SIMPLE_ESCAPES:
                    ch, i = _SIMPLE_ESCAPES[code], i + 1
                elif code == "u" and _HEX4.fullmatch(raw, i + 1, i + 5):
                    value, i = int(raw[i + 1:i + 5], 16), i + 5
                    if (0xD800 <= value < 0xDC00 and raw.startswith("\\u", i)
                            and _HEX4.fullmatch(raw, i + 2, i + 6)
                            and 0xDC00 <= int(raw[i + 2:i + 6], 16) < 0xE000):
                        low, i = int(raw[i + 2:i + 6], 16), i + 6
                        value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    ch = chr(value)
            chars.append(ch)
            self.origin.append(start)
            self.in_string.append(inside)
        self.origin.append(length)
        self.text = "".join(chars)

    def apply(self, edits: list[tuple[int, int, str]]) -> str:
        """The JSON text with view spans replaced; a replacement is JSON-encoded, and
        never touches the JSON around a string (a span that crosses one keeps it)."""
        out, at = [], 0
        for start, end, replacement in edits:
            segments = self._segments(start, end)
            for index, (s, e, inside) in enumerate(segments):
                out.append(self.raw[at:self.origin[s]])
                if inside:
                    if index == 0 or not segments[0][2]:
                        out.append(json.dumps(replacement, ensure_ascii=self.ascii)[1:-1])
                        replacement = ""
                else:
                    out.append(self.raw[self.origin[s]:self.origin[e]])
                at = self.origin[e]
        out.append(self.raw[at:])
        return "".join(out)

    def _segments(self, start: int, end: int) -> list[tuple[int, int, bool]]:
        """start..end cut where it enters or leaves a string: (start, end, inside)."""
        segments, begin = [], start
        for i in range(start + 1, end + 1):
            if i == end or self.in_string[i] != self.in_string[begin]:
                segments.append((begin, i, self.in_string[begin]))
                begin = i
        return segments


# --- files ------------------------------------------------------------------------------

def plan_sources(paths: list[str], out: Path) -> tuple[list[Source], list[tuple[str, str]]]:
    """The files to copy and where each copy goes. Refuses to write into or over the input."""
    from notecheck.notes.sources import discover, read_file
    from notecheck.notes.text import decode, normalise_newlines, parse_text

    out = out.resolve()
    if out.exists() and not out.is_dir():
        raise AnonymiseError(f"--out {out} is a file; give a folder for the copies (it is "
                             "made if it does not exist).")
    if "-" in paths:
        raise AnonymiseError("anonymise reads files and folders, not standard input.")
    root = _common_folder(paths)
    sources, skipped, targets = [], [], {}
    for raw in paths:
        base = Path(raw).resolve()
        if base.is_dir() and (out == base or base in out.parents):
            raise AnonymiseError(f"--out {out} is inside the input folder {raw}; choose a folder "
                                 "outside it, so the copy can never overwrite or mix with the originals.")
        if base.is_file() and out == base:
            raise AnonymiseError(f"--out {out} is the input file itself.")
        for item in discover([raw]):
            if isinstance(item, InputProblem):
                skipped.append((raw, item.message))
                continue
            path = Path(item).resolve()
            if base.is_dir() and base not in path.parents:
                skipped.append((item, f"it is a link to {path}, outside {raw}, so it was not "
                                      "copied; copy that file into the folder, or name it as an "
                                      "input itself"))
                continue
            # Each copy keeps its place below the inputs' common folder, so two inputs with
            # the same file name never overwrite each other.
            target = out / path.relative_to(root)
            if target == path:
                raise AnonymiseError(f"the copy of {item} would overwrite it; choose another --out folder.")
            if target in targets:
                raise AnonymiseError(f"{item} and {targets[target]} would both be copied to "
                                     f"{target}; anonymise them one at a time.")
            targets[target] = item
            if path.suffix.lower() == ".docx":
                try:
                    sources.append(docx_source(path, target))
                except (OSError, InputProblem) as exc:
                    skipped.append((item, getattr(exc, "message", None) or str(exc)))
                continue
            try:
                raw_text = decode(path.read_bytes()).text
                text = normalise_newlines(raw_text)
            except (OSError, InputProblem) as exc:
                skipped.append((item, getattr(exc, "message", None) or str(exc)))
                continue
            view = JsonView(text) if path.suffix.lower() in JSON_SUFFIXES else None
            if view is not None:
                text = view.text
            try:
                note = parse_text(str(path), text)
            except InputProblem:
                note = Note(str(path), text)  # broken front matter: treat it all as text
            offset = len(text) - len(note.text) if text.endswith(note.text) else 0
            if offset == 0 and note.text != text:
                note = Note(str(path), text)
            source = Source(path, target, text, note, offset, json=view,
                            newline="\r\n" if raw_text.count("\r\n") > raw_text.count("\n") // 2 else "\n")
            source.meta_names = [name for _, name in meta_names_of(note)]
            if path.suffix.lower() not in (".txt", ".md", ".markdown"):
                # An export: the names its reader finds in each row's columns (subject, ...).
                source.meta_names += [name for _, row in read_file(str(path))
                                      if isinstance(row, Note) for _, name in meta_names_of(row)]
            sources.append(source)
    return sources, skipped


# --- Word documents ----------------------------------------------------------------------

def docx_paragraphs(document) -> list:
    """Every paragraph (python-docx objects), tables included, in the order the .docx
    reader reads them: the note's lines."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    out = []

    def walk(parent, element) -> None:
        for child in element.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                out.append(Paragraph(child, parent))
            elif tag == "tbl":
                for row in Table(child, parent).rows:
                    seen = set()
                    for cell in row.cells:
                        if id(cell._tc) in seen:
                            continue
                        seen.add(id(cell._tc))
                        walk(cell, cell._tc)
            elif tag == "sdt":
                content = child.find(child.tag.replace("sdt", "sdtContent"))
                if content is not None:
                    walk(parent, content)

    walk(document, document.element.body)
    return out


def _line(text: str) -> str:
    return " ".join(text.replace("\t", " ").splitlines())


def docx_source(path: Path, target: Path) -> Source:
    import zipfile

    import docx

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputProblem("input.unreadable", f"this is not a Word .docx file that can be read ({exc})") from None
    text = "\n".join(_line(p.text) for p in docx_paragraphs(document))
    return Source(path, target, text, Note(str(path), text), 0, document=document)


def write_docx(anonymiser: Anonymiser, source: Source) -> None:
    """The copy of a Word document: each paragraph's text rewritten, run by run where the
    replacements fall inside runs (so bold, italics and fonts stay), else the paragraph's
    new text in its first run. Written atomically."""
    import os
    import tempfile

    start = 0
    for paragraph in docx_paragraphs(source.document):
        old = _line(paragraph.text)
        end = start + len(old)
        inside = [(rid, s - start, e - start) for rid, s, e in source.findings
                  if start <= s and e <= end]
        wanted = anonymiser.rewrite(Source(source.path, source.target, old, Note("", old), 0,
                                           findings=inside))
        if wanted != old:
            runs = paragraph.runs
            counted = anonymiser.dates_of_birth  # the run pass must not count them again
            new_runs, at = [], 0
            for run in runs:
                text = run.text
                local = [(rid, s - at, e - at) for rid, s, e in inside
                         if at <= s and e <= at + len(text)]
                new_runs.append(anonymiser.rewrite(Source(source.path, source.target, text,
                                                          Note("", text), 0, findings=local)))
                at += len(text)
            anonymiser.dates_of_birth = counted
            if runs and _line("".join(new_runs)) == wanted:
                for run, text in zip(runs, new_runs):
                    if run.text != text:
                        run.text = text
            elif runs:
                runs[0].text = wanted
                for run in runs[1:]:
                    run.text = ""
            else:
                paragraph.text = wanted
        start = end + 1
    source.target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{source.target.name}.", suffix=".tmp",
                                         dir=source.target.parent)
    os.close(handle)
    try:
        source.document.save(temporary)
        os.replace(temporary, source.target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
def _common_folder(paths: list[str]) -> Path:
    """The deepest folder holding every input (a folder input itself, a file's folder)."""
    folders = [str(p if p.is_dir() else p.parent) for p in (Path(raw).resolve() for raw in paths)]
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # on different drives
        raise AnonymiseError("the inputs have no folder in common (different drives); "
                             "anonymise them one at a time.") from None


def meta_names_of(note: Note) -> list[tuple[str, str]]:
    return meta_names(ParsedNote(note, None))


def copy_config(pseudonyms: list[str]) -> str:
    lines = [CONFIG_MARK + ": this copy is training material, and these invented",
             "# names are the approved pseudonyms it uses.",
             "profile: training",
             "pseudonyms:"]
    lines += [f"  - {name}" for name in pseudonyms] or []
    if not pseudonyms:
        lines[-1] = "pseudonyms: []"
    return "\n".join(lines) + "\n"


def anonymise(paths: list[str], out: Path, rules: list[Rule], nlp, config: Config | None = None,
              mapping: Path | None = None) -> Result:
    out = out.resolve()
    if mapping is not None:
        mapping = mapping.resolve()
        if out == mapping.parent or out in mapping.parents:
            raise AnonymiseError("the mapping file holds the real names and identifiers; it must "
                                 f"not go inside the copy ({out}).")
    sources, skipped = plan_sources(paths, out)
    if mapping is not None and any(source.path == mapping for source in sources):
        raise AnonymiseError(f"--mapping {mapping} is one of the input files; choose another name.")
    for raw in paths if mapping is not None else ():
        folder = Path(raw).resolve()
        if folder.is_dir() and folder in mapping.parents:
            raise AnonymiseError(f"--mapping {mapping} is inside the input folder {raw}; "
                                 "anonymise never writes there. Choose a place outside it.")
    anonymiser = Anonymiser(rules, nlp, config)
    for source in sources:
        anonymiser.detect(source)
    anonymiser.learn_names(sources)
    written = []
    for source in sources:
        if source.document is not None:
            write_docx(anonymiser, source)
        else:
            write_atomic(source.target, anonymiser.rewrite(source).replace("\n", source.newline))
        written.append(source.target)
    config_path = out / "notecheck.yaml"
    config_written = False
    if not config_path.exists() or config_path.read_text("utf-8").startswith(CONFIG_MARK):
        write_atomic(config_path, copy_config(anonymiser.pseudonyms()))
        config_written = True
    if mapping is not None:
        write_atomic(mapping, "# PERSONAL DATA: real names and identifiers and their stand-ins.\n"
                              "# Keep this as securely as the original records; never share it.\n"
                     + yaml.safe_dump(anonymiser.mapping(), sort_keys=True, allow_unicode=True))
    return Result(written, skipped, {**anonymiser.first_map, **anonymiser.last_map},
                  {k[1]: v for k, v in anonymiser.values.items()}, anonymiser.dates_of_birth,
                  config_written)
