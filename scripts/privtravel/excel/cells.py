"""Reading one cell the way people type it, and writing one the way it must be read back.

A cell either gives a value of the field's type or a Chinese message saying what is wrong;
nothing is silently guessed: a document number Excel turned into a number is an error, not
padded; a date is a real Excel date, 2019-06-01, 2019.6.1, 2019/6/1, 2019年6月1日 or 20190601.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from typing import Any

from privtravel import masking
from privtravel.excel.layout import Column
from privtravel.excel.schema_walk import FieldType
from privtravel.validate.suggest import nearest

YES = "是"
NO = "否"
CHECKED = frozenset({"是", "√", "✓", "✔", "☑"})
UNCHECKED = frozenset({"否"})
LIST_SEPARATOR = "、"
EXCEL_FIRST_DAY = dt.date(1900, 3, 1)
_SPLIT = re.compile(r"[、,，;；\n]")
_DATE_PARTS = re.compile(r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?")
_DATE_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


class CellError(ValueError):
    """A cell that cannot be read; the message is Chinese and never shows a full personal number."""


def shown(column: Column, value: Any) -> str:
    """A value as it may appear in a message (personal numbers masked)."""
    text = str(value)
    if column.sensitive:
        if column.field.name == "公民身份号码":
            return masking.id_number(text)
        if column.field.name == "联系电话":
            return masking.phone(text)
        return masking.document_number(text)
    return text if len(text) <= 30 else text[:27] + "…"


def read(column: Column, raw: Any) -> Any:
    """The value of a cell for ``column``; None for a blank cell.  Raises CellError."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    kind = column.field.type
    if column.option is not None:
        return _flag(raw)
    if kind is FieldType.DATE:
        return _date(column, raw)
    if kind is FieldType.INT:
        return _int(column, raw)
    if kind is FieldType.BOOL:
        return _bool(raw)
    text = _text(column, raw)
    if kind is FieldType.ENUM:
        return _enum(column, text)
    if kind is FieldType.LIST:
        items = [part.strip() for part in _SPLIT.split(text)]
        return [item for item in items if item] or None
    return text


def _text(column: Column, raw: Any) -> str:
    if isinstance(raw, bool):
        raise CellError("这里应填写文字，单元格里却是逻辑值 TRUE/FALSE。")
    if isinstance(raw, (int, float)):
        number = int(raw) if isinstance(raw, float) and raw.is_integer() else raw
        raise CellError(
            f"单元格里是数字 {shown(column, number)}，Excel 会去掉开头的 0、把长号码改成科学计数法："
            "请把单元格格式设为「文本」后重新输入。"
        )
    if isinstance(raw, (dt.datetime, dt.date, dt.time)):
        raise CellError("这里应填写文字，单元格里却是日期或时间：请把单元格格式设为「文本」后重新输入。")
    text = str(raw).replace("\r\n", "\n").replace("\r", "\n").strip()
    return text


def _date(column: Column, raw: Any) -> str:
    if isinstance(raw, dt.datetime):
        if raw.time() != dt.time(0, 0):
            raise CellError(f"「{raw:%Y-%m-%d %H:%M}」带有时间；这里只填写日期。")
        return raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, (bool, dt.time, dt.timedelta)):
        raise CellError("看不懂的日期：请写成 2019-06-01。")
    if isinstance(raw, (int, float)):
        if isinstance(raw, float) and not raw.is_integer():
            raise CellError(f"看不懂的日期「{raw}」：请写成 2019-06-01。")
        digits = str(int(raw))
        match = _DATE_COMPACT.fullmatch(digits)
        if match is None:
            raise CellError(f"「{digits}」是一个数字，不是日期：请写成 2019-06-01，或把单元格格式设为日期。")
        return _ymd(digits, match)
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    match = _DATE_PARTS.fullmatch(text) or _DATE_COMPACT.fullmatch(text)
    if match is None:
        raise CellError(f"看不懂的日期「{text}」：请写成 2019-06-01（也可写 2019.6.1、2019年6月1日）。")
    return _ymd(text, match)


def _ymd(text: str, match: re.Match[str]) -> str:
    year, month, day = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        raise CellError(f"日期「{text}」不存在，请核对年月日。") from None


def _int(column: Column, raw: Any) -> int:
    if isinstance(raw, bool):
        raise CellError("这里应填写整数。")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if raw.is_integer():
            return int(raw)
        raise CellError(f"「{raw}」不是整数。")
    text = unicodedata.normalize("NFKC", str(raw)).strip()
    if re.fullmatch(r"[+-]?[0-9]+", text):
        return int(text)
    raise CellError(f"「{text}」不是整数：这里只填写数字。")


def _bool(raw: Any) -> bool:
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip()
    if text == YES:
        return True
    if text == NO:
        return False
    raise CellError(f"「{text}」：这里只能填「是」或「否」（可从下拉列表选择）。")


def _flag(raw: Any) -> bool:
    text = str(raw).strip()
    if text in CHECKED:
        return True
    if text in UNCHECKED:
        return False
    raise CellError(f"「{text}」：属于这一项的填「是」，不属于的留空。")


def _enum(column: Column, text: str) -> str:
    options = column.field.options
    if text in options:
        return text
    best, same = nearest(text, options)
    if best is not None and same:
        hint = f"应写作「{best}」（注意全角/半角符号或繁简体）。"
    elif best is not None:
        hint = f"是不是要写「{best}」？"
    else:
        hint = ""
    raise CellError(f"「{shown(column, text)}」不在可选的取值中。{hint}可选：{'、'.join(options)}。")


def written(column: Column, value: Any) -> Any:
    """The cell value that ``read`` turns back into ``value``."""
    if value is None:
        return None
    kind = column.field.type
    if column.option is not None:
        return YES if column.option in value else None
    if kind is FieldType.DATE:
        day = dt.date.fromisoformat(value)
        return day if day >= EXCEL_FIRST_DAY else value  # Excel has no dates before 1900: text
    if kind is FieldType.BOOL:
        return YES if value else NO
    if kind is FieldType.LIST:
        for item in value:
            problem = list_item_problem(item)
            if problem is not None:
                raise CellError(f"「{column.label}」{problem}")
        return LIST_SEPARATOR.join(value)
    return value


def list_item_problem(item: str) -> str | None:
    """Why a list item cannot be written into one cell with the others (None when it can)."""
    if _SPLIT.search(item) or item != item.strip():
        return f"「{item}」含有分隔符（、，；或换行）或首尾空格，无法与其他项写在同一个单元格里。"
    return None
