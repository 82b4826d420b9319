"""A member's published 统计表.json: a campaign's (privtravel rollup publish) or a lower roll-up's.

The columns must be the notice's, in its order, under the keys the tool uses; every figure is checked
as strictly as a cell of a workbook.  A file that names persons is refused: upward, only statistics travel.
"""

from __future__ import annotations

import json
from typing import Any

from privtravel.rollup import values
from privtravel.rollup.grid import ABSENT_MARKS, Figure, Grid, GridRow, Kind, Read, norm
from privtravel.stats.table import Column, TableSpec, Total

MAX_BYTES = 20 * 1024 * 1024
PERSON_KEYS = ("姓名", "编号", "公民身份号码", "证件号码")
KINDS = {"单位": Kind.UNIT, "小计": Kind.SUBTOTAL, "合计": Kind.TOTAL}


def read(path: str, raw: bytes, specs: tuple[TableSpec, ...], cases_by: str) -> Read:
    out = Read(path, counted_by_tool=True)
    if len(raw) > MAX_BYTES:
        out.problem("T101", "", f"文件有 {len(raw) // 1024} KB，超过 {MAX_BYTES // 1024 // 1024} MB")
        return out
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        out.problem("T101", "", "不是 UTF-8 编码的文本")
        return out
    except json.JSONDecodeError as exc:
        out.problem("T101", f"第{exc.lineno}行第{exc.colno}列", f"不是合法的 JSON：{exc.msg}")
        return out
    if not isinstance(data, dict) or not isinstance(data.get("表"), list):
        out.problem("T110", "", "最外层应有「表」（附件2、附件3 的列表）")
        return out
    if _names_persons(data):
        out.problem("T111", "来源", "文件中有人员的姓名或编号：向上只能报送统计数字")
        return out
    version = data.get("数据版本")
    if isinstance(version, dict) and isinstance(version.get("说明"), str):
        out.member_version = version["说明"]
    else:
        out.problem("T110", "数据版本", "缺少「数据版本」：无法追溯这些数字来自哪一次提交")
    missing = data.get("尚未报送单位")
    if isinstance(missing, list) and missing:
        out.incomplete.extend(str(m) for m in missing)
        out.problem(
            "T114", "尚未报送单位", f"成员表中尚未报送：{'、'.join(out.incomplete)}，成员的合计中不含"
        )
    their = data.get("违规问题计数")
    if isinstance(their, str) and their != cases_by:
        out.problem("T113", "违规问题计数", f"成员按「{their}」统计违规问题，汇总按「{cases_by}」")
    tables = {t.get("附件"): t for t in data["表"] if isinstance(t, dict)}
    for spec in specs:
        table = tables.get(spec.attachment)
        if table is None:
            out.problem("T102", spec.attachment, f"文件中没有「{spec.attachment}」")
            continue
        grid = _table(out, spec, table)
        if grid is not None:
            out.grids[spec.key] = grid
    return out


def _names_persons(node: Any) -> bool:
    """Any mapping anywhere with a person's name, number or document number filled in."""
    if isinstance(node, dict):
        if any(node.get(k) not in (None, "") for k in PERSON_KEYS):
            return True
        return any(_names_persons(v) for v in node.values())
    if isinstance(node, list):
        return any(_names_persons(v) for v in node)
    return False


def _table(out: Read, spec: TableSpec, table: dict[str, Any]) -> Grid | None:
    name = spec.attachment
    columns = table.get("列")
    if not isinstance(columns, list) or len(columns) != len(spec.columns):
        count = len(columns) if isinstance(columns, list) else 0
        out.problem("T103", f"{name}!列", f"应有通知的 {len(spec.columns)} 列，这里有 {count} 列")
        return None
    for i, (theirs, ours) in enumerate(zip(columns, spec.columns, strict=True), start=1):
        header = theirs.get("表头") if isinstance(theirs, dict) else None
        key = theirs.get("键") if isinstance(theirs, dict) else None
        joined = "-".join(str(h) for h in header) if isinstance(header, list) else ""
        if key != ours.key or norm(joined) != norm("-".join(ours.path)):
            out.problem("T103", f"{name}!列第{i}项", f"表头应为「{'-'.join(ours.path)}」，这里是「{joined}」")
            return None
    rows = table.get("行")
    if not isinstance(rows, list):
        out.problem("T110", f"{name}!行", "缺少「行」")
        return None
    grid = Grid(spec)
    for i, raw in enumerate(rows, start=1):
        row = _row(out, spec, raw, f"{name}!行第{i}项")
        if row is not None:
            grid.rows.append(row)
    if not any(r.kind is not Kind.ABSENT for r in grid.rows):
        out.problem("T109", f"{name}!行", "没有任何数据行")
    return grid


def _row(out: Read, spec: TableSpec, raw: Any, where: str) -> GridRow | None:
    if not isinstance(raw, dict) or raw.get("行类型") not in KINDS or not isinstance(raw.get("数值"), dict):
        out.problem("T110", where, "每行应有「行类型」（单位、小计、合计）、「地区、单位（部门）」和「数值」")
        return None
    label = str(raw.get("地区、单位（部门）") or "").strip()
    if not label:
        out.problem("T109", where, "没有写「地区、单位（部门）」")
        return None
    kind = KINDS[raw["行类型"]]
    numbers: dict[str, Any] = raw["数值"]
    note = str(raw.get("备注") or "")
    if (
        kind is Kind.UNIT
        and any(m in note for m in ABSENT_MARKS)
        and all(v is None for v in numbers.values())
    ):
        return GridRow(Kind.ABSENT, label, f"{spec.attachment}!{label}")
    row = GridRow(kind, label, f"{spec.attachment}!{label}")
    blank = [
        c.label for c in spec.data_columns if c.total is not Total.NONE and numbers.get(c.key, 0) is None
    ]
    if kind is Kind.UNIT and blank:  # the tool leaves a figure blank when a unit has not declared it yet
        out.problem("T114", f"{spec.attachment}!{label}", f"「{label}」的{'、'.join(blank)}空着，合计中不含")
    for column in spec.data_columns:
        cell = f"{spec.attachment}!{label}!{column.label}"
        if column.key not in numbers:
            out.problem("T110", cell, f"缺少「{column.label}」（键 {column.key}）")
            continue
        if kind is Kind.UNIT and numbers[column.key] is None:
            row.figures[column.key] = Figure(None, cell)
            continue
        row.figures[column.key] = _figure(out, column, kind, numbers[column.key], cell)
    return row


def _figure(out: Read, column: Column, kind: Kind, raw: Any, cell: str) -> Figure:
    value: Any
    if column.total is Total.SUM:
        value, problem = values.count(raw)
    elif column.total is Total.COUNT_YES:
        value, problem = values.yes_no(raw) if kind is Kind.UNIT else values.yes_count(raw)
    else:
        value, problem = values.text(raw), None
    if problem is not None:
        out.problem(problem[0], cell, f"「{column.label}」{problem[1]}")
    return Figure(value, cell)
