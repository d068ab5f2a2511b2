#!/usr/bin/env python3
"""Validate the dev-clarity1 blind development set (one category: clarity).

Checks sidecar shape (only clarity is annotated), flagged lines in range, in the body and
not blank, why prefixes and line references, front matter, .txt headers, dates (contact
3 Nov - 2 Dec 2026, recorded same or next working day, nothing after 3 Dec 2026), no
personal data, no marks left in notes, no template names, and the planned mix.
Run with --review to list every sentence over 40 words and every vague-looking word
on a line that is not flagged (for the author's own check; not errors)."""
import datetime, glob, os, re, sys
import yaml

CAT = "clarity"
TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
HERE = os.path.dirname(os.path.abspath(__file__))
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
TEMPLATE_NAMES = ["Keira", "Dunmore", "Shannon", "Alfie", "Reece", "Castell", "Wrenfield",
                  "Edna", "Pilbeam", "Wojcik", "Hollins Lea", "Rowan Unit", "Filey",
                  "Tyler", "Brook-Ansah", "Harrow", "Eastmoor", "Okafor"]
PHONE = re.compile(r"(?<!\d)(?:\+44 ?|0)\d{2,4}[ -]?\d{3}[ -]?\d{3,4}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"(?<!\d)\d{3}[ -]?\d{3}[ -]?\d{4}(?!\d)")
NINO = re.compile(r"\b[A-CEGHJ-PR-TW-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth|born on)\b", re.I)
MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June",
          "July", "August", "September", "October", "November", "December"], 1)}
VAGUE = re.compile(r"\b(a lot|lots|loads|often|some\w*|a bit|bit|few|several|various|number of|"
                   r"numerous|regularly|frequently|occasionally|sometimes|now and again|on and off|"
                   r"fine|ok|okay|alright|well|appropriate\w*|satisfactory|settled|no concerns?|"
                   r"nothing|issues?|stuff|things|usual|most|much|plenty|fair|quite|large|big)\b", re.I)

def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n

def sentences(line):
    # split on . ! ? followed by space and a capital/quote/digit, or end of line
    parts = re.split(r"(?<=[.!?])[\"”']?\s+(?=[A-Z0-9\"“(])", line)
    return [p for p in parts if p.strip()]

review = "--review" in sys.argv
errors, notes_info = [], []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
fmt = {"md": 0, "txt": 0}
mix = {(s, k): 0 for s in ("child", "adult") for k in ("problem", "trap", "n/a")}
n_flag_lines = 0
long_flagged = long_unflagged = 0

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
            errors.append(f"{name}: front matter must be lines 1-9")
            continue
        meta = yaml.safe_load("\n".join(lines[1:8]))
        if list(meta) != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong: {list(meta)}")
        if not lines[5].startswith("recorded_date:"):
            errors.append(f"{name}: recorded_date is not on line 6")
        service = meta.get("subject_type")
        cd, rd = meta.get("contact_date"), meta.get("recorded_date")
        if not (isinstance(cd, datetime.date) and isinstance(rd, datetime.date)):
            errors.append(f"{name}: dates are not ISO dates")
            continue
        body_start = 10
    else:
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        if len(ds) < 2:
            errors.append(f"{name}: .txt line 1 needs contact and entry dates (dd/mm/yyyy)")
            continue
        cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        m = re.match(r"(Child|Young person|Adult):", lines[1])
        if not m:
            errors.append(f"{name}: .txt line 2 must start Child:/Young person:/Adult:")
            continue
        service = "adult" if m.group(1) == "Adult" else "child"
        if "Worker:" not in lines[1] and "Carer:" not in lines[1]:
            errors.append(f"{name}: .txt line 2 names no worker")
        body_start = 3
    if service not in ("child", "adult"):
        errors.append(f"{name}: bad subject_type {service!r}")
        continue
    if not (FIRST <= cd <= LAST):
        errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
    if rd < cd or rd > TODAY or working_days(cd, rd) > 1:
        errors.append(f"{name}: recorded {rd} is not the same or next working day after {cd}")
    body = lines[body_start - 1:]
    nbody = len([l for l in body if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    # dates in the text after 3 December 2026
    for d, mo, y in re.findall(r"\b(\d{2})/(\d{2})/(\d{4})\b", text):
        if datetime.date(int(y), int(mo), int(d)) > TODAY:
            errors.append(f"{name}: date {d}/{mo}/{y} after 3 December 2026")
    for d, mo in re.findall(r"\b(\d{1,2}) (December)\b", text):
        if int(d) > 3:
            errors.append(f"{name}: date {d} {mo} after 3 December 2026")
    if re.search(r"\b20(2[7-9]|[3-9]\d)\b", text):
        errors.append(f"{name}: mentions a year after 2026")
    # personal data and leftovers
    for rx, what in ((PHONE, "phone number"), (EMAIL, "email address"), (POSTCODE, "postcode"),
                     (TENDIGIT, "10-digit number"), (NINO, "NI number"), (DOB, "date of birth")):
        if rx.search(text):
            errors.append(f"{name}: contains a {what}: {rx.search(text).group(0)!r}")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: marks left in the note")
    for t in TEMPLATE_NAMES:
        if re.search(rf"\b{re.escape(t)}\b", text):
            errors.append(f"{name}: uses template name {t}")
    # sidecar
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar")
        continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf, mnf, why = exp.get("must_flag"), exp.get("must_not_flag"), str(exp.get("why", "")).strip()
    flagged = []
    if mf == {} and mnf == [CAT]:
        kind = "trap" if why.startswith("Trap") else "n/a"
        if not (why.startswith("Trap:") or why.startswith("Traps:") or why.startswith("Not applicable:")):
            errors.append(f"{name}: unflagged note's why must start Trap: or Not applicable:")
    elif isinstance(mf, dict) and list(mf) == [CAT] and mnf == []:
        kind = "problem"
        flagged = mf[CAT]
        if not why.startswith("Problem:"):
            errors.append(f"{name}: flagged note's why must start Problem:")
        if not flagged or flagged != sorted(set(flagged)):
            errors.append(f"{name}: clarity lines empty, unsorted or repeated")
        for ln in flagged:
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: line {ln} is not a body line")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: line {ln} is blank")
            elif not re.search(rf"\b[Ll]ines? {ln}\b|\b{ln}\b", why):
                errors.append(f"{name}: why does not mention line {ln}")
    else:
        errors.append(f"{name}: sidecar shape wrong: must_flag={mf!r} must_not_flag={mnf!r}")
        continue
    mix[(service, kind)] += 1
    n_flag_lines += len(flagged)
    # sentence lengths and vague words (review only)
    for i, l in enumerate(lines[body_start - 1:], body_start):
        for s in sentences(l):
            w = len(s.split())
            if w > 40:
                if i in flagged:
                    long_flagged += 1
                else:
                    long_unflagged += 1
                if review:
                    print(f"REVIEW long {w:3d}w {'FLAGGED' if i in flagged else 'unflagged'} {name}:{i}: {s[:70]}...")
        if review and i not in flagged:
            hits = sorted(set(h.lower() for h in VAGUE.findall(l)))
            if hits:
                print(f"REVIEW words {name}:{i}: {hits}")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

total = len(notes)
print(f"notes: {total}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s in ("child", "adult"):
    print(f"{s:5s} services: problem {mix[(s,'problem')]}, trap {mix[(s,'trap')]}, "
          f"not applicable {mix[(s,'n/a')]}")
print(f"clarity lines to flag: {n_flag_lines}")
print(f"sentences over 40 words: {long_flagged} on flagged lines, {long_unflagged} on unflagged lines (traps)")
if total != 44:
    errors.append(f"{total} notes, want 44")
for s in ("child", "adult"):
    for k, want in (("problem", 10), ("trap", 7), ("n/a", 5)):
        if mix[(s, k)] != want:
            errors.append(f"{s} {k}: {mix[(s, k)]}, want {want}")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
