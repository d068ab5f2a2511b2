"""Timeliness and information sharing: dates, working days, and the rules on real-looking notes.

"Today" is always fixed (config, NOTECHECK_TODAY or --today); no test reads the clock.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest

from notecheck.config import Config, ConfigError, TimelinessConfig, load_config
from notecheck.dates import DateError, parse_date, working_days_between
from notecheck.diagnostics import Severity
from notecheck.engine import Linter
from notecheck.kinds.base import ParsedNote
from notecheck.notes.text import parse_text
from notecheck.rules.loader import builtin_rules_dir, load_rules

TODAY = dt.date(2026, 11, 25)
MY_CATEGORIES = ("timeliness", "sharing")


@pytest.fixture(scope="module")
def linter() -> Linter:
    # With the one rule that is off by default selected, as an audit that asks for receipt would.
    rules = [r for r in load_rules([builtin_rules_dir()]) if r.category in MY_CATEGORIES
             and (r.enabled or r.id == "sharing.receipt-not-confirmed")]
    return Linter(rules, Config(timeliness=TimelinessConfig(today=TODAY)))


def lint(linter: Linter, text: str, **timeliness):
    """Diagnostics for one note, with timeliness settings (today fixed unless given)."""
    config = Config(timeliness=TimelinessConfig(**{"today": TODAY, **timeliness}))
    note = parse_text("note.md", textwrap.dedent(text).lstrip("\n"))
    return linter.check(ParsedNote(note, linter.pipeline.nlp(note.text), config))


def found(diagnostics, prefix: str = "") -> list[tuple[str, int, int]]:
    return [(d.rule, d.line, d.column) for d in diagnostics if d.rule.startswith(prefix)]


# ---------------------------------------------------------------- dates


@pytest.mark.parametrize("written", [
    "24/11/2026", "24-11-2026", "24.11.2026", "24/11/26", "24 Nov 2026", "24 November 2026",
    "24th November 2026", "Tuesday 24 November 2026", "2026-11-24",
])
def test_uk_and_iso_forms_read_as_the_same_day(written):
    assert parse_date(written) == dt.datetime(2026, 11, 24)


def test_day_first_never_month_first():
    assert parse_date("03/04/2026").date() == dt.date(2026, 4, 3)
    assert parse_date("12/01/2026").date() == dt.date(2026, 1, 12)


def test_times_are_kept():
    assert parse_date("2026-11-24T14:30") == dt.datetime(2026, 11, 24, 14, 30)
    assert parse_date("24/11/2026 09:05") == dt.datetime(2026, 11, 24, 9, 5)


@pytest.mark.parametrize("written, says", [
    ("11/24/2026", "day first"),          # American order
    ("31/02/2026", "not a real date"),
    ("yesterday", "'yesterday' is not a date"),
    ("24/11", "'24/11' is not a date"),   # no year: cannot be placed
    ("2026-11-24 25:00", "time"),
])
def test_unreadable_dates_say_why(written, says):
    with pytest.raises(DateError, match=says):
        parse_date(written)


def test_bank_holidays_are_the_holidays_packages_own_in_every_region():
    """The UK calendar is loaded on its own (notecheck/dates.py); it must give the very days
    holidays.country_holidays gives, year after year, in each of the three regions."""
    import holidays

    from notecheck.dates import REGIONS, _united_kingdom

    for code in REGIONS.values():
        ours, theirs = _united_kingdom()(subdiv=code), holidays.country_holidays("GB", subdiv=code)
        for year in range(1900, 2101):
            ours.get(dt.date(year, 1, 1))
            theirs.get(dt.date(year, 1, 1))
        assert dict(ours) == dict(theirs) and len(ours) > 1500


def test_working_days_skip_the_christmas_bank_holidays():
    # Thu 24 Dec 2026 -> Tue 29 Dec: Fri 25 (Christmas), Sat, Sun, Mon 28 (Boxing Day
    # substitute) do not count, so only Tuesday does.
    assert working_days_between(dt.date(2026, 12, 24), dt.date(2026, 12, 29)) == 1
    assert working_days_between(dt.date(2026, 12, 24), dt.date(2026, 12, 31)) == 3


def test_working_days_differ_by_uk_nation():
    # Mon 30 Nov 2026 is St Andrew's Day, a bank holiday in Scotland only.
    assert working_days_between(dt.date(2026, 11, 27), dt.date(2026, 12, 1)) == 2
    assert working_days_between(dt.date(2026, 11, 27), dt.date(2026, 12, 1), "scotland") == 1
    # Easter Monday (6 April 2026) is not a bank holiday in Scotland.
    assert working_days_between(dt.date(2026, 4, 2), dt.date(2026, 4, 7)) == 1
    assert working_days_between(dt.date(2026, 4, 2), dt.date(2026, 4, 7), "scotland") == 2
    # St Patrick's Day (Tue 17 March 2026) in Northern Ireland.
    assert working_days_between(dt.date(2026, 3, 16), dt.date(2026, 3, 18), "northern-ireland") == 1
    assert working_days_between(dt.date(2026, 3, 16), dt.date(2026, 3, 18)) == 2


def test_same_day_and_weekend_recording_is_not_late():
    assert working_days_between(dt.date(2026, 11, 24), dt.date(2026, 11, 24)) == 0
    assert working_days_between(dt.date(2026, 11, 20), dt.date(2026, 11, 22)) == 0  # Fri -> Sun


# ---------------------------------------------------------------- config


def test_timeliness_config_reads_uk_dates_and_rejects_bad_values(tmp_path):
    path = tmp_path / "notecheck.yaml"
    path.write_text("timeliness:\n  today: 03/04/2026\n  region: scotland\n", encoding="utf-8")
    config = load_config(path)
    assert config.timeliness.today == dt.date(2026, 4, 3)
    assert config.timeliness.region == "scotland"

    path.write_text("select: []\ntimeliness:\n  region: wales\n", encoding="utf-8")
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert error.value.line == 3 and "timeliness.region" in error.value.message

    path.write_text("timeliness:\n  today: 31/02/2026\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a real date"):
        load_config(path)


# ---------------------------------------------------------------- timeliness rules

LATE_VISIT = """
---
subject: Amira Hussain
contact_date: 2026-11-16
recorded_date: 19/11/2026
---
Home visit to Amira and her mother at 4pm.
"""


def test_late_recording_counts_working_days_and_quotes_the_policy(linter):
    diagnostics = lint(linter, LATE_VISIT, policy="Local policy: record within 1 working day")
    assert found(diagnostics) == [("timeliness.late-recording", 4, 1)]  # the recorded_date line
    late = diagnostics[0]
    assert late.severity is Severity.WARNING
    assert "3 working days" in late.message
    assert "Monday 16 November 2026 to Thursday 19 November 2026" in late.message
    assert "Local policy: record within 1 working day." in late.message


def test_late_recording_becomes_an_error_past_the_error_threshold(linter):
    note = LATE_VISIT.replace("19/11/2026", "25/11/2026")  # 7 working days
    [late] = lint(linter, note)
    assert late.rule == "timeliness.late-recording" and late.severity is Severity.ERROR
    assert "7 working days" in late.message
    # Thresholds come from the config.
    assert lint(linter, note, warn_after_working_days=7) == []
    [late] = lint(linter, note, error_after_working_days=None)
    assert late.severity is Severity.WARNING


def test_christmas_bank_holidays_do_not_make_a_note_late(linter):
    note = """
    ---
    contact_date: Thursday 24 December 2026
    recorded_date: 29/12/2026
    ---
    Christmas Eve visit to Jamie and his mum.
    """
    assert lint(linter, note, today=dt.date(2027, 1, 5)) == []
    [late] = lint(linter, note.replace("29/12/2026", "31/12/2026"), today=dt.date(2027, 1, 5))
    assert "3 working days" in late.message


def test_region_decides_which_bank_holidays_count(linter):
    note = """
    ---
    contact_date: 27/11/2026
    recorded_date: 01/12/2026
    ---
    Home visit.
    """
    [late] = lint(linter, note, today=dt.date(2026, 12, 2))
    assert "2 working days" in late.message
    assert lint(linter, note, today=dt.date(2026, 12, 2), region="scotland") == []


def test_future_dates_are_errors_against_the_fixed_today(linter):
    note = """
    ---
    contact_date: 2026-12-03
    recorded_date: 2026-12-03
    ---
    Home visit.
    """
    diagnostics = lint(linter, note)
    assert found(diagnostics) == [("timeliness.future-date", 2, 1), ("timeliness.future-date", 3, 1)]
    assert "The contact date '2026-12-03' is after today (Wednesday 25 November 2026)" in diagnostics[0].message
    assert lint(linter, note, today=dt.date(2026, 12, 3)) == []


def test_today_from_the_environment_when_the_config_has_none(linter, monkeypatch):
    note = "---\ncontact_date: 2026-12-03\nrecorded_date: 2026-12-03\n---\nHome visit.\n"
    monkeypatch.setenv("NOTECHECK_TODAY", "02/12/2026")
    assert len(lint(linter, note, today=None)) == 2
    monkeypatch.setenv("NOTECHECK_TODAY", "03/12/2026")
    assert lint(linter, note, today=None) == []


def test_recorded_before_contact_is_an_error(linter):
    note = """
    ---
    contact_date: 12/11/2026
    recorded_date: 11/11/2026
    ---
    Home visit.
    """
    [diagnostic] = lint(linter, note)
    assert (diagnostic.rule, diagnostic.line, diagnostic.severity) == (
        "timeliness.recorded-before-contact", 3, Severity.ERROR)
    # Same day with times: the order of the times decides.
    timed = "---\ncontact_date: 2026-11-24 15:00\nrecorded_date: 2026-11-24 09:30\n---\nVisit.\n"
    assert found(lint(linter, timed)) == [("timeliness.recorded-before-contact", 3, 1)]
    assert lint(linter, timed.replace("09:30", "17:45")) == []


def test_an_unreadable_date_is_a_diagnostic_naming_field_and_value(linter):
    note = """
    ---
    subject: Leon Carter
    contact_date: 11/24/2026
    recorded_date: 2026-11-24
    ---
    Home visit to Leon at 5pm.
    """
    [diagnostic] = lint(linter, note)  # and no crash in the other date rules
    assert (diagnostic.rule, diagnostic.line, diagnostic.column) == ("timeliness.invalid-date", 3, 1)
    assert diagnostic.message.startswith("The contact date could not be read: '11/24/2026'")
    assert "write 24/11/2026" in diagnostic.message


def test_missing_contact_date_unless_the_note_opens_with_one(linter):
    plain = "I visited Amira at home.\nShe showed me her room.\n"
    assert found(lint(linter, plain)) == [("timeliness.missing-contact-date", 1, 1)]
    assert lint(linter, "Home visit, Tuesday 24 November 2026, 4pm.\n" + plain) == []
    assert lint(linter, "---\nnote_type: case summary\n---\n" + plain) == []


# Notes without front matter, with the header a case recording system prints.
HEADER_CALL = """
Telephone call from health visitor – Alfie Ward (7 weeks)
Date/time of call: 06/11/2026 14:10
Entered on system: 13/11/2026
Worker: Gemma Stokes, social worker

Nicola Price, health visitor, phoned me about Alfie's mum, Jade.
"""


def test_late_recording_reads_the_dates_in_a_printed_header(linter):
    [late] = lint(linter, HEADER_CALL)
    # Pointed at the recorded date in the header: line 3, after "Entered on system: ".
    assert (late.rule, late.line, late.column) == ("timeliness.late-recording", 3, 20)
    assert "5 working days" in late.message
    assert "Friday 6 November 2026 to Friday 13 November 2026" in late.message
    assert lint(linter, HEADER_CALL.replace("13/11/2026", "09/11/2026")) == []


def test_header_labels_decide_which_date_is_which(linter):
    note = """
    Carer's assessment – home visit
    Carer: Mrs Margaret Bell (76)    Date of birth: 02/03/1950
    Cared-for person: Mr Frank Bell (79), her husband
    Date of visit: Thursday 8 October 2026, 10:00–11:30
    **Written up:** 14 October 2026

    I met Mrs Bell at her home.
    """
    # The date of birth is neither date; the visit (line 4, on a line past the first
    # three) is the contact date, so the note is not missing one.
    [late] = lint(linter, note)
    assert (late.rule, late.line, late.column) == ("timeliness.late-recording", 5, 17)
    assert "4 working days" in late.message
    assert lint(linter, note.replace("14 October", "8 October")) == []


def test_a_header_time_orders_two_events_on_the_same_day(linter):
    note = """
    Date and time of call: 04/11/2026, 10:20
    Date and time recorded: 04/11/2026, 09:05

    Call from Harvey's school about a bruise on his cheek.
    """
    assert found(lint(linter, note)) == [("timeliness.recorded-before-contact", 2, 25)]
    assert lint(linter, note.replace("09:05", "11:05")) == []


def test_a_date_in_the_title_is_the_contact_date(linter):
    note = """
    Joint home visit with Housing – Mr Patrick Doyle, 27/10/2026
    Written up: 06/11/2026

    Mr Doyle let us in after some persuasion.
    """
    [late] = lint(linter, note)
    assert (late.rule, late.line, late.column, late.severity) == (
        "timeliness.late-recording", 2, 13, Severity.ERROR)  # 8 working days
    # A title date is not trusted to call the record wrong: it may be a later event's.
    later = "Call about the review on 03/12/2026\nRecorded: 24/11/2026\n\nMum phoned.\n"
    assert lint(linter, later) == []


@pytest.mark.parametrize("header, line, column", [
    ("Visit date – 27/10/2026\nWritten up – 06/11/2026\n", 2, 14),
    ("Home visit to Mr Doyle 27/10/2026, written up 06/11/2026\n", 1, 47),
    ("Home visit to Mr Doyle, Tuesday 27 October 2026\nRecorded on Friday 06/11/2026 by S. Pritchard\n", 2, 20),
])
def test_header_forms_without_a_colon(linter, header, line, column):
    note = header + "\nMr Doyle let us in after some persuasion.\n"
    assert found(lint(linter, note)) == [("timeliness.late-recording", line, column)]


def test_a_sentence_or_a_planned_date_is_not_a_header_date(linter):
    # The first line of a note with front matter is its first sentence, not a title,
    # so its date is not the contact date (which would make the note 60 days late);
    # a follow-up date is a plan, not a contact in the future.
    note = """
    ---
    recorded_date: 2026-11-24
    ---
    Mum told me on 01/09/2026 that she was scared of him.
    Follow-up date: 01/12/2026
    """
    assert lint(linter, note) == []


def test_header_dates_in_the_future(linter):
    recorded = "Date of visit: 24/11/2026\nRecorded: 24/11/2027\n\nHome visit.\n"
    assert found(lint(linter, recorded), "timeliness.future") == [("timeliness.future-date", 2, 11)]
    # A contact-like header date may be a plan, not a mistake.
    assert lint(linter, "Child in need plan\nReview date: 15/01/2027\n\nPlan agreed.\n") == []


def test_a_recorded_date_or_a_weekday_alone_is_not_a_contact_date(linter):
    recorded_only = """
    Child: Harvey Collins
    Recorded: 24/11/2026

    Call from Harvey's school about a bruise.
    """
    assert found(lint(linter, recorded_only)) == [("timeliness.missing-contact-date", 1, 1)]
    written_by = "Written up by Jo Smith, social worker, on 16/11/2026\n\nMum phoned about Kai.\n"
    assert found(lint(linter, written_by)) == [("timeliness.missing-contact-date", 1, 1)]
    weekday = """
    TAF meeting – Lily-Mae Cooper
    Held at Westfield Primary School, last Thursday afternoon

    Present: Mum, the school's safeguarding lead and me.
    """
    assert found(lint(linter, weekday)) == [("timeliness.missing-contact-date", 1, 1),
                                            ("timeliness.vague-time", 2, 35)]


def test_vague_time_is_reported_unless_a_date_is_in_the_sentence_or_quoted(linter):
    note = """
    ---
    contact_date: 2026-11-20
    recorded_date: 2026-11-20
    ---
    Mrs Lewis said her father had a fall the other day.
    He fell again last week, on Tuesday 17 November.
    He said, "I've been dizzy lately."
    The GP will review his tablets in due course.
    """
    assert found(lint(linter, note)) == [("timeliness.vague-time", 5, 38),
                                         ("timeliness.vague-time", 8, 32)]


def test_check_command_takes_today_from_option_or_environment(tmp_path, cli_run):
    note = tmp_path / "visit.md"
    note.write_text("---\ncontact_date: 2026-12-03\nrecorded_date: 2026-12-03\n---\nVisit.\n",
                    encoding="utf-8")
    args = ["check", "--select", "timeliness.future-date", "--format", "json", str(note)]
    result = cli_run([*args, "--today", "2026-11-25"])
    assert result.exit_code == 1
    assert [d["rule"] for d in json.loads(result.stdout)["diagnostics"]] == ["timeliness.future-date"] * 2
    assert cli_run([*args, "--today", "3 Dec 2026"]).exit_code == 0
    assert cli_run(args, env={"NOTECHECK_TODAY": "03/12/2026"}).exit_code == 0
    bad = cli_run([*args, "--today", "12/31/2026"])
    assert bad.exit_code == 2 and "--today: '12/31/2026' has no month 31" in bad.stderr


@pytest.fixture
def cli_run(monkeypatch):
    from typer.testing import CliRunner

    from notecheck.cli import app

    monkeypatch.delenv("NOTECHECK_TODAY", raising=False)

    def run(args, env=None):
        return CliRunner().invoke(app, args, env=env, catch_exceptions=False)

    return run


# ---------------------------------------------------------------- sharing rules

COMPLETE_POLICE_SHARING = """
---
subject: Mia Grant
contact_date: 2026-11-23
recorded_date: 2026-11-23
---
At 2.15pm I phoned Sergeant Patel at Thames Valley Police and shared what Mia told her teacher.
I shared this without Ms Hall's consent because there is a risk of significant harm to Mia.
Ms Hall has not been told yet, because officers need to speak with her first.
Sergeant Patel confirmed she had received the information.
"""


def test_a_complete_sharing_record_passes(linter):
    assert lint(linter, COMPLETE_POLICE_SHARING) == []


def test_each_missing_part_of_a_sharing_record_is_its_own_finding(linter):
    note = """
    ---
    contact_date: 2026-11-24
    recorded_date: 2026-11-24
    ---
    Amira told her teacher she was left alone overnight.
    Referral made to MASH.
    """
    diagnostics = lint(linter, note)
    assert found(diagnostics) == [("sharing.missing-consent-basis", 6, 1),
                                  ("sharing.missing-purpose", 6, 1),
                                  ("sharing.person-not-informed", 6, 1),
                                  ("sharing.receipt-not-confirmed", 6, 1)]
    consent = diagnostics[0]
    assert consent.severity is Severity.WARNING
    assert "with MASH but not whether the person consented" in consent.message
    assert {d.severity for d in diagnostics[1:]} == {Severity.INFO}


def test_sharing_without_a_recipient(linter):
    note = """
    ---
    contact_date: 2026-11-24
    recorded_date: 2026-11-24
    ---
    Leon told me an older boy paid him to carry a bag.
    With Mrs Carter's agreement, I passed on the concerns so that Leon can be kept safe.
    """
    assert found(lint(linter, note), "sharing.missing-recipient") == [("sharing.missing-recipient", 6, 32)]


def test_a_decision_not_to_share_with_reasons_passes(linter):
    note = """
    ---
    contact_date: 2026-11-24
    recorded_date: 2026-11-24
    ---
    Ms Hall's mother phoned at 9am and asked for Ms Hall's new address.
    I did not share the address with her, because Ms Hall has told me she does not want
    her family to know where she lives. Sharing it could put Ms Hall at risk.
    """
    assert lint(linter, note) == []


def test_information_received_or_given_to_the_family_is_not_a_sharing_record(linter):
    note = """
    ---
    subject: Jamie Clarke
    contact_date: 2026-11-24
    recorded_date: 2026-11-24
    ---
    The school informed me that Jamie arrived without a coat.
    Mum shared her worries with me. I informed Mum of the outcome of the strategy meeting.
    Jamie disclosed to his teacher that his dad hit him.
    If Dad comes to the house again, I will inform the police.
    """
    assert lint(linter, note) == []


def test_a_sharing_template_with_every_field_filled_in_passes(linter):
    note = """
    Call with Mrs Ali
    Date and time: 03/11/2026, 11:30
    Recorded: 03/11/2026, 15:00

    At 11:45 Mrs Ali agreed that I could pass her account to the police.

    **12:15 – Information shared with police**
    - With whom: Police Constable (PC) Dawn Ellis, police adult safeguarding team, by phone.
    - What: Mrs Ali's account, in her words.
    - Why: so the police can decide whether to investigate.
    - Consent: given by Mrs Ali at 11:45.
    - Received: PC Ellis confirmed by email at 12:40.
    - Person told: I phoned Mrs Ali back at 13:00.
    """
    assert lint(linter, note) == []
    # Without the template's receipt field, and nothing else saying so, receipt is missing.
    no_receipt = note.replace("- Received: PC Ellis confirmed by email at 12:40.\n", "")
    assert found(lint(linter, no_receipt)) == [("sharing.receipt-not-confirmed", 7, 23)]


def test_agreement_counts_as_consent(linter):
    note = """
    ---
    contact_date: 2026-11-12
    recorded_date: 2026-11-12
    ---
    With Mr Kowalski's agreement, I emailed Jo Patel, manager at Oak Tree Care, so the agency can plan the visits.
    Jo replied at 13:10 to confirm she had received it. I told Mr Kowalski what I had sent.
    """
    assert lint(linter, note) == []
    without = note.replace("With Mr Kowalski's agreement, I", "I")
    assert found(lint(linter, without)) == [("sharing.missing-consent-basis", 5, 3)]


def test_reported_news_shared_staffing_and_plans_are_not_sharing_records(linter):
    note = """
    ---
    contact_date: 2026-11-12
    recorded_date: 2026-11-12
    ---
    Call from Steve's recovery worker at the drug and alcohol service.
    It was reported that Steve has relapsed on heroin.
    Daniel receives 42 hours a week of 1:1 support plus shared staffing overnight.
    Actions: district nurse to body map any further injuries and inform the social worker.
    """
    assert lint(linter, note) == []
    shared = note + "I passed this information on to his probation officer.\n"
    diagnostics = lint(linter, shared)
    assert ("sharing.missing-purpose", 9, 3) in found(diagnostics)
    assert "with his probation officer but not why" in next(
        d.message for d in diagnostics if d.rule == "sharing.missing-purpose")


def test_insecure_channels(linter):
    note = """
    ---
    contact_date: 2026-11-24
    recorded_date: 2026-11-24
    ---
    With Mrs Okafor's consent I emailed her plan to her son at okafor.family@gmail.com.
    Mr Okafor replied to say he had received it.
    I texted Mr Walsh to confirm Thursday's visit.
    I texted the refuge address to Ms Hall.
    Ms Hall showed me WhatsApp messages from Lee.
    """
    diagnostics = lint(linter, note)
    assert found(diagnostics, "sharing.insecure") == [("sharing.insecure-channel", 5, 60),
                                                      ("sharing.insecure-channel", 8, 3)]
    assert "personal email address" in diagnostics[0].message
    assert "Use your organisation's secure email or system." in diagnostics[-1].message


def test_note_style_telling_an_agency_is_a_sharing_record(linter):
    # "Police informed" leaves out "were": the police were told. A bare decision not to
    # tell Mum is not a record that she knows; with its reason, it is.
    note = """
    Strategy discussion
    Date: 16/11/2026

    It is understood that there have been previous call-outs to the address.
    Outcome: Police informed and will do checks on partner. School and GP informed of outcome.
    Mum not to be told at this stage.
    """
    assert found(lint(linter, note), "sharing.") == [
        ("sharing.missing-consent-basis", 5, 17), ("sharing.missing-purpose", 5, 17),
        ("sharing.person-not-informed", 5, 17), ("sharing.receipt-not-confirmed", 5, 17)]
    reason = note.replace("at this stage.", "yet, because the police need to speak to Kai first.")
    assert "sharing.person-not-informed" not in {d.rule for d in lint(linter, reason)}
    # An agency that tells the writer, or one that is to keep the writer updated, is not
    # the writer sharing.
    incoming = """
    ---
    contact_date: 2026-11-16
    recorded_date: 2026-11-16
    ---
    Call from school. School informed me that Tyler was withdrawn in class. School to keep SW updated.
    """
    assert found(lint(linter, incoming), "sharing.") == []


def test_a_person_sent_or_advice_given_is_not_a_sharing_record(linter):
    note = """
    ---
    contact_date: 2026-11-12
    recorded_date: 2026-11-12
    ---
    Tyrese is being criminally exploited. He was sent out of the area with phones and cash.
    I advised Mrs Holt, the class teacher, not to contact Mum until I had spoken to my manager.
    """
    assert found(lint(linter, note), "sharing.") == []
    # A referral of the person is still a record of sharing.
    referred = note + "He was referred to the exploitation panel.\n"
    assert ("sharing.missing-consent-basis", 7, 8) in found(lint(linter, referred), "sharing.")


def test_what_was_said_in_a_call_needs_no_receipt_but_what_was_sent_does(linter):
    note = """
    ---
    subject: Isla Roberts
    contact_date: 2026-11-19
    recorded_date: 2026-11-19
    ---
    Phone call from Megan Lloyd, health visitor, because Isla has missed two appointments.
    Chloe gave me her consent, in writing, to share information with the health visitor.
    I told Megan that I saw Chloe and Isla at home on 16 November.
    """
    assert found(lint(linter, note), "sharing.") == []
    sent = note + "I emailed Megan the child in need plan.\n"
    assert found(lint(linter, sent), "sharing.") == [("sharing.receipt-not-confirmed", 9, 3)]


@pytest.mark.parametrize("told", [
    "Mr Aldous gave me his consent, on the visit, to speak to Shirley about his flat.",
    "At the visit I asked Amelia whether I could share what she told me with CAMHS. She said yes.",
    "**Telling Amelia:** I texted Amelia at 2.40pm on the number she gave me for this.",
])
def test_asking_consent_or_a_telling_field_shows_the_person_knows(linter, told):
    note = f"""
    ---
    subject: Amelia Aldous
    contact_date: 2026-11-10
    recorded_date: 2026-11-10
    ---
    I rang Shirley Green, housing officer, so that the gas check can go ahead.
    I told Shirley that the boiler cupboard is blocked. Shirley emailed me at 4.10pm to confirm.
    {told}
    """
    assert found(lint(linter, note), "sharing.person") == []
    assert found(lint(linter, note.replace(told, "")), "sharing.person") == [
        ("sharing.person-not-informed", 7, 3)]


@pytest.mark.parametrize("evidence, rule", [
    ("Mum said I could share the plan with the school.", "sharing.missing-consent-basis"),
    ("I asked Mum whether I could share the plan with the school.", "sharing.missing-consent-basis"),
    ("The DSL emailed back at 3pm.", "sharing.receipt-not-confirmed"),
    ("The school logged it: reference number OPS-4471.", "sharing.receipt-not-confirmed"),
])
def test_plain_words_for_consent_and_receipt(linter, evidence, rule):
    note = f"""
    ---
    contact_date: 2026-11-18
    recorded_date: 2026-11-18
    ---
    I emailed the safety plan to the DSL at Oak Primary School, so that staff know what to watch for.
    {evidence}
    """
    assert rule not in {d.rule for d in lint(linter, note)}
    assert (rule, 5, 3) in found(lint(linter, note.replace(evidence, "")))


@pytest.mark.parametrize("header, line, column", [
    ("Date of contact: 06/11/2026 (Fri)\nDate of recording: 13/11/2026\n", 2, 20),
    ("Summary of emails 2–13 November 2026 – added 23/11/2026 (J. Rafferty)\n", 1, 46),
])
def test_recording_and_added_name_the_recorded_date(linter, header, line, column):
    note = header + "\nVisit to the family home at 4.30pm.\n"
    assert found(lint(linter, note), "timeliness.late") == [("timeliness.late-recording", line, column)]


def test_vague_periods_of_weeks_or_days(linter):
    note = """
    ---
    contact_date: 2026-11-23
    recorded_date: 2026-11-23
    ---
    Several emails have been received over the last couple of weeks from the nursery.
    Mum said she has been sleeping badly for the past few days (since Friday 20 November).
    """
    assert found(lint(linter, note)) == [("timeliness.vague-time", 5, 40)]


def test_every_timeliness_and_sharing_rule_passes_its_own_examples(linter):
    assert {r.id for r in linter.rules} >= {
        "timeliness.late-recording", "timeliness.recorded-before-contact", "timeliness.future-date",
        "timeliness.missing-contact-date", "timeliness.invalid-date", "timeliness.vague-time",
        "sharing.missing-recipient", "sharing.missing-purpose", "sharing.missing-consent-basis",
        "sharing.person-not-informed", "sharing.receipt-not-confirmed", "sharing.insecure-channel"}
    failures = [f for rule in linter.rules for f in linter.run_examples(rule)]
    assert failures == []

# Corpus quality for these categories is scored with all the others in test_quality.py.


def test_a_field_label_is_not_itself_a_record_of_sharing(linter):
    """'Information shared:' heads the record; the sentences after it are what count.
    Agreeing to the sharing means the person knows about it."""
    diagnostics = lint(linter, """
        ---
        subject: Freddie
        note_type: home visit
        contact_date: 2026-11-24
        recorded_date: 2026-11-24
        ---
        Information shared: Steve agreed that I could tell Freddie's class teacher, Mr Doyle, about the sticker chart so school can use the same rewards.
        I phoned Mr Doyle and told him about the chart. Mr Doyle confirmed he understood.
        I sent my assessment by secure email to the DoLS office for sign-off.
        """)
    assert found(diagnostics, "sharing.") == []


def test_a_field_label_with_an_unrecorded_sharing_after_it_is_still_checked(linter):
    diagnostics = lint(linter, """
        ---
        contact_date: 2026-11-24
        recorded_date: 2026-11-24
        ---
        Information shared:
        - Emailed the chronology to the school.
        """)
    assert ("sharing.missing-purpose", 6, 3) in found(diagnostics, "sharing.")


# ---------------------------------------------------------------- recipients, adults, channels


@pytest.fixture(scope="module")
def unmasked(linter) -> Linter:
    """The same rules, showing names in full, so a message's recipient can be read."""
    return Linter(linter.rules, linter.config, linter.pipeline, mask=False)


def recipients(diagnostics, rule: str = "sharing.missing-purpose") -> list[str]:
    return [d.message.split(" with ", 1)[1].split(" but not ")[0]
            for d in diagnostics if d.rule == rule]


@pytest.mark.parametrize("sentence, column, recipient", [
    ("I sent my assessment by secure email to the DoLS office on 03/11.", 3, "the DoLS office"),
    ("I shared the chronology with DC Marsh.", 3, "DC Marsh"),
    ("Referral made to the youth and family service.", 1, "the youth and family service"),
    # Whose letter it is, and what Mia said to whom, are not who received it.
    ("I have sent a copy of Dr Rao's letter to the children's school.", 8, "the children's school"),
    ("I phoned Sergeant Patel and shared what Mia told her teacher this morning.", 29,
     "Sergeant Patel"),
    ("I passed this information on to his probation officer.", 3, "his probation officer"),
])
def test_the_message_names_the_recipient_in_full(unmasked, sentence, column, recipient):
    diagnostics = lint(unmasked, f"""
        ---
        contact_date: 2026-11-24
        recorded_date: 2026-11-24
        ---
        {sentence}
        """)
    assert found(diagnostics, "sharing.missing-purpose") == [("sharing.missing-purpose", 5, column)]
    assert recipients(diagnostics) == [recipient]


ADULT_INCIDENT = """
    ---
    subject: Aaron Whitby
    subject_type: {subject_type}
    note_type: incident record
    contact_date: 2026-11-08
    recorded_date: 2026-11-08
    ---
    Incident approx 18:30. Aaron threw a plate in the communal kitchen.

    No injuries. Mum informed by text.
    """


def test_telling_an_adults_mother_is_sharing_but_a_childs_is_not(unmasked):
    adult = lint(unmasked, ADULT_INCIDENT.format(subject_type="adult"))
    assert ("sharing.missing-consent-basis", 10, 18) in found(adult, "sharing.")
    assert recipients(adult, "sharing.missing-consent-basis") == ["Mum"]
    child = lint(unmasked, ADULT_INCIDENT.format(subject_type="child"))
    assert found(child, "sharing.") == []


def test_an_adults_relative_told_with_consent_needs_no_consent_finding(linter):
    diagnostics = lint(linter, """
        ---
        subject: Aaron Whitby
        subject_type: adult
        contact_date: 2026-11-08
        recorded_date: 2026-11-08
        ---
        Aaron agreed that I could tell his mum. Mum informed by phone so that she can visit him on Sunday.
        """)
    assert found(diagnostics, "sharing.missing-consent") == []
    assert found(diagnostics, "sharing.missing-purpose") == []


def test_a_text_that_says_it_carried_no_case_details_is_not_insecure(linter):
    diagnostics = lint(linter, """
        ---
        contact_date: 2026-11-16
        recorded_date: 2026-11-16
        ---
        I texted Steve (work phone, no personal details) to say the call had been made.
        I texted Steve the address of the refuge, no other details.
        """)
    assert found(diagnostics, "sharing.insecure") == [("sharing.insecure-channel", 6, 3)]


# ---------------------------------------------------------------- jargon and labelling vocabulary


@pytest.fixture(scope="module")
def words_linter() -> Linter:
    rules = [r for r in load_rules([builtin_rules_dir()])
             if r.category in ("jargon", "labelling") and r.enabled]
    return Linter(rules, Config(), mask=False)


def test_phone_and_maternity_shorthand_and_service_acronyms(words_linter):
    diagnostics = lint(words_linter, """
        Tel call to Chantelle, 34+2 weeks pregnant, 9.40am.
        PC Daniels rang EDT to report Skye missing. DC Marsh and DS Khan will visit.
        OT and PT say she is MFFD.
        """)
    assert found(diagnostics) == [
        ("jargon.note-shorthand", 1, 1), ("jargon.gestation-shorthand", 1, 24),
        ("jargon.undefined-acronym", 2, 17),  # EDT; police ranks before a name are titles
        ("jargon.undefined-acronym", 3, 1), ("jargon.undefined-acronym", 3, 8),
        ("jargon.undefined-acronym", 3, 22),
    ]


def test_an_insult_is_a_label_and_a_childs_toileting_is_not_service_language(words_linter):
    diagnostics = lint(words_linter, """
        Gavin is known to be a nasty piece of work.
        The plan is about Freddie's toileting and Poppy's school attendance.
        Staff were toileting her every two hours.
        This piece of work with Tyler will look at his feelings about moving.
        """)
    assert found(diagnostics) == [("labelling.blaming-label", 1, 24),
                                  ("labelling.institutional-language", 3, 12)]


def test_made_aware_and_were_informed_record_who_was_told(unmasked):
    diagnostics = lint(unmasked, """
        ---
        subject: Jamie Cole
        contact_date: 2026-11-24
        recorded_date: 2026-11-24
        ---
        I was made aware by school that Jamie had a bruise. Mum made a cake.
        The school nurse was made aware of the bruise.
        """)
    assert found(diagnostics, "sharing.missing-purpose") == [("sharing.missing-purpose", 7, 22)]
    assert recipients(diagnostics) == ["the school nurse"]
    diagnostics = lint(unmasked, """
        ---
        contact_date: 2026-11-24
        recorded_date: 2026-11-24
        ---
        Housing were informed. Police made aware at 19:20.
        """)
    assert found(diagnostics, "sharing.missing-purpose") == [("sharing.missing-purpose", 5, 14)]
    assert recipients(diagnostics) == ["Housing"]


def test_her_after_a_named_officer_is_the_officer_not_the_family(unmasked):
    diagnostics = lint(unmasked, """
        ---
        subject: Skye Hennessy
        contact_date: 2026-11-24
        recorded_date: 2026-11-24
        ---
        Spoke to DC Marsh and gave her the address of the flat.
        I phoned Skye and told her what I had done.
        """)
    assert found(diagnostics, "sharing.missing-purpose") == [("sharing.missing-purpose", 6, 23)]
    assert recipients(diagnostics) == ["DC Marsh"]


# ------------------------------------------- sharing: round 4 classes (probe notes)


def test_them_after_a_call_to_an_organisation_is_that_organisation(linter):
    """Terse notes name whom they rang, then say what they gave "them"."""
    d = lint(linter, """\
        Rang the housing office at Leabrook Council. Gave them Mr Pike's new address and told them about his stroke.
        """)
    assert ("sharing.missing-consent-basis", 1, 46) in found(d, "sharing")
    # "them" is the family when nothing was rung before.
    d = lint(linter, "Mum and Dad came to the office. Gave them a copy of the plan.\n")
    assert found(d, "sharing") == []


def test_a_bare_verb_after_a_past_one_is_what_was_done(linter):
    d = lint(linter, "I phoned the nursery and let them know about the injunction against Dad.\n")
    assert [r for r, _, _ in found(d, "sharing.missing-consent")] == ["sharing.missing-consent-basis"]
    # An instruction in a list is still not a record: "Ring school and let them know".
    d = lint(linter, "Actions: ring the nursery and let them know about the injunction.\n")
    assert found(d, "sharing") == []


@pytest.mark.parametrize("asked", [
    "Mrs Obi had asked us to keep her niece informed.",
    "I did this at her own request.",
])
def test_shared_because_the_person_asked_for_it(linter, asked):
    d = lint(linter, f"""\
        ---
        subject: Grace Obi
        subject_type: adult
        ---
        I told her niece, Ada Mensah, about the move to Elm Ward so that she can visit. {asked}
        """)
    assert not [f for f in found(d, "sharing") if f[0] in
                ("sharing.missing-consent-basis", "sharing.person-not-informed")]
    # Without the request, both are asked for.
    d = lint(linter, """\
        ---
        subject: Grace Obi
        subject_type: adult
        ---
        I told her niece, Ada Mensah, about the move to Elm Ward so that she can visit.
        """)
    assert {f[0] for f in found(d, "sharing")} >= {"sharing.missing-consent-basis", "sharing.person-not-informed"}


@pytest.mark.parametrize("handover", [
    "Passed to day team for follow-up.",
    "I told her social worker, Femi Ade, by phone.",
    "Allocated worker informed by email.",
])
def test_handing_over_inside_the_service_is_not_sharing_outside_it(linter, handover):
    d = lint(linter, f"Out-of-hours call from Leah, 17, who was upset after a row with her foster carer. {handover}\n")
    assert found(d, "sharing") == []
    # Another organisation's worker is outside it.
    d = lint(linter, "I told the social worker at the hospital that Leah was upset.\n")
    assert "sharing.missing-consent-basis" in [r for r, _, _ in found(d, "sharing")]
