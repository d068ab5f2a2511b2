#!/usr/bin/env python3
"""Validate the dev-holistic6 one-category set (category: holistic / Think Family):
structure, sidecars, line numbers, front matter, dates, counts per half
(10 problem, 7 trap, 5 not applicable) and invented-only personal data."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
CAT = "holistic"

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
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
counts = {s: {"Problem": 0, "Trap": 0, "Not applicable": 0} for s in ("child", "adult")}
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
    svc = None
    if ext == ".md":
        if lines[0] != "---" or len(lines) < 10 or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9")
            continue
        keys = [l.split(":", 1)[0] for l in lines[1:8]]
        if keys != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong: {keys}")
        meta = yaml.safe_load("\n".join(lines[1:8]))
        svc = meta.get("subject_type")
        if svc not in ("child", "adult"):
            errors.append(f"{name}: bad subject_type")
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        body_start = 10
    else:
        head = "\n".join(lines[:2])
        if re.search(r"\(adult|Adult:", head):
            svc = "adult"
        elif re.search(r"\(child|Child:|Young person:", head):
            svc = "child"
        else:
            errors.append(f"{name}: cannot tell service from header")
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        cd = rd = None
        if len(ds) >= 2:
            cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        else:
            errors.append(f"{name}: .txt line 1 needs contact and entry dates dd/mm/yyyy")
        body_start = 3
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
    why = exp.get("why") or ""
    kind = why.split(":", 1)[0].strip()
    if kind not in ("Problem", "Trap", "Not applicable"):
        errors.append(f"{name}: why must begin Problem:/Trap:/Not applicable:")
        continue
    if kind == "Problem":
        if list(mf) != [CAT] or mnf != []:
            errors.append(f"{name}: problem must be must_flag {{{CAT}: [...]}}, must_not_flag []")
        for ln in mf.get(CAT) or []:
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: line {ln} not a body line")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: line {ln} is blank")
        if not mf.get(CAT):
            errors.append(f"{name}: problem with no lines")
    else:
        if mf != {} or mnf != [CAT]:
            errors.append(f"{name}: {kind} must be must_flag {{}}, must_not_flag [{CAT}]")
    if svc:
        counts[svc][kind] += 1
    if cd and rd:
        if not (FIRST <= cd <= LAST):
            errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
        if rd > TODAY or cd > rd:
            errors.append(f"{name}: dates out of order or after today")
        if working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {working_days(cd, rd)} working days after contact")
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number outside drama ranges: {m.group(0)}")
    for rx, what in ((EMAIL, "an email address"), (POSTCODE, "a postcode-like string"),
                     (TENDIGIT, "a 10-digit number"), (NINO, "an NI-number-like string"),
                     (DOB, "a date-of-birth marker")):
        if rx.search(text):
            errors.append(f"{name}: contains {what}: {rx.search(text).group(0)}")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")
cfg = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml")))
if str(cfg.get("timeliness", {}).get("today")) != "2026-12-03":
    errors.append("notecheck.yaml: today must be 2026-12-03")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s, label in (("child", "children's"), ("adult", "adults'")):
    c = counts[s]
    print(f"{label:10s} problem {c['Problem']}, trap {c['Trap']}, not applicable {c['Not applicable']}")
    if c != {"Problem": 10, "Trap": 7, "Not applicable": 5}:
        errors.append(f"{label} half counts wrong: {c}")
if len(notes) != 44:
    errors.append(f"want 44 notes, have {len(notes)}")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
