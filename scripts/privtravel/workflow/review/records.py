"""One section per kind of declaration: what changed between the merge base and the working tree."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePosixPath

from privtravel.load.layout import SUBMISSIONS, UNIT_FILES, Kind
from privtravel.model import Approval, Case, CustodyItem, Report, RosterPerson, UnitData
from privtravel.workflow.review import record_fields as f
from privtravel.workflow.review import values
from privtravel.workflow.review.align import align
from privtravel.workflow.review.changes import Item, Op, Section
from privtravel.workflow.review.fields import differences
from privtravel.workflow.review.itemize import items, nested

Names = Callable[[str], str]  # person id → "0001 赵明"


def roster(old: UnitData, new: UnitData, names: Names) -> Section:
    def added(p: RosterPerson) -> list[str]:
        latest = f"；{f.change(p.changes[-1])}" if p.changes else ""
        return [f"{p.category}，{p.post}{latest}"]

    def changed(a: RosterPerson, b: RosterPerson) -> list[str]:
        return differences(f.PERSON, a, b) + nested(
            "变动记录",
            a.changes,
            b.changes,
            f.CHANGE,
            f.change,
            f.change_full,
            lambda c: (c.date, c.kind),
            lambda c: c.date,
            lambda c: c.kind,
        )

    found = align(old.roster, new.roster, lambda p: p.id)
    return Section(Kind.ROSTER.label, items(found, lambda p: names(p.id), added, changed))


def _report_added(r: Report) -> list[str]:
    lines = [r.kind + (f"，签名日期 {r.signed.isoformat()}" if r.signed else "")]
    lines += [f"持有证件：{f.document_full(d)}" for d in r.documents]
    lines += [f"出国（境）情况：{f.trip_full(t)}" for t in r.trips]
    if r.other:
        lines.append(f"其他需要说明情况：{values.plain(r.other)}")
    return lines


def _report_changed(a: Report, b: Report) -> list[str]:
    documents = nested(
        "持有证件",
        a.documents,
        b.documents,
        f.DOCUMENT,
        f.document,
        f.document_full,
        lambda d: (d.type, d.number),
        lambda d: (d.type, d.issued),
        lambda d: d.number,
    )
    trips = nested(
        "出国（境）情况",
        a.trips,
        b.trips,
        f.TRIP,
        f.trip,
        f.trip_full,
        lambda t: (t.exit, t.places),
        lambda t: t.approval_id,
        lambda t: (t.entry, t.places),
        lambda t: t.exit,
    )
    return differences(f.REPORT, a, b) + documents + trips


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
    section.items = items(
        found, lambda r: names(r.id), _report_added, _report_changed, removed=("报告表已删除",)
    )
    return section


def custody(old: UnitData, new: UnitData, names: Names) -> Section:
    def subject(c: CustodyItem) -> str:
        return f"{names(c.person_id)} {c.type} {values.document_number(c.number)}"

    def added(c: CustodyItem) -> list[str]:
        lines = [f"交存 {c.deposited.isoformat()}" + (f"，{c.location}" if c.location else "")]
        lines += [f.loan_full(x) for x in c.loans]
        if c.removal:
            lines.append(f"移出保管：{f.removal(c.removal)}")
        return lines

    def changed(a: CustodyItem, b: CustodyItem) -> list[str]:
        return differences(f.CUSTODY, a, b) + nested(
            "领用记录",
            a.loans,
            b.loans,
            f.LOAN,
            f.loan,
            f.loan_full,
            lambda x: (x.date, x.approval_id),
            lambda x: x.approval_id,
            lambda x: x.date,
        )

    found = align(
        old.custody,
        new.custody,
        lambda c: (c.person_id, c.type, c.number),
        lambda c: (c.person_id, c.type, c.deposited),
    )
    return Section(Kind.CUSTODY.label, items(found, subject, added, changed))


def approvals(old: UnitData, new: UnitData, names: Names) -> Section:
    def added(a: Approval) -> list[str]:
        lines = [f"{a.reason}，{values.plain(a.places)}，{values.span(a.planned_exit, a.planned_entry)}"]
        lines.append(f"纪检监察意见：{f.opinion(a) or '未征求'}")
        if a.strict:
            lines.append(f"从严审查：{values.plain(a.strict.grounds)}；{values.plain(a.strict.measures)}")
        by = "，".join(x for x in (a.body, a.approver, a.approved_on and a.approved_on.isoformat()) if x)
        lines.append(f"审批结果：{a.result}" + (f"（{by}）" if by else ""))
        return lines

    found = align(old.approvals, new.approvals, lambda a: a.id)
    return Section(
        Kind.APPROVALS.label,
        items(
            found,
            lambda a: f"{a.id} {names(a.person_id)}",
            added,
            lambda a, b: differences(f.APPROVAL, a, b),
        ),
    )


def _case_added(c: Case) -> list[str]:
    lines = [
        f"问题类型：{values.plain(c.kinds)}",
        f"发现途径：{c.found_by}（{c.found_on.isoformat()}）",
        f"问题描述：{values.plain(c.description)}",
    ]
    lines += [f"处理：{f.handling(h)}" for h in c.handlings] or ["处理：尚未处理"]
    lines += [f"责任追究：{f.accountable(a)}" for a in c.accountable]
    return lines


def _case_changed(a: Case, b: Case) -> list[str]:
    handlings = nested(
        "处理",
        a.handlings,
        b.handlings,
        f.HANDLING,
        f.handling,
        f.handling,
        lambda h: (h.method, h.date),
        lambda h: h.method,
    )
    accountable = nested(
        "责任追究",
        a.accountable,
        b.accountable,
        f.ACCOUNTABLE,
        f.accountable,
        f.accountable,
        lambda x: (x.name, x.method),
        lambda x: x.name,
    )
    return differences(f.CASE, a, b) + handlings + accountable


def cases(old: UnitData, new: UnitData, names: Names) -> Section:
    def subject(c: Case) -> str:
        return f"{c.id} {names(c.person_id)}"

    found = align(old.cases, new.cases, lambda c: c.id)
    return Section(Kind.CASES.label, items(found, subject, _case_added, _case_changed))


def profile(old: UnitData, new: UnitData, names: Names) -> Section:
    section = Section(Kind.UNIT.label)
    a, b = old.profile, new.profile
    if b is not None and a is None:
        lines = [f"国家工作人员总数 {b.staff_total}"]
        lines += [f"管理制度：{f.rule(r)}（出台 {r.issued.isoformat()}）" for r in b.rules] or [
            "管理制度：尚未建立"
        ]
        lines.append(f"证件保管：{b.custody_office}，专人 {values.plain(b.custody_keepers)}")
        section.items.append(Item(Op.ADDED, b.name, tuple(lines)))
    elif a is not None and b is None:
        section.items.append(Item(Op.REMOVED, a.name))
    elif a is not None and b is not None:
        lines = differences(f.PROFILE, a, b)
        lines += nested(
            "管理制度",
            a.rules,
            b.rules,
            f.RULE,
            f.rule,
            lambda r: f"{f.rule(r)}（出台 {r.issued.isoformat()}）",
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
