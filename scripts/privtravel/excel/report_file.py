"""Which file a row of the 报告表 sheet goes to: 报告/编号-姓名.yaml, read from the row itself."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from privtravel.excel import cells
from privtravel.excel.headers import Report
from privtravel.excel.layout import Column
from privtravel.excel.places import Place
from privtravel.excel.unitdocs import folder, report_rel
from privtravel.load.layout import REPORTS_DIR

_BAD_FILE_CHARS = set('/\\:*?"<>|')


def report_file(
    code: str, sheet: str, number: int, values: list[Any], columns: dict[int, Column], problem: Report
) -> str:
    """The report's file, named 编号-姓名.yaml from the row (a placeholder while they are wrong)."""
    found: dict[str, Any] = {}
    name_place = Place(sheet, number, 1)
    for index, column in columns.items():
        if column.path in (("编号",), ("姓名",)) and index < len(values):
            if column.path == ("姓名",):
                name_place = Place(sheet, number, index + 1)
            with suppress(cells.CellError):  # reported when the cell itself is read
                found[column.path[0]] = cells.read(column, values[index])
    ident, name = found.get("编号"), found.get("姓名")
    if isinstance(ident, str) and (_BAD_FILE_CHARS & set(ident) or ident.startswith(".")):
        ident = None  # a 编号 such as 「00/1」: its cell's schema error says so; no path made of it
    if isinstance(ident, str) and isinstance(name, str):
        if _BAD_FILE_CHARS & set(name) or name.startswith("."):
            problem(name_place, f'「姓名」「{name}」含有不能用于文件名的字符（/ \\ : * ? " < > |）。')
        else:
            return report_rel(code, ident, name)
    return f"{folder(code)}/{REPORTS_DIR}/(第{number}行).yaml"
