#!/usr/bin/env python3
"""Validate the dev-voice1 set (one category: voice).

Checks: sidecar shape (voice only), flagged line = first body line, why prefixes, the
10/7/5 split in each half, front matter, .txt headers, contact dates in range, lateness
(none late), no personal data, no marks left, no template names, sources present."""
import datetime, glob, os, re, sys
import yaml

CAT = "voice"
TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
HERE = os.path.dirname(os.path.abspath(__file__))


def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n

PHONE = re.compile(r"\b0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b")
SAFE_PHONE = re.compile(r"^(07700 ?900\d{3}|01632 ?960\d{3})$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
NINO = re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth|born on)\b", re.I)
TEMPLATE_NAMES = ["Keira", "Dunmore", "Alfie", "Shannon", "Reece", "Priya", "Castell",
                  "Wrenfield", "Edna", "Pilbeam", "Marta", "Wojcik", "Hollins", "Linda",
                  "Filey", "Tyler", "Brook-Ansah", "Dean", "Harrow", "Eastmoor", "Okafor",
                  "Rowan"]
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date", "recorded_date",
           "author", "team"]

errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
fmt = {"md": 0, "txt": 0}
split = {s: {"Problem": 0, "Trap": 0, "Not applicable": 0} for s in ("child", "adult")}

for path in notes:
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    fmt[ext[1:]] += 1
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if lines[-1] == "":
        lines = lines[:-1]
    svc = None
    if ext == ".md":
        if lines[0] != "---" or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9")
            continue
        meta = yaml.safe_load("\n".join(lines[1:8]))
        if list(meta) != FM_KEYS:
            errors.append(f"{name}: front matter keys {list(meta)}")
        if not lines[5].startswith("recorded_date:"):
            errors.append(f"{name}: recorded_date is not on line 6")
        svc = meta.get("subject_type")
        cd = datetime.date.fromisoformat(str(meta["contact_date"]))
        rd = datetime.date.fromisoformat(str(meta["recorded_date"]))
        body = 10
    else:
        m = re.match(r"(Child|Young person|Adult):", lines[1])
        if not m:
            errors.append(f"{name}: line 2 must start Child:/Young person:/Adult:")
            continue
        svc = "adult" if m.group(1) == "Adult" else "child"
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        if len(ds) < 2:
            errors.append(f"{name}: line 1 needs contact and entry dates (dd/mm/yyyy)")
            continue
        cd, rd = [datetime.date(int(y), int(mo), int(d)) for d, mo, y in ds[:2]]
        body = 3
    if svc not in split:
        errors.append(f"{name}: bad service {svc}")
        continue
    if not (FIRST <= cd <= LAST):
        errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
    if rd < cd or rd > TODAY:
        errors.append(f"{name}: recorded date {rd} out of order or after today")
    if working_days(cd, rd) > 1:
        errors.append(f"{name}: recorded {working_days(cd, rd)} working days late")
    nbody = len([l for l in lines[body - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines")
    if not lines[body - 1].strip():
        errors.append(f"{name}: first body line is blank")
    # sidecar
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf, mnf, why = exp.get("must_flag"), exp.get("must_not_flag"), exp.get("why") or ""
    kind = next((k for k in ("Problem", "Trap", "Not applicable") if why.startswith(k)), None)
    if kind is None:
        errors.append(f"{name}: why must start Problem:/Trap:/Not applicable")
        continue
    split[svc][kind] += 1
    if kind == "Problem":
        if mf != {CAT: [body]} or mnf != []:
            errors.append(f"{name}: problem sidecar must be must_flag {{voice: [{body}]}}, must_not_flag []")
    else:
        if mf != {} or mnf != [CAT]:
            errors.append(f"{name}: {kind} sidecar must be must_flag {{}}, must_not_flag [voice]")
    # personal data, marks, template names
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number {m.group(0)}")
    for rx, what in ((EMAIL, "email address"), (POSTCODE, "postcode-like string"),
                     (TENDIGIT, "10-digit number"), (NINO, "NI-number-like string"),
                     (DOB, "marked date of birth")):
        if rx.search(text):
            errors.append(f"{name}: contains {what}: {rx.search(text).group(0)}")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: marks left in the note")
    for t in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(t)}\b", text):
            errors.append(f"{name}: template name {t}")
    if not os.path.exists(os.path.join(HERE, "src", name + ".src")):
        errors.append(f"{name}: no source in src/")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

nc = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml")))
if str(nc["timeliness"]["today"]) != "2026-12-03":
    errors.append("notecheck.yaml: today must be 2026-12-03")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s in ("child", "adult"):
    c = split[s]
    print(f"{s:5s}: problem {c['Problem']}, trap {c['Trap']}, not applicable {c['Not applicable']}"
          f"  (total {sum(c.values())})")
print(f"must_flag voice: {sum(split[s]['Problem'] for s in split)}   "
      f"must_not_flag voice: {sum(split[s]['Trap'] + split[s]['Not applicable'] for s in split)}")
for s in split:
    if split[s] != {"Problem": 10, "Trap": 7, "Not applicable": 5}:
        errors.append(f"{s}: split is {split[s]}, want 10/7/5")
if len(notes) != 44:
    errors.append(f"{len(notes)} notes, want 44")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
