"""总览: who is behind and on what first (pages/attention.py), then how far every unit has got."""

from __future__ import annotations

import datetime as dt
from html import escape

from privtravel.campaignops.reminders import Reminder
from privtravel.crosscheck.run import Outcome
from privtravel.model import Campaign
from privtravel.site import charts
from privtravel.site.pages import attention, findings, groups, statistics
from privtravel.site.pages.common import WIDE_PAGE, demo_note
from privtravel.site.status import DONE, NONE, PARTIAL, UnitStatus
from privtravel.stats.compute import Statistics
from privtravel.stats.table import Column, RowKind, Table

_CSS = {DONE: "status-done", PARTIAL: "status-part", NONE: "status-none"}


def milestones(campaign: Campaign) -> list[tuple[str, dt.date]]:
    return [
        ("各单位组织填报《报告表》（附件1）", campaign.report_deadline),
        ("全面自查自纠", campaign.self_check_deadline),
        ("报送附件2、附件3 统计表", campaign.tables_deadline),
        ("集中检查", campaign.inspection_deadline),
    ]


def next_monthly_day(campaign: Campaign, today: dt.date) -> dt.date:
    day = campaign.monthly_report_day
    this_month = today.replace(day=day)
    if today <= this_month:
        return this_month
    year, month = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
    return dt.date(year, month, day)


def overview(
    campaign: Campaign,
    statuses: list[UnitStatus],
    computed_from: str,
    today: dt.date,
    stats: Statistics,
    outcome: Outcome | None,
    links: dict[str, str],
    reminders: dict[str, list[Reminder]],
) -> str:
    counts = {state: sum(1 for s in statuses if s.state == state) for state in (DONE, PARTIAL, NONE)}
    lines = [
        *WIDE_PAGE,
        f"# {escape(campaign.name)}",
        "",
        demo_note(campaign),
        attention.timeline(campaign, milestones(campaign), next_monthly_day(campaign, today), today),
        "",
        *attention.block(campaign, statuses, reminders, links, today),
    ]
    for grouping in groups.groupings(campaign):
        lines += groups.table(grouping, statuses, reminders, stats)
    lines += [
        "## 各单位报送情况",
        "",
        charts.stacked(
            f"{len(statuses)} 个单位的报送进度",
            [
                (DONE, counts[DONE], "#2e7d32"),
                (PARTIAL, counts[PARTIAL], "#ef6c00"),
                (NONE, counts[NONE], "#c62828"),
            ],
        ),
        "",
        "已报送：单位基本情况和登记备案名单已交，登记备案人员都有报告表（含零报告、无需填报），且没有格式错误。",
        "",
        *status_table(statuses),
    ]
    lines += [
        "",
        *indicators(outcome, links, {s.config.code: groups.row_tags(s.config) for s in statuses}),
        *headline(stats),
        f"数据来源：{escape(computed_from)}",
        "",
    ]
    return "\n".join(lines)


def indicators(outcome: Outcome | None, links: dict[str, str], tags: dict[str, str]) -> list[str]:
    lines = ["## 六个「应…尽…」", ""]
    if outcome is None or not outcome.complete:
        return [*lines, findings.NO_POLICE if outcome is None else "公安数据有错误，未作比对。", ""]
    return [
        *lines,
        "与公安机关出入境管理部门的数据比对的结果，问题多的单位在前（点击查看依据，点击表头排序；"
        "详见[核查发现](findings.md)）：",
        "",
        *findings.matrix(outcome.units, links, tags=tags),
        "",
    ]


def headline(stats: Statistics) -> list[str]:
    fj2, fj3 = stats.fj2, stats.fj3
    total2 = {c.path[-1]: v for c, v in _totals(fj2)}
    total3 = {c.path[-1]: v for c, v in _totals(fj3)}
    violations = statistics.column_totals(
        fj2, "违规违纪问题处理情况", exclude=("处理方式（人次）", "处理人数")
    )
    handling = statistics.column_totals(fj2, "处理方式（人次）")
    custody = statistics.column_totals(fj3, "因私证件集中保管情况")
    return [
        "## 统计表主要数字",
        "",
        "| 国家工作人员总数 | 应备数 | 实备数 | 应收数 | 实收数 | 新增登记备案人数 | 未经审批出国（境）人数 | 处理人数 |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|",
        "| "
        + " | ".join(
            str(x)
            for x in (
                total3.get("国家工作人员总数"),
                total3.get("应备数"),
                total3.get("实备数"),
                total3.get("应收数"),
                total3.get("实收数"),
                total2.get("新增登记备案人数"),
                total2.get("2016年1月1日以来未经审批出国（境）人数"),
                total2.get("处理人数"),
            )
        )
        + " |",
        "",
        "完整的附件2、附件3 见[统计表](stats.md)。",
        "",
        charts.bars("违规违纪问题（附件2，按问题类别）", violations),
        "",
        charts.bars("处理方式（附件2，人次）", handling, unit=" 人次"),
        "",
        charts.bars("因私证件集中保管（附件3，本）", custody, unit=" 本"),
        "",
    ]


def _totals(table: Table) -> list[tuple[Column, object]]:
    total = next(r for r in table.rows if r.kind is RowKind.TOTAL)
    return [(c, total.cells[c.key].value) for c in table.spec.data_columns]


def status_table(statuses: list[UnitStatus]) -> list[str]:
    """Every unit's submission state, in campaign order, rows tagged with their region (filter)."""
    head = "".join(
        f"<th>{h}</th>"
        for h in (
            "地区",
            "单位",
            "状态",
            "应报告人数",
            "填报",
            "零报告",
            "无需填报",
            "未报告",
            "错误",
            "警告",
        )
    )
    rows = []
    for s in statuses:
        figures = "".join(
            f'<td class="num">{v}</td>'
            for v in (s.registered, s.filed, s.zero, s.exempt, s.missing, s.errors, s.warnings)
        )
        rows.append(
            f"<tr{groups.row_tags(s.config)}><td>{escape(s.config.region)}</td>"
            f'<td><a href="units/{s.config.code}/">{escape(s.config.name)}</a></td>'
            f'<td><span class="{_CSS[s.state]}">{s.state}</span></td>{figures}</tr>'
        )
    return [
        "<table data-sortable>",
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
    ]
