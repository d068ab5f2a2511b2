"""Charts as inline SVG, drawn by pygal.

pygal draws SVG natively in pure Python (no browser, no native libraries), so a chart
becomes part of the HTML page itself and the page opens offline and travels by email.
Its output is made self-contained here: pygal's tooltip script (which it would load from
its website) is never included, the inline config script, the comments naming pygal's
website and the namespace declarations (HTML reads inline SVG without them) are removed,
and the random chart id becomes a stable one so the same data gives the same page.
"""

from __future__ import annotations

import re

FONT = "Arial, Helvetica, sans-serif"
# GOV.UK Design System colours: readable on white, told apart by most colour-blind readers.
COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#5694ca", "#912b88",
           "#85994b", "#b58840", "#28a197", "#6f72af", "#505a5f")

_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_XMLNS = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"')
_ID = re.compile(r'id="chart-([0-9a-f-]{36})"')
_TEXT = re.compile(r">[^<]*<")
_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
# Anything that could make a mail client or browser fetch something.
NETWORK = re.compile(r"https?:|//|url\(|@import|src=|<script|<link", re.I)


def _style():
    from pygal.style import Style

    return Style(font_family=FONT, background="white", plot_background="white",
                 foreground="#0b0c0c", foreground_strong="#0b0c0c", foreground_subtle="#505a5f",
                 colors=COLOURS, opacity="0.9", opacity_hover="1", title_font_size=18,
                 label_font_size=13, major_label_font_size=13, legend_font_size=13,
                 value_font_size=13, tooltip_font_size=13, value_label_font_size=13)


def _config(**extra) -> dict:
    base = dict(js=[], disable_xml_declaration=True, style=_style(), width=860, height=360,
                margin=16, print_values=True, show_y_guides=True, legend_at_bottom=True,
                truncate_label=-1, truncate_legend=-1)
    base.update(extra)
    return base


def _whole(value) -> str:
    return "" if value is None else f"{value:,.0f}"


def _percent(value) -> str:
    return "" if value is None else f"{value:.0f}%"


def self_contained(svg: str, number: int) -> str:
    """pygal's SVG, with nothing that points outside the page."""
    match = _ID.search(svg)
    if match:
        svg = svg.replace(match.group(1), f"notecheck-{number}")
    svg = _XMLNS.sub("", _COMMENT.sub("", _SCRIPT.sub("", svg)))
    # A pygal upgrade that adds a reference must not slip through. Only the markup and the
    # style sheets are looked at: labels (a team called "Calls // texts") are text.
    markup = _TEXT.sub("><", svg)
    styles = " ".join(_STYLE.findall(svg))
    if NETWORK.search(markup) or NETWORK.search(styles):
        raise ValueError("a chart would refer to something outside the page")
    return svg


class Charts:
    """Numbers each chart, so ids are unique within a page."""

    def __init__(self):
        self.count = 0

    def _render(self, chart, label: str) -> str:
        self.count += 1
        svg = self_contained(chart.render(is_unicode=True), self.count)
        return svg.replace("<svg ", f'<svg role="img" aria-label="{_attr(label)}" ', 1)

    def bars(self, title: str, labels: list[str], values: list[float], *, percent: bool = True,
             series: str = "notes") -> str:
        """A horizontal bar per label (shares in %, or counts)."""
        import pygal

        height = max(160, 60 + 34 * len(labels))
        chart = pygal.HorizontalBar(**_config(height=height, show_legend=False,
                                              value_formatter=_percent if percent else _whole,
                                              title=title, print_values_position="top"))
        # pygal draws the first label at the bottom: reversed, the chart reads top-down
        # in the order of the table under it.
        chart.x_labels = labels[::-1]
        chart.add(series, values[::-1])
        if percent:
            chart.range = (0, max(100, *(v or 0 for v in values)) if values else 100)
        return self._render(chart, title)

    def columns(self, title: str, labels: list[str], values: list[int]) -> str:
        """A vertical bar per label (counts)."""
        import pygal

        chart = pygal.Bar(**_config(show_legend=False, title=title, value_formatter=_whole,
                                    x_label_rotation=0, min_scale=2))
        chart.x_labels = labels
        chart.add("notes", values)
        return self._render(chart, title)

    def trend(self, title: str, labels: list[str], series: dict[str, list[float]]) -> str:
        """One line per series over the labels (months), shares in %."""
        import pygal

        chart = pygal.Line(**_config(title=title, value_formatter=_percent, print_values=False,
                                     x_label_rotation=-30 if len(labels) > 8 else 0,
                                     show_dots=True, dots_size=3, range=(0, 100)))
        chart.x_labels = labels
        for name, values in series.items():
            chart.add(name, values)
        return self._render(chart, title)


def _attr(text: str) -> str:
    from html import escape

    return escape(text, quote=True)
