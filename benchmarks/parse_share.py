"""How much of the parse could a run skip? (issue 11: "parse only what needs parsing")

    PYTHONPATH=src python benchmarks/parse_share.py [FOLDER ...]   (default: tests/heldout6-9)

For each default rule that needs the dependency parse, the words its kind starts from (the
trigger list it scans a sentence for before it reads the parse: passive and reporting verbs,
sharing verbs, hedges, judgements, vague phrases, institutions, family-risk triggers, time
phrases, speech and contact words, four or more same-gender pronouns), matched as the kind
matches them. A sentence in which no such trigger matches is one no parse-needing rule could
start from: the parser could skip it. This is a LOWER bound on what needs the parse: several
kinds also read the parse of other sentences (the voice rule's subject, evidence near a
judgement, the sentences of an institution's paragraph), so the share truly skippable is
smaller still.

It also prints each pipeline component's CPU time on the same notes, and how many of the
parser's sentences the senter (the pipeline's cheap sentence splitter) plus notecheck's
line-break boundaries would give unchanged: with the parser skipped, the boundaries there
would be the senter's, and every sentence-level rule (the evidence classifier above all)
would see different sentences wherever the two differ.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = [ROOT / "tests" / f"heldout{n}" for n in (6, 7, 8, 9)]
# The trigger lists of each parse-needing kind (fields of rule.compiled).
TRIGGERS = {
    "agentless": ["verb_words"],
    "institution-source": ["institutions"],
    "vague": ["terms"],
    "mention": ["triggers"],
    "judgement": ["judgements"],
    "hedge": ["hedges"],
    "voice": ["speech", "contact_terms", "not_obtained", "voice"],
}


def notes(folders: list[Path]) -> list[str]:
    from notecheck.notes import Note
    from notecheck.notes.sources import read_file

    texts = []
    for folder in folders:
        for path in sorted([*folder.glob("*.md"), *folder.glob("*.txt")]):
            texts.extend(item.text for _, item in read_file(str(path), None) if isinstance(item, Note))
    return texts


def trigger_lists(rule) -> list | None:
    """The Terms a rule's kind starts from; None for the pronoun kind (counted apart)."""
    compiled = rule.compiled
    if rule.kind == "sharing":
        return [compiled.starts]
    if rule.kind == "unclear-pronoun":
        return None
    if rule.kind == "undated-phrase":
        terms = compiled["terms"]
        return [terms.terms] + ([terms.age_gap] if terms.age_gap else [])
    return [compiled[name] for name in TRIGGERS[rule.kind]]


def pronoun_heavy(sentence, rule) -> bool:
    options = rule.options
    words = [t.lower_ for t in sentence]
    return any(sum(1 for w in words if w == p.subject.lower() or w in {o.lower() for o in p.objects})
               >= options.min_pronouns for p in options.pronouns)


def main() -> None:
    from notecheck import nlp
    from notecheck.checker import Checker
    from notecheck.engine import rule_needs

    folders = [Path(a) for a in sys.argv[1:]] or DEFAULT
    linter = Checker().linter
    pipe = linter.pipeline.nlp
    texts = notes(folders)
    parse_rules = [r for r in linter.rules if "parse" in rule_needs(r)]
    print(f"{len(texts)} notes from {', '.join(str(f) for f in folders)}; "
          f"{len(parse_rules)} of {len(linter.rules)} default rules need the parse")

    # 1. What each component costs on these notes (CPU, one process, second pass).
    list(pipe.pipe(texts[:5]))
    for _ in range(2):
        start = time.process_time()
        docs = [pipe.tokenizer(t) for t in texts]
        costs = {"tokenizer": time.process_time() - start}
        for name, component in pipe.pipeline:
            start = time.process_time()
            docs = (list(component.pipe(docs, batch_size=64)) if hasattr(component, "pipe")
                    else [component(doc) for doc in docs])
            costs[name] = time.process_time() - start
    total = sum(costs.values())
    print("\n1. CPU per component (s): " + ", ".join(f"{k} {v:.2f}" for k, v in costs.items())
          + f"; parser {costs.get('parser', 0) / total:.0%} of the parse")

    # 2. The sentences some parse-needing rule could start from.
    sentences = tokens = needed_sentences = needed_tokens = 0
    without_voice_s = without_voice_t = 0
    by_rule: dict[str, list[int]] = {r.id: [0, 0] for r in parse_rules}
    lists = {r.id: trigger_lists(r) for r in parse_rules}
    for doc in docs:
        for sentence in doc.sents:
            hit = set()
            for rule in parse_rules:
                found = (pronoun_heavy(sentence, rule) if lists[rule.id] is None
                         else any(next(terms.find(sentence), None) is not None for terms in lists[rule.id]))
                if found:
                    hit.add(rule.kind)
                    by_rule[rule.id][0] += 1
                    by_rule[rule.id][1] += len(sentence)
            sentences += 1
            tokens += len(sentence)
            if hit:
                needed_sentences += 1
                needed_tokens += len(sentence)
            if hit - {"voice"}:
                without_voice_s += 1
                without_voice_t += len(sentence)
    print(f"\n2. {sentences} sentences, {tokens} tokens. A parse-needing rule's trigger matches in "
          f"{needed_sentences / sentences:.0%} of sentences, {needed_tokens / tokens:.0%} of tokens "
          f"(a lower bound); leaving out the voice rule: {without_voice_s / sentences:.0%}, "
          f"{without_voice_t / tokens:.0%}")
    for rule_id, (s, t) in by_rule.items():
        print(f"   {rule_id}: {s / sentences:.0%} of sentences, {t / tokens:.0%} of tokens")
    skippable = 1 - needed_tokens / tokens
    print(f"   at most {skippable:.0%} of tokens could skip the parser: at most "
          f"{skippable * costs.get('parser', 0) / total:.0%} of the parse's CPU")

    # 3. Sentence boundaries without the parser.
    senter = nlp.load_pipeline({"sents"}, linter.config.model)
    same = both = notes_same = 0
    for doc, cheap in zip(docs, senter.nlp.pipe(texts)):
        parsed = {(s.start, s.end) for s in doc.sents}
        split = {(s.start, s.end) for s in cheap.sents}
        same += len(parsed & split)
        both += len(parsed)
        notes_same += parsed == split
    print(f"\n3. senter + line breaks keep {same}/{both} = {same / both:.1%} of the parser's sentences; "
          f"{notes_same}/{len(docs)} notes have every sentence unchanged")


if __name__ == "__main__":
    main()
