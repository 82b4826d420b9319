"""Read a delivered table (.csv as Excel writes it, or .xlsx) into a header and raw rows.

Only the shape is checked here: encoding, one sheet, a header in the first row, the right number of
cells.  Cell values are turned into text exactly when the meaning is unambiguous (text, a date cell);
anything else (a number where the police write an identifier, a time of day) is reported, not coerced.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from privtravel.diagnostics import Diagnostic
from privtravel.load.yaml_strict import decode

# A cell as read: text, or None when empty.  Cells that cannot be text are reported and become None.
Cell = str | None


@dataclass(slots=True)
class Table:
    path: str
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[Cell]]] = field(default_factory=list)  # (line, cells)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    bad: set[tuple[int, int]] = field(default_factory=set)  # (line, column) of cells already reported
    ok: bool = True  # False when the file could not be read at all
    records: int = 0  # data rows in the file (not the header, not empty lines), read or refused
    sha256: str = ""  # of the file's bytes, as the delivery manifest records it


def read(root: Path, rel: str) -> Table:
    table = Table(rel)
    try:
        raw = (root / rel).read_bytes()
    except OSError as exc:
        return _fail(table, f"无法读取文件：{exc.strerror}")
    table.sha256 = hashlib.sha256(raw).hexdigest()
    if rel.endswith(".xlsx"):
        _read_xlsx(table, raw)
    else:
        _read_csv(table, raw)
    if table.ok and table.header and not table.rows:
        table.diagnostics.append(
            Diagnostic(
                rel,
                "P504",
                "文件只有表头，没有数据行：导出可能不完整。请向公安机关出入境管理部门确认并重新提供。",
                1,
                1,
            )
        )
        table.ok = False
    return table


def _fail(table: Table, message: str, line: int = 0, code: str = "P501") -> Table:
    table.ok = False
    table.diagnostics.append(Diagnostic(table.path, code, message, line, 1 if line else 0))
    return table


def _read_csv(table: Table, raw: bytes) -> None:
    text = decode(table.path, raw.removeprefix(b"\xef\xbb\xbf"), table.diagnostics)
    if text is None:
        table.ok = False
        return
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        _fail(table, "文件中有空字符（NUL）：文件已损坏或不是文本格式，请重新导出。", line, "P504")
        return
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    strings: dict[str, str] = {}  # one object per text: names, ports and places repeat on every row
    previous_end = 0
    try:
        for record in reader:
            start = previous_end + 1
            previous_end = reader.line_num
            if not table.header and start == 1:
                _set_header(table, record)
                if not table.ok:
                    return
                continue
            if not any(record):
                continue  # an empty line carries nothing
            table.records += 1
            cells: list[Cell] = [
                strings.setdefault(value, value) if value != "" else None for value in record
            ]
            if len(cells) > len(table.header):
                extra = [c for c in cells[len(table.header) :] if c is not None]
                if extra:
                    table.diagnostics.append(
                        Diagnostic(
                            table.path,
                            "S208",
                            f"这一行有 {len(cells)} 列，比表头的 {len(table.header)} 列多：多出的内容无法对应到列名。",
                            start,
                            len(table.header) + 1,
                        )
                    )
                    continue
                cells = cells[: len(table.header)]
            cells.extend([None] * (len(table.header) - len(cells)))
            table.rows.append((start, cells))
    except csv.Error as exc:
        _fail(table, f"CSV 格式错误（{exc}）：请用 Excel 另存为「CSV UTF-8（逗号分隔）」。", reader.line_num)
        return
    if not table.header:
        _fail(table, "文件是空的：第一行应为表头。")


def _set_header(table: Table, record: list[str]) -> None:
    if len(record) == 1 and any(sep in record[0] for sep in ("\t", ";", "；")):
        _fail(
            table,
            "表头只有一列且含有制表符或分号：CSV 文件应以英文逗号分隔，请用 Excel 另存为「CSV UTF-8（逗号分隔）」。",
            1,
        )
        return
    while record and record[-1] == "":
        record = record[:-1]  # Excel may write trailing empty columns
    if not record:
        _fail(table, "第一行是空的：第一行应为表头（列名）。", 1)
        return
    table.header = record


def _read_xlsx(table: Table, raw: bytes) -> None:
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        _fail(table, f"无法打开 Excel 文件（{type(exc).__name__}）：文件可能已损坏，或不是 .xlsx 格式。")
        return
    try:
        sheets = book.worksheets
        for other in sheets[1:]:
            if any(v is not None for row in other.iter_rows(values_only=True) for v in row):
                _fail(table, f"Excel 文件有多个含数据的工作表（「{other.title}」）：只能有一个工作表。")
                return
        rows = sheets[0].iter_rows(values_only=True)
        first = next(rows, None)
        header = [] if first is None else list(first)
        while header and header[-1] is None:
            header.pop()
        if not header:
            _fail(table, "第一行是空的：第一行应为表头（列名）。", 1 if first is not None else 0)
            return
        names = []
        for col, value in enumerate(header, start=1):
            if not isinstance(value, str):
                _fail(table, f"表头第 {col} 列不是文字（{value!r}）：第一行应为列名。", 1)
                return
            names.append(value)
        table.header = names
        for line, values in enumerate(rows, start=2):
            if all(v is None for v in values):
                continue
            table.records += 1
            extra = [v for v in values[len(names) :] if v is not None]
            if extra:
                table.diagnostics.append(
                    Diagnostic(
                        table.path,
                        "S208",
                        "这一行在表头以外的列还有内容，无法对应到列名。",
                        line,
                        len(names) + 1,
                    )
                )
                continue
            cells = list(_cells(table, line, names, values))
            table.rows.append((line, cells))
    finally:
        book.close()


def _cells(table: Table, line: int, names: list[str], values: tuple[object, ...]) -> Iterator[Cell]:
    for col, name in enumerate(names, start=1):
        value = values[col - 1] if col - 1 < len(values) else None
        if value is None or isinstance(value, str):
            yield value
            continue
        if isinstance(value, dt.datetime):
            if value.time() == dt.time(0, 0):
                yield value.date().isoformat()
                continue
            message = (
                f"「{name}」这一格带有时间（{value:%Y-%m-%d %H:%M}）：这里只填写日期，如 {value:%Y-%m-%d}。"
            )
            table.diagnostics.append(Diagnostic(table.path, "F109", message, line, col, name))
            table.bad.add((line, col))
            yield None
            continue
        if isinstance(value, dt.date):
            yield value.isoformat()
            continue
        if isinstance(value, bool):
            message = f"「{name}」这一格是「是/否」（TRUE/FALSE）格式，应为文字。"
        elif isinstance(value, (int, float)):
            message = (
                f"「{name}」这一格是数字格式：号码、日期等要设为「文本」格式录入"
                "（数字格式会丢掉前导零，长号码会变成科学计数法）。"
            )
        else:
            message = f"「{name}」这一格的格式无法识别（{type(value).__name__}），应为文字。"
        table.diagnostics.append(Diagnostic(table.path, "S203", message, line, col, name))
        table.bad.add((line, col))
        yield None
