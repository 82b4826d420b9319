"""应查尽查: documents (X501) and trips (X502) the police know of but the report leaves out, registered
people with no report after the deadline (X503), crossings that do not pair (X504), and reported trips
whose dates differ from the police record they stand for (X505)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from privtravel import workdays
from privtravel.campaignops import deadlines
from privtravel.crosscheck.context import RETIRED_CATEGORY, Context, Registered
from privtravel.crosscheck.families._people import crossing_text, holding_evidence, trip_evidence, trip_text
from privtravel.crosscheck.findings import Finding, day, doc_tag, from_row, from_src, make_key
from privtravel.crosscheck.trips import MISSING_ENTRY, PoliceTrip
from privtravel.diagnostics import Diagnostic
from privtravel.masking import document_number
from privtravel.model import REPORT_EXEMPT, REPORT_ZERO, Report, Trip


def check(ctx: Context, problems: list[Diagnostic]) -> Iterator[Finding]:
    yield from _missing_reports(ctx)
    for ident in sorted(ctx.roster):
        entry = ctx.entry_for(ident)
        if entry is None:
            continue
        report = ctx.report_for(ident)
        if report is not None and report.kind != REPORT_EXEMPT:
            yield from _documents(ctx, ident, entry, report)
            yield from _trips(ctx, ident, entry, report)
        yield from _orphans(ctx, ident, entry)


def _who(entry: Registered) -> str:
    return f"{entry.person.id} {entry.person.name}"


def _missing_reports(ctx: Context) -> Iterator[Finding]:
    try:  # 「6月10日前」 as remind reads it: the last working day on or before
        deadline = deadlines.report_due(ctx.campaign)
    except workdays.OutOfCalendarError:
        deadline = ctx.campaign.report_deadline  # the calendar's range is said where a date needs it
    if ctx.as_of <= deadline:
        return
    for code in ctx.unit_order:
        unit = ctx.units.get(code)
        if unit is None:
            continue
        reported = {r.id for r in unit.reports} | unit.unreadable_report_ids
        for person in unit.roster:
            revoked = person.revoked
            if person.id in reported or person.category == RETIRED_CATEGORY:
                continue
            if (revoked is not None and revoked.date <= deadline) or person.changes[0].date > deadline:
                continue
            yield Finding(
                "X503",
                make_key("X503", person.id),
                code,
                person.id,
                person.name,
                f"{person.id} {person.name}：报告截止日期 {deadlines.cn_date(deadline)} 已过，还没有报告表（无情况的也要「零报告」）。",
                (from_src("登记备案", f"{person.id} {person.name}，{person.post}", person.src),),
                person.src,
            )


def _documents(ctx: Context, ident: str, entry: Registered, report: Report) -> Iterator[Finding]:
    as_of = report.signed or ctx.campaign.report_deadline
    declared = {d.number for d in report.documents}
    kind = "零报告" if report.kind == REPORT_ZERO else "报告表"
    for holding in sorted(ctx.holdings.get(ident, ()), key=lambda h: (h.issued, h.number)):
        if holding.number in declared or holding.issued > as_of:
            continue
        if holding.expires < ctx.campaign.documents_expired_since:
            continue  # outside the report's scope: expired before the cut-off
        yield Finding(
            "X501",
            make_key("X501", entry.person.id, doc_tag(holding.number), day(holding.issued)),
            report.unit,
            report.id,
            report.name,
            f"{_who(entry)}：公安机关记录的{holding.type} {document_number(holding.number)}"
            f"（有效期至 {holding.expires}，{holding.status}）不在本人{kind}中。",
            (holding_evidence(holding), from_src("报告表", f"报告类型：{report.kind}", report.src)),
            report.src,
        )


def _trips(ctx: Context, ident: str, entry: Registered, report: Report) -> Iterator[Finding]:
    as_of = report.signed or ctx.campaign.report_deadline
    kind = "零报告" if report.kind == REPORT_ZERO else "报告表"
    for link in ctx.links.get(ident, ()):
        trip = link.trip
        if trip.entry is None:
            continue
        if trip.entry.date < ctx.campaign.trips_since or trip.entry.date > as_of:
            continue  # before the report period, or not over when the report was signed
        if link.reported is not None:
            yield from _dates(entry, report, trip, link.reported, ctx.as_of)
            continue
        yield Finding(
            "X502",
            make_key("X502", entry.person.id, day(trip.start)),
            report.unit,
            report.id,
            report.name,
            f"{_who(entry)}：公安出入境记录 {trip_text(trip, ctx.as_of)}，本人{kind}中没有。",
            (*trip_evidence(trip), from_src("报告表", f"报告类型：{report.kind}", report.src)),
            report.src,
        )


def _dates(
    entry: Registered, report: Report, trip: PoliceTrip, said: Trip, as_of: dt.date
) -> Iterator[Finding]:
    """The report's 起止时间 are the police record's exit and entry dates, to the day."""
    assert trip.entry is not None
    gaps = []
    if said.exit != trip.start:
        gaps.append(f"出境日期{_shift((said.exit - trip.start).days)}")
    if said.entry != trip.entry.date:
        gaps.append(f"入境日期{_shift((said.entry - trip.entry.date).days)}")
    if not gaps:
        return
    places = "、".join(said.places)
    yield Finding(
        "X505",
        make_key("X505", entry.person.id, day(trip.start)),
        report.unit,
        report.id,
        report.name,
        f"{_who(entry)}：公安出入境记录 {trip_text(trip, as_of)}，本人报告表写 {said.exit} 至 {said.entry}"
        f"（{places}）：{'，'.join(gaps)}。",
        (*trip_evidence(trip), from_src("报告表", f"{said.exit} 至 {said.entry} 赴{places}", said.src)),
        said.src,
    )


def _shift(days: int) -> str:
    return f"早 {-days} 天" if days < 0 else f"晚 {days} 天"


def _orphans(ctx: Context, ident: str, entry: Registered) -> Iterator[Finding]:
    travel = ctx.travel.get(ident)
    for orphan in travel.orphans if travel is not None else ():
        crossing = orphan.crossing
        if orphan.kind == MISSING_ENTRY:
            text = "这次出境之后没有入境记录，下一条却又是出境"
        else:
            text = "这次入境之前没有出境记录"
        yield Finding(
            "X504",
            make_key("X504", entry.person.id, day(crossing.date), crossing.direction),
            entry.unit,
            entry.person.id,
            entry.person.name,
            f"{_who(entry)}：{crossing_text(crossing)}，{text}（{orphan.kind}）。",
            (from_row("公安出入境记录", crossing_text(crossing), crossing.row),),
            entry.person.src,
        )
