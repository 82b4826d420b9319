"""How one column of a unit's workbook looks and what it accepts: help text, number format, width,
drop-down list (from the hidden 取值 sheet)."""

from __future__ import annotations

from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell, MergedCell
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from privtravel.excel import cells
from privtravel.excel.layout import Column, for_excel
from privtravel.excel.schema_walk import FieldType
from privtravel.excel.textlines import width_of

# A date, or, for a number that is no date (20190601 typed into the cell), the number itself: without
# the condition LibreOffice shows #FMT and Excel ####, though the import reads it as 2019-06-01.
DATE_FORMAT = "[<=2958465]yyyy-mm-dd;0"
TEXT_FORMAT = "@"
OPTIONS_SHEET = "取值"


def set_value(cell: Cell | MergedCell, value: Any) -> None:
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # text that looks like a formula (=…) or an error (#N/A) stays text


class OptionLists:
    """The hidden last sheet the drop-down lists point at (no 255-character limit, commas allowed)."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.lists: dict[tuple[str, ...], tuple[str, str]] = {}  # options → (title, range)

    def range_for(self, title: str, options: tuple[str, ...]) -> str:
        known = self.lists.get(options)
        if known is None:
            letter = get_column_letter(len(self.lists) + 1)
            ref = f"{quote_sheetname(OPTIONS_SHEET)}!${letter}$2:${letter}${len(options) + 1}"
            known = self.lists[options] = (title, ref)
        return known[1]

    def finish(self) -> None:
        ws = self.book.create_sheet(OPTIONS_SHEET)
        for col, (options, (title, _)) in enumerate(self.lists.items(), start=1):
            ws.cell(row=1, column=col, value=title)
            for row, option in enumerate(options, start=2):
                set_value(ws.cell(row=row, column=col), option)
        ws.sheet_state = "hidden"


def choices(column: Column) -> tuple[str, ...] | None:
    if column.option is not None:
        return (cells.YES,)
    if column.field.type is FieldType.ENUM:
        return column.field.options
    if column.field.type is FieldType.BOOL:
        return (cells.YES, cells.NO)
    return None


def help_text(column: Column) -> str:
    parts = []
    if column.parent_key:
        parts.append("填写所属记录的" + column.header + "。")
    text = for_excel(column.field.description)
    if text:
        parts.append(text)
    if column.option is not None:
        parts.append(f"属于「{column.option}」的选「是」，不属于的留空。")
    elif column.field.type is FieldType.DATE:
        parts.append("日期，如 2019-06-01。")
    elif column.field.type is FieldType.LIST:
        parts.append("多项用顿号「、」隔开。")
    elif column.field.type is FieldType.ENUM:
        parts.append("可选：" + "、".join(column.field.options) + "。")
    elif column.field.type is FieldType.BOOL:
        parts.append("选「是」或「否」。")
    parts.append("必填。" if column.required else "选填。")
    return "".join(parts)


def number_format(column: Column) -> str:
    if column.option is None and column.field.type is FieldType.DATE:
        return DATE_FORMAT
    if column.option is None and column.field.type is FieldType.INT:
        return "0"
    return TEXT_FORMAT


def width(column: Column) -> float:
    kind = column.field.type
    if column.option is not None:
        base = 10
    elif kind is FieldType.DATE:
        base = 12
    elif kind in (FieldType.INT, FieldType.BOOL):
        base = 9
    elif kind is FieldType.ENUM:
        base = min(26, max(width_of(o) for o in column.field.options) + 3)
    elif column.field.name in ("问题描述", "其他需要说明情况", "免报说明", "备注", "说明", "审查措施"):
        base = 30
    else:
        base = 16
    header = width_of(column.header) + 2 if column.option is None else 0
    return float(max(base, min(header, 30)))


def validation(
    ws: Worksheet, options: OptionLists, column: Column, letter: str, first: int, last: int
) -> None:
    """A drop-down over the column's cells from row ``first`` to ``last``."""
    allowed = choices(column)
    if allowed is None:
        return
    ref = options.range_for(column.label, allowed)
    check = choice_check(ref, column)
    check.add(f"{letter}{first}:{letter}{last}")
    ws.add_data_validation(check)


def choice_check(ref: str, column: Column) -> DataValidation:
    """A drop-down that refuses other values (Excel, WPS and LibreOffice all show the message)."""
    return DataValidation(
        type="list",
        formula1=f"={ref}",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle="取值不对",
        error=f"「{column.label}」请从下拉列表中选择。",
    )


def comment(text: str) -> Comment:
    comment = Comment(text, "填报说明")
    comment.width = 320
    comment.height = max(80, 20 * (width_of(text) // 40 + 1))
    return comment
