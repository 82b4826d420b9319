"""One section per kind of declaration: what changed between the merge base and the working tree."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePosixPath
from typing import TypeVar

from privtravel.load.layout import SUBMISSIONS, UNIT_FILES, Kind
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
    UnitData,
    UnitProfile,
)
from privtravel.workflow.review import values
from privtravel.workflow.review.align import Key, align
from privtravel.workflow.review.changes import Item, Op, Section
from privtravel.workflow.review.fields import Field, differences

T = TypeVar("T")
Names = Callable[[str], str]  # person id → "0001 赵明"

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
    Field("移出保管", lambda c: c.removal, lambda r: _removal(r) if isinstance(r, Removal) else values.EMPTY),
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
    Field("纪检监察意见", lambda a: _opinion(a)),
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


def _removal(r: Removal) -> str:
    return f"{r.date.isoformat()} {r.reason}" + (f"（{values.plain(r.note)}）" if r.note else "")


def _opinion(a: Approval) -> str | None:
    o = a.opinion
    if o is None:
        return None
    return f"{o.verdict}（{o.date.isoformat()}" + (f"，{o.body}）" if o.body else "）")


def _document(d: HeldDocument) -> str:
    return f"{d.type} {values.document_number(d.number)}"


def _trip(t: Trip) -> str:
    return f"「{t.exit.isoformat()} {values.plain(t.places)}」"


def _change(c: RosterChange) -> str:
    return f"{c.date.isoformat()} {c.kind}"


def _loan(x: Loan) -> str:
    return f"领用 {x.date.isoformat()}（审批 {x.approval_id}）"


def _rule(r: Rule) -> str:
    return f"《{values.plain(r.name)}》"


def _handling(h: Handling) -> str:
    return f"{h.method}（{h.date.isoformat()}，{h.body}" + (f"，{h.number}）" if h.number else "）")


def _accountable(a: Accountable) -> str:
    return f"{a.name}（{a.post}，{a.responsibility}）{a.method}"


# ── nested lists inside a record ─────────────────────────────────────────────────────────────────


def nested(
    what: str,
    old: Sequence[T],
    new: Sequence[T],
    fields: Sequence[Field[T]],
    name: Callable[[T], str],
    added: Callable[[T], str],
    *keys: Key[T],
) -> list[str]:
    """Detail lines for a list inside a record (documents in a report, loans of a document …)."""
    found = align(old, new, *keys)
    lines = [f"新增{what}：{added(x)}" for x in found.added]
    lines += [f"删除{what}：{name(x)}" for x in found.removed]
    for a, b in found.pairs:
        diff = differences(fields, a, b)
        if diff:
            lines.append(f"{what}{name(b)}：{'；'.join(diff)}")
    return lines


def _documents(old: Report, new: Report) -> list[str]:
    return nested(
        "持有证件",
        old.documents,
        new.documents,
        DOCUMENT,
        _document,
        _document_full,
        lambda d: (d.type, d.number),
        lambda d: (d.type, d.issued),
        lambda d: d.number,
    )


def _document_full(d: HeldDocument) -> str:
    return f"{_document(d)}，有效期至 {d.expires.isoformat()}，{d.kept_by}保管"


def _trips(old: Report, new: Report) -> list[str]:
    return nested(
        "出国（境）情况",
        old.trips,
        new.trips,
        TRIP,
        _trip,
        _trip_full,
        lambda t: (t.exit, t.places),
        lambda t: t.approval_id,
        lambda t: (t.entry, t.places),
        lambda t: t.exit,
    )


def _trip_full(t: Trip) -> str:
    approval = f"，审批编号 {t.approval_id}" if t.approval_id else ""
    return f"{values.span(t.exit, t.entry)} {values.plain(t.places)}，{t.reason}，{t.approved_by}{approval}"


# ── the sections ─────────────────────────────────────────────────────────────────────────────────


def roster(old: UnitData, new: UnitData, names: Names) -> Section:
    section = Section(Kind.ROSTER.label)
    found = align(old.roster, new.roster, lambda p: p.id)
    for p in found.added:
        latest = p.changes[-1] if p.changes else None
        change = f"；{_change(latest)}" if latest else ""
        section.items.append(Item(Op.ADDED, names(p.id), (f"{p.category}，{p.post}{change}",)))
    for p in found.removed:
        section.items.append(Item(Op.REMOVED, names(p.id)))
    for a, b in found.pairs:
        lines = differences(PERSON, a, b)
        lines += nested(
            "变动记录",
            a.changes,
            b.changes,
            CHANGE,
            _change,
            _change_full,
            lambda c: (c.date, c.kind),
            lambda c: c.date,
            lambda c: c.kind,
        )
        if lines:
            section.items.append(Item(Op.CHANGED, names(b.id), tuple(lines)))
    return section


def _change_full(c: RosterChange) -> str:
    reported = f"，报送公安 {c.reported.isoformat()}" if c.reported else "，尚未报送公安"
    return _change(c) + reported


def reports(old: UnitData, new: UnitData, names: Names) -> Section:
    section = Section(Kind.REPORT.label)
    unreadable = old.unreadable_report_ids | new.unreadable_report_ids
    for person in sorted(unreadable):
        section.notes.append(f"{names(person)} 的报告表有错误，未比较（先改正检查发现的错误）。")
    found = align(
        [r for r in old.reports if r.id not in unreadable],
        [r for r in new.reports if r.id not in unreadable],
        lambda r: r.id,
    )
    for r in found.added:
        lines = [r.kind + (f"，签名日期 {r.signed.isoformat()}" if r.signed else "")]
        lines += [f"持有证件：{_document_full(d)}" for d in r.documents]
        lines += [f"出国（境）情况：{_trip_full(t)}" for t in r.trips]
        if r.other:
            lines.append(f"其他需要说明情况：{values.plain(r.other)}")
        section.items.append(Item(Op.ADDED, names(r.id), tuple(lines)))
    for r in found.removed:
        section.items.append(Item(Op.REMOVED, names(r.id), ("报告表已删除",)))
    for a, b in found.pairs:
        lines = differences(REPORT, a, b) + _documents(a, b) + _trips(a, b)
        if lines:
            section.items.append(Item(Op.CHANGED, names(b.id), tuple(lines)))
    return section


def custody(old: UnitData, new: UnitData, names: Names) -> Section:
    section = Section(Kind.CUSTODY.label)
    found = align(
        old.custody,
        new.custody,
        lambda c: (c.person_id, c.type, c.number),
        lambda c: (c.person_id, c.type, c.deposited),
    )

    def subject(c: CustodyItem) -> str:
        return f"{names(c.person_id)} {c.type} {values.document_number(c.number)}"

    for c in found.added:
        lines = [f"交存 {c.deposited.isoformat()}" + (f"，{c.location}" if c.location else "")]
        lines += [_loan_full(x) for x in c.loans]
        if c.removal:
            lines.append(f"移出保管：{_removal(c.removal)}")
        section.items.append(Item(Op.ADDED, subject(c), tuple(lines)))
    for c in found.removed:
        section.items.append(Item(Op.REMOVED, subject(c)))
    for a, b in found.pairs:
        lines = differences(CUSTODY, a, b)
        lines += nested(
            "领用记录",
            a.loans,
            b.loans,
            LOAN,
            _loan,
            _loan_full,
            lambda x: (x.date, x.approval_id),
            lambda x: x.approval_id,
            lambda x: x.date,
        )
        if lines:
            section.items.append(Item(Op.CHANGED, subject(b), tuple(lines)))
    return section


def _loan_full(x: Loan) -> str:
    returned = f"交回 {x.returned.isoformat()}" if x.returned else "尚未交回"
    return f"{_loan(x)}，{returned}"


def approvals(old: UnitData, new: UnitData, names: Names) -> Section:
    section = Section(Kind.APPROVALS.label)
    found = align(old.approvals, new.approvals, lambda a: a.id)
    for a in found.added:
        lines = [f"{a.reason}，{values.plain(a.places)}，{values.span(a.planned_exit, a.planned_entry)}"]
        lines.append(f"纪检监察意见：{_opinion(a) or '未征求'}")
        if a.strict:
            lines.append(f"从严审查：{values.plain(a.strict.grounds)}；{values.plain(a.strict.measures)}")
        by = "，".join(x for x in (a.body, a.approver, a.approved_on and a.approved_on.isoformat()) if x)
        lines.append(f"审批结果：{a.result}" + (f"（{by}）" if by else ""))
        section.items.append(Item(Op.ADDED, f"{a.id} {names(a.person_id)}", tuple(lines)))
    for a in found.removed:
        section.items.append(Item(Op.REMOVED, f"{a.id} {names(a.person_id)}"))
    for a, b in found.pairs:
        lines = differences(APPROVAL, a, b)
        if lines:
            section.items.append(Item(Op.CHANGED, f"{b.id} {names(b.person_id)}", tuple(lines)))
    return section


def cases(old: UnitData, new: UnitData, names: Names) -> Section:
    section = Section(Kind.CASES.label)
    found = align(old.cases, new.cases, lambda c: c.id)
    for c in found.added:
        lines = [
            f"问题类型：{values.plain(c.kinds)}",
            f"发现途径：{c.found_by}（{c.found_on.isoformat()}）",
            f"问题描述：{values.plain(c.description)}",
        ]
        lines += [f"处理：{_handling(h)}" for h in c.handlings] or ["处理：尚未处理"]
        lines += [f"责任追究：{_accountable(a)}" for a in c.accountable]
        section.items.append(Item(Op.ADDED, f"{c.id} {names(c.person_id)}", tuple(lines)))
    for c in found.removed:
        section.items.append(Item(Op.REMOVED, f"{c.id} {names(c.person_id)}"))
    for a, b in found.pairs:
        lines = differences(CASE, a, b)
        lines += nested(
            "处理",
            a.handlings,
            b.handlings,
            HANDLING,
            _handling,
            _handling,
            lambda h: (h.method, h.date),
            lambda h: h.method,
        )
        lines += nested(
            "责任追究",
            a.accountable,
            b.accountable,
            ACCOUNTABLE,
            _accountable,
            _accountable,
            lambda x: (x.name, x.method),
            lambda x: x.name,
        )
        if lines:
            section.items.append(Item(Op.CHANGED, f"{b.id} {names(b.person_id)}", tuple(lines)))
    return section


def profile(old: UnitData, new: UnitData, names: Names) -> Section:
    section = Section(Kind.UNIT.label)
    a, b = old.profile, new.profile
    if b is not None and a is None:
        lines = [f"国家工作人员总数 {b.staff_total}"]
        lines += [f"管理制度：{_rule(r)}（出台 {r.issued.isoformat()}）" for r in b.rules] or [
            "管理制度：尚未建立"
        ]
        lines.append(f"证件保管：{b.custody_office}，专人 {values.plain(b.custody_keepers)}")
        section.items.append(Item(Op.ADDED, b.name, tuple(lines)))
    elif a is not None and b is None:
        section.items.append(Item(Op.REMOVED, a.name))
    elif a is not None and b is not None:
        lines = differences(PROFILE, a, b)
        lines += nested(
            "管理制度",
            a.rules,
            b.rules,
            RULE,
            _rule,
            lambda r: f"{_rule(r)}（出台 {r.issued.isoformat()}）",
            lambda r: r.name,
            lambda r: r.number,
            lambda r: r.issued,
        )
        if lines:
            section.items.append(Item(Op.CHANGED, b.name, tuple(lines)))
    return section


# File-level kinds: a file with errors on either side is not compared (its records would look deleted).
SECTIONS: tuple[tuple[Kind, Callable[[UnitData, UnitData, Names], Section]], ...] = (
    (Kind.UNIT, profile),
    (Kind.ROSTER, roster),
    (Kind.REPORT, reports),
    (Kind.CUSTODY, custody),
    (Kind.APPROVALS, approvals),
    (Kind.CASES, cases),
)
FILE_OF = {kind: name for name, kind in UNIT_FILES.items()}


def unit_sections(old: UnitData, new: UnitData, names: Names) -> list[Section]:
    out = []
    invalid = set(old.invalid_files) | set(new.invalid_files)
    for kind, compare in SECTIONS:
        if kind in FILE_OF:
            path = PurePosixPath(SUBMISSIONS, new.code, FILE_OF[kind]).as_posix()
            if path in invalid:
                out.append(
                    Section(kind.label, notes=[f"{FILE_OF[kind]} 有错误，未比较（先改正检查发现的错误）。"])
                )
                continue
        section = compare(old, new, names)
        if section:
            out.append(section)
    return out
