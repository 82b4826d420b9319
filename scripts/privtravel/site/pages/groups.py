"""总览 grouped: progress, findings and the main figures per 地区 and per 单位类别, one row per group
(its 小计) and a 合计, and a filter per grouping.  Choosing a group in a filter shows that group's units
(with their figures) above its 小计 and narrows every unit table of 总览 to it (site/assets/dashboard.js:
``select[data-filter=<key>]`` against ``tr[data-<key>]``; ``tr.member`` rows show only under a chosen group).

One builder, ``table``, for every grouping: a grouping is a key on the unit's campaign entry."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from privtravel.campaignops.reminders import FINDINGS, OVERDUE, Reminder
from privtravel.model import UNIT_CATEGORIES, Campaign, UnitConfig
from privtravel.site.pages.common import cell
from privtravel.site.status import DONE, NONE, PARTIAL, UnitStatus
from privtravel.stats.compute import Statistics
from privtravel.stats.table import Row, RowKind, Table

UNCATEGORIZED = "未分类"
PROGRESS = ("单位数", DONE, PARTIAL, NONE, "未交报告表", "比对发现待核实", "已逾期事项")
# the main figures of 附件3 and 附件2, by their column labels
MAIN = (
    ("fj3", "应备数"),
    ("fj3", "实备数"),
    ("fj3", "应收数"),
    ("fj3", "实收数"),
    ("fj2", "2016年1月1日以来未经审批出国（境）人数"),
    ("fj2", "处理人数"),
)
SHORT = {"2016年1月1日以来未经审批出国（境）人数": "未经审批出国（境）人数"}


@dataclass(frozen=True, slots=True)
class Grouping:
    heading: str  # 按地区
    label: str  # 地区
    key: str  # region: tr[data-region], select[data-filter=region]
    order: tuple[str, ...]
    of: Callable[[UnitConfig], str]
    everyone: str  # the filter's 「全部…」


def by_region(campaign: Campaign) -> Grouping:
    return Grouping("按地区", "地区", "region", campaign.regions, lambda u: u.region, "全部地区")


BY_CATEGORY = Grouping(
    "按单位类别",
    "单位类别",
    "category",
    (*UNIT_CATEGORIES, UNCATEGORIZED),
    lambda u: u.category or UNCATEGORIZED,
    "全部类别",
)


def groupings(campaign: Campaign) -> tuple[Grouping, ...]:
    return (by_region(campaign), BY_CATEGORY)


def row_tags(config: UnitConfig) -> str:
    """The attributes a unit's row carries in 总览's tables, for the filters."""
    return f' data-region="{cell(config.region)}" data-category="{cell(BY_CATEGORY.of(config))}"'


def table(
    grouping: Grouping,
    statuses: list[UnitStatus],
    reminders: dict[str, list[Reminder]],
    stats: Statistics,
) -> list[str]:
    figures = _figures(statuses, reminders, stats)
    groups = list(dict.fromkeys([*grouping.order, *(grouping.of(s.config) for s in statuses)]))
    members = {g: [s for s in statuses if grouping.of(s.config) == g] for g in groups}
    shown = [g for g in groups if members[g]]

    def row(label: str, units: list[UnitStatus], attrs: str) -> str:
        values = [sum(col) for col in zip(*(figures[s.config.code] for s in units), strict=True)]
        cells = "".join(f'<td class="num">{v}</td>' for v in [len(units), *values])
        return f'<tr{attrs}><th scope="row">{label}</th>{cells}</tr>'

    rows = []
    for group in shown:
        tag = f' data-{grouping.key}="{cell(group)}"'
        for s in members[group]:
            name = f'<a href="units/{s.config.code}/">{cell(s.config.name)}</a>'
            rows.append(row(name, [s], f' class="member"{row_tags(s.config)}'))
        rows.append(row(f'{cell(group)}<span class="subtotal-mark"> 小计</span>', members[group], tag))
    heads = [grouping.label, *PROGRESS, *(SHORT.get(label, label) for _, label in MAIN)]
    options = "".join(f'<option value="{cell(g)}">{cell(g)}</option>' for g in shown)
    note = ""
    if grouping is BY_CATEGORY and any(s.config.category == "" for s in statuses):
        note = (
            f"{sum(1 for s in statuses if not s.config.category)} 个单位在 campaign.yaml 中没有写「类别」，"
            f"列为「{UNCATEGORIZED}」。\n\n"
        )
    return [
        f"## {grouping.heading}",
        "",
        note + f"每个{grouping.label}一行（小计），末行为合计；选一个{grouping.label}，表中列出其中各单位，"
        "总览的各单位表格也只显示这些单位。主要数字的口径见[统计表](stats.md)。",
        "",
        f'<p class="group-filter"><label>只看一个{grouping.label}的单位：'
        f'<select data-filter="{grouping.key}"><option value="">{grouping.everyone}</option>{options}'
        "</select></label></p>",
        "",
        f'<table data-sortable id="groups-{grouping.key}">',  # no class: Material styles it
        "<thead><tr>" + "".join(f'<th scope="col">{h}</th>' for h in heads) + "</tr></thead>",
        "<tbody>",
        *rows,
        row("合计", statuses, ' class="total"'),
        "</tbody>",
        "</table>",
        "",
    ]


def _figures(
    statuses: list[UnitStatus], reminders: dict[str, list[Reminder]], stats: Statistics
) -> dict[str, list[int]]:
    """Each unit's figures, in the order of PROGRESS (less 单位数) and MAIN."""
    overdue: Counter[str] = Counter()
    unanswered: Counter[str] = Counter()
    for code, items in reminders.items():
        overdue[code] = sum(1 for r in items if r.state == OVERDUE and r.topic != FINDINGS)
        unanswered[code] = sum(1 for r in items if r.topic == FINDINGS)
    rows = {key: _unit_rows(t) for key, t in (("fj2", stats.fj2), ("fj3", stats.fj3))}
    columns = {
        (key, label): next(c.key for c in t.spec.data_columns if c.label == label)
        for key, t in (("fj2", stats.fj2), ("fj3", stats.fj3))
        for k, label in MAIN
        if k == key
    }

    def main(code: str) -> list[int]:
        values = [rows[t][code].value(columns[t, label]) if code in rows[t] else 0 for t, label in MAIN]
        return [v if isinstance(v, int) else 0 for v in values]

    out = {}
    for s in statuses:
        code = s.config.code
        progress = [
            int(s.state == DONE),
            int(s.state == PARTIAL),
            int(s.state == NONE),
            s.missing,
            unanswered[code],
            overdue[code],
        ]
        out[code] = progress + main(code)
    return out


def _unit_rows(table: Table) -> dict[str, Row]:
    return {r.id: r for r in table.rows if r.kind is RowKind.UNIT}
