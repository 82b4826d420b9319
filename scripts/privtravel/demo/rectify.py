"""整改 of the generated campaign: each inspected unit's measures for the problems the group pointed out.

One measure per problem, owned by the person whose work it is (the Party secretary for rules and
approvals, the head of personnel otherwise), due a few days before the group's 整改期限; the
measures cycle through 已完成 (with its date and proof), 整改中 and 未开始.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from privtravel.demo.world import Person, Unit

STATES = ("已完成", "整改中", "未开始")
MEASURES = {
    "制度未建": "起草干部因私出国（境）管理办法，提交{party}会议审议后印发",
    "应备未备": "将未登记人员列入登记备案名单，报送公安机关出入境管理部门备案",
    "登记备案变动未按时报送": "建立登记备案变动台账，每月25日前报送公安机关出入境管理部门",
    "公安未在1个工作日内入库": "与公安机关出入境管理部门逐人核对入库情况，报送后跟踪入库结果",
    "应交未交": "收缴未交存的因私证件，登记入册，统一存放专柜保管",
    "证件逾期未交回": "催交逾期证件，证件交回逐次登记，逾期交回的由本人书面说明原因",
    "未经批准擅自出国(境)": "对相关人员立案核查，按规定作出处理，处理结果报委政治处",
    "未按审批要求出国境": "对相关人员立案核查，按规定作出处理，出行前重申审批要求",
    "审批把关不严": "完善审批程序：审批前征求纪检监察意见，从严审查对象提交{party}集体研究",
    "瞒报持有因私证照": "对瞒报人员立案核查，补充报告表，证件收缴集中保管",
    "瞒报出国境情况": "对瞒报人员立案核查，督促如实补报出国（境）情况",
    "应报未报": "督促相关人员补交报告表，对拒不填报的按规定处理",
}
SECRETARY_TOPICS = ("制度未建", "审批把关不严")
HR_HEAD = "组织人事科科长"
RULES_ANSWER = "向专项检查组说明本单位已出台{rules}，提请核销该问题"


@dataclass
class Rectification:
    id: str
    problem_id: str
    measure: str
    owner: Person
    due: dt.date
    state: str
    outcome: str | None = None
    proof: tuple[str, ...] = ()
    closed: dt.date | None = None


def rectify(
    unit: Unit,
    inspected: dt.date,
    problem_id: str,
    title: str,
    deadline: dt.date,
    concerned: list[str],
    counter: int,
) -> Rectification:
    """The measure for one problem; ``counter`` runs over the whole campaign to vary the states.

    Nobody the problem concerns (``concerned``: people's 编号) is made responsible for fixing it.
    """
    if title == "制度未建" and unit.rules:  # the group was wrong: the unit answers it
        rules = "、".join(f"《{name}》（{number}）" for name, number, *_ in unit.rules if number)
        measure = RULES_ANSWER.format(rules=rules or "管理制度")
    else:
        measure = MEASURES.get(title, "对照检查组指出的问题逐项整改").format(party=unit.party)
    state = STATES[counter % len(STATES)]
    due = max(inspected, deadline - dt.timedelta(days=3 + counter % 5))
    item = Rectification(
        id=f"ZG-{int(problem_id.split('-')[1]):02d}",
        problem_id=problem_id,
        measure=measure,
        owner=_owner(unit, title, concerned),
        due=due,
        state=state,
    )
    if state == "已完成":
        item.closed = max(inspected, due - dt.timedelta(days=5 + counter % 7))
        item.outcome = "已按整改措施完成，经单位党组织会议审议通过"
        item.proof = (f"{unit.party}会议纪要（{item.closed.year}年{item.closed.month}月）",)
    return item


def _owner(unit: Unit, title: str, concerned: list[str]) -> Person:
    secretary = unit.people[1]  # the Party secretary, who signs the unit's approvals
    if title in SECRETARY_TOPICS and secretary.id not in concerned:
        return secretary
    head = unit.person_by_post(HR_HEAD)
    if head is not None and _serving(head, concerned):
        return head
    return next(p for p in unit.people[2:] if _serving(p, concerned))


def _serving(person: Person, concerned: list[str]) -> bool:
    return (
        person.in_roster
        and not person.revoked
        and person.category != "退休满1年的市管干部"
        and person.id not in concerned
    )
