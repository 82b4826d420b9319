"""Describe the police files in a folder as a delivery manifest would: rows and SHA-256 as seen.

This records what is there, not what the police sent: `privtravel police-manifest` uses it, and
tells the operator to compare each 行数 with the police's covering letter (交接函).
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from privtravel.load.layout import POLICE_CROSSINGS, POLICE_HOLDINGS, POLICE_MANIFEST
from privtravel.police import manifest, table
from privtravel.police.load import EXTENSIONS

Listed = tuple[str, int, str]  # file name, data rows, SHA-256 hex


class Unsealable(Exception):
    """A file that cannot be described (the message is in Chinese, for the operator)."""


def survey(folder: Path) -> list[Listed]:
    files: list[Listed] = []
    for stem in (POLICE_HOLDINGS, POLICE_CROSSINGS):
        present = [folder / f"{stem}{ext}" for ext in EXTENSIONS if (folder / f"{stem}{ext}").exists()]
        if len(present) > 1:
            raise Unsealable(
                f"同时有 {'、'.join(p.name for p in present)}：每种表只能放一个文件，请删掉多余的那个。"
            )
        if not present:
            continue
        path = present[0]
        if not path.is_file():
            raise Unsealable(f"{path} 不是文件：请放入公安机关交付的表格文件本身。")
        read = table.read(folder, path.name)
        if not read.ok:
            problems = "；".join(d.message for d in read.diagnostics if d.is_error)
            raise Unsealable(f"{path} 无法完整读取，不能为它生成清单：{problems}")
        files.append((path.name, read.records, read.sha256))
    if not files:
        raise Unsealable(f"{folder} 中没有 持证信息 或 出入境记录 文件（.csv 或 .xlsx）。")
    return files


def seal(folder: Path, provider: str, extracted: dt.date, delivered: dt.date | None = None) -> list[Listed]:
    """Write folder/交付清单.yaml for the files there (atomically: a reader sees the old or the new)."""
    files = survey(folder)
    target = folder / POLICE_MANIFEST
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_text(manifest.text(provider, extracted, delivered, files), encoding="utf-8")
    os.replace(temporary, target)
    return files
