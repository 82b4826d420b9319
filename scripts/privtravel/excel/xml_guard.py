"""A workbook's XML parts refused before they are parsed if they declare a DTD or entities.

An .xlsx never needs a ``<!DOCTYPE>``: a part that has one is made to expand entities (a few KB
that grow to gigabytes, or that pull in a file from this machine).  Every part is scanned as bytes
(UTF-8 and UTF-16, as XML may be encoded) and the workbook is refused with the sheet's name.
"""

from __future__ import annotations

import posixpath
import zipfile
import zlib
from pathlib import Path
from xml.etree import ElementTree

from privtravel.diagnostics import FatalError

MARKS = [
    m.encode(enc)
    for m in ("<!DOCTYPE", "<!ENTITY", "<!doctype")
    for enc in ("utf-8", "utf-16-le", "utf-16-be")
]
CHUNK = 1 << 20
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def refuse_entities(path: Path) -> None:
    """FatalError if any XML part of the workbook at ``path`` declares a DTD (not a zip: left to openpyxl)."""
    try:
        with zipfile.ZipFile(path) as archive:
            bad = [info.filename for info in archive.infolist() if _declares(archive, info)]
            if bad:
                names = sheet_names(archive)
                where = "、".join(f"「{names[b]}」工作表" if b in names else b for b in bad)
                raise FatalError(
                    f"无法导入 {path.name}：{where}中含有 XML 文档类型或实体声明（<!DOCTYPE>/<!ENTITY>），"
                    "正常的 Excel、WPS 或 LibreOffice 表格不会有。请用这些软件打开表格，「另存为」.xlsx 后再导入。"
                )
    except (zlib.error, EOFError, NotImplementedError):
        raise FatalError(damaged(path.name)) from None  # a part that cannot be unpacked: cut or spoiled bytes
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return  # not a readable zip: openpyxl says so in its own words (sheet_rows.open_workbook)


def damaged(name: str) -> str:
    return (
        f"无法打开 {name}：它不是 .xlsx 表格，或者文件已损坏。请在 Excel、WPS 或 LibreOffice 中"
        "打开它，用「另存为」保存为「Excel 工作簿（.xlsx）」后再导入。"
    )


def _declares(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    if info.is_dir():
        return False
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(CHUNK):
            window = tail + chunk
            if any(mark in window for mark in MARKS):
                return True
            tail = window[-32:]
    return False


def sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Part path → sheet name, from the workbook's own index (empty if that cannot be read)."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError, OSError, ValueError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    out = {}
    for sheet in book.iter(f"{MAIN}sheet"):
        target = targets.get(sheet.get(REL))
        if target:
            part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(f"xl/{target}")
            out[part] = sheet.get("name", "")
    return out
