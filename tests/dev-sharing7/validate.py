#!/usr/bin/env python3
"""Validate the dev-sharing7 one-category development set (category: sharing).
Checks structure, front matter / .txt headers, sidecar shape, counts per half
(10 problem, 7 trap, 5 not applicable), dates (contacts 3 Nov - 2 Dec 2026, recorded
the same or next working day, nothing after today) and invented-only personal data."""
import datetime, glob, os, re, sys
import yaml

C = "sharing"
TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
WANT = {"Problem": 10, "Trap": 7, "Not applicable": 5}

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
NI = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|date of birth|born on)\b", re.I)
ISO = re.compile(r"\b(20\d\d)-(\d\d)-(\d\d)\b")
DMY = re.compile(r"\b(\d{2})/(\d{2})/(\d{4})\b")
DM = re.compile(r"\b(\d{1,2}) (November|December) (2026)?")
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
counts = {"child": dict.fromkeys(WANT, 0), "adult": dict.fromkeys(WANT, 0)}
fmt = {"md": 0, "txt": 0}
flagged_notes = 0

for path in notes:
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    fmt[ext[1:]] += 1
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: build marks left in the note")
    svc = None
    if ext == ".md":
        if lines[0] != "---" or len(lines) < 10 or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9"); continue
        keys = [l.split(":", 1)[0] for l in lines[1:8]]
        if keys != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong: {keys}")
        meta = yaml.safe_load("\n".join(lines[1:8]))
        svc = meta.get("subject_type")
        def d(v):
            return v if isinstance(v, datetime.date) else datetime.date.fromisoformat(str(v))
        cd, rd = d(meta["contact_date"]), d(meta["recorded_date"])
        body_start = 10
    else:
        if re.search(r"\(adult, \d+\)", lines[1]):
            svc = "adult"
        elif re.search(r"^(Child|Young person):", lines[1]):
            svc = "child"
        ds = DMY.findall(lines[0])
        if len(ds) < 2:
            errors.append(f"{name}: line 1 needs contact and entry dates dd/mm/yyyy"); continue
        cd, rd = [datetime.date(int(y), int(m), int(dd)) for dd, m, y in ds[:2]]
        body_start = 3
    if svc not in ("child", "adult"):
        errors.append(f"{name}: cannot tell service"); continue
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    if not (FIRST <= cd <= LAST):
        errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
    if rd < cd or rd > TODAY:
        errors.append(f"{name}: recorded date {rd} before contact or after today")
    if working_days(cd, rd) > 1:
        errors.append(f"{name}: recorded {working_days(cd, rd)} working days late")
    # no date anywhere in the note after today
    for y, m, dd in ISO.findall(text):
        if datetime.date(int(y), int(m), int(dd)) > TODAY:
            errors.append(f"{name}: date after today {y}-{m}-{dd}")
    for dd, m, y in DMY.findall(text):
        if datetime.date(int(y), int(m), int(dd)) > TODAY:
            errors.append(f"{name}: date after today {dd}/{m}/{y}")
    for dd, mon, _ in DM.findall(text):
        if mon == "December" and int(dd) > TODAY.day:
            errors.append(f"{name}: date after today {dd} {mon}")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar"); continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf, mnf, why = exp.get("must_flag") or {}, exp.get("must_not_flag"), str(exp.get("why") or "")
    kind = next((k for k in WANT if why.startswith(k + ":")), None)
    if kind is None:
        errors.append(f"{name}: why must begin Problem:, Trap: or Not applicable:"); continue
    if kind == "Problem":
        if list(mf) != [C] or mnf != []:
            errors.append(f"{name}: problem sidecar must be must_flag {{{C}: [...]}}, must_not_flag []")
        lns = mf.get(C) or []
        if not lns:
            errors.append(f"{name}: no flagged lines")
        flagged_notes += 1
        for ln in lns:
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: line {ln} is not a body line")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: line {ln} is blank")
        for m in re.finditer(r"\blines? (\d+)(?:-(\d+))?", why):
            if int(m.group(2) or m.group(1)) > len(lines):
                errors.append(f"{name}: why cites line {m.group(0)} beyond the note")
    else:
        if mf != {} or mnf != [C]:
            errors.append(f"{name}: {kind} sidecar must be must_flag {{}}, must_not_flag [{C}]")
    counts[svc][kind] += 1
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number outside drama ranges: {m.group(0)}")
    for rx, what in ((EMAIL, "email address"), (POSTCODE, "postcode-like string"),
                     (TENDIGIT, "10-digit number"), (NI, "NI-number-like string"),
                     (DOB, "date-of-birth marker")):
        if rx.search(text):
            errors.append(f"{name}: contains a {what}: {rx.search(text).group(0)}")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for svc, label in (("child", "children's"), ("adult", "adults'")):
    c = counts[svc]
    print(f"{label:11s} problem {c['Problem']}, trap {c['Trap']}, not applicable {c['Not applicable']}")
print(f"notes flagging {C}: {flagged_notes}")
if len(notes) != 44:
    errors.append(f"want 44 notes, have {len(notes)}")
for svc in counts:
    for k, n in WANT.items():
        if counts[svc][k] != n:
            errors.append(f"{svc}: {k} notes {counts[svc][k]}, want {n}")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED"); sys.exit(1)
print("VALIDATION: OK")
