"""One page per unit: roster completeness, reports, custody, approvals, cases, check results."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from privtravel.diagnostics import Diagnostic
from privtravel.masking import document_number
from privtravel.model import Campaign, UnitData
from privtravel.rules import reporting
from privtravel.site.pages.attention import person_anchor
from privtravel.site.pages.common import cell, date_text, demo_note, html_table
from privtravel.site.search import aliases, short_name
from privtravel.site.status import UnitStatus

CATEGORIES = ("退休满1年的市管干部", "本地本单位管理的人员", "下属单位管理的人员", "其他人员")
DOCUMENT_TYPES = ("普通护照", "往来港澳通行证", "大陆居民往来台湾通行证")
FORMAT_CHECK = "填报格式检查"


def unit_page(
    campaign: Campaign,
    status: UnitStatus,
    unit: UnitData | None,
    diagnostics: list[Diagnostic],
    today: dt.date,
    computed_from: str,
    top: str = "",
) -> str:
    """The unit's page; ``top`` (findings, the unit's own tables) goes right after its basic facts."""
    config = status.config
    lines = [
        f"# {cell(config.name)}",
        "",
        f'<p class="muted">简称：{cell("、".join(dict.fromkeys([short_name(config.name), *aliases(config.name)])))}'
        f"　单位代码：{cell(config.code)}</p>",
        "",
        demo_note(campaign),
        f"地区：{cell(config.region)}　　类别：{cell(config.category or '未分类')}　　"
        f"状态：**{status.state}**　　数据来源：{cell(computed_from)}",
        "",
    ]
    if unit is None or not unit.files:
        return "\n".join([*lines, "本单位尚未报送任何材料。", ""])
    lines += _profile(unit)
    lines += [top] if top else []
    lines += _roster(unit)
    lines += _custody(campaign, unit, today)
    lines += _approvals(unit)
    lines += _cases(unit)
    lines += _diagnostics(diagnostics)
    return "\n".join(lines)


def _profile(unit: UnitData) -> list[str]:
    p = unit.profile
    if p is None:
        return ["## 基本情况", "", "尚未报送「单位.yaml」。", ""]
    rules = "；".join(f"{cell(r.name)}（{date_text(r.issued)}）" for r in p.rules) or "**尚未建立**"
    keepers = "、".join(p.custody_keepers) or "未指定"
    return [
        "## 基本情况",
        "",
        f"- 国家工作人员总数：{p.staff_total}",
        f"- 因私出国（境）管理制度：{rules}",
        f"- 证件保管：{cell(p.custody_office)}，专人 {cell(keepers)}，{'有' if p.custody_cabinet else '**没有**'}专柜",
        f"- 填表人：{cell(p.filler)}　审核人：{cell(p.reviewer)}",
        "",
    ]


def _roster(unit: UnitData) -> list[str]:
    active = [p for p in unit.roster if p.revoked is None]
    entered = [p for p in active if any(c.kind == "新增" and c.entered for c in p.changes)]
    by_category = Counter(p.category for p in entered)
    reports = {r.id: r for r in unit.reports}
    lines = [
        "## 登记备案和报告表",
        "",
        f"应登记备案 {len(active)} 人，公安机关已入库 {len(entered)} 人"
        + (
            f"，**{len(active) - len(entered)} 人尚未完成登记备案**。" if len(entered) < len(active) else "。"
        ),
        "",
        "| " + " | ".join(CATEGORIES) + " |",
        "|" + "--:|" * len(CATEGORIES),
        "| " + " | ".join(str(by_category[c]) for c in CATEGORIES) + " |",
        "",
        _reporting_line(unit),
        "",
        f"<details><summary>登记备案人员名单（{len(unit.roster)} 人）</summary>",
        "",
    ]
    rows = []
    for person in unit.roster:
        report = reports.get(person.id)
        state = report.kind if report else ("已撤销" if person.revoked else "<strong>未报告</strong>")
        rows.append(
            [
                cell(person.id),
                cell(person.name),
                cell(person.post),
                cell(person.category),
                state,
                str(len(report.documents)) if report else "",
                str(len(report.trips)) if report else "",
                cell("、".join(person.strict_review)),
            ]
        )
    headers = ["编号", "姓名", "现任职务", "登记备案类别", "报告表", "证件", "出国（境）", "从严审查情形"]
    ids = [person_anchor(p.id) for p in unit.roster]
    lines.append(html_table(headers, rows, numeric=frozenset({5, 6}), row_ids=ids))
    return [*lines, "", "</details>", ""]


def _reporting_line(unit: UnitData) -> str:
    """应报告 and its partition (rules/reporting.py), the same figures as the 应查尽查 line."""
    covered = reporting.coverage(unit)
    parts = "、".join(f"{label} {n}" for label, n in covered.parts())
    outside = f"；名单外人员的报告 {len(covered.outside)} 份" if covered.outside else ""
    return f"报告表：应报告 {len(covered.due)}（{parts}）{outside}。"


def _names(unit: UnitData) -> dict[str, str]:
    """编号 → 姓名 for everyone the unit has declared (roster and reports)."""
    return {p.id: p.name for p in unit.roster} | {r.id: r.name for r in unit.reports}


def _custody(campaign: Campaign, unit: UnitData, today: dt.date) -> list[str]:
    held: Counter[str] = Counter()
    out_now = []
    approvals = {a.id: a for a in unit.approvals}
    names = _names(unit)
    for item in unit.custody:
        if item.removal is not None:
            continue
        held[item.type] += 1
        for loan in item.loans:
            if loan.returned is None:
                approval = approvals.get(loan.approval_id)
                due = approval.planned_entry + dt.timedelta(days=campaign.return_days) if approval else None
                overdue = due is not None and today > due
                out_now.append(
                    [
                        cell(names.get(item.person_id, item.person_id)),
                        item.type,
                        document_number(item.number),
                        date_text(loan.date),
                        cell(loan.approval_id),
                        (date_text(due) if due else "") + (" <strong>逾期未交回</strong>" if overdue else ""),
                    ]
                )
    lines = [
        "## 证件保管",
        "",
        "| 证件类别 | 集中保管（本） |",
        "|---|--:|",
        *(f"| {t} | {held[t]} |" for t in DOCUMENT_TYPES),
        "",
    ]
    if out_now:
        headers = ["持证人", "证件类别", "号码", "领用日期", "审批编号", "应交回日期"]
        lines += ["已领用尚未交回：", "", html_table(headers, out_now), ""]
    return lines


def _approvals(unit: UnitData) -> list[str]:
    if not unit.approvals:
        return ["## 因私出国（境）审批", "", "没有审批记录。", ""]
    names = _names(unit)
    rows = []
    for a in unit.approvals:
        opinion = f"{a.opinion.verdict}（{a.opinion.date}）" if a.opinion else "<strong>未征求</strong>"
        decided = f"{a.result}（{a.approved_on}）" if a.approved_on else a.result
        rows.append(
            [
                cell(a.id),
                cell(names.get(a.person_id, a.person_id)),
                cell(a.reason),
                cell("、".join(a.places)),
                str(a.planned_exit),
                str(a.planned_entry),
                opinion,
                cell(decided),
            ]
        )
    headers = ["审批编号", "申请人", "事由", "前往", "计划出境", "计划入境", "纪检监察意见", "审批"]
    return ["## 因私出国（境）审批", "", html_table(headers, rows), ""]


def _cases(unit: UnitData) -> list[str]:
    if not unit.cases:
        return ["## 违规违纪问题及处理", "", "没有登记违规违纪问题。", ""]
    names = _names(unit)
    rows = []
    for c in unit.cases:
        handled = cell("、".join(h.method for h in c.handlings)) or "<strong>尚未处理</strong>"
        held = "、".join(f"{a.name}（{a.method}）" for a in c.accountable)
        rows.append(
            [
                cell(c.id),
                cell(names.get(c.person_id, c.person_id)),
                cell("、".join(c.kinds)),
                cell(c.found_by),
                handled,
                cell(held),
            ]
        )
    headers = ["问题编号", "人员", "问题类型", "发现途径", "处理", "责任追究"]
    return ["## 违规违纪问题及处理", "", html_table(headers, rows), ""]


def _diagnostics(diagnostics: list[Diagnostic]) -> list[str]:
    if not diagnostics:
        return [f"## {FORMAT_CHECK}", "", "填报文件没有格式错误和警告。", ""]
    rows = [
        [cell(d.path.split("/", 2)[-1]), str(d.line or ""), d.code, d.severity.value, cell(d.message)]
        for d in sorted(diagnostics, key=Diagnostic.sort_key)
    ]
    table = html_table(["文件", "行", "代码", "类别", "说明"], rows, numeric=frozenset({1}))
    return [
        f"## {FORMAT_CHECK}",
        "",
        "privtravel check 对本单位填报文件的检查（不是集中检查）：",
        "",
        table,
        "",
    ]
