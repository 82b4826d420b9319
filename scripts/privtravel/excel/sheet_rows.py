"""A workbook's sheets as their filled rows only, whatever dimensions the file claims.

LibreOffice saves a sheet in which rows were deleted as 1,048,576 rows deep (``<dimension
ref="A1:N1048576">`` and styled rows at the very bottom); openpyxl's row iterator then produces
every row in between, a million empty tuples.  Here the sheet's XML is walked once and only rows
that hold a value are kept, so time and memory follow the data.

Date cells are turned into dates here, not by openpyxl: a number in a date-formatted cell that is
no date (20190601 typed into a date cell; LibreOffice shows #FMT) stays the number it is, for the
cell reader to understand, instead of openpyxl's English warning and a「#VALUE!」.  openpyxl's other
warnings (unsupported extensions written by Excel or WPS) say nothing a clerk can act on.
"""

from __future__ import annotations

import datetime as dt
import warnings
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from openpyxl import load_workbook
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._reader import WorkSheetParser

from privtravel.diagnostics import FatalError
from privtravel.excel.xml_guard import damaged, refuse_entities

Rows = dict[int, list[Any]]  # row number (1-based) → values by column (index 0 = column A)
LAST_SERIAL = 2958465  # 9999-12-31, the last day Excel and LibreOffice can show
SUFFIXES = {
    ".xls": "旧的 Excel 97-2003 格式",
    ".et": "WPS 表格格式",
    ".ods": "LibreOffice/OpenDocument 格式",
    ".csv": "CSV 文本",
    ".numbers": "Numbers 格式",
}


def open_workbook(path: Path) -> Any:
    if not path.is_file():
        raise FatalError(f"找不到表格文件 {path}。")
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is not None:
        raise FatalError(
            f"无法打开 {path.name}：它是{kind}，不是 .xlsx 表格。请在 Excel、WPS 或 LibreOffice 中"
            "用「另存为」保存为「Excel 工作簿（.xlsx）」后再导入。"
        )
    refuse_entities(path)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(path, read_only=True, data_only=True)
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        KeyError,
        IndexError,
        OSError,
        ValueError,
        TypeError,
        ParseError,
    ):
        raise FatalError(damaged(path.name)) from None


def filled_rows(book: Any, name: str) -> Rows:
    """The rows of sheet ``name`` that hold at least one value (a blank text counts as none)."""
    ws = book[name]
    date_styles: set[int] = set(book._date_formats)
    out: Rows = {}
    with warnings.catch_warnings(), ws._get_source() as source:
        warnings.simplefilter("ignore")
        parser = WorkSheetParser(source, ws._shared_strings, data_only=True, epoch=book.epoch)
        for number, cells in _rows(parser, name):
            values: dict[int, Any] = {}
            for cell in cells:
                value = cell["value"]
                if value is None or (isinstance(value, str) and not value.strip()):
                    continue
                if cell["data_type"] == "n" and cell["style_id"] in date_styles:
                    value = _date_cell(value, book.epoch)
                values[cell["column"]] = value
            if values:
                row = [None] * max(values)
                for column, value in values.items():
                    row[column - 1] = value
                out[number] = row
    return out


def _rows(parser: WorkSheetParser, name: str) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    try:
        yield from parser.parse()
    except (
        ParseError,
        ValueError,
        TypeError,
        KeyError,
        IndexError,
        zlib.error,
        EOFError,
        NotImplementedError,
        zipfile.BadZipFile,
    ) as exc:
        raise FatalError(
            f"无法读取表格中的「{name}」工作表：其内容已损坏（{_why(exc)}）。请在 Excel、WPS 或 LibreOffice 中"
            "打开表格，用「另存为」保存为「Excel 工作簿（.xlsx）」后再导入。"
        ) from None


def _why(exc: Exception) -> str:
    if isinstance(exc, ParseError):
        line, column = exc.position
        return f"XML 格式错误，第 {line} 行第 {column} 列"
    return "单元格的值或格式无法识别"


def _date_cell(value: Any, epoch: dt.datetime) -> Any:
    """A number in a date-formatted cell: the date it stands for, or the number when it stands for
    none (a typed 20190601 is not day 20,190,601)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= LAST_SERIAL:
        return value
    try:
        return from_excel(value, epoch)
    except (OverflowError, ValueError):  # pragma: no cover - the range above is what Excel shows
        return value
