"""UK personal identifiers: validators, safe placeholders, masks and invented stand-ins.

Pure functions of a matched string. The formats, check digits and placeholder ranges
are from the NHS Data Dictionary, HMRC NIM39110, Royal Mail and Ofcom's drama list
(see the personal-data rules' references). The personal-data regex rules name these
validators (``kinds/regex.py`` registers them); masking and ``notecheck anonymise``
use them too, so one definition of "an NHS number" serves every feature.
"""

from __future__ import annotations

import datetime as dt
import re

_NON_DIGITS = re.compile(r"\D")


def digits(text: str) -> str:
    return _NON_DIGITS.sub("", text)


# --- NHS number, Health and Care number, CHI number: the same mod-11 check digit ----------

def mod11_check(nine: str) -> int | None:
    """The check digit for nine digits, or None when no check digit is possible (10)."""
    total = sum(int(d) * w for d, w in zip(nine, range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        return 0
    return None if check == 10 else check


def mod11_valid(number: str) -> bool:
    number = digits(number)
    if len(number) != 10:
        return False
    return mod11_check(number[:9]) == int(number[9])


def is_placeholder_nhs(number: str) -> bool:
    """The NHS test range 999 000 0000 - 999 999 9999 is never issued."""
    return digits(number).startswith("999") and len(digits(number)) == 10


def hcn_range(number: str) -> bool:
    """Northern Ireland Health and Care numbers: 320 000 001 - 399 999 999 (+ check digit)."""
    return 320000001 <= int(digits(number)[:9]) <= 399999999


def chi_date(number: str) -> dt.date | None:
    """The date of birth a CHI number starts with (DDMMYY), or None if it is not a date."""
    number = digits(number)
    day, month, year = int(number[0:2]), int(number[2:4]), int(number[4:6])
    for century in (2000, 1900):  # the century is not written; either makes a real date
        try:
            return dt.date(century + year, month, day)
        except ValueError:
            continue
    return None


def nhs_number_valid(text: str) -> bool:
    """A real-looking NHS number: ten digits, check digit passes, not the test range.
    Numbers in the Northern Ireland range, or starting with a DDMMYY date (Scotland's
    CHI numbers; England's NHS numbers are never issued there), belong to those rules."""
    number = digits(text)
    return (len(number) == 10 and mod11_valid(number) and not is_placeholder_nhs(number)
            and not hcn_range(number) and chi_date(number) is None)


def hcn_valid(text: str) -> bool:
    number = digits(text)
    return len(number) == 10 and mod11_valid(number) and hcn_range(number)


def chi_valid(text: str) -> bool:
    """Scotland: DDMMYY + four digits, the last a mod-11 check digit."""
    number = digits(text)
    return len(number) == 10 and mod11_valid(number) and chi_date(number) is not None


# --- National Insurance number ---------------------------------------------------------

_NI = re.compile(r"(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]")


def ni_compact(text: str) -> str:
    return re.sub(r"[\s-]", "", text).upper()


def ni_valid(text: str) -> bool:
    """HMRC prefix rules. QQ 12 34 56 A (HMRC's own example) fails them by design."""
    return _NI.fullmatch(ni_compact(text)) is not None


def is_placeholder_ni(text: str) -> bool:
    return ni_compact(text).startswith("QQ")


# --- Postcode ---------------------------------------------------------------------------

_POSTCODE = re.compile(r"[A-PR-UWYZ][A-HJ-Y]?[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2}|GIR0AA")
# Outward codes where the fourth character is a letter (A9A, AA9A) only use these letters.
_OUTWARD_THIRD = re.compile(r"[A-PR-UWYZ][0-9][ABCDEFGHJKPSTUW]")
_OUTWARD_FOURTH = re.compile(r"[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]")


# The postcode areas in use (Royal Mail), so a format template such as "A9 9AA" is not
# read as a postcode.
POSTCODE_AREAS = frozenset("""
    AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL
    DN DT DY E EC EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW
    KY L LA LD LE LL LN LS LU M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM
    S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN
    WR WS WV YO ZE""".split())


def postcode_valid(text: str) -> bool:
    compact = re.sub(r"\s", "", text).upper()
    if _POSTCODE.fullmatch(compact) is None:
        return False
    if compact == "GIR0AA":
        return True
    if re.match(r"[A-Z]+", compact).group() not in POSTCODE_AREAS:
        return False
    outward = compact[:-3]
    if len(outward) == 3 and outward[2].isalpha():
        return _OUTWARD_THIRD.fullmatch(outward) is not None
    if len(outward) == 4 and outward[3].isalpha():
        return _OUTWARD_FOURTH.fullmatch(outward) is not None
    return True


# --- Phone numbers ----------------------------------------------------------------------

# Ofcom's numbers for TV and radio drama: national form prefix -> digits after it.
DRAMA_RANGES = (
    "07700900", "01632960", "08081570", "09098790", "02079460", "01134960", "01144960",
    "01154960", "01164960", "01174960", "01184960", "01214960", "01314960", "01414960",
    "01514960", "01614960", "01914980", "02896496", "02920180", "03069990",
)


def phone_national(text: str) -> str:
    """The number in national form (leading 0), from the international forms: +44, 0044,
    00 44, or 44 without the plus (as Notify's users write it), with or without the
    trunk 0 after the country code ("+44 (0)20 ...", or "+44 07..." written in error).
    Another country's number has no national form: ""."""
    raw = text.strip()
    number = digits(raw.replace("(0)", ""))
    if raw.startswith("+"):
        pass                        # the digits start with the country code
    elif number.startswith("00"):
        number = number[2:]         # international dialling prefix
    elif not number.startswith("44"):
        return number               # national form already (a national number starts with 0)
    if not number.startswith("44"):
        return ""
    return "0" + number[2:].removeprefix("0")


def is_placeholder_phone(text: str) -> bool:
    number = phone_national(text)
    return any(number.startswith(prefix) for prefix in DRAMA_RANGES)


def uk_phone_valid(text: str) -> bool:
    """A UK number by Ofcom's numbering plan, not an Ofcom drama number: 01/02 geographic,
    03 non-geographic, 055 corporate and 056 location-independent, 07 mobile, 08 freephone
    and special, 09 premium. 11 digits, except that 01 numbers and 0800 freephone may have
    10, and 0500 freephone (closed in 2017, still in old material) has 10. 04, 06 and the
    rest of 05 are not in use."""
    number = phone_national(text)
    if not number.startswith("0") or number[1:2] not in {"1", "2", "3", "5", "7", "8", "9"}:
        return False
    if number.startswith("05") and not number.startswith(("0500", "055", "056")):
        return False
    if number.startswith("0800") or number.startswith("01"):
        allowed = {10, 11}
    elif number.startswith("0500"):
        allowed = {10}
    else:
        allowed = {11}
    if len(number) not in allowed:
        return False
    if number.startswith("070") or (number.startswith("076") and not number.startswith("07624")):
        return False  # personal numbering and pagers, not personal mobiles
    if len(number) == 10 and not _phone_grouped(text):
        return False  # ten digits in one block: a CHI, NHS or reference number, not a phone
    return not is_placeholder_phone(number)


def _phone_grouped(text: str) -> bool:
    """Written the way phone numbers are: +44, brackets, or a 4- or 5-digit area code."""
    text = text.strip()
    first = re.split(r"[\s)-]", text.lstrip("("), maxsplit=1)[0]
    return text.startswith(("+", "(", "00")) or len(first) in (4, 5)


# --- Email ------------------------------------------------------------------------------

PLACEHOLDER_DOMAINS = ("example.com", "example.org", "example.net")
PLACEHOLDER_TLDS = ("test", "example", "invalid", "localhost")


# An address written out so that machines miss it: "jane at gmail dot com",
# "k.patel[at]hotmail.co.uk", "paul (at) outlook (dot) com".
_WRITTEN_AT = re.compile(r"\s*[\[({]\s*at\s*[\])}]\s*|\s+at\s+", re.IGNORECASE)
_WRITTEN_DOT = re.compile(r"\s*[\[({]\s*dot\s*[\])}]\s*|\s+dot\s+", re.IGNORECASE)


def email_address(text: str) -> str:
    """The address in its usual form: "jane dot smith at gmail dot com" -> "jane.smith@gmail.com"."""
    text = text.strip()
    if "@" in text:
        return text
    return _WRITTEN_AT.sub("@", _WRITTEN_DOT.sub(".", text), count=1)


def is_placeholder_email(text: str) -> bool:
    domain = email_address(text).rsplit("@", 1)[-1].lower().rstrip(".")
    if domain in PLACEHOLDER_DOMAINS or any(domain.endswith("." + d) for d in PLACEHOLDER_DOMAINS):
        return True
    return domain.rsplit(".", 1)[-1] in PLACEHOLDER_TLDS


def email_valid(text: str) -> bool:
    return "@" in email_address(text) and not is_placeholder_email(text)


# --- Dates ------------------------------------------------------------------------------

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")


def parse_date(text: str) -> dt.date | None:
    """A full date written as 12/03/2015, 12.03.15, 2015-03-12, 12 March 2015, 12th Mar 2015,
    12-Mar-2015, March 12, 2015. None when it is not a real date with a day, month and year."""
    text = text.strip().rstrip(".,")
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return _date(year, month, day)
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        return _date(_full_year(year), month, day)
    words = re.sub(r"[,/-]", " ", text.lower()).split()
    words = [re.sub(r"(?<=\d)(st|nd|rd|th)$", "", w) for w in words if w != "of"]
    if len(words) == 3:
        for day_at, month_at in ((0, 1), (1, 0)):
            month = _month(words[month_at])
            if month and words[day_at].isdigit() and words[2].isdigit():
                return _date(_full_year(int(words[2])), month, int(words[day_at]))
    return None


def _month(word: str) -> int | None:
    for number, name in enumerate(MONTHS, start=1):
        if len(word) >= 3 and name.startswith(word.rstrip(".")):
            return number
    return None


def _full_year(year: int) -> int:
    if year >= 100:
        return year
    return 2000 + year if year <= 30 else 1900 + year


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return date if 1890 <= date.year <= 2100 else None


def date_valid(text: str) -> bool:
    return parse_date(text) is not None


# --- Masks: show the shape, never the value ---------------------------------------------

def mask(value: str) -> str:
    """The shape of a value, the same length: "943 *** ****", "J**** S****",
    "AB ** ** ** C", "j****@e******.org". Separators stay so the shape is recognisable."""
    if "@" in value:
        local, _, domain = value.rpartition("@")
        host, dot, tld = domain.rpartition(".")
        return _keep_first(local) + "@" + (_keep_first(host) + dot + tld if dot else _keep_first(domain))
    compact = re.sub(r"[^A-Za-z0-9]", "", value)
    if re.fullmatch(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}", value.strip()):
        return re.sub(r"\d", "*", value)  # a date: every digit matters
    if compact.isdigit():
        # Numbers: the first three digits (an area code, a prefix) and the rest masked.
        kept = 0
        out = []
        for ch in value:
            if ch.isdigit():
                out.append(ch if kept < 3 else "*")
                kept += 1
            else:
                out.append(ch)
        return "".join(out)
    if re.fullmatch(r"[A-Za-z]{2}[\d\s-]{6,}[A-Za-z]", value.strip()):
        # National Insurance number: the letters stay, the digits go.
        return "".join("*" if ch.isdigit() else ch for ch in value)
    # Words (names, addresses, postcodes, dates in words): each word's first character.
    return re.sub(r"[^\W_]+", lambda m: _keep_first(m.group()), value)


def _keep_first(word: str) -> str:
    return re.sub(r"(?<=.)[^\W_]", "*", word) if word else word


# --- Safe stand-ins for anonymised copies -----------------------------------------------

def nhs_placeholder(index: int) -> str:
    """The index-th NHS test-range number (999 ...) whose check digit passes, 3-3-4."""
    while len(_TEST_RANGE) <= index:
        nine = f"999{len(_TEST_RANGE_TRIED):06d}"
        _TEST_RANGE_TRIED.append(nine)
        check = mod11_check(nine)
        if check is not None:
            number = nine + str(check)
            _TEST_RANGE.append(f"{number[:3]} {number[3:6]} {number[6:]}")
    return _TEST_RANGE[index]


_TEST_RANGE: list[str] = []
_TEST_RANGE_TRIED: list[str] = []


def ni_placeholder(index: int) -> str:
    """QQ-prefixed: HMRC never issues QQ, so these can never be a real person's."""
    n = 123456 + index
    text = f"{n % 1_000_000:06d}"
    return f"QQ {text[0:2]} {text[2:4]} {text[4:6]} {'ABCD'[index % 4]}"


def phone_placeholder(text: str, index: int) -> str:
    """An Ofcom drama number of the same sort: mobile for mobiles, 01632 otherwise."""
    if phone_national(text).startswith("07"):
        return f"07700 900{index % 1000:03d}"
    return f"01632 960{index % 1000:03d}"


def email_placeholder(index: int) -> str:
    return f"person{index + 1}@example.org"
