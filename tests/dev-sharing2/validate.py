#!/usr/bin/env python3
"""Validate the dev-sharing2 blind set: sidecar shape (sharing only), flagged lines in range and
not blank, front matter / .txt header, contact and recorded dates (2-30 Nov / 1 Dec 2026, recorded
the same or next working day), invented-only personal data, and the counts the brief asks for."""
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

PHONE = re.compile(r"\b0\d{2,4}[ ]?\d{3}[ ]?\d{3,4}\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2}\b")
TENDIGIT = re.compile(r"\b\d{3}[ -]?\d{3}[ -]?\d{4}\b")
NINO = re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b")
DOB = re.compile(r"\b(DOB|D\.O\.B|date of birth|born on)\b", re.I)
FM_KEYS = ["subject", "subject_type", "note_type", "contact_date", "recorded_date", "author", "team"]
KINDS = {"INCOMPLETE": "incomplete", "COMPLETE": "complete", "NO SHARING": "none"}
HERE = os.path.dirname(os.path.abspath(__file__))
errors = []
notes = sorted(p for p in glob.glob(os.path.join(HERE, "[0-9][0-9]-*")) if p.endswith((".md", ".txt")))
kinds = {k: 0 for k in KINDS.values()}
service = {"child": 0, "adult": 0}
fmt = {"md": 0, "txt": 0}
by_service_kind = {}

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
    if "«" in text or "»" in text:
        errors.append(f"{name}: a mark was left in the note")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines = lines[:-1]
    body_start = 1
    svc = None
    if ext == ".md":
        if lines[0] != "---":
            errors.append(f"{name}: .md must start with front matter"); continue
        end = lines.index("---", 1)
        meta = yaml.safe_load("\n".join(lines[1:end]))
        for k in FM_KEYS:
            if k not in meta:
                errors.append(f"{name}: front matter missing {k}")
        svc = meta.get("subject_type")
        cd = iso(meta.get("contact_date"), name, "contact_date")
        rd = iso(meta.get("recorded_date"), name, "recorded_date")
        body_start = end + 2
        if body_start != 10:
            errors.append(f"{name}: first body line is {body_start}, want 10")
    else:
        head = "\n".join(lines[:2])
        if re.search(r"\(adult", head):
            svc = "adult"
        elif re.search(r"Child:|Young person:", head):
            svc = "child"
        ds = re.findall(r"(\d{2})/(\d{2})/(\d{4})", lines[0])
        cd = rd = None
        if len(ds) >= 2:
            cd, rd = [datetime.date(int(y), int(m), int(d)) for d, m, y in ds[:2]]
        else:
            errors.append(f"{name}: .txt line 1 needs contact and recorded dd/mm/yyyy dates")
    if svc not in ("child", "adult"):
        errors.append(f"{name}: cannot tell service"); svc = "child"
    service[svc] += 1
    if cd and rd:
        if not (FIRST <= cd <= LAST and FIRST <= rd <= LAST):
            errors.append(f"{name}: dates outside 2 Nov - 1 Dec 2026")
        if cd > rd or rd > TODAY:
            errors.append(f"{name}: dates out of order or after today")
        if working_days(cd, rd) > 1:
            errors.append(f"{name}: recorded {working_days(cd, rd)} working days after contact")
    nbody = len([l for l in lines[body_start - 1:] if l.strip()])
    if not (4 <= nbody <= 30):
        errors.append(f"{name}: body has {nbody} non-blank lines (want 4-30)")
    side = os.path.join(HERE, stem + ".expect.yaml")
    if not os.path.exists(side):
        errors.append(f"{name}: no sidecar"); continue
    exp = yaml.safe_load(open(side, encoding="utf-8"))
    if set(exp) != {"must_flag", "must_not_flag", "why"}:
        errors.append(f"{name}: sidecar keys {sorted(exp)}")
    mf = exp.get("must_flag") or {}
    mnf = exp.get("must_not_flag") or []
    why = str(exp.get("why") or "")
    kind = next((v for k, v in KINDS.items() if why.startswith(k + ":")), None)
    if kind is None:
        errors.append(f"{name}: why must start with INCOMPLETE:, COMPLETE: or NO SHARING:"); continue
    kinds[kind] += 1
    by_service_kind[(svc, kind)] = by_service_kind.get((svc, kind), 0) + 1
    if kind == "incomplete":
        if list(mf) != ["sharing"] or mnf:
            errors.append(f"{name}: incomplete note must have must_flag {{sharing: [...]}} only")
        for ln in mf.get("sharing") or [None]:
            if not isinstance(ln, int) or ln < body_start or ln > len(lines):
                errors.append(f"{name}: sharing line {ln} is not a body line")
            elif not lines[ln - 1].strip():
                errors.append(f"{name}: sharing line {ln} is blank")
    else:
        if mf or mnf != ["sharing"]:
            errors.append(f"{name}: {kind} note must have must_flag {{}} and must_not_flag [sharing]")
    for rx, what in ((PHONE, "phone-like number"), (EMAIL, "email address"), (POSTCODE, "postcode"),
                     (TENDIGIT, "10-digit number"), (NINO, "NI number"), (DOB, "date of birth")):
        m = rx.search(text)
        if m:
            errors.append(f"{name}: contains {what}: {m.group(0)!r}")

for p in glob.glob(os.path.join(HERE, "*.expect.yaml")):
    stem = os.path.basename(p)[:-len(".expect.yaml")]
    if not any(os.path.exists(os.path.join(HERE, stem + e)) for e in (".md", ".txt")):
        errors.append(f"{stem}: sidecar without note")

print(f"notes: {len(notes)}  (.md {fmt['md']}, .txt {fmt['txt']})")
print(f"services: children's {service['child']}, adults' {service['adult']}")
print(f"incomplete sharing (must_flag sharing): {kinds['incomplete']}")
print(f"complete sharing (trap, must_not_flag): {kinds['complete']}")
print(f"no sharing (trap, must_not_flag): {kinds['none']}")
for s in ("child", "adult"):
    print(f"  {s}: " + ", ".join(f"{k} {by_service_kind.get((s, k), 0)}" for k in KINDS.values()))
want = {"incomplete": 20, "complete": 14, "none": 10}
for k, v in want.items():
    if kinds[k] != v:
        errors.append(f"{k}: {kinds[k]} notes, want {v}")
if len(notes) != 44:
    errors.append(f"{len(notes)} notes, want 44")
if service["child"] != 22 or service["adult"] != 22:
    errors.append("services not half each")
if not (9 <= fmt["txt"] <= 13):
    errors.append("about 3 .md to 1 .txt wanted")
if errors:
    print("\n".join("ERROR: " + e for e in errors))
    print("VALIDATION: FAILED"); sys.exit(1)
print("VALIDATION: OK")
