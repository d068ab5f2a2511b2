#!/usr/bin/env python3
"""Validate the heldout8 blind evaluation set.

Checks:
  * every note (NN-name.md / NN-name.txt) has an NN-name.expect.yaml sidecar, and vice versa;
  * every sidecar lists all nine categories exactly once across must_flag and must_not_flag;
  * every flagged line number exists in its note and is not blank;
  * .md front matter parses as YAML with the required keys, subject_type child/adult,
    and ISO dates (YYYY-MM-DD) for contact_date and recorded_date;
  * timeliness consistency for .md notes: a note recorded more than 2 working days after
    contact, recorded before contact, or with a contact date after "today" must have a
    timeliness flag on the recorded_date / contact_date line, and a note within the limit
    must not carry a flag on those lines (England and Wales bank holidays excluded);
  * a rough scan for real-looking personal identifiers (NHS-number-like 10-digit runs,
    postcodes, UK phone numbers, email addresses) - the set should contain none;
  * notecheck.yaml holds today = 2026-12-02; manifest.csv covers every note.
Prints per-category must_flag / must_not_flag counts, service and setting counts,
and "VALIDATION: OK" (exit 0) or the list of problems (exit 1).
"""
import csv, datetime as dt, glob, os, re, sys
from collections import Counter
try:
    import yaml
except ImportError:
    sys.exit("pyyaml is needed: try /work/venv/bin/python validate.py")

HERE = os.path.dirname(os.path.abspath(__file__))
CATS = ["jargon", "labelling", "opinion", "attribution", "voice",
        "timeliness", "sharing", "clarity", "holistic"]
REQUIRED = ["subject", "subject_type", "note_type", "contact_date",
            "recorded_date", "author", "team"]
BANK_HOLIDAYS = {dt.date(2026, 1, 1), dt.date(2026, 4, 3), dt.date(2026, 4, 6),
                 dt.date(2026, 5, 4), dt.date(2026, 5, 25), dt.date(2026, 8, 31),
                 dt.date(2026, 12, 25), dt.date(2026, 12, 28)}
LATE_LIMIT = 2  # working days; see README
problems = []

def working_days_after(a, b):
    """Working days from a (exclusive) to b (inclusive)."""
    n, d = 0, a
    while d < b:
        d += dt.timedelta(days=1)
        if d.weekday() < 5 and d not in BANK_HOLIDAYS:
            n += 1
    return n

def iso(v, what, f):
    if isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v))
    except ValueError:
        problems.append("%s: %s is not an ISO date: %r" % (f, what, v))

cfg_path = os.path.join(HERE, "notecheck.yaml")
cfg = yaml.safe_load(open(cfg_path)) if os.path.exists(cfg_path) else None
if not cfg or str(cfg.get("timeliness", {}).get("today")) != "2026-12-02":
    problems.append("notecheck.yaml missing or today != 2026-12-02")
TODAY = dt.date(2026, 12, 2)

notes = sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.md")) +
               glob.glob(os.path.join(HERE, "[0-9][0-9]-*.txt")))
sidecars = sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.expect.yaml")))
note_stems = {os.path.splitext(os.path.basename(n))[0] for n in notes}
side_stems = {os.path.basename(s)[:-len(".expect.yaml")] for s in sidecars}
for s in sorted(note_stems - side_stems):
    problems.append("%s: no sidecar" % s)
for s in sorted(side_stems - note_stems):
    problems.append("%s.expect.yaml: no note" % s)
nums = [os.path.basename(n)[:2] for n in notes]
for k, v in Counter(nums).items():
    if v > 1:
        problems.append("number %s used %d times" % (k, v))

manifest = {}
mpath = os.path.join(HERE, "manifest.csv")
if os.path.exists(mpath):
    for row in csv.DictReader(open(mpath)):
        manifest[row["file"]] = row
else:
    problems.append("manifest.csv missing")

flag_notes, noflag_notes, flag_lines = Counter(), Counter(), Counter()
services, settings, fmt, quality = Counter(), Counter(), Counter(), Counter()
flags_per_note = Counter()
id_patterns = {
    "NHS-like number": re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b"),
    "postcode": re.compile(r"\b[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b"),
    "phone number": re.compile(r"\b0\d{2,4}[ -]?\d{3,4}[ -]?\d{3,4}\b"),
    "email": re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b"),
}
for n in notes:
    base = os.path.basename(n)
    stem, ext = os.path.splitext(base)
    lines = open(n, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    text = "\n".join(lines)
    for label, pat in id_patterns.items():
        for m in pat.finditer(text):
            problems.append("%s: possible %s %r" % (base, label, m.group(0)))
    if "@@" in text:
        problems.append("%s: leftover build marker" % base)
    body_start = 1
    fm = None
    if ext == ".md":
        if lines[0] != "---" or "---" not in lines[1:]:
            problems.append("%s: no front matter" % base)
            continue
        end = lines.index("---", 1)
        body_start = end + 2
        try:
            fm = yaml.safe_load("\n".join(lines[1:end]))
        except yaml.YAMLError as e:
            problems.append("%s: front matter does not parse: %s" % (base, e))
            continue
        for k in REQUIRED:
            if k not in fm:
                problems.append("%s: front matter lacks %s" % (base, k))
        if fm.get("subject_type") not in ("child", "adult"):
            problems.append("%s: subject_type must be child or adult" % base)
        for k in ("contact_date", "recorded_date"):
            raw = re.search(r"^%s:\s*(\S+)" % k, "\n".join(lines[1:end]), re.M)
            if not raw or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.group(1)):
                problems.append("%s: %s not written as YYYY-MM-DD" % (base, k))
    nbody = len(lines) - body_start + 1
    if not 4 <= nbody <= 40:
        problems.append("%s: body has %d lines (want 4-40)" % (base, nbody))
    sc = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(sc):
        continue
    d = yaml.safe_load(open(sc, encoding="utf-8"))
    mf = d.get("must_flag") or {}
    mnf = d.get("must_not_flag") or []
    if not isinstance(d.get("why"), str) or len(d["why"]) < 40:
        problems.append("%s: why paragraph missing or too short" % base)
    seen = list(mf.keys()) + list(mnf)
    for c in CATS:
        if seen.count(c) != 1:
            problems.append("%s: category %s appears %d times" % (base, c, seen.count(c)))
    for c in seen:
        if c not in CATS:
            problems.append("%s: unknown category %s" % (base, c))
    for c, lns in mf.items():
        if not lns:
            problems.append("%s: %s flagged with no lines" % (base, c))
        for ln in lns or []:
            if not isinstance(ln, int) or ln < 1 or ln > len(lines):
                problems.append("%s: %s line %r does not exist" % (base, c, ln))
            elif not lines[ln - 1].strip():
                problems.append("%s: %s line %d is blank" % (base, c, ln))
            elif ext == ".md" and ln <= body_start - 1 and c != "timeliness":
                problems.append("%s: %s flagged inside front matter (line %d)" % (base, c, ln))
            flag_lines[c] += 1
        flag_notes[c] += 1
        flags_per_note[base] += 1
    for c in mnf:
        noflag_notes[c] += 1
    # timeliness consistency for front-matter notes
    if fm:
        cd = iso(fm.get("contact_date"), "contact_date", base)
        rd = iso(fm.get("recorded_date"), "recorded_date", base)
        cl = next(i for i, l in enumerate(lines, 1) if l.startswith("contact_date:"))
        rl = next(i for i, l in enumerate(lines, 1) if l.startswith("recorded_date:"))
        tl = mf.get("timeliness") or []
        if cd and rd:
            late = rd > cd and working_days_after(cd, rd) > LATE_LIMIT
            before = rd < cd
            future = cd > TODAY
            if future and cl not in tl:
                problems.append("%s: future contact date not flagged on line %d" % (base, cl))
            if (late or before) and not future and rl not in tl:
                problems.append("%s: late/before recording not flagged on line %d" % (base, rl))
            if not (late or before or future) and (cl in tl or rl in tl):
                problems.append("%s: dates are within the limit but flagged" % base)
            if rd > TODAY:
                problems.append("%s: recorded_date after today" % base)
    # service / setting
    row = manifest.get(base)
    if not row:
        problems.append("%s: not in manifest.csv" % base)
        continue
    if fm and {"child": "children", "adult": "adults"}[fm["subject_type"]] != row["service"]:
        problems.append("%s: manifest service disagrees with subject_type" % base)
    if row["quality"] != ("good" if not mf else "poor"):
        problems.append("%s: manifest quality disagrees with sidecar" % base)
    services[row["service"]] += 1
    settings[row["setting"]] += 1
    fmt[ext] += 1
    quality[row["quality"]] += 1

print("Notes: %d (%s)" % (len(notes), ", ".join("%s %d" % kv for kv in sorted(fmt.items()))))
print("Good (must_flag: {}): %d   Poor: %d" % (quality["good"], quality["poor"]))
print("\n%-12s %10s %14s %12s" % ("category", "must_flag", "must_not_flag", "flag lines"))
for c in CATS:
    print("%-12s %10d %14d %12d" % (c, flag_notes[c], noflag_notes[c], flag_lines[c]))
    if flag_notes[c] < 12 and c != "holistic":
        problems.append("category %s flagged in only %d notes (want >= 12)" % (c, flag_notes[c]))
if flag_notes["holistic"] < 10:
    problems.append("holistic flagged in only %d notes (want >= 10)" % flag_notes["holistic"])
dist = Counter(flags_per_note[os.path.basename(n)] for n in notes)
print("\nCategories flagged per note: " +
      ", ".join("%d: %d notes" % kv for kv in sorted(dist.items())))
print("\nService:")
for k, v in sorted(services.items()):
    print("  %-10s %d" % (k, v))
print("\nSettings:")
for k, v in sorted(settings.items()):
    print("  %-52s %d" % (k, v))
if problems:
    print("\nPROBLEMS:")
    for p in problems:
        print("  - " + p)
    print("VALIDATION: FAILED (%d problems)" % len(problems))
    sys.exit(1)
print("\nVALIDATION: OK")
