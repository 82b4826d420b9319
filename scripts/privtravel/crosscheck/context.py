"""Everything the finding families look at, indexed once (by ID number, document number, unit and id).

Every lookup is a dict access: matching costs time in proportion to the records, never people ×
crossings.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from privtravel.crosscheck.trips import Travel, pair
from privtravel.model import (
    Approval,
    Campaign,
    Case,
    CrosscheckSettings,
    CustodyItem,
    Report,
    RosterPerson,
    UnitData,
)
from privtravel.police import delivery
from privtravel.police.records import Crossing, Holding, PoliceData

if TYPE_CHECKING:
    from privtravel.crosscheck.links import TripLink

RETIRED_CATEGORY = "退休满1年的市管干部"


@dataclass(frozen=True, slots=True)
class Registered:
    """A roster entry: the unit that registered the person, and the entry."""

    unit: str
    person: RosterPerson

    @property
    def start(self) -> dt.date:
        return self.person.changes[0].date

    def active_on(self, day: dt.date) -> bool:
        revoked = self.person.revoked
        return self.start <= day and (revoked is None or revoked.date > day)


@dataclass(slots=True)
class Context:
    campaign: Campaign
    units: dict[str, UnitData]
    police: PoliceData
    as_of: dt.date
    unit_order: list[str] = field(default_factory=list)
    roster: dict[str, list[Registered]] = field(default_factory=dict)  # by ID number
    reports: dict[tuple[str, str], Report] = field(default_factory=dict)  # (unit, person id)
    approvals: dict[tuple[str, str], list[Approval]] = field(default_factory=dict)  # (unit, person id)
    approval_ids: dict[tuple[str, str], Approval] = field(default_factory=dict)  # (unit, approval id)
    custody: dict[str, list[tuple[str, CustodyItem]]] = field(default_factory=dict)  # by number
    cases: dict[tuple[str, str], Case] = field(default_factory=dict)  # (unit, case id)
    holdings: dict[str, list[Holding]] = field(default_factory=dict)  # by ID number
    travel: dict[str, Travel] = field(default_factory=dict)  # by ID number
    links: dict[str, list[TripLink]] = field(default_factory=dict)  # by ID number, see links.py

    @property
    def settings(self) -> CrosscheckSettings:
        return self.campaign.crosscheck

    def entry_for(self, id_number: str) -> Registered | None:
        """The roster entry that answers for this person: active on the data date, else the latest."""
        entries = self.roster.get(id_number)
        if not entries:
            return None
        active = [e for e in entries if e.active_on(self.as_of)]
        chosen = active or sorted(entries, key=lambda e: e.person.changes[-1].date, reverse=True)
        return chosen[0]

    def report_for(self, id_number: str) -> Report | None:
        for entry in self._preferred(id_number):
            report = self.reports.get((entry.unit, entry.person.id))
            if report is not None:
                return report
        return None

    def approvals_for(self, id_number: str) -> list[tuple[str, Approval]]:
        return [
            (e.unit, a)
            for e in self._preferred(id_number)
            for a in self.approvals.get((e.unit, e.person.id), ())
        ]

    def registered_on(self, id_number: str, day: dt.date) -> bool:
        return any(e.active_on(day) for e in self.roster.get(id_number, ()))

    def _preferred(self, id_number: str) -> list[Registered]:
        chosen = self.entry_for(id_number)
        entries = self.roster.get(id_number, [])
        return ([chosen] if chosen else []) + [e for e in entries if e is not chosen]


def build(campaign: Campaign, units: dict[str, UnitData], police: PoliceData) -> Context:
    ctx = Context(campaign, units, police, delivery.data_date(campaign, police))
    configured = [u.code for u in campaign.units]
    ctx.unit_order = configured + sorted(set(units) - set(configured))
    roster: dict[str, list[Registered]] = defaultdict(list)
    custody: dict[str, list[tuple[str, CustodyItem]]] = defaultdict(list)
    approvals: dict[tuple[str, str], list[Approval]] = defaultdict(list)
    for code in ctx.unit_order:
        unit = units.get(code)
        if unit is None:
            continue
        for person in unit.roster:
            roster[person.id_number].append(Registered(code, person))
        for report in unit.reports:
            ctx.reports.setdefault((code, report.id), report)
        for approval in unit.approvals:
            approvals[(code, approval.person_id)].append(approval)
            ctx.approval_ids.setdefault((code, approval.id), approval)
        for item in unit.custody:
            custody[item.number].append((code, item))
        for case in unit.cases:
            ctx.cases.setdefault((code, case.id), case)
    ctx.roster = dict(roster)
    ctx.custody = dict(custody)
    ctx.approvals = dict(approvals)
    holdings: dict[str, list[Holding]] = defaultdict(list)
    for holding in police.holdings:
        holdings[holding.id_number].append(holding)
    ctx.holdings = dict(holdings)
    crossings: dict[str, list[Crossing]] = defaultdict(list)
    for crossing in police.crossings:
        crossings[crossing.id_number].append(crossing)
    ctx.travel = {ident: pair(items) for ident, items in crossings.items()}
    return ctx
