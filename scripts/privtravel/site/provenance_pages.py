"""数字的来源, split: one small page per row of 附件2/附件3 (a unit, a region's 小计, the 合计).

At province scale the provenance is tens of megabytes; one page of it took seconds to open and
could not be scrolled to its entry on a phone.  A figure now links to its row's page
(``stats-sources/<row>.html#src-…``), where the entry is highlighted (CSS ``:target``); the
pages are written after MkDocs, from the built 数字的来源 page, so they carry the site's navigation
and style (same folder, so the page's relative links stay right).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from html import escape
from pathlib import Path

from privtravel.diagnostics import FatalError
from privtravel.stats import html as stats_html
from privtravel.stats.compute import Statistics
from privtravel.stats.provenance import Lines
from privtravel.stats.table import Row, Table

SOURCES_PAGE = "stats-sources"  # as site/pages/statistics.py names it


def row_of(anchor: str, keys: list[str]) -> str:
    """The row anchor of a source anchor ``src-<row>-<column key>``."""
    body = anchor.removeprefix("src-")
    for key in sorted(keys, key=len, reverse=True):
        if body.endswith("-" + key):
            return body[: -len(key) - 1]
    return body


def href(stats: Statistics, prefix: str) -> Callable[[str], str]:
    """A figure's link to its provenance entry, from a page ``prefix`` away from the site root."""
    keys = [c.key for t in stats.tables for c in t.spec.data_columns]
    return lambda anchor: f"{prefix}{SOURCES_PAGE}/{row_of(anchor, keys)}.html#{anchor}"


def write_fragments(stats: Statistics, lines: Lines, folder: Path, mask: Callable[[str], str]) -> None:
    """Each row's provenance as ``folder/<row>.html``, and ``folder/index.html`` listing the rows."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    index = ['<div class="privtravel-sources-index">']
    for table in stats.tables:
        index.append(f"<h2>{escape(table.spec.attachment)}</h2><ul>")
        for row in table.rows:
            fragment = stats_html.provenance_html(
                stats,
                lines,
                table_href=_table_href,
                only=_just(table, row),
            )
            if "stats-source" not in fragment:
                continue
            name = stats_html.row_anchor(table, row)
            back = '<p><a href="index.html">← 数字的来源（全部）</a></p>'
            (folder / f"{name}.html").write_text(back + mask(fragment), encoding="utf-8")
            index.append(f'<li><a href="{name}.html">{escape(row.label)}</a></li>')
        index.append("</ul>")
    index.append("</div>")
    (folder / "index.html").write_text("\n".join(index), encoding="utf-8")


def _just(table: Table, row: Row) -> Callable[[Table, Row], bool]:
    return lambda t, r: t is table and r is row


def _table_href(anchor: str) -> str:
    return f"../stats/#{anchor}"


def place(page: Path, folder: Path, marker: str) -> None:
    """The built 数字的来源 page becomes the list of rows; each row's page is written beside it."""
    html = page.read_text(encoding="utf-8")
    wrapped = f"<p>{marker}</p>"
    if wrapped not in html:
        raise FatalError(f"看板构建失败：{page} 中找不到数字来源的位置。")
    for fragment in sorted(folder.glob("*.html")):
        target = page if fragment.name == "index.html" else page.parent / fragment.name
        target.write_text(html.replace(wrapped, fragment.read_text(encoding="utf-8"), 1), encoding="utf-8")
