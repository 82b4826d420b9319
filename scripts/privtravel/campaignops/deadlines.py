"""When each thing the notice asks for is due, from campaign.yaml and the declarations.

The one place deadlines are computed and worded: the cross-check (a finding), the reminders and the
dashboard all call these, so a deadline reads the same day everywhere.  「每月25日前」 is the last working
day on or before the 25th; 「N 天内」 ends on its N-th day, moved to the next working day (workdays.py).
"""

from __future__ import annotations

import datetime as dt

from privtravel import workdays
from privtravel.model import Approval, Campaign, Loan, RosterChange, UnitData


def roster_month(change_date: dt.date, report_day: int) -> tuple[int, int]:
    """The month whose report to the police carries a change: 每月25日前报送.

    A change up to the 25th goes in that month's report; one after the 25th in the next month's.
    """
    year, month = change_date.year, change_date.month
    if change_date.day > report_day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return year, month


def roster_nominal(change: RosterChange, report_day: int) -> dt.date:
    year, month = roster_month(change.date, report_day)
    return dt.date(year, month, report_day)


def roster_due(change: RosterChange, report_day: int) -> dt.date:
    """The last working day on or before the 25th of the change's report month."""
    return workdays.fixed_deadline(roster_nominal(change, report_day))


def cn_date(day: dt.date) -> str:
    """2019年5月24日 — the notice's way of writing a date."""
    return f"{day.year}年{day.month}月{day.day}日"


def roster_due_text(change: RosterChange, report_day: int) -> str:
    """「2019年5月24日前」, saying why when the 25th itself is not a working day."""
    nominal, due = roster_nominal(change, report_day), roster_due(change, report_day)
    why = (
        "" if due == nominal else f"（每月{report_day}日前报送，{nominal.month}月{nominal.day}日不是工作日）"
    )
    return f"{cn_date(due)}前{why}"


def return_due(back: dt.date, days: int) -> dt.date:
    """回国（境）后 N 天内交回: the N-th day after coming back, moved past weekends and holidays."""
    return workdays.period_end(back, days)


def return_due_text(back: dt.date, days: int) -> str:
    due, plain = return_due(back, days), back + dt.timedelta(days=days)
    why = "" if due == plain else f"（回国（境）后 {days} 天内，第 {days} 天不是工作日，顺延）"
    return f"{cn_date(due)}前{why}"


def report_due(campaign: Campaign) -> dt.date:
    return workdays.fixed_deadline(campaign.report_deadline)


def police_entry_due(change: RosterChange) -> dt.date | None:
    """公安机关在1个工作日内完成信息入库."""
    return None if change.reported is None else workdays.next_workday(change.reported)


def loan_back_from(unit: UnitData, approval_id: str) -> dt.date | None:
    """The day the holder came back: the report's trip on this approval, else the planned entry date."""
    for report in unit.reports:
        for trip in report.trips:
            if trip.approval_id == approval_id:
                return trip.entry
    approval: Approval | None = next((a for a in unit.approvals if a.id == approval_id), None)
    return None if approval is None else approval.planned_entry


def loan_due(campaign: Campaign, unit: UnitData, loan: Loan) -> dt.date | None:
    back = loan_back_from(unit, loan.approval_id)
    return None if back is None else return_due(back, campaign.return_days)
