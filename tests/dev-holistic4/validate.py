#!/usr/bin/env python3
"""Validate the dev-holistic4 one-category (holistic) development set: structure, sidecars,
counts (per service: 10 problem, 7 trap, 5 not applicable), dates, invented-only data."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
C = "holistic"

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
DOB = re.compile(r"\b(DOB|date of birth|born on)\b", re.I)
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
counts = {s: {"Problem": 0, "Trap": 0, "Not applicable": 0} for s in ("child", "adult")}
fmt = {"md": 0, "txt": 0}

for path in notes:
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    fmt[ext[1:]] += 1
    text = open(path, encoding="utf-8").read()
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: build marks left in note")
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
        for i, k in enumerate(FM_KEYS, start=2):
            if not lines[i - 1].startswith(k + ":"):
                errors.append(f"{name}: line {i} should be {k}:")
        svc = meta.get("subject_type")
        cd = datetime.date.fromisoformat(str(meta["contact_date"]))
        rd = datetime.date.fromisoformat(str(meta["recorded_date"]))
        body_start, date_line = 10, 6
    else:
        m = re.search(r"\((child|adult), \d{1,3}\)", lines[1])
        if m:
            svc = m.group(1)
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        if len(ds) < 2:
            errors.append(f"{name}: .txt line 1 needs contact and entry dates dd/mm/yyyy")
            continue
        cd, rd = [datetime.date(int(y), int(mo), int(d)) for d, mo, y in ds[:2]]
        body_start, date_line = 3, 1
    if svc not in ("child", "adult"):
        errors.append(f"{name}: cannot tell service")
        continue
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    if not (FIRST <= cd <= LAST):
        errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
    if rd < cd or rd > TODAY or working_days(cd, rd) > 1:
        errors.append(f"{name}: recorded {rd} not same/next working day after {cd} (or after today)")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {set(exp)}")
    mf, mnf, why = exp.get("must_flag") or {}, exp.get("must_not_flag") or [], exp.get("why") or ""
    kind = next((k for k in ("Problem", "Trap", "Not applicable") if why.startswith(k + ":")), None)
    if kind is None:
        errors.append(f"{name}: why must begin Problem:/Trap:/Not applicable:")
        continue
    if kind == "Problem":
        if list(mf) != [C] or mnf != []:
            errors.append(f"{name}: problem sidecar must be must_flag {{holistic: [...]}}, must_not_flag []")
        for ln in mf.get(C) or []:
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: line {ln} not a body line")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: line {ln} is blank")
        if not mf.get(C):
            errors.append(f"{name}: problem with no lines")
    else:
        if mf != {} or mnf != [C]:
            errors.append(f"{name}: trap/NA sidecar must be must_flag {{}}, must_not_flag [holistic]")
    counts[svc][kind] += 1
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number outside drama ranges: {m.group(0)}")
    if EMAIL.search(text):
        errors.append(f"{name}: contains an email address")
    if POSTCODE.search(text):
        errors.append(f"{name}: postcode-like string {POSTCODE.search(text).group(0)}")
    if TENDIGIT.search(text):
        errors.append(f"{name}: contains a 10-digit number")
    if DOB.search(text):
        errors.append(f"{name}: contains a date-of-birth marker")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s in ("child", "adult"):
    print(f"  {s:5s}: " + ", ".join(f"{k} {v}" for k, v in counts[s].items()))
if len(notes) != 44:
    errors.append(f"want 44 notes, have {len(notes)}")
for s in ("child", "adult"):
    want = {"Problem": 10, "Trap": 7, "Not applicable": 5}
    if counts[s] != want:
        errors.append(f"{s} counts {counts[s]} != {want}")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
