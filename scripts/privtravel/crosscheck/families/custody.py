"""应交尽交: valid documents not in custody (X301), check-outs not returned in time (X302), and
private and official documents used on one trip (X303)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from privtravel import workdays
from privtravel.campaignops import deadlines
from privtravel.crosscheck.context import RETIRED_CATEGORY, Context, Registered
from privtravel.crosscheck.families._people import holding_evidence, trip_evidence, trip_text
from privtravel.crosscheck.findings import Evidence, Finding, day, doc_tag, from_src, make_key
from privtravel.diagnostics import Diagnostic
from privtravel.masking import document_number
from privtravel.model import REPORT_EXEMPT, CustodyItem, HeldDocument, Loan
from privtravel.police.records import Holding
from privtravel.rules._emit import at

COMMISSION_OFFICE = "委政治处"
# Official passports: 外交 D/DE, 公务 S/SE, 公务普通 P/PE.  Private ones start with E, G, C, W, L, T.
OFFICIAL_PREFIXES = ("D", "S", "P")


def check(ctx: Context, problems: list[Diagnostic]) -> Iterator[Finding]:
    for ident in sorted(ctx.roster):
        entry = ctx.entry_for(ident)
        if entry is None:
            continue
        if entry.active_on(ctx.as_of) and entry.person.category != RETIRED_CATEGORY:
            yield from _not_deposited(ctx, ident, entry)
        yield from _both_kinds(ctx, ident, entry)
    for code in ctx.unit_order:
        unit = ctx.units.get(code)
        if unit is None:
            continue
        ids = {p.id: p.id_number for p in unit.roster}
        names = {p.id: p.name for p in unit.roster} | {r.id: r.name for r in unit.reports}
        for item in unit.custody:
            for loan in item.loans:
                name = names.get(item.person_id, "")
                yield from _overdue(ctx, code, item, loan, ids.get(item.person_id), name, problems)


def _in_custody(ctx: Context, number: str) -> bool:
    for _, item in ctx.custody.get(number, ()):
        if item.deposited <= ctx.as_of and (item.removal is None or item.removal.date > ctx.as_of):
            return True
    return False


def _not_deposited(ctx: Context, ident: str, entry: Registered) -> Iterator[Finding]:
    person = entry.person
    report = ctx.report_for(ident)
    if report is not None and report.kind == REPORT_EXEMPT:
        return  # 市管领导干部: by 干部管理权限 their documents are kept by the 市委组织部, not the unit
    declared: dict[str, HeldDocument] = {d.number: d for d in (report.documents if report else ())}
    police: dict[str, Holding] = {h.number: h for h in ctx.holdings.get(ident, ())}
    grace = dt.timedelta(days=ctx.campaign.return_days)
    due: list[tuple[str, str, dt.date, Evidence]] = []  # (number, type, issued, evidence)
    for number, holding in police.items():
        if holding.valid_on(ctx.as_of) and holding.issued + grace < ctx.as_of:
            due.append((number, holding.type, holding.issued, holding_evidence(holding)))
    for number, doc in declared.items():
        if number in police or not (doc.issued + grace < ctx.as_of <= doc.expires):
            continue  # the police record, where there is one, says whether it is valid
        text = f"{doc.type} {document_number(number)}，有效期至 {doc.expires}，保管机构：{doc.kept_by}"
        due.append((number, doc.type, doc.issued, from_src("报告表", text, doc.src)))
    for number, doc_type, issued, evidence in sorted(due, key=lambda d: (d[2], d[1])):
        if _in_custody(ctx, number):
            continue
        kept = declared.get(number)
        if person.commission_cadre and kept is not None and kept.kept_by == COMMISSION_OFFICE:
            continue  # 委管干部: kept by 委政治处, whose register is not part of this repository
        said = f"报告表写保管机构为「{kept.kept_by}」" if kept is not None else "报告表中没有此证件"
        yield Finding(
            "X301",
            make_key("X301", person.id, doc_tag(number), day(issued)),
            entry.unit,
            person.id,
            person.name,
            f"{person.id} {person.name} 的有效{doc_type} {document_number(number)} 不在证件保管登记册中（{said}）。",
            (evidence,),
            person.src,
        )


def _overdue(
    ctx: Context,
    unit: str,
    item: CustodyItem,
    loan: Loan,
    ident: str | None,
    name: str,
    problems: list[Diagnostic],
) -> Iterator[Finding]:
    back, basis = _came_back(ctx, unit, loan, ident)
    if back is None:
        return  # still abroad, or the trip has not ended yet
    days = ctx.campaign.return_days
    try:
        due = deadlines.return_due(back, days)
    except workdays.OutOfCalendarError as exc:
        problems.append(
            at(loan.src, "P503", f"无法判断证件是否按时交回：{str(exc).rstrip('。')}。", "领用日期")
        )
        return
    if loan.returned is not None and loan.returned <= due:
        return
    if loan.returned is None and ctx.as_of <= due:
        return
    if loan.returned is None:
        text = f"{basis} {back}，证件应于{deadlines.return_due_text(back, days)}交回，到 {ctx.as_of} 仍未交回（已逾期 {(ctx.as_of - due).days} 天）。"
    else:
        text = f"{basis} {back}，证件应于{deadlines.return_due_text(back, days)}交回，{loan.returned} 才交回（逾期 {(loan.returned - due).days} 天）。"
    yield Finding(
        "X302",
        make_key("X302", item.person_id, day(loan.date)),
        unit,
        item.person_id,
        name,
        f"{item.person_id} {name} 领用的{item.type} {document_number(item.number)}：{text}",
        (
            from_src(
                "证件保管登记册",
                f"{loan.date} 领用（审批 {loan.approval_id}），交回日期 {loan.returned or '未填'}",
                loan.src,
            ),
        ),
        loan.src,
    )


def _came_back(ctx: Context, unit: str, loan: Loan, ident: str | None) -> tuple[dt.date | None, str]:
    """When the trip the document was lent for ended: the police entry, else the approval's plan."""
    for link in ctx.links.get(ident or "", ()):
        if link.trip.start >= loan.date and (link.approval is None or link.approval.id == loan.approval_id):
            if link.trip.entry is None:
                return None, ""
            return link.trip.entry.date, "公安记录入境日期"
    approval = ctx.approval_ids.get((unit, loan.approval_id))
    if approval is not None and ctx.as_of > approval.planned_entry:
        return approval.planned_entry, "审批的计划入境日期"
    return None, ""


def _both_kinds(ctx: Context, ident: str, entry: Registered) -> Iterator[Finding]:
    travel = ctx.travel.get(ident)
    if travel is None:
        return
    private = {h.number for h in ctx.holdings.get(ident, ())}
    report = ctx.report_for(ident)
    private |= {d.number for d in (report.documents if report else ())}
    for trip in travel.trips:
        used = trip.numbers
        official = [n for n in used if n not in private and n.startswith(OFFICIAL_PREFIXES)]
        if not official or not any(n in private for n in used):
            continue
        person = entry.person
        yield Finding(
            "X303",
            make_key("X303", person.id, day(trip.start)),
            entry.unit,
            person.id,
            person.name,
            f"{person.id} {person.name} {trip_text(trip, ctx.as_of)}：出境和入境分别使用了因私证件和因公证件 "
            f"{'、'.join(document_number(n) for n in official)}，在国（境）外期间同时持有两种证件。",
            trip_evidence(trip),
            person.src,
        )
