"""Saving a workbook byte-for-byte the same for the same content (export/zipfix does the work).

Files are written whole or not at all (a temporary file renamed into place) and get the permissions
any program gives a new file (the user's umask), not the temporary file's owner-only mode: the
workbook is passed between colleagues.  It holds personal numbers, so where it is kept is what
protects it (README, 「用 Excel/WPS 填报」)."""

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
    os.chmod(tmp, usual_mode())
    os.replace(tmp, path)


def usual_mode() -> int:
    """The mode a new file gets from open(): 0o666 less the umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
