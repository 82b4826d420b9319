"""One table as CSV: UTF-8 with BOM (Excel on Windows opens it correctly), one header row."""

from __future__ import annotations

import csv as _csv
import io

from privtravel.masking import mask_text
from privtravel.stats.table import Column, Row, Table

HEADER_JOIN = "-"


def header(column: Column) -> str:
    """违规违纪问题处理情况-处理方式（人次）-批评教育: the notice's header levels, top to bottom."""
    return HEADER_JOIN.join(column.path)


def cell_text(row: Row, column: Column) -> str:
    if column.key == "no":
        return "" if row.number is None else str(row.number)
    if column.key == "name":
        return mask_text(row.label)
    value = row.cells[column.key].value
    return "" if value is None else mask_text(str(value))  # 制度名称 are the units' own words


def table(t: Table) -> bytes:
    buffer = io.StringIO()
    writer = _csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([header(c) for c in t.spec.columns])
    for row in t.rows:
        writer.writerow([cell_text(row, c) for c in t.spec.columns])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
