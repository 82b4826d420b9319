"""Per unit, the six 「应…尽…」 indicators: the figures behind each, and its findings by state.

A figure either stands alone or is a total with parts; the parts always partition the total (every
record in exactly one part), so a line such as 「应报告 4（报告表 2、零报告 1、免报 0、未报告 1）」 adds up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from privtravel.crosscheck.answers import CLEARED, CONFIRMED, OPEN, Answered
from privtravel.crosscheck.catalog import INDICATORS, Indicator
from privtravel.crosscheck.context import Context
from privtravel.model import UnitData
from privtravel.rules import accountability, reporting

CATEGORIES = ("退休满1年的市管干部", "本地本单位管理的人员", "下属单位管理的人员", "其他人员")
DOC_TYPES = ("普通护照", "往来港澳通行证", "大陆居民往来台湾通行证")
APPROVAL_RESULTS = ("同意", "不同意", "待审批")


@dataclass(frozen=True, slots=True)
class Figure:
    label: str
    value: int | str
    parts: tuple[tuple[str, int], ...] = ()  # when given, they add up to value

    def text(self) -> str:
        if not self.parts:
            return f"{self.label} {self.value}"
        return f"{self.label} {self.value}（" + "、".join(f"{k} {v}" for k, v in self.parts) + "）"


def split(label: str, values: Iterable[str], order: tuple[str, ...], *, zeros: bool = True) -> Figure:
    """A total and its parts, one part per value (known values in ``order``, any others after them);
    ``zeros=False`` leaves out the parts that are 0."""
    counts = Counter(values)
    names = [*order, *sorted(k for k in counts if k not in order)]
    parts = tuple((n, counts[n]) for n in names if zeros or counts[n])
    return Figure(label, sum(counts.values()), parts)


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

    def text(self) -> str:
        return " · ".join(f.text() for f in self.figures)

    def flat(self) -> dict[str, int | str]:
        """Every figure and part by its label (parts prefixed with their total's label)."""
        out: dict[str, int | str] = {}
        for f in self.figures:
            out[f.label] = f.value
            out.update((f"{f.label}·{k}", v) for k, v in f.parts)
        return out


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
            return [Figure("是否建立相关制度", "未填报")]
        return [
            Figure("是否建立相关制度", "是" if unit.profile.rules else "否"),
            Figure("管理制度数", len(unit.profile.rules)),
        ]
    if indicator is Indicator.REGISTRATION:
        active = [
            p
            for p in unit.roster
            if p.changes[0].date <= as_of and (p.revoked is None or p.revoked.date > as_of)
        ]
        changes = [c for p in unit.roster for c in p.changes]
        return [
            split("登记备案人数", (p.category for p in active), CATEGORIES, zeros=False),
            split(
                "变动记录",
                (
                    "公安已入库" if c.entered is not None else "已报送待入库" if c.reported else "未报送"
                    for c in changes
                ),
                ("公安已入库", "已报送待入库", "未报送"),
            ),
        ]
    if indicator is Indicator.CUSTODY:
        held = [
            i for i in unit.custody if i.deposited <= as_of and (i.removal is None or i.removal.date > as_of)
        ]
        loans = [loan for i in unit.custody for loan in i.loans]
        return [
            split("保管证件", (i.type for i in held), DOC_TYPES, zeros=False),
            split(
                "领用",
                ("已交回" if x.returned is not None else "未交回" for x in loans),
                ("已交回", "未交回"),
            ),
        ]
    if indicator is Indicator.APPROVAL:
        ids = {p.id_number for p in unit.roster}
        trips = sum(
            1
            for ident in ids
            for link in ctx.links.get(ident, ())
            if link.trip.start >= ctx.campaign.trips_since
        )
        return [
            split("审批", (a.result for a in unit.approvals), APPROVAL_RESULTS),
            Figure("公安记录出境次数", trips),
        ]
    if indicator is Indicator.INVESTIGATION:
        covered = reporting.coverage(unit)
        return [
            Figure("应报告", len(covered.due), tuple(covered.parts())),
            Figure("名单外的报告", len(covered.outside)),
            Figure("违规问题", len(unit.cases)),
        ]
    # 人次 as 附件2 counts them: one per person and decision, however many cases the decision is under
    decisions = {(c.person_id, h.method, h.date, h.body, h.number) for c in unit.cases for h in c.handlings}
    on_roster = accountability.roster_ids(unit.roster)
    accountable = {
        (accountability.who(a, on_roster), a.method, a.date) for c in unit.cases for a in c.accountable
    }
    return [
        split("违规问题", ("已处理" if c.handlings else "未处理" for c in unit.cases), ("已处理", "未处理")),
        Figure("处理人次", len(decisions)),
        Figure("责任追究人次", len(accountable)),
    ]
