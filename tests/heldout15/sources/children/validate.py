#!/usr/bin/env python3
"""Validate the heldout15-children blind set : sidecars, categories, line numbers, front matter,
working-day lateness of recorded dates, and invented-only personal data."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 5)
FIRST = datetime.date(2026, 11, 2)
LAST = datetime.date(2026, 12, 4)

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

CATS = ["jargon", "labelling", "opinion", "attribution", "voice",
        "timeliness", "sharing", "clarity", "holistic"]
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
HERE = os.path.dirname(os.path.abspath(__file__))
# Targets for one writer's half set (36 notes of one service). Edit SERVICE to "child" or "adult".
N_NOTES, SERVICE, GOOD, LATE, PER_CAT, TF_TRAPS = 36, "child", (10, 14), (4, 6), 6, 3
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")) and not p.endswith(".expect.yaml"))
flag_counts = {c: 0 for c in CATS}
trap_counts = {c: 0 for c in CATS}
service = {"child": 0, "adult": 0}
good = 0
late_notes = 0
tf_traps = 0
fmt = {"md": 0, "txt": 0}

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
    body_start = 1
    if ext == ".md":
        if lines[0] != "---":
            errors.append(f"{name}: .md must start with front matter")
            continue
        end = lines.index("---", 1)
        try:
            meta = yaml.safe_load("\n".join(lines[1:end]))
        except yaml.YAMLError as e:
            errors.append(f"{name}: front matter does not parse: {e}")
            continue
        for k in FM_KEYS:
            if k not in meta:
                errors.append(f"{name}: front matter missing {k}")
        if meta.get("subject_type") not in ("child", "adult"):
            errors.append(f"{name}: bad subject_type")
        else:
            service[meta["subject_type"]] += 1
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        date_line = 6
        body_start = end + 2
    else:
        head = "\n".join(lines[:3])
        if re.search(r"\(adult|foster carers", head):
            service["adult"] += 1
        elif re.search(r"\(child|Child:|Young person:|Subject: .*\(\d{1,2}\)", head):
            service["child"] += 1
        else:
            errors.append(f"{name}: cannot tell service from header")
        if not re.search(r"\d{2}/\d{2}/\d{2,4}|\d{1,2} [A-Z][a-z]{2} \d{4}", head):
            errors.append(f"{name}: .txt has no dd/mm/yyyy date in its header")
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        cd = rd = None
        date_line = 1
        if len(ds) >= 2:
            cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
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
    if not exp.get("why"):
        errors.append(f"{name}: sidecar has no why")
    allc = list(mf) + list(mnf)
    if sorted(allc) != sorted(CATS) or len(allc) != 9:
        errors.append(f"{name}: categories not each exactly once: {allc}")
    for c, lns in mf.items():
        if c not in CATS:
            errors.append(f"{name}: unknown category {c}")
            continue
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
    if not mf:
        good += 1
    if cd and rd:
        n = working_days(cd, rd)
        late = date_line in (mf.get("timeliness") or [])
        if rd > TODAY or cd > rd:
            errors.append(f"{name}: dates out of order or after today")
        if not (FIRST <= cd <= LAST):
            errors.append(f"{name}: contact date {cd} outside 2026-11-02..2026-12-04")
        if late:
            late_notes += 1
        if late and not (4 <= n <= 10):
            errors.append(f"{name}: flagged late but {n} working days")
        if not late and n > 1:
            errors.append(f"{name}: {n} working days late but not flagged on line {date_line}")
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number outside drama ranges: {m.group(0)}")
    if EMAIL.search(text):
        errors.append(f"{name}: contains an email address")
    if POSTCODE.search(text):
        errors.append(f"{name}: contains a postcode-like string {POSTCODE.search(text).group(0)}")
    if TENDIGIT.search(text):
        errors.append(f"{name}: contains a 10-digit number")
    why = exp.get("why", "")
    if "holistic" in mnf and re.search(r"Traps \(holistic", why):
        tf_traps += 1
    for c in mf:
        if c not in why:
            errors.append(f"{name}: why does not explain {c}")
    if "Traps" not in why:
        errors.append(f"{name}: why has no Traps section")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
print(f"services: children's {service['child']}, adults' {service['adult']}")
print(f"good notes (must_flag empty): {good}")
print("notes flagging each category:")
for c in CATS:
    print(f"  {c:12s} {flag_counts[c]}")
print(f"holistic / Think Family traps (marked 'Traps (holistic' in why): {tf_traps}")
print(f"notes recorded late (timeliness on the date line): {late_notes}")
if len(notes) != N_NOTES:
    errors.append(f"not {N_NOTES} notes")
if service[SERVICE] != N_NOTES:
    errors.append(f"not all {N_NOTES} notes are {SERVICE}: {service}")
if not (GOOD[0] <= good <= GOOD[1]):
    errors.append(f"good notes {good}, want {GOOD}")
if not (LATE[0] <= late_notes <= LATE[1]):
    errors.append(f"late notes {late_notes}, want {LATE}")
for c in CATS:
    need = PER_CAT
    if flag_counts[c] < need:
        errors.append(f"{c} flagged in only {flag_counts[c]} notes (need {need})")
if tf_traps < TF_TRAPS:
    errors.append(f"fewer than {TF_TRAPS} holistic traps")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
