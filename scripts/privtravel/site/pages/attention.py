"""总览's first screen: who is behind and on what, worst first, and the campaign on one line.

Everything here is what ``privtravel remind`` would send on the same day (campaignops.reminders),
so the dashboard and the reminders never disagree: units not fully reported, overdue items (reports,
roster changes to the police, document returns, 整改), and cross-check findings still unanswered.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable

from privtravel.campaignops.reminders import FINDINGS, OVERDUE, RECTIFY, Reminder
from privtravel.model import Campaign
from privtravel.site.pages.common import cell, date_text
from privtravel.site.status import DONE, NONE, UnitStatus

STATE_RANK = {NONE: 0, DONE: 2}


def _page(links: dict[str, str], code: str, anchor: str = "") -> str:
    """The unit page's URL from 总览 (docs root), as a raw HTML href."""
    page = links[code].removesuffix(".md")
    return f"{page}/" + (f"#{anchor}" if anchor else "")


def person_anchor(person_id: str) -> str:
    return f"p-{person_id}"


def block(
    campaign: Campaign,
    statuses: list[UnitStatus],
    reminders: dict[str, list[Reminder]],
    links: dict[str, str],
    today: dt.date,
) -> list[str]:
    names = {s.config.code: s.config.name for s in statuses}
    lagging = sorted(
        (s for s in statuses if s.state != DONE),
        key=lambda s: (STATE_RANK.get(s.state, 1), -s.missing, -s.errors, s.config.code),
    )
    overdue = sorted(
        (r for items in reminders.values() for r in items if r.state == OVERDUE and r.topic != FINDINGS),
        key=lambda r: (r.due or dt.date.max, r.unit, r.person),
    )
    unanswered: Counter[str] = Counter(
        r.unit for items in reminders.values() for r in items if r.topic == FINDINGS
    )
    rectify = sum(1 for r in overdue if r.topic == RECTIFY)
    lines = [
        "## 需要关注",
        "",
        '<div class="tiles">',
        _tile(len(lagging), "个单位未完成报送", "#lagging"),
        _tile(len(overdue), "项已逾期", "#overdue"),
        _tile(sum(unanswered.values()), "项比对发现待单位核实", "#unanswered"),
        _tile(rectify, "项整改逾期", "#overdue"),
        "</div>",
        "",
        '<h3 id="lagging">未完成报送</h3>',
        "",
    ]
    if lagging:
        lines.append('<ul class="attention">')
        for s in lagging:
            what = s.state + (f"，{s.missing} 人未交报告表" if s.missing else "")
            what += f"，{s.errors} 处格式错误" if s.errors else ""
            lines.append(
                f'<li><a href="{_page(links, s.config.code)}">{cell(s.config.name)}</a>'
                f'<span class="status-none">{cell(what)}</span></li>'
            )
        lines.append("</ul>")
    else:
        lines.append('<p class="status-done">各单位均已报送。</p>')
    lines += ["", f'<h3 id="overdue">已逾期事项（截至 {date_text(today)}）</h3>', ""]
    lines += _overdue(overdue, names, links) if overdue else ['<p class="status-done">没有逾期事项。</p>']
    lines += ["", '<h3 id="unanswered">比对发现待单位核实</h3>', ""]
    if unanswered:
        lines.append('<ul class="attention chips">')
        for code, count in sorted(unanswered.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(
                f'<li><a href="{_page(links, code, "核查发现")}">{cell(names.get(code, code))}</a>'
                f'<span class="status-part">{count} 项</span></li>'
            )
        lines.append("</ul>")
    else:
        lines.append('<p class="status-done">比对发现都已答复。</p>')
    return [*lines, ""]


def _tile(count: int, label: str, href: str) -> str:
    css = "tile bad" if count else "tile ok"
    return f'<a class="{css}" href="{href}"><strong>{count}</strong><span>{label}</span></a>'


def _overdue(items: Iterable[Reminder], names: dict[str, str], links: dict[str, str]) -> list[str]:
    rows = []
    for r in items:
        who = cell(r.person)
        if r.person:
            pid = r.person.split(" ", 1)[0]
            who = f'<a href="{_page(links, r.unit, person_anchor(pid))}">{who}</a>'
        rows.append(
            "<tr>"
            f'<td><a href="{_page(links, r.unit)}">{cell(names.get(r.unit, r.unit))}</a></td>'
            f"<td>{cell(r.topic)}</td><td>{who}</td>"
            f'<td class="status-none">{date_text(r.due) if r.due else ""}</td>'
            f'<td class="long">{cell(r.text)}</td>'
            "</tr>"
        )
    return [
        '<table class="attention-table">',
        "<thead><tr><th>单位</th><th>事项</th><th>人员</th><th>应办结日期</th><th>情况</th></tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
    ]


def timeline(
    campaign: Campaign, milestones: list[tuple[str, dt.date]], monthly: dt.date, today: dt.date
) -> str:
    """The campaign on one line: each milestone past, today or ahead, with days left."""
    items = []
    for label, day in [
        *milestones,
        (f"登记备案变动报送公安（每月 {campaign.monthly_report_day} 日前）", monthly),
    ]:
        delta = (day - today).days
        if delta < 0:
            css, when = "past", "已过"
        elif delta == 0:
            css, when = "now", "今天截止"
        else:
            css, when = "ahead", f"还有 {delta} 天"
        items.append(
            f'<li class="{css}"><span class="day">{day.month}月{day.day}日</span> {cell(label)} '
            f'<span class="when">{when}</span></li>'
        )
    return f'<ol class="timeline" aria-label="时间节点">{"".join(items)}</ol>'
