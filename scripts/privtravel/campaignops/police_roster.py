"""The month's 登记备案 changes for the police (公安机关出入境管理部门): which, and in what words.

A change goes in the report of the month whose 25th (每月报送日) is its deadline: changes up to the
25th in that month's report, later ones in the next month's.  A month counts as sent for a unit once
any of its changes has a 报送公安日期; a change of that month without one was added afterwards and
is shown as 补报.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from privtravel.campaignops.deadlines import roster_month
from privtravel.load.repository import Repository
from privtravel.model import RosterChange, RosterPerson, UnitConfig

NEW, CHANGED, REVOKED = "新增", "变更", "撤销"
CLASS = {
    "新增": NEW,
    "工作单位变更": CHANGED,
    "现任职务变更": CHANGED,
    "人事主管部门变更": CHANGED,
    "调离": REVOKED,
    "退休": REVOKED,
    "死亡": REVOKED,
}
SENT, UNSENT, LATE = "已报送", "未报送", "补报"


@dataclass(frozen=True, slots=True)
class RosterLine:
    unit: UnitConfig
    person: RosterPerson
    change: RosterChange
    status: str  # SENT, UNSENT or LATE
    note: str  # e.g. 「已于 2019-06-24 报送」

    @property
    def category(self) -> str:
        return CLASS[self.change.kind]


def parse_month(text: str) -> tuple[int, int]:
    try:
        day = dt.date.fromisoformat(f"{text}-01")
    except ValueError:
        return (0, 0)
    return (day.year, day.month) if len(text) == 7 else (0, 0)


def month_lines(
    repo: Repository, year: int, month: int, units: Iterable[str] | None = None
) -> list[RosterLine]:
    """Every change of the month, unit by unit in campaign order, then by date and person."""
    campaign = repo.campaign
    assert campaign is not None
    wanted = None if units is None else set(units)
    out: list[RosterLine] = []
    for config in campaign.units:
        unit = repo.units.get(config.code)
        if unit is None or (wanted is not None and config.code not in wanted):
            continue
        picked = [
            (person, change)
            for person in unit.roster
            for change in person.changes
            if roster_month(change.date, campaign.monthly_report_day) == (year, month)
        ]
        sent_on = sorted({c.reported for _, c in picked if c.reported is not None})
        for person, change in sorted(picked, key=lambda pc: (pc[1].date, pc[0].id)):
            if change.reported is not None:
                status, note = SENT, f"已于 {change.reported.isoformat()} 报送"
            elif sent_on:
                status, note = LATE, f"本月已于 {sent_on[0].isoformat()} 报送，此条为其后补报"
            else:
                status, note = UNSENT, ""
            out.append(RosterLine(config, person, change, status, note))
    return out


def earlier_unsent(repo: Repository, year: int, month: int, units: Iterable[str] | None = None) -> list[str]:
    """Months before this one that still have changes not sent (to say so, not to include them)."""
    campaign = repo.campaign
    assert campaign is not None
    wanted = None if units is None else set(units)
    months: set[tuple[int, int]] = set()
    for code, unit in repo.units.items():
        if wanted is not None and code not in wanted:
            continue
        for person in unit.roster:
            for change in person.changes:
                key = roster_month(change.date, campaign.monthly_report_day)
                if change.reported is None and key < (year, month):
                    months.add(key)
    return [f"{y:04d}-{m:02d}" for y, m in sorted(months)]
