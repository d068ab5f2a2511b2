#!/usr/bin/env python3
"""Validate dev-holistic5, a one-category (holistic / Think Family) development set:
structure, sidecars, the 22/22 split with 10 problem, 7 trap and 5 not-applicable notes in
each half, flagged line numbers, dates (contacts 3 Nov - 2 Dec 2026, recorded the same or next
working day, nothing after today) and invented-only personal data."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
CAT = "holistic"
WANT = {"Problem": 10, "Trap": 7, "Not applicable": 5}

def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:          # no England & Wales bank holidays fall in Nov-Dec 2 2026
            n += 1
    return n

PHONE = re.compile(r"\b0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b")
SAFE_PHONE = re.compile(r"^(07700 ?900\d{3}|0116 ?496 ?\d{4})$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3} ?\d{3} ?\d{4}\b")
NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|date of birth|born on)\b", re.I)
FM = ["---", "subject:", "subject_type:", "note_type:", "contact_date:", "recorded_date:",
      "author:", "team:", "---"]

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
tally = {s: {k: 0 for k in WANT} for s in ("child", "adult")}
fmt = {"md": 0, "txt": 0}

for path in notes:
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    fmt[ext[1:]] += 1
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if lines[-1] == "":
        lines = lines[:-1]
    if ext == ".md":
        for i, pre in enumerate(FM):
            if not (lines[i] == pre if pre == "---" else lines[i].startswith(pre + " ")):
                errors.append(f"{name}: front matter line {i+1} should start {pre!r}")
        meta = yaml.safe_load("\n".join(lines[1:8]))
        svc = meta.get("subject_type")
        try:
            cd = datetime.date.fromisoformat(str(meta["contact_date"]))
            rd = datetime.date.fromisoformat(str(meta["recorded_date"]))
        except Exception as e:
            errors.append(f"{name}: bad dates: {e}")
            continue
        body_start, header_end = 10, 9
    else:
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        if len(ds) < 2:
            errors.append(f"{name}: line 1 needs contact and entry dates as dd/mm/yyyy")
            continue
        cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        m = re.search(r"\((child|adult), \d", lines[1])
        svc = m.group(1) if m else None
        body_start, header_end = 3, 2
    if svc not in ("child", "adult"):
        errors.append(f"{name}: cannot tell service (child/adult)")
        continue
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not 4 <= nbody <= 30:
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    if not (FIRST <= cd <= LAST):
        errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
    if rd < cd or rd > TODAY:
        errors.append(f"{name}: recorded date {rd} before contact or after today")
    elif working_days(cd, rd) > 1:
        errors.append(f"{name}: recorded {working_days(cd, rd)} working days late")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf, mnf, why = exp.get("must_flag") or {}, exp.get("must_not_flag") or [], exp.get("why") or ""
    kind = next((k for k in WANT if why.startswith(k + ":")), None)
    if kind is None:
        errors.append(f"{name}: why must start Problem:, Trap: or Not applicable:")
        continue
    if kind == "Problem":
        if list(mf) != [CAT] or mnf != [] or not mf[CAT]:
            errors.append(f"{name}: problem note must have must_flag {{holistic: [...]}}, must_not_flag []")
        for ln in mf.get(CAT, []):
            if not isinstance(ln, int) or ln <= header_end or ln > len(lines):
                errors.append(f"{name}: flagged line {ln} is not a body line")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: flagged line {ln} is blank")
    else:
        if mf != {} or mnf != [CAT]:
            errors.append(f"{name}: {kind} note must have must_flag {{}}, must_not_flag [holistic]")
    if "«" in text or "»" in text or "%%" in text:
        errors.append(f"{name}: build marks left in the note")
    tally[svc][kind] += 1
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number outside drama ranges: {m.group(0)}")
    for rx, what in ((EMAIL, "an email address"), (POSTCODE, "a postcode-like string"),
                     (TENDIGIT, "a 10-digit number"), (NINO, "an NI-number-like string"),
                     (DOB, "a date-of-birth marker")):
        m = rx.search(text)
        if m:
            errors.append(f"{name}: contains {what}: {m.group(0)}")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")
nc = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml")))
if str(nc.get("timeliness", {}).get("today")) != TODAY.isoformat():
    errors.append("notecheck.yaml: timeliness.today should be 2026-12-03")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s, label in (("child", "children's"), ("adult", "adults'")):
    t = tally[s]
    print(f"{label:11s} {sum(t.values()):2d}: problem {t['Problem']}, trap {t['Trap']}, "
          f"not applicable {t['Not applicable']}")
    for k, n in WANT.items():
        if t[k] != n:
            errors.append(f"{label} {k}: {t[k]} (want {n})")
if len(notes) != 44:
    errors.append(f"{len(notes)} notes (want 44)")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
