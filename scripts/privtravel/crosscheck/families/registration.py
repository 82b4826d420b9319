"""应备尽备: police data on people no unit registered (X201); roster changes reported late (X202)
or not entered by the police within 1 working day (X203)."""

from __future__ import annotations

from collections.abc import Iterator

from privtravel import workdays
from privtravel.campaignops import deadlines
from privtravel.crosscheck.context import Context
from privtravel.crosscheck.families._people import crossing_text, holding_evidence
from privtravel.crosscheck.findings import Evidence, Finding, day, from_row, from_src, make_key
from privtravel.diagnostics import Diagnostic
from privtravel.masking import id_number as mask_id
from privtravel.model import Report, RosterChange
from privtravel.rules._emit import at


def check(ctx: Context, problems: list[Diagnostic]) -> Iterator[Finding]:
    yield from _unregistered(ctx)
    for code in ctx.unit_order:
        unit = ctx.units.get(code)
        if unit is None:
            continue
        for person in unit.roster:
            for change in person.changes:
                who = f"{person.id} {person.name}"
                yield from _reported(ctx, code, person.id, person.name, who, change, problems)
                yield from _entered(ctx, code, person.id, person.name, who, change, problems)


def _reported_numbers(ctx: Context) -> dict[str, tuple[str, Report]]:
    """Document number → (unit, report) for every document a report declares."""
    out: dict[str, tuple[str, Report]] = {}
    for code in ctx.unit_order:
        unit = ctx.units.get(code)
        for report in unit.reports if unit is not None else ():
            for doc in report.documents:
                out.setdefault(doc.number, (code, report))
    return out


def _unregistered(ctx: Context) -> Iterator[Finding]:
    seen = set(ctx.holdings) | set(ctx.travel)
    reported = _reported_numbers(ctx)
    for ident in sorted(seen - set(ctx.roster)):
        holdings = ctx.holdings.get(ident, [])
        travel = ctx.travel.get(ident)
        crossings = [] if travel is None else [o.crossing for o in travel.orphans]
        for trip in [] if travel is None else travel.trips:
            crossings += [trip.exit] + ([trip.entry] if trip.entry is not None else [])
        name = holdings[0].name if holdings else crossings[0].name if crossings else ""
        evidence: list[Evidence] = [holding_evidence(h) for h in holdings]
        evidence += [
            from_row("公安出入境记录", crossing_text(c), c.row)
            for c in sorted(crossings, key=lambda c: c.row.line)
        ]
        # someone who reported a document the police hold for them belongs to that unit
        owner = next((reported[h.number] for h in holdings if h.number in reported), None)
        unit_code, report = owner if owner is not None else ("", None)
        yield Finding(
            "X201",
            make_key("X201", name, ident[6:14]),
            unit_code,
            report.id if report is not None else None,
            name,
            f"公安机关掌握 {name}（{mask_id(ident)}）的 {len(holdings)} 本证件、"
            f"{len(crossings)} 条出入境记录，但没有任何单位的登记备案名单有此人"
            + ("。" if report is None else "；此人的报告表在本单位，应当登记备案。"),
            tuple(evidence),
            report.src if report is not None else None,
        )


def _reported(
    ctx: Context,
    unit: str,
    pid: str,
    name: str,
    who: str,
    change: RosterChange,
    problems: list[Diagnostic],
) -> Iterator[Finding]:
    report_day = ctx.campaign.monthly_report_day
    try:
        deadline = deadlines.roster_due(change, report_day)
    except workdays.OutOfCalendarError as exc:
        problems.append(
            at(change.src, "P503", f"无法判断是否按时报送公安机关：{str(exc).rstrip('。')}。", "日期")
        )
        return
    if change.reported is not None and change.reported <= deadline:
        return
    if change.reported is None and ctx.as_of <= deadline:
        return
    due = f"应于{deadlines.roster_due_text(change, report_day)}报送公安机关"
    if change.reported is None:
        text = f"{change.date} 的「{change.kind}」{due}，到 {ctx.as_of} 仍未报送。"
    else:
        late = (change.reported - deadline).days
        text = f"{change.date} 的「{change.kind}」{due}，{change.reported} 才报送（晚 {late} 天）。"
    yield Finding(
        "X202",
        make_key("X202", pid, day(change.date), change.kind),
        unit,
        pid,
        name,
        f"{who}：{text}",
        (
            from_src(
                "登记备案",
                f"{change.kind} {change.date}，报送公安日期 {change.reported or '未填'}",
                change.src,
            ),
        ),
        change.src,
    )


def _entered(
    ctx: Context,
    unit: str,
    pid: str,
    name: str,
    who: str,
    change: RosterChange,
    problems: list[Diagnostic],
) -> Iterator[Finding]:
    if change.reported is None:
        return
    try:
        deadline = workdays.next_workday(change.reported)
    except workdays.OutOfCalendarError as exc:
        problems.append(
            at(
                change.src,
                "P503",
                f"无法判断公安机关是否在1个工作日内入库：{str(exc).rstrip('。')}。",
                "报送公安日期",
            )
        )
        return
    if change.entered is not None and change.entered <= deadline:
        return
    if change.entered is None and ctx.as_of <= deadline:
        return
    if change.entered is None:
        text = f"{change.reported} 报送的「{change.kind}」应于{deadlines.cn_date(deadline)}前入库（1个工作日内），到 {ctx.as_of} 仍未入库。"
    else:
        text = f"{change.reported} 报送的「{change.kind}」应于{deadlines.cn_date(deadline)}前入库（1个工作日内），{change.entered} 才入库。"
    yield Finding(
        "X203",
        make_key("X203", pid, day(change.date), change.kind),
        unit,
        pid,
        name,
        f"{who}：{text}",
        (
            from_src(
                "登记备案",
                f"报送公安日期 {change.reported}，公安入库日期 {change.entered or '未填'}",
                change.src,
            ),
        ),
        change.src,
    )
