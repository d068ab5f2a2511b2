#!/usr/bin/env python3
"""Validate the dev-holistic2 set (one category: holistic / Think Family).

Checks: sidecar shape (holistic only), flagged line = first body line and not blank,
why prefix agrees with the sidecar, front matter / .txt header, contact dates in range and on
weekdays (or a stated weekend care shift), recorded same or next working day, no date after
2026-12-03 in any note, invented-only personal data, no source marks left, no template names.
Prints counts and ends with VALIDATION: OK or VALIDATION: FAILED."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
CAT = "holistic"
HERE = os.path.dirname(os.path.abspath(__file__))
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
TEMPLATE_NAMES = ["Keira", "Dunmore", "Alfie", "Shannon", "Reece", "Castell", "Edna",
                  "Pilbeam", "Wojcik", "Linda", "Tyler", "Okafor", "Harrow", "Filey",
                  "Wrenfield", "Eastmoor", "Hollins Lea", "Brook-Ansah"]
MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"], 1)}

PHONE = re.compile(r"\b0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3} ?\d{3} ?\d{4}\b")
NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth|born on)\b", re.I)

def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n

def iso(v):
    if isinstance(v, datetime.date):
        return v
    try:
        return datetime.date.fromisoformat(str(v))
    except ValueError:
        return None

errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
counts = {(s, k): 0 for s in ("child", "adult") for k in ("Problem", "Trap", "Not applicable")}
fmt = {"md": 0, "txt": 0}

for path in notes:
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    fmt[ext[1:]] += 1
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    service = None
    if ext == ".md":
        if lines[0] != "---" or len(lines) < 10 or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9")
            continue
        meta = yaml.safe_load("\n".join(lines[1:8]))
        for k in FM_KEYS:
            if k not in meta:
                errors.append(f"{name}: front matter missing {k}")
        if not lines[5].startswith("recorded_date:"):
            errors.append(f"{name}: recorded_date not on line 6")
        service = meta.get("subject_type")
        cd, rd = iso(meta.get("contact_date")), iso(meta.get("recorded_date"))
        body_start = 10
    else:
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        cd = rd = None
        if len(ds) >= 2:
            cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        else:
            errors.append(f"{name}: line 1 needs contact and entry dates (dd/mm/yyyy)")
        if re.match(r"(Child|Young person):", lines[1]):
            service = "child"
        elif lines[1].startswith("Adult:"):
            service = "adult"
        body_start = 3
    if service not in ("child", "adult"):
        errors.append(f"{name}: cannot tell service")
        continue
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines")
    if not lines[body_start - 1].strip():
        errors.append(f"{name}: first body line is blank")
    # dates
    if not cd or not rd:
        errors.append(f"{name}: missing dates")
    else:
        if not (FIRST <= cd <= LAST):
            errors.append(f"{name}: contact date {cd} out of range")
        if cd.weekday() >= 5 and not re.search(r"care home|residential|night|Saturday", text, re.I):
            errors.append(f"{name}: weekend contact date {cd} in a weekday service")
        if rd < cd or rd > TODAY or working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {rd} vs contact {cd} (must be same/next working day)")
    for d, mo in re.findall(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")\b(?! \d{4})", text):
        dt = datetime.date(2026, MONTHS[mo], int(d))
        if dt > TODAY:
            errors.append(f"{name}: date after today: {d} {mo}")
    for d, m, y in re.findall(r"\b(\d{2})/(\d{2})/(\d{4})\b", text):
        if datetime.date(int(y), int(m), int(d)) > TODAY:
            errors.append(f"{name}: date after today: {d}/{m}/{y}")
    if re.search(r"\b20(2[7-9]|[3-9]\d)\b", text):
        errors.append(f"{name}: a year after 2026")
    # personal data, marks, template names
    for rx, what in ((PHONE, "phone number"), (EMAIL, "email"), (POSTCODE, "postcode"),
                     (TENDIGIT, "10-digit number"), (NINO, "NI number"), (DOB, "date of birth")):
        m = rx.search(text)
        if m:
            errors.append(f"{name}: {what}: {m.group(0)}")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: source marks left in note")
    for t in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(t)}\b", text):
            errors.append(f"{name}: template name {t}")
    # sidecar
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    mf, mnf, why = exp.get("must_flag"), exp.get("must_not_flag"), (exp.get("why") or "").strip()
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    kind = next((k for k in ("Problem", "Trap", "Not applicable") if why.startswith(k + ":")), None)
    if not kind:
        errors.append(f"{name}: why must start Problem:/Trap:/Not applicable:")
        continue
    if mf == {} and mnf == [CAT]:
        if kind == "Problem":
            errors.append(f"{name}: why says Problem but nothing is flagged")
    elif isinstance(mf, dict) and list(mf) == [CAT] and mnf == []:
        if kind != "Problem":
            errors.append(f"{name}: flagged but why says {kind}")
        if mf[CAT] != [body_start]:
            errors.append(f"{name}: holistic must be flagged on first body line {body_start}, got {mf[CAT]}")
        if f"line {body_start}" not in why:
            errors.append(f"{name}: why does not name line {body_start}")
    else:
        errors.append(f"{name}: sidecar shape wrong: {mf!r} / {mnf!r}")
    counts[(service, kind)] += 1

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s, label in (("child", "children's"), ("adult", "adults'")):
    tot = sum(counts[(s, k)] for k in ("Problem", "Trap", "Not applicable"))
    print(f"{label:11s} {tot}: problem {counts[(s, 'Problem')]}, trap {counts[(s, 'Trap')]}, "
          f"not applicable {counts[(s, 'Not applicable')]}")
print(f"holistic must_flag: {counts[('child','Problem')] + counts[('adult','Problem')]}  "
      f"must_not_flag: {sum(v for (s, k), v in counts.items() if k != 'Problem')}")
want = {"Problem": 10, "Trap": 7, "Not applicable": 5}
for s in ("child", "adult"):
    for k, n in want.items():
        if counts[(s, k)] != n:
            errors.append(f"{s}: {k} count {counts[(s, k)]}, want {n}")
if len(notes) != 44:
    errors.append(f"{len(notes)} notes, want 44")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
