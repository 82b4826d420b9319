"""The identities between columns that the notice implies, and the sums of 小计 and 合计 (T2xx, T107, T108).

Each rule looks at one row (a unit, a 小计 or the 合计) of one table; a figure that could not be read
is left out of every rule that needs it (its own problem is already reported).  Tables the tool
publishes count by its 统计口径, under which the four 登记备案 categories and the three document types
may exceed 实备数 and 实收数 (persons and documents still registered or kept though no longer due):
for them those two rules ask for「不少于」, for hand-filled tables for「等于」.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from privtravel.diagnostics import Diagnostic
from privtravel.rollup.grid import Figure, Grid, GridRow, Kind
from privtravel.stats.table import Total
from privtravel.stats.table2 import METHODS
from privtravel.stats.table3 import CATEGORIES, DOC_TYPES

CATEGORY_KEYS = tuple(k for k, _ in CATEGORIES)
DOC_KEYS = tuple(k for k, _, _ in DOC_TYPES)
METHOD_KEYS = tuple(k for k, _ in METHODS)

Emit = Callable[[str, Figure, str], None]


def _ints(row: GridRow, keys: tuple[str, ...]) -> list[int] | None:
    out = []
    for key in keys:
        figure = row.figures.get(key)
        if figure is None or not isinstance(figure.value, int) or isinstance(figure.value, bool):
            return None
        out.append(figure.value)
    return out


def _label(grid: Grid, key: str) -> str:
    return grid.spec.column(key).label


def check(grid: Grid, path: str, *, published: bool) -> list[Diagnostic]:
    out: list[Diagnostic] = []

    def emit(code: str, figure: Figure, message: str) -> None:
        out.append(Diagnostic(path, code, message, field=figure.cell))

    for row in grid.rows:
        if row.kind is Kind.ABSENT:
            continue
        if grid.spec.key == "fj3":
            _fj3(grid, row, emit, published)
        else:
            _fj2(grid, row, emit)
    _sums(grid, emit)
    return out


def _le(grid: Grid, row: GridRow, emit: Emit, code: str, small: str, big: str) -> None:
    pair = _ints(row, (small, big))
    if pair is not None and pair[0] > pair[1]:
        emit(
            code,
            row.figures[small],
            f"「{row.label}」的{_label(grid, small)} {pair[0]} 大于{_label(grid, big)} {pair[1]}",
        )


def _parts(
    grid: Grid, row: GridRow, emit: Emit, code: str, whole: str, keys: tuple[str, ...], at_least: bool
) -> None:
    got = _ints(row, (whole, *keys))
    if got is None:
        return
    total, parts = got[0], sum(got[1:])
    if parts == total or (at_least and parts > total):
        return
    names = "、".join(_label(grid, k) for k in keys)
    rule = "不少于" if at_least else "等于"
    emit(
        code,
        row.figures[whole],
        f"「{row.label}」{names}之和是 {parts}，应{rule}{_label(grid, whole)} {total}",
    )


def _fj3(grid: Grid, row: GridRow, emit: Emit, published: bool) -> None:
    _le(grid, row, emit, "T201", "registered", "to_register")
    _parts(grid, row, emit, "T202", "registered", CATEGORY_KEYS, published)
    _le(grid, row, emit, "T203", "collected", "due")
    _parts(grid, row, emit, "T204", "collected", DOC_KEYS, published)
    pair = _ints(row, ("to_register", "due"))
    if pair is not None and pair[0] == 0 and pair[1] > 0:
        emit(
            "T209",
            row.figures["due"],
            f"「{row.label}」应备数为 0，应收数却是 {pair[1]}：应收数只数应备人员的证件",
        )
    if row.kind is Kind.UNIT:
        has, names = row.figures.get("has_rules"), row.figures.get("rule_names")
        named = names is not None and names.value not in (None, "无")
        if has is not None and names is not None:
            if has.value == "是" and not named:
                emit("T207", names, f"「{row.label}」已建立相关制度，请写明制度名称及出台时间")
            elif has.value == "否" and named:
                emit("T207", has, f"「{row.label}」填了「否」，却写了制度「{names.value}」")


def _fj2(grid: Grid, row: GridRow, emit: Emit) -> None:
    handled = _ints(row, ("handled",))
    times = _ints(row, METHOD_KEYS)
    if handled is not None and times is not None:
        if sum(times) < handled[0]:
            emit(
                "T205",
                row.figures["handled"],
                f"「{row.label}」处理人数 {handled[0]}，各处理方式合计只有 {sum(times)} 人次：每个受到处理的人至少计 1 人次",
            )
        if handled[0] == 0 and sum(times) > 0:
            emit(
                "T206", row.figures["handled"], f"「{row.label}」处理人数为 0，处理方式却有 {sum(times)} 人次"
            )
    pair = _ints(row, ("unapproved_trip", "unapproved_since"))
    if pair is not None and pair[0] > pair[1]:
        emit(
            "T208",
            row.figures["unapproved_trip"],
            f"「{row.label}」未经批准擅自出国(境) {pair[0]}，多于{_label(grid, 'unapproved_since')} {pair[1]}",
        )


def _sums(grid: Grid, emit: Emit) -> None:
    """A 小计 adds the unit rows since the previous 小计; the 合计 adds every unit row."""
    group: list[GridRow] = []
    units: list[GridRow] = []
    for row in grid.rows:
        if row.kind is Kind.UNIT:
            group.append(row)
            units.append(row)
        elif row.kind is Kind.SUBTOTAL:
            _compare(grid, row, group, emit, "T107", "上面本地区各行")
            group = []
    for row in grid.rows:
        if row.kind is Kind.TOTAL:
            _compare(grid, row, units, emit, "T108", "各单位行")


def _compare(grid: Grid, row: GridRow, parts: list[GridRow], emit: Emit, code: str, what: str) -> None:
    for column in grid.spec.data_columns:
        figure = row.figures.get(column.key)
        if figure is None or figure.value is None or column.total is Total.NONE:
            continue
        added = list(addends(parts, column.key, column.total))
        if len(added) != len(parts) or not isinstance(figure.value, int):
            continue
        if figure.value != sum(added):
            emit(code, figure, f"「{row.label}」的{column.label}是 {figure.value}，{what}之和是 {sum(added)}")


def addends(parts: list[GridRow], key: str, total: Total) -> Iterator[int]:
    for part in parts:
        figure = part.figures.get(key)
        value = None if figure is None else figure.value
        if total is Total.COUNT_YES:
            if value in ("是", "否"):
                yield 1 if value == "是" else 0
            elif isinstance(value, int):
                yield value
        elif isinstance(value, int):
            yield value
