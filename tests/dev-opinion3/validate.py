#!/usr/bin/env python3
"""Validate the dev-opinion3 one-category development set (category: opinion).

Checks: 44 notes, 22 children's and 22 adults'; in each half 10 problem, 7 trap and
5 not-applicable notes; sidecar shape; why prefixes; flagged lines exist and are body
lines; front matter / .txt header; dates (contacts 3 Nov - 2 Dec 2026, recorded the same
or next working day, nothing after today); body length; invented-only personal data."""
import datetime, glob, os, re, sys
import yaml

CAT = "opinion"
TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
WANT = {"Problem": 10, "Trap": 7, "Not applicable": 5}

def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:   # no England & Wales bank holidays fall in this window
            n += 1
    return n

PHONE = re.compile(r"(?<!\d)(?:\+44 ?|0)\d{2,4}[ -]?\d{3}[ -]?\d{3,4}(?!\d)")
SAFE_PHONE = re.compile(r"^(07700 ?900\d{3}|0116 ?496 ?\d{4})$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth|born on)\b", re.I)
SCHOOLNAME = re.compile(r"\b[A-Z][a-z]+ (Primary|Academy|High School|Infant|Junior|Grammar)\b")
# names and places from the format template, which must not be reused
TEMPLATE_WORDS = re.compile(r"\b(Keira|Dunmore|Alfie|Shannon|Reece|Castell|Wrenfield|Edna|Pilbeam|"
                            r"Wojcik|Hollins|Filey|Brook-Ansah|Harrow|Eastmoor|Okafor)\b")
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date", "recorded_date", "author", "team"]

HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
tally = {("child", k): 0 for k in WANT}
tally.update({("adult", k): 0 for k in WANT})
fmt = {"md": 0, "txt": 0}
flag_lines = 0

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
    service = None
    cd = rd = None
    if ext == ".md":
        if lines[0] != "---" or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9 with --- on 1 and 9")
            continue
        for i, k in enumerate(FM_KEYS, start=2):
            if not lines[i - 1].startswith(k + ":"):
                errors.append(f"{name}: line {i} should be {k}:")
        meta = yaml.safe_load("\n".join(lines[1:8]))
        service = meta.get("subject_type")
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        body_start = 10
    else:
        m = re.match(r"^(Child|Adult): ", lines[1])
        service = m.group(1).lower() if m else None
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        if len(ds) != 2:
            errors.append(f"{name}: line 1 must hold contact and entry dates as dd/mm/yyyy")
        else:
            cd, rd = [datetime.date(int(y), int(mo), int(d)) for d, mo, y in ds]
        body_start = 3
    if service not in ("child", "adult"):
        errors.append(f"{name}: cannot tell service (child/adult)")
        continue
    body = [l for l in lines[body_start - 1:] if l.strip()]
    if not (4 <= len(body) <= 30):
        errors.append(f"{name}: body has {len(body)} non-blank lines (want 4-30)")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: build marks left in the note")
    if cd and rd:
        if not (FIRST <= cd <= LAST):
            errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
        if rd < cd or rd > TODAY:
            errors.append(f"{name}: recorded date {rd} before contact or after today")
        if working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {working_days(cd, rd)} working days after contact")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf = exp.get("must_flag")
    mnf = exp.get("must_not_flag")
    why = (exp.get("why") or "").strip()
    kind = next((k for k in WANT if why.startswith(k + ":")), None)
    if kind is None:
        errors.append(f"{name}: why must begin Problem:, Trap: or Not applicable:")
        continue
    if kind == "Problem":
        if not (isinstance(mf, dict) and list(mf) == [CAT] and mnf == []):
            errors.append(f"{name}: problem sidecar must be must_flag {{{CAT}: [...]}}, must_not_flag []")
        else:
            lns = mf[CAT]
            if not lns or lns != sorted(set(lns)):
                errors.append(f"{name}: {CAT} lines missing or unsorted: {lns}")
            for ln in lns:
                flag_lines += 1
                if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                    errors.append(f"{name}: flagged line {ln} is not a body line")
                elif not lines[ln - 1].strip():
                    errors.append(f"{name}: flagged line {ln} is blank")
    else:
        if not (mf == {} and mnf == [CAT]):
            errors.append(f"{name}: {kind} sidecar must be must_flag {{}}, must_not_flag [{CAT}]")
    tally[(service, kind)] += 1
    for m in PHONE.finditer(text):
        if not SAFE_PHONE.match(m.group(0)):
            errors.append(f"{name}: phone-like number outside drama ranges: {m.group(0)}")
    for rx, what in ((EMAIL, "an email address"), (POSTCODE, "a postcode-like string"),
                     (TENDIGIT, "a 10-digit number"), (NINO, "a NI-number-like string"),
                     (DOB, "a date-of-birth marker"), (SCHOOLNAME, "a school-like name"),
                     (TEMPLATE_WORDS, "a name from the format template")):
        m = rx.search(text)
        if m:
            errors.append(f"{name}: contains {what}: {m.group(0)!r}")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")
nc = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml"), encoding="utf-8"))
if str(nc.get("timeliness", {}).get("today")) != str(TODAY):
    errors.append("notecheck.yaml: timeliness.today is not 2026-12-03")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s, label in (("child", "children's"), ("adult", "adults'")):
    print(f"{label:11s} " + ", ".join(f"{k.lower()} {tally[(s, k)]}" for k in WANT))
print(f"flagged {CAT} lines in problem notes: {flag_lines}")
if len(notes) != 44:
    errors.append(f"{len(notes)} notes, want 44")
for s in ("child", "adult"):
    for k, n in WANT.items():
        if tally[(s, k)] != n:
            errors.append(f"{s}: {tally[(s, k)]} {k} notes, want {n}")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
