"""One unit's declarations as its HR would write them: 单位, 登记备案, 证件保管, 审批, 违规问题 and the
reports (report_file.py)."""

from __future__ import annotations

from privtravel.demo.emit import Doc as Yaml
from privtravel.demo.report_file import report, reporters
from privtravel.demo.world import CUSTODY, Person, Unit
from privtravel.load.layout import REPORTS_DIR, SUBMISSIONS, Kind, schema_comment


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
        files[rel] = report(unit, person, rel)
    return files


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
