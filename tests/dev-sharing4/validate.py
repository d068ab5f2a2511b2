#!/usr/bin/env python3
"""Validate the dev-sharing4 blind development set (one category: sharing).

Checks: sidecar shape (problem: must_flag {sharing: [lines]} + must_not_flag []; otherwise
must_flag {} + must_not_flag [sharing]); why starts with Problem:/Trap:/Not applicable: and matches
the shape; flagged lines exist, are body lines and not blank; front matter / .txt header; contact
dates 3 Nov - 2 Dec 2026; recorded same or next working day; no date after 3 Dec 2026 anywhere;
no personal data (phones, emails, postcodes, 10-digit numbers, marked dates of birth); no «marks»
left; no template names; the 44-note mix (22/22; per half 10 problem, 7 trap, 5 not applicable)."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
CAT = "sharing"
HERE = os.path.dirname(os.path.abspath(__file__))
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date", "recorded_date", "author", "team"]
TEMPLATE_NAMES = ["Keira", "Dunmore", "Shannon", "Alfie", "Reece", "Priya Castell", "Castell",
                  "Wrenfield", "Edna", "Pilbeam", "Marta", "Wojcik", "Hollins Lea", "Linda",
                  "Filey", "Tyler", "Brook-Ansah", "Okafor", "Dean Harrow", "Eastmoor"]
PHONE = re.compile(r"\b0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b|\+44")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3} ?\d{3} ?\d{4}\b")
DOB = re.compile(r"\bDOB\b|date of birth|\bborn on\b|\bd\.o\.b", re.I)
MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"], 1)}

def wd(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n

def dates_in(text):
    for d, m, y in re.findall(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b", text):
        try:
            yield datetime.date(int(y or 2026), int(m), int(d))
        except ValueError:
            pass
    for d, mon, y in re.findall(r"\b(\d{1,2}) (%s)(?: (\d{4}))?" % "|".join(MONTHS), text):
        yield datetime.date(int(y or 2026), MONTHS[mon], int(d))
    for y, m, d in re.findall(r"\b(20\d\d)-(\d\d)-(\d\d)\b", text):
        yield datetime.date(int(y), int(m), int(d))

errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
count = {(s, k): 0 for s in ("child", "adult") for k in ("Problem", "Trap", "Not applicable")}
fmt = {"md": 0, "txt": 0}
flagged_lines = 0
for path in notes:
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    fmt[ext[1:]] += 1
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")
    svc = None
    if ext == ".md":
        if lines[0] != "---" or len(lines) < 10 or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9"); continue
        meta = yaml.safe_load("\n".join(lines[1:8]))
        if list(meta) != FM_KEYS:
            errors.append(f"{name}: front matter keys/order {list(meta)}")
        if not lines[5].startswith("recorded_date:"):
            errors.append(f"{name}: recorded_date not on line 6")
        svc = meta.get("subject_type")
        cd, rd = meta.get("contact_date"), meta.get("recorded_date")
        body_start = 10
    else:
        m = re.match(r"(Child|Young person|Adult):", lines[1])
        if not m:
            errors.append(f"{name}: line 2 must start Child:/Young person:/Adult:"); continue
        svc = "adult" if m.group(1) == "Adult" else "child"
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        if len(ds) < 2:
            errors.append(f"{name}: header needs contact and entry dates dd/mm/yyyy"); continue
        cd, rd = [datetime.date(int(y), int(mo), int(d)) for d, mo, y in ds[:2]]
        body_start = 3
    if svc not in ("child", "adult"):
        errors.append(f"{name}: bad subject_type {svc}"); continue
    if not isinstance(cd, datetime.date) or not isinstance(rd, datetime.date):
        errors.append(f"{name}: dates do not parse"); continue
    if not (FIRST <= cd <= LAST):
        errors.append(f"{name}: contact date {cd} outside {FIRST}..{LAST}")
    if rd < cd or rd > TODAY or wd(cd, rd) > 1:
        errors.append(f"{name}: recorded {rd} not same/next working day after {cd}")
    for d in dates_in(text):
        if d > TODAY:
            errors.append(f"{name}: date after {TODAY}: {d}")
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not 4 <= nbody <= 30:
        errors.append(f"{name}: body has {nbody} non-blank lines")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar"); continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {set(exp)}")
    mf, mnf, why = exp.get("must_flag"), exp.get("must_not_flag"), str(exp.get("why", ""))
    kind = next((k for k in ("Problem", "Trap", "Not applicable") if why.startswith(k + ":") or why.startswith(k + " (")), None)
    if not kind:
        errors.append(f"{name}: why must start Problem:/Trap:/Not applicable:"); continue
    if kind == "Problem":
        if not (isinstance(mf, dict) and list(mf) == [CAT] and mf[CAT] and mnf == []):
            errors.append(f"{name}: problem sidecar shape wrong")
        else:
            for ln in mf[CAT]:
                flagged_lines += 1
                if not isinstance(ln, int) or ln < body_start or ln > len(lines) or not lines[ln - 1].strip():
                    errors.append(f"{name}: flagged line {ln} not a non-blank body line")
                elif f"line {ln}" not in why:
                    errors.append(f"{name}: why does not mention line {ln}")
    else:
        if not (mf == {} and mnf == [CAT]):
            errors.append(f"{name}: {kind} sidecar shape wrong")
    count[(svc, kind)] += 1
    if "«" in text or "»" in text or "%%" in text:
        errors.append(f"{name}: marks left in note")
    for rx, label in ((PHONE, "phone"), (EMAIL, "email"), (POSTCODE, "postcode"),
                      (TENDIGIT, "10-digit number"), (DOB, "date of birth")):
        m = rx.search(text)
        if m:
            errors.append(f"{name}: {label}-like string {m.group(0)!r}")
    for t in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(t)}\b", text):
            errors.append(f"{name}: template name {t}")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")
nc = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml")))
if nc != {"timeliness": {"today": datetime.date(2026, 12, 3)}}:
    errors.append(f"notecheck.yaml unexpected: {nc}")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s in ("child", "adult"):
    print(f"{s:6s}: problem {count[(s,'Problem')]}, trap {count[(s,'Trap')]}, "
          f"not applicable {count[(s,'Not applicable')]}")
print(f"notes flagging sharing: {count[('child','Problem')] + count[('adult','Problem')]}  "
      f"(flagged lines: {flagged_lines})")
print(f"notes with must_not_flag [sharing]: "
      f"{sum(count[(s,k)] for s in ('child','adult') for k in ('Trap','Not applicable'))}")
if len(notes) != 44:
    errors.append("want 44 notes")
for s in ("child", "adult"):
    if (count[(s, "Problem")], count[(s, "Trap")], count[(s, "Not applicable")]) != (10, 7, 5):
        errors.append(f"{s} mix is not 10/7/5")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED"); sys.exit(1)
print("VALIDATION: OK")
