"""Trips since the cut-off date, and no two trips of one person at the same time."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from privtravel.diagnostics import Diagnostic
from privtravel.model import Campaign, UnitData
from privtravel.rules._emit import at


def check(campaign: Campaign, unit: UnitData) -> Iterator[Diagnostic]:
    for report in unit.reports:
        for trip in report.trips:
            if trip.entry < campaign.trips_since:
                yield at(
                    trip.src,
                    "R303",
                    f"这次出国（境）在 {campaign.trips_since} 之前已经结束，不在报告范围内。",
                    "出境日期",
                )
        ordered = sorted((t for t in report.trips if t.exit <= t.entry), key=lambda t: t.exit)
        for before, after in itertools.pairwise(ordered):
            if after.exit < before.entry:
                yield at(
                    after.src,
                    "R306",
                    f"这次出国（境）（{after.exit} 至 {after.entry}）与另一次"
                    f"（{before.exit} 至 {before.entry}）时间重叠。",
                    "出境日期",
                )
