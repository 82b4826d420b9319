"""The clean part of a generated campaign: units, people, documents, approved trips and custody.

Nothing generated here is a problem: every trip is approved in time with a prior 纪检监察 opinion,
matches its approval, and is reported; every document of a registered person is in custody and
comes back within the configured days.  Problems are planted afterwards (plant.py), on purpose.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from privtravel.demo import lexicon as lx
from privtravel.demo.numbers import (
    DAY,
    between,
    document_number,
    id_number,
    next_workday,
    plus_years,
    workday_on_or_after,
)
from privtravel.demo.options import COMMISSION_APPROVER, RETURN_DAYS, TRIPS_SINCE, Options
from privtravel.demo.world import COMMISSION, CUSTODY, Approval, Change, Doc, Loan, Person, Trip, Unit

LAST_BASELINE_EXIT = dt.date(2019, 4, 30)
GAP = dt.timedelta(days=20)  # at least this between one trip's documents coming back and the next loan
PHONE_AREAS = {
    "杭州市": "0571",
    "宁波市": "0574",
    "温州市": "0577",
    "嘉兴市": "0573",
    "湖州市": "0572",
    "绍兴市": "0575",
    "金华市": "0579",
    "衢州市": "0570",
    "舟山市": "0580",
    "台州市": "0576",
    "丽水市": "0578",
}


class Context:
    """The random source and everything that must stay unique across the campaign."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.rng = random.Random(options.seed)
        self.id_numbers: set[str] = set()
        self.doc_numbers: set[str] = set()

    def name(self, sex: str) -> str:
        rng = self.rng
        chars = lx.GIVEN_MALE if sex == "男" else lx.GIVEN_FEMALE
        given = rng.choice(chars) + (rng.choice(chars) if rng.random() < 0.7 else "")
        return rng.choice(lx.SURNAMES) + given

    def doc(self, doc_type: str, issued: dt.date, keeper: str, deposited: dt.date | None) -> Doc:
        number = document_number(self.rng, doc_type, issued, self.doc_numbers)
        return Doc(doc_type, number, issued, plus_years(issued, 10), keeper, deposited)


# --- units -------------------------------------------------------------------------------------


def layout(options: Options) -> list[Unit]:
    """The units, in campaign order (grouped by region)."""
    if options.units <= 20:
        return _demo_units(options.units)
    return _province_units(options.units)


def _demo_units(count: int) -> list[Unit]:
    by_region: dict[str, list[Unit]] = {}
    types = {t.name: t for t in lx.UNIT_TYPES}
    for region, names in lx.DEMO_REGIONS:
        for type_name in names:
            t = types[type_name]
            unit = Unit("s" + t.code, lx.CITY + t.name, region, t.party, t.discipline, t.kind, "0575")
            unit.extra_staff = t.weight
            by_region.setdefault(region, []).append(unit)
    for name, code, region, party, discipline, kind, weight in lx.DEMO_EXTRA_UNITS:
        unit = Unit(code, name, region, party, discipline, kind, "0575")
        unit.extra_staff = weight
        by_region[region].append(unit)
    # take units round-robin over the regions so that a small demo still spans every group
    chosen: list[Unit] = []
    queues = [list(v) for v in by_region.values()]
    while len(chosen) < count and any(queues):
        for queue in queues:
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    order = {region: i for i, (region, _) in enumerate(lx.DEMO_REGIONS)}
    return sorted(chosen, key=lambda u: order[u.region])


def _province_units(count: int) -> list[Unit]:
    places = [
        (ci, city, ccode, ki, county)
        for ci, (city, ccode, counties) in enumerate(lx.PROVINCE)
        for ki, county in enumerate(counties)
    ]
    picked: list[tuple[int, int, int, Unit]] = []
    for ti, t in enumerate(lx.UNIT_TYPES):
        for ci, city, ccode, ki, county in places:
            if len(picked) == count:
                break
            unit = Unit(
                f"{ccode}{ki + 1:02d}-{t.code}",
                county + t.name,
                city,
                t.party,
                t.discipline,
                t.kind,
                PHONE_AREAS[city],
            )
            unit.extra_staff = t.weight
            picked.append((ci, ki, ti, unit))
    if len(picked) < count:
        raise ValueError(f"最多生成 {len(picked)} 个单位")
    return [u for *_, u in sorted(picked, key=lambda p: p[:3])]


def sizes(ctx: Context, units: list[Unit]) -> list[int]:
    """People per unit: proportional to the unit type's weight, with noise; exactly the total."""
    rng, total = ctx.rng, ctx.options.people
    weights = [u.extra_staff * rng.uniform(0.7, 1.3) for u in units]
    scale = total / sum(weights)
    counts = [max(8, round(w * scale)) for w in weights]
    diff = total - sum(counts)
    order = sorted(range(len(units)), key=lambda i: -counts[i])
    i = 0
    while diff:
        j = order[i % len(order)]
        step = 1 if diff > 0 else -1
        if counts[j] + step >= 8:
            counts[j] += step
            diff -= step
        i += 1
        if i > 10 * len(order) * max(1, abs(diff)):
            break
    return counts


def populate(ctx: Context, unit: Unit, count: int) -> None:
    rng = ctx.rng
    posts: list[tuple[str, str]] = [(p, "") for p in lx.LEADER_POSTS[unit.kind]]
    posts += list(lx.KEY_POSTS if unit.kind == lx.HOSPITAL else lx.KEY_POSTS[:4])
    depts, roles = (
        (lx.HOSPITAL_DEPTS, lx.HOSPITAL_ROLES)
        if unit.kind == lx.HOSPITAL
        else (lx.PUBLIC_DEPTS, lx.PUBLIC_ROLES)
    )
    while len(posts) < count:
        posts.append((rng.choice(depts) + rng.choice(roles), ""))
    for i in range(count):
        post, ground = posts[i]
        leader = i < len(lx.LEADER_POSTS[unit.kind])
        sex = "男" if rng.random() < (0.7 if leader else 0.5) else "女"
        birth = between(rng, dt.date(1962, 1, 1), dt.date(1975, 12, 31) if leader else dt.date(1992, 12, 31))
        category = "本地本单位管理的人员"
        if not leader and not ground:
            roll = rng.random()
            category = "下属单位管理的人员" if roll < 0.08 else "其他人员" if roll < 0.15 else category
        person = Person(
            id=f"{i + 1:04d}",
            name=ctx.name(sex),
            sex=sex,
            birth=birth,
            id_number=id_number(rng, rng.choice(lx.AREA_CODES), birth, sex, ctx.id_numbers),
            post=post,
            category=category,
            commission=i < 2,
            grounds=[ground] if ground else [],
            changes=[on_time_change(ctx, dt.date(2009, 1, 1), dt.date(2015, 10, 31), "新增")],
            signed=between(rng, dt.date(2019, 5, 20), dt.date(2019, 6, 10)),
        )
        if rng.random() < 0.05:
            person.changes.append(
                on_time_change(ctx, dt.date(2017, 1, 1), dt.date(2018, 12, 31), "现任职务变更", f"任{post}")
            )
        unit.people.append(person)
    unit.secretary = unit.people[1].name
    unit.keeper = ctx.name("女")
    unit.filler = unit.keeper
    unit.reviewer = unit.people[min(len(unit.people) - 1, len(lx.LEADER_POSTS[unit.kind]) + 4)].name
    unit.phone = f"{unit.area_phone}-8{rng.randrange(10**7):07d}"
    unit.custody_office = "组织人事科" if unit.kind == lx.HOSPITAL else "办公室"
    issued = between(rng, dt.date(2015, 1, 1), dt.date(2018, 12, 31))
    revised = between(rng, dt.date(2019, 5, 6), dt.date(2019, 6, 20)) if rng.random() < 0.5 else None
    unit.rules = [
        (
            f"{unit.name}干部因私出国（境）管理办法",
            f"{unit.party}〔{issued.year}〕{rng.randrange(3, 40)}号",
            issued,
            revised,
        )
    ]


def on_time_change(ctx: Context, first: dt.date, last: dt.date, kind: str, note: str | None = None) -> Change:
    """A roster change reported by the 25th of its own month and entered the next working day."""
    rng = ctx.rng
    while True:
        day = between(rng, first, last)
        if day.day > 12:
            continue
        reported = workday_on_or_after(day + dt.timedelta(days=rng.randrange(2, 10)))
        if reported.month == day.month and reported.day <= 22:
            return Change(day, kind, reported, next_workday(reported), note)


# --- documents and trips -----------------------------------------------------------------------


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


def build(ctx: Context) -> list[Unit]:
    options = ctx.options
    units = layout(options)
    for unit, count in zip(units, sizes(ctx, units), strict=True):
        populate(ctx, unit, count)
    holders = []
    for unit in units:
        for person in unit.people:
            if ctx.rng.random() < options.hold_rate:
                give_documents(ctx, person)
                holders.append((unit, person))
    mean = options.crossings / 2 / max(1, len(holders))
    for unit, person in holders:
        give_trips(ctx, unit, person, mean)
    return units
