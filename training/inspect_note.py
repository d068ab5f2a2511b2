"""Print each sentence of a note with the evidence the classifier gives it (for developing
rules: run it on the gate corpora, never on a blind set).

    PYTHONPATH=src python training/inspect_note.py NOTE [NOTE ...] [--min 0.3]
"""

from __future__ import annotations

import sys



def main(argv: list[str]) -> int:
    floor = 0.3
    if "--min" in argv:
        i = argv.index("--min")
        floor = float(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    from notecheck.kinds.base import ParsedNote
    from notecheck.kinds.evidence import sentence_evidence
    from notecheck.nlp import load_pipeline
    from notecheck.notes import Note  # noqa: F401

    pipeline = load_pipeline({"parse", "lemma", "pos"})
    for path in argv:
        text = open(path, encoding="utf-8").read()
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        doc = pipeline.nlp(text)

        class _Note:
            meta: dict = {}
        note = _Note()
        note.text = text
        parsed = ParsedNote(note, doc)
        print(f"== {path}")
        for sent, cats in sentence_evidence(parsed):
            shown = ", ".join(f"{k} {v:.2f}" for k, v in sorted(cats.items(), key=lambda kv: -kv[1]) if v >= floor)
            print(f"  {' '.join(sent.text.split())[:110]!r}\n      {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
