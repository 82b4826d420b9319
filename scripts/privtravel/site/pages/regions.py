"""总览 by 地区: progress, findings and overdue items per region with 小计 and 合计, and a filter that
narrows 总览's unit tables to one region (site/assets/dashboard.js, ``data-region`` rows)."""

from __future__ import annotations

from collections import Counter

from privtravel.campaignops.reminders import FINDINGS, OVERDUE, Reminder
from privtravel.model import Campaign
from privtravel.site.pages.common import cell
from privtravel.site.status import DONE, NONE, PARTIAL, UnitStatus

HEADERS = (
    "地区",
    "单位数",
    DONE,
    PARTIAL,
    NONE,
    "登记备案人数",
    "未交报告表",
    "比对发现待核实",
    "已逾期事项",
)


def table(campaign: Campaign, statuses: list[UnitStatus], reminders: dict[str, list[Reminder]]) -> list[str]:
    overdue: Counter[str] = Counter()
    unanswered: Counter[str] = Counter()
    for code, items in reminders.items():
        overdue[code] = sum(1 for r in items if r.state == OVERDUE and r.topic != FINDINGS)
        unanswered[code] = sum(1 for r in items if r.topic == FINDINGS)
    regions = list(dict.fromkeys([*campaign.regions, *(s.config.region for s in statuses)]))

    def figures(group: list[UnitStatus]) -> list[int]:
        codes = [s.config.code for s in group]
        return [
            len(group),
            sum(1 for s in group if s.state == DONE),
            sum(1 for s in group if s.state == PARTIAL),
            sum(1 for s in group if s.state == NONE),
            sum(s.registered for s in group),
            sum(s.missing for s in group),
            sum(unanswered[c] for c in codes),
            sum(overdue[c] for c in codes),
        ]

    def row(label: str, values: list[int], css: str = "") -> str:
        cells = "".join(f'<td class="num">{v}</td>' for v in values)
        return f"<tr{css}><td>{label}</td>{cells}</tr>"

    rows = [
        row(cell(region), figures([s for s in statuses if s.config.region == region]))
        for region in regions
        if any(s.config.region == region for s in statuses)
    ]
    options = "".join(f'<option value="{cell(r)}">{cell(r)}</option>' for r in regions)
    return [
        "## 按地区",
        "",
        "<table data-sortable>",
        "<thead><tr>" + "".join(f"<th>{h}</th>" for h in HEADERS) + "</tr></thead>",
        "<tbody>",
        *rows,
        row("合计", figures(statuses), ' class="total"'),
        "</tbody>",
        "</table>",
        "",
        '<p class="region-filter"><label>只看一个地区的单位：<select data-region-filter>'
        f'<option value="">全部地区</option>{options}</select></label></p>',
        "",
    ]
