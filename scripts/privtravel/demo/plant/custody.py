"""Custody: documents returned late or never."""

from __future__ import annotations

from privtravel.demo.context import Context
from privtravel.demo.plant.common import Hit, days, free_except, loan_trips, ordinary
from privtravel.demo.world import Person, Unit


def overdue_return(ctx: Context, unit: Unit, p: Person) -> Hit | None:
    for trip in loan_trips(p) if ordinary(p) else []:
        assert trip.entry is not None and trip.loan is not None
        returned = trip.entry + days(ctx, 15, 25)
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
