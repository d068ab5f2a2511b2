"""The LanguageTool HTTP protocol (``POST /v2/check``, ``GET /v2/languages``), so that
LanguageTool clients (the browser add-on, LTeX, client libraries) show notecheck's
findings.

A request gives the note as ``text``, or as ``data``: JSON annotated text, as LTeX sends
it, ``{"annotation": [{"text": "A "}, {"markup": "<b>"}, {"markup": "<p>",
"interpretAs": "\\n\\n"}]}``. notecheck checks the text parts (a markup part counts as
its ``interpretAs``, or as nothing), and every offset in the answer is a position in the
original document (text and markup together), in UTF-16 code units, as LanguageTool's are.
"""

from __future__ import annotations

import bisect
import json
import urllib.parse
from dataclasses import dataclass, field

from notecheck.diagnostics import Diagnostic
from notecheck.serve.positions import TextPositions, replacement, utf16_length

# notecheck checks English. "auto" (the browser add-on's default) is read as British
# English, the language of the records notecheck was written for.
LANGUAGES = [
    {"name": "English", "code": "en", "longCode": "en"},
    {"name": "English (GB)", "code": "en", "longCode": "en-GB"},
    {"name": "English (US)", "code": "en", "longCode": "en-US"},
    {"name": "English (Australian)", "code": "en", "longCode": "en-AU"},
    {"name": "English (Canadian)", "code": "en", "longCode": "en-CA"},
    {"name": "English (New Zealand)", "code": "en", "longCode": "en-NZ"},
    {"name": "English (South African)", "code": "en", "longCode": "en-ZA"},
]
DEFAULT_LANGUAGE = "en-GB"

# LanguageTool's issue types, which clients use to colour a match: the wording
# categories are style, the categories about what a note leaves out are omissions.
ISSUE_TYPES = {
    "jargon": "style", "labelling": "style", "clarity": "style",
    "opinion": "omission", "attribution": "omission", "voice": "omission",
    "timeliness": "omission", "sharing": "omission", "holistic": "omission",
    "personal-data": "legal",
}
CONTEXT_CHARS = 40  # characters of context either side of a match, as LanguageTool gives
MAX_FIELDS = 100


class LTError(Exception):
    """A request LanguageTool would refuse: answered with this status and plain text."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


# -- the request ----------------------------------------------------------------------

def parse_fields(body: bytes, content_type: str, query: str = "") -> dict[str, str]:
    """The request's fields: the query string, then the body. The body is form-encoded
    (application/x-www-form-urlencoded) or a JSON object. LTeX labels its form-encoded
    body application/json, so a body that is not a JSON object is read as a form."""
    fields: dict[str, str] = {}
    try:
        for key, value in urllib.parse.parse_qsl(query, keep_blank_values=True,
                                                 max_num_fields=MAX_FIELDS, strict_parsing=False):
            fields[key] = value
    except ValueError:
        raise LTError(400, "Error: too many fields in the query string.") from None
    if not body:
        return fields
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind.startswith("multipart/"):
        raise LTError(415, "Error: send the fields form-encoded "
                           "(application/x-www-form-urlencoded), not as multipart/form-data.")
    try:
        decoded = body.decode("utf-8")
    except UnicodeDecodeError:
        raise LTError(400, "Error: the request is not UTF-8.") from None
    if kind.endswith("json") and decoded.lstrip().startswith("{"):
        try:
            document = json.loads(decoded)
        except ValueError as exc:
            raise LTError(400, f"Error: the JSON body could not be read ({exc.msg}).") from None
        for key, value in document.items():
            if isinstance(value, (dict, list)):
                value = json.dumps(value)
            elif isinstance(value, bool):
                value = "true" if value else "false"
            fields[str(key)] = "" if value is None else str(value)
        return fields
    try:
        pairs = urllib.parse.parse_qsl(decoded, keep_blank_values=True, max_num_fields=MAX_FIELDS)
    except ValueError:
        raise LTError(400, "Error: too many fields in the request.") from None
    fields.update(pairs)
    return fields


@dataclass
class Annotated:
    """The text notecheck checks (``plain``) and the document it came from
    (``original``), with where each piece of one sits in the other."""

    plain: str
    original: str
    # (plain start, plain end, original start, original end, is text), for the pieces
    # that add characters to the plain text
    pieces: list[tuple[int, int, int, int, bool]] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str) -> "Annotated":
        return cls(text, text, [(0, len(text), 0, len(text), True)] if text else [])

    @classmethod
    def from_data(cls, data: str) -> "Annotated":
        try:
            document = json.loads(data)
        except ValueError as exc:
            raise LTError(400, f"Error: 'data' is not valid JSON ({exc.msg}).") from None
        parts = document.get("annotation") if isinstance(document, dict) else None
        if not isinstance(parts, list):
            raise LTError(400, "Error: 'data' must be a JSON object with an 'annotation' list, "
                               "e.g. {\"annotation\": [{\"text\": \"A \"}, {\"markup\": \"<b>\"}]}.")
        plain: list[str] = []
        original: list[str] = []
        pieces = []
        p = o = 0
        for number, part in enumerate(parts, 1):
            if not isinstance(part, dict):
                raise LTError(400, f"Error: annotation part {number} is not an object.")
            if "text" in part:
                shown = written = part["text"]
                if not isinstance(shown, str):
                    raise LTError(400, f"Error: annotation part {number}: 'text' must be a string.")
            elif "markup" in part:
                written, shown = part["markup"], part.get("interpretAs", "")
                if not isinstance(written, str) or not isinstance(shown, str):
                    raise LTError(400, f"Error: annotation part {number}: 'markup' and "
                                       "'interpretAs' must be strings.")
            else:
                raise LTError(400, f"Error: annotation part {number} has neither 'text' nor 'markup'.")
            # Text is checked as written; markup as what it is read as (interpretAs).
            if shown:
                pieces.append((p, p + len(shown), o, o + len(written), "text" in part))
            plain.append(shown)
            original.append(written)
            p += len(shown)
            o += len(written)
        return cls("".join(plain), "".join(original), pieces)

    def to_original(self, offset: int, *, end: bool = False) -> int:
        """A character offset in the plain text as one in the original document. A start
        falls after markup at the same place, an end before it; a position inside
        markup read as ``interpretAs`` is the markup's start (or, for an end, its end)."""
        pieces = self.pieces  # they cover the plain text without gaps, in order
        if not pieces:
            return 0
        starts = [piece[0] for piece in pieces]
        if end:
            if offset <= 0:
                return 0
            index = bisect.bisect_left(starts, offset) - 1  # p_start < offset <= p_end
        else:
            if offset >= len(self.plain):
                return pieces[-1][3]
            index = max(0, bisect.bisect_right(starts, offset) - 1)  # p_start <= offset < p_end
        p_start, p_end, o_start, o_end, is_text = pieces[index]
        offset = min(max(offset, p_start), p_end)
        if is_text:
            return o_start + (offset - p_start)
        return o_end if end else o_start


@dataclass
class CheckRequest:
    annotated: Annotated
    language: str
    enabled_rules: set[str]
    disabled_rules: set[str]
    enabled_categories: set[str]
    disabled_categories: set[str]
    enabled_only: bool
    api_key: str | None


def _list(value: str | None) -> set[str]:
    return {item.strip() for item in (value or "").split(",") if item.strip()}


def read_request(fields: dict[str, str]) -> CheckRequest:
    if fields.get("text") is not None and "data" not in fields:
        annotated = Annotated.from_text(fields["text"])
    elif fields.get("data") is not None:
        annotated = Annotated.from_data(fields["data"])
    else:
        raise LTError(400, "Error: missing 'text' or 'data' parameter.")
    language = (fields.get("language") or "auto").strip()
    lowered = language.lower()
    if lowered != "auto" and lowered != "en" and not lowered.startswith("en-"):
        raise LTError(400, f"Error: notecheck checks English only, not '{language[:20]}'. "
                           "Ask for 'en-GB', 'en-US' or 'auto'.")
    enabled_only = (fields.get("enabledOnly") or "false").strip().lower() == "true"
    request = CheckRequest(
        annotated=annotated,
        language=language,
        enabled_rules=_list(fields.get("enabledRules")),
        disabled_rules=_list(fields.get("disabledRules")),
        enabled_categories={c.lower() for c in _list(fields.get("enabledCategories"))},
        disabled_categories={c.lower() for c in _list(fields.get("disabledCategories"))},
        enabled_only=enabled_only,
        api_key=fields.get("apiKey") or None,
    )
    if enabled_only and not (request.enabled_rules or request.enabled_categories):
        raise LTError(400, "Error: enabledOnly=true needs enabledRules or enabledCategories.")
    return request


def wanted(request: CheckRequest, d: Diagnostic) -> bool:
    """LanguageTool's rule and category filters. enabledRules cannot turn on a rule the
    server does not run (start it with --profile training for the personal-data rules)."""
    if d.rule in request.disabled_rules or d.category.lower() in request.disabled_categories:
        return False
    if request.enabled_only:
        return d.rule in request.enabled_rules or d.category.lower() in request.enabled_categories
    return True


# -- the answer -----------------------------------------------------------------------

def language_block(request_language: str) -> dict:
    code = request_language if request_language.lower().startswith("en-") else DEFAULT_LANGUAGE
    names = {entry["longCode"].lower(): entry["name"] for entry in LANGUAGES}
    name = names.get(code.lower(), "English")
    return {"name": name, "code": code,
            "detectedLanguage": {"name": name, "code": code, "confidence": 1.0, "source": "notecheck"}}


def software_block(version: str) -> dict:
    return {"name": "notecheck", "version": version, "buildDate": "", "apiVersion": 1,
            "premium": False, "premiumHint": "", "status": ""}


def category_name(category: str) -> str:
    return category.replace("-", " ").capitalize()


def rule_block(d: Diagnostic, rule) -> dict:
    if rule is not None:
        description = rule.summary or _first_sentence(rule.description)
        urls = [{"value": url} for url in rule.references]
    else:
        description, urls = d.rule, []
    block = {"id": d.rule, "description": description,
             "issueType": ISSUE_TYPES.get(d.category, "uncategorized"),
             "category": {"id": d.category, "name": category_name(d.category)}}
    if urls:
        block["urls"] = urls
    return block


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    end = text.find(". ")
    return text if end == -1 else text[:end + 1]


def _context(d: Diagnostic, start: int, end: int, plain: TextPositions) -> dict:
    """Text around the match from the diagnostic's excerpt (its line), which is masked: a
    client is never sent an identifier it did not already have, even in the context."""
    excerpt = d.excerpt
    if excerpt is None:
        return {"text": "", "offset": 0, "length": 0}
    at = max(0, min(len(excerpt), start - plain.line_start(start)))
    length = max(0, min(len(excerpt) - at, end - start))
    left = max(0, at - CONTEXT_CHARS)
    right = min(len(excerpt), at + length + CONTEXT_CHARS)
    return {"text": excerpt[left:right], "offset": utf16_length(excerpt[left:at]),
            "length": utf16_length(excerpt[at:at + length])}


def match(d: Diagnostic, rule, annotated: Annotated, plain: TextPositions,
          original: TextPositions) -> dict:
    start, end = plain.span(d)
    replace_with = replacement(d, annotated.plain, start, end)
    if end <= start:  # about the whole note: underline the first word where it points
        start, end = plain.word_at(start)
    context = _context(d, start, end, plain)
    o_start = annotated.to_original(start)
    o_end = max(o_start, annotated.to_original(end, end=True))
    offset = original.utf16(o_start)
    rule_info = rule_block(d, rule)
    return {
        "message": d.message,
        "shortMessage": rule_info["description"] if rule is not None else "",
        "replacements": [{"value": replace_with}] if replace_with else [],
        "offset": offset,
        "length": original.utf16(o_end) - offset,
        "context": context,
        "sentence": d.excerpt or "",
        "type": {"typeName": "Hint" if d.severity.value == "info" else "Other"},
        "rule": rule_info,
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


def response(request: CheckRequest, diagnostics: list[Diagnostic], rules: dict, version: str) -> dict:
    annotated = request.annotated
    plain = TextPositions(annotated.plain)
    original = plain if annotated.original == annotated.plain else TextPositions(annotated.original)
    matches = [match(d, rules.get(d.rule), annotated, plain, original)
               for d in diagnostics if wanted(request, d)]
    matches.sort(key=lambda m: (m["offset"], m["length"]))
    return {
        "software": software_block(version),
        "warnings": {"incompleteResults": False},
        "language": language_block(request.language),
        "matches": matches,
    }
