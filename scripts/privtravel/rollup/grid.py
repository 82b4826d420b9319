"""One member's table as read from its file: rows of figures, each figure with the cell it came from.

Both readers (the notice-layout workbook and the published JSON) produce the same ``Grid``; the rules,
the sums and the roll-up's own table read nothing else.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import StrEnum

from privtravel.diagnostics import Diagnostic
from privtravel.stats.options import Options
from privtravel.stats.table import TableSpec, Total, Value
from privtravel.stats.table2 import TABLE as TABLE2
from privtravel.stats.table3 import TABLE as TABLE3


class Kind(StrEnum):
    UNIT = "单位"
    SUBTOTAL = "小计"
    TOTAL = "合计"
    ABSENT = "未报送"  # a row the member itself marks as not (yet) reported: blank, counted nowhere


# the 计算方法 the blank workbook (rollup template) states: filled by hand, so the notice's 「等于」 rules hold
HAND_FILLED = "由成员按各列统计口径手工填写"
ABSENT_MARKS = ("尚未报送", "未报送", "有错误")


@dataclass(frozen=True, slots=True)
class Figure:
    value: Value
    cell: str  # 附件3!E9 in a workbook; 附件3!合计!实备数 in a JSON file


@dataclass(slots=True)
class GridRow:
    kind: Kind
    label: str
    cell: str  # where the row's label is
    figures: dict[str, Figure] = field(default_factory=dict)  # data columns by key


@dataclass(slots=True)
class Grid:
    spec: TableSpec
    rows: list[GridRow] = field(default_factory=list)
    sheet: str = ""  # the worksheet it was read from (workbooks)


@dataclass(slots=True)
class Read:
    """What a reader made of one member file: the two grids (when readable) and every problem."""

    path: str
    grids: dict[str, Grid] = field(default_factory=dict)  # fj2, fj3
    diagnostics: list[Diagnostic] = field(default_factory=list)
    member_version: str | None = None  # the member's own data version (published JSON)
    filled_on: dt.date | None = None  # 填表时间, when the file says
    incomplete: list[str] = field(default_factory=list)  # units the member marks as not reported
    counted_by_tool: bool = False  # made by this tool: its 统计口径 apply (see rules)

    def problem(self, code: str, where: str, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.path, code, message, field=where))

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


def specs(options: Options) -> tuple[TableSpec, TableSpec]:
    """附件2 and 附件3 as the notice prints them, headers written with the roll-up's own dates."""
    return TABLE2.spec(options), TABLE3.spec(options)


_SPACE = re.compile(r"\s+")
_SAME = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "、": ","})


def norm(text: object) -> str:
    """Header text as compared: no spaces or line breaks, one kind of brackets and colons."""
    return _SPACE.sub("", str(text or "")).translate(_SAME)


def is_count(total: Total) -> bool:
    return total is Total.SUM


def row_kind(label: str) -> Kind:
    compact = norm(label)
    if compact in ("合计", "总计", "全市合计", "全省合计"):
        return Kind.TOTAL
    if compact.endswith("小计"):
        return Kind.SUBTOTAL
    return Kind.UNIT


_DATE = re.compile(r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日")


def parse_cn_date(text: str) -> dt.date | None:
    found = _DATE.search(text)
    if found is None:
        return None
    try:
        return dt.date(int(found[1]), int(found[2]), int(found[3]))
    except ValueError:
        return None
