#!/usr/bin/env python3
"""Validate the dev-voice4 blind development set (one category: voice).
Checks structure, front matter, sidecars, line numbers, counts per service and kind,
dates (contact 3 Nov - 2 Dec 2026, recorded same or next working day, nothing after
today) and invented-only personal data."""
import datetime, glob, os, re, sys
import yaml

CAT = "voice"
TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
WANT = {"Problem": 10, "Trap": 7, "Not applicable": 5}   # per service
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
MONTHS = {m: i for i, m in enumerate(
    "January February March April May June July August September October November December".split(), 1)}

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
NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth|born on)\b", re.I)
SLASHDATE = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
LONGDATE = re.compile(r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|"
                      r"September|October|November|December)(?: (\d{4}))?\b")

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
tally = {s: {k: 0 for k in WANT} for s in ("child", "adult")}
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
    cd = rd = None
    if ext == ".md":
        if lines[0] != "---" or len(lines) < 10 or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9")
            continue
        keys = [l.split(":", 1)[0] for l in lines[1:8]]
        if keys != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong: {keys}")
        meta = yaml.safe_load("\n".join(lines[1:8]))
        svc = meta.get("subject_type")
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        body_start = 10
    else:
        m = re.search(r"\((child|adult), \d{1,3}\)", lines[1])
        svc = m.group(1) if m else None
        ds = SLASHDATE.findall(lines[0])
        if len(ds) >= 2:
            cd, rd = [datetime.date(int(y), int(mo), int(d)) for d, mo, y in ds[:2]]
        else:
            errors.append(f"{name}: line 1 needs contact and entry dates dd/mm/yyyy")
        body_start = 3
    if svc not in ("child", "adult"):
        errors.append(f"{name}: cannot tell service")
        continue
    body = lines[body_start - 1:]
    nbody = len([l for l in body if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: build marks left in note")
    # dates
    if cd and rd:
        if not (FIRST <= cd <= LAST):
            errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
        if rd < cd or rd > TODAY:
            errors.append(f"{name}: recorded date {rd} before contact or after today")
        if working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {working_days(cd, rd)} working days after contact")
    for d, mo, y in SLASHDATE.findall(text):
        try:
            dt = datetime.date(int(y), int(mo), int(d))
        except ValueError:
            errors.append(f"{name}: impossible date {d}/{mo}/{y}")
            continue
        if dt > TODAY:
            errors.append(f"{name}: date after today {dt}")
    for d, mo, y in LONGDATE.findall(text):
        yr = int(y) if y else 2026
        try:
            dt = datetime.date(yr, MONTHS[mo], int(d))
        except ValueError:
            errors.append(f"{name}: impossible date {d} {mo}")
            continue
        if dt > TODAY:
            errors.append(f"{name}: date after today {d} {mo} {y}")
    if re.search(r"\b20(2[7-9]|[3-9]\d)\b", text):
        errors.append(f"{name}: mentions a year after 2026")
    # invented data only
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number outside drama ranges: {m.group(0)}")
    for rx, what in ((EMAIL, "an email address"), (POSTCODE, "a postcode-like string"),
                     (TENDIGIT, "a 10-digit number"), (NINO, "an NI-number-like string"),
                     (DOB, "a date of birth marker")):
        m = rx.search(text)
        if m:
            errors.append(f"{name}: contains {what}: {m.group(0)}")
    # sidecar
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf = exp.get("must_flag") or {}
    mnf = exp.get("must_not_flag") or []
    why = (exp.get("why") or "").strip()
    kind = next((k for k in WANT if why.startswith(k)), None)
    if kind is None:
        errors.append(f"{name}: why must begin Problem:, Trap: or Not applicable:")
        continue
    tally[svc][kind] += 1
    if kind == "Problem":
        if list(mf) != [CAT] or mnf != []:
            errors.append(f"{name}: problem sidecar must be must_flag {{voice: [...]}}, must_not_flag []")
        lns = mf.get(CAT) or []
        if not lns:
            errors.append(f"{name}: no flagged lines")
        for ln in lns:
            flagged_lines += 1
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: line {ln} is not a body line")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: line {ln} is blank")
        if "@LINES@" in why:
            errors.append(f"{name}: unreplaced @LINES@")
    else:
        if mf != {} or mnf != [CAT]:
            errors.append(f"{name}: {kind} sidecar must be must_flag {{}}, must_not_flag [voice]")
        if not re.search(r"(Trap|Not applicable)[^:]*:", why):
            errors.append(f"{name}: why does not open correctly")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

nc = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml"), encoding="utf-8"))
if str((nc or {}).get("timeliness", {}).get("today")) != TODAY.isoformat():
    errors.append("notecheck.yaml: timeliness.today must be 2026-12-03")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s in ("child", "adult"):
    print(f"{s:6s}: " + ", ".join(f"{k} {tally[s][k]}" for k in WANT))
print(f"voice flagged lines in problem notes: {flagged_lines}")
if len(notes) != 44:
    errors.append(f"want 44 notes, have {len(notes)}")
for s in ("child", "adult"):
    for k, n in WANT.items():
        if tally[s][k] != n:
            errors.append(f"{s}: {k} notes {tally[s][k]}, want {n}")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
