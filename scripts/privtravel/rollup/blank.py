"""A blank 统计表.xlsx in the notice's layout for a member that fills its tables by hand.

It is the same workbook the tool exports (same header, same print setup), with one empty row to fill;
members that report several units add rows above a 合计 row of their own.
"""

from __future__ import annotations

from privtravel.export import xlsx
from privtravel.rollup.config import MEMBERS, Member, Rollup
from privtravel.rollup.grid import HAND_FILLED, specs
from privtravel.rollup.table import facts
from privtravel.stats.compute import Footer, Scope, Statistics
from privtravel.stats.options import Options
from privtravel.stats.table import Cell, Row, RowKind, Table, TableSpec
from privtravel.stats.version import DataVersion

BLANK_NAME = "（本单位名称）"


def _table(spec: TableSpec, label: str) -> Table:
    cells = {c.key: Cell(None) for c in spec.data_columns}
    return Table(spec, (Row(RowKind.UNIT, "member", 1, label, None, cells),))


def workbook(rollup: Rollup, member: Member | None) -> bytes:
    campaign = rollup.as_campaign()
    options = Options.of(campaign)
    label = member.name if member is not None else BLANK_NAME
    fj2, fj3 = specs(options)
    stats = Statistics(
        campaign=campaign,
        options=options,
        scope=Scope(),
        version=DataVersion(None, None, False, "手工填报"),
        tables=(_table(fj2, label), _table(fj3, label)),
        footer=Footer(label if member is not None else "", "", "", ""),
        not_submitted=(),
        facts=facts(rollup, f"{HAND_FILLED}，填好后提交到汇总仓库的 {MEMBERS}/<成员代码>/ 下"),
    )
    return xlsx.workbook(stats)
