"""A fast yes/no check of one table row, compiled from the row's JSON Schema.

jsonschema costs about 100 µs a row; a province's 200,000 crossings would take 20 s.  This compiles
each column's schema (after resolving ``$ref``) into a plain predicate.  It understands only the
keywords listed in ``_KNOWN``; a schema using anything else gets no fast check (``compile_row``
returns None) and every row goes through jsonschema.  A row the fast check rejects is validated by
jsonschema for its Chinese messages, so the fast check decides nothing on its own that the schema
would not: tests compare the two on valid and invalid rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from privtravel.validate import schemas

Predicate = Callable[[str], bool]
RowCheck = Callable[[Mapping[str, str | None]], bool]

_KNOWN = frozenset(
    {"type", "enum", "pattern", "minLength", "maxLength", "format", "title", "description", "$ref"}
)
_ROW_KNOWN = frozenset(
    {"$schema", "title", "description", "type", "additionalProperties", "required", "properties"}
)


def _resolve(schema: Mapping[str, Any], doc: Mapping[str, Any]) -> dict[str, Any] | None:
    """The column schema with its $ref merged in (the local keywords win), or None if unsupported."""
    merged: dict[str, Any] = {}
    ref = schema.get("$ref")
    if ref is not None:
        file, _, pointer = str(ref).partition("#")
        target_doc = schemas.load_all()[file] if file else doc
        if not pointer.startswith("/$defs/") or pointer.count("/") != 2:
            return None
        target = target_doc.get("$defs", {}).get(pointer.removeprefix("/$defs/"))
        if not isinstance(target, dict):
            return None
        inner = _resolve(target, target_doc)
        if inner is None:
            return None
        merged.update(inner)
    merged.update({k: v for k, v in schema.items() if k != "$ref"})
    return merged


def _column(schema: Mapping[str, Any]) -> Predicate | None:
    if not set(schema) <= _KNOWN:
        return None
    tests: list[Predicate] = []
    if "type" in schema and schema["type"] != "string":
        return None
    enum = schema.get("enum")
    if enum is not None:
        if not all(isinstance(v, str) for v in enum):
            return None
        allowed = frozenset(enum)
        tests.append(allowed.__contains__)
    if "pattern" in schema:
        search = re.compile(schema["pattern"]).search  # JSON Schema patterns are unanchored searches
        tests.append(lambda v: search(v) is not None)
    if "minLength" in schema:
        low = int(schema["minLength"])
        tests.append(lambda v: len(v) >= low)
    if "maxLength" in schema:
        high = int(schema["maxLength"])
        tests.append(lambda v: len(v) <= high)
    if "format" in schema:
        if schema["format"] != "date":
            return None
        tests.append(lambda v: schemas.FORMATS.conforms(v, "date"))
    return lambda v: all(test(v) for test in tests)


def compile_row(schema_file: str) -> RowCheck | None:
    """A predicate over a full row (every column present, None = empty), or None if not compilable."""
    doc = schemas.load_all()[schema_file]
    if not set(doc) <= _ROW_KNOWN or doc.get("type") != "object":
        return None
    columns: list[tuple[str, Predicate]] = []
    for name, column_schema in doc.get("properties", {}).items():
        resolved = _resolve(column_schema, doc)
        predicate = None if resolved is None else _column(resolved)
        if predicate is None:
            return None
        columns.append((name, predicate))
    required = frozenset(doc.get("required", ()))

    def check(row: Mapping[str, str | None]) -> bool:
        for name, predicate in columns:
            value = row.get(name)
            if value is None:
                if name in required:
                    return False
                continue
            if not predicate(value):
                return False
        return True

    return check
