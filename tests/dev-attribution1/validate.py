#!/usr/bin/env python3
"""Validate the dev-attribution1 blind development set (category: attribution only).

Checks: sidecar shape (must_flag {attribution: [...]} + must_not_flag [] for problem notes,
must_flag {} + must_not_flag [attribution] otherwise), why prefixes, flagged lines in range,
not blank and not front matter, front matter keys, contact dates in the window on weekdays,
recorded within 1 working day, no date after 3 December 2026, no personal data, no marks
left in notes, no names taken from the template, and the 22/22 and 10/7/5 mix."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
WIN = (datetime.date(2026, 11, 3), datetime.date(2026, 12, 2))
CAT = "attribution"
HERE = os.path.dirname(os.path.abspath(__file__))
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
TEMPLATE_NAMES = ["Keira", "Dunmore", "Alfie", "Shannon", "Reece", "Castell", "Wrenfield",
                  "Edna", "Pilbeam", "Wojcik", "Hollins Lea", "Filey", "Tyler", "Brook-Ansah",
                  "Dean Harrow", "Harrow", "Eastmoor", "Okafor", "Linda"]
MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June",
          "July", "August", "September", "October", "November", "December"], 1)}

PHONE = re.compile(r"\b0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3} ?\d{3} ?\d{4}\b")
NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth|born on)\b", re.I)


def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n


errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
fmt = {"md": 0, "txt": 0}
mix = {(s, k): 0 for s in ("child", "adult") for k in ("Problem", "Trap", "Not applicable")}
flag_lines = 0

for path in notes:
    name = os.path.basename(path)
    stem, ext = os.path.splitext(name)
    fmt[ext[1:]] += 1
    text = open(path, encoding="utf-8").read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    if ext == ".md":
        if lines[0] != "---" or len(lines) < 10 or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9")
            continue
        meta = yaml.safe_load("\n".join(lines[1:8]))
        for i, k in enumerate(FM_KEYS, 2):
            if not lines[i - 1].startswith(k + ":"):
                errors.append(f"{name}: line {i} should be {k}")
        svc = meta.get("subject_type")
        cd, rd = meta.get("contact_date"), meta.get("recorded_date")
        body_start = 10
    else:
        m = re.match(r"(Child|Young person|Adult): ", lines[1])
        svc = None if not m else ("adult" if m.group(1) == "Adult" else "child")
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        if len(ds) < 2:
            errors.append(f"{name}: line 1 needs contact and entry dates (dd/mm/yyyy)")
            continue
        cd, rd = [datetime.date(int(y), int(mo), int(d)) for d, mo, y in ds[:2]]
        body_start = 3
    if svc not in ("child", "adult"):
        errors.append(f"{name}: cannot tell service")
        continue
    if not isinstance(cd, datetime.date) or not isinstance(rd, datetime.date):
        errors.append(f"{name}: dates are not dates")
        continue
    if not (WIN[0] <= cd <= WIN[1]) or cd.weekday() > 4:
        errors.append(f"{name}: contact date {cd} outside window or at a weekend")
    if rd < cd or rd > TODAY or working_days(cd, rd) > 1:
        errors.append(f"{name}: recorded {rd} not same or next working day after {cd}")
    # no date in the text later than 3 December 2026
    for d, mo, y in re.findall(r"\b(\d{2})/(\d{2})/(\d{4})\b", text):
        if datetime.date(int(y), int(mo), int(d)) > TODAY:
            errors.append(f"{name}: date {d}/{mo}/{y} after today")
    for d, mo, y in re.findall(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?", text):
        yy = int(y) if y else 2026
        if datetime.date(yy, MONTHS[mo], int(d)) > TODAY:
            errors.append(f"{name}: date {d} {mo} {yy} after today")
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: source marks left in note")
    for pat, what in ((PHONE, "phone number"), (EMAIL, "email address"), (POSTCODE, "postcode"),
                      (TENDIGIT, "10-digit number"), (NINO, "NI number"), (DOB, "date of birth")):
        if pat.search(text):
            errors.append(f"{name}: contains {what}: {pat.search(text).group(0)}")
    for tn in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(tn)}\b", text):
            errors.append(f"{name}: uses template name {tn}")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf, mnf, why = exp.get("must_flag"), exp.get("must_not_flag"), str(exp.get("why") or "")
    kind = next((k for k in ("Problem", "Trap", "Not applicable") if why.startswith(k + ":")), None)
    if kind is None:
        errors.append(f"{name}: why must start with Problem:, Trap: or Not applicable:")
        continue
    if mf == {} and mnf == [CAT]:
        if kind == "Problem":
            errors.append(f"{name}: Problem note with nothing flagged")
    elif isinstance(mf, dict) and list(mf) == [CAT] and mnf == []:
        if kind != "Problem":
            errors.append(f"{name}: flagged note whose why is not Problem:")
        lns = mf[CAT]
        if not lns or lns != sorted(set(lns)):
            errors.append(f"{name}: flagged lines empty or unsorted")
        for ln in lns:
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: line {ln} is not a body line")
            elif not lines[ln - 1].strip() or lines[ln - 1].strip() == "---":
                errors.append(f"{name}: line {ln} is blank or a fence")
            elif not re.search(rf"\bline {ln}\b", why, re.I):
                errors.append(f"{name}: why does not explain line {ln}")
        flag_lines += len(lns)
    else:
        errors.append(f"{name}: sidecar shape wrong: must_flag={mf!r} must_not_flag={mnf!r}")
        continue
    mix[(svc, kind)] += 1

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")
nc = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml")))
if str(nc["timeliness"]["today"]) != "2026-12-03":
    errors.append("notecheck.yaml: today is not 2026-12-03")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s, label in (("child", "children's"), ("adult", "adults'")):
    tot = sum(mix[(s, k)] for k in ("Problem", "Trap", "Not applicable"))
    print(f"{label:11s} {tot}: problem {mix[(s, 'Problem')]}, trap {mix[(s, 'Trap')]}, "
          f"not applicable {mix[(s, 'Not applicable')]}")
print(f"notes flagging attribution: {mix[('child', 'Problem')] + mix[('adult', 'Problem')]}"
      f"  flagged lines: {flag_lines}")
print(f"notes with must_not_flag [attribution]: "
      f"{sum(v for (s, k), v in mix.items() if k != 'Problem')}")
if len(notes) != 44:
    errors.append(f"want 44 notes, have {len(notes)}")
for s in ("child", "adult"):
    for k, want in (("Problem", 10), ("Trap", 7), ("Not applicable", 5)):
        if mix[(s, k)] != want:
            errors.append(f"{s}: {k} {mix[(s, k)]}, want {want}")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
