"""One scenario per finding code that produces it, and one nearby situation that must not."""

from __future__ import annotations

import datetime as dt
from typing import Any

from privtravel.campaignops import reminders
from privtravel.commands.check import check_repository
from tests.crosscheck.scenes import CHEN, QIAN, ZHAO, Scene, codes, crossing, found, holding

SRMYY = "submissions/srmyy"
APPROVALS = f"{SRMYY}/审批.yaml"
ROSTER = f"{SRMYY}/登记备案.yaml"
CUSTODY = f"{SRMYY}/证件保管.yaml"
CASES = f"{SRMYY}/违规问题.yaml"
QIAN_REPORT = f"{SRMYY}/报告/0002-钱芳.yaml"


def _qian_approval(data: dict[str, Any]) -> dict[str, Any]:
    approval: dict[str, Any] = data["审批"][1]
    assert approval["审批编号"] == "SP2019-003"
    return approval


def _add_approval(scene: Scene, ident: str, start: str, end: str, places: list[str]) -> None:
    def change(data: dict[str, Any]) -> None:
        template = dict(_qian_approval(data))
        leave = dt.date.fromisoformat(start)
        template.update(
            {
                "审批编号": ident,
                "计划出境日期": leave,
                "计划入境日期": dt.date.fromisoformat(end),
                "前往国家（地区）": places,
                "申请日期": leave - dt.timedelta(days=20),
                "审批日期": leave - dt.timedelta(days=10),
                "纪检监察意见": {"意见": "同意", "日期": leave - dt.timedelta(days=15)},
            }
        )
        data["审批"].append(template)

    scene.edit(APPROVALS, change)


def _add_reported_trip(scene: Scene, start: str, end: str, places: list[str], approval: str) -> None:
    def change(data: dict[str, Any]) -> None:
        data["出国境情况"].append(
            {
                "出境日期": dt.date.fromisoformat(start),
                "入境日期": dt.date.fromisoformat(end),
                "所到国家（地区）": places,
                "事由": "探亲",
                "审批机构": "院党委",
                "审批编号": approval,
            }
        )

    scene.edit(QIAN_REPORT, change)


# --- 应建尽建 ----------------------------------------------------------------------------------


def test_x101_unit_without_rules(scene: Scene) -> None:
    assert [a.finding.unit for a in found(scene.run(), "X101")] == ["szyy"]
    scene.edit(
        "submissions/szyy/单位.yaml",
        lambda d: d.update(
            管理制度=[{"制度名称": "绍兴市中医院因私出国（境）管理办法", "出台时间": dt.date(2019, 6, 20)}]
        ),
    )
    assert found(scene.run(), "X101") == []


# --- 应备尽备 ----------------------------------------------------------------------------------


def test_x201_police_know_someone_no_unit_registered(scene: Scene) -> None:
    stranger = ("吴小平", "男", "1980-01-01", "330602198001010011")
    scene.holdings.append(holding(stranger, "普通护照", "E55555501", "2016-01-01", "2026-01-01"))
    scene.crossings.append(crossing(stranger, "2019-02-01", "出境", "泰国", "E55555501"))
    hits = found(scene.run(), "X201")
    assert [(a.finding.unit, a.finding.key) for a in hits] == [("", "X201-吴小平-19800101")]
    assert "33*************011" in hits[0].finding.message
    assert "330602198001010011" not in hits[0].finding.message


def test_x201_not_for_registered_people(scene: Scene) -> None:
    scene.holdings.append(holding(QIAN, "普通护照", "E55555502", "2019-05-01", "2029-05-01"))
    assert found(scene.run(), "X201") == []


def _qian_change(scene: Scene, **fields: Any) -> None:
    def change(data: dict[str, Any]) -> None:
        data["人员"][1]["变动记录"].append(
            {"日期": dt.date(2019, 6, 12), "变动类型": "人事主管部门变更", **fields}
        )

    scene.edit(ROSTER, change)


def test_x202_change_reported_after_the_25th(scene: Scene) -> None:
    _qian_change(scene, 报送公安日期=dt.date(2019, 6, 26), 公安入库日期=dt.date(2019, 6, 27))
    hits = found(scene.run(), "X202", person="0002")
    assert [a.finding.key for a in hits] == ["X202-0002-20190612-人事主管部门变更"]
    assert "晚 1 天" in hits[0].finding.message


def test_x202_not_when_reported_on_the_25th(scene: Scene) -> None:
    _qian_change(scene, 报送公安日期=dt.date(2019, 6, 25), 公安入库日期=dt.date(2019, 6, 26))
    assert found(scene.run(), "X202", person="0002") == []


def test_x202_the_25th_on_a_saturday_is_due_the_friday_before_as_in_remind(scene: Scene) -> None:
    # 2019-05-25 was a Saturday: 「每月25日前」 means Friday 2019-05-24, in the finding and in remind alike.
    def change(data: dict[str, Any]) -> None:
        data["人员"][1]["变动记录"].append({"日期": dt.date(2019, 5, 10), "变动类型": "人事主管部门变更"})

    scene.edit(ROSTER, change)
    hits = found(scene.run(), "X202", person="0002")
    assert len(hits) == 1
    said = "应于2019年5月24日前（每月25日前报送，5月25日不是工作日）报送公安机关"
    assert said in hits[0].finding.message
    repo, _ = check_repository(scene.root)
    due = [r for r in reminders.collect(repo, dt.date(2019, 6, 30))["srmyy"] if r.topic == reminders.ROSTER]
    assert [(r.person, r.due) for r in due] == [("0002 钱芳", dt.date(2019, 5, 24))]
    assert "应于2019年5月24日前（每月25日前报送，5月25日不是工作日）报送" in due[0].text
    _qian_change(scene, 报送公安日期=dt.date(2019, 5, 24), 公安入库日期=dt.date(2019, 5, 27))
    scene.edit(ROSTER, lambda d: d["人员"][1]["变动记录"].pop(-2))
    assert found(scene.run(), "X202", person="0002") == []


def test_x202_change_after_the_25th_is_due_next_month(scene: Scene) -> None:
    def change(data: dict[str, Any]) -> None:
        data["人员"][1]["变动记录"].append({"日期": dt.date(2019, 6, 27), "变动类型": "人事主管部门变更"})

    scene.edit(ROSTER, change)
    assert found(scene.run(), "X202", person="0002") == []  # due 2019-07-25, data date 2019-06-30
    scene.settings["公安数据日期"] = "2019-07-26"
    assert len(found(scene.run(), "X202", person="0002")) == 1


def test_x202_counts_from_the_extraction_date_not_the_last_crossing(scene: Scene) -> None:
    """The last crossing is 2019-01-30; the police extracted on 2019-07-26: the change is overdue."""
    scene.edit(
        ROSTER,
        lambda d: d["人员"][1]["变动记录"].append(
            {"日期": dt.date(2019, 6, 27), "变动类型": "人事主管部门变更"}
        ),
    )
    del scene.settings["公安数据日期"]
    scene.extracted = "2019-07-26"
    outcome = scene.run()
    assert outcome.as_of == dt.date(2019, 7, 26)
    assert len(found(outcome, "X202", person="0002")) == 1


def test_campaign_and_manifest_dates_that_differ_are_an_error_and_no_findings(scene: Scene) -> None:
    scene.extracted = "2019-07-26"  # campaign.yaml still says 2019-06-30
    outcome = scene.run()
    assert not outcome.complete and outcome.answered == []
    [problem] = outcome.result.errors
    assert (problem.code, problem.path, problem.field) == ("P506", "campaign.yaml", "比对核查.公安数据日期")
    assert problem.line > 0 and "2019-07-26" in problem.message and "police/交付清单.yaml" in problem.message


def test_x203_entry_late_because_a_sunday_was_a_workday(scene: Scene) -> None:
    # 2019-09-29 was a Sunday worked in exchange (调休) for the National Day holiday.
    _qian_change(scene, 报送公安日期=dt.date(2019, 6, 21), 公安入库日期=dt.date(2019, 6, 25))
    scene.settings["公安数据日期"] = "2019-10-31"
    hits = found(scene.run(), "X203", person="0002")
    assert [a.finding.key for a in hits] == ["X203-0002-20190612-人事主管部门变更"]  # Fri → Mon was the limit

    def sunday_worked(data: dict[str, Any]) -> None:
        last = data["人员"][1]["变动记录"][-1]
        last.update(
            日期=dt.date(2019, 9, 20), 报送公安日期=dt.date(2019, 9, 27), 公安入库日期=dt.date(2019, 9, 30)
        )

    scene.edit(ROSTER, sunday_worked)
    assert "应于2019年9月29日前入库" in found(scene.run(), "X203", person="0002")[0].finding.message


def test_x203_not_across_the_national_day_holiday(scene: Scene) -> None:
    def change(data: dict[str, Any]) -> None:
        data["人员"][1]["变动记录"].append(
            {
                "日期": dt.date(2019, 9, 20),
                "变动类型": "人事主管部门变更",
                "报送公安日期": dt.date(2019, 9, 30),
                "公安入库日期": dt.date(2019, 10, 8),
            }
        )

    scene.edit(ROSTER, change)
    scene.settings["公安数据日期"] = "2019-10-31"
    assert found(scene.run(), "X203", person="0002") == []


def test_x203_outside_the_calendar_is_an_error_not_a_guess(scene: Scene) -> None:
    def change(data: dict[str, Any]) -> None:
        data["人员"][0]["变动记录"][0].update(
            日期=dt.date(2003, 3, 1), 报送公安日期=dt.date(2003, 3, 20), 公安入库日期=dt.date(2003, 3, 21)
        )

    scene.edit(ROSTER, change)
    outcome = scene.run()
    errors = [d for d in outcome.result.errors if d.code == "P503"]
    # neither the 25th's deadline nor the 1-working-day entry can be judged: both said, none guessed
    assert len(errors) == 2 and all("2003" in e.message and e.line > 0 for e in errors)
    assert not [e for e in errors if "。。" in e.message]


# --- 应交尽交 ----------------------------------------------------------------------------------


def test_x301_valid_document_not_in_custody(scene: Scene) -> None:
    scene.edit(CUSTODY, lambda d: d.update(证件=[]))
    hits = found(scene.run(), "X301", person="0002")
    assert [a.finding.key for a in hits] == ["X301-0002-C67-20170105"]
    assert "C******67" in hits[0].finding.message


def test_x301_not_for_commission_cadre_kept_by_the_commission_or_new_documents(scene: Scene) -> None:
    # 赵明 is a 委管干部 whose passport the report says 委政治处 keeps; a passport issued three days
    # before the data date is not yet due (证件交回天数 7).
    scene.holdings.append(holding(QIAN, "普通护照", "E55555503", "2019-06-27", "2029-06-26"))
    outcome = scene.run()
    assert found(outcome, "X301", unit="srmyy") == []


def _qian_loan(scene: Scene, returned: dt.date | None) -> None:
    def change(data: dict[str, Any]) -> None:
        loan = data["证件"][0]["领用记录"][0]
        if returned is None:
            del loan["交回日期"]
        else:
            loan["交回日期"] = returned

    scene.edit(CUSTODY, change)


def test_x302_checked_out_document_not_returned(scene: Scene) -> None:
    _qian_loan(scene, None)
    hits = found(scene.run(), "X302", person="0002")
    assert [a.finding.key for a in hits] == ["X302-0002-20190124"]
    # police entry 01-30 + 7 days is 02-06, in the Spring Festival holiday: the period ends on 02-11
    assert "2019年2月11日前（回国（境）后 7 天内，第 7 天不是工作日，顺延）交回" in hits[0].finding.message


def test_x302_returned_late_and_not_when_returned_in_time(scene: Scene) -> None:
    _qian_loan(scene, dt.date(2019, 2, 12))
    assert len(found(scene.run(), "X302", person="0002")) == 1
    _qian_loan(scene, dt.date(2019, 2, 11))
    assert found(scene.run(), "X302", person="0002") == []


def test_x303_private_out_official_back(scene: Scene) -> None:
    scene.crossings[3] = crossing(QIAN, "2019-01-30", "入境", "香港", "P12345678", "深圳罗湖")
    hits = found(scene.run(), "X303", person="0002")
    assert [a.finding.key for a in hits] == ["X303-0002-20190126"]
    assert "P******78" in hits[0].finding.message


def test_x303_not_for_two_private_documents(scene: Scene) -> None:
    # Out to Hong Kong on the pass, back from Japan on her own passport: both private.
    scene.holdings.append(holding(QIAN, "普通护照", "E55555504", "2018-01-01", "2028-01-01"))
    scene.crossings[3] = crossing(QIAN, "2019-01-30", "入境", "香港", "E55555504")
    assert found(scene.run(), "X303") == []


# --- 应审尽审 ----------------------------------------------------------------------------------


def test_x401_trip_without_approval(scene: Scene) -> None:
    scene.crossings += [
        crossing(QIAN, "2019-03-01", "出境", "日本", "CA1234567"),
        crossing(QIAN, "2019-03-05", "入境", "日本", "CA1234567"),
    ]
    outcome = scene.run()
    assert [a.finding.key for a in found(outcome, "X401")] == ["X401-0002-20190301"]
    assert "没有覆盖这段时间的审批" in found(outcome, "X401")[0].finding.message


def test_x401_refused_approval_does_not_cover(scene: Scene) -> None:
    scene.edit(APPROVALS, lambda d: _qian_approval(d).update(审批结果="不同意"))
    hits = found(scene.run(), "X401", person="0002")
    assert len(hits) == 1 and "不同意" in hits[0].finding.message


def test_x401_not_before_registration(scene: Scene) -> None:
    # 钱芳 was registered on 2017-08-01; a 2016 trip needed no approval (it must still be reported).
    scene.crossings += [
        crossing(QIAN, "2016-05-01", "出境", "香港", "CA1234567"),
        crossing(QIAN, "2016-05-03", "入境", "香港", "CA1234567"),
    ]
    outcome = scene.run()
    assert found(outcome, "X401") == []
    assert [a.finding.key for a in found(outcome, "X502")] == ["X502-0002-20160501"]


def test_x402_early_exit_beyond_tolerance(scene: Scene) -> None:
    scene.crossings[2] = crossing(QIAN, "2019-01-24", "出境", "香港", "CA1234567", "深圳罗湖")
    hits = found(scene.run(), "X402", person="0002")
    assert [a.finding.key for a in hits] == ["X402-0002-20190124"]
    assert "提前 2 天出境" in hits[0].finding.message


def test_x402_not_within_the_configured_tolerance(scene: Scene) -> None:
    scene.crossings[2] = crossing(QIAN, "2019-01-24", "出境", "香港", "CA1234567", "深圳罗湖")
    scene.settings["出境提前容许天数"] = 2
    assert found(scene.run(), "X402") == []


def test_x402_other_destination_and_stay_limit(scene: Scene) -> None:
    scene.crossings[3] = crossing(QIAN, "2019-01-30", "入境", "澳门", "CA1234567", "珠海拱北")
    scene.settings["港澳停留天数上限"] = 4
    message = found(scene.run(), "X402", person="0002")[0].finding.message
    assert "审批以外的国家（地区）：澳门" in message
    assert "在外停留 5 天，超过上限 4 天" in message


def test_x402_spellings_of_a_place_are_the_same_place(scene: Scene) -> None:
    scene.crossings[2] = crossing(QIAN, "2019-01-26", "出境", "中国香港", "CA1234567", "深圳罗湖")
    assert found(scene.run(), "X402") == []


def test_x403_no_prior_opinion(scene: Scene) -> None:
    scene.edit(APPROVALS, lambda d: _qian_approval(d).pop("纪检监察意见"))
    hits = found(scene.run(), "X403")
    assert [a.finding.key for a in hits] == ["X403-0002-SP2019-003"]
    assert "没有事先征求纪检监察部门意见" in hits[0].finding.message


def test_x403_approved_after_departure_and_strict_review_missing(scene: Scene) -> None:
    def change(data: dict[str, Any]) -> None:
        approval = _qian_approval(data)
        approval["审批日期"] = dt.date(2019, 1, 27)
        approval.pop("从严审查")

    scene.edit(APPROVALS, change)
    message = found(scene.run(), "X403")[0].finding.message
    assert "审批日期（2019-01-27）晚于出境日期（2019-01-26）" in message
    assert "审批未写明从严审查措施" in message


def test_x403_not_for_a_proper_approval_and_trip_over_new_year(scene: Scene) -> None:
    # A trip from 2018-12-29 to 2019-01-02, approved and reported; the year limit counts it in 2018.
    _add_approval(scene, "SP2018-020", "2018-12-29", "2019-01-02", ["香港"])
    _add_reported_trip(scene, "2018-12-29", "2019-01-02", ["香港"], "SP2018-020")
    scene.crossings += [
        crossing(QIAN, "2018-12-29", "出境", "香港", "CA1234567", "深圳罗湖"),
        crossing(QIAN, "2019-01-02", "入境", "香港", "CA1234567", "深圳罗湖"),
    ]
    scene.settings["每年出国境次数上限"] = 1
    outcome = scene.run()
    assert codes(outcome, unit="srmyy") == []
    scene.settings["每年出国境次数上限"] = 1
    _add_approval(scene, "SP2019-009", "2019-05-01", "2019-05-03", ["香港"])
    assert [a.finding.key for a in found(scene.run(), "X403")] == ["X403-0002-SP2019-009"]


# --- 应查尽查 ----------------------------------------------------------------------------------


def test_x501_document_held_but_not_reported(scene: Scene) -> None:
    scene.holdings.append(holding(QIAN, "普通护照", "E55555505", "2018-03-01", "2028-02-28"))
    hits = found(scene.run(), "X501")
    assert [a.finding.key for a in hits] == ["X501-0002-E05-20180301"]
    assert "E******05" in hits[0].finding.message


def test_x501_zero_report_with_a_document(scene: Scene) -> None:
    sun = ("孙伟", "男", "1985-07-07", "330602198507070014")

    def register(data: dict[str, Any]) -> None:
        data["人员"].append(
            {
                "编号": "0003",
                "姓名": "孙伟",
                "性别": "男",
                "出生日期": dt.date(1985, 7, 7),
                "公民身份号码": sun[3],
                "现任职务": "心内科医师",
                "登记备案类别": "其他人员",
                "变动记录": [
                    {
                        "日期": dt.date(2018, 1, 2),
                        "变动类型": "新增",
                        "报送公安日期": dt.date(2018, 1, 10),
                        "公安入库日期": dt.date(2018, 1, 11),
                    }
                ],
            }
        )

    scene.edit(ROSTER, register)
    scene.holdings.append(holding(sun, "普通护照", "E55555506", "2018-03-01", "2028-02-28"))
    hits = found(scene.run(), "X501", person="0003")
    assert len(hits) == 1 and "零报告" in hits[0].finding.message


def test_x501_not_for_a_renewed_passport_whose_old_one_expired_before_the_cutoff(scene: Scene) -> None:
    scene.holdings.insert(0, holding(ZHAO, "普通护照", "G12345678", "2007-04-02", "2017-04-01", "已失效"))
    outcome = scene.run()
    assert found(outcome, "X501") == [] and found(outcome, "X301", unit="srmyy") == []


def test_x502_trip_not_reported(scene: Scene) -> None:
    _add_approval(scene, "SP2019-010", "2019-03-01", "2019-03-05", ["日本"])
    scene.crossings += [
        crossing(QIAN, "2019-03-01", "出境", "日本", "CA1234567"),
        crossing(QIAN, "2019-03-05", "入境", "日本", "CA1234567"),
    ]
    outcome = scene.run()
    assert codes(outcome, unit="srmyy") == ["X502"]
    assert found(outcome, "X502")[0].finding.key == "X502-0002-20190301"


def test_x502_x504_not_for_an_exit_on_the_last_day_of_the_data(scene: Scene) -> None:
    # The data date is the manifest's 提取日期 (campaign.yaml need not repeat it): she is abroad.
    del scene.settings["公安数据日期"]
    _add_approval(scene, "SP2019-011", "2019-06-30", "2019-07-04", ["香港"])
    scene.crossings.append(crossing(QIAN, "2019-06-30", "出境", "香港", "CA1234567", "深圳罗湖"))
    outcome = scene.run()
    assert outcome.as_of == dt.date(2019, 6, 30)
    assert codes(outcome, unit="srmyy") == []


def test_x502_x504_not_for_a_day_trip_listed_entry_first(scene: Scene) -> None:
    _add_approval(scene, "SP2019-012", "2019-03-09", "2019-03-09", ["香港"])
    _add_reported_trip(scene, "2019-03-09", "2019-03-09", ["香港"], "SP2019-012")
    scene.crossings += [
        crossing(QIAN, "2019-03-09", "入境", "香港", "CA1234567", "深圳罗湖"),
        crossing(QIAN, "2019-03-09", "出境", "香港", "CA1234567", "深圳罗湖"),
    ]
    outcome = scene.run()
    assert codes(outcome, unit="srmyy") == []
    assert outcome.trips == 4


def test_x503_registered_person_without_report(scene: Scene) -> None:
    (scene.root / QIAN_REPORT).unlink()
    assert [a.finding.key for a in found(scene.run(), "X503", unit="srmyy")] == ["X503-0002"]


def test_x503_not_before_the_deadline_nor_for_exempt_or_retired(scene: Scene) -> None:
    (scene.root / QIAN_REPORT).unlink()
    scene.settings["公安数据日期"] = "2019-06-10"
    assert found(scene.run(), "X503") == []
    scene.settings["公安数据日期"] = "2019-06-30"
    scene.edit(ROSTER, lambda d: d["人员"][1].update(登记备案类别="退休满1年的市管干部"))
    assert found(scene.run(), "X503", unit="srmyy") == []
    assert found(scene.run(), "X503", unit="szyy", person="A01") == []  # 市管领导干部无需填报


def test_x504_entry_without_exit(scene: Scene) -> None:
    scene.crossings.append(crossing(CHEN, "2019-04-02", "入境", "泰国", "L12345678"))
    hits = found(scene.run(), "X504")
    assert [a.finding.key for a in hits] == ["X504-01-20190402-入境"]
    assert "缺少出境记录" in hits[0].finding.message


def test_x504_exit_while_abroad(scene: Scene) -> None:
    scene.crossings.insert(5, crossing(CHEN, "2018-10-03", "出境", "日本", "L12345678"))
    keys = [a.finding.key for a in found(scene.run(), "X504")]
    assert keys == ["X504-01-20181001-出境"]


def _qian_trip_dates(scene: Scene, start: str, end: str) -> None:
    def change(data: dict[str, Any]) -> None:
        data["出国境情况"][0].update(
            出境日期=dt.date.fromisoformat(start), 入境日期=dt.date.fromisoformat(end)
        )

    scene.edit(QIAN_REPORT, change)


def test_x505_reported_dates_changed_from_the_police_record(scene: Scene) -> None:
    assert found(scene.run(), "X505") == []  # the mini campaign's dates are the police record's
    _qian_trip_dates(scene, "2019-01-27", "2019-01-29")  # police: out 01-26, back 01-30
    hits = found(scene.run(), "X505", person="0002")
    assert [a.finding.key for a in hits] == ["X505-0002-20190126"]
    assert "报告表写 2019-01-27 至 2019-01-29" in hits[0].finding.message
    assert "出境日期晚 1 天，入境日期早 1 天" in hits[0].finding.message
    assert hits[0].finding.info.case_kind == "瞒报出国境情况"
    assert found(scene.run(), "X502", person="0002") == []  # the trip is reported, only its dates are wrong


def test_x505_one_date_off_and_a_trip_moved_away_is_x502(scene: Scene) -> None:
    _qian_trip_dates(scene, "2019-01-26", "2019-02-02")
    hits = found(scene.run(), "X505", person="0002")
    assert len(hits) == 1 and "入境日期晚 3 天" in hits[0].finding.message
    assert "出境日期" not in hits[0].finding.message.split("：")[-1]
    _qian_trip_dates(scene, "2019-03-01", "2019-03-05")  # no longer overlaps the police record
    outcome = scene.run()
    assert found(outcome, "X505", person="0002") == []
    assert len(found(outcome, "X502", person="0002")) == 1


# --- 应处尽处 ----------------------------------------------------------------------------------


def _case(handlings: list[dict[str, Any]], found_on: dt.date = dt.date(2019, 6, 20)) -> dict[str, Any]:
    return {
        "问题编号": "WG2019-01",
        "编号": "0002",
        "问题类型": ["瞒报出国境情况"],
        "问题描述": "瞒报一次出境。",
        "发现日期": found_on,
        "发现途径": "公安比对",
        "处理": handlings,
    }


def test_x601_case_not_handled_after_the_self_check_deadline(scene: Scene) -> None:
    scene.edit(CASES, lambda d: d.update(问题=[_case([])]))
    scene.settings["公安数据日期"] = "2019-07-10"
    assert [a.finding.key for a in found(scene.run(), "X601")] == ["X601-WG2019-01"]


def test_x601_not_when_handled_or_found_later(scene: Scene) -> None:
    scene.settings["公安数据日期"] = "2019-07-10"
    handled = [{"处理方式": "批评教育", "决定日期": dt.date(2019, 6, 28), "决定机关": "院党委"}]
    scene.edit(CASES, lambda d: d.update(问题=[_case(handled)]))
    assert found(scene.run(), "X601") == []
    scene.edit(CASES, lambda d: d.update(问题=[_case([], dt.date(2019, 7, 5))]))
    assert found(scene.run(), "X601") == []
