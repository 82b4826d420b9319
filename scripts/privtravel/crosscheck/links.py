"""Each police trip, linked to the report trip that declares it and the approval it is measured against."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from privtravel.crosscheck.context import Context
from privtravel.crosscheck.trips import PoliceTrip
from privtravel.model import Approval, Report, Trip

APPROVED = "同意"


@dataclass(frozen=True, slots=True)
class TripLink:
    trip: PoliceTrip
    reported: Trip | None
    approval: Approval | None  # the approval linked by the report, else the one that overlaps most
    approval_unit: str | None


def _overlap(a_start: dt.date, a_end: dt.date, b_start: dt.date, b_end: dt.date) -> int:
    return (min(a_end, b_end) - max(a_start, b_start)).days + 1


def link(ctx: Context, id_number: str) -> list[TripLink]:
    travel = ctx.travel.get(id_number)
    if travel is None:
        return []
    early = dt.timedelta(days=ctx.settings.exit_early_days)
    late = dt.timedelta(days=ctx.settings.entry_late_days)
    report = ctx.report_for(id_number)
    approvals = ctx.approvals_for(id_number)
    out = []
    for trip in travel.trips:
        start, end = trip.start, trip.end(ctx.as_of)
        reported = _reported(report, start, end, early, late)
        chosen: tuple[str, Approval] | None = None
        if reported is not None and reported.approval_id is not None and report is not None:
            named = ctx.approval_ids.get((report.unit, reported.approval_id))
            if named is not None:
                chosen = (report.unit, named)
        if chosen is None:
            best: tuple[tuple[bool, int, int, str], tuple[str, Approval]] | None = None
            for unit, approval in approvals:
                size = _overlap(start, end, approval.planned_exit - early, approval.planned_entry + late)
                if size <= 0:
                    continue
                rank = (approval.result == APPROVED, size, -approval.planned_exit.toordinal(), approval.id)
                if best is None or rank > best[0]:
                    best = (rank, (unit, approval))
            chosen = None if best is None else best[1]
        out.append(TripLink(trip, reported, chosen[1] if chosen else None, chosen[0] if chosen else None))
    return out


def _reported(
    report: Report | None, start: dt.date, end: dt.date, early: dt.timedelta, late: dt.timedelta
) -> Trip | None:
    if report is None:
        return None
    best: tuple[int, Trip] | None = None
    for declared in report.trips:
        size = _overlap(start, end, declared.exit - early, declared.entry + late)
        if size > 0 and (best is None or size > best[0]):
            best = (size, declared)
    return None if best is None else best[1]
