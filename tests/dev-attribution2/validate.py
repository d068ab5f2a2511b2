#!/usr/bin/env python3
"""Validate the dev-attribution2 set (one scored category: attribution).

Checks sidecar shape, why prefixes, flagged lines (in range, not blank, in the body),
front matter / .txt headers, contact and recorded dates (3 Nov - 2 Dec 2026, recorded the
same or next working day, nothing after today), invented-only personal data, no marks left,
no names taken from the template, and the planned mix. Prints counts, ends VALIDATION: OK."""
import datetime, glob, os, re, sys
import yaml

CAT = "attribution"
TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
HERE = os.path.dirname(os.path.abspath(__file__))
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date", "recorded_date", "author", "team"]
TEMPLATE_NAMES = ["Keira", "Dunmore", "Alfie", "Shannon", "Reece", "Priya Castell", "Wrenfield",
                  "Edna", "Pilbeam", "Marta Wojcik", "Hollins Lea", "Filey", "Tyler",
                  "Brook-Ansah", "Dean", "Harrow", "Okafor", "Eastmoor", "Linda", "Marta",
                  "Wojcik", "Priya", "Castell"]

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
DOB = re.compile(r"\bDOB\b|date of birth|born on", re.I)

errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
fmt = {"md": 0, "txt": 0}
mix = {(s, k): 0 for s in ("child", "adult") for k in ("problem", "trap", "n/a")}
flagged_lines = 0

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
        if lines[0] != "---" or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9")
            continue
        meta = yaml.safe_load("\n".join(lines[1:8]))
        if [l.split(":")[0] for l in lines[1:8]] != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong")
        if not lines[5].startswith("recorded_date:"):
            errors.append(f"{name}: recorded_date not on line 6")
        svc = meta.get("subject_type")
        cd, rd = meta.get("contact_date"), meta.get("recorded_date")
        body_start = 10
    else:
        m = re.match(r"(Child|Young person|Adult): ", lines[1])
        if not m:
            errors.append(f"{name}: line 2 must start Child:/Young person:/Adult:")
            continue
        svc = "adult" if m.group(1) == "Adult" else "child"
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        if len(ds) < 2:
            errors.append(f"{name}: line 1 needs contact and entry dates dd/mm/yyyy")
            continue
        cd, rd = [datetime.date(int(y), int(mo), int(d)) for d, mo, y in ds[:2]]
        body_start = 3
    if svc not in ("child", "adult"):
        errors.append(f"{name}: bad service {svc!r}")
        continue
    if not (isinstance(cd, datetime.date) and isinstance(rd, datetime.date)):
        errors.append(f"{name}: dates do not parse")
    else:
        if not (FIRST <= cd <= LAST):
            errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
        if rd < cd or rd > TODAY:
            errors.append(f"{name}: recorded date {rd} out of order or after today")
        if working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {working_days(cd, rd)} working days late")
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    for bad in ("«", "»", "%%WHY%%"):
        if bad in text:
            errors.append(f"{name}: leftover mark {bad}")
    for t in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(t)}\b", text):
            errors.append(f"{name}: template name {t!r}")
    for rx, what in ((PHONE, "phone number"), (EMAIL, "email address"), (POSTCODE, "postcode"),
                     (TENDIGIT, "10-digit number"), (NINO, "NI number"), (DOB, "date of birth")):
        if rx.search(text):
            errors.append(f"{name}: contains {what}: {rx.search(text).group(0)!r}")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf, mnf, why = exp.get("must_flag"), exp.get("must_not_flag"), exp.get("why") or ""
    if mf == {} and mnf == [CAT]:
        kind = "trap" if why.startswith("Trap:") else "n/a" if why.startswith("Not applicable:") else None
        if kind is None:
            errors.append(f"{name}: clean note's why must start Trap: or Not applicable:")
            continue
    elif isinstance(mf, dict) and list(mf) == [CAT] and mnf == []:
        kind = "problem"
        if not why.startswith("Problem:"):
            errors.append(f"{name}: flagged note's why must start Problem:")
        lns = mf[CAT]
        if not lns or lns != sorted(set(lns)):
            errors.append(f"{name}: flagged lines empty or unsorted")
        for ln in lns:
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: line {ln} not in the body")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: line {ln} is blank")
        flagged_lines += len(lns)
    else:
        errors.append(f"{name}: sidecar shape wrong: {mf!r} / {mnf!r}")
        continue
    mix[(svc, kind)] += 1

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s, label in (("child", "children's"), ("adult", "adults'")):
    print(f"{label:11s} problem {mix[(s, 'problem')]}, trap {mix[(s, 'trap')]}, "
          f"not applicable {mix[(s, 'n/a')]}")
print(f"notes flagging attribution: {mix[('child', 'problem')] + mix[('adult', 'problem')]}; "
      f"flagged lines: {flagged_lines}")
want = {"problem": 10, "trap": 7, "n/a": 5}
for (s, k), n in mix.items():
    if n != want[k]:
        errors.append(f"{s} {k}: {n} notes, want {want[k]}")
if len(notes) != 44:
    errors.append(f"{len(notes)} notes, want 44")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
