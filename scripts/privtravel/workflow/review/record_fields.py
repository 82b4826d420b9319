"""What a review compares in each kind of record, and how one record is named in a summary line."""

from __future__ import annotations

from privtravel.model import (
    Accountable,
    Approval,
    Case,
    CustodyItem,
    Handling,
    HeldDocument,
    Loan,
    Removal,
    Report,
    RosterChange,
    RosterPerson,
    Rule,
    Trip,
    UnitProfile,
)
from privtravel.workflow.review import values
from privtravel.workflow.review.fields import Field

# ── field lists, in the order of the declaration files ───────────────────────────────────────────

PERSON: tuple[Field[RosterPerson], ...] = (
    Field("姓名", lambda p: p.name),
    Field("性别", lambda p: p.sex),
    Field("出生日期", lambda p: p.birth),
    Field("公民身份号码", lambda p: p.id_number, values.id_number),
    Field("现任职务", lambda p: p.post),
    Field("人事主管部门", lambda p: p.supervisor),
    Field("登记备案类别", lambda p: p.category),
    Field("委管干部", lambda p: p.commission_cadre),
    Field("从严审查情形", lambda p: p.strict_review),
)
CHANGE: tuple[Field[RosterChange], ...] = (
    Field("日期", lambda c: c.date),
    Field("变动类型", lambda c: c.kind),
    Field("报送公安日期", lambda c: c.reported),
    Field("公安入库日期", lambda c: c.entered),
    Field("说明", lambda c: c.note),
)
REPORT: tuple[Field[Report], ...] = (
    Field("姓名", lambda r: r.name),
    Field("单位及职务", lambda r: r.post),
    Field("报告类型", lambda r: r.kind),
    Field("其他需要说明情况", lambda r: r.other),
    Field("签名日期", lambda r: r.signed),
    Field("纸质报告表保管", lambda r: r.paper_kept_by),
    Field("免报说明", lambda r: r.exemption_note),
)
DOCUMENT: tuple[Field[HeldDocument], ...] = (
    Field("证件类别", lambda d: d.type),
    Field("证件号码", lambda d: d.number, values.document_number),
    Field("签发日期", lambda d: d.issued),
    Field("有效期至", lambda d: d.expires),
    Field("保管机构", lambda d: d.kept_by),
    Field("备注", lambda d: d.note),
)
TRIP: tuple[Field[Trip], ...] = (
    Field("出境日期", lambda t: t.exit),
    Field("入境日期", lambda t: t.entry),
    Field("所到国家（地区）", lambda t: t.places),
    Field("事由", lambda t: t.reason),
    Field("审批机构", lambda t: t.approved_by),
    Field("审批编号", lambda t: t.approval_id),
    Field("备注", lambda t: t.note),
)
CUSTODY: tuple[Field[CustodyItem], ...] = (
    Field("编号", lambda c: c.person_id),
    Field("证件类别", lambda c: c.type),
    Field("证件号码", lambda c: c.number, values.document_number),
    Field("交存日期", lambda c: c.deposited),
    Field("保管位置", lambda c: c.location),
    Field("移出保管", lambda c: c.removal, lambda r: removal(r) if isinstance(r, Removal) else values.EMPTY),
)
LOAN: tuple[Field[Loan], ...] = (
    Field("领用日期", lambda x: x.date),
    Field("审批编号", lambda x: x.approval_id),
    Field("交回日期", lambda x: x.returned),
    Field("经办人", lambda x: x.handler),
)
APPROVAL: tuple[Field[Approval], ...] = (
    Field("编号", lambda a: a.person_id),
    Field("申请日期", lambda a: a.applied),
    Field("事由", lambda a: a.reason),
    Field("前往国家（地区）", lambda a: a.places),
    Field("计划出境日期", lambda a: a.planned_exit),
    Field("计划入境日期", lambda a: a.planned_entry),
    Field("本年度第几次", lambda a: a.nth_this_year),
    Field("纪检监察意见", lambda a: opinion(a)),
    Field("从严审查情形", lambda a: a.strict.grounds if a.strict else None),
    Field("审查措施", lambda a: a.strict.measures if a.strict else None),
    Field("审批结果", lambda a: a.result),
    Field("审批机构", lambda a: a.body),
    Field("审批人", lambda a: a.approver),
    Field("审批日期", lambda a: a.approved_on),
    Field("备注", lambda a: a.note),
)
CASE: tuple[Field[Case], ...] = (
    Field("编号", lambda c: c.person_id),
    Field("问题类型", lambda c: c.kinds),
    Field("问题描述", lambda c: c.description),
    Field("发现日期", lambda c: c.found_on),
    Field("发现途径", lambda c: c.found_by),
)
HANDLING: tuple[Field[Handling], ...] = (
    Field("处理方式", lambda h: h.method),
    Field("决定日期", lambda h: h.date),
    Field("决定机关", lambda h: h.body),
    Field("文号", lambda h: h.number),
)
ACCOUNTABLE: tuple[Field[Accountable], ...] = (
    Field("姓名", lambda a: a.name),
    Field("职务", lambda a: a.post),
    Field("责任", lambda a: a.responsibility),
    Field("处理方式", lambda a: a.method),
    Field("决定日期", lambda a: a.date),
)
PROFILE: tuple[Field[UnitProfile], ...] = (
    Field("单位名称", lambda p: p.name),
    Field("国家工作人员总数", lambda p: p.staff_total),
    Field("证件保管机构", lambda p: p.custody_office),
    Field("保管专人", lambda p: p.custody_keepers),
    Field("专柜保管", lambda p: p.custody_cabinet),
    Field("造册登记", lambda p: p.custody_register),
    Field("填表人", lambda p: p.filler),
    Field("联系电话", lambda p: p.phone, values.phone),
    Field("审核人", lambda p: p.reviewer),
)
RULE: tuple[Field[Rule], ...] = (
    Field("制度名称", lambda r: r.name),
    Field("文号", lambda r: r.number),
    Field("出台时间", lambda r: r.issued),
    Field("最近修订时间", lambda r: r.revised),
)

# ── how one record is named in a line ────────────────────────────────────────────────────────────


def removal(r: Removal) -> str:
    return f"{r.date.isoformat()} {r.reason}" + (f"（{values.plain(r.note)}）" if r.note else "")


def opinion(a: Approval) -> str | None:
    o = a.opinion
    if o is None:
        return None
    return f"{o.verdict}（{o.date.isoformat()}" + (f"，{o.body}）" if o.body else "）")


def document(d: HeldDocument) -> str:
    return f"{d.type} {values.document_number(d.number)}"


def trip(t: Trip) -> str:
    return f"「{t.exit.isoformat()} {values.plain(t.places)}」"


def change(c: RosterChange) -> str:
    return f"{c.date.isoformat()} {c.kind}"


def loan(x: Loan) -> str:
    return f"领用 {x.date.isoformat()}（审批 {x.approval_id}）"


def rule(r: Rule) -> str:
    return f"《{values.plain(r.name)}》"


def handling(h: Handling) -> str:
    return f"{h.method}（{h.date.isoformat()}，{h.body}" + (f"，{h.number}）" if h.number else "）")


def accountable(a: Accountable) -> str:
    return f"{a.name}（{a.post}，{a.responsibility}）{a.method}"


def document_full(d: HeldDocument) -> str:
    return f"{document(d)}，有效期至 {d.expires.isoformat()}，{d.kept_by}保管"


def trip_full(t: Trip) -> str:
    approval = f"，审批编号 {t.approval_id}" if t.approval_id else ""
    return f"{values.span(t.exit, t.entry)} {values.plain(t.places)}，{t.reason}，{t.approved_by}{approval}"


def change_full(c: RosterChange) -> str:
    reported = f"，报送公安 {c.reported.isoformat()}" if c.reported else "，尚未报送公安"
    return change(c) + reported


def loan_full(x: Loan) -> str:
    returned = f"交回 {x.returned.isoformat()}" if x.returned else "尚未交回"
    return f"{loan(x)}，{returned}"
