"""The roll-up's exports: 统计表.xlsx (the notice's layout) and 附件2/附件3.csv through export/, and
统计表.json in the published format a higher roll-up reads, each figure with the member's file, cell
and version.  Deterministic: the same commit gives the same bytes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from privtravel import journal
from privtravel.export import JSON, WORKBOOK, csv_name
from privtravel.export import csv as csv_export
from privtravel.export import json as json_export
from privtravel.export import xlsx as xlsx_export
from privtravel.rollup.members import Gathered, MemberState
from privtravel.stats.compute import Statistics
from privtravel.stats.table import Row, RowKind, Table

PURPOSE = "统计汇总（只含统计数字，不含人员信息）"


def member_entry(state: MemberState) -> dict[str, Any]:
    read = state.read
    return {
        "代码": state.member.code,
        "名称": state.member.name,
        "地区": state.member.region,
        "报送方式": state.member.source,
        "状态": state.status.value,
        "文件": state.member.file if state.sha256 else None,
        "报送日期": state.committed.date().isoformat() if state.committed else None,
        "填表时间": read.filled_on.isoformat() if read is not None and read.filled_on else None,
        "版本": state.version() or None,
        "错误数": sum(1 for d in state.diagnostics if d.is_error),
    }


def _row(row: Row, table: Table) -> dict[str, Any]:
    out: dict[str, Any] = {
        "行类型": row.kind.value,
        "序号": row.number,
        "地区、单位（部门）": row.label,
        "成员代码": row.id if row.kind is RowKind.UNIT else None,
        "地区": row.region,
        "备注": row.note,
        "数值": {c.key: row.cells[c.key].value for c in table.spec.data_columns},
    }
    if row.kind is RowKind.UNIT:
        out["来源"] = {
            c.key: [
                {"文件": r.src.path, "单元格": r.src.where[0], "版本": r.what} for r in row.cells[c.key].refs
            ]
            for c in table.spec.data_columns
        }
    else:
        out["由以下行相加"] = list(row.adds)
    return out


def document(stats: Statistics, gathered: Gathered) -> bytes:
    r = gathered.rollup
    data = {
        "用途": PURPOSE,
        "汇总": r.name,
        "填表单位": r.issuer,
        "出国境起算日期": r.trips_since.isoformat(),
        "统计表报送截止日期": r.deadline.isoformat(),
        "违规问题计数": r.cases_by,
        "数据版本": json_export.version(stats),
        "尚未报送单位": list(stats.not_submitted),
        "成员": [member_entry(s) for s in gathered.states],
        "表": [
            {
                "附件": t.spec.attachment,
                "表名": t.spec.title,
                "列": [
                    {"键": c.key, "表头": list(c.path), "计量单位": c.measure, "统计口径": c.definition}
                    for c in t.spec.columns
                ],
                "行": [_row(row, t) for row in t.rows],
            }
            for t in stats.tables
        ],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write_all(stats: Statistics, gathered: Gathered, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files = [(WORKBOOK, xlsx_export.workbook(stats))]
    files += [(csv_name(t.spec.attachment), csv_export.table(t)) for t in stats.tables]
    files.append((JSON, document(stats, gathered)))
    # the tables, csv and json agree with each other: all of them are replaced, or none (journal)
    journal.write_all(out, dict(files), [], journal.usual_mode(), "导出汇总统计表")
    return [out / name for name, _ in files]
