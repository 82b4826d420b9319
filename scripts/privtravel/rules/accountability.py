"""出国境审批事项把关不严 is written one way: as a 问题类型, never only as an approver's 责任追究.

Holding the approver of a trip to account (责任追究) is holding them to account for the approval: that
is the problem 附件2 counts as 出国境审批事项把关不严.  Written only as a 责任追究 entry under the trip's
case, the approver would count in 处理人数 but in no problem column; so the case must name the problem
(or the approver's lapse be a case of its own).  Either way the column counts it.
"""

from __future__ import annotations

from collections.abc import Iterator

from privtravel.diagnostics import Diagnostic
from privtravel.model import Accountable, Campaign, RosterPerson, UnitData
from privtravel.rules._emit import at

LAX = "出国境审批事项把关不严"
TRIP_KINDS = ("未经批准擅自出国(境)", "未按审批要求出国境")


def check(campaign: Campaign, unit: UnitData) -> Iterator[Diagnostic]:
    approvers: dict[str, dict[str, str]] = {}  # person 编号 -> approver's name -> an approval they signed
    for approval in unit.approvals:
        if approval.approver:
            approvers.setdefault(approval.person_id, {}).setdefault(approval.approver, approval.id)
    for case in unit.cases:
        if LAX in case.kinds or not any(k in case.kinds for k in TRIP_KINDS):
            continue
        signed = approvers.get(case.person_id, {})
        for acc in case.accountable:
            approval_id = signed.get(acc.name)
            if approval_id is None:
                continue
            yield at(
                acc.src,
                "R322",
                f"责任追究中的 {acc.name} 是编号 {case.person_id} 的审批 {approval_id} 的审批人：追究审批人的责任，"
                f"问题就是「{LAX}」。请在问题 {case.id} 的「问题类型」中加上「{LAX}」，或把审批人的问题单独登记"
                f"（编号写审批人的人员编号，问题类型「{LAX}」），附件2 的「{LAX}」才会计入。",
                "姓名",
            )


def roster_ids(roster: list[RosterPerson]) -> dict[tuple[str, str], str | None]:
    """(姓名, 现任职务) -> 编号, None where two roster entries share both."""
    out: dict[tuple[str, str], str | None] = {}
    for person in roster:
        key = (person.name, person.post)
        out[key] = person.id if key not in out else None
    return out


def who(acc: Accountable, ids: dict[tuple[str, str], str | None]) -> str:
    """One responsible person, however written: the 编号 when given, else the roster entry of the same
    姓名 and 职务 (编号 is optional for a 责任追究 entry), else 姓名（职务）."""
    if acc.person_id is not None:
        return acc.person_id
    return ids.get((acc.name, acc.post)) or f"{acc.name}（{acc.post}）"
