#!/usr/bin/env python3
"""Validate the dev-sharing1 blind set (information sharing only): sidecar shape,
flagged lines in range and not blank, front matter, dates in range and recorded on
time, invented-only personal data, no marks left in notes, and the counts
(44 notes; 20 incomplete, 14 complete, 10 no sharing; 22 children's, 22 adults';
about 3 .md to 1 .txt)."""
import datetime, glob, os, re, sys
import yaml

TODAY = datetime.date(2026, 12, 2)
FIRST, LAST = datetime.date(2026, 11, 2), datetime.date(2026, 12, 1)

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
NINO = re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\bDOB\b|date of birth|\bborn on\b", re.I)
# Names, places and teams from the template notes: none may be reused.
TEMPLATE_WORDS = ["Keira", "Dunmore", "Shannon", "Alfie", "Reece", "Priya", "Castell",
                  "Wrenfield", "Edna", "Pilbeam", "Marta", "Wojcik", "Hollins Lea",
                  "Linda", "Filey", "Tyler", "Brook-Ansah", "Okafor", "Dean Harrow", "Eastmoor"]
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date",
           "recorded_date", "author", "team"]
KINDS = {"Incomplete": "incomplete", "Complete": "complete", "No sharing": "none"}
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*"))
               if p.endswith((".md", ".txt")))
kinds = {"incomplete": 0, "complete": 0, "none": 0}
service = {"child": 0, "adult": 0}
by_service = {(s, k): 0 for s in service for k in kinds}
fmt = {"md": 0, "txt": 0}

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
    body_start = 1
    if ext == ".md":
        if lines[0] != "---":
            errors.append(f"{name}: .md must start with front matter"); continue
        end = lines.index("---", 1)
        try:
            meta = yaml.safe_load("\n".join(lines[1:end]))
        except yaml.YAMLError as e:
            errors.append(f"{name}: front matter does not parse: {e}"); continue
        for k in FM_KEYS:
            if k not in meta:
                errors.append(f"{name}: front matter missing {k}")
        if list(meta) != FM_KEYS:
            errors.append(f"{name}: front matter keys not in the template order")
        svc = meta.get("subject_type")
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        body_start = end + 2
        if body_start != 10:
            errors.append(f"{name}: first body line is {body_start}, want 10")
    else:
        if re.match(r"(Child|Young person):", lines[1]):
            svc = "child"
        elif re.match(r"Adult:", lines[1]):
            svc = "adult"
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        cd = rd = None
        if len(ds) >= 2:
            cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        else:
            errors.append(f"{name}: .txt line 1 needs contact and recorded dd/mm/yyyy dates")
    if svc not in service:
        errors.append(f"{name}: cannot tell children's or adults' service"); svc = None
    else:
        service[svc] += 1
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    if cd and rd:
        if not (FIRST <= cd <= LAST and FIRST <= rd <= LAST):
            errors.append(f"{name}: dates outside 2 Nov - 1 Dec 2026")
        if cd > rd or rd > TODAY:
            errors.append(f"{name}: dates out of order or after today")
        elif working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {working_days(cd, rd)} working days after contact")
    if "«" in text or "»" in text or "%%WHY%%" in text:
        errors.append(f"{name}: source mark left in note")
    for rx, what in ((PHONE, "phone number"), (EMAIL, "email address"), (POSTCODE, "postcode"),
                     (TENDIGIT, "10-digit number"), (NINO, "NI number"), (DOB, "date of birth")):
        m = rx.search(text)
        if m:
            errors.append(f"{name}: contains a {what}: {m.group(0)!r}")
    for w in TEMPLATE_WORDS:
        if re.search(rf"\b{re.escape(w)}\b", text):
            errors.append(f"{name}: reuses template name {w}")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar"); continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf = exp.get("must_flag") or {}
    mnf = exp.get("must_not_flag") or []
    why = str(exp.get("why") or "").strip()
    kind = KINDS.get(why.split(":", 1)[0]) if ":" in why else None
    if not kind:
        errors.append(f"{name}: why must start with Incomplete:, Complete: or No sharing:")
        continue
    if len(why) < 60:
        errors.append(f"{name}: why is too short to say what is missing or why it is complete")
    kinds[kind] += 1
    if svc:
        by_service[(svc, kind)] += 1
    if kind == "incomplete":
        if list(mf) != ["sharing"] or mnf:
            errors.append(f"{name}: incomplete note needs must_flag {{sharing: [...]}} and empty must_not_flag")
        for ln in mf.get("sharing") or [None]:
            if not isinstance(ln, int) or ln < 1 or ln > len(lines):
                errors.append(f"{name}: sharing line {ln} does not exist")
            elif ln < body_start:
                errors.append(f"{name}: sharing line {ln} is in the front matter or header")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: sharing line {ln} is blank")
    else:
        if mf or mnf != ["sharing"]:
            errors.append(f"{name}: {kind} note needs must_flag {{}} and must_not_flag [sharing]")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")
srcs = [p for p in glob.glob(os.path.join(HERE, "src", "[0-9][0-9]-*")) if not p.endswith(".py")]
if len(srcs) != len(notes):
    errors.append(f"src has {len(srcs)} sources for {len(notes)} notes")
cfg = yaml.safe_load(open(os.path.join(HERE, "notecheck.yaml")))
if str(cfg.get("timeliness", {}).get("today")) != "2026-12-02":
    errors.append("notecheck.yaml: timeliness.today must be 2026-12-02")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
print(f"services: children's {service['child']}, adults' {service['adult']}")
print(f"sharing incomplete (must_flag): {kinds['incomplete']}  "
      f"(children's {by_service[('child','incomplete')]}, adults' {by_service[('adult','incomplete')]})")
print(f"sharing complete (trap):        {kinds['complete']}  "
      f"(children's {by_service[('child','complete')]}, adults' {by_service[('adult','complete')]})")
print(f"no sharing (trap):              {kinds['none']}  "
      f"(children's {by_service[('child','none')]}, adults' {by_service[('adult','none')]})")
want = {"incomplete": 20, "complete": 14, "none": 10}
if len(notes) != 44:
    errors.append(f"want 44 notes, have {len(notes)}")
for k, n in want.items():
    if kinds[k] != n:
        errors.append(f"want {n} {k} notes, have {kinds[k]}")
if service["child"] != service["adult"]:
    errors.append("children's and adults' notes are not half each")
if not (9 <= fmt["txt"] <= 13):
    errors.append(f"about 1 in 4 notes should be .txt; have {fmt['txt']}")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED")
    sys.exit(1)
print("VALIDATION: OK")
