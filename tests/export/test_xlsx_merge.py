"""The painter's merges give exactly the bytes openpyxl's own ``merge_cells`` gives."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Side

from privtravel.export import xlsx
from privtravel.export.painter import Painter, merge
from privtravel.export.zipfix import workbook_bytes

Merge = Callable[[Any, Any, int, int, int, int], None]
MERGES = [(1, 1, 2, 3), (3, 2, 4, 2), (1, 4, 1, 6), (4, 4, 4, 6), (6, 1, 6, 6), (7, 7, 9, 8)]


def _plain(ws: Any, painter: Any, top: int, left: int, bottom: int, right: int) -> None:
    ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)


def _build(merge: Merge) -> bytes:
    wb = Workbook()
    ws = wb.active
    painter = Painter()
    thick = Border(left=Side(style="thick"), bottom=Side(style="dashed"))
    for r in range(1, 10):
        for c in range(1, 9):
            cell = ws.cell(r, c, f"{r}-{c}" if (r + c) % 3 else None)
            if c % 2:
                cell.border = xlsx.BORDER
            if r == 7:
                cell.border = thick
                cell.alignment = Alignment(horizontal="center")
    for m in MERGES:
        merge(ws, painter, *m)
    return workbook_bytes(wb, None)


def test_merges_are_byte_identical_to_openpyxl() -> None:
    assert _build(merge) == _build(_plain)
