"""Write a generated campaign as the project's declarations and the police's CSV files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import defaultdict
from pathlib import Path

from privtravel.demo.emit import Doc as Yaml
from privtravel.demo.options import (
    DOCS_EXPIRED_SINCE,
    POLICE_DATA_DATE,
    REPORT_DEADLINE,
    RETURN_DAYS,
    TRIPS_SINCE,
    YEAR,
)
from privtravel.demo.world import (
    COMMISSION,
    COMMISSION_OFFICE,
    CUSTODY,
    SELF,
    Approval,
    Doc,
    Person,
    Trip,
    Unit,
)
from privtravel.load.layout import CAMPAIGN_FILE, POLICE_DIR, REPORTS_DIR, SUBMISSIONS, Kind, schema_comment

HOLDINGS_FILE = "持证信息.csv"
CROSSINGS_FILE = "出入境记录.csv"


def finalize(units: list[Unit]) -> dict[int, Person]:
    """Number each unit's approvals by date, count each person's approvals per year; id(approval) → person."""
    owner: dict[int, Person] = {}
    for unit in units:
        approvals: list[tuple[Approval, Person]] = []
        for person in unit.people:
            for trip in person.trips:
                if trip.approval is not None:
                    approvals.append((trip.approval, person))
                    owner[id(trip.approval)] = person
        approvals.sort(key=lambda ap: (ap[0].applied, ap[1].id, ap[0].planned_exit))
        per_year: dict[int, int] = defaultdict(int)
        for approval, _ in approvals:
            per_year[approval.applied.year] += 1
            approval.id = f"SP{approval.applied.year}-{per_year[approval.applied.year]:03d}"
        nth: dict[tuple[str, int], int] = defaultdict(int)
        for approval, person in sorted(approvals, key=lambda ap: (ap[1].id, ap[0].planned_exit)):
            nth[(person.id, approval.planned_exit.year)] += 1
            approval.nth = nth[(person.id, approval.planned_exit.year)]
    return owner


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))


# --- campaign.yaml ---------------------------------------------------------------------------------


def campaign_text(units: list[Unit]) -> str:
    y = Yaml(schema_comment(CAMPAIGN_FILE, Kind.CAMPAIGN))
    y.raw(0, "# 示例数据：本仓库中的单位、人员、证件、行程和公安数据全部由 privtravel demo 生成，纯属虚构。")
    y.raw(
        0,
        "# 正式使用时请用真实的单位名单替换本文件的「单位」和「地区」，并删除 submissions/ 和 police/ 下的示例文件。",
    )
    y.put(0, "专项整治名称", "市直卫生健康系统干部因私出国（境）违规问题专项整治（示例数据）")
    y.put(0, "年度", YEAR)
    y.put(0, "发文机关", "中共绍兴市卫生健康委员会委员会")
    y.put(0, "示例数据", True)
    y.raw(0, "起算日期:")
    y.put(2, "出国境起算日期", TRIPS_SINCE)
    y.put(2, "证件失效起算日期", DOCS_EXPIRED_SINCE)
    y.raw(0, "时间节点:")
    y.put(2, "报告截止日期", REPORT_DEADLINE)
    y.put(2, "自查自纠截止日期", dt.date(YEAR, 6, 30))
    y.put(2, "统计表报送截止日期", dt.date(YEAR, 7, 5))
    y.put(2, "集中检查截止日期", dt.date(YEAR, 7, 31))
    y.put(2, "每月报送日", 25)
    y.put(0, "证件交回天数", RETURN_DAYS)
    y.put(0, "文件大小上限KB", 1024)
    y.raw(0, "地区:")
    regions: list[str] = []
    for unit in units:
        if unit.region not in regions:
            regions.append(unit.region)
    for region in regions:
        y.put(4, "名称", region, dash=True)
    y.raw(0, "单位:")
    for unit in units:
        y.put(4, "代码", unit.code, dash=True)
        y.put(4, "名称", unit.name)
        y.put(4, "地区", unit.region)
        y.items(4, "填报人员", [f"@{unit.code}-hr"])
    y.items(0, "审核人员", ["@wzzc-reviewers"])
    y.items(0, "维护人员", ["@privtravel-maintainers"])
    return y.text()


# --- one unit ---------------------------------------------------------------------------------------


def unit_files(unit: Unit, owner: dict[int, Person]) -> dict[str, str]:
    base = f"{SUBMISSIONS}/{unit.code}"
    files = {
        f"{base}/单位.yaml": _profile(unit, f"{base}/单位.yaml"),
        f"{base}/登记备案.yaml": _roster(unit, f"{base}/登记备案.yaml"),
        f"{base}/证件保管.yaml": _custody(unit, f"{base}/证件保管.yaml"),
        f"{base}/审批.yaml": _approvals(unit, owner, f"{base}/审批.yaml"),
        f"{base}/违规问题.yaml": _cases(unit, f"{base}/违规问题.yaml"),
    }
    for person in unit.people:
        if person.report_missing or person.category == "退休满1年的市管干部" or person.revoked:
            continue
        rel = f"{base}/{REPORTS_DIR}/{person.id}-{person.name}.yaml"
        files[rel] = _report(unit, person, rel)
    return files


def reporters(unit: Unit) -> int:
    return sum(
        1 for p in unit.people if not (p.report_missing or p.category == "退休满1年的市管干部" or p.revoked)
    )


def _profile(unit: Unit, rel: str) -> str:
    y = Yaml(schema_comment(rel, Kind.UNIT))
    y.put(0, "单位代码", unit.code)
    y.put(0, "单位名称", unit.name)
    y.put(0, "国家工作人员总数", reporters(unit) + unit.extra_staff * 7)
    if not unit.rules:
        y.raw(0, "管理制度: []")
    else:
        y.raw(0, "管理制度:")
        for name, number, issued, revised in unit.rules:
            y.put(4, "制度名称", name, dash=True)
            y.put(4, "文号", number)
            y.put(4, "出台时间", issued)
            y.put(4, "最近修订时间", revised)
    y.raw(0, "证件保管:")
    y.put(2, "保管机构", unit.custody_office)
    y.items(2, "专人", [unit.keeper])
    y.put(2, "专柜", unit.cabinet)
    y.put(2, "造册登记", True)
    y.put(0, "填表人", unit.filler)
    y.put(0, "联系电话", unit.phone)
    y.put(0, "审核人", unit.reviewer)
    return y.text()


def _roster(unit: Unit, rel: str) -> str:
    y = Yaml(schema_comment(rel, Kind.ROSTER))
    y.put(0, "单位代码", unit.code)
    people = [p for p in unit.people if p.in_roster]
    y.raw(0, "人员:" if people else "人员: []")
    for p in people:
        y.put(4, "编号", p.id, dash=True)
        y.put(4, "姓名", p.name)
        y.put(4, "性别", p.sex)
        y.put(4, "出生日期", p.birth)
        y.put(4, "公民身份号码", p.id_number)
        y.put(4, "现任职务", p.post)
        y.put(4, "登记备案类别", p.category)
        if p.commission:
            y.put(4, "委管干部", True)
        if p.grounds:
            y.items(4, "从严审查情形", p.grounds)
        y.raw(4, "变动记录:")
        for c in p.changes:
            y.put(8, "日期", c.date, dash=True)
            y.put(8, "变动类型", c.kind)
            y.put(8, "报送公安日期", c.reported)
            y.put(8, "公安入库日期", c.entered)
            y.put(8, "说明", c.note)
    return y.text()


def _custody(unit: Unit, rel: str) -> str:
    y = Yaml(schema_comment(rel, Kind.CUSTODY))
    y.put(0, "单位代码", unit.code)
    items = [(p, d) for p in unit.people for d in p.docs if d.keeper == CUSTODY and d.deposited is not None]
    items.sort(key=lambda pd: (pd[0].id, pd[1].deposited or pd[1].issued, pd[1].number))
    y.raw(0, "证件:" if items else "证件: []")
    for slot, (p, d) in enumerate(items, start=1):
        y.put(4, "编号", p.id, dash=True)
        y.put(4, "证件类别", d.type)
        y.put(4, "证件号码", d.number)
        y.put(4, "交存日期", d.deposited)
        y.put(4, "保管位置", f"专柜 {chr(ord('A') + (slot - 1) // 100 % 26)}-{(slot - 1) % 100 + 1:02d}")
        if d.loans:
            y.raw(4, "领用记录:")
            for loan in d.loans:
                y.put(8, "领用日期", loan.date, dash=True)
                y.put(8, "审批编号", loan.approval.id)
                y.put(8, "交回日期", loan.returned)
                y.put(8, "经办人", loan.handler)
        if d.removal is not None:
            y.raw(4, "移出保管:")
            y.put(6, "日期", d.removal[0])
            y.put(6, "原因", d.removal[1])
            y.put(6, "说明", d.removal[2])
    return y.text()


STRICT_MEASURES = "党组织会议集体研究，主要负责人谈话提醒"


def _approvals(unit: Unit, owner: dict[int, Person], rel: str) -> str:
    y = Yaml(schema_comment(rel, Kind.APPROVALS))
    y.put(0, "单位代码", unit.code)
    approvals = sorted(
        (t.approval for p in unit.people for t in p.trips if t.approval is not None), key=lambda a: a.id
    )
    y.raw(0, "审批:" if approvals else "审批: []")
    for a in approvals:
        person = owner[id(a)]
        y.put(4, "审批编号", a.id, dash=True)
        y.put(4, "编号", person.id)
        y.put(4, "申请日期", a.applied)
        y.put(4, "事由", a.reason)
        y.items(4, "前往国家（地区）", a.places)
        y.put(4, "计划出境日期", a.planned_exit)
        y.put(4, "计划入境日期", a.planned_entry)
        y.put(4, "本年度第几次", a.nth)
        if a.opinion is not None:
            y.raw(4, "纪检监察意见:")
            y.put(6, "意见", a.opinion[0])
            y.put(6, "日期", a.opinion[1])
            y.put(6, "出具部门", a.opinion[2])
        if person.grounds and not a.strict_omitted:
            y.raw(4, "从严审查:")
            y.items(6, "情形", person.grounds)
            y.put(6, "审查措施", STRICT_MEASURES)
        y.put(4, "审批结果", "同意")
        y.put(4, "审批机构", a.body)
        y.put(4, "审批人", a.approver)
        y.put(4, "审批日期", a.approved_on)
    return y.text()


def _cases(unit: Unit, rel: str) -> str:
    y = Yaml(schema_comment(rel, Kind.CASES))
    y.put(0, "单位代码", unit.code)
    y.raw(0, "问题:" if unit.cases else "问题: []")
    for c in unit.cases:
        y.put(4, "问题编号", c.id, dash=True)
        y.put(4, "编号", c.person.id)
        y.items(4, "问题类型", c.kinds)
        y.put(4, "问题描述", c.description)
        y.put(4, "发现日期", c.found_on)
        y.put(4, "发现途径", c.found_by)
        y.raw(4, "处理:")
        for method, day, body, number in c.handlings:
            y.put(8, "处理方式", method, dash=True)
            y.put(8, "决定日期", day)
            y.put(8, "决定机关", body)
            y.put(8, "文号", number)
        if c.accountable:
            y.raw(4, "责任追究:")
            for pid, name, post, duty, method, day in c.accountable:
                y.put(8, "编号", pid, dash=True)
                y.put(8, "姓名", name)
                y.put(8, "职务", post)
                y.put(8, "责任", duty)
                y.put(8, "处理方式", method)
                y.put(8, "决定日期", day)
    return y.text()


def reported_docs(p: Person) -> list[Doc]:
    return sorted(
        (
            d
            for d in p.docs
            if d.in_report
            and d.issued <= p.signed
            and (d.expires >= p.signed or d.expires >= DOCS_EXPIRED_SINCE)
        ),
        key=lambda d: (d.issued, d.number),
    )


def reported_trips(p: Person) -> list[Trip]:
    return [t for t in p.trips if t.in_report and t.entry is not None and t.entry <= p.signed]


def _report(unit: Unit, p: Person, rel: str) -> str:
    y = Yaml(schema_comment(rel, Kind.REPORT))
    y.put(0, "单位代码", unit.code)
    y.put(0, "编号", p.id)
    y.put(0, "姓名", p.name)
    y.put(0, "单位及职务", f"{unit.name} {p.post}")
    if p.exempt:
        y.put(0, "报告类型", "市管领导干部无需填报")
        y.put(0, "免报说明", f"已填报{YEAR}年度领导干部个人有关事项报告。")
        return y.text()
    docs, trips = reported_docs(p), reported_trips(p)
    y.put(0, "报告类型", "填报" if docs or trips else "零报告")
    if docs:
        y.raw(0, "持有证件:")
        for d in docs:
            kept = {CUSTODY: unit.custody_office, COMMISSION: COMMISSION_OFFICE, SELF: "本人"}[d.keeper]
            if d.removal is not None and d.removal[0] <= p.signed:
                kept = "本人"  # removed from custody (expired, renewed): back with the holder
            y.put(4, "证件类别", d.type, dash=True)
            y.put(4, "证件号码", d.number)
            y.put(4, "签发日期", d.issued)
            y.put(4, "有效期至", d.expires)
            y.put(4, "保管机构", kept)
            y.put(4, "备注", d.note)
    if trips:
        y.raw(0, "出国境情况:")
        for t in trips:
            y.put(4, "出境日期", t.exit, dash=True)
            y.put(4, "入境日期", t.entry)
            y.items(4, "所到国家（地区）", t.places)
            y.put(4, "事由", t.reason)
            y.put(4, "审批机构", t.approval.body if t.approval else "未经审批")
            y.put(4, "审批编号", t.approval.id if t.approval else None)
    y.put(0, "其他需要说明情况", p.other)
    y.put(0, "签名日期", p.signed)
    y.put(0, "纸质报告表保管", "委政治处" if p.commission else "本单位")
    return y.text()


# --- police data ------------------------------------------------------------------------------------


def _headers(schema_file: str) -> list[str]:
    from privtravel.validate.schemas import load_all

    return list(load_all()[schema_file]["properties"])


def _csv(rows: list[list[str]], headers: list[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return "\ufeff" + out.getvalue()


def police_files(units: list[Unit]) -> dict[str, str]:
    holdings: list[list[str]] = []
    crossings: list[tuple[str, str, int, list[str]]] = []
    for unit in units:
        for p in unit.people:
            for d in p.docs:
                status = "有效" if d.expires >= POLICE_DATA_DATE else "已失效"
                holdings.append(
                    [
                        p.name,
                        p.sex,
                        p.birth.isoformat(),
                        p.id_number,
                        d.type,
                        d.number,
                        d.issued.isoformat(),
                        d.expires.isoformat(),
                        status,
                    ]
                )
            for t in p.trips:
                if t.exit <= POLICE_DATA_DATE:
                    crossings.append(
                        (
                            t.exit.isoformat(),
                            p.id_number,
                            0,
                            [
                                p.id_number,
                                p.name,
                                t.exit.isoformat(),
                                "出境",
                                t.port,
                                t.places[0],
                                t.doc.number,
                            ],
                        )
                    )
                if t.entry is not None and t.entry <= POLICE_DATA_DATE:
                    crossings.append(
                        (
                            t.entry.isoformat(),
                            p.id_number,
                            1,
                            [
                                p.id_number,
                                p.name,
                                t.entry.isoformat(),
                                "入境",
                                t.port,
                                t.places[-1],
                                t.doc.number,
                            ],
                        )
                    )
    holdings.sort(key=lambda r: (r[3], r[6], r[5]))
    crossings.sort(key=lambda c: c[:3])
    holding_headers = _headers("police-holding.schema.json")
    crossing_headers = _headers("police-crossing.schema.json")
    assert holding_headers == [
        "姓名",
        "性别",
        "出生日期",
        "公民身份号码",
        "证件类别",
        "证件号码",
        "签发日期",
        "有效期至",
        "证件状态",
    ]
    assert crossing_headers == [
        "公民身份号码",
        "姓名",
        "出入境日期",
        "出境/入境",
        "口岸",
        "前往国家（地区）",
        "证件号码",
    ]
    return {
        f"{POLICE_DIR}/{HOLDINGS_FILE}": _csv(holdings, holding_headers),
        f"{POLICE_DIR}/{CROSSINGS_FILE}": _csv([c[3] for c in crossings], crossing_headers),
    }


def crossing_count(units: list[Unit]) -> int:
    return sum(
        (t.exit <= POLICE_DATA_DATE) + (t.entry is not None and t.entry <= POLICE_DATA_DATE)
        for u in units
        for p in u.people
        for t in p.trips
    )


def dump_json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
