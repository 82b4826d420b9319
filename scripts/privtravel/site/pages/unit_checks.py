"""A unit page's 集中检查和整改 section, and what does not add up between the inspection, the cross-check
and the unit's own declarations:

- an inspection conclusion that contradicts the unit's data: 「符合要求」 on an aspect where the
  cross-check still has open or confirmed items, 「符合要求」 on 应建尽建 for a unit without rules, or a
  finding of 「未建立制度」 for a unit whose 单位.yaml lists its rules;
- a cross-check finding still 待核实 that a recorded 违规问题 (same person, same 问题类型) already covers:
  the unit has only to answer it 「已查实」 with that 问题编号.
"""

from __future__ import annotations

import datetime as dt
import re

from privtravel.campaignops import inspection_pages
from privtravel.crosscheck.answers import OPEN, Answered
from privtravel.crosscheck.summary import UnitSummary
from privtravel.model import UnitConfig, UnitData
from privtravel.site.pages.common import cell, date_text

SECTION = "集中检查和整改"
ASPECT_OK = "符合要求"
_NO_RULES = re.compile("未建立|尚未出台|未出台|没有(?:建立)?.{0,6}制度|无.{0,4}制度")


def contradictions(unit: UnitData, summary: UnitSummary | None) -> list[str]:
    inspection = unit.inspection
    if inspection is None:
        return []
    out = []
    has_rules = bool(unit.profile and unit.profile.rules)
    for aspect in inspection.aspects:
        said = " ".join(
            [aspect.note or "", *(p.description for p in inspection.problems if p.aspect == aspect.aspect)]
        )
        if aspect.aspect == "应建尽建":
            if aspect.verdict == ASPECT_OK and unit.profile is not None and not has_rules:
                out.append("应建尽建：检查组结论「符合要求」，但「单位.yaml」中没有登记任何管理制度。")
            elif aspect.verdict != ASPECT_OK and has_rules and _NO_RULES.search(said):
                assert unit.profile is not None
                rules = "、".join(f"{r.name}（{date_text(r.issued)}）" for r in unit.profile.rules)
                out.append(f"应建尽建：检查组认为本单位未建立制度，但「单位.yaml」登记了 {rules}。")
        verdict = (
            next((s.verdict for k, s in summary.indicators.items() if k == aspect.aspect), "")
            if summary
            else ""
        )
        if aspect.verdict == ASPECT_OK and verdict and verdict != "未发现问题":
            out.append(f"{aspect.aspect}：检查组结论「符合要求」，但与公安数据比对：{verdict}。")
    return out


def covered(unit: UnitData, answered: list[Answered]) -> list[tuple[Answered, str]]:
    """Open findings a recorded 违规问题 already covers, with that case's 问题编号 (the cross-check's link)."""
    return [(a, a.covering.id) for a in answered if a.state == OPEN and a.covering is not None]


def covered_lines(unit: UnitData, answered: list[Answered]) -> list[str]:
    found = covered(unit, answered)
    if not found:
        return []
    lines = [
        '<div class="admonition warning"><p class="admonition-title">已登记违规问题、尚未答复的核查项</p>',
        "<p>下列核查项与「违规问题.yaml」中已登记的问题是同一人、同一问题类型：请在「核查说明.yaml」中答复"
        "「已查实」并写明问题编号。</p><ul>",
    ]
    for a, case_id in found:
        f = a.finding
        who = " ".join(x for x in (f.person_id or "", f.person_name) if x)
        lines.append(
            f"<li><code>{cell(f.key)}</code> {cell(f.info.title)}（{cell(who)}）→ 违规问题 {cell(case_id)}</li>"
        )
    return [*lines, "</ul></div>", ""]


def section(config: UnitConfig, unit: UnitData, summary: UnitSummary | None, today: dt.date) -> list[str]:
    lines = [f"## {SECTION}", ""]
    if unit.inspection is None:
        return [*lines, "专项检查组尚未检查本单位。", ""]
    issues = contradictions(unit, summary)
    if issues:
        lines += [
            '<div class="admonition danger"><p class="admonition-title">检查结论与本单位的数据不一致</p><ul>',
            *(f"<li>{cell(text)}</li>" for text in issues),
            "</ul></div>",
            "",
        ]
    body = inspection_pages.unit_section(config, unit, today).split("\n")
    return [*lines, *body[1:], ""]  # its first line is the unit's name, the page's own title
