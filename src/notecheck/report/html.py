"""The report as one HTML page: no script, and nothing loaded from anywhere (styles are
inline, fonts are the reader's own, charts are inline SVG), so it opens offline and can
be sent by email. Every chart has its figures in a table beside it."""

from __future__ import annotations

from html import escape

from notecheck.report.charts import Charts
from notecheck.report.collect import NO_DATE, NOT_GIVEN

TOP_RULES = 15
TOP_GROUPS = 25

LABELS = {"team": "team", "author": "worker", "note_type": "type of note", "month": "month"}

CSS = """
body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;margin:0;background:#f3f2f1;line-height:1.4}
main{max-width:960px;margin:0 auto;padding:24px;background:#fff}
h1{font-size:2em;margin:0 0 .2em}h2{font-size:1.5em;margin:1.6em 0 .4em;border-top:2px solid #1d70b8;padding-top:.6em}
h3{font-size:1.15em;margin:1.2em 0 .3em}
p.lead{font-size:1.15em;color:#505a5f;margin-top:0}
.cards{display:flex;flex-wrap:wrap;gap:12px;margin:12px 0}
.card{flex:1 1 200px;border-left:6px solid #1d70b8;background:#f3f2f1;padding:10px 14px}
.card b{display:block;font-size:2em}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:.95em}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #b1b4b6;vertical-align:top}
th{background:#f3f2f1}td:first-child{min-width:7em}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:8px 0}figure svg{width:100%;height:auto;max-width:860px}
.note{background:#fff7e6;border-left:6px solid #f47738;padding:8px 12px}
code{font-family:Consolas,Menlo,monospace;font-size:.95em}
footer{color:#505a5f;font-size:.9em;margin-top:2em}
@media print{body{background:#fff}main{padding:0}figure{page-break-inside:avoid}}
"""


def _pct(value: float) -> str:
    return f"{value * 100:.0f}%"


def _count(number: int, word: str) -> str:
    return f"{number:,} {word}{'' if number == 1 else 's'}"


def _e(value) -> str:
    return escape("" if value is None else str(value), quote=True)


def _table(headers: list[tuple[str, bool]], rows: list[list]) -> str:
    """headers: (text, numeric?)."""
    head = "".join(f'<th scope="col"{" class=n" if numeric else ""}>{_e(text)}</th>'
                   for text, numeric in headers)
    body = []
    for row in rows:
        cells = "".join(f'<td{" class=n" if numeric else ""}>{_e(value)}</td>'
                        for (_, numeric), value in zip(headers, row))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def render(report: dict, *, title: str = "Case note recording: what the notes show") -> str:
    charts = Charts()
    summary = report["summary"]
    notes = summary["notes"]
    parts = [f"<h1>{_e(title)}</h1>",
             f'<p class="lead">{_count(notes, "note")} in {_count(summary["files"], "file")}, '
             f'checked by notecheck on {_e(report["generated"])} against '
             f'{_count(summary["rules"], "rule")}.</p>']

    # Headline figures.
    cards = [("notes checked", f"{notes:,}"),
             ("notes with something to improve", _pct(summary["share_with_finding"])),
             ("findings", f"{summary['findings']:,}")]
    recording = report["recording_time"]
    if recording["notes_with_both_dates"]:
        cards.append((f"recorded within {recording['within_days']} working "
                      f"day{'s' if recording['within_days'] != 1 else ''}",
                      _pct(recording["share_within"])))
    parts.append('<div class="cards">' + "".join(
        f'<div class="card"><b>{_e(value)}</b>{_e(label)}</div>' for label, value in cards) + "</div>")
    if summary["internal_errors"]:
        parts.append(f'<p class="note">notecheck could not check {summary["internal_errors"]} '
                     "note(s) for every rule (an internal error), so the figures are a little low. "
                     "Run 'notecheck check' on the same files to see which.</p>")
    if summary["input_problems"]:
        problems = ", ".join(f"{p['count']} {p['rule']}" for p in report["input_problems"])
        parts.append(f'<p class="note">{summary["input_problems"]} part(s) of the input could not be '
                     f"read as notes ({_e(problems)}) and are not counted. Run 'notecheck check' on "
                     "the same files to see where.</p>")

    # Categories.
    categories = report["categories"]
    parts.append("<h2>What needs attention</h2>")
    parts.append("<p>The share of notes with at least one finding of each kind. One note can "
                 "have findings of several kinds.</p>")
    parts.append("<figure>" + charts.bars(
        "Notes with a finding, by kind", [c["category"] for c in categories],
        [c["share_of_notes"] * 100 for c in categories]) + "</figure>")
    parts.append(_table([("kind", False), ("notes with a finding", True), ("share of notes", True),
                         ("findings", True)],
                        [[c["category"], f"{c['notes_with_finding']:,}", _pct(c["share_of_notes"]),
                          f"{c['findings']:,}"] for c in categories]))

    # Breakdowns.
    for dimension, rows in report["by"].items():
        parts.extend(_breakdown(charts, dimension, rows, [c["category"] for c in categories]))

    # Rules.
    rules = report["rules"][:TOP_RULES]
    parts.append("<h2>The rules that fire most</h2>")
    if rules:
        parts.append("<p>'notecheck explain RULE' says why each matters and what to write instead.</p>")
        parts.append(_table([("rule", False), ("what it checks", False), ("findings", True),
                             ("notes", True), ("share of notes", True)],
                            [[r["rule"], r["what_it_checks"], f"{r['findings']:,}",
                              f"{r['notes_with_finding']:,}", _pct(r["share_of_notes"])] for r in rules]))
    else:
        parts.append("<p>No rule found anything.</p>")

    # Recording time.
    parts.append("<h2>How long recording takes</h2>")
    if recording["notes_with_both_dates"]:
        parts.append(f"<p>Working days from the contact to the note being recorded (weekends and "
                     f"bank holidays not counted), for the {recording['notes_with_both_dates']:,} notes "
                     f"that give both dates. Half were recorded within "
                     f"{_count(recording['median_working_days'], 'working day')}, nine in ten within "
                     f"{recording['p90_working_days']}; {_pct(recording['share_over'])} took more than "
                     f"{recording['over_days']}.</p>")
        buckets = recording["buckets"]
        parts.append("<figure>" + charts.columns("Notes by working days to recording",
                                                 [b["bucket"] for b in buckets],
                                                 [b["notes"] for b in buckets]) + "</figure>")
        parts.append(_table([("working days to recording", False), ("notes", True), ("share", True)],
                            [[b["bucket"], f"{b['notes']:,}", _pct(b["share"])] for b in buckets]))
    else:
        parts.append("<p>No note gives both a contact date and a recorded date, so recording time "
                     "cannot be shown. Exports usually have them as columns such as 'Contact Date' "
                     "and 'Recorded Date'.</p>")

    if "excerpts" in report:
        parts.append("<h2>Examples</h2>")
        parts.append("<p>Up to three lines for each rule, with identifiers and the names the "
                     "notes' metadata gives masked. This section is personal data: share it only "
                     "as you would the records.</p>")
        parts.append(_table([("rule", False), ("note", False), ("line", True), ("excerpt", False)],
                            [[x["rule"], x["note"] or "", x["line"], x["excerpt"]]
                             for x in report["excerpts"]]))

    parts.append("<footer><p>This report holds counts only: no note text"
                 + (" except the examples above" if "excerpts" in report else "")
                 + (", and workers' names only because it was asked to break the figures down by "
                    "worker" if "author" in report["by"] else ", and no worker's name")
                 + ". A finding is a prompt to look, not a judgement of the practitioner: read "
                 "the notes themselves before drawing conclusions.</p></footer>")
    page = ("<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_e(title)}</title><style>{CSS}</style></head><body><main>"
            + "\n".join(parts) + "</main></body></html>\n")
    return page


def _breakdown(charts: Charts, dimension: str, rows: list[dict], categories: list[str]) -> list[str]:
    label = LABELS[dimension]
    out = [f"<h2>By {label}</h2>"]
    known = [r for r in rows if r[dimension] not in (NOT_GIVEN, NO_DATE)]
    if not known:
        out.append(f"<p>The notes do not say their {label}"
                   + (" (no column such as 'Team', 'Service' or 'Locality')" if dimension == "team" else "")
                   + ".</p>")
        return out
    if dimension == "month":
        months = [r["month"] for r in known]
        series = {"any finding": [r["share_with_finding"] * 100 for r in known]}
        for category in categories:
            values = [r[f"share_{category}"] * 100 for r in known]
            if any(values):
                series[category] = values
        out.append("<figure>" + charts.trend("Share of notes with a finding, by month", months, series)
                   + "</figure>")
    else:
        shown = known[:TOP_GROUPS]
        out.append("<figure>" + charts.bars(f"Notes with a finding, by {label}",
                                            [r[dimension] for r in shown],
                                            [r["share_with_finding"] * 100 for r in shown]) + "</figure>")
        if len(known) > TOP_GROUPS:
            out.append(f"<p>The chart shows the {TOP_GROUPS} {label}s with most notes; the table has all.</p>")
    headers = [(label, False), ("notes", True), ("with a finding", True),
               ("median working days to record", True)]
    headers += [(c, True) for c in categories]
    out.append(_table(headers, [[r[dimension], f"{r['notes']:,}", _pct(r["share_with_finding"]),
                                 "" if r["median_working_days_to_record"] is None
                                 else r["median_working_days_to_record"],
                                 *(_pct(r[f"share_{c}"]) for c in categories)] for r in rows]))
    return out

