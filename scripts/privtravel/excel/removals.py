"""What an import would remove: reports whose person is no longer in the 报告表 sheet, ledger records
(人员, 证件, 审批, 问题) whose key is gone, and fewer rows than before under one owner (a person's
变动记录, a document's 领用记录, a report's 出国境情况, …).

A report is signed by its person and the ledgers are the unit's records: a row deleted by accident,
a sheet emptied or filtered before saving must not delete them.  Removing needs ``import --remove``;
without it each sheet's removals are one error that names who or what would go.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from privtravel import masking
from privtravel.excel.layout import Sheet, layout
from privtravel.excel.unitdocs import UnitDocs
from privtravel.load.layout import Kind

SHOWN = 30  # names listed in one message; the rest are counted


@dataclass(frozen=True)
class Removal:
    sheet: str
    what: str  # 0012-张三, 审批 SP-2019-03, 0012 张三 的变动记录 1 条


def removals(old: UnitDocs, new: UnitDocs) -> list[Removal]:
    out: list[Removal] = []
    new_ids = {_report_id(rel) for rel in new.reports}
    old_by_id = {_report_id(rel): (rel, data) for rel, data in old.reports.items()}
    new_by_id = {_report_id(rel): data for rel, data in new.reports.items()}
    for ident, (rel, _data) in sorted(old_by_id.items()):
        if ident not in new_ids:
            out.append(Removal("报告表", PurePosixPath(rel).stem))
    for sheet in layout().sheets:
        if sheet.spec.form or sheet.spec.per_file:
            continue
        if sheet.kind is Kind.REPORT:
            for ident, (rel, data) in sorted(old_by_id.items()):
                if ident in new_by_id:
                    owner = PurePosixPath(rel).stem
                    out.extend(
                        _fewer(
                            sheet,
                            {owner: data.get(sheet.spec.array[0], [])},
                            {owner: new_by_id[ident].get(sheet.spec.array[0], [])},
                        )
                    )
            continue
        before = _groups(old.files.get(sheet.kind, {}), sheet)
        after = _groups(new.files.get(sheet.kind, {}), sheet)
        if sheet.spec.key is not None and sheet.parent is None:
            key = sheet.spec.key
            kept = {item.get(key) for item in after.get("", []) if isinstance(item, dict)}
            for item in before.get("", []):
                if isinstance(item, dict) and item.get(key) not in kept:
                    out.append(Removal(sheet.name, _identity(sheet, item)))
        else:
            out.extend(_fewer(sheet, before, after))
    return out


def message(sheet: str, items: list[str]) -> str:
    shown = "、".join(items[:SHOWN]) + (f" 等 {len(items)} 项" if len(items) > SHOWN else "")
    if sheet == "报告表":
        what = f"少了 {len(items)} 人，导入会删除他们本人签名的报告表文件"
    else:
        what = "少了现有填报中的记录，导入会删除"
    return (
        f"「{sheet}」工作表{what}：{shown}。确实要删除的，请加 --remove 重新导入；"
        "否则请恢复这些行（可用 privtravel export 重新导出表格）。"
    )


def _fewer(sheet: Sheet, before: dict[str, list[Any]], after: dict[str, list[Any]]) -> list[Removal]:
    out = []
    for owner, items in sorted(before.items()):
        lost = len(items) - len(after.get(owner, []))
        if lost > 0:
            whose = f"{owner} 的" if owner else ""
            out.append(Removal(sheet.name, f"{whose}{sheet.title} {lost} 条"))
    return out


def _groups(data: dict[str, Any], sheet: Sheet) -> dict[str, list[Any]]:
    """The sheet's records in ``data`` by their owner's label ("" for a top-level list)."""
    array = sheet.spec.array
    owners: dict[str, list[Any]] = defaultdict(list)
    top = data.get(array[0], [])
    if len(array) == 1:
        owners[""] = list(top) if isinstance(top, list) else []
        return owners
    parent = layout().sheet(sheet.parent) if sheet.parent else None
    for item in top if isinstance(top, list) else []:
        if isinstance(item, dict):
            label = _identity(parent, item) if parent is not None else ""
            children = item.get(array[1], [])
            owners[label].extend(children if isinstance(children, list) else [])
    return owners


def _identity(sheet: Sheet, item: Any) -> str:
    """How a record is named in a message (personal numbers masked)."""
    if not isinstance(item, dict):
        return str(item)
    key = sheet.spec.key
    value = str(item.get(key, "")) if key else ""
    if key == "证件号码":
        return f"{item.get('编号', '')} {item.get('证件类别', '')} {masking.document_number(value)}".strip()
    if key == "编号" and item.get("姓名"):
        return f"{value} {item['姓名']}"
    return f"{sheet.title} {value}" if key != "编号" else value


def _report_id(rel: str) -> str:
    return PurePosixPath(rel).stem.split("-", 1)[0]
