"""Workbooks and zip archives that depend on their content only: fixed timestamps and attributes."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

ZIP_EPOCH = dt.datetime(1980, 1, 1)  # the earliest time a zip entry can carry


def normalise(data: bytes, stamp: dt.datetime | None) -> bytes:
    """Same entries, same order, every entry dated ``stamp`` (local wall time, as zip stores it)."""
    when = max(stamp.replace(tzinfo=None) if stamp else ZIP_EPOCH, ZIP_EPOCH)
    date_time = (when.year, when.month, when.day, when.hour, when.minute, when.second - when.second % 2)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=date_time)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            fixed.create_system = 0
            dst.writestr(fixed, src.read(info.filename), compresslevel=6)
    return out.getvalue()


def workbook_bytes(wb: Workbook, stamp: dt.datetime | None) -> bytes:
    """Save ``wb`` dated ``stamp`` (e.g. the commit's time), byte-identical for the same content.

    ``openpyxl.Workbook.save`` would write the current time into docProps/core.xml; the writer is
    driven directly instead, and the zip entries are dated ``stamp`` too.
    """
    when = stamp.astimezone(dt.UTC).replace(tzinfo=None) if stamp and stamp.tzinfo else stamp
    wb.properties.created = when or ZIP_EPOCH
    wb.properties.modified = when or ZIP_EPOCH
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return normalise(buffer.getvalue(), stamp.replace(tzinfo=None) if stamp else None)
