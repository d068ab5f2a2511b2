#!/usr/bin/env python3
"""Validate the dev-holistic1 blind set (only category C = holistic is annotated):
sidecar shape, flagged line = first body line and not blank, front matter, contact dates in
window, working-day lateness, no personal data, no marks left, no template names, counts."""
import datetime, glob, os, re, sys
import yaml

C = "holistic"
TODAY = datetime.date(2026, 12, 3)
WIN = (datetime.date(2026, 11, 3), datetime.date(2026, 12, 2))

def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n

PHONE = re.compile(r"\b0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3} ?\d{3} ?\d{4}\b")
NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth|born on)\b", re.I)
TEMPLATE_NAMES = ["Keira", "Dunmore", "Alfie", "Shannon", "Reece", "Castell", "Wrenfield",
                  "Edna", "Pilbeam", "Wojcik", "Hollins Lea", "Filey", "Tyler", "Brook-Ansah",
                  "Harrow", "Okafor", "Eastmoor"]
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date", "recorded_date", "author", "team"]
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
fmt = {"md": 0, "txt": 0}
kinds = {s: {"Problem": 0, "Trap": 0, "Not applicable": 0} for s in ("child", "adult")}

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
        meta = yaml.safe_load("\n".join(lines[1:8]))
        if list(meta) != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong: {list(meta)}")
        if not lines[5].startswith("recorded_date:"):
            errors.append(f"{name}: recorded_date not on line 6")
        svc = meta.get("subject_type")
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        body_start = 10
    else:
        if re.match(r"(Child|Young person): ", lines[1]):
            svc = "child"
        elif lines[1].startswith("Adult: "):
            svc = "adult"
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        cd = rd = None
        if len(ds) >= 2:
            cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        else:
            errors.append(f"{name}: line 1 lacks contact and entry dates")
        body_start = 3
    if svc not in ("child", "adult"):
        errors.append(f"{name}: cannot tell service")
        continue
    if not lines[body_start - 1].strip():
        errors.append(f"{name}: first body line is blank")
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines")
    if cd and rd:
        if not (WIN[0] <= cd <= WIN[1]) or cd.weekday() > 4:
            errors.append(f"{name}: contact date {cd} outside window or at a weekend")
        if rd < cd or rd > TODAY:
            errors.append(f"{name}: recorded date out of order or after today")
        if working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {working_days(cd, rd)} working days late")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {set(exp)}")
    mf, mnf, why = exp.get("must_flag"), exp.get("must_not_flag"), exp.get("why") or ""
    kind = next((k for k in ("Problem", "Trap", "Not applicable") if why.startswith(k + ":")), None)
    if kind is None:
        errors.append(f"{name}: why must start with Problem:/Trap:/Not applicable:")
        continue
    if kind == "Problem":
        if mf != {C: [body_start]} or mnf != []:
            errors.append(f"{name}: problem sidecar must be must_flag {{holistic: [{body_start}]}}, must_not_flag []")
    else:
        if mf != {} or mnf != [C]:
            errors.append(f"{name}: trap/n.a. sidecar must be must_flag {{}}, must_not_flag [holistic]")
    kinds[svc][kind] += 1
    for pat, what in ((PHONE, "phone-like number"), (EMAIL, "email address"), (POSTCODE, "postcode"),
                      (TENDIGIT, "10-digit number"), (NINO, "NI-number-like string"), (DOB, "date of birth marker")):
        m = pat.search(text)
        if m:
            errors.append(f"{name}: {what}: {m.group(0)}")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: source marks left in note")
    for t in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(t)}\b", text):
            errors.append(f"{name}: template name {t}")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s, label in (("child", "children's"), ("adult", "adults'")):
    k = kinds[s]
    print(f"{label:11s} {sum(k.values())}: problem {k['Problem']}, trap {k['Trap']}, not applicable {k['Not applicable']}")
print(f"must_flag holistic: {sum(kinds[s]['Problem'] for s in kinds)}   "
      f"must_not_flag holistic: {sum(kinds[s]['Trap'] + kinds[s]['Not applicable'] for s in kinds)}")
for s in kinds:
    if kinds[s] != {"Problem": 10, "Trap": 7, "Not applicable": 5}:
        errors.append(f"{s} half is {kinds[s]}, want 10/7/5")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
