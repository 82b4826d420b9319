"""Both tables for a terminal: numbered column headers with a legend, aligned for Chinese text."""

from __future__ import annotations

import unicodedata
from typing import TextIO

from privtravel.masking import mask_text
from privtravel.stats.compute import Statistics
from privtravel.stats.options import cn_date
from privtravel.stats.table import Column, Row, Table


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def pad(text: str, size: int, *, right: bool = False) -> str:
    gap = " " * max(0, size - width(text))
    return gap + text if right else text + gap


def _value(row: Row, column: Column) -> str:
    if column.key == "no":
        return "" if row.number is None else str(row.number)
    if column.key == "name":
        return row.label if row.note is None else f"{row.label}（{row.note}）"
    value = row.cells[column.key].value
    if column.key == "rule_names" and value not in (None, "无"):
        return "见下"
    return "" if value is None else str(value)


def table(t: Table, out: TextIO) -> None:
    columns = t.spec.columns
    out.write(f"{t.spec.attachment} {t.spec.title}\n")
    for index, column in enumerate(columns, start=1):
        shown = "".join(column.path)
        measure = f"（{column.measure}）" if column.measure and column.measure not in shown else ""
        out.write(f"  [{index}] {'-'.join(column.path)}{measure}\n")
    cells = [[mask_text(_value(row, c)) for c in columns] for row in t.rows]
    heads = [f"[{i}]" for i in range(1, len(columns) + 1)]
    sizes = [max([width(h), *(width(r[i]) for r in cells)]) for i, h in enumerate(heads)]
    out.write("  ".join(pad(h, sizes[i], right=i != 1) for i, h in enumerate(heads)).rstrip() + "\n")
    for r in cells:
        out.write("  ".join(pad(v, sizes[i], right=i != 1) for i, v in enumerate(r)).rstrip() + "\n")
    if any(c.key == "rule_names" for c in columns):
        for row in t.rows:
            names = row.cells["rule_names"].value
            if isinstance(names, str) and names != "无":
                out.write(mask_text(f"  {row.label} 的制度：{names}\n"))
    out.write("\n")


def write(stats: Statistics, out: TextIO) -> None:
    o = stats.options
    out.write(f"{stats.campaign.name}：{stats.scope.describe()}\n")
    out.write(f"统计截止日期 {cn_date(o.as_of)}；数据版本 {stats.version.describe()}\n")
    if stats.not_submitted:
        out.write(f"尚未报送，未计入：{'、'.join(stats.not_submitted)}\n")
    out.write("\n")
    for t in stats.tables:
        table(t, out)
    out.write(
        "各列的统计口径见导出的工作簿「统计口径」工作表或看板「统计表」页；每个数字的来源见 --format json。\n"
    )
