#!/usr/bin/env python3
"""Validate the heldout12 blind set.

Checks: sidecar shape (every category exactly once, flagged lines exist, are not
blank or front matter fences, whole-note flags on the first body line), front
matter layout (lines 1-9, recorded_date on line 6), .txt headers, contact and
recorded dates (range, order, working-day lateness matching the timeliness flag
on the date line), no date after 3 December 2026 anywhere in a note, no
personal data (phones outside drama ranges, emails, postcodes, 10-digit
numbers, NI numbers, marked dates of birth), no source marks left, no names
from the template notes, no sentence over 40 words outside a clarity-flagged
line. Prints counts and ends with VALIDATION: OK or VALIDATION: FAILED.
"""
import datetime, glob, os, re, sys
import yaml

SET = "heldout12"
TODAY = datetime.date(2026, 12, 3)
FIRST_CONTACT = datetime.date(2026, 11, 3)
LAST_CONTACT = datetime.date(2026, 12, 2)
BANK_HOLIDAYS = set()          # none in England & Wales between these dates

def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5 and d not in BANK_HOLIDAYS:
            n += 1
    return n

PHONE = re.compile(r"(?<![\d£.])(?:\+44 ?|0)\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b")
SAFE_PHONE = re.compile(r"^(07700 ?900\d{3}|01632 ?960\d{3})$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3} ?\d{3} ?\d{4}\b")
NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\bDOB\b|date of birth|\bborn on\b|\bd\.o\.b", re.I)
MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"], start=1)}
DAY_MONTH = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?")
DMY = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
TEMPLATE_NAMES = ["Keira", "Dunmore", "Shannon", "Alfie", "Reece", "Priya Castell",
                  "Wrenfield", "Edna", "Pilbeam", "Marta", "Wojcik", "Hollins Lea",
                  "Filey", "Tyler", "Brook-Ansah", "Dean Harrow", "Eastmoor", "Okafor",
                  "Linda"]

CATS = ["jargon", "labelling", "opinion", "attribution", "voice",
        "timeliness", "sharing", "clarity", "holistic"]
WHOLE_NOTE = ["voice", "holistic"]
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
flag_counts = {c: 0 for c in CATS}
service = {"child": 0, "adult": 0}
good = late = holistic_traps = 0
fmt = {"md": 0, "txt": 0}
ncats = {}

def iso(v, name, key):
    if isinstance(v, datetime.date):
        return v
    try:
        return datetime.date.fromisoformat(str(v))
    except ValueError:
        errors.append(f"{name}: {key} is not an ISO date: {v!r}")

def sentences(line):
    return [s for s in re.split(r"(?<=[.!?])[\"”']?\s+(?=[A-Z\"“])", line) if s.strip()]

for path in notes:
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    fmt[ext[1:]] += 1
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    cd = rd = None
    if ext == ".md":
        if lines[0] != "---" or len(lines) < 10 or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9 between --- fences")
            continue
        keys = [l.split(":", 1)[0] for l in lines[1:8]]
        if keys != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong: {keys}")
        meta = yaml.safe_load("\n".join(lines[1:8]))
        if meta.get("subject_type") not in ("child", "adult"):
            errors.append(f"{name}: bad subject_type")
        else:
            service[meta["subject_type"]] += 1
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        date_line, body_start = 6, 10
    else:
        m = re.match(r"(Child|Young person|Adult): ", lines[1])
        if not m:
            errors.append(f"{name}: line 2 must start with Child:/Young person:/Adult:")
        else:
            service["adult" if m.group(1) == "Adult" else "child"] += 1
        ds = DMY.findall(lines[0])
        if len(ds) < 2:
            errors.append(f"{name}: line 1 needs contact and entry dates (dd/mm/yyyy)")
        else:
            cd, rd = [datetime.date(int(y), int(mo), int(d)) for d, mo, y in ds[:2]]
        date_line, body_start = 1, 3
    body = lines[body_start - 1:]
    nbody = len([l for l in body if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf = exp.get("must_flag") or {}
    mnf = exp.get("must_not_flag") or []
    why = exp.get("why") or ""
    if not why.strip():
        errors.append(f"{name}: sidecar has no why")
    if "Traps" not in why:
        errors.append(f"{name}: why has no Traps: part")
    allc = list(mf) + list(mnf)
    if sorted(allc) != sorted(CATS) or len(allc) != 9:
        errors.append(f"{name}: categories not each exactly once: {allc}")
    if mf and not (1 <= len(mf) <= 4):
        errors.append(f"{name}: poor note with {len(mf)} categories (want 1-4)")
    ncats[name] = len(mf)
    for c, lns in mf.items():
        if c not in CATS:
            errors.append(f"{name}: unknown category {c}")
            continue
        if not lns:
            errors.append(f"{name}: {c} has no lines")
        if f"{c}:" not in why:
            errors.append(f"{name}: why does not explain {c}")
        flag_counts[c] += 1
        for ln in lns:
            if not isinstance(ln, int) or ln < 1 or ln > len(lines):
                errors.append(f"{name}: {c} line {ln} does not exist")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: {c} line {ln} is blank")
            elif lines[ln - 1].strip() == "---":
                errors.append(f"{name}: {c} line {ln} is a front matter fence")
            elif ln < body_start and not (c == "timeliness" and ln == date_line):
                errors.append(f"{name}: {c} flagged in the header on line {ln}")
        if c in WHOLE_NOTE and lns != [body_start]:
            errors.append(f"{name}: {c} should be flagged on the first body line {body_start}")
    if not mf:
        good += 1
    if re.search(r"holistic trap", why):
        holistic_traps += 1
        if "holistic" in mf:
            errors.append(f"{name}: holistic trap but holistic flagged")
    # dates
    if cd and rd:
        n = working_days(cd, rd)
        is_late = date_line in (mf.get("timeliness") or [])
        late += is_late
        if not (FIRST_CONTACT <= cd <= LAST_CONTACT):
            errors.append(f"{name}: contact date {cd} outside {FIRST_CONTACT}..{LAST_CONTACT}")
        if rd > TODAY or cd > rd:
            errors.append(f"{name}: dates out of order or after {TODAY}")
        if is_late and not (5 <= n <= 6):
            errors.append(f"{name}: flagged late but {n} working days")
        if not is_late and n > 1:
            errors.append(f"{name}: {n} working days late but not flagged on line {date_line}")
    for d, mo, y in DMY.findall(text):
        if datetime.date(int(y), int(mo), int(d)) > TODAY:
            errors.append(f"{name}: date after today: {d}/{mo}/{y}")
    for d, mon, y in DAY_MONTH.findall(text):
        yy = int(y) if y else (2027 if MONTHS[mon] <= 2 else 2026)
        if datetime.date(yy, MONTHS[mon], int(d)) > TODAY:
            errors.append(f"{name}: date after today: {d} {mon} {y}")
    # personal data and leftovers
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number: {m.group(0)}")
    for rx, what in ((EMAIL, "an email address"), (POSTCODE, "a postcode-like string"),
                     (TENDIGIT, "a 10-digit number"), (NINO, "an NI-number-like string"),
                     (DOB, "a marked date of birth")):
        m = rx.search(text)
        if m:
            errors.append(f"{name}: contains {what}: {m.group(0)!r}")
    if "«" in text or "»" in text or "%%WHY" in text:
        errors.append(f"{name}: source marks left in the note")
    for t in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(t)}\b", text):
            errors.append(f"{name}: uses a template name: {t}")
    # long sentences only where clarity is flagged
    clar = set(mf.get("clarity") or [])
    for i, l in enumerate(body, start=body_start):
        for s in sentences(l):
            if len(s.split()) > 40 and i not in clar:
                errors.append(f"{name}: line {i} has a {len(s.split())}-word sentence but clarity is not flagged there")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

poor = len(notes) - good
print(f"set: {SET}")
print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
print(f"services: children's {service['child']}, adults' {service['adult']}")
print(f"good-practice traps (must_flag empty): {good}")
print(f"poor notes: {poor}  (categories per poor note: " +
      ", ".join(f"{k}: {sum(1 for v in ncats.values() if v == k)}" for k in range(1, 5)) + ")")
print(f"late-recorded notes (timeliness on the date line): {late}")
print(f"holistic traps (Think Family done well, marked in why): {holistic_traps}")
print("notes flagging each category:")
for c in CATS:
    print(f"  {c:12s} {flag_counts[c]}")
if len(notes) != 72:
    errors.append(f"{len(notes)} notes (want 72)")
if service != {"child": 36, "adult": 36}:
    errors.append(f"services {service} (want 36/36)")
for i, p in enumerate(notes, start=1):
    nn = int(os.path.basename(p)[:2])
    want = "child" if nn <= 36 else "adult"
    if nn != i:
        errors.append(f"numbering gap at {os.path.basename(p)}")
        break
    head = open(p, encoding="utf-8").read().split("\n")[:3]
    is_child = "subject_type: child" in head or head[1].startswith(("Child:", "Young person:"))
    if is_child != (want == "child"):
        errors.append(f"{os.path.basename(p)}: notes 01-36 must be children's, 37-72 adults'")
for c in CATS:
    if flag_counts[c] < 12:
        errors.append(f"{c} flagged in only {flag_counts[c]} notes (need 12)")
if not (22 <= good <= 30):
    errors.append(f"{good} good notes (want about 26)")
if not (8 <= late <= 12):
    errors.append(f"{late} late notes (want about 10)")
if holistic_traps < 5:
    errors.append("fewer than 5 holistic traps")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
