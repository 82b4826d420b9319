"""Every person or approval a record names exists in the unit's own declarations."""

from __future__ import annotations

from collections.abc import Iterator

from privtravel.diagnostics import Diagnostic
from privtravel.model import Campaign, UnitData
from privtravel.rules._emit import at


def check(campaign: Campaign, unit: UnitData) -> Iterator[Diagnostic]:
    people = {p.id for p in unit.roster} | {r.id for r in unit.reports} | unit.unreadable_report_ids
    approvals = {a.id: a for a in unit.approvals}

    def person(ident: str | None) -> bool:
        return ident is None or ident in people

    def missing_person(ident: str) -> str:
        return f"人员编号「{ident}」在本单位的登记备案名单和报告表中都找不到。"

    for approval in unit.approvals:
        if not person(approval.person_id):
            yield at(approval.src, "R308", missing_person(approval.person_id), "编号")
    for case in unit.cases:
        if not person(case.person_id):
            yield at(case.src, "R308", missing_person(case.person_id), "编号")
        for acc in case.accountable:
            if acc.person_id is not None and not person(acc.person_id):
                yield at(acc.src, "R308", missing_person(acc.person_id), "编号")
    for item in unit.custody:
        if not person(item.person_id):
            yield at(item.src, "R308", missing_person(item.person_id), "编号")
        for loan in item.loans:
            loan_approval = approvals.get(loan.approval_id)
            if loan_approval is None:
                yield at(
                    loan.src,
                    "R308",
                    f"领用依据的审批编号「{loan.approval_id}」在本单位的审批.yaml 中找不到。",
                    "审批编号",
                )
            elif loan_approval.person_id != item.person_id:
                yield at(
                    loan.src,
                    "R308",
                    f"审批「{loan.approval_id}」是编号 {loan_approval.person_id} 的申请，不能作为 "
                    f"{item.person_id} 领用证件的依据。",
                    "审批编号",
                )
    for report in unit.reports:
        for trip in report.trips:
            if trip.approval_id is None:
                continue
            trip_approval = approvals.get(trip.approval_id)
            if trip_approval is None:
                yield at(
                    trip.src,
                    "R308",
                    f"审批编号「{trip.approval_id}」在本单位的审批.yaml 中找不到。",
                    "审批编号",
                )
            elif trip_approval.person_id != report.id:
                yield at(
                    trip.src,
                    "R308",
                    f"审批「{trip.approval_id}」是编号 {trip_approval.person_id} 的申请，不是本人的。",
                    "审批编号",
                )
