"""What each field of a declaration is, read from the JSON Schemas ($ref resolved).

Everything the workbook shows about a field (its header, its help text, its drop-down list, whether
it is a date) comes from here, so the workbook cannot drift from the schemas.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from privtravel.load.layout import Kind
from privtravel.validate.schemas import load_all

Schema = dict[str, Any]


class LayoutError(Exception):
    """The schemas contain something the workbook layout does not know how to show."""


class FieldType(StrEnum):
    TEXT = "text"
    DATE = "date"
    INT = "int"
    BOOL = "bool"
    ENUM = "enum"  # one value from a list
    MULTI = "multi"  # several values from a list (one 是/blank column per value)
    LIST = "list"  # several free texts in one cell, separated by 、
    GROUP = "group"  # an object whose fields become columns under a common header
    CHILD = "child"  # an array of objects: a sheet of its own


@dataclass(frozen=True, slots=True)
class FieldInfo:
    name: str  # the property name (the YAML key)
    title: str
    description: str
    type: FieldType
    required: bool  # required in the object that holds it
    options: tuple[str, ...] = ()  # enum values (ENUM, MULTI)
    schema: Schema | None = None  # the resolved schema (GROUP and CHILD: the object's schema)


def resolve(schema: Schema, base: str) -> tuple[Schema, str]:
    """Follow ``$ref`` (across files); keywords beside a $ref win over the target's."""
    while "$ref" in schema:
        ref: str = schema["$ref"]
        file, _, pointer = ref.partition("#")
        file = file or base
        target: Any = load_all()[file]
        for part in pointer.strip("/").split("/") if pointer.strip("/") else ():
            target = target[part]
        local = {k: v for k, v in schema.items() if k != "$ref"}
        schema, base = {**target, **local}, file
    return schema, base


def root_schema(kind: Kind) -> tuple[Schema, str]:
    return load_all()[kind.schema_file], kind.schema_file


def fields(schema: Schema, base: str) -> list[FieldInfo]:
    """The properties of an object schema, in schema order, classified."""
    required = set(schema.get("required", ()))
    out = []
    for name, raw in schema.get("properties", {}).items():
        resolved, where = resolve(raw, base)
        out.append(_classify(name, resolved, where, name in required))
    return out


def _classify(name: str, s: Schema, base: str, required: bool) -> FieldInfo:
    title = str(s.get("title", name))
    description = str(s.get("description", ""))

    def info(kind: FieldType, options: tuple[str, ...] = (), schema: Schema | None = None) -> FieldInfo:
        return FieldInfo(name, title, description, kind, required, options, schema)

    if "enum" in s:
        return info(FieldType.ENUM, tuple(str(v) for v in s["enum"]))
    kind = s.get("type")
    if kind == "string":
        return info(FieldType.DATE if s.get("format") == "date" else FieldType.TEXT)
    if kind == "integer":
        return info(FieldType.INT)
    if kind == "boolean":
        return info(FieldType.BOOL)
    if kind == "object":
        return info(FieldType.GROUP, schema=_with_base(s, base))
    if kind == "array":
        items, item_base = resolve(s.get("items", {}), base)
        if "enum" in items:
            return info(FieldType.MULTI, tuple(str(v) for v in items["enum"]))
        if items.get("type") == "string":
            return info(FieldType.LIST)
        if items.get("type") == "object":
            return info(FieldType.CHILD, schema=_with_base(items, item_base))
    raise LayoutError(f"字段「{name}」的类型无法在表格中表示：{s}")


# Nested object schemas keep the file they came from, for their own $refs.
_BASE = "x-privtravel-base"


def _with_base(schema: Schema, base: str) -> Schema:
    return {**schema, _BASE: base}


def base_of(schema: Schema, default: str) -> str:
    return str(schema.get(_BASE, default))
