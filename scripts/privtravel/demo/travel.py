"""Documents and approved trips of the clean campaign: each trip approved in time with a prior 纪检监察
opinion, its document checked out and returned within the configured days."""

from __future__ import annotations

import datetime as dt
import math
import random

from privtravel.demo import lexicon as lx
from privtravel.demo.context import Context
from privtravel.demo.numbers import DAY, between
from privtravel.demo.options import COMMISSION_APPROVER, RETURN_DAYS, TRIPS_SINCE
from privtravel.demo.world import COMMISSION, CUSTODY, Approval, Doc, Loan, Person, Trip, Unit

LAST_BASELINE_EXIT = dt.date(2019, 4, 30)
GAP = dt.timedelta(days=20)  # at least this between one trip's documents coming back and the next loan


def registered_on(person: Person) -> dt.date:
    return person.changes[0].date


def give_documents(ctx: Context, person: Person) -> None:
    rng = ctx.rng
    types = []
    if rng.random() < 0.85:
        types.append(("普通护照", dt.date(2012, 6, 1), dt.date(2018, 12, 31)))
    if rng.random() < 0.55 or not types:
        types.append(("往来港澳通行证", dt.date(2014, 9, 1), dt.date(2019, 1, 31)))
    if rng.random() < 0.08:
        types.append(("大陆居民往来台湾通行证", dt.date(2017, 3, 1), dt.date(2019, 1, 31)))
    for doc_type, first, last in types:
        issued = between(rng, first, last)
        if person.commission:
            person.docs.append(ctx.doc(doc_type, issued, COMMISSION, None))
        else:
            deposited = max(issued, registered_on(person)) + dt.timedelta(days=rng.randrange(3, 21))
            person.docs.append(ctx.doc(doc_type, issued, CUSTODY, deposited))


def destination(ctx: Context, doc: Doc) -> tuple[tuple[str, ...], str, int, int]:
    """(places, port, shortest, longest stay in days) for a trip on this document."""
    rng = ctx.rng
    if doc.type == "往来港澳通行证":
        places = rng.choice((("香港",), ("澳门",), ("香港", "澳门")))
        return places, rng.choice(lx.HK_PORTS), 1, 5
    if doc.type == "大陆居民往来台湾通行证":
        return lx.TAIWAN, rng.choice(lx.TW_PORTS), 5, 9
    first = rng.choice(lx.ABROAD)
    places = (first,)
    if rng.random() < 0.15:
        second = rng.choice(lx.ABROAD)
        if second != first:
            places = (first, second)
    return places, rng.choice(lx.AIR_PORTS), 4, 12


def busy(person: Person) -> list[tuple[dt.date, dt.date]]:
    """The periods (first loan or exit .. return or entry) a person's trips occupy."""
    out = []
    for trip in person.trips:
        start = trip.loan.date if trip.loan else trip.approval.applied if trip.approval else trip.exit
        end = trip.loan.returned if trip.loan and trip.loan.returned else trip.entry or dt.date(2100, 1, 1)
        out.append((min(start, trip.exit), max(end, trip.entry or end)))
    return out


def free(person: Person, start: dt.date, end: dt.date) -> bool:
    return all(end + GAP < s or start - GAP > e for s, e in busy(person))


def available_from(doc: Doc) -> dt.date:
    return max(TRIPS_SINCE + 3 * DAY, (doc.deposited or doc.issued) + 7 * DAY)


def add_trip(
    ctx: Context,
    unit: Unit,
    person: Person,
    doc: Doc,
    exit_day: dt.date,
    entry_day: dt.date | None,
    places: tuple[str, ...],
    port: str,
    *,
    approved: bool = True,
    reason: str | None = None,
    planned_entry: dt.date | None = None,
) -> Trip:
    """A trip with, unless told otherwise, an approval in good time and a loan of the document."""
    rng = ctx.rng
    reason = reason or rng.choice(lx.TRAVEL_REASONS)
    approval = None
    loan = None
    if approved:
        applied = exit_day - dt.timedelta(days=rng.randrange(20, 41))
        opinion_day = applied + dt.timedelta(days=rng.randrange(2, 7))
        approved_on = opinion_day + dt.timedelta(days=rng.randrange(1, 5))
        if person.commission:
            body, discipline, approver = "委党委", "驻委纪检监察组", COMMISSION_APPROVER
        else:
            body, discipline, approver = unit.party, unit.discipline, unit.secretary
        approval = Approval(
            applied=applied,
            reason=reason,
            places=places,
            planned_exit=exit_day,
            planned_entry=planned_entry or entry_day or exit_day,
            opinion=("同意", opinion_day, discipline),
            body=body,
            approver=approver,
            approved_on=approved_on,
        )
        if doc.keeper == CUSTODY:
            loan_day = max(exit_day - dt.timedelta(days=rng.randrange(1, 4)), approved_on + DAY)
            returned = (
                None
                if entry_day is None
                else entry_day + dt.timedelta(days=rng.randrange(0, RETURN_DAYS - 1))
            )
            loan = Loan(loan_day, approval, returned, unit.keeper)
            doc.loans.append(loan)
            doc.loans.sort(key=lambda item: item.date)
    trip = Trip(exit_day, entry_day, places, reason, doc, port, approval, loan)
    person.trips.append(trip)
    person.trips.sort(key=lambda t: t.exit)
    return trip


def give_trips(ctx: Context, unit: Unit, person: Person, mean: float) -> None:
    rng = ctx.rng
    count = min(12, _poisson(rng, mean))
    docs = [d for d in person.docs if available_from(d) + 60 * DAY < LAST_BASELINE_EXIT]
    if not docs:
        return
    for _ in range(count * 4):
        if len(person.trips) >= count:
            break
        doc = rng.choice(docs)
        places, port, shortest, longest = destination(ctx, doc)
        exit_day = between(rng, available_from(doc) + 45 * DAY, LAST_BASELINE_EXIT)
        if exit_day > LAST_BASELINE_EXIT:
            continue
        entry_day = exit_day + dt.timedelta(days=rng.randrange(shortest, longest + 1))
        if exit_day == entry_day:
            entry_day += DAY
        if free(person, exit_day - 45 * DAY, entry_day + 10 * DAY):
            add_trip(ctx, unit, person, doc, exit_day, entry_day, places, port)


def _poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, rng.random()
    while p > limit:
        k += 1
        p *= rng.random()
    return k
