"""A hand-filled 统计表.xlsx in the notice's layout, read cell by cell; every problem names 工作表!单元格.

The sheet of each attachment is found by its name (附件2, 附件3) or by the table's title; its header
by the 「序号」 cell, then compared with the notice's header cell by cell (merges included); the rows
below it up to the 注/填表人 lines are unit rows, 小计 rows and a 合计 row.  Figures are the cached
values a spreadsheet saved: a formula that was never calculated is reported, not guessed.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from privtravel.export.xlsx import DEFINITIONS_SHEET
from privtravel.rollup import values
from privtravel.rollup.grid import (
    ABSENT_MARKS,
    HAND_FILLED,
    Figure,
    Grid,
    GridRow,
    Kind,
    Read,
    norm,
    parse_cn_date,
    row_kind,
)
from privtravel.stats.table import Column, HeaderCell, TableSpec, Total, header_grid

MAX_BYTES = 5 * 1024 * 1024
HEADER_SEARCH_ROWS = 15
FOOTER_MARKS = ("注", "填表人", "审核人")


def read(path: str, raw: bytes, specs: tuple[TableSpec, ...]) -> Read:
    out = Read(path)
    if len(raw) > MAX_BYTES:
        out.problem(
            "T101", "", f"文件有 {len(raw) // 1024} KB，超过 {MAX_BYTES // 1024 // 1024} MB：不是一份统计表"
        )
        return out
    try:
        book = load_workbook(io.BytesIO(raw), data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as exc:
        hint = "（是 .xls 或 WPS 格式、或加了密码？）" if raw[:4] != b"PK\x03\x04" else ""
        out.problem("T101", "", f"不是可以读取的 Excel 工作簿{hint}：{type(exc).__name__}")
        return out
    # the tool's own printed statistics (not its blank for filling by hand): its figures count by its 口径
    out.counted_by_tool = DEFINITIONS_SHEET in book.sheetnames and not _blank(book[DEFINITIONS_SHEET])
    for spec in specs:
        sheet = _find_sheet(book, spec)
        if sheet is None:
            names = "、".join(book.sheetnames)
            out.problem("T102", spec.attachment, f"找不到「{spec.attachment}」工作表（工作簿中有：{names}）")
            continue
        grid = _Sheet(out, sheet, _Formulas(raw, sheet.title), spec).read()
        if grid is not None:
            out.grids[spec.key] = grid
    used = {g.sheet for g in out.grids.values()} | {DEFINITIONS_SHEET}
    for ws in book.worksheets:
        if ws.title not in used and _last_row(ws) > 0:
            out.problem(
                "T116", ws.title, f"工作表「{ws.title}」不是附件2或附件3：有内容的其他工作表不能报送，请删除"
            )
    return out


def _blank(ws: Worksheet) -> bool:
    """The 统计口径 sheet of ``rollup template``'s blank: its 计算方法 says the figures are filled by hand."""
    for row in ws.iter_rows(min_row=1, max_row=20, max_col=2, values_only=True):
        if row[0] == "计算方法" and isinstance(row[1], str) and row[1].startswith(HAND_FILLED):
            return True
    return False


def _find_sheet(book: Any, spec: TableSpec) -> Worksheet | None:
    for ws in book.worksheets:
        if norm(ws.title) == norm(spec.attachment):
            return ws  # type: ignore[no-any-return]
    for ws in book.worksheets:
        for row in ws.iter_rows(min_row=1, max_row=5, max_col=3, values_only=True):
            if any(norm(spec.title) in norm(v) for v in row if isinstance(v, str)):
                return ws  # type: ignore[no-any-return]
    return None


def _last_row(ws: Worksheet) -> int:
    """The last row holding a value: a sheet LibreOffice saved may claim a million rows."""
    cells: dict[tuple[int, int], Any] = ws._cells
    return max((r for (r, _), c in cells.items() if c.value is not None), default=0)


class _Formulas:
    """The sheet as written (formulas, not their saved results), loaded only when a figure is blank:
    then it tells a formula never calculated from an empty cell."""

    def __init__(self, raw: bytes, title: str) -> None:
        self.raw, self.title = raw, title
        self.ws: Worksheet | None = None

    def is_formula(self, row: int, col: int) -> bool:
        if self.ws is None:
            self.ws = load_workbook(io.BytesIO(self.raw), data_only=False)[self.title]
        value = self.ws.cell(row, col).value
        return isinstance(value, str) and value.startswith("=")


class _Sheet:
    def __init__(self, out: Read, ws: Worksheet, formulas: _Formulas, spec: TableSpec) -> None:
        self.out, self.ws, self.formulas, self.spec = out, ws, formulas, spec
        self.name = ws.title
        self.width = len(spec.columns)

    def at(self, row: int, col: int) -> str:
        return f"{self.name}!{get_column_letter(col)}{row}"

    def problem(self, code: str, row: int, col: int, message: str) -> None:
        self.out.problem(code, self.at(row, col), message)

    def read(self) -> Grid | None:
        ws = self.ws
        last = _last_row(ws)
        top = next(
            (r for r in range(1, min(last, HEADER_SEARCH_ROWS) + 1) if norm(ws.cell(r, 1).value) == "序号"),
            None,
        )
        if top is None:
            self.out.problem(
                "T103", f"{self.name}!A1", f"找不到表头：前 {HEADER_SEARCH_ROWS} 行的 A 列没有「序号」"
            )
            return None
        self._filled_on(top)
        depth, cells = header_grid([c.path for c in self.spec.columns])
        self._header(top, depth, cells)
        body = top + depth
        end = self._end(body, last)
        self._beyond(top, depth, end)
        self._merges(top, depth, cells, end)
        grid = Grid(self.spec, sheet=self.name)
        for r in range(body, end + 1):
            row = self._row(r)
            if row is not None:
                grid.rows.append(row)
        if not any(row.kind is not Kind.ABSENT for row in grid.rows):
            self.problem("T109", body, 2, "表头下面没有任何数据行")
        return grid

    def _filled_on(self, top: int) -> None:
        for row in self.ws.iter_rows(min_row=1, max_row=top - 1, values_only=True):
            for v in row:
                if isinstance(v, str) and "填表时间" in v:
                    self.out.filled_on = self.out.filled_on or parse_cn_date(v)

    def _header(self, top: int, depth: int, cells: list[HeaderCell]) -> None:
        starts = {(top + h.row, 1 + h.col): h for h in cells}
        covered = {
            (top + h.row + dr, 1 + h.col + dc)
            for h in cells
            for dr in range(h.rowspan)
            for dc in range(h.colspan)
            if dr or dc
        }
        for r in range(top, top + depth):
            for c in range(1, self.width + 1):
                actual = self.ws.cell(r, c).value
                expected = starts.get((r, c))
                if expected is not None:
                    if norm(actual) != norm(expected.text):
                        got = f"这里是「{values.shown(actual)}」" if actual not in (None, "") else "这里空着"
                        self.problem("T103", r, c, f"表头应为通知中的「{expected.text}」，{got}")
                elif actual not in (None, "") and (r, c) not in covered:
                    self.problem(
                        "T103", r, c, f"通知的表只有 {self.width} 列，这里多了「{values.shown(actual)}」"
                    )
                elif actual not in (None, ""):
                    self.problem(
                        "T103", r, c, f"这一格属于上面或左边合并的表头，不应另写「{values.shown(actual)}」"
                    )

    def _beyond(self, top: int, depth: int, end: int) -> None:
        """Anything written right of the notice's columns, from the header down to the table's end."""
        cells: dict[tuple[int, int], Any] = self.ws._cells
        extra = sorted(
            (r, c)
            for (r, c), x in cells.items()
            if c > self.width and top <= r <= end and x.value is not None
        )
        for r, c in extra[:10]:
            shown = values.shown(self.ws.cell(r, c).value)
            code = "T103" if r < top + depth else "T116"
            self.problem(code, r, c, f"通知的表只有 {self.width} 列，表格右边多了「{shown}」：请删除")

    def _end(self, body: int, last: int) -> int:
        """The last row of the table: before the 注 / 填表人 lines, or the last row with a value."""
        for r in range(body, last + 1):
            first = norm(self.ws.cell(r, 1).value)
            if first.startswith(FOOTER_MARKS) and not isinstance(self.ws.cell(r, 1).value, (int, float)):
                return r - 1
        return last

    def _merges(self, top: int, depth: int, cells: list[HeaderCell], end: int) -> None:
        expected = {
            (top + h.row, 1 + h.col, top + h.row + h.rowspan - 1, h.col + h.colspan)
            for h in cells
            if h.rowspan > 1 or h.colspan > 1
        }
        for merged in sorted(self.ws.merged_cells.ranges, key=lambda m: (m.min_row, m.min_col)):
            box = (merged.min_row, merged.min_col, merged.max_row, merged.max_col)
            if merged.max_row < top or merged.min_row > end:
                continue  # title lines above, 注 and 填表人 below
            where = f"{self.name}!{merged.coord}"
            if merged.min_row >= top + depth:
                self.out.problem("T106", where, "数据区有合并单元格：每个单位一行、每格一个数，请取消合并")
            elif box not in expected:
                self.out.problem("T106", where, "表头的这处合并与通知不同：请按通知原样合并表头")

    def _row(self, r: int) -> GridRow | None:
        ws = self.ws
        raw = [ws.cell(r, c).value for c in range(1, self.width + 1)]
        label = values.text(raw[1]) or ""
        data_blank = all(values.text(v) is None for v in raw[2:])
        if not label and data_blank:
            return None
        if not label:
            self.problem("T109", r, 2, "这一行填了数字，却没有写「地区、单位（部门）」")
            return None
        kind = row_kind(label)
        if kind is Kind.UNIT and data_blank and any(mark in label for mark in ABSENT_MARKS):
            self.out.incomplete.append(label)
            self.problem("T114", r, 2, f"「{label}」一行空着，成员的合计中不含")
            return GridRow(Kind.ABSENT, label, self.at(r, 2))
        row = GridRow(kind, label, self.at(r, 2))
        for c, column in enumerate(self.spec.columns, start=1):
            if column.compute is not None:
                row.figures[column.key] = self._figure(r, c, column, kind)
        return row

    def _figure(self, r: int, c: int, column: Column, kind: Kind) -> Figure:
        raw = self.ws.cell(r, c).value
        must_fill = column.total is Total.SUM or (column.total is Total.COUNT_YES and kind is Kind.UNIT)
        if raw is None and must_fill and self.formulas.is_formula(r, c):
            self.problem(
                "T104", r, c, "是公式，但没有保存计算结果：请在 Excel/WPS 中打开并保存一次，或直接填数字"
            )
            return Figure(None, self.at(r, c))
        value: Any
        if column.total is Total.SUM:
            value, problem = values.count(raw)
        elif column.total is Total.COUNT_YES:
            value, problem = values.yes_no(raw) if kind is Kind.UNIT else values.yes_count(raw)
        else:
            value, problem = values.text(raw), None
        if problem is not None:
            self.problem(problem[0], r, c, f"「{column.label}」{problem[1]}")
        return Figure(value, self.at(r, c))
