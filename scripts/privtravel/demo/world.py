"""The generator's own mutable picture of a campaign, before it is written out as declarations."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

CUSTODY, SELF, COMMISSION = "custody", "self", "commission"  # who keeps a document
COMMISSION_OFFICE = "委政治处"


@dataclass
class Change:
    date: dt.date
    kind: str
    reported: dt.date | None
    entered: dt.date | None
    note: str | None = None


@dataclass
class Loan:
    date: dt.date
    approval: Approval
    returned: dt.date | None
    handler: str


@dataclass
class Doc:
    type: str
    number: str
    issued: dt.date
    expires: dt.date
    keeper: str  # CUSTODY, SELF or COMMISSION
    deposited: dt.date | None = None
    removal: tuple[dt.date, str, str | None] | None = None
    loans: list[Loan] = field(default_factory=list)
    in_report: bool = True
    note: str | None = None


@dataclass
class Approval:
    applied: dt.date
    reason: str
    places: tuple[str, ...]
    planned_exit: dt.date
    planned_entry: dt.date
    opinion: tuple[str, dt.date, str] | None
    body: str
    approver: str
    approved_on: dt.date
    strict_omitted: bool = False
    id: str = ""
    nth: int = 0


@dataclass
class Trip:
    exit: dt.date
    entry: dt.date | None  # None: still abroad on the police data date
    places: tuple[str, ...]
    reason: str
    doc: Doc
    port: str
    approval: Approval | None
    loan: Loan | None
    in_report: bool = True


@dataclass
class Person:
    id: str
    name: str
    sex: str
    birth: dt.date
    id_number: str
    post: str
    category: str
    commission: bool
    grounds: list[str]
    changes: list[Change]
    docs: list[Doc] = field(default_factory=list)
    trips: list[Trip] = field(default_factory=list)
    in_roster: bool = True
    exempt: bool = False
    report_missing: bool = False
    signed: dt.date = dt.date(2019, 6, 5)
    other: str | None = None
    planted: str | None = None

    @property
    def revoked(self) -> bool:
        return any(c.kind in ("调离", "退休", "死亡") for c in self.changes)


@dataclass
class Case:
    id: str
    person: Person
    kinds: tuple[str, ...]
    description: str
    found_on: dt.date
    found_by: str
    handlings: list[tuple[str, dt.date, str, str | None]]
    accountable: list[tuple[str | None, str, str, str, str, dt.date]]


@dataclass
class Unit:
    code: str
    name: str
    region: str
    party: str
    discipline: str
    kind: str
    area_phone: str
    people: list[Person] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    rules: list[tuple[str, str | None, dt.date, dt.date | None]] = field(default_factory=list)
    custody_office: str = "组织人事科"
    keeper: str = ""
    cabinet: bool = True
    filler: str = ""
    phone: str = ""
    reviewer: str = ""
    secretary: str = ""
    extra_staff: int = 0

    def person_by_post(self, post: str) -> Person | None:
        for person in self.people:
            if person.post == post:
                return person
        return None
