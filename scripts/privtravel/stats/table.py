"""The table model shared by both statistics tables: columns, cells with provenance, rows, headers.

A column carries its header path (the notice's multi-level header, top to bottom), its measure
(人, 本, 人次), its 统计口径 and how a subtotal is formed.  Figures live in cells; each cell of a
unit row names the records that make it up (``Ref``); a subtotal or total cell names the rows it adds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import TYPE_CHECKING

from privtravel.model import Src

if TYPE_CHECKING:
    from privtravel.stats.context import UnitContext

Value = int | str | None


@dataclass(frozen=True, slots=True)
class Ref:
    """One record behind a figure.  ``what`` is shown to leaders: never a full document number."""

    unit: str
    person: str | None  # the person's 编号 within the unit, when the record is about a person
    name: str | None
    what: str
    src: Src


@dataclass(frozen=True, slots=True)
class Cell:
    value: Value
    refs: tuple[Ref, ...] = ()


class Total(Enum):
    SUM = "sum"  # subtotal = sum of the unit rows
    COUNT_YES = "count_yes"  # subtotal = number of unit rows saying 是
    NONE = "none"  # no subtotal (text)


Compute = Callable[["UnitContext"], Cell]


@dataclass(frozen=True, slots=True)
class Column:
    key: str  # stable ASCII identifier (anchors, JSON)
    path: tuple[str, ...]  # header texts from the top header row down to this column's own
    measure: str  # 人, 本, 人次, or "" for text
    definition: str  # 统计口径, written with the campaign's own dates
    compute: Compute | None  # None for 序号 and 地区、单位（部门）
    total: Total = Total.SUM

    @property
    def label(self) -> str:
        return self.path[-1]


@dataclass(frozen=True, slots=True)
class TableSpec:
    key: str  # fj2 / fj3
    attachment: str  # 附件2
    title: str
    columns: tuple[Column, ...]

    def column(self, key: str) -> Column:
        for column in self.columns:
            if column.key == key:
                return column
        raise KeyError(key)

    @property
    def data_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if c.compute is not None)


class RowKind(StrEnum):
    UNIT = "单位"
    SUBTOTAL = "小计"
    TOTAL = "合计"


@dataclass(frozen=True, slots=True)
class Row:
    kind: RowKind
    id: str  # unit code, 地区:<name>, or 合计
    number: int | None  # 序号, unit rows only
    label: str  # 地区、单位（部门）
    region: str | None
    cells: dict[str, Cell]  # data columns by key
    adds: tuple[str, ...] = ()  # for subtotals and totals: the ids of the rows added up
    note: str | None = None  # e.g. 尚未报送

    def value(self, key: str) -> Value:
        return self.cells[key].value


@dataclass(frozen=True, slots=True)
class Table:
    spec: TableSpec
    rows: tuple[Row, ...]

    def row(self, row_id: str) -> Row:
        for row in self.rows:
            if row.id == row_id:
                return row
        raise KeyError(row_id)


def aggregate(
    spec: TableSpec, kind: RowKind, row_id: str, label: str, region: str | None, parts: Sequence[Row]
) -> Row:
    cells: dict[str, Cell] = {}
    for column in spec.data_columns:
        values = [p.cells[column.key].value for p in parts]
        cells[column.key] = Cell(_combine(column.total, values))
    return Row(kind, row_id, None, label, region, cells, adds=tuple(p.id for p in parts))


def _combine(total: Total, values: Iterable[Value]) -> Value:
    present = [v for v in values if v is not None]
    if total is Total.SUM:
        return sum(v for v in present if isinstance(v, int))
    if total is Total.COUNT_YES:  # unit rows say 是/否; subtotals already hold a count
        return sum(1 if v == YES else v if isinstance(v, int) else 0 for v in present)
    return None


YES = "是"
NO = "否"


@dataclass(frozen=True, slots=True)
class HeaderCell:
    """One cell of the merged header: 0-based top row and left column, with its spans."""

    text: str
    row: int
    col: int
    rowspan: int
    colspan: int


def header_grid(paths: Sequence[tuple[str, ...]]) -> tuple[int, list[HeaderCell]]:
    """The merged header the notice prints, from the columns' header paths.

    A group spans the columns that share its path prefix; a column whose path is shorter than the
    deepest one spans down to the last header row.  Returns (number of header rows, cells).
    """
    depth = max(len(p) for p in paths)
    cells: list[HeaderCell] = []
    for level in range(depth):
        col = 0
        while col < len(paths):
            path = paths[col]
            if len(path) <= level:
                col += 1
                continue
            prefix = path[: level + 1]
            end = col + 1
            if len(path) > level + 1:  # a group: extends over its siblings
                while end < len(paths) and paths[end][: level + 1] == prefix and len(paths[end]) > level + 1:
                    end += 1
                cells.append(HeaderCell(path[level], level, col, 1, end - col))
            else:
                cells.append(HeaderCell(path[level], level, col, depth - level, 1))
            col = end
    cells.sort(key=lambda c: (c.row, c.col))
    return depth, cells
