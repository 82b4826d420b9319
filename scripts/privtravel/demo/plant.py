"""Planted situations: everything the notice cares about, put on purpose into a clean campaign.

Each kind has a stable name, the findings the police cross-check should report for it (empty for
situations that must *not* become findings) and the ``check`` codes it causes (warnings only).
``Planted`` keeps references to the records it touched, so the manifest can name approval
numbers that are only assigned when the campaign is finalised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from privtravel.demo import lexicon as lx
from privtravel.demo.baseline import (
    GAP,
    Context,
    add_trip,
    available_from,
    busy,
    free,
    on_time_change,
    registered_on,
)
from privtravel.demo.numbers import DAY, between, document_number, id_number, next_workday, plus_years
from privtravel.demo.numbers import workday_on_or_after as workday_from
from privtravel.demo.options import POLICE_DATA_DATE
from privtravel.demo.world import (
    CUSTODY,
    SELF,
    Case,
    Change,
    Doc,
    Person,
    Trip,
    Unit,
)

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


def _days(ctx: Context, low: int, high: int) -> dt.timedelta:
    return dt.timedelta(days=ctx.rng.randrange(low, high + 1))


# --- who reports ---------------------------------------------------------------------------------


def zero_report(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    return Hit() if ordinary(p) and not p.docs and not p.trips else None


def exempt_city_leader(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if p.planted or p.id != "0001" or not p.docs:
        return None
    p.exempt = True
    p.trips.clear()
    return Hit(extra={"说明": "市管领导干部，已填报个人有关事项报告；证件由委政治处保管，报告表为免报记录"})


def retired_cadre(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.docs or p.trips:
        return None
    p.category = "退休满1年的市管干部"
    p.post = f"原{p.post}（已退休）"
    p.birth = between(ctx.rng, dt.date(1950, 1, 1), dt.date(1957, 12, 31))
    p.id_number = id_number(ctx.rng, p.id_number[:6], p.birth, p.sex, ctx.id_numbers)
    p.report_missing = True
    return Hit(extra={"说明": "退休满1年的市管干部，保留登记备案，无需填报报告表"})


def missing_report(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.docs or p.trips:
        return None
    p.report_missing = True
    return Hit(extra={"说明": "登记备案人员未交报告表（无证件、无出国境记录）"})


# --- strict review ---------------------------------------------------------------------------------


def _strict(ground: str, other: Callable[[Context], str]) -> PersonPlant:
    def plant(ctx: Context, unit: Unit, p: Person) -> Hit | None:
        trips = [t for t in p.trips if t.approval is not None]
        if not ordinary(p) or not trips:
            return None
        p.grounds.append(ground)
        p.other = other(ctx)
        return Hit(trip=trips[0], extra={"从严审查情形": ground})

    return plant


strict_spouse_emigrated = _strict(
    "配偶已移居国（境）外",
    lambda ctx: f"配偶已于2016年取得{ctx.rng.choice(('加拿大', '澳大利亚', '美国'))}永久居留权。",
)
strict_children_emigrated = _strict(
    "没有配偶，子女均已移居国（境）外",
    lambda ctx: f"本人无配偶，子女均已移居{ctx.rng.choice(('新西兰', '英国', '新加坡'))}。",
)


def strict_key_post(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = [t for t in p.trips if t.approval is not None]
    if p.planted or p.commission or not p.grounds or not trips or p.revoked:
        return None
    return Hit(trip=trips[0], extra={"从严审查情形": p.grounds[0], "现任职务": p.post})


def commission_cadre(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if p.planted or not p.commission or p.exempt or not p.docs:
        return None
    return Hit(
        doc=p.docs[0], extra={"说明": "委管干部：报告表和证件由委政治处保存，不在本单位证件保管登记册中"}
    )


# --- documents -------------------------------------------------------------------------------------


def document_in_custody(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    docs = [d for d in p.docs if d.keeper == CUSTODY and not d.loans]
    return Hit(doc=docs[0]) if ordinary(p) and docs else None


def _unused_passport(p: Person) -> Doc | None:
    doc = doc_of(p, "普通护照")
    if doc is None or doc.keeper != CUSTODY or any(t.doc is doc for t in p.trips):
        return None
    return doc


def _old_passport(ctx: Context, p: Person, doc: Doc, first: dt.date, last: dt.date) -> None:
    doc.issued = between(ctx.rng, first, last)
    doc.number = document_number(ctx.rng, doc.type, doc.issued, ctx.doc_numbers)
    doc.expires = plus_years(doc.issued, 10)
    doc.deposited = max(doc.issued, registered_on(p)) + _days(ctx, 3, 20)


def document_expired_in_scope(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    doc = _unused_passport(p)
    if not ordinary(p) or doc is None:
        return None
    _old_passport(ctx, p, doc, dt.date(2008, 3, 1), dt.date(2008, 10, 31))
    doc.removal = (doc.expires + _days(ctx, 1, 30), "证件失效", None)
    doc.note = "已过期"
    return Hit(doc=doc, extra={"说明": "2018年1月1日以后失效的护照，在报告范围内，已移出保管"})


def _renew(ctx: Context, p: Person, old: Doc) -> Doc:
    issued = old.expires + _days(ctx, -60, 30)
    new = ctx.doc(old.type, issued, CUSTODY, issued + _days(ctx, 3, 20))
    old.removal = (new.deposited or issued, "证件失效", "换发新证")
    p.docs.append(new)
    return new


def passport_renewed(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    old = _unused_passport(p)
    if not ordinary(p) or old is None:
        return None
    _old_passport(ctx, p, old, dt.date(2008, 1, 1), dt.date(2008, 12, 31))
    old.note = "已过期，已换发新护照"
    new = _renew(ctx, p, old)
    return Hit(
        doc=new,
        extra={"旧证件": old.number, "说明": "旧护照2018年以后失效，新旧护照都在报告表和保管登记册中"},
    )


def renewed_old_expired_before_cutoff(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    old = _unused_passport(p)
    if not ordinary(p) or old is None or registered_on(p) > dt.date(2015, 12, 31):
        return None
    _old_passport(ctx, p, old, dt.date(2006, 3, 1), dt.date(2007, 6, 30))
    old.in_report = False
    new = _renew(ctx, p, old)
    return Hit(
        doc=new,
        extra={
            "旧证件": old.number,
            "说明": "旧护照2018年1月1日以前失效，不在报告范围内（公安持证信息中为已失效）",
        },
    )


def document_not_reported(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or doc_of(p, "往来港澳通行证") is not None:
        return None
    doc = ctx.doc("往来港澳通行证", between(ctx.rng, dt.date(2018, 1, 1), dt.date(2019, 1, 31)), SELF, None)
    doc.in_report = False
    p.docs.append(doc)
    return Hit(doc=doc, extra={"说明": "公安持有效证件信息，报告表未填报，证件由本人持有"})


def document_not_in_custody(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.docs:
        return None
    doc = ctx.doc("普通护照", between(ctx.rng, dt.date(2016, 1, 1), dt.date(2018, 12, 31)), SELF, None)
    p.docs.append(doc)
    return Hit(doc=doc, extra={"说明": "报告表如实填报，保管机构为本人，未交本单位保管"})


def new_registration(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.docs or p.trips:
        return None
    p.changes = [on_time_change(ctx, dt.date(2019, 5, 1), dt.date(2019, 5, 12), "新增")]
    issued = between(ctx.rng, dt.date(2018, 3, 1), dt.date(2019, 3, 31))
    doc = ctx.doc("往来港澳通行证", issued, CUSTODY, p.changes[0].date + _days(ctx, 3, 8))
    p.docs.append(doc)
    return Hit(doc=doc, extra={"说明": "2019年5月新增登记备案，证件随即收缴"})


def revoked_transferred(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.trips or not p.docs or any(d.keeper != CUSTODY for d in p.docs):
        return None
    change = on_time_change(ctx, dt.date(2019, 3, 1), dt.date(2019, 4, 30), "调离", "调往外市工作")
    p.changes.append(change)
    for doc in p.docs:
        doc.removal = (change.date, "调离", "随本人调离，证件交还本人")
    p.report_missing = True
    return Hit(extra={"说明": "2019年调离，撤销登记备案，证件移出保管，无需填报报告表"})


def illegal_application(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or p.docs or p.trips:
        return None
    issued = between(ctx.rng, dt.date(2019, 1, 10), dt.date(2019, 3, 31))
    doc = ctx.doc("普通护照", issued, CUSTODY, between(ctx.rng, dt.date(2019, 5, 6), dt.date(2019, 5, 17)))
    p.docs.append(doc)
    return Hit(doc=doc, extra={"说明": "未经组织同意办理护照，发现后收缴（违规办理因私证照，已立案处理）"})


# --- trips -------------------------------------------------------------------------------------------


def _new_trip(
    ctx: Context,
    unit: Unit,
    p: Person,
    doc: Doc,
    places: tuple[str, ...],
    port: str,
    first: dt.date,
    last: dt.date,
    days: int,
    *,
    approved: bool = True,
) -> Trip | None:
    low = max(first, available_from(doc) + 45 * DAY)
    if low > last or doc.expires < last + 30 * DAY:
        return None
    for _ in range(8):
        exit_day = between(ctx.rng, low, last)
        entry_day = exit_day + dt.timedelta(days=days)
        if free(p, exit_day - 45 * DAY, entry_day + 10 * DAY):
            return add_trip(ctx, unit, p, doc, exit_day, entry_day, places, port, approved=approved)
    return None


def trip_matches_approval(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = loan_trips(p)
    return Hit(trip=trips[0]) if ordinary(p) and trips else None


def trip_within_approval(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = [t for t in loan_trips(p, "普通护照") if t.entry and (t.entry - t.exit).days >= 4]
    if not ordinary(p) or not trips:
        return None
    approval = trips[0].approval
    assert approval is not None
    approval.planned_exit -= DAY
    approval.planned_entry += 2 * DAY
    return Hit(trip=trips[0], extra={"说明": "实际行程在批准的起止日期之内（晚1天出境，早2天入境）"})


def trip_over_new_year(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    doc = doc_of(p, "普通护照")
    if not ordinary(p) or doc is None or doc.keeper != CUSTODY:
        return None
    year = ctx.rng.choice((2016, 2017, 2018))
    trip = _new_trip(
        ctx,
        unit,
        p,
        doc,
        (ctx.rng.choice(lx.ABROAD),),
        ctx.rng.choice(lx.AIR_PORTS),
        dt.date(year, 12, 27),
        dt.date(year, 12, 30),
        ctx.rng.randrange(4, 8),
    )
    return None if trip is None else Hit(trip=trip, extra={"说明": "跨年度行程，按批准日期往返"})


def same_day_return(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    doc = doc_of(p, "往来港澳通行证")
    if not ordinary(p) or doc is None or doc.keeper != CUSTODY:
        return None
    trip = _new_trip(
        ctx, unit, p, doc, ("香港",), "深圳罗湖口岸", dt.date(2017, 3, 1), dt.date(2018, 12, 1), 0
    )
    return (
        None if trip is None else Hit(trip=trip, extra={"说明": "当日往返香港：同一天有出境和入境两条记录"})
    )


def multi_destination(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    doc = doc_of(p, "普通护照")
    if not ordinary(p) or doc is None or doc.keeper != CUSTODY:
        return None
    first, second = ctx.rng.sample(lx.ABROAD, 2)
    trip = _new_trip(
        ctx,
        unit,
        p,
        doc,
        (first, second),
        ctx.rng.choice(lx.AIR_PORTS),
        dt.date(2016, 6, 1),
        dt.date(2019, 3, 31),
        ctx.rng.randrange(8, 13),
    )
    return (
        None
        if trip is None
        else Hit(trip=trip, extra={"说明": "一次行程前往两个国家，出境记录为第一站、入境记录为最后一站"})
    )


def still_abroad(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    doc = doc_of(p, "普通护照")
    if not ordinary(p) or doc is None or doc.keeper != CUSTODY or doc.expires < dt.date(2020, 1, 1):
        return None
    if not free(p, dt.date(2019, 5, 25), dt.date(2019, 7, 20)):
        return None
    trip = _planned_trip(ctx, unit, p, doc, POLICE_DATA_DATE, dt.date(2019, 7, 6))
    trip.entry = None
    return Hit(trip=trip, extra={"说明": "公安数据截止日当天出境，尚未入境；证件已按审批领用"})


def document_checked_out(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    doc = doc_of(p, "普通护照")
    if not ordinary(p) or doc is None or doc.keeper != CUSTODY or doc.expires < dt.date(2020, 1, 1):
        return None
    if not free(p, dt.date(2019, 5, 25), dt.date(2019, 7, 25)):
        return None
    trip = _planned_trip(ctx, unit, p, doc, dt.date(2019, 7, 3), dt.date(2019, 7, 10))
    return Hit(trip=trip, extra={"说明": "已批准、证件已领用，计划在公安数据截止日之后出境"})


def _planned_trip(
    ctx: Context, unit: Unit, p: Person, doc: Doc, exit_day: dt.date, entry_day: dt.date
) -> Trip:
    """A trip approved in June 2019 whose document was checked out on 28 June and is still out."""
    place = ctx.rng.choice(lx.ABROAD)
    trip = add_trip(ctx, unit, p, doc, exit_day, entry_day, (place,), ctx.rng.choice(lx.AIR_PORTS))
    approval, loan = trip.approval, trip.loan
    assert approval is not None and loan is not None and approval.opinion is not None
    approval.applied = dt.date(2019, 6, 3)
    approval.opinion = ("同意", dt.date(2019, 6, 6), approval.opinion[2])
    approval.approved_on = dt.date(2019, 6, 11)
    loan.date = dt.date(2019, 6, 28)
    loan.returned = None
    trip.in_report = False
    return trip


def trip_not_reported(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = loan_trips(p)
    if not ordinary(p) or not trips:
        return None
    trips[-1].in_report = False
    return Hit(trip=trips[-1], extra={"说明": "经审批、按时领用交回证件，但报告表漏报这次出国（境）"})


def trip_without_approval(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p) or doc_of(p, "往来港澳通行证") is not None:
        return None
    doc = ctx.doc("往来港澳通行证", between(ctx.rng, dt.date(2016, 6, 1), dt.date(2018, 6, 30)), SELF, None)
    p.docs.append(doc)
    trip = _new_trip(
        ctx,
        unit,
        p,
        doc,
        ("澳门",),
        "珠海拱北口岸",
        dt.date(2017, 1, 1),
        dt.date(2019, 4, 30),
        ctx.rng.randrange(1, 4),
        approved=False,
    )
    if trip is None:
        p.docs.remove(doc)
        return None
    return Hit(trip=trip, extra={"说明": "自持往来港澳通行证，未经审批赴澳门，报告表如实填写「未经审批」"})


def trip_longer_than_approved(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    for trip in loan_trips(p, "普通护照") if ordinary(p) else []:
        assert trip.entry is not None and trip.loan is not None
        entry = trip.entry + _days(ctx, 5, 8)
        if free_except(p, trip, trip.exit, entry + 10 * DAY):
            trip.entry = entry
            trip.loan.returned = entry + _days(ctx, 0, 3)
            return Hit(trip=trip, extra={"说明": "实际入境日期比批准的计划入境日期晚5至8天"})
    return None


def trip_elsewhere(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    for trip in loan_trips(p, "普通护照") if ordinary(p) else []:
        if len(trip.places) == 1:
            trip.places = (ctx.rng.choice([c for c in lx.ABROAD if c != trip.places[0]]),)
            return Hit(trip=trip, extra={"说明": "实际前往的国家与批准的不同"})
    return None


def trip_early_exit(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    for trip in loan_trips(p, "普通护照") if ordinary(p) else []:
        assert trip.loan is not None and trip.approval is not None
        exit_day = trip.exit - _days(ctx, 3, 4)
        if exit_day - DAY > trip.approval.approved_on and free_except(p, trip, exit_day - 3 * DAY, trip.exit):
            trip.exit = exit_day
            trip.loan.date = exit_day - DAY
            return Hit(trip=trip, extra={"说明": "实际出境日期比批准的计划出境日期早3至4天"})
    return None


# --- approvals ---------------------------------------------------------------------------------------


def approval_after_departure(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = [t for t in p.trips if t.approval is not None and t.in_report]
    if p.planted or not p.commission or p.exempt or not trips:
        return None
    approval = trips[0].approval
    assert approval is not None and approval.opinion is not None
    approval.opinion = ("同意", trips[0].exit - 3 * DAY, approval.opinion[2])
    approval.approved_on = trips[0].exit + _days(ctx, 1, 3)
    return Hit(trip=trips[0], extra={"说明": "出境之后才补办审批（委管干部，证件由委政治处保管）"})


def approval_without_opinion(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = [t for t in p.trips if t.approval is not None and t.in_report]
    if not ordinary(p) or not trips:
        return None
    assert trips[0].approval is not None
    trips[0].approval.opinion = None
    return Hit(trip=trips[0], extra={"说明": "审批前未征求纪检监察部门意见"})


def opinion_after_approval(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = [t for t in p.trips if t.approval is not None and t.in_report]
    if not ordinary(p) or not trips:
        return None
    approval = trips[0].approval
    assert approval is not None and approval.opinion is not None
    approval.opinion = ("同意", approval.approved_on + _days(ctx, 1, 2), approval.opinion[2])
    return Hit(trip=trips[0], extra={"说明": "纪检监察意见晚于审批日期（事后补征求意见），仍在出境之前"})


def strict_without_review(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = [t for t in p.trips if t.approval is not None and t.in_report]
    if p.planted or p.commission or not p.grounds or not trips or p.revoked:
        return None
    assert trips[0].approval is not None
    trips[0].approval.strict_omitted = True
    return Hit(trip=trips[0], extra={"从严审查情形": p.grounds[0], "说明": "从严把关对象，审批未写从严审查"})


# --- custody -----------------------------------------------------------------------------------------


def overdue_return(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    for trip in loan_trips(p) if ordinary(p) else []:
        assert trip.entry is not None and trip.loan is not None
        returned = trip.entry + _days(ctx, 15, 25)
        if free_except(p, trip, trip.loan.date, returned):
            trip.loan.returned = returned
            return Hit(
                trip=trip,
                extra={"说明": "回国（境）后超过规定天数才交回证件", "交回日期": returned.isoformat()},
            )
    return None


def not_returned(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    trips = loan_trips(p)
    if not ordinary(p) or not trips:
        return None
    trip = trips[-1]
    if trip is not p.trips[-1] or trip.doc.loans[-1] is not trip.loan or trip.doc.removal is not None:
        return None
    assert trip.loan is not None
    trip.loan.returned = None
    return Hit(trip=trip, extra={"说明": "回国（境）后一直未交回证件"})


# --- roster ------------------------------------------------------------------------------------------


def roster_change_on_time(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p):
        return None
    change = on_time_change(ctx, dt.date(2019, 3, 1), dt.date(2019, 4, 30), "现任职务变更", f"改任{p.post}")
    p.changes.append(change)
    return Hit(extra=_change(change))


def roster_change_late(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p):
        return None
    day = between(ctx.rng, dt.date(2019, 2, 11), dt.date(2019, 2, 15))
    reported = workday_from(between(ctx.rng, dt.date(2019, 4, 26), dt.date(2019, 4, 29)))
    change = Change(day, "现任职务变更", reported, next_workday(reported), f"改任{p.post}")
    p.changes.append(change)
    return Hit(extra=_change(change) | {"说明": "变动发生在2月，4月25日以后才报送公安机关"})


def police_entry_late(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p):
        return None
    day = between(ctx.rng, dt.date(2019, 3, 4), dt.date(2019, 3, 8))
    reported = workday_from(dt.date(2019, 3, 18))
    change = Change(day, "现任职务变更", reported, next_workday(reported, 4), f"改任{p.post}")
    p.changes.append(change)
    return Hit(extra=_change(change) | {"说明": "公安机关接到后第4个工作日才入库"})


def roster_change_unreported(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    if not ordinary(p):
        return None
    day = between(ctx.rng, dt.date(2019, 3, 4), dt.date(2019, 3, 8))
    change = Change(day, "人事主管部门变更", None, None, "人事主管部门调整")
    p.changes.append(change)
    return Hit(extra=_change(change) | {"说明": "3月的变动至公安数据截止日仍未报送"})


def _change(change: Change) -> dict[str, Any]:
    return {
        "变动类型": change.kind,
        "日期": change.date.isoformat(),
        "报送公安日期": change.reported.isoformat() if change.reported else None,
        "公安入库日期": change.entered.isoformat() if change.entered else None,
    }


# --- unit-level situations -------------------------------------------------------------------------


def not_registered(ctx: Context, unit: Unit) -> Planted:
    rng = ctx.rng
    sex = rng.choice(("男", "女"))
    birth = between(rng, dt.date(1970, 1, 1), dt.date(1985, 12, 31))
    depts = lx.HOSPITAL_DEPTS if unit.kind == lx.HOSPITAL else lx.PUBLIC_DEPTS
    person = Person(
        id=f"{len(unit.people) + 1:04d}",
        name=ctx.name(sex),
        sex=sex,
        birth=birth,
        id_number=id_number(rng, rng.choice(lx.AREA_CODES), birth, sex, ctx.id_numbers),
        post=rng.choice(depts) + "副主任",
        category="本地本单位管理的人员",
        commission=False,
        grounds=[],
        changes=[],
        in_roster=False,
        signed=between(rng, dt.date(2019, 5, 20), dt.date(2019, 6, 10)),
        planted="not_registered",
    )
    doc = ctx.doc("普通护照", between(rng, dt.date(2015, 1, 1), dt.date(2018, 12, 31)), SELF, None)
    person.docs.append(doc)
    unit.people.append(person)
    return Planted(
        "not_registered",
        unit,
        person,
        (UNREGISTERED,),
        doc=doc,
        extra={"说明": "中层干部未登记备案；报告表填报了本人持有的护照，公安持证信息中有此人"},
    )


def unit_without_rules(ctx: Context, unit: Unit) -> Planted | None:
    if not unit.rules:
        return None
    unit.rules = []
    return Planted("unit_without_rules", unit, None, (NO_RULES,), extra={"说明": "管理制度: []"})


def rules_revised(ctx: Context, unit: Unit) -> Planted | None:
    if not unit.rules or unit.rules[0][3] is None:
        return None
    return Planted("rules_revised", unit, None, (), extra={"最近修订时间": unit.rules[0][3].isoformat()})


# --- the registry -----------------------------------------------------------------------------------

PERSON_KINDS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], PersonPlant], ...] = (
    ("exempt_city_leader", (), (), exempt_city_leader),
    ("commission_cadre", (), (), commission_cadre),
    ("approval_after_departure", (LAX,), (), approval_after_departure),
    ("strict_key_post", (), (), strict_key_post),
    ("strict_without_review", (LAX,), (), strict_without_review),
    ("retired_cadre", (), (), retired_cadre),
    ("missing_report", (NO_REPORT,), ("R307",), missing_report),
    ("zero_report", (), (), zero_report),
    ("new_registration", (), (), new_registration),
    ("illegal_application", (), (), illegal_application),
    ("document_not_in_custody", (NOT_HANDED_IN,), (), document_not_in_custody),
    ("document_not_reported", (HIDE_DOC, NOT_HANDED_IN), (), document_not_reported),
    ("trip_without_approval", (UNAPPROVED, NOT_HANDED_IN), (), trip_without_approval),
    ("revoked_transferred", (), (), revoked_transferred),
    ("document_in_custody", (), (), document_in_custody),
    ("document_expired_in_scope", (), (), document_expired_in_scope),
    ("passport_renewed", (), (), passport_renewed),
    ("renewed_old_expired_before_cutoff", (), (), renewed_old_expired_before_cutoff),
    ("still_abroad", (), (), still_abroad),
    ("document_checked_out", (), (), document_checked_out),
    ("trip_over_new_year", (), (), trip_over_new_year),
    ("same_day_return", (), (), same_day_return),
    ("multi_destination", (), (), multi_destination),
    ("strict_spouse_emigrated", (), (), strict_spouse_emigrated),
    ("strict_children_emigrated", (), (), strict_children_emigrated),
    ("trip_matches_approval", (), (), trip_matches_approval),
    ("trip_within_approval", (), (), trip_within_approval),
    ("trip_not_reported", (HIDE_TRIP,), (), trip_not_reported),
    ("trip_longer_than_approved", (DEVIATION,), (), trip_longer_than_approved),
    ("trip_elsewhere", (DEVIATION,), (), trip_elsewhere),
    ("trip_early_exit", (DEVIATION,), (), trip_early_exit),
    ("approval_without_opinion", (LAX,), (), approval_without_opinion),
    ("opinion_after_approval", (LAX,), (), opinion_after_approval),
    ("overdue_return", (OVERDUE,), (), overdue_return),
    ("not_returned", (OVERDUE,), (), not_returned),
    ("roster_change_on_time", (), (), roster_change_on_time),
    ("roster_change_late", (LATE_CHANGE,), (), roster_change_late),
    ("police_entry_late", (LATE_ENTRY,), (), police_entry_late),
    ("roster_change_unreported", (LATE_CHANGE,), (), roster_change_unreported),
)

# Kinds whose people also get a violation case, and what the case says.
CASE_KINDS: dict[str, tuple[str, str]] = {
    "document_not_reported": (HIDE_DOC, "公安比对"),
    "trip_not_reported": ("瞒报出国境情况", "公安比对"),
    "trip_without_approval": ("未经批准擅自出国(境)", "自查自纠"),
    "trip_longer_than_approved": ("未按审批要求出国境", "公安比对"),
    "trip_elsewhere": ("未按审批要求出国境", "公安比对"),
    "approval_without_opinion": ("出国境审批事项把关不严", "自查自纠"),
    "document_not_in_custody": ("违规持有因私证照", "自查自纠"),
    "illegal_application": ("违规办理因私证照", "信访举报"),
}


def plant_all(ctx: Context, units: list[Unit]) -> list[Planted]:
    rng, options = ctx.rng, ctx.options
    total = sum(len(u.people) for u in units)
    planted: list[Planted] = []
    pairs = [(u, p) for u in units for p in u.people]
    for kind, findings, check, plant in PERSON_KINDS:
        wanted = max(1, round(total * options.rate))
        order = list(range(len(pairs)))
        rng.shuffle(order)
        got = 0
        for i in order:
            unit, person = pairs[i]
            if person.planted is not None:
                continue
            hit = plant(ctx, unit, person)
            if hit is None:
                continue
            person.planted = kind
            planted.append(Planted(kind, unit, person, findings, check, hit.trip, hit.doc, hit.extra))
            got += 1
            if got == wanted:
                break
        if got == 0:
            raise ValueError(f"无法生成「{kind}」：人数太少")
    per_unit = max(1, round(len(units) * options.unit_rate))
    for make in (unit_without_rules, rules_revised):
        shuffled = list(units)
        rng.shuffle(shuffled)
        made = 0
        for unit in shuffled:  # stop as soon as enough: make() changes the unit it is given
            if made == per_unit:
                break
            item = make(ctx, unit)
            if item is not None:
                planted.append(item)
                made += 1
    shuffled = list(units)
    rng.shuffle(shuffled)
    planted.extend(not_registered(ctx, u) for u in shuffled[:per_unit])
    open_cases(ctx, planted)
    return planted


def open_cases(ctx: Context, planted: list[Planted]) -> None:
    """A violation case for each planted problem of CASE_KINDS, cycling through the seven handlings."""
    counter = 0
    for item in planted:
        if item.kind not in CASE_KINDS or item.person is None:
            continue
        kind, found_by = CASE_KINDS[item.kind]
        unit, person = item.unit, item.person
        found_on = between(ctx.rng, dt.date(2019, 6, 12), dt.date(2019, 6, 20))
        decided = found_on + _days(ctx, 3, 8)
        handlings: list[tuple[str, dt.date, str, str | None]] = [
            (
                METHODS[counter % len(METHODS)],
                decided,
                unit.party,
                f"{unit.party}〔2019〕{10 + counter % 50}号",
            )
        ]
        if counter % 3 == 2:
            handlings.append((METHODS[(counter + 3) % len(METHODS)], decided, unit.party, None))
        accountable: list[tuple[str | None, str, str, str, str, dt.date]] = []
        if kind == "出国境审批事项把关不严":
            secretary = unit.people[1]
            accountable.append(
                (secretary.id, secretary.name, secretary.post, "主体责任", "批评教育", decided)
            )
        elif kind == "未经批准擅自出国(境)":
            head = unit.person_by_post("组织人事科科长") or unit.people[2]
            accountable.append((head.id, head.name, head.post, "直接责任", "批评教育", decided))
        counter += 1
        case = Case(
            id=f"WG2019-{len(unit.cases) + 1:02d}",
            person=person,
            kinds=(kind,),
            description=_case_text(item, kind),
            found_on=found_on,
            found_by=found_by,
            handlings=handlings,
            accountable=accountable,
        )
        unit.cases.append(case)
        item.case = case


def _case_text(item: Planted, kind: str) -> str:
    from privtravel.masking import document_number as mask

    parts = [kind]
    if item.doc is not None:
        parts.append(f"证件 {item.doc.type} {mask(item.doc.number)}")
    if item.trip is not None:
        parts.append(f"{item.trip.exit.isoformat()} 前往{'、'.join(item.trip.places)}")
    return "，".join(parts) + "。"
