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

    PYTHONPATH=src python benchmarks/throughput.py --peers [--peer-notes 300] [--rounds 5]

compares whole processes, run interleaved (A B A B ...) so machine noise hits both, and
prints medians, each figure saying which rules ran and whether the cache was on:
  1. `notecheck check` (every default rule, --no-cache, default --jobs) against proselint
     (installed from PyPI into benchmarks/.venv-peers on first use) on the same corpus;
  2. checking one note from a cold start (a new note each time, so the results cache
     misses; the compiled rules come from the cache folder, as in an editor's or a
     commit hook's second run) against `python -c "import spacy; spacy.load(MODEL)"`;
  3. a realistic 600-row export (dates that vary, some notes recorded late, recipients
     such as "The police") checked with an empty cache and again unchanged: the speed-up
     and whether the output is identical;
  4. --jobs 1 against --jobs 2 on the corpus: wall and CPU time;
  5. the peak memory (max RSS) of each of these runs.
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
from notecheck.nlp import components_for, find_model, load_pipeline  # noqa: E402
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
    parser.add_argument("--peers", action="store_true", help="whole processes against proselint and spaCy")
    parser.add_argument("--peer-notes", type=int, default=300, help="notes in the --peers corpus (default 300)")
    parser.add_argument("--export-rows", type=int, default=600, help="rows of the --peers export (default 600)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds for --peers (default 5)")
    args = parser.parse_args()
    if args.peers:
        peers(args)
        return

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


# --- whole processes against peers -----------------------------------------------------------

PEERS_VENV = ROOT / "benchmarks" / ".venv-peers"
RECIPIENTS = ["The police", "the school", "the GP", "Health Visitor", "CAMHS", "the IRO",
              "the housing officer", "the school nurse", "Mum's solicitor"]
SHARING = [
    "I shared the assessment with {recipient} by secure email.",
    "A copy of the plan was sent to {recipient} today.",
    "I spoke with {recipient} and passed on the concerns about the bruise.",
    "{recipient} was informed of the outcome of the strategy discussion.",
]


def proselint() -> Path:
    """proselint in the benchmark's own virtual environment, installed from PyPI once."""
    binary = PEERS_VENV / "bin" / "proselint"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
        subprocess.run([str(PEERS_VENV / "bin" / "pip"), "install", "-q", "proselint"], check=True)
    return binary


def measured(command: list[str], env: dict, cwd: Path | None = None) -> dict:
    """Run a whole process: wall time, CPU time (its own and its workers') and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024,
            "out": out, "code": process.returncode}


def interleaved(commands: dict[str, tuple[list[str], dict]], rounds: int, cwd: Path | None = None) -> dict:
    runs = {name: [] for name in commands}
    names = list(commands)
    for round_ in range(rounds):
        order = names if round_ % 2 == 0 else names[::-1]
        for name in order:
            command, env = commands[name]
            runs[name].append(measured(command, env, cwd))
    return runs


def median_of(runs: list[dict], key: str = "wall") -> float:
    return statistics.median(r[key] for r in runs)


def realistic_export(path: Path, rows: int, rng: random.Random) -> None:
    import csv
    import datetime as dt

    with open(path, "w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(["Case Note ID", "Date of Contact", "Date Recorded", "Worker", "Contact Type", "Case Note"])
        for i in range(rows):
            contact = dt.date(2026, 9, 1) + dt.timedelta(days=rng.randint(0, 85))
            late = rng.random() < 0.12
            recorded = contact + dt.timedelta(days=rng.randint(6, 30) if late else rng.randint(0, 2))
            text = make_note(rng, i).split("---\n")[-1].strip()
            if rng.random() < 0.4:
                text += " " + rng.choice(SHARING).format(recipient=rng.choice(RECIPIENTS))
            out.writerow([f"CN{i:05d}", contact.isoformat(), recorded.isoformat(),
                          rng.choice(["A. Worker", "B. Osei", "C. Patel"]),
                          rng.choice(["Home visit", "Phone call", "Meeting", "School visit"]), text])


def peers(args) -> None:
    import shutil

    from notecheck.rules.selection import select_rules as select

    print(f"load: {os.getloadavg()[0]:.1f} {os.getloadavg()[1]:.1f} {os.getloadavg()[2]:.1f} (1, 5, 15 min) "
          f"on {len(os.sched_getaffinity(0))} CPUs")
    rules = select(load_rules([builtin_rules_dir()]), [], [])
    needs = set().union(*(rule_needs(r) for r in rules))
    model = find_model()
    components = sorted(components_for(needs))
    components = [c if c != "attribute_ruler" else "attribute_ruler (as notecheck's look-up)" for c in components]
    print(f"rules: every default rule ({len(rules)}), pipeline {model}: {', '.join(components)}")
    binary = proselint()
    # Bytecode for notecheck's sources, as an installed notecheck has (pip writes it): with
    # PYTHONDONTWRITEBYTECODE set, as some shells and CI images set it, a checkout compiles
    # every changed module on every run, which is Python's cost, not notecheck's.
    import compileall

    compileall.compile_dir(str(ROOT / "src" / "notecheck"), quiet=1)
    rng = random.Random(args.seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    notecheck = [sys.executable, "-m", "notecheck", "check", "--format", "json"]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        corpus.mkdir()
        files = []
        for i in range(args.peer_notes):
            path = corpus / f"note-{i:04d}.md"
            path.write_text(make_note(rng, i), encoding="utf-8")
            files.append(str(path))
        env_nc = {**env, "NOTECHECK_CACHE_DIR": str(tmp / "cache-none")}
        figures = {}

        # 1. notecheck (no cache) against proselint, and spaCy alone: the parse the default
        # rules need (the model's own pipeline less NER, on NumPy's BLAS as notecheck runs
        # it), no rules, one process. What this costs is a floor under any notecheck run
        # that keeps its findings.
        parse_only = [sys.executable, "-c",
                      "import os; os.environ.setdefault('OPENBLAS_NUM_THREADS', '1')\n"
                      "import sys, pathlib, spacy\n"
                      "from thinc.api import use_ops\n"
                      "with use_ops('numpy', use_blis=False):\n"
                      f"    nlp = spacy.load({model!r}, exclude=['ner'])\n"
                      "texts = (pathlib.Path(p).read_text('utf-8') for p in sys.argv[1:])\n"
                      "for doc in nlp.pipe(texts, batch_size=64): pass\n", *files]
        load_only = parse_only[:2] + [parse_only[2].split("texts = ")[0]]
        runs = interleaved({
            "notecheck": (notecheck + ["--no-cache", str(corpus)], env_nc),
            "proselint": ([str(binary), "check", *files], env),
            "spacy": (parse_only, env),
            "spacy-load": (load_only, env),
        }, args.rounds)
        ratio = median_of(runs["notecheck"]) / median_of(runs["proselint"])
        figures["proselint"] = ratio
        print()
        print(f"1. {args.peer_notes} notes, whole processes, median of {args.rounds} interleaved rounds")
        print(f"   notecheck check --no-cache (every default rule, cache off, --jobs auto): "
              f"{median_of(runs['notecheck']):.2f} s wall, {median_of(runs['notecheck'], 'cpu'):.2f} s CPU, "
              f"{max(r['rss_mib'] for r in runs['notecheck']):.0f} MiB peak")
        print(f"   proselint {proselint_version(binary)} check (its default checks): "
              f"{median_of(runs['proselint']):.2f} s wall, {median_of(runs['proselint'], 'cpu'):.2f} s CPU")
        print(f"   ratio notecheck / proselint = {ratio:.2f} wall, "
              f"{median_of(runs['notecheck'], 'cpu') / median_of(runs['proselint'], 'cpu'):.2f} CPU (target <= 3.0)")
        floor = median_of(runs["spacy"]) / median_of(runs["proselint"])
        figures["spacy-floor"] = floor
        print(f"   spaCy alone, no rules: import, load {model} less NER, parse the notes (one process): "
              f"{median_of(runs['spacy']):.2f} s wall, {median_of(runs['spacy'], 'cpu'):.2f} s CPU")
        print(f"   ratio spaCy alone / proselint = {floor:.2f} wall, "
              f"{median_of(runs['spacy'], 'cpu') / median_of(runs['proselint'], 'cpu'):.2f} CPU "
              f"(the floor under notecheck's ratio while it uses this model's parse)")
        load, parse = median_of(runs["spacy-load"]), median_of(runs["spacy"]) - median_of(runs["spacy-load"])
        print(f"   of which import and load {load:.2f} s, parsing {parse:.2f} s; with the parsing shared "
              f"perfectly by {len(os.sched_getaffinity(0))} cores and nothing else: "
              f"{(load + parse / len(os.sched_getaffinity(0))) / median_of(runs['proselint']):.2f}x proselint")

        # 2. one note from a cold start.
        note_dir = tmp / "one"
        note_dir.mkdir()
        env_one = {**env, "NOTECHECK_CACHE_DIR": str(tmp / "cache-one")}
        counter = [0]

        def fresh_note():
            counter[0] += 1
            (note_dir / "note.md").write_text(make_note(rng, 0) + f"\nVisit {counter[0]}.\n", encoding="utf-8")

        fresh_note()
        measured(notecheck + [str(note_dir / "note.md")], env_one)  # compiles and caches the rules
        spacy_load = [sys.executable, "-c", f"import spacy; spacy.load({model!r})"]
        cold = {"notecheck": [], "spacy": [], "nocache": []}
        for round_ in range(args.rounds):
            for name in (("notecheck", "spacy", "nocache") if round_ % 2 == 0 else ("nocache", "spacy", "notecheck")):
                if name == "spacy":
                    cold[name].append(measured(spacy_load, env))
                else:
                    fresh_note()
                    extra = ["--no-cache"] if name == "nocache" else []
                    cold[name].append(measured(notecheck + extra + [str(note_dir / "note.md")], env_one))
        ratio = median_of(cold["notecheck"]) / median_of(cold["spacy"])
        figures["cold"] = ratio
        print()
        print(f"2. one note from a cold start, median of {args.rounds} interleaved")
        print(f"   python -c \"import spacy; spacy.load('{model}')\" (its whole pipeline): "
              f"{median_of(cold['spacy']):.2f} s wall, {median_of(cold['spacy'], 'cpu'):.2f} s CPU")
        print(f"   notecheck check note.md (every default rule; a new note, so the results cache misses; "
              f"rules compiled from the cache folder): {median_of(cold['notecheck']):.2f} s wall, "
              f"{median_of(cold['notecheck'], 'cpu'):.2f} s CPU")
        print(f"   notecheck check --no-cache note.md (rules compiled from YAML too): "
              f"{median_of(cold['nocache']):.2f} s wall, {median_of(cold['nocache'], 'cpu'):.2f} s CPU")
        print(f"   ratio notecheck / spaCy load = {ratio:.2f} wall, "
              f"{median_of(cold['notecheck'], 'cpu') / median_of(cold['spacy'], 'cpu'):.2f} CPU "
              f"(target <= 1.15); with --no-cache {median_of(cold['nocache']) / median_of(cold['spacy']):.2f} wall")

        # 3. the cached re-run of a realistic export.
        export = tmp / "export" / "export.csv"
        export.parent.mkdir()
        realistic_export(export, args.export_rows, rng)
        cached = []
        for round_ in range(max(1, args.rounds // 2)):
            cache_dir = tmp / f"cache-export-{round_}"
            env_export = {**env, "NOTECHECK_CACHE_DIR": str(cache_dir)}
            first = measured(notecheck + [str(export)], env_export)
            again = measured(notecheck + [str(export)], env_export)
            cached.append((first, again))
            shutil.rmtree(cache_dir, ignore_errors=True)
        first_wall = statistics.median(f["wall"] for f, _ in cached)
        again_wall = statistics.median(a["wall"] for _, a in cached)
        first_cpu = statistics.median(f["cpu"] for f, _ in cached)
        again_cpu = statistics.median(a["cpu"] for _, a in cached)
        same = all(_diagnostics(f["out"]) == _diagnostics(a["out"]) for f, a in cached)
        found = len(_diagnostics(cached[0][0]["out"]))
        figures["cache"] = first_wall / again_wall
        print()
        print(f"3. a realistic {args.export_rows}-row export (every default rule, cache on), median of {len(cached)}")
        print(f"   first run (empty cache): {first_wall:.2f} s; unchanged re-run: {again_wall:.2f} s; "
              f"{found} findings; identical output: {same}")
        print(f"   CPU: first run {first_cpu:.2f} s; re-run {again_cpu:.2f} s")
        print(f"   speed-up = {first_wall / again_wall:.1f}x wall, {first_cpu / again_cpu:.1f}x CPU (target >= 10x)")

        # 4. one process against two.
        jobs = interleaved({
            "1": (notecheck + ["--no-cache", "--jobs", "1", str(corpus)], env_nc),
            "2": (notecheck + ["--no-cache", "--jobs", "2", str(corpus)], env_nc),
        }, args.rounds)
        speed = median_of(jobs["1"]) / median_of(jobs["2"])
        figures["jobs"] = speed
        print()
        print(f"4. --jobs 1 against --jobs 2, {args.peer_notes} notes (every default rule, cache off), "
              f"median of {args.rounds} interleaved")
        for name in ("1", "2"):
            print(f"   --jobs {name}: {median_of(jobs[name]):.2f} s wall, {median_of(jobs[name], 'cpu'):.2f} s CPU")
        same = _diagnostics(jobs["1"][0]["out"]) == _diagnostics(jobs["2"][0]["out"])
        print(f"   speed-up = {speed:.2f}x wall (target >= 1.6x on two idle cores; CPU {median_of(jobs['2'], 'cpu') / median_of(jobs['1'], 'cpu'):.2f}x "
              f"of one process's); identical output: {same}")

        peak = max(r["rss_mib"] for group in (*runs.values(), *cold.values(), *jobs.values())
                   for r in group)
        peak = max(peak, *(x["rss_mib"] for pair in cached for x in pair))
        print()
        print(f"5. peak memory of any notecheck run above: {peak:.0f} MiB (target <= 400 MiB; "
              f"--jobs 2 counts the largest single process)")
        print(f"load after: {os.getloadavg()[0]:.1f}")


def proselint_version(binary: Path) -> str:
    done = subprocess.run([str(PEERS_VENV / "bin" / "pip"), "show", "proselint"], capture_output=True, text=True)
    return next((line.split()[-1] for line in done.stdout.splitlines() if line.startswith("Version")), "?")


def _diagnostics(out: bytes) -> list:
    import json

    try:
        return json.loads(out)["diagnostics"]
    except (ValueError, KeyError):
        return []


if __name__ == "__main__":
    main()
