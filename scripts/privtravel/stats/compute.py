"""Both tables for a scope (all units, one region, one unit): unit rows, region subtotals, 合计."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from privtravel.diagnostics import FatalError
from privtravel.model import Campaign, UnitConfig, UnitData
from privtravel.stats import table2, table3
from privtravel.stats.context import UnitContext
from privtravel.stats.findings import ConfirmedFinding
from privtravel.stats.options import Options
from privtravel.stats.table import Cell, Row, RowKind, Table, TableSpec, aggregate
from privtravel.stats.version import DataVersion
from privtravel.validate.suggest import nearest

NOT_SUBMITTED = "尚未报送"
TOTAL_LABEL = "合计"


@dataclass(frozen=True, slots=True)
class Scope:
    unit: str | None = None
    region: str | None = None

    def describe(self) -> str:
        if self.unit is not None:
            return f"单位 {self.unit}"
        if self.region is not None:
            return f"地区 {self.region}"
        return "全部单位"


@dataclass(frozen=True, slots=True)
class Footer:
    """填表单位, 填表人, 联系电话, 审核人 as printed around the table (blank when not known)."""

    unit: str
    filler: str
    phone: str
    reviewer: str


@dataclass(frozen=True, slots=True)
class Statistics:
    campaign: Campaign
    options: Options
    scope: Scope
    version: DataVersion
    tables: tuple[Table, Table]
    footer: Footer
    not_submitted: tuple[str, ...]  # unit names with nothing declared yet
    # what the 统计口径 sheet states above the columns; None: the campaign's options (a roll-up has its own)
    facts: tuple[tuple[str, str], ...] | None = None

    @property
    def fj2(self) -> Table:
        return self.tables[0]

    @property
    def fj3(self) -> Table:
        return self.tables[1]


def select(campaign: Campaign, scope: Scope) -> list[UnitConfig]:
    """The campaign's units in scope, in the campaign's order; a wrong name is a clear error."""
    if scope.unit is not None:
        unit = campaign.unit(scope.unit)
        if unit is None:
            best, _ = nearest(scope.unit, [u.code for u in campaign.units])
            hint = f"是不是「{best}」？" if best else ""
            raise FatalError(f"campaign.yaml 中没有单位代码「{scope.unit}」。{hint}")
        if scope.region is not None and unit.region != scope.region:
            raise FatalError(f"单位「{unit.name}」属于地区「{unit.region}」，不属于「{scope.region}」。")
        return [unit]
    if scope.region is not None:
        if scope.region not in campaign.regions:
            best, _ = nearest(scope.region, list(campaign.regions))
            hint = f"是不是「{best}」？" if best else f"可选：{'、'.join(campaign.regions)}。"
            raise FatalError(f"campaign.yaml 中没有地区「{scope.region}」。{hint}")
        return [u for u in campaign.units if u.region == scope.region]
    return list(campaign.units)


def compute(
    campaign: Campaign,
    units: Mapping[str, UnitData],
    version: DataVersion,
    *,
    scope: Scope | None = None,
    findings: Sequence[ConfirmedFinding] = (),
) -> Statistics:
    """附件2 and 附件3 for the units in ``scope``.

    ``findings`` are the cross-check's findings that units have confirmed (see stats.findings); they
    add to the columns whose 口径 says so.  A finding for a unit outside the campaign is an error.
    """
    scope = scope or Scope()
    options = Options.of(campaign)
    chosen = select(campaign, scope)
    unknown_regions = sorted({u.region for u in chosen} - set(campaign.regions))
    if unknown_regions:
        raise FatalError(f"campaign.yaml 中的单位属于未列出的地区：{'、'.join(unknown_regions)}。")
    known = {u.code for u in campaign.units}
    by_unit: dict[str, list[ConfirmedFinding]] = {}
    for finding in findings:
        if finding.unit not in known:
            raise FatalError(f"核查结果中的单位代码「{finding.unit}」不在 campaign.yaml 中。")
        by_unit.setdefault(finding.unit, []).append(finding)
    contexts = [UnitContext(u, units.get(u.code), options, tuple(by_unit.get(u.code, ()))) for u in chosen]
    specs = (table2.TABLE.spec(options), table3.TABLE.spec(options))
    tables = (_table(specs[0], campaign, contexts, scope), _table(specs[1], campaign, contexts, scope))
    return Statistics(
        campaign=campaign,
        options=options,
        scope=scope,
        version=version,
        tables=tables,
        footer=_footer(campaign, contexts, scope),
        not_submitted=tuple(c.config.name for c in contexts if not c.submitted),
    )


def _unit_row(spec: TableSpec, ctx: UnitContext, number: int) -> Row:
    cells: dict[str, Cell] = {}
    for column in spec.data_columns:
        assert column.compute is not None
        cells[column.key] = column.compute(ctx) if ctx.submitted else Cell(None)
    note = None if ctx.submitted else NOT_SUBMITTED
    return Row(RowKind.UNIT, ctx.code, number, ctx.config.name, ctx.config.region, cells, note=note)


def _table(spec: TableSpec, campaign: Campaign, contexts: list[UnitContext], scope: Scope) -> Table:
    rows: list[Row] = []
    if scope.unit is not None:
        return Table(spec, (_unit_row(spec, contexts[0], 1),))
    number = 0
    subtotals: list[Row] = []
    regions = [scope.region] if scope.region is not None else list(campaign.regions)
    for region in regions:
        unit_rows = []
        for ctx in contexts:
            if ctx.config.region == region:
                number += 1
                unit_rows.append(_unit_row(spec, ctx, number))
        subtotal = aggregate(spec, RowKind.SUBTOTAL, f"地区:{region}", f"{region}小计", region, unit_rows)
        rows.extend(unit_rows)
        rows.append(subtotal)
        subtotals.append(subtotal)
    if scope.region is None:
        rows.append(aggregate(spec, RowKind.TOTAL, TOTAL_LABEL, TOTAL_LABEL, None, subtotals))
    return Table(spec, tuple(rows))


def _footer(campaign: Campaign, contexts: list[UnitContext], scope: Scope) -> Footer:
    if scope.unit is not None:
        ctx = contexts[0]
        profile = ctx.data.profile if ctx.data is not None else None
        if profile is not None:
            return Footer(ctx.config.name, profile.filler, profile.phone, profile.reviewer)
        return Footer(ctx.config.name, "", "", "")
    signers = campaign.signers
    return Footer(campaign.issuer, signers.filler, signers.phone, signers.reviewer)
