"""One declaration file: strictly loaded, its first line checked, validated against its schema."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Protocol

from privtravel.diagnostics import Diagnostic, JsonPath, Result
from privtravel.load import yaml_strict
from privtravel.load.layout import SCHEMA_DIR, SUBMISSIONS, Kind, schema_comment, unit_of
from privtravel.rules import freetext
from privtravel.validate import schemas
from privtravel.validate.messages import schema_diagnostics

FileEntry = tuple[list[Diagnostic], Any, dict[JsonPath, int]]  # diagnostics, validated data, lines


class FileResults(Protocol):
    """Load results known without parsing: the check cache, or what worker processes parsed."""

    def knows(self, rel: str) -> bool: ...

    def file_result(self, rel: str) -> FileEntry | None: ...

    def remember_file(
        self, rel: str, diagnostics: list[Diagnostic], data: Any, positions: dict[JsonPath, int]
    ) -> None: ...


def load_declaration(
    root: Path,
    rel: str,
    kind: Kind,
    max_bytes: int,
    result: Result,
    positions: dict[JsonPath, int] | None = None,
    cache: FileResults | None = None,
) -> dict[str, Any] | None:
    """Load one file; every problem goes into ``result``; returns data only if it is valid."""
    if cache is None:
        return _load_declaration(root, rel, kind, max_bytes, result, positions)
    hit = cache.file_result(rel)
    if hit is not None:
        result.files_checked += 1
        result.extend(hit[0])
        if positions is not None:
            positions.update(hit[2])
        cached: dict[str, Any] | None = hit[1]
        return cached
    before = len(result.diagnostics)
    found: dict[JsonPath, int] = {}
    data = _load_declaration(root, rel, kind, max_bytes, result, found)
    cache.remember_file(rel, result.diagnostics[before:], data, found)
    if positions is not None:
        positions.update(found)
    return data


def _load_declaration(
    root: Path,
    rel: str,
    kind: Kind,
    max_bytes: int,
    result: Result,
    positions: dict[JsonPath, int] | None,
) -> dict[str, Any] | None:
    try:
        raw = (root / rel).read_bytes()
    except OSError as exc:
        result.add(Diagnostic(rel, "F110", f"无法读取文件：{exc.strerror}"))
        return None
    result.files_checked += 1
    loaded = yaml_strict.load(rel, raw, max_bytes=max_bytes)
    result.extend(loaded.diagnostics)
    if loaded.data is None or loaded.root is None:
        return None
    expected = schema_comment(rel, kind, in_unit=_carries_schemas(root, rel))
    if loaded.first_line.strip() != expected:
        if loaded.first_line.startswith("# yaml-language-server:"):
            result.add(Diagnostic(rel, "F112", f"第一行的 schema 路径不对，应为：{expected}", 1, 1))
        else:
            result.add(Diagnostic(rel, "F112", f"第一行应为编辑器提示行：{expected}", 1, 1))
    errors = schemas.errors(kind.schema_file, loaded.data)
    result.extend(freetext.check(rel, kind.schema_file, loaded.data, loaded.root, raw))
    if errors:
        result.extend(schema_diagnostics(rel, errors, loaded.root, loaded.bad_paths, loaded.data))
        return None
    if not loaded.ok:
        return None
    if positions is not None:
        positions.update(loaded.positions)
    data: dict[str, Any] = loaded.data
    return data


def _carries_schemas(root: Path, rel: str) -> bool:
    """Whether the unit folder of ``rel`` has its own schemas/ (a unit repository)."""
    code = unit_of(rel)
    return code is not None and os.path.isdir(os.path.join(root, SUBMISSIONS, code, SCHEMA_DIR))
