"""Bits every page uses: dates in Chinese, the demo note, links between pages."""

from __future__ import annotations

import datetime as dt
from html import escape

from privtravel.model import Campaign, UnitConfig


def date_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def demo_note(campaign: Campaign) -> str:
    if not campaign.demo:
        return ""
    return '<p class="demo-banner"><strong>示例数据</strong>：本看板中的单位和人员均为虚构，仅供演示。</p>\n'


def unit_page(config: UnitConfig) -> str:
    """The unit page's path inside docs/, nested by unit code (navigation stays small)."""
    return f"units/{config.code}.md"


def unit_link(config: UnitConfig, from_dir: str) -> str:
    """A Markdown link from a page in ``from_dir`` (e.g. '' or 'units') to the unit's page."""
    depth = len([p for p in from_dir.split("/") if p])
    return f"[{config.name}]({'../' * depth}{unit_page(config)})"


# Front matter of a page made of wide tables: its own table of contents gives way to them.
WIDE_PAGE = ["---", "hide:", "  - toc", "---", ""]


def cell(text: object) -> str:
    """Text for a table cell, Markdown or HTML: escaped, and a「|」cannot end the cell."""
    return escape(str(text)).replace("|", "&#124;")


def html_table(
    headers: list[str],
    rows: list[list[str]],
    *,
    numeric: frozenset[int] = frozenset(),
    row_ids: list[str] | None = None,
) -> str:
    """A plain HTML table from already escaped cells; ``row_ids`` gives each row an anchor.

    Long tables are written as HTML rather than Markdown: Markdown's inline processing of every
    cell was most of the site's build time at province scale.
    """
    head = "".join(f"<th>{h}</th>" for h in headers)
    ids = row_ids or [""] * len(rows)
    body = "".join(
        (f'<tr id="{escape(rid)}">' if rid else "<tr>")
        + "".join(f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>" for i, c in enumerate(row))
        + "</tr>\n"
        for row, rid in zip(rows, ids, strict=True)
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>"
