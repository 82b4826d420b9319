"""Where a value of a declaration came from in the workbook: 工作表!B7, for every message."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from privtravel.diagnostics import JsonPath
from privtravel.excel.layout import Column


@dataclass(frozen=True, slots=True)
class Place:
    sheet: str
    row: int
    col: int

    def __str__(self) -> str:
        return f"{self.sheet}!{get_column_letter(self.col)}{self.row}"


@dataclass(frozen=True, slots=True)
class Problem:
    place: Place | None
    message: str
    error: bool = True
    code: str = ""
    file: str = ""  # when there is no cell to point at

    def line(self) -> str:
        where = str(self.place) if self.place is not None else (self.file or "表格")
        severity = "错误" if self.error else "警告"
        code = f"{self.code} " if self.code else ""
        return f"{where}: {code}{severity} {self.message}"


@dataclass
class CellMap:
    """(file, JSON path) → the cell a value (or a whole row, via its first cell) came from."""

    cells: dict[tuple[str, JsonPath], tuple[Place, Column | None]] = field(default_factory=dict)

    def add(self, rel: str, path: JsonPath, place: Place, column: Column | None) -> None:
        self.cells.setdefault((rel, path), (place, column))

    def find(self, rel: str, path: JsonPath) -> tuple[Place, Column | None] | None:
        """The cell of ``path``, or of the nearest enclosing row when the path has no cell."""
        for end in range(len(path), -1, -1):
            hit = self.cells.get((rel, path[:end]))
            if hit is not None:
                return hit
        return None
