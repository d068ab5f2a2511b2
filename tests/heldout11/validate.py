#!/usr/bin/env python3
"""Validate the heldout11 blind set: sidecars, categories, line numbers, front matter,
working-day lateness of recorded dates, traps, and invented-only personal data.
Adapted from the template's validate.py; prints the counts and VALIDATION: OK / FAILED."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 2)
PERIOD_START = datetime.date(2026, 11, 2)   # 2 Nov - 2 Dec 2026: no England & Wales bank holidays

def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n

PHONE = re.compile(r"(?<!\d)(?:\+44 ?|0)\d{2,4}[ -]?\d{3}[ -]?\d{3,4}(?!\d)")
SAFE_PHONE = re.compile(r"^(07700 ?900\d{3}|01632 ?960\d{3}|0116 ?496 ?\d{4})$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
NINO = re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth:?\s*\d|born on)\b", re.I)
MARKS = re.compile(r"[«»]")

CATS = ["jargon", "labelling", "opinion", "attribution", "voice",
        "timeliness", "sharing", "clarity", "holistic"]
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
flag_counts = {c: 0 for c in CATS}
flag_lines = {c: 0 for c in CATS}
service = {"child": 0, "adult": 0}
good = 0
good_service = {"child": 0, "adult": 0}
fmt = {"md": 0, "txt": 0}
holistic_traps = 0
late_notes = 0
per_note = {}

def iso(v, name, key):
    if isinstance(v, datetime.date):
        return v
    try:
        return datetime.date.fromisoformat(str(v))
    except ValueError:
        errors.append(f"{name}: {key} is not an ISO date: {v!r}")

for path in notes:
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    fmt[ext[1:]] += 1
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if MARKS.search(text):
        errors.append(f"{name}: source marks left in the note")
    stype = None
    if ext == ".md":
        if lines[0] != "---":
            errors.append(f"{name}: .md must start with front matter")
            continue
        end = lines.index("---", 1)
        if end != 8:
            errors.append(f"{name}: front matter must close on line 9 so the body starts on line 10")
        try:
            meta = yaml.safe_load("\n".join(lines[1:end]))
        except yaml.YAMLError as e:
            errors.append(f"{name}: front matter does not parse: {e}")
            continue
        for k in FM_KEYS:
            if k not in meta:
                errors.append(f"{name}: front matter missing {k}")
        if not lines[5].startswith("recorded_date:"):
            errors.append(f"{name}: recorded_date must be on line 6")
        stype = meta.get("subject_type")
        if stype not in ("child", "adult"):
            errors.append(f"{name}: bad subject_type")
            stype = None
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        date_line = 6
        body_start = end + 2
    else:
        if re.match(r"(Child|Young person):", lines[1]):
            stype = "child"
        elif re.match(r"Adult:", lines[1]):
            stype = "adult"
        else:
            errors.append(f"{name}: .txt line 2 must start with Child:, Young person: or Adult:")
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        cd = rd = None
        date_line = 1
        body_start = 3
        if len(ds) >= 2:
            cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        else:
            errors.append(f"{name}: .txt line 1 needs the contact and entry dates (dd/mm/yyyy)")
    if stype:
        service[stype] += 1
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    mf = exp.get("must_flag") or {}
    mnf = exp.get("must_not_flag") or []
    why = exp.get("why") or ""
    if not why:
        errors.append(f"{name}: sidecar has no why")
    if "Traps" not in why:
        errors.append(f"{name}: why has no Traps")
    allc = list(mf) + list(mnf)
    if sorted(allc) != sorted(CATS) or len(allc) != 9:
        errors.append(f"{name}: categories not each exactly once: {allc}")
    if len(mf) > 4:
        errors.append(f"{name}: {len(mf)} categories flagged (want 1-4 for a poor note)")
    for c, lns in mf.items():
        if c not in CATS:
            errors.append(f"{name}: unknown category {c}")
            continue
        if not lns:
            errors.append(f"{name}: {c} has no lines")
        if not re.search(rf"(^|\s){c}:", why):
            errors.append(f"{name}: why does not explain {c}")
        flag_counts[c] += 1
        for ln in lns:
            flag_lines[c] += 1
            if not isinstance(ln, int) or ln < 1 or ln > len(lines):
                errors.append(f"{name}: {c} line {ln} does not exist")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: {c} line {ln} is blank")
            elif lines[ln - 1].strip() == "---":
                errors.append(f"{name}: {c} line {ln} is a front matter fence")
            elif ln < body_start and not (c == "timeliness" and ln == date_line):
                errors.append(f"{name}: {c} line {ln} is in the header, not the body")
        if c in ("voice", "holistic") and lns != [body_start]:
            errors.append(f"{name}: whole-note {c} should be on the first body line {body_start}")
    per_note[name] = sorted(mf)
    if not mf:
        good += 1
        if stype:
            good_service[stype] += 1
    if "holistic" in mnf and "Traps (holistic)" in why:
        holistic_traps += 1
    if cd and rd:
        n = working_days(cd, rd)
        late = date_line in (mf.get("timeliness") or [])
        late_notes += late
        if rd > TODAY or cd > rd:
            errors.append(f"{name}: dates out of order or after today")
        if cd < PERIOD_START:
            errors.append(f"{name}: contact date before the bank-holiday-free period")
        if late and not (4 <= n <= 10):
            errors.append(f"{name}: flagged late but {n} working days")
        if not late and n > 1:
            errors.append(f"{name}: {n} working days late but not flagged on line {date_line}")
    for d, m, y in re.findall(r"\b(\d{2})/(\d{2})/(\d{4})\b", text):
        dd = datetime.date(int(y), int(m), int(d))
        if dd > TODAY:
            errors.append(f"{name}: date {dd} is after today")
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number outside drama ranges: {m.group(0)}")
    if EMAIL.search(text):
        errors.append(f"{name}: contains an email address")
    if POSTCODE.search(text):
        errors.append(f"{name}: contains a postcode-like string {POSTCODE.search(text).group(0)}")
    if TENDIGIT.search(text):
        errors.append(f"{name}: contains a 10-digit number")
    if NINO.search(text):
        errors.append(f"{name}: contains a National Insurance-like number")
    if DOB.search(text):
        errors.append(f"{name}: contains a marked date of birth")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")
nums = [os.path.basename(p)[:2] for p in notes]
if len(set(nums)) != len(nums):
    errors.append("note numbers are not unique")
cfg = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml")))
if str(cfg.get("timeliness", {}).get("today")) != "2026-12-02":
    errors.append("notecheck.yaml must set timeliness.today: 2026-12-02")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
print(f"subject_type: child {service['child']}, adult {service['adult']}")
print(f"good notes (must_flag empty): {good}  (child {good_service['child']}, adult {good_service['adult']})")
print(f"poor notes: {len(notes) - good}; late-recorded notes: {late_notes}")
print("notes flagging each category (flagged lines in brackets):")
for c in CATS:
    print(f"  {c:12s} {flag_counts[c]:3d}  ({flag_lines[c]})")
print(f"holistic traps (Think Family done well or not applicable, marked 'Traps (holistic)'): {holistic_traps}")
if len(notes) < 70:
    errors.append("fewer than 70 notes")
if good < 24:
    errors.append(f"only {good} good notes (need 24)")
if fmt["txt"] * 2 > fmt["md"] or fmt["txt"] * 5 < fmt["md"]:
    errors.append("md:txt ratio is far from 3:1")
for c in CATS:
    if flag_counts[c] < 12:
        errors.append(f"{c} flagged in only {flag_counts[c]} notes (need 12)")
if holistic_traps < 5:
    errors.append("fewer than 5 holistic traps")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
