"""Small inline SVG charts made at build time: no chart library, nothing loaded from a CDN."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

PALETTE = ("#c62828", "#ef6c00", "#2e7d32", "#1565c0", "#6a1b9a", "#00838f", "#5d4037", "#546e7a")


def bars(title: str, items: Sequence[tuple[str, int]], *, unit: str = "") -> str:
    """A horizontal bar chart, one bar per (label, value), with the value written at the bar's end."""
    if not items:
        return ""
    width, label_w, row_h = 640, 190, 26
    biggest = max((v for _, v in items), default=0) or 1
    height = row_h * len(items) + 34
    rows = []
    for i, (label, value) in enumerate(items):
        y = 28 + i * row_h
        w = round((width - label_w - 60) * value / biggest)
        rows.append(
            f'<text x="{label_w - 8}" y="{y + 14}" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{label_w}" y="{y}" width="{w}" height="18" fill="{PALETTE[i % len(PALETTE)]}" rx="2"/>'
            f'<text x="{label_w + w + 6}" y="{y + 14}">{value}{escape(unit)}</text>'
        )
    return (
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} {height}" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="13" font-family="inherit">'
        f'<text x="0" y="16" font-weight="600">{escape(title)}</text>{"".join(rows)}</svg>'
    )


def stacked(title: str, parts: Sequence[tuple[str, int, str]]) -> str:
    """One stacked bar (label, value, colour) with a legend: e.g. reported / partly / not at all."""
    total = sum(v for _, v, _ in parts) or 1
    width, x = 640, 0.0
    rects, legend = [], []
    for i, (label, value, colour) in enumerate(parts):
        w = (width - 2) * value / total
        if value:
            rects.append(f'<rect x="{x:.1f}" y="24" width="{w:.1f}" height="22" fill="{colour}"/>')
        x += w
        legend.append(
            f'<rect x="{i * 160}" y="56" width="12" height="12" fill="{colour}"/>'
            f'<text x="{i * 160 + 18}" y="67">{escape(label)} {value}</text>'
        )
    return (
        f'<svg class="chart" role="img" aria-label="{escape(title)}" viewBox="0 0 {width} 76" '
        f'xmlns="http://www.w3.org/2000/svg" font-size="13" font-family="inherit">'
        f'<text x="0" y="16" font-weight="600">{escape(title)}</text>{"".join(rects)}{"".join(legend)}</svg>'
    )
