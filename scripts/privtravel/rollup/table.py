"""The roll-up's own 附件2 and 附件3: a row per member grouped by 地区, each 地区's 小计, the 合计.

The tables are the statistics package's own ``Table`` and ``Statistics``: the notice's layout, the
xlsx and csv writers and the site's table HTML serve a roll-up unchanged.  A member that has not
submitted, or whose tables have errors, keeps its row with blank figures and says so; the 小计 and
合计 that leave it out say how many they leave out.  Nothing is ever shown as a zero it is not.
"""

from __future__ import annotations

import dataclasses
import subprocess
from pathlib import Path

from privtravel.model import Src
from privtravel.rollup.config import CONFIG_FILE, MEMBERS, Rollup
from privtravel.rollup.members import Gathered, MemberState, Status
from privtravel.stats import version as data_version
from privtravel.stats.compute import TOTAL_LABEL, Footer, Scope, Statistics
from privtravel.stats.options import Options, cn_date
from privtravel.stats.table import Cell, Column, Ref, Row, RowKind, Table, TableSpec, aggregate
from privtravel.stats.version import DIRTY, DataVersion

NOTES = {Status.MISSING: "未报送", Status.ERRORS: "有错误，未计入"}

_FIXED = {
    "no": "成员行按 rollup.yaml 中地区和成员的顺序连续编号；小计、合计行不编号。",
    "name": "rollup.yaml 中的成员名称；每个地区的成员之后是该地区的「小计」，最后是全部成员的「合计」。",
}


def _definition(column: Column) -> str:
    if column.key in _FIXED:
        return _FIXED[column.key]
    return (
        f"各成员报送的统计表中本列（「{column.label}」）的合计行；只有一个单位行的取该行，没有合计行的取各单位行之和。"
        "每个数字注明取自成员文件的哪个单元格和哪个版本。未报送或有错误的成员不计入小计和合计，其行空白并注明。"
        + ("小计、合计行填已建立制度的单位数。" if column.key == "has_rules" else "")
    )


def rollup_spec(spec: TableSpec) -> TableSpec:
    """The notice's columns, with the 统计口径 of a roll-up."""
    columns = tuple(dataclasses.replace(c, definition=_definition(c)) for c in spec.columns)
    return dataclasses.replace(spec, columns=columns)


def _member_row(spec: TableSpec, state: MemberState, number: int) -> Row:
    m = state.member
    cells = {}
    for column in spec.data_columns:
        taken = state.figures.get(spec.key, {}).get(column.key)
        if taken is None:
            cells[column.key] = Cell(None)
            continue
        refs = tuple(
            Ref(m.code, None, None, f"{m.file}!{where}（{state.version()}）", Src(m.file, (where,)))
            for where in taken.cells
        )
        cells[column.key] = Cell(taken.value, refs)
    return Row(RowKind.UNIT, m.code, number, m.name, m.region, cells, note=NOTES.get(state.status))


def _left_out(rows: list[Row]) -> str | None:
    missing = sum(1 for r in rows if r.kind is RowKind.UNIT and r.note is not None)
    return f"不含未报送或有错误的 {missing} 个成员" if missing else None


def _table(spec: TableSpec, gathered: Gathered) -> Table:
    rows: list[Row] = []
    subtotals: list[Row] = []
    everyone: list[Row] = []
    number = 0
    for region in gathered.rollup.regions:
        members = []
        for state in gathered.states:
            if state.member.region == region:
                number += 1
                members.append(_member_row(spec, state, number))
        counted = [r for r in members if r.note is None]
        subtotal = aggregate(spec, RowKind.SUBTOTAL, f"地区:{region}", f"{region}小计", region, counted)
        subtotal = dataclasses.replace(subtotal, note=_left_out(members))
        rows += [*members, subtotal]
        subtotals.append(subtotal)
        everyone += members
    total = aggregate(spec, RowKind.TOTAL, TOTAL_LABEL, TOTAL_LABEL, None, subtotals)
    rows.append(dataclasses.replace(total, note=_left_out(everyone)))
    return Table(spec, tuple(rows))


def statistics(root: Path, gathered: Gathered) -> Statistics:
    campaign = gathered.rollup.as_campaign()
    specs = tuple(rollup_spec(s) for s in gathered.specs)
    tables = (_table(specs[0], gathered), _table(specs[1], gathered))
    return Statistics(
        campaign=campaign,
        options=Options.of(campaign),
        scope=Scope(),
        version=version(root),
        tables=tables,
        footer=Footer(gathered.rollup.issuer, "", "", ""),
        not_submitted=tuple(s.member.name for s in gathered.states if s.status is not Status.DONE),
        facts=facts(
            gathered.rollup, "各成员报送的统计表相加（每个数字取自哪个成员文件的哪个单元格，见各列口径）"
        ),
    )


def facts(rollup: Rollup, method: str) -> tuple[tuple[str, str], ...]:
    """What a roll-up's 统计口径 sheet states: its own dates and counting rule, not a campaign's defaults."""
    return (
        ("汇总", rollup.name),
        ("填表单位", rollup.issuer),
        ("计算方法", method),
        ("出国境起算日期", cn_date(rollup.trips_since)),
        ("统计表报送截止日期", cn_date(rollup.deadline)),
        ("违规问题计数", rollup.cases_by),
    )


def version(root: Path) -> DataVersion:
    """The roll-up repository's commit; dirty when rollup.yaml or a member's folder differs from it."""
    found = data_version.of(root)
    if found.commit is None:
        return found
    try:
        status = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all", "--", CONFIG_FILE, MEMBERS],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    except OSError:
        status = ""
    dirty = bool(status.strip())
    return dataclasses.replace(found, dirty=dirty, note=DIRTY if dirty else None)
