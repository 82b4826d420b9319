"""Both tables as an HTML fragment for the site, and the provenance of every figure.

The fragment reproduces the notice's merged header (rowspan/colspan), region subtotals and 合计.
Every figure cell has an id (``fj2-srmyy-new_registered``); a figure with records behind it links to
its provenance block (``src-`` + that id), rendered by ``provenance_html`` — on the same page by
default, or wherever ``source_href`` says.  Document numbers are already masked in the records.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from privtravel.diagnostics import field_label
from privtravel.stats.compute import Statistics
from privtravel.stats.options import cn_date
from privtravel.stats.provenance import Lines
from privtravel.stats.table import Row, RowKind, Table, header_grid

Href = Callable[[str], str]
FileHref = Callable[[str, int | None], str | None]


def row_anchor(table: Table, row: Row) -> str:
    if row.kind is RowKind.UNIT:
        return f"{table.spec.key}-{row.id}"
    if row.kind is RowKind.TOTAL:
        return f"{table.spec.key}-total"
    regions = [r.id for r in table.rows if r.kind is RowKind.SUBTOTAL]
    return f"{table.spec.key}-region{regions.index(row.id) + 1}"


def cell_anchor(table: Table, row: Row, key: str) -> str:
    return f"{row_anchor(table, row)}-{key}"


def source_anchor(table: Table, row: Row, key: str) -> str:
    return f"src-{cell_anchor(table, row, key)}"


def _local(anchor: str) -> str:
    return f"#{anchor}"


def meta_html(stats: Statistics) -> str:
    o = stats.options
    parts = [
        f"范围：{stats.scope.describe()}",
        f"统计截止日期：{cn_date(o.as_of)}",
        f"数据版本：{stats.version.describe()}",
    ]
    html = f'<p class="stats-meta">{escape("；".join(parts))}</p>'
    if stats.not_submitted:
        html += f'<p class="stats-warning">尚未报送，未计入：{escape("、".join(stats.not_submitted))}</p>'
    return html


def table_html(stats: Statistics, table: Table, source_href: Href = _local) -> str:
    columns = table.spec.columns
    depth, grid = header_grid([c.path for c in columns])
    out = [f'<table class="stats-table" id="{table.spec.key}">']
    out.append(f"<caption>{escape(table.spec.attachment)} {escape(table.spec.title)}</caption>")
    out.append("<thead>")
    for level in range(depth):
        out.append("<tr>")
        for h in (h for h in grid if h.row == level):
            span = (f' rowspan="{h.rowspan}"' if h.rowspan > 1 else "") + (
                f' colspan="{h.colspan}"' if h.colspan > 1 else ""
            )
            out.append(f'<th scope="col"{span}>{escape(h.text)}</th>')
        out.append("</tr>")
    out.append("</thead>")
    out.append("<tbody>")
    for row in table.rows:
        kind = {RowKind.UNIT: "unit", RowKind.SUBTOTAL: "subtotal", RowKind.TOTAL: "total"}[row.kind]
        out.append(f'<tr class="row-{kind}" id="{row_anchor(table, row)}">')
        out.append(f"<td>{'' if row.number is None else row.number}</td>")
        label = row.label if row.note is None else f"{row.label}（{row.note}）"
        out.append(f'<th scope="row">{escape(label)}</th>')
        for column in table.spec.data_columns:
            cell = row.cells[column.key]
            text = "" if cell.value is None else escape(str(cell.value))
            has_source = bool(cell.refs) or (row.kind is not RowKind.UNIT and cell.value not in (None, 0))
            if has_source:
                href = escape(source_href(source_anchor(table, row, column.key)))
                text = f'<a href="{href}">{text}</a>'
            out.append(f'<td id="{cell_anchor(table, row, column.key)}">{text}</td>')
        out.append("</tr>")
    out.append("</tbody></table>")
    deadline = stats.options.deadline
    out.append(f'<p class="stats-note">注：此表请于{deadline.month}月{deadline.day}日前上报。</p>')
    return "\n".join(out)


def tables_html(stats: Statistics, source_href: Href = _local) -> str:
    """Both tables with the version line; the site puts the export links and the 口径 beside it."""
    parts = [f'<div class="privtravel-stats">{meta_html(stats)}']
    parts += [table_html(stats, t, source_href) for t in stats.tables]
    parts.append("</div>")
    return "\n".join(parts)


def provenance_html(
    stats: Statistics,
    lines: Lines | None = None,
    *,
    file_href: FileHref | None = None,
    table_href: Href = _local,
    only: Callable[[Table, Row], bool] | None = None,
) -> str:
    """One block per figure that has records behind it: who and which record, file, field and line;
    ``only`` keeps the rows it accepts (the site writes one page per row)."""
    out = ['<div class="privtravel-sources">']
    for table in stats.tables:
        labels = {c.key: "-".join(c.path) for c in table.spec.columns}
        by_id = {row.id: row for row in table.rows}
        for row in table.rows:
            if only is not None and not only(table, row):
                continue
            for column in table.spec.data_columns:
                cell = row.cells[column.key]
                if not cell.refs and (row.kind is RowKind.UNIT or cell.value in (None, 0)):
                    continue
                anchor = source_anchor(table, row, column.key)
                back = escape(table_href(cell_anchor(table, row, column.key)))
                out.append(f'<section class="stats-source" id="{anchor}">')
                out.append(
                    f'<h4><a href="{back}">{escape(table.spec.attachment)} · {escape(row.label)} · '
                    f"{escape(labels[column.key])}：{escape(str(cell.value))}</a></h4>"
                )
                if row.kind is not RowKind.UNIT:
                    out.append("<p>由以下各行相加：</p><ul>")
                    for part_id in row.adds:
                        part = by_id[part_id]
                        value = part.cells[column.key].value
                        href = escape(table_href(cell_anchor(table, part, column.key)))
                        shown = "" if value is None else escape(str(value))
                        out.append(f'<li><a href="{href}">{escape(part.label)}：{shown}</a></li>')
                    out.append("</ul></section>")
                    continue
                out.append("<ol>")
                for ref in cell.refs:
                    who = " ".join(x for x in (ref.person, ref.name) if x)
                    line = None if lines is None else lines.get((ref.src.path, ref.src.where))
                    place = ref.src.path + (f" 第{line}行" if line else "")
                    where = field_label(ref.src.where)
                    link = file_href(ref.src.path, line) if file_href is not None else None
                    place_html = f'<a href="{escape(link)}">{escape(place)}</a>' if link else escape(place)
                    out.append(
                        f"<li>{escape(who + '：') if who else ''}{escape(ref.what)}"
                        f' <span class="stats-src">{place_html}'
                        f"{escape('（' + where + '）') if where else ''}</span></li>"
                    )
                out.append("</ol></section>")
    out.append("</div>")
    return "\n".join(out)
