"""Styling many cells fast, and merging ranges through it (openpyxl's own way, without its cost)."""

from __future__ import annotations

from collections.abc import Callable
from copy import copy
from typing import Any

from openpyxl.cell.cell import MergedCell
from openpyxl.styles import Alignment, Border, Font
from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet


class Painter:
    """Styles cells.  openpyxl hashes every style object given to a cell (deeply, field by field),
    which was most of a workbook's build time; a combination is therefore set once and copied to
    other cells as openpyxl's own compact array of style indices.  One painter per workbook."""

    def __init__(self) -> None:
        self.known: dict[tuple[int, int, int], StyleArray] = {}
        self.changes: dict[tuple[Any, ...], StyleArray] = {}

    def paint(
        self, cell: Any, font: Font, border: Border | None = None, alignment: Alignment | None = None
    ) -> None:
        key = (id(font), id(border), id(alignment))
        array = self.known.get(key)
        if array is not None:
            cell._style = copy(array)
            return
        cell.font = font
        if border is not None:
            cell.border = border
        if alignment is not None:
            cell.alignment = alignment
        self.known[key] = copy(cell._style)

    def change(self, cell: Any, what: tuple[Any, ...], apply: Callable[[Any], None]) -> None:
        """``apply(cell)``, or its known outcome for a cell styled like this one: ``what`` names the
        change and everything it depends on besides the cell's own style."""
        key = (what, None if cell._style is None else tuple(cell._style))  # None: a new MergedCell
        array = self.changes.get(key)
        if array is not None:
            cell._style = copy(array)
            return
        apply(cell)
        self.changes[key] = copy(cell._style)


class _Merged(MergedCellRange):
    """openpyxl's merged range, with its border bookkeeping (a new Border for every edge cell,
    each hashed) going through the painter: same cells, same styles, same bytes."""

    def __init__(self, ws: Worksheet, coord: str, painter: Painter) -> None:
        self.painter = painter
        super().__init__(ws, coord)

    def _cell(self, coord: tuple[int, int]) -> Any:
        cell = self.ws._cells.get(coord)
        if cell is None:
            cell = self.ws._cells[coord] = MergedCell(self.ws, row=coord[0], column=coord[1])
        return cell

    def _get_borders(self) -> None:
        start = self.ws._cells.get((self.min_row, self.min_col))
        self.start_cell = start if start is not None else self.ws.cell(row=self.min_row, column=self.min_col)
        end: Any = self.ws._cells.get((self.max_row, self.max_col))
        if end is not None:
            corner = Border(right=end.border.right, bottom=end.border.bottom)
            self.painter.change(self.start_cell, ("corner", end._style.borderId), _add_border(corner))

    def format(self) -> None:
        start: Any = self.start_cell
        for name in ("top", "left", "right", "bottom"):
            side = getattr(start.border, name)
            if side and side.style is None:
                continue
            add = _add_border(Border(**{name: side}))
            for coord in getattr(self, name):
                self.painter.change(self._cell(coord), ("edge", name, start._style.borderId), add)
        if start.protection is not None:
            protection = start.protection
            for coord in self.cells:
                self.painter.change(
                    self._cell(coord),
                    ("protection", start._style.protectionId),
                    lambda c: setattr(c, "protection", copy(protection)),
                )


def _add_border(border: Border) -> Callable[[Any], None]:
    def add(cell: Any) -> None:
        cell.border += border

    return add


def merge(ws: Worksheet, painter: Painter, top: int, left: int, bottom: int, right: int) -> None:
    """``ws.merge_cells`` through the painter."""
    merged = _Merged(ws, CellRange(min_col=left, min_row=top, max_col=right, max_row=bottom).coord, painter)
    ws.merged_cells.add(merged)
    ws._clean_merge_range(merged)  # type: ignore[attr-defined]  # openpyxl's own step, pinned version
