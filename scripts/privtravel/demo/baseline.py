"""The clean part of a generated campaign: units, people, documents, approved trips and custody.

Nothing generated here is a problem: every trip is approved in time with a prior 纪检监察 opinion,
matches its approval, and is reported; every document of a registered person is in custody and
comes back within the configured days.  Problems are planted afterwards (plant/), on purpose.
"""

from __future__ import annotations

from privtravel.demo.context import Context
from privtravel.demo.staff import layout, populate, sizes
from privtravel.demo.travel import give_documents, give_trips
from privtravel.demo.world import Unit


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
