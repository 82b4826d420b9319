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


def days(
    title: str, labels: Sequence[str], bars: Sequence[tuple[str, Sequence[int], str]], *, note: str = ""
) -> str:
    """Bars by day (several series side by side), as inline SVG sized for a phone: the view box is
    about a phone's width, so its 13-unit text stays near 12 px at 390 px and grows on a desktop only
    up to the figure's max-width.  Title and legend are HTML; the figures are also in a data table."""
    width, height, left, bottom, top = 360, 170, 40, 34, 16
    count = len(labels) or 1
    biggest = max((v for _, values, _ in bars for v in values), default=0)
    scale = _nice(biggest)
    plot = height - bottom - top
    slot = (width - left - 4) / count
    bar = max(1.0, min(28.0, slot * 0.8 / max(1, len(bars))))
    pad = (slot - bar * len(bars)) / 2
    parts = [
        f'<line x1="{left}" y1="{top + plot}" x2="{width}" y2="{top + plot}" stroke="#757575"/>',
        f'<text x="{left - 4}" y="{top + 10}" text-anchor="end">{scale}</text>',
        f'<text x="{left - 4}" y="{top + plot}" text-anchor="end">0</text>',
        f'<line x1="{left}" y1="{top}" x2="{width}" y2="{top}" stroke="#e0e0e0"/>',
    ]
    for s, (name, values, colour) in enumerate(bars):
        for i, value in enumerate(values):
            if not value:
                continue
            h = plot * value / scale
            x = left + i * slot + pad + s * bar
            parts.append(
                f'<rect x="{x:.1f}" y="{top + plot - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colour}"><title>{escape(labels[i])} {escape(name)} {value}</title></rect>'
            )
            if bar >= 16:  # room for the figure above its bar
                parts.append(
                    f'<text x="{x + bar / 2:.1f}" y="{top + plot - h - 3:.1f}" text-anchor="middle" '
                    f'font-size="11">{value}</text>'
                )
    step = max(1, -(-count // 5))  # at most 5 or 6 date labels: they must not overlap on a phone
    for i in range(0, count, step):
        x, anchor, half = left + i * slot + slot / 2, "middle", len(labels[i]) * 3.8  # digits: ~0.58 em
        if x + half > width:  # the last label ends at the edge instead of running past it
            x, anchor = width, "end"
        elif x - half < 0:
            x, anchor = 0, "start"
        parts.append(
            f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="{anchor}">{escape(labels[i])}</text>'
        )
    summary = "；".join(f"{name}共 {sum(values)}" for name, values, _ in bars)
    legend = "".join(
        f'<li><span class="swatch" style="background:{colour}"></span>{escape(name)}</li>'
        for name, _, colour in bars
    )
    aria = escape(f"{title}：{len(labels)} 天，{summary}")
    return (
        f'<figure class="chart days"><figcaption>{escape(title)}</figcaption>'
        f'<svg class="days" viewBox="0 0 {width} {height}" role="img" aria-label="{aria}" '
        f'font-size="13" fill="#212121">{"".join(parts)}</svg>'
        f'<ul class="legend">{legend}</ul>{f"<p>{escape(note)}</p>" if note else ""}</figure>'
    )


def _nice(value: int) -> int:
    """The axis top: 1, 2 or 5 times a power of ten, at least ``value``."""
    top = 1
    while top < value:
        for factor in (2, 5 / 2, 2):
            top = int(top * factor)
            if top >= value:
                break
    return top
