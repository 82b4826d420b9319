"""Both tables as one workbook in the notice's printed layout, plus a sheet with the 统计口径.

Per table sheet: 附件N, the title, the 填表单位（盖章）/填表时间 line, the merged multi-row header exactly
as the notice prints it, unit rows, region subtotals, 合计, the 注 line and the 填表人/联系电话/审核人
footer.  A4 landscape, fitted to the page width, header rows repeated on every printed page.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from functools import cache

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from privtravel.export import paging
from privtravel.export.painter import Painter, merge
from privtravel.export.zipfix import workbook_bytes
from privtravel.masking import mask_text
from privtravel.stats.compute import Statistics
from privtravel.stats.options import cn_date
from privtravel.stats.table import HeaderCell, RowKind, Table, header_grid

BODY_FONT = "宋体"
TITLE_FONT = "黑体"
THIN = Side(style="thin", color="000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
DEFINITIONS_SHEET = "统计口径"

# Widths (in Excel character units) by column key; the rest get NUMBER_WIDTH.
WIDTHS = {"no": 5.0, "name": 24.0, "rule_names": 36.0, "has_rules": 10.0}
NUMBER_WIDTH = 7.5
TITLE_ROWS = 3  # 附件N, title, 填表单位 line


BLANK = "\u3000" * 8  # room to write a name or a number by hand


def workbook(stats: Statistics, filled: dt.date | None = None) -> bytes:
    """The workbook; ``filled`` is the 填表时间 printed on both tables (default: today)."""
    day = filled or dt.date.today()
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    painter = Painter()
    for t in stats.tables:
        _table_sheet(wb.create_sheet(t.spec.attachment), t, stats, painter, day)
    _definitions_sheet(wb.create_sheet(DEFINITIONS_SHEET), stats, painter)
    wb.properties.creator = stats.campaign.issuer or "privtravel"
    wb.properties.lastModifiedBy = None
    wb.properties.title = f"{stats.fj2.spec.title}、{stats.fj3.spec.title}"
    return workbook_bytes(wb, stats.version.committed)


def text_width(text: str) -> float:
    """Width in Excel character units: a CJK character is about two digits wide."""
    return sum(2.0 if unicodedata.east_asian_width(ch) in "WF" else 1.0 for ch in text)


def row_height(cells: list[tuple[str, float]], *, line: float = 14.0, minimum: float = 16.0) -> float:
    """A row height that shows every wrapped text in full (LibreOffice does not grow rows by itself)."""
    lines = 1
    for text, width in cells:
        usable = max(width - 1.0, 1.0)
        lines = max(lines, sum(max(1, math.ceil(text_width(part) / usable)) for part in text.split("\n")))
    return max(minimum, lines * line + 2)


@cache
def _font(size: float, *, bold: bool = False, name: str = BODY_FONT) -> Font:
    return Font(name=name, size=size, bold=bold)


def _table_sheet(ws: Worksheet, t: Table, stats: Statistics, painter: Painter, day: dt.date) -> None:
    columns = t.spec.columns
    width = len(columns)
    last = get_column_letter(width)
    depth, grid = header_grid([c.path for c in columns])
    widths = [WIDTHS.get(c.key, NUMBER_WIDTH) for c in columns]
    for h in grid:
        if h.colspan == 1:
            widths[h.col] = paging.column_width(h.text, widths[h.col])

    ws["A1"] = t.spec.attachment
    ws["A1"].font = _font(12, name=TITLE_FONT)
    ws.row_dimensions[1].height = 20
    merge(ws, painter, 2, 1, 2, width)
    ws["A2"] = t.spec.title
    ws["A2"].font = _font(18, bold=True, name=TITLE_FONT)
    ws["A2"].alignment = CENTER
    ws.row_dimensions[2].height = 36
    split = max(2, width * 2 // 3)
    merge(ws, painter, 3, 1, 3, split)
    ws.cell(3, 1, f"填表单位（盖章）：{stats.footer.unit}").font = _font(11)
    merge(ws, painter, 3, split + 1, 3, width)
    right = ws.cell(3, split + 1, f"填表时间：{cn_date(day)}")
    right.font = _font(11)
    right.alignment = Alignment(horizontal="right", vertical="center")
    ws.row_dimensions[3].height = 22

    top = TITLE_ROWS + 1
    levels = _header(ws, grid, top, depth, widths, painter)
    for level, height in enumerate(levels):
        ws.row_dimensions[top + level].height = height

    body = top + depth
    for offset, row in enumerate(t.rows):
        r = body + offset
        bold = row.kind is not RowKind.UNIT
        for index, column in enumerate(columns, start=1):
            if column.key == "no":
                value: int | str | None = row.number
            elif column.key == "name":
                value = row.label if row.note is None else f"{row.label}（{row.note}）"
            else:
                value = row.cells[column.key].value
            if isinstance(value, str):
                value = mask_text(value)  # names and 制度名称 are free text: numbers in them masked
            cell = ws.cell(r, index, value)
            painter.paint(
                cell, _font(10, bold=bold), BORDER, LEFT if column.key in ("name", "rule_names") else CENTER
            )
        texts = [(str(ws.cell(r, i).value or ""), widths[i - 1]) for i in range(1, width + 1)]
        ws.row_dimensions[r].height = row_height(texts)
    end = body + len(t.rows)
    ws.row_dimensions[end].height = 18
    ws.row_dimensions[end + 1].height = 26

    deadline = stats.options.deadline
    merge(ws, painter, end, 1, end, width)
    ws.cell(end, 1, f"注：此表请于{deadline.month}月{deadline.day}日前上报。").font = _font(10)
    f = stats.footer
    merge(ws, painter, end + 1, 1, end + 1, width)
    gap = "\u3000" * 4
    ws.cell(
        end + 1,
        1,
        f"填表人：{f.filler or BLANK}{gap}联系电话：{f.phone or BLANK}{gap}审核人：{f.reviewer or BLANK}",
    ).font = _font(10.5)
    ws.cell(end + 1, 1).alignment = Alignment(vertical="bottom")

    for index, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = w
    heights = [ws.row_dimensions[r].height or 15.0 for r in range(body, end + 2)]
    title = sum(ws.row_dimensions[r].height or 15.0 for r in range(1, top))
    room = paging.PAGE_BODY / paging.fit_scale(widths) - sum(levels)
    breaks = paging.page_breaks(heights, room - title, room)
    for index in breaks:
        ws.row_breaks.append(Break(id=body + index))
    ws.freeze_panes = f"C{body}"
    ws.print_title_rows = f"{top}:{body - 1}"
    ws.print_area = f"A1:{last}{end + 1}"
    _a4_landscape(ws)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.7
    ws.page_margins.footer = 0.35
    footer = ws.oddFooter
    assert footer is not None
    footer.left.text = f"数据版本：{stats.version.describe()}；统计截止日期：{cn_date(stats.options.as_of)}"
    footer.left.size = 8
    footer.right.text = f"第 &P 页，共 {len(breaks) + 1} 页"  # this sheet's pages, not the workbook's
    ws.page_setup.firstPageNumber = 1
    ws.page_setup.useFirstPageNumber = True
    footer.right.size = 8


def _a4_landscape(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    setup = ws.sheet_properties.pageSetUpPr
    assert setup is not None
    setup.fitToPage = True


def _header(
    ws: Worksheet, grid: list[HeaderCell], top: int, depth: int, widths: list[float], painter: Painter
) -> list[float]:
    """The merged header, its texts broken into lines; the height of each header row."""
    for r in range(top, top + depth):  # borders on every header cell, merged or not
        for c in range(1, len(widths) + 1):
            ws.cell(r, c).border = BORDER
    levels = [22.0] * depth
    for h in sorted(grid, key=lambda h: h.rowspan):
        row, col = top + h.row, 1 + h.col
        lines = paging.header_lines(h.text, sum(widths[h.col : h.col + h.colspan]))
        cell = ws.cell(row, col, "\n".join(lines))
        painter.paint(cell, _font(10, bold=True), BORDER, CENTER)
        if h.rowspan > 1 or h.colspan > 1:
            merge(ws, painter, row, col, row + h.rowspan - 1, col + h.colspan - 1)
        need = paging.header_height(len(lines)) - sum(levels[h.row : h.row + h.rowspan])
        if need > 0:
            levels[h.row + h.rowspan - 1] += need
    return levels


def _campaign_facts(stats: Statistics) -> list[tuple[str, str]]:
    o = stats.options
    return [
        ("专项整治", stats.campaign.name),
        ("范围", stats.scope.describe()),
        ("统计截止日期", cn_date(o.as_of) + ("（默认：统计表报送截止日期）" if o.as_of_is_default else "")),
        ("组织开展起算日期", cn_date(o.since) + ("（默认：年度的1月1日）" if o.since_is_default else "")),
        ("违规问题计数", o.cases_by),
        ("实备以", o.registered_by),
        ("处理人数含责任追究", "是" if o.accountable_handled else "否"),
    ]


def _definitions_sheet(ws: Worksheet, stats: Statistics, painter: Painter) -> None:
    facts = list(stats.facts) if stats.facts is not None else _campaign_facts(stats)
    facts.append(("数据版本", stats.version.describe()))
    if stats.not_submitted:
        facts.append(("尚未报送的单位", "、".join(stats.not_submitted)))
    ws["A1"] = "统计口径"
    ws["A1"].font = _font(16, bold=True, name=TITLE_FONT)
    r = 2
    for label, text in facts:
        ws.cell(r, 1, label).font = _font(10, bold=True)
        merge(ws, painter, r, 2, r, 4)
        ws.cell(r, 2, text).font = _font(10)
        r += 1
    r += 1
    for index, label in enumerate(("表", "列（表头）", "计量单位", "统计口径"), start=1):
        painter.paint(ws.cell(r, index, label), _font(10, bold=True), BORDER, CENTER)
    ws.print_title_rows = f"{r}:{r}"
    widths = (16.0, 30.0, 9.0, 90.0)
    for t in stats.tables:
        for column in t.spec.columns:
            r += 1
            values = (t.spec.attachment, "-".join(column.path), column.measure, column.definition)
            for index, value in enumerate(values, start=1):
                painter.paint(ws.cell(r, index, value), _font(10), BORDER, LEFT)
            ws.row_dimensions[r].height = row_height(list(zip(values, widths, strict=True)), line=15.0) + 4
    for letter, w in zip("ABCD", widths, strict=True):
        ws.column_dimensions[letter].width = w
    _a4_landscape(ws)
