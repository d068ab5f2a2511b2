#!/usr/bin/env python3
"""Validate the dev-sharing3 set (one scored category: sharing).

Checks sidecar shape, lines in range and not blank/fences, front matter, contact dates
(weekday, 3 Nov - 2 Dec 2026), recording lag (0-1 working days; nothing is meant to be late),
no date after 3 Dec 2026 in any note, invented-only personal data, no marks left,
no names from the template notes, why prefixes, and the 44-note mix."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
CAT = "sharing"
HERE = os.path.dirname(os.path.abspath(__file__))

def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n

PHONE = re.compile(r"\b0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b|\+44")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\bDOB\b|date of birth|born on", re.I)
MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"], 1)}
TEMPLATE_NAMES = ["Keira", "Dunmore", "Edna", "Pilbeam", "Tyler", "Brook-Ansah", "Hollins Lea",
                  "Wrenfield", "Eastmoor", "Castell", "Wojcik", "Dean Harrow", "Okafor", "Shannon",
                  "Reece", "Alfie", "Filey", "Linda"]
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date", "recorded_date", "author", "team"]

errors = []
def err(s): errors.append(s)

notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
count = {(s, k): 0 for s in ("child", "adult") for k in ("Problem", "Trap", "Not applicable")}
fmt = {"md": 0, "txt": 0}
flagged_lines = 0

def dates_in(text):
    out = []
    for d, m, y in re.findall(r"\b(\d{2})/(\d{2})/(\d{4})\b", text):
        out.append(datetime.date(int(y), int(m), int(d)))
    for d, mon in re.findall(r"\b(\d{1,2}) (November|December)\b", text):
        out.append(datetime.date(2026, MONTHS[mon], int(d)))
    for d, m in re.findall(r"(?<![\d/])(\d{2})/(\d{2})(?![\d/])", text):
        if m in ("11", "12"):
            out.append(datetime.date(2026, int(m), int(d)))
    return out

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
            err(f"{name}: front matter must be lines 1-9"); continue
        meta = yaml.safe_load("\n".join(lines[1:8]))
        if list(meta) != FM_KEYS:
            err(f"{name}: front matter keys {list(meta)}")
        if not lines[5].startswith("recorded_date:"):
            err(f"{name}: recorded_date not on line 6")
        service = meta.get("subject_type")
        cd, rd = meta.get("contact_date"), meta.get("recorded_date")
        body_start = 10
    else:
        m2 = re.match(r"(Child|Young person|Adult): ", lines[1])
        if not m2:
            err(f"{name}: line 2 must start Child:/Young person:/Adult:"); continue
        service = "adult" if m2.group(1) == "Adult" else "child"
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        if len(ds) < 2:
            err(f"{name}: header needs contact and entry dates"); continue
        cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        body_start = 3
    if service not in ("child", "adult"):
        err(f"{name}: bad subject_type {service}"); continue
    if not (isinstance(cd, datetime.date) and isinstance(rd, datetime.date)):
        err(f"{name}: dates not parsed"); continue
    if not (FIRST <= cd <= LAST) or cd.weekday() > 4:
        err(f"{name}: contact date {cd} outside window or at a weekend")
    if rd < cd or rd > TODAY or working_days(cd, rd) > 1:
        err(f"{name}: recorded {rd} is not the same or next working day after {cd}")
    for d in dates_in(text):
        if d > TODAY:
            err(f"{name}: date after 3 December 2026: {d}")
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        err(f"{name}: body has {nbody} non-blank lines")
    for pat, what in ((PHONE, "phone number"), (EMAIL, "email address"), (POSTCODE, "postcode"),
                      (TENDIGIT, "10-digit number"), (NINO, "NI number"), (DOB, "date of birth")):
        if pat.search(text):
            err(f"{name}: contains a {what}: {pat.search(text).group(0)}")
    if "«" in text or "»" in text or "%%" in text:
        err(f"{name}: marks left in note")
    for t in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(t)}\b", text):
            err(f"{name}: template name {t}")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        err(f"{name}: no sidecar"); continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        err(f"{name}: sidecar keys {sorted(exp)}")
    mf, mnf, why = exp.get("must_flag") or {}, exp.get("must_not_flag"), str(exp.get("why", ""))
    kind = why.split(":", 1)[0]
    if kind not in ("Problem", "Trap", "Not applicable"):
        err(f"{name}: why must start Problem:/Trap:/Not applicable:"); continue
    if kind == "Problem":
        if list(mf) != [CAT] or mnf != [] or not mf[CAT]:
            err(f"{name}: problem sidecar must be must_flag {{sharing: [..]}}, must_not_flag []")
        for ln in mf.get(CAT, []):
            if not isinstance(ln, int) or not (body_start <= ln <= len(lines)):
                err(f"{name}: line {ln} not in body")
            elif not lines[ln - 1].strip():
                err(f"{name}: line {ln} blank")
            flagged_lines += 1
    else:
        if mf != {} or mnf != [CAT]:
            err(f"{name}: {kind} sidecar must be must_flag {{}}, must_not_flag [sharing]")
    count[(service, kind)] += 1

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        err(f"{stem}: sidecar without note")
nc = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml")))
if str(nc.get("timeliness", {}).get("today")) != "2026-12-03":
    err("notecheck.yaml: today must be 2026-12-03")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s in ("child", "adult"):
    print(f"{s:6s}: problem {count[(s,'Problem')]}, trap {count[(s,'Trap')]}, "
          f"not applicable {count[(s,'Not applicable')]}")
print(f"notes flagging sharing: {sum(count[(s,'Problem')] for s in ('child','adult'))}; "
      f"flagged lines: {flagged_lines}")
if len(notes) != 44:
    err("want 44 notes")
for s in ("child", "adult"):
    if (count[(s, "Problem")], count[(s, "Trap")], count[(s, "Not applicable")]) != (10, 7, 5):
        err(f"{s}: mix is not 10/7/5")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED"); sys.exit(1)
print("VALIDATION: OK")
