"""Find a sheet's columns (and the unit form's items) by their headers, so moved columns still read right."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from privtravel.excel import rowdata
from privtravel.excel.layout import Column, Sheet
from privtravel.excel.places import Place
from privtravel.excel.sheet_rows import Rows
from privtravel.excel.workbook_write import FORM_FIRST_ROW, FORM_VALUE_COLUMN, GROUP_ROW, HEADER_ROW

Report = Callable[[Place | None, str], None]  # a problem at a cell (None: the whole workbook)


def table_columns(sheet: Sheet, rows: Rows, problem: Report) -> dict[int, Column] | None:
    """Physical column index → Column, from the two header rows."""
    upper = rows.get(GROUP_ROW, [])
    lower = rows.get(HEADER_ROW, [])
    by_label = {c.label: c for c in sheet.columns}
    found: dict[int, Column] = {}
    seen: dict[str, int] = {}
    group: str | None = None
    ok = True
    for index in range(max(len(upper), len(lower))):
        top, bottom = rowdata.text_at(upper, index), rowdata.text_at(lower, index)
        if bottom:
            group = top or group
            label = f"{group}·{bottom}" if group else bottom
        elif top:
            group = None
            label = top
        else:
            group = None
            continue
        column = by_label.get(label)
        place = Place(sheet.name, HEADER_ROW if bottom else GROUP_ROW, index + 1)
        if column is None:
            problem(place, f"无法识别的列「{label}」：请不要修改表头（其他情况写在「备注」「说明」等列里）。")
            ok = False
        elif label in seen:
            problem(place, f"列「{label}」出现了两次。")
            ok = False
        else:
            seen[label] = index
            found[index] = column
    for column in sheet.columns:
        if column.label not in seen:
            problem(Place(sheet.name, HEADER_ROW, 1), f"缺少列「{column.label}」：请不要删除或改动表头。")
            ok = False
    return found if ok else None


def form_values(sheet: Sheet, rows: Rows, problem: Report) -> dict[Column, tuple[int, Any]]:
    """Each item of the unit form → (its row, the value beside it), found by its label."""
    by_label = {(c.group or "", c.header): c for c in sheet.columns}
    found: dict[Column, tuple[int, Any]] = {}
    for number, values in sorted(rows.items()):
        if number < FORM_FIRST_ROW:
            continue
        group = rowdata.text_at(values, 0)
        header = rowdata.text_at(values, 1)
        if not header:
            continue
        column = by_label.get((group, header))
        if column is None:
            problem(Place(sheet.name, number, 2), f"无法识别的项目「{header}」：请不要修改项目名称。")
            continue
        found[column] = (
            number,
            values[FORM_VALUE_COLUMN - 1] if len(values) >= FORM_VALUE_COLUMN else None,
        )
    for column in sheet.columns:
        if column not in found:
            problem(
                Place(sheet.name, FORM_FIRST_ROW, 2),
                f"缺少项目「{column.label}」：请不要删除表格中的行。",
            )
    return found
