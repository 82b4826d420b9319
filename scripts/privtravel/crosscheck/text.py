"""The cross-check for a terminal: input problems, findings by unit, and the six indicators."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Collection
from typing import TextIO

from privtravel.crosscheck.answers import CLEARED, CONFIRMED, OPEN, STATES
from privtravel.crosscheck.catalog import INDICATORS
from privtravel.crosscheck.lines import LineFinder
from privtravel.crosscheck.run import Outcome
from privtravel.masking import mask_text
from privtravel.police.records import PoliceData
from privtravel.report.text import line as diagnostic_line

UNKNOWN_UNIT = "未能确定单位"


def write(
    outcome: Outcome,
    out: TextIO,
    lines: LineFinder,
    *,
    units: Collection[str] = (),
    only_open: bool = False,
    summary_only: bool = False,
) -> None:
    """Everything is written at once, masked: findings quote the units' own words."""
    buffer = io.StringIO()
    _write(outcome, buffer, lines, units=units, only_open=only_open, summary_only=summary_only)
    out.write(mask_text(buffer.getvalue()))


def _write(
    outcome: Outcome,
    out: TextIO,
    lines: LineFinder,
    *,
    units: Collection[str],
    only_open: bool,
    summary_only: bool,
) -> None:
    for d in outcome.result.sorted():
        out.write(diagnostic_line(d) + "\n")
    if not outcome.complete:
        out.write("公安数据或专项整治配置有错误，未进行比对核查：请先改正上面的错误。\n")
        return
    police = outcome.police
    if not police.files:
        out.write("没有公安数据（police/持证信息、police/出入境记录）：只核查填报文件本身。\n")
    out.write(
        f"比对核查：公安数据日期 {outcome.as_of}{_date_source(police)}；持证信息 {len(police.holdings)} 条，"
        f"出入境记录 {len(police.crossings)} 条，配成 {outcome.trips} 次行程。\n"
    )
    shown = [a for a in outcome.answered if (not units or a.finding.unit in units)]
    states = Counter(a.state for a in shown)
    out.write(f"核查项 {len(shown)} 个：" + "，".join(f"{s} {states[s]}" for s in STATES) + "。\n")
    if not summary_only:
        names = {u.unit: u.name for u in outcome.units}
        current = None
        for a in shown:
            if only_open and a.state != OPEN:
                continue
            f = a.finding
            if f.unit != current:
                current = f.unit
                out.write(f"\n{names.get(f.unit, f.unit)}（{f.unit}）\n" if f.unit else f"\n{UNKNOWN_UNIT}\n")
            out.write(f"  {f.code} {f.info.title} · {a.state} · {f.key}\n")
            out.write(f"    {f.message}\n")
            out.write(f"    依据：{f.info.rule}\n")
            for i, e in enumerate(f.evidence):
                place = f"{e.path}:{lines.line(e)}"
                out.write(f"    {'证据：' if i == 0 else '      '}{place} {e.source}：{e.text}\n")
            if a.state == CLEARED and a.response is not None:
                out.write(f"    单位说明：核实无问题。{a.response.reason or ''}\n")
            elif a.covering is not None:
                out.write(f"    单位说明：尚未答复。{a.covered_text()}\n")
            elif a.state == CONFIRMED and a.case is not None:
                out.write(f"    单位说明：已查实，见违规问题 {a.case.id}（{'、'.join(a.case.kinds)}）。\n")
    out.write("\n六个「应…尽…」：\n")
    for unit in outcome.units:
        if units and unit.unit not in units:
            continue
        out.write(f"{unit.name}（{unit.unit}）\n")
        for indicator in INDICATORS:
            s = unit.indicators[indicator]
            out.write(f"  {indicator.value}  {s.verdict}；{s.text()}\n")


def _date_source(police: PoliceData) -> str:
    """Where the data date comes from: the police's own manifest, or (no police data) the config."""
    return f"（{police.manifest} 的提取日期）" if police.manifest else ""
