"""Schema errors and rule findings about imported data, told at the cell they came from."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from privtravel.diagnostics import Diagnostic, JsonPath
from privtravel.excel import cells
from privtravel.excel.layout import Column, for_excel, layout
from privtravel.excel.places import CellMap, Problem
from privtravel.excel.schema_walk import FieldType
from privtravel.load.layout import Kind

if TYPE_CHECKING:
    from jsonschema import ValidationError


def schema_problems(
    kind: Kind, rel: str, errors: Iterable[ValidationError], cellmap: CellMap, bad: set[JsonPath]
) -> Iterator[Problem]:
    for error in errors:
        where: JsonPath = tuple(error.absolute_path)
        if any(where[: len(b)] == b for b in bad):
            continue
        if error.validator == "pattern" and isinstance(error.schema, dict) and error.schema.get("format"):
            continue  # a date's pattern is for the editor: the format's message says it
        required = error.validator_value
        if error.validator == "required" and isinstance(error.instance, dict) and isinstance(required, list):
            for key in required:
                if key not in error.instance:
                    yield _required(kind, rel, (*where, key), cellmap)
            continue
        hit = cellmap.find(rel, where)
        place, column = hit if hit is not None else (None, None)
        yield Problem(place, _message(kind, where, error, column), file=rel)


def _required(kind: Kind, rel: str, where: JsonPath, cellmap: CellMap) -> Problem:
    hit = cellmap.find(rel, where)
    place, column = hit if hit is not None else (None, None)
    if (
        column is not None
        and tuple(column.path) == tuple(p for p in where if isinstance(p, str))[-len(column.path) :]
    ):
        return Problem(place, f"「{column.label}」必须填写。", file=rel)
    child = _child_sheet(kind, where)
    if child is not None:
        return Problem(place, f"至少要在工作表「{child}」中为这一行填写一项。", file=rel)
    return Problem(place, f"缺少必填的「{where[-1]}」。", file=rel)


def _child_sheet(kind: Kind, where: JsonPath) -> str | None:
    array = tuple(p for p in where if isinstance(p, str))
    sheet = layout().for_array(kind, array)
    return None if sheet is None else sheet.name


def _message(kind: Kind, where: JsonPath, error: ValidationError, column: Column | None) -> str:
    keyword = error.validator
    value: Any = error.instance
    bound: Any = error.validator_value
    name = (
        column.label
        if column is not None
        else str(next((p for p in reversed(where) if isinstance(p, str)), ""))
    )
    shown = cells.shown(column, value) if column is not None and isinstance(value, str) else str(value)
    if keyword == "minItems":
        child = _child_sheet(kind, where)
        if child is not None and (column is None or column.field.type is FieldType.CHILD):
            return f"至少要在工作表「{child}」中为这一行填写 {bound} 项。"
        if column is not None and column.field.type is FieldType.MULTI:
            return f"「{name}」至少要选一项（在所属的项下选「是」）。"
        return f"「{name}」至少要填写 {bound} 项。"
    if keyword == "pattern":
        hint = for_excel(column.field.description) if column is not None else ""
        return f"「{name}」填写的「{shown}」格式不对。{hint}"
    if keyword == "minLength":
        return f"「{name}」填写的「{shown}」太短（至少 {bound} 个字）。"
    if keyword == "maxLength":
        return f"「{name}」太长（最多 {bound} 个字），较长的说明可另附页。"
    if keyword in ("minimum", "maximum"):
        relation = "不能小于" if keyword == "minimum" else "不能大于"
        return f"「{name}」填写的 {value} 超出范围（{relation} {bound}）。"
    if keyword == "uniqueItems":
        return f"「{name}」中有重复的项，请删掉重复的。"
    if keyword == "enum":
        return f"「{name}」填写的「{shown}」不在可选的取值中：{'、'.join(str(v) for v in bound)}。"
    if keyword == "format":
        return f"「{name}」填写的「{shown}」不是有效日期：请写成 2019-06-01。"
    return f"「{name}」的内容不符合要求。"


def rule_problems(diagnostics: Iterable[Diagnostic], cellmap: CellMap) -> Iterator[Problem]:
    for d in diagnostics:
        hit = cellmap.find(d.path, d.json_path) if d.json_path is not None else None
        place = hit[0] if hit is not None else None
        yield Problem(place, d.message, error=d.is_error, code=d.code, file=d.path)
