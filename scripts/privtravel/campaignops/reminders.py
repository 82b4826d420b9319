"""What each unit has due or overdue on a given day: the reminders the 委政治处 sends.

Everything is computed from the declarations and campaign.yaml; the cross-check's findings a unit
has not answered yet come in as plain records (``OpenFinding``, see ``open_findings``) through
``collect(..., findings=...)``.  Texts are in Chinese and carry no full document or ID number.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from privtravel import workdays
from privtravel.campaignops import deadlines
from privtravel.crosscheck import answers
from privtravel.crosscheck.answers import Answered
from privtravel.load.layout import SUBMISSIONS
from privtravel.load.repository import Repository
from privtravel.masking import document_number, mask_text
from privtravel.model import Campaign, UnitData

OVERDUE = "已逾期"
SOON = "即将到期"
OPEN = "待办理"
STATES = (OVERDUE, SOON, OPEN)

REPORTS = "报告表填报"
ROSTER = "登记备案变动报送公安"
POLICE_ENTRY = "公安入库"
RETURNS = "证件交回"
OPINION = "纪检监察意见"
FINDINGS = "比对核查问题说明"
RECTIFY = "集中检查整改"
TOPICS = (REPORTS, ROSTER, POLICE_ENTRY, RETURNS, OPINION, FINDINGS, RECTIFY)

RETIRED_CATEGORY = "退休满1年的市管干部"
RESPONSES_FILE = "核查说明.yaml"  # where a unit answers the cross-check's findings


@dataclass(frozen=True, slots=True)
class OpenFinding:
    """A cross-check finding the unit has not yet answered (a plain record: the seam to the cross-check).

    ``text`` must already be masked, as the cross-check's messages are.
    """

    unit: str
    key: str
    text: str
    person: str = ""
    due: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Reminder:
    unit: str
    topic: str  # one of TOPICS
    state: str  # one of STATES
    due: dt.date | None
    person: str  # 编号 姓名, or "" when the item is not about one person
    text: str
    path: str  # the declaration to change ("" when there is none yet)

    def sort_key(self) -> tuple[int, dt.date, int, str, str]:
        return (
            STATES.index(self.state),
            self.due or dt.date.max,
            TOPICS.index(self.topic),
            self.person,
            self.text,
        )


@dataclass(frozen=True, slots=True)
class Window:
    today: dt.date
    ahead: int  # working days before a deadline when it starts to be reminded

    def state(self, due: dt.date | None) -> str | None:
        """OVERDUE, SOON, or None when the deadline is still far off."""
        if due is None:
            return OPEN
        if self.today > due:
            return OVERDUE
        return SOON if workdays.workdays_until(self.today, due) <= self.ahead else None


def collect(
    repo: Repository,
    today: dt.date,
    ahead: int = 3,
    findings: Iterable[OpenFinding] = (),
) -> dict[str, list[Reminder]]:
    """Every campaign unit (in campaign order) with its reminders, most urgent first."""
    campaign = repo.campaign
    assert campaign is not None
    window = Window(today, ahead)
    by_unit: dict[str, list[Reminder]] = {u.code: [] for u in campaign.units}
    for config in campaign.units:
        unit = repo.units.get(config.code) or UnitData(code=config.code)
        by_unit[config.code].extend(_unit(campaign, unit, window))
    for finding in findings:
        state = window.state(finding.due) or OPEN
        if finding.unit in by_unit:
            by_unit[finding.unit].append(
                Reminder(
                    finding.unit,
                    FINDINGS,
                    state,
                    finding.due,
                    finding.person,
                    _finding_text(finding),
                    f"{SUBMISSIONS}/{finding.unit}/{RESPONSES_FILE}",
                )
            )
    return {code: sorted(items, key=Reminder.sort_key) for code, items in by_unit.items()}


def open_findings(answered: Iterable[Answered]) -> list[OpenFinding]:
    """The findings still 待核实 that belong to a unit (the cross-check's messages are masked)."""
    return [
        OpenFinding(
            a.finding.unit,
            a.finding.key,
            a.finding.message + (f"（{a.covered_text()}）" if a.covering is not None else ""),
            " ".join(x for x in (a.finding.person_id or "", a.finding.person_name) if x),
        )
        for a in answered
        if a.state == answers.OPEN and a.finding.unit
    ]


def _finding_text(finding: OpenFinding) -> str:
    return f"{finding.text}（核查项 {finding.key}）：请在核查说明中逐项说明。"


def _unit(campaign: Campaign, unit: UnitData, window: Window) -> Iterator[Reminder]:
    for topic in (_reports, _roster, _returns, _opinions, _rectification):
        yield from topic(campaign, unit, window)


def _who(unit: UnitData, person_id: str) -> str:
    for person in unit.roster:
        if person.id == person_id:
            return f"{person.id} {person.name}"
    for report in unit.reports:
        if report.id == person_id:
            return f"{report.id} {report.name}"
    return person_id


def _reports(campaign: Campaign, unit: UnitData, window: Window) -> Iterator[Reminder]:
    due = deadlines.report_due(campaign)
    state = window.state(due)
    if state is None:
        return
    folder = f"submissions/{unit.code}"
    if not unit.files:
        yield Reminder(
            unit.code,
            REPORTS,
            state,
            due,
            "",
            "本单位还没有提交任何填报文件（单位情况、登记备案名单、报告表）。",
            folder,
        )
        return
    reported = {r.id for r in unit.reports} | unit.unreadable_report_ids
    for person in unit.roster:
        if person.id in reported or person.revoked is not None or person.category == RETIRED_CATEGORY:
            continue
        yield Reminder(
            unit.code,
            REPORTS,
            state,
            due,
            f"{person.id} {person.name}",
            "还没有《报告表》（无情况的也要「零报告」）。",
            f"{folder}/报告/{person.id}-{person.name}.yaml",
        )


def _roster(campaign: Campaign, unit: UnitData, window: Window) -> Iterator[Reminder]:
    day = campaign.monthly_report_day
    for person in unit.roster:
        who = f"{person.id} {person.name}"
        for change in person.changes:
            if change.reported is None:
                due = deadlines.roster_due(change, day)
                state = window.state(due)
                if state is None or change.date > window.today:
                    continue
                yield Reminder(
                    unit.code,
                    ROSTER,
                    state,
                    due,
                    who,
                    f"{change.date.isoformat()}「{change.kind}」还没有报送公安机关出入境管理部门"
                    f"（应于{deadlines.roster_due_text(change, day)}报送）。",
                    change.src.path,
                )
            elif change.entered is None:
                entry_due = deadlines.police_entry_due(change)
                if entry_due is not None and window.today > entry_due:
                    yield Reminder(
                        unit.code,
                        POLICE_ENTRY,
                        OVERDUE,
                        entry_due,
                        who,
                        f"「{change.kind}」已于 {change.reported.isoformat()} 报送，1个工作日内应完成入库，"
                        "至今未填公安入库日期：请与公安机关出入境管理部门核实后填写。",
                        change.src.path,
                    )


def _returns(campaign: Campaign, unit: UnitData, window: Window) -> Iterator[Reminder]:
    for item in unit.custody:
        for loan in item.loans:
            if loan.returned is not None:
                continue
            due = deadlines.loan_due(campaign, unit, loan)
            state = window.state(due)
            if state is None or due is None:
                continue
            yield Reminder(
                unit.code,
                RETURNS,
                state,
                due,
                _who(unit, item.person_id),
                f"{item.type} {document_number(item.number)} 于 {loan.date.isoformat()} 领用（审批 {loan.approval_id}），"
                f"回国（境）后 {campaign.return_days} 天内应交回保管。",
                item.src.path,
            )


def _opinions(campaign: Campaign, unit: UnitData, window: Window) -> Iterator[Reminder]:
    for approval in unit.approvals:
        if approval.result != "待审批" or approval.opinion is not None:
            continue
        exit_day = approval.planned_exit
        state = window.state(exit_day) or OPEN
        yield Reminder(
            unit.code,
            OPINION,
            state,
            exit_day,
            _who(unit, approval.person_id),
            f"审批 {approval.id}（{approval.applied.isoformat()} 申请，计划 {exit_day.isoformat()} 出境）"
            "还没有同级纪检监察部门的意见：审批前必须事先征求。",
            approval.src.path,
        )


def _rectification(campaign: Campaign, unit: UnitData, window: Window) -> Iterator[Reminder]:
    inspection = unit.inspection
    if inspection is None:
        return
    problems = {p.id: p for p in inspection.problems}
    answered = {r.problem_id for r in unit.rectifications}
    target = f"submissions/{unit.code}/整改.yaml"
    for problem in inspection.problems:
        if problem.id in answered:
            continue
        state = window.state(problem.deadline) or OPEN
        yield Reminder(
            unit.code,
            RECTIFY,
            state,
            problem.deadline,
            "",
            f"检查问题 {problem.id}（{problem.aspect}）还没有整改措施：{mask_text(problem.description)}",
            target,
        )
    for item in unit.rectifications:
        item_state = None if item.done else window.state(item.due)
        if item_state is None:
            continue
        answers = problems.get(item.problem_id)
        about = f"（{answers.aspect}）" if answers else ""
        yield Reminder(
            unit.code,
            RECTIFY,
            item_state,
            item.due,
            "",
            f"整改 {item.id}：问题 {item.problem_id}{about}「{mask_text(item.measure)}」{item.status}，"
            f"责任人 {item.owner_name}（{item.owner_post}）。",
            item.src.path,
        )
