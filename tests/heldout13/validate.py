#!/usr/bin/env python3
"""Validate the heldout13 blind set: file structure, sidecars, categories, line numbers,
front matter, contact/recorded dates and working-day lateness, counts, and
invented-only personal data. Prints the counts, then OK or the errors."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
FIRST_CONTACT = datetime.date(2026, 11, 3)
LAST_CONTACT = datetime.date(2026, 12, 2)
N_NOTES, N_CHILD, N_ADULT = 72, 36, 36

def working_days(a, b):
    """Working days after a up to and including b (no bank holidays fall in Nov 2026)."""
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n

PHONE = re.compile(r"(?<![\d-])(?:\+44 ?|0)\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b")
SAFE_PHONE = re.compile(r"^(07700 ?900\d{3}|0116 ?496 ?\d{4})$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
NINO = re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth|born on)\b", re.I)
SCHOOL = re.compile(r"\b[A-Z][a-z]+ (Primary|Academy|High School|Secondary School|Infants|Junior School|College)\b")

CATS = ["jargon", "labelling", "opinion", "attribution", "voice",
        "timeliness", "sharing", "clarity", "holistic"]
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
flag_counts = {c: 0 for c in CATS}
service = {"child": 0, "adult": 0}
fmt = {"md": 0, "txt": 0}
good = late = holistic_traps = 0
numbers = []

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
    numbers.append(name[:2])
    fmt[ext[1:]] += 1
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    cd = rd = None
    if ext == ".md":
        if len(lines) < 10 or lines[0] != "---" or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9 with fences on 1 and 9")
            continue
        keys = [l.split(":", 1)[0] for l in lines[1:8]]
        if keys != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong: {keys}")
        try:
            meta = yaml.safe_load("\n".join(lines[1:8]))
        except yaml.YAMLError as e:
            errors.append(f"{name}: front matter does not parse: {e}")
            continue
        if meta.get("subject_type") not in ("child", "adult"):
            errors.append(f"{name}: bad subject_type")
        else:
            service[meta["subject_type"]] += 1
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        date_line, body_start = 6, 10
    else:
        if re.search(r"\(adult, \d{2,3}\)|Adult:", lines[1]):
            service["adult"] += 1
        elif re.search(r"\(child, \d{1,2}\)|Child:", lines[1]):
            service["child"] += 1
        else:
            errors.append(f"{name}: cannot tell service from header line 2")
        ds = re.findall(r"\b(\d{2})/(\d{2})/(\d{4})\b", lines[0])
        if len(ds) < 2:
            errors.append(f"{name}: .txt line 1 needs contact and entry dates as dd/mm/yyyy")
        else:
            cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        date_line, body_start = 1, 3
    body = lines[body_start - 1:]
    nbody = len([l for l in body if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: build marks left in note")
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
        errors.append(f"{name}: why has no Traps section")
    allc = list(mf) + list(mnf)
    if sorted(allc) != sorted(CATS) or len(allc) != 9:
        errors.append(f"{name}: categories not each exactly once: {allc}")
    if len(mf) > 4:
        errors.append(f"{name}: more than 4 problems flagged")
    for c, lns in mf.items():
        if c not in CATS:
            errors.append(f"{name}: unknown category {c}")
            continue
        if c not in why.split("Traps")[0]:
            errors.append(f"{name}: why does not explain {c}")
        if not lns:
            errors.append(f"{name}: {c} has no lines")
        flag_counts[c] += 1
        for ln in lns:
            if not isinstance(ln, int) or ln < 1 or ln > len(lines):
                errors.append(f"{name}: {c} line {ln} does not exist")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: {c} line {ln} is blank")
            elif lines[ln - 1].strip() == "---":
                errors.append(f"{name}: {c} line {ln} is a front matter fence")
            elif ext == ".md" and ln < 10 and not (c == "timeliness" and ln == 6):
                errors.append(f"{name}: {c} flagged in front matter line {ln}")
            elif ext == ".txt" and ln < 3 and not (c == "timeliness" and ln == 1):
                errors.append(f"{name}: {c} flagged in header line {ln}")
    if not mf:
        good += 1
    if cd and rd:
        n = working_days(cd, rd)
        is_late = date_line in (mf.get("timeliness") or [])
        if not (FIRST_CONTACT <= cd <= LAST_CONTACT):
            errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
        if rd > TODAY or cd > rd:
            errors.append(f"{name}: dates out of order or after today")
        if is_late:
            late += 1
            if not (4 <= n <= 10):
                errors.append(f"{name}: flagged late but {n} working days")
        elif n > 1:
            errors.append(f"{name}: {n} working days late but not flagged on line {date_line}")
    else:
        errors.append(f"{name}: no contact/recorded dates")
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number outside drama ranges: {m.group(0)}")
    for rx, what in ((EMAIL, "an email address"), (POSTCODE, "a postcode-like string"),
                     (TENDIGIT, "a 10-digit number"), (NINO, "an NI-number-like string"),
                     (DOB, "a date of birth marker"), (SCHOOL, "a school-like name")):
        m = rx.search(text)
        if m:
            errors.append(f"{name}: contains {what}: {m.group(0)!r}")
    if "holistic" in mnf and re.search(r"Traps \(holistic\)", why):
        holistic_traps += 1

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")
if len(set(numbers)) != len(numbers):
    errors.append("duplicate note numbers")
nc = os.path.join(HERE, "notecheck.yaml")
if not os.path.exists(nc) or str(yaml.safe_load(open(nc))["timeliness"]["today"]) != str(TODAY):
    errors.append("notecheck.yaml missing or today wrong")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
print(f"services: children's {service['child']}, adults' {service['adult']}")
print(f"good notes (must_flag empty): {good}")
print(f"recorded late (timeliness on the date line): {late}")
print("notes flagging each category:")
for c in CATS:
    print(f"  {c:12s} {flag_counts[c]}")
print(f"holistic traps (marked 'Traps (holistic)' in why): {holistic_traps}")
if len(notes) != N_NOTES:
    errors.append(f"{len(notes)} notes, want {N_NOTES}")
if service["child"] != N_CHILD or service["adult"] != N_ADULT:
    errors.append(f"services {service}, want {N_CHILD}/{N_ADULT}")
if not (20 <= good <= 28):
    errors.append(f"{good} good notes, want about a third (20-28)")
if not (8 <= late <= 12):
    errors.append(f"{late} late notes, want about 10 (8-12)")
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
