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


def matrix(units: list[UnitSummary], link: dict[str, str]) -> list[str]:
    """Units × the six 「应…尽…」, each cell coloured and linking to its evidence on the unit page."""
    lines = [
        "| 单位 | " + " | ".join(str(i) for i in INDICATORS) + " |",
        "|---|" + "---|" * len(INDICATORS),
    ]
    for u in units:
        cells = []
        for indicator in INDICATORS:
            verdict = u.indicators[indicator].verdict
            href = f"{link[u.unit]}#{indicator}" if u.unit in link else ""
            text = f'<span class="{_verdict_css(verdict)}">{cell(verdict)}</span>'
            cells.append(f"[{text}]({href})" if href else text)
        name = f"[{cell(u.name)}]({link[u.unit]})" if u.unit in link else cell(u.name)
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


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
        f"以公安机关出入境管理部门掌握的持证信息和出入境记录（截至 {as_of}）与各单位填报比对，"
        f"共 {len(outcome.answered)} 项：待核实 {states[OPEN]} 项，核实无问题 {states[CLEARED]} 项，"
        f"已查实 {states[CONFIRMED]} 项。各单位在本单位的「核查说明.yaml」中逐项答复。",
        "",
        "## 六个「应…尽…」",
        "",
        *matrix(outcome.units, unit_links),
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
    lines += [
        "| 单位 | " + " | ".join(f"{c} {FINDINGS[c].title}" for c in codes) + " |",
        "|---|" + "--:|" * len(codes),
    ]
    names = {u.code: u.name for u in campaign.units}
    for unit_code, counts in by_unit.items():
        label = names.get(unit_code, "未登记备案（公安数据中有、各单位都没有登记）")
        if unit_code in unit_links:
            label = f"[{cell(label)}]({unit_links[unit_code]}#核查发现)"
        lines.append(f"| {label} | " + " | ".join(str(counts[c] or "") for c in codes) + " |")
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
            figures = "；".join(f"{label} {value}" for label, value in s.figures)
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
