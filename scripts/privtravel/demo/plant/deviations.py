"""Trips that are wrong: not reported, not approved, longer than approved, elsewhere, earlier."""

from __future__ import annotations

import datetime as dt

from privtravel.demo import lexicon as lx
from privtravel.demo.context import Context
from privtravel.demo.numbers import DAY, between
from privtravel.demo.plant.common import Hit, days, doc_of, free_except, loan_trips, ordinary
from privtravel.demo.plant.trips import new_trip
from privtravel.demo.world import SELF, Person, Unit


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
    trip = new_trip(
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
        entry = trip.entry + days(ctx, 5, 8)
        if free_except(p, trip, trip.exit, entry + 10 * DAY):
            trip.entry = entry
            trip.loan.returned = entry + days(ctx, 0, 3)
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
        exit_day = trip.exit - days(ctx, 3, 4)
        if exit_day - DAY > trip.approval.approved_on and free_except(p, trip, exit_day - 3 * DAY, trip.exit):
            trip.exit = exit_day
            trip.loan.date = exit_day - DAY
            return Hit(trip=trip, extra={"说明": "实际出境日期比批准的计划出境日期早3至4天"})
    return None
