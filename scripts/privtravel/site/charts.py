"""Small charts made at build time as plain HTML and CSS: no chart library, nothing from a CDN.

HTML rather than SVG: the labels are text of the page, so they keep their size on a phone (an SVG
scaled to 390 px drew 7 px text), wrap when long, print, and are read out by screen readers.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

PALETTE = ("#b71c1c", "#a14400", "#2e7d32", "#1565c0", "#6a1b9a", "#00695c", "#5d4037", "#455a64")


def bars(title: str, items: Sequence[tuple[str, int]], *, unit: str = "") -> str:
    """A horizontal bar chart, one bar per (label, value), the value written after the bar."""
    if not items:
        return ""
    biggest = max((v for _, v in items), default=0) or 1
    rows = "".join(
        f'<div class="bar-row"><span class="bar-label">{escape(label)}</span>'
        f'<span class="bar-track"><span class="bar" style="width:{value * 100 / biggest:.1f}%;'
        f'background:{PALETTE[i % len(PALETTE)]}"></span>'
        f'<span class="bar-value">{value}{escape(unit)}</span></span></div>'
        for i, (label, value) in enumerate(items)
    )
    return f'<figure class="chart bars"><figcaption>{escape(title)}</figcaption>{rows}</figure>'


def stacked(title: str, parts: Sequence[tuple[str, int, str]]) -> str:
    """One stacked bar (label, value, colour) with a legend: e.g. reported / partly / not at all."""
    total = sum(v for _, v, _ in parts) or 1
    segments = "".join(
        f'<span class="seg" style="width:{value * 100 / total:.1f}%;background:{colour}" '
        f'title="{escape(label)} {value}"></span>'
        for label, value, colour in parts
        if value
    )
    legend = "".join(
        f'<li><span class="swatch" style="background:{colour}"></span>{escape(label)} {value}</li>'
        for label, value, colour in parts
    )
    return (
        f'<figure class="chart stacked"><figcaption>{escape(title)}</figcaption>'
        f'<div class="stack" role="img" aria-label="{escape(title)}">{segments}</div>'
        f'<ul class="legend">{legend}</ul></figure>'
    )
