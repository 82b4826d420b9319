"""City → province: a roll-up is a member of a higher roll-up through its published JSON, and two
levels give the same 合计 as one."""

from __future__ import annotations

from pathlib import Path

from privtravel import cli
from privtravel.rollup import config, members, table
from privtravel.stats.compute import Statistics
from privtravel.stats.table import RowKind
from tests.rollup import handfill
from tests.rollup.conftest import Demo, MakeRollup


def totals(stats: Statistics) -> dict[tuple[str, str], object]:
    out = {}
    for t in stats.tables:
        total = next(r for r in t.rows if r.kind is RowKind.TOTAL)
        out.update({(t.spec.key, k): c.value for k, c in total.cells.items()})
    return out


def rollup_of(root: Path) -> Statistics:
    gathered = members.gather(root, config.load(root))
    assert [d for d in gathered.diagnostics if d.is_error] == []
    return table.statistics(root, gathered)


def published(root: Path) -> bytes:
    assert cli.main(["--root", str(root), "rollup", "stats", "--out", str(root / "out")]) == 0
    return (root / "out" / "统计表.json").read_bytes()


def test_two_levels_give_the_same_total_as_one(
    demos: list[Demo], make_rollup: MakeRollup, tmp_path: Path
) -> None:
    hand = handfill.save(
        handfill.workbook(handfill.rows_of(demos[3].stats)), tmp_path / "h.xlsx"
    ).read_bytes()
    leaves = {
        "ya": ("越城区", "members/ya/统计表.json", demos[0].published),
        "kq": ("柯桥区", "members/kq/统计表.json", demos[1].published),
        "xc": ("新昌县", "members/xc/统计表.json", demos[2].published),
        "sz": ("嵊州市", "members/sz/统计表.xlsx", hand),
    }

    def spec(code: str, region: str) -> tuple[str, str, str, str]:
        return (code, leaves[code][0], region, "表格" if leaves[code][1].endswith("xlsx") else "json")

    one = make_rollup(
        [spec("ya", "区"), spec("kq", "区"), spec("xc", "县（市）"), spec("sz", "县（市）")],
        {path: data for _, path, data in leaves.values()},
    )
    city1 = make_rollup(
        [spec("ya", "区"), spec("kq", "区")], {leaves[c][1]: leaves[c][2] for c in ("ya", "kq")}
    )
    city2 = make_rollup(
        [spec("xc", "县"), spec("sz", "市")], {leaves[c][1]: leaves[c][2] for c in ("xc", "sz")}
    )
    province = make_rollup(
        [("sx1", "绍兴市（一）", "绍兴", "json"), ("sx2", "绍兴市（二）", "绍兴", "json")],
        {"members/sx1/统计表.json": published(city1), "members/sx2/统计表.json": published(city2)},
    )
    direct = totals(rollup_of(one))
    assert totals(rollup_of(province)) == direct
    assert direct[("fj3", "registered")] == sum(
        next(r for r in d.stats.fj3.rows if r.kind is RowKind.TOTAL).cells["registered"].value  # type: ignore[misc]
        for d in demos
    )
    # and a third level reads the province in turn
    country = make_rollup([("zj", "浙江省", "省", "json")], {"members/zj/统计表.json": published(province)})
    assert totals(rollup_of(country)) == direct


def test_a_lower_roll_up_with_missing_members_says_so(demos: list[Demo], make_rollup: MakeRollup) -> None:
    city = make_rollup(
        [("ya", "越城区", "区", "json"), ("kq", "柯桥区", "区", "json")],
        {"members/ya/统计表.json": demos[0].published},
    )
    province = make_rollup([("sx", "绍兴市", "绍兴", "json")], {"members/sx/统计表.json": published(city)})
    gathered = members.gather(province, config.load(province))
    assert [(d.code, d.field) for d in gathered.diagnostics] == [("T114", "尚未报送单位")]
    assert "柯桥区" in gathered.diagnostics[0].message
    assert gathered.states[0].status == "已报送"
