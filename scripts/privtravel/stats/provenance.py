"""Provenance as plain data: which records make up a figure, with file, field and (optionally) line."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from privtravel.diagnostics import JsonPath, field_label
from privtravel.load.yaml_strict import compose_for_location, locate
from privtravel.stats.compute import Statistics
from privtravel.stats.table import Ref, RowKind

Lines = dict[tuple[str, JsonPath], int]


def refs(stats: Statistics) -> Iterable[Ref]:
    for table in stats.tables:
        for row in table.rows:
            if row.kind is RowKind.UNIT:
                for cell in row.cells.values():
                    yield from cell.refs


def lines(root: Path, cited: Iterable[Ref]) -> Lines:
    """The line of every cited record: known since loading, else found by composing the file once."""
    by_path: dict[str, set[JsonPath]] = defaultdict(set)
    out: Lines = {}
    for ref in cited:
        if ref.src.line:
            out[(ref.src.path, ref.src.where)] = ref.src.line
        else:
            by_path[ref.src.path].add(ref.src.where)
    for path in sorted(by_path):
        try:
            text = (root / path).read_bytes().decode("utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        node = compose_for_location(text)
        if node is None:
            continue
        for where in by_path[path]:
            out[(path, where)] = locate(node, where)[0]
    return out


def as_dict(ref: Ref, found: Lines | None) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "单位": ref.unit,
        "编号": ref.person,
        "姓名": ref.name,
        "记录": ref.what,
        "文件": ref.src.path,
        "位置": field_label(ref.src.where),
    }
    if found is not None:
        entry["行"] = found.get((ref.src.path, ref.src.where))
    return entry
