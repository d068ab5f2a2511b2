"""Generate tests/data/identifiers.yaml: identifier cases with expected outcomes.

Check digits here are computed independently of src/notecheck/identifiers.py, straight
from the NHS Data Dictionary's description, so the test set checks the validator rather
than repeating it. Fixed seed: the file is reproducible. Hand-written cases (published
examples, look-alikes) are listed below the generated ones.

    python benchmarks/make_identifier_cases.py > tests/data/identifiers.yaml
"""

import random
import sys

import yaml

rng = random.Random(20261125)


def check_digit(nine):
    total = sum(int(d) * (10 - i) for i, d in enumerate(nine))
    c = 11 - total % 11
    return 0 if c == 11 else (None if c == 10 else c)


def with_check(prefix_range, want_valid=True, date=None):
    while True:
        if date:
            nine = date + f"{rng.randrange(0, 1000):03d}"
        else:
            nine = str(rng.randrange(*prefix_range))
        c = check_digit(nine)
        if c is None:
            continue
        if want_valid:
            return nine + str(c)
        return nine + str((c + rng.randrange(1, 10)) % 10)


def fmt(number, style):
    if style == "spaced":
        return f"{number[:3]} {number[3:6]} {number[6:]}"
    if style == "hyphens":
        return f"{number[:3]}-{number[3:6]}-{number[6:]}"
    return number


cases = []


def add(text, expect, group, note=""):
    case = {"text": text, "expect": expect, "group": group}
    if note:
        case["note"] = note
    cases.append(case)


NHS_SENTENCES = [
    "Jamie's NHS number is {}.", "NHS no. {} confirmed with the GP surgery.",
    "The referral gives NHS number {} for Mum.", "Checked NHS {} on the health record.",
    "Baby's NHS number: {}",
]
styles = ["spaced", "hyphens", "none"]
for i in range(24):
    number = with_check((400_000_000, 799_999_999))
    add(NHS_SENTENCES[i % 5].format(fmt(number, styles[i % 3])), ["personal-data.nhs-number"], "valid")
for i in range(15):
    number = with_check((400_000_000, 799_999_999), want_valid=False)
    add(NHS_SENTENCES[i % 5].format(fmt(number, styles[i % 3])), [], "invalid-check-digit")
for i in range(12):
    number = with_check((999_000_000, 999_999_999))
    add(f"Use the test NHS number {fmt(number, styles[i % 3])} in the role play.", [], "placeholder")

# CHI: DDMMYY + 3 digits + check digit.
for i in range(12):
    day, month, year = rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(0, 100)
    number = with_check(None, date=f"{day:02d}{month:02d}{year:02d}")
    text = number if i % 2 else f"{number[:6]} {number[6:]}"
    add(f"Her CHI number is {text}.", ["personal-data.chi-number"], "valid")
for i in range(6):
    day, month, year = rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(0, 100)
    number = with_check(None, date=f"{day:02d}{month:02d}{year:02d}", want_valid=False)
    add(f"CHI {number} was mistyped on the form.", [], "invalid-check-digit")

# Health and Care numbers (Northern Ireland).
for i in range(8):
    number = with_check((320_000_001, 399_999_999))
    add(f"H&C number {fmt(number, styles[i % 3])} is on the referral.",
        ["personal-data.health-care-number"], "valid")
for i in range(4):
    number = with_check((320_000_001, 399_999_999), want_valid=False)
    add(f"H&C number {fmt(number, styles[i % 3])} does not match.", [], "invalid-check-digit")

# National Insurance numbers.
FIRST = "ABCEGHJKLMNOPRSTWXYZ"
SECOND = "ABCEGHJKLMNPRSTWXYZ"
for i in range(12):
    while True:
        prefix = rng.choice(FIRST) + rng.choice(SECOND)
        if prefix not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    digits = f"{rng.randrange(0, 1_000_000):06d}"
    suffix = rng.choice("ABCD")
    text = (f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}" if i % 2
            else f"{prefix}{digits}{suffix}")
    add(f"Dad's National Insurance number is {text}.", ["personal-data.ni-number"], "valid")
for text in ["QQ 12 34 56 A", "QQ123456C", "QQ 98 76 54 B"]:
    add(f"Use {text} on the benefits form in the exercise.", [], "placeholder")
for text in ["GB 12 34 56 A", "NK123456B", "DA 12 34 56 A", "AB 12 34 56 E", "ZZ 12 34 56 A",
             "TN 11 22 33 C"]:
    add(f"The number {text} is on the old letter.", [], "invalid-check-digit",
        "not issuable: HMRC prefix or suffix rules")

# Postcodes.
for text in ["LS6 2QT", "M1 1AE", "SW1A 1AA", "B33 8TH", "CR2 6XH", "DN55 1PT", "EC1A 1BB",
             "W1A 0AX", "BS1 4DJ", "NE1 7RU", "G2 1DU", "CF10 1EP"]:
    add(f"The family moved to {text} in March.", ["personal-data.postcode"], "valid")
for text in ["LS6", "QV1 2CI", "ZZ99 9ZZ", "AB1 2CD"]:
    add(f"The area code {text} was given.", [], "look-alike", "outward code only, or letters never used")

# Phone numbers.
for text in ["07123 456789", "07912 345678", "07481 234567", "+44 7123 456789", "+447912345678",
             "020 8123 4567", "0113 243 1234", "(0113) 243 1234", "0161 555 0123", "01632 123456",
             "0121 234 5678", "+44 (0)20 8123 4567", "0300 123 4567", "0800 123 4567",
             "029 2087 1234", "028 9032 1234", "01904 612345", "07700 912345"]:
    add(f"Mum can be reached on {text}.", ["personal-data.phone"], "valid")
for text in ["07700 900123", "07700900999", "01632 960001", "020 7946 0123", "0113 496 0999",
             "0117 496 0123", "0121 496 0000", "0131 496 0500", "0161 496 0321", "0191 498 0123",
             "028 9649 6123", "029 2018 0456", "0808 157 0123", "0909 879 0001", "03069 990123",
             "+44 7700 900456"]:
    add(f"In the role play, call {text}.", [], "placeholder", "Ofcom drama number")

# Email.
for text in ["jane.smith@gmail.com", "d.jones@leeds.gov.uk", "mum123@hotmail.co.uk",
             "paul_hughes@outlook.com", "k.patel+school@yahoo.co.uk", "a.b@nhs.net"]:
    add(f"Mum emailed from {text} yesterday.", ["personal-data.email"], "valid")
for text in ["parent@example.org", "duty@example.com", "sw@example.net", "team@council.test",
             "x@service.example", "nobody@nowhere.invalid"]:
    add(f"Send the plan to {text}.", [], "placeholder")

# Dates of birth.
for text in ["Jamie (DOB 12/03/2015) was seen at school.", "Tyler was born on 4th June 2019.",
             "Date of birth: 2015-03-12.", "D.O.B. 01.02.2010", "Ella, born 7 September 2012, lives with Nan.",
             "DOB: 30/11/09", "Her date of birth is 3rd of March 2016.", "Baby was born on March 4, 2024."]:
    add(text, ["personal-data.date-of-birth"], "valid")

# Addresses.
for text in ["Visited the family at 14 Acacia Avenue.", "Dad now lives at 3 Kings Lane.",
             "Moved to 27B Hyde Park Road last week.", "Nan's flat is at 102 Station Road.",
             "The new address is 9 Meadow Close, Leeds.", "Seen at 56 High Street."]:
    add(text, ["personal-data.address"], "valid")

# Look-alikes: nothing personal to flag.
for text in [
    "The visit was on 12/03/2024 at 10:30.", "Meeting on 01/02/2024 at 14:00.",
    "Case reference 1234567890 on the system.", "Ref: 9434765919 is the old case reference.",
    "ID: 4857773457 is the Liquidlogic person ID.", "The rent arrears are £1,234.56.",
    "Sort code 12-34-56 was mentioned.", "Account 12345678 for the rent.",
    "Jamie scored 1234567 points on the game.", "The house number is 12 and it is red.",
    "Time stamps 09:15, 10:45 and 16:30 on the log.", "Invoice 2024-0012-33 was paid.",
    "Phone bill of 0.07 pence per minute.", "The years 2015-2019 were difficult.",
    "She was born in 2015 and started school in 2019.", "We met 3 Police Officers at the door.",
    "The family home is on a quiet street.", "School phone extension 4567.",
    "Court case number 2024/123456.", "Flat 3 on the second floor.",
]:
    add(text, [], "look-alike")

# Look-alikes between identifier types: which rule wins.
add("CHI 0211165794 (published example) is on the Scottish referral.", ["personal-data.chi-number"], "valid",
    "valid CHI: a date of birth first, so CHI not NHS")
add("Jamie's NHS number is 943 476 5919 (published example).", ["personal-data.nhs-number"], "valid")
add("Mobile 07123 456789 and NHS 943 476 5919 are both on the form.",
    ["personal-data.nhs-number", "personal-data.phone"], "valid", "phone and NHS side by side")
add("Landline 0113 243 1234, not an NHS number.", ["personal-data.phone"], "look-alike",
    "phone shape (4-3-4), not 3-3-4")
add("The check digit of 943 476 5918 fails.", [], "invalid-check-digit")
add("CHI 0101010000 is invalid (check digit).", [], "invalid-check-digit")

# Harder written forms of real identifiers.
for text, rule in [
    ("NHS no 943 4765919 on the letter.", "nhs-number"),
    ("NHS number:943-476-5919", "nhs-number"),
    ("nhs 9434765919 (from the GP)", "nhs-number"),
    ("Mobile 07123-456-789 given by Mum.", "phone"),
    ("Mobile 07123 456 789 given by Mum.", "phone"),
    ("Tel: 0044 7123 456789.", "phone"),
    ("Tel +44(0)7123456789", "phone"),
    ("Call Dad on 0113-243-1234 after 5.", "phone"),
    ("Postcode ls6 2qt written in lower case.", "postcode"),
    ("Moved to LS62QT (no space).", "postcode"),
    ("Email JANE.SMITH@GMAIL.COM from Mum.", "email"),
    ("ni no ab123456c on the form", "ni-number"),
    ("dob 1/3/2015 confirmed", "date-of-birth"),
    ("Kayla (d.o.b. 01-03-2015) attends nursery.", "date-of-birth"),
    ("born 1st Jan 2016 at St James's", "date-of-birth"),
]:
    add(text, [f"personal-data.{rule}"], "valid", "harder written form")

# The written forms the peer projects' cases brought in (tests/data/identifiers-peers.yaml):
# 44 without a plus, lower-case and 3-3 NI numbers, addresses written out in words, dates of
# birth with the context after the date or a gap, GIR 0AA.
for text, rule in [
    ("Dad's mobile is 44 7123 456789.", "phone"),
    ("Mum's mobile: 447912345678", "phone"),
    ("Office: +44 (0) 113 243 1234", "phone"),
    ("Dad's work line is 0560 123 4567.", "phone"),
    ("NI number ab 12 34 56 c on the form", "ni-number"),
    ("NI number JT 123 456 A on the form", "ni-number"),
    ("Mum's email is jane.smith at gmail dot com", "email"),
    ("Email d.jones (at) leeds (dot) gov (dot) uk", "email"),
    ("12/03/2015 is Jamie's date of birth.", "date-of-birth"),
    ("Jamie was born at Leeds General Infirmary on 12 March 2015.", "date-of-birth"),
    ("D.O.B. 12-Mar-2015", "date-of-birth"),
    ("The letter was sent to GIR 0AA.", "postcode"),
]:
    add(text, [f"personal-data.{rule}"], "valid", "written form from the peer projects' cases")

# ... and the look-alikes those forms must not catch.
for text in [
    "Mum logged in at nhs.uk to book.", "Rated 4.5 at tripadvisor.com by the family.",
    "Dad works at tesco.com in the depot.", "The hearing is at 10.30 at court 4.",
    "Call Dot at home.", "She was born in Leeds and came here on 4 May 2019.",
    "Kayla was born in hospital but went home on 12/03/2015.",
    "The case ref is 441234567890 on the portal.", "Invoice 4401 2345 6789 paid.",
    "Dad is 44 years old; Mum is 41.", "Scores were 44 12 34 56 in the test.",
    "Meeting room at 123 456 a lot of people.", "It was Mum's birthday on 12/03/2024.",
]:
    add(text, [], "look-alike")

yaml.safe_dump({"cases": cases}, sys.stdout, sort_keys=False, allow_unicode=True, width=110)
