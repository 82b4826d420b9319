"""What every planting module shares: the findings' titles, what was planted, and who may still be used."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from privtravel.demo.context import Context
from privtravel.demo.travel import GAP, busy
from privtravel.demo.world import Case, Doc, Person, Trip, Unit

HIDE_DOC = "瞒报持有因私证照"
HIDE_TRIP = "瞒报出国境情况"
UNAPPROVED = "未经批准擅自出国(境)"
DEVIATION = "未按审批要求出国境"
NOT_HANDED_IN = "应交未交"
OVERDUE = "证件逾期未交回"
LAX = "审批把关不严"
UNREGISTERED = "应备未备"
NO_REPORT = "应报未报"
NO_RULES = "制度未建"
LATE_CHANGE = "登记备案变动未按时报送"  # the cross-check's own titles for these two kinds of 应备未备
LATE_ENTRY = "公安未在1个工作日内入库"

METHODS = ("批评教育", "诫勉", "调离岗位", "责令辞职", "免职", "降职", "移交纪检监察机关")


@dataclass
class Planted:
    kind: str
    unit: Unit
    person: Person | None
    findings: tuple[str, ...]
    check: tuple[str, ...] = ()
    trip: Trip | None = None
    doc: Doc | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    case: Case | None = None


@dataclass
class Hit:
    """What a planting function touched."""

    trip: Trip | None = None
    doc: Doc | None = None
    extra: dict[str, Any] = field(default_factory=dict)


PersonPlant = Callable[[Context, Unit, Person], Hit | None]


def ordinary(person: Person) -> bool:
    return (
        person.planted is None
        and person.in_roster
        and not person.commission
        and not person.exempt
        and not person.revoked
        and not person.grounds
        and person.category != "退休满1年的市管干部"
    )


def loan_trips(person: Person, doc_type: str | None = None) -> list[Trip]:
    return [
        t
        for t in person.trips
        if t.loan is not None
        and t.in_report
        and t.entry is not None
        and (doc_type is None or t.doc.type == doc_type)
    ]


def free_except(person: Person, trip: Trip, start: dt.date, end: dt.date) -> bool:
    others = [p for t, p in zip(person.trips, busy(person), strict=True) if t is not trip]
    return all(end + GAP < s or start - GAP > e for s, e in others)


def doc_of(person: Person, doc_type: str) -> Doc | None:
    for doc in person.docs:
        if doc.type == doc_type:
            return doc
    return None


def days(ctx: Context, low: int, high: int) -> dt.timedelta:
    return dt.timedelta(days=ctx.rng.randrange(low, high + 1))
