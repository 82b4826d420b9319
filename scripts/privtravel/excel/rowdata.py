"""Plain-data helpers for the workbook reader: values at paths, required lists started empty."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from privtravel.excel.layout import Column
from privtravel.excel.schema_walk import FieldType, base_of, fields, root_schema
from privtravel.load.layout import Kind

Data = dict[str, Any]


def empty_required_lists(obj: Data, columns: Iterable[Column]) -> None:
    """A blank cell of a required list means an empty list (专人: none designated), not a gap."""
    for column in columns:
        if column.field.type not in (FieldType.LIST, FieldType.MULTI) or not column.field.required:
            continue
        holder: Any = obj
        for part in column.path[:-1]:
            holder = holder.get(part) if isinstance(holder, dict) else None
        if isinstance(holder, dict):
            holder.setdefault(column.path[-1], [])


def text_at(values: list[Any], index: int) -> str:
    if index >= len(values) or values[index] is None:
        return ""
    return str(values[index]).strip()


def get(obj: Data, path: tuple[str, ...]) -> Any:
    value: Any = obj
    for part in path:
        value = value.get(part) if isinstance(value, dict) else None
    return value


def put(obj: Data, path: tuple[str, ...], value: Any) -> None:
    for part in path[:-1]:
        obj = obj.setdefault(part, {})
    obj[path[-1]] = value


def init_required_lists(kind: Kind, obj: Data, array: tuple[str, ...]) -> None:
    """Required lists start empty, so a missing child row is a clear 'at least one row' message."""
    for name in _required_lists(kind, array):
        obj.setdefault(name, [])


@cache
def _required_lists(kind: Kind, array: tuple[str, ...]) -> tuple[str, ...]:
    schema, base = root_schema(kind)
    for name in array:
        for info in fields(schema, base):
            if info.name == name and info.schema is not None:
                schema, base = info.schema, base_of(info.schema, base)
                break
    return tuple(info.name for info in fields(schema, base) if info.required and info.type is FieldType.CHILD)
