"""How fast is notecheck, and how much do its rules add to spaCy's own time?

    PYTHONPATH=src python benchmarks/throughput.py [N] [--repeat R] [--profile]

Generates N realistic case notes (default 2000) from varied sentence templates, then
prints words per second for
  (a) the bare spaCy pipeline with exactly the components notecheck's enabled rules
      need (notecheck.nlp.load_pipeline, then nlp.pipe over the note texts), and
  (b) a full notecheck run (Linter.lint over the same notes, consuming every diagnostic),
and the share of time the rules add (target: at most 25%). Then the cold-start time of
`notecheck check` on one note against `python -c "import spacy"` (median of 5 each).
With --profile, (c) runs under cProfile and the top functions are printed.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from notecheck.config import Config  # noqa: E402
from notecheck.engine import Linter, rule_needs  # noqa: E402
from notecheck.nlp import load_pipeline  # noqa: E402
from notecheck.notes.text import parse_text  # noqa: E402
from notecheck.rules.loader import builtin_rules_dir, load_rules  # noqa: E402
from notecheck.rules.selection import select_rules  # noqa: E402

# --- realistic notes ------------------------------------------------------------------------

CHILDREN = ["Jamie", "Ella", "Tyler", "Amira", "Kacper", "Leah", "Josh", "Maya", "Reuben", "Chloe"]
ADULTS = ["Mr Jones", "Mrs Patel", "Doreen", "Mr Okafor", "Ms Campbell", "Arthur", "Mrs Nowak"]
CARERS = ["Mum", "Dad", "Nan", "the foster carer", "her stepdad", "his aunt", "the key worker"]
PLACES = ["at home", "at school", "in the kitchen", "at the contact centre", "in the garden",
          "in the car", "at the day centre", "in the lounge", "at the GP surgery"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "last weekend", "this morning"]
FEELINGS = ["happy", "worried", "tired", "angry", "quiet", "excited", "upset", "calm"]
ACTIVITIES = ["football", "drawing", "his Xbox", "baking", "swimming", "her phone", "Lego",
              "the garden", "the bus trip", "bingo", "the allotment"]

CHILD_SENTENCES = [
    "I visited {child} {place} on {day}.",
    "{child} showed me their bedroom and talked about {activity}.",
    "{child} said \"I like it here but I miss my brother.\"",
    "{carer} told me that {child} had not been sleeping well since the last contact.",
    "{child} was {feeling} when I arrived and sat close to {carer}.",
    "The CIN plan was discussed and {carer} agreed to attend the next meeting.",
    "{child} kicked off when asked to turn off {activity}.",
    "{carer} was non-compliant with the safety plan and refused to engage.",
    "I observed that the kitchen was clean and there was food in the fridge.",
    "{child} told me they walk to school with a friend and feel safe on the way.",
    "We agreed that I will visit again within ten working days.",
    "{child} appeared {feeling} but would not say why.",
    "The LAC review is booked for {day} and the IRO has been informed.",
    "{carer} said money has been tight and the electricity was cut off for two days.",
    "{child} is attention seeking at school according to the teacher.",
    "I explained the child protection plan to {carer} in plain words and checked they understood it.",
    "{child} drew a picture of the family and put the dog in the middle.",
    "The school reported that attendance has improved to 92% this term.",
    "{child} has been going missing and is known to be associating with older males.",
    "{carer} disclosed that her ex-partner had sent threatening messages.",
    "I will commence a referral to CAMHS in order to facilitate an assessment.",
    "{child} was placed with {carer} under a section 20 agreement.",
    "We talked about what {child} would like to happen at the next review.",
    "{child} chose to spend the last part of the visit playing {activity} with me.",
]

ADULT_SENTENCES = [
    "I visited {adult} {place} on {day} with the occupational therapist.",
    "{adult} said she wants to stay in her own home for as long as she can.",
    "{adult} was {feeling} and told me that the carers are often late.",
    "{adult} is a bed blocker on ward 4 and the discharge has been delayed.",
    "The care package was reviewed and {adult} agreed to two calls a day.",
    "{adult} suffers from dementia and wanders at night.",
    "{adult} told me about her late husband and the years they ran a shop together.",
    "{adult} was aggressive towards staff when they tried to give personal care.",
    "The MCA assessment found that {adult} has capacity to decide where she lives.",
    "I contacted the GP to request a medication review.",
    "{adult} enjoys {activity} and would like to go to the day centre again.",
    "Staff reported that {adult} refused her medication twice this week.",
    "A DoLS application was submitted for {adult} on {day}.",
    "{adult}'s daughter said she is worried about falls on the stairs.",
    "We discussed direct payments and {adult} would like time to think about it.",
    "{adult} was difficult and uncooperative during the assessment.",
    "I explained the safeguarding enquiry to {adult} and asked what outcome she wants.",
    "{adult} said \"I just want to be left alone in my own chair.\"",
]


def make_note(rng: random.Random, index: int) -> str:
    child = rng.random() < 0.6
    pool = CHILD_SENTENCES if child else ADULT_SENTENCES
    fill = {"child": rng.choice(CHILDREN), "adult": rng.choice(ADULTS), "carer": rng.choice(CARERS),
            "place": rng.choice(PLACES), "day": rng.choice(DAYS), "feeling": rng.choice(FEELINGS),
            "activity": rng.choice(ACTIVITIES)}
    sentences = [rng.choice(pool).format(**fill) for _ in range(rng.randint(5, 16))]
    # Paragraphs of 2-5 sentences, as practitioners write them.
    paragraphs, i = [], 0
    while i < len(sentences):
        size = rng.randint(2, 5)
        paragraphs.append(" ".join(sentences[i:i + size]))
        i += size
    body = "\n\n".join(paragraphs) + "\n"
    if rng.random() < 0.5:
        subject = fill["child"] if child else fill["adult"]
        note_type = rng.choice(["home visit", "phone call", "meeting", "school visit", "review"])
        front = (f"---\nid: N{index:05d}\nsubject: {subject}\nsubject_type: {'child' if child else 'adult'}\n"
                 f"note_type: {note_type}\ncontact_date: 2026-11-{rng.randint(1, 20):02d}\n"
                 f"recorded_date: 2026-11-{rng.randint(21, 25):02d}\nauthor: A. Worker\n---\n")
        body = front + body
    return body


# --- measurements ---------------------------------------------------------------------------

def timed(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def cold_start(note: Path, runs: int = 5) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    notecheck = [sys.executable, "-m", "notecheck", "check", "--format", "json", str(note)]
    spacy_only = [sys.executable, "-c", "import spacy"]

    def median(command):
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    return median(notecheck), median(spacy_only)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notes", nargs="?", type=int, default=2000, help="how many notes (default 2000)")
    parser.add_argument("--repeat", type=int, default=1, help="time each run this many times; best is kept")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--profile", action="store_true", help="profile the rules (run (c)) with cProfile")
    parser.add_argument("--no-cold-start", action="store_true")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    texts = [make_note(rng, i) for i in range(args.notes)]
    parse_time = []
    notes = []
    parse_time.append(timed(lambda: notes.extend(parse_text(f"note-{i}.md", t) for i, t in enumerate(texts))))
    bodies = [n.text for n in notes]
    words = sum(len(b.split()) for b in bodies)

    rules = select_rules(load_rules([builtin_rules_dir()]), [], [])
    needs = set().union(*(rule_needs(r) for r in rules)) if rules else {"tokens"}
    bare = load_pipeline(needs)
    linter = Linter(rules, Config())
    assert linter.pipeline.components == bare.components, "the two runs must use the same pipeline"

    # Warm both up (first batches allocate), then alternate so machine noise hits both.
    list(bare.nlp.pipe(bodies[:64]))
    list(linter.lint((n.path, n) for n in notes[:64]))
    bare_times, full_times, found = [], [], [0]

    def run_bare():
        for _ in bare.nlp.pipe(bodies, batch_size=64):
            pass

    def run_full():
        found[0] = sum(1 for _ in linter.lint((n.path, n) for n in notes))

    # The rules alone, on documents already parsed: the same work as (b) minus spaCy, and
    # far less sensitive to other load on the machine than the difference (b) - (a).
    from notecheck.kinds.base import ParsedNote

    docs = list(linter.pipeline.nlp.pipe(bodies, batch_size=64))
    rule_times = []

    def run_rules():
        for note, doc in zip(notes, docs):
            linter.check(ParsedNote(note, doc, linter.config))

    for _ in range(args.repeat):
        bare_times.append(timed(run_bare))
        full_times.append(timed(run_full))
        rule_times.append(timed(run_rules))
    bare_time, full_time, rule_time = min(bare_times), min(full_times), min(rule_times)
    added = (full_time - bare_time) / bare_time

    print(f"{args.notes} notes, {words:,} words, {len(rules)} rules, "
          f"pipeline {bare.model}: {', '.join(bare.components) or 'tokenizer only'}")
    print()
    print(f"{'run':<42}{'seconds':>10}{'words/s':>12}")
    print("-" * 64)
    print(f"{'(a) bare spaCy pipeline (nlp.pipe)':<42}{bare_time:>10.2f}{words / bare_time:>12,.0f}")
    print(f"{'(b) notecheck (Linter.lint, all rules)':<42}{full_time:>10.2f}{words / full_time:>12,.0f}")
    print(f"{'(c) the rules alone, on parsed docs':<42}{rule_time:>10.2f}{words / rule_time:>12,.0f}")
    print(f"{'    reading notes (front matter, lines)':<42}{parse_time[0]:>10.2f}")
    print("-" * 64)
    share = rule_time / bare_time
    verdict = "within" if share <= 0.25 else "OVER"
    print(f"ratio (b)/(a) = {full_time / bare_time:.2f}: notecheck adds {added:+.1%} to the bare pipeline")
    print(f"the rules alone take {share:.1%} of the bare pipeline's time ({verdict} the 25% target); "
          f"{found[0]:,} diagnostics")

    if not args.no_cold_start:
        with tempfile.TemporaryDirectory() as folder:
            note = Path(folder, "note.md")
            note.write_text(texts[0], encoding="utf-8")
            check_time, spacy_time = cold_start(note)
        print()
        print(f"{'cold start (median of 5)':<42}{'seconds':>10}")
        print("-" * 52)
        label = 'python -c "import spacy"'
        print(f"{label:<42}{spacy_time:>10.2f}")
        print(f"{'notecheck check note.md':<42}{check_time:>10.2f}")
        print(f"notecheck's cold start is {check_time - spacy_time:.2f}s more than importing spaCy")

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        run_rules()
        profiler.disable()
        print()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
