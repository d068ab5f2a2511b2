#!/usr/bin/env python3
"""Validate dev-opinion5 (one-category set, C = opinion): structure, sidecars, line numbers,
front matter, dates (contacts 3 Nov - 2 Dec 2026, recorded same/next working day),
per-half counts (8 problem, 9 trap, 5 not applicable) and invented-only personal data."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
C = "opinion"
WANT = {"problem": 8, "trap": 9, "na": 5}

def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n

PHONE = re.compile(r"\b0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b")
SAFE_PHONE = re.compile(r"^(07700 ?900\d{3}|0116 ?496 ?\d{4})$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3} ?\d{3} ?\d{4}\b")
DOB = re.compile(r"\b(DOB|date of birth|born on)\b", re.I)
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
counts = {h: {k: 0 for k in WANT} for h in ("child", "adult")}
fmt = {"md": 0, "txt": 0}
flagged_lines = 0

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
    half = None
    if ext == ".md":
        if lines[:1] != ["---"] or len(lines) < 10 or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9")
            continue
        keys = [l.split(":", 1)[0] for l in lines[1:8]]
        if keys != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong: {keys}")
        meta = yaml.safe_load("\n".join(lines[1:8]))
        half = meta.get("subject_type")
        if half not in ("child", "adult"):
            errors.append(f"{name}: bad subject_type")
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        body_start = 10
    else:
        head = "\n".join(lines[:2])
        if re.search(r"\(adult, \d+\)|Adult:", head):
            half = "adult"
        elif re.search(r"\(child, \d+\)|Child:", head):
            half = "child"
        else:
            errors.append(f"{name}: cannot tell service from header")
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        cd = rd = None
        if len(ds) >= 2:
            cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        else:
            errors.append(f"{name}: .txt line 1 needs contact and entry dates dd/mm/yyyy")
        body_start = 3
    if "«" in text or "»" in text:
        errors.append(f"{name}: leftover mark")
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    mf = exp.get("must_flag") or {}
    mnf = exp.get("must_not_flag")
    why = (exp.get("why") or "").strip()
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    if mf:
        kind = "problem"
        if list(mf) != [C] or mnf != []:
            errors.append(f"{name}: problem sidecar must be must_flag {{{C}: [...]}}, must_not_flag []")
        if not why.startswith("Problem:"):
            errors.append(f"{name}: problem why must begin 'Problem:'")
        for ln in mf.get(C) or []:
            flagged_lines += 1
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: line {ln} is not a body line")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: line {ln} is blank")
        if not mf.get(C):
            errors.append(f"{name}: {C} has no lines")
    else:
        if mnf != [C]:
            errors.append(f"{name}: trap/NA sidecar must have must_not_flag [{C}]")
        if why.startswith("Trap:"):
            kind = "trap"
        elif why.startswith("Not applicable:"):
            kind = "na"
        else:
            errors.append(f"{name}: why must begin 'Trap:' or 'Not applicable:'")
            kind = None
    if half in counts and kind:
        counts[half][kind] += 1
    if cd and rd:
        if not (FIRST <= cd <= LAST):
            errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
        if rd < cd or rd > TODAY:
            errors.append(f"{name}: recorded date {rd} before contact or after today")
        if working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {working_days(cd, rd)} working days after contact")
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number outside drama ranges: {m.group(0)}")
    if EMAIL.search(text):
        errors.append(f"{name}: contains an email address")
    if POSTCODE.search(text):
        errors.append(f"{name}: contains a postcode-like string {POSTCODE.search(text).group(0)}")
    if TENDIGIT.search(text):
        errors.append(f"{name}: contains a 10-digit number")
    if DOB.search(text):
        errors.append(f"{name}: mentions a date of birth")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for h, label in (("child", "children's"), ("adult", "adults'")):
    c = counts[h]
    print(f"{label:10s} problem {c['problem']}, trap {c['trap']}, not applicable {c['na']}")
    for k, n in WANT.items():
        if c[k] != n:
            errors.append(f"{label}: {k} = {c[k]}, want {n}")
print(f"flagged {C} lines: {flagged_lines}")
if len(notes) != 44:
    errors.append(f"{len(notes)} notes, want 44")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
