"""Per unit, the six 「应…尽…」 indicators: the figures behind each, and its findings by state."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from privtravel.crosscheck.answers import CLEARED, CONFIRMED, OPEN, Answered
from privtravel.crosscheck.catalog import INDICATORS, Indicator
from privtravel.crosscheck.context import RETIRED_CATEGORY, Context
from privtravel.model import REPORT_EXEMPT, REPORT_FILED, REPORT_ZERO, UnitData

Figure = tuple[str, int | str]


@dataclass(slots=True)
class IndicatorSummary:
    indicator: Indicator
    figures: list[Figure] = field(default_factory=list)
    states: Counter[str] = field(default_factory=Counter)
    codes: Counter[str] = field(default_factory=Counter)  # open or confirmed findings by code

    @property
    def verdict(self) -> str:
        open_, confirmed = self.states[OPEN], self.states[CONFIRMED]
        if not open_ and not confirmed:
            return "未发现问题"
        parts = [f"待核实 {open_} 项"] if open_ else []
        parts += [f"已查实 {confirmed} 项"] if confirmed else []
        return "，".join(parts)


@dataclass(slots=True)
class UnitSummary:
    unit: str
    name: str
    indicators: dict[Indicator, IndicatorSummary]


def summarize(ctx: Context, answered: list[Answered]) -> list[UnitSummary]:
    by_unit: dict[str, list[Answered]] = {}
    for a in answered:
        by_unit.setdefault(a.finding.unit, []).append(a)
    out = []
    for code in ctx.unit_order:
        config = ctx.campaign.unit(code)
        unit = ctx.units.get(code) or UnitData(code=code)
        name = config.name if config else unit.profile.name if unit.profile else code
        indicators = {i: IndicatorSummary(i, _figures(ctx, unit, i)) for i in INDICATORS}
        for a in by_unit.get(code, ()):
            summary = indicators[a.finding.info.indicator]
            summary.states[a.state] += 1
            if a.state != CLEARED:
                summary.codes[a.finding.code] += 1
        out.append(UnitSummary(code, name, indicators))
    return out


def _figures(ctx: Context, unit: UnitData, indicator: Indicator) -> list[Figure]:
    as_of = ctx.as_of
    if indicator is Indicator.RULES:
        if unit.profile is None:
            return [("是否建立相关制度", "未填报")]
        return [
            ("是否建立相关制度", "是" if unit.profile.rules else "否"),
            ("管理制度数", len(unit.profile.rules)),
        ]
    if indicator is Indicator.REGISTRATION:
        active = [
            p
            for p in unit.roster
            if p.changes[0].date <= as_of and (p.revoked is None or p.revoked.date > as_of)
        ]
        return [
            ("登记备案人数", len(active)),
            ("变动记录数", sum(len(p.changes) for p in unit.roster)),
            ("已报送公安", sum(1 for p in unit.roster for c in p.changes if c.reported is not None)),
            ("公安已入库", sum(1 for p in unit.roster for c in p.changes if c.entered is not None)),
        ]
    if indicator is Indicator.CUSTODY:
        held = [
            i for i in unit.custody if i.deposited <= as_of and (i.removal is None or i.removal.date > as_of)
        ]
        loans = [loan for i in unit.custody for loan in i.loans]
        return [
            ("保管证件数", len(held)),
            ("领用次数", len(loans)),
            ("未交回", sum(1 for loan in loans if loan.returned is None)),
        ]
    if indicator is Indicator.APPROVAL:
        results = Counter(a.result for a in unit.approvals)
        ids = {p.id_number for p in unit.roster}
        trips = sum(
            1
            for ident in ids
            for link in ctx.links.get(ident, ())
            if link.trip.start >= ctx.campaign.trips_since
        )
        return [
            ("审批数", len(unit.approvals)),
            ("同意", results["同意"]),
            ("不同意", results["不同意"]),
            ("待审批", results["待审批"]),
            ("公安记录出境次数", trips),
        ]
    if indicator is Indicator.INVESTIGATION:
        kinds = Counter(r.kind for r in unit.reports)
        due = [p for p in unit.roster if p.revoked is None and p.category != RETIRED_CATEGORY]
        return [
            ("应报告的登记备案人数", len(due)),
            ("报告表", kinds[REPORT_FILED]),
            ("零报告", kinds[REPORT_ZERO]),
            ("免报", kinds[REPORT_EXEMPT]),
            ("违规问题数", len(unit.cases)),
        ]
    handled = [c for c in unit.cases if c.handlings]
    return [
        ("违规问题数", len(unit.cases)),
        ("已处理", len(handled)),
        ("处理人次", sum(len(c.handlings) for c in unit.cases)),
        ("责任追究人次", sum(len(c.accountable) for c in unit.cases)),
    ]
