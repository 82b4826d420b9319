"""应审尽审: trips no approval covers (X401), trips that left the approval's terms (X402), and approvals
given without the prescribed checks (X403)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from privtravel.crosscheck.context import Context, Registered
from privtravel.crosscheck.families._people import trip_evidence, trip_text
from privtravel.crosscheck.findings import Finding, day, from_src, make_key
from privtravel.crosscheck.links import APPROVED, TripLink
from privtravel.crosscheck.trips import only_hk_macao, place_name
from privtravel.diagnostics import Diagnostic
from privtravel.model import Approval, RosterPerson


def check(ctx: Context, problems: list[Diagnostic]) -> Iterator[Finding]:
    departures: dict[tuple[str, str], dt.date] = {}  # (unit, approval id) -> actual exit
    for ident in sorted(ctx.links):
        entry = ctx.entry_for(ident)
        if entry is None:
            continue
        for link in ctx.links[ident]:
            if link.approval is not None and link.approval_unit is not None:
                key = (link.approval_unit, link.approval.id)
                departures[key] = min(departures.get(key, link.trip.start), link.trip.start)
            if link.trip.start < ctx.campaign.trips_since or not ctx.registered_on(ident, link.trip.start):
                continue  # approval is required of registered persons, within the campaign's period
            yield from _trip(ctx, entry, link)
    for code in ctx.unit_order:
        unit = ctx.units.get(code)
        if unit is None:
            continue
        people = {p.id: p for p in unit.roster}
        yield from _approvals(ctx, code, unit.approvals, people, departures)


def _who(entry: Registered) -> str:
    return f"{entry.person.id} {entry.person.name}"


def _trip(ctx: Context, entry: Registered, link: TripLink) -> Iterator[Finding]:
    trip, approval = link.trip, link.approval
    person = entry.person
    key_parts = (person.id, day(trip.start))
    evidence = trip_evidence(trip)
    if approval is None or approval.result != APPROVED:
        why = (
            "没有覆盖这段时间的审批"
            if approval is None
            else f"审批 {approval.id} 的结果为「{approval.result}」"
        )
        extra = (
            () if approval is None else (from_src("审批", f"{approval.id}：{approval.result}", approval.src),)
        )
        yield Finding(
            "X401",
            make_key("X401", *key_parts),
            entry.unit,
            person.id,
            person.name,
            f"{_who(entry)} {trip_text(trip, ctx.as_of)}：{why}。",
            evidence + extra,
            approval.src if approval is not None else person.src,
        )
        return
    settings = ctx.settings
    reasons = []
    early = (approval.planned_exit - trip.start).days
    if early > settings.exit_early_days:
        reasons.append(f"比计划出境日期 {approval.planned_exit} 提前 {early} 天出境")
    end = trip.end(ctx.as_of)
    late = (end - approval.planned_entry).days
    if late > settings.entry_late_days:
        if trip.entry is not None:
            reasons.append(f"比计划入境日期 {approval.planned_entry} 推迟 {late} 天入境")
        else:
            reasons.append(f"已超过计划入境日期 {approval.planned_entry} {late} 天仍未入境")
    allowed = {place_name(p) for p in approval.places}
    elsewhere = [p for p in trip.places if place_name(p) not in allowed]
    if elsewhere:
        reasons.append(
            f"去了审批以外的国家（地区）：{'、'.join(elsewhere)}（批准：{'、'.join(approval.places)}）"
        )
    limit = _stay_limit(ctx, trip.places)
    if limit is not None and trip.days(ctx.as_of) > limit:
        reasons.append(f"在外停留 {trip.days(ctx.as_of)} 天，超过上限 {limit} 天")
    if not reasons:
        return
    plan = f"{approval.id}：{approval.planned_exit} 至 {approval.planned_entry}，{'、'.join(approval.places)}"
    yield Finding(
        "X402",
        make_key("X402", *key_parts),
        entry.unit,
        person.id,
        person.name,
        f"{_who(entry)} {trip_text(trip, ctx.as_of)}：{'；'.join(reasons)}。",
        (*evidence, from_src("审批", plan, approval.src)),
        approval.src,
    )


def _stay_limit(ctx: Context, places: tuple[str, ...]) -> int | None:
    settings = ctx.settings
    if settings.hk_macao_stay_limit_days is not None and only_hk_macao(places):
        return settings.hk_macao_stay_limit_days
    return settings.stay_limit_days


def _approvals(
    ctx: Context,
    unit: str,
    approvals: list[Approval],
    people: dict[str, RosterPerson],
    departures: dict[tuple[str, str], dt.date],
) -> Iterator[Finding]:
    per_year: dict[tuple[str, int], list[Approval]] = defaultdict(list)
    for approval in approvals:
        if approval.result == APPROVED:
            per_year[(approval.person_id, approval.planned_exit.year)].append(approval)
    rank: dict[str, int] = {}
    for group in per_year.values():
        for nth, approval in enumerate(sorted(group, key=lambda a: (a.planned_exit, a.id)), start=1):
            rank[approval.id] = nth
    settings = ctx.settings
    for approval in approvals:
        if approval.result != APPROVED:
            continue
        reasons = []
        opinion = approval.opinion
        departed = departures.get((unit, approval.id), approval.planned_exit)
        approved_on = approval.approved_on
        if opinion is None:
            reasons.append("没有事先征求纪检监察部门意见")
        else:
            if opinion.verdict != APPROVED:
                reasons.append(f"纪检监察部门意见为「{opinion.verdict}」，仍予批准")
            if approved_on is not None and opinion.date > approved_on:
                reasons.append(f"纪检监察意见（{opinion.date}）晚于审批日期（{approved_on}）")
            if opinion.date > departed:
                reasons.append(f"纪检监察意见（{opinion.date}）晚于出境日期（{departed}）")
        if approved_on is not None and approved_on > departed:
            reasons.append(f"审批日期（{approved_on}）晚于出境日期（{departed}）")
        person = people.get(approval.person_id)
        if person is not None and person.strict_review and approval.strict is None:
            reasons.append(
                f"申请人属于从严审查情形（{'、'.join(person.strict_review)}），审批未写明从严审查措施"
            )
        planned_days = (approval.planned_entry - approval.planned_exit).days + 1
        limit = _stay_limit(ctx, approval.places)
        if limit is not None and planned_days > limit:
            reasons.append(f"批准在外停留 {planned_days} 天，超过上限 {limit} 天")
        nth = max(rank.get(approval.id, 0), approval.nth_this_year or 0)
        if settings.trips_per_year is not None and nth > settings.trips_per_year:
            reasons.append(f"这是本年度第 {nth} 次，超过每年 {settings.trips_per_year} 次的上限")
        if not reasons:
            continue
        name = person.name if person is not None else _report_name(ctx, unit, approval.person_id)
        yield Finding(
            "X403",
            make_key("X403", approval.person_id, approval.id),
            unit,
            approval.person_id,
            name,
            f"{approval.person_id} {name} 的审批 {approval.id}：{'；'.join(reasons)}。",
            (
                from_src(
                    "审批",
                    f"{approval.id}：审批日期 {approved_on}，计划出境 {approval.planned_exit}",
                    approval.src,
                ),
            ),
            approval.src,
        )


def _report_name(ctx: Context, unit: str, pid: str) -> str:
    report = ctx.reports.get((unit, pid))
    return report.name if report is not None else ""
