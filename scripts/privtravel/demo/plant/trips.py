"""Trips that are right, in their unusual shapes: over New Year, same-day, two countries, still abroad,
not yet left."""

from __future__ import annotations

import datetime as dt

from privtravel.demo import lexicon as lx
from privtravel.demo.context import Context
from privtravel.demo.numbers import DAY, between
from privtravel.demo.options import POLICE_DATA_DATE
from privtravel.demo.plant.common import Hit, doc_of, loan_trips, ordinary
from privtravel.demo.travel import add_trip, available_from, free
from privtravel.demo.world import CUSTODY, Doc, Person, Trip, Unit


def new_trip(
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
    trip = new_trip(
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
    trip = new_trip(
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
    trip = new_trip(
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
