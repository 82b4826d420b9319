"""The 口径 choices: the statistics date, the campaign switches, the findings seam, scopes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from campaign_builder import base, variant, write

from privtravel.diagnostics import FatalError
from privtravel.model import Src
from privtravel.stats import ConfirmedFinding, Scope, compute, from_repository
from privtravel.stats.version import DataVersion

NO_VERSION = DataVersion(None, None, False, "测试")


def loaded(tmp_path: Path, campaign: dict[str, Any]) -> Any:
    from privtravel.diagnostics import Result
    from privtravel.load import repository

    root = write(campaign, tmp_path / "c")
    result = Result()
    repo = repository.load(root, result)
    assert not result.errors
    return repo


def test_statistics_date_excludes_later_records(compute_campaign: Any) -> None:
    c = variant(base())
    c["campaign.yaml"]["统计口径"]["统计截止日期"] = "2019-06-13"
    stats = compute_campaign(c)
    row2, row3 = stats.fj2.row("a1"), stats.fj3.row("a1")
    assert row2.value("illegal_holding") == 1  # found 2019-06-12
    assert row2.value("concealed_holding") == 0  # found 2019-06-14: later
    assert row2.value("handled") == 0  # decisions on 2019-06-20 and 06-25
    assert row2.value("new_registered") == 1  # 0002 reported 2019-06-10
    assert row3.value("to_register") == 6  # 0003 left on 2019-06-15: still to be registered on 06-13


def test_cases_counted_by_case(compute_campaign: Any) -> None:
    c = variant(base())
    cases = c["units"]["a1"]["违规问题.yaml"]["问题"]
    second = dict(cases[1], 问题编号="WG-03", 问题类型=["瞒报持有因私证照"])
    cases.append(second)
    assert compute_campaign(c).fj2.row("a1").value("concealed_holding") == 1  # one person
    c["campaign.yaml"]["统计口径"]["违规问题计数"] = "起数"
    stats = compute_campaign(c)
    assert stats.fj2.row("a1").value("concealed_holding") == 2  # two cases
    assert stats.fj2.spec.column("concealed_holding").measure == "起"


def test_registered_by_police_entry(compute_campaign: Any) -> None:
    c = variant(base())
    change = c["units"]["a1"]["登记备案.yaml"]["人员"][1]["变动记录"][0]  # 0002
    del change["公安入库日期"]
    assert compute_campaign(c).fj3.row("a1").value("registered") == 4
    c["campaign.yaml"]["统计口径"]["实备以"] = "公安入库日期"
    stats = compute_campaign(c)
    assert stats.fj3.row("a1").value("registered") == 3
    assert stats.fj2.row("a1").value("new_registered") == 0
    assert "公安入库日期" in stats.fj3.spec.column("registered").definition


def test_accountable_persons_switch(compute_campaign: Any) -> None:
    c = variant(base())
    c["campaign.yaml"]["统计口径"]["处理人数含责任追究"] = False
    row = compute_campaign(c).fj2.row("a1")
    assert (row.value("handled"), row.value("admonition"), row.value("criticism")) == (1, 0, 1)


def test_same_decision_under_two_cases_is_one_person_time(compute_campaign: Any) -> None:
    c = variant(base())
    cases = c["units"]["a1"]["违规问题.yaml"]["问题"]
    cases.append(dict(cases[0], 问题编号="WG-09", 问题类型=["瞒报出国境情况"], 责任追究=[]))
    row = compute_campaign(c).fj2.row("a1")
    assert row.value("criticism") == 1
    assert row.value("concealed_trip") == 1


def test_confirmed_findings_add_to_unapproved_column(tmp_path: Path) -> None:
    repo = loaded(tmp_path, base())
    evidence = Src("police/出入境记录.csv", (3,))
    findings = [
        ConfirmedFinding("a1", "0002", "X403", "未经批准擅自出国(境)", evidence, "2018年赴香港，无审批"),
        ConfirmedFinding("a1", "0001", "X403", "未经批准擅自出国(境)", evidence),  # already counted
        ConfirmedFinding("a1", "0004", "X401", "瞒报出国境情况", evidence),  # another column's business
    ]
    stats = compute(repo.campaign, repo.units, NO_VERSION, findings=findings)
    cell = stats.fj2.row("a1").cells["unapproved_since"]
    assert cell.value == 2
    assert {r.person for r in cell.refs} == {"0001", "0002"}
    assert any("X403" in r.what and r.src == evidence for r in cell.refs)
    assert stats.fj2.row("a1").value("concealed_trip") == 0


def test_finding_for_unknown_unit_is_an_error(tmp_path: Path) -> None:
    repo = loaded(tmp_path, base())
    finding = ConfirmedFinding("zz", "1", "X403", "未经批准擅自出国(境)", Src("police/x.csv"))
    with pytest.raises(FatalError, match="zz"):
        compute(repo.campaign, repo.units, NO_VERSION, findings=[finding])


def test_unit_scope_gives_one_row_and_footer(tmp_path: Path) -> None:
    root = write(base(), tmp_path / "c")
    _, stats = from_repository(root, Scope(unit="a1"))
    assert stats is not None
    assert [r.id for r in stats.fj2.rows] == ["a1"]
    assert (stats.footer.unit, stats.footer.filler, stats.footer.reviewer) == ("甲一医院", "王丽", "陈建国")


def test_region_scope_gives_units_and_subtotal(tmp_path: Path) -> None:
    root = write(base(), tmp_path / "c")
    _, stats = from_repository(root, Scope(region="甲地区"))
    assert stats is not None
    assert [r.id for r in stats.fj3.rows] == ["a1", "a2", "地区:甲地区"]


@pytest.mark.parametrize(
    ("scope", "message"),
    [
        (Scope(unit="a3"), "没有单位代码「a3」"),
        (Scope(region="丙地区"), "没有地区「丙地区」"),
        (Scope(unit="b1", region="甲地区"), "不属于「甲地区」"),
    ],
)
def test_wrong_scope_is_a_clear_error(tmp_path: Path, scope: Scope, message: str) -> None:
    root = write(base(), tmp_path / "c")
    with pytest.raises(FatalError, match=message):
        from_repository(root, scope)


def test_unit_without_files_is_blank_not_zero(tmp_path: Path) -> None:
    c = variant(base())
    del c["units"]["a2"]
    root = write(c, tmp_path / "c")
    result, stats = from_repository(root)
    assert stats is not None and not result.errors
    row = stats.fj3.row("a2")
    assert row.note == "尚未报送"
    assert all(cell.value is None for cell in row.cells.values())
    assert stats.not_submitted == ("甲二医院",)
    assert stats.fj3.row("地区:甲地区").value("staff_total") == 10


def test_trips_since_date_comes_from_the_campaign(compute_campaign: Any) -> None:
    c = variant(base())
    c["campaign.yaml"]["起算日期"]["出国境起算日期"] = "2017-01-01"
    column = compute_campaign(c).fj2.spec.column("unapproved_since")
    assert column.path == ("问题排查情况", "2017年1月1日以来未经审批出国（境）人数")
