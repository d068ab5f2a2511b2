"""The identifier validators, masks and placeholders, on published examples and edge cases."""

import pytest

from notecheck import identifiers as ids


@pytest.mark.parametrize("text", ["943 476 5919", "943-476-5919", "9434765919"])
def test_published_nhs_number_is_valid_in_every_layout(text):
    assert ids.nhs_number_valid(text)


@pytest.mark.parametrize("text, why", [
    ("943 476 5918", "check digit fails"),
    ("999 000 0018", "test range"),
    ("943 476 591", "nine digits"),
    ("320 000 0015", "Northern Ireland range: a Health and Care number"),
    ("0211165794", "starts with a date: a CHI number"),
])
def test_not_an_nhs_number(text, why):
    assert not ids.nhs_number_valid(text), why


def test_check_digit_of_ten_means_no_number_can_exist():
    # 10 - digits chosen so the weighted sum leaves remainder 1: check would be 10.
    nine = next(f"{n:09d}" for n in range(400000000, 400001000) if ids.mod11_check(f"{n:09d}") is None)
    assert not any(ids.mod11_valid(nine + str(d)) for d in range(10))


def test_chi_needs_a_real_date_and_the_check_digit():
    assert ids.chi_valid("0211165794")
    assert not ids.chi_valid("0101010000")        # check digit fails
    assert not ids.chi_valid("3102651234")        # 31 February is no date


def test_health_and_care_number_range():
    assert ids.hcn_valid("3200000015")
    assert not ids.hcn_valid("3200000016")
    assert not ids.hcn_valid("9434765919")


@pytest.mark.parametrize("text, valid", [
    ("AB 12 34 56 C", True), ("JT123456A", True), ("QQ 12 34 56 A", False),
    ("GB 12 34 56 A", False), ("AO 12 34 56 A", False), ("DA 12 34 56 A", False),
    ("AB 12 34 56 E", False), ("ZZ 12 34 56 A", False),
    ("ab 123 456 c", True), ("AZ 123 456 A", True), ("hh 01 02 03 d", True), ("qq 123 456 c", False),
])
def test_national_insurance_prefix_rules(text, valid):
    assert ids.ni_valid(text) is valid


@pytest.mark.parametrize("text, valid", [
    ("SW1A 1AA", True), ("M1 1AE", True), ("GIR 0AA", True), ("LS6 2QT", True),
    ("QV1 2CI", False), ("ZZ99 9ZZ", False), ("LS6 2QC", False), ("W1A 0AX", True),
    ("A9 9AA", False), ("AA99 9AA", False),  # format templates: no area A or AA
])
def test_postcode_format_and_letter_rules(text, valid):
    assert ids.postcode_valid(text) is valid


@pytest.mark.parametrize("text, valid", [
    ("07123 456789", True), ("+44 7123 456789", True), ("+44 (0)20 8123 4567", True),
    ("0113 243 1234", True), ("(0113) 243 1234", True),
    ("07700 900123", False), ("01632 960001", False), ("020 7946 0123", False),
    ("0121 496 0000", False), ("028 9649 6123", False), ("+44 7700 900456", False),
    ("0211165794", False),  # ten digits in one block: a CHI number, not a phone
    ("0712345678", False),  # a mobile needs eleven digits
    ("447723456789", True), ("00 44 7723456789", True), ("+4407900 900 123", True),
    ("44 117 496 0860", False),                      # Ofcom drama range, written without the plus
    ("0500 123456", True), ("0500 1234567", False),  # 0500 freephone: ten digits
    ("0550 123 4567", True), ("056 1234 5678", True), ("0511 234 5678", False),  # 05: only 0500, 055, 056
    ("0400 123 4567", False), ("0600 123 4567", False),  # not in use
    ("+33 1 22 33 44 55", False),                    # another country's number
])
def test_phone_numbering_plan_and_drama_ranges(text, valid):
    assert ids.uk_phone_valid(text) is valid


@pytest.mark.parametrize("text, national", [
    ("+44 7723 456789", "07723456789"), ("0044 7723 456789", "07723456789"),
    ("00 44 7723456789", "07723456789"), ("447723456789", "07723456789"),
    ("+44 (0)20 8123 4567", "02081234567"), ("+44 020 8123 4567", "02081234567"),
    ("(020) 8123 4567", "02081234567"), ("+33 1 22 33 44 55", ""),
])
def test_phone_national_form(text, national):
    assert ids.phone_national(text) == national


@pytest.mark.parametrize("text, address", [
    ("john at gmail.com", "john@gmail.com"), ("jane dot smith at gmail dot com", "jane.smith@gmail.com"),
    ("k.patel[at]hotmail.co.uk", "k.patel@hotmail.co.uk"), ("paul (at) outlook (dot) com", "paul@outlook.com"),
    ("JSMITH AT GMAIL DOT COM", "JSMITH@GMAIL.COM"), ("a.b@nhs.net", "a.b@nhs.net"),
])
def test_email_written_out_in_words(text, address):
    assert ids.email_address(text) == address
    assert ids.email_valid(text)


def test_email_placeholders_written_out_in_words():
    assert not ids.email_valid("parent at example dot org")
    assert not ids.email_valid("team [at] example [dot] com")
    assert not ids.email_valid("duty at council dot test")


@pytest.mark.parametrize("text, placeholder", [
    ("a@example.org", True), ("b@mail.example.com", True), ("c@council.test", True),
    ("d@x.invalid", True), ("e@gmail.com", False), ("f@leeds.gov.uk", False),
])
def test_placeholder_emails(text, placeholder):
    assert ids.is_placeholder_email(text) is placeholder


@pytest.mark.parametrize("text, year, month, day", [
    ("12/03/2015", 2015, 3, 12), ("2015-03-12", 2015, 3, 12), ("4th June 2019", 2019, 6, 4),
    ("March 4, 2024", 2024, 3, 4), ("30/11/09", 2009, 11, 30), ("3rd of March 2016", 2016, 3, 3),
    ("5-May-2015", 2015, 5, 5), ("05-MAY-2015", 2015, 5, 5), ("12/Mar/2016", 2016, 3, 12),
])
def test_dates(text, year, month, day):
    date = ids.parse_date(text)
    assert (date.year, date.month, date.day) == (year, month, day)


@pytest.mark.parametrize("text", ["31/02/2015", "12/13/2015", "2015", "March 2015", "31-Feb-2015"])
def test_not_full_dates(text):
    assert ids.parse_date(text) is None


@pytest.mark.parametrize("value, shape", [
    ("943 476 5919", "943 *** ****"), ("Jamie Smith", "J**** S****"), ("Zoë Łukasz", "Z** Ł*****"),
    ("AB 12 34 56 C", "AB ** ** ** C"), ("12/03/2015", "**/**/****"),
    ("jane.smith@gmail.com", "j***.*****@g****.com"), ("07123 456789", "071** ******"),
])
def test_masks_show_the_shape_at_the_same_length(value, shape):
    assert ids.mask(value) == shape
    assert len(ids.mask(value)) == len(value)


def test_placeholders_are_safe_and_look_right():
    numbers = {ids.nhs_placeholder(i) for i in range(50)}
    assert len(numbers) == 50
    for number in numbers:
        assert ids.mod11_valid(number) and ids.is_placeholder_nhs(number)
        assert not ids.nhs_number_valid(number) and not ids.chi_valid(number)
    for i in range(8):
        assert ids.is_placeholder_ni(ids.ni_placeholder(i)) and not ids.ni_valid(ids.ni_placeholder(i))
        assert ids.is_placeholder_phone(ids.phone_placeholder("07123 456789", i))
        assert ids.is_placeholder_phone(ids.phone_placeholder("0113 243 1234", i))
        assert ids.is_placeholder_email(ids.email_placeholder(i))
