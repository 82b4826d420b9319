"""The dashboard's 集中检查 page and the rectification progress of the 总览 (Markdown with a little HTML).

Every figure is computed from inspections/ and 整改.yaml; free text is shown with full document and ID
numbers masked.  ``today`` decides what is overdue, so the page names it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from privtravel.campaignops.remind_output import cn_date
from privtravel.load.repository import Repository
from privtravel.masking import mask_text
from privtravel.model import ASPECT_OK, ASPECTS, UnitConfig, UnitData

OVERDUE_CSS = "status-none"
DONE_CSS = "status-done"


@dataclass(frozen=True, slots=True)
class UnitProgress:
    config: UnitConfig
    date: dt.date | None  # None: not inspected
    problems: int
    serious: int
    circulated: int
    unanswered: int  # problems without any rectification item
    items: int
    done: int
    overdue: int


def progress(repo: Repository, today: dt.date) -> list[UnitProgress]:
    """One row per inspected unit, in campaign order."""
    assert repo.campaign is not None
    out = []
    for config in repo.campaign.units:
        unit = repo.units.get(config.code)
        if unit is None or unit.inspection is None:
            continue
        problems = unit.inspection.problems
        ids = {p.id for p in problems}
        items = [r for r in unit.rectifications if r.problem_id in ids]
        out.append(
            UnitProgress(
                config=config,
                date=unit.inspection.date,
                problems=len(problems),
                serious=sum(p.serious for p in problems),
                circulated=sum(p.circulated for p in problems),
                unanswered=len(ids - {r.problem_id for r in items}),
                items=len(items),
                done=sum(r.done for r in items),
                overdue=sum(not r.done and r.due < today for r in items),
            )
        )
    return out


def overview_section(rows: list[UnitProgress], today: dt.date, inspected_of: int) -> str:
    """The 总览's 「集中检查整改进度」 section."""
    lines = ["## 集中检查整改进度", ""]
    if not rows:
        return "\n".join([*lines, "专项检查组还没有提交检查情况。", ""])
    items = sum(r.items for r in rows)
    done = sum(r.done for r in rows)
    share = f"{done * 100 // items}%" if items else "—"
    lines += [
        f"已检查 {len(rows)} 个单位（共 {inspected_of} 个），指出问题 {sum(r.problems for r in rows)} 个"
        f"（严重 {sum(r.serious for r in rows)} 个，通报 {sum(r.circulated for r in rows)} 个）；"
        f"整改措施 {items} 项，已完成 {done} 项（{share}），逾期未完成 {sum(r.overdue for r in rows)} 项，"
        f"尚无整改措施的问题 {sum(r.unanswered for r in rows)} 个（截至 {cn_date(today)}）。",
        "",
        "| 单位 | 检查日期 | 问题 | 严重 | 通报 | 整改措施 | 已完成 | 逾期 | 尚无整改措施 |",
        "|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in rows:
        overdue = f'<span class="{OVERDUE_CSS}">{r.overdue}</span>' if r.overdue else "0"
        date = cn_date(r.date) if r.date else ""
        lines.append(
            f"| {escape(r.config.name)} | {date} | {r.problems} | {r.serious} | {r.circulated} | "
            f"{r.items} | {r.done} | {overdue} | {r.unanswered} |"
        )
    lines += ["", "详见「集中检查」页。", ""]
    return "\n".join(lines)


def _t(text: str) -> str:
    return escape(mask_text(text)).replace("|", "｜").replace("\n", " ")


def unit_section(config: UnitConfig, unit: UnitData, today: dt.date) -> str:
    inspection = unit.inspection
    assert inspection is not None
    members = "、".join(f"{escape(m.name)}（{escape(m.body)}）" for m in inspection.inspectors)
    verdicts = {a.aspect: a for a in inspection.aspects}
    lines = [
        f"## {escape(config.name)}",
        "",
        f"检查日期：{cn_date(inspection.date)}；检查组：{members}。",
        "",
        "| 方面 | 结论 | 说明 |",
        "|---|---|---|",
    ]
    for aspect in ASPECTS:
        v = verdicts[aspect]
        css = DONE_CSS if v.verdict == ASPECT_OK else OVERDUE_CSS
        lines.append(f'| {aspect} | <span class="{css}">{v.verdict}</span> | {_t(v.note or "")} |')
    lines += ["", "### 指出的问题", ""]
    if not inspection.problems:
        lines += ["未发现问题。", ""]
        return "\n".join(lines)
    lines += [
        "| 编号 | 方面 | 问题 | 证据 | 严重 | 通报 | 整改期限 | 整改进度 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for p in inspection.problems:
        items = [r for r in unit.rectifications if r.problem_id == p.id]
        state = "尚无整改措施" if not items else f"{sum(r.done for r in items)}/{len(items)} 项已完成"
        lines.append(
            f"| {escape(p.id)} | {p.aspect} | {_t(p.description)} | {'；'.join(_t(e) for e in p.evidence)} | "
            f"{'是' if p.serious else '否'} | {'是' if p.circulated else '否'} | "
            f"{cn_date(p.deadline) if p.deadline else ''} | {state} |"
        )
    ids = {p.id for p in inspection.problems}
    items = [r for r in unit.rectifications if r.problem_id in ids]
    lines += ["", "### 整改措施", ""]
    if not items:
        return "\n".join([*lines, "本单位还没有填写整改措施。", ""])
    lines += [
        "| 编号 | 问题 | 整改措施 | 责任人 | 完成时限 | 状态 | 完成日期 | 完成证明 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in items:
        if r.done:
            state = f'<span class="{DONE_CSS}">{r.status}</span>'
        elif r.due < today:
            state = f'<span class="{OVERDUE_CSS}">{r.status}（逾期 {(today - r.due).days} 天）</span>'
        else:
            state = r.status
        lines.append(
            f"| {escape(r.id)} | {escape(r.problem_id)} | {_t(r.measure)} | {escape(r.owner_name)}（{escape(r.owner_post)}） | "
            f"{cn_date(r.due)} | {state} | {cn_date(r.closed) if r.closed else ''} | "
            f"{'；'.join(_t(e) for e in r.proof)} |"
        )
    return "\n".join([*lines, ""])


def page(repo: Repository, today: dt.date) -> str:
    """The whole 集中检查 page: every inspected unit, in campaign order."""
    assert repo.campaign is not None
    lines = [
        "# 集中检查",
        "",
        "市纪委监委、市委组织部、市公安局等部门组成的专项检查组对「应建尽建」「应备尽备」「应交尽交」"
        "「应审尽审」「应查尽查」「应处尽处」情况的检查，指出的问题和各单位的整改。"
        f"逾期按 {cn_date(today)} 计算。",
        "",
    ]
    sections = []
    for config in repo.campaign.units:
        unit = repo.units.get(config.code)
        if unit is not None and unit.inspection is not None:
            sections.append(unit_section(config, unit, today))
    if not sections:
        lines += ["专项检查组还没有提交检查情况。", ""]
    return "\n".join(lines + sections)
