#!/usr/bin/env python3
"""Validate the dev-clarity4 one-category (clarity) development set: sidecar shape,
line numbers, front matter / headers, counts per service (10 problem, 7 trap, 5 not
applicable in each half), contact and recorded dates, and invented-only personal data."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
C = "clarity"

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
TENDIGIT = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
NINO = re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth|born on)\b", re.I)

FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
counts = {s: {"Problem": 0, "Trap": 0, "Not applicable": 0} for s in ("child", "adult")}
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
    svc = None
    if ext == ".md":
        if lines[0] != "---" or len(lines) < 10 or lines[8] != "---":
            errors.append(f"{name}: .md front matter must be lines 1-9")
            continue
        keys = [l.split(":", 1)[0] for l in lines[1:8]]
        if keys != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong: {keys}")
        try:
            meta = yaml.safe_load("\n".join(lines[1:8]))
        except yaml.YAMLError as e:
            errors.append(f"{name}: front matter does not parse: {e}")
            continue
        svc = meta.get("subject_type")
        if svc not in ("child", "adult"):
            errors.append(f"{name}: bad subject_type")
            svc = None
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        body_start = 10
    else:
        if re.search(r"\(adult, \d+\)|Adult:", lines[1]):
            svc = "adult"
        elif re.search(r"\(child, \d+\)|Child:", lines[1]):
            svc = "child"
        else:
            errors.append(f"{name}: cannot tell service from header line 2")
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        cd = rd = None
        if len(ds) != 2:
            errors.append(f"{name}: .txt line 1 needs two dd/mm/yyyy dates")
        else:
            cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds]
        body_start = 3
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    if cd and rd:
        if not (FIRST <= cd <= LAST):
            errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
        if rd < cd or rd > TODAY:
            errors.append(f"{name}: recorded date {rd} before contact or after today")
        elif working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {working_days(cd, rd)} working days after contact")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf = exp.get("must_flag") or {}
    mnf = exp.get("must_not_flag") or []
    why = str(exp.get("why") or "")
    kind = next((k for k in ("Problem", "Trap", "Not applicable") if why.startswith(k + ":")), None)
    if kind is None:
        errors.append(f"{name}: why must begin Problem:, Trap: or Not applicable:")
    if mf:
        if list(mf) != [C] or mnf != []:
            errors.append(f"{name}: problem sidecar must be must_flag {{clarity: [...]}}, must_not_flag []")
        if kind != "Problem":
            errors.append(f"{name}: flags clarity but why is {kind}")
        lns = mf.get(C) or []
        if not lns:
            errors.append(f"{name}: clarity has no lines")
        for ln in lns:
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: clarity line {ln} is not a body line")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: clarity line {ln} is blank")
        flagged_lines += len(lns)
    else:
        if mnf != [C]:
            errors.append(f"{name}: non-problem sidecar must be must_not_flag [clarity]")
        if kind not in ("Trap", "Not applicable"):
            errors.append(f"{name}: no flag but why is {kind}")
    if svc and kind:
        counts[svc][kind] += 1
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number outside drama ranges: {m.group(0)}")
    for rx, what in ((EMAIL, "an email address"), (POSTCODE, "a postcode-like string"),
                     (NINO, "an NI-number-like string"), (DOB, "a date of birth marker")):
        m = rx.search(text)
        if m:
            errors.append(f"{name}: contains {what}: {m.group(0)}")
    for m in TENDIGIT.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: contains a 10-digit number: {m.group(0)}")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

nc = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml"), encoding="utf-8"))
if str((nc.get("timeliness") or {}).get("today")) != TODAY.isoformat():
    errors.append("notecheck.yaml: timeliness.today must be 2026-12-03")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s, label in (("child", "children's"), ("adult", "adults'")):
    c = counts[s]
    print(f"{label:11s} problem {c['Problem']}, trap {c['Trap']}, not applicable {c['Not applicable']}")
print(f"clarity lines flagged in total: {flagged_lines}")
if len(notes) != 44:
    errors.append(f"{len(notes)} notes, want 44")
for s in counts:
    if counts[s] != {"Problem": 10, "Trap": 7, "Not applicable": 5}:
        errors.append(f"{s} counts {counts[s]}, want 10/7/5")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
