"""Who must report and how each has: one partition of a unit's 应报告 people, used by every summary.

The 应报告 people are the roster's active entries (not revoked) except 退休满1年的市管干部, who are no
longer serving.  Each of them is exactly one of: 报告表, 零报告, 免报, 报告有错误 (a report file that failed
validation), 未报告.  Reports of anyone else (not on the roster, revoked, retired) are counted apart as
「名单外的报告」, never inside the partition, so every line that shows these figures adds up.
"""

from __future__ import annotations

from dataclasses import dataclass

from privtravel.model import REPORT_EXEMPT, REPORT_FILED, REPORT_ZERO, Report, RosterPerson, UnitData

RETIRED_CATEGORY = "退休满1年的市管干部"

FILED = "报告表"
ZERO = "零报告"
EXEMPT = "免报"
UNREADABLE = "报告有错误"
MISSING = "未报告"
PARTS = (FILED, ZERO, EXEMPT, UNREADABLE, MISSING)
_BY_KIND = {REPORT_FILED: FILED, REPORT_ZERO: ZERO, REPORT_EXEMPT: EXEMPT}


def must_report(person: RosterPerson) -> bool:
    return person.revoked is None and person.category != RETIRED_CATEGORY


@dataclass(frozen=True, slots=True)
class Coverage:
    due: tuple[RosterPerson, ...]  # 应报告, in roster order
    state: dict[str, str]  # 编号 of each due person -> one of PARTS
    outside: tuple[Report, ...]  # reports of people who are not 应报告 (off the roster, revoked, retired)
    off_roster: tuple[Report, ...]  # of those, the ones whose 编号 the roster does not have at all

    def count(self, part: str) -> int:
        return sum(1 for s in self.state.values() if s == part)

    def parts(self) -> list[tuple[str, int]]:
        """The partition of 应报告 (报告有错误 only when there is one), in a fixed order."""
        return [(p, self.count(p)) for p in PARTS if p != UNREADABLE or self.count(p)]


def coverage(unit: UnitData) -> Coverage:
    reports: dict[str, Report] = {}
    for report in unit.reports:
        reports.setdefault(report.id, report)
    due: list[RosterPerson] = []
    state: dict[str, str] = {}
    for person in unit.roster:
        if not must_report(person) or person.id in state:
            continue  # a duplicated 编号 (R310) counts once
        due.append(person)
        found = reports.get(person.id)
        if found is not None:
            state[person.id] = _BY_KIND.get(found.kind, FILED)
        elif person.id in unit.unreadable_report_ids:
            state[person.id] = UNREADABLE
        else:
            state[person.id] = MISSING
    on_roster = {p.id for p in unit.roster}
    outside = tuple(r for r in unit.reports if r.id not in state)
    off_roster = tuple(r for r in outside if r.id not in on_roster)
    return Coverage(tuple(due), state, outside, off_roster)
