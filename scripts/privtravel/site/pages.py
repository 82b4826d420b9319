"""Markdown pages of the dashboard.  Every number shown is computed; nothing personal in full."""

from __future__ import annotations

import datetime as dt
from html import escape

from privtravel.codes import CODES
from privtravel.model import Campaign
from privtravel.site.status import DONE, NONE, PARTIAL, UnitStatus

_CSS = {DONE: "status-done", PARTIAL: "status-part", NONE: "status-none"}


def overview(campaign: Campaign, statuses: list[UnitStatus], computed_from: str) -> str:
    counts = {state: sum(1 for s in statuses if s.state == state) for state in (DONE, PARTIAL, NONE)}
    lines = [
        f"# {escape(campaign.name)}",
        "",
        _demo_note(campaign),
        "## 时间节点",
        "",
        "| 事项 | 截止日期 |",
        "|---|---|",
        f"| 《报告表》（附件1）填报 | {_date(campaign.report_deadline)} |",
        f"| 全面自查自纠 | {_date(campaign.self_check_deadline)} |",
        f"| 报送附件2、附件3 统计表 | {_date(campaign.tables_deadline)} |",
        f"| 集中检查 | {_date(campaign.inspection_deadline)} |",
        f"| 登记备案人员变动报送公安机关 | 每月 {campaign.monthly_report_day} 日前 |",
        "",
        "## 各单位报送情况",
        "",
        f"共 {len(statuses)} 个单位：{DONE} {counts[DONE]} 个，{PARTIAL} {counts[PARTIAL]} 个，"
        f"{NONE} {counts[NONE]} 个。",
        "",
        "| 地区 | 单位 | 状态 | 登记备案人数 | 填报 | 零报告 | 无需填报 | 未报告 | 错误 | 警告 |",
        "|---|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for s in statuses:
        lines.append(
            f"| {escape(s.config.region)} | {escape(s.config.name)} | "
            f'<span class="{_CSS[s.state]}">{s.state}</span> | {s.registered} | {s.filed} | '
            f"{s.zero} | {s.exempt} | {s.missing} | {s.errors} | {s.warnings} |"
        )
    lines += ["", f"数据来源：{escape(computed_from)}", ""]
    return "\n".join(lines)


def guide_codes() -> str:
    """The error-code chapter of the 填报指南, generated from codes.py so it cannot drift."""
    lines = [
        "# 检查提示代码",
        "",
        "提交前检查（pre-commit）和 CI 会按「文件:行:列: 代码 错误/警告 [字段] 说明」的格式给出提示。"
        "错误必须改正后才能提交；警告可以先提交，但要在截止日期前处理。",
        "",
        "| 代码 | 类别 | 说明 | 例子 | 怎样改正 |",
        "|---|---|---|---|---|",
    ]
    for code in CODES.values():
        lines.append(
            f"| {code.code} | {code.severity.value} | {escape(code.title)} | {escape(code.example)} | "
            f"{escape(code.fix)} |"
        )
    return "\n".join(lines) + "\n"


def _demo_note(campaign: Campaign) -> str:
    if not campaign.demo:
        return ""
    return '<p class="demo-banner"><strong>示例数据</strong>：本看板中的单位和人员均为虚构，仅供演示。</p>\n'


def _date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"
