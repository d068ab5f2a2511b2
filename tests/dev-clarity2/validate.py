#!/usr/bin/env python3
"""Validate the dev-clarity2 set (one category: clarity): sidecar shape, lines in range and
not blank, front matter, dates and lateness, invented-only personal data, no marks left,
no template names, the 44-note mix, and long sentences only where flagged or explained."""
import datetime, glob, os, re, sys
import yaml

CAT = "clarity"
TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)

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
TEMPLATE_NAMES = ["keira", "alfie", "shannon", "reece", "castell", "wrenfield", "edna",
                  "pilbeam", "marta", "wojcik", "linda", "hollins", "filey", "tyler",
                  "brook-ansah", "okafor", "harrow", "eastmoor", "dunmore", "rowan"]
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
fmt = {"md": 0, "txt": 0}
kinds = {(s, k): 0 for s in ("child", "adult") for k in ("Problem", "Trap", "Not applicable")}
flagged_lines = 0

def iso(v, name, key):
    if isinstance(v, datetime.date):
        return v
    try:
        return datetime.date.fromisoformat(str(v))
    except ValueError:
        errors.append(f"{name}: {key} is not an ISO date: {v!r}")

def long_sentences(line):
    return [len(s.split()) for s in re.split(r"(?<=[.!?])\s+", line) if len(s.split()) > 40]

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
            errors.append(f"{name}: .md must have front matter on lines 1-9")
            continue
        meta = yaml.safe_load("\n".join(lines[1:8]))
        for i, k in enumerate(FM_KEYS, 2):
            if not lines[i - 1].startswith(k + ":"):
                errors.append(f"{name}: line {i} should be {k}")
        svc = meta.get("subject_type")
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        body_start = 10
    else:
        if re.match(r"(Child|Young person):", lines[1]):
            svc = "child"
        elif lines[1].startswith("Adult:"):
            svc = "adult"
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        cd = rd = None
        if len(ds) >= 2:
            cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        else:
            errors.append(f"{name}: line 1 needs contact and entry dates (dd/mm/yyyy)")
        body_start = 3
    if svc not in ("child", "adult"):
        errors.append(f"{name}: cannot tell service")
        continue
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    if cd and rd:
        if not (FIRST <= cd <= LAST) or cd.weekday() > 4:
            errors.append(f"{name}: contact date {cd} outside Tue 3 Nov - Wed 2 Dec weekdays")
        if rd > TODAY or cd > rd or working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {rd} not same/next working day after {cd}")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf, mnf, why = exp.get("must_flag"), exp.get("must_not_flag"), exp.get("why") or ""
    kind = why.split(":", 1)[0]
    if mf:
        if list(mf) != [CAT] or mnf != [] or not mf[CAT] or kind != "Problem":
            errors.append(f"{name}: problem sidecar must be must_flag {{clarity: [...]}}, must_not_flag [], why 'Problem:'")
            continue
        for ln in mf[CAT]:
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: clarity line {ln} not a body line")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: clarity line {ln} is blank")
        flagged_lines += len(mf[CAT])
    else:
        if mf != {} or mnf != [CAT] or kind not in ("Trap", "Not applicable"):
            errors.append(f"{name}: clean sidecar must be must_flag {{}}, must_not_flag [clarity], why 'Trap:'/'Not applicable:'")
            continue
    kinds[(svc, kind)] += 1
    # long sentences: allowed unflagged only where the why explains them as a list/set out
    for i in range(body_start, len(lines) + 1):
        if long_sentences(lines[i - 1]) and i not in (mf or {}).get(CAT, []):
            if not re.search(r"list|set out|semicolon", why):
                errors.append(f"{name}: line {i} has a sentence over 40 words but is not flagged or explained")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: source marks left in note")
    low = text.lower()
    for t in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(t)}", low):
            errors.append(f"{name}: template name {t!r}")
    for rx, what in ((PHONE, "phone number"), (EMAIL, "email address"), (POSTCODE, "postcode"),
                     (TENDIGIT, "10-digit number"), (NINO, "NI number"), (DOB, "marked date of birth")):
        if rx.search(text):
            errors.append(f"{name}: contains {what}: {rx.search(text).group(0)}")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")
cfg = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml")))
if str(cfg.get("timeliness", {}).get("today")) != "2026-12-03":
    errors.append("notecheck.yaml: timeliness.today must be 2026-12-03")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s, label in (("child", "children's"), ("adult", "adults'")):
    print(f"{label}: problem {kinds[(s, 'Problem')]}, trap {kinds[(s, 'Trap')]}, "
          f"not applicable {kinds[(s, 'Not applicable')]}")
print(f"clarity lines flagged: {flagged_lines}")
if len(notes) != 44:
    errors.append("want 44 notes")
for s in ("child", "adult"):
    want = {"Problem": 10, "Trap": 7, "Not applicable": 5}
    for k, n in want.items():
        if kinds[(s, k)] != n:
            errors.append(f"{s}: {kinds[(s, k)]} {k} notes (want {n})")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
