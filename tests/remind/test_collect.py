"""Reminders on fixed dates, before, on and after each deadline, with weekends, holidays and 调休."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from privtravel.campaignops import reminders
from privtravel.campaignops.reminders import OPEN, OVERDUE, SOON, OpenFinding, Reminder
from privtravel.commands.check import check_repository

D = dt.date.fromisoformat


def collect(root: Path, day: str, **kw: object) -> dict[str, list[Reminder]]:
    repo, result = check_repository(root)
    assert not result.errors, [(d.path, d.line, d.message) for d in result.errors]
    return reminders.collect(repo, D(day), **kw)  # type: ignore[arg-type]


def topic(by_unit: dict[str, list[Reminder]], unit: str, name: str) -> list[tuple[str, str, str]]:
    return [(r.state, r.person, r.due.isoformat() if r.due else "") for r in by_unit[unit] if r.topic == name]


def test_the_ops_campaign_is_valid(ops: Path) -> None:
    _, result = check_repository(ops)
    assert not result.errors
    assert {(d.path, d.code) for d in result.diagnostics} == {("submissions/szyy/登记备案.yaml", "R307")}


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2019-06-03", []),  # 6/4, 6/5, 6/6, 6/10: four working days left (6/7 端午, 6/8-9 weekend)
        ("2019-06-04", [(SOON, "A02 冯涛", "2019-06-10")]),  # three working days left
        ("2019-06-06", [(SOON, "A02 冯涛", "2019-06-10")]),  # the holiday does not count
        ("2019-06-10", [(SOON, "A02 冯涛", "2019-06-10")]),  # the last day itself
        ("2019-06-11", [(OVERDUE, "A02 冯涛", "2019-06-10")]),
    ],
)
def test_missing_report_around_6_10(ops: Path, day: str, expected: list[tuple[str, str, str]]) -> None:
    assert topic(collect(ops, day), "szyy", reminders.REPORTS) == expected


def test_a_report_deadline_on_a_tiaoxiu_sunday_stays_and_on_an_ordinary_sunday_moves_back(ops: Path) -> None:
    config = ops / "campaign.yaml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("报告截止日期: 2019-06-10", "报告截止日期: 2019-09-29"), encoding="utf-8")
    # 2019-09-29 is a Sunday worked in exchange for the 国庆 holiday: the deadline stays on it
    assert topic(collect(ops, "2019-09-28"), "szyy", reminders.REPORTS) == [(SOON, "A02 冯涛", "2019-09-29")]
    assert topic(collect(ops, "2019-09-30"), "szyy", reminders.REPORTS)[0][0] == OVERDUE
    config.write_text(text.replace("报告截止日期: 2019-06-10", "报告截止日期: 2019-09-22"), encoding="utf-8")
    # an ordinary Sunday: 「前」 means the Friday before
    assert topic(collect(ops, "2019-09-20"), "szyy", reminders.REPORTS) == [(SOON, "A02 冯涛", "2019-09-20")]
    assert topic(collect(ops, "2019-09-21"), "szyy", reminders.REPORTS)[0][0] == OVERDUE


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2019-05-20", []),  # 5/21-5/24: four working days before the deadline
        ("2019-05-21", [(SOON, "A02 冯涛", "2019-05-24")]),  # the 25th is a Saturday: due Friday 24th
        ("2019-05-24", [(SOON, "A02 冯涛", "2019-05-24")]),
        ("2019-05-25", [(OVERDUE, "A02 冯涛", "2019-05-24")]),
    ],
)
def test_roster_change_to_report_by_the_25th(
    ops: Path, day: str, expected: list[tuple[str, str, str]]
) -> None:
    assert topic(collect(ops, day), "szyy", reminders.ROSTER) == expected


def test_a_change_after_the_25th_belongs_to_next_month(ops: Path) -> None:
    # 0004 was added on 2019-05-27: due with the June report, by Tuesday 2019-06-25
    assert topic(collect(ops, "2019-05-28"), "srmyy", reminders.ROSTER) == []
    assert topic(collect(ops, "2019-06-20"), "srmyy", reminders.ROSTER) == [(SOON, "0004 李娜", "2019-06-25")]
    assert topic(collect(ops, "2019-06-26"), "srmyy", reminders.ROSTER) == [
        (OVERDUE, "0004 李娜", "2019-06-25")
    ]


def test_police_entry_within_one_working_day(ops: Path) -> None:
    # 0005's retirement was sent on Monday 2019-06-24: entry due Tuesday 25th
    assert topic(collect(ops, "2019-06-25"), "srmyy", reminders.POLICE_ENTRY) == []
    assert topic(collect(ops, "2019-06-26"), "srmyy", reminders.POLICE_ENTRY) == [
        (OVERDUE, "0005 刘洋", "2019-06-25")
    ]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2019-09-26", []),  # 9/27, 9/29 (调休 Sunday), 9/30, 10/8: four working days (国庆 1-7 Oct off)
        ("2019-09-27", [(SOON, "0002 钱芳", "2019-10-08")]),  # back 9/28 + 7 days = 10/5, a holiday → 10/8
        ("2019-10-08", [(SOON, "0002 钱芳", "2019-10-08")]),
        ("2019-10-09", [(OVERDUE, "0002 钱芳", "2019-10-08")]),
    ],
)
def test_document_not_returned(ops: Path, day: str, expected: list[tuple[str, str, str]]) -> None:
    found = collect(ops, day)
    assert topic(found, "srmyy", reminders.RETURNS) == expected
    for item in found["srmyy"]:
        assert "CA1234567" not in item.text
    if expected:
        assert "C******67" in next(r.text for r in found["srmyy"] if r.topic == reminders.RETURNS)


def test_approval_waiting_for_the_discipline_opinion(ops: Path) -> None:
    assert topic(collect(ops, "2019-09-20"), "srmyy", reminders.OPINION) == [
        (OPEN, "0001 赵明", "2019-10-15")
    ]
    # 10/11, 10/12 (a Saturday worked for 国庆), 10/14, 10/15: four working days, not yet near
    assert topic(collect(ops, "2019-10-10"), "srmyy", reminders.OPINION) == [
        (OPEN, "0001 赵明", "2019-10-15")
    ]
    assert topic(collect(ops, "2019-10-11"), "srmyy", reminders.OPINION) == [
        (SOON, "0001 赵明", "2019-10-15")
    ]
    assert topic(collect(ops, "2019-10-16"), "srmyy", reminders.OPINION) == [
        (OVERDUE, "0001 赵明", "2019-10-15")
    ]


def test_rectification_items_past_their_time_limit(ops: Path) -> None:
    # ZG-02 is 整改中 with 完成时限 2019-08-31 (a Saturday); ZG-01 is done and never reminded
    assert topic(collect(ops, "2019-08-26"), "srmyy", reminders.RECTIFY) == []
    assert topic(collect(ops, "2019-08-29"), "srmyy", reminders.RECTIFY) == [(SOON, "", "2019-08-31")]
    assert topic(collect(ops, "2019-09-01"), "srmyy", reminders.RECTIFY) == [(OVERDUE, "", "2019-08-31")]


def test_a_problem_without_rectification_is_reminded(ops: Path) -> None:
    path = ops / "submissions/srmyy/整改.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - 整改编号: ZG-02")], encoding="utf-8")
    repo, _ = check_repository(ops)
    found = reminders.collect(repo, D("2019-07-20"))
    items = [r for r in found["srmyy"] if r.topic == reminders.RECTIFY]
    assert [(r.state, r.due) for r in items] == [(OPEN, D("2019-08-31"))]
    assert "JC-02" in items[0].text and items[0].path == "submissions/srmyy/整改.yaml"


def test_open_findings_come_in_through_the_seam(ops: Path) -> None:
    findings = [
        OpenFinding("sjkzx", "X502-01-20190301", "公安出入境记录有 2019-03-01 出境，报告表未填报", "01 陈刚"),
        OpenFinding("nowhere", "X1", "不属于任何单位"),
    ]
    found = collect(ops, "2019-07-01", findings=findings)
    items = [r for r in found["sjkzx"] if r.topic == reminders.FINDINGS]
    assert [(r.state, r.person) for r in items] == [(OPEN, "01 陈刚")]
    assert "X502-01-20190301" in items[0].text
    assert "nowhere" not in found


def test_most_urgent_first(ops: Path) -> None:
    states = [r.state for r in collect(ops, "2019-10-10")["srmyy"]]
    assert states == sorted(states, key=reminders.STATES.index)
    assert states[0] == OVERDUE
