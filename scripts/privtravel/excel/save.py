"""Saving a workbook byte-for-byte the same for the same content (fixed dates inside and in the zip)."""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import tempfile
import zipfile
from pathlib import Path

from openpyxl import Workbook

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def save(book: Workbook, path: Path, stamp: dt.datetime) -> None:
    """Write ``book`` to ``path``; ``stamp`` is recorded as its creation and modification time."""
    book.properties.creator = "privtravel"
    book.properties.lastModifiedBy = "privtravel"
    book.properties.created = stamp
    book.properties.modified = stamp
    raw = io.BytesIO()
    book.save(raw)
    fixed = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "now" while saving
                content = _MODIFIED.sub(
                    rb"\g<1>" + f"{stamp:%Y-%m-%dT%H:%M:%SZ}".encode() + rb"\g<2>", content
                )
            target.writestr(entry, content)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".xlsx-", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(fixed.getvalue())
    os.replace(tmp, path)
