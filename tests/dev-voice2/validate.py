#!/usr/bin/env python3
"""Validate the dev-voice2 blind set (one scored category: voice).
Checks sidecar shape, flagged lines (first body line, in range, not blank), why prefixes,
front matter, dates (window, order, not late), personal data, leftover marks, template names,
and the planned mix (44 notes; per service 10 problems / 7 traps / 5 not applicable)."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
C = "voice"

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
                  "Edna", "Pilbeam", "Wojcik", "Hollins Lea", "Linda", "Filey", "Tyler",
                  "Brook-Ansah", "Dean Harrow", "Eastmoor", "Okafor"]
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date", "recorded_date", "author", "team"]

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
fmt = {"md": 0, "txt": 0}
mix = {(s, k): 0 for s in ("child", "adult") for k in ("Problem", "Trap", "Not applicable")}

for path in notes:
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    fmt[ext[1:]] += 1
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if ext == ".md":
        if lines[0] != "---" or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9")
            continue
        meta = yaml.safe_load("\n".join(lines[1:8]))
        if list(meta) != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong: {list(meta)}")
        if not lines[5].startswith("recorded_date:"):
            errors.append(f"{name}: recorded_date not on line 6")
        service = meta.get("subject_type")
        cd, rd = meta.get("contact_date"), meta.get("recorded_date")
        body_start = 10
    else:
        m = re.match(r"(Child|Young person|Adult): ", lines[1])
        if not m:
            errors.append(f"{name}: line 2 must start Child:/Young person:/Adult:")
            continue
        service = "adult" if m.group(1) == "Adult" else "child"
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        if len(ds) != 2:
            errors.append(f"{name}: line 1 needs contact and entry dates (dd/mm/yyyy)")
            continue
        cd, rd = [datetime.date(int(y), int(mo), int(d)) for d, mo, y in ds]
        body_start = 3
    if service not in ("child", "adult"):
        errors.append(f"{name}: bad subject_type {service!r}")
        continue
    if not (isinstance(cd, datetime.date) and isinstance(rd, datetime.date)):
        errors.append(f"{name}: dates do not parse")
    else:
        if not (FIRST <= cd <= LAST):
            errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
        if rd < cd or rd > TODAY:
            errors.append(f"{name}: recorded date {rd} before contact or after today")
        if working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {working_days(cd, rd)} working days late (set has no late notes)")
    for d, mo, y in re.findall(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text):
        if datetime.date(int(y), int(mo), int(d)) > TODAY:
            errors.append(f"{name}: date after today in text")
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: source marks left in note")
    for pat, what in ((PHONE, "phone number"), (EMAIL, "email address"), (POSTCODE, "postcode"),
                      (TENDIGIT, "10-digit number"), (NINO, "NI number"), (DOB, "marked date of birth")):
        if pat.search(text):
            errors.append(f"{name}: contains {what}: {pat.search(text).group(0)}")
    for t in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(t)}\b", text):
            errors.append(f"{name}: uses template name {t}")

    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf, mnf, why = exp.get("must_flag"), exp.get("must_not_flag"), exp.get("why") or ""
    kind = next((k for k in ("Problem", "Trap", "Not applicable") if why.startswith(k + ":")), None)
    if kind is None:
        errors.append(f"{name}: why must start with Problem:/Trap:/Not applicable:")
        continue
    mix[(service, kind)] += 1
    if kind == "Problem":
        if mnf != [] or list(mf or {}) != [C]:
            errors.append(f"{name}: problem sidecar must be must_flag {{voice: [...]}} + must_not_flag []")
            continue
        lns = mf[C]
        if lns != [body_start]:
            errors.append(f"{name}: voice must be flagged on the first body line {body_start}, got {lns}")
        for ln in lns:
            if not isinstance(ln, int) or not (1 <= ln <= len(lines)) or not lines[ln - 1].strip():
                errors.append(f"{name}: line {ln} missing or blank")
    else:
        if mf != {} or mnf != [C]:
            errors.append(f"{name}: {kind} sidecar must be must_flag {{}} + must_not_flag [voice]")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")
srcs = glob.glob(os.path.join(HERE, "src", "[0-9][0-9]-*.src"))
if len(srcs) != len(notes):
    errors.append(f"{len(srcs)} sources but {len(notes)} notes")
ny = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml")))
if ny != {"timeliness": {"today": datetime.date(2026, 12, 3)}}:
    errors.append(f"notecheck.yaml wrong: {ny}")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s, label in (("child", "children's"), ("adult", "adults'")):
    print(f"{label:10s} problem {mix[(s,'Problem')]:2d}  trap {mix[(s,'Trap')]:2d}  "
          f"not applicable {mix[(s,'Not applicable')]:2d}")
print(f"must_flag voice: {sum(mix[(s,'Problem')] for s in ('child','adult'))}   "
      f"must_not_flag voice: {sum(v for (s,k),v in mix.items() if k != 'Problem')}")
if len(notes) != 44:
    errors.append("want 44 notes")
for s in ("child", "adult"):
    if (mix[(s, "Problem")], mix[(s, "Trap")], mix[(s, "Not applicable")]) != (10, 7, 5):
        errors.append(f"{s}: mix is not 10/7/5")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
