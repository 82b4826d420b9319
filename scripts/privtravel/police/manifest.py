"""The delivery manifest (police/交付清单.yaml): what the police handed over, as they say it.

It carries the extraction date (提取日期, the 公安数据日期 every date-dependent finding uses) and, per
file, the number of data rows and the SHA-256 of the file.  It is read strictly, like a
declaration (YAML pitfalls, the schema, file:line:field in Chinese); ``text`` writes one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from privtravel.diagnostics import Diagnostic, Result
from privtravel.load import yaml_strict
from privtravel.load.layout import POLICE_MANIFEST, SCHEMA_DIR
from privtravel.validate import schemas
from privtravel.validate.messages import schema_diagnostics

SCHEMA = "police-delivery.schema.json"
MAX_BYTES = 64 * 1024  # a handful of lines; anything bigger is not a manifest


@dataclass(frozen=True, slots=True)
class Entry:
    """One delivered file as the manifest lists it, with the manifest lines of its fields."""

    name: str
    rows: int
    digest: str  # lower-case hex
    line: int  # of the list item (文件名)
    rows_line: int
    digest_line: int
    index: int  # 0-based position in 文件


@dataclass(slots=True)
class Manifest:
    path: str  # as reported in messages
    extracted: dt.date
    extracted_line: int
    provider: str
    delivered: dt.date | None = None
    delivered_line: int = 0
    entries: dict[str, Entry] = field(default_factory=dict)  # by file name


def digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def read(rel: str, path: Path, result: Result) -> Manifest | None:
    """The manifest at ``path`` (reported as ``rel``), or None when it is invalid (errors in ``result``)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        result.add(Diagnostic(rel, "F110", f"无法读取交付清单：{exc.strerror}"))
        return None
    result.files_checked += 1
    loaded = yaml_strict.load(rel, raw, max_bytes=MAX_BYTES)
    result.extend(loaded.diagnostics)
    if loaded.data is None or loaded.root is None:
        return None
    errors = schemas.errors(SCHEMA, loaded.data)
    if errors:
        result.extend(schema_diagnostics(rel, errors, loaded.root, loaded.bad_paths))
        return None
    if not loaded.ok:
        return None
    data: dict[str, Any] = loaded.data
    root = loaded.root

    def line(*where: str | int) -> int:
        return yaml_strict.locate(root, where)[0]

    manifest = Manifest(
        rel,
        dt.date.fromisoformat(data["提取日期"]),
        line("提取日期"),
        data["提供单位"],
    )
    if "交付日期" in data:
        manifest.delivered = dt.date.fromisoformat(data["交付日期"])
        manifest.delivered_line = line("交付日期")
    ok = True
    for i, item in enumerate(data["文件"]):
        name = item["文件名"]
        first = manifest.entries.get(name)
        if first is not None:
            message = f"「{name}」在交付清单中列了两次（第一次在第 {first.line} 行）：每个文件只列一次。"
            result.add(
                Diagnostic(rel, "P505", message, line("文件", i, "文件名"), 0, f"文件第{i + 1}项.文件名")
            )
            ok = False
            continue
        manifest.entries[name] = Entry(
            name,
            item["行数"],
            item["校验值"].lower(),
            line("文件", i, "文件名"),
            line("文件", i, "行数"),
            line("文件", i, "校验值"),
            i,
        )
    return manifest if ok else None


def text(
    provider: str, extracted: dt.date, delivered: dt.date | None, files: list[tuple[str, int, str]]
) -> str:
    """A manifest: ``files`` are (file name, data rows, SHA-256 hex)."""
    lines = [
        f"# yaml-language-server: $schema=../{SCHEMA_DIR}/{SCHEMA}",
        "# 公安数据交付清单：提取日期、行数照抄公安机关的交接函；行数与交接函不符的，不要使用这批数据，请公安机关重新提供。",
        f"提供单位: {_quoted(provider)}",
        f"提取日期: {extracted.isoformat()}",
    ]
    if delivered is not None:
        lines.append(f"交付日期: {delivered.isoformat()}")
    lines.append("文件:")
    for name, rows, hexdigest in files:
        lines += [f"  - 文件名: {name}", f"    行数: {rows}", f"    校验值: {hexdigest}"]
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def default_path(folder: Path) -> Path:
    return folder / POLICE_MANIFEST
