"""Properties over random campaigns: subtotals add up, nothing is negative, a person counts once."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from privtravel.model import (
    Accountable,
    Campaign,
    Case,
    CustodyItem,
    Handling,
    HeldDocument,
    Removal,
    Report,
    RosterChange,
    RosterPerson,
    Rule,
    Src,
    Trip,
    UnitConfig,
    UnitData,
    UnitProfile,
)
from privtravel.stats import compute
from privtravel.stats.table import RowKind, Total
from privtravel.stats.version import DataVersion

KINDS = [
    "违规办理因私证照",
    "违规持有因私证照",
    "瞒报持有因私证照",
    "未经批准擅自出国(境)",
    "未按审批要求出国境",
    "瞒报出国境情况",
    "出国境审批事项把关不严",
]
METHODS = ["批评教育", "诫勉", "调离岗位", "责令辞职", "免职", "降职", "移交纪检监察机关"]
CATEGORIES = ["退休满1年的市管干部", "本地本单位管理的人员", "下属单位管理的人员", "其他人员"]
TYPES = ["普通护照", "往来港澳通行证", "大陆居民往来台湾通行证"]
CHANGE_KINDS = ["新增", "新增", "现任职务变更", "调离", "退休", "死亡"]
PERSONS_COLUMNS = {
    "fj2": ["new_registered", "unapproved_since", "handled"],
    "fj3": ["to_register", "registered", "cat_retired", "cat_own", "cat_subordinate", "cat_other"],
}

days = st.dates(min_value=dt.date(2014, 1, 1), max_value=dt.date(2020, 12, 31))
maybe_day = st.none() | days
src = Src("x.yaml")


@st.composite
def unit_data(draw: st.DrawFn, code: str) -> UnitData:
    ids = [f"{i:04d}" for i in range(draw(st.integers(0, 6)))]
    roster = [
        RosterPerson(
            pid,
            f"人{pid}",
            "男",
            dt.date(1970, 1, 1),
            "330602197001010011",
            "科长",
            None,
            draw(st.sampled_from(CATEGORIES)),
            draw(st.booleans()),
            (),
            tuple(
                RosterChange(
                    draw(days),
                    draw(st.sampled_from(CHANGE_KINDS)),
                    draw(maybe_day),
                    draw(maybe_day),
                    None,
                    src,
                )
                for _ in range(draw(st.integers(1, 3)))
            ),
            src,
        )
        for pid in ids
    ]
    numbers = st.sampled_from([f"E{n:08d}" for n in range(8)])
    reports = [
        Report(
            code,
            pid,
            f"人{pid}",
            "科长",
            "填报",
            tuple(
                HeldDocument(
                    draw(st.sampled_from(TYPES)),
                    draw(numbers),
                    draw(days),
                    draw(days),
                    draw(st.sampled_from(["本人", "委政治处", "人事科"])),
                    None,
                    src,
                )
                for _ in range(draw(st.integers(0, 2)))
            ),
            tuple(
                Trip(
                    draw(days),
                    draw(days),
                    ("日本",),
                    "旅游",
                    draw(st.sampled_from(["院党委", "未经审批"])),
                    None,
                    None,
                    src,
                )
                for _ in range(draw(st.integers(0, 2)))
            ),
            None,
            None,
            None,
            None,
            src,
        )
        for pid in ids
        if draw(st.booleans())
    ]
    custody = [
        CustodyItem(
            draw(st.sampled_from(ids)),
            draw(st.sampled_from(TYPES)),
            draw(numbers),
            draw(days),
            None,
            (),
            draw(st.none() | st.builds(Removal, days, st.just("其他"), st.none())),
            src,
        )
        for _ in range(draw(st.integers(0, 4) if ids else st.just(0)))
    ]
    cases = [
        Case(
            f"WG{n}",
            draw(st.sampled_from(ids)),
            tuple(draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=3, unique=True))),
            "描述",
            draw(days),
            "自查自纠",
            tuple(
                Handling(draw(st.sampled_from(METHODS)), draw(days), "院党委", None, src)
                for _ in range(draw(st.integers(0, 2)))
            ),
            tuple(
                Accountable(
                    draw(st.none() | st.sampled_from(ids)),
                    "张三",
                    "科长",
                    "直接责任",
                    draw(st.sampled_from(METHODS)),
                    draw(days),
                    src,
                )
                for _ in range(draw(st.integers(0, 1)))
            ),
            src,
        )
        for n in range(draw(st.integers(0, 3) if ids else st.just(0)))
    ]
    profile = None
    if draw(st.booleans()) or ids:
        rules = tuple(
            Rule("某某管理办法", None, draw(days), draw(maybe_day), src)
            for _ in range(draw(st.integers(0, 2)))
        )
        profile = UnitProfile(
            code,
            code,
            draw(st.integers(0, 50)),
            rules,
            "人事科",
            (),
            True,
            True,
            "王丽",
            "13800000000",
            "陈建国",
            src,
        )
    files = ["单位.yaml"] if profile is not None else []
    return UnitData(
        code=code, profile=profile, roster=roster, reports=reports, custody=custody, cases=cases, files=files
    )


@st.composite
def campaigns(draw: st.DrawFn) -> tuple[Campaign, dict[str, UnitData]]:
    regions = ("甲", "乙", "丙")[: draw(st.integers(1, 3))]
    n = draw(st.integers(1, 5))
    units = tuple(UnitConfig(f"u{i}", f"单位{i}", draw(st.sampled_from(regions)), (), src) for i in range(n))
    campaign = Campaign(
        "专项",
        2019,
        "委",
        dt.date(2016, 1, 1),
        dt.date(2018, 1, 1),
        dt.date(2019, 6, 10),
        dt.date(2019, 6, 30),
        draw(days),
        dt.date(2019, 7, 31),
        25,
        7,
        1024,
        regions,
        units,
        (),
        (),
        src,
    )
    return campaign, {u.code: draw(unit_data(u.code)) for u in units}


@settings(max_examples=150, deadline=None)
@given(campaigns())
def test_subtotals_totals_and_person_counts(generated: tuple[Campaign, dict[str, UnitData]]) -> None:
    campaign, units = generated
    stats = compute(campaign, units, DataVersion(None, None, False, None))
    for table in stats.tables:
        rows = {r.id: r for r in table.rows}
        for column in table.spec.data_columns:
            if column.total is Total.NONE:
                continue
            for row in table.rows:
                value = row.cells[column.key].value
                if row.kind is RowKind.UNIT:
                    assert value is None or isinstance(value, (int, str))
                    if isinstance(value, int):
                        assert value >= 0
                    continue
                parts = [rows[i].cells[column.key].value for i in row.adds]
                if column.total is Total.SUM or row.kind is RowKind.TOTAL:
                    expected = sum(p for p in parts if isinstance(p, int))
                else:
                    expected = sum(1 for p in parts if p == "是")
                assert value == expected, (table.spec.key, row.id, column.key)
                assert isinstance(value, int) and value >= 0
        total = rows["合计"]
        assert set(total.adds) == {f"地区:{r}" for r in campaign.regions}
        for key in PERSONS_COLUMNS[table.spec.key]:
            for row in table.rows:
                if row.kind is RowKind.UNIT and row.cells[key].value is not None:
                    persons = [ref.person for ref in row.cells[key].refs]
                    assert row.cells[key].value == len(set(persons)), (key, row.id)
    for row in stats.fj3.rows:
        if row.kind is RowKind.UNIT and row.note is None:
            assert row.value("registered") <= row.value("to_register")  # type: ignore[operator]
            assert row.value("collected") <= row.value("due")  # type: ignore[operator]
