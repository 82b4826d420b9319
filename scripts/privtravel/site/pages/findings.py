"""核查发现: the cross-check's findings by unit, indicator and code; open, answered, confirmed."""

from __future__ import annotations

from collections import Counter, defaultdict

from privtravel.crosscheck.answers import CLEARED, CONFIRMED, OPEN, Answered
from privtravel.crosscheck.catalog import FINDINGS, INDICATORS
from privtravel.crosscheck.run import Outcome
from privtravel.crosscheck.summary import UnitSummary
from privtravel.model import Campaign
from privtravel.site.pages.common import cell, date_text, demo_note, html_table

STATE_CSS = {OPEN: "status-part", CLEARED: "status-done", CONFIRMED: "status-none"}
NO_POLICE = "尚未提供公安机关出入境管理部门的数据，无法比对核查。"


def _verdict_css(summary_text: str) -> str:
    if summary_text == "未发现问题":
        return "status-done"
    return "status-part" if "待核实" in summary_text else "status-none"


def matrix(
    units: list[UnitSummary], link: dict[str, str], prefix: str = "", *, tags: dict[str, str] | None = None
) -> list[str]:
    """Units × the six 「应…尽…」, worst first, each cell coloured and linking to its evidence on the
    unit page; totals underneath; every column sorts (site/assets/dashboard.js)."""

    def href(code: str, anchor: str = "") -> str:
        return f"{prefix}{link[code].removesuffix('.md')}/" + (f"#{anchor}" if anchor else "")

    def load(u: UnitSummary) -> tuple[int, int]:
        states = [u.indicators[i].states for i in INDICATORS]
        return sum(s[OPEN] for s in states), sum(s[CONFIRMED] for s in states)

    head = "".join(f"<th>{i}</th>" for i in INDICATORS)
    rows = []
    for u in sorted(units, key=lambda u: (-sum(load(u)), -load(u)[1])):
        cells = []
        for indicator in INDICATORS:
            s = u.indicators[indicator]
            text = f'<span class="{_verdict_css(s.verdict)}">{cell(s.verdict)}</span>'
            if u.unit in link:
                text = f'<a href="{href(u.unit, str(indicator))}">{text}</a>'
            cells.append(f'<td data-sort="{s.states[OPEN] + s.states[CONFIRMED]}">{text}</td>')
        name = f'<a href="{href(u.unit)}">{cell(u.name)}</a>' if u.unit in link else cell(u.name)
        open_, confirmed = load(u)
        region = tags.get(u.unit, "") if tags else ""  # the filters' data-region, data-category
        rows.append(
            f"<tr{region}><td>{name}</td>{''.join(cells)}"
            f'<td class="num">{open_}</td><td class="num">{confirmed}</td></tr>'
        )
    flagged = [sum(1 for u in units if u.indicators[i].verdict != "未发现问题") for i in INDICATORS]
    total = (
        '<tr class="total"><td>合计（有问题的单位数）</td>'
        + "".join(f"<td>{n} 个单位</td>" for n in flagged)
        + f'<td class="num">{sum(load(u)[0] for u in units)}</td>'
        + f'<td class="num">{sum(load(u)[1] for u in units)}</td></tr>'
    )
    return [
        "<table data-sortable>",
        f"<thead><tr><th>单位</th>{head}<th>待核实</th><th>已查实</th></tr></thead>",
        "<tbody>",
        *rows,
        total,
        "</tbody>",
        "</table>",
    ]


def page(campaign: Campaign, outcome: Outcome | None, unit_links: dict[str, str]) -> str:
    lines = ["# 核查发现", "", demo_note(campaign)]
    if outcome is None:
        return "\n".join([*lines, NO_POLICE, ""])
    if not outcome.complete:
        return "\n".join(
            [*lines, "公安数据有错误，未作比对；请先改正（privtravel crosscheck 列出全部错误）。", ""]
        )
    states = Counter(a.state for a in outcome.answered)
    as_of = date_text(outcome.as_of) if outcome.as_of else "—"
    lines += [
        f"以公安机关出入境管理部门掌握的持证信息和出入境记录（{_source(outcome, as_of)}）与各单位填报比对，"
        f"共 {len(outcome.answered)} 项：待核实 {states[OPEN]} 项，核实无问题 {states[CLEARED]} 项，"
        f"已查实 {states[CONFIRMED]} 项。各单位在本单位的「核查说明.yaml」中逐项答复。",
        "",
        "## 六个「应…尽…」",
        "",
        *matrix(outcome.units, unit_links, "../"),
        "",
        "## 按单位和问题类别",
        "",
    ]
    by_unit: dict[str, Counter[str]] = defaultdict(Counter)
    for a in outcome.answered:
        if a.state != CLEARED:
            by_unit[a.finding.unit][a.finding.code] += 1
    codes = sorted({code for c in by_unit.values() for code in c})
    if not codes:
        return "\n".join([*lines, "没有待核实或已查实的问题。", ""])
    names = {u.code: u.name for u in campaign.units}
    head = "".join(f"<th>{c} {cell(FINDINGS[c].title)}</th>" for c in codes)
    rows = []
    for unit_code, counts in sorted(by_unit.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        label = cell(names.get(unit_code, "未登记备案（公安数据中有、各单位都没有登记）"))
        if unit_code in unit_links:
            label = f'<a href="../{unit_links[unit_code].removesuffix(".md")}/#核查发现">{label}</a>'
        figures = "".join(f'<td class="num">{counts[c] or ""}</td>' for c in codes)
        rows.append(f'<tr><td>{label}</td>{figures}<td class="num">{sum(counts.values())}</td></tr>')
    totals = "".join(f'<td class="num">{sum(c[code] for c in by_unit.values())}</td>' for code in codes)
    grand = sum(sum(c.values()) for c in by_unit.values())
    lines += [
        "待核实和已查实的核查项，多的单位在前；点击表头排序。",
        "",
        "<table data-sortable>",
        f"<thead><tr><th>单位</th>{head}<th>合计</th></tr></thead>",
        "<tbody>",
        *rows,
        f'<tr class="total"><td>合计</td>{totals}<td class="num">{grand}</td></tr>',
        "</tbody>",
        "</table>",
    ]
    orphans = [a for a in outcome.answered if not a.finding.unit and a.state != CLEARED]
    if orphans:
        lines += ["", "### 公安数据中有、各单位都没有登记备案的人员", "", *finding_rows(orphans)]
    return "\n".join([*lines, ""])


def finding_rows(answered: list[Answered]) -> list[str]:
    rows = []
    for a in answered:
        f = a.finding
        who = " ".join(x for x in (f.person_id or "", f.person_name) if x)
        rows.append(
            [
                f.code,
                cell(f.info.title),
                cell(who),
                cell(f.message),
                f'<span class="{STATE_CSS[a.state]}">{a.state}</span>',
                f"<code>{cell(f.key)}</code>",
            ]
        )
    return [html_table(["代码", "问题", "人员", "情况（号码已脱敏）", "状态", "答复用的编号"], rows)]


def unit_section(summary: UnitSummary | None, answered: list[Answered], police: bool) -> list[str]:
    lines = ["## 核查发现", ""]
    if not police:
        return [*lines, NO_POLICE, ""]
    if summary is not None:
        for indicator in INDICATORS:
            s = summary.indicators[indicator]
            figures = "；".join(f.text() for f in s.figures)
            lines += [
                f"### {indicator}",
                "",
                f'<span class="{_verdict_css(s.verdict)}">{cell(s.verdict)}</span>'
                + (f"　{cell(figures)}" if figures else ""),
                "",
            ]
            mine = [a for a in answered if a.finding.info.indicator == indicator and a.state != CLEARED]
            if mine:
                lines += [*finding_rows(mine), ""]
    cleared = [a for a in answered if a.state == CLEARED]
    if cleared:
        lines += [f"另有 {len(cleared)} 项已答复「核实无问题」。", ""]
    return lines


def _source(outcome: Outcome, as_of: str) -> str:
    """Who delivered the police data and when it was extracted, as its delivery manifest says."""
    provider = outcome.police.provider
    return f"{provider}提供，{as_of}提取" if provider else f"截至 {as_of}"
