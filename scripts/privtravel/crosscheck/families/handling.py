"""应处尽处: violation cases found by the self-check deadline and still without any handling (X601)."""

from __future__ import annotations

from collections.abc import Iterator

from privtravel.crosscheck.context import Context
from privtravel.crosscheck.findings import Finding, from_src, make_key
from privtravel.diagnostics import Diagnostic


def check(ctx: Context, problems: list[Diagnostic]) -> Iterator[Finding]:
    deadline = ctx.campaign.self_check_deadline
    if ctx.as_of <= deadline:
        return
    for code in ctx.unit_order:
        unit = ctx.units.get(code)
        if unit is None:
            continue
        names = {p.id: p.name for p in unit.roster} | {r.id: r.name for r in unit.reports}
        for case in unit.cases:
            if case.handlings or case.found_on > deadline:
                continue
            name = names.get(case.person_id, "")
            yield Finding(
                "X601",
                make_key("X601", case.id),
                code,
                case.person_id,
                name,
                f"问题 {case.id}（{case.person_id} {name}，{'、'.join(case.kinds)}）{case.found_on} 发现，"
                f"自查自纠截止日期 {deadline} 已过，尚未处理。",
                (from_src("违规问题", f"{case.id}：处理: []", case.src),),
                case.src,
            )
