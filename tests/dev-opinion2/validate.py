#!/usr/bin/env python3
"""Validate the dev-opinion2 set (one scored category: opinion).

Checks sidecar shape, why prefixes, the 10/7/5 split in each half, line numbers,
front matter and .txt headers, contact/recorded dates and working-day lateness,
dates mentioned in the text, invented-only personal data, leftover marks and
template names. Prints counts and ends with VALIDATION: OK or FAILED."""
import datetime, glob, os, re, sys
import yaml

CAT = "opinion"
TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
HERE = os.path.dirname(os.path.abspath(__file__))
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
TEMPLATE_NAMES = ["Keira", "Dunmore", "Alfie", "Shannon", "Reece", "Castell",
                  "Wrenfield", "Edna", "Pilbeam", "Wojcik", "Hollins Lea",
                  "Filey", "Brook-Ansah", "Dean Harrow", "Eastmoor", "Okafor"]
MONTHS = {m: i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August",
     "September", "October", "November", "December"], start=1)}

PHONE = re.compile(r"\b0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b|\+44")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\bDOB\b|date of birth|\bborn on\b", re.I)

def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n

errors = []
def err(msg):
    errors.append(msg)

notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
fmt = {"md": 0, "txt": 0}
kinds = {("child", k): 0 for k in ("Problem", "Trap", "Not applicable")}
kinds.update({("adult", k): 0 for k in ("Problem", "Trap", "Not applicable")})
flagged_lines = 0

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
            err(f"{name}: front matter must be lines 1-9")
            continue
        meta = yaml.safe_load("\n".join(lines[1:8]))
        for k in FM_KEYS:
            if k not in meta:
                err(f"{name}: front matter missing {k}")
        if not lines[5].startswith("recorded_date:"):
            err(f"{name}: recorded_date is not on line 6")
        service = meta.get("subject_type")
        cd = datetime.date.fromisoformat(str(meta["contact_date"]))
        rd = datetime.date.fromisoformat(str(meta["recorded_date"]))
        body_start = 10
    else:
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        if len(ds) < 2:
            err(f"{name}: .txt line 1 needs contact and entry dates")
            continue
        cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        m = re.match(r"(Child|Young person|Adult): ", lines[1])
        if not m:
            err(f"{name}: .txt line 2 must name the person")
            continue
        service = "adult" if m.group(1) == "Adult" else "child"
        body_start = 3
    if service not in ("child", "adult"):
        err(f"{name}: bad subject_type {service!r}")
        continue
    num = int(name[:2])
    if (service == "child") != (num <= 22):
        err(f"{name}: children's notes are 01-22, adults' 23-44")
    if not (FIRST <= cd <= LAST) or cd.weekday() >= 5:
        err(f"{name}: contact date {cd} not a weekday in range")
    if rd < cd or rd > TODAY or working_days(cd, rd) > 1:
        err(f"{name}: recorded {rd} is not same or next working day after {cd}")
    body = [l for l in lines[body_start - 1:] if l.strip()]
    if not (4 <= len(body) <= 30):
        err(f"{name}: body has {len(body)} non-blank lines")

    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        err(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        err(f"{name}: sidecar keys {sorted(exp)}")
    mf, mnf, why = exp.get("must_flag"), exp.get("must_not_flag"), exp.get("why") or ""
    kind = next((k for k in ("Problem", "Trap", "Not applicable") if why.startswith(k + ":")), None)
    if kind is None:
        err(f"{name}: why must start with Problem:, Trap: or Not applicable:")
        continue
    kinds[(service, kind)] += 1
    if kind == "Problem":
        if list(mf or {}) != [CAT] or mnf != []:
            err(f"{name}: problem note must be must_flag {{{CAT}: [...]}} + must_not_flag []")
            continue
        for ln in mf[CAT]:
            flagged_lines += 1
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                err(f"{name}: line {ln} is not a body line")
            elif not lines[ln - 1].strip():
                err(f"{name}: line {ln} is blank")
        for n, ln in enumerate(mf[CAT], start=1):
            if f"Line {ln}:" not in why:
                err(f"{name}: why does not explain line {ln}")
    else:
        if mf != {} or mnf != [CAT]:
            err(f"{name}: {kind} note must be must_flag {{}} + must_not_flag [{CAT}]")

    blob = text + "\n" + open(side, encoding="utf-8").read()
    if re.search(r"[«»]|%%WHY%%|\{L\d+\}", blob):
        err(f"{name}: marks left in note or sidecar")
    for t in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(t)}\b", text):
            err(f"{name}: template name {t}")
    for rx, what in ((PHONE, "phone number"), (EMAIL, "email address"),
                     (POSTCODE, "postcode"), (TENDIGIT, "10-digit number"),
                     (NINO, "NI number"), (DOB, "date of birth marker")):
        mm = rx.search(text)
        if mm:
            err(f"{name}: {what}: {mm.group(0)}")
    for d, m, y in re.findall(r"\b(\d{2})/(\d{2})/(\d{4})\b", text):
        if datetime.date(int(y), int(m), int(d)) > TODAY:
            err(f"{name}: date after today {d}/{m}/{y}")
    for d, mon, y in re.findall(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?", text):
        yy = int(y) if y else 2026
        if datetime.date(yy, MONTHS[mon], int(d)) > TODAY:
            err(f"{name}: date after today {d} {mon} {yy}")
    for d, m in re.findall(r"\b(\d{2})/(\d{2})\b(?!/)", text):
        if datetime.date(2026, int(m), int(d)) > TODAY:
            err(f"{name}: short date after today {d}/{m}")

srcs = glob.glob(os.path.join(HERE, "src", "[0-9][0-9]-*.src"))
for s in srcs:
    out = os.path.join(HERE, os.path.basename(s)[:-4])
    if not os.path.exists(out):
        err(f"{os.path.basename(s)}: not generated")
for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        err(f"{stem}: sidecar without note")
cfg = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml")))
if str(cfg.get("timeliness", {}).get("today")) != "2026-12-03":
    err("notecheck.yaml: timeliness.today must be 2026-12-03")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})  sources: {len(srcs)}")
for svc, label in (("child", "children's"), ("adult", "adults'")):
    k = {x: kinds[(svc, x)] for x in ("Problem", "Trap", "Not applicable")}
    print(f"{label:11s} problem {k['Problem']}, trap {k['Trap']}, not applicable {k['Not applicable']}")
    if (k["Problem"], k["Trap"], k["Not applicable"]) != (10, 7, 5):
        err(f"{label} split is not 10/7/5")
print(f"must_flag {CAT}: {sum(kinds[(s, 'Problem')] for s in ('child', 'adult'))} notes, {flagged_lines} lines")
print(f"must_not_flag {CAT}: {sum(kinds[(s, k)] for s in ('child', 'adult') for k in ('Trap', 'Not applicable'))} notes")
if len(notes) != 44:
    err("expected 44 notes")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
