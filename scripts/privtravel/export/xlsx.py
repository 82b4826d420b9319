"""Both tables as one workbook in the notice's printed layout, plus a sheet with the 统计口径.

Per table sheet: 附件N, the title, the 填表单位（盖章）/填表时间 line, the merged multi-row header exactly
as the notice prints it, unit rows, region subtotals, 合计, the 注 line and the 填表人/联系电话/审核人
footer.  A4 landscape, fitted to the page width, header rows repeated on every printed page.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from copy import copy
from functools import cache
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

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
HEADER_ROW_HEIGHT = 48.0
TITLE_ROWS = 3  # 附件N, title, 填表单位 line


def blank_date() -> str:
    return "    年   月   日"


def filled_on(stats: Statistics) -> str:
    committed = stats.version.committed
    return cn_date(committed.date()) if committed is not None else blank_date()


def workbook(stats: Statistics) -> bytes:
    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    painter = _Painter()
    for t in stats.tables:
        _table_sheet(wb.create_sheet(t.spec.attachment), t, stats, painter)
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


class _Painter:
    """Styles cells.  openpyxl hashes every style object given to a cell (deeply, field by field),
    which was most of a workbook's build time; a combination is therefore set once and copied to
    other cells as openpyxl's own compact array of style indices.  One painter per workbook."""

    def __init__(self) -> None:
        self.known: dict[tuple[int, int, int], StyleArray] = {}
        self.changes: dict[tuple[Any, ...], StyleArray] = {}

    def paint(
        self, cell: Any, font: Font, border: Border | None = None, alignment: Alignment | None = None
    ) -> None:
        key = (id(font), id(border), id(alignment))
        array = self.known.get(key)
        if array is not None:
            cell._style = copy(array)
            return
        cell.font = font
        if border is not None:
            cell.border = border
        if alignment is not None:
            cell.alignment = alignment
        self.known[key] = copy(cell._style)

    def change(self, cell: Any, what: tuple[Any, ...], apply: Callable[[Any], None]) -> None:
        """``apply(cell)``, or its known outcome for a cell styled like this one: ``what`` names the
        change and everything it depends on besides the cell's own style."""
        key = (what, None if cell._style is None else tuple(cell._style))  # None: a new MergedCell
        array = self.changes.get(key)
        if array is not None:
            cell._style = copy(array)
            return
        apply(cell)
        self.changes[key] = copy(cell._style)


class _Merged(MergedCellRange):
    """openpyxl's merged range, with its border bookkeeping (a new Border for every edge cell,
    each hashed) going through the painter: same cells, same styles, same bytes."""

    def __init__(self, ws: Worksheet, coord: str, painter: _Painter) -> None:
        self.painter = painter
        super().__init__(ws, coord)

    def _cell(self, coord: tuple[int, int]) -> Any:
        cell = self.ws._cells.get(coord)
        if cell is None:
            cell = self.ws._cells[coord] = MergedCell(self.ws, row=coord[0], column=coord[1])
        return cell

    def _get_borders(self) -> None:
        start = self.ws._cells.get((self.min_row, self.min_col))
        self.start_cell = start if start is not None else self.ws.cell(row=self.min_row, column=self.min_col)
        end: Any = self.ws._cells.get((self.max_row, self.max_col))
        if end is not None:
            corner = Border(right=end.border.right, bottom=end.border.bottom)
            self.painter.change(self.start_cell, ("corner", end._style.borderId), _add_border(corner))

    def format(self) -> None:
        start: Any = self.start_cell
        for name in ("top", "left", "right", "bottom"):
            side = getattr(start.border, name)
            if side and side.style is None:
                continue
            add = _add_border(Border(**{name: side}))
            for coord in getattr(self, name):
                self.painter.change(self._cell(coord), ("edge", name, start._style.borderId), add)
        if start.protection is not None:
            protection = start.protection
            for coord in self.cells:
                self.painter.change(
                    self._cell(coord),
                    ("protection", start._style.protectionId),
                    lambda c: setattr(c, "protection", copy(protection)),
                )


def _add_border(border: Border) -> Callable[[Any], None]:
    def add(cell: Any) -> None:
        cell.border += border

    return add


def _merge(ws: Worksheet, painter: _Painter, top: int, left: int, bottom: int, right: int) -> None:
    """``ws.merge_cells`` through the painter."""
    merged = _Merged(ws, CellRange(min_col=left, min_row=top, max_col=right, max_row=bottom).coord, painter)
    ws.merged_cells.add(merged)
    ws._clean_merge_range(merged)  # type: ignore[attr-defined]  # openpyxl's own step, pinned version


def _table_sheet(ws: Worksheet, t: Table, stats: Statistics, painter: _Painter) -> None:
    columns = t.spec.columns
    width = len(columns)
    last = get_column_letter(width)
    depth, grid = header_grid([c.path for c in columns])

    ws["A1"] = t.spec.attachment
    ws["A1"].font = _font(12, name=TITLE_FONT)
    _merge(ws, painter, 2, 1, 2, width)
    ws["A2"] = t.spec.title
    ws["A2"].font = _font(18, bold=True, name=TITLE_FONT)
    ws["A2"].alignment = CENTER
    ws.row_dimensions[2].height = 36
    split = max(2, width * 2 // 3)
    _merge(ws, painter, 3, 1, 3, split)
    ws.cell(3, 1, f"填表单位（盖章）：{stats.footer.unit}").font = _font(11)
    _merge(ws, painter, 3, split + 1, 3, width)
    right = ws.cell(3, split + 1, f"填表时间：{filled_on(stats)}")
    right.font = _font(11)
    right.alignment = Alignment(horizontal="right", vertical="center")
    ws.row_dimensions[3].height = 22

    top = TITLE_ROWS + 1
    _header(ws, grid, top, depth, width, painter)
    for level in range(depth):
        ws.row_dimensions[top + level].height = HEADER_ROW_HEIGHT if level else 30

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
        texts = [
            (str(ws.cell(r, i).value or ""), WIDTHS.get(c.key, NUMBER_WIDTH))
            for i, c in enumerate(columns, 1)
        ]
        ws.row_dimensions[r].height = row_height(texts)
    end = body + len(t.rows)

    deadline = stats.options.deadline
    _merge(ws, painter, end, 1, end, width)
    ws.cell(end, 1, f"注：此表请于{deadline.month}月{deadline.day}日前上报。").font = _font(10)
    f = stats.footer
    _merge(ws, painter, end + 1, 1, end + 1, width)
    ws.cell(
        end + 1,
        1,
        f"填表人：{f.filler or ' ' * 8}      联系电话：{f.phone or ' ' * 12}      审核人：{f.reviewer}",
    ).font = _font(10)

    for index, column in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(index)].width = WIDTHS.get(column.key, NUMBER_WIDTH)
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
    footer.right.text = "第 &P 页，共 &N 页"
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
    ws: Worksheet, grid: list[HeaderCell], top: int, depth: int, width: int, painter: _Painter
) -> None:
    for r in range(top, top + depth):  # borders on every header cell, merged or not
        for c in range(1, width + 1):
            ws.cell(r, c).border = BORDER
    for h in grid:
        row, col = top + h.row, 1 + h.col
        cell = ws.cell(row, col, h.text)
        painter.paint(cell, _font(10, bold=True), BORDER, CENTER)
        if h.rowspan > 1 or h.colspan > 1:
            _merge(ws, painter, row, col, row + h.rowspan - 1, col + h.colspan - 1)


def _definitions_sheet(ws: Worksheet, stats: Statistics, painter: _Painter) -> None:
    o = stats.options
    facts = [
        ("专项整治", stats.campaign.name),
        ("范围", stats.scope.describe()),
        ("统计截止日期", cn_date(o.as_of) + ("（默认：统计表报送截止日期）" if o.as_of_is_default else "")),
        ("组织开展起算日期", cn_date(o.since) + ("（默认：年度的1月1日）" if o.since_is_default else "")),
        ("违规问题计数", o.cases_by),
        ("实备以", o.registered_by),
        ("处理人数含责任追究", "是" if o.accountable_handled else "否"),
        ("数据版本", stats.version.describe()),
    ]
    if stats.not_submitted:
        facts.append(("尚未报送的单位", "、".join(stats.not_submitted)))
    ws["A1"] = "统计口径"
    ws["A1"].font = _font(16, bold=True, name=TITLE_FONT)
    r = 2
    for label, text in facts:
        ws.cell(r, 1, label).font = _font(10, bold=True)
        _merge(ws, painter, r, 2, r, 4)
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
