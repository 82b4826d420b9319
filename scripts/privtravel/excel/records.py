"""Walking a unit's data sheet by sheet: the rows a sheet shows, with the key of their parent row."""

from __future__ import annotations

from typing import Any

from privtravel.excel.layout import Column, Sheet, layout
from privtravel.excel.unitdocs import Data, UnitDocs
from privtravel.load.layout import Kind


def roots(docs: UnitDocs, kind: Kind) -> list[Data]:
    """The file-level objects of a kind: every report (by file name), or the one file of another kind."""
    if kind is Kind.REPORT:
        return [docs.reports[rel] for rel in sorted(docs.reports)]
    data = docs.files.get(kind)
    return [] if data is None else [data]


def rows(docs: UnitDocs, sheet: Sheet) -> list[tuple[Any, Data]]:
    """(the parent row's key value or None, row object), in the order the YAML has them."""
    spec = sheet.spec
    if spec.form or spec.per_file:
        return [(None, root) for root in roots(docs, sheet.kind)]
    name = spec.array[-1]
    if sheet.parent is None:
        return [(None, item) for root in roots(docs, sheet.kind) for item in root.get(name, ())]
    parent = layout().sheet(sheet.parent)
    key = parent.spec.key
    return [
        (obj.get(key) if key else None, item) for _, obj in rows(docs, parent) for item in obj.get(name, ())
    ]


def value_at(obj: Data, column: Column) -> Any:
    value: Any = obj
    for part in column.path:
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value
