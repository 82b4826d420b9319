"""Saving a workbook byte-for-byte the same for the same content (export/zipfix does the work)."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook

from privtravel.export.zipfix import workbook_bytes


def save(book: Workbook, path: Path, stamp: dt.datetime) -> None:
    """Write ``book`` to ``path`` atomically; ``stamp`` is recorded as its creation and modification time."""
    book.properties.creator = "privtravel"
    book.properties.lastModifiedBy = "privtravel"
    data = workbook_bytes(book, stamp)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".xlsx-", suffix=".tmp")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, path)
