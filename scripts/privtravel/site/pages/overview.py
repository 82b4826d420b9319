"""总览: the campaign timeline with today's place in it, and how far every unit has got."""

from __future__ import annotations

import datetime as dt
from html import escape

from privtravel.model import Campaign
from privtravel.site import charts
from privtravel.site.pages.common import date_text, demo_note, unit_link
from privtravel.site.status import DONE, NONE, PARTIAL, UnitStatus

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


def _when(day: dt.date, today: dt.date) -> str:
    delta = (day - today).days
    if delta > 0:
        return f"还有 {delta} 天"
    if delta == 0:
        return "**今天截止**"
    return f"已过 {-delta} 天"


def timeline(campaign: Campaign, today: dt.date) -> list[str]:
    lines = [
        "## 时间节点",
        "",
        f"今天是 {date_text(today)}。",
        "",
        "| 事项 | 截止日期 | 距今 |",
        "|---|---|---|",
    ]
    for label, day in milestones(campaign):
        lines.append(f"| {label} | {date_text(day)} | {_when(day, today)} |")
    monthly = next_monthly_day(campaign, today)
    lines.append(
        f"| 登记备案人员变动报送公安机关（每月 {campaign.monthly_report_day} 日前） | "
        f"{date_text(monthly)} | {_when(monthly, today)} |"
    )
    return [*lines, ""]


def overview(campaign: Campaign, statuses: list[UnitStatus], computed_from: str, today: dt.date) -> str:
    counts = {state: sum(1 for s in statuses if s.state == state) for state in (DONE, PARTIAL, NONE)}
    lines = [f"# {escape(campaign.name)}", "", demo_note(campaign), *timeline(campaign, today)]
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
        "| 地区 | 单位 | 状态 | 登记备案人数 | 填报 | 零报告 | 无需填报 | 未报告 | 错误 | 警告 |",
        "|---|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for s in statuses:
        lines.append(
            f"| {escape(s.config.region)} | {unit_link(s.config, '')} | "
            f'<span class="{_CSS[s.state]}">{s.state}</span> | {s.registered} | {s.filed} | '
            f"{s.zero} | {s.exempt} | {s.missing} | {s.errors} | {s.warnings} |"
        )
    lines += ["", f"数据来源：{escape(computed_from)}", ""]
    return "\n".join(lines)
