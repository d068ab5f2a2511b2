#!/usr/bin/env python3
"""Validate the dev-opinion1 blind development set (category: opinion only).

Checks: sidecar shape (opinion in must_flag XOR must_not_flag, nothing else),
why prefix matching the shape, flagged lines in range / not blank / in the body,
front matter and .txt headers, contact dates in range, recorded dates at most
1 working day late (timeliness is not annotated in this set), no date in the text
after 3 December 2026, no personal data, no source marks left, no template names,
and the required mix of services, kinds and formats."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 3)
FIRST, LAST = datetime.date(2026, 11, 3), datetime.date(2026, 12, 2)
CAT = "opinion"
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
TEMPLATE_NAMES = ["Keira", "Dunmore", "Alfie", "Shannon", "Reece", "Castell",
                  "Wrenfield", "Edna", "Pilbeam", "Wojcik", "Hollins Lea", "Linda",
                  "Filey", "Tyler", "Brook-Ansah", "Harrow", "Okafor", "Eastmoor"]

def working_days(a, b):
    n, d = 0, a
    while d < b:
        d += datetime.timedelta(days=1)
        if d.weekday() < 5:
            n += 1
    return n

PHONE = re.compile(r"(?<!\d)(?:\+44\s?|0)\d{2,4}[ -]?\d{3}[ -]?\d{3,4}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
NINO = re.compile(r"\b[A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth|born on)\b", re.I)
MONTHS = {m: i for i, m in enumerate(["January", "February", "March", "April", "May", "June",
          "July", "August", "September", "October", "November", "December"], 1)}
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
counts = {(s, k): 0 for s in ("child", "adult") for k in ("Problem", "Trap", "Not applicable")}
fmt = {"md": 0, "txt": 0}
flagged_lines = 0

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
    svc = None
    if ext == ".md":
        if lines[0] != "---" or lines[8] != "---":
            errors.append(f"{name}: front matter must be lines 1-9")
            continue
        meta = yaml.safe_load("\n".join(lines[1:8]))
        keys = [l.split(":", 1)[0] for l in lines[1:8]]
        if keys != FM_KEYS:
            errors.append(f"{name}: front matter keys/order wrong: {keys}")
        svc = meta.get("subject_type")
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        body_start = 10
    else:
        m = re.match(r"(Child|Young person|Adult):", lines[1])
        if not m:
            errors.append(f"{name}: line 2 must start Child:/Young person:/Adult:")
        else:
            svc = "adult" if m.group(1) == "Adult" else "child"
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        cd = rd = None
        if len(ds) < 2:
            errors.append(f"{name}: line 1 needs contact and entry dates (dd/mm/yyyy)")
        else:
            cd, rd = [datetime.date(int(y), int(mo), int(d)) for d, mo, y in ds[:2]]
        body_start = 3
    body = [l for l in lines[body_start - 1:] if l.strip()]
    if not (4 <= len(body) <= 30):
        errors.append(f"{name}: body has {len(body)} non-blank lines (want 4-30)")
    if cd and rd:
        if not (FIRST <= cd <= LAST):
            errors.append(f"{name}: contact date {cd} outside 3 Nov - 2 Dec 2026")
        if rd < cd or rd > TODAY:
            errors.append(f"{name}: recorded date {rd} out of order or after today")
        if working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {working_days(cd, rd)} working days late (not annotated in this set)")
    # dates in text
    for d, mo, y in re.findall(r"\b(\d{2})/(\d{2})/(\d{4})\b", text):
        if datetime.date(int(y), int(mo), int(d)) > TODAY:
            errors.append(f"{name}: date {d}/{mo}/{y} after 3 Dec 2026")
    for d, mon, y in re.findall(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r")(?: (\d{4}))?", text):
        yr = int(y) if y else 2026
        if mon in ("November", "December") or y:
            if datetime.date(yr, MONTHS[mon], int(d)) > TODAY:
                errors.append(f"{name}: date '{d} {mon}' after 3 Dec 2026")
    # personal data and leftovers
    for rx, what in ((PHONE, "phone-like number"), (EMAIL, "email address"), (POSTCODE, "postcode"),
                     (TENDIGIT, "10-digit number"), (NINO, "NI-number-like string"), (DOB, "marked date of birth")):
        m = rx.search(text)
        if m:
            errors.append(f"{name}: contains {what}: {m.group(0)!r}")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: source marks left in note")
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
    mf = exp.get("must_flag") or {}
    mnf = exp.get("must_not_flag") or []
    why = (exp.get("why") or "").strip()
    kind = next((k for k in ("Problem", "Trap", "Not applicable") if why.startswith(k + ":")), None)
    if kind is None:
        errors.append(f"{name}: why must start Problem:/Trap:/Not applicable:")
    if mf:
        if list(mf) != [CAT] or mnf != []:
            errors.append(f"{name}: problem sidecar must be must_flag {{opinion: [...]}}, must_not_flag []")
        if kind != "Problem":
            errors.append(f"{name}: flagged note but why does not start Problem:")
        lns = mf.get(CAT) or []
        if not lns:
            errors.append(f"{name}: opinion has no lines")
        for ln in lns:
            flagged_lines += 1
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: line {ln} not in body")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: line {ln} is blank")
            elif not re.search(rf"\bline {ln}\b", why, re.I):
                errors.append(f"{name}: why does not explain line {ln}")
    else:
        if mnf != [CAT]:
            errors.append(f"{name}: clean sidecar must be must_flag {{}}, must_not_flag [opinion]")
        if kind not in ("Trap", "Not applicable"):
            errors.append(f"{name}: unflagged note but why starts {kind}")
    if svc in ("child", "adult") and kind:
        counts[(svc, kind)] += 1
    else:
        errors.append(f"{name}: cannot tell service")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")
srcs = glob.glob(os.path.join(HERE, "src", "[0-9][0-9]-*.src"))
if len(srcs) != len(notes):
    errors.append(f"{len(srcs)} sources but {len(notes)} notes")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
for s, label in (("child", "children's"), ("adult", "adults'")):
    tot = sum(counts[(s, k)] for k in ("Problem", "Trap", "Not applicable"))
    print(f"{label:11s} {tot}: problem {counts[(s,'Problem')]}, trap {counts[(s,'Trap')]}, "
          f"not applicable {counts[(s,'Not applicable')]}")
print(f"opinion flagged lines: {flagged_lines}")
if len(notes) != 44:
    errors.append("want 44 notes")
for s in ("child", "adult"):
    want = {"Problem": 10, "Trap": 7, "Not applicable": 5}
    for k, n in want.items():
        if counts[(s, k)] != n:
            errors.append(f"{s}: {counts[(s, k)]} {k} notes, want {n}")
if not (9 <= fmt["txt"] <= 13):
    errors.append(f".txt count {fmt['txt']} not about a quarter")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
