"""Validated declarations (plain dicts) → typed records.  Runs only on schema-valid data."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from privtravel.diagnostics import JsonPath
from privtravel.model import (
    Accountable,
    Approval,
    AspectVerdict,
    Campaign,
    Case,
    CrosscheckSettings,
    CustodyItem,
    Handling,
    HeldDocument,
    Inspection,
    InspectionProblem,
    Inspector,
    Loan,
    Opinion,
    Rectification,
    Removal,
    Report,
    Response,
    RosterChange,
    RosterPerson,
    Rule,
    Src,
    StatsOptions,
    StrictReview,
    TableSigners,
    Trip,
    UnitConfig,
    UnitProfile,
)

DEFAULT_MAX_FILE_KB = 1024

# The line of every list item of the file being built, so that each record's Src knows its line
# (provenance and messages need it, and re-reading files later would cost minutes at scale).
_positions: ContextVar[dict[JsonPath, int]] = ContextVar("positions", default={})  # noqa: B039


@contextmanager
def positions(found: dict[JsonPath, int]) -> Iterator[None]:
    token = _positions.set(found)
    try:
        yield
    finally:
        _positions.reset(token)


def _at(src: Src, *more: str | int) -> Src:
    where = (*src.where, *more)
    return Src(src.path, where, _positions.get().get(where, src.line))


_d = functools.cache(dt.date.fromisoformat)  # one object per day, not one per date written


def _od(value: Any) -> dt.date | None:
    return None if value is None else _d(value)


def campaign(data: dict[str, Any], src: Src) -> Campaign:
    since, due = data["起算日期"], data["时间节点"]
    units = tuple(
        UnitConfig(
            code=u["代码"],
            name=u["名称"],
            region=u["地区"],
            owners=tuple(u.get("填报人员", ())),
            src=_at(src, "单位", i),
            category=u.get("类别", ""),
        )
        for i, u in enumerate(data["单位"])
    )
    return Campaign(
        name=data["专项整治名称"],
        year=data["年度"],
        issuer=data.get("发文机关", ""),
        trips_since=_d(since["出国境起算日期"]),
        documents_expired_since=_d(since["证件失效起算日期"]),
        report_deadline=_d(due["报告截止日期"]),
        self_check_deadline=_d(due["自查自纠截止日期"]),
        tables_deadline=_d(due["统计表报送截止日期"]),
        inspection_deadline=_d(due["集中检查截止日期"]),
        monthly_report_day=due["每月报送日"],
        return_days=data["证件交回天数"],
        max_file_kb=data.get("文件大小上限KB", DEFAULT_MAX_FILE_KB),
        regions=tuple(r["名称"] for r in data["地区"]),
        units=units,
        reviewers=tuple(data.get("审核人员", ())),
        maintainers=tuple(data.get("维护人员", ())),
        src=src,
        demo=data.get("示例数据", False),
        stats=stats_options(data.get("统计口径", {})),
        crosscheck=crosscheck_settings(data.get("比对核查", {})),
        signers=TableSigners(**{k: data.get("统计表填表", {}).get(n, "") for k, n in _SIGNERS}),
    )


_SIGNERS = (("filler", "填表人"), ("phone", "联系电话"), ("reviewer", "审核人"))


def stats_options(data: dict[str, Any]) -> StatsOptions:
    defaults = StatsOptions()
    return StatsOptions(
        since=_od(data.get("组织开展起算日期")),
        as_of=_od(data.get("统计截止日期")),
        cases_counted_by=data.get("违规问题计数", defaults.cases_counted_by),
        registered_by=data.get("实备以", defaults.registered_by),
        accountable_handled=data.get("处理人数含责任追究", defaults.accountable_handled),
    )


def crosscheck_settings(data: dict[str, Any]) -> CrosscheckSettings:
    defaults = CrosscheckSettings()
    return CrosscheckSettings(
        data_date=_od(data.get("公安数据日期")),
        exit_early_days=data.get("出境提前容许天数", defaults.exit_early_days),
        entry_late_days=data.get("入境推迟容许天数", defaults.entry_late_days),
        stay_limit_days=data.get("在外停留天数上限"),
        hk_macao_stay_limit_days=data.get("港澳停留天数上限"),
        trips_per_year=data.get("每年出国境次数上限"),
    )


def unit_profile(data: dict[str, Any], src: Src) -> UnitProfile:
    custody = data["证件保管"]
    return UnitProfile(
        code=data["单位代码"],
        name=data["单位名称"],
        staff_total=data["国家工作人员总数"],
        rules=tuple(
            Rule(
                r["制度名称"],
                r.get("文号"),
                _d(r["出台时间"]),
                _od(r.get("最近修订时间")),
                _at(src, "管理制度", i),
            )
            for i, r in enumerate(data["管理制度"])
        ),
        custody_office=custody["保管机构"],
        custody_keepers=tuple(custody["专人"]),
        custody_cabinet=custody["专柜"],
        custody_register=custody.get("造册登记"),
        filler=data["填表人"],
        phone=data["联系电话"],
        reviewer=data["审核人"],
        src=src,
    )


def roster(data: dict[str, Any], src: Src) -> list[RosterPerson]:
    people = []
    for i, p in enumerate(data["人员"]):
        at = _at(src, "人员", i)
        people.append(
            RosterPerson(
                id=p["编号"],
                name=p["姓名"],
                sex=p["性别"],
                birth=_d(p["出生日期"]),
                id_number=p["公民身份号码"],
                post=p["现任职务"],
                supervisor=p.get("人事主管部门"),
                category=p["登记备案类别"],
                commission_cadre=p.get("委管干部", False),
                strict_review=tuple(p.get("从严审查情形", ())),
                changes=tuple(
                    RosterChange(
                        _d(c["日期"]),
                        c["变动类型"],
                        _od(c.get("报送公安日期")),
                        _od(c.get("公安入库日期")),
                        c.get("说明"),
                        _at(at, "变动记录", j),
                    )
                    for j, c in enumerate(p["变动记录"])
                ),
                src=at,
            )
        )
    return people


def report(data: dict[str, Any], src: Src) -> Report:
    return Report(
        unit=data["单位代码"],
        id=data["编号"],
        name=data["姓名"],
        post=data["单位及职务"],
        kind=data["报告类型"],
        documents=tuple(
            HeldDocument(
                d["证件类别"],
                d["证件号码"],
                _d(d["签发日期"]),
                _d(d["有效期至"]),
                d["保管机构"],
                d.get("备注"),
                _at(src, "持有证件", i),
            )
            for i, d in enumerate(data.get("持有证件", ()))
        ),
        trips=tuple(
            Trip(
                _d(t["出境日期"]),
                _d(t["入境日期"]),
                tuple(t["所到国家（地区）"]),
                t["事由"],
                t["审批机构"],
                t.get("审批编号"),
                t.get("备注"),
                _at(src, "出国境情况", i),
            )
            for i, t in enumerate(data.get("出国境情况", ()))
        ),
        other=data.get("其他需要说明情况"),
        signed=_od(data.get("签名日期")),
        paper_kept_by=data.get("纸质报告表保管"),
        exemption_note=data.get("免报说明"),
        src=src,
    )


def custody(data: dict[str, Any], src: Src) -> list[CustodyItem]:
    items = []
    for i, c in enumerate(data["证件"]):
        at = _at(src, "证件", i)
        removal = c.get("移出保管")
        items.append(
            CustodyItem(
                person_id=c["编号"],
                type=c["证件类别"],
                number=c["证件号码"],
                deposited=_d(c["交存日期"]),
                location=c.get("保管位置"),
                loans=tuple(
                    Loan(
                        _d(loan["领用日期"]),
                        loan["审批编号"],
                        _od(loan.get("交回日期")),
                        loan.get("经办人"),
                        _at(at, "领用记录", j),
                    )
                    for j, loan in enumerate(c.get("领用记录", ()))
                ),
                removal=None
                if removal is None
                else Removal(_d(removal["日期"]), removal["原因"], removal.get("说明")),
                src=at,
            )
        )
    return items


def approvals(data: dict[str, Any], src: Src) -> list[Approval]:
    out = []
    for i, a in enumerate(data["审批"]):
        opinion = a.get("纪检监察意见")
        strict = a.get("从严审查")
        out.append(
            Approval(
                id=a["审批编号"],
                person_id=a["编号"],
                applied=_d(a["申请日期"]),
                reason=a["事由"],
                places=tuple(a["前往国家（地区）"]),
                planned_exit=_d(a["计划出境日期"]),
                planned_entry=_d(a["计划入境日期"]),
                nth_this_year=a.get("本年度第几次"),
                opinion=None
                if opinion is None
                else Opinion(opinion["意见"], _d(opinion["日期"]), opinion.get("出具部门")),
                strict=None if strict is None else StrictReview(tuple(strict["情形"]), strict["审查措施"]),
                result=a["审批结果"],
                body=a.get("审批机构"),
                approver=a.get("审批人"),
                approved_on=_od(a.get("审批日期")),
                note=a.get("备注"),
                src=_at(src, "审批", i),
            )
        )
    return out


def cases(data: dict[str, Any], src: Src) -> list[Case]:
    out = []
    for i, c in enumerate(data["问题"]):
        at = _at(src, "问题", i)
        out.append(
            Case(
                id=c["问题编号"],
                person_id=c["编号"],
                kinds=tuple(c["问题类型"]),
                description=c["问题描述"],
                found_on=_d(c["发现日期"]),
                found_by=c["发现途径"],
                handlings=tuple(
                    Handling(
                        h["处理方式"], _d(h["决定日期"]), h["决定机关"], h.get("文号"), _at(at, "处理", j)
                    )
                    for j, h in enumerate(c.get("处理", ()))
                ),
                accountable=tuple(
                    Accountable(
                        r.get("编号"),
                        r["姓名"],
                        r["职务"],
                        r["责任"],
                        r["处理方式"],
                        _d(r["决定日期"]),
                        _at(at, "责任追究", j),
                    )
                    for j, r in enumerate(c.get("责任追究", ()))
                ),
                src=at,
            )
        )
    return out


def responses(data: dict[str, Any], src: Src) -> list[Response]:
    return [
        Response(
            key=r["核查项"],
            verdict=r["核查结论"],
            reason=r.get("理由"),
            case_id=r.get("问题编号"),
            date=_od(r.get("说明日期")),
            src=_at(src, "说明", i),
        )
        for i, r in enumerate(data["说明"])
    ]


def inspection(data: dict[str, Any], src: Src) -> Inspection:
    return Inspection(
        unit=data["单位代码"],
        date=_d(data["检查日期"]),
        inspectors=tuple(Inspector(m["姓名"], m["单位"], m.get("职务")) for m in data["检查组"]),
        aspects=tuple(
            AspectVerdict(aspect, v["结论"], v.get("说明"), _at(src, "检查情况", aspect))
            for aspect, v in data["检查情况"].items()
        ),
        problems=tuple(
            InspectionProblem(
                id=p["问题编号"],
                aspect=p["方面"],
                description=p["问题描述"],
                evidence=tuple(p["证据"]),
                serious=p["严重"],
                circulated=p["通报"],
                deadline=_od(p.get("整改期限")),
                person_ids=tuple(p.get("涉及人员", ())),
                src=_at(src, "问题", i),
            )
            for i, p in enumerate(data["问题"])
        ),
        src=src,
    )


def rectifications(data: dict[str, Any], src: Src) -> list[Rectification]:
    return [
        Rectification(
            id=r["整改编号"],
            problem_id=r["问题编号"],
            measure=r["整改措施"],
            owner_name=r["责任人"]["姓名"],
            owner_post=r["责任人"]["职务"],
            due=_d(r["完成时限"]),
            status=r["整改状态"],
            outcome=r.get("完成情况"),
            proof=tuple(r.get("完成证明", ())),
            closed=_od(r.get("完成日期")),
            src=_at(src, "整改", i),
        )
        for i, r in enumerate(data["整改"])
    ]
