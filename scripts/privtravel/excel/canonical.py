"""The canonical form of a declaration: keys in schema order, multi-choice values in the schema's
order, and no empty optional lists.  Two declarations that mean the same have the same form, so an
import rewrites a file only when its meaning changed.

Records in a list are ordered by their own values, field by field in schema order (人员 by 编号,
出国境情况 by 出境日期, 变动记录 by 日期, …), never by the order of the sheet's rows: sorting,
filtering or moving rows in Excel changes nothing in the YAML files."""

from __future__ import annotations

import json
from typing import Any

from privtravel.excel.schema_walk import FieldType, Schema, base_of, fields, root_schema
from privtravel.load.layout import Kind


def canonical(kind: Kind, data: dict[str, Any]) -> dict[str, Any]:
    schema, base = root_schema(kind)
    return _object(schema, base, data)


def _object(schema: Schema, base: str, data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    infos = fields(schema, base)
    known = {info.name for info in infos}
    for info in infos:
        if info.name not in data:
            continue
        value = data[info.name]
        if info.type is FieldType.GROUP and isinstance(value, dict):
            assert info.schema is not None
            value = _object(info.schema, base_of(info.schema, base), value)
        elif info.type is FieldType.CHILD and isinstance(value, list):
            assert info.schema is not None
            inner = base_of(info.schema, base)
            value = [_object(info.schema, inner, item) if isinstance(item, dict) else item for item in value]
            value.sort(key=_order)
        elif info.type is FieldType.MULTI and isinstance(value, list):
            order = {option: i for i, option in enumerate(info.options)}
            value = sorted(value, key=lambda v: order.get(v, len(order)))
        if isinstance(value, list) and not value and not info.required:
            continue
        out[info.name] = value
    for key, value in data.items():  # not in the schema: kept (validation reports it)
        if key not in known:
            out[key] = value
    return out


def _order(item: Any) -> str:
    """A record's place in its list: its values in schema order (JSON text compares them in turn)."""
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"))
